#include "validate.h"

#include <stdio.h>
#include <stdlib.h>

#include "careerfit/balance.h"
#include "careerfit/quiz.h"
#include "careerfit/text.h"
#include "folders.h"

static void print_balance(const struct quiz *quiz, const struct balance_report *report)
{
	printf("  balance over %zu random answer sets (seed %d):\n", report->samples, BALANCE_SEED);
	printf("    %-28s %-9s %9s %10s %14s\n", "role", "sole top", "top share", "sole share",
	       "best affinity");
	for (size_t r = 0; r < report->role_count; r++) {
		const struct balance_role *figures = &report->roles[r];
		char *name = text_sanitize(quiz->roles[r].name);
		size_t width = name ? text_width(name) : 0;
		printf("    %s%*s %-9s %8.1f%% %9.1f%% ", name ? name : "",
		       (int)(width < 28 ? 28 - width : 0), "",
		       figures->can_be_sole_top ? "yes" : "no", 100 * figures->top_share,
		       100 * figures->sole_top_share);
		if (figures->best_affinity >= 0)
			printf("%14.1f\n", figures->best_affinity);
		else
			printf("%14s\n", "n/a");
		free(name);
	}
}

static bool validate_file(const char *path, bool balance)
{
	struct diag_list diags = {0};
	char *resolved = folders_resolve_quiz(path);
	if (!resolved)
		return false;
	path = resolved;
	struct quiz *quiz = quiz_load(path, &diags);
	struct balance_report report = {0};
	bool computed =
		quiz && balance && balance_compute(quiz, BALANCE_SAMPLES, BALANCE_SEED, &report);
	if (computed)
		balance_warn(quiz, &report, &diags);
	diag_print(&diags, stderr);
	diag_list_clear(&diags);
	if (!quiz) {
		free(resolved);
		return false;
	}
	char *shown = text_sanitize(path);
	printf("%s: ok: %zu scenario%s, %zu question%s, %zu roles\n", shown ? shown : path,
	       quiz->scenario_count, quiz->scenario_count == 1 ? "" : "s", quiz->question_count,
	       quiz->question_count == 1 ? "" : "s", quiz->role_count);
	free(shown);
	if (computed)
		print_balance(quiz, &report);
	else if (balance)
		fputs("careerfit: out of memory for the balance figures\n", stderr);
	balance_report_clear(&report);
	quiz_free(quiz);
	free(resolved);
	return true;
}

bool validate_files(char *const paths[], size_t count, bool balance)
{
	bool all_valid = true;
	for (size_t i = 0; i < count; i++)
		all_valid = validate_file(paths[i], balance) && all_valid;
	return all_valid;
}
