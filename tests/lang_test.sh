#!/usr/bin/env bash
# End-to-end tests of careerfit in more than one language: the version of a
# quiz id a reader gets (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, --lang), what
# `list` shows of the versions, --json alike in every language, the
# `language` setting's checks, and a pseudo-translation run that finds any
# interface text which bypasses gettext. The screens run in tmux
# (screen_harness.sh), under LANG=fr_FR.UTF-8 with LC_ALL unset in the pane.
# Run by meson with CAREERFIT, QUIZ_DIR and CAREERFIT_LOCALE_DIR set.
set -u
: "${CAREERFIT:?}" "${QUIZ_DIR:?}" "${CAREERFIT_LOCALE_DIR:?}"
suite=lang
source "$(dirname "$0")/harness.sh"
source "$(dirname "$0")/screen_harness.sh"
export HOME=$work/home XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data
mkdir "$HOME"
# The build keeps the catalogue template next to the program (po/).
pot=${CAREERFIT_POT:-$(dirname "$CAREERFIT")/po/careerfit.pot}
english_title="Quick check: which product role fits you?"
french_title="Test rapide : quel rôle produit vous correspond ?"
ten=a,b,c,d,a,b,c,d,a,b
# The pane's environment: the French locale, and nothing set above it.
french=(-u LC_ALL -u LC_MESSAGES -u LC_CTYPE -u LC_NUMERIC -u LANGUAGE LANG=fr_FR.UTF-8)

has_french_locale() { locale -a 2>/dev/null | grep -qix 'fr_FR\.utf-\?8'; }
need_french_locale() {
	has_french_locale ||
		{ fail "the fr_FR.UTF-8 locale is not installed: run scripts/setup"; return 1; }
}

# plain_title ENV...: the quiz title careerfit prints first for quick
# answered with --answers, run with ENV... (env's arguments).
plain_title() {
	env "$@" "$CAREERFIT" --answers "$ten" quick 2>/dev/null </dev/null |
		sed -n '1s/^careerfit: //p'
}

test_french_locale_shows_the_french_quiz() {
	need_french_locale || return
	launch "${french[@]}" -- quick
	expect "$french_title" "welcome under LANG=fr_FR.UTF-8" || return
	keys q
	wait_exit "french welcome" && expect_status 0 "french welcome" && pass
}

test_lang_en_overrides_the_french_locale() {
	need_french_locale || return
	launch "${french[@]}" -- --lang en quick
	expect "$english_title" "welcome with --lang en" || return
	expect_no "$french_title" "welcome with --lang en" || return
	keys q
	wait_exit "--lang en" && expect_status 0 "--lang en" && pass
}

# LANGUAGE is a list, first match wins, as gettext reads it; the country
# and the encoding of a locale do not matter; English when nothing fits.
# (Only the start of the title is compared: in a locale that is not
# installed, the terminal's character set is ASCII and "rôle" shows as
# "role".)
test_language_list_and_locale_choose_the_version() {
	local got
	got=$(plain_title LC_ALL=C.UTF-8 LANGUAGE=de:fr:en)
	[[ $got == "Test rapide"* ]] || { fail "LANGUAGE=de:fr:en gave '$got'"; return; }
	got=$(plain_title LC_ALL=C.UTF-8 LANGUAGE=de:en:fr)
	[[ $got == "Quick check"* ]] || { fail "LANGUAGE=de:en:fr gave '$got'"; return; }
	got=$(plain_title -u LC_ALL -u LANGUAGE LC_MESSAGES=fr_CA.UTF-8@x LANG=en_GB.UTF-8)
	[[ $got == "Test rapide"* ]] || { fail "LC_MESSAGES=fr_CA gave '$got'"; return; }
	got=$(plain_title -u LC_ALL -u LANGUAGE LANG=de_DE.UTF-8)
	[[ $got == "Quick check"* ]] || { fail "LANG=de_DE (no German) gave '$got'"; return; }
	got=$(plain_title LC_ALL=C LANGUAGE=fr)
	[[ $got == "Quick check"* ]] || { fail "LANGUAGE in the C locale was read: '$got'"; return; }
	got=$(LC_ALL=C.UTF-8 LANGUAGE=en "$CAREERFIT" --lang fr --answers "$ten" quick 2>/dev/null \
		</dev/null | sed -n '1s/^careerfit: //p')
	[[ $got == "Test rapide"* ]] || { fail "--lang fr gave '$got'"; return; }
	pass
}

