/* SPDX-License-Identifier: GPL-2.0-or-later */
/* iterate.h — foreach: a global array read out of its BPF map, then walked
 * in the order SystemTap's foreach walks it.
 *
 * A loop takes a snapshot: iter_begin reads every element into memory
 * (keys, and values with the per-CPU copies of a statistic merged into one),
 * orders the snapshot, and iter_next hands out pointers into it.  BPF
 * programs may change the map at any time, the loop still sees the snapshot
 * and nothing else; iter_free releases it.
 *
 * The order is SystemTap's (translate.cxx visit_foreach_loop, runtime/map.c):
 *
 *   - SystemTap keeps the elements of an array on a list, a new element at
 *     its tail (map.c _new_map_create); storing into an existing one does
 *     not move it, `delete` takes it off.  A foreach without a sort mark
 *     walks that list: creation order.
 *   - A sort mark sorts the list itself, in place, stably (map.c
 *     _stp_map_sort, a merge sort; _stp_map_sortn with `limit` of 1 to 30,
 *     a partial sort that leaves the rest of the list in an order of its
 *     own).  So ties keep the list's order, and the next foreach of that
 *     array — sorted or not — starts from the order the last sort left.
 *     struct iter_order remembers that order for one array.
 *   - A statistic array is walked through an aggregate SystemTap rebuilds
 *     for every foreach, in the order of a hash seeded at random when the
 *     module loads: unspecified.  uscript walks it by its keys, ascending,
 *     and breaks ties of a sort the same way; nothing is remembered.
 *
 * For creation order a hash map element needs a creation number in its
 * value (iter_layout.seq_offset): the BPF and host code that create an
 * element must give it the next number of its array, and storing into an
 * existing element must keep it.  Without one, creation order falls back to
 * key order.
 *
 * Comparisons are SystemTap's (map.c _stp_cmp): longs as signed numbers,
 * strings byte by byte as unsigned chars (the kernel's strcmp), statistics
 * by one aggregate, @count unless the mark names another; @avg is the sum
 * divided by the count, rounded toward zero.
 *
 * Functions that can fail return 0 or a negative errno. */
#ifndef USCRIPT_ITERATE_H
#define USCRIPT_ITERATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "program.h"

enum iter_map_kind {
	ITER_MAP_HASH,          /* a global array */
	ITER_MAP_PERCPU_HASH,   /* an array of statistics */
	ITER_MAP_PERCPU_ARRAY,  /* a scalar statistic: one element, key 0 */
};

/* Merges one element's `ncpus` per-CPU values, `stride` bytes apart as a
 * lookup in a per-CPU map returns them, into `out` (merged_size bytes). */
typedef void (*iter_merge_fn)(void *arg, const void *percpu, int ncpus,
			      size_t stride, void *out);

/* Flags. */
#define ITER_NO_BATCH 0x1   /* read with get_next_key even if batches work */

/* Where a map is and what its elements look like. */
struct iter_layout {
	int fd;
	enum iter_map_kind kind;
	uint32_t key_size;       /* as the map was created */
	uint32_t value_size;     /* likewise: per CPU for the per-CPU kinds */
	int nkeys;               /* 0 … MAX_KEYS */
	enum type key_types[MAX_KEYS];      /* TYPE_LONG or TYPE_STRING */
	uint32_t key_offsets[MAX_KEYS];
	uint32_t maxstringlen;   /* bytes a string key or value may fill */
	enum type value_type;    /* TYPE_LONG, TYPE_STRING or TYPE_STAT */
	/* In the value (the merged value for the per-CPU kinds): where the
	 * long, the string or the statistic (program.h's count, sum, min,
	 * max, buckets) starts, and where the int64_t creation number is, or
	 * -1 if there is none. */
	uint32_t value_offset;
	int32_t seq_offset;
	/* Per-CPU kinds only: the merge, and the bytes it writes. */
	iter_merge_fn merge;
	void *merge_arg;
	uint32_t merged_size;
	unsigned flags;          /* ITER_* */
};

