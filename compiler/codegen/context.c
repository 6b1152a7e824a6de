/* SPDX-License-Identifier: GPL-2.0-or-later */
/* context.c — context, time and register builtins. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cg.h"

/* The probe point's pp(), probefunc() or ppfunc() (ROW_*), from the table
 * codegen.c built for a script that uses it. */
LLVMValueRef cg_row_string(struct cg *cg, int row)
{
	const struct row_strings *r = &cg->row_strings[row];
	return cg_string_table(cg, r->table, r->width, r->rows, cg->cookie);
}

/* randint(n): a number in [0, n) from the kernel's pseudo-random source
 * (the runtime's in host probes); n above 2^20 is SystemTap's error
 * "range too wide", and n of 0 gives 0. */
static LLVMValueRef randint(struct cg *cg, struct expr *call)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef n = cg_expr(cg, call->args);
	LLVMBasicBlockRef wide = cg_block(cg, "randint.wide"), ok = cg_block(cg, "randint.ok");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntUGT, n, cg_const(cg, 1024 * 1024), ""), wide, ok);
	LLVMPositionBuilderAtEnd(b, wide);
	cg_raise(cg, &call->loc, "range too wide");
	LLVMBuildBr(b, ok);
	LLVMPositionBuilderAtEnd(b, ok);
	LLVMValueRef r = cg->t->context(cg, BI_randint);
	LLVMValueRef zero = LLVMBuildICmp(b, LLVMIntEQ, n, cg_const(cg, 0), "");
	LLVMValueRef d = LLVMBuildSelect(b, zero, cg_const(cg, 1), n, "");
	return LLVMBuildSelect(b, zero, cg_const(cg, 0), LLVMBuildURem(b, r, d, ""), "");
}

/* is_return(): 1 in a .return probe.  A handler shared by entry and
 * .return points tells them apart by the row that fired. */
static LLVMValueRef is_return(struct cg *cg)
{
	if (!cg->t->is_bpf || cg->in_return)
		return cg_const(cg, cg->in_return);
	bool mixed = false;
	for (int i = 0; i < cg->attach->n; i++) {
		const struct attach_point *a = &cg->attach->rows[i];
		mixed |= a->probe == cg->probe->id && !a->cookie_of && a->kind == ATTACH_URETPROBE;
	}
	if (!mixed)
		return cg_const(cg, 0);
	LLVMValueRef cmp = cg_string_compare(cg, cg_row_string(cg, ROW_PROBE_TYPE),
					     cg_string_literal(cg, "uretprobe", 9));
	return LLVMBuildZExt(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, cmp, cg_const(cg, 0), ""),
			     cg->i64, "");
}

LLVMValueRef cg_context(struct cg *cg, struct expr *call)
{
	enum builtin_id id = (enum builtin_id)call->builtin->id;
	switch (id) {
	case BI_execname: {
		LLVMValueRef slot = cg_string_slot(cg, true);
		if (cg->opts->maxstringlen >= 16) {
			cg->t->execname(cg, slot);
			return slot;
		}
		LLVMValueRef comm = cg_alloca(cg, LLVMArrayType2(cg->i8, 16), "comm");
		cg->t->execname(cg, comm);
		LLVMBuildStore(cg->b, LLVMConstInt(cg->i8, 0, 0), cg_field(cg, comm, 15));
		cg_string_store(cg, slot, comm);
		return slot;
	}
	case BI_target:
		return LLVMBuildLoad2(cg->b, cg->i64,
			cg_field(cg, cg->globals, offsetof(struct globals_hdr, target_pid)), "target");
	case BI_pp:
		return cg_row_string(cg, ROW_PP);
	case BI_probefunc:
		return cg_row_string(cg, ROW_PROBEFUNC);
	case BI_ppfunc:
		return cg_row_string(cg, ROW_PPFUNC);
	case BI_pn:
		return cg_row_string(cg, ROW_PN);
	case BI_probe_type:
		return cg_row_string(cg, ROW_PROBE_TYPE);
	case BI_is_return:
		return is_return(cg);
	case BI_stp_pid:
		return LLVMBuildLoad2(cg->b, cg->i64,
			cg_field(cg, cg->globals, offsetof(struct globals_hdr, stp_pid)), "stp_pid");
	case BI_randint:
		return randint(cg, call);
	case BI___maxstringlen:
		/* The library's @MAXSTRINGLEN. */
		return cg_const(cg, cg->opts->maxstringlen);
	default:
		return cg->t->context(cg, id);
	}
}

LLVMValueRef cg_time(struct cg *cg, struct expr *call)
{
	if (call->builtin->id == BI_jiffies)
		return cg->t->context(cg, BI_jiffies);
	LLVMValueRef ns = cg->t->clock_ns(cg);
	/* get_cycles(): BPF has no cycle counter; the nanoseconds of the
	 * same clock count in its place. */
	if (call->builtin->id == BI_local_clock_ns || call->builtin->id == BI_get_cycles)
		return ns;
	LLVMValueRef off = LLVMBuildLoad2(cg->b, cg->i64,
		cg_field(cg, cg->globals, offsetof(struct globals_hdr, realtime_offset)), "");
	ns = LLVMBuildAdd(cg->b, ns, off, "");
	int64_t unit;
	switch (call->builtin->id) {
	case BI_gettimeofday_s: unit = 1000000000; break;
	case BI_gettimeofday_ms: unit = 1000000; break;
	case BI_gettimeofday_us: unit = 1000; break;
	default: return ns;
	}
	return LLVMBuildUDiv(cg->b, ns, cg_const(cg, unit), "");
}

