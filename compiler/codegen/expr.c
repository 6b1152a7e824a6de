/* SPDX-License-Identifier: GPL-2.0-or-later */
/* expr.c — expressions; see cg.h.
 *
 * Arithmetic is SystemTap's: 64-bit two's complement that wraps, shifts by
 * the count modulo 64 (what the C it compiles to does on x86-64), and
 * division and modulo by zero are runtime errors.  Signed division is built
 * from unsigned division, which every BPF instruction set has, and so that
 * INT64_MIN / -1 wraps instead of trapping in the host's JIT. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "cg.h"

LLVMValueRef cg_var_addr(struct cg *cg, struct sym *s)
{
	if (s->kind == SYM_GLOBAL)
		return cg_field(cg, cg->globals, s->offset);
	return cg->local_slots[s->index];
}

static LLVMValueRef load_var(struct cg *cg, struct sym *s)
{
	LLVMValueRef addr = cg_var_addr(cg, s);
	if (s->type == TYPE_STRING)
		return addr;
	return LLVMBuildLoad2(cg->b, cg->i64, addr, s->name);
}

static void store_var(struct cg *cg, struct sym *s, LLVMValueRef v)
{
	LLVMValueRef addr = cg_var_addr(cg, s);
	if (s->type == TYPE_STRING)
		cg_string_store(cg, addr, v);
	else
		LLVMBuildStore(cg->b, v, addr);
}

static LLVMValueRef bool_to_long(struct cg *cg, LLVMValueRef b)
{
	return LLVMBuildZExt(cg->b, b, cg->i64, "");
}

static LLVMValueRef absval(struct cg *cg, LLVMValueRef v)
{
	LLVMValueRef neg = LLVMBuildICmp(cg->b, LLVMIntSLT, v, cg_const(cg, 0), "");
	return LLVMBuildSelect(cg->b, neg, LLVMBuildNeg(cg->b, v, ""), v, "");
}

LLVMValueRef cg_sdiv(struct cg *cg, LLVMValueRef l, LLVMValueRef r)
{
	LLVMValueRef q = LLVMBuildUDiv(cg->b, absval(cg, l), absval(cg, r), "");
	LLVMValueRef neg = LLVMBuildXor(cg->b,
		LLVMBuildICmp(cg->b, LLVMIntSLT, l, cg_const(cg, 0), ""),
		LLVMBuildICmp(cg->b, LLVMIntSLT, r, cg_const(cg, 0), ""), "");
	return LLVMBuildSelect(cg->b, neg, LLVMBuildNeg(cg->b, q, ""), q, "");
}

/* SystemTap reports a division by zero at the operator of a / b, and at
 * the divisor of a /= b; `at` is that place. */
static LLVMValueRef divide(struct cg *cg, const struct loc *at, enum op op, LLVMValueRef l,
			   LLVMValueRef r)
{
	LLVMBasicBlockRef zero = cg_block(cg, "div.zero"), ok = cg_block(cg, "div.ok");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, r, cg_const(cg, 0), ""), zero, ok);
	LLVMPositionBuilderAtEnd(cg->b, zero);
	cg_raise(cg, at, "division by 0");
	LLVMBuildBr(cg->b, ok);
	LLVMPositionBuilderAtEnd(cg->b, ok);
	if (op == OP_DIV)
		return cg_sdiv(cg, l, r);
	/* C's remainder takes the sign of the dividend. */
	LLVMValueRef neg_l = LLVMBuildICmp(cg->b, LLVMIntSLT, l, cg_const(cg, 0), "");
	LLVMValueRef m = LLVMBuildURem(cg->b, absval(cg, l), absval(cg, r), "");
	return LLVMBuildSelect(cg->b, neg_l, LLVMBuildNeg(cg->b, m, ""), m, "");
}

static LLVMValueRef arith(struct cg *cg, const struct loc *at, enum op op, LLVMValueRef l,
			  LLVMValueRef r)
{
	LLVMBuilderRef b = cg->b;
	switch (op) {
	case OP_ADD: return LLVMBuildAdd(b, l, r, "");
	case OP_SUB: return LLVMBuildSub(b, l, r, "");
	case OP_MUL: return LLVMBuildMul(b, l, r, "");
	case OP_DIV:
	case OP_MOD: return divide(cg, at, op, l, r);
	case OP_SHL: return LLVMBuildShl(b, l, LLVMBuildAnd(b, r, cg_const(cg, 63), ""), "");
	case OP_SHR: return LLVMBuildAShr(b, l, LLVMBuildAnd(b, r, cg_const(cg, 63), ""), "");
	case OP_USHR: return LLVMBuildLShr(b, l, LLVMBuildAnd(b, r, cg_const(cg, 63), ""), "");
	case OP_BAND: return LLVMBuildAnd(b, l, r, "");
	case OP_BOR: return LLVMBuildOr(b, l, r, "");
	case OP_BXOR: return LLVMBuildXor(b, l, r, "");
	default: abort();
	}
}

