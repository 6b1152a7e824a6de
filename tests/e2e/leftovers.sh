#!/bin/bash
# leftovers.sh — what BPF objects (programs, maps, links) and uprobe events
# a run of uscript left behind, for the cleanup tests.
#
#   mark=$("$D/leftovers.sh" mark)     before: the newest ids, and the
#                                      uprobe events there are
#   "$D/leftovers.sh" check $mark      after: waits up to 10 s for what is
#                                      newer to go (uscript's background
#                                      child releases links after it
#                                      exits), then prints "no leftovers",
#                                      or what is left
#
# Anything newer than the mark is taken for uscript's: the tests run one
# at a time.  Where tracefs is not mounted there are no uprobe events to
# look at, and none are counted.
set -u

ids() { bpftool "$1" show 2>/dev/null | sed -n 's/^\([0-9][0-9]*\): .*/\1/p'; }
newest() { ids "$1" | sort -n | tail -1; }
events() {
	local f
	for f in /sys/kernel/tracing/uprobe_events /sys/kernel/debug/tracing/uprobe_events; do
		[ -r "$f" ] && { wc -l < "$f"; return; }
	done
	echo 0
}

case ${1:-} in
mark)
	p=$(newest prog) m=$(newest map) l=$(newest link)
	echo "${p:-0} ${m:-0} ${l:-0} $(events)"
	;;
check)
	p=${2:-0} m=${3:-0} l=${4:-0} e=${5:-0}
	for _ in $(seq 1 100); do
		left=""
		for x in "prog $p" "map $m" "link $l"; do
			set -- $x
			for id in $(ids "$1"); do
				[ "$id" -gt "${2:-0}" ] || continue
				line=$(bpftool "$1" show id "$id" 2>/dev/null | head -1)
				[ -n "$line" ] && left+="$1 $line"$'\n'
			done
		done
		[ "$(events)" -gt "$e" ] && left+="uprobe events: $(($(events) - e)) more"$'\n'
		[ -z "$left" ] && { echo "no leftovers"; exit 0; }
		sleep 0.1
	done
	printf '%s' "$left"
	exit 1
	;;
*)
	echo "usage: leftovers.sh mark | check MARK" >&2
	exit 2
	;;
esac
