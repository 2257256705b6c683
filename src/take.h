/* Taking a quiz: finding it, restoring saved progress, running a front
 * end (plain or full-screen), then printing and saving the result. */
#ifndef CAREERFIT_TAKE_H
#define CAREERFIT_TAKE_H

#include <stdbool.h>
#include <stdint.h>

struct take_options {
	const char *quiz;     /* a path or a quiz id; NULL: the bundled default */
	const char *answers;  /* --answers LIST */
	const char *name;     /* --name; "" without */
	const char *save_dir; /* --save DIR, or --room DIR */
	const char *language; /* --lang: the version of a quiz id; NULL: the reader's */
	bool room;	      /* --room: ask the name when --name is not given */
	bool plain;
	bool json;
	bool debrief; /* plain text: every question's debrief after the result */
	bool color;
	bool resume;
	bool restart;
	bool seed_given;
	uint64_t seed;
};

enum take_status {
	TAKE_DONE,	/* a result was shown */
	TAKE_QUIT,	/* the person quit; progress is kept */
	TAKE_USAGE,	/* a bad --answers list (message printed) */
	TAKE_FAILED,	/* a bad quiz, an I/O error, input that ended */
	TAKE_SIGNALLED, /* a signal ended the full-screen quiz */
};

/* Runs the whole quiz; *SIGNAL_NUMBER is set with TAKE_SIGNALLED. */
enum take_status take_quiz(const struct take_options *options, int *signal_number);

#endif
