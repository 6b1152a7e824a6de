/* SPDX-License-Identifier: GPL-2.0-or-later */
/* format.c — sprintf in BPF programs: SystemTap's formatting as
 * generated code.
 *
 * Host probes hand sprintf to the runtime's formatter (runtime/format.c).
 * A BPF program formats by itself, and the verifier must be able to check
 * what it does.  The verifier walks every path through a program, so code
 * that branches on the values it formats — a room check for each byte, a
 * test for each digit — makes its work double with each branch, and a
 * format of a few fields exceeds its limit.  Here every field is
 * straight-line code: lengths, paddings and digit counts are computed with
 * arithmetic instead of comparisons, through values LLVM cannot see into
 * (cg_opaque) so that it does not turn them back into branches, and every
 * write is a copy of a computed length to a computed offset, both masked
 * so that the verifier knows they stay inside the buffer.
 *
 * The output follows runtime/format.c's sink and put_* functions exactly:
 * fields are written in order into MAXSTRINGLEN bytes and whatever does
 * not fit is dropped; a width or precision is clamped to the room left when
 * its field starts; a full buffer loses its last byte to the NUL, and a NUL
 * written earlier (%c of 0, %0s) ends the string there. */
#include <stdint.h>
#include <string.h>

#include "parse/arena.h"
#include "cg.h"
#include "parse/diag.h"
#include "format.h"

struct sp {
	struct cg *cg;
	LLVMValueRef buf;    /* 2 * span bytes */
	LLVMValueRef pos;    /* i64: the bytes produced so far, 0…cap */
	LLVMValueRef tmp;    /* a %s's copy, cap bytes; a %c's or a sign's byte */
	LLVMValueRef digits; /* a number's digits, right-aligned */
	uint32_t cap;        /* MAXSTRINGLEN */
	int64_t mask;        /* span − 1; span is the power of two above cap */
	LLVMValueRef spaces, zeros, nuls;  /* runs of span bytes, made when first needed */
};

enum { DIGITS = 24 };      /* enough for 2^64 − 1 in octal (22 digits) */

static LLVMValueRef k(struct sp *s, int64_t v)
{
	return cg_const(s->cg, v);
}

LLVMValueRef cg_const_bytes(struct cg *cg, const char *bytes, uint32_t n)
{
	LLVMValueRef init = LLVMConstStringInContext(cg->ctx, bytes, n, 1);
	/* LLVM makes one constant of equal bytes: an equal one made before
	 * has its global already. */
	for (LLVMValueRef g = LLVMGetFirstGlobal(cg->mod); g; g = LLVMGetNextGlobal(g)) {
		size_t len;
		const char *name = LLVMGetValueName2(g, &len);
		if (LLVMGetInitializer(g) == init && LLVMIsGlobalConstant(g) &&
		    len >= 8 && !memcmp(name, "fmt_data", 8))
			return g;
	}
	LLVMValueRef g = LLVMAddGlobal(cg->mod, LLVMTypeOf(init), "fmt_data");
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, 1);
	LLVMSetLinkage(g, LLVMPrivateLinkage);
	LLVMSetAlignment(g, 8);
	/* Not unnamed_addr in BPF: LLVM would put a C string or a constant of
	 * 4 to 32 bytes that may be merged in a section of mergeable data, a
	 * second ".rodata" beside the first, which libbpf loads as a map of
	 * its own. */
	if (cg->t->is_bpf)
		cg_bpf_rodata(cg, g, n);
	else
		LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
	return g;
}

/* A run of span bytes of c (' ', '0' or NUL): the source of paddings, one
 * of each for the whole format. */
static LLVMValueRef run_of(struct sp *s, char c)
{
	LLVMValueRef *run = c == ' ' ? &s->spaces : c == '0' ? &s->zeros : &s->nuls;
	if (!*run) {
		char *bytes = arena_alloc(s->cg->arena, (size_t)s->mask + 1);
		memset(bytes, c, (size_t)s->mask + 1);
		*run = cg_const_bytes(s->cg, bytes, (uint32_t)s->mask + 1);
	}
	return *run;
}

