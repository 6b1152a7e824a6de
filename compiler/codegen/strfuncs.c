/* SPDX-License-Identifier: GPL-2.0-or-later */
/* strfuncs.c — strlen, substr, stringat, isinstr, strtol, sprint and
 * text_str.
 *
 * SystemTap defines these in C in its tapset (string.stp) and the kernel
 * (simple_strtol).  Here they are generated code, the same for BPF and the
 * host, with the same results; only text_str, which decodes UTF-8, is left
 * to the runtime in host probes, and has code of its own in BPF
 * (text.c).
 *
 * The loops are bounded by MAXSTRINGLEN, which the BPF verifier needs, and
 * every string read stays inside the MAXSTRINGLEN bytes a string value
 * points at (string.c). */
#include "parse/arena.h"
#include "format.h"
#include "cg.h"
#include "parse/diag.h"
#include "hostabi.h"

static LLVMValueRef byte_at(struct cg *cg, LLVMValueRef s, LLVMValueRef i)
{
	return LLVMBuildZExt(cg->b, LLVMBuildLoad2(cg->b, cg->i8, cg_gep(cg, s, i), ""),
			     cg->i64, "");
}

/* The length of a string value: copying it says. */
static LLVMValueRef length_of(struct cg *cg, LLVMValueRef s)
{
	LLVMValueRef tmp = cg_string_slot(cg, true);
	LLVMValueRef n = cg->t->str_copy(cg, tmp, s, cg_const(cg, cg->opts->maxstringlen));
	return LLVMBuildSub(cg->b, n, cg_const(cg, 1), "");
}

/* A loop `for (i = 0; i < bound; i++)` whose body the caller builds between
 * loop_begin and loop_end; `exit` is the block after the loop. */
struct loop {
	LLVMValueRef i;
	LLVMBasicBlockRef pre, head, body, next, exit;
};

static void loop_begin(struct cg *cg, struct loop *l, LLVMValueRef bound, const char *name)
{
	l->pre = LLVMGetInsertBlock(cg->b);
	l->head = cg_block(cg, name);
	l->body = cg_block(cg, "body");
	l->next = cg_block(cg, "next");
	l->exit = cg_block(cg, "exit");
	LLVMBuildBr(cg->b, l->head);
	LLVMPositionBuilderAtEnd(cg->b, l->head);
	l->i = LLVMBuildPhi(cg->b, cg->i64, "i");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, l->i, bound, ""), l->body, l->exit);
	LLVMPositionBuilderAtEnd(cg->b, l->body);
}

static void loop_end(struct cg *cg, struct loop *l)
{
	LLVMBuildBr(cg->b, l->next);
	LLVMPositionBuilderAtEnd(cg->b, l->next);
	LLVMValueRef i1 = LLVMBuildAdd(cg->b, l->i, cg_const(cg, 1), "");
	LLVMBuildBr(cg->b, l->head);
	LLVMValueRef vals[2] = { cg_const(cg, 0), i1 };
	LLVMBasicBlockRef blocks[2] = { l->pre, l->next };
	LLVMAddIncoming(l->i, vals, blocks, 2);
	LLVMPositionBuilderAtEnd(cg->b, l->exit);
}

static LLVMValueRef gen_strlen(struct cg *cg, struct expr *call)
{
	return length_of(cg, cg_expr(cg, call->args));
}

/* substr(s, start, length): "" unless 0 <= start < strlen(s); then at most
 * length bytes from start (strlcpy into length + 1, clamped to MAXSTRINGLEN). */
