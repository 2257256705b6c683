/* The keys of the full-screen quiz, in one table as tig keeps them: each
 * row names its keys, says what they do and on which screens, and gives
 * the words of the hint line. The screens dispatch through keymap_find();
 * the help box, the hint lines and the keys section of --help are printed
 * from the same rows, and tests/term_test.sh checks the manual page and
 * the README against --help, so none of them can drift.
 *
 * How keys and marks are spelled depends on the terminal, so this module
 * also knows what the terminal can show: Unicode arrows and bars in an
 * UTF-8 locale, ASCII where the locale is not UTF-8, and the glyphs the
 * Linux console's fonts have under TERM=linux. */
#ifndef CAREERFIT_KEYMAP_H
#define CAREERFIT_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* What a key asks for; each screen gives these its own meaning. */
#define KEYMAP_ACTIONS(X)                                                                          \
	X(NONE)	      /* not a key of this screen */                                               \
	X(HELP)	      /* open the help box */                                                      \
	X(QUIT)	      /* quit, asking first when answers would be lost */                          \
	X(YES)	      /* yes to "Quit now?" */                                                     \
	X(GLOSSARY)   /* from the help box, the glossary */                                        \
	X(CHOOSE)     /* the screen's Enter: pick, start, change, go on */                         \
	X(PICK)	      /* pick the option a key names (a-i, 1-9) */                                 \
	X(UP)	      /* the highlight or the cursor one step back */                              \
	X(DOWN)	      /* ... one step on */                                                        \
	X(BACK)	      /* the previous question, or where the screen came from */                   \
	X(NEXT)	      /* the next question */                                                      \
	X(SKIP)	      /* skip the question */                                                      \
	X(FIRST)      /* the first item, or the start of the text */                               \
	X(LAST)	      /* the last item, or the end of the text */                                  \
	X(RESULTS)    /* back to the results */                                                    \
	X(START_OVER) /* drop the saved answers */                                                 \
	X(LINE_UP)    /* scroll one line */                                                        \
	X(LINE_DOWN)                                                                               \
	X(PAGE_UP) /* scroll one page */                                                           \
	X(PAGE_DOWN)                                                                               \
	X(DELETE_BEFORE) /* the name field: delete before the cursor */                            \
	X(DELETE_AT)	 /* ... under the cursor */                                                \
	X(CLEAR)	 /* ... everything */                                                      \
	X(LEAVE)	 /* leave the name screen, and careerfit */

#define KEYMAP_ENUM(name) KEYMAP_##name,
enum keymap_action { KEYMAP_ACTIONS(KEYMAP_ENUM) };
#undef KEYMAP_ENUM

/* Where a key works: the screens, and the boxes over them. */
enum keymap_screen {
	KEYS_WELCOME = 1 << 0,
	KEYS_RESUME = 1 << 1, /* the welcome while it offers saved answers */
	KEYS_QUESTION = 1 << 2,
	KEYS_REVIEW = 1 << 3,
	KEYS_RESULTS = 1 << 4,
	KEYS_DEBRIEF = 1 << 5,
	KEYS_GLOSSARY = 1 << 6,
	KEYS_NAME = 1 << 7,    /* every other key is typed text there */
	KEYS_HELP = 1 << 8,    /* the help box: any other key closes it */
	KEYS_CONFIRM = 1 << 9, /* "Quit now?": any other key is no */
	/* Every screen but the name's, where ? and q are text. */
	KEYS_ANY = KEYS_WELCOME | KEYS_RESUME | KEYS_QUESTION | KEYS_REVIEW | KEYS_RESULTS |
		   KEYS_DEBRIEF | KEYS_GLOSSARY,
};

/* The action KEY asks for on SCREEN (one keymap_screen), or KEYMAP_NONE. */
enum keymap_action keymap_find(enum keymap_screen screen, int key);
/* The hint line of SCREEN, translated, in BUFFER: the hints that fit in
 * COLUMNS columns, in the table's order; a hint that does not fit is left
 * out whole, those to the help box and the way out last. False when BUFFER
 * is too small. */
bool keymap_hints(enum keymap_screen screen, size_t columns, char *buffer, size_t size);
/* Calls LINE for each key of SCREEN that the help box lists: the keys'
 * names and what they do, translated, in the table's order; with GLOSSARY
 * also the key that opens the glossary. */
void keymap_help(enum keymap_screen screen, bool glossary,
		 void (*line)(const char *keys, const char *help, void *data), void *data);
/* The keys section of --help, translated: every row, under the screen it
 * works on. */
void keymap_print(FILE *out);

/* ---- What the terminal can show ---- */

struct glyphs {
	const char *full, *empty; /* a bar's filled and empty parts */
	const char *check;	  /* the option chosen */
	const char *bullet;
	const char *mark; /* the highlighted line, before it */
	const char *up, *down, *left, *right;
};

/* The glyphs for the current locale (LC_CTYPE) and $TERM. */
const struct glyphs *glyphs_get(void);
/* Whether the locale's character set is UTF-8. */
bool glyphs_unicode(void);
/* TEXT (raw, from a quiz file or the command line) sanitised as
 * text_sanitize() does, and made showable in the current locale: where
 * it is not UTF-8, common punctuation becomes its ASCII look-alike and
 * any other character that is not ASCII a '?', never raw bytes. NULL only
 * when memory runs out. */
char *glyphs_text(const char *text);

#endif
