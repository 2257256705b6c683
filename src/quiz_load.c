/* The quiz loader and validator. libconfig parses the file; everything
 * after that is ours: every rule of docs/quiz-format.md is checked here and
 * every breach is collected with the file and line of the setting at fault,
 * so that an author sees all of their mistakes in one run. */
#include "careerfit/quiz.h"

#include "careerfit/guard.h"
#include "careerfit/i18n.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <libconfig.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "config.h"

/* A set of ids, so that duplicates are found in one pass over a quiz of
 * any size: open addressing over strings the quiz (or libconfig) owns. */
struct id_set {
	const char **slots;
	size_t capacity, count;
	bool fold_case; /* glossary terms: "Backlog" is "backlog" */
};

enum id_added { ID_ADDED, ID_PRESENT, ID_NO_MEMORY };

struct loader {
	const char *path;    /* the top-level file, as the user named it */
	char *folder;	     /* its folder: includes are relative to it */
	const char *library; /* the bundled quizzes: "careerfit/..." includes */
	struct diag_list *diags;
	struct quiz *quiz;
	bool failed;		 /* an error was reported (or memory ran out) */
	size_t problems;	 /* errors and warnings so far */
	struct guard_text *text; /* what libconfig parsed, includes expanded */
	struct id_set scenario_ids, question_ids, terms;
};

static const char *const quiz_keys[] = {"id",	    "title",   "description", "language",
					"version",  "shuffle", "roles",	      "scenarios",
					"glossary", "select",  NULL};
static const char *const role_keys[] = {"id",	       "name",	     "short", "summary",
					"description", "next_steps", NULL};
static const char *const term_keys[] = {"term", "meaning", NULL};
static const char *const scenario_keys[] = {"id", "title", "story", "questions", NULL};
static const char *const question_keys[] = {"id",      "prompt", "weight", "debrief",
					    "options", "pair",	 NULL};
static const char *const option_keys[] = {"text", "scores", NULL};

/* Where SETTING is written: the parsed text has the includes expanded, so
 * the guard maps its line back to a file and a line there. */
static void setting_origin(const struct loader *ld, const config_setting_t *setting,
			   const char **file, int *line)
{
	if (!setting || !ld->text) {
		*file = ld->path;
		*line = 1;
		return;
	}
	guard_origin(ld->text, (int)config_setting_source_line(setting), file, line);
}

static void loader_report(struct loader *ld, enum diag_severity severity,
			  const config_setting_t *setting, const char *format, va_list args)
{
	char message[512];
	vsnprintf(message, sizeof(message), format, args);
	const char *file;
	int line;
	setting_origin(ld, setting, &file, &line);
	if (!diag_add(ld->diags, severity, file, line ? line : 1, "%s", message))
		ld->failed = true;
	ld->problems++;
	if (severity == DIAG_ERROR)
		ld->failed = true;
}

__attribute__((format(printf, 3, 4))) static void
loader_error(struct loader *ld, const config_setting_t *setting, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	loader_report(ld, DIAG_ERROR, setting, format, args);
	va_end(args);
}

__attribute__((format(printf, 3, 4))) static void
loader_warning(struct loader *ld, const config_setting_t *setting, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	loader_report(ld, DIAG_WARNING, setting, format, args);
	va_end(args);
}

static size_t id_hash(const char *id, bool fold_case)
{
	size_t hash = 14695981039346656037u;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		hash = (hash ^ (fold_case ? (size_t)tolower(*p) : *p)) * 1099511628211u;
	return hash;
}

static bool id_equal(const struct id_set *set, const char *a, const char *b)
{
	return set->fold_case ? strcasecmp(a, b) == 0 : strcmp(a, b) == 0;
}

/* The slot that holds ID, or the empty slot where it would go. */
static size_t id_slot(const struct id_set *set, const char *id)
{
	size_t mask = set->capacity - 1, at = id_hash(id, set->fold_case) & mask;
	while (set->slots[at] && !id_equal(set, set->slots[at], id))
		at = (at + 1) & mask;
	return at;
}

static bool id_set_has(const struct id_set *set, const char *id)
{
	return set->capacity && set->slots[id_slot(set, id)];
}

static bool id_set_grow(struct id_set *set)
{
	struct id_set bigger = *set;
	bigger.capacity = set->capacity ? set->capacity * 2 : 64;
	bigger.slots = calloc(bigger.capacity, sizeof(*bigger.slots));
	if (!bigger.slots)
		return false;
	for (size_t i = 0; i < set->capacity; i++)
		if (set->slots[i])
			bigger.slots[id_slot(&bigger, set->slots[i])] = set->slots[i];
	free(set->slots);
	*set = bigger;
	return true;
}

static enum id_added id_set_add(struct id_set *set, const char *id)
{
	if (id_set_has(set, id))
		return ID_PRESENT;
	if ((set->count + 1) * 2 > set->capacity && !id_set_grow(set))
		return ID_NO_MEMORY;
	set->slots[id_slot(set, id)] = id;
	set->count++;
	return ID_ADDED;
}

/* Adds ID (not empty) to SET; a duplicate is reported at SETTING. */
static void unique_id(struct loader *ld, struct id_set *set, const char *id,
		      const config_setting_t *setting, const char *message)
{
	if (!id || !*id)
		return;
	enum id_added added = id_set_add(set, id);
	if (added == ID_PRESENT)
		loader_error(ld, setting, message, id);
	else if (added == ID_NO_MEMORY)
		ld->failed = true;
}

static char *copy_string(struct loader *ld, const char *text)
{
	char *copy = strdup(text ? text : "");
	if (!copy)
		ld->failed = true;
	return copy;
}