/* ---- arithmetic without branches, for values in [0, 2^62) ---- */

/* -1 when v < 0, else 0; opaque, or LLVM would make a select of what
 * uses it, and the BPF backend a branch of the select. */
static LLVMValueRef sign_mask(struct sp *s, LLVMValueRef v)
{
	return cg_opaque(s->cg, LLVMBuildAShr(s->cg->b, v, k(s, 63), ""));
}

static LLVMValueRef min_of(struct sp *s, LLVMValueRef a, LLVMValueRef b)
{
	LLVMBuilderRef bd = s->cg->b;
	LLVMValueRef d = LLVMBuildSub(bd, a, b, "");
	return LLVMBuildAdd(bd, b, LLVMBuildAnd(bd, d, sign_mask(s, d), ""), "");
}

/* max(v, 0). */
static LLVMValueRef at_least_0(struct sp *s, LLVMValueRef v)
{
	return LLVMBuildAnd(s->cg->b, v, LLVMBuildNot(s->cg->b, sign_mask(s, v), ""), "");
}

/* The operands are hidden from LLVM as well as the result: where it knows
 * their ranges, it recognises a comparison in the shift, and makes one. */
LLVMValueRef cg_nonzero(struct cg *cg, LLVMValueRef v)
{
	LLVMBuilderRef bd = cg->b;
	LLVMValueRef sum = LLVMBuildAdd(bd, cg_opaque(cg, v), cg_const(cg, INT64_MAX), "");
	return cg_opaque(cg, LLVMBuildLShr(bd, sum, cg_const(cg, 63), ""));
}

LLVMValueRef cg_below(struct cg *cg, LLVMValueRef a, LLVMValueRef b)
{
	LLVMValueRef d = cg_opaque(cg, LLVMBuildSub(cg->b, a, b, ""));
	return cg_opaque(cg, LLVMBuildLShr(cg->b, d, cg_const(cg, 63), ""));
}

LLVMValueRef cg_choose(struct cg *cg, LLVMValueRef flag, LLVMValueRef a, LLVMValueRef b)
{
	LLVMBuilderRef bd = cg->b;
	LLVMValueRef all = LLVMBuildSub(bd, cg_const(cg, 0), flag, "");
	return LLVMBuildXor(bd, b, LLVMBuildAnd(bd, LLVMBuildXor(bd, a, b, ""), all, ""), "");
}

static LLVMValueRef nonzero(struct sp *s, LLVMValueRef v)
{
	return cg_nonzero(s->cg, v);
}

static LLVMValueRef masked(struct sp *s, LLVMValueRef v)
{
	return LLVMBuildAnd(s->cg->b, cg_opaque(s->cg, v), k(s, s->mask), "");
}

/* ---- the sink ---- */

static LLVMValueRef room(struct sp *s)
{
	return LLVMBuildSub(s->cg->b, k(s, s->cap), s->pos, "room");
}

/* Appends len bytes from src, or as many as there is room for. */
static void put(struct sp *s, LLVMValueRef src, LLVMValueRef len)
{
	struct cg *cg = s->cg;
	if (LLVMIsAConstantInt(len) && LLVMConstIntGetZExtValue(len) == 0)
		return;
	LLVMValueRef n = masked(s, min_of(s, len, room(s)));
	cg->t->copy_n(cg, cg_gep(cg, s->buf, masked(s, s->pos)), src, n);
	s->pos = LLVMBuildAdd(cg->b, s->pos, n, "pos");
}

static void put_run(struct sp *s, char c, LLVMValueRef len)
{
	put(s, run_of(s, c), len);
}

/* A width or precision as its field uses it (runtime/format.c's resolve):
 * NULL for none; a '*' takes the argument's low 32 bits, and a negative one
 * is 0. */
static LLVMValueRef resolve(struct sp *s, int spec, struct expr **star)
{
	struct cg *cg = s->cg;
	LLVMValueRef v;
	if (spec == FMT_NONE)
		return NULL;
	if (spec == FMT_STAR) {
		v = LLVMBuildSExt(cg->b, LLVMBuildTrunc(cg->b, cg_expr(cg, *star), cg->i32, ""),
				  cg->i64, "");
		*star = (*star)->next;
		v = at_least_0(s, v);
	} else {
		v = k(s, spec);
	}
	return min_of(s, v, room(s));
}

