#!/usr/bin/env bash
# End-to-end tests of the command line: the real binary, its exit codes,
# what it prints on stdout and stderr, plain mode fed through a pipe.
# Run by meson with CAREERFIT, QUIZ_DIR and TEST_DATA_DIR set.
set -u
: "${CAREERFIT:?}" "${QUIZ_DIR:?}" "${TEST_DATA_DIR:?}"

source "$(dirname "$0")/harness.sh"
# Plain mode saves progress: keep it away from the real home.
export HOME=$work/home XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data

test_help_lists_the_keys() {
	run --help
	expect_status 0 help && expect_out "Usage: careerfit" help &&
		expect_out "q                quit (asks first" help && expect_out "--answers LIST" help && pass
}

test_version() {
	run --version
	expect_status 0 version && expect_out "^careerfit [0-9]" version && pass
}

test_unknown_option_is_a_usage_error() {
	run --frobnicate
	expect_status 2 "unknown option" && expect_err "careerfit: unknown option '--frobnicate'" \
		"unknown option" && expect_err "Try 'careerfit --help'" "unknown option" && pass
}

test_two_quizzes_is_a_usage_error() {
	run "$TEST_DATA_DIR/slyde/slyde.cfg" "$QUIZ_DIR/quick.cfg"
	expect_status 2 "two quizzes" && pass
}

test_bad_seed_is_a_usage_error() {
	run --seed banana "$TEST_DATA_DIR/slyde/slyde.cfg"
	expect_status 2 "bad seed" && expect_err "seed takes a whole number" "bad seed" && pass
}

test_answer_count_must_match_the_quiz() {
	run --answers a,b,c "$TEST_DATA_DIR/slyde/slyde.cfg"
	expect_status 2 "answer count" && expect_err "gives 3 answers, but the quiz has 10" \
		"answer count" && pass
}

test_answer_letter_out_of_range_names_the_question() {
	run --answers a,b,z,a,a,a,a,a,a,a "$TEST_DATA_DIR/slyde/slyde.cfg"
	expect_status 2 "letter out of range" &&
		expect_err "question 3 has options a to d; 'z' is not one of them" \
			"letter out of range" && pass
}

test_missing_quiz_file_is_an_error() {
	run --answers a "$work/nowhere.cfg"
	expect_status 1 "missing quiz" && expect_err "nowhere.cfg: error: cannot read" \
		"missing quiz" && pass
}

test_json_has_the_documented_fields() {
	run --json --answers a,b,c,d,a,b,-,c,d,a "$TEST_DATA_DIR/slyde/slyde.cfg"
	expect_status 0 json || return
	local shape
	shape=$(jq -r '[.quiz.id, (.quiz.title|type), (.quiz.version|type), .answered,
		.skipped, (.roles|length), (.roles[0].affinity|type), (.top|type),
		(.roles|map(.id)|sort|join(","))] | map(tostring) | join(" ")' "$work/out")
	[[ $shape == "slyde string number 9 1 4 number array pm,pmm,po,project" ]] ||
		{ fail "json shape: $shape"; return; }
	# The top role is the first ranked, and affinities are unrounded.
	[[ $(json '.top[0] == .roles[0].id') == true ]] || { fail "json top"; return; }
	pass
}

test_json_affinity_is_null_where_undefined() {
	run --json --answers -,- "$TEST_DATA_DIR/unicode.cfg"
	expect_status 0 "json null" || return
	[[ $(json '[.roles[].affinity] | map(. == null) | all') == true &&
		$(json '.top | length') == 0 && $(json .skipped) == 2 ]] ||
		{ fail "json null: $(cat "$work/out")"; return; }
	pass
}

