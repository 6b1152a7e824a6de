/* SPDX-License-Identifier: GPL-2.0-or-later */
/* strfuncs.c — the string functions, with SystemTap's results.
 *
 * SystemTap defines strlen, substr, isinstr and strtol in tapset/string.stp
 * as a few lines of kernel C each, so their edge cases are those of the C
 * they call: strlcpy for substr, strstr for isinstr, the kernel's
 * simple_strtol for strtol.  text_str and text_strn call _stp_text_str in
 * runtime/stp_string.c.  The code here is written from those definitions;
 * the header states the rules it follows. */
#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "strfuncs.h"

/* Reads 64 bits as a signed value, wrapping as the kernel does (it is
 * built with -fno-strict-overflow) without relying on C's
 * implementation-defined conversion. */
static int64_t wrap_s64(uint64_t v)
{
	if (v <= (uint64_t)INT64_MAX)
		return (int64_t)v;
	return -(int64_t)(~v) - 1;
}

size_t str_len(const char *s)
{
	return strlen(s);
}

void str_substr(char *dst, const char *s, int64_t start, int64_t length,
		size_t maxstringlen)
{
	/* SystemTap hands strlcpy a size of length + 1 clamped to
	 * [0, MAXSTRINGLEN]; strlcpy then copies at most size − 1 bytes. */
	int64_t size = wrap_s64((uint64_t)length + 1);
	size_t n = strlen(s), count;

	assert(maxstringlen >= 1);
	if (start < 0 || (uint64_t)start >= n || size <= 0) {
		dst[0] = '\0';
		return;
	}
	if ((uint64_t)size > maxstringlen)
		size = (int64_t)maxstringlen;
	count = n - (size_t)start;
	if (count > (size_t)size - 1)
		count = (size_t)size - 1;
	memmove(dst, s + start, count);
	dst[count] = '\0';
}

int str_isinstr(const char *s1, const char *s2)
{
	return strstr(s1, s2) != NULL;
}

/* The value of a digit as simple_strtol reads digits: only hex ones,
 * whatever the base; -1 for anything else. */
static int digit_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int is_hex_prefix(const unsigned char *p)
{
	return p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
}

int64_t str_strtol(const char *s, int64_t base64)
{
	const unsigned char *p = (const unsigned char *)s;
	/* The tapset passes its long to the kernel's unsigned int. */
	uint32_t base = (uint32_t)base64;
	uint64_t v = 0;
	int neg = 0, d;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (base == 0) {
		if (p[0] != '0')
			base = 10;
		else if (is_hex_prefix(p) && digit_value(p[2]) >= 0)
			base = 16;
		else
			base = 8;
	}
	if (base == 16 && is_hex_prefix(p))
		p += 2;
	while ((d = digit_value(*p)) >= 0 && (uint32_t)d < base) {
		v = v * base + (uint64_t)d;
		p++;
	}
	return wrap_s64(neg ? -v : v);
}

/* Decodes the UTF-8 sequence at p, of which `avail` bytes may be read (at
 * least 1), as _stp_decode_utf8 does: returns the bytes it takes, 2 to 4
 * with the code point in *c, or 1 with the byte itself in *c when p does
 * not start a well-formed sequence that fits.  Continuation bytes are read
 * one by one up to the first bad one, so a NUL ends the reading. */
