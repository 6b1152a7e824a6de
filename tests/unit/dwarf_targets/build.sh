#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# build.sh OUTDIR — builds the files test_dwarfinfo reads and runs, from
# the sources beside this script:
#   types-gcc-O0-pie types-gcc-O0-nopie types-gcc-O2-pie types-gcc-O2-nopie
#                         types.c by $CC at -O0 -g and -O2 -g, PIE and not
#   types-gcc-O0-dwarf4   the same in DWARF 4 (bit-fields by DW_AT_bit_offset)
#   classes-gcc-O0 classes-gcc-O2   classes.cc by $CXX
#   classes-gcc-O0-typeunits        -gdwarf-4 -fdebug-types-section: the
#                         classes in .debug_types, named by signature
#   types-clang-O0-pie types-clang-O2-pie classes-clang-O0 classes-clang-O2
#                         the same by clang-19 / clang++-19, when installed
#   split/link            types-gcc-O2-pie stripped, its DWARF in
#                         split/link.debug named by .gnu_debuglink
#   split/dotdebug        the same with the DWARF in split/.debug/
#   split/byid            stripped, no debuglink; the DWARF only at
#                         debugroot/.build-id/NN/REST.debug
#   nodebug               types.c without -g
set -eu
out=${1:?usage: build.sh OUTDIR}
src=$(cd "$(dirname "$0")" && pwd)
CC=${CC:-gcc}
CXX=${CXX:-g++}
mkdir -p "$out"
cd "$out"
for o in 0 2; do
	$CC -O$o -g -fPIE -pie -o types-gcc-O$o-pie "$src/types.c"
	$CC -O$o -g -fno-pie -no-pie -o types-gcc-O$o-nopie "$src/types.c"
	$CXX -O$o -g -o classes-gcc-O$o "$src/classes.cc"
done
$CC -O0 -gdwarf-4 -fPIE -pie -o types-gcc-O0-dwarf4 "$src/types.c"
$CXX -O0 -gdwarf-4 -fdebug-types-section -o classes-gcc-O0-typeunits "$src/classes.cc"
$CC -O2 -o nodebug "$src/types.c"

rm -f types-clang-* classes-clang-*
if command -v clang-19 >/dev/null 2>&1 && command -v clang++-19 >/dev/null 2>&1; then
	for o in 0 2; do
		clang-19 -O$o -g -fPIE -pie -Wno-deprecated-non-prototype -Wno-c23-extensions \
			-o types-clang-O$o-pie "$src/types.c"
		clang++-19 -O$o -g -o classes-clang-O$o "$src/classes.cc"
	done
fi

# Separate debug files.
rm -rf split debugroot
mkdir -p split/.debug
objcopy --only-keep-debug types-gcc-O2-pie split/link.debug
objcopy --strip-debug --add-gnu-debuglink=split/link.debug types-gcc-O2-pie split/link
objcopy --only-keep-debug types-gcc-O2-pie split/.debug/dotdebug.debug
(cd split && objcopy --strip-debug --add-gnu-debuglink=.debug/dotdebug.debug \
	../types-gcc-O2-pie dotdebug)
objcopy --strip-debug types-gcc-O2-pie split/byid
id=$(readelf -n types-gcc-O2-pie | sed -n 's/.*Build ID: *\([0-9a-f]*\).*/\1/p')
first=$(echo "$id" | cut -c1-2)
rest=$(echo "$id" | cut -c3-)
mkdir -p "debugroot/.build-id/$first"
objcopy --only-keep-debug types-gcc-O2-pie "debugroot/.build-id/$first/$rest.debug"
