#include "careerfit/balance.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "careerfit/i18n.h"
#include "careerfit/random.h"
#include "careerfit/score.h"

/* Balance scores many complete answer sets with the result's own scorer:
 * bounds over every question, worked out once. The search also keeps the
 * raw sums of its current answer set, so that trying another option of one
 * question costs one step per role instead of a new sum over every
 * question. */
struct balance_model {
	struct score_bounds bounds;
	double *raw; /* per role: the sums of the answer set last scored */
};

static bool model_init(struct balance_model *model, const struct quiz *quiz)
{
	*model = (struct balance_model){0};
	model->raw = calloc(quiz->role_count ? quiz->role_count : 1, sizeof(double));
	return model->raw && score_bounds_init(&model->bounds, quiz, NULL);
}

static void model_clear(struct balance_model *model)
{
	score_bounds_clear(&model->bounds);
	free(model->raw);
}

/* The affinities of one complete answer set, into AFFINITY; the model's
 * raw sums become that set's. */
static void model_score(struct balance_model *model, const int *answers, double *affinity)
{
	score_affinities(&model->bounds, answers, model->raw, affinity);
}

/* The raw sum of ROLE once question Q's answer changes from FROM to TO
 * (the answer set last scored or moved to answering Q with FROM). */
static double raw_after(const struct balance_model *model, size_t q, int from, int to, size_t role)
{
	const struct quiz_question *question = &model->bounds.quiz->questions[q];
	if (from == to)
		return model->raw[role];
	return model->raw[role] - question->weight * question->options[from].scores[role] +
	       question->weight * question->options[to].scores[role];
}

/* The affinities if question Q were answered TO instead of FROM, as
 * score_affinities works them out from the raw sums. */
static void model_try(const struct balance_model *model, size_t q, int from, int to,
		      double *affinity)
{
	const struct score_bounds *bounds = &model->bounds;
	for (size_t r = 0; r < bounds->role_count; r++) {
		double range = bounds->max[r] - bounds->min[r];
		double raw = raw_after(model, q, from, to, r);
		affinity[r] = range > 0 ? 100.0 * (raw - bounds->min[r]) / range : -1;
	}
}

/* Answers question Q with TO instead of FROM in the model's sums. */
static void model_move(struct balance_model *model, size_t q, int from, int to)
{
	for (size_t r = 0; r < model->bounds.role_count; r++)
		model->raw[r] = raw_after(model, q, from, to, r);
}

/* How far ROLE is ahead of the best other role (negative: behind). */
static double lead_of(const double *affinity, size_t role_count, size_t role)
{
	double other = -1;
	for (size_t r = 0; r < role_count; r++)
		if (r != role && affinity[r] > other)
			other = affinity[r];
	return affinity[role] - other;
}

/* Tallies one answer set: every role within the tie margin of the best is
 * a top role; a lone top role is a sole top. */
static void tally(const double *affinity, struct balance_report *report)
{
	double best = -1;
	for (size_t r = 0; r < report->role_count; r++)
		best = affinity[r] > best ? affinity[r] : best;
	if (best < 0)
		return;
	size_t tops = 0, last = 0;
	for (size_t r = 0; r < report->role_count; r++) {
		if (affinity[r] >= 0 && best - affinity[r] <= SCORE_TIE_MARGIN) {
			report->roles[r].top_share += 1;
			tops++;
			last = r;
		}
	}
	if (tops == 1) {
		report->roles[last].sole_top_share += 1;
		report->roles[last].can_be_sole_top = true;
	}
}

/* Hill-climbs from ANSWERS, one question at a time, to widen ROLE's lead;
 * returns the lead reached. The model's sums and AFFINITY must be those of
 * ANSWERS. Used when random answering never made ROLE the sole top. Each
 * option is tried on the running sums, so a pass over every option of
 * every question costs options times roles. */
static double climb(struct balance_model *model, int *answers, double *affinity, size_t role)
{
	const struct quiz *quiz = model->bounds.quiz;
	double lead = lead_of(affinity, quiz->role_count, role);
	for (bool improved = true; improved;) {
		double start = lead;
		for (size_t q = 0; q < quiz->question_count; q++) {
			int kept = answers[q];
			for (size_t o = 0; o < quiz->questions[q].option_count; o++) {
				model_try(model, q, answers[q], (int)o, affinity);
				double tried = lead_of(affinity, quiz->role_count, role);
				if (tried > lead + 1e-12) {
					lead = tried;
					kept = (int)o;
				}
			}
			model_move(model, q, answers[q], kept);
			answers[q] = kept;
		}
		/* Sums updated step by step can drift from sums added up afresh
		 * in the last bits: each pass ends on fresh ones, so the lead is
		 * exactly the answer set's, and the climb goes on only while that
		 * grows (it always does after a move when the sums are exact), so
		 * it cannot cycle. */
		model_score(model, answers, affinity);
		lead = lead_of(affinity, quiz->role_count, role);
		improved = lead > start + 1e-12;
	}
	return lead;
}

