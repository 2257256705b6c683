#include "plain.h"

#include <stdlib.h>
#include <string.h>

#include "careerfit/i18n.h"
#include "careerfit/text.h"
#include "keymap.h"
#include "summary.h"

static void print_heading(FILE *out, const char *text)
{
	char *clean = glyphs_text(text);
	fprintf(out, "\n== %s ==\n", clean ? clean : "");
	free(clean);
}

static void print_question(FILE *out, const struct session *session, size_t q, size_t width)
{
	const struct quiz *quiz = session_quiz(session);
	const struct quiz_question *question = &quiz->questions[q];
	fputc('\n', out);
	fprintf(out, _("Question %zu of %zu"), q + 1, quiz->question_count);
	fputc('\n', out);
	summary_print_wrapped(out, question->prompt, 0, width);
	for (size_t position = 0; position < question->option_count; position++) {
		size_t option = session_option_at(session, q, position);
		char letter[8];
		snprintf(letter, sizeof(letter), "  %c) ", (char)('a' + position));
		summary_print_hanging(out, letter, question->options[option].text, width);
	}
	int answer = session_answer_of(session, q);
	if (answer >= 0)
		/* TRANSLATORS: %c is the letter of the option chosen before. */
		fprintf(out, _("(your answer so far: %c)\n"),
			(char)('a' + session_position_of(session, q, (size_t)answer)));
	else if (answer == SESSION_SKIPPED)
		fputs(_("(you skipped this one)\n"), out);
}

/* Reads one whole line, however long, into *LINE; false at the end of
 * the input. A NUL byte inside the line ends what is looked at. */
static bool read_answer(FILE *in, char **line, size_t *size)
{
	ssize_t length = getline(line, size, in);
	if (length < 0)
		return false;
	(*line)[strcspn(*line, "\r\n")] = '\0';
	return true;
}

/* Applies one line of input; false when it was not a valid answer. */
static bool apply_answer(struct session *session, const char *line, FILE *out)
{
	const struct quiz *quiz = session_quiz(session);
	size_t q = session_current(session);
	size_t count = quiz->questions[q].option_count;
	const char *p = line + strspn(line, " \t");
	size_t length = strcspn(p, " \t");
	/* An empty line keeps the answer given before, if any. */
	if (length == 0)
		return session_forward(session);
	if (length == 1 && (*p == '-' || *p == 's'))
		session_skip(session);
	else if (length == 1 && *p == '<') {
		if (!session_back(session))
			fputs(_("This is the first question.\n"), out);
	} else if (length == 1 && ((*p | 0x20) >= 'a' && (size_t)((*p | 0x20) - 'a') < count))
		session_answer(session, session_option_at(session, q, (size_t)((*p | 0x20) - 'a')));
	else
		return false;
	return true;
}

/* The prompt for an answer, one whole sentence for each set of keys:
 * GLOSSARY when the quiz has one, KEPT when Enter keeps an answer. */
static const char *answer_prompt(bool glossary, bool kept)
{
	if (glossary && kept)
		return _(
			"Your answer (a-%c, - to skip, < to go back, ? glossary, Enter to keep): ");
	if (glossary)
		/* TRANSLATORS: the plain-text prompt for an answer. %c is the last
		 * option's letter; the keys "-", "<", "?" and Enter stay as they
		 * are. Keep the space at the end. */
		return _("Your answer (a-%c, - to skip, < to go back, ? glossary): ");
	if (kept)
		return _("Your answer (a-%c, - to skip, < to go back, Enter to keep): ");
	return _("Your answer (a-%c, - to skip, < to go back): ");
}

/* Moves past questions answered on an earlier run, so that piped answers
 * of a resumed run meet the questions still open. */
static void skip_answered(struct session *session)
{
	while (session_answer_of(session, session_current(session)) != SESSION_UNANSWERED &&
	       session_forward(session))
		;
}

bool plain_run(struct session *session, FILE *in, FILE *out, size_t width, void (*idle)(void *data),
	       void *data)
{
	const struct quiz *quiz = session_quiz(session);
	size_t shown_scenario = quiz->scenario_count;
	char *line = NULL;
	size_t size = 0;
	bool revisiting = false; /* "<" brings back an answered question on purpose */
	while (session_current(session) < quiz->question_count) {
		if (!revisiting)
			skip_answered(session);
		size_t q = session_current(session);
		if (q >= quiz->question_count)
			break;
		const struct quiz_scenario *scenario =
			&quiz->scenarios[quiz->questions[q].scenario];
		if (quiz->questions[q].scenario != shown_scenario) {
			shown_scenario = quiz->questions[q].scenario;
			print_heading(out, scenario->title);
			summary_print_wrapped(out, scenario->story, 0, width);
		}
		print_question(out, session, q, width);
		size_t count = quiz->questions[q].option_count;
		for (;;) {
			fprintf(out,
				answer_prompt(quiz->term_count > 0,
					      session_answer_of(session, q) != SESSION_UNANSWERED),
				(char)('a' + count - 1));
			fflush(out);
			if (idle)
				idle(data);
			if (!read_answer(in, &line, &size)) {
				fputc('\n', out);
				free(line);
				return false;
			}
			if (quiz->term_count && strcmp(line + strspn(line, " \t"), "?") == 0) {
				summary_print_glossary(out, quiz, width);
				print_question(out, session, q, width);
				continue;
			}
			if (apply_answer(session, line, out))
				break;
			fprintf(out,
				/* TRANSLATORS: %c is the last option's letter (a to %c). */
				_("Please type one letter from a to %c, - to skip or < to go "
				  "back.\n"),
				(char)('a' + count - 1));
		}
		revisiting = session_current(session) < q;
		if (revisiting)
			shown_scenario = quiz->scenario_count; /* show the story again */
	}
	/* Piped answers are not echoed: keep the result off the prompt's line. */
	fputc('\n', out);
	free(line);
	return true;
}
