#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The per-hit benchmark: what one uprobe hit costs the traced program, for an
# empty probe and for a counter, a statistic and an array keyed by tid, under
# uscript and (when it is installed) bpftrace.  The target calls f() N times
# in a tight loop and times the calls itself, so the tracers' start-up and
# shut-down are not counted; it times them beside calls of e(), which has
# the same tracer's empty probe, and of g(), which has none, for figures
# that hold up while the machine's speed drifts (targets/loop.c).
#
#   tests/bench/perhit.sh [-n N] [-r R] [--uscript PATH] [--no-bpftrace] [--head-to-head] [--raw]
#
# Needs root (BPF) and a C compiler ($CC, default cc).  See tests/bench/README.
# The probe bodies and the checks are reached through names built at run
# time (${!name}, "check_$id"), which shellcheck cannot follow.
# shellcheck disable=SC2034,SC2317
set -u

usage() {
	cat <<'EOF'
Usage: perhit.sh [-n N] [-r R] [--uscript PATH] [--no-bpftrace] [--head-to-head] [--raw]

  -n N            calls of the probed function per run (default 1000000)
  -r R            measured runs per case, after one warm-up round (default 5)
  --uscript PATH  the uscript to measure (default: $BUILDDIR/uscript, with
                  BUILDDIR the current directory, else the first on PATH)
  --no-bpftrace   measure uscript alone
  --head-to-head  also run uscript and bpftrace at once on one target, each
                  probing one function, for the pairs' difference
  --raw           print every run's time too
  -h, --help      print this help
EOF
}

# shellcheck source=tests/bench/common.sh
. "$(dirname "$0")/common.sh"

calls=1000000
runs=5
raw=
h2h=
while [ $# -gt 0 ]; do
	bench_option "$@"
	[ "$taken" = 0 ] || { shift "$taken"; continue; }
	case $1 in
	-n | -r)
		[ $# -ge 2 ] || die "$1 needs a number"
		if [ "$1" = -n ]; then calls=$2; else runs=$2; fi
		shift 2 ;;
	-n*)
		calls=${1#-n}
		shift ;;
	-r*)
		runs=${1#-r}
		shift ;;
	--raw)
		raw=1
		shift ;;
	--head-to-head)
		h2h=1
		shift ;;
	*)
		bad_option ;;
	esac
done
number -n "$calls"
number -r "$runs"
bench_setup

# ---- the target, -O0 -g, as the e2e tests build theirs ----
[ -f "$src/tests/bench/targets/loop.c" ] || die "no $src/tests/bench/targets/loop.c"
build loop "$src/tests/bench/targets/loop.c" -O0 -g
target=$work/loop

# What the kernel does at a hit depends on the probed instruction: push %rbp
# is emulated, most others are single-stepped, at ten times the cost.
entry="not checked (no objdump)"
if command -v objdump >/dev/null; then
	entry=$(first_insn "$target" f)
	if [ "$entry" = "push %rbp" ]; then
		entry="push %rbp, emulated"
	else
		echo "perhit.sh: f() begins with '$entry', not push %rbp: the kernel may single-step it, and that cost hides the probes' own" >&2
		entry="'$entry', NOT push %rbp"
	fi
fi

# ---- settle (settle.c): runs a command and waits for every process it left
# behind, such as uscript's child that releases its uprobe links, so no run
# starts before the last one's leftovers are done. ----
build settle "$src/tests/bench/settle.c" -O2

# ---- the cases ----
# Each has a label, a command, and a check of the tracer's output: the check
# gets the tracer's stdout and the target's pid (= its tid), and returns 0 if
# the expected line is there with the exact count, 1 if it is missing (the
# case is then "not available"), 2 if it is there with another count (lost
# or extra hits: a bug, reported loudly).
out=$work/target.out
tcmd="$target $calls $out"
cases=()
add_case() { # id label command...
	local id=$1
	cases+=("$id")
	eval "label_$id=\$2"
	shift 2
	eval "cmd_$id=(\"\$@\")"
}

