/* spin: burns argv[1] seconds of CPU (default 2) in three nested calls,
 * for the profiling benchmark: a profile has user stacks to take. */
#include <stdlib.h>
#include <time.h>

static volatile unsigned long sink;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

__attribute__((noinline)) void inner(void)
{
	for (int i = 0; i < 1000; i++)
		sink += (unsigned long)i;
}

__attribute__((noinline)) void middle(void)
{
	inner();
}

int main(int argc, char **argv)
{
	double end = now() + (argc > 1 ? atof(argv[1]) : 2.0);
	while (now() < end)
		middle();
	return 0;
}
