/* Balance: the bundled quizzes are fair to every role, and the figures of
 * `validate --balance` agree with a direct computation. */
#include <check.h>
#include <stdio.h>

#include "careerfit/balance.h"
#include "careerfit/random.h"
#include "careerfit/score.h"
#include "helpers.h"

/* Loads FOLDER/NAME; a bundled quiz must load without a warning. */
static struct quiz *load_from(const char *folder, const char *name, bool clean)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", folder, name);
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_msg(quiz, "%s does not load", path);
	if (clean)
		ck_assert_uint_eq(diags.count, 0);
	diag_list_clear(&diags);
	return quiz;
}

static struct quiz *load_bundled(const char *name)
{
	return load_from(QUIZ_DIR, name, true);
}

static const char *const bundled[] = {"product-roles.cfg", "slyde.cfg", "quick.cfg"};

START_TEST(test_bundled_quiz_gives_every_role_a_fair_share)
{
	struct quiz *quiz = load_bundled(bundled[_i]);
	struct balance_report report;
	ck_assert(balance_compute(quiz, BALANCE_SAMPLES, BALANCE_SEED, &report));
	for (size_t r = 0; r < quiz->role_count; r++) {
		ck_assert_msg(report.roles[r].can_be_sole_top, "%s: %s never alone on top",
			      bundled[_i], quiz->roles[r].id);
		ck_assert_msg(report.roles[r].top_share >= 0.20 &&
				      report.roles[r].top_share <= 0.30,
			      "%s: %s is top in %.3f", bundled[_i], quiz->roles[r].id,
			      report.roles[r].top_share);
		ck_assert_double_eq_tol(report.roles[r].best_affinity, 100, 1e-9);
	}
	struct diag_list diags = {0};
	balance_warn(quiz, &report, &diags);
	ck_assert_uint_eq(diags.count, 0);
	diag_list_clear(&diags);
	balance_report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* Every answer set of quick.cfg (4^8 of them), scored by score_compute:
 * the exact shares the Monte Carlo estimates. */
START_TEST(test_monte_carlo_agrees_with_exact_enumeration)
{
	struct quiz *quiz = load_bundled("quick.cfg");
	size_t n = quiz->question_count, total = 1;
	for (size_t q = 0; q < n; q++)
		total *= quiz->questions[q].option_count;
	double exact[QUIZ_MAX_ROLES] = {0};
	int answers[64];
	for (size_t set = 0; set < total; set++) {
		for (size_t q = 0, rest = set; q < n; q++) {
			answers[q] = (int)(rest % quiz->questions[q].option_count);
			rest /= quiz->questions[q].option_count;
		}
		struct score_result result;
		ck_assert(score_compute(quiz, answers, &result));
		for (size_t i = 0; i < result.top_count; i++)
			exact[result.ranking[i]] += 1.0 / (double)total;
		score_result_clear(&result);
	}
	struct balance_report report;
	ck_assert(balance_compute(quiz, BALANCE_SAMPLES, BALANCE_SEED, &report));
	/* 20,000 samples: a standard error near 0.3 points; allow 1.5. */
	for (size_t r = 0; r < quiz->role_count; r++)
		ck_assert_double_eq_tol(report.roles[r].top_share, exact[r], 0.015);
	balance_report_clear(&report);
	quiz_free(quiz);
}
END_TEST

static struct quiz *load_data(const char *name)
{
	return load_from(TEST_DATA_DIR "/balance", name, false);
}

/* Computes the balance of a quiz and the warnings it gives. */
static struct quiz *warnings_of(const char *name, struct balance_report *report,
				struct diag_list *diags)
{
	struct quiz *quiz = load_data(name);
	ck_assert(balance_compute(quiz, BALANCE_SAMPLES, BALANCE_SEED, report));
	*diags = (struct diag_list){0};
	balance_warn(quiz, report, diags);
	for (size_t i = 0; i < diags->count; i++)
		ck_assert_int_gt(diags->items[i].line, 0);
	return quiz;
}

static bool has_warning(const struct diag_list *diags, const char *needle)
{
	for (size_t i = 0; i < diags->count; i++)
		if (diags->items[i].severity == DIAG_WARNING &&
		    strstr(diags->items[i].message, needle))
			return true;
	return false;
}

START_TEST(test_favoured_and_starved_roles_are_named)
{
	struct balance_report report;
	struct diag_list diags;
	struct quiz *quiz = warnings_of("lopsided.cfg", &report, &diags);
	ck_assert(has_warning(&diags, "role 'a' is favoured"));
	ck_assert(has_warning(&diags, "role 'f' is starved"));
	ck_assert(!has_warning(&diags, "role 'c'"));
	ck_assert_double_lt(report.roles[5].top_share, 0.10);
	ck_assert(report.roles[5].can_be_sole_top);
	diag_list_clear(&diags);
	balance_report_clear(&report);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_role_that_can_only_tie_is_never_sole_top)
{
	struct balance_report report;
	struct diag_list diags;
	struct quiz *quiz = warnings_of("twins.cfg", &report, &diags);
	ck_assert(report.roles[0].can_be_sole_top);
	ck_assert(!report.roles[1].can_be_sole_top);
	ck_assert(!report.roles[2].can_be_sole_top);
	ck_assert(has_warning(&diags, "role 'twin' can never be the sole top result"));
	ck_assert(has_warning(&diags, "question 'q2' does not tell the roles apart"));
	ck_assert(!has_warning(&diags, "question 'q1'"));
	diag_list_clear(&diags);
	balance_report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* A role no option scores has no share to take: the fair share is
 * counted among the roles that can score. */
START_TEST(test_unscored_role_does_not_make_the_others_favoured)
{
	struct quiz *quiz = quiz_from_text(
		"id = \"t\"; title = \"T\";\n"
		"roles = ( { id = \"a\"; name = \"A\"; }, { id = \"b\"; name = \"B\"; },\n"
		"  { id = \"c\"; name = \"C\"; } );\n"
		"scenarios = ( { id = \"s\"; title = \"S\"; questions = (\n"
		"  { id = \"q1\"; prompt = \"P\"; options = ( { text = \"x\"; scores = { a = 2; }; "
		"},\n"
		"    { text = \"y\"; scores = { b = 2; }; } ); },\n"
		"  { id = \"q2\"; prompt = \"P\"; options = ( { text = \"x\"; scores = { a = 1; }; "
		"},\n"
		"    { text = \"y\"; scores = { b = 1; }; } ); } ); } );\n");
	struct balance_report report;
	ck_assert(balance_compute(quiz, BALANCE_SAMPLES, BALANCE_SEED, &report));
	struct diag_list diags = {0};
	balance_warn(quiz, &report, &diags);
	ck_assert(!has_warning(&diags, "favoured"));
	ck_assert(!has_warning(&diags, "starved"));
	diag_list_clear(&diags);
	balance_report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* Role s is scored only by the first of nine options in each of twenty
 * questions, which give a and b a point each otherwise; one more question
 * gives a point to a or to b. With n of its twenty, s reaches 100 n / 20
 * against 100 (21 - n) / 21 for the better of a and b, so it is the sole
 * top only from n = 11 on: about 1 random answer set in 490,000. The
 * search must find such a set all the same. With TWIN, role t is scored
 * exactly as s, so neither can ever be the sole top. */
#define STARVED_QUESTIONS 20

static struct quiz *starved_quiz(bool twin)
{
	static char text[16384];
	size_t used = (size_t)snprintf(
		text, sizeof(text),
		"id = \"t\"; title = \"T\";\n"
		"roles = ( { id = \"a\"; name = \"A\"; }, { id = \"b\"; name = \"B\"; },\n"
		"  { id = \"s\"; name = \"S\"; }%s );\n"
		"scenarios = ( { id = \"s\"; title = \"S\"; questions = (\n"
		"  { id = \"z\"; prompt = \"P\"; options = ( { text = \"x\"; scores = { a = 1; }; "
		"},\n    { text = \"y\"; scores = { b = 1; }; } ); }",
		twin ? ", { id = \"t\"; name = \"T\"; }" : "");
	for (int q = 0; q < STARVED_QUESTIONS; q++) {
		used += (size_t)snprintf(text + used, sizeof(text) - used,
					 ",\n  { id = \"q%d\"; prompt = \"P\"; options = (\n"
					 "    { text = \"o0\"; scores = { s = 1; %s }; }",
					 q, twin ? "t = 1;" : "");
		for (int o = 1; o < 9; o++)
			used += (size_t)snprintf(
				text + used, sizeof(text) - used,
				", { text = \"o%d\"; scores = { a = 1; b = 1; }; }", o);
		used += (size_t)snprintf(text + used, sizeof(text) - used, " ); }");
	}
	snprintf(text + used, sizeof(text) - used, " ); } );\n");
	ck_assert_uint_lt(used, sizeof(text) - 16);
	return quiz_from_text(text);
}

START_TEST(test_starved_role_found_by_the_search_can_be_sole_top)
{
	struct quiz *quiz = starved_quiz(false);
	struct balance_report report;
	ck_assert(balance_compute(quiz, BALANCE_SAMPLES, BALANCE_SEED, &report));
	/* No random answer set made s the sole top: only the search did. */
	ck_assert_double_eq(report.roles[2].sole_top_share, 0);
	ck_assert(report.roles[2].can_be_sole_top);
	ck_assert_double_eq_tol(report.roles[2].best_affinity, 100, 1e-9);
	for (size_t r = 0; r < 2; r++)
		ck_assert(report.roles[r].can_be_sole_top);
	struct diag_list diags = {0};
	balance_warn(quiz, &report, &diags);
	ck_assert(has_warning(&diags, "role 's' is starved"));
	ck_assert(!has_warning(&diags, "can never be the sole top"));
	diag_list_clear(&diags);
	balance_report_clear(&report);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_starved_role_that_can_only_tie_is_never_sole_top)
{
	struct quiz *quiz = starved_quiz(true);
	struct balance_report report;
	ck_assert(balance_compute(quiz, BALANCE_SAMPLES, BALANCE_SEED, &report));
	ck_assert(report.roles[0].can_be_sole_top);
	ck_assert(report.roles[1].can_be_sole_top);
	ck_assert(!report.roles[2].can_be_sole_top);
	ck_assert(!report.roles[3].can_be_sole_top);
	ck_assert_double_eq_tol(report.roles[2].best_affinity, 100, 1e-9);
	balance_report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* With no random answer sets at all, every verdict comes from the search
 * alone, and it gives the same ones. */
START_TEST(test_search_alone_finds_every_reachable_role)
{
	struct balance_report report;
	struct diag_list diags;
	struct quiz *quiz = warnings_of("twins.cfg", &report, &diags);
	struct balance_report searched;
	ck_assert(balance_compute(quiz, 0, BALANCE_SEED, &searched));
	for (size_t r = 0; r < quiz->role_count; r++) {
		ck_assert_int_eq(searched.roles[r].can_be_sole_top,
				 report.roles[r].can_be_sole_top);
		ck_assert_double_eq(searched.roles[r].best_affinity, report.roles[r].best_affinity);
	}
	balance_report_clear(&searched);
	quiz_free(quiz);
	quiz = starved_quiz(false);
	ck_assert(balance_compute(quiz, 0, BALANCE_SEED, &searched));
	for (size_t r = 0; r < quiz->role_count; r++)
		ck_assert(searched.roles[r].can_be_sole_top);
	balance_report_clear(&searched);
	quiz_free(quiz);
	/* a's best answer ties with b: the search must move off it to find
	 * the set where a leads; b can never lead. */
	quiz = quiz_from_text(
		"id = \"t\"; title = \"T\";\n"
		"roles = ( { id = \"a\"; name = \"A\"; }, { id = \"b\"; name = \"B\"; } );\n"
		"scenarios = ( { id = \"s\"; title = \"S\"; questions = (\n"
		"  { id = \"q1\"; prompt = \"P\"; options = ( { text = \"x\"; scores = { a = 1; b "
		"= "
		"1; }; },\n"
		"    { text = \"y\"; scores = { a = 1; }; }, { text = \"z\"; } ); } ); } );\n");
	ck_assert(balance_compute(quiz, 0, BALANCE_SEED, &searched));
	ck_assert(searched.roles[0].can_be_sole_top);
	ck_assert(!searched.roles[1].can_be_sole_top);
	balance_report_clear(&searched);
	diag_list_clear(&diags);
	balance_report_clear(&report);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_same_seed_gives_the_same_figures)
{
	struct quiz *quiz = load_bundled("slyde.cfg");
	struct balance_report first, again;
	ck_assert(balance_compute(quiz, 5000, 7, &first));
	ck_assert(balance_compute(quiz, 5000, 7, &again));
	for (size_t r = 0; r < quiz->role_count; r++)
		ck_assert_double_eq(first.roles[r].top_share, again.roles[r].top_share);
	balance_report_clear(&first);
	balance_report_clear(&again);
	quiz_free(quiz);
}
END_TEST

/* The shares balance reports are those of the result's own scorer: the
 * same answer sets, drawn one answer per question from the seed, scored
 * by score_affinities() and tallied here, give the same counts exactly. */
START_TEST(test_shares_are_the_scorers_own)
{
	struct quiz *quiz = load_bundled("product-roles.cfg");
	size_t samples = 3000, roles = quiz->role_count;
	struct balance_report report;
	ck_assert(balance_compute(quiz, samples, 11, &report));
	struct score_bounds bounds;
	ck_assert(score_bounds_init(&bounds, quiz, NULL));
	int answers[64];
	double raw[8], affinity[8], tops[8] = {0};
	ck_assert_uint_le(quiz->question_count, 64);
	ck_assert_uint_le(roles, 8);
	uint64_t state = 11;
	for (size_t s = 0; s < samples; s++) {
		for (size_t q = 0; q < quiz->question_count; q++)
			answers[q] = (int)(random_next(&state) % quiz->questions[q].option_count);
		score_affinities(&bounds, answers, raw, affinity);
		double best = -1;
		for (size_t r = 0; r < roles; r++)
			best = affinity[r] > best ? affinity[r] : best;
		for (size_t r = 0; r < roles; r++)
			tops[r] += best - affinity[r] <= SCORE_TIE_MARGIN;
	}
	for (size_t r = 0; r < roles; r++)
		ck_assert_double_eq(report.roles[r].top_share, tops[r] / (double)samples);
	score_bounds_clear(&bounds);
	balance_report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* An author's quiz of any size gets its balance in seconds: past
 * BALANCE_DRAWS answers the sets are fewer, but never so few that a share
 * is vague. */
START_TEST(test_large_quizzes_draw_fewer_sets)
{
	ck_assert_uint_eq(balance_samples(0), BALANCE_SAMPLES);
	ck_assert_uint_eq(balance_samples(35), BALANCE_SAMPLES);
	ck_assert_uint_eq(balance_samples(BALANCE_DRAWS / BALANCE_SAMPLES), BALANCE_SAMPLES);
	ck_assert_uint_eq(balance_samples(50000), 8000);
	ck_assert_uint_eq(balance_samples(100000), BALANCE_MIN_SAMPLES);
	ck_assert_uint_eq(balance_samples(10000000), BALANCE_MIN_SAMPLES);
}
END_TEST

int main(void)
{
	Suite *suite = suite_create("balance");
	TCase *bundled_case = tcase_create("bundled");
	tcase_set_timeout(bundled_case, 60);
	tcase_add_loop_test(bundled_case, test_bundled_quiz_gives_every_role_a_fair_share, 0,
			    (int)(sizeof(bundled) / sizeof(bundled[0])));
	tcase_add_test(bundled_case, test_monte_carlo_agrees_with_exact_enumeration);
	suite_add_tcase(suite, bundled_case);
	TCase *warnings = tcase_create("warnings");
	tcase_add_test(warnings, test_favoured_and_starved_roles_are_named);
	tcase_add_test(warnings, test_role_that_can_only_tie_is_never_sole_top);
	tcase_add_test(warnings, test_same_seed_gives_the_same_figures);
	tcase_add_test(warnings, test_shares_are_the_scorers_own);
	tcase_add_test(warnings, test_large_quizzes_draw_fewer_sets);
	tcase_add_test(warnings, test_unscored_role_does_not_make_the_others_favoured);
	tcase_add_test(warnings, test_starved_role_found_by_the_search_can_be_sole_top);
	tcase_add_test(warnings, test_starved_role_that_can_only_tie_is_never_sole_top);
	tcase_add_test(warnings, test_search_alone_finds_every_reachable_role);
	suite_add_tcase(suite, warnings);
	return run_suite(suite);
}
