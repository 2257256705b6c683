/* Where careerfit looks for quizzes by id: the bundled folder, the
 * user's ($XDG_DATA_HOME/careerfit/quizzes) and ./quizzes. */
#ifndef CAREERFIT_FOLDERS_H
#define CAREERFIT_FOLDERS_H

#include <stddef.h>

#include "careerfit/catalog.h"

#define FOLDERS_MAX 3

struct folders {
	char *paths[FOLDERS_MAX];
	size_t count;
};

/* The bundled quizzes' folder: the source tree's when careerfit runs
 * from its build folder, else the installed one. */
const char *folders_bundled(void);
void folders_default(struct folders *folders);
void folders_clear(struct folders *folders);
/* A quiz path as given, or the file of a quiz id from `careerfit list`;
 * NULL (after saying why on stderr) for an id nobody knows. QUIZ NULL
 * is the bundled default. Newly allocated. */
char *folders_resolve_quiz(const char *quiz);
/* Scans the default folders, then EXTRA ones; false when memory ran out. */
bool folders_catalog(struct catalog *catalog, char *const extra[], size_t extra_count);

#endif
