/* SPDX-License-Identifier: GPL-2.0-or-later */
/* user.c — reading memory: the traced program's with user_string,
 * user_string_n, user_long, user_int, user_short and user_char, as
 * SystemTap's tapset defines them (uconversions.stp), and the kernel's
 * with kernel_string, kernel_string2, kernel_string_n, kernel_long,
 * kernel_int, kernel_short, kernel_char and kernel_pointer
 * (conversions.stp).
 *
 * A read that faults never harms the program: the user_ numbers read as
 * 0, and a string is SystemTap's runtime error "user string copy fault"
 * unless the script gave a string to use instead.  The kernel_ reads that
 * fault are runtime errors, as in SystemTap ("kernel long copy fault"),
 * but for kernel_string(addr, err) and kernel_string2.  In begin, end and
 * timer probes there is no traced program: every read faults. */
#include "parse/arena.h"
#include "cg.h"

/* user_string(addr [, err]) and user_string_n(addr, n [, err]): at most
 * n bytes, n + 1 clamped to [1, MAXSTRINGLEN - 1] as SystemTap clamps it, so
 * user_string gives at most MAXSTRINGLEN - 2 bytes. */
static LLVMValueRef user_string(struct cg *cg, struct expr *call)
{
	LLVMBuilderRef b = cg->b;
	int id = call->builtin->id;
	bool with_n = id == BI_user_string_n || id == BI_kernel_string_n;
	bool kernel = id == BI_kernel_string || id == BI_kernel_string2 || id == BI_kernel_string_n;
	struct expr *addr_e = call->args, *n_e = with_n ? addr_e->next : NULL;
	struct expr *err_e = with_n ? n_e->next : addr_e->next;
	uint32_t max = cg->opts->maxstringlen;
	LLVMValueRef addr = cg_expr(cg, addr_e);
	LLVMValueRef len = with_n ? LLVMBuildAdd(b, cg_expr(cg, n_e), cg_const(cg, 1), "") :
		cg_const(cg, max);
	LLVMValueRef lo = cg_const(cg, 1), hi = cg_const(cg, max > 1 ? max - 1 : 1);
	len = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSLT, len, lo, ""), lo, len, "");
	len = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSGT, len, hi, ""), hi, len, "");
	LLVMValueRef err = err_e ? cg_expr(cg, err_e) : NULL;
	LLVMValueRef dst = cg_string_slot(cg, true);
	LLVMBuildStore(b, LLVMConstInt(cg->i8, 0, 0), dst);
	LLVMValueRef rc = kernel ? cg->t->read_kernel_str(cg, dst, len, addr) :
		cg->t->read_user_str(cg, dst, len, addr);
	LLVMBasicBlockRef fault = cg_block(cg, "ustr.fault"), ok = cg_block(cg, "ustr.ok");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, rc, cg_const(cg, 0), ""), fault, ok);
	LLVMPositionBuilderAtEnd(b, fault);
	if (err) {
		cg_string_store(cg, dst, err);
	} else if (kernel) {
		cg_raise_fmt(cg, &call->loc, "kernel string copy fault at 0x%x [man error::fault]",
			     &addr, 1);
	} else {
		LLVMValueRef vals[2] = { rc, addr };
		cg_raise_fmt(cg, &call->loc, "user string copy fault %d at 0x%x [man error::fault]",
			     vals, 2);
	}
	LLVMBuildBr(b, ok);
	LLVMPositionBuilderAtEnd(b, ok);
	return dst;
}

/* user_long and the narrower ones: signed, 0 when the read faults. */
static LLVMValueRef user_number(struct cg *cg, struct expr *call, uint32_t size)
{
	LLVMValueRef rc, v = cg_read_number(cg, false, cg_expr(cg, call->args), size, true, &rc);
	return LLVMBuildSelect(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_const(cg, 0), ""),
			       cg_const(cg, 0), v, "");
}

/* user_char_error and the others of its family: as user_char …, but a
 * read that faults is the runtime error SystemTap's reads of target memory
 * raise, which try/catch can catch (the library's user_char_warn and the
 * like are written over them). */
static LLVMValueRef user_number_error(struct cg *cg, struct expr *call, uint32_t size,
				      bool is_signed)
{
	LLVMValueRef addr = cg_expr(cg, call->args);
	LLVMValueRef rc, v = cg_read_number(cg, false, addr, size, is_signed, &rc);
	cg_raise_on_fault(cg, rc, &call->loc, "read fault [man error::fault] at 0x%x", addr);
	return v;
}

/* kernel_string_quoted(addr): the string in double quotes, escaped as
 * text_str() escapes it; where it cannot be read (or addr is 0), the
 * address in hex, unquoted, as SystemTap gives it. */
