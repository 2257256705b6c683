#include "folders.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

bool folders_catalog(struct catalog *catalog, char *const extra[], size_t extra_count)
{
	struct folders folders;
	folders_default(&folders);
	bool ok = true;
	for (size_t i = 0; ok && i < folders.count; i++)
		ok = catalog_scan(catalog, folders.paths[i]);
	for (size_t i = 0; ok && i < extra_count; i++)
		ok = catalog_scan(catalog, extra[i]);
	folders_clear(&folders);
	return ok;
}
