#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs every test of uscript and ends with one line: "N passed, M failed".
#
#   unit   the C unit tests (formatter, ELF reader)            no root needed
#   parse  tests/parse/*.up: `uscript -p1`, golden output      no root needed
#   diag   tests/diag/*.up: `uscript -p2`, golden diagnostics  no root needed
#   fuzz   tests/fuzz/regressions/*: the fuzz target's inputs  no root needed
#   e2e    tests/e2e/*.t: real scripts on real targets         root and BPF
#   verifier_margin  the verifier's work for any program the e2e tests loaded
#   leftovers        no BPF program of uscript's left loaded
#
# End-to-end tests are skipped, with the reason, where BPF is not available,
# except when USCRIPT_REQUIRE_BPF=1: then a skip is a failure.
#
# Environment: USCRIPT (the binary), BUILDDIR (the build tree, exported to
# the cases), CC,
# FUZZ_BIN (the fuzz target or its replayer);
# TESTS=pattern runs only the tests whose name contains it;
# TESTS_FILE=FILE runs only the tests FILE names, one a line (# comments);
# TEST_JOBS=N runs up to N end-to-end tests at once (1);
# TEST_COUNTS=FILE: the counts of the last line are also written to FILE,
# as "PASSED FAILED SKIPPED", for a caller that adds up several runs.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
: "${BUILDDIR:=$PWD}"
export BUILDDIR
: "${USCRIPT:=$BUILDDIR/uscript}"
: "${CC:=cc}"
: "${TESTS:=}"
: "${TESTS_FILE:=}"
: "${TEST_JOBS:=1}"
: "${USCRIPT_REQUIRE_BPF:=0}"
export USCRIPT_REQUIRE_BPF

pass=0 fail=0 skip=0
failed=()

