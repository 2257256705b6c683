# The harness shared by the command-line end-to-end suites: source it, write
# test_* functions that end in `pass` (or `fail "why"`), then call
# run_tests NAME. Needs CAREERFIT (the binary) in the environment.
# The screen suites source screen_harness.sh after it.
: "${CAREERFIT:?}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

pass() { passed=$((passed + 1)); }
fail() {
	failed=$((failed + 1))
	echo "FAIL: $1" >&2
	[[ -f $work/out ]] && sed 's/^/  stdout: /' "$work/out" | head -20 >&2
	[[ -f $work/err ]] && sed 's/^/  stderr: /' "$work/err" | head -20 >&2
}

# run CMD...: runs careerfit with no stdin; sets $status, $work/out, $work/err.
run() {
	"$CAREERFIT" "$@" >"$work/out" 2>"$work/err" </dev/null
	status=$?
}
# feed INPUT CMD...: the same with INPUT (printf %b escapes) on stdin.
feed() {
	local input=$1
	shift
	printf '%b' "$input" | "$CAREERFIT" "$@" >"$work/out" 2>"$work/err"
	status=$?
}
expect_status() { [[ $status -eq $1 ]] || { fail "$2: exit $status, expected $1"; return 1; }; }
expect_out() { grep -q -- "$1" "$work/out" || { fail "$2: stdout lacks '$1'"; return 1; }; }
expect_err() { grep -q -- "$1" "$work/err" || { fail "$2: stderr lacks '$1'"; return 1; }; }
json() { jq -r "$1" "$work/out"; }

# run_tests NAME [SETUP]: runs every test_* function, SETUP before each,
# then prints "NAME: N passed, M failed" and fails if any did.
run_tests() {
	local name=$1 setup=${2:-true} test
	for test in $(declare -F | awk '$3 ~ /^test_/ {print $3}'); do
		rm -f "$work/out" "$work/err"
		"$setup"
		"$test"
	done
	echo "$name: $passed passed, $failed failed"
	# A suite that ran nothing has not passed.
	((passed + failed > 0)) || { echo "$name: no test ran" >&2; return 1; }
	[[ $failed -eq 0 ]]
}
