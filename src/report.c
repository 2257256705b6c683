#include "careerfit/report.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "careerfit/json_out.h"
#include "careerfit/text.h"

const struct result_record *report_first(const struct report_group *group)
{
	return group->records[0];
}

static bool same_quiz(const struct result_record *a, const struct result_record *b)
{
	return strcmp(a->quiz_id, b->quiz_id) == 0 && a->quiz_version == b->quiz_version &&
	       strcmp(a->quiz_hash, b->quiz_hash) == 0;
}

/* Records of one quiz hash list the same roles in the same order. */
static bool same_roles(const struct result_record *a, const struct result_record *b)
{
	if (a->role_count != b->role_count || a->answer_count != b->answer_count)
		return false;
	for (size_t r = 0; r < a->role_count; r++)
		if (strcmp(a->roles[r].id, b->roles[r].id) != 0)
			return false;
	return true;
}

static bool group_init(struct report_group *group, struct result_record *record)
{
	*group = (struct report_group){0};
	size_t roles = record->role_count, questions = record->answer_count;
	group->top_counts = calloc(roles, sizeof(size_t));
	group->affinity_sums = calloc(roles, sizeof(double));
	group->affinity_counts = calloc(roles, sizeof(size_t));
	group->questions = calloc(questions ? questions : 1, sizeof(*group->questions));
	if (!group->top_counts || !group->affinity_sums || !group->affinity_counts ||
	    !group->questions)
		return false;
	group->question_count = questions;
	for (size_t q = 0; q < questions; q++) {
		group->questions[q].id = strdup(record->answers[q].question);
		group->questions[q].prompt = strdup(record->answers[q].prompt);
		if (!group->questions[q].id || !group->questions[q].prompt)
			return false;
	}
	return true;
}

static bool count_answer(struct report_question *question, const struct result_answer *answer,
			 size_t role_count)
{
	if (answer->option < 0) {
		question->skipped++;
		return true;
	}
	struct report_option *option = &question->options[answer->option];
	if (!option->text) {
		option->text = strdup(answer->text);
		option->scores = malloc(role_count * sizeof(double));
		if (!option->text || !option->scores)
			return false;
		memcpy(option->scores, answer->scores, role_count * sizeof(double));
	}
	option->count++;
	return true;
}

const char *report_band_id(const struct result_record *record)
{
	return record->has_band ? clarity_band_id(record->band) : "";
}

bool report_claims_fit(const struct result_record *record)
{
	return !(record->has_band && record->band == CLARITY_INSUFFICIENT);
}

static bool group_count(struct report_group *group, const struct result_record *record)
{
	group->band_counts[record->has_band ? record->band : CLARITY_BAND_COUNT]++;
	/* A result with too few answers claimed no fit: it tops nothing. */
	bool claims = report_claims_fit(record);
	for (size_t r = 0; r < record->role_count; r++) {
		group->top_counts[r] += claims && record->roles[r].top;
		if (record->roles[r].defined) {
			group->affinity_sums[r] += record->roles[r].affinity;
			group->affinity_counts[r]++;
		}
	}
	for (size_t q = 0; q < record->answer_count; q++)
		if (!count_answer(&group->questions[q], &record->answers[q], record->role_count))
			return false;
	return true;
}

static void group_clear(struct report_group *group, bool borrowed)
{
	for (size_t q = 0; q < group->question_count; q++) {
		free(group->questions[q].id);
		free(group->questions[q].prompt);
		for (size_t o = 0; o < QUIZ_MAX_OPTIONS; o++) {
			free(group->questions[q].options[o].text);
			free(group->questions[q].options[o].scores);
		}
	}
	for (size_t i = 0; !borrowed && i < group->record_count; i++)
		result_record_free(group->records[i]);
	free(group->records);
	free(group->questions);
	free(group->top_counts);
	free(group->affinity_sums);
	free(group->affinity_counts);
}

static struct report_group *group_for(struct report *report, struct result_record *record)
{
	for (size_t g = 0; g < report->group_count; g++)
		if (same_quiz(report_first(&report->groups[g]), record))
			return &report->groups[g];
	struct report_group *groups =
		realloc(report->groups, (report->group_count + 1) * sizeof(*groups));
	if (!groups)
		return NULL;
	report->groups = groups;
	struct report_group *group = &groups[report->group_count];
	if (!group_init(group, record)) {
		group_clear(group, false);
		return NULL;
	}
	report->group_count++;
	return group;
}

