/* What the screens share: the one screen state, the table of operations
 * each screen fills in, and the drawing helpers of draw.c. */
#ifndef CAREERFIT_TUI_SCREEN_H
#define CAREERFIT_TUI_SCREEN_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "careerfit/outcome.h"
#include "careerfit/session.h"
#include "../keymap.h"
#include "tui.h"

#define TUI_MIN_COLUMNS 60
#define TUI_MIN_ROWS 18
#define TUI_NAME_MAX 80	    /* characters of a participant's name */
#define TUI_NAME_COLUMNS 40 /* and the columns they may take */

/* ---- the body view (draw.c) ---- */

enum style {
	STYLE_NORMAL,
	STYLE_BOLD,
	STYLE_DIM,
	STYLE_HEADING,
	STYLE_CHOSEN,
	STYLE_BAR, /* a role's bar: the line's text is its label */
};

/* A screen's body is a list of lines, wrapped to the width when it is
 * built (see tui_view) and shown from tui->scroll; a line's tag ties it
 * to what it shows (an option, a question) so it can be highlighted or
 * clicked. */
/* The tag of the line the cursor goes to on a screen that highlights
 * nothing: what Enter acts on, or the first of a list of terms. */
#define VIEW_FOCUS (-3)

struct view_line {
	char *text; /* sanitised */
	enum style style;
	int tag;      /* -1 when the line shows nothing selectable */
	int color;    /* a role index + 1 for its colour, or 0 */
	double value; /* STYLE_BAR: the affinity, or < 0 for n/a */
};

struct view {
	struct view_line *lines;
	size_t count;
	size_t width;
};

enum screen_id {
	SCREEN_NAME,
	SCREEN_WELCOME,
	SCREEN_QUESTION,
	SCREEN_REVIEW,
	SCREEN_RESULTS,
	SCREEN_DEBRIEF,
	SCREEN_GLOSSARY,
	SCREEN_COUNT,
};

struct tui {
	struct session *session;
	enum screen_id screen;
	bool color;
	bool help;	   /* the help box is open over the screen */
	bool confirm_quit; /* "Quit?" is being asked */
	bool running;
	bool finished;	   /* the result was shown */
	bool from_review;  /* a question was opened from the review */
	bool offer_resume; /* saved answers are loaded: resume or start over? */
	size_t resume_answered;
	size_t resume_changed;
	size_t highlight;	      /* the highlighted option, question, or item */
	size_t scroll;		      /* first body line shown */
	size_t debrief;		      /* the question the debrief shows */
	enum screen_id glossary_from; /* where the glossary goes back to */
	bool more_below;	      /* the body goes on below the screen */
	bool keeps_progress;	      /* quitting loses nothing: answers are saved */
	const bool *progress_failed;  /* ... unless saving failed since */
	MEVENT mouse;		      /* the event behind the last KEY_MOUSE */
	struct outcome *outcome;      /* built on submit, shown by results */
	/* The name screen's field (--room), and what it hands the name to. */
	wchar_t name[TUI_NAME_MAX + 1];
	size_t name_length, name_cursor;
	mbstate_t name_state;	  /* a character typed half-way */
	const char *name_message; /* why the name was not taken */
	bool (*claim)(void *data, const char *name, struct tui_claim *claim);
	void (*submitted)(void *data, const struct outcome *outcome);
	void *data; /* handed to claim and submitted */
	/* Where the terminal cursor goes: on what has the focus, where a
	 * screen reader follows it. Every draw sets it. */
	int cursor_y, cursor_x;
	/* The body of the screen in view as its build op made it (see
	 * tui_view), and whether what it shows has changed since. */
	struct view view;
	bool view_stale;
	/* Before the quiz is loaded (no session yet): what the welcome shows
	 * of it. */
	const char *splash_title, *splash_description;
};

