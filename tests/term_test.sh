#!/usr/bin/env bash
# End-to-end tests of what careerfit sends to terminals of every kind: a
# locale that is not UTF-8, TERM=dumb or no TERM at all, the Linux console;
# where it leaves the cursor for a screen reader; and the one keymap that
# --help, the manual page and the README list. careerfit runs in a pane of
# a private tmux server (screen_harness.sh); what it wrote is also kept raw
# (pipe-pane), to check bytes as well as the screen.
# Run by meson with CAREERFIT, QUIZ_DIR and TEST_DATA_DIR set, and the
# manual page's and the README's paths as arguments.
set -u
: "${CAREERFIT:?}" "${QUIZ_DIR:?}" "${TEST_DATA_DIR:?}"
man_page=${1:?the manual page source} readme=${2:?the README}
suite=term
source "$(dirname "$0")/harness.sh"
source "$(dirname "$0")/screen_harness.sh"
# What careerfit writes to the terminal is kept in $run/raw.
record_raw=1
export HOME=$work/home XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data
mkdir "$HOME"
slyde=$TEST_DATA_DIR/slyde/slyde.cfg
unicode=$TEST_DATA_DIR/unicode.cfg

# no_high_bytes WHAT [FILE]: $shot (or FILE) holds no byte >= 0x80.
no_high_bytes() {
	local count
	if [[ -n ${2-} ]]; then
		count=$(LC_ALL=C tr -d '\000-\177' <"$2" | wc -c)
	else
		count=$(printf '%s' "$shot" | LC_ALL=C tr -d '\000-\177' | wc -c)
	fi
	((count == 0)) || { fail "$1: $count bytes >= 0x80 were sent"; return 1; }
}
# cursor_on PATTERN WHAT: the cursor is shown, on the row matching PATTERN.
cursor_on() {
	local row
	row=$(row_of "$1")
	[[ $(pane '#{cursor_flag}') == 1 ]] || { fail "$2: the cursor is hidden"; return 1; }
	[[ -n $row && $(pane '#{cursor_y}') == "$row" ]] ||
		{ fail "$2: the cursor is on row $(pane '#{cursor_y}'), not $row ('$1')"; return 1; }
}

# Under LC_ALL=C the terminal is told nothing but ASCII: the bars, the
# marks and the quiz's own UTF-8 text (CJK, curly quotes, dashes) alike;
# every screen stays readable.
test_c_locale_sends_only_ascii() {
	launch LC_ALL=C -- --seed 1 "$unicode"
	expect "Press Enter to start." "welcome" && no_high_bytes "welcome" || return
	[[ $shot == *'Zh?ngwen -- "quotes" and ??'* ]] ||
		{ fail "the title is not shown in ASCII"; return; }
	keys Enter
	expect "Question 1 of 2" "question" && expect "a-i pick  ^v move  < back" "hints" ||
		return
	expect "> " "the highlight's mark" && no_high_bytes "question" || return
	keys a
	expect "Question 2 of 2" "second question" || return
	keys p
	expect "* a) " "the chosen option's mark" || return
	keys Enter a
	expect "Review your answers" "review" && no_high_bytes "review" || return
	keys End Enter
	expect "Results" "results" && no_high_bytes "results" || return
	grep -q -E '^  .*[^ ] +#+\.* +[0-9.]+%$' <<<"$shot" ||
		{ fail "no bar of '#' and '.'"; return; }
	keys d
	expect "Debrief 1 of 2" "debrief" && no_high_bytes "debrief" || return
	keys q
	wait_exit "C locale" && expect_status 0 "C locale" || return
	no_high_bytes "all that was sent" "$run/raw" && pass
}

# Plain mode and the summary after it follow the locale too.
test_c_locale_plain_text_is_ascii() {
	new_run
	printf 'a\nb\n' | LC_ALL=C "$CAREERFIT" --plain "$unicode" >"$run/out" 2>"$run/err"
	status=$?
	expect_status 0 "plain" && no_high_bytes "plain output" "$run/out" || return
	grep -q 'Zh?ngwen -- "quotes" and ??' "$run/out" || { fail "plain: no ASCII title"; return; }
	pass
}

