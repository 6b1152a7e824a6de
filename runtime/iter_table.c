/* SPDX-License-Identifier: GPL-2.0-or-later */
/* iter_table.c — snapshots for foreach: a global's BPF map read into
 * memory, in batches where the kernel can, key by key where it cannot,
 * with the per-CPU values of statistics merged; and the hash index of the
 * keys.  See iterate.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/bpf.h>

#include "iterate_impl.h"

/* Elements asked for in one batch lookup.  The kernel's cost is per
 * bucket, not per call: 100,000 elements read as fast in chunks of 4096 as
 * in one call.  A chunk smaller than a bucket fails with ENOSPC and is
 * doubled. */
#define BATCH_CHUNK 4096
/* For the per-CPU kinds, whose values go through a buffer of this many
 * elements times the CPUs before they are merged. */
#define PERCPU_CHUNK 1024

/* ---- a hash index of keys ---- */

long kidx_find(const struct kidx *x, const unsigned char *keys,
	       size_t ks, const void *key, uint64_t h)
{
	size_t i;

	if (!x->cap)
		return -1;
	for (i = h & (x->cap - 1); x->slot[i]; i = (i + 1) & (x->cap - 1)) {
		uint32_t r = x->slot[i] - 1;

		if (!memcmp(keys + (size_t)r * ks, key, ks))
			return r;
	}
	return -1;
}

void kidx_put(struct kidx *x, uint32_t r, uint64_t h)
{
	size_t i = h & (x->cap - 1);

	while (x->slot[i])
		i = (i + 1) & (x->cap - 1);
	x->slot[i] = r + 1;
	x->n++;
}

/* Room for `want` keys in all, the table at most half full so probes stay
 * short; growing rehashes the `x->n` keys already in, records 0 … n−1. */
int kidx_reserve(struct kidx *x, size_t want,
		 const unsigned char *keys, size_t ks)
{
	size_t cap = x->cap ? x->cap : 16, r, old = x->n;
	uint32_t *slot;

	if (want > UINT32_MAX - 1)
		return -E2BIG;
	while (cap < want * 2)
		cap *= 2;
	if (cap == x->cap)
		return 0;
	slot = calloc(cap, sizeof(*slot));
	if (!slot)
		return -ENOMEM;
	free(x->slot);
	x->slot = slot;
	x->cap = cap;
	x->n = 0;
	for (r = 0; r < old; r++)
		kidx_put(x, (uint32_t)r, hash_key(keys + r * ks, ks));
	return 0;
}

void kidx_free(struct kidx *x)
{
	free(x->slot);
	memset(x, 0, sizeof(*x));
}

/* ---- layouts ---- */

void iter_layout_from_global(struct iter_layout *l, const struct global_var *g,
			     int fd, uint32_t maxstringlen)
{
	int i;

	memset(l, 0, sizeof(*l));
	l->fd = fd;
	if (g->kind == GLOBAL_STAT)
		l->kind = g->nkeys ? ITER_MAP_PERCPU_HASH
				   : ITER_MAP_PERCPU_ARRAY;
	else
		l->kind = ITER_MAP_HASH;
	l->key_size = g->key_size;
	l->value_size = g->value_size;
	l->nkeys = g->nkeys;
	for (i = 0; i < g->nkeys && i < MAX_KEYS; i++) {
		l->key_types[i] = g->key_types[i];
		l->key_offsets[i] = g->key_offsets[i];
	}
	l->maxstringlen = maxstringlen;
	l->value_type = g->kind == GLOBAL_STAT ? TYPE_STAT : g->type;
	l->value_offset = 0;
	l->seq_offset = -1;
	l->merged_size = g->value_size;
}

static size_t type_width(const struct iter_layout *l, enum type t)
{
	switch (t) {
	case TYPE_LONG:
		return sizeof(int64_t);
	case TYPE_STRING:
		return l->maxstringlen;
	case TYPE_STAT:
		return STAT_HDR_WORDS * sizeof(int64_t);
	default:
		return 0;
	}
}

