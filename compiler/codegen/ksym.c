/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ksym.c — the kernel's symbols as string values: symname(), symdata()
 * and modname() in any expression (printed, they stay text the runtime
 * makes from /proc/kallsyms: stack.c).
 *
 * Design note.  In a BPF probe the kernel names its own addresses: the
 * helper bpf_snprintf() takes "%pB", which writes "name+0xoff/0xsize" and
 * " [module]" for a module's symbol, from the kernel's kallsyms, at the
 * moment of the call (modules loaded since the start are named too), with
 * no table of uscript's own in a map (the kernel's text symbols alone would
 * take some 16 MiB of map memory).  "%pB" is meant for return addresses:
 * it looks up the byte before the address, so the probe passes addr + 1,
 * which names addr's own symbol, and takes 1 off the offset it prints.
 * One pass over the text, a bpf_loop of MAXSTRINGLEN turns whose callback
 * has no branches (cg_below, cg_choose), finds the '+', the '/', the module's
 * brackets and the two numbers; the value is then written with
 * bpf_snprintf in SystemTap's layout: symname "name", symdata
 * "name+0xoff/0xsize [module]", the module "kernel" for the kernel's own
 * symbols; an address with no symbol is its hex, and modname() of it
 * SystemTap's error "Cannot determine kernel module name".
 *
 * uscript's own handlers (begin, end, timer) name addresses in the
 * runtime, from /proc/kallsyms, with the functions that print them
 * (HOSTABI ksym). */
#include <linux/bpf.h>
#include <string.h>

#include "cg.h"
#include "hostabi.h"
#include "parse/diag.h"

enum ksym_kind { KSYM_NAME, KSYM_DATA, KSYM_MODULE };

/* What one pass over "%pB"'s text finds; each a byte index, len when the
 * character is not there. */
enum { KS_LEN, KS_PLUS, KS_SLASH, KS_SPACE, KS_LB, KS_RB, KS_OFF, KS_SIZE, KS_WORDS };

static uint32_t pow2_above(uint32_t n)
{
	uint32_t s = 1;
	while (s < n)
		s <<= 1;
	return s;
}

/* 1 when byte c is ch (both below 256). */
static LLVMValueRef is_byte(struct cg *cg, LLVMValueRef c, int ch)
{
	return LLVMBuildSub(cg->b, cg_const(cg, 1),
			    cg_nonzero(cg, LLVMBuildXor(cg->b, c, cg_const(cg, ch), "")), "");
}

/* The value of hex digit c ('0'-'9', 'a'-'f'). */
static LLVMValueRef hex_digit(struct cg *cg, LLVMValueRef c)
{
	LLVMValueRef alpha = cg_below(cg, cg_const(cg, '9'), c);
	return LLVMBuildSub(cg->b, LLVMBuildSub(cg->b, c, cg_const(cg, '0'), ""),
			    LLVMBuildMul(cg->b, alpha, cg_const(cg, 'a' - '0' - 10), ""), "");
}

/* st[k] = the first i where flag, if none yet (st[k] still `none`). */
static void first_at(struct cg *cg, LLVMValueRef st, int k, LLVMValueRef none,
		     LLVMValueRef flag, LLVMValueRef i)
{
	LLVMValueRef at = cg_field(cg, st, 8 * (uint32_t)k);
	LLVMValueRef cur = LLVMBuildLoad2(cg->b, cg->i64, at, "");
	LLVMValueRef unset = LLVMBuildSub(cg->b, cg_const(cg, 1),
					  cg_nonzero(cg, LLVMBuildXor(cg->b, cur, none, "")), "");
	LLVMBuildStore(cg->b, cg_choose(cg, LLVMBuildAnd(cg->b, flag, unset, ""), i, cur), at);
}

/* st[k] = st[k] * 16 + digit where flag. */
static void add_digit(struct cg *cg, LLVMValueRef st, int k, LLVMValueRef flag,
		      LLVMValueRef digit)
{
	LLVMValueRef at = cg_field(cg, st, 8 * (uint32_t)k);
	LLVMValueRef cur = LLVMBuildLoad2(cg->b, cg->i64, at, "");
	LLVMValueRef next = LLVMBuildAdd(cg->b, LLVMBuildShl(cg->b, cur, cg_const(cg, 4), ""),
					 digit, "");
	LLVMBuildStore(cg->b, cg_choose(cg, flag, next, cur), at);
}

static LLVMValueRef word(struct cg *cg, LLVMValueRef st, int k)
{
	return LLVMBuildLoad2(cg->b, cg->i64, cg_field(cg, st, 8 * (uint32_t)k), "");
}

/* A turn of the pass, over byte `index` of the text: a bpf_loop callback,
 * so that the verifier checks it once, not once a byte.  The state is at
 * off in the handler's scratch, the text 8 * KS_WORDS bytes after it. */
