#include "careerfit/guard.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Which file a run of lines of the parsed text comes from. */
struct origin {
	size_t first_line; /* in the parsed text, from 1 */
	size_t file;	   /* index into files */
	int file_line;
};

struct guard_text {
	char *text; /* what libconfig parses */
	size_t length, capacity;
	size_t line;	/* the line being written, from 1 */
	size_t *starts; /* where each line begins, filled at the end */
	size_t line_count;
	bool long_numbers; /* some number has 10 or more digits */
	char **files;	   /* as the user should see them */
	size_t file_count;
	struct origin *origins;
	size_t origin_count, origin_capacity;
};

/* One file being expanded. */
struct reader {
	struct guard_text *out;
	struct diag_list *diags;
	bool includes;
	const char *include_dir;
	const char *kind; /* "quiz", "result"...: for messages */
	bool failed;
};

static bool grow(void **items, size_t *capacity, size_t needed, size_t size)
{
	if (needed <= *capacity)
		return true;
	size_t next = *capacity ? *capacity * 2 : 64;
	while (next < needed)
		next *= 2;
	void *grown = realloc(*items, next * size);
	if (!grown)
		return false;
	*items = grown;
	*capacity = next;
	return true;
}

static bool append(struct reader *rd, const char *bytes, size_t length)
{
	struct guard_text *out = rd->out;
	if (out->length + length > GUARD_MAX_FILE ||
	    !grow((void **)&out->text, &out->capacity, out->length + length + 1, 1))
		return false;
	memcpy(out->text + out->length, bytes, length);
	out->length += length;
	out->text[out->length] = '\0';
	for (size_t i = 0; i < length; i++)
		out->line += bytes[i] == '\n';
	return true;
}

/* From the current line on, the text comes from FILE at FILE_LINE. */
static bool mark_origin(struct reader *rd, size_t file, int file_line)
{
	struct guard_text *out = rd->out;
	if (!grow((void **)&out->origins, &out->origin_capacity, out->origin_count + 1,
		  sizeof(*out->origins)))
		return false;
	out->origins[out->origin_count++] =
		(struct origin){.first_line = out->line, .file = file, .file_line = file_line};
	return true;
}

static size_t add_file(struct reader *rd, const char *shown)
{
	struct guard_text *out = rd->out;
	char **grown = realloc(out->files, (out->file_count + 1) * sizeof(*grown));
	char *copy = strdup(shown);
	if (!grown || !copy) {
		free(copy);
		if (grown)
			out->files = grown;
		return (size_t)-1;
	}
	out->files = grown;
	out->files[out->file_count] = copy;
	return out->file_count++;
}

static char *read_all(int fd, size_t *length, const char **why)
{
	size_t size = 0, capacity = 0;
	char *text = NULL;
	for (;;) {
		if (!grow((void **)&text, &capacity, size + 65536 + 1, 1)) {
			*why = "out of memory";
			errno = ENOMEM;
			break;
		}
		ssize_t got = read(fd, text + size, capacity - size - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			*why = strerror(errno);
			break;
		}
		if (got == 0) {
			text[size] = '\0';
			*length = size;
			return text;
		}
		size += (size_t)got;
		if (size > GUARD_MAX_FILE) {
			*why = "too large";
			errno = 0;
			break;
		}
	}
	free(text);
	return NULL;
}

enum refusal {
	REFUSED_ERRNO,	 /* open or read failed: errno says why */
	REFUSED_FOLDER,	 /* a folder */
	REFUSED_SPECIAL, /* a pipe, a device, a socket */
	REFUSED_SIZE,	 /* over GUARD_MAX_FILE */
};

/* Reads PATH whole. It is opened once and never waited on (a pipe or a
 * terminal is refused, not read), and what is checked is the descriptor
 * that is read, so the file cannot be swapped in between. On failure
 * *REFUSAL and errno say why. */
static char *read_file(const char *path, size_t *length, enum refusal *refusal)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	*refusal = REFUSED_ERRNO;
	if (fd < 0)
		return NULL;
	struct stat info;
	char *text = NULL;
	const char *why = NULL;
	if (fstat(fd, &info) != 0)
		why = "fstat";
	else if (S_ISDIR(info.st_mode))
		*refusal = REFUSED_FOLDER;
	else if (!S_ISREG(info.st_mode))
		*refusal = REFUSED_SPECIAL;
	else if ((unsigned long long)info.st_size > GUARD_MAX_FILE)
		*refusal = REFUSED_SIZE;
	else if (!(text = read_all(fd, length, &why)) && errno == 0)
		*refusal = REFUSED_SIZE;
	int saved = errno;
	close(fd);
	errno = saved;
	return text;
}