static LLVMIntPredicate predicate(enum op op)
{
	switch (op) {
	case OP_EQ: return LLVMIntEQ;
	case OP_NE: return LLVMIntNE;
	case OP_LT: return LLVMIntSLT;
	case OP_LE: return LLVMIntSLE;
	case OP_GT: return LLVMIntSGT;
	default: return LLVMIntSGE;
	}
}

/* a && b, a || b: the right side runs only when it decides the result. */
static LLVMValueRef logical(struct cg *cg, struct expr *e)
{
	LLVMValueRef l = LLVMBuildICmp(cg->b, LLVMIntNE, cg_expr(cg, e->lhs), cg_const(cg, 0), "");
	LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
	LLVMBasicBlockRef rhs = cg_block(cg, "logic.rhs"), out = cg_block(cg, "logic.end");
	if (e->op == OP_LAND)
		LLVMBuildCondBr(cg->b, l, rhs, out);
	else
		LLVMBuildCondBr(cg->b, l, out, rhs);
	LLVMPositionBuilderAtEnd(cg->b, rhs);
	LLVMValueRef r = LLVMBuildICmp(cg->b, LLVMIntNE, cg_expr(cg, e->rhs), cg_const(cg, 0), "");
	LLVMBasicBlockRef rhs_end = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, out);
	LLVMPositionBuilderAtEnd(cg->b, out);
	LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->i1, "");
	LLVMValueRef vals[2] = { LLVMConstInt(cg->i1, e->op == OP_LOR, 0), r };
	LLVMBasicBlockRef blocks[2] = { from, rhs_end };
	LLVMAddIncoming(phi, vals, blocks, 2);
	return bool_to_long(cg, phi);
}

static LLVMValueRef binary(struct cg *cg, struct expr *e)
{
	if (e->op == OP_LAND || e->op == OP_LOR)
		return logical(cg, e);
	if (e->op == OP_MATCH || e->op == OP_NMATCH)
		return cg_regex_match(cg, e);
	LLVMValueRef l = cg_expr(cg, e->lhs), r = cg_expr(cg, e->rhs);
	switch (e->op) {
	case OP_CONCAT:
		return cg_string_concat(cg, l, r);
	case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE:
		if (e->lhs->type == TYPE_STRING) {
			l = cg_string_compare(cg, l, r);
			r = cg_const(cg, 0);
		}
		return bool_to_long(cg, LLVMBuildICmp(cg->b, predicate(e->op), l, r, ""));
	default:
		return arith(cg, e->op_loc.line ? &e->op_loc : &e->loc, e->op, l, r);
	}
}

static LLVMValueRef unary(struct cg *cg, struct expr *e)
{
	LLVMValueRef v = cg_expr(cg, e->lhs);
	switch (e->op) {
	case OP_NEG: return LLVMBuildNeg(cg->b, v, "");
	case OP_NOT: return bool_to_long(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, v, cg_const(cg, 0), ""));
	case OP_BNOT: return LLVMBuildNot(cg->b, v, "");
	default: return v;
	}
}

static LLVMValueRef ternary(struct cg *cg, struct expr *e)
{
	LLVMValueRef c = LLVMBuildICmp(cg->b, LLVMIntNE, cg_expr(cg, e->cond), cg_const(cg, 0), "");
	LLVMBasicBlockRef yes = cg_block(cg, "sel.yes"), no = cg_block(cg, "sel.no"),
		out = cg_block(cg, "sel.end");
	LLVMBuildCondBr(cg->b, c, yes, no);
	LLVMPositionBuilderAtEnd(cg->b, yes);
	LLVMValueRef a = cg_expr(cg, e->lhs);
	LLVMBasicBlockRef yes_end = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, out);
	LLVMPositionBuilderAtEnd(cg->b, no);
	LLVMValueRef b = cg_expr(cg, e->rhs);
	LLVMBasicBlockRef no_end = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, out);
	LLVMPositionBuilderAtEnd(cg->b, out);
	LLVMValueRef phi = LLVMBuildPhi(cg->b, LLVMTypeOf(a), "");
	LLVMValueRef vals[2] = { a, b };
	LLVMBasicBlockRef blocks[2] = { yes_end, no_end };
	LLVMAddIncoming(phi, vals, blocks, 2);
	return phi;
}

/* Globals are shared by every CPU: adding to one is one atomic add, so that
 * counts from concurrent probes are never lost. */
static LLVMValueRef atomic_add(struct cg *cg, struct sym *s, LLVMValueRef delta)
{
	return LLVMBuildAtomicRMW(cg->b, LLVMAtomicRMWBinOpAdd, cg_var_addr(cg, s), delta,
				  LLVMAtomicOrderingMonotonic, 0);
}

