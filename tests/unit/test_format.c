/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_format.c — unit tests of the printf formatter (runtime/format.c) and
 * of the byte buffer under it (runtime/strbuf.c).
 *
 * Expected outputs are SystemTap's, worked out from its translator and
 * runtime source; where SystemTap and C's printf agree, the outputs are
 * also compared with glibc's.  Prints one line per failing check and a
 * summary; exits 0 if every check passed, 1 otherwise. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "strbuf.h"

#include "check.h"

#define L(v) fmt_long(v)
#define S(s) fmt_str((s), strlen(s))
#define ARGS(...) ((struct fmt_arg[]){ __VA_ARGS__ })
#define NARGS(...) (sizeof(ARGS(__VA_ARGS__)) / sizeof(struct fmt_arg))

enum mode { PRINTF, SPRINTF };

/* Formats `fmt` with the arguments, and compares with want[0, wlen). */
static void check_out(int line, enum mode mode, size_t maxstringlen,
		      const char *fmt, size_t flen, const char *want,
		      size_t wlen, const struct fmt_arg *args, size_t nargs)
{
	struct fmt f;
	struct fmt_error err;
	struct strbuf sb = STRBUF_INIT;
	int r;

	checks++;
	r = fmt_parse(fmt, flen, &f, &err);
	if (r) {
		fail(__FILE__, line, "%s: parse failed: %s", show_bytes(fmt, flen), err.msg);
		return;
	}
	/* Output appends: start from something to see that it is kept. */
	strbuf_puts(&sb, "<");
	if (mode == PRINTF)
		r = fmt_printf(&f, args, nargs, &sb);
	else
		r = fmt_sprintf(&f, args, nargs, maxstringlen, &sb);
	if (r)
		fail(__FILE__, line, "%s: format failed: %d", show_bytes(fmt, flen), r);
	else if (sb.len != wlen + 1 || sb.buf[0] != '<' ||
		 memcmp(sb.buf + 1, want, wlen) != 0 || sb.buf[sb.len] != '\0')
		fail(__FILE__, line, "%s: got %s (%zu bytes), want %s (%zu bytes)",
		     show_bytes(fmt, flen), show_bytes(sb.buf + 1, sb.len - 1), sb.len - 1,
		     show_bytes(want, wlen), wlen);
	strbuf_free(&sb);
	fmt_free(&f);
}

/* printf(fmt, ...) prints want (a string literal; may hold NULs). */
#define P(fmt, want, ...) \
	check_out(__LINE__, PRINTF, 0, fmt, strlen(fmt), want, \
		  sizeof(want) - 1, ARGS(__VA_ARGS__), NARGS(__VA_ARGS__))
#define P0(fmt, want) \
	check_out(__LINE__, PRINTF, 0, fmt, strlen(fmt), want, \
		  sizeof(want) - 1, NULL, 0)
/* sprintf with MAXSTRINGLEN n returns want. */
#define SP(n, fmt, want, ...) \
	check_out(__LINE__, SPRINTF, n, fmt, strlen(fmt), want, \
		  sizeof(want) - 1, ARGS(__VA_ARGS__), NARGS(__VA_ARGS__))

/* ---- outputs SystemTap and glibc agree on ---- */

