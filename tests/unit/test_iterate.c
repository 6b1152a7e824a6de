/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_iterate.c — unit tests of foreach's order (runtime/iterate.c), and an
 * end-to-end check that reads real BPF maps through it.
 *
 *   test_iterate          both parts; the BPF part is skipped without BPF
 *   test_iterate unit     the orders, on snapshots built in memory
 *   test_iterate bpf      only the BPF part (root); exit 77 without BPF
 *   test_iterate bench    the BPF part, and how long reading and sorting
 *                         10,000 and 100,000 elements takes
 *
 * Expected orders are SystemTap's: the outputs of its own testsuite
 * (testsuite/systemtap.maps/foreach_limit, ii; systemtap.base/
 * foreach_aggrsort, foreach_sort_stat, foreach_value), and cases worked out
 * by hand from runtime/map.c where its testsuite has none (ties, the order
 * a sort leaves behind).  Prints one line per failing check and a summary;
 * exits 0 if every check passed, 1 otherwise. */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "iterate.h"

#include "check.h"

#define MAXSTR 32   /* MAXSTRINGLEN of the in-memory cases */

/* ---- an array of longs keyed by one long, with creation numbers ----
 *
 * It models what the BPF code keeps: the value is {seq, long}; creating an
 * element takes the array's next number, storing into one keeps it. */

struct lval { int64_t seq, v; };

struct larr {
	int64_t keys[64];
	struct lval vals[64];
	int n;
	int64_t next_seq;
	struct iter_order *order;
};

static struct iter_layout larr_layout(void)
{
	struct iter_layout l = {
		.kind = ITER_MAP_HASH,
		.key_size = 8, .value_size = sizeof(struct lval),
		.nkeys = 1, .key_types = { TYPE_LONG }, .key_offsets = { 0 },
		.maxstringlen = MAXSTR, .value_type = TYPE_LONG,
		.value_offset = offsetof(struct lval, v),
		.seq_offset = offsetof(struct lval, seq),
	};
	return l;
}

static void larr_set(struct larr *a, int64_t k, int64_t v)
{
	int i;

	for (i = 0; i < a->n; i++)
		if (a->keys[i] == k) {
			a->vals[i].v = v;
			return;
		}
	a->keys[a->n] = k;
	a->vals[a->n].seq = a->next_seq++;
	a->vals[a->n].v = v;
	a->n++;
}

static void larr_delete(struct larr *a, int64_t k)
{
	int i;

	for (i = 0; i < a->n; i++)
		if (a->keys[i] == k) {
			a->keys[i] = a->keys[a->n - 1];
			a->vals[i] = a->vals[a->n - 1];
			a->n--;
			return;
		}
}

/* A foreach over `a`: "k=v k=v …".  The snapshot is built in an order
 * unlike creation order, as a hash map would give it. */
static const char *larr_foreach(struct larr *a, int dir, int column,
				int64_t limit)
{
	static char out[2048];
	struct iter_layout l = larr_layout();
	struct iter_sort s = { .dir = dir, .column = column,
			       .has_limit = limit != INT64_MIN, .limit = limit };
	struct iter_table *t;
	struct iter *it;
	const void *k, *v;
	size_t o = 0;
	int i, err;

	out[0] = '\0';
	if ((err = iter_table_new(&t, &l)))
		return "table_new failed";
	for (i = a->n - 1; i >= 0; i--)
		if (iter_table_add(t, &a->keys[i], &a->vals[i]))
			return "table_add failed";
	if ((err = iter_start(&it, t, &s, a->order)))
		return "iter_start failed";
	while (iter_next(it, &k, &v)) {
		int64_t kk, vv;

		memcpy(&kk, k, 8);
		memcpy(&vv, v, 8);
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%" PRId64
				      "=%" PRId64, o ? " " : "", kk, vv);
	}
	iter_free(it);
	return out;
}

#define NOLIMIT INT64_MIN

#define ORDER(a, dir, col, limit, want) do {                          \
		const char *got_ = larr_foreach((a), (dir), (col), (limit)); \
		CHECK(!strcmp(got_, (want)), "got \"%s\", want \"%s\"",     \
		      got_, (want));                                        \
	} while (0)

/* testsuite/systemtap.maps/foreach_limit.stp and .exp. */
static void test_foreach_limit(void)
{
	struct larr a = { .order = iter_order_new() };
	static const int64_t k[] = { 9, 1, 8, 2, 7, 3, 6, 5, 4, 10 };
	static const int64_t v[] = { 18, 40, 16, 4, 14, 36, 12, 10, 8, 20 };
	struct iter_table *t;
	struct iter_layout l = larr_layout();
	struct iter_sort s = { .dir = 1, .has_limit = true, .limit = 5 };
	struct iter *it;
	const void *kp, *vp;
	size_t i, visited = 0;
	int matched = 0;

	for (i = 0; i < 10; i++)
		larr_set(&a, k[i], v[i]);

	ORDER(&a, 0, 0, NOLIMIT, "9=18 1=40 8=16 2=4 7=14 3=36 6=12 5=10 "
	      "4=8 10=20");
	ORDER(&a, 0, 0, 5, "9=18 1=40 8=16 2=4 7=14");
	ORDER(&a, 1, 0, 5, "2=4 4=8 5=10 6=12 7=14");
	ORDER(&a, 1, 1, 5, "1=40 2=4 3=36 4=8 5=10");
	ORDER(&a, 1, 0, 3, "2=4 4=8 5=10");
	ORDER(&a, 1, 0, 6, "2=4 4=8 5=10 6=12 7=14 8=16");
	ORDER(&a, 1, 0, 4, "2=4 4=8 5=10 6=12");

	/* `foreach (key in array[++x]+ limit x)`, x 5 and then 6: the limit
	 * counts elements before the slice filters them, one iteration. */
	iter_table_new(&t, &l);
	for (i = 0; i < (size_t)a.n; i++)
		iter_table_add(t, &a.keys[i], &a.vals[i]);
	CHECK(!iter_start(&it, t, &s, a.order), "iter_start");
	while (iter_next(it, &kp, &vp)) {
		int64_t kk;

		visited++;
		memcpy(&kk, kp, 8);
		matched += kk == 6;
	}
	CHECK(visited == 5 && matched == 1, "slice: %zu visited, %d matched",
	      visited, matched);
	iter_free(it);
	iter_order_free(a.order);
}

