#!/usr/bin/env bash
# End-to-end tests of the full-screen quiz. careerfit runs in a pane of a
# private tmux server at a fixed size; a test types keys with send-keys,
# reads the screen back with capture-pane, and once careerfit has ended
# checks what it left behind: its exit status, its stderr, what it printed
# to the terminal and the terminal's modes (the machinery is in
# screen_harness.sh).
# Run by meson with CAREERFIT, QUIZ_DIR and TEST_DATA_DIR set.
set -u
: "${CAREERFIT:?}" "${QUIZ_DIR:?}" "${TEST_DATA_DIR:?}"
suite=tui
source "$(dirname "$0")/harness.sh"
source "$(dirname "$0")/screen_harness.sh"
# Saved progress and results stay in here, not in the user's folders.
export HOME=$work/home XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data
mkdir "$HOME"
slyde=$TEST_DATA_DIR/slyde/slyde.cfg
unicode=$TEST_DATA_DIR/unicode.cfg
escapes=$TEST_DATA_DIR/escapes.cfg
expected=$TEST_DATA_DIR/tui

# bars: the role bars of the results screen in $shot, "NAME PERCENT" a line.
bars() { sed -n -E 's/^  (.*[^ ]) +[█░]+ +([0-9.]+%|n\/a)$/\1 \2/p' <<<"$shot"; }
# option_text LETTER: the first line of the option shown at LETTER in $shot.
option_text() { sed -n -E "s/^. . $1\) (.*[^ ]) *\$/\1/p" <<<"$shot" | head -1; }

# answer TOTAL LETTER...: from the welcome screen, answers the first
# questions of a TOTAL-question quiz with the options shown at LETTER...,
# waiting for each question to show, then for the next one or the review.
answer() {
	local total=$1 n=1 letter
	shift
	expect "Press Enter to start." "welcome" || return
	keys Enter
	for letter; do
		expect "Question $n of $total" "question $n" || return
		keys "$letter"
		n=$((n + 1))
	done
	if ((n > total)); then
		expect "Review your answers" "review after the last question"
	else
		expect "Question $n of $total" "question $n"
	fi
}

# json_of LIST: runs careerfit --json --answers LIST on slyde outside tmux,
# its stdout in $run/out (its stderr is checked like a pane's).
json_of() {
	new_run
	"$CAREERFIT" --json --answers "$1" "$slyde" >"$run/out" 2>"$run/err" </dev/null
	echo $? >"$run/status"
	[[ $(<"$run/status") == 0 ]] || { fail "--json --answers $1: exit $(<"$run/status")"; return 1; }
}

# results_of SEED LETTER...: sets $result to the bars careerfit shows for
# slyde answered with LETTER... (on-screen letters) under --seed SEED.
results_of() {
	local seed=$1
	shift
	launch -- --seed "$seed" "$slyde"
	answer 10 "$@" || return
	keys Enter
	expect "Answered 10 of 10 questions" "results" || return
	result=$(bars)
	keys q
	wait_exit "results"
}

test_starts_at_80x24_with_the_welcome_screen() {
	launch -- "$slyde"
	expect "Press Enter to start." "welcome" || return
	[[ $(pane '#{pane_width}x#{pane_height}') == 80x24 ]] || { fail "pane size"; return; }
	expect_line 0 " careerfit" "welcome header" &&
		expect_line 3 "  Slyde: who would you be on the team?" "quiz title" &&
		expect_line 23 " Enter start  ↑↓ scroll  ? help  q quit" "welcome hints" || return
	diff -u "$expected/welcome-slyde-80x24.txt" - <<<"$shot" >"$work/diff" ||
		{ fail "welcome screen differs: $(cat "$work/diff")"; return; }
	# Nothing is lost before the first answer, so q does not ask.
	keys q
	wait_exit "quit at welcome" && expect_status 0 "quit at welcome" &&
		expect_err "careerfit: quit at question 1 of 10" "quit at welcome" && pass
}