static void test_against_glibc(void)
{
	/* Our format, glibc's, and whether they differ for 0 (the '#' forms,
	 * where SystemTap prints a prefix for 0 and glibc does not). */
	static const struct { const char *ours, *libc; int skip_zero; } nums[] = {
		{ "%d", "%" PRId64, 0 }, { "%i", "%" PRIi64, 0 },
		{ "%5d", "%5" PRId64, 0 }, { "%-5d", "%-5" PRId64, 0 },
		{ "%05d", "%05" PRId64, 0 }, { "%+d", "%+" PRId64, 0 },
		{ "% d", "% " PRId64, 0 }, { "%+8d", "%+8" PRId64, 0 },
		{ "% 8d", "% 8" PRId64, 0 }, { "%.3d", "%.3" PRId64, 0 },
		{ "%8.3d", "%8.3" PRId64, 0 }, { "%-8.3d", "%-8.3" PRId64, 0 },
		{ "%.25d", "%.25" PRId64, 0 }, { "%30d", "%30" PRId64, 0 },
		{ "%u", "%" PRIu64, 0 }, { "%22u", "%22" PRIu64, 0 },
		{ "%-22u", "%-22" PRIu64, 0 }, { "%022u", "%022" PRIu64, 0 },
		{ "%x", "%" PRIx64, 0 }, { "%X", "%" PRIX64, 0 },
		{ "%o", "%" PRIo64, 0 }, { "%20x", "%20" PRIx64, 0 },
		{ "%-20X", "%-20" PRIX64, 0 }, { "%020o", "%020" PRIo64, 0 },
		{ "%.10x", "%.10" PRIx64, 0 }, { "%12.10x", "%12.10" PRIx64, 0 },
		{ "%ld", "%" PRId64, 0 }, { "%lx", "%" PRIx64, 0 },
		{ "%lu", "%" PRIu64, 0 }, { "%lo", "%" PRIo64, 0 },
		{ "%#x", "%#" PRIx64, 1 }, { "%#X", "%#" PRIX64, 1 },
		{ "%#o", "%#" PRIo64, 1 }, { "%#20x", "%#20" PRIx64, 1 },
		{ "%#.12x", "%#.12" PRIx64, 1 }, { "%#20.12X", "%#20.12" PRIX64, 1 },
		{ "%#d", "%" PRId64, 0 }, { "%#u", "%" PRIu64, 0 },
		{ "%+u", "%" PRIu64, 0 }, { "% x", "%" PRIx64, 0 },
	};
	static const int64_t values[] = {
		0, 1, -1, 7, 8, 42, -42, 255, -255, 4096, 0x123456789,
		INT32_MAX, INT32_MIN, (int64_t)UINT32_MAX, INT64_MAX, INT64_MIN,
		INT64_MIN + 1,
	};
	static const char *strs[] = { "", "a", "hello", "hello, world" };
	static const char *sfmts[] = {
		"%s", "%5s", "%-5s", "%.2s", "%5.2s", "%-5.2s", "%.0s",
		"%20s", "%-20s", "%.20s", "%ls",
	};
	size_t i, j;
	char want[128], fmt[32];

	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		for (j = 0; j < sizeof(values) / sizeof(values[0]); j++) {
			int64_t v = values[j];
			int n;

			if (v == 0 && nums[i].skip_zero)
				continue;
			n = snprintf(want, sizeof(want), nums[i].libc, v);
			check_out(__LINE__, PRINTF, 0, nums[i].ours,
				  strlen(nums[i].ours), want, (size_t)n,
				  ARGS(L(v)), 1);
		}
	}
	for (i = 0; i < sizeof(sfmts) / sizeof(sfmts[0]); i++) {
		for (j = 0; j < sizeof(strs) / sizeof(strs[0]); j++) {
			/* glibc's %ls wants a wide string: compare with %s. */
			const char *libc = strcmp(sfmts[i], "%ls") ? sfmts[i] : "%s";
			int n = snprintf(want, sizeof(want), libc, strs[j]);

			check_out(__LINE__, PRINTF, 0, sfmts[i], strlen(sfmts[i]),
				  want, (size_t)n, ARGS(S(strs[j])), 1);
		}
	}
	/* %c of printable characters, with widths. */
	for (i = 0x20; i < 0x7f; i++) {
		const char *cf[] = { "%c", "%3c", "%-3c" };

		for (j = 0; j < 3; j++) {
			int n = snprintf(want, sizeof(want), cf[j], (int)i);

			check_out(__LINE__, PRINTF, 0, cf[j], strlen(cf[j]), want,
				  (size_t)n, ARGS(L((int64_t)i)), 1);
		}
	}
	/* Dynamic widths and precisions that are not negative. */
	for (i = 0; i < 12; i++) {
		int n;

		n = snprintf(want, sizeof(want), "[%*d]", (int)i, 42);
		check_out(__LINE__, PRINTF, 0, "[%*d]", 5, want, (size_t)n,
			  ARGS(L((int64_t)i), L(42)), 2);
		n = snprintf(want, sizeof(want), "[%-*d]", (int)i, -42);
		check_out(__LINE__, PRINTF, 0, "[%-*d]", 6, want, (size_t)n,
			  ARGS(L((int64_t)i), L(-42)), 2);
		n = snprintf(want, sizeof(want), "[%.*s]", (int)i, "hello");
		check_out(__LINE__, PRINTF, 0, "[%.*s]", 6, want, (size_t)n,
			  ARGS(L((int64_t)i), S("hello")), 2);
		n = snprintf(want, sizeof(want), "[%*.*x]", (int)i, (int)(i / 2),
			     0xabcu);
		check_out(__LINE__, PRINTF, 0, "[%*.*x]", 7, want, (size_t)n,
			  ARGS(L((int64_t)i), L((int64_t)(i / 2)), L(0xabc)), 3);
	}
	snprintf(fmt, sizeof(fmt), "%s", "done");
	CHECK(strcmp(fmt, "done") == 0, "snprintf");
}

/* ---- SystemTap's own behaviour, conversion by conversion ---- */

static void test_numbers(void)
{
	/* Plain values, 64-bit throughout. */
	P("%d", "0", L(0));
	P("%d", "-9223372036854775808", L(INT64_MIN));
	P("%i", "9223372036854775807", L(INT64_MAX));
	P("%d", "4294967296", L(4294967296LL));
	P("%u", "18446744073709551615", L(-1));
	P("%u", "9223372036854775808", L(INT64_MIN));
	P("%x", "ffffffffffffffff", L(-1));
	P("%X", "FFFFFFFFFFFFFF00", L(-256));
	P("%o", "1777777777777777777777", L(-1));
	P("%o", "17", L(15));
	P("%x", "8000000000000000", L(INT64_MIN));

	/* Precision: at least one digit, even with precision 0. */
	P("%.0d", "0", L(0));
	P("%.0x", "0", L(0));
	P("%.d", "0", L(0));                 /* a bare '.' is ignored */
	P("%.d", "42", L(42));
	P("%.3d", "-005", L(-5));
	P("%6.3d", "  -005", L(-5));
	P("%-6.3d|", "-005  |", L(-5));
	P("%.3u", "007", L(7));

	/* The '0' flag pads even with a precision, unlike C. */
	P("%08.3d", "00000005", L(5));
	P("%08.3d", "-0000005", L(-5));
	P("%06.4x", "0000ff", L(255));
	P("%05d", "-0005", L(-5));
	P("%05d", "00000", L(0));
	P("%0d", "5", L(5));
	P("%00d", "5", L(5));
	P("%03d", "12345", L(12345));

	/* One flag only: what follows a flag is the width. */
	P("%-05d|", "5    |", L(5));      /* '-' then width 05 */
	P("%+05d", "   +5", L(5));        /* '+' then width 05: no zeros */
	P("% 05d", "    5", L(5));
	P("% 05d", "   -5", L(-5));
	P("%#08x", "    0xff", L(255));   /* '#' then width 08 */

	/* '+' and ' ' for signed conversions only. */
	P("%+d", "+0", L(0));
	P("%+d", "-3", L(-3));
	P("% d", " 0", L(0));
	P("% d", "-3", L(-3));
	P("%+i", "+7", L(7));
	P("%+u", "7", L(7));
	P("%+x", "7", L(7));
	P("% o", "7", L(7));
	P("%+x", "ffffffffffffffff", L(-1));

	/* '#': a prefix, for 0 too, in front of padding and precision. */
	P("%#x", "0x0", L(0));
	P("%#X", "0X0", L(0));
	P("%#o", "00", L(0));
	P("%#o", "010", L(8));
	P("%#.3o", "0010", L(8));
	P("%#.3x", "0x00a", L(10));
	P("%#8x", "    0xff", L(255));
	P("%#x", "0xffffffffffffffff", L(-1));
	P("%#X", "0XABCDEF", L(0xabcdef));
	P("%#5o", "  010", L(8));
	P("%#d", "-5", L(-5));

	/* Left justification. */
	P("%-5d|", "-5   |", L(-5));
	P("%-1d|", "-5|", L(-5));
	P("%-5x|", "ff   |", L(255));

	/* %p is %#x of 64 bits, with no default width. */
	P("%p", "0x0", L(0));
	P("%p", "0x1234", L(0x1234));
	P("%p", "0x7ffdeadbeef0", L(0x7ffdeadbeef0LL));
	P("%p", "0xffffffffffffffff", L(-1));
	P("%10p", "    0x1234", L(0x1234));
	P("%-10p|", "0x1234    |", L(0x1234));
	P("%010p", "0x00001234", L(0x1234));
	P("%.8p", "0x00001234", L(0x1234));
	P("%+p", "0x5", L(5));
	P("%#p", "0x5", L(5));
	P("%lp", "0x5", L(5));

	/* One 'l' is accepted and changes nothing. */
	P("%ld %li %lu %lx %lX %lo", "-1 -1 18446744073709551615 "
	  "ffffffffffffffff FFFFFFFFFFFFFFFF 1777777777777777777777",
	  L(-1), L(-1), L(-1), L(-1), L(-1), L(-1));
}

