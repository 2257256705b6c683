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
	int role_pm = quiz_role_index(quiz, "pm"), role_pmm = quiz_role_index(quiz, "pmm");
	ck_assert(report_add(&report, record_of(quiz, "A", pm)));
	struct result_record *b = record_of(quiz, "B", pmm);
	double b_pm = b->roles[role_pm].affinity;
	ck_assert(report_add(&report, b));
	ck_assert(report_add(&report, record_of(quiz, "C", pm)));
	ck_assert_uint_eq(report.group_count, 1);
	const struct report_group *group = &report.groups[0];
	ck_assert_uint_eq(group->record_count, 3);
	ck_assert_uint_eq(group->top_counts[role_pm], 2);
	ck_assert_uint_eq(group->top_counts[role_pmm], 1);
	double expected = (100.0 * 2 + b_pm) / 3;
	ck_assert_double_eq_tol(report_mean_affinity(group, (size_t)role_pm), expected, 1e-9);
	/* The first question: two picked option a, one option b. */
	ck_assert_uint_eq(group->questions[0].options[0].count, 2);
	ck_assert_uint_eq(group->questions[0].options[1].count, 1);
	ck_assert_str_eq(group->questions[0].options[1].text, quiz->questions[0].options[1].text);
	/* Each persona's result is clear, and the report counts that band. */
	ck_assert_uint_eq(group->band_counts[CLARITY_CLEAR], 3);
	ck_assert_str_eq(report_band_id(report_first(group)), "clear");
	ck_assert_str_eq(report_first(group)->runner_up, "pmm");
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

/* A CSV written as the records of its report are added, as `careerfit
 * report --csv` writes it: into memory, or onto a pseudo-terminal in raw
 * mode, read back from its master side. */
struct capture {
	struct report report;
	struct report_csv *csv;
	FILE *out;
	char *text;
	size_t size;
	int master; /* -1 when the CSV goes to memory */
};

static void capture_add(void *data, const struct report *report, size_t group,
			const struct result_record *record)
{
	report_csv_add(data, report, group, record);
}

static FILE *terminal(int *master)
{
	*master = posix_openpt(O_RDWR | O_NOCTTY);
	ck_assert_int_ge(*master, 0);
	ck_assert(grantpt(*master) == 0 && unlockpt(*master) == 0);
	int slave = open(ptsname(*master), O_RDWR | O_NOCTTY);
	ck_assert_int_ge(slave, 0);
	struct termios raw;
	ck_assert_int_eq(tcgetattr(slave, &raw), 0);
	cfmakeraw(&raw);
	ck_assert_int_eq(tcsetattr(slave, TCSANOW, &raw), 0);
	return fdopen(slave, "w");
}

static void capture_start(struct capture *capture, bool on_a_terminal)
{
	*capture = (struct capture){.master = -1, .report.skips_answers = true};
	capture->out = on_a_terminal ? terminal(&capture->master)
				     : open_memstream(&capture->text, &capture->size);
	ck_assert_ptr_nonnull(capture->out);
	capture->csv = report_csv_new(capture->out);
	ck_assert_ptr_nonnull(capture->csv);
	capture->report.sink = (struct report_sink){.add = capture_add, .data = capture->csv};
}

/* The whole CSV, newly allocated; the report is cleared. */
static char *capture_end(struct capture *capture)
{
	ck_assert(report_csv_finish(capture->csv, &capture->report));
	report_csv_free(capture->csv);
	fclose(capture->out);
	report_clear(&capture->report);
	if (capture->master < 0)
		return capture->text;
	static char text[65536];
	size_t length = 0;
	ssize_t got;
	/* After the slave closes, the master reads what is left, then EIO. */
	while (length < sizeof(text) - 1 &&
	       (got = read(capture->master, text + length, sizeof(text) - 1 - length)) > 0)
		length += (size_t)got;
	close(capture->master);
	text[length] = '\0';
	return strdup(text);
}

