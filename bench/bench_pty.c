/* How quickly careerfit paints and answers keys in a real terminal, beside
 * a bare ncursesw program (bench/bare.c) and dialog where it is installed.
 *
 * Each program runs under forkpty() at 80x24 with TERM=xterm-256color,
 * LANG=C.UTF-8 and a fresh XDG_STATE_HOME. Its output goes through a small
 * screen model (the escape sequences ncurses sends to an xterm), so that a
 * marker is looked for on the screen, not in the byte stream: ncurses sends
 * only the cells that change, and "Question 2 of 10" reaches the terminal
 * as a lone "2". Times are taken on CLOCK_MONOTONIC:
 *   first paint   from fork() to the marker on the screen;
 *   a key         from writing it to the marker it should bring, or, where
 *                 nothing new appears (a highlight move), to the last byte
 *                 of the redraw: the pty then stays quiet for QUIET_MS.
 * Rounds interleave the programs in an order drawn afresh each round,
 * each right after the same untimed run of the bare program, so that a
 * busy machine slows all of them alike and none inherits another's
 * leftovers (run_round, clear_the_way). Every figure is the median over
 * the rounds of a ratio within one round, careerfit / bare, with the
 * range where that median lies at 95% confidence (from the ranks of the
 * ratios, assuming nothing of their spread).
 *
 * Usage: bench-pty CAREERFIT BARE QUIZ-DIR [ROUNDS]
 * QUIZ-DIR holds quick.cfg; it is opened by path and by id. */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "common.h"

enum {
	SCREEN_ROWS = 24,
	SCREEN_COLUMNS = 80,
	MAX_PARAMS = 16,
	QUIET_MS = 30,	       /* the pty that long silent: the redraw is over */
	RUN_TIMEOUT_MS = 5000, /* no step of any run may take longer */
	/* Single rounds fall 0.1 to 0.3 apart on this machine: 216 rounds
	 * put the median's 95% range within about +-0.04 (print_ratio), in
	 * about two minutes. */
	DEFAULT_ROUNDS = 216,
};

/* Where the escape-sequence parser is between two bytes. */
enum parse_state { GROUND, ESCAPE, CSI, STRING, STRING_ESCAPE, CHARSET };

/* Just enough of an xterm to read text off: the sequences ncurses uses for
 * xterm-256color (cursor moves, erasing, inserting and deleting, a scroll
 * region, rep), with attributes and modes ignored. */
struct screen {
	uint32_t cells[SCREEN_ROWS][SCREEN_COLUMNS]; /* 0: right half of a wide glyph */
	int row, column, top, bottom, saved_row, saved_column;
	bool wrap_pending;
	uint32_t last; /* the last glyph printed, for rep */
	enum parse_state state;
	int params[MAX_PARAMS], param_count;
	bool private_sequence;
	uint32_t codepoint;
	int utf8_left;
};

/* One program under a pseudo-terminal. */
struct run {
	const char *name;
	pid_t pid;
	int master;
	double started;
	size_t bytes; /* read since the last run_count_from_here */
	char state_dir[64];
	struct screen screen;
};

static volatile sig_atomic_t interrupted;

static void on_signal(int signal_number)
{
	interrupted = signal_number;
}

static void clear_cells(struct screen *screen, int row, int from, int to)
{
	for (int column = from; column < to && column < SCREEN_COLUMNS; column++)
		screen->cells[row][column] = ' ';
}

static void clear_rows(struct screen *screen, int from, int to)
{
	for (int row = from; row <= to; row++)
		clear_cells(screen, row, 0, SCREEN_COLUMNS);
}

static void screen_reset(struct screen *screen)
{
	*screen = (struct screen){.bottom = SCREEN_ROWS - 1};
	clear_rows(screen, 0, SCREEN_ROWS - 1);
}

/* COUNT lines up (COUNT > 0) or down within the rows FROM to the region's
 * bottom: scrolling when FROM is the region's top, inserting and deleting
 * lines otherwise. */
static void shift_rows(struct screen *screen, int from, int count)
{
	int bottom = screen->bottom, height = bottom - from + 1;
	if (from < screen->top || from > bottom)
		return;
	int moved = abs(count) >= height ? 0 : height - abs(count);
	size_t row_size = sizeof(screen->cells[0]);
	if (count > 0) {
		memmove(screen->cells[from], screen->cells[from + count], row_size * (size_t)moved);
		clear_rows(screen, from + moved, bottom);
	} else {
		memmove(screen->cells[bottom - moved + 1], screen->cells[from],
			row_size * (size_t)moved);
		clear_rows(screen, from, bottom - moved);
	}
}

static void line_feed(struct screen *screen)
{
	if (screen->row == screen->bottom)
		shift_rows(screen, screen->top, 1);
	else if (screen->row < SCREEN_ROWS - 1)
		screen->row++;
}

