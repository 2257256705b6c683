#include "careerfit/outcome.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "careerfit/i18n.h"

struct outcome *outcome_new(const struct quiz *quiz, const int *answers)
{
	struct outcome *outcome = calloc(1, sizeof(*outcome));
	if (!outcome)
		return NULL;
	*outcome = (struct outcome){.quiz = quiz};
	outcome->answers = malloc((quiz->question_count + 1) * sizeof(int));
	if (!outcome->answers)
		goto err;
	memcpy(outcome->answers, answers, quiz->question_count * sizeof(int));
	if (!score_compute(quiz, answers, &outcome->score))
		goto err;
	if (!clarity_assess(quiz, answers, &outcome->score, &outcome->clarity))
		goto err;
	return outcome;
err:
	outcome_free(outcome);
	return NULL;
}

void outcome_free(struct outcome *outcome)
{
	if (!outcome)
		return;
	score_result_clear(&outcome->score);
	free(outcome->answers);
	free(outcome);
}

bool outcome_claims_fit(const struct outcome *outcome)
{
	return outcome->clarity.band != CLARITY_INSUFFICIENT;
}

int outcome_runner_up(const struct outcome *outcome)
{
	return outcome->score.has_runner_up ? (int)outcome->score.runner_up : -1;
}

__attribute__((format(printf, 1, 2))) static char *text_format(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	int length = vsnprintf(NULL, 0, format, args);
	va_end(args);
	char *text = length >= 0 ? malloc((size_t)length + 1) : NULL;
	if (text) {
		va_start(args, format);
		vsnprintf(text, (size_t)length + 1, format, args);
		va_end(args);
	}
	return text;
}

/* The top roles' names: "A", "A and B", "A, B and C". Each step is a
 * whole pattern, so that a language may join a list its own way. */
/* "A", "A and B", "A, B and C": the names of the roles ranked FIRST to
 * LAST (excluded). */
static char *ranked_names(const struct outcome *outcome, size_t first, size_t last)
{
	const struct score_result *score = &outcome->score;
	if (first >= last)
		return strdup("");
	char *names = strdup(outcome->quiz->roles[score->ranking[first]].name);
	for (size_t i = first + 1; names && i < last; i++) {
		const char *name = outcome->quiz->roles[score->ranking[i]].name;
		char *longer = i + 1 == last
				       /* TRANSLATORS: the last two of a list of role names,
					* "Product Manager and Product Owner"; the first %s
					* may already be a list ("A, B"). */
				       ? text_format(_("%1$s and %2$s"), names, name)
				       /* TRANSLATORS: a list of role names going on,
					* "Product Manager, Product Owner"; the last step
					* is "%1$s and %2$s". */
				       : text_format(_("%1$s, %2$s"), names, name);
		free(names);
		names = longer;
	}
	return names;
}

static char *top_names(const struct outcome *outcome)
{
	return ranked_names(outcome, 0, outcome->score.top_count);
}

/* Where the runner-up's place is shared: the end of the ranking's run of
 * roles as close to the runner-up as the top roles are to each other. */
static size_t runner_up_end(const struct outcome *outcome)
{
	const struct score_result *score = &outcome->score;
	size_t end = score->top_count;
	if (!score->has_runner_up)
		return end;
	double second = score->roles[score->runner_up].affinity;
	while (end < score->role_count && score->roles[score->ranking[end]].defined &&
	       second - score->roles[score->ranking[end]].affinity <= SCORE_TIE_MARGIN)
		end++;
	return end;
}

/* Two whole sentences, one after the other. */
static char *sentences(char *first, char *second)
{
	/* TRANSLATORS: two sentences one after the other; change the space
	 * only where your language sets sentences apart otherwise. */
	char *text = first && second ? text_format(_("%1$s %2$s"), first, second) : NULL;
	free(first);
	free(second);
	return text;
}

/* The runner-up's name, or "B and C" when roles share its place. */
static char *runner_up_names(const struct outcome *outcome)
{
	return ranked_names(outcome, outcome->score.top_count, runner_up_end(outcome));
}

