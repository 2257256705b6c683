/* The debrief: one question at a time, the answer given, which roles each
 * option signals, and the question's debrief text. This is where a
 * learner finds out why, so it shows every option, not just theirs. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "careerfit/i18n.h"
#include "screen.h"

static void debrief_build(const struct tui *tui, struct view *view)
{
	const struct quiz *quiz = session_quiz(tui->session);
	size_t q = tui->debrief;
	const struct quiz_question *question = &quiz->questions[q];
	int answer = session_answer_of(tui->session, q);
	view_add(view, "", question->prompt, STYLE_BOLD, VIEW_FOCUS);
	view_add_blank(view);
	for (size_t position = 0; position < question->option_count; position++) {
		size_t option = session_option_at(tui->session, q, position);
		bool chosen = answer >= 0 && (size_t)answer == option;
		char letter[32], signals[512], label[128];
		snprintf(letter, sizeof(letter), "%s %c) ", chosen ? glyphs_get()->check : " ",
			 (char)('a' + position));
		view_add(view, letter, question->options[option].text,
			 chosen ? STYLE_CHOSEN : STYLE_NORMAL, -1);
		score_describe_option(quiz, &question->options[option], signals, sizeof(signals));
		/* TRANSLATORS: in the debrief, under each option: before the
		 * roles it signals and their points, such as "PM +3". */
		snprintf(label, sizeof(label), "      %s ", _("signals:"));
		view_add(view, label, signals, STYLE_DIM, -1);
	}
	view_add_blank(view);
	if (answer == SESSION_SKIPPED || answer == SESSION_UNANSWERED)
		view_add(view, "", _("You skipped this question: it counts toward no role."),
			 STYLE_DIM, -1);
	if (*question->debrief) {
		/* TRANSLATORS: in the debrief, the heading over why the
		 * question's options signal what they do. */
		view_add(view, "", _("Why"), STYLE_HEADING, -1);
		view_add(view, "", question->debrief, STYLE_NORMAL, -1);
	}
	char *legend = outcome_role_legend(quiz);
	if (legend) {
		view_add_blank(view);
		view_add(view, "", legend, STYLE_DIM, -1);
	}
	free(legend);
}

static void debrief_enter(struct tui *tui)
{
	tui->scroll = 0;
}

static void debrief_draw(struct tui *tui)
{
	const struct quiz *quiz = session_quiz(tui->session);
	char position[128];
	/* TRANSLATORS: at the right of the debrief's header: the question's
	 * number, then how many the quiz has; keep under 24 columns. */
	snprintf(position, sizeof(position), _("Debrief %zu of %zu"), tui->debrief + 1,
		 quiz->question_count);
	draw_header(quiz->scenarios[quiz->questions[tui->debrief].scenario].title, position);
	draw_progress(tui->debrief + 1, quiz->question_count);
	view_draw(tui, tui_view(tui), -1);
}

static void debrief_key(struct tui *tui, int key)
{
	size_t count = session_quiz(tui->session)->question_count;
	/* Another question is another body: entering again builds it. */
	switch (keymap_find(KEYS_DEBRIEF, key)) {
	case KEYMAP_NEXT:
		if (tui->debrief + 1 < count) {
			tui->debrief++;
			tui_switch(tui, SCREEN_DEBRIEF);
		} else {
			tui_switch(tui, SCREEN_RESULTS);
		}
		break;
	case KEYMAP_BACK:
		if (tui->debrief > 0) {
			tui->debrief--;
			tui_switch(tui, SCREEN_DEBRIEF);
		}
		break;
	case KEYMAP_RESULTS:
		tui_switch(tui, SCREEN_RESULTS);
		break;
	default:
		view_scroll_key(tui, tui_view(tui), key);
		break;
	}
}

const struct screen debrief_screen = {
	.enter = debrief_enter,
	.build = debrief_build,
	.draw = debrief_draw,
	.key = debrief_key,
	.keys = KEYS_DEBRIEF,
};
