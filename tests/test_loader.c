/* The quiz loader and validator (src/quiz_load.c), described by its tests.
 *
 * Most cases start from MINI, a small valid quiz written to a temporary
 * folder with one or two of its lines replaced, so that each test shows the
 * single mistake it is about and the exact line the loader must blame. Cases
 * that need several files (@include) live in tests/data/loader/. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "careerfit/catalog.h"
#include "careerfit/diag.h"
#include "careerfit/quiz.h"

#define LOADER_DATA TEST_DATA_DIR "/loader"

/* A temporary folder for the quizzes written by the tests, made by main(). */
static char tmpdir[] = "/tmp/careerfit-test-loader-XXXXXX";

/* ---------------------------------------------------------------------------
 * MINI: the smallest sensible quiz. Two lines are left blank so that a test
 * can add a setting without moving the lines after it.
 */
static const char *const mini_lines[] = {
	/*  1 */ "id = \"mini\";",
	/*  2 */ "title = \"Mini quiz\";",
	/*  3 */ "",
	/*  4 */ "roles = (",
	/*  5 */ "  { id = \"pm\"; name = \"Product Manager\"; },",
	/*  6 */ "  { id = \"po\"; name = \"Product Owner\"; short = \"PO\"; }",
	/*  7 */ ");",
	/*  8 */ "scenarios = (",
	/*  9 */ "  {",
	/* 10 */ "    id = \"s1\";",
	/* 11 */ "    title = \"First scenario\";",
	/* 12 */ "    questions = (",
	/* 13 */ "      {",
	/* 14 */ "        id = \"q1\";",
	/* 15 */ "        prompt = \"What do you do first?\";",
	/* 16 */ "",
	/* 17 */ "        options = (",
	/* 18 */ "          { text = \"Talk to users\"; scores = { pm = 2; }; },",
	/* 19 */ "          { text = \"Order the backlog\"; scores = { po = 2; }; }",
	/* 20 */ "        );",
	/* 21 */ "      }",
	/* 22 */ "    );",
	/* 23 */ "  }",
	/* 24 */ ");",
};

enum mini_line {
	LINE_QUIZ_ID = 1,
	LINE_TITLE = 2,
	LINE_HEADER_EXTRA = 3, /* blank: room for version, shuffle... */
	LINE_ROLES = 4,
	LINE_ROLE_PM = 5,
	LINE_ROLE_PO = 6,
	LINE_ROLES_END = 7,
	LINE_SCENARIOS = 8,
	LINE_SCENARIO = 9,
	LINE_SCENARIO_ID = 10,
	LINE_SCENARIO_TITLE = 11,
	LINE_QUESTIONS = 12,
	LINE_QUESTION = 13,
	LINE_QUESTION_ID = 14,
	LINE_PROMPT = 15,
	LINE_QUESTION_EXTRA = 16, /* blank: room for weight, debrief... */
	LINE_OPTIONS = 17,
	LINE_OPTION_A = 18,
	LINE_OPTION_B = 19,
	LINE_QUESTION_END = 21,
	LINE_QUESTIONS_END = 22,
	LINE_SCENARIO_END = 23,
	LINE_SCENARIOS_END = 24,
};

struct edit {
	int first, last;  /* the lines replaced, 1-based, inclusive */
	const char *text; /* what replaces them: one line or several */
};

#define REPLACE(line, text)                                                                        \
	{                                                                                          \
		(line), (line), (text)                                                             \
	}
#define REPLACE_LINES(first, last, text)                                                           \
	{                                                                                          \
		(first), (last), (text)                                                            \
	}
/* The path of MINI written with the given edits, e.g.
 * mini_quiz_with(REPLACE(LINE_PROMPT, "prompt = \"\";")). */
#define mini_quiz_with(...) write_mini_quiz((const struct edit[]){__VA_ARGS__, {0, 0, NULL}})
#define mini_quiz() write_mini_quiz(NULL)

/* The path of NAME in the temporary folder. The last few paths returned
 * stay valid, so that a test can hold two of them at once. */
static const char *temp_path(const char *name)
{
	static char paths[4][4096];
	static unsigned next;
	char *path = paths[next++ % 4];
	snprintf(path, sizeof(paths[0]), "%s/%s", tmpdir, name);
	return path;
}

static const char *write_mini_quiz(const struct edit *edits)
{
	const char *path = temp_path("mini.cfg");
	FILE *file = fopen(path, "w");
	ck_assert_msg(file != NULL, "cannot write %s: %s", path, strerror(errno));
	int count = (int)(sizeof(mini_lines) / sizeof(*mini_lines));
	for (int line = 1; line <= count; line++) {
		const struct edit *edit = NULL;
		for (const struct edit *e = edits; e && e->text; e++)
			if (e->first == line)
				edit = e;
		if (edit) {
			fprintf(file, "%s\n", edit->text);
			line = edit->last;
		} else {
			fprintf(file, "%s\n", mini_lines[line - 1]);
		}
	}
	ck_assert_int_eq(fclose(file), 0);
	return path;
}

static const char *write_file(const char *name, const char *bytes, size_t size)
{
	const char *path = temp_path(name);
	FILE *file = fopen(path, "wb");
	ck_assert_msg(file != NULL, "cannot write %s: %s", path, strerror(errno));
	ck_assert_uint_eq(fwrite(bytes, 1, size, file), size);
	ck_assert_int_eq(fclose(file), 0);
	return path;
}

/* One line holding the role po and then roles r3, r4... up to TOTAL roles in
 * all (with pm on the line before). */
static const char *po_and_more_roles(int total)
{
	static char line[2048];
	int used = snprintf(line, sizeof(line), "  { id = \"po\"; name = \"Product Owner\"; }");
	for (int r = 3; r <= total; r++)
		used += snprintf(line + used, sizeof(line) - (size_t)used,
				 ", { id = \"r%d\"; name = \"Role %d\"; }", r, r);
	return line;
}

/* One line holding COUNT options, each scoring pm and po differently. */
static const char *options_line(int count)
{
	static char line[2048];
	int used = 0;
	line[0] = '\0';
	for (int o = 1; o <= count; o++)
		used += snprintf(line + used, sizeof(line) - (size_t)used,
				 "%s{ text = \"Option %d\"; scores = { pm = %d; po = %d; }; }",
				 o > 1 ? ", " : "", o, o - 5, 5 - o);
	return line;
}

/* ---------------------------------------------------------------------------
 * Assertions on diagnostics. Each reports, on failure, every diagnostic the
 * loader gave, so that a failing test says what happened instead.
 */
static char report[8192];

static const char *severity_name(enum diag_severity severity)
{
	return severity == DIAG_ERROR ? "error" : "warning";
}

static void describe_all(const struct diag_list *list)
{
	size_t used = strlen(report);
	used += (size_t)snprintf(report + used, sizeof(report) - used, "\n  (%zu diagnostic%s)",
				 list->count, list->count == 1 ? "" : "s");
	for (size_t i = 0; i < list->count && used < sizeof(report); i++) {
		const struct diag *d = &list->items[i];
		used += (size_t)snprintf(report + used, sizeof(report) - used,
					 "\n  #%zu %s %s:%d: %s", i, severity_name(d->severity),
					 d->file, d->line, d->message);
	}
}

/* NULL when diagnostic INDEX is as expected, else what is wrong. */
static const char *diag_mismatch(const struct diag_list *list, size_t index,
				 enum diag_severity severity, const char *file, int line,
				 const char *part)
{
	if (index < list->count) {
		const struct diag *d = &list->items[index];
		if (d->severity == severity && strcmp(d->file, file) == 0 && d->line == line &&
		    strstr(d->message, part))
			return NULL;
	}
	snprintf(report, sizeof(report),
		 "expected diagnostic #%zu to be a %s at %s:%d saying \"%s\"", index,
		 severity_name(severity), file, line, part);
	describe_all(list);
	return report;
}

#define assert_diag(list, index, severity, file, line, part)                                       \
	do {                                                                                       \
		const char *wrong_ =                                                               \
			diag_mismatch((list), (index), (severity), (file), (line), (part));        \
		ck_assert_msg(wrong_ == NULL, "%s", wrong_);                                       \
	} while (0)

static const char *count_mismatch(const struct diag_list *list, size_t expected)
{
	if (list->count == expected)
		return NULL;
	snprintf(report, sizeof(report), "expected %zu diagnostic%s", expected,
		 expected == 1 ? "" : "s");
	describe_all(list);
	return report;
}

#define assert_diag_count(list, expected)                                                          \
	do {                                                                                       \
		const char *wrong_ = count_mismatch((list), (expected));                           \
		ck_assert_msg(wrong_ == NULL, "%s", wrong_);                                       \
	} while (0)

/* Loads PATH and checks that it is rejected with exactly one diagnostic: an
 * error at LINE of PATH whose message contains PART. Frees everything. */
static const char *single_error_mismatch(const char *path, int line, const char *part)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(path, &diags);
	const char *wrong = NULL;
	if (quiz) {
		snprintf(report, sizeof(report), "%s was accepted, expected an error", path);
		describe_all(&diags);
		wrong = report;
	}
	if (!wrong)
		wrong = count_mismatch(&diags, 1);
	if (!wrong)
		wrong = diag_mismatch(&diags, 0, DIAG_ERROR, path, line, part);
	quiz_free(quiz);
	diag_list_clear(&diags);
	return wrong;
}

#define assert_single_error(path, line, part)                                                      \
	do {                                                                                       \
		const char *wrong_ = single_error_mismatch((path), (line), (part));                \
		ck_assert_msg(wrong_ == NULL, "%s", wrong_);                                       \
	} while (0)

/* Runs part of a test from another working directory. */
static int enter_dir(const char *dir)
{
	int previous = open(".", O_RDONLY);
	ck_assert_msg(previous >= 0, "cannot open the working directory: %s", strerror(errno));
	ck_assert_msg(chdir(dir) == 0, "cannot enter %s: %s", dir, strerror(errno));
	return previous;
}

static void leave_dir(int previous)
{
	ck_assert_int_eq(fchdir(previous), 0);
	close(previous);
}

/* ===========================================================================
 * The bundled quizzes
 */