# One answer list per role that makes it the sole top, through --json.
test_every_role_can_come_out_on_top() {
	local role answers ok=1
	while read -r role answers; do
		run --json --answers "$answers" "$TEST_DATA_DIR/slyde/slyde.cfg"
		if [[ $status -ne 0 || $(json '.top | join(",")') != "$role" ]]; then
			fail "slyde: $answers should make $role the sole top, got $(json '.top')"
			ok=0
		fi
	done <<-'LISTS'
	pm a,c,b,a,d,c,a,b,b,d
	pmm b,d,c,c,a,d,b,d,a,b
	po c,a,d,b,b,b,c,c,d,a
	project d,b,a,d,c,a,d,a,c,c
	LISTS
	((ok)) && pass
}

# The bundled quizzes: every role can be the sole top, and each is top in
# 20% to 30% of random answer sets, as validate --balance measures.
test_bundled_quizzes_are_fair_to_every_role() {
	local quiz rows columns
	for quiz in product-roles quick slyde fr/product-roles fr/quick fr/slyde; do
		run validate --balance "$QUIZ_DIR/$quiz.cfg"
		expect_status 0 "balance $quiz" || return
		rows=$(grep -E '^    (Product|Project|Chef) ' "$work/out")
		[[ $(wc -l <<<"$rows") -eq 4 ]] || { fail "balance $quiz: 4 rows expected"; return; }
		awk '$(NF-3) != "yes" || $(NF-2) + 0 < 20 || $(NF-2) + 0 > 30 { exit 1 }' \
			<<<"$rows" || { fail "balance $quiz: $rows"; return; }
		# The figures line up under their headings, however long the names.
		columns=$(grep -E '^    (role|Product|Project|Chef) ' "$work/out" |
			while IFS= read -r line; do wc -L <<<"$line"; done | sort -u)
		[[ $(wc -l <<<"$columns") -eq 1 ]] || { fail "balance $quiz: ragged table: $(cat "$work/out")"; return; }
	done
	pass
}

test_plain_mode_through_a_pipe_gives_a_result() {
	feed 'a\nb\nc\nd\na\nb\nc\nd\na\nb\n' --seed 5 "$TEST_DATA_DIR/slyde/slyde.cfg"
	expect_status 0 "plain pipe" && expect_out "Question 10 of 10" "plain pipe" &&
		expect_out "Answered 10 of 10 questions" "plain pipe" &&
		expect_out "Product Marketing Manager .*%" "plain pipe" && pass
}

# ? at a plain prompt prints the glossary and asks the same question again.
test_plain_mode_prints_the_glossary_on_request() {
	feed '?\na\nb\nc\nd\na\nb\nc\nd\na\nb\n' --seed 5 "$TEST_DATA_DIR/slyde/slyde.cfg"
	expect_status 0 "glossary" && expect_out "? glossary" "glossary prompt" &&
		expect_out "^Glossary$" "glossary" &&
		expect_out "^  The share of users who stop using a product.$" "glossary meaning" || return
	[[ $(grep -c "^Question 1 of 10$" "$work/out") -eq 2 ]] ||
		{ fail "glossary: question 1 not asked again"; return; }
	expect_out "Answered 10 of 10 questions" "glossary" && pass
}

