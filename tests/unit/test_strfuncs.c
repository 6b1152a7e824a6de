/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_strfuncs.c — unit tests of the string functions (runtime/strfuncs.c).
 *
 * Every expected value is what SystemTap returns, worked out from its
 * tapset (tapset/string.stp), its runtime (_stp_text_str in
 * runtime/stp_string.c) and the kernel's simple_strtol, and compared with
 * those definitions compiled in user space.  Each call writes into a buffer
 * larger than MAXSTRINGLEN filled with a canary, to catch a write past
 * maxstringlen bytes.  Prints one line per failing check and a summary;
 * exits 0 if every check passed, 1 otherwise. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "strbuf.h"
#include "strfuncs.h"

#include "check.h"

#define OUTSZ 512
#define CANARY 0x5A

static char out[OUTSZ];

static void arm(void)
{
	memset(out, CANARY, sizeof(out));
}

/* After a call with maxstringlen m: the result ends within m bytes, and
 * nothing past them was written. */
static int contained(int line, size_t m)
{
	size_t i;

	if (memchr(out, '\0', m) == NULL) {
		fail(__FILE__, line, "no NUL within maxstringlen %zu", m);
		return 0;
	}
	for (i = m; i < OUTSZ; i++) {
		if ((unsigned char)out[i] != CANARY) {
			fail(__FILE__, line, "byte %zu written past maxstringlen %zu", i, m);
			return 0;
		}
	}
	return 1;
}

static void check_result(int line, const char *what, size_t m, const char *want)
{
	checks++;
	if (!contained(line, m))
		return;
	if (strcmp(out, want) != 0)
		fail(__FILE__, line, "%s: got %s, want %s", what, show(out), show(want));
}

static void check_text(int line, size_t m, const char *in, const char *want)
{
	char what[1100];

	arm();
	str_text(out, in, m);
	snprintf(what, sizeof(what), "text_str(%s) maxstringlen %zu", show(in), m);
	check_result(line, what, m, want);
}

static void check_textn(int line, size_t m, const char *in, int64_t len,
			int64_t quoted, const char *want)
{
	char what[1100];

	arm();
	str_textn(out, in, len, quoted, m);
	snprintf(what, sizeof(what), "text_strn(%s, %" PRId64 ", %" PRId64
		 ") maxstringlen %zu", show(in), len, quoted, m);
	check_result(line, what, m, want);
}

static void check_substr(int line, size_t m, const char *in, int64_t start,
			 int64_t len, const char *want)
{
	char what[1100];

	arm();
	str_substr(out, in, start, len, m);
	snprintf(what, sizeof(what), "substr(%s, %" PRId64 ", %" PRId64
		 ") maxstringlen %zu", show(in), start, len, m);
	check_result(line, what, m, want);
}

static void check_strtol(int line, const char *in, int64_t base, int64_t want)
{
	int64_t got = str_strtol(in, base);

	checks++;
	if (got != want)
		fail(__FILE__, line, "strtol(%s, %" PRId64 "): got %" PRId64 ", want %" PRId64,
		     show(in), base, got, want);
}

static void check_sprint(int line, size_t m, int64_t v, const char *want)
{
	char what[100];

	arm();
	str_sprint_long(out, v, m);
	snprintf(what, sizeof(what), "sprint(%" PRId64 ") maxstringlen %zu", v, m);
	check_result(line, what, m, want);
}

#define TEXT(m, in, want)  check_text(__LINE__, m, in, want)
#define TEXTN(m, in, len, q, want)  check_textn(__LINE__, m, in, len, q, want)
#define SUBSTR(m, in, start, len, want) \
	check_substr(__LINE__, m, in, start, len, want)
#define STRTOL(in, base, want)  check_strtol(__LINE__, in, base, want)
#define SPRINT(m, v, want)  check_sprint(__LINE__, m, v, want)

/* ---- strlen, isinstr ---- */

