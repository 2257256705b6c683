#include "validate.h"

#include <stdio.h>
#include <stdlib.h>

#include "careerfit/balance.h"
#include "careerfit/i18n.h"
#include "careerfit/quiz.h"
#include "careerfit/text.h"
#include "folders.h"

/* TEXT padded with spaces to COLUMNS columns, on the left (RIGHT) or the
 * right: a translated heading or word may hold letters of several bytes. */
static void print_cell(const char *text, size_t columns, bool right)
{
	size_t width = text_width(text), pad = width < columns ? columns - width : 0;
	if (right)
		printf("%*s%s", (int)pad, "", text);
	else
		printf("%s%*s", text, (int)pad, "");
}

static void print_balance(const struct quiz *quiz, const struct balance_report *report)
{
	/* As wide as the longest role name, so that the figures line up
	 * ("Product Marketing Manager (responsable marketing produit)"). */
	size_t role_width = 28;
	for (size_t r = 0; r < quiz->role_count; r++) {
		char *name = text_sanitize(quiz->roles[r].name);
		size_t width = name ? text_width(name) : 0;
		width = width < 80 ? width : 80;
		role_width = width > role_width ? width : role_width;
		free(name);
	}
	printf("  ");
	printf(P_("balance over %zu random answer set (seed %d):",
		  "balance over %zu random answer sets (seed %d):", report->samples),
	       report->samples, BALANCE_SEED);
	printf("\n    ");
	/* TRANSLATORS: the headings of validate --balance's table: a role
	 * can be the only top role ("sole top": yes or no), how often it is
	 * a top role, how often the only one, and its highest affinity. The
	 * widths are 28 (or the longest role name), 9, 9, 10 and 14 columns. */
	print_cell(_("role"), role_width, false);
	printf(" ");
	print_cell(_("sole top"), 9, false);
	printf(" ");
	print_cell(_("top share"), 9, true);
	printf(" ");
	print_cell(_("sole share"), 10, true);
	printf(" ");
	print_cell(_("best affinity"), 14, true);
	printf("\n");
	for (size_t r = 0; r < report->role_count; r++) {
		const struct balance_role *figures = &report->roles[r];
		char *name = text_sanitize(quiz->roles[r].name);
		printf("    ");
		print_cell(name ? name : "", role_width, false);
		printf(" ");
		/* TRANSLATORS: whether a role can be the sole top; 9 columns. */
		print_cell(figures->can_be_sole_top ? _("yes") : _("no"), 9, false);
		printf(" %8.1f%% %9.1f%% ", 100 * figures->top_share,
		       100 * figures->sole_top_share);
		if (figures->best_affinity >= 0)
			printf("%14.1f\n", figures->best_affinity);
		else {
			/* TRANSLATORS: in place of a figure that cannot be worked
			 * out; at most 14 columns. */
			print_cell(_("n/a"), 14, true);
			printf("\n");
		}
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
		quiz && balance &&
		balance_compute(quiz, balance_samples(quiz->question_count), BALANCE_SEED, &report);
	if (computed)
		balance_warn(quiz, &report, &diags);
	diag_print(&diags, stderr);
	diag_list_clear(&diags);
	if (!quiz) {
		free(resolved);
		return false;
	}
	char *shown = text_sanitize(path);
	/* One count each, so that each takes its own plural form. */
	char scenarios[64], questions[64], roles[64];
	snprintf(scenarios, sizeof(scenarios),
		 P_("%zu scenario", "%zu scenarios", quiz->scenario_count), quiz->scenario_count);
	snprintf(questions, sizeof(questions),
		 P_("%zu question", "%zu questions", quiz->question_count), quiz->question_count);
	snprintf(roles, sizeof(roles), P_("%zu role", "%zu roles", quiz->role_count),
		 quiz->role_count);
	/* TRANSLATORS: a quiz file that loads. %1$s is its path, then how
	 * many scenarios, questions and roles it has ("2 scenarios"). */
	printf(_("%1$s: ok: %2$s, %3$s, %4$s\n"), shown ? shown : path, scenarios, questions,
	       roles);
	free(shown);
	if (computed)
		print_balance(quiz, &report);
	else if (balance)
		fprintf(stderr, "careerfit: %s\n", _("out of memory for the balance figures"));
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
