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
 * character made visible: C0 controls in caret notation (ESC becomes "^["),
 * C1 controls and malformed bytes U+FFFD. Tabs become a space; new lines
 * are kept, as paragraph breaks. NULL only when memory runs out.
 *
 * Characters that are not controls but hide, join or reorder text, so
 * that two names could look the same or a line could read backwards:
 * - zero width characters (U+200B-U+200D, U+2060-U+2064, U+FEFF), tag
 *   characters (U+E0000-U+E007F, which can carry hidden ASCII, and the
 *   reserved rest of U+E0000-U+E0FFF outside the selectors) and other
 *   invisible fillers and joiners (U+034F, U+115F, U+1160, U+17B4, U+17B5,
 *   U+180E, U+206A-U+206F, U+3164, U+FFA0, U+FFF9-U+FFFB) become U+FFFD,
 *   the mark C1 controls get: they change what the text is while showing
 *   nothing, and wcwidth counts a joined emoji's parts apart while a
 *   terminal may draw them as one, so they are shown, one mark each;
 * - bidirectional embeddings, overrides, isolates and marks (U+202A-U+202E,
 *   U+2066-U+2069, U+200E, U+200F, U+061C) and variation selectors
 *   (U+FE00-U+FE0F, U+E0100-U+E01EF, U+180B-U+180D, U+180F) are removed:
 *   they only steer how the same letters are drawn, and right-to-left
 *   text and emoji stay readable without them;
 * - the line and paragraph separators U+2028 and U+2029 become '\n', the
 *   break they stand for (terminals do not break at them). */
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

/* Writes FORMAT and its arguments into OUT (SIZE bytes) as printf does in
 * the C locale, whatever LC_NUMERIC says: numbers with a decimal point,
 * for what a program reads (a hash's input, SVG), where the comma of a
 * French locale would change or break it. Text for people keeps the
 * user's locale and plain printf. */
__attribute__((format(printf, 3, 4))) void text_format_c(char *out, size_t size,
							  const char *format, ...);

#endif