static void put_glyph(struct screen *screen, uint32_t codepoint)
{
	int width = wcwidth((wchar_t)codepoint);
	if (width == 0)
		return; /* combining marks: no cell of their own */
	width = width < 0 ? 1 : width;
	if (screen->wrap_pending || screen->column + width > SCREEN_COLUMNS) {
		screen->column = 0;
		line_feed(screen);
	}
	screen->wrap_pending = false;
	screen->cells[screen->row][screen->column] = codepoint;
	if (width == 2)
		screen->cells[screen->row][screen->column + 1] = 0;
	screen->column += width;
	if (screen->column >= SCREEN_COLUMNS) {
		screen->column = SCREEN_COLUMNS - 1;
		screen->wrap_pending = true; /* xterm's deferred wrap */
	}
	screen->last = codepoint;
}

static int clamp(int value, int low, int high)
{
	return value < low ? low : value > high ? high : value;
}

/* Parameter I, or FALLBACK when it is missing or 0. */
static int param(const struct screen *screen, int i, int fallback)
{
	return i < screen->param_count && screen->params[i] ? screen->params[i] : fallback;
}

static void erase(struct screen *screen, char what)
{
	int mode = param(screen, 0, 0), row = screen->row, column = screen->column;
	if (what == 'K') {
		int from = mode == 0 ? column : 0, to = mode == 1 ? column + 1 : SCREEN_COLUMNS;
		clear_cells(screen, row, from, to);
	} else if (mode == 0) {
		clear_cells(screen, row, column, SCREEN_COLUMNS);
		clear_rows(screen, row + 1, SCREEN_ROWS - 1);
	} else if (mode == 1) {
		clear_rows(screen, 0, row - 1);
		clear_cells(screen, row, 0, column + 1);
	} else {
		clear_rows(screen, 0, SCREEN_ROWS - 1);
	}
}

/* Insert (COUNT > 0) or delete blanks at the cursor, within the line. */
static void shift_cells(struct screen *screen, int count)
{
	uint32_t *line = screen->cells[screen->row];
	int column = screen->column, rest = SCREEN_COLUMNS - column;
	int moved = abs(count) >= rest ? 0 : rest - abs(count);
	if (count > 0) {
		memmove(line + column + count, line + column, sizeof(*line) * (size_t)moved);
		clear_cells(screen, screen->row, column, column + count);
	} else {
		memmove(line + column, line + column - count, sizeof(*line) * (size_t)moved);
		clear_cells(screen, screen->row, column + moved, SCREEN_COLUMNS);
	}
}

static void csi_dispatch(struct screen *screen, char final)
{
	int count = param(screen, 0, 1);
	if (screen->private_sequence)
		return; /* modes: nothing on the screen */
	screen->wrap_pending = false;
	switch (final) {
	case 'A':
		screen->row = clamp(screen->row - count, 0, SCREEN_ROWS - 1);
		break;
	case 'B':
		screen->row = clamp(screen->row + count, 0, SCREEN_ROWS - 1);
		break;
	case 'C':
		screen->column = clamp(screen->column + count, 0, SCREEN_COLUMNS - 1);
		break;
	case 'D':
		screen->column = clamp(screen->column - count, 0, SCREEN_COLUMNS - 1);
		break;
	case 'H':
	case 'f':
		screen->row = clamp(count - 1, 0, SCREEN_ROWS - 1);
		screen->column = clamp(param(screen, 1, 1) - 1, 0, SCREEN_COLUMNS - 1);
		break;
	case 'G':
	case '`':
		screen->column = clamp(count - 1, 0, SCREEN_COLUMNS - 1);
		break;
	case 'd':
		screen->row = clamp(count - 1, 0, SCREEN_ROWS - 1);
		break;
	case 'J':
	case 'K':
		erase(screen, final);
		break;
	case 'X':
		clear_cells(screen, screen->row, screen->column, screen->column + count);
		break;
	case '@':
		shift_cells(screen, count);
		break;
	case 'P':
		shift_cells(screen, -count);
		break;
	case 'L':
		shift_rows(screen, screen->row, -count);
		break;
	case 'M':
		shift_rows(screen, screen->row, count);
		break;
	case 'S':
		shift_rows(screen, screen->top, count);
		break;
	case 'T':
		shift_rows(screen, screen->top, -count);
		break;
	case 'r':
		screen->top = clamp(param(screen, 0, 1) - 1, 0, SCREEN_ROWS - 1);
		screen->bottom =
			clamp(param(screen, 1, SCREEN_ROWS) - 1, screen->top, SCREEN_ROWS - 1);
		screen->row = screen->column = 0;
		break;
	case 'b':
		for (int i = 0; i < count && i < SCREEN_COLUMNS * SCREEN_ROWS; i++)
			put_glyph(screen, screen->last);
		break;
	default:
		break; /* colours, attributes, modes */
	}
}

