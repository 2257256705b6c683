#!/usr/bin/env bash
# End-to-end tests of the mentor's report beyond its counts: the names by
# role, the HTML page (--html) and the item analysis for authors (--items).
# Run by meson with CAREERFIT, QUIZ_DIR and TEST_DATA_DIR set; needs tidy
# (the Debian package of that name, installed by scripts/setup) and jq.
set -u
: "${CAREERFIT:?}" "${QUIZ_DIR:?}" "${TEST_DATA_DIR:?}"

source "$(dirname "$0")/harness.sh"
cd "$work" || exit 1

fresh_home() {
	t=$(mktemp -d "$work/test.XXXXXX")
	mkdir -p "$t/home" "$t/state"
	export HOME=$t/home XDG_STATE_HOME=$t/state
}

slyde=$TEST_DATA_DIR/slyde/slyde.cfg

# save NAME ANSWERS: one slyde result in $t/room, or a failure.
save() {
	run --name "$1" --save "$t/room" --answers "$2" "$slyde"
	expect_status 0 "saving $1's result"
}

# A small room: a clear Product Owner, a tie between Product Manager and
# Product Marketing Manager, and one with too few answers.
small_room() {
	save 'Ada Lovelace' a,b,c,d,a,b,-,c,d,a &&
		save 'Grace Hopper' b,b,b,b,b,b,b,b,b,b &&
		save 'Kofi Mensah' a,b,-,-,-,-,-,-,-,- &&
		save '<script>alert(1)</script> & Zoë' a,b,c,d,a,b,-,c,d,a
}

# The lines of the text report's "Who got what" part.
names_part() { sed -n '/^Who got what/,/^What the room picked/p' "$work/out"; }

test_names_are_listed_under_their_top_roles() {
	small_room || return
	run report "$t/room"
	expect_status 0 "report" || return
	local part
	part=$(names_part)
	grep -qx '  Product Manager: 1' <<<"$part" &&
		grep -qx '  Product Marketing Manager: 1' <<<"$part" &&
		grep -qx '  Product Owner: 2' <<<"$part" &&
		grep -qx '  Too few answers: 1' <<<"$part" ||
		{ fail "names: counts in $part"; return; }
	# A tie lists the name under each tied role; too few answers apart.
	[[ $(grep -c '^    Grace Hopper$' <<<"$part") -eq 2 ]] ||
		{ fail "names: Grace Hopper not under both tied roles"; return; }
	grep -A1 '^  Too few answers' <<<"$part" | grep -qx '    Kofi Mensah' ||
		{ fail "names: Kofi Mensah not listed apart"; return; }
	grep -A1 '^  Project Manager: 0' <<<"$part" | grep -qx '    nobody' ||
		{ fail "names: an empty role does not say nobody"; return; }
	# The counts agree with the top counts of --json.
	run report "$t/room" --json
	[[ $(json '.quizzes[0].top.po') == 2 && $(json '.quizzes[0].bands.insufficient') == 1 ]] ||
		{ fail "names: --json disagrees"; return; }
	pass
}

test_names_wrap_at_80_columns_and_are_sanitised() {
	local i long
	long=$(printf 'Wolfeschlegelsteinhausenbergerdorff%.0s' 1 2 3)
	for i in $(seq 1 12); do
		save "Participant Number $i" a,b,c,d,a,b,-,c,d,a || return
	done
	save "$long" a,b,c,d,a,b,-,c,d,a && save $'Eve\e[2J' a,b,c,d,a,b,-,c,d,a || return
	run report "$t/room"
	expect_status 0 "report" || return
	local part widest
	part=$(names_part)
	widest=$(wc -L <"$work/out")
	((widest <= 80)) || { fail "report: a line of $widest columns"; return; }
	# Whole names on a line: none is cut between its words.
	for i in $(seq 1 12); do
		grep -q "Participant Number $i\(,\|$\)" <<<"$part" ||
			{ fail "names: 'Participant Number $i' is cut"; return; }
	done
	grep -q 'Eve^\[\[2J' <<<"$part" || { fail "names: the escape is not made visible"; return; }
	if LC_ALL=C grep -q $'\e' "$work/out"; then
		fail "names: the report holds an escape character"
		return
	fi
	pass
}