test_whole_quiz_gives_ranked_results_debrief_and_summary() {
	launch -- --seed 1 "$slyde"
	answer 10 b a d c b a d c b a || return
	expect "10 of 10 answered" "review count" || return
	keys Enter
	expect "Answered 10 of 10 questions" "results header" || return
	local ranked top headline
	ranked=$(bars)
	[[ $(wc -l <<<"$ranked") -eq 4 ]] || { fail "results: 4 bars expected: $ranked"; return; }
	local role
	for role in "Product Manager" "Product Marketing Manager" "Product Owner" \
		"Project Manager"; do
		grep -q "^$role [0-9.]*%$" <<<"$ranked" || { fail "results: no bar for $role"; return; }
	done
	awk '{ v = $NF + 0 } NR > 1 && v > last { exit 1 } { last = v }' <<<"$ranked" ||
		{ fail "results: bars not ranked: $ranked"; return; }
	top=$(head -1 <<<"$ranked" | sed 's/ [0-9.]*%$//')
	headline=$(sed -n '1s/  *Results *$//p' <<<"$shot")
	[[ $headline == *"$top"* ]] || { fail "the headline '$headline' does not name $top"; return; }
	keys d
	expect "Debrief 1 of 10" "debrief" &&
		expect "The churn report arrives on Monday morning. What do you do first?" \
			"debrief question" || return
	[[ $(grep -c "^        signals: " <<<"$shot") -eq 4 ]] ||
		{ fail "debrief: one signals line per option expected"; return; }
	[[ $(grep -c "^  ✓ [a-d]) " <<<"$shot") -eq 1 ]] || { fail "debrief: one answer marked"; return; }
	grep -q '^  Why$' <<<"$shot" || { fail "debrief: no 'Why' section"; return; }
	# At the foot of the debrief, the short names the signals use.
	keys End
	expect "  PM: Product Manager; PMM: Product Marketing Manager; PO: Product" \
		"debrief: the short names spelled out" || return
	keys Right
	expect "Debrief 2 of 10" "debrief next" || return
	keys r
	expect " Results" "back to the results" || return
	keys q
	wait_exit "quit after results" && expect_status 0 "quit after results" &&
		expect_no_err "quit after results" || return
	# The TUI is gone; the summary stays in the scrollback.
	expect "careerfit-test: exited" "summary" && expect "${headline# }" "summary" &&
		expect "Answered 10 of 10 questions (0 skipped)." "summary" || return
	[[ $shot != *"Debrief"* && $(pane '#{alternate_on}') == 0 ]] ||
		{ fail "the quiz screen is still up"; return; }
	pass
}

test_going_back_and_changing_an_answer_changes_the_result() {
	local first direct changed
	results_of 3 a a a a a a a a a a && first=$result || return
	results_of 3 a a a a a a a b a a && direct=$result || return
	[[ $first != "$direct" ]] || { fail "answer 8 does not change the result: $first"; return; }
	launch -- --seed 3 "$slyde"
	answer 10 a a a a a a a a a || return
	keys Left
	expect "Question 9 of 10" "Left goes back" && expect "▶ ✓ a) " "answer 9 kept" || return
	keys p
	expect "Question 8 of 10" "p goes back" && expect "▶ ✓ a) " "answer 8 kept" || return
	keys n
	expect "Question 9 of 10" "n goes forward" || return
	keys BSpace
	expect "Question 8 of 10" "Backspace goes back" || return
	keys b
	expect "Question 9 of 10" "changed answer 8" && expect "▶ ✓ a) " "answer 9 kept" || return
	keys Right
	expect "Question 10 of 10" "Right goes forward" || return
	keys a
	expect "Review your answers" "review" || return
	keys Enter
	expect "Answered 10 of 10 questions" "results" || return
	changed=$(bars)
	keys q
	wait_exit "changed" || return
	[[ $changed == "$direct" ]] ||
		{ fail "back and change: got '$changed', answering b directly gives '$direct'"; return; }
	pass
}

