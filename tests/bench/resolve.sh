#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The resolution and attach benchmark: how long uscript takes, and how much
# memory, to list the functions of a big shared library, to compile a
# wildcard script over it, and to attach a probe to a thousand functions of
# a -c target; bpftrace does the same beside it when it is installed.
#
#   tests/bench/resolve.sh [-n N] [--slow-runs M] [--lib PATH] [--narrow PAT]
#                          [--funcs N] [--timeout S] [--uscript PATH]
#                          [--no-bpftrace] [--raw]
#
# Needs root (BPF) and a C compiler ($CC, default cc).  See tests/bench/README.
# The check_* functions are called as "check_$id" only.
# shellcheck disable=SC2317
set -u

usage() {
	cat <<'EOF'
Usage: resolve.sh [OPTIONS]

  -n N            measured runs per case, after one warm-up run (default 5)
  --slow-runs M   measured runs of the attach cases that make a link per
                  function (bpftrace's, and uscript's without uprobe_multi),
                  with no warm-up: each takes minutes (default 3)
  --lib PATH      the library to list and compile over (default: libLLVM-19,
                  else the largest shared library under /usr/lib and /lib)
  --narrow PAT    the narrower pattern compiled over the library (*Pass*)
  --funcs N       functions of the attach target (default 1000)
  --timeout S     the longest a run may take, in seconds (default 600)
  --uscript PATH  the uscript to measure (default: $BUILDDIR/uscript, with
                  BUILDDIR the current directory, else the first on PATH)
  --no-bpftrace   measure uscript alone
  --raw           also print every run's figures
  -h, --help      print this help
EOF
}

# shellcheck source=tests/bench/common.sh
. "$(dirname "$0")/common.sh"

runs=5
slow_runs=3
lib=
narrow='*Pass*'
nfuncs=1000
limit=600
raw=
while [ $# -gt 0 ]; do
	bench_option "$@"
	[ "$taken" = 0 ] || { shift "$taken"; continue; }
	case $1 in
	-n | --slow-runs | --lib | --narrow | --funcs | --timeout)
		[ $# -ge 2 ] || die "$1 needs a value"
		case $1 in
		-n) runs=$2 ;;
		--slow-runs) slow_runs=$2 ;;
		--lib) lib=$2 ;;
		--narrow) narrow=$2 ;;
		--funcs) nfuncs=$2 ;;
		--timeout) limit=$2 ;;
		esac
		shift 2 ;;
	-n*)
		runs=${1#-n}
		shift ;;
	--slow-runs=* | --lib=* | --narrow=* | --funcs=* | --timeout=*)
		v=${1#*=}
		case $1 in
		--slow-runs=*) slow_runs=$v ;;
		--lib=*) lib=$v ;;
		--narrow=*) narrow=$v ;;
		--funcs=*) nfuncs=$v ;;
		--timeout=*) limit=$v ;;
		esac
		shift ;;
	--raw)
		raw=1
		shift ;;
	*)
		bad_option ;;
	esac
done
number -n "$runs"
number --slow-runs "$slow_runs"
number --funcs "$nfuncs"
number --timeout "$limit"
bench_setup

# ---- the library: libLLVM-19 where it is, else the largest one here ----
is_elf() { [ "$(head -c4 "$1" 2>/dev/null | od -An -c | tr -d ' ')" = '177ELF' ]; }
if [ -z "$lib" ]; then
	lib=/usr/lib/x86_64-linux-gnu/libLLVM-19.so.1
	if [ ! -e "$lib" ]; then
		lib=
		# Regular files only: the links to a library would name it twice.
		while read -r _ path; do
			is_elf "$path" && { lib=$path; break; }
		done < <(find /usr/lib /lib /usr/lib64 /usr/local/lib -xdev -type f \
			\( -name '*.so' -o -name '*.so.*' \) -not -path '*/debug/*' \
			-printf '%s %p\n' 2>/dev/null | sort -rn | head -20)
		[ -n "$lib" ] || die "found no shared library under /usr/lib or /lib; name one with --lib"
	fi
