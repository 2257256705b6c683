#include "keymap.h"

#include <curses.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "careerfit/i18n.h"
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
 * those of every screen last.
 *
 * The words are marked with N_() and translated where they are shown
 * (keymap_hints, keymap_help, keymap_print). Only the names of keys are
 * translated, never what matches them: the bindings are key codes. A
 * letter alone ("n", "q") is what is typed, so it is not marked. */
#define SCROLLS (KEYS_WELCOME | KEYS_RESUME | KEYS_RESULTS | KEYS_DEBRIEF | KEYS_GLOSSARY)
static const struct row rows[] = {
	/* TRANSLATORS: the headings of the keys section of --help, one for
	 * each screen the keys below them work on. */
	{N_("The welcome"), KEYS_WELCOME,
	 /* TRANSLATORS: the names of keys, in --help and in the help box
	  * (?): name Enter, Space, Esc, Backspace, Home, End, PgUp, PgDn and
	  * the arrows as the keyboards of your language label them, but keep
	  * letters (r, n, p, k/j...) and Ctrl-H as they are: they are what is
	  * typed. Up to 17 columns go beside what the keys do; longer names
	  * take a line of their own. */
	 N_("Enter, Space, Right"),
	 /* TRANSLATORS: what keys do, in --help and in the help box (?),
	  * where it is wrapped at 32 columns on the narrowest screen. */
	 N_("start the quiz"),
	 /* TRANSLATORS: a key's hint on the screen's bottom line: the key,
	  * then what it does in a word or two. The hints of a screen share one
	  * line of 51 columns on the narrowest screen, and a hint that does not
	  * fit is left out: keep each under 14 columns. Letters (n, s, d, r, q,
	  * a-i) stay as they are: they are what is typed; Enter, Esc and
	  * Backspace may be named as your keyboards label them. {u} {d} {l} {r}
	  * are the arrows up, down, left and right: keep them. */
	 N_("Enter start"), BIND(ENTER(CHOOSE), B(' ', CHOOSE), B(KEY_RIGHT, CHOOSE))},
	{N_("The welcome, with saved answers"), KEYS_RESUME, N_("Enter, Space, Right, r"),
	 N_("resume where you left off"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 14 columns. */
	 N_("Enter resume"),
	 BIND(ENTER(CHOOSE), B(' ', CHOOSE), B(KEY_RIGHT, CHOOSE), B('r', CHOOSE), B('R', CHOOSE))},
	{N_("The welcome, with saved answers"), KEYS_RESUME, "n", N_("start over without them"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 14 columns;
	  * n is the key, keep it. */
	 N_("n start over"), BIND(B('n', START_OVER), B('N', START_OVER))},
	{N_("The question"), KEYS_QUESTION, "a-i, 1-9", N_("pick that option and go on"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 14 columns;
	  * a-i are the keys, keep them. */
	 N_("a-i pick"),
	 BIND(B('a', PICK), B('b', PICK), B('c', PICK), B('d', PICK), B('e', PICK), B('f', PICK),
	      B('g', PICK), B('h', PICK), B('i', PICK), B('1', PICK), B('2', PICK), B('3', PICK),
	      B('4', PICK), B('5', PICK), B('6', PICK), B('7', PICK), B('8', PICK), B('9', PICK))},
	{N_("The question"), KEYS_QUESTION, N_("Enter"), N_("pick the highlighted option"), NULL,
	 BIND(ENTER(CHOOSE))},
	{N_("The question"), KEYS_QUESTION | KEYS_REVIEW, N_("Up/Down, k/j"),
	 N_("move the highlight (the review's too)"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 14 columns;
	  * {u}{d} are the arrows up and down, keep them. */
	 N_("{u}{d} move"), BIND(B(KEY_UP, UP), B('k', UP), B(KEY_DOWN, DOWN), B('j', DOWN))},
	{N_("The question"), KEYS_QUESTION | KEYS_REVIEW, N_("Left, p, Backspace, Ctrl-H"),
	 N_("back to the previous question (from the review too)"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 14 columns;
	  * {l} is the arrow left, keep it. */
	 N_("{l} back"), BIND(B(KEY_LEFT, BACK), B('p', BACK), BACKSPACE(BACK))},
	{N_("The question"), KEYS_QUESTION, N_("Right, n"), N_("forward over answered questions"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 14 columns;
	  * {r} is the arrow right, keep it. */
	 N_("{r} next"), BIND(B(KEY_RIGHT, NEXT), B('n', NEXT))},
	{N_("The question"), KEYS_QUESTION, "s", N_("skip the question"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 14 columns;
	  * s is the key, keep it. */
	 N_("s skip"), BIND(B('s', SKIP))},
	{N_("The review"), KEYS_REVIEW, N_("Enter"), N_("change that answer, or submit"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 30 columns. */
	 N_("Enter change answer / submit"), BIND(ENTER(CHOOSE))},
	{N_("The review"), KEYS_REVIEW, N_("Home/End"), N_("the first question; Submit"), NULL,
	 BIND(B(KEY_HOME, FIRST), B(KEY_END, LAST))},
	{N_("The results"), KEYS_RESULTS, N_("d, Enter, Right"),
	 N_("the debrief of every question"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 14 columns;
	  * d is the key, keep it. */
	 N_("d debrief"), BIND(B('d', CHOOSE), ENTER(CHOOSE), B(KEY_RIGHT, CHOOSE))},
	{N_("The results"), KEYS_RESULTS, N_("Space"), N_("scroll a page down"), NULL,
	 BIND(B(' ', PAGE_DOWN))},
	{N_("The debrief"), KEYS_DEBRIEF, N_("Left, p, Backspace, Ctrl-H"),
	 N_("the previous question's debrief"), NULL,
	 BIND(B(KEY_LEFT, BACK), B('p', BACK), BACKSPACE(BACK))},
	{N_("The debrief"), KEYS_DEBRIEF, N_("Right, n, Space, Enter"),
	 N_("the next one; after the last, the results"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 14 columns;
	  * {l}{r} are the arrows left and right, keep them. */
	 N_("{l}{r} question"), BIND(B(KEY_RIGHT, NEXT), B('n', NEXT), B(' ', NEXT), ENTER(NEXT))},
	{N_("The debrief"), KEYS_DEBRIEF, N_("r, b, Esc"), N_("back to the results"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 14 columns;
	  * r is the key, keep it. */
	 N_("r results"), BIND(B('r', RESULTS), B('b', RESULTS), B(ESCAPE, RESULTS))},
	{N_("The glossary"), KEYS_GLOSSARY, N_("Esc, g, Left, Backspace, Ctrl-H, Enter"),
	 N_("back to where it was opened"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 14 columns;
	  * {l} is the arrow left, keep it. */
	 N_("{l} Esc back"),
	 BIND(B(ESCAPE, BACK), B('g', BACK), B(KEY_LEFT, BACK), BACKSPACE(BACK), ENTER(BACK))},
	{N_("The name (--room)"), KEYS_NAME, N_("Enter"), N_("take the name and go on"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 16 columns. */
	 N_("Enter continue"), BIND(ENTER(CHOOSE))},
	{N_("The name (--room)"), KEYS_NAME, N_("Left/Right"), N_("move the cursor"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 14 columns;
	  * {l}{r} are the arrows left and right, keep them. */
	 N_("{l}{r} move"), BIND(B(KEY_LEFT, BACK), B(KEY_RIGHT, NEXT))},
	{N_("The name (--room)"), KEYS_NAME, N_("Home, Ctrl-A"), N_("to the start of the name"),
	 NULL, BIND(B(KEY_HOME, FIRST), B(CONTROL('a'), FIRST))},
	{N_("The name (--room)"), KEYS_NAME, N_("End, Ctrl-E"), N_("to its end"), NULL,
	 BIND(B(KEY_END, LAST), B(CONTROL('e'), LAST))},
	{N_("The name (--room)"), KEYS_NAME, N_("Backspace, Ctrl-H"),
	 N_("delete before the cursor"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 18 columns. */
	 N_("Backspace delete"), BIND(BACKSPACE(DELETE_BEFORE))},
	{N_("The name (--room)"), KEYS_NAME, N_("Delete, Ctrl-D"), N_("delete under the cursor"),
	 NULL, BIND(B(KEY_DC, DELETE_AT), B(CONTROL('d'), DELETE_AT))},
	{N_("The name (--room)"), KEYS_NAME, N_("Ctrl-U"), N_("delete all before the cursor"), NULL,
	 BIND(B(CONTROL('u'), CLEAR))},
	{N_("The name (--room)"), KEYS_NAME, N_("Esc"), N_("quit"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 14 columns. */
	 N_("Esc quit"), BIND(B(ESCAPE, LEAVE))},
	{N_("Scrolling"), SCROLLS, N_("Up/Down, k/j"), N_("scroll a line"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 14 columns;
	  * {u}{d} are the arrows up and down, keep them. */
	 N_("{u}{d} scroll"),
	 BIND(B(KEY_UP, LINE_UP), B('k', LINE_UP), B(KEY_DOWN, LINE_DOWN), B('j', LINE_DOWN))},
	{N_("Scrolling"), KEYS_ANY, N_("PgUp/PgDn"), N_("scroll a page"), NULL,
	 BIND(B(KEY_PPAGE, PAGE_UP), B(KEY_NPAGE, PAGE_DOWN))},
	{N_("Scrolling"), KEYS_ANY & ~KEYS_REVIEW, N_("Home/End"),
	 N_("scroll to the top or the end"), NULL, BIND(B(KEY_HOME, FIRST), B(KEY_END, LAST))},
	{N_("Every screen"), KEYS_ANY, "?", N_("this help; any key closes it"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 10 columns;
	  * ? is the key, keep it. It is the last hint left out. */
	 N_("? help"), BIND(B('?', HELP))},
	{N_("Every screen"), KEYS_ANY, "q", N_("quit (asks first during the quiz)"),
	 /* TRANSLATORS: a hint (see "Enter start"): keep under 10 columns;
	  * q is the key, keep it. */
	 N_("q quit"), BIND(B('q', QUIT), B('Q', QUIT))},
	{N_("The help"), KEYS_HELP, "g", N_("the glossary: what the quiz's terms mean"), NULL,
	 BIND(B('g', GLOSSARY), B('G', GLOSSARY))},
	/* TRANSLATORS: the heading of the key of the question asked before
	 * quitting; the same words as that question's start. */
	{N_("Quit now?"), KEYS_CONFIRM, "y", N_("quit; any other key goes on"), NULL,
	 BIND(B('y', YES), B('Y', YES))},
};
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

/* The columns row R's hint takes on the screen, translated and with its
 * arrows spelled; 0 when it has none or it cannot be spelled. */
static size_t hint_width(size_t r)
{
	char hint[256] = "";
	if (!rows[r].hint || !append_hint(hint, sizeof(hint), _(rows[r].hint)))
		return 0;
	return text_width(hint);
}

/* The hints left out last: the way to the help box, which lists every
 * key, and the way out. */
static bool essential(size_t r)
{
	enum keymap_action action = rows[r].bindings[0].action;
	return action == KEYMAP_HELP || action == KEYMAP_QUIT || action == KEYMAP_LEAVE;
}

bool keymap_hints(enum keymap_screen screen, size_t columns, char *buffer, size_t size)
{
	if (!size)
		return false;
	buffer[0] = '\0';
	/* Which hints fit: first the essential ones, then the others in the
	 * table's order, each while it fits. */
	bool shown[ROW_COUNT] = {false};
	size_t used = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t r = 0; r < ROW_COUNT; r++) {
			if (shown[r] || !(rows[r].screens & (unsigned)screen) ||
			    essential(r) != (pass == 0))
				continue;
			size_t width = hint_width(r);
			size_t needs = width + (used ? 2 : 0);
			if (width && used + needs <= columns) {
				shown[r] = true;
				used += needs;
			}
		}
	for (size_t r = 0; r < ROW_COUNT; r++) {
		if (!shown[r])
			continue;
		if ((*buffer && !append_hint(buffer, size, "  ")) ||
		    !append_hint(buffer, size, _(rows[r].hint)))
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
			line(_(rows[r].keys), _(rows[r].help), data);
}

/* The columns of --help: the keys' names from PRINT_KEYS on, what they do
 * from PRINT_HELP on, wrapped within PRINT_WIDTH. */
#define PRINT_KEYS 4
#define PRINT_HELP 21
#define PRINT_WIDTH 80

/* What row R's keys do, wrapped under itself; the cursor is in its column. */
static void print_help(FILE *out, size_t r)
{
	const char *help = _(rows[r].help);
	struct text_lines lines;
	if (!text_wrap(help, PRINT_WIDTH - PRINT_HELP, &lines)) {
		fprintf(out, "%s\n", help);
		return;
	}
	for (size_t i = 0; i < lines.count; i++)
		fprintf(out, "%*s%s\n", i ? PRINT_HELP : 0, "", lines.lines[i]);
	text_lines_clear(&lines);
}

void keymap_print(FILE *out)
{
	const char *where = NULL;
	/* TRANSLATORS: the start of the keys section of --help; ? is the
	 * key, keep it. */
	fputs(_("Keys in the full-screen quiz (? shows those of the screen in view):\n"), out);
	for (size_t r = 0; r < ROW_COUNT; r++) {
		if (!where || strcmp(where, rows[r].where) != 0) {
			fputs("  ", out);
			/* TRANSLATORS: a heading of the keys section of --help;
			 * %s is the screen, such as "The welcome". */
			fprintf(out, _("%s:"), _(rows[r].where));
			fputc('\n', out);
		}
		where = rows[r].where;
		/* The keys' column, padded in columns: a translated name may
		 * take more bytes than columns. Long names get a line. */
		const char *keys = _(rows[r].keys);
		size_t width = text_width(keys);
		fprintf(out, "%*s%s", PRINT_KEYS, "", keys);
		if (width > PRINT_HELP - PRINT_KEYS - 1)
			fprintf(out, "\n%*s", PRINT_HELP, "");
		else
			fprintf(out, "%*s", (int)(PRINT_HELP - PRINT_KEYS - width), "");
		print_help(out, r);
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
