#!/usr/bin/env bash
# End-to-end tests of what a quiz author meets: `careerfit new`, syntax
# errors quoted from their own file, broken quizzes named by `list` and by
# id. Run by meson with CAREERFIT, QUIZ_DIR and TEST_DATA_DIR set.
set -u
: "${CAREERFIT:?}" "${QUIZ_DIR:?}" "${TEST_DATA_DIR:?}"

source "$(dirname "$0")/harness.sh"
# Keep away from the real home; the bundled quizzes are the source tree's.
export HOME=$work/home XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data
export CAREERFIT_QUIZ_DIR=$QUIZ_DIR
user_quizzes=$XDG_DATA_HOME/careerfit/quizzes

fresh() { rm -rf "$work/home" "$work/state" "$work/data" "$work/quizzes" "$work/new"; }

test_new_writes_a_quiz_that_validates_without_warning() {
	run new museum
	expect_status 0 "new" && expect_out "^Wrote $user_quizzes/museum.cfg" "new" &&
		expect_out "careerfit validate $user_quizzes/museum.cfg" "new: next steps" &&
		expect_out "careerfit museum" "new: next steps" || return
	run validate "$user_quizzes/museum.cfg"
	expect_status 0 "new: validate" &&
		expect_out "museum.cfg: ok: 1 scenario, 2 questions, 4 roles" "new: validate" || return
	[[ ! -s $work/err ]] || { fail "new: validate warns"; return; }
	pass
}

test_new_quiz_can_be_taken_by_id_with_answers() {
	run new museum
	expect_status 0 "new" || return
	run --json --answers a,b museum
	expect_status 0 "new: take" || return
	[[ $(json .quiz.id) == museum && $(json .answered) == 2 ]] ||
		{ fail "new: take: $(json .quiz.id), $(json .answered) answered"; return; }
	pass
}

test_new_writes_into_a_given_folder() {
	mkdir -p "$work/new"
	run new clinic "$work/new"
	expect_status 0 "new FOLDER" && expect_out "^Wrote $work/new/clinic.cfg" "new FOLDER" || return
	run validate "$work/new/clinic.cfg"
	expect_status 0 "new FOLDER: validate" && pass
}

test_new_never_overwrites_a_file() {
	mkdir -p "$work/new"
	echo "# mine" >"$work/new/museum.cfg"
	run new museum "$work/new"
	expect_status 1 "overwrite" && expect_err "museum.cfg: exists" "overwrite" || return
	[[ $(cat "$work/new/museum.cfg") == "# mine" ]] || { fail "overwrite: file changed"; return; }
	pass
}

test_new_refuses_a_bad_id() {
	local id
	for id in Museum museum_tickets "" ../up; do
		run new "$id"
		expect_status 2 "bad id '$id'" || return
	done
	expect_err "is not a quiz id" "bad id" && [[ ! -e $user_quizzes ]] ||
		{ fail "bad id: wrote something"; return; }
	pass
}

test_new_help() {
	run new --help
	expect_status 0 "new --help" && expect_out "^Usage: careerfit new QUIZ-ID \[FOLDER\]" \
		"new --help" && pass
}

# A user's quiz builds on the bundled roles and glossary with "careerfit/".
test_a_quiz_anywhere_can_include_the_bundled_parts() {
	mkdir -p "$work/new"
	cat >"$work/new/mine.cfg" <<-'QUIZ'
	id = "mine";
	title = "Mine";
	@include "careerfit/roles.cfg"
	@include "careerfit/glossary.cfg"
	scenarios = ( { id = "s"; title = "S"; questions = ( { id = "q"; prompt = "P?";
	  options = ( { text = "A"; scores = { pm = 1; pmm = 1; }; },
	    { text = "B"; scores = { po = 1; project = 1; }; } ); } ); } );
	QUIZ
	run validate "$work/new/mine.cfg"
	expect_status 0 "careerfit/ include" && expect_out "ok: 1 scenario, 1 question, 4 roles" \
		"careerfit/ include" && pass
}

# The author's own line, with its file and line number, and the cause.
test_syntax_error_quotes_the_line_and_names_the_cause() {
	mkdir -p "$work/new"
	run new museum "$work/new"
	expect_status 0 "new" || return
	local line
	line=$(grep -n '^          },$' "$work/new/museum.cfg" | head -1 | cut -d: -f1)
	sed -i "${line}s/},/}/" "$work/new/museum.cfg"
	run validate "$work/new/museum.cfg"
	expect_status 1 "syntax" &&
		expect_err "^$work/new/museum.cfg:$line: error: syntax error: a comma is missing between two groups$" \
			"syntax" &&
		expect_err "^ *$line |           }$" "syntax: quoted line" &&
		expect_err "^ *| *^$" "syntax: caret" &&
		expect_err "^hint: put a ',' after the '}'" "syntax: hint" && pass
}

# A copy of the bundled quizzes with a broken scenario, as the bundled folder.
broken_bundle() {
	cp -R "$QUIZ_DIR" "$work/quizzes"
	sed -i '0,/prompt = "/s/prompt = "/prompt = /' "$work/quizzes/scenarios/trotro.cfg"
	export CAREERFIT_QUIZ_DIR=$work/quizzes
}

test_list_names_a_broken_quiz_with_its_first_error() {
	broken_bundle
	run list
	export CAREERFIT_QUIZ_DIR=$QUIZ_DIR
	expect_status 0 "list" &&
		expect_out "^quick  *broken: the quiz does not load; $work/quizzes/quick.cfg$" "list" &&
		expect_out "^  *$work/quizzes/scenarios/trotro.cfg:[0-9]*: error: syntax error" \
			"list: first error" &&
		expect_out "^slyde  *Slyde" "list: the valid quiz" || return
	grep -q "^roles " "$work/out" && { fail "list: shows roles.cfg"; return; }
	pass
}

test_a_broken_quiz_taken_by_id_shows_its_errors() {
	broken_bundle
	run --answers a quick
	export CAREERFIT_QUIZ_DIR=$QUIZ_DIR
	expect_status 1 "broken id" &&
		expect_err "^$work/quizzes/scenarios/trotro.cfg:[0-9]*: error: syntax error" "broken id" ||
		return
	grep -q "no quiz file or quiz id" "$work/err" && { fail "broken id: said missing"; return; }
	pass
}

run_tests author fresh