fi
lib=$(realpath "$lib") || die "no such file: $lib"
is_elf "$lib" || die "$lib is not an ELF file"
# The library's path goes into both tracers' probe points: uscript's between
# double quotes, bpftrace's between colons.
case $lib in *[\"\\:[:space:]]*) die "the path '$lib' has a character the probe points cannot hold" ;; esac
case $narrow in *[\"\\:[:space:]]* | '') die "the pattern '$narrow' cannot go into the probe points" ;; esac
lib_mb=$(awk -v s="$(stat -Lc %s "$lib")" 'BEGIN { printf "%.1f", s / 1048576 }')

# ---- the attach target: targets/many.sh's program, -O0 -g, PIE ----
target=$work/many
sh "$src/tests/bench/targets/many.sh" "$nfuncs" >"$work/many.c" ||
	die "cannot generate the target with $src/tests/bench/targets/many.sh"
build many "$work/many.c" -O0 -g -fPIE -pie
tout=$work/target.out

# What function("*") matches in the target: every function of its symbol
# table in executable code, one probe per address (uscript -l lists them).
# Besides main and the fn_NNNN functions those are the C runtime's, each of
# which runs once in a run that returns from main: _start; _init, and
# frame_dummy with register_tm_clones that it calls, before main;
# __do_global_dtors_aux with deregister_tm_clones, and _fini, after it;
# __libc_csu_init and __libc_csu_fini in glibc before 2.34.  Any other name
# is one whose count the benchmark cannot know, so it stops.
"$uscript" -l "process(\"$target\").function(\"*\")" >"$work/points" 2>"$work/err" ||
	die "uscript -l on the target failed: $(head -3 "$work/err")"
sed -n 's/^process("[^"]*")\.function("\([^"@]*\).*")$/\1/p' "$work/points" | sort >"$work/names"
[ "$(wc -l <"$work/names")" = "$(wc -l <"$work/points")" ] ||
	die "uscript -l printed lines this script does not understand: $(grep -v '^process(' "$work/points" | head -1)"
n_fn=$(grep -c '^fn_[0-9]*$' "$work/names")
[ "$n_fn" = "$nfuncs" ] || die "uscript -l lists $n_fn of the target's $nfuncs fn_NNNN functions"
grep -qx main "$work/names" || die "uscript -l does not list the target's main"
others=$(grep -v -x -e 'fn_[0-9]*' -e main "$work/names" |
	grep -v -x -e _start -e _init -e _fini -e frame_dummy -e register_tm_clones \
		-e __do_global_dtors_aux -e deregister_tm_clones -e __libc_csu_init -e __libc_csu_fini)
[ -z "$others" ] || die "function(\"*\") matches $(echo "$others" | head -3 | tr '\n' ' ')in the target: how often they run is unknown"
n_all=$(wc -l <"$work/names")
# The same count from readelf, where it is: functions at distinct addresses.
if command -v readelf >/dev/null; then
	n_re=$(readelf -sW "$target" | awk '$4 == "FUNC" && $7 != "UND" && $2 !~ /^0+$/ { print $2 }' | sort -u | wc -l)
	[ "$n_re" = "$n_all" ] || die "uscript -l lists $n_all functions of the target, readelf $n_re"
fi

# ---- measure (measure.c): runs a command and appends one line to a file,
#   wall_us maxrss_kb status settled_us t0_ns
# as startup.sh does (wall time to the command's exit, its peak resident
# set, then the time until every process it left behind has gone), plus
# t0_ns, the CLOCK_MONOTONIC time just before the fork: the target writes
# the time its main() began, and the difference is how long the tracer took
# to be attached and running.  A command that runs longer than the limit
# (--timeout) is killed (status 124), and so is the wait for what it left
# behind. ----
build measure "$src/tests/bench/measure.c" -O2

# ---- the cases ----
# Each has an id, the part it belongs to (list, compile, attach), a label,
# a command, and a check_ID function that gets the command's stdout and
# stderr files and returns 0 when the command did its work (setting
# `count` to what the table shows of it), 1 when it did not (the case is
# then "not available"), 2 when it did with a wrong count (a bug, reported
# loudly).  Slow cases run --slow-runs times, with no warm-up.
cases=()
add_case() { # id part label command...
	local id=$1
	cases+=("$id")
	eval "part_$id=\$2 label_$id=\$3"
	shift 3
	eval "cmd_$id=(\"\$@\")"
}

us_list="process(\"$lib\").function(\"*\")"
bt_list="uprobe:$lib:*"
add_case us_list list "uscript  -l $us_list" "$uscript" -l "$us_list"
[ -n "$bpftrace" ] && add_case bt_list list "bpftrace -l $bt_list" "$bpftrace" -l "$bt_list"

# How many points each compile case's pattern matches, from listings that
# are not timed.  The narrow pattern is left out where it matches nothing.
declare -A points
points[us_p4_all]=$("$uscript" -l "process(\"$lib\").function(\"*\")" 2>/dev/null | wc -l)
points[us_p4_pass]=$("$uscript" -l "process(\"$lib\").function(\"$narrow\")" 2>/dev/null | wc -l)
if [ -n "$bpftrace" ]; then
	points[bt_elf_all]=$("$bpftrace" -l "uprobe:$lib:*" 2>/dev/null | wc -l)
	points[bt_elf_pass]=$("$bpftrace" -l "uprobe:$lib:$narrow" 2>/dev/null | wc -l)
fi
patterns=('*')
if [ "${points[us_p4_pass]}" -gt 0 ]; then
	patterns+=("$narrow")
else
	echo "resolve.sh: function(\"$narrow\") matches nothing in $lib; name another pattern with --narrow" >&2
fi

# -p4 stops once the BPF object is written; bpftrace's --emit-elf likewise.
for pat in "${patterns[@]}"; do
	id=all
	[ "$pat" = '*' ] || id=pass
	add_case "us_p4_$id" compile "uscript  function(\"$pat\")" "$uscript" -p4 -o "$work/us_p4_$id.o" \
		-e "global n; probe process(\"$lib\").function(\"$pat\") { n++ }"
	[ -n "$bpftrace" ] && add_case "bt_elf_$id" compile "bpftrace uprobe:LIB:$pat" \
		"$bpftrace" --emit-elf "$work/bt_elf_$id.o" -e "uprobe:$lib:$pat { @n = count(); }"
done

tcmd="$target $tout"
us_attach() { echo "global n; probe process(\"$target\").function(\"$1\") { n++ }"; }
add_case bare attach "bare target" "$target" "$tout"
add_case us_all attach "uscript  function(\"*\")" "$uscript" -e "$(us_attach '*')" -c "$tcmd"
add_case us_nomulti attach "uscript  function(\"*\") no multi" \
	env USCRIPT_NO_UPROBE_MULTI=1 "$uscript" -e "$(us_attach '*')" -c "$tcmd"
add_case us_fn attach "uscript  function(\"fn_*\")" "$uscript" -e "$(us_attach 'fn_*')" -c "$tcmd"
if [ -n "$bpftrace" ]; then
	# bpftrace refuses more than 512 probes unless told otherwise.
	maxp="BPFTRACE_MAX_PROBES=$((n_all + 100))"
	add_case bt_all attach "bpftrace uprobe:P:*" \
		env "$maxp" "$bpftrace" -e "uprobe:$target:* { @n = count(); }" -c "$tcmd"
	add_case bt_fn attach "bpftrace uprobe:P:fn_*" \
		env "$maxp" "$bpftrace" -e "uprobe:$target:fn_* { @n = count(); }" -c "$tcmd"
fi
# The kernel releases perf-event links one after another, tens of ms each:
# with a link per function, a run (or what it leaves behind) takes minutes.
is_slow() { [ "$1" = us_nomulti ] || [ "$1" = bt_all ] || [ "$1" = bt_fn ]; }

# The checks.  A listing must be all lines of the expected form, PREFIX
# NAME SUFFIX, and as long in every run.
listing() { # file prefix suffix
	local bad
	count=$(wc -l <"$1")
	[ "$count" -gt 0 ] || { got="an empty listing"; return 1; }
	bad=$(awk -v p="$2" -v s="$3" 'index($0, p) != 1 || length($0) <= length(p) + length(s) ||
		substr($0, length($0) - length(s) + 1) != s { print; exit }' "$1")
	[ -z "$bad" ] || { got="a line not of the form $2NAME$3: $bad"; return 1; }
}
check_us_list() { listing "$1" "process(\"$lib\").function(\"" '")'; }
check_bt_list() { listing "$1" "uprobe:$lib:" ''; }
elf_object() { # id
	count=${points[$1]:-}
	is_elf "$work/$1.o" || { got="no BPF object written"; return 1; }
}
check_us_p4_all() { elf_object us_p4_all; }
check_us_p4_pass() { elf_object us_p4_pass; }
check_bt_elf_all() { elf_object bt_elf_all; }
check_bt_elf_pass() { elf_object bt_elf_pass; }
# expect FILE PATTERN WANT: PATTERN (an extended regular expression whose
# first group is the count) must match a whole line, with WANT as the count.
expect() {
	local line
	line=$(grep -E -x -m1 "$2" "$1") || { got="no line matching /$2/"; return 1; }
	got=$line
	[[ $line =~ $2 ]] || return 1
	count=${BASH_REMATCH[1]}
	[ "$count" = "$3" ] || return 2
}
check_bare() { count=-; }
check_us_all() { expect "$1" 'n=([0-9]+)' "$n_all"; }
check_us_nomulti() { expect "$1" 'n=([0-9]+)' "$n_all"; }
check_us_fn() { expect "$1" 'n=([0-9]+)' "$nfuncs"; }
check_bt_all() { expect "$1" '@n: ([0-9]+)' "$n_all"; }
check_bt_fn() { expect "$1" '@n: ([0-9]+)' "$nfuncs"; }

# run ID ROUND: one run of a case; appends "ROUND WALL_US RSS_KB SETTLED_US
# ATTACHED_US COUNT" to $work/ID.runs (ATTACHED_US is "-" but for the
# attach part), or marks the case unavailable ($work/ID.na) or miscounted
# ($work/ID.bad) with the reason.
failures=0
run() {
	local id=$1 round=$2 status rc wall rss settled t0 main attached lv=label_$1 pv=part_$1
	local -n cmd=cmd_$id
	rm -f "$tout" "$work/$id.o" "$work/one"
	"$work/measure" "$work/one" "$limit" "${cmd[@]}" >"$work/stdout" 2>"$work/stderr"
	status=$?
	count="" got=""
	if [ "$status" = 0 ]; then
		"check_$id" "$work/stdout" "$work/stderr"
		rc=$?
		if [ "$rc" != 1 ] && [ "${!pv}" = attach ] && ! [ -s "$tout" ]; then
			rc=1 got="the target did not finish"
		fi
	else
		rc=1
		got="exit status $status"
		[ "$status" = 124 ] && got="killed after $limit s"
		[ "$status" = 3 ] && got="left a process running $limit s after it exited"
		# The first error message says why (leaving out bpftrace's
		# complaint about RLIMIT_MEMLOCK, which it prints every time).
		local why
		why=$(grep -v RLIMIT_MEMLOCK "$work/stderr" | grep -m1 -i -E 'error|cannot')
		[ -n "$why" ] && got="$got, ${why:0:160}"
	fi
	if [ "$rc" != 1 ]; then
		read -r wall rss _ settled t0 <"$work/one"
		attached=-
		if [ "${!pv}" = attach ]; then
			read -r main _ <"$tout"
			attached=$(((main - t0) / 1000))
		fi
		# A listing must be as long in every run.
		if [ "${!pv}" = list ] && [ -s "$work/$id.count" ] && [ "$(cat "$work/$id.count")" != "$count" ]; then
			rc=2 got="$count lines, $(cat "$work/$id.count") in the first run"
		fi
		[ -s "$work/$id.count" ] || echo "$count" >"$work/$id.count"
		echo "$round $wall $rss $settled $attached $count" >>"$work/$id.runs"
	fi
	case $rc in
	0) return 0 ;;
	2)
		echo "run $round: $got" >>"$work/$id.bad"
		echo "resolve.sh: COUNT MISMATCH in '${!lv}', run $round: $got" >&2
		failures=$((failures + 1))
		return 0 ;;
	esac
	if [ "$round" = 0 ] || { is_slow "$id" && [ "$round" = 1 ]; }; then
		echo "$got" >"$work/$id.na"
		# uscript is what is measured: that it failed is the result.
		case $id in us_* | bare) failures=$((failures + 1)) ;; esac
	else
		# It worked before and failed now: that is a bug too.
		echo "failed in run $round: $got" >"$work/$id.na"
		failures=$((failures + 1))
	fi
	{
		echo "resolve.sh: '${!lv}' is not available (run $round, $got)"
		echo "  command:$(printf " %q" "${cmd[@]}")"
		echo "  stdout:"
		sed 's/^/    /' "$work/stdout" | head -5
		echo "  stderr:"
		sed 's/^/    /' "$work/stderr" | head -5
	} >&2
	return 1
}