static void test_chars(void)
{
	P("%c", "A", L('A'));
	P("%c", "A", L(256 + 'A'));           /* the low byte */
	P("%c", "A", L(-256 + 'A'));
	P("%c", "\xff", L(-1));
	P("%c", "\0", L(0));                  /* a NUL byte is printed */
	P("[%c]", "[\0]", L(0));
	P("%c", "\n", L('\n'));
	P("%3c", "  A", L('A'));
	P("%-3c|", "A  |", L('A'));
	P("%03c", "  A", L('A'));             /* no zero padding */
	P("%+c", "A", L('A'));
	P("%.3c", "A", L('A'));               /* precision ignored */
	P("%lc", "A", L('A'));

	/* '#' quotes like C. */
	P("%#c", "A", L('A'));
	P("%#c", " ", L(' '));
	P("%#c", "\"", L('"'));
	P("%#c", "\\n", L('\n'));
	P("%#c", "\\t", L('\t'));
	P("%#c", "\\r", L('\r'));
	P("%#c", "\\a", L('\a'));
	P("%#c", "\\b", L('\b'));
	P("%#c", "\\f", L('\f'));
	P("%#c", "\\v", L('\v'));
	P("%#c", "\\'", L('\''));
	P("%#c", "\\\\", L('\\'));
	P("%#c", "\\000", L(0));
	P("%#c", "\\001", L(1));
	P("%#c", "\\033", L(27));
	P("%#c", "\\177", L(127));
	P("%#c", "\\200", L(128));
	P("%#c", "\\377", L(255));
	P("%#c", "\\377", L(-1));
	P("%#c", "A", L(256 + 'A'));
	P("%#5c|", "   \\n|", L('\n'));
	P("%#5c|", " \\001|", L(1));
	P("%#2c|", "\\001|", L(1));
}

static void test_strings(void)
{
	P("%s", "hello", S("hello"));
	P("%s", "", S(""));
	P("[%8s]", "[   hello]", S("hello"));
	P("[%-8s]", "[hello   ]", S("hello"));
	P("[%3s]", "[hello]", S("hello"));
	P("[%.2s]", "[he]", S("hello"));
	P("[%8.2s]", "[      he]", S("hello"));
	P("[%-8.2s]", "[he      ]", S("hello"));
	P("[%.0s]", "[]", S("hello"));
	P("[%.s]", "[hello]", S("hello"));    /* a bare '.' is ignored */
	P("[%.10s]", "[hello]", S("hello"));
	P("[%+s]", "[hello]", S("hello"));
	P("[% s]", "[hello]", S("hello"));
	P("[%#s]", "[hello]", S("hello"));
	P("[%ls]", "[hello]", S("hello"));

	/* The '0' flag pads with spaces and then prints a NUL byte. */
	P("[%05s]", "[   ab\0]", S("ab"));
	P("[%0s]", "[ab\0]", S("ab"));
	P("[%0.1s]", "[a\0]", S("ab"));

	/* A string ends at its length or at a NUL, whichever is first. */
	{
		struct fmt_arg a[] = { fmt_str("abcdef", 3) };

		check_out(__LINE__, PRINTF, 0, "[%s]", 4, "[abc]", 5, a, 1);
		a[0] = fmt_str("ab\0cd", 5);
		check_out(__LINE__, PRINTF, 0, "[%5s]", 5, "[   ab]", 7, a, 1);
		a[0] = fmt_str(NULL, 0);
		check_out(__LINE__, PRINTF, 0, "[%2s]", 5, "[  ]", 4, a, 1);
	}
	P("%s and %s", "x and y", S("x"), S("y"));
	P("%s=%d", "pid=42", S("pid"), L(42));
}

static void test_star(void)
{
	/* A '*' argument is an int: 64 bits cut to 32, negative means 0. */
	P("[%*d]", "[    5]", L(5), L(5));
	P("[%*d]", "[5]", L(-5), L(5));           /* no left-justification */
	P("[%*d]", "[5]", L(0), L(5));
	P("[%*d]", "[  5]", L(0x100000003LL), L(5));
	P("[%*d]", "[5]", L(0xffffffffLL), L(5));  /* -1 as an int */
	P("[%*d]", "[5]", L(INT64_MIN), L(5));
	P("[%-*d]", "[5   ]", L(4), L(5));
	P("[%0*d]", "[0005]", L(4), L(5));
	P("[%*s]", "[   ab]", L(5), S("ab"));
	P("[%*s]", "[ab]", L(-5), S("ab"));
	P("[%*c]", "[  x]", L(3), L('x'));
	P("[%*c]", "[x]", L(-3), L('x'));

	P("[%.*s]", "[]", L(-1), S("hello"));     /* negative: no characters */
	P("[%.*s]", "[he]", L(2), S("hello"));
	P("[%.*s]", "[]", L(0), S("hello"));
	P("[%.*s]", "[hel]", L(0x100000003LL), S("hello"));
	P("[%.*d]", "[5]", L(-1), L(5));
	P("[%.*d]", "[005]", L(3), L(5));
	P("[%.*d]", "[0]", L(-1), L(0));
	P("[%*.*s]", "[   he]", L(5), L(2), S("hello"));
	P("[%-*.*s]", "[he   ]", L(5), L(2), S("hello"));
	P("[%*.*d|%*s]", "[  007|   ab]", L(5), L(3), L(7), L(5), S("ab"));
}

