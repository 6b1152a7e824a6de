#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# elfsym_targets.sh OUTDIR — builds the ELF files test_elfsym reads:
#   pie, nopie           the same small program, -O0 -g, PIE and non-PIE
#   libtarget.so         a shared library with a static function, an IFUNC
#                        and two versions of one symbol
#   pie.stripped, libtarget.stripped.so   the same after strip
#   pie.debug            objcopy --only-keep-debug: headers without code
#   pie.lld, libtarget.lld.so   linked by lld, whose code segments have
#                        p_vaddr != p_offset (only when ld.lld exists)
#   prog_a.o             a relocatable object
#   aarch64.o            an object for another machine (only with clang-19)
#   text.txt             not ELF at all
# The sources are written here too, so the test needs nothing else.
set -eu
out=${1:?usage: elfsym_targets.sh OUTDIR}
CC=${CC:-gcc}
mkdir -p "$out"
cd "$out"

cat > prog_a.c <<'SRC'
/* main, an alias, and a static helper that prog_b.c has too. */
int twice(int x);
int call_b(int x);
int counter = 5;         /* .data: an address outside code */
int zeroed[64];          /* .bss: an address not in the file */
int add(int a, int b) { return a + b; }
int add_alias(int a, int b) __attribute__((alias("add")));
static int helper(int x) { return x * 3; }
int call_a(int x) { return helper(x) + zeroed[x & 63]; }
int main(int argc, char **argv)
{
	(void)argv;
	return add(argc, call_a(argc)) + twice(argc) + call_b(argc) +
	       add_alias(counter, 2);
}
SRC

cat > prog_b.c <<'SRC'
static int helper(int x) { return x + 7; }
int call_b(int x) { return helper(x); }
int twice(int x) { return x * 2; }
SRC

cat > lib.c <<'SRC'
int lib_add(int a, int b) { return a + b; }
static int lib_helper(int x) { return x - 1; }
int lib_call(int x) { return lib_helper(x); }
static int add_generic(int a, int b) { return a + b; }
static int (*resolve_fast_add(void))(int, int) { return add_generic; }
int fast_add(int a, int b) __attribute__((ifunc("resolve_fast_add")));
int foo_old(void) { return 1; }
int foo_new(void) { return 2; }
__asm__(".symver foo_old,foo@VER_1");
__asm__(".symver foo_new,foo@@VER_2");
SRC

cat > lib.map <<'SRC'
VER_1 { global: lib_add; lib_call; fast_add; foo; local: *; };
VER_2 { global: foo; } VER_1;
SRC

$CC -O0 -g -fPIE -pie -Wl,--build-id prog_a.c prog_b.c -o pie
$CC -O0 -g -fno-pie -no-pie -Wl,--build-id=none prog_a.c prog_b.c -o nopie
$CC -O0 -g -shared -fPIC -Wl,--version-script=lib.map lib.c -o libtarget.so
strip -o pie.stripped pie
strip -o libtarget.stripped.so libtarget.so
objcopy --only-keep-debug pie pie.debug
$CC -O0 -g -c prog_a.c -o prog_a.o
rm -f aarch64.o pie.lld libtarget.lld.so
if command -v ld.lld >/dev/null 2>&1; then
	$CC -O0 -g -fPIE -pie -fuse-ld=lld prog_a.c prog_b.c -o pie.lld
	$CC -O0 -g -shared -fPIC -fuse-ld=lld -Wl,--version-script=lib.map \
		lib.c -o libtarget.lld.so
fi
if command -v clang-19 >/dev/null 2>&1; then
	clang-19 --target=aarch64-linux-gnu -c prog_b.c -o aarch64.o
fi
echo 'hello, not an ELF file' > text.txt