static LLVMValueRef kernel_string_quoted(struct cg *cg, struct expr *call)
{
	LLVMBuilderRef b = cg->b;
	uint32_t max = cg->opts->maxstringlen;
	LLVMValueRef addr = cg_expr(cg, call->args);
	LLVMValueRef raw = cg_string_slot(cg, true);
	LLVMBuildStore(b, LLVMConstInt(cg->i8, 0, 0), raw);
	LLVMValueRef rc = cg->t->read_kernel_str(cg, raw, cg_const(cg, max), addr);
	LLVMValueRef result = cg_function_slot(cg, "kquoted", cg->ptr, NULL);
	LLVMValueRef bad = LLVMBuildOr(b, LLVMBuildICmp(b, LLVMIntSLT, rc, cg_const(cg, 0), ""),
				       LLVMBuildICmp(b, LLVMIntEQ, addr, cg_const(cg, 0), ""), "");
	LLVMBasicBlockRef hex = cg_block(cg, "kq.hex"), text = cg_block(cg, "kq.text"),
		done = cg_block(cg, "kq.done");
	LLVMBuildCondBr(b, bad, hex, text);
	LLVMPositionBuilderAtEnd(b, hex);
	LLVMValueRef out = cg_string_slot(cg, true);
	LLVMValueRef end = cg_put_hex(cg, out, cg_const(cg, 31), cg_const(cg, 0), addr);
	LLVMBuildStore(b, LLVMConstInt(cg->i8, 0, 0),
		       cg_gep(cg, out, LLVMBuildAnd(b, cg_opaque(cg, end), cg_const(cg, 31), "")));
	LLVMBuildStore(b, out, result);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, text);
	LLVMValueRef q = cg_string_literal(cg, "\"", 1);
	LLVMValueRef s = cg->t->is_bpf ? cg_text_str_inline(cg, raw) : raw;
	LLVMBuildStore(b, cg_string_concat(cg, cg_string_concat(cg, q, s), q), result);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
	return LLVMBuildLoad2(b, cg->ptr, result, "");
}

/* kernel_long and the others: what = "long", "int" …  A fault is a
 * runtime error; the narrower ones sign-extend as C's types do, a
 * pointer does not. */
static LLVMValueRef kernel_number(struct cg *cg, struct expr *call, uint32_t size,
				  const char *what)
{
	LLVMValueRef addr = cg_expr(cg, call->args);
	LLVMValueRef rc, v = cg_read_number(cg, true, addr, size, true, &rc);
	const char *msg = arena_printf(cg->arena, "kernel %s copy fault at 0x%%x "
				       "[man error::fault]", what);
	cg_raise_on_fault(cg, rc, &call->loc, msg, addr);
	return v;
}

LLVMValueRef cg_user(struct cg *cg, struct expr *call)
{
	switch (call->builtin->id) {
	case BI_kernel_string_quoted: return kernel_string_quoted(cg, call);
	case BI_kernel_long: return kernel_number(cg, call, 8, "long");
	case BI_kernel_int: return kernel_number(cg, call, 4, "int");
	case BI_kernel_short: return kernel_number(cg, call, 2, "short");
	case BI_kernel_char: return kernel_number(cg, call, 1, "char");
	case BI_kernel_pointer: return kernel_number(cg, call, 8, "pointer");
	case BI_user_long: return user_number(cg, call, 8);
	case BI_user_int: return user_number(cg, call, 4);
	case BI_user_short: return user_number(cg, call, 2);
	case BI_user_char: return user_number(cg, call, 1);
	case BI_user_char_error: return user_number_error(cg, call, 1, true);
	case BI_user_short_error: return user_number_error(cg, call, 2, true);
	case BI_user_ushort_error: return user_number_error(cg, call, 2, false);
	case BI_user_int_error: return user_number_error(cg, call, 4, true);
	case BI_user_long_error: return user_number_error(cg, call, 8, true);
	case BI_user_ulong_error: return user_number_error(cg, call, 8, false);
	case BI_user_int8_error: return user_number_error(cg, call, 1, true);
	case BI_user_uint8_error: return user_number_error(cg, call, 1, false);
	case BI_user_int16_error: return user_number_error(cg, call, 2, true);
	case BI_user_uint16_error: return user_number_error(cg, call, 2, false);
	case BI_user_int32_error: return user_number_error(cg, call, 4, true);
	case BI_user_uint32_error: return user_number_error(cg, call, 4, false);
	case BI_user_int64_error: return user_number_error(cg, call, 8, true);
	case BI_user_uint64_error: return user_number_error(cg, call, 8, false);
	default: return user_string(cg, call);
	}
}
