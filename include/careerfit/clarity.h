/* How sure a result is, as docs/scoring.md describes: the top roles' lead
 * over the runner-up (the margin), the share of random answer sets over
 * the same questions that lead by as much (the chance), and a band named
 * in plain words from the chance. */
#ifndef CAREERFIT_CLARITY_H
#define CAREERFIT_CLARITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "careerfit/quiz.h"
#include "careerfit/score.h"

#define CLARITY_CLEAR_BELOW 0.05
#define CLARITY_LEANING_BELOW 0.25
/* Random answer sets are all enumerated up to this many; beyond, this many
 * are drawn with a fixed seed, so the same answers give the same chance. */
#define CLARITY_EXACT_LIMIT 65536
#define CLARITY_SAMPLES 40000
#define CLARITY_SEED UINT64_C(0x6361726565726669)

/* The bands, with the ids that --json, result files and reports use. */
#define CLARITY_BANDS(X)                                                                           \
	X(CLARITY_CLEAR, "clear")                                                                  \
	X(CLARITY_LEANING, "leaning")                                                              \
	X(CLARITY_CLOSE, "close")                                                                  \
	X(CLARITY_INSUFFICIENT, "insufficient")

#define CLARITY_ENUM(name, id) name,
enum clarity_band { CLARITY_BANDS(CLARITY_ENUM) CLARITY_BAND_COUNT };
#undef CLARITY_ENUM

struct clarity {
	enum clarity_band band;
	bool has_margin; /* false when no role is outside the top */
	double margin;
	bool has_chance;
	double chance;
	bool exact;    /* the chance was counted, not sampled */
	size_t needed; /* answers the quiz needs before it claims a fit */
};

const char *clarity_band_id(enum clarity_band band);
/* The band in words for people, translated ("clear" in English): for the
 * text report, the HTML page and the live room; machine output keeps the
 * id. */
const char *clarity_band_word(enum clarity_band band);
/* The band with this id; false when there is none. */
bool clarity_band_from_id(const char *id, enum clarity_band *band);

/* The answers a quiz of QUESTIONS questions needs for a result:
 * min(6, half the questions rounded up). */
size_t clarity_needed(size_t questions);
/* The band for a chance, or insufficient below NEEDED answers. */
enum clarity_band clarity_band_for(size_t answered, size_t needed, bool has_chance, double chance);

/* The margins of every random answer set over the questions that ANSWERS
 * answered (or a seeded sample of them), sorted: built once, it gives the
 * chance of any margin over those questions. */
struct chance_table;
struct chance_table *chance_table_new(const struct quiz *quiz, const int *answers);
void chance_table_free(struct chance_table *table);
/* The share of the table's answer sets whose margin is at least MARGIN. */
double chance_table_share(const struct chance_table *table, double margin);

/* The clarity of RESULT, which score_compute() made from ANSWERS. */
bool clarity_assess(const struct quiz *quiz, const int *answers, const struct score_result *result,
		    struct clarity *clarity);

#endif
