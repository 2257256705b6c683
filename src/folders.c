#include "folders.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "careerfit/i18n.h"
#include "careerfit/quiz.h"
#include "careerfit/text.h"

#include "config.h"

/* The first LENGTH bytes of BASE, then SUFFIX; newly allocated. */
static char *join(const char *base, size_t length, const char *suffix)
{
	size_t size = length + strlen(suffix) + 1;
	char *path = malloc(size);
	if (path)
		snprintf(path, size, "%.*s%s", (int)length, base, suffix);
	return path;
}

/* Takes PATH, which may be NULL (out of memory). */
static bool add_folder(struct folders *folders, char *path)
{
	char **paths = path ? realloc(folders->paths, (folders->count + 1) * sizeof(*paths)) : NULL;
	if (!paths) {
		free(path);
		return false;
	}
	folders->paths = paths;
	folders->paths[folders->count++] = path;
	return true;
}

/* The folder the user's data goes in, with *SUFFIX the rest of the path
 * to the quizzes; NULL when neither variable is set. XDG: a relative path
 * in these variables is ignored. */
static const char *user_base(const char **suffix)
{
	const char *data = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (data && data[0] == '/') {
		*suffix = "/careerfit/quizzes";
		return data;
	}
	if (home && *home) {
		*suffix = "/.local/share/careerfit/quizzes";
		return home;
	}
	return NULL;
}

char *folders_user(void)
{
	const char *suffix;
	const char *base = user_base(&suffix);
	return base ? join(base, strlen(base), suffix) : NULL;
}

static bool add_user_folder(struct folders *folders)
{
	const char *suffix;
	return !user_base(&suffix) || add_folder(folders, folders_user());
}

static bool add_system_folders(struct folders *folders)
{
	const char *dirs = getenv("XDG_DATA_DIRS");
	if (!dirs || !*dirs)
		dirs = "/usr/local/share:/usr/share";
	bool ok = true;
	for (const char *dir = dirs; ok && *dir; dir += *dir == ':') {
		size_t length = strcspn(dir, ":");
		if (dir[0] == '/')
			ok = add_folder(folders, join(dir, length, "/careerfit/quizzes"));
		dir += length;
	}
	return ok;
}

bool folders_default(struct folders *folders)
{
	*folders = (struct folders){0};
	const char *bundled = quiz_bundled_folder();
	bool ok = add_folder(folders, join(bundled, strlen(bundled), "")) &&
		  add_user_folder(folders) && add_system_folders(folders) &&
		  add_folder(folders, strdup("quizzes"));
	if (!ok)
		folders_clear(folders);
	return ok;
}

void folders_clear(struct folders *folders)
{
	for (size_t i = 0; i < folders->count; i++)
		free(folders->paths[i]);
	free(folders->paths);
	*folders = (struct folders){0};
}

/* Whether FOLDER is one of the first COUNT of PATHS under another name
 * (./quizzes is the bundled folder when careerfit runs from its source,
 * /usr/share/careerfit/quizzes both the installed and an XDG folder). */
static bool seen_before(char *const paths[], size_t count, const char *folder)
{
	char *real = realpath(folder, NULL);
	bool seen = false;
	for (size_t i = 0; real && i < count && !seen; i++) {
		char *other = realpath(paths[i], NULL);
		seen = other && strcmp(other, real) == 0;
		free(other);
	}
	free(real);
	return seen;
}

bool folders_catalog(struct catalog *catalog, char *const extra[], size_t extra_count)
{
	struct folders folders;
	if (!folders_default(&folders))
		return false;
	size_t count = folders.count + extra_count;
	char **all = malloc(count * sizeof(*all));
	bool ok = all != NULL;
	for (size_t i = 0; ok && i < count; i++)
		all[i] = i < folders.count ? folders.paths[i] : extra[i - folders.count];
	for (size_t i = 0; ok && i < count; i++)
		if (!seen_before(all, i, all[i]))
			ok = catalog_scan(catalog, all[i]);
	free(all);
	folders_clear(&folders);
	return ok;
}

/* A folder named like a quiz id (a workshop's "--save quick") must not
 * hide the quiz: only a file counts as a path without a '/' or ".cfg". */
static bool looks_like_path(const char *quiz)
{
	struct stat info;
	size_t length = strlen(quiz);
	return strchr(quiz, '/') || (stat(quiz, &info) == 0 && !S_ISDIR(info.st_mode)) ||
	       (length > 4 && strcmp(quiz + length - 4, ".cfg") == 0);
}

static bool is_c_locale(const char *name)
{
	return !name || !*name || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0;
}

/* Appends the tag of ENTRY's LENGTH bytes ("fr_FR.UTF-8@euro" is "fr_FR"),
 * then its language alone when it names a country ("fr"). */
static void append_language(char *list, const char *entry, size_t length)
{
	size_t tag = strcspn(entry, ".@:"), language = strcspn(entry, "_.@:");
	tag = tag < length ? tag : length;
	if (!tag)
		return;
	size_t used = strlen(list);
	sprintf(list + used, "%s%.*s", used ? ":" : "", (int)tag, entry);
	if (language < tag)
		sprintf(list + strlen(list), ":%.*s", (int)language, entry);
}

