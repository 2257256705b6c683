/* The input loop: one screen state, a table of screens, and the terminal
 * set up and restored on every way out (a normal end, q, a signal, a
 * terminal that went away). */
#include "tui.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "careerfit/i18n.h"
#include "screen.h"
#include "terminal.h"
/* Last: its macros (lines, columns...) would rename screen.h's fields. */
#include <term.h>

static const struct screen *const screens[SCREEN_COUNT] = {
	[SCREEN_NAME] = &name_screen,	      [SCREEN_WELCOME] = &welcome_screen,
	[SCREEN_QUESTION] = &question_screen, [SCREEN_REVIEW] = &review_screen,
	[SCREEN_RESULTS] = &results_screen,   [SCREEN_DEBRIEF] = &debrief_screen,
	[SCREEN_GLOSSARY] = &glossary_screen,
};

void tui_switch(struct tui *tui, enum screen_id screen)
{
	/* Past the last question (a resumed, finished quiz) is the review. */
	const struct quiz *quiz = session_quiz(tui->session);
	if (screen == SCREEN_QUESTION && session_current(tui->session) >= quiz->question_count)
		screen = SCREEN_REVIEW;
	tui->screen = screen;
	tui->view_stale = true;
	screens[screen]->enter(tui);
}

const struct view *tui_view(struct tui *tui)
{
	struct view fitted = {0};
	view_fit_width(&fitted);
	if (tui->view_stale || tui->view.width != fitted.width) {
		view_clear(&tui->view);
		tui->view = fitted;
		if (screens[tui->screen]->build)
			screens[tui->screen]->build(tui, &tui->view);
		tui->view_stale = false;
	}
	return &tui->view;
}

void tui_submit(struct tui *tui)
{
	outcome_free(tui->outcome);
	tui->outcome = outcome_new(session_quiz(tui->session), session_answers(tui->session));
	if (!tui->outcome)
		return;
	if (tui->submitted && !tui->finished)
		tui->submitted(tui->data, tui->outcome);
	tui->finished = true;
	tui->debrief = 0;
	tui_switch(tui, SCREEN_RESULTS);
}

enum keymap_screen tui_keys(const struct tui *tui)
{
	if (tui->screen == SCREEN_WELCOME && tui->offer_resume)
		return KEYS_RESUME;
	return screens[tui->screen]->keys;
}

/* Whether quitting now keeps the answers: promised only while saving
 * works. */
static bool answers_kept(const struct tui *tui)
{
	return tui->keeps_progress && !(tui->progress_failed && *tui->progress_failed);
}

/* The cursor is always visible, on what has the focus, as dialog keeps
 * it: a screen reader reads the line it is on. The help box, "Quit now?"
 * and "too small" leave it on themselves. */
static void draw(struct tui *tui)
{
	erase();
	curs_set(1);
	if (term_too_small()) {
		draw_too_small(answers_kept(tui));
		refresh();
		return;
	}
	tui->more_below = false;
	tui->cursor_y = view_top();
	tui->cursor_x = 2;
	screens[tui->screen]->draw(tui);
	if (tui->keeps_progress && !answers_kept(tui))
		/* TRANSLATORS: a warning above the text of every screen once
		 * saving the answers has failed; keep under 50 columns. */
		draw_warning(_("! Your answers cannot be saved"));
	if (!tui->confirm_quit)
		draw_hints(tui_keys(tui), tui->more_below);
	if (tui->help)
		draw_help(tui_keys(tui), session_quiz(tui->session)->term_count > 0);
	else if (tui->confirm_quit)
		draw_confirm_quit(answers_kept(tui));
	else
		move(tui->cursor_y, tui->cursor_x);
	refresh();
}

/* Keys every screen shares: help, quit and its confirmation. */
static void handle_key(struct tui *tui, int key)
{
	enum keymap_action action = keymap_find(tui_keys(tui), key);
	if (tui->help) {
		tui->help = false;
		bool glossary = session_quiz(tui->session)->term_count > 0;
		if (keymap_find(KEYS_HELP, key) == KEYMAP_GLOSSARY && glossary &&
		    tui->screen != SCREEN_GLOSSARY) {
			tui->glossary_from = tui->screen;
			tui_switch(tui, SCREEN_GLOSSARY);
		}
	} else if (tui->confirm_quit) {
		tui->confirm_quit = false;
		if (keymap_find(KEYS_CONFIRM, key) == KEYMAP_YES)
			tui->running = false;
	} else if (tui->screen == SCREEN_NAME && key != KEY_MOUSE) {
		/* Every key is text there, ? and q too. */
		screens[tui->screen]->key(tui, key);
	} else if (action == KEYMAP_HELP) {
		tui->help = true;
	} else if (key == KEY_MOUSE) {
		/* The wheel scrolls every screen; clicks are the screen's. */
		if (getmouse(&tui->mouse) != OK)
			return;
		if (tui->mouse.bstate & BUTTON4_PRESSED)
			screens[tui->screen]->key(tui, KEY_SR);
		else if (tui->mouse.bstate & BUTTON5_PRESSED)
			screens[tui->screen]->key(tui, KEY_SF);
		else
			screens[tui->screen]->key(tui, KEY_MOUSE);
	} else if (action == KEYMAP_QUIT) {
		/* Before the first answer or after the result nothing is lost. */
		if (tui->finished || tui->screen == SCREEN_WELCOME)
			tui->running = false;
		else
			tui->confirm_quit = true;
	} else {
		screens[tui->screen]->key(tui, key);
	}
}

