/* SPDX-License-Identifier: GPL-2.0-or-later */
/* text.c — text_str in BPF programs.
 *
 * Host probes call the runtime's str_text (strfuncs.c); a BPF program
 * escapes the string itself, with the same rules (strfuncs.h).  A loop over
 * the bytes with the branches of UTF-8 decoding and escaping in its body
 * would have the verifier follow every path through every iteration, so
 * the body is a callback of bpf_loop instead, which the verifier checks
 * once: each call takes one character (1 to 4 bytes) and writes its escape.
 * The callback keeps all it knows in this CPU's scratch area, where it
 * finds it by a lookup of its own:
 *
 *   in    span + 8 bytes: the string
 *   out   span + 16 bytes: the result; an escape is at most 10 bytes
 *   i, o  the bytes of `in` taken and of `out` written
 *
 * span is the power of two above MAXSTRINGLEN, and every index is masked to
 * it, which is what the verifier needs to see. */
#include <linux/bpf.h>
#include <string.h>

#include "cg.h"

struct text_layout {
	uint32_t off;              /* of the whole, in scratch */
	uint32_t in, out, i, o;    /* offsets from off */
	/* text_strn: where the output ends, the first escape that ends in
	 * its last 3 bytes (and its length; -1 for none), and whether a
	 * character did not fit */
	uint32_t lim, esc, esc_len, trunc;
	uint32_t size;
	int64_t mask;
};

static struct text_layout layout_for(uint32_t cap)
{
	uint32_t span = 1;
	while (span <= cap)
		span *= 2;
	struct text_layout l = { .in = 0, .out = span + 8, .i = 2 * span + 24, .o = 2 * span + 32,
				 .lim = 2 * span + 40, .esc = 2 * span + 48,
				 .esc_len = 2 * span + 56, .trunc = 2 * span + 64,
				 .size = 2 * span + 72, .mask = span - 1 };
	return l;
}

static LLVMValueRef k(struct cg *cg, int64_t v)
{
	return cg_const(cg, v);
}

static LLVMValueRef byte_at(struct cg *cg, LLVMValueRef base, LLVMValueRef idx, int64_t mask)
{
	LLVMValueRef p = cg_gep(cg, base, LLVMBuildAnd(cg->b, cg_opaque(cg, idx), k(cg, mask), ""));
	return LLVMBuildZExt(cg->b, LLVMBuildLoad2(cg->b, cg->i8, p, ""), cg->i64, "");
}

static void put_byte(struct cg *cg, LLVMValueRef out, LLVMValueRef om, int at, LLVMValueRef c)
{
	LLVMBuildStore(cg->b, LLVMBuildTrunc(cg->b, c, cg->i8, ""),
		       cg_gep(cg, out, LLVMBuildAdd(cg->b, om, k(cg, at), "")));
}

static LLVMValueRef is(struct cg *cg, LLVMIntPredicate pred, LLVMValueRef a, int64_t b)
{
	return LLVMBuildICmp(cg->b, pred, a, k(cg, b), "");
}

/* ---- flags, 0 or 1, for values in [0, 2^62) ----
 * The bytes of the string are unknown to the verifier, and so is all that
 * is computed from them.  Tests of them made as branches would each double
 * the paths it follows through the callback, and the ways their outcomes
 * meet again in later tests keep it from merging the paths; as arithmetic
 * (cg_nonzero, cg_below, cg_choose), the callback has a handful of paths
 * whatever the string. */
static LLVMValueRef not_(struct cg *cg, LLVMValueRef f)
{
	return LLVMBuildXor(cg->b, f, k(cg, 1), "");
}

static LLVMValueRef and_(struct cg *cg, LLVMValueRef f, LLVMValueRef g)
{
	return LLVMBuildAnd(cg->b, f, g, "");
}

static LLVMValueRef or_(struct cg *cg, LLVMValueRef f, LLVMValueRef g)
{
	return LLVMBuildOr(cg->b, f, g, "");
}

