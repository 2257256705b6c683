/* Drawing helpers shared by the screens: colours, the header and hint
 * lines, and the scrolling body view. Text reaching the screen is
 * sanitised and made showable in the locale (view_add does it once, with
 * glyphs_text, and draw_text for the interface's own words, which
 * gettext gives in UTF-8 whatever the locale), so addnstr never sees a
 * control character from a quiz file, nor a byte the locale cannot show.
 * Translated words differ in length: they are measured in columns
 * (text_width), never in bytes. */
#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "careerfit/i18n.h"
#include "careerfit/text.h"
#include "screen.h"

enum pair {
	PAIR_HEADER = 1,
	PAIR_DIM,
	PAIR_HEADING,
	PAIR_CHOSEN,
	PAIR_ROLE, /* role colours follow, one pair each */
};

static const short role_colors[] = {COLOR_CYAN,	  COLOR_MAGENTA, COLOR_GREEN,
				    COLOR_YELLOW, COLOR_BLUE,	 COLOR_RED};
#define ROLE_COLOR_COUNT (sizeof(role_colors) / sizeof(role_colors[0]))

static bool colors_on;

void draw_init_colors(bool color)
{
	colors_on = false;
	if (!color || !has_colors())
		return;
	/* Every pair but the header's is drawn on the terminal's own
	 * background (-1). A terminal that cannot go back to its own colours
	 * (no op or oc in its entry) would have every line painted white on
	 * black and the pairs on -1 left black on black: it gets no colours,
	 * as with --no-color, and keeps its own.
	 *
	 * The terminal's own colours are asked for before start_color(),
	 * which then makes them pair 0's. Asked for after it, ncurses sets
	 * pair 0 again and first looks through every cell of the screen for
	 * the old pair: 55,000 instructions, 3% of careerfit's start to its
	 * first screen, for a screen that is still blank. */
	if (use_default_colors() != OK)
		return;
	colors_on = start_color() == OK;
	if (!colors_on)
		return;
	init_pair(PAIR_HEADER, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_DIM, COLOR_BLUE, -1);
	init_pair(PAIR_HEADING, COLOR_YELLOW, -1);
	init_pair(PAIR_CHOSEN, COLOR_GREEN, -1);
	for (size_t i = 0; i < ROLE_COLOR_COUNT; i++)
		init_pair((short)(PAIR_ROLE + i), role_colors[i], -1);
}

bool draw_colors_on(void)
{
	return colors_on;
}

static attr_t color(enum pair pair)
{
	return colors_on ? COLOR_PAIR(pair) : A_NORMAL;
}

static attr_t role_color(int role)
{
	return color((enum pair)(PAIR_ROLE + (size_t)role % ROLE_COLOR_COUNT));
}

/* Printable ASCII goes into the window's cells as it is, in the current
 * attributes: a fraction of what addnstr costs a character (it reads each
 * as a multibyte sequence). Anything else takes addnstr. Text reaching the
 * right margin is cut there, never wrapped; the cursor is left after the
 * text when that is on the screen. */
static void put_cells(int y, int x, const char *text, size_t length)
{
	chtype cells[256];
	chtype attrs = (chtype)getattrs(stdscr);
	while (length > 0) {
		size_t run = 0;
		while (run < length && run < sizeof(cells) / sizeof(cells[0]) &&
		       text[run] >= ' ' && text[run] <= '~') {
			cells[run] = (chtype)(unsigned char)text[run] | attrs;
			run++;
		}
		if (run == 0) {
			mvaddnstr(y, x, text, (int)length);
			return;
		}
		mvaddchnstr(y, x, cells, (int)run);
		text += run;
		length -= run;
		x += (int)run;
	}
	if (x < COLS)
		move(y, x);
}

/* TEXT made showable already (a view's line: view_add), cut to COLUMNS. */
static void draw_shown(int y, int x, const char *text, size_t columns)
{
	put_cells(y, x, text, text_fit(text, columns));
}

void draw_text(int y, int x, const char *text, size_t columns)
{
	char *shown = glyphs_text(text);
	if (shown)
		draw_shown(y, x, shown, columns);
	free(shown);
}

/* The columns of TEXT, at most MOST. */
static size_t width_at_most(const char *text, size_t most)
{
	size_t width = text_width(text);
	return width < most ? width : most;
}

