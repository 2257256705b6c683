#include "careerfit/catalog.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "careerfit/quiz.h"

static bool is_quiz_name(const char *name)
{
	size_t length = strlen(name);
	return name[0] != '.' && length > 4 && strcmp(name + length - 4, ".cfg") == 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static bool add_entry(struct catalog *catalog, const char *path, const struct quiz *quiz)
{
	struct catalog_entry *entries =
		realloc(catalog->entries, (catalog->count + 1) * sizeof(*entries));
	if (!entries)
		return false;
	catalog->entries = entries;
	struct catalog_entry *entry = &entries[catalog->count];
	*entry = (struct catalog_entry){
		.path = strdup(path),
		.id = strdup(quiz->id),
		.title = strdup(quiz->title),
		.version = quiz->version,
		.scenario_count = quiz->scenario_count,
		.question_count = quiz->question_count,
		.role_count = quiz->role_count,
	};
	catalog->count++;
	return entry->path && entry->id && entry->title;
}

static bool scan_file(struct catalog *catalog, const char *path)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(path, &diags);
	diag_list_clear(&diags);
	bool ok = true;
	if (quiz) {
		bool hidden = catalog_find(catalog, quiz->id) != NULL;
		ok = add_entry(catalog, path, quiz);
		if (ok)
			catalog->entries[catalog->count - 1].hidden = hidden;
	}
	quiz_free(quiz);
	return ok;
}

int catalog_each_file(const char *folder, bool (*visit)(const char *path, void *data), void *data)
{
	struct dirent **names;
	int count = scandir(folder, &names, NULL, by_name);
	if (count < 0)
		return -1;
	bool ok = true;
	for (int i = 0; i < count; i++) {
		if (ok && is_quiz_name(names[i]->d_name)) {
			size_t size = strlen(folder) + strlen(names[i]->d_name) + 2;
			char *path = malloc(size);
			if (path)
				snprintf(path, size, "%s/%s", folder, names[i]->d_name);
			ok = path && visit(path, data);
			free(path);
		}
		free(names[i]);
	}
	free(names);
	return ok;
}

static bool scan_visit(const char *path, void *catalog)
{
	return scan_file(catalog, path);
}

bool catalog_scan(struct catalog *catalog, const char *folder)
{
	return catalog_each_file(folder, scan_visit, catalog) != 0;
}

const struct catalog_entry *catalog_find(const struct catalog *catalog, const char *id)
{
	for (size_t i = 0; i < catalog->count; i++)
		if (!catalog->entries[i].hidden && catalog->entries[i].id &&
		    strcmp(catalog->entries[i].id, id) == 0)
			return &catalog->entries[i];
	return NULL;
}

void catalog_clear(struct catalog *catalog)
{
	for (size_t i = 0; i < catalog->count; i++) {
		free(catalog->entries[i].path);
		free(catalog->entries[i].id);
		free(catalog->entries[i].title);
	}
	free(catalog->entries);
	*catalog = (struct catalog){0};
}
