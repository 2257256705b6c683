#include "careerfit/progress.h"

#include "careerfit/guard.h"

#include <errno.h>
#include <fcntl.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "careerfit/results.h"
#include "careerfit/store.h"

#define PROGRESS_FORMAT 1

char *progress_path(const char *quiz_id, const char *name)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	/* XDG: a relative path in the variable is invalid and ignored. */
	bool use_state = state && state[0] == '/';
	if (!use_state && !(home && *home))
		return NULL;
	/* The safe name loses characters, so "Ann Lee" and "Ann/Lee" would
	 * meet in one file: a hash of the name as typed keeps them apart. */
	char *safe = *name ? results_safe_name(name) : strdup("");
	if (!safe)
		return NULL;
	char hash[17] = "", id[65];
	if (*name)
		results_text_hash(name, hash);
	/* File names are short; ids are not, and two that begin alike must
	 * not share a file: a long id is cut and its whole hash added. */
	if (strlen(quiz_id) <= 64) {
		snprintf(id, sizeof(id), "%s", quiz_id);
	} else {
		char id_hash[17];
		results_text_hash(quiz_id, id_hash);
		snprintf(id, sizeof(id), "%.47s-%s", quiz_id, id_hash);
	}
	size_t size = strlen(use_state ? state : home) + strlen(safe) + 128;
	char *path = malloc(size);
	if (path)
		snprintf(path, size, "%s%s/careerfit/%s%s%s%s%.8s.cfg", use_state ? state : home,
			 use_state ? "" : "/.local/state", id, *safe ? "-" : "", safe,
			 *safe ? "-" : "", hash);
	free(safe);
	return path;
}

/* Saving after every answer has to be quick: the hashes are worked out
 * once, the folder is made once (by progress_lock), and the slow parts,
 * flushing to the disk, naming the flushed version PREVIOUS and making the
 * file the next version goes into (each can wait on the file system's
 * journal for milliseconds), wait for progress_writer_sync() and
 * progress_writer_ready(). An answer then costs one write and one rename.
 * Only a flushed version is ever named PREVIOUS, so a power cut
 * that tears the newest version still leaves the one before it whole. */
struct progress_writer {
	char *path;
	char *previous; /* PATH.prev: the version before, flushed to the disk */
	char *folder;
	char quiz_hash[17];
	char (*question_hashes)[17];
	int pending;   /* open on the version last written but not flushed, or -1 */
	bool new_name; /* that version gave PATH its name: flush the folder too */
	char *next;    /* PATH.next: the name of the file made ahead */
	int spare;     /* open on NEXT, made ahead for the next version, or -1 */
	bool no_spare; /* the folder would not take one */
	bool kept;     /* PREVIOUS is the version to keep: replace PATH, never move it aside */
	bool named;    /* PATH is known to be there (found at the start, or saved) */
	bool started;  /* progress_writer_ready() has settled PREVIOUS once */
};

static void drop_spare(struct progress_writer *writer)
{
	if (writer->spare >= 0) {
		close(writer->spare);
		unlink(writer->next);
	}
	writer->spare = -1;
}

/* PATH followed by SUFFIX, newly allocated. */
static char *beside(const char *path, const char *suffix)
{
	size_t size = strlen(path) + strlen(suffix) + 1;
	char *name = malloc(size);
	if (name)
		snprintf(name, size, "%s%s", path, suffix);
	return name;
}

/* PATH.prev, newly allocated. */
static char *previous_of(const char *path)
{
	return beside(path, ".prev");
}

struct progress_writer *progress_writer_new(const char *path, const struct quiz *quiz)
{
	struct progress_writer *writer = calloc(1, sizeof(*writer));
	if (!writer)
		return NULL;
	const char *slash = strrchr(path, '/');
	*writer = (struct progress_writer){
		.path = strdup(path),
		.previous = previous_of(path),
		.next = beside(path, ".next"),
		.folder = slash ? strndup(path, (size_t)(slash - path)) : strdup("."),
		.question_hashes = calloc(quiz->question_count ? quiz->question_count : 1,
					  sizeof(*writer->question_hashes)),
		.pending = -1,
		.spare = -1,
	};
	if (!writer->path || !writer->previous || !writer->next || !writer->folder ||
	    !writer->question_hashes) {
		progress_writer_free(writer);
		errno = ENOMEM;
		return NULL;
	}
	results_quiz_hash(quiz, writer->quiz_hash);
	for (size_t q = 0; q < quiz->question_count; q++)
		results_question_hash(quiz, q, writer->question_hashes[q]);
	return writer;
}