void draw_header(const char *left, const char *right)
{
	/* The left part is often a title from the quiz file. */
	char *clean = glyphs_text(left);
	attrset(A_REVERSE | A_BOLD | color(PAIR_HEADER));
	mvhline(0, 0, ' ', COLS);
	size_t right_width = width_at_most(right, COLS > 2 ? (size_t)COLS - 2 : 0);
	size_t room = (size_t)COLS > right_width + 3 ? (size_t)COLS - right_width - 3 : 0;
	if (clean) {
		/* One line: a new line in a title would break the header. */
		for (char *c = clean; *c; c++)
			*c = *c == '\n' ? ' ' : *c;
		draw_text(0, 1, clean, room);
	}
	draw_text(0, COLS - (int)right_width - 1, right, right_width);
	attrset(A_NORMAL);
	free(clean);
}

/* COUNT cells of GLYPH (one character in the locale's encoding) in ATTR
 * from row Y, column X: one call to curses, not one multibyte string per
 * cell. Cut at the right margin. */
static void put_glyph_cells(int y, int x, const char *glyph, size_t count, attr_t attr)
{
	wchar_t wide[2] = {0};
	mbstate_t state = {0};
	size_t length = strlen(glyph);
	cchar_t cell;
	if (count == 0 || x >= COLS)
		return;
	if (count > (size_t)(COLS - x))
		count = (size_t)(COLS - x);
	if (mbrtowc(&wide[0], glyph, length, &state) != length || wcwidth(wide[0]) != 1 ||
	    setcchar(&cell, wide, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL) != OK) {
		attrset(attr);
		move(y, x);
		for (size_t i = 0; i < count; i++)
			addstr(glyph);
		attrset(A_NORMAL);
		return;
	}
	mvhline_set(y, x, &cell, (int)count);
}

/* A bar from the cursor on, WIDTH cells of which FILLED full; the cursor
 * is left after it when that is on the screen. */
void draw_bar_cells(size_t filled, size_t width, attr_t full, attr_t empty)
{
	const struct glyphs *glyphs = glyphs_get();
	int y, x;
	getyx(stdscr, y, x);
	if (filled > width)
		filled = width;
	put_glyph_cells(y, x, glyphs->full, filled, full);
	if ((size_t)x + filled < (size_t)COLS)
		put_glyph_cells(y, x + (int)filled, glyphs->empty, width - filled, empty);
	attrset(A_NORMAL);
	if ((size_t)x + width < (size_t)COLS)
		move(y, x + (int)width);
}

void draw_progress(size_t done, size_t total)
{
	size_t width = (size_t)COLS - 2;
	move(1, 1);
	draw_bar_cells(total ? width * done / total : 0, width, A_BOLD | color(PAIR_CHOSEN),
		       color(PAIR_DIM));
}

/* "More" at the end of a line: ARROW and the key that scrolls, in
 * MORE, with a blank after; returns its columns (at most 16). */
static size_t more_marker(char *more, size_t size, const char *format, const char *arrow)
{
	snprintf(more, size, format, arrow);
	return width_at_most(more, 16) + 1;
}

