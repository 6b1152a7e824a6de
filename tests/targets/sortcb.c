/* sortcb: main calls sorter, which sorts with qsort(3), which calls back
 * cmp: a program built with frame pointers whose stack goes through the
 * C library, which has none.  N times (argv[1], 3 by default) 10 ms apart;
 * prints nothing. */
#include <stdlib.h>
#include <time.h>

int cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

int sorter(int *v, int n)
{
	qsort(v, (size_t)n, sizeof(int), cmp);
	return v[0];
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 3;
	struct timespec ten_ms = { 0, 10 * 1000 * 1000 };
	long sum = 0;
	for (int i = 0; i < n; i++) {
		int v[] = { 3, 1, 2 };
		sum += sorter(v, 3);
		nanosleep(&ten_ms, NULL);
	}
	return sum < 0;
}
