/* SPDX-License-Identifier: GPL-2.0-or-later */
/* regex.c — `s =~ "ERE"` and `s !~ "ERE"`: a walk of the DFA that
 * check/regex.h made of the pattern when the script was checked.
 *
 * The automaton is two constant tables, read-only data of the program (in
 * BPF, the .rodata map): a byte's column, 256 bytes, then the next state
 * by state and column, 16 bits each, padded with REGEX_DEAD to a power of
 * two so that an index masked to it is one the verifier can see is inside.
 * A step is two loads:
 *
 *   state = next[(state * ncols + class_of[byte]) & mask]
 *
 * and the walk stops at the string's NUL, at REGEX_MATCH or at REGEX_DEAD;
 * the end column then says whether the pattern matched.
 *
 * In BPF the steps are a bpf_loop callback, RX_UNROLL bytes a call, which
 * the verifier checks once whatever the string; it keeps its state in the
 * handler's scratch area, which bpf_loop passes it (as for strfuncs.c's
 * strtol):
 *
 *   in     span + 8 bytes: the string
 *   pos    the next byte's index
 *   state  the automaton's state
 *
 * span is the power of two above MAXSTRINGLEN; the index is masked to it.
 * Each use of =~ has a callback of its own, which names its tables. */
#include <string.h>

#include "cg.h"
#include "check/regex.h"
#include "parse/arena.h"

struct rx {
	const struct regex *re;
	LLVMValueRef classes, next;   /* the tables */
	int64_t mask;                 /* of an index into next */
};

static LLVMValueRef k(struct cg *cg, int64_t v)
{
	return cg_const(cg, v);
}

static void tables(struct cg *cg, struct rx *x)
{
	const struct regex *re = x->re;
	uint32_t n = re->nstates * re->ncols, size = 1;
	while (size < n)
		size *= 2;
	/* One piece of data: the columns, then the states. */
	uint32_t bytes = 256 + size * (uint32_t)sizeof(uint16_t);
	char *data = arena_alloc(cg->arena, bytes);
	memset(data, 0, bytes);   /* REGEX_DEAD */
	memcpy(data, re->class_of, 256);
	memcpy(data + 256, re->next, n * sizeof(uint16_t));
	x->classes = cg_const_bytes(cg, data, bytes);
	x->next = cg_field(cg, x->classes, 256);
	x->mask = size - 1;
}

/* The state after `state` (an i64) reads column col (an i64). */
static LLVMValueRef take(struct cg *cg, const struct rx *x, LLVMValueRef state, LLVMValueRef col)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef i = LLVMBuildAdd(b, LLVMBuildMul(b, state, k(cg, x->re->ncols), ""), col, "");
	i = LLVMBuildAnd(b, cg_opaque(cg, i), k(cg, x->mask), "");
	LLVMValueRef p = LLVMBuildGEP2(b, LLVMInt16TypeInContext(cg->ctx), x->next, &i, 1, "");
	return LLVMBuildZExt(b, LLVMBuildLoad2(b, LLVMInt16TypeInContext(cg->ctx), p, ""),
			     cg->i64, "state");
}

/* The state after `state` reads the byte c (an i64 in [0, 255]). */
static LLVMValueRef step(struct cg *cg, const struct rx *x, LLVMValueRef state, LLVMValueRef c)
{
	LLVMValueRef col = LLVMBuildLoad2(cg->b, cg->i8, cg_gep(cg, x->classes, c), "");
	return take(cg, x, state, LLVMBuildZExt(cg->b, col, cg->i64, ""));
}

/* 1 when state is REGEX_DEAD or REGEX_MATCH: the walk can stop. */
static LLVMValueRef settled(struct cg *cg, LLVMValueRef state)
{
	return LLVMBuildICmp(cg->b, LLVMIntULE, state, k(cg, REGEX_MATCH), "");
}

static LLVMValueRef byte_at(struct cg *cg, LLVMValueRef s, LLVMValueRef i)
{
	return LLVMBuildZExt(cg->b, LLVMBuildLoad2(cg->b, cg->i8, cg_gep(cg, s, i), ""),
			     cg->i64, "");
}

/* ---- BPF ---- */

/* Bytes a call of the callback takes: fewer calls, each a few more
 * instructions to verify. */
#define RX_UNROLL 8

struct rx_layout {
	uint32_t off, in, pos, state, size;
	int64_t mask;
};

