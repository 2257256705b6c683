#include "careerfit/clarity.h"

#include <stdlib.h>
#include <string.h>

#include "careerfit/i18n.h"
#include "careerfit/random.h"

/* Margins closer than this are equal: affinities are sums of decimals. */
#define CLARITY_EPSILON 1e-9

struct chance_table {
	double *margins; /* ascending */
	size_t count;
	bool exact;
};

#define CLARITY_ID(name, id) [name] = id,
static const char *const band_ids[] = {CLARITY_BANDS(CLARITY_ID)};
#undef CLARITY_ID

const char *clarity_band_id(enum clarity_band band)
{
	return band < CLARITY_BAND_COUNT ? band_ids[band] : "";
}

/* The bands in words for people; the ids above stay in machine output. */
static const char *const band_words[] = {
	/* TRANSLATORS: how sure a result is, one word each, in the report's
	 * and the live room's charts (about 12 columns at most): clear (a
	 * clear fit), leaning (a leaning toward a role), close (a close call
	 * between roles), insufficient (too few answers to tell). */
	[CLARITY_CLEAR] = N_("clear"),
	[CLARITY_LEANING] = N_("leaning"),
	[CLARITY_CLOSE] = N_("close"),
	[CLARITY_INSUFFICIENT] = N_("insufficient"),
};

const char *clarity_band_word(enum clarity_band band)
{
	return band < CLARITY_BAND_COUNT ? _(band_words[band]) : "";
}

bool clarity_band_from_id(const char *id, enum clarity_band *band)
{
	for (int b = 0; id && b < CLARITY_BAND_COUNT; b++)
		if (strcmp(id, band_ids[b]) == 0) {
			*band = (enum clarity_band)b;
			return true;
		}
	return false;
}

size_t clarity_needed(size_t questions)
{
	size_t half = (questions + 1) / 2;
	return half < 6 ? half : 6;
}

enum clarity_band clarity_band_for(size_t answered, size_t needed, bool has_chance, double chance)
{
	if (answered < needed || answered == 0)
		return CLARITY_INSUFFICIENT;
	if (!has_chance)
		return CLARITY_CLOSE;
	if (chance < CLARITY_CLEAR_BELOW)
		return CLARITY_CLEAR;
	return chance < CLARITY_LEANING_BELOW ? CLARITY_LEANING : CLARITY_CLOSE;
}

/* How many answer sets the answered questions allow, or 0 beyond LIMIT. */
static size_t answer_sets(const struct score_bounds *bounds, size_t limit)
{
	size_t count = 1;
	for (size_t q = 0; q < bounds->quiz->question_count; q++) {
		if (!bounds->answered[q])
			continue;
		count *= bounds->quiz->questions[q].option_count;
		if (count > limit)
			return 0;
	}
	return count;
}

/* The next answer set in counting order (the answered questions as the
 * digits of a number); false after the last. */
static bool next_set(const struct score_bounds *bounds, int *answers)
{
	for (size_t q = 0; q < bounds->quiz->question_count; q++) {
		if (!bounds->answered[q])
			continue;
		if ((size_t)++answers[q] < bounds->quiz->questions[q].option_count)
			return true;
		answers[q] = 0;
	}
	return false;
}

static void random_set(const struct score_bounds *bounds, int *answers, uint64_t *state)
{
	for (size_t q = 0; q < bounds->quiz->question_count; q++)
		if (bounds->answered[q])
			answers[q] =
				(int)(random_next(state) % bounds->quiz->questions[q].option_count);
}

static int compare_margins(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Fills the table, one margin per answer set; a set in which every role
 * ties leads by nothing. */
static void fill_table(struct chance_table *table, const struct score_bounds *bounds, int *answers,
		       double *raw, double *affinity)
{
	uint64_t state = CLARITY_SEED;
	for (size_t i = 0; i < table->count; i++) {
		if (!table->exact)
			random_set(bounds, answers, &state);
		score_affinities(bounds, answers, raw, affinity);
		double margin = 0;
		score_lead(affinity, bounds->role_count, &margin, NULL);
		table->margins[i] = margin;
		if (table->exact)
			next_set(bounds, answers);
	}
	qsort(table->margins, table->count, sizeof(double), compare_margins);
}

struct chance_table *chance_table_new(const struct quiz *quiz, const int *answers)
{
	struct chance_table *table = calloc(1, sizeof(*table));
	struct score_bounds bounds = {0};
	size_t roles = quiz->role_count ? quiz->role_count : 1;
	int *set = calloc(quiz->question_count + 1, sizeof(int));
	double *raw = calloc(roles, sizeof(double)), *affinity = calloc(roles, sizeof(double));
	if (!table || !set || !raw || !affinity || !score_bounds_init(&bounds, quiz, answers))
		goto err;
	table->count = answer_sets(&bounds, CLARITY_EXACT_LIMIT);
	table->exact = table->count != 0;
	if (!table->exact)
		table->count = CLARITY_SAMPLES;
	table->margins = calloc(table->count, sizeof(double));
	if (!table->margins)
		goto err;
	fill_table(table, &bounds, set, raw, affinity);
	score_bounds_clear(&bounds);
	free(set);
	free(raw);
	free(affinity);
	return table;
err:
	score_bounds_clear(&bounds);
	free(set);
	free(raw);
	free(affinity);
	chance_table_free(table);
	return NULL;
}

void chance_table_free(struct chance_table *table)
{
	if (!table)
		return;
	free(table->margins);
	free(table);
}

double chance_table_share(const struct chance_table *table, double margin)
{
	/* The first margin not below MARGIN, by bisection. */
	size_t low = 0, high = table->count;
	while (low < high) {
		size_t middle = low + (high - low) / 2;
		if (table->margins[middle] < margin - CLARITY_EPSILON)
			low = middle + 1;
		else
			high = middle;
	}
	return table->count ? (double)(table->count - low) / (double)table->count : 1.0;
}

bool clarity_assess(const struct quiz *quiz, const int *answers, const struct score_result *result,
		    struct clarity *clarity)
{
	*clarity = (struct clarity){
		.needed = clarity_needed(quiz->question_count),
		.has_margin = result->has_runner_up,
		.margin = result->has_runner_up ? result->margin : 0,
	};
	if (result->has_runner_up && result->answered > 0) {
		struct chance_table *table = chance_table_new(quiz, answers);
		if (!table)
			return false;
		clarity->has_chance = true;
		clarity->chance = chance_table_share(table, result->margin);
		clarity->exact = table->exact;
		chance_table_free(table);
	}
	bool ranked = result->top_count > 0;
	clarity->band = clarity_band_for(ranked ? result->answered : 0, clarity->needed,
					 clarity->has_chance, clarity->chance);
	return true;
}
