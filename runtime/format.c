/* SPDX-License-Identifier: GPL-2.0-or-later */
/* format.c — see format.h.
 *
 * SystemTap parses a format in its translator (staptree.cxx,
 * print_format::string_to_components) and, by default, generates C code
 * for each distinct format that formats field by field with its runtime's
 * own helpers (runtime/vsprintf.c: number(), _stp_vsprint_char(),
 * _stp_vsprint_memory()).  That path, not C's printf, is what this file
 * reproduces.  Where the two disagree:
 *
 *   - A conversion has at most one flag.  "%-05d" is left-justified with
 *     width 5 (the 0 belongs to the width) and "%+05d" is not zero-padded;
 *     "%0-5d" and "%+-5d" are errors.
 *   - A single 'l' is the only length modifier: "%lld", "%hd", "%zu" are
 *     errors.
 *   - A '.' followed by neither digits nor '*' is ignored: "%.s" prints the
 *     whole string, "%.d" of 0 prints "0".
 *   - A number has at least one digit whatever the precision: "%.0d" of 0
 *     prints "0".  The '0' flag pads even when a precision is given:
 *     "%08.3d" of 5 prints "00000005".
 *   - '#' puts "0x", "0X" or "0" in front of the padding zeros and of the
 *     precision's zeros, also for 0: "%#x" of 0 prints "0x0", "%#o" of 0
 *     prints "00", "%#.3o" of 8 prints "0010".
 *   - '+' and ' ' change %d and %i only.
 *   - %p is %#x of the 64-bit value, with no default width: 0 prints "0x0".
 *   - %c prints the low byte of the value, a NUL byte included; "%#c"
 *     escapes it as C would quote it ("\n", "\'", "\001").
 *   - %s with the '0' flag pads with spaces and then prints a NUL byte.
 *   - A '*' argument is cut to 32 bits and a negative one counts as 0: a
 *     negative width does not left-justify, and a negative precision prints
 *     no characters of a string.
 *   - Widths and precisions are capped by the room left in the output, and
 *     one printf prints at most FMT_PRINT_MAX bytes; a width that does not
 *     fit therefore shifts what is cut (see struct sink).
 */
#include "format.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- parsing ---- */

static unsigned flag_bit(char c)
{
	switch (c) {
	case '-': return FMT_F_LEFT;
	case '0': return FMT_F_ZERO;
	case '+': return FMT_F_PLUS;
	case ' ': return FMT_F_SPACE;
	case '#': return FMT_F_ALT;
	}
	return 0;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Characters that may appear inside a conversion before its letter, as a
 * user might write them; used only to quote a bad conversion whole. */
static int is_spec_char(char c)
{
	return c && strchr("-+ #0123456789.*hlLqjzt", c) != NULL;
}

/* SystemTap reads a width or precision into a 32-bit unsigned number that
 * wraps, and later clamps it as an int to 0 or more; the outcome is the
 * same as this. */
static int read_number(const char *t, size_t len, size_t *i)
{
	uint32_t v = 0;

	while (*i < len && is_digit(t[*i]))
		v = v * 10 + (uint32_t)(t[(*i)++] - '0');
	return v > INT32_MAX ? 0 : (int)v;
}

/* Writes t[from, to) for a message: printable ASCII as it is, other bytes
 * as \xNN, and a long text cut with "...". */
static void quote(char *buf, size_t size, const char *t, size_t from, size_t to)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = 0, i;

	for (i = from; i < to; i++) {
		unsigned char c = (unsigned char)t[i];
		size_t w = c >= 0x20 && c < 0x7f ? 1 : 4;

		/* Always keep room for "..." and the NUL. */
		if (i - from == 24 || n + w + 4 > size) {
			memcpy(buf + n, "...", 3);
			n += 3;
			break;
		}
		if (w == 1) {
			buf[n++] = (char)c;
		} else {
			buf[n++] = '\\';
			buf[n++] = 'x';
			buf[n++] = hex[c >> 4];
			buf[n++] = hex[c & 15];
		}
	}
	buf[n] = '\0';
}

