/* Diagnostics: problems found in a quiz file, collected in a list so that
 * the loader can report every one of them instead of stopping at the first,
 * and so that only the caller decides how (and whether) to print them. */
#ifndef CAREERFIT_DIAG_H
#define CAREERFIT_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum diag_severity {
	DIAG_WARNING,
	DIAG_ERROR,
};

struct diag {
	enum diag_severity severity;
	char *file; /* as the user should see it */
	int line;   /* 0 when the problem concerns the whole file */
	char *message;
	char *note; /* lines printed after it (a quoted line, a hint), or NULL */
};

struct diag_list {
	struct diag *items;
	size_t count;
	size_t capacity;
};

/* Appends a formatted diagnostic; returns false only when memory runs out. */
bool diag_add(struct diag_list *list, enum diag_severity severity, const char *file, int line,
	      const char *format, ...) __attribute__((format(printf, 5, 6)));
/* Attaches NOTE, one or more lines, to the last diagnostic of LIST; false
 * when memory runs out or the list is empty. */
bool diag_add_note(struct diag_list *list, const char *note);
size_t diag_count(const struct diag_list *list, enum diag_severity severity);
/* Prints "FILE:LINE: error: MESSAGE", one per line, in the order found,
 * each followed by its note. */
void diag_print(const struct diag_list *list, FILE *stream);
void diag_list_clear(struct diag_list *list);

#endif
