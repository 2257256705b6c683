# The tmux machinery shared by the screen suites (tui, room, term, ssh):
# source it after harness.sh, with $suite naming the suite. careerfit runs
# in a pane of a private tmux server at a fixed size; a test types keys with
# send-keys, reads the screen back with capture-pane, and once careerfit has
# ended checks what it left behind: its exit status, its stderr, what it
# printed to the terminal and the terminal's modes. Write test_* functions
# that end in `pass`, then call run_tests NAME.
#
# A suite may set, before it launches anything:
#   session    the tmux session the helpers act on (quiz unless told)
#   pane_env   VAR=VALUE... added to every launch's environment
#   record_raw 1: launch keeps what careerfit writes to the terminal, raw,
#              in $run/raw (pipe-pane)
# and redefine these hooks, which do nothing unless told:
#   before_test      before each test
#   after_test TEST  after each test; by default the pane's session ends
#   after_fail       after fail() has said why
#   cleanup_suite    in the EXIT trap, after the tmux server, before $work
: "${suite:?}" "${work:?source harness.sh first}"
# Widths (wc -L), patterns and sed see characters, not bytes.
export LC_ALL=C.UTF-8

if ! command -v tmux >/dev/null; then
	echo "$suite: tmux is not installed; skipped"
	exit 77 # meson's "skipped"
fi
# An outer tmux must not be the one these commands talk to.
unset TMUX TMUX_PANE

server=careerfit-$suite-$$ socket=
tmux_() { tmux -u -L "$server" -f /dev/null "$@"; }
before_test() { :; }
after_test() { end_session; }
after_fail() { :; }
cleanup_suite() { :; }
# kill-server leaves the socket file behind. A timeout's signal runs the
# EXIT trap too, through exit.
cleanup() {
	tmux_ kill-server 2>/dev/null
	cleanup_suite
	rm -rf "$work" ${socket:+"$socket"}
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
passed=0 failed=0 runs=0
session=quiz pane_env=() record_raw=0

# The pane runs this: a line to find once careerfit has left the alternate
# screen, then careerfit with its pid, stderr and exit status kept in RUN.
# The inner sh execs careerfit, so the pid it writes is careerfit's own. A
# trap (not an ignore, which careerfit would inherit) keeps Ctrl-C from
# ending the wrapper before it has written the status.
cat >"$work/pane.sh" <<'WRAPPER'
#!/bin/sh
run=$1
shift
trap : INT QUIT
echo "careerfit-test: pane ready"
sh -c 'echo $$ >"$0/pid"; exec "$@" 2>"$0/err"' "$run" "$@"
echo $? >"$run/status.new" && mv "$run/status.new" "$run/status"
echo "careerfit-test: exited"
exec sleep 600
WRAPPER
chmod +x "$work/pane.sh"
# A session that keeps the server up while the quiz sessions come and go.
tmux_ new-session -d -s idle -x 80 -y 24 "exec sleep 3600"
socket=$(tmux_ display -p -t idle '#{socket_path}')
# The pane's TERM must describe tmux, or the keys tmux sends (Home is
# \e[1~) do not match the terminfo (xterm says \eOH); 256 colours.
term=screen-256color
infocmp tmux-256color >/dev/null 2>&1 && term=tmux-256color

# A test passes when it reaches pass() and nothing failed on the way
# (after_test's checks included).
pass() { reached_pass=1; }
# fail MESSAGE: one line per failure, then the last screen for context.
fail() {
	failures=$((failures + 1))
	echo "FAIL: $1" >&2
	local lines
	[[ -n ${shot-} ]] && mapfile -t lines <<<"$shot" && printf '  | %s\n' "${lines[@]}" >&2
	shot=
	after_fail
}

# new_run: $run is a fresh folder for one run's pid, err, status (and out).
new_run() {
	runs=$((runs + 1))
	run=$work/run$runs
	mkdir "$run"
}

# launch [-x COLUMNS] [-y ROWS] [-u VAR]... [VAR=VALUE]... -- ARG...:
# starts careerfit ARG... in a fresh pane, 80x24 unless told, with TERM
# describing tmux unless told otherwise (-u unsets); $run is where its pid,
# err and status go. LINES and COLUMNS would override the pane's real
# size; each run saves its progress in a folder of its own, so that none
# resumes another.
launch() {
	new_run
	local columns=80 rows=24 unset=(-u NO_COLOR -u LINES -u COLUMNS)
	local default_term=("TERM=$term") set=("XDG_STATE_HOME=$run/state" "${pane_env[@]}")
	while [[ $1 != -- ]]; do
		case $1 in
		-x) columns=$2 && shift ;;
		-y) rows=$2 && shift ;;
		-u) unset+=(-u "$2") && shift ;;
		*) set+=("$1") ;;
		esac
		[[ $1 == TERM* ]] && default_term=()
		shift
	done
	shift
	local command=("$work/pane.sh" "$run" env "${unset[@]}" "${default_term[@]}" "${set[@]}"
		"$CAREERFIT" "$@")
	shot=
	end_session
	if ((record_raw)); then
		# The pane starts held by a wait, so that pipe-pane sees every byte.
		tmux_ new-session -d -s "$session" -x "$columns" -y "$rows" \
			"tmux -L $server wait-for go-$runs; exec $(printf '%q ' "${command[@]}")"
		tmux_ pipe-pane -t "$session" -o "cat >>$run/raw"
		tmux_ wait-for -S "go-$runs"
	else
		tmux_ new-session -d -s "$session" -x "$columns" -y "$rows" "${command[@]}"
	fi
}
end_session() { tmux_ kill-session -t "$session" 2>/dev/null; }

