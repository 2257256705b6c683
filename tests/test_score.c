/* Scoring: the formula of docs/scoring.md, checked with numbers worked out
 * by hand. */
#include <check.h>
#include <stdio.h>

#include "careerfit/score.h"
#include "helpers.h"

/* Two roles, three questions. q2 has weight 2 and a negative score. */
static const char two_roles[] =
	"id = \"t\"; title = \"T\"; shuffle = false;\n"
	"roles = ( { id = \"a\"; name = \"Alpha\"; }, { id = \"b\"; name = \"Beta\"; } );\n"
	"scenarios = ( { id = \"s\"; title = \"S\"; questions = (\n"
	"  { id = \"q1\"; prompt = \"P1\"; options = (\n"
	"    { text = \"x\"; scores = { a = 3; }; },\n"
	"    { text = \"y\"; scores = { b = 3; }; } ); },\n"
	"  { id = \"q2\"; prompt = \"P2\"; weight = 2; options = (\n"
	"    { text = \"x\"; scores = { a = 2; b = -1; }; },\n"
	"    { text = \"y\"; scores = { b = 1; }; },\n"
	"    { text = \"z\"; scores = { a = -2; b = 2; }; } ); },\n"
	"  { id = \"q3\"; prompt = \"P3\"; options = (\n"
	"    { text = \"x\"; scores = { a = 1; b = 1; }; },\n"
	"    { text = \"y\"; scores = { b = 2; }; } ); }\n"
	"); } );\n";

static void compute(const struct quiz *quiz, const int *answers, struct score_result *result)
{
	ck_assert(score_compute(quiz, answers, result));
}

START_TEST(test_affinity_follows_the_formula)
{
	struct quiz *quiz = quiz_from_text(two_roles);
	int answers[] = {0, 1, 0};
	struct score_result result;
	compute(quiz, answers, &result);
	/* Alpha: raw 3 + 2*0 + 1 = 4; max 3 + 2*2 + 1 = 8; min 0 - 4 + 0 = -4. */
	ck_assert_double_eq_tol(result.roles[0].raw, 4, 1e-9);
	ck_assert_double_eq_tol(result.roles[0].max, 8, 1e-9);
	ck_assert_double_eq_tol(result.roles[0].min, -4, 1e-9);
	ck_assert_double_eq_tol(result.roles[0].affinity, 100.0 * 8 / 12, 1e-9);
	/* Beta: raw 0 + 2 + 1 = 3; max 3 + 4 + 2 = 9; min 0 - 2 + 1 = -1. */
	ck_assert_double_eq_tol(result.roles[1].affinity, 100.0 * 4 / 10, 1e-9);
	ck_assert_uint_eq(result.top_count, 1);
	ck_assert_uint_eq(result.ranking[0], 0);
	score_result_clear(&result);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_skipped_question_counts_nowhere)
{
	struct quiz *quiz = quiz_from_text(two_roles);
	int answers[] = {0, -2, 1};
	struct score_result result;
	compute(quiz, answers, &result);
	/* Alpha over q1 and q3: raw 3 + 0, max 4, min 0. */
	ck_assert_double_eq_tol(result.roles[0].affinity, 75, 1e-9);
	/* Beta: raw 0 + 2 = 2, max 3 + 2 = 5, min 0 + 1 = 1. */
	ck_assert_double_eq_tol(result.roles[1].affinity, 25, 1e-9);
	ck_assert_uint_eq(result.answered, 2);
	ck_assert_uint_eq(result.skipped, 1);
	score_result_clear(&result);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_weight_multiplies_a_question)
{
	struct quiz *quiz = quiz_from_text(two_roles);
	int answers[] = {-2, 2, -2};
	struct score_result result;
	compute(quiz, answers, &result);
	/* Only q2 (weight 2), option z: Alpha -4 of [-4, 4], Beta 4 of [-2, 4]. */
	ck_assert_double_eq_tol(result.roles[0].raw, -4, 1e-9);
	ck_assert_double_eq_tol(result.roles[0].affinity, 0, 1e-9);
	ck_assert_double_eq_tol(result.roles[1].raw, 4, 1e-9);
	ck_assert_double_eq_tol(result.roles[1].affinity, 100, 1e-9);
	score_result_clear(&result);
	quiz_free(quiz);
}
END_TEST

/* Alpha reaches 100; Beta falls short of 100 by what q2's option y could
 * have added, a tiny amount set by the test. */
static struct quiz *near_tie_quiz(const char *beta_extra)
{
	char text[1024];
	snprintf(
		text, sizeof(text),
		"id = \"t\"; title = \"T\";\n"
		"roles = ( { id = \"a\"; name = \"Alpha\"; }, { id = \"b\"; name = \"Beta\"; } );\n"
		"scenarios = ( { id = \"s\"; title = \"S\"; questions = (\n"
		"  { id = \"q1\"; prompt = \"P\"; options = (\n"
		"    { text = \"x\"; scores = { a = 1; b = 1; }; },\n"
		"    { text = \"y\"; scores = { a = 0; }; } ); },\n"
		"  { id = \"q2\"; prompt = \"P\"; options = (\n"
		"    { text = \"x\"; scores = { a = 0; }; },\n"
		"    { text = \"y\"; scores = { b = %s; }; } ); } ); } );\n",
		beta_extra);
	return quiz_from_text(text);
}