# tidy's error count, 0 when the page is valid HTML5.
tidy_errors() { tidy -q -e "$1" 2>&1 | grep -c 'Error:'; }

test_html_page_is_valid_and_self_contained() {
	command -v tidy >/dev/null || { fail "tidy is not installed: run scripts/setup"; return; }
	small_room || return
	run report "$t/room" --html "$t/room.html"
	expect_status 0 "--html" || return
	expect_out '^4 participants$' "--html still prints the text report" || return
	[[ $(tidy_errors "$t/room.html") -eq 0 ]] ||
		{ fail "html: tidy: $(tidy -q -e "$t/room.html" 2>&1 | head -5)"; return; }
	tidy -q -e "$t/room.html" >/dev/null 2>&1 ||
		{ fail "html: tidy warns: $(tidy -q -e "$t/room.html" 2>&1 | head -5)"; return; }
	if grep -qi '<script' "$t/room.html"; then
		fail "html: the page holds a script"
		return
	fi
	if grep -qiE 'https?:|//[a-z]|url\(|src=|href=' "$t/room.html"; then
		fail "html: the page points outside itself: $(grep -oiE 'https?:[^ ]*|url\(|src=|href=' "$t/room.html" | head -3)"
		return
	fi
	grep -q '<style>' "$t/room.html" && grep -q '<svg' "$t/room.html" ||
		{ fail "html: no inline style or SVG"; return; }
	pass
}

