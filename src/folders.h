/* Where careerfit looks for quizzes by id, in this order: the bundled
 * folder, the user's ($XDG_DATA_HOME/careerfit/quizzes), each folder of
 * $XDG_DATA_DIRS + /careerfit/quizzes, and ./quizzes. */
#ifndef CAREERFIT_FOLDERS_H
#define CAREERFIT_FOLDERS_H

#include <stddef.h>

#include "careerfit/catalog.h"

struct folders {
	char **paths;
	size_t count;
};

/* The user's quiz folder, $XDG_DATA_HOME/careerfit/quizzes (else
 * ~/.local/share/careerfit/quizzes), newly allocated; NULL when neither
 * XDG_DATA_HOME (an absolute path) nor HOME is set, or memory ran out. */
char *folders_user(void);
/* Fills FOLDERS with the folders above; false when memory ran out. */
bool folders_default(struct folders *folders);
void folders_clear(struct folders *folders);
/* A quiz path as given, or the file of a quiz id from `careerfit list`;
 * NULL (after saying why on stderr) for an id nobody knows. QUIZ NULL
 * is the bundled default. Newly allocated. An id is found as `list` finds
 * it, hidden copies and broken quizzes alike, but at start-up's price:
 * the file named ID.cfg is confirmed to set that id, and the files before
 * it only scanned for theirs; every quiz is loaded only for an id that
 * differs from its file name. */
char *folders_resolve_quiz(const char *quiz);
/* The same, choosing among the language versions of a quiz id (a path is
 * taken as it is): the version in LANGUAGE (--lang), or when it is NULL in
 * the reader's languages as folders_languages() reads them; else the
 * English one, else the first found. PEEK, when not NULL, gets what
 * catalog_peek() reads of the quiz when finding it read that already
 * (FOLDER/ID.cfg), and stays empty otherwise. */
struct quiz_peek;
char *folders_resolve_quiz_version(const char *quiz, const char *language,
				   struct quiz_peek *peek);
/* The languages a reader wants, best first, as a colon-separated list of
 * tags, newly allocated: OVERRIDE when given, else LANGUAGE (a colon list,
 * which gettext ignores in the C locale), else the first set of LC_ALL,
 * LC_MESSAGES and LANG. Each is cut before its '.' or '@', and one with a
 * country is followed by its language: "fr_FR.UTF-8" gives "fr_FR:fr". */
char *folders_languages(const char *override);
/* Scans the default folders, then EXTRA ones; false when memory ran out. */
bool folders_catalog(struct catalog *catalog, char *const extra[], size_t extra_count);

#endif
