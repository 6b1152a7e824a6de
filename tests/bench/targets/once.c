/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The start-up benchmark's target: it calls f() once and returns at once,
 * so a run of the tracer is all start-up and shut-down.  Built -O0, so f()
 * begins with push %rbp, which the kernel emulates (no single-step). */
__attribute__((noinline)) void f(void)
{
	__asm__ volatile("" ::: "memory");
}

int main(void)
{
	f();
	return 0;
}
