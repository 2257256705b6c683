#include "careerfit/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "careerfit/i18n.h"
#include "careerfit/text.h"

static char *vformat(const char *format, va_list args)
{
	va_list copy;
	va_copy(copy, args);
	int length = vsnprintf(NULL, 0, format, copy);
	va_end(copy);
	if (length < 0)
		return NULL;
	char *text = malloc((size_t)length + 1);
	if (text)
		vsnprintf(text, (size_t)length + 1, format, args);
	return text;
}

static bool diag_reserve(struct diag_list *list)
{
	if (list->count < list->capacity)
		return true;
	size_t capacity = list->capacity ? list->capacity * 2 : 8;
	struct diag *items = realloc(list->items, capacity * sizeof(*items));
	if (!items)
		return false;
	list->items = items;
	list->capacity = capacity;
	return true;
}

bool diag_add(struct diag_list *list, enum diag_severity severity, const char *file, int line,
	      const char *format, ...)
{
	if (!diag_reserve(list))
		return false;
	va_list args;
	va_start(args, format);
	char *message = vformat(format, args);
	va_end(args);
	char *file_copy = strdup(file ? file : "");
	if (!message || !file_copy) {
		free(message);
		free(file_copy);
		return false;
	}
	list->items[list->count++] = (struct diag){
		.severity = severity, .file = file_copy, .line = line, .message = message};
	return true;
}

bool diag_add_note(struct diag_list *list, const char *note)
{
	if (list->count == 0)
		return false;
	char *copy = strdup(note);
	if (!copy)
		return false;
	struct diag *last = &list->items[list->count - 1];
	free(last->note);
	last->note = copy;
	return true;
}

size_t diag_count(const struct diag_list *list, enum diag_severity severity)
{
	size_t count = 0;
	for (size_t i = 0; i < list->count; i++)
		count += list->items[i].severity == severity;
	return count;
}

void diag_print(const struct diag_list *list, FILE *stream)
{
	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];
		/* TRANSLATORS: the label of "FILE:LINE: error: MESSAGE", a
		 * problem that stops the quiz from loading. */
		const char *kind = _("error");
		if (d->severity != DIAG_ERROR)
			/* TRANSLATORS: the label of "FILE:LINE: warning: MESSAGE",
			 * a problem the quiz loads with. */
			kind = _("warning");
		/* Messages quote the quiz file (ids, setting names): sanitise. */
		char *file = text_sanitize(d->file);
		char *message = text_sanitize(d->message);
		if (!file || !message)
			fprintf(stream, "%s\n", _("(out of memory)"));
		else if (d->line > 0)
			fprintf(stream, "%s:%d: %s: %s\n", file, d->line, kind, message);
		else
			fprintf(stream, "%s: %s: %s\n", file, kind, message);
		char *note = d->note ? text_sanitize(d->note) : NULL;
		if (note && *note)
			fprintf(stream, "%s%s", note, note[strlen(note) - 1] == '\n' ? "" : "\n");
		free(note);
		free(file);
		free(message);
	}
}

void diag_list_clear(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].file);
		free(list->items[i].message);
		free(list->items[i].note);
	}
	free(list->items);
	*list = (struct diag_list){0};
}
