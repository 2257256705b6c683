/* careerfit: which product role fits you? main() parses the command line
 * and hands over to a front end; it alone decides the exit code:
 * 0 success, 1 a bad quiz file or an I/O error, 2 a usage error. */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "careerfit/catalog.h"
#include "careerfit/i18n.h"
#include "careerfit/quiz.h"
#include "careerfit/html.h"
#include "careerfit/report.h"
#include "careerfit/text.h"
#include "config.h"
#include "folders.h"
#include "keymap.h"
#include "workshop.h"
#include "take.h"
#include "complain.h"
#include "live.h"
#include "new.h"
#include "validate.h"

enum { EXIT_QUIZ = 1, EXIT_USAGE = 2 };

static void usage(FILE *out)
{
	fprintf(out,
		/* TRANSLATORS: 'careerfit --help'. Keep the command lines, the options
		 * and the words in capitals (QUIZ, LIST, DIR...) as they are, the
		 * lines within 80 columns and the descriptions lined up. %s is the
		 * bundled quiz's id. */
		_("Usage: careerfit [OPTION]... [QUIZ]\n"
		  "       careerfit validate [--balance] FILE...\n"
		  "       careerfit report DIR-or-FILE... [--quiz ID] [--csv FILE] [--json]\n"
		  "       careerfit list [DIR...]\n"
		  "       careerfit room DIR [--quiz ID]\n"
		  "       careerfit new QUIZ-ID [FOLDER]\n"
		  "       careerfit help [COMMAND]\n"
		  "Find out which product role fits you: Product Manager, Product Marketing\n"
		  "Manager, Product Owner or Project Manager. QUIZ is a quiz file or a quiz id\n"
		  "from 'careerfit list'; without one, the bundled quiz (%s)\n"
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
		  "  --lang LANG      the language of the screens and of the quiz version,\n"
		  "                   such as fr or en (default: LANGUAGE, LC_ALL,\n"
		  "                   LC_MESSAGES, LANG)\n"
		  "  --name NAME      the participant's name (keys saved progress)\n"
		  "  --save DIR       save the result in DIR at the end (needs --name)\n"
		  "  --room DIR       a workshop room: ask the participant's name, keep their\n"
		  "                   progress under it, save the result in DIR\n"
		  "  --resume         continue saved progress without asking\n"
		  "  --restart        discard saved progress and start afresh\n"
		  "  -h, --help       show this help and exit\n"
		  "  -V, --version    show the version and exit\n"
		  "\n"),
		CAREERFIT_DEFAULT_QUIZ);
	keymap_print(out);
	fputc('\n', out);
	/* TRANSLATORS: the end of 'careerfit --help'; keep the commands and
	 * options as they are, and the lines within 80 columns. */
	fputs(_("validate reports every problem as FILE:LINE: error: MESSAGE; --balance adds\n"
		"whether each role can come out on top and how often under random answers.\n"
		"report summarises the results saved with --save, for a mentor; room shows\n"
		"a room's results live as they arrive, for a projector. Every command takes\n"
		"-h and --help; --no-color, --lang, -h and -V may also come before a command.\n"
		"Exit status: 0 success, 1 a bad quiz file or I/O error, 2 a usage error.\n"),
	      out);
}

