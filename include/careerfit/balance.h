/* Balance: is a quiz fair to every role? Computed from the quiz alone:
 * whether each role can come out as the sole top result, how often it is
 * the top under random answering (a Monte Carlo over answer sets drawn
 * with a fixed seed, so the figures repeat), and its highest reachable
 * affinity. docs/authoring.md explains how to read the figures. */
#ifndef CAREERFIT_BALANCE_H
#define CAREERFIT_BALANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "careerfit/diag.h"
#include "careerfit/quiz.h"

#define BALANCE_SAMPLES 20000
/* A quiz so large that 20,000 answer sets would mean more than
 * BALANCE_DRAWS answers drawn gets fewer sets, never under
 * BALANCE_MIN_SAMPLES: at 100,000 questions, 4,000 sets still put a share
 * of 25% within about 1.4 points (two standard errors). */
#define BALANCE_DRAWS 400000000u
#define BALANCE_MIN_SAMPLES 4000
#define BALANCE_SEED 1
/* With n roles a fair quiz makes each the top in about 1/n of random
 * answer sets; below 0.6/n a role is starved, above 1.4/n favoured (for
 * four roles: 15% and 35%). */
#define BALANCE_LOW_FACTOR 0.6
#define BALANCE_HIGH_FACTOR 1.4

struct balance_role {
	bool can_be_sole_top;  /* an answer set was found where it alone is top */
	double top_share;      /* of random answer sets where it is a top role */
	double sole_top_share; /* ... where it alone is top */
	double best_affinity;  /* the highest it can reach; < 0 when undefined */
};

struct balance_report {
	struct balance_role *roles; /* in the quiz's role order */
	size_t role_count;
	size_t samples;
};

/* How many answer sets balance draws for a quiz of QUESTION_COUNT
 * questions: BALANCE_SAMPLES, fewer for the largest quizzes. */
size_t balance_samples(size_t question_count);

/* Draws SAMPLES random answer sets (every option equally likely, every
 * question answered) from SEED. False only when memory runs out. */
bool balance_compute(const struct quiz *quiz, size_t samples, uint64_t seed,
		     struct balance_report *report);
void balance_report_clear(struct balance_report *report);

/* Appends warnings for starved, favoured or unreachable roles and for
 * questions that cannot tell roles apart. */
void balance_warn(const struct quiz *quiz, const struct balance_report *report,
		  struct diag_list *diags);

#endif
