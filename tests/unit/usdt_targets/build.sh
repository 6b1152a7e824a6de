#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# build.sh OUTDIR — builds the ELF files test_usdt reads and runs, from the
# sources beside this script:
#   app-O0-pie app-O2-pie app-O0-nopie app-O2-nopie   app.c + app_sema.c
#   app-clang-O2-pie      the same by clang (its -O2 args are %rsp-relative),
#                         only when clang is installed
#   app-O2-pie.stripped   strip(1)ped: the symbols of -O2's operands are gone
#   libusdt-O0.so libusdt-O2.so, libmain-O0 libmain-O2   a shared library
#                         with semaphores, and a program that calls it
#   forms-pie forms-nopie forms.so   hand-written argument strings
#   nonotes               no USDT probes at all
set -eu
out=${1:?usage: build.sh OUTDIR}
src=$(cd "$(dirname "$0")" && pwd)
CC=${CC:-gcc}
mkdir -p "$out"
cd "$out"
for o in 0 2; do
	$CC -O$o -g -fPIE -pie -o app-O$o-pie "$src/app.c" "$src/app_sema.c"
	$CC -O$o -g -fno-pie -no-pie -o app-O$o-nopie "$src/app.c" "$src/app_sema.c"
	$CC -O$o -g -fPIC -shared -o libusdt-O$o.so "$src/lib.c"
	$CC -O$o -g -fPIE -pie -o libmain-O$o "$src/libmain.c" \
		-L. -l:libusdt-O$o.so -Wl,-rpath,"$(pwd)"
done
strip -o app-O2-pie.stripped app-O2-pie
rm -f app-clang-O2-pie
for clang in clang clang-19 clang-14; do
	if command -v $clang >/dev/null 2>&1; then
		$clang -O2 -g -fPIE -pie -o app-clang-O2-pie "$src/app.c" "$src/app_sema.c"
		break
	fi
done
$CC -O2 -fPIE -pie -o forms-pie "$src/forms.c" "$src/forms2.c"
$CC -O2 -fno-pie -no-pie -o forms-nopie "$src/forms.c" "$src/forms2.c"
$CC -O2 -fPIC -shared -o forms.so "$src/forms.c" "$src/forms2.c"
$CC -O2 -o nonotes "$src/nonotes.c"
