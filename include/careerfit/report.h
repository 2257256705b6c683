/* The mentor's report: result files of a workshop gathered per quiz (id,
 * version and content hash), counted and averaged. The text face is in
 * src/workshop.c; CSV and JSON are written here.
 *
 * A report keeps aggregates, not records, so that its memory does not grow
 * with the files beyond each participant's name (and, for --items, the
 * option each chose): per quiz group the counts and sums, each option's
 * first text and signals, and the group's first record, from which its
 * quiz, roles and question ids come. The CSV rows and the JSON records are
 * written by a sink as each record is added, then the record is let go. */
#ifndef CAREERFIT_REPORT_H
#define CAREERFIT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
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

/* What is kept of each participant, in the order added: about the length
 * of the name plus 3 bytes, and one more byte per question unless the
 * report skips answers. */
struct report_people {
	char *names; /* every name, each ended by its NUL, one after the other */
	size_t names_size, names_capacity;
	/* Per person, where "who got what" lists them: bit R for a top role
	 * R (when the result claims a fit), bit role_count for too few
	 * answers. QUIZ_MAX_ROLES + 1 bits fit. */
	uint16_t *listed;
	/* Per person, question_count chosen options in file order (-1 when
	 * skipped), for --items; NULL when the report skips answers. */
	int8_t *choices;
	size_t capacity;
};

struct report_group {
	size_t record_count;
	/* The group's first record: owned, unless the report borrows. */
	struct result_record *first;
	/* Every record, only when the report borrows them (the live room
	 * finds its own records here); NULL otherwise. */
	struct result_record **records;
	struct report_people people;
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

struct report;
struct json_object;

/* Who else sees each record that report_add accepts, once it is counted
 * and before the report lets it go: GROUP is its group's index. */
struct report_sink {
	void (*add)(void *data, const struct report *report, size_t group,
		    const struct result_record *record);
	void *data;
};

struct report {
	struct report_group *groups;
	size_t group_count;
	/* The records belong to the caller (the live room keeps its own
	 * list): each group lists them and report_clear() leaves them alone. */
	bool borrows_records;
	/* No per-person answers are kept: only --items needs them. */
	bool skips_answers;
	struct report_sink sink;
};

/* Counts RECORD in the group of its quiz and hands it to the sink. Unless
 * the report borrows records it then owns RECORD, and keeps it only as a
 * new group's first. False when memory runs out or the record does not
 * match its group; the caller then still owns it. */
bool report_add(struct report *report, struct result_record *record);
void report_clear(struct report *report);

/* The group's quiz, roles and names come from its first record. */
const struct result_record *report_first(const struct report_group *group);
/* The group's quiz as JSON: {"id", "title", "version", "hash"}. */
struct json_object *report_json_quiz(const struct report_group *group);
/* The mean affinity of role R, or -1 when no record defines it. */
double report_mean_affinity(const struct report_group *group, size_t role);

/* The band of RECORD as "clear", "leaning"..., or "" when it has none. */
const char *report_band_id(const struct result_record *record);

/* Whether RECORD names a fit at all: a result with too few answers
 * (band insufficient) claims none and is listed apart. */
bool report_claims_fit(const struct result_record *record);

/* The names "who got what" lists under ROLE, in the order added; ROLE
 * equal to the role count stands for the results with too few answers.
 * Start with *CURSOR = (struct report_names){0}; NULL after the last. */
struct report_names {
	size_t person, offset;
};
const char *report_next_name(const struct report_group *group, size_t role,
			     struct report_names *cursor);
/* How many names report_next_name gives for ROLE. */
size_t report_listed_count(const struct report_group *group, size_t role);

/* The CSV, written as the records come: one row per participant (name,
 * time, quiz, version, top roles and runner-up by name, clarity band,
 * each role's affinity under the role's name, and each answer as two
 * cells, its letter in file order ("-" when skipped) and the option's
 * text), one table per quiz group. A file or pipe other than standard
 * output starts with a UTF-8 byte-order mark, for spreadsheets. The first
 * group's rows go straight to OUT; each later group's wait in a temporary
 * file until report_csv_finish() writes them after the tables before. */
struct report_csv;
struct report_csv *report_csv_new(FILE *out);
void report_csv_add(struct report_csv *csv, const struct report *report, size_t group,
		    const struct result_record *record);
/* Writes the later tables; false when any write failed (errno says why). */
bool report_csv_finish(struct report_csv *csv, const struct report *report);
void report_csv_free(struct report_csv *csv);

/* The JSON document ({"quizzes": [...]}, each group's figures, then its
 * "results"): each participant's record is written to its group's
 * temporary file as it comes, and report_json_finish() writes the figures
 * and copies the records after them. */
struct report_json;
struct report_json *report_json_new(void);
void report_json_add(struct report_json *json, const struct report *report, size_t group,
		     const struct result_record *record);
bool report_json_finish(struct report_json *json, const struct report *report, FILE *out);
void report_json_free(struct report_json *json);

#endif