# One warm-up round (not counted; it fills the page cache and finds the
# cases that do not work), then the measured rounds, each running every
# case once, so a drift in the machine's speed touches all cases alike.
# The slow cases skip the warm-up: what they read is in the page cache
# already (the tracers' files from the other cases, the target's from
# uscript's).
for ((round = 0; round <= runs || round <= slow_runs; round++)); do
	for id in "${cases[@]}"; do
		[ -e "$work/$id.na" ] && continue
		if is_slow "$id"; then
			if [ "$round" = 0 ] || [ "$round" -gt "$slow_runs" ]; then continue; fi
		elif [ "$round" -gt "$runs" ]; then
			continue
		fi
		run "$id" "$round"
	done
	[ "$round" = 0 ] && for id in "${cases[@]}"; do is_slow "$id" || rm -f "$work/$id.runs"; done
done

# ---- the figures ----
# col ID N: the median of column N of ID's runs (the mean of the middle two
# for an even count); range ID N: max - min.
col() {
	awk -v c="$2" '{ print $c }' "$work/$1.runs" | median_of
}
range() {
	awk -v c="$2" 'NR == 1 || $c > hi { hi = $c } NR == 1 || $c < lo { lo = $c } END { print hi - lo }' \
		"$work/$1.runs"
}
nruns() { wc -l <"$work/$1.runs"; }
ok() { [ -s "$work/$1.runs" ] && ! [ -e "$work/$1.na" ]; }
ms() { awk -v v="$1" 'BEGIN { printf "%.1f", v / 1000 }'; }
mb() { awk -v v="$1" 'BEGIN { printf "%.1f", v / 1024 }'; }
flag() { [ -e "$work/$1.bad" ] && echo "  COUNT MISMATCH: $(head -1 "$work/$1.bad")"; }
na() { # id width
	printf '%-*s %s\n' "$2" "$(label "$1")" "not available ($(head -1 "$work/$1.na"))"
}
label() { local lv=label_$1; echo "${!lv}"; }
both() { ok "$1" && ok "$2"; }
# ratio WHAT A B: B's median of column WHAT over A's, "-" if either is missing
ratio() {
	if ! both "$2" "$3"; then
		echo -
		return
	fi
	awk -v a="$(col "$2" "$1")" -v b="$(col "$3" "$1")" 'BEGIN { printf(a > 0 ? "%.2f" : "-", b / a) }'
}

