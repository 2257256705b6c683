/* JSON output shared by the result (--json) and the report (report
 * --json): one layout, and quiz text sanitised on its way in, since the
 * JSON may well end up on a terminal and json-c leaves C1 controls and
 * bidi overrides alone. */
#ifndef CAREERFIT_JSON_OUT_H
#define CAREERFIT_JSON_OUT_H

#include <json-c/json.h>

/* A JSON string of TEXT, sanitised. */
struct json_object *json_out_text(const char *text);
/* ROOT as pretty, spaced text (newly allocated), and ROOT released. */
char *json_out_finish(struct json_object *root);

#endif
