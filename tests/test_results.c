/* Result files and saved progress: written safely, read back faithfully,
 * and anything broken refused with a reason. */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <libconfig.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "careerfit/progress.h"
#include "careerfit/results.h"
#include "careerfit/score.h"
#include "careerfit/session.h"
#include "careerfit/store.h"
#include "helpers.h"

static char folder[] = "/tmp/careerfit-results-XXXXXX";

/* Counted, so that a test can tell what a save asks of the disk: these
 * replace the C library's for the whole test program, careerfit's core
 * included, and pass each call on to the kernel. */
static int fsync_calls, mkdir_calls, rename_calls;

int fsync(int fd)
{
	fsync_calls++;
	return (int)syscall(SYS_fsync, fd);
}

int mkdir(const char *path, mode_t mode)
{
	mkdir_calls++;
	return (int)syscall(SYS_mkdirat, AT_FDCWD, path, mode);
}

int rename(const char *from, const char *to)
{
	rename_calls++;
	return (int)syscall(SYS_renameat, AT_FDCWD, from, AT_FDCWD, to);
}

/* The whole of a small file, newly allocated. */
static char *slurp(const char *path)
{
	FILE *file = fopen(path, "r");
	ck_assert_ptr_nonnull(file);
	char *text = calloc(1, 65536);
	ck_assert_ptr_nonnull(text);
	size_t length = fread(text, 1, 65535, file);
	ck_assert(length > 0);
	fclose(file);
	return text;
}

/* FOLDER/NAME in PATH, and PATH.prev, its version before, in PREVIOUS. */
static void progress_paths(const char *name, char path[512], char previous[600])
{
	snprintf(path, 512, "%s/%s", folder, name);
	snprintf(previous, 600, "%s.prev", path);
}

/* PATH cut short mid-file, as a power cut can leave it. */
static void tear(const char *path)
{
	FILE *torn = fopen(path, "w");
	ck_assert_ptr_nonnull(torn);
	fputs("format = 1;\nquiz = \"sly", torn);
	fclose(torn);
}

static struct quiz *slyde(void)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(TEST_DATA_DIR "/slyde/slyde.cfg", &diags);
	diag_list_clear(&diags);
	ck_assert_ptr_nonnull(quiz);
	return quiz;
}

static char *save(const struct quiz *quiz, const char *name, const int *answers, time_t when)
{
	struct outcome *outcome = outcome_new(quiz, answers);
	ck_assert_ptr_nonnull(outcome);
	char *saved = NULL, *error = NULL;
	ck_assert_msg(results_save(folder, outcome, name, when, &saved, &error), "%s",
		      error ? error : "");
	outcome_free(outcome);
	free(error);
	return saved;
}

static const int some_answers[] = {0, 1, 2, 3, -2, 1, 2, 3, 0, 1};

START_TEST(test_saved_result_reads_back_the_same)
{
	struct quiz *quiz = slyde();
	char *path = save(quiz, "Ada, \"the\" Lovelace", some_answers, 1700000000);
	char *error = NULL;
	struct result_record *record = results_read(path, &error);
	ck_assert_msg(record, "%s", error ? error : "");
	ck_assert_str_eq(record->quiz_id, "slyde");
	ck_assert_str_eq(record->name, "Ada, \"the\" Lovelace");
	ck_assert_str_eq(record->time, "2023-11-14T22:13:20Z");
	ck_assert_uint_eq(record->answer_count, quiz->question_count);
	ck_assert_int_eq(record->answers[4].option, -1);
	ck_assert_int_eq(record->answers[3].option, 3);
	ck_assert_str_eq(record->answers[3].text, quiz->questions[3].options[3].text);
	struct score_result result;
	ck_assert(score_compute(quiz, some_answers, &result));
	for (size_t r = 0; r < quiz->role_count; r++) {
		ck_assert_str_eq(record->roles[r].id, quiz->roles[r].id);
		ck_assert_double_eq_tol(record->roles[r].affinity, result.roles[r].affinity, 1e-9);
	}
	ck_assert(record->roles[result.ranking[0]].top);
	char hash[17];
	results_quiz_hash(quiz, hash);
	ck_assert_str_eq(record->quiz_hash, hash);
	score_result_clear(&result);
	result_record_free(record);
	free(path);
	quiz_free(quiz);
}
END_TEST

