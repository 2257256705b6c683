/* Saved progress: where one participant is in one quiz, written after
 * every answer under $XDG_STATE_HOME/careerfit/ so that a closed laptop,
 * a dropped SSH session or a kill -9 loses nothing, and a power cut no
 * more than the answer given in the moment before it. */
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

/* Keeps the progress file PATH of one session of QUIZ, whose hashes it
 * works out once: QUIZ must not change while it is written. NULL when
 * memory runs out. */
struct progress_writer *progress_writer_new(const char *path, const struct quiz *quiz);
/* Flushes what is still waiting (unless the file was removed) and frees. */
void progress_writer_free(struct progress_writer *writer);
/* Writes the session's answers and place to the file made ahead (or a
 * temporary file) and renames it to PATH, the flushed version before it
 * staying whole as PATH.prev: once this returns, a kill -9 loses nothing,
 * but the new version is not yet on the disk. Quick: call it before
 * showing the next question. False with errno; PATH is then as it was. */
bool progress_writer_save(struct progress_writer *writer, const struct session *session);
/* Flushes the last saved version to the disk (fsync), and its folder when
 * that version first created PATH, then names it PATH.prev too; nothing
 * when nothing waits. Slow: call it once the next question is shown,
 * before reading the next answer. False with errno. */
bool progress_writer_sync(struct progress_writer *writer);
/* Makes, ahead of the next save, the file it will write into (PATH.next,
 * removed when the writer is freed; a killed run can leave it), where the
 * folder takes one: a new file can wait on the journal for milliseconds.
 * The first call of a run also settles PATH.prev. Call it when the run
 * starts and wherever the sync is called. */
void progress_writer_ready(struct progress_writer *writer);

/* Saves once and flushes: progress_writer_save() then _sync(). */
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
 * question still exists with the same options and scores. When PATH is
 * missing or cannot be read, PATH.prev (the version before) is read. */
enum progress_status progress_load(const char *path, struct session *session,
				   struct progress_info *info);
/* Whether anything is saved at PATH or PATH.prev for progress_load() to
 * read, usable or not: a quick look, without reading either. */
bool progress_waiting(const char *path);
/* Removes the progress file and PATH.prev; missing files are fine. */
bool progress_clear(const char *path);

#endif
