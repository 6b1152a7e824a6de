/* inlines.c — a function inlined twice into main (always_inline works at
 * -O0 too) and one that also has a copy of its own.  `inlines N` runs
 * them N times: each call of square() and of cube() prints nothing. */
#include <stdlib.h>

static inline __attribute__((always_inline)) int square(int x)
{
	return x * x;
}

__attribute__((noinline)) int cube(int x)
{
	return x * square(x);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	volatile int sum = 0;
	for (int i = 0; i < n; i++) {
		sum += square(i);
		sum += square(i + 1);
		sum += cube(i);
	}
	return sum == -1;
}