static void csi_byte(struct screen *screen, unsigned char byte)
{
	if (byte >= '0' && byte <= '9') {
		if (screen->param_count == 0)
			screen->param_count = 1;
		int *value = &screen->params[screen->param_count - 1];
		*value = *value > 9999 ? *value : *value * 10 + (byte - '0');
	} else if (byte == ';' || byte == ':') {
		if (screen->param_count == 0)
			screen->param_count = 1;
		if (screen->param_count < MAX_PARAMS)
			screen->params[screen->param_count++] = 0;
	} else if (byte >= 0x3c && byte <= 0x3f) {
		screen->private_sequence = true; /* ? > < = */
	} else if (byte >= 0x20 && byte <= 0x2f) {
		screen->private_sequence = true; /* intermediates: none we draw */
	} else if (byte >= 0x40 && byte <= 0x7e) {
		csi_dispatch(screen, (char)byte);
		screen->state = GROUND;
	}
}

static void escape_byte(struct screen *screen, unsigned char byte)
{
	screen->state = GROUND;
	switch (byte) {
	case '[':
		screen->state = CSI;
		screen->param_count = 0;
		memset(screen->params, 0, sizeof(screen->params));
		screen->private_sequence = false;
		break;
	case ']':
	case 'P':
	case '_':
	case '^':
		screen->state = STRING; /* OSC, DCS...: up to BEL or ST */
		break;
	case '(':
	case ')':
	case '*':
	case '+':
		screen->state = CHARSET;
		break;
	case '7':
		screen->saved_row = screen->row;
		screen->saved_column = screen->column;
		break;
	case '8':
		screen->row = screen->saved_row;
		screen->column = screen->saved_column;
		break;
	case 'M':
		if (screen->row == screen->top)
			shift_rows(screen, screen->top, -1);
		else if (screen->row > 0)
			screen->row--;
		break;
	case 'E':
		screen->column = 0;
		line_feed(screen);
		break;
	case 'D':
		line_feed(screen);
		break;
	case 'c':
		screen_reset(screen);
		break;
	default:
		break; /* keypad modes and the like */
	}
}

static void control_byte(struct screen *screen, unsigned char byte)
{
	switch (byte) {
	case '\r':
		screen->column = 0;
		screen->wrap_pending = false;
		break;
	case '\n':
	case '\v':
	case '\f':
		line_feed(screen);
		screen->wrap_pending = false;
		break;
	case '\b':
		screen->column = screen->column > 0 ? screen->column - 1 : 0;
		screen->wrap_pending = false;
		break;
	case '\t':
		screen->column = clamp((screen->column / 8 + 1) * 8, 0, SCREEN_COLUMNS - 1);
		break;
	case 0x1b:
		screen->state = ESCAPE;
		break;
	default:
		break; /* BEL, shifts between character sets */
	}
}

/* Printable bytes: UTF-8, a malformed sequence shown as U+FFFD. */
static void text_byte(struct screen *screen, unsigned char byte)
{
	if (screen->utf8_left > 0 && (byte & 0xc0) == 0x80) {
		screen->codepoint = screen->codepoint << 6 | (byte & 0x3f);
		if (--screen->utf8_left == 0)
			put_glyph(screen, screen->codepoint);
		return;
	}
	if (screen->utf8_left > 0)
		put_glyph(screen, 0xfffd);
	screen->utf8_left = 0;
	if (byte < 0x80)
		put_glyph(screen, byte);
	else if ((byte & 0xe0) == 0xc0)
		screen->codepoint = byte & 0x1f, screen->utf8_left = 1;
	else if ((byte & 0xf0) == 0xe0)
		screen->codepoint = byte & 0x0f, screen->utf8_left = 2;
	else if ((byte & 0xf8) == 0xf0)
		screen->codepoint = byte & 0x07, screen->utf8_left = 3;
	else
		put_glyph(screen, 0xfffd);
}

static void screen_feed(struct screen *screen, const unsigned char *bytes, size_t length)
{
	for (size_t i = 0; i < length; i++) {
		unsigned char byte = bytes[i];
		switch (screen->state) {
		case ESCAPE:
			escape_byte(screen, byte);
			break;
		case CSI:
			csi_byte(screen, byte);
			break;
		case STRING:
			screen->state = byte == 0x07   ? GROUND
					: byte == 0x1b ? STRING_ESCAPE
						       : STRING;
			break;
		case STRING_ESCAPE:
		case CHARSET:
			screen->state = GROUND;
			break;
		case GROUND:
			if (byte < 0x20 || byte == 0x7f)
				control_byte(screen, byte);
			else
				text_byte(screen, byte);
			break;
		}
	}
}