static LLVMValueRef step_function(struct cg *cg, const struct rx *x, const struct rx_layout *l)
{
	static const char *const names[] = { "index", "ctx" };
	struct cg_saved saved;
	LLVMValueRef fn = cg_callback_begin(cg, "regex_step", names, 2, &saved);
	LLVMBuilderRef b = cg->b;
	LLVMBasicBlockRef stop = cg_block(cg, "stop"), go = cg_block(cg, "go");
	LLVMValueRef area = cg_loop_scratch(cg);
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, area, ""), stop, go);
	LLVMPositionBuilderAtEnd(b, stop);
	LLVMBuildRet(b, k(cg, 1));

	LLVMPositionBuilderAtEnd(b, go);
	LLVMValueRef st = cg_field(cg, area, l->off);
	LLVMValueRef pos = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, l->pos), "pos");
	LLVMValueRef state = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, l->state), "state");
	LLVMBuildStore(b, LLVMBuildAdd(b, pos, k(cg, RX_UNROLL), ""), cg_field(cg, st, l->pos));
	/* The walk ends at the NUL or once settled: the state is kept, and 1
	 * stops bpf_loop. */
	LLVMBasicBlockRef end = cg_block(cg, "end");
	LLVMPositionBuilderAtEnd(b, end);
	LLVMValueRef last = LLVMBuildPhi(b, cg->i64, "last");
	LLVMBuildStore(b, last, cg_field(cg, st, l->state));
	LLVMBuildRet(b, k(cg, 1));
	LLVMPositionBuilderAtEnd(b, go);
	for (int i = 0; i < RX_UNROLL; i++) {
		LLVMValueRef at = LLVMBuildAnd(b, cg_opaque(cg, LLVMBuildAdd(b, pos, k(cg, i), "")),
					       k(cg, l->mask), "");
		LLVMValueRef c = byte_at(cg, cg_field(cg, st, l->in), at);
		LLVMBasicBlockRef read = cg_block(cg, "read"), more = cg_block(cg, "more");
		LLVMBasicBlockRef here = LLVMGetInsertBlock(b);
		LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, c, k(cg, 0), ""), end, read);
		LLVMAddIncoming(last, &state, &here, 1);
		LLVMPositionBuilderAtEnd(b, read);
		state = step(cg, x, state, c);
		LLVMBuildCondBr(b, settled(cg, state), end, more);
		LLVMAddIncoming(last, &state, &read, 1);
		LLVMPositionBuilderAtEnd(b, more);
	}
	LLVMBuildStore(b, state, cg_field(cg, st, l->state));
	LLVMBuildRet(b, k(cg, 0));
	cg_callback_end(cg, &saved);
	return fn;
}

static LLVMValueRef walk_bpf(struct cg *cg, const struct rx *x, LLVMValueRef s)
{
	LLVMBuilderRef b = cg->b;
	uint32_t cap = cg->opts->maxstringlen, span = 1;
	while (span <= cap)
		span *= 2;
	struct rx_layout l = { .in = 0, .pos = span + 8, .state = span + 16, .size = span + 24,
			       .mask = span - 1 };
	l.off = cg_scratch_reserve(cg, l.size, true);
	LLVMValueRef st = cg_field(cg, cg_scratch_base(cg), l.off);
	cg->t->str_copy(cg, cg_field(cg, st, l.in), s, k(cg, cap));
	LLVMBuildStore(b, k(cg, 0), cg_field(cg, st, l.pos));
	LLVMBuildStore(b, k(cg, x->re->start), cg_field(cg, st, l.state));
	cg_bpf_loop(cg, (cap + RX_UNROLL - 1) / RX_UNROLL, step_function(cg, x, &l));
	return LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, l.state), "state");
}

/* ---- host ---- */

static LLVMValueRef walk_host(struct cg *cg, const struct rx *x, LLVMValueRef s)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef slot = cg_alloca(cg, cg->i64, "regex.state");
	LLVMBuildStore(b, k(cg, x->re->start), slot);
	LLVMBasicBlockRef pre = LLVMGetInsertBlock(b);
	LLVMBasicBlockRef head = cg_block(cg, "regex.byte"), body = cg_block(cg, "regex.step");
	LLVMBasicBlockRef next = cg_block(cg, "regex.next"), done = cg_block(cg, "regex.done");
	LLVMBuildBr(b, head);
	LLVMPositionBuilderAtEnd(b, head);
	LLVMValueRef i = LLVMBuildPhi(b, cg->i64, "i");
	LLVMBasicBlockRef read = cg_block(cg, "regex.read");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULT, i, k(cg, cg->opts->maxstringlen), ""),
			read, done);
	LLVMPositionBuilderAtEnd(b, read);
	LLVMValueRef c = byte_at(cg, s, i);
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, c, k(cg, 0), ""), body, done);
	LLVMPositionBuilderAtEnd(b, body);
	LLVMValueRef state = step(cg, x, LLVMBuildLoad2(b, cg->i64, slot, ""), c);
	LLVMBuildStore(b, state, slot);
	LLVMBuildCondBr(b, settled(cg, state), done, next);
	LLVMPositionBuilderAtEnd(b, next);
	LLVMValueRef i1 = LLVMBuildAdd(b, i, k(cg, 1), "");
	LLVMBuildBr(b, head);
	LLVMValueRef vals[2] = { k(cg, 0), i1 };
	LLVMBasicBlockRef from[2] = { pre, next };
	LLVMAddIncoming(i, vals, from, 2);
	LLVMPositionBuilderAtEnd(b, done);
	return LLVMBuildLoad2(b, cg->i64, slot, "state");
}

LLVMValueRef cg_regex_match(struct cg *cg, struct expr *e)
{
	struct rx x = { .re = e->res };
	LLVMValueRef s = cg_expr(cg, e->lhs);
	LLVMValueRef state;
	if (x.re->start <= REGEX_MATCH) {
		/* "" or "a*": settled before the first byte */
		state = k(cg, x.re->start);
	} else {
		tables(cg, &x);
		state = cg->t->is_bpf ? walk_bpf(cg, &x, s) : walk_host(cg, &x, s);
		state = take(cg, &x, state, k(cg, x.re->ncols - 1));
	}
	cg_regex_record(cg, x.re, s, LLVMBuildICmp(cg->b, LLVMIntEQ, state, k(cg, REGEX_MATCH), ""));
	LLVMValueRef hit = LLVMBuildICmp(cg->b, e->op == OP_MATCH ? LLVMIntEQ : LLVMIntNE, state,
					 k(cg, REGEX_MATCH), "");
	return LLVMBuildZExt(cg->b, hit, cg->i64, "");
}