/* testsuite/systemtap.maps/ii.stp and .exp: creation order through
 * deletes, stores into existing elements, and a new start. */
static void test_ii(void)
{
	struct larr a = { .order = iter_order_new() };
	int64_t i;

	for (i = 0; i < 11; i++)
		larr_set(&a, i, i * i);
	ORDER(&a, 0, 0, NOLIMIT, "0=0 1=1 2=4 3=9 4=16 5=25 6=36 7=49 8=64 "
	      "9=81 10=100");
	larr_delete(&a, 5);
	larr_delete(&a, 1);
	larr_delete(&a, 10);
	larr_set(&a, 9, -81);
	larr_set(&a, 4, -16);
	larr_set(&a, 3, 900);
	ORDER(&a, 0, 0, NOLIMIT, "0=0 2=4 3=900 4=-16 6=36 7=49 8=64 9=-81");
	for (i = 0; i < 11; i++)
		larr_delete(&a, i);
	ORDER(&a, 0, 0, NOLIMIT, "");
	for (i = 10; i >= 0; i--)   /* made again: the new order counts */
		larr_set(&a, i, i);
	ORDER(&a, 0, 0, NOLIMIT, "10=10 9=9 8=8 7=7 6=6 5=5 4=4 3=3 2=2 1=1 "
	      "0=0");
	iter_order_free(a.order);
}

/* map.c: _stp_cmp is 1 only for a strict inequality, and both sorts are
 * stable, so equal elements keep the list's order in either direction. */
static void test_ties(void)
{
	struct larr a = { .order = iter_order_new() };

	larr_set(&a, 5, 1);
	larr_set(&a, 3, 2);
	larr_set(&a, 9, 1);
	larr_set(&a, 1, 2);
	larr_set(&a, 7, 1);
	/* Nothing is remembered from these: each starts from creation. */
	ORDER(&a, 1, 0, NOLIMIT, "5=1 9=1 7=1 3=2 1=2");
	iter_order_forget(a.order);
	ORDER(&a, -1, 0, NOLIMIT, "3=2 1=2 5=1 9=1 7=1");
	iter_order_forget(a.order);
	ORDER(&a, -1, 0, 2, "3=2 1=2");
	iter_order_forget(a.order);
	ORDER(&a, -1, 0, 3, "3=2 1=2 5=1");
	iter_order_forget(a.order);
	/* Over 30, _stp_map_sortn sorts all of it. */
	ORDER(&a, -1, 0, 31, "3=2 1=2 5=1 9=1 7=1");
	iter_order_forget(a.order);
	ORDER(&a, 1, 0, 0, "");
	iter_order_forget(a.order);
	ORDER(&a, 1, 0, -1, "");
	iter_order_free(a.order);
}

/* map.c sorts the array's own list, so the next foreach starts from the
 * order the last sort left; elements made since follow in creation order,
 * an element deleted and made again among them. */
static void test_sort_is_remembered(void)
{
	struct larr a = { .order = iter_order_new() };

	larr_set(&a, 3, 1);
	larr_set(&a, 1, 1);
	larr_set(&a, 2, 2);
	ORDER(&a, 0, 0, NOLIMIT, "3=1 1=1 2=2");
	ORDER(&a, 1, 1, NOLIMIT, "1=1 2=2 3=1");
	larr_set(&a, 0, 5);
	larr_set(&a, 3, 1);   /* a store: it stays where it is */
	ORDER(&a, 0, 0, NOLIMIT, "1=1 2=2 3=1 0=5");
	/* The tie 1, 3 is broken by the sorted list, not by creation. */
	ORDER(&a, -1, 0, NOLIMIT, "0=5 2=2 1=1 3=1");
	larr_delete(&a, 2);
	larr_set(&a, 2, 2);
	ORDER(&a, 0, 0, NOLIMIT, "0=5 1=1 3=1 2=2");

	/* Without a memory, only creation order. */
	iter_order_free(a.order);
	a.order = NULL;
	ORDER(&a, -1, 0, NOLIMIT, "0=5 2=2 3=1 1=1");
}

/* _stp_map_sortn with limit 2 on the list 5 1 4 2 3, ascending by key,
 * traced by hand through map.c: the bubble pass leaves 1 5 4 2 3, then 4
 * goes in after 1 (5 falls out behind it), 2 after 1 (4 falls out), and 3
 * stays: 1 2 4 5 3.  The foreach sees 1 2; the next one sees all five. */
static void test_sortn_rest(void)
{
	struct larr a = { .order = iter_order_new() };

	larr_set(&a, 5, 0);
	larr_set(&a, 1, 0);
	larr_set(&a, 4, 0);
	larr_set(&a, 2, 0);
	larr_set(&a, 3, 0);
	ORDER(&a, 1, 1, 2, "1=0 2=0");
	ORDER(&a, 0, 0, NOLIMIT, "1=0 2=0 4=0 5=0 3=0");
	/* The translator hands the 64-bit limit to an int: 2^32 + 2 sorts
	 * like 2, and the loop still runs over everything. */
	iter_order_forget(a.order);
	a.n = 0;
	larr_set(&a, 5, 0);
	larr_set(&a, 1, 0);
	larr_set(&a, 4, 0);
	larr_set(&a, 2, 0);
	larr_set(&a, 3, 0);
	ORDER(&a, 1, 1, ((int64_t)1 << 32) + 2, "1=0 2=0 4=0 5=0 3=0");
	iter_order_free(a.order);
}

/* ---- a pointer list doing what map.c's sorts do, to check the index
 * version against on random lists ---- */

struct pnode { struct pnode *prev, *next; int64_t v; int id; };

static void p_del(struct pnode *x)
{
	x->prev->next = x->next;
	x->next->prev = x->prev;
}

static void p_add(struct pnode *x, struct pnode *at)
{
	x->next = at->next;
	x->prev = at;
	at->next->prev = x;
	at->next = x;
}

static int p_after(const struct pnode *a, const struct pnode *b, int asc)
{
	return asc ? a->v > b->v : a->v < b->v;
}

