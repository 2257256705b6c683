#!/usr/bin/env bash
# End-to-end tests of a workshop over SSH: the real OpenSSH server, started
# on a free port of the loopback with a configuration that
# scripts/workshop-host writes, and the real client, in a tmux pane when a
# test needs a terminal. Everything runs as the user running the tests,
# who logs in with a temporary key (CI runs as root, with no terminal and
# no stdin); the sshd, the tmux server and every client end in the trap.
# The tmux machinery is in screen_harness.sh.
# Run by meson with CAREERFIT, TEST_DATA_DIR and, as $1, scripts/workshop-host.
set -u
: "${CAREERFIT:?}" "${TEST_DATA_DIR:?}"
workshop_host=${1:?usage: ssh_test.sh PATH/TO/scripts/workshop-host}

for tool in /usr/sbin/sshd ssh ssh-keygen tmux; do
	if ! command -v "$tool" >/dev/null; then
		echo "ssh: $tool is not installed (scripts/setup installs it); skipped"
		exit 77 # meson's "skipped"
	fi
done
suite=ssh
source "$(dirname "$0")/harness.sh"
source "$(dirname "$0")/screen_harness.sh"
clients=()
# In the EXIT trap, after the tmux server: every client, then the sshd.
cleanup_suite() {
	((${#clients[@]})) && kill "${clients[@]}" 2>/dev/null
	[[ -f $work/conf/sshd_config ]] && "$workshop_host" stop --all --dir "$work/conf" >/dev/null
}
trap 'exit 141' PIPE

export HOME=$work/home
mkdir "$HOME"
room=$work/room
slyde=$TEST_DATA_DIR/slyde/slyde.cfg
user=$(id -un)
# The participant's letters for slyde's ten questions.
answers=(d a b c d a b c d a)

login=$user@127.0.0.1

# ssh_ [OPTION]... "$login" [COMMAND]: the real client, as a participant;
# no configuration of the user's, no host key kept, never a prompt, and
# never more than a minute.
client_options() {
	client=(-F /dev/null -i "$work/client" -o IdentitiesOnly=yes -o BatchMode=yes
		-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR
		-o ConnectTimeout=10)
}
ssh_() {
	local client
	client_options
	timeout 60 ssh -p "$port" "${client[@]}" "$@"
}

# free_port: a port nothing on the loopback listens on, from 20000-59999.
free_port() {
	local port tries=0
	while ((tries++ < 100)); do
		port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
		if command -v ss >/dev/null; then
			[[ -z $(ss -Hltn "sport = :$port") ]] && echo "$port" && return 0
		elif ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port" && return 0
		fi
	done
	return 1
}

# start_sshd: the workshop's sshd on a free port ($port), as configured by
# scripts/workshop-host; another port if someone took this one meanwhile.
start_sshd() {
	ssh-keygen -q -t ed25519 -N '' -C careerfit-ssh-test -f "$work/client" || return 1
	cp "$work/client.pub" "$work/authorized_keys"
	local _
	for _ in 1 2 3 4 5; do
		port=$(free_port) || return 1
		# The temporary folders sit in /tmp, which StrictModes refuses to
		# trust for an authorized_keys file.
		"$workshop_host" setup --dir "$work/conf" --port "$port" --listen 127.0.0.1 \
			--room "$room" --user "$user" --authorized-keys "$work/authorized_keys" \
			--no-password --state "$work/state" --careerfit "$CAREERFIT" --quiz "$slyde" \
			--option "StrictModes no" >"$work/setup.out" 2>&1 || {
			cat "$work/setup.out" >&2
			return 1
		}
		"$workshop_host" start --dir "$work/conf" >"$work/start.out" 2>&1 && return 0
		grep -q "Address already in use" "$work/conf/sshd.log" 2>/dev/null || break
	done
	echo "ssh: the workshop's sshd did not start:" >&2
	cat "$work/start.out" "$work/conf/sshd.log" >&2 2>/dev/null
	# What sshd says in debug mode is what a mentor would need to see.
	timeout 5 /usr/sbin/sshd -d -f "$work/conf/sshd_config" 2>&1 | tail -20 >&2
	return 1
}

# After a failure: what sshd said meanwhile, beyond logins. A refused pty
# says why here (run as another user than root, sshd must chown the pty to
# the tty group, which a /dev/pts mounted without gid=5 does not allow).
after_fail() {
	tail -n "+$((log_mark + 1))" "$work/conf/sshd.log" 2>/dev/null |
		grep -v -e '^Accepted ' -e 'isconnect' -e '^Connection closed' | head -5 | sed 's/^/  sshd: /' >&2
}

# open_pane SSH-ARGUMENT...: the client in a pane of the tmux session
# $session (not through launch, whose pane runs careerfit), with a line to
# find once the client has ended and its exit status in $work/pane-status.
open_pane() {
	local client
	client_options
	rm -f "$work/pane-status"
	end_session
	tmux_ new-session -d -s "$session" -x 80 -y 24 \
		"$(printf '%q ' ssh -p "$port" "${client[@]}" "$@"); echo \$? >$work/pane-status;
		echo 'ssh-test: ssh ended'; exec sleep 600"
}

# result_of NAME: the result file in the room whose participant is NAME.
result_of() { grep -lxF "participant = \"$1\";" "$room"/*.cfg 2>/dev/null; }

test_a_participant_takes_the_whole_quiz_and_the_result_lands_in_the_room() {
	open_pane -t "$login"
	expect "Your name" "the name prompt over ssh -t" || return
	keys -l "Grace Hopper"
	keys Enter
	expect "Press Enter to start." "welcome" || return
	keys Enter
	local n
	for n in 1 2 3 4 5 6 7 8 9 10; do
		expect "Question $n of 10" "question $n" || return
		keys "${answers[n - 1]}"
	done
	expect "Review your answers" "review" || return
	keys Enter
	expect "Answered 10 of 10 questions" "results" || return
	keys q
	expect "ssh-test: ssh ended" "ssh ends when careerfit quits" || return
	[[ $(<"$work/pane-status") == 0 ]] || { fail "ssh exited $(<"$work/pane-status")"; return; }
	local saved
	saved=$(result_of "Grace Hopper")
	[[ -n $saved && $(wc -l <<<"$saved") -eq 1 ]] ||
		{ fail "no one result file for 'Grace Hopper' in the room: $(ls "$room")"; return; }
	[[ $(grep -c '^    option = [0-9]' "$saved") -eq 10 ]] ||
		{ fail "the result does not hold 10 answers"; return; }
	pass
}

# A closed laptop: the client goes, sshd hangs up careerfit, and the answers
# stay. While a session is open its name is refused to a second one; once it
# has ended, the same name offers to resume.
test_a_dropped_connection_keeps_the_answers_for_the_same_name() {
	session=quiz
	open_pane -t "$login"
	expect "Your name" "name prompt" || return
	keys -l "Ada Dropped"
	keys Enter
	expect "Press Enter to start." "welcome" || return
	keys Enter
	local n picked
	for n in 1 2 3; do
		expect "Question $n of 10" "question $n" || return
		keys "${answers[n - 1]}"
	done
	# The options may be shuffled anew on resuming: the answer is the text.
	picked=$(sed -n -E "s/^. . ${answers[2]}\) (.*[^ ]) *\$/\1/p" <<<"$shot")
	expect "Question 4 of 10" "question 4" || return
	session=twin
	open_pane -t "$login"
	expect "Your name" "a second session's name prompt" || return
	keys -l "Ada Dropped"
	keys Enter
	expect "That name is open in another session" "the same name twice at once" || return
	tmux_ kill-session -t twin
	# The laptop closes: the client is hung up, the connection drops.
	tmux_ kill-session -t quiz
	session=quiz
	open_pane -t "$login"
	expect "Your name" "name prompt again" || return
	keys -l "Ada Dropped"
	# Until sshd has hung up the first careerfit, the name is still taken.
	local tries=0
	until [[ $shot == *"last time"* ]] || ((tries++ >= 20)); do
		keys Enter
		sleep 0.5
		shot=$(capture)
	done
	expect "You answered 3 of 10 questions last time." "resume offered" || return
	keys Enter
	expect "Question 4 of 10" "resumed at question 4" || return
	keys Left
	expect "Question 3 of 10" "back to question 3" && expect "✓ " "answer 3 kept" || return
	[[ -n $picked && $(grep '✓ [a-i]) ' <<<"$shot") == *"$picked"* ]] ||
		{ fail "answer 3 is not '$picked' after resuming"; return; }
	keys q y
	expect "ssh-test: ssh ended" "quit" || return
	[[ -z $(result_of "Ada Dropped") ]] || { fail "an unfinished quiz saved a result"; return; }
	pass
}

# Whatever a participant asks to run, they get the quiz: without -t there
# is no terminal, careerfit asks in plain text and ends with its stdin.
test_a_command_gets_the_quiz_never_the_file() {
	local how
	for how in plain tty; do
		if [[ $how == plain ]]; then
			ssh_ "$login" cat /etc/passwd </dev/null >"$work/out" 2>&1
		else
			open_pane -t "$login" cat /etc/passwd
			expect "Your name" "ssh -t cat /etc/passwd" || return
			# The quiz's screen, then what stays in the terminal after it.
			echo "$shot" >"$work/out"
			keys Escape
			expect "ssh-test: ssh ended" "Esc at the name prompt ends the session" || return
			echo "$shot" >>"$work/out"
		fi
		! grep -q "root:x:0:0" "$work/out" || { fail "$how: ssh cat /etc/passwd showed the file"; return; }
		grep -q "Your name" "$work/out" || { shot=$(<"$work/out") && fail "$how: not the quiz"; return; }
	done
	# scp and sftp meet the quiz too, which speaks neither.
	local client
	client_options
	timeout 20 scp -P "$port" "${client[@]}" "$login:/etc/passwd" "$work/stolen" \
		</dev/null >/dev/null 2>&1
	! grep -qs "root:x:0:0" "$work/stolen" || { fail "scp copied /etc/passwd"; return; }
	pass
}

# A participant who knows ssh -L cannot reach what the host reaches: the
# forward here points at the workshop's own sshd, which would greet with
# "SSH-2.0" if the channel opened.
test_port_forwarding_is_refused() {
	local local_port greeting=''
	local_port=$(free_port) || { fail "no free port"; return; }
	# Not through ssh_: $! must be the client's own process, not a subshell.
	local client
	client_options
	timeout 60 ssh -p "$port" "${client[@]}" -N -L "$local_port:127.0.0.1:$port" "$login" \
		</dev/null 2>/dev/null &
	clients+=($!)
	local tries=0
	until [[ -n $(ss -Hltn "sport = :$local_port" 2>/dev/null) ]] || ((tries++ >= 50)); do
		sleep 0.1
	done
	if exec 3<>"/dev/tcp/127.0.0.1/$local_port"; then
		greeting=$(timeout 3 head -c 7 <&3)
		exec 3<&-
	fi
	kill "${clients[-1]}" 2>/dev/null
	[[ $greeting != SSH-2.0 ]] || { fail "ssh -L reached 127.0.0.1:$port through the host"; return; }
	grep -q "refused local port forward: .* target 127.0.0.1 port $port" "$work/conf/sshd.log" ||
		{ fail "sshd did not refuse the forward: $(tail -5 "$work/conf/sshd.log")"; return; }
	# A remote forward (ssh -R) is refused when asked for.
	local remote_port
	remote_port=$(free_port) || { fail "no free port"; return; }
	ssh_ -N -o ExitOnForwardFailure=yes -R "$remote_port:127.0.0.1:22" \
		"$login" </dev/null >/dev/null 2>&1
	local status=$?
	[[ $status -ne 0 && $status -ne 124 ]] || { fail "ssh -R was not refused (exit $status)"; return; }
	[[ -z $(ss -Hltn "sport = :$remote_port" 2>/dev/null) ]] ||
		{ fail "ssh -R opened port $remote_port on the host"; return; }
	pass
}

# A room at once: twenty participants in plain mode (no -t), each piping a
# name and ten answers; each gets a result file of their own.
test_twenty_participants_at_once_each_save_a_result() {
	local n pids=() input
	for n in $(seq 1 20); do
		input=$(printf 'Participant %s\n' "$n" && printf '%s\n' "${answers[@]}")
		ssh_ "$login" <<<"$input" >"$work/crowd-$n.out" 2>&1 &
		pids+=($!)
	done
	local bad=()
	for n in $(seq 1 20); do
		wait "${pids[n - 1]}" || bad+=("$n: exit $?")
	done
	for n in $(seq 1 20); do
		[[ $(result_of "Participant $n" | wc -l) -eq 1 ]] || bad+=("$n: no one result file")
	done
	((${#bad[@]} == 0)) || { shot=$(tail -5 "$work/crowd-${bad[0]%%:*}.out") &&
		fail "of twenty at once: ${bad[*]}"; return; }
	pass
}

port=
if ! start_sshd; then
	echo "ssh: 0 passed, 1 failed"
	exit 1
fi
# Each test starts in the quiz session with sshd's log marked, and ends
# every session it opened.
before_test() {
	session=quiz
	log_mark=$(wc -l <"$work/conf/sshd.log")
}
after_test() {
	tmux_ kill-session -t quiz 2>/dev/null
	tmux_ kill-session -t twin 2>/dev/null
}
run_tests ssh