/* Fills `l` for global `g` (an array or a statistic) of program.h: value at
 * offset 0, no creation number, merged_size = value_size, no merge (the
 * caller sets merge and merge_arg for statistics). */
void iter_layout_from_global(struct iter_layout *l, const struct global_var *g,
			     int fd, uint32_t maxstringlen);

/* The aggregate a statistic array is sorted by: SystemTap's `@count+`,
 * `@sum-`, …; a bare `+` or `-` means @count, and so does @variance
 * (translate.cxx visit_foreach_loop maps every other aggregate to
 * SORT_COUNT). */
enum iter_aggr { ITER_AGGR_COUNT, ITER_AGGR_SUM, ITER_AGGR_MIN,
		 ITER_AGGR_MAX, ITER_AGGR_AVG };

/* A foreach's sort mark and limit. */
struct iter_sort {
	int dir;                 /* 0: no mark; +1: `+`, ascending; -1: `-` */
	int column;              /* 0: the value; 1 … nkeys: that key */
	enum iter_aggr aggr;     /* by value, statistics only */
	bool has_limit;
	int64_t limit;           /* the `limit` expression's value, once */
};

/* The order SystemTap's last sort left one array's list in.  One per
 * global array (not for statistics), from iter_order_new to
 * iter_order_free; NULL where unneeded means "never sorted". */
struct iter_order;

struct iter_order *iter_order_new(void);
void iter_order_free(struct iter_order *o);
/* `delete a`: the list is empty again.  Needed only without creation
 * numbers, where a re-created element is otherwise taken for the old one. */
void iter_order_forget(struct iter_order *o);

/* A snapshot: {key, value} records. */
struct iter_table;

/* Reads every element of the map `l` describes.  Elements of a statistic
 * array whose merged count is 0 are left out: SystemTap would have none.
 * Reading uses the kernel's batch lookups, and bpf_map_get_next_key where
 * there are none (kernels before 5.6). */
int iter_table_read(struct iter_table **out, const struct iter_layout *l);

/* An empty snapshot to fill with iter_table_add (for tests and for arrays
 * the runtime holds itself); `l->fd` is not used.  `value` is the merged
 * value: value_size bytes for ITER_MAP_HASH, merged_size for the per-CPU
 * kinds.  -EINVAL: the layout does not fit in its own sizes. */
int iter_table_new(struct iter_table **out, const struct iter_layout *l);
int iter_table_add(struct iter_table *t, const void *key, const void *value);
size_t iter_table_len(const struct iter_table *t);
void iter_table_free(struct iter_table *t);

/* One foreach's walk. */
struct iter;

/* Orders snapshot `t` (the iterator owns it from now on, also on failure)
 * by `s`, as SystemTap orders the array's list, and records the result in
 * `o` when `s` sorts.  `o` is NULL for statistics and for arrays without
 * one. */
int iter_start(struct iter **out, struct iter_table *t,
	       const struct iter_sort *s, struct iter_order *o);

/* iter_table_read, then iter_start: the start of a foreach loop. */
int iter_begin(struct iter **out, const struct iter_layout *l,
	       const struct iter_sort *s, struct iter_order *o);

/* The start of the loop that prints an unread global array at the end:
 * elaborate.cxx add_global_var_display writes `foreach ([…] in a-)`, by
 * value (by @count for statistics), largest first. */
int iter_begin_display(struct iter **out, const struct iter_layout *l,
		       struct iter_order *o);

/* The next element: `*key` points at its key (the values at key_offsets),
 * `*value` at its value at value_offset.  Both stay valid until iter_free.
 * Returns false after the last one, or after `limit` elements: as in
 * SystemTap, the limit counts elements before an array slice
 * (`foreach ([a, b] in x[*, 1])`) filters them, so the caller filters after
 * this. */
bool iter_next(struct iter *it, const void **key, const void **value);

/* How many elements the walk hands out in all. */
size_t iter_count(const struct iter *it);

void iter_free(struct iter *it);

#endif
