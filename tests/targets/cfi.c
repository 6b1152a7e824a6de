/* cfi: main calls outer, which calls cfi_each() in libcfi.so, which calls
 * back visit, which calls middle, which calls leaf: a stack through a
 * shared library, all of it built with -O2 and without frame pointers, so
 * only call-frame information unwinds it.  The functions are kept whole
 * (noipa: not inlined, cloned nor called as tail calls).  N times
 * (argv[1], 3 by default) 10 ms apart; prints nothing.  cfi_o3.c builds
 * the same with -O3. */
/* cflags: -O2 -fomit-frame-pointer */
/* link: -L$T -lcfi -Wl,-rpath,$ORIGIN */
#include <stdlib.h>
#include <time.h>

int cfi_each(int (*fn)(int), int n);

volatile int sink;

__attribute__((noipa)) int leaf(int x)
{
	sink = x;
	return x * 3;
}

__attribute__((noipa)) int middle(int x)
{
	int r = leaf(x + 1);
	sink = r;
	return r + 2;
}

__attribute__((noipa)) int visit(int x)
{
	int r = middle(x * 2);
	sink = r;
	return r + 1;
}

__attribute__((noipa)) int outer(int n)
{
	int r = cfi_each(visit, n);
	sink = r;
	return r - 1;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 3;
	struct timespec ten_ms = { 0, 10 * 1000 * 1000 };
	long sum = 0;
	for (int i = 0; i < n; i++) {
		sum += outer(1);
		nanosleep(&ten_ms, NULL);
	}
	return sum < 0;
}
