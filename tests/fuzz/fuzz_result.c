/* The result reader on any bytes, as `careerfit report` meets a shared
 * room folder: a file is read or refused with a reason. */
#include <stdlib.h>

#include "careerfit/results.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *error = NULL;
	struct result_record *record = results_read(fuzz_write(data, size), &error);
	result_record_free(record);
	free(error);
	return 0;
}
