#!/usr/bin/env bash
# End-to-end tests of `careerfit room DIR`, the mentor's live view of a
# workshop room. careerfit runs in a pane of a private tmux server at a
# fixed size (screen_harness.sh); results are saved into the room's folder
# from outside, as participants' runs would, and the screen is read back
# with capture-pane.
# Run by meson with CAREERFIT, QUIZ_DIR and TEST_DATA_DIR set.
set -u
: "${CAREERFIT:?}" "${QUIZ_DIR:?}" "${TEST_DATA_DIR:?}"
suite=room
source "$(dirname "$0")/harness.sh"
source "$(dirname "$0")/screen_harness.sh"
# The room's own session, its times in UTC. The room scans its folder once
# a second, so wait_for's 10 s is "within a few seconds".
session=room pane_env=(TZ=UTC)
export HOME=$work/home XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data
mkdir "$HOME"
rooms=0
slyde=$TEST_DATA_DIR/slyde/slyde.cfg
unicode=$TEST_DATA_DIR/unicode.cfg
# On slyde, in file order: a clear Product Manager, a close call, and too
# few answers for any role.
clear_pm=a,c,b,a,d,c,a,b,b,d
close_call=b,a,d,c,b,a,d,c,b,a
too_few=a,-,-,-,-,-,-,-,-,-

# new_room: $room is a fresh, empty folder to watch.
new_room() {
	rooms=$((rooms + 1))
	room=$work/room$rooms
	mkdir "$room"
}

# expect_restored WHAT: the main screen is back, the cursor shown and the
# keypad mode off.
expect_restored() {
	local modes
	modes=$(pane '#{alternate_on} #{cursor_flag} #{keypad_flag} #{keypad_cursor_flag}')
	[[ $modes == "0 1 0 0" ]] ||
		{ fail "$1: alternate cursor keypad keypad-cursor are '$modes', expected '0 1 0 0'"; return 1; }
}

# save NAME ANSWERS [QUIZ]: a participant's run, outside tmux, saving into
# the room's folder (slyde unless told).
save() {
	"$CAREERFIT" --name "$1" --save "$room" --answers "$2" "${3:-$slyde}" \
		>/dev/null 2>"$work/save-err" </dev/null ||
		{ fail "saving $1's result: $(cat "$work/save-err")"; return 1; }
}
# join NAME ANSWER...: a participant joins the room as `careerfit --room`
# does, typing NAME and then ANSWER... in plain mode; fewer answers than
# questions leave them joined but not finished.
join() {
	local name=$1
	shift
	printf '%s\n' "$name" "$@" |
		"$CAREERFIT" --room "$room" --plain "$slyde" >/dev/null 2>"$work/save-err"
}
# bar LABEL: the count at the end of LABEL's bar in $shot.
bar() { sed -n -E "s/^  $1 +[█░]+ +([0-9]+)\$/\1/p" <<<"$shot" | head -1; }
expect_bar() {
	local count
	count=$(bar "$1")
	[[ $count == "$2" ]] || { fail "$3: the bar of $1 says '$count', expected $2"; return 1; }
}
# option_count LETTER: in a question's view, the count at the end of the
# bar under option LETTER's text.
option_count() {
	awk -v option="  $1) " 'index($0, option) == 1 { found = 1 }
		found && /[█░]/ { sub(/^ +[█░]+ +/, ""); print $1; exit }' <<<"$shot"
}
test_an_empty_room_says_how_to_join() {
	new_room
	launch -- room "$room"
	expect "Waiting for results in $room" "empty room" &&
		expect "careerfit --room $room" "how to join" || return
	[[ $(pane '#{alternate_on}') == 1 ]] || { fail "the room is not full screen"; return; }
	keys q
	wait_exit "q" && expect_status 0 "q" && expect_no_err "q" && expect_restored "q" && pass
}

test_results_appear_as_they_are_saved() {
	new_room
	launch -- room "$room"
	expect "Waiting for results" "empty room" || return
	save Ann "$clear_pm" || return
	expect "1 participant" "Ann's result" || return
	keys v # names are hidden until asked for
	expect "Ann" "Ann's name" || return
	expect_bar "Product Manager" 1 "Ann" && expect_bar "Product Owner" 0 "Ann" &&
		expect_bar clear 1 "Ann's band" || return
	expect_no "Waiting for results" "Ann" || return
	save "Bo Zhōng 中文" "$close_call" || return
	expect "2 participants" "Bo's result" && expect "Bo Zhōng 中文" "Bo's name" || return
	expect_bar close 1 "Bo's band" && expect_width 80 "a wide name" || return
	# The newest arrival is listed first.
	[[ $(grep -n -e ' Ann$' -e ' Bo Zhōng 中文$' <<<"$shot" | head -1) == *Bo* ]] ||
		{ fail "the latest arrival is not first"; return; }
	keys q
	wait_exit "results" && expect_status 0 "results" && expect_no_err "results" && pass
}

