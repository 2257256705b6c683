/* One person's result as JSON, for scripts (`careerfit --json`). */
#ifndef CAREERFIT_RESULT_JSON_H
#define CAREERFIT_RESULT_JSON_H

#include "careerfit/quiz.h"
#include "careerfit/score.h"

/* A newly allocated JSON document: the quiz (id, title, version), the
 * counts of answered and skipped questions, every role with its affinity
 * (null where undefined), the ids of the top roles and every answer.
 * NULL when memory runs out. */
char *result_json(const struct quiz *quiz, const int *answers, const struct score_result *result);

#endif
