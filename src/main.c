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
#include <unistd.h>

#include "careerfit/catalog.h"
#include "careerfit/html.h"
#include "careerfit/report.h"
#include "careerfit/text.h"
#include "config.h"
#include "folders.h"
#include "workshop.h"
#include "take.h"
#include "live.h"
#include "validate.h"

enum { EXIT_QUIZ = 1, EXIT_USAGE = 2 };

static void usage(FILE *out)
{
	fputs("Usage: careerfit [OPTION]... [QUIZ]\n"
	      "       careerfit validate [--balance] FILE...\n"
	      "       careerfit report DIR-or-FILE... [--quiz ID] [--csv FILE] [--json]\n"
	      "       careerfit list [DIR...]\n"
	      "       careerfit room DIR [--quiz ID]\n"
	      "Find out which product role fits you: Product Manager, Product Marketing\n"
	      "Manager, Product Owner or Project Manager. QUIZ is a quiz file or a quiz id\n"
	      "from 'careerfit list'; without one, the bundled quiz (" CAREERFIT_DEFAULT_QUIZ ")\n"
	      "is taken.\n"
	      "\n"
	      "Options:\n"
	      "  --plain          ask in plain text, one answer per line\n"
	      "  --answers LIST   answer without asking: one letter per question in file\n"
	      "                   order, comma-separated, '-' to skip (e.g. a,c,-,b)\n"
	      "  --json           print the result as JSON (debriefs included)\n"
	      "  --debrief        after the result, every question's debrief in plain text\n"
	      "  --seed N         shuffle the options in the order seed N gives\n"
	      "  --no-color       no colours (also when NO_COLOR is set)\n"
	      "  --name NAME      the participant's name (keys saved progress)\n"
	      "  --save DIR       save the result in DIR at the end (needs --name)\n"
	      "  --room DIR       a workshop room: ask the participant's name, keep their\n"
	      "                   progress under it, save the result in DIR\n"
	      "  --resume         continue saved progress without asking\n"
	      "  --restart        discard saved progress and start afresh\n"
	      "  -h, --help       show this help and exit\n"
	      "  -V, --version    show the version and exit\n"
	      "\n"
	      "Keys in the full-screen quiz:\n"
	      "  Up/Down, k/j     move the highlight      a-i, 1-9   pick that option\n"
	      "  Enter            pick the highlighted    s          skip the question\n"
	      "  Left, p, Bksp    previous question       Right, n   next answered question\n"
	      "  PgUp/PgDn        scroll                  ?          help\n"
	      "  q                quit (asks first during the quiz)\n"
	      "\n"
	      "validate reports every problem as FILE:LINE: error: MESSAGE; --balance adds\n"
	      "whether each role can come out on top and how often under random answers.\n"
	      "report summarises the results saved with --save, for a mentor; room shows\n"
	      "a room's results live as they arrive, for a projector.\n"
	      "Exit status: 0 success, 1 a bad quiz file or I/O error, 2 a usage error.\n",
	      out);
}

/* Messages quote the command line, which may hold escape sequences: the
 * whole message is sanitised on its way to the terminal. */
static void vcomplain(const char *format, va_list args)
{
	va_list copy;
	va_copy(copy, args);
	int length = vsnprintf(NULL, 0, format, copy);
	va_end(copy);
	char *message = length >= 0 ? malloc((size_t)length + 1) : NULL;
	if (message)
		vsnprintf(message, (size_t)length + 1, format, args);
	char *clean = message ? text_sanitize(message) : NULL;
	fprintf(stderr, "careerfit: %s\n", clean ? clean : "out of memory");
	free(clean);
	free(message);
}

__attribute__((format(printf, 1, 2))) static void complain(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	vcomplain(format, args);
	va_end(args);
}

