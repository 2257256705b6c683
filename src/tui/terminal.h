/* The terminal plumbing shared by the quiz (tui.c) and the live room
 * (live.c): signals caught as a flag, curses started and the terminal's
 * health checked. */
#ifndef CAREERFIT_TUI_TERMINAL_H
#define CAREERFIT_TUI_TERMINAL_H

#include <curses.h>
#include <signal.h>
#include <stdbool.h>

/* SIGINT, SIGTERM, SIGHUP and SIGQUIT. */
#define TERM_SIGNAL_COUNT 4

/* How curses is started: the getch timeout in milliseconds, the mouse
 * events wanted (0 for none: the mouse is then left alone) and the
 * colour set-up, called with the caller's colour wish. */
struct term_setup {
	int timeout;
	mmask_t mouse;
	void (*init_colors)(bool color);
};

/* Clears the caught signal and puts our handlers in, keeping the old
 * ones in saved; restore_signals puts them back. */
void term_catch_signals(struct sigaction saved[TERM_SIGNAL_COUNT]);
void term_restore_signals(const struct sigaction saved[TERM_SIGNAL_COUNT]);
/* The last signal caught since term_catch_signals, or 0. */
int term_caught_signal(void);

/* Whether the terminal entry in use (setupterm() or newterm()) can hold a
 * screen: it moves its cursor, and it does not print on paper. */
bool term_holds_screen(void);
/* newterm() on stdout and stdin and the modes both loops rely on; false,
 * with curses ended again, when the terminal cannot be used (no entry for
 * it, no cursor addressing, or a printing terminal). */
bool term_start_curses(const struct term_setup *setup, bool color);
/* The keypad and the mouse, after term_start_curses() and the first
 * refresh: building the table of the terminal's key sequences is a tenth
 * of a start, which the first screen need not wait for; before that
 * refresh the terminal is still as the shell left it. */
void term_take_keys(const struct term_setup *setup);
/* Smaller than TUI_MIN_COLUMNS x TUI_MIN_ROWS. */
bool term_too_small(void);
/* A terminal that hung up without a SIGHUP reads as an endless ERR. */
bool term_gone(void);

#endif