static void test_literals(void)
{
	P0("", "");
	P0("hello\n", "hello\n");
	P0("100%%", "100%");
	P0("%%d", "%d");
	P0("%%%%", "%%");
	P("%d%%", "5%", L(5));
	P("%%%d%%", "%5%", L(5));
	P("a%db%sc", "a1bxc", L(1), S("x"));
	P("%d%d%d", "123", L(1), L(2), L(3));
	/* Literal text is a C string to SystemTap: a NUL ends it. */
	check_out(__LINE__, PRINTF, 0, "a\0b%dc", 6, "a5c", 3,
		  ARGS(L(5)), 1);
	/* Bytes above 127 pass through. */
	P("\xc3\xa9=%d", "\xc3\xa9=1", L(1));
}

/* Widths beyond the room left, and SystemTap's size limits. */
static void test_limits(void)
{
	struct strbuf want = STRBUF_INIT;

	/* A static width wraps at 32 bits and a negative int counts as 0. */
	P("[%4294967295d]", "[5]", L(5));
	P("[%4294967296d]", "[5]", L(5));
	P("[%4294967299d]", "[  5]", L(5));
	P("[%2147483648d]", "[5]", L(5));
	P("[%.4294967298d]", "[05]", L(5));
	P("[%.2147483648s]", "[]", S("ab"));

	/* printf prints at most FMT_PRINT_MAX bytes. */
	strbuf_pad(&want, ' ', FMT_PRINT_MAX - 1);
	strbuf_putc(&want, '5');
	check_out(__LINE__, PRINTF, 0, "%9000d", 6, want.buf, want.len,
		  ARGS(L(5)), 1);
	check_out(__LINE__, PRINTF, 0, "%999999999d", 11, want.buf, want.len,
		  ARGS(L(5)), 1);
	check_out(__LINE__, PRINTF, 0, "%*d", 3, want.buf, want.len,
		  ARGS(L(1000000), L(5)), 2);

	/* The width is clamped to the room left, so the field's own text
	 * still shows at the end of the cut output. */
	strbuf_reset(&want);
	strbuf_puts(&want, "ab");
	strbuf_pad(&want, ' ', FMT_PRINT_MAX - 5);
	strbuf_puts(&want, "xyz");
	check_out(__LINE__, PRINTF, 0, "ab%9000s\n", 9, want.buf, want.len,
		  ARGS(S("xyz")), 1);

	strbuf_reset(&want);
	strbuf_pad(&want, ' ', 4999);
	strbuf_putc(&want, '1');
	strbuf_pad(&want, ' ', FMT_PRINT_MAX - 5000 - 1);
	strbuf_putc(&want, '2');
	check_out(__LINE__, PRINTF, 0, "%5000d%5000d", 12, want.buf, want.len,
		  ARGS(L(1), L(2)), 2);

	/* Left-justified: the text, then spaces to the limit. */
	strbuf_reset(&want);
	strbuf_putc(&want, '7');
	strbuf_pad(&want, ' ', FMT_PRINT_MAX - 1);
	check_out(__LINE__, PRINTF, 0, "%-10000d|", 9, want.buf, want.len,
		  ARGS(L(7)), 1);

	/* Precision of a number: zeros to the limit, then the digits. */
	strbuf_reset(&want);
	strbuf_pad(&want, '0', FMT_PRINT_MAX - 2);
	strbuf_puts(&want, "42");
	check_out(__LINE__, PRINTF, 0, "%.10000d", 8, want.buf, want.len,
		  ARGS(L(42)), 1);

	/* A plain format is printed whole: no limit. */
	strbuf_reset(&want);
	strbuf_pad(&want, 'a', 10000);
	check_out(__LINE__, PRINTF, 0, want.buf, want.len, want.buf, want.len,
		  NULL, 0);
	check_out(__LINE__, PRINTF, 0, "%s", 2, want.buf, want.len,
		  ARGS(fmt_str(want.buf, want.len)), 1);
	/* ... but "%%" or anything beside the %s sends it through the
	 * formatter, and its limits. */
	check_out(__LINE__, PRINTF, 0, "%s\n", 3, want.buf, FMT_PRINT_MAX,
		  ARGS(fmt_str(want.buf, want.len)), 1);
	strbuf_puts(&want, "%%");
	check_out(__LINE__, PRINTF, 0, want.buf, want.len, want.buf,
		  FMT_PRINT_MAX, NULL, 0);

	strbuf_free(&want);
}

