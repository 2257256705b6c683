/* The help box, drawn over whichever screen is current: the keys of that
 * screen, from the keymap; any key closes it (the loop in tui.c handles
 * that). Its words are translated and may be longer than the English: the
 * box measures them in columns, wraps them to the screen and, when it has
 * more lines than the screen has rows, leaves out what matters least,
 * never drawing outside the screen. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "careerfit/i18n.h"
#include "careerfit/text.h"
#include "screen.h"

#define HELP_KEYS_COLUMNS 18 /* the keys' column; longer names get a line */
#define HELP_TEXT_COLUMNS 72 /* a line at most, however wide the screen */
#define HELP_LINES_MAX 64
/* A line is at most HELP_TEXT_COLUMNS columns, and a column at most 4
 * bytes of UTF-8. */
#define HELP_LINE_SIZE (HELP_TEXT_COLUMNS * 4 + 1)

enum help_kind {
	HELP_TITLE,
	HELP_BLANK, /* a blank line around the keys: the first to go */
	HELP_KEY,
	HELP_CLOSE, /* how to close it: kept when keys must go */
};

struct help_line {
	char text[HELP_LINE_SIZE];
	enum help_kind kind;
	int key; /* the key's lines share it: they go together */
};

struct help_box {
	struct help_line lines[HELP_LINES_MAX];
	int count;
	int keys;	     /* the keys added so far */
	size_t text_columns; /* what a line may take */
};

/* A line: KEYS padded to the keys' column (in columns, not bytes: a
 * translated name may take more bytes), then TEXT. */
static void add_line(struct help_box *box, enum help_kind kind, const char *keys, const char *text)
{
	if (box->count >= HELP_LINES_MAX)
		return;
	struct help_line *line = &box->lines[box->count++];
	size_t width = text_width(keys);
	int pad = *text && width < HELP_KEYS_COLUMNS ? (int)(HELP_KEYS_COLUMNS - width) : 0;
	snprintf(line->text, sizeof(line->text), "%s%*s%s", keys, pad, "", text);
	line->kind = kind;
	line->key = box->keys;
}

/* TEXT wrapped to the box's width, one line each. */
static void add_wrapped(struct help_box *box, enum help_kind kind, const char *text)
{
	struct text_lines lines;
	if (!text_wrap(text, box->text_columns, &lines))
		return;
	for (size_t i = 0; i < lines.count; i++)
		add_line(box, kind, lines.lines[i], "");
	text_lines_clear(&lines);
}

/* One key's line, its words wrapped under themselves when the box is
 * narrow, and its keys on lines of their own when they are long. */
static void add_key(const char *keys, const char *help, void *data)
{
	struct help_box *box = data;
	if (text_width(keys) >= HELP_KEYS_COLUMNS) {
		add_wrapped(box, HELP_KEY, keys);
		keys = "";
	}
	size_t width = box->text_columns > HELP_KEYS_COLUMNS + 10
			       ? box->text_columns - HELP_KEYS_COLUMNS
			       : 10;
	struct text_lines lines;
	if (text_wrap(help, width, &lines)) {
		for (size_t i = 0; i < lines.count; i++)
			add_line(box, HELP_KEY, i == 0 ? keys : "", lines.lines[i]);
		text_lines_clear(&lines);
	}
	box->keys++;
}

/* Drops the lines of KIND from the end until at most ROWS are left, or
 * none of KIND is; a key's lines go together. */
static void drop_lines(struct help_box *box, enum help_kind kind, int rows)
{
	int dropping = -1; /* the key whose lines are going */
	for (int i = box->count - 1; i >= 0; i--) {
		if (box->lines[i].kind != kind)
			continue;
		if (box->count <= rows && box->lines[i].key != dropping)
			break;
		dropping = box->lines[i].key;
		memmove(&box->lines[i], &box->lines[i + 1],
			(size_t)(box->count - i - 1) * sizeof(box->lines[0]));
		box->count--;
	}
}

void draw_help(enum keymap_screen screen, bool glossary)
{
	static struct help_box box; /* too large for the stack */
	size_t room = COLS > 10 ? (size_t)COLS - 10 : 1;
	box.count = 0;
	box.keys = 0;
	box.text_columns = room < HELP_TEXT_COLUMNS ? room : HELP_TEXT_COLUMNS;
	/* TRANSLATORS: the title of the help box (?), over the keys of the
	 * screen in view. */
	add_wrapped(&box, HELP_TITLE, _("Keys"));
	add_line(&box, HELP_BLANK, "", "");
	keymap_help(screen, glossary, add_key, &box);
	add_line(&box, HELP_BLANK, "", "");
	/* TRANSLATORS: the last line of the help box (?). */
	add_wrapped(&box, HELP_CLOSE, _("Press any key to close."));
	/* Too many lines for the screen: the blank ones go first, then the
	 * last keys; the title and how to close it stay. */
	int rows_free = LINES > 2 ? LINES - 2 : 0;
	drop_lines(&box, HELP_BLANK, rows_free);
	drop_lines(&box, HELP_KEY, rows_free);
	/* As wide as the longest line and a margin of 3 on each side, so
	 * that no line is cut, but never wider than the screen. */
	size_t longest = 0;
	for (int i = 0; i < box.count; i++) {
		size_t width = text_width(box.lines[i].text);
		longest = width > longest ? width : longest;
	}
	int cols = (int)longest + 6 < COLS ? (int)longest + 6 : COLS;
	int rows = box.count + 2 < LINES ? box.count + 2 : LINES;
	int top = (LINES - rows) / 2, left = (COLS - cols) / 2;
	attrset(A_REVERSE);
	for (int y = 0; y < rows; y++)
		mvhline(top + y, left, ' ', cols);
	for (int i = 0; i < rows - 2; i++) {
		attrset(A_REVERSE | (box.lines[i].kind == HELP_TITLE ? A_BOLD : A_NORMAL));
		draw_text(top + 1 + i, left + 3, box.lines[i].text,
			  cols > 6 ? (size_t)cols - 6 : 0);
	}
	attrset(A_NORMAL);
	move(top + 1, left + 3);
}