static LLVMValueRef gen_substr(struct cg *cg, struct expr *call)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef s = cg_expr(cg, call->args);
	LLVMValueRef start = cg_expr(cg, call->args->next);
	LLVMValueRef len = cg_expr(cg, call->args->next->next);
	uint32_t max = cg->opts->maxstringlen;
	LLVMValueRef dst = cg_string_slot(cg, true);
	LLVMBuildStore(b, LLVMConstInt(cg->i8, 0, 0), dst);
	LLVMValueRef n = length_of(cg, s);
	LLVMValueRef ok = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntSGE, start, cg_const(cg, 0), ""),
				       LLVMBuildICmp(b, LLVMIntSLT, start, n, ""), "");
	LLVMBasicBlockRef copy = cg_block(cg, "substr.copy"), done = cg_block(cg, "substr.done");
	LLVMBuildCondBr(b, ok, copy, done);
	LLVMPositionBuilderAtEnd(b, copy);
	LLVMValueRef size = LLVMBuildAdd(b, len, cg_const(cg, 1), "");
	size = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSLT, size, cg_const(cg, 0), ""),
			       cg_const(cg, 0), size, "");
	size = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntUGT, size, cg_const(cg, max), ""),
			       cg_const(cg, max), size, "");
	LLVMBasicBlockRef some = cg_block(cg, "substr.some");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, size, cg_const(cg, 0), ""), done, some);
	LLVMPositionBuilderAtEnd(b, some);
	cg->t->str_copy(cg, dst, cg_gep(cg, s, start), size);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
	return dst;
}

/* stringat(s, pos): the byte at pos, as a C char (signed, as SystemTap's
 * is on x86-64); SystemTap's error where pos is not inside the string.
 * One load: the tapset's loops over a string's bytes use it. */
static LLVMValueRef gen_stringat(struct cg *cg, struct expr *call)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef s = cg_expr(cg, call->args);
	LLVMValueRef pos = cg_expr(cg, call->args->next);
	LLVMValueRef n = length_of(cg, s);
	LLVMBasicBlockRef bad = cg_block(cg, "stringat.bad"), ok = cg_block(cg, "stringat.ok");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULT, pos, n, ""), ok, bad);
	LLVMPositionBuilderAtEnd(b, bad);
	cg_raise(cg, &call->loc, "Position out of bounds");
	LLVMBuildBr(b, ok);
	LLVMPositionBuilderAtEnd(b, ok);
	/* Within MAXSTRINGLEN for the verifier, whatever pos the error
	 * path left. */
	LLVMValueRef max = cg_const(cg, cg->opts->maxstringlen);
	pos = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntULT, pos, max, ""), pos,
			      cg_const(cg, 0), "");
	return LLVMBuildSExt(b, LLVMBuildLoad2(b, cg->i8, cg_gep(cg, s, pos), ""), cg->i64, "");
}

/* isinstr(s1, s2): whether s2 occurs in s1, as strstr finds it (so the
 * empty string is in every string).  s1 is copied into a slot twice
 * MAXSTRINGLEN long and zero beyond its end, so that comparing at any
 * position stays in memory the verifier knows. */
/* In BPF, with a needle that is not a literal (which LLVM cannot unroll
 * the inner loop for), each start is a turn of a bpf_loop callback, and
 * the verifier checks the comparison once instead of every pair of a
 * start and a byte.  With a literal, the unrolled search is three times
 * faster (0.13 against 0.42 us on 120 bytes), but the verifier's work for
 * it grows with MAXSTRINGLEN (4,600 instructions at 128, 89,000 at 1024),
 * so above 256 the callback does that too.  Its state, in scratch at off:
 *   at     the start to try
 *   n1     the haystack's length with its NUL
 *   found  1 once the needle is found
 *   hay    the haystack, in 2 * span bytes: a start and an offset into
 *          the needle stay inside, and the haystack's NUL, which no byte
 *          of the needle before its own NUL equals, ends every comparison
 *          before the bytes after it
 *   needle span bytes
 * span is the power of two at or above MAXSTRINGLEN. */
enum { IS_AT = 0, IS_N1 = 8, IS_FOUND = 16, IS_HAY = 24 };