static void test_len_isinstr(void)
{
	CHECK(str_len("") == 0, "strlen(\"\")");
	CHECK(str_len("abc") == 3, "strlen(\"abc\")");
	/* Bytes, not characters. */
	CHECK(str_len("\xc3\xa9") == 2, "strlen of a 2-byte character");

	CHECK(str_isinstr("abc", "b") == 1, "isinstr middle");
	CHECK(str_isinstr("abc", "abc") == 1, "isinstr whole");
	CHECK(str_isinstr("abc", "abcd") == 0, "isinstr longer");
	CHECK(str_isinstr("abc", "ac") == 0, "isinstr not contiguous");
	CHECK(str_isinstr("abc", "B") == 0, "isinstr is case-sensitive");
	/* strstr finds the empty string everywhere. */
	CHECK(str_isinstr("abc", "") == 1, "isinstr(\"abc\", \"\")");
	CHECK(str_isinstr("", "") == 1, "isinstr(\"\", \"\")");
	CHECK(str_isinstr("", "a") == 0, "isinstr(\"\", \"a\")");
}

/* ---- substr ---- */

static void test_substr(void)
{
	SUBSTR(128, "hello", 0, 5, "hello");
	SUBSTR(128, "hello", 1, 3, "ell");
	SUBSTR(128, "hello", 4, 100, "o");
	SUBSTR(128, "hello", 0, 1, "h");
	SUBSTR(128, "hello", 0, 0, "");
	/* length + 1 = 0 and below: strlcpy with size 0 copies nothing. */
	SUBSTR(128, "hello", 0, -1, "");
	SUBSTR(128, "hello", 0, -100, "");
	SUBSTR(128, "hello", 0, INT64_MIN, "");
	/* length + 1 wraps to INT64_MIN, which clamps to 0. */
	SUBSTR(128, "hello", 0, INT64_MAX, "");
	SUBSTR(128, "hello", 0, INT64_MAX - 1, "hello");
	/* start must be in [0, strlen). */
	SUBSTR(128, "hello", -1, 3, "");
	SUBSTR(128, "hello", INT64_MIN, 3, "");
	SUBSTR(128, "hello", 5, 3, "");
	SUBSTR(128, "hello", 6, 3, "");
	SUBSTR(128, "hello", INT64_MAX, 3, "");
	SUBSTR(128, "", 0, 5, "");
	SUBSTR(128, "", 0, 0, "");
	/* At most maxstringlen − 1 bytes. */
	SUBSTR(4, "hello", 0, 10, "hel");
	SUBSTR(4, "hello", 1, 3, "ell");
	SUBSTR(4, "hello", 1, 4, "ell");
	SUBSTR(4, "hello", 2, 2, "ll");
	SUBSTR(1, "hello", 0, 10, "");
	SUBSTR(2, "hello", 4, 10, "o");
	/* A multi-byte character is cut like any bytes. */
	SUBSTR(128, "\xc3\xa9t\xc3\xa9", 1, 3, "\xa9t\xc3");

	/* dst may be the string itself. */
	{
		char buf[16] = "hello world";

		str_substr(buf, buf, 6, 3, sizeof(buf));
		CHECK(strcmp(buf, "wor") == 0, "substr in place: got %s", show(buf));
		str_substr(buf, buf, 9, 3, sizeof(buf));
		CHECK(strcmp(buf, "") == 0, "substr in place past the end: got %s",
		      show(buf));
	}
}

/* ---- strtol ---- */

