#include "careerfit/catalog.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "careerfit/guard.h"
#include "careerfit/i18n.h"
#include "careerfit/quiz.h"

static bool is_quiz_name(const char *name)
{
	size_t length = strlen(name);
	return name[0] != '.' && length > 4 && strcmp(name + length - 4, ".cfg") == 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static struct catalog_entry *new_entry(struct catalog *catalog)
{
	struct catalog_entry *entries =
		realloc(catalog->entries, (catalog->count + 1) * sizeof(*entries));
	if (!entries)
		return NULL;
	catalog->entries = entries;
	entries[catalog->count] = (struct catalog_entry){0};
	return &entries[catalog->count++];
}

/* The first entry listed under ID in exactly LANGUAGE. */
static const struct catalog_entry *find_exact(const struct catalog *catalog, const char *id,
					      const char *language)
{
	for (size_t i = 0; i < catalog->count; i++) {
		const struct catalog_entry *entry = &catalog->entries[i];
		if (strcmp(entry->id, id) == 0 && strcmp(entry->language, language) == 0)
			return entry;
	}
	return NULL;
}

static bool add_entry(struct catalog *catalog, const char *path, const struct quiz *quiz)
{
	bool hidden = find_exact(catalog, quiz->id, quiz->language) != NULL;
	struct catalog_entry *entry = new_entry(catalog);
	if (!entry)
		return false;
	*entry = (struct catalog_entry){
		.path = strdup(path),
		.id = strdup(quiz->id),
		.title = strdup(quiz->title),
		.language = strdup(quiz->language),
		.version = quiz->version,
		.scenario_count = quiz->scenario_count,
		.question_count = quiz->question_count,
		.role_count = quiz->role_count,
		.hidden = hidden,
	};
	return entry->path && entry->id && entry->title && entry->language;
}

/* Whether a line of PATH's own text sets NAME (at the start of the line). */
static bool sets(const struct guard_text *text, const char *path, const char *name)
{
	const char *line, *file;
	int file_line;
	size_t length = strlen(name);
	for (int at = 1; (line = guard_line(text, at)); at++) {
		guard_origin(text, at, &file, &file_line);
		line += strspn(line, " \t");
		if (strcmp(file, path) != 0 || strncmp(line, name, length) != 0)
			continue;
		line += length + strspn(line + length, " \t");
		if (*line == '=' || *line == ':')
			return true;
	}
	return false;
}

/* The id a quiz that does not load is listed under: its own when it parses
 * and has a valid one, else its file name without ".cfg"; NULL for a
 * shared part (roles.cfg, glossary.cfg), which is no quiz. *ID_OK is
 * false when memory ran out. */
static char *broken_quiz_id(const char *path, bool *id_ok)
{
	struct diag_list diags = {0};
	const char *slash = strrchr(path, '/');
	char *folder = slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
	struct guard_text *text =
		folder ? guard_read_quiz(path, folder, quiz_bundled_folder(), &diags) : NULL;
	config_t config;
	config_init(&config);
	bool parsed = text && guard_parse(text, &config, &diags);
	const config_setting_t *root = parsed ? config_root_setting(&config) : NULL;
	const char *id = NULL;
	bool quiz = !text; /* parts include nothing, so an include went wrong */
	if (root) {
		quiz = config_setting_get_member(root, "id") ||
		       config_setting_get_member(root, "title") ||
		       config_setting_get_member(root, "scenarios");
		if (config_setting_lookup_string(root, "id", &id) &&
		    !quiz_id_is_valid(id, QUIZ_ID_QUIZ))
			id = NULL;
	} else if (text) {
		quiz = sets(text, path, "id") || sets(text, path, "title") ||
		       sets(text, path, "scenarios");
	}
	const char *name = slash ? slash + 1 : path;
	char *copy = !quiz ? NULL : id ? strdup(id) : strndup(name, strlen(name) - 4);
	*id_ok = folder && (!quiz || copy);
	config_destroy(&config);
	guard_text_free(text);
	diag_list_clear(&diags);
	free(folder);
	return copy;
}

static char *first_error(const struct diag_list *diags)
{
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *d = &diags->items[i];
		if (d->severity != DIAG_ERROR)
			continue;
		/* The label as diag_print() writes it. */
		const char *label = _("error");
		size_t size = strlen(d->file) + strlen(label) + strlen(d->message) + 32;
		char *error = malloc(size);
		if (error && d->line > 0)
			snprintf(error, size, "%s:%d: %s: %s", d->file, d->line, label, d->message);
		else if (error)
			snprintf(error, size, "%s: %s: %s", d->file, label, d->message);
		return error;
	}
	/* TRANSLATORS: "error" is the label of "FILE:LINE: error: MESSAGE". */
	return strdup(_("error: the quiz does not load"));
}