static void set_error(struct fmt_error *err, size_t offset, const char *what,
		      const char *spec, const char *tail, const char *note)
{
	err->offset = offset;
	err->arg = 0;
	snprintf(err->msg, sizeof(err->msg), "%s '%s'%s", what, spec, tail);
	snprintf(err->note, sizeof(err->note), "%s", note);
}

static int incomplete(const char *t, size_t len, size_t start,
		      struct fmt_error *err)
{
	char spec[40];

	quote(spec, sizeof(spec), t, start, len);
	set_error(err, start, "incomplete conversion", spec, " at end of format",
		  "a literal '%' is written '%%'");
	return -EINVAL;
}

/* The conversion starting at t[start] is wrong at t[bad]. */
static int invalid(const char *t, size_t len, size_t start, size_t bad,
		   const char *note, struct fmt_error *err)
{
	char spec[40];
	size_t end = bad;

	/* Quote what the user meant as one conversion: through a run of
	 * flags, digits and modifiers and the character after it, or else the
	 * character at fault.  A newline or a space after "%q" is the format's
	 * text, not part of the conversion. */
	if (is_spec_char(t[bad])) {
		while (end < len && is_spec_char(t[end]))
			end++;
		if (end < len && !isspace((unsigned char)t[end]))
			end++;
	} else if (end < len) {
		end++;
	}
	quote(spec, sizeof(spec), t, start, end);
	set_error(err, start, "invalid conversion", spec, "", note);
	return -EINVAL;
}

/* A hint for the letter at t[i], which is not a conversion. */
static const char *invalid_note(const char *t, size_t len, size_t i)
{
	char c = t[i];

	/* C's length modifiers, when a conversion letter follows them. */
	if (strchr("hlLqjzt", c) && i + 1 < len &&
	    strchr("hlLdiouxXcsp", t[i + 1]))
		return "SystemTap accepts a single 'l' and no other length modifier";
	if (strchr("eEfFgGaA", c))
		return "there are no floating-point values to print";
	if (flag_bit(c))
		return "flags go right after the '%'";
	return "expected one of d i u x X o c s p b m M, or '%%' for a literal '%'";
}

/* Parses the conversion whose '%' is t[*pos] into p and moves *pos past it.
 * Each step mirrors SystemTap's: one flag, a width, a precision, one 'l',
 * the letter. */
static int parse_conv(const char *t, size_t len, size_t *pos,
		      struct fmt_piece *p, struct fmt_error *err)
{
	size_t start = *pos, i = start + 1;
	unsigned fl;

	p->offset = start;
	p->width = FMT_NONE;
	p->precision = FMT_NONE;

	if (i == len)
		return incomplete(t, len, start, err);
	fl = flag_bit(t[i]);
	if (fl) {
		p->flags = (unsigned char)fl;
		i++;
		/* A '0' here is the first digit of the width. */
		if (i < len && t[i] != '0' && flag_bit(t[i]))
			return invalid(t, len, start, i,
				       "SystemTap allows one flag per conversion",
				       err);
	}

	if (i < len && t[i] == '*') {
		p->width = FMT_STAR;
		i++;
	} else if (i < len && is_digit(t[i])) {
		p->width = read_number(t, len, &i);
	}

	if (i < len && t[i] == '.') {
		i++;
		if (i < len && t[i] == '*') {
			p->precision = FMT_STAR;
			i++;
		} else if (i < len && is_digit(t[i])) {
			p->precision = read_number(t, len, &i);
		}
		/* Otherwise SystemTap drops the '.' without a word. */
	}

	if (i < len && t[i] == 'l')
		i++;
	if (i == len)
		return incomplete(t, len, start, err);

	switch (t[i]) {
	case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
	case 'c': case 's':
		break;
	case 'p':
		/* Since SystemTap 1.3, %p is %#x. */
		p->flags |= FMT_F_ALT;
		break;
	case 'b': case 'm': case 'M':
		break;
	default:
		return invalid(t, len, start, i, invalid_note(t, len, i), err);
	}
	p->conv = t[i];
	p->len = i + 1 - start;
	*pos = i + 1;
	return 0;
}