/* The number of single-character edits between two short names, capped:
 * enough to suggest `prompt` for `promt`. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 31 || lb > 31)
		return 99;
	size_t row[32];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diagonal = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t above = row[j];
			size_t best = diagonal + (a[i - 1] != b[j - 1]);
			if (above + 1 < best)
				best = above + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diagonal = above;
		}
	}
	return row[lb];
}

static void check_known_keys(struct loader *ld, const config_setting_t *group,
			     const char *const known[], const char *what)
{
	int count = config_setting_length(group);
	for (int i = 0; i < count; i++) {
		const config_setting_t *member = config_setting_get_elem(group, (unsigned)i);
		const char *name = config_setting_name(member);
		if (!name)
			continue;
		const char *suggestion = NULL;
		size_t k;
		for (k = 0; known[k] && strcmp(known[k], name) != 0; k++)
			if (!suggestion && edit_distance(known[k], name) <= 2)
				suggestion = known[k];
		if (known[k])
			continue;
		if (suggestion)
			loader_warning(ld, member,
				       /* TRANSLATORS: the first %s is a setting's name as
					* written in the file, the second a part of the
					* quiz ("a question", "the quiz"...), the third the
					* name of a known setting. Names stay as they are. */
				       _("unknown setting '%s' in %s (did you mean '%s'?); it is "
					 "ignored"),
				       name, _(what), suggestion);
		else
			loader_warning(ld, member,
				       /* TRANSLATORS: the first %s is a setting's name as
					* written in the file, the second a part of the
					* quiz ("a question", "the quiz"...). */
				       _("unknown setting '%s' in %s; it is ignored"), name,
				       _(what));
	}
}

static const char *type_name(int type)
{
	/* TRANSLATORS: the kinds of value a setting can hold, put into
	 * "'weight' in a question must be a number, not a string". */
	switch (type) {
	case CONFIG_TYPE_GROUP:
		return N_("a group");
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		return N_("an integer");
	case CONFIG_TYPE_FLOAT:
		return N_("a number");
	case CONFIG_TYPE_STRING:
		return N_("a string");
	case CONFIG_TYPE_BOOL:
		return N_("a boolean");
	case CONFIG_TYPE_ARRAY:
		return N_("an array");
	case CONFIG_TYPE_LIST:
		return N_("a list");
	default:
		return N_("something else");
	}
}

/* Looks up NAME in GROUP and checks its type. Reports a missing required
 * setting at the group's line and a mistyped one at its own line. */
static const config_setting_t *member_of_type(struct loader *ld, const config_setting_t *group,
					      const char *name, int type, bool required,
					      const char *what)
{
	const config_setting_t *member = config_setting_get_member(group, name);
	if (!member) {
		if (required)
			loader_error(ld, group,
				     /* TRANSLATORS: the first %s is a part of the quiz
				      * ("a question", "the quiz"...), the second the name
				      * of a setting, which stays as it is. */
				     _("%s is missing the required setting '%s'"), _(what), name);
		return NULL;
	}
	int actual = config_setting_type(member);
	bool numeric = actual == CONFIG_TYPE_INT || actual == CONFIG_TYPE_INT64 ||
		       actual == CONFIG_TYPE_FLOAT;
	if (actual == type || (type == CONFIG_TYPE_FLOAT && numeric))
		return member;
	loader_error(ld, member,
		     /* TRANSLATORS: the first %s is the name of a setting (it stays
		      * as it is), the second a part of the quiz ("a question", "the
		      * quiz"...), the last two kinds of value ("a number", "a
		      * string"...): what it must be and what it is. */
		     _("'%s' in %s must be %s, not %s"), name, _(what), _(type_name(type)),
		     _(type_name(actual)));
	return NULL;
}

/* Whether TEXT's line sets NAME to an integer literal beyond 32 bits that
 * libconfig would read as VALUE. A line may set NAME more than once (the
 * scores of several options): any of them may be the one. */
static bool line_wraps(const char *text, const char *name, int value)
{
	size_t length = strlen(name);
	for (const char *p = text; p && *p && *p != '\n'; p++) {
		bool starts = p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
		if (!starts || strncmp(p, name, length) != 0)
			continue;
		const char *q = p + length + strspn(p + length, " \t");
		if (*q != '=' && *q != ':')
			continue;
		q += 1 + strspn(q + 1, " \t");
		char *end;
		errno = 0;
		long long literal = strtoll(q, &end, 0);
		bool decimal = *end == '.' || *end == 'e' || *end == 'E';
		bool wide = errno == ERANGE || literal < INT_MIN || literal > INT_MAX;
		if (end != q && !decimal && wide &&
		    (errno == ERANGE || (int)(unsigned)(unsigned long long)literal == value))
			return true;
	}
	return false;
}

/* libconfig 1.5 reads an integer too large for 32 bits wrapped around:
 * 4294967297 becomes 1. The literal in the file tells, so read it back. */
static bool number_wrapped(struct loader *ld, const config_setting_t *setting)
{
	if (config_setting_type(setting) != CONFIG_TYPE_INT || !guard_long_numbers(ld->text))
		return false;
	const char *text = guard_line(ld->text, (int)config_setting_source_line(setting));
	bool wrapped = text && line_wraps(text, config_setting_name(setting),
					  config_setting_get_int(setting));
	if (wrapped)
		loader_error(ld, setting,
			     /* TRANSLATORS: %s is the name of a setting. */
			     _("the number for '%s' is too large: libconfig 1.5 would read it as "
			       "%d"),
			     config_setting_name(setting), config_setting_get_int(setting));
	return wrapped;
}

static double number_value(const config_setting_t *setting)
{
	switch (config_setting_type(setting)) {
	case CONFIG_TYPE_INT:
		return config_setting_get_int(setting);
	case CONFIG_TYPE_INT64:
		return (double)config_setting_get_int64(setting);
	default:
		return config_setting_get_float(setting);
	}
}

/* A copy of the string NAME, or of "" when it is absent and optional.
 * Required strings must also hold more than white space. */
static char *string_member(struct loader *ld, const config_setting_t *group, const char *name,
			   bool required, const char *what)
{
	const config_setting_t *member =
		member_of_type(ld, group, name, CONFIG_TYPE_STRING, required, what);
	const char *text = member ? config_setting_get_string(member) : "";
	if (member && required && text[strspn(text, " \t\r\n")] == '\0')
		/* TRANSLATORS: the first %s is the name of a setting, the second a
		 * part of the quiz ("a question", "the quiz"...). */
		loader_error(ld, member, _("'%s' in %s must not be empty"), name, _(what));
	return copy_string(ld, text);
}

