/* What the benchmarks that run careerfit as a child share: a monotonic
 * clock, medians, and removing the scratch folders they leave in /tmp. */
#ifndef CAREERFIT_BENCH_COMMON_H
#define CAREERFIT_BENCH_COMMON_H

#include <stdbool.h>
#include <stddef.h>

/* Seconds on CLOCK_MONOTONIC, which no clock adjustment moves. */
double bench_now(void);

/* The median of COUNT values; sorts VALUES in place. 0 when COUNT is 0. */
double bench_median(double *values, size_t count);

/* Removes PATH and everything under it, symbolic links not followed. */
bool bench_remove_tree(const char *path);

#endif
