/* Text from quiz files on its way to a terminal. Every string read from a
 * quiz goes through text_sanitize() before it is shown, so that a file can
 * never send the terminal an escape sequence; widths are terminal columns
 * (wcwidth), never bytes. Widths need an UTF-8 LC_CTYPE: see main.c. */
#ifndef CAREERFIT_TEXT_H
#define CAREERFIT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A newly allocated copy of TEXT in valid UTF-8 with every control
 * character made visible (ESC becomes "^[", C1 controls and malformed bytes
 * U+FFFD) and bidirectional overrides removed. Tabs become a space; new
 * lines are kept, as paragraph breaks. NULL only when memory runs out. */
char *text_sanitize(const char *text);

/* Decodes the UTF-8 character at TEXT, storing its length in *LENGTH
 * (at least 1 unless at the end); malformed input decodes to U+FFFD. */
uint32_t text_decode(const char *text, size_t *length);

/* Columns taken by one character, or by a whole sanitised string. */
int text_char_width(uint32_t character);
size_t text_width(const char *text);

/* How many bytes of TEXT fit in COLUMNS columns without splitting a
 * character. */
size_t text_fit(const char *text, size_t columns);

struct text_lines {
	char **lines;
	size_t count;
};

/* Splits sanitised TEXT into lines of at most WIDTH columns, breaking at
 * spaces where it can and inside a word only when the word is wider than a
 * line. Each '\n' starts a new line. Returns false when memory runs out. */
bool text_wrap(const char *text, size_t width, struct text_lines *out);
void text_lines_clear(struct text_lines *lines);

#endif