/* Two participants with different LC_NUMERIC take the same quiz: their
 * results and progress carry the same hashes, so the report counts them
 * as one quiz and progress resumes. slyde's weights include 1.5, which a
 * French locale writes "1,5". */
START_TEST(test_quiz_hash_is_the_same_in_every_locale)
{
	struct quiz *quiz = slyde();
	char quiz_c[17], quiz_french[17], question_c[17], question_french[17];
	results_quiz_hash(quiz, quiz_c);
	results_question_hash(quiz, 0, question_c);
	char *was = strdup(setlocale(LC_NUMERIC, NULL));
	ck_assert_ptr_nonnull(was);
	ck_assert_msg(setlocale(LC_NUMERIC, "fr_FR.UTF-8"),
		      "the fr_FR.UTF-8 locale is not installed: run scripts/setup");
	char comma[8];
	snprintf(comma, sizeof(comma), "%.1f", quiz->questions[0].weight);
	results_quiz_hash(quiz, quiz_french);
	results_question_hash(quiz, 0, question_french);
	setlocale(LC_NUMERIC, was);
	free(was);
	ck_assert_str_eq(comma, "1,5"); /* the weight this test is about */
	ck_assert_str_eq(quiz_french, quiz_c);
	ck_assert_str_eq(question_french, question_c);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_same_name_same_second_never_overwrites)
{
	struct quiz *quiz = slyde();
	char *first = save(quiz, "Sam", some_answers, 1700000100);
	char *second = save(quiz, "Sam", some_answers, 1700000100);
	ck_assert_str_ne(first, second);
	struct stat info;
	ck_assert_int_eq(stat(first, &info), 0);
	ck_assert_int_eq(stat(second, &info), 0);
	free(first);
	free(second);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_names_are_made_safe_for_file_names)
{
	const char *cases[][2] = {
		{"../../etc/passwd", "etc-passwd"},
		{".hidden", "hidden"},
		{"a/b", "a-b"},
		{"Zo\xc3\xab \xc3\x91\xc3\xba\xc3\xb1"
		 "ez",
		 "Zo\xc3\xab-\xc3\x91\xc3\xba\xc3\xb1"
		 "ez"},
		{"...", "anonymous"},
		{"", "anonymous"},
	};
	/* A long name is cut to whole characters: 26 CJK characters of 3 bytes. */
	char long_name[400] = "";
	for (int i = 0; i < 100; i++)
		strcat(long_name, "\xe4\xb8\xad");
	char *cut = results_safe_name(long_name);
	ck_assert_uint_eq(strlen(cut), 78);
	free(cut);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *safe = results_safe_name(cases[i][0]);
		ck_assert_str_eq(safe, cases[i][1]);
		free(safe);
	}
}
END_TEST

static char *write_file(const char *name, const char *text)
{
	char *path = malloc(strlen(folder) + strlen(name) + 2);
	sprintf(path, "%s/%s", folder, name);
	FILE *file = fopen(path, "w");
	ck_assert_ptr_nonnull(file);
	fputs(text, file);
	fclose(file);
	return path;
}

static void assert_refused(const char *path, const char *reason)
{
	char *error = NULL;
	struct result_record *record = results_read(path, &error);
	ck_assert_ptr_null(record);
	ck_assert_ptr_nonnull(error);
	ck_assert_msg(strstr(error, path) && strstr(error, reason), "%s", error);
	free(error);
}

START_TEST(test_broken_result_files_are_refused_with_a_reason)
{
	char *garbage = write_file("garbage.cfg", "{{{ not a result");
	assert_refused(garbage, "corrupt");
	char *foreign = write_file("foreign.cfg", "id = \"quiz\";\ntitle = \"Not a result\";\n");
	assert_refused(foreign, "not a careerfit result");
	char *no_roles = write_file(
		"roles.cfg",
		"format = 1; quiz = { id = \"q\"; title = \"Q\"; version = 1; hash = \"0\"; };\n"
		"participant = \"P\"; time = \"T\"; answers = ();\n");
	assert_refused(no_roles, "no list of roles");
	assert_refused(folder, "is a folder");
	char missing[512];
	snprintf(missing, sizeof(missing), "%s/missing.cfg", folder);
	assert_refused(missing, "No such file");
	free(garbage);
	free(foreign);
	free(no_roles);
}
END_TEST