static LLVMValueRef eq(struct cg *cg, LLVMValueRef a, int64_t c)
{
	return not_(cg, cg_nonzero(cg, LLVMBuildXor(cg->b, a, k(cg, c), "")));
}

static LLVMValueRef lt(struct cg *cg, LLVMValueRef a, int64_t c)
{
	return cg_below(cg, a, k(cg, c));
}

static LLVMValueRef le(struct cg *cg, LLVMValueRef a, int64_t c)
{
	return lt(cg, a, c + 1);
}

static LLVMValueRef choose(struct cg *cg, LLVMValueRef f, int64_t a, int64_t b)
{
	return cg_choose(cg, f, k(cg, a), k(cg, b));
}

/* f * m, for a flag f. */
static LLVMValueRef times(struct cg *cg, LLVMValueRef f, int64_t m)
{
	return LLVMBuildMul(cg->b, f, k(cg, m), "");
}

/* The character at in[i], of which `left` (at least 1) bytes may be read:
 * its code point and byte count, as strfuncs.c's utf8_decode finds them. */
static void decode(struct cg *cg, LLVMValueRef in, LLVMValueRef i, LLVMValueRef left,
		   int64_t mask, LLVMValueRef *c, LLVMValueRef *n)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef b0 = byte_at(cg, in, i, mask);
	LLVMValueRef two = eq(cg, LLVMBuildAnd(b, b0, k(cg, 0xE0), ""), 0xC0);
	LLVMValueRef three = eq(cg, LLVMBuildAnd(b, b0, k(cg, 0xF0), ""), 0xE0);
	LLVMValueRef four = eq(cg, LLVMBuildAnd(b, b0, k(cg, 0xF8), ""), 0xF0);
	/* At most one of the three is 1. */
	LLVMValueRef len = LLVMBuildAdd(b, LLVMBuildAdd(b, k(cg, 1), two, ""),
					LLVMBuildAdd(b, times(cg, three, 2), times(cg, four, 3), ""),
					"len");
	LLVMValueRef lead = LLVMBuildAdd(b, LLVMBuildAdd(b, times(cg, two, 0x1F),
							 times(cg, three, 0x0F), ""),
					 times(cg, four, 0x07), "");
	LLVMValueRef v = LLVMBuildAnd(b, b0, lead, "");
	/* The continuation bytes, all read: the NUL that ends the string is
	 * not a continuation, so what lies after it never counts, and the
	 * outcome is that of reading up to the first bad one. */
	LLVMValueRef ok = and_(cg, not_(cg, le(cg, len, 1)), not_(cg, cg_below(cg, left, len)));
	LLVMValueRef vs[5] = { NULL, NULL, v, NULL, NULL };
	for (int j = 1; j < 4; j++) {
		LLVMValueRef bj = byte_at(cg, in, LLVMBuildAdd(b, i, k(cg, j), ""), mask);
		LLVMValueRef cont = eq(cg, LLVMBuildAnd(b, bj, k(cg, 0xC0), ""), 0x80);
		/* byte j matters when len > j */
		ok = and_(cg, ok, or_(cg, cont, le(cg, len, j)));
		v = LLVMBuildOr(b, LLVMBuildShl(b, v, k(cg, 6), ""),
				LLVMBuildAnd(b, bj, k(cg, 0x3F), ""), "");
		vs[j + 1] = v;
	}
	v = cg_choose(cg, eq(cg, len, 2), vs[2], cg_choose(cg, eq(cg, len, 3), vs[3], vs[4]));
	/* Surrogates, values beyond Unicode and overlong forms are taken a
	 * byte at a time. */
	LLVMValueRef bad = or_(cg, and_(cg, not_(cg, lt(cg, v, 0xD800)), le(cg, v, 0xDFFF)),
			       not_(cg, le(cg, v, 0x10FFFF)));
	bad = or_(cg, bad, lt(cg, v, 0x80));
	bad = or_(cg, bad, and_(cg, eq(cg, len, 3), lt(cg, v, 0x800)));
	bad = or_(cg, bad, and_(cg, eq(cg, len, 4), lt(cg, v, 0x10000)));
	ok = and_(cg, ok, not_(cg, bad));
	*c = cg_choose(cg, ok, v, b0);
	*n = cg_choose(cg, ok, len, k(cg, 1));
}

