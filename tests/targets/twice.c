/* twice.c — f() has a copy of its own and, built -O2, is also inlined
 * twice into main, which calls it with argc and with atoi(argv[1]). */
#include <stdlib.h>

int f(int x)
{
	return x * 3 + 1;
}

int main(int argc, char **argv)
{
	return (f(argc) + f(argc > 1 ? atoi(argv[1]) : 0)) == -1;
}
