/* The quizzes careerfit can find by id: every quiz file directly inside a
 * list of folders (the bundled one, the user's, ./quizzes, any given) and
 * inside their language folders (FOLDER/fr, FOLDER/pt_BR: a subfolder
 * named by a language tag). Quizzes that share an id in different
 * languages are versions of one quiz. */
#ifndef CAREERFIT_CATALOG_H
#define CAREERFIT_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

struct catalog_entry {
	char *path;
	char *id;
	char *title;
	char *language; /* the quiz's tag; a broken quiz's own, else "en" */
	int version;
	size_t scenario_count;
	size_t question_count;
	size_t role_count;
	bool hidden; /* another quiz with the same id and language is listed first */
	bool broken; /* the quiz does not load: no title, no counts */
	char *error; /* when broken, its first error: "FILE:LINE: error: ..." */
};

struct catalog {
	struct catalog_entry *entries;
	size_t count;
};

/* Adds every quiz (*.cfg) directly in FOLDER, then in each of its language
 * folders, in name order; the versions of one id are kept together, in the
 * order found. A quiz whose id is already listed in its language (valid or
 * broken) is added as hidden: earlier folders win the id. Within one
 * folder, a file named after an id that sets it in its own text
 * ("quick.cfg" with id "quick") comes first among the folder's quizzes
 * under that id, in any language, and so wins it in its own; otherwise
 * the first in name order does. A quiz that does not load is added as
 * broken, with its first error, under its id when the file parses and has one, else under its file
 * name without ".cfg". Shared parts (roles.cfg: a file that sets none of id, title and scenarios)
 * are passed over. A missing folder adds nothing. False only when memory runs out. */
bool catalog_scan(struct catalog *catalog, const char *folder);
/* Calls VISIT with the path of every *.cfg file directly in FOLDER (not
 * hidden ones), in name order, until it returns false. Returns -1 when
 * FOLDER cannot be read, 0 when a visit returned false, 1 otherwise. */
int catalog_each_file(const char *folder, bool (*visit)(const char *path, void *data), void *data);
enum catalog_lookup {
	CATALOG_FOUND,	 /* the quiz listed under the id, found */
	CATALOG_MISSING, /* no quiz in the folder can be listed under it */
	CATALOG_UNSURE,	 /* only catalog_scan() can tell */
};
/* What catalog_scan() of FOLDER would list first under ID in a language
 * that quiz_language_matches() WANTED (NULL: any language), told by
 * reading only the top-level text of a few files, not their includes
 * (a quiz's `language` is always in its own text): FOUND (*PATH newly
 * allocated) when FOLDER/ID.cfg sets that id and such a language itself
 * (then it is the only file read), or when FOLDER/LANG/ID.cfg does and no
 * file before it in the catalogue's order could be listed so; MISSING when no file in FOLDER or its language
 * folders could. A quiz whose id differs from its file name, an id set in
 * an include or a file that does not parse is UNSURE: load the whole
 * folder then. With PEEK, found by the first way, PEEK gets what
 * catalog_peek() would read of it (when it can), and stays empty
 * otherwise. */
struct quiz_peek;
enum catalog_lookup catalog_lookup(const char *folder, const char *id, const char *wanted,
				   char **path, struct quiz_peek *peek);
/* The first quiz listed under ID, in any language; it is never hidden.
 * Broken or not (loading a broken one shows its errors); NULL when there
 * is none. */
const struct catalog_entry *catalog_find(const struct catalog *catalog, const char *id);
/* The version of quiz ID for a reader of LANGUAGES, a colon-separated list
 * of tags, best first: the first listed in a language that matches the
 * first tag it can (quiz_language_matches), else in English, else the
 * first in any language. NULL when no quiz has that id. */
const struct catalog_entry *catalog_find_version(const struct catalog *catalog, const char *id,
						 const char *languages);
void catalog_clear(struct catalog *catalog);

/* What a quiz's welcome screen names, read from its own top-level text
 * without its includes or libconfig: enough to draw the welcome while the
 * quiz loads. Nothing is checked here; quiz_load() still reads it all. */
struct quiz_peek {
	char *id, *title, *description; /* description: "" when it has none */
};
/* False (and *PEEK empty) when PATH cannot be read so, or when its id or
 * title is missing, or any of the three is anything but plain strings
 * (escapes included): only loading it tells then. */
bool catalog_peek(const char *path, struct quiz_peek *peek);
void quiz_peek_clear(struct quiz_peek *peek);

#endif