static LLVMValueRef isinstr_step(struct cg *cg, uint32_t off, uint32_t span)
{
	static const char *const names[] = { "index", "ctx" };
	struct cg_saved saved;
	LLVMValueRef fn = cg_callback_begin(cg, "isinstr_step", names, 2, &saved);
	LLVMBuilderRef b = cg->b;
	uint32_t max = cg->opts->maxstringlen;
	LLVMBasicBlockRef stop = cg_block(cg, "stop"), go = cg_block(cg, "go"),
		start = cg_block(cg, "start"), found = cg_block(cg, "found"),
		differ = cg_block(cg, "differ");
	LLVMValueRef area = cg_loop_scratch(cg);
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, area, ""), stop, go);
	LLVMPositionBuilderAtEnd(b, stop);
	LLVMBuildRet(b, cg_const(cg, 1));

	LLVMPositionBuilderAtEnd(b, go);
	LLVMValueRef st = cg_field(cg, area, off);
	LLVMValueRef hay = cg_field(cg, st, IS_HAY), needle = cg_field(cg, st, IS_HAY + 2 * span);
	LLVMValueRef at = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, IS_AT), "at");
	LLVMValueRef n1 = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, IS_N1), "n1");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULT, at, n1, ""), start, stop);
	LLVMPositionBuilderAtEnd(b, start);
	LLVMValueRef base = LLVMBuildAnd(b, cg_opaque(cg, at), cg_const(cg, span - 1), "");
	struct loop k;
	loop_begin(cg, &k, cg_const(cg, max), "isinstr.k");
	LLVMValueRef c2 = byte_at(cg, needle, k.i);
	LLVMBasicBlockRef cmp = cg_block(cg, "cmp"), same = cg_block(cg, "same");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, c2, cg_const(cg, 0), ""), found, cmp);
	LLVMPositionBuilderAtEnd(b, cmp);
	LLVMValueRef c1 = byte_at(cg, hay, LLVMBuildAdd(b, base, k.i, ""));
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, c1, c2, ""), same, differ);
	LLVMPositionBuilderAtEnd(b, same);
	loop_end(cg, &k);
	/* the whole needle matched without its NUL: cannot be, it has one */
	LLVMBuildBr(b, found);
	LLVMPositionBuilderAtEnd(b, found);
	LLVMBuildStore(b, cg_const(cg, 1), cg_field(cg, st, IS_FOUND));
	LLVMBuildRet(b, cg_const(cg, 1));
	LLVMPositionBuilderAtEnd(b, differ);
	LLVMBuildStore(b, LLVMBuildAdd(b, at, cg_const(cg, 1), ""), cg_field(cg, st, IS_AT));
	LLVMBuildRet(b, cg_const(cg, 0));
	cg_callback_end(cg, &saved);
	return fn;
}

static LLVMValueRef isinstr_bpf(struct cg *cg, LLVMValueRef s1, LLVMValueRef s2)
{
	LLVMBuilderRef b = cg->b;
	uint32_t max = cg->opts->maxstringlen, span = 1;
	while (span < max)
		span <<= 1;
	uint32_t off = cg_scratch_reserve(cg, IS_HAY + 3 * span + 8, true);
	LLVMValueRef st = cg_field(cg, cg_scratch_base(cg), off);
	LLVMValueRef hay = cg_field(cg, st, IS_HAY), needle = cg_field(cg, st, IS_HAY + 2 * span);
	LLVMValueRef n1 = cg->t->str_copy(cg, hay, s1, cg_const(cg, max));
	cg->t->str_copy(cg, needle, s2, cg_const(cg, max));
	LLVMBuildStore(b, n1, cg_field(cg, st, IS_N1));
	LLVMBuildStore(b, cg_const(cg, 0), cg_field(cg, st, IS_AT));
	LLVMBuildStore(b, cg_const(cg, 0), cg_field(cg, st, IS_FOUND));
	cg_bpf_loop(cg, max, isinstr_step(cg, off, span));
	return LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, IS_FOUND), "");
}

static bool too_long_to_unroll(struct cg *cg)
{
	return cg->opts->maxstringlen > 256;
}

