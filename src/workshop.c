#include "workshop.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "careerfit/items.h"
#include "careerfit/text.h"
#include "summary.h"

#define BAR_WIDTH 30
#define REPORT_WIDTH 80
#define NAMES_INDENT 4
/* Stands for "too few answers" where a role index is expected. */
#define TOO_FEW ((size_t)-1)

static void warn(const char *message)
{
	char *clean = text_sanitize(message);
	fprintf(stderr, "careerfit: warning: skipping %s\n", clean ? clean : message);
	free(clean);
}

static bool gather_file(struct report *report, const char *path, const char *quiz_id)
{
	char *error = NULL;
	struct result_record *record = results_read(path, &error);
	if (!record) {
		warn(error ? error : path);
		free(error);
		return true;
	}
	if (quiz_id && strcmp(record->quiz_id, quiz_id) != 0) {
		result_record_free(record);
		return true;
	}
	if (!report_add(report, record)) {
		char message[1024];
		snprintf(message, sizeof(message),
			 "%s: its roles or questions differ from "
			 "other results of the same quiz",
			 path);
		warn(message);
		result_record_free(record);
	}
	return true;
}

struct gathering {
	struct report *report;
	const char *quiz_id;
};

static bool gather_visit(const char *path, void *data)
{
	struct gathering *gathering = data;
	return gather_file(gathering->report, path, gathering->quiz_id);
}

static bool gather_folder(struct report *report, const char *folder, const char *quiz_id)
{
	struct gathering gathering = {.report = report, .quiz_id = quiz_id};
	int status = catalog_each_file(folder, gather_visit, &gathering);
	if (status < 0) {
		char message[1024];
		snprintf(message, sizeof(message), "%s: cannot read the folder", folder);
		warn(message);
	}
	return status != 0;
}

bool workshop_gather(struct report *report, char *const paths[], size_t count, const char *quiz_id)
{
	bool ok = true;
	for (size_t i = 0; ok && i < count; i++) {
		struct stat info;
		if (stat(paths[i], &info) == 0 && S_ISDIR(info.st_mode))
			ok = gather_folder(report, paths[i], quiz_id);
		else
			ok = gather_file(report, paths[i], quiz_id);
	}
	return ok;
}

static void stream_record(void *data, const struct report *report, size_t group,
			  const struct result_record *record)
{
	struct workshop_outputs *outputs = data;
	if (outputs->csv)
		report_csv_add(outputs->csv, report, group, record);
	if (outputs->json)
		report_json_add(outputs->json, report, group, record);
}

void workshop_stream(struct report *report, struct workshop_outputs *outputs)
{
	report->sink = (struct report_sink){.add = stream_record, .data = outputs};
}

static void print_bar(FILE *out, const char *label, size_t value, size_t most, const char *text)
{
	char *clean = text_sanitize(label);
	size_t width = clean ? text_width(clean) : 0;
	size_t filled = most ? (value * BAR_WIDTH + most / 2) / most : 0;
	fprintf(out, "  %s%*s ", clean ? clean : "", (int)(width < 28 ? 28 - width : 0), "");
	for (size_t i = 0; i < BAR_WIDTH; i++)
		fputs(i < filled ? "\u2588" : " ", out);
	fprintf(out, " %s\n", text);
	free(clean);
}