__attribute__((format(printf, 1, 2))) static int usage_error(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	vcomplain(format, args);
	va_end(args);
	fputs("Try 'careerfit --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

/* take.c quotes --answers and --save in its messages as they are, so a
 * value that would not show as typed (an escape sequence, an invisible
 * character) is refused here, where the refusal shows it sanitised. */
static bool shows_as_typed(const char *value)
{
	char *clean = text_sanitize(value);
	bool same = clean && strcmp(clean, value) == 0;
	free(clean);
	return same;
}

static int unknown_option(char **argv, int option)
{
	if (option && option < 256)
		return usage_error("unknown option '-%c'", option);
	if (option)
		return usage_error("option '%s' needs a value", argv[optind - 1]);
	return usage_error("unknown option '%s'", argv[optind - 1]);
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

/* Returns -1 when the options are good, or the exit code to leave with. */
static int parse_options(int argc, char **argv, struct take_options *options)
{
	enum {
		OPT_PLAIN = 256,
		OPT_ANSWERS,
		OPT_JSON,
		OPT_SEED,
		OPT_NO_COLOR,
		OPT_NAME,
		OPT_SAVE,
		OPT_RESUME,
		OPT_RESTART,
		OPT_DEBRIEF,
		OPT_ROOM,
	};
	static const struct option long_options[] = {
		{"plain", no_argument, NULL, OPT_PLAIN},
		{"answers", required_argument, NULL, OPT_ANSWERS},
		{"json", no_argument, NULL, OPT_JSON},
		{"seed", required_argument, NULL, OPT_SEED},
		{"no-color", no_argument, NULL, OPT_NO_COLOR},
		{"name", required_argument, NULL, OPT_NAME},
		{"save", required_argument, NULL, OPT_SAVE},
		{"resume", no_argument, NULL, OPT_RESUME},
		{"restart", no_argument, NULL, OPT_RESTART},
		{"debrief", no_argument, NULL, OPT_DEBRIEF},
		{"room", required_argument, NULL, OPT_ROOM},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{0},
	};
	const char *no_color = getenv("NO_COLOR");
	*options = (struct take_options){.color = !(no_color && *no_color), .name = ""};
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, "hV", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_PLAIN:
			options->plain = true;
			break;
		case OPT_ANSWERS:
			if (!shows_as_typed(optarg))
				return usage_error("--answers takes letters, '-' and commas, not "
						   "'%s'",
						   optarg);
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
		case OPT_NAME:
			if (!*optarg)
				return usage_error("--name needs a name");
			options->name = optarg;
			break;
		case OPT_SAVE:
		case OPT_ROOM:
			if (!*optarg)
				return usage_error("%s needs a folder",
						   c == OPT_SAVE ? "--save" : "--room");
			/* "-" is stdin or stdout everywhere else: never a folder. */
			if (strcmp(optarg, "-") == 0)
				return usage_error("%s takes a folder, not '-'",
						   c == OPT_SAVE ? "--save" : "--room");
			if (!shows_as_typed(optarg))
				return usage_error("--save: the folder '%s' has a control or "
						   "invisible character in its name",
						   optarg);
			if (c == OPT_ROOM)
				options->room = true;
			options->save_dir = optarg;
			break;
		case OPT_RESUME:
			options->resume = true;
			break;
		case OPT_RESTART:
			options->restart = true;
			break;
		case OPT_DEBRIEF:
			options->debrief = true;
			break;
		case 'h':
			usage(stdout);
			return EXIT_SUCCESS;
		case 'V':
			puts("careerfit " CAREERFIT_VERSION);
			return EXIT_SUCCESS;
		default:
			return unknown_option(argv, optopt);
		}
	}
	if (argc - optind > 1)
		return usage_error("one quiz at a time, but %d were given", argc - optind);
	if (options->resume && options->restart)
		return usage_error("--resume and --restart exclude each other");
	if (options->room && options->answers && !*options->name)
		return usage_error("--answers in a --room needs --name: nothing asks the name");
	if (options->save_dir && !*options->name && !options->room)
		return usage_error("--save needs --name, so that each result has its owner "
				   "(--room asks each participant's name)");
	options->quiz = optind < argc ? argv[optind] : NULL;
	return -1;
}

static int run_quiz(const struct take_options *options)
{
	int signal_number = 0;
	switch (take_quiz(options, &signal_number)) {
	case TAKE_DONE:
	case TAKE_QUIT:
		return EXIT_SUCCESS;
	case TAKE_USAGE:
		return EXIT_USAGE;
	case TAKE_SIGNALLED:
		/* The terminal is restored; die of the same signal so that the
		 * shell sees why. */
		signal(signal_number, SIG_DFL);
		raise(signal_number);
		return 128 + signal_number;
	default:
		return EXIT_QUIZ;
	}
}

/* Options may come before or after the files; "--" ends them. */
static int run_validate(int argc, char **argv)
{
	bool balance = false, options_done = false;
	char **files = calloc((size_t)argc, sizeof(*files));
	size_t count = 0;
	if (!files)
		return EXIT_QUIZ;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (options_done || arg[0] != '-' || !arg[1]) {
			files[count++] = argv[i];
		} else if (strcmp(arg, "--") == 0) {
			options_done = true;
		} else if (strcmp(arg, "--balance") == 0) {
			balance = true;
		} else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			free(files);
			puts("Usage: careerfit validate [--balance] FILE...\n"
			     "Checks quiz files; prints FILE:LINE: error: MESSAGE for every "
			     "problem.\n"
			     "--balance also shows whether the quiz is fair to every role.");
			return EXIT_SUCCESS;
		} else {
			free(files);
			return usage_error("validate: unknown option '%s'", arg);
		}
	}
	int status = count == 0 ? usage_error("validate needs at least one quiz file")
		     : validate_files(files, count, balance) ? EXIT_SUCCESS
							     : EXIT_QUIZ;
	free(files);
	return status;
}

