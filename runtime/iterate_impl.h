/* SPDX-License-Identifier: GPL-2.0-or-later */
/* iterate_impl.h — what the parts of foreach's iteration share, and
 * nothing else includes: the snapshot of a map, the hash index of keys,
 * the records' fields, and the sorts.
 *
 *   iterate.c     the orders remembered between loops, and the walks: the
 *                 list's order, then this foreach's sort
 *   iter_table.c  snapshots: a map read into memory, as its layout says;
 *                 and the hash index of keys
 *   iter_sort.c   comparing records and sorting them as SystemTap does */
#ifndef USCRIPT_ITERATE_IMPL_H
#define USCRIPT_ITERATE_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "iterate.h"

struct iter_table {
	struct iter_layout l;
	size_t kstride;          /* bytes per key: key_size */
	size_t vstride;          /* bytes per kept value */
	size_t n, cap;
	unsigned char *keys;
	unsigned char *vals;
};

/* A hash index of the keys of records 0 … n−1 of some key array. */
struct kidx {
	uint32_t *slot;          /* record number + 1; 0 is free */
	size_t cap;              /* a power of two, or 0 */
	size_t n;
};

static inline uint64_t hash_key(const unsigned char *p, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;

	/* Eight bytes at a time: keys are mostly whole int64_t and strings
	 * padded with zeros to a multiple of 8. */
	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	if (n) {
		w = 0;
		memcpy(&w, p, n);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
	}
	h ^= h >> 29;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 32;
	return h;
}

static inline const unsigned char *rec_key(const struct iter_table *t, uint32_t r)
{
	return t->keys + (size_t)r * t->kstride;
}

static inline const unsigned char *rec_val(const struct iter_table *t, uint32_t r)
{
	return t->vals + (size_t)r * t->vstride;
}

static inline int64_t load64(const unsigned char *p)
{
	int64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* iter_table.c: the hash index */
long kidx_find(const struct kidx *x, const unsigned char *keys,
	       size_t ks, const void *key, uint64_t h);
void kidx_put(struct kidx *x, uint32_t r, uint64_t h);
int kidx_reserve(struct kidx *x, size_t want,
		 const unsigned char *keys, size_t ks);
void kidx_free(struct kidx *x);

/* iter_sort.c */
enum by { BY_NUM, BY_STR, BY_KEYS };

struct sorter {
	const struct iter_table *t;
	enum by by;
	bool asc;
	const int64_t *num;      /* BY_NUM: per record */
	const unsigned char *base;  /* BY_STR: t->keys or t->vals */
	size_t stride, off;
};

int merge_sort(uint32_t *v, size_t n, const struct sorter *s);
int sort_num(uint32_t *v, size_t n, const int64_t *num, bool asc);
int sortn(uint32_t *v, size_t count, int n, const struct sorter *s);
int64_t stat_aggr(const unsigned char *stat, enum iter_aggr aggr);

#endif
