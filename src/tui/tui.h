/* The full-screen ncurses front end. It drives a session and shows what
 * the core computed; it never scores or touches a file itself. */
#ifndef CAREERFIT_TUI_H
#define CAREERFIT_TUI_H

#include <stdbool.h>
#include <stddef.h>

#include "careerfit/outcome.h"
#include "careerfit/session.h"

/* What claiming a participant's name gave: whether saved answers wait
 * under it (and how many), and whether progress will be saved. */
struct tui_claim {
	bool keeps_progress;
	bool offer_resume;
	size_t answered;
	size_t changed;
};

struct tui_options {
	bool color;		     /* false for --no-color and NO_COLOR */
	bool keeps_progress;	     /* answers are saved as they are given */
	const bool *progress_failed; /* set by the saver when a save fails */
	bool offer_resume;	     /* the session holds saved answers: ask first */
	size_t resume_answered;
	size_t resume_changed; /* saved answers dropped: their question changed */
	/* --room: ask the participant's name first; CLAIM takes it (false:
	 * the name is open elsewhere) and says what waits under it. */
	bool (*claim)(void *data, const char *name, struct tui_claim *claim);
	/* Called once the result is built, before it is shown: a closed
	 * laptop on the results screen must not lose it. */
	void (*submitted)(void *data, const struct outcome *outcome);
	/* Called after each redraw, before the next key is awaited: slow
	 * work there (flushing saved progress) delays no screen. */
	void (*idle)(void *data);
	void *data; /* handed to claim, submitted and idle */
};

enum tui_outcome {
	TUI_DONE,	 /* the person saw their result */
	TUI_QUIT,	 /* they quit before the end */
	TUI_SIGNALLED,	 /* a signal ended it: see tui_run() */
	TUI_UNAVAILABLE, /* the terminal could not be set up; nothing was shown */
};

/* Whether the terminal $TERM names can show the full screen: it is set,
 * its terminfo entry is found and it can move the cursor (TERM=dumb
 * cannot). When it cannot, *WHY says which terminal, as "TERM=dumb" or
 * "TERM is not set". */
bool tui_usable(char *why, size_t size);

/* The welcome screen, drawn before the quiz is loaded from what its file
 * says of itself (see catalog_peek), so that the first paint waits for
 * nothing it does not show: curses is started and signals are caught as
 * tui_run() would. Then either tui_run() goes on from it, or, when the
 * quiz cannot be taken after all, tui_splash_end() restores the terminal
 * (and drops what was typed meanwhile). False when the terminal cannot be
 * set up (nothing was shown). TITLE and DESCRIPTION must outlive the
 * splash. A signal meanwhile is only noted: tui_run() sees it at once,
 * tui_splash_end() returns it (0 for none, and when no splash is up). */
bool tui_splash(const char *title, const char *description, bool color);
int tui_splash_end(void);

/* Runs the quiz on the terminal; the terminal is restored on every path.
 * With TUI_SIGNALLED, *SIGNAL_NUMBER says which signal ended it. With
 * TUI_DONE, *RESULT is the outcome the person saw (theirs to free). */
enum tui_outcome tui_run(struct session *session, const struct tui_options *options,
			 int *signal_number, struct outcome **result);

#endif