static void test_sprintf(void)
{
	char spaces[200];

	memset(spaces, ' ', sizeof(spaces));

	SP(128, "%d-%s", "5-ab", L(5), S("ab"));
	SP(128, "%c", "", L(0));                  /* a NUL ends the string */
	SP(128, "a%cb", "a", L(0));
	SP(128, "%05s|", "   ab", S("ab"));
	SP(128, "%#c", "\\000", L(0));
	SP(4, "%d", "123", L(123456));
	SP(4, "abcdef", "abc");
	SP(1, "abc", "");
	SP(2, "%s", "h", S("hello"));
	SP(6, "%5d", "    5", L(5));               /* fits exactly */
	SP(5, "%5d", "    ", L(5));
	SP(5, "%-5d", "5   ", L(5));
	SP(6, "%-3d%3s", "1  ab", L(1), S("abc"));

	/* A width past the end is clamped to the room left: the text shows
	 * after fewer spaces, less the byte the NUL takes. */
	{
		struct fmt f;
		struct fmt_error err;
		struct strbuf sb = STRBUF_INIT;
		char want[128];

		memset(want, ' ', 126);
		want[126] = 'a';
		fmt_parse("%200s", 5, &f, &err);
		CHECK(fmt_sprintf(&f, ARGS(S("ab")), 1, 128, &sb) == 0, "sprintf");
		CHECK(sb.len == 127 && memcmp(sb.buf, want, 127) == 0,
		      "%%200s in 128: got %s", show_bytes(sb.buf, sb.len));
		fmt_free(&f);

		/* After 10 bytes, 118 are left for the field. */
		strbuf_reset(&sb);
		memcpy(want, "0123456789", 10);
		memset(want + 10, ' ', 116);
		want[126] = 'a';
		fmt_parse("0123456789%200s", 15, &f, &err);
		fmt_sprintf(&f, ARGS(S("ab")), 1, 128, &sb);
		CHECK(sb.len == 127 && memcmp(sb.buf, want, 127) == 0,
		      "10 + %%200s in 128: got %s", show_bytes(sb.buf, sb.len));
		fmt_free(&f);

		/* Appending keeps what the buffer held. */
		strbuf_reset(&sb);
		strbuf_puts(&sb, "pre:");
		fmt_parse("%d", 2, &f, &err);
		fmt_sprintf(&f, ARGS(L(12345)), 1, 4, &sb);
		CHECK(sb.len == 7 && strcmp(sb.buf, "pre:123") == 0,
		      "append: got %s", show_bytes(sb.buf, sb.len));
		fmt_free(&f);
		strbuf_free(&sb);
	}
	(void)spaces;
}

/* ---- parsing ---- */

static void test_pieces(void)
{
	struct fmt f;
	struct fmt_error err;
	const char *t = "a%%b%-5dc%*.*s%p";

	CHECK(fmt_parse(t, strlen(t), &f, &err) == 0, "parse: %s", err.msg);
	CHECK(f.npieces == 5, "npieces %zu", f.npieces);
	if (f.npieces == 5) {
		const struct fmt_piece *p = f.pieces;

		CHECK(p[0].conv == 0 && p[0].offset == 0 && p[0].len == 4 &&
		      p[0].lit_len == 3 && memcmp(f.lits + p[0].lit, "a%b", 3) == 0,
		      "literal a%%%%b");
		CHECK(p[1].conv == 'd' && p[1].offset == 4 && p[1].len == 4 &&
		      p[1].flags == FMT_F_LEFT && p[1].width == 5 &&
		      p[1].precision == FMT_NONE, "%%-5d");
		CHECK(p[2].conv == 0 && p[2].offset == 8 && p[2].len == 1 &&
		      p[2].lit_len == 1 && f.lits[p[2].lit] == 'c', "literal c");
		CHECK(p[3].conv == 's' && p[3].offset == 9 && p[3].len == 5 &&
		      p[3].width == FMT_STAR && p[3].precision == FMT_STAR &&
		      p[3].flags == 0, "%%*.*s");
		CHECK(p[4].conv == 'p' && p[4].offset == 14 && p[4].len == 2 &&
		      p[4].flags == FMT_F_ALT, "%%p");
	}
	CHECK(f.nargs == 5, "nargs %zu", f.nargs);
	if (f.nargs == 5) {
		CHECK(f.args[0].kind == FMT_LONG && f.args[0].role == FMT_ROLE_VALUE &&
		      f.args[0].piece == 1, "arg 0");
		CHECK(f.args[1].kind == FMT_LONG && f.args[1].role == FMT_ROLE_WIDTH &&
		      f.args[1].piece == 3, "arg 1");
		CHECK(f.args[2].kind == FMT_LONG &&
		      f.args[2].role == FMT_ROLE_PRECISION && f.args[2].piece == 3,
		      "arg 2");
		CHECK(f.args[3].kind == FMT_STRING &&
		      f.args[3].role == FMT_ROLE_VALUE && f.args[3].piece == 3,
		      "arg 3");
		CHECK(f.args[4].kind == FMT_LONG &&
		      f.args[4].role == FMT_ROLE_VALUE && f.args[4].piece == 4,
		      "arg 4");
	}
	{
		enum fmt_kind k[8] = { FMT_STRING, FMT_STRING, FMT_STRING,
				       FMT_STRING, FMT_STRING, FMT_STRING };

		CHECK(fmt_arg_kinds(&f, k, 8) == 5 && k[0] == FMT_LONG &&
		      k[1] == FMT_LONG && k[2] == FMT_LONG &&
		      k[3] == FMT_STRING && k[4] == FMT_LONG &&
		      k[5] == FMT_STRING, "fmt_arg_kinds");
		k[0] = FMT_STRING;
		CHECK(fmt_arg_kinds(&f, k, 0) == 5 && k[0] == FMT_STRING,
		      "fmt_arg_kinds, no room");
	}
	CHECK(f.text_len == strlen(t) && strcmp(f.text, t) == 0, "text copy");
	CHECK(!f.plain, "not plain");
	fmt_free(&f);
	CHECK(f.pieces == NULL && f.npieces == 0, "fmt_free clears");

	/* Every conversion letter and the kind it takes. */
	{
		static const char convs[] = "diuxXocsp";
		size_t i;

		for (i = 0; convs[i]; i++) {
			char s[3] = { '%', convs[i], 0 };

			CHECK(fmt_parse(s, 2, &f, &err) == 0, "%s: %s", s, err.msg);
			CHECK(f.npieces == 1 && f.pieces[0].conv == convs[i] &&
			      f.nargs == 1 &&
			      f.args[0].kind == (convs[i] == 's' ? FMT_STRING
								 : FMT_LONG),
			      "%s: kind", s);
			fmt_free(&f);
		}
	}

	/* Flags, widths, precisions. */
	{
		static const struct {
			const char *s;
			unsigned flags;
			int width, prec;
		} cases[] = {
			{ "%-d", FMT_F_LEFT, FMT_NONE, FMT_NONE },
			{ "%0d", FMT_F_ZERO, FMT_NONE, FMT_NONE },
			{ "%+d", FMT_F_PLUS, FMT_NONE, FMT_NONE },
			{ "% d", FMT_F_SPACE, FMT_NONE, FMT_NONE },
			{ "%#x", FMT_F_ALT, FMT_NONE, FMT_NONE },
			{ "%-05d", FMT_F_LEFT, 5, FMT_NONE },
			{ "%00d", FMT_F_ZERO, 0, FMT_NONE },
			{ "%12.34d", 0, 12, 34 },
			{ "%.d", 0, FMT_NONE, FMT_NONE },
			{ "%.0d", 0, FMT_NONE, 0 },
			{ "%.*d", 0, FMT_NONE, FMT_STAR },
			{ "%*d", 0, FMT_STAR, FMT_NONE },
			{ "%0*.3ld", FMT_F_ZERO, FMT_STAR, 3 },
			{ "%4294967295d", 0, 0, FMT_NONE },
			{ "%4294967297d", 0, 1, FMT_NONE },
			{ "%2147483647d", 0, 2147483647, FMT_NONE },
			{ "%#p", FMT_F_ALT, FMT_NONE, FMT_NONE },
			{ "%-p", FMT_F_LEFT | FMT_F_ALT, FMT_NONE, FMT_NONE },
		};
		size_t i;

		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			const char *s = cases[i].s;

			CHECK(fmt_parse(s, strlen(s), &f, &err) == 0, "%s: %s", s,
			      err.msg);
			CHECK(f.npieces == 1 && f.pieces[0].flags == cases[i].flags &&
			      f.pieces[0].width == cases[i].width &&
			      f.pieces[0].precision == cases[i].prec &&
			      f.pieces[0].len == strlen(s),
			      "%s: flags %u width %d precision %d", s,
			      f.npieces ? f.pieces[0].flags : 0,
			      f.npieces ? f.pieces[0].width : 0,
			      f.npieces ? f.pieces[0].precision : 0);
			fmt_free(&f);
		}
	}

	/* Formats SystemTap prints without its formatter. */
	{
		static const struct { const char *s; int plain; } cases[] = {
			{ "", 1 }, { "hello\n", 1 }, { "%s", 1 },
			{ "100%%", 0 }, { "%s\n", 0 }, { "%d", 0 }, { "%5s", 0 },
		};
		size_t i;

		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			fmt_parse(cases[i].s, strlen(cases[i].s), &f, &err);
			CHECK(f.plain == cases[i].plain, "%s: plain %d",
			      cases[i].s, f.plain);
			fmt_free(&f);
		}
	}

	/* The length given is what is parsed, NUL or no NUL. */
	CHECK(fmt_parse("%d%d", 2, &f, &err) == 0 && f.nargs == 1, "length");
	fmt_free(&f);
	CHECK(fmt_parse(NULL, 0, &f, &err) == 0 && f.npieces == 0 &&
	      f.nargs == 0 && f.plain, "empty");
	fmt_free(&f);
}

