/* SPDX-License-Identifier: GPL-2.0-or-later */
/* stats.c — see stats.h.
 *
 * Where the rules come from, in SystemTap's source:
 *
 *   - Merging: runtime/stat.c _stp_stat_get (and runtime/map.c for arrays)
 *     adds the CPUs whose count is not 0 and takes min and max over them.
 *   - Aggregates: translate.cxx visit_stat_op.  @count of an empty
 *     statistic is 0, and so is @sum (since --compatible=1.5, the default
 *     for years); @min, @max and @avg raise "empty aggregate".  @avg is
 *     _stp_div64(sum, count), C's division.
 *   - Buckets: runtime/stat-common.c __stp_stat_add, _stp_val_to_bucket,
 *     _stp_stat_calc_buckets.  A linear histogram's lo, hi and step are C
 *     ints there, so its arithmetic on them is done in 32 bits here too.
 *   - Drawing: runtime/stat-common.c _stp_stat_print_histogram_buf.
 *     translate.cxx visit_print_format raises "empty aggregate" before
 *     drawing an empty statistic, and ignores println's newline.
 *   - The end-of-run line: elaborate.cxx add_global_var_display, which
 *     builds a printf with "%#d" for every number ("%#x" only under
 *     --compatible below 1.4) and "%#s" for string keys; SystemTap's '#'
 *     changes neither, so they print as %d and %s. */
#include "stats.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

/* SystemTap keeps this many empty rows next to data (HIST_ELISION). */
#define HIST_ELISION 2

size_t stats_value_words(const struct stat_shape *shape)
{
	return STAT_HDR_WORDS + (shape->hist == HIST_NONE ? 0 : shape->buckets) +
	       (shape->variance ? STATV_WORDS : 0) + shape->ordered;
}

/* SystemTap's _stp_stat_get for @variance: the scaled mean of all CPUs
 * from the merged sum, then the total variance from each CPU's mean and
 * variance; a division by 0 is 0, as its _stp_div64 makes it. */
static int64_t sdiv0(int64_t a, int64_t b)
{
	if (b == 0 || (b == -1 && a == INT64_MIN))
		return b == 0 ? 0 : a;
	return a / b;
}

static void merge_variance(const struct stat_shape *shape, const int64_t *percpu, int ncpus,
			   int64_t *out)
{
	size_t words = stats_value_words(shape);
	size_t avg = STATV_WORD(shape, STATV_AVG), var = STATV_WORD(shape, STATV_VAR);
	uint64_t s = 0;
	int64_t mean = sdiv0((int64_t)((uint64_t)out[STATW_SUM] << shape->shift), out[STATW_COUNT]);
	for (int cpu = 0; cpu < ncpus; cpu++) {
		const int64_t *v = percpu + (size_t)cpu * words;
		if (v[STATW_COUNT] == 0)
			continue;
		uint64_t d = (uint64_t)v[avg] - (uint64_t)mean;
		s += (uint64_t)v[STATW_COUNT] * d * d;
		s += ((uint64_t)v[STATW_COUNT] - 1) * (uint64_t)v[var];
	}
	out[avg] = mean;
	out[STATV_WORD(shape, STATV_M2)] = 0;
	out[var] = sdiv0((int64_t)s, out[STATW_COUNT] - 1) >> (2 * shape->shift);
}

/* ---- merging and aggregates ---- */