# The plain summary names the runner-up and the next steps; --debrief adds
# every question's debrief, the answer given marked.
test_plain_summary_has_runner_up_next_steps_and_debrief() {
	run --debrief --answers a,c,b,a,d,c,a,b,b,d "$TEST_DATA_DIR/slyde/slyde.cfg"
	expect_status 0 "debrief" && expect_out "^A clear fit: Product Manager$" "headline" &&
		expect_out "That is what you prefer, not how well you" "clear: what it cannot tell" &&
		expect_out "^Next closest: Product Marketing Manager$" "runner-up" &&
		expect_out "^Next steps toward Product Manager$" "next steps" &&
		expect_out "^  \* Shadow a product lead for a week of user interviews.$" "a step" &&
		expect_out "^Debrief: every question" "debrief" &&
		expect_out "^those of --answers, in the quiz file's order)$" "debrief: whose letters" &&
		expect_out "^Roles in short: PM: Product Manager; PMM: Product Marketing Manager; PO: Product$" \
			"debrief: the short names spelled out" &&
		expect_out "^1. The churn report arrives on Monday morning" "debrief question" &&
		expect_out "^> a) Arrange interviews" "debrief answer" &&
		expect_out "^      signals: PM +3, PMM +1$" "debrief signals" &&
		expect_out "^      signals: PMM +3, PM +1$" "debrief signals, most points first" &&
		expect_out "^Why: Going straight to the affected users" "debrief why" || return
	# A clear result gives no steps for the runner-up; a leaning one does.
	[[ $(grep -c "^Next steps toward" "$work/out") -eq 1 ]] || { fail "clear: one role's steps"; return; }
	run --answers a,b,c,d,a,b,c,d,a,b "$TEST_DATA_DIR/slyde/slyde.cfg"
	# Product Owner and Project Manager share the next place (27.8% each):
	# the headline names both, and the lead over them.
	expect_out "^You lean toward Product Marketing Manager; next come Product Owner and Project$" "leaning" &&
		expect_out "^Product Marketing Manager leads Product Owner and Project Manager by 22.2$" \
			"leaning: the lead over both" &&
		expect_out "try some of the work of these roles$" "leaning: not 'both' roles" &&
		run --answers b,d,a,b,a,b,d,c,b,d "$TEST_DATA_DIR/slyde/slyde.cfg" &&
		expect_out "^A close call between Product Owner, Product Marketing Manager and Project$" \
			"close: every role sharing the next place" &&
		expect_out "^Next steps toward Product Owner$" "leaning: the runner-up's steps" && pass
}

# With shuffled options, the debrief letters are those the person saw.
test_plain_debrief_uses_the_letters_shown() {
	feed 'a\na\na\na\na\na\na\na\na\na\n' --plain --seed 3 --debrief "$TEST_DATA_DIR/slyde/slyde.cfg"
	expect_status 0 "debrief letters" && expect_out "^those you saw)$" "debrief: whose letters" ||
		return
	local shown
	shown=$(sed -n '/^Question 1 of 10$/{n;n;s/^  a) //p;}' "$work/out" | head -1)
	[[ -n $shown ]] && grep -qF -- "> a) $shown" "$work/out" ||
		{ fail "debrief letters: '> a) $shown' not in the debrief"; return; }
	expect_out "^A bar shows how far your answers went toward a role" "bar note" && pass
}

# --json carries the clarity, the runner-up, next steps and each debrief.
test_json_has_clarity_runner_up_and_debriefs() {
	run --json --answers a,b,c,d,a,b,-,c,d,a "$TEST_DATA_DIR/slyde/slyde.cfg"
	expect_status 0 "json clarity" || return
	local check
	check=$(json '[(.clarity.band | IN("clear","leaning","close","insufficient")),
		(.clarity.margin | type == "number"), (.clarity.chance | . >= 0 and . <= 1),
		(.runner_up | type == "string"), (.roles[0].next_steps | length == 2),
		(.answers[0].prompt | startswith("The churn report")),
		(.answers[0].signals == [{"role": "pm", "score": 3}, {"role": "pmm", "score": 1}]),
		(.answers[0].debrief | startswith("Going straight")),
		(.answers[6].option == null and .answers[6].signals == [])] | all')
	[[ $check == true ]] || { fail "json clarity: $(head -c 600 "$work/out")"; return; }
	pass
}

test_plain_mode_shows_story_and_lettered_options() {
	feed 'a\na\n' --plain "$TEST_DATA_DIR/unicode.cfg"
	expect_status 0 "plain story" && expect_out "== 上海的一个团队" "plain story" &&
		expect_out "  a) 和用户谈谈" "plain story" && expect_out "  b) 整理待办事项" "plain story" &&
		pass
}

