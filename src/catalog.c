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

static bool add_entry(struct catalog *catalog, const char *path, const struct quiz *quiz)
{
	bool hidden = catalog_find(catalog, quiz->id) != NULL;
	struct catalog_entry *entry = new_entry(catalog);
	if (!entry)
		return false;
	*entry = (struct catalog_entry){
		.path = strdup(path),
		.id = strdup(quiz->id),
		.title = strdup(quiz->title),
		.version = quiz->version,
		.scenario_count = quiz->scenario_count,
		.question_count = quiz->question_count,
		.role_count = quiz->role_count,
		.hidden = hidden,
	};
	return entry->path && entry->id && entry->title;
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
		size_t size = strlen(d->file) + strlen(d->message) + 32;
		char *error = malloc(size);
		if (error && d->line > 0)
			snprintf(error, size, "%s:%d: error: %s", d->file, d->line, d->message);
		else if (error)
			snprintf(error, size, "%s: error: %s", d->file, d->message);
		return error;
	}
	return strdup("error: the quiz does not load");
}

static bool add_broken(struct catalog *catalog, const char *path, const struct diag_list *diags)
{
	bool id_ok;
	char *id = broken_quiz_id(path, &id_ok);
	if (!id)
		return id_ok;
	bool hidden = catalog_find(catalog, id) != NULL;
	struct catalog_entry *entry = new_entry(catalog);
	if (!entry) {
		free(id);
		return false;
	}
	*entry = (struct catalog_entry){.path = strdup(path),
					.id = id,
					.hidden = hidden,
					.broken = true,
					.error = first_error(diags)};
	return entry->path && entry->error;
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

bool catalog_scan(struct catalog *catalog, const char *folder)
{
	return catalog_each_file(folder, scan_visit, catalog) != 0;
}

/* What a file's own text (its includes not read) says at its top level. */
struct own_text {
	char *id;      /* the string of its top-level "id = ...": NULL without one */
	bool includes; /* an @include, which might set the id instead */
	bool unclear;  /* an id that is no plain string, or set twice */
};

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

/* Reads the value of a top-level setting named "id" whose '=' or ':' is at
 * P, if it is one plain string; anything else leaves OWN unclear. */
static void read_id(const char *p, const char *end, struct own_text *own)
{
	bool escapes = false;
	const char *value = skip_blanks(p + 1, end);
	const char *after = value < end && *value == '"' ? skip_string(value, end, &escapes) : NULL;
	const char *next = after ? skip_blanks(after, end) : NULL;
	/* "a" "b" is one string to libconfig: not worth unescaping here. */
	if (own->id || !after || escapes || after - value < 2 || after[-1] != '"' ||
	    (next < end && *next == '"')) {
		own->unclear = true;
		return;
	}
	own->id = strndup(value + 1, (size_t)(after - value - 2));
	own->unclear = !own->id;
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
			if (p - name == 2 && memcmp(name, "id", 2) == 0 && next < end &&
			    (*next == '=' || *next == ':'))
				read_id(next, end, own);
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
	free(text);
	return ok || own->unclear;
}

struct lookup {
	const char *id;
	const char *candidate; /* "ID.cfg" */
	enum catalog_lookup result;
	char *path;
};

/* Files come in the catalogue's order: a file not named after the id must
 * be shown not to claim it; the one named after it must be shown to. */
static bool lookup_visit(const char *path, void *data)
{
	struct lookup *lookup = data;
	const char *slash = strrchr(path, '/');
	bool named = strcmp(slash ? slash + 1 : path, lookup->candidate) == 0;
	struct own_text own;
	bool readable = read_own_text(path, &own);
	bool own_id = readable && !own.unclear && own.id && strcmp(own.id, lookup->id) == 0;
	/* Without an id of its own, a file is listed under one from an
	 * include, or under its own name, never the id (it is not named so). */
	bool other = !readable || (!own.unclear && (own.id ? !own_id : !own.includes));
	free(own.id);
	if (named && own_id) {
		lookup->path = strdup(path);
		lookup->result = lookup->path ? CATALOG_FOUND : CATALOG_UNSURE;
	} else if (named || !other) {
		lookup->result = CATALOG_UNSURE;
	}
	return lookup->result == CATALOG_MISSING;
}

enum catalog_lookup catalog_lookup(const char *folder, const char *id, char **path)
{
	*path = NULL;
	size_t size = strlen(id) + sizeof(".cfg");
	char *candidate = malloc(size);
	if (!candidate)
		return CATALOG_UNSURE;
	snprintf(candidate, size, "%s.cfg", id);
	struct lookup lookup = {.id = id, .candidate = candidate, .result = CATALOG_MISSING};
	/* A name the catalogue never lists (".x.cfg", "a/b") is for the walk. */
	if (!is_quiz_name(candidate) || strchr(id, '/'))
		lookup.result = CATALOG_UNSURE;
	else if (catalog_each_file(folder, lookup_visit, &lookup) == 0 && !lookup.path &&
		 lookup.result == CATALOG_MISSING)
		lookup.result = CATALOG_UNSURE; /* out of memory */
	free(candidate);
	*path = lookup.path;
	return lookup.result;
}

const struct catalog_entry *catalog_find(const struct catalog *catalog, const char *id)
{
	for (size_t i = 0; i < catalog->count; i++)
		if (!catalog->entries[i].hidden && catalog->entries[i].id &&
		    strcmp(catalog->entries[i].id, id) == 0)
			return &catalog->entries[i];
	return NULL;
}

void catalog_clear(struct catalog *catalog)
{
	for (size_t i = 0; i < catalog->count; i++) {
		free(catalog->entries[i].path);
		free(catalog->entries[i].id);
		free(catalog->entries[i].title);
		free(catalog->entries[i].error);
	}
	free(catalog->entries);
	*catalog = (struct catalog){0};
}