START_TEST(test_slyde_quiz_loads_without_diagnostics)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(TEST_DATA_DIR "/slyde/slyde.cfg", &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_str_eq(quiz->path, TEST_DATA_DIR "/slyde/slyde.cfg");
	ck_assert_str_eq(quiz->id, "slyde");
	ck_assert_uint_eq(quiz->role_count, 4);
	ck_assert_uint_eq(quiz->scenario_count, 2);
	ck_assert_uint_eq(quiz->question_count, 10);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_product_roles_quiz_loads_without_diagnostics)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(QUIZ_DIR "/product-roles.cfg", &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_str_eq(quiz->id, "product-roles");
	ck_assert_uint_eq(quiz->role_count, 4);
	/* The full bank: at least 34 questions, at least three of them in
	 * each of several scenarios, and a glossary of its jargon. */
	ck_assert_uint_ge(quiz->scenario_count, 6);
	ck_assert_uint_ge(quiz->question_count, 34);
	ck_assert_uint_ge(quiz->term_count, 20);
	for (size_t r = 0; r < quiz->role_count; r++)
		ck_assert(quiz->roles[r].next_step_count >= 3 &&
			  quiz->roles[r].next_step_count <= 5);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_quick_quiz_loads_without_diagnostics)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(QUIZ_DIR "/quick.cfg", &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_str_eq(quiz->id, "quick");
	ck_assert_uint_eq(quiz->role_count, 4);
	/* About ten questions, drawn from several scenarios, Slyde among
	 * them. */
	ck_assert(quiz->question_count >= 8 && quiz->question_count <= 12);
	ck_assert_uint_ge(quiz->scenario_count, 3);
	bool slyde = false;
	for (size_t i = 0; i < quiz->scenario_count; i++)
		slyde = slyde || strcmp(quiz->scenarios[i].id, "slyde") == 0;
	ck_assert(slyde);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_bundled_header_and_roles_are_read)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(TEST_DATA_DIR "/slyde/slyde.cfg", &diags);
	ck_assert_ptr_nonnull(quiz);
	ck_assert_str_eq(quiz->title, "Slyde: who would you be on the team?");
	/* Adjacent strings are joined, as in C. */
	ck_assert_msg(strncmp(quiz->description,
			      "A payments company in Lagos is losing users "
			      "wherever the connection is poor.",
			      76) == 0,
		      "description: %s", quiz->description);
	ck_assert_int_eq(quiz->version, 1);
	ck_assert(quiz->shuffle);
	const char *ids[] = {"pm", "pmm", "po", "project"};
	const char *shorts[] = {"PM", "PMM", "PO", "PjM"};
	for (size_t r = 0; r < 4; r++) {
		ck_assert_str_eq(quiz->roles[r].id, ids[r]);
		ck_assert_str_eq(quiz->roles[r].short_name, shorts[r]);
		ck_assert_str_ne(quiz->roles[r].summary, "");
		ck_assert_str_ne(quiz->roles[r].description, "");
	}
	ck_assert_str_eq(quiz->roles[0].name, "Product Manager");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_bundled_questions_are_stored_flat_in_file_order)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(TEST_DATA_DIR "/slyde/slyde.cfg", &diags);
	ck_assert_ptr_nonnull(quiz);
	ck_assert_str_eq(quiz->scenarios[0].id, "slyde");
	ck_assert_uint_eq(quiz->scenarios[0].first_question, 0);
	ck_assert_uint_eq(quiz->scenarios[0].question_count, 6);
	ck_assert_str_eq(quiz->scenarios[1].id, "measures");
	ck_assert_uint_eq(quiz->scenarios[1].first_question, 6);
	ck_assert_uint_eq(quiz->scenarios[1].question_count, 4);
	ck_assert_str_eq(quiz->questions[0].id, "slyde-first-move");
	ck_assert_uint_eq(quiz->questions[0].scenario, 0);
	ck_assert_str_eq(quiz->questions[5].id, "slyde-three-months");
	ck_assert_uint_eq(quiz->questions[5].scenario, 0);
	ck_assert_str_eq(quiz->questions[6].id, "measures-dashboard");
	ck_assert_uint_eq(quiz->questions[6].scenario, 1);
	ck_assert_str_eq(quiz->questions[9].id, "measures-praise");
	ck_assert_uint_eq(quiz->questions[9].scenario, 1);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_bundled_weights_and_scores_are_read)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(TEST_DATA_DIR "/slyde/slyde.cfg", &diags);
	ck_assert_ptr_nonnull(quiz);
	const struct quiz_question *first = &quiz->questions[0];
	ck_assert_double_eq(first->weight, 1.5);
	ck_assert_double_eq(quiz->questions[1].weight, 1.0); /* no weight given */
	ck_assert_uint_eq(first->option_count, 4);
	ck_assert_msg(strncmp(first->options[0].text, "Arrange interviews", 18) == 0, "text: %s",
		      first->options[0].text);
	/* scores = { pm = 3; pmm = 1; }: po and project are left out. */
	const double expected[] = {3, 1, 0, 0};
	for (size_t r = 0; r < 4; r++)
		ck_assert_double_eq(first->options[0].scores[r], expected[r]);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

/* ===========================================================================
 * Values read from a valid quiz
 */

START_TEST(test_minimal_quiz_loads_without_diagnostics)
{
	struct diag_list diags = {0};
	const char *path = mini_quiz();
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_str_eq(quiz->path, path);
	ck_assert_str_eq(quiz->id, "mini");
	ck_assert_str_eq(quiz->title, "Mini quiz");
	ck_assert_uint_eq(quiz->role_count, 2);
	ck_assert_uint_eq(quiz->scenario_count, 1);
	ck_assert_uint_eq(quiz->question_count, 1);
	ck_assert_str_eq(quiz->scenarios[0].title, "First scenario");
	ck_assert_str_eq(quiz->questions[0].prompt, "What do you do first?");
	ck_assert_str_eq(quiz->questions[0].options[1].text, "Order the backlog");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_optional_settings_take_their_defaults)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(mini_quiz(), &diags);
	ck_assert_ptr_nonnull(quiz);
	ck_assert_int_eq(quiz->version, 1);
	ck_assert(quiz->shuffle);
	ck_assert_str_eq(quiz->description, "");
	ck_assert_str_eq(quiz->roles[0].summary, "");
	ck_assert_str_eq(quiz->roles[0].description, "");
	ck_assert_str_eq(quiz->scenarios[0].story, "");
	ck_assert_str_eq(quiz->questions[0].debrief, "");
	ck_assert_double_eq(quiz->questions[0].weight, 1.0);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_role_short_name_defaults_to_its_name)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(mini_quiz(), &diags);
	ck_assert_ptr_nonnull(quiz);
	ck_assert_str_eq(quiz->roles[0].short_name, "Product Manager"); /* no short */
	ck_assert_str_eq(quiz->roles[1].short_name, "PO");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_version_and_shuffle_are_read)
{
	struct diag_list diags = {0};
	const char *path =
		mini_quiz_with(REPLACE(LINE_HEADER_EXTRA, "version = 3; shuffle = false;"));
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_int_eq(quiz->version, 3);
	ck_assert(!quiz->shuffle);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_version_0_is_allowed)
{
	struct diag_list diags = {0};
	struct quiz *quiz =
		quiz_load(mini_quiz_with(REPLACE(LINE_HEADER_EXTRA, "version = 0;")), &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_int_eq(quiz->version, 0);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_version_may_be_written_as_a_64_bit_integer)
{
	struct diag_list diags = {0};
	struct quiz *quiz =
		quiz_load(mini_quiz_with(REPLACE(LINE_HEADER_EXTRA, "version = 2L;")), &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_int_eq(quiz->version, 2);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_scores_follow_the_role_order_and_left_out_roles_score_0)
{
	struct diag_list diags = {0};
	const char *path = mini_quiz_with(
		REPLACE(LINE_OPTION_A, "{ text = \"A\"; scores = { po = -1; pm = 2; }; },"));
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_double_eq(quiz->questions[0].options[0].scores[0], 2);  /* pm */
	ck_assert_double_eq(quiz->questions[0].options[0].scores[1], -1); /* po */
	ck_assert_double_eq(quiz->questions[0].options[1].scores[0], 0);  /* left out */
	ck_assert_double_eq(quiz->questions[0].options[1].scores[1], 2);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_an_option_without_scores_scores_0_for_every_role)
{
	struct diag_list diags = {0};
	const char *path = mini_quiz_with(
		REPLACE(LINE_OPTION_A, "{ text = \"A\"; scores = { pm = 2; po = 1; }; },"),
		REPLACE(LINE_OPTION_B, "{ text = \"B\"; }"));
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_double_eq(quiz->questions[0].options[1].scores[0], 0);
	ck_assert_double_eq(quiz->questions[0].options[1].scores[1], 0);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_scores_may_be_decimals)
{
	struct diag_list diags = {0};
	const char *path = mini_quiz_with(
		REPLACE(LINE_OPTION_A, "{ text = \"A\"; scores = { pm = 2.5; po = -0.5; }; },"));
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_double_eq(quiz->questions[0].options[0].scores[0], 2.5);
	ck_assert_double_eq(quiz->questions[0].options[0].scores[1], -0.5);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_scores_of_5_and_minus_5_are_allowed)
{
	struct diag_list diags = {0};
	const char *path = mini_quiz_with(
		REPLACE(LINE_OPTION_A, "{ text = \"A\"; scores = { pm = 5; po = -5.0; }; },"));
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_double_eq(quiz->questions[0].options[0].scores[0], 5);
	ck_assert_double_eq(quiz->questions[0].options[0].scores[1], -5);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_weight_of_10_is_allowed)
{
	struct diag_list diags = {0};
	struct quiz *quiz =
		quiz_load(mini_quiz_with(REPLACE(LINE_QUESTION_EXTRA, "weight = 10;")), &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_double_eq(quiz->questions[0].weight, 10);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_weight_of_a_half_is_allowed)
{
	struct diag_list diags = {0};
	struct quiz *quiz =
		quiz_load(mini_quiz_with(REPLACE(LINE_QUESTION_EXTRA, "weight = 0.5;")), &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_double_eq(quiz->questions[0].weight, 0.5);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_role_id_may_hold_digits_and_underscores)
{
	struct diag_list diags = {0};
	const char *path = mini_quiz_with(
		REPLACE(LINE_ROLE_PO, "  { id = \"p_o2\"; name = \"Product Owner\"; }"),
		REPLACE(LINE_OPTION_B, "{ text = \"B\"; scores = { p_o2 = 2; }; }"));
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_str_eq(quiz->roles[1].id, "p_o2");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_question_id_may_hold_dashes_underscores_and_dots)
{
	struct diag_list diags = {0};
	struct quiz *quiz =
		quiz_load(mini_quiz_with(REPLACE(LINE_QUESTION_ID, "id = \"q-1_a.b\";")), &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_str_eq(quiz->questions[0].id, "q-1_a.b");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_question_id_may_equal_a_scenario_id)
{
	struct diag_list diags = {0};
	struct quiz *quiz =
		quiz_load(mini_quiz_with(REPLACE(LINE_QUESTION_ID, "id = \"s1\";")), &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_str_eq(quiz->questions[0].id, "s1");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_roles_and_questions_remember_where_they_are_written)
{
	struct diag_list diags = {0};
	const char *path = mini_quiz();
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	ck_assert_str_eq(quiz->roles[0].file, path);
	ck_assert_int_eq(quiz->roles[0].line, LINE_ROLE_PM);
	ck_assert_int_eq(quiz->roles[1].line, LINE_ROLE_PO);
	ck_assert_str_eq(quiz->questions[0].file, path);
	ck_assert_int_eq(quiz->questions[0].line, LINE_QUESTION);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_twelve_roles_are_allowed)
{
	struct diag_list diags = {0};
	const char *path = mini_quiz_with(REPLACE(LINE_ROLE_PO, po_and_more_roles(12)));
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	/* Only warnings: roles r3 to r12 are never scored. */
	ck_assert_uint_eq(diag_count(&diags, DIAG_ERROR), 0);
	ck_assert_uint_eq(quiz->role_count, 12);
	ck_assert_str_eq(quiz->roles[11].id, "r12");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_nine_options_are_allowed)
{
	struct diag_list diags = {0};
	const char *path =
		mini_quiz_with(REPLACE_LINES(LINE_OPTION_A, LINE_OPTION_B, options_line(9)));
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_uint_eq(quiz->questions[0].option_count, 9);
	ck_assert_str_eq(quiz->questions[0].options[8].text, "Option 9");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

/* ===========================================================================
 * Rules: each breach is an error at the exact line of the setting at fault
 */

START_TEST(test_missing_quiz_setting_is_reported_at_line_1)
{
	/* The top level has no line of its own: it is blamed on line 1. */
	assert_single_error(mini_quiz_with(REPLACE(LINE_TITLE, "")), 1,
			    "the quiz is missing the required setting 'title'");
}
END_TEST

START_TEST(test_missing_role_setting_is_reported_at_the_role_line)
{
	const char *path = mini_quiz_with(REPLACE(LINE_ROLE_PM, "  { id = \"pm\"; },"));
	assert_single_error(path, LINE_ROLE_PM, "a role is missing the required setting 'name'");
}
END_TEST

START_TEST(test_missing_scenario_setting_is_reported_at_the_scenario_line)
{
	const char *path = mini_quiz_with(REPLACE(LINE_SCENARIO_TITLE, ""));
	assert_single_error(path, LINE_SCENARIO,
			    "a scenario is missing the required setting 'title'");
}
END_TEST

START_TEST(test_missing_question_setting_is_reported_at_the_question_line)
{
	const char *path = mini_quiz_with(REPLACE(LINE_PROMPT, ""));
	assert_single_error(path, LINE_QUESTION,
			    "a question is missing the required setting 'prompt'");
}
END_TEST

START_TEST(test_missing_option_setting_is_reported_at_the_option_line)
{
	const char *path = mini_quiz_with(REPLACE(LINE_OPTION_A, "{ scores = { pm = 2; }; },"));
	assert_single_error(path, LINE_OPTION_A,
			    "an option is missing the required setting 'text'");
}
END_TEST

START_TEST(test_missing_question_id_is_an_error)
{
	const char *path = mini_quiz_with(REPLACE(LINE_QUESTION_ID, ""));
	assert_single_error(path, LINE_QUESTION, "a question is missing the required setting 'id'");
}
END_TEST

START_TEST(test_title_that_is_not_a_string_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_TITLE, "title = 42;")), LINE_TITLE,
			    "'title' in the quiz must be a string, not an integer");
}
END_TEST

START_TEST(test_version_that_is_not_a_number_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_HEADER_EXTRA, "version = \"two\";")),
			    LINE_HEADER_EXTRA,
			    "'version' in the quiz must be a number, not a string");
}
END_TEST

START_TEST(test_version_that_is_not_a_whole_number_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_HEADER_EXTRA, "version = 1.5;")),
			    LINE_HEADER_EXTRA,
			    "version is not whole; it must be a whole number from 0 to 2147483647");
}
END_TEST

