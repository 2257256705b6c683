#include "careerfit/report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "careerfit/json_out.h"
#include "careerfit/text.h"

const struct result_record *report_first(const struct report_group *group)
{
	return group->first;
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

static bool group_init(struct report_group *group, const struct result_record *record)
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

/* Room for one more person in GROUP, and for NAME_SIZE bytes of name. */
static bool people_reserve(struct report_group *group, size_t name_size, bool answers)
{
	struct report_people *people = &group->people;
	if (people->names_size + name_size > people->names_capacity) {
		size_t capacity = 2 * people->names_capacity + name_size + 64;
		char *names = realloc(people->names, capacity);
		if (!names)
			return false;
		people->names = names;
		people->names_capacity = capacity;
	}
	if (group->record_count < people->capacity)
		return true;
	size_t capacity = people->capacity ? 2 * people->capacity : 16;
	uint16_t *listed = realloc(people->listed, capacity * sizeof(*listed));
	if (listed)
		people->listed = listed;
	if (!listed)
		return false;
	if (answers) {
		size_t row = group->question_count ? group->question_count : 1;
		int8_t *choices = realloc(people->choices, capacity * row);
		if (!choices)
			return false;
		people->choices = choices;
	}
	people->capacity = capacity;
	return true;
}

/* Where "who got what" lists RECORD, as report_people.listed keeps it. */
static uint16_t listed_bits(const struct result_record *record)
{
	if (!report_claims_fit(record))
		return (uint16_t)(1u << record->role_count);
	uint16_t bits = 0;
	for (size_t r = 0; r < record->role_count; r++)
		if (record->roles[r].top)
			bits |= (uint16_t)(1u << r);
	return bits;
}

/* After people_reserve(): cannot fail. */
static void people_add(struct report_group *group, const struct result_record *record, bool answers)
{
	struct report_people *people = &group->people;
	size_t size = strlen(record->name) + 1, person = group->record_count;
	memcpy(people->names + people->names_size, record->name, size);
	people->names_size += size;
	people->listed[person] = listed_bits(record);
	for (size_t q = 0; answers && q < group->question_count; q++)
		people->choices[person * group->question_count + q] =
			(int8_t)(record->answers[q].option < 0 ? -1 : record->answers[q].option);
}

const char *report_next_name(const struct report_group *group, size_t role,
			     struct report_names *cursor)
{
	while (cursor->person < group->record_count) {
		const char *name = group->people.names + cursor->offset;
		bool listed = (group->people.listed[cursor->person] >> role) & 1u;
		cursor->person++;
		cursor->offset += strlen(name) + 1;
		if (listed)
			return name;
	}
	return NULL;
}

size_t report_listed_count(const struct report_group *group, size_t role)
{
	size_t count = 0;
	for (size_t i = 0; i < group->record_count; i++)
		count += (group->people.listed[i] >> role) & 1u;
	return count;
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
	if (!borrowed)
		result_record_free(group->first);
	free(group->records);
	free(group->people.names);
	free(group->people.listed);
	free(group->people.choices);
	free(group->questions);
	free(group->top_counts);
	free(group->affinity_sums);
	free(group->affinity_counts);
}

static struct report_group *group_for(struct report *report, const struct result_record *record,
				      size_t *index)
{
	for (size_t g = 0; g < report->group_count; g++)
		if (same_quiz(report_first(&report->groups[g]), record))
			return &report->groups[*index = g];
	struct report_group *groups =
		realloc(report->groups, (report->group_count + 1) * sizeof(*groups));
	if (!groups)
		return NULL;
	report->groups = groups;
	struct report_group *group = &groups[report->group_count];
	if (!group_init(group, record)) {
		group_clear(group, true);
		return NULL;
	}
	*index = report->group_count++;
	return group;
}

/* A new group has no record until the first is added; a failure leaves
 * it empty, and an empty group is dropped again. */
static void drop_if_empty(struct report *report, struct report_group *group)
{
	if (group->record_count == 0 && group == &report->groups[report->group_count - 1]) {
		group_clear(group, true);
		report->group_count--;
	}
}

/* Room in GROUP's list of borrowed records for one more. */
static bool records_reserve(struct report_group *group)
{
	struct result_record **records =
		realloc(group->records, (group->record_count + 1) * sizeof(*records));
	if (records)
		group->records = records;
	return records != NULL;
}

bool report_add(struct report *report, struct result_record *record)
{
	size_t index = 0;
	struct report_group *group = group_for(report, record, &index);
	if (!group)
		return false;
	bool fresh = group->record_count == 0, answers = !report->skips_answers;
	bool ok = (fresh || same_roles(report_first(group), record)) &&
		  people_reserve(group, strlen(record->name) + 1, answers) &&
		  (!report->borrows_records || records_reserve(group));
	/* Counted before it is owned: on failure the caller still owns it. */
	ok = ok && group_count(group, record);
	if (!ok) {
		drop_if_empty(report, group);
		return false;
	}
	people_add(group, record, answers);
	if (report->borrows_records)
		group->records[group->record_count] = record;
	if (fresh)
		group->first = record;
	group->record_count++;
	if (report->sink.add)
		report->sink.add(report->sink.data, report, index, record);
	if (!fresh && !report->borrows_records)
		result_record_free(record);
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
	*report = (struct report){.borrows_records = report->borrows_records,
				  .skips_answers = report->skips_answers,
				  .sink = report->sink};
}

/* Temporary files, one per group, where rows wait until the groups
 * before theirs are written. tmpfile(3) unlinks each at once: nothing is
 * left behind, whatever happens. */
struct spools {
	FILE **files;
	size_t count;
};

static FILE *spool_for(struct spools *spools, size_t group)
{
	if (group >= spools->count) {
		FILE **files = realloc(spools->files, (group + 1) * sizeof(*files));
		if (!files)
			return NULL;
		for (size_t g = spools->count; g <= group; g++)
			files[g] = NULL;
		spools->files = files;
		spools->count = group + 1;
	}
	if (!spools->files[group])
		spools->files[group] = tmpfile();
	return spools->files[group];
}

/* Copies GROUP's spool to OUT; true when it has none. */
static bool spool_copy(struct spools *spools, size_t group, FILE *out)
{
	FILE *spool = group < spools->count ? spools->files[group] : NULL;
	if (!spool)
		return true;
	if (fflush(spool) != 0 || ferror(spool) || fseek(spool, 0, SEEK_SET) != 0)
		return false;
	char buffer[65536];
	size_t got;
	while ((got = fread(buffer, 1, sizeof(buffer), spool)) > 0)
		if (fwrite(buffer, 1, got, out) != got)
			return false;
	return !ferror(spool);
}

static void spools_clear(struct spools *spools)
{
	for (size_t g = 0; g < spools->count; g++)
		if (spools->files[g])
			fclose(spools->files[g]);
	free(spools->files);
	*spools = (struct spools){0};
}

struct report_csv {
	FILE *out;
	bool terminal; /* OUT is one: each cell is sanitised */
	bool failed;   /* a spool could not be made or written */
	int error;     /* errno then */
	struct spools spools;
};

/* Where a row or a header is written, and how. */
struct csv_line {
	FILE *out;
	bool terminal;
};

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
 * clipboard write, a cleared screen). Whether the CSV goes to a terminal
 * is asked once, of the final stream: a row may wait in a spool first. */
