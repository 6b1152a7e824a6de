/* refused: four step_ functions, two of which start with an instruction
 * the kernel's uprobes refuse: step_locked with a lock prefix, step_ds
 * with a ds segment prefix.  Both are harmless to run.  main calls
 * step_add, step_locked, step_ds and step_twice N times (argv[1], 2 by
 * default); with "loop" it calls them every 10 ms until it is killed, so
 * that a probe is put in place while the file is mapped, when the kernel
 * checks the instruction at once. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Naked, so that the first instruction is the one written; C functions
 * still, so that the DWARF describes them and a wildcard matches them. */
__attribute__((naked)) void step_locked(int *counter)
{
	__asm__("lock incl (%rdi)\n\tret");
}

__attribute__((naked)) int step_ds(const int *counter)
{
	__asm__("ds movl (%rdi), %eax\n\tret");
}

int step_add(int a, int b)
{
	return a + b;
}

int step_twice(int a)
{
	return 2 * a;
}

static int steps(int i, int *counter)
{
	step_locked(counter);
	return step_add(i, step_ds(counter)) + step_twice(i);
}

int main(int argc, char **argv)
{
	int counter = 0, sum = 0;
	if (argc > 1 && strcmp(argv[1], "loop") == 0) {
		struct timespec tick = { 0, 10 * 1000 * 1000 };
		for (int i = 0;; i++) {
			sum += steps(i, &counter);
			nanosleep(&tick, NULL);
		}
	}
	int n = argc > 1 ? atoi(argv[1]) : 2;
	for (int i = 0; i < n; i++)
		sum += steps(i, &counter);
	return counter == n ? 0 : 1;
}