capture() { tmux_ capture-pane -p -t "$session" "$@"; }
keys() { tmux_ send-keys -t "$session" "$@"; }
resize() { tmux_ resize-window -t "$session" -x "$1" -y "$2"; }
pane() { tmux_ display -p -t "$session" "$1"; }

# wait_for TEXT: polls the screen every 0.1 s, for up to 10 s, until it
# shows TEXT and has stopped changing; the screen is then in $shot.
wait_for() {
	local previous='' tries=0
	while ((tries++ < 100)); do
		shot=$(capture)
		[[ $shot == *"$1"* && $shot == "$previous" ]] && return 0
		previous=$shot
		sleep 0.1
	done
	return 1
}
# wait_gone TEXT: the same until the screen no longer shows TEXT.
wait_gone() {
	local previous='' tries=0
	while ((tries++ < 100)); do
		shot=$(capture)
		[[ $shot != *"$1"* && $shot == "$previous" ]] && return 0
		previous=$shot
		sleep 0.1
	done
	return 1
}
expect() { wait_for "$1" || { fail "$2: the screen lacks '$1'"; return 1; }; }
expect_gone() { wait_gone "$1" || { fail "$2: the screen still shows '$1'"; return 1; }; }
# expect_no TEXT WHAT: $shot, as it is, does not show TEXT.
expect_no() { [[ $shot != *"$1"* ]] || { fail "$2: the screen shows '$1'"; return 1; }; }
# expect_screen SCREEN WHAT: polls until the whole screen is SCREEN, as
# after a resize the old picture stays up until careerfit redraws.
expect_screen() {
	local tries=0
	while ((tries++ < 100)); do
		shot=$(capture)
		[[ $shot == "$1" ]] && return 0
		sleep 0.1
	done
	fail "$2: the screen differs: $(diff <(echo "$1") - <<<"$shot")"
	return 1
}
# expect_line N TEXT WHAT: screen line N (from 0) of $shot starts with TEXT.
expect_line() {
	local line
	line=$(sed -n "$(($1 + 1))p" <<<"$shot")
	[[ $line == "$2"* ]] || { fail "$3: line $1 is '$line', expected '$2...'"; return 1; }
}
# expect_width COLUMNS WHAT: no line of $shot is wider than COLUMNS
# (display width: a CJK character counts two).
expect_width() {
	local widest
	widest=$(wc -L <<<"$shot")
	((widest <= $1)) || { fail "$2: a line is $widest columns wide, the pane $1"; return 1; }
}
# row_of PATTERN: the screen row (from 0) of the first line of $shot
# matching the extended regular expression PATTERN.
row_of() { grep -n -m1 -E -- "$1" <<<"$shot" | cut -d: -f1 | awk '{ print $1 - 1 }'; }