struct screen {
	/* Called when the screen becomes current: reset highlight, scroll. */
	void (*enter)(struct tui *tui);
	/* Adds the screen's body to VIEW (empty, fitted to the width); NULL
	 * when it has none. Called by tui_view only when the body may have
	 * changed, so what it shows must change only through tui_switch. */
	void (*build)(const struct tui *tui, struct view *view);
	/* Draws the whole screen; the loop has checked the size already. */
	void (*draw)(struct tui *tui);
	/* Handles one key (a KEY_* code or a character). */
	void (*key)(struct tui *tui, int key);
	/* Its keys in the keymap: the hint line and the help box list them. */
	enum keymap_screen keys;
};

extern const struct screen name_screen, welcome_screen, question_screen, review_screen,
	results_screen, debrief_screen, glossary_screen;

void tui_switch(struct tui *tui, enum screen_id screen);
/* The keys of the screen in view (the welcome's change with saved answers). */
enum keymap_screen tui_keys(const struct tui *tui);
/* Builds the outcome of the session and shows the results. */
void tui_submit(struct tui *tui);
/* The body of the screen in view, built when the screen was entered (the
 * answers and the place in the session change only by tui_switch) and
 * again at a new width; a highlight move or a scroll reuses it, so a key
 * costs the same on a long body as on a short one. */
const struct view *tui_view(struct tui *tui);

/* ---- draw.c ---- */

/* The columns a bar's label takes, its space after included. */
#define VIEW_BAR_LABEL 28

/* Adds TEXT (raw quiz text: sanitised here) wrapped to the view's width,
 * the first line after FIRST, the rest after a blank indent of the same
 * width. */
void view_add(struct view *view, const char *first, const char *text, enum style style, int tag);
void view_add_blank(struct view *view);
/* A bar of VALUE (0 to 100, or < 0 for none) after LABEL, in the column
 * VIEW_BAR_LABEL wide; with an empty LABEL the bar takes the whole width. */
void view_add_bar(struct view *view, const char *label, double value, int color);
void view_clear(struct view *view);
/* The first and last line with TAG, or false if there is none. */
bool view_find(const struct view *view, int tag, size_t *first, size_t *last);

/* The rows the body takes: between the header lines and the hint line. */
int view_top(void);
int view_height(void);
void view_fit_width(struct view *view);
/* Draws the view's lines from tui->scroll, marking lines tagged
 * HIGHLIGHT, with "more" markers when some are out of sight. The cursor
 * goes to the highlighted line, or else to the first VIEW_FOCUS line in
 * sight, or else to the top of the body. */
void view_draw(struct tui *tui, const struct view *view, int highlight);
/* Scrolls so that the lines tagged TAG are in sight. */
void view_reveal(struct tui *tui, const struct view *view, int tag);
/* Page keys, mouse wheel; true when KEY was one of them. */
bool view_scroll_key(struct tui *tui, const struct view *view, int key);

/* Starts the colours when COLOR asks for them and the terminal can show
 * them on its own background; draw_colors_on() tells whether it did. */
void draw_init_colors(bool color);
bool draw_colors_on(void);
void draw_header(const char *left, const char *right);
void draw_progress(size_t done, size_t total);
/* The key hints of SCREEN, as many as fit (see keymap_hints), and "more
 * below" at the right when the body goes on. */
void draw_hints(enum keymap_screen screen, bool more_below);
/* "Terminal too small" (from TUI_MIN_COLUMNS and TUI_MIN_ROWS), wrapped
 * to the terminal however narrow, with the cursor left on its first line. */
void draw_too_small(bool keeps_progress);
/* The keys of SCREEN; with GLOSSARY also the key that opens the glossary.
 * The box is wrapped and cut to fit the screen. The cursor is left on its
 * first line. */
void draw_help(enum keymap_screen screen, bool glossary);
/* A warning on the row between the header and the body. */
void draw_warning(const char *text);
/* "Quit now?" on the hint line (its short form when the long one does not
 * fit), with the cursor left after it. */
void draw_confirm_quit(bool keeps_progress);
/* A bar of WIDTH columns, FILLED of them full, from the cursor on. */
void draw_bar_cells(size_t filled, size_t width, attr_t full, attr_t empty);
/* Draws at most COLUMNS columns of TEXT at Y, X, sanitised and made
 * showable in the locale (glyphs_text). */
void draw_text(int y, int x, const char *text, size_t columns);

#endif