START_TEST(test_unwritable_folder_is_named)
{
	char *blocker = write_file("blocker", "a file where a folder should be");
	char path[512];
	snprintf(path, sizeof(path), "%s/inside", blocker);
	char *error = NULL;
	ck_assert(!results_check_folder(path, &error));
	ck_assert_msg(error && strstr(error, path), "%s", error ? error : "");
	free(error);
	free(blocker);
}
END_TEST

START_TEST(test_progress_restores_answers_and_place)
{
	struct quiz *quiz = slyde();
	char path[512];
	snprintf(path, sizeof(path), "%s/state/progress.cfg", folder);
	struct session *session = session_new(quiz, true, 3);
	session_answer(session, 2);
	session_skip(session);
	session_answer(session, 1);
	ck_assert(progress_save(path, session));
	struct session *again = session_new(quiz, true, 3);
	struct progress_info info;
	ck_assert_int_eq(progress_load(path, again, &info), PROGRESS_LOADED);
	ck_assert_uint_eq(info.kept, 3);
	ck_assert_uint_eq(info.changed, 0);
	ck_assert_int_eq(session_answer_of(again, 0), 2);
	ck_assert_int_eq(session_answer_of(again, 1), SESSION_SKIPPED);
	ck_assert_int_eq(session_answer_of(again, 2), 1);
	ck_assert_uint_eq(session_current(again), 3);
	ck_assert(progress_clear(path));
	ck_assert_int_eq(progress_load(path, again, &info), PROGRESS_NONE);
	session_free(session);
	session_free(again);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_progress_drops_answers_to_changed_questions)
{
	struct quiz *quiz = slyde();
	char path[512];
	snprintf(path, sizeof(path), "%s/changed.cfg", folder);
	struct session *session = session_new(quiz, false, 0);
	session_answer(session, 0);
	session_answer(session, 1);
	ck_assert(progress_save(path, session));
	/* The author rewords an option of the first question. */
	free(quiz->questions[0].options[2].text);
	quiz->questions[0].options[2].text = strdup("Reworded");
	struct session *again = session_new(quiz, false, 0);
	struct progress_info info;
	ck_assert_int_eq(progress_load(path, again, &info), PROGRESS_LOADED);
	ck_assert_uint_eq(info.kept, 1);
	ck_assert_uint_eq(info.changed, 1);
	ck_assert_int_eq(session_answer_of(again, 0), SESSION_UNANSWERED);
	ck_assert_int_eq(session_answer_of(again, 1), 1);
	ck_assert_uint_eq(session_current(again), 0);
	session_free(session);
	session_free(again);
	quiz_free(quiz);
}
END_TEST

/* The answer is in the file under its own name as soon as the save
 * returns (a kill -9 loses nothing); the slow flush to the disk comes
 * when asked for, and flushes the folder only when the file is new in it. */
START_TEST(test_progress_is_renamed_into_place_before_it_is_flushed)
{
	struct quiz *quiz = slyde();
	char path[512];
	snprintf(path, sizeof(path), "%s/renamed.cfg", folder);
	struct session *session = session_new(quiz, false, 0);
	struct progress_writer *writer = progress_writer_new(path, quiz);
	ck_assert_ptr_nonnull(writer);
	int fsyncs = fsync_calls, mkdirs = mkdir_calls;
	session_answer(session, 2);
	ck_assert(progress_writer_save(writer, session));
	ck_assert_int_eq(fsync_calls, fsyncs);
	struct session *reader = session_new(quiz, false, 0);
	struct progress_info info;
	ck_assert_int_eq(progress_load(path, reader, &info), PROGRESS_LOADED);
	ck_assert_int_eq(session_answer_of(reader, 0), 2);
	ck_assert(progress_writer_sync(writer));
	ck_assert_int_eq(fsync_calls, fsyncs + 2); /* the file, and its new name */
	ck_assert(progress_writer_sync(writer));   /* nothing waits */
	ck_assert_int_eq(fsync_calls, fsyncs + 2);
	session_answer(session, 1);
	ck_assert(progress_writer_save(writer, session));
	ck_assert(progress_writer_sync(writer));
	ck_assert_int_eq(fsync_calls, fsyncs + 3); /* the file only */
	ck_assert_int_eq(mkdir_calls, mkdirs);	   /* the folder was there */
	progress_writer_free(writer);
	ck_assert(progress_clear(path));
	session_free(reader);
	session_free(session);
	quiz_free(quiz);
}
END_TEST

