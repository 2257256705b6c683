#include "keymap.h"

#include <curses.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "careerfit/text.h"

#define CONTROL(letter) ((letter)&0x1f)
#define ESCAPE 27

struct binding {
	int key; /* a KEY_* code or a character; -1 ends the list */
	enum keymap_action action;
};

struct row {
	const char *where; /* the heading it is listed under in --help */
	unsigned screens;  /* enum keymap_screen bits */
	const char *keys;  /* the keys' names, as --help and the manual say them */
	const char *help;  /* what they do */
	/* Its words on the hint line, or NULL; {u} {d} {l} {r} are arrows. */
	const char *hint;
	const struct binding *bindings;
};

#define B(key, action)                                                                             \
	{                                                                                          \
		key, KEYMAP_##action                                                               \
	}
#define BIND(...) ((const struct binding[]){__VA_ARGS__, {-1, KEYMAP_NONE}})
#define ENTER(action) B('\n', action), B('\r', action), B(KEY_ENTER, action)
#define BACKSPACE(action) B(KEY_BACKSPACE, action), B(127, action), B(CONTROL('h'), action)

/* SCROLLS: the screens that scroll with Up and Down; the question and the
 * review move their highlight with them. The hint line of a screen takes
 * its rows' hints in this order, so each screen's own keys come first and
 * those of every screen last. */
