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

/* Written in assembly, so that the first instruction is the one named. */
__asm__(".text\n"
	".globl step_locked\n"
	".type step_locked, @function\n"
	"step_locked:\n"
	"\tlock incl (%rdi)\n"
	"\tret\n"
	".size step_locked, .-step_locked\n"
	".globl step_ds\n"
	".type step_ds, @function\n"
	"step_ds:\n"
	"\tds movl (%rdi), %eax\n"
	"\tret\n"
	".size step_ds, .-step_ds\n");

void step_locked(int *counter);
int step_ds(const int *counter);

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