static char *own_language(const char *path);

static bool add_broken(struct catalog *catalog, const char *path, const struct diag_list *diags)
{
	bool id_ok;
	char *id = broken_quiz_id(path, &id_ok);
	if (!id)
		return id_ok;
	char *language = own_language(path);
	bool hidden = language && find_exact(catalog, id, language) != NULL;
	struct catalog_entry *entry = new_entry(catalog);
	if (!entry) {
		free(language);
		free(id);
		return false;
	}
	*entry = (struct catalog_entry){.path = strdup(path),
					.id = id,
					.language = language,
					.hidden = hidden,
					.broken = true,
					.error = first_error(diags)};
	return entry->path && entry->error && entry->language;
}

static bool scan_file(struct catalog *catalog, const char *path)
{
	struct diag_list diags = {0};
	struct quiz *quiz = quiz_load(path, &diags);
	bool ok = quiz ? add_entry(catalog, path, quiz) : add_broken(catalog, path, &diags);
	diag_list_clear(&diags);
	quiz_free(quiz);
	return ok;
}

int catalog_each_file(const char *folder, bool (*visit)(const char *path, void *data), void *data)
{
	struct dirent **names;
	int count = scandir(folder, &names, NULL, by_name);
	if (count < 0)
		return -1;
	bool ok = true;
	for (int i = 0; i < count; i++) {
		if (ok && is_quiz_name(names[i]->d_name)) {
			size_t size = strlen(folder) + strlen(names[i]->d_name) + 2;
			char *path = malloc(size);
			if (path)
				snprintf(path, size, "%s/%s", folder, names[i]->d_name);
			ok = path && visit(path, data);
			free(path);
		}
		free(names[i]);
	}
	free(names);
	return ok;
}

static bool scan_visit(const char *path, void *catalog)
{
	return scan_file(catalog, path);
}

