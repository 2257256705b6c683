/* Text on its way to the terminal: sanitising, widths, wrapping. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "careerfit/text.h"
#include "helpers.h"

static void assert_sanitised(const char *input, const char *expected)
{
	char *clean = text_sanitize(input);
	ck_assert_str_eq(clean, expected);
	free(clean);
}

START_TEST(test_escape_sequences_are_made_visible)
{
	assert_sanitised("a\x1b[2Jb", "a^[[2Jb");
	assert_sanitised("bell\a", "bell^G");
	assert_sanitised("del\x7f", "del^?");
	assert_sanitised("\x1b]0;title\x07", "^[]0;title^G");
}
END_TEST

START_TEST(test_c1_controls_and_bad_bytes_become_replacement_characters)
{
	assert_sanitised("x\xc2\x9b"
			 "31m",
			 "x\xef\xbf\xbd"
			 "31m"); /* U+009B CSI */
	assert_sanitised("bad\xff", "bad\xef\xbf\xbd");
	assert_sanitised("cut\xe2\x80", "cut\xef\xbf\xbd\xef\xbf\xbd");
}
END_TEST

START_TEST(test_bidi_overrides_are_removed)
{
	assert_sanitised("ab\xe2\x80\xae"
			 "cd",
			 "abcd"); /* U+202E */
}
END_TEST

/* Invisible characters, class by class (text.h says why each is treated
 * so). Two names that differ only by one never look the same. */
START_TEST(test_zero_width_characters_are_marked)
{
	const char *mark = "\xef\xbf\xbd"; /* U+FFFD */
	const char *zero_width[] = {
		"\xe2\x80\x8b", "\xe2\x80\x8c", "\xe2\x80\x8d", /* U+200B-U+200D */
		"\xe2\x81\xa0", "\xe2\x81\xa1", "\xe2\x81\xa4", /* U+2060, 2061, 2064 */
		"\xef\xbb\xbf",					/* U+FEFF */
	};
	for (size_t i = 0; i < sizeof(zero_width) / sizeof(zero_width[0]); i++) {
		char input[32], expected[32];
		snprintf(input, sizeof(input), "An%sn", zero_width[i]);
		snprintf(expected, sizeof(expected), "An%sn", mark);
		assert_sanitised(input, expected);
	}
}
END_TEST

START_TEST(test_invisible_fillers_are_marked)
{
	assert_sanitised("a\xe3\x85\xa4z", "a\xef\xbf\xbdz"); /* U+3164 Hangul filler */
	assert_sanitised("a\xcd\x8fz", "a\xef\xbf\xbdz");     /* U+034F grapheme joiner */
	assert_sanitised("a\xe1\xa0\x8ez", "a\xef\xbf\xbdz"); /* U+180E vowel separator */
	assert_sanitised("a\xe2\x81\xaaz", "a\xef\xbf\xbdz"); /* U+206A */
}
END_TEST

START_TEST(test_line_and_paragraph_separators_become_new_lines)
{
	assert_sanitised("one\xe2\x80\xa8two\xe2\x80\xa9three", "one\ntwo\nthree");
}
END_TEST

START_TEST(test_bidi_embeddings_isolates_and_marks_are_removed)
{
	assert_sanitised("a\xe2\x80\xaa"
			 "b\xe2\x80\xab"
			 "c\xe2\x80\xac"
			 "d\xe2\x80\xad"
			 "e",
			 "abcde"); /* U+202A-U+202D */
	assert_sanitised("a\xe2\x81\xa6"
			 "b\xe2\x81\xa7"
			 "c\xe2\x81\xa8"
			 "d\xe2\x81\xa9"
			 "e",
			 "abcde"); /* U+2066-U+2069 */
	assert_sanitised("a\xe2\x80\x8e"
			 "b\xe2\x80\x8f"
			 "c\xd8\x9c"
			 "d",
			 "abcd"); /* LRM, RLM, ALM */
}
END_TEST

