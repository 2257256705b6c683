/* `careerfit validate FILE...`: every problem in every file, GNU style. */
#ifndef CAREERFIT_VALIDATE_H
#define CAREERFIT_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

/* Checks each file, printing problems on stderr and "FILE: ok: ..." on
 * stdout for each valid one. True when no file has an error. */
bool validate_files(char *const paths[], size_t count, bool balance);

#endif
