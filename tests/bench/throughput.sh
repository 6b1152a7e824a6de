#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The output-throughput benchmark: a target calls line() N times as fast as
# it can, from one thread and from two, and the probe prints one short line
# per call, the same line in uscript and (when it is installed) bpftrace:
#
#   uscript  probe process("T").function("line") { printf("%d %s\n", int_arg(1), "x") }
#   bpftrace uprobe:T:line { printf("%d %s\n", arg0, "x"); }
#
# For each run it counts the lines delivered, the lines the tracer says it
# lost, and those it neither delivered nor counted, and times the whole run.
# The target is built twice: -O0, where line() begins with push %rbp (the
# kernel emulates it), and -O0 -fomit-frame-pointer, where it begins with a
# store the kernel must single-step (tests/targets/flood.c).
#
#   tests/bench/throughput.sh [-n N] [-r R] [--uscript PATH] [--no-bpftrace] [--no-single-step] [--raw]
#
# Needs root (BPF) and a C compiler ($CC, default cc).  See tests/bench/README.
set -u

usage() {
	cat <<'EOF'
Usage: throughput.sh [-n N] [-r R] [--uscript PATH] [--no-bpftrace] [--no-single-step] [--raw]

  -n N              calls of line() per run, over all threads (default 1000000)
  -r R              measured runs per case, after one warm-up round (default 3)
  --uscript PATH    the uscript to measure (default: $BUILDDIR/uscript, with
                    BUILDDIR the current directory, else the first on PATH)
  --no-bpftrace     measure uscript alone
  --no-single-step  leave out the target whose line() is single-stepped
  --raw             print every run's figures too
  -h, --help        print this help
EOF
}

# shellcheck source=tests/bench/common.sh
. "$(dirname "$0")/common.sh"

calls=1000000
runs=3
single_step=1
raw=
while [ $# -gt 0 ]; do
	bench_option "$@"
	[ "$taken" = 0 ] || { shift "$taken"; continue; }
	case $1 in
	-n | -r)
		[ $# -ge 2 ] || die "$1 needs a number"
		if [ "$1" = -n ]; then calls=$2; else runs=$2; fi
		shift 2 ;;
	--no-single-step)
		single_step=
		shift ;;
	--raw)
		raw=1
		shift ;;
	*)
		bad_option ;;
	esac
done
number -n "$calls"
number -r "$runs"
[ $((calls % 2)) = 0 ] || die "-n wants an even number: two threads make half the calls each"
bench_setup

build settle "$src/tests/bench/settle.c" -O2

# ---- the targets: one line() whose first instruction is emulated, one whose
# first instruction is single-stepped; objdump says which they are ----
kinds=(emulated)
[ -n "$single_step" ] && kinds+=(stepped)
flags_emulated="-O0 -g"
flags_stepped="-O0 -g -fomit-frame-pointer"
command -v objdump >/dev/null || die "objdump is needed to check how line() begins"
for k in "${kinds[@]}"; do
	f=flags_$k
	# shellcheck disable=SC2086
	build "flood_$k" "$src/tests/targets/flood.c" ${!f} -lpthread
	insn=$(first_insn "$work/flood_$k" line)
	case $k:$insn in
	emulated:"push %rbp") ;;
	emulated:*) die "line() built ${!f} begins with '$insn', not push %rbp" ;;
	stepped:"push "* | stepped:nop* | stepped:"jmp "* | stepped:"call "* | stepped:"" )
		die "line() built ${!f} begins with '$insn', which the kernel may emulate" ;;
	esac
	eval "insn_$k=\$insn"
done

# ---- the cases: KIND THREADS TOOL ----
us_script() { echo "probe process(\"$1\").function(\"line\") { printf(\"%d %s\\n\", int_arg(1), \"x\") }"; }
bt_script() { echo "uprobe:$1:line { printf(\"%d %s\\n\", arg0, \"x\"); }"; }
tools=(bare uscript)
[ -n "$bpftrace" ] && tools+=(bpftrace)
cases=()
for k in "${kinds[@]}"; do
	for th in 1 2; do
		for tool in "${tools[@]}"; do
			cases+=("$k:$th:$tool")
		done
	done
done

# lost FILE TOOL: the lines the tool says it lost, summed.  uscript ends with
# "WARNING: Number of events lost: N" on stderr; bpftrace prints "Lost N
# events" among its output, as often as it notices.
lost() {
	if [ "$2" = uscript ]; then
		sed -n 's/^WARNING: Number of events lost: \([0-9]*\)$/\1/p' "$1" | awk '{ n += $1 } END { print n + 0 }'
	else
		sed -n 's/^Lost \([0-9]*\) events$/\1/p' "$1" | awk '{ n += $1 } END { print n + 0 }'
	fi
}

