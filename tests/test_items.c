/* Item analysis for quiz authors: the item-rest correlation checked with
 * numbers worked out by hand, the rare-option flag and the rule that
 * below 20 results only the counts are given. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "careerfit/items.h"
#include "careerfit/outcome.h"
#include "helpers.h"

static char folder[] = "/tmp/careerfit-items-XXXXXX";

/* Two roles; in every question option a signals x and option b signals y,
 * one point each, so a rest score counts the other questions' a's (x) or
 * b's (y). q4's two options signal the same. */
static const char two_roles[] =
	"id = \"items\"; title = \"Items\"; shuffle = false;\n"
	"roles = ( { id = \"x\"; name = \"Ex\"; }, { id = \"y\"; name = \"Why\"; } );\n"
	"scenarios = ( { id = \"s\"; title = \"S\"; questions = (\n"
	"  { id = \"q1\"; prompt = \"P1\"; options = (\n"
	"    { text = \"a\"; scores = { x = 1; }; }, { text = \"b\"; scores = { y = 1; }; } ); },\n"
	"  { id = \"q2\"; prompt = \"P2\"; options = (\n"
	"    { text = \"a\"; scores = { x = 1; }; }, { text = \"b\"; scores = { y = 1; }; } ); },\n"
	"  { id = \"q3\"; prompt = \"P3\"; options = (\n"
	"    { text = \"a\"; scores = { x = 1; }; }, { text = \"b\"; scores = { y = 1; }; } ); },\n"
	"  { id = \"q4\"; prompt = \"P4\"; options = (\n"
	"    { text = \"a\"; scores = { x = 1; }; }, { text = \"b\"; scores = { x = 1; }; } ); }\n"
	"); } );\n";

/* Adds a saved and read-back result with ANSWERS (0 = a, 1 = b, -2 =
 * skipped), as `careerfit report` would read it. */
static void add(struct report *report, const struct quiz *quiz, const int *answers)
{
	struct outcome *outcome = outcome_new(quiz, answers);
	ck_assert_ptr_nonnull(outcome);
	char *saved = NULL, *error = NULL;
	ck_assert(results_save(folder, outcome, "P", 1700000000, &saved, &error));
	struct result_record *record = results_read(saved, &error);
	ck_assert_msg(record, "%s", error ? error : "");
	ck_assert(report_add(report, record));
	outcome_free(outcome);
	free(saved);
}

/* Five people; q4 skipped by all, so it adds nothing to any rest score.
 *
 *          q1 q2 q3   picked q1 a (x)   rest score for x (a's in q2, q3)
 *   P1     a  a  a    1                 2
 *   P2     a  a  b    1                 1
 *   P3     b  a  b    0                 1
 *   P4     b  b  b    0                 0
 *   P5     a  b  a    1                 1
 *
 * Means: x = 3/5 = 0.6, rest = 5/5 = 1.
 * Deviations: x  .4  .4 -.6 -.6  .4;  rest  1  0  0 -1  0.
 * Sum of products: .4 + 0 + 0 + .6 + 0 = 1.0.
 * Sums of squares: x 3 * .16 + 2 * .36 = 1.2; rest 1 + 1 = 2.
 * r = 1.0 / sqrt(1.2 * 2) = 1 / sqrt(2.4) = 0.6454972...
 * For q1 b and role y the rest score counts b's: 0 1 1 2 1, and picked
 * b is 0 0 1 1 0; by the same sums r = 1.0 / sqrt(1.2 * 2) again. */
static const int hand_worked[][4] = {
	{0, 0, 0, -2}, {0, 0, 1, -2}, {1, 0, 1, -2}, {1, 1, 1, -2}, {0, 1, 0, -2},
};

