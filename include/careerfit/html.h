/* The mentor's report as one HTML5 page (`careerfit report --html FILE`):
 * self-contained (inline CSS, inline SVG bars, no script, no link to
 * anything outside), large type for a projector, and plain tables that
 * still read when an email client drops the style or the pictures. */
#ifndef CAREERFIT_HTML_H
#define CAREERFIT_HTML_H

#include <stdbool.h>
#include <stdio.h>

#include "careerfit/report.h"

/* Writes TEXT sanitised (text_sanitize: no control characters, which HTML
 * forbids) and with & < > " ' escaped, so that it is safe both as element
 * text and inside a quoted attribute. The one way text reaches the page. */
void html_escape(FILE *out, const char *text);

/* The whole report as a page on OUT; false when writing fails. */
bool html_write_report(const struct report *report, FILE *out);

/* The same into the file PATH ("-" is standard output). False when it
 * cannot be written, with errno saying why. */
bool html_write_file(const struct report *report, const char *path);

#endif
