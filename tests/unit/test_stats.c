/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_stats.c — unit tests of statistics (runtime/stats.c): merging
 * per-CPU values, the aggregates, bucketing, histograms as print() draws
 * them, and the end-of-run line of an unread statistic.
 *
 * Every expected histogram is what SystemTap's own drawing code
 * (runtime/stat-common.c) prints for the same buckets.  Prints one line
 * per failing check and a summary; exits 0 if every check passed, 1
 * otherwise. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

#include "check.h"

static const struct stat_shape LOG = { HIST_LOG, 0, 0, 0, HIST_LOG_BUCKETS };
static const struct stat_shape NONE = { HIST_NONE, 0, 0, 0, 0 };

static struct stat_shape linear(int64_t lo, int64_t hi, int64_t step)
{
	struct stat_shape s = { HIST_LINEAR, lo, hi, step, 0 };

	s.buckets = stats_linear_buckets(lo, hi, step);
	return s;
}

/* A merged value with histogram `buckets` of the shape: values[i] added
 * counts[i] times, as the BPF code would have counted them. */
static int64_t *value_of(const struct stat_shape *s, const int64_t *values,
			 const int64_t *counts, int n)
{
	int64_t *v = calloc(stats_value_words(s), sizeof(*v));
	int i;

	for (i = 0; i < n; i++) {
		uint32_t b = s->hist == HIST_LOG ? stats_log_bucket(values[i])
						 : stats_linear_bucket(s, values[i]);

		if (v[STATW_COUNT] == 0 || values[i] < v[STATW_MIN])
			v[STATW_MIN] = values[i];
		if (v[STATW_COUNT] == 0 || values[i] > v[STATW_MAX])
			v[STATW_MAX] = values[i];
		v[STATW_COUNT] += counts[i];
		v[STATW_SUM] += values[i] * counts[i];
		v[STAT_HDR_WORDS + b] += counts[i];
	}
	return v;
}

/* Prints the histogram and compares it with `want`; `line` names the
 * caller in a failure. */
static void hist_is(int line, const struct stat_shape *s,
		    const int64_t *values, const int64_t *counts, int n,
		    const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	int64_t *v = value_of(s, values, counts, n);
	int err = stats_print_hist(&sb, s, v);

	checks++;
	if (err || sb.len != strlen(want) || memcmp(sb.buf, want, sb.len)) {
		failures++;
		printf("%s:%d: histogram (err %d): got\n%s---- want\n%s----\n",
		       __FILE__, line, err, sb.buf ? sb.buf : "", want);
	}
	strbuf_free(&sb);
	free(v);
}

#define ONES(...) (const int64_t[]){ __VA_ARGS__ }
#define HIST(s, vals, cnts, want) \
	hist_is(__LINE__, s, vals, cnts, \
		(int)(sizeof(vals) / sizeof((vals)[0])), want)

static void test_merge(void)
{
	struct stat_shape lin = linear(0, 2, 1);   /* 5 buckets */
	size_t w = stats_value_words(&lin);
	/* CPU 1 never added: its min and max are leftovers to ignore. */
	int64_t cpus[3][9] = {
		{ 2, 7, 3, 4,  0, 0, 0, 1, 1 },
		{ 0, 0, -99, 99, 0, 0, 0, 0, 0 },
		{ 3, -6, -5, 1, 2, 1, 0, 0, 0 },
	};
	int64_t out[9], want[9] = { 5, 1, -5, 4, 2, 1, 0, 1, 1 };
	int64_t empty[2][4] = { { 0, 0, 7, 7 }, { 0, 0, -7, -7 } };
	int64_t out4[4];
	size_t i;

	CHECK(lin.buckets == 5, "linear(0, 2, 1) has %u buckets", lin.buckets);
	CHECK(w == 9, "words %zu", w);
	CHECK(stats_value_words(&LOG) == 4 + 128, "log words");
	CHECK(stats_value_words(&NONE) == 4, "plain words");

	stats_merge(&lin, &cpus[0][0], 3, out);
	for (i = 0; i < w; i++)
		CHECK(out[i] == want[i], "merge word %zu: %" PRId64 " want %" PRId64,
		      i, out[i], want[i]);

	/* Nothing added anywhere: all 0, the leftovers ignored. */
	stats_merge(&NONE, &empty[0][0], 2, out4);
	CHECK(out4[0] == 0 && out4[1] == 0 && out4[2] == 0 && out4[3] == 0,
	      "empty merge %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64,
	      out4[0], out4[1], out4[2], out4[3]);

	/* One CPU alone is its own value. */
	stats_merge(&lin, &cpus[2][0], 1, out);
	CHECK(memcmp(out, cpus[2], sizeof(out)) == 0, "one cpu");
}

