/* threads: M threads (argv[2], 2 by default, at most 64) each call work(i)
 * for i from 0 to N - 1 (N is argv[1], 10000 by default), so probes fire on
 * several CPUs at once.  The main thread only waits.  Prints nothing. */
#include <pthread.h>
#include <stdlib.h>

static long n = 10000;

int work(int i)
{
	return i;
}

static void *run(void *arg)
{
	for (long i = 0; i < n; i++)
		work((int)i);
	return arg;
}

int main(int argc, char **argv)
{
	pthread_t t[64];
	int m = argc > 2 ? atoi(argv[2]) : 2;

	if (argc > 1)
		n = atol(argv[1]);
	if (m < 1 || m > 64)
		return 2;
	for (int i = 0; i < m; i++)
		if (pthread_create(&t[i], NULL, run, NULL))
			return 1;
	for (int i = 0; i < m; i++)
		pthread_join(t[i], NULL);
	return 0;
}