# run CASE ROUND: one run; appends "ROUND DELIVERED LOST WALL_NS MISSING" to
# $work/CASE.runs, or says why the case failed ($work/CASE.na).
failures=0
run() {
	local k th tool target cmd status delivered nlost wall id each
	IFS=: read -r k th tool <<<"$1"
	id=${1//:/_}
	target=$work/flood_$k
	each=$((calls / th))
	case $tool in
	bare) cmd=("$target" "$each" "$th") ;;
	uscript) cmd=("$uscript" -e "$(us_script "$target")" -c "$target $each $th") ;;
	bpftrace) cmd=("$bpftrace" -e "$(bt_script "$target")" -c "$target $each $th") ;;
	esac
	"$work/settle" -t "$work/wall" "${cmd[@]}" >"$work/stdout" 2>"$work/stderr"
	status=$?
	if [ "$status" != 0 ]; then
		echo "exit status $status, $(grep -m1 . "$work/stderr")" >"$work/$id.na"
		{
			echo "throughput.sh: $tool on $k, $th thread(s) failed in run $2 (exit status $status)"
			echo "  command:$(printf " %q" "${cmd[@]}")"
			sed 's/^/    /' "$work/stderr" | head -10
		} >&2
		failures=$((failures + 1))
		return
	fi
	wall=$(cat "$work/wall")
	delivered=0 nlost=0
	if [ "$tool" != bare ]; then
		delivered=$(grep -Ecx '[0-9]+ x' "$work/stdout")
		nlost=$(lost "$work/$([ "$tool" = uscript ] && echo stderr || echo stdout)" "$tool")
		# More than every call is a bug in any tool; uscript promises
		# that what it did not deliver, it counted.
		if [ $((delivered + nlost)) -gt "$calls" ] ||
		   { [ "$tool" = uscript ] && [ $((delivered + nlost)) != "$calls" ]; }; then
			echo "throughput.sh: COUNT MISMATCH: $tool on $k, $th thread(s), run $2: $delivered delivered + $nlost lost, want $calls" >&2
			echo "$2" >>"$work/$id.bad"
			failures=$((failures + 1))
		fi
	fi
	echo "$2 $delivered $nlost $wall $((calls - delivered - nlost))" >>"$work/$id.runs"
	[ -n "$raw" ] && [ "$2" != 0 ] &&
		printf 'run %d %-8s %-8s %d thread(s): %d delivered, %d lost, %.3f s\n' \
			"$2" "$tool" "$k" "$th" "$delivered" "$nlost" "$(echo "$wall" | awk '{ print $1 / 1e9 }')"
	return 0
}

for ((round = 0; round <= runs; round++)); do
	for c in "${cases[@]}"; do
		[ -e "$work/${c//:/_}.na" ] && continue
		run "$c" "$round"
	done
	[ "$round" = 0 ] && rm -f "$work"/*.runs "$work"/*.bad
done

# ---- the table: medians over the measured runs ----
# median COLUMN FILE
median() {
	awk -v c="$1" '$1 > 0 { print $c }' "$2" | median_of
}
range() {
	awk -v c="$1" '$1 > 0 { if (n++ == 0 || $c < lo) lo = $c; if ($c > hi) hi = $c } END { print hi - lo }' "$2"
}

echo "throughput: $calls calls of line(), one printf line each, tracer run with -c; $runs runs per case after a warm-up, medians"
for k in "${kinds[@]}"; do
	f=flags_$k i=insn_$k
	echo "  $k: line() built ${!f} begins with ${!i}"
done
printf '%-24s %7s %10s %10s %10s %8s %8s\n' case threads delivered lost missing "wall s" "range s"
for c in "${cases[@]}"; do
	IFS=: read -r k th tool <<<"$c"
	id=${c//:/_}
	label=$(printf '%-8s %s' "$tool" "$k")
	if [ -e "$work/$id.na" ]; then
		printf '%-24s %7s  not available (%s)\n' "$label" "$th" "$(cat "$work/$id.na")"
		continue
	fi
	wall=$(median 4 "$work/$id.runs")
	rng=$(range 4 "$work/$id.runs")
	if [ "$tool" = bare ]; then
		printf '%-24s %7s %10s %10s %10s %8.3f %8.3f\n' "$label" "$th" - - - \
			"$(awk -v w="$wall" 'BEGIN { print w / 1e9 }')" "$(awk -v r="$rng" 'BEGIN { print r / 1e9 }')"
		continue
	fi
	d=$(median 2 "$work/$id.runs")
	l=$(median 3 "$work/$id.runs")
	m=$(median 5 "$work/$id.runs")
	mark=
	[ -e "$work/$id.bad" ] && mark="  COUNT MISMATCH"
	printf '%-24s %7s %10.0f %10.0f %10.0f %8.3f %8.3f%s\n' "$label" "$th" "$d" "$l" "$m" \
		"$(awk -v w="$wall" 'BEGIN { print w / 1e9 }')" "$(awk -v r="$rng" 'BEGIN { print r / 1e9 }')" "$mark"
done

if [ "$failures" != 0 ]; then
	echo "throughput.sh: $failures run(s) failed or miscounted: see above" >&2
	exit 1
fi
exit 0