static void test_aggregates(void)
{
	int64_t v[4] = { 4, -10, -7, 2 }, neg[4] = { 2, -7, -4, -3 };
	int64_t zero[4] = { 0, 0, 0, 0 }, r;
	int64_t big[4] = { 3, INT64_MIN + 2, INT64_MIN, -1 };

	CHECK(stats_aggregate(v, STATS_COUNT, &r) == 0 && r == 4, "count %" PRId64, r);
	CHECK(stats_aggregate(v, STATS_SUM, &r) == 0 && r == -10, "sum %" PRId64, r);
	CHECK(stats_aggregate(v, STATS_MIN, &r) == 0 && r == -7, "min %" PRId64, r);
	CHECK(stats_aggregate(v, STATS_MAX, &r) == 0 && r == 2, "max %" PRId64, r);
	/* C's division: -10 / 4 is -2, not -3. */
	CHECK(stats_aggregate(v, STATS_AVG, &r) == 0 && r == -2, "avg %" PRId64, r);
	CHECK(stats_aggregate(neg, STATS_AVG, &r) == 0 && r == -3, "avg -7/2 %" PRId64, r);
	CHECK(stats_aggregate(big, STATS_AVG, &r) == 0 &&
	      r == (INT64_MIN + 2) / 3, "avg big %" PRId64, r);

	/* Empty: @count and @sum are 0, the rest "empty aggregate". */
	CHECK(stats_aggregate(zero, STATS_COUNT, &r) == 0 && r == 0, "empty count");
	CHECK(stats_aggregate(zero, STATS_SUM, &r) == 0 && r == 0, "empty sum");
	CHECK(stats_aggregate(zero, STATS_MIN, &r) == -ENODATA, "empty min");
	CHECK(stats_aggregate(zero, STATS_MAX, &r) == -ENODATA, "empty max");
	CHECK(stats_aggregate(zero, STATS_AVG, &r) == -ENODATA, "empty avg");
	/* A missing array element is empty too. */
	CHECK(stats_aggregate(NULL, STATS_COUNT, &r) == 0 && r == 0, "missing count");
	CHECK(stats_aggregate(NULL, STATS_SUM, &r) == 0 && r == 0, "missing sum");
	CHECK(stats_aggregate(NULL, STATS_AVG, &r) == -ENODATA, "missing avg");
	CHECK(strcmp(STATS_EMPTY_MSG, "empty aggregate") == 0, "message");
}