static void check_error(int line, const char *fmt, size_t offset,
			const char *msg, const char *note)
{
	struct fmt f;
	struct fmt_error err;
	int r;

	checks++;
	memset(&err, 0x5a, sizeof(err));
	r = fmt_parse(fmt, strlen(fmt), &f, &err);
	if (r != -EINVAL) {
		fail(__FILE__, line, "%s: parsed (%d), want error %s", show_bytes(fmt, strlen(fmt)),
		     r, msg);
		if (!r)
			fmt_free(&f);
		return;
	}
	if (err.offset != offset || strcmp(err.msg, msg) != 0 ||
	    (note && !strstr(err.note, note)))
		fail(__FILE__, line, "%s: got %zu: %s (note: %s), want %zu: %s (note: %s)",
		     show_bytes(fmt, strlen(fmt)), err.offset, err.msg, err.note,
		     offset, msg, note ? note : "");
	if (f.pieces || f.args || f.text || f.lits)
		fail(__FILE__, line, "%s: fmt not cleared after an error", fmt);
}

#define E(fmt, off, msg, note) check_error(__LINE__, fmt, off, msg, note)

static void test_errors(void)
{
	/* The end of the format inside a conversion. */
	E("%", 0, "incomplete conversion '%' at end of format", "'%%'");
	E("100%", 3, "incomplete conversion '%' at end of format", NULL);
	E("%5", 0, "incomplete conversion '%5' at end of format", NULL);
	E("%-", 0, "incomplete conversion '%-' at end of format", NULL);
	E("%.", 0, "incomplete conversion '%.' at end of format", NULL);
	E("%5.", 0, "incomplete conversion '%5.' at end of format", NULL);
	E("%.*", 0, "incomplete conversion '%.*' at end of format", NULL);
	E("%*", 0, "incomplete conversion '%*' at end of format", NULL);
	E("%l", 0, "incomplete conversion '%l' at end of format", NULL);
	E("ab %d %-5.3l", 6, "incomplete conversion '%-5.3l' at end of format",
	  NULL);

	/* Letters that are not conversions. */
	E("%q", 0, "invalid conversion '%q'", "expected one of");
	E("%h", 0, "invalid conversion '%h'", "expected one of");
	E("%t!", 0, "invalid conversion '%t!'", "expected one of");
	E("x=%y\n", 2, "invalid conversion '%y'", "expected one of");
	E("%d %d %n", 6, "invalid conversion '%n'", NULL);
	E("%5%", 0, "invalid conversion '%5%'", NULL);
	E("%-%", 0, "invalid conversion '%-%'", NULL);
	E("%*5d", 0, "invalid conversion '%*5d'", NULL);
	E("%.5.3d", 0, "invalid conversion '%.5.3d'", NULL);
	E("%f", 0, "invalid conversion '%f'", "floating-point");
	E("%5.2e", 0, "invalid conversion '%5.2e'", "floating-point");
	E("%\x01", 0, "invalid conversion '%\\x01'", NULL);
	E("%q\n", 0, "invalid conversion '%q'", NULL);
	E("%\xc3\xa9", 0, "invalid conversion '%\\xc3'", NULL);
	E("% ", 0, "incomplete conversion '% ' at end of format", NULL);

	/* Length modifiers other than one 'l'. */
	E("%lld", 0, "invalid conversion '%lld'", "single 'l'");
	E("x %llx", 2, "invalid conversion '%llx'", "single 'l'");
	E("%hd", 0, "invalid conversion '%hd'", "single 'l'");
	E("%hhd", 0, "invalid conversion '%hhd'", "single 'l'");
	E("%zu", 0, "invalid conversion '%zu'", "single 'l'");
	E("%jd", 0, "invalid conversion '%jd'", "single 'l'");
	E("%td", 0, "invalid conversion '%td'", "single 'l'");
	E("%Ld", 0, "invalid conversion '%Ld'", "single 'l'");
	E("%qd", 0, "invalid conversion '%qd'", "single 'l'");
	E("%5.3hd", 0, "invalid conversion '%5.3hd'", "single 'l'");

	/* More than one flag. */
	E("%-+5d", 0, "invalid conversion '%-+5d'", "one flag");
	E("%+-5d", 0, "invalid conversion '%+-5d'", "one flag");
	E("%0-5d", 0, "invalid conversion '%0-5d'", "one flag");
	E("%#-x", 0, "invalid conversion '%#-x'", "one flag");
	E("%  d", 0, "invalid conversion '%  d'", "one flag");
	E("%--d", 0, "invalid conversion '%--d'", "one flag");
	E("a%d%-+", 3, "invalid conversion '%-+'", "one flag");
	E("%5-d", 0, "invalid conversion '%5-d'", "right after the '%'");
	E("%.3#x", 0, "invalid conversion '%.3#x'", "right after the '%'");


	/* A long conversion is quoted in part. */
	E("%123456789012345678901234567890q", 0,
	  "invalid conversion '%12345678901234567890123...'", NULL);
}

