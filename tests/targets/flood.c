/* flood: THREADS threads (argv[2], 1 by default) each call line(i) for i
 * from 0 to N - 1 (N is argv[1], 1000 by default) as fast as they can, so a
 * probe that prints on every call makes output faster than a consumer can
 * read it.  With more than one thread, thread k is pinned to the k-th CPU
 * the process may run on (modulo their number), so the probes fire on
 * several CPUs at once wherever there are several.  Prints nothing.
 *
 * Also the target of tests/bench/throughput.sh, which builds it -O0 (line()
 * begins with push %rbp, emulated by the kernel) and -O0
 * -fomit-frame-pointer (it begins with a store, single-stepped). */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

static long n = 1000;
static cpu_set_t allowed;

int line(int i)
{
	return i;
}

static void pin(long k)
{
	int count = CPU_COUNT(&allowed), seen = 0;
	for (int c = 0; c < CPU_SETSIZE && count > 1; c++) {
		if (!CPU_ISSET(c, &allowed) || seen++ != k % count)
			continue;
		cpu_set_t one;
		CPU_ZERO(&one);
		CPU_SET(c, &one);
		pthread_setaffinity_np(pthread_self(), sizeof(one), &one);
		return;
	}
}

static void *run(void *arg)
{
	if (arg)
		pin((long)arg - 1);
	for (long i = 0; i < n; i++)
		line((int)i);
	return NULL;
}

int main(int argc, char **argv)
{
	long threads = argc > 2 ? atol(argv[2]) : 1;
	pthread_t t[64];

	if (argc > 1)
		n = atol(argv[1]);
	if (threads < 1 || threads > 64 || sched_getaffinity(0, sizeof(allowed), &allowed))
		return 1;
	if (threads == 1) {
		run(NULL);
		return 0;
	}
	for (long k = 0; k < threads; k++)
		if (pthread_create(&t[k], NULL, run, (void *)(k + 1)))
			return 1;
	for (long k = 0; k < threads; k++)
		pthread_join(t[k], NULL);
	return 0;
}
