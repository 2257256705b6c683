/* Messages to the person at the terminal, from the front ends (never the
 * core): "careerfit: MESSAGE" on stderr, sanitised, since a message may
 * quote a command-line value or a file's text. */
#ifndef CAREERFIT_COMPLAIN_H
#define CAREERFIT_COMPLAIN_H

#include <stdarg.h>

void vcomplain(const char *format, va_list args);
__attribute__((format(printf, 1, 2))) void complain(const char *format, ...);

#endif