void fmt_free(struct fmt *f)
{
	free(f->text);
	free(f->lits);
	free(f->pieces);
	free(f->args);
	memset(f, 0, sizeof(*f));
}

static void add_arg(struct fmt *f, enum fmt_kind kind, enum fmt_role role)
{
	struct fmt_argspec *a = &f->args[f->nargs++];

	a->kind = kind;
	a->role = role;
	a->piece = f->npieces;
}

int fmt_parse(const char *text, size_t len, struct fmt *f, struct fmt_error *err)
{
	struct fmt_piece *lit = NULL;   /* the literal piece being extended */
	size_t npct = 0, nlit = 0, i;
	int has_pct_pct = 0;

	memset(f, 0, sizeof(*f));
	memset(err, 0, sizeof(*err));
	for (i = 0; i < len; i++)
		npct += text[i] == '%';

	/* Every conversion starts at a '%' and may be followed by a literal
	 * run, and takes at most three arguments. */
	f->text = malloc(len + 1);
	f->lits = malloc(len + 1);
	f->pieces = calloc(2 * npct + 1, sizeof(*f->pieces));
	f->args = calloc(3 * npct + 1, sizeof(*f->args));
	if (!f->text || !f->lits || !f->pieces || !f->args) {
		fmt_free(f);
		return -ENOMEM;
	}
	if (len)
		memcpy(f->text, text, len);
	f->text[len] = '\0';
	f->text_len = len;

	i = 0;
	while (i < len) {
		struct fmt_piece *p;
		int ret;

		if (text[i] != '%' || (i + 1 < len && text[i + 1] == '%')) {
			size_t n = text[i] == '%' ? 2 : 1;

			has_pct_pct |= n == 2;
			if (!lit) {
				lit = &f->pieces[f->npieces++];
				lit->offset = i;
				lit->lit = nlit;
				lit->width = FMT_NONE;
				lit->precision = FMT_NONE;
			}
			f->lits[nlit++] = text[i];
			lit->len += n;
			lit->lit_len++;
			i += n;
			continue;
		}

		lit = NULL;
		p = &f->pieces[f->npieces];
		ret = parse_conv(text, len, &i, p, err);
		if (ret) {
			fmt_free(f);
			return ret;
		}
		if (p->width == FMT_STAR)
			add_arg(f, FMT_LONG, FMT_ROLE_WIDTH);
		if (p->precision == FMT_STAR)
			add_arg(f, FMT_LONG, FMT_ROLE_PRECISION);
		add_arg(f, p->conv == 's' ? FMT_STRING : FMT_LONG, FMT_ROLE_VALUE);
		f->npieces++;
	}

	/* SystemTap prints these with _stp_print, bypassing its formatter
	 * and the formatter's size limit. */
	f->plain = (f->nargs == 0 && !has_pct_pct) ||
		   (len == 2 && text[0] == '%' && text[1] == 's');
	return 0;
}

/* ---- checking a call ---- */

const char *fmt_kind_name(enum fmt_kind k)
{
	return k == FMT_STRING ? "string" : "long";
}

size_t fmt_arg_kinds(const struct fmt *f, enum fmt_kind *kinds, size_t max)
{
	size_t i;

	for (i = 0; i < f->nargs && i < max; i++)
		kinds[i] = f->args[i].kind;
	return f->nargs;
}

/* "%5s", "the '*' width of %*d", "the '.*' precision of %.*s". */
static void describe_arg(char *buf, size_t size, const struct fmt *f,
			 const struct fmt_argspec *a)
{
	const struct fmt_piece *p = &f->pieces[a->piece];
	char spec[40];

	quote(spec, sizeof(spec), f->text, p->offset, p->offset + p->len);
	switch (a->role) {
	case FMT_ROLE_WIDTH:
		snprintf(buf, size, "the '*' width of %s", spec);
		break;
	case FMT_ROLE_PRECISION:
		snprintf(buf, size, "the '.*' precision of %s", spec);
		break;
	default:
		snprintf(buf, size, "%s", spec);
		break;
	}
}

