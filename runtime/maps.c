/* SPDX-License-Identifier: GPL-2.0-or-later */
/* maps.c — the maps of global arrays and statistics, from uscript's side:
 * for host handlers (hostabi.h), for print(@hist_…) records, and for the
 * unread globals printed at the end.
 *
 * A per-CPU map reads and writes one value per possible CPU; the host's
 * own part of a statistic is CPU 0's, written back whole (SystemTap's
 * begin and end probes add to statistics too, rarely, and not while many
 * probes fire). */
#include "maps.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "parse/ast.h"
#include "stats.h"

static size_t percpu_stride(const struct global_var *g)
{
	return ((size_t)g->value_size + 7) & ~(size_t)7;
}

static bool is_percpu(const struct global_var *g)
{
	return g->kind == GLOBAL_STAT;
}

static void merge_stat(void *arg, const void *percpu, int ncpus, size_t stride, void *out)
{
	const struct global_var *g = arg;
	(void)stride;
	stats_merge(&g->stat, percpu, ncpus, out);
}

int maps_init(struct maps *m, const struct program *p, struct bpf_object *obj)
{
	memset(m, 0, sizeof(*m));
	m->prog = p;
	m->ncpus = libbpf_num_possible_cpus();
	if (m->ncpus < 1)
		m->ncpus = 1;
	m->fds = calloc((size_t)p->nglobals + 1, sizeof(int));
	m->orders = calloc((size_t)p->nglobals + 1, sizeof(*m->orders));
	if (!m->fds || !m->orders)
		return -ENOMEM;
	size_t biggest = 8;
	for (int i = 0; i < p->nglobals; i++) {
		const struct global_var *g = &p->globals[i];
		m->fds[i] = -1;
		if (g->kind == GLOBAL_SCALAR)
			continue;
		struct bpf_map *map = obj ? bpf_object__find_map_by_name(obj, g->map_name) : NULL;
		if (!map)
			return -ENOENT;
		m->fds[i] = bpf_map__fd(map);
		if (g->kind == GLOBAL_ARRAY)
			m->orders[i] = iter_order_new();
		size_t need = is_percpu(g) ? percpu_stride(g) * (size_t)m->ncpus : g->value_size;
		if (need > biggest)
			biggest = need;
	}
	m->buf = calloc(1, biggest);
	return m->buf ? 0 : -ENOMEM;
}

void maps_free(struct maps *m)
{
	maps_close_iterators(m);
	if (m->orders)
		for (int i = 0; i < m->prog->nglobals; i++)
			iter_order_free(m->orders[i]);
	free(m->orders);
	free(m->fds);
	free(m->buf);
	free(m->open);
	memset(m, 0, sizeof(*m));
}

bool maps_lookup(struct maps *m, int g, const void *key, void *dst)
{
	const struct global_var *gv = &m->prog->globals[g];
	if (bpf_map_lookup_elem(m->fds[g], key, m->buf) != 0)
		return false;
	memcpy(dst, m->buf, gv->value_size);
	return true;
}

/* A wrapping array makes room as its BPF code does (bpf.c): the element of
 * least creation number goes (a statistic's is the last word of CPU 0's
 * part).  On failure errno is E2BIG, the overflow. */
static int remove_oldest(struct maps *m, int g)
{
	const struct global_var *gv = &m->prog->globals[g];
	uint8_t *key = calloc(2, gv->key_size), *oldest = key ? key + gv->key_size : NULL;
	/* not m->buf: that holds the value maps_update is storing */
	size_t size = is_percpu(gv) ? percpu_stride(gv) * (size_t)m->ncpus : gv->value_size;
	uint8_t *val = malloc(size);
	void *prev = NULL;
	int64_t least = INT64_MAX;
	bool found = false;
	while (key && val && bpf_map_get_next_key(m->fds[g], prev, key) == 0) {
		prev = key;
		int64_t seq = 0;
		if (bpf_map_lookup_elem(m->fds[g], key, val) != 0)
			continue;
		memcpy(&seq, val + (gv->kind == GLOBAL_STAT ? gv->value_size - 8 : 0), sizeof(seq));
		if (!found || seq < least) {
			memcpy(oldest, key, gv->key_size);
			least = seq;
			found = true;
		}
	}
	int rc = found && bpf_map_delete_elem(m->fds[g], oldest) == 0 ? 0 : -1;
	free(key);
	free(val);
	errno = E2BIG;
	return rc;
}