# An ssh client sends along every LC_* of the desktop it runs on. One this
# machine lacks, in a category careerfit never reads, leaves the language
# and the character set as LANG sets them: French, in UTF-8.
test_a_missing_locale_careerfit_does_not_read_changes_nothing() {
	need_french_locale || return
	local missing=(LC_TIME=xx_XX.UTF-8 LC_MEASUREMENT=xx_XX.UTF-8) got help
	got=$(plain_title "${french[@]}" "${missing[@]}")
	[[ $got == "$french_title" ]] ||
		{ fail "with LC_TIME and LC_MEASUREMENT missing: '$got'"; return; }
	help=$(env "${french[@]}" "$CAREERFIT" --help 2>&1)
	got=$(env "${french[@]}" "${missing[@]}" "$CAREERFIT" --help 2>&1)
	[[ $got == "$help" && $got != "$(env LC_ALL=C "$CAREERFIT" --help 2>&1)" ]] ||
		{ fail "--help with LC_TIME missing: $(head -1 <<<"$got")"; return; }
	pass
}

# A quiz named by its path is taken as it is, whatever the language.
test_a_quiz_named_by_path_is_taken_as_is() {
	local got
	got=$(env LC_ALL=C.UTF-8 LANGUAGE=fr "$CAREERFIT" --answers "$ten" "$QUIZ_DIR/quick.cfg" \
		2>/dev/null </dev/null | sed -n '1s/^careerfit: //p')
	[[ $got == "$english_title" ]] || { fail "the English file under fr gave '$got'"; return; }
	got=$(env LC_ALL=C.UTF-8 LANGUAGE=en "$CAREERFIT" --answers "$ten" "$QUIZ_DIR/fr/quick.cfg" \
		2>/dev/null </dev/null | sed -n '1s/^careerfit: //p')
	[[ $got == "$french_title" ]] || { fail "the French file under en gave '$got'"; return; }
	pass
}

# Versions of one id are listed together, each with its language; they
# hide nothing (the "id is taken" rule is within one language).
test_list_shows_both_versions_with_their_languages() {
	new_run
	"$CAREERFIT" list >"$run/out" 2>"$run/err" </dev/null || { fail "list failed"; return; }
	local versions
	versions=$(grep -A1 '^quick ' "$run/out")
	grep -A1 -F "$english_title [en]" <<<"$versions" | grep -q " $QUIZ_DIR/quick.cfg$" ||
		{ fail "list: no English quick: $versions"; return; }
	grep -A1 -F "$french_title [fr]" <<<"$versions" | grep -q " $QUIZ_DIR/fr/quick.cfg$" ||
		{ fail "list: no French quick: $versions"; return; }
	[[ $(grep -c '^quick ' "$run/out") -eq 2 ]] || { fail "list: quick not twice"; return; }
	# Together: the French version follows the English one.
	grep -A3 '^quick ' "$run/out" | sed -n 3p | grep -q '^quick ' ||
		{ fail "list: the versions of quick are apart: $(cat "$run/out")"; return; }
	grep -q 'its id is taken' "$run/out" && { fail "list: a version is shown as hidden"; return; }
	pass
}

# The same answers give the same result in both languages: field names,
# ids, affinities, the clarity band, top and runner-up. Texts differ.
test_json_is_the_same_in_both_languages() {
	command -v jq >/dev/null || { fail "jq is not installed: run scripts/setup"; return; }
	new_run
	local lang
	for lang in en fr; do
		"$CAREERFIT" --lang "$lang" --json --answers "$ten" quick >"$run/$lang.json" \
			2>"$run/err" </dev/null || { fail "--lang $lang --json failed"; return; }
	done
	# Every path to a value, with the value unless it is text.
	local shape='[paths(scalars) as $p | {path: $p, value: (getpath($p)
		| if type == "string" then "text" else . end)}]'
	local keep='{roles: [.roles[]? | {id, affinity}], clarity: .clarity.band, top, runner_up}'
	diff <(jq -S "$shape" "$run/en.json") <(jq -S "$shape" "$run/fr.json") >"$run/diff" ||
		{ fail "--json shapes differ: $(head -20 "$run/diff")"; return; }
	diff <(jq -S "$keep" "$run/en.json") <(jq -S "$keep" "$run/fr.json") >"$run/diff" ||
		{ fail "--json results differ: $(head -20 "$run/diff")"; return; }
	# Not trivially equal: the ids and the top role are there, the texts differ.
	[[ $(jq -r '.roles | length' "$run/fr.json") -ge 2 ]] || { fail "--json: no roles"; return; }
	[[ $(jq -r '.quiz.title? // .title? // empty' "$run/fr.json") != \
		$(jq -r '.quiz.title? // .title? // empty' "$run/en.json") ||
		$(jq -r '.quiz.title? // .title? // empty' "$run/en.json") == "" ]] ||
		{ fail "--json: the same title in both languages"; return; }
	pass
}

