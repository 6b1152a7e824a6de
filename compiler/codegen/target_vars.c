/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target_vars.c — reading target variables, as points/target.c worked them
 * out for each row of the probe (target.h).  Where the rows read
 * differently, the handler chooses by its cookie, the row it was attached
 * as. */
#include <string.h>

#include "parse/arena.h"
#include "cg.h"
#include "points/probes.h"
#include "points/target.h"

static LLVMValueRef extend(struct cg *cg, LLVMValueRef v, uint8_t size, bool is_signed)
{
	if (size >= 8)
		return v;
	LLVMTypeRef narrow = LLVMIntTypeInContext(cg->ctx, size * 8u);
	v = LLVMBuildTrunc(cg->b, v, narrow, "");
	return is_signed ? LLVMBuildSExt(cg->b, v, cg->i64, "") : LLVMBuildZExt(cg->b, v, cg->i64, "");
}

/* size bytes (at most 8) of the traced process's memory, or of the
 * kernel's, at addr, as a 64-bit number extended as is_signed says; *rc
 * is the read's result, negative where it faulted (the number is then 0).
 * Every fixed-size read of a number goes through here. */
LLVMValueRef cg_read_number(struct cg *cg, bool kernel, LLVMValueRef addr, uint32_t size,
			    bool is_signed, LLVMValueRef *rc)
{
	LLVMValueRef slot = cg_function_slot(cg, "read.slot", cg->i64, NULL);
	LLVMBuildStore(cg->b, cg_const(cg, 0), slot);
	*rc = kernel ? cg->t->read_kernel(cg, slot, size, addr) :
		cg->t->read_user(cg, slot, size, addr);
	return extend(cg, LLVMBuildLoad2(cg->b, cg->i64, slot, ""), (uint8_t)size, is_signed);
}

/* The runtime error fmt (with addr for its %x) at loc, where rc, a read's
 * result, says it faulted. */
void cg_raise_on_fault(struct cg *cg, LLVMValueRef rc, const struct loc *loc,
		       const char *fmt, LLVMValueRef addr)
{
	LLVMBuilderRef b = cg->b;
	LLVMBasicBlockRef fault = cg_block(cg, "read.fault"), ok = cg_block(cg, "read.ok");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, rc, cg_const(cg, 0), ""), fault, ok);
	LLVMPositionBuilderAtEnd(b, fault);
	cg_raise_fmt(cg, loc, fmt, &addr, 1);
	LLVMBuildBr(b, ok);
	LLVMPositionBuilderAtEnd(b, ok);
}

static LLVMValueRef load(struct cg *cg, const struct loc *loc, const struct tv_op *op,
			 LLVMValueRef addr)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef rc;
	LLVMValueRef v = cg_read_number(cg, op->kernel, addr, op->size, op->is_signed, &rc);
	LLVMValueRef failed = LLVMBuildICmp(b, LLVMIntSLT, rc, cg_const(cg, 0), "");
	if (op->group && cg->pretty_faults) {
		LLVMValueRef bit = LLVMBuildSelect(b, failed, cg_const(cg, 1ll << op->group),
						   cg_const(cg, 0), "");
		LLVMValueRef old = LLVMBuildLoad2(b, cg->i64, cg->pretty_faults, "");
		LLVMBuildStore(b, LLVMBuildOr(b, old, bit, ""), cg->pretty_faults);
	}
	if (op->or_zero)
		return LLVMBuildSelect(b, failed, cg_const(cg, 0), v, "");
	cg_raise_on_fault(cg, rc, loc, "read fault [man error::fault] at 0x%x", addr);
	return v;
}

/* The double whose value is the float in the low 4 bytes of v, as bits,
 * with integer instructions only: BPF has no others. */
