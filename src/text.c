#include "careerfit/text.h"

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

/* Characters that reorder or hide text without being control codes. */
static bool is_invisible_format(uint32_t c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
	       c == 0x200F || c == 0x061C;
}

char *text_sanitize(const char *text)
{
	struct buffer out = {0};
	buffer_append(&out, "", 0);
	for (const char *p = text ? text : ""; *p;) {
		size_t length;
		uint32_t c = text_decode(p, &length);
		p += length;
		if (c == '\n') {
			buffer_append(&out, "\n", 1);
		} else if (c == '\t') {
			buffer_append(&out, " ", 1);
		} else if (c < 0x20 || c == 0x7F) {
			char caret[2] = {'^', (char)(c == 0x7F ? '?' : c + '@')};
			buffer_append(&out, caret, 2);
		} else if (c >= 0x80 && c <= 0x9F) {
			buffer_append_char(&out, REPLACEMENT);
		} else if (!is_invisible_format(c)) {
			buffer_append_char(&out, c);
		}
	}
	if (out.failed) {
		free(out.data);
		return NULL;
	}
	return out.data;
}

int text_char_width(uint32_t character)
{
	int width = wcwidth((wchar_t)character);
	return width < 0 ? 1 : width;
}

static size_t width_of(const char *text, size_t bytes)
{
	size_t width = 0;
	for (const char *p = text; p < text + bytes && *p;) {
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
		size_t length;
		size_t width = (size_t)text_char_width(text_decode(p, &length));
		if (used + width > columns)
			break;
		used += width;
		p += length;
	}
	return (size_t)(p - text);
}

static bool lines_push(struct text_lines *out, const char *start, size_t length)
{
	char **lines = realloc(out->lines, (out->count + 1) * sizeof(*lines));
	if (!lines)
		return false;
	out->lines = lines;
	if (!(lines[out->count] = strndup(start, length)))
		return false;
	out->count++;
	return true;
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
		const char *line = p, *last_fit = NULL;
		size_t used = 0;
		/* Take whole words while they fit. */
		while (p < end) {
			const char *word_end = p;
			while (word_end < end && *word_end != ' ')
				word_end++;
			size_t word_width = width_of(p, (size_t)(word_end - p));
			size_t needed = used + (last_fit ? 1 : 0) + word_width;
			if (needed > width)
				break;
			used = needed;
			last_fit = word_end;
			p = word_end;
			while (p < end && *p == ' ')
				p++;
		}
		if (!last_fit) {
			/* A word wider than the line: cut it at the width. */
			size_t fit = text_fit(line, width);
			if (fit > (size_t)(end - line))
				fit = (size_t)(end - line);
			if (fit == 0) /* a character wider than the line */
				text_decode(line, &fit);
			last_fit = line + fit;
			p = last_fit;
		}
		if (!lines_push(out, line, (size_t)(last_fit - line)))
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