/* Whether evaluating e twice is the same as once: no assignment, no output,
 * no call of a script function.  Reading target memory is fine. */
static bool pure(const struct expr *e)
{
	if (!e)
		return true;
	switch (e->kind) {
	case EXPR_ASSIGN:
	case EXPR_INCDEC:
	case EXPR_STAT_ADD:
		return false;
	case EXPR_CALL:
		if (e->func || !e->builtin || e->builtin->ret == TYPE_UNKNOWN)
			return false;
		break;
	default:
		break;
	}
	for (const struct expr *a = e->args; a; a = a->next)
		if (!pure(a))
			return false;
	return pure(e->lhs) && pure(e->rhs) && pure(e->cond);
}

static bool reads(const struct expr *e, const struct sym *s)
{
	if (!e)
		return false;
	if (e->kind == EXPR_VAR && e->sym == s)
		return true;
	for (const struct expr *a = e->args; a; a = a->next)
		if (reads(a, s))
			return true;
	return reads(e->lhs, s) || reads(e->rhs, s) || reads(e->cond, s);
}

/* g = f(g) on a global long, with f free of side effects.  SystemTap locks
 * a handler's globals, so concurrent probes lose no update; here the new
 * value is computed from the value read and stored only if that is still
 * the value, else computed again.  Bounded, as BPF wants: after 100 lost
 * races in a row the update is reported, never dropped silently. */
static LLVMValueRef update_atomically(struct cg *cg, struct expr *e)
{
	struct sym *s = e->lhs->sym;
	LLVMValueRef addr = cg_var_addr(cg, s);
	LLVMValueRef tries = cg_alloca(cg, cg->i64, "tries");
	LLVMBuildStore(cg->b, cg_const(cg, 0), tries);
	LLVMBasicBlockRef retry = cg_block(cg, "cas.retry"), again = cg_block(cg, "cas.again"),
		fail = cg_block(cg, "cas.fail"), done = cg_block(cg, "cas.done");
	LLVMBuildBr(cg->b, retry);
	LLVMPositionBuilderAtEnd(cg->b, retry);
	LLVMValueRef old = LLVMBuildLoad2(cg->b, cg->i64, addr, s->name);
	/* While the right side is evaluated, reads of the global see `old`. */
	LLVMValueRef saved = cg->cas_value;
	struct sym *saved_sym = cg->cas_sym;
	cg->cas_value = old;
	cg->cas_sym = s;
	LLVMValueRef v = cg_expr(cg, e->rhs);
	cg->cas_value = saved;
	cg->cas_sym = saved_sym;
	LLVMValueRef pair = LLVMBuildAtomicCmpXchg(cg->b, addr, old, v,
						   LLVMAtomicOrderingMonotonic,
						   LLVMAtomicOrderingMonotonic, 0);
	LLVMValueRef ok = LLVMBuildExtractValue(cg->b, pair, 1, "");
	LLVMBuildCondBr(cg->b, ok, done, again);
	LLVMPositionBuilderAtEnd(cg->b, again);
	LLVMValueRef n = LLVMBuildAdd(cg->b, LLVMBuildLoad2(cg->b, cg->i64, tries, ""),
				      cg_const(cg, 1), "");
	LLVMBuildStore(cg->b, n, tries);
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, n, cg_const(cg, 100), ""),
			retry, fail);
	LLVMPositionBuilderAtEnd(cg->b, fail);
	cg_raise(cg, &e->loc, arena_printf(cg->arena, "global '%s' changed 100 times while "
					   "this assignment computed it", s->name));
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	return v;
}

static LLVMValueRef assign_element(struct cg *cg, struct expr *e)
{
	struct expr *t = e->lhs;
	if (e->op == OP_ADD || e->op == OP_SUB) {
		LLVMValueRef d = cg_expr(cg, e->rhs);
		if (e->op == OP_SUB)
			d = LLVMBuildNeg(cg->b, d, "");
		return LLVMBuildAdd(cg->b, cg_array_add(cg, t, d), d, "");
	}
	LLVMValueRef r = cg_expr(cg, e->rhs), v;
	if (e->op == OP_NONE)
		v = r;
	else if (e->op == OP_CONCAT)
		v = cg_string_concat(cg, cg_array_read(cg, t), r);
	else
		v = arith(cg, &e->rhs->loc, e->op, cg_array_read(cg, t), r);
	if (t->sym->type == TYPE_STRING) {
		/* The value outlives the write: keep a copy. */
		LLVMValueRef copy = cg_string_slot(cg, true);
		cg_string_store(cg, copy, v);
		v = copy;
	}
	cg_array_write(cg, t, v);
	return v;
}