static void test_buckets(void)
{
	struct stat_shape s = linear(0, 100, 10);
	static const struct { int64_t v; uint32_t b; } logs[] = {
		{ 0, 64 }, { 1, 65 }, { 2, 66 }, { 3, 66 }, { 4, 67 },
		{ 1023, 74 }, { 1024, 75 }, { -1, 63 }, { -2, 62 }, { -3, 62 },
		{ -4, 61 }, { INT64_MAX, 127 }, { INT64_MIN, 0 },
		{ INT64_MIN + 1, 1 }, { INT64_C(1) << 62, 127 },
	};
	static const struct { int64_t v; uint32_t b; } lins[] = {
		{ -1, 0 }, { INT64_MIN, 0 }, { 0, 1 }, { 9, 1 }, { 10, 2 },
		{ 99, 10 }, { 100, 11 }, { 109, 11 }, { 110, 12 },
		{ INT64_MAX, 12 },
	};
	struct stat_shape one = linear(-5, 5, 1), wrap = linear(0, 10, 1);
	size_t i;

	for (i = 0; i < sizeof(logs) / sizeof(logs[0]); i++)
		CHECK(stats_log_bucket(logs[i].v) == logs[i].b,
		      "log bucket of %" PRId64 ": %u want %u", logs[i].v,
		      stats_log_bucket(logs[i].v), logs[i].b);

	CHECK(s.buckets == 13, "buckets %u", s.buckets);
	for (i = 0; i < sizeof(lins) / sizeof(lins[0]); i++)
		CHECK(stats_linear_bucket(&s, lins[i].v) == lins[i].b,
		      "linear bucket of %" PRId64 ": %u want %u", lins[i].v,
		      stats_linear_bucket(&s, lins[i].v), lins[i].b);
	CHECK(stats_linear_bucket(&one, -6) == 0 && stats_linear_bucket(&one, -5) == 1 &&
	      stats_linear_bucket(&one, 5) == 11 && stats_linear_bucket(&one, 6) == 12,
	      "linear -5..5");
	/* v − lo wraps: INT64_MIN + 5 − (−5) is far below, and INT64_MAX − 0
	 * with a step of 1 lands in SystemTap's bucket 0. */
	CHECK(stats_linear_bucket(&one, INT64_MAX) == 0,
	      "INT64_MAX - (-5) wraps below lo");
	CHECK(stats_linear_bucket(&wrap, INT64_MAX) == 0, "INT64_MAX step 1");
	CHECK(stats_linear_bucket(&wrap, INT64_MAX - 1) == 12, "INT64_MAX-1 step 1");

	CHECK(stats_linear_buckets(0, 0, 1) == 3, "0,0,1");
	CHECK(stats_linear_buckets(0, 5, 10) == 3, "0,5,10");
	CHECK(stats_linear_buckets(0, 125, 1) == 128, "0,125,1");
	CHECK(stats_linear_buckets(0, 126, 1) == 0, "0,126,1: too many");
	CHECK(stats_linear_buckets(0, 100, 0) == 0, "step 0");
	CHECK(stats_linear_buckets(10, 0, 1) == 0, "hi below lo");
	CHECK(stats_linear_buckets(10, 0, 5) == 0, "10,0,5: (0 − 10) / 5 + 3 is 1");
	CHECK(stats_linear_buckets(100, 0, -10) == 13, "negative step");
}

static void test_bucket_index(void)
{
	int64_t vals[] = { 0, 5 }, cnts[] = { 3, 2 }, r;
	int64_t *v = value_of(&LOG, vals, cnts, 2);
	int64_t zero[4 + 128] = { 0 };

	CHECK(stats_hist_bucket(&LOG, v, 64, &r) == 0 && r == 3, "[64] %" PRId64, r);
	CHECK(stats_hist_bucket(&LOG, v, 67, &r) == 0 && r == 2, "[67] %" PRId64, r);
	CHECK(stats_hist_bucket(&LOG, v, 0, &r) == 0 && r == 0, "[0]");
	CHECK(stats_hist_bucket(&LOG, v, 127, &r) == 0 && r == 0, "[127]");
	CHECK(stats_hist_bucket(&LOG, v, 128, &r) == -ERANGE, "[128]");
	CHECK(stats_hist_bucket(&LOG, v, -1, &r) == -ERANGE, "[-1]");
	CHECK(stats_hist_bucket(&LOG, zero, 64, &r) == -ENODATA, "empty");
	CHECK(stats_hist_bucket(&LOG, NULL, 999, &r) == -ENODATA,
	      "missing: empty is reported before the range");
	free(v);
}