static void test_strtol(void)
{
	STRTOL("123", 10, 123);
	STRTOL("-123", 10, -123);
	STRTOL("", 10, 0);
	STRTOL("-", 10, 0);
	STRTOL("-0", 10, 0);
	STRTOL("0", 10, 0);
	/* No sign but one '-', and no whitespace skipped. */
	STRTOL("+5", 10, 0);
	STRTOL("--5", 10, 0);
	STRTOL("-+5", 10, 0);
	STRTOL(" 5", 10, 0);
	STRTOL("\t5", 10, 0);
	STRTOL("- 5", 10, 0);
	/* The number ends at the first byte that is not one of its digits. */
	STRTOL("12abc", 10, 12);
	STRTOL("12 34", 10, 12);
	STRTOL("5\n", 10, 5);
	STRTOL("1e3", 10, 1);
	STRTOL("1.5", 10, 1);
	STRTOL("010", 10, 10);
	STRTOL("0x1f", 10, 0);
	STRTOL("ff", 10, 0);

	/* Base 0 guesses from the prefix. */
	STRTOL("0x1f", 0, 31);
	STRTOL("0X1F", 0, 31);
	STRTOL("-0x1f", 0, -31);
	STRTOL("017", 0, 15);
	STRTOL("-017", 0, -15);
	STRTOL("0", 0, 0);
	STRTOL("08", 0, 0);
	STRTOL("0789", 0, 7);
	STRTOL("19", 0, 19);
	STRTOL("-19", 0, -19);
	/* "0x" without a hex digit after it is octal: the '0', then 'x'. */
	STRTOL("0x", 0, 0);
	STRTOL("0xg", 0, 0);
	STRTOL("0b101", 0, 0);
	STRTOL("-0x", 0, 0);

	/* Base 16 skips a "0x" prefix, even one without digits after it. */
	STRTOL("0x1f", 16, 31);
	STRTOL("0X1f", 16, 31);
	STRTOL("1f", 16, 31);
	STRTOL("DeadBeef", 16, 0xdeadbeef);
	STRTOL("-ff", 16, -255);
	STRTOL("-0xff", 16, -255);
	STRTOL("0x", 16, 0);
	STRTOL("0xg", 16, 0);
	STRTOL("0x0x5", 16, 0);
	STRTOL("1x5", 16, 1);
	STRTOL("0x-5", 16, 0);
	/* Other bases do not know the prefix. */
	STRTOL("0x1f", 8, 0);
	STRTOL("0x1f", 2, 0);

	STRTOL("777", 8, 511);
	STRTOL("789", 8, 7);
	STRTOL("-10", 8, -8);
	STRTOL("1011", 2, 11);
	STRTOL("102", 2, 2);
	STRTOL("0b101", 2, 0);
	STRTOL("-1011", 2, -11);

	/* Only 0-9a-fA-F are digits, whatever the base. */
	STRTOL("ff", 36, 15 * 36 + 15);
	STRTOL("FF", 36, 15 * 36 + 15);
	STRTOL("1z", 36, 1);
	STRTOL("zz", 36, 0);
	STRTOL("g", 17, 0);
	STRTOL("10", 20, 20);

	/* No base is rejected. */
	STRTOL("0", 1, 0);
	STRTOL("10", 1, 0);
	STRTOL("1", 1, 0);
	STRTOL("10", 37, 37);
	STRTOL("ff", 100, 15 * 100 + 15);
	/* The base is an unsigned int: -1 is 2^32 − 1, 2^32 is 0 (guess). */
	STRTOL("10", -1, 4294967295);
	STRTOL("11", -1, 4294967296);
	STRTOL("10", (INT64_C(1) << 32) + 16, 16);
	STRTOL("0x10", INT64_C(1) << 32, 16);
	STRTOL("010", INT64_C(1) << 32, 8);
	STRTOL("10", (INT64_C(1) << 32) + 1, 0);
	STRTOL("10", -4294967286, 10);

	/* 64 bits that wrap silently. */
	STRTOL("9223372036854775807", 10, INT64_MAX);
	STRTOL("9223372036854775808", 10, INT64_MIN);
	STRTOL("-9223372036854775807", 10, -INT64_MAX);
	STRTOL("-9223372036854775808", 10, INT64_MIN);
	STRTOL("-9223372036854775809", 10, INT64_MAX);
	STRTOL("18446744073709551615", 10, -1);
	STRTOL("18446744073709551616", 10, 0);
	STRTOL("18446744073709551617", 10, 1);
	STRTOL("-18446744073709551615", 10, 1);
	STRTOL("99999999999999999999", 10, INT64_C(7766279631452241919));
	STRTOL("ffffffffffffffff", 16, -1);
	STRTOL("1ffffffffffffffff", 16, -1);
	STRTOL("0x8000000000000000", 0, INT64_MIN);
	STRTOL("-0x8000000000000000", 0, INT64_MIN);
	STRTOL("1777777777777777777777", 8, -1);
	STRTOL("1111111111111111111111111111111111111111111111111111111111111111",
	       2, -1);
}

