#include "careerfit/html.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "careerfit/i18n.h"
#include "careerfit/text.h"

/* Black on white, one dark blue: it survives a washed-out projector and a
 * greyscale printout. Sizes in rem so that the room's zoom scales all. */
static const char style[] =
	"body{margin:0;padding:1.5rem;background:#fff;color:#111;overflow-wrap:anywhere;"
	"font:1.5rem/1.45 system-ui,'Segoe UI',Roboto,Helvetica,Arial,sans-serif}\n"
	"main{max-width:64rem;margin:0 auto}\n"
	"h1{font-size:2.4rem;margin:0 0 .5rem}\n"
	"h2{font-size:2rem;margin:2.5rem 0 .25rem;border-bottom:.2rem solid #111}\n"
	"h3{font-size:1.6rem;margin:2rem 0 .5rem}\n"
	"h4{font-size:1.5rem;margin:1rem 0 .25rem}\n"
	"p{margin:.25rem 0 .75rem}\n"
	"table{border-collapse:collapse;width:100%}\n"
	"th,td{padding:.3rem .6rem;text-align:left;vertical-align:top}\n"
	"thead th{border-bottom:.1rem solid #111}\n"
	"tbody tr+tr td,tbody tr+tr th{border-top:.05rem solid #bbb}\n"
	"td.count{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
	"td.bar{width:45%}\n"
	"td.bar svg{display:block;width:100%;height:1.2em}\n"
	".note{color:#333}\n";

#define BAR_FILL "#0b3d91"
#define BAR_TRACK "#e4e4e4"

void html_escape(FILE *out, const char *text)
{
	char *clean = text_sanitize(text ? text : "");
	for (const char *c = clean ? clean : ""; *c; c++) {
		switch (*c) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		default:
			fputc(*c, out);
		}
	}
	free(clean);
}

/* One row of a bar chart: the label, a bar VALUE/MOST long, the figure.
 * ATTRIBUTE names the row for a script (data-role="pm"); the figure is
 * text beside the picture, so an email without pictures keeps it. */
static void bar_row(FILE *out, const char *attribute, const char *key, const char *label,
		    double value, double most, const char *figure)
{
	double length = most > 0 ? 100.0 * value / most : 0;
	length = length > 0 ? (length < 100 ? length : 100) : 0; /* NaN too */
	fprintf(out, "<tr %s=\"", attribute);
	html_escape(out, key);
	fputs("\"><th scope=\"row\">", out);
	html_escape(out, label);
	fputs("</th><td class=\"bar\"><svg viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" "
	      "width=\"300\" height=\"24\" aria-hidden=\"true\">",
	      out);
	/* Written with a point in every locale, and rounded as the figure
	 * beside it is: SVG reads the "37,5" of a French LC_NUMERIC as no
	 * length at all. */
	char width[16];
	text_format_c(width, sizeof(width), "%.1f", length);
	fprintf(out,
		"<rect width=\"100\" height=\"10\" fill=\"" BAR_TRACK "\"/>"
		"<rect width=\"%s\" height=\"10\" fill=\"" BAR_FILL "\"/></svg></td>",
		width);
	fputs("<td class=\"count\">", out);
	html_escape(out, figure);
	fputs("</td></tr>\n", out);
}

/* TEXT escaped for HTML, newly allocated; NULL when memory runs out. */
static char *escaped(const char *text)
{
	char *html = NULL;
	size_t size = 0;
	FILE *stream = open_memstream(&html, &size);
	if (!stream)
		return NULL;
	html_escape(stream, text);
	if (fclose(stream) != 0) {
		free(html);
		return NULL;
	}
	return html;
}

static void chart_start(FILE *out, const char *title, const char *chart, const char *note)
{
	fputs("<h3>", out);
	html_escape(out, title);
	fputs("</h3>\n", out);
	if (note) {
		fputs("<p class=\"note\">", out);
		html_escape(out, note);
		fputs("</p>\n", out);
	}
	fprintf(out, "<table data-chart=\"%s\">\n<tbody>\n", chart);
}