__attribute__((format(printf, 1, 2))) static int usage_error(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	vcomplain(format, args);
	va_end(args);
	fputs(_("Try 'careerfit --help' for more information.\n"), stderr);
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

static int language_error(const char *language)
{
	return usage_error(_("--lang takes a language tag such as fr, en or pt_BR, not '%s'"),
			   language);
}

/* Every long option's value is OPT_LONG or more, so that getopt_long's
 * optopt tells a long option (whose whole word is argv[optind - 1]) from a
 * short one (a letter, possibly inside a cluster like -hx). */
enum { OPT_LONG = 256, OPT_HELP = OPT_LONG, OPT_VERSION };

/* The long options starting with the LENGTH bytes of PREFIX, as
 * "--a, --b or --c" in NAMES; returns how many there are. */
static size_t matching_options(const struct option *options, const char *prefix, size_t length,
			       char *names, size_t size)
{
	size_t count = 0;
	for (const struct option *o = options; o->name; o++)
		count += strncmp(o->name, prefix, length) == 0;
	names[0] = '\0';
	char *before = malloc(size), option[64];
	for (size_t i = 0; before && options->name; options++) {
		if (strncmp(options->name, prefix, length) != 0)
			continue;
		snprintf(option, sizeof(option), "--%s", options->name);
		memcpy(before, names, size);
		if (i == 0)
			snprintf(names, size, "%s", option);
		else if (i + 1 == count)
			/* TRANSLATORS: the last two of a list of options that an
			 * abbreviation could be: "--room, --resume or --restart";
			 * %1$s may already be a list. */
			snprintf(names, size, _("%1$s or %2$s"), before, option);
		else
			/* TRANSLATORS: a list of options going on: "--room,
			 * --resume"; the last step is "%1$s or %2$s". */
			snprintf(names, size, _("%1$s, %2$s"), before, option);
		i++;
	}
	free(before);
	return count;
}

/* getopt_long returns '?' for every mistake: tell which one. optopt is
 * the short option's letter, the long option's value, or 0 for a long
 * option that is unknown or an ambiguous abbreviation. */
static int option_error(char **argv, const struct option *options, int option)
{
	if (option && option < OPT_LONG)
		return usage_error(_("unknown option '-%c'"), option);
	const char *word = argv[optind - 1];
	if (strncmp(word, "--", 2) != 0)
		return usage_error(_("unknown option '%s'"), word);
	size_t length = strcspn(word + 2, "=");
	if (option && word[2 + length] == '=')
		return usage_error(_("'%.*s' takes no value"), (int)length + 2, word);
	if (option)
		return usage_error(_("option '%s' needs a value"), word);
	char names[512];
	if (length && matching_options(options, word + 2, length, names, sizeof(names)) > 1)
		/* TRANSLATORS: %.*s is an abbreviated option; %s the options
		 * it could stand for ("--room or --resume"). */
		return usage_error(_("option '%.*s' is ambiguous: it could be %s"), (int)length + 2,
				   word, names);
	return usage_error(_("unknown option '%s'"), word);
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

/* The options of the quiz, "careerfit [OPTION]... [QUIZ]". */
enum {
	OPT_PLAIN = OPT_VERSION + 1,
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
	OPT_LANG,
};
static const struct option quiz_options[] = {
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
	{"lang", required_argument, NULL, OPT_LANG},
	{"help", no_argument, NULL, OPT_HELP},
	{"version", no_argument, NULL, OPT_VERSION},
	{0},
};

/* Returns -1 when the options are good, or the exit code to leave with. */
static int parse_options(int argc, char **argv, struct take_options *options)
{
	const char *no_color = getenv("NO_COLOR");
	*options = (struct take_options){.color = !(no_color && *no_color), .name = ""};
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, "hV", quiz_options, NULL)) != -1) {
		switch (c) {
		case OPT_PLAIN:
			options->plain = true;
			break;
		case OPT_ANSWERS:
			if (!shows_as_typed(optarg))
				return usage_error(_("--answers takes letters, '-' and commas, "
						     "not '%s'"),
						   optarg);
			options->answers = optarg;
			break;
		case OPT_JSON:
			options->json = true;
			break;
		case OPT_SEED:
			if (!parse_seed(optarg, &options->seed))
				return usage_error(_("--seed takes a whole number, not '%s'"),
						   optarg);
			options->seed_given = true;
			break;
		case OPT_NO_COLOR:
			options->color = false;
			break;
		case OPT_NAME:
			if (!*optarg)
				return usage_error("%s", _("--name needs a name"));
			options->name = optarg;
			break;
		case OPT_SAVE:
		case OPT_ROOM:
			if (!*optarg)
				/* TRANSLATORS: %s is an option, --save or --room. */
				return usage_error(_("%s needs a folder"),
						   c == OPT_SAVE ? "--save" : "--room");
			/* "-" is stdin or stdout everywhere else: never a folder. */
			if (strcmp(optarg, "-") == 0)
				/* TRANSLATORS: %s is an option, --save or --room. */
				return usage_error(_("%s takes a folder, not '-'"),
						   c == OPT_SAVE ? "--save" : "--room");
			if (!shows_as_typed(optarg))
				return usage_error(_("--save: the folder '%s' has a control or "
						     "invisible character in its name"),
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
		case OPT_LANG:
			if (!quiz_language_is_valid(optarg))
				return language_error(optarg);
			options->language = optarg;
			break;
		case 'h':
		case OPT_HELP:
			usage(stdout);
			return EXIT_SUCCESS;
		case 'V':
		case OPT_VERSION:
			puts("careerfit " CAREERFIT_VERSION);
			return EXIT_SUCCESS;
		default:
			return option_error(argv, quiz_options, optopt);
		}
	}
	if (argc - optind > 1)
		return usage_error(P_("one quiz at a time, but %d was given",
				      "one quiz at a time, but %d were given", argc - optind),
				   argc - optind);
	if (options->resume && options->restart)
		return usage_error("%s", _("--resume and --restart exclude each other"));
	if (options->room && options->answers && !*options->name)
		return usage_error("%s",
				   _("--answers in a --room needs --name: nothing asks the name"));
	if (options->save_dir && !*options->name && !options->room)
		return usage_error("%s", _("--save needs --name, so that each result has its owner "
					   "(--room asks each participant's name)"));
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
			/* TRANSLATORS: 'careerfit validate --help'. */
			puts(_("Usage: careerfit validate [--balance] FILE...\n"
			       "Checks quiz files; prints FILE:LINE: error: MESSAGE for every "
			       "problem.\n"
			       "--balance also shows whether the quiz is fair to every role."));
			return EXIT_SUCCESS;
		} else {
			free(files);
			return usage_error(_("validate: unknown option '%s'"), arg);
		}
	}
	int status = count == 0 ? usage_error("%s", _("validate needs at least one quiz file"))
		     : validate_files(files, count, balance) ? EXIT_SUCCESS
							     : EXIT_QUIZ;
	free(files);
	return status;
}

