/* The quiz loader on any bytes: it must report problems, never crash, hang
 * or let libconfig end the process. Includes resolve in the input's
 * folder, or absolute: /proc, /dev and the like are within reach. */
#include "careerfit/quiz.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(fuzz_write(data, size), &diags);
	quiz_free(quiz);
	diag_list_clear(&diags);
	return 0;
}