/* The letter of C's short escape for each byte below 128, or 0. */
static LLVMValueRef letters(struct cg *cg)
{
	char t[128] = { 0 };
	t['\a'] = 'a';
	t['\b'] = 'b';
	t['\f'] = 'f';
	t['\n'] = 'n';
	t['\r'] = 'r';
	t['\t'] = 't';
	t['\v'] = 'v';
	t['"'] = '"';
	t['\\'] = '\\';
	return cg_const_bytes(cg, t, sizeof(t));
}

/* long step(index, ctx): one character of text_str (of text_strn, with
 * strn: up to the limit l->lim, noting what its end needs); 1 ends the
 * loop. */
static LLVMValueRef step_function(struct cg *cg, const struct text_layout *l, bool strn)
{
	uint32_t cap = cg->opts->maxstringlen;
	static const char *const names[] = { "index", "ctx" };
	struct cg_saved saved;
	LLVMValueRef fn = cg_callback_begin(cg, strn ? "text_strn_step" : "text_str_step", names,
					    2, &saved);
	LLVMBuilderRef b = cg->b;
	LLVMBasicBlockRef stop = cg_block(cg, "stop"), go = cg_block(cg, "go");
	LLVMValueRef base = cg_loop_scratch(cg);
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, base, ""), stop, go);
	LLVMPositionBuilderAtEnd(b, stop);
	LLVMBuildRet(b, k(cg, 1));

	LLVMPositionBuilderAtEnd(b, go);
	LLVMValueRef st = cg_field(cg, base, l->off);
	LLVMValueRef in = cg_field(cg, st, l->in), out = cg_field(cg, st, l->out);
	LLVMValueRef i = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, l->i), "i");
	LLVMValueRef o = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, l->o), "o");
	LLVMValueRef left = LLVMBuildSub(b, k(cg, cap - 1), i, "left");
	LLVMBasicBlockRef take = cg_block(cg, "take");
	LLVMBuildCondBr(b, is(cg, LLVMIntSLE, left, 0), stop, take);

	LLVMPositionBuilderAtEnd(b, take);
	LLVMValueRef c, n;
	decode(cg, in, i, left, l->mask, &c, &n);
	LLVMValueRef multi = not_(cg, le(cg, n, 1));
	LLVMValueRef plain = and_(cg, and_(cg, not_(cg, lt(cg, c, 0x20)), le(cg, c, 0x7E)),
				  and_(cg, not_(cg, eq(cg, c, '"')), not_(cg, eq(cg, c, '\\'))));
	LLVMValueRef letter = LLVMBuildZExt(b, LLVMBuildLoad2(b, cg->i8,
		cg_gep(cg, letters(cg), LLVMBuildAnd(b, c, k(cg, 127), "")), ""), cg->i64, "");
	LLVMValueRef has_letter = and_(cg, lt(cg, c, 128), cg_nonzero(cg, letter));
	LLVMValueRef small = le(cg, c, 0xFFFF);
	LLVMValueRef num = cg_choose(cg, multi, choose(cg, small, 6, 10),
				     cg_choose(cg, plain, k(cg, 1), choose(cg, has_letter, 2, 4)));
	/* The end of the string, or an escape that does not fit whole. */
	LLVMValueRef lim = strn ? LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, l->lim), "lim") :
		k(cg, cap - 1);
	LLVMValueRef room = LLVMBuildSub(b, lim, o, "room");
	LLVMValueRef done = or_(cg, eq(cg, c, 0), cg_below(cg, room, num));
	if (strn) {
		/* _stp_text_str's first escape that reaches into the last 3
		 * bytes, whether it fits or not: a cut there drops it whole */
		LLVMValueRef escp = cg_field(cg, st, l->esc), escl = cg_field(cg, st, l->esc_len);
		LLVMValueRef none = is(cg, LLVMIntSLT, LLVMBuildLoad2(b, cg->i64, escp, ""), 0);
		LLVMValueRef first = and_(cg, and_(cg, LLVMBuildZExt(b, none, cg->i64, ""),
						   not_(cg, le(cg, num, 1))),
					  cg_below(cg, room, LLVMBuildAdd(b, num, k(cg, 3), "")));
		/* not at the end, nor where no room is left at all */
		first = and_(cg, first, and_(cg, not_(cg, eq(cg, c, 0)),
					     cg_nonzero(cg, LLVMBuildSelect(b,
						is(cg, LLVMIntSGT, room, 0), room, k(cg, 0), ""))));
		LLVMValueRef f = is(cg, LLVMIntNE, first, 0);
		LLVMBuildStore(b, LLVMBuildSelect(b, f, o, LLVMBuildLoad2(b, cg->i64, escp, ""), ""),
			       escp);
		LLVMBuildStore(b, LLVMBuildSelect(b, f, num, LLVMBuildLoad2(b, cg->i64, escl, ""),
						  ""), escl);
		LLVMBuildStore(b, and_(cg, not_(cg, eq(cg, c, 0)), cg_below(cg, room, num)),
			       cg_field(cg, st, l->trunc));
	}
	done = is(cg, LLVMIntNE, done, 0);
	LLVMBasicBlockRef write = cg_block(cg, "write");
	LLVMBuildCondBr(b, done, stop, write);

	LLVMPositionBuilderAtEnd(b, write);
	LLVMValueRef om = LLVMBuildAnd(b, cg_opaque(cg, o), k(cg, l->mask), "om");
	LLVMBasicBlockRef w_multi = cg_block(cg, "w.utf8"), w_other = cg_block(cg, "w.byte"),
		w_plain = cg_block(cg, "w.plain"), w_esc = cg_block(cg, "w.esc"),
		w_letter = cg_block(cg, "w.letter"), w_octal = cg_block(cg, "w.octal"),
		next = cg_block(cg, "next");
	LLVMBuildCondBr(b, is(cg, LLVMIntNE, multi, 0), w_multi, w_other);

	/* \uXXXX or \UXXXXXXXX, upper-case hex; digits past the escape's own
	 * are overwritten by what follows */
	LLVMPositionBuilderAtEnd(b, w_multi);
	LLVMValueRef hex = cg_const_bytes(cg, "0123456789ABCDEF", 16);
	LLVMValueRef nd = choose(cg, small, 4, 8);
	put_byte(cg, out, om, 0, k(cg, '\\'));
	put_byte(cg, out, om, 1, choose(cg, small, 'u', 'U'));
	for (int d = 0; d < 8; d++) {
		LLVMValueRef sh = LLVMBuildShl(b, LLVMBuildAnd(b, LLVMBuildSub(b, nd, k(cg, d + 1), ""),
							       k(cg, 7), ""), k(cg, 2), "");
		LLVMValueRef nib = LLVMBuildAnd(b, LLVMBuildLShr(b, c, sh, ""), k(cg, 15), "");
		put_byte(cg, out, om, 2 + d, LLVMBuildZExt(b, LLVMBuildLoad2(b, cg->i8,
			cg_gep(cg, hex, nib), ""), cg->i64, ""));
	}
	LLVMBuildBr(b, next);

	LLVMPositionBuilderAtEnd(b, w_other);
	LLVMBuildCondBr(b, is(cg, LLVMIntNE, plain, 0), w_plain, w_esc);
	LLVMPositionBuilderAtEnd(b, w_plain);
	put_byte(cg, out, om, 0, c);
	LLVMBuildBr(b, next);
	LLVMPositionBuilderAtEnd(b, w_esc);
	put_byte(cg, out, om, 0, k(cg, '\\'));
	LLVMBuildCondBr(b, is(cg, LLVMIntNE, has_letter, 0), w_letter, w_octal);
	LLVMPositionBuilderAtEnd(b, w_letter);
	put_byte(cg, out, om, 1, letter);
	LLVMBuildBr(b, next);
	LLVMPositionBuilderAtEnd(b, w_octal);
	for (int d = 0; d < 3; d++) {
		LLVMValueRef digit = LLVMBuildAnd(b, LLVMBuildLShr(b, c, k(cg, 6 - 3 * d), ""),
						  k(cg, d == 0 ? 3 : 7), "");
		put_byte(cg, out, om, 1 + d, LLVMBuildAdd(b, digit, k(cg, '0'), ""));
	}
	LLVMBuildBr(b, next);

	LLVMPositionBuilderAtEnd(b, next);
	LLVMBuildStore(b, LLVMBuildAdd(b, i, n, ""), cg_field(cg, st, l->i));
	LLVMBuildStore(b, LLVMBuildAdd(b, o, num, ""), cg_field(cg, st, l->o));
	LLVMBuildRet(b, k(cg, 0));

	cg_callback_end(cg, &saved);
	return fn;
}

