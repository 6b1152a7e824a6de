/* SPDX-License-Identifier: GPL-2.0-or-later */
/* maps.h — the maps of global arrays and statistics from uscript's side:
 * what host handlers read and write (hostabi.h), the histograms that
 * print(@hist_…) records ask for, and the unread globals printed at the
 * end.  Keys and values are laid out as program.h says. */
#ifndef USCRIPT_MAPS_H
#define USCRIPT_MAPS_H

#include <stdbool.h>
#include <stdint.h>

#include "iterate.h"
#include "program.h"
#include "strbuf.h"

struct bpf_object;

struct maps {
	const struct program *prog;
	int *fds;                /* per global: its map, or -1 */
	int ncpus;               /* possible CPUs: per-CPU values come in this many */
	struct iter_order **orders;  /* per global array: SystemTap's list order */
	struct iter **open;      /* foreach loops of the running host handler */
	int nopen, capopen;
	void *buf;               /* one element's value, all CPUs' */
};

int maps_init(struct maps *m, const struct program *p, struct bpf_object *obj);
void maps_free(struct maps *m);

/* For statistics, dst gets (and update writes) CPU 0's part. */
bool maps_lookup(struct maps *m, int g, const void *key, void *dst);
int maps_update(struct maps *m, int g, const void *key, const void *value, uint64_t flags);
void maps_delete(struct maps *m, int g, const void *key);
void maps_clear(struct maps *m, int g);
/* count, sum, min and max of a statistic over all CPUs; zeros if missing. */
void maps_stat_merged(struct maps *m, int g, const void *key, int64_t *hdr);
/* The count in bucket i (in range) of a statistic's histogram, all CPUs'. */
int64_t maps_stat_bucket(struct maps *m, int g, const void *key, int64_t i);

/* foreach: column 0 for none, 1… a key, -1 the value; aggr is the stat_op
 * (ast.h) statistics sort by; the value pointer
 * next gives is the element's start (its creation number first). */
struct iter *maps_foreach_begin(struct maps *m, int g, int column, int dir, int aggr,
				bool has_limit, int64_t limit);
bool maps_foreach_next(struct maps *m, int g, struct iter *it, const void **key,
		       const void **value);
void maps_foreach_end(struct maps *m, struct iter *it);
/* Frees the iterators a handler left open (it left a loop by next,
 * return or an error). */
void maps_close_iterators(struct maps *m);

/* print(@hist_…): -ENODATA for an empty statistic ("empty aggregate"). */
int maps_print_hist(struct maps *m, int g, const void *key, struct strbuf *out);
/* The end-of-run lines of an unread array or statistic. */
void maps_print_global(struct maps *m, int g, struct strbuf *out);

/* -f json (json.h): print(@hist_…)'s record, {"name": …, "key": […],
 * "kind": "log" or "linear", "buckets": […]}, "key" for an element of an
 * array only; -ENODATA for an empty statistic, as maps_print_hist. */
int maps_json_hist(struct maps *m, int g, const void *key, struct strbuf *out);
/* -f json: the value of an unread array or statistic, as the end-of-run
 * record shows it; 0 or a negative errno. */
int maps_json_global(struct maps *m, int g, struct strbuf *out);

#endif
