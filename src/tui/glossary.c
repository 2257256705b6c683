/* The glossary: what the quiz's terms mean, opened with g from the help
 * box over any screen, and left back to that screen. */
#include <curses.h>

#include "careerfit/i18n.h"
#include "screen.h"

static void glossary_build(const struct tui *tui, struct view *view)
{
	const struct quiz *quiz = session_quiz(tui->session);
	for (size_t t = 0; t < quiz->term_count; t++) {
		if (t)
			view_add_blank(view);
		view_add(view, "", quiz->glossary[t].term, STYLE_HEADING, VIEW_FOCUS);
		view_add(view, "  ", quiz->glossary[t].meaning, STYLE_NORMAL, -1);
	}
}

static void glossary_enter(struct tui *tui)
{
	tui->scroll = 0;
}

static void glossary_draw(struct tui *tui)
{
	/* TRANSLATORS: the glossary's title, at the left of its header, and
	 * its name, at the right (keep under 20 columns). */
	draw_header(_("Glossary: the terms this quiz uses"), _("Glossary"));
	draw_progress(1, 1);
	view_draw(tui, tui_view(tui), -1);
}

static void glossary_key(struct tui *tui, int key)
{
	if (keymap_find(KEYS_GLOSSARY, key) == KEYMAP_BACK)
		tui_switch(tui, tui->glossary_from);
	else
		view_scroll_key(tui, tui_view(tui), key);
}

const struct screen glossary_screen = {
	.enter = glossary_enter,
	.build = glossary_build,
	.draw = glossary_draw,
	.key = glossary_key,
	.keys = KEYS_GLOSSARY,
};
