#include "workshop.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "careerfit/text.h"
#include "summary.h"

#define BAR_WIDTH 30

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
	fputs("\nTop result (a tie counts for each tied role; results with too few answers "
	      "count for none)\n",
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
		print_bar(out, b < CLARITY_BAND_COUNT ? clarity_band_id((enum clarity_band)b) : "unknown",
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
		fputs("\nWhat the room picked (letters in the quiz file's order; the screen "
		      "shuffles them)\n",
		      out);
		for (size_t q = 0; q < group->question_count; q++)
			print_question(out, group, q);
	}
}

void workshop_print_catalog(FILE *out, const struct catalog *catalog)
{
	if (catalog->count == 0)
		fputs("No quizzes found.\n", out);
	for (size_t i = 0; i < catalog->count; i++) {
		const struct catalog_entry *entry = &catalog->entries[i];
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
