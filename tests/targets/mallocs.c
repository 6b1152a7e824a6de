/* mallocs: asks malloc() for 3, 40 and 500 bytes, N times each (argv[1],
 * default 1), frees it all, and prints nothing. */
#include <stdlib.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	static const size_t sizes[] = { 3, 40, 500 };
	for (int i = 0; i < n; i++)
		for (int k = 0; k < 3; k++)
			free(malloc(sizes[k]));
	return 0;
}