/* The user's locale, as it is, for the three things careerfit takes from
 * it: the terminal shows what LC_CTYPE says it can, so careerfit sends
 * UTF-8 only where the locale is UTF-8, and ASCII elsewhere (keymap.h:
 * glyphs_get, glyphs_text); LC_MESSAGES picks the language; LC_NUMERIC
 * writes the figures people read. Quiz files are UTF-8 in every locale;
 * text_sanitize() decodes them itself.
 *
 * One category at a time, not LC_ALL: a setting careerfit never uses that
 * this machine lacks (an LC_TIME or LC_PAPER sent along by ssh from a
 * desktop) would make setlocale(LC_ALL, "") fail as a whole and leave
 * everything in English and ASCII. And each category is a file to read
 * (five system calls under C.UTF-8 on Debian): the nine careerfit has no
 * use for are not read before its first screen. */
static void set_locale(void)
{
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	setlocale(LC_NUMERIC, "");
	i18n_init();
}

/* The CSV's file, opened before the results are read: its rows are
 * written as they are. "-" is standard output. */
static FILE *open_csv(const char *path)
{
	FILE *file = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");
	if (!file)
		complain(_("cannot write %1$s: %2$s"), path, strerror(errno));
	return file;
}

/* Writes the CSV's later tables and closes FILE (not standard output). */
static int finish_csv(struct report_csv *csv, const struct report *report, FILE *file,
		      const char *path)
{
	bool ok = report_csv_finish(csv, report);
	int saved = errno;
	if (file != stdout && fclose(file) != 0) {
		saved = errno;
		ok = false;
	}
	/* Standard output's failure is told once, by finish_output(). */
	if (!ok && file != stdout)
		complain(_("cannot write %1$s: %2$s"), path, strerror(saved));
	return ok ? EXIT_SUCCESS : EXIT_QUIZ;
}

static int print_report(const struct report *report, struct report_json *json)
{
	if (!json) {
		workshop_print_report(stdout, report);
		return EXIT_SUCCESS;
	}
	if (report_json_finish(json, report, stdout))
		return EXIT_SUCCESS;
	if (!ferror(stdout)) /* standard output's own failure: finish_output() */
		complain(_("cannot write the report: %s"), strerror(errno));
	return EXIT_QUIZ;
}