test_review_lists_every_answer_and_jumps_to_a_question() {
	local direct
	results_of 5 a a c a a a a a a a && direct=$result || return
	launch -y 50 -- --seed 5 "$slyde"
	answer 10 a a a a a a a a a a || return
	expect "▶   [ Submit my answers and see the result ]" "submit highlighted" || return
	local n
	for n in 1 2 3 4 5 6 7 8 9 10; do
		grep -q "^  $(printf '%2d' $n)\. " <<<"$shot" || { fail "review: no question $n"; return; }
	done
	[[ $(grep -c '^      a) ' <<<"$shot") -eq 10 ]] || { fail "review: 10 answers 'a)'"; return; }
	keys Home
	expect "▶  1. " "Home highlights question 1" || return
	keys End
	expect "▶   [ Submit" "End highlights submit" || return
	keys Up Up Up Up Up Up Up Up
	expect "▶  3. " "Up moves to question 3" || return
	keys Enter
	expect "Question 3 of 10" "Enter opens question 3" && expect "▶ ✓ a) " "answer 3" || return
	local chosen
	chosen=$(option_text c)
	keys c
	expect "Review your answers" "back to the review" || return
	# The answer line of question 3, the first lettered line after its prompt.
	local shown
	shown=$(awk '/^   3\. / { on = 1; next } on && /^      [a-i]\) / { print; exit }' <<<"$shot")
	shown=${shown#      c) }
	if [[ -z $shown || ($shown != "$chosen"* && $chosen != "$shown"*) ]]; then
		fail "review: question 3 shows '$shown', picked c) '$chosen'"
		return
	fi
	keys Enter
	expect "Answered 10 of 10 questions" "submit" || return
	[[ $(bars) == "$direct" ]] || { fail "review change: '$(bars)' vs '$direct'"; return; }
	keys q
	wait_exit "review" && expect_status 0 "review" && pass
}

test_resize_below_minimum_and_back_keeps_the_question() {
	launch -- --seed 1 "$slyde"
	answer 10 b c || return
	local before=$shot
	resize 59 18
	expect "Terminal too small" "59x18" && expect "60 columns and 18 rows." "59x18" &&
		expect "Now: 59 x 18" "59x18" || return
	resize 60 17
	expect "Now: 60 x 17" "60x17" || return
	# At the minimum size the options stay in sight.
	resize 60 18
	expect "Question 3 of 10" "60x18" && expect_width 60 "60x18" || return
	[[ $shot == *"▶   a) "* && $shot == *"    d) "* ]] ||
		{ fail "60x18: the options are out of sight"; return; }
	resize 80 24
	expect_screen "$before" "80x24 again" || return
	keys p
	expect "Question 2 of 10" "answer 2 kept" && expect "▶ ✓ c) " "answer 2 kept" || return
	keys p
	expect "Question 1 of 10" "answer 1 kept" && expect "▶ ✓ b) " "answer 1 kept" || return
	keys q y
	wait_exit "resize" && expect_status 0 "resize" && pass
}

# Plain mode on a terminal asks before it resumes saved progress.
test_plain_mode_on_a_terminal_asks_to_resume() {
	local state=$work/plain-state
	launch "XDG_STATE_HOME=$state" -- --plain --seed 1 "$slyde"
	expect "Question 1 of 10" "plain question 1" || return
	keys b Enter
	expect "Question 2 of 10" "plain question 2" || return
	keys C-d
	wait_exit "plain eof" && expect_status 1 "plain eof" &&
		expect_err "your answers are kept" "plain eof" || return
	launch "XDG_STATE_HOME=$state" -- --plain --seed 1 "$slyde"
	expect "You answered 1 of 10 questions last time. Resume? [Y/n]" "plain asks" || return
	keys y Enter
	expect "Question 2 of 10" "plain resumes" || return
	keys C-d
	wait_exit "plain resumed" && pass
}

# A finished quiz quit at the review and resumed opens on the review.
test_resumed_finished_quiz_opens_the_review() {
	local state=$work/finished-state
	launch "XDG_STATE_HOME=$state" -- --seed 1 "$TEST_DATA_DIR/unicode.cfg"
	answer 2 a b || return
	keys q y
	wait_exit "quit at review" || return
	launch "XDG_STATE_HOME=$state" -- --resume --seed 1 "$TEST_DATA_DIR/unicode.cfg"
	expect "Press Enter to start." "resumed welcome" || return
	keys Enter
	expect "Review your answers" "resumed review" && expect "2 of 2 answered" "resumed review" ||
		return
	keys Enter
	expect "Answered 2 of 2 questions" "resumed result" || return
	keys q
	wait_exit "resumed finished" && expect_status 0 "resumed finished" && pass
}

# When progress cannot be saved, the screen says so and promises nothing.
test_failed_saving_is_told_on_screen() {
	: >"$work/not-a-folder"
	launch "XDG_STATE_HOME=$work/not-a-folder" -- --seed 1 "$slyde"
	answer 10 a || return
	expect "! Your answers cannot be saved" "save warning" || return
	keys q
	expect "Quit now? Your answers will be lost. (y/n)" "honest quit" || return
	keys y
	wait_exit "unsaved quit" && expect_status 0 "unsaved quit" &&
		expect_err "cannot save your progress" "unsaved quit" || return
	! grep -q "answers are kept" "$run/err" || { fail "unsaved quit promised kept answers"; return; }
	pass
}

test_q_leaves_a_terminal_too_small_and_keeps_the_answers() {
	local state=$work/small-state
	launch "XDG_STATE_HOME=$state" -- --seed 1 "$slyde"
	answer 10 b || return
	resize 50 15
	expect "Terminal too small" "50x15" && expect "q quits; your answers are kept." "50x15" ||
		return
	keys q
	wait_exit "q when small" && expect_status 0 "q when small" &&
		expect_err "quit at question 2 of 10; your answers are kept" "q when small" || return
	resize 80 24
	launch "XDG_STATE_HOME=$state" -- --seed 1 "$slyde"
	expect "You answered 1 of 10 questions last time." "kept when small" || return
	keys q
	wait_exit "after small" && pass
}

test_quit_from_the_review_says_where() {
	launch -- --seed 1 "$TEST_DATA_DIR/unicode.cfg"
	answer 2 a b || return
	keys q
	expect "Quit now?" "quit at review" || return
	keys y
	wait_exit "quit at review" && expect_status 0 "quit at review" &&
		expect_err "quit at the review" "quit at review" && pass
}

test_quit_mid_quiz_asks_first() {
	launch -- --seed 1 "$slyde"
	answer 10 a || return
	keys q
	expect "Quit now? Your answers are kept for next time. (y/n)" "q asks" || return
	keys n
	expect_gone "Quit now?" "n keeps going" || return
	expect "Question 2 of 10" "n keeps the question" || return
	[[ $shot != *"✓"* ]] || { fail "n answered the question"; return; }
	# At the narrowest size the question still shows its keys.
	resize 60 18
	expect " Slyde: payments that drop out             Question 2 of 10" "60x18" || return
	keys q
	expect "Quit now? Your answers are kept for next time. (y/n)" "q asks at 60x18" ||
		return
	keys y
	wait_exit "quit" && expect_status 0 "quit" &&
		expect_err "careerfit: quit at question 2 of 10" "quit" || return
	expect "careerfit-test: exited" "quit" || return
	[[ $shot != *"Answered"* ]] || { fail "quit printed a result"; return; }
	pass
}

test_quit_keeps_the_answers_for_the_next_run() {
	local state=$work/kept-state
	launch "XDG_STATE_HOME=$state" -- --seed 1 "$slyde"
	answer 10 b c || return
	keys q y
	wait_exit "first run" && expect_status 0 "first run" &&
		expect_err "quit at question 3 of 10" "first run" || return
	# Enter resumes where the first run stopped, with its answers.
	launch "XDG_STATE_HOME=$state" -- --seed 1 "$slyde"
	expect "You answered 2 of 10 questions last time." "resume offer" &&
		expect "Press Enter to resume where you left off, or n to start over." \
			"resume offer" && expect " Enter resume  n start over  ↑↓ scroll" "resume hints" || return
	keys Enter
	expect "Question 3 of 10" "Enter resumes" || return
	keys p
	expect "Question 2 of 10" "resumed answer 2" && expect "▶ ✓ c) " "resumed answer 2" ||
		return
	keys q y
	wait_exit "second run" && expect_status 0 "second run" || return
	# Other keys leave the offer alone; n starts over, with no answer.
	launch "XDG_STATE_HOME=$state" -- --seed 1 "$slyde"
	expect "You answered 2 of 10 questions last time." "offer again" || return
	keys x
	expect "You answered 2 of 10 questions last time." "x keeps the offer" || return
	keys n
	expect "Question 1 of 10" "n starts over" || return
	[[ $shot != *"✓"* ]] || { fail "starting over kept an answer"; return; }
	keys q y
	wait_exit "third run" && expect_status 0 "third run" && pass
}

# A signal ends the quiz with the terminal as it was: main screen, cursor
# shown, keypad and mouse modes off; careerfit then dies of that signal.
test_signals_restore_the_terminal() {
	local signal number
	for signal in TERM HUP INT QUIT; do
		launch -- --seed 1 "$slyde"
		answer 10 a || return
		# The cursor is shown, on the highlight, for a screen reader.
		[[ $(pane '#{cursor_flag}') == 1 ]] || { fail "the quiz hides the cursor"; return; }
		if [[ $signal == INT ]]; then
			keys C-c
		elif [[ $signal == QUIT ]]; then
			keys -H 1c # Ctrl-\, which the terminal turns into SIGQUIT
		else
			kill -"$signal" "$(<"$run/pid")"
		fi
		number=$(kill -l "$signal")
		wait_exit "SIG$signal" && expect_status $((128 + number)) "SIG$signal" &&
			expect_err "stopped by signal $number" "SIG$signal" || return
		expect "careerfit-test: exited" "SIG$signal: shell output" || return
		[[ $shot == *"careerfit-test: pane ready"* && $shot != *"Question 2 of 10"* &&
			$shot != *" Results"* ]] || { fail "SIG$signal: the quiz is still on screen"; return; }
		local modes
		modes=$(pane '#{alternate_on} #{cursor_flag} #{keypad_flag} #{keypad_cursor_flag} #{mouse_any_flag}')
		[[ $modes == "0 1 0 0 0" ]] ||
			{ fail "SIG$signal: alternate cursor keypad keypad-cursor mouse are '$modes', expected '0 1 0 0 0'"; return; }
	done
	pass
}

# shellcheck disable=SC1111 # the curly quotes are the point
test_unicode_is_wrapped_by_display_width() {
	launch -- "$unicode"
	expect "  Zhōngwén — “quotes” and 中文" "title" || return
	keys Enter
	expect "Question 1 of 2" "question 1" && expect " 上海的一个团队 (a team in Shanghai)" "header" || return
	# Every character of the story is there once, in order, whatever the wrap.
	local story on_screen width
	story=$(sed -n 's/^ *story = "\(.*\)";$/\1/p' "$unicode" | tr -d ' ')
	for width in 80 61; do
		if [[ $width == 61 ]]; then
			resize 61 20
			expect_screen "$(<"$expected/unicode-question-61x20.txt")" "61x20" || return
		fi
		expect_width "$width" "question at $width" || return
		on_screen=$(sed -n '4,/^$/p' <<<"$shot" | tr -d ' \n')
		[[ $on_screen == "$story" ]] ||
			{ fail "story at $width: '$on_screen' is not '$story'"; return; }
		[[ $shot == *"  你会先做什么？ What would you do first?"* &&
			$shot == *"a) 和用户谈谈 — talk to users about what goes wrong"* &&
			$shot != *"�"* ]] || { fail "unicode text at $width"; return; }
	done
	keys b
	expect "Question 2 of 2" "question 2" && expect "a) Deciding the roadmap’s next bet" "’" || return
	keys a
	expect "Review your answers" "review" &&
		expect "      b) 整理待办事项 — refine the backlog with the team" "review" || return
	keys Enter
	expect "Answered 2 of 2 questions" "results" && expect_width 61 "results" || return
	[[ $(bars) == *"产品经理 Product Manager "* ]] || { fail "CJK role bar"; return; }
	keys d
	expect "      signals: PM +3" "debrief" && expect_width 61 "debrief" || return
	keys q
	wait_exit "unicode" && expect_status 0 "unicode" && expect "careerfit-test: exited" "unicode" &&
		expect_width 61 "summary" && pass
}

# A terminal whose entry cannot set its own colours back (no op, no oc):
# ncurses would paint every line white on black and leave the pairs drawn
# on the terminal's background black on black. careerfit uses no colour
# there, as with --no-color, and keeps the reverse video and bold.
test_a_terminal_without_its_own_colours_gets_none() {
	local entry=$work/no-op.src
	infocmp -x xterm-256color |
		sed -e '1,/^xterm-256color/s/^xterm-256color|[^,]*,/careerfit-no-op|xterm-256color without op,/' \
			-e 's/[[:space:]]op=[^,]*,//; s/[[:space:]]oc=[^,]*,//' >"$entry" &&
		tic -x -o "$work/terminfo" "$entry" 2>/dev/null &&
		! infocmp -x -A "$work/terminfo" careerfit-no-op | grep -qE '[[:space:]](op|oc)=' ||
		{ fail "could not make a terminfo entry without op"; return; }
	launch TERMINFO="$work/terminfo" TERM=careerfit-no-op -- --seed 1 "$slyde"
	expect "Press Enter to start." "no op" || return
	capture -e >"$work/screen"
	keys Enter
	expect "Question 1 of 10" "no op" || return
	capture -e >>"$work/screen"
	local colours
	colours=$(color_parts <"$work/screen" | sort -u | tr '\n' ' ')
	[[ -z $colours ]] || { fail "no op: colours on screen: $colours"; return; }
	sgr_parts <"$work/screen" | grep -qx 7 || { fail "no op: no reverse video"; return; }
	keys q y
	wait_exit "no op" && expect_status 0 "no op" && pass
}

test_no_color_leaves_out_every_colour() {
	local how
	for how in NO_COLOR=1 --no-color none NO_COLOR=; do
		case $how in
		NO_COLOR=*) launch "$how" -- --seed 1 "$slyde" ;;
		--no-color) launch -- --no-color --seed 1 "$slyde" ;;
		none) launch -- --seed 1 "$slyde" ;;
		esac
		expect "Press Enter to start." "$how" || return
		capture -e >"$work/screen"
		keys Enter
		expect "Question 1 of 10" "$how" || return
		capture -e >>"$work/screen"
		local colours
		colours=$(color_parts <"$work/screen" | sort -u | tr '\n' ' ')
		case $how in
		NO_COLOR=1 | --no-color)
			[[ -z $colours ]] || { fail "$how: colours on screen: $colours"; return; }
			# The highlight and header still stand out, in reverse video.
			sgr_parts <"$work/screen" | grep -qx 7 || { fail "$how: no reverse video"; return; }
			;;
		*) [[ -n $colours ]] || { fail "$how: no colours on screen"; return; } ;;
		esac
		keys q y
		wait_exit "$how" && expect_status 0 "$how" || return
	done
	pass
}

