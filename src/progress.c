#include "careerfit/progress.h"

#include "careerfit/guard.h"

#include <errno.h>
#include <fcntl.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
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

static bool build_progress(config_t *config, const struct session *session)
{
	const struct quiz *quiz = session_quiz(session);
	struct store_build b = {.ok = true};
	config_setting_t *root = config_root_setting(config);
	char hash[17];
	results_quiz_hash(quiz, hash);
	store_add_int(&b, root, "format", PROGRESS_FORMAT);
	store_add_string(&b, root, "quiz", quiz->id);
	store_add_string(&b, root, "hash", hash);
	store_add_int(&b, root, "current", (int)session_current(session));
	config_setting_t *list = store_add(&b, root, "answers", CONFIG_TYPE_LIST);
	for (size_t q = 0; q < quiz->question_count; q++) {
		int answer = session_answer_of(session, q);
		if (answer == SESSION_UNANSWERED)
			continue;
		config_setting_t *group = store_add(&b, list, NULL, CONFIG_TYPE_GROUP);
		results_question_hash(quiz, q, hash);
		store_add_string(&b, group, "question", quiz->questions[q].id);
		store_add_string(&b, group, "hash", hash);
		store_add_int(&b, group, "option", answer);
	}
	return b.ok;
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
	char *folder = strdup(path);
	if (!folder)
		return false;
	char *slash = strrchr(folder, '/');
	if (slash)
		*slash = '\0';
	bool ok = !slash || store_make_folders(folder);
	free(folder);
	config_t config;
	config_init(&config);
	ok = ok && build_progress(&config, session) && store_replace(path, &config);
	config_destroy(&config);
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

enum progress_status progress_load(const char *path, struct session *session,
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

bool progress_clear(const char *path)
{
	return unlink(path) == 0 || errno == ENOENT;
}