int fmt_check_args(const struct fmt *f, const enum fmt_kind *kinds, size_t n,
		   struct fmt_error *err)
{
	char what[64];
	size_t i;

	memset(err, 0, sizeof(*err));
	if (n != f->nargs) {
		snprintf(err->msg, sizeof(err->msg),
			 "format expects %zu argument%s, got %zu",
			 f->nargs, f->nargs == 1 ? "" : "s", n);
		if (n < f->nargs) {
			err->arg = n;
			err->offset = f->pieces[f->args[n].piece].offset;
			describe_arg(what, sizeof(what), f, &f->args[n]);
			snprintf(err->note, sizeof(err->note),
				 "argument %zu would be for %s", n + 1, what);
		} else {
			err->arg = f->nargs;
		}
		return -EINVAL;
	}
	for (i = 0; i < n; i++) {
		const struct fmt_argspec *a = &f->args[i];

		if (kinds[i] == a->kind)
			continue;
		describe_arg(what, sizeof(what), f, a);
		err->arg = i;
		err->offset = f->pieces[a->piece].offset;
		snprintf(err->msg, sizeof(err->msg),
			 "format expects a %s for %s (argument %zu), got %s",
			 fmt_kind_name(a->kind), what, i + 1,
			 fmt_kind_name(kinds[i]));
		return -EINVAL;
	}
	return 0;
}

/* ---- output ---- */

/* Where formatted bytes go, modelled on SystemTap's output buffer: `cap`
 * bytes that are filled in order, with whatever does not fit dropped.  The
 * width and precision of a field are clamped to the room left when the
 * field starts (SystemTap's `end - str + 1`), so a right-justified field
 * that does not fit shows the start of its text after fewer spaces rather
 * than spaces alone.  With `clamp` set they are clamped to that instead,
 * which is how SystemTap sizes a printf before it writes it.  With no
 * strbuf, bytes are only counted. */
struct sink {
	struct strbuf *sb;
	size_t cap;       /* bytes the output may hold */
	size_t pos;       /* bytes produced so far */
	int clamp;        /* > 0: the fixed limit for widths and precisions */
	int err;
};

static void put(struct sink *s, const char *data, size_t n)
{
	if (n > s->cap - s->pos)
		n = s->cap - s->pos;
	if (s->sb && n && !s->err)
		s->err = strbuf_append(s->sb, data, n);
	s->pos += n;
}

static void put_run(struct sink *s, char c, size_t n)
{
	if (n > s->cap - s->pos)
		n = s->cap - s->pos;
	if (s->sb && n && !s->err)
		s->err = strbuf_pad(s->sb, c, n);
	s->pos += n;
}

static int field_limit(const struct sink *s)
{
	size_t room = s->cap - s->pos;

	if (s->clamp > 0)
		return s->clamp;
	return room > INT_MAX ? INT_MAX : (int)room;
}

/* A width or precision as the field will use it: FMT_NONE stays -1. */
static int resolve(const struct sink *s, int spec, int64_t star)
{
	int v, lim = field_limit(s);

	if (spec == FMT_NONE)
		return -1;
	if (spec == FMT_STAR)
		v = (int32_t)(uint32_t)(uint64_t)star;  /* SystemTap's (int) cast */
	else
		v = spec;
	if (v < 0)
		v = 0;
	return v > lim ? lim : v;
}