char *outcome_headline(const struct outcome *outcome)
{
	const struct clarity *clarity = &outcome->clarity;
	if (clarity->band == CLARITY_INSUFFICIENT)
		return strdup(_("Not enough answers yet to suggest a role"));
	char *names = top_names(outcome), *headline = NULL;
	char *next = runner_up_names(outcome);
	bool hybrid = outcome->score.top_count > 1;
	bool shared = runner_up_end(outcome) > outcome->score.top_count + 1;
	if (!names || !next) {
		free(names);
		free(next);
		return NULL;
	}
	if (clarity->band == CLARITY_CLEAR && hybrid)
		/* TRANSLATORS: the headlines of a result. %1$s is one role's name
		 * or a list of them ("A and B"); "a hybrid": the person fits two or
		 * more roles equally. %2$s is the next closest role's name. */
		headline = text_format(_("A clear fit: %s (a hybrid)"), names);
	else if (clarity->band == CLARITY_CLEAR)
		headline = text_format(_("A clear fit: %s"), names);
	else if (clarity->band == CLARITY_LEANING && hybrid)
		headline =
			text_format(shared ? _("You lean toward %1$s (a hybrid); next come %2$s")
					   : _("You lean toward %1$s (a hybrid); next comes %2$s"),
				    names, next);
	else if (clarity->band == CLARITY_LEANING)
		/* TRANSLATORS: "next come": %2$s is two or more roles sharing
		 * the next place. */
		headline = text_format(shared ? _("You lean toward %1$s; next come %2$s")
					      : _("You lean toward %1$s; next comes %2$s"),
				       names, next);
	else if (clarity->has_margin && shared) {
		char *all = ranked_names(outcome, 0, runner_up_end(outcome));
		/* TRANSLATORS: %s: every role in it, "A, B and C". */
		headline = all ? text_format(_("A close call between %s"), all) : NULL;
		free(all);
	} else if (clarity->has_margin)
		/* TRANSLATORS: %1$s: the top role's name, or a list of them;
		 * %2$s: the next closest role's name. */
		headline = text_format(_("A close call between %1$s and %2$s"), names, next);
	else
		headline = strdup(_("A close call: your answers favour no role over another"));
	free(names);
	free(next);
	return headline;
}

static char *insufficient_words(const struct outcome *outcome)
{
	const struct score_result *score = &outcome->score;
	size_t total = score->answered + score->skipped, needed = outcome->clarity.needed;
	if (score->answered < needed) {
		size_t more = needed - score->answered;
		return sentences(text_format(P_("You answered %zu of %zu question.",
						"You answered %zu of %zu questions.", total),
					     score->answered, total),
				 text_format(P_("Answer at least %zu more and careerfit can say "
						"which roles your answers point to; until then, "
						"read the bars only as a first impression.",
						"Answer at least %zu more and careerfit can say "
						"which roles your answers point to; until then, "
						"read the bars only as a first impression.",
						more),
					     more));
	}
	return strdup(_("None of your answers so far tells the roles apart. Answer more "
			"questions and careerfit can say which roles they point to."));
}

/* How often answering at random leads by as much, and what that means
 * for the band: one whole sentence for each. A band follows from the
 * chance (clarity.h), so "fewer than 1 in 100" is always clear and
 * "nearly everyone" always close. */
/* A clear result says what the answers show, and what they cannot. */
static char *clear_caveat(char *chance)
{
	return sentences(chance, strdup(_("That is what you prefer, not how well you would do "
					  "the work: try some of it before you decide.")));
}

/* MANY: more than two roles are in it (a hybrid top, or roles sharing the
 * next place), which "both" would not cover. */