void stats_merge(const struct stat_shape *shape, const int64_t *percpu,
		 int ncpus, int64_t *out)
{
	size_t words = stats_value_words(shape), j;
	int cpu;

	memset(out, 0, words * sizeof(*out));
	for (cpu = 0; cpu < ncpus; cpu++) {
		const int64_t *v = percpu + (size_t)cpu * words;

		/* A CPU that never added has a meaningless min and max. */
		if (v[STATW_COUNT] == 0)
			continue;
		if (out[STATW_COUNT] == 0) {
			out[STATW_MIN] = v[STATW_MIN];
			out[STATW_MAX] = v[STATW_MAX];
		}
		/* Sums wrap, as 64-bit adds in BPF and in the kernel do. */
		out[STATW_COUNT] = (int64_t)((uint64_t)out[STATW_COUNT] +
					     (uint64_t)v[STATW_COUNT]);
		out[STATW_SUM] = (int64_t)((uint64_t)out[STATW_SUM] +
					   (uint64_t)v[STATW_SUM]);
		if (v[STATW_MIN] < out[STATW_MIN])
			out[STATW_MIN] = v[STATW_MIN];
		if (v[STATW_MAX] > out[STATW_MAX])
			out[STATW_MAX] = v[STATW_MAX];
		for (j = STAT_HDR_WORDS; j < STAT_HDR_WORDS + shape->buckets; j++)
			out[j] = (int64_t)((uint64_t)out[j] + (uint64_t)v[j]);
	}
	if (shape->variance)
		merge_variance(shape, percpu, ncpus, out);
}

int stats_aggregate(const int64_t *merged, enum stats_op op, int64_t *result)
{
	int64_t count = merged ? merged[STATW_COUNT] : 0;

	*result = 0;
	if (count == 0)
		return op == STATS_COUNT || op == STATS_SUM ? 0 : -ENODATA;

	switch (op) {
	case STATS_COUNT:
		*result = count;
		break;
	case STATS_SUM:
		*result = merged[STATW_SUM];
		break;
	case STATS_MIN:
		*result = merged[STATW_MIN];
		break;
	case STATS_MAX:
		*result = merged[STATW_MAX];
		break;
	case STATS_AVG:
		/* _stp_div64: C's division, rounding toward zero, except that
		 * a divisor of -1 negates rather than trap.  A count is never
		 * -1; the case only keeps corrupt data from trapping. */
		*result = count == -1 ? (int64_t)(0 - (uint64_t)merged[STATW_SUM])
				      : merged[STATW_SUM] / count;
		break;
	}
	return 0;
}

/* ---- buckets ---- */

uint32_t stats_log_bucket(int64_t v)
{
	uint64_t mag;
	uint32_t bits;

	if (v == 0)
		return HIST_LOG_BUCKET0;
	/* The magnitude of INT64_MIN is 2^63: 64 bits, bucket 0. */
	mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	bits = 64 - (uint32_t)__builtin_clzll(mag);
	return v < 0 ? HIST_LOG_BUCKET0 - bits : HIST_LOG_BUCKET0 + bits;
}

uint32_t stats_linear_bucket(const struct stat_shape *shape, int64_t v)
{
	int32_t lo = (int32_t)shape->lo;
	uint64_t off = (uint64_t)v - (uint64_t)(int64_t)lo;
	uint32_t step = (uint32_t)(int32_t)shape->step;
	uint64_t b;

	/* The kernel's v − lo wraps, and do_div divides it, unsigned, by
	 * the step taken as 32 unsigned bits.  A step of 0 has no buckets
	 * (stats_linear_buckets); it is guarded only against a trap. */
	if ((int64_t)off < 0)
		b = 0;
	else
		b = (step ? off / step : 0) + 1;
	/* Only lo + INT64_MAX with a step of 1 gets here: SystemTap's index
	 * is then INT64_MIN, which scaled by 8 addresses bucket 0. */
	if (b == UINT64_C(1) << 63)
		return 0;
	if (b >= (uint64_t)shape->buckets - 1)
		b = shape->buckets - 1;
	return (uint32_t)b;
}

uint32_t stats_linear_buckets(int64_t lo, int64_t hi, int64_t step)
{
	int32_t span = (int32_t)((uint32_t)(int32_t)hi - (uint32_t)(int32_t)lo);
	int32_t istep = (int32_t)step;
	int64_t n;

	if (istep == 0)
		return 0;
	/* INT32_MIN / -1 would trap where C's int division overflows. */
	n = (int64_t)span / istep + 3;
	if (n < 3 || n > STATS_MAX_LINEAR_BUCKETS)
		return 0;
	return (uint32_t)n;
}

int stats_hist_bucket(const struct stat_shape *shape, const int64_t *merged,
		      int64_t index, int64_t *result)
{
	*result = 0;
	if (!merged || merged[STATW_COUNT] == 0)
		return -ENODATA;
	if (shape->hist == HIST_NONE || index < 0 || index >= shape->buckets)
		return -ERANGE;
	*result = merged[STAT_HDR_WORDS + index];
	return 0;
}