static LLVMValueRef gen_isinstr(struct cg *cg, struct expr *call)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef s1 = cg_expr(cg, call->args), s2 = cg_expr(cg, call->args->next);
	if (cg->t->is_bpf && (call->args->next->kind != EXPR_STR || too_long_to_unroll(cg)))
		return isinstr_bpf(cg, s1, s2);
	uint32_t max = cg->opts->maxstringlen;
	LLVMValueRef hay = cg_scratch(cg, 2 * max, true);
	cg->t->zero(cg, hay, 2 * max);
	LLVMValueRef n1 = cg->t->str_copy(cg, hay, s1, cg_const(cg, max));
	LLVMValueRef found = cg_alloca(cg, cg->i64, "found");
	LLVMBuildStore(b, cg_const(cg, 0), found);
	LLVMBasicBlockRef out = cg_block(cg, "isinstr.end");

	struct loop at;
	loop_begin(cg, &at, n1, "isinstr.at");  /* every start, the NUL included */
	struct loop k;
	loop_begin(cg, &k, cg_const(cg, max), "isinstr.k");
	LLVMValueRef c2 = byte_at(cg, s2, k.i);
	LLVMBasicBlockRef yes = cg_block(cg, "isinstr.yes"), cmp = cg_block(cg, "isinstr.cmp");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, c2, cg_const(cg, 0), ""), yes, cmp);
	LLVMPositionBuilderAtEnd(b, yes);
	LLVMBuildStore(b, cg_const(cg, 1), found);
	LLVMBuildBr(b, out);
	LLVMPositionBuilderAtEnd(b, cmp);
	LLVMValueRef c1 = byte_at(cg, hay, LLVMBuildAdd(b, at.i, k.i, ""));
	LLVMBasicBlockRef same = cg_block(cg, "isinstr.same");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, c1, c2, ""), same, k.exit);
	LLVMPositionBuilderAtEnd(b, same);
	loop_end(cg, &k);
	loop_end(cg, &at);
	LLVMBuildBr(b, out);
	LLVMPositionBuilderAtEnd(b, out);
	return LLVMBuildLoad2(b, cg->i64, found, "");
}

/* 1 when lo <= c <= hi, for a byte c. */
static LLVMValueRef between(struct cg *cg, LLVMValueRef c, int lo, int hi)
{
	LLVMValueRef above = cg_below(cg, cg_const(cg, lo - 1), c);
	return LLVMBuildAnd(cg->b, above, cg_below(cg, c, cg_const(cg, hi + 1)), "");
}

/* Whether the byte c is a digit below base, and its value.  The tests are
 * arithmetic (cg_below): as branches on a byte the verifier does not know,
 * they would multiply the paths it follows. */
static LLVMValueRef strtol_digit(struct cg *cg, LLVMValueRef c, LLVMValueRef base,
				 LLVMValueRef *val)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef lc = LLVMBuildOr(b, c, cg_const(cg, 0x20), "");
	LLVMValueRef digit = between(cg, c, '0', '9');
	LLVMValueRef letter = between(cg, lc, 'a', 'f');
	*val = cg_choose(cg, digit, LLVMBuildSub(b, c, cg_const(cg, '0'), ""),
			 LLVMBuildSub(b, lc, cg_const(cg, 'a' - 10), ""));
	LLVMValueRef good = LLVMBuildAnd(b, LLVMBuildOr(b, digit, letter, ""),
					 cg_below(cg, *val, base), "");
	return LLVMBuildICmp(b, LLVMIntNE, good, cg_const(cg, 0), "");
}

/* In BPF, the digits are taken by a bpf_loop callback, one a call, which
 * the verifier checks once instead of every turn of a loop.  Its state is
 * in this CPU's scratch area, where the verifier does not follow values
 * from one call to the next:
 *
 *   in    span + 8 bytes: the string
 *   pos   where the next digit is
 *   acc   the value so far
 *   base  the base, 2 to 36 or any other value the script gave
 *
 * span is the power of two above MAXSTRINGLEN; the index is masked to it. */
