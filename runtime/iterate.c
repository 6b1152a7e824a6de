/* SPDX-License-Identifier: GPL-2.0-or-later */
/* iterate.c — see iterate.h.
 *
 * A snapshot is two flat arrays, keys and values, n records each; an
 * ordering is an array of record numbers.  Nothing moves once read, so the
 * pointers iter_next hands out stay put and sorting only permutes numbers. */
#include "iterate.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "iterate_impl.h"

/* SystemTap sorts the whole list when the limit is 0 or above this, and
 * otherwise only moves the first `limit` elements into place (map.c
 * _stp_map_sortn); the two leave the rest of the list differently. */
#define SORTN_MAX 30

struct iter_order {
	size_t n, cap;
	size_t key_size;
	unsigned char *keys;     /* n keys in list order */
	int64_t *seqs;           /* their creation numbers, if they have them */
	bool has_seq;
	struct kidx idx;         /* key → place in the list */
};

struct iter {
	struct iter_table *t;
	uint32_t *order;
	size_t count, pos;
};

/* ---- orders ---- */

struct iter_order *iter_order_new(void)
{
	return calloc(1, sizeof(struct iter_order));
}

void iter_order_forget(struct iter_order *o)
{
	if (!o)
		return;
	o->n = 0;
	if (o->idx.slot)
		memset(o->idx.slot, 0, o->idx.cap * sizeof(*o->idx.slot));
	o->idx.n = 0;
}

void iter_order_free(struct iter_order *o)
{
	if (!o)
		return;
	kidx_free(&o->idx);
	free(o->keys);
	free(o->seqs);
	free(o);
}

/* Remembers `order`, the whole list as a sort left it. */
static int order_record(struct iter_order *o, const struct iter_table *t,
			const uint32_t *order)
{
	size_t n = t->n, ks = t->kstride, i;
	bool has_seq = t->l.seq_offset >= 0;
	int err;

	iter_order_forget(o);
	if (o->key_size != ks || n > o->cap) {
		unsigned char *k = NULL;
		int64_t *s = NULL;

		if (n && (n > SIZE_MAX / ks ||
			  !(k = malloc(n * ks)) ||
			  !(s = malloc(n * sizeof(*s))))) {
			free(k);
			return -ENOMEM;
		}
		free(o->keys);
		free(o->seqs);
		o->keys = k;
		o->seqs = s;
		o->cap = n;
		o->key_size = ks;
		/* The index hashes keys of the old size. */
		kidx_free(&o->idx);
	}
	if ((err = kidx_reserve(&o->idx, n, o->keys, ks)))
		return err;
	for (i = 0; i < n; i++) {
		memcpy(o->keys + i * ks, rec_key(t, order[i]), ks);
		o->seqs[i] = has_seq
			? load64(rec_val(t, order[i]) + t->l.seq_offset) : 0;
		kidx_put(&o->idx, (uint32_t)i, hash_key(o->keys + i * ks, ks));
	}
	o->n = n;
	o->has_seq = has_seq;
	return 0;
}

/* ---- walks ---- */

/* The list before this foreach's sort: what the last sort left (`o`),
 * then the elements made since, in creation order.  An element is the one
 * remembered only if its creation number is the same too: one deleted and
 * made again went to the tail.  `num` is scratch, a number per record. */
static int list_order(uint32_t *v, const struct iter_table *t,
		      const struct iter_order *o, int64_t *num)
{
	struct sorter s = { .t = t, .by = BY_KEYS, .asc = true };
	bool has_seq = t->l.seq_offset >= 0, remembered;
	size_t i, head = 0, nrest = 0;
	uint32_t *placed, *rest;

	remembered = t->l.kind == ITER_MAP_HASH && o && o->n &&
		     o->key_size == t->kstride && (!has_seq || o->has_seq);
	if (has_seq)
		for (i = 0; i < t->n; i++)
			num[i] = load64(rec_val(t, (uint32_t)i) +
					t->l.seq_offset);
	if (!remembered) {
		for (i = 0; i < t->n; i++)
			v[i] = (uint32_t)i;
		/* A statistic array, or an array without creation
		 * numbers: key order. */
		if (t->l.kind != ITER_MAP_HASH || !has_seq)
			return merge_sort(v, t->n, &s);
		return sort_num(v, t->n, num, true);
	}

	/* Places in the remembered list are distinct: a record goes
	 * straight to its own; the others follow them all. */
	placed = malloc(o->n * sizeof(*placed));
	rest = malloc((t->n ? t->n : 1) * sizeof(*rest));
	if (!placed || !rest) {
		free(placed);
		free(rest);
		return -ENOMEM;
	}
	memset(placed, 0xff, o->n * sizeof(*placed));
	for (i = 0; i < t->n; i++) {
		const unsigned char *k = rec_key(t, (uint32_t)i);
		long r = kidx_find(&o->idx, o->keys, o->key_size, k,
				   hash_key(k, o->key_size));

		/* (A key twice in the snapshot cannot come from a map; it
		 * keeps the second copy out of the way of the first.) */
		if (r >= 0 && (!has_seq || o->seqs[r] == num[i]) &&
		    placed[r] == UINT32_MAX)
			placed[r] = (uint32_t)i;
		else
			rest[nrest++] = (uint32_t)i;
	}
	for (i = 0; i < o->n; i++)
		if (placed[i] != UINT32_MAX)
			v[head++] = placed[i];
	memcpy(v + head, rest, nrest * sizeof(*rest));
	free(placed);
	free(rest);
	return has_seq ? sort_num(v + head, nrest, num, true)
		       : merge_sort(v + head, nrest, &s);
}