/* A list ( ... ) or array [ ... ] of strings, none of them empty, at most
 * MAX; absent, it is empty. *COUNT is how many were kept. */
static char **string_list_member(struct loader *ld, const config_setting_t *group, const char *name,
				 size_t max, const char *what, size_t *count)
{
	*count = 0;
	const config_setting_t *list = config_setting_get_member(group, name);
	if (!list)
		return NULL;
	int type = config_setting_type(list);
	if (type != CONFIG_TYPE_LIST && type != CONFIG_TYPE_ARRAY) {
		loader_error(ld, list,
			     /* TRANSLATORS: the first %s is the name of a setting, the
			      * second a part of the quiz ("a role"...), the third a kind
			      * of value ("a string", "an integer"...). */
			     _("'%s' in %s must be a list of strings, not %s"), name, _(what),
			     _(type_name(type)));
		return NULL;
	}
	size_t length = (size_t)config_setting_length(list);
	if (length > max) {
		loader_error(ld, list,
			     /* TRANSLATORS: the first %s is the name of a setting, the
			      * second a part of the quiz ("a role"...); then how many
			      * entries it has (the plural follows it) and the most it may
			      * have. */
			     P_("'%s' in %s has %zu entry; at most %zu are allowed",
				"'%s' in %s has %zu entries; at most %zu are allowed", length),
			     name, _(what), length, max);
		return NULL;
	}
	char **strings = calloc(length ? length : 1, sizeof(*strings));
	if (!strings) {
		ld->failed = true;
		return NULL;
	}
	for (size_t i = 0; i < length; i++) {
		const config_setting_t *elem = config_setting_get_elem(list, (unsigned)i);
		const char *text = config_setting_get_string(elem);
		if (!text)
			loader_error(ld, elem,
				     /* TRANSLATORS: the first %s is the name of a setting,
				      * the second a part of the quiz ("a role"...). */
				     _("each entry of '%s' in %s must be a string"), name, _(what));
		else if (text[strspn(text, " \t\r\n")] == '\0')
			loader_error(ld, elem,
				     /* TRANSLATORS: the first %s is the name of a setting,
				      * the second a part of the quiz ("a role"...). */
				     _("an entry of '%s' in %s is empty"), name, _(what));
		else if ((strings[*count] = copy_string(ld, text)))
			(*count)++;
	}
	return strings;
}

/* Whether TEXT holds WORD as a whole word (not inside a longer one). */
static bool has_word(const char *text, const char *word, bool ignore_case)
{
	size_t length = strlen(word);
	if (length == 0)
		return false;
	/* Only a word's first letter is worth a comparison: every load runs
	 * this over every text of the quiz, for every role. */
	int first = ignore_case ? tolower((unsigned char)*word) : (unsigned char)*word;
	for (const char *p = text; *p; p++) {
		int c = ignore_case ? tolower((unsigned char)*p) : (unsigned char)*p;
		if (c != first || (p != text && isalnum((unsigned char)p[-1])))
			continue;
		bool same = ignore_case ? strncasecmp(p, word, length) == 0
					: strncmp(p, word, length) == 0;
		if (same && !isalnum((unsigned char)p[length]))
			return true;
	}
	return false;
}

/* A story, prompt or option that names a role lets a reader answer by the
 * title instead of the situation. Names are matched in any case; short
 * forms (PM, PO) only as written, so that "5 pm" is not one. KEY is
 * "story" (of the scenario ID), "prompt" (of the question ID) or "text"
 * (of an option of the question ID). */
static void check_role_names(struct loader *ld, const config_setting_t *group, const char *key,
			     const char *id)
{
	const config_setting_t *member = config_setting_get_member(group, key);
	const char *text = member ? config_setting_get_string(member) : NULL;
	const struct quiz *quiz = ld->quiz;
	for (size_t r = 0; text && r < quiz->role_count; r++) {
		const struct quiz_role *role = &quiz->roles[r];
		const char *found = role->name && has_word(text, role->name, true) ? role->name
				    : role->short_name && has_word(text, role->short_name, false)
					    ? role->short_name
					    : NULL;
		if (!found)
			continue;
		if (strcmp(key, "story") == 0)
			loader_warning(ld, member,
				       /* TRANSLATORS: the first %s is a scenario's id, the
					* second a role's id, the third the role's name or
					* short form as the story writes it. */
				       _("the story of scenario '%s' names the role '%s' (\"%s\"): "
					 "readers could answer by the title, not the situation"),
				       id, role->id, found);
		else if (strcmp(key, "prompt") == 0)
			loader_warning(
				ld, member,
				/* TRANSLATORS: the first %s is a question's id, the
				 * second a role's id, the third the role's name or
				 * short form as the prompt writes it. */
				_("the prompt of question '%s' names the role '%s' (\"%s\"): "
				  "readers could answer by the title, not the situation"),
				id, role->id, found);
		else
			loader_warning(ld, member,
				       /* TRANSLATORS: the first %s is a question's id, the
					* second a role's id, the third the role's name or
					* short form as the option's text writes it. */
				       _("the text of an option of question '%s' names the role "
					 "'%s' (\"%s\"): readers could answer by the title, not "
					 "the situation"),
				       id, role->id, found);
	}
}

static char *id_member(struct loader *ld, const config_setting_t *group, enum quiz_id_kind kind,
		       const char *what)
{
	/* TRANSLATORS: what an id may be made of, put into "id '%s' in %s is
	 * not valid: use %s". */
	static const char *const rules[] = {
		N_("lower-case letters, digits and '-', starting with a letter or digit"),
		N_("a lower-case letter, then lower-case letters, digits or '_'"),
		N_("lower-case letters, digits, '-', '_' or '.', starting with a letter or digit"),
	};
	char *id = string_member(ld, group, "id", true, what);
	const config_setting_t *member = config_setting_get_member(group, "id");
	if (id && *id && !quiz_id_is_valid(id, kind))
		loader_error(ld, member,
			     /* TRANSLATORS: the first %s is the id as written, the
			      * second a part of the quiz ("a question", "the
			      * quiz"...), the third what an id may be made of. */
			     _("id '%s' in %s is not valid: use %s"), id, _(what), _(rules[kind]));
	return id;
}