# copy_quick DIR LANGUAGE-LINE: a copy of the French quick in DIR (with the
# parts it includes) whose line 4 is LANGUAGE-LINE.
copy_quick() {
	mkdir -p "$1"
	cp -r "$QUIZ_DIR/fr/." "$1/"
	sed -i "4s/.*/$2/" "$1/quick.cfg"
}

test_invalid_language_is_an_error_at_its_line() {
	new_run
	local tag
	for tag in FR fr-FR french f pt_br ''; do
		copy_quick "$run/bad" "language = \"$tag\";"
		"$CAREERFIT" validate "$run/bad/quick.cfg" >"$run/out" 2>&1 && { fail "'$tag' passes"; return; }
		grep -q "^$run/bad/quick.cfg:4: error: .*language" "$run/out" ||
			{ fail "'$tag': no error at line 4: $(head -3 "$run/out")"; return; }
	done
	copy_quick "$run/number" "language = 3;"
	"$CAREERFIT" validate "$run/number/quick.cfg" >"$run/out" 2>&1 && { fail "3 passes"; return; }
	grep -q "quick.cfg:4: error: .*language" "$run/out" || { fail "3: $(head -3 "$run/out")"; return; }
	# A language set by an include would be missed by the id lookup.
	copy_quick "$run/include" ""
	echo 'language = "fr";' >>"$run/include/roles.cfg"
	"$CAREERFIT" validate "$run/include/quick.cfg" >"$run/out" 2>&1 &&
		{ fail "a language from an include passes"; return; }
	grep -q "^$run/include/roles.cfg:[0-9]*: error: .*language" "$run/out" ||
		{ fail "include: $(head -3 "$run/out")"; return; }
	copy_quick "$run/good" 'language = "pt_BR";'
	"$CAREERFIT" validate "$run/good/quick.cfg" >"$run/out" 2>&1 ||
		{ fail "pt_BR: $(head -3 "$run/out")"; return; }
	"$CAREERFIT" --lang 'fr;x' quick >"$run/out" 2>&1 </dev/null
	[[ $? -eq 2 ]] && grep -q -- "--lang takes a language tag" "$run/out" ||
		{ fail "--lang 'fr;x': $(head -3 "$run/out")"; return; }
	pass
}

# The interface in French. Another part of the work writes po/fr.po: until
# it translates the welcome screen's prompt, this test says so and passes.
test_french_interface_label_on_the_welcome_screen() {
	need_french_locale || return
	launch "${french[@]}" -- quick
	expect "$french_title" "french welcome" &&
		expect "Appuyez sur Enter pour commencer." "french welcome label" || return
	expect_no "Press Enter to start." "french welcome label" || return
	keys Enter
	expect "Question 1 sur 10" "french question header" || return
	keys q y
	wait_exit "french label" && pass
}

# The French catalogue translates every message of the current template:
# none missing, none fuzzy.
test_french_catalogue_is_complete() {
	[[ -f $pot ]] || { fail "no template at $pot"; return; }
	msgmerge --quiet --no-fuzzy-matching -o "$work/merged.po" "$(dirname "$0")/../po/fr.po" \
		"$pot" || { fail "msgmerge failed"; return; }
	local stats
	stats=$(msgfmt --check --statistics -o /dev/null "$work/merged.po" 2>&1) ||
		{ fail "msgfmt --check: $stats"; return; }
	[[ $stats != *untranslated* && $stats != *fuzzy* ]] ||
		{ fail "the French catalogue is not complete: $stats"; return; }
	pass
}

