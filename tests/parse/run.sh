#!/bin/sh
# run.sh — the parser's golden tests.
#
#   tests/parse/run.sh DRIVER [ARG...]
#
# runs `DRIVER [ARG...] tests/parse/NAME.up` from the top of the source tree
# for every NAME.up here, and compares what it printed (standard output,
# then standard error) with NAME.out, and its exit status with 1 if NAME.out
# holds an error and 0 if not; a valid script's output must also parse back
# to itself.  DRIVER is build/tests/unit/parse_driver or
# `build/uscript -p1`; a wrapper works too (`valgrind -q --error-exitcode=3
# build/tests/unit/parse_driver`).  Prints PASS or FAIL per test, with a diff
# for each failure, and exits 1 if any failed.  With UPDATE=1 it rewrites
# the .out files instead: review the diff before committing them.
set -u

if [ $# -lt 1 ]; then
	echo "usage: $0 DRIVER [ARG...]" >&2
	exit 2
fi

# The command's own paths are relative to where it was typed; the tests
# run from the top of the tree so diagnostics name tests/parse/NAME.up.
cmd=
for arg in "$@"; do
	case $arg in
	*/*) [ -e "$arg" ] && arg=$(cd "$(dirname "$arg")" && pwd)/$(basename "$arg") ;;
	esac
	cmd="$cmd '$(printf '%s' "$arg" | sed "s/'/'\\\\''/g")'"
done
cd "$(dirname "$0")/../.." || exit 2

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

pass=0
fail=0
for up in tests/parse/*.up; do
	name=$(basename "$up" .up)
	out=tests/parse/$name.out
	eval "$cmd \"\$up\"" >"$tmp/stdout" 2>"$tmp/stderr"
	status=$?
	cat "$tmp/stdout" "$tmp/stderr" >"$tmp/got"
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$tmp/got" "$out"
	fi
	if grep -q -e ': error: ' -e '^uscript: ' "$out" 2>/dev/null; then
		want=1
	else
		want=0
	fi
	# A valid script's dump must parse back to itself.
	again=ok
	if [ "$want" -eq 0 ] && [ -f "$out" ]; then
		cp "$out" "$tmp/$name.up"
		eval "$cmd \"\$tmp/\$name.up\"" >"$tmp/again" 2>&1 || again=bad
		cmp -s "$tmp/again" "$out" || again=bad
	fi
	if [ -f "$out" ] && cmp -s "$tmp/got" "$out" && [ "$status" -eq "$want" ] &&
	   [ "$again" = ok ]; then
		echo "PASS $name"
		pass=$((pass + 1))
	elif [ "$again" != ok ] && cmp -s "$tmp/got" "$out"; then
		echo "FAIL $name (its dump does not parse back to itself)"
		diff -u "$out" "$tmp/again" | sed 's/^/    /'
		fail=$((fail + 1))
	else
		echo "FAIL $name (exit status $status, expected $want)"
		if [ -f "$out" ]; then
			diff -u "$out" "$tmp/got" | sed 's/^/    /'
		else
			echo "    no $out"
		fi
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
