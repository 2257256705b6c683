/* The mentor's report: results grouped per quiz, counted, averaged, and
 * written as CSV a spreadsheet reads correctly. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "careerfit/html.h"
#include "careerfit/report.h"
#include "careerfit/score.h"
#include "helpers.h"

static char folder[] = "/tmp/careerfit-report-XXXXXX";

/* A quiz of the frozen Slyde copy in the test data. */
static struct quiz *bundled(const char *name)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", TEST_DATA_DIR "/slyde", name);
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(path, &diags);
	diag_list_clear(&diags);
	ck_assert_ptr_nonnull(quiz);
	return quiz;
}

/* Saves a result and reads it back, as `careerfit report` would. */
static struct result_record *record_of(const struct quiz *quiz, const char *name,
				       const int *answers)
{
	struct outcome *outcome = outcome_new(quiz, answers);
	ck_assert_ptr_nonnull(outcome);
	char *saved = NULL, *error = NULL;
	ck_assert(results_save(folder, outcome, name, 1700000000, &saved, &error));
	struct result_record *record = results_read(saved, &error);
	ck_assert_msg(record, "%s", error ? error : "");
	outcome_free(outcome);
	free(saved);
	return record;
}

/* slyde: these make PM, PMM and PM again the sole top role. */
static const int pm[] = {0, 2, 1, 0, 3, 2, 0, 1, 1, 3};
static const int pmm[] = {1, 3, 2, 2, 0, 3, 1, 3, 0, 1};

START_TEST(test_report_counts_top_roles_and_means)
{
	struct quiz *quiz = bundled("slyde.cfg");
	struct report report = {0};
	ck_assert(report_add(&report, record_of(quiz, "A", pm)));
	ck_assert(report_add(&report, record_of(quiz, "B", pmm)));
	ck_assert(report_add(&report, record_of(quiz, "C", pm)));
	ck_assert_uint_eq(report.group_count, 1);
	const struct report_group *group = &report.groups[0];
	ck_assert_uint_eq(group->record_count, 3);
	int role_pm = quiz_role_index(quiz, "pm"), role_pmm = quiz_role_index(quiz, "pmm");
	ck_assert_uint_eq(group->top_counts[role_pm], 2);
	ck_assert_uint_eq(group->top_counts[role_pmm], 1);
	double expected = (100.0 * 2 + group->records[1]->roles[role_pm].affinity) / 3;
	ck_assert_double_eq_tol(report_mean_affinity(group, (size_t)role_pm), expected, 1e-9);
	/* The first question: two picked option a, one option b. */
	ck_assert_uint_eq(group->questions[0].options[0].count, 2);
	ck_assert_uint_eq(group->questions[0].options[1].count, 1);
	ck_assert_str_eq(group->questions[0].options[1].text, quiz->questions[0].options[1].text);
	/* Each persona's result is clear, and the report counts that band. */
	ck_assert_uint_eq(group->band_counts[CLARITY_CLEAR], 3);
	ck_assert_str_eq(report_band_id(group->records[0]), "clear");
	ck_assert_str_eq(group->records[0]->runner_up, "pmm");
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* One answer claims no fit: the room's top counts leave it out, and its
 * band is counted. */
START_TEST(test_a_result_with_too_few_answers_tops_nothing)
{
	struct quiz *quiz = bundled("slyde.cfg");
	static const int one[] = {0, -2, -2, -2, -2, -2, -2, -2, -2, -2};
	struct report report = {0};
	ck_assert(report_add(&report, record_of(quiz, "A", pm)));
	ck_assert(report_add(&report, record_of(quiz, "B", one)));
	const struct report_group *group = &report.groups[0];
	ck_assert_uint_eq(group->band_counts[CLARITY_INSUFFICIENT], 1);
	size_t tops = 0;
	for (size_t r = 0; r < quiz->role_count; r++)
		tops += group->top_counts[r];
	ck_assert_uint_eq(tops, 1);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_results_of_different_quizzes_are_grouped_apart)
{
	struct quiz *slyde = bundled("slyde.cfg");
	struct diag_list diags = {0};
	struct quiz *quick = quiz_load(QUIZ_DIR "/quick.cfg", &diags);
	diag_list_clear(&diags);
	ck_assert_ptr_nonnull(quick);
	int quick_answers[64] = {0}; /* the first option everywhere */
	ck_assert_uint_le(quick->question_count, 64);
	struct report report = {0};
	ck_assert(report_add(&report, record_of(slyde, "A", pm)));
	ck_assert(report_add(&report, record_of(quick, "B", quick_answers)));
	ck_assert(report_add(&report, record_of(slyde, "C", pmm)));
	ck_assert_uint_eq(report.group_count, 2);
	ck_assert_str_eq(report_first(&report.groups[0])->quiz_id, "slyde");
	ck_assert_uint_eq(report.groups[0].record_count, 2);
	ck_assert_str_eq(report_first(&report.groups[1])->quiz_id, "quick");
	report_clear(&report);
	quiz_free(slyde);
	quiz_free(quick);
}
END_TEST

static char *csv_of(const struct report *report)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	ck_assert(report_write_csv(report, out));
	fclose(out);
	return text;
}