START_TEST(test_csv_quotes_commas_quotes_and_formulas)
{
	struct quiz *quiz = bundled("slyde.cfg");
	struct capture capture;
	capture_start(&capture, false);
	ck_assert(report_add(&capture.report, record_of(quiz, "Ada, \"the\" Lovelace", pm)));
	ck_assert(report_add(&capture.report, record_of(quiz, "Zo\xc3\xab", pmm)));
	ck_assert(report_add(&capture.report, record_of(quiz, "=SUM(A1:A9)", pm)));
	char *csv = capture_end(&capture);
	ck_assert_msg(strstr(csv,
			     "\r\n\"Ada, \"\"the\"\" Lovelace\",2023-11-14T22:13:20Z,"
			     "slyde,1,Product Manager,clear,Product Marketing Manager,100.00,"),
		      "%s", csv);
	ck_assert_ptr_nonnull(strstr(
		csv, "\r\nZo\xc3\xab,2023-11-14T22:13:20Z,slyde,1,Product Marketing Manager,"));
	ck_assert_ptr_nonnull(strstr(csv, "\r\n\"'=SUM(A1:A9)\","));
	free(csv);
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
	struct capture capture;
	capture_start(&capture, false);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		ck_assert(report_add(&capture.report, record_of(quiz, names[i], pm)));
	char *csv = capture_end(&capture);
	for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		char row[64];
		snprintf(row, sizeof(row), "\r\n%s,", cells[i]);
		ck_assert_msg(strstr(csv, row), "no row starting %s in\n%s", cells[i], csv);
	}
	free(csv);
	quiz_free(quiz);
}
END_TEST

START_TEST(test_csv_to_a_terminal_is_sanitised_and_to_a_file_exact)
{
	/* An OSC 52 clipboard write, a clear screen, a right-to-left override. */
	static const char name[] = "Eve\x1b]52;c;aGk=\x07\x1b[2J\xe2\x80\xae"
				   "evil";
	struct quiz *quiz = bundled("slyde.cfg");
	struct capture capture;
	capture_start(&capture, true);
	ck_assert(report_add(&capture.report, record_of(quiz, name, pm)));
	char *shown = capture_end(&capture);
	ck_assert_msg(strstr(shown, "\r\nEve^[]52;c;aGk=^G^[[2Jevil,"), "%s", shown);
	ck_assert_ptr_null(strpbrk(shown, "\x1b\x07"));
	ck_assert_ptr_null(strstr(shown, "\xe2\x80\xae"));
	capture_start(&capture, false);
	ck_assert(report_add(&capture.report, record_of(quiz, name, pm)));
	char *exact = capture_end(&capture);
	char row[64];
	snprintf(row, sizeof(row), "\r\n%s,", name);
	ck_assert_ptr_nonnull(strstr(exact, row));
	free(exact);
	free(shown);
	quiz_free(quiz);
}
END_TEST

/* The header names the roles as a mentor knows them, and each question
 * has two columns: the letter and the option's text. */
START_TEST(test_csv_has_role_names_and_each_answer_as_letter_and_text)
{
	struct quiz *quiz = bundled("slyde.cfg");
	static const int skips_first[] = {-2, 2, 1, 0, 3, 2, 0, 1, 1, 3};
	struct capture capture;
	capture_start(&capture, false);
	ck_assert(report_add(&capture.report, record_of(quiz, "A", skips_first)));
	char *csv = capture_end(&capture);
	const char header[] = "\xef\xbb\xbfname,time,quiz,version,top,band,runner_up,"
			      "Product Manager,Product Marketing Manager,Product Owner,"
			      "Project Manager,slyde-first-move,slyde-first-move text,";
	ck_assert_msg(strncmp(csv, header, strlen(header)) == 0, "%s", csv);
	/* Skipped: a "-" and an empty text. The second answer: c and its text. */
	char cells[1024];
	snprintf(cells, sizeof(cells), ",-,,c,%s,", quiz->questions[1].options[2].text);
	ck_assert_msg(strstr(csv, cells), "no %s in\n%s", cells, csv);
	free(csv);
	quiz_free(quiz);
}
END_TEST

/* Excel reads a CSV without a byte-order mark in the local code page; a
 * terminal has no use for one. */
START_TEST(test_csv_byte_order_mark_goes_to_files_not_terminals)
{
	struct quiz *quiz = bundled("slyde.cfg");
	struct capture capture;
	capture_start(&capture, false);
	ck_assert(report_add(&capture.report, record_of(quiz, "Zo\xc3\xab", pm)));
	char *file = capture_end(&capture);
	capture_start(&capture, true);
	ck_assert(report_add(&capture.report, record_of(quiz, "Zo\xc3\xab", pm)));
	char *shown = capture_end(&capture);
	ck_assert_int_eq(strncmp(file, "\xef\xbb\xbfname,", 8), 0);
	ck_assert_int_eq(strncmp(shown, "name,", 5), 0);
	free(file);
	free(shown);
	quiz_free(quiz);
}
END_TEST

