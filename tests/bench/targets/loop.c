/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The per-hit benchmark's target: it calls f() N times in a tight loop and
 * times the calls itself with CLOCK_MONOTONIC, so a tracer's start-up and
 * shut-down are not counted, only what each uprobe hit costs.  Built -O0,
 * so f() begins with push %rbp, which the kernel emulates (no single-step).
 *
 *   loop [N [FILE]]
 *
 * The calls go in chunks of CHUNK, and each chunk of f() follows one of g()
 * and one of e(), the same empty functions: perhit.sh never probes g(), and
 * gives e() the tracer's empty probe.  So a chunk of f() less the chunk of
 * g() before it is what f()'s probe costs, and less the chunk of e(), what
 * its body costs, each measured beside f() on the same machine at the same
 * moment.  A virtual machine's speed drifts by tens of per cent from one
 * second to the next, which swamps a body's cost taken from two separate
 * runs; and the median over the chunks leaves out those a preemption or an
 * interrupt fell into.
 *
 * It prints "PID F E G FE FG" to FILE, or to stderr without one: its pid
 * (also its only thread's tid), the nanoseconds spent in the N calls of
 * each function, and the medians over the chunks of f() less e() and of f()
 * less g(), in nanoseconds per call.  With no arguments it calls each
 * function once. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define CHUNK 200

__attribute__((noinline)) void f(void)
{
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void e(void)
{
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void g(void)
{
	__asm__ volatile("" ::: "memory");
}

static long now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000L + t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, long m)
{
	qsort(v, m, sizeof *v, cmp);
	return m % 2 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1;
	long chunks = n > 0 ? (n + CHUNK - 1) / CHUNK : 1;
	long tf = 0, te = 0, tg = 0, m = 0;
	double *fe = malloc(chunks * sizeof *fe), *fg = malloc(chunks * sizeof *fg);

	if (!fe || !fg) {
		perror("loop");
		return 1;
	}
	for (long done = 0; done < n; done += CHUNK) {
		long c = n - done < CHUNK ? n - done : CHUNK;
		long t0 = now();
		for (long i = 0; i < c; i++)
			g();
		long t1 = now();
		for (long i = 0; i < c; i++)
			e();
		long t2 = now();
		for (long i = 0; i < c; i++)
			f();
		long t3 = now();
		tg += t1 - t0;
		te += t2 - t1;
		tf += t3 - t2;
		fe[m] = (double)((t3 - t2) - (t2 - t1)) / c;
		fg[m] = (double)((t3 - t2) - (t1 - t0)) / c;
		m++;
	}

	FILE *out = argc > 2 ? fopen(argv[2], "w") : stderr;
	if (!out) {
		perror(argv[2]);
		return 1;
	}
	fprintf(out, "%ld %ld %ld %ld %.3f %.3f\n", (long)getpid(), tf, te, tg,
		m ? median(fe, m) : 0.0, m ? median(fg, m) : 0.0);
	return fclose(out) == 0 ? 0 : 1;
}