ok()   { pass=$((pass + 1)); [ -n "${VERBOSE:-}" ] && echo "PASS $1"; return 0; }
bad()  { fail=$((fail + 1)); failed+=("$1"); echo "FAIL $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/    /'; return 0; }
skipped() {
	if [ "$USCRIPT_REQUIRE_BPF" = 1 ]; then
		bad "$1" "skipped, but USCRIPT_REQUIRE_BPF=1: $2"
	else
		skip=$((skip + 1)); echo "SKIP $1: $2"
	fi
}
# The names TESTS_FILE lists, for wanted() to look up.  A relative name
# that is not there from here (the build tree) is the source tree's, as
# tests/valgrind/sample.
declare -A listed=()
if [ -n "$TESTS_FILE" ]; then
	if [ ! -e "$TESTS_FILE" ] && [[ $TESTS_FILE != /* ]] && [ -e "$src/$TESTS_FILE" ]; then
		TESTS_FILE=$src/$TESTS_FILE
	fi
	if [ ! -r "$TESTS_FILE" ]; then
		echo "run.sh: cannot read TESTS_FILE $TESTS_FILE" >&2
		exit 2
	fi
	while read -r line; do
		read -ra words <<< "${line%%#*}"
		for word in "${words[@]}"; do listed[$word]=1; done
	done < "$TESTS_FILE"
fi
# Whether to run the test NAME; a name TESTS_FILE lists is marked as found.
declare -A found=()
wanted() {
	if [ -n "$TESTS_FILE" ]; then
		[ -n "${listed[$1]:-}" ] || return 1
		found[$1]=1
	fi
	[ -z "$TESTS" ] || [[ "$1" == *"$TESTS"* ]]
}

# uscript's BPF programs are named probe_N; those loaded before the tests
# are someone else's, the rest must be gone when the tests end.
our_progs() { bpftool prog show 2>/dev/null | grep -E '^[0-9]+: .*name probe_[0-9]+ ' | cut -d: -f1; }
if [ "$(id -u)" = 0 ] && command -v bpftool >/dev/null; then
	progs_before=$(our_progs)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/uscript-tests.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Valgrind mode (USCRIPT_VALGRIND=1): every uscript the tests run, on PATH
# or as $USCRIPT, first starts its compile-only pass under valgrind's
# memcheck (tests/valgrind/uscript), VALGRIND_JOBS (the number of CPUs) at
# once; each test is judged as usual, and each failed check fails
# valgrind/TEST.
if [ "${USCRIPT_VALGRIND:-0}" = 1 ]; then
	export USCRIPT_REAL=$USCRIPT VALGRIND_DIR=$work/valgrind
	export VALGRIND_JOBS=${VALGRIND_JOBS:-$(nproc)}
	USCRIPT=$src/tests/valgrind/uscript
	mkdir -p "$VALGRIND_DIR"
fi
# Separate debug information is looked for where the tests put it, not at
# the debuginfod servers of the user's environment (Debian's profile sets
# DEBUGINFOD_URLS) nor under a debug path of their own.
unset DEBUGINFOD_URLS SYSTEMTAP_DEBUGINFO_PATH
# The test running now, for the valgrind mode's reports.
export USCRIPT_TEST=setup
# `uscript` on PATH, so test commands and #! scripts find the one under test.
mkdir -p "$work/bin"
ln -s "$USCRIPT" "$work/bin/uscript"
export PATH="$work/bin:$PATH"

# ---- unit ----
run_unit() {
	local name=$1; shift
	wanted "$name" || return 0
	local out
	if out=$("$@" 2>&1); then ok "$name"; else bad "$name" "$out"; fi
}

# ---- targets: the programs the tests probe, PIE and not ----
T=$BUILDDIR/tests/bin
export T
build_targets() {
	mkdir -p "$T"
	local c name link
	# lib*.c: shared libraries, $T/lib*.so, for the programs whose source
	# says /* link: FLAGS */ (with $T in FLAGS) to link with.
	for c in "$src"/tests/targets/lib*.c; do
		[ -f "$c" ] || continue
		name=$(basename "$c" .c)
		if [ "$c" -nt "$T/$name.so" ] || [ ! -f "$T/$name.so" ]; then
			$CC -O0 -g -fPIC -shared -o "$T/$name.so" "$c" || return 1
		fi
	done
	for c in "$src"/tests/targets/*.c "$src"/examples/demo.c; do
		[ -f "$c" ] || continue
		name=$(basename "$c" .c)
		case $name in lib*) continue ;; esac
		link=$(sed -n 's|^/\* link: \(.*\) \*/$|\1|p' "$c" | sed "s|\$T|$T|g")
		if [ "$c" -nt "$T/$name" ] || [ ! -x "$T/$name" ]; then
			$CC -O0 -g -fPIE -pie -o "$T/$name" "$c" -lpthread $link || return 1
			$CC -O0 -g -fno-pie -no-pie -o "$T/${name}_nopie" "$c" -lpthread $link ||
				return 1
			strip -o "$T/${name}_stripped" "$T/$name" || return 1
		fi
	done
	for c in "$src"/tests/targets/*.cc "$src"/examples/ledger.cc; do
		[ -f "$c" ] || continue
		name=$(basename "$c" .cc)
		if [ "$c" -nt "$T/$name" ] || [ ! -x "$T/$name" ]; then
			${CXX:-c++} -O0 -g -o "$T/$name" "$c" || return 1
			# Stripped, a C++ program keeps the functions it exports.
			${CXX:-c++} -O0 -rdynamic -o "$T/${name}_stripped" "$c" || return 1
			strip "$T/${name}_stripped" || return 1
		fi
	done
}
if ! build_targets; then
	bad "build-targets" "could not build the test targets with $CC"
fi

run_unit unit/format "$BUILDDIR/tests/unit/test_format"
run_unit unit/strfuncs "$BUILDDIR/tests/unit/test_strfuncs"
run_unit unit/stats "$BUILDDIR/tests/unit/test_stats"
run_unit unit/json "$BUILDDIR/tests/unit/test_json"
run_unit unit/iterate "$BUILDDIR/tests/unit/test_iterate"
run_unit unit/insn "$BUILDDIR/tests/unit/test_insn"
run_unit unit/regex "$BUILDDIR/tests/unit/test_regex"
run_unit unit/tapset_scan "$BUILDDIR/tests/unit/test_tapset_scan"
# A unit test that reads programs a script of its own builds, into
# $BUILDDIR/tests/DIR: run_unit_on_targets NAME TEST SCRIPT DIR.
run_unit_on_targets() {
	[ -x "$BUILDDIR/tests/unit/$2" ] && wanted "$1" || return 0
	if CC="$CC" sh "$src/$3" "$BUILDDIR/tests/$4" >/dev/null 2>&1; then
		run_unit "$1" "$BUILDDIR/tests/unit/$2" "$BUILDDIR/tests/$4"
	else
		bad "$1" "could not build the targets of $3"
	fi
}
run_unit_on_targets unit/elfsym test_elfsym tests/unit/elfsym_targets.sh elfsym-targets
run_unit_on_targets unit/usdt test_usdt tests/unit/usdt_targets/build.sh usdt-targets
run_unit_on_targets unit/dwarfinfo test_dwarfinfo tests/unit/dwarf_targets/build.sh dwarf-targets
run_unit_on_targets unit/symbolize test_symbolize tests/unit/symbolize_targets/build.sh symbolize-targets
run_unit_on_targets unit/symmatch test_symmatch tests/unit/symmatch_targets/build.sh symmatch-targets

# ---- golden files: parse (-p1) and diagnostics (-p2) ----
# A golden's .out is stdout then stderr of the command, run from the source
# tree so file names in messages are tests/parse/NAME.up.
run_golden() {
	local kind=$1 pass_flag=$2 up name expected got
	for up in "$src"/tests/$kind/*.up; do
		[ -f "$up" ] || continue
		name=$kind/$(basename "$up" .up)
		wanted "$name" || continue
		expected=${up%.up}.out
		USCRIPT_TEST=$name
		got=$(cd "$src" && timeout 20 "$USCRIPT" "$pass_flag" "tests/$kind/$(basename "$up")" 2>"$work/stderr"; cat "$work/stderr")
		if [ ! -f "$expected" ]; then
			bad "$name" "no $expected"
		elif [ "$got" == "$(cat "$expected")" ]; then
			ok "$name"
		else
			bad "$name" "$(diff <(cat "$expected") <(printf '%s\n' "$got") | head -40)"
		fi
	done
}
run_golden parse -p1
run_golden diag -p2

# ---- fuzz regressions: inputs that once made the fuzz target fail ----
# Each is run once through the fuzz target (FUZZ_BIN; tests/fuzz/), which
# must neither crash nor report.
if [ -n "${FUZZ_BIN:-}" ] && [ -x "$FUZZ_BIN" ]; then
	for f in "$src"/tests/fuzz/regressions/*; do
		[ -f "$f" ] || continue
		name=fuzz/$(basename "$f")
		wanted "$name" || continue
		if out=$(USCRIPT_FUZZ_TARGETS=$T timeout 60 "$FUZZ_BIN" "$f" 2>&1); then
			ok "$name"
		else
			bad "$name" "$(printf '%s\n' "$out" | tail -30)"
		fi
	done
fi

# ---- end to end ----
# A case file: comment lines (#), a "run:" line run by bash from the case's
# directory with $T (the targets) and $D (the case's directory) set, then
# sections "--- stdout", "--- stderr" and "--- status".  Without a stderr
# section, stderr must be empty.
bpf_reason=""
bpf_check() {
	if [ "$(id -u)" != 0 ]; then
		bpf_reason="not root"
	elif [ ! -d /sys/fs/bpf ] && [ ! -e /sys/kernel/btf/vmlinux ]; then
		bpf_reason="the kernel has no BPF"
	elif ! out=$(timeout 20 "$USCRIPT" -e 'probe process("'"$T"'/add").function("add") { }' \
			-c "$T/add 1" 2>&1 >/dev/null); then
		bpf_reason="cannot attach a uprobe: $out"
	fi
}

section() { # file section-name
	awk -v want="--- $2" '
		/^--- / { on = ($0 == want); next }
		on { print }' "$1"
}

# The verdict on one case, on standard output: "pass" or "fail" on the
# first line, then for a failure why, as bad() prints it.  It runs in a
# subshell of its own, alone or beside others (see below), so it keeps its
# files apart: its stderr in $work/err.NAME, and the figures the verifier
# gave for the programs its uscripts load in $work/verifier/NAME, for the
# verifier_margin check.
judge_case() {
	local t=$1 name=$2
	local cmd expected_out expected_err expected_status out err status
	local errfile=$work/err.${name//\//.}
	cmd=$(sed -n 's/^run: //p' "$t")
	expected_out=$(section "$t" stdout)
	expected_err=$(section "$t" stderr)
	expected_status=$(section "$t" status)
	[ -n "$expected_status" ] || expected_status=0
	USCRIPT_TEST=$name
	export USCRIPT_VERIFIER_STATS=$work/verifier/$name
	out=$(cd "$(dirname "$t")" && D=$(dirname "$t") timeout 60 bash -c "$cmd" 2>"$errfile")
	status=$?
	err=$(cat "$errfile")
	local why=""
	[ "$status" == "$expected_status" ] || why+="status $status, expected $expected_status"$'\n'
	[ "$out" == "$expected_out" ] || why+="stdout differs:"$'\n'"$(diff <(printf '%s\n' "$expected_out") <(printf '%s\n' "$out") | head -30)"$'\n'
	if grep -q '^--- stderr$' "$t"; then
		[ "$err" == "$expected_err" ] || why+="stderr differs:"$'\n'"$(diff <(printf '%s\n' "$expected_err") <(printf '%s\n' "$err") | head -30)"$'\n'
	elif [ -n "$err" ]; then
		why+="unexpected stderr:"$'\n'"$err"$'\n'
	fi
	if [ -z "$why" ]; then echo pass; else printf 'fail\n%s' "$why"; fi
}

# Counts and prints a verdict judge_case left in FILE: report NAME FILE.
report() {
	local verdict why
	{ read -r verdict; why=$(cat; printf x); } < "$2"
	why=${why%x}
	if [ "$verdict" = pass ]; then ok "$1"; else bad "$1" "$why"; fi
}

# Up to TEST_JOBS cases run at once, each in a slot of its own.  A probe on
# a file fires in every process that runs the file, so the cases of
# different slots must not run the same files: every slot has a copy of
# the targets of its own as $T, in a directory named bin as the build's is
# (a case may name a target as ../bin/NAME).  The copies are in the
# scratch directory, whose path is short wherever the build tree is: a
# stack shows a path of 61 bytes or more as "..." and its tail.  A case
# with the line "# alone: REASON" runs with no other beside it, after the
# rest: it depends on timing, on signals to process groups, or on what
# else the kernel has loaded.
jobs=$TEST_JOBS
[[ $jobs =~ ^[1-9][0-9]*$ ]] || jobs=1
slot_dir=()
declare -A slot_of=() case_of=()
free_slots=()

# Makes the slots 0 to jobs - 1, each with its copy of the targets.  Where
# no copy can be made, the cases run one at a time on the build's.
make_slots() {
	local k
	for ((k = 0; k < jobs; k++)); do
		if ! mkdir -p "$work/slot$k" || ! cp -a "$T" "$work/slot$k/bin"; then
			bad e2e-slots "could not copy $T for slot $k: the e2e cases run one at a time on it"
			jobs=1 slot_dir=("$T") free_slots=(0)
			return
		fi
		slot_dir[k]=$(cd "$work/slot$k/bin" && pwd -P)
		free_slots+=("$k")
	done
}

# Starts case number I (of cases) in a free slot, in the background.
start_case() {
	local i=$1 slot=${free_slots[0]}
	free_slots=("${free_slots[@]:1}")
	local t=${cases[i]}
	(export T=${slot_dir[slot]}; judge_case "$t" "e2e/$(basename "$t" .t)" > "$work/verdict.$i") &
	slot_of[$!]=$slot
	case_of[$!]=$i
}

# Waits for one running case to end, then reports it and frees its slot.
finish_one() {
	local pid
	wait -n -p pid
	local i=${case_of[$pid]}
	report "e2e/$(basename "${cases[i]}" .t)" "$work/verdict.$i"
	free_slots+=("${slot_of[$pid]}")
	unset "slot_of[$pid]" "case_of[$pid]"
}

cases=()
for t in "$src"/tests/e2e/*.t; do
	[ -f "$t" ] || continue
	name=e2e/$(basename "$t" .t)
	wanted "$name" && cases+=("$t")
done
if [ ${#cases[@]} -gt 0 ]; then
	bpf_check
	make_slots
	mkdir -p "$work/verifier/e2e"
	alone=()
	for i in "${!cases[@]}"; do
		t=${cases[i]}
		name=e2e/$(basename "$t" .t)
		# A case that measures how fast uscript keeps up says so; a build
		# with sanitizers is several times slower and does not run it.
		if [ -n "${SANITIZED:-}" ] && grep -q '^# timing: not under sanitizers' "$t"; then
			skip=$((skip + 1))
			echo "SKIP $name: measures speed, and this build has sanitizers"
			continue
		fi
		if ! grep -q '^# needs: nothing' "$t" && [ -n "$bpf_reason" ]; then
			skipped "$name" "$bpf_reason"
			continue
		fi
		if [ "$jobs" -gt 1 ] && grep -q '^# alone:' "$t"; then
			alone+=("$i")
			continue
		fi
		[ ${#free_slots[@]} -gt 0 ] || finish_one
		start_case "$i"
	done
	while [ ${#case_of[@]} -gt 0 ]; do finish_one; done
	for i in "${alone[@]}"; do
		start_case "$i"
		finish_one
	done
fi

# The verifier's margin: the most instructions the kernel's verifier
# processed for any program an e2e case loaded (uscript appends a line
# "INSNS PROGRAM PROBEPOINT" per program to $USCRIPT_VERIFIER_STATS) must
# stay at or below a quarter of its limit of 1,000,000, so that code that
# grows towards the limit shows here long before a program is refused.
# The figure is printed on every run.  No figure at all fails when every
# e2e case ran, for the record itself is broken then; when TESTS or
# TESTS_FILE chose a few cases, none of which loads a program, there is
# nothing to check.
verifier_limit=250000
if [ ${#cases[@]} -gt 0 ]; then
	found[verifier_margin]=1
	if [ -n "$bpf_reason" ]; then
		skipped verifier_margin "$bpf_reason"
	else
		largest=$(cd "$work/verifier" && find . -type f -exec awk '
			$1 ~ /^[0-9]+$/ && (!seen || $1 + 0 > max) {
				seen = 1; max = $1 + 0; test = substr(FILENAME, 3)
				point = $0; sub(/^[0-9]+ [^ ]+ /, "", point)
			}
			END { if (seen) print max, test, point }' {} + | sort -n | tail -1)
		read -r insns test point <<< "$largest"
		# The targets' directory, whichever copy, as the cases write it.
		for d in "${slot_dir[@]}"; do point=${point//"$d"/\$T}; done
		if [ -z "$largest" ] && [ -n "$TESTS$TESTS_FILE" ]; then
			skip=$((skip + 1))
			echo "SKIP verifier_margin: the e2e cases chosen load no BPF program"
		elif [ -z "$largest" ]; then
			bad verifier_margin "no e2e case recorded a BPF program (USCRIPT_VERIFIER_STATS)"
		else
			echo "verifier: at most $insns instructions processed, in $test at $point (limit $verifier_limit)"
			if [ "$insns" -le "$verifier_limit" ]; then
				ok verifier_margin
			else
				bad verifier_margin "$test: $point took the verifier $insns instructions, more than $verifier_limit"
			fi
		fi
	fi
fi

# Nothing of ours may stay loaded once the tests are done.  The kernel frees
# a program shortly after its last user closes it, so give it a moment.
if [ "$(id -u)" = 0 ] && command -v bpftool >/dev/null && wanted leftovers; then
	for try in 1 2 3 4 5 6 7 8 9 10; do
		left=$(comm -13 <(printf '%s\n' $progs_before | sort) <(our_progs | sort))
		[ -z "$left" ] && break
		sleep 0.2
	done
	still=""
	[ -n "$left" ] && still=$(bpftool prog show | grep -E "^($(echo $left | tr ' ' '|')):")
	if [ -z "$still" ]; then
		ok "leftovers"
	else
		bad "leftovers" "BPF programs still loaded:"$'\n'"$still"
	fi
fi

# Valgrind mode: wait for the last checks; a failed one fails its test.
if [ -n "${VALGRIND_DIR:-}" ]; then
	for d in "$VALGRIND_DIR"/job.*; do
		[ -e "$d/lock" ] && flock "$d/lock" true 2>/dev/null
	done
	checked=$(find "$VALGRIND_DIR" -maxdepth 1 -name 'passed.*' | wc -l)
	# A check still here ended without a verdict.
	for d in "$VALGRIND_DIR"/job.*; do
		[ -d "$d" ] && echo "valgrind status: none" >> "$d/valgrind.log" &&
			mv "$d" "$VALGRIND_DIR/failed/"
	done
	for d in "$VALGRIND_DIR"/failed/*; do
		[ -d "$d" ] || continue
		checked=$((checked + 1))
		bad "valgrind/$(cat "$d/test")" "$(cat "$d/command")"$'\n'"$(grep -v '^==[0-9]*== *$' "$d/valgrind.log" | head -60)"
	done
	echo "valgrind: $checked compile passes checked"
	[ "$checked" -gt 0 ] || bad "valgrind" "no compile pass was checked"
fi

# A name in TESTS_FILE that is no test would shrink the selection unseen.
for name in "${!listed[@]}"; do
	[ -n "${found[$name]:-}" ] || bad "$name" "$TESTS_FILE names it, but there is no such test"
done

[ $skip -gt 0 ] && echo "$skip skipped"
[ ${#failed[@]} -gt 0 ] && echo "failed: ${failed[*]}"
[ -n "${TEST_COUNTS:-}" ] && echo "$pass $fail $skip" > "$TEST_COUNTS"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