/* Widths and wrapping need an UTF-8 LC_CTYPE; quiz files are UTF-8 even
 * when the user's locale is "C". */
static void set_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

/* "-" is standard output. */
static int write_csv(const struct report *report, const char *path)
{
	bool to_stdout = strcmp(path, "-") == 0;
	FILE *file = to_stdout ? stdout : fopen(path, "w");
	bool ok = file && report_write_csv(report, file);
	if (file && !to_stdout && fclose(file) != 0)
		ok = false;
	/* Standard output's failure is told once, by finish_output(). */
	if (!ok && !to_stdout)
		complain("cannot write %s: %s", path, strerror(errno));
	return ok ? EXIT_SUCCESS : EXIT_QUIZ;
}

static int print_report(const struct report *report, bool json)
{
	if (!json) {
		workshop_print_report(stdout, report);
		return EXIT_SUCCESS;
	}
	char *text = report_json(report);
	if (text)
		puts(text);
	free(text);
	return text ? EXIT_SUCCESS : EXIT_QUIZ;
}

static int run_report(int argc, char **argv)
{
	enum { OPT_QUIZ = 256, OPT_CSV, OPT_JSON, OPT_HTML, OPT_ITEMS };
	static const struct option long_options[] = {
		{"quiz", required_argument, NULL, OPT_QUIZ},
		{"csv", required_argument, NULL, OPT_CSV},
		{"html", required_argument, NULL, OPT_HTML},
		{"json", no_argument, NULL, OPT_JSON},
		{"items", no_argument, NULL, OPT_ITEMS},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const char *quiz_id = NULL, *csv = NULL, *html = NULL;
	bool json = false, items = false;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
		if (c == OPT_QUIZ)
			quiz_id = optarg;
		else if (c == OPT_CSV)
			csv = optarg;
		else if (c == OPT_HTML)
			html = optarg;
		else if (c == OPT_JSON)
			json = true;
		else if (c == OPT_ITEMS)
			items = true;
		else if (c == 'h')
			return puts("Usage: careerfit report DIR-or-FILE... [--quiz ID] [--csv "
				    "FILE] "
				    "[--html FILE] [--json]\n"
				    "       careerfit report --items DIR-or-FILE... [--quiz ID] "
				    "[--json]\n"
				    "Reports the results saved with --save ('-' as FILE is "
				    "standard "
				    "output);\n--items shows how each question behaved, for quiz "
				    "authors."),
			       EXIT_SUCCESS;
		else
			return unknown_option(argv, optopt);
	}
	if (optind >= argc)
		return usage_error("report needs a folder or result files");
	if (items && (csv || html))
		return usage_error("--items goes with --json only, not --csv or --html");
	bool csv_out = csv && strcmp(csv, "-") == 0, html_out = html && strcmp(html, "-") == 0;
	if (csv_out && html_out)
		return usage_error("--csv - and --html - cannot both take standard output");
	struct report report = {0};
	int status = EXIT_QUIZ;
	if (workshop_gather(&report, argv + optind, (size_t)(argc - optind), quiz_id)) {
		status = csv ? write_csv(&report, csv) : EXIT_SUCCESS;
		if (status == EXIT_SUCCESS && html && !html_write_file(&report, html)) {
			/* Standard output's failure is told once, by finish_output(). */
			if (!html_out)
				complain("cannot write %s: %s", html, strerror(errno));
			status = EXIT_QUIZ;
		}
		if (status == EXIT_SUCCESS && items && !workshop_print_items(stdout, &report, json))
			status = EXIT_QUIZ;
		else if (status == EXIT_SUCCESS && !items && !csv_out && !html_out)
			status = print_report(&report, json);
		/* Nothing to report is an answer a script should notice. */
		if (status == EXIT_SUCCESS && report.group_count == 0) {
			if (quiz_id)
				complain("no results of the quiz '%s' (--quiz takes a quiz id, "
					 "as 'careerfit list' shows)",
					 quiz_id);
			status = EXIT_QUIZ;
		}
	} else {
		fputs("careerfit: out of memory\n", stderr);
	}
	report_clear(&report);
	return status;
}