static void put_number(struct sink *s, const struct fmt_piece *p, int64_t value,
		       int width, int prec)
{
	static const char lower[] = "0123456789abcdef";
	static const char upper[] = "0123456789ABCDEF";
	const char *digits = p->conv == 'X' ? upper : lower;
	const char *prefix = "";
	unsigned base = 10;
	uint64_t v = (uint64_t)value;
	char buf[24], sign = 0;
	size_t ndig = 0, body, pad, nzero, plen;
	int left = p->flags & FMT_F_LEFT;
	int zero = (p->flags & FMT_F_ZERO) && !left;

	if (p->conv == 'x' || p->conv == 'X' || p->conv == 'p')
		base = 16;
	else if (p->conv == 'o')
		base = 8;

	if (p->conv == 'd' || p->conv == 'i') {
		if (value < 0) {
			sign = '-';
			v = 0 - v;   /* INT64_MIN's magnitude, without overflow */
		} else if (p->flags & FMT_F_PLUS) {
			sign = '+';
		} else if (p->flags & FMT_F_SPACE) {
			sign = ' ';
		}
	}
	if (p->flags & FMT_F_ALT) {
		if (base == 16)
			prefix = p->conv == 'X' ? "0X" : "0x";
		else if (base == 8)
			prefix = "0";
	}
	plen = strlen(prefix);

	/* The digits from the right, so they are put in one piece.  Base 10
	 * has its own loop: a division by a constant is a multiplication,
	 * several times quicker than a division by a variable. */
	if (base == 10) {
		do {
			buf[sizeof(buf) - ++ndig] = (char)('0' + v % 10);
			v /= 10;
		} while (v);
	} else {
		do {
			buf[sizeof(buf) - ++ndig] = digits[v % base];
			v /= base;
		} while (v);
	}

	nzero = prec > 0 && (size_t)prec > ndig ? (size_t)prec - ndig : 0;
	body = (sign != 0) + plen + nzero + ndig;
	pad = width > 0 && (size_t)width > body ? (size_t)width - body : 0;

	if (!left && !zero)
		put_run(s, ' ', pad);
	if (sign)
		put(s, &sign, 1);
	put(s, prefix, plen);
	if (zero)
		put_run(s, '0', pad);
	put_run(s, '0', nzero);
	put(s, buf + sizeof(buf) - ndig, ndig);
	if (left)
		put_run(s, ' ', pad);
}

/* The letter of C's escape for c, or 0 if C has none. */
static char escape_letter(unsigned char c)
{
	switch (c) {
	case '\a': return 'a';
	case '\b': return 'b';
	case '\f': return 'f';
	case '\n': return 'n';
	case '\r': return 'r';
	case '\t': return 't';
	case '\v': return 'v';
	case '\'': return '\'';
	case '\\': return '\\';
	}
	return 0;
}

/* %b: the value's low bytes in the machine's order, as SystemTap's
 * _stp_vsprint_binary writes them: 1, 2, 4 or 8 of them (the precision,
 * else the width if it is one of those, else 8), padded with NULs to the
 * width, on the left unless '-'. */
static int binary_size(int n)
{
	return n == 1 || n == 2 || n == 4 || n == 8 ? n : -1;
}

static void put_binary(struct sink *s, const struct fmt_piece *p, int64_t value,
		       int width, int prec)
{
	char bytes[8];

	prec = binary_size(prec);
	if (width < 0) {
		width = prec < 0 ? 8 : prec;
		if (prec < 0)
			prec = 8;
	} else if (prec < 0) {
		prec = binary_size(width);
		if (prec < 0)
			prec = 8;
	}
	memcpy(bytes, &value, sizeof(bytes));
	if (!(p->flags & FMT_F_LEFT) && prec < width)
		put_run(s, '\0', (size_t)(width - prec));
	put(s, bytes, (size_t)prec);
	if ((p->flags & FMT_F_LEFT) && prec < width)
		put_run(s, '\0', (size_t)(width - prec));
}

/* %m and %M, as SystemTap's _stp_vsprint_memory writes them: the bytes
 * (the precision's count, else 1) that the probe read at the address and
 * the argument carries (str, len), raw or as two hex digits each, in the
 * width; the '0' flag adds a NUL. */