static void p_sortn(struct pnode *head, int n, int asc)
{
	struct pnode *a = NULL, *c, *last, *tmp;
	int num, swaps = 1;

	if (head->next == head)
		return;
	while (swaps) {
		num = n;
		swaps = 0;
		a = head->next;
		c = a->next->next;
		while (a->next != head && --num > 0) {
			if (p_after(a, a->next, asc)) {
				struct pnode *b = a->next;

				swaps++;
				p_del(a);
				p_add(a, b);
			}
			a = c->prev;
			c = c->next;
		}
	}
	last = a;
	a = a->next;
	while (a != head) {
		tmp = a->next;
		c = last;
		while (c != head && p_after(c, a, asc))
			c = c->prev;
		if (c != last) {
			p_del(a);
			p_add(a, c);
			last = last->prev;
		}
		a = tmp;
	}
}

static void test_sortn_random(void)
{
	enum { N = 60 };
	struct pnode nodes[N], head;
	struct iter_layout l = larr_layout();
	int round, bad = 0;

	srand(7);
	for (round = 0; round < 3000; round++) {
		int len = rand() % N, asc = rand() % 2, i;
		int span = 1 + rand() % 8, limit = rand() % 34 - 2;
		struct iter_order *o = iter_order_new();
		struct iter_sort s = { .dir = asc ? 1 : -1, .column = 0,
				       .has_limit = true, .limit = limit };
		struct iter_table *t;
		struct iter *it;
		struct pnode *p;
		const void *k, *v;

		head.next = head.prev = &head;
		iter_table_new(&t, &l);
		for (i = 0; i < len; i++) {
			struct lval val = { i, rand() % span };
			int64_t key = i;

			nodes[i].v = val.v;
			nodes[i].id = i;
			p_add(&nodes[i], head.prev);
			iter_table_add(t, &key, &val);
		}
		if (limit == 0 || limit > 30) {
			/* a full stable sort: insertion sort on the list */
			struct pnode *x = head.next;

			while (x != &head) {
				struct pnode *nx = x->next, *c = x->prev;

				while (c != &head && p_after(c, x, asc))
					c = c->prev;
				if (c != x->prev) {
					p_del(x);
					p_add(x, c);
				}
				x = nx;
			}
		} else {
			p_sortn(&head, limit, asc);
		}
		iter_start(&it, t, &s, o);
		iter_free(it);
		/* What the sort left is what an unsorted foreach sees. */
		iter_table_new(&t, &l);
		for (i = len - 1; i >= 0; i--) {
			struct lval val = { i, nodes[i].v };
			int64_t key = i;

			iter_table_add(t, &key, &val);
		}
		s.dir = 0;
		s.has_limit = false;
		iter_start(&it, t, &s, o);
		for (p = head.next; p != &head; p = p->next) {
			int64_t key = -1;

			if (iter_next(it, &k, &v))
				memcpy(&key, k, 8);
			if (key != p->id)
				break;
		}
		if (p != &head || iter_next(it, &k, &v))
			bad++;
		iter_free(it);
		iter_order_free(o);
	}
	CHECK(!bad, "%d of 3000 random lists sorted unlike map.c", bad);
}

/* The first `limit` of _stp_map_sortn are those of a stable sort. */
static void test_sortn_top_is_stable_sort(void)
{
	struct iter_layout l = larr_layout();
	int round, bad = 0;

	srand(11);
	for (round = 0; round < 2000; round++) {
		int len = rand() % 80, span = 1 + rand() % 10, i, j;
		int limit = 1 + rand() % 30, asc = rand() % 2;
		struct lval vals[80];
		int64_t order[80];
		struct iter_sort s = { .dir = asc ? 1 : -1, .has_limit = true,
				       .limit = limit };
		struct iter_table *t;
		struct iter *it;
		const void *k, *v;

		iter_table_new(&t, &l);
		for (i = 0; i < len; i++) {
			int64_t key = i;

			vals[i].seq = i;
			vals[i].v = rand() % span;
			iter_table_add(t, &key, &vals[i]);
			/* stable insertion into order[0 … i] */
			for (j = i; j > 0; j--) {
				int64_t w = vals[order[j - 1]].v;

				if (asc ? w <= vals[i].v : w >= vals[i].v)
					break;
				order[j] = order[j - 1];
			}
			order[j] = i;
		}
		iter_start(&it, t, &s, NULL);
		for (i = 0; iter_next(it, &k, &v); i++) {
			int64_t key;

			memcpy(&key, k, 8);
			if (i >= len || key != order[i])
				bad++;
		}
		if (i != (len < limit ? len : limit))
			bad++;
		iter_free(it);
	}
	CHECK(!bad, "%d differences from a stable sort", bad);
}

/* ---- other key and value types ---- */

struct skey { int64_t n; char s[MAXSTR]; };
struct sval { int64_t seq; char s[MAXSTR]; };

static struct iter_layout sarr_layout(void)
{
	struct iter_layout l = {
		.kind = ITER_MAP_HASH,
		.key_size = sizeof(struct skey),
		.value_size = sizeof(struct sval),
		.nkeys = 2, .key_types = { TYPE_LONG, TYPE_STRING },
		.key_offsets = { 0, 8 },
		.maxstringlen = MAXSTR, .value_type = TYPE_STRING,
		.value_offset = 8, .seq_offset = 0,
	};
	return l;
}

static const char *sarr_foreach(const struct skey *keys,
				const struct sval *vals, int n,
				const struct iter_sort *s)
{
	static char out[2048];
	struct iter_layout l = sarr_layout();
	struct iter_table *t;
	struct iter *it;
	const void *k, *v;
	size_t o = 0;
	int i;

	out[0] = '\0';
	iter_table_new(&t, &l);
	for (i = 0; i < n; i++)
		iter_table_add(t, &keys[i], &vals[i]);
	if (iter_start(&it, t, s, NULL))
		return "iter_start failed";
	while (iter_next(it, &k, &v)) {
		const struct skey *sk = k;

		o += (size_t)snprintf(out + o, sizeof(out) - o,
				      "%s[%" PRId64 ",%s]=%s", o ? " " : "",
				      sk->n, sk->s, (const char *)v);
	}
	iter_free(it);
	return out;
}