test_too_few_answers_count_apart_from_the_roles() {
	new_room
	launch -- room "$room"
	save Ann "$clear_pm" && save Cy "$too_few" || return
	expect "2 participants" "two results" || return
	expect_bar "Product Manager" 1 "too few" && expect_bar "Too few answers" 1 "too few" &&
		expect_bar insufficient 1 "too few" || return
	keys q
	wait_exit "too few" && expect_status 0 "too few" && pass
}

test_broken_files_are_counted_and_skipped() {
	new_room
	launch -- room "$room"
	save Ann "$clear_pm" || return
	expect "1 participant" "Ann" || return
	echo "this is not a result" >"$room/broken.cfg"
	printf 'version = 1;\nquiz = { id = "x"; };\n' >"$room/foreign.cfg"
	: >"$room/empty.cfg"
	mkfifo "$room/fifo.cfg"
	expect "4 files skipped" "broken files" || return
	save Bo "$close_call" || return
	expect "2 participants" "a result after the broken files" || return
	# A result rewritten in place is read again; one removed is forgotten.
	local ann
	ann=$(ls "$room"/slyde-Ann-*.cfg)
	echo "truncated" >"$ann"
	expect "5 files skipped" "a rewritten result" && expect "1 participant" "rewritten" || return
	rm -f "$room"/*.cfg "$room/fifo.cfg"
	expect "Waiting for results" "every file removed" || return
	[[ $shot != *skipped* ]] || { fail "removed files are still counted"; return; }
	keys q
	wait_exit "broken" && expect_status 0 "broken" && expect_no_err "broken" && pass
}

test_resizing_scales_and_says_when_too_small() {
	new_room
	launch -- room "$room"
	save Ann "$clear_pm" && save Bo "$close_call" || return
	expect "2 participants" "80x24" || return
	local before=$shot narrow wide
	narrow=$(grep -m1 '^  Product Manager ' <<<"$shot" | wc -L)
	resize 200 60
	expect "Latest arrivals" "200x60" && wait_for "2 participants" || return
	[[ $(pane '#{pane_width}x#{pane_height}') == 200x60 ]] || { fail "pane size"; return; }
	expect_width 200 "200x60" || return
	wide=$(grep -m1 '^  Product Manager ' <<<"$shot" | wc -L)
	((wide > narrow + 40)) || { fail "the bars did not widen: $narrow then $wide columns"; return; }
	# Arrivals have a column of their own at the right.
	grep -q '^  2 participants  .* Latest arrivals$' <<<"$shot" ||
		{ fail "200x60: no arrivals column"; return; }
	resize 40 10
	expect "Terminal too small" "40x10" && expect "Now: 40 x 10" "40x10" || return
	resize 80 24
	expect_screen "$before" "80x24 again" || return
	resize 40 10
	expect "Terminal too small" "40x10 again" || return
	# q still quits on a small screen.
	keys q
	wait_exit "resize" && expect_status 0 "resize" && expect_restored "resize" && pass
}

test_q_and_esc_quit_with_the_terminal_restored() {
	local key
	for key in q Escape; do
		new_room
	launch -- room "$room"
		expect "Waiting for results" "$key" || return
		keys "$key"
		wait_exit "$key" && expect_status 0 "$key" && expect_no_err "$key" || return
		expect "careerfit-test: exited" "$key: shell output" && expect_restored "$key" || return
		[[ $shot != *"Waiting for results"* ]] || { fail "$key: the room is still up"; return; }
	done
	pass
}

# A signal ends the room with the terminal as it was; careerfit then dies
# of that signal, so that the shell sees why.
test_signals_restore_the_terminal() {
	local signal number
	for signal in TERM HUP INT; do
		new_room
	launch -- room "$room"
		expect "Waiting for results" "SIG$signal" || return
		if [[ $signal == INT ]]; then
			keys C-c
		else
			kill -"$signal" "$(<"$run/pid")"
		fi
		number=$(kill -l "$signal")
		wait_exit "SIG$signal" && expect_status $((128 + number)) "SIG$signal" &&
			expect_err "stopped by signal $number" "SIG$signal" || return
		expect "careerfit-test: exited" "SIG$signal: shell output" &&
			expect_restored "SIG$signal" || return
	done
	pass
}

# shellcheck disable=SC1111 # the curly quotes are the quiz title's
test_the_quiz_with_most_results_is_shown_unless_told() {
	new_room
	launch -- room "$room"
	save Ann "$clear_pm" && save Bo "$close_call" && save Cy a,b "$unicode" || return
	expect "Slyde: who would you be on the team?" "most results" &&
		expect "2 participants" "most results" && expect "1 result of other quizzes" "footer" || return
	keys q
	wait_exit "most results" || return
	launch -- room "$room" --quiz unicode
	expect "Zhōngwén — “quotes” and 中文" "--quiz" && expect "1 participant" "--quiz" &&
		expect "2 results of other quizzes" "--quiz footer" || return
	keys v
	expect "Cy" "--quiz" || return
	keys q
	wait_exit "--quiz" && expect_status 0 "--quiz" && pass
}

test_no_color_leaves_out_every_colour() {
	local how count
	for how in none NO_COLOR=1 --no-color; do
		case $how in
		none) new_room && launch -- room "$room" ;;
		NO_COLOR=*) new_room && launch "$how" -- room "$room" ;;
		--no-color) new_room && launch -- room "$room" --no-color ;;
		esac
		save Ann "$clear_pm" || return
		expect "1 participant" "$how" || return
		count=$(capture -e | color_parts | wc -l)
		if [[ $how == none ]]; then
			((count > 0)) || { fail "no colour by default"; return; }
		else
			((count == 0)) || { fail "$how: $count colour codes"; return; }
		fi
		keys q
		wait_exit "$how" || return
	done
	pass
}

test_joined_and_finished_are_counted() {
	new_room
	launch -- room "$room"
	expect "Waiting for results in $room" "empty room" || return
	# Ann gives her name and two answers, then her input ends.
	join Ann a c
	[[ -n $(ls "$room/.joined") ]] || { fail "Ann's run left no mark in .joined"; return; }
	expect "1 joined, 0 finished" "Ann joined" || return
	join Bo a c b a d c a b b d ||
		{ fail "Bo's run failed: $(cat "$work/save-err")"; return; }
	expect "2 joined, 1 finished" "Bo finished" || return
	# A result saved without joining counts as finished only; the marks
	# of another quiz do not count.
	save Cy "$clear_pm" && : >"$room/.joined/unicode-Di-0123abcd" || return
	expect "2 joined, 2 finished" "Cy saved without joining" || return
	keys q
	wait_exit "joined" && expect_status 0 "joined" && expect_no_err "joined" && pass
}

# seconds_since START: the time since $EPOCHREALTIME was START.
seconds_since() { awk -v start="$1" -v end="$EPOCHREALTIME" 'BEGIN { print end - start }'; }
# at_most SECONDS LIMIT: SECONDS is no more than LIMIT.
at_most() { awk -v seconds="$1" -v limit="$2" 'BEGIN { exit !(seconds <= limit) }'; }

# The room watches its folder: a result shows at once, not at the next
# scan. Once a save has returned (its file has landed), the screen is read
# every 0.1 s against a deadline of 1.5 s.
test_a_result_shows_within_a_second_and_a_half() {
	new_room
	launch -- room "$room"
	save Ann "$clear_pm" || return
	expect "1 participant" "Ann" || return
	local name want=1 started took
	for name in Bo Cy Di; do
		want=$((want + 1))
		save "$name" "$close_call" || return
		started=$EPOCHREALTIME
		until shot=$(capture) && [[ $shot == *"$want participants"* ]]; do
			at_most "$(seconds_since "$started")" 1.5 || break
			sleep 0.1
		done
		took=$(seconds_since "$started")
		[[ $shot == *"$want participants"* ]] ||
			{ fail "$name's result did not show within 1.5 s"; return; }
		at_most "$took" 1.5 || { fail "$name's result took $took s to show"; return; }
	done
	keys q
	wait_exit "within 1.5 s" && expect_status 0 "within 1.5 s" && pass
}

test_keys_step_through_the_questions() {
	new_room
	save Ann "$clear_pm" && save Bo "$close_call" && save Cy "$too_few" || return
	launch -- room "$room"
	expect "3 participants" "three results" && expect "p/n questions" "hints" || return
	keys Right
	expect "Question 1 of 10   3 answered" "question 1" &&
		expect "The churn report arrives on Monday morning. What do you do first?" \
			"question 1's prompt" || return
	expect_no "Top result" "question 1" && expect_width 80 "question 1" || return
	# In file order, Ann and Cy picked a), Bo b).
	[[ $(option_count a) == 2 && $(option_count b) == 1 ]] ||
		{ fail "question 1 counts a) '$(option_count a)' b) '$(option_count b)'"; return; }
	expect "Product Manager +3, Product Marketing Manager +1" "what a) signals" || return
	keys n
	expect "Question 2 of 10   2 answered" "n" && expect "skipped: 1" "Cy skipped" || return
	keys p Left
	expect "3 participants" "back to the summary" || return
	keys Left
	expect "Top result" "Left on the summary stays" || return
	keys n n n n n n n n n n n n
	expect "Question 10 of 10" "the last question" || return
	resize 200 60
	expect "Question 10 of 10" "200x60" && expect_width 200 "200x60" || return
	keys q
	wait_exit "questions" && expect_status 0 "questions" && expect_no_err "questions" && pass
}

# Text from a result file never reaches the terminal raw.
test_a_question_s_text_is_sanitised() {
	new_room
	save Ann "$clear_pm" || return
	local file
	file=$(ls "$room"/slyde-Ann-*.cfg)
	sed -i '0,/prompt = "The churn/s//prompt = "\\x1b]2;owned\\x07\\x1b[2JThe churn/' "$file"
	launch -- room "$room"
	expect "1 participant" "Ann" || return
	keys n
	expect "^[]2;owned^G^[[2JThe churn report" "an escape in a prompt" || return
	[[ $(pane '#{pane_title}') != owned ]] || { fail "the prompt set the title"; return; }
	keys q
	wait_exit "sanitised" && expect_status 0 "sanitised" && pass
}

test_names_stay_hidden_until_v() {
	new_room
	save Zanele "$clear_pm" || return
	launch -- room "$room"
	expect "1 participant" "Zanele" && expect "names hidden: press v to show" "hidden" &&
		expect "q quit  ←/→ p/n questions  v names" "hints" || return
	expect_no "Zanele" "by default" || return
	keys v
	expect "Zanele" "after v" || return
	expect_no "names hidden" "after v" || return
	keys v
	expect "names hidden: press v to show" "v again" && expect_no "Zanele" "v again" || return
	keys q
	wait_exit "names" && expect_status 0 "names" && pass
}

# room_cli STATUS PATTERN WHAT ARG...: runs `careerfit room ARG...` outside
# tmux, with no terminal, and expects exit STATUS with PATTERN in its
# stdout and stderr.
room_cli() {
	local want=$1 pattern=$2 what=$3 got
	shift 3
	"$CAREERFIT" room "$@" >"$work/cli-out" 2>"$work/cli-err" </dev/null
	got=$?
	if [[ $got != "$want" ]] || ! grep -q -- "$pattern" "$work/cli-out" "$work/cli-err"; then
		fail "$what: exit $got (expected $want), output: $(cat "$work/cli-out" "$work/cli-err")"
		return 1
	fi
}

# The command line: nothing here opens the screen.
test_command_line_errors_and_help() {
	room_cli 2 "room needs the folder" "no folder" &&
		room_cli 2 "room needs the folder" "an empty folder name" "" &&
		room_cli 2 "one folder, but" "two folders" "$work" "$work" &&
		room_cli 2 "unknown option '--bogus'" "--bogus" "$work" --bogus &&
		room_cli 2 "needs a quiz id" "--quiz without an id" "$work" --quiz &&
		room_cli 1 "cannot open the folder .*/missing: No such file" "a missing folder" \
			"$work/missing" &&
		room_cli 1 "is not a folder" "a file" "$slyde" &&
		room_cli 1 "needs a terminal" "no terminal" "$work" &&
		room_cli 0 "^Usage: careerfit room DIR" "-h" -h &&
		room_cli 0 "^Usage: careerfit room DIR" "--help" --help || return
	[[ ! -s $work/cli-err ]] || { fail "--help writes to stderr"; return; }
	pass
}

# After each test: careerfit must have ended and left no sanitizer report,
# in tmux or outside it.
after_test() {
	check_runs "$1"
	if grep -q -e "ERROR: AddressSanitizer" -e "runtime error:" -e "LeakSanitizer" \
		"$work/cli-out" "$work/cli-err" "$work/save-err" 2>/dev/null; then
		fail "$1: sanitizer report outside tmux"
	fi
	rm -f "$work/cli-out" "$work/cli-err" "$work/save-err"
}

run_tests room