/* The progress file, exactly as libconfig's writer lays it out (the tests
 * compare the two), written straight into one buffer: building libconfig's
 * tree and writing it out cost an answer more than the rest of the save.
 * Nothing needs escaping: ids are made of a-z, 0-9, '-', '_' and '.' (the
 * loader refuses others) and hashes of hex digits. NULL when out of
 * memory. */
static char *render_progress(const struct progress_writer *writer, const struct session *session,
			     size_t *length)
{
	const struct quiz *quiz = session_quiz(session);
	static const char group[] = "%s\n  {\n    question = \"%s\";\n    hash = \"%s\";\n"
				    "    option = %d;\n  }";
	size_t size = 128 + strlen(quiz->id) + sizeof(writer->quiz_hash);
	for (size_t q = 0; q < quiz->question_count; q++)
		size += sizeof(group) + 16 + strlen(quiz->questions[q].id) +
			sizeof(writer->question_hashes[q]);
	char *text = malloc(size);
	if (!text)
		return NULL;
	size_t used = (size_t)snprintf(text, size,
				       "format = %d;\nquiz = \"%s\";\nhash = \"%s\";\ncurrent = %d;\n"
				       "answers = ( ",
				       PROGRESS_FORMAT, quiz->id, writer->quiz_hash,
				       (int)session_current(session));
	const char *between = "";
	for (size_t q = 0; q < quiz->question_count; q++) {
		int answer = session_answer_of(session, q);
		if (answer == SESSION_UNANSWERED)
			continue;
		used += (size_t)snprintf(text + used, size - used, group, between,
					 quiz->questions[q].id, writer->question_hashes[q], answer);
		between = ", ";
	}
	used += (size_t)snprintf(text + used, size - used, "%s);\n", *between ? " " : "");
	*length = used;
	return text;
}

/* The whole file, in the file made ahead (NEXT) or else a new temporary
 * file of its folder: its name, newly allocated. The folder is made again
 * only if it went since the lock made it. */
static char *write_version(struct progress_writer *writer, const struct session *session, int *fd)
{
	size_t length;
	char *text = render_progress(writer, session, &length);
	char *temporary = NULL;
	if (text) {
		if (writer->spare >= 0 && store_write_text(writer->spare, text, length) &&
		    (temporary = strdup(writer->next))) {
			*fd = writer->spare;
			writer->spare = -1;
		}
		/* One that could not be written (the folder went, the disk is
		 * full): the new file below says why, or makes the folder again. */
		drop_spare(writer);
		if (!temporary)
			temporary = store_write_text_unsynced(writer->folder, text, length, 0600, fd);
		if (!temporary && errno == ENOENT && store_make_folders(writer->folder))
			temporary = store_write_text_unsynced(writer->folder, text, length, 0600, fd);
	} else {
		errno = ENOMEM;
	}
	int failure = errno;
	free(text);
	errno = failure;
	return temporary;
}

bool progress_writer_save(struct progress_writer *writer, const struct session *session)
{
	int fd;
	char *temporary = write_version(writer, session, &fd);
	if (!temporary)
		return false;
	/* Moving PATH aside is a safety net, not a need: when it fails (PATH
	 * is a folder...), the rename below still replaces it. An unflushed
	 * PATH is simply replaced, the flushed one before it kept; so is a
	 * flushed one that PREVIOUS already names (progress_writer_sync). */
	bool created = false;
	if (writer->pending < 0 && !writer->kept)
		created = rename(writer->path, writer->previous) != 0 && errno == ENOENT;
	else if (writer->pending < 0)
		created = !writer->named;
	writer->kept = false;
	if (rename(temporary, writer->path) != 0) {
		int failure = errno;
		close(fd);
		unlink(temporary);
		free(temporary);
		errno = failure;
		return false;
	}
	free(temporary);
	if (writer->pending >= 0)
		close(writer->pending);
	writer->pending = fd;
	writer->new_name |= created;
	writer->named = true;
	return true;
}

/* Flushes the version waiting, if any, and its folder when it gave PATH
 * its name; false with errno when the flush failed. */
static bool flush_pending(struct progress_writer *writer)
{
	bool ok = true;
	int failure = 0;
	if (writer->pending >= 0) {
		ok = fsync(writer->pending) == 0;
		failure = errno;
		close(writer->pending);
		writer->pending = -1;
		if (ok && writer->new_name)
			store_sync_folder(writer->folder);
		writer->new_name = false;
	}
	errno = failure;
	return ok;
}

