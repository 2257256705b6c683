#include "careerfit/guard.h"

#include "careerfit/i18n.h"
#include "careerfit/text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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
	const char *library_dir; /* "careerfit/..." falls back to it, or NULL */
	const char *kind;	 /* "quiz", "result"...: for messages */
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

/* Reads FD to its end; NULL with errno set, or 0 when it is too large. */
static char *read_all(int fd, size_t *length)
{
	size_t size = 0, capacity = 0;
	char *text = NULL;
	for (;;) {
		if (!grow((void **)&text, &capacity, size + 65536 + 1, 1)) {
			errno = ENOMEM;
			break;
		}
		ssize_t got = read(fd, text + size, capacity - size - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			break;
		if (got == 0) {
			text[size] = '\0';
			*length = size;
			return text;
		}
		size += (size_t)got;
		if (size > GUARD_MAX_FILE) {
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
	if (fstat(fd, &info) != 0) {
		/* REFUSED_ERRNO: errno says why */
	} else if (S_ISDIR(info.st_mode))
		*refusal = REFUSED_FOLDER;
	else if (!S_ISREG(info.st_mode))
		*refusal = REFUSED_SPECIAL;
	else if ((unsigned long long)info.st_size > GUARD_MAX_FILE)
		*refusal = REFUSED_SIZE;
	else if (!(text = read_all(fd, length)) && errno == 0)
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

/* Whether WRITTEN, an @include's path, names a bundled file. */
static bool in_library(const char *written)
{
	size_t length = strlen(GUARD_LIBRARY_PREFIX);
	return strncmp(written, GUARD_LIBRARY_PREFIX, length) == 0 && written[length] != '\0';
}

/* The sentences that name the kind of file read, whole for each kind so
 * that a translator never has to fit a noun into someone else's sentence. */
struct kind_text {
	const char *kind;
	const char *folder;	/* "is a folder, not a quiz file" */
	const char *unreadable; /* "cannot read the quiz: %s" (strerror) */
	const char *no_include; /* an @include where none is allowed */
	const char *too_large;	/* the file and its includes over 64 MiB */
};

static const struct kind_text kind_texts[] = {
	/* TRANSLATORS: printed as "FILE: error: is a folder, ...": the file
	 * is the subject. */
	{"quiz", N_("is a folder, not a quiz file"),
	 /* TRANSLATORS: %s is the system's reason, such as "No such file or
	  * directory". */
	 N_("cannot read the quiz: %s"), N_("a quiz file cannot include another file"),
	 N_("the quiz with its includes is larger than 64 MiB")},
	{"result", N_("is a folder, not a result file"),
	 /* TRANSLATORS: %s is the system's reason, such as "No such file or
	  * directory". */
	 N_("cannot read the result: %s"), N_("a result file cannot include another file"),
	 N_("the result with its includes is larger than 64 MiB")},
	{"progress", N_("is a folder, not a progress file"),
	 /* TRANSLATORS: %s is the system's reason, such as "No such file or
	  * directory". */
	 N_("cannot read the progress file: %s"), N_("a progress file cannot include another file"),
	 N_("the progress file with its includes is larger than 64 MiB")},
};

static const struct kind_text other_kind = {NULL, N_("is a folder, not a file careerfit reads"),
					    /* TRANSLATORS: %s is the system's reason, such as "No
					     * such file or directory". */
					    N_("cannot read the file: %s"),
					    N_("this file cannot include another file"),
					    N_("the file with its includes is larger than 64 MiB")};

static const struct kind_text *kind_text(const char *kind)
{
	for (size_t i = 0; i < sizeof(kind_texts) / sizeof(kind_texts[0]); i++)
		if (kind && strcmp(kind, kind_texts[i].kind) == 0)
			return &kind_texts[i];
	return &other_kind;
}

/* Says why the file of the quiz (or result, or progress) could not be
 * read: at its @include when it is included, else about the file. */
static void refuse(struct reader *rd, enum refusal refusal, const char *shown, const char *written,
		   const char *parent, int parent_line, const char *kind)
{
	int error = errno;
	if (!parent && refusal == REFUSED_FOLDER)
		fail(rd, shown, 0, "%s", _(kind_text(kind)->folder));
	else if (!parent && refusal == REFUSED_SPECIAL)
		/* TRANSLATORS: printed as "FILE: error: is not a regular file": the
		 * file is the subject. */
		fail(rd, shown, 0, _("is not a regular file"));
	else if (!parent && refusal == REFUSED_SIZE)
		/* TRANSLATORS: printed as "FILE: error: is larger than ...": the file
		 * is the subject. */
		fail(rd, shown, 0, _("is larger than 64 MiB, more than careerfit reads"));
	else if (!parent)
		fail(rd, shown, 0, _(kind_text(kind)->unreadable), strerror(error));
	else if (refusal == REFUSED_FOLDER || refusal == REFUSED_SPECIAL)
		/* TRANSLATORS: %s is the path an @include names. */
		fail(rd, parent, parent_line, _("the included '%s' is not a file"), written);
	else if (refusal == REFUSED_SIZE)
		/* TRANSLATORS: %s is the path an @include names. */
		fail(rd, parent, parent_line, _("the included '%s' is larger than 64 MiB"),
		     written);
	else if (error == ENOENT && rd->library_dir && in_library(written))
		fail(rd, parent, parent_line,
		     /* TRANSLATORS: the first %s is the path an @include names, the
		      * second the quiz file's folder, the third the folder of the
		      * quizzes installed with careerfit. */
		     _("cannot open the included file '%s': it is neither in %s/, the folder of "
		       "the quiz file given, nor among the bundled quizzes in %s/"),
		     written, rd->include_dir, rd->library_dir);
	else if (error == ENOENT && written[0] != '/')
		fail(rd, parent, parent_line,
		     /* TRANSLATORS: the first %s is the path an @include names, the
		      * second the quiz file's folder. */
		     _("cannot open the included file '%s': includes are read from %s/, the "
		       "folder of the quiz file given"),
		     written, rd->include_dir);
	else
		/* TRANSLATORS: the first %s is the path an @include names, the
		 * second the system's reason, such as "Permission denied". */
		fail(rd, parent, parent_line, _("cannot read the included '%s': %s"), written,
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
		*why = _("out of memory");
		return NULL;
	}
	for (; p < end && *p != '"' && *p != '\n'; p++) {
		if (*p == '\\' && (p + 1 >= end || (p[1] != '\\' && p[1] != '"'))) {
			*why = _("its path holds a backslash that is neither \\\\ nor \\\"");
			free(path);
			return NULL;
		}
		p += *p == '\\';
		path[n++] = *p;
	}
	if (p >= end || *p != '"') {
		*why = _("its path has no closing quote on the same line");
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

/* The file an @include of WRITTEN reads: beside the quiz, or, for
 * "careerfit/NAME" when there is no such file there, the bundled NAME.
 * The choice is made before the file is read, and the file is read as
 * any other (through read_file), so no rule of the guard is bypassed. */
static char *include_file(const struct reader *rd, const char *written)
{
	char *joined = join(rd->include_dir, written);
	struct stat info;
	if (!joined || !rd->library_dir || !in_library(written) || lstat(joined, &info) == 0 ||
	    errno != ENOENT)
		return joined;
	free(joined);
	return join(rd->library_dir, written + strlen(GUARD_LIBRARY_PREFIX));
}

/* The @include whose path starts at START on line LINE_NUMBER of SHOWN:
 * the included file goes in its place, then the rest of the line. */
static void expand_include(struct reader *rd, struct scan *scan, const char *start, const char *end,
			   const char *shown, int line_number, int depth, size_t file)
{
	const char *rest = NULL, *why = NULL;
	char *written = include_path(start, end, &rest, &why);
	char *joined = written ? include_file(rd, written) : NULL;
	if (!written)
		/* TRANSLATORS: %s says why, such as "its path has no closing quote on
		 * the same line". */
		fail(rd, shown, line_number, _("this @include cannot be read: %s"), why);
	else if (!joined)
		fail(rd, shown, line_number, _("out of memory"));
	else if (rest_has_include(rest, end))
		fail(rd, shown, line_number,
		     _("one @include to a line: put the second on its own"));
	else if (!*written)
		fail(rd, shown, line_number, _("the @include names no file"));
	else if (depth + 1 > GUARD_MAX_DEPTH)
		fail(rd, shown, line_number,
		     P_("includes nest more than %d deep", "includes nest more than %d deep",
			GUARD_MAX_DEPTH),
		     GUARD_MAX_DEPTH);
	else
		expand(rd, joined, joined, depth + 1, shown, line_number, written);
	struct guard_text *out = rd->out;
	if (!rd->failed && out->length && out->text[out->length - 1] != '\n' &&
	    !append(rd, "\n", 1))
		fail(rd, shown, line_number, _("out of memory"));
	if (!rd->failed && !scan_line(scan, rest, end))
		fail(rd, shown, line_number, _("a string, comment or word longer than 256 KiB"));
	if (!rd->failed &&
	    (!mark_origin(rd, file, line_number) || !append(rd, rest, (size_t)(end - rest))))
		fail(rd, shown, line_number, _("out of memory"));
	free(joined);
	free(written);
}

/* One line of SHOWN: an @include is expanded, anything else copied. */
static void expand_line(struct reader *rd, struct scan *scan, const char *line, const char *end,
			const char *shown, int line_number, int depth, size_t file)
{
	const char *start = scan->state == SCAN_CODE ? include_start(line, end, false) : NULL;
	if (start && !rd->includes)
		fail(rd, shown, line_number, "%s", _(kind_text(rd->kind)->no_include));
	else if (start)
		expand_include(rd, scan, start, end, shown, line_number, depth, file);
	else if (scan->state != SCAN_CODE && include_start(line, end, true))
		fail(rd, shown, line_number,
		     _("an @include inside a string or a comment: careerfit will not guess "
		       "whether it counts"));
	else if (!scan_line(scan, line, end))
		fail(rd, shown, line_number,
		     _("a string, comment or word longer than 256 KiB: careerfit reads only "
		       "shorter ones"));
	else if (!append(rd, line, (size_t)(end - line)))
		fail(rd, shown, line_number, "%s", _(kind_text(rd->kind)->too_large));
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
		/* TRANSLATORS: printed as "FILE:LINE: error: holds a NUL byte ...":
		 * the file is the subject. */
		fail(rd, shown, line_of(text, nul), _("holds a NUL byte: it is not a text file"));
	else if (file == (size_t)-1 || !mark_origin(rd, file, 1))
		fail(rd, shown, 0, _("out of memory"));
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

static struct guard_text *read_text(const char *path, const char *kind, bool includes,
				    const char *include_dir, const char *library_dir,
				    struct diag_list *diags)
{
	struct guard_text *out = calloc(1, sizeof(*out));
	if (!out) {
		diag_add(diags, DIAG_ERROR, path, 0, "%s", _("out of memory"));
		return NULL;
	}
	out->line = 1;
	struct reader rd = {.out = out,
			    .diags = diags,
			    .includes = includes,
			    .include_dir = include_dir ? include_dir : ".",
			    .library_dir = library_dir,
			    .kind = kind};
	expand(&rd, path, path, 0, NULL, 0, path);
	if (!rd.failed && (!append(&rd, "", 0) || !index_lines(out)))
		fail(&rd, path, 0, _("out of memory"));
	if (!rd.failed)
		return out;
	guard_text_free(out);
	return NULL;
}

struct guard_text *guard_read(const char *path, const char *kind, bool includes,
			      const char *include_dir, struct diag_list *diags)
{
	return read_text(path, kind, includes, include_dir, NULL, diags);
}

struct guard_text *guard_read_quiz(const char *path, const char *include_dir,
				   const char *library_dir, struct diag_list *diags)
{
	return read_text(path, "quiz", true, include_dir, library_dir, diags);
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

/* ---------------------------------------------------------------------------
 * Syntax errors that help. libconfig 1.5 says only "syntax error", at the
 * line of the token it could not take, which is often the line after the
 * mistake. careerfit looks at that line and the code line before it, as
 * the parser saw them, for the mistakes authors make most, and quotes the
 * author's own line, as a compiler does.
 */

enum lex_state { LEX_CODE, LEX_STRING, LEX_COMMENT };

/* MASK gets LINE (LENGTH bytes) as the parser sees it: the contents of a
 * string become 'x' (its quotes stay), comments become blanks. */
static enum lex_state mask_line(enum lex_state state, const char *line, size_t length, char *mask)
{
	for (size_t i = 0; i < length; i++) {
		bool two = i + 1 < length;
		char c = line[i], next = two ? line[i + 1] : '\0';
		mask[i] = ' ';
		if (state == LEX_STRING) {
			mask[i] = c == '"' ? '"' : 'x';
			state = c == '"' ? LEX_CODE : state;
			if (c == '\\' && two)
				mask[++i] = 'x';
		} else if (state == LEX_COMMENT) {
			if (c == '*' && next == '/')
				mask[++i] = ' ', state = LEX_CODE;
		} else if (c == '#' || (c == '/' && next == '/')) {
			memset(mask + i, ' ', length - i);
			break;
		} else if (c == '/' && next == '*') {
			mask[++i] = ' ';
			state = LEX_COMMENT;
		} else {
			mask[i] = c == '\r' || c == '\n' ? ' ' : c;
			state = c == '"' ? LEX_STRING : state;
		}
	}
	mask[length] = '\0';
	return state;
}

/* The bytes of line LINE of the parsed text, without its end of line. */
static size_t line_length(const struct guard_text *text, int line)
{
	const char *start = guard_line(text, line);
	const char *end = start ? strchr(start, '\n') : NULL;
	size_t length = start ? (end ? (size_t)(end - start) : strlen(start)) : 0;
	return length && start[length - 1] == '\r' ? length - 1 : length;
}

/* The error's line and the code line before it, as the parser saw them. */
struct syntax_view {
	int error_line, previous_line; /* in the parsed text; 0: none */
	char *error, *previous;	       /* their masks */
	int open_string;	       /* a string left open up to the error starts here */
	long open_column;	       /* at this byte of that line */
	long open_single;	       /* a single quote before it there, or -1 */
};

static bool is_blank_mask(const char *mask)
{
	return mask[strspn(mask, " \t")] == '\0';
}

static bool syntax_view_read(const struct guard_text *text, int error_line,
			     struct syntax_view *view)
{
	*view = (struct syntax_view){
		.error_line = error_line, .open_column = -1, .open_single = -1};
	enum lex_state state = LEX_CODE;
	int run = 0; /* the first of the lines up to here that all end in a string */
	long column = -1, single = -1;
	for (int line = 1; line <= error_line; line++) {
		size_t length = line_length(text, line);
		char *mask = malloc(length + 1);
		if (!mask)
			return false;
		state = mask_line(state, guard_line(text, line), length, mask);
		if (state == LEX_STRING && !run) {
			run = line;
			column = strrchr(mask, '"') ? (long)(strrchr(mask, '"') - mask) : -1;
			single = strchr(mask, '\'') ? (long)(strchr(mask, '\'') - mask) : -1;
		}
		if (line == error_line) {
			view->error = mask;
			view->open_string = run;
			view->open_column = column;
			view->open_single = single;
		} else if (!is_blank_mask(mask)) {
			free(view->previous);
			view->previous = mask;
			view->previous_line = line;
		} else {
			free(mask);
		}
		run = state == LEX_STRING ? run : 0;
	}
	return true;
}

/* What careerfit makes of the error. */
struct syntax_guess {
	int line;	 /* in the parsed text: where the mistake is */
	long column;	 /* the byte under the caret in that line, or -1 */
	char cause[160]; /* empty: no better word than libconfig's */
	char hint[200];
	bool quote_error;   /* also quote the error's line after LINE */
	int quote_previous; /* also quote this line before LINE, or 0 */
};

static long first_code(const char *mask)
{
	size_t at = strspn(mask, " \t");
	return mask[at] ? (long)at : -1;
}

static long last_code(const char *mask)
{
	long at = (long)strlen(mask) - 1;
	while (at >= 0 && (mask[at] == ' ' || mask[at] == '\t'))
		at--;
	return at;
}

/* Where in MASK a character of SET follows FIRST after blanks, or -1. */
static long pair_at(const char *mask, char first, const char *set)
{
	for (const char *p = strchr(mask, first); p; p = strchr(p + 1, first)) {
		const char *q = p + 1 + strspn(p + 1, " \t");
		if (*q && strchr(set, *q))
			return (long)(p - mask);
	}
	return -1;
}

static bool is_name_char(char c, bool first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '*' ||
	       (!first && ((c >= '0' && c <= '9') || c == '_' || c == '-'));
}

/* A setting's name followed by its value with no '=' between: the byte
 * after the name, its NAME (up to SIZE bytes), or -1. */
static long missing_equals(const char *mask, char *name, size_t size)
{
	for (long i = 0; mask[i]; i++) {
		bool starts = i == 0 || strchr(" \t{;,(", mask[i - 1]);
		if (!starts || !is_name_char(mask[i], true))
			continue;
		long end = i;
		while (is_name_char(mask[end], false))
			end++;
		const char *value = mask + end + strspn(mask + end, " \t");
		bool spaced = value > mask + end;
		bool word =
			strncasecmp(value, "true", 4) == 0 || strncasecmp(value, "false", 5) == 0;
		bool literal = *value != '\0' && strchr("\"0123456789-+.([{", *value);
		if (spaced && (literal || word)) {
			snprintf(name, size, "%.*s", (int)(end - i), mask + i);
			return end;
		}
		i = end - 1;
	}
	return -1;
}

static void guess(struct syntax_guess *g, int line, long column, const char *cause,
		  const char *hint)
{
	g->line = line;
	g->column = column;
	snprintf(g->cause, sizeof(g->cause), "%s", cause);
	snprintf(g->hint, sizeof(g->hint), "%s", hint);
}

/* A comma missing between a group that ends one included file and one that
 * starts the next: the comma goes between the @include lines, where the
 * parsed text has the rest of the first one's line. */
static int include_between(const struct guard_text *text, int previous, int error)
{
	const char *file, *other;
	int line;
	guard_origin(text, previous, &file, &line);
	guard_origin(text, error, &other, &line);
	for (int at = previous + 1; file != other && at < error; at++) {
		guard_origin(text, at, &other, &line);
		if (other != file)
			return at;
	}
	return 0;
}

static void syntax_guess(const struct guard_text *text, const struct syntax_view *v,
			 struct syntax_guess *g)
{
	const char *e = v->error, *p = v->previous ? v->previous : "";
	long e_first = first_code(e), p_last = last_code(p), at;
	char name[64];
	*g = (struct syntax_guess){.line = v->error_line, .column = -1, .quote_error = false};
	int between = 0;
	if (v->open_string && v->open_single >= 0 && v->open_single < v->open_column)
		guess(g, v->open_string, v->open_single, _("text is in single quotes"),
		      _("write text in double quotes: \"like this\""));
	else if (v->open_string)
		guess(g, v->open_string, v->open_column, _("a string is not closed"),
		      /* TRANSLATORS: the end shows two strings in a row, each
		       * in double quotes: keep those quotes. */
		      _("close it with '\"' on the same line; to go on on the next line, "
			"close it there and open another: \"...\" \"...\""));
	else if ((at = (long)strcspn(e, "'")) < (long)strlen(e))
		guess(g, v->error_line, at, _("text is in single quotes"),
		      _("write text in double quotes: \"like this\""));
	else if ((at = pair_at(e, '}', "{")) >= 0)
		guess(g, v->error_line, at + 1, _("a comma is missing between two groups"),
		      _("put a ',' after the '}' that closes the first group"));
	else if (e_first >= 0 && e[e_first] == '{' && p_last >= 0 && p[p_last] == '}' &&
		 (between = include_between(text, v->previous_line, v->error_line)))
		guess(g, between, -1, _("a comma is missing between two groups"),
		      _("the group included here is followed by another: put a line holding ',' "
			"after this @include"));
	else if (e_first >= 0 && e[e_first] == '{' && p_last >= 0 && p[p_last] == '}')
		guess(g, v->previous_line, p_last + 1, _("a comma is missing between two groups"),
		      _("put a ',' after the '}' that ends this line"));
	else if ((at = pair_at(e, ',', ")]")) >= 0)
		guess(g, v->error_line, at, _("a comma after the last element of a list"),
		      _("remove this ','; libconfig 1.5 takes no comma before ')'"));
	else if (e_first >= 0 && strchr(")]", e[e_first]) && p_last >= 0 && p[p_last] == ',')
		guess(g, v->previous_line, p_last, _("a comma after the last element of a list"),
		      _("remove this ','; libconfig 1.5 takes no comma before ')'"));
	else if ((at = pair_at(e, '=', ";,})")) >= 0 || (at = pair_at(e, ':', ";,})")) >= 0)
		guess(g, v->error_line, at + 1 + (long)strspn(e + at + 1, " \t"),
		      _("a value is missing"),
		      /* TRANSLATORS: true and false are words of the quiz file:
		       * they stay in English. */
		      _("write the value after the '=': a \"text\", a number, true or false"));
	else if ((at = missing_equals(e, name, sizeof(name))) >= 0) {
		guess(g, v->error_line, at, "", "");
		/* TRANSLATORS: %s is the name of a setting, as written in the file. */
		snprintf(g->cause, sizeof(g->cause), _("a '=' is missing after '%s'"), name);
		/* TRANSLATORS: %s is the name of a setting; VALUE stands for the
		 * value to write and may be translated. */
		snprintf(g->hint, sizeof(g->hint), _("write %s = VALUE; (':' works too)"), name);
	} else {
		guess(g, v->error_line, -1, "",
		      _("libconfig stopped at this line; the mistake is there or near the end of "
			"the line before"));
		g->quote_previous = v->previous_line;
	}
	if (g->line == v->previous_line && g->cause[0] && !between)
		g->quote_error = true;
}

/* "  12 | the line", or "FILE:12 | the line" when it is not in FILE; with
 * COLUMN >= 0, a caret under that byte. Long lines are cut around it. */
static void quote_line(FILE *out, const struct guard_text *text, int line, long column,
		       const char *diag_file)
{
	const char *start = guard_line(text, line), *file;
	size_t length = line_length(text, line), from = 0, to = length;
	int file_line;
	guard_origin(text, line, &file, &file_line);
	if (column > 160)
		from = (size_t)column - 80;
	while (from > 0 && (start[from] & 0xC0) == 0x80)
		from--;
	if (to - from > 240)
		to = from + 240;
	while (to < length && to > from && (start[to] & 0xC0) == 0x80)
		to--;
	char *shown = strndup(start + from, to - from);
	char *clean = shown ? text_sanitize(shown) : NULL;
	char gutter[64];
	if (strcmp(file, diag_file) == 0)
		snprintf(gutter, sizeof(gutter), "%5d | ", file_line);
	else
		snprintf(gutter, sizeof(gutter), "%.40s:%d | ", file, file_line);
	fprintf(out, "%s%s%s%s\n", gutter, from ? "..." : "", clean ? clean : "",
		to < length ? "..." : "");
	if (column >= 0 && clean && (size_t)column >= from && (size_t)column <= length) {
		char *before = strndup(start + from, (size_t)column - from);
		char *before_clean = before ? text_sanitize(before) : NULL;
		size_t width = before_clean ? text_width(before_clean) : 0;
		fprintf(out, "%*s | %*s^\n", (int)strlen(gutter) - 3, "",
			(int)(width + (from ? 3 : 0)), "");
		free(before_clean);
		free(before);
	}
	free(clean);
	free(shown);
}

/* The note under a syntax error: the lines quoted, then the hint. */
static char *syntax_note(const struct guard_text *text, const struct syntax_guess *g,
			 const struct syntax_view *v, const char *diag_file)
{
	char *note = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&note, &size);
	if (!out)
		return NULL;
	if (g->quote_previous)
		quote_line(out, text, g->quote_previous, -1, diag_file);
	if (guard_line(text, g->line) && line_length(text, g->line) > 0)
		quote_line(out, text, g->line, g->column, diag_file);
	if (g->quote_error && v->error_line != g->line)
		quote_line(out, text, v->error_line, -1, diag_file);
	if (g->hint[0])
		/* TRANSLATORS: the line under a syntax error that says how to
		 * fix it; %s is the advice. */
		fprintf(out, _("hint: %s\n"), g->hint);
	if (fclose(out) != 0) {
		free(note);
		return NULL;
	}
	return note;
}

/* Reports libconfig's syntax error at ERROR_LINE of the parsed text as
 * well as careerfit can guess what it is. */
static void report_syntax_error(const struct guard_text *text, int error_line,
				struct diag_list *diags)
{
	if (error_line < 1)
		error_line = 1;
	if ((size_t)error_line > text->line_count)
		error_line = (int)text->line_count;
	struct syntax_view view;
	struct syntax_guess g = {.line = error_line, .column = -1};
	bool seen = syntax_view_read(text, error_line, &view);
	if (seen)
		syntax_guess(text, &view, &g);
	const char *file;
	int line;
	guard_origin(text, g.line, &file, &line);
	bool added = g.cause[0] ? diag_add(diags, DIAG_ERROR, file, line,
					   /* TRANSLATORS: %s is what is wrong, such as
					    * "a string is not closed". */
					   _("syntax error: %s"), g.cause)
				: diag_add(diags, DIAG_ERROR, file, line, "%s", _("syntax error"));
	char *note = added && seen ? syntax_note(text, &g, &view, file) : NULL;
	if (note)
		diag_add_note(diags, note);
	free(note);
	free(view.error);
	free(view.previous);
}

bool guard_parse(const struct guard_text *text, config_t *config, struct diag_list *diags)
{
	if (config_read_string(config, text->text))
		return true;
	const char *error = config_error_text(config);
	if (error && strcmp(error, "syntax error") == 0) {
		report_syntax_error(text, config_error_line(config), diags);
		return false;
	}
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
