/* SPDX-License-Identifier: GPL-2.0-or-later */
/* untouched.c — strings on pages the program has not touched when the
 * probe reads them: constants in .rodata, far (in 64 KiB windows of their
 * own, beyond the kernel's fault-around) from anything the program or the
 * dynamic linker reads, one of them across a page boundary; and an address
 * on a page no access can bring in (PROT_NONE).
 *
 *   untouched      show() each string; prints nothing */
#include <stddef.h>
#include <sys/mman.h>

#define WINDOW 65536

struct pages {
	char before[2 * WINDOW + 100];
	char alone[32];
	char gap[WINDOW - 100 - 32 - 6];
	char across[32];    /* from 6 bytes before a page boundary */
	char after[WINDOW];
};

static const struct pages P __attribute__((aligned(WINDOW))) = {
	.alone = "a string on a page of its own",
	.across = "a string across two pages",
};

__attribute__((noinline)) void show(const char *s)
{
	__asm__ volatile("" ::"r"(s) : "memory");
}

int main(void)
{
	char *none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	show(P.alone);
	show(P.across);
	if (none != MAP_FAILED)
		show(none);
	return 0;
}
