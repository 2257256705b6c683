/* One person's result as JSON, for scripts (`careerfit --json`). */
#ifndef CAREERFIT_RESULT_JSON_H
#define CAREERFIT_RESULT_JSON_H

#include "careerfit/outcome.h"

/* A newly allocated JSON document: the quiz (id, title, version), the
 * counts of answered and skipped questions, every role with its affinity
 * (null where undefined) and next steps, the ids of the top roles, the
 * runner-up, the clarity, and every answer with its prompt, the option
 * chosen, the roles it signals and the question's debrief. NULL when
 * memory runs out. */
char *result_json(const struct outcome *outcome);

#endif
