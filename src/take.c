#include "take.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "careerfit/catalog.h"
#include "careerfit/i18n.h"
#include "careerfit/outcome.h"
#include "careerfit/progress.h"
#include "careerfit/quiz.h"
#include "careerfit/result_json.h"
#include "careerfit/results.h"
#include "careerfit/score.h"
#include "careerfit/session.h"
#include "careerfit/text.h"
#include "folders.h"
#include "plain.h"
#include "summary.h"
#include "tui/tui.h"

/* Saves progress after every change of the session, and flushes it to the
 * disk while the person reads the next question. A failure is told once:
 * at once in plain mode, after the screens close in full screen. */
struct saver {
	char *path;
	struct progress_writer *writer;
	bool failed;
	bool on_screen;
	int failure;
};

struct take {
	const struct take_options *options;
	struct quiz *quiz;
	struct session *session;
	struct saver saver;
	struct progress_info restored;
	struct outcome *outcome; /* built once the last question is answered */
	char *name;		 /* the participant's: --name, or typed in a room */
	bool saved;		 /* the result went to --save/--room (or failed) */
	bool save_failed;
	char *save_message;	   /* what saving said, told once the screens close */
	bool unreadable;	   /* saved progress could not be read: say so later */
	bool offer_resume;	   /* the full-screen welcome asks */
	FILE *questions;	   /* where plain mode asks */
	int screen_usable;	   /* tui_usable(), asked once: -1 until then */
	struct quiz_peek peek;	   /* what the welcome drawn before loading shows */
	bool splashed;		   /* that welcome is on the screen */
	struct diag_list warnings; /* the quiz's, told once the screen is gone (held) */
};

/* While the welcome drawn before the quiz loaded is up (tui_splash), or
 * the screens it handed over to, the quiz's warnings wait and a signal is
 * only noted. Releasing them gives the terminal back, tells the warnings
 * and keeps the signal for the end of the run. */
static struct {
	struct diag_list *warnings;
	int signal;
} held;

static void release_held(void)
{
	int signal = tui_splash_end();
	held.signal = held.signal ? held.signal : signal;
	if (held.warnings) {
		diag_print(held.warnings, stderr);
		diag_list_clear(held.warnings);
		held.warnings = NULL;
	}
}

/* Nothing is written over a screen, and the quiz's warnings come first. */
__attribute__((format(printf, 1, 2))) static void say(const char *format, ...)
{
	release_held();
	va_list args;
	va_start(args, format);
	fputs("careerfit: ", stderr);
	vfprintf(stderr, format, args);
	fputc('\n', stderr);
	va_end(args);
}

static void saving_failed(struct saver *saver)
{
	if (saver->failed)
		return;
	saver->failed = true;
	saver->failure = errno;
	if (!saver->on_screen)
		/* TRANSLATORS: %1$s is a file, %2$s why it cannot be written. */
		say(_("warning: cannot save your progress in %1$s: %2$s"), saver->path,
		    strerror(saver->failure));
}

static void save_progress(const struct session *session, void *data)
{
	struct saver *saver = data;
	if (!progress_writer_save(saver->writer, session))
		saving_failed(saver);
}

/* The faces call this once the next question is shown, before they wait
 * for a key or a line: the fsyncs cost nobody a visible moment there. */
static void flush_progress(void *data)
{
	struct take *t = data;
	if (t->saver.writer && !progress_writer_sync(t->saver.writer))
		saving_failed(&t->saver);
	if (t->saver.writer)
		progress_writer_ready(t->saver.writer);
}

static size_t terminal_width(FILE *out)
{
	struct winsize size;
	if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &size) == 0 && size.ws_col)
		return size.ws_col > 100 ? 100 : size.ws_col < 30 ? 30 : size.ws_col;
	return 80;
}

/* Fills the session from --answers. Letters always follow the options'
 * order in the file. */
