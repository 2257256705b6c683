/* `careerfit report` and `careerfit list`: the mentor's commands. */
#ifndef CAREERFIT_WORKSHOP_H
#define CAREERFIT_WORKSHOP_H

#include <stdbool.h>
#include <stdio.h>

#include "careerfit/catalog.h"
#include "careerfit/report.h"

/* Reads every result file among PATHS (files, or folders whose *.cfg
 * files are read), keeping only quiz QUIZ_ID when it is not NULL. Files
 * that cannot be read are skipped with a warning on stderr. False only
 * when memory runs out. */
bool workshop_gather(struct report *report, char *const paths[], size_t count, const char *quiz_id);
/* What `careerfit report` writes as it reads the files. */
struct workshop_outputs {
	struct report_csv *csv;	  /* the CSV's rows, or NULL */
	struct report_json *json; /* the JSON document's records, or NULL */
};
/* Hands each record REPORT accepts to OUTPUTS, which must outlive the
 * gathering. */
void workshop_stream(struct report *report, struct workshop_outputs *outputs);
/* The report as text, for a person. */
void workshop_print_report(FILE *out, const struct report *report);
/* The item analysis of every group, as text for a quiz author or as JSON.
 * False when memory runs out. */
bool workshop_print_items(FILE *out, const struct report *report, bool json);
/* The quizzes of the catalog, one a line. */
void workshop_print_catalog(FILE *out, const struct catalog *catalog);

#endif
