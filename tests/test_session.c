/* The session: moving through the questions, answers kept when going back,
 * and a shuffle that a seed reproduces. */
#include <check.h>

#include "careerfit/outcome.h"
#include "careerfit/session.h"
#include "helpers.h"

static struct quiz *quiz_of_three(void)
{
	return quiz_from_text(
		"id = \"t\"; title = \"T\";\n"
		"roles = ( { id = \"a\"; name = \"A\"; }, { id = \"b\"; name = \"B\"; } );\n"
		"scenarios = ( { id = \"s\"; title = \"S\"; questions = (\n"
		"  { id = \"q1\"; prompt = \"P\"; options = ( { text = \"1\"; scores = { a = 1; }; "
		"},\n"
		"    { text = \"2\"; scores = { b = 1; }; }, { text = \"3\"; },\n"
		"    { text = \"4\"; }, { text = \"5\"; }, { text = \"6\"; } ); },\n"
		"  { id = \"q2\"; prompt = \"P\"; options = ( { text = \"1\"; scores = { a = 1; }; "
		"},\n"
		"    { text = \"2\"; scores = { b = 1; }; } ); },\n"
		"  { id = \"q3\"; prompt = \"P\"; options = ( { text = \"1\"; scores = { a = 1; }; "
		"},\n"
		"    { text = \"2\"; scores = { b = 1; }; } ); } ); } );\n");
}

START_TEST(test_answering_moves_to_the_next_question)
{
	struct quiz *quiz = quiz_of_three();
	struct session *session = session_new(quiz, false, 0);
	ck_assert_uint_eq(session_current(session), 0);
	ck_assert(session_answer(session, 1));
	ck_assert_uint_eq(session_current(session), 1);
	ck_assert_int_eq(session_answer_of(session, 0), 1);
	ck_assert_int_eq(session_answer_of(session, 1), SESSION_UNANSWERED);
	session_free(session);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_going_back_keeps_the_answer_and_allows_a_change)
{
	struct quiz *quiz = quiz_of_three();
	struct session *session = session_new(quiz, false, 0);
	session_answer(session, 1);
	session_answer(session, 0);
	ck_assert(session_back(session));
	ck_assert_uint_eq(session_current(session), 1);
	ck_assert_int_eq(session_answer_of(session, 1), 0);
	session_answer(session, 1);
	ck_assert_int_eq(session_answer_of(session, 1), 1);
	ck_assert_uint_eq(session_current(session), 2);
	session_go_to(session, 0);
	ck_assert(!session_back(session));
	session_free(session);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_forward_only_over_answered_questions)
{
	struct quiz *quiz = quiz_of_three();
	struct session *session = session_new(quiz, false, 0);
	ck_assert(!session_forward(session));
	session_skip(session);
	ck_assert_int_eq(session_answer_of(session, 0), SESSION_SKIPPED);
	session_back(session);
	ck_assert(session_forward(session));
	ck_assert_uint_eq(session_current(session), 1);
	session_free(session);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_finished_when_every_question_is_answered_or_skipped)
{
	struct quiz *quiz = quiz_of_three();
	struct session *session = session_new(quiz, false, 0);
	session_answer(session, 0);
	session_skip(session);
	ck_assert(!session_finished(session));
	session_answer(session, 1);
	ck_assert(session_finished(session));
	ck_assert_uint_eq(session_current(session), quiz->question_count);
	ck_assert_uint_eq(session_answered_count(session), 2);
	session_free(session);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_out_of_range_answer_is_refused)
{
	struct quiz *quiz = quiz_of_three();
	struct session *session = session_new(quiz, false, 0);
	ck_assert(!session_answer(session, 6));
	ck_assert(!session_set_answer(session, 1, 2));
	ck_assert(!session_set_answer(session, 3, 0));
	ck_assert(!session_set_answer(session, 0, -7));
	ck_assert_uint_eq(session_current(session), 0);
	session_free(session);
	quiz_free(quiz);
}
END_TEST

static bool same_order(struct session *a, struct session *b, size_t q, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (session_option_at(a, q, i) != session_option_at(b, q, i))
			return false;
	return true;
}

START_TEST(test_same_seed_gives_the_same_shuffle)
{
	struct quiz *quiz = quiz_of_three();
	struct session *first = session_new(quiz, true, 42);
	struct session *again = session_new(quiz, true, 42);
	ck_assert(same_order(first, again, 0, 6));
	/* Some seed among a few gives another order of six options. */
	bool differs = false;
	for (uint64_t seed = 1; seed < 10 && !differs; seed++) {
		struct session *other = session_new(quiz, true, seed);
		differs = !same_order(first, other, 0, 6);
		session_free(other);
	}
	ck_assert(differs);
	session_free(first);
	session_free(again);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_shuffled_position_maps_back_to_the_file_option)
{
	struct quiz *quiz = quiz_of_three();
	struct session *session = session_new(quiz, true, 7);
	for (size_t position = 0; position < 6; position++) {
		size_t option = session_option_at(session, 0, position);
		ck_assert_uint_lt(option, 6);
		ck_assert_uint_eq(session_position_of(session, 0, option), position);
	}
	session_answer(session, session_option_at(session, 0, 2));
	ck_assert_int_eq(session_answer_of(session, 0), (int)session_option_at(session, 0, 2));
	session_free(session);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_without_shuffle_the_file_order_is_kept)
{
	struct quiz *quiz = quiz_of_three();
	struct session *session = session_new(quiz, false, 99);
	for (size_t position = 0; position < 6; position++)
		ck_assert_uint_eq(session_option_at(session, 0, position), position);
	session_free(session);
	quiz_free(quiz);
	session_free(NULL);
}
END_TEST

START_TEST(test_session_scores_its_own_answers)
{
	struct quiz *quiz = quiz_of_three();
	struct session *session = session_new(quiz, true, 5);
	session_answer(session, 0); /* a = 1 in file order, whatever the shuffle */
	session_skip(session);
	session_answer(session, 1); /* b = 1 */
	struct outcome *outcome = outcome_new(session_quiz(session), session_answers(session));
	ck_assert_ptr_nonnull(outcome);
	const struct score_result *result = &outcome->score;
	ck_assert_uint_eq(result->answered, 2);
	ck_assert_uint_eq(result->skipped, 1);
	ck_assert_double_eq_tol(result->roles[0].affinity, 50, 1e-9);
	ck_assert_double_eq_tol(result->roles[1].affinity, 50, 1e-9);
	ck_assert_uint_eq(result->top_count, 2);
	outcome_free(outcome);
	session_free(session);
	quiz_free(quiz);
}
END_TEST

int main(void)
{
	Suite *suite = suite_create("session");
	TCase *moving = tcase_create("moving");
	tcase_add_test(moving, test_answering_moves_to_the_next_question);
	tcase_add_test(moving, test_going_back_keeps_the_answer_and_allows_a_change);
	tcase_add_test(moving, test_forward_only_over_answered_questions);
	tcase_add_test(moving, test_finished_when_every_question_is_answered_or_skipped);
	tcase_add_test(moving, test_out_of_range_answer_is_refused);
	suite_add_tcase(suite, moving);
	TCase *order = tcase_create("order");
	tcase_add_test(order, test_same_seed_gives_the_same_shuffle);
	tcase_add_test(order, test_shuffled_position_maps_back_to_the_file_option);
	tcase_add_test(order, test_without_shuffle_the_file_order_is_kept);
	tcase_add_test(order, test_session_scores_its_own_answers);
	suite_add_tcase(suite, order);
	return run_suite(suite);
}
