/* SPDX-License-Identifier: GPL-2.0-or-later */
/* json.h — the JSON text of `-f json` (RFC 8259): strings, the statistic
 * and histogram objects, and arrays as nested objects.  output.c wraps
 * these into records, one a line; the schema is the man page's section
 * JSON OUTPUT.
 *
 * Members are written as `"name": value` and separated by ", ", as
 * bpftrace writes its own JSON records.  Every function appends to a
 * strbuf and returns 0 or -ENOMEM; after -ENOMEM the buffer holds what it
 * held before the call. */
#ifndef USCRIPT_JSON_H
#define USCRIPT_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "format.h"
#include "program.h"
#include "strbuf.h"

/* `len` bytes as a JSON string, quotes included.  '"', '\\' and the
 * control characters (below 0x20, and 0x7f) are escaped, \n \t \r \b \f
 * by their letters; valid UTF-8 passes as it is; a byte that does not
 * begin a valid UTF-8 sequence (overlong forms, surrogates and code points
 * past U+10FFFF are not valid) becomes U+FFFD, written \ufffd. */
int json_string(struct strbuf *sb, const char *s, size_t len);

/* A key or a value: a long as a number, a string as json_string. */
int json_value(struct strbuf *sb, const struct fmt_arg *v);

/* A statistic's aggregates, from its merged value (stats.h):
 * {"count": N, "sum": N, "min": N, "max": N, "avg": N}; min, max and avg
 * are null when the count is 0 (NULL: an element that does not exist). */
int json_stat(struct strbuf *sb, const int64_t *merged);

/* A histogram's buckets that count something, lowest first:
 * [{"min": A, "max": B, "count": N}, ...], A and B the least and the
 * greatest value the bucket holds.  A linear histogram's underflow bucket
 * has no "min", its overflow bucket no "max". */
int json_hist_buckets(struct strbuf *sb, const struct stat_shape *shape,
		      const int64_t *merged);

/* One element of an array, for json_nested: its `nkeys` keys and the JSON
 * text of its value, at [value, value + value_len) of the text given to
 * json_nested. */
struct json_member {
	const struct fmt_arg *keys;
	size_t value, value_len;
};

/* The elements as an object keyed by their first key, each member an
 * object keyed by the second key, and so on; the innermost members hold
 * the values.  A long key is written in decimal, a string key as it is.
 * Members appear in the order their first element has in `m`.  Keys are
 * distinct; nkeys is 1 or more. */
int json_nested(struct strbuf *sb, const struct json_member *m, size_t n, int nkeys,
		const char *values);

#endif