echo "resolution and attach: medians of $runs runs per case after a warm-up ($slow_runs, no warm-up, with a link per function)"
echo
echo "1. listing the functions of $lib ($lib_mb MB)"
printf '%-16s %9s %9s %12s %8s\n' tool "wall ms" "range ms" "peak RSS MB" lines
for id in us_list bt_list; do
	[[ " ${cases[*]} " == *" $id "* ]] || continue
	if ! ok "$id"; then na "$id" 16; continue; fi
	tool=uscript
	[ "$id" = bt_list ] && tool=bpftrace
	printf '%-16s %9s %9s %12s %8s%s\n' "$tool" "$(ms "$(col "$id" 2)")" "$(ms "$(range "$id" 2)")" \
		"$(mb "$(col "$id" 3)")" "$(cat "$work/$id.count")" "$(flag "$id")"
done
both us_list bt_list && echo "ratio (bpftrace/uscript): wall $(ratio 2 us_list bt_list), memory $(ratio 3 us_list bt_list)"

echo
echo "2. compiling a wildcard script over it, nothing attached (uscript -p4, bpftrace --emit-elf)"
printf '%-30s %7s %9s %9s %12s\n' case points "wall ms" "range ms" "peak RSS MB"
for id in us_p4_all us_p4_pass bt_elf_all bt_elf_pass; do
	[[ " ${cases[*]} " == *" $id "* ]] || continue
	if ! ok "$id"; then na "$id" 30; continue; fi
	printf '%-30s %7s %9s %9s %12s\n' "$(label "$id")" "${points[$id]}" "$(ms "$(col "$id" 2)")" \
		"$(ms "$(range "$id" 2)")" "$(mb "$(col "$id" 3)")"