test_same_seed_same_order_and_letters_pick_what_is_shown() {
	# What each file letter of each question says, from --answers (no shuffle).
	local letter
	for letter in a b c d; do
		json_of "$letter,$letter,$letter,$letter,$letter,$letter,$letter,$letter,$letter,$letter" &&
			jq -r '.answers[].text' "$run/out" >"$work/file-$letter" || return
	done
	local first_screen picks=(c a d b c a d b c a) mapped=() n shown moved=0
	launch -- --seed 42 "$slyde"
	expect "Press Enter to start." "welcome" || return
	keys Enter
	for n in 1 2 3 4 5 6 7 8 9 10; do
		expect "Question $n of 10" "question $n" || return
		[[ $n == 1 ]] && first_screen=$shot
		# The file letter of the option shown at the letter we pick.
		shown=$(option_text "${picks[n - 1]}")
		for letter in a b c d; do
			[[ $(sed -n "${n}p" "$work/file-$letter") == "$shown"* ]] && break
		done
		[[ -n $shown && $(sed -n "${n}p" "$work/file-$letter") == "$shown"* ]] ||
			{ fail "question $n: '$shown' is no option of the file"; return; }
		[[ $letter != "${picks[n - 1]}" ]] && moved=1
		mapped+=("$letter")
		keys "${picks[n - 1]}"
	done
	((moved)) || { fail "--seed 42 shows every option where the file has it"; return; }
	expect "Review your answers" "review" || return
	keys Enter
	expect "Answered 10 of 10 questions" "results" || return
	local on_screen from_file
	on_screen=$(bars)
	keys q
	wait_exit "seed 42" && expect_status 0 "seed 42" || return
	json_of "$(IFS=,; echo "${mapped[*]}")" || return
	from_file=$(jq -r '.roles[] | "\(.name)\t\(.affinity)"' "$run/out" |
		awk -F'\t' '{ printf "%s %s\n", $1, $2 == "null" ? "n/a" : sprintf("%.1f%%", $2) }')
	[[ $on_screen == "$from_file" ]] ||
		{ fail "on-screen letters ${picks[*]} are file letters ${mapped[*]}: '$on_screen' vs '$from_file'"; return; }
	# The same seed again: the same first question, option for option.
	launch -- --seed 42 "$slyde"
	expect "Press Enter to start." "welcome" || return
	keys Enter
	expect "Question 1 of 10" "second run" || return
	[[ $shot == "$first_screen" ]] || { fail "--seed 42 twice: the options moved"; return; }
	keys q y
	wait_exit "seed 42 again" && pass
}

