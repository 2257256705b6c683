#include "careerfit/result_json.h"

#include "careerfit/json_out.h"

static void add_text(struct json_object *object, const char *key, const char *text)
{
	json_object_object_add(object, key, json_out_text(text));
}

static struct json_object *quiz_json(const struct quiz *quiz)
{
	struct json_object *object = json_object_new_object();
	add_text(object, "id", quiz->id);
	add_text(object, "title", quiz->title);
	json_object_object_add(object, "version", json_object_new_int(quiz->version));
	return object;
}

static struct json_object *next_steps_json(const struct quiz_role *role)
{
	struct json_object *array = json_object_new_array();
	for (size_t i = 0; i < role->next_step_count; i++)
		json_object_array_add(array, json_out_text(role->next_steps[i]));
	return array;
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
		json_object_object_add(role, "next_steps", next_steps_json(&quiz->roles[r]));
		json_object_array_add(array, role);
	}
	return array;
}

/* The roles an option signals: [{ "role": id, "score": n }, ...]. */
static struct json_object *signals_json(const struct quiz *quiz, const struct quiz_option *option)
{
	struct json_object *array = json_object_new_array();
	for (size_t r = 0; r < quiz->role_count; r++) {
		if (option->scores[r] == 0)
			continue;
		struct json_object *signal = json_object_new_object();
		add_text(signal, "role", quiz->roles[r].id);
		json_object_object_add(signal, "score", json_object_new_double(option->scores[r]));
		json_object_array_add(array, signal);
	}
	return array;
}

static struct json_object *answers_json(const struct quiz *quiz, const int *answers)
{
	struct json_object *array = json_object_new_array();
	for (size_t q = 0; q < quiz->question_count; q++) {
		const struct quiz_question *question = &quiz->questions[q];
		struct json_object *answer = json_object_new_object();
		add_text(answer, "question", question->id);
		add_text(answer, "prompt", question->prompt);
		if (answers[q] >= 0) {
			const struct quiz_option *option = &question->options[answers[q]];
			json_object_object_add(answer, "option", json_object_new_int(answers[q]));
			add_text(answer, "text", option->text);
			json_object_object_add(answer, "signals", signals_json(quiz, option));
		} else {
			json_object_object_add(answer, "option", NULL);
			json_object_object_add(answer, "text", NULL);
			json_object_object_add(answer, "signals", json_object_new_array());
		}
		add_text(answer, "debrief", question->debrief);
		json_object_array_add(array, answer);
	}
	return array;
}

static struct json_object *clarity_json(const struct clarity *clarity)
{
	struct json_object *object = json_object_new_object();
	add_text(object, "band", clarity_band_id(clarity->band));
	json_object_object_add(object, "margin",
			       clarity->has_margin ? json_object_new_double(clarity->margin)
						   : NULL);
	json_object_object_add(object, "chance",
			       clarity->has_chance ? json_object_new_double(clarity->chance)
						   : NULL);
	return object;
}

char *result_json(const struct outcome *outcome)
{
	const struct quiz *quiz = outcome->quiz;
	const struct score_result *result = &outcome->score;
	struct json_object *root = json_object_new_object();
	if (!root)
		return NULL;
	json_object_object_add(root, "quiz", quiz_json(quiz));
	json_object_object_add(root, "answered", json_object_new_int((int)result->answered));
	json_object_object_add(root, "skipped", json_object_new_int((int)result->skipped));
	json_object_object_add(root, "roles", roles_json(quiz, result));
	struct json_object *top = json_object_new_array();
	for (size_t i = 0; i < result->top_count; i++)
		json_object_array_add(top, json_out_text(quiz->roles[result->ranking[i]].id));
	json_object_object_add(root, "top", top);
	int runner_up = outcome_runner_up(outcome);
	json_object_object_add(root, "runner_up",
			       runner_up >= 0 ? json_out_text(quiz->roles[runner_up].id) : NULL);
	json_object_object_add(root, "clarity", clarity_json(&outcome->clarity));
	json_object_object_add(root, "answers", answers_json(quiz, outcome->answers));
	return json_out_finish(root);
}