int maps_update(struct maps *m, int g, const void *key, const void *value, uint64_t flags)
{
	const struct global_var *gv = &m->prog->globals[g];
	const void *v = value;
	if (is_percpu(gv)) {
		size_t stride = percpu_stride(gv);
		if (bpf_map_lookup_elem(m->fds[g], key, m->buf) != 0)
			memset(m->buf, 0, stride * (size_t)m->ncpus);
		memcpy(m->buf, value, gv->value_size);
		/* a wrapping array of statistics: the creation number in
		 * every CPU's part, where the BPF code looks for it */
		for (int cpu = 1; gv->stat.ordered && cpu < m->ncpus; cpu++)
			memcpy((uint8_t *)m->buf + (size_t)cpu * stride + gv->value_size - 8,
			       (const uint8_t *)value + gv->value_size - 8, 8);
		v = m->buf;
	}
	if (bpf_map_update_elem(m->fds[g], key, v, flags) == 0)
		return 0;
	if (errno != E2BIG || !gv->wrap || remove_oldest(m, g) != 0)
		return -errno;
	return bpf_map_update_elem(m->fds[g], key, v, flags) ? -errno : 0;
}

void maps_delete(struct maps *m, int g, const void *key)
{
	bpf_map_delete_elem(m->fds[g], key);
}

void maps_clear(struct maps *m, int g)
{
	const struct global_var *gv = &m->prog->globals[g];
	if (gv->kind == GLOBAL_STAT && gv->nkeys == 0) {
		uint32_t zero = 0;
		memset(m->buf, 0, percpu_stride(gv) * (size_t)m->ncpus);
		bpf_map_update_elem(m->fds[g], &zero, m->buf, BPF_ANY);
		return;
	}
	/* Deleting the first key until there is none: keys after a deleted
	 * one would not be found again. */
	void *key = calloc(1, gv->key_size);
	while (key && bpf_map_get_next_key(m->fds[g], NULL, key) == 0)
		if (bpf_map_delete_elem(m->fds[g], key) != 0)
			break;
	free(key);
	iter_order_forget(m->orders[g]);
}

/* The whole merged value of a statistic (stats_value_words), or false if
 * the element does not exist. */
static bool merged(struct maps *m, int g, const void *key, int64_t *out)
{
	const struct global_var *gv = &m->prog->globals[g];
	memset(out, 0, stats_value_words(&gv->stat) * sizeof(int64_t));
	if (bpf_map_lookup_elem(m->fds[g], key, m->buf) != 0)
		return false;
	stats_merge(&gv->stat, m->buf, m->ncpus, out);
	return true;
}

void maps_stat_merged(struct maps *m, int g, const void *key, int64_t *hdr)
{
	const struct global_var *gv = &m->prog->globals[g];
	int64_t *all = calloc(stats_value_words(&gv->stat), sizeof(int64_t));
	if (!all) {
		memset(hdr, 0, STAT_HDR_WORDS * sizeof(int64_t));
		return;
	}
	merged(m, g, key, all);
	memcpy(hdr, all, STAT_HDR_WORDS * sizeof(int64_t));
	free(all);
}

int64_t maps_stat_bucket(struct maps *m, int g, const void *key, int64_t i)
{
	const struct global_var *gv = &m->prog->globals[g];
	if (i < 0 || (size_t)i >= stats_value_words(&gv->stat) - STAT_HDR_WORDS)
		return 0;
	int64_t *all = calloc(stats_value_words(&gv->stat), sizeof(int64_t));
	if (!all)
		return 0;
	merged(m, g, key, all);
	int64_t n = all[STAT_HDR_WORDS + i];
	free(all);
	return n;
}

static void layout_of(struct maps *m, int g, struct iter_layout *l)
{
	const struct global_var *gv = &m->prog->globals[g];
	iter_layout_from_global(l, gv, m->fds[g], m->prog->maxstringlen);
	if (gv->kind == GLOBAL_ARRAY) {
		l->value_offset = gv->value_offset;
		l->seq_offset = 0;
	} else {
		l->merge = merge_stat;
		l->merge_arg = (void *)gv;
		l->merged_size = (uint32_t)(stats_value_words(&gv->stat) * sizeof(int64_t));
	}
}