static LLVMValueRef fp32_to_fp64(struct cg *cg, LLVMValueRef v)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef f = LLVMBuildAnd(b, v, cg_const(cg, 0xffffffff), "");
	LLVMValueRef sign = LLVMBuildShl(b, LLVMBuildLShr(b, f, cg_const(cg, 31), ""),
					 cg_const(cg, 63), "");
	LLVMValueRef exp = LLVMBuildAnd(b, LLVMBuildLShr(b, f, cg_const(cg, 23), ""),
					cg_const(cg, 0xff), "");
	LLVMValueRef man = LLVMBuildAnd(b, f, cg_const(cg, 0x7fffff), "");
	/* normal: the exponent rebiased; infinities and NaNs: all ones */
	LLVMValueRef dexp = LLVMBuildAdd(b, exp, cg_const(cg, 1023 - 127), "");
	dexp = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ, exp, cg_const(cg, 0xff), ""),
			       cg_const(cg, 0x7ff), dexp, "");
	LLVMValueRef dman = man;
	/* subnormal: shift the leading one up to the implicit bit */
	LLVMValueRef lz = cg_ctlz(cg, man);
	LLVMValueRef sh = LLVMBuildAnd(b, LLVMBuildSub(b, lz, cg_const(cg, 40), ""),
				       cg_const(cg, 63), "");
	LLVMValueRef sub = LLVMBuildICmp(b, LLVMIntEQ, exp, cg_const(cg, 0), "");
	dman = LLVMBuildSelect(b, sub, LLVMBuildAnd(b, LLVMBuildShl(b, man, sh, ""),
						    cg_const(cg, 0x7fffff), ""), dman, "");
	dexp = LLVMBuildSelect(b, sub, LLVMBuildSub(b, cg_const(cg, 1023 - 126), sh, ""), dexp, "");
	/* zero */
	dexp = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ, f, cg_const(cg, 0), ""),
			       cg_const(cg, 0), dexp, "");
	dexp = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ,
				LLVMBuildAnd(b, f, cg_const(cg, 0x7fffffff), ""), cg_const(cg, 0), ""),
			       cg_const(cg, 0), dexp, "");
	LLVMValueRef r = LLVMBuildOr(b, sign, LLVMBuildShl(b, dexp, cg_const(cg, 52), ""), "");
	return LLVMBuildOr(b, r, LLVMBuildShl(b, dman, cg_const(cg, 29), ""), "");
}

static LLVMValueRef bits(struct cg *cg, LLVMValueRef v, const struct tv_op *op)
{
	LLVMBuilderRef b = cg->b;
	/* the field to the top, then back down, extended */
	unsigned up = 64u - op->shift - op->width;
	v = LLVMBuildShl(b, v, cg_const(cg, up), "");
	LLVMValueRef down = cg_const(cg, 64 - op->width);
	return op->is_signed ? LLVMBuildAShr(b, v, down, "") : LLVMBuildLShr(b, v, down, "");
}

/* The load bias of the library whose dynamic section is at link-time
 * address n->lib_dyn, in the process the probe hit.  The dynamic linker
 * lists what it loaded in r_debug.r_map, which the program's DT_DEBUG
 * entry points to: each link_map holds its object's bias (l_addr, at 0)
 * and its dynamic section's address (l_ld, at 16), and the next one
 * (l_next, at 24); the library's is the one whose l_ld - l_addr is
 * lib_dyn.  The first 64 are looked at (each one the verifier walks
 * through costs it about 110 instructions); none is the runtime error
 * "PATH is not loaded in this process", and a bias of 0. */
static LLVMValueRef lib_bias(struct cg *cg, const struct loc *loc, const struct tv_num *n)
{
	LLVMBuilderRef b = cg->b;
	const struct tv_op ld = { .code = TV_OP_LOAD, .size = 8, .or_zero = true };
	LLVMValueRef slot = LLVMBuildAdd(b, cg_load_reg(cg, (uint32_t)n->reg),
					 cg_const(cg, n->debug_rel), "");
	LLVMValueRef rdebug = load(cg, loc, &ld, slot);
	LLVMValueRef first = load(cg, loc, &ld, LLVMBuildAdd(b, rdebug, cg_const(cg, 8), ""));
	LLVMBasicBlockRef pre = LLVMGetInsertBlock(b), head = cg_block(cg, "lib.head"),
		body = cg_block(cg, "lib.body"), next = cg_block(cg, "lib.next"),
		found = cg_block(cg, "lib.found"), missing = cg_block(cg, "lib.missing"),
		done = cg_block(cg, "lib.done");
	LLVMBuildBr(b, head);
	LLVMPositionBuilderAtEnd(b, head);
	LLVMValueRef map = LLVMBuildPhi(b, cg->i64, "map"), i = LLVMBuildPhi(b, cg->i64, "i");
	LLVMValueRef more = LLVMBuildAnd(b,
		LLVMBuildICmp(b, LLVMIntNE, map, cg_const(cg, 0), ""),
		LLVMBuildICmp(b, LLVMIntULT, i, cg_const(cg, 64), ""), "");
	LLVMBuildCondBr(b, more, body, missing);
	LLVMPositionBuilderAtEnd(b, body);
	LLVMValueRef l_addr = load(cg, loc, &ld, map);
	LLVMValueRef l_ld = load(cg, loc, &ld, LLVMBuildAdd(b, map, cg_const(cg, 16), ""));
	LLVMValueRef is = LLVMBuildICmp(b, LLVMIntEQ, LLVMBuildSub(b, l_ld, l_addr, ""),
					cg_const(cg, n->lib_dyn), "");
	LLVMBasicBlockRef body_end = LLVMGetInsertBlock(b);
	LLVMBuildCondBr(b, is, found, next);
	LLVMPositionBuilderAtEnd(b, next);
	LLVMValueRef l_next = load(cg, loc, &ld, LLVMBuildAdd(b, map, cg_const(cg, 24), ""));
	LLVMValueRef i1 = LLVMBuildAdd(b, i, cg_const(cg, 1), "");
	LLVMBasicBlockRef next_end = LLVMGetInsertBlock(b);
	LLVMBuildBr(b, head);
	LLVMAddIncoming(map, (LLVMValueRef[]){ first, l_next },
			(LLVMBasicBlockRef[]){ pre, next_end }, 2);
	LLVMAddIncoming(i, (LLVMValueRef[]){ cg_const(cg, 0), i1 },
			(LLVMBasicBlockRef[]){ pre, next_end }, 2);
	LLVMPositionBuilderAtEnd(b, found);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, missing);
	/* the path as the message's text: any '%' doubled */
	const char *fmt = "";
	for (const char *s = n->lib_path; *s; s++)
		fmt = arena_printf(cg->arena, "%s%s", fmt, *s == '%' ? "%%" : (char[]){ *s, 0 });
	cg_raise_fmt(cg, loc, arena_printf(cg->arena, "%s is not loaded in this process", fmt),
		     NULL, 0);
	LLVMBasicBlockRef missing_end = LLVMGetInsertBlock(b);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
	LLVMValueRef bias = LLVMBuildPhi(b, cg->i64, "bias");
	LLVMAddIncoming(bias, (LLVMValueRef[]){ l_addr, cg_const(cg, 0) },
			(LLVMBasicBlockRef[]){ found, missing_end }, 2);
	(void)body_end;
	return bias;
}

