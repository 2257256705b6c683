/* Clarity: how sure a result is. The margin, the chance and the band on a
 * quiz small enough to work out by hand, then on the bundled quiz. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "careerfit/clarity.h"
#include "careerfit/outcome.h"
#include "careerfit/random.h"
#include "helpers.h"

/* Six questions, each a coin between two roles: k answers for "heads"
 * give heads 100k/6 and tails 100(6-k)/6. Over the 64 random answer sets,
 * k is binomial(6, 1/2): a lead of 100 (k = 0 or 6) turns up in 2 of 64,
 * a lead of at least 66.7 (k <= 1 or >= 5) in 14 of 64, and at least 33.3
 * (k <= 2 or >= 4) in 44 of 64. k = 3 ties. */
static const char coin_quiz[] = "id = \"coin\"; title = \"Coins\";\n"
				"roles = ( { id = \"heads\"; name = \"Heads\"; },"
				" { id = \"tails\"; name = \"Tails\"; } );\n"
				"scenarios = ( { id = \"s\"; title = \"S\"; questions = (\n"
#define COIN(n)                                                                                    \
	"{ id = \"q" #n                                                                            \
	"\"; prompt = \"P\"; options = ( { text = \"H\"; scores = { heads = 1; }; },"              \
	" { text = \"T\"; scores = { tails = 1; }; } ); }"
	COIN(1) "," COIN(2) "," COIN(3) "," COIN(4) "," COIN(5) "," COIN(6) ") } );\n";

static struct outcome *coin_outcome(struct quiz *quiz, const char *answers)
{
	int set[6];
	for (size_t q = 0; q < 6; q++)
		set[q] = answers[q] == 'H' ? 0 : answers[q] == 'T' ? 1 : -2;
	struct outcome *outcome = outcome_new(quiz, set);
	ck_assert_ptr_nonnull(outcome);
	return outcome;
}

START_TEST(test_all_heads_is_a_clear_fit_in_2_of_64)
{
	struct quiz *quiz = quiz_from_text(coin_quiz);
	struct outcome *outcome = coin_outcome(quiz, "HHHHHH");
	const struct clarity *clarity = &outcome->clarity;
	ck_assert(clarity->has_margin && clarity->has_chance && clarity->exact);
	ck_assert_double_eq_tol(clarity->margin, 100, 1e-9);
	ck_assert_double_eq_tol(clarity->chance, 2.0 / 64, 1e-12);
	ck_assert_int_eq(clarity->band, CLARITY_CLEAR);
	ck_assert_int_eq(outcome_runner_up(outcome), 1);
	outcome_free(outcome);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_five_of_six_leans_and_four_of_six_is_close)
{
	struct quiz *quiz = quiz_from_text(coin_quiz);
	struct outcome *five = coin_outcome(quiz, "HTHHHH");
	ck_assert_double_eq_tol(five->clarity.margin, 200.0 / 3, 1e-9);
	ck_assert_double_eq_tol(five->clarity.chance, 14.0 / 64, 1e-12);
	ck_assert_int_eq(five->clarity.band, CLARITY_LEANING);
	struct outcome *four = coin_outcome(quiz, "TTHHHH");
	ck_assert_double_eq_tol(four->clarity.chance, 44.0 / 64, 1e-12);
	ck_assert_int_eq(four->clarity.band, CLARITY_CLOSE);
	outcome_free(five);
	outcome_free(four);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_a_tie_has_no_margin_and_is_close)
{
	struct quiz *quiz = quiz_from_text(coin_quiz);
	struct outcome *outcome = coin_outcome(quiz, "HHHTTT");
	ck_assert(!outcome->clarity.has_margin && !outcome->clarity.has_chance);
	ck_assert_int_eq(outcome->clarity.band, CLARITY_CLOSE);
	ck_assert_uint_eq(outcome->score.top_count, 2);
	ck_assert_int_eq(outcome_runner_up(outcome), -1);
	outcome_free(outcome);
	quiz_free(quiz);
}
END_TEST

/* Skips count nowhere: three heads out of three answered compare with
 * the 8 random sets of three questions, 2 of which lead as much. */
START_TEST(test_skipped_questions_leave_the_random_sets)
{
	struct quiz *quiz = quiz_from_text(coin_quiz);
	struct outcome *outcome = coin_outcome(quiz, "H-H-H-");
	ck_assert_double_eq_tol(outcome->clarity.chance, 2.0 / 8, 1e-12);
	ck_assert_int_eq(outcome->clarity.band, CLARITY_CLOSE);
	outcome_free(outcome);
	quiz_free(quiz);
}
END_TEST