/* The spaces that pad a field of `n` bytes to `width`. */
static LLVMValueRef padding(struct sp *s, LLVMValueRef width, LLVMValueRef n)
{
	return width ? at_least_0(s, LLVMBuildSub(s->cg->b, width, n, "")) : k(s, 0);
}

/* ---- the conversions ---- */

static void put_number(struct sp *s, const struct fmt_piece *p, LLVMValueRef v,
		       LLVMValueRef width, LLVMValueRef prec)
{
	struct cg *cg = s->cg;
	LLVMBuilderRef b = cg->b;
	int base = p->conv == 'o' ? 8 : strchr("xXp", p->conv) ? 16 : 10;
	bool left = p->flags & FMT_F_LEFT, zero = (p->flags & FMT_F_ZERO) && !left;
	bool is_signed = p->conv == 'd' || p->conv == 'i';
	LLVMValueRef signlen = k(s, 0), mag = v;

	if (is_signed) {
		/* the magnitude, INT64_MIN's too, as an unsigned number */
		LLVMValueRef neg = LLVMBuildLShr(b, v, k(s, 63), "neg");
		LLVMValueRef m = sign_mask(s, v);
		mag = LLVMBuildSub(b, LLVMBuildXor(b, v, m, ""), m, "mag");
		char other = p->flags & FMT_F_PLUS ? '+' : p->flags & FMT_F_SPACE ? ' ' : 0;
		/* the sign: '-' when negative, else `other` if any */
		LLVMValueRef c = LLVMBuildAdd(b, k(s, other),
					      LLVMBuildMul(b, neg, k(s, '-' - other), ""), "");
		LLVMBuildStore(b, LLVMBuildTrunc(b, c, cg->i8, ""), s->tmp);
		signlen = other ? k(s, 1) : neg;
	}
	const char *prefix = "";
	if (p->flags & FMT_F_ALT)
		prefix = base == 16 ? (p->conv == 'X' ? "0X" : "0x") : base == 8 ? "0" : "";

	/* The number's digits, ndig of them from src: decimal and hex by the
	 * kernel's formatter, octal (which it lacks) by shifts. */
	LLVMValueRef src = s->digits, ndig;
	if (base != 8) {
		const char *conv = base == 10 ? "%llu" : p->conv == 'X' ? "%llX" : "%llx";
		ndig = LLVMBuildSub(b, cg_bpf_snprintf(cg, s->digits, DIGITS, conv, mag), k(s, 1),
				    "ndig");
	} else {
		/* Every digit position is written, 0s included; the number's
		 * own digits are the last ndig of them, at least one. */
		LLVMValueRef q = mag;
		ndig = k(s, 1);
		for (int i = 0; i < 22; i++) {
			LLVMValueRef d = LLVMBuildAnd(b, q, k(s, 7), "");
			LLVMValueRef next = cg_opaque(cg, LLVMBuildLShr(b, q, k(s, 3), ""));
			LLVMBuildStore(b, LLVMBuildTrunc(b, LLVMBuildAdd(b, d, k(s, '0'), ""), cg->i8, ""),
				       cg_field(cg, s->digits, (uint32_t)(DIGITS - 1 - i)));
			if (i + 1 < 22)
				ndig = LLVMBuildAdd(b, ndig, nonzero(s, next), "ndig");
			q = next;
		}
		src = cg_gep(cg, s->digits, LLVMBuildSub(b, k(s, DIGITS), ndig, ""));
	}

	LLVMValueRef nzero = prec ? at_least_0(s, LLVMBuildSub(b, prec, ndig, "")) : k(s, 0);
	LLVMValueRef body = LLVMBuildAdd(b, LLVMBuildAdd(b, signlen, k(s, (int64_t)strlen(prefix)),
							 ""),
					 LLVMBuildAdd(b, nzero, ndig, ""), "body");
	LLVMValueRef pad = padding(s, width, body);

	if (!left && !zero)
		put_run(s, ' ', pad);
	if (is_signed)
		put(s, s->tmp, signlen);
	if (*prefix)
		put(s, cg_const_bytes(cg, prefix, (uint32_t)strlen(prefix)), k(s, (int64_t)strlen(prefix)));
	put_run(s, '0', zero ? LLVMBuildAdd(b, pad, nzero, "") : nzero);
	put(s, src, ndig);
	if (left)
		put_run(s, ' ', pad);
}