/* Hidden files left in FOLDER/SUB. */
static size_t hidden_files(const char *sub)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/%s", folder, sub);
	DIR *dir = opendir(path);
	ck_assert_ptr_nonnull(dir);
	size_t count = 0;
	for (struct dirent *entry; (entry = readdir(dir));)
		count += strncmp(entry->d_name, ".careerfit-", 11) == 0;
	closedir(dir);
	return count;
}

/* The inode of FOLDER/SUB/NAME, or 0 when there is none. */
static ino_t inode_of(const char *sub, const char *name)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s/%s", folder, sub, name);
	struct stat info;
	return stat(path, &info) == 0 ? info.st_ino : 0;
}

/* Making a file can wait on the file system's journal for milliseconds:
 * the file an answer goes into, PATH.next, is made ahead while the person
 * reads, so that a save only writes it and renames it to PATH. Each time
 * the writer is made ready after a flush it makes the next one; none is
 * left behind when the writer ends, and no temporary file either. */
START_TEST(test_progress_file_is_made_ahead_of_the_answer)
{
	struct quiz *quiz = slyde();
	char sub[] = "ahead", path[512];
	snprintf(path, sizeof(path), "%s/%s", folder, sub);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/%s/progress.cfg", folder, sub);
	struct session *session = session_new(quiz, false, 0);
	struct progress_writer *writer = progress_writer_new(path, quiz);
	ck_assert_ptr_nonnull(writer);
	ck_assert_uint_eq(inode_of(sub, "progress.cfg.next"), 0); /* not until asked */
	progress_writer_ready(writer);
	ino_t made = inode_of(sub, "progress.cfg.next");
	ck_assert_msg(made != 0, "no file made ahead");
	session_answer(session, 2);
	ck_assert(progress_writer_save(writer, session));
	ck_assert_uint_eq(inode_of(sub, "progress.cfg"), made); /* the file made ahead */
	ck_assert_uint_eq(inode_of(sub, "progress.cfg.next"), 0);
	ck_assert_uint_eq(hidden_files(sub), 0);
	ck_assert(progress_writer_sync(writer));
	progress_writer_ready(writer);
	made = inode_of(sub, "progress.cfg.next");
	ck_assert(made != 0 && made != inode_of(sub, "progress.cfg"));
	session_answer(session, 1);
	ck_assert(progress_writer_save(writer, session));
	ck_assert_uint_eq(inode_of(sub, "progress.cfg"), made);
	struct session *reader = session_new(quiz, false, 0);
	struct progress_info info;
	ck_assert_int_eq(progress_load(path, reader, &info), PROGRESS_LOADED);
	ck_assert_uint_eq(info.kept, 2);
	progress_writer_ready(writer);
	ck_assert_uint_ne(inode_of(sub, "progress.cfg.next"), 0);
	progress_writer_free(writer);
	ck_assert_uint_eq(inode_of(sub, "progress.cfg.next"), 0);
	ck_assert_uint_eq(hidden_files(sub), 0);
	ck_assert(progress_clear(path));
	session_free(reader);
	session_free(session);
	quiz_free(quiz);
}
END_TEST

/* PATH.next is in a folder others may write to: a link (or anything but a
 * regular file) found there is never written through; the save makes a
 * file of its own and the answer is still kept. */