/* Answers every question with ROLE's best option; the affinity that gives
 * is the role's highest (100 unless no question can move it). */
static void best_answers(const struct quiz *quiz, size_t role, int *answers)
{
	for (size_t q = 0; q < quiz->question_count; q++) {
		const struct quiz_question *question = &quiz->questions[q];
		answers[q] = 0;
		for (size_t o = 1; o < question->option_count; o++)
			if (question->options[o].scores[role] >
			    question->options[answers[q]].scores[role])
				answers[q] = (int)o;
	}
}

static void search_extremes(struct balance_model *model, int *answers, double *affinity,
			    struct balance_report *report)
{
	const struct quiz *quiz = model->bounds.quiz;
	for (size_t r = 0; r < quiz->role_count; r++) {
		best_answers(quiz, r, answers);
		model_score(model, answers, affinity);
		report->roles[r].best_affinity = affinity[r];
		if (!report->roles[r].can_be_sole_top && affinity[r] >= 0)
			report->roles[r].can_be_sole_top =
				climb(model, answers, affinity, r) > SCORE_TIE_MARGIN;
	}
}

/* Every option's weighted scores in one array, question after question,
 * so that drawing an answer set walks memory in order instead of chasing
 * each option's own allocation: at 100,000 questions the random answer
 * sets are nearly all of balance's work. Each product is the one
 * score_affinities() forms, and the sums are taken in the same order, so
 * the affinities are the scorer's to the last bit. */
struct flat_quiz {
	double *scores; /* option after option, role_count each */
	size_t *first;	/* per question: its first option's index; one more at the end */
};

static bool flat_init(struct flat_quiz *flat, const struct quiz *quiz)
{
	size_t options = 0, roles = quiz->role_count;
	for (size_t q = 0; q < quiz->question_count; q++)
		options += quiz->questions[q].option_count;
	flat->scores = calloc(options * roles + 1, sizeof(double));
	flat->first = calloc(quiz->question_count + 1, sizeof(size_t));
	if (!flat->scores || !flat->first)
		return false;
	size_t at = 0;
	for (size_t q = 0; q < quiz->question_count; q++) {
		const struct quiz_question *question = &quiz->questions[q];
		flat->first[q] = at;
		for (size_t o = 0; o < question->option_count; o++, at++)
			for (size_t r = 0; r < roles; r++)
				flat->scores[at * roles + r] =
					question->weight * question->options[o].scores[r];
	}
	flat->first[quiz->question_count] = at;
	return true;
}

static void flat_clear(struct flat_quiz *flat)
{
	free(flat->scores);
	free(flat->first);
}

/* One random answer set's affinities, drawn as the search's answers would
 * be (one draw per question, in order). */
static void flat_sample(const struct flat_quiz *flat, const struct score_bounds *bounds,
			uint64_t *state, double *raw, double *affinity)
{
	const struct quiz *quiz = bounds->quiz;
	size_t roles = bounds->role_count;
	memset(raw, 0, roles * sizeof(double));
	for (size_t q = 0; q < quiz->question_count; q++) {
		size_t first = flat->first[q], count = flat->first[q + 1] - first;
		const double *scores = &flat->scores[(first + random_next(state) % count) * roles];
		for (size_t r = 0; r < roles; r++)
			raw[r] += scores[r];
	}
	for (size_t r = 0; r < roles; r++) {
		double range = bounds->max[r] - bounds->min[r];
		affinity[r] = range > 0 ? 100.0 * (raw[r] - bounds->min[r]) / range : -1;
	}
}

size_t balance_samples(size_t question_count)
{
	size_t fitting = question_count ? BALANCE_DRAWS / question_count : BALANCE_SAMPLES;
	return fitting >= BALANCE_SAMPLES	? BALANCE_SAMPLES
	       : fitting <= BALANCE_MIN_SAMPLES ? BALANCE_MIN_SAMPLES
						: fitting;
}

