/* threads: two threads each call work(i) for i from 0 to N - 1 (N is argv[1],
 * 10000 by default), so probes fire on several CPUs at once.  The main thread
 * only waits.  Prints nothing. */
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
	pthread_t a, b;

	if (argc > 1)
		n = atol(argv[1]);
	if (pthread_create(&a, NULL, run, NULL) || pthread_create(&b, NULL, run, NULL))
		return 1;
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