START_TEST(test_negative_version_is_an_error)
{
	assert_single_error(
		mini_quiz_with(REPLACE(LINE_HEADER_EXTRA, "version = -1;")), LINE_HEADER_EXTRA,
		"version is out of range; it must be a whole number from 0 to 2147483647");
}
END_TEST

START_TEST(test_shuffle_that_is_not_a_boolean_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_HEADER_EXTRA, "shuffle = \"yes\";")),
			    LINE_HEADER_EXTRA,
			    "'shuffle' in the quiz must be a boolean, not a string");
}
END_TEST

START_TEST(test_weight_that_is_not_a_number_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_QUESTION_EXTRA, "weight = \"heavy\";")),
			    LINE_QUESTION_EXTRA,
			    "'weight' in a question must be a number, not a string");
}
END_TEST

START_TEST(test_roles_that_are_not_a_list_is_an_error)
{
	/* An array [ ] instead of a list ( ); the blank lines keep the numbering. */
	const char *path = mini_quiz_with(
		REPLACE_LINES(LINE_ROLES, LINE_ROLES_END, "roles = [ \"pm\", \"po\" ];\n\n\n"));
	assert_single_error(path, LINE_ROLES, "'roles' in the quiz must be a list, not an array");
}
END_TEST

START_TEST(test_role_that_is_not_a_group_is_an_error)
{
	/* A number: libconfig 1.5 dates a string element by the token after it,
	 * so a lone "po" here would be blamed on the next line. */
	assert_single_error(mini_quiz_with(REPLACE(LINE_ROLE_PO, "  42")), LINE_ROLE_PO,
			    "each of the roles in the quiz must be a group { ... }");
}
END_TEST

START_TEST(test_scores_that_are_not_a_group_is_an_error)
{
	const char *path = mini_quiz_with(REPLACE(LINE_OPTION_A, "{ text = \"A\"; scores = 2; },"));
	assert_single_error(path, LINE_OPTION_A,
			    "'scores' in an option must be a group, not an integer");
}
END_TEST

START_TEST(test_score_that_is_not_a_number_is_an_error)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_OPTION_A, "{ text = \"A\"; scores = { pm = \"high\"; }; },"));
	assert_single_error(path, LINE_OPTION_A,
			    "the score for 'pm' must be a number, not a string");
}
END_TEST

START_TEST(test_quiz_id_with_capitals_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_QUIZ_ID, "id = \"Mini\";")), LINE_QUIZ_ID,
			    "id 'Mini' in the quiz is not valid");
}
END_TEST

START_TEST(test_quiz_id_with_an_underscore_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_QUIZ_ID, "id = \"my_quiz\";")),
			    LINE_QUIZ_ID,
			    "id 'my_quiz' in the quiz is not valid: use lower-case letters, digits "
			    "and '-'");
}
END_TEST

START_TEST(test_quiz_id_with_a_dot_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_QUIZ_ID, "id = \"my.quiz\";")),
			    LINE_QUIZ_ID, "id 'my.quiz' in the quiz is not valid");
}
END_TEST

START_TEST(test_role_id_starting_with_a_digit_is_an_error)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_ROLE_PM, "  { id = \"1pm\"; name = \"Product Manager\"; },"),
		REPLACE(LINE_OPTION_A, "{ text = \"A\"; scores = { po = -2; }; },"));
	assert_single_error(path, LINE_ROLE_PM,
			    "id '1pm' in a role is not valid: use a lower-case letter, then "
			    "lower-case letters, digits or '_'");
}
END_TEST

START_TEST(test_role_id_with_a_dash_is_an_error)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_ROLE_PO, "  { id = \"p-o\"; name = \"Product Owner\"; }"),
		REPLACE(LINE_OPTION_B, "{ text = \"B\"; scores = { p-o = 2; }; }"));
	assert_single_error(path, LINE_ROLE_PO, "id 'p-o' in a role is not valid");
}
END_TEST

START_TEST(test_scenario_id_with_capitals_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_SCENARIO_ID, "id = \"S1\";")),
			    LINE_SCENARIO_ID, "id 'S1' in a scenario is not valid");
}
END_TEST

START_TEST(test_question_id_with_a_space_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_QUESTION_ID, "id = \"q 1\";")),
			    LINE_QUESTION_ID,
			    "id 'q 1' in a question is not valid: use lower-case letters, digits, "
			    "'-', '_' or '.'");
}
END_TEST

START_TEST(test_empty_id_is_an_error)
{
	/* Reported as empty, not also as not valid. */
	assert_single_error(mini_quiz_with(REPLACE(LINE_QUESTION_ID, "id = \"\";")),
			    LINE_QUESTION_ID, "'id' in a question must not be empty");
}
END_TEST

START_TEST(test_duplicate_role_id_is_an_error)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_ROLE_PO, "  { id = \"pm\"; name = \"Product Owner\"; }"),
		REPLACE(LINE_OPTION_B, "{ text = \"B\"; scores = { pm = -2; }; }"));
	assert_single_error(path, LINE_ROLE_PO, "duplicate role id 'pm'");
}
END_TEST

START_TEST(test_duplicate_scenario_id_is_an_error)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_SCENARIO_END, "  },\n"
					   "  { id = \"s1\"; title = \"Again\"; questions = ( { id "
					   "= \"q2\"; prompt = \"Then?\"; "
					   "options = ( { text = \"A\"; scores = { pm = 1; }; }, "
					   "{ text = \"B\"; scores = { po = 1; }; } ); } ); }"));
	assert_single_error(path, LINE_SCENARIO_END + 1, "duplicate scenario id 's1'");
}
END_TEST

START_TEST(test_duplicate_question_id_is_an_error)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_QUESTION_END, "      },\n"
					   "      { id = \"q1\"; prompt = \"Then?\"; options = ( "
					   "{ text = \"A\"; scores = { pm = 1; }; }, { text = "
					   "\"B\"; scores = { po = 1; }; } ); }"));
	assert_single_error(path, LINE_QUESTION_END + 1, "duplicate question id 'q1'");
}
END_TEST

START_TEST(test_duplicate_question_id_in_another_scenario_is_an_error)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_SCENARIO_END, "  },\n"
					   "  { id = \"s2\"; title = \"Later\"; questions = ( { id "
					   "= \"q1\"; prompt = \"Then?\"; "
					   "options = ( { text = \"A\"; scores = { pm = 1; }; }, "
					   "{ text = \"B\"; scores = { po = 1; }; } ); } ); }"));
	assert_single_error(path, LINE_SCENARIO_END + 1, "duplicate question id 'q1'");
}
END_TEST

START_TEST(test_unknown_role_names_its_line)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_OPTION_B, "{ text = \"B\"; scores = { po = 2; ux = 1; }; }"));
	assert_single_error(path, LINE_OPTION_B,
			    "unknown role 'ux' in the scores of question 'q1'");
}
END_TEST

START_TEST(test_score_above_5_is_an_error)
{
	const char *path =
		mini_quiz_with(REPLACE(LINE_OPTION_A, "{ text = \"A\"; scores = { pm = 6; }; },"));
	assert_single_error(path, LINE_OPTION_A,
			    "the score for 'pm' is 6; scores must be between -5 and 5");
}
END_TEST

