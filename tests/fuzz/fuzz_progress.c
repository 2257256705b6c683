/* The progress reader on any bytes, restoring into a session of a fixed
 * quiz: saved answers are kept, dropped or the file refused, never more. */
#include <stdlib.h>

#include "careerfit/progress.h"
#include "careerfit/session.h"
#include "fuzz.h"

static struct quiz *quiz;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!quiz) {
		struct diag_list diags = {0};
		quiz = quiz_load(FUZZ_QUIZ, &diags);
		diag_list_clear(&diags);
		if (!quiz)
			abort();
	}
	struct session *session = session_new(quiz, true, 1);
	struct progress_info info;
	progress_load(fuzz_write(data, size), session, &info);
	session_free(session);
	return 0;
}