# The figures of the page and of --json are the same figures.
test_html_counts_equal_the_json_report() {
	small_room || return
	run report "$t/room" --html - 
	expect_status 0 "--html -" || return
	cp "$work/out" "$t/room.html"
	[[ $(head -1 "$t/room.html") == '<!DOCTYPE html>' ]] ||
		{ fail "--html -: standard output is not only the page"; return; }
	run report "$t/room" --json
	local html_count json_count role band problems=()
	html_count=$(grep -o 'data-participants="[0-9]*"' "$t/room.html" | grep -o '[0-9]*')
	[[ $html_count == "$(json '.quizzes[0].participants')" ]] ||
		problems+=("participants $html_count")
	for role in $(json '.quizzes[0].top | keys[]'); do
		html_count=$(sed -n "/data-chart=\"top\"/,/<\/table>/p" "$t/room.html" |
			grep "data-role=\"$role\"" | sed 's/.*<td class="count">\([0-9]*\)<.*/\1/')
		json_count=$(json ".quizzes[0].top[\"$role\"]")
		[[ $html_count == "$json_count" ]] || problems+=("top $role: $html_count, not $json_count")
	done
	for band in clear leaning close insufficient; do
		html_count=$(grep "data-band=\"$band\"" "$t/room.html" |
			sed 's/.*<td class="count">\([0-9]*\)<.*/\1/')
		json_count=$(json ".quizzes[0].bands.$band")
		[[ $html_count == "$json_count" ]] || problems+=("band $band: $html_count, not $json_count")
	done
	((${#problems[@]} == 0)) || { fail "html against json: ${problems[*]}"; return; }
	pass
}

# A bar's length is a number SVG reads in every locale: the mean affinity
# bars under LC_NUMERIC=fr_FR.UTF-8 (decimal comma) are as long as the
# --json means say, written with a point.
test_html_bars_have_their_length_in_a_comma_locale() {
	locale -a 2>/dev/null | grep -qix 'fr_FR\.utf-\?8' ||
		{ fail "the fr_FR.UTF-8 locale is not installed: run scripts/setup"; return; }
	small_room || return
	env -u LC_ALL LC_NUMERIC=fr_FR.UTF-8 "$CAREERFIT" report "$t/room" --html - \
		>"$t/room.html" 2>"$work/err" </dev/null || { fail "--html under fr_FR"; return; }
	run report "$t/room" --json
	expect_status 0 "--json" || return
	local role width mean roles=0 drawn=0 problems=()
	for role in $(json '.quizzes[0].mean_affinity | keys[]'); do
		width=$(sed -n '/data-chart="mean"/,/<\/table>/p' "$t/room.html" |
			grep "data-role=\"$role\"" | sed -n 's/.*<rect width="\([^"]*\)" height="10" fill="[^"]*"\/><\/svg>.*/\1/p')
		mean=$(LC_ALL=C printf '%.1f' "$(json ".quizzes[0].mean_affinity[\"$role\"]")")
		[[ $width == "$mean" ]] || problems+=("$role: width '$width', mean $mean")
		roles=$((roles + 1))
		[[ $width == 0.0 ]] || drawn=$((drawn + 1))
	done
	((${#problems[@]} == 0)) || { fail "mean bars under fr_FR: ${problems[*]}"; return; }
	((roles == 4 && drawn > 0)) || { fail "mean bars: $roles roles, $drawn drawn"; return; }
	pass
}

test_html_escapes_names() {
	small_room || return
	run report "$t/room" --html -
	expect_status 0 "--html -" || return
	grep -qF '&lt;script&gt;alert(1)&lt;/script&gt; &amp; Zoë' "$work/out" ||
		{ fail "html: the name is not escaped"; return; }
	if grep -q 'alert(1)</script>' "$work/out"; then
		fail "html: the name's markup is in the page"
		return
	fi
	pass
}

test_html_and_csv_cannot_share_standard_output() {
	small_room || return
	run report "$t/room" --html - --csv -
	expect_status 2 "--html - --csv -" && expect_err "standard output" "--html - --csv -" || return
	run report "$t/room" --items --html -
	expect_status 2 "--items --html" || return
	run report "$t/room" --html "$t/nowhere/room.html"
	expect_status 1 "--html to a missing folder" &&
		expect_err "cannot write $t/nowhere/room.html" "--html to a missing folder" && pass
}

# answers_for N: a deterministic answer list for person N, so that the
# options of each question are picked in different proportions.
answers_for() {
	local n=$1 q letters=abcd list=()
	for q in $(seq 0 9); do
		list+=("${letters:$(((n * (q + 3) + q * q + n / 3) % 4)):1}")
	done
	(IFS=,; echo "${list[*]}")
}

test_items_below_20_results_show_counts_only() {
	small_room || return
	run report --items "$t/room"
	expect_status 0 "--items" || return
	expect_out "^Too few results for these figures to be reliable: they need 20 or more\.$" \
		"--items with 4 results" || return
	if grep -q 'item-rest' "$work/out"; then
		fail "--items: correlations shown below 20 results"
		return
	fi
	expect_out '^     a) 3 picked (75%)$' "--items counts" || return
	run report --items "$t/room" --json
	[[ $(json '.quizzes[0].reliable') == false &&
		$(json '[.quizzes[0].questions[].options[].item_rest] | map(select(. != null)) | length') == 0 ]] ||
		{ fail "--items --json: figures below 20"; return; }
	pass
}

test_items_text_and_json_give_the_same_figures() {
	local n
	for n in $(seq 1 24); do
		save "P$n" "$(answers_for "$n")" || return
	done
	run report --items "$t/room" --json
	expect_status 0 "--items --json" || return
	[[ $(json '.quizzes[0].reliable') == true && $(json '.quizzes[0].results') == 24 ]] ||
		{ fail "--items --json: not 24 reliable results"; return; }
	# Each option with a role: its count and item-rest, in text and JSON.
	local want got
	want=$(json '.quizzes[0].questions[].options[] | select(.role != null) |
		"\(.count) \(.item_rest // "n/a")"')
	run report --items "$t/room"
	expect_status 0 "--items" || return
	got=$(sed -n 's/^     [a-z]) \([0-9]*\) picked ([0-9]*%), scores [^ ]* most, item-rest \(.*\)$/\1 \2/p' \
		"$work/out")
	[[ -n $got && $(wc -l <<<"$got") -eq $(wc -l <<<"$want") ]] ||
		{ fail "--items: $(wc -l <<<"$got") options in the text, $(wc -l <<<"$want") in JSON"; return; }
	# The text rounds to two decimals.
	paste -d' ' <(echo "$want") <(echo "$got") | awk '
		$1 != $3 { bad = 1 }
		($2 == "n/a") != ($4 == "n/a") { bad = 1 }
		$2 != "n/a" && $4 != "n/a" && ($2 - $4 > 0.0051 || $4 - $2 > 0.0051) { bad = 1 }
		END { exit bad }' ||
		{ fail "--items: text and JSON differ: $(diff <(echo "$want") <(echo "$got") | head -5)"; return; }
	local widest
	widest=$(wc -L <"$work/out")
	((widest <= 80)) || { fail "--items: a line of $widest columns"; return; }
	pass
}

# Files of two quizzes named in turn on the command line: the report reads
# them one at a time and keeps no record, yet each quiz keeps its own part,
# in the order its first file came, as when each quiz was reported alone.
# (This passes on the build from before the report streamed, which kept
# every record until it wrote.)
test_interleaved_quizzes_report_as_each_alone() {
	local quick=$QUIZ_DIR/quick.cfg i files=() slydes=() quicks=()
	for i in 1 2 3; do
		run --name "Slyde $i" --save "$t/s$i" --answers "$(answers_for "$i")" "$slyde" &&
			expect_status 0 "saving Slyde $i" || return
		run --name "Quick $i" --save "$t/q$i" --answers "$(answers_for "$((i + 5))")" "$quick" &&
			expect_status 0 "saving Quick $i" || return
		slydes+=("$t/s$i"/*.cfg)
		quicks+=("$t/q$i"/*.cfg)
		files+=("$t/s$i"/*.cfg "$t/q$i"/*.cfg)
	done
	local kind
	for kind in text csv; do
		local args=()
		[[ $kind == csv ]] && args=(--csv -)
		run report "${quicks[@]}" "${args[@]}" && cp "$work/out" "$t/quick.$kind"
		run report "${slydes[@]}" "${args[@]}" && cp "$work/out" "$t/slyde.$kind"
		run report "${files[@]}" "${args[@]}"
		expect_status 0 "report of both quizzes as $kind" || return
		# The text parts are set apart by a blank line; the tables by CR LF.
		if [[ $kind == text ]]; then
			{ cat "$t/slyde.$kind"; printf '\n\n'; cat "$t/quick.$kind"; } >"$t/both.$kind"
		else
			{ cat "$t/slyde.$kind"; printf '\r\n'; cat "$t/quick.$kind"; } >"$t/both.$kind"
		fi
		cmp -s "$t/both.$kind" "$work/out" ||
			{ fail "interleaved $kind: $(diff "$t/both.$kind" "$work/out" | head -5)"; return; }
	done
	[[ $(grep -c '^name,' "$work/out") -eq 2 &&
		$(cut -d, -f1 "$work/out" | grep -v '^name$' | tr -d '\r' | paste -sd' ') == \
		'Slyde 1 Slyde 2 Slyde 3  Quick 1 Quick 2 Quick 3' ]] ||
		{ fail "interleaved csv: tables or rows out of order"; return; }
	run report "${files[@]}" --json
	[[ $(json '[.quizzes[] | .quiz.id, .participants, (.results[] | .name)] | join(",")') == \
		'slyde,3,Slyde 1,Slyde 2,Slyde 3,quick,3,Quick 1,Quick 2,Quick 3' ]] ||
		{ fail "interleaved json: $(json '[.quizzes[].results[].name] | join(",")')"; return; }
	pass
}

run_tests report fresh_home
