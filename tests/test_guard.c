/* The guard: every file careerfit hands to libconfig is read here first,
 * so that no file can end the process, block it or make libconfig open
 * something else. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "careerfit/guard.h"
#include "careerfit/progress.h"
#include "careerfit/quiz.h"
#include "careerfit/results.h"
#include "careerfit/session.h"

static char folder[] = "/tmp/careerfit-guard-XXXXXX";

static const char *path_of(const char *name)
{
	static char paths[4][4096];
	static unsigned next;
	char *path = paths[next++ % 4];
	snprintf(path, sizeof(paths[0]), "%s/%s", folder, name);
	return path;
}

static const char *write_text(const char *name, const char *text, size_t length)
{
	const char *path = path_of(name);
	FILE *file = fopen(path, "w");
	ck_assert_ptr_nonnull(file);
	ck_assert_uint_eq(fwrite(text, 1, length, file), length);
	ck_assert_int_eq(fclose(file), 0);
	return path;
}

#define WRITE(name, text) write_text((name), (text), sizeof(text) - 1)

/* Reads PATH as a quiz with includes and expects one error at LINE of
 * FILE saying PART. */
static void assert_refused(const char *path, const char *file, int line, const char *part)
{
	struct diag_list diags = {0};
	struct guard_text *text = guard_read(path, "quiz", true, folder, &diags);
	ck_assert_ptr_null(text);
	ck_assert_uint_eq(diags.count, 1);
	ck_assert_msg(strcmp(diags.items[0].file, file) == 0 && diags.items[0].line == line &&
			      strstr(diags.items[0].message, part),
		      "%s:%d: %s", diags.items[0].file, diags.items[0].line,
		      diags.items[0].message);
	diag_list_clear(&diags);
}

START_TEST(test_an_include_is_put_in_place_and_lines_map_back)
{
	WRITE("part.cfg", "b = 2;\nc = 3;\n");
	const char *top =
		WRITE("top.cfg", "a = 1;\n  @include \"part.cfg\"   # the part\nd = 4;\n");
	struct diag_list diags = {0};
	struct guard_text *text = guard_read(top, "quiz", true, folder, &diags);
	ck_assert_ptr_nonnull(text);
	config_t config;
	config_init(&config);
	ck_assert(guard_parse(text, &config, &diags));
	int value = 0;
	ck_assert(config_lookup_int(&config, "c", &value) && value == 3);
	const config_setting_t *d = config_lookup(&config, "d");
	const char *file;
	int line;
	guard_origin(text, (int)config_setting_source_line(d), &file, &line);
	ck_assert_str_eq(file, top);
	ck_assert_int_eq(line, 3);
	guard_origin(text, (int)config_setting_source_line(config_lookup(&config, "c")), &file,
		     &line);
	ck_assert_str_eq(file, path_of("part.cfg"));
	ck_assert_int_eq(line, 2);
	config_destroy(&config);
	guard_text_free(text);
	diag_list_clear(&diags);
}
END_TEST

/* libconfig would read "sc" here and open a different file than the one
 * a naive check looked at; careerfit does not guess. */
START_TEST(test_an_include_path_with_an_unknown_escape_is_refused)
{
	const char *top = WRITE("escape.cfg", "a = 1;\n@include \"sc\\x\"\n");
	assert_refused(top, top, 2, "backslash");
}
END_TEST

START_TEST(test_an_include_path_with_an_escaped_quote_reads_that_file)
{
	WRITE("odd\"name.cfg", "b = 2;\n");
	const char *top = WRITE("quote.cfg", "@include \"odd\\\"name.cfg\"\n");
	struct diag_list diags = {0};
	struct guard_text *text = guard_read(top, "quiz", true, folder, &diags);
	ck_assert_ptr_nonnull(text);
	guard_text_free(text);
}
END_TEST

START_TEST(test_a_nul_byte_is_refused_at_its_line)
{
	const char *top = write_text("nul.cfg", "a = 1;\n@include \"sc\0x\"\n", 22);
	assert_refused(top, top, 2, "NUL byte");
}
END_TEST

START_TEST(test_an_included_fifo_is_refused_without_waiting)
{
	ck_assert_int_eq(mkfifo(path_of("pipe.cfg"), 0600), 0);
	const char *top = WRITE("fifo.cfg", "a = 1;\n@include \"pipe.cfg\"\n");
	assert_refused(top, top, 2, "the included 'pipe.cfg' is not a file");
}
END_TEST

