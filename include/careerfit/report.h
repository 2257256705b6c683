/* The mentor's report: result files of a workshop gathered per quiz (id,
 * version and content hash), counted and averaged. The text face is in
 * src/workshop.c; CSV and JSON are written here. */
#ifndef CAREERFIT_REPORT_H
#define CAREERFIT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "careerfit/results.h"

struct report_option {
	char *text;	/* as the first participant who picked it saw it */
	double *scores; /* what it signals, per role of the group */
	size_t count;	/* how many picked it */
};

struct report_question {
	char *id;
	char *prompt;
	struct report_option options[QUIZ_MAX_OPTIONS]; /* by index in file order */
	size_t skipped;
};

struct report_group {
	struct result_record **records; /* owned */
	size_t record_count;
	size_t *top_counts;    /* per role: how many had it among their top roles
				* (results with too few answers claim none) */
	double *affinity_sums; /* per role, over the records where it is defined */
	size_t *affinity_counts;
	struct report_question *questions;
	size_t question_count;
	/* How many results had each clarity band; the last counts files
	 * written before bands, which carry none. */
	size_t band_counts[CLARITY_BAND_COUNT + 1];
};

struct report {
	struct report_group *groups;
	size_t group_count;
	/* The records belong to the caller (the live room keeps its own
	 * list): report_clear() leaves them alone. */
	bool borrows_records;
};

/* Adds RECORD, which the report then owns, to the group of its quiz.
 * False when memory runs out or the record does not match its group. */
bool report_add(struct report *report, struct result_record *record);
void report_clear(struct report *report);

/* The group's quiz, roles and names come from its first record. */
const struct result_record *report_first(const struct report_group *group);
/* The mean affinity of role R, or -1 when no record defines it. */
double report_mean_affinity(const struct report_group *group, size_t role);

/* The band of RECORD as "clear", "leaning"..., or "" when it has none. */
const char *report_band_id(const struct result_record *record);

/* Whether RECORD names a fit at all: a result with too few answers
 * (band insufficient) claims none and is listed apart. */
bool report_claims_fit(const struct result_record *record);

/* One row per participant: name, time, quiz, version, top roles and
 * runner-up (by name), clarity band, each role's affinity under the role's
 * name, and each answer as two cells: its letter in file order ("-" when
 * skipped) and the option's text. A file or pipe other than standard
 * output starts with a UTF-8 byte-order mark, for spreadsheets. */
bool report_write_csv(const struct report *report, FILE *out);
/* The whole report as a JSON document; newly allocated. */
char *report_json(const struct report *report);

#endif