static LLVMValueRef num(struct cg *cg, const struct loc *loc, const struct tv_num *n,
			LLVMValueRef *index)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef v;
	switch (n->root) {
	case TV_ROOT_CONST:
		v = cg_const(cg, n->value);
		break;
	case TV_ROOT_REG:
		v = cg_load_reg(cg, (uint32_t)n->reg);
		if (n->shift)
			v = LLVMBuildLShr(b, v, cg_const(cg, n->shift), "");
		break;
	case TV_ROOT_NONE:
		return cg_const(cg, 0);
	case TV_ROOT_SAVED:
		v = LLVMBuildLoad2(b, cg->i64, cg_field(cg, cg->saved, 8 * (uint32_t)n->value), "saved");
		break;
	case TV_ROOT_LIB:
		v = LLVMBuildAdd(b, lib_bias(cg, loc, n), cg_const(cg, n->value), "");
		break;
	case TV_ROOT_ADDR:
	default:
		v = cg_const(cg, n->value);
		if (n->reg >= 0)
			v = LLVMBuildAdd(b, v, cg_load_reg(cg, (uint32_t)n->reg), "");
		if (n->index >= 0)
			v = LLVMBuildAdd(b, v, LLVMBuildMul(b, cg_load_reg(cg, (uint32_t)n->index),
							    cg_const(cg, n->scale), ""), "");
		break;
	}
	for (int i = 0; i < n->nops; i++) {
		const struct tv_op *op = &n->ops[i];
		switch (op->code) {
		case TV_OP_EXTEND:
			v = extend(cg, v, op->size, op->is_signed);
			break;
		case TV_OP_ADD:
			v = LLVMBuildAdd(b, v, cg_const(cg, op->n), "");
			break;
		case TV_OP_INDEX:
			v = LLVMBuildAdd(b, v, LLVMBuildMul(b, index[op->slot], cg_const(cg, op->n), ""),
					 "");
			break;
		case TV_OP_LOAD:
			v = load(cg, loc, op, v);
			break;
		case TV_OP_BITS:
			v = bits(cg, v, op);
			break;
		case TV_OP_FP32:
			v = fp32_to_fp64(cg, v);
			break;
		}
	}
	return v;
}

/* "$arg1=0x5 $arg2=0x0": the texts and the numbers in hex, written without
 * branches into a buffer a power of two long, cut at MAXSTRINGLEN - 1. */