LLVMValueRef cg_text_str_inline(struct cg *cg, LLVMValueRef s)
{
	uint32_t cap = cg->opts->maxstringlen;
	struct text_layout l = layout_for(cap);
	l.off = cg_scratch_reserve(cg, l.size, true);
	LLVMValueRef st = cg_field(cg, cg_scratch_base(cg), l.off);
	LLVMValueRef in = cg_field(cg, st, l.in), out = cg_field(cg, st, l.out);
	cg->t->str_copy(cg, in, s, k(cg, cap));
	LLVMBuildStore(cg->b, k(cg, 0), cg_field(cg, st, l.i));
	LLVMBuildStore(cg->b, k(cg, 0), cg_field(cg, st, l.o));
	cg_bpf_loop(cg, cap - 1, step_function(cg, &l, false));
	LLVMValueRef o = LLVMBuildLoad2(cg->b, cg->i64, cg_field(cg, st, l.o), "");
	LLVMBuildStore(cg->b, LLVMConstInt(cg->i8, 0, 0),
		       cg_gep(cg, out, LLVMBuildAnd(cg->b, cg_opaque(cg, o), k(cg, l.mask), "")));
	return out;
}

/* Stores byte c at out[at & mask]. */
static void put_at(struct cg *cg, LLVMValueRef out, const struct text_layout *l,
		   LLVMValueRef at, int c)
{
	LLVMBuildStore(cg->b, LLVMConstInt(cg->i8, (unsigned)c, 0),
		       cg_gep(cg, out, LLVMBuildAnd(cg->b, cg_opaque(cg, at), k(cg, l->mask), "")));
}