/* ---- drawing ---- */

/* Characters %lld prints for v: its digits and a '-'. */
static int needed_space(int64_t v)
{
	uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	int n = v < 0;

	do {
		n++;
		mag /= 10;
	} while (mag);
	return n;
}

/* The value a log histogram's row shows: the bucket's value of least
 * magnitude. */
static int64_t log_row_value(int b)
{
	if (b == HIST_LOG_BUCKET0)
		return 0;
	if (b < HIST_LOG_BUCKET0)
		return (int64_t)(0 - (UINT64_C(1) << (63 - b)));
	return (int64_t)(UINT64_C(1) << (b - HIST_LOG_BUCKET0 - 1));
}

struct out {
	struct strbuf *sb;
	int err;
};

static void put(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;

	if (o->err)
		return;
	va_start(ap, fmt);
	o->err = strbuf_vprintf(o->sb, fmt, ap);
	va_end(ap);
}

static void put_run(struct out *o, int c, size_t n)
{
	if (!o->err)
		o->err = strbuf_pad(o->sb, c, n);
}

/* Whether row i is skipped: it and its neighbours up to HIST_ELISION rows
 * away, within the rows drawn, are all empty. */
static int elided(const int64_t *h, int i, int low, int high)
{
	int k, from = i - HIST_ELISION, to = i + HIST_ELISION;

	if (from < low)
		from = low;
	if (to > high)
		to = high;
	for (k = from; k <= to; k++)
		if (h[k] != 0)
			return 0;
	return 1;
}

int stats_print_hist(struct strbuf *sb, const struct stat_shape *shape,
		     const int64_t *merged)
{
	const int64_t *h;
	int nb = (int)shape->buckets, linear = shape->hist == HIST_LINEAR;
	int low = -1, high = 0, i, val_space, cnt_space, eliding = 0;
	int under = 0, over = 0;
	int64_t valmax = 0, scale;
	struct out o = { sb, 0 };
	size_t start_len = sb->len;

	if ((shape->hist != HIST_LOG && shape->hist != HIST_LINEAR) || nb < 1 ||
	    shape->buckets > INT32_MAX)
		return -EINVAL;
	if (!merged || merged[STATW_COUNT] == 0)
		return -ENODATA;
	h = merged + STAT_HDR_WORDS;

	for (i = 0; i < nb; i++) {
		if (h[i] > 0) {
			if (low < 0)
				low = i;
			high = i;
		}
		if (h[i] > valmax)
			valmax = h[i];
	}
	/* Every add counts in a bucket; a count without one is not data
	 * SystemTap could draw. */
	if (low < 0)
		return -ENODATA;

	/* Two more rows on either side of the data; a log histogram does
	 * not reach below the row of 0 unless it has negative values. */
	for (i = 0; i < 2; i++) {
		if (linear ? low > 0 : low != HIST_LOG_BUCKET0 && low > 0)
			low--;
		if (high < nb - 1)
			high++;
	}
	/* The underflow and overflow rows only when they count something. */
	if (linear) {
		if (low == 0 && h[0] == 0)
			low++;
		if (high == nb - 1 && h[high] == 0)
			high--;
		under = low == 0;
		over = high == nb - 1;
	}

	/* The largest count gets the whole width; rounding the scale up
	 * keeps every bar within it.  SystemTap divides by the scale taken
	 * as 32 unsigned bits, which is exact up to 50 × UINT32_MAX events
	 * in one bucket; past that its bars have any length (or it divides
	 * by 0), and this scale stays right. */
	scale = valmax <= STATS_HIST_WIDTH ? 1 :
		valmax / STATS_HIST_WIDTH + (valmax % STATS_HIST_WIDTH != 0);
	cnt_space = needed_space(valmax);

	/* SystemTap measures the value column at the ends of the range (for
	 * a linear histogram one step past the last row, in int), wide
	 * enough for "value". */
	if (linear) {
		int32_t lo = (int32_t)shape->lo, step = (int32_t)shape->step;
		int32_t end = (int32_t)((uint32_t)lo +
					(uint32_t)step * (uint32_t)high);
		int a = needed_space(lo) + under, b = needed_space(end) + over;

		val_space = a > b ? a : b;
	} else {
		int a = needed_space(log_row_value(high));
		int b = needed_space(log_row_value(low));

		val_space = a > b ? a : b;
	}
	if (val_space < 5)
		val_space = 5;

	put(&o, "%*s |", val_space, "value");
	put_run(&o, '-', STATS_HIST_WIDTH);
	put(&o, " count\n");

	for (i = low; i <= high; i++) {
		const char *prefix = "";
		int64_t val;
		uint64_t bar;

		if (elided(h, i, low, high)) {
			eliding = 1;
			continue;
		}
		/* One mark on the axis for the rows just skipped. */
		if (eliding) {
			put(&o, "%*s ~\n", val_space, "");
			eliding = 0;
		}

		if (linear) {
			int64_t lo = (int32_t)shape->lo, step = (int32_t)shape->step;

			if (i == 0) {
				val = lo;
				prefix = "<";
			} else if (i == nb - 1) {
				/* The overflow row shows where the last
				 * step starts, after '>'. */
				val = lo + (int64_t)(i - 2) * step;
				prefix = ">";
			} else {
				val = lo + (int64_t)(i - 1) * step;
			}
		} else {
			val = log_row_value(i);
		}

		put(&o, "%*s%" PRId64 " |", val_space - needed_space(val), prefix,
		    val);
		/* Counts are never negative; a bar is at most the width. */
		bar = h[i] > 0 ? (uint64_t)h[i] / (uint64_t)scale : 0;
		if (bar > STATS_HIST_WIDTH)
			bar = STATS_HIST_WIDTH;
		put_run(&o, '@', bar);
		put(&o, "%*" PRId64 "\n",
		    (int)(STATS_HIST_WIDTH - bar + 1 + (uint64_t)cnt_space), h[i]);
	}
	put(&o, "\n");

	if (o.err)
		strbuf_truncate(sb, start_len);
	return o.err;
}