static void hex_list(struct cg *cg, const struct loc *loc, const struct tv_read *r,
		     LLVMValueRef out, uint32_t size)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef mask = cg_const(cg, size - 1), pos = cg_const(cg, 0);
	for (int i = 0; i < r->n; i++) {
		for (const char *c = r->texts[i]; *c; c++) {
			LLVMBuildStore(b, LLVMConstInt(cg->i8, (unsigned char)*c, 0),
				       cg_gep(cg, out, LLVMBuildAnd(b, cg_opaque(cg, pos), mask, "")));
			pos = LLVMBuildAdd(b, pos, cg_const(cg, 1), "");
		}
		if (r->nums[i].root != TV_ROOT_NONE)
			pos = cg_put_hex(cg, out, mask, pos, num(cg, loc, &r->nums[i], NULL));
	}
	LLVMValueRef max = cg_const(cg, cg->opts->maxstringlen - 1);
	LLVMValueRef cut = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntULT, pos, max, ""), pos, max,
					   "");
	LLVMBuildStore(b, LLVMConstInt(cg->i8, 0, 0),
		       cg_gep(cg, out, LLVMBuildAnd(b, cg_opaque(cg, cut), mask, "")));
}

static uint32_t hex_list_size(struct cg *cg, const struct tv_expr *tv)
{
	uint32_t need = 1, size = 1;
	for (int i = 0; i < tv->nrows; i++) {
		uint32_t n = 1;
		for (int k = 0; k < tv->reads[i].n; k++)
			n += (uint32_t)strlen(tv->reads[i].texts[k]) + 18;
		need = n > need ? n : need;
	}
	while (size < need || size < cg->opts->maxstringlen)
		size <<= 1;
	return size;
}

/* The value at one row: a long, or a string in `buf` (TV_HEX_LIST). */
static LLVMValueRef read_one(struct cg *cg, const struct loc *loc, const struct tv_read *r,
			     LLVMValueRef buf, uint32_t size, LLVMValueRef *index)
{
	switch (r->kind) {
	case TV_NUM:
		return num(cg, loc, &r->num, index);
	case TV_STR:
		return cg_string_literal(cg, r->str, strlen(r->str));
	case TV_HEX_LIST:
	default:
		hex_list(cg, loc, r, buf, size);
		return buf;
	}
}

/* What one row does, for by_row(): its value, or NULL. */
typedef LLVMValueRef (*row_fn)(struct cg *cg, int i, void *arg);

/* each(cg, i, arg) for the row the handler runs as, rows[i] of n: at once
 * when there is one, else through a switch on the cookie, which is always
 * one of them.  Returns the value each gave, of type ty (`other` for a
 * cookie that is none of them), or NULL when ty is NULL. */
static LLVMValueRef by_row(struct cg *cg, const int *rows, int n, LLVMTypeRef ty,
			   LLVMValueRef other, row_fn each, void *arg)
{
	LLVMBuilderRef b = cg->b;
	if (n == 1)
		return each(cg, 0, arg);
	LLVMBasicBlockRef done = cg_block(cg, "row.done"), none = cg_block(cg, "row.none");
	LLVMValueRef sw = LLVMBuildSwitch(b, cg->cookie, none, (unsigned)n);
	LLVMPositionBuilderAtEnd(b, done);
	LLVMValueRef phi = ty ? LLVMBuildPhi(b, ty, "row.value") : NULL;
	for (int i = 0; i < n; i++) {
		LLVMBasicBlockRef bb = cg_block(cg, "row");
		LLVMAddCase(sw, LLVMConstInt(cg->i64, (unsigned long long)rows[i], 0), bb);
		LLVMPositionBuilderAtEnd(b, bb);
		LLVMValueRef v = each(cg, i, arg);
		if (phi)
			LLVMAddIncoming(phi, &v, (LLVMBasicBlockRef[]){ LLVMGetInsertBlock(b) }, 1);
		LLVMBuildBr(b, done);
	}
	LLVMPositionBuilderAtEnd(b, none);
	if (phi)
		LLVMAddIncoming(phi, &other, &none, 1);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
	return phi;
}

struct read_args {
	const struct expr *e;
	const struct tv_expr *tv;
	LLVMValueRef buf, *index;
	uint32_t size;
};

static LLVMValueRef read_row(struct cg *cg, int i, void *arg)
{
	struct read_args *a = arg;
	return read_one(cg, &a->e->loc, &a->tv->reads[i], a->buf, a->size, a->index);
}

/* The run-time indexes, $a[i], evaluated once whatever the row;
 * @cast's address is the first (points/target_at.c). */
static LLVMValueRef *run_indexes(struct cg *cg, struct expr *e)
{
	int nindex = 1;
	for (struct target_suffix *x = e->suffix; x; x = x->next)
		nindex += !x->member && x->index->kind != EXPR_NUM;
	LLVMValueRef *index = arena_alloc(cg->arena, (size_t)(nindex + 1) * sizeof(*index));
	nindex = 0;
	if (e->lhs)
		index[nindex++] = cg_expr(cg, e->lhs);
	for (struct target_suffix *x = e->suffix; x; x = x->next)
		if (!x->member && x->index->kind != EXPR_NUM)
			index[nindex++] = cg_expr(cg, x->index);
	return index;
}