START_TEST(test_hybrid_needs_affinities_within_a_hundredth)
{
	int answers[] = {0, 0};
	struct score_result result;
	struct quiz *close = near_tie_quiz("0.0001"); /* Beta 99.990 */
	compute(close, answers, &result);
	ck_assert_uint_eq(result.top_count, 2);
	score_result_clear(&result);
	quiz_free(close);
	struct quiz *apart = near_tie_quiz("0.0003"); /* Beta 99.970 */
	compute(apart, answers, &result);
	ck_assert_uint_eq(result.top_count, 1);
	ck_assert_uint_eq(result.ranking[0], 0);
	score_result_clear(&result);
	quiz_free(apart);
}
END_TEST

START_TEST(test_roles_within_a_hundredth_share_the_top)
{
	struct quiz *quiz = quiz_from_text(
		"id = \"t\"; title = \"T\";\n"
		"roles = ( { id = \"a\"; name = \"Alpha\"; }, { id = \"b\"; name = \"Beta\"; },\n"
		"          { id = \"c\"; name = \"Gamma\"; } );\n"
		"scenarios = ( { id = \"s\"; title = \"S\"; questions = (\n"
		"  { id = \"q1\"; prompt = \"P\"; options = (\n"
		"    { text = \"x\"; scores = { a = 2; b = 2; }; },\n"
		"    { text = \"y\"; scores = { c = 2; }; } ); } ); } );\n");
	int answers[] = {0};
	struct score_result result;
	compute(quiz, answers, &result);
	ck_assert_uint_eq(result.top_count, 2);
	ck_assert_uint_eq(result.ranking[0], 0);
	ck_assert_uint_eq(result.ranking[1], 1);
	ck_assert_uint_eq(result.ranking[2], 2);
	score_result_clear(&result);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_role_no_question_can_move_is_undefined_and_last)
{
	/* q1 is the only question answered and scores only b. */
	struct quiz *quiz = quiz_from_text(two_roles);
	int answers[] = {-2, -2, -2};
	struct score_result result;
	compute(quiz, answers, &result);
	ck_assert(!result.roles[0].defined);
	ck_assert(!result.roles[1].defined);
	ck_assert_uint_eq(result.top_count, 0);
	ck_assert_uint_eq(result.answered, 0);
	score_result_clear(&result);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_undefined_role_ranks_after_defined_ones)
{
	struct quiz *quiz = quiz_from_text(
		"id = \"t\"; title = \"T\";\n"
		"roles = ( { id = \"a\"; name = \"Alpha\"; }, { id = \"b\"; name = \"Beta\"; } );\n"
		"scenarios = ( { id = \"s\"; title = \"S\"; questions = (\n"
		"  { id = \"q1\"; prompt = \"P\"; options = (\n"
		"    { text = \"x\"; scores = { b = 1; }; },\n"
		"    { text = \"y\"; scores = { b = 0; }; } ); },\n"
		"  { id = \"q2\"; prompt = \"P\"; options = (\n"
		"    { text = \"x\"; scores = { a = 1; }; },\n"
		"    { text = \"y\"; scores = { a = 0; }; } ); } ); } );\n");
	int answers[] = {1, -2};
	struct score_result result;
	compute(quiz, answers, &result);
	ck_assert(!result.roles[0].defined);
	ck_assert(result.roles[1].defined);
	ck_assert_double_eq_tol(result.roles[1].affinity, 0, 1e-9);
	ck_assert_uint_eq(result.ranking[0], 1);
	ck_assert_uint_eq(result.top_count, 1);
	score_result_clear(&result);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_reasons_name_the_strongest_answers_first)
{
	struct quiz *quiz = quiz_from_text(two_roles);
	int answers[] = {0, 0, 0};
	struct score_reason reasons[3];
	/* Toward Alpha: q1 pushes 3, q2 pushes 2*2 = 4, q3 pushes 1. */
	size_t count = score_reasons(quiz, answers, 0, reasons, 3);
	ck_assert_uint_eq(count, 3);
	ck_assert_uint_eq(reasons[0].question, 1);
	ck_assert_double_eq_tol(reasons[0].push, 4, 1e-9);
	ck_assert_uint_eq(reasons[1].question, 0);
	ck_assert_uint_eq(reasons[2].question, 2);
	/* At most MAX, and only answers that pushed the role up. */
	ck_assert_uint_eq(score_reasons(quiz, answers, 0, reasons, 1), 1);
	ck_assert_uint_eq(reasons[0].question, 1);
	ck_assert_uint_eq(score_reasons(quiz, answers, 1, reasons, 3), 1);
	ck_assert_uint_eq(reasons[0].question, 2);
	quiz_free(quiz);
}
END_TEST

int main(void)
{
	Suite *suite = suite_create("score");
	TCase *formula = tcase_create("formula");
	tcase_add_test(formula, test_affinity_follows_the_formula);
	tcase_add_test(formula, test_skipped_question_counts_nowhere);
	tcase_add_test(formula, test_weight_multiplies_a_question);
	suite_add_tcase(suite, formula);
	TCase *ranking = tcase_create("ranking");
	tcase_add_test(ranking, test_hybrid_needs_affinities_within_a_hundredth);
	tcase_add_test(ranking, test_roles_within_a_hundredth_share_the_top);
	tcase_add_test(ranking, test_role_no_question_can_move_is_undefined_and_last);
	tcase_add_test(ranking, test_undefined_role_ranks_after_defined_ones);
	suite_add_tcase(suite, ranking);
	TCase *reasons = tcase_create("reasons");
	tcase_add_test(reasons, test_reasons_name_the_strongest_answers_first);
	suite_add_tcase(suite, reasons);
	return run_suite(suite);
}