/* The list NAME of WHAT has COUNT entries, not MIN to MAX (max 0: no upper
 * bound). Each list has its own sentences, so that a translator never has
 * to fit a setting's name into a sentence as if it were a word. */
static void list_length_error(struct loader *ld, const config_setting_t *list, const char *name,
			      const char *what, int min, int max, int count)
{
	if (strcmp(name, "roles") == 0)
		loader_error(ld, list,
			     /* TRANSLATORS: the first two numbers are the fewest and the
			      * most roles a quiz may have (the plural follows the
			      * second), the last how many it has. */
			     P_("the quiz needs %d to %d roles, but has %d",
				"the quiz needs %d to %d roles, but has %d", max),
			     min, max, count);
	else if (strcmp(name, "options") == 0)
		loader_error(ld, list,
			     /* TRANSLATORS: the first two numbers are the fewest and the
			      * most options a question may have (the plural follows the
			      * second), the last how many it has. */
			     P_("a question needs %d to %d options, but has %d",
				"a question needs %d to %d options, but has %d", max),
			     min, max, count);
	else if (strcmp(name, "scenarios") == 0)
		loader_error(ld, list, _("the quiz has no scenarios; it needs at least one"));
	else if (strcmp(name, "questions") == 0)
		loader_error(ld, list, _("a scenario has no questions; it needs at least one"));
	else if (strcmp(name, "glossary") == 0)
		loader_error(ld, list,
			     _("the glossary is empty: give it at least one entry or leave it "
			       "out"));
	else if (max)
		loader_error(ld, list,
			     /* TRANSLATORS: %s is the name of a setting, then a part of
			      * the quiz ("a question"...); the numbers are the fewest
			      * and the most entries it may have (the plural follows the
			      * second), then how many it has. */
			     P_("'%s' in %s needs %d to %d entries, but has %d",
				"'%s' in %s needs %d to %d entries, but has %d", max),
			     name, _(what), min, max, count);
	else
		loader_error(ld, list,
			     /* TRANSLATORS: %s is the name of a setting, then a part of
			      * the quiz ("a question"...). */
			     _("'%s' in %s is empty; it needs at least one entry"), name, _(what));
}

/* An entry of the list NAME of WHAT is not a group. */
static void list_entry_error(struct loader *ld, const config_setting_t *elem, const char *name,
			     const char *what)
{
	if (strcmp(name, "roles") == 0)
		loader_error(ld, elem, _("each of the roles in the quiz must be a group { ... }"));
	else if (strcmp(name, "options") == 0)
		loader_error(ld, elem,
			     _("each of the options in a question must be a group { ... }"));
	else if (strcmp(name, "scenarios") == 0)
		loader_error(ld, elem,
			     _("each of the scenarios in the quiz must be a group { ... }"));
	else if (strcmp(name, "questions") == 0)
		loader_error(ld, elem,
			     _("each of the questions in a scenario must be a group { ... }"));
	else if (strcmp(name, "glossary") == 0)
		loader_error(ld, elem, _("each entry of the glossary must be a group { ... }"));
	else
		loader_error(ld, elem,
			     /* TRANSLATORS: %s is the name of a setting, then a part of
			      * the quiz ("a question"...). */
			     _("each entry of '%s' in %s must be a group { ... }"), name, _(what));
}

/* A list of groups with a length in [min, max] (max 0: no upper bound). */
static const config_setting_t *group_list_member(struct loader *ld, const config_setting_t *group,
						 const char *name, int min, int max,
						 const char *what)
{
	const config_setting_t *list =
		member_of_type(ld, group, name, CONFIG_TYPE_LIST, true, what);
	if (!list)
		return NULL;
	int count = config_setting_length(list);
	if (count < min || (max && count > max))
		list_length_error(ld, list, name, what, min, max, count);
	bool all_groups = true;
	for (int i = 0; i < count; i++) {
		const config_setting_t *elem = config_setting_get_elem(list, (unsigned)i);
		if (config_setting_type(elem) != CONFIG_TYPE_GROUP) {
			list_entry_error(ld, elem, name, what);
			all_groups = false;
		}
	}
	return all_groups ? list : NULL;
}

/* Where GROUP is written, kept in the model for later diagnostics. */
static void note_source(struct loader *ld, const config_setting_t *group, char **file, int *line)
{
	const char *written;
	setting_origin(ld, group, &written, line);
	*file = strdup(written);
	if (!*file)
		ld->failed = true;
}

static void load_role(struct loader *ld, const config_setting_t *group, struct quiz_role *role)
{
	note_source(ld, group, &role->file, &role->line);
	/* TRANSLATORS: a part of the quiz, put into sentences such as "%s is
	 * missing the required setting '%s'" and "'%s' in %s must not be empty". */
	check_known_keys(ld, group, role_keys, N_("a role"));
	role->id = id_member(ld, group, QUIZ_ID_ROLE, N_("a role"));
	role->name = string_member(ld, group, "name", true, N_("a role"));
	role->short_name = string_member(ld, group, "short", false, N_("a role"));
	role->summary = string_member(ld, group, "summary", false, N_("a role"));
	role->description = string_member(ld, group, "description", false, N_("a role"));
	role->next_steps = string_list_member(ld, group, "next_steps", QUIZ_MAX_NEXT_STEPS,
					      N_("a role"), &role->next_step_count);
	if (role->short_name && !*role->short_name && role->name) {
		free(role->short_name);
		role->short_name = copy_string(ld, role->name);
	}
}

