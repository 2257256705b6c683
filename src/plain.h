/* Plain mode: the quiz as plain lines of text, one answer read per line.
 * Used when stdin or stdout is not a terminal, or with --plain. */
#ifndef CAREERFIT_PLAIN_H
#define CAREERFIT_PLAIN_H

#include <stdbool.h>
#include <stdio.h>

#include "careerfit/session.h"

/* Asks every question of SESSION on OUT, reading answers from IN. Returns
 * true when every question was answered or skipped, false when the input
 * ended first (the session tells how far it got). IDLE, if not NULL, is
 * called with DATA each time a question is shown, before its line is read:
 * slow work there (flushing saved progress) keeps nobody waiting. */
bool plain_run(struct session *session, FILE *in, FILE *out, size_t width, void (*idle)(void *data),
	       void *data);

#endif
