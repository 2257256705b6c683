/* Shared by the unit suites: a quiz written inline in the test, loaded
 * through the real loader from a temporary file. */
#ifndef CAREERFIT_TEST_HELPERS_H
#define CAREERFIT_TEST_HELPERS_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "careerfit/quiz.h"

static inline struct quiz *quiz_from_text(const char *text)
{
	char path[] = "/tmp/careerfit-test-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *file = fdopen(fd, "w");
	ck_assert_ptr_nonnull(file);
	fputs(text, file);
	fclose(file);
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(path, &diags);
	if (!quiz)
		diag_print(&diags, stderr);
	diag_list_clear(&diags);
	unlink(path);
	ck_assert_ptr_nonnull(quiz);
	return quiz;
}

/* Runs one suite; the exit status is what meson's test() reads. */
static inline int run_suite(Suite *suite)
{
	SRunner *runner = srunner_create(suite);
	srunner_run_all(runner, CK_NORMAL);
	int failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