static void csv_field(const struct csv_line *line, const char *text, bool first)
{
	FILE *out = line->out;
	char *clean = line->terminal ? text_sanitize(text) : NULL;
	if (line->terminal)
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
static void csv_cell_free(const struct csv_line *line, char *text)
{
	csv_field(line, text ? text : "", false);
	free(text);
}

static void csv_header(const struct csv_line *line, const struct report_group *group)
{
	const struct result_record *first = report_first(group);
	static const char *const fixed[] = {"name", "time", "quiz",	"version",
					    "top",  "band", "runner_up"};
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		csv_field(line, fixed[i], i == 0);
	/* Names, not ids: the mentor reads the sheet, a script reads --json. */
	for (size_t r = 0; r < first->role_count; r++)
		csv_field(line, first->roles[r].name, false);
	for (size_t q = 0; q < group->question_count; q++) {
		const char *id = group->questions[q].id;
		char *text = malloc(strlen(id) + sizeof(" text"));
		if (text)
			strcat(strcpy(text, id), " text");
		csv_field(line, id, false);
		csv_cell_free(line, text);
	}
	fputs("\r\n", line->out);
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

static void csv_row(const struct csv_line *line, const struct result_record *record)
{
	char number[32];
	csv_field(line, record->name, true);
	csv_field(line, record->time, false);
	csv_field(line, record->quiz_id, false);
	snprintf(number, sizeof(number), "%d", record->quiz_version);
	csv_field(line, number, false);
	csv_cell_free(line, csv_role_names(record, NULL));
	csv_field(line, report_band_id(record), false);
	csv_cell_free(line, record->runner_up ? csv_role_names(record, record->runner_up) : NULL);
	for (size_t r = 0; r < record->role_count; r++) {
		if (record->roles[r].defined)
			snprintf(number, sizeof(number), "%.2f", record->roles[r].affinity);
		else
			number[0] = '\0';
		csv_field(line, number, false);
	}
	for (size_t a = 0; a < record->answer_count; a++) {
		const struct result_answer *answer = &record->answers[a];
		char letter[2] = {answer->option < 0 ? '-' : (char)('a' + answer->option), '\0'};
		csv_field(line, letter, false);
		csv_field(line, answer->option < 0 ? "" : answer->text, false);
	}
	fputs("\r\n", line->out);
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

struct report_csv *report_csv_new(FILE *out)
{
	struct report_csv *csv = malloc(sizeof(*csv));
	if (!csv)
		return NULL;
	*csv = (struct report_csv){.out = out, .terminal = isatty(fileno(out))};
	if (csv_wants_mark(out))
		fputs("\xef\xbb\xbf", out);
	return csv;
}

/* The first group's table is written as its rows come; later groups'
 * rows wait in a spool each, headed when the CSV is finished. */
void report_csv_add(struct report_csv *csv, const struct report *report, size_t group,
		    const struct result_record *record)
{
	struct csv_line line = {.out = csv->out, .terminal = csv->terminal};
	if (group > 0)
		line.out = spool_for(&csv->spools, group);
	if (!line.out) {
		csv->error = csv->failed ? csv->error : errno;
		csv->failed = true;
		return;
	}
	if (group == 0 && report->groups[0].record_count == 1)
		csv_header(&line, &report->groups[0]);
	csv_row(&line, record);
}

bool report_csv_finish(struct report_csv *csv, const struct report *report)
{
	struct csv_line line = {.out = csv->out, .terminal = csv->terminal};
	for (size_t g = 1; !csv->failed && g < report->group_count; g++) {
		fputs("\r\n", csv->out);
		csv_header(&line, &report->groups[g]);
		if (!spool_copy(&csv->spools, g, csv->out)) {
			csv->error = errno;
			csv->failed = true;
		}
	}
	if (csv->failed) {
		errno = csv->error;
		return false;
	}
	return fflush(csv->out) == 0 && !ferror(csv->out);
}

void report_csv_free(struct report_csv *csv)
{
	if (!csv)
		return;
	spools_clear(&csv->spools);
	free(csv);
}

/* The JSON layout: json-c's pretty, spaced text, two spaces a level. */
#define JSON_FLAGS                                                                                 \
	(JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE)

/* OBJECT's text, LENGTH bytes of it, as if nested INDENT spaces deep:
 * each line break is followed by INDENT more spaces. A JSON string never
 * holds a raw line break, so only the layout's are touched. */
static void json_write_nested(FILE *out, const char *text, size_t length, int indent)
{
	for (size_t i = 0; i < length; i++) {
		fputc(text[i], out);
		if (text[i] == '\n')
			fprintf(out, "%*s", indent, "");
	}
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

struct json_object *report_json_quiz(const struct report_group *group)
{
	const struct result_record *first = report_first(group);
	struct json_object *quiz = json_object_new_object();
	json_object_object_add(quiz, "id", json_out_text(first->quiz_id));
	json_object_object_add(quiz, "title", json_out_text(first->quiz_title));
	json_object_object_add(quiz, "version", json_object_new_int(first->quiz_version));
	json_object_object_add(quiz, "hash", json_out_text(first->quiz_hash));
	return quiz;
}

/* The group's figures: everything but its "results". */
static struct json_object *json_figures(const struct report_group *group)
{
	struct json_object *object = json_object_new_object();
	json_object_object_add(object, "quiz", report_json_quiz(group));
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
	return object;
}

struct report_json {
	bool failed; /* a record could not be made or spooled */
	int error;   /* errno then */
	struct spools spools;
};

struct report_json *report_json_new(void)
{
	struct report_json *json = malloc(sizeof(*json));
	if (json)
		*json = (struct report_json){0};
	return json;
}

/* Each record as an element of its group's "results", which sits four
 * levels deep: the line break and indent before it, and a comma after the
 * one before. */
void report_json_add(struct report_json *json, const struct report *report, size_t group,
		     const struct result_record *record)
{
	FILE *spool = spool_for(&json->spools, group);
	struct json_object *object = json_participant(record);
	const char *text = object ? json_object_to_json_string_ext(object, JSON_FLAGS) : NULL;
	if (spool && text) {
		fprintf(spool, "%s\n%8s", report->groups[group].record_count > 1 ? "," : "", "");
		json_write_nested(spool, text, strlen(text), 8);
	} else if (!json->failed) {
		json->error = errno;
		json->failed = true;
	}
	json_object_put(object);
}

/* One group: its figures as json-c writes them, but for the closing
 * brace, then its spooled results. */
static bool json_write_group(struct report_json *json, size_t g, const struct report_group *group,
			     FILE *out)
{
	struct json_object *figures = json_figures(group);
	const char *text = figures ? json_object_to_json_string_ext(figures, JSON_FLAGS) : NULL;
	const char *end = text ? strrchr(text, '\n') : NULL;
	if (end) {
		fprintf(out, "%s\n%4s", g ? "," : "", "");
		json_write_nested(out, text, (size_t)(end - text), 4);
		fprintf(out, ",\n%6s\"results\": [", "");
	}
	json_object_put(figures);
	bool ok = end && spool_copy(&json->spools, g, out);
	fprintf(out, "\n%6s]\n%4s}", "", "");
	return ok;
}

bool report_json_finish(struct report_json *json, const struct report *report, FILE *out)
{
	if (json->failed) {
		errno = json->error;
		return false;
	}
	fputs("{\n  \"quizzes\": [", out);
	bool ok = true;
	for (size_t g = 0; ok && g < report->group_count; g++)
		ok = json_write_group(json, g, &report->groups[g], out);
	fputs("\n  ]\n}\n", out);
	return ok && fflush(out) == 0 && !ferror(out);
}

void report_json_free(struct report_json *json)
{
	if (!json)
		return;
	spools_clear(&json->spools);
	free(json);
}
