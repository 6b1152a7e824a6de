# SPDX-License-Identifier: GPL-2.0-or-later
# common.sh — what every benchmark script shares, sourced before its
# options are read: die, the options every benchmark takes, the check of a
# count given as an option, building the programs it runs (targets and the
# timing programs beside the scripts), medians, and bench_setup, which,
# once the options are read, finds uscript and bpftrace and makes a work
# directory.  A script defines usage() and then uses `uscript` (empty for
# the default) and `use_bpftrace` (1 to compare with bpftrace); after
# bench_setup, src, BUILDDIR, CC, uscript, bpftrace and work are set.

# shellcheck shell=bash
# shellcheck disable=SC2034  # what the sourcing script uses
me=$(basename "$0")
src=$(cd "$(dirname "$0")/../.." && pwd)
: "${BUILDDIR:=$PWD}"
: "${CC:=cc}"
uscript=
use_bpftrace=1

die() {
	echo "$me: $*" >&2
	exit 1
}

# bench_option ARG...: takes the option at the head of ARGs if every
# benchmark has it (--uscript PATH, --uscript=PATH, --no-bpftrace, -h,
# --help) and sets `taken` to the number of arguments it took; 0 leaves
# the option to the script.
bench_option() {
	taken=0
	case $1 in
	--uscript)
		[ $# -ge 2 ] || die "--uscript needs a path"
		uscript=$2
		taken=2 ;;
	--uscript=*)
		uscript=${1#--uscript=}
		taken=1 ;;
	--no-bpftrace)
		use_bpftrace=0
		taken=1 ;;
	-h | --help)
		usage
		exit 0 ;;
	esac
}

# bad_option: what a script does with an option no one takes.
bad_option() {
	usage >&2
	exit 2
}

# number OPTION VALUE: VALUE must be a positive whole number.
number() {
	[[ $2 =~ ^[1-9][0-9]*$ ]] || die "$1 wants a positive whole number, not '$2'"
}

# build NAME SOURCE [FLAG...]: compiles SOURCE with $CC into $work/NAME,
# the flags (libraries too) after the source.
build() {
	$CC -o "$work/$1" "$2" "${@:3}" || die "cannot build $2 with $CC${3:+ ${*:3}}"
}

# first_insn PROGRAM FUNCTION: FUNCTION's first instruction, as objdump
# prints it ("push %rbp"): whether the kernel emulates it at a uprobe or
# single-steps it decides much of what a hit costs.
first_insn() {
	objdump -d --no-show-raw-insn "$1" |
		awk -v fn="$2" '$0 ~ ("^[0-9a-f]+ <" fn ">:$") { getline; sub(/^[ \t]*[0-9a-f]+:[ \t]*/, ""); gsub(/[ \t]+/, " "); print; exit }'
}

# median_of: the median of the numbers on standard input, one a line, the
# mean of the middle two for an even count.
median_of() {
	sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

bench_setup() {
	if [ -z "$uscript" ]; then
		if [ -x "$BUILDDIR/uscript" ]; then
			uscript=$BUILDDIR/uscript
		elif command -v uscript >/dev/null; then
			uscript=$(command -v uscript)
		else
			die "no uscript in $BUILDDIR or on PATH; run from the build directory, or give --uscript PATH"
		fi
	fi
	[ -x "$uscript" ] || die "$uscript is not an executable file"
	case $uscript in /*) ;; *) uscript=$PWD/$uscript ;; esac
	[ "$(id -u)" = 0 ] || echo "$me: not root; uscript and bpftrace need root (or CAP_BPF and CAP_PERFMON) to attach probes" >&2

	bpftrace=
	if [ "$use_bpftrace" = 1 ]; then
		if command -v bpftrace >/dev/null; then
			bpftrace=$(command -v bpftrace)
		else
			echo "$me: bpftrace is not installed; measuring uscript alone" >&2
		fi
	fi

	work=$(mktemp -d "${TMPDIR:-/tmp}/uscript-bench.XXXXXX") || die "cannot make a temporary directory"
	trap 'rm -rf "$work"' EXIT
	# Both tracers split -c's command at white space.
	case $work in *[[:space:]]*) die "the temporary directory '$work' has white space in its name; set TMPDIR" ;; esac
}