static int run_report(int argc, char **argv)
{
	enum { REPORT_QUIZ = OPT_VERSION + 1, REPORT_CSV, REPORT_JSON, REPORT_HTML, REPORT_ITEMS };
	static const struct option long_options[] = {
		{"quiz", required_argument, NULL, REPORT_QUIZ},
		{"csv", required_argument, NULL, REPORT_CSV},
		{"html", required_argument, NULL, REPORT_HTML},
		{"json", no_argument, NULL, REPORT_JSON},
		{"items", no_argument, NULL, REPORT_ITEMS},
		{"help", no_argument, NULL, OPT_HELP},
		{0},
	};
	const char *quiz_id = NULL, *csv = NULL, *html = NULL;
	bool json = false, items = false;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
		if (c == REPORT_QUIZ)
			quiz_id = optarg;
		else if (c == REPORT_CSV)
			csv = optarg;
		else if (c == REPORT_HTML)
			html = optarg;
		else if (c == REPORT_JSON)
			json = true;
		else if (c == REPORT_ITEMS)
			items = true;
		else if (c == 'h' || c == OPT_HELP)
			/* TRANSLATORS: 'careerfit report --help'. */
			return puts(_("Usage: careerfit report DIR-or-FILE... [--quiz ID] [--csv "
				      "FILE] [--html FILE] [--json]\n"
				      "       careerfit report --items DIR-or-FILE... [--quiz ID] "
				      "[--json]\n"
				      "Reports the results saved with --save ('-' as FILE is "
				      "standard output);\n--items shows how each question behaved, "
				      "for quiz authors.")),
			       EXIT_SUCCESS;
		else
			return option_error(argv, long_options, optopt);
	}
	if (optind >= argc)
		return usage_error("%s", _("report needs a folder or result files"));
	if (items && (csv || html))
		return usage_error("%s", _("--items goes with --json only, not --csv or --html"));
	bool csv_out = csv && strcmp(csv, "-") == 0, html_out = html && strcmp(html, "-") == 0;
	if (csv_out && html_out)
		return usage_error("%s",
				   _("--csv - and --html - cannot both take standard output"));
	bool json_out = json && !items && !csv_out && !html_out;
	FILE *csv_file = csv ? open_csv(csv) : NULL;
	if (csv && !csv_file)
		return EXIT_QUIZ;
	/* Only --items needs each person's answers; the rest streams. */
	struct report report = {.skips_answers = !items};
	struct workshop_outputs outputs = {
		.csv = csv_file ? report_csv_new(csv_file) : NULL,
		.json = json_out ? report_json_new() : NULL,
	};
	workshop_stream(&report, &outputs);
	int status = EXIT_QUIZ;
	bool ready = (!csv_file || outputs.csv) && (!json_out || outputs.json);
	if (ready && workshop_gather(&report, argv + optind, (size_t)(argc - optind), quiz_id)) {
		status = csv ? finish_csv(outputs.csv, &report, csv_file, csv) : EXIT_SUCCESS;
		csv_file = NULL;
		if (status == EXIT_SUCCESS && html && !html_write_file(&report, html)) {
			/* Standard output's failure is told once, by finish_output(). */
			if (!html_out)
				complain(_("cannot write %1$s: %2$s"), html, strerror(errno));
			status = EXIT_QUIZ;
		}
		if (status == EXIT_SUCCESS && items && !workshop_print_items(stdout, &report, json))
			status = EXIT_QUIZ;
		else if (status == EXIT_SUCCESS && !items && !csv_out && !html_out)
			status = print_report(&report, outputs.json);
		/* Nothing to report is an answer a script should notice. */
		if (status == EXIT_SUCCESS && report.group_count == 0) {
			if (quiz_id)
				complain(_("no results of the quiz '%s' (--quiz takes a quiz id, "
					   "as 'careerfit list' shows)"),
					 quiz_id);
			status = EXIT_QUIZ;
		}
	} else {
		fprintf(stderr, "careerfit: %s\n", _("out of memory"));
	}
	if (csv_file && csv_file != stdout)
		fclose(csv_file);
	report_csv_free(outputs.csv);
	report_json_free(outputs.json);
	report_clear(&report);
	return status;
}

static int list_folders(char **folders, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (access(folders[i], R_OK | X_OK) != 0)
			/* TRANSLATORS: %1$s is a folder, %2$s why it cannot be read. */
			complain(_("warning: cannot read the folder %1$s: %2$s"), folders[i],
				 strerror(errno));
	struct catalog catalog = {0};
	bool ok = folders_catalog(&catalog, folders, count);
	workshop_print_catalog(stdout, &catalog);
	catalog_clear(&catalog);
	return ok ? EXIT_SUCCESS : EXIT_QUIZ;
}