START_TEST(test_an_included_folder_is_refused)
{
	ck_assert_int_eq(mkdir(path_of("sub"), 0700), 0);
	const char *top = WRITE("folder.cfg", "@include \"sub\"\n");
	assert_refused(top, top, 1, "the included 'sub' is not a file");
}
END_TEST

/* stat() calls it a regular file, but reading it fails: libconfig 1.5
 * would end the process with "input in flex scanner failed". */
START_TEST(test_a_file_that_fails_to_read_is_an_error)
{
	assert_refused("/proc/self/mem", "/proc/self/mem", 0, "cannot read the quiz");
	const char *top = WRITE("mem.cfg", "@include \"/proc/self/mem\"\n");
	assert_refused(top, top, 1, "cannot read the included '/proc/self/mem'");
}
END_TEST

START_TEST(test_an_include_in_a_comment_or_string_is_refused)
{
	const char *top = WRITE("comment.cfg", "a = 1; /* a comment\n@include \"x.cfg\"\n*/\n");
	assert_refused(top, top, 2, "inside a string or a comment");
	top = WRITE("string.cfg", "a = \"a long\n  @include \"x.cfg\"\n\";\n");
	assert_refused(top, top, 2, "inside a string or a comment");
}
END_TEST

/* As libconfig reads it, what follows the path comes after the included
 * text; a second @include there is refused, since careerfit would turn
 * it into one that libconfig opens itself. */
START_TEST(test_text_after_an_include_follows_the_included_text)
{
	WRITE("item.cfg", "{ b = 2; }\n");
	const char *top =
		WRITE("after.cfg", "list = (\n  @include \"item.cfg\",\n  { b = 3; }\n);\n");
	struct diag_list diags = {0};
	struct guard_text *text = guard_read(top, "quiz", true, folder, &diags);
	ck_assert_ptr_nonnull(text);
	config_t config;
	config_init(&config);
	ck_assert(guard_parse(text, &config, &diags));
	ck_assert_int_eq(config_setting_length(config_lookup(&config, "list")), 2);
	config_destroy(&config);
	guard_text_free(text);
	top = WRITE("two.cfg", "@include \"item.cfg\" @include \"item.cfg\"\n");
	assert_refused(top, top, 1, "one @include to a line");
}
END_TEST

START_TEST(test_includes_nest_at_most_ten_deep)
{
	const char *top = WRITE("self.cfg", "@include \"self.cfg\"\n");
	struct diag_list diags = {0};
	ck_assert_ptr_null(guard_read(top, "quiz", true, folder, &diags));
	ck_assert_ptr_nonnull(strstr(diags.items[0].message, "nest more than 10 deep"));
	diag_list_clear(&diags);
}
END_TEST

/* libconfig's time grows with the square of one token's length. */
START_TEST(test_an_overlong_token_is_refused_at_its_line)
{
	size_t length = GUARD_MAX_TOKEN + 100;
	char *text = malloc(length + 32);
	strcpy(text, "a = 1;\nb = \"");
	size_t used = strlen(text);
	memset(text + used, 'x', length);
	strcpy(text + used + length, "\";\n");
	const char *top = write_text("long.cfg", text, strlen(text));
	assert_refused(top, top, 2, "longer than 256 KiB");
	free(text);
}
END_TEST

START_TEST(test_a_result_file_takes_no_include)
{
	const char *path = WRITE("result.cfg", "format = 1;\n@include \"/etc\"\n");
	char *error = NULL;
	ck_assert_ptr_null(results_read(path, &error));
	ck_assert_msg(strstr(error, ":2: not a careerfit result: a result file cannot include"),
		      "%s", error);
	free(error);
}
END_TEST