/* A new group has no record until the first is added; a failure leaves
 * it empty, and an empty group is dropped again. */
static void drop_if_empty(struct report *report, struct report_group *group)
{
	if (group->record_count == 0 && group == &report->groups[report->group_count - 1]) {
		group_clear(group, false);
		report->group_count--;
	}
}

bool report_add(struct report *report, struct result_record *record)
{
	struct report_group *group = group_for(report, record);
	if (!group)
		return false;
	struct result_record **records =
		realloc(group->records, (group->record_count + 1) * sizeof(*records));
	if (records)
		group->records = records;
	bool ok = records && (group->record_count == 0 || same_roles(report_first(group), record));
	/* Counted before it is owned: on failure the caller still owns it. */
	ok = ok && group_count(group, record);
	if (!ok) {
		drop_if_empty(report, group);
		return false;
	}
	records[group->record_count++] = record;
	return true;
}

double report_mean_affinity(const struct report_group *group, size_t role)
{
	return group->affinity_counts[role]
		       ? group->affinity_sums[role] / (double)group->affinity_counts[role]
		       : -1;
}

void report_clear(struct report *report)
{
	for (size_t g = 0; g < report->group_count; g++)
		group_clear(&report->groups[g], report->borrows_records);
	free(report->groups);
	*report = (struct report){.borrows_records = report->borrows_records};
}

/* Whether a spreadsheet would read TEXT as a formula: it starts with one
 * of OWASP's CSV injection triggers (= + - @, a tab, a carriage return),
 * or with blanks and then one of them, which spreadsheets skip. A lone
 * "-" is a skipped answer, which no spreadsheet evaluates. */
static bool csv_formula(const char *text)
{
	if (text[0] == '\t' || text[0] == '\r')
		return true;
	const char *start = text + strspn(text, " \t\r\n");
	return *start && strchr("=+-@", *start) && strcmp(text, "-") != 0;
}

/* RFC 4180 quoting. A cell a spreadsheet would read as a formula gets a
 * leading apostrophe: a participant's name is not a program. A file or a
 * pipe gets the exact bytes, which a spreadsheet needs; a terminal gets
 * each cell sanitised, or a name could send it escape sequences (a
 * clipboard write, a cleared screen). The stream is asked per cell so
 * that the writer carries no state; that costs one ioctl a cell. */
static void csv_field(FILE *out, const char *text, bool first)
{
	bool terminal = isatty(fileno(out));
	char *clean = terminal ? text_sanitize(text) : NULL;
	if (terminal)
		text = clean ? clean : ""; /* out of memory: never the raw bytes */
	if (!first)
		fputc(',', out);
	bool formula = csv_formula(text);
	if (!formula && !strpbrk(text, ",\"\r\n") && text[0] != ' ') {
		fputs(text, out);
	} else {
		fputc('"', out);
		if (formula)
			fputc('\'', out);
		for (const char *c = text; *c; c++) {
			if (*c == '"')
				fputc('"', out);
			fputc(*c, out);
		}
		fputc('"', out);
	}
	free(clean);
}

/* Writes TEXT (NULL when memory ran out: an empty cell) and frees it. */
static void csv_cell_free(FILE *out, char *text)
{
	csv_field(out, text ? text : "", false);
	free(text);
}

static void csv_header(FILE *out, const struct report_group *group)
{
	const struct result_record *first = report_first(group);
	static const char *const fixed[] = {"name", "time", "quiz",	"version",
					    "top",  "band", "runner_up"};
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		csv_field(out, fixed[i], i == 0);
	/* Names, not ids: the mentor reads the sheet, a script reads --json. */
	for (size_t r = 0; r < first->role_count; r++)
		csv_field(out, first->roles[r].name, false);
	for (size_t q = 0; q < group->question_count; q++) {
		const char *id = group->questions[q].id;
		char *text = malloc(strlen(id) + sizeof(" text"));
		if (text)
			strcat(strcpy(text, id), " text");
		csv_field(out, id, false);
		csv_cell_free(out, text);
	}
	fputs("\r\n", out);
}

