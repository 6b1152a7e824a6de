/* lines: source lines and labels to probe.  scale(x, k) runs a loop whose
 * body has a local and a label; main calls it for i from 0 to N - 1 (N is
 * argv[1], 3 by default), and a static helper the compiler inlines.  The
 * line numbers are the tests': keep them. */
#include <stdlib.h>

volatile int sink;

__attribute__((noinline)) int scale(int x, int k)
{
	int total = 0;
	for (int j = 0; j < k; j++) {
		int step = x * j + sink;
		sink = step;
		total += step;
	again:
		if (total < 0)
			goto again;
	}
	sink = total;
	return total;
}

static inline __attribute__((always_inline)) int twice(int v)
{
	int doubled = v * 2 + sink;
	sink = doubled;
done:	return doubled;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 3, sum = 0;
	for (int i = 0; i < n; i++) {
		sum += scale(i, 2);
		sum += twice(i);
	}
	return sum < 0;
}