static void test_hist_log(void)
{
	HIST(&LOG, ONES(1), ONES(1),
	     "value |-------------------------------------------------- count\n"
	     "    0 |                                                   0\n"
	     "    1 |@                                                  1\n"
	     "    2 |                                                   0\n"
	     "    4 |                                                   0\n"
	     "\n");

	/* Far apart: a "~" for the empty rows between, two kept each side. */
	HIST(&LOG, ONES(1, 2, 1000), ONES(1, 2, 1),
	     "value |-------------------------------------------------- count\n"
	     "    0 |                                                   0\n"
	     "    1 |@                                                  1\n"
	     "    2 |@@                                                 2\n"
	     "    4 |                                                   0\n"
	     "    8 |                                                   0\n"
	     "      ~\n"
	     "  128 |                                                   0\n"
	     "  256 |                                                   0\n"
	     "  512 |@                                                  1\n"
	     " 1024 |                                                   0\n"
	     " 2048 |                                                   0\n"
	     "\n");

	/* All in one bucket, more than the width: scaled to 50. */
	HIST(&LOG, ONES(700), ONES(1000),
	     "value |-------------------------------------------------- count\n"
	     "  128 |                                                      0\n"
	     "  256 |                                                      0\n"
	     "  512 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 1000\n"
	     " 1024 |                                                      0\n"
	     " 2048 |                                                      0\n"
	     "\n");

	/* Scale rounds up: 101 / 3 is 33 '@'. */
	HIST(&LOG, ONES(4, 5), ONES(100, 1),
	     "value |-------------------------------------------------- count\n"
	     "    1 |                                                     0\n"
	     "    2 |                                                     0\n"
	     "    4 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                  101\n"
	     "    8 |                                                     0\n"
	     "   16 |                                                     0\n"
	     "\n");

	/* Negative values and 0: rows below 0 appear, labelled with the
	 * value of least magnitude. */
	HIST(&LOG, ONES(-5, -1, 0, 3), ONES(1, 1, 2, 1),
	     "value |-------------------------------------------------- count\n"
	     "  -16 |                                                   0\n"
	     "   -8 |                                                   0\n"
	     "   -4 |@                                                  1\n"
	     "   -2 |                                                   0\n"
	     "   -1 |@                                                  1\n"
	     "    0 |@@                                                 2\n"
	     "    1 |                                                   0\n"
	     "    2 |@                                                  1\n"
	     "    4 |                                                   0\n"
	     "    8 |                                                   0\n"
	     "\n");

	/* Only 0: nothing below it. */
	HIST(&LOG, ONES(0), ONES(1),
	     "value |-------------------------------------------------- count\n"
	     "    0 |@                                                  1\n"
	     "    1 |                                                   0\n"
	     "    2 |                                                   0\n"
	     "\n");

	/* The extremes: the first and last buckets, the widest values. */
	HIST(&LOG, ONES(INT64_MIN, INT64_MAX), ONES(1, 1),
	     "               value |-------------------------------------------------- count\n"
	     "-9223372036854775808 |@                                                  1\n"
	     "-4611686018427387904 |                                                   0\n"
	     "-2305843009213693952 |                                                   0\n"
	     "                     ~\n"
	     " 1152921504606846976 |                                                   0\n"
	     " 2305843009213693952 |                                                   0\n"
	     " 4611686018427387904 |@                                                  1\n"
	     "\n");
	HIST(&LOG, ONES(INT64_MIN + 1), ONES(1),
	     "               value |-------------------------------------------------- count\n"
	     "-9223372036854775808 |                                                   0\n"
	     "-4611686018427387904 |@                                                  1\n"
	     "-2305843009213693952 |                                                   0\n"
	     "-1152921504606846976 |                                                   0\n"
	     "\n");

	/* Very large counts: the count column widens, the small row gets
	 * no bar. */
	HIST(&LOG, ONES(1, 1000), ONES(INT64_C(107374182350), 3),
	     "value |-------------------------------------------------- count\n"
	     "    0 |                                                              0\n"
	     "    1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 107374182350\n"
	     "    2 |                                                              0\n"
	     "    4 |                                                              0\n"
	     "      ~\n"
	     "  128 |                                                              0\n"
	     "  256 |                                                              0\n"
	     "  512 |                                                              3\n"
	     " 1024 |                                                              0\n"
	     " 2048 |                                                              0\n"
	     "\n");
}

