/* Linear time on any input: how long careerfit takes to load and validate
 * a quiz of N questions, beside libconfig's own parse of the same file
 * (the floor: careerfit parses with it, then checks; the floor includes
 * config_destroy, which any reader of the file pays, and so does
 * quiz_load), for growing N; and
 * how long wrapping one word of a megabyte takes. The goals: loading within
 * twice libconfig's parse at 100,000 questions, and a ratio that stays flat
 * as N grows (quadratic work would make it climb). Run with
 * `meson test -C build --benchmark` or build/bench/bench-load. */
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "careerfit/quiz.h"
#include "careerfit/text.h"

static double now(void)
{
	struct timespec time;
	clock_gettime(CLOCK_MONOTONIC, &time);
	return (double)time.tv_sec + (double)time.tv_nsec / 1e9;
}

/* A valid quiz of COUNT questions, two options each, in PATH. */
static bool write_quiz(const char *path, size_t count)
{
	FILE *file = fopen(path, "w");
	if (!file)
		return false;
	fputs("id = \"big\"; title = \"Big\";\n"
	      "roles = ( { id = \"a\"; name = \"Alpha\"; }, { id = \"b\"; name = \"Beta\"; } );\n"
	      "scenarios = ( { id = \"s\"; title = \"S\"; questions = (\n",
	      file);
	for (size_t q = 0; q < count; q++)
		fprintf(file,
			"%s{ id = \"q%zu\"; prompt = \"Question %zu?\"; options = ( { text = "
			"\"First\"; scores = { a = 1; }; }, { text = \"Second\"; scores = { b = "
			"1; }; } ); }\n",
			q ? "," : "", q, q);
	fputs(") } );\n", file);
	return fclose(file) == 0;
}

/* The best of RUNS timings of libconfig's parse and of quiz_load. */
static bool time_load(const char *path, int runs, double *parse, double *load)
{
	*parse = *load = 1e9;
	for (int run = 0; run < runs; run++) {
		config_t config;
		config_init(&config);
		double start = now();
		bool parsed = config_read_file(&config, path);
		config_destroy(&config);
		double taken = now() - start;
		*parse = taken < *parse ? taken : *parse;
		struct diag_list diags = {0};
		start = now();
		struct quiz *quiz = quiz_load(path, &diags);
		taken = now() - start;
		*load = taken < *load ? taken : *load;
		bool ok = parsed && quiz && diags.count == 0;
		quiz_free(quiz);
		diag_list_clear(&diags);
		if (!ok)
			return false;
	}
	return true;
}

static double time_wrap(size_t length)
{
	char *word = malloc(length + 1);
	memset(word, 'x', length);
	word[length] = '\0';
	struct text_lines lines;
	double start = now();
	bool ok = text_wrap(word, 76, &lines);
	double taken = now() - start;
	if (ok)
		text_lines_clear(&lines);
	free(word);
	return ok ? taken : -1;
}

int main(void)
{
	char path[] = "/tmp/careerfit-bench-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return EXIT_FAILURE;
	close(fd);
	static const size_t sizes[] = {1000, 10000, 100000};
	for (size_t i = 0; i < sizeof(sizes) / sizeof(*sizes); i++) {
		double parse, load;
		if (!write_quiz(path, sizes[i]) || !time_load(path, 3, &parse, &load)) {
			fprintf(stderr, "bench-load: the quiz of %zu questions did not load\n",
				sizes[i]);
			unlink(path);
			return EXIT_FAILURE;
		}
		printf("%7zu questions: libconfig parse %8.1f ms, quiz_load %8.1f ms, ratio %.2f\n",
		       sizes[i], parse * 1000, load * 1000, load / parse);
	}
	unlink(path);
	for (size_t length = 1u << 16; length <= 1u << 20; length <<= 2)
		printf("wrap one word of %7zu bytes: %8.2f ms\n", length, time_wrap(length) * 1000);
	return EXIT_SUCCESS;
}