bool balance_compute(const struct quiz *quiz, size_t samples, uint64_t seed,
		     struct balance_report *report)
{
	*report = (struct balance_report){.role_count = quiz->role_count, .samples = samples};
	struct balance_model model;
	struct flat_quiz flat = {0};
	int *answers = calloc(quiz->question_count ? quiz->question_count : 1, sizeof(int));
	double *affinity = calloc(quiz->role_count ? quiz->role_count : 1, sizeof(double));
	report->roles = calloc(quiz->role_count ? quiz->role_count : 1, sizeof(*report->roles));
	bool ok = model_init(&model, quiz) && flat_init(&flat, quiz) && answers && affinity &&
		  report->roles;
	uint64_t state = seed;
	for (size_t s = 0; ok && s < samples; s++) {
		flat_sample(&flat, &model.bounds, &state, model.raw, affinity);
		tally(affinity, report);
	}
	flat_clear(&flat);
	for (size_t r = 0; ok && samples && r < quiz->role_count; r++) {
		report->roles[r].top_share /= (double)samples;
		report->roles[r].sole_top_share /= (double)samples;
	}
	if (ok)
		search_extremes(&model, answers, affinity, report);
	model_clear(&model);
	free(answers);
	free(affinity);
	if (!ok)
		balance_report_clear(report);
	return ok;
}

void balance_report_clear(struct balance_report *report)
{
	free(report->roles);
	*report = (struct balance_report){0};
}

/* Whether choosing between the options of QUESTION moves every role by
 * the same amount, so that it cannot tell the roles apart. */
static bool question_is_blind(const struct quiz *quiz, size_t question)
{
	const struct quiz_question *q = &quiz->questions[question];
	for (size_t o = 1; o < q->option_count; o++) {
		const double *a = q->options[0].scores, *b = q->options[o].scores;
		/* Scores like 0.1 and 0.3 do not subtract exactly. */
		for (size_t r = 1; r < quiz->role_count; r++)
			if (fabs((b[r] - a[r]) - (b[0] - a[0])) > 1e-9)
				return false;
	}
	return true;
}

void balance_warn(const struct quiz *quiz, const struct balance_report *report,
		  struct diag_list *diags)
{
	/* Fair among the roles that can score at all. */
	size_t scored = 0;
	for (size_t r = 0; r < report->role_count; r++)
		scored += report->roles[r].best_affinity >= 0;
	double fair = scored ? 1.0 / (double)scored : 0;
	double low = BALANCE_LOW_FACTOR * fair, high = BALANCE_HIGH_FACTOR * fair;
	for (size_t r = 0; r < report->role_count; r++) {
		const struct quiz_role *role = &quiz->roles[r];
		const struct balance_role *figures = &report->roles[r];
		if (figures->best_affinity < 0)
			continue; /* the loader warned: no option scores it */
		if (!figures->can_be_sole_top)
			diag_add(diags, DIAG_WARNING, role->file, role->line,
				 _("role '%s' can never be the sole top result"), role->id);
		if (figures->top_share < low)
			diag_add(diags, DIAG_WARNING, role->file, role->line,
				 /* TRANSLATORS: %s is a role's id; the three numbers
				  * are percentages: how often it came out on top,
				  * then the lower and the upper end of a fair share. */
				 _("role '%s' is starved: top in only %.1f%% of random answer "
				   "sets (aim for %.1f%% to %.1f%%)"),
				 role->id, 100 * figures->top_share, 100 * low, 100 * high);
		else if (figures->top_share > high)
			diag_add(diags, DIAG_WARNING, role->file, role->line,
				 /* TRANSLATORS: %s is a role's id; the three numbers
				  * are percentages: how often it came out on top,
				  * then the lower and the upper end of a fair share. */
				 _("role '%s' is favoured: top in %.1f%% of random answer sets "
				   "(aim for %.1f%% to %.1f%%)"),
				 role->id, 100 * figures->top_share, 100 * low, 100 * high);
	}
	for (size_t q = 0; q < quiz->question_count; q++) {
		const struct quiz_question *question = &quiz->questions[q];
		/* All-alike options are the loader's warning already. */
		if (question_is_blind(quiz, q) && !quiz_options_alike(quiz, q))
			diag_add(diags, DIAG_WARNING, question->file, question->line,
				 _("question '%s' does not tell the roles apart: each option "
				   "moves every role by the same amount"),
				 question->id);
	}
}