START_TEST(test_score_below_minus_5_is_an_error)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_OPTION_B, "{ text = \"B\"; scores = { po = -5.5; }; }"));
	assert_single_error(path, LINE_OPTION_B,
			    "the score for 'po' is -5.5; scores must be between -5 and 5");
}
END_TEST

START_TEST(test_weight_0_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_QUESTION_EXTRA, "weight = 0;")),
			    LINE_QUESTION_EXTRA,
			    "weight is 0; it must be more than 0 and at most 10");
}
END_TEST

/* libconfig 1.5 reads 4294967297 as 1; the loader reads the literal back. */
START_TEST(test_integer_too_large_for_libconfig_is_an_error)
{
	assert_single_error(
		mini_quiz_with(REPLACE(LINE_QUESTION_EXTRA, "weight = 4294967297;")),
		LINE_QUESTION_EXTRA,
		"the number for 'weight' is too large: libconfig 1.5 would read it as 1");
}
END_TEST

START_TEST(test_negative_weight_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_QUESTION_EXTRA, "weight = -1.5;")),
			    LINE_QUESTION_EXTRA, "weight is -1.5; it must be more than 0");
}
END_TEST

START_TEST(test_weight_above_10_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_QUESTION_EXTRA, "weight = 11;")),
			    LINE_QUESTION_EXTRA,
			    "weight is 11; it must be more than 0 and at most 10");
}
END_TEST

START_TEST(test_a_single_role_is_too_few)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_ROLE_PM, "  { id = \"pm\"; name = \"Product Manager\"; }"),
		REPLACE(LINE_ROLE_PO, ""),
		REPLACE(LINE_OPTION_B, "{ text = \"B\"; scores = { pm = -2; }; }"));
	assert_single_error(path, LINE_ROLES, "the quiz needs 2 to 12 roles, but has 1");
}
END_TEST

START_TEST(test_thirteen_roles_are_too_many)
{
	const char *path = mini_quiz_with(REPLACE(LINE_ROLE_PO, po_and_more_roles(13)));
	assert_single_error(path, LINE_ROLES, "the quiz needs 2 to 12 roles, but has 13");
}
END_TEST

START_TEST(test_a_single_option_is_too_few)
{
	const char *path =
		mini_quiz_with(REPLACE_LINES(LINE_OPTION_A, LINE_OPTION_B, options_line(1)));
	assert_single_error(path, LINE_OPTIONS, "a question needs 2 to 9 options, but has 1");
}
END_TEST

START_TEST(test_ten_options_are_too_many)
{
	const char *path =
		mini_quiz_with(REPLACE_LINES(LINE_OPTION_A, LINE_OPTION_B, options_line(10)));
	assert_single_error(path, LINE_OPTIONS, "a question needs 2 to 9 options, but has 10");
}
END_TEST

START_TEST(test_a_quiz_without_scenarios_is_an_error)
{
	const char *path = mini_quiz_with(
		REPLACE_LINES(LINE_SCENARIOS, LINE_SCENARIOS_END, "scenarios = ( );"));
	assert_single_error(path, LINE_SCENARIOS,
			    "the quiz has no scenarios; it needs at least one");
}
END_TEST

START_TEST(test_a_scenario_without_questions_is_an_error)
{
	const char *path = mini_quiz_with(
		REPLACE_LINES(LINE_QUESTIONS, LINE_QUESTIONS_END, "    questions = ( );"));
	assert_single_error(path, LINE_QUESTIONS,
			    "a scenario has no questions; it needs at least one");
}
END_TEST

START_TEST(test_empty_option_text_is_an_error)
{
	const char *path =
		mini_quiz_with(REPLACE(LINE_OPTION_A, "{ text = \"\"; scores = { pm = 2; }; },"));
	assert_single_error(path, LINE_OPTION_A, "'text' in an option must not be empty");
}
END_TEST

START_TEST(test_empty_prompt_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_PROMPT, "prompt = \"\";")), LINE_PROMPT,
			    "'prompt' in a question must not be empty");
}
END_TEST

START_TEST(test_whitespace_only_prompt_is_an_error)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_PROMPT, "prompt = \" \\t\\n  \";")),
			    LINE_PROMPT, "'prompt' in a question must not be empty");
}
END_TEST

START_TEST(test_empty_role_name_is_an_error)
{
	const char *path =
		mini_quiz_with(REPLACE(LINE_ROLE_PM, "  { id = \"pm\"; name = \"\"; },"));
	assert_single_error(path, LINE_ROLE_PM, "'name' in a role must not be empty");
}
END_TEST

/* ===========================================================================
 * Files that cannot be read or parsed
 */

START_TEST(test_syntax_error_is_reported_at_libconfigs_line)
{
	assert_single_error(mini_quiz_with(REPLACE(LINE_PROMPT, "prompt = = \"Why?\";")),
			    LINE_PROMPT, "syntax error");
}
END_TEST

START_TEST(test_setting_given_twice_is_a_libconfig_error)
{
	const char *path = mini_quiz_with(REPLACE(LINE_HEADER_EXTRA, "title = \"Again\";"));
	assert_single_error(path, LINE_HEADER_EXTRA, "duplicate setting name");
}
END_TEST

START_TEST(test_empty_file_is_an_error)
{
	assert_single_error(write_file("empty.cfg", "", 0), 1,
			    "the file holds no settings: it is empty");
}
END_TEST

START_TEST(test_file_with_only_comments_is_empty)
{
	const char text[] = "# A quiz, some day.\n// Not yet.\n";
	assert_single_error(write_file("comments.cfg", text, sizeof(text) - 1), 1,
			    "the file holds no settings: it is empty");
}
END_TEST

START_TEST(test_missing_file_is_an_error_about_the_whole_file)
{
	struct diag_list diags = {0};
	const char *path = temp_path("no-such-quiz.cfg");
	ck_assert_ptr_null(quiz_load(path, &diags));
	assert_diag_count(&diags, 1);
	assert_diag(&diags, 0, DIAG_ERROR, path, 0, "cannot read the quiz");
	ck_assert_ptr_nonnull(strstr(diags.items[0].message, strerror(ENOENT)));
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_folder_is_an_error_about_the_whole_file)
{
	struct diag_list diags = {0};
	ck_assert_ptr_null(quiz_load(tmpdir, &diags));
	assert_diag_count(&diags, 1);
	assert_diag(&diags, 0, DIAG_ERROR, tmpdir, 0, "is a folder, not a quiz file");
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_binary_garbage_is_refused_as_not_text)
{
	/* 0xFF and NUL first, then a few hundred bytes of every value. */
	unsigned char bytes[302] = {0xFF, 0x00};
	for (size_t i = 2; i < sizeof(bytes); i++)
		bytes[i] = (unsigned char)(i * 37 + 11);
	char path[4096];
	snprintf(path, sizeof(path), "%s/garbage-XXXXXX", tmpdir);
	int fd = mkstemp(path);
	ck_assert_msg(fd >= 0, "mkstemp: %s", strerror(errno));
	ck_assert_int_eq(write(fd, bytes, sizeof(bytes)), (int)sizeof(bytes));
	ck_assert_int_eq(close(fd), 0);

	/* libconfig would stop reading at the NUL, so it is refused first. */
	assert_single_error(path, 1, "holds a NUL byte: it is not a text file");
	unlink(path);
}
END_TEST

/* ===========================================================================
 * @include
 */

START_TEST(test_include_paths_are_relative_to_the_quiz_folder)
{
	struct diag_list diags = {0};
	int previous = enter_dir("/");
	struct quiz *quiz = quiz_load(LOADER_DATA "/included.cfg", &diags);
	leave_dir(previous);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_uint_eq(quiz->role_count, 2);
	ck_assert_str_eq(quiz->roles[1].short_name, "PO");
	ck_assert_uint_eq(quiz->scenario_count, 2);
	ck_assert_str_eq(quiz->scenarios[0].id, "first");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_nested_include_paths_are_relative_to_the_top_quiz_folder)
{
	/* parts/nested.cfg includes "parts/questions.cfg", not "questions.cfg". */
	struct diag_list diags = {0};
	int previous = enter_dir("/");
	struct quiz *quiz = quiz_load(LOADER_DATA "/included.cfg", &diags);
	leave_dir(previous);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_str_eq(quiz->scenarios[1].id, "nested");
	ck_assert_uint_eq(quiz->scenarios[1].first_question, 1);
	ck_assert_uint_eq(quiz->scenarios[1].question_count, 1);
	ck_assert_str_eq(quiz->questions[1].id, "nested-q");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_bundled_quiz_loads_from_any_working_directory)
{
	struct diag_list diags = {0};
	int previous = enter_dir("/");
	struct quiz *quiz = quiz_load(TEST_DATA_DIR "/slyde/slyde.cfg", &diags);
	leave_dir(previous);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_uint_eq(quiz->question_count, 10);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_error_in_included_file_names_that_file_and_line)
{
	struct diag_list diags = {0};
	int previous = enter_dir("/");
	struct quiz *quiz = quiz_load(LOADER_DATA "/included_error.cfg", &diags);
	leave_dir(previous);
	ck_assert_ptr_null(quiz);
	assert_diag_count(&diags, 1);
	assert_diag(&diags, 0, DIAG_ERROR, LOADER_DATA "/parts/bad_scenario.cfg", 11,
		    "unknown role 'ux' in the scores of question 'bad-q'");
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_included_file_is_named_as_seen_from_the_working_directory)
{
	/* With a relative quiz path, the included file's path is relative too:
	 * one the author can open from where they ran the command. */
	struct diag_list diags = {0};
	int previous = enter_dir(TEST_DATA_DIR);
	struct quiz *quiz = quiz_load("loader/included_error.cfg", &diags);
	leave_dir(previous);
	ck_assert_ptr_null(quiz);
	assert_diag_count(&diags, 1);
	assert_diag(&diags, 0, DIAG_ERROR, "loader/parts/bad_scenario.cfg", 11,
		    "unknown role 'ux'");
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_included_questions_remember_their_own_file_and_line)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(LOADER_DATA "/included.cfg", &diags);
	ck_assert_ptr_nonnull(quiz);
	ck_assert_str_eq(quiz->roles[1].file, LOADER_DATA "/parts/roles.cfg");
	ck_assert_int_eq(quiz->roles[1].line, 4);
	ck_assert_str_eq(quiz->questions[0].file, LOADER_DATA "/parts/scenario.cfg");
	ck_assert_int_eq(quiz->questions[0].line, 6);
	ck_assert_str_eq(quiz->questions[1].file, LOADER_DATA "/parts/questions.cfg");
	ck_assert_int_eq(quiz->questions[1].line, 2);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_missing_include_names_the_file_and_where_includes_are_read)
{
	struct diag_list diags = {0};
	int previous = enter_dir("/");
	struct quiz *quiz = quiz_load(LOADER_DATA "/include_missing.cfg", &diags);
	leave_dir(previous);
	ck_assert_ptr_null(quiz);
	assert_diag_count(&diags, 1);
	assert_diag(&diags, 0, DIAG_ERROR, LOADER_DATA "/include_missing.cfg", 5,
		    "cannot open the included file 'parts/no-such-file.cfg': includes are read "
		    "from " LOADER_DATA "/");
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_syntax_error_in_included_file_names_that_file_and_line)
{
	struct diag_list diags = {0};
	int previous = enter_dir("/");
	struct quiz *quiz = quiz_load(LOADER_DATA "/include_syntax.cfg", &diags);
	leave_dir(previous);
	ck_assert_ptr_null(quiz);
	assert_diag_count(&diags, 1);
	assert_diag(&diags, 0, DIAG_ERROR, LOADER_DATA "/parts/broken_roles.cfg", 4,
		    "syntax error");
	diag_list_clear(&diags);
}
END_TEST