static bool apply_answer_list(struct session *session, const char *list)
{
	const struct quiz *quiz = session_quiz(session);
	size_t q = 0;
	for (const char *p = list;; q++) {
		size_t length = strcspn(p, ",");
		const char *item = p;
		while (length && *item == ' ') {
			item++;
			length--;
		}
		while (length && item[length - 1] == ' ')
			length--;
		if (q < quiz->question_count) {
			size_t count = quiz->questions[q].option_count;
			char letter = length == 1 ? (char)(*item | 0x20) : '\0';
			if (length == 1 && *item == '-') {
				session_set_answer(session, q, SESSION_SKIPPED);
			} else if (letter >= 'a' && (size_t)(letter - 'a') < count) {
				session_set_answer(session, q, letter - 'a');
			} else {
				/* TRANSLATORS: %zu is a question's number, %c its last
				 * option's letter, %.*s what was given instead. */
				say(_("--answers: question %zu has options a to %c; '%.*s' is not "
				      "one of them (use '-' to skip)"),
				    q + 1, (char)('a' + count - 1), (int)length, item);
				fputs(_("Try 'careerfit --help' for more information.\n"), stderr);
				return false;
			}
		}
		p += strcspn(p, ",");
		if (!*p++)
			break;
	}
	if (q + 1 == quiz->question_count)
		return true;
	/* One count each, so that each takes its own plural form. */
	char answers[64], questions[64];
	snprintf(answers, sizeof(answers), P_("%zu answer", "%zu answers", q + 1), q + 1);
	snprintf(questions, sizeof(questions),
		 P_("%zu question", "%zu questions", quiz->question_count), quiz->question_count);
	/* TRANSLATORS: %1$s is a count of answers ("3 answers"), %2$s of
	 * questions ("10 questions"). */
	say(_("--answers gives %1$s, but the quiz has %2$s"), answers, questions);
	fputs(_("Try 'careerfit --help' for more information.\n"), stderr);
	return false;
}

/* Asks a yes/no question on the terminal; Enter or the end of the input
 * takes the default, yes. */
static bool ask_yes(FILE *out, const char *question)
{
	/* TRANSLATORS: %s is a question. Enter says yes; only an answer
	 * that starts with n or N says no, so keep the n. */
	fprintf(out, _("%s [Y/n] "), question);
	fflush(out);
	char *line = NULL;
	size_t size = 0;
	bool yes = getline(&line, &size, stdin) < 0 || (line[0] != 'n' && line[0] != 'N');
	free(line);
	return yes;
}

static bool answers_kept(const struct take *t)
{
	return t->saver.path && !t->saver.failed;
}

static void discard_progress(struct take *t)
{
	session_reset(t->session);
	progress_clear(t->saver.path);
}

static void tell_changed(const struct take *t)
{
	if (t->restored.changed)
		say(P_("%zu earlier answer was to a question that has changed or gone since; "
		       "it will be asked again where it still exists",
		       "%zu earlier answers were to questions that have changed or gone since; "
		       "they will be asked again where they still exist",
		       t->restored.changed),
		    t->restored.changed);
}

static void settle_saved(struct take *t, bool resume);

/* Saved progress: resume it, start over, or let the welcome screen ask.
 * A run that cannot ask (no terminal, no --resume or --restart) leaves the
 * saved answers alone and saves nothing of its own. */
static void restore_progress(struct take *t, bool on_screen)
{
	const struct take_options *options = t->options;
	enum progress_status status = progress_load(t->saver.path, t->session, &t->restored);
	if (status == PROGRESS_UNREADABLE && on_screen)
		t->unreadable = true; /* told when the screens close */
	else if (status == PROGRESS_UNREADABLE)
		say(_("warning: the saved progress in %s cannot be read; it will be replaced"),
		    t->saver.path);
	if (status != PROGRESS_LOADED || t->restored.kept + t->restored.changed == 0)
		return;
	bool resume = options->resume;
	if (options->restart) {
		discard_progress(t);
		return;
	}
	if (!resume && on_screen) {
		t->offer_resume = true;
		return;
	}
	settle_saved(t, resume);
}

/* Saved answers found in plain text: resume them (RESUME, or asked on a
 * terminal), discard them, or leave them alone when nobody can be asked. */