test_help_shows_the_keys_and_any_key_closes_it() {
	launch -- --seed 1 "$slyde"
	expect "Press Enter to start." "welcome" || return
	keys Enter
	expect "Question 1 of 10" "question 1" || return
	keys '?'
	expect "Press any key to close." "help" && expect "Up/Down, k/j      move the highlight" "help" &&
		expect "q                 quit (asks first during the quiz)" "help" || return
	expect_line 0 " Slyde: payments that drop out" "help over the question" || return
	# The key that closes the help does nothing else.
	keys a
	expect_gone "Press any key to close." "a closes the help" || return
	expect "Question 1 of 10" "still question 1" || return
	[[ $shot != *"✓"* ]] || { fail "the closing key answered the question"; return; }
	keys q y
	wait_exit "help" && expect_status 0 "help" && pass
}

# The help box leads to the quiz's glossary, and the glossary back to
# where it was opened.
test_glossary_opens_from_the_help_and_goes_back() {
	launch -- --seed 1 "$slyde"
	expect "Press Enter to start." "welcome" || return
	keys Enter
	expect "Question 1 of 10" "question 1" || return
	keys '?'
	expect "g                 the glossary: what the quiz's terms mean" "help" || return
	keys g
	expect " Glossary: the terms this quiz uses" "glossary" &&
		expect "  The share of users who stop using a product." "glossary meaning" &&
		expect "backlog" "second term" || return
	keys Escape
	expect "Question 1 of 10" "back to question 1" && expect_gone "Glossary" "glossary closed" ||
		return
	keys q y
	wait_exit "glossary" && expect_status 0 "glossary" && pass
}

