#include "careerfit/score.h"

#include "careerfit/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_answered(const struct quiz *quiz, const int *answers, size_t q)
{
	return answers[q] >= 0 && (size_t)answers[q] < quiz->questions[q].option_count;
}

static void add_range(const struct quiz_question *question, struct score_bounds *bounds)
{
	for (size_t r = 0; r < bounds->role_count; r++) {
		double best = question->options[0].scores[r], worst = best;
		for (size_t o = 1; o < question->option_count; o++) {
			double score = question->options[o].scores[r];
			best = score > best ? score : best;
			worst = score < worst ? score : worst;
		}
		bounds->max[r] += question->weight * best;
		bounds->min[r] += question->weight * worst;
	}
}

bool score_bounds_init(struct score_bounds *bounds, const struct quiz *quiz, const int *answers)
{
	size_t roles = quiz->role_count ? quiz->role_count : 1;
	*bounds = (struct score_bounds){.quiz = quiz, .role_count = quiz->role_count};
	bounds->answered = calloc(quiz->question_count + 1, sizeof(*bounds->answered));
	bounds->min = calloc(roles, sizeof(double));
	bounds->max = calloc(roles, sizeof(double));
	if (!bounds->answered || !bounds->min || !bounds->max) {
		score_bounds_clear(bounds);
		return false;
	}
	for (size_t q = 0; q < quiz->question_count; q++) {
		if (answers && !is_answered(quiz, answers, q))
			continue;
		bounds->answered[q] = true;
		bounds->answered_count++;
		add_range(&quiz->questions[q], bounds);
	}
	return true;
}

void score_bounds_clear(struct score_bounds *bounds)
{
	free(bounds->answered);
	free(bounds->min);
	free(bounds->max);
	*bounds = (struct score_bounds){0};
}

void score_affinities(const struct score_bounds *bounds, const int *answers, double *raw,
		      double *affinity)
{
	const struct quiz *quiz = bounds->quiz;
	memset(raw, 0, bounds->role_count * sizeof(double));
	for (size_t q = 0; q < quiz->question_count; q++) {
		if (!bounds->answered[q])
			continue;
		const struct quiz_question *question = &quiz->questions[q];
		const double *scores = question->options[answers[q]].scores;
		for (size_t r = 0; r < bounds->role_count; r++)
			raw[r] += question->weight * scores[r];
	}
	for (size_t r = 0; r < bounds->role_count; r++) {
		double range = bounds->max[r] - bounds->min[r];
		affinity[r] = range > 0 ? 100.0 * (raw[r] - bounds->min[r]) / range : -1;
	}
}

bool score_lead(const double *affinity, size_t role_count, double *margin, size_t *runner_up)
{
	double best = -1;
	for (size_t r = 0; r < role_count; r++)
		best = affinity[r] > best ? affinity[r] : best;
	bool found = false;
	size_t next = 0;
	for (size_t r = 0; r < role_count; r++) {
		bool outside = affinity[r] >= 0 && best - affinity[r] > SCORE_TIE_MARGIN;
		if (outside && (!found || affinity[r] > affinity[next])) {
			next = r;
			found = true;
		}
	}
	if (!found)
		return false;
	*margin = best - affinity[next];
	if (runner_up)
		*runner_up = next;
	return true;
}

/* Best first; undefined roles last; equal roles keep the quiz's order. */
static void rank_roles(struct score_result *result)
{
	for (size_t i = 0; i < result->role_count; i++)
		result->ranking[i] = i;
	for (size_t i = 1; i < result->role_count; i++) {
		size_t current = result->ranking[i];
		const struct score_role *role = &result->roles[current];
		size_t j = i;
		for (; j > 0; j--) {
			const struct score_role *before = &result->roles[result->ranking[j - 1]];
			bool ahead = role->defined &&
				     (!before->defined || role->affinity > before->affinity);
			if (!ahead)
				break;
			result->ranking[j] = result->ranking[j - 1];
		}
		result->ranking[j] = current;
	}
	result->top_count = 0;
	if (result->role_count == 0 || !result->roles[result->ranking[0]].defined)
		return;
	double best = result->roles[result->ranking[0]].affinity;
	while (result->top_count < result->role_count) {
		const struct score_role *role = &result->roles[result->ranking[result->top_count]];
		if (!role->defined || best - role->affinity > SCORE_TIE_MARGIN)
			break;
		result->top_count++;
	}
}

