#!/usr/bin/env bash
# End-to-end test of an installed careerfit: a second build of this source
# tree, configured with -Dtests=false and --prefix in a temporary folder,
# installed with nothing copied by hand, then run from another folder with
# HOME and the XDG folders pointed at temporary ones. It must find only its
# installed quizzes and the XDG ones, never the source tree's.
# Run by meson with CAREERFIT and QUIZ_DIR (the source tree's quizzes) set.
set -u
: "${CAREERFIT:?}" "${QUIZ_DIR:?}"

source "$(dirname "$0")/harness.sh"
# The uninstalled build's way to the source tree must not help the
# installed one.
unset CAREERFIT_QUIZ_DIR
source_root=$(cd "$QUIZ_DIR/.." && pwd)
prefix=$work/prefix build=$work/build
installed=$prefix/bin/careerfit

# The stripped binary, as a distribution ships it: the debug information
# of any build names the folder it was built in (Debian moves it to a
# -dbgsym package); the program itself must name none.
if ! { meson setup "$build" "$source_root" --prefix="$prefix" -Dtests=false \
	--buildtype=release >"$work/setup.log" 2>&1 &&
	ninja -C "$build" >"$work/build.log" 2>&1 &&
	meson install -C "$build" --strip >"$work/install.log" 2>&1; }; then
	echo "FAIL: the build or install did not complete" >&2
	tail -n 30 "$work"/*.log >&2
	exit 1
fi

export HOME=$work/home XDG_DATA_HOME=$work/data-home XDG_STATE_HOME=$work/state \
	XDG_DATA_DIRS=$work/system
mkdir -p "$HOME" "$work/elsewhere"

# run_installed CMD...: the installed careerfit, from a folder that is
# neither the source tree nor the prefix.
run_installed() {
	(cd "$work/elsewhere" && "$installed" "$@") >"$work/out" 2>"$work/err" </dev/null
	status=$?
}

# write_quiz FILE ID: a small valid quiz.
write_quiz() {
	mkdir -p "$(dirname "$1")"
	cat >"$1" <<-QUIZ
	id = "$2";
	title = "Quiz $2";
	roles = ( { id = "pm"; name = "PM"; }, { id = "po"; name = "PO"; } );
	scenarios = ( { id = "s"; title = "S"; questions = (
	  { id = "q1"; prompt = "First?";
	    options = ( { text = "x"; scores = { pm = 2; }; }, { text = "y"; scores = { po = 2; }; } ); },
	  { id = "q2"; prompt = "Second?";
	    options = ( { text = "x"; scores = { pm = 1; }; }, { text = "y"; scores = { po = 1; }; } ); }
	); } );
	QUIZ
}

test_without_tests_check_is_never_looked_for() {
	if grep -qi "dependency check" "$work/setup.log" ||
		grep -q '"name": "check"' "$build/meson-info/intro-dependencies.json"; then
		fail "-Dtests=false looked for Check: $(grep -i check "$work/setup.log")"
		return
	fi
	[[ ! -e $build/tests ]] || { fail "-Dtests=false built the tests"; return; }
	pass
}

test_installed_binary_names_no_build_folder() {
	local where
	for where in "$source_root" "$build"; do
		if strings "$installed" | grep -qF -- "$where"; then
			fail "the installed binary holds '$where': $(strings "$installed" | grep -F -- "$where")"
			return
		fi
	done
	pass
}

test_version_is_the_projects() {
	run_installed --version
	expect_status 0 version || return
	local news
	news=$(head -1 "$source_root/NEWS" | cut -d' ' -f1-2)
	[[ $(cat "$work/out") == "$news" ]] || { fail "version '$(cat "$work/out")', NEWS '$news'"; return; }
	pass
}

test_list_shows_the_installed_quizzes() {
	run_installed list
	expect_status 0 list || return
	local id
	for id in product-roles quick slyde; do
		grep -q "$prefix/share/careerfit/quizzes/$id.cfg" "$work/out" ||
			{ fail "list lacks the installed $id"; return; }
	done
	if grep -qF "$source_root" "$work/out"; then
		fail "list shows the source tree"
		return
	fi
	pass
}

test_installed_quiz_can_be_taken() {
	run_installed --answers a,b,c,d,a,b,c,d,a,b quick
	expect_status 0 quick && expect_out "Answered 10 of 10 questions" quick || return
	# Without a quiz, the bundled default, which has more than one answer.
	run_installed --answers a
	expect_status 2 "default quiz" && expect_err "gives 1 answer, but the quiz has" \
		"default quiz" && pass
}

# The source tree is where the installed program was built, not where it
# looks: a quiz dropped there stays unseen.
test_source_tree_quiz_is_not_seen() {
	local dropped=$QUIZ_DIR/zz-install-test-$$.cfg
	write_quiz "$dropped" "install-test-$$"
	run_installed list
	rm -f "$dropped"
	expect_status 0 "source list" || return
	if grep -q "install-test-$$" "$work/out"; then
		fail "list shows a quiz of the source tree"
		return
	fi
	pass
}

test_quiz_in_xdg_data_home_is_listed_and_taken() {
	write_quiz "$XDG_DATA_HOME/careerfit/quizzes/mine.cfg" mine
	run_installed list
	expect_status 0 "data home" && expect_out "^mine " "data home" || return
	run_installed --answers a,b mine
	expect_status 0 "data home quiz" && expect_out "Answered 2 of 2 questions" \
		"data home quiz" || return
	# Without XDG_DATA_HOME, ~/.local/share.
	write_quiz "$HOME/.local/share/careerfit/quizzes/homes.cfg" homes
	(unset XDG_DATA_HOME && run_installed list && grep -q "^homes " "$work/out") ||
		{ fail "~/.local/share not read without XDG_DATA_HOME"; return; }
	pass
}

test_every_xdg_data_dir_is_read() {
	write_quiz "$work/system/careerfit/quizzes/first.cfg" first
	write_quiz "$work/system2/careerfit/quizzes/second.cfg" second
	write_quiz "$work/elsewhere/relative/careerfit/quizzes/relative.cfg" relative
	XDG_DATA_DIRS=$work/system::relative:$work/system2 run_installed list
	expect_status 0 "data dirs" && expect_out "^first " "data dirs" &&
		expect_out "^second " "data dirs" || return
	if grep -q "^relative " "$work/out"; then
		fail "a relative folder in XDG_DATA_DIRS was read"
		return
	fi
	pass
}

test_documents_are_installed() {
	local file
	for file in README.md NEWS LICENSE docs/quiz-format.md docs/workshop.md; do
		[[ -s $prefix/share/doc/careerfit/$file ]] || { fail "no doc/careerfit/$file"; return; }
	done
	pass
}

test_manual_page_renders_cleanly_with_its_sections() {
	local page=$prefix/share/man/man1/careerfit.1 version date
	read -r _ version date <"$source_root/NEWS" || { fail "no NEWS"; return; }
	date=${date//[()]/}
	[[ -s $page ]] || { fail "no manual page in $page"; return; }
	groff -man -Tutf8 -ww -z "$page" 2>"$work/err"
	[[ ! -s $work/err ]] || { fail "groff warns"; return; }
	MANWIDTH=80 MAN_KEEP_FORMATTING='' man -l "$page" 2>"$work/err" | col -bx >"$work/out"
	local section
	for section in NAME SYNOPSIS OPTIONS ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
		expect_out "^$section$" "man $section" || return
	done
	expect_out "ssh(1), sshd_config(5), sshd(8)" "see also" &&
		expect_out "$prefix/share/careerfit/quizzes" "files" &&
		expect_out "XDG_DATA_DIRS" "files" &&
		expect_out "^careerfit $version  *$date  *CAREERFIT(1)$" "version and date" ||
		return
	if grep -q "@[A-Z_]*@" "$page"; then
		fail "the page keeps a placeholder: $(grep -o "@[A-Z_]*@" "$page" | head -1)"
		return
	fi
	pass
}

run_tests install