static void load_roles(struct loader *ld, const config_setting_t *root)
{
	const config_setting_t *list = group_list_member(ld, root, "roles", QUIZ_MIN_ROLES,
							 QUIZ_MAX_ROLES, N_("the quiz"));
	if (!list)
		return;
	size_t count = (size_t)config_setting_length(list);
	if (count > QUIZ_MAX_ROLES)
		return;
	struct quiz *quiz = ld->quiz;
	quiz->roles = calloc(count, sizeof(*quiz->roles));
	if (!quiz->roles) {
		ld->failed = true;
		return;
	}
	quiz->role_count = count;
	for (size_t i = 0; i < count; i++) {
		const config_setting_t *group = config_setting_get_elem(list, (unsigned)i);
		load_role(ld, group, &quiz->roles[i]);
		for (size_t j = 0; j < i && quiz->roles[i].id; j++)
			if (quiz->roles[j].id && *quiz->roles[i].id &&
			    strcmp(quiz->roles[j].id, quiz->roles[i].id) == 0)
				loader_error(ld, config_setting_get_member(group, "id"),
					     _("duplicate role id '%s'"), quiz->roles[i].id);
	}
}

/* NAME as a role's id might be written from its name or short form:
 * lower case, anything but letters and digits as '_' ("Product Owner"
 * gives product_owner, "PjM" pjm). */
static void as_role_id(const char *name, char *out, size_t size)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p && n + 1 < size; p++)
		out[n++] = isalnum(*p) && *p < 128 ? (char)tolower(*p) : '_';
	out[n] = '\0';
}

/* How close NAME is to ROLE: its id, its name or its short form. */
static size_t role_distance(const struct quiz_role *role, const char *name)
{
	char written[64];
	size_t best = edit_distance(role->id, name);
	const char *forms[] = {role->name, role->short_name};
	for (size_t f = 0; f < 2; f++) {
		if (!forms[f])
			continue;
		as_role_id(forms[f], written, sizeof(written));
		size_t distance = edit_distance(written, name);
		best = distance < best ? distance : best;
	}
	return best;
}

/* The role an unknown NAME in scores most likely means, or -1: at most two
 * edits from its id, name or short form, and not from a name so short that
 * two edits make it any other ("ux" is not "pm"). */
static int similar_role(const struct quiz *quiz, const char *name)
{
	int best = -1;
	size_t best_distance = 3;
	for (size_t r = 0; r < quiz->role_count; r++) {
		size_t distance = role_distance(&quiz->roles[r], name);
		if (distance < best_distance && 2 * distance <= strlen(name)) {
			best = (int)r;
			best_distance = distance;
		}
	}
	return best;
}

static void load_scores(struct loader *ld, const config_setting_t *option, struct quiz_option *out,
			const char *question_id)
{
	struct quiz *quiz = ld->quiz;
	out->scores = calloc(quiz->role_count ? quiz->role_count : 1, sizeof(*out->scores));
	if (!out->scores) {
		ld->failed = true;
		return;
	}
	const config_setting_t *scores =
		member_of_type(ld, option, "scores", CONFIG_TYPE_GROUP, false, N_("an option"));
	int count = scores ? config_setting_length(scores) : 0;
	for (int i = 0; i < count; i++) {
		const config_setting_t *score = config_setting_get_elem(scores, (unsigned)i);
		const char *name = config_setting_name(score);
		int role = quiz_role_index(quiz, name);
		int type = config_setting_type(score);
		if (role < 0 && quiz->role_count == 0) {
			continue; /* the roles themselves are broken: reported already */
		} else if (role < 0 && (role = similar_role(quiz, name)) >= 0) {
			loader_error(ld, score,
				     /* TRANSLATORS: the first %s is a name written in the
				      * scores, the second a question's id, the third a
				      * role's id. */
				     _("unknown role '%s' in the scores of question '%s' (did you "
				       "mean '%s'?)"),
				     name, question_id, quiz->roles[role].id);
		} else if (role < 0) {
			loader_error(ld, score,
				     /* TRANSLATORS: the first %s is a name written in the
				      * scores, the second a question's id. */
				     _("unknown role '%s' in the scores of question '%s'"), name,
				     question_id);
		} else if (type != CONFIG_TYPE_INT && type != CONFIG_TYPE_INT64 &&
			   type != CONFIG_TYPE_FLOAT) {
			loader_error(ld, score,
				     /* TRANSLATORS: the first %s is a role's id, the second a
				      * kind of value ("a string", "a group"...). */
				     _("the score for '%s' must be a number, not %s"), name,
				     _(type_name(type)));
		} else {
			double value = number_value(score);
			if (number_wrapped(ld, score))
				continue;
			if (!(value >= -QUIZ_MAX_SCORE && value <= QUIZ_MAX_SCORE))
				loader_error(
					ld, score,
					/* TRANSLATORS: %s is a role's id, %g the score. */
					_("the score for '%s' is %g; scores must be between -5 "
					  "and 5"),
					name, value);
			else
				out->scores[role] = value;
		}
	}
}

static void load_option(struct loader *ld, const config_setting_t *group,
			struct quiz_option *option, const char *question_id)
{
	/* TRANSLATORS: a part of the quiz, put into sentences such as "%s is
	 * missing the required setting '%s'" and "'%s' in %s must not be empty". */
	check_known_keys(ld, group, option_keys, N_("an option"));
	option->text = string_member(ld, group, "text", true, N_("an option"));
	check_role_names(ld, group, "text", question_id);
	load_scores(ld, group, option, question_id);
}

static double weight_member(struct loader *ld, const config_setting_t *group)
{
	const config_setting_t *member =
		member_of_type(ld, group, "weight", CONFIG_TYPE_FLOAT, false, N_("a question"));
	if (!member)
		return 1.0;
	double weight = number_value(member);
	if (number_wrapped(ld, member))
		return 1.0;
	if (!(weight > 0 && weight <= QUIZ_MAX_WEIGHT)) {
		/* TRANSLATORS: weight is the name of a setting: it stays as it is. */
		loader_error(ld, member, _("weight is %g; it must be more than 0 and at most 10"),
			     weight);
		return 1.0;
	}
	return weight;
}

