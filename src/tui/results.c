/* The results: a bar per role, ranked, the top role (or the hybrid of tied
 * roles) explained, and the answers that pushed most toward it. The
 * scores come from tui->result, computed by the core on submit. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "careerfit/text.h"
#include "screen.h"
#include "../summary.h"

#define RESULT_REASONS 3

static void add_reasons(const struct tui *tui, struct view *view, size_t role)
{
	const struct quiz *quiz = session_quiz(tui->session);
	const int *answers = session_answers(tui->session);
	struct score_reason reasons[RESULT_REASONS];
	size_t count = session_reasons(tui->session, role, reasons, RESULT_REASONS);
	if (count == 0)
		return;
	view_add_blank(view);
	view_add(view, "What pushed you toward ", quiz->roles[role].name, STYLE_BOLD, -1);
	for (size_t i = 0; i < count; i++) {
		const struct quiz_question *question = &quiz->questions[reasons[i].question];
		view_add(view, "\u2022 ", question->prompt, STYLE_NORMAL, -1);
		view_add(view,
			 "    you chose: ", question->options[answers[reasons[i].question]].text,
			 STYLE_CHOSEN, -1);
	}
}

static void add_top_roles(const struct tui *tui, struct view *view)
{
	const struct quiz *quiz = session_quiz(tui->session);
	const struct score_result *result = &tui->result;
	for (size_t i = 0; i < result->top_count; i++) {
		const struct quiz_role *role = &quiz->roles[result->ranking[i]];
		view_add_blank(view);
		view_add(view, "", role->name, STYLE_HEADING, -1);
		if (*role->summary)
			view_add(view, "", role->summary, STYLE_BOLD, -1);
		if (*role->description)
			view_add(view, "", role->description, STYLE_NORMAL, -1);
	}
	for (size_t i = 0; i < result->top_count; i++)
		add_reasons(tui, view, result->ranking[i]);
}

static void results_build(const struct tui *tui, struct view *view)
{
	const struct quiz *quiz = session_quiz(tui->session);
	const struct score_result *result = &tui->result;
	view_fit_width(view);
	for (size_t i = 0; i < result->role_count; i++) {
		size_t r = result->ranking[i];
		const struct score_role *role = &result->roles[r];
		view_add_bar(view, quiz->roles[r].name, role->defined ? role->affinity : -1,
			     (int)r + 1);
	}
	if (result->top_count == 0) {
		view_add_blank(view);
		view_add(view, "", "No role can be ranked: no answered question scores them.",
			 STYLE_BOLD, -1);
		return;
	}
	add_top_roles(tui, view);
	view_add_blank(view);
	view_add(view, "",
		 "Press d for the debrief: every question, what each option "
		 "signals and why.",
		 STYLE_DIM, -1);
}

static void results_enter(struct tui *tui)
{
	tui->scroll = 0;
}

static void results_draw(struct tui *tui)
{
	const struct quiz *quiz = session_quiz(tui->session);
	char *top = tui->result.top_count ? summary_top_names(quiz, &tui->result) : NULL;
	char title[512];
	snprintf(title, sizeof(title), "Your best fit: %s", top ? top : "");
	draw_header(top ? title : "Your result", "Results");
	free(top);
	draw_progress(1, 1);
	struct view view = {0};
	results_build(tui, &view);
	view_draw(tui, &view, -1);
	view_clear(&view);
}

static void results_key(struct tui *tui, int key)
{
	struct view view = {0};
	results_build(tui, &view);
	if (key == 'd' || key == '\n' || key == '\r' || key == KEY_ENTER || key == KEY_RIGHT)
		tui_switch(tui, SCREEN_DEBRIEF);
	else if (key == ' ')
		view_scroll_key(tui, &view, KEY_NPAGE);
	else
		view_scroll_key(tui, &view, key);
	view_clear(&view);
}

const struct screen results_screen = {
	.enter = results_enter,
	.draw = results_draw,
	.key = results_key,
	.hints = "d debrief  \u2191\u2193 PgUp/PgDn scroll  ? help  q quit",
};
