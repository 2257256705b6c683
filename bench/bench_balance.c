/* How long `validate --balance` takes on a quiz: loading plus the 20,000
 * answer-set Monte Carlo and the search for sole-top answers. The goal is
 * "fast enough to run on every save": well under a second for the bundled
 * bank. Run with `meson test -C build --benchmark` or directly:
 *   build/bench/bench-balance quizzes/product-roles.cfg */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "careerfit/balance.h"
#include "careerfit/quiz.h"

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* One full `validate --balance` of PATH; false if the quiz does not load. */
static bool run_once(const char *path)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(path, &diags);
	diag_list_clear(&diags);
	if (!quiz)
		return false;
	struct balance_report report;
	bool ok = balance_compute(quiz, BALANCE_SAMPLES, BALANCE_SEED, &report);
	balance_report_clear(&report);
	quiz_free(quiz);
	return ok;
}

int main(int argc, char **argv)
{
	const int runs = 20;
	for (int i = 1; i < argc; i++) {
		struct timespec start;
		clock_gettime(CLOCK_MONOTONIC, &start);
		double best = 1e9, total = 0;
		for (int run = 0; run < runs; run++) {
			struct timespec one;
			clock_gettime(CLOCK_MONOTONIC, &one);
			if (!run_once(argv[i])) {
				fprintf(stderr, "bench-balance: %s does not load\n", argv[i]);
				return EXIT_FAILURE;
			}
			double taken = seconds_since(&one);
			best = taken < best ? taken : best;
			total += taken;
		}
		printf("%s: best %.1f ms, mean %.1f ms over %d runs of validate --balance\n",
		       argv[i], best * 1000, total / runs * 1000, runs);
	}
	return EXIT_SUCCESS;
}