/* Everything the code below reads must lie inside a record. */
static int check_layout(const struct iter_layout *l, size_t vstride)
{
	size_t w;
	int i;

	if (!l->key_size || l->nkeys < 0 || l->nkeys > MAX_KEYS)
		return -EINVAL;
	for (i = 0; i < l->nkeys; i++) {
		if (l->key_types[i] != TYPE_LONG &&
		    l->key_types[i] != TYPE_STRING)
			return -EINVAL;
		w = type_width(l, l->key_types[i]);
		if (!w || (size_t)l->key_offsets[i] + w > l->key_size)
			return -EINVAL;
	}
	w = type_width(l, l->value_type);
	if (!w || (size_t)l->value_offset + w > vstride)
		return -EINVAL;
	if (l->seq_offset >= 0 &&
	    (size_t)l->seq_offset + sizeof(int64_t) > vstride)
		return -EINVAL;
	if (l->kind != ITER_MAP_HASH && !l->merge)
		return -EINVAL;
	if (l->value_type == TYPE_STAT && l->kind == ITER_MAP_HASH)
		return -EINVAL;
	return 0;
}

/* ---- snapshots ---- */

int iter_table_new(struct iter_table **out, const struct iter_layout *l)
{
	struct iter_table *t;
	size_t vstride = l->kind == ITER_MAP_HASH ? l->value_size
						  : l->merged_size;
	int err = check_layout(l, vstride);

	*out = NULL;
	if (err)
		return err;
	t = calloc(1, sizeof(*t));
	if (!t)
		return -ENOMEM;
	t->l = *l;
	t->kstride = l->key_size;
	t->vstride = vstride;
	*out = t;
	return 0;
}

static int table_grow(struct iter_table *t, size_t want)
{
	size_t cap = t->cap ? t->cap : 64;
	unsigned char *k, *v;

	if (want <= t->cap)
		return 0;
	while (cap < want)
		cap *= 2;
	/* Record numbers are uint32_t; so is the kernel's element count. */
	if (cap > UINT32_MAX || cap > SIZE_MAX / t->kstride ||
	    cap > SIZE_MAX / t->vstride)
		return -E2BIG;
	k = realloc(t->keys, cap * t->kstride);
	if (!k)
		return -ENOMEM;
	t->keys = k;
	v = realloc(t->vals, cap * t->vstride);
	if (!v)
		return -ENOMEM;
	t->vals = v;
	t->cap = cap;
	return 0;
}

int iter_table_add(struct iter_table *t, const void *key, const void *value)
{
	int err = table_grow(t, t->n + 1);

	if (err)
		return err;
	memcpy(t->keys + t->n * t->kstride, key, t->kstride);
	memcpy(t->vals + t->n * t->vstride, value, t->vstride);
	t->n++;
	return 0;
}

size_t iter_table_len(const struct iter_table *t)
{
	return t->n;
}

void iter_table_free(struct iter_table *t)
{
	if (!t)
		return;
	free(t->keys);
	free(t->vals);
	free(t);
}

/* Per-CPU values come back round_up(value_size, 8) bytes apart, one per
 * possible CPU. */
static size_t percpu_stride(const struct iter_layout *l)
{
	return ((size_t)l->value_size + 7) & ~(size_t)7;
}

/* The map must be what the layout says: the kernel writes as many bytes as
 * the map has, not as the layout thinks. */
static int check_map(const struct iter_layout *l, uint32_t *max_entries)
{
	struct bpf_map_info info;
	uint32_t len = sizeof(info);
	uint32_t type;
	int err;

	memset(&info, 0, sizeof(info));
	err = bpf_obj_get_info_by_fd(l->fd, &info, &len);
	if (err)
		return err;
	type = l->kind == ITER_MAP_HASH ? BPF_MAP_TYPE_HASH
	     : l->kind == ITER_MAP_PERCPU_HASH ? BPF_MAP_TYPE_PERCPU_HASH
	     : BPF_MAP_TYPE_PERCPU_ARRAY;
	if (info.type != type || info.key_size != l->key_size ||
	    info.value_size != l->value_size)
		return -EINVAL;
	*max_entries = info.max_entries;
	return 0;
}

/* The kernels without batch lookups (before 5.6) or without them for a map
 * type say so with one of these on the first call. */
