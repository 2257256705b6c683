/* What the fuzz targets share: the bytes of one input written to a file in
 * a folder of the process's own, since the readers under test take paths
 * (as careerfit does: it reads files, never strings). */
#ifndef CAREERFIT_FUZZ_H
#define CAREERFIT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* The path of a file holding DATA; the same path on every call. */
const char *fuzz_write(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