static void settle_saved(struct take *t, bool resume)
{
	if (!resume && !isatty(STDIN_FILENO)) {
		say(_("saved progress found; this run leaves it alone (--resume continues it, "
		      "--restart discards it)"));
		session_reset(t->session);
		free(t->saver.path);
		t->saver.path = NULL;
		progress_writer_free(t->saver.writer);
		t->saver.writer = NULL;
		return;
	}
	if (!resume) {
		char question[512];
		snprintf(question, sizeof(question),
			 P_("You answered %zu of %zu question last time. Resume?",
			    "You answered %zu of %zu questions last time. Resume?",
			    t->quiz->question_count),
			 t->restored.kept, t->quiz->question_count);
		resume = ask_yes(t->questions, question);
	}
	if (resume)
		tell_changed(t);
	else
		discard_progress(t);
}

/* Saves OUTCOME in the --save or --room folder, once, as soon as it
 * exists; its progress goes, since nothing is left to resume. What
 * happened is told later (the screens may be up). */
static void save_result(struct take *t, const struct outcome *outcome)
{
	if (t->saved || !t->options->save_dir)
		return;
	t->saved = true;
	char *saved = NULL, *error = NULL;
	t->save_failed =
		!results_save(t->options->save_dir, outcome, t->name ? t->name : t->options->name,
			      time(NULL), &saved, &error);
	if (!t->save_failed && t->saver.path && progress_clear(t->saver.path))
		session_set_listener(t->session, NULL, NULL);
	const char *format =
		/* TRANSLATORS: %s is why (the first) or the file (the second). */
		t->save_failed ? _("could not save the result: %s") : _("result saved to %s");
	const char *detail = t->save_failed ? (error ? error : _("out of memory")) : saved;
	size_t size = strlen(format) + strlen(detail ? detail : "") + 1;
	t->save_message = malloc(size);
	if (t->save_message)
		snprintf(t->save_message, size, format, detail ? detail : "");
	free(saved);
	free(error);
}

static void on_submitted(void *data, const struct outcome *outcome)
{
	save_result(data, outcome);
}

static bool print_result(struct take *t, bool full)
{
	if (!t->outcome)
		t->outcome = outcome_new(t->quiz, session_answers(t->session));
	if (!t->outcome) {
		say("%s", _("out of memory"));
		return false;
	}
	if (t->options->json) {
		char *json = result_json(t->outcome);
		if (json)
			puts(json);
		free(json);
	} else {
		summary_print(stdout, t->outcome, full, terminal_width(stdout));
		if (t->options->debrief)
			summary_print_debrief(stdout, t->outcome, t->session,
					      terminal_width(stdout), t->options->answers != NULL);
	}
	save_result(t, t->outcome);
	bool ok = !t->save_failed;
	if (t->save_message)
		say("%s", t->save_message);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		say(_("cannot write the result: %s"), strerror(errno));
		ok = false;
	}
	return ok;
}

/* "quit at question 3 of 10", or "quit at the review" once past the
 * last one, and whether the answers are kept: one whole sentence each. */
static void tell_quit(const struct take *t)
{
	size_t current = session_current(t->session);
	bool kept = answers_kept(t) && session_answered_count(t->session);
	if (current >= t->quiz->question_count && kept)
		say("%s", _("quit at the review; your answers are kept: run the same command to "
			    "resume"));
	else if (current >= t->quiz->question_count)
		say("%s", _("quit at the review"));
	else if (kept)
		say(_("quit at question %zu of %zu; your answers are kept: run the same command "
		      "to resume"),
		    current + 1, t->quiz->question_count);
	else
		say(_("quit at question %zu of %zu"), current + 1, t->quiz->question_count);
}

static bool claim_on_screen(void *data, const char *name, struct tui_claim *claim);
static enum take_status instead_of_screen(struct take *t);