static bool fill_roles(const struct quiz *quiz, const int *answers, struct score_result *result)
{
	struct score_bounds bounds;
	size_t roles = quiz->role_count ? quiz->role_count : 1;
	double *raw = calloc(roles, sizeof(double)), *affinity = calloc(roles, sizeof(double));
	bool ok = raw && affinity && score_bounds_init(&bounds, quiz, answers);
	if (ok) {
		score_affinities(&bounds, answers, raw, affinity);
		for (size_t r = 0; r < quiz->role_count; r++)
			result->roles[r] = (struct score_role){
				.raw = raw[r],
				.min = bounds.min[r],
				.max = bounds.max[r],
				.affinity = affinity[r] >= 0 ? affinity[r] : 0,
				.defined = affinity[r] >= 0,
			};
		result->answered = bounds.answered_count;
		result->skipped = quiz->question_count - bounds.answered_count;
		result->has_runner_up =
			score_lead(affinity, quiz->role_count, &result->margin, &result->runner_up);
		score_bounds_clear(&bounds);
	}
	free(raw);
	free(affinity);
	return ok;
}

bool score_compute(const struct quiz *quiz, const int *answers, struct score_result *result)
{
	*result = (struct score_result){.role_count = quiz->role_count};
	result->roles = calloc(quiz->role_count ? quiz->role_count : 1, sizeof(*result->roles));
	result->ranking = calloc(quiz->role_count ? quiz->role_count : 1, sizeof(*result->ranking));
	if (!result->roles || !result->ranking || !fill_roles(quiz, answers, result)) {
		score_result_clear(result);
		return false;
	}
	rank_roles(result);
	return true;
}

void score_result_clear(struct score_result *result)
{
	free(result->roles);
	free(result->ranking);
	*result = (struct score_result){0};
}

size_t score_reasons(const struct quiz *quiz, const int *answers, size_t role,
		     struct score_reason *reasons, size_t max)
{
	size_t count = 0;
	for (size_t q = 0; q < quiz->question_count; q++) {
		if (!is_answered(quiz, answers, q))
			continue;
		const struct quiz_question *question = &quiz->questions[q];
		double push = question->weight * question->options[answers[q]].scores[role];
		if (push <= 0)
			continue;
		/* Insert in order, strongest first, earlier questions first on ties. */
		size_t at = count;
		while (at > 0 && reasons[at - 1].push < push)
			at--;
		if (at >= max)
			continue;
		size_t last = count < max ? count : max - 1;
		for (size_t i = last; i > at; i--)
			reasons[i] = reasons[i - 1];
		reasons[at] = (struct score_reason){.question = q, .push = push};
		if (count < max)
			count++;
	}
	return count;
}

void score_describe_option(const struct quiz *quiz, const struct quiz_option *option, char *out,
			   size_t size)
{
	/* The role it counts most for first; equal points in the quiz's
	 * role order. */
	size_t order[QUIZ_MAX_ROLES], count = 0;
	for (size_t r = 0; r < quiz->role_count && count < QUIZ_MAX_ROLES; r++) {
		if (option->scores[r] == 0)
			continue;
		size_t at = count++;
		for (; at > 0 && option->scores[order[at - 1]] < option->scores[r]; at--)
			order[at] = order[at - 1];
		order[at] = r;
	}
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < count && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s %+g", used ? ", " : "",
					 quiz->roles[order[i]].short_name,
					 option->scores[order[i]]);
	if (!used)
		/* TRANSLATORS: describes an answer option that moves no role's score. */
		snprintf(out, size, "%s", _("no role in particular"));
}
