#!/usr/bin/env bash
# End-to-end tests of the workshop features: results saved with --save,
# saved progress and --resume, `careerfit report` and `careerfit list`.
# Run by meson with CAREERFIT, QUIZ_DIR and TEST_DATA_DIR set. Every test
# gets its own XDG_STATE_HOME, XDG_DATA_HOME and HOME under a temporary
# folder, so that no test ever reads or writes the real home.
set -u
: "${CAREERFIT:?}" "${QUIZ_DIR:?}" "${TEST_DATA_DIR:?}"

source "$(dirname "$0")/harness.sh"
cd "$work" || exit 1 # careerfit also looks for quizzes in ./quizzes

# The first 8 hex digits of FNV-1a 64 over NAME and its NUL: the part of a
# progress file's name that keeps names which clean up alike apart.
name_hash() {
	local name=$1 hash=$((0xCBF29CE484222325)) i code
	local LC_ALL=C
	for ((i = 0; i <= ${#name}; i++)); do
		code=0
		((i < ${#name})) && printf -v code '%d' "'${name:i:1}"
		hash=$(((hash ^ code) * 0x100000001B3))
	done
	printf '%016x' "$hash" | cut -c1-8
}

# A fresh home for every test: $t is the test's own scratch folder.
fresh_home() {
	t=$(mktemp -d "$work/test.XXXXXX")
	mkdir -p "$t/home" "$t/state" "$t/data"
	export HOME=$t/home XDG_STATE_HOME=$t/state XDG_DATA_HOME=$t/data
}

# The Slyde quiz as the tests knew it: a frozen copy, so that rewriting the
# bundled bank does not move these results.
slyde=$TEST_DATA_DIR/slyde/slyde.cfg
# Answers that make a full slyde result, in file order (one is skipped).
slyde_answers=a,b,c,d,a,b,-,c,d,a
# A full answer list for the bundled quick quiz, however long it is.
quick_count=$("$CAREERFIT" validate quick | sed -n 's/.*, \([0-9]*\) questions,.*/\1/p')
quick_answers=$(for ((i = 0; i < ${quick_count:-1}; i++)); do echo "abcd" | cut -c$((i % 4 + 1)); done |
	paste -sd, -)
# Plain-mode lines for slyde: with --seed 1 they give the result below.
slyde_lines=(a b c d a b c d a b)

# The options (file order) a whole plain run with --seed 1 picks for
# slyde_lines, as "o1 o2 ... o10"; the reference for resumed runs.
slyde_reference() {
	local lines
	lines=$(printf '%s\\n' "${slyde_lines[@]}")
	feed "$lines" --json --seed 1 "$slyde"
	[[ $status -eq 0 ]] || { fail "reference run: exit $status"; return 1; }
	reference=$(json '[.answers[].option] | map(tostring) | join(" ")')
}
# The options saved in a progress file, in file order, as "o1 o2 ...".
saved_options() { sed -n 's/^ *option = \(-\{0,1\}[0-9]*\);$/\1/p' "$1" | paste -sd' ' -; }
# How many answers a progress file holds (0 when it is missing).
saved_count() {
	local n
	n=$(grep -c 'option = ' "$1" 2>/dev/null)
	echo "${n:-0}"
}
# The first N words of a space-separated list.
first_words() { echo "$2" | cut -d' ' -f"1-$1"; }

# ---------------------------------------------------------------------------
# Saving results

test_saved_result_holds_everything_and_reads_back() {
	local dir=$t/results
	run --name Ada --save "$dir" --answers "$slyde_answers" --json "$slyde"
	expect_status 0 "save" || return
	cp "$work/out" "$t/run.json"
	local files=("$dir"/*)
	[[ $(ls -A "$dir" | wc -l) -eq 1 && -f ${files[0]} ]] ||
		{ fail "save: expected one file in $dir, found: $(ls -A "$dir")"; return; }
	local file=${files[0]}
	expect_err "result saved to $file" "save" || return
	local missing=()
	grep -q '^  id = "slyde";$' "$file" || missing+=("quiz id")
	grep -q '^  version = 1;$' "$file" || missing+=("quiz version")
	grep -Eq '^  hash = "[0-9a-f]{16}";$' "$file" || missing+=("quiz hash")
	grep -q '^participant = "Ada";$' "$file" || missing+=(participant)
	grep -Eq '^time = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z";$' "$file" ||
		missing+=(time)
	[[ $(grep -c '^    affinity = ' "$file") -eq 4 ]] || missing+=("4 affinities")
	[[ $(grep -c '^    question = ' "$file") -eq 10 ]] || missing+=("10 question ids")
	[[ $(grep -c '^    option = ' "$file") -eq 10 ]] || missing+=("10 options")
	[[ $(grep -c '^    option = -1;$' "$file") -eq 1 ]] || missing+=("the skipped option")
	[[ $(grep -c '^    text = ' "$file") -eq 9 ]] || missing+=("9 answer texts")
	# Every answer of the run: its question id, option index and text.
	local question option text
	while IFS=$'\t' read -r question option text; do
		grep -q "^    question = \"$question\";\$" "$file" || missing+=("question $question")
		[[ $option == null ]] && continue
		grep -A2 "^    question = \"$question\";\$" "$file" |
			grep -q "^    option = $option;\$" || missing+=("option of $question")
		grep -qF "text = $(jq -n --arg s "$text" '$s')" "$file" || missing+=("text of $question")
	done < <(jq -r '.answers[] | [.question, (.option|tostring), (.text // "")] | @tsv' \
		"$t/run.json")
	# The time is now, give or take a slow machine.
	local stamp
	stamp=$(sed -n 's/^time = "\(.*\)";$/\1/p' "$file")
	(($(date -u +%s) - $(date -u -d "$stamp" +%s) < 300)) || missing+=("a recent time")
	((${#missing[@]} == 0)) || { fail "save: the file lacks: ${missing[*]}"; return; }

	run report "$dir" --json
	expect_status 0 "save read back" || return
	[[ ! -s $work/err ]] || { fail "save read back: warnings"; return; }
	local verdict
	verdict=$(jq -r --slurpfile run "$t/run.json" --arg hash \
		"$(sed -n 's/^  hash = "\(.*\)";$/\1/p' "$file")" '
		def close($a; $b): ($a - $b) | fabs < 1e-9;
		.quizzes as $q | $q[0] as $g | $g.results[0] as $r | $run[0] as $x |
		if ($q | length) != 1 then "groups \($q | length)"
		elif $g.quiz.id != "slyde" or $g.quiz.version != $x.quiz.version then "quiz \($g.quiz)"
		elif $g.quiz.hash != $hash then "hash \($g.quiz.hash) != \($hash)"
		elif $g.participants != 1 then "participants \($g.participants)"
		elif $r.name != "Ada" then "name \($r.name)"
		elif ($r.top | sort) != ($x.top | sort) then "top \($r.top) != \($x.top)"
		elif $r.top[0] != $x.roles[0].id then "top role \($r.top[0]) != \($x.roles[0].id)"
		elif ($x.roles | all(. as $role | close($r.affinity[$role.id]; $role.affinity)
			and close($g.mean_affinity[$role.id]; $role.affinity))) | not
			then "affinities \($r.affinity) != \([$x.roles[] | {(.id): .affinity}] | add)"
		elif ($r.answers | to_entries | map([.key, .value])) !=
			($x.answers | map([.question, .option])) then "answers \($r.answers)"
		else "ok" end' "$work/out")
	[[ $verdict == ok ]] || { fail "save read back: $verdict"; return; }
	pass
}

test_save_creates_a_missing_nested_folder() {
	local dir=$t/not/there/yet/results
	run --name Ada --save "$dir" --answers "$slyde_answers" "$slyde"
	expect_status 0 "nested folder" || return
	[[ -d $dir && $(ls -A "$dir" | wc -l) -eq 1 ]] ||
		{ fail "nested folder: $dir holds: $(ls -A "$dir" 2>&1)"; return; }
	pass
}

test_twenty_people_saving_at_once_each_get_a_file() {
	local dir=$t/room i pids=() bad=0
	mkdir -p "$dir"
	for i in $(seq 1 20); do
		"$CAREERFIT" --name Sam --save "$dir" --answers "$slyde_answers" "$slyde" \
			>"$t/out.$i" 2>"$t/err.$i" </dev/null &
		pids+=($!)
	done
	for i in "${!pids[@]}"; do
		wait "${pids[i]}" || { bad=$?; echo "  process $((i + 1)) exit $bad" >&2; }
	done
	((bad == 0)) || { fail "twenty at once: some runs failed"; return; }
	local names
	names=$(ls -A "$dir")
	[[ $(echo "$names" | wc -l) -eq 20 && $(echo "$names" | sort -u | wc -l) -eq 20 ]] ||
		{ fail "twenty at once: expected 20 distinct files, found: $names"; return; }
	if echo "$names" | grep -qv '^slyde-Sam-.*\.cfg$'; then
		fail "twenty at once: stray files (temporary files left?): $names"
		return
	fi
	# Each run named its own file.
	[[ $(cat "$t"/err.* | sed -n 's/^careerfit: result saved to //p' | sort -u | wc -l) -eq 20 ]] ||
		{ fail "twenty at once: the runs do not name 20 distinct files"; return; }
	run report "$dir" --json
	expect_status 0 "twenty at once report" || return
	[[ ! -s $work/err ]] || { fail "twenty at once: the report warns"; return; }
	[[ $(json '.quizzes | length') == 1 && $(json '.quizzes[0].participants') == 20 &&
		$(json '[.quizzes[0].results[].name] | unique == ["Sam"]') == true ]] ||
		{ fail "twenty at once: report $(json '.quizzes[0].participants') participants"; return; }
	pass
}

test_names_are_made_safe_for_file_names() {
	local dir=$t/deep/room name problems=()
	local names=('../../etc/x' '.hidden' 'a/b' 'Zoë Ñúñez' '../..')
	local stems=('etc-x' 'hidden' 'a-b' 'Zoë-Ñúñez' 'anonymous')
	for name in "${names[@]}"; do
		run --name "$name" --save "$dir" --answers "$slyde_answers" "$slyde"
		expect_status 0 "safe name '$name'" || return
	done
	# Nothing escaped the folder: every file careerfit made is in it.
	local stray
	stray=$(find "$t" -path "$t/state" -prune -o -type f ! -path "$dir/*" -print)
	[[ -z $stray ]] || problems+=("files outside $dir: $stray")
	[[ $(find "$dir" -mindepth 1 | wc -l) -eq ${#names[@]} ]] ||
		problems+=("$dir holds $(find "$dir" -mindepth 1)")
	local file base i
	for file in "$dir"/* "$dir"/.*; do
		base=${file##*/}
		[[ $base == . || $base == .. || ! -e $file ]] && continue
		[[ $base == .* ]] && problems+=("hidden file '$base'")
		[[ -f $file ]] || problems+=("'$base' is not a file")
	done
	for i in "${!stems[@]}"; do
		compgen -G "$dir/slyde-${stems[i]}-*.cfg" >/dev/null ||
			problems+=("no file slyde-${stems[i]}-*.cfg for '${names[i]}'")
	done
	((${#problems[@]} == 0)) || { fail "safe names: ${problems[*]}"; return; }
	# The files keep the names as given.
	run report "$dir" --json
	expect_status 0 "safe names report" || return
	local want got
	want=$(printf '%s\n' "${names[@]}" | sort)
	got=$(json '.quizzes[0].results[].name' | sort)
	[[ $got == "$want" ]] || { fail "safe names: report names '$got', expected '$want'"; return; }
	pass
}

test_unwritable_folder_is_reported_before_the_first_question() {
	# Root writes anywhere, so "unwritable" is a folder a file stands in.
	: >"$t/plainfile"
	local dir
	for dir in "$t/plainfile/results" "$t/plainfile"; do
		feed 'a\nb\nc\nd\na\nb\nc\nd\na\nb\n' --plain --name Ada --save "$dir" "$slyde"
		expect_status 1 "unwritable $dir" &&
			expect_err "careerfit: cannot save results: " "unwritable $dir" || return
		if grep -q 'Question\|Your answer' "$work/out" "$work/err"; then
			fail "unwritable $dir: a question was shown"
			return
		fi
		[[ ! -e $XDG_STATE_HOME/careerfit ]] ||
			{ fail "unwritable $dir: progress was saved"; return; }
	done
	expect_err "is not a folder" "unwritable file as folder" && pass
}

test_save_without_name_and_resume_with_restart_are_usage_errors() {
	run --save "$t/results" --answers "$slyde_answers" "$slyde"
	expect_status 2 "--save without --name" &&
		expect_err "--save needs --name" "--save without --name" || return
	[[ ! -e $t/results ]] || { fail "--save without --name made the folder"; return; }
	run --name Ada --resume --restart "$slyde"
	expect_status 2 "--resume with --restart" &&
		expect_err "--resume and --restart exclude each other" "--resume with --restart" &&
		expect_err "Try 'careerfit --help'" "--resume with --restart" || return
	run --name "" --answers "$slyde_answers" "$slyde"
	expect_status 2 "empty --name" && pass
}

# ---------------------------------------------------------------------------
# Saved progress

test_resume_after_the_input_ends() {
	slyde_reference || return
	local progress=$XDG_STATE_HOME/careerfit/slyde-Ada-$(name_hash Ada).cfg
	feed 'a\nb\nc\n' --name Ada --seed 1 "$slyde"
	expect_status 1 "resume eof" &&
		expect_err "input ended at question 4 of 10 (3 answered)" "resume eof" &&
		expect_err "your answers are kept" "resume eof" || return
	[[ $(saved_count "$progress") -eq 3 ]] ||
		{ fail "resume eof: progress holds $(saved_count "$progress") answers"; return; }
	feed 'd\na\nb\nc\nd\na\nb\n' --name Ada --seed 1 --resume --json "$slyde"
	expect_status 0 "resume finish" || return
	local first_asked
	first_asked=$(grep -m1 -o 'Question [0-9]* of 10' "$work/err")
	[[ $first_asked == "Question 4 of 10" ]] ||
		{ fail "resume finish: first asked '$first_asked'"; return; }
	local got
	got=$(json '[.answers[].option] | map(tostring) | join(" ")')
	[[ $got == "$reference" ]] ||
		{ fail "resume finish: answers $got, expected $reference"; return; }
	[[ ! -e $progress ]] || { fail "resume finish: the progress file is left"; return; }
	pass
}

# kill_plain_run SIGNAL N: answers N questions through a FIFO, waits for
# each answer to reach the progress file, then sends SIGNAL.
kill_plain_run() {
	local signal=$1 count=$2 what="kill -$1"
	local progress=$XDG_STATE_HOME/careerfit/slyde-Ada-$(name_hash Ada).cfg
	slyde_reference || return
	mkfifo "$t/fifo"
	"$CAREERFIT" --name Ada --seed 1 "$slyde" <"$t/fifo" >"$work/out" 2>"$work/err" &
	local pid=$! i tries
	exec 3>"$t/fifo"
	for ((i = 0; i < count; i++)); do
		(trap '' PIPE; printf '%s\n' "${slyde_lines[i]}" >&3) 2>/dev/null
		for ((tries = 0; tries < 400; tries++)); do
			[[ $(saved_count "$progress") -eq $((i + 1)) ]] && break
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.025
		done
		if [[ $(saved_count "$progress") -ne $((i + 1)) ]]; then
			kill -9 "$pid" 2>/dev/null
			exec 3>&-
			wait "$pid" 2>/dev/null
			fail "$what: answer $((i + 1)) never reached $progress"
			return 1
		fi
	done
	kill "-$signal" "$pid"
	wait "$pid" 2>/dev/null
	status=$?
	exec 3>&-
	local number
	number=$(kill -l "$signal")
	expect_status $((128 + number)) "$what" || return
	[[ $(saved_options "$progress") == "$(first_words "$count" "$reference")" ]] ||
		{ fail "$what: saved $(saved_options "$progress"), expected the first $count of $reference"; return 1; }
	if compgen -G "$XDG_STATE_HOME/careerfit/.*-*" >/dev/null; then
		fail "$what: a temporary file is left: $(ls -A "$XDG_STATE_HOME/careerfit")"
		return 1
	fi
	# The file parses: a resumed run takes it up where it stopped.
	local rest
	rest=$(printf '%s\\n' "${slyde_lines[@]:count}")
	feed "$rest" --name Ada --seed 1 --resume --json "$slyde"
	expect_status 0 "$what resume" || return
	[[ $(json '[.answers[].option] | map(tostring) | join(" ")') == "$reference" ]] ||
		{ fail "$what resume: answers differ from $reference"; return 1; }
	[[ ! -e $progress ]] || { fail "$what resume: the progress file is left"; return 1; }
}

# A second run of the same quiz under the same name is refused while the
# first one is open, and takes nothing from it.
test_a_second_run_under_the_same_name_is_refused() {
	local progress=$XDG_STATE_HOME/careerfit/slyde-Ada-$(name_hash Ada).cfg tries problem=""
	mkfifo "$t/fifo"
	"$CAREERFIT" --name Ada --seed 1 "$slyde" <"$t/fifo" >"$t/first.out" 2>"$t/first.err" &
	local pid=$!
	exec 3>"$t/fifo"
	(trap '' PIPE; printf 'a\nb\n' >&3) 2>/dev/null
	for ((tries = 0; tries < 400; tries++)); do
		[[ $(saved_count "$progress") -eq 2 ]] && break
		sleep 0.025
	done
	local before
	before=$(saved_options "$progress")
	feed 'c\nd\n' --name Ada --seed 1 --restart "$slyde"
	local second=$status
	[[ $(saved_options "$progress") == "$before" ]] || problem="the progress changed"
	exec 3>&-
	wait "$pid" 2>/dev/null
	[[ $second -eq 1 ]] || { fail "second run: exit $second, expected 1"; return; }
	expect_err "this quiz is already open under the name 'Ada' in another careerfit" \
		"second run" || return
	[[ -z ${problem:-} ]] || { fail "second run: $problem"; return; }
	# Another name is another run.
	feed 'a\n' --name Bea --seed 1 "$slyde"
	expect_err "input ended" "another name" && pass
}

# In a room without a terminal the name is the first line: an empty or
# unprintable one is asked again, and the result is saved under it.
test_plain_room_asks_the_name_first() {
	local room=$t/room
	feed '\n\033[2Jx\n  Ngozi Eze  \na\nc\nb\na\nd\nc\na\nb\nb\nd\n' --room "$room" --seed 1 "$slyde"
	expect_status 0 "plain room" || return
	[[ $(grep -o "Your name, as the mentor will see it beside your result: " "$work/out" | wc -l) -eq 3 ]] ||
		{ fail "plain room: the name was not asked three times"; return; }
	expect_out "Type your name first" "empty name" &&
		expect_out "Please use letters, digits, spaces and punctuation only." "escape in name" ||
		return
	grep -q '^participant = "Ngozi Eze";$' "$room"/slyde-Ngozi-Eze-*.cfg ||
		{ fail "plain room: no result for 'Ngozi Eze': $(ls "$room")"; return; }
	# The live room counts who joined from marks the report does not read.
	compgen -G "$room/.joined/slyde-Ngozi-Eze-*" >/dev/null ||
		{ fail "plain room: no mark that Ngozi joined"; return; }
	run report "$room"
	expect_status 0 "room report" && [[ ! -s $work/err ]] ||
		{ fail "room report: $(cat "$work/err")"; return; }
	# Input that ends before a name saves nothing.
	feed '' --room "$room" "$slyde"
	expect_status 1 "no name" && expect_err "no name was given" "no name" || return
	run --room - "$slyde"
	expect_status 2 "--room -" && expect_err "--room takes a folder, not '-'" "--room -" || return
	run --save - --name Ada "$slyde"
	expect_status 2 "--save -" || return
	run --room "$room" --answers "$slyde_answers" "$slyde"
	expect_status 2 "--room --answers" && expect_err "needs --name" "--room --answers" && pass
}

# A temporary file left by a writer killed mid-write goes at the next save,
# once it is old enough that no live writer can own it.
test_stale_temporary_files_are_removed() {
	local dir=$t/room
	mkdir -p "$dir"
	: >"$dir/.careerfit-AbC123"
	touch -d '2 hours ago' "$dir/.careerfit-AbC123"
	: >"$dir/.careerfit-fresh1"
	save_result "$dir" Ann "$slyde" "$slyde_answers" || return
	[[ ! -e $dir/.careerfit-AbC123 && -e $dir/.careerfit-fresh1 ]] ||
		{ fail "stale: $(ls -A "$dir" | tr '\n' ' ')"; return; }
	pass
}

test_progress_survives_kill_9() { kill_plain_run KILL 4 && pass; }
test_progress_survives_sigterm() { kill_plain_run TERM 3 && pass; }
test_progress_survives_sighup() { kill_plain_run HUP 5 && pass; }

test_restart_discards_saved_progress_and_a_script_leaves_it_alone() {
	local progress=$XDG_STATE_HOME/careerfit/slyde-Ada-$(name_hash Ada).cfg
	feed 'a\nb\nc\n' --name Ada --seed 1 "$slyde"
	expect_status 1 "restart setup" || return
	[[ $(saved_count "$progress") -eq 3 ]] || { fail "restart setup: no progress"; return; }
	feed 'b\n' --name Ada --seed 1 --restart "$slyde"
	expect_status 1 "restart" &&
		expect_err "input ended at question 2 of 10 (1 answered)" "restart" || return
	[[ $(saved_count "$progress") -eq 1 ]] ||
		{ fail "restart: progress holds $(saved_count "$progress") answers"; return; }
	# Neither --resume nor --restart, and stdin is a pipe: nobody can be
	# asked, so the saved answer is left alone and this run saves nothing.
	feed 'a\nb\nc\nd\n' --name Ada --seed 1 "$slyde"
	expect_status 1 "script" &&
		expect_err "saved progress found; this run leaves it alone" "script" &&
		expect_err "input ended at question 5 of 10 (4 answered); no result$" "script" ||
		return
	[[ $(saved_count "$progress") -eq 1 ]] ||
		{ fail "script: progress holds $(saved_count "$progress") answers, not 1"; return; }
	pass
}

# Going back in plain mode shows the kept answer; Enter keeps it.
test_plain_mode_enter_keeps_an_answer_when_going_back() {
	feed 'a\n<\n\nb\nc\nd\na\nb\nc\nd\na\nb\n' --seed 1 --json "$slyde"
	expect_status 0 "enter keeps" && expect_err "(your answer so far: a)" "enter keeps" &&
		expect_err "Enter to keep" "enter keeps" || return
	[[ $(json .answered) == 10 ]] || { fail "enter keeps: $(json .answered) answered"; return; }
	pass
}

# A NUL byte in a piped answer must not swallow the next line.
test_nul_byte_in_an_answer_line_does_not_swallow_the_next() {
	feed 'a\0\nb\nc\nd\na\nb\nc\nd\na\nb\n' --restart "$slyde"
	expect_status 0 "nul byte" && expect_out "Answered 10 of 10 questions" "nul byte" && pass
}

# A results folder named like the quiz must not hide the quiz id.
test_results_folder_named_like_the_quiz() {
	run --name A --save quick --answers "$quick_answers" quick
	expect_status 0 "folder named quick" || return
	run --name B --save quick --answers "$quick_answers" quick
	expect_status 0 "folder named quick, again" || return
	[[ $(find quick -name 'quick-*.cfg' | wc -l) -eq 2 ]] || { fail "two results expected"; return; }
	pass
}

test_empty_save_folder_is_a_usage_error() {
	run --name Ada --save '' --answers "$slyde_answers" "$slyde"
	expect_status 2 "empty --save" && expect_err "--save needs a folder" "empty --save" && pass
}

test_resume_asks_again_only_the_changed_question() {
	local quiz=$t/quizzes/slyde.cfg progress=$XDG_STATE_HOME/careerfit/slyde-Ada-$(name_hash Ada).cfg
	cp -R "$TEST_DATA_DIR/slyde" "$t/quizzes"
	feed 'a\nb\nc\n' --name Ada --seed 1 "$quiz"
	expect_status 1 "changed quiz setup" || return
	local before
	before=$(saved_options "$progress")
	# Reword one option of the second question (slyde-hypothesis).
	sed -i 's/Mapping the timeline/Charting the timeline/' "$t/quizzes/scenarios/slyde.cfg"
	grep -q 'Charting the timeline' "$t/quizzes/scenarios/slyde.cfg" ||
		{ fail "changed quiz: the edit did not apply"; return; }
	# Only the open questions are asked: 2 anew, then 4 to 10; 3 keeps its
	# answer without being asked again.
	feed 'b\nd\na\nb\nc\nd\na\nb\n' --name Ada --seed 1 --resume --json "$quiz"
	expect_status 0 "changed quiz resume" &&
		expect_err "1 earlier answer .*will be asked again" "changed quiz resume" || return
	local asked
	asked=$(grep -o 'Question [0-9]* of 10' "$work/err" | head -2 | paste -sd, -)
	[[ $asked == "Question 2 of 10,Question 4 of 10" ]] ||
		{ fail "changed quiz: asked $asked first"; return; }
	local got
	got=$(json '[.answers[0].option, .answers[2].option] | map(tostring) | join(" ")')
	[[ $got == "$(echo "$before" | cut -d' ' -f1,3)" ]] ||
		{ fail "changed quiz: kept answers $got, saved $before"; return; }
	pass
}

# ---------------------------------------------------------------------------
# Reports

# save_result DIR NAME QUIZ ANSWERS: one saved result, or a failure.
save_result() {
	run --name "$2" --save "$1" --answers "$4" "$3"
	expect_status 0 "saving $2's $3 result"
}

# band_of ANSWERS: the clarity band of one answer list on slyde, as each
# face tells it; all of them must agree.
test_every_face_tells_the_same_clarity() {
	local dir=$t/room answers band saved headline seen=''
	for answers in a,c,b,a,d,c,a,b,b,d a,b,c,d,a,b,c,d,a,b a,b,-,-,-,-,-,-,-,- \
		a,d,c,b,a,d,c,b,b,a; do
		rm -rf "$dir"
		run --name Ada --save "$dir" --answers "$answers" --json "$slyde"
		expect_status 0 "json $answers" || return
		band=$(json .clarity.band)
		saved=$(ls "$dir"/*.cfg)
		grep -q "^  band = \"$band\";$" "$saved" ||
			{ fail "$answers: the saved file lacks band $band"; return; }
		run report "$dir" --json
		[[ $(json '.quizzes[0].results[0].band') == "$band" &&
			$(json ".quizzes[0].bands.$band") == 1 ]] ||
			{ fail "$answers: report JSON band $(json '.quizzes[0].results[0].band')"; return; }
		run report "$dir" --csv -
		[[ $(sed -n 2p "$work/out" | cut -d, -f6) == "$band" ]] ||
			{ fail "$answers: CSV row $(sed -n 2p "$work/out")"; return; }
		run --answers "$answers" "$slyde"
		headline=$(sed -n 3p "$work/out")
		case $band in
		clear) [[ $headline == "A clear fit: "* ]] ;;
		leaning) [[ $headline == "You lean toward "*"; next come"* ]] ;;
		close) [[ $headline == "A close call"* ]] ;;
		insufficient) [[ $headline == "Not enough answers yet to suggest a role" ]] ;;
		esac || { fail "$answers: band $band but the summary says '$headline'"; return; }
		seen+=" $band"
	done
	# The four lists were chosen to cover every band.
	[[ $seen == *clear* && $seen == *leaning* && $seen == *close* && $seen == *insufficient* ]] ||
		{ fail "bands seen:$seen"; return; }
	pass
}

# Files in a room folder that would make libconfig open something else
# (a folder, the mentor's terminal) or wait on a pipe are skipped with a
# warning; the report goes on. Likewise a progress file that is a pipe.
test_hostile_room_files_and_progress_are_refused_not_followed() {
	local dir=$t/room
	save_result "$dir" Ann "$slyde" "$slyde_answers" || return
	printf 'format = 1;\n@include "/etc"\n' >"$dir/folder-include.cfg"
	printf 'format = 1;\n@include "/dev/stdin"\n' >"$dir/stdin-include.cfg"
	mkfifo "$dir/pipe.cfg"
	timeout 20 "$CAREERFIT" report "$dir" --json >"$work/out" 2>"$work/err" </dev/null
	status=$?
	expect_status 0 "hostile room" || return
	[[ $(json '.quizzes[0].participants') == 1 ]] || { fail "hostile room: not 1 participant"; return; }
	local bad
	for bad in folder-include stdin-include pipe; do
		grep -q "^careerfit: warning: skipping $dir/$bad\.cfg" "$work/err" ||
			{ fail "hostile room: no warning for $bad.cfg: $(cat "$work/err")"; return; }
	done
	local progress=$XDG_STATE_HOME/careerfit/slyde-Ada-$(name_hash Ada).cfg
	mkdir -p "$(dirname "$progress")"
	mkfifo "$progress"
	printf 'a\n' | timeout 20 "$CAREERFIT" --name Ada --resume --seed 1 "$slyde" \
		>"$work/out" 2>"$work/err"
	status=$?
	[[ $status -ne 124 ]] || { fail "a progress pipe made --resume wait"; return; }
	expect_err "cannot be read" "progress pipe" && pass
}

test_report_skips_corrupt_files_with_one_warning_each() {
	local dir=$t/room name
	for name in Ann Ben Cy; do
		save_result "$dir" "$name" "$slyde" "$slyde_answers" || return
	done
	local good=("$dir"/*)
	head -c 300 "${good[0]}" >"$dir/truncated.cfg"
	printf '\x00\xff\xfe garbage \x01\x02 { ( ;' >"$dir/garbage.cfg"
	printf 'name = "not a result";\nitems = ( 1, 2, 3 );\n' >"$dir/foreign.cfg"
	mkdir "$dir/folder.cfg"
	ln -s "$t/nowhere" "$dir/dangling.cfg"
	echo "notes, not a result" >"$dir/notes.txt"
	run report "$dir" --json
	expect_status 0 "corrupt files" || return
	[[ $(json '.quizzes | length') == 1 && $(json '.quizzes[0].participants') == 3 ]] ||
		{ fail "corrupt files: not 3 participants"; return; }
	local bad problems=()
	for bad in truncated garbage foreign folder dangling; do
		[[ $(grep -c "^careerfit: warning: skipping $dir/$bad\.cfg[:]" "$work/err") -eq 1 ]] ||
			problems+=("$bad.cfg")
	done
	[[ $(grep -c . "$work/err") -eq 5 ]] || problems+=("$(grep -c . "$work/err") lines")
	((${#problems[@]} == 0)) ||
		{ fail "corrupt files: not one warning each: ${problems[*]}"; return; }
	# The text report too.
	run report "$dir"
	expect_status 0 "corrupt files text" && expect_out "^3 participants$" "corrupt files text" &&
		pass
}

test_report_keeps_quizzes_apart() {
	local dir=$t/room
	save_result "$dir" Ann "$slyde" "$slyde_answers" &&
		save_result "$dir" Ben "$slyde" "b,b,b,b,b,b,b,b,b,b" &&
		save_result "$dir" Cy quick "$quick_answers" || return
	run report "$dir" --json
	expect_status 0 "two quizzes" || return
	[[ $(json '[.quizzes[] | "\(.quiz.id)=\(.participants)"] | sort | join(" ")') == \
		"quick=1 slyde=2" ]] || { fail "two quizzes: groups"; return; }
	[[ $(json '[.quizzes[] | select(.quiz.id == "quick") | .results[].name] | join(",")') == \
		Cy ]] || { fail "two quizzes: quick's names"; return; }
	run report "$dir" --quiz quick --json
	expect_status 0 "--quiz quick" || return
	[[ $(json '[.quizzes[] | "\(.quiz.id)=\(.participants)"] | join(" ")') == "quick=1" ]] ||
		{ fail "--quiz quick: groups"; return; }
	[[ ! -s $work/err ]] || { fail "--quiz quick: warnings"; return; }
	# --quiz takes an id; a path finds nothing, and says what it takes.
	run report "$dir" --quiz quizzes/quick.cfg
	expect_status 1 "--quiz path" && expect_err "--quiz takes a quiz id" "--quiz path" || return
	# "--csv -" is the CSV on standard output, and nothing else.
	run report "$dir" --quiz quick --csv -
	expect_status 0 "--csv -" && [[ $(head -c 5 "$work/out") == "name," ]] ||
		{ fail "--csv -: $(head -c 60 "$work/out")"; return; }
	[[ $(wc -l <"$work/out") -eq 2 ]] || { fail "--csv -: not a header and one row"; return; }
	pass
}

# csv_parse FILE: parses RFC 4180 records (no line breaks inside fields);
# prints each record as its field count, a tab, then its fields separated
# by \x1f; a malformed record prints BAD. A record must end in CRLF. The
# UTF-8 byte-order mark that starts a CSV file is not part of its first field.
csv_parse() {
	LC_ALL=C awk '
	{
		if (NR == 1) sub(/^\357\273\277/, "")
		if (substr($0, length($0), 1) != "\r") { print "BAD no CRLF: " $0; next }
		line = substr($0, 1, length($0) - 1)
		n = 0; out = ""; i = 1; L = length(line); bad = 0
		while (1) {
			f = ""
			if (substr(line, i, 1) == "\"") {
				i++; closed = 0
				while (i <= L) {
					c = substr(line, i, 1)
					if (c == "\"") {
						if (substr(line, i + 1, 1) == "\"") { f = f "\""; i += 2 }
						else { i++; closed = 1; break }
					} else { f = f c; i++ }
				}
				if (!closed || (i <= L && substr(line, i, 1) != ",")) bad = 1
			} else {
				while (i <= L && substr(line, i, 1) != ",") {
					c = substr(line, i, 1)
					if (c == "\"") bad = 1
					f = f c; i++
				}
			}
			out = out (n ? "\037" : "") f; n++
			if (i > L) break
			i++ # the comma
			if (i > L) { out = out "\037"; n++; break }
		}
		print (bad ? "BAD " : "") n "\t" out
	}' "$1"
}

test_csv_quotes_names_and_defuses_formulas() {
	local dir=$t/room name
	local names=('Ada, "the" Lovelace' 'Zoë' '=1+2' 'Bob' '@SUM(A1)')
	for name in "${names[@]}"; do
		save_result "$dir" "$name" "$slyde" "$slyde_answers" || return
	done
	run report "$dir" --csv "$t/room.csv"
	expect_status 0 "csv" || return
	[[ -f $t/room.csv ]] || { fail "csv: no file"; return; }
	csv_parse "$t/room.csv" >"$t/parsed"
	if grep -q '^BAD' "$t/parsed"; then
		fail "csv: malformed records: $(grep '^BAD' "$t/parsed" | head -3)"
		return
	fi
	local records fields
	records=$(wc -l <"$t/parsed")
	[[ $records -eq $((${#names[@]} + 1)) ]] ||
		{ fail "csv: $records records for ${#names[@]} participants"; return; }
	# 7 fixed columns, 4 roles, and a letter and a text for each of 10 questions.
	fields=$(cut -f1 "$t/parsed" | sort -u)
	[[ $fields == 31 ]] || { fail "csv: field counts '$fields', expected 31 each"; return; }
	[[ $(head -c 3 "$t/room.csv" | od -An -tx1 | tr -d ' ') == efbbbf ]] ||
		{ fail "csv: the file does not start with a UTF-8 byte-order mark"; return; }
	local header
	header=$(head -1 "$t/parsed" | cut -f2 | tr '\037' ,)
	[[ $header == "name,time,quiz,version,top,band,runner_up,Product Manager,Product Marketing Manager,Product Owner,Project Manager,slyde-first-move,slyde-first-move text,slyde-hypothesis,"* ]] ||
		{ fail "csv: header $header"; return; }
	local want got
	want=$(printf '%s\n' 'Ada, "the" Lovelace' 'Zoë' "'=1+2" 'Bob' "'@SUM(A1)" | sort)
	got=$(tail -n +2 "$t/parsed" | cut -f2 | cut -d$'\037' -f1 | sort)
	[[ $got == "$want" ]] || { fail "csv: names '$got', expected '$want'"; return; }
	# The exact quoting, byte for byte.
	local raw problems=()
	for raw in '"Ada, ""the"" Lovelace",' $'\nZoë,' $'\n"\'=1+2",' $'\n"\'@SUM(A1)",'; do
		grep -qF -- "${raw#$'\n'}" "$t/room.csv" || problems+=("$raw")
	done
	((${#problems[@]} == 0)) || { fail "csv: raw file lacks ${problems[*]}"; return; }
	# Every row: quiz slyde, version 1, top Product Owner, the letters of
	# the answers; a skipped answer's text is empty.
	local rows
	rows=$(tail -n +2 "$t/parsed" | cut -f2 | cut -d$'\037' -f3,4,5,12,14,16,18,20,22,24,25,26,28,30 |
		tr '\037' , | sort -u)
	[[ $rows == "slyde,1,Product Owner,a,b,c,d,a,b,-,,c,d,a" ]] || { fail "csv: rows $rows"; return; }
	# The option's text sits next to its letter, as the report knows it.
	local text
	run report "$dir" --json
	text=$(json '.quizzes[0].questions[0].options[] | select(.option == 0) | .text')
	[[ -n $text && $(sed -n 2p "$t/parsed" | cut -f2 | cut -d$'\037' -f13) == "$text" ]] ||
		{ fail "csv: the first answer's text is not '$text'"; return; }
	pass
}

# "careerfit report > /dev/full" is no success, in any format; a reader
# that went away ("| head") ends it quietly.
test_report_fails_when_its_output_cannot_be_written() {
	local dir=$t/room args problems=()
	save_result "$dir" Ann "$slyde" "$slyde_answers" || return
	for args in "" --json "--csv -"; do
		# shellcheck disable=SC2086 # the words of the options
		"$CAREERFIT" report "$dir" $args >/dev/full 2>"$work/err" </dev/null
		status=$?
		[[ $status -eq 1 && $(cat "$work/err") == \
			"careerfit: cannot write the output: No space left on device" ]] ||
			problems+=("'$args' exit $status: $(head -c 200 "$work/err")")
	done
	run report "$dir" --csv /dev/full
	[[ $status -eq 1 && $(cat "$work/err") == \
		"careerfit: cannot write /dev/full: No space left on device" ]] ||
		problems+=("--csv /dev/full exit $status: $(head -c 200 "$work/err")")
	for args in "" "--csv -"; do
		# shellcheck disable=SC2086
		status=$(
			trap '' PIPE # EPIPE, not SIGPIPE: the program sees the failure
			fifo=$t/closed.fifo
			# shellcheck disable=SC2094 # one FIFO opened twice, on purpose
			mkfifo "$fifo" && exec 8<>"$fifo" 9>"$fifo" 8<&- || { echo 99; exit; }
			"$CAREERFIT" report "$dir" $args >&9 2>"$work/err" </dev/null
			echo $?
			rm -f "$fifo"
		)
		[[ $status -eq 1 && ! -s $work/err ]] ||
			problems+=("'$args' to a closed pipe exit $status: $(head -c 200 "$work/err")")
	done
	((${#problems[@]} == 0)) || { fail "$(printf '%s\n' "${problems[@]}")"; return; }
	pass
}

# A name holding an OSC 52 clipboard write, a clear screen and a
# right-to-left override: a spreadsheet gets it byte for byte through a
# pipe, a terminal sees it made visible.
test_csv_to_a_pipe_is_exact_and_to_a_terminal_sanitised() {
	local dir=$t/room name=$'Eve\e]52;c;aGk=\a\e[2J\xe2\x80\xaeevil'
	save_result "$dir" "$name" "$slyde" "$slyde_answers" || return
	"$CAREERFIT" report "$dir" --csv - 2>"$work/err" </dev/null | cat >"$work/out"
	LC_ALL=C grep -qF -- "$name,20" "$work/out" ||
		{ fail "pipe: the exact name is not in the CSV"; return; }
	command -v script >/dev/null || { pass; return; } # util-linux: always on Debian
	script -qec "$(printf '%q ' "$CAREERFIT" report "$dir" --csv -)" /dev/null \
		</dev/null >"$work/out" 2>"$work/err"
	expect_out '^Eve^\[\]52;c;aGk=^G^\[\[2Jevil,' "terminal" || return
	# Carriage returns end the records; nothing else is a control.
	if LC_ALL=C grep -q $'[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]\|\xc2[\x80-\x9f]\|\xe2\x80\xae' \
		"$work/out"; then
		fail "terminal: the CSV holds a control character"
		return
	fi
	pass
}

# ---------------------------------------------------------------------------
# Finding quizzes by id

test_list_shows_quizzes_and_ids_work_as_paths() {
	run list
	expect_status 0 "list" || return
	local line problems=()
	for line in 'product-roles:[0-9]* scenarios, [0-9]* questions, 4 roles' \
		'quick:[0-9]* scenarios, [0-9]* questions, 4 roles' \
		'slyde:[0-9]* scenarios, [0-9]* questions, 4 roles'; do
		grep -A1 "^${line%%:*} " "$work/out" | grep -q "^ *${line#*:}; .*/${line%%:*}\.cfg$" ||
			problems+=("${line%%:*}")
	done
	((${#problems[@]} == 0)) || { fail "list: lacks ${problems[*]}"; return; }
	grep -q '^unicode ' "$work/out" && { fail "list: shows a quiz not yet added"; return; }
	mkdir "$t/extra"
	cp "$TEST_DATA_DIR/unicode.cfg" "$t/extra/"
	run list "$t/extra"
	expect_status 0 "list DIR" && expect_out "^slyde " "list DIR" &&
		expect_out "^unicode  *Zhōngwén" "list DIR" &&
		expect_out "1 scenario, 2 questions, 2 roles; $t/extra/unicode.cfg" "list DIR" || return
	# A quiz id instead of a path.
	run --json --answers "$quick_answers" quick
	expect_status 0 "quiz id" || return
	[[ $(json .quiz.id) == quick && $(json .answered) == "$quick_count" ]] ||
		{ fail "quiz id: $(json .quiz.id), $(json .answered) answered"; return; }
	# Quizzes in the user's folder are found by id too.
	mkdir -p "$XDG_DATA_HOME/careerfit/quizzes"
	cp "$TEST_DATA_DIR/unicode.cfg" "$XDG_DATA_HOME/careerfit/quizzes/"
	run --json --answers a,b unicode
	expect_status 0 "user quiz id" && [[ $(json .quiz.id) == unicode ]] ||
		{ fail "user quiz id"; return; }
	# A copy that reuses an id is listed, marked, and loses the id.
	sed 's/^title = .*/title = "Copy of slyde";/' "$QUIZ_DIR/slyde.cfg" >"$t/extra/slyde.cfg"
	cp -R "$QUIZ_DIR/scenarios" "$QUIZ_DIR/roles.cfg" "$QUIZ_DIR/glossary.cfg" "$t/extra/"
	run list "$t/extra"
	expect_out "^slyde  *Copy of slyde" "hidden copy" &&
		expect_out "its id is taken by a quiz above: use the path" "hidden copy" || return
	# (The French version of slyde, in the bundled quizzes/fr, hides nothing.)
	[[ $(grep -c '^slyde .*\[en\]$' "$work/out") -eq 2 ]] ||
		{ fail "hidden copy: not both listed"; return; }
	run --answers a nosuchquiz
	expect_status 1 "unknown id" &&
		expect_err "no quiz file or quiz id 'nosuchquiz'; 'careerfit list' shows the quizzes" \
			"unknown id" && pass
}

# The progress file holds an answer by the time the next question shows:
# it is written and renamed into place before the question is printed
# (flushing to the disk comes after). Read at that very moment, through a
# FIFO, one answer at a time.
test_progress_holds_the_answer_when_the_next_question_shows() {
	local progress=$XDG_STATE_HOME/careerfit/slyde-Ada-$(name_hash Ada).cfg
	mkfifo "$t/fifo"
	"$CAREERFIT" --name Ada --seed 1 --plain "$slyde" <"$t/fifo" >"$work/out" 2>"$work/err" &
	local pid=$! i tries problem=""
	exec 3>"$t/fifo"
	for ((i = 0; i < 5 && !${#problem}; i++)); do
		(trap '' PIPE; printf '%s\n' "${slyde_lines[i]}" >&3) 2>/dev/null
		for ((tries = 0; tries < 400; tries++)); do
			grep -q "^Question $((i + 2)) of" "$work/out" && break
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.025
		done
		if ! grep -q "^Question $((i + 2)) of" "$work/out"; then
			problem="question $((i + 2)) never showed"
		elif [[ $(saved_count "$progress") -ne $((i + 1)) ]]; then
			problem="question $((i + 2)) showed with $(saved_count "$progress") answers saved"
		fi
	done
	exec 3>&-
	wait "$pid" 2>/dev/null
	[[ -z $problem ]] || { fail "answer before the question: $problem"; return; }
	[[ -e $progress.prev ]] || { fail "answer before the question: no previous version kept"; return; }
	# The input ended: the answers stay for --resume.
	feed "$(printf '%s\\n' "${slyde_lines[@]:5}")" --name Ada --seed 1 --resume --json "$slyde"
	expect_status 0 "answer before the question: resume" || return
	[[ ! -e $progress && ! -e $progress.prev ]] ||
		{ fail "answer before the question: progress left after the result"; return; }
	pass
}

# A quiz id is found without loading every quiz, but exactly as `list`
# shows it: an earlier file that claims the id keeps it, an id that differs
# from its file name is found, a broken quiz is named with its errors.
test_quiz_ids_are_found_as_list_shows_them() {
	local user=$XDG_DATA_HOME/careerfit/quizzes
	mkdir -p "$user"
	sed 's/^id = .*/id = "renamed";/' "$TEST_DATA_DIR/unicode.cfg" >"$user/not-its-name.cfg"
	run validate renamed
	expect_status 0 "id unlike its file" && expect_out "^$user/not-its-name.cfg: ok" "id unlike its file" || return
	sed -e 's/^id = .*/id = "twice";/' -e '/^id = /a language = "en_GB";' \
		"$TEST_DATA_DIR/unicode.cfg" >"$user/a-first.cfg"
	sed 's/^id = .*/id = "twice";/' "$TEST_DATA_DIR/unicode.cfg" >"$user/b-second.cfg"
	run validate twice
	expect_out "^$user/a-first.cfg: ok" "an earlier file keeps the id" || return
	# A file named after the id that sets it comes first, by id and in the
	# list alike, and hides the others in its language (not a-first's).
	sed 's/^id = .*/id = "twice";/' "$TEST_DATA_DIR/unicode.cfg" >"$user/twice.cfg"
	run validate twice
	expect_out "^$user/twice.cfg: ok" "the file named after the id keeps it" || return
	run list
	grep -A2 '^twice ' "$work/out" >"$t/twice" || { fail "list: no twice"; return; }
	head -n 2 "$t/twice" | grep -q "; $user/twice.cfg$" ||
		{ fail "list: twice.cfg is not listed first"; return; }
	# (The line after a quiz's file says whether its id is taken.)
	grep -A1 "; $user/b-second.cfg$" "$work/out" | tail -n 1 | grep -q 'its id is taken' &&
		! grep -A1 "; $user/a-first.cfg$" "$work/out" | tail -n 1 | grep -q 'its id is taken' ||
		{ fail "list: hidden marks not as the languages say"; return; }
	# Named so but not setting the id (it does not even parse), it wins nothing.
	printf 'title = "Half written";\nscenarios = (\n' >"$user/twice.cfg"
	run validate twice
	expect_status 0 "a broken file named after the id" &&
		expect_out "^$user/a-first.cfg: ok" "a broken file named after the id" || return
	sed 's/^title = .*/title = "Copy of slyde";/' "$QUIZ_DIR/slyde.cfg" >"$user/slyde.cfg"
	run validate slyde
	expect_out "^$QUIZ_DIR/slyde.cfg: ok" "the bundled quiz keeps its id" || return
	sed 's/^title = .*/title = oops;/' "$TEST_DATA_DIR/unicode.cfg" >"$user/unicode.cfg"
	run validate unicode
	expect_status 1 "broken by id" && expect_err "^$user/unicode.cfg:3: error" "broken by id" && pass
}

run_tests workshop fresh_home