static bool batch_unsupported(int err)
{
	return err == -EINVAL || err == -EOPNOTSUPP || err == -ENOTSUP ||
	       err == -524 /* the kernel's ENOTSUPP */ || err == -ENOSYS;
}

/* A hash map: the kernel writes keys and values straight into the table,
 * BATCH_CHUNK elements at a time so that a map far from full costs no more
 * memory than its elements. */
static int read_batch_hash(struct iter_table *t)
{
	LIBBPF_OPTS(bpf_map_batch_opts, opts);
	/* The position between batches is the kernel's (a bucket number
	 * for hash maps); room for a key is room for any of them. */
	size_t toklen = t->kstride + 8, chunk = BATCH_CHUNK;
	unsigned char *tok = calloc(2, toklen);
	bool first = true;
	int err = 0;

	if (!tok)
		return -ENOMEM;
	for (;;) {
		uint32_t count = (uint32_t)chunk;

		if ((err = table_grow(t, t->n + chunk)))
			break;
		/* Valgrind does not know this command and would take what
		 * the kernel writes for never written; the cost is small
		 * beside the kernel's. */
		memset(t->keys + t->n * t->kstride, 0, chunk * t->kstride);
		memset(t->vals + t->n * t->vstride, 0, chunk * t->vstride);
		err = bpf_map_lookup_batch(t->l.fd, first ? NULL : tok,
					   tok + toklen,
					   t->keys + t->n * t->kstride,
					   t->vals + t->n * t->vstride,
					   &count, &opts);
		if (err == -ENOSPC) {
			/* A bucket bigger than the chunk. */
			chunk *= 2;
			continue;
		}
		if (err && err != -ENOENT) {
			if (first && batch_unsupported(err))
				err = 1;
			break;
		}
		t->n += count;
		if (err == -ENOENT) {
			err = 0;
			break;
		}
		memcpy(tok, tok + toklen, toklen);
		first = false;
	}
	free(tok);
	return err;
}

/* A per-CPU hash map: a chunk at a time through a buffer, each element's
 * per-CPU values merged into the table. */
static int read_batch_percpu(struct iter_table *t, int ncpus)
{
	LIBBPF_OPTS(bpf_map_batch_opts, opts);
	size_t toklen = t->kstride + 8, stride = percpu_stride(&t->l);
	size_t chunk = PERCPU_CHUNK, per = stride * (size_t)ncpus, i;
	unsigned char *tok = calloc(2, toklen), *buf = NULL;
	bool first = true;
	int err = 0;

	if (!tok)
		return -ENOMEM;
	for (;;) {
		uint32_t count;

		if (!buf && !(buf = malloc(chunk * per))) {
			err = -ENOMEM;
			break;
		}
		if ((err = table_grow(t, t->n + chunk)))
			break;
		count = (uint32_t)chunk;
		/* For valgrind, as in read_batch_hash. */
		memset(t->keys + t->n * t->kstride, 0, chunk * t->kstride);
		memset(buf, 0, chunk * per);
		err = bpf_map_lookup_batch(t->l.fd, first ? NULL : tok,
					   tok + toklen,
					   t->keys + t->n * t->kstride, buf,
					   &count, &opts);
		if (err == -ENOSPC) {
			chunk *= 2;
			free(buf);
			buf = NULL;
			continue;
		}
		if (err && err != -ENOENT) {
			if (first && batch_unsupported(err))
				err = 1;
			break;
		}
		for (i = 0; i < count; i++)
			t->l.merge(t->l.merge_arg, buf + i * per, ncpus, stride,
				   t->vals + (t->n + i) * t->vstride);
		t->n += count;
		if (err == -ENOENT) {
			err = 0;
			break;
		}
		memcpy(tok, tok + toklen, toklen);
		first = false;
	}
	free(buf);
	free(tok);
	return err;
}

/* One key after another.  When the key just read is deleted before the
 * next call, a hash map starts again from its first key; an index of the
 * keys seen drops the repeats, and a bound on the steps ends a walk that
 * deletions keep restarting. */