static void load_question(struct loader *ld, const config_setting_t *group,
			  struct quiz_question *question)
{
	note_source(ld, group, &question->file, &question->line);
	/* TRANSLATORS: a part of the quiz, put into sentences such as "%s is
	 * missing the required setting '%s'" and "'%s' in %s must not be empty". */
	check_known_keys(ld, group, question_keys, N_("a question"));
	question->id = id_member(ld, group, QUIZ_ID_OTHER, N_("a question"));
	question->prompt = string_member(ld, group, "prompt", true, N_("a question"));
	check_role_names(ld, group, "prompt", question->id ? question->id : "");
	question->debrief = string_member(ld, group, "debrief", false, N_("a question"));
	char *pair = string_member(ld, group, "pair", false, N_("a question"));
	if (pair && *pair)
		question->pair = pair;
	else
		free(pair);
	question->weight = weight_member(ld, group);
	const config_setting_t *list = group_list_member(ld, group, "options", QUIZ_MIN_OPTIONS,
							 QUIZ_MAX_OPTIONS, N_("a question"));
	if (!list)
		return;
	size_t count = (size_t)config_setting_length(list);
	question->options = calloc(count ? count : 1, sizeof(*question->options));
	if (!question->options) {
		ld->failed = true;
		return;
	}
	question->option_count = count;
	for (size_t i = 0; i < count; i++)
		load_option(ld, config_setting_get_elem(list, (unsigned)i), &question->options[i],
			    question->id ? question->id : "");
}

/* Past this many errors an author learns nothing more from the rest: the
 * loader says so once and stops, instead of checking on for minutes. */
#define LOADER_MAX_PROBLEMS 100

static bool too_many_problems(struct loader *ld, const config_setting_t *where)
{
	if (ld->problems < LOADER_MAX_PROBLEMS)
		return false;
	if (ld->problems == LOADER_MAX_PROBLEMS)
		loader_error(ld, where,
			     P_("more than %d problem: careerfit stops checking here; fix these "
				"and validate again",
				"more than %d problems: careerfit stops checking here; fix these "
				"and validate again",
				LOADER_MAX_PROBLEMS),
			     LOADER_MAX_PROBLEMS);
	return true;
}

static void load_scenario(struct loader *ld, const config_setting_t *group, size_t index)
{
	struct quiz *quiz = ld->quiz;
	struct quiz_scenario *scenario = &quiz->scenarios[index];
	/* TRANSLATORS: a part of the quiz, put into sentences such as "%s is
	 * missing the required setting '%s'" and "'%s' in %s must not be empty". */
	check_known_keys(ld, group, scenario_keys, N_("a scenario"));
	scenario->id = id_member(ld, group, QUIZ_ID_OTHER, N_("a scenario"));
	scenario->title = string_member(ld, group, "title", true, N_("a scenario"));
	scenario->story = string_member(ld, group, "story", false, N_("a scenario"));
	check_role_names(ld, group, "story", scenario->id ? scenario->id : "");
	unique_id(ld, &ld->scenario_ids, scenario->id, config_setting_get_member(group, "id"),
		  _("duplicate scenario id '%s'"));
	scenario->first_question = quiz->question_count;
	const config_setting_t *list =
		group_list_member(ld, group, "questions", 1, 0, N_("a scenario"));
	int count = list ? config_setting_length(list) : 0;
	for (int i = 0; i < count; i++) {
		const config_setting_t *elem = config_setting_get_elem(list, (unsigned)i);
		if (too_many_problems(ld, elem))
			return;
		struct quiz_question *question = &quiz->questions[quiz->question_count];
		question->scenario = index;
		load_question(ld, elem, question);
		unique_id(ld, &ld->question_ids, question->id,
			  config_setting_get_member(elem, "id"), _("duplicate question id '%s'"));
		quiz->question_count++;
		scenario->question_count++;
	}
}

static size_t count_questions(const config_setting_t *scenarios)
{
	size_t total = 0;
	int count = config_setting_length(scenarios);
	for (int i = 0; i < count; i++) {
		const config_setting_t *questions = config_setting_get_member(
			config_setting_get_elem(scenarios, (unsigned)i), "questions");
		if (questions && config_setting_type(questions) == CONFIG_TYPE_LIST)
			total += (size_t)config_setting_length(questions);
	}
	return total;
}

static void load_scenarios(struct loader *ld, const config_setting_t *root)
{
	/* TRANSLATORS: a part of the quiz, put into sentences such as "%s is
	 * missing the required setting '%s'" and "'%s' in %s must not be empty". */
	const config_setting_t *list =
		group_list_member(ld, root, "scenarios", 1, 0, N_("the quiz"));
	if (!list)
		return;
	struct quiz *quiz = ld->quiz;
	size_t count = (size_t)config_setting_length(list);
	size_t questions = count_questions(list);
	quiz->scenarios = calloc(count ? count : 1, sizeof(*quiz->scenarios));
	quiz->questions = calloc(questions ? questions : 1, sizeof(*quiz->questions));
	if (!quiz->scenarios || !quiz->questions) {
		ld->failed = true;
		return;
	}
	quiz->scenario_count = count;
	for (size_t i = 0; i < count; i++)
		if (!too_many_problems(ld, config_setting_get_elem(list, (unsigned)i)))
			load_scenario(ld, config_setting_get_elem(list, (unsigned)i), i);
}

static void load_term(struct loader *ld, const config_setting_t *group, size_t index)
{
	struct quiz_term *term = &ld->quiz->glossary[index];
	/* TRANSLATORS: a part of the quiz, put into sentences such as "%s is
	 * missing the required setting '%s'" and "'%s' in %s must not be empty". */
	check_known_keys(ld, group, term_keys, N_("a glossary entry"));
	term->term = string_member(ld, group, "term", true, N_("a glossary entry"));
	term->meaning = string_member(ld, group, "meaning", true, N_("a glossary entry"));
	unique_id(ld, &ld->terms, term->term, config_setting_get_member(group, "term"),
		  /* TRANSLATORS: %s is a term of the glossary. */
		  _("the glossary explains '%s' twice"));
}

