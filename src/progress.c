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
 * flushing to the disk and making the file the next version goes into
 * (a new file can wait on the file system's journal for milliseconds),
 * wait for progress_writer_sync() and progress_writer_ready(). PATH only
 * ever goes to PREVIOUS once flushed, so a power cut that tears the newest
 * version still leaves the one before it whole. */
struct progress_writer {
	char *path;
	char *previous; /* PATH.prev: the version before, flushed to the disk */
	char *folder;
	char quiz_hash[17];
	char (*question_hashes)[17];
	int pending;   /* open on the version last written but not flushed, or -1 */
	bool new_name; /* that version gave PATH its name: flush the folder too */
	int spare;     /* a file made ahead for the next version, still unnamed, or -1 */
	bool no_spare; /* the file system cannot make one, or it cannot be named */
};

static void drop_spare(struct progress_writer *writer)
{
	if (writer->spare >= 0)
		close(writer->spare);
	writer->spare = -1;
}

/* PATH.prev, newly allocated. */
static char *previous_of(const char *path)
{
	size_t size = strlen(path) + sizeof(".prev");
	char *previous = malloc(size);
	if (previous)
		snprintf(previous, size, "%s.prev", path);
	return previous;
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
		.folder = slash ? strndup(path, (size_t)(slash - path)) : strdup("."),
		.question_hashes = calloc(quiz->question_count ? quiz->question_count : 1,
					  sizeof(*writer->question_hashes)),
		.pending = -1,
		.spare = -1,
	};
	if (!writer->path || !writer->previous || !writer->folder || !writer->question_hashes) {
		progress_writer_free(writer);
		errno = ENOMEM;
		return NULL;
	}
	results_quiz_hash(quiz, writer->quiz_hash);
	for (size_t q = 0; q < quiz->question_count; q++)
		results_question_hash(quiz, q, writer->question_hashes[q]);
	return writer;
}

static bool build_progress(config_t *config, const struct progress_writer *writer,
			   const struct session *session)
{
	const struct quiz *quiz = session_quiz(session);
	struct store_build b = {.ok = true};
	config_setting_t *root = config_root_setting(config);
	store_add_int(&b, root, "format", PROGRESS_FORMAT);
	store_add_string(&b, root, "quiz", quiz->id);
	store_add_string(&b, root, "hash", writer->quiz_hash);
	store_add_int(&b, root, "current", (int)session_current(session));
	config_setting_t *list = store_add(&b, root, "answers", CONFIG_TYPE_LIST);
	for (size_t q = 0; q < quiz->question_count; q++) {
		int answer = session_answer_of(session, q);
		if (answer == SESSION_UNANSWERED)
			continue;
		config_setting_t *group = store_add(&b, list, NULL, CONFIG_TYPE_GROUP);
		store_add_string(&b, group, "question", quiz->questions[q].id);
		store_add_string(&b, group, "hash", writer->question_hashes[q]);
		store_add_int(&b, group, "option", answer);
	}
	return b.ok;
}

/* The whole file, in the spare file or else a new temporary file of its
 * folder; the folder is made again only if it went since the lock made
 * it. */
static char *write_version(struct progress_writer *writer, const struct session *session, int *fd)
{
	config_t config;
	config_init(&config);
	char *temporary = NULL;
	if (build_progress(&config, writer, session)) {
		if (writer->spare >= 0 && store_write_config(writer->spare, &config) &&
		    (temporary = store_name_unnamed(writer->folder, writer->spare))) {
			*fd = writer->spare;
			writer->spare = -1;
		}
		/* One that could not be written or named: with the folder gone,
		 * the new file below makes it again; for any other reason (no
		 * /proc to name it through) no more are made. */
		writer->no_spare |= writer->spare >= 0 && errno != ENOENT;
		drop_spare(writer);
		if (!temporary)
			temporary = store_write_unsynced(writer->folder, &config, 0600, fd);
		if (!temporary && errno == ENOENT && store_make_folders(writer->folder))
			temporary = store_write_unsynced(writer->folder, &config, 0600, fd);
	} else {
		errno = ENOMEM;
	}
	int failure = errno;
	config_destroy(&config);
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
	 * PATH is simply replaced, the flushed one before it kept. */
	bool created = false;
	if (writer->pending < 0)
		created = rename(writer->path, writer->previous) != 0 && errno == ENOENT;
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
	return true;
}

bool progress_writer_sync(struct progress_writer *writer)
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

void progress_writer_ready(struct progress_writer *writer)
{
	if (writer->spare >= 0 || writer->no_spare)
		return;
	writer->spare = store_open_unnamed(writer->folder);
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
		progress_writer_sync(writer);
	if (writer->pending >= 0)
		close(writer->pending);
	drop_spare(writer);
	free(writer->path);
	free(writer->previous);
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
	bool ok = writer && progress_writer_save(writer, session) && progress_writer_sync(writer);
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

bool progress_clear(const char *path)
{
	char *previous = previous_of(path);
	bool ok = previous && (unlink(previous) == 0 || errno == ENOENT);
	free(previous);
	return (unlink(path) == 0 || errno == ENOENT) && ok;
}
