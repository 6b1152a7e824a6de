/* SPDX-License-Identifier: GPL-2.0-or-later */
/* json.c — JSON text for `-f json`; json.h says what each piece is.
 *
 * Strings are what a script printed or stored, and a script can print any
 * bytes: target memory read with user_string, %c of any value, a NUL.  A
 * JSON text is Unicode, so the bytes that are not UTF-8 cannot pass as they
 * are; each becomes U+FFFD, as a decoder that replaces errors would read
 * them, and the text around them stays readable. */
#define _GNU_SOURCE
#include "json.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

/* Appending that stops at the first failure; the caller truncates. */
struct out {
	struct strbuf *sb;
	int err;
};

static void put(struct out *o, const char *s)
{
	if (!o->err)
		o->err = strbuf_puts(o->sb, s);
}

static void put_bytes(struct out *o, const char *s, size_t n)
{
	if (!o->err)
		o->err = strbuf_append(o->sb, s, n);
}

static void put_num(struct out *o, int64_t v)
{
	if (!o->err)
		o->err = strbuf_printf(o->sb, "%" PRId64, v);
}

static int done(struct out *o, size_t start)
{
	if (o->err)
		strbuf_truncate(o->sb, start);
	return o->err;
}

/* The length of the valid UTF-8 sequence that starts s (n bytes left), or
 * 0 if none does (RFC 3629: no overlong form, no surrogate, nothing past
 * U+10FFFF). */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t len;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if (len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)))
		return 0;
	if (len == 4 && (cp < 0x10000 || cp > 0x10ffff))
		return 0;
	return len;
}

int json_string(struct strbuf *sb, const char *s, size_t len)
{
	struct out o = { sb, 0 };
	size_t start = sb->len, i = 0;
	const unsigned char *u = (const unsigned char *)s;

	put(&o, "\"");
	while (i < len && !o.err) {
		/* The run of bytes that pass as they are, in one append. */
		size_t run = i, n;
		while (run < len && u[run] >= 0x20 && u[run] != '"' && u[run] != '\\' &&
		       u[run] != 0x7f && (n = utf8_len(u + run, len - run)) != 0)
			run += n;
		put_bytes(&o, s + i, run - i);
		i = run;
		if (i == len)
			break;
		unsigned char c = u[i++];
		char esc[8];
		switch (c) {
		case '"': put(&o, "\\\""); break;
		case '\\': put(&o, "\\\\"); break;
		case '\n': put(&o, "\\n"); break;
		case '\t': put(&o, "\\t"); break;
		case '\r': put(&o, "\\r"); break;
		case '\b': put(&o, "\\b"); break;
		case '\f': put(&o, "\\f"); break;
		default:
			if (c < 0x20 || c == 0x7f) {
				snprintf(esc, sizeof(esc), "\\u%04x", c);
				put(&o, esc);
			} else {
				put(&o, "\\ufffd");
			}
			break;
		}
	}
	put(&o, "\"");
	return done(&o, start);
}

int json_value(struct strbuf *sb, const struct fmt_arg *v)
{
	if (v->kind == FMT_STRING)
		return json_string(sb, v->str ? v->str : "", v->str ? v->len : 0);
	return strbuf_printf(sb, "%" PRId64, v->num);
}

int json_stat(struct strbuf *sb, const int64_t *merged)
{
	struct out o = { sb, 0 };
	size_t start = sb->len;
	int64_t count = merged ? merged[STATW_COUNT] : 0;

	put(&o, "{\"count\": ");
	put_num(&o, count);
	put(&o, ", \"sum\": ");
	put_num(&o, merged ? merged[STATW_SUM] : 0);
	if (count == 0) {
		put(&o, ", \"min\": null, \"max\": null, \"avg\": null}");
		return done(&o, start);
	}
	int64_t avg;
	stats_aggregate(merged, STATS_AVG, &avg);
	put(&o, ", \"min\": ");
	put_num(&o, merged[STATW_MIN]);
	put(&o, ", \"max\": ");
	put_num(&o, merged[STATW_MAX]);
	put(&o, ", \"avg\": ");
	put_num(&o, avg);
	put(&o, "}");
	return done(&o, start);
}

/* The values bucket b of a log histogram holds (stats_log_bucket): 0 in
 * its own; magnitudes from 2^(n-1) to 2^n - 1 n buckets above it, their
 * negations n below; bucket 0 holds INT64_MIN alone. */
static void log_range(int b, int64_t *min, int64_t *max)
{
	if (b == HIST_LOG_BUCKET0) {
		*min = *max = 0;
		return;
	}
	int bits = b > HIST_LOG_BUCKET0 ? b - HIST_LOG_BUCKET0 : HIST_LOG_BUCKET0 - b;
	uint64_t low = UINT64_C(1) << (bits - 1);
	uint64_t high = bits == 64 ? low : (low << 1) - 1;
	if (b > HIST_LOG_BUCKET0) {
		*min = (int64_t)low;
		*max = (int64_t)high;
	} else {
		*min = (int64_t)(0 - high);
		*max = (int64_t)(0 - low);
	}
}