static enum take_status on_screen(struct take *t, int *signal_number)
{
	struct tui_options tui = {
		.color = t->options->color,
		.keeps_progress = t->saver.path != NULL,
		.progress_failed = &t->saver.failed,
		.offer_resume = t->offer_resume,
		.resume_answered = t->restored.kept,
		.resume_changed = t->restored.changed,
		.claim = t->options->room && !*t->options->name ? claim_on_screen : NULL,
		.submitted = on_submitted,
		.idle = flush_progress,
		.data = t,
	};
	enum tui_outcome outcome = tui_run(t->session, &tui, signal_number, &t->outcome);
	release_held();
	if (outcome == TUI_UNAVAILABLE)
		return instead_of_screen(t);
	if (t->unreadable)
		say(_("warning: the saved progress in %s could not be read; it was replaced"),
		    t->saver.path);
	/* Saved on submit: a signal on the results screen still tells it. */
	if (outcome != TUI_DONE && t->save_message)
		say("%s", t->save_message);
	if (t->saver.failed)
		say(_("warning: cannot save your progress in %1$s: %2$s"), t->saver.path,
		    strerror(t->saver.failure));
	switch (outcome) {
	case TUI_DONE:
		return TAKE_DONE;
	case TUI_QUIT:
		tell_quit(t);
		return TAKE_QUIT;
	case TUI_SIGNALLED:
		/* TRANSLATORS: %1$d is a signal's number, %2$s its name. */
		if (answers_kept(t))
			say(_("stopped by signal %1$d (%2$s); your answers are kept"),
			    *signal_number, strsignal(*signal_number));
		else
			say(_("stopped by signal %1$d (%2$s)"), *signal_number,
			    strsignal(*signal_number));
		return TAKE_SIGNALLED;
	default:
		return TAKE_FAILED;
	}
}

/* Plain mode asks on stdout, but on stderr under --json, so that stdout
 * holds nothing but the JSON document, and when stdout goes to a file
 * while a person reads stderr ("careerfit quick > result.txt"). */
static FILE *where_to_ask(const struct take_options *options)
{
	bool redirected = !isatty(STDOUT_FILENO) && isatty(STDERR_FILENO);
	return options->json || redirected ? stderr : stdout;
}

static enum take_status in_plain_text(struct take *t)
{
	FILE *out = t->questions;
	if (plain_run(t->session, stdin, out, terminal_width(out), flush_progress, t))
		return TAKE_DONE;
	if (answers_kept(t))
		/* TRANSLATORS: %1$zu is the question's number, %2$zu how many there
		 * are, %3$zu how many were answered. */
		say(_("the input ended at question %1$zu of %2$zu (%3$zu answered); no result; "
		      "your answers are kept (--resume continues)"),
		    session_current(t->session) + 1, t->quiz->question_count,
		    session_answered_count(t->session));
	else
		say(_("the input ended at question %1$zu of %2$zu (%3$zu answered); no result"),
		    session_current(t->session) + 1, t->quiz->question_count,
		    session_answered_count(t->session));
	return TAKE_FAILED;
}

/* A folder that cannot take the result is told before the first question,
 * not after the last. */
static bool save_folder_ready(const struct take *t)
{
	char *error = NULL;
	if (!t->options->save_dir || results_check_folder(t->options->save_dir, &error))
		return true;
	say(_("cannot save results: %s"), error ? error : _("out of memory"));
	free(error);
	return false;
}

/* Takes NAME for this run: the progress file it keys, locked so that no
 * other run has it open, and the answers saved under it. False when
 * another run holds it. */
static bool claim_name(struct take *t, const char *name, bool on_screen)
{
	char *path = progress_path(t->quiz->id, name);
	if (path && !progress_lock(path)) {
		free(path);
		return false;
	}
	free(t->name);
	t->name = strdup(name);
	t->saver.path = path;
	/* The live room counts who has joined; failing to mark it is no
	 * reason to stop a participant. */
	if (t->options->room)
		results_mark_joined(t->options->save_dir, t->quiz->id, name);
	if (t->saver.path)
		restore_progress(t, on_screen);
	if (t->saver.path) {
		progress_writer_free(t->saver.writer);
		t->saver.writer = progress_writer_new(t->saver.path, t->quiz);
		if (t->saver.writer)
			session_set_listener(t->session, save_progress, &t->saver);
		else
			saving_failed(&t->saver);
	}
	return true;
}

