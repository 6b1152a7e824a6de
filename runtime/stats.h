/* SPDX-License-Identifier: GPL-2.0-or-later */
/* stats.h — statistics as the runtime reads them: merging the per-CPU
 * values, the aggregates @count @sum @min @max @avg, histogram buckets and
 * the text of print(@hist_log(x)) and print(@hist_linear(x, lo, hi, step)),
 * and the line that reports a statistic written but never read.
 *
 * A value is the layout of program.h: STAT_HDR_WORDS int64_t (count, sum,
 * min, max) and then shape->buckets histogram counts.  Every function
 * reproduces SystemTap's runtime (runtime/stat.c, runtime/stat-common.c)
 * and the code its translator emits around it (translate.cxx,
 * elaborate.cxx add_global_var_display); stats.c says where each rule
 * comes from.
 *
 * A statistic nothing was added to is "empty": its merged count is 0, or,
 * for an element of an array of statistics, the element does not exist
 * (pass NULL for the value).  Reading @min, @max or @avg of one, printing
 * its histogram or indexing it is a runtime error in SystemTap, with the
 * message STATS_EMPTY_MSG; those functions return -ENODATA and leave the
 * error to the caller.  @count and @sum of one are 0.
 *
 * Functions return 0 or a negative errno.  Those that append to a strbuf
 * leave it as it was when they fail. */
#ifndef USCRIPT_STATS_H
#define USCRIPT_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "format.h"
#include "program.h"
#include "strbuf.h"

/* SystemTap's runtime error messages for reading statistics. */
#define STATS_EMPTY_MSG "empty aggregate"
#define STATS_INDEX_MSG "histogram index out of range"

/* A histogram's bar for its largest count is this many '@'. */
#define STATS_HIST_WIDTH 50

/* The most buckets a linear histogram may have, under- and overflow
 * included (SystemTap's STP_MAX_BUCKETS). */
#define STATS_MAX_LINEAR_BUCKETS 128

enum stats_op { STATS_COUNT, STATS_SUM, STATS_MIN, STATS_MAX, STATS_AVG };

/* int64_t words in one CPU's value of a statistic of this shape. */
size_t stats_value_words(const struct stat_shape *shape);

/* Merges `ncpus` per-CPU values, one after another as a lookup in a
 * per-CPU map returns them, into `out` (stats_value_words words): counts,
 * sums and buckets add, min and max are taken over the CPUs whose count is
 * not 0.  A merged count of 0 leaves everything else 0.  `out` may not
 * overlap `percpu`. */
void stats_merge(const struct stat_shape *shape, const int64_t *percpu,
		 int ncpus, int64_t *out);

/* The value of @count, @sum, @min, @max or @avg of a merged value, or of
 * an element that does not exist (`merged` NULL).  @avg is the sum divided
 * by the count, rounded toward zero.  -ENODATA: the statistic is empty and
 * the operator is @min, @max or @avg. */
int stats_aggregate(const int64_t *merged, enum stats_op op, int64_t *result);

/* The bucket a value goes into, as SystemTap's __stp_stat_add puts it
 * there; what the code generator must compute when it adds to a histogram.
 * A log histogram: HIST_LOG_BUCKET0 for 0, HIST_LOG_BUCKET0 + n for a
 * value in [2^(n-1), 2^n), HIST_LOG_BUCKET0 - n for its negation, 0 for
 * INT64_MIN.  A linear one: 0 below lo, 1 + (v − lo) / step, and the
 * last bucket (buckets − 1) for v from lo + (buckets − 2) × step on: with
 * 0, 100, 10 the bucket of 100 is [100, 110) and the last one from 110. */
uint32_t stats_log_bucket(int64_t v);
uint32_t stats_linear_bucket(const struct stat_shape *shape, int64_t v);

/* The number of buckets of @hist_linear(x, lo, hi, step): (hi − lo) / step
 * + 3, computed in 32 bits as SystemTap does.  0 if step is 0 or the
 * number is not between 3 and STATS_MAX_LINEAR_BUCKETS, where SystemTap
 * refuses to start (see stats.c). */
uint32_t stats_linear_buckets(int64_t lo, int64_t hi, int64_t step);

/* @hist_log(x)[index] and @hist_linear(...)[index]: the count of bucket
 * `index`, numbered as the buckets are stored (for a log histogram, the
 * bucket of 0 is HIST_LOG_BUCKET0).  -ENODATA: empty (STATS_EMPTY_MSG);
 * -ERANGE: no such bucket (STATS_INDEX_MSG). */
int stats_hist_bucket(const struct stat_shape *shape, const int64_t *merged,
		      int64_t index, int64_t *result);

/* Appends what print(@hist_log(x)) or print(@hist_linear(x, …)) prints:
 * the header, one row per bucket from two below the data to two above it
 * with runs of empty rows elided as "~", and a blank line.  println prints
 * the same; sprint returns the first MAXSTRINGLEN − 1 bytes of it.
 * -EINVAL: the shape has no histogram; -ENODATA: empty (STATS_EMPTY_MSG);
 * -ENOMEM. */
int stats_print_hist(struct strbuf *out, const struct stat_shape *shape,
		     const int64_t *merged);

/* Appends the line printed at the end for a statistic that is written but
 * never read: `x @count=3 @min=1 @max=5 @sum=9 @avg=3`, for an element of
 * an array `x[1,"k"] @count=…` with `keys` its `nkeys` key values, longs
 * printed as %d and strings as they are (a NUL in one ends it).  An empty
 * scalar statistic prints `x @count=0x0`; an empty element prints nothing,
 * as SystemTap has no such element.  At most FMT_PRINT_MAX bytes, as any
 * printf.  The caller visits the elements of an array in SystemTap's order:
 * by @count, largest first. */
int stats_print_global(struct strbuf *out, const char *name,
		       const struct fmt_arg *keys, size_t nkeys,
		       const int64_t *merged);

#endif