#define SCROLLS (KEYS_WELCOME | KEYS_RESUME | KEYS_RESULTS | KEYS_DEBRIEF | KEYS_GLOSSARY)
#define KEYMAP_ROWS(ROW)                                                                           \
	ROW("The welcome", KEYS_WELCOME, "Enter, Space, Right", "start the quiz", "Enter start",   \
	    BIND(ENTER(CHOOSE), B(' ', CHOOSE), B(KEY_RIGHT, CHOOSE)))                             \
	ROW("The welcome, with saved answers", KEYS_RESUME, "Enter, Space, Right, r",              \
	    "resume where you left off", "Enter resume",                                           \
	    BIND(ENTER(CHOOSE), B(' ', CHOOSE), B(KEY_RIGHT, CHOOSE), B('r', CHOOSE),              \
		 B('R', CHOOSE)))                                                                  \
	ROW("The welcome, with saved answers", KEYS_RESUME, "n", "start over without them",        \
	    "n start over", BIND(B('n', START_OVER), B('N', START_OVER)))                          \
	ROW("The question", KEYS_QUESTION, "a-i, 1-9", "pick that option and go on", "a-i pick",   \
	    BIND(B('a', PICK), B('b', PICK), B('c', PICK), B('d', PICK), B('e', PICK),             \
		 B('f', PICK), B('g', PICK), B('h', PICK), B('i', PICK), B('1', PICK),             \
		 B('2', PICK), B('3', PICK), B('4', PICK), B('5', PICK), B('6', PICK),             \
		 B('7', PICK), B('8', PICK), B('9', PICK)))                                        \
	ROW("The question", KEYS_QUESTION, "Enter", "pick the highlighted option", NULL,           \
	    BIND(ENTER(CHOOSE)))                                                                   \
	ROW("The question", KEYS_QUESTION | KEYS_REVIEW, "Up/Down, k/j",                           \
	    "move the highlight (the review's too)", "{u}{d} move",                                \
	    BIND(B(KEY_UP, UP), B('k', UP), B(KEY_DOWN, DOWN), B('j', DOWN)))                      \
	ROW("The question", KEYS_QUESTION | KEYS_REVIEW, "Left, p, Backspace, Ctrl-H",             \
	    "back to the previous question (from the review too)", "{l} back",                     \
	    BIND(B(KEY_LEFT, BACK), B('p', BACK), BACKSPACE(BACK)))                                \
	ROW("The question", KEYS_QUESTION, "Right, n", "forward over answered questions",          \
	    "{r} next", BIND(B(KEY_RIGHT, NEXT), B('n', NEXT)))                                    \
	ROW("The question", KEYS_QUESTION, "s", "skip the question", "s skip", BIND(B('s', SKIP))) \
	ROW("The review", KEYS_REVIEW, "Enter", "change that answer, or submit",                   \
	    "Enter change answer / submit", BIND(ENTER(CHOOSE)))                                   \
	ROW("The review", KEYS_REVIEW, "Home/End", "the first question; Submit", NULL,             \
	    BIND(B(KEY_HOME, FIRST), B(KEY_END, LAST)))                                            \
	ROW("The results", KEYS_RESULTS, "d, Enter, Right", "the debrief of every question",       \
	    "d debrief", BIND(B('d', CHOOSE), ENTER(CHOOSE), B(KEY_RIGHT, CHOOSE)))                \
	ROW("The results", KEYS_RESULTS, "Space", "scroll a page down", NULL,                      \
	    BIND(B(' ', PAGE_DOWN)))                                                               \
	ROW("The debrief", KEYS_DEBRIEF, "Left, p, Backspace, Ctrl-H",                             \
	    "the previous question's debrief", NULL,                                               \
	    BIND(B(KEY_LEFT, BACK), B('p', BACK), BACKSPACE(BACK)))                                \
	ROW("The debrief", KEYS_DEBRIEF, "Right, n, Space, Enter",                                 \
	    "the next one; after the last, the results", "{l}{r} question",                        \
	    BIND(B(KEY_RIGHT, NEXT), B('n', NEXT), B(' ', NEXT), ENTER(NEXT)))                     \
	ROW("The debrief", KEYS_DEBRIEF, "r, b, Esc", "back to the results", "r results",          \
	    BIND(B('r', RESULTS), B('b', RESULTS), B(ESCAPE, RESULTS)))                            \
	ROW("The glossary", KEYS_GLOSSARY, "Esc, g, Left, Backspace, Ctrl-H, Enter",               \
	    "back to where it was opened", "{l} Esc back",                                         \
	    BIND(B(ESCAPE, BACK), B('g', BACK), B(KEY_LEFT, BACK), BACKSPACE(BACK), ENTER(BACK)))  \
	ROW("The name (--room)", KEYS_NAME, "Enter", "take the name and go on", "Enter continue",  \
	    BIND(ENTER(CHOOSE)))                                                                   \
	ROW("The name (--room)", KEYS_NAME, "Left/Right", "move the cursor", "{l}{r} move",        \
	    BIND(B(KEY_LEFT, BACK), B(KEY_RIGHT, NEXT)))                                           \
	ROW("The name (--room)", KEYS_NAME, "Home, Ctrl-A", "to the start of the name", NULL,      \
	    BIND(B(KEY_HOME, FIRST), B(CONTROL('a'), FIRST)))                                      \
	ROW("The name (--room)", KEYS_NAME, "End, Ctrl-E", "to its end", NULL,                     \
	    BIND(B(KEY_END, LAST), B(CONTROL('e'), LAST)))                                         \
	ROW("The name (--room)", KEYS_NAME, "Backspace, Ctrl-H", "delete before the cursor",       \
	    "Backspace delete", BIND(BACKSPACE(DELETE_BEFORE)))                                    \
	ROW("The name (--room)", KEYS_NAME, "Delete, Ctrl-D", "delete under the cursor", NULL,     \
	    BIND(B(KEY_DC, DELETE_AT), B(CONTROL('d'), DELETE_AT)))                                \
	ROW("The name (--room)", KEYS_NAME, "Ctrl-U", "delete all before the cursor", NULL,        \
	    BIND(B(CONTROL('u'), CLEAR)))                                                          \
	ROW("The name (--room)", KEYS_NAME, "Esc", "quit", "Esc quit", BIND(B(ESCAPE, LEAVE)))     \
	ROW("Scrolling", SCROLLS, "Up/Down, k/j", "scroll a line", "{u}{d} scroll",                \
	    BIND(B(KEY_UP, LINE_UP), B('k', LINE_UP), B(KEY_DOWN, LINE_DOWN), B('j', LINE_DOWN)))  \
	ROW("Scrolling", KEYS_ANY, "PgUp/PgDn", "scroll a page", NULL,                             \
	    BIND(B(KEY_PPAGE, PAGE_UP), B(KEY_NPAGE, PAGE_DOWN)))                                  \
	ROW("Scrolling", KEYS_ANY & ~KEYS_REVIEW, "Home/End", "scroll to the top or the end",      \
	    NULL, BIND(B(KEY_HOME, FIRST), B(KEY_END, LAST)))                                      \
	ROW("Every screen", KEYS_ANY, "?", "this help; any key closes it", "? help",               \
	    BIND(B('?', HELP)))                                                                    \
	ROW("Every screen", KEYS_ANY, "q", "quit (asks first during the quiz)", "q quit",          \
	    BIND(B('q', QUIT), B('Q', QUIT)))                                                      \
	ROW("The help", KEYS_HELP, "g", "the glossary: what the quiz's terms mean", NULL,          \
	    BIND(B('g', GLOSSARY), B('G', GLOSSARY)))                                              \
	ROW("Quit now?", KEYS_CONFIRM, "y", "quit; any other key goes on", NULL,                   \
	    BIND(B('y', YES), B('Y', YES)))