# French is longer than English: at the smallest size the screens take,
# nothing runs past the edge.
test_french_screens_fit_60_columns() {
	need_french_locale || return
	launch -x 60 -y 18 "${french[@]}" -- --seed 1 quick
	expect "Enter lancer" "french 60x18 welcome" && expect_width 60 "welcome" || return
	keys Enter
	expect "Question 1 sur 10" "french 60x18 question" && expect_width 60 "question" || return
	keys '?'
	expect "la ferme" "french help" && expect_width 60 "help" || return
	keys Escape
	keys a b c d a b c d a b
	expect "10 réponses sur 10" "french review" && expect_width 60 "review" || return
	keys Enter
	expect "Résultats" "french results" && expect_width 60 "results" || return
	# The roles' long French names are not cut beside their bars: each
	# goes on its own line, above its bar.
	local shown
	shown=$(grep -c -x -E "  (Product Manager \(chef de produit\)|Product Marketing Manager \(responsable|Chef de projet|Product Owner).*" <<<"$shot")
	[[ $shown -ge 3 ]] || { fail "french results: role names cut: $shot"; return; }
	keys q
	wait_exit "french 60x18" && pass
}

# --- Pseudo-translation: every interface string marked ⟦like this⟧ ---

# pseudo_po OUT: the template with each translation the msgid itself,
# wrapped in ⟦⟧ outside its leading and trailing blanks and newlines (so
# that printf conversions and line ends stay as they are).
pseudo_po() {
	msginit --no-translator --locale=fr_FR.UTF-8 -i "$pot" -o "$work/pseudo-init.po" \
		2>/dev/null &&
		msgen "$work/pseudo-init.po" | awk '
		function flush() {
			if (!in_str) return
			core = value; head = ""; tail = ""
			while (match(core, /^( |\\n)/)) { head = head substr(core, 1, RLENGTH); core = substr(core, RLENGTH + 1) }
			while (match(core, /( |\\n)$/)) { tail = substr(core, RSTART) tail; core = substr(core, 1, RSTART - 1) }
			if (core != "" && !header) core = "⟦" core "⟧"
			print keyword " \"" head core tail "\""
			in_str = 0
		}
		/^msgid / { flush(); header = ($0 == "msgid \"\""); print; next }
		/^msgstr/ {
			flush(); in_str = 1; keyword = $1
			value = substr($0, length($1) + 3); value = substr(value, 1, length(value) - 1)
			next
		}
		/^"/ && in_str { value = value substr($0, 2, length($0) - 2); next }
		/^"/ { header = 0 } # a msgid that goes on: not the header
		/^msgid_plural / { header = 0 }
		{ flush(); print }
		END { flush() }' >"$1"
}

# The interface's words: those of 4 letters or more in every msgid.
interface_words() {
	awk '/^msgid/ { on = 1 } /^msgstr/ { on = 0 } on' "$pot" | grep -o '"[^"]*"' |
		sed 's/\\n/ /g; s/%[-0-9.*]*[a-z]*//g' | grep -oE '[A-Za-z]{4,}' | sort -u |
		grep -vx -e careerfit -e Careerfit >"$work/words"
}

# english_outside_markers WHERE: the interface words in stdin that are
# outside ⟦⟧ (innermost first: a translated sentence may hold translated
# words), apart from options (--json), paths and quoted names.
english_outside_markers() {
	perl -CSD -Mutf8 -0pe '1 while s/⟦[^⟦⟧]*⟧//gs; s/--?[a-zA-Z][a-zA-Z-]*//g; s{\S*/\S*}{}g;
		s/'"'"'[^'"'"'\s]*'"'"'//g; s/careerfit//g' |
		grep -oiwF -f "$work/words" | sort -u | tr '\n' ' ' | sed "s/^/$1: /; s/ \$//" |
		grep -v ': $'
}

