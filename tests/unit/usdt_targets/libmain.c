/* libmain.c — calls lib.c's probes; main:start stops a tracer once the
 * library is mapped. */
#include <sys/sdt.h>
#include <stdio.h>

int lib_fn(int x, long *p);

int main(void)
{
	STAP_PROBE(main, start);
	printf("main:start\n");
	long arr[4] = { 1, -2, 3, -4 };
	int sum = 0;
	for (int i = 0; i < 3; i++) {
		arr[2] = -arr[2] * 10;
		sum += lib_fn(i * 5 - 3, arr);
	}
	return sum == 12345;
}