# Every traced case probes f() with its body and e() with an empty probe
# (for the empty case both are empty: f()'s time less e()'s then shows how
# near zero the method comes); g() is never probed.  The probe bodies, and
# the globals uscript's need (used through ${!name}):
us_body_empty="{ }" us_decl_empty=
us_body_count="{ c++ }" us_decl_count="global c;"
us_body_stat="{ s <<< 1 }" us_decl_stat="global s;"
us_body_tid="{ a[tid()]++ }" us_decl_tid="global a;"
bt_body_empty="{}"
bt_body_count="{ @c = count(); }"
bt_body_tid="{ @[tid] = count(); }"
# us_script FUNC BODY [EMPTY]: uscript's script with BODY on FUNC (and an
# empty probe on EMPTY); bt_script likewise for bpftrace.
us_script() {
	local d=us_decl_$2 b=us_body_$2 e=
	[ -n "${3:-}" ] && e="probe process(\"$target\").function(\"$3\") { } "
	echo "${!d}${!d:+ }${e}probe process(\"$target\").function(\"$1\") ${!b}"
}
bt_script() {
	local b=bt_body_$2 e=
	[ -n "${3:-}" ] && e="uprobe:$target:$3 {} "
	echo "${e}uprobe:$target:$1 ${!b}"
}

add_case bare "bare" "$target" "$calls" "$out"
for k in empty count stat tid; do
	b=us_body_$k
	add_case "us_$k" "uscript  ${!b}" "$uscript" -e "$(us_script f $k e)" -c "$tcmd"
done
if [ -n "$bpftrace" ]; then
	for k in empty count tid; do
		b=bt_body_$k
		add_case "bt_$k" "bpftrace ${!b}" "$bpftrace" -e "$(bt_script f $k e)" -c "$tcmd"
	done
fi

# expect FILE PATTERN WANT: PATTERN (an extended regular expression whose
# first group is the count) must match a whole line, with WANT as the count.
# Sets $got to what was found.
expect() {
	local line
	line=$(grep -E -x -m1 "$2" "$1") || { got="no line matching /$2/"; return 1; }
	got=$line
	[[ $line =~ $2 ]] && [ "${BASH_REMATCH[1]}" = "$3" ] || return 2
}
# expect_key FILE PATTERN ANY: as expect, but when PATTERN is missing and
# lines matching ANY are there (the counts went under another key), that is
# a wrong count too.
expect_key() {
	expect "$1" "$2" "$calls"
	local rc=$?
	[ "$rc" = 1 ] && grep -Eqx "$3" "$1" || return "$rc"
	got="$(grep -Ex "$3" "$1" | head -3 | tr '\n' ' ')but no line matching /$2/"
	return 2
}
check_bare() { return 0; }
check_us_empty() { return 0; }
check_bt_empty() { return 0; }
check_us_count() { expect "$1" 'c=([0-9]+)' "$calls"; }
check_us_tid() { expect_key "$1" "a\\[$2\\]=([0-9]+)" 'a\[[0-9]+\]=[0-9]+'; }
check_bt_count() { expect "$1" '@c: ([0-9]+)' "$calls"; }
check_bt_tid() { expect_key "$1" "@\\[$2\\]: ([0-9]+)" '@\[[0-9]+\]: [0-9]+'; }
# SystemTap prints a statistic written and never read as
#   s @count=N @min=1 @max=1 @sum=N @avg=1
# so the count must be N, and the sum too when it is printed.
check_us_stat() {
	expect "$1" 's @count=([0-9]+)( .*)?' "$calls" || return
	if [[ $got =~ @sum=([0-9]+) ]] && [ "${BASH_REMATCH[1]}" != "$calls" ]; then
		return 2
	fi
	return 0
}

