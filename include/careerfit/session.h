/* A session is one person taking one quiz: the answers so far, where they
 * are, and the order the options are shown in. Front ends (plain mode, the
 * ncurses screens) only drive it; scoring reads its answers. */
#ifndef CAREERFIT_SESSION_H
#define CAREERFIT_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "careerfit/quiz.h"

/* An answer is an option's index in file order, or one of these. */
#define SESSION_UNANSWERED (-1)
#define SESSION_SKIPPED (-2)

struct session;

/* With SHUFFLE, each question's options get an order drawn from SEED (the
 * same seed gives the same order); without, they keep the file's order. */
struct session *session_new(const struct quiz *quiz, bool shuffle, uint64_t seed);
void session_free(struct session *session);

const struct quiz *session_quiz(const struct session *session);
/* Per question: the chosen option's index in file order, or SESSION_*. */
const int *session_answers(const struct session *session);
int session_answer_of(const struct session *session, size_t question);

/* The question being asked; question_count once past the last one. */
size_t session_current(const struct session *session);
bool session_finished(const struct session *session);
size_t session_answered_count(const struct session *session);

/* The option (file index) shown at POSITION on screen, and back. */
size_t session_option_at(const struct session *session, size_t question, size_t position);
size_t session_position_of(const struct session *session, size_t question, size_t option);

/* Records OPTION (file index) for the current question and moves on. */
bool session_answer(struct session *session, size_t option);
/* Marks the current question skipped and moves on. */
void session_skip(struct session *session);
/* Moves to the previous question; false at the first. */
bool session_back(struct session *session);
/* Moves to the next question if the current one has been answered or
 * skipped; false otherwise. */
bool session_forward(struct session *session);
/* Moves to QUESTION (question_count: past the last, to the review). */
void session_go_to(struct session *session, size_t question);
/* Sets one answer without moving; false for an option out of range. */
bool session_set_answer(struct session *session, size_t question, int answer);
/* Forgets every answer and goes back to the first question. */
void session_reset(struct session *session);

/* Called after every change of an answer or of the place, so that a front
 * end's owner can save progress without the front end knowing. */
typedef void session_listener(const struct session *session, void *data);
void session_set_listener(struct session *session, session_listener *listener, void *data);

#endif