LLVMValueRef cg_target(struct cg *cg, struct expr *e)
{
	const struct tv_expr *tv = e->res;
	uint32_t size = 0;
	LLVMValueRef buf = NULL;
	if (tv->reads[0].kind == TV_HEX_LIST) {
		size = hex_list_size(cg, tv);
		buf = cg_scratch(cg, size + 32, true);
	}
	LLVMValueRef *index = run_indexes(cg, e);
	struct read_args a = { e, tv, buf, index, size };
	if (!tv->varies)
		return read_row(cg, 0, &a);
	LLVMValueRef none = e->type == TYPE_STRING ? cg_string_literal(cg, "", 0) : cg_const(cg, 0);
	return by_row(cg, tv->rows, tv->nrows, e->type == TYPE_STRING ? cg->ptr : cg->i64, none,
		      read_row, &a);
}

/* The entry program of a probe with .return rows: each slot's value at
 * this row, into buf (target.h). */
struct save_args {
	const struct tv_saves *sv;
	int slot;
};

static LLVMValueRef save_row(struct cg *cg, int i, void *arg)
{
	struct save_args *a = arg;
	return num(cg, a->sv->locs[a->slot], &a->sv->reads[i][a->slot], NULL);
}

void cg_target_save(struct cg *cg, const struct tv_saves *sv, LLVMValueRef buf)
{
	for (int k = 0; k < sv->nslots; k++) {
		struct save_args a = { sv, k };
		LLVMValueRef v = by_row(cg, sv->rows, sv->nrows, cg->i64, cg_const(cg, 0), save_row,
					&a);
		LLVMBuildStore(cg->b, v, cg_field(cg, buf, 8 * (uint32_t)k));
	}
}

/* One row's values of a pretty-printed expression, into buf (program.h,
 * OUT_PRETTY). */
static void pretty_values(struct cg *cg, const struct loc *loc, const struct tv_read *r,
			  LLVMValueRef buf, LLVMValueRef *index)
{
	LLVMBuilderRef b = cg->b;
	uint32_t max = cg->opts->maxstringlen;
	for (int i = 0; i < r->n; i++) {
		const struct pretty_piece *p = &r->plan->pieces[i];
		if (p->fmt == PRETTY_TEXT)
			continue;
		LLVMValueRef v = num(cg, loc, &r->nums[i], index);
		cg_store_at(cg, buf, p->offset, v, cg->i64);
		if (p->fmt != PRETTY_STRING)
			continue;
		LLVMValueRef dst = cg_field(cg, buf, p->offset + 16);
		LLVMBuildStore(b, LLVMConstInt(cg->i8, 0, 0), dst);
		LLVMValueRef rc = cg->t->read_user_str(cg, dst, cg_const(cg, max), v);
		LLVMValueRef ok = LLVMBuildZExt(b, LLVMBuildICmp(b, LLVMIntSGE, rc, cg_const(cg, 0), ""),
						cg->i64, "");
		cg_store_at(cg, buf, p->offset + 8, ok, cg->i64);
	}
}

static LLVMValueRef pretty_row(struct cg *cg, int i, void *arg)
{
	struct read_args *a = arg;
	pretty_values(cg, &a->e->loc, &a->tv->reads[i], a->buf, a->index);
	return NULL;
}

LLVMValueRef cg_target_pretty(struct cg *cg, struct expr *e)
{
	const struct tv_expr *tv = e->res;
	LLVMBuilderRef b = cg->b;
	LLVMValueRef *index = run_indexes(cg, e);
	LLVMValueRef buf = cg_scratch(cg, tv->pretty->size, true);
	cg->pretty_faults = cg_alloca(cg, cg->i64, "faults");
	LLVMBuildStore(b, cg_const(cg, 0), cg->pretty_faults);
	/* the runtime chooses the plan by the row */
	struct read_args a = { e, tv, buf, index, 0 };
	by_row(cg, tv->rows, tv->varies ? tv->nrows : 1, NULL, NULL, pretty_row, &a);
	cg_store_at(cg, buf, 0, tv->varies ? cg->cookie : cg_const(cg, tv->rows[0]), cg->i64);
	cg_store_at(cg, buf, 8, LLVMBuildLoad2(b, cg->i64, cg->pretty_faults, ""), cg->i64);
	cg->pretty_faults = NULL;
	return buf;
}
