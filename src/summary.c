#include "summary.h"

#include <stdlib.h>
#include <string.h>

#include "careerfit/text.h"

#define SUMMARY_REASONS 3

void summary_print_hanging(FILE *out, const char *prefix, const char *text, size_t width)
{
	size_t indent = text_width(prefix);
	char *clean = text_sanitize(text);
	struct text_lines lines;
	if (!clean || !text_wrap(clean, width > indent + 10 ? width - indent : 10, &lines)) {
		free(clean);
		return;
	}
	for (size_t i = 0; i < lines.count; i++) {
		if (i == 0)
			fputs(prefix, out);
		else
			fprintf(out, "%*s", (int)indent, "");
		fprintf(out, "%s\n", lines.lines[i]);
	}
	text_lines_clear(&lines);
	free(clean);
}

void summary_print_wrapped(FILE *out, const char *text, size_t indent, size_t width)
{
	char prefix[64];
	snprintf(prefix, sizeof(prefix), "%*s", (int)(indent < 63 ? indent : 63), "");
	summary_print_hanging(out, prefix, text, width);
}

char *summary_top_names(const struct quiz *quiz, const struct score_result *result)
{
	size_t size = 1;
	for (size_t i = 0; i < result->top_count; i++)
		size += strlen(quiz->roles[result->ranking[i]].name) + 3;
	char *joined = malloc(size);
	if (!joined)
		return NULL;
	joined[0] = '\0';
	for (size_t i = 0; i < result->top_count; i++) {
		if (i)
			strcat(joined, " / ");
		strcat(joined, quiz->roles[result->ranking[i]].name);
	}
	char *clean = text_sanitize(joined);
	free(joined);
	return clean;
}

static void print_affinities(FILE *out, const struct quiz *quiz, const struct score_result *result)
{
	size_t name_width = 0;
	for (size_t r = 0; r < quiz->role_count; r++) {
		char *name = text_sanitize(quiz->roles[r].name);
		if (name && text_width(name) > name_width)
			name_width = text_width(name);
		free(name);
	}
	for (size_t i = 0; i < result->role_count; i++) {
		size_t r = result->ranking[i];
		char *name = text_sanitize(quiz->roles[r].name);
		if (!name)
			continue;
		fprintf(out, "  %s%*s  ", name, (int)(name_width - text_width(name)), "");
		const struct score_role *role = &result->roles[r];
		if (role->defined) {
			int filled = (int)(role->affinity / 5.0 + 0.5);
			fprintf(out, "%.*s%.*s %5.1f%%\n", filled, "####################",
				20 - filled, "....................", role->affinity);
		} else {
			fprintf(out, "%-20s   n/a\n", "");
		}
		free(name);
	}
}

static void print_reasons(FILE *out, const struct quiz *quiz, const int *answers, size_t role,
			  size_t width)
{
	struct score_reason reasons[SUMMARY_REASONS];
	size_t count = score_reasons(quiz, answers, role, reasons, SUMMARY_REASONS);
	if (count == 0)
		return;
	char *name = text_sanitize(quiz->roles[role].name);
	fprintf(out, "\nWhat pushed you toward %s:\n", name ? name : "");
	free(name);
	for (size_t i = 0; i < count; i++) {
		const struct quiz_question *question = &quiz->questions[reasons[i].question];
		summary_print_wrapped(out, question->prompt, 2, width);
		fputs("    you chose:\n", out);
		summary_print_wrapped(out, question->options[answers[reasons[i].question]].text, 6,
				      width);
	}
}

static void print_top_role(FILE *out, const struct quiz *quiz, const int *answers,
			   const struct score_result *result, bool full, size_t width)
{
	for (size_t i = 0; i < result->top_count; i++) {
		const struct quiz_role *role = &quiz->roles[result->ranking[i]];
		char *name = text_sanitize(role->name);
		fprintf(out, "\n%s\n", name ? name : "");
		free(name);
		if (*role->summary)
			summary_print_wrapped(out, role->summary, 2, width);
		if (full && *role->description)
			summary_print_wrapped(out, role->description, 2, width);
	}
	for (size_t i = 0; full && i < result->top_count; i++)
		print_reasons(out, quiz, answers, result->ranking[i], width);
}

void summary_print(FILE *out, const struct quiz *quiz, const int *answers,
		   const struct score_result *result, bool full, size_t width)
{
	char *title = text_sanitize(quiz->title);
	fprintf(out, "careerfit: %s\n", title ? title : "");
	free(title);
	fprintf(out, "Answered %zu of %zu questions (%zu skipped).\n\n", result->answered,
		result->answered + result->skipped, result->skipped);
	print_affinities(out, quiz, result);
	if (result->top_count == 0) {
		fputs("\nNo role can be ranked: answer at least one question that scores "
		      "them.\n",
		      out);
		return;
	}
	char *top = summary_top_names(quiz, result);
	fprintf(out, "\nYour best fit: %s%s\n", top ? top : "",
		result->top_count > 1 ? " (a hybrid: these roles tie)" : "");
	free(top);
	print_top_role(out, quiz, answers, result, full, width);
}
