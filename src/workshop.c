#include "workshop.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "careerfit/i18n.h"
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
	fputs("careerfit: ", stderr);
	/* TRANSLATORS: %s is a result file and why it is left out. */
	fprintf(stderr, _("warning: skipping %s"), clean ? clean : message);
	fputc('\n', stderr);
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
			 /* TRANSLATORS: %s is a result file. */
			 _("%s: its roles or questions differ from other results of the same "
			   "quiz"),
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
		snprintf(message, sizeof(message), _("%s: cannot read the folder"), folder);
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

/* "Title (id, version 2)", the line that opens a quiz's report. */
static void print_quiz_line(FILE *out, const char *title, const char *id, int version)
{
	/* TRANSLATORS: %1$s is a quiz's title, %2$s its id, %3$d its
	 * version. */
	fprintf(out, _("%1$s (%2$s, version %3$d)"), title ? title : "", id ? id : "", version);
	fputc('\n', out);
}

static void print_tops(FILE *out, const struct report_group *group)
{
	const struct result_record *first = report_first(group);
	size_t most = 0;
	for (size_t r = 0; r < first->role_count; r++)
		most = group->top_counts[r] > most ? group->top_counts[r] : most;
	fprintf(out, "\n%s\n",
		_("Top result (a tie counts for each tied role; too few answers count for "
		  "none)"));
	for (size_t r = 0; r < first->role_count; r++) {
		char count[32];
		snprintf(count, sizeof(count), "%zu", group->top_counts[r]);
		print_bar(out, first->roles[r].name, group->top_counts[r], most, count);
	}
	fprintf(out, "\n%s\n", _("How sure the results are"));
	size_t bands = 0;
	for (size_t b = 0; b <= CLARITY_BAND_COUNT; b++)
		bands = group->band_counts[b] > bands ? group->band_counts[b] : bands;
	for (int b = 0; b <= CLARITY_BAND_COUNT; b++) {
		if (b == CLARITY_BAND_COUNT && !group->band_counts[b])
			break; /* only files from before bands have none */
		char count[32];
		snprintf(count, sizeof(count), "%zu", group->band_counts[b]);
		print_bar(out,
			  b < CLARITY_BAND_COUNT ? clarity_band_word((enum clarity_band)b)
						 /* TRANSLATORS: the band of results saved before
						  * careerfit told how sure a result is. */
						 : _("unknown"),
			  group->band_counts[b], bands, count);
	}
	fprintf(out, "\n%s\n", _("Mean affinity"));
	for (size_t r = 0; r < first->role_count; r++) {
		double mean = report_mean_affinity(group, r);
		char value[32];
		if (mean >= 0)
			snprintf(value, sizeof(value), "%5.1f%%", mean);
		else
			snprintf(value, sizeof(value), "%5s", _("n/a"));
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
		role == TOO_FEW ? _("Too few answers")
		: label		? label
				: "",
		count);
	free(label);
	struct report_names cursor = {0};
	for (const char *name;
	     (name = report_next_name(group, role == TOO_FEW ? roles : role, &cursor));)
		print_name(out, name, &column);
	if (count)
		fputc('\n', out);
	else
		fprintf(out, "    %s\n", _("nobody"));
}

static void print_names(FILE *out, const struct report_group *group)
{
	fprintf(out, "\n%s\n", _("Who got what (a tie lists the name under each tied role)"));
	for (size_t r = 0; r < report_first(group)->role_count; r++)
		print_names_under(out, group, r);
	print_names_under(out, group, TOO_FEW);
}

static void print_signals(FILE *out, const struct result_record *first,
			  const struct report_option *option)
{
	/* TRANSLATORS: before the ids of the roles an option counts toward,
	 * "pm +2, po +1". */
	fprintf(out, "        %s", _("signals:"));
	bool any = false;
	for (size_t r = 0; r < first->role_count; r++) {
		if (option->scores[r] == 0)
			continue;
		char *id = text_sanitize(first->roles[r].id);
		fprintf(out, "%s %s %+g", any ? "," : "", id ? id : "", option->scores[r]);
		free(id);
		any = true;
	}
	if (any)
		fputc('\n', out);
	else
		fprintf(out, " %s\n", _("no role"));
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
		fputs("     ", out);
		/* TRANSLATORS: %1$c is an option's letter, %2$zu how many people
		 * picked it; its text follows on the next lines. */
		fprintf(out, P_("%1$c) %2$zu picked:", "%1$c) %2$zu picked:", option->count),
			(char)('a' + o), option->count);
		fputc('\n', out);
		summary_print_wrapped(out, option->text, 8, 80);
		print_signals(out, report_first(group), option);
	}
	if (question->skipped)
		fprintf(out, "     %s %zu\n", _("skipped:"), question->skipped);
}