/* %#c's bytes for each c: a C character constant's escape where the
 * character is not printable ASCII or is a quote (runtime/format.c's
 * put_char).  Entry c is 8 bytes: the length, then the bytes. */
static LLVMValueRef escapes(struct sp *s)
{
	static const char letters[][2] = {
		{ '\a', 'a' }, { '\b', 'b' }, { '\f', 'f' }, { '\n', 'n' }, { '\r', 'r' },
		{ '\t', 't' }, { '\v', 'v' }, { '\'', '\'' }, { '\\', '\\' },
	};
	char t[256 * 8] = { 0 };
	for (int c = 0; c < 256; c++) {
		char *e = &t[c * 8];
		if (c >= 0x20 && c <= 0x7e && c != '\'' && c != '\\') {
			e[0] = 1;
			e[1] = (char)c;
			continue;
		}
		e[0] = 4;
		e[1] = '\\';
		e[2] = (char)('0' + (c >> 6));
		e[3] = (char)('0' + ((c >> 3) & 7));
		e[4] = (char)('0' + (c & 7));
		for (size_t i = 0; i < sizeof(letters) / sizeof(letters[0]); i++)
			if ((unsigned char)letters[i][0] == c) {
				e[0] = 2;
				e[2] = letters[i][1];
			}
	}
	return cg_const_bytes(s->cg, t, sizeof(t));
}

static void put_char(struct sp *s, const struct fmt_piece *p, LLVMValueRef v, LLVMValueRef width)
{
	struct cg *cg = s->cg;
	LLVMBuilderRef b = cg->b;
	LLVMValueRef src, n;
	if (p->flags & FMT_F_ALT) {
		LLVMValueRef entry = cg_gep(cg, escapes(s),
					    LLVMBuildMul(b, LLVMBuildAnd(b, v, k(s, 255), ""), k(s, 8), ""));
		n = LLVMBuildZExt(b, LLVMBuildLoad2(b, cg->i8, entry, ""), cg->i64, "");
		src = cg_field(cg, entry, 1);
	} else {
		LLVMBuildStore(b, LLVMBuildTrunc(b, v, cg->i8, ""), s->tmp);
		src = s->tmp;
		n = k(s, 1);
	}
	LLVMValueRef pad = padding(s, width, n);
	if (!(p->flags & FMT_F_LEFT))
		put_run(s, ' ', pad);
	put(s, src, n);
	if (p->flags & FMT_F_LEFT)
		put_run(s, ' ', pad);
}

static void put_string(struct sp *s, const struct fmt_piece *p, LLVMValueRef str,
		       LLVMValueRef width, LLVMValueRef prec)
{
	struct cg *cg = s->cg;
	/* its length, by copying it: at most cap − 1 bytes */
	LLVMValueRef n = LLVMBuildSub(cg->b, cg->t->str_copy(cg, s->tmp, str, k(s, s->cap)),
				      k(s, 1), "");
	if (prec)
		n = min_of(s, n, prec);
	LLVMValueRef pad = padding(s, width, n);
	if (!(p->flags & FMT_F_LEFT))
		put_run(s, ' ', pad);
	put(s, s->tmp, n);
	if (p->flags & FMT_F_LEFT)
		put_run(s, ' ', pad);
	if (p->flags & FMT_F_ZERO)
		put(s, cg->zeros, k(s, 1));
}

/* %b: the value's low bytes as they are in memory, 8 unless the
 * precision (or else the width) says 1, 2 or 4, in a width of NULs, as the
 * runtime's put_binary writes them.  The string ends at the first NUL, as
 * one SystemTap's sprintf makes does. */