static void put_memory(struct sink *s, const struct fmt_piece *p, const struct fmt_arg *a,
		       int width, int prec)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = prec > 0 ? (size_t)prec : 1, i;
	size_t shown;

	if (n > a->len)
		n = a->len;
	shown = p->conv == 'M' ? 2 * n : n;
	if (!(p->flags & FMT_F_LEFT) && width > 0 && shown < (size_t)width)
		put_run(s, ' ', (size_t)width - shown);
	if (p->conv == 'm') {
		put(s, a->str, n);
	} else {
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)a->str[i];
			char two[2] = { hex[c >> 4], hex[c & 15] };

			put(s, two, 2);
		}
	}
	if ((p->flags & FMT_F_LEFT) && width > 0 && shown < (size_t)width)
		put_run(s, ' ', (size_t)width - shown);
	if (p->flags & FMT_F_ZERO)
		put_run(s, '\0', 1);
}

static void put_char(struct sink *s, const struct fmt_piece *p, int64_t value,
		     int width)
{
	unsigned char c = (unsigned char)value;
	char out[4];
	size_t n = 0, pad;

	/* '#' quotes what is not printable ASCII, and the quote characters
	 * themselves, the way a C character constant would. */
	if ((p->flags & FMT_F_ALT) &&
	    (c < 0x20 || c > 0x7e || c == '\'' || c == '\\')) {
		char letter = escape_letter(c);

		out[n++] = '\\';
		if (letter) {
			out[n++] = letter;
		} else {
			out[n++] = (char)('0' + (c >> 6));
			out[n++] = (char)('0' + ((c >> 3) & 7));
			out[n++] = (char)('0' + (c & 7));
		}
	} else {
		out[n++] = (char)c;
	}

	pad = width > 0 && (size_t)width > n ? (size_t)width - n : 0;
	if (!(p->flags & FMT_F_LEFT))
		put_run(s, ' ', pad);
	put(s, out, n);
	if (p->flags & FMT_F_LEFT)
		put_run(s, ' ', pad);
}

static size_t str_len(const struct fmt_arg *a, size_t max)
{
	const char *nul;
	size_t n = a->str ? a->len : 0;

	if (n > max)
		n = max;
	nul = n ? memchr(a->str, '\0', n) : NULL;
	return nul ? (size_t)(nul - a->str) : n;
}

static void put_string(struct sink *s, const struct fmt_piece *p,
		       const struct fmt_arg *a, int width, int prec)
{
	/* SystemTap reads at most FMT_PRINT_MAX bytes of a string. */
	size_t n = str_len(a, prec < 0 || prec > FMT_PRINT_MAX ?
				      FMT_PRINT_MAX : (size_t)prec);
	size_t pad = width > 0 && (size_t)width > n ? (size_t)width - n : 0;

	if (!(p->flags & FMT_F_LEFT))
		put_run(s, ' ', pad);
	put(s, a->str, n);
	if (p->flags & FMT_F_LEFT)
		put_run(s, ' ', pad);
	/* SystemTap's string helper ends a zero-flagged string with a NUL,
	 * a leftover of its use for fixed-size binary output. */
	if (p->flags & FMT_F_ZERO)
		put(s, "", 1);
}

static void put_literal(struct sink *s, const struct fmt *f,
			const struct fmt_piece *p)
{
	const char *text = f->lits + p->lit;
	const char *nul = memchr(text, '\0', p->lit_len);

	/* SystemTap copies literal text as a C string. */
	put(s, text, nul ? (size_t)(nul - text) : p->lit_len);
}

static int args_fit(const struct fmt *f, const struct fmt_arg *args,
		    size_t nargs)
{
	size_t i;

	if (nargs != f->nargs)
		return 0;
	for (i = 0; i < nargs; i++)
		if (args[i].kind != f->args[i].kind)
			return 0;
	return 1;
}

static void emit(const struct fmt *f, const struct fmt_arg *args,
		 struct sink *s)
{
	size_t i, ai = 0;

