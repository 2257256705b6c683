/* The quiz model: what a quiz file describes, after the loader has checked
 * it. Every string is owned by the quiz and freed by quiz_free(); nothing
 * here is sanitised for a terminal (see text.h for that). */
#ifndef CAREERFIT_QUIZ_H
#define CAREERFIT_QUIZ_H

#include <stdbool.h>
#include <stddef.h>

#include "careerfit/diag.h"

#define QUIZ_MIN_ROLES 2
#define QUIZ_MAX_ROLES 12
#define QUIZ_MIN_OPTIONS 2
#define QUIZ_MAX_OPTIONS 9
#define QUIZ_MAX_SCORE 5.0
#define QUIZ_MAX_WEIGHT 10.0
#define QUIZ_MAX_NEXT_STEPS 8
/* The language of a quiz file that does not say. */
#define QUIZ_DEFAULT_LANGUAGE "en"

struct quiz_role {
	char *id;
	char *name;
	char *short_name;  /* the name itself when the file gives no `short` */
	char *summary;	   /* may be empty */
	char *description; /* may be empty */
	char **next_steps; /* things to do to grow toward the role */
	size_t next_step_count;
	char *file; /* where the role is written, for diagnostics */
	int line;
};

/* One entry of the quiz's glossary: a term its text uses, in plain words. */
struct quiz_term {
	char *term;
	char *meaning;
};

struct quiz_option {
	char *text;
	double *scores; /* one per role, in the quiz's role order */
};

struct quiz_question {
	char *id;
	char *prompt;
	char *debrief; /* may be empty */
	char *pair;    /* a question this one asks again on purpose, or NULL */
	double weight;
	size_t scenario; /* index into quiz.scenarios */
	char *file;	 /* where the question is written, for diagnostics */
	int line;
	struct quiz_option *options;
	size_t option_count;
};

struct quiz_scenario {
	char *id;
	char *title;
	char *story;	       /* may be empty */
	size_t first_question; /* questions are stored flat, in file order */
	size_t question_count;
};

struct quiz {
	char *path;
	char *id;
	char *title;
	char *description; /* may be empty */
	char *language;	   /* a tag such as "fr" or "pt_BR"; "en" when absent */
	int version;
	bool shuffle;
	struct quiz_role *roles;
	size_t role_count;
	struct quiz_scenario *scenarios;
	size_t scenario_count;
	struct quiz_question *questions;
	size_t question_count;
	struct quiz_term *glossary; /* in file order */
	size_t term_count;
};

/* Which characters an id may hold, besides lower-case letters and digits;
 * every kind starts with a letter or digit, a role's with a letter. */
enum quiz_id_kind {
	QUIZ_ID_QUIZ,  /* [a-z0-9-]+ */
	QUIZ_ID_ROLE,  /* [a-z][a-z0-9_]* */
	QUIZ_ID_OTHER, /* [a-z0-9._-]+ for scenarios and questions */
};

bool quiz_id_is_valid(const char *id, enum quiz_id_kind kind);
/* A language tag as quizzes and --lang write it: a language code of two or
 * three lower-case letters, optionally '_' and a country code of two
 * upper-case letters or three digits ("fr", "en", "pt_BR", "es_419"). */
bool quiz_language_is_valid(const char *tag);
/* Whether a quiz in language TAG suits a reader of WANTED: the same tag,
 * or, when WANTED names no country ("fr"), any country of its language
 * ("fr_CA"). */
bool quiz_language_matches(const char *tag, const char *wanted);

/* Reads and checks PATH. Every problem found, errors and warnings, is
 * appended to DIAGS with its file and line. Returns NULL when there is any
 * error; a quiz with only warnings is returned. */
struct quiz *quiz_load(const char *path, struct diag_list *diags);
/* The same, with LIBRARY as the folder an @include "careerfit/NAME" falls
 * back to when the quiz's folder has no such file (NULL: none). quiz_load()
 * uses quiz_bundled_folder(). */
struct quiz *quiz_load_with_library(const char *path, const char *library, struct diag_list *diags);
/* The bundled quizzes' folder: $CAREERFIT_QUIZ_DIR when set (an
 * uninstalled build, run by meson devenv, the tests or scripts/run), else
 * the installed one. Never a path of the machine careerfit was built on. */
const char *quiz_bundled_folder(void);
void quiz_free(struct quiz *quiz);
/* Frees what QUESTION holds (not QUESTION itself). */
void quiz_question_free(struct quiz_question *question);

/* The index of the role with this id, or -1. */
int quiz_role_index(const struct quiz *quiz, const char *id);
/* The index of the question with this id, or -1. */
int quiz_question_index(const struct quiz *quiz, const char *id);
/* Whether every option of QUESTION scores every role the same. */
bool quiz_options_alike(const struct quiz *quiz, size_t question);

#endif
