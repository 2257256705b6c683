/* The one gate to libconfig. libconfig 1.5 ends the whole process when
 * its scanner cannot read a file ("input in flex scanner failed"), blocks
 * for ever on a pipe, opens whatever an @include names, and slows down
 * with the square of a token's length. So every file careerfit parses
 * (quizzes, their includes, result files, progress files) is read here
 * first: opened once without blocking, checked to be a regular file on the
 * open descriptor, capped in size, and its includes expanded by us from
 * files read the same way. libconfig then parses text in memory in which
 * no @include is left, and can open nothing itself. */
#ifndef CAREERFIT_GUARD_H
#define CAREERFIT_GUARD_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>

#include "careerfit/diag.h"

#define GUARD_MAX_FILE (64u << 20)	  /* bytes in one file, and in all of a quiz */
#define GUARD_MAX_TOKEN (256u << 10)	  /* bytes in one string, comment or word */
#define GUARD_MAX_DEPTH 10		  /* includes within includes, as libconfig */
#define GUARD_LIBRARY_PREFIX "careerfit/" /* an @include of a bundled file */

struct guard_text;

/* Reads PATH, a KIND file ("quiz", "result"...: for messages). With
 * INCLUDES, each @include is read from INCLUDE_DIR (a
 * relative path) or as written (an absolute one) and put in its place;
 * without, an @include is an error. Every problem goes to DIAGS as
 * FILE:LINE: error; NULL when there is any. */
struct guard_text *guard_read(const char *path, const char *kind, bool includes,
			      const char *include_dir, struct diag_list *diags);
/* Reads the quiz PATH as guard_read() does with includes, and an @include
 * of "careerfit/NAME" for which INCLUDE_DIR holds no such file reads NAME
 * from LIBRARY_DIR (the bundled quizzes' folder) instead. */
struct guard_text *guard_read_quiz(const char *path, const char *include_dir,
				   const char *library_dir, struct diag_list *diags);
void guard_text_free(struct guard_text *text);

/* Parses TEXT into CONFIG (initialised by the caller); a syntax error goes
 * to DIAGS at its file and line. */
bool guard_parse(const struct guard_text *text, config_t *config, struct diag_list *diags);

/* Where line LINE (from 1) of the parsed text was written. */
void guard_origin(const struct guard_text *text, int line, const char **file, int *file_line);
/* Whether the text holds a run of 10 or more digits anywhere: without
 * one, no integer in it can be too large for libconfig. */
bool guard_long_numbers(const struct guard_text *text);
/* Line LINE of the parsed text, up to its end; NULL beyond the last. */
const char *guard_line(const struct guard_text *text, int line);

#endif
