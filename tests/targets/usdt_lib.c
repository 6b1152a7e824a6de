/* usdt_lib.c — calls the USDT probes of libusdt.so.
 *
 *   usdt_lib N   N rounds 10 ms apart; round i calls lib_work(i) and
 *                prints "round i traced" or "round i untraced" by what
 *                the library's semaphore said.
 *
 * It loads the libusdt.so beside it ($ORIGIN), so that a copy of the
 * targets (tests/run.sh makes one for each end-to-end test running beside
 * another) uses its own library. */
/* link: -L$T -lusdt -Wl,-rpath,$ORIGIN */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int lib_work(long n);

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	for (int i = 1; i <= n; i++) {
		printf("round %d %s\n", i, lib_work(i) ? "traced" : "untraced");
		fflush(stdout);
		nanosleep(&ts, NULL);
	}
	return 0;
}