static LLVMValueRef scan_callback(struct cg *cg, uint32_t off, uint32_t span)
{
	static const char *const names[] = { "index", "ctx" };
	struct cg_saved saved;
	LLVMValueRef fn = cg_callback_begin(cg, "ksym_scan", names, 2, &saved);
	LLVMBuilderRef b = cg->b;
	LLVMBasicBlockRef stop = cg_block(cg, "stop"), go = cg_block(cg, "go");
	LLVMValueRef area = cg_loop_scratch(cg);
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, area, ""), stop, go);
	LLVMPositionBuilderAtEnd(b, stop);
	LLVMBuildRet(b, cg_const(cg, 1));
	LLVMPositionBuilderAtEnd(b, go);
	LLVMValueRef st = cg_field(cg, area, off), text = cg_field(cg, area, off + 8 * KS_WORDS);
	LLVMValueRef none = cg_const(cg, cg->opts->maxstringlen);
	LLVMValueRef i = LLVMBuildAnd(b, LLVMBuildPtrToInt(b, LLVMGetParam(fn, 0), cg->i64, ""),
				      cg_const(cg, span - 1), "");
	LLVMValueRef c = LLVMBuildZExt(b, LLVMBuildLoad2(b, cg->i8,
							 cg_gep(cg, text, cg_opaque(cg, i)), ""),
				       cg->i64, "c");
	first_at(cg, st, KS_LEN, none, is_byte(cg, c, 0), i);
	LLVMValueRef len = word(cg, st, KS_LEN);
	LLVMValueRef live = cg_below(cg, i, len);
	first_at(cg, st, KS_PLUS, none, LLVMBuildAnd(b, live, is_byte(cg, c, '+'), ""), i);
	first_at(cg, st, KS_SLASH, none, LLVMBuildAnd(b, live, is_byte(cg, c, '/'), ""), i);
	first_at(cg, st, KS_SPACE, none, LLVMBuildAnd(b, live, is_byte(cg, c, ' '), ""), i);
	first_at(cg, st, KS_LB, none, LLVMBuildAnd(b, live, is_byte(cg, c, '['), ""), i);
	first_at(cg, st, KS_RB, none, LLVMBuildAnd(b, live, is_byte(cg, c, ']'), ""), i);
	/* "+0x" then the offset's digits up to '/'; "/0x" then the size's
	 * up to ' ' or the end */
	LLVMValueRef plus = word(cg, st, KS_PLUS), slash = word(cg, st, KS_SLASH);
	LLVMValueRef space = word(cg, st, KS_SPACE);
	LLVMValueRef digit = hex_digit(cg, c);
	LLVMValueRef in_off = LLVMBuildAnd(b, cg_below(cg, LLVMBuildAdd(b, plus, cg_const(cg, 2), ""), i),
					   cg_below(cg, i, slash), "");
	LLVMValueRef in_size = LLVMBuildAnd(b, cg_below(cg, LLVMBuildAdd(b, slash, cg_const(cg, 2), ""), i),
					    LLVMBuildAnd(b, cg_below(cg, i, space), live, ""), "");
	add_digit(cg, st, KS_OFF, LLVMBuildAnd(b, in_off, live, ""), digit);
	add_digit(cg, st, KS_SIZE, in_size, digit);
	LLVMBuildRet(b, cg_const(cg, 0));
	cg_callback_end(cg, &saved);
	return fn;
}

/* The pass over the text at off + 8 * KS_WORDS of the scratch area, its
 * state at off. */
static void scan(struct cg *cg, uint32_t off, uint32_t span)
{
	LLVMValueRef area = cg_scratch_base(cg), st = cg_field(cg, area, off);
	uint32_t n = cg->opts->maxstringlen;
	for (int k = 0; k < KS_WORDS; k++)
		cg_store_at(cg, st, 8 * (uint32_t)k,
			    cg_const(cg, k >= KS_OFF ? 0 : (int64_t)n), cg->i64);
	LLVMValueRef slot = cg_function_slot(cg, "ksym.ctx", cg->ptr, NULL);
	LLVMBuildStore(cg->b, area, slot);
	cg_bpf_loop_ctx(cg, n, scan_callback(cg, off, span), slot);
}

/* bpf_snprintf(dst, MAXSTRINGLEN, fmt, args): each argument a long or a
 * pointer to a string. */
static void snprintf_args(struct cg *cg, LLVMValueRef dst, const char *fmt, LLVMValueRef *args,
			  int n)
{
	LLVMValueRef data = cg_scratch(cg, 8 * (uint32_t)n, true);
	for (int k = 0; k < n; k++) {
		LLVMValueRef v = args[k];
		if (LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind)
			v = LLVMBuildPtrToInt(cg->b, v, cg->i64, "");
		cg_store_at(cg, data, 8 * (uint32_t)k, v, cg->i64);
	}
	LLVMValueRef call[5] = { dst, LLVMConstInt(cg->i32, cg->opts->maxstringlen, 0),
				 cg_const_bytes(cg, fmt, (uint32_t)strlen(fmt) + 1), data,
				 LLVMConstInt(cg->i32, 8 * (unsigned)n, 0) };
	cg_bpf_helper(cg, BPF_FUNC_snprintf, cg->i64, call, 5);
}

