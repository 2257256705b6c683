/* The welcome screen: what the quiz is, how long it is, the keys. */
#include <curses.h>
#include <stdio.h>

#include "screen.h"

static void add_resume_offer(const struct tui *tui, struct view *view)
{
	char text[256];
	size_t total = session_quiz(tui->session)->question_count;
	snprintf(text, sizeof(text), "You answered %zu of %zu question%s last time.",
		 tui->resume_answered, total, total == 1 ? "" : "s");
	view_add(view, "", text, STYLE_HEADING, -1);
	if (tui->resume_changed) {
		snprintf(text, sizeof(text),
			 tui->resume_changed == 1
				 ? "%zu earlier answer was to a question that has changed or gone "
				   "since; it will be asked again where it still exists."
				 : "%zu earlier answers were to questions that have changed or "
				   "gone since; they will be asked again where they still exist.",
			 tui->resume_changed);
		view_add(view, "", text, STYLE_NORMAL, -1);
	}
	view_add(view, "", "Press Enter to resume where you left off, or n to start over.",
		 STYLE_BOLD, VIEW_FOCUS);
}

static void welcome_build(const struct tui *tui, struct view *view)
{
	const struct quiz *quiz = session_quiz(tui->session);
	char counts[128];
	snprintf(counts, sizeof(counts), "%zu question%s in %zu scenario%s. About %zu minutes.",
		 quiz->question_count, quiz->question_count == 1 ? "" : "s", quiz->scenario_count,
		 quiz->scenario_count == 1 ? "" : "s", (quiz->question_count + 1) / 2 + 1);
	view_add(view, "", quiz->title, STYLE_HEADING, -1);
	view_add_blank(view);
	if (*quiz->description) {
		view_add(view, "", quiz->description, STYLE_NORMAL, -1);
		view_add_blank(view);
	}
	view_add(view, "", counts, STYLE_NORMAL, -1);
	view_add_blank(view);
	view_add(view, "",
		 "Each scenario tells a story; each question asks what you would do, "
		 "want, measure or enjoy there. There is no right answer: pick what "
		 "fits you best.",
		 STYLE_NORMAL, -1);
	view_add_blank(view);
	view_add(view, "  ",
		 "a-i or 1-9 picks an option, Up/Down and Enter too; Left goes "
		 "back; s skips; ? shows every key.",
		 STYLE_DIM, -1);
	view_add_blank(view);
	if (tui->offer_resume)
		add_resume_offer(tui, view);
	else
		view_add(view, "", "Press Enter to start.", STYLE_BOLD, VIEW_FOCUS);
}

static void welcome_enter(struct tui *tui)
{
	tui->scroll = 0;
}

static void welcome_draw(struct tui *tui)
{
	draw_header("careerfit", "Welcome");
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