static bool is_folder(const char *path)
{
	struct stat info;
	return stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

/* Calls VISIT with FOLDER, then with each of its language folders in name
 * order, until it returns false; false then. */
static bool each_language_folder(const char *folder, bool (*visit)(const char *folder, void *data),
				 void *data)
{
	if (!visit(folder, data))
		return false;
	struct dirent **names;
	int count = scandir(folder, &names, NULL, by_name);
	bool ok = true;
	for (int i = 0; i < count; i++) {
		const char *name = names[i]->d_name;
		if (ok && quiz_language_is_valid(name)) {
			size_t size = strlen(folder) + strlen(name) + 2;
			char *path = malloc(size);
			if (path)
				snprintf(path, size, "%s/%s", folder, name);
			ok = path && (!is_folder(path) || visit(path, data));
			free(path);
		}
		free(names[i]);
	}
	if (count >= 0)
		free(names);
	return ok;
}

/* What a file's own text (its includes not read) says at its top level. */
struct own_text {
	char *id;	       /* the string of its top-level "id = ...": NULL without one */
	char *language;	       /* the same for "language" */
	char *title;	       /* the same for "title", adjacent strings joined */
	char *description;     /* the same for "description" */
	bool text_unclear;     /* a title or description read no way but libconfig's */
	bool includes;	       /* an @include, which might set the id instead */
	bool unclear;	       /* an id that is no plain string, or set twice */
	bool language_unclear; /* the same for the language */
};
static bool read_own_text(const char *path, struct own_text *own);
static void own_text_clear(struct own_text *own);

struct lookup {
	const char *id;
	const char *wanted;    /* a language, or NULL for any */
	const char *candidate; /* "ID.cfg" */
	enum catalog_lookup result;
	char *path;
	struct quiz_peek *peek; /* filled when the file named after the id is it */
};

/* What PATH's own text says about the id looked up. */
struct claim {
	bool readable;	     /* read and scanned */
	bool own_id;	     /* it sets the id itself */
	bool language_clear; /* its language (or none, English) is a valid tag */
	bool suits;	     /* ... and one the lookup wants */
	bool other;	     /* it cannot be listed under the id in a wanted language */
};

/* With KEPT, PATH's own text is handed over there, to be cleared. */
static struct claim read_claim(const char *path, const struct lookup *lookup,
			       struct own_text *kept)
{
	struct own_text own;
	struct claim claim = {.readable = read_own_text(path, &own)};
	claim.own_id = claim.readable && !own.unclear && own.id && strcmp(own.id, lookup->id) == 0;
	/* No language in its own text is English, or an error (quiz_load);
	 * a tag that is not valid makes the quiz broken, listed as English. */
	const char *language = own.language ? own.language : QUIZ_DEFAULT_LANGUAGE;
	claim.language_clear =
		claim.readable && !own.language_unclear && quiz_language_is_valid(language);
	claim.suits = !lookup->wanted ||
		      (claim.language_clear && quiz_language_matches(language, lookup->wanted));
	/* Without an id of its own, a file is listed under one from an
	 * include, or under its own name, never the id (it is not named so). */
	claim.other = !claim.readable ||
		      (!own.unclear && (own.id ? !claim.own_id : !own.includes)) ||
		      (claim.own_id && claim.language_clear && !claim.suits);
	if (kept)
		*kept = own;
	else
		own_text_clear(&own);
	return claim;
}

/* Whether ENTRY's file is named after its id ("quick.cfg" for quick) and
 * sets that id and a valid language in its own text: the test
 * catalog_lookup's claimed_by_name() makes. */
static bool named_and_claimed(const struct catalog_entry *entry)
{
	const char *slash = strrchr(entry->path, '/');
	const char *name = slash ? slash + 1 : entry->path;
	size_t length = strlen(entry->id);
	if (strncmp(name, entry->id, length) != 0 || strcmp(name + length, ".cfg") != 0)
		return false;
	struct lookup probe = {.id = entry->id};
	struct claim claim = read_claim(entry->path, &probe, NULL);
	return claim.own_id && claim.language_clear;
}

static bool same_id_and_language(const struct catalog_entry *a, const struct catalog_entry *b)
{
	return strcmp(a->id, b->id) == 0 && strcmp(a->language, b->language) == 0;
}

/* Within one folder, the file named after an id that sets it comes first
 * among the folder's entries under that id, whatever their languages, and
 * hides those in its own language. (So catalog_lookup can begin with the
 * file of that name, and mostly end there.) Entries from START on are the
 * folder's; an entry missing a field (out of memory) is left where it is. */
static void put_named_first(struct catalog *catalog, size_t start)
{
	struct catalog_entry *entries = catalog->entries;
	for (size_t i = start; i < catalog->count; i++) {
		if (!entries[i].path || !entries[i].id || !entries[i].language)
			continue;
		size_t first = start;
		while (first < i && (!entries[first].id || !entries[first].language ||
				     strcmp(entries[first].id, entries[i].id) != 0))
			first++;
		if (first == i || !named_and_claimed(&entries[i]))
			continue;
		struct catalog_entry named = entries[i];
		memmove(&entries[first + 1], &entries[first], (i - first) * sizeof(*entries));
		entries[first] = named;
		/* Hidden again as catalog_scan() would have found them. */
		for (size_t k = first; k <= i; k++) {
			if (!entries[k].id || !entries[k].language)
				continue;
			entries[k].hidden = false;
			for (size_t m = 0; m < k && !entries[k].hidden; m++)
				entries[k].hidden = entries[m].id && entries[m].language &&
						    same_id_and_language(&entries[m], &entries[k]);
		}
	}
}

static bool scan_folder(const char *folder, void *data)
{
	struct catalog *catalog = data;
	size_t start = catalog->count;
	bool ok = catalog_each_file(folder, scan_visit, catalog) != 0;
	put_named_first(catalog, start);
	return ok;
}

/* Moves the versions of each id next to the first one, keeping the order
 * in which they were found. */
static void group_versions(struct catalog *catalog)
{
	struct catalog_entry *grouped = malloc(catalog->count * sizeof(*grouped));
	bool *placed = calloc(catalog->count, sizeof(*placed));
	size_t used = 0;
	for (size_t i = 0; grouped && placed && i < catalog->count; i++) {
		if (placed[i])
			continue;
		for (size_t j = i; j < catalog->count; j++) {
			if (placed[j] ||
			    strcmp(catalog->entries[j].id, catalog->entries[i].id) != 0)
				continue;
			grouped[used++] = catalog->entries[j];
			placed[j] = true;
		}
	}
	if (grouped && placed && used == catalog->count) {
		free(catalog->entries);
		catalog->entries = grouped;
		grouped = NULL;
	}
	free(grouped);
	free(placed);
}

bool catalog_scan(struct catalog *catalog, const char *folder)
{
	bool ok = each_language_folder(folder, scan_folder, catalog);
	if (catalog->count > 1)
		group_versions(catalog);
	return ok;
}

static void own_text_clear(struct own_text *own)
{
	free(own->id);
	free(own->language);
	free(own->title);
	free(own->description);
}

/* Past blanks and comments, as libconfig skips them. */
static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\f') {
			p++;
		} else if (*p == '#' || (*p == '/' && p + 1 < end && p[1] == '/')) {
			p = memchr(p, '\n', (size_t)(end - p));
			if (!p)
				return end;
		} else if (*p == '/' && p + 1 < end && p[1] == '*') {
			for (p += 2; p < end && !(*p == '*' && p + 1 < end && p[1] == '/'); p++)
				;
			p = p < end ? p + 2 : end;
		} else {
			break;
		}
	}
	return p;
}

