/* A small deterministic random generator (splitmix64): the same seed gives
 * the same numbers on every machine, which --seed and the balance figures
 * promise. Not for anything secret. */
#ifndef CAREERFIT_RANDOM_H
#define CAREERFIT_RANDOM_H

#include <stdint.h>

static inline uint64_t random_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

#endif
