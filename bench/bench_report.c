/* How `careerfit report` scales with a room: the time and the peak memory
 * of the text report, --csv and --json over folders of 100 to 100,000
 * result files. A few real results are written first by careerfit itself
 * (--name, --save, --answers), then copied under other participants' names;
 * the folder grows from one size to the next. Each command is the best of
 * RUNS runs (one at 100,000 files), its memory the child's own ru_maxrss (from wait4). Time per
 * file and the growth from one size to the next (10 for linear work) say whether the report stays
 * linear. Everything lives under one folder in /tmp, removed at the end.
 *
 * Usage: bench-report CAREERFIT QUIZ-FILE */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common.h"

enum { SEED_COUNT = 4, RUNS = 3, BIG = 100000 };

/* Answers for the seed results (quick.cfg has ten questions): different
 * tops and bands, so that the report has something to count. */
static const char *const seed_answers[SEED_COUNT] = {
	"a,c,-,b,a,a,d,c,b,a",
	"d,a,b,c,d,a,b,c,d,a",
	"b,b,b,b,b,b,b,b,b,b",
	"c,d,a,-,-,c,d,a,b,c",
};

/* A result file cut around its participant's name. */
struct seed {
	char *text;
	size_t before;	   /* bytes up to the name */
	const char *after; /* from the closing quote on */
};

/* A command's best time and its largest peak resident set. */
struct measure {
	double seconds;
	long max_kib;
};

static volatile sig_atomic_t interrupted;

static void on_signal(int signal_number)
{
	interrupted = signal_number;
}

/* Runs ARGV with stdout to /dev/null, stderr too when QUIET;
 * false unless it exits 0. */
