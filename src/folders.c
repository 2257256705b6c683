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
	static const char source[] = CAREERFIT_SOURCE_QUIZ_DIR;
	return access(source, R_OK) == 0 ? source : CAREERFIT_INSTALLED_QUIZ_DIR;
}

static char *user_folder(void)
{
	const char *data = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	bool use_data = data && data[0] == '/'; /* XDG: relative paths are ignored */
	if (!use_data && !(home && *home))
		return NULL;
	size_t size = strlen(use_data ? data : home) + 64;
	char *path = malloc(size);
	if (path)
		snprintf(path, size, "%s%s/careerfit/quizzes", use_data ? data : home,
			 use_data ? "" : "/.local/share");
	return path;
}

void folders_default(struct folders *folders)
{
	*folders = (struct folders){0};
	char *candidates[] = {strdup(folders_bundled()), user_folder(), strdup("quizzes")};
	for (size_t i = 0; i < FOLDERS_MAX; i++)
		if (candidates[i])
			folders->paths[folders->count++] = candidates[i];
}

void folders_clear(struct folders *folders)
{
	for (size_t i = 0; i < folders->count; i++)
		free(folders->paths[i]);
	*folders = (struct folders){0};
}

/* Whether FOLDER is one of the first COUNT of PATHS under another name
 * (./quizzes is the bundled folder when careerfit runs from its source). */
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
	folders_default(&folders);
	char *all[FOLDERS_MAX + 64];
	size_t count = 0;
	for (size_t i = 0; i < folders.count; i++)
		all[count++] = folders.paths[i];
	for (size_t i = 0; i < extra_count && count < sizeof(all) / sizeof(all[0]); i++)
		all[count++] = extra[i];
	bool ok = true;
	for (size_t i = 0; ok && i < count; i++)
		if (!seen_before(all, i, all[i]))
			ok = catalog_scan(catalog, all[i]);
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

char *folders_resolve_quiz(const char *quiz)
{
	if (!quiz) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", folders_bundled(), CAREERFIT_DEFAULT_QUIZ);
		return strdup(path);
	}
	if (looks_like_path(quiz))
		return strdup(quiz);
	struct catalog catalog = {0};
	folders_catalog(&catalog, NULL, 0);
	const struct catalog_entry *entry = catalog_find(&catalog, quiz);
	char *path = entry ? strdup(entry->path) : NULL;
	catalog_clear(&catalog);
	if (!entry) {
		char *shown = text_sanitize(quiz);
		fprintf(stderr,
			"careerfit: no quiz file or quiz id '%s'; 'careerfit list' shows "
			"the quizzes\n",
			shown ? shown : "");
		free(shown);
	}
	return path;
}