/* Options may come before or after the folders; "--" ends them. */
static int run_list(int argc, char **argv)
{
	char **folders = calloc((size_t)argc, sizeof(*folders));
	size_t count = 0;
	bool options_done = false;
	int status = -1;
	if (!folders)
		return EXIT_QUIZ;
	for (int i = 1; i < argc && status < 0; i++) {
		const char *arg = argv[i];
		if (options_done || arg[0] != '-' || !arg[1])
			folders[count++] = argv[i];
		else if (strcmp(arg, "--") == 0)
			options_done = true;
		else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0)
			/* TRANSLATORS: 'careerfit list --help'. */
			status = (puts(_("Usage: careerfit list [DIR...]\n"
					 "Lists the quizzes careerfit can find, with their ids.")),
				  EXIT_SUCCESS);
		else
			status = usage_error(_("list: unknown option '%s'"), arg);
	}
	if (status < 0)
		status = list_folders(folders, count);
	free(folders);
	return status;
}

static int run_help(int argc, char **argv);

/* The commands, "careerfit COMMAND [ARGUMENT]...": each runs with ARGV[0]
 * its own name, and takes -h and --help. */
static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	bool takes_no_color; /* "careerfit --no-color COMMAND" hands it on */
} commands[] = {
	{"validate", run_validate, false}, /* check quiz files */
	{"report", run_report, false},	   /* summarise saved results */
	{"list", run_list, false},	   /* the quizzes found, by id */
	{"room", live_main, true},	   /* a room's results, live */
	{"new", new_main, false},	   /* write a starting quiz */
	{"help", run_help, false},	   /* the usage, or a command's */
};

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* "careerfit help" is the usage; "careerfit help COMMAND" the command's. */
static int run_help(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
		return usage(stdout), EXIT_SUCCESS;
	if (argc > 2)
		return usage_error(_("help takes one command, but '%s' is one more"), argv[2]);
	const struct command *command = find_command(argv[1]);
	if (!command) {
		size_t count = sizeof(commands) / sizeof(commands[0]);
		char names[256] = "", before[256];
		for (size_t i = 0; i < count; i++) {
			memcpy(before, names, sizeof(names));
			if (i == 0)
				snprintf(names, sizeof(names), "%s", commands[i].name);
			else if (i + 1 == count)
				/* TRANSLATORS: the last two of a list, "list and
				 * help"; %1$s may already be a list. */
				snprintf(names, sizeof(names), _("%1$s and %2$s"), before,
					 commands[i].name);
			else
				snprintf(names, sizeof(names), _("%1$s, %2$s"), before,
					 commands[i].name);
		}
		/* TRANSLATORS: %1$s is what was asked for; %2$s the commands,
		 * "validate, report, list, room, new and help". */
		return usage_error(_("help: no command '%1$s'; the commands are %2$s"), argv[1],
				   names);
	}
	char *help[] = {argv[1], "--help", NULL};
	return command->run(2, help);
}

/* What may come before a command: "careerfit --no-color room DIR",
 * "careerfit -h list", "careerfit -V list". */
struct before_command {
	bool help, version, no_color;
	const char *language; /* --lang */
	const char *other;    /* the first word that is none of these */
};

/* The quiz option that WORD (after its "--") names in full or by a unique
 * abbreviation, as getopt_long would take it; NULL for none. */
static const struct option *quiz_option(const char *word)
{
	size_t length = strcspn(word, "="), count = 0;
	const struct option *found = NULL;
	for (const struct option *o = quiz_options; o->name; o++) {
		if (strncmp(o->name, word, length) != 0)
			continue;
		if (strlen(o->name) == length)
			return o;
		found = o;
		count++;
	}
	return count == 1 ? found : NULL;
}

/* Notes one option word (not "--") in BEFORE; returns how many of the
 * following words it takes as its value (0 or 1). */
