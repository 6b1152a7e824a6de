/* stacks: main calls outer, which calls middle, which calls inner, N times
 * (argv[1], 3 by default) 10 ms apart, so a probe on inner sees a stack of
 * known functions in a process that is still running when its output is
 * printed.  apply(fn, x) passes a function pointer, for usymname().
 * Prints nothing. */
#include <stdlib.h>
#include <time.h>

int square(int x)
{
	return x * x;
}

int apply(int (*fn)(int), int x)
{
	return fn(x);
}

int inner(int i)
{
	return apply(square, i);
}

int middle(int i)
{
	return inner(i) + 1;
}

int outer(int i)
{
	return middle(i) + 1;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 3;
	struct timespec ten_ms = { 0, 10 * 1000 * 1000 };
	long sum = 0;
	for (int i = 0; i < n; i++) {
		sum += outer(i);
		nanosleep(&ten_ms, NULL);
	}
	return sum < 0;
}