static void test_hist_linear(void)
{
	struct stat_shape s = linear(0, 100, 10);
	struct stat_shape neg = linear(-1000, -900, 5), tiny = linear(0, 0, 1);
	struct stat_shape wide = linear(0, 10000, 100);
	struct stat_shape wider = linear(0, 120000, 1000);

	/* Under- and overflow rows, shown because they count something; the
	 * overflow row is labelled with where the last step starts. */
	HIST(&s, ONES(5, 15, 95, -3, 200), ONES(1, 1, 1, 1, 1),
	     "value |-------------------------------------------------- count\n"
	     "   <0 |@                                                  1\n"
	     "    0 |@                                                  1\n"
	     "   10 |@                                                  1\n"
	     "   20 |                                                   0\n"
	     "   30 |                                                   0\n"
	     "      ~\n"
	     "   70 |                                                   0\n"
	     "   80 |                                                   0\n"
	     "   90 |@                                                  1\n"
	     "  100 |                                                   0\n"
	     " >100 |@                                                  1\n"
	     "\n");

	/* In the middle: two empty rows each side. */
	HIST(&s, ONES(25), ONES(1),
	     "value |-------------------------------------------------- count\n"
	     "    0 |                                                   0\n"
	     "   10 |                                                   0\n"
	     "   20 |@                                                  1\n"
	     "   30 |                                                   0\n"
	     "   40 |                                                   0\n"
	     "\n");

	/* Near the bottom: an empty underflow row is left out. */
	HIST(&s, ONES(5), ONES(1),
	     "value |-------------------------------------------------- count\n"
	     "    0 |@                                                  1\n"
	     "   10 |                                                   0\n"
	     "   20 |                                                   0\n"
	     "\n");
	HIST(&s, ONES(15), ONES(1),
	     "value |-------------------------------------------------- count\n"
	     "    0 |                                                   0\n"
	     "   10 |@                                                  1\n"
	     "   20 |                                                   0\n"
	     "   30 |                                                   0\n"
	     "\n");

	/* Only underflow, only overflow. */
	HIST(&s, ONES(-50), ONES(1),
	     "value |-------------------------------------------------- count\n"
	     "   <0 |@                                                  1\n"
	     "    0 |                                                   0\n"
	     "   10 |                                                   0\n"
	     "\n");
	HIST(&s, ONES(1000), ONES(1),
	     "value |-------------------------------------------------- count\n"
	     "   90 |                                                   0\n"
	     "  100 |                                                   0\n"
	     " >100 |@                                                  1\n"
	     "\n");

	/* Four empty rows between data are all kept; five lose one. */
	HIST(&s, ONES(0, 50), ONES(1, 1),
	     "value |-------------------------------------------------- count\n"
	     "    0 |@                                                  1\n"
	     "   10 |                                                   0\n"
	     "   20 |                                                   0\n"
	     "   30 |                                                   0\n"
	     "   40 |                                                   0\n"
	     "   50 |@                                                  1\n"
	     "   60 |                                                   0\n"
	     "   70 |                                                   0\n"
	     "\n");
	HIST(&s, ONES(0, 60), ONES(1, 1),
	     "value |-------------------------------------------------- count\n"
	     "    0 |@                                                  1\n"
	     "   10 |                                                   0\n"
	     "   20 |                                                   0\n"
	     "      ~\n"
	     "   40 |                                                   0\n"
	     "   50 |                                                   0\n"
	     "   60 |@                                                  1\n"
	     "   70 |                                                   0\n"
	     "   80 |                                                   0\n"
	     "\n");

	/* Negative bounds: the value column fits "-1000". */
	HIST(&neg, ONES(-1000, -995), ONES(1, 1),
	     "value |-------------------------------------------------- count\n"
	     "-1000 |@                                                  1\n"
	     " -995 |@                                                  1\n"
	     " -990 |                                                   0\n"
	     " -985 |                                                   0\n"
	     "\n");

	/* The '<' and '>' widen the value column when they are drawn. */
	HIST(&neg, ONES(-2000, -1000), ONES(1, 1),
	     " value |-------------------------------------------------- count\n"
	     "<-1000 |@                                                  1\n"
	     " -1000 |@                                                  1\n"
	     "  -995 |                                                   0\n"
	     "  -990 |                                                   0\n"
	     "\n");
	HIST(&wide, ONES(20000), ONES(1),
	     " value |-------------------------------------------------- count\n"
	     "  9900 |                                                   0\n"
	     " 10000 |                                                   0\n"
	     ">10000 |@                                                  1\n"
	     "\n");
	/* Measured one step past the last row: "10100" needs five. */
	HIST(&wide, ONES(9999), ONES(1),
	     "value |-------------------------------------------------- count\n"
	     " 9700 |                                                   0\n"
	     " 9800 |                                                   0\n"
	     " 9900 |@                                                  1\n"
	     "10000 |                                                   0\n"
	     "\n");

	/* ... and so is this one: 100000 is one digit wider than any row. */
	HIST(&wider, ONES(97000), ONES(1),
	     " value |-------------------------------------------------- count\n"
	     " 95000 |                                                   0\n"
	     " 96000 |                                                   0\n"
	     " 97000 |@                                                  1\n"
	     " 98000 |                                                   0\n"
	     " 99000 |                                                   0\n"
	     "\n");

	/* Three buckets: under, [0, 1), and everything from 1 on. */
	HIST(&tiny, ONES(0, 1, -1), ONES(2, 1, 1),
	     "value |-------------------------------------------------- count\n"
	     "   <0 |@                                                  1\n"
	     "    0 |@@                                                 2\n"
	     "   >0 |@                                                  1\n"
	     "\n");
	HIST(&tiny, ONES(3), ONES(1),
	     "value |-------------------------------------------------- count\n"
	     "    0 |                                                   0\n"
	     "   >0 |@                                                  1\n"
	     "\n");
}