struct iter *maps_foreach_begin(struct maps *m, int g, int column, int dir, int aggr,
				bool has_limit, int64_t limit)
{
	struct iter_layout l;
	layout_of(m, g, &l);
	static const enum iter_aggr aggrs[] = {
		[STAT_COUNT] = ITER_AGGR_COUNT, [STAT_SUM] = ITER_AGGR_SUM,
		[STAT_MIN] = ITER_AGGR_MIN, [STAT_MAX] = ITER_AGGR_MAX, [STAT_AVG] = ITER_AGGR_AVG,
	};
	struct iter_sort s = {
		.dir = dir,
		.column = column < 0 ? 0 : column,
		.aggr = aggr >= 0 && aggr <= STAT_AVG ? aggrs[aggr] : ITER_AGGR_COUNT,
		.has_limit = has_limit,
		.limit = limit,
	};
	if (dir == 0)
		s.column = 0;
	struct iter *it = NULL;
	if (iter_begin(&it, &l, &s, m->orders[g]) < 0)
		return NULL;
	if (m->nopen == m->capopen) {
		m->capopen = m->capopen ? 2 * m->capopen : 8;
		m->open = realloc(m->open, (size_t)m->capopen * sizeof(*m->open));
		if (!m->open)
			abort();
	}
	m->open[m->nopen++] = it;
	return it;
}

bool maps_foreach_next(struct maps *m, int g, struct iter *it, const void **key,
		       const void **value)
{
	if (!it || !iter_next(it, key, value))
		return false;
	/* The generated code finds the value at value_offset itself. */
	*value = (const char *)*value - m->prog->globals[g].value_offset;
	return true;
}

void maps_foreach_end(struct maps *m, struct iter *it)
{
	for (int i = 0; i < m->nopen; i++)
		if (m->open[i] == it) {
			m->open[i] = m->open[--m->nopen];
			break;
		}
	iter_free(it);
}

void maps_close_iterators(struct maps *m)
{
	for (int i = 0; i < m->nopen; i++)
		iter_free(m->open[i]);
	m->nopen = 0;
}

int maps_print_hist(struct maps *m, int g, const void *key, struct strbuf *out)
{
	const struct global_var *gv = &m->prog->globals[g];
	int64_t *all = calloc(stats_value_words(&gv->stat), sizeof(int64_t));
	if (!all)
		return -ENOMEM;
	int rc = merged(m, g, key, all) ? stats_print_hist(out, &gv->stat, all) : -ENODATA;
	free(all);
	return rc;
}

/* The key of an element as format arguments, for a display line. */
static size_t key_args(const struct global_var *gv, const void *key, uint32_t maxstr,
		       struct fmt_arg *args)
{
	const char *k = key;
	for (int i = 0; i < gv->nkeys; i++) {
		const char *f = k + gv->key_offsets[i];
		if (gv->key_types[i] == TYPE_STRING) {
			args[i] = fmt_str(f, strnlen(f, maxstr));
		} else {
			int64_t v;
			memcpy(&v, f, sizeof(v));
			args[i] = fmt_long(v);
		}
	}
	return (size_t)gv->nkeys;
}

/* SystemTap's display of an unread array: `a[1,"k"]=5`, `s["x"]="v"`, in
 * the order of foreach ([…] in a-). */
static void print_array(struct maps *m, int g, struct strbuf *out)
{
	const struct global_var *gv = &m->prog->globals[g];
	struct iter_layout l;
	layout_of(m, g, &l);
	struct iter *it = NULL;
	if (iter_begin_display(&it, &l, gv->kind == GLOBAL_ARRAY ? m->orders[g] : NULL) < 0)
		return;
	const void *key, *value;
	struct fmt_arg args[MAX_KEYS];
	uint32_t maxstr = m->prog->maxstringlen;
	while (iter_next(it, &key, &value)) {
		size_t n = key_args(gv, key, maxstr, args);
		if (gv->kind == GLOBAL_STAT) {
			stats_print_global(out, gv->name, args, n, value);
			continue;
		}
		strbuf_printf(out, "%s[", gv->name);
		for (size_t i = 0; i < n; i++) {
			if (i)
				strbuf_putc(out, ',');
			if (args[i].kind == FMT_STRING)
				strbuf_printf(out, "\"%.*s\"", (int)args[i].len, args[i].str);
			else
				strbuf_printf(out, "%lld", (long long)args[i].num);
		}
		if (gv->type == TYPE_STRING)
			strbuf_printf(out, "]=\"%.*s\"\n", (int)strnlen(value, maxstr),
				      (const char *)value);
		else {
			int64_t v;
			memcpy(&v, value, sizeof(v));
			strbuf_printf(out, "]=%lld\n", (long long)v);
		}
	}
	iter_free(it);
}