static void print_tops(FILE *out, const struct report_group *group)
{
	const struct result_record *first = report_first(group);
	size_t most = 0;
	for (size_t r = 0; r < first->role_count; r++)
		most = group->top_counts[r] > most ? group->top_counts[r] : most;
	fputs("\nTop result (a tie counts for each tied role; too few answers count for none)\n",
	      out);
	for (size_t r = 0; r < first->role_count; r++) {
		char count[32];
		snprintf(count, sizeof(count), "%zu", group->top_counts[r]);
		print_bar(out, first->roles[r].name, group->top_counts[r], most, count);
	}
	fputs("\nHow sure the results are\n", out);
	size_t bands = 0;
	for (size_t b = 0; b <= CLARITY_BAND_COUNT; b++)
		bands = group->band_counts[b] > bands ? group->band_counts[b] : bands;
	for (int b = 0; b <= CLARITY_BAND_COUNT; b++) {
		if (b == CLARITY_BAND_COUNT && !group->band_counts[b])
			break; /* only files from before bands have none */
		char count[32];
		snprintf(count, sizeof(count), "%zu", group->band_counts[b]);
		print_bar(out,
			  b < CLARITY_BAND_COUNT ? clarity_band_id((enum clarity_band)b)
						 : "unknown",
			  group->band_counts[b], bands, count);
	}
	fputs("\nMean affinity\n", out);
	for (size_t r = 0; r < first->role_count; r++) {
		double mean = report_mean_affinity(group, r);
		char value[32];
		snprintf(value, sizeof(value), mean >= 0 ? "%5.1f%%" : "  n/a", mean);
		print_bar(out, first->roles[r].name, mean >= 0 ? (size_t)(mean * 10) : 0, 1000,
			  value);
	}
}

/* Writes TEXT from column *COLUMN on, wrapped at REPORT_WIDTH with
 * NAMES_INDENT, keeping the last column free for a comma. */
static void print_long_name(FILE *out, const char *text, size_t *column)
{
	struct text_lines lines = {0};
	if (!text_wrap(text, REPORT_WIDTH - NAMES_INDENT - 1, &lines))
		return;
	for (size_t i = 0; i < lines.count; i++) {
		if (i) {
			fprintf(out, "\n%*s", NAMES_INDENT, "");
			*column = NAMES_INDENT;
		}
		fputs(lines.lines[i], out);
		*column += text_width(lines.lines[i]);
	}
	text_lines_clear(&lines);
}

/* Adds NAME to a comma-separated list: whole names per line where they
 * fit, since a name cut in two reads as two people. */
static void print_name(FILE *out, const char *name, size_t *column)
{
	char *clean = text_sanitize(name);
	for (char *c = clean; c && *c; c++)
		if (*c == '\n')
			*c = ' '; /* one person, one line of the list */
	const char *text = clean ? clean : "";
	if (*column && *column + 2 + text_width(text) < REPORT_WIDTH) {
		fputs(", ", out);
		*column += 2;
	} else {
		fprintf(out, "%s%*s", *column ? ",\n" : "", NAMES_INDENT, "");
		*column = NAMES_INDENT;
	}
	print_long_name(out, text, column);
	free(clean);
}

static void print_names_under(FILE *out, const struct report_group *group, size_t role)
{
	size_t roles = report_first(group)->role_count, column = 0;
	size_t count = report_listed_count(group, role == TOO_FEW ? roles : role);
	if (role == TOO_FEW && count == 0)
		return;
	char *label = role == TOO_FEW ? NULL : text_sanitize(report_first(group)->roles[role].name);
	fprintf(out, "  %s: %zu\n",
		role == TOO_FEW ? "Too few answers"
		: label		? label
				: "",
		count);
	free(label);
	struct report_names cursor = {0};
	for (const char *name;
	     (name = report_next_name(group, role == TOO_FEW ? roles : role, &cursor));)
		print_name(out, name, &column);
	fputs(count ? "\n" : "    nobody\n", out);
}

static void print_names(FILE *out, const struct report_group *group)
{
	fputs("\nWho got what (a tie lists the name under each tied role)\n", out);
	for (size_t r = 0; r < report_first(group)->role_count; r++)
		print_names_under(out, group, r);
	print_names_under(out, group, TOO_FEW);
}

static void print_signals(FILE *out, const struct result_record *first,
			  const struct report_option *option)
{
	fputs("        signals:", out);
	bool any = false;
	for (size_t r = 0; r < first->role_count; r++) {
		if (option->scores[r] == 0)
			continue;
		char *id = text_sanitize(first->roles[r].id);
		fprintf(out, "%s %s %+g", any ? "," : "", id ? id : "", option->scores[r]);
		free(id);
		any = true;
	}
	fputs(any ? "\n" : " no role\n", out);
}