# A workshop room asks the name first: UTF-8 text with editing keys, where
# ? and q are letters, with the cursor on the field for a screen reader.
# The result is saved in the room under that name.
test_room_asks_the_name_and_saves_the_result_under_it() {
	local room=$work/room1
	launch -- --room "$room" --seed 1 "$slyde"
	expect "Your name, as the mentor will see it" "name screen" || return
	keys -l 'Zoë Oq?'
	keys BSpace BSpace Left
	keys -l 'x'
	expect "> Zoë xO" "typed name" || return
	[[ $(pane '#{cursor_flag} #{cursor_y} #{cursor_x}') == "1 $(row_of '^  > ') 9" ]] ||
		{ fail "name: the cursor is not after 'Zoë x': $(pane '#{cursor_flag} #{cursor_y} #{cursor_x}')"; return; }
	keys End BSpace Enter
	answer 10 a c b a d c a b b d || return
	keys Enter
	expect "Answered 10 of 10 questions" "results" || return
	keys q
	wait_exit "room" && expect_status 0 "room" || return
	local saved
	saved=$(grep -l '^participant = "Zoë x";$' "$room"/slyde-*.cfg 2>/dev/null)
	[[ -n $saved ]] || { fail "room: no result saved under 'Zoë x': $(ls "$room")"; return; }
	pass
}

# Coming back with the same name offers the saved answers; a name open in
# another session is refused until another is typed.
test_room_name_resumes_and_a_name_in_use_is_refused() {
	local room=$work/room2 state=$work/room2-state
	launch "XDG_STATE_HOME=$state" -- --room "$room" --seed 1 "$slyde"
	expect "Your name, as the mentor" "name" || return
	keys -l 'Ada'
	keys Enter
	answer 10 a c b || return
	keys q y
	wait_exit "quit with three answers" || return
	mkfifo "$work/room2-fifo"
	XDG_STATE_HOME=$state "$CAREERFIT" --room "$room" --seed 1 "$slyde" \
		<"$work/room2-fifo" >/dev/null 2>&1 &
	local holder=$!
	exec 4>"$work/room2-fifo"
	printf 'Bea\n' >&4
	local tries
	for ((tries = 0; tries < 100; tries++)); do
		compgen -G "$state/careerfit/slyde-Bea-*.lock" >/dev/null && break
		sleep 0.05
	done
	launch "XDG_STATE_HOME=$state" -- --room "$room" --seed 1 "$slyde"
	expect "Your name, as the mentor" "name again" || return
	keys -l 'Bea'
	keys Enter
	expect "That name is open in another session right now" "name in use" || return
	keys C-u
	keys -l 'Ada'
	keys Enter
	expect "You answered 3 of 10 questions last time." "resume offer" || return
	keys q
	wait_exit "resume offer" || return
	exec 4>&-
	wait "$holder" 2>/dev/null
	pass
}

# The result is saved when it is shown, not when the program ends: a
# dropped connection on the results screen (SIGHUP) loses nothing.
test_the_result_is_saved_before_it_is_shown() {
	local room=$work/room3
	launch -- --name Kemi --save "$room" --seed 1 "$slyde"
	answer 10 a c b a d c a b b d || return
	keys Enter
	expect "Answered 10 of 10 questions" "results" || return
	compgen -G "$room/slyde-Kemi-*.cfg" >/dev/null ||
		{ fail "no result in the room while the results are on screen"; return; }
	kill -HUP "$(<"$run/pid")"
	wait_exit "hang-up on the results" || return
	expect_err "result saved to $room/slyde-Kemi-" "hang-up on the results" || return
	[[ $(find "$room" -name 'slyde-Kemi-*.cfg' | wc -l) -eq 1 ]] ||
		{ fail "one result expected: $(ls "$room")"; return; }
	[[ -z $(find "$run/state" -name 'slyde-Kemi-*.cfg') ]] ||
		{ fail "the progress is left after the result was saved"; return; }
	pass
}

