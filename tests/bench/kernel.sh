#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The kernel-side benchmark, beside bpftrace:
#
# tracepoint counter: targets/syscalls makes N getppid() calls; each tracer
# counts every raw_syscalls:sys_enter event on the machine,
#
#   uscript  probe kernel.trace("raw_syscalls:sys_enter") { n++ }
#   bpftrace tracepoint:raw_syscalls:sys_enter { @n = count(); }
#
# and the cost of an event is what the target's loop of system calls takes
# more than without a tracer (the target times it itself, so the tracers'
# start-up is left out), divided by its N calls.
#
# profiling: targets/spin burns S seconds of CPU; each tracer samples it at
# 99 Hz and at 999 Hz and counts its user stacks,
#
#   uscript  probe timer.profile.freq.hz(F) { if (pid() == target()) s[ubacktrace()]++ }
#   bpftrace profile:hz:F /pid == cpid/ { @s[ustack] = count(); @n = count(); }
#
# reporting the samples of the target, the wall time and the CPU time of
# the tracer and its children, the target included (user + system): the
# target's share is the same under both, the rest is the tracer's.
#
#   tests/bench/kernel.sh [-n N] [-s S] [-r R] [--uscript PATH] [--no-bpftrace]
#
# Needs root and a C compiler.  See tests/bench/README.
set -u

usage() {
	cat <<'USAGE'
Usage: kernel.sh [-n N] [-s S] [-r R] [--uscript PATH] [--no-bpftrace]

  -n N            system calls of the tracepoint run (default 1000000)
  -s S            seconds of CPU of the profiling run (default 2)
  -r R            measured runs per case, medians reported (default 3)
  --uscript PATH  the uscript to measure
  --no-bpftrace   measure uscript alone
  -h, --help      print this help
USAGE
}

# shellcheck source=tests/bench/common.sh
. "$(dirname "$0")/common.sh"

calls=1000000
secs=2
runs=3
while [ $# -gt 0 ]; do
	bench_option "$@"
	[ "$taken" = 0 ] || { shift "$taken"; continue; }
	case $1 in
	-n | -s | -r)
		[ $# -ge 2 ] || die "$1 needs a number"
		number "$1" "$2"
		case $1 in -n) calls=$2 ;; -s) secs=$2 ;; -r) runs=$2 ;; esac
		shift 2 ;;
	*)
		bad_option ;;
	esac
done
bench_setup
build syscalls "$src/tests/bench/targets/syscalls.c" -O2
build spin "$src/tests/bench/targets/spin.c" -O0 -fno-omit-frame-pointer

# timed CMD...: "wall user+sys" in seconds of CMD and its children; CMD's
# output is kept in $work/out.
timed() {
	local TIMEFORMAT='%R %U %S'
	{ time "$@" > "$work/out" 2>&1; } 2>&1 | awk '{ printf("%.3f %.3f\n", $1, $2 + $3) }'
}

# The target's loop, in ns, as it printed it in $work/out (or run alone).
loop_ns() { sed -n 's/^loop ns //p' "${1:-$work/out}"; }

echo "tracepoint counter: raw_syscalls:sys_enter, $calls getppid() calls ($runs runs, medians)"
base=$(for _ in $(seq "$runs"); do "$work/syscalls" "$calls" > "$work/alone"; loop_ns "$work/alone"; done | median_of)
printf '%-10s %10s %10s %12s %12s\n' tool "wall s" "loop s" "ns/event" events
declare -A per=()
for tool in uscript bpftrace; do
	[ "$tool" = bpftrace ] && [ -z "$bpftrace" ] && continue
	rows=""
	for _ in $(seq "$runs"); do
		if [ "$tool" = uscript ]; then
			t=$(timed "$uscript" -e 'global n probe kernel.trace("raw_syscalls:sys_enter") { n++ } probe end { printf("events %d\n", n) }' -c "$work/syscalls $calls")
			ev=$(sed -n 's/^events //p' "$work/out")
		else
			t=$(timed "$bpftrace" -e 'tracepoint:raw_syscalls:sys_enter { @n = count(); }' -c "$work/syscalls $calls")
			ev=$(sed -n 's/^@n: //p' "$work/out")
		fi
		[ -n "$ev" ] && [ "$ev" -ge "$calls" ] || die "$tool counted '${ev}' events, fewer than $calls: $(cat "$work/out")"
		rows+="${t%% *} $ev $(loop_ns)"$'\n'
	done
	wall=$(printf '%s' "$rows" | awk '{ print $1 }' | median_of)
	ev=$(printf '%s' "$rows" | awk '{ print $2 }' | median_of)
	loop=$(printf '%s' "$rows" | awk '{ print $3 }' | median_of)
	per[$tool]=$(awk -v l="$loop" -v b="$base" -v n="$calls" 'BEGIN { printf("%.1f", (l - b) / n) }')
	printf '%-10s %10.3f %10.3f %12s %12s\n' "$tool" "$wall" "$(awk -v l="$loop" 'BEGIN { print l / 1e9 }')" "${per[$tool]}" "$ev"
done
printf '%-10s %10s %10.3f\n' "(alone)" "" "$(awk -v l="$base" 'BEGIN { print l / 1e9 }')"
echo "  wall: the whole run, the tracer's start-up and exit included; loop: the target's"
echo "  system calls, as it timed them; ns/event = (loop - loop alone) / calls"

for hz in 99 999; do
	echo
	echo "profiling at $hz Hz: targets/spin, $secs s of CPU ($runs runs, medians)"
	printf '%-10s %10s %14s %10s\n' tool "wall s" "CPU s" samples
	for tool in uscript bpftrace; do
		[ "$tool" = bpftrace ] && [ -z "$bpftrace" ] && continue
		rows=""
		for _ in $(seq "$runs"); do
			if [ "$tool" = uscript ]; then
				t=$(timed "$uscript" -e "global s probe timer.profile.freq.hz($hz) { if (pid() == target()) s[ubacktrace()]++ } probe end { foreach (k in s) n += s[k]; printf(\"samples %d\\n\", n) }" -c "$work/spin $secs")
				sm=$(sed -n 's/^samples //p' "$work/out")
			else
				t=$(timed "$bpftrace" -e "profile:hz:$hz /pid == cpid/ { @s[ustack] = count(); @n = count(); } END { clear(@s); }" -c "$work/spin $secs")
				sm=$(sed -n 's/^@n: //p' "$work/out")
			fi
			rows+="$t ${sm:-0}"$'\n'
		done
		wall=$(printf '%s' "$rows" | awk '{ print $1 }' | median_of)
		cpu=$(printf '%s' "$rows" | awk '{ print $2 }' | median_of)
		sm=$(printf '%s' "$rows" | awk '{ print $3 }' | median_of)
		printf '%-10s %10.3f %14.3f %10s\n' "$tool" "$wall" "$cpu" "$sm"
	done
done
