/* The floor bench-pty measures careerfit against: an ncursesw program that
 * starts curses exactly as careerfit's term_start_curses() does (newterm,
 * cbreak, noecho, nonl, the cursor, the Esc delay, the 250 ms getch
 * timeout, the colours, and one endwin() so that each refresh is one
 * write), draws one line, then takes the keypad and the mouse as
 * term_take_keys() does after the first screen, and redraws one line per
 * key. Whatever careerfit takes beyond this is careerfit's own work:
 * loading the quiz, laying out and drawing its screens. q quits. */
#include <curses.h>
#include <locale.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>

static bool start_curses(void)
{
	SCREEN *screen = newterm(NULL, stdout, stdin);
	if (!screen)
		return false;
	set_term(screen);
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	set_escdelay(50);
	timeout(250);
	if (has_colors() && start_color() == OK)
		use_default_colors();
	endwin();
	return true;
}

static void take_keys(void)
{
	keypad(stdscr, TRUE);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
}

/* A terminal that hung up reads as an endless ERR, as careerfit knows. */
static bool gone(void)
{
	struct pollfd input = {.fd = STDIN_FILENO, .events = POLLIN};
	return poll(&input, 1, 0) > 0 && (input.revents & (POLLHUP | POLLERR | POLLNVAL));
}

int main(void)
{
	setlocale(LC_ALL, "");
	if (!start_curses())
		return EXIT_FAILURE;
	mvaddstr(0, 0, "bare ncursesw: ready");
	refresh();
	take_keys();
	int presses = 0;
	for (;;) {
		int key = getch();
		if (key == ERR && gone())
			break;
		if (key == ERR)
			continue; /* the timeout, as in careerfit's loop */
		if (key == 'q')
			break;
		/* "key 1 pressed" is no part of "key 11 pressed": a marker. */
		mvprintw(1, 0, "key %d pressed", ++presses);
		clrtoeol();
		refresh();
	}
	endwin();
	return EXIT_SUCCESS;
}