static bool claim_on_screen(void *data, const char *name, struct tui_claim *claim)
{
	struct take *t = data;
	if (!claim_name(t, name, true))
		return false;
	*claim = (struct tui_claim){
		.keeps_progress = t->saver.path != NULL,
		.offer_resume = t->offer_resume,
		.answered = t->restored.kept,
		.changed = t->restored.changed,
	};
	return true;
}

/* A typed name: trimmed, and refused when empty, too long or holding
 * something that would not show as typed. NULL when refused, with *WHY. */
static char *clean_name(char *line, const char **why)
{
	line[strcspn(line, "\r\n")] = '\0';
	char *start = line + strspn(line, " \t");
	size_t length = strlen(start);
	while (length && (start[length - 1] == ' ' || start[length - 1] == '\t'))
		start[--length] = '\0';
	char *shown = text_sanitize(start);
	bool same = shown && strcmp(shown, start) == 0;
	free(shown);
	*why = !length	      ? _("Type your name first: the mentor sees it beside your result.")
	       : length > 200 ? _("That is long: a shorter form of your name will do.")
	       : !same	      ? _("Please use letters, digits, spaces and punctuation only.")
			      : NULL;
	return *why ? NULL : start;
}

/* In a room without a terminal: the name is the first line of input. */
static bool ask_name_plain(struct take *t)
{
	char *line = NULL;
	size_t size = 0;
	bool claimed = false;
	for (int tries = 0; !claimed && tries < 10; tries++) {
		/* TRANSLATORS: a prompt; keep the space at the end. */
		fputs(_("Your name, as the mentor will see it beside your result: "), t->questions);
		fflush(t->questions);
		if (getline(&line, &size, stdin) < 0) {
			fputc('\n', t->questions);
			break;
		}
		const char *why = NULL;
		char *name = clean_name(line, &why);
		claimed = name && claim_name(t, name, false);
		if (!claimed)
			fprintf(t->questions, "%s\n",
				why ? why
				    : _("That name is open in another session right now. Add an "
					"initial or another word to tell you apart."));
	}
	free(line);
	return claimed;
}

/* tui_usable(), asked once a run. */
static bool screen_usable(struct take *t, char *why, size_t size)
{
	static char terminal[128];
	if (t->screen_usable < 0)
		t->screen_usable = tui_usable(terminal, sizeof(terminal));
	snprintf(why, size, "%s", terminal);
	return t->screen_usable;
}

static enum take_status ask(struct take *t, int *signal_number)
{
	const struct take_options *options = t->options;
	if (options->answers) {
		if (!apply_answer_list(t->session, options->answers))
			return TAKE_USAGE;
		return save_folder_ready(t) ? TAKE_DONE : TAKE_FAILED;
	}
	if (!save_folder_ready(t))
		return TAKE_FAILED;
	bool full_screen =
		!options->plain && !options->json && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	char terminal[128];
	if (full_screen && !screen_usable(t, terminal, sizeof(terminal))) {
		/* TRANSLATORS: %s names the terminal, as TERM does. */
		say(_("the terminal (%s) cannot show the full screen; asking in plain text"),
		    terminal);
		full_screen = false;
	}
	t->questions = where_to_ask(options);
	t->saver.on_screen = full_screen;
	bool ask_name = options->room && !*options->name;
	if (ask_name && !full_screen && !ask_name_plain(t)) {
		say("%s", _("no name was given, so nothing was asked or saved"));
		return TAKE_FAILED;
	}
	/* Two runs of one quiz under one name would overwrite each other's
	 * answers: the second one stops before touching anything. */
	if (!ask_name && !claim_name(t, options->name, full_screen)) {
		char *name = text_sanitize(options->name);
		if (*options->name)
			/* TRANSLATORS: %s is the participant's name (--name). */
			say(_("this quiz is already open under the name '%s' in another "
			      "careerfit; finish or quit that one first"),
			    name ? name : "");
		else
			say("%s", _("this quiz is already open under no name in another careerfit; "
				    "finish or quit that one first"));
		free(name);
		return TAKE_FAILED;
	}
	return full_screen ? on_screen(t, signal_number) : in_plain_text(t);
}