/* Gives PATH's version PREVIOUS for a second name, in place of whatever
 * had it; false with errno (a folder that takes no hard links). */
static bool link_previous(const struct progress_writer *writer)
{
	return (unlink(writer->previous) == 0 || errno == ENOENT) &&
	       link(writer->path, writer->previous) == 0;
}

bool progress_writer_sync(struct progress_writer *writer)
{
	bool flushed = writer->pending >= 0;
	bool ok = flush_pending(writer);
	int failure = errno;
	/* The version just flushed is the next one's safety net: it gets
	 * PREVIOUS for a second name now, while the person reads, so that the
	 * next save only has to replace PATH. The first change to the folder
	 * after a flush can wait on the journal: here nobody waits for it.
	 * Without hard links the next save moves PATH aside itself; after a
	 * failed flush PATH is never moved there, PREVIOUS stays as it is. */
	if (flushed)
		writer->kept = !ok || link_previous(writer);
	errno = failure;
	return ok;
}

/* Once, at the start of a run, before its first save: PREVIOUS becomes the
 * flushed version to keep. One a run before left is kept as it is (only a
 * flushed version is ever given that name); else PATH, flushed now, gets
 * it. A PATH torn by a power cut, or never flushed by a run that was
 * killed, is then never moved onto a good PREVIOUS: the first save simply
 * replaces it. */
static void settle_previous(struct progress_writer *writer)
{
	struct stat info;
	writer->started = true;
	if (lstat(writer->previous, &info) == 0) {
		writer->kept = S_ISREG(info.st_mode);
		writer->named = lstat(writer->path, &info) == 0;
		return;
	}
	int fd = open(writer->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		writer->kept = errno == ENOENT; /* nothing to keep yet */
		return;
	}
	writer->named = true;
	writer->kept = fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && fsync(fd) == 0 &&
		       link_previous(writer);
	close(fd);
}

/* The file the next version goes into, NEXT, made or found: only ever a
 * regular file of ours with no other name (a link planted there would
 * let a save write into someone else's file), emptied once it is known
 * to be one. -1 otherwise, and saves make their own files. */
static int open_next(const char *next)
{
	int fd = open(next, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK, 0600);
	struct stat info;
	if (fd >= 0 && (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_nlink != 1 ||
			info.st_uid != geteuid() || ftruncate(fd, 0) != 0)) {
		close(fd);
		fd = -1;
		errno = EINVAL;
	}
	return fd;
}

void progress_writer_ready(struct progress_writer *writer)
{
	if (!writer->started && writer->pending < 0)
		settle_previous(writer);
	if (writer->spare >= 0 || writer->no_spare)
		return;
	writer->spare = open_next(writer->next);
	writer->no_spare = writer->spare < 0 && errno != ENOENT;
}

void progress_writer_free(struct progress_writer *writer)
{
	if (!writer)
		return;
	/* A version still waiting is flushed, unless it was removed since
	 * (the quiz was finished): nothing is left to keep then. */
	struct stat info;
	if (writer->pending >= 0 && fstat(writer->pending, &info) == 0 && info.st_nlink > 0)
		flush_pending(writer);
	if (writer->pending >= 0)
		close(writer->pending);
	drop_spare(writer);
	free(writer->path);
	free(writer->previous);
	free(writer->next);
	free(writer->folder);
	free(writer->question_hashes);
	free(writer);
}

bool progress_lock(const char *path)
{
	char *folder = strdup(path);
	size_t size = strlen(path) + sizeof(".lock");
	char *lock = malloc(size);
	char *slash = folder ? strrchr(folder, '/') : NULL;
	if (slash)
		*slash = '\0';
	bool ok = true;
	if (folder && lock && (!slash || store_make_folders(folder))) {
		snprintf(lock, size, "%s.lock", path);
		/* Kept open, never closed: the lock ends with the process, also
		 * when it is killed. */
		int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
		ok = fd < 0 || flock(fd, LOCK_EX | LOCK_NB) == 0 || errno != EWOULDBLOCK;
		if (!ok) {
			close(fd);
			errno = EWOULDBLOCK;
		}
		if (slash)
			store_remove_stale(folder);
	}
	free(folder);
	free(lock);
	return ok;
}

bool progress_save(const char *path, const struct session *session)
{
	struct progress_writer *writer = progress_writer_new(path, session_quiz(session));
	bool ok = writer && progress_writer_save(writer, session) && flush_pending(writer);
	int failure = errno;
	progress_writer_free(writer);
	errno = failure;
	return ok;
}

