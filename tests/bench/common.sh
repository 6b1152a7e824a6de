# common.sh — what every benchmark script does first, sourced after its
# options are read: find uscript and bpftrace, make a work directory.
# Expects `me` (the script's name), `uscript` (empty for the default) and
# `use_bpftrace` (1 to compare with bpftrace); sets src, BUILDDIR, CC,
# uscript, bpftrace and work.

src=$(cd "$(dirname "$0")/../.." && pwd)
: "${BUILDDIR:=$PWD}"
: "${CC:=cc}"

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