void workshop_print_report(FILE *out, const struct report *report)
{
	if (report->group_count == 0)
		fprintf(out, "%s\n", _("No results to report."));
	for (size_t g = 0; g < report->group_count; g++) {
		const struct report_group *group = &report->groups[g];
		const struct result_record *first = report_first(group);
		char *title = text_sanitize(first->quiz_title), *id = text_sanitize(first->quiz_id);
		fputs(g ? "\n\n" : "", out);
		print_quiz_line(out, title, id, first->quiz_version);
		fprintf(out, P_("%zu participant", "%zu participants", group->record_count),
			group->record_count);
		fputc('\n', out);
		free(title);
		free(id);
		print_tops(out, group);
		print_names(out, group);
		fprintf(out, "\n%s\n",
			_("What the room picked (letters in file order; the screen shuffles "
			  "them)"));
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
	double share = people ? 100.0 * (double)option->count / (double)people : 0.0;
	char letter = (char)('a' + o);
	fputs("     ", out);
	if (!option->has_role || !items->reliable) {
		fprintf(out,
			/* TRANSLATORS: a line of 'careerfit report --items': %1$c is an
			 * option's letter, %2$zu how many picked it, %3$.0f%% their share;
			 * %4$s is the id of the role it scores most ("pm"); item-rest is the
			 * correlation the legend above explains, %5$+.2f its value. */
			P_("%1$c) %2$zu picked (%3$.0f%%)", "%1$c) %2$zu picked (%3$.0f%%)",
			   option->count),
			letter, option->count, share);
	} else {
		char *role = text_sanitize(report_first(group)->roles[option->role].id);
		if (option->has_correlation)
			fprintf(out,
				P_("%1$c) %2$zu picked (%3$.0f%%), scores %4$s most, item-rest "
				   "%5$+.2f",
				   "%1$c) %2$zu picked (%3$.0f%%), scores %4$s most, item-rest "
				   "%5$+.2f",
				   option->count),
				letter, option->count, share, role ? role : "",
				option->correlation);
		else
			fprintf(out,
				P_("%1$c) %2$zu picked (%3$.0f%%), scores %4$s most, item-rest n/a",
				   "%1$c) %2$zu picked (%3$.0f%%), scores %4$s most, item-rest n/a",
				   option->count),
				letter, option->count, share, role ? role : "");
		free(role);
	}
	fputc('\n', out);
	fputs("        ", out);
	if (option->known)
		print_cut(out, group->questions[q].options[o].text, REPORT_WIDTH - 8);
	else
		fprintf(out, "%s\n", _("(nobody picked it, so no result file shows its text)"));
	if (option->rare)
		/* xgettext: no-c-format */
		fprintf(out, "        %s\n", _("rarely picked: by under 5% of the people"));
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
	char answered[64], skipped[64];
	snprintf(answered, sizeof(answered), P_("%zu answered", "%zu answered", question->answered),
		 question->answered);
	snprintf(skipped, sizeof(skipped), P_("%zu skipped", "%zu skipped", question->skipped),
		 question->skipped);
	fprintf(out, "     ");
	/* TRANSLATORS: how many answered a question, how many skipped it:
	 * "7 answered", "1 skipped". */
	fprintf(out, _("%1$s, %2$s"), answered, skipped);
	fputc('\n', out);
	for (size_t o = 0; o < question->option_count; o++)
		print_item_option(out, group, items, q, o);
	/* Wrapped within 78 columns, as the lines above are cut. */
	if (question->identical)
		summary_print_wrapped(out,
				      _("Every option signals the same: the question does not "
					"separate the roles."),
				      5, REPORT_WIDTH - 2);
	if (question->one_role)
		summary_print_wrapped(out,
				      _("Every option scores the same role most: the question "
					"hardly separates the roles."),
				      5, REPORT_WIDTH - 2);
}

/* The consistency pairs: people who answer the same question twice alike
 * read it the same way both times. */
static void print_item_pairs(FILE *out, const struct report_group *group, const struct items *items)
{
	if (items->pair_count == 0)
		return;
	fprintf(out, "\n%s\n", _("Consistency pairs (questions asked twice on purpose)"));
	for (size_t i = 0; i < items->pair_count; i++) {
		const struct items_pair *pair = &items->pairs[i];
		char *a = text_sanitize(group->questions[pair->question].id);
		char *b = text_sanitize(group->questions[pair->other].id);
		fputs("  ", out);
		fprintf(out,
			/* TRANSLATORS: %1$s and %2$s are the ids of two questions that
			 * ask the same thing; %3$zu of the %4$zu people who answered
			 * both answered them alike. */
			P_("%1$s / %2$s: answered alike by %3$zu of the %4$zu who answered both",
			   "%1$s / %2$s: answered alike by %3$zu of the %4$zu who answered both",
			   pair->both),
			a ? a : "", b ? b : "", pair->alike, pair->both);
		fputc('\n', out);
		free(a);
		free(b);
	}
}

static const char items_legend[] =
	/* TRANSLATORS: the legend of 'careerfit report --items'; keep its lines
	 * within 80 columns. */
	N_("Letters are in the quiz file's order. item-rest: the correlation, across the\n"
	   "people who answered, between picking the option and their score for the role it\n"
	   "scores most on the other questions (-1 to +1). Above about +0.2 the option\n"
	   "points where its score says; near 0 or below, it does not.\n");

static bool print_items_group(FILE *out, const struct report_group *group)
{
	struct items items;
	if (!items_analyse(group, &items))
		return false;
	const struct result_record *first = report_first(group);
	char *title = text_sanitize(first->quiz_title), *id = text_sanitize(first->quiz_id);
	print_quiz_line(out, title, id, first->quiz_version);
	fprintf(out, P_("%zu result", "%zu results", items.result_count), items.result_count);
	fputc('\n', out);
	free(title);
	free(id);
	if (items.reliable)
		fputs(_(items_legend), out);
	else
		fprintf(out,
			P_("Too few results for these figures to be reliable: they need %d or "
			   "more.\nOnly the counts are shown.\n",
			   "Too few results for these figures to be reliable: they need %d or "
			   "more.\nOnly the counts are shown.\n",
			   ITEMS_MIN_RESULTS),
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
		fprintf(out, "%s\n", _("No results to analyse."));
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
	fprintf(out, "%-16s ", id ? id : "");
	/* TRANSLATORS: in 'careerfit list'; %s is the quiz file. */
	fprintf(out, _("broken: the quiz does not load; %s"), path ? path : "");
	fprintf(out, "\n%16s %s\n", "", error ? error : "");
	if (entry->hidden)
		fprintf(out, "%16s %s\n", "", _("(its id is taken by a quiz above: use the path)"));
	free(error);
	free(path);
	free(id);
}

void workshop_print_catalog(FILE *out, const struct catalog *catalog)
{
	if (catalog->count == 0)
		fprintf(out, "%s\n", _("No quizzes found."));
	for (size_t i = 0; i < catalog->count; i++) {
		const struct catalog_entry *entry = &catalog->entries[i];
		if (entry->broken) {
			print_broken(out, entry);
			continue;
		}
		char *title = text_sanitize(entry->title), *path = text_sanitize(entry->path);
		/* One count each, so that each takes its own plural form. */
		char scenarios[64], questions[64], roles[64];
		snprintf(scenarios, sizeof(scenarios),
			 P_("%zu scenario", "%zu scenarios", entry->scenario_count),
			 entry->scenario_count);
		snprintf(questions, sizeof(questions),
			 P_("%zu question", "%zu questions", entry->question_count),
			 entry->question_count);
		snprintf(roles, sizeof(roles), P_("%zu role", "%zu roles", entry->role_count),
			 entry->role_count);
		/* The language ends the title's line; the versions of one id
		 * follow each other (catalog_scan). */
		fprintf(out, "%-16s %s [%s]\n%16s ", entry->id, title ? title : "", entry->language,
			"");
		/* TRANSLATORS: in 'careerfit list': how many scenarios, questions
		 * and roles a quiz has ("2 scenarios"), then its file. */
		fprintf(out, _("%1$s, %2$s, %3$s; %4$s"), scenarios, questions, roles,
			path ? path : "");
		fputc('\n', out);
		if (entry->hidden)
			fprintf(out, "%16s %s\n", "",
				_("(its id is taken by a quiz above: use the path)"));
		free(title);
		free(path);
	}
}
