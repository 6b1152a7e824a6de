/* The per-hit benchmark's target: it calls f() N times in a tight loop and
 * times the loop itself with CLOCK_MONOTONIC, so a tracer's start-up and
 * shut-down are not counted, only what each uprobe hit costs.  Built -O0,
 * so f() begins with push %rbp, which the kernel emulates (no single-step).
 *
 *   loop [N [FILE]]
 *
 * It prints "PID NS" (its pid, which is also its only thread's tid, and
 * the loop's nanoseconds) to FILE, or to stderr without one.  With no
 * arguments it calls f() once. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

__attribute__((noinline)) void f(void)
{
	__asm__ volatile("" ::: "memory");
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1;
	struct timespec t0, t1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (long i = 0; i < n; i++)
		f();
	clock_gettime(CLOCK_MONOTONIC, &t1);

	long ns = (t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec);
	FILE *out = argc > 2 ? fopen(argv[2], "w") : stderr;
	if (!out) {
		perror(argv[2]);
		return 1;
	}
	fprintf(out, "%ld %ld\n", (long)getpid(), ns);
	return fclose(out) == 0 ? 0 : 1;
}