/* The full screen could not be set up after all (newterm() failed where
 * terminfo promised it would work): plain text asks instead, what the
 * screens would have asked included (the name, resuming). */
static enum take_status instead_of_screen(struct take *t)
{
	char *term = text_sanitize(getenv("TERM") ? getenv("TERM") : "");
	say(_("the terminal (TERM=%s) cannot show the full screen; asking in plain text"),
	    term ? term : "");
	free(term);
	t->saver.on_screen = false;
	if (t->options->room && !*t->options->name && !t->name && !ask_name_plain(t)) {
		say("%s", _("no name was given, so nothing was asked or saved"));
		return TAKE_FAILED;
	}
	if (t->offer_resume) {
		t->offer_resume = false;
		settle_saved(t, t->options->resume);
		if (!t->saver.path) /* left alone: this run saves nothing */
			session_set_listener(t->session, NULL, NULL);
	}
	return in_plain_text(t);
}

/* The full-screen welcome is drawn before the quiz at PATH is loaded when
 * it is what comes first, as ask() would decide: the full screen, no name
 * to ask for, no saved answers to offer, a save folder that takes results,
 * and a file that says its own id and title plainly. Loading a quiz costs
 * several times what starting curses does; the person reads the welcome
 * meanwhile, and the quiz's size joins it once the quiz is loaded. */
static void splash_welcome(struct take *t, const char *path)
{
	const struct take_options *options = t->options;
	char *error = NULL;
	if (options->answers || options->plain || options->json ||
	    (options->room && !*options->name) || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return;
	bool folder_ok = !options->save_dir || results_check_folder(options->save_dir, &error);
	free(error);
	/* Finding a quiz by its id may have peeked already. */
	if (!folder_ok || (!t->peek.id && !catalog_peek(path, &t->peek)))
		return;
	char *saved = progress_path(t->peek.id, options->name);
	bool fresh = !saved || !progress_waiting(saved);
	free(saved);
	/* Curses checks the terminal as tui_usable() would, from the entry
	 * it reads anyway: a terminal that cannot show the screen is found
	 * here, and asked about again (and told) by ask(). */
	if (fresh)
		t->splashed = tui_splash(t->peek.title, t->peek.description, options->color);
	if (t->splashed)
		t->screen_usable = 1;
}

static bool prepare(struct take *t)
{
	char *path =
		folders_resolve_quiz_version(t->options->quiz, t->options->language, &t->peek);
	if (!path)
		return false;
	splash_welcome(t, path);
	t->quiz = quiz_load(path, &t->warnings);
	free(path);
	held.warnings = &t->warnings;
	if (!t->quiz || !t->splashed)
		release_held();
	if (!t->quiz)
		return false;
	uint64_t seed = t->options->seed_given ? t->options->seed
					       : (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	/* --answers letters follow the file, so no shuffle there. */
	t->session = session_new(t->quiz, t->quiz->shuffle && !t->options->answers, seed);
	if (!t->session)
		say("%s", _("out of memory"));
	return t->session != NULL;
}

enum take_status take_quiz(const struct take_options *options, int *signal_number)
{
	struct take t = {.options = options, .screen_usable = -1};
	enum take_status status = TAKE_FAILED;
	if (prepare(&t))
		status = ask(&t, signal_number);
	release_held();
	quiz_peek_clear(&t.peek);
	if (held.signal && status != TAKE_SIGNALLED) {
		/* Caught while the quiz loaded behind its welcome, which then
		 * went no further (the quiz broken, the name in use). */
		*signal_number = held.signal;
		say(_("stopped by signal %1$d (%2$s)"), held.signal, strsignal(held.signal));
		status = TAKE_SIGNALLED;
	}
	if (status == TAKE_DONE) {
		/* After the screens, a short summary; in plain text, everything. */
		if (!print_result(&t, !t.saver.on_screen))
			status = TAKE_FAILED;
		else if (t.saver.path)
			progress_clear(t.saver.path);
	}
	outcome_free(t.outcome);
	free(t.name);
	free(t.save_message);
	progress_writer_free(t.saver.writer);
	session_free(t.session);
	quiz_free(t.quiz);
	free(t.saver.path);
	return status;
}