	for (i = 0; i < f->npieces; i++) {
		const struct fmt_piece *p = &f->pieces[i];
		int width, prec;

		if (!p->conv) {
			put_literal(s, f, p);
			continue;
		}
		width = resolve(s, p->width,
				p->width == FMT_STAR ? args[ai++].num : 0);
		prec = resolve(s, p->precision,
			       p->precision == FMT_STAR ? args[ai++].num : 0);
		switch (p->conv) {
		case 's':
			put_string(s, p, &args[ai], width, prec);
			break;
		case 'c':
			put_char(s, p, args[ai].num, width);
			break;
		case 'b':
			put_binary(s, p, args[ai].num, width, prec);
			break;
		case 'm': case 'M':
			put_memory(s, p, &args[ai], width, prec);
			break;
		default:
			put_number(s, p, args[ai].num, width, prec);
			break;
		}
		ai++;
	}
}

int fmt_printf(const struct fmt *f, const struct fmt_arg *args, size_t nargs,
	       struct strbuf *out)
{
	size_t start = out->len;
	struct sink s = { out, SIZE_MAX, 0, 0, 0 };

	if (!args_fit(f, args, nargs))
		return -EINVAL;

	if (f->plain) {
		/* Literal text, or one string, printed as it is. */
		const struct fmt_piece *p = &f->pieces[0];

		if (f->npieces && p->conv == 's')
			put(&s, args[0].str, str_len(&args[0], SIZE_MAX));
		else if (f->npieces)
			put_literal(&s, f, p);
	} else {
		/* SystemTap measures the output first, with widths capped at
		 * its buffer size, then writes into exactly that much room.
		 * Output shorter than that room comes out the same from the
		 * measuring pass itself (no field is cut, and none is wider
		 * than what is left), so it is written as it is measured, and
		 * only longer output is written a second time. */
		struct sink measure = { out, SIZE_MAX, 0, FMT_PRINT_MAX, 0 };

		emit(f, args, &measure);
		if (measure.pos >= FMT_PRINT_MAX || measure.err) {
			strbuf_truncate(out, start);
			s.cap = measure.pos < FMT_PRINT_MAX ? measure.pos : FMT_PRINT_MAX;
			emit(f, args, &s);
		}
	}
	if (s.err)
		strbuf_truncate(out, start);
	return s.err;
}

int fmt_sprintf(const struct fmt *f, const struct fmt_arg *args, size_t nargs,
		size_t maxstringlen, struct strbuf *out)
{
	size_t start = out->len;
	struct sink s = { out, maxstringlen, 0, 0, 0 };
	const char *nul;

	if (!args_fit(f, args, nargs))
		return -EINVAL;
	if (maxstringlen == 0)
		return 0;

	emit(f, args, &s);
	if (s.err) {
		strbuf_truncate(out, start);
		return s.err;
	}
	/* A full buffer loses its last byte to the terminating NUL, and a NUL
	 * printed earlier ends the string there. */
	if (s.pos == maxstringlen)
		strbuf_truncate(out, start + maxstringlen - 1);
	nul = out->len > start ? memchr(out->buf + start, '\0', out->len - start)
			       : NULL;
	if (nul)
		strbuf_truncate(out, (size_t)(nul - out->buf));
	return 0;
}

/* ---- formats for print and friends ---- */

int fmt_print_format(struct strbuf *out, const enum fmt_kind *kinds, size_t n,
		     const char *delim, size_t delim_len, int newline)
{
	size_t start = out->len, i, k;
	int err = 0;

	for (i = 0; i < n && !err; i++) {
		for (k = 0; delim && i > 0 && k < delim_len && !err; k++) {
			if (delim[k] == '%')
				err = strbuf_putc(out, '%');
			if (!err)
				err = strbuf_putc(out, delim[k]);
		}
		if (!err)
			err = strbuf_puts(out, kinds[i] == FMT_STRING ? "%s" : "%d");
	}
	if (!err && newline)
		err = strbuf_putc(out, '\n');
	if (err)
		strbuf_truncate(out, start);
	return err;
}