static size_t encode_utf8(uint32_t codepoint, char *out)
{
	if (codepoint < 0x80)
		return out[0] = (char)codepoint, 1;
	if (codepoint < 0x800)
		return out[0] = (char)(0xc0 | codepoint >> 6),
		       out[1] = (char)(0x80 | (codepoint & 0x3f)), 2;
	if (codepoint < 0x10000)
		return out[0] = (char)(0xe0 | codepoint >> 12),
		       out[1] = (char)(0x80 | (codepoint >> 6 & 0x3f)),
		       out[2] = (char)(0x80 | (codepoint & 0x3f)), 3;
	return out[0] = (char)(0xf0 | codepoint >> 18),
	       out[1] = (char)(0x80 | (codepoint >> 12 & 0x3f)),
	       out[2] = (char)(0x80 | (codepoint >> 6 & 0x3f)),
	       out[3] = (char)(0x80 | (codepoint & 0x3f)), 4;
}

/* Whether TEXT stands on one line of the screen. */
static bool screen_shows(const struct screen *screen, const char *text)
{
	char line[SCREEN_COLUMNS * 4 + 1];
	for (int row = 0; row < SCREEN_ROWS; row++) {
		size_t length = 0;
		for (int column = 0; column < SCREEN_COLUMNS; column++)
			if (screen->cells[row][column])
				length += encode_utf8(screen->cells[row][column], line + length);
		line[length] = '\0';
		if (strstr(line, text))
			return true;
	}
	return false;
}

/* The screen as the model sees it, for BENCH_PTY_SCREEN=1: a check that
 * the model reads ncurses' output as a terminal would. */
static void screen_write(const struct screen *screen, FILE *out)
{
	char line[SCREEN_COLUMNS * 4 + 1];
	for (int row = 0; row < SCREEN_ROWS; row++) {
		size_t length = 0;
		for (int column = 0; column < SCREEN_COLUMNS; column++)
			if (screen->cells[row][column])
				length += encode_utf8(screen->cells[row][column], line + length);
		line[length] = '\0';
		fprintf(out, "%s\n", line);
	}
}

static void screen_print(const struct screen *screen, const char *title)
{
	fprintf(stderr, "-- %s\n", title);
	screen_write(screen, stderr);
}