# A quiz whose own texts are marked too, so that any word left outside the
# markers is the interface's.
write_pseudo_quiz() {
	cat >"$1" <<'QUIZ'
id = "pseudo";
title = "⟦Qz title⟧";
description = "⟦Qz intro⟧";
shuffle = false;
roles = (
  { id = "aa"; name = "⟦Qz aa⟧"; short = "⟦A⟧"; summary = "⟦Qz aa sum⟧";
    description = "⟦Qz aa desc⟧"; next_steps = ( "⟦Qz aa step⟧" ); },
  { id = "bb"; name = "⟦Qz bb⟧"; short = "⟦B⟧"; summary = "⟦Qz bb sum⟧";
    description = "⟦Qz bb desc⟧"; next_steps = ( "⟦Qz bb step⟧" ); }
);
glossary = ( { term = "⟦Qz term⟧"; meaning = "⟦Qz meaning⟧"; } );
scenarios = (
  { id = "s1"; title = "⟦Qz scene⟧"; story = "⟦Qz story⟧";
    questions = (
      { id = "q1"; prompt = "⟦Qz one⟧"; debrief = "⟦Qz why one⟧";
        options = ( { text = "⟦Qz 1a⟧"; scores = { aa = 2; }; },
                    { text = "⟦Qz 1b⟧"; scores = { bb = 2; }; } ); },
      { id = "q2"; prompt = "⟦Qz two⟧"; debrief = "⟦Qz why two⟧";
        options = ( { text = "⟦Qz 2a⟧"; scores = { aa = 1; bb = 1; }; },
                    { text = "⟦Qz 2b⟧"; scores = { bb = 3; }; } ); }
    ); }
);
QUIZ
}

# visit WHAT TEXT KEYS...: waits for TEXT, notes the screen as WHAT in
# $work/screens, then types KEYS.
visit() {
	local what=$1 text=$2
	shift 2
	expect "$text" "$what" || return
	printf '%s\n' "$shot" | english_outside_markers "$what" >>"$work/found"
	(($#)) && keys "$@"
	return 0
}

test_pseudo_translation_leaves_no_english_on_the_screens() {
	need_french_locale || return
	[[ -s $pot ]] || { fail "no catalogue template at $pot (ninja -C build makes it)"; return; }
	local locale=$work/pseudo-locale quiz=$work/pseudo/pseudo.cfg
	mkdir -p "$locale/fr/LC_MESSAGES" "$work/pseudo"
	pseudo_po "$work/pseudo.po" || { fail "msginit/msgen failed on $pot"; return; }
	msgfmt --check -o "$locale/fr/LC_MESSAGES/careerfit.mo" "$work/pseudo.po" 2>"$work/msgfmt" ||
		{ fail "msgfmt: $(head -5 "$work/msgfmt")"; return; }
	interface_words
	write_pseudo_quiz "$quiz"
	: >"$work/found"
	local env=(-u LC_ALL -u LC_MESSAGES LANG=fr_FR.UTF-8 LANGUAGE=fr
		"CAREERFIT_LOCALE_DIR=$locale")
	launch "${env[@]}" -- "$quiz"
	visit welcome "⟦Qz intro⟧" Enter &&
		visit question "⟦Qz one⟧" '?' &&
		visit help "⟦" Escape &&
		visit "question 1" "⟦Qz 1a⟧" a &&
		visit "question 2" "⟦Qz two⟧" b &&
		visit review "⟦Qz one⟧" Enter &&
		visit results "⟦Qz aa⟧" d &&
		visit debrief "⟦Qz why one⟧" q || return
	# Plain mode, the usage text and validate's messages.
	{
		printf 'a\nb\n\n' | env -u LC_ALL LANG=fr_FR.UTF-8 LANGUAGE=fr \
			CAREERFIT_LOCALE_DIR="$locale" "$CAREERFIT" --plain --debrief "$quiz" 2>&1 |
			english_outside_markers "plain mode"
		env -u LC_ALL LANG=fr_FR.UTF-8 LANGUAGE=fr CAREERFIT_LOCALE_DIR="$locale" \
			"$CAREERFIT" --help 2>&1 | english_outside_markers "--help"
		sed 's/^shuffle = false;/shuffle = false;\ncolour = 1;/' "$quiz" >"$work/pseudo/warn.cfg"
		env -u LC_ALL LANG=fr_FR.UTF-8 LANGUAGE=fr CAREERFIT_LOCALE_DIR="$locale" \
			"$CAREERFIT" validate "$quiz" "$work/pseudo/warn.cfg" 2>&1 |
			english_outside_markers "validate"
	} >>"$work/found"
	[[ -s $work/found ]] && { fail "English outside gettext: $(cat "$work/found")"; return; }
	pass
}

run_tests lang