/* The names of the roles that WANT (top roles, or the runner-up's id),
 * joined with " / "; newly allocated, NULL when memory runs out. */
static char *csv_role_names(const struct result_record *record, const char *runner_up)
{
	char *text = NULL;
	size_t size = 0;
	FILE *list = open_memstream(&text, &size);
	if (!list)
		return NULL;
	bool any = false;
	for (size_t r = 0; r < record->role_count; r++) {
		bool wanted = runner_up ? strcmp(record->roles[r].id, runner_up) == 0
					: record->roles[r].top;
		if (wanted)
			fprintf(list, "%s%s", any ? " / " : "", record->roles[r].name);
		any = any || wanted;
	}
	if (fclose(list) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

static void csv_row(FILE *out, const struct result_record *record)
{
	char number[32];
	csv_field(out, record->name, true);
	csv_field(out, record->time, false);
	csv_field(out, record->quiz_id, false);
	snprintf(number, sizeof(number), "%d", record->quiz_version);
	csv_field(out, number, false);
	csv_cell_free(out, csv_role_names(record, NULL));
	csv_field(out, report_band_id(record), false);
	csv_cell_free(out, record->runner_up ? csv_role_names(record, record->runner_up) : NULL);
	for (size_t r = 0; r < record->role_count; r++) {
		if (record->roles[r].defined)
			snprintf(number, sizeof(number), "%.2f", record->roles[r].affinity);
		else
			number[0] = '\0';
		csv_field(out, number, false);
	}
	for (size_t a = 0; a < record->answer_count; a++) {
		const struct result_answer *answer = &record->answers[a];
		char letter[2] = {answer->option < 0 ? '-' : (char)('a' + answer->option), '\0'};
		csv_field(out, letter, false);
		csv_field(out, answer->option < 0 ? "" : answer->text, false);
	}
	fputs("\r\n", out);
}

/* A spreadsheet opened by a double-click guesses the encoding, and Excel
 * guesses wrong (the local code page, so "Zoë" comes out as "ZoÃ«")
 * unless the file starts with a UTF-8 byte-order mark. A terminal gets
 * none (it would draw nothing useful), and neither does standard output:
 * `--csv -` feeds scripts (cut, head, awk), for which a mark glued to the
 * first column name is a bug. The file a mentor double-clicks is the one
 * named with --csv FILE. */
static bool csv_wants_mark(FILE *out)
{
	int descriptor = fileno(out);
	return descriptor != STDOUT_FILENO && !isatty(descriptor);
}

bool report_write_csv(const struct report *report, FILE *out)
{
	if (csv_wants_mark(out))
		fputs("\xef\xbb\xbf", out);
	for (size_t g = 0; g < report->group_count; g++) {
		const struct report_group *group = &report->groups[g];
		if (g)
			fputs("\r\n", out);
		csv_header(out, group);
		for (size_t i = 0; i < group->record_count; i++)
			csv_row(out, group->records[i]);
	}
	return fflush(out) == 0 && !ferror(out);
}

static struct json_object *json_roles_map(const struct report_group *group, bool mean)
{
	const struct result_record *first = report_first(group);
	struct json_object *map = json_object_new_object();
	for (size_t r = 0; r < first->role_count; r++) {
		double value = report_mean_affinity(group, r);
		struct json_object *entry =
			mean ? (value >= 0 ? json_object_new_double(value) : NULL)
			     : json_object_new_int((int)group->top_counts[r]);
		json_object_object_add(map, first->roles[r].id, entry);
	}
	return map;
}

static struct json_object *json_question(const struct report_group *group,
					 const struct report_question *question)
{
	const struct result_record *first = report_first(group);
	struct json_object *object = json_object_new_object();
	json_object_object_add(object, "id", json_out_text(question->id));
	json_object_object_add(object, "prompt", json_out_text(question->prompt));
	json_object_object_add(object, "skipped", json_object_new_int((int)question->skipped));
	struct json_object *options = json_object_new_array();
	for (size_t o = 0; o < QUIZ_MAX_OPTIONS; o++) {
		const struct report_option *option = &question->options[o];
		if (!option->count)
			continue;
		struct json_object *entry = json_object_new_object();
		struct json_object *signals = json_object_new_object();
		for (size_t r = 0; r < first->role_count; r++)
			if (option->scores[r] != 0)
				json_object_object_add(signals, first->roles[r].id,
						       json_object_new_double(option->scores[r]));
		json_object_object_add(entry, "option", json_object_new_int((int)o));
		json_object_object_add(entry, "text", json_out_text(option->text));
		json_object_object_add(entry, "count", json_object_new_int((int)option->count));
		json_object_object_add(entry, "signals", signals);
		json_object_array_add(options, entry);
	}
	json_object_object_add(object, "options", options);
	return object;
}

static struct json_object *json_participant(const struct result_record *record)
{
	struct json_object *object = json_object_new_object();
	struct json_object *top = json_object_new_array();
	struct json_object *affinity = json_object_new_object();
	struct json_object *answers = json_object_new_object();
	for (size_t r = 0; r < record->role_count; r++) {
		if (record->roles[r].top)
			json_object_array_add(top, json_out_text(record->roles[r].id));
		json_object_object_add(affinity, record->roles[r].id,
				       record->roles[r].defined
					       ? json_object_new_double(record->roles[r].affinity)
					       : NULL);
	}
	for (size_t a = 0; a < record->answer_count; a++)
		json_object_object_add(answers, record->answers[a].question,
				       record->answers[a].option >= 0
					       ? json_object_new_int(record->answers[a].option)
					       : NULL);
	json_object_object_add(object, "name", json_out_text(record->name));
	json_object_object_add(object, "time", json_out_text(record->time));
	json_object_object_add(object, "file", json_out_text(record->path));
	json_object_object_add(object, "top", top);
	json_object_object_add(object, "band",
			       record->has_band ? json_out_text(report_band_id(record)) : NULL);
	json_object_object_add(object, "runner_up",
			       record->runner_up ? json_out_text(record->runner_up) : NULL);
	json_object_object_add(object, "affinity", affinity);
	json_object_object_add(object, "answers", answers);
	return object;
}

static struct json_object *json_group(const struct report_group *group)
{
	const struct result_record *first = report_first(group);
	struct json_object *object = json_object_new_object();
	struct json_object *quiz = json_object_new_object();
	json_object_object_add(quiz, "id", json_out_text(first->quiz_id));
	json_object_object_add(quiz, "title", json_out_text(first->quiz_title));
	json_object_object_add(quiz, "version", json_object_new_int(first->quiz_version));
	json_object_object_add(quiz, "hash", json_out_text(first->quiz_hash));
	json_object_object_add(object, "quiz", quiz);
	json_object_object_add(object, "participants",
			       json_object_new_int((int)group->record_count));
	json_object_object_add(object, "top", json_roles_map(group, false));
	json_object_object_add(object, "mean_affinity", json_roles_map(group, true));
	struct json_object *bands = json_object_new_object();
	for (int b = 0; b < CLARITY_BAND_COUNT; b++)
		json_object_object_add(bands, clarity_band_id((enum clarity_band)b),
				       json_object_new_int((int)group->band_counts[b]));
	json_object_object_add(bands, "unknown",
			       json_object_new_int((int)group->band_counts[CLARITY_BAND_COUNT]));
	json_object_object_add(object, "bands", bands);
	struct json_object *questions = json_object_new_array();
	for (size_t q = 0; q < group->question_count; q++)
		json_object_array_add(questions, json_question(group, &group->questions[q]));
	json_object_object_add(object, "questions", questions);
	struct json_object *participants = json_object_new_array();
	for (size_t i = 0; i < group->record_count; i++)
		json_object_array_add(participants, json_participant(group->records[i]));
	json_object_object_add(object, "results", participants);
	return object;
}

char *report_json(const struct report *report)
{
	struct json_object *root = json_object_new_object();
	struct json_object *groups = json_object_new_array();
	for (size_t g = 0; g < report->group_count; g++)
		json_object_array_add(groups, json_group(&report->groups[g]));
	json_object_object_add(root, "quizzes", groups);
	return json_out_finish(root);
}
