#!/bin/bash
# leftovers.sh — what BPF objects (programs, maps, links) and uprobe events
# a run of uscript left behind, and whether a traced program runs its own
# code again, for the cleanup tests.
#
#   mark=$("$D/leftovers.sh" mark)     before: the newest ids, the
#                                      uprobe events there are, the perf
#                                      events open, and whether tracefs
#                                      is mounted
#   "$D/leftovers.sh" check $mark      after: prints "no leftovers", or what
#                                      is left: links, uprobe events and
#                                      perf events (timer.profile, perf.*)
#                                      must be gone within a second of
#                                      uscript's end, programs and maps
#                                      within ten (see below)
#   held=$("$D/leftovers.sh" held PID) while uscript PID runs: the ids of
#                                      the programs, maps and links it
#                                      holds, which "check $held" then
#                                      looks at, and nothing newer
#   "$D/leftovers.sh" code PID FILE FUNC...
#                                      whether process PID runs the code of
#                                      FILE (a PIE) at the entry of each
#                                      FUNC as the file has it, with no
#                                      probe's breakpoint left there:
#                                      prints "own code", or the functions
#                                      that differ
#
# A link is the probes: once its last reference is gone, its id goes and
# the kernel takes its breakpoints out, whatever ended uscript, SIGKILL
# included (its keeper process releases the links within moments).  The
# programs and maps go after that, once the kernel's grace periods end,
# which return probes pending in any process on the machine, another
# tracer's too, can hold up for a while.
#
# Anything newer than the mark is taken for uscript's: the tests run one
# at a time.  Where other tracers may be at work on the machine, "held"
# names what is uscript's, as its file descriptors say.  Where tracefs is not mounted there are no uprobe events to
# look at, and none are counted.
set -u

# The perf events open on the machine: file descriptors of perf_event_open
# in any process (a sampling probe opens one per CPU).
perf_events() { find /proc/[0-9]*/fd -lname 'anon_inode:\[perf_event\]' 2>/dev/null | wc -l; }
# Whether tracefs is mounted where uscript mounts it for kernel.trace.
tracefs() { if mountpoint -q /sys/kernel/tracing; then echo mounted; else echo unmounted; fi; }

ids() { bpftool "$1" show 2>/dev/null | sed -n 's/^\([0-9][0-9]*\): .*/\1/p'; }
newest() { ids "$1" | sort -n | tail -1; }
events() {
	local f
	for f in /sys/kernel/tracing/uprobe_events /sys/kernel/debug/tracing/uprobe_events; do
		[ -r "$f" ] && { wc -l < "$f"; return; }
	done
	echo 0
}
# What of KINDS (prog, map, link) is newer than the mark, or among the
# ids held, one per line.
left_of() {
	local kind id line
	for kind in $1; do
		for id in $(ids "$kind"); do
			if [ -n "${held[$kind]+set}" ]; then
				[[ ",${held[$kind]}," == *",$id,"* ]] || continue
			else
				[ "$id" -gt "${mark[$kind]}" ] || continue
			fi
			line=$(bpftool "$kind" show id "$id" 2>/dev/null | head -1)
			[ -n "$line" ] && printf '%s %s\n' "$kind" "$line"
		done
	done
}

case ${1:-} in
mark)
	p=$(newest prog) m=$(newest map) l=$(newest link)
	echo "${p:-0} ${m:-0} ${l:-0} $(events) $(perf_events) $(tracefs)"
	;;
held)
	# "held" and, per kind, the ids joined by commas (0 for none).
	printf 'held'
	for key in prog_id map_id link_id; do
		list=$(cat /proc/"$2"/fdinfo/* 2>/dev/null | sed -n "s/^$key:[[:space:]]*//p" |
			sort -un | paste -sd,)
		printf ' %s' "${list:-0}"
	done
	echo
	;;
check)
	declare -A mark=([prog]=${2:-0} [map]=${3:-0} [link]=${4:-0}) held=()
	e=${5:-0} pe=${6:-} fs=${7:-}
	if [ "${2:-}" = held ]; then
		held=([prog]=$3 [map]=$4 [link]=$5)
		e=$(events)
	fi
	# A tenth of a second a round: links and events for 10 rounds, then
	# programs and maps too, for up to 100.
	for round in $(seq 1 100); do
		left=$(left_of link)
		[ "$(events)" -gt "$e" ] && left+=$'\n'"uprobe events: $(($(events) - e)) more"
		[ -n "$pe" ] && [ "$(perf_events)" -gt "$pe" ] &&
			left+=$'\n'"perf events: $(($(perf_events) - pe)) more"
		[ -n "$fs" ] && [ "$(tracefs)" != "$fs" ] && left+=$'\n'"tracefs: $(tracefs), was $fs"
		if [ -z "$left" ]; then
			left=$(left_of "prog map")
			[ -z "$left" ] && { echo "no leftovers"; exit 0; }
		elif [ "$round" -ge 10 ]; then
			break
		fi
		sleep 0.1
	done
	printf '%s\n' "$left" | sed '/^$/d'
	exit 1
	;;
code)
	pid=$2 file=$(readlink -f "$3")
	shift 3
	# The PIE's load address: where its mapping from offset 0 starts.
	base=$(awk -v f="$file" '$6 == f && $3 ~ /^0+$/ { split($1, a, "-"); print a[1]; exit }' \
		"/proc/$pid/maps")
	[ -n "$base" ] || { echo "$file is not mapped in process $pid"; exit 1; }
	differ=""
	for func in "$@"; do
		vaddr=$(nm "$file" | awk -v f="$func" '$3 == f && $2 ~ /[tT]/ { print $1; exit }')
		# The file offset of vaddr, through the PT_LOAD that holds it.
		off=""
		while read -r _ o a _ n _; do
			if ((16#$vaddr >= a && 16#$vaddr < a + n)); then
				off=$((16#$vaddr - a + o))
				break
			fi
		done < <(readelf -lW "$file" | awk '$1 == "LOAD"')
		mem=$(dd if="/proc/$pid/mem" bs=1 skip=$((16#$base + 16#$vaddr)) count=8 \
			iflag=skip_bytes 2>/dev/null | od -An -tx1)
		own=$(dd if="$file" bs=1 skip="$off" count=8 2>/dev/null | od -An -tx1)
		[ -n "$mem" ] && [ "$mem" == "$own" ] || differ+=" $func"
	done
	if [ -z "$differ" ]; then echo "own code"; else echo "not its own code at:$differ"; exit 1; fi
	;;
*)
	echo "usage: leftovers.sh mark | held PID | check MARK | code PID FILE FUNC..." >&2
	exit 2
	;;
esac