# plain_answers: answers the ten questions of slyde in plain text, on the
# terminal, and checks the result came.
plain_answers() {
	expect "Question 1 of 10" "$1: plain question" &&
		expect "Your answer (a-" "$1: plain prompt" || return
	local i
	for ((i = 0; i < 10; i++)); do
		keys a Enter
	done
	wait_exit "$1" && expect_status 0 "$1" || return
	grep -q "Answered 10 of 10 questions" "$run/raw" || { fail "$1: no result"; return 1; }
}

test_dumb_terminal_asks_in_plain_text() {
	launch TERM=dumb -- --seed 1 "$slyde"
	plain_answers "TERM=dumb" || return
	expect_err_line "careerfit: the terminal (TERM=dumb) cannot show the full screen; asking in plain text" \
		"TERM=dumb" && pass
}

test_no_term_asks_in_plain_text() {
	launch -u TERM -- --seed 1 "$slyde"
	plain_answers "no TERM" || return
	expect_err_line "careerfit: the terminal (TERM is not set) cannot show the full screen; asking in plain text" \
		"no TERM" && pass
}

test_unknown_terminal_asks_in_plain_text() {
	launch TERM=no-such-terminal -- --seed 1 "$slyde"
	plain_answers "unknown TERM" || return
	expect_err_line "careerfit: the terminal (TERM=no-such-terminal) cannot show the full screen; asking in plain text" \
		"unknown TERM" && pass
}

# The Linux console's fonts have no check mark: the chosen option is
# marked with what they have.
test_linux_console_gets_no_check_mark() {
	launch TERM=linux -- --seed 1 "$slyde"
	expect "Press Enter to start." "welcome" || return
	keys Enter
	expect "Question 1 of 10" "question" || return
	keys a
	expect "Question 2 of 10" "second question" || return
	keys p
	expect "Question 1 of 10" "back" && expect "* a) " "the chosen option's mark" || return
	[[ $shot != *"✓"* && $shot != *"▶"* ]] || { fail "a glyph the console lacks"; return; }
	keys q y
	wait_exit "linux" && expect_status 0 "linux" || return
	! grep -q $'\u2713' "$run/raw" || { fail "✓ was sent to the console"; return; }
	pass
}

# The cursor sits on what has the focus, where a screen reader reads.
test_cursor_follows_the_focus() {
	launch -- --seed 1 "$slyde"
	expect "Press Enter to start." "welcome" && cursor_on "^  Press Enter to start" "welcome" ||
		return
	keys Enter
	expect "Question 1 of" "question" && cursor_on "^▶" "first option" || return
	keys j
	wait_for "▶   b) " && cursor_on "^▶   b\)" "after j" || return
	keys j
	wait_for "▶   c) " && cursor_on "^▶   c\)" "after j j" || return
	keys k
	wait_for "▶   b) " && cursor_on "^▶   b\)" "after k" || return
	keys '?'
	expect "Press any key to close." "help" && cursor_on "^ +Keys" "help" || return
	keys g
	expect " Glossary" "glossary" && cursor_on "^  [^ ]" "glossary: the first term" || return
	[[ $(pane '#{cursor_x}') == 2 ]] || { fail "glossary: cursor x $(pane '#{cursor_x}')"; return; }
	keys Escape
	expect "Question 1 of" "back from the glossary" || return
	keys q
	expect "Quit now?" "quit" && cursor_on "Quit now\?" "quit" || return
	keys y
	wait_exit "cursor" && pass
}

