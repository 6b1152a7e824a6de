/* add: calls add(i, i + 1) for i from 0 to N - 1 (N is argv[1], 3 by
 * default) and prints nothing, so a test sees only the script's output. */
#include <stdlib.h>

int add(int a, int b)
{
	return a + b;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 3, sum = 0;
	for (int i = 0; i < n; i++)
		sum += add(i, i + 1);
	return sum == n * n ? 0 : 1;
}
