/* The help box, drawn over whichever screen is current; any key closes
 * it (the loop in tui.c handles that). */
#include <curses.h>
#include <string.h>

#include "screen.h"

void draw_help(bool glossary)
{
	const char *lines[] = {
		"Keys",
		"",
		"Up/Down, k/j      move the highlight",
		"a-i, 1-9          pick that option and go on",
		"Enter             pick the highlighted option",
		"Left, p, Bksp     back to the previous question",
		"Right, n          forward over answered questions",
		"s                 skip this question",
		"PgUp/PgDn, Home/End  scroll, or first and last",
		"d, r              debrief; back to the results",
		"?                 this help",
		"q                 quit (asks first during the quiz)",
		"g                 the glossary: what the quiz's terms mean",
		"",
		"Press any key to close.",
	};
	int count = (int)(sizeof(lines) / sizeof(lines[0]));
	if (!glossary) { /* no glossary line: the last two move up */
		lines[count - 3] = lines[count - 2];
		lines[count - 2] = lines[count - 1];
		count--;
	}
	/* As wide as the longest line and a margin of 3 on each side, so
	 * that no line is cut (the lines are ASCII: bytes are columns). */
	int cols = 0;
	for (int i = 0; i < count; i++)
		cols = (int)strlen(lines[i]) > cols ? (int)strlen(lines[i]) : cols;
	cols += 6;
	int rows = count + 2, top = (LINES - rows) / 2, left = (COLS - cols) / 2;
	attrset(A_REVERSE);
	for (int y = 0; y < rows; y++)
		mvhline(top + y, left, ' ', cols);
	for (int i = 0; i < rows - 2; i++) {
		attrset(A_REVERSE | (i == 0 ? A_BOLD : A_NORMAL));
		draw_text(top + 1 + i, left + 3, lines[i], (size_t)cols - 6);
	}
	attrset(A_NORMAL);
}
