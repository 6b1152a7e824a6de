/* SPDX-License-Identifier: GPL-2.0-or-later */
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
	X(strcopy) \
	X(map_lookup) \
	X(map_update) \
	X(map_delete) \
	X(map_clear) \
	X(stat_merged) \
	X(stat_bucket) \
	X(hist_text) \
	X(foreach_begin) \
	X(foreach_next) \
	X(foreach_end) \
	X(sprintf) \
	X(str_text) \
	X(str_textn) \
	X(sprint_ustack) \
	X(ksym) \
	X(regex_sub)

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

/* The maps of global arrays and statistics, by index in the globals table.
 * lookup copies the value into dst and says whether there was one (for a
 * statistic: CPU 0's part); update returns 0 or a negative errno; stat_merged
 * fills dst with count, sum, min and max over all CPUs. */
int64_t uscript_host_map_lookup(void *rt, int64_t g, const void *key, void *dst);
int64_t uscript_host_map_update(void *rt, int64_t g, const void *key, const void *value,
				int64_t flags);
void uscript_host_map_delete(void *rt, int64_t g, const void *key);
void uscript_host_map_clear(void *rt, int64_t g);
void uscript_host_stat_merged(void *rt, int64_t g, const void *key, int64_t *dst);
/* The histogram of g as print draws it, into dst: at most maxstr - 1 bytes
 * and a NUL. */
void uscript_host_hist_text(void *rt, int64_t g, const void *key, char *dst, int64_t maxstr);
/* The count in bucket i of g's histogram, over all CPUs (i in range). */
int64_t uscript_host_stat_bucket(void *rt, int64_t g, const void *key, int64_t i);
/* foreach over g: column 0 for no sort, 1… a key, -1 the value; dir +1 or
 * -1; aggr the stat_op statistics are sorted by; a limit if has_limit.  The
 * iterator is freed by foreach_end or, if the handler leaves the loop
 * another way, when the handler returns. */
void *uscript_host_foreach_begin(void *rt, int64_t g, int64_t column, int64_t dir,
				 int64_t aggr, int64_t has_limit, int64_t limit);
int64_t uscript_host_foreach_next(void *rt, void *it, const void **key, const void **value);
void uscript_host_foreach_end(void *rt, void *it);

/* sprintf: formats a record laid out as for printf (program.h) into dst,
 * at most maxstr - 1 bytes and a NUL. */
void uscript_host_sprintf(void *rt, const void *rec, char *dst, int64_t maxstr);
/* text_str (runtime/strfuncs.c). */
void uscript_host_str_text(char *dst, const char *s, int64_t maxstr);
/* text_strn (runtime/strfuncs.c). */
void uscript_host_str_textn(char *dst, const char *s, int64_t len, int64_t quoted,
			    int64_t maxstr);
/* sprint_ustack(stk) where no thread is traced: a line " TOKEN : 0xADDR"
 * for each address, usymdata() naming nothing (codegen/usym.c). */
void uscript_host_sprint_ustack(char *dst, const char *stk, int64_t maxstr);
/* Where the pattern of the tables `blob` (check/regex.h) matches s: 1 and
 * its tags in tags[], or 0. */
int64_t uscript_host_regex_sub(const void *blob, const char *s, int64_t *tags);

/* symname(addr) (kind 0), symdata(addr) (1) and modname(addr) (2) of a
 * kernel address, from /proc/kallsyms, into dst as print writes them, at
 * most maxstr - 1 bytes and a NUL; returns whether a symbol names addr. */
int64_t uscript_host_ksym(int64_t kind, int64_t addr, char *dst, int64_t maxstr);

#endif