static void test_strings(void)
{
	/* The empty string first; bytes compare as unsigned, so \xff after
	 * 'z'; a prefix before what it starts. */
	struct skey k[6] = { { 2, "b" }, { 1, "\xff" }, { 1, "a" },
			     { -3, "ab" }, { 1, "" }, { 2, "B" } };
	struct sval v[6] = { { 0, "x" }, { 1, "a" }, { 2, "x" },
			     { 3, "" }, { 4, "ab" }, { 5, "\xfe" } };
	struct iter_sort s = { .dir = 1, .column = 2 };
	const char *got;

	got = sarr_foreach(k, v, 6, &s);
	CHECK(!strcmp(got, "[1,]=ab [2,B]=\xfe [1,a]=x [-3,ab]= [2,b]=x "
		      "[1,\xff]=a"), "by key 2: %s", got);
	s.column = 1;
	s.dir = -1;
	got = sarr_foreach(k, v, 6, &s);
	CHECK(!strcmp(got, "[2,b]=x [2,B]=\xfe [1,\xff]=a [1,a]=x [1,]=ab "
		      "[-3,ab]="), "by key 1 down: %s", got);
	s.column = 0;
	s.dir = 1;
	got = sarr_foreach(k, v, 6, &s);
	CHECK(!strcmp(got, "[-3,ab]= [1,\xff]=a [1,]=ab [2,b]=x [1,a]=x "
		      "[2,B]=\xfe"), "by value: %s", got);
	s.dir = 0;
	got = sarr_foreach(k, v, 6, &s);
	CHECK(!strcmp(got, "[2,b]=x [1,\xff]=a [1,a]=x [-3,ab]= [1,]=ab "
		      "[2,B]=\xfe"), "creation order: %s", got);
}

/* Without creation numbers an unsorted foreach goes by key: every column
 * in turn, longs as signed numbers. */
static void test_no_seq(void)
{
	struct skey k[4] = { { 2, "a" }, { -1, "z" }, { 2, "" },
			     { INT64_MIN, "q" } };
	struct sval v[4] = { { 0, "" }, { 0, "" }, { 0, "" }, { 0, "" } };
	struct iter_layout l = sarr_layout();
	struct iter_sort s = { 0 };
	struct iter_table *t;
	struct iter *it;
	const void *kp, *vp;
	char out[256];
	size_t o = 0;
	int i;

	l.seq_offset = -1;
	iter_table_new(&t, &l);
	for (i = 0; i < 4; i++)
		iter_table_add(t, &k[i], &v[i]);
	iter_start(&it, t, &s, NULL);
	out[0] = '\0';
	while (iter_next(it, &kp, &vp)) {
		const struct skey *sk = kp;

		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%" PRId64
				      ",%s", o ? " " : "", sk->n, sk->s);
	}
	iter_free(it);
	CHECK(!strcmp(out, "-9223372036854775808,q -1,z 2, 2,a"), "%s", out);
}

/* testsuite/systemtap.base/foreach_value.stp and .exp: `foreach (n- = i
 * in longs)` and `foreach (s+ = i in strings)`. */
static void test_foreach_value(void)
{
	struct larr a = { 0 };
	struct skey k[5] = { { 1, "" }, { 2, "" }, { 3, "" }, { 4, "" },
			     { 5, "" } };
	struct sval v[5] = { { 0, "one" }, { 1, "two" }, { 2, "three" },
			     { 3, "four" }, { 4, "five" } };
	struct iter_sort s = { .dir = 1, .column = 0 };
	const char *got;
	int64_t i;

	for (i = 1; i < 10; i++)
		larr_set(&a, i, i * i * (i - 5));
	ORDER(&a, -1, 0, NOLIMIT, "9=324 8=192 7=98 6=36 5=0 1=-4 2=-12 "
	      "4=-16 3=-18");
	got = sarr_foreach(k, v, 5, &s);
	CHECK(!strcmp(got, "[5,]=five [4,]=four [1,]=one [3,]=three "
		      "[2,]=two"), "%s", got);
}

/* ---- statistics ---- */

struct stat4 { int64_t w[STAT_HDR_WORDS]; };

static struct iter_layout stat_layout(void)
{
	struct iter_layout l = {
		.kind = ITER_MAP_PERCPU_HASH,
		.key_size = 8, .value_size = sizeof(struct stat4),
		.nkeys = 1, .key_types = { TYPE_LONG }, .key_offsets = { 0 },
		.maxstringlen = MAXSTR, .value_type = TYPE_STAT,
		.value_offset = 0, .seq_offset = -1,
		.merged_size = sizeof(struct stat4),
	};
	return l;
}

/* Adds `v` to a merged statistic as `x <<< v` would. */
static void stat_add(struct stat4 *s, int64_t v)
{
	if (!s->w[STATW_COUNT] || v < s->w[STATW_MIN])
		s->w[STATW_MIN] = v;
	if (!s->w[STATW_COUNT] || v > s->w[STATW_MAX])
		s->w[STATW_MAX] = v;
	s->w[STATW_COUNT]++;
	s->w[STATW_SUM] += v;
}

static void no_merge(void *arg, const void *percpu, int ncpus,
		     size_t stride, void *out)
{
	(void)arg, (void)percpu, (void)ncpus, (void)stride, (void)out;
	abort();
}

static const char *stat_foreach(struct stat4 *vals, int n, int dir,
				enum iter_aggr aggr)
{
	static char out[256];
	struct iter_layout l = stat_layout();
	struct iter_sort s = { .dir = dir, .aggr = aggr };
	struct iter_table *t;
	struct iter *it;
	const void *k, *v;
	size_t o = 0;
	int i;

	/* merge is not called for snapshots built in memory, but a per-CPU
	 * layout must have one */
	l.merge = no_merge;
	out[0] = '\0';
	if (iter_table_new(&t, &l))
		return "table_new failed";
	for (i = n - 1; i >= 0; i--) {
		int64_t key = i + 1;

		iter_table_add(t, &key, &vals[i]);
	}
	iter_start(&it, t, &s, NULL);
	while (iter_next(it, &k, &v)) {
		int64_t key;

		memcpy(&key, k, 8);
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%" PRId64,
				      o ? " " : "", key);
	}
	iter_free(it);
	return out;
}

#define STAT_ORDER(vals, n, dir, aggr, want) do {                       \
		const char *got_ = stat_foreach((vals), (n), (dir), (aggr)); \
		CHECK(!strcmp(got_, (want)), "got \"%s\", want \"%s\"",     \
		      got_, (want));                                        \
	} while (0)