/* The optional glossary: the terms the quiz's text uses, explained. */
static void load_glossary(struct loader *ld, const config_setting_t *root)
{
	if (!config_setting_get_member(root, "glossary"))
		return;
	const config_setting_t *list =
		group_list_member(ld, root, "glossary", 1, 0, N_("the quiz"));
	size_t count = list ? (size_t)config_setting_length(list) : 0;
	if (count == 0)
		return;
	ld->quiz->glossary = calloc(count, sizeof(*ld->quiz->glossary));
	if (!ld->quiz->glossary) {
		ld->failed = true;
		return;
	}
	ld->quiz->term_count = count;
	for (size_t i = 0; i < count; i++)
		load_term(ld, config_setting_get_elem(list, (unsigned)i), i);
}

/* Marks in KEEP the questions that `select` names, whose ids it adds to
 * SELECTED; false on any error. */
static bool selected_questions(struct loader *ld, const config_setting_t *list, bool *keep,
			       struct id_set *selected)
{
	bool ok = true;
	int count = config_setting_length(list);
	for (int i = 0; i < count && !ld->failed; i++) {
		const config_setting_t *elem = config_setting_get_elem(list, (unsigned)i);
		const char *id = config_setting_get_string(elem);
		bool known = id && id_set_has(&ld->question_ids, id);
		if (!id)
			/* TRANSLATORS: select is the name of a setting: it stays as it is. */
			loader_error(ld, elem, _("each entry of 'select' must be a question id"));
		else if (!known)
			loader_error(ld, elem,
				     /* TRANSLATORS: select is the name of a setting; %s is
				      * a question's id. */
				     _("'select' names the question '%s', which the quiz "
				       "does not have"),
				     id);
		else if (id_set_add(selected, id) == ID_PRESENT)
			/* TRANSLATORS: select is the name of a setting; %s is a
			 * question's id. */
			loader_warning(ld, elem, _("'select' names the question '%s' twice"), id);
		ok = ok && known;
	}
	if (ok && count == 0)
		loader_error(ld, list, _("'select' is empty: it must name at least one question"));
	for (size_t q = 0; ok && q < ld->quiz->question_count; q++)
		keep[q] = id_set_has(selected, ld->quiz->questions[q].id);
	return ok && count > 0 && !ld->failed;
}

/* Keeps the questions in KEEP, in file order, and the scenarios that still
 * have one; everything else is freed. */
static void keep_questions(struct quiz *quiz, const bool *keep)
{
	size_t kept = 0, scenarios = 0;
	for (size_t s = 0; s < quiz->scenario_count; s++) {
		struct quiz_scenario scenario = quiz->scenarios[s];
		size_t first = kept;
		for (size_t q = scenario.first_question;
		     q < scenario.first_question + scenario.question_count; q++) {
			if (!keep[q]) {
				quiz_question_free(&quiz->questions[q]);
				continue;
			}
			quiz->questions[kept] = quiz->questions[q];
			quiz->questions[kept++].scenario = scenarios;
		}
		if (kept == first) {
			free(scenario.id);
			free(scenario.title);
			free(scenario.story);
			continue;
		}
		scenario.first_question = first;
		scenario.question_count = kept - first;
		quiz->scenarios[scenarios++] = scenario;
	}
	quiz->question_count = kept;
	quiz->scenario_count = scenarios;
}

/* A consistency pair names another question of the quiz; a pair left
 * without its other half by `select` is dropped. */
static void check_pairs(struct loader *ld, const struct id_set *ids, bool selected)
{
	struct quiz *quiz = ld->quiz;
	for (size_t q = 0; q < quiz->question_count; q++) {
		struct quiz_question *question = &quiz->questions[q];
		if (!question->pair)
			continue;
		bool known = id_set_has(ids, question->pair);
		bool self = strcmp(question->pair, question->id) == 0;
		if (!known && selected) {
			free(question->pair);
			question->pair = NULL;
		} else if (self) {
			diag_add(ld->diags, DIAG_ERROR, question->file, question->line,
				 /* TRANSLATORS: both %s are the same question's id. */
				 _("the pair of question '%s' is '%s', the question itself"),
				 question->id, question->pair);
			ld->failed = true;
		} else if (!known) {
			diag_add(ld->diags, DIAG_ERROR, question->file, question->line,
				 /* TRANSLATORS: the first %s is a question's id, the
				  * second the id its pair names. */
				 _("the pair of question '%s' is '%s', which the quiz does not "
				   "have"),
				 question->id, question->pair);
			ld->failed = true;
		}
	}
}

/* `select`: a quiz made of some questions of the scenarios it includes. */
static void apply_selection(struct loader *ld, const config_setting_t *root)
{
	const config_setting_t *list = config_setting_get_member(root, "select");
	if (!list)
		return;
	int type = config_setting_type(list);
	if (type != CONFIG_TYPE_LIST && type != CONFIG_TYPE_ARRAY) {
		/* TRANSLATORS: select is the name of a setting; %s is a kind of
		 * value ("a string", "a group"...). */
		loader_error(ld, list, _("'select' must be a list of question ids, not %s"),
			     _(type_name(type)));
		return;
	}
	struct id_set selected = {0};
	bool *keep = calloc(ld->quiz->question_count + 1, sizeof(*keep));
	if (!keep)
		ld->failed = true;
	else if (selected_questions(ld, list, keep, &selected) && !ld->failed) {
		keep_questions(ld->quiz, keep);
		/* SELECTED holds the ids of the questions kept. */
		check_pairs(ld, &selected, true);
	}
	free(keep);
	free(selected.slots);
}

/* Warnings about balance that the file's syntax cannot show: a role that
 * no option ever scores, and a question whose options all score alike. */
static void check_balance_basics(struct loader *ld)
{
	const struct quiz *quiz = ld->quiz;
	for (size_t r = 0; r < quiz->role_count; r++) {
		bool scored = false;
		for (size_t q = 0; q < quiz->question_count && !scored; q++)
			for (size_t o = 0; o < quiz->questions[q].option_count; o++)
				scored = scored || quiz->questions[q].options[o].scores[r] != 0;
		if (!scored)
			diag_add(ld->diags, DIAG_WARNING, quiz->roles[r].file, quiz->roles[r].line,
				 /* TRANSLATORS: %s is a role's id. */
				 _("no option scores the role '%s', so its affinity is undefined"),
				 quiz->roles[r].id);
	}
	for (size_t q = 0; q < quiz->question_count; q++) {
		const struct quiz_question *question = &quiz->questions[q];
		if (quiz_options_alike(quiz, q))
			diag_add(ld->diags, DIAG_WARNING, question->file, question->line,
				 /* TRANSLATORS: %s is a question's id. */
				 _("every option of question '%s' scores the same, so it cannot "
				   "tell the roles apart"),
				 question->id);
	}
}

