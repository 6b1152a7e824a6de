#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# build.sh OUTDIR — builds the processes test_symbolize reads:
#   chain_pie, chain_nopie   chain.c, -O0 -g with frame pointers, PIE and
#                            not, both linked with libchain.so
#   chain_lld                the PIE linked by lld, whose code segment has
#                            p_vaddr != p_offset (only when ld.lld exists)
#   libchain.so, libplugin.so   found through the rpath $ORIGIN
#   long/<61+ bytes>/        copies whose paths SystemTap would shorten
#   stripped/                chain_pie and libchain.so stripped
set -eu
out=${1:?usage: build.sh OUTDIR}
src=$(cd "$(dirname "$0")" && pwd)
CC=${CC:-gcc}
CFLAGS="-O0 -g -fno-omit-frame-pointer -fno-inline"
mkdir -p "$out"
cd "$out"
$CC $CFLAGS -shared -fPIC "$src/libchain.c" -o libchain.so
$CC $CFLAGS -shared -fPIC "$src/plugin.c" -o libplugin.so
$CC $CFLAGS -fPIE -pie "$src/chain.c" -o chain_pie -L. -lchain \
	-Wl,-rpath,'$ORIGIN' -ldl
$CC $CFLAGS -fno-pie -no-pie "$src/chain.c" -o chain_nopie -L. -lchain \
	-Wl,-rpath,'$ORIGIN' -ldl
rm -f chain_lld
if command -v ld.lld >/dev/null 2>&1; then
	$CC $CFLAGS -fPIE -pie -fuse-ld=lld "$src/chain.c" -o chain_lld -L. \
		-lchain -Wl,-rpath,'$ORIGIN' -ldl
fi
long=long/a_directory_name_long_enough_that_systemtap_keeps_only_the_end
mkdir -p "$long"
cp chain_pie libchain.so libplugin.so "$long/"
# Stripped copies: the program has no symbols of its own left, the
# library only those of .dynsym (lib_middle, a static function, is gone).
mkdir -p stripped
strip -o stripped/chain_pie chain_pie
strip -o stripped/libchain.so libchain.so
cp libplugin.so stripped/