test_plain_mode_back_and_skip_change_the_result() {
	# Answer a, go back, change to b, skip the second question.
	feed 'a\n<\nb\n-\n' --json "$TEST_DATA_DIR/unicode.cfg"
	expect_status 0 "plain back" || return
	[[ $(json '.answers[0].option') == 1 && $(json '.answers[1].option') == null &&
		$(json '.top | join(",")') == po && $(json .skipped) == 1 ]] ||
		{ fail "plain back: $(cat "$work/out")"; return; }
	pass
}

test_plain_mode_asks_again_after_a_wrong_letter() {
	feed 'x\na\na\n' "$TEST_DATA_DIR/unicode.cfg"
	expect_status 0 "plain retry" && expect_out "Please type one letter from a to b" \
		"plain retry" && pass
}

test_plain_mode_input_ending_early_says_how_far() {
	feed 'a\n' "$TEST_DATA_DIR/slyde/slyde.cfg"
	expect_status 1 "plain eof" &&
		expect_err "input ended at question 2 of 10 (1 answered)" "plain eof" && pass
}

test_quiz_text_never_reaches_the_terminal_raw() {
	local where
	for where in plain json validate; do
		case $where in
		plain) feed 'a\n' "$TEST_DATA_DIR/escapes.cfg" ;;
		json) run --json --answers a "$TEST_DATA_DIR/escapes.cfg" ;;
		validate) run validate "$TEST_DATA_DIR/escapes.cfg" ;;
		esac
		if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]' "$work/out" "$work/err"; then
			fail "$where output holds a control character"
			return
		fi
	done
	feed 'a\n' "$TEST_DATA_DIR/escapes.cfg"
	expect_out 'Clear^\[\[2J screen' "escapes visible" && pass
}

test_validate_ok_line() {
	run validate "$TEST_DATA_DIR/slyde/slyde.cfg"
	expect_status 0 "validate ok" &&
		expect_out "slyde.cfg: ok: 2 scenarios, 10 questions, 4 roles" "validate ok" || return
	# The bundled bank: at least 34 questions, and not one warning.
	run validate "$QUIZ_DIR/slyde.cfg" "$QUIZ_DIR/quick.cfg" "$QUIZ_DIR/product-roles.cfg"
	expect_status 0 "bundled" && [[ ! -s $work/err ]] ||
		{ fail "bundled quizzes have warnings: $(head -c 400 "$work/err")"; return; }
	local questions
	questions=$(sed -n 's/.*product-roles.cfg: ok: [0-9]* scenarios, \([0-9]*\) questions, 4 roles/\1/p' "$work/out")
	((${questions:-0} >= 34)) || { fail "the full bank has ${questions:-no} questions"; return; }
	pass
}

test_validate_reports_every_problem_with_file_and_line() {
	cat >"$work/broken.cfg" <<-'QUIZ'
	id = "Broken Quiz";
	title = "Broken";
	roles = (
	  { id = "pm"; name = "PM"; },
	  { id = "po"; name = "PO"; }
	);
	scenarios = (
	  { id = "s"; title = "S"; questions = (
	    { id = "q1"; promt = "typo"; prompt = "P";
	      options = ( { text = "x"; scores = { pm = 9; }; },
	                  { text = "y"; scores = { cto = 1; }; } ); }
	  ); }
	);
	QUIZ
	run validate "$work/broken.cfg"
	expect_status 1 "validate broken" &&
		expect_err "broken.cfg:1: error: id 'Broken Quiz' in the quiz is not valid" \
			"validate broken" &&
		expect_err "broken.cfg:9: warning: unknown setting 'promt' .*did you mean 'prompt'" \
			"validate broken" &&
		expect_err "broken.cfg:10: error: the score for 'pm' is 9" "validate broken" &&
		expect_err "broken.cfg:11: error: unknown role 'cto'" "validate broken" || return
	[[ ! -s $work/out ]] || { fail "validate broken printed ok"; return; }
	pass
}