/* text[at] = 0, at kept inside text's span bytes. */
static void cut(struct cg *cg, LLVMValueRef text, uint32_t span, LLVMValueRef at)
{
	LLVMValueRef idx = LLVMBuildAnd(cg->b, cg_opaque(cg, at), cg_const(cg, span - 1), "");
	LLVMBuildStore(cg->b, LLVMConstInt(cg->i8, 0, 0), cg_gep(cg, text, idx));
}

static LLVMValueRef bpf_ksym(struct cg *cg, struct expr *call, enum ksym_kind kind,
			     LLVMValueRef addr)
{
	LLVMBuilderRef b = cg->b;
	uint32_t n = cg->opts->maxstringlen, span = pow2_above(n + 1);
	uint32_t off = cg_scratch_reserve(cg, 8 * KS_WORDS + span, true);
	LLVMValueRef st = cg_field(cg, cg_scratch_base(cg), off);
	LLVMValueRef text = cg_field(cg, st, 8 * KS_WORDS);
	LLVMValueRef out = cg_string_slot(cg, true);
	LLVMBuildStore(b, LLVMConstInt(cg->i8, 0, 0), cg_gep(cg, text, cg_const(cg, n - 1)));
	cg_bpf_snprintf(cg, text, n, "%pB", LLVMBuildAdd(b, addr, cg_const(cg, 1), ""));
	scan(cg, off, span);
	LLVMValueRef none = cg_const(cg, n);
	LLVMValueRef plus = word(cg, st, KS_PLUS);
	LLVMBasicBlockRef named = cg_block(cg, "ks.named"), unnamed = cg_block(cg, "ks.unnamed"),
			  done = cg_block(cg, "ks.done");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, plus, none, ""), unnamed, named);

	LLVMPositionBuilderAtEnd(b, unnamed);
	if (kind == KSYM_MODULE) {
		cg_raise(cg, &call->loc, "Cannot determine kernel module name");
		LLVMBuildStore(b, LLVMConstInt(cg->i8, 0, 0), out);
	} else {
		snprintf_args(cg, out, "0x%llx", &addr, 1);
	}
	LLVMBuildBr(b, done);

	LLVMPositionBuilderAtEnd(b, named);
	/* the module: between the brackets, else the kernel's own */
	LLVMValueRef lb = word(cg, st, KS_LB), rb = word(cg, st, KS_RB);
	LLVMValueRef has_mod = LLVMBuildICmp(b, LLVMIntULT, lb, rb, "");
	LLVMValueRef kernel = cg_const_bytes(cg, "kernel", 7);
	cut(cg, text, span, rb);
	LLVMValueRef mod_at = LLVMBuildAnd(b, cg_opaque(cg, LLVMBuildAdd(b, lb, cg_const(cg, 1), "")),
					   cg_const(cg, span - 1), "");
	LLVMValueRef mod = LLVMBuildSelect(b, has_mod, cg_gep(cg, text, mod_at), kernel, "");
	cut(cg, text, span, plus);
	if (kind == KSYM_NAME) {
		LLVMValueRef a[1] = { text };
		snprintf_args(cg, out, "%s", a, 1);
	} else if (kind == KSYM_MODULE) {
		LLVMValueRef a[1] = { mod };
		snprintf_args(cg, out, "%s", a, 1);
	} else {
		LLVMValueRef off = LLVMBuildSub(b, word(cg, st, KS_OFF), cg_const(cg, 1), "");
		LLVMValueRef a[4] = { text, off, word(cg, st, KS_SIZE), mod };
		snprintf_args(cg, out, "%s+0x%llx/0x%llx [%s]", a, 4);
	}
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
	return out;
}

static LLVMValueRef host_ksym(struct cg *cg, struct expr *call, enum ksym_kind kind,
			      LLVMValueRef addr)
{
	LLVMValueRef out = cg_string_slot(cg, true);
	LLVMTypeRef params[4] = { cg->i64, cg->i64, cg->ptr, cg->i64 };
	LLVMValueRef args[4] = { cg_const(cg, kind), addr, out,
				 cg_const(cg, cg->opts->maxstringlen) };
	LLVMValueRef found = cg_call_named(cg, HOSTABI_PREFIX "ksym", cg->i64, params, args, 4);
	if (kind == KSYM_MODULE) {
		LLVMBasicBlockRef bad = cg_block(cg, "ks.nomod"), done = cg_block(cg, "ks.done");
		LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, found, cg_const(cg, 0), ""),
				bad, done);
		LLVMPositionBuilderAtEnd(cg->b, bad);
		cg_raise(cg, &call->loc, "Cannot determine kernel module name");
		LLVMBuildBr(cg->b, done);
		LLVMPositionBuilderAtEnd(cg->b, done);
	}
	return out;
}

LLVMValueRef cg_ksym(struct cg *cg, struct expr *call)
{
	enum ksym_kind kind = call->builtin->id == BI_symname ? KSYM_NAME :
			      call->builtin->id == BI_symdata ? KSYM_DATA : KSYM_MODULE;
	LLVMValueRef addr = cg_expr(cg, call->args);
	return cg->t->is_bpf ? bpf_ksym(cg, call, kind, addr) : host_ksym(cg, call, kind, addr);
}
