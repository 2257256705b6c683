/* The name screen, first in a workshop room (--room): the participant
 * types the name the mentor will see. A one-line editor over wide
 * characters: UTF-8 arrives from getch() a byte at a time and is decoded
 * here; widths are terminal columns. The cursor stays on the field, where
 * a screen reader follows it. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "careerfit/i18n.h"
#include "careerfit/text.h"
#include "screen.h"

static size_t name_width(const struct tui *tui, size_t from, size_t to)
{
	size_t width = 0;
	for (size_t i = from; i < to; i++) {
		int w = wcwidth(tui->name[i]);
		width += w > 0 ? (size_t)w : 0;
	}
	return width;
}

static void insert(struct tui *tui, wchar_t c)
{
	if (tui->name_length >= TUI_NAME_MAX ||
	    name_width(tui, 0, tui->name_length) + (size_t)wcwidth(c) > TUI_NAME_COLUMNS)
		return;
	memmove(&tui->name[tui->name_cursor + 1], &tui->name[tui->name_cursor],
		(tui->name_length - tui->name_cursor) * sizeof(wchar_t));
	tui->name[tui->name_cursor++] = c;
	tui->name_length++;
	tui->name_message = NULL;
}

static void delete_at(struct tui *tui, size_t at)
{
	if (at >= tui->name_length)
		return;
	memmove(&tui->name[at], &tui->name[at + 1], (tui->name_length - at - 1) * sizeof(wchar_t));
	tui->name_length--;
	if (tui->name_cursor > at)
		tui->name_cursor--;
}

/* A byte of typed text: whole characters are inserted once complete. */
static void typed_byte(struct tui *tui, int byte)
{
	char c = (char)byte;
	wchar_t wide;
	size_t got = mbrtowc(&wide, &c, 1, &tui->name_state);
	if (got == (size_t)-2)
		return; /* more bytes to come */
	if (got == (size_t)-1) {
		memset(&tui->name_state, 0, sizeof(tui->name_state));
		return;
	}
	if (iswprint((wint_t)wide) && wcwidth(wide) > 0)
		insert(tui, wide);
}

/* The name as UTF-8 with the blanks around it trimmed; NULL when empty. */
static char *typed_name(const struct tui *tui)
{
	size_t first = 0, last = tui->name_length;
	while (first < last && iswspace((wint_t)tui->name[first]))
		first++;
	while (last > first && iswspace((wint_t)tui->name[last - 1]))
		last--;
	if (first == last)
		return NULL;
	char *text = malloc((last - first) * MB_CUR_MAX + 1);
	size_t used = 0;
	mbstate_t state = {0};
	for (size_t i = first; text && i < last; i++) {
		size_t n = wcrtomb(text + used, tui->name[i], &state);
		used += n == (size_t)-1 ? 0 : n;
	}
	if (text)
		text[used] = '\0';
	return text;
}

static void submit(struct tui *tui)
{
	char *name = typed_name(tui);
	if (!name) {
		tui->name_message =
			_("Type your name first: the mentor sees it beside your result.");
		return;
	}
	struct tui_claim claim = {0};
	bool ok = tui->claim(tui->data, name, &claim);
	free(name);
	if (!ok) {
		tui->name_message = _("That name is open in another session right now. Add an "
				      "initial or another word to tell you apart.");
		return;
	}
	tui->keeps_progress = claim.keeps_progress;
	tui->offer_resume = claim.offer_resume;
	tui->resume_answered = claim.answered;
	tui->resume_changed = claim.changed;
	tui_switch(tui, SCREEN_WELCOME);
}

static void name_enter(struct tui *tui)
{
	tui->scroll = 0;
}

static void name_build(const struct tui *tui, struct view *view)
{
	view_add(view, "", session_quiz(tui->session)->title, STYLE_HEADING, -1);
	view_add_blank(view);
	view_add(view, "",
		 _("Your name, as the mentor will see it beside your result. If you come "
		   "back later, type the same name to carry on where you left off."),
		 STYLE_NORMAL, -1);
}

/* Why the name was not taken, wrapped to the screen from row Y on. */
static void draw_message(int y, const char *message)
{
	struct text_lines lines;
	if (!text_wrap(message, (size_t)COLS - 4, &lines))
		return;
	for (size_t i = 0; i < lines.count && y < LINES - 1; i++)
		draw_text(y++, 2, lines.lines[i], (size_t)COLS - 4);
	text_lines_clear(&lines);
}

static void name_draw(struct tui *tui)
{
	/* TRANSLATORS: the name screen's name (--room), at the right of its
	 * header; keep under 20 columns. */
	draw_header("careerfit", _("Your name"));
	const struct view *view = tui_view(tui);
	view_draw(tui, view, -1);
	int y = view_top() + (int)view->count + 1, x = 4;
	mvaddstr(y, 2, "> ");
	for (size_t i = 0; i < tui->name_length; i++)
		addnwstr(&tui->name[i], 1);
	attron(A_UNDERLINE);
	for (size_t w = name_width(tui, 0, tui->name_length); w < TUI_NAME_COLUMNS; w++)
		addch(' ');
	attroff(A_UNDERLINE);
	if (tui->name_message)
		draw_message(y + 2, tui->name_message);
	tui->cursor_y = y;
	tui->cursor_x = x + (int)name_width(tui, 0, tui->name_cursor);
}

static void name_key(struct tui *tui, int key)
{
	switch (keymap_find(KEYS_NAME, key)) {
	case KEYMAP_CHOOSE:
		submit(tui);
		break;
	case KEYMAP_LEAVE:
		tui->running = false;
		break;
	case KEYMAP_BACK:
		tui->name_cursor -= tui->name_cursor > 0;
		break;
	case KEYMAP_NEXT:
		tui->name_cursor += tui->name_cursor < tui->name_length;
		break;
	case KEYMAP_FIRST:
		tui->name_cursor = 0;
		break;
	case KEYMAP_LAST:
		tui->name_cursor = tui->name_length;
		break;
	case KEYMAP_DELETE_BEFORE:
		if (tui->name_cursor)
			delete_at(tui, tui->name_cursor - 1);
		break;
	case KEYMAP_DELETE_AT:
		delete_at(tui, tui->name_cursor);
		break;
	case KEYMAP_CLEAR:
		while (tui->name_cursor)
			delete_at(tui, tui->name_cursor - 1);
		break;
	default:
		if (key >= ' ' && key <= 0xff && key != 127)
			typed_byte(tui, key);
		break;
	}
}

const struct screen name_screen = {
	.enter = name_enter,
	.build = name_build,
	.draw = name_draw,
	.key = name_key,
	.keys = KEYS_NAME,
};