test_validate_keeps_going_after_a_bad_file() {
	printf '\x00\xff\xfe garbage \x01\x02' >"$work/garbage.cfg"
	: >"$work/empty.cfg"
	run validate "$work/garbage.cfg" "$work/empty.cfg" "$work" "$work/none.cfg" \
		"$QUIZ_DIR/quick.cfg"
	expect_status 1 "validate many" &&
		expect_err "garbage.cfg:[0-9]*: error: " "validate many" &&
		expect_err "empty.cfg:1: error: .*empty" "validate many" &&
		expect_err "$work: error: is a folder" "validate many" &&
		expect_err "none.cfg: error: cannot read the quiz: No such file" "validate many" &&
		expect_out "quick.cfg: ok:" "validate many" && pass
}

test_validate_takes_a_quiz_id_too() {
	run validate quick
	expect_status 0 "validate id" && expect_out "quizzes/quick.cfg: ok: " "validate id" &&
		pass
}

# The guide's example must stay a valid, balanced quiz.
test_documented_example_quiz_is_valid_and_balanced() {
	run validate --balance "$(dirname "$QUIZ_DIR")/docs/examples/clinic-quiz.cfg"
	expect_status 0 "docs example" && expect_out "clinic-quiz.cfg: ok: 1 scenario, 4 questions" \
		"docs example" || return
	[[ ! -s $work/err ]] || { fail "docs example has warnings"; return; }
	pass
}

# libconfig's scanner would end the process on a folder: never hand it one.
test_include_of_a_folder_is_an_error_and_validate_goes_on() {
	mkdir -p "$work/inc/scenarios"
	printf 'id = "x";\ntitle = "X";\nscenarios = (\n  @include "scenarios/"\n);\n' \
		>"$work/inc/folder.cfg"
	run validate "$work/inc/folder.cfg" "$QUIZ_DIR/quick.cfg"
	expect_status 1 "include folder" &&
		expect_err "folder.cfg:4: error: the included 'scenarios/' is not a file" \
			"include folder" && expect_out "quick.cfg: ok:" "include folder" && pass
}

test_validate_without_files_is_a_usage_error() {
	run validate
	expect_status 2 "validate usage" && expect_err "validate needs at least one" \
		"validate usage" && pass
}

test_broken_quiz_cannot_be_taken() {
	printf 'id = "x";\ntitle = ;\n' >"$work/syntax.cfg"
	run --answers a "$work/syntax.cfg"
	expect_status 1 "syntax" && expect_err "syntax.cfg:2: error: syntax error" "syntax" && pass
}

# Values from the command line come back in messages; an argument holding
# escape sequences (a clear screen, an OSC 52 clipboard write) must reach
# the terminal as visible text, never as the sequence.
test_command_line_values_never_reach_the_terminal_raw() {
	local slyde=$TEST_DATA_DIR/slyde/slyde.cfg esc=$'\e[2J\e]52;c;aGk=\a' where shown
	for where in answers quiz-id quiz-path seed save option short-option validate \
		validate-path list list-folder report-path report-quiz; do
		case $where in
		answers) run --answers "a,b$esc,c" "$slyde" ;;
		quiz-id) run --answers a "quiz$esc" ;;
		quiz-path) run --answers a "$work/quiz$esc.cfg" ;;
		seed) run --seed "1$esc" "$slyde" ;;
		save) run --name Ann --save "$work/room$esc" --answers a "$slyde" ;;
		option) run "--frob$esc" ;;
		short-option) run $'-\e' ;;
		validate) run validate "--frob$esc" ;;
		validate-path) run validate "$work/none$esc.cfg" ;;
		list) run list "--frob$esc" ;;
		list-folder) run list "$work/none$esc" ;;
		report-path) run report "$work/none$esc.cfg" ;;
		report-quiz) run report "$work" --quiz "x$esc" ;;
		esac
		[[ -s $work/err ]] || { fail "$where: no message"; return; }
		if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]' "$work/err"; then
			fail "$where: stderr holds a control character"
			return
		fi
		shown='^[[2J^[]52;c;aGk=^G'
		[[ $where == short-option ]] && shown="'-^['"
		grep -qF -- "$shown" "$work/err" ||
			{ fail "$where: the value is not shown as $shown"; return; }
	done
	[[ ! -e "$work/room$esc" ]] || { fail "--save made the folder"; return; }
	pass
}