/* Past the string that starts at P (a quote); *ESCAPES when it has any. */
static const char *skip_string(const char *p, const char *end, bool *escapes)
{
	for (p++; p < end && *p != '"'; p++)
		if (*p == '\\') {
			*escapes = true;
			p++;
		}
	return p < end ? p + 1 : end;
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '*';
}

/* Reads the value of a top-level setting whose '=' or ':' is at P into
 * *STRING, if it is one plain string; anything else makes it *UNCLEAR. */
static void read_string(const char *p, const char *end, char **string, bool *unclear)
{
	bool escapes = false;
	const char *value = skip_blanks(p + 1, end);
	const char *after = value < end && *value == '"' ? skip_string(value, end, &escapes) : NULL;
	const char *next = after ? skip_blanks(after, end) : NULL;
	/* "a" "b" is one string to libconfig: not worth unescaping here. */
	if (*string || !after || escapes || after - value < 2 || after[-1] != '"' ||
	    (next < end && *next == '"')) {
		*unclear = true;
		return;
	}
	*string = strndup(value + 1, (size_t)(after - value - 2));
	*unclear = !*string;
}

/* Reads a top-level text setting whose '=' or ':' is at P into *STRING:
 * one or more adjacent plain strings, joined as libconfig joins them.
 * Escapes, a value of another kind or a second setting make *UNCLEAR. */
static void read_text_value(const char *p, const char *end, char **string, bool *unclear)
{
	const char *value = skip_blanks(p + 1, end);
	size_t length = 0;
	char *joined = NULL;
	bool escapes = false, ok = !*string && value < end && *value == '"';
	while (ok && value < end && *value == '"') {
		const char *after = skip_string(value, end, &escapes);
		bool whole = after - value >= 2 && after[-1] == '"' && !escapes;
		size_t part = whole ? (size_t)(after - value) - 2 : 0;
		char *grown = whole ? realloc(joined, length + part + 1) : NULL;
		ok = grown != NULL;
		if (ok) {
			joined = grown;
			memcpy(joined + length, value + 1, part);
			length += part;
			joined[length] = '\0';
		}
		value = skip_blanks(after, end);
	}
	if (ok) {
		*string = joined;
	} else {
		free(joined);
		*unclear = true;
	}
}

static bool names(const char *name, size_t length, const char *expected)
{
	return length == strlen(expected) && memcmp(name, expected, length) == 0;
}

