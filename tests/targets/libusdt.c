/* libusdt.c — a shared library with USDT probes, one behind a semaphore;
 * usdt_lib.c calls it.  Built as $T/libusdt.so. */
#define _SDT_HAS_SEMAPHORES 1
#include <sys/sdt.h>

unsigned short lib_enter_semaphore __attribute__((section(".probes")));
unsigned short lib_guarded_semaphore __attribute__((section(".probes")));

/* Fires lib:enter(n, n * 2), and lib:guarded(n) when a tracer listens;
 * returns whether one does. */
int lib_work(long n)
{
	long twice = n * 2;
	STAP_PROBE2(lib, enter, n, twice);
	if (lib_guarded_semaphore) {
		STAP_PROBE1(lib, guarded, n);
		return 1;
	}
	return 0;
}