test_cursor_on_review_results_and_debrief() {
	launch -- --seed 1 "$unicode"
	expect "Press Enter to start." "welcome" || return
	keys Enter a
	expect "Question 2 of 2" "second question" || return
	keys a
	expect "Review your answers" "review" && cursor_on "^▶ +\[ Submit" "review: Submit" || return
	keys Home
	wait_for "▶  1. " && cursor_on "^▶  1\. " "review: the first question" || return
	keys End Enter
	expect " Results" "results" || return
	[[ $(pane '#{cursor_y}') == 0 ]] || { fail "results: the cursor is not on the headline"; return; }
	keys d
	expect "Debrief 1 of 2" "debrief" && cursor_on "^  [^ ]" "debrief: the question" || return
	keys q
	wait_exit "review" && pass
}

# Ctrl-H goes back wherever Left does; the debrief used to miss it.
test_ctrl_h_goes_back_in_the_debrief_and_glossary() {
	launch -- --seed 1 "$unicode"
	expect "Press Enter to start." "welcome" || return
	keys Enter a a End Enter
	expect " Results" "results" || return
	keys d Right
	expect "Debrief 2 of 2" "debrief 2" || return
	keys C-h
	expect "Debrief 1 of 2" "Ctrl-H in the debrief" || return
	keys q
	wait_exit "debrief" || return
	launch -- --seed 1 "$slyde"
	expect "Press Enter to start." "welcome" || return
	keys '?' g
	expect " Glossary" "glossary" || return
	keys C-h
	expect "Press Enter to start." "Ctrl-H in the glossary" || return
	keys q
	wait_exit "glossary" && pass
}

# "Terminal too small" names the sizes the program checks.
test_too_small_names_the_minimum() {
	launch -- --seed 1 "$slyde"
	expect "Press Enter to start." "welcome" || return
	resize 59 18
	expect "60 columns and 18 rows." "59x18" && expect "Now: 59 x 18" "59x18" || return
	resize 80 24
	expect "Press Enter to start." "back at 80x24" || return
	keys q
	wait_exit "too small" && pass
}

# The keys section of --help is printed from the keymap, every row under
# its heading; the manual page's KEYS and the README's table must list
# the same rows, as "HEADING|KEYS" lines in the same order.
help_keys() {
	"$CAREERFIT" --help | awk '
		/^Keys in the full-screen quiz/ { on = 1; next }
		on && /^$/ { exit }
		on && /^  [^ ].*:$/ { sub(/^  /, ""); sub(/:$/, ""); where = $0; next }
		on && /^    [^ ]/ { sub(/^    /, ""); split($0, part, /  +/); print where "|" part[1] }'
}
man_keys() {
	awk '
		/^\.SH KEYS/ { on = 1; next }
		on && /^\.SH/ { exit }
		on && /^\.SS / { sub(/^\.SS /, ""); gsub(/"/, ""); where = $0; next }
		on && where != "" && /^\.B / { sub(/^\.B /, ""); gsub(/"/, ""); gsub(/\\-/, "-"); print where "|" $0 }
	' "$man_page"
}
readme_keys() {
	awk -F' \\| ' '
		/^### Keys/ { on = 1; next }
		on && /^#/ { exit }
		on && /^\| / && !/^\| (where|---)/ {
			sub(/^\| /, "", $1); gsub(/`/, "", $2); print $1 "|" $2 }
	' "$readme"
}
test_help_man_page_and_readme_list_the_same_keys() {
	help_keys >"$work/help-keys"
	[[ $(wc -l <"$work/help-keys") -gt 20 ]] || { fail "--help lists too few keys"; return; }
	grep -q -x 'The debrief|Left, p, Backspace, Ctrl-H' "$work/help-keys" ||
		{ fail "--help: the debrief lacks Ctrl-H"; return; }
	man_keys >"$work/man-keys"
	readme_keys >"$work/readme-keys"
	diff -u "$work/help-keys" "$work/man-keys" >"$work/diff" ||
		{ fail "the manual page's KEYS differ from --help: $(cat "$work/diff")"; return; }
	diff -u "$work/help-keys" "$work/readme-keys" >"$work/diff" ||
		{ fail "the README's keys differ from --help: $(cat "$work/diff")"; return; }
	pass
}
run_tests term
