#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# What a printed user stack costs per hit: print_ubacktrace() on f() of
# targets/loop.c (-O0, entry push %rbp), with the stack walked by frame
# pointers alone (-D USTACK_BYTES=0) and with the registers and the top of
# the stack copied for unwinding by call-frame information (-D
# USTACK_BYTES=2048 and the default 8192).  The figure is the target's own:
# the median over its chunks of f() less e(), e() having an empty probe,
# so it is what the body costs (see perhit.sh).  The ring buffer is made
# large enough (-s) that no record is dropped: a dropped one costs less.
#
#   tests/bench/stacks.sh [-n N] [-r R] [--uscript PATH]
#
# Needs root (BPF) and a C compiler ($CC, default cc).  See tests/bench/README.
set -u

usage() {
	cat <<'EOF2'
Usage: stacks.sh [-n N] [-r R] [--uscript PATH]

  -n N            calls of the probed function per run (default 20000)
  -r R            runs per case (default 5)
  --uscript PATH  the uscript to measure (default: $BUILDDIR/uscript, with
                  BUILDDIR the current directory, else the first on PATH)
  -h, --help      print this help
EOF2
}

# shellcheck source=tests/bench/common.sh
. "$(dirname "$0")/common.sh"

calls=20000
runs=5
use_bpftrace=0
while [ $# -gt 0 ]; do
	bench_option "$@"
	[ "$taken" = 0 ] || { shift "$taken"; continue; }
	case $1 in
	-n | -r)
		[ $# -ge 2 ] || die "$1 needs a number"
		if [ "$1" = -n ]; then calls=$2; else runs=$2; fi
		shift 2 ;;
	*)
		bad_option ;;
	esac
done
number -n "$calls"
number -r "$runs"
use_bpftrace=0
bench_setup
build loop "$src/tests/bench/targets/loop.c" -O0 -g
target=$work/loop
# records of up to 8.5 KiB each, all kept
mb=$((calls * 9 / 1024 + 2))
p=1
while [ "$p" -lt "$mb" ]; do p=$((p * 2)); done
script="probe process(\"$target\").function(\"e\") { } probe process(\"$target\").function(\"f\") { print_ubacktrace() }"

printf 'print_ubacktrace() per hit: %d calls of f(), %d runs per case, medians (us/hit over an empty probe)\n' \
	"$calls" "$runs"
declare -A med
for bytes in 0 2048 8192; do
	: >"$work/fe"
	for ((r = 0; r < runs; r++)); do
		rm -f "$work/out"
		"$uscript" -s "$p" -D USTACK_BYTES=$bytes -e "$script" -c "$target $calls $work/out" \
			>"$work/stdout" 2>"$work/stderr" || die "uscript failed: $(head -3 "$work/stderr")"
		grep -q . "$work/stderr" && die "uscript: $(head -3 "$work/stderr")"
		lines=$(grep -c ' : f+0x0/' "$work/stdout")
		[ "$lines" = "$calls" ] || die "USTACK_BYTES=$bytes: $lines stacks printed, not $calls"
		read -r _ _ _ _ fe _ <"$work/out"
		echo "$fe" >>"$work/fe"
	done
	med[$bytes]=$(median_of <"$work/fe")
	printf '  USTACK_BYTES=%-5s %8.3f\n' "$bytes" "$(echo "${med[$bytes]}" | awk '{ print $1 / 1000 }')"
done
awk -v a="${med[2048]}" -v b="${med[8192]}" -v fp="${med[0]}" \
	'BEGIN { printf "  ratio to frame pointers: %.1f (2048), %.1f (8192)\n", a / fp, b / fp }'
