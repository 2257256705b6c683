/* The terminal plumbing shared by tui.c and live.c. */
#include "terminal.h"

#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "screen.h"

/* Last: its macros (lines, columns...) would rename screen.h's fields. */
#include <term.h>

static const int handled_signals[TERM_SIGNAL_COUNT] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

static volatile sig_atomic_t caught_signal;

static void on_signal(int signal_number)
{
	caught_signal = signal_number;
}

/* Our handlers, not ncurses' own, which would end the program from inside
 * one: ours only set a flag that the loop notices within one timeout and
 * leaves through the same endwin() as every other way. */
void term_catch_signals(struct sigaction saved[TERM_SIGNAL_COUNT])
{
	caught_signal = 0;
	struct sigaction action;
	memset(&action, 0, sizeof(action));
	action.sa_handler = on_signal;
	sigemptyset(&action.sa_mask);
	for (size_t i = 0; i < TERM_SIGNAL_COUNT; i++)
		sigaction(handled_signals[i], &action, &saved[i]);
}

void term_restore_signals(const struct sigaction saved[TERM_SIGNAL_COUNT])
{
	for (size_t i = 0; i < TERM_SIGNAL_COUNT; i++)
		sigaction(handled_signals[i], &saved[i], NULL);
}

int term_caught_signal(void)
{
	return caught_signal;
}

bool term_holds_screen(void)
{
	/* The entry's own fields: tigetstr("cup") looks the name up among
	 * several hundred, a hundredth of a bare start. */
	return cur_term && cursor_address && cursor_address != (char *)-1 && !hard_copy;
}

bool term_start_curses(const struct term_setup *setup, bool color)
{
	SCREEN *screen = newterm(NULL, stdout, stdin);
	if (!screen)
		return false;
	set_term(screen);
	/* What tui_usable() asks, of the entry newterm() has just read.
	 * newterm() wrote nothing such a terminal would show but a carriage
	 * return. */
	if (!term_holds_screen()) {
		endwin();
		delscreen(screen);
		return false;
	}
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	set_escdelay(50);
	timeout(setup->timeout);
	setup->init_colors(color);
	/* ncurses 6.4 writes its buffer out at every cursor movement until
	 * the screen has once come back from endwin(): a screen of text
	 * would leave as twenty writes of a line each, each a wake-up for
	 * the terminal (and a packet over SSH). Nothing is on the screen
	 * yet, so leaving it here costs a few bytes (the alternate screen
	 * left and entered again, still blank), and the first refresh comes
	 * back and sends the whole screen, and every later one, in one
	 * write. The keypad and the mouse wait for that refresh
	 * (term_take_keys). */
	endwin();
	return true;
}

void term_take_keys(const struct term_setup *setup)
{
	keypad(stdscr, TRUE);
	if (setup->mouse) {
		mousemask(setup->mouse, NULL);
		mouseinterval(0);
	}
}

bool term_too_small(void)
{
	return COLS < TUI_MIN_COLUMNS || LINES < TUI_MIN_ROWS;
}

bool term_gone(void)
{
	struct pollfd input = {.fd = STDIN_FILENO, .events = POLLIN};
	return poll(&input, 1, 0) > 0 && (input.revents & (POLLHUP | POLLERR | POLLNVAL));
}
