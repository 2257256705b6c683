/* The result as plain text: what plain mode prints at the end, and what the
 * ncurses front end leaves in the scrollback when it closes. */
#ifndef CAREERFIT_SUMMARY_H
#define CAREERFIT_SUMMARY_H

#include <stdbool.h>
#include <stdio.h>

#include "careerfit/outcome.h"
#include "careerfit/session.h"

/* Writes TEXT (sanitised here) wrapped to WIDTH columns, the first line
 * after PREFIX, the others indented as far. */
void summary_print_hanging(FILE *out, const char *prefix, const char *text, size_t width);
/* The same with a prefix of INDENT spaces. */
void summary_print_wrapped(FILE *out, const char *text, size_t indent, size_t width);
/* The result as OUTCOME renders it: the headline, every role's affinity,
 * how sure it is and the roles it names; with FULL also their
 * descriptions, the answers behind them and the next steps. */
void summary_print(FILE *out, const struct outcome *outcome, bool full, size_t width);
/* Every question's debrief, after the result (--debrief). */
/* LETTERS_TYPED: the answers came from --answers, whose letters follow
 * the file, not a shuffled screen. */
void summary_print_debrief(FILE *out, const struct outcome *outcome, const struct session *session,
			   size_t width, bool letters_typed);

/* The quiz's glossary: each term, and what it means under it. */
void summary_print_glossary(FILE *out, const struct quiz *quiz, size_t width);

#endif