START_TEST(test_progress_never_writes_through_a_planted_next_file)
{
	struct quiz *quiz = slyde();
	char path[512], next[600], target[512];
	snprintf(path, sizeof(path), "%s/planted.cfg", folder);
	snprintf(next, sizeof(next), "%s.next", path);
	snprintf(target, sizeof(target), "%s/planted-target", folder);
	FILE *file = fopen(target, "w");
	ck_assert_ptr_nonnull(file);
	fputs("untouched\n", file);
	fclose(file);
	struct session *session = session_new(quiz, false, 0);
	for (int planted = 0; planted < 2; planted++) {
		/* a symbolic link, then a second name of the same file */
		ck_assert_int_eq(planted ? link(target, next) : symlink(target, next), 0);
		struct progress_writer *writer = progress_writer_new(path, quiz);
		ck_assert_ptr_nonnull(writer);
		progress_writer_ready(writer);
		session_answer(session, 2);
		ck_assert(progress_writer_save(writer, session));
		char *text = slurp(target);
		ck_assert_str_eq(text, "untouched\n");
		free(text);
		progress_writer_free(writer);
		ck_assert(progress_clear(path));
		session_back(session);
	}
	struct progress_writer *writer = progress_writer_new(path, quiz);
	session_answer(session, 2);
	ck_assert(progress_writer_save(writer, session));
	struct session *reader = session_new(quiz, false, 0);
	struct progress_info info;
	ck_assert_int_eq(progress_load(path, reader, &info), PROGRESS_LOADED);
	ck_assert_int_eq(session_answer_of(reader, 0), 2);
	progress_writer_free(writer);
	ck_assert(progress_clear(path));
	unlink(target);
	session_free(reader);
	session_free(session);
	quiz_free(quiz);
}
END_TEST

/* A run that starts on a PATH torn by a power cut (the version before it
 * whole in PATH.prev, and read from there) must not move the torn file
 * onto the good one with its first save: a second power cut before that
 * save is flushed would leave nothing. */
START_TEST(test_a_torn_file_never_replaces_the_version_before)
{
	struct quiz *quiz = slyde();
	char path[512], previous[600];
	progress_paths("restart.cfg", path, previous);
	struct session *session = session_new(quiz, false, 0);
	session_answer(session, 3);
	ck_assert(progress_save(path, session));
	ck_assert_int_eq(rename(path, previous), 0);
	tear(path);
	char *good = slurp(previous);
	struct progress_writer *writer = progress_writer_new(path, quiz);
	ck_assert_ptr_nonnull(writer);
	progress_writer_ready(writer); /* the run starts */
	session_answer(session, 2);
	ck_assert(progress_writer_save(writer, session));
	char *kept = slurp(previous);
	ck_assert_str_eq(kept, good);
	free(kept);
	free(good);
	progress_writer_free(writer);
	ck_assert(progress_clear(path));
	session_free(session);
	quiz_free(quiz);
}
END_TEST

/* The lock makes the folder at the start; should it go meanwhile, the
 * next save makes it again, and the one after does not try. */
START_TEST(test_progress_folder_is_made_again_only_when_it_went)
{
	struct quiz *quiz = slyde();
	char path[512];
	snprintf(path, sizeof(path), "%s/gone/deeper/progress.cfg", folder);
	struct session *session = session_new(quiz, false, 0);
	struct progress_writer *writer = progress_writer_new(path, quiz);
	session_answer(session, 0);
	int mkdirs = mkdir_calls;
	ck_assert(progress_writer_save(writer, session));
	ck_assert_int_gt(mkdir_calls, mkdirs);
	mkdirs = mkdir_calls;
	session_answer(session, 1);
	ck_assert(progress_writer_save(writer, session));
	ck_assert_int_eq(mkdir_calls, mkdirs);
	progress_writer_free(writer);
	struct progress_info info;
	struct session *reader = session_new(quiz, false, 0);
	ck_assert_int_eq(progress_load(path, reader, &info), PROGRESS_LOADED);
	ck_assert_uint_eq(info.kept, 2);
	session_free(reader);
	session_free(session);
	quiz_free(quiz);
}
END_TEST

/* Hashing every question took most of a save: the writer hashes the quiz
 * once, so what it writes is the quiz as it was when the writer was made. */
START_TEST(test_progress_writer_hashes_the_quiz_once)
{
	struct quiz *quiz = slyde();
	char path[512], before[17], after[17];
	snprintf(path, sizeof(path), "%s/hashed.cfg", folder);
	results_question_hash(quiz, 0, before);
	struct session *session = session_new(quiz, false, 0);
	struct progress_writer *writer = progress_writer_new(path, quiz);
	session_answer(session, 1);
	ck_assert(progress_writer_save(writer, session));
	double weight = quiz->questions[0].weight;
	quiz->questions[0].weight = weight + 1;
	results_question_hash(quiz, 0, after);
	ck_assert_str_ne(before, after);
	session_answer(session, 2);
	ck_assert(progress_writer_save(writer, session));
	char *text = slurp(path);
	ck_assert_msg(strstr(text, before) && !strstr(text, after), "%s", text);
	free(text);
	quiz->questions[0].weight = weight;
	progress_writer_free(writer);
	session_free(session);
	quiz_free(quiz);
}
END_TEST

