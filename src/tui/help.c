/* The help box, drawn over whichever screen is current: the keys of that
 * screen, from the keymap; any key closes it (the loop in tui.c handles
 * that). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "careerfit/text.h"
#include "screen.h"

#define HELP_KEYS_COLUMNS 18 /* the keys' column; longer names get a line */
#define HELP_LINES_MAX 48

struct help_box {
	char lines[HELP_LINES_MAX][128];
	int count;
	size_t text_columns; /* what a line may take */
};

static void add_line(struct help_box *box, const char *keys, const char *text)
{
	if (box->count < HELP_LINES_MAX)
		snprintf(box->lines[box->count++], sizeof(box->lines[0]), "%-*s%s",
			 HELP_KEYS_COLUMNS, keys, text);
}

/* One key's line, its words wrapped under themselves when the box is
 * narrow, and its keys on a line of their own when they are long. */
static void add_key(const char *keys, const char *help, void *data)
{
	struct help_box *box = data;
	if (strlen(keys) >= HELP_KEYS_COLUMNS) {
		add_line(box, keys, "");
		keys = "";
	}
	size_t width = box->text_columns > HELP_KEYS_COLUMNS + 10
			       ? box->text_columns - HELP_KEYS_COLUMNS
			       : 10;
	struct text_lines lines;
	if (!text_wrap(help, width, &lines))
		return;
	for (size_t i = 0; i < lines.count; i++)
		add_line(box, i == 0 ? keys : "", lines.lines[i]);
	text_lines_clear(&lines);
}

void draw_help(enum keymap_screen screen, bool glossary)
{
	struct help_box box = {.text_columns = COLS > 10 ? (size_t)COLS - 10 : 1};
	add_line(&box, "Keys", "");
	add_line(&box, "", "");
	keymap_help(screen, glossary, add_key, &box);
	add_line(&box, "", "");
	add_line(&box, "Press any key to close.", "");
	/* As wide as the longest line and a margin of 3 on each side, so
	 * that no line is cut (the lines are ASCII: bytes are columns). */
	int cols = 0;
	for (int i = 0; i < box.count; i++) {
		size_t length = strlen(box.lines[i]);
		while (length && box.lines[i][length - 1] == ' ')
			box.lines[i][--length] = '\0';
		cols = (int)length > cols ? (int)length : cols;
	}
	cols = cols + 6 < COLS ? cols + 6 : COLS;
	int rows = box.count + 2 < LINES ? box.count + 2 : LINES;
	int top = (LINES - rows) / 2, left = (COLS - cols) / 2;
	attrset(A_REVERSE);
	for (int y = 0; y < rows; y++)
		mvhline(top + y, left, ' ', cols);
	for (int i = 0; i < rows - 2; i++) {
		attrset(A_REVERSE | (i == 0 ? A_BOLD : A_NORMAL));
		draw_text(top + 1 + i, left + 3, box.lines[i], (size_t)cols - 6);
	}
	attrset(A_NORMAL);
	move(top + 1, left + 3);
}