/* In BPF the load is one instruction of inline assembly: the verifier takes
 * a read of the probe's context only at a constant offset from the context
 * pointer itself, and LLVM, given the address as arithmetic, may compute it
 * once into a register and load through that wherever a handler reads the
 * same register again (it did, in a probe of some hundred statements). */
LLVMValueRef cg_load_reg(struct cg *cg, uint32_t off)
{
	if (!cg->t->is_bpf)
		return LLVMBuildLoad2(cg->b, cg->i64, cg_field(cg, cg->regs, off), "reg");
	char text[48];
	snprintf(text, sizeof(text), "$0 = *(u64 *)($1 + %u)", off);
	LLVMTypeRef ty = LLVMFunctionType(cg->i64, &cg->ptr, 1, 0);
	LLVMValueRef asm_ = LLVMGetInlineAsm(ty, text, strlen(text), "=r,r", 4, 0, 0,
					     LLVMInlineAsmDialectATT, 0);
	return LLVMBuildCall2(cg->b, ty, asm_, &cg->regs, 1, "reg");
}

/* The arguments where the System V x86-64 convention puts them (program.h):
 * after the sixth on the stack, above the return address, where SystemTap
 * reads them too: meaningful at a function's entry. */

/* register(name) and u_register(name): the register as the probe saw it,
 * a narrower one sign-extended by register() and not by u_register().
 * The name is a literal (resolution checked it): the registers can only be
 * read at constant offsets.  Where no registers were saved (begin, end,
 * timer and tracepoint probes) it is SystemTap's runtime error. */
static LLVMValueRef named_register(struct cg *cg, struct expr *call)
{
	LLVMBuilderRef b = cg->b;
	const struct reg_name *r = call->args->kind == EXPR_STR ?
		builtin_register(call->args->str) : NULL;
	bool raw_tp = cg->fixed_row >= 0 && cg->attach->rows[cg->fixed_row].kind == ATTACH_RAW_TP;
	if (!r)
		return cg_const(cg, 0);
	if (!cg->regs || !cg->t->is_bpf || raw_tp) {
		cg_raise(cg, &call->loc, "cannot access CPU registers in this context");
		return cg_const(cg, 0);
	}
	uint32_t off = r->off & ~7u, shift = (r->off & 7u) * 8;
	LLVMValueRef v = cg_load_reg(cg, off);
	if (shift)
		v = LLVMBuildLShr(b, v, cg_const(cg, shift), "");
	if (r->size == 8)
		return v;
	LLVMTypeRef narrow = LLVMIntTypeInContext(cg->ctx, r->size * 8);
	v = LLVMBuildTrunc(b, v, narrow, "");
	return call->builtin->id == BI_register ? LLVMBuildSExt(b, v, cg->i64, "") :
		LLVMBuildZExt(b, v, cg->i64, "");
}

LLVMValueRef cg_arg(struct cg *cg, struct expr *call)
{
	enum builtin_id id = (enum builtin_id)call->builtin->id;
	if (id == BI_register || id == BI_u_register)
		return named_register(cg, call);
	if (!cg->regs)
		return cg_const(cg, 0);
	if (id == BI_returnval)
		return cg_load_reg(cg, PT_REGS_AX);
	LLVMValueRef v;
	struct expr *n = call->args;
	if (n->kind == EXPR_NUM && n->num >= 1 && n->num <= 6) {
		v = cg_load_reg(cg, pt_regs_arg((int)n->num - 1));
	} else {
		/* The registers can only be read at constant offsets: choose
		 * among them, or read the stack. */
		LLVMValueRef k = cg_expr(cg, n);
		v = cg_const(cg, 0);
		for (int i = 0; i < 6; i++) {
			LLVMValueRef is = LLVMBuildICmp(cg->b, LLVMIntEQ, k, cg_const(cg, i + 1), "");
			v = LLVMBuildSelect(cg->b, is, cg_load_reg(cg, pt_regs_arg(i)), v, "");
		}
		LLVMValueRef slot = cg_function_slot(cg, "read.slot", cg->i64, NULL);
		LLVMBasicBlockRef stack = cg_block(cg, "arg.stack"), done = cg_block(cg, "arg.done");
		LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
		LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSGT, k, cg_const(cg, 6), ""),
				stack, done);
		LLVMPositionBuilderAtEnd(cg->b, stack);
		LLVMBuildStore(cg->b, cg_const(cg, 0), slot);
		LLVMValueRef addr = LLVMBuildAdd(cg->b, cg_load_reg(cg, PT_REGS_SP),
			LLVMBuildMul(cg->b, LLVMBuildSub(cg->b, k, cg_const(cg, 6), ""),
				     cg_const(cg, 8), ""), "");
		cg->t->read_user(cg, slot, 8, addr);
		LLVMValueRef sv = LLVMBuildLoad2(cg->b, cg->i64, slot, "");
		LLVMBasicBlockRef stack_end = LLVMGetInsertBlock(cg->b);
		LLVMBuildBr(cg->b, done);
		LLVMPositionBuilderAtEnd(cg->b, done);
		LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->i64, "");
		LLVMValueRef vals[2] = { v, sv };
		LLVMBasicBlockRef blocks[2] = { from, stack_end };
		LLVMAddIncoming(phi, vals, blocks, 2);
		v = phi;
	}
	switch (id) {
	case BI_int_arg:
		return LLVMBuildSExt(cg->b, LLVMBuildTrunc(cg->b, v, cg->i32, ""), cg->i64, "");
	case BI_uint_arg:
		return LLVMBuildZExt(cg->b, LLVMBuildTrunc(cg->b, v, cg->i32, ""), cg->i64, "");
	default:
		return v;
	}
}