static int run_list(int argc, char **argv)
{
	if (argc > 1 && argv[1][0] == '-')
		return strcmp(argv[1], "--help") == 0
			       ? (puts("Usage: careerfit list [DIR...]\nLists the quizzes "
				       "careerfit "
				       "can find, with their ids."),
				  EXIT_SUCCESS)
			       : usage_error("list: unknown option '%s'", argv[1]);
	for (int i = 1; i < argc; i++)
		if (access(argv[i], R_OK | X_OK) != 0)
			complain("warning: cannot read the folder %s: %s", argv[i],
				 strerror(errno));
	struct catalog catalog = {0};
	bool ok = folders_catalog(&catalog, argv + 1, (size_t)(argc - 1));
	workshop_print_catalog(stdout, &catalog);
	catalog_clear(&catalog);
	return ok ? EXIT_SUCCESS : EXIT_QUIZ;
}

/* Output that could not be written fails the command, as take.c does for
 * the quiz's result: "careerfit list > /dev/full" is no success. A reader
 * that went away ("| head") is no news: SIGPIPE is left at its default,
 * which ends the program quietly, and where it is ignored EPIPE ends it
 * quietly too. */
static int finish_output(int status)
{
	bool failed = fflush(stdout) != 0 || ferror(stdout);
	int error = errno ? errno : EIO;
	/* A closed stdout that nothing was written to is no failure. */
	if (fclose(stdout) != 0 && !failed && errno != EBADF) {
		failed = true;
		error = errno;
	}
	if (!failed)
		return status;
	if (error != EPIPE)
		complain("cannot write the output: %s", strerror(error));
	return EXIT_QUIZ;
}

int main(int argc, char **argv)
{
	set_locale();
	if (argc > 1 && strcmp(argv[1], "validate") == 0)
		return finish_output(run_validate(argc - 1, argv + 1));
	if (argc > 1 && strcmp(argv[1], "report") == 0)
		return finish_output(run_report(argc - 1, argv + 1));
	if (argc > 1 && strcmp(argv[1], "list") == 0)
		return finish_output(run_list(argc - 1, argv + 1));
	if (argc > 1 && strcmp(argv[1], "room") == 0)
		return finish_output(live_main(argc - 1, argv + 1));
	struct take_options options;
	int status = parse_options(argc, argv, &options);
	if (status >= 0)
		return finish_output(status);
	/* take.c tells a result it could not write; only the close is left. */
	status = run_quiz(&options);
	return status == EXIT_SUCCESS ? finish_output(status) : status;
}
