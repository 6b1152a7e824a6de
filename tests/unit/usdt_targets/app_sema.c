/* app_sema.c — a probe with a semaphore, as `dtrace -G` makes them: the
 * program skips the probe (and the work for its arguments) unless a tracer
 * has raised app_guarded_semaphore.  _SDT_HAS_SEMAPHORES gives every probe
 * of this file one, so it is a file of its own. */
#define _SDT_HAS_SEMAPHORES 1
#include <sys/sdt.h>
#include <stdio.h>

unsigned short app_guarded_semaphore __attribute__((unused))
	__attribute__((section(".probes")));

void guarded(long v)
{
	if (app_guarded_semaphore)
		STAP_PROBE1(app, guarded, v);
	/* Printed whatever the semaphore says: a tracer that did not raise
	 * it misses the probe and fails to match this line. */
	printf("app:guarded %lld\n", (long long)v);
}
