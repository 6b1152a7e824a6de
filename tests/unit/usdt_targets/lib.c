/* lib.c — a shared library with USDT probes, both with semaphores (the
 * whole file has them: _SDT_HAS_SEMAPHORES), one guarded by its semaphore.
 * Prints the line each probe must decode to, like app.c. */
#define _SDT_HAS_SEMAPHORES 1
#include <sys/sdt.h>
#include <stdint.h>
#include <stdio.h>

unsigned short lib_hit_semaphore __attribute__((unused)) __attribute__((section(".probes")));
unsigned short lib_plain_semaphore __attribute__((unused)) __attribute__((section(".probes")));

int lib_global = 3;
static int lib_static = 4;
__attribute__((visibility("hidden"))) int lib_hidden = 5;   /* -O2: lib_hidden(%rip) */

int lib_fn(int x, long *p)
{
	lib_static += x;
	lib_hidden -= x;
	if (lib_hit_semaphore)
		STAP_PROBE5(lib, hit, x, lib_global, lib_static, lib_hidden, p[2]);
	printf("lib:hit %lld %lld %lld %lld %lld\n", (long long)x, (long long)lib_global,
	       (long long)lib_static, (long long)lib_hidden, (long long)p[2]);
	STAP_PROBE2(lib, plain, x, p);
	printf("lib:plain %lld %llu\n", (long long)x, (unsigned long long)(uintptr_t)p);
	return x + lib_static;
}
