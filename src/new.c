/* `careerfit new QUIZ-ID [FOLDER]`: a starting quiz that validates, for an
 * author to change rather than to write from nothing. */
#include "new.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "careerfit/i18n.h"
#include "careerfit/quiz.h"
#include "careerfit/store.h"
#include "careerfit/text.h"
#include "folders.h"

enum { NEW_OK = 0, NEW_FAILED = 1, NEW_USAGE = 2 };

/* Longer ids make unwieldy file names and commands. */
#define NEW_MAX_ID 64

/* The template: the quiz's id is put in twice (%1$s). It uses the bundled
 * roles through "careerfit/", so it stays short and validates with no
 * warning: every role is scored, no option names a role. */
static const char template_text[] =
	"# %1$s: a careerfit quiz, written by 'careerfit new' for you to change.\n"
	"# Check it after every change with: careerfit validate %1$s.cfg\n"
	"# docs/quiz-format.md describes every setting, docs/authoring.md how to\n"
	"# write a scenario that is fair to every role.\n"
	"id = \"%1$s\";\n"
	"title = \"%1$s: which product role would you take?\";\n"
	"description = \"A starting quiz. Replace this description, the story and \"\n"
	"  \"the questions with your own.\";\n"
	"version = 1;\n"
	"shuffle = true;\n"
	"\n"
	"# The four bundled roles: pm (Product Manager), pmm (Product Marketing\n"
	"# Manager), po (Product Owner) and project (Project Manager). A path that\n"
	"# starts with \"careerfit/\" is read from careerfit's own quizzes when this\n"
	"# folder has no such file. To write your own roles, copy that file here.\n"
	"@include \"careerfit/roles.cfg\"\n"
	"\n"
	"# The words a newcomer may not know, explained. To use the bundled\n"
	"# glossary instead, replace this list with: @include \"careerfit/glossary.cfg\"\n"
	"glossary = (\n"
	"  {\n"
	"    term = \"backlog\";\n"
	"    meaning = \"The ordered list of everything a product team might build \"\n"
	"      \"next. The item at the top is the one to work on first.\";\n"
	"  }\n"
	");\n"
	"\n"
	"scenarios = (\n"
	"  {\n"
	"    id = \"bakery\";\n"
	"    title = \"A bakery goes online\";\n"
	"    story = \"A family bakery with three shops wants customers to order cakes \"\n"
	"      \"online and collect them the same day. The owner asks you to join the \"\n"
	"      \"small team that will build it before the holiday season.\";\n"
	"    questions = (\n"
	"      {\n"
	"        id = \"bakery-first-week\";\n"
	"        prompt = \"What do you do in your first week?\";\n"
	"        debrief = \"Talking to customers is Product Manager work; telling \"\n"
	"          \"regulars about the change is Product Marketing Manager work; the \"\n"
	"          \"first backlog items are Product Owner work; a plan with dates is \"\n"
	"          \"Project Manager work.\";\n"
	"        options = (\n"
	"          {\n"
	"            text = \"Talk to customers in the shops about how they order cakes today.\";\n"
	"            scores = { pm = 3; pmm = 1; };\n"
	"          },\n"
	"          {\n"
	"            text = \"Work out how to tell regular customers about ordering online.\";\n"
	"            scores = { pmm = 3; project = 1; };\n"
	"          },\n"
	"          {\n"
	"            text = \"Write the first backlog items for choosing a cake and a time.\";\n"
	"            scores = { po = 3; pm = 1; };\n"
	"          },\n"
	"          {\n"
	"            text = \"Draw up a plan with dates up to the first online order.\";\n"
	"            scores = { project = 3; po = 1; };\n"
	"          }\n"
	"        );\n"
	"      },\n"
	"      {\n"
	"        id = \"bakery-late-payments\";\n"
	"        prompt = \"The payment provider will be two weeks late. What do you do first?\";\n"
	"        debrief = \"Choosing what to drop is Product Manager work; what to tell \"\n"
	"          \"customers is Product Marketing Manager work; reordering the backlog \"\n"
	"          \"is Product Owner work; a new plan is Project Manager work.\";\n"
	"        options = (\n"
	"          {\n"
	"            text = \"Decide which feature to leave out so the season's date holds.\";\n"
	"            scores = { pm = 3; po = 1; };\n"
	"          },\n"
	"          {\n"
	"            text = \"Tell customers to pay in the shop when they collect, for now.\";\n"
	"            scores = { pmm = 3; pm = 1; };\n"
	"          },\n"
	"          {\n"
	"            text = \"Move the work that needs no payment to the top of the backlog.\";\n"
	"            scores = { po = 3; project = 1; };\n"
	"          },\n"
	"          {\n"
	"            text = \"Re-plan the remaining dates and tell the owner today.\";\n"
	"            scores = { project = 3; pmm = 1; };\n"
	"          }\n"
	"        );\n"
	"      }\n"
	"    );\n"
	"  }\n"
	");\n";

static void new_usage(FILE *out)
{
	/* TRANSLATORS: 'careerfit new --help'. Keep the words in capitals
	 * (QUIZ-ID, FOLDER) as they are in the "Usage:" line, and the lines
	 * within 80 columns. */
	fputs(_("Usage: careerfit new QUIZ-ID [FOLDER]\n"
		"Writes a starting quiz to FOLDER/QUIZ-ID.cfg, by default in your quiz\n"
		"folder ($XDG_DATA_HOME/careerfit/quizzes, else\n"
		"~/.local/share/careerfit/quizzes), where 'careerfit QUIZ-ID' finds it.\n"
		"QUIZ-ID is lower-case letters, digits and '-'. An existing file is never\n"
		"overwritten. The quiz uses the bundled roles and passes 'careerfit validate'.\n"),
	      out);
}