#define KEYMAP_ROW(where, screens, keys, help, hint, bindings)                                     \
	{where, screens, keys, help, hint, bindings},
static const struct row rows[] = {KEYMAP_ROWS(KEYMAP_ROW)};
#define ROW_COUNT (sizeof(rows) / sizeof(rows[0]))

enum keymap_action keymap_find(enum keymap_screen screen, int key)
{
	for (size_t r = 0; r < ROW_COUNT; r++) {
		if (!(rows[r].screens & (unsigned)screen))
			continue;
		for (const struct binding *b = rows[r].bindings; b->key != -1; b++)
			if (b->key == key)
				return b->action;
	}
	return KEYMAP_NONE;
}

/* Appends HINT to BUFFER with its arrows spelled for the terminal. */
static bool append_hint(char *buffer, size_t size, const char *hint)
{
	const struct glyphs *glyphs = glyphs_get();
	size_t used = strlen(buffer);
	for (const char *p = hint; *p; p++) {
		const char *piece = NULL;
		if (p[0] == '{' && p[1] && p[2] == '}') {
			piece = p[1] == 'u'   ? glyphs->up
				: p[1] == 'd' ? glyphs->down
				: p[1] == 'l' ? glyphs->left
					      : glyphs->right;
			p += 2;
		}
		size_t length = piece ? strlen(piece) : 1;
		if (used + length + 1 > size)
			return false;
		memcpy(buffer + used, piece ? piece : p, length);
		used += length;
		buffer[used] = '\0';
	}
	return true;
}

bool keymap_hints(enum keymap_screen screen, char *buffer, size_t size)
{
	if (!size)
		return false;
	buffer[0] = '\0';
	for (size_t r = 0; r < ROW_COUNT; r++) {
		if (!rows[r].hint || !(rows[r].screens & (unsigned)screen))
			continue;
		if ((*buffer && !append_hint(buffer, size, "  ")) ||
		    !append_hint(buffer, size, rows[r].hint))
			return false;
	}
	return true;
}

void keymap_help(enum keymap_screen screen, bool glossary,
		 void (*line)(const char *keys, const char *help, void *data), void *data)
{
	for (size_t r = 0; r < ROW_COUNT; r++)
		if ((rows[r].screens & (unsigned)screen) ||
		    (glossary && (rows[r].screens & KEYS_HELP)))
			line(rows[r].keys, rows[r].help, data);
}

void keymap_print(FILE *out)
{
	const char *where = NULL;
	fputs("Keys in the full-screen quiz (? shows those of the screen in view):\n", out);
	for (size_t r = 0; r < ROW_COUNT; r++) {
		if (!where || strcmp(where, rows[r].where) != 0)
			fprintf(out, "  %s:\n", rows[r].where);
		where = rows[r].where;
		if (strlen(rows[r].keys) > 16)
			fprintf(out, "    %s\n    %-17s%s\n", rows[r].keys, "", rows[r].help);
		else
			fprintf(out, "    %-17s%s\n", rows[r].keys, rows[r].help);
	}
}