/* Six questions need min(6, 3) = 3 answers before any fit is claimed. */
START_TEST(test_too_few_answers_claim_no_fit)
{
	struct quiz *quiz = quiz_from_text(coin_quiz);
	struct outcome *outcome = coin_outcome(quiz, "HH----");
	ck_assert_uint_eq(outcome->clarity.needed, 3);
	ck_assert_int_eq(outcome->clarity.band, CLARITY_INSUFFICIENT);
	ck_assert(!outcome_claims_fit(outcome));
	char *headline = outcome_headline(outcome);
	ck_assert_str_eq(headline, "Not enough answers yet to suggest a role");
	free(headline);
	outcome_free(outcome);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_answers_needed_follow_the_quiz_length)
{
	ck_assert_uint_eq(clarity_needed(1), 1);
	ck_assert_uint_eq(clarity_needed(5), 3);
	ck_assert_uint_eq(clarity_needed(11), 6);
	ck_assert_uint_eq(clarity_needed(34), 6);
}
END_TEST

START_TEST(test_band_ids_read_back)
{
	for (int b = 0; b < CLARITY_BAND_COUNT; b++) {
		enum clarity_band band;
		ck_assert(clarity_band_from_id(clarity_band_id((enum clarity_band)b), &band));
		ck_assert_int_eq(band, b);
	}
	enum clarity_band band;
	ck_assert(!clarity_band_from_id("certain", &band));
}
END_TEST

/* ---- the bundled quiz ---- */

static struct quiz *bundled(void)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(QUIZ_DIR "/product-roles.cfg", &diags);
	diag_list_clear(&diags);
	ck_assert_ptr_nonnull(quiz);
	return quiz;
}

/* Per question, the option that scores ROLE highest. */
static void persona(const struct quiz *quiz, size_t role, int *answers)
{
	for (size_t q = 0; q < quiz->question_count; q++) {
		answers[q] = 0;
		for (size_t o = 1; o < quiz->questions[q].option_count; o++)
			if (quiz->questions[q].options[o].scores[role] >
			    quiz->questions[q].options[answers[q]].scores[role])
				answers[q] = (int)o;
	}
}

START_TEST(test_a_persona_is_a_clear_fit_for_its_role)
{
	struct quiz *quiz = bundled();
	int *answers = calloc(quiz->question_count, sizeof(int));
	persona(quiz, (size_t)_i, answers);
	struct outcome *outcome = outcome_new(quiz, answers);
	ck_assert_ptr_nonnull(outcome);
	ck_assert_int_eq(outcome->clarity.band, CLARITY_CLEAR);
	ck_assert_uint_eq(outcome->score.top_count, 1);
	ck_assert_uint_eq(outcome->score.ranking[0], (size_t)_i);
	ck_assert(!outcome->clarity.exact); /* too many answer sets to count */
	outcome_free(outcome);
	free(answers);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_one_answer_is_insufficient)
{
	struct quiz *quiz = bundled();
	int *answers = malloc(quiz->question_count * sizeof(int));
	for (size_t q = 0; q < quiz->question_count; q++)
		answers[q] = q == 0 ? 0 : -2;
	struct outcome *outcome = outcome_new(quiz, answers);
	ck_assert_int_eq(outcome->clarity.band, CLARITY_INSUFFICIENT);
	outcome_free(outcome);
	free(answers);
	quiz_free(quiz);
}
END_TEST

/* The same answers always give the same sampled chance. */
START_TEST(test_the_sampled_chance_is_repeatable)
{
	struct quiz *quiz = bundled();
	int *answers = malloc(quiz->question_count * sizeof(int));
	for (size_t q = 0; q < quiz->question_count; q++)
		answers[q] = (int)(q % 4 % quiz->questions[q].option_count);
	struct outcome *first = outcome_new(quiz, answers), *second = outcome_new(quiz, answers);
	ck_assert(first->clarity.has_chance);
	ck_assert(first->clarity.chance == second->clarity.chance);
	outcome_free(first);
	outcome_free(second);
	free(answers);
	quiz_free(quiz);
}
END_TEST

