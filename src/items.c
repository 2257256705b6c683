#include "careerfit/items.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "careerfit/json_out.h"

/* The options person PERSON of GROUP chose, in file order (-1: skipped). */
static const int8_t *choices_of(const struct report_group *group, size_t person)
{
	return group->people.choices + person * group->question_count;
}

/* What option O of question Q signals for each role: the same in every
 * file of one quiz hash, so taken from its first picker. */
static const double *signals_of(const struct report_group *group, size_t q, int o)
{
	return group->questions[q].options[o].scores;
}

/* A person's raw score for ROLE over every question but QUESTION: the
 * signals of the options they picked (question weights are not in the
 * files, so they play no part). Summed afresh, in file order, rather than
 * kept as a total to subtract from: a total less one answer can differ
 * from the sum of the others in the last bit, and would make a constant
 * rest score look spread. */
static double rest_score(const struct report_group *group, const int8_t *choices, size_t question,
			 size_t role)
{
	double sum = 0;
	for (size_t q = 0; q < group->question_count; q++)
		if (q != question && choices[q] >= 0)
			sum += signals_of(group, q, choices[q])[role];
	return sum;
}

struct pairs {
	size_t count;
	double sum_x, sum_y;
	double min_x, max_x, min_y, max_y;
};

static void pairs_add(struct pairs *pairs, double x, double y)
{
	if (pairs->count == 0) {
		pairs->min_x = pairs->max_x = x;
		pairs->min_y = pairs->max_y = y;
	}
	pairs->count++;
	pairs->sum_x += x;
	pairs->sum_y += y;
	/* Points and sums are finite: plain comparisons, no fmin's NaN rules. */
	pairs->min_x = x < pairs->min_x ? x : pairs->min_x;
	pairs->max_x = x > pairs->max_x ? x : pairs->max_x;
	pairs->min_y = y < pairs->min_y ? y : pairs->min_y;
	pairs->max_y = y > pairs->max_y ? y : pairs->max_y;
}

bool items_rest_correlation(const struct report_group *group, size_t question, size_t option,
			    size_t role, double *correlation)
{
	struct pairs pairs = {0};
	if (!group->people.choices)
		return false; /* the report kept no answers */
	for (size_t i = 0; i < group->record_count; i++) {
		const int8_t *choices = choices_of(group, i);
		if (choices[question] >= 0)
			pairs_add(&pairs, choices[question] == (int)option,
				  rest_score(group, choices, question, role));
	}
	/* Equal values are compared as such: a mean computed in floating
	 * point would leave a constant side a tiny, meaningless spread. */
	if (pairs.count < 2 || pairs.min_x == pairs.max_x || pairs.min_y == pairs.max_y)
		return false;
	double mean_x = pairs.sum_x / (double)pairs.count,
	       mean_y = pairs.sum_y / (double)pairs.count;
	double xy = 0, xx = 0, yy = 0;
	for (size_t i = 0; i < group->record_count; i++) {
		const int8_t *choices = choices_of(group, i);
		if (choices[question] < 0)
			continue;
		double dx = (choices[question] == (int)option) - mean_x;
		double dy = rest_score(group, choices, question, role) - mean_y;
		xy += dx * dy;
		xx += dx * dx;
		yy += dy * dy;
	}
	*correlation = xy / sqrt(xx * yy);
	return true;
}

static void option_analyse(const struct report_group *group, size_t q, size_t o, bool reliable,
			   struct items_option *out)
{
	const struct report_option *option = &group->questions[q].options[o];
	*out = (struct items_option){.count = option->count, .known = option->count > 0};
	for (size_t r = 0; out->known && r < report_first(group)->role_count; r++)
		if (option->scores[r] > 0 &&
		    (!out->has_role || option->scores[r] > option->scores[out->role])) {
			out->role = r;
			out->has_role = true;
		}
	if (!reliable)
		return;
	out->rare = (double)option->count < ITEMS_RARE_SHARE * (double)group->record_count;
	if (out->has_role)
		out->has_correlation =
			items_rest_correlation(group, q, o, out->role, &out->correlation);
}

static bool same_signals(const struct report_option *a, const struct report_option *b,
			 size_t role_count)
{
	for (size_t r = 0; r < role_count; r++)
		if (a->scores[r] != b->scores[r])
			return false;
	return true;
}

/* Whether the known options separate the roles at all: not when they all
 * signal the same, and hardly when they all push the same role most. */
