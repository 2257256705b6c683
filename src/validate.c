#include "validate.h"

#include <stdio.h>
#include <stdlib.h>

#include "careerfit/quiz.h"
#include "careerfit/text.h"

static bool validate_file(const char *path, bool balance)
{
	(void)balance;
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(path, &diags);
	diag_print(&diags, stderr);
	diag_list_clear(&diags);
	if (!quiz)
		return false;
	char *shown = text_sanitize(path);
	printf("%s: ok: %zu scenario%s, %zu question%s, %zu roles\n", shown ? shown : path,
	       quiz->scenario_count, quiz->scenario_count == 1 ? "" : "s", quiz->question_count,
	       quiz->question_count == 1 ? "" : "s", quiz->role_count);
	free(shown);
	quiz_free(quiz);
	return true;
}

bool validate_files(char *const paths[], size_t count, bool balance)
{
	bool all_valid = true;
	for (size_t i = 0; i < count; i++)
		all_valid = validate_file(paths[i], balance) && all_valid;
	return all_valid;
}