static void json_add(void *data, const struct report *report, size_t group,
		     const struct result_record *record)
{
	report_json_add(data, report, group, record);
}

static char *json_of(const struct report *report, struct report_json *writer)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	ck_assert(report_json_finish(writer, report, out));
	fclose(out);
	return text;
}

static struct quiz *quick_quiz(void)
{
	struct diag_list diags = {0};
	struct quiz *quick = quiz_load(QUIZ_DIR "/quick.cfg", &diags);
	diag_list_clear(&diags);
	ck_assert_ptr_nonnull(quick);
	ck_assert_uint_le(quick->question_count, 64);
	return quick;
}

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
	struct report_json *writer = report_json_new();
	ck_assert_ptr_nonnull(writer);
	struct report report = {.sink = {.add = json_add, .data = writer}};
	ck_assert(report_add(&report, record_of(quiz, "A", pm)));
	char *json = json_of(&report, writer);
	ck_assert_ptr_nonnull(strstr(json, "\"participants\": 1"));
	ck_assert_ptr_nonnull(strstr(json, "\"id\": \"slyde\""));
	ck_assert_ptr_nonnull(strstr(json, "\"slyde-first-move\": 0"));
	free(json);
	report_json_free(writer);
	report_clear(&report);
	quiz_free(quiz);
}
END_TEST

/* The records come before the figures that count them, and the document
 * keeps the figures first: each group's "results" come last, in the
 * order added, after its counts. */
START_TEST(test_json_report_writes_each_group_figures_then_its_results)
{
	struct quiz *slyde = bundled("slyde.cfg"), *quick = quick_quiz();
	int quick_answers[64] = {0};
	struct report_json *writer = report_json_new();
	struct report report = {.skips_answers = true, .sink = {.add = json_add, .data = writer}};
	ck_assert(report_add(&report, record_of(slyde, "A", pm)));
	ck_assert(report_add(&report, record_of(quick, "B", quick_answers)));
	ck_assert(report_add(&report, record_of(slyde, "C", pmm)));
	char *json = json_of(&report, writer);
	const char *order[] = {"\"id\": \"slyde\"",   "\"participants\": 2", "\"results\": [",
			       "\"name\": \"A\"",     "\"name\": \"C\"",     "\"id\": \"quick\"",
			       "\"participants\": 1", "\"name\": \"B\""};
	const char *at = json;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		at = strstr(at, order[i]);
		ck_assert_msg(at, "no %s in order", order[i]);
	}
	ck_assert_ptr_nonnull(strstr(json, "\n        },\n        {\n          \"name\": \"C\""));
	const char end[] = "}\n      ]\n    }\n  ]\n}\n";
	ck_assert_str_eq(json + strlen(json) - strlen(end), end);
	free(json);
	report_json_free(writer);
	report_clear(&report);
	quiz_free(slyde);
	quiz_free(quick);
}
END_TEST

struct seen {
	size_t groups[8];
	char names[8][16];
	size_t count;
};

static void see(void *data, const struct report *report, size_t group,
		const struct result_record *record)
{
	struct seen *seen = data;
	ck_assert_uint_eq(report->groups[group].record_count, 1 + (seen->count == 2));
	seen->groups[seen->count] = group;
	snprintf(seen->names[seen->count++], sizeof(seen->names[0]), "%s", record->name);
}

/* The streaming aggregator: each record is counted, shown to the sink
 * with its group, and let go; a group keeps its first record, each name,
 * where "who got what" lists it, and (unless it skips answers) each
 * person's options. */
