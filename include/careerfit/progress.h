/* Saved progress: where one participant is in one quiz, written after
 * every answer under $XDG_STATE_HOME/careerfit/ so that a closed laptop,
 * a dropped SSH session or a kill -9 loses nothing. */
#ifndef CAREERFIT_PROGRESS_H
#define CAREERFIT_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "careerfit/quiz.h"
#include "careerfit/session.h"

/* The progress file for QUIZ_ID and NAME ("" without --name), from
 * $XDG_STATE_HOME or ~/.local/state: the whole id keys it (a long one is
 * cut and followed by a hash of all of it). Newly allocated; NULL when
 * neither is set. */
char *progress_path(const char *quiz_id, const char *name);

/* Holds, for as long as the process runs, the lock that makes this the
 * only run of its quiz under its name (a file PATH.lock beside the
 * progress): false with errno EWOULDBLOCK when another run holds it. A
 * lock that cannot be made at all (no state folder) is not an error: the
 * saving that follows reports that. Stale temporary files are removed. */
bool progress_lock(const char *path);

/* Writes the session's answers and place atomically, creating folders. */
bool progress_save(const char *path, const struct session *session);

enum progress_status {
	PROGRESS_NONE,	     /* nothing saved */
	PROGRESS_LOADED,     /* answers were restored */
	PROGRESS_UNREADABLE, /* a file is there but is not usable */
};

struct progress_info {
	size_t kept;	/* answers restored */
	size_t changed; /* saved answers dropped: their question changed or went */
};

/* Restores saved answers into SESSION: an answer is kept only when its
 * question still exists with the same options and scores. */
enum progress_status progress_load(const char *path, struct session *session,
				   struct progress_info *info);
/* Removes the progress file; a missing file is fine. */
bool progress_clear(const char *path);

#endif
