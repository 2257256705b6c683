/* Result files: one person's finished quiz, written to a folder that a
 * mentor later reads with `careerfit report`. The format is libconfig,
 * described in docs/results-format.md. A result file is self-contained:
 * it carries the roles each answer signals, so a report needs no quiz. */
#ifndef CAREERFIT_RESULTS_H
#define CAREERFIT_RESULTS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "careerfit/clarity.h"
#include "careerfit/outcome.h"
#include "careerfit/quiz.h"

#define RESULTS_FORMAT_VERSION 1

struct result_answer {
	char *question; /* the question's id */
	char *prompt;
	int option;	/* index in file order, or -1 when skipped */
	char *text;	/* the option's text; "" when skipped */
	double *scores; /* per role of the record, what the option signals */
	char *pair;	/* the question this one asks again on purpose, or NULL */
};

struct result_role {
	char *id;
	char *name;
	double affinity; /* meaningless unless defined */
	bool defined;
	bool top;
};

struct result_record {
	char *path;
	char *quiz_id;
	char *quiz_title;
	int quiz_version;
	char *quiz_hash;
	char *name;
	char *time; /* ISO 8601, UTC */
	struct result_role *roles;
	size_t role_count;
	struct result_answer *answers;
	size_t answer_count;
	bool has_band; /* files written before bands have none */
	enum clarity_band band;
	char *runner_up; /* a role id, or NULL */
};

/* A hash of everything in QUIZ that scoring depends on, as 16 hex digits:
 * two quizzes with the same hash ask the same and score the same. */
void results_quiz_hash(const struct quiz *quiz, char out[17]);
/* The same for any text. */
void results_text_hash(const char *text, char out[17]);
/* The same for one question: its options and their scores. */
void results_question_hash(const struct quiz *quiz, size_t question, char out[17]);

#define RESULTS_NAME_MAX 80

/* NAME made safe as part of a file name: letters, digits, '-' and '_'
 * only, never empty, never starting with a dot, at most RESULTS_NAME_MAX
 * bytes of whole characters. Newly allocated. */
char *results_safe_name(const char *name);

/* Checks that DIR exists (creating it if needed) and that a file can be
 * written in it; on failure *ERROR says why (newly allocated). */
bool results_check_folder(const char *dir, char **error);

/* In a workshop room, who has joined shows before their result does: an
 * empty file DIR/.joined/QUIZ-NAME-HASH marks each participant who typed
 * a name (hidden, so reports skip it). False when it cannot be made. */
#define RESULTS_JOINED_FOLDER ".joined"
bool results_mark_joined(const char *dir, const char *quiz_id, const char *name);

/* Writes OUTCOME (its answers, scores and clarity) atomically (temporary file, fsync, link) under a
 * new name in DIR, never replacing another file. On success *SAVED holds the path; on failure
 * *ERROR says why. Both newly allocated. */
bool results_save(const char *dir, const struct outcome *outcome, const char *name, time_t when,
		  char **saved, char **error);

/* Reads one result file; NULL with *ERROR set when it is unreadable,
 * corrupt, truncated or not a careerfit result. */
struct result_record *results_read(const char *path, char **error);
void result_record_free(struct result_record *record);

#endif
