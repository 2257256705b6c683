/* Text on its way to the terminal: sanitising, widths, wrapping. */
#include <check.h>
#include <locale.h>
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
	tcase_add_test(sanitise, test_ordinary_text_is_unchanged);
	suite_add_tcase(suite, sanitise);
	TCase *layout = tcase_create("layout");
	tcase_add_test(layout, test_width_counts_columns_not_bytes);
	tcase_add_test(layout, test_wrap_breaks_at_spaces_within_the_width);
	tcase_add_test(layout, test_wrap_cuts_a_word_longer_than_a_line);
	tcase_add_test(layout, test_wrap_never_splits_a_wide_character);
	tcase_add_test(layout, test_wrap_keeps_paragraph_breaks);
	suite_add_tcase(suite, layout);
	return run_suite(suite);
}
