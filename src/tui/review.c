/* The review: every question with the answer given; Enter on a question
 * goes back to change it, Enter on the last line submits. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "careerfit/i18n.h"
#include "careerfit/text.h"
#include "screen.h"

static void review_build(const struct tui *tui, struct view *view)
{
	const struct quiz *quiz = session_quiz(tui->session);
	for (size_t q = 0; q < quiz->question_count; q++) {
		const struct quiz_question *question = &quiz->questions[q];
		char number[32];
		snprintf(number, sizeof(number), "%2zu. ", q + 1);
		view_add(view, number, question->prompt, STYLE_BOLD, (int)q);
		int answer = session_answer_of(tui->session, q);
		if (answer >= 0) {
			char letter[16];
			size_t position = session_position_of(tui->session, q, (size_t)answer);
			snprintf(letter, sizeof(letter), "    %c) ", (char)('a' + position));
			view_add(view, letter, question->options[answer].text, STYLE_CHOSEN,
				 (int)q);
		} else {
			view_add(view, "    ",
				 answer == SESSION_SKIPPED ? _("(skipped)")
							   : _("(not answered yet)"),
				 STYLE_DIM, (int)q);
		}
	}
	view_add_blank(view);
	/* TRANSLATORS: the last line of the review, a button: Enter on it
	 * submits the answers. */
	view_add(view, "  ", _("[ Submit my answers and see the result ]"), STYLE_HEADING,
		 (int)quiz->question_count);
}

static void review_enter(struct tui *tui)
{
	tui->highlight = session_quiz(tui->session)->question_count;
	tui->scroll = 0;
	view_reveal(tui, tui_view(tui), (int)tui->highlight);
}

static void review_draw(struct tui *tui)
{
	const struct quiz *quiz = session_quiz(tui->session);
	char counts[128];
	size_t answered = session_answered_count(tui->session);
	/* TRANSLATORS: at the right of the review's header: how many
	 * questions were answered (which picks the form), of how many; keep
	 * under 24 columns. */
	snprintf(counts, sizeof(counts), P_("%zu of %zu answered", "%zu of %zu answered", answered),
		 answered, quiz->question_count);
	draw_header(_("Review your answers"), counts);
	draw_progress(quiz->question_count, quiz->question_count);
	view_draw(tui, tui_view(tui), (int)tui->highlight);
}

static void review_choose(struct tui *tui)
{
	const struct quiz *quiz = session_quiz(tui->session);
	if (tui->highlight >= quiz->question_count) {
		tui_submit(tui);
		return;
	}
	session_go_to(tui->session, tui->highlight);
	tui->from_review = true;
	tui_switch(tui, SCREEN_QUESTION);
}

static void review_click(struct tui *tui, const struct view *view)
{
	int row = tui->mouse.y - view_top();
	if (row < 0 || row >= view_height() || tui->scroll + (size_t)row >= view->count)
		return;
	int tag = view->lines[tui->scroll + (size_t)row].tag;
	if (tag >= 0 && (tui->mouse.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))) {
		tui->highlight = (size_t)tag;
		review_choose(tui);
	}
}

static void review_key(struct tui *tui, int key)
{
	const struct quiz *quiz = session_quiz(tui->session);
	const struct view *view = tui_view(tui);
	enum keymap_action action = key == KEY_MOUSE ? KEYMAP_NONE : keymap_find(KEYS_REVIEW, key);
	switch (action) {
	case KEYMAP_UP:
		tui->highlight -= tui->highlight > 0;
		break;
	case KEYMAP_DOWN:
		tui->highlight += tui->highlight < quiz->question_count;
		break;
	/* Home and End move the highlight: scrolling alone would be undone by
	 * keeping the highlight in sight below. */
	case KEYMAP_FIRST:
		tui->highlight = 0;
		break;
	case KEYMAP_LAST:
		tui->highlight = quiz->question_count;
		break;
	case KEYMAP_CHOOSE:
		review_choose(tui);
		break;
	case KEYMAP_BACK:
		session_back(tui->session);
		tui_switch(tui, SCREEN_QUESTION);
		break;
	default:
		if (key == KEY_MOUSE)
			review_click(tui, view);
		else
			view_scroll_key(tui, view, key);
		break;
	}
	if (tui->screen == SCREEN_REVIEW && action != KEYMAP_PAGE_DOWN && action != KEYMAP_PAGE_UP)
		view_reveal(tui, view, (int)tui->highlight);
}

const struct screen review_screen = {
	.enter = review_enter,
	.build = review_build,
	.draw = review_draw,
	.key = review_key,
	.keys = KEYS_REVIEW,
};