START_TEST(test_report_keeps_counts_names_and_choices_not_records)
{
	struct quiz *slyde = bundled("slyde.cfg"), *quick = quick_quiz();
	static const int one[] = {0, -2, -2, -2, -2, -2, -2, -2, -2, -2};
	int quick_answers[64] = {0};
	struct seen seen = {0};
	struct report report = {.sink = {.add = see, .data = &seen}};
	ck_assert(report_add(&report, record_of(slyde, "Ada", pm)));
	ck_assert(report_add(&report, record_of(quick, "Bob", quick_answers)));
	ck_assert(report_add(&report, record_of(slyde, "Cy", one)));
	ck_assert_uint_eq(seen.count, 3);
	ck_assert_uint_eq(seen.groups[1], 1);
	ck_assert_uint_eq(seen.groups[2], 0);
	ck_assert_str_eq(seen.names[2], "Cy");
	const struct report_group *group = &report.groups[0];
	ck_assert_uint_eq(group->record_count, 2);
	ck_assert_ptr_null(group->records);
	ck_assert_str_eq(report_first(group)->name, "Ada");
	/* Ada tops Product Manager; Cy, with one answer, is listed apart. */
	size_t role_pm = (size_t)quiz_role_index(slyde, "pm"), apart = slyde->role_count;
	ck_assert_uint_eq(report_listed_count(group, role_pm), 1);
	ck_assert_uint_eq(report_listed_count(group, apart), 1);
	struct report_names cursor = {0};
	ck_assert_str_eq(report_next_name(group, apart, &cursor), "Cy");
	ck_assert_ptr_null(report_next_name(group, apart, &cursor));
	cursor = (struct report_names){0};
	ck_assert_str_eq(report_next_name(group, role_pm, &cursor), "Ada");
	ck_assert_ptr_null(report_next_name(group, role_pm, &cursor));
	/* The options chosen, per person in file order; -1 for skipped. */
	const int8_t *choices = group->people.choices;
	ck_assert_int_eq(choices[1], pm[1]);
	ck_assert_int_eq(choices[group->question_count + 0], 0);
	ck_assert_int_eq(choices[group->question_count + 1], -1);
	ck_assert_uint_eq(group->questions[1].skipped, 1);
	report_clear(&report);
	/* Without answers the names are kept, the options not. */
	report = (struct report){.skips_answers = true};
	ck_assert(report_add(&report, record_of(slyde, "Ada", pm)));
	ck_assert_ptr_null(report.groups[0].people.choices);
	ck_assert_str_eq(report.groups[0].people.names, "Ada");
	report_clear(&report);
	quiz_free(slyde);
	quiz_free(quick);
}
END_TEST

/* Files of two quizzes read in turn: each quiz keeps its own table, in
 * the order its first file came, each table's rows in the order read,
 * as when the report kept every record before writing. */
START_TEST(test_csv_of_interleaved_quizzes_has_one_table_each)
{
	struct quiz *slyde = bundled("slyde.cfg"), *quick = quick_quiz();
	int quick_answers[64] = {0};
	struct capture capture;
	capture_start(&capture, false);
	ck_assert(report_add(&capture.report, record_of(slyde, "S1", pm)));
	ck_assert(report_add(&capture.report, record_of(quick, "Q1", quick_answers)));
	ck_assert(report_add(&capture.report, record_of(slyde, "S2", pmm)));
	ck_assert(report_add(&capture.report, record_of(quick, "Q2", quick_answers)));
	ck_assert(report_add(&capture.report, record_of(slyde, "S3", pm)));
	char *csv = capture_end(&capture);
	const char *order[] = {"\xef\xbb\xbfname,", "\r\nS1,", "\r\nS2,", "\r\nS3,",
			       "\r\n\r\nname,",	    "\r\nQ1,", "\r\nQ2,"};
	const char *at = csv;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		at = strstr(at, order[i]);
		ck_assert_msg(at, "no %s in order", order[i]);
	}
	/* The second table's header names the quick quiz's questions. */
	char column[128];
	snprintf(column, sizeof(column), ",%s,%s text,", quick->questions[0].id,
		 quick->questions[0].id);
	ck_assert_ptr_nonnull(strstr(strstr(csv, "\r\n\r\nname,"), column));
	ck_assert_ptr_null(strstr(csv + 3, "\xef\xbb\xbf"));
	free(csv);
	quiz_free(slyde);
	quiz_free(quick);
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
	tcase_add_test(tcase, test_json_report_writes_each_group_figures_then_its_results);
	tcase_add_test(tcase, test_report_keeps_counts_names_and_choices_not_records);
	tcase_add_test(tcase, test_csv_of_interleaved_quizzes_has_one_table_each);
	suite_add_tcase(suite, tcase);
	int status = run_suite(suite);
	char command[600];
	snprintf(command, sizeof(command), "rm -rf '%s'", folder);
	if (system(command) != 0)
		fprintf(stderr, "could not remove %s\n", folder);
	return status;
}