static void print_tops(FILE *out, const struct report_group *group)
{
	const struct result_record *first = report_first(group);
	size_t most = 0;
	for (size_t r = 0; r < first->role_count; r++)
		most = group->top_counts[r] > most ? group->top_counts[r] : most;
	chart_start(out, _("Top result"), "top",
		    _("A tie counts for each tied role; results with too few answers count for "
		      "none."));
	for (size_t r = 0; r < first->role_count; r++) {
		char figure[32];
		snprintf(figure, sizeof(figure), "%zu", group->top_counts[r]);
		bar_row(out, "data-role", first->roles[r].id, first->roles[r].name,
			(double)group->top_counts[r], (double)most, figure);
	}
	fputs("</tbody>\n</table>\n", out);
}

static void print_bands(FILE *out, const struct report_group *group)
{
	size_t most = 0;
	for (size_t b = 0; b <= CLARITY_BAND_COUNT; b++)
		most = group->band_counts[b] > most ? group->band_counts[b] : most;
	chart_start(out, _("How sure the results are"), "bands", NULL);
	for (int b = 0; b <= CLARITY_BAND_COUNT; b++) {
		if (b == CLARITY_BAND_COUNT && !group->band_counts[b])
			break; /* only files from before bands have none */
		const char *id =
			b < CLARITY_BAND_COUNT ? clarity_band_id((enum clarity_band)b) : "unknown";
		/* The id names the row for a script; the word is for people. */
		const char *word = b < CLARITY_BAND_COUNT ? clarity_band_word((enum clarity_band)b)
							  /* TRANSLATORS: the band of results
							   * saved before careerfit told how
							   * sure a result is. */
							  : _("unknown");
		char figure[32];
		snprintf(figure, sizeof(figure), "%zu", group->band_counts[b]);
		bar_row(out, "data-band", id, word, (double)group->band_counts[b], (double)most,
			figure);
	}
	fputs("</tbody>\n</table>\n", out);
}

static void print_means(FILE *out, const struct report_group *group)
{
	const struct result_record *first = report_first(group);
	chart_start(out, _("Mean affinity"), "mean", NULL);
	for (size_t r = 0; r < first->role_count; r++) {
		double mean = report_mean_affinity(group, r);
		char figure[32];
		if (mean >= 0)
			snprintf(figure, sizeof(figure), "%.1f%%", mean);
		else
			snprintf(figure, sizeof(figure), "%s", _("n/a"));
		bar_row(out, "data-role", first->roles[r].id, first->roles[r].name,
			mean >= 0 ? mean : 0, 100, figure);
	}
	fputs("</tbody>\n</table>\n", out);
}

/* ROLE equal to the role count stands for the results with too few
 * answers, listed apart. */
static void print_names_under(FILE *out, const struct report_group *group, size_t role)
{
	const struct result_record *first = report_first(group);
	size_t count = report_listed_count(group, role);
	if (role == first->role_count && count == 0)
		return;
	fputs("<h4>", out);
	html_escape(out, role < first->role_count ? first->roles[role].name : _("Too few answers"));
	fprintf(out, ": %zu</h4>\n<p>", count);
	struct report_names cursor = {0};
	bool any = false;
	for (const char *name; (name = report_next_name(group, role, &cursor)); any = true) {
		fputs(any ? ", " : "", out);
		html_escape(out, name);
	}
	if (!any)
		html_escape(out, _("nobody"));
	fputs("</p>\n", out);
}

static void print_names(FILE *out, const struct report_group *group)
{
	fputs("<h3>", out);
	html_escape(out, _("Who got what"));
	fputs("</h3>\n<p class=\"note\">", out);
	html_escape(out, _("A tie lists the name under each tied role."));
	fputs("</p>\n", out);
	for (size_t r = 0; r <= report_first(group)->role_count; r++)
		print_names_under(out, group, r);
}

static void print_signals(FILE *out, const struct result_record *first,
			  const struct report_option *option)
{
	bool any = false;
	for (size_t r = 0; r < first->role_count; r++) {
		if (option->scores[r] == 0)
			continue;
		fputs(any ? ", " : "", out);
		html_escape(out, first->roles[r].name);
		fprintf(out, " %+g", option->scores[r]);
		any = true;
	}
	if (!any)
		html_escape(out, _("no role"));
}