struct strtol_layout {
	uint32_t off, in, pos, acc, base, size;
	int64_t mask;
};

static LLVMValueRef strtol_step(struct cg *cg, const struct strtol_layout *l)
{
	static const char *const names[] = { "index", "ctx" };
	struct cg_saved saved;
	LLVMValueRef fn = cg_callback_begin(cg, "strtol_step", names, 2, &saved);
	LLVMBuilderRef b = cg->b;
	LLVMBasicBlockRef stop = cg_block(cg, "stop"), go = cg_block(cg, "go");
	LLVMValueRef area = cg_loop_scratch(cg);
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, area, ""), stop, go);
	LLVMPositionBuilderAtEnd(b, stop);
	LLVMBuildRet(b, cg_const(cg, 1));

	LLVMPositionBuilderAtEnd(b, go);
	LLVMValueRef st = cg_field(cg, area, l->off);
	LLVMValueRef pos = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, l->pos), "pos");
	LLVMBasicBlockRef read = cg_block(cg, "read");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntUGE, pos, cg_const(cg, cg->opts->maxstringlen),
					 ""), stop, read);
	LLVMPositionBuilderAtEnd(b, read);
	LLVMValueRef at = LLVMBuildAnd(b, cg_opaque(cg, pos), cg_const(cg, l->mask), "");
	LLVMValueRef base = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, l->base), "base");
	LLVMValueRef val, good = strtol_digit(cg, byte_at(cg, cg_field(cg, st, l->in), at), base,
					      &val);
	LLVMBasicBlockRef take = cg_block(cg, "take");
	LLVMBuildCondBr(b, good, take, stop);
	LLVMPositionBuilderAtEnd(b, take);
	LLVMValueRef acc = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, l->acc), "acc");
	LLVMBuildStore(b, LLVMBuildAdd(b, LLVMBuildMul(b, acc, base, ""), val, ""),
		       cg_field(cg, st, l->acc));
	LLVMBuildStore(b, LLVMBuildAdd(b, pos, cg_const(cg, 1), ""), cg_field(cg, st, l->pos));
	LLVMBuildRet(b, cg_const(cg, 0));
	cg_callback_end(cg, &saved);
	return fn;
}

static LLVMValueRef strtol_bpf(struct cg *cg, LLVMValueRef s, LLVMValueRef start,
			       LLVMValueRef base)
{
	LLVMBuilderRef b = cg->b;
	uint32_t cap = cg->opts->maxstringlen, span = 1;
	while (span <= cap)
		span *= 2;
	struct strtol_layout l = { .in = 0, .pos = span + 8, .acc = span + 16, .base = span + 24,
				   .size = span + 32, .mask = span - 1 };
	l.off = cg_scratch_reserve(cg, l.size, true);
	LLVMValueRef st = cg_field(cg, cg_scratch_base(cg), l.off);
	cg->t->str_copy(cg, cg_field(cg, st, l.in), s, cg_const(cg, cap));
	LLVMBuildStore(b, start, cg_field(cg, st, l.pos));
	LLVMBuildStore(b, cg_const(cg, 0), cg_field(cg, st, l.acc));
	LLVMBuildStore(b, base, cg_field(cg, st, l.base));
	cg_bpf_loop(cg, cap, strtol_step(cg, &l));
	return LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, l.acc), "");
}

/* strtol(s, base): the kernel's simple_strtol, which SystemTap calls: an
 * optional '-', base 0 meaning 16 after "0x" (with a hex digit after it),
 * 8 after "0", else 10; base 16 skipping a "0x"; digits 0-9 and a-f below
 * the base (unsigned 32 bits, as passed); no spaces, no '+', and overflow
 * wrapping. */