void draw_hints(enum keymap_screen screen, bool more_below)
{
	char more[64], hints[512];
	/* TRANSLATORS: at the right of the bottom line when the text goes on
	 * below: %s is an arrow down, PgDn the key that shows more (Page
	 * Down; name it as your keyboards do). Keep under 8 columns. */
	size_t more_width =
		more_below ? more_marker(more, sizeof(more), _("%s PgDn"), glyphs_get()->down) : 0;
	size_t room = (size_t)COLS - 2 - more_width;
	attrset(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	if (keymap_hints(screen, room, hints, sizeof(hints)))
		draw_text(LINES - 1, 1, hints, room);
	if (more_below) {
		attrset(A_REVERSE | A_BOLD);
		draw_text(LINES - 1, COLS - (int)more_width, more, more_width - 1);
	}
	attrset(A_NORMAL);
}

/* TEXT centred on row Y, cut to the screen; returns its column. */
static int draw_centred(int y, const char *text)
{
	size_t width = width_at_most(text, (size_t)COLS);
	int x = (COLS - (int)width) / 2;
	draw_text(y, x, text, width);
	return x;
}

/* TEXT wrapped to the screen's width, each line centred, from row Y on;
 * returns the row after it. */
static int draw_centred_wrapped(int y, const char *text)
{
	struct text_lines lines;
	if (!text_wrap(text, COLS > 4 ? (size_t)COLS - 2 : (size_t)COLS, &lines))
		return y + 1;
	for (size_t i = 0; i < lines.count; i++)
		draw_centred(y++, lines.lines[i]);
	text_lines_clear(&lines);
	return y;
}

/* The rows TEXT takes wrapped as draw_centred_wrapped wraps it. */
static int wrapped_rows(const char *text)
{
	struct text_lines lines;
	if (!text_wrap(text, COLS > 4 ? (size_t)COLS - 2 : (size_t)COLS, &lines))
		return 1;
	int rows = (int)lines.count;
	text_lines_clear(&lines);
	return rows;
}

void draw_too_small(bool keeps_progress)
{
	erase();
	char needs[256], size[128];
	/* TRANSLATORS: on a terminal too small for careerfit, under "Terminal
	 * too small"; the numbers are 60 and 18. Wrapped to the terminal's
	 * width. */
	snprintf(needs, sizeof(needs), _("careerfit needs at least %d columns and %d rows."),
		 TUI_MIN_COLUMNS, TUI_MIN_ROWS);
	/* TRANSLATORS: the terminal's size now, in columns x rows. */
	snprintf(size, sizeof(size), _("Now: %d x %d"), COLS, LINES);
	/* TRANSLATORS: q is the key that quits, keep it. Wrapped to the
	 * terminal's width. */
	const char *quits = keeps_progress ? _("q quits; your answers are kept.") : _("q quits.");
	/* TRANSLATORS: the heading of the screen shown when the terminal is
	 * smaller than careerfit needs; keep under 30 columns. */
	const char *title = _("Terminal too small");
	int height = 2 + wrapped_rows(needs) + 2 + 1 + wrapped_rows(quits);
	int top = (LINES - height) / 2 > 0 ? (LINES - height) / 2 : 0;
	int y = draw_centred_wrapped(top + 2, needs);
	draw_centred(y + 1, size);
	draw_centred_wrapped(y + 3, quits);
	/* Last, so that the cursor stays where reading should start. */
	move(top, draw_centred(top, title));
}

void draw_warning(const char *text)
{
	attrset(A_BOLD | A_REVERSE);
	draw_text(2, 1, text, (size_t)COLS - 10);
	attrset(A_NORMAL);
}

void draw_confirm_quit(bool keeps_progress)
{
	attrset(A_REVERSE | A_BOLD);
	mvhline(LINES - 1, 0, ' ', COLS);
	/* A cut "(y/n)" would hide the keys: a question longer than the line
	 * gives way to the short one. */
	/* TRANSLATORS: asked on the bottom line before quitting; y is the key
	 * that quits (any other key goes on), so keep "(y/n)" as it is. Keep
	 * under 58 columns, or the short "Quit now? (y/n)" is asked instead. */
	const char *question = _("Quit now? Your answers are kept for next time. (y/n)");
	if (!keeps_progress)
		/* TRANSLATORS: as "Quit now? Your answers are kept...": keep
		 * "(y/n)" as it is, under 58 columns. */
		question = _("Quit now? Your answers will be lost. (y/n)");
	if (text_width(question) > (size_t)COLS - 2)
		/* TRANSLATORS: the short form of "Quit now? ... (y/n)" for a
		 * narrow terminal: keep "(y/n)", under 30 columns. */
		question = _("Quit now? (y/n)");
	draw_text(LINES - 1, 1, question, (size_t)COLS - 2);
	attrset(A_NORMAL);
	int x = 1 + (int)text_width(question) + 1;
	move(LINES - 1, x < COLS ? x : COLS - 1);
}

int view_top(void)
{
	return 3;
}

int view_height(void)
{
	return LINES - view_top() - 1;
}

void view_fit_width(struct view *view)
{
	view->width = (size_t)COLS - 4;
}

/* Adds a line owning TEXT; false, with TEXT freed, when memory runs out
 * (TEXT itself NULL included). The view keeps the array realloc gave,
 * grown or not, so it never points at freed memory. */
static bool view_push(struct view *view, char *text, enum style style, int tag)
{
	struct view_line *lines = realloc(view->lines, (view->count + 1) * sizeof(*lines));
	if (lines)
		view->lines = lines;
	if (!lines || !text) {
		free(text);
		return false;
	}
	lines[view->count++] = (struct view_line){.text = text, .style = style, .tag = tag};
	return true;
}

void view_add(struct view *view, const char *first, const char *text, enum style style, int tag)
{
	/* The prefix too: a translated one may hold a character the locale
	 * cannot show (a French no-break space under LANG=C --lang fr). */
	char *clean = glyphs_text(text), *prefix = glyphs_text(first);
	size_t indent = prefix ? text_width(prefix) : 0;
	struct text_lines lines;
	if (!clean || !prefix ||
	    !text_wrap(clean, view->width > indent + 8 ? view->width - indent : 8, &lines)) {
		free(clean);
		free(prefix);
		return;
	}
	size_t prefix_length = strlen(prefix);
	for (size_t i = 0; i < lines.count; i++) {
		/* The prefix on the first line, as many blanks as it is wide after. */
		size_t lead = i == 0 ? prefix_length : indent;
		size_t length = strlen(lines.lines[i]);
		char *line = malloc(lead + length + 1);
		if (line) {
			if (i == 0)
				memcpy(line, prefix, lead);
			else
				memset(line, ' ', lead);
			memcpy(line + lead, lines.lines[i], length + 1);
		}
		view_push(view, line, style, tag);
	}
	text_lines_clear(&lines);
	free(clean);
	free(prefix);
}

void view_add_blank(struct view *view)
{
	view_push(view, strdup(""), STYLE_NORMAL, -1);
}

void view_add_bar(struct view *view, const char *label, double value, int color)
{
	/* A bar that could not be added must not recolour the line before. */
	if (view_push(view, glyphs_text(label), STYLE_BAR, -1)) {
		view->lines[view->count - 1].value = value;
		view->lines[view->count - 1].color = color;
	}
}

void view_clear(struct view *view)
{
	for (size_t i = 0; i < view->count; i++)
		free(view->lines[i].text);
	free(view->lines);
	*view = (struct view){0};
}

bool view_find(const struct view *view, int tag, size_t *first, size_t *last)
{
	bool found = false;
	for (size_t i = 0; i < view->count; i++) {
		if (view->lines[i].tag != tag)
			continue;
		if (!found)
			*first = i;
		*last = i;
		found = true;
	}
	return found;
}

static void draw_bar(int y, const struct view_line *line, size_t width)
{
	/* A bar without a label (its name is on the line above) takes the
	 * whole width. */
	const size_t label = *line->text ? VIEW_BAR_LABEL : 0;
	attrset(A_BOLD);
	draw_shown(y, 2, line->text, label ? label - 1 : 0);
	attrset(A_NORMAL);
	size_t bar = width > label + 8 ? width - label - 8 : 4;
	size_t filled = line->value > 0 ? (size_t)(line->value / 100.0 * (double)bar + 0.5) : 0;
	move(y, 2 + (int)label);
	draw_bar_cells(filled, bar, A_BOLD | role_color(line->color - 1), color(PAIR_DIM));
	attrset(A_BOLD);
	if (line->value >= 0) {
		printw(" %5.1f%%", line->value);
	} else {
		/* TRANSLATORS: in place of a percentage, for a role no answer
		 * could score ("not applicable"); keep under 7 columns. */
		const char *none = _("n/a");
		size_t width = width_at_most(none, 7);
		printw("%*s", (int)(7 - width), "");
		draw_text(y, getcurx(stdscr), none, width);
	}
	attrset(A_NORMAL);
}

static attr_t style_attr(enum style style)
{
	switch (style) {
	case STYLE_BOLD:
		return A_BOLD;
	case STYLE_DIM:
		return colors_on ? color(PAIR_DIM) : A_NORMAL;
	case STYLE_HEADING:
		return A_BOLD | color(PAIR_HEADING);
	case STYLE_CHOSEN:
		return A_BOLD | color(PAIR_CHOSEN);
	default:
		return A_NORMAL;
	}
}

/* The cursor on the first line in sight tagged HIGHLIGHT, or else on the
 * first VIEW_FOCUS line in sight, or else on the body's top line. */
static void view_place_cursor(struct tui *tui, const struct view *view, int highlight)
{
	int top = view_top(), height = view_height(), focus = -1;
	for (int row = 0; row < height && tui->scroll + (size_t)row < view->count; row++) {
		int tag = view->lines[tui->scroll + (size_t)row].tag;
		if (highlight >= 0 && tag == highlight) {
			focus = row;
			break;
		}
		if (highlight < 0 && tag == VIEW_FOCUS && focus < 0)
			focus = row;
	}
	tui->cursor_y = top + (focus >= 0 ? focus : 0);
	tui->cursor_x = 2;
}

void view_draw(struct tui *tui, const struct view *view, int highlight)
{
	int top = view_top(), height = view_height();
	view_place_cursor(tui, view, highlight);
	for (int row = 0; row < height; row++) {
		size_t i = tui->scroll + (size_t)row;
		if (i >= view->count)
			break;
		const struct view_line *line = &view->lines[i];
		if (line->style == STYLE_BAR) {
			draw_bar(top + row, line, view->width);
			continue;
		}
		bool marked = highlight >= 0 && line->tag == highlight;
		attrset(style_attr(line->style) | (marked ? A_REVERSE : A_NORMAL));
		if (marked)
			mvhline(top + row, 1, ' ', (int)view->width + 2);
		draw_shown(top + row, 2, line->text, view->width);
		attrset(A_NORMAL);
		/* A mark a monochrome screen and a screen reader show too. */
		bool first = i == 0 || view->lines[i - 1].tag != line->tag;
		if (marked && first)
			mvaddstr(top + row, 0, glyphs_get()->mark);
	}
	attrset(A_BOLD);
	char more[64];
	/* TRANSLATORS: at the right above the text when it goes on above: %s
	 * is an arrow up, PgUp the key that shows it (Page Up; name it as your
	 * keyboards do). Keep under 8 columns. */
	size_t more_width = more_marker(more, sizeof(more), _("%s PgUp"), glyphs_get()->up);
	if (tui->scroll > 0)
		draw_text(top - 1, COLS - 1 - (int)more_width, more, more_width - 1);
	tui->more_below = tui->scroll + (size_t)height < view->count;
	attrset(A_NORMAL);
}

static size_t max_scroll(const struct view *view)
{
	size_t height = (size_t)view_height();
	return view->count > height ? view->count - height : 0;
}

void view_reveal(struct tui *tui, const struct view *view, int tag)
{
	size_t first = 0, last = 0, height = (size_t)view_height();
	if (!view_find(view, tag, &first, &last))
		return;
	if (last >= tui->scroll + height)
		tui->scroll = last + 1 - height;
	if (first < tui->scroll)
		tui->scroll = first;
	if (tui->scroll > max_scroll(view))
		tui->scroll = max_scroll(view);
}

/* The scroll a key asks for on the screen in view; the mouse wheel and a
 * resize come as KEY_SR, KEY_SF and KEY_RESIZE, not from the keymap. */
static long scroll_step(const struct tui *tui, const struct view *view, int key)
{
	long page = view_height() > 1 ? view_height() - 1 : 1;
	if (key == KEY_SR || key == KEY_SF)
		return key == KEY_SR ? -3 : 3; /* the mouse wheel: see tui.c */
	if (key == KEY_RESIZE) /* a taller screen may leave the end short of the bottom */
		return 0;
	switch (keymap_find(tui_keys(tui), key)) {
	case KEYMAP_LINE_UP:
		return -1;
	case KEYMAP_LINE_DOWN:
		return 1;
	case KEYMAP_PAGE_UP:
		return -page;
	case KEYMAP_PAGE_DOWN:
		return page;
	case KEYMAP_FIRST:
		return -(long)view->count;
	case KEYMAP_LAST:
		return (long)view->count;
	default:
		return LONG_MIN;
	}
}

bool view_scroll_key(struct tui *tui, const struct view *view, int key)
{
	long step = scroll_step(tui, view, key);
	if (step == LONG_MIN)
		return false;
	if (step < 0)
		tui->scroll = tui->scroll > (size_t)-step ? tui->scroll - (size_t)-step : 0;
	else
		tui->scroll += (size_t)step;
	if (tui->scroll > max_scroll(view))
		tui->scroll = max_scroll(view);
	return true;
}