static void test_check_args(void)
{
	struct fmt f;
	struct fmt_error err;
	const char *t = "%d %s %*.*s";
	enum fmt_kind ok[] = { FMT_LONG, FMT_STRING, FMT_LONG, FMT_LONG,
			       FMT_STRING };
	enum fmt_kind k[5];

	CHECK(fmt_parse(t, strlen(t), &f, &err) == 0, "parse");
	CHECK(fmt_check_args(&f, ok, 5, &err) == 0, "good args: %s", err.msg);

	memcpy(k, ok, sizeof(k));
	k[1] = FMT_LONG;
	CHECK(fmt_check_args(&f, k, 5, &err) == -EINVAL && err.arg == 1 &&
	      err.offset == 3 &&
	      strcmp(err.msg, "format expects a string for %s (argument 2), "
		     "got long") == 0, "string: %s", err.msg);

	memcpy(k, ok, sizeof(k));
	k[0] = FMT_STRING;
	CHECK(fmt_check_args(&f, k, 5, &err) == -EINVAL && err.arg == 0 &&
	      err.offset == 0 &&
	      strcmp(err.msg, "format expects a long for %d (argument 1), "
		     "got string") == 0, "long: %s", err.msg);

	memcpy(k, ok, sizeof(k));
	k[2] = FMT_STRING;
	CHECK(fmt_check_args(&f, k, 5, &err) == -EINVAL && err.arg == 2 &&
	      err.offset == 6 &&
	      strcmp(err.msg, "format expects a long for the '*' width of "
		     "%*.*s (argument 3), got string") == 0, "width: %s", err.msg);

	memcpy(k, ok, sizeof(k));
	k[3] = FMT_STRING;
	CHECK(fmt_check_args(&f, k, 5, &err) == -EINVAL && err.arg == 3 &&
	      strcmp(err.msg, "format expects a long for the '.*' precision "
		     "of %*.*s (argument 4), got string") == 0,
	      "precision: %s", err.msg);

	CHECK(fmt_check_args(&f, ok, 3, &err) == -EINVAL && err.arg == 3 &&
	      err.offset == 6 &&
	      strcmp(err.msg, "format expects 5 arguments, got 3") == 0 &&
	      strcmp(err.note, "argument 4 would be for the '.*' precision "
		     "of %*.*s") == 0, "too few: %s / %s", err.msg, err.note);

	CHECK(fmt_check_args(&f, ok, 0, &err) == -EINVAL && err.arg == 0 &&
	      err.offset == 0 &&
	      strcmp(err.msg, "format expects 5 arguments, got 0") == 0 &&
	      strcmp(err.note, "argument 1 would be for %d") == 0,
	      "none: %s / %s", err.msg, err.note);
	fmt_free(&f);

	CHECK(fmt_parse("x%d", 3, &f, &err) == 0, "parse");
	CHECK(fmt_check_args(&f, ok, 2, &err) == -EINVAL && err.arg == 1 &&
	      strcmp(err.msg, "format expects 1 argument, got 2") == 0 &&
	      err.note[0] == '\0', "too many: %s", err.msg);
	fmt_free(&f);

	CHECK(fmt_parse("hello", 5, &f, &err) == 0, "parse");
	CHECK(fmt_check_args(&f, NULL, 0, &err) == 0, "no args");
	CHECK(fmt_check_args(&f, ok, 1, &err) == -EINVAL &&
	      strcmp(err.msg, "format expects 0 arguments, got 1") == 0,
	      "none expected: %s", err.msg);
	fmt_free(&f);

	/* The formatter refuses arguments that do not fit. */
	{
		struct strbuf sb = STRBUF_INIT;

		fmt_parse("%d %s", 5, &f, &err);
		CHECK(fmt_printf(&f, ARGS(L(1)), 1, &sb) == -EINVAL, "too few");
		CHECK(fmt_printf(&f, ARGS(S("a"), S("b")), 2, &sb) == -EINVAL,
		      "wrong kind");
		CHECK(fmt_sprintf(&f, ARGS(L(1), L(2)), 2, 128, &sb) == -EINVAL,
		      "wrong kind (sprintf)");
		CHECK(sb.len == 0, "nothing printed");
		fmt_free(&f);
		strbuf_free(&sb);
	}

	CHECK(strcmp(fmt_kind_name(FMT_LONG), "long") == 0, "long");
	CHECK(strcmp(fmt_kind_name(FMT_STRING), "string") == 0, "string");
}

