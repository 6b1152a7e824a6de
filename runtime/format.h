/* SPDX-License-Identifier: GPL-2.0-or-later */
/* format.h — printf formats: parsed once, checked against a call's
 * arguments, and applied to argument values with the bytes SystemTap prints.
 *
 * The compiler parses each printf/sprintf format (and the formats that
 * fmt_print_format builds for print, println, printd, printdln, sprint),
 * reports a fmt_error at the format, and checks the call with
 * fmt_check_args.  The runtime parses the same text from the format table
 * and calls fmt_printf or fmt_sprintf for every record.  The grammar and the
 * output follow SystemTap's translator and runtime, not C's printf; format.c
 * lists where they differ.  Functions return 0 or a negative errno:
 * -EINVAL for a bad format or bad arguments, -ENOMEM. */
#ifndef USCRIPT_FORMAT_H
#define USCRIPT_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* The kinds of value a script passes to a format. */
enum fmt_kind { FMT_LONG, FMT_STRING };

/* What a conversion takes an argument for. */
enum fmt_role { FMT_ROLE_VALUE, FMT_ROLE_WIDTH, FMT_ROLE_PRECISION };

/* Flags of a conversion.  A format may give one flag per conversion;
 * %p always has FMT_F_ALT as well. */
#define FMT_F_LEFT  0x01   /* '-' */
#define FMT_F_ZERO  0x02   /* '0' */
#define FMT_F_PLUS  0x04   /* '+' */
#define FMT_F_SPACE 0x08   /* ' ' */
#define FMT_F_ALT   0x10   /* '#' */

/* Width and precision values that are not numbers. */
#define FMT_NONE (-1)      /* not given */
#define FMT_STAR (-2)      /* '*': the next argument */

/* One output at most this long, as SystemTap's print buffer
 * (STP_BUFFER_SIZE); a %s never prints more of its string than this. */
#define FMT_PRINT_MAX 8192

/* A literal run or one conversion.  `offset` and `len` locate it in the
 * format ("%%" counts two bytes); a literal's text, with "%%" folded to
 * "%", is fmt.lits[lit, lit + lit_len). */
struct fmt_piece {
	char conv;               /* 0: literal text; else d i u x X o c s p b m M */
	unsigned char flags;     /* FMT_F_* */
	int width;               /* FMT_NONE, FMT_STAR, or 0…INT32_MAX */
	int precision;           /* likewise */
	size_t offset, len;
	size_t lit, lit_len;
};

/* One argument the format takes, in call order. */
struct fmt_argspec {
	enum fmt_kind kind;      /* FMT_LONG but for the value of %s */
	enum fmt_role role;
	size_t piece;            /* the conversion that takes it */
};

struct fmt {
	char *text;              /* a copy of the format */
	size_t text_len;
	char *lits;              /* literal text of all the literal pieces */
	struct fmt_piece *pieces;
	size_t npieces;
	struct fmt_argspec *args;
	size_t nargs;
	int plain;               /* printed unformatted: see fmt_printf */
};

struct fmt_error {
	size_t offset;           /* byte in the format the error is about */
	size_t arg;              /* fmt_check_args: the argument, from 0 */
	char msg[160];           /* "invalid conversion '%q'" */
	char note[160];          /* a hint for after the error, or "" */
};

/* One argument value.  A string need not end in a NUL; a NUL ends it early,
 * as it would end a SystemTap string. */
struct fmt_arg {
	enum fmt_kind kind;
	int64_t num;
	const char *str;
	size_t len;
};

static inline struct fmt_arg fmt_long(int64_t v)
{
	struct fmt_arg a = { FMT_LONG, v, NULL, 0 };
	return a;
}

static inline struct fmt_arg fmt_str(const char *s, size_t len)
{
	struct fmt_arg a = { FMT_STRING, 0, s, len };
	return a;
}

/* Parses `len` bytes of `text` into *f, which fmt_free releases.  On
 * -EINVAL, *err says what is wrong and where, and *f holds nothing. */
int fmt_parse(const char *text, size_t len, struct fmt *f,
	      struct fmt_error *err);
void fmt_free(struct fmt *f);

/* The kinds of the arguments the format takes, in call order: fills
 * kinds[0, min(nargs, max)) and returns nargs.  f->args says more: which
 * conversion takes each one, and whether for its width, precision or value. */
size_t fmt_arg_kinds(const struct fmt *f, enum fmt_kind *kinds, size_t max);

/* Checks that `n` arguments of the given kinds fit the format: their number,
 * then each kind in order.  On -EINVAL, err->arg is the argument at fault
 * (for too few, the first one missing) and err->offset the conversion that
 * takes it, or 0 when there are too many. */
int fmt_check_args(const struct fmt *f, const enum fmt_kind *kinds, size_t n,
		   struct fmt_error *err);

/* Appends what printf prints: at most FMT_PRINT_MAX bytes, NULs included
 * (%c of 0, and %s with the '0' flag, print a NUL byte).  A plain format —
 * literal text without "%%", or "%s" alone — is printed whole, as SystemTap
 * prints it without its formatter. */
int fmt_printf(const struct fmt *f, const struct fmt_arg *args, size_t nargs,
	       struct strbuf *out);

/* Appends the string sprintf returns with strings of `maxstringlen` bytes:
 * at most maxstringlen − 1 bytes, ended early by the first NUL. */
int fmt_sprintf(const struct fmt *f, const struct fmt_arg *args, size_t nargs,
		size_t maxstringlen, struct strbuf *out);

/* Builds the format SystemTap uses for print, println, printd, printdln and
 * sprint: "%d" for each long and "%s" for each string, `delim` (with any '%'
 * doubled) between two of them, and a newline at the end if `newline`.
 * print(x) is printf("%d", x), printdln(",", 1, "a") is printf("%d,%s\n",
 * 1, "a"), println() prints "\n".  Pass delim NULL for none. */
int fmt_print_format(struct strbuf *out, const enum fmt_kind *kinds, size_t n,
		     const char *delim, size_t delim_len, int newline);

/* "long" or "string". */
const char *fmt_kind_name(enum fmt_kind k);

#endif