static void test_stats(void)
{
	struct stat4 a[4] = { 0 }, b[3] = { 0 }, c[3] = { 0 };

	/* systemtap.base/foreach_aggrsort.stp and .exp */
	stat_add(&a[0], -1);
	stat_add(&a[1], 1); stat_add(&a[1], 6);
	stat_add(&a[2], 3); stat_add(&a[2], 4); stat_add(&a[2], 5);
	stat_add(&a[3], 0); stat_add(&a[3], 0); stat_add(&a[3], 0);
	stat_add(&a[3], 1);
	STAT_ORDER(a, 4, 1, ITER_AGGR_COUNT, "1 2 3 4");
	STAT_ORDER(a, 4, -1, ITER_AGGR_COUNT, "4 3 2 1");
	STAT_ORDER(a, 4, 1, ITER_AGGR_SUM, "1 4 2 3");
	STAT_ORDER(a, 4, -1, ITER_AGGR_SUM, "3 2 4 1");
	STAT_ORDER(a, 4, 1, ITER_AGGR_AVG, "1 4 2 3");
	STAT_ORDER(a, 4, -1, ITER_AGGR_AVG, "3 2 4 1");
	STAT_ORDER(a, 4, 1, ITER_AGGR_MIN, "1 4 2 3");
	STAT_ORDER(a, 4, -1, ITER_AGGR_MIN, "3 2 4 1");
	STAT_ORDER(a, 4, 1, ITER_AGGR_MAX, "1 4 3 2");
	STAT_ORDER(a, 4, -1, ITER_AGGR_MAX, "2 3 4 1");

	/* systemtap.base/foreach_sort_stat_*.stp and .exp */
	stat_add(&b[0], 32);
	stat_add(&b[1], 78); stat_add(&b[1], 0); stat_add(&b[1], 0);
	stat_add(&b[2], 96); stat_add(&b[2], 0);
	STAT_ORDER(b, 3, -1, ITER_AGGR_COUNT, "2 3 1");      /* 1, 2, 4 */
	STAT_ORDER(b, 3, 1, ITER_AGGR_COUNT, "1 3 2");       /* 3 */
	STAT_ORDER(b, 3, 1, ITER_AGGR_SUM, "1 2 3");         /* 6 */
	STAT_ORDER(b, 3, -1, ITER_AGGR_SUM, "3 2 1");        /* 7 */
	STAT_ORDER(b, 3, 1, ITER_AGGR_AVG, "2 1 3");         /* 8 */
	STAT_ORDER(b, 3, -1, ITER_AGGR_AVG, "3 1 2");        /* 9 */
	stat_add(&c[0], 32);
	stat_add(&c[1], 78); stat_add(&c[1], 0); stat_add(&c[1], 0);
	stat_add(&c[2], 96); stat_add(&c[2], 1);
	STAT_ORDER(c, 3, 1, ITER_AGGR_MIN, "2 3 1");         /* 10 */
	STAT_ORDER(c, 3, -1, ITER_AGGR_MIN, "1 3 2");        /* 11 */
	STAT_ORDER(c, 3, 1, ITER_AGGR_MAX, "1 2 3");         /* 12 */
	STAT_ORDER(c, 3, -1, ITER_AGGR_MAX, "3 2 1");        /* 13 */

	/* Unspecified in SystemTap (its aggregate is in hash order with a
	 * random seed); uscript: by key, also for ties. */
	STAT_ORDER(b, 3, 0, ITER_AGGR_COUNT, "1 2 3");
	b[0] = b[2];
	STAT_ORDER(b, 3, -1, ITER_AGGR_COUNT, "2 1 3");

	/* @avg rounds toward zero: -7/2 = -3 ties with -3/1. */
	memset(c, 0, sizeof(c));
	stat_add(&c[0], -3);
	stat_add(&c[1], -3); stat_add(&c[1], -4);
	stat_add(&c[2], -2);
	STAT_ORDER(c, 3, 1, ITER_AGGR_AVG, "1 2 3");
}

/* The end-of-run display, `foreach ([…] in a-)`, and bad requests. */
static void test_misc(void)
{
	struct iter_layout l = larr_layout();
	struct iter_sort s = { .dir = 1, .column = 2 };
	struct iter_table *t;
	struct iter *it = (struct iter *)&l;

	CHECK(!iter_table_new(&t, &l), "table_new");
	CHECK(iter_start(&it, t, &s, NULL) == -EINVAL && !it,
	      "a column past the keys");
	l.value_offset = sizeof(struct lval) - 4;
	CHECK(iter_table_new(&t, &l) == -EINVAL && !t, "value past the end");
	l = larr_layout();
	l.key_offsets[0] = 4;
	CHECK(iter_table_new(&t, &l) == -EINVAL, "key past the end");
	l = stat_layout();
	CHECK(iter_table_new(&t, &l) == -EINVAL, "per-CPU without a merge");
	l = larr_layout();
	l.value_type = TYPE_STAT;
	l.value_size = 64;
	CHECK(iter_table_new(&t, &l) == -EINVAL, "a statistic in a hash map");
	iter_order_forget(NULL);
	iter_order_free(NULL);
	iter_free(NULL);
	iter_table_free(NULL);
}

static void test_layout_from_global(void)
{
	struct global_var g = {
		.name = "a", .type = TYPE_STRING, .kind = GLOBAL_ARRAY,
		.nkeys = 2, .key_types = { TYPE_STRING, TYPE_LONG },
		.key_offsets = { 0, 128 }, .key_size = 136,
		.value_size = 128, .max_entries = 2048,
	};
	struct iter_layout l;

	iter_layout_from_global(&l, &g, 7, 128);
	CHECK(l.fd == 7 && l.kind == ITER_MAP_HASH && l.key_size == 136 &&
	      l.nkeys == 2 && l.key_types[0] == TYPE_STRING &&
	      l.key_offsets[1] == 128 && l.value_type == TYPE_STRING &&
	      l.seq_offset == -1 && l.value_offset == 0, "array");
	g.kind = GLOBAL_STAT;
	g.type = TYPE_STAT;
	g.value_size = 32;
	iter_layout_from_global(&l, &g, 7, 128);
	CHECK(l.kind == ITER_MAP_PERCPU_HASH && l.value_type == TYPE_STAT &&
	      l.merged_size == 32, "statistic array");
	g.nkeys = 0;
	g.key_size = 4;
	iter_layout_from_global(&l, &g, 7, 128);
	CHECK(l.kind == ITER_MAP_PERCPU_ARRAY, "scalar statistic");
}