/* Top-level settings are those outside every group, list and array. */
static void scan_own_text(const char *p, const char *end, struct own_text *own)
{
	int depth = 0;
	bool escapes = false;
	while ((p = skip_blanks(p, end)) < end) {
		if (*p == '"') {
			p = skip_string(p, end, &escapes);
			continue;
		}
		if (depth == 0 && is_name_char(*p)) {
			const char *name = p;
			while (p < end && is_name_char(*p))
				p++;
			const char *next = skip_blanks(p, end);
			size_t length = (size_t)(p - name);
			if (next == end || (*next != '=' && *next != ':'))
				continue;
			if (names(name, length, "id"))
				read_string(next, end, &own->id, &own->unclear);
			else if (names(name, length, "language"))
				read_string(next, end, &own->language, &own->language_unclear);
			else if (names(name, length, "title"))
				read_text_value(next, end, &own->title, &own->text_unclear);
			else if (names(name, length, "description"))
				read_text_value(next, end, &own->description, &own->text_unclear);
			continue;
		}
		own->includes |= *p == '@';
		depth += *p == '{' || *p == '(' || *p == '[';
		depth -= *p == '}' || *p == ')' || *p == ']';
		p++;
	}
}

/* Reads PATH's own text as the guard would (opened once without waiting,
 * a regular file of bounded size) and scans it; false when it cannot be
 * read, in which case the catalogue lists it, broken, under its file name. */
static bool read_own_text(const char *path, struct own_text *own)
{
	*own = (struct own_text){0};
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat info = {0};
	if (fd < 0)
		return false;
	char *text = NULL;
	ssize_t length = -1;
	if (fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size <= GUARD_MAX_FILE &&
	    (text = malloc((size_t)info.st_size + 1)))
		length = read(fd, text, (size_t)info.st_size + 1);
	close(fd);
	/* A file that grew or shrank meanwhile is left to the full read. */
	bool ok = length == info.st_size;
	if (ok)
		scan_own_text(text, text + length, own);
	own->unclear |= !ok && text;
	own->language_unclear |= own->unclear;
	free(text);
	return ok || own->unclear;
}

/* Moves what OWN says of its quiz (read by read_own_text) into PEEK, as
 * catalog_peek() promises: false, PEEK untouched, when that is not enough. */
static bool peek_own_text(struct own_text *own, struct quiz_peek *peek)
{
	bool ok = !own->unclear && !own->text_unclear && own->id && own->title;
	if (ok && !own->description)
		own->description = strdup("");
	ok = ok && own->description;
	if (ok) {
		*peek = (struct quiz_peek){own->id, own->title, own->description};
		own->id = own->title = own->description = NULL;
	}
	return ok;
}

/* The language a quiz's own text sets when it is a valid tag, else "en":
 * what the catalogue lists a broken quiz under, as catalog_lookup reads. */
static char *own_language(const char *path)
{
	struct own_text own;
	bool readable = read_own_text(path, &own);
	bool valid = readable && !own.language_unclear && own.language &&
		     quiz_language_is_valid(own.language);
	char *language = strdup(valid ? own.language : QUIZ_DEFAULT_LANGUAGE);
	own_text_clear(&own);
	return language;
}

static void found(struct lookup *lookup, const char *path)
{
	lookup->path = strdup(path);
	lookup->result = lookup->path ? CATALOG_FOUND : CATALOG_UNSURE;
}

/* Files come in the catalogue's order: a file not named after the id must
 * be shown not to claim it; the one named after it must be shown to. */
static bool lookup_visit(const char *path, void *data)
{
	struct lookup *lookup = data;
	const char *slash = strrchr(path, '/');
	bool named = strcmp(slash ? slash + 1 : path, lookup->candidate) == 0;
	struct claim claim = read_claim(path, lookup, NULL);
	if (named && claim.own_id && claim.suits)
		found(lookup, path);
	else if ((named && !(claim.own_id && claim.language_clear)) || !claim.other)
		lookup->result = CATALOG_UNSURE;
	return lookup->result == CATALOG_MISSING;
}

/* FOLDER/ID.cfg, when it sets the id and a language that suits, is what the
 * catalogue would give: FOLDER comes before its language folders, and
 * that file before every other quiz of FOLDER under the id, whatever its
 * language (put_named_first). Then no other file need be read, and what
 * it says of itself is the welcome's peek (catalog_peek). */
