/* The welcome screen: what the quiz is, how long it is, the keys. */
#include <curses.h>
#include <stdio.h>

#include "careerfit/i18n.h"
#include "screen.h"

static void add_resume_offer(const struct tui *tui, struct view *view)
{
	char text[512];
	size_t total = session_quiz(tui->session)->question_count;
	/* TRANSLATORS: the welcome screen, when answers were saved: the first
	 * %zu is how many were answered, the second how many questions the
	 * quiz has (which picks the form). */
	snprintf(text, sizeof(text),
		 P_("You answered %zu of %zu question last time.",
		    "You answered %zu of %zu questions last time.", total),
		 tui->resume_answered, total);
	view_add(view, "", text, STYLE_HEADING, -1);
	if (tui->resume_changed) {
		snprintf(text, sizeof(text),
			 P_("%zu earlier answer was to a question that has changed or gone "
			    "since; it will be asked again where it still exists.",
			    "%zu earlier answers were to questions that have changed or "
			    "gone since; they will be asked again where they still exist.",
			    tui->resume_changed),
			 tui->resume_changed);
		view_add(view, "", text, STYLE_NORMAL, -1);
	}
	/* TRANSLATORS: Enter and n are the keys: name Enter as your keyboards
	 * label it, but keep n, which is what is typed. */
	view_add(view, "", _("Press Enter to resume where you left off, or n to start over."),
		 STYLE_BOLD, VIEW_FOCUS);
}

/* "N questions in N scenarios. About N minutes.": two sentences. The
 * first has two numbers with plural forms of their own, so it is a format
 * of its own with the two counted phrases as its conversions (see the GNU
 * gettext manual on plural forms). */
static void quiz_size(const struct quiz *quiz, char *text, size_t size)
{
	char questions[128], scenarios[128], sentence[384], minutes[128];
	/* TRANSLATORS: the first %s of "%1$s in %2$s." on the welcome screen. */
	snprintf(questions, sizeof(questions),
		 P_("%zu question", "%zu questions", quiz->question_count), quiz->question_count);
	/* TRANSLATORS: the second %s of "%1$s in %2$s." on the welcome
	 * screen: translate it in the form that sentence needs there. */
	snprintf(scenarios, sizeof(scenarios),
		 P_("%zu scenario", "%zu scenarios", quiz->scenario_count), quiz->scenario_count);
	/* TRANSLATORS: the size of the quiz on the welcome screen, as "10
	 * questions in 4 scenarios.": %1$s is "%zu question(s)", %2$s is
	 * "%zu scenario(s)"; they may change places. */
	snprintf(sentence, sizeof(sentence), _("%1$s in %2$s."), questions, scenarios);
	size_t count = (quiz->question_count + 1) / 2 + 1;
	/* TRANSLATORS: how long the quiz takes, after its size on the welcome
	 * screen. */
	snprintf(minutes, sizeof(minutes), P_("About %zu minute.", "About %zu minutes.", count),
		 count);
	snprintf(text, size, "%s %s", sentence, minutes);
}

/* Drawn first from the quiz file's own title and description while the
 * quiz loads (tui_splash), then again from the loaded quiz, with its
 * size. */
static void welcome_build(const struct tui *tui, struct view *view)
{
	const struct quiz *quiz = tui->session ? session_quiz(tui->session) : NULL;
	const char *description = quiz ? quiz->description : tui->splash_description;
	view_add(view, "", quiz ? quiz->title : tui->splash_title, STYLE_HEADING, -1);
	view_add_blank(view);
	if (*description) {
		view_add(view, "", description, STYLE_NORMAL, -1);
		view_add_blank(view);
	}
	if (quiz) {
		char counts[512];
		quiz_size(quiz, counts, sizeof(counts));
		view_add(view, "", counts, STYLE_NORMAL, -1);
		view_add_blank(view);
	}
	view_add(view, "",
		 _("Each scenario tells a story; each question asks what you would do, "
		   "want, measure or enjoy there. There is no right answer: pick what "
		   "fits you best."),
		 STYLE_NORMAL, -1);
	view_add_blank(view);
	/* TRANSLATORS: the keys on the welcome screen: a-i, 1-9, s and ? are
	 * what is typed, keep them; name Up/Down, Enter and Left as your
	 * keyboards label them. */
	view_add(view, "  ",
		 _("a-i or 1-9 picks an option, Up/Down and Enter too; Left goes "
		   "back; s skips; ? shows every key."),
		 STYLE_DIM, -1);
	view_add_blank(view);
	if (tui->offer_resume)
		add_resume_offer(tui, view);
	else
		/* TRANSLATORS: Enter is the key: name it as your keyboards
		 * label it. */
		view_add(view, "", _("Press Enter to start."), STYLE_BOLD, VIEW_FOCUS);
}

static void welcome_enter(struct tui *tui)
{
	tui->scroll = 0;
}

static void welcome_draw(struct tui *tui)
{
	/* TRANSLATORS: the welcome screen's name, at the right of its
	 * header; keep under 20 columns. */
	draw_header("careerfit", _("Welcome"));
	view_draw(tui, tui_view(tui), -1);
}

static void welcome_key(struct tui *tui, int key)
{
	/* The usual key keeps the saved answers; throwing them away takes
	 * the one key that says so. */
	enum keymap_action action = keymap_find(tui_keys(tui), key);
	bool start = action == KEYMAP_CHOOSE;
	if (tui->offer_resume && start) {
		tui->offer_resume = false;
		tui_switch(tui, SCREEN_QUESTION);
	} else if (tui->offer_resume && action == KEYMAP_START_OVER) {
		tui->offer_resume = false;
		session_reset(tui->session);
		tui_switch(tui, SCREEN_QUESTION);
	} else if (start) {
		tui_switch(tui, SCREEN_QUESTION);
	} else {
		view_scroll_key(tui, tui_view(tui), key);
	}
}

const struct screen welcome_screen = {
	.enter = welcome_enter,
	.build = welcome_build,
	.draw = welcome_draw,
	.key = welcome_key,
	.keys = KEYS_WELCOME,
};