static void run_unit(void)
{
	test_foreach_limit();
	test_ii();
	test_ties();
	test_sort_is_remembered();
	test_sortn_rest();
	test_sortn_random();
	test_sortn_top_is_stable_sort();
	test_strings();
	test_no_seq();
	test_foreach_value();
	test_stats();
	test_misc();
	test_layout_from_global();
}

/* ---- real BPF maps ---- */

/* The CPU time of this thread, its system calls included, so that other
 * work on a busy machine does not count; each figure printed is the best
 * of five runs. */
static double cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct bkey { int64_t n; char s[16]; };

/* A global array as uscript's BPF code keeps it: key {long, string},
 * value {creation number, long}.  Elements are created in the order of a
 * permutation of 0 … n−1, with value (i * 7919) % 1000. */
static int make_hash(int n, int64_t **perm_out)
{
	int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "it_hash",
				sizeof(struct bkey), sizeof(struct lval),
				(uint32_t)n, NULL);
	int64_t *perm = malloc((size_t)n * sizeof(*perm));
	int i;

	if (fd < 0 || !perm) {
		free(perm);
		return fd < 0 ? fd : -ENOMEM;
	}
	for (i = 0; i < n; i++)
		perm[i] = i;
	srand(3);
	for (i = n - 1; i > 0; i--) {
		int j = rand() % (i + 1);
		int64_t x = perm[i];

		perm[i] = perm[j];
		perm[j] = x;
	}
	for (i = 0; i < n; i++) {
		struct bkey k = { .n = perm[i] };
		struct lval v = { .seq = i, .v = (perm[i] * 7919) % 1000 };

		snprintf(k.s, sizeof(k.s), "k%" PRId64, perm[i] % 100);
		if (bpf_map_update_elem(fd, &k, &v, BPF_NOEXIST)) {
			close(fd);
			free(perm);
			return -errno;
		}
	}
	*perm_out = perm;
	return fd;
}

static struct iter_layout bkey_layout(int fd)
{
	struct iter_layout l = {
		.fd = fd, .kind = ITER_MAP_HASH,
		.key_size = sizeof(struct bkey),
		.value_size = sizeof(struct lval),
		.nkeys = 2, .key_types = { TYPE_LONG, TYPE_STRING },
		.key_offsets = { 0, 8 }, .maxstringlen = 16,
		.value_type = TYPE_LONG,
		.value_offset = offsetof(struct lval, v),
		.seq_offset = offsetof(struct lval, seq),
	};
	return l;
}

/* Elements not in order by value, largest first, ties in creation order. */
static int unsorted_by_value_down(struct iter *it)
{
	int64_t prev_v = INT64_MAX, prev_seq = -1;
	const void *k, *v;
	int bad = 0;

	while (iter_next(it, &k, &v)) {
		struct lval lv;

		/* The value points at the long; its creation number is
		 * just before. */
		memcpy(&lv, (const char *)v - offsetof(struct lval, v),
		       sizeof(lv));
		if (lv.v > prev_v || (lv.v == prev_v && lv.seq < prev_seq))
			bad++;
		prev_v = lv.v;
		prev_seq = lv.seq;
	}
	return bad;
}

static void check_hash(int n, bool bench)
{
	int64_t *perm = NULL;
	int fd = make_hash(n, &perm), i, pass;
	struct iter_layout l;
	struct iter_sort unsorted = { 0 }, down = { .dir = -1 };
	struct iter *it;
	const void *k, *v;
	double best[2] = { 1e9, 1e9 }, t0, sort_ms = 1e9, read_ms = 1e9;
	struct iter_table *t;

	CHECK(fd >= 0, "creating a hash map of %d: %s", n, strerror(-fd));
	if (fd < 0)
		return;
	l = bkey_layout(fd);
	for (pass = 0; pass < (bench ? 5 : 1); pass++) {
		int way;

		for (way = 0; way < 2; way++) {
			int bad = 0, err;

			l.flags = way ? ITER_NO_BATCH : 0;
			t0 = cpu_ms();
			err = iter_begin(&it, &l, &unsorted, NULL);
			t0 = cpu_ms() - t0;
			CHECK(!err, "iter_begin: %s", strerror(-err));
			if (err)
				continue;
			if (t0 < best[way])
				best[way] = t0;
			CHECK(iter_count(it) == (size_t)n, "%zu of %d elements",
			      iter_count(it), n);
			for (i = 0; iter_next(it, &k, &v); i++) {
				const struct bkey *bk = k;
				int64_t val;

				memcpy(&val, v, 8);
				if (i >= n || bk->n != perm[i] ||
				    val != (perm[i] * 7919) % 1000)
					bad++;
			}
			CHECK(!bad && i == n, "%s: %d elements out of creation "
			      "order", way ? "get_next_key" : "batch", bad);
			iter_free(it);
		}
		/* The read alone, and the sort alone. */
		l.flags = 0;
		t0 = cpu_ms();
		CHECK(!iter_table_read(&t, &l), "read");
		t0 = cpu_ms() - t0;
		if (t0 < read_ms)
			read_ms = t0;
		t0 = cpu_ms();
		CHECK(!iter_start(&it, t, &down, NULL), "sorted");
		t0 = cpu_ms() - t0;
		if (t0 < sort_ms)
			sort_ms = t0;
		i = unsorted_by_value_down(it);
		CHECK(!i, "%d out of order by value", i);
		iter_free(it);
	}
	if (bench)
		printf("hash map, %6d elements: a foreach in creation order "
		       "%6.2f ms reading by batches, %6.2f ms by get_next_key; "
		       "reading by batches alone %6.2f ms, sorting by value "
		       "alone %6.2f ms\n", n, best[0], best[1], read_ms,
		       sort_ms);
	close(fd);
	free(perm);
}

/* The walk is over the snapshot: the map emptied and refilled under it
 * changes nothing. */