/* Applies one saved answer if its question is unchanged. */
static bool restore_answer(const config_setting_t *group, struct session *session)
{
	const struct quiz *quiz = session_quiz(session);
	const char *id = NULL, *saved_hash = NULL;
	int option = SESSION_UNANSWERED;
	if (!config_setting_lookup_string(group, "question", &id) ||
	    !config_setting_lookup_string(group, "hash", &saved_hash) ||
	    !config_setting_lookup_int(group, "option", &option))
		return false;
	int q = quiz_question_index(quiz, id);
	char hash[17];
	if (q < 0)
		return false;
	results_question_hash(quiz, (size_t)q, hash);
	return strcmp(hash, saved_hash) == 0 && option != SESSION_UNANSWERED &&
	       session_set_answer(session, (size_t)q, option);
}

/* Where to go on: the saved place if its question kept its answer, else
 * the first question still to answer. */
static void restore_place(struct session *session, int saved)
{
	const struct quiz *quiz = session_quiz(session);
	size_t first_open = quiz->question_count;
	for (size_t q = 0; q < quiz->question_count && first_open == quiz->question_count; q++)
		if (session_answer_of(session, q) == SESSION_UNANSWERED)
			first_open = q;
	size_t place =
		saved >= 0 && (size_t)saved <= quiz->question_count ? (size_t)saved : first_open;
	session_go_to(session, place < first_open ? place : first_open);
}

static enum progress_status load_version(const char *path, struct session *session,
					 struct progress_info *info)
{
	*info = (struct progress_info){0};
	if (access(path, F_OK) != 0)
		return PROGRESS_NONE;
	config_t config;
	config_init(&config);
	const char *quiz_id = NULL;
	int format = 0, current = -1;
	const config_setting_t *answers = NULL;
	enum progress_status status = PROGRESS_UNREADABLE;
	/* Through the guard: a progress file takes no includes, and a pipe or
	 * a device in its place is refused rather than waited on. */
	struct diag_list diags = {0};
	struct guard_text *text = guard_read(path, "progress", false, NULL, &diags);
	diag_list_clear(&diags);
	if (text && guard_parse(text, &config, &diags) &&
	    config_lookup_int(&config, "format", &format) && format == PROGRESS_FORMAT &&
	    config_lookup_string(&config, "quiz", &quiz_id) &&
	    strcmp(quiz_id, session_quiz(session)->id) == 0 &&
	    (answers = config_lookup(&config, "answers")) && config_setting_is_list(answers)) {
		config_lookup_int(&config, "current", &current);
		int count = config_setting_length(answers);
		for (int i = 0; i < count; i++) {
			if (restore_answer(config_setting_get_elem(answers, (unsigned)i), session))
				info->kept++;
			else
				info->changed++;
		}
		restore_place(session, current);
		status = PROGRESS_LOADED;
	}
	diag_list_clear(&diags);
	guard_text_free(text);
	config_destroy(&config);
	return status;
}

enum progress_status progress_load(const char *path, struct session *session,
				   struct progress_info *info)
{
	enum progress_status status = load_version(path, session, info);
	char *previous = status == PROGRESS_LOADED ? NULL : previous_of(path);
	/* A power cut before the newest version was flushed may have left it
	 * torn (or, after a crash between two renames, missing): the version
	 * before it was flushed before it was moved aside. */
	if (previous && access(previous, F_OK) == 0) {
		enum progress_status before = load_version(previous, session, info);
		if (before != PROGRESS_NONE)
			status = before;
	}
	free(previous);
	return status;
}

bool progress_waiting(const char *path)
{
	char *previous = previous_of(path);
	bool waiting = access(path, F_OK) == 0 || errno != ENOENT || !previous ||
		       access(previous, F_OK) == 0 || errno != ENOENT;
	free(previous);
	return waiting;
}

/* Removes NAME; true when it is gone (or never was). */
static bool gone(const char *name)
{
	return name && (unlink(name) == 0 || errno == ENOENT);
}

bool progress_clear(const char *path)
{
	/* PATH.next too: a run killed between making it and its next save
	 * leaves one behind. */
	char *previous = previous_of(path), *next = beside(path, ".next");
	bool ok = gone(previous);
	(void)gone(next); /* no answer in it that PATH does not hold */
	free(previous);
	free(next);
	return gone(path) && ok;
}
