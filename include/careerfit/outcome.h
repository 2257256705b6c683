/* The outcome of a quiz: built once from the answers when the quiz is
 * submitted (scores, ranking, top roles, runner-up, clarity) and rendered
 * by every face: the results screen, the plain summary, --json, the saved
 * result file. No face scores or words a result on its own: they walk the
 * lines outcome_render() gives and only choose how each kind looks. */
#ifndef CAREERFIT_OUTCOME_H
#define CAREERFIT_OUTCOME_H

#include <stdbool.h>
#include <stddef.h>

#include "careerfit/clarity.h"
#include "careerfit/quiz.h"
#include "careerfit/score.h"

#define OUTCOME_REASONS 3

struct outcome {
	const struct quiz *quiz; /* borrowed: must outlive the outcome */
	int *answers;		 /* a copy, per question as in session.h */
	struct score_result score;
	struct clarity clarity;
};

/* NULL when memory runs out. */
struct outcome *outcome_new(const struct quiz *quiz, const int *answers);
void outcome_free(struct outcome *outcome);

/* Whether the outcome names roles at all (not insufficient). */
bool outcome_claims_fit(const struct outcome *outcome);
/* The runner-up's index, or -1. */
int outcome_runner_up(const struct outcome *outcome);

/* One line of the rendered result. TEXT is raw quiz-derived text: a face
 * sanitises and wraps it. */
enum outcome_part {
	OUTCOME_HEADLINE, /* the result in one line */
	OUTCOME_COUNT,	  /* how many questions were answered */
	OUTCOME_BAR,	  /* ROLE's affinity in VALUE (< 0: undefined) */
	OUTCOME_BLANK,
	OUTCOME_SURENESS, /* how sure the result is, in plain words */
	OUTCOME_HEADING,  /* a role's name, or a section's title */
	OUTCOME_SUMMARY,  /* a role's one-line summary */
	OUTCOME_TEXT,	  /* a paragraph */
	OUTCOME_BULLET,	  /* an item: a question, a next step */
	OUTCOME_CHOSEN,	  /* the answer given, under its question (PREFIX before) */
	OUTCOME_NOTE,	  /* how to read what is above it */
};

struct outcome_line {
	enum outcome_part part;
	const char *prefix; /* "" or what goes before the text ("you chose: ") */
	const char *text;
	int role; /* the role the line is about, or -1 */
	double value;
};

typedef void outcome_emit(const struct outcome_line *line, void *data);

/* The result, line by line: the headline, the count, a bar per role, how
 * sure it is; then, when it names roles, each top role and the runner-up
 * with their summaries and, with FULL, descriptions, the answers behind
 * them and the next steps. */
void outcome_render(const struct outcome *outcome, bool full, outcome_emit *emit, void *data);

/* "PM: Product Manager; PO: Product Owner": the key to the roles' short
 * names the debrief's signals use (newly allocated, raw quiz text); NULL
 * when no role has a short name of its own, or out of memory. */
char *outcome_role_legend(const struct quiz *quiz);

/* The option (index in file order) shown at POSITION of QUESTION. */
typedef size_t outcome_order(const void *order_data, size_t question, size_t position);

/* Every question's debrief: the prompt, each option with the letter it
 * was shown under (ORDER, or file order when NULL), the roles it signals
 * and a mark on the answer given, then why. */
void outcome_render_debrief(const struct outcome *outcome, outcome_order *order,
			    const void *order_data, outcome_emit *emit, void *data);

/* The headline alone, newly allocated. */
char *outcome_headline(const struct outcome *outcome);

#endif
