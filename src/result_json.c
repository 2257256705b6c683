#include "careerfit/result_json.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "careerfit/text.h"

/* Quiz text is sanitised here too: the JSON may well end up on a
 * terminal, and json-c leaves C1 controls and bidi overrides alone. */
static void add_text(struct json_object *object, const char *key, const char *text)
{
	char *clean = text_sanitize(text);
	json_object_object_add(object, key, json_object_new_string(clean ? clean : ""));
	free(clean);
}

static struct json_object *quiz_json(const struct quiz *quiz)
{
	struct json_object *object = json_object_new_object();
	add_text(object, "id", quiz->id);
	add_text(object, "title", quiz->title);
	json_object_object_add(object, "version", json_object_new_int(quiz->version));
	return object;
}

static struct json_object *roles_json(const struct quiz *quiz, const struct score_result *result)
{
	struct json_object *array = json_object_new_array();
	for (size_t i = 0; i < result->role_count; i++) {
		size_t r = result->ranking[i];
		const struct score_role *score = &result->roles[r];
		struct json_object *role = json_object_new_object();
		add_text(role, "id", quiz->roles[r].id);
		add_text(role, "name", quiz->roles[r].name);
		json_object_object_add(role, "affinity",
				       score->defined ? json_object_new_double(score->affinity)
						      : NULL);
		json_object_object_add(role, "raw", json_object_new_double(score->raw));
		json_object_object_add(role, "min", json_object_new_double(score->min));
		json_object_object_add(role, "max", json_object_new_double(score->max));
		json_object_array_add(array, role);
	}
	return array;
}

static struct json_object *answers_json(const struct quiz *quiz, const int *answers)
{
	struct json_object *array = json_object_new_array();
	for (size_t q = 0; q < quiz->question_count; q++) {
		struct json_object *answer = json_object_new_object();
		add_text(answer, "question", quiz->questions[q].id);
		if (answers[q] >= 0) {
			json_object_object_add(answer, "option", json_object_new_int(answers[q]));
			add_text(answer, "text", quiz->questions[q].options[answers[q]].text);
		} else {
			json_object_object_add(answer, "option", NULL);
		}
		json_object_array_add(array, answer);
	}
	return array;
}

char *result_json(const struct quiz *quiz, const int *answers, const struct score_result *result)
{
	struct json_object *root = json_object_new_object();
	if (!root)
		return NULL;
	json_object_object_add(root, "quiz", quiz_json(quiz));
	json_object_object_add(root, "answered", json_object_new_int((int)result->answered));
	json_object_object_add(root, "skipped", json_object_new_int((int)result->skipped));
	json_object_object_add(root, "roles", roles_json(quiz, result));
	struct json_object *top = json_object_new_array();
	for (size_t i = 0; i < result->top_count; i++) {
		char *id = text_sanitize(quiz->roles[result->ranking[i]].id);
		json_object_array_add(top, json_object_new_string(id ? id : ""));
		free(id);
	}
	json_object_object_add(root, "top", top);
	json_object_object_add(root, "answers", answers_json(quiz, answers));
	const char *text = json_object_to_json_string_ext(
		root,
		JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
	char *copy = text ? strdup(text) : NULL;
	json_object_put(root);
	return copy;
}