static char *chance_words(enum clarity_band band, double chance, bool many)
{
	long in_100 = (long)(chance * 100 + 0.5); /* chance is never negative */
	if (band == CLARITY_CLEAR && in_100 < 1)
		return clear_caveat(
			strdup(_("Answering at random, fewer than 1 in 100 people would get a "
				 "lead that large, so your answers point to it clearly, not by "
				 "chance.")));
	if (band == CLARITY_CLOSE && in_100 >= 100)
		return strdup(many ? _("Answering at random, nearly everyone would get a lead "
				       "that large, so your answers fit these roles about as "
				       "well. Explore them before you choose.")
				   : _("Answering at random, nearly everyone would get a lead "
				       "that large, so your answers fit both about as well. "
				       "Explore both before you choose."));
	in_100 = in_100 < 1 ? 1 : in_100 > 99 ? 99 : in_100;
	if (band == CLARITY_CLEAR)
		/* TRANSLATORS: %ld is a number of people out of 100. */
		return clear_caveat(text_format(
			P_("Answering at random, about %ld in 100 people would get a lead that "
			   "large, so your answers point to it clearly, not by chance.",
			   "Answering at random, about %ld in 100 people would get a lead that "
			   "large, so your answers point to it clearly, not by chance.",
			   in_100),
			in_100));
	if (band == CLARITY_LEANING && many)
		/* TRANSLATORS: %ld is a number of people out of 100. */
		return text_format(P_("Answering at random, about %ld in 100 people would get "
				      "a lead that large, so take it as a leaning, not a "
				      "verdict: try some of the work of these roles before you "
				      "choose.",
				      "Answering at random, about %ld in 100 people would get "
				      "a lead that large, so take it as a leaning, not a "
				      "verdict: try some of the work of these roles before you "
				      "choose.",
				      in_100),
				   in_100);
	if (band == CLARITY_LEANING)
		/* TRANSLATORS: %ld is a number of people out of 100. */
		return text_format(P_("Answering at random, about %ld in 100 people would get "
				      "a lead that large, so take it as a leaning, not a "
				      "verdict: try some of the work of both roles before you "
				      "choose.",
				      "Answering at random, about %ld in 100 people would get "
				      "a lead that large, so take it as a leaning, not a "
				      "verdict: try some of the work of both roles before you "
				      "choose.",
				      in_100),
				   in_100);
	if (many)
		/* TRANSLATORS: %ld is a number of people out of 100. */
		return text_format(P_("Answering at random, about %ld in 100 people would get a "
				      "lead that large, so your answers fit these roles about "
				      "as well. Explore them before you choose.",
				      "Answering at random, about %ld in 100 people would get a "
				      "lead that large, so your answers fit these roles about "
				      "as well. Explore them before you choose.",
				      in_100),
				   in_100);
	/* TRANSLATORS: %ld is a number of people out of 100. */
	return text_format(P_("Answering at random, about %ld in 100 people would get a lead "
			      "that large, so your answers fit both about as well. Explore "
			      "both before you choose.",
			      "Answering at random, about %ld in 100 people would get a lead "
			      "that large, so your answers fit both about as well. Explore "
			      "both before you choose.",
			      in_100),
			   in_100);
}

/* How sure the result is: the lead, how often chance gives as much, and
 * what that means. */
static char *sureness_words(const struct outcome *outcome)
{
	const struct clarity *clarity = &outcome->clarity;
	if (clarity->band == CLARITY_INSUFFICIENT)
		return insufficient_words(outcome);
	if (!clarity->has_margin || !clarity->has_chance)
		return strdup(_("Every role you can be matched with scores the same on your "
				"answers. The debrief shows what each of your choices signals."));
	char *names = top_names(outcome);
	if (!names)
		return NULL;
	/* TRANSLATORS: %1$s: the top role's name, or a list of them (the
	 * count picks the form); %2$s: the next closest role's name; %3$.1f:
	 * the points of the lead, like 2.5. */
	char *next = runner_up_names(outcome);
	char *lead = text_format(P_("%1$s leads %2$s by %3$.1f points.",
				    "%1$s lead %2$s by %3$.1f points.", outcome->score.top_count),
				 names, next ? next : "", clarity->margin);
	free(names);
	free(next);
	return sentences(lead,
			 chance_words(clarity->band, clarity->chance, runner_up_end(outcome) > 2));
}

static void emit_line(outcome_emit *emit, void *data, enum outcome_part part, const char *prefix,
		      const char *text, int role)
{
	emit(&(struct outcome_line){.part = part, .prefix = prefix, .text = text, .role = role},
	     data);
}

static void emit_owned(outcome_emit *emit, void *data, enum outcome_part part, char *text, int role)
{
	if (text)
		emit_line(emit, data, part, "", text, role);
	free(text);
}

static void render_bars(const struct outcome *outcome, outcome_emit *emit, void *data)
{
	const struct score_result *score = &outcome->score;
	for (size_t i = 0; i < score->role_count; i++) {
		size_t r = score->ranking[i];
		const struct score_role *role = &score->roles[r];
		emit(&(struct outcome_line){.part = OUTCOME_BAR,
					    .prefix = "",
					    .text = outcome->quiz->roles[r].name,
					    .role = (int)r,
					    .value = role->defined ? role->affinity : -1},
		     data);
	}
}

