/* hotcold: spends 0.4 s of CPU in hot() and 0.04 s in cold(), each
 * spinning in spin(), so a profile sees hot() about ten times as often. */
#include <time.h>

static volatile long sink;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

__attribute__((noinline)) void spin(double s)
{
	double end = now() + s;
	while (now() < end)
		sink++;
}

__attribute__((noinline)) void hot(void)
{
	spin(0.4);
}

__attribute__((noinline)) void cold(void)
{
	spin(0.04);
}

int main(void)
{
	hot();
	cold();
	return 0;
}