# wait_exit WHAT [SECONDS]: waits for careerfit to end (10 s unless told);
# its exit status in $status (expect_status, from harness.sh, checks it).
wait_exit() {
	local tries=0 most=$((${2:-10} * 10))
	while [[ ! -e $run/status ]] && ((tries++ < most)); do
		sleep 0.1
	done
	[[ -e $run/status ]] || { fail "$1: careerfit did not exit"; return 1; }
	status=$(<"$run/status")
}
# expect_err TEXT WHAT: careerfit's stderr holds TEXT.
expect_err() {
	grep -q -- "$1" "$run/err" ||
		{ fail "$2: stderr lacks '$1': $(head -c 300 "$run/err")"; return 1; }
}
# expect_err_line LINE WHAT: careerfit's stderr holds LINE, the whole line.
expect_err_line() {
	grep -q -x -- "$1" "$run/err" ||
		{ fail "$2: stderr lacks the line '$1': $(head -c 300 "$run/err")"; return 1; }
}
expect_no_err() {
	[[ ! -s $run/err ]] || { fail "$1: stderr is not empty: $(head -c 300 "$run/err")"; return 1; }
}

# The parts of each SGR sequence on stdin, one a line; the colour forms
# 38;5;N and 48;5;N (and 38;2;R;G;B) stay together as 38:5:N.
sgr_parts() {
	grep -o $'\e\\[[0-9;]*m' | sed 's/^.\[//; s/m$//' | awk -F';' '{
		for (i = 1; i <= NF; i++) {
			p = $i == "" ? 0 : $i
			if ((p == 38 || p == 48) && $(i + 1) == 5) {
				p = p ":5:" $(i + 2); i += 2
			} else if ((p == 38 || p == 48) && $(i + 1) == 2) {
				p = p ":2:" $(i + 2) ":" $(i + 3) ":" $(i + 4); i += 4
			}
			print p
		}
	}'
}
# color_parts: the SGR parts of stdin that set a colour (39/49 only reset).
color_parts() { sgr_parts | grep -E '^(3[0-8]|4[0-8]|9[0-7]|10[0-7])(:|$)'; }

# check_runs TEST: careerfit must have ended (a stray one gets a SIGHUP, as
# from a closed terminal) and left no sanitizer report on stderr; then the
# pane's session ends. A suite's after_test calls it.
check_runs() {
	local dir tries
	for dir in "$work"/run*; do
		[[ -d $dir ]] || continue
		if [[ ! -e $dir/status && -s $dir/pid ]]; then
			kill -HUP "$(<"$dir/pid")" 2>/dev/null
			tries=0
			while [[ ! -e $dir/status ]] && ((tries++ < 50)); do
				sleep 0.1
			done
		fi
		if grep -q -e "ERROR: AddressSanitizer" -e "runtime error:" -e "LeakSanitizer" \
			"$dir/err" 2>/dev/null; then
			shot=$(head -40 "$dir/err")
			fail "$1: sanitizer report"
		fi
		rm -rf "$dir"
	done
	end_session
}

# run_tests NAME: runs every test_* function between before_test and
# after_test, then prints "NAME: N passed, M failed" and fails if any did.
# (It stands in for harness.sh's, where each pass() counts.)
run_tests() {
	local name=$1 test
	for test in $(declare -F | awk '$3 ~ /^test_/ {print $3}'); do
		reached_pass=0 failures=0
		before_test
		"$test"
		after_test "$test"
		if ((reached_pass && failures == 0)); then
			passed=$((passed + 1))
		else
			((failures)) || echo "FAIL: $test did not finish" >&2
			echo "FAILED: $test" >&2
			failed=$((failed + 1))
		fi
	done
	echo "$name: $passed passed, $failed failed"
	# A suite that ran nothing has not passed.
	((passed + failed > 0)) || { echo "$name: no test ran" >&2; return 1; }
	((failed == 0))
}
