/* The result as plain text: what plain mode prints at the end, and what the
 * ncurses front end leaves in the scrollback when it closes. */
#ifndef CAREERFIT_SUMMARY_H
#define CAREERFIT_SUMMARY_H

#include <stdbool.h>
#include <stdio.h>

#include "careerfit/quiz.h"
#include "careerfit/score.h"

/* Writes TEXT (sanitised here) wrapped to WIDTH columns, the first line
 * after PREFIX, the others indented as far. */
void summary_print_hanging(FILE *out, const char *prefix, const char *text, size_t width);
/* The same with a prefix of INDENT spaces. */
void summary_print_wrapped(FILE *out, const char *text, size_t indent, size_t width);
/* The top role(s) joined with " / ", e.g. "Product Manager / Product
 * Owner"; sanitised, newly allocated. */
char *summary_top_names(const struct quiz *quiz, const struct score_result *result);
/* Every role's affinity, ranked, and the top role; with FULL also its
 * description and the answers that pushed most toward it. */
void summary_print(FILE *out, const struct quiz *quiz, const int *answers,
		   const struct score_result *result, bool full, size_t width);

#endif