static int read_by_keys(struct iter_table *t, int ncpus, uint32_t max_entries)
{
	size_t ks = t->kstride, stride = percpu_stride(&t->l);
	bool percpu = t->l.kind != ITER_MAP_HASH;
	unsigned char *cur = malloc(ks), *nxt = malloc(ks), *buf = NULL;
	uint64_t steps = 0, bound = 4 * (uint64_t)max_entries + 1024;
	struct kidx seen = { 0 };
	const void *prev = NULL;
	int err = 0;

	/* Zeroed for valgrind, which takes a lookup in a per-CPU map to
	 * write one CPU's value. */
	if (percpu)
		buf = calloc((size_t)ncpus, stride);
	if (!cur || !nxt || (percpu && !buf)) {
		err = -ENOMEM;
		goto out;
	}
	while (steps++ < bound) {
		unsigned char *slot;
		uint64_t h;

		err = bpf_map_get_next_key(t->l.fd, prev, nxt);
		if (err) {
			if (err == -ENOENT)
				err = 0;
			break;
		}
		memcpy(cur, nxt, ks);
		prev = cur;
		h = hash_key(cur, ks);
		if (kidx_find(&seen, t->keys, ks, cur, h) >= 0)
			continue;
		if ((err = table_grow(t, t->n + 1)) ||
		    (err = kidx_reserve(&seen, t->n + 1, t->keys, ks)))
			break;
		slot = t->vals + t->n * t->vstride;
		err = bpf_map_lookup_elem(t->l.fd, cur, percpu ? buf : slot);
		if (err == -ENOENT) {   /* deleted since: not in the snapshot */
			err = 0;
			continue;
		}
		if (err)
			break;
		if (percpu)
			t->l.merge(t->l.merge_arg, buf, ncpus, stride, slot);
		memcpy(t->keys + t->n * ks, cur, ks);
		kidx_put(&seen, (uint32_t)t->n, h);
		t->n++;
	}
out:
	kidx_free(&seen);
	free(buf);
	free(nxt);
	free(cur);
	return err;
}

/* SystemTap has no element of a statistic array nothing was added to; a
 * per-CPU element can exist with every count 0 for a moment, between the
 * BPF code creating it and adding to it. */
static void drop_empty_stats(struct iter_table *t)
{
	size_t i, j = 0, off = t->l.value_offset + STATW_COUNT * 8;

	for (i = 0; i < t->n; i++) {
		if (!load64(rec_val(t, (uint32_t)i) + off))
			continue;
		if (i != j) {
			memcpy(t->keys + j * t->kstride,
			       t->keys + i * t->kstride, t->kstride);
			memcpy(t->vals + j * t->vstride,
			       t->vals + i * t->vstride, t->vstride);
		}
		j++;
	}
	t->n = j;
}

int iter_table_read(struct iter_table **out, const struct iter_layout *l)
{
	struct iter_table *t;
	uint32_t max_entries;
	int ncpus = 1, err;

	*out = NULL;
	if ((err = iter_table_new(&t, l)))
		return err;
	if ((err = check_map(l, &max_entries)))
		goto fail;
	if (l->kind != ITER_MAP_HASH) {
		ncpus = libbpf_num_possible_cpus();
		if (ncpus <= 0) {
			err = ncpus ? ncpus : -EINVAL;
			goto fail;
		}
	}

	/* Batches read 10,000 or 100,000 elements three to four times as
	 * fast as get_next_key and a lookup per key (`test_iterate bench`);
	 * an array map has one element in uscript and gains nothing. */
	err = 1;
	if (!(l->flags & ITER_NO_BATCH) && l->kind == ITER_MAP_HASH)
		err = read_batch_hash(t);
	else if (!(l->flags & ITER_NO_BATCH) && l->kind == ITER_MAP_PERCPU_HASH)
		err = read_batch_percpu(t, ncpus);
	if (err == 1) {
		t->n = 0;
		err = read_by_keys(t, ncpus, max_entries);
	}
	if (err)
		goto fail;
	if (l->kind == ITER_MAP_PERCPU_HASH && l->value_type == TYPE_STAT)
		drop_empty_stats(t);
	*out = t;
	return 0;
fail:
	iter_table_free(t);
	return err;
}
