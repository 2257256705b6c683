/* Drawing helpers shared by the screens: colours, the header and hint
 * lines, and the scrolling body view. Text reaching the screen here is
 * already sanitised (view_add does it), so addnstr never sees a control
 * character from a quiz file. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

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
	colors_on = color && has_colors() && start_color() == OK;
	if (!colors_on)
		return;
	use_default_colors();
	init_pair(PAIR_HEADER, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_DIM, COLOR_BLUE, -1);
	init_pair(PAIR_HEADING, COLOR_YELLOW, -1);
	init_pair(PAIR_CHOSEN, COLOR_GREEN, -1);
	for (size_t i = 0; i < ROLE_COLOR_COUNT; i++)
		init_pair((short)(PAIR_ROLE + i), role_colors[i], -1);
}

static attr_t color(enum pair pair)
{
	return colors_on ? COLOR_PAIR(pair) : A_NORMAL;
}

static attr_t role_color(int role)
{
	return color((enum pair)(PAIR_ROLE + (size_t)role % ROLE_COLOR_COUNT));
}

void draw_text(int y, int x, const char *text, size_t columns)
{
	mvaddnstr(y, x, text, (int)text_fit(text, columns));
}

void draw_header(const char *left, const char *right)
{
	/* The left part is often a title from the quiz file. */
	char *clean = text_sanitize(left);
	attrset(A_REVERSE | A_BOLD | color(PAIR_HEADER));
	mvhline(0, 0, ' ', COLS);
	size_t right_width = text_width(right);
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

void draw_progress(size_t done, size_t total)
{
	int width = COLS - 2;
	int filled = total ? (int)((size_t)width * done / total) : 0;
	move(1, 1);
	attrset(A_BOLD | color(PAIR_CHOSEN));
	for (int i = 0; i < filled; i++)
		addstr("\u2588");
	attrset(color(PAIR_DIM));
	for (int i = filled; i < width; i++)
		addstr("\u2591");
	attrset(A_NORMAL);
}

void draw_hints(const char *hints, bool more_below)
{
	static const char more[] = "\u2193 PgDn ";
	size_t more_width = more_below ? text_width(more) : 0;
	attrset(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	draw_text(LINES - 1, 1, hints, (size_t)COLS - 2 - more_width);
	if (more_below) {
		attrset(A_REVERSE | A_BOLD);
		draw_text(LINES - 1, COLS - (int)more_width, more, more_width);
	}
	attrset(A_NORMAL);
}

void draw_too_small(bool keeps_progress)
{
	erase();
	static const char *const lines[] = {"Terminal too small", "", "careerfit needs at least",
					    "60 columns and 18 rows.", ""};
	char size[64];
	snprintf(size, sizeof(size), "Now: %d x %d", COLS, LINES);
	int top = LINES / 2 - 3 > 0 ? LINES / 2 - 3 : 0;
	for (int i = 0; i < 5; i++) {
		int x = (COLS - (int)strlen(lines[i])) / 2;
		draw_text(top + i, x > 0 ? x : 0, lines[i], (size_t)COLS);
	}
	int x = (COLS - (int)strlen(size)) / 2;
	draw_text(top + 5, x > 0 ? x : 0, size, (size_t)COLS);
	const char *quit = keeps_progress ? "q quits; your answers are kept." : "q quits.";
	x = (COLS - (int)strlen(quit)) / 2;
	draw_text(top + 7, x > 0 ? x : 0, quit, (size_t)COLS);
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
	/* Short enough for the narrowest screen: a cut "(y/n)" hides the keys. */
	draw_text(LINES - 1, 1,
		  keeps_progress ? "Quit now? Your answers are kept for next time. (y/n)"
				 : "Quit now? Your answers will be lost. (y/n)",
		  (size_t)COLS - 2);
	attrset(A_NORMAL);
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
	char *clean = text_sanitize(text);
	size_t indent = text_width(first);
	struct text_lines lines;
	if (!clean ||
	    !text_wrap(clean, view->width > indent + 8 ? view->width - indent : 8, &lines)) {
		free(clean);
		return;
	}
	for (size_t i = 0; i < lines.count; i++) {
		size_t size = strlen(first) + indent + strlen(lines.lines[i]) + 1;
		char *line = malloc(size);
		if (line)
			snprintf(line, size, "%s%s", i == 0 ? first : "", lines.lines[i]);
		if (line && i > 0)
			snprintf(line, size, "%*s%s", (int)indent, "", lines.lines[i]);
		view_push(view, line, style, tag);
	}
	text_lines_clear(&lines);
	free(clean);
}

void view_add_blank(struct view *view)
{
	view_push(view, strdup(""), STYLE_NORMAL, -1);
}

void view_add_bar(struct view *view, const char *label, double value, int color)
{
	/* A bar that could not be added must not recolour the line before. */
	if (view_push(view, text_sanitize(label), STYLE_BAR, -1)) {
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
	const size_t label = 28;
	attrset(A_BOLD);
	draw_text(y, 2, line->text, label - 1);
	attrset(A_NORMAL);
	size_t bar = width > label + 8 ? width - label - 8 : 4;
	size_t filled = line->value > 0 ? (size_t)(line->value / 100.0 * (double)bar + 0.5) : 0;
	move(y, 2 + (int)label);
	attrset(A_BOLD | role_color(line->color - 1));
	for (size_t i = 0; i < filled; i++)
		addstr("\u2588");
	attrset(color(PAIR_DIM));
	for (size_t i = filled; i < bar; i++)
		addstr("\u2591");
	attrset(A_BOLD);
	if (line->value >= 0)
		printw(" %5.1f%%", line->value);
	else
		addstr("    n/a");
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

void view_draw(struct tui *tui, const struct view *view, int highlight)
{
	int top = view_top(), height = view_height();
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
		draw_text(top + row, 2, line->text, view->width);
		attrset(A_NORMAL);
		/* A mark a monochrome screen and a screen reader show too. */
		bool first = i == 0 || view->lines[i - 1].tag != line->tag;
		if (marked && first)
			mvaddstr(top + row, 0, "\u25b6");
	}
	attrset(A_BOLD);
	if (tui->scroll > 0)
		draw_text(top - 1, COLS - 8, "\u2191 PgUp ", 8);
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

bool view_scroll_key(struct tui *tui, const struct view *view, int key)
{
	size_t page = (size_t)view_height() > 1 ? (size_t)view_height() - 1 : 1;
	switch (key) {
	case KEY_UP:
	case 'k':
		tui->scroll = tui->scroll > 0 ? tui->scroll - 1 : 0;
		return true;
	case KEY_DOWN:
	case 'j':
		tui->scroll++;
		break;
	case KEY_SR: /* the mouse wheel, up: see tui.c */
		tui->scroll = tui->scroll > 3 ? tui->scroll - 3 : 0;
		return true;
	case KEY_SF:
		tui->scroll += 3;
		break;
	case KEY_PPAGE:
		tui->scroll = tui->scroll > page ? tui->scroll - page : 0;
		return true;
	case KEY_NPAGE:
		tui->scroll += page;
		break;
	case KEY_HOME:
		tui->scroll = 0;
		return true;
	case KEY_END:
		tui->scroll = max_scroll(view);
		return true;
	case KEY_RESIZE: /* a taller screen may leave the end short of the bottom */
		break;
	default:
		return false;
	}
	if (tui->scroll > max_scroll(view))
		tui->scroll = max_scroll(view);
	return true;
}