static bool run_command(char *const argv[], bool quiet, const char *state_dir, double *seconds,
			long *max_kib)
{
	double start = bench_now();
	pid_t pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		if (null < 0 || dup2(null, STDOUT_FILENO) < 0 || dup2(null, STDIN_FILENO) < 0 ||
		    (quiet && dup2(null, STDERR_FILENO) < 0))
			_exit(127);
		setenv("XDG_STATE_HOME", state_dir, 1);
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage usage;
	while (wait4(pid, &status, 0, &usage) != pid) {
		if (errno != EINTR)
			return false;
		kill(pid, SIGTERM); /* interrupted: the child goes too */
	}
	*seconds = bench_now() - start;
	*max_kib = usage.ru_maxrss; /* KiB on Linux */
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static char *read_whole(const char *path)
{
	FILE *file = fopen(path, "r");
	if (!file)
		return NULL;
	char *text = NULL;
	size_t size = 0;
	FILE *memory = open_memstream(&text, &size);
	int c;
	while (memory && (c = getc(file)) != EOF)
		putc(c, memory);
	fclose(file);
	if (!memory || fclose(memory) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* The one result file in DIR, cut around NAME. */
static bool seed_read(const char *dir, const char *name, struct seed *seed)
{
	DIR *folder = opendir(dir);
	if (!folder)
		return false;
	struct dirent *entry;
	char path[4096] = "";
	while ((entry = readdir(folder)))
		if (entry->d_name[0] != '.' &&
		    snprintf(path, sizeof(path), "%s/%s", dir, entry->d_name) >= (int)sizeof(path))
			path[0] = '\0'; /* too long: not ours */
	closedir(folder);
	char pattern[128];
	snprintf(pattern, sizeof(pattern), "participant = \"%s\";", name);
	seed->text = path[0] ? read_whole(path) : NULL;
	char *found = seed->text ? strstr(seed->text, pattern) : NULL;
	if (!found)
		return false;
	seed->before = (size_t)(found - seed->text) + strlen("participant = \"");
	seed->after = found + strlen("participant = \"") + strlen(name);
	return true;
}

/* Real results from careerfit, one per answer set, each in its own folder. */
static bool seeds_make(const char *scratch, char *const careerfit, char *const quiz,
		       struct seed seeds[])
{
	char state[4096], dir[4096], name[32];
	snprintf(state, sizeof(state), "%s/state", scratch);
	for (int i = 0; i < SEED_COUNT; i++) {
		snprintf(dir, sizeof(dir), "%s/seed-%d", scratch, i);
		snprintf(name, sizeof(name), "Seed %d", i);
		char *argv[] = {careerfit,
				"--name",
				name,
				"--save",
				dir,
				"--answers",
				(char *)seed_answers[i],
				quiz,
				NULL};
		double ignored;
		long ignored_kib;
		if (!run_command(argv, true, state, &ignored, &ignored_kib) ||
		    !seed_read(dir, name, &seeds[i])) {
			fprintf(stderr, "bench-report: careerfit did not save a result in %s\n",
				dir);
			return false;
		}
	}
	return true;
}

/* Result files FROM to TO - 1 in DIR, each a seed under a new name. */
static bool results_write(const char *dir, const struct seed seeds[], size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		const struct seed *seed = &seeds[i % SEED_COUNT];
		char path[4096];
		int length = snprintf(path, sizeof(path),
				      "%s/quick-Participant-%06zu-20261129-120000.cfg", dir, i);
		FILE *file = length < (int)sizeof(path) ? fopen(path, "w") : NULL;
		if (!file)
			return false;
		fwrite(seed->text, 1, seed->before, file);
		fprintf(file, "Participant %06zu%s", i, seed->after);
		if (fclose(file) != 0)
			return false;
	}
	return true;
}

static size_t count_lines(const char *path)
{
	FILE *file = fopen(path, "r");
	size_t lines = 0;
	int c;
	while (file && (c = getc(file)) != EOF)
		lines += c == '\n';
	if (file)
		fclose(file);
	return lines;
}

/* The best of RUNS runs of `careerfit report DIR EXTRA...`. */
static bool measure_report(char *careerfit, const char *scratch, char *dir, char *extra[], int runs,
			   struct measure *measure)
{
	char state[4096];
	snprintf(state, sizeof(state), "%s/state", scratch);
	char *argv[] = {careerfit, "report", dir, extra[0], extra[1], NULL};
	*measure = (struct measure){.seconds = 1e9};
	for (int run = 0; run < runs && !interrupted; run++) {
		double seconds;
		long kib;
		if (!run_command(argv, false, state, &seconds, &kib)) {
			fprintf(stderr, "bench-report: careerfit report %s %s failed\n", dir,
				extra[0] ? extra[0] : "");
			return false;
		}
		measure->seconds = seconds < measure->seconds ? seconds : measure->seconds;
		measure->max_kib = kib > measure->max_kib ? kib : measure->max_kib;
	}
	return !interrupted;
}

/* The three reports over the DIR of COUNT files, one line of figures. */
static bool measure_size(char *careerfit, const char *scratch, char *dir, size_t count,
			 double *previous)
{
	char csv[4096];
	snprintf(csv, sizeof(csv), "%s/room.csv", scratch);
	char *text_args[] = {NULL, NULL}, *csv_args[] = {"--csv", csv},
	     *json_args[] = {"--json", NULL};
	struct measure text, table, json;
	int runs = count >= BIG ? 1 : RUNS; /* 12 s a run, and little noise */
	if (!measure_report(careerfit, scratch, dir, text_args, runs, &text) ||
	    !measure_report(careerfit, scratch, dir, csv_args, runs, &table) ||
	    !measure_report(careerfit, scratch, dir, json_args, runs, &json))
		return false;
	if (count_lines(csv) != count + 1) {
		fprintf(stderr, "bench-report: the CSV of %zu files has %zu rows\n", count,
			count_lines(csv) - 1);
		return false;
	}
	char growth[16] = "-";
	if (*previous > 0)
		snprintf(growth, sizeof(growth), "%.1fx", text.seconds / *previous);
	printf("%7zu %9.1f %9.1f %9.1f %9.1f %7s %8.1f %8.1f %8.1f %8.1f\n", count,
	       text.seconds * 1e3, table.seconds * 1e3, json.seconds * 1e3,
	       text.seconds * 1e6 / (double)count, growth, text.max_kib / 1024.0,
	       table.max_kib / 1024.0, json.max_kib / 1024.0, (double)json.max_kib / (double)count);
	*previous = text.seconds;
	fflush(stdout);
	return true;
}

static void catch_signals(void)
{
	struct sigaction action = {.sa_handler = on_signal};
	sigemptyset(&action.sa_mask);
	sigaction(SIGINT, &action, NULL);
	sigaction(SIGTERM, &action, NULL);
	sigaction(SIGHUP, &action, NULL);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: bench-report CAREERFIT QUIZ-FILE\n");
		return 2;
	}
	catch_signals();
	char scratch[] = "/tmp/careerfit-bench-report-XXXXXX";
	if (!mkdtemp(scratch)) {
		perror("bench-report: mkdtemp");
		return EXIT_FAILURE;
	}
	struct seed seeds[SEED_COUNT] = {0};
	char results[4096];
	snprintf(results, sizeof(results), "%s/results", scratch);
	int status = EXIT_FAILURE;
	if (mkdir(results, 0755) != 0 || !seeds_make(scratch, argv[1], argv[2], seeds))
		goto out;
	printf("bench-report: careerfit report over N result files, best of %d runs (one at "
	       "%d);\n"
	       "growth: the text report's time over the size before (10x the files: 10x is "
	       "linear);\nMB: each command's peak resident memory; KB/file: --json's over the "
	       "files\n",
	       RUNS, BIG);
	printf("%7s %9s %9s %9s %9s %7s %8s %8s %8s %8s\n", "files", "text ms", "csv ms", "json ms",
	       "us/file", "growth", "text MB", "csv MB", "json MB", "KB/file");
	static const size_t sizes[] = {100, 1000, 10000, BIG};
	size_t written = 0;
	double previous = 0;
	for (size_t i = 0; i < sizeof(sizes) / sizeof(*sizes); i++) {
		if (!results_write(results, seeds, written, sizes[i])) {
			fprintf(stderr, "bench-report: cannot write the results in %s\n", results);
			goto out;
		}
		written = sizes[i];
		sync(); /* else the first report races the write-back of the new files */
		if (!measure_size(argv[1], scratch, results, written, &previous))
			goto out;
	}
	status = EXIT_SUCCESS;
out:
	if (interrupted)
		fprintf(stderr, "bench-report: interrupted\n");
	for (int i = 0; i < SEED_COUNT; i++)
		free(seeds[i].text);
	if (!bench_remove_tree(scratch))
		fprintf(stderr, "bench-report: could not remove all of %s\n", scratch);
	return status;
}
