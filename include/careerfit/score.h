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
	bool has_runner_up;
	size_t runner_up; /* the best role outside the top */
	double margin;	  /* the top's lead over it, when has_runner_up */
	size_t answered;
	size_t skipped;
};

/* The lowest and highest raw sum each role can reach over a set of
 * answered questions: what turns raw sums into affinities. Built once, it
 * scores many answer sets over the same questions (balance, clarity). */
struct score_bounds {
	const struct quiz *quiz;
	bool *answered; /* per question */
	double *min;	/* per role */
	double *max;
	size_t role_count;
	size_t answered_count;
};

/* Bounds over the questions ANSWERS answers (NULL: every question). */
bool score_bounds_init(struct score_bounds *bounds, const struct quiz *quiz, const int *answers);
void score_bounds_clear(struct score_bounds *bounds);
/* Each role's affinity for ANSWERS (only the bounds' questions count), or
 * a negative number where it is undefined; RAW receives the raw sums. */
void score_affinities(const struct score_bounds *bounds, const int *answers, double *raw,
		      double *affinity);
/* How far the top roles lead: the best affinity minus that of the best
 * role outside the top (those within SCORE_TIE_MARGIN of the best). False
 * when there is no such role (every defined role ties, or none is
 * defined); *RUNNER_UP (may be NULL) is then untouched. */
bool score_lead(const double *affinity, size_t role_count, double *margin, size_t *runner_up);

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

/* "PM +3, PO +1" for an option, with the roles' short names, most points
 * first, or "no role in particular"; raw quiz text, not sanitised. */
void score_describe_option(const struct quiz *quiz, const struct quiz_option *option, char *out,
			   size_t size);
#endif