static LLVMValueRef gen_strtol(struct cg *cg, struct expr *call)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef s = cg_expr(cg, call->args);
	LLVMValueRef base = LLVMBuildAnd(b, cg_expr(cg, call->args->next),
					 cg_const(cg, 0xffffffff), "");
	LLVMValueRef zero = cg_const(cg, 0), one = cg_const(cg, 1);
	LLVMValueRef c0 = byte_at(cg, s, zero);
	LLVMValueRef neg = LLVMBuildICmp(b, LLVMIntEQ, c0, cg_const(cg, '-'), "");
	LLVMValueRef p = LLVMBuildZExt(b, neg, cg->i64, "");  /* where the digits start */
	LLVMValueRef d0 = byte_at(cg, s, p);
	LLVMValueRef d1 = byte_at(cg, s, LLVMBuildAdd(b, p, one, ""));
	LLVMValueRef d2 = byte_at(cg, s, LLVMBuildAdd(b, p, cg_const(cg, 2), ""));
	LLVMValueRef lower1 = LLVMBuildOr(b, d1, cg_const(cg, 0x20), "");
	LLVMValueRef lower2 = LLVMBuildOr(b, d2, cg_const(cg, 0x20), "");
	LLVMValueRef is0 = LLVMBuildICmp(b, LLVMIntEQ, d0, cg_const(cg, '0'), "");
	LLVMValueRef isx = LLVMBuildAnd(b, is0,
		LLVMBuildICmp(b, LLVMIntEQ, lower1, cg_const(cg, 'x'), ""), "");
	LLVMValueRef hex2 = LLVMBuildOr(b,
		LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntUGE, d2, cg_const(cg, '0'), ""),
			     LLVMBuildICmp(b, LLVMIntULE, d2, cg_const(cg, '9'), ""), ""),
		LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntUGE, lower2, cg_const(cg, 'a'), ""),
			     LLVMBuildICmp(b, LLVMIntULE, lower2, cg_const(cg, 'f'), ""), ""), "");
	LLVMValueRef auto_base = LLVMBuildSelect(b, LLVMBuildAnd(b, isx, hex2, ""), cg_const(cg, 16),
		LLVMBuildSelect(b, is0, cg_const(cg, 8), cg_const(cg, 10), ""), "");
	base = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ, base, zero, ""), auto_base, base, "");
	LLVMValueRef skip = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntEQ, base, cg_const(cg, 16), ""),
					 isx, "");
	p = LLVMBuildAdd(b, p, LLVMBuildSelect(b, skip, cg_const(cg, 2), zero, ""), "");

	LLVMValueRef result;
	if (cg->t->is_bpf) {
		result = strtol_bpf(cg, s, p, base);
	} else {
		LLVMValueRef acc = cg_alloca(cg, cg->i64, "strtol");
		LLVMBuildStore(b, zero, acc);
		struct loop l;
		loop_begin(cg, &l, cg_const(cg, cg->opts->maxstringlen), "strtol.digit");
		LLVMValueRef pos = LLVMBuildAdd(b, p, l.i, "");
		LLVMValueRef inside = LLVMBuildICmp(b, LLVMIntULT, pos,
						    cg_const(cg, cg->opts->maxstringlen), "");
		LLVMBasicBlockRef read = cg_block(cg, "strtol.read");
		LLVMBuildCondBr(b, inside, read, l.exit);
		LLVMPositionBuilderAtEnd(b, read);
		LLVMValueRef val, good = strtol_digit(cg, byte_at(cg, s, pos), base, &val);
		LLVMBasicBlockRef take = cg_block(cg, "strtol.take");
		LLVMBuildCondBr(b, good, take, l.exit);
		LLVMPositionBuilderAtEnd(b, take);
		LLVMValueRef r = LLVMBuildLoad2(b, cg->i64, acc, "");
		LLVMBuildStore(b, LLVMBuildAdd(b, LLVMBuildMul(b, r, base, ""), val, ""), acc);
		loop_end(cg, &l);
		result = LLVMBuildLoad2(b, cg->i64, acc, "");
	}
	return LLVMBuildSelect(b, neg, LLVMBuildNeg(b, result, ""), result, "");
}