int json_hist_buckets(struct strbuf *sb, const struct stat_shape *shape,
		      const int64_t *merged)
{
	struct out o = { sb, 0 };
	size_t start = sb->len;
	bool linear = shape->hist == HIST_LINEAR;
	/* As the drawing takes them (stats.c): lo and step in 32 bits. */
	int64_t lo = (int32_t)shape->lo, step = (int32_t)shape->step;
	int nb = shape->hist == HIST_NONE ? 0 : (int)shape->buckets;
	bool first = true;

	put(&o, "[");
	for (int b = 0; merged && b < nb; b++) {
		int64_t count = merged[STAT_HDR_WORDS + b], min = 0, max = 0;
		bool has_min = true, has_max = true;
		if (count <= 0)
			continue;
		if (!linear) {
			log_range(b, &min, &max);
		} else if (b == 0) {
			has_min = false;
			max = lo - 1;
		} else if (b == nb - 1) {
			min = lo + (int64_t)(b - 1) * step;
			has_max = false;
		} else {
			min = lo + (int64_t)(b - 1) * step;
			max = min + step - 1;
		}
		put(&o, first ? "{" : ", {");
		first = false;
		if (has_min) {
			put(&o, "\"min\": ");
			put_num(&o, min);
			put(&o, ", ");
		}
		if (has_max) {
			put(&o, "\"max\": ");
			put_num(&o, max);
			put(&o, ", ");
		}
		put(&o, "\"count\": ");
		put_num(&o, count);
		put(&o, "}");
	}
	put(&o, "]");
	return done(&o, start);
}

/* ---- arrays ---- */

struct nest {
	const struct json_member *m;
	int nkeys;
	const char *values;
	struct out o;
};

static int key_cmp(const struct fmt_arg *a, const struct fmt_arg *b)
{
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->kind == FMT_LONG)
		return a->num < b->num ? -1 : a->num > b->num;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = n ? memcmp(a->str, b->str, n) : 0;
	if (c)
		return c;
	return a->len < b->len ? -1 : a->len > b->len;
}

/* Orders element indexes by their keys, then by their place. */
static int by_keys(const void *pa, const void *pb, void *arg)
{
	const struct nest *t = arg;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	for (int k = 0; k < t->nkeys; k++) {
		int c = key_cmp(&t->m[a].keys[k], &t->m[b].keys[k]);
		if (c)
			return c;
	}
	return a < b ? -1 : a > b;
}

/* A run of sorted elements that share their keys up to one level. */
struct group {
	size_t from, to;         /* in the sorted indexes */
	size_t first;            /* the least index: where it appears first */
};

static int by_first(const void *pa, const void *pb)
{
	const struct group *a = pa, *b = pb;
	return a->first < b->first ? -1 : a->first > b->first;
}

/* The object of level `level` for the elements idx[from, to), which share
 * their keys before that level; sorting made each group of a key at this
 * level one run. */
static void nest_level(struct nest *t, const size_t *idx, size_t from, size_t to, int level)
{
	if (level == t->nkeys) {
		const struct json_member *e = &t->m[idx[from]];
		put_bytes(&t->o, t->values + e->value, e->value_len);
		return;
	}
	struct group *g = calloc(to - from, sizeof(*g));
	size_t ng = 0;
	if (!g) {
		t->o.err = -ENOMEM;
		return;
	}
	for (size_t i = from; i < to; i++) {
		if (ng && key_cmp(&t->m[idx[i]].keys[level],
				  &t->m[idx[g[ng - 1].from]].keys[level]) == 0) {
			g[ng - 1].to = i + 1;
			if (idx[i] < g[ng - 1].first)
				g[ng - 1].first = idx[i];
			continue;
		}
		g[ng++] = (struct group){ i, i + 1, idx[i] };
	}
	qsort(g, ng, sizeof(*g), by_first);
	put(&t->o, "{");
	for (size_t i = 0; i < ng && !t->o.err; i++) {
		const struct fmt_arg *k = &t->m[idx[g[i].from]].keys[level];
		if (i)
			put(&t->o, ", ");
		if (k->kind == FMT_LONG) {
			char num[32];
			snprintf(num, sizeof(num), "\"%" PRId64 "\"", k->num);
			put(&t->o, num);
		} else if (!t->o.err) {
			t->o.err = json_string(t->o.sb, k->str ? k->str : "", k->str ? k->len : 0);
		}
		put(&t->o, ": ");
		nest_level(t, idx, g[i].from, g[i].to, level + 1);
	}
	put(&t->o, "}");
	free(g);
}

int json_nested(struct strbuf *sb, const struct json_member *m, size_t n, int nkeys,
		const char *values)
{
	struct nest t = { m, nkeys, values, { sb, 0 } };
	size_t start = sb->len;

	if (n == 0)
		return strbuf_puts(sb, "{}");
	size_t *idx = malloc(n * sizeof(*idx));
	if (!idx)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	qsort_r(idx, n, sizeof(*idx), by_keys, &t);
	nest_level(&t, idx, 0, n, 0);
	free(idx);
	return done(&t.o, start);
}