static void question_separation(const struct report_group *group, size_t q,
				struct items_question *out)
{
	const struct report_question *question = &group->questions[q];
	const struct items_option *first = NULL;
	size_t known = 0, first_index = 0;
	bool identical = true, one_role = true;
	for (size_t o = 0; o < out->option_count; o++) {
		if (!out->options[o].known)
			continue;
		if (!first) {
			first = &out->options[o];
			first_index = o;
		}
		known++;
		identical = identical &&
			    same_signals(&question->options[first_index], &question->options[o],
					 report_first(group)->role_count);
		one_role = one_role && out->options[o].has_role && first->has_role &&
			   out->options[o].role == first->role;
	}
	out->identical = known >= 2 && identical;
	out->one_role = known >= 2 && !identical && one_role;
}

static void question_analyse(const struct report_group *group, size_t q, bool reliable,
			     struct items_question *out)
{
	const struct report_question *question = &group->questions[q];
	*out = (struct items_question){.skipped = question->skipped};
	out->answered = group->record_count - question->skipped;
	for (size_t o = 0; o < QUIZ_MAX_OPTIONS; o++)
		if (question->options[o].count)
			out->option_count = o + 1;
	for (size_t o = 0; o < out->option_count; o++)
		option_analyse(group, q, o, reliable, &out->options[o]);
	if (reliable)
		question_separation(group, q, out);
}

/* The role option O of question Q favours most (the first on a tie), or
 * -1 for a skipped question (O below 0). */
static int strongest_role(const struct report_group *group, size_t q, int o)
{
	if (o < 0)
		return -1;
	const double *scores = signals_of(group, q, o);
	int best = -1;
	for (size_t r = 0; r < report_first(group)->role_count; r++)
		if (scores[r] > 0 && (best < 0 || scores[r] > scores[best]))
			best = (int)r;
	return best;
}

static void pair_count_alike(const struct report_group *group, struct items_pair *pair)
{
	for (size_t i = 0; i < group->record_count; i++) {
		const int8_t *choices = choices_of(group, i);
		int a = choices[pair->question], b = choices[pair->other];
		if (a < 0 || b < 0)
			continue;
		pair->both++;
		int role = strongest_role(group, pair->question, a);
		pair->alike += role >= 0 && role == strongest_role(group, pair->other, b);
	}
}

struct id_index {
	const char *id;
	size_t index;
};

static int compare_ids(const void *a, const void *b)
{
	return strcmp(((const struct id_index *)a)->id, ((const struct id_index *)b)->id);
}

/* The index of the question with ID in ORDER (sorted by id): pairs are
 * found in n log n, whatever a hostile file names. */
static long find_question(const struct id_index *order, size_t count, const char *id)
{
	const struct id_index key = {.id = id};
	const struct id_index *found = bsearch(&key, order, count, sizeof(*order), compare_ids);
	return found ? (long)found->index : -1;
}

/* Each documented pair once, from the first result's answers. */
static bool find_pairs(const struct report_group *group, struct items *items)
{
	size_t count = group->question_count;
	struct id_index *order = malloc((count ? count : 1) * sizeof(*order));
	items->pairs = calloc(count ? count : 1, sizeof(*items->pairs));
	if (!order || !items->pairs) {
		free(order);
		return false;
	}
	for (size_t q = 0; q < count; q++)
		order[q] = (struct id_index){.id = group->questions[q].id, .index = q};
	qsort(order, count, sizeof(*order), compare_ids);
	const struct result_record *first = report_first(group);
	for (size_t q = 0; q < count; q++) {
		const char *pair = first->answers[q].pair;
		long other = pair ? find_question(order, count, pair) : -1;
		if (other <= (long)q)
			continue; /* unknown, itself, or counted from the other side */
		struct items_pair *found = &items->pairs[items->pair_count++];
		*found = (struct items_pair){.question = q, .other = (size_t)other};
		pair_count_alike(group, found);
	}
	free(order);
	return true;
}

/* Works from the options each person chose (report_people.choices): a
 * report made with skips_answers has none, and gets false. */
bool items_analyse(const struct report_group *group, struct items *items)
{
	if (!group->people.choices)
		return false; /* the report kept no answers */
	*items = (struct items){
		.result_count = group->record_count,
		.reliable = group->record_count >= ITEMS_MIN_RESULTS,
	};
	size_t count = group->question_count;
	items->questions = calloc(count ? count : 1, sizeof(*items->questions));
	if (!items->questions)
		return false;
	items->question_count = count;
	for (size_t q = 0; q < count; q++)
		question_analyse(group, q, items->reliable, &items->questions[q]);
	if (!find_pairs(group, items)) {
		items_clear(items);
		return false;
	}
	return true;
}