static int utf8_decode(const unsigned char *p, size_t avail, uint32_t *c)
{
	uint32_t v;
	int n, i;

	if ((p[0] & 0xE0) == 0xC0 && avail >= 2) {
		n = 2;
		v = p[0] & 0x1F;
	} else if ((p[0] & 0xF0) == 0xE0 && avail >= 3) {
		n = 3;
		v = p[0] & 0x0F;
	} else if ((p[0] & 0xF8) == 0xF0 && avail >= 4) {
		n = 4;
		v = p[0] & 0x07;
	} else {
		goto one_byte;
	}
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			goto one_byte;
		v = v << 6 | (p[i] & 0x3F);
	}
	/* Surrogates, values beyond Unicode, and overlong forms (which could
	 * hide a NUL or a quote) are shown byte by byte instead. */
	if ((v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
		goto one_byte;
	if (v < 0x80 || (n == 3 && v < 0x800) || (n == 4 && v < 0x10000))
		goto one_byte;
	*c = v;
	return n;
one_byte:
	*c = p[0];
	return 1;
}

/* Writes how text_str shows c into unit (at most 10 bytes) and returns the
 * length; `multi` says c came from a multi-byte sequence. */
static size_t escape_unit(char *unit, uint32_t c, int multi)
{
	static const char hex[] = "0123456789ABCDEF";
	static const char shortesc[][2] = {
		{ '\a', 'a' }, { '\b', 'b' }, { '\f', 'f' }, { '\n', 'n' },
		{ '\r', 'r' }, { '\t', 't' }, { '\v', 'v' }, { '"', '"' },
		{ '\\', '\\' },
	};
	size_t i, ndigits;

	if (multi) {
		ndigits = c <= 0xFFFF ? 4 : 8;
		unit[0] = '\\';
		unit[1] = c <= 0xFFFF ? 'u' : 'U';
		for (i = 0; i < ndigits; i++)
			unit[2 + i] = hex[(c >> (4 * (ndigits - 1 - i))) & 0xF];
		return 2 + ndigits;
	}
	if (c >= 0x20 && c <= 0x7E && c != '"' && c != '\\') {
		unit[0] = (char)c;
		return 1;
	}
	unit[0] = '\\';
	for (i = 0; i < sizeof(shortesc) / sizeof(shortesc[0]); i++) {
		if ((uint32_t)(unsigned char)shortesc[i][0] == c) {
			unit[1] = shortesc[i][1];
			return 2;
		}
	}
	/* NUL never gets here (it ends the string), and "\0" would not do: a
	 * digit after it would read as part of an octal escape. */
	unit[1] = (char)('0' + ((c >> 6) & 3));
	unit[2] = (char)('0' + ((c >> 3) & 7));
	unit[3] = (char)('0' + (c & 7));
	return 4;
}

/* _stp_text_str on a string in script memory: `outlen` is the budget
 * without the NUL, at most maxstringlen − 1 (0 only when that is 0); `out`
 * has room for outlen + 1 bytes, or 6 if quoted.  It never fails here: its
 * "<unknown>" result is for memory that cannot be read. */
static void text_common(char *out, const char *s, size_t maxstringlen,
			size_t outlen, int quoted)
{
	const unsigned char *in = (const unsigned char *)s;
	size_t left = maxstringlen - 1;     /* bytes of s that may be read */
	size_t pos = 0, room = outlen;
	/* The first escape that reaches into the last three bytes of the
	 * budget: the only one a quoted cut can split. */
	size_t esc = 0, esc_len = 0;
	uint32_t c = 0;
	char unit[10];

	if (quoted) {
		room = (outlen > 5 ? outlen : 5) - 2;
		out[pos++] = '"';
	}
	while (left > 0) {
		int n = utf8_decode(in, left, &c);
		size_t num;

		if (c == 0 || room == 0)
			break;
		in += n;
		left -= (size_t)n;
		num = escape_unit(unit, c, n > 1);
		if (num > 1 && esc_len == 0 && room < num + 3) {
			esc = pos;
			esc_len = num;
		}
		if (room < num)
			break;
		memcpy(out + pos, unit, num);
		pos += num;
		room -= num;
	}
	if (quoted) {
		/* c is the character that did not fit, or 0 at the end of s.
		 * The cut leaves room for `"...` at the end of the budget:
		 * pos + room is always at least 4. */
		if (c != 0 && left > 0) {
			size_t cut = pos + room - 3;

			pos = esc_len && esc < cut && cut < esc + esc_len ? esc : cut;
			memcpy(out + pos, "\"...", 4);
			pos += 4;
		} else {
			out[pos++] = '"';
		}
	}
	out[pos] = '\0';
}

void str_text(char *dst, const char *s, size_t maxstringlen)
{
	assert(maxstringlen >= 1);
	text_common(dst, s, maxstringlen, maxstringlen - 1, 0);
}

void str_textn(char *dst, const char *s, int64_t len, int64_t quoted,
	       size_t maxstringlen)
{
	size_t outlen = maxstringlen - 1;
	char small[8];

	assert(maxstringlen >= 1);
	/* The tapset clamps len to [0, MAXSTRINGLEN], and _stp_text_str
	 * reads 0 and MAXSTRINGLEN alike as MAXSTRINGLEN − 1. */
	if (len > 0 && (uint64_t)len < maxstringlen - 1)
		outlen = (size_t)len;
	/* quoted reaches _stp_text_str as an int. */
	if ((uint32_t)quoted == 0 || maxstringlen >= 6) {
		text_common(dst, s, maxstringlen, outlen, (uint32_t)quoted != 0);
		return;
	}
	/* A quoted result takes at least 5 bytes, more than dst holds. */
	text_common(small, s, maxstringlen, outlen, 1);
	memcpy(dst, small, maxstringlen - 1);
	dst[maxstringlen - 1] = '\0';
}

void str_sprint_long(char *dst, int64_t v, size_t maxstringlen)
{
	assert(maxstringlen >= 1);
	snprintf(dst, maxstringlen, "%" PRId64, v);
}

int64_t uscript_host_str_len(const char *s)
{
	return (int64_t)str_len(s);
}

void uscript_host_str_substr(char *dst, const char *s, int64_t start, int64_t len,
			     int64_t maxstr)
{
	assert(maxstr >= 1);
	str_substr(dst, s, start, len, (size_t)maxstr);
}

int64_t uscript_host_str_isinstr(const char *s1, const char *s2)
{
	return str_isinstr(s1, s2);
}

int64_t uscript_host_str_strtol(const char *s, int64_t base)
{
	return str_strtol(s, base);
}

void uscript_host_str_textn(char *dst, const char *s, int64_t len, int64_t quoted,
			    int64_t maxstr)
{
	assert(maxstr >= 1);
	str_textn(dst, s, len, quoted, (size_t)maxstr);
}

void uscript_host_str_text(char *dst, const char *s, int64_t maxstr)
{
	assert(maxstr >= 1);
	str_text(dst, s, (size_t)maxstr);
}

void uscript_host_str_sprint_long(char *dst, int64_t v, int64_t maxstr)
{
	assert(maxstr >= 1);
	str_sprint_long(dst, v, (size_t)maxstr);
}

/* sprint_usyms() in SystemTap's tapset, where usymdata() names nothing:
 * tokenize(stk, " ") and " TOKEN : 0xADDR\n" for each, strtol(TOKEN, 16)
 * the address; a line that would take the text past maxstr bytes is left
 * out with the rest, and the text is cut to maxstr - 1 bytes. */
void uscript_host_sprint_ustack(char *dst, const char *stk, int64_t maxstr)
{
	size_t max = (size_t)maxstr, len = 0;
	char tok[4096], line[4200];

	assert(maxstr >= 1);
	dst[0] = '\0';
	while (*stk) {
		size_t n = strcspn(stk, " ");
		if (n == 0) {
			stk++;
			continue;
		}
		snprintf(tok, sizeof(tok), "%.*s", (int)n, stk);
		stk += n;
		int w = snprintf(line, sizeof(line), " %s : 0x%" PRIx64 "\n", tok,
				 (uint64_t)str_strtol(tok, 16));
		if (w < 0 || len + (size_t)w > max)
			break;
		size_t room = max - 1 - len < (size_t)w ? max - 1 - len : (size_t)w;
		memcpy(dst + len, line, room);
		len += room;
		dst[len] = '\0';
		if (room < (size_t)w)
			break;
	}
}