/* ---- text_str ---- */

/* How text_str shows the one-byte string {b}, from the rules alone. */
static void expected_byte(char *buf, unsigned b)
{
	static const char *shorts = "\a\b\f\n\r\t\v\"\\", *letters = "abfnrtv\"\\";
	const char *p = b ? strchr(shorts, (int)b) : NULL;

	if (p)
		sprintf(buf, "\\%c", letters[p - shorts]);
	else if (b >= 0x20 && b <= 0x7e)
		sprintf(buf, "%c", b);
	else
		sprintf(buf, "\\%03o", b);
}

static void test_text_bytes(void)
{
	unsigned b;
	char in[2], want[8];

	/* Every byte alone: a lone byte >= 0x80 is never well-formed UTF-8. */
	for (b = 1; b < 256; b++) {
		in[0] = (char)b;
		in[1] = '\0';
		expected_byte(want, b);
		TEXT(128, in, want);
	}
	/* Spot checks of the loop's expectations. */
	TEXT(128, "\x01", "\\001");
	TEXT(128, "\x1b[0m", "\\033[0m");
	TEXT(128, "\x7f", "\\177");
	TEXT(128, "\x80", "\\200");
	TEXT(128, "\xa0", "\\240");
	TEXT(128, "\xe9", "\\351");
	TEXT(128, "\xff", "\\377");
	TEXT(128, " ~'%`", " ~'%`");

	TEXT(128, "", "");
	TEXT(128, "hello, world", "hello, world");
	TEXT(128, "\a\b\f\n\r\t\v", "\\a\\b\\f\\n\\r\\t\\v");
	TEXT(128, "say \"hi\"", "say \\\"hi\\\"");
	TEXT(128, "C:\\dir", "C:\\\\dir");
	/* Octal escapes are always three digits, so a digit after one is not
	 * taken into it. */
	TEXT(128, "\x01" "2", "\\0012");
	TEXT(128, "a\x7f" "7", "a\\1777");
	/* A NUL ends the string. */
	TEXT(128, "ab\0cd", "ab");
}

static void test_text_utf8(void)
{
	/* Well-formed sequences, at the edges of each length. */
	TEXT(128, "\xc2\x80", "\\u0080");
	TEXT(128, "\xc3\xa9", "\\u00E9");
	TEXT(128, "caf\xc3\xa9!", "caf\\u00E9!");
	TEXT(128, "\xdf\xbf", "\\u07FF");
	TEXT(128, "\xe0\xa0\x80", "\\u0800");
	TEXT(128, "\xe2\x82\xac", "\\u20AC");
	TEXT(128, "\xed\x9f\xbf", "\\uD7FF");
	TEXT(128, "\xee\x80\x80", "\\uE000");
	TEXT(128, "\xef\xbf\xbf", "\\uFFFF");
	TEXT(128, "\xf0\x90\x80\x80", "\\U00010000");
	TEXT(128, "\xf0\x9f\x98\x80", "\\U0001F600");
	TEXT(128, "\xf4\x8f\xbf\xbf", "\\U0010FFFF");
	TEXT(128, "\xc3\xa9\xc3\xa9", "\\u00E9\\u00E9");

	/* Ill-formed: the first byte is shown in octal and decoding goes on
	 * at the next byte, which may start a good sequence. */
	TEXT(128, "\xc0\x80", "\\300\\200");            /* overlong NUL */
	TEXT(128, "\xc1\xbf", "\\301\\277");            /* overlong 0x7f */
	TEXT(128, "\xe0\x80\x80", "\\340\\200\\200");   /* overlong */
	TEXT(128, "\xe0\x9f\xbf", "\\340\\237\\277");   /* overlong 0x7ff */
	TEXT(128, "\xf0\x80\x80\x80", "\\360\\200\\200\\200");
	TEXT(128, "\xf0\x8f\xbf\xbf", "\\360\\217\\277\\277"); /* overlong 0xffff */
	TEXT(128, "\xed\xa0\x80", "\\355\\240\\200");   /* surrogate D800 */
	TEXT(128, "\xed\xbf\xbf", "\\355\\277\\277");   /* surrogate DFFF */
	TEXT(128, "\xf4\x90\x80\x80", "\\364\\220\\200\\200"); /* 0x110000 */
	TEXT(128, "\xf5\x80\x80\x80", "\\365\\200\\200\\200");
	TEXT(128, "\xf8\x88\x80\x80\x80", "\\370\\210\\200\\200\\200");
	TEXT(128, "\xfc\x84\x80\x80\x80\x80", "\\374\\204\\200\\200\\200\\200");
	TEXT(128, "\x80" "a", "\\200a");                /* lone continuation */
	TEXT(128, "\xbf\xbf", "\\277\\277");
	TEXT(128, "\xc3", "\\303");                     /* cut short by the end */
	TEXT(128, "\xe2\x82", "\\342\\202");
	TEXT(128, "\xf0\x9f\x98", "\\360\\237\\230");
	TEXT(128, "\xc3" "A", "\\303A");                /* bad continuation */
	TEXT(128, "\xe2\x82" "A", "\\342\\202A");
	TEXT(128, "\xc3\xc3\xa9", "\\303\\u00E9");
	TEXT(128, "a\xe2\x82\xc3\xa9", "a\\342\\202\\u00E9");
	TEXT(128, "\xe2\xc3\xa9\xac", "\\342\\u00E9\\254");
	/* A 2-byte lead then 0xe9 (not a continuation). */
	TEXT(128, "\xc3\xe9", "\\303\\351");
}