/* text_strn as SystemTap's _stp_text_str makes it: the output within
 * outlen bytes (len clamped to [0, MAXSTRINGLEN]; 0 and the most mean
 * MAXSTRINGLEN - 1); quoted, within max(outlen, 5), and when a character
 * did not fit, cut 3 bytes before the end (or before an escape the cut
 * would split) for the closing quote and "...". */
LLVMValueRef cg_text_strn_inline(struct cg *cg, LLVMValueRef s, LLVMValueRef len,
				 LLVMValueRef quoted)
{
	LLVMBuilderRef b = cg->b;
	uint32_t cap = cg->opts->maxstringlen;
	struct text_layout l = layout_for(cap);
	l.off = cg_scratch_reserve(cg, l.size, true);
	LLVMValueRef st = cg_field(cg, cg_scratch_base(cg), l.off);
	LLVMValueRef in = cg_field(cg, st, l.in), out = cg_field(cg, st, l.out);
	cg->t->str_copy(cg, in, s, k(cg, cap));
	/* quoted reaches SystemTap's C as an int */
	LLVMValueRef q = LLVMBuildICmp(b, LLVMIntNE, LLVMBuildTrunc(b, quoted, cg->i32, ""),
				       LLVMConstInt(cg->i32, 0, 0), "");
	LLVMValueRef big = LLVMBuildOr(b, is(cg, LLVMIntSLE, len, 0),
				       is(cg, LLVMIntSGE, len, cap - 1), "");
	LLVMValueRef outlen = LLVMBuildSelect(b, big, k(cg, cap - 1), len, "outlen");
	/* quoted: max(outlen, 5) - 2 after the opening quote */
	LLVMValueRef qlen = LLVMBuildSub(b, LLVMBuildSelect(b, is(cg, LLVMIntSLT, outlen, 5),
							    k(cg, 5), outlen, ""), k(cg, 2), "");
	LLVMValueRef start = LLVMBuildZExt(b, q, cg->i64, "");
	LLVMBuildStore(b, LLVMConstInt(cg->i8, '"', 0), out);
	LLVMBuildStore(b, k(cg, 0), cg_field(cg, st, l.i));
	LLVMBuildStore(b, start, cg_field(cg, st, l.o));
	LLVMBuildStore(b, LLVMBuildAdd(b, start, LLVMBuildSelect(b, q, qlen, outlen, ""), ""),
		       cg_field(cg, st, l.lim));
	LLVMBuildStore(b, k(cg, -1), cg_field(cg, st, l.esc));
	LLVMBuildStore(b, k(cg, 0), cg_field(cg, st, l.esc_len));
	LLVMBuildStore(b, k(cg, 0), cg_field(cg, st, l.trunc));
	cg_bpf_loop(cg, cap - 1, step_function(cg, &l, true));
	LLVMValueRef o = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, l.o), "");
	LLVMValueRef lim = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, l.lim), "");
	LLVMValueRef esc = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, l.esc), "");
	LLVMValueRef esc_len = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, l.esc_len), "");
	LLVMValueRef trunc = is(cg, LLVMIntNE, LLVMBuildLoad2(b, cg->i64,
						cg_field(cg, st, l.trunc), ""), 0);
	LLVMValueRef end = cg_function_slot(cg, "textn.end", cg->i64, NULL);
	LLVMBuildStore(b, o, end);
	LLVMBasicBlockRef closing = cg_block(cg, "textn.quote"), cut = cg_block(cg, "textn.cut"),
		whole = cg_block(cg, "textn.whole"), done = cg_block(cg, "textn.done");
	LLVMBuildCondBr(b, q, closing, done);
	LLVMPositionBuilderAtEnd(b, closing);
	LLVMBuildCondBr(b, trunc, cut, whole);
	LLVMPositionBuilderAtEnd(b, cut);
	LLVMValueRef at = LLVMBuildSub(b, lim, k(cg, 3), "");
	LLVMValueRef split = LLVMBuildAnd(b, LLVMBuildAnd(b, is(cg, LLVMIntSGE, esc, 0),
				LLVMBuildICmp(b, LLVMIntSLT, esc, at, ""), ""),
			LLVMBuildICmp(b, LLVMIntSLT, at, LLVMBuildAdd(b, esc, esc_len, ""), ""), "");
	at = LLVMBuildSelect(b, split, esc, at, "");
	put_at(cg, out, &l, at, '"');
	for (int d = 1; d <= 3; d++)
		put_at(cg, out, &l, LLVMBuildAdd(b, at, k(cg, d), ""), '.');
	LLVMBuildStore(b, LLVMBuildAdd(b, at, k(cg, 4), ""), end);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, whole);
	put_at(cg, out, &l, o, '"');
	LLVMBuildStore(b, LLVMBuildAdd(b, o, k(cg, 1), ""), end);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
	put_at(cg, out, &l, LLVMBuildLoad2(b, cg->i64, end, ""), 0);
	/* Below a MAXSTRINGLEN of 6 a quoted result is longer than a string
	 * holds: cut, as strfuncs.h says. */
	if (cap < 6)
		put_at(cg, out, &l, k(cg, cap - 1), 0);
	return out;
}