static LLVMValueRef assign(struct cg *cg, struct expr *e)
{
	if (e->lhs->kind == EXPR_INDEX)
		return assign_element(cg, e);
	struct sym *s = e->lhs->sym;
	if (e->op == OP_NONE && s->kind == SYM_GLOBAL && s->type == TYPE_LONG &&
	    reads(e->rhs, s) && pure(e->rhs))
		return update_atomically(cg, e);
	LLVMValueRef r = cg_expr(cg, e->rhs);
	if (e->op == OP_NONE) {
		store_var(cg, s, r);
		return load_var(cg, s);
	}
	if (e->op == OP_CONCAT) {
		store_var(cg, s, cg_string_concat(cg, load_var(cg, s), r));
		return load_var(cg, s);
	}
	if (s->kind == SYM_GLOBAL && (e->op == OP_ADD || e->op == OP_SUB)) {
		LLVMValueRef d = e->op == OP_ADD ? r : LLVMBuildNeg(cg->b, r, "");
		return LLVMBuildAdd(cg->b, atomic_add(cg, s, d), d, "");
	}
	LLVMValueRef v = arith(cg, &e->rhs->loc, e->op, load_var(cg, s), r);
	store_var(cg, s, v);
	return v;
}

static LLVMValueRef incdec(struct cg *cg, struct expr *e)
{
	struct sym *s = e->lhs->sym;
	bool inc = e->op == OP_PREINC || e->op == OP_POSTINC;
	bool post = e->op == OP_POSTINC || e->op == OP_POSTDEC;
	LLVMValueRef d = cg_const(cg, inc ? 1 : -1), old;
	if (e->lhs->kind == EXPR_INDEX) {
		old = cg_array_add(cg, e->lhs, d);
	} else if (s->kind == SYM_GLOBAL) {
		old = atomic_add(cg, s, d);
	} else {
		old = load_var(cg, s);
		store_var(cg, s, LLVMBuildAdd(cg->b, old, d, ""));
	}
	return post ? old : LLVMBuildAdd(cg->b, old, d, "");
}

static LLVMValueRef script_arg(struct cg *cg, struct expr *e)
{
	const char *v = cg->opts->args[e->num - 1];
	if (e->is_string)
		return cg_string_literal(cg, v, strlen(v));
	int64_t n = 0;
	script_arg_number(v, &n);
	return cg_const(cg, n);
}

LLVMValueRef cg_expr(struct cg *cg, struct expr *e)
{
	cg_set_loc(cg, &e->loc);
	switch (e->kind) {
	case EXPR_NUM:
	case EXPR_STR: {
		LLVMValueRef v = cg->nholes ? cg_share_literal(cg, e) : NULL;
		if (v)
			return v;
		return e->kind == EXPR_NUM ? cg_const(cg, e->num) :
		       cg_string_literal(cg, e->str, e->str_len);
	}
	case EXPR_VAR:
		if (e->sym == cg->cas_sym)
			return cg->cas_value;
		return load_var(cg, e->sym);
	case EXPR_SCRIPT_ARG:
		return script_arg(cg, e);
	case EXPR_ARGC:
		if (e->is_string) {
			char n[16];
			snprintf(n, sizeof(n), "%d", cg->opts->nargs);
			return cg_string_literal(cg, n, strlen(n));
		}
		return cg_const(cg, cg->opts->nargs);
	case EXPR_UNARY:
		return unary(cg, e);
	case EXPR_BINARY:
		return binary(cg, e);
	case EXPR_TERNARY:
		return ternary(cg, e);
	case EXPR_ASSIGN:
		return assign(cg, e);
	case EXPR_INCDEC:
		return incdec(cg, e);
	case EXPR_CALL:
		if (e->func)
			return cg_call_function(cg, e);
		{
			LLVMValueRef v = e->builtin->gen(cg, e);
			return v ? v : cg_const(cg, 0);
		}
	case EXPR_INDEX:
		return cg_array_read(cg, e);
	case EXPR_IN:
		return cg_array_in(cg, e);
	case EXPR_STAT:
		return cg_stat_read(cg, e);
	case EXPR_STAT_ADD:
		cg_stat_add(cg, e);
		return cg_const(cg, 0);
	case EXPR_TARGET:
		return cg_target(cg, e);
	case EXPR_EMBEDDED:
		break;
	case EXPR_DEFINED:
		/* points/target.c folded those of probes: these are in
		 * functions, where no target expression resolves */
		return e->num ? cg_expr(cg, e->args->next) : cg_const(cg, 0);
	case EXPR_ENTRY:
		return cg_entry_value(cg, e);
	case EXPR_BUCKET:
		return cg_hist_bucket(cg, e);
	}
	/* Resolution rejects what is not built yet. */
	abort();
}