static void test_text_truncation(void)
{
	/* maxstringlen 8: 7 bytes.  A unit that does not fit whole ends the
	 * output there. */
	TEXT(8, "abcdefg", "abcdefg");
	TEXT(8, "abcdef\n", "abcdef");
	TEXT(8, "abcde\n", "abcde\\n");
	TEXT(8, "abc\x01", "abc\\001");
	TEXT(8, "abcd\x01", "abcd");
	TEXT(8, "ab\"cd", "ab\\\"cd");
	TEXT(8, "\xc3\xa9xyz", "\\u00E9x");
	TEXT(8, "a\xc3\xa9", "a\\u00E9");
	TEXT(8, "ab\xc3\xa9", "ab");
	TEXT(8, "a\xf0\x9f\x98\x80", "a");
	TEXT(8, "\xf0\x9f\x98\x80", "");
	/* Only maxstringlen − 1 bytes of the input are read. */
	TEXT(8, "abcdefghij", "abcdefg");
	TEXT(4, "abcdef", "abc");
	TEXT(2, "\n", "");
	TEXT(2, "ab", "a");
	TEXT(1, "abc", "");

	/* maxstringlen 16: 15 bytes.  After a unit that does not fit, nothing
	 * more is written, not even a character that would. */
	TEXT(16, "abcdefghijklm\x01n", "abcdefghijklm");
	TEXT(16, "abcdefghijkl\x01", "abcdefghijkl");
	TEXT(16, "abcdefghijk\x01", "abcdefghijk\\001");
	TEXT(16, "abcdefghijklmn\t", "abcdefghijklmn");
	TEXT(16, "\xc3\xa9\xc3\xa9\xc3\xa9", "\\u00E9\\u00E9");
	TEXT(16, "abcdef\xf0\x9f\x98\x80", "abcdef");
	TEXT(16, "abcde\xf0\x9f\x98\x80", "abcde\\U0001F600");
	TEXT(16, "\\\\\\\\\\\\\\\\", "\\\\\\\\\\\\\\\\\\\\\\\\\\\\");
	TEXT(16, "\\\\\\\\\\\\\\\\x", "\\\\\\\\\\\\\\\\\\\\\\\\\\\\");

	/* The default: 127 bytes. */
	{
		char in[128], want[128];

		memset(in, 'x', 127);
		in[127] = '\0';
		TEXT(128, in, in);
		memset(in, '\n', 127);
		memset(want, 0, sizeof(want));
		for (int i = 0; i < 63; i++)
			memcpy(want + 2 * i, "\\n", 2);
		TEXT(128, in, want);
	}
}