static int note_option(const char *word, const char *next, struct before_command *before)
{
	if (word[1] != '-') {
		for (const char *letter = word + 1; *letter; letter++)
			if (*letter == 'h')
				before->help = true;
			else if (*letter == 'V')
				before->version = true;
			else if (!before->other)
				before->other = word;
		return 0;
	}
	const struct option *option = quiz_option(word + 2);
	bool has_value = strchr(word, '=') != NULL;
	if (option && !has_value && option->val == OPT_HELP)
		before->help = true;
	else if (option && !has_value && option->val == OPT_VERSION)
		before->version = true;
	else if (option && !has_value && option->val == OPT_NO_COLOR)
		before->no_color = true;
	else if (option && option->val == OPT_LANG)
		before->language = has_value ? strchr(word, '=') + 1 : next;
	else if (!before->other)
		before->other = word;
	return option && option->has_arg == required_argument && !has_value;
}

/* The index in ARGV of the command word, after only options; 0 when there
 * is none and the words are a quiz's ("careerfit --plain quick"). */
static int command_index(int argc, char **argv, struct before_command *before)
{
	*before = (struct before_command){0};
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (argv[i][0] != '-' || !argv[i][1])
			return find_command(argv[i]) ? i : 0;
		i += note_option(argv[i], argv[i + 1], before);
	}
	return 0;
}

/* The last --lang's value among the quiz's options, or those before a
 * command; NULL without one. Read ahead of the options' parsing (which
 * checks it), since it must act before any message is looked up. */
static const char *requested_language(int argc, char **argv)
{
	const char *language = NULL;
	for (int i = 1; i < argc; i++) {
		const char *word = argv[i];
		if (strcmp(word, "--") == 0 || (word[0] != '-' && find_command(word)))
			break;
		if (strncmp(word, "--", 2) != 0)
			continue;
		const struct option *option = quiz_option(word + 2);
		const char *value = strchr(word, '=');
		if (option && option->val == OPT_LANG)
			language = value ? value + 1 : argv[i + 1];
		i += option && option->has_arg == required_argument && !value;
	}
	return language;
}

/* --lang LANG: gettext reads LANGUAGE before the locale, except in the C
 * locale, where LC_MESSAGES alone moves to C.UTF-8. LC_CTYPE, which tells
 * what the terminal can show, stays as the user set it. */
static void set_language(const char *language)
{
	if (!language || !quiz_language_is_valid(language))
		return;
	setenv("LANGUAGE", language, 1);
	const char *messages = setlocale(LC_MESSAGES, NULL);
	if (messages && (strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0))
		setlocale(LC_MESSAGES, "C.UTF-8");
	i18n_init();
}

/* Runs the command at ARGV[INDEX] with the options that came before it. */
static int run_command(int argc, char **argv, int index, const struct before_command *before)
{
	const struct command *command = find_command(argv[index]);
	if (before->other) {
		size_t length = strcspn(before->other, "=");
		return usage_error(
			/* TRANSLATORS: %.*s is an option, %s a command. */
			_("'%.*s' cannot come before the command '%s' (only --no-color, --lang, "
			  "-h and -V can)"),
			(int)length, before->other, command->name);
	}
	if (before->language && !quiz_language_is_valid(before->language))
		return language_error(before->language);
	if (before->version)
		return puts("careerfit " CAREERFIT_VERSION), EXIT_SUCCESS;
	if (before->help) {
		char *help[] = {argv[index], "--help", NULL};
		return command->run(2, help);
	}
	char **args = calloc((size_t)(argc - index + 2), sizeof(*args));
	if (!args)
		return EXIT_QUIZ;
	int count = 0;
	args[count++] = argv[index];
	if (before->no_color && command->takes_no_color)
		args[count++] = "--no-color";
	for (int i = index + 1; i < argc; i++)
		args[count++] = argv[i];
	int status = command->run(count, args);
	free(args);
	return status;
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
		complain(_("cannot write the output: %s"), strerror(error));
	return EXIT_QUIZ;
}

int main(int argc, char **argv)
{
	set_locale();
	set_language(requested_language(argc, argv));
	struct before_command before;
	int index = command_index(argc, argv, &before);
	if (index)
		return finish_output(run_command(argc, argv, index, &before));
	struct take_options options;
	int status = parse_options(argc, argv, &options);
	if (status >= 0)
		return finish_output(status);
	/* take.c tells a result it could not write; only the close is left. */
	status = run_quiz(&options);
	return status == EXIT_SUCCESS ? finish_output(status) : status;
}
