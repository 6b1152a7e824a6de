#!/bin/bash
# interrupt.sh — stops a command as Ctrl-C at a terminal would, for the
# signal tests: runs it in a process group of its own, and after SECONDS
# sends SIGNAL to that group, once; exits with the command's status.
#
#   "$D/interrupt.sh" INT 0.5 uscript -e '...'
#
# Not timeout(1): after its signal, timeout sends SIGCONT to the group as
# well, and a SIGCONT discards a pending SIGSTOP.  LeakSanitizer stops
# uscript at its exit with ptrace (PTRACE_ATTACH's SIGSTOP) and waits for
# the stop; when uscript exits before timeout's SIGCONT, it waits forever.
set -m
sig=$1 secs=$2
shift 2
"$@" &
pid=$!
sleep "$secs"
kill -s "$sig" -- -"$pid" 2>/dev/null
wait "$pid"