static void check_snapshot(void)
{
	int64_t *perm = NULL;
	int fd = make_hash(1000, &perm), i;
	struct iter_layout l;
	struct iter_sort s = { 0 };
	struct iter *it;
	const void *k, *v;
	int bad = 0;

	CHECK(fd >= 0, "map");
	if (fd < 0)
		return;
	l = bkey_layout(fd);
	CHECK(!iter_begin(&it, &l, &s, NULL), "begin");
	for (i = 0; iter_next(it, &k, &v); i++) {
		const struct bkey *bk = k;

		if (bk->n != perm[i])
			bad++;
		if (i == 10) {
			struct bkey key, nk;
			struct lval nv = { 5000, 1 };

			while (!bpf_map_get_next_key(fd, NULL, &key))
				bpf_map_delete_elem(fd, &key);
			memset(&nk, 0, sizeof(nk));
			nk.n = -1;
			bpf_map_update_elem(fd, &nk, &nv, BPF_ANY);
		}
	}
	CHECK(!bad && i == 1000, "snapshot: %d wrong, %d seen", bad, i);
	iter_free(it);
	CHECK(!iter_begin(&it, &l, &s, NULL) && iter_count(it) == 1,
	      "the map as it is now");
	iter_free(it);
	close(fd);
	free(perm);
}

/* Reads while another thread deletes and re-creates elements: each read
 * must end, and hold no key twice (a get_next_key walk starts again from
 * the first key when the key it stands on is deleted). */
struct churn {
	int fd, n;
	volatile int stop;
};

static void *churn_run(void *arg)
{
	struct churn *c = arg;
	unsigned seed = 5;

	while (!c->stop) {
		struct bkey k = { .n = rand_r(&seed) % c->n };
		struct lval v = { 0, 0 };

		snprintf(k.s, sizeof(k.s), "k%" PRId64, k.n % 100);
		bpf_map_delete_elem(c->fd, &k);
		bpf_map_update_elem(c->fd, &k, &v, BPF_ANY);
	}
	return NULL;
}

static int cmp_bkey(const void *a, const void *b)
{
	return memcmp(a, b, sizeof(struct bkey));
}

static void check_churn(void)
{
	int64_t *perm = NULL;
	struct churn c = { .n = 5000 };
	struct iter_sort s = { 0 };
	struct iter_layout l;
	pthread_t th;
	int round, dups = 0, reads = 0;

	c.fd = make_hash(c.n, &perm);
	CHECK(c.fd >= 0, "map");
	if (c.fd < 0)
		return;
	l = bkey_layout(c.fd);
	if (pthread_create(&th, NULL, churn_run, &c)) {
		CHECK(0, "pthread_create");
		goto out;
	}
	for (round = 0; round < 40; round++) {
		struct bkey *keys = calloc((size_t)c.n, sizeof(*keys));
		struct iter *it;
		const void *k, *v;
		size_t i = 0;

		l.flags = round % 2 ? ITER_NO_BATCH : 0;
		if (!keys || iter_begin(&it, &l, &s, NULL))
			continue;
		reads++;
		while (iter_next(it, &k, &v) && i < (size_t)c.n)
			memcpy(&keys[i++], k, sizeof(*keys));
		dups += iter_next(it, &k, &v);   /* more than the map holds */
		qsort(keys, i, sizeof(*keys), cmp_bkey);
		while (i-- > 1)
			dups += !cmp_bkey(&keys[i], &keys[i - 1]);
		iter_free(it);
		free(keys);
	}
	c.stop = 1;
	pthread_join(th, NULL);
	CHECK(reads == 40 && !dups, "%d reads, %d keys twice", reads, dups);
out:
	close(c.fd);
	free(perm);
}

/* Sums per-CPU statistics: counts and sums add, min and max over the CPUs
 * with a count; what runtime/stats.c does for the runtime. */
static void merge_sum(void *arg, const void *percpu, int ncpus,
		      size_t stride, void *out)
{
	struct stat4 *m = out;
	int c;

	(void)arg;
	memset(m, 0, sizeof(*m));
	for (c = 0; c < ncpus; c++) {
		struct stat4 s;

		memcpy(&s, (const char *)percpu + (size_t)c * stride, sizeof(s));
		if (!s.w[STATW_COUNT])
			continue;
		if (!m->w[STATW_COUNT] || s.w[STATW_MIN] < m->w[STATW_MIN])
			m->w[STATW_MIN] = s.w[STATW_MIN];
		if (!m->w[STATW_COUNT] || s.w[STATW_MAX] > m->w[STATW_MAX])
			m->w[STATW_MAX] = s.w[STATW_MAX];
		m->w[STATW_COUNT] += s.w[STATW_COUNT];
		m->w[STATW_SUM] += s.w[STATW_SUM];
	}
}

/* An array of statistics: element k has count k % 50 + 1 on every CPU but
 * the last, and nothing on the last; element `n` exists with every count 0
 * and must not be seen. */
static void check_percpu(int n, bool bench)
{
	int ncpus = libbpf_num_possible_cpus(), i, c, pass;
	int fd = bpf_map_create(BPF_MAP_TYPE_PERCPU_HASH, "it_stat", 8,
				sizeof(struct stat4), (uint32_t)n + 1, NULL);
	struct stat4 *vals = calloc((size_t)ncpus, sizeof(*vals));
	struct iter_layout l = stat_layout();
	struct iter_sort s = { .dir = -1, .aggr = ITER_AGGR_COUNT };
	double best[2] = { 1e9, 1e9 };

	CHECK(fd >= 0 && vals, "creating a per-CPU hash map");
	if (fd < 0 || !vals) {
		free(vals);
		return;
	}
	for (i = 0; i <= n; i++) {
		int64_t key = i;

		for (c = 0; c < ncpus; c++) {
			bool idle = c == ncpus - 1 && ncpus > 1;
			int64_t cnt = idle ? 0 : i % 50 + 1;

			vals[c].w[STATW_COUNT] = i == n ? 0 : cnt;
			vals[c].w[STATW_SUM] = i == n ? 0 : cnt * i;
			vals[c].w[STATW_MIN] = i == n || !cnt ? 0 : i - c;
			vals[c].w[STATW_MAX] = i == n || !cnt ? 0 : i + c;
		}
		if (bpf_map_update_elem(fd, &key, vals, BPF_ANY)) {
			CHECK(0, "filling: %s", strerror(errno));
			break;
		}
	}
	l.fd = fd;
	l.merge = merge_sum;
	for (pass = 0; pass < (bench ? 5 : 1); pass++) {
		int way;

		for (way = 0; way < 2; way++) {
			struct iter *it;
			const void *k, *v;
			int64_t prev_count = INT64_MAX, prev_key = -1;
			int bad = 0, seen = 0, err;
			double t0 = cpu_ms();

			l.flags = way ? ITER_NO_BATCH : 0;
			err = iter_begin(&it, &l, &s, NULL);
			t0 = cpu_ms() - t0;
			CHECK(!err, "iter_begin: %s", strerror(-err));
			if (err)
				continue;
			if (t0 < best[way])
				best[way] = t0;
			while (iter_next(it, &k, &v)) {
				struct stat4 m;
				int64_t key, per = ncpus > 1 ? ncpus - 1 : 1;

				memcpy(&key, k, 8);
				memcpy(&m, v, sizeof(m));
				seen++;
				if (key >= n ||
				    m.w[STATW_COUNT] != per * (key % 50 + 1) ||
				    m.w[STATW_SUM] !=
				    per * (key % 50 + 1) * key ||
				    m.w[STATW_MIN] != key - (per - 1) ||
				    m.w[STATW_MAX] != key + (per - 1))
					bad++;
				/* ties by key, ascending */
				if (m.w[STATW_COUNT] > prev_count ||
				    (m.w[STATW_COUNT] == prev_count &&
				     key < prev_key))
					bad++;
				prev_count = m.w[STATW_COUNT];
				prev_key = key;
			}
			CHECK(!bad && seen == n, "per-CPU %s: %d bad, %d of %d",
			      way ? "get_next_key" : "batch", bad, seen, n);
			iter_free(it);
		}
	}
	if (bench)
		printf("per-CPU hash (%d CPUs), %6d elements: read, merge and "
		       "sort by @count: batches %7.2f ms, get_next_key "
		       "%7.2f ms\n", ncpus, n, best[0], best[1]);
	free(vals);
	close(fd);
}