/* Random answering is what the chance measures against, so about 5% of
 * random answer sets must come out clear: within 2 points over 1,000. */
START_TEST(test_about_one_random_answer_set_in_twenty_is_clear)
{
	struct quiz *quiz = bundled();
	int *answers = malloc(quiz->question_count * sizeof(int));
	for (size_t q = 0; q < quiz->question_count; q++)
		answers[q] = 0;
	struct chance_table *table = chance_table_new(quiz, answers);
	ck_assert_ptr_nonnull(table);
	uint64_t state = 2026;
	size_t clear = 0, sets = 1000;
	for (size_t s = 0; s < sets; s++) {
		for (size_t q = 0; q < quiz->question_count; q++)
			answers[q] = (int)(random_next(&state) % quiz->questions[q].option_count);
		struct score_result result;
		ck_assert(score_compute(quiz, answers, &result));
		double chance = result.has_runner_up ? chance_table_share(table, result.margin) : 1;
		clear += clarity_band_for(result.answered, clarity_needed(quiz->question_count),
					  result.has_runner_up, chance) == CLARITY_CLEAR;
		score_result_clear(&result);
	}
	double share = (double)clear / (double)sets;
	ck_assert_msg(fabs(share - 0.05) <= 0.02, "%.3f of random sets are clear", share);
	chance_table_free(table);
	free(answers);
	quiz_free(quiz);
}
END_TEST

/* The answers under "What pushed you toward ...", by role. */
struct pushes {
	int role;
	const char *texts[16];
	int roles[16];
	size_t count;
};

static void collect_pushes(const struct outcome_line *line, void *data)
{
	struct pushes *pushes = data;
	if (line->part == OUTCOME_HEADING && strncmp(line->text, "What pushed", 11) == 0)
		pushes->role = line->role;
	else if (line->part == OUTCOME_CHOSEN && pushes->count < 16) {
		pushes->texts[pushes->count] = line->text;
		pushes->roles[pushes->count++] = pushes->role;
	}
}

/* An answer that pushed harder toward the top role is not shown again as
 * a reason for the runner-up. */
START_TEST(test_the_runner_up_reasons_do_not_repeat_the_top_role_reasons)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(TEST_DATA_DIR "/slyde/slyde.cfg", &diags);
	diag_list_clear(&diags);
	static const int answers[] = {3, 1, 0, 3, 2, 0, 3, 0, 2, 2}; /* Project Manager */
	struct outcome *outcome = outcome_new(quiz, answers);
	struct pushes pushes = {.role = -1};
	outcome_render(outcome, true, collect_pushes, &pushes);
	ck_assert_uint_ge(pushes.count, 3);
	for (size_t i = 0; i < pushes.count; i++)
		for (size_t j = i + 1; j < pushes.count; j++)
			ck_assert_msg(strcmp(pushes.texts[i], pushes.texts[j]) != 0,
				      "shown twice: %s", pushes.texts[i]);
	outcome_free(outcome);
	quiz_free(quiz);
}
END_TEST

int main(void)
{
	Suite *suite = suite_create("clarity");
	TCase *by_hand = tcase_create("by_hand");
	tcase_add_test(by_hand, test_all_heads_is_a_clear_fit_in_2_of_64);
	tcase_add_test(by_hand, test_five_of_six_leans_and_four_of_six_is_close);
	tcase_add_test(by_hand, test_a_tie_has_no_margin_and_is_close);
	tcase_add_test(by_hand, test_skipped_questions_leave_the_random_sets);
	tcase_add_test(by_hand, test_too_few_answers_claim_no_fit);
	tcase_add_test(by_hand, test_answers_needed_follow_the_quiz_length);
	tcase_add_test(by_hand, test_band_ids_read_back);
	tcase_add_test(by_hand, test_the_runner_up_reasons_do_not_repeat_the_top_role_reasons);
	suite_add_tcase(suite, by_hand);
	TCase *bank = tcase_create("bundled");
	tcase_set_timeout(bank, 60);
	tcase_add_loop_test(bank, test_a_persona_is_a_clear_fit_for_its_role, 0, 4);
	tcase_add_test(bank, test_one_answer_is_insufficient);
	tcase_add_test(bank, test_the_sampled_chance_is_repeatable);
	tcase_add_test(bank, test_about_one_random_answer_set_in_twenty_is_clear);
	suite_add_tcase(suite, bank);
	return run_suite(suite);
}