static void render_role(const struct outcome *outcome, size_t r, bool runner_up, bool full,
			outcome_emit *emit, void *data)
{
	const struct quiz_role *role = &outcome->quiz->roles[r];
	emit_line(emit, data, OUTCOME_BLANK, "", "", -1);
	if (runner_up)
		emit_owned(emit, data, OUTCOME_HEADING,
			   text_format(_("Next closest: %s"), role->name), (int)r);
	else
		emit_line(emit, data, OUTCOME_HEADING, "", role->name, (int)r);
	if (*role->summary)
		emit_line(emit, data, OUTCOME_SUMMARY, "", role->summary, (int)r);
	if (full && !runner_up && *role->description)
		emit_line(emit, data, OUTCOME_TEXT, "", role->description, (int)r);
}

/* Whether the answer to Q pushed more toward a top role than toward R:
 * then it explains the top role, and is not repeated under R. */
static bool explains_a_top_role(const struct outcome *outcome, size_t q, size_t r)
{
	const double *scores = outcome->quiz->questions[q].options[outcome->answers[q]].scores;
	for (size_t i = 0; i < outcome->score.top_count; i++)
		if (outcome->score.ranking[i] != r &&
		    scores[outcome->score.ranking[i]] >= scores[r])
			return true;
	return false;
}

static void render_reasons(const struct outcome *outcome, size_t r, outcome_emit *emit, void *data)
{
	const struct quiz *quiz = outcome->quiz;
	struct score_reason found[OUTCOME_REASONS * 4], reasons[OUTCOME_REASONS];
	size_t count = 0,
	       candidates = score_reasons(quiz, outcome->answers, r, found, OUTCOME_REASONS * 4);
	bool runner_up = outcome_runner_up(outcome) == (int)r;
	for (size_t i = 0; i < candidates && count < OUTCOME_REASONS; i++)
		if (!runner_up || !explains_a_top_role(outcome, found[i].question, r))
			reasons[count++] = found[i];
	if (count == 0)
		return;
	emit_line(emit, data, OUTCOME_BLANK, "", "", -1);
	emit_owned(emit, data, OUTCOME_HEADING,
		   text_format(_("What pushed you toward %s"), quiz->roles[r].name), (int)r);
	for (size_t i = 0; i < count; i++) {
		const struct quiz_question *question = &quiz->questions[reasons[i].question];
		emit_line(emit, data, OUTCOME_BULLET, "", question->prompt, (int)r);
		emit_line(emit, data, OUTCOME_CHOSEN, _("you chose: "),
			  question->options[outcome->answers[reasons[i].question]].text, (int)r);
	}
}

static void render_next_steps(const struct outcome *outcome, size_t r, outcome_emit *emit,
			      void *data)
{
	const struct quiz_role *role = &outcome->quiz->roles[r];
	if (role->next_step_count == 0)
		return;
	emit_line(emit, data, OUTCOME_BLANK, "", "", -1);
	emit_owned(emit, data, OUTCOME_HEADING, text_format(_("Next steps toward %s"), role->name),
		   (int)r);
	for (size_t i = 0; i < role->next_step_count; i++)
		emit_line(emit, data, OUTCOME_BULLET, "", role->next_steps[i], (int)r);
}

/* The roles a result is about: the top ones, then the runner-up (-1 when
 * there is none); returns how many. */
static size_t roles_named(const struct outcome *outcome, int *roles)
{
	size_t count = 0;
	for (size_t i = 0; i < outcome->score.top_count; i++)
		roles[count++] = (int)outcome->score.ranking[i];
	if (outcome_runner_up(outcome) >= 0)
		roles[count++] = outcome_runner_up(outcome);
	return count;
}