START_TEST(test_item_rest_correlation_matches_the_hand_worked_set)
{
	struct quiz *quiz = quiz_from_text(two_roles);
	struct report report = {0};
	for (size_t i = 0; i < 5; i++)
		add(&report, quiz, hand_worked[i]);
	const struct report_group *group = &report.groups[0];
	double r = 0;
	ck_assert(items_rest_correlation(group, 0, 0, 0, &r));
	ck_assert_double_eq_tol(r, 1 / sqrt(2.4), 1e-12);
	ck_assert(items_rest_correlation(group, 0, 1, 1, &r));
	ck_assert_double_eq_tol(r, 1 / sqrt(2.4), 1e-12);
	/* Nobody answered q4: there is nothing to correlate. */
	ck_assert(!items_rest_correlation(group, 3, 0, 0, &r));
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* With everyone giving the same answer the picked side is constant and
 * Pearson's r is undefined, not 0. */
START_TEST(test_item_rest_correlation_is_undefined_when_everyone_agrees)
{
	struct quiz *quiz = quiz_from_text(two_roles);
	static const int same[] = {0, 0, 1, 0};
	struct report report = {0};
	for (size_t i = 0; i < 3; i++)
		add(&report, quiz, same);
	double r = 42;
	ck_assert(!items_rest_correlation(&report.groups[0], 0, 0, 0, &r));
	ck_assert_double_eq(r, 42);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* COUNT people, the first ODD of whom pick b in q1 (the others a); all pick a
 * in q2, and everyone alternates a and b in q3 and q4. */
static void add_room(struct report *report, const struct quiz *quiz, size_t count, size_t odd)
{
	for (size_t i = 0; i < count; i++) {
		int answers[4] = {i < odd, 0, (int)(i % 2), (int)(i % 2)};
		add(report, quiz, answers);
	}
}

/* 1 of 21 is 4.8%, under 5%; 1 of 20 is exactly 5%, which is not. */
START_TEST(test_an_option_picked_by_under_5_percent_is_rare)
{
	struct quiz *quiz = quiz_from_text(two_roles);
	struct report report = {0};
	add_room(&report, quiz, 21, 1);
	struct items items;
	ck_assert(items_analyse(&report.groups[0], &items));
	ck_assert(items.reliable);
	ck_assert(items.questions[0].options[1].rare);
	ck_assert(!items.questions[0].options[0].rare);
	ck_assert_uint_eq(items.questions[0].options[1].count, 1);
	items_clear(&items);
	report_clear(&report);

	add_room(&report, quiz, 20, 1);
	ck_assert(items_analyse(&report.groups[0], &items));
	ck_assert(!items.questions[0].options[1].rare);
	items_clear(&items);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* An option nobody picked is known only when a later one was picked; it
 * counts 0 and is rare. */
START_TEST(test_an_option_nobody_picked_is_rare_and_has_no_text)
{
	struct quiz *quiz = quiz_from_text(two_roles);
	struct report report = {0};
	for (size_t i = 0; i < 20; i++)
		add(&report, quiz, (const int[]){1, 0, (int)(i % 2), 0});
	struct items items;
	ck_assert(items_analyse(&report.groups[0], &items));
	ck_assert_uint_eq(items.questions[0].option_count, 2);
	ck_assert(!items.questions[0].options[0].known);
	ck_assert(items.questions[0].options[0].rare);
	/* q2: only option a was picked, so only it is known to exist. */
	ck_assert_uint_eq(items.questions[1].option_count, 1);
	items_clear(&items);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_below_20_results_only_counts_are_given)
{
	struct quiz *quiz = quiz_from_text(two_roles);
	struct report report = {0};
	add_room(&report, quiz, 19, 1);
	struct items items;
	ck_assert(items_analyse(&report.groups[0], &items));
	ck_assert(!items.reliable);
	ck_assert_uint_eq(items.result_count, 19);
	const struct items_question *q1 = &items.questions[0], *q3 = &items.questions[2];
	ck_assert_uint_eq(q1->options[0].count, 18);
	ck_assert_uint_eq(q1->options[1].count, 1);
	ck_assert(!q1->options[1].rare);
	ck_assert(!q3->options[0].has_correlation && !q3->options[1].has_correlation);
	ck_assert(!items.questions[3].identical);
	items_clear(&items);
	/* The twentieth result makes the figures appear. */
	add(&report, quiz, (const int[]){0, 1, 0, 1});
	ck_assert(items_analyse(&report.groups[0], &items));
	ck_assert(items.reliable);
	ck_assert(items.questions[2].options[0].has_correlation);
	items_clear(&items);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_options_that_signal_the_same_do_not_separate_roles)
{
	struct quiz *quiz = quiz_from_text(two_roles);
	struct report report = {0};
	for (size_t i = 0; i < 20; i++)
		add(&report, quiz, (const int[]){(int)(i % 2), 0, 0, (int)(i % 2)});
	struct items items;
	ck_assert(items_analyse(&report.groups[0], &items));
	ck_assert(items.questions[3].identical);
	ck_assert(!items.questions[0].identical && !items.questions[0].one_role);
	items_clear(&items);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_items_json_gives_the_same_figures)
{
	struct quiz *quiz = quiz_from_text(two_roles);
	struct report report = {0};
	for (size_t i = 0; i < 5; i++)
		add(&report, quiz, hand_worked[i]);
	char *json = items_json(&report);
	ck_assert_ptr_nonnull(json);
	ck_assert_msg(strstr(json, "\"reliable\": false"), "%s", json);
	ck_assert_ptr_nonnull(strstr(json, "\"item_rest\": null"));
	free(json);
	for (size_t i = 0; i < 15; i++)
		add(&report, quiz, hand_worked[i % 5]);
	json = items_json(&report);
	/* Four copies of the hand-worked set: the same r. */
	ck_assert_msg(strstr(json, "\"item_rest\": 0.6454972"), "%s", json);
	free(json);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* q1 and q2 are a documented pair. Answers (0 = a: x, 1 = b: y):
 *   P1 a a   alike      P2 a b   not alike
 *   P3 b b   alike      P4 a -   q2 skipped: not counted
 * So 3 answered both, and 2 of them alike. */
START_TEST(test_a_consistency_pair_counts_people_who_answer_alike)
{
	static const char paired[] =
		"id = \"paired\"; title = \"Paired\"; shuffle = false;\n"
		"roles = ( { id = \"x\"; name = \"Ex\"; }, { id = \"y\"; name = \"Why\"; } );\n"
		"scenarios = ( { id = \"s\"; title = \"S\"; questions = (\n"
		"  { id = \"q1\"; prompt = \"P1\"; pair = \"q2\"; options = (\n"
		"    { text = \"a\"; scores = { x = 1; }; }, { text = \"b\"; scores = { y = 1; }; "
		"} ); },\n"
		"  { id = \"q2\"; prompt = \"P2\"; options = (\n"
		"    { text = \"a\"; scores = { x = 1; }; }, { text = \"b\"; scores = { y = 1; }; "
		"} ); }\n"
		"); } );\n";
	static const int answers[][2] = {{0, 0}, {0, 1}, {1, 1}, {0, -2}};
	struct quiz *quiz = quiz_from_text(paired);
	struct report report = {0};
	for (size_t i = 0; i < 4; i++)
		add(&report, quiz, answers[i]);
	struct items items;
	ck_assert(items_analyse(&report.groups[0], &items));
	ck_assert_uint_eq(items.pair_count, 1);
	ck_assert_uint_eq(items.pairs[0].question, 0);
	ck_assert_uint_eq(items.pairs[0].other, 1);
	ck_assert_uint_eq(items.pairs[0].both, 3);
	ck_assert_uint_eq(items.pairs[0].alike, 2);
	items_clear(&items);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

int main(void)
{
	if (!mkdtemp(folder)) {
		perror("mkdtemp");
		return EXIT_FAILURE;
	}
	Suite *suite = suite_create("items");
	TCase *tcase = tcase_create("items");
	tcase_add_test(tcase, test_item_rest_correlation_matches_the_hand_worked_set);
	tcase_add_test(tcase, test_a_consistency_pair_counts_people_who_answer_alike);
	tcase_add_test(tcase, test_item_rest_correlation_is_undefined_when_everyone_agrees);
	tcase_add_test(tcase, test_an_option_picked_by_under_5_percent_is_rare);
	tcase_add_test(tcase, test_an_option_nobody_picked_is_rare_and_has_no_text);
	tcase_add_test(tcase, test_below_20_results_only_counts_are_given);
	tcase_add_test(tcase, test_options_that_signal_the_same_do_not_separate_roles);
	tcase_add_test(tcase, test_items_json_gives_the_same_figures);
	suite_add_tcase(suite, tcase);
	int status = run_suite(suite);
	char command[600];
	snprintf(command, sizeof(command), "rm -rf '%s'", folder);
	if (system(command) != 0)
		fprintf(stderr, "could not remove %s\n", folder);
	return status;
}