/* sprint(a, b, …), sprintln, sprintd(delim, …) and sprintdln: the text
 * print, println, printd and printdln would print, as sprintf makes it
 * from the format they would use (SystemTap's print family). */
static LLVMValueRef gen_sprint_list(struct cg *cg, struct expr *call)
{
	enum builtin_id id = (enum builtin_id)call->builtin->id;
	bool delimited = id == BI_sprintd || id == BI_sprintdln;
	struct expr *delim = delimited ? call->args : NULL;
	struct expr *vals = delimited ? call->args->next : call->args;
	int n = ast_count(vals), i = 0;
	enum fmt_kind *kinds = arena_alloc(cg->arena, ((size_t)n + 1) * sizeof(*kinds));
	for (struct expr *v = vals; v; v = v->next)
		kinds[i++] = v->type == TYPE_STRING ? FMT_STRING : FMT_LONG;
	struct strbuf sb = { 0 };
	fmt_print_format(&sb, kinds, (size_t)n, delim ? delim->str : NULL,
			 delim ? delim->str_len : 0, id == BI_sprintln || id == BI_sprintdln);
	struct expr *fmt = arena_alloc(cg->arena, sizeof(*fmt));
	fmt->kind = EXPR_STR;
	fmt->loc = call->loc;
	fmt->type = TYPE_STRING;
	fmt->str = arena_strndup(cg->arena, sb.buf ? sb.buf : "", sb.len);
	fmt->str_len = sb.len;
	fmt->next = vals;
	strbuf_free(&sb);
	struct expr as_sprintf = *call;
	as_sprintf.args = fmt;
	return cg_sprintf(cg, &as_sprintf);
}

/* sprint(x): a string as it is, a long in decimal. */
static LLVMValueRef gen_sprint(struct cg *cg, struct expr *call)
{
	LLVMBuilderRef b = cg->b;
	if (call->args->kind == EXPR_STAT)
		return cg_sprint_hist(cg, call->args, &call->loc);
	LLVMValueRef v = cg_expr(cg, call->args);
	LLVMValueRef dst = cg_string_slot(cg, true);
	if (call->args->type == TYPE_STRING) {
		cg_string_store(cg, dst, v);
		return dst;
	}
	/* Digits from the right, in a buffer of 24: 19 digits, a sign, a NUL. */
	LLVMValueRef buf = cg_scratch(cg, 24, true);
	LLVMValueRef neg = LLVMBuildICmp(b, LLVMIntSLT, v, cg_const(cg, 0), "");
	LLVMValueRef u = cg_alloca(cg, cg->i64, "u"), at = cg_alloca(cg, cg->i64, "at");
	LLVMBuildStore(b, LLVMBuildSelect(b, neg, LLVMBuildNeg(b, v, ""), v, ""), u);
	LLVMBuildStore(b, cg_const(cg, 23), at);
	cg_store_at(cg, buf, 23, LLVMConstInt(cg->i8, 0, 0), cg->i8);
	struct loop l;
	loop_begin(cg, &l, cg_const(cg, 20), "sprint.digit");
	LLVMValueRef x = LLVMBuildLoad2(b, cg->i64, u, "");
	LLVMValueRef i = LLVMBuildSub(b, LLVMBuildLoad2(b, cg->i64, at, ""), cg_const(cg, 1), "");
	LLVMBuildStore(b, i, at);
	LLVMValueRef d = LLVMBuildURem(b, x, cg_const(cg, 10), "");
	LLVMBuildStore(b, LLVMBuildTrunc(b, LLVMBuildAdd(b, d, cg_const(cg, '0'), ""), cg->i8, ""),
		       cg_gep(cg, buf, LLVMBuildAnd(b, i, cg_const(cg, 31), "")));
	LLVMValueRef rest = LLVMBuildUDiv(b, x, cg_const(cg, 10), "");
	LLVMBuildStore(b, rest, u);
	LLVMBasicBlockRef more = cg_block(cg, "sprint.more");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, rest, cg_const(cg, 0), ""), l.exit, more);
	LLVMPositionBuilderAtEnd(b, more);
	loop_end(cg, &l);
	LLVMValueRef first = LLVMBuildLoad2(b, cg->i64, at, "");
	LLVMBasicBlockRef sign = cg_block(cg, "sprint.sign"), done = cg_block(cg, "sprint.done");
	LLVMBuildCondBr(b, neg, sign, done);
	LLVMPositionBuilderAtEnd(b, sign);
	LLVMValueRef s1 = LLVMBuildSub(b, first, cg_const(cg, 1), "");
	LLVMBuildStore(b, s1, at);
	LLVMBuildStore(b, LLVMConstInt(cg->i8, '-', 0), cg_gep(cg, buf, LLVMBuildAnd(b, s1,
						       cg_const(cg, 31), "")));
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
	LLVMValueRef start = LLVMBuildAnd(b, LLVMBuildLoad2(b, cg->i64, at, ""), cg_const(cg, 31), "");
	cg->t->str_copy(cg, dst, cg_gep(cg, buf, start), cg_const(cg, cg->opts->maxstringlen));
	return dst;
}