/* ---- What the terminal can show ---- */

static const struct glyphs unicode_glyphs = {
	.full = "\u2588",
	.empty = "\u2591",
	.check = "\u2713",
	.bullet = "\u2022",
	.mark = "\u25b6",
	.up = "\u2191",
	.down = "\u2193",
	.left = "\u2190",
	.right = "\u2192",
};

/* The Linux console's fonts (512 glyphs at most) hold the old PC set:
 * arrows, blocks and shades, the bullet, but no check mark and no ▶. */
static const struct glyphs console_glyphs = {
	.full = "\u2588",
	.empty = "\u2591",
	.check = "*",
	.bullet = "\u2022",
	.mark = ">",
	.up = "\u2191",
	.down = "\u2193",
	.left = "\u2190",
	.right = "\u2192",
};

static const struct glyphs ascii_glyphs = {
	.full = "#",
	.empty = ".",
	.check = "*",
	.bullet = "*",
	.mark = ">",
	.up = "^",
	.down = "v",
	.left = "<",
	.right = ">",
};

bool glyphs_unicode(void)
{
	return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

/* "linux" and its variants, and "con80x25" and the like, are the Linux
 * console; "cons25" is the BSD console, whose fonts are no richer. */
static bool on_console(void)
{
	const char *term = getenv("TERM");
	return term && (strncmp(term, "linux", 5) == 0 || strncmp(term, "con", 3) == 0);
}

const struct glyphs *glyphs_get(void)
{
	if (!glyphs_unicode())
		return &ascii_glyphs;
	return on_console() ? &console_glyphs : &unicode_glyphs;
}

struct look_alike {
	uint32_t character;
	const char *ascii;
};

/* Sorted by character. */
static const struct look_alike look_alikes[] = {
	{0x00A0, " "},	{0x00AB, "<<"}, {0x00B7, "."},	 {0x00BB, ">>"}, {0x2010, "-"},
	{0x2011, "-"},	{0x2012, "-"},	{0x2013, "-"},	 {0x2014, "--"}, {0x2015, "--"},
	{0x2018, "'"},	{0x2019, "'"},	{0x201A, ","},	 {0x201C, "\""}, {0x201D, "\""},
	{0x201E, "\""}, {0x2022, "*"},	{0x2026, "..."}, {0x2032, "'"},	 {0x2190, "<-"},
	{0x2191, "^"},	{0x2192, "->"}, {0x2193, "v"},	 {0x2212, "-"},	 {0x25B6, ">"},
	{0x2713, "*"},	{0x2714, "*"},	{0xFFFD, "?"},
};

/* Latin-1's letters without their accents, from U+00C0 on. */
static const char latin_letters[] =
	"AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";

static void append_ascii(char *out, size_t *used, uint32_t c)
{
	const char *ascii = "?";
	if (c >= 0xC0 && c <= 0xFF) {
		out[(*used)++] = latin_letters[c - 0xC0];
		return;
	}
	for (size_t i = 0; i < sizeof(look_alikes) / sizeof(look_alikes[0]); i++)
		if (look_alikes[i].character == c)
			ascii = look_alikes[i].ascii;
	memcpy(out + *used, ascii, strlen(ascii));
	*used += strlen(ascii);
}

char *glyphs_text(const char *text)
{
	char *clean = text_sanitize(text);
	if (!clean || glyphs_unicode())
		return clean;
	/* A look-alike is at most three bytes, a character at least one. */
	char *ascii = malloc(strlen(clean) * 3 + 1);
	size_t used = 0;
	for (const char *p = clean; ascii && *p;) {
		size_t length;
		uint32_t c = text_decode(p, &length);
		p += length;
		if (c < 0x80)
			ascii[used++] = (char)c;
		else
			append_ascii(ascii, &used, c);
	}
	if (ascii)
		ascii[used] = '\0';
	free(clean);
	return ascii;
}
