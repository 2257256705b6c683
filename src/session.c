#include "careerfit/session.h"

#include <stdlib.h>

#include "careerfit/random.h"

struct session {
	const struct quiz *quiz;
	int *answers;
	size_t **order; /* order[q][position] = option index in file order */
	size_t current;
	session_listener *listener;
	void *listener_data;
};

static void changed(const struct session *session)
{
	if (session->listener)
		session->listener(session, session->listener_data);
}

static bool make_order(struct session *session, bool shuffle, uint64_t seed)
{
	const struct quiz *quiz = session->quiz;
	session->order =
		calloc(quiz->question_count ? quiz->question_count : 1, sizeof(*session->order));
	if (!session->order)
		return false;
	uint64_t state = seed;
	for (size_t q = 0; q < quiz->question_count; q++) {
		size_t count = quiz->questions[q].option_count;
		size_t *order = calloc(count ? count : 1, sizeof(*order));
		if (!order)
			return false;
		session->order[q] = order;
		for (size_t i = 0; i < count; i++)
			order[i] = i;
		for (size_t i = count; shuffle && i > 1; i--) {
			size_t j = (size_t)(random_next(&state) % i);
			size_t swap = order[i - 1];
			order[i - 1] = order[j];
			order[j] = swap;
		}
	}
	return true;
}

struct session *session_new(const struct quiz *quiz, bool shuffle, uint64_t seed)
{
	struct session *session = calloc(1, sizeof(*session));
	if (!session)
		return NULL;
	*session = (struct session){.quiz = quiz};
	session->answers = malloc((quiz->question_count ? quiz->question_count : 1) *
				  sizeof(*session->answers));
	if (!session->answers || !make_order(session, shuffle, seed))
		goto err;
	for (size_t q = 0; q < quiz->question_count; q++)
		session->answers[q] = SESSION_UNANSWERED;
	return session;
err:
	session_free(session);
	return NULL;
}

void session_free(struct session *session)
{
	if (!session)
		return;
	for (size_t q = 0; session->order && q < session->quiz->question_count; q++)
		free(session->order[q]);
	free(session->order);
	free(session->answers);
	free(session);
}

const struct quiz *session_quiz(const struct session *session)
{
	return session->quiz;
}

const int *session_answers(const struct session *session)
{
	return session->answers;
}

int session_answer_of(const struct session *session, size_t question)
{
	return question < session->quiz->question_count ? session->answers[question]
							: SESSION_UNANSWERED;
}

size_t session_current(const struct session *session)
{
	return session->current;
}

bool session_finished(const struct session *session)
{
	for (size_t q = 0; q < session->quiz->question_count; q++)
		if (session->answers[q] == SESSION_UNANSWERED)
			return false;
	return true;
}

size_t session_answered_count(const struct session *session)
{
	size_t count = 0;
	for (size_t q = 0; q < session->quiz->question_count; q++)
		count += session->answers[q] >= 0;
	return count;
}

size_t session_option_at(const struct session *session, size_t question, size_t position)
{
	return session->order[question][position];
}

size_t session_position_of(const struct session *session, size_t question, size_t option)
{
	size_t count = session->quiz->questions[question].option_count;
	for (size_t i = 0; i < count; i++)
		if (session->order[question][i] == option)
			return i;
	return 0;
}

bool session_set_answer(struct session *session, size_t question, int answer)
{
	if (question >= session->quiz->question_count)
		return false;
	size_t count = session->quiz->questions[question].option_count;
	if (answer >= 0 ? (size_t)answer >= count
			: answer != SESSION_SKIPPED && answer != SESSION_UNANSWERED)
		return false;
	session->answers[question] = answer;
	changed(session);
	return true;
}

bool session_answer(struct session *session, size_t option)
{
	if (session->current >= session->quiz->question_count ||
	    option >= session->quiz->questions[session->current].option_count)
		return false;
	session->answers[session->current++] = (int)option;
	changed(session);
	return true;
}

void session_skip(struct session *session)
{
	if (session->current < session->quiz->question_count) {
		session->answers[session->current++] = SESSION_SKIPPED;
		changed(session);
	}
}

bool session_back(struct session *session)
{
	if (session->current == 0)
		return false;
	session->current--;
	changed(session);
	return true;
}

bool session_forward(struct session *session)
{
	if (session->current >= session->quiz->question_count ||
	    session->answers[session->current] == SESSION_UNANSWERED)
		return false;
	session->current++;
	changed(session);
	return true;
}

void session_go_to(struct session *session, size_t question)
{
	if (question <= session->quiz->question_count) {
		session->current = question;
		changed(session);
	}
}

void session_reset(struct session *session)
{
	for (size_t q = 0; q < session->quiz->question_count; q++)
		session->answers[q] = SESSION_UNANSWERED;
	session->current = 0;
	changed(session);
}

void session_set_listener(struct session *session, session_listener *listener, void *data)
{
	session->listener = listener;
	session->listener_data = data;
}