__attribute__((format(printf, 1, 2))) static int new_usage_error(const char *format, ...)
{
	char message[512];
	va_list args;
	va_start(args, format);
	vsnprintf(message, sizeof(message), format, args);
	va_end(args);
	char *clean = text_sanitize(message);
	fprintf(stderr, "careerfit: new: %s\n", clean ? clean : _("out of memory"));
	fputs(_("Try 'careerfit new --help' for more information.\n"), stderr);
	free(clean);
	return NEW_USAGE;
}

/* The user's quiz folder, made if missing; NULL (after saying why). */
static char *user_quiz_folder(void)
{
	char *folder = folders_user();
	if (!folder) {
		fprintf(stderr, "careerfit: new: %s\n",
			_("neither XDG_DATA_HOME nor HOME is set: name a FOLDER"));
		return NULL;
	}
	if (!store_make_folders(folder)) {
		const char *why = strerror(errno);
		fputs("careerfit: new: ", stderr);
		/* TRANSLATORS: %1$s is a folder, %2$s why it cannot be made. */
		fprintf(stderr, _("cannot make the folder %1$s: %2$s"), folder, why);
		fputc('\n', stderr);
		free(folder);
		return NULL;
	}
	return folder;
}

/* "careerfit: new: PATH: WHAT" (PATH comes from the command line). */
static void say_about(const char *path, const char *what)
{
	char *shown = text_sanitize(path);
	fprintf(stderr, "careerfit: new: %s: %s\n", shown ? shown : "", what);
	free(shown);
}

/* Writes the template to PATH, which must not exist. */
static bool write_quiz(const char *path, const char *id)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0 && errno == EEXIST) {
		/* TRANSLATORS: after "careerfit: new: FILE: ". */
		say_about(path, _("exists; 'careerfit new' never overwrites a file: choose "
				  "another id or folder"));
		return false;
	}
	FILE *file = fd >= 0 ? fdopen(fd, "w") : NULL;
	bool ok = file && fprintf(file, template_text, id) > 0;
	if (file && fclose(file) != 0)
		ok = false;
	else if (!file && fd >= 0)
		close(fd);
	if (!ok) {
		char why[256];
		/* TRANSLATORS: after "careerfit: new: FILE: "; %s is why. */
		snprintf(why, sizeof(why), _("cannot write it: %s"), strerror(errno));
		say_about(path, why);
		if (fd >= 0)
			unlink(path);
	}
	return ok;
}

static void print_next_steps(const char *path, const char *id, bool in_user_folder)
{
	char *shown = text_sanitize(path);
	const char *file = shown ? shown : "";
	/* TRANSLATORS: what 'careerfit new' says it did. %1$s is the file
	 * written; %2$s the quiz id or the file, to take the quiz with. Keep
	 * the commands lined up in one column, and as they are. */
	printf(_("Wrote %1$s: a quiz on the bundled roles, with one scenario of two questions.\n"
		 "Next:\n"
		 "  check it after each change:  careerfit validate %1$s\n"
		 "  answer it without asking:    careerfit --answers a,b %1$s\n"
		 "  take it:                     careerfit %2$s\n"),
	       file, in_user_folder ? id : file);
	if (in_user_folder)
		puts(_("It is in your quiz folder, so 'careerfit list' shows it and its id "
		       "works from anywhere."));
	puts(_("docs/quiz-format.md describes every setting; docs/authoring.md how to "
	       "write a good scenario."));
	free(shown);
}

int new_main(int argc, char **argv)
{
	int first = 1;
	if (argc > 1 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		new_usage(stdout);
		return NEW_OK;
	}
	if (argc > 1 && strcmp(argv[1], "--") == 0)
		first = 2;
	else if (argc > 1 && argv[1][0] == '-' && argv[1][1])
		return new_usage_error(_("unknown option '%s'"), argv[1]);
	if (argc - first < 1)
		return new_usage_error("%s",
				       _("a quiz id is needed, for example: careerfit new museum"));
	if (argc - first > 2)
		return new_usage_error(P_("a quiz id and at most one folder, but %d was given",
					  "a quiz id and at most one folder, but %d were given",
					  argc - first),
				       argc - first);
	const char *id = argv[first];
	if (strlen(id) > NEW_MAX_ID || !quiz_id_is_valid(id, QUIZ_ID_QUIZ))
		/* TRANSLATORS: %1$s is what was given; %2$d the most characters. */
		return new_usage_error(_("'%1$s' is not a quiz id: use lower-case letters, "
					 "digits and '-' (at most %2$d), starting with a letter "
					 "or digit"),
				       id, NEW_MAX_ID);
	bool in_user_folder = argc - first == 1;
	char *folder = in_user_folder ? user_quiz_folder() : strdup(argv[first + 1]);
	if (!folder)
		return NEW_FAILED;
	size_t size = strlen(folder) + strlen(id) + 6;
	char *path = malloc(size);
	bool ok = path != NULL;
	if (ok) {
		snprintf(path, size, "%s/%s.cfg", folder, id);
		ok = write_quiz(path, id);
	}
	if (ok)
		print_next_steps(path, id, in_user_folder);
	free(path);
	free(folder);
	return ok ? NEW_OK : NEW_FAILED;
}