START_TEST(test_tag_characters_are_marked_one_by_one)
{
	/* "hi" with "AB" hidden in tags, then CANCEL TAG. */
	assert_sanitised("hi\xf3\xa0\x81\x81\xf3\xa0\x81\x82\xf3\xa0\x81\xbf",
			 "hi\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	assert_sanitised("x\xf3\xa0\x80\x81", "x\xef\xbf\xbd"); /* U+E0001 language tag */
}
END_TEST

START_TEST(test_variation_selectors_are_removed)
{
	assert_sanitised("\xe2\x9d\xa4\xef\xb8\x8f", "\xe2\x9d\xa4");	  /* U+2764 U+FE0F */
	assert_sanitised("a\xef\xb8\x80z", "az");			  /* U+FE00 */
	assert_sanitised("\xe8\xbe\xbb\xf3\xa0\x84\x80", "\xe8\xbe\xbb"); /* U+E0100 */
	assert_sanitised("a\xe1\xa0\x8bz", "az");			  /* U+180B */
}
END_TEST

START_TEST(test_names_differing_by_an_invisible_never_look_alike)
{
	char *plain = text_sanitize("Ann Lee");
	char *hidden = text_sanitize("Ann\xe2\x80\x8b Lee");
	/* A zero width character in the terminal would leave the same look. */
	ck_assert_uint_ne(text_width(plain), text_width(hidden));
	free(plain);
	free(hidden);
}
END_TEST

START_TEST(test_ordinary_text_is_unchanged)
{
	assert_sanitised("It\xe2\x80\x99s \xe2\x80\x9c"
			 "fine\xe2\x80\x9d \xe2\x80\x94 \xe4\xbd\xa0\xe5\xa5\xbd",
			 "It\xe2\x80\x99s \xe2\x80\x9c"
			 "fine\xe2\x80\x9d \xe2\x80\x94 \xe4\xbd\xa0\xe5\xa5\xbd");
	assert_sanitised("two\nlines\tand tab", "two\nlines and tab");
}
END_TEST

START_TEST(test_width_counts_columns_not_bytes)
{
	ck_assert_uint_eq(text_width("abc"), 3);
	ck_assert_uint_eq(text_width("\xe2\x80\x94"), 1);	      /* em dash */
	ck_assert_uint_eq(text_width("\xe4\xbd\xa0\xe5\xa5\xbd"), 4); /* two CJK */
	ck_assert_uint_eq(text_fit("\xe4\xbd\xa0\xe5\xa5\xbd", 3), 3);
}
END_TEST

START_TEST(test_wrap_breaks_at_spaces_within_the_width)
{
	struct text_lines lines;
	ck_assert(text_wrap("the quick brown fox jumps", 10, &lines));
	ck_assert_uint_eq(lines.count, 3);
	ck_assert_str_eq(lines.lines[0], "the quick");
	ck_assert_str_eq(lines.lines[1], "brown fox");
	ck_assert_str_eq(lines.lines[2], "jumps");
	text_lines_clear(&lines);
}
END_TEST

START_TEST(test_wrap_cuts_a_word_longer_than_a_line)
{
	struct text_lines lines;
	ck_assert(text_wrap("abcdefghij xy", 4, &lines));
	ck_assert_uint_eq(lines.count, 4);
	ck_assert_str_eq(lines.lines[0], "abcd");
	ck_assert_str_eq(lines.lines[2], "ij");
	ck_assert_str_eq(lines.lines[3], "xy");
	text_lines_clear(&lines);
}
END_TEST

START_TEST(test_wrap_counts_every_space_between_words)
{
	struct text_lines lines;
	ck_assert(text_wrap("ab   cd ef", 6, &lines));
	ck_assert_uint_eq(lines.count, 2);
	ck_assert_str_eq(lines.lines[0], "ab");
	ck_assert_str_eq(lines.lines[1], "cd ef");
	text_lines_clear(&lines);
}
END_TEST

/* A word of a megabyte (narrow, accented and wide characters, no space)
 * is cut into lines of the width that give back the word. The time it
 * takes is measured by a benchmark, not here. */
START_TEST(test_wrap_cuts_a_megabyte_word_into_lines_of_the_width)
{
	static const char unit[] = "ab\xc3\xa9\xe4\xb8\xad"; /* a b é 中: 5 columns */
	size_t size = 1 << 20, width = 80;
	char *word = malloc(size + 1);
	ck_assert_ptr_nonnull(word);
	for (size_t i = 0; i < size; i += sizeof(unit) - 1)
		memcpy(word + i, unit, sizeof(unit) - 1 < size - i ? sizeof(unit) - 1 : size - i);
	size_t length = size - size % (sizeof(unit) - 1); /* whole characters only */
	word[length] = '\0';
	struct text_lines lines;
	ck_assert(text_wrap(word, width, &lines));
	size_t offset = 0;
	for (size_t i = 0; i < lines.count; i++) {
		size_t columns = text_width(lines.lines[i]), bytes = strlen(lines.lines[i]);
		ck_assert_uint_le(columns, width);
		if (i + 1 < lines.count) /* full, or one short of a wide character */
			ck_assert_uint_ge(columns, width - 1);
		ck_assert_int_eq(memcmp(lines.lines[i], word + offset, bytes), 0);
		offset += bytes;
	}
	ck_assert_uint_eq(offset, length);
	text_lines_clear(&lines);
	free(word);
}
END_TEST

START_TEST(test_wrap_never_splits_a_wide_character)
{
	struct text_lines lines;
	/* Five CJK characters, two columns each, in lines of five columns. */
	ck_assert(text_wrap("\xe4\xb8\x80\xe4\xba\x8c\xe4\xb8\x89\xe5\x9b\x9b\xe4\xba\x94", 5,
			    &lines));
	ck_assert_uint_eq(lines.count, 3);
	for (size_t i = 0; i < lines.count; i++)
		ck_assert_uint_le(text_width(lines.lines[i]), 5);
	ck_assert_str_eq(lines.lines[0], "\xe4\xb8\x80\xe4\xba\x8c");
	text_lines_clear(&lines);
}
END_TEST

START_TEST(test_wrap_keeps_paragraph_breaks)
{
	struct text_lines lines;
	ck_assert(text_wrap("one\n\ntwo", 20, &lines));
	ck_assert_uint_eq(lines.count, 3);
	ck_assert_str_eq(lines.lines[0], "one");
	ck_assert_str_eq(lines.lines[1], "");
	ck_assert_str_eq(lines.lines[2], "two");
	text_lines_clear(&lines);
}
END_TEST

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	Suite *suite = suite_create("text");
	TCase *sanitise = tcase_create("sanitise");
	tcase_add_test(sanitise, test_escape_sequences_are_made_visible);
	tcase_add_test(sanitise, test_c1_controls_and_bad_bytes_become_replacement_characters);
	tcase_add_test(sanitise, test_bidi_overrides_are_removed);
	tcase_add_test(sanitise, test_zero_width_characters_are_marked);
	tcase_add_test(sanitise, test_invisible_fillers_are_marked);
	tcase_add_test(sanitise, test_line_and_paragraph_separators_become_new_lines);
	tcase_add_test(sanitise, test_bidi_embeddings_isolates_and_marks_are_removed);
	tcase_add_test(sanitise, test_tag_characters_are_marked_one_by_one);
	tcase_add_test(sanitise, test_variation_selectors_are_removed);
	tcase_add_test(sanitise, test_names_differing_by_an_invisible_never_look_alike);
	tcase_add_test(sanitise, test_ordinary_text_is_unchanged);
	suite_add_tcase(suite, sanitise);
	TCase *layout = tcase_create("layout");
	tcase_add_test(layout, test_width_counts_columns_not_bytes);
	tcase_add_test(layout, test_wrap_breaks_at_spaces_within_the_width);
	tcase_add_test(layout, test_wrap_cuts_a_word_longer_than_a_line);
	tcase_add_test(layout, test_wrap_counts_every_space_between_words);
	tcase_add_test(layout, test_wrap_cuts_a_megabyte_word_into_lines_of_the_width);
	tcase_add_test(layout, test_wrap_never_splits_a_wide_character);
	tcase_add_test(layout, test_wrap_keeps_paragraph_breaks);
	suite_add_tcase(suite, layout);
	return run_suite(suite);
}