/* ===========================================================================
 * Several problems
 */

START_TEST(test_every_problem_in_a_file_is_reported_in_file_order)
{
	const char *path = LOADER_DATA "/many_problems.cfg";
	struct diag_list diags = {0};
	ck_assert_ptr_null(quiz_load(path, &diags));
	assert_diag_count(&diags, 7);
	assert_diag(&diags, 0, DIAG_ERROR, path, 3, "id 'Many' in the quiz is not valid");
	assert_diag(&diags, 1, DIAG_ERROR, path, 5,
		    "'version' in the quiz must be a number, not a string");
	assert_diag(&diags, 2, DIAG_ERROR, path, 8, "duplicate role id 'pm'");
	assert_diag(&diags, 3, DIAG_ERROR, path, 13, "'title' in a scenario must not be empty");
	assert_diag(&diags, 4, DIAG_ERROR, path, 18, "weight is 0");
	assert_diag(&diags, 5, DIAG_ERROR, path, 20, "the score for 'pm' is 9");
	assert_diag(&diags, 6, DIAG_ERROR, path, 21, "unknown role 'ux'");
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_diagnostics_are_added_to_those_already_in_the_list)
{
	struct diag_list diags = {0};
	ck_assert_ptr_null(quiz_load(temp_path("no-such-quiz.cfg"), &diags));
	ck_assert_ptr_null(
		quiz_load(mini_quiz_with(REPLACE(LINE_QUESTION_EXTRA, "weight = 0;")), &diags));
	assert_diag_count(&diags, 2);
	assert_diag(&diags, 0, DIAG_ERROR, temp_path("no-such-quiz.cfg"), 0, "cannot read");
	assert_diag(&diags, 1, DIAG_ERROR, temp_path("mini.cfg"), LINE_QUESTION_EXTRA,
		    "weight is 0");
	diag_list_clear(&diags);
}
END_TEST

/* ===========================================================================
 * Warnings: the quiz is still returned
 */

START_TEST(test_misspelt_setting_is_a_warning_with_a_suggestion)
{
	struct diag_list diags = {0};
	const char *path = mini_quiz_with(REPLACE(LINE_QUESTION_EXTRA, "promt = \"Why?\";"));
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 1);
	assert_diag(
		&diags, 0, DIAG_WARNING, path, LINE_QUESTION_EXTRA,
		"unknown setting 'promt' in a question (did you mean 'prompt'?); it is ignored");
	ck_assert_str_eq(quiz->questions[0].prompt, "What do you do first?");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_unknown_setting_unlike_any_other_is_a_warning_without_suggestion)
{
	struct diag_list diags = {0};
	const char *path = mini_quiz_with(REPLACE(LINE_HEADER_EXTRA, "colour = \"blue\";"));
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 1);
	assert_diag(&diags, 0, DIAG_WARNING, path, LINE_HEADER_EXTRA,
		    "unknown setting 'colour' in the quiz; it is ignored");
	ck_assert_ptr_null(strstr(diags.items[0].message, "did you mean"));
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_role_that_no_option_scores_is_a_warning)
{
	struct diag_list diags = {0};
	const char *path = mini_quiz_with(REPLACE(LINE_ROLE_PO,
						  "  { id = \"po\"; name = \"Product Owner\"; }, "
						  "{ id = \"ux\"; name = \"UX Designer\"; }"));
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 1);
	/* The warning points at the role itself. */
	assert_diag(&diags, 0, DIAG_WARNING, path, LINE_ROLE_PO,
		    "no option scores the role 'ux', so its affinity is undefined");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_question_whose_options_all_score_alike_is_a_warning)
{
	struct diag_list diags = {0};
	const char *path = mini_quiz_with(
		REPLACE(LINE_OPTION_A, "{ text = \"A\"; scores = { pm = 2; po = -1; }; },"),
		REPLACE(LINE_OPTION_B, "{ text = \"B\"; scores = { po = -1.0; pm = 2.0; }; }"));
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 1);
	assert_diag(&diags, 0, DIAG_WARNING, path, LINE_QUESTION,
		    "every option of question 'q1' scores the same, so it cannot tell the "
		    "roles apart");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_scores_of_0_and_minus_0_count_as_alike)
{
	struct diag_list diags = {0};
	const char *path = mini_quiz_with(
		REPLACE(LINE_OPTION_A, "{ text = \"A\"; scores = { pm = 1; po = 0.0; }; },"),
		REPLACE(LINE_OPTION_B, "{ text = \"B\"; scores = { pm = 1; po = -0.0; }; }"),
		REPLACE(LINE_QUESTION_END, "      },\n"
					   "      { id = \"q2\"; prompt = \"Then?\"; options = ( "
					   "{ text = \"A\"; scores = { po = 1; }; }, "
					   "{ text = \"B\"; scores = { pm = 1; }; } ); }"));
	struct quiz *quiz = quiz_load(path, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 1);
	assert_diag(&diags, 0, DIAG_WARNING, path, LINE_QUESTION,
		    "every option of question 'q1' scores the same");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

/* ===========================================================================
 * Looking things up
 */

/* ---- role titles in the text, next steps, the glossary, select ---- */

static struct quiz *load_expecting(const char *path, size_t diagnostics, struct diag_list *diags)
{
	*diags = (struct diag_list){0};
	struct quiz *quiz = quiz_load(path, diags);
	assert_diag_count(diags, diagnostics);
	return quiz;
}

START_TEST(test_prompt_naming_a_role_is_a_warning_at_its_line)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_PROMPT, "prompt = \"What would a product owner do?\";"));
	struct diag_list diags;
	struct quiz *quiz = load_expecting(path, 1, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag(&diags, 0, DIAG_WARNING, path, LINE_PROMPT, "names the role 'po'");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_short_form_in_an_option_is_a_warning_only_as_written)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_OPTION_A, "{ text = \"Ask the PO\"; scores = { pm = 2; }; },"),
		REPLACE(LINE_OPTION_B, "{ text = \"Post it by 5 po, Product Ownership\"; scores = "
				       "{ po = 2; }; }"));
	struct diag_list diags;
	struct quiz *quiz = load_expecting(path, 1, &diags);
	assert_diag(&diags, 0, DIAG_WARNING, path, LINE_OPTION_A, "(\"PO\")");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_story_naming_a_role_is_a_warning)
{
	const char *path = mini_quiz_with(REPLACE(
		LINE_SCENARIO_TITLE, "title = \"First\"; story = \"The Product Manager left.\";"));
	struct diag_list diags;
	struct quiz *quiz = load_expecting(path, 1, &diags);
	assert_diag(&diags, 0, DIAG_WARNING, path, LINE_SCENARIO_TITLE, "story of scenario 's1'");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_next_steps_are_read_in_order)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_ROLE_PM, "  { id = \"pm\"; name = \"Product Manager\"; next_steps = "
				      "( \"Shadow an interview.\", \"Write a strategy.\" ); },"));
	struct diag_list diags;
	struct quiz *quiz = load_expecting(path, 0, &diags);
	ck_assert_uint_eq(quiz->roles[0].next_step_count, 2);
	ck_assert_str_eq(quiz->roles[0].next_steps[1], "Write a strategy.");
	ck_assert_uint_eq(quiz->roles[1].next_step_count, 0);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_next_step_that_is_not_a_string_names_its_line)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_ROLE_PM, "  { id = \"pm\"; name = \"Product Manager\"; next_steps = "
				      "( 3 ); },"));
	assert_single_error(path, LINE_ROLE_PM, "must be a string");
}
END_TEST

START_TEST(test_glossary_is_read_in_file_order)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_HEADER_EXTRA, "glossary = ( { term = \"backlog\"; meaning = \"The "
					   "ordered list.\"; }, { term = \"sprint\"; meaning = "
					   "\"A short cycle.\"; } );"));
	struct diag_list diags;
	struct quiz *quiz = load_expecting(path, 0, &diags);
	ck_assert_uint_eq(quiz->term_count, 2);
	ck_assert_str_eq(quiz->glossary[0].term, "backlog");
	ck_assert_str_eq(quiz->glossary[1].meaning, "A short cycle.");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_glossary_term_explained_twice_is_an_error)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_HEADER_EXTRA, "glossary = ( { term = \"Backlog\"; meaning = \"A.\"; },"
					   " { term = \"backlog\"; meaning = \"B.\"; } );"));
	assert_single_error(path, LINE_HEADER_EXTRA, "explains 'backlog' twice");
}
END_TEST

#define SECOND_SCENARIO                                                                            \
	"  }, { id = \"s2\"; title = \"Second\"; questions = ( { id = \"q2\"; prompt = \"P\";"     \
	" options = ( { text = \"A\"; scores = { pm = 1; }; }, { text = \"B\"; scores = "          \
	"{ po = 1; }; } ); } ); }"

START_TEST(test_select_keeps_the_named_questions_and_their_scenarios)
{
	const char *path = mini_quiz_with(REPLACE(LINE_HEADER_EXTRA, "select = [ \"q2\" ];"),
					  REPLACE(LINE_SCENARIO_END, SECOND_SCENARIO));
	struct diag_list diags;
	struct quiz *quiz = load_expecting(path, 0, &diags);
	ck_assert_uint_eq(quiz->question_count, 1);
	ck_assert_uint_eq(quiz->scenario_count, 1);
	ck_assert_str_eq(quiz->scenarios[0].id, "s2");
	ck_assert_str_eq(quiz->questions[0].id, "q2");
	ck_assert_uint_eq(quiz->questions[0].scenario, 0);
	ck_assert_uint_eq(quiz->scenarios[0].first_question, 0);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_select_of_an_unknown_question_names_its_line)
{
	const char *path = mini_quiz_with(REPLACE(LINE_HEADER_EXTRA, "select = ( \"q9\" );"));
	assert_single_error(path, LINE_HEADER_EXTRA, "'select' names the question 'q9'");
}
END_TEST

