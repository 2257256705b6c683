/* The results: the outcome the core built on submit, drawn line by line
 * as outcome_render() gives it; the headline goes in the header. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "careerfit/i18n.h"
#include "careerfit/text.h"
#include "screen.h"

/* The body being built, and whether the roles' names are too long for
 * the column beside the bars: each then goes on a line of its own above
 * its bar, so that no name is cut. */
struct body {
	struct view *view;
	bool names_above;
};

/* Whether HEADLINE fits the header beside the screen's name; a longer one
 * ("A close call between Product Manager, Product Owner and Project
 * Manager") opens the body instead, whole. */
static bool headline_in_header(const char *headline)
{
	char *shown = glyphs_text(headline);
	/* TRANSLATORS: the results screen's name, at the right of its header;
	 * keep under 20 columns. */
	size_t width = (shown ? text_width(shown) : 0) + text_width(_("Results")) + 3;
	free(shown);
	return width <= (size_t)COLS;
}

static void add_line(const struct outcome_line *line, void *data)
{
	struct body *body = data;
	struct view *view = body->view;
	switch (line->part) {
	case OUTCOME_HEADLINE:
		if (!headline_in_header(line->text)) {
			view_add(view, "", line->text, STYLE_HEADING, -1);
			view_add_blank(view);
		}
		break;
	case OUTCOME_BAR:
		if (body->names_above)
			view_add(view, "", line->text, STYLE_BOLD, -1);
		view_add_bar(view, body->names_above ? "" : line->text, line->value,
			     line->role + 1);
		break;
	case OUTCOME_BLANK:
		view_add_blank(view);
		break;
	case OUTCOME_HEADING:
		view_add(view, line->prefix, line->text, STYLE_HEADING, -1);
		break;
	case OUTCOME_SUMMARY:
	case OUTCOME_SURENESS:
		view_add(view, line->prefix, line->text, STYLE_BOLD, -1);
		break;
	case OUTCOME_BULLET: {
		char bullet[16];
		snprintf(bullet, sizeof(bullet), "%s ", glyphs_get()->bullet);
		view_add(view, bullet, line->text, STYLE_NORMAL, -1);
		break;
	}
	case OUTCOME_CHOSEN: {
		/* Indented under the question it answers; the words ("you
		 * chose: ") are the outcome's, translated there. */
		char prefix[128];
		snprintf(prefix, sizeof(prefix), "    %s", line->prefix);
		view_add(view, prefix, line->text, STYLE_CHOSEN, -1);
		break;
	}
	case OUTCOME_NOTE:
		view_add(view, line->prefix, line->text, STYLE_DIM, -1);
		break;
	case OUTCOME_COUNT:
	case OUTCOME_TEXT:
		view_add(view, line->prefix, line->text, STYLE_NORMAL, -1);
		break;
	}
}

static void results_build(const struct tui *tui, struct view *view)
{
	const struct quiz *quiz = session_quiz(tui->session);
	struct body body = {.view = view};
	for (size_t r = 0; r < quiz->role_count; r++) {
		char *name = glyphs_text(quiz->roles[r].name);
		body.names_above |= !name || text_width(name) > VIEW_BAR_LABEL - 1;
		free(name);
	}
	outcome_render(tui->outcome, true, add_line, &body);
	view_add_blank(view);
	/* TRANSLATORS: under the result; d is the key, keep it. */
	view_add(view, "",
		 _("Press d for the debrief: every question, what each option "
		   "signals and why."),
		 STYLE_DIM, -1);
}

static void results_enter(struct tui *tui)
{
	tui->scroll = 0;
}

static void results_draw(struct tui *tui)
{
	char *headline = outcome_headline(tui->outcome);
	bool in_header = headline && headline_in_header(headline);
	draw_header(in_header ? headline : _("Your result"), _("Results"));
	free(headline);
	draw_progress(1, 1);
	view_draw(tui, tui_view(tui), -1);
	/* The headline is the first thing to read, until the body scrolls. */
	if (tui->scroll == 0 && in_header) {
		tui->cursor_y = 0;
		tui->cursor_x = 1;
	}
}

static void results_key(struct tui *tui, int key)
{
	if (keymap_find(KEYS_RESULTS, key) == KEYMAP_CHOOSE)
		tui_switch(tui, SCREEN_DEBRIEF);
	else
		view_scroll_key(tui, tui_view(tui), key);
}

const struct screen results_screen = {
	.enter = results_enter,
	.build = results_build,
	.draw = results_draw,
	.key = results_key,
	.keys = KEYS_RESULTS,
};