done
if both us_p4_all bt_elf_all; then
	line="ratio (bpftrace/uscript): \"*\" wall $(ratio 2 us_p4_all bt_elf_all), memory $(ratio 3 us_p4_all bt_elf_all)"
	both us_p4_pass bt_elf_pass && line="$line; \"$narrow\" wall $(ratio 2 us_p4_pass bt_elf_pass), memory $(ratio 3 us_p4_pass bt_elf_pass)"
	echo "$line"
	echo "(bpftrace 0.17 resolves a uprobe wildcard only when attaching: its compile resolves nothing)"
fi

echo
echo "3. attaching to a -c target's functions, each called once (many.sh $nfuncs, -O0 -g, PIE)"
echo "   \"*\" matches $n_all: $nfuncs fn_NNNN, main, $((n_all - nfuncs - 1)) of the C runtime; no multi: USCRIPT_NO_UPROBE_MULTI=1"
printf '%-31s %4s %5s %9s %8s %9s %7s %10s\n' "" "" "" wall range attached "peak" settled
printf '%-31s %4s %5s %9s %8s %9s %7s %10s\n' case runs count ms ms ms "RSS MB" ms
for id in bare us_all us_nomulti us_fn bt_all bt_fn; do
	[[ " ${cases[*]} " == *" $id "* ]] || continue
	if ! ok "$id"; then na "$id" 31; continue; fi
	cnt=$(awk 'END { print $6 }' "$work/$id.runs")
	printf '%-31s %4s %5s %9s %8s %9s %7s %10s%s\n' "$(label "$id")" "$(nruns "$id")" "$cnt" \
		"$(ms "$(col "$id" 2)")" "$(ms "$(range "$id" 2)")" "$(ms "$(col "$id" 5)")" \
		"$(mb "$(col "$id" 3)")" "$(ms "$(col "$id" 4)")" "$(flag "$id")"
