#include "summary.h"

#include <stdlib.h>
#include <string.h>

#include "careerfit/i18n.h"
#include "careerfit/text.h"
#include "keymap.h"

void summary_print_hanging(FILE *out, const char *prefix, const char *text, size_t width)
{
	size_t indent = text_width(prefix);
	char *clean = glyphs_text(text);
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

struct printer {
	FILE *out;
	size_t width;
	size_t name_width; /* the widest role name, for the bars */
};

static void print_bar(const struct printer *printer, const struct outcome_line *line)
{
	char *name = glyphs_text(line->text);
	if (!name)
		return;
	fprintf(printer->out, "  %s%*s  ", name, (int)(printer->name_width - text_width(name)), "");
	if (line->value >= 0) {
		int filled = (int)(line->value / 5.0 + 0.5);
		fprintf(printer->out, "%.*s%.*s %5.1f%%\n", filled, "####################",
			20 - filled, "....................", line->value);
	} else {
		/* TRANSLATORS: in place of a percentage that cannot be worked
		 * out; at most 6 columns. */
		fprintf(printer->out, "%-20s %6s\n", "", _("n/a"));
	}
	free(name);
}

static void print_line(const struct outcome_line *line, void *data)
{
	const struct printer *printer = data;
	FILE *out = printer->out;
	switch (line->part) {
	case OUTCOME_BAR:
		print_bar(printer, line);
		break;
	case OUTCOME_BLANK:
		fputc('\n', out);
		break;
	case OUTCOME_BULLET:
		summary_print_hanging(out, "  * ", line->text, printer->width);
		break;
	case OUTCOME_CHOSEN: {
		char prefix[64];
		snprintf(prefix, sizeof(prefix), "    %s", _("you chose: "));
		summary_print_hanging(out, prefix, line->text, printer->width);
		break;
	}
	case OUTCOME_SUMMARY:
	case OUTCOME_TEXT:
		/* A role's lines sit under its name. */
		summary_print_wrapped(out, line->text, line->role >= 0 ? 2 : 0, printer->width);
		break;
	default:
		summary_print_hanging(out, line->prefix, line->text, printer->width);
		break;
	}
}

static size_t widest_name(const struct quiz *quiz)
{
	size_t widest = 0;
	for (size_t r = 0; r < quiz->role_count; r++) {
		char *name = glyphs_text(quiz->roles[r].name);
		if (name && text_width(name) > widest)
			widest = text_width(name);
		free(name);
	}
	return widest;
}

void summary_print(FILE *out, const struct outcome *outcome, bool full, size_t width)
{
	struct printer printer = {out, width, widest_name(outcome->quiz)};
	char *title = glyphs_text(outcome->quiz->title);
	fprintf(out, "careerfit: %s\n\n", title ? title : "");
	free(title);
	outcome_render(outcome, full, print_line, &printer);
}

/* The debrief lines in plain text: a chosen option is marked by its
 * prefix, so it needs no line of its own. */
static void print_debrief_line(const struct outcome_line *line, void *data)
{
	const struct printer *printer = data;
	if (line->part == OUTCOME_BLANK)
		fputc('\n', printer->out);
	else
		summary_print_hanging(printer->out, line->prefix, line->text, printer->width);
}

static size_t shown_at(const void *session, size_t question, size_t position)
{
	return session_option_at(session, question, position);
}

void summary_print_debrief(FILE *out, const struct outcome *outcome, const struct session *session,
			   size_t width, bool letters_typed)
{
	struct printer printer = {out, width, 0};
	fputc('\n', out);
	summary_print_wrapped(
		out,
		letters_typed ? _("Debrief: every question, what each option signals, and why "
				  "(the letters are those of --answers, in the quiz file's order)")
			      : _("Debrief: every question, what each option signals, and why "
				  "(the letters are those you saw)"),
		0, width);
	outcome_render_debrief(outcome, shown_at, session, print_debrief_line, &printer);
}

void summary_print_glossary(FILE *out, const struct quiz *quiz, size_t width)
{
	fprintf(out, "\n%s\n", _("Glossary"));
	for (size_t t = 0; t < quiz->term_count; t++) {
		char *term = glyphs_text(quiz->glossary[t].term);
		fprintf(out, "%s\n", term ? term : "");
		free(term);
		summary_print_wrapped(out, quiz->glossary[t].meaning, 2, width);
	}
	fputc('\n', out);
}
