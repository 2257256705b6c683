#include "careerfit/quiz.h"

#include <stdlib.h>
#include <string.h>

void quiz_question_free(struct quiz_question *question)
{
	for (size_t o = 0; o < question->option_count; o++) {
		free(question->options[o].text);
		free(question->options[o].scores);
	}
	free(question->options);
	free(question->id);
	free(question->prompt);
	free(question->debrief);
	free(question->pair);
	free(question->file);
}

void quiz_free(struct quiz *quiz)
{
	if (!quiz)
		return;
	for (size_t r = 0; r < quiz->role_count; r++) {
		struct quiz_role *role = &quiz->roles[r];
		free(role->id);
		free(role->name);
		free(role->short_name);
		free(role->summary);
		free(role->description);
		for (size_t i = 0; i < role->next_step_count; i++)
			free(role->next_steps[i]);
		free(role->next_steps);
		free(role->file);
	}
	for (size_t t = 0; t < quiz->term_count; t++) {
		free(quiz->glossary[t].term);
		free(quiz->glossary[t].meaning);
	}
	free(quiz->glossary);
	for (size_t s = 0; s < quiz->scenario_count; s++) {
		free(quiz->scenarios[s].id);
		free(quiz->scenarios[s].title);
		free(quiz->scenarios[s].story);
	}
	for (size_t q = 0; q < quiz->question_count; q++)
		quiz_question_free(&quiz->questions[q]);
	free(quiz->roles);
	free(quiz->scenarios);
	free(quiz->questions);
	free(quiz->path);
	free(quiz->id);
	free(quiz->title);
	free(quiz->description);
	free(quiz->language);
	free(quiz);
}

int quiz_role_index(const struct quiz *quiz, const char *id)
{
	for (size_t r = 0; r < quiz->role_count; r++)
		if (id && quiz->roles[r].id && strcmp(quiz->roles[r].id, id) == 0)
			return (int)r;
	return -1;
}

bool quiz_id_is_valid(const char *id, enum quiz_id_kind kind)
{
	static const char *const extra[] = {"-", "_", "-_."};
	bool letter = *id >= 'a' && *id <= 'z', digit = *id >= '0' && *id <= '9';
	if (!(letter || (digit && kind != QUIZ_ID_ROLE)))
		return false;
	for (const char *c = id; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		      strchr(extra[kind], *c)))
			return false;
	return true;
}

static size_t span_of(const char *text, bool (*is)(int))
{
	size_t length = 0;
	while (text[length] && is((unsigned char)text[length]))
		length++;
	return length;
}

static bool is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

bool quiz_language_is_valid(const char *tag)
{
	size_t language = span_of(tag, is_lower);
	if (language < 2 || language > 3)
		return false;
	if (!tag[language])
		return true;
	const char *country = tag + language + 1;
	size_t letters = span_of(country, is_upper), digits = span_of(country, is_digit);
	return tag[language] == '_' &&
	       ((letters == 2 && !country[2]) || (digits == 3 && !country[3]));
}

bool quiz_language_matches(const char *tag, const char *wanted)
{
	size_t length = strcspn(tag, "_");
	if (strcmp(tag, wanted) == 0)
		return true;
	return !strchr(wanted, '_') && strlen(wanted) == length &&
	       strncmp(tag, wanted, length) == 0;
}

bool quiz_options_alike(const struct quiz *quiz, size_t question)
{
	const struct quiz_question *q = &quiz->questions[question];
	for (size_t o = 1; o < q->option_count; o++)
		for (size_t r = 0; r < quiz->role_count; r++)
			if (q->options[o].scores[r] != q->options[0].scores[r])
				return false;
	return true;
}

int quiz_question_index(const struct quiz *quiz, const char *id)
{
	for (size_t q = 0; q < quiz->question_count; q++)
		if (id && quiz->questions[q].id && strcmp(quiz->questions[q].id, id) == 0)
			return (int)q;
	return -1;
}
