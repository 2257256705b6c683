/* Item analysis for quiz authors (`careerfit report --items`): how each
 * question of a quiz behaved in real results. Everything is computed from
 * the result files alone: what each person picked and what each picked
 * option signals. An option nobody picked is absent from every file, so
 * only the options up to the highest one picked are known to exist. */
#ifndef CAREERFIT_ITEMS_H
#define CAREERFIT_ITEMS_H

#include <stdbool.h>
#include <stddef.h>

#include "careerfit/report.h"

/* Below this many results the correlations and flags swing with one
 * person, so only the counts are given. */
#define ITEMS_MIN_RESULTS 20
/* An option picked by fewer than this share of the people is rare. */
#define ITEMS_RARE_SHARE 0.05

struct items_option {
	size_t count;	      /* how many picked it */
	bool known;	      /* someone picked it, so its text and signals are known */
	bool has_role;	      /* it scores some role above 0 */
	size_t role;	      /* the role it scores most (the first on a tie) */
	bool has_correlation; /* computed, and defined (neither side constant) */
	double correlation;   /* item-rest correlation for ROLE */
	bool rare;	      /* picked by under ITEMS_RARE_SHARE of the people */
};

struct items_question {
	size_t answered;
	size_t skipped;
	size_t option_count; /* the highest option picked, plus one */
	struct items_option options[QUIZ_MAX_OPTIONS];
	bool identical; /* every known option signals exactly the same */
	bool one_role;	/* every known option scores the same role most */
};

/* A consistency pair: two questions the quiz asks on purpose about the
 * same thing (`pair` in the quiz file), and how often people answered
 * both alike, meaning the two options they chose favour the same role
 * most. */
struct items_pair {
	size_t question, other; /* indices into the group's questions */
	size_t both;		/* people who answered both */
	size_t alike;
};

struct items {
	size_t result_count;
	bool reliable; /* at least ITEMS_MIN_RESULTS results: figures computed */
	struct items_question *questions;
	size_t question_count;
	struct items_pair *pairs;
	size_t pair_count;
};

/* Analyses one group of results. Below ITEMS_MIN_RESULTS only counts are
 * filled in. False when memory runs out. */
bool items_analyse(const struct report_group *group, struct items *items);
void items_clear(struct items *items);

/* The item-rest correlation of option OPTION of question QUESTION for
 * ROLE: Pearson's r, over the people who answered the question, between
 * "picked this option" (1 or 0) and the person's raw score for ROLE over
 * every other question (the per-answer scores in the result files, a
 * skipped question adding nothing). False when it is undefined: fewer
 * than two people, or either side the same for everyone. */
bool items_rest_correlation(const struct report_group *group, size_t question, size_t option,
			    size_t role, double *correlation);

/* The analysis of every group of REPORT as a JSON document; newly
 * allocated. */
char *items_json(const struct report *report);

#endif
