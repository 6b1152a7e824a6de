#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The start-up benchmark: the wall time and peak memory of a one-probe script
# on a target that returns at once, from exec'ing the tracer until it has
# exited, i.e. compile, load, attach, the target's run, detach and exit.
# bpftrace runs the same probe beside it when it is installed.
#
#   tests/bench/startup.sh [-n N] [--uscript PATH] [--no-bpftrace]
#
# Needs root (BPF) and a C compiler ($CC, default cc).  See tests/bench/README.
set -u

usage() {
	cat <<'EOF'
Usage: startup.sh [-n N] [--uscript PATH] [--no-bpftrace]

  -n N            measured runs per tool, after one warm-up run (default 20)
  --uscript PATH  the uscript to measure (default: $BUILDDIR/uscript, with
                  BUILDDIR the current directory, else the first on PATH)
  --no-bpftrace   measure uscript alone
  -h, --help      print this help
EOF
}

# shellcheck source=tests/bench/common.sh
. "$(dirname "$0")/common.sh"

runs=20
while [ $# -gt 0 ]; do
	bench_option "$@"
	[ "$taken" = 0 ] || { shift "$taken"; continue; }
	case $1 in
	-n)
		[ $# -ge 2 ] || die "-n needs a number"
		runs=$2
		shift 2 ;;
	-n*)
		runs=${1#-n}
		shift ;;
	*)
		bad_option ;;
	esac
done
number -n "$runs"
bench_setup

# ---- the targets, -O0 -g, as the e2e tests build theirs ----
[ -f "$src/tests/bench/targets/once.c" ] || die "no $src/tests/bench/targets/once.c"
for c in "$src"/tests/bench/targets/*.c; do
	build "$(basename "$c" .c)" "$c" -O0 -g
done
target=$work/once

# ---- measure (measure.c): runs a command and appends one line to a file,
#   wall_us maxrss_kb status settled_us t0_ns
# the time to the command's exit, its peak memory, and the time until
# every process it left behind has gone, so that no run's leftovers slow
# down the next one's attach. ----
build measure "$src/tests/bench/measure.c" -O2

# ---- the tools and what each must print when the probe fired once ----
us_script="global n; probe process(\"$target\").function(\"f\") { n++ }"
bt_script="uprobe:$target:f { @n = count(); }"

# shellcheck disable=SC2034  # used through the nameref in measure()
cmd_uscript=("$uscript" -e "$us_script" -c "$target")
# shellcheck disable=SC2034
cmd_bpftrace=("$bpftrace" -e "$bt_script" -c "$target")
# uscript prints a global written but never read when it stops, as SystemTap does.
fired_uscript() { [ "$(cat "$1")" = "n=1" ]; }
fired_bpftrace() { grep -qx '@n: 1' "$1"; }

# measure TOOL: one warm-up run and $runs measured ones, each given 60 s;
# every run must exit 0 and show that the probe fired once.  Leaves the statistics in $work/TOOL.stats.
measure() {
	local tool=$1 i status
	local -n cmd=cmd_$tool
	rm -f "$work/$tool.stats"
	for ((i = 0; i <= runs; i++)); do
		"$work/measure" "$work/$tool.stats" 60 "${cmd[@]}" >"$work/out" 2>"$work/err"
		status=$?
		if [ "$status" != 0 ] || ! "fired_$tool" "$work/out"; then
			echo "$me: $tool did not run the probe (run $i, exit status $status)" >&2
			echo "  command:$(printf " %q" "${cmd[@]}")" >&2
			echo "  stdout:" >&2
			sed 's/^/    /' "$work/out" | head -20 >&2
			echo "  stderr:" >&2
			sed 's/^/    /' "$work/err" | head -20 >&2
			return 1
		fi
		# The warm-up run fills the page cache and is not counted.
		[ "$i" = 0 ] && rm -f "$work/$tool.stats"
	done
	return 0
}

# median COLUMN FILE: the median of one column, the mean of the middle two
# for an even count.
median() {
	awk -v c="$1" '{ print $c }' "$2" | median_of
}

measure uscript || exit 1
us_wall=$(median 1 "$work/uscript.stats")
us_rss=$(median 2 "$work/uscript.stats")
us_settled=$(median 4 "$work/uscript.stats")
bt_ok=0
if [ -n "$bpftrace" ]; then
	if measure bpftrace; then
		bt_ok=1
		bt_wall=$(median 1 "$work/bpftrace.stats")
		bt_rss=$(median 2 "$work/bpftrace.stats")
		bt_settled=$(median 4 "$work/bpftrace.stats")
	else
		echo "$me: leaving bpftrace out" >&2
	fi
fi

row() { # tool wall_us rss_kb settled_us
	awk -v t="$1" -v w="$2" -v r="$3" -v s="$4" \
		'BEGIN { printf "%-9s %8.1f %13.1f %12.1f\n", t, w / 1000, r / 1024, s / 1000 }'
}
echo "start-up, one probe, -c on a target that returns at once ($runs runs, medians)"
printf '%-9s %8s %13s %12s\n' tool "wall ms" "peak RSS MB" "settled ms"
row uscript "$us_wall" "$us_rss" "$us_settled"
if [ "$bt_ok" = 1 ]; then
	row bpftrace "$bt_wall" "$bt_rss" "$bt_settled"
	awk -v uw="$us_wall" -v ur="$us_rss" -v bw="$bt_wall" -v br="$bt_rss" \
		'BEGIN { printf "ratio (bpftrace/uscript): wall %.1f, memory %.1f\n", bw / uw, br / ur }'
fi