static bool claimed_by_name(const char *folder, struct lookup *lookup)
{
	size_t size = strlen(folder) + strlen(lookup->candidate) + 2;
	char *path = malloc(size);
	if (!path)
		return false;
	snprintf(path, size, "%s/%s", folder, lookup->candidate);
	struct own_text own;
	struct claim claim = read_claim(path, lookup, &own);
	if (claim.own_id && claim.language_clear && claim.suits) {
		found(lookup, path);
		if (lookup->path && lookup->peek)
			peek_own_text(&own, lookup->peek);
	}
	own_text_clear(&own);
	free(path);
	return lookup->result == CATALOG_FOUND;
}

static bool lookup_folder(const char *folder, void *data)
{
	struct lookup *lookup = data;
	if (catalog_each_file(folder, lookup_visit, lookup) == 0 && !lookup->path &&
	    lookup->result == CATALOG_MISSING)
		lookup->result = CATALOG_UNSURE; /* out of memory */
	return lookup->result == CATALOG_MISSING;
}

enum catalog_lookup catalog_lookup(const char *folder, const char *id, const char *wanted,
				   char **path, struct quiz_peek *peek)
{
	*path = NULL;
	size_t size = strlen(id) + sizeof(".cfg");
	char *candidate = malloc(size);
	if (!candidate)
		return CATALOG_UNSURE;
	snprintf(candidate, size, "%s.cfg", id);
	struct lookup lookup = {
		.id = id,
		.wanted = wanted,
		.candidate = candidate,
		.result = CATALOG_MISSING,
		.peek = peek};
	/* A name the catalogue never lists (".x.cfg", "a/b") is for the walk. */
	if (!is_quiz_name(candidate) || strchr(id, '/'))
		lookup.result = CATALOG_UNSURE;
	else if (!claimed_by_name(folder, &lookup) && lookup.result == CATALOG_MISSING &&
		 !each_language_folder(folder, lookup_folder, &lookup) && !lookup.path &&
		 lookup.result == CATALOG_MISSING)
		lookup.result = CATALOG_UNSURE; /* out of memory */
	free(candidate);
	*path = lookup.path;
	return lookup.result;
}

/* The first entry listed under ID in a language that suits WANTED (NULL:
 * any); never a hidden one, since the entry that hides it comes first. */
static const struct catalog_entry *find_suiting(const struct catalog *catalog, const char *id,
						const char *wanted)
{
	for (size_t i = 0; i < catalog->count; i++) {
		const struct catalog_entry *entry = &catalog->entries[i];
		if (strcmp(entry->id, id) == 0 &&
		    (!wanted || quiz_language_matches(entry->language, wanted)))
			return entry;
	}
	return NULL;
}

const struct catalog_entry *catalog_find(const struct catalog *catalog, const char *id)
{
	return find_suiting(catalog, id, NULL);
}

const struct catalog_entry *catalog_find_version(const struct catalog *catalog, const char *id,
						 const char *languages)
{
	const struct catalog_entry *found = NULL;
	char tag[32];
	for (const char *at = languages; !found && *at; at += *at == ':') {
		size_t length = strcspn(at, ":");
		snprintf(tag, sizeof(tag), "%.*s", (int)length, at);
		if (length < sizeof(tag) && quiz_language_is_valid(tag))
			found = find_suiting(catalog, id, tag);
		at += length;
	}
	if (!found)
		found = find_suiting(catalog, id, QUIZ_DEFAULT_LANGUAGE);
	return found ? found : find_suiting(catalog, id, NULL);
}

void catalog_clear(struct catalog *catalog)
{
	for (size_t i = 0; i < catalog->count; i++) {
		free(catalog->entries[i].path);
		free(catalog->entries[i].id);
		free(catalog->entries[i].title);
		free(catalog->entries[i].language);
		free(catalog->entries[i].error);
	}
	free(catalog->entries);
	*catalog = (struct catalog){0};
}

bool catalog_peek(const char *path, struct quiz_peek *peek)
{
	*peek = (struct quiz_peek){0};
	struct own_text own;
	bool ok = read_own_text(path, &own) && peek_own_text(&own, peek);
	own_text_clear(&own);
	return ok;
}

void quiz_peek_clear(struct quiz_peek *peek)
{
	free(peek->id);
	free(peek->title);
	free(peek->description);
	*peek = (struct quiz_peek){0};
}