START_TEST(test_csv_quotes_commas_quotes_and_formulas)
{
	struct quiz *quiz = bundled("slyde.cfg");
	struct report report = {0};
	ck_assert(report_add(&report, record_of(quiz, "Ada, \"the\" Lovelace", pm)));
	ck_assert(report_add(&report, record_of(quiz, "Zo\xc3\xab", pmm)));
	ck_assert(report_add(&report, record_of(quiz, "=SUM(A1:A9)", pm)));
	char *csv = csv_of(&report);
	ck_assert_msg(strstr(csv,
			     "\r\n\"Ada, \"\"the\"\" Lovelace\",2023-11-14T22:13:20Z,"
			     "slyde,1,Product Manager,clear,Product Marketing Manager,100.00,"),
		      "%s", csv);
	ck_assert_ptr_nonnull(strstr(
		csv, "\r\nZo\xc3\xab,2023-11-14T22:13:20Z,slyde,1,Product Marketing Manager,"));
	ck_assert_ptr_nonnull(strstr(csv, "\r\n\"'=SUM(A1:A9)\","));
	free(csv);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* OWASP's CSV injection triggers: = + - @, a tab, a carriage return, also
 * after leading blanks. Each such name gets its apostrophe. */
START_TEST(test_csv_defuses_every_formula_trigger)
{
	static const char *const names[] = {"=1+2",	"+1",	 "-1",	  "@SUM(A1)", "\tTab",
					    "\rReturn", " =1+2", " \t@x", "\t \r-2"};
	static const char *const cells[] = {"\"'=1+2\"",     "\"'+1\"",	   "\"'-1\"",
					    "\"'@SUM(A1)\"", "\"'\tTab\"", "\"'\rReturn\"",
					    "\"' =1+2\"",    "\"' \t@x\"", "\"'\t \r-2\""};
	struct quiz *quiz = bundled("slyde.cfg");
	struct report report = {0};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		ck_assert(report_add(&report, record_of(quiz, names[i], pm)));
	char *csv = csv_of(&report);
	for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		char row[64];
		snprintf(row, sizeof(row), "\r\n%s,", cells[i]);
		ck_assert_msg(strstr(csv, row), "no row starting %s in\n%s", cells[i], csv);
	}
	free(csv);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* The CSV of REPORT as written to a terminal: a pseudo-terminal in raw
 * mode, read back from its master side. */
static char *csv_on_a_terminal(const struct report *report)
{
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	ck_assert_int_ge(master, 0);
	ck_assert(grantpt(master) == 0 && unlockpt(master) == 0);
	int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
	ck_assert_int_ge(slave, 0);
	struct termios raw;
	ck_assert_int_eq(tcgetattr(slave, &raw), 0);
	cfmakeraw(&raw);
	ck_assert_int_eq(tcsetattr(slave, TCSANOW, &raw), 0);
	FILE *out = fdopen(slave, "w");
	ck_assert(report_write_csv(report, out));
	fclose(out);
	static char text[65536];
	size_t length = 0;
	ssize_t got;
	/* After the slave closes, the master reads what is left, then EIO. */
	while (length < sizeof(text) - 1 &&
	       (got = read(master, text + length, sizeof(text) - 1 - length)) > 0)
		length += (size_t)got;
	close(master);
	text[length] = '\0';
	return strdup(text);
}

START_TEST(test_csv_to_a_terminal_is_sanitised_and_to_a_file_exact)
{
	/* An OSC 52 clipboard write, a clear screen, a right-to-left override. */
	static const char name[] = "Eve\x1b]52;c;aGk=\x07\x1b[2J\xe2\x80\xae"
				   "evil";
	struct quiz *quiz = bundled("slyde.cfg");
	struct report report = {0};
	ck_assert(report_add(&report, record_of(quiz, name, pm)));
	char *shown = csv_on_a_terminal(&report);
	ck_assert_msg(strstr(shown, "\r\nEve^[]52;c;aGk=^G^[[2Jevil,"), "%s", shown);
	ck_assert_ptr_null(strpbrk(shown, "\x1b\x07"));
	ck_assert_ptr_null(strstr(shown, "\xe2\x80\xae"));
	char *exact = csv_of(&report);
	char row[64];
	snprintf(row, sizeof(row), "\r\n%s,", name);
	ck_assert_ptr_nonnull(strstr(exact, row));
	free(exact);
	free(shown);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* The header names the roles as a mentor knows them, and each question
 * has two columns: the letter and the option's text. */
START_TEST(test_csv_has_role_names_and_each_answer_as_letter_and_text)
{
	struct quiz *quiz = bundled("slyde.cfg");
	static const int skips_first[] = {-2, 2, 1, 0, 3, 2, 0, 1, 1, 3};
	struct report report = {0};
	ck_assert(report_add(&report, record_of(quiz, "A", skips_first)));
	char *csv = csv_of(&report);
	const char header[] = "\xef\xbb\xbfname,time,quiz,version,top,band,runner_up,"
			      "Product Manager,Product Marketing Manager,Product Owner,"
			      "Project Manager,slyde-first-move,slyde-first-move text,";
	ck_assert_msg(strncmp(csv, header, strlen(header)) == 0, "%s", csv);
	/* Skipped: a "-" and an empty text. The second answer: c and its text. */
	char cells[1024];
	snprintf(cells, sizeof(cells), ",-,,c,%s,", quiz->questions[1].options[2].text);
	ck_assert_msg(strstr(csv, cells), "no %s in\n%s", cells, csv);
	free(csv);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* Excel reads a CSV without a byte-order mark in the local code page; a
 * terminal has no use for one. */
START_TEST(test_csv_byte_order_mark_goes_to_files_not_terminals)
{
	struct quiz *quiz = bundled("slyde.cfg");
	struct report report = {0};
	ck_assert(report_add(&report, record_of(quiz, "Zo\xc3\xab", pm)));
	char *file = csv_of(&report), *shown = csv_on_a_terminal(&report);
	ck_assert_int_eq(strncmp(file, "\xef\xbb\xbfname,", 8), 0);
	ck_assert_int_eq(strncmp(shown, "name,", 5), 0);
	free(file);
	free(shown);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

static char *escaped(const char *text)
{
	char *out = NULL;
	size_t size = 0;
	FILE *stream = open_memstream(&out, &size);
	html_escape(stream, text);
	fclose(stream);
	return out;
}

START_TEST(test_html_escape_escapes_markup_quotes_and_controls)
{
	char *text = escaped("<script>\"Tom\" & 'Jerry'</script>\x1b[2J");
	ck_assert_str_eq(text, "&lt;script&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/script&gt;"
			       "^[[2J");
	free(text);
}
END_TEST

START_TEST(test_html_page_escapes_names_and_fetches_nothing)
{
	struct quiz *quiz = bundled("slyde.cfg");
	struct report report = {0};
	ck_assert(report_add(&report, record_of(quiz, "<script>alert(1)</script> & co", pm)));
	char *page = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&page, &size);
	ck_assert(html_write_report(&report, out));
	fclose(out);
	ck_assert_int_eq(strncmp(page, "<!DOCTYPE html>\n", 16), 0);
	ck_assert_ptr_null(strstr(page, "<script"));
	ck_assert_ptr_null(strstr(page, "http"));
	ck_assert_ptr_nonnull(strstr(page, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
	ck_assert_ptr_nonnull(strstr(page, "data-participants=\"1\""));
	ck_assert_ptr_nonnull(strstr(page, "<tr data-role=\"pm\">"));
	free(page);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_json_report_has_groups_counts_and_answers)
{
	struct quiz *quiz = bundled("slyde.cfg");
	struct report report = {0};
	ck_assert(report_add(&report, record_of(quiz, "A", pm)));
	char *json = report_json(&report);
	ck_assert_ptr_nonnull(strstr(json, "\"participants\": 1"));
	ck_assert_ptr_nonnull(strstr(json, "\"id\": \"slyde\""));
	ck_assert_ptr_nonnull(strstr(json, "\"slyde-first-move\": 0"));
	free(json);
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
	Suite *suite = suite_create("report");
	TCase *tcase = tcase_create("report");
	tcase_add_test(tcase, test_report_counts_top_roles_and_means);
	tcase_add_test(tcase, test_results_of_different_quizzes_are_grouped_apart);
	tcase_add_test(tcase, test_a_result_with_too_few_answers_tops_nothing);
	tcase_add_test(tcase, test_csv_quotes_commas_quotes_and_formulas);
	tcase_add_test(tcase, test_csv_defuses_every_formula_trigger);
	tcase_add_test(tcase, test_csv_to_a_terminal_is_sanitised_and_to_a_file_exact);
	tcase_add_test(tcase, test_csv_has_role_names_and_each_answer_as_letter_and_text);
	tcase_add_test(tcase, test_csv_byte_order_mark_goes_to_files_not_terminals);
	tcase_add_test(tcase, test_html_escape_escapes_markup_quotes_and_controls);
	tcase_add_test(tcase, test_html_page_escapes_names_and_fetches_nothing);
	tcase_add_test(tcase, test_json_report_has_groups_counts_and_answers);
	suite_add_tcase(suite, tcase);
	int status = run_suite(suite);
	char command[600];
	snprintf(command, sizeof(command), "rm -rf '%s'", folder);
	if (system(command) != 0)
		fprintf(stderr, "could not remove %s\n", folder);
	return status;
}
