/* careerfit: which product role fits you? main() parses the command line
 * and hands over to a front end; it alone decides the exit code:
 * 0 success, 1 a bad quiz file or an I/O error, 2 a usage error. */
#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "careerfit/quiz.h"
#include "careerfit/result_json.h"
#include "careerfit/score.h"
#include "careerfit/session.h"
#include "careerfit/text.h"
#include "config.h"
#include "plain.h"
#include "summary.h"
#include "tui/tui.h"
#include "validate.h"

enum { EXIT_QUIZ = 1, EXIT_USAGE = 2 };

struct options {
	const char *quiz_path;
	const char *answers; /* --answers LIST */
	bool plain;
	bool json;
	bool color;
	bool seed_given;
	uint64_t seed;
};

static void usage(FILE *out)
{
	fputs("Usage: careerfit [OPTION]... [QUIZ]\n"
	      "       careerfit validate FILE...\n"
	      "Find out which product role fits you: Product Manager, Product Marketing\n"
	      "Manager, Product Owner or Project Manager. QUIZ is a quiz file; without one,\n"
	      "the bundled quiz (" CAREERFIT_DEFAULT_QUIZ ") is taken.\n"
	      "\n"
	      "Options:\n"
	      "  --plain          ask in plain text, one answer per line\n"
	      "  --answers LIST   answer without asking: one letter per question in file\n"
	      "                   order, comma-separated, '-' to skip (e.g. a,c,-,b)\n"
	      "  --json           print the result as JSON\n"
	      "  --seed N         shuffle the options in the order seed N gives\n"
	      "  --no-color       no colours (also when NO_COLOR is set)\n"
	      "  -h, --help       show this help and exit\n"
	      "  -V, --version    show the version and exit\n"
	      "\n"
	      "Keys in the full-screen quiz:\n"
	      "  Up/Down, k/j     move the highlight      a-i, 1-9   pick that option\n"
	      "  Enter            pick the highlighted    s          skip the question\n"
	      "  Left, p, Bksp    previous question       Right, n   next answered question\n"
	      "  ?                help                    q          quit (asks first)\n"
	      "\n"
	      "careerfit validate checks quiz files and reports every problem as\n"
	      "FILE:LINE: error: MESSAGE.\n"
	      "Exit status: 0 success, 1 a bad quiz file or I/O error, 2 a usage error.\n",
	      out);
}

__attribute__((format(printf, 1, 2))) static int usage_error(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	fputs("careerfit: ", stderr);
	vfprintf(stderr, format, args);
	va_end(args);
	fputs("\nTry 'careerfit --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

static bool parse_seed(const char *text, uint64_t *seed)
{
	char *end;
	errno = 0;
	unsigned long long value = strtoull(text, &end, 10);
	if (errno || end == text || *end || text[0] == '-')
		return false;
	*seed = value;
	return true;
}

/* The bundled quiz: from the source tree when careerfit runs from its build
 * folder, else from where it was installed. */
static const char *default_quiz_path(void)
{
	static const char source[] = CAREERFIT_SOURCE_QUIZ_DIR "/" CAREERFIT_DEFAULT_QUIZ;
	static const char installed[] = CAREERFIT_INSTALLED_QUIZ_DIR "/" CAREERFIT_DEFAULT_QUIZ;
	return access(source, R_OK) == 0 ? source : installed;
}

/* Returns -1 when the options are good, or the exit code to leave with. */
static int parse_options(int argc, char **argv, struct options *options)
{
	enum { OPT_PLAIN = 256, OPT_ANSWERS, OPT_JSON, OPT_SEED, OPT_NO_COLOR };
	static const struct option long_options[] = {
		{"plain", no_argument, NULL, OPT_PLAIN},
		{"answers", required_argument, NULL, OPT_ANSWERS},
		{"json", no_argument, NULL, OPT_JSON},
		{"seed", required_argument, NULL, OPT_SEED},
		{"no-color", no_argument, NULL, OPT_NO_COLOR},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{0},
	};
	const char *no_color = getenv("NO_COLOR");
	*options = (struct options){.color = !(no_color && *no_color)};
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, "hV", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_PLAIN:
			options->plain = true;
			break;
		case OPT_ANSWERS:
			options->answers = optarg;
			break;
		case OPT_JSON:
			options->json = true;
			break;
		case OPT_SEED:
			if (!parse_seed(optarg, &options->seed))
				return usage_error("--seed takes a whole number, not '%s'", optarg);
			options->seed_given = true;
			break;
		case OPT_NO_COLOR:
			options->color = false;
			break;
		case 'h':
			usage(stdout);
			return EXIT_SUCCESS;
		case 'V':
			puts("careerfit " CAREERFIT_VERSION);
			return EXIT_SUCCESS;
		default:
			if (optopt && optopt < 256)
				return usage_error("unknown option '-%c'", optopt);
			if (optopt)
				return usage_error("option '%s' needs a value", argv[optind - 1]);
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		return usage_error("one quiz at a time, but %d were given", argc - optind);
	options->quiz_path = optind < argc ? argv[optind] : default_quiz_path();
	return -1;
}

/* Fills the session from --answers; returns -1 on success or the exit
 * code. Letters always follow the options' order in the file. */
static int apply_answer_list(struct session *session, const char *list)
{
	const struct quiz *quiz = session_quiz(session);
	size_t q = 0;
	for (const char *p = list;; q++) {
		size_t length = strcspn(p, ",");
		const char *item = p;
		while (length && (*item == ' ')) {
			item++;
			length--;
		}
		while (length && item[length - 1] == ' ')
			length--;
		if (q < quiz->question_count) {
			size_t count = quiz->questions[q].option_count;
			char letter = length == 1 ? (char)(*item | 0x20) : '\0';
			if (length == 1 && *item == '-')
				session_set_answer(session, q, SESSION_SKIPPED);
			else if (letter >= 'a' && (size_t)(letter - 'a') < count)
				session_set_answer(session, q, letter - 'a');
			else
				return usage_error("--answers: question %zu has options a to %c; "
						   "'%.*s' is not one of them (use '-' to skip)",
						   q + 1, (char)('a' + count - 1), (int)length,
						   item);
		}
		p += strcspn(p, ",");
		if (!*p++)
			break;
	}
	if (q + 1 != quiz->question_count)
		return usage_error("--answers gives %zu answer%s, but the quiz has %zu "
				   "questions",
				   q + 1, q ? "s" : "", quiz->question_count);
	return -1;
}

static size_t terminal_width(FILE *out)
{
	struct winsize size;
	if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &size) == 0 && size.ws_col)
		return size.ws_col > 100 ? 100 : size.ws_col < 30 ? 30 : size.ws_col;
	return 80;
}

