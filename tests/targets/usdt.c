/* usdt.c — USDT probes (<sys/sdt.h>) of every kind of argument.
 *
 *   usdt N    runs N rounds, 10 ms apart; each round fires
 *     app:request   (id, name, size)        round, "req-<round>", -round
 *     app:bytes     (c, uc, s, us)           -1, 255, -2, 65535 as char/short
 *     app:consts    (7, -9)                  constants
 *     app:twice     (where)                  two sites, where = 1 at the first
 *                                            and 2 at the second
 *     app:none      ()                       no arguments
 * and prints "round N" after it, so tests can match probe output to it. */
#include <sys/sdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct req {
	long id;
	char name[16];
};

static void __attribute__((noinline)) round_of(int round, volatile struct req *r)
{
	volatile signed char c = -1;
	volatile unsigned char uc = 255;
	volatile short s = -2;
	volatile unsigned short us = 65535;
	snprintf((char *)r->name, sizeof(r->name), "req-%d", round);
	r->id = round;
	long size = -round;
	STAP_PROBE3(app, request, r->id, r->name, size);
	STAP_PROBE4(app, bytes, c, uc, s, us);
	STAP_PROBE2(app, consts, 7, -9);
	volatile int first = 1, second = 2;
	DTRACE_PROBE1(app, twice, first);
	DTRACE_PROBE1(app, twice, second);
	STAP_PROBE(app, none);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	struct req r;
	for (int i = 1; i <= n; i++) {
		round_of(i, &r);
		printf("round %d\n", i);
		fflush(stdout);
		nanosleep(&ts, NULL);
	}
	return 0;
}