done
if [ -n "$bpftrace" ]; then
	for p in fn all; do
		both "us_$p" "bt_$p" || continue
		echo "ratio (bpftrace/uscript), $(label "bt_$p" | sed 's/.*://'): wall $(ratio 2 "us_$p" "bt_$p")," \
			"attached $(ratio 5 "us_$p" "bt_$p"), memory $(ratio 3 "us_$p" "bt_$p"), settled $(ratio 4 "us_$p" "bt_$p")"
	done
fi
both us_all us_nomulti && echo "ratio (no multi/multi), *: wall $(ratio 2 us_all us_nomulti)," \
	"attached $(ratio 5 us_all us_nomulti), settled $(ratio 4 us_all us_nomulti)"

if [ -n "$raw" ]; then
	echo
	echo "every run: round wall_ms attached_ms settled_ms (round 0 warmed up and is not counted)"
	for id in "${cases[@]}"; do
		[ -s "$work/$id.runs" ] || continue
		printf '%-11s' "$id"
		awk '{ printf "  %d:%.1f/%s/%.1f", $1, $2 / 1000, $5 == "-" ? "-" : sprintf("%.1f", $5 / 1000), $4 / 1000 }' \
			"$work/$id.runs"
		echo
	done
fi

if [ "$failures" != 0 ]; then
	echo "resolve.sh: $failures run(s) lost or gained hits, or uscript failed, or a case failed after working: see above" >&2
	exit 1
fi
exit 0