/* ---- text_strn ---- */

static void test_textn(void)
{
	/* Unquoted: len bytes; 0, MAXSTRINGLEN and beyond mean
	 * MAXSTRINGLEN − 1. */
	TEXTN(128, "abcdef", 3, 0, "abc");
	TEXTN(128, "ab\ncd", 3, 0, "ab");
	TEXTN(128, "ab\ncd", 4, 0, "ab\\n");
	TEXTN(128, "abcdef", 0, 0, "abcdef");
	TEXTN(128, "abcdef", -5, 0, "abcdef");
	TEXTN(128, "abcdef", INT64_MAX, 0, "abcdef");
	TEXTN(8, "abcdefg", 8, 0, "abcdefg");
	TEXTN(8, "abcdefg", 7, 0, "abcdefg");
	TEXTN(8, "abcdefg", 6, 0, "abcdef");
	TEXTN(1, "abc", 5, 0, "");
	/* quoted is an int: 2^32 is 0. */
	TEXTN(128, "abcdef", 3, INT64_C(1) << 32, "abc");

	/* Quoted: within max(len, 5) bytes, quotes included. */
	TEXTN(128, "", 0, 1, "\"\"");
	TEXTN(128, "abc", 0, 1, "\"abc\"");
	TEXTN(128, "a\tb", 0, 1, "\"a\\tb\"");
	TEXTN(128, "abc", 8, 1, "\"abc\"");
	TEXTN(128, "abcdef", 8, 1, "\"abcdef\"");
	TEXTN(128, "abcdefg", 8, 1, "\"abc\"...");
	TEXTN(128, "abcdefg", 8, -1, "\"abc\"...");
	TEXTN(128, "ab", 1, 1, "\"ab\"");
	TEXTN(128, "abc", 1, 1, "\"abc\"");
	TEXTN(128, "abcd", 1, 1, "\"\"...");
	TEXTN(128, "abcdef", 5, 1, "\"\"...");
	TEXTN(128, "abcdef", 6, 1, "\"a\"...");
	/* An escape the cut would split is dropped whole... */
	TEXTN(128, "ab\ncdef", 8, 1, "\"ab\"...");
	TEXTN(128, "ab\x01" "c", 8, 1, "\"ab\"...");
	TEXTN(128, "x\xc3\xa9yz", 10, 1, "\"x\"...");
	TEXTN(128, "\xc3\xa9\xc3\xa9xyz", 12, 1, "\"\\u00E9\"...");
	/* ...one it would not split stays... */
	TEXTN(128, "a\nbcdef", 8, 1, "\"a\\n\"...");
	TEXTN(128, "ab\x01", 8, 1, "\"ab\\001\"");
	/* ...and one that did not fit at all ends the text where it began. */
	TEXTN(128, "abc\x01", 8, 1, "\"abc\"...");
	TEXTN(128, "abcd\xc3\xa9", 8, 1, "\"abc\"...");
	TEXTN(128, "a\xf0\x9f\x98\x80", 8, 1, "\"a\"...");
	/* The cut lands where the budget ends, whatever was written. */
	TEXTN(128, "\n\n\n", 8, 1, "\"\\n\\n\\n\"");
	TEXTN(128, "\n\n\n\n", 8, 1, "\"\\n\"...");
	TEXTN(128, "a\n\n\n\n", 8, 1, "\"a\\n\"...");

	/* len 0 at maxstringlen 8: 7 bytes. */
	TEXTN(8, "abcde", 0, 1, "\"abcde\"");
	TEXTN(8, "abcdef", 0, 1, "\"ab\"...");
	TEXTN(16, "abcdefghijklmn", 0, 1, "\"abcdefghij\"...");
	TEXTN(16, "abcdefghi\x7f", 0, 1, "\"abcdefghi\\177\"");
	TEXTN(16, "abcdefghi\x7fz", 0, 1, "\"abcdefghi\"...");
	TEXTN(16, "abcdefgh\x7f", 0, 1, "\"abcdefgh\\177\"");
	TEXTN(16, "abcdefgh\x7fz", 0, 1, "\"abcdefgh\\177z\"");
	TEXTN(16, "abcdefgh\x7fzz", 0, 1, "\"abcdefgh\"...");

	/* Below maxstringlen 6 SystemTap's quoted result overruns its buffer;
	 * ours is cut to maxstringlen − 1 bytes. */
	TEXTN(5, "ab", 0, 1, "\"ab\"");
	TEXTN(5, "abcd", 0, 1, "\"\"..");
	TEXTN(4, "abcd", 0, 1, "\"ab");
	TEXTN(2, "a", 0, 1, "\"");
	TEXTN(1, "a", 0, 1, "");
}