char *folders_languages(const char *override)
{
	const char *locale = getenv("LC_ALL");
	if (!locale || !*locale)
		locale = getenv("LC_MESSAGES");
	if (!locale || !*locale)
		locale = getenv("LANG");
	const char *language = getenv("LANGUAGE");
	/* gettext reads no LANGUAGE in the C locale: the one it runs in, which
	 * --lang may have changed (main.c), else the environment's. */
	const char *messages = setlocale(LC_MESSAGES, NULL);
	bool c_locale = messages ? is_c_locale(messages) : is_c_locale(locale);
	const char *source = override				  ? override
			     : !c_locale && language && *language ? language
			     : locale				  ? locale
								  : "";
	char *list = calloc(2 * strlen(source) + 3, 1);
	for (const char *at = source; list && *at; at += *at == ':') {
		size_t length = strcspn(at, ":");
		append_language(list, at, length);
		at += length;
	}
	return list;
}

/* The tags of LANGUAGES, then English, then NULL for any language. */
static size_t wanted_languages(char *languages, const char **wanted, size_t size)
{
	size_t count = 0;
	for (char *tag = strtok(languages, ":"); tag && count + 2 < size; tag = strtok(NULL, ":"))
		if (quiz_language_is_valid(tag))
			wanted[count++] = tag;
	wanted[count++] = QUIZ_DEFAULT_LANGUAGE;
	wanted[count++] = NULL;
	return count;
}

/* The file of quiz ID as the catalogue of the default folders lists it in
 * the first of LANGUAGES it has, found by reading only the few files that
 * tell (see catalog_lookup); NULL when no quiz has that id. The whole
 * catalogue is loaded only when a folder cannot tell that way. */
static char *find_quiz(const char *id, const char *languages, struct quiz_peek *peek)
{
	struct folders folders;
	char *copy = strdup(languages);
	if (!copy || !folders_default(&folders)) {
		free(copy);
		return NULL;
	}
	const char *wanted[32];
	size_t count = wanted_languages(copy, wanted, sizeof(wanted) / sizeof(wanted[0]));
	enum catalog_lookup found = CATALOG_MISSING;
	char *path = NULL;
	for (size_t w = 0; w < count && found == CATALOG_MISSING; w++)
		for (size_t i = 0; i < folders.count && found == CATALOG_MISSING; i++)
			found = catalog_lookup(folders.paths[i], id, wanted[w], &path, peek);
	folders_clear(&folders);
	free(copy);
	if (found != CATALOG_UNSURE)
		return path;
	struct catalog catalog = {0};
	folders_catalog(&catalog, NULL, 0);
	const struct catalog_entry *entry = catalog_find_version(&catalog, id, languages);
	path = entry ? strdup(entry->path) : NULL;
	catalog_clear(&catalog);
	return path;
}

/* The bundled default quiz in the reader's language when the bundled
 * folder has it (in its language folder), else the English one. */
static char *default_quiz(const char *language, struct quiz_peek *peek)
{
	char id[] = CAREERFIT_DEFAULT_QUIZ, *path = NULL;
	id[strlen(id) - strlen(".cfg")] = '\0';
	char *languages = folders_languages(language);
	const char *wanted[32];
	size_t count = languages ? wanted_languages(languages, wanted, 32) : 0;
	/* The last two are English and any: the file below. */
	for (size_t w = 0; w + 2 < count && !path; w++)
		if (catalog_lookup(quiz_bundled_folder(), id, wanted[w], &path, peek) !=
		    CATALOG_FOUND)
			path = NULL;
	free(languages);
	if (path)
		return path;
	size_t size = strlen(quiz_bundled_folder()) + sizeof(CAREERFIT_DEFAULT_QUIZ) + 1;
	path = malloc(size);
	if (path)
		snprintf(path, size, "%s/%s", quiz_bundled_folder(), CAREERFIT_DEFAULT_QUIZ);
	return path;
}

char *folders_resolve_quiz(const char *quiz)
{
	return folders_resolve_quiz_version(quiz, NULL, NULL);
}

char *folders_resolve_quiz_version(const char *quiz, const char *language,
				   struct quiz_peek *peek)
{
	if (!quiz)
		return default_quiz(language, peek);
	if (looks_like_path(quiz))
		return strdup(quiz);
	char *languages = folders_languages(language);
	char *path = languages ? find_quiz(quiz, languages, peek) : NULL;
	free(languages);
	if (!path) {
		char *shown = text_sanitize(quiz);
		fprintf(stderr,
			/* TRANSLATORS: %s is what the person typed; "careerfit:"
			 * and "careerfit list" (a command) stay as they are. */
			_("careerfit: no quiz file or quiz id '%s'; 'careerfit list' shows "
			  "the quizzes\n"),
			shown ? shown : "");
		free(shown);
	}
	return path;
}
