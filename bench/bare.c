/* The floor bench-pty measures careerfit against: an ncursesw program that
 * starts curses exactly as careerfit's term_start_curses() does (newterm,
 * cbreak, noecho, nonl, the cursor, the Esc delay, the 250 ms getch
 * timeout, the colours, and one endwin() so that each refresh is one
 * write), draws one line, then takes the keypad and the mouse as
 * term_take_keys() does after the first screen, and redraws one line per
 * key. Whatever careerfit takes beyond this is careerfit's own work:
 * loading the quiz, laying out and drawing its screens. q quits.
 *
 * bench-bare SCREEN-FILE draws the file's lines instead of its one line,
 * each on its row (up to the screen's 24): careerfit's welcome as
 * bench-pty saw it, so that the cost of drawing that much text is told
 * apart from the rest of careerfit's start. */
#include <curses.h>
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

enum { ROWS = 24, ROW_BYTES = 80 * 4 + 2 };

/* SCREEN-FILE's lines, without their ends; false when it cannot be read. */
static bool read_screen(const char *path, char rows[ROWS][ROW_BYTES], int *count)
{
	FILE *file = fopen(path, "r");
	if (!file)
		return false;
	for (*count = 0; *count < ROWS && fgets(rows[*count], ROW_BYTES, file); ++*count)
		rows[*count][strcspn(rows[*count], "\n")] = '\0';
	fclose(file);
	return true;
}

int main(int argc, char **argv)
{
	static char rows[ROWS][ROW_BYTES];
	int count = 0;
	setlocale(LC_ALL, "");
	if (argc > 1 && !read_screen(argv[1], rows, &count))
		return EXIT_FAILURE;
	if (!start_curses())
		return EXIT_FAILURE;
	if (argc > 1)
		for (int row = 0; row < count; row++)
			mvaddstr(row, 0, rows[row]);
	else
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
