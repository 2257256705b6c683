/* How long `validate --balance` takes on a quiz: loading plus the 20,000
 * answer-set Monte Carlo and the search for sole-top answers. The goal is
 * "fast enough to run on every save": well under a second for the bundled
 * bank. Run with `meson test -C build --benchmark` or directly:
 *   build/bench/bench-balance quizzes/product-roles.cfg
 * With --sizes [MAX] it writes quizzes of 1,000, 10,000 and 100,000
 * questions (up to MAX), one symmetric and one with a starved role that
 * only the search can make the sole top, and times the balance of each:
 * the search must cost little beside the Monte Carlo, at any size. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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
	bool ok =
		balance_compute(quiz, balance_samples(quiz->question_count), BALANCE_SEED, &report);
	balance_report_clear(&report);
	quiz_free(quiz);
	return ok;
}

/* Four roles, COUNT questions of four options. Symmetric: option o of
 * question q scores role (o + q) % 4, so every role has the same chances.
 * Starved: the first STARVED_QUESTIONS questions give d, a, b or c one
 * point; every other question scores a, b and c in three options of four
 * and d nowhere, so a, b and c sit near 75% while d needs 19 of its 24
 * questions to pass them, which random answering never does. */
#define STARVED_QUESTIONS 24

static void write_question(FILE *file, size_t q, bool starved)
{
	static const char *const symmetric[] = {"a = 1;", "b = 1;", "c = 1;", "d = 1;"};
	static const char *const special[] = {"d = 1;", "a = 1;", "b = 1;", "c = 1;"};
	static const char *const bulk[] = {"a = 1; b = 1;", "b = 1; c = 1;", "c = 1; a = 1;",
					   "a = 1; b = 1; c = 1;"};
	fprintf(file, "%s{ id = \"q%zu\"; prompt = \"Question %zu?\"; options = (", q ? "," : "", q,
		q);
	for (size_t o = 0; o < 4; o++) {
		const char *scores = !starved		     ? symmetric[(o + q) % 4]
				     : q < STARVED_QUESTIONS ? special[o]
							     : bulk[o];
		fprintf(file, "%s { text = \"O%zu\"; scores = { %s }; }", o ? "," : "", o, scores);
	}
	fputs(" ); }\n", file);
}

static bool write_quiz(const char *path, size_t count, bool starved)
{
	FILE *file = fopen(path, "w");
	if (!file)
		return false;
	fputs("id = \"big\"; title = \"Big\";\n"
	      "roles = ( { id = \"a\"; name = \"A\"; }, { id = \"b\"; name = \"B\"; },\n"
	      "  { id = \"c\"; name = \"C\"; }, { id = \"d\"; name = \"D\"; } );\n"
	      "scenarios = ( { id = \"s\"; title = \"S\"; questions = (\n",
	      file);
	for (size_t q = 0; q < count; q++)
		write_question(file, q, starved);
	fputs(") } );\n", file);
	return fclose(file) == 0;
}

/* The best of RUNS balances of a quiz of COUNT questions, in seconds, or
 * a negative number on failure. *CLIMBED tells whether role d was found
 * the sole top only by the search (no random answer set made it so). */
static double time_size(const char *path, size_t count, bool starved, int runs, bool *climbed)
{
	struct diag_list diags = {0};
	struct quiz *quiz = write_quiz(path, count, starved) ? quiz_load(path, &diags) : NULL;
	diag_list_clear(&diags);
	if (!quiz)
		return -1;
	double best = 1e9;
	for (int run = 0; run < runs && best >= 0; run++) {
		struct timespec start;
		struct balance_report report;
		clock_gettime(CLOCK_MONOTONIC, &start);
		if (!balance_compute(quiz, balance_samples(quiz->question_count), BALANCE_SEED,
				     &report)) {
			best = -1;
			break;
		}
		double taken = seconds_since(&start);
		best = taken < best ? taken : best;
		const struct balance_role *d = &report.roles[3];
		*climbed = d->can_be_sole_top && d->sole_top_share == 0;
		balance_report_clear(&report);
	}
	quiz_free(quiz);
	return best;
}

static int run_sizes(size_t max)
{
	char path[] = "/tmp/careerfit-bench-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return EXIT_FAILURE;
	close(fd);
	static const size_t sizes[] = {1000, 10000, 100000};
	for (size_t i = 0; i < sizeof(sizes) / sizeof(*sizes) && sizes[i] <= max; i++) {
		int runs = sizes[i] < 100000 ? 3 : 1;
		bool ignored, climbed = false;
		double symmetric = time_size(path, sizes[i], false, runs, &ignored);
		double starved = time_size(path, sizes[i], true, runs, &climbed);
		if (symmetric < 0 || starved < 0) {
			fprintf(stderr, "bench-balance: the quiz of %zu questions failed\n",
				sizes[i]);
			unlink(path);
			return EXIT_FAILURE;
		}
		printf("%7zu questions: symmetric %9.1f ms, starved %9.1f ms, ratio %.2f%s\n",
		       sizes[i], symmetric * 1000, starved * 1000, starved / symmetric,
		       climbed ? "" : " (the search did not run)");
	}
	unlink(path);
	return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--sizes") == 0)
		return run_sizes(argc > 2 ? strtoul(argv[2], NULL, 10) : 100000);
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