/* text_str(s): escapes as C does, and UTF-8 as \u; the runtime does it
 * for host probes, generated code (text.c) in BPF. */
static LLVMValueRef gen_text_str(struct cg *cg, struct expr *call)
{
	LLVMValueRef s = cg_expr(cg, call->args);
	if (cg->t->is_bpf)
		return cg_text_str_inline(cg, s);
	LLVMValueRef dst = cg_string_slot(cg, true);
	LLVMTypeRef params[3] = { cg->ptr, cg->ptr, cg->i64 };
	LLVMValueRef args[3] = { dst, s, cg_const(cg, cg->opts->maxstringlen) };
	cg_call_named(cg, HOSTABI_PREFIX "str_text", cg->void_t, params, args, 3);
	return dst;
}

/* text_strn(s, len, quoted): text_str within len bytes, in double quotes
 * if quoted (strfuncs.h's str_textn). */
static LLVMValueRef gen_text_strn(struct cg *cg, struct expr *call)
{
	LLVMValueRef s = cg_expr(cg, call->args);
	LLVMValueRef len = cg_expr(cg, call->args->next);
	LLVMValueRef quoted = cg_expr(cg, call->args->next->next);
	if (cg->t->is_bpf)
		return cg_text_strn_inline(cg, s, len, quoted);
	LLVMValueRef dst = cg_string_slot(cg, true);
	LLVMTypeRef params[5] = { cg->ptr, cg->ptr, cg->i64, cg->i64, cg->i64 };
	LLVMValueRef args[5] = { dst, s, len, quoted, cg_const(cg, cg->opts->maxstringlen) };
	cg_call_named(cg, HOSTABI_PREFIX "str_textn", cg->void_t, params, args, 5);
	return dst;
}

LLVMValueRef cg_strfunc(struct cg *cg, struct expr *call)
{
	switch (call->builtin->id) {
	case BI_strlen: return gen_strlen(cg, call);
	case BI_substr: return gen_substr(cg, call);
	case BI_stringat: return gen_stringat(cg, call);
	case BI_isinstr: return gen_isinstr(cg, call);
	case BI_strtol: return gen_strtol(cg, call);
	case BI_sprint:
		if (call->args->next)
			return gen_sprint_list(cg, call);
		return gen_sprint(cg, call);
	case BI_text_strn:
		return gen_text_strn(cg, call);
	case BI_sprintln:
	case BI_sprintd:
	case BI_sprintdln:
		return gen_sprint_list(cg, call);
	default: return gen_text_str(cg, call);
	}
}
