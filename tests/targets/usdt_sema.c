/* usdt_sema.c — a USDT probe behind a semaphore, the way programs avoid
 * the cost of preparing a probe's arguments when no tracer listens.
 *
 *   usdt_sema N   N rounds 10 ms apart (0: until killed); each round fires
 *                 app:guarded(round) if the semaphore says a tracer is
 *                 attached, and prints "semaphore V" whenever the
 *                 semaphore's value changes, starting with its first. */
#define _SDT_HAS_SEMAPHORES 1
#include <sys/sdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

unsigned short app_guarded_semaphore __attribute__((section(".probes")));

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	int last = -1;
	for (int i = 1; n == 0 || i <= n; i++) {
		int v = *(volatile unsigned short *)&app_guarded_semaphore;
		if (v != last) {
			printf("semaphore %d\n", v);
			fflush(stdout);
			last = v;
		}
		if (app_guarded_semaphore)
			STAP_PROBE1(app, guarded, i);
		nanosleep(&ts, NULL);
	}
	return 0;
}