/* A file with thousands of mistakes: the first hundred are told, then the
 * loader says it stops, rather than checking on for minutes. */
START_TEST(test_loader_stops_after_a_hundred_problems)
{
	size_t size = 1 << 20, used = 0;
	char *text = malloc(size);
	used += (size_t)snprintf(text + used, size - used,
				 "id = \"many\"; title = \"Many\";\nroles = ( { id = \"a\"; name = "
				 "\"A\"; }, { id = \"b\"; name = \"B\"; } );\nscenarios = ( { id = "
				 "\"s\"; title = \"S\"; questions = (\n");
	for (int q = 0; q < 3000; q++)
		used += (size_t)snprintf(text + used, size - used,
					 "%s{ id = \"q%d\"; prompt = \"P\"; options = ( { text = "
					 "\"x\"; scores = { zz = 1; }; }, { text = \"y\"; } ); }\n",
					 q ? "," : "", q);
	used += (size_t)snprintf(text + used, size - used, ") } );\n");
	const char *path = write_file("many.cfg", text, used);
	free(text);
	struct diag_list diags = {0};
	ck_assert_ptr_null(quiz_load(path, &diags));
	assert_diag_count(&diags, 101);
	assert_diag(&diags, 100, DIAG_ERROR, path, 104, "more than 100 problems");
	diag_list_clear(&diags);
}
END_TEST

/* Duplicates are found among many ids without comparing every pair. */
START_TEST(test_duplicate_question_id_among_thousands_names_its_line)
{
	size_t size = 1 << 20, used = 0;
	char *text = malloc(size);
	used += (size_t)snprintf(text + used, size - used,
				 "id = \"dup\"; title = \"Dup\";\nroles = ( { id = \"a\"; name = "
				 "\"A\"; }, { id = \"b\"; name = \"B\"; } );\nscenarios = ( { id = "
				 "\"s\"; title = \"S\"; questions = (\n");
	for (int q = 0; q < 5000; q++)
		used += (size_t)snprintf(
			text + used, size - used,
			"%s{ id = \"q%d\"; prompt = \"P\"; options = ( { text = "
			"\"x\"; scores = { a = 1; }; }, { text = \"y\"; scores = { "
			"b = 1; }; } ); }\n",
			q ? "," : "", q == 4999 ? 17 : q);
	used += (size_t)snprintf(text + used, size - used, ") } );\n");
	const char *path = write_file("dup.cfg", text, used);
	free(text);
	assert_single_error(path, 5003, "duplicate question id 'q17'");
}
END_TEST

START_TEST(test_a_pair_must_name_another_question)
{
	const char *path = mini_quiz_with(REPLACE(LINE_QUESTION_EXTRA, "pair = \"q9\";"));
	assert_single_error(path, LINE_QUESTION, "the pair of question 'q1' is 'q9', which");
	path = mini_quiz_with(REPLACE(LINE_QUESTION_EXTRA, "pair = \"q1\";"));
	assert_single_error(path, LINE_QUESTION, "the question itself");
}
END_TEST

START_TEST(test_a_pair_whose_other_half_select_leaves_out_goes)
{
	const char *path = mini_quiz_with(REPLACE(LINE_HEADER_EXTRA, "select = [ \"q1\" ];"),
					  REPLACE(LINE_QUESTION_EXTRA, "pair = \"q2\";"),
					  REPLACE(LINE_SCENARIO_END, SECOND_SCENARIO));
	struct diag_list diags;
	struct quiz *quiz = load_expecting(path, 0, &diags);
	ck_assert_ptr_null(quiz->questions[0].pair);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_role_index_finds_a_role_by_id)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(TEST_DATA_DIR "/slyde/slyde.cfg", &diags);
	ck_assert_ptr_nonnull(quiz);
	ck_assert_int_eq(quiz_role_index(quiz, "pm"), 0);
	ck_assert_int_eq(quiz_role_index(quiz, "project"), 3);
	ck_assert_int_eq(quiz_role_index(quiz, "ux"), -1);
	ck_assert_int_eq(quiz_role_index(quiz, "PM"), -1);
	ck_assert_int_eq(quiz_role_index(quiz, NULL), -1);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_question_index_finds_a_question_by_id)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(TEST_DATA_DIR "/slyde/slyde.cfg", &diags);
	ck_assert_ptr_nonnull(quiz);
	ck_assert_int_eq(quiz_question_index(quiz, "slyde-first-move"), 0);
	ck_assert_int_eq(quiz_question_index(quiz, "measures-dashboard"), 6);
	ck_assert_int_eq(quiz_question_index(quiz, "measures-praise"), 9);
	ck_assert_int_eq(quiz_question_index(quiz, "slyde"), -1); /* a scenario */
	ck_assert_int_eq(quiz_question_index(quiz, NULL), -1);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_quiz_free_accepts_null)
{
	quiz_free(NULL);
}
END_TEST

/* ===========================================================================
 * Syntax errors that help: libconfig says only "syntax error", often a line
 * after the mistake; the loader names the likely cause at the line where
 * the fix goes, and quotes it.
 */

/* Loads PATH, expects one syntax error at LINE of PATH saying CAUSE, and
 * a note that quotes that line and holds NOTE_PART. */
static void assert_syntax_error(const char *path, int line, const char *cause,
				const char *note_part)
{
	struct diag_list diags = {0};
	ck_assert_ptr_null(quiz_load(path, &diags));
	assert_diag_count(&diags, 1);
	assert_diag(&diags, 0, DIAG_ERROR, path, line, cause);
	const char *note = diags.items[0].note;
	char quoted[32];
	snprintf(quoted, sizeof(quoted), "%5d | ", line);
	ck_assert_msg(note && strstr(note, quoted) && strstr(note, note_part), "note of %s:%d: %s",
		      path, line, note ? note : "(none)");
	diag_list_clear(&diags);
}

START_TEST(test_missing_comma_between_groups_is_named_where_the_comma_goes)
{
	const char *path = mini_quiz_with(REPLACE(
		LINE_OPTION_A, "          { text = \"Talk to users\"; scores = { pm = 2; }; }"));
	assert_syntax_error(path, LINE_OPTION_A,
			    "syntax error: a comma is missing between two groups",
			    "hint: put a ',' after the '}' that ends this line");
}
END_TEST

START_TEST(test_missing_comma_between_groups_on_one_line_is_named)
{
	const char *path = mini_quiz_with(REPLACE(
		LINE_OPTION_A, "{ text = \"A\"; scores = { pm = 2; }; } { text = \"B\"; },"));
	assert_syntax_error(path, LINE_OPTION_A,
			    "syntax error: a comma is missing between two groups", "^");
}
END_TEST

START_TEST(test_comma_after_the_last_element_is_named_at_its_line)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_OPTION_B, "          { text = \"B\"; scores = { po = 2; }; },"));
	assert_syntax_error(path, LINE_OPTION_B,
			    "syntax error: a comma after the last element of a list",
			    "hint: remove this ','");
}
END_TEST

START_TEST(test_unclosed_quote_is_named_where_the_string_opens)
{
	const char *path =
		mini_quiz_with(REPLACE(LINE_PROMPT, "        prompt = \"What do you do first?;"));
	assert_syntax_error(path, LINE_PROMPT, "syntax error: a string is not closed",
			    "                 ^");
}
END_TEST

START_TEST(test_single_quotes_are_named)
{
	const char *path = mini_quiz_with(REPLACE(LINE_PROMPT, "prompt = 'What now?';"));
	assert_syntax_error(path, LINE_PROMPT, "syntax error: text is in single quotes",
			    "hint: write text in double quotes");
}
END_TEST

START_TEST(test_missing_equals_is_named_with_the_setting)
{
	const char *path = mini_quiz_with(REPLACE(LINE_QUESTION_ID, "id \"q1\";"));
	assert_syntax_error(path, LINE_QUESTION_ID, "syntax error: a '=' is missing after 'id'",
			    "hint: write id = VALUE;");
}
END_TEST

START_TEST(test_missing_value_is_named)
{
	const char *path = mini_quiz_with(REPLACE(LINE_TITLE, "title = ;"));
	assert_syntax_error(path, LINE_TITLE, "syntax error: a value is missing", "^");
}
END_TEST

