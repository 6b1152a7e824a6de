#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `make fuzz`: replays tests/fuzz/regressions/, then runs the fuzz target
# for FUZZ_SECONDS on the scripts of the tests and examples (seeds.sh) and
# on what earlier runs found (BUILDDIR/tests/fuzz/corpus).  Fails on any
# crash, leak, sanitizer report or input slower than 30 seconds; the input
# is left in BUILDDIR/tests/fuzz/artifacts/.
#
# Environment: BUILDDIR (a build configured with --enable-fuzzing), CC,
# FUZZ_SECONDS (60); FUZZ_ARGS, more libFuzzer options.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
: "${BUILDDIR:=$PWD}"
: "${FUZZ_SECONDS:=60}"
fuzz=$BUILDDIR/tests/fuzz/fuzz_compile
dir=$BUILDDIR/tests/fuzz

# Builds the targets (tests/bin) too, which the fuzz target probes.
USCRIPT=$BUILDDIR/uscript BUILDDIR=$BUILDDIR FUZZ_BIN=$fuzz TESTS=fuzz/ \
	bash "$src/tests/run.sh"

rm -rf "$dir/seeds"
sh "$src/tests/fuzz/seeds.sh" "$dir/seeds"
cp "$src"/tests/fuzz/regressions/* "$dir/seeds/" 2>/dev/null || true
mkdir -p "$dir/corpus" "$dir/artifacts"
# The words of the language, for the fuzzer to insert whole.
{
	sed -n 's/^[[:space:]]*X(\([a-z_0-9]*\),.*/\1/p' "$src/compiler/check/builtins.h"
	grep -o '{ "[a-z]*", TOK_' "$src/compiler/parse/lexer.l" | cut -d'"' -f2
	printf '%s\n' begin end error timer.ms timer.s timer.us process '.function(' \
		'.return' '.call' '.statement(' '.mark(' '"add"' '"main"' '"tick"' \
		'$$vars' '$$parms' '$$locals' '$$return' '$return' '@cast(' '@var(' \
		'@defined(' '@entry(' '@count(' '@sum(' '@min(' '@max(' '@avg(' \
		'@hist_log(' '@hist_linear(' '<<<' '->' '.=' '++' '--' '<<' '>>' '&&' \
		'||' '[*]' '$1' '@1' '@#' '$#' '%s' '%d' '%-10s' '%#x' '%p' '?' '"*"'
} | sed -e 's/[\\"]/\\&/g' -e 's/.*/"&"/' > "$dir/uscript.dict"
echo "fuzzing for $FUZZ_SECONDS seconds: $(ls "$dir/seeds" | wc -l) seeds, $(ls "$dir/corpus" | wc -l) in the corpus"
# shellcheck disable=SC2086
USCRIPT_FUZZ_TARGETS=$BUILDDIR/tests/bin "$fuzz" -max_total_time="$FUZZ_SECONDS" \
	-max_len=4096 -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
	-dict="$dir/uscript.dict" \
	-artifact_prefix="$dir/artifacts/" ${FUZZ_ARGS:-} "$dir/corpus" "$dir/seeds"
