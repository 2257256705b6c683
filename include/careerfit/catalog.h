/* The quizzes careerfit can find by id: every quiz file directly inside a
 * list of folders (the bundled one, the user's, ./quizzes, any given). */
#ifndef CAREERFIT_CATALOG_H
#define CAREERFIT_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

struct catalog_entry {
	char *path;
	char *id;
	char *title;
	int version;
	size_t scenario_count;
	size_t question_count;
	size_t role_count;
	bool hidden; /* an earlier folder has a quiz with the same id */
};

struct catalog {
	struct catalog_entry *entries;
	size_t count;
};

/* Adds every valid quiz (*.cfg) directly in FOLDER, in name order. A quiz
 * whose id is already listed is added as hidden: earlier folders win the
 * id. Files that are not valid quizzes (shared parts such as roles.cfg)
 * are passed over. A missing folder adds nothing. False only when memory
 * runs out. */
bool catalog_scan(struct catalog *catalog, const char *folder);
/* Calls VISIT with the path of every *.cfg file directly in FOLDER (not
 * hidden ones), in name order, until it returns false. Returns -1 when
 * FOLDER cannot be read, 0 when a visit returned false, 1 otherwise. */
int catalog_each_file(const char *folder, bool (*visit)(const char *path, void *data), void *data);
const struct catalog_entry *catalog_find(const struct catalog *catalog, const char *id);
void catalog_clear(struct catalog *catalog);

#endif