static void print_question(FILE *out, const struct report_group *group, size_t q)
{
	const struct report_question *question = &group->questions[q];
	char number[32];
	snprintf(number, sizeof(number), "  %zu. ", q + 1);
	fputc('\n', out);
	summary_print_hanging(out, number, question->prompt, 80);
	for (size_t o = 0; o < QUIZ_MAX_OPTIONS; o++) {
		const struct report_option *option = &question->options[o];
		if (!option->count)
			continue;
		fprintf(out, "     %c) %zu picked:\n", (char)('a' + o), option->count);
		summary_print_wrapped(out, option->text, 8, 80);
		print_signals(out, report_first(group), option);
	}
	if (question->skipped)
		fprintf(out, "     skipped: %zu\n", question->skipped);
}

void workshop_print_report(FILE *out, const struct report *report)
{
	if (report->group_count == 0)
		fputs("No results to report.\n", out);
	for (size_t g = 0; g < report->group_count; g++) {
		const struct report_group *group = &report->groups[g];
		const struct result_record *first = report_first(group);
		char *title = text_sanitize(first->quiz_title), *id = text_sanitize(first->quiz_id);
		fprintf(out, "%s%s (%s, version %d)\n%zu participant%s\n", g ? "\n\n" : "",
			title ? title : "", id ? id : "", first->quiz_version, group->record_count,
			group->record_count == 1 ? "" : "s");
		free(title);
		free(id);
		print_tops(out, group);
		print_names(out, group);
		fputs("\nWhat the room picked (letters in file order; the screen shuffles them)\n",
		      out);
		for (size_t q = 0; q < group->question_count; q++)
			print_question(out, group, q);
	}
}

/* The first line of TEXT, sanitised and cut to COLUMNS with an ellipsis:
 * the author has the file, the line only has to say which option. */
static void print_cut(FILE *out, const char *text, size_t columns)
{
	char *clean = text_sanitize(text);
	if (!clean)
		return;
	clean[strcspn(clean, "\n")] = '\0';
	size_t fit = text_fit(clean, columns);
	bool cut = clean[fit] != '\0';
	if (cut)
		fit = text_fit(clean, columns - 1);
	fprintf(out, "%.*s%s\n", (int)fit, clean, cut ? "\u2026" : "");
	free(clean);
}

static void print_item_option(FILE *out, const struct report_group *group,
			      const struct items *items, size_t q, size_t o)
{
	const struct items_option *option = &items->questions[q].options[o];
	size_t people = items->result_count;
	fprintf(out, "     %c) %zu picked (%.0f%%)", (char)('a' + o), option->count,
		people ? 100.0 * (double)option->count / (double)people : 0.0);
	if (option->has_role && items->reliable) {
		char *role = text_sanitize(report_first(group)->roles[option->role].id);
		fprintf(out, ", scores %s most", role ? role : "");
		free(role);
		if (option->has_correlation)
			fprintf(out, ", item-rest %+.2f", option->correlation);
		else
			fputs(", item-rest n/a", out);
	}
	fputc('\n', out);
	fputs("        ", out);
	if (option->known)
		print_cut(out, group->questions[q].options[o].text, REPORT_WIDTH - 8);
	else
		fputs("(nobody picked it, so no result file shows its text)\n", out);
	if (option->rare)
		fputs("        rarely picked: by under 5% of the people\n", out);
}

static void print_item_question(FILE *out, const struct report_group *group,
				const struct items *items, size_t q)
{
	const struct items_question *question = &items->questions[q];
	char number[32];
	snprintf(number, sizeof(number), "  %zu. ", q + 1);
	fputc('\n', out);
	summary_print_hanging(out, number, group->questions[q].id, REPORT_WIDTH);
	fputs("     ", out);
	print_cut(out, group->questions[q].prompt, REPORT_WIDTH - 5);
	fprintf(out, "     %zu answered, %zu skipped\n", question->answered, question->skipped);
	for (size_t o = 0; o < question->option_count; o++)
		print_item_option(out, group, items, q, o);
	if (question->identical)
		fputs("     Every option signals the same: the question does not separate the "
		      "roles.\n",
		      out);
	if (question->one_role)
		fputs("     Every option scores the same role most: the question hardly "
		      "separates\n     the roles.\n",
		      out);
}

