#include "careerfit/score.h"

#include <stdlib.h>

static void add_question(const struct quiz_question *question, int chosen, size_t role,
			 struct score_role *out)
{
	double best = question->options[0].scores[role];
	double worst = best;
	for (size_t o = 1; o < question->option_count; o++) {
		double score = question->options[o].scores[role];
		best = score > best ? score : best;
		worst = score < worst ? score : worst;
	}
	out->raw += question->weight * question->options[chosen].scores[role];
	out->max += question->weight * best;
	out->min += question->weight * worst;
}

static bool is_answered(const struct quiz *quiz, const int *answers, size_t q)
{
	return answers[q] >= 0 && (size_t)answers[q] < quiz->questions[q].option_count;
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

bool score_compute(const struct quiz *quiz, const int *answers, struct score_result *result)
{
	*result = (struct score_result){.role_count = quiz->role_count};
	result->roles = calloc(quiz->role_count ? quiz->role_count : 1, sizeof(*result->roles));
	result->ranking = calloc(quiz->role_count ? quiz->role_count : 1, sizeof(*result->ranking));
	if (!result->roles || !result->ranking) {
		score_result_clear(result);
		return false;
	}
	for (size_t q = 0; q < quiz->question_count; q++) {
		if (!is_answered(quiz, answers, q)) {
			result->skipped++;
			continue;
		}
		result->answered++;
		for (size_t r = 0; r < quiz->role_count; r++)
			add_question(&quiz->questions[q], answers[q], r, &result->roles[r]);
	}
	for (size_t r = 0; r < quiz->role_count; r++) {
		struct score_role *role = &result->roles[r];
		role->defined = role->max > role->min;
		if (role->defined)
			role->affinity = 100.0 * (role->raw - role->min) / (role->max - role->min);
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
