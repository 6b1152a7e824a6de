/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_json.c — unit tests of the JSON text of -f json (runtime/json.c):
 * string escapes and UTF-8, statistics, histogram buckets at the edges of
 * both kinds, and arrays as nested objects in the order given.
 *
 * Prints one line per failing check and a summary; exits 0 if every check
 * passed, 1 otherwise. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "stats.h"

#include "check.h"

/* Compares what `write` appended with `want`; `line` names the caller. */
static void is(int line, struct strbuf *sb, int rc, const char *want)
{
	checks++;
	if (rc != 0 || sb->len != strlen(want) || memcmp(sb->buf, want, sb->len) != 0) {
		failures++;
		printf("%s:%d: (rc %d) got %s\n    want %s\n", __FILE__, line, rc,
		       show_bytes(sb->buf ? sb->buf : "", sb->len), show(want));
	}
	strbuf_reset(sb);
}

#define STR(sb, lit, want) is(__LINE__, sb, json_string(sb, lit, sizeof(lit) - 1), want)

static void test_strings(void)
{
	struct strbuf sb = STRBUF_INIT;

	STR(&sb, "", "\"\"");
	STR(&sb, "plain text", "\"plain text\"");
	STR(&sb, "q\"b\\s/", "\"q\\\"b\\\\s/\"");
	STR(&sb, "\n\t\r\b\f", "\"\\n\\t\\r\\b\\f\"");
	/* Other control characters, NUL and DEL as \u escapes. */
	STR(&sb, "\001a\000b\037\177", "\"\\u0001a\\u0000b\\u001f\\u007f\"");
	/* Valid UTF-8 passes: 2, 3 and 4 bytes, the largest code point. */
	STR(&sb, "\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf",
	    "\"\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf\"");
	/* Each byte that does not start a valid sequence is U+FFFD: a lone
	 * continuation byte, 0xff, a sequence cut short (at the end too). */
	STR(&sb, "a\x80z\xffz\xc3z\xe2\x82", "\"a\\ufffdz\\ufffdz\\ufffdz\\ufffd\\ufffd\"");
	/* Overlong forms, a surrogate, past U+10FFFF. */
	STR(&sb, "\xc0\xaf", "\"\\ufffd\\ufffd\"");
	STR(&sb, "\xe0\x80\xaf", "\"\\ufffd\\ufffd\\ufffd\"");
	STR(&sb, "\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");
	STR(&sb, "\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
	STR(&sb, "\xf0\x8f\xbf\xbf", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");

	/* Appends: what was there stays. */
	strbuf_puts(&sb, "x=");
	is(__LINE__, &sb, json_string(&sb, "y", 1), "x=\"y\"");

	struct fmt_arg n = fmt_long(INT64_MIN), s = fmt_str("k\"", 2);
	is(__LINE__, &sb, json_value(&sb, &n), "-9223372036854775808");
	is(__LINE__, &sb, json_value(&sb, &s), "\"k\\\"\"");
	strbuf_free(&sb);
}

static void test_stat(void)
{
	struct strbuf sb = STRBUF_INIT;
	int64_t v[4] = { 3, -10, -7, 2 }, empty[4] = { 0, 0, 0, 0 };

	/* @avg rounds toward zero, as SystemTap's. */
	is(__LINE__, &sb, json_stat(&sb, v),
	   "{\"count\": 3, \"sum\": -10, \"min\": -7, \"max\": 2, \"avg\": -3}");
	is(__LINE__, &sb, json_stat(&sb, empty),
	   "{\"count\": 0, \"sum\": 0, \"min\": null, \"max\": null, \"avg\": null}");
	is(__LINE__, &sb, json_stat(&sb, NULL),
	   "{\"count\": 0, \"sum\": 0, \"min\": null, \"max\": null, \"avg\": null}");
	strbuf_free(&sb);
}

/* A merged value of `shape` with `count` in bucket `b` of each pair. */
static int64_t *buckets(const struct stat_shape *shape, const int *pairs, int n)
{
	int64_t *v = calloc(stats_value_words(shape), sizeof(*v));
	for (int i = 0; i < n; i += 2) {
		v[STAT_HDR_WORDS + pairs[i]] += pairs[i + 1];
		v[STATW_COUNT] += pairs[i + 1];
	}
	return v;
}

static void test_hist(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat_shape log = { .hist = HIST_LOG, .buckets = HIST_LOG_BUCKETS };
	struct stat_shape lin = { .hist = HIST_LINEAR, .lo = 0, .hi = 50, .step = 10 };
	lin.buckets = stats_linear_buckets(0, 50, 10);

	/* Each bucket holds the values stats_log_bucket puts there. */
	int64_t vals[] = { 0, 1, 2, 3, 4, 7, -1, -2, -3, INT64_MAX, INT64_MIN, INT64_MIN + 1 };
	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		int pair[2] = { (int)stats_log_bucket(vals[i]), 1 };
		int64_t *v = buckets(&log, pair, 2);
		json_hist_buckets(&sb, &log, v);
		long long lo, hi, c;
		int got = sscanf(sb.buf, "[{\"min\": %lld, \"max\": %lld, \"count\": %lld}]",
				 &lo, &hi, &c);
		CHECK(got == 3 && lo <= vals[i] && vals[i] <= hi && c == 1,
		      "%" PRId64 " not in %s", vals[i], sb.buf);
		strbuf_reset(&sb);
		free(v);
	}
	int lp[] = { HIST_LOG_BUCKET0, 2, HIST_LOG_BUCKET0 + 3, 5, HIST_LOG_BUCKET0 - 1, 1, 0, 1,
		     HIST_LOG_BUCKETS - 1, 1 };
	int64_t *v = buckets(&log, lp, 10);
	is(__LINE__, &sb, json_hist_buckets(&sb, &log, v),
	   "[{\"min\": -9223372036854775808, \"max\": -9223372036854775808, \"count\": 1}, "
	   "{\"min\": -1, \"max\": -1, \"count\": 1}, "
	   "{\"min\": 0, \"max\": 0, \"count\": 2}, "
	   "{\"min\": 4, \"max\": 7, \"count\": 5}, "
	   "{\"min\": 4611686018427387904, \"max\": 9223372036854775807, \"count\": 1}]");
	free(v);

	/* 0, 50, 10: underflow, [0, 10) ... [50, 60), overflow from 60. */
	int np[] = { 0, 1, 1, 2, 6, 3, 7, 4 };
	v = buckets(&lin, np, 8);
	is(__LINE__, &sb, json_hist_buckets(&sb, &lin, v),
	   "[{\"max\": -1, \"count\": 1}, {\"min\": 0, \"max\": 9, \"count\": 2}, "
	   "{\"min\": 50, \"max\": 59, \"count\": 3}, {\"min\": 60, \"count\": 4}]");
	for (int64_t x = -3; x < 80; x++)
		CHECK((x < 0 && stats_linear_bucket(&lin, x) == 0) ||
		      (x >= 60 && stats_linear_bucket(&lin, x) == 7) ||
		      (x >= 0 && x < 60 && stats_linear_bucket(&lin, x) == (uint32_t)(x / 10 + 1)),
		      "%" PRId64 " in bucket %u", x, stats_linear_bucket(&lin, x));
	free(v);
	is(__LINE__, &sb, json_hist_buckets(&sb, &lin, NULL), "[]");
	strbuf_free(&sb);
}

static void test_nested(void)
{
	struct strbuf sb = STRBUF_INIT;
	/* Elements in display order: (1,"w")=7, (2,"y")=3, (1,"x")=2,
	 * (-4,"")=1, (1,"\"")=0. */
	struct fmt_arg k[][2] = {
		{ fmt_long(1), fmt_str("w", 1) }, { fmt_long(2), fmt_str("y", 1) },
		{ fmt_long(1), fmt_str("x", 1) }, { fmt_long(-4), fmt_str("", 0) },
		{ fmt_long(1), fmt_str("\"", 1) },
	};
	const char *values = "73210";
	struct json_member m[5];
	for (size_t i = 0; i < 5; i++)
		m[i] = (struct json_member){ k[i], i, 1 };
	is(__LINE__, &sb, json_nested(&sb, m, 5, 2, values),
	   "{\"1\": {\"w\": 7, \"x\": 2, \"\\\"\": 0}, \"2\": {\"y\": 3}, \"-4\": {\"\": 1}}");
	/* One key: the members in the order given. */
	struct fmt_arg one[] = { fmt_str("b", 1), fmt_str("a", 1), fmt_str("c", 1) };
	struct json_member m1[3];
	for (size_t i = 0; i < 3; i++)
		m1[i] = (struct json_member){ &one[i], 2 * i, 2 };
	is(__LINE__, &sb, json_nested(&sb, m1, 3, 1, "103050"),
	   "{\"b\": 10, \"a\": 30, \"c\": 50}");
	is(__LINE__, &sb, json_nested(&sb, m1, 0, 1, ""), "{}");
	strbuf_free(&sb);
}

int main(void)
{
	test_strings();
	test_stat();
	test_hist();
	test_nested();
	return checks_done("test_json");
}