/* The progress file is written straight from the answers, not through
 * libconfig's tree: it must still be what libconfig writes for the same
 * settings, byte for byte, skips and an empty list included. */
START_TEST(test_progress_file_is_what_libconfig_writes)
{
	struct quiz *quiz = slyde();
	char path[512];
	snprintf(path, sizeof(path), "%s/layout.cfg", folder);
	struct session *session = session_new(quiz, false, 0);
	for (int step = 0; step < 3; step++) {
		ck_assert(progress_save(path, session));
		char *text = slurp(path);
		config_t config;
		config_init(&config);
		ck_assert_msg(config_read_string(&config, text) == CONFIG_TRUE, "%s", text);
		char *written = NULL;
		size_t length = 0;
		FILE *memory = open_memstream(&written, &length);
		ck_assert_ptr_nonnull(memory);
		config_write(&config, memory);
		fclose(memory);
		ck_assert_str_eq(text, written);
		free(written);
		free(text);
		config_destroy(&config);
		if (step == 0)
			session_answer(session, 1);
		else
			session_skip(session);
	}
	ck_assert(progress_clear(path));
	session_free(session);
	quiz_free(quiz);
}
END_TEST

/* Once a version is flushed it is also named PATH.prev, while the person
 * reads: the next answer only replaces PATH (one rename, no moving aside
 * while the person waits), and the version before stays whole beside it
 * until the next flush. */
START_TEST(test_flushed_version_is_kept_before_the_next_answer)
{
	struct quiz *quiz = slyde();
	char path[512], previous[600];
	progress_paths("kept.cfg", path, previous);
	struct session *session = session_new(quiz, false, 0);
	struct progress_writer *writer = progress_writer_new(path, quiz);
	ck_assert_ptr_nonnull(writer);
	session_answer(session, 3);
	ck_assert(progress_writer_save(writer, session));
	ck_assert_int_eq(access(previous, F_OK), -1); /* not flushed yet */
	ck_assert(progress_writer_sync(writer));
	char *flushed = slurp(path), *kept = slurp(previous);
	ck_assert_str_eq(kept, flushed);
	free(flushed);
	free(kept);
	int renames = rename_calls;
	session_answer(session, 2);
	ck_assert(progress_writer_save(writer, session));
	ck_assert_int_eq(rename_calls, renames + 1);
	struct session *reader = session_new(quiz, false, 0);
	struct progress_info info;
	ck_assert_int_eq(progress_load(previous, reader, &info), PROGRESS_LOADED);
	ck_assert_int_eq(session_answer_of(reader, 0), 3);
	ck_assert_int_eq(session_answer_of(reader, 1), SESSION_UNANSWERED);
	session_free(reader);
	reader = session_new(quiz, false, 0);
	ck_assert_int_eq(progress_load(path, reader, &info), PROGRESS_LOADED);
	ck_assert_int_eq(session_answer_of(reader, 1), 2);
	progress_writer_free(writer);
	ck_assert(progress_clear(path));
	ck_assert_int_eq(access(previous, F_OK), -1);
	session_free(reader);
	session_free(session);
	quiz_free(quiz);
}
END_TEST

/* A power cut before the newest version reached the disk may tear it:
 * the version before, moved aside only once flushed, is read instead. */