void outcome_render(const struct outcome *outcome, bool full, outcome_emit *emit, void *data)
{
	const struct score_result *score = &outcome->score;
	emit_owned(emit, data, OUTCOME_HEADLINE, outcome_headline(outcome), -1);
	emit_owned(emit, data, OUTCOME_COUNT,
		   text_format(P_("Answered %zu of %zu question (%zu skipped).",
				  "Answered %zu of %zu questions (%zu skipped).",
				  score->answered + score->skipped),
			       score->answered, score->answered + score->skipped, score->skipped),
		   -1);
	emit_line(emit, data, OUTCOME_BLANK, "", "", -1);
	render_bars(outcome, emit, data);
	emit_line(emit, data, OUTCOME_NOTE, "",
		  /* xgettext: no-c-format */
		  _("A bar shows how far your answers went toward a role: 100% when every "
		    "answer was the one that favours it most, 0% when none was."),
		  -1);
	emit_line(emit, data, OUTCOME_BLANK, "", "", -1);
	emit_owned(emit, data, OUTCOME_SURENESS, sureness_words(outcome), -1);
	if (!outcome_claims_fit(outcome))
		return;
	int roles[QUIZ_MAX_ROLES + 1];
	size_t count = roles_named(outcome, roles);
	for (size_t i = 0; i < count; i++)
		render_role(outcome, (size_t)roles[i], i >= score->top_count, full, emit, data);
	if (!full)
		return;
	for (size_t i = 0; i < count; i++)
		render_reasons(outcome, (size_t)roles[i], emit, data);
	/* The runner-up's steps too when the result does not clearly pick. */
	if (outcome->clarity.band == CLARITY_CLEAR && count > score->top_count)
		count = score->top_count;
	for (size_t i = 0; i < count; i++)
		render_next_steps(outcome, (size_t)roles[i], emit, data);
}

static void render_question_debrief(const struct outcome *outcome, size_t q, outcome_order *order,
				    const void *order_data, outcome_emit *emit, void *data)
{
	const struct quiz *quiz = outcome->quiz;
	const struct quiz_question *question = &quiz->questions[q];
	char prefix[32], label[64], signals[512];
	snprintf(prefix, sizeof(prefix), "%zu. ", q + 1);
	emit_line(emit, data, OUTCOME_HEADING, prefix, question->prompt, -1);
	for (size_t position = 0; position < question->option_count; position++) {
		size_t o = order ? order(order_data, q, position) : position;
		bool chosen = outcome->answers[q] == (int)o;
		snprintf(prefix, sizeof(prefix), "%s %c) ", chosen ? ">" : " ",
			 (char)('a' + position));
		emit_line(emit, data, chosen ? OUTCOME_CHOSEN : OUTCOME_TEXT, prefix,
			  question->options[o].text, -1);
		score_describe_option(quiz, &question->options[o], signals, sizeof(signals));
		/* TRANSLATORS: before the roles an option counts toward,
		 * "Product Manager +2, Product Owner +1". */
		snprintf(label, sizeof(label), "      %s", _("signals: "));
		emit_line(emit, data, OUTCOME_TEXT, label, signals, -1);
	}
	if (outcome->answers[q] < 0)
		emit_line(emit, data, OUTCOME_TEXT, "",
			  _("You skipped this question: it counts toward no role."), -1);
	if (*question->debrief)
		emit_line(emit, data, OUTCOME_TEXT, _("Why: "), question->debrief, -1);
}

char *outcome_role_legend(const struct quiz *quiz)
{
	bool needed = false;
	char *legend = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&legend, &size);
	if (!out)
		return NULL;
	for (size_t r = 0; r < quiz->role_count; r++) {
		const struct quiz_role *role = &quiz->roles[r];
		needed |= strcmp(role->short_name, role->name) != 0;
		/* TRANSLATORS: one entry of the debrief's key to the roles' short
		 * names, "PM: Product Manager"; entries are joined by "; ". */
		fprintf(out, _("%1$s%2$s: %3$s"), r ? "; " : "", role->short_name, role->name);
	}
	if (fclose(out) != 0 || !needed) {
		free(legend);
		return NULL;
	}
	return legend;
}

void outcome_render_debrief(const struct outcome *outcome, outcome_order *order,
			    const void *order_data, outcome_emit *emit, void *data)
{
	char *legend = outcome_role_legend(outcome->quiz);
	if (legend)
		/* TRANSLATORS: before the key to the roles' short names at the
		 * top of the debrief. */
		emit_line(emit, data, OUTCOME_TEXT, _("Roles in short: "), legend, -1);
	free(legend);
	for (size_t q = 0; q < outcome->quiz->question_count; q++) {
		emit_line(emit, data, OUTCOME_BLANK, "", "", -1);
		render_question_debrief(outcome, q, order, order_data, emit, data);
	}
}