/* `language` must be written in the quiz file itself, not in an include:
 * then the file's own text tells its language, and finding the version of
 * a quiz id in the reader's language reads no include (catalog_lookup). */
static char *language_member(struct loader *ld, const config_setting_t *root)
{
	const config_setting_t *member =
		member_of_type(ld, root, "language", CONFIG_TYPE_STRING, false, "the quiz");
	if (!member)
		return copy_string(ld, QUIZ_DEFAULT_LANGUAGE);
	const char *tag = config_setting_get_string(member), *file;
	int line;
	setting_origin(ld, member, &file, &line);
	if (!quiz_language_is_valid(tag))
		loader_error(ld, member,
			     _("language '%s' is not a language tag: write a lower-case language "
			       "code, optionally '_' and an upper-case country code, such as "
			       "\"fr\", \"en\" or \"pt_BR\""),
			     tag);
	else if (strcmp(file, ld->path) != 0)
		loader_error(ld, member,
			     _("'language' must be set in the quiz file itself, not in an "
			       "included file"));
	return copy_string(ld, tag);
}

static void load_header(struct loader *ld, const config_setting_t *root)
{
	struct quiz *quiz = ld->quiz;
	check_known_keys(ld, root, quiz_keys, N_("the quiz"));
	quiz->id = id_member(ld, root, QUIZ_ID_QUIZ, N_("the quiz"));
	quiz->title = string_member(ld, root, "title", true, N_("the quiz"));
	quiz->description = string_member(ld, root, "description", false, N_("the quiz"));
	quiz->language = language_member(ld, root);
	const config_setting_t *version =
		member_of_type(ld, root, "version", CONFIG_TYPE_FLOAT, false, N_("the quiz"));
	double number = version ? number_value(version) : 1;
	bool in_range = number >= 0 && number <= INT_MAX;
	bool whole = in_range && number == (double)(long long)number;
	if (version && !number_wrapped(ld, version) && !whole)
		loader_error(ld, version,
			     /* TRANSLATORS: version is the name of a setting: it stays
			      * as it is. */
			     in_range ? _("version is not whole; it must be a whole number from 0 "
					  "to %d")
				      : _("version is out of range; it must be a whole number "
					  "from 0 to %d"),
			     INT_MAX);
	quiz->version = version && whole ? (int)number : 1;
	const config_setting_t *shuffle =
		member_of_type(ld, root, "shuffle", CONFIG_TYPE_BOOL, false, N_("the quiz"));
	quiz->shuffle = shuffle ? config_setting_get_bool(shuffle) : true;
}

/* Reads the quiz through the guard, which expands its includes from the
 * quiz file's folder (libconfig 1.5 has one include folder), and parses it. */
static bool loader_parse(struct loader *ld, config_t *config)
{
	ld->text = guard_read_quiz(ld->path, ld->folder, ld->library, ld->diags);
	return ld->text && guard_parse(ld->text, config, ld->diags);
}

/* Checks run group by group, not line by line; an author reads the
 * report top to bottom, so sort what this load added by file (in order of
 * first mention) and line, keeping the order of equal lines. */
static void sort_by_line(struct diag_list *diags, size_t first)
{
	for (size_t i = first + 1; i < diags->count; i++) {
		struct diag moving = diags->items[i];
		size_t j = i;
		while (j > first && strcmp(diags->items[j - 1].file, moving.file) == 0 &&
		       diags->items[j - 1].line > moving.line) {
			diags->items[j] = diags->items[j - 1];
			j--;
		}
		diags->items[j] = moving;
	}
}

static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

const char *quiz_bundled_folder(void)
{
	const char *override = getenv("CAREERFIT_QUIZ_DIR");
	return override && *override ? override : CAREERFIT_INSTALLED_QUIZ_DIR;
}

struct quiz *quiz_load(const char *path, struct diag_list *diags)
{
	return quiz_load_with_library(path, quiz_bundled_folder(), diags);
}

struct quiz *quiz_load_with_library(const char *path, const char *library, struct diag_list *diags)
{
	struct loader ld = {
		.path = path, .diags = diags, .folder = folder_of(path), .library = library};
	ld.terms.fold_case = true;
	size_t first_diag = diags->count;
	ld.quiz = calloc(1, sizeof(*ld.quiz));
	config_t config;
	config_init(&config);
	if (!ld.folder || !ld.quiz || !(ld.quiz->path = strdup(path)))
		goto err;
	errno = 0;
	if (!loader_parse(&ld, &config))
		goto err;
	const config_setting_t *root = config_root_setting(&config);
	if (config_setting_length(root) == 0) {
		diag_add(diags, DIAG_ERROR, path, 1, "%s",
			 _("the file holds no settings: it is empty"));
		goto err;
	}
	load_header(&ld, root);
	load_roles(&ld, root);
	load_scenarios(&ld, root);
	load_glossary(&ld, root);
	if (!ld.failed)
		check_pairs(&ld, &ld.question_ids, false);
	if (!ld.failed)
		apply_selection(&ld, root);
	if (!ld.failed)
		check_balance_basics(&ld);
	sort_by_line(diags, first_diag);
	if (ld.failed)
		goto err;
	config_destroy(&config);
	free(ld.folder);
	guard_text_free(ld.text);
	free(ld.scenario_ids.slots);
	free(ld.question_ids.slots);
	free(ld.terms.slots);
	return ld.quiz;
err:
	config_destroy(&config);
	free(ld.folder);
	guard_text_free(ld.text);
	free(ld.scenario_ids.slots);
	free(ld.question_ids.slots);
	free(ld.terms.slots);
	quiz_free(ld.quiz);
	return NULL;
}