/* ---- sprint ---- */

static void test_sprint(void)
{
	static const int64_t vals[] = {
		0, 1, -1, 42, -42, 1234567, -1234567, 123456789,
		INT64_MAX, INT64_MIN, INT64_MIN + 1,
	};
	static const size_t lens[] = { 1, 2, 8, 16, 128 };
	size_t i, j;

	SPRINT(128, 0, "0");
	SPRINT(128, -1, "-1");
	SPRINT(128, INT64_MAX, "9223372036854775807");
	SPRINT(128, INT64_MIN, "-9223372036854775808");
	SPRINT(8, 123456789, "1234567");
	SPRINT(8, -1234567, "-123456");
	SPRINT(8, 1234567, "1234567");
	SPRINT(2, -5, "-");
	SPRINT(1, 5, "");

	/* sprint(x) is sprintf("%d", x). */
	for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		for (j = 0; j < sizeof(lens) / sizeof(lens[0]); j++) {
			struct fmt f;
			struct fmt_error err;
			struct fmt_arg arg = fmt_long(vals[i]);
			struct strbuf sb = STRBUF_INIT;

			checks++;
			if (fmt_parse("%d", 2, &f, &err) != 0) {
				fail(__FILE__, __LINE__, "fmt_parse(\"%%d\"): %s", err.msg);
				return;
			}
			if (fmt_sprintf(&f, &arg, 1, lens[j], &sb) != 0) {
				fail(__FILE__, __LINE__, "fmt_sprintf failed");
			} else {
				arm();
				str_sprint_long(out, vals[i], lens[j]);
				if (contained(__LINE__, lens[j]) &&
				    strcmp(out, sb.buf ? sb.buf : "") != 0)
					fail(__FILE__, __LINE__, "sprint(%" PRId64 ") maxstringlen %zu:"
					     " got %s, sprintf gives %s", vals[i], lens[j],
					     show(out), show(sb.buf ? sb.buf : ""));
			}
			strbuf_free(&sb);
			fmt_free(&f);
		}
	}
}

/* ---- the host ABI ---- */

static void test_host_abi(void)
{
	char buf[8];

	CHECK(uscript_host_str_len("abc") == 3, "uscript_host_str_len");
	CHECK(uscript_host_str_isinstr("abc", "bc") == 1, "uscript_host_str_isinstr");
	CHECK(uscript_host_str_isinstr("abc", "cb") == 0, "uscript_host_str_isinstr");
	CHECK(uscript_host_str_strtol("-0x10", 0) == -16, "uscript_host_str_strtol");
	CHECK(uscript_host_str_strtol("10", -1) == 4294967295, "uscript_host_str_strtol");

	uscript_host_str_substr(buf, "abcdefghij", 1, 100, sizeof(buf));
	CHECK(strcmp(buf, "bcdefgh") == 0, "uscript_host_str_substr: %s", show(buf));
	uscript_host_str_text(buf, "a\tb\xc3\xa9", sizeof(buf));
	CHECK(strcmp(buf, "a\\tb") == 0, "uscript_host_str_text: %s", show(buf));
	uscript_host_str_sprint_long(buf, -123456789, sizeof(buf));
	CHECK(strcmp(buf, "-123456") == 0, "uscript_host_str_sprint_long: %s",
	      show(buf));
}

int main(void)
{
	test_len_isinstr();
	test_substr();
	test_strtol();
	test_text_bytes();
	test_text_utf8();
	test_text_truncation();
	test_textn();
	test_sprint();
	test_host_abi();

	return checks_done("test_strfuncs");
}