/* The consistency pairs: people who answer the same question twice alike
 * read it the same way both times. */
static void print_item_pairs(FILE *out, const struct report_group *group, const struct items *items)
{
	if (items->pair_count == 0)
		return;
	fputs("\nConsistency pairs (questions asked twice on purpose)\n", out);
	for (size_t i = 0; i < items->pair_count; i++) {
		const struct items_pair *pair = &items->pairs[i];
		char *a = text_sanitize(group->questions[pair->question].id);
		char *b = text_sanitize(group->questions[pair->other].id);
		fprintf(out, "  %s / %s: answered alike by %zu of the %zu who answered both\n",
			a ? a : "", b ? b : "", pair->alike, pair->both);
		free(a);
		free(b);
	}
}

static const char items_legend[] =
	"Letters are in the quiz file's order. item-rest: the correlation, across the\n"
	"people who answered, between picking the option and their score for the role it\n"
	"scores most on the other questions (-1 to +1). Above about +0.2 the option\n"
	"points where its score says; near 0 or below, it does not.\n";

static bool print_items_group(FILE *out, const struct report_group *group)
{
	struct items items;
	if (!items_analyse(group, &items))
		return false;
	const struct result_record *first = report_first(group);
	char *title = text_sanitize(first->quiz_title), *id = text_sanitize(first->quiz_id);
	fprintf(out, "%s (%s, version %d)\n%zu result%s\n", title ? title : "", id ? id : "",
		first->quiz_version, items.result_count, items.result_count == 1 ? "" : "s");
	free(title);
	free(id);
	if (items.reliable)
		fputs(items_legend, out);
	else
		fprintf(out,
			"Too few results for these figures to be reliable: they need %d or "
			"more.\nOnly the counts are shown.\n",
			ITEMS_MIN_RESULTS);
	for (size_t q = 0; q < items.question_count; q++)
		print_item_question(out, group, &items, q);
	print_item_pairs(out, group, &items);
	items_clear(&items);
	return true;
}

bool workshop_print_items(FILE *out, const struct report *report, bool json)
{
	if (json) {
		char *text = items_json(report);
		if (text)
			fprintf(out, "%s\n", text);
		free(text);
		return text != NULL;
	}
	if (report->group_count == 0)
		fputs("No results to analyse.\n", out);
	for (size_t g = 0; g < report->group_count; g++) {
		fputs(g ? "\n\n" : "", out);
		if (!print_items_group(out, &report->groups[g]))
			return false;
	}
	return true;
}

/* A quiz that does not load is listed, so that its author learns why. */
static void print_broken(FILE *out, const struct catalog_entry *entry)
{
	char *id = text_sanitize(entry->id), *path = text_sanitize(entry->path);
	char *error = text_sanitize(entry->error);
	fprintf(out, "%-16s broken: the quiz does not load; %s\n%16s %s\n", id ? id : "",
		path ? path : "", "", error ? error : "");
	if (entry->hidden)
		fprintf(out, "%16s (its id is taken by a quiz above: use the path)\n", "");
	free(error);
	free(path);
	free(id);
}

void workshop_print_catalog(FILE *out, const struct catalog *catalog)
{
	if (catalog->count == 0)
		fputs("No quizzes found.\n", out);
	for (size_t i = 0; i < catalog->count; i++) {
		const struct catalog_entry *entry = &catalog->entries[i];
		if (entry->broken) {
			print_broken(out, entry);
			continue;
		}
		char *title = text_sanitize(entry->title), *path = text_sanitize(entry->path);
		fprintf(out, "%-16s %s\n%16s %zu scenario%s, %zu question%s, %zu roles; %s\n",
			entry->id, title ? title : "", "", entry->scenario_count,
			entry->scenario_count == 1 ? "" : "s", entry->question_count,
			entry->question_count == 1 ? "" : "s", entry->role_count, path ? path : "");
		if (entry->hidden)
			fprintf(out, "%16s (its id is taken by a quiz above: use the path)\n", "");
		free(title);
		free(path);
	}
}