/* This foreach's sort, from the list's order `v`.  `num` is scratch. */
static int sort_by(uint32_t *v, const struct iter_table *t,
		   const struct iter_sort *so, int64_t *num)
{
	const struct iter_layout *l = &t->l;
	struct sorter s = { .t = t, .asc = so->dir > 0, .num = num };
	enum type type;
	size_t i;
	int n;

	if (so->column == 0) {
		type = l->value_type;
		s.base = t->vals;
		s.stride = t->vstride;
		s.off = l->value_offset;
	} else {
		type = l->key_types[so->column - 1];
		s.base = t->keys;
		s.stride = t->kstride;
		s.off = l->key_offsets[so->column - 1];
	}
	s.by = type == TYPE_STRING ? BY_STR : BY_NUM;
	if (s.by == BY_NUM)
		for (i = 0; i < t->n; i++) {
			const unsigned char *p = s.base + i * s.stride + s.off;

			num[i] = type == TYPE_STAT ? stat_aggr(p, so->aggr)
						   : load64(p);
		}

	/* The translator passes the int64_t limit to an int parameter. */
	n = so->has_limit ? (int)(uint32_t)(uint64_t)so->limit : 0;
	if (n && n <= SORTN_MAX)
		return sortn(v, t->n, n, &s);
	if (s.by == BY_NUM)
		return sort_num(v, t->n, num, s.asc);
	return merge_sort(v, t->n, &s);
}

int iter_start(struct iter **out, struct iter_table *t,
	       const struct iter_sort *s, struct iter_order *o)
{
	struct iter *it = NULL;
	int64_t *num = NULL;
	int err = -ENOMEM;

	*out = NULL;
	if (s->dir < -1 || s->dir > 1 || s->column < 0 ||
	    s->column > t->l.nkeys ||
	    (s->column == 0 && s->dir && t->l.value_type == TYPE_STAT &&
	     (unsigned)s->aggr > ITER_AGGR_AVG)) {
		err = -EINVAL;
		goto fail;
	}
	it = calloc(1, sizeof(*it));
	if (!it || !(it->order = malloc((t->n ? t->n : 1) * sizeof(uint32_t))) ||
	    !(num = malloc((t->n ? t->n : 1) * sizeof(*num))))
		goto fail;
	it->t = t;
	if ((err = list_order(it->order, t, o, num)))
		goto fail;
	if (s->dir) {
		if ((err = sort_by(it->order, t, s, num)))
			goto fail;
		/* SystemTap sorted the array's own list; an aggregate of a
		 * statistic array is rebuilt for every foreach. */
		if (o && t->l.kind == ITER_MAP_HASH &&
		    (err = order_record(o, t, it->order)))
			goto fail;
	}
	free(num);

	it->count = t->n;
	if (s->has_limit && s->limit < (int64_t)it->count)
		it->count = s->limit > 0 ? (size_t)s->limit : 0;
	*out = it;
	return 0;
fail:
	free(num);
	if (it) {
		free(it->order);
		free(it);
	}
	iter_table_free(t);
	return err;
}

int iter_begin(struct iter **out, const struct iter_layout *l,
	       const struct iter_sort *s, struct iter_order *o)
{
	struct iter_table *t;
	int err = iter_table_read(&t, l);

	*out = NULL;
	if (err)
		return err;
	return iter_start(out, t, s, o);
}

int iter_begin_display(struct iter **out, const struct iter_layout *l,
		       struct iter_order *o)
{
	static const struct iter_sort by_value_down = {
		.dir = -1, .column = 0, .aggr = ITER_AGGR_COUNT,
	};

	return iter_begin(out, l, &by_value_down, o);
}

bool iter_next(struct iter *it, const void **key, const void **value)
{
	uint32_t r;

	if (it->pos >= it->count)
		return false;
	r = it->order[it->pos++];
	*key = rec_key(it->t, r);
	*value = rec_val(it->t, r) + it->t->l.value_offset;
	return true;
}

size_t iter_count(const struct iter *it)
{
	return it->count;
}

void iter_free(struct iter *it)
{
	if (!it)
		return;
	iter_table_free(it->t);
	free(it->order);
	free(it);
}