/* Starts ARGV under a new pty; EXTRA_ENV is NAME=VALUE or NULL. */
static bool run_start(struct run *run, const char *name, char *const argv[], const char *extra_env)
{
	*run = (struct run){.name = name, .pid = -1, .master = -1};
	screen_reset(&run->screen);
	snprintf(run->state_dir, sizeof(run->state_dir), "/tmp/careerfit-bench-pty-XXXXXX");
	if (!mkdtemp(run->state_dir)) {
		run->state_dir[0] = '\0';
		return false;
	}
	struct winsize size = {.ws_row = SCREEN_ROWS, .ws_col = SCREEN_COLUMNS};
	run->started = bench_now();
	run->pid = forkpty(&run->master, NULL, NULL, &size);
	if (run->pid < 0)
		return false;
	if (run->pid == 0) {
		/* The child: ncurses takes LINES and COLUMNS over the pty's size. */
		unsetenv("LINES");
		unsetenv("COLUMNS");
		unsetenv("LC_ALL");
		unsetenv("LC_CTYPE");
		unsetenv("NO_COLOR");
		setenv("TERM", "xterm-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		setenv("XDG_STATE_HOME", run->state_dir, 1);
		setenv("HOME", run->state_dir, 1);
		if (extra_env)
			putenv((char *)extra_env);
		execvp(argv[0], argv);
		_exit(127);
	}
	fcntl(run->master, F_SETFL, fcntl(run->master, F_GETFL) | O_NONBLOCK);
	return true;
}

/* Reads what is there, waiting at most WAIT_MS for it. 1: read something,
 * 0: nothing came, -1: the program is gone (or we were interrupted). */
static int run_read(struct run *run, int wait_ms, double *when)
{
	struct pollfd output = {.fd = run->master, .events = POLLIN};
	int ready = poll(&output, 1, wait_ms);
	if (interrupted)
		return -1;
	if (ready < 0)
		return errno == EINTR ? 0 : -1;
	if (ready == 0)
		return 0;
	unsigned char buffer[65536];
	ssize_t got = read(run->master, buffer, sizeof(buffer));
	*when = bench_now();
	if (got < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	if (got <= 0)
		return -1; /* EIO: the child closed the pty */
	run->bytes += (size_t)got;
	screen_feed(&run->screen, buffer, (size_t)got);
	return 1;
}

static int remaining_ms(double deadline)
{
	double left = (deadline - bench_now()) * 1000;
	return left < 0 ? 0 : (int)left + 1;
}

/* Reads until MARKER is on the screen; *WHEN is the time it arrived. */
static bool run_wait_for(struct run *run, const char *marker, double *when)
{
	double deadline = bench_now() + RUN_TIMEOUT_MS / 1000.0;
	while (!screen_shows(&run->screen, marker)) {
		if (bench_now() > deadline || run_read(run, remaining_ms(deadline), when) < 0) {
			fprintf(stderr, "bench-pty: %s: \"%s\" never came on the screen\n",
				run->name, marker);
			return false;
		}
	}
	return true;
}

/* Reads until the pty has been quiet for QUIET_MS after at least one byte
 * (when NEED_BYTE); *LAST is when the last byte came. */
static bool run_settle(struct run *run, bool need_byte, double *last)
{
	double deadline = bench_now() + RUN_TIMEOUT_MS / 1000.0;
	bool seen = false;
	for (;;) {
		int got = run_read(run, QUIET_MS, last);
		if (got < 0 || bench_now() > deadline) {
			fprintf(stderr, "bench-pty: %s: the screen did not settle\n", run->name);
			return false;
		}
		if (got == 0 && (seen || !need_byte))
			return true;
		seen = seen || got > 0;
	}
}

/* One key: its time to MARKER (or, with none, to the last byte of the
 * redraw) and the bytes it made the program write. */
static bool run_key(struct run *run, const char *keys, const char *marker, double *taken,
		    double *bytes)
{
	double ignored, arrived = 0, last = 0;
	if (!run_settle(run, false, &ignored))
		return false;
	run->bytes = 0;
	double sent = bench_now();
	if (write(run->master, keys, strlen(keys)) != (ssize_t)strlen(keys))
		return false;
	if (marker && !run_wait_for(run, marker, &arrived))
		return false;
	if (!run_settle(run, !marker, &last))
		return false;
	*taken = (marker ? arrived : last) - sent;
	*bytes = (double)run->bytes;
	return true;
}

/* First paint: from fork to MARKER, and the bytes written by then. */
static bool run_paint(struct run *run, const char *marker, double *taken, double *bytes)
{
	double arrived = 0, ignored;
	if (!run_wait_for(run, marker, &arrived) || !run_settle(run, false, &ignored))
		return false;
	*taken = arrived - run->started;
	*bytes = (double)run->bytes;
	return true;
}

/* Ends the program on every path: the whole session, then the pty. */
static void run_stop(struct run *run)
{
	if (run->pid > 0) {
		kill(-run->pid, SIGKILL);
		kill(run->pid, SIGKILL);
		waitpid(run->pid, NULL, 0);
	}
	if (run->master >= 0)
		close(run->master);
	if (run->state_dir[0])
		bench_remove_tree(run->state_dir);
	/* The next program starts on a quiet disk: what this one saved (its
	 * progress, the folder removed above) is written out now, not by the
	 * journal while the next one is being timed. */
	sync();
	run->pid = -1;
	run->master = -1;
	run->state_dir[0] = '\0';
}

/* What one round measures, each in seconds and in bytes written. */
enum figure {
	PAINT_BY_PATH, /* careerfit QUIZ-DIR/quick.cfg, to the welcome */
	PAINT_BY_ID,   /* careerfit quick, to the welcome */
	START,	       /* Enter on the welcome, to question 1 */
	MOVE,	       /* j on question 1: the highlight moves */
	ANSWER,	       /* a on question 1, to question 2 */
	BARE_PAINT,    /* the bare program, to its line */
	BARE_REDRAW,   /* a key, to the last byte of its redraw */
	BARE_LINE,     /* a key, to its new line on the screen */
	SAME_PAINT,    /* the bare program drawing careerfit's welcome, to it */
	DIALOG_PAINT,  /* dialog --msgbox, to its text */
	DIALOG_MOVE,   /* Down in dialog --menu */
	FIGURE_COUNT
};

struct round {
	double time[FIGURE_COUNT], bytes[FIGURE_COUNT];
};

struct setup {
	const char *careerfit, *bare, *quiz_path;
	char *quiz_dir_env; /* CAREERFIT_QUIZ_DIR=..., for the quiz by id */
	char welcome[64];   /* a file holding careerfit's welcome as it looked */
	bool dialog;
};

#define WELCOME "Press Enter to start."
/* The goals of issue 13: a first paint within 10% of the bare program's,
 * an answer at most twice a highlight move. */
#define GOAL_PAINT 1.10
#define GOAL_ANSWER 2.00

static bool careerfit_by_path(const struct setup *setup, struct round *round)
{
	char *argv[] = {(char *)setup->careerfit, "--seed", "1", (char *)setup->quiz_path, NULL};
	struct run run;
	double *time = round->time, *bytes = round->bytes;
	bool ok = run_start(&run, "careerfit", argv, NULL) &&
		  run_paint(&run, WELCOME, &time[PAINT_BY_PATH], &bytes[PAINT_BY_PATH]) &&
		  run_key(&run, "\r", "Question 1 of", &time[START], &bytes[START]) &&
		  run_key(&run, "j", NULL, &time[MOVE], &bytes[MOVE]) &&
		  run_key(&run, "a", "Question 2 of", &time[ANSWER], &bytes[ANSWER]);
	if (getenv("BENCH_PTY_SCREEN"))
		screen_print(&run.screen, "careerfit after Enter, j and a");
	run_stop(&run);
	return ok;
}

static bool careerfit_by_id(const struct setup *setup, struct round *round)
{
	char *argv[] = {(char *)setup->careerfit, "--seed", "1", "quick", NULL};
	struct run run;
	bool ok = run_start(&run, "careerfit quick", argv, setup->quiz_dir_env) &&
		  run_paint(&run, WELCOME, &round->time[PAINT_BY_ID], &round->bytes[PAINT_BY_ID]);
	run_stop(&run);
	return ok;
}

static bool bare(const struct setup *setup, struct round *round)
{
	char *argv[] = {(char *)setup->bare, NULL};
	struct run run;
	double *time = round->time, *bytes = round->bytes;
	bool ok = run_start(&run, "bare ncursesw", argv, NULL) &&
		  run_paint(&run, "bare ncursesw: ready", &time[BARE_PAINT], &bytes[BARE_PAINT]) &&
		  run_key(&run, "j", NULL, &time[BARE_REDRAW], &bytes[BARE_REDRAW]) &&
		  run_key(&run, "a", "key 2 pressed", &time[BARE_LINE], &bytes[BARE_LINE]);
	run_stop(&run);
	return ok;
}

/* The bare program drawing the text of careerfit's welcome: what drawing
 * that screen costs ncurses itself. */
static bool bare_same_screen(const struct setup *setup, struct round *round)
{
	char *argv[] = {(char *)setup->bare, (char *)setup->welcome, NULL};
	struct run run;
	bool ok = run_start(&run, "bare ncursesw, careerfit's welcome", argv, NULL) &&
		  run_paint(&run, WELCOME, &round->time[SAME_PAINT], &round->bytes[SAME_PAINT]);
	run_stop(&run);
	return ok;
}

static bool dialog(const struct setup *setup, struct round *round)
{
	if (!setup->dialog)
		return true;
	char *box[] = {"dialog", "--msgbox", WELCOME, "10", "40", NULL};
	char *menu[] = {"dialog", "--menu", "Pick one", "15",	 "50", "4",	 "a", "First",
			"b",	  "Second", "c",	"Third", "d",  "Fourth", NULL};
	struct run run;
	double *time = round->time, *bytes = round->bytes, ignored;
	bool ok = run_start(&run, "dialog --msgbox", box, NULL) &&
		  run_paint(&run, WELCOME, &time[DIALOG_PAINT], &bytes[DIALOG_PAINT]);
	run_stop(&run);
	/* Down as the terminal sends it in keypad mode. */
	ok = ok && run_start(&run, "dialog --menu", menu, NULL) &&
	     run_paint(&run, "Fourth", &ignored, &ignored) &&
	     run_key(&run, "\033OB", NULL, &time[DIALOG_MOVE], &bytes[DIALOG_MOVE]);
	run_stop(&run);
	return ok;
}

/* Runs careerfit by path once, untimed, and keeps its welcome's text in
 * a file for bare_same_screen. */
static bool capture_welcome(struct setup *setup)
{
	char *argv[] = {(char *)setup->careerfit, "--seed", "1", (char *)setup->quiz_path, NULL};
	struct run run;
	double ignored;
	snprintf(setup->welcome, sizeof(setup->welcome), "/tmp/careerfit-bench-pty-welcome-XXXXXX");
	int fd = mkstemp(setup->welcome);
	if (fd < 0)
		setup->welcome[0] = '\0';
	FILE *file = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!file) {
		if (fd >= 0)
			close(fd);
		return false;
	}
	bool ok = run_start(&run, "careerfit, untimed", argv, NULL) &&
		  run_paint(&run, WELCOME, &ignored, &ignored);
	if (ok)
		screen_write(&run.screen, file);
	run_stop(&run);
	return fclose(file) == 0 && ok;
}

static bool (*const programs[])(const struct setup *, struct round *) = {
	careerfit_by_path,
	careerfit_by_id,
	bare,
	bare_same_screen,
	dialog,
};

/* Starts and stops the bare program, untimed: what runs just before each
 * timed program, so that none inherits another's leftovers. Before, the
 * order turned by one place a round: given the same command, the second
 * program in the list read 0.07 to 0.1 slower than the first, and a
 * paint timed right after careerfit by path (which answers keys and
 * saves) read slower than one timed after anything else. */
static bool clear_the_way(const struct setup *setup)
{
	char *argv[] = {(char *)setup->bare, NULL};
	struct run run;
	double ignored;
	bool ok = run_start(&run, "bare ncursesw, untimed", argv, NULL) &&
		  run_paint(&run, "bare ncursesw: ready", &ignored, &ignored);
	run_stop(&run);
	return ok;
}

/* A program runs faster right after one that warmed the same code, even
 * with another run between them: the order is drawn afresh every round
 * (from a fixed seed, so that two runs of the benchmark time the same
 * orders), and no program keeps a place in it. */
static bool run_round(const struct setup *setup, struct round *round, uint64_t *seed)
{
	size_t order[] = {0, 1, 2, 3, 4};
	size_t count = setup->dialog ? 5 : 4;
	for (size_t i = count - 1; i > 0; i--) {
		*seed = *seed * 6364136223846793005u + 1442695040888963407u;
		size_t j = (size_t)(*seed >> 33) % (i + 1);
		size_t swap = order[i];
		order[i] = order[j];
		order[j] = swap;
	}
	for (size_t i = 0; i < count; i++) /* dialog, the last, only with count 5 */
		if (!clear_the_way(setup) || !programs[order[i]](setup, round))
			return false;
	return true;
}

/* Whether every ratio with a goal met it, for the last line. */
static bool all_met = true;

/* The median over ROUNDS of the ratio TOP / BOTTOM within each round, and
 * against GOAL when it is one (> 0): the goals, printed beside
 * each figure so that one run says whether all are met. */
static void print_ratio(const char *label, const struct round *rounds, int count, enum figure top,
			enum figure bottom, double goal)
{
	double *ratios = calloc((size_t)count, sizeof(*ratios));
	if (!ratios)
		return;
	for (int i = 0; i < count; i++)
		ratios[i] = rounds[i].time[top] / rounds[i].time[bottom];
	double median = bench_median(ratios, (size_t)count);
	/* The median lies between the ratios of ranks n/2 -+ 0.98 sqrt(n) in
	 * about 95 runs of 100 (the binomial's normal approximation: 95.2% at
	 * 216 rounds, less with fewer). */
	double reach = 0.98 * sqrt((double)count);
	size_t low = (double)count / 2 > reach + 1 ? (size_t)((double)count / 2 - reach) : 0;
	size_t high = (size_t)count - 1 - low;
	printf("  %-34s %6.2f   (%.2f to %.2f)", label, median, ratios[low], ratios[high]);
	if (goal > 0) {
		printf("   goal <= %.2f: %s", goal, median <= goal ? "met" : "NOT MET");
		all_met = all_met && median <= goal;
	}
	printf("\n");
	free(ratios);
}

/* BENCH_PTY_TIMES=1: each figure's median in milliseconds, to see where a
 * ratio comes from (absolute times move with the machine; ratios less). */
static void print_times(const struct round *rounds, int count)
{
	static const char *const names[FIGURE_COUNT] = {
		"paint by path", "paint by id", "Enter",	"j",	"a",	      "bare paint",
		"bare redraw",	 "bare line",	"same paint", "dialog paint", "dialog Down"};
	const char *wanted = getenv("BENCH_PTY_TIMES");
	double *values = calloc((size_t)count, sizeof(*values));
	if (!wanted || strcmp(wanted, "1") != 0 || !values) {
		free(values);
		return;
	}
	printf("medians, ms:");
	for (int f = 0; f < FIGURE_COUNT; f++) {
		for (int i = 0; i < count; i++)
			values[i] = rounds[i].time[f] * 1000;
		printf(" %s %.3f;", names[f], bench_median(values, (size_t)count));
	}
	printf("\n");
	free(values);
}

static double median_bytes(const struct round *rounds, int count, enum figure figure)
{
	double *values = calloc((size_t)count, sizeof(*values));
	if (!values)
		return 0;
	for (int i = 0; i < count; i++)
		values[i] = rounds[i].bytes[figure];
	double median = bench_median(values, (size_t)count);
	free(values);
	return median;
}

static void print_report(const struct setup *setup, const struct round *rounds, int count)
{
	printf("bench-pty: %d rounds at %dx%d, TERM=xterm-256color, LANG=C.UTF-8\n", count,
	       SCREEN_COLUMNS, SCREEN_ROWS);
	printf("median of the paired ratios, one per round (where it lies, 95%% confidence)\n");
	print_ratio("first paint, quiz by path / bare", rounds, count, PAINT_BY_PATH, BARE_PAINT,
		    GOAL_PAINT);
	print_ratio("first paint, quiz by id / bare", rounds, count, PAINT_BY_ID, BARE_PAINT,
		    GOAL_PAINT);
	print_ratio("bare drawing the welcome / bare", rounds, count, SAME_PAINT, BARE_PAINT, 0);
	print_ratio("first paint by path / bare welcome", rounds, count, PAINT_BY_PATH,
		    SAME_PAINT, 0);
	print_ratio("Enter, to question 1 / bare key", rounds, count, START, BARE_LINE, 0);
	print_ratio("j, highlight move / bare key", rounds, count, MOVE, BARE_REDRAW, 0);
	print_ratio("a, answer to question 2 / bare key", rounds, count, ANSWER, BARE_LINE, 0);
	print_ratio("a, answer / j, highlight move", rounds, count, ANSWER, MOVE, GOAL_ANSWER);
	if (setup->dialog) {
		print_ratio("dialog --msgbox paint / bare", rounds, count, DIALOG_PAINT, BARE_PAINT,
			    0);
		print_ratio("dialog --menu Down / bare key", rounds, count, DIALOG_MOVE,
			    BARE_REDRAW, 0);
		print_ratio("careerfit paint / dialog paint", rounds, count, PAINT_BY_PATH,
			    DIALOG_PAINT, 0);
		print_ratio("careerfit j / dialog Down", rounds, count, MOVE, DIALOG_MOVE, 0);
	} else {
		printf("  dialog: not installed (command -v dialog found nothing): skipped\n");
	}
	printf("bytes written, median: careerfit first paint %.0f, Enter %.0f, j %.0f, a %.0f;"
	       " bare first paint %.0f, key %.0f, welcome %.0f",
	       median_bytes(rounds, count, PAINT_BY_PATH), median_bytes(rounds, count, START),
	       median_bytes(rounds, count, MOVE), median_bytes(rounds, count, ANSWER),
	       median_bytes(rounds, count, BARE_PAINT), median_bytes(rounds, count, BARE_LINE),
	       median_bytes(rounds, count, SAME_PAINT));
	if (setup->dialog)
		printf("; dialog first paint %.0f, Down %.0f",
		       median_bytes(rounds, count, DIALOG_PAINT),
		       median_bytes(rounds, count, DIALOG_MOVE));
	printf("\n");
	print_times(rounds, count);
	printf("goals: %s\n", all_met ? "all met" : "NOT all met");
}

static void catch_signals(void)
{
	struct sigaction action = {.sa_handler = on_signal};
	sigemptyset(&action.sa_mask);
	sigaction(SIGINT, &action, NULL);
	sigaction(SIGTERM, &action, NULL);
	sigaction(SIGHUP, &action, NULL);
}

int main(int argc, char **argv)
{
	if (argc < 4 || argc > 5) {
		fprintf(stderr, "usage: bench-pty CAREERFIT BARE QUIZ-DIR [ROUNDS]\n");
		return 2;
	}
	int count = argc == 5 ? atoi(argv[4]) : DEFAULT_ROUNDS;
	if (count < 1 || count > 10000) {
		fprintf(stderr, "bench-pty: ROUNDS must be 1 to 10000\n");
		return 2;
	}
	setlocale(LC_CTYPE, "C.UTF-8"); /* wcwidth, for the screen model */
	catch_signals();
	size_t dir_length = strlen(argv[3]);
	char *quiz_path = malloc(dir_length + sizeof("/quick.cfg"));
	char *quiz_dir_env = malloc(dir_length + sizeof("CAREERFIT_QUIZ_DIR="));
	struct round *rounds = calloc((size_t)count, sizeof(*rounds));
	struct setup setup = {0};
	int status = EXIT_FAILURE;
	if (!quiz_path || !quiz_dir_env || !rounds)
		goto out;
	sprintf(quiz_path, "%s/quick.cfg", argv[3]);
	sprintf(quiz_dir_env, "CAREERFIT_QUIZ_DIR=%s", argv[3]);
	setup = (struct setup){
		.careerfit = argv[1],
		.bare = argv[2],
		.quiz_path = quiz_path,
		.quiz_dir_env = quiz_dir_env,
		.dialog = system("command -v dialog >/dev/null 2>&1") == 0,
	};
	if (!capture_welcome(&setup))
		goto out;
	uint64_t seed = 13;
	for (int i = 0; i < count; i++)
		if (!run_round(&setup, &rounds[i], &seed))
			goto out;
	print_report(&setup, rounds, count);
	status = EXIT_SUCCESS;
out:
	if (interrupted)
		fprintf(stderr, "bench-pty: interrupted\n");
	if (setup.welcome[0])
		unlink(setup.welcome);
	free(rounds);
	free(quiz_dir_env);
	free(quiz_path);
	return status;
}