# run ID ROUND: one run of a case; appends "ROUND F E G FE FG" to
# $work/ID.ns (what the target printed: nanoseconds in f(), e() and g(), and
# the medians over its chunks of f() less e() and f() less g(), nanoseconds
# per call), or marks the case unavailable ($work/ID.na) or miscounted
# ($work/ID.bad) with the reason.
failures=0
run() {
	local id=$1 round=$2 status pid ns rc lv=label_$1
	local -n cmd=cmd_$id
	rm -f "$out"
	"$work/settle" "${cmd[@]}" >"$work/stdout" 2>"$work/stderr"
	status=$?
	if [ "$status" = 0 ] && [ -s "$out" ]; then
		read -r pid ns <"$out"	# ns: "F E G FE FG"
		"check_$id" "$work/stdout" "$pid"
		rc=$?
	else
		rc=1
		got="exit status $status"
		# The first error message says why, e.g. "... is not supported yet".
		local why
		why=$(grep -m1 -o "error: .*" "$work/stderr")
		[ -n "$why" ] && got="$got, $why"
		[ "$status" = 0 ] && got="the target did not finish"
	fi
	case $rc in
	0)
		echo "$round $ns" >>"$work/$id.ns"
		return 0 ;;
	2)
		# Wrong count: the time is still measured, but the case is flagged.
		echo "$round $ns" >>"$work/$id.ns"
		echo "run $round: $got (want $calls)" >>"$work/$id.bad"
		echo "perhit.sh: COUNT MISMATCH in '${!lv}', run $round: $got, want $calls" >&2
		failures=$((failures + 1))
		return 0 ;;
	esac
	if [ "$round" = 0 ]; then
		echo "$got" >"$work/$id.na"
	else
		# It worked in the warm-up round and failed now: that is a bug too.
		echo "failed in run $round: $got" >"$work/$id.na"
		failures=$((failures + 1))
	fi
	{
		echo "perhit.sh: '${!lv}' is not available (run $round, $got)"
		echo "  command:$(printf " %q" "${cmd[@]}")"
		echo "  stdout:"
		sed 's/^/    /' "$work/stdout" | head -10
		echo "  stderr:"
		sed 's/^/    /' "$work/stderr" | head -10
	} >&2
	return 1
}