/* ---- the end-of-run line ---- */

int stats_print_global(struct strbuf *sb, const char *name,
		       const struct fmt_arg *keys, size_t nkeys,
		       const int64_t *merged)
{
	struct out o = { sb, 0 };
	size_t start_len = sb->len, i;
	int64_t avg;

	if (!merged || merged[STATW_COUNT] == 0) {
		/* SystemTap tests a scalar for this and prints the words as
		 * they are; an array has no empty elements to visit. */
		if (nkeys == 0)
			put(&o, "%s @count=0x0\n", name);
		return o.err;
	}

	put(&o, "%s", name);
	if (nkeys) {
		for (i = 0; i < nkeys; i++) {
			const struct fmt_arg *k = &keys[i];

			put(&o, i ? "," : "[");
			if (k->kind == FMT_LONG) {
				put(&o, "%" PRId64, k->num);
			} else {
				const char *nul = k->str ?
					memchr(k->str, '\0', k->len) : NULL;
				size_t n = !k->str ? 0 :
					nul ? (size_t)(nul - k->str) : k->len;

				put(&o, "\"");
				if (!o.err)
					o.err = strbuf_append(sb, k->str, n);
				put(&o, "\"");
			}
		}
		put(&o, "]");
	}
	stats_aggregate(merged, STATS_AVG, &avg);
	put(&o, " @count=%" PRId64 " @min=%" PRId64 " @max=%" PRId64
		" @sum=%" PRId64 " @avg=%" PRId64 "\n",
	    merged[STATW_COUNT], merged[STATW_MIN], merged[STATW_MAX],
	    merged[STATW_SUM], avg);

	if (o.err) {
		strbuf_truncate(sb, start_len);
		return o.err;
	}
	/* One printf prints at most this much, the newline included. */
	if (sb->len - start_len > FMT_PRINT_MAX)
		strbuf_truncate(sb, start_len + FMT_PRINT_MAX);
	return 0;
}
