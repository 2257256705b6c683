/* The question screen: the scenario's story, the prompt and the options in
 * the order the session shows them. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "careerfit/i18n.h"
#include "screen.h"

static size_t current_question(const struct tui *tui)
{
	return session_current(tui->session);
}

static void question_build(const struct tui *tui, struct view *view)
{
	const struct quiz *quiz = session_quiz(tui->session);
	size_t q = current_question(tui);
	const struct quiz_question *question = &quiz->questions[q];
	const struct quiz_scenario *scenario = &quiz->scenarios[question->scenario];
	if (*scenario->story) {
		view_add(view, "", scenario->story, STYLE_DIM, -1);
		view_add_blank(view);
	}
	view_add(view, "", question->prompt, STYLE_BOLD, -2);
	view_add_blank(view);
	int answer = session_answer_of(tui->session, q);
	for (size_t position = 0; position < question->option_count; position++) {
		size_t option = session_option_at(tui->session, q, position);
		bool chosen = answer >= 0 && (size_t)answer == option;
		char letter[16];
		snprintf(letter, sizeof(letter), "%s %c) ", chosen ? glyphs_get()->check : " ",
			 (char)('a' + position));
		view_add(view, letter, question->options[option].text,
			 chosen ? STYLE_CHOSEN : STYLE_NORMAL, (int)position);
	}
	if (answer == SESSION_SKIPPED) {
		view_add_blank(view);
		view_add(view, "", _("(You skipped this question.)"), STYLE_DIM, -1);
	}
}

/* Show as much of the story as fits while keeping every option in sight;
 * never scroll past the prompt. */
static void question_layout(struct tui *tui, const struct view *view)
{
	size_t prompt, unused, options_end = view->count;
	size_t height = (size_t)view_height();
	tui->scroll = 0;
	if (view_find(view, -2, &prompt, &unused) && options_end > height)
		tui->scroll = options_end - height < prompt ? options_end - height : prompt;
}

static void question_enter(struct tui *tui)
{
	size_t q = current_question(tui);
	int answer = session_answer_of(tui->session, q);
	tui->highlight = answer >= 0 ? session_position_of(tui->session, q, (size_t)answer) : 0;
	question_layout(tui, tui_view(tui));
}

static void question_draw(struct tui *tui)
{
	const struct quiz *quiz = session_quiz(tui->session);
	size_t q = current_question(tui);
	char position[128];
	/* TRANSLATORS: at the right of the question screen's header: the
	 * question's number, then how many the quiz has; keep under 24
	 * columns. */
	snprintf(position, sizeof(position), _("Question %zu of %zu"), q + 1, quiz->question_count);
	draw_header(quiz->scenarios[quiz->questions[q].scenario].title, position);
	draw_progress(q, quiz->question_count);
	view_draw(tui, tui_view(tui), (int)tui->highlight);
}

static void after_answer(struct tui *tui)
{
	const struct quiz *quiz = session_quiz(tui->session);
	if (tui->from_review || session_current(tui->session) >= quiz->question_count) {
		/* Back to the review is past the last question, for the session
		 * too: saved progress and "quit at" then say the review. */
		tui->from_review = false;
		session_go_to(tui->session, quiz->question_count);
		tui_switch(tui, SCREEN_REVIEW);
	} else {
		tui_switch(tui, SCREEN_QUESTION);
	}
}

static void pick(struct tui *tui, size_t position)
{
	size_t q = current_question(tui);
	if (position >= session_quiz(tui->session)->questions[q].option_count)
		return;
	session_answer(tui->session, session_option_at(tui->session, q, position));
	after_answer(tui);
}

static void click(struct tui *tui, const struct view *view)
{
	int row = tui->mouse.y - view_top();
	if (row < 0 || row >= view_height() || tui->scroll + (size_t)row >= view->count)
		return;
	int tag = view->lines[tui->scroll + (size_t)row].tag;
	if (tag >= 0 && (tui->mouse.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
		pick(tui, (size_t)tag);
}

static void move_highlight(struct tui *tui, const struct view *view, int step)
{
	size_t count = session_quiz(tui->session)->questions[current_question(tui)].option_count;
	if (step < 0 && tui->highlight > 0)
		tui->highlight--;
	else if (step > 0 && tui->highlight + 1 < count)
		tui->highlight++;
	view_reveal(tui, view, (int)tui->highlight);
}

static void go_back(struct tui *tui)
{
	tui->from_review = false;
	if (session_back(tui->session))
		tui_switch(tui, SCREEN_QUESTION);
	else
		tui_switch(tui, SCREEN_WELCOME);
}

/* What is not a key of the keymap: the mouse, a resize, scrolling. */
static void question_event(struct tui *tui, const struct view *view, int key)
{
	if (key == KEY_MOUSE) {
		click(tui, view);
	} else if (key == KEY_RESIZE) {
		/* The old scroll may hide the options at the new size. */
		question_layout(tui, view);
		view_reveal(tui, view, (int)tui->highlight);
	} else {
		view_scroll_key(tui, view, key);
	}
}

static void question_key(struct tui *tui, int key)
{
	const struct view *view = tui_view(tui);
	switch (key == KEY_MOUSE || key == KEY_RESIZE ? KEYMAP_NONE
						      : keymap_find(KEYS_QUESTION, key)) {
	case KEYMAP_PICK: /* a-i, 1-9 */
		pick(tui, (size_t)(key >= 'a' ? key - 'a' : key - '1'));
		break;
	case KEYMAP_CHOOSE:
		pick(tui, tui->highlight);
		break;
	case KEYMAP_UP:
		move_highlight(tui, view, -1);
		break;
	case KEYMAP_DOWN:
		move_highlight(tui, view, +1);
		break;
	case KEYMAP_BACK:
		go_back(tui);
		break;
	case KEYMAP_NEXT:
		if (session_forward(tui->session))
			after_answer(tui);
		break;
	case KEYMAP_SKIP:
		session_skip(tui->session);
		after_answer(tui);
		break;
	default:
		question_event(tui, view, key);
		break;
	}
}

const struct screen question_screen = {
	.enter = question_enter,
	.build = question_build,
	.draw = question_draw,
	.key = question_key,
	.keys = KEYS_QUESTION,
};