# One warm-up round (not counted; it finds the cases that don't work), then
# the measured rounds, each running every case once, so a drift in the
# machine's speed touches all cases alike.
for ((round = 0; round <= runs; round++)); do
	for id in "${cases[@]}"; do
		[ -e "$work/$id.na" ] && continue
		run "$id" "$round"
	done
	[ "$round" = 0 ] && rm -f "$work"/*.ns
done

# ---- head to head ----
# bpftrace runs in the background with its probe on one of f() and e(), and
# uscript -c with its probe on the other; then the other way round.  f()
# less e() in the one run, less the same in the other, halved, is what
# uscript's probe costs above bpftrace's, both measured in the same run (the
# two ways cancel what the functions' places may do).  uprobes are set on
# the file, so bpftrace's probe fires in the target uscript starts.
#
# bt_stop PID: stop a bpftrace with SIGINT, as often as it takes: bpftrace
# 0.17 misses a SIGINT that comes just before it waits for events.
bt_stop() {
	local i
	for ((i = 0; i < 100; i++)); do
		kill -INT "$1" 2>/dev/null || break
		sleep 0.1
		kill -0 "$1" 2>/dev/null || break
	done
	kill -0 "$1" 2>/dev/null && kill -KILL "$1"
	wait "$1"
}
# h2h_run KIND UF ROUND appends "ROUND NS" (uscript less bpftrace, ns per
# call, already signed) to $work/h2h_KIND.ns.
h2h_run() {
	local k=$1 uf=$2 round=$3 bf=e bp i status pid fe rc
	[ "$uf" = e ] && bf=f
	# The redirections happen in the child, after the fork: the files of
	# the last run must be gone first.
	rm -f "$out" "$work/bt.out" "$work/bt.err"
	# BEGIN runs once every probe is attached.
	"$bpftrace" -e "BEGIN { printf(\"ready\\n\"); } $(bt_script "$bf" "$k")" \
		>"$work/bt.out" 2>"$work/bt.err" &
	bp=$!
	for ((i = 0; i < 600; i++)); do
		grep -qsx ready "$work/bt.out" && break
		kill -0 "$bp" 2>/dev/null || break
		sleep 0.05
	done
	if ! grep -qsx ready "$work/bt.out"; then
		bt_stop "$bp"
		# (leaving out its usual complaints: rlimit, tracefs)
		got="bpftrace did not start: $(grep -s -v -e RLIMIT_MEMLOCK -e uprobe_events \
			-e 'failed to detach' "$work/bt.err" | head -1)"
		return 1
	fi
	"$work/settle" "$uscript" -e "$(us_script "$uf" "$k")" -c "$tcmd" >"$work/stdout" 2>"$work/stderr"
	status=$?
	bt_stop "$bp"
	if [ "$status" != 0 ] || ! [ -s "$out" ]; then
		got="uscript: exit status $status $(grep -m1 -o "error: .*" "$work/stderr")"
		return 1
	fi
	read -r pid _ _ _ fe _ <"$out"
	"check_us_$k" "$work/stdout" "$pid"
	rc=$?
	[ "$rc" = 0 ] || { got="uscript: $got"; return "$rc"; }
	"check_bt_$k" "$work/bt.out" "$pid"
	rc=$?
	[ "$rc" = 0 ] || { got="bpftrace: $got"; return "$rc"; }
	[ "$uf" = e ] && fe=$(awk -v v="$fe" 'BEGIN { print -v }')
	echo "$round $fe" >>"$work/h2h_$k.ns"
}
if [ -n "$h2h" ] && [ -n "$bpftrace" ]; then
	for ((round = 1; round <= runs; round++)); do
		for k in empty count tid; do
			[ -e "$work/us_$k.na" ] || [ -e "$work/bt_$k.na" ] || [ -e "$work/h2h_$k.na" ] && continue
			for uf in f e; do
				h2h_run "$k" "$uf" "$round" && continue
				rc=$?
				echo "round $round, uscript on $uf(): $got" >"$work/h2h_$k.na"
				what=failed
				[ "$rc" = 2 ] && what="COUNT MISMATCH"
				echo "perhit.sh: head to head, $k: $what in round $round, uscript on $uf(): $got" >&2
				failures=$((failures + 1))
				break
			done
		done
	done
fi

# ---- the figures ----
# $work/ID.ns has "ROUND F E G FE FG" lines (see run).  stat WHAT ID [ID2]:
# a value per run of ID, in microseconds per call: WHAT is "time" (F / N),
# "bare" (FG, what f()'s probe costs above an unprobed call) or "empty" (FE,
# what f()'s probe costs above an empty one); with ID2, less ID2's value in
# the same round.  Prints the median and the range (max - min) of those.
stat() {
	local f files=()
	for f in "${@:2}"; do
		[ -s "$work/$f.ns" ] && [ ! -e "$work/$f.na" ] || return 0
		files+=("$work/$f.ns")
	done
	awk -v n="$calls" -v what="$1" -v k=$(($# - 1)) '
		FNR == 1 { i++ }
		{
			v = what == "bare" ? $6 * n : what == "empty" ? $5 * n : $2
			t[$1] += i == 1 ? v : -v
			seen[$1]++
		}
		END {
			m = 0
			for (r in seen)
				if (seen[r] == k)
					d[++m] = t[r] / n / 1000
			if (m == 0) exit
			for (a = 2; a <= m; a++)	# insertion sort: m is small
				for (b = a; b > 1 && d[b - 1] > d[b]; b--) { x = d[b]; d[b] = d[b - 1]; d[b - 1] = x }
			printf "%.6f %.6f\n", m % 2 ? d[(m + 1) / 2] : (d[m / 2] + d[m / 2 + 1]) / 2, d[m] - d[1]
		}' "${files[@]}"
}
# fig WHAT ID [ID2]: the median, 3 decimals (a sign too with SIGN=+), or n/a.
fig() {
	local s
	s=$(stat "$@")
	if [ -z "$s" ]; then echo n/a; return; fi
	# (no "-0.000": round first)
	awk -v v="${s%% *}" -v p="${SIGN:-}" 'BEGIN { v = sprintf("%.3f", v) + 0; printf(p == "+" ? "%+.3f" : "%.3f", v) }'
}
# range WHAT ID: the range, 3 decimals.
range() {
	local s
	s=$(stat "$@")
	awk -v v="${s##* }" 'BEGIN { printf "%.3f", v }'
}

[ -e "$work/bare.na" ] && die "the bare run of the target failed: $(cat "$work/bare.na")"

echo "per-hit cost: $calls calls of f() (entry: $entry), $runs runs per case, medians"
printf '%-31s %9s %9s %9s %9s\n' "" "f() ms" "us/hit" "us/hit" "range"
printf '%-31s %9s %9s %9s %9s\n' case "" "over bare" "over empty" "over empty"
for id in "${cases[@]}"; do
	lv=label_$id
	if [ -e "$work/$id.na" ]; then
		printf '%-31s %s\n' "${!lv}" "not available ($(head -1 "$work/$id.na"))"
		continue
	fi
	ms=$(stat time "$id")
	ms=$(awk -v v="${ms%% *}" -v n="$calls" 'BEGIN { printf "%.1f", v * n / 1000 }')
	if [ "$id" = bare ]; then
		printf '%-31s %9s %9s %9s %9s\n' "${!lv}" "$ms" - - -
		continue
	fi
	flag=
	[ -e "$work/$id.bad" ] && flag="  COUNT MISMATCH: $(head -1 "$work/$id.bad")"
	printf '%-31s %9s %9s %9s %9s%s\n' "${!lv}" "$ms" "$(fig bare "$id")" \
		"$(fig empty "$id")" "$(range empty "$id")" "$flag"
done

if [ -n "$bpftrace" ]; then
	echo
	echo "uscript vs bpftrace, us per hit (diff > 0: uscript costs more)"
	printf '%-10s %-29s   %-29s\n' "" "---------- over bare ----------" "--------- over empty ----------"
	printf '%-10s %9s %9s %9s   %9s %9s %9s\n' pair uscript bpftrace diff uscript bpftrace diff
	pair() { # label suffix
		local ue=- be=- de=-
		if [ "$2" != empty ]; then
			ue=$(fig empty "us_$2") be=$(fig empty "bt_$2") de=$(SIGN=+ fig empty "us_$2" "bt_$2")
		fi
		printf '%-10s %9s %9s %9s   %9s %9s %9s\n' "$1" "$(fig bare "us_$2")" "$(fig bare "bt_$2")" \
			"$(SIGN=+ fig bare "us_$2" "bt_$2")" "$ue" "$be" "$de"
	}
	pair empty empty
	pair counter count
	pair "tid array" tid
fi

if [ -n "$h2h" ] && [ -n "$bpftrace" ]; then
	echo
	echo "head to head, both tracers in one run: uscript's probe less bpftrace's, us per hit"
	printf '%-10s %9s %9s\n' pair median range
	for k in empty count tid; do
		label=$k
		[ "$k" = count ] && label=counter
		[ "$k" = tid ] && label="tid array"
		if [ -e "$work/h2h_$k.na" ]; then
			printf '%-10s %s\n' "$label" "not available ($(head -1 "$work/h2h_$k.na"))"
			continue
		fi
		[ -s "$work/h2h_$k.ns" ] || { printf '%-10s %s\n' "$label" "not available"; continue; }
		# the mean of each round's two runs, then the median of those
		awk '{ s[$1] += $2; c[$1]++ }
			END {
				for (r in s) if (c[r] == 2) d[++m] = s[r] / 2
				for (a = 2; a <= m; a++)
					for (b = a; b > 1 && d[b - 1] > d[b]; b--) { x = d[b]; d[b] = d[b - 1]; d[b - 1] = x }
				if (m) printf "%+.3f %.3f\n", (m % 2 ? d[(m + 1) / 2] : (d[m / 2] + d[m / 2 + 1]) / 2) / 1000, (d[m] - d[1]) / 1000
			}' "$work/h2h_$k.ns" | { read -r med rng; printf '%-10s %9s %9s\n' "$label" "${med:-n/a}" "${rng:-}"; }
	done
fi

if [ -n "$raw" ]; then
	echo
	echo "every run (rounds 1 to $runs; round 0 warmed up): f() ms, and f() less e() / less g(), ns per call"
	for id in "${cases[@]}"; do
		[ -s "$work/$id.ns" ] || continue
		printf '%-9s' "$id"
		awk '{ printf "  %.0f %.0f/%.0f", $2 / 1e6, $5, $6 }' "$work/$id.ns"
		echo
	done
fi

if [ "$failures" != 0 ]; then
	echo "perhit.sh: $failures run(s) lost or gained hits or failed after working: see above" >&2
	exit 1
fi
exit 0