__attribute__((format(printf, 4, 5))) static void fail(struct reader *rd, const char *file,
						       int line, const char *format, ...)
{
	char message[512];
	va_list args;
	va_start(args, format);
	vsnprintf(message, sizeof(message), format, args);
	va_end(args);
	diag_add(rd->diags, DIAG_ERROR, file, line, "%s", message);
	rd->failed = true;
}

/* Says why the file of the quiz (or result, or progress) could not be
 * read: at its @include when it is included, else about the file. */
static void refuse(struct reader *rd, enum refusal refusal, const char *shown, const char *written,
		   const char *parent, int parent_line, const char *kind)
{
	int error = errno;
	if (!parent && refusal == REFUSED_FOLDER)
		fail(rd, shown, 0, "is a folder, not a %s file", kind);
	else if (!parent && refusal == REFUSED_SPECIAL)
		fail(rd, shown, 0, "is not a regular file");
	else if (!parent && refusal == REFUSED_SIZE)
		fail(rd, shown, 0, "is larger than 64 MiB, more than careerfit reads");
	else if (!parent)
		fail(rd, shown, 0, "cannot read the %s: %s", kind, strerror(error));
	else if (refusal == REFUSED_FOLDER || refusal == REFUSED_SPECIAL)
		fail(rd, parent, parent_line, "the included '%s' is not a file", written);
	else if (refusal == REFUSED_SIZE)
		fail(rd, parent, parent_line, "the included '%s' is larger than 64 MiB", written);
	else if (error == ENOENT && written[0] != '/')
		fail(rd, parent, parent_line,
		     "cannot open the included file '%s': includes are read from %s/, the folder "
		     "of the quiz file given",
		     written, rd->include_dir);
	else
		fail(rd, parent, parent_line, "cannot read the included '%s': %s", written,
		     strerror(error));
}

enum scan_state { SCAN_CODE, SCAN_STRING, SCAN_COMMENT };

/* Where libconfig's scanner is, as far as includes and token lengths
 * need: in code, in a string, or in a block comment. */
