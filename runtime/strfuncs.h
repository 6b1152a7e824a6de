/* SPDX-License-Identifier: GPL-2.0-or-later */
/* strfuncs.h — the string functions of the language: strlen, substr,
 * isinstr, strtol, text_str, text_strn and sprint of a long, with the
 * results SystemTap's tapset (tapset/string.stp) and runtime
 * (runtime/stp_string.c, the kernel's simple_strtol) give.
 *
 * Strings are NUL-terminated bytes.  `maxstringlen` is the script's
 * MAXSTRINGLEN (at least 1): a result is at most maxstringlen − 1 bytes
 * and a NUL, cut silently, and `dst` must have room for maxstringlen bytes.
 * Only str_substr accepts a dst that overlaps its input.
 *
 * The rules below are exact; code generated for BPF that computes the same
 * functions must follow them too (strfuncs.c explains where they come
 * from). */
#ifndef USCRIPT_STRFUNCS_H
#define USCRIPT_STRFUNCS_H

#include <stddef.h>
#include <stdint.h>

/* strlen(s). */
size_t str_len(const char *s);

/* substr(s, start, length): the bytes of s from `start`, at most `length`
 * of them.  "" unless 0 <= start < strlen(s).  The byte count is
 * length + 1 (wrapping: length = INT64_MAX gives ""), clamped to
 * [0, maxstringlen], less one; so a negative length gives "". */
void str_substr(char *dst, const char *s, int64_t start, int64_t length,
		size_t maxstringlen);

/* isinstr(s1, s2): 1 if s2 occurs in s1, else 0; "" occurs in anything. */
int str_isinstr(const char *s1, const char *s2);

/* strtol(s, base), the kernel's simple_strtol:
 * - base is taken modulo 2^32 (an unsigned int), so -1 is 4294967295
 *   and 2^32 + 16 is 16; no base is rejected;
 * - no whitespace is skipped and '+' is not a sign: " 5" and "+5" are 0;
 *   one leading '-' negates what follows ("--5" is 0);
 * - base 0: "0x" or "0X" followed by a hex digit means 16 (the prefix is
 *   skipped), else a leading '0' means 8, else 10;
 * - base 16 (given, or found by base 0): a leading "0x"/"0X" is skipped
 *   even with no hex digit after it;
 * - digits are only 0-9, a-f, A-F (so bases above 16 never see g-z); the
 *   number ends at the first byte that is not a digit or whose value is
 *   >= base (base 1 reads no digit but '0');
 * - the value accumulates in 64 unsigned bits, wrapping silently, and is
 *   negated and read as signed at the end (wrapping too). */
int64_t str_strtol(const char *s, int64_t base);

/* text_str(s): s with each byte that is not printable ASCII escaped.
 * Bytes 0x20–0x7e stay but for '"' and '\\', which become \" and \\;
 * 7 8 9 10 11 12 13 become \a \b \t \n \v \f \r; a well-formed UTF-8
 * sequence of 2–4 bytes becomes \uXXXX (code point <= 0xFFFF) or
 * \UXXXXXXXX, in upper-case hex; every other byte becomes \ooo, three
 * octal digits (0x7f is \177, 0xe9 is \351).  A sequence is ill-formed if
 * a continuation byte is not 10xxxxxx, if it encodes a surrogate, a value
 * above 0x10FFFF or a value shorter forms could encode, or if it would
 * reach past the first maxstringlen − 1 bytes of s; then only its first
 * byte is escaped, as \ooo, and decoding resumes at the next byte.  Only
 * those first maxstringlen − 1 bytes are read.  Output stops before the
 * first escape or character that does not fit whole in
 * maxstringlen − 1 bytes: nothing after it is written, even if it would
 * fit. */
void str_text(char *dst, const char *s, size_t maxstringlen);

/* text_strn(s, len, quoted): as text_str, in at most `len` bytes (len
 * clamped to [0, maxstringlen]; 0 or maxstringlen means
 * maxstringlen − 1).  If quoted (its low 32 bits nonzero) the result is in
 * double quotes, within max(len, 5) bytes; when s did not fit, it is cut
 * to leave room for the closing quote and "..." after it, and an escape
 * that the cut would split is dropped whole.  Below a maxstringlen of 6,
 * where SystemTap would write past its buffer, the quoted result is cut to
 * maxstringlen − 1 bytes. */
void str_textn(char *dst, const char *s, int64_t len, int64_t quoted,
	       size_t maxstringlen);

/* sprint(v) for a long: decimal, as sprintf("%d", v); cut like any
 * string.  (sprint of a string is the string, cut the same way.) */
void str_sprint_long(char *dst, int64_t v, size_t maxstringlen);

/* What code compiled for the host calls (hostabi.h lists the names).
 * `maxstr` is MAXSTRINGLEN and the size of dst. */
int64_t uscript_host_str_len(const char *s);
void uscript_host_str_substr(char *dst, const char *s, int64_t start, int64_t len,
			     int64_t maxstr);
int64_t uscript_host_str_isinstr(const char *s1, const char *s2);
int64_t uscript_host_str_strtol(const char *s, int64_t base);
void uscript_host_str_text(char *dst, const char *s, int64_t maxstr);
void uscript_host_str_textn(char *dst, const char *s, int64_t len, int64_t quoted,
			    int64_t maxstr);
void uscript_host_str_sprint_long(char *dst, int64_t v, int64_t maxstr);
void uscript_host_sprint_ustack(char *dst, const char *stk, int64_t maxstr);

#endif
