#include "careerfit/text.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define REPLACEMENT 0xFFFDu

struct buffer {
	char *data;
	size_t length;
	size_t capacity;
	bool failed;
};

static void buffer_append(struct buffer *buffer, const char *bytes, size_t length)
{
	if (buffer->failed)
		return;
	if (buffer->length + length + 1 > buffer->capacity) {
		size_t capacity = (buffer->capacity + length + 1) * 2;
		char *data = realloc(buffer->data, capacity);
		if (!data) {
			buffer->failed = true;
			return;
		}
		buffer->data = data;
		buffer->capacity = capacity;
	}
	memcpy(buffer->data + buffer->length, bytes, length);
	buffer->length += length;
	buffer->data[buffer->length] = '\0';
}

static void buffer_append_char(struct buffer *buffer, uint32_t c)
{
	char bytes[4];
	size_t length;
	if (c < 0x80) {
		bytes[0] = (char)c;
		length = 1;
	} else if (c < 0x800) {
		bytes[0] = (char)(0xC0 | (c >> 6));
		bytes[1] = (char)(0x80 | (c & 0x3F));
		length = 2;
	} else if (c < 0x10000) {
		bytes[0] = (char)(0xE0 | (c >> 12));
		bytes[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		bytes[2] = (char)(0x80 | (c & 0x3F));
		length = 3;
	} else {
		bytes[0] = (char)(0xF0 | (c >> 18));
		bytes[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		bytes[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		bytes[3] = (char)(0x80 | (c & 0x3F));
		length = 4;
	}
	buffer_append(buffer, bytes, length);
}

uint32_t text_decode(const char *text, size_t *length)
{
	const unsigned char *s = (const unsigned char *)text;
	*length = s[0] ? 1 : 0;
	if (s[0] < 0x80)
		return s[0];
	size_t extra = s[0] >= 0xF0 ? 3 : s[0] >= 0xE0 ? 2 : s[0] >= 0xC0 ? 1 : 0;
	if (extra == 0 || s[0] > 0xF4)
		return REPLACEMENT;
	uint32_t c = s[0] & (0x3F >> extra);
	for (size_t i = 1; i <= extra; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return REPLACEMENT;
		c = (c << 6) | (s[i] & 0x3F);
	}
	static const uint32_t smallest[] = {0, 0x80, 0x800, 0x10000};
	if (c < smallest[extra] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return REPLACEMENT;
	*length = extra + 1;
	return c;
}

/* What text_sanitize does with a character that is no control code but
 * hides, joins or reorders text; text.h says why for each class. */
enum treatment { KEEP, DROP, MARK, NEW_LINE };

struct invisible_range {
	uint32_t first, last;
	enum treatment treatment;
};

static const struct invisible_range invisibles[] = {
	{0x034F, 0x034F, MARK},	    /* combining grapheme joiner */
	{0x061C, 0x061C, DROP},	    /* Arabic letter mark */
	{0x115F, 0x1160, MARK},	    /* Hangul fillers */
	{0x17B4, 0x17B5, MARK},	    /* Khmer invisible vowels */
	{0x180B, 0x180D, DROP},	    /* Mongolian variation selectors */
	{0x180E, 0x180E, MARK},	    /* Mongolian vowel separator */
	{0x180F, 0x180F, DROP},	    /* Mongolian variation selector */
	{0x200B, 0x200D, MARK},	    /* zero width space, non-joiner, joiner */
	{0x200E, 0x200F, DROP},	    /* left-to-right and right-to-left marks */
	{0x2028, 0x2029, NEW_LINE}, /* line and paragraph separators */
	{0x202A, 0x202E, DROP},	    /* bidi embeddings and overrides */
	{0x2060, 0x2065, MARK},	    /* word joiner, invisible operators */
	{0x2066, 0x2069, DROP},	    /* bidi isolates */
	{0x206A, 0x206F, MARK},	    /* deprecated format characters */
	{0x3164, 0x3164, MARK},	    /* Hangul filler */
	{0xFE00, 0xFE0F, DROP},	    /* variation selectors */
	{0xFEFF, 0xFEFF, MARK},	    /* zero width no-break space (BOM) */
	{0xFFA0, 0xFFA0, MARK},	    /* halfwidth Hangul filler */
	{0xFFF9, 0xFFFB, MARK},	    /* interlinear annotation */
	{0x1D173, 0x1D17A, MARK},   /* musical format characters */
	{0xE0000, 0xE00FF, MARK},   /* tag characters (hidden ASCII) */
	{0xE0100, 0xE01EF, DROP},   /* variation selectors supplement */
	{0xE01F0, 0xE0FFF, MARK},   /* reserved, default ignorable */
};

/* The table is sorted: the search stops at the first range above C. */
static enum treatment treatment_of(uint32_t c)
{
	size_t count = sizeof(invisibles) / sizeof(invisibles[0]);
	for (size_t i = 0; i < count && c >= invisibles[i].first; i++)
		if (c <= invisibles[i].last)
			return invisibles[i].treatment;
	return KEEP;
}

static void sanitize_char(struct buffer *out, uint32_t c)
{
	if (c == '\n') {
		buffer_append(out, "\n", 1);
	} else if (c == '\t') {
		buffer_append(out, " ", 1);
	} else if (c < 0x20 || c == 0x7F) {
		char caret[2] = {'^', (char)(c == 0x7F ? '?' : c + '@')};
		buffer_append(out, caret, 2);
	} else if (c >= 0x80 && c <= 0x9F) {
		buffer_append_char(out, REPLACEMENT);
	} else {
		switch (treatment_of(c)) {
		case KEEP:
			buffer_append_char(out, c);
			break;
		case MARK:
			buffer_append_char(out, REPLACEMENT);
			break;
		case NEW_LINE:
			buffer_append(out, "\n", 1);
			break;
		case DROP:
			break;
		}
	}
}

char *text_sanitize(const char *text)
{
	struct buffer out = {0};
	buffer_append(&out, "", 0);
	for (const char *p = text ? text : ""; *p;) {
		/* Printable ASCII and new lines, most of any text, are kept as
		 * they are: a run of them is copied at once. */
		size_t run = 0;
		while ((p[run] >= 0x20 && p[run] < 0x7F) || p[run] == '\n')
			run++;
		if (run) {
			buffer_append(&out, p, run);
			p += run;
			continue;
		}
		size_t length;
		uint32_t c = text_decode(p, &length);
		p += length;
		sanitize_char(&out, c);
	}
	if (out.failed) {
		free(out.data);
		return NULL;
	}
	return out.data;
}

int text_char_width(uint32_t character)
{
	if (character >= 0x20 && character < 0x7F)
		return 1; /* printable ASCII, without wcwidth's tables */
	int width = wcwidth((wchar_t)character);
	return width < 0 ? 1 : width;
}

/* Whether the byte at P is printable ASCII: one byte, one column, no
 * decoding (most of what careerfit measures). */
static bool is_plain(const char *p)
{
	return *p >= ' ' && *p < 0x7F;
}

static size_t width_of(const char *text, size_t bytes)
{
	size_t width = 0;
	for (const char *p = text; p < text + bytes && *p;) {
		if (is_plain(p)) {
			width++;
			p++;
			continue;
		}
		size_t length;
		width += (size_t)text_char_width(text_decode(p, &length));
		p += length;
	}
	return width;
}

size_t text_width(const char *text)
{
	return width_of(text, strlen(text));
}

size_t text_fit(const char *text, size_t columns)
{
	size_t used = 0;
	const char *p = text;
	while (*p) {
		if (is_plain(p) && used < columns) {
			used++;
			p++;
			continue;
		}
		size_t length;
		size_t width = (size_t)text_char_width(text_decode(p, &length));
		if (used + width > columns)
			break;
		used += width;
		p += length;
	}
	return (size_t)(p - text);
}

/* The array grows to the next power of two, so that a text of many lines
 * (a long word cut at the width) costs no more than linear time. */
static bool lines_push(struct text_lines *out, const char *start, size_t length)
{
	if ((out->count & (out->count - 1)) == 0) {
		size_t capacity = out->count ? out->count * 2 : 1;
		char **lines = realloc(out->lines, capacity * sizeof(*lines));
		if (!lines)
			return false;
		out->lines = lines;
	}
	if (!(out->lines[out->count] = strndup(start, length)))
		return false;
	out->count++;
	return true;
}

/* The width of the word at P (up to a space or END), with *WORD_END after
 * it; a word wider than LIMIT is measured only until it is known not to
 * fit, so that a long word is never measured whole, once per line. */
static size_t word_width(const char *p, const char *end, size_t limit, const char **word_end)
{
	size_t width = 0;
	while (p < end && *p != ' ' && width <= limit) {
		if (is_plain(p)) {
			width++;
			p++;
			continue;
		}
		size_t length;
		width += (size_t)text_char_width(text_decode(p, &length));
		p += length;
	}
	*word_end = p;
	return width;
}

/* The end of the line starting at LINE: whole words while they fit, the
 * spaces between them counted as they are; a word wider than the line is
 * cut at the width. */
static const char *line_end(const char *line, const char *end, size_t width)
{
	const char *p = line, *last_fit = NULL;
	size_t used = 0;
	while (p < end) {
		size_t gap = last_fit ? (size_t)(p - last_fit) : 0;
		if (used + gap >= width)
			break;
		const char *word_end;
		size_t room = width - used - gap;
		size_t word = word_width(p, end, room, &word_end);
		if (word > room)
			break;
		used += gap + word;
		last_fit = p = word_end;
		while (p < end && *p == ' ')
			p++;
	}
	if (last_fit)
		return last_fit;
	size_t fit = text_fit(line, width);
	if (fit > (size_t)(end - line))
		fit = (size_t)(end - line);
	if (fit == 0) /* a character wider than the line */
		text_decode(line, &fit);
	return line + fit;
}

/* Wraps one paragraph (no '\n' inside, LENGTH bytes long). */
static bool wrap_paragraph(const char *text, size_t length, size_t width, struct text_lines *out)
{
	const char *end = text + length;
	const char *p = text;
	bool any = false;
	while (p < end) {
		while (p < end && *p == ' ')
			p++;
		if (p == end)
			break;
		const char *line = p;
		p = line_end(line, end, width);
		if (!lines_push(out, line, (size_t)(p - line)))
			return false;
		any = true;
	}
	return any || lines_push(out, "", 0);
}

bool text_wrap(const char *text, size_t width, struct text_lines *out)
{
	*out = (struct text_lines){0};
	if (width == 0)
		width = 1;
	const char *p = text;
	do {
		const char *newline = strchr(p, '\n');
		size_t length = newline ? (size_t)(newline - p) : strlen(p);
		if (!wrap_paragraph(p, length, width, out)) {
			text_lines_clear(out);
			return false;
		}
		p = newline ? newline + 1 : NULL;
	} while (p);
	return true;
}

void text_lines_clear(struct text_lines *lines)
{
	for (size_t i = 0; i < lines->count; i++)
		free(lines->lines[i]);
	free(lines->lines);
	*lines = (struct text_lines){0};
}

void text_format_c(char *out, size_t size, const char *format, ...)
{
	/* glibc hands back its own C locale object for "C" in every category:
	 * nothing to allocate, so nothing to fail. */
	locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	locale_t was = c ? uselocale(c) : (locale_t)0;
	va_list args;
	va_start(args, format);
	vsnprintf(out, size, format, args);
	va_end(args);
	if (c) {
		uselocale(was);
		freelocale(c);
	}
}