static void test_hist_errors(void)
{
	struct strbuf sb = STRBUF_INIT;
	int64_t zero[4 + 128] = { 0 };
	int64_t plain[4] = { 1, 5, 5, 5 };
	/* A count without buckets: not something to draw. */
	int64_t nobuckets[4 + 128] = { 2, 3, 1, 2 };
	int64_t vals[] = { 1 }, cnts[] = { 1 };
	int64_t *v = value_of(&LOG, vals, cnts, 1);

	strbuf_puts(&sb, "kept");
	CHECK(stats_print_hist(&sb, &LOG, zero) == -ENODATA, "empty");
	CHECK(stats_print_hist(&sb, &LOG, NULL) == -ENODATA, "missing");
	CHECK(stats_print_hist(&sb, &LOG, nobuckets) == -ENODATA, "no buckets");
	CHECK(stats_print_hist(&sb, &NONE, plain) == -EINVAL, "no histogram");
	CHECK(sb.len == 4 && strcmp(sb.buf, "kept") == 0, "buffer untouched: %s",
	      sb.buf);

	/* It appends. */
	CHECK(stats_print_hist(&sb, &LOG, v) == 0 &&
	      strncmp(sb.buf, "keptvalue |", 11) == 0, "appends: %.20s", sb.buf);
	strbuf_free(&sb);
	free(v);
}

