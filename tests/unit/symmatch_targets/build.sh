#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# build.sh OUTDIR — builds the programs test_symmatch reads, from geo.cc:
#   geo-gcc, geo-clang               -O0 -g, with .symtab and DWARF
#   geo-gcc.stripped, geo-clang.stripped
#                                    -rdynamic, then stripped: only the
#                                    exported functions, in .dynsym
#   geo-gcc-O2                       -O2, for whatever clones GCC makes
# The clang builds are skipped when there is no clang++-19 or clang++.
set -eu
out=${1:?usage: build.sh OUTDIR}
src=$(cd "$(dirname "$0")" && pwd)/geo.cc
mkdir -p "$out"
cd "$out"
GXX=${GXX:-g++}
CLANGXX=${CLANGXX:-$(command -v clang++-19 || command -v clang++ || true)}

build() {   # build NAME COMPILER
	"$2" -O0 -g -o "$1" "$src"
	"$2" -O0 -rdynamic -o "$1.tmp" "$src"
	strip -o "$1.stripped" "$1.tmp"
	rm -f "$1.tmp"
}

build geo-gcc "$GXX"
"$GXX" -O2 -o geo-gcc-O2 "$src"
rm -f geo-clang geo-clang.stripped
if [ -n "$CLANGXX" ]; then
	build geo-clang "$CLANGXX"
fi