START_TEST(test_a_progress_file_that_is_a_fifo_is_unreadable_not_waited_on)
{
	const char *path = path_of("progress-pipe.cfg");
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(TEST_DATA_DIR "/unicode.cfg", &diags);
	ck_assert_ptr_nonnull(quiz);
	struct session *session = session_new(quiz, false, 1);
	struct progress_info info;
	ck_assert_int_eq(progress_load(path, session, &info), PROGRESS_UNREADABLE);
	session_free(session);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

/* "careerfit/NAME" falls back to the library folder only when the
 * quiz's folder has no such file, and is read through the same gate. */
START_TEST(test_a_careerfit_include_falls_back_to_the_library_folder)
{
	ck_assert_int_eq(mkdir(path_of("library"), 0700), 0);
	WRITE("library/part.cfg", "b = 2;\n");
	const char *top = WRITE("library-top.cfg", "a = 1;\n@include \"careerfit/part.cfg\"\n");
	struct diag_list diags = {0};
	struct guard_text *text = guard_read_quiz(top, folder, path_of("library"), &diags);
	ck_assert_ptr_nonnull(text);
	const char *file;
	int line;
	guard_origin(text, 2, &file, &line);
	ck_assert_str_eq(file, path_of("library/part.cfg"));
	ck_assert_int_eq(line, 1);
	guard_text_free(text);
	ck_assert_int_eq(mkfifo(path_of("library/pipe.cfg"), 0600), 0);
	top = WRITE("library-pipe.cfg", "@include \"careerfit/pipe.cfg\"\n");
	ck_assert_ptr_null(guard_read_quiz(top, folder, path_of("library"), &diags));
	ck_assert_uint_eq(diags.count, 1);
	ck_assert_ptr_nonnull(strstr(diags.items[0].message, "is not a file"));
	diag_list_clear(&diags);
}
END_TEST

/* The parsed text keeps where each line was written, so a syntax error is
 * quoted from the author's own file. */
START_TEST(test_a_syntax_error_quotes_the_included_files_line)
{
	WRITE("bad-part.cfg", "b = 2;\nc = 'x';\n");
	const char *top = WRITE("bad-top.cfg", "a = 1;\n@include \"bad-part.cfg\"\n");
	struct diag_list diags = {0};
	struct guard_text *text = guard_read(top, "quiz", true, folder, &diags);
	ck_assert_ptr_nonnull(text);
	config_t config;
	config_init(&config);
	ck_assert(!guard_parse(text, &config, &diags));
	ck_assert_str_eq(diags.items[0].file, path_of("bad-part.cfg"));
	ck_assert_int_eq(diags.items[0].line, 2);
	ck_assert_str_eq(diags.items[0].message, "syntax error: text is in single quotes");
	ck_assert_str_eq(diags.items[0].note, "    2 | c = 'x';\n"
					      "      |     ^\n"
					      "hint: write text in double quotes: \"like this\"\n");
	config_destroy(&config);
	guard_text_free(text);
	diag_list_clear(&diags);
}
END_TEST

int main(void)
{
	if (!mkdtemp(folder)) {
		perror("mkdtemp");
		return EXIT_FAILURE;
	}
	Suite *suite = suite_create("guard");
	TCase *tc = tcase_create("guard");
	tcase_add_test(tc, test_an_include_is_put_in_place_and_lines_map_back);
	tcase_add_test(tc, test_an_include_path_with_an_unknown_escape_is_refused);
	tcase_add_test(tc, test_an_include_path_with_an_escaped_quote_reads_that_file);
	tcase_add_test(tc, test_a_nul_byte_is_refused_at_its_line);
	tcase_add_test(tc, test_an_included_fifo_is_refused_without_waiting);
	tcase_add_test(tc, test_an_included_folder_is_refused);
	tcase_add_test(tc, test_a_file_that_fails_to_read_is_an_error);
	tcase_add_test(tc, test_an_include_in_a_comment_or_string_is_refused);
	tcase_add_test(tc, test_text_after_an_include_follows_the_included_text);
	tcase_add_test(tc, test_includes_nest_at_most_ten_deep);
	tcase_add_test(tc, test_an_overlong_token_is_refused_at_its_line);
	tcase_add_test(tc, test_a_result_file_takes_no_include);
	tcase_add_test(tc, test_a_progress_file_that_is_a_fifo_is_unreadable_not_waited_on);
	tcase_add_test(tc, test_a_careerfit_include_falls_back_to_the_library_folder);
	tcase_add_test(tc, test_a_syntax_error_quotes_the_included_files_line);
	suite_add_tcase(suite, tc);
	SRunner *runner = srunner_create(suite);
	srunner_run_all(runner, CK_NORMAL);
	int failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	char command[128];
	snprintf(command, sizeof(command), "rm -rf '%s'", folder);
	if (system(command) != 0)
		fprintf(stderr, "could not remove %s\n", folder);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