bool tui_usable(char *why, size_t size)
{
	const char *term = getenv("TERM");
	if (!term || !*term) {
		/* TRANSLATORS: why the full screen cannot be used, shown as
		 * "the terminal (TERM is not set) cannot show the full
		 * screen". */
		snprintf(why, size, "%s", _("TERM is not set"));
		return false;
	}
	char *shown = glyphs_text(term);
	snprintf(why, size, "TERM=%s", shown ? shown : "?");
	free(shown);
	/* setupterm() reads the entry without touching the terminal; the
	 * entry is dropped again, newterm() reads its own. */
	int error = 0;
	if (setupterm(term, STDOUT_FILENO, &error) != OK)
		return false;
	bool usable = term_holds_screen();
	del_curterm(cur_term);
	return usable;
}

static const struct term_setup curses_setup = {
	.timeout = 250,
	.mouse = BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED,
	.init_colors = draw_init_colors,
};

/* Curses was started without the keypad and the mouse yet (tui_run). */
static bool keys_wanted;

static enum tui_outcome run_loop(struct tui *tui, const struct tui_options *options,
				 int *signal_number)
{
	bool dirty = true;
	while (tui->running) {
		if (term_caught_signal()) {
			*signal_number = term_caught_signal();
			return TUI_SIGNALLED;
		}
		if (dirty) {
			draw(tui);
			/* Once the screen is back from term_start_curses()'s
			 * endwin(): not before, while the terminal still echoes. */
			if (keys_wanted)
				term_take_keys(&curses_setup);
			keys_wanted = false;
			if (options->idle)
				options->idle(options->data);
		}
		dirty = true;
		int key = getch();
		if (key == ERR) {
			dirty = false;
			if (term_gone()) {
				*signal_number = SIGHUP;
				return TUI_SIGNALLED;
			}
		} else if (term_too_small()) {
			/* Nothing a key would act on is in sight, but q still
			 * leaves: the answers are saved as they are given. */
			if (keymap_find(KEYS_ANY, key) == KEYMAP_QUIT)
				tui->running = false;
		} else if (key == KEY_RESIZE) {
			/* The screen lays its body out again for the new size,
			 * without touching the help or a pending "Quit?". */
			screens[tui->screen]->key(tui, KEY_RESIZE);
		} else {
			handle_key(tui, key);
		}
	}
	return tui->finished ? TUI_DONE : TUI_QUIT;
}

static struct tui the_tui; /* the one screen state */
/* Curses started by tui_splash() for tui_run(), with the signal handlers
 * it replaced. */
static struct {
	bool on;
	struct sigaction saved[TERM_SIGNAL_COUNT];
} splash;

bool tui_splash(const char *title, const char *description, bool color)
{
	term_catch_signals(splash.saved);
	if (!term_start_curses(&curses_setup, color)) {
		term_restore_signals(splash.saved);
		return false;
	}
	splash.on = true;
	/* No session yet: nothing drawn here may reach for one (no help, no
	 * "Quit?", no resume offer, and no tui_switch()). */
	the_tui = (struct tui){
		.color = color,
		.screen = SCREEN_WELCOME,
		.view_stale = true,
		.splash_title = title,
		.splash_description = description,
	};
	screens[SCREEN_WELCOME]->enter(&the_tui);
	draw(&the_tui);
	term_take_keys(&curses_setup);
	/* The quiz loads next, on this CPU, for several milliseconds: the
	 * kernel's work of handing the screen to the terminal goes first. */
	sched_yield();
	return true;
}

int tui_splash_end(void)
{
	if (!splash.on)
		return 0;
	/* Keys typed at the welcome were meant for the quiz, not the shell. */
	flushinp();
	endwin();
	int signal = term_caught_signal();
	term_restore_signals(splash.saved);
	view_clear(&the_tui.view);
	the_tui = (struct tui){0};
	splash.on = false;
	return signal;
}

enum tui_outcome tui_run(struct session *session, const struct tui_options *options,
			 int *signal_number, struct outcome **result)
{
	struct sigaction saved[TERM_SIGNAL_COUNT];
	if (splash.on) {
		/* A signal caught while the quiz loaded is still to be seen. */
		memcpy(saved, splash.saved, sizeof(saved));
		splash.on = false;
		view_clear(&the_tui.view);
	} else {
		term_catch_signals(saved);
		if (!term_start_curses(&curses_setup, options->color)) {
			term_restore_signals(saved);
			return TUI_UNAVAILABLE;
		}
		keys_wanted = true;
	}
	the_tui = (struct tui){
		.session = session,
		.color = options->color,
		.running = true,
		.offer_resume = options->offer_resume,
		.keeps_progress = options->keeps_progress,
		.progress_failed = options->progress_failed,
		.resume_answered = options->resume_answered,
		.resume_changed = options->resume_changed,
		.claim = options->claim,
		.submitted = options->submitted,
		.data = options->data,
	};
	tui_switch(&the_tui, options->claim ? SCREEN_NAME : SCREEN_WELCOME);
	enum tui_outcome ending = run_loop(&the_tui, options, signal_number);
	endwin();
	*result = ending == TUI_DONE ? the_tui.outcome : NULL;
	if (ending != TUI_DONE)
		outcome_free(the_tui.outcome);
	the_tui.outcome = NULL;
	view_clear(&the_tui.view);
	term_restore_signals(saved);
	return ending;
}