static int binary_size(int n)
{
	return n == 1 || n == 2 || n == 4 || n == 8 ? n : -1;
}

static void put_binary(struct sp *s, const struct fmt_piece *p, LLVMValueRef v)
{
	int prec = binary_size(p->precision), width = p->width;
	if (width < 0) {
		width = prec < 0 ? 8 : prec;
		if (prec < 0)
			prec = 8;
	} else if (prec < 0) {
		prec = binary_size(width);
		if (prec < 0)
			prec = 8;
	}
	cg_store_at(s->cg, s->tmp, 0, v, s->cg->i64);
	bool left = p->flags & FMT_F_LEFT;
	if (!left && prec < width)
		put_run(s, '\0', k(s, width - prec));
	put(s, s->tmp, k(s, prec));
	if (left && prec < width)
		put_run(s, '\0', k(s, width - prec));
}

/* The bytes of %M as hex digits: a bpf_loop callback, a byte a call, from
 * the area at off (in: span bytes at 0, out: 2 * span at span). */
static LLVMValueRef hex_callback(struct sp *s, uint32_t off)
{
	struct cg *cg = s->cg;
	static const char *const names[] = { "index", "ctx" };
	struct cg_saved saved;
	LLVMValueRef digits = cg_const_bytes(cg, "0123456789abcdef", 16);
	LLVMValueRef fn = cg_callback_begin(cg, "sprintf_hex", names, 2, &saved);
	LLVMBuilderRef b = cg->b;
	LLVMBasicBlockRef stop = cg_block(cg, "stop"), go = cg_block(cg, "go");
	LLVMValueRef area = cg_loop_scratch(cg);
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, area, ""), stop, go);
	LLVMPositionBuilderAtEnd(b, stop);
	LLVMBuildRet(b, k(s, 1));
	LLVMPositionBuilderAtEnd(b, go);
	LLVMValueRef st = cg_field(cg, area, off);
	LLVMValueRef i = LLVMBuildAnd(b, LLVMBuildPtrToInt(b, LLVMGetParam(fn, 0), cg->i64, ""),
				      k(s, s->mask), "");
	LLVMValueRef c = LLVMBuildZExt(b, LLVMBuildLoad2(b, cg->i8, cg_gep(cg, st, cg_opaque(cg, i)),
							 ""), cg->i64, "");
	LLVMValueRef out = cg_field(cg, st, (uint32_t)s->mask + 1);
	LLVMValueRef at = LLVMBuildAnd(b, cg_opaque(cg, LLVMBuildShl(b, i, k(s, 1), "")),
				       k(s, 2 * s->mask), "");
	LLVMValueRef hi = LLVMBuildLoad2(b, cg->i8, cg_gep(cg, digits,
					 LLVMBuildAnd(b, cg_opaque(cg, LLVMBuildLShr(b, c, k(s, 4), "")),
						      k(s, 15), "")), "");
	LLVMValueRef lo = LLVMBuildLoad2(b, cg->i8, cg_gep(cg, digits,
					 LLVMBuildAnd(b, cg_opaque(cg, c), k(s, 15), "")), "");
	LLVMBuildStore(b, hi, cg_gep(cg, out, at));
	LLVMBuildStore(b, lo, cg_gep(cg, out, LLVMBuildAdd(b, at, k(s, 1), "")));
	LLVMBuildRet(b, k(s, 0));
	cg_callback_end(cg, &saved);
	return fn;
}

/* %m and %M of the address v, as the runtime's put_memory writes them:
 * the bytes read (the precision's count, else 1), raw or as two hex digits
 * each, in the width; the '0' flag adds a NUL.  Only what fits MAXSTRINGLEN
 * is converted. */