void items_clear(struct items *items)
{
	free(items->pairs);
	free(items->questions);
	*items = (struct items){0};
}

/* A figure that exists only for a reliable analysis: null below it. */
static struct json_object *json_flag(bool reliable, bool value)
{
	return reliable ? json_object_new_boolean(value) : NULL;
}

static struct json_object *json_option(const struct report_group *group, const struct items *items,
				       size_t q, size_t o)
{
	const struct items_option *option = &items->questions[q].options[o];
	const struct report_option *seen = &group->questions[q].options[o];
	const struct result_record *first = report_first(group);
	struct json_object *object = json_object_new_object();
	json_object_object_add(object, "option", json_object_new_int((int)o));
	json_object_object_add(object, "text", option->known ? json_out_text(seen->text) : NULL);
	json_object_object_add(object, "count", json_object_new_int((int)option->count));
	json_object_object_add(object, "role",
			       option->has_role ? json_out_text(first->roles[option->role].id)
						: NULL);
	json_object_object_add(object, "item_rest",
			       option->has_correlation ? json_object_new_double(option->correlation)
						       : NULL);
	json_object_object_add(object, "rare", json_flag(items->reliable, option->rare));
	return object;
}

static struct json_object *json_question(const struct report_group *group,
					 const struct items *items, size_t q)
{
	const struct items_question *question = &items->questions[q];
	struct json_object *object = json_object_new_object();
	json_object_object_add(object, "id", json_out_text(group->questions[q].id));
	json_object_object_add(object, "prompt", json_out_text(group->questions[q].prompt));
	json_object_object_add(object, "answered", json_object_new_int((int)question->answered));
	json_object_object_add(object, "skipped", json_object_new_int((int)question->skipped));
	json_object_object_add(object, "identical_signals",
			       json_flag(items->reliable, question->identical));
	json_object_object_add(object, "one_role", json_flag(items->reliable, question->one_role));
	struct json_object *options = json_object_new_array();
	for (size_t o = 0; o < question->option_count; o++)
		json_object_array_add(options, json_option(group, items, q, o));
	json_object_object_add(object, "options", options);
	return object;
}

static struct json_object *json_group(const struct report_group *group, const struct items *items)
{
	struct json_object *object = json_object_new_object();
	json_object_object_add(object, "quiz", report_json_quiz(group));
	json_object_object_add(object, "results", json_object_new_int((int)items->result_count));
	json_object_object_add(object, "reliable", json_object_new_boolean(items->reliable));
	json_object_object_add(object, "min_results", json_object_new_int(ITEMS_MIN_RESULTS));
	json_object_object_add(object, "rare_share", json_object_new_double(ITEMS_RARE_SHARE));
	struct json_object *questions = json_object_new_array();
	for (size_t q = 0; q < items->question_count; q++)
		json_object_array_add(questions, json_question(group, items, q));
	json_object_object_add(object, "questions", questions);
	struct json_object *pairs = json_object_new_array();
	for (size_t i = 0; i < items->pair_count; i++) {
		const struct items_pair *pair = &items->pairs[i];
		struct json_object *entry = json_object_new_object();
		json_object_object_add(entry, "question",
				       json_out_text(group->questions[pair->question].id));
		json_object_object_add(entry, "other",
				       json_out_text(group->questions[pair->other].id));
		json_object_object_add(entry, "both", json_object_new_int((int)pair->both));
		json_object_object_add(entry, "alike", json_object_new_int((int)pair->alike));
		json_object_array_add(pairs, entry);
	}
	json_object_object_add(object, "pairs", pairs);
	return object;
}

char *items_json(const struct report *report)
{
	struct json_object *root = json_object_new_object();
	struct json_object *groups = json_object_new_array();
	for (size_t g = 0; g < report->group_count; g++) {
		struct items items;
		if (!items_analyse(&report->groups[g], &items)) {
			json_object_put(root);
			json_object_put(groups);
			return NULL;
		}
		json_object_array_add(groups, json_group(&report->groups[g], &items));
		items_clear(&items);
	}
	json_object_object_add(root, "quizzes", groups);
	return json_out_finish(root);
}
