/* hostabi.h — what host handlers call in the runtime.
 *
 * A handler compiled for the host (begin, end, error, timer) is
 *     void probe_N_host(void *rt, void *globals, void *scratch, int64_t cookie);
 * and reaches the runtime only through these functions, which runtime/host.c
 * defines and hands to the JIT by name ("uscript_host_" NAME).  The list is
 * the one place both sides take the names from. */
#ifndef USCRIPT_HOSTABI_H
#define USCRIPT_HOSTABI_H

#include <stdint.h>

#define HOSTABI_PREFIX "uscript_host_"

#define HOSTABI_LIST(X) \
	X(rec_reserve) \
	X(rec_submit) \
	X(context) \
	X(execname) \
	X(clock_ns) \
	X(strcopy)

/* A record buffer for `size` bytes; never NULL. */
void *uscript_host_rec_reserve(void *rt, uint32_t size);
/* Delivers the record, as if it came through the ring buffer. */
void uscript_host_rec_submit(void *rt, void *rec);
/* pid(), tid() … of uscript itself: the builtin_id of builtins.h. */
int64_t uscript_host_context(void *rt, int64_t id);
void uscript_host_execname(void *rt, char *buf);
int64_t uscript_host_clock_ns(void);
/* Copies src into dst, at most max bytes with the NUL; returns the length
 * copied with the NUL. */
int64_t uscript_host_strcopy(char *dst, const char *src, int64_t max);

#endif