/* libconfig 1.5 takes a setting without its ';': no error to report. */
START_TEST(test_missing_semicolon_is_not_an_error)
{
	const char *path = mini_quiz_with(REPLACE(LINE_QUESTION_ID, "id = \"q1\""));
	struct diag_list diags;
	struct quiz *quiz = load_expecting(path, 0, &diags);
	ck_assert_ptr_nonnull(quiz);
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

/* A syntax error with no known cause still quotes the line before the one
 * libconfig stopped at, and that one. */
START_TEST(test_other_syntax_errors_quote_the_line_and_the_one_before)
{
	const char *path = mini_quiz_with(REPLACE(LINE_PROMPT, "prompt = = \"Why?\";"));
	struct diag_list diags = {0};
	ck_assert_ptr_null(quiz_load(path, &diags));
	assert_diag_count(&diags, 1);
	const char *note = diags.items[0].note;
	ck_assert_msg(note && strstr(note, "   14 | ") && strstr(note, "   15 | "), "%s",
		      note ? note : "(none)");
	diag_list_clear(&diags);
}
END_TEST

/* Two scenario files included one after the other, with no comma line
 * between them: the comma goes after the first @include. */
START_TEST(test_missing_comma_between_included_groups_names_the_include)
{
	const char *scenario = "{ id = \"%s\"; title = \"T\"; questions = ( { id = \"%s-q\";"
			       " prompt = \"P\"; options = ( { text = \"A\"; scores = { pm = 1; };"
			       " }, { text = \"B\"; scores = { po = 1; }; } ); } ); }\n";
	char text[512];
	snprintf(text, sizeof(text), scenario, "one", "one");
	write_file("one.cfg", text, strlen(text));
	snprintf(text, sizeof(text), scenario, "two", "two");
	write_file("two.cfg", text, strlen(text));
	static const char top[] = "id = \"two\"; title = \"Two\";\n"
				  "roles = ( { id = \"pm\"; name = \"A\"; }, { id = \"po\"; name = "
				  "\"B\"; } );\n"
				  "scenarios = (\n"
				  "  @include \"one.cfg\"\n"
				  "  @include \"two.cfg\"\n"
				  ");\n";
	const char *path = write_file("two-includes.cfg", top, sizeof(top) - 1);
	struct diag_list diags = {0};
	ck_assert_ptr_null(quiz_load(path, &diags));
	assert_diag_count(&diags, 1);
	assert_diag(&diags, 0, DIAG_ERROR, path, 4, "a comma is missing between two groups");
	ck_assert_ptr_nonnull(strstr(diags.items[0].note, "after this @include"));
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_unknown_role_close_to_a_role_id_gets_a_suggestion)
{
	const char *path =
		mini_quiz_with(REPLACE(LINE_OPTION_B, "{ text = \"B\"; scores = { pmo = 2; }; }"));
	assert_single_error(path, LINE_OPTION_B,
			    "unknown role 'pmo' in the scores of question 'q1' (did you mean "
			    "'pm'?)");
}
END_TEST

START_TEST(test_unknown_role_written_as_a_role_name_gets_a_suggestion)
{
	const char *path = mini_quiz_with(
		REPLACE(LINE_OPTION_B, "{ text = \"B\"; scores = { product_owner = 2; }; }"));
	assert_single_error(path, LINE_OPTION_B, "(did you mean 'po'?)");
}
END_TEST

START_TEST(test_unknown_role_unlike_any_role_gets_no_suggestion)
{
	const char *path =
		mini_quiz_with(REPLACE(LINE_OPTION_B, "{ text = \"B\"; scores = { ux = 2; }; }"));
	struct diag_list diags = {0};
	ck_assert_ptr_null(quiz_load(path, &diags));
	assert_diag_count(&diags, 1);
	ck_assert_ptr_null(strstr(diags.items[0].message, "did you mean"));
	diag_list_clear(&diags);
}
END_TEST

/* ===========================================================================
 * Building on the bundled quizzes: "careerfit/..." includes
 */

static const char bundled_user[] =
	"id = \"mine\"; title = \"Mine\";\n"
	"@include \"careerfit/roles.cfg\"\n"
	"@include \"careerfit/glossary.cfg\"\n"
	"scenarios = ( { id = \"s\"; title = \"S\"; questions = ( { id = \"q\"; prompt = \"P\";\n"
	"  options = ( { text = \"A\"; scores = { pm = 1; pmm = 1; }; },\n"
	"    { text = \"B\"; scores = { po = 1; project = 1; }; } ); } ); } );\n";

START_TEST(test_careerfit_includes_read_the_bundled_roles_and_glossary)
{
	const char *path = write_file("mine.cfg", bundled_user, sizeof(bundled_user) - 1);
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load_with_library(path, QUIZ_DIR, &diags);
	ck_assert_ptr_nonnull(quiz);
	assert_diag_count(&diags, 0);
	ck_assert_uint_eq(quiz->role_count, 4);
	ck_assert_str_eq(quiz->roles[0].name, "Product Manager");
	ck_assert_uint_ge(quiz->term_count, 20);
	ck_assert_str_eq(quiz->roles[0].file, QUIZ_DIR "/roles.cfg");
	quiz_free(quiz);
	diag_list_clear(&diags);
}
END_TEST

START_TEST(test_a_careerfit_file_beside_the_quiz_comes_first)
{
	char folder[4096];
	snprintf(folder, sizeof(folder), "%s/careerfit", tmpdir);
	ck_assert_int_eq(mkdir(folder, 0700), 0);
	static const char roles[] = "roles = ( { id = \"pm\"; name = \"Mine\"; }, { id = \"po\";"
				    " name = \"Also mine\"; }, { id = \"pmm\"; name = \"M\"; },"
				    " { id = \"project\"; name = \"P\"; } );\n";
	const char *own = write_file("careerfit/roles.cfg", roles, sizeof(roles) - 1);
	const char *path = write_file("mine.cfg", bundled_user, sizeof(bundled_user) - 1);
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load_with_library(path, QUIZ_DIR, &diags);
	ck_assert_ptr_nonnull(quiz);
	ck_assert_str_eq(quiz->roles[0].name, "Mine");
	quiz_free(quiz);
	diag_list_clear(&diags);
	unlink(own);
	rmdir(folder);
}
END_TEST

START_TEST(test_a_missing_careerfit_include_says_where_it_was_looked_for)
{
	static const char text[] = "id = \"x\";\n@include \"careerfit/nope.cfg\"\n";
	const char *path = write_file("nope.cfg", text, sizeof(text) - 1);
	struct diag_list diags = {0};
	ck_assert_ptr_null(quiz_load_with_library(path, QUIZ_DIR, &diags));
	assert_diag(&diags, 0, DIAG_ERROR, path, 2,
		    "nor among the bundled quizzes in " QUIZ_DIR "/");
	diag_list_clear(&diags);
}
END_TEST

/* Without a library folder, "careerfit/" is a path like any other. */
START_TEST(test_careerfit_includes_need_a_library_folder)
{
	const char *path = write_file("mine.cfg", bundled_user, sizeof(bundled_user) - 1);
	struct diag_list diags = {0};
	ck_assert_ptr_null(quiz_load_with_library(path, NULL, &diags));
	assert_diag(&diags, 0, DIAG_ERROR, path, 2,
		    "cannot open the included file 'careerfit/roles.cfg'");
	diag_list_clear(&diags);
}
END_TEST

/* ===========================================================================
 * The catalog: broken quizzes are listed, shared parts are not
 */

START_TEST(test_catalog_lists_a_broken_quiz_with_its_first_error)
{
	char folder[1024];
	snprintf(folder, sizeof(folder), "%s/catalog", tmpdir);
	ck_assert_int_eq(mkdir(folder, 0700), 0);
	const char *broken = mini_quiz_with(REPLACE(
		LINE_OPTION_A, "          { text = \"Talk to users\"; scores = { pm = 2; }; }"));
	char path[4096], part[4096];
	snprintf(path, sizeof(path), "%s/draft.cfg", folder);
	snprintf(part, sizeof(part), "%s/roles.cfg", folder);
	ck_assert_int_eq(rename(broken, path), 0);
	FILE *file = fopen(part, "w");
	ck_assert_ptr_nonnull(file);
	fputs("roles = ( { id = \"pm\"; name = \"A\"; } );\n", file);
	ck_assert_int_eq(fclose(file), 0);

	struct catalog catalog = {0};
	ck_assert(catalog_scan(&catalog, folder));
	ck_assert_uint_eq(catalog.count, 1); /* roles.cfg is a part, not a quiz */
	const struct catalog_entry *entry = catalog_find(&catalog, "draft");
	ck_assert_ptr_nonnull(entry);
	ck_assert(entry->broken);
	char expected[4300];
	snprintf(expected, sizeof(expected),
		 "%s:%d: error: syntax error: a comma is missing between two groups", path,
		 LINE_OPTION_A);
	ck_assert_str_eq(entry->error, expected);
	catalog_clear(&catalog);
	unlink(path);
	unlink(part);
	rmdir(folder);
}
END_TEST

/* The welcome drawn while a quiz loads names it as loading it will: the
 * title's adjacent strings joined, comments and includes passed over. A
 * file it cannot read plainly waits for the load instead. */
START_TEST(test_peek_reads_what_the_welcome_names)
{
	static const char quiz[] = "# a comment: title = \"no\";\n"
				   "@include \"roles.cfg\"\n"
				   "id = \"peeked\";\n"
				   "title = \"Which role \"   /* between */ \"fits you?\";\n"
				   "scenarios = ( { title = \"not this one\"; } );\n"
				   "description = \"Ten \"\n  \"questions.\";\n";
	struct quiz_peek peek;
	ck_assert(catalog_peek(write_file("peek.cfg", quiz, sizeof(quiz) - 1), &peek));
	ck_assert_str_eq(peek.id, "peeked");
	ck_assert_str_eq(peek.title, "Which role fits you?");
	ck_assert_str_eq(peek.description, "Ten questions.");
	quiz_peek_clear(&peek);

	static const char bare[] = "id = \"b\"; title = \"T\";";
	ck_assert(catalog_peek(write_file("peek-bare.cfg", bare, sizeof(bare) - 1), &peek));
	ck_assert_str_eq(peek.description, "");
	quiz_peek_clear(&peek);

	static const char *const unclear[] = {
		"id = \"e\"; title = \"A \\\"quoted\\\" word\";", /* an escape */
		"id = \"t\"; title = \"One\"; title = \"Two\";",  /* set twice */
		"title = \"No id\";",				  /* the id elsewhere */
		"id = \"n\"; title = 5;",			  /* not text */
		"id = \"u\"; title = \"unfinished;\n",
	};
	for (size_t i = 0; i < sizeof(unclear) / sizeof(unclear[0]); i++) {
		ck_assert_msg(!catalog_peek(write_file("peek-unclear.cfg", unclear[i],
						       strlen(unclear[i])),
					    &peek),
			      "peeked at: %s", unclear[i]);
		ck_assert_ptr_null(peek.title);
	}
	ck_assert(!catalog_peek(temp_path("peek-missing.cfg"), &peek));
}
END_TEST

/* A quiz that parses but breaks a rule is listed under its own id. */
START_TEST(test_catalog_lists_a_quiz_that_breaks_a_rule_under_its_id)
{
	char folder[1024], path[4096];
	snprintf(folder, sizeof(folder), "%s/catalog-rule", tmpdir);
	ck_assert_int_eq(mkdir(folder, 0700), 0);
	snprintf(path, sizeof(path), "%s/file-name.cfg", folder);
	const char *broken = mini_quiz_with(REPLACE(LINE_PROMPT, "prompt = \"\";"));
	ck_assert_int_eq(rename(broken, path), 0);
	struct catalog catalog = {0};
	ck_assert(catalog_scan(&catalog, folder));
	const struct catalog_entry *entry = catalog_find(&catalog, "mini");
	ck_assert_ptr_nonnull(entry);
	ck_assert(entry->broken);
	ck_assert_ptr_nonnull(strstr(entry->error, "'prompt' in a question must not be empty"));
	catalog_clear(&catalog);
	unlink(path);
	rmdir(folder);
}
END_TEST

/* ===========================================================================
 */

static Suite *loader_suite(void)
{
	Suite *suite = suite_create("loader");

	TCase *tc = tcase_create("bundled");
	tcase_add_test(tc, test_slyde_quiz_loads_without_diagnostics);
	tcase_add_test(tc, test_product_roles_quiz_loads_without_diagnostics);
	tcase_add_test(tc, test_quick_quiz_loads_without_diagnostics);
	tcase_add_test(tc, test_bundled_header_and_roles_are_read);
	tcase_add_test(tc, test_bundled_questions_are_stored_flat_in_file_order);
	tcase_add_test(tc, test_bundled_weights_and_scores_are_read);
	suite_add_tcase(suite, tc);

	tc = tcase_create("values");
	tcase_add_test(tc, test_minimal_quiz_loads_without_diagnostics);
	tcase_add_test(tc, test_optional_settings_take_their_defaults);
	tcase_add_test(tc, test_role_short_name_defaults_to_its_name);
	tcase_add_test(tc, test_version_and_shuffle_are_read);
	tcase_add_test(tc, test_version_0_is_allowed);
	tcase_add_test(tc, test_version_may_be_written_as_a_64_bit_integer);
	tcase_add_test(tc, test_scores_follow_the_role_order_and_left_out_roles_score_0);
	tcase_add_test(tc, test_an_option_without_scores_scores_0_for_every_role);
	tcase_add_test(tc, test_scores_may_be_decimals);
	tcase_add_test(tc, test_scores_of_5_and_minus_5_are_allowed);
	tcase_add_test(tc, test_weight_of_10_is_allowed);
	tcase_add_test(tc, test_weight_of_a_half_is_allowed);
	tcase_add_test(tc, test_role_id_may_hold_digits_and_underscores);
	tcase_add_test(tc, test_question_id_may_hold_dashes_underscores_and_dots);
	tcase_add_test(tc, test_question_id_may_equal_a_scenario_id);
	tcase_add_test(tc, test_roles_and_questions_remember_where_they_are_written);
	tcase_add_test(tc, test_twelve_roles_are_allowed);
	tcase_add_test(tc, test_nine_options_are_allowed);
	suite_add_tcase(suite, tc);

	tc = tcase_create("rules");
	tcase_add_test(tc, test_missing_quiz_setting_is_reported_at_line_1);
	tcase_add_test(tc, test_missing_role_setting_is_reported_at_the_role_line);
	tcase_add_test(tc, test_missing_scenario_setting_is_reported_at_the_scenario_line);
	tcase_add_test(tc, test_missing_question_setting_is_reported_at_the_question_line);
	tcase_add_test(tc, test_missing_option_setting_is_reported_at_the_option_line);
	tcase_add_test(tc, test_missing_question_id_is_an_error);
	tcase_add_test(tc, test_title_that_is_not_a_string_is_an_error);
	tcase_add_test(tc, test_version_that_is_not_a_number_is_an_error);
	tcase_add_test(tc, test_version_that_is_not_a_whole_number_is_an_error);
	tcase_add_test(tc, test_negative_version_is_an_error);
	tcase_add_test(tc, test_shuffle_that_is_not_a_boolean_is_an_error);
	tcase_add_test(tc, test_weight_that_is_not_a_number_is_an_error);
	tcase_add_test(tc, test_roles_that_are_not_a_list_is_an_error);
	tcase_add_test(tc, test_role_that_is_not_a_group_is_an_error);
	tcase_add_test(tc, test_scores_that_are_not_a_group_is_an_error);
	tcase_add_test(tc, test_score_that_is_not_a_number_is_an_error);
	tcase_add_test(tc, test_quiz_id_with_capitals_is_an_error);
	tcase_add_test(tc, test_quiz_id_with_an_underscore_is_an_error);
	tcase_add_test(tc, test_quiz_id_with_a_dot_is_an_error);
	tcase_add_test(tc, test_role_id_starting_with_a_digit_is_an_error);
	tcase_add_test(tc, test_role_id_with_a_dash_is_an_error);
	tcase_add_test(tc, test_scenario_id_with_capitals_is_an_error);
	tcase_add_test(tc, test_question_id_with_a_space_is_an_error);
	tcase_add_test(tc, test_empty_id_is_an_error);
	tcase_add_test(tc, test_duplicate_role_id_is_an_error);
	tcase_add_test(tc, test_duplicate_scenario_id_is_an_error);
	tcase_add_test(tc, test_duplicate_question_id_is_an_error);
	tcase_add_test(tc, test_duplicate_question_id_in_another_scenario_is_an_error);
	tcase_add_test(tc, test_unknown_role_names_its_line);
	tcase_add_test(tc, test_score_above_5_is_an_error);
	tcase_add_test(tc, test_score_below_minus_5_is_an_error);
	tcase_add_test(tc, test_weight_0_is_an_error);
	tcase_add_test(tc, test_negative_weight_is_an_error);
	tcase_add_test(tc, test_integer_too_large_for_libconfig_is_an_error);
	tcase_add_test(tc, test_weight_above_10_is_an_error);
	tcase_add_test(tc, test_a_single_role_is_too_few);
	tcase_add_test(tc, test_thirteen_roles_are_too_many);
	tcase_add_test(tc, test_a_single_option_is_too_few);
	tcase_add_test(tc, test_ten_options_are_too_many);
	tcase_add_test(tc, test_a_quiz_without_scenarios_is_an_error);
	tcase_add_test(tc, test_a_scenario_without_questions_is_an_error);
	tcase_add_test(tc, test_empty_option_text_is_an_error);
	tcase_add_test(tc, test_empty_prompt_is_an_error);
	tcase_add_test(tc, test_whitespace_only_prompt_is_an_error);
	tcase_add_test(tc, test_empty_role_name_is_an_error);
	suite_add_tcase(suite, tc);

	tc = tcase_create("files");
	tcase_add_test(tc, test_syntax_error_is_reported_at_libconfigs_line);
	tcase_add_test(tc, test_setting_given_twice_is_a_libconfig_error);
	tcase_add_test(tc, test_empty_file_is_an_error);
	tcase_add_test(tc, test_file_with_only_comments_is_empty);
	tcase_add_test(tc, test_missing_file_is_an_error_about_the_whole_file);
	tcase_add_test(tc, test_folder_is_an_error_about_the_whole_file);
	tcase_add_test(tc, test_binary_garbage_is_refused_as_not_text);
	suite_add_tcase(suite, tc);

	tc = tcase_create("include");
	tcase_add_test(tc, test_include_paths_are_relative_to_the_quiz_folder);
	tcase_add_test(tc, test_nested_include_paths_are_relative_to_the_top_quiz_folder);
	tcase_add_test(tc, test_bundled_quiz_loads_from_any_working_directory);
	tcase_add_test(tc, test_error_in_included_file_names_that_file_and_line);
	tcase_add_test(tc, test_included_file_is_named_as_seen_from_the_working_directory);
	tcase_add_test(tc, test_included_questions_remember_their_own_file_and_line);
	tcase_add_test(tc, test_missing_include_names_the_file_and_where_includes_are_read);
	tcase_add_test(tc, test_syntax_error_in_included_file_names_that_file_and_line);
	suite_add_tcase(suite, tc);

	tc = tcase_create("several problems");
	tcase_add_test(tc, test_every_problem_in_a_file_is_reported_in_file_order);
	tcase_add_test(tc, test_diagnostics_are_added_to_those_already_in_the_list);
	suite_add_tcase(suite, tc);

	tc = tcase_create("warnings");
	tcase_add_test(tc, test_misspelt_setting_is_a_warning_with_a_suggestion);
	tcase_add_test(tc, test_unknown_setting_unlike_any_other_is_a_warning_without_suggestion);
	tcase_add_test(tc, test_role_that_no_option_scores_is_a_warning);
	tcase_add_test(tc, test_question_whose_options_all_score_alike_is_a_warning);
	tcase_add_test(tc, test_scores_of_0_and_minus_0_count_as_alike);
	suite_add_tcase(suite, tc);

	tc = tcase_create("lookups");
	tcase_add_test(tc, test_prompt_naming_a_role_is_a_warning_at_its_line);
	tcase_add_test(tc, test_short_form_in_an_option_is_a_warning_only_as_written);
	tcase_add_test(tc, test_story_naming_a_role_is_a_warning);
	tcase_add_test(tc, test_next_steps_are_read_in_order);
	tcase_add_test(tc, test_next_step_that_is_not_a_string_names_its_line);
	tcase_add_test(tc, test_glossary_is_read_in_file_order);
	tcase_add_test(tc, test_glossary_term_explained_twice_is_an_error);
	tcase_add_test(tc, test_select_keeps_the_named_questions_and_their_scenarios);
	tcase_add_test(tc, test_select_of_an_unknown_question_names_its_line);
	tcase_add_test(tc, test_loader_stops_after_a_hundred_problems);
	tcase_add_test(tc, test_duplicate_question_id_among_thousands_names_its_line);
	tcase_add_test(tc, test_a_pair_must_name_another_question);
	tcase_add_test(tc, test_a_pair_whose_other_half_select_leaves_out_goes);
	tcase_add_test(tc, test_role_index_finds_a_role_by_id);
	tcase_add_test(tc, test_question_index_finds_a_question_by_id);
	tcase_add_test(tc, test_quiz_free_accepts_null);
	suite_add_tcase(suite, tc);

	tc = tcase_create("syntax errors");
	tcase_add_test(tc, test_missing_comma_between_groups_is_named_where_the_comma_goes);
	tcase_add_test(tc, test_missing_comma_between_groups_on_one_line_is_named);
	tcase_add_test(tc, test_comma_after_the_last_element_is_named_at_its_line);
	tcase_add_test(tc, test_unclosed_quote_is_named_where_the_string_opens);
	tcase_add_test(tc, test_single_quotes_are_named);
	tcase_add_test(tc, test_missing_equals_is_named_with_the_setting);
	tcase_add_test(tc, test_missing_value_is_named);
	tcase_add_test(tc, test_missing_semicolon_is_not_an_error);
	tcase_add_test(tc, test_other_syntax_errors_quote_the_line_and_the_one_before);
	tcase_add_test(tc, test_missing_comma_between_included_groups_names_the_include);
	suite_add_tcase(suite, tc);

	tc = tcase_create("role suggestions");
	tcase_add_test(tc, test_unknown_role_close_to_a_role_id_gets_a_suggestion);
	tcase_add_test(tc, test_unknown_role_written_as_a_role_name_gets_a_suggestion);
	tcase_add_test(tc, test_unknown_role_unlike_any_role_gets_no_suggestion);
	suite_add_tcase(suite, tc);

	tc = tcase_create("bundled includes");
	tcase_add_test(tc, test_careerfit_includes_read_the_bundled_roles_and_glossary);
	tcase_add_test(tc, test_a_careerfit_file_beside_the_quiz_comes_first);
	tcase_add_test(tc, test_a_missing_careerfit_include_says_where_it_was_looked_for);
	tcase_add_test(tc, test_careerfit_includes_need_a_library_folder);
	suite_add_tcase(suite, tc);

	tc = tcase_create("catalog");
	tcase_add_test(tc, test_catalog_lists_a_broken_quiz_with_its_first_error);
	tcase_add_test(tc, test_peek_reads_what_the_welcome_names);
	tcase_add_test(tc, test_catalog_lists_a_quiz_that_breaks_a_rule_under_its_id);
	suite_add_tcase(suite, tc);

	return suite;
}

/* Removes the temporary folder and the files the tests left in it. */
static void remove_tmpdir(void)
{
	DIR *dir = opendir(tmpdir);
	if (dir) {
		struct dirent *entry;
		while ((entry = readdir(dir)) != NULL) {
			if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
				continue;
			char path[4096];
			snprintf(path, sizeof(path), "%s/%s", tmpdir, entry->d_name);
			unlink(path);
		}
		closedir(dir);
	}
	rmdir(tmpdir);
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return EXIT_FAILURE;
	}
	SRunner *runner = srunner_create(loader_suite());
	srunner_run_all(runner, CK_NORMAL);
	int failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	remove_tmpdir();
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