test_escape_sequences_in_quiz_text_are_shown_not_obeyed() {
	launch -- "$escapes"
	expect "Press Enter to start." "welcome" || return
	expect_line 0 " careerfit" "header" &&
		expect_line 3 "  Clear^[[2J screen^[]0;pwned^G" "title" &&
		expect_line 5 "  Bell^G and ^[[31mred^[[0m" "description" || return
	local parts
	parts=$(capture -e | sgr_parts | sort -u | tr '\n' ' ')
	[[ " $parts" != *" 31 "* && " $parts" != *" 5 "* ]] ||
		{ fail "quiz text set attributes: $parts"; return; }
	keys Enter
	# A tab, a new line and a bidi override in the title stay on its line.
	expect "Question 1 of 1" "question" && expect_line 0 " Story^[[H and more" "scenario title" &&
		expect_line 3 "  Cursor^[[10;10H home" "story" &&
		expect_line 5 "  Pick^[[?1049h one" "prompt" &&
		expect "a) first^[[1m" "option" || return
	keys a
	expect "Review your answers" "review" || return
	keys Enter
	expect "Alpha^[[5m" "results" && expect "  C1 �31m" "C1 control" || return
	[[ $(pane '#{pane_title}') != *pwned* ]] || { fail "the quiz set the pane title"; return; }
	keys q
	wait_exit "escapes" && expect_status 0 "escapes" && expect "careerfit-test: exited" "escapes" ||
		return
	# The main screen kept what was there before the quiz.
	[[ $shot == *"careerfit-test: pane ready"* && $shot == *"Alpha^[[5m"* ]] ||
		{ fail "escapes: the terminal was cleared"; return; }
	pass
}

# The welcome is drawn from the quiz file's own title before the quiz is
# loaded. A quiz that turns out broken behind it gives its errors on a
# terminal given back whole; a quiz's warnings are told once the screen is
# gone, not written over it.
test_a_quiz_broken_behind_its_welcome_gives_errors_on_a_restored_terminal() {
	local quiz=$work/behind.cfg modes what
	# Big enough (14 MB) that loading it takes a moment after its welcome
	# is drawn (half a second; several under the sanitizers), and broken
	# at its very end.
	awk -v n=100000 'BEGIN {
		print "id = \"behind\";\ntitle = \"Broken behind\";"
		print "roles = ( { id = \"pm\"; name = \"PM\"; }, { id = \"po\"; name = \"PO\"; } );"
		print "scenarios = ( { id = \"s\"; title = \"S\"; story = \"A story.\"; questions = ("
		for (i = 1; i <= n; i++)
			printf "  { id = \"q%d\"; prompt = \"Which?\"; options = ( { text = \"One\"; scores = { pm = 1; }; }, { text = \"Two\"; scores = { po = 1; }; } ); }%s\n", i, (i < n ? "," : "")
		print ") } );\noops oops;"
	}' >"$quiz"
	for what in signal broken; do
		launch -- "$quiz"
		expect "Broken behind" "$what: the welcome, drawn while the quiz loads" || return
		if [[ $what == signal ]]; then
			# Ctrl-C while it loads: noted, then told once the load is over.
			keys C-c
			wait_exit "$what" 60 && expect_status 130 "$what" &&
				expect_err "stopped by signal 2" "$what" || return
		else
			wait_exit "$what" 60 && expect_status 1 "$what" || return
		fi
		expect_err_line "$quiz:100006: error: syntax error" "$what" || return
		expect "careerfit-test: exited" "$what: shell output" || return
		[[ $shot != *"Broken behind"* ]] || { fail "$what: the welcome is still on screen"; return; }
		modes=$(pane '#{alternate_on} #{cursor_flag} #{keypad_flag} #{mouse_any_flag}')
		[[ $modes == "0 1 0 0" ]] ||
			{ fail "$what: alternate cursor keypad mouse are '$modes', expected '0 1 0 0'"; return; }
	done

	sed 's/The team’s lead asks you/The Product Owner asks you/' "$unicode" >"$quiz"
	launch -- "$quiz"
	expect "Press Enter to start." "warned" && expect "1 scenario" "warned: the size" || return
	[[ ! -s $run/err ]] || { fail "warned: stderr written under the screen"; return; }
	keys q
	wait_exit "warned" && expect_status 0 "warned" &&
		expect_err "$quiz:13: warning: the story of scenario 'cjk' names the role 'po'" "warned" ||
		return
	pass
}