struct scan {
	enum scan_state state;
	size_t token; /* bytes of the current string, comment or word */
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Moves SCAN over [P, END), one line; false when a token grows past
 * GUARD_MAX_TOKEN (libconfig's time grows with its square). */
static bool scan_line(struct scan *scan, const char *p, const char *end)
{
	for (; p < end; p++) {
		bool two = p + 1 < end;
		if (scan->state == SCAN_STRING) {
			if (*p == '"') {
				scan->state = SCAN_CODE;
				continue;
			}
			if (*p == '\\' && two)
				p++;
		} else if (scan->state == SCAN_COMMENT) {
			if (*p == '*' && two && p[1] == '/') {
				scan->state = SCAN_CODE;
				p++;
				continue;
			}
		} else if (*p == '#' || (*p == '/' && two && p[1] == '/')) {
			return (size_t)(end - p) <= GUARD_MAX_TOKEN; /* to the end of the line */
		} else if (*p == '"' || (*p == '/' && two && p[1] == '*')) {
			scan->state = *p == '"' ? SCAN_STRING : SCAN_COMMENT;
			scan->token = 0;
			p += *p == '/';
			continue;
		} else if (is_blank(*p) || *p == ',' || *p == ';' || *p == '=' || *p == ':') {
			scan->token = 0;
			continue;
		}
		if (++scan->token > GUARD_MAX_TOKEN)
			return false;
	}
	return true;
}

/* Where an @include's path starts on [LINE, END), if the line is one as
 * libconfig 1.5 sees it: blanks, "@include", blanks, a quote. With LOOSE,
 * any line that starts with "@include" counts (returning END). */
static const char *include_start(const char *line, const char *end, bool loose)
{
	const char *p = line;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if ((size_t)(end - p) < 8 || memcmp(p, "@include", 8) != 0)
		return NULL;
	if (loose)
		return end;
	const char *blanks = p += 8;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p > blanks && p < end && *p == '"' ? p + 1 : NULL;
}

/* The path of an @include, unescaped as libconfig does (only \\ and \"
 * are escapes there); NULL with *WHY otherwise. *REST follows the quote. */
static char *include_path(const char *p, const char *end, const char **rest, const char **why)
{
	char *path = malloc((size_t)(end - p) + 1);
	size_t n = 0;
	if (!path) {
		*why = "out of memory";
		return NULL;
	}
	for (; p < end && *p != '"' && *p != '\n'; p++) {
		if (*p == '\\' && (p + 1 >= end || (p[1] != '\\' && p[1] != '"'))) {
			*why = "its path holds a backslash that is neither \\\\ nor \\\"";
			free(path);
			return NULL;
		}
		p += *p == '\\';
		path[n++] = *p;
	}
	if (p >= end || *p != '"') {
		*why = "its path has no closing quote on the same line";
		free(path);
		return NULL;
	}
	path[n] = '\0';
	*rest = p + 1;
	return path;
}

/* What follows an @include's path stays on its line, as libconfig reads
 * it (a comma, say), but careerfit puts it on a line of its own, where a
 * second @include would become one that libconfig opens: refused. */
static bool rest_has_include(const char *p, const char *end)
{
	for (; end - p >= 8; p++)
		if (memcmp(p, "@include", 8) == 0)
			return true;
	return false;
}

static int line_of(const char *text, const char *at)
{
	int line = 1;
	for (const char *p = text; p < at; p++)
		line += *p == '\n';
	return line;
}

/* PATH joined to FOLDER, unless it is absolute. */
static char *join(const char *folder, const char *path)
{
	if (path[0] == '/' || strcmp(folder, ".") == 0)
		return strdup(path);
	size_t size = strlen(folder) + strlen(path) + 2;
	char *joined = malloc(size);
	if (joined)
		snprintf(joined, size, "%s/%s", folder, path);
	return joined;
}

static void expand(struct reader *rd, const char *path, const char *shown, int depth,
		   const char *parent, int parent_line, const char *written);

/* The @include whose path starts at START on line LINE_NUMBER of SHOWN:
 * the included file goes in its place, then the rest of the line. */
static void expand_include(struct reader *rd, struct scan *scan, const char *start, const char *end,
			   const char *shown, int line_number, int depth, size_t file)
{
	const char *rest = NULL, *why = NULL;
	char *written = include_path(start, end, &rest, &why);
	char *joined = written ? join(rd->include_dir, written) : NULL;
	if (!written)
		fail(rd, shown, line_number, "this @include cannot be read: %s", why);
	else if (!joined)
		fail(rd, shown, line_number, "out of memory");
	else if (rest_has_include(rest, end))
		fail(rd, shown, line_number, "one @include to a line: put the second on its own");
	else if (!*written)
		fail(rd, shown, line_number, "the @include names no file");
	else if (depth + 1 > GUARD_MAX_DEPTH)
		fail(rd, shown, line_number, "includes nest more than %d deep", GUARD_MAX_DEPTH);
	else
		expand(rd, joined, joined, depth + 1, shown, line_number, written);
	struct guard_text *out = rd->out;
	if (!rd->failed && out->length && out->text[out->length - 1] != '\n' &&
	    !append(rd, "\n", 1))
		fail(rd, shown, line_number, "out of memory");
	if (!rd->failed && !scan_line(scan, rest, end))
		fail(rd, shown, line_number, "a string, comment or word longer than 256 KiB");
	if (!rd->failed &&
	    (!mark_origin(rd, file, line_number) || !append(rd, rest, (size_t)(end - rest))))
		fail(rd, shown, line_number, "out of memory");
	free(joined);
	free(written);
}

/* One line of SHOWN: an @include is expanded, anything else copied. */
static void expand_line(struct reader *rd, struct scan *scan, const char *line, const char *end,
			const char *shown, int line_number, int depth, size_t file)
{
	const char *start = scan->state == SCAN_CODE ? include_start(line, end, false) : NULL;
	if (start && !rd->includes)
		fail(rd, shown, line_number, "a %s file cannot include another file", rd->kind);
	else if (start)
		expand_include(rd, scan, start, end, shown, line_number, depth, file);
	else if (scan->state != SCAN_CODE && include_start(line, end, true))
		fail(rd, shown, line_number,
		     "an @include inside a string or a comment: careerfit will not guess whether "
		     "it counts");
	else if (!scan_line(scan, line, end))
		fail(rd, shown, line_number,
		     "a string, comment or word longer than 256 KiB: careerfit reads only shorter "
		     "ones");
	else if (!append(rd, line, (size_t)(end - line)))
		fail(rd, shown, line_number, "the %s with its includes is larger than 64 MiB",
		     rd->kind);
}

static void expand(struct reader *rd, const char *path, const char *shown, int depth,
		   const char *parent, int parent_line, const char *written)
{
	enum refusal refusal;
	size_t length = 0;
	errno = 0;
	char *text = read_file(path, &length, &refusal);
	if (!text) {
		refuse(rd, refusal, shown, written, parent, parent_line, rd->kind);
		return;
	}
	const char *nul = memchr(text, '\0', length);
	size_t file = nul ? 0 : add_file(rd, shown);
	if (nul)
		fail(rd, shown, line_of(text, nul), "holds a NUL byte: it is not a text file");
	else if (file == (size_t)-1 || !mark_origin(rd, file, 1))
		fail(rd, shown, 0, "out of memory");
	struct scan scan = {SCAN_CODE, 0};
	const char *line = text;
	for (int number = 1; !rd->failed && line < text + length; number++) {
		const char *end = memchr(line, '\n', (size_t)(text + length - line));
		end = end ? end + 1 : text + length;
		expand_line(rd, &scan, line, end, shown, number, depth, file);
		line = end;
	}
	free(text);
}

static bool is_number_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
	       c == 'x' || c == 'X';
}

/* Whether any run of digits (decimal or hex) is 10 long: only such a
 * literal can be too large for libconfig's 32-bit integers. */
static bool has_long_number(const char *text, size_t length)
{
	size_t run = 0;
	bool digit = false;
	for (size_t i = 0; i < length; i++) {
		run = is_number_char(text[i]) ? run + 1 : 0;
		digit = run && (digit || (text[i] >= '0' && text[i] <= '9'));
		if (run >= 10 && digit)
			return true;
	}
	return false;
}

/* Where each line of the parsed text starts, for guard_line(). */
static bool index_lines(struct guard_text *out)
{
	out->long_numbers = has_long_number(out->text, out->length);
	size_t count = 1;
	for (size_t i = 0; i < out->length; i++)
		count += out->text[i] == '\n';
	out->starts = malloc(count * sizeof(*out->starts));
	if (!out->starts)
		return false;
	out->starts[0] = 0;
	for (size_t i = 0, line = 1; i < out->length; i++)
		if (out->text[i] == '\n')
			out->starts[line++] = i + 1;
	out->line_count = count;
	return true;
}

struct guard_text *guard_read(const char *path, const char *kind, bool includes,
			      const char *include_dir, struct diag_list *diags)
{
	struct guard_text *out = calloc(1, sizeof(*out));
	if (!out) {
		diag_add(diags, DIAG_ERROR, path, 0, "out of memory");
		return NULL;
	}
	out->line = 1;
	struct reader rd = {.out = out,
			    .diags = diags,
			    .includes = includes,
			    .include_dir = include_dir ? include_dir : ".",
			    .kind = kind};
	expand(&rd, path, path, 0, NULL, 0, path);
	if (!rd.failed && (!append(&rd, "", 0) || !index_lines(out)))
		fail(&rd, path, 0, "out of memory");
	if (!rd.failed)
		return out;
	guard_text_free(out);
	return NULL;
}

void guard_text_free(struct guard_text *text)
{
	if (!text)
		return;
	for (size_t i = 0; i < text->file_count; i++)
		free(text->files[i]);
	free(text->files);
	free(text->origins);
	free(text->starts);
	free(text->text);
	free(text);
}

bool guard_parse(const struct guard_text *text, config_t *config, struct diag_list *diags)
{
	if (config_read_string(config, text->text))
		return true;
	const char *file;
	int line;
	guard_origin(text, config_error_line(config), &file, &line);
	diag_add(diags, DIAG_ERROR, file, line, "%s", config_error_text(config));
	return false;
}

void guard_origin(const struct guard_text *text, int line, const char **file, int *file_line)
{
	/* The last run of lines that starts at or before LINE. */
	size_t low = 0, high = text->origin_count;
	while (high - low > 1) {
		size_t middle = low + (high - low) / 2;
		if (text->origins[middle].first_line <= (size_t)line)
			low = middle;
		else
			high = middle;
	}
	const struct origin *origin = &text->origins[low];
	*file = text->files[origin->file];
	*file_line = origin->file_line + (int)((size_t)line - origin->first_line);
	if (*file_line < 1)
		*file_line = 1;
}

const char *guard_line(const struct guard_text *text, int line)
{
	if (line < 1 || (size_t)line > text->line_count)
		return NULL;
	return text->text + text->starts[line - 1];
}

bool guard_long_numbers(const struct guard_text *text)
{
	return text->long_numbers;
}
