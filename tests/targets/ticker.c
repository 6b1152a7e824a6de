/* ticker: calls tick(i) every 10 ms, N times (argv[1], forever if 0), so
 * a test can attach to it with -x or stop it with a signal. */
#include <stdlib.h>
#include <time.h>

int tick(int i)
{
	return i;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 0;
	struct timespec ten_ms = { 0, 10 * 1000 * 1000 };
	for (long i = 0; n == 0 || i < n; i++) {
		tick((int)i);
		nanosleep(&ten_ms, NULL);
	}
	return 0;
}