/* print, println, printd, printdln as formats. */
static void test_print_format(void)
{
	static const struct {
		enum fmt_kind kinds[3];
		size_t n;
		const char *delim;
		int newline;
		const char *want;
	} cases[] = {
		{ { FMT_LONG }, 1, NULL, 0, "%d" },
		{ { FMT_STRING }, 1, NULL, 0, "%s" },
		{ { FMT_LONG, FMT_STRING }, 2, NULL, 0, "%d%s" },
		{ { FMT_LONG, FMT_STRING }, 2, NULL, 1, "%d%s\n" },
		{ { FMT_LONG }, 0, NULL, 1, "\n" },
		{ { FMT_LONG, FMT_LONG, FMT_STRING }, 3, ", ", 0, "%d, %d, %s" },
		{ { FMT_LONG, FMT_STRING }, 2, "%", 1, "%d%%%s\n" },
		{ { FMT_LONG }, 1, ",", 1, "%d\n" },
		{ { FMT_LONG }, 0, ",", 0, "" },
	};
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		strbuf_reset(&sb);
		CHECK(fmt_print_format(&sb, cases[i].kinds, cases[i].n,
				       cases[i].delim,
				       cases[i].delim ? strlen(cases[i].delim) : 0,
				       cases[i].newline) == 0 &&
		      sb.len == strlen(cases[i].want) &&
		      memcmp(sb.buf, cases[i].want, sb.len) == 0,
		      "print format %zu: got %s, want %s", i,
		      show_bytes(sb.buf, sb.len), cases[i].want);
	}

	/* printdln("%,", 1, "a") end to end. */
	{
		enum fmt_kind k[] = { FMT_LONG, FMT_STRING };
		struct fmt f;
		struct fmt_error err;

		strbuf_reset(&sb);
		fmt_print_format(&sb, k, 2, "%,", 2, 1);
		check_out(__LINE__, PRINTF, 0, sb.buf, sb.len, "-1%,a\n", 6,
			  ARGS(L(-1), S("a")), 2);
		CHECK(fmt_parse(sb.buf, sb.len, &f, &err) == 0 &&
		      fmt_check_args(&f, k, 2, &err) == 0, "printdln checks");
		fmt_free(&f);
	}
	strbuf_free(&sb);
}

static void test_strbuf(void)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	CHECK(strbuf_puts(&sb, "") == 0 && sb.buf && sb.len == 0 &&
	      sb.buf[0] == '\0', "empty puts");
	CHECK(strbuf_putc(&sb, 'a') == 0 && strbuf_puts(&sb, "bc") == 0 &&
	      strbuf_append(&sb, "d\0e", 3) == 0, "appends");
	CHECK(sb.len == 6 && memcmp(sb.buf, "abcd\0e", 7) == 0,
	      "contents %s", show_bytes(sb.buf, sb.len));
	CHECK(strbuf_pad(&sb, '-', 3) == 0 && sb.len == 9 &&
	      strcmp(sb.buf + 6, "---") == 0, "pad");
	CHECK(strbuf_pad(&sb, '-', 0) == 0 && sb.len == 9, "pad 0");
	CHECK(strbuf_printf(&sb, "[%d:%s]", 42, "x") == 0 && sb.len == 15 &&
	      strcmp(sb.buf + 9, "[42:x]") == 0, "printf");
	strbuf_truncate(&sb, 3);
	CHECK(sb.len == 3 && strcmp(sb.buf, "abc") == 0, "truncate");
	strbuf_truncate(&sb, 10);
	CHECK(sb.len == 3, "truncate longer");
	strbuf_reset(&sb);
	CHECK(sb.len == 0 && sb.buf && sb.buf[0] == '\0' && sb.cap > 0, "reset");

	/* Growth past many doublings, and a long printf. */
	for (i = 0; i < 10000; i++)
		strbuf_putc(&sb, (char)('a' + i % 26));
	CHECK(sb.len == 10000 && sb.buf[9999] == 'a' + 9999 % 26 &&
	      sb.buf[10000] == '\0' && sb.cap > 10000, "growth");
	strbuf_reset(&sb);
	CHECK(strbuf_printf(&sb, "%5000d|%s", 7, "end") == 0 && sb.len == 5004 &&
	      strcmp(sb.buf + 4999, "7|end") == 0, "long printf");
	strbuf_free(&sb);
	CHECK(sb.buf == NULL && sb.len == 0 && sb.cap == 0, "free");
	strbuf_free(&sb);
	CHECK(strbuf_printf(&sb, "%s", "") == 0 && sb.len == 0 && sb.buf &&
	      sb.buf[0] == '\0', "printf empty");
	strbuf_free(&sb);

	/* Too much to ask for fails cleanly. */
	CHECK(strbuf_putc(&sb, 'x') == 0, "putc");
	CHECK(strbuf_reserve(&sb, SIZE_MAX) == -ENOMEM && sb.len == 1 &&
	      strcmp(sb.buf, "x") == 0, "reserve SIZE_MAX");
	CHECK(strbuf_reserve(&sb, SIZE_MAX - 1) == -ENOMEM, "reserve SIZE_MAX-1");
	strbuf_free(&sb);
}

int main(void)
{
	test_strbuf();
	test_against_glibc();
	test_numbers();
	test_chars();
	test_strings();
	test_star();
	test_literals();
	test_limits();
	test_sprintf();
	test_pieces();
	test_errors();
	test_check_args();
	test_print_format();

	return checks_done("test_format");
}