/* Per-CPU values merged and drawn, as the runtime does it. */
static void test_merge_then_draw(void)
{
	struct stat_shape s = linear(0, 30, 10);   /* 6 buckets */
	int64_t cpus[2][10] = {
		{ 2, 12, 1, 11, 0, 1, 1, 0, 0, 0 },
		{ 1, 35, 35, 35, 0, 0, 0, 0, 1, 0 },
	};
	int64_t merged[10], r;
	struct strbuf sb = STRBUF_INIT;
	const char *want =
		"value |-------------------------------------------------- count\n"
		"    0 |@                                                  1\n"
		"   10 |@                                                  1\n"
		"   20 |                                                   0\n"
		"   30 |@                                                  1\n"
		"\n";

	CHECK(s.buckets == 6, "buckets %u", s.buckets);
	stats_merge(&s, &cpus[0][0], 2, merged);
	CHECK(stats_aggregate(merged, STATS_AVG, &r) == 0 && r == 15, "avg %" PRId64, r);
	CHECK(stats_aggregate(merged, STATS_MIN, &r) == 0 && r == 1, "min %" PRId64, r);
	CHECK(stats_aggregate(merged, STATS_MAX, &r) == 0 && r == 35, "max %" PRId64, r);
	CHECK(stats_print_hist(&sb, &s, merged) == 0 && strcmp(sb.buf, want) == 0,
	      "merged histogram:\n%s", sb.buf);
	strbuf_free(&sb);
}

static void global_is(int line, const char *name, const struct fmt_arg *keys,
		      size_t nkeys, const int64_t *v, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	int err = stats_print_global(&sb, name, keys, nkeys, v);

	checks++;
	if (err || sb.len != strlen(want) || (sb.len && memcmp(sb.buf, want, sb.len))) {
		failures++;
		printf("%s:%d: global line (err %d): got \"%s\" want \"%s\"\n",
		       __FILE__, line, err, sb.buf ? sb.buf : "", want);
	}
	strbuf_free(&sb);
}

static void test_global(void)
{
	int64_t v[4] = { 3, 9, 1, 5 }, neg[4] = { 2, -7, -5, -2 };
	int64_t zero[4] = { 0, 0, 0, 0 };
	struct fmt_arg keys[3] = {
		fmt_long(1), fmt_str("k", 1), fmt_long(-2),
	};
	struct fmt_arg nul_key = fmt_str("ab\0cd", 5);
	struct fmt_arg long_key;
	struct strbuf sb = STRBUF_INIT;
	char *big;

	global_is(__LINE__, "x", NULL, 0, v,
		  "x @count=3 @min=1 @max=5 @sum=9 @avg=3\n");
	global_is(__LINE__, "x", NULL, 0, neg,
		  "x @count=2 @min=-5 @max=-2 @sum=-7 @avg=-3\n");
	/* An empty scalar is tested for and printed as words. */
	global_is(__LINE__, "x", NULL, 0, zero, "x @count=0x0\n");
	global_is(__LINE__, "x", NULL, 0, NULL, "x @count=0x0\n");
	global_is(__LINE__, "a", keys, 3, v,
		  "a[1,\"k\",-2] @count=3 @min=1 @max=5 @sum=9 @avg=3\n");
	global_is(__LINE__, "a", keys + 1, 1, v,
		  "a[\"k\"] @count=3 @min=1 @max=5 @sum=9 @avg=3\n");
	/* An element never added to does not exist in SystemTap. */
	global_is(__LINE__, "a", keys, 3, zero, "");
	global_is(__LINE__, "a", keys, 3, NULL, "");
	/* A NUL ends a string key. */
	global_is(__LINE__, "s", &nul_key, 1, v,
		  "s[\"ab\"] @count=3 @min=1 @max=5 @sum=9 @avg=3\n");

	/* One printf prints at most FMT_PRINT_MAX bytes. */
	big = malloc(FMT_PRINT_MAX);
	memset(big, 'z', FMT_PRINT_MAX);
	long_key = fmt_str(big, FMT_PRINT_MAX);
	strbuf_puts(&sb, "before\n");
	CHECK(stats_print_global(&sb, "a", &long_key, 1, v) == 0 &&
	      sb.len == 7 + FMT_PRINT_MAX && memcmp(sb.buf + 7, "a[\"zzz", 6) == 0 &&
	      sb.buf[sb.len - 1] == 'z', "long line: %zu bytes", sb.len);
	strbuf_free(&sb);
	free(big);
}

int main(void)
{
	test_merge();
	test_aggregates();
	test_buckets();
	test_bucket_index();
	test_hist_log();
	test_hist_linear();
	test_hist_errors();
	test_merge_then_draw();
	test_global();

	return checks_done("test_stats");
}