# "careerfit list > /dev/full" must not look like a success.
test_every_command_fails_when_its_output_cannot_be_written() {
	local command problems=()
	for command in list "list --help" --help --version "validate quick" "validate --help" \
		"report --help"; do
		# shellcheck disable=SC2086 # the words of the command
		"$CAREERFIT" $command >/dev/full 2>"$work/err" </dev/null
		status=$?
		[[ $status -eq 1 && $(cat "$work/err") == \
			"careerfit: cannot write the output: No space left on device" ]] ||
			problems+=("'$command' exit $status: $(head -c 200 "$work/err")")
	done
	# The quiz tells its result's failure itself, once.
	"$CAREERFIT" --answers a,b,c,d,a,b,-,c,d,a "$TEST_DATA_DIR/slyde/slyde.cfg" \
		>/dev/full 2>"$work/err" </dev/null
	status=$?
	[[ $status -eq 1 && $(grep -c . "$work/err") -eq 1 ]] &&
		grep -q "cannot write the result: No space left" "$work/err" ||
		problems+=("quiz exit $status: $(head -c 200 "$work/err")")
	((${#problems[@]} == 0)) || { fail "$(printf '%s\n' "${problems[@]}")"; return; }
	pass
}

# run_into_closed_pipe CMD...: runs careerfit with stdout on a pipe whose
# reader has already gone (no race with a reader that exits "soon"); sets
# $status and $work/err.
run_into_closed_pipe() {
	local fifo=$work/closed.fifo
	rm -f "$fifo" && mkfifo "$fifo" || return
	# shellcheck disable=SC2094 # one FIFO opened twice, on purpose
	exec 8<>"$fifo" 9>"$fifo" 8<&-
	"$CAREERFIT" "$@" >&9 2>"$work/err" </dev/null
	status=$?
	exec 9>&-
	rm -f "$fifo"
}

# "careerfit list | head -1" is no error worth a message.
test_a_reader_that_went_away_ends_the_output_quietly() {
	run_into_closed_pipe list
	[[ $status -ne 0 && ! -s $work/err ]] ||
		{ fail "closed pipe: exit $status, $(head -c 200 "$work/err")"; return; }
	# Where SIGPIPE is ignored, the write fails with EPIPE instead.
	status=$(
		trap '' PIPE
		run_into_closed_pipe list
		echo "$status"
	)
	[[ $status -eq 1 && ! -s $work/err ]] ||
		{ fail "EPIPE: exit $status, $(head -c 200 "$work/err")"; return; }
	pass
}

# "careerfit help" is no quiz id: it is the usage, and "help COMMAND" the
# command's own.
test_help_command_shows_the_usage() {
	run help
	expect_status 0 "help" && expect_out "^Usage: careerfit \[OPTION\]" "help" || return
	run help list
	expect_status 0 "help list" && expect_out "^Usage: careerfit list" "help list" || return
	run help frobnicate
	expect_status 2 "help frobnicate" && expect_err "help: no command 'frobnicate'" \
		"help frobnicate" && pass
}

test_every_command_takes_h_and_help() {
	local command flag
	for command in validate report list room new help; do
		for flag in -h --help; do
			run "$command" "$flag"
			[[ $status -eq 0 && ! -s $work/err ]] && grep -q "^Usage: careerfit" "$work/out" ||
				{ fail "$command $flag: exit $status"; return; }
		done
	done
	pass
}

# --no-color, -h and -V before a command apply to it; the quiz's own
# options there are refused, naming the command.
test_global_options_may_come_before_a_command() {
	run --no-color list
	expect_status 0 "--no-color list" && expect_out "^quick " "--no-color list" || return
	run -h list
	expect_status 0 "-h list" && expect_out "^Usage: careerfit list" "-h list" || return
	run --help report
	expect_status 0 "--help report" && expect_out "^Usage: careerfit report" "--help report" ||
		return
	run -V validate
	expect_status 0 "-V validate" && expect_out "^careerfit [0-9]" "-V validate" || return
	run --no-color validate quick
	expect_status 0 "--no-color validate" && expect_out "quick.cfg: ok:" "--no-color validate" ||
		return
	# room takes --no-color itself: it is handed on, and room asks its folder.
	run --no-color room
	expect_status 2 "--no-color room" && expect_err "room needs the folder" "--no-color room" ||
		return
	run --plain list
	expect_status 2 "--plain list" &&
		expect_err "'--plain' cannot come before the command 'list'" "--plain list" || return
	run --seed=3 report "$work"
	expect_status 2 "--seed report" &&
		expect_err "'--seed' cannot come before the command 'report'" "--seed report" || return
	# A value is no command: "list" is what --answers was given.
	run --answers list
	expect_status 2 "--answers list" && expect_err "--answers" "--answers list" && pass
}

test_option_given_a_value_it_does_not_take() {
	local option
	for option in --plain=yes --help=x --version=2 --no-color=; do
		run "$option" "$TEST_DATA_DIR/slyde/slyde.cfg"
		expect_status 2 "$option" && expect_err "careerfit: '${option%%=*}' takes no value" \
			"$option" || return
	done
	run report --json=1 "$work"
	expect_status 2 "report --json=1" && expect_err "'--json' takes no value" "report --json=1" ||
		return
	run report --help=1
	expect_status 2 "report --help=1" && expect_err "'--help' takes no value" "report --help=1" ||
		return
	if grep -q "unknown option '-h'" "$work/err"; then
		fail "--help=1 called -h unknown"
		return
	fi
	run --seed
	expect_status 2 "--seed" && expect_err "option '--seed' needs a value" "--seed" && pass
}

test_ambiguous_option_names_the_candidates() {
	run --re "$TEST_DATA_DIR/slyde/slyde.cfg"
	expect_status 2 "--re" &&
		expect_err "option '--re' is ambiguous: it could be --resume or --restart" "--re" || return
	run --r=x "$TEST_DATA_DIR/slyde/slyde.cfg"
	expect_status 2 "--r" &&
		expect_err "option '--r' is ambiguous: it could be --resume, --restart or --room" "--r" ||
		return
	run report --h "$work"
	expect_status 2 "report --h" &&
		expect_err "option '--h' is ambiguous: it could be --html or --help" "report --h" || return
	# A unique abbreviation is taken.
	run --resu --restart "$TEST_DATA_DIR/slyde/slyde.cfg"
	expect_status 2 "--resu" && expect_err "--resume and --restart exclude each other" "--resu" &&
		pass
}

test_one_question_is_singular() {
	cat >"$work/one.cfg" <<-'QUIZ'
	id = "one"; title = "One";
	roles = ( { id = "pm"; name = "PM"; }, { id = "po"; name = "PO"; } );
	scenarios = ( { id = "s"; title = "S"; questions = (
	  { id = "q1"; prompt = "Only?";
	    options = ( { text = "x"; scores = { pm = 2; }; }, { text = "y"; scores = { po = 2; }; } ); }
	); } );
	QUIZ
	run --answers a "$work/one.cfg"
	expect_status 0 "one question" && expect_out "^Answered 1 of 1 question (0 skipped).$" \
		"one question" || return
	run --answers - "$work/one.cfg"
	expect_status 0 "one skipped" && expect_out "You answered 0 of 1 question\. " "one skipped" ||
		return
	run --answers a,b "$work/one.cfg"
	expect_status 2 "one question, two answers" &&
		expect_err "gives 2 answers, but the quiz has 1 question$" "one question, two answers" &&
		pass
}

run_tests cli