static void put_memory(struct sp *s, const struct fmt_piece *p, LLVMValueRef v,
		       LLVMValueRef width, LLVMValueRef prec, const struct loc *loc)
{
	struct cg *cg = s->cg;
	LLVMBuilderRef b = cg->b;
	LLVMValueRef mem = cg_read_memory(cg, p, v, p->precision == FMT_STAR ? prec : NULL, loc);
	LLVMValueRef n = min_of(s, LLVMBuildLoad2(b, cg->i64, mem, ""), k(s, s->cap));
	LLVMValueRef text = cg_field(cg, mem, 8), shown = n;
	if (p->conv == 'M') {
		uint32_t off = cg_scratch_reserve(cg, 3 * ((uint32_t)s->mask + 1), true);
		LLVMValueRef area = cg_scratch_base(cg), st = cg_field(cg, area, off);
		n = min_of(s, n, k(s, s->cap / 2 + 1));
		cg->t->copy_n(cg, st, text, masked(s, n));
		LLVMValueRef slot = cg_alloca(cg, cg->ptr, "hex.ctx");
		LLVMBuildStore(b, area, slot);
		cg_bpf_loop_n(cg, LLVMBuildTrunc(b, n, cg->i32, ""), hex_callback(s, off), slot);
		text = cg_field(cg, st, (uint32_t)s->mask + 1);
		shown = LLVMBuildShl(b, n, k(s, 1), "");
	}
	LLVMValueRef pad = padding(s, width, shown);
	if (!(p->flags & FMT_F_LEFT))
		put_run(s, ' ', pad);
	put(s, text, shown);
	if (p->flags & FMT_F_LEFT)
		put_run(s, ' ', pad);
	if (p->flags & FMT_F_ZERO)
		put_run(s, '\0', k(s, 1));
}

LLVMValueRef cg_sprintf_inline(struct cg *cg, struct expr *call)
{
	struct expr *fmt = call->args, *arg = fmt->next;
	struct fmt f;
	struct fmt_error err;
	uint32_t cap = cg->opts->maxstringlen, span = 1;
	if (fmt_parse(fmt->str, fmt->str_len, &f, &err) < 0)
		return cg_string_literal(cg, "", 0);   /* resolution reported it */
	while (span <= cap)
		span *= 2;
	struct sp s = {
		.cg = cg,
		.buf = cg_scratch(cg, 2 * span, true),
		.tmp = cg_scratch(cg, cap, true),
		.digits = cg_scratch(cg, DIGITS, true),
		.pos = cg_const(cg, 0),
		.cap = cap,
		.mask = span - 1,
	};
	for (size_t i = 0; i < f.npieces; i++) {
		const struct fmt_piece *p = &f.pieces[i];
		if (!p->conv) {
			const char *text = f.lits + p->lit;
			const char *nul = memchr(text, '\0', p->lit_len);
			size_t len = nul ? (size_t)(nul - text) : p->lit_len;
			if (len)
				put(&s, cg_string_literal(cg, text, len),
				    k(&s, len < cap ? (int64_t)len : cap));
			continue;
		}
		LLVMValueRef width = resolve(&s, p->width, &arg);
		LLVMValueRef prec = resolve(&s, p->precision, &arg);
		struct expr *value = arg;
		LLVMValueRef v = cg_expr(cg, arg);
		arg = arg->next;
		switch (p->conv) {
		case 'b':
			if (p->width == FMT_STAR || p->precision == FMT_STAR)
				diag_error(&fmt->loc, "sprintf's %%b in a process probe takes no '*': "
					   "its size is fixed when the script is compiled");
			else
				put_binary(&s, p, v);
			break;
		case 'm': case 'M':
			put_memory(&s, p, v, width, prec, &value->loc);
			break;
		case 's':
			put_string(&s, p, v, width, prec);
			break;
		case 'c':
			put_char(&s, p, v, width);
			break;
		default:
			put_number(&s, p, v, width, prec);
			break;
		}
	}
	fmt_free(&f);
	/* A full buffer's last byte gives way to the NUL. */
	LLVMValueRef full = cg_opaque(cg, LLVMBuildLShr(cg->b, LLVMBuildSub(cg->b,
			LLVMBuildXor(cg->b, s.pos, k(&s, cap), ""), k(&s, 1), ""), k(&s, 63), ""));
	LLVMValueRef end = LLVMBuildSub(cg->b, s.pos, full, "end");
	LLVMBuildStore(cg->b, LLVMConstInt(cg->i8, 0, 0), cg_gep(cg, s.buf, masked(&s, end)));
	return s.buf;
}