START_TEST(test_torn_progress_falls_back_to_the_version_before)
{
	struct quiz *quiz = slyde();
	char path[512], previous[600];
	progress_paths("torn.cfg", path, previous);
	struct session *session = session_new(quiz, false, 0);
	struct progress_writer *writer = progress_writer_new(path, quiz);
	session_answer(session, 3);
	ck_assert(progress_writer_save(writer, session));
	ck_assert(progress_writer_sync(writer));
	session_answer(session, 2);
	ck_assert(progress_writer_save(writer, session));
	progress_writer_free(writer);
	tear(path);
	struct session *reader = session_new(quiz, false, 0);
	struct progress_info info;
	ck_assert_int_eq(progress_load(path, reader, &info), PROGRESS_LOADED);
	ck_assert_uint_eq(info.kept, 1);
	ck_assert_int_eq(session_answer_of(reader, 0), 3);
	ck_assert(progress_clear(path));
	ck_assert_int_eq(access(previous, F_OK), -1);
	ck_assert_int_eq(progress_load(path, reader, &info), PROGRESS_NONE);
	session_free(reader);
	session_free(session);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_progress_path_follows_xdg_state_home)
{
	setenv("XDG_STATE_HOME", "/state", 1);
	char *path = progress_path("slyde", "Ada Lovelace");
	ck_assert_msg(strncmp(path, "/state/careerfit/slyde-Ada-Lovelace-", 36) == 0, "%s", path);
	/* Names that clean up alike still get files of their own. */
	char *other = progress_path("slyde", "Ada/Lovelace");
	ck_assert_str_ne(path, other);
	free(other);
	free(path);
	setenv("XDG_STATE_HOME", "relative/is/ignored", 1);
	setenv("HOME", "/home/ada", 1);
	path = progress_path("slyde", "");
	ck_assert_str_eq(path, "/home/ada/.local/state/careerfit/slyde.cfg");
	free(path);
}
END_TEST

/* Quiz ids that begin alike keep files of their own, of a bounded length. */
START_TEST(test_long_quiz_ids_that_begin_alike_get_their_own_progress)
{
	setenv("XDG_STATE_HOME", "/state", 1);
	char id[201];
	memset(id, 'q', 199);
	id[199] = 'a';
	id[200] = '\0';
	char *first = progress_path(id, "Ada");
	id[199] = 'b';
	char *second = progress_path(id, "Ada");
	ck_assert_str_ne(first, second);
	ck_assert_uint_lt(strlen(strrchr(first, '/')), 100);
	free(first);
	free(second);
}
END_TEST

static void remove_folder(void)
{
	char command[600];
	snprintf(command, sizeof(command), "rm -rf '%s'", folder);
	if (system(command) != 0)
		fprintf(stderr, "could not remove %s\n", folder);
}

int main(void)
{
	if (!mkdtemp(folder)) {
		perror("mkdtemp");
		return EXIT_FAILURE;
	}
	Suite *suite = suite_create("results");
	TCase *files = tcase_create("files");
	tcase_add_test(files, test_saved_result_reads_back_the_same);
	tcase_add_test(files, test_quiz_hash_is_the_same_in_every_locale);
	tcase_add_test(files, test_same_name_same_second_never_overwrites);
	tcase_add_test(files, test_names_are_made_safe_for_file_names);
	tcase_add_test(files, test_broken_result_files_are_refused_with_a_reason);
	tcase_add_test(files, test_unwritable_folder_is_named);
	suite_add_tcase(suite, files);
	TCase *progress = tcase_create("progress");
	tcase_add_test(progress, test_progress_restores_answers_and_place);
	tcase_add_test(progress, test_progress_drops_answers_to_changed_questions);
	tcase_add_test(progress, test_progress_is_renamed_into_place_before_it_is_flushed);
	tcase_add_test(progress, test_progress_file_is_made_ahead_of_the_answer);
	tcase_add_test(progress, test_progress_never_writes_through_a_planted_next_file);
	tcase_add_test(progress, test_a_torn_file_never_replaces_the_version_before);
	tcase_add_test(progress, test_progress_folder_is_made_again_only_when_it_went);
	tcase_add_test(progress, test_progress_writer_hashes_the_quiz_once);
	tcase_add_test(progress, test_progress_file_is_what_libconfig_writes);
	tcase_add_test(progress, test_flushed_version_is_kept_before_the_next_answer);
	tcase_add_test(progress, test_torn_progress_falls_back_to_the_version_before);
	tcase_add_test(progress, test_progress_path_follows_xdg_state_home);
	tcase_add_test(progress, test_long_quiz_ids_that_begin_alike_get_their_own_progress);
	suite_add_tcase(suite, progress);
	int status = run_suite(suite);
	remove_folder();
	return status;
}