void maps_print_global(struct maps *m, int g, struct strbuf *out)
{
	const struct global_var *gv = &m->prog->globals[g];
	if (gv->kind == GLOBAL_STAT && gv->nkeys == 0) {
		int64_t *all = calloc(stats_value_words(&gv->stat), sizeof(int64_t));
		uint32_t zero = 0;
		if (!all)
			return;
		merged(m, g, &zero, all);
		stats_print_global(out, gv->name, NULL, 0, all);
		free(all);
		return;
	}
	print_array(m, g, out);
}

/* ---- -f json ---- */

/* A key's values as a JSON array. */
static void json_key(const struct global_var *gv, const void *key, uint32_t maxstr,
		     struct strbuf *out)
{
	struct fmt_arg args[MAX_KEYS];
	size_t n = key_args(gv, key, maxstr, args);
	strbuf_putc(out, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_puts(out, ", ");
		json_value(out, &args[i]);
	}
	strbuf_putc(out, ']');
}

int maps_json_hist(struct maps *m, int g, const void *key, struct strbuf *out)
{
	const struct global_var *gv = &m->prog->globals[g];
	int64_t *all = calloc(stats_value_words(&gv->stat), sizeof(int64_t));
	if (!all)
		return -ENOMEM;
	if (!merged(m, g, key, all) || all[STATW_COUNT] == 0) {
		free(all);
		return -ENODATA;
	}
	size_t start = out->len;
	strbuf_puts(out, "{\"name\": ");
	json_string(out, gv->name, strlen(gv->name));
	if (gv->nkeys) {
		strbuf_puts(out, ", \"key\": ");
		json_key(gv, key, m->prog->maxstringlen, out);
	}
	strbuf_printf(out, ", \"kind\": \"%s\", \"buckets\": ",
		      gv->stat.hist == HIST_LINEAR ? "linear" : "log");
	int rc = json_hist_buckets(out, &gv->stat, all);
	if (rc == 0)
		rc = strbuf_putc(out, '}');
	free(all);
	if (rc < 0)
		strbuf_truncate(out, start);
	return rc;
}

/* An array's elements as json_nested's object, in the order of SystemTap's
 * display (print_array). */
static int json_array(struct maps *m, int g, struct strbuf *out)
{
	const struct global_var *gv = &m->prog->globals[g];
	struct iter_layout l;
	layout_of(m, g, &l);
	struct iter *it = NULL;
	int rc = iter_begin_display(&it, &l, gv->kind == GLOBAL_ARRAY ? m->orders[g] : NULL);
	if (rc < 0)
		return rc;
	size_t n = iter_count(it), i = 0;
	uint32_t maxstr = m->prog->maxstringlen;
	struct fmt_arg *keys = calloc(n * (size_t)gv->nkeys + 1, sizeof(*keys));
	struct json_member *mem = calloc(n + 1, sizeof(*mem));
	struct strbuf values = STRBUF_INIT;
	const void *key, *value;
	rc = keys && mem ? 0 : -ENOMEM;
	while (rc == 0 && i < n && iter_next(it, &key, &value)) {
		mem[i].keys = keys + i * (size_t)gv->nkeys;
		key_args(gv, key, maxstr, keys + i * (size_t)gv->nkeys);
		mem[i].value = values.len;
		if (gv->kind == GLOBAL_STAT) {
			rc = json_stat(&values, value);
		} else if (gv->type == TYPE_STRING) {
			rc = json_string(&values, value, strnlen(value, maxstr));
		} else {
			int64_t v;
			memcpy(&v, value, sizeof(v));
			rc = strbuf_printf(&values, "%lld", (long long)v);
		}
		mem[i].value_len = values.len - mem[i].value;
		i++;
	}
	if (rc == 0)
		rc = json_nested(out, mem, i, gv->nkeys, values.buf);
	strbuf_free(&values);
	free(mem);
	free(keys);
	iter_free(it);
	return rc;
}

int maps_json_global(struct maps *m, int g, struct strbuf *out)
{
	const struct global_var *gv = &m->prog->globals[g];
	if (gv->kind == GLOBAL_STAT && gv->nkeys == 0) {
		int64_t *all = calloc(stats_value_words(&gv->stat), sizeof(int64_t));
		uint32_t zero = 0;
		if (!all)
			return -ENOMEM;
		merged(m, g, &zero, all);
		int rc = json_stat(out, all);
		free(all);
		return rc;
	}
	return json_array(m, g, out);
}