/* A scalar statistic: a one-element per-CPU array. */
static void check_percpu_array(void)
{
	int ncpus = libbpf_num_possible_cpus(), c;
	int fd = bpf_map_create(BPF_MAP_TYPE_PERCPU_ARRAY, "it_scalar", 4,
				sizeof(struct stat4), 1, NULL);
	struct stat4 *vals = calloc((size_t)ncpus, sizeof(*vals));
	struct iter_layout l = stat_layout();
	struct iter_sort s = { 0 };
	struct iter *it;
	const void *k, *v;
	uint32_t key = 0;

	CHECK(fd >= 0 && vals, "creating a per-CPU array");
	if (fd < 0 || !vals) {
		free(vals);
		return;
	}
	for (c = 0; c < ncpus; c++) {
		vals[c].w[STATW_COUNT] = 1;
		vals[c].w[STATW_SUM] = c + 1;
		vals[c].w[STATW_MIN] = vals[c].w[STATW_MAX] = c + 1;
	}
	bpf_map_update_elem(fd, &key, vals, BPF_ANY);
	l.fd = fd;
	l.kind = ITER_MAP_PERCPU_ARRAY;
	l.key_size = 4;
	l.nkeys = 0;
	l.merge = merge_sum;
	CHECK(!iter_begin(&it, &l, &s, NULL), "begin");
	CHECK(iter_count(it) == 1, "%zu elements", iter_count(it));
	if (iter_next(it, &k, &v)) {
		struct stat4 m;

		memcpy(&m, v, sizeof(m));
		CHECK(m.w[STATW_COUNT] == ncpus &&
		      m.w[STATW_SUM] == (int64_t)ncpus * (ncpus + 1) / 2 &&
		      m.w[STATW_MIN] == 1 && m.w[STATW_MAX] == ncpus,
		      "merged %" PRId64 " %" PRId64, m.w[STATW_COUNT],
		      m.w[STATW_SUM]);
	}
	iter_free(it);

	/* A layout that does not match the map is refused, not read. */
	l.value_size = 16;
	l.merged_size = 16;
	l.value_type = TYPE_LONG;
	CHECK(iter_begin(&it, &l, &s, NULL) == -EINVAL, "wrong value size");
	free(vals);
	close(fd);
}

/* The end-of-run display of an array of strings, by value, largest first,
 * ties in creation order. */
static void check_display(void)
{
	int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "it_disp",
				sizeof(struct skey), sizeof(struct sval), 16,
				NULL);
	struct skey k[4] = { { 1, "x" }, { 2, "y" }, { 3, "z" }, { 4, "w" } };
	struct sval v[4] = { { 0, "b" }, { 1, "c" }, { 2, "b" }, { 3, "a" } };
	struct iter_layout l = sarr_layout();
	struct iter *it;
	const void *kp, *vp;
	char out[128];
	size_t o = 0;
	int i;

	CHECK(fd >= 0, "map");
	if (fd < 0)
		return;
	for (i = 3; i >= 0; i--)
		bpf_map_update_elem(fd, &k[i], &v[i], BPF_NOEXIST);
	l.fd = fd;
	out[0] = '\0';
	CHECK(!iter_begin_display(&it, &l, NULL), "begin");
	while (iter_next(it, &kp, &vp))
		o += (size_t)snprintf(out + o, sizeof(out) - o,
				      "%s%" PRId64 "=%s", o ? " " : "",
				      ((const struct skey *)kp)->n,
				      (const char *)vp);
	iter_free(it);
	CHECK(!strcmp(out, "2=c 1=b 3=b 4=a"), "%s", out);
	close(fd);
}

/* Whether this process may make BPF maps. */
static bool have_bpf(void)
{
	int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "it_probe", 8, 8, 1, NULL);

	if (fd < 0)
		return false;
	close(fd);
	return true;
}

static void run_bpf(bool bench)
{
	check_hash(1000, false);
	check_snapshot();
	check_churn();
	check_percpu(1000, false);
	check_percpu_array();
	check_display();
	if (bench) {
		check_hash(10000, true);
		check_hash(100000, true);
		check_percpu(10000, true);
		check_percpu(100000, true);
	}
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "all";
	bool unit = !strcmp(what, "all") || !strcmp(what, "unit");
	bool bpf = !strcmp(what, "all") || !strcmp(what, "bpf") ||
		   !strcmp(what, "bench");

	if (!unit && !bpf) {
		fprintf(stderr, "usage: %s [all|unit|bpf|bench]\n", argv[0]);
		return 2;
	}
	if (unit)
		run_unit();
	if (bpf) {
		if (have_bpf()) {
			run_bpf(!strcmp(what, "bench"));
		} else if (!unit) {
			printf("test_iterate: SKIP: cannot create BPF maps\n");
			return 77;
		} else {
			printf("test_iterate: BPF part skipped: cannot create "
			       "BPF maps\n");
		}
	}
	return checks_done("test_iterate");
}