static void print_question(FILE *out, const struct report_group *group, size_t q)
{
	const struct report_question *question = &group->questions[q];
	fprintf(out, "<h4>%zu. ", q + 1);
	html_escape(out, question->prompt);
	fputs("</h4>\n<table>\n<thead><tr><th>", out);
	/* TRANSLATORS: the headings of the table of a question's options: the
	 * option, how many picked it, the roles it counts toward. */
	html_escape(out, _("Option"));
	fputs("</th><th>", out);
	html_escape(out, _("Picked"));
	fputs("</th><th>", out);
	html_escape(out, _("Signals"));
	fputs("</th></tr></thead>\n<tbody>\n", out);
	for (size_t o = 0; o < QUIZ_MAX_OPTIONS; o++) {
		const struct report_option *option = &question->options[o];
		if (!option->count)
			continue;
		fprintf(out, "<tr><td>%c) ", (char)('a' + o));
		html_escape(out, option->text);
		fprintf(out, "</td><td class=\"count\">%zu</td><td>", option->count);
		print_signals(out, report_first(group), option);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody>\n</table>\n", out);
	if (question->skipped) {
		fputs("<p>", out);
		html_escape(out, _("Skipped:"));
		fprintf(out, " %zu</p>\n", question->skipped);
	}
}

static void print_group(FILE *out, const struct report_group *group)
{
	const struct result_record *first = report_first(group);
	fputs("<section>\n<h2>", out);
	html_escape(out, first->quiz_title);
	fputs("</h2>\n<p>", out);
	char *id = escaped(first->quiz_id);
	/* TRANSLATORS: %1$s is a quiz's id, %2$d its version. */
	fprintf(out, _("%1$s, version %2$d."), id ? id : "", first->quiz_version);
	free(id);
	fprintf(out, " <strong data-participants=\"%zu\">", group->record_count);
	fprintf(out, P_("%zu participant", "%zu participants", group->record_count),
		group->record_count);
	fputs("</strong></p>\n", out);
	print_tops(out, group);
	print_bands(out, group);
	print_means(out, group);
	print_names(out, group);
	fputs("<h3>", out);
	html_escape(out, _("What the room picked"));
	fputs("</h3>\n<p class=\"note\">", out);
	html_escape(out, _("Letters in the quiz file's order; the screen shuffles them."));
	fputs("</p>\n", out);
	for (size_t q = 0; q < group->question_count; q++)
		print_question(out, group, q);
	fputs("</section>\n", out);
}

bool html_write_report(const struct report *report, FILE *out)
{
	/* TRANSLATORS: the language tag of this translation, as HTML's lang
	 * attribute takes it: "fr", "pt-BR". */
	const char *language = _("en");
	char *title = escaped(_("Workshop results"));
	fputs("<!DOCTYPE html>\n<html lang=\"", out);
	html_escape(out, language);
	fprintf(out,
		"\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<title>%s</title>\n<style>\n%s</style>\n</head>\n"
		"<body>\n<main>\n<h1>%s</h1>\n",
		title ? title : "", style, title ? title : "");
	free(title);
	if (report->group_count == 0) {
		fputs("<p>", out);
		html_escape(out, _("No results to report."));
		fputs("</p>\n", out);
	}
	for (size_t g = 0; g < report->group_count; g++)
		print_group(out, &report->groups[g]);
	fputs("</main>\n</body>\n</html>\n", out);
	return fflush(out) == 0 && !ferror(out);
}

bool html_write_file(const struct report *report, const char *path)
{
	bool to_stdout = strcmp(path, "-") == 0;
	FILE *file = to_stdout ? stdout : fopen(path, "w");
	if (!file)
		return false;
	bool ok = html_write_report(report, file);
	int saved = errno;
	if (!to_stdout && fclose(file) != 0)
		return false;
	errno = saved;
	return ok;
}
