#include "folders.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "careerfit/text.h"

#include "config.h"

const char *folders_bundled(void)
{
	const char *override = getenv("CAREERFIT_QUIZ_DIR");
	return override && *override ? override : CAREERFIT_INSTALLED_QUIZ_DIR;
}

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

/* XDG: a relative path in these variables is ignored. */
static bool add_user_folder(struct folders *folders)
{
	const char *data = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (data && data[0] == '/')
		return add_folder(folders, join(data, strlen(data), "/careerfit/quizzes"));
	if (home && *home)
		return add_folder(folders,
				  join(home, strlen(home), "/.local/share/careerfit/quizzes"));
	return true;
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
	const char *bundled = folders_bundled();
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

/* The file of quiz ID as the catalogue of the default folders lists it,
 * found by reading only the few files that tell (see catalog_lookup);
 * NULL when no quiz has that id. The whole catalogue is loaded only when
 * a folder cannot tell that way. */
static char *find_quiz(const char *id)
{
	struct folders folders;
	if (!folders_default(&folders))
		return NULL;
	enum catalog_lookup found = CATALOG_MISSING;
	char *path = NULL;
	for (size_t i = 0; i < folders.count && found == CATALOG_MISSING; i++)
		found = catalog_lookup(folders.paths[i], id, &path);
	folders_clear(&folders);
	if (found != CATALOG_UNSURE)
		return path;
	struct catalog catalog = {0};
	folders_catalog(&catalog, NULL, 0);
	const struct catalog_entry *entry = catalog_find(&catalog, id);
	path = entry ? strdup(entry->path) : NULL;
	catalog_clear(&catalog);
	return path;
}

char *folders_resolve_quiz(const char *quiz)
{
	if (!quiz) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", folders_bundled(), CAREERFIT_DEFAULT_QUIZ);
		return strdup(path);
	}
	if (looks_like_path(quiz))
		return strdup(quiz);
	char *path = find_quiz(quiz);
	if (!path) {
		char *shown = text_sanitize(quiz);
		fprintf(stderr,
			"careerfit: no quiz file or quiz id '%s'; 'careerfit list' shows "
			"the quizzes\n",
			shown ? shown : "");
		free(shown);
	}
	return path;
}