# click ROW COLUMN: a left click there (press and release), as the
# terminal reports it: X10 encoding, \e[M and three bytes, 32 + the button
# (3 is a release), 32 + the column, 32 + the row (both from 1). That is
# what kmous says for tmux and screen.
click() {
	local at
	at=$(printf '\\%03o\\%03o' $((33 + $2)) $((33 + $1)))
	keys -l "$(printf '%b' "\\033[M $at\\033[M#$at")"
}

test_mouse_click_picks_an_option_and_opens_a_question() {
	launch -- --seed 1 "$slyde"
	answer 10 || return
	local row
	row=$(row_of '^. . c\) ')
	[[ -n $row ]] || { fail "no option c on screen"; return; }
	click "$row" 10
	expect "Question 2 of 10" "a click picks" || return
	keys Left
	expect "Question 1 of 10" "back" && expect "▶ ✓ c) " "the clicked option is chosen" ||
		return
	keys c a a a a a a a a a
	expect "Review your answers" "review" || return
	keys Home
	expect "▶  1. " "Home" || return
	row=$(row_of '^   2\. ')
	[[ -n $row ]] || { fail "review: no question 2"; return; }
	click "$row" 20
	expect "Question 2 of 10" "a click in the review opens the question" || return
	keys q y
	wait_exit "mouse" && expect_status 0 "mouse" && pass
}

test_skipping_every_question_ranks_no_role() {
	launch -- "$unicode"
	expect "Press Enter to start." "welcome" || return
	keys Enter
	expect "Question 1 of 2" "question 1" || return
	keys s
	expect "Question 2 of 2" "s skips" || return
	keys s
	expect "0 of 2 answered" "review" || return
	[[ $(grep -c '^      (skipped)$' <<<"$shot") -eq 2 ]] || { fail "review: 2 skipped"; return; }
	keys Enter
	expect " Not enough answers yet to suggest a role" "results" &&
		expect "You answered 0 of 2 questions. Answer at least 1 more" "results" || return
	[[ $(bars) == *"Product Owner n/a"* ]] || { fail "skipped: bars should say n/a"; return; }
	keys d
	expect "You skipped this question: it counts toward no role." "debrief" || return
	keys q
	wait_exit "skipped" && expect_status 0 "skipped" && expect_no_err "skipped" && pass
}

# The review keeps its lines between keys (issue 13): on the bundled quiz
# of 35 questions, far longer than the screen, the keys still scroll,
# move the highlight and open the question they should, and a changed
# answer or a new width is shown at once.
test_long_review_scrolls_highlights_and_opens_a_question() {
	local letters=() n
	for n in $(seq 35); do letters+=(a); done
	launch -- --seed 1 "$QUIZ_DIR/product-roles.cfg"
	answer 35 "${letters[@]}" || return
	expect "35 of 35 answered" "long review" &&
		expect "▶   [ Submit my answers and see the result ]" "submit highlighted" &&
		expect "↑ PgUp" "the review opens at its end" || return
	keys Home
	expect "▶  1. " "Home highlights question 1" && expect_line 3 "▶  1. " "question 1 on top" &&
		expect "↓ PgDn" "more below" || return
	keys PgDn
	expect_gone "▶  1. " "PgDn scrolls question 1 out of sight" &&
		expect "↑ PgUp" "PgDn" || return
	# A highlight move brings the highlighted question back in sight.
	keys j
	expect "▶  2. " "j highlights question 2" || return
	for n in $(seq 18); do keys j; done
	expect "▶ 20. " "j moves down to question 20" || return
	keys Enter
	expect "Question 20 of 35" "Enter opens question 20" && expect "▶ ✓ a) " "answer 20" ||
		return
	keys b
	expect "Review your answers" "back to the review" && expect "35 of 35 answered" "review" ||
		return
	for n in $(seq 16); do keys k; done
	expect "▶ 20. " "k moves up to question 20" || return
	local shown
	shown=$(awk '/^▶ 20\. / { on = 1; next } on && /^      [a-i]\) / { print; exit }' <<<"$shot")
	[[ $shown == "      b) "* ]] || { fail "review: question 20 shows '$shown', picked b"; return; }
	# A new width wraps the lines again; the old width gives the old lines
	# (the scroll may differ: the taller screen moved it).
	local block='/^▶ 20\. / { on = 1; print; next } on && /^  [ 0-9][0-9]\. / { exit } on'
	local before
	before=$(awk "$block" <<<"$shot")
	resize 100 30
	expect "▶ 20. " "100x30" && expect_width 100 "100x30" || return
	[[ $(awk "$block" <<<"$shot") != "$before" ]] ||
		{ fail "100x30: question 20 was not wrapped again"; return; }
	resize 80 24
	local tries=0
	while ((tries++ < 100)); do
		shot=$(capture)
		[[ $(awk "$block" <<<"$shot") == "$before" ]] && break
		sleep 0.1
	done
	[[ $(awk "$block" <<<"$shot") == "$before" ]] ||
		{ fail "80x24 again: question 20 differs: $(awk "$block" <<<"$shot")"; return; }
	keys Enter
	expect "Question 20 of 35" "Enter opens question 20 again" && expect "▶ ✓ b) " "answer 20" ||
		return
	keys q y
	wait_exit "long review" && expect_status 0 "long review" &&
		expect_err "quit at question 20 of 35" "long review" && pass
}

# After each test: careerfit must have ended and left no sanitizer report.
after_test() { check_runs "$1"; }

run_tests tui
