/* Scoring: answers in, an affinity per role out, as docs/scoring.md
 * describes. For each role r over the answered questions q:
 *   raw = sum w_q * s(q, chosen, r), max and min likewise with the best and
 *   worst option for r, affinity = 100 * (raw - min) / (max - min),
 * undefined where max = min. Skipped questions count nowhere. */
#ifndef CAREERFIT_SCORE_H
#define CAREERFIT_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "careerfit/quiz.h"

/* Roles whose affinity is within this of the best share the top. */
#define SCORE_TIE_MARGIN 0.01

struct score_role {
	double raw;
	double min;
	double max;
	double affinity; /* 0 to 100; meaningless unless defined */
	bool defined;
};

struct score_result {
	struct score_role *roles; /* in the quiz's role order */
	size_t *ranking;	  /* role indices, best first, undefined last */
	size_t role_count;
	size_t top_count; /* ranking[0 .. top_count) are the top roles */
	size_t answered;
	size_t skipped;
};

/* ANSWERS holds, per question, the chosen option's index in file order, or
 * a negative number for a question skipped or not answered. */
bool score_compute(const struct quiz *quiz, const int *answers, struct score_result *result);
void score_result_clear(struct score_result *result);

/* What one answer contributed towards one role: w_q * s(q, chosen, r). */
struct score_reason {
	size_t question;
	double push;
};

/* Fills REASONS with at most MAX answers that pushed most toward ROLE,
 * strongest first (only those that pushed it up); returns how many. */
size_t score_reasons(const struct quiz *quiz, const int *answers, size_t role,
		     struct score_reason *reasons, size_t max);

#endif