static int print_result(const struct session *session, const struct options *options, bool full)
{
	const struct quiz *quiz = session_quiz(session);
	struct score_result result;
	if (!score_compute(quiz, session_answers(session), &result)) {
		fputs("careerfit: out of memory\n", stderr);
		return EXIT_QUIZ;
	}
	if (options->json) {
		char *json = result_json(quiz, session_answers(session), &result);
		if (json)
			puts(json);
		free(json);
	} else {
		summary_print(stdout, quiz, session_answers(session), &result, full,
			      terminal_width(stdout));
	}
	score_result_clear(&result);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "careerfit: cannot write the result: %s\n", strerror(errno));
		return EXIT_QUIZ;
	}
	return EXIT_SUCCESS;
}

/* After the screens close, the result stays in the scrollback as text. */
static int take_quiz_on_screen(struct session *session, const struct options *options)
{
	struct tui_options tui = {.color = options->color};
	switch (tui_run(session, &tui)) {
	case TUI_DONE:
		return print_result(session, options, false);
	case TUI_QUIT:
		fprintf(stderr, "careerfit: quit at question %zu of %zu; no result\n",
			session_current(session) + 1, session_quiz(session)->question_count);
		return EXIT_SUCCESS;
	case TUI_SIGNALLED: {
		/* The terminal is restored; die of the same signal so that the
		 * shell sees why. */
		int signal_number = tui_signal();
		fprintf(stderr, "careerfit: stopped by signal %d (%s); no result\n", signal_number,
			strsignal(signal_number));
		signal(signal_number, SIG_DFL);
		raise(signal_number);
		return 128 + signal_number;
	}
	default:
		return EXIT_QUIZ;
	}
}

/* Plain mode sends the questions to stderr under --json, so that stdout
 * holds nothing but the JSON document. */
static int take_quiz(struct session *session, const struct options *options)
{
	if (options->answers) {
		int status = apply_answer_list(session, options->answers);
		if (status >= 0)
			return status;
	} else if (options->plain || options->json || !isatty(STDIN_FILENO) ||
		   !isatty(STDOUT_FILENO)) {
		FILE *out = options->json ? stderr : stdout;
		if (!plain_run(session, stdin, out, terminal_width(out))) {
			fprintf(stderr,
				"careerfit: the input ended at question %zu of %zu (%zu "
				"answered); no result\n",
				session_current(session) + 1,
				session_quiz(session)->question_count,
				session_answered_count(session));
			return EXIT_QUIZ;
		}
	} else {
		return take_quiz_on_screen(session, options);
	}
	return print_result(session, options, true);
}

static int run_quiz(const struct options *options)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(options->quiz_path, &diags);
	diag_print(&diags, stderr);
	diag_list_clear(&diags);
	if (!quiz)
		return EXIT_QUIZ;
	uint64_t seed = options->seed_given ? options->seed
					    : (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	/* --answers letters follow the file, so no shuffle there. */
	struct session *session =
		session_new(quiz, quiz->shuffle && !options->answers, seed);
	int status = EXIT_QUIZ;
	if (session)
		status = take_quiz(session, options);
	else
		fputs("careerfit: out of memory\n", stderr);
	session_free(session);
	quiz_free(quiz);
	return status;
}

static int run_validate(int argc, char **argv)
{
	bool balance = false;
	int first = 1;
	for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
		if (strcmp(argv[first], "--") == 0) {
			first++;
			break;
		}
		if (strcmp(argv[first], "--balance") == 0)
			balance = true;
		else if (strcmp(argv[first], "--help") == 0 || strcmp(argv[first], "-h") == 0) {
			puts("Usage: careerfit validate [--balance] FILE...\n"
			     "Checks quiz files; prints FILE:LINE: error: MESSAGE for every problem.");
			return EXIT_SUCCESS;
		} else
			return usage_error("validate: unknown option '%s'", argv[first]);
	}
	if (first >= argc)
		return usage_error("validate needs at least one quiz file");
	return validate_files(argv + first, (size_t)(argc - first), balance) ? EXIT_SUCCESS
									     : EXIT_QUIZ;
}

/* Widths and wrapping need an UTF-8 LC_CTYPE; quiz files are UTF-8 even
 * when the user's locale is "C". */
static void set_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

int main(int argc, char **argv)
{
	set_locale();
	if (argc > 1 && strcmp(argv[1], "validate") == 0)
		return run_validate(argc - 1, argv + 1);
	struct options options;
	int status = parse_options(argc, argv, &options);
	if (status >= 0)
		return status;
	return run_quiz(&options);
}
