/* SPDX-License-Identifier: GPL-2.0-or-later */
/* stack.c — the traced thread's stack: print_ubacktrace(),
 * sprint_ubacktrace(), ubacktrace(), ucallers() and usymname(); and the kernel's, at
 * a tracepoint or a perf sample: print_backtrace(), sprint_backtrace()
 * and backtrace(), named from /proc/kallsyms by the runtime.
 *
 * The kernel walks the user stack (bpf_get_stack, by frame pointers) when
 * the probe fires.  Naming the addresses needs the process's memory map and
 * the symbols of its files, which only the runtime reads: print_ubacktrace,
 * sprint_ubacktrace and usymname, when printed, send the addresses in the
 * output record and the runtime makes the text when it prints it
 * (runtime/symbolize.c); as values, usym.c makes their text in the probe.
 * ubacktrace() and ucallers() need no names, so they are strings made
 * here: the addresses in hex, as SystemTap makes them. */
#include "cg.h"

/* Fills a struct out_stack at buf: the pid and the stack; a kernel stack
 * (print_backtrace) has the pid SYM_KERNEL, -1. */
static void fill_stack(struct cg *cg, LLVMValueRef buf, bool kernel)
{
	LLVMBuilderRef b = cg->b;
	cg_store_at(cg, buf, offsetof(struct out_stack, pid),
		    kernel ? cg_const(cg, -1) : cg->t->context(cg, BI_pid), cg->i64);
	cg_store_at(cg, buf, offsetof(struct out_stack, row), cg->cookie, cg->i64);
	LLVMValueRef frames = cg_field(cg, buf, offsetof(struct out_stack, frames));
	LLVMValueRef rc = kernel ? cg->t->kernel_stack(cg, frames, OUT_MAX_FRAMES * 8) :
		cg->t->user_stack(cg, frames, OUT_MAX_FRAMES * 8);
	LLVMValueRef n = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSGT, rc, cg_const(cg, 0), ""),
					 LLVMBuildLShr(b, rc, cg_const(cg, 3), ""), cg_const(cg, 0), "");
	cg_store_at(cg, buf, offsetof(struct out_stack, nframes), n, cg->i64);
}

bool cg_is_kernel_stack(const struct expr *e)
{
	return e->kind == EXPR_CALL && e->builtin && (e->builtin->id == BI_print_backtrace ||
						      e->builtin->id == BI_sprint_backtrace);
}

/* A stack is unwound by call-frame information (.eh_frame, .debug_frame)
 * where the program's context is the traced thread's user registers: in
 * a uprobe's or a uretprobe's handler, and in a function that only those
 * call.  Elsewhere (perf samples, tracepoints) the kernel's walk by frame
 * pointers is all there is. */
uint32_t cg_ustack_bytes(struct cg *cg)
{
	if (!cg->t->is_bpf || !cg->opts->ustack_bytes)
		return 0;
	for (int i = 0; i < cg->attach->n; i++) {
		const struct attach_point *a = &cg->attach->rows[i];
		if (cg->probe && a->probe != cg->probe->id)
			continue;
		if (a->kind != ATTACH_UPROBE && a->kind != ATTACH_URETPROBE &&
		    (cg->probe || (a->kind != ATTACH_BEGIN && a->kind != ATTACH_END &&
				   a->kind != ATTACH_ERROR && a->kind != ATTACH_TIMER)))
			return 0;
	}
	return cg->opts->ustack_bytes;
}

/* struct out_uregs at dst: the registers, then the stack from rsp up.
 * Near the top of the stack's mapping a read of all the bytes faults;
 * then half as many are tried, down to 512. */
void cg_fill_uregs(struct cg *cg, LLVMValueRef dst, uint32_t bytes)
{
	static const uint32_t pt_regs_of_dwarf[OUT_UREGS] = {
		PT_REGS_AX, 96, 88, 40, 104, 112, 32, PT_REGS_SP,
		72, 64, 56, 48, 24, 16, 8, 0, PT_REGS_IP,
	};
	LLVMBuilderRef b = cg->b;
	for (int k = 0; k < OUT_UREGS; k++)
		cg_store_at(cg, dst, 8 * (uint32_t)k, cg_load_reg(cg, pt_regs_of_dwarf[k]), cg->i64);
	LLVMValueRef len = cg_field(cg, dst, offsetof(struct out_uregs, len));
	LLVMValueRef data = cg_field(cg, dst, sizeof(struct out_uregs));
	LLVMValueRef sp = cg_load_reg(cg, PT_REGS_SP);
	LLVMBasicBlockRef done = cg_block(cg, "ustack.done");
	for (uint32_t n = bytes; ; n /= 2) {
		LLVMValueRef rc = cg->t->read_user(cg, data, n, sp);
		LLVMValueRef ok = LLVMBuildICmp(b, LLVMIntEQ, rc, cg_const(cg, 0), "");
		LLVMBuildStore(b, LLVMBuildSelect(b, ok, cg_const(cg, n), cg_const(cg, 0), ""), len);
		if (n / 2 < 512) {
			LLVMBuildBr(b, done);
			break;
		}
		LLVMBasicBlockRef next = cg_block(cg, "ustack.less");
		LLVMBuildCondBr(b, ok, done, next);
		LLVMPositionBuilderAtEnd(b, next);
	}
	LLVMPositionBuilderAtEnd(b, done);
}

/* In uscript's own handlers (begin, end, error, timer) there is no traced
 * thread, and SystemTap's words for a stack are "<no user backtrace at PP>"
 * and a line (ubacktrace()'s text, which names nothing, is the bare line). */
LLVMValueRef cg_no_user_stack(struct cg *cg, bool named)
{
	if (!named)
		return cg_string_literal(cg, "\n", 1);
	static const char pre[] = "<no user backtrace at ", post[] = ">\n";
	LLVMValueRef s = cg_string_concat(cg, cg_string_literal(cg, pre, sizeof(pre) - 1),
					  cg_row_string(cg, ROW_PP));
	return cg_string_concat(cg, s, cg_string_literal(cg, post, sizeof(post) - 1));
}

int cg_deferred_kind(const struct expr *e)
{
	if (e->kind == EXPR_TARGET && e->pretty)
		return OUT_PRETTY;
	if (e->kind != EXPR_CALL || !e->builtin)
		return -1;
	if (e->builtin->id == BI_sprint && e->args->kind == EXPR_STAT &&
	    (e->args->stat == STAT_HIST_LOG || e->args->stat == STAT_HIST_LINEAR))
		return OUT_HIST;
	switch (e->builtin->id) {
	case BI_sprint_ubacktrace: return OUT_SBACKTRACE;
	/* ubacktrace() and sprint_ustack(ubacktrace()), printed as they are,
	 * carry the stack as print_ubacktrace() does, so that the runtime
	 * may unwind it further than frame pointers go; as values they are
	 * made in the probe (stack.c, usym.c) from the frame-pointer walk. */
	case BI_ubacktrace: return OUT_UBACKTRACE;
	case BI_sprint_ustack:
		return e->args->kind == EXPR_CALL && e->args->builtin &&
		       e->args->builtin->id == BI_ubacktrace ? OUT_USTACK : -1;
	case BI_sprint_backtrace: return OUT_SBACKTRACE;
	case BI_usymname: return OUT_USYMNAME;
	case BI_symname: return OUT_USYMNAME;
	case BI_symdata: return OUT_SYMDATA;
	default: return -1;
	}
}

LLVMValueRef cg_deferred_value(struct cg *cg, struct expr *e)
{
	if (cg_deferred_kind(e) == OUT_PRETTY)
		return cg_target_pretty(cg, e);
	if (cg_deferred_kind(e) == OUT_SYMDATA || (e->kind == EXPR_CALL && e->builtin &&
						       e->builtin->id == BI_symname)) {
		/* the kernel's symbols: named by the runtime from kallsyms */
		LLVMValueRef addr = cg_expr(cg, e->args);
		LLVMValueRef buf = cg_scratch(cg, sizeof(struct out_addr), true);
		cg_store_at(cg, buf, offsetof(struct out_addr, pid), cg_const(cg, -1), cg->i64);
		cg_store_at(cg, buf, offsetof(struct out_addr, addr), addr, cg->i64);
		return buf;
	}
	if (cg_deferred_kind(e) == OUT_USYMNAME) {
		LLVMValueRef addr = cg_expr(cg, e->args);
		LLVMValueRef buf = cg_scratch(cg, sizeof(struct out_addr), true);
		/* In uscript's own handlers (end), the addresses are the
		 * target's: a profile names the stacks it kept at the end. */
		cg->host_usymname |= !cg->t->is_bpf;
		LLVMValueRef pid = cg->t->is_bpf ? cg->t->context(cg, BI_pid) :
			LLVMBuildLoad2(cg->b, cg->i64, cg_field(cg, cg->globals,
				offsetof(struct globals_hdr, target_pid)), "target");
		cg_store_at(cg, buf, offsetof(struct out_addr, pid), pid, cg->i64);
		cg_store_at(cg, buf, offsetof(struct out_addr, addr), addr, cg->i64);
		return buf;
	}
	LLVMValueRef buf = cg_scratch(cg, sizeof(struct out_stack), true);
	fill_stack(cg, buf, e->kind == EXPR_CALL && e->builtin &&
		   (e->builtin->id == BI_print_backtrace || e->builtin->id == BI_sprint_backtrace));
	return buf;
}

/* v, as a value the optimizer knows nothing of, so that a mask that keeps
 * an index inside a buffer for the verifier is not dropped as one that
 * changes nothing (BPF); elsewhere v itself. */
LLVMValueRef cg_opaque(struct cg *cg, LLVMValueRef v)
{
	if (!cg->t->is_bpf)
		return v;
	LLVMTypeRef ty = LLVMFunctionType(cg->i64, (LLVMTypeRef[]){ cg->i64 }, 1, 0);
	LLVMValueRef asm_ = LLVMGetInlineAsm(ty, "", 0, "=r,0", 4, 0, 0, LLVMInlineAsmDialectATT,
					     0);
	return LLVMBuildCall2(cg->b, ty, asm_, &v, 1, "");
}

LLVMValueRef cg_ctlz(struct cg *cg, LLVMValueRef v)
{
	LLVMTypeRef ty = LLVMFunctionType(cg->i64, (LLVMTypeRef[]){ cg->i64, cg->i1 }, 2, 0);
	LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, "llvm.ctlz.i64");
	if (!fn)
		fn = LLVMAddFunction(cg->mod, "llvm.ctlz.i64", ty);
	return LLVMBuildCall2(cg->b, ty, fn, (LLVMValueRef[]){ v, LLVMConstInt(cg->i1, 0, 0) }, 2,
			      "lz");
}

/* Writes v as "0x" and lowercase hex digits (SystemTap's %#x; 0 is "0x0")
 * at out[pos & mask] onwards, without branches, and returns the position
 * after it.  The buffer must have 18 bytes of room past mask. */
LLVMValueRef cg_put_hex(struct cg *cg, LLVMValueRef out, LLVMValueRef mask, LLVMValueRef pos,
			LLVMValueRef v)
{
	LLVMBuilderRef b = cg->b;
	static const char hex[16] = "0123456789abcdef";
	LLVMValueRef digits = cg_const_bytes(cg, hex, sizeof(hex));
	LLVMValueRef lz = cg_ctlz(cg, v);
	/* digits: 1 for 0, else the significant nibbles */
	LLVMValueRef nd = LLVMBuildLShr(b, LLVMBuildSub(b, cg_const(cg, 67), lz, ""),
					cg_const(cg, 2), "");
	nd = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ, v, cg_const(cg, 0), ""),
			     cg_const(cg, 1), nd, "nd");
	LLVMValueRef p = LLVMBuildAnd(b, cg_opaque(cg, pos), mask, "");
	LLVMBuildStore(b, LLVMConstInt(cg->i8, '0', 0), cg_gep(cg, out, p));
	LLVMBuildStore(b, LLVMConstInt(cg->i8, 'x', 0),
		       cg_gep(cg, out, LLVMBuildAdd(b, p, cg_const(cg, 1), "")));
	for (int k = 0; k < 16; k++) {
		/* digit k from the left: nibble nd - 1 - k; those past the
		 * number's own are overwritten by what comes next */
		LLVMValueRef sh = LLVMBuildAnd(b, LLVMBuildShl(b,
			LLVMBuildSub(b, nd, cg_const(cg, k + 1), ""), cg_const(cg, 2), ""),
			cg_const(cg, 63), "");
		LLVMValueRef d = LLVMBuildAnd(b, LLVMBuildLShr(b, v, sh, ""), cg_const(cg, 15), "");
		LLVMValueRef c = LLVMBuildLoad2(b, cg->i8, cg_gep(cg, digits, d), "");
		LLVMBuildStore(b, c, cg_gep(cg, out, LLVMBuildAdd(b, p, cg_const(cg, k + 2), "")));
	}
	return LLVMBuildAdd(b, pos, LLVMBuildAdd(b, nd, cg_const(cg, 2), ""), "");
}

/* ubacktrace(): "0x55d0c8a4b149 0x55d0c8a4b1c0 ", cut to MAXSTRINGLEN - 1
 * bytes.  Each frame's text is written whole, without branches the
 * verifier would have to follow, into a buffer that holds every frame's:
 * "0x", sixteen digits (those past the number's own are overwritten next),
 * the space; the cut comes last. */
static LLVMValueRef ubacktrace(struct cg *cg, bool kernel)
{
	LLVMBuilderRef b = cg->b;
	uint32_t need = OUT_MAX_FRAMES * 19 + 1, size = 1;
	while (size < need || size < cg->opts->maxstringlen)
		size <<= 1;
	LLVMValueRef mask = cg_const(cg, size - 1);
	LLVMValueRef out = cg_scratch(cg, size + 32, true);
	/* 32 frame slots, so that a masked index stays inside */
	LLVMValueRef frames = cg_scratch(cg, 32 * 8, true);
	LLVMValueRef rc = kernel ? cg->t->kernel_stack(cg, frames, OUT_MAX_FRAMES * 8) :
		cg->t->user_stack(cg, frames, OUT_MAX_FRAMES * 8);
	LLVMValueRef n = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSGT, rc, cg_const(cg, 0), ""),
					 LLVMBuildLShr(b, rc, cg_const(cg, 3), ""), cg_const(cg, 0), "");
	LLVMBasicBlockRef pre = LLVMGetInsertBlock(b), head = cg_block(cg, "ubt.head"),
		body = cg_block(cg, "ubt.body"), done = cg_block(cg, "ubt.done");
	LLVMBuildBr(b, head);
	LLVMPositionBuilderAtEnd(b, head);
	LLVMValueRef i = LLVMBuildPhi(b, cg->i64, "i"), pos = LLVMBuildPhi(b, cg->i64, "pos");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULT, i, n, ""), body, done);

	LLVMPositionBuilderAtEnd(b, body);
	LLVMValueRef slot = LLVMBuildShl(b, LLVMBuildAnd(b, i, cg_const(cg, 31), ""),
					 cg_const(cg, 3), "");
	LLVMValueRef v = LLVMBuildLoad2(b, cg->i64, cg_gep(cg, frames, slot), "frame");
	LLVMValueRef end = cg_put_hex(cg, out, mask, pos, v);
	LLVMBuildStore(b, LLVMConstInt(cg->i8, ' ', 0),
		       cg_gep(cg, out, LLVMBuildAnd(b, end, mask, "")));
	LLVMValueRef pos1 = LLVMBuildAdd(b, end, cg_const(cg, 1), "");
	LLVMValueRef i1 = LLVMBuildAdd(b, i, cg_const(cg, 1), "");
	LLVMBasicBlockRef latch = LLVMGetInsertBlock(b);
	LLVMBuildBr(b, head);
	LLVMAddIncoming(i, (LLVMValueRef[]){ cg_const(cg, 0), i1 },
			(LLVMBasicBlockRef[]){ pre, latch }, 2);
	LLVMAddIncoming(pos, (LLVMValueRef[]){ cg_const(cg, 0), pos1 },
			(LLVMBasicBlockRef[]){ pre, latch }, 2);

	LLVMPositionBuilderAtEnd(b, done);
	LLVMValueRef max = cg_const(cg, cg->opts->maxstringlen - 1);
	LLVMValueRef cut = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntULT, pos, max, ""), pos, max,
					   "");
	LLVMBuildStore(b, LLVMConstInt(cg->i8, 0, 0),
		       cg_gep(cg, out, LLVMBuildAnd(b, cut, mask, "")));
	return out;
}

/* ucallers(n): the first n + 1 addresses of the stack (all for -1), "0x"
 * and hex, a space between, as SystemTap's tapset makes it: an address
 * whose text would take the string past MAXSTRINGLEN is left out with the
 * rest, and then the string is cut to MAXSTRINGLEN - 1 bytes; a stack of
 * fewer frames, all in the string, is the error "reached end of stack
 * before unwinding to level N".  In uscript's own handlers the stack has
 * no frames.
 *
 * In BPF a frame is a turn of a bpf_loop callback, checked once however
 * many calls a probe makes, with its state in scratch at `off`: */
enum { UC_N = 0, UC_I = 8, UC_POS = 16, UC_KEPT = 24, UC_FRAMES = 32, UC_OUT = 32 + 32 * 8 };

static uint32_t ucallers_span(struct cg *cg)
{
	uint32_t need = OUT_MAX_FRAMES * 19 + 1, size = 1;
	while (size < need || size < cg->opts->maxstringlen)
		size <<= 1;
	return size;
}

static LLVMValueRef ucallers_step(struct cg *cg, uint32_t off)
{
	static const char *const names[] = { "index", "ctx" };
	struct cg_saved saved;
	LLVMValueRef fn = cg_callback_begin(cg, "ucallers_step", names, 2, &saved);
	LLVMBuilderRef b = cg->b;
	uint32_t span = ucallers_span(cg);
	LLVMBasicBlockRef stop = cg_block(cg, "stop"), go = cg_block(cg, "go"),
		frame = cg_block(cg, "frame");
	LLVMValueRef area = cg_loop_scratch(cg);
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, area, ""), stop, go);
	LLVMPositionBuilderAtEnd(b, stop);
	LLVMBuildRet(b, cg_const(cg, 1));

	LLVMPositionBuilderAtEnd(b, go);
	LLVMValueRef st = cg_field(cg, area, off), out = cg_field(cg, st, UC_OUT);
	LLVMValueRef i = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, UC_I), "i");
	LLVMValueRef n = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, UC_N), "n");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULT, i, n, ""), frame, stop);
	LLVMPositionBuilderAtEnd(b, frame);
	LLVMValueRef pos = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, UC_POS), "pos");
	LLVMValueRef kept = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, UC_KEPT), "kept");
	LLVMValueRef mask = cg_const(cg, span - 1);
	LLVMValueRef slot = LLVMBuildShl(b, LLVMBuildAnd(b, cg_opaque(cg, i), cg_const(cg, 31), ""),
					 cg_const(cg, 3), "");
	LLVMValueRef v = LLVMBuildLoad2(b, cg->i64, cg_gep(cg, cg_field(cg, st, UC_FRAMES), slot),
					"frame");
	LLVMBuildStore(b, LLVMConstInt(cg->i8, ' ', 0),
		       cg_gep(cg, out, LLVMBuildAnd(b, cg_opaque(cg, pos), mask, "")));
	LLVMValueRef at = LLVMBuildAdd(b, pos, LLVMBuildZExt(b,
		LLVMBuildICmp(b, LLVMIntNE, i, cg_const(cg, 0), ""), cg->i64, ""), "");
	LLVMValueRef end = cg_put_hex(cg, out, mask, at, v);
	LLVMValueRef keep = LLVMBuildAnd(b,
		LLVMBuildICmp(b, LLVMIntULE, end, cg_const(cg, cg->opts->maxstringlen), ""),
		LLVMBuildICmp(b, LLVMIntEQ, kept, pos, ""), "");
	LLVMBuildStore(b, LLVMBuildSelect(b, keep, end, kept, ""), cg_field(cg, st, UC_KEPT));
	LLVMBuildStore(b, end, cg_field(cg, st, UC_POS));
	LLVMBuildStore(b, LLVMBuildAdd(b, i, cg_const(cg, 1), ""), cg_field(cg, st, UC_I));
	LLVMBuildRet(b, cg_const(cg, 0));
	cg_callback_end(cg, &saved);
	return fn;
}

static LLVMValueRef ucallers(struct cg *cg, struct expr *call)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef want = cg_expr(cg, call->args);
	uint32_t span = ucallers_span(cg);
	uint32_t off = cg_scratch_reserve(cg, UC_OUT + span + 32, true);
	LLVMValueRef st = cg_field(cg, cg_scratch_base(cg), off), out = cg_field(cg, st, UC_OUT);
	LLVMValueRef rc = cg->t->user_stack(cg, cg_field(cg, st, UC_FRAMES), OUT_MAX_FRAMES * 8);
	LLVMValueRef have = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSGT, rc, cg_const(cg, 0), ""),
					    LLVMBuildLShr(b, rc, cg_const(cg, 3), ""),
					    cg_const(cg, 0), "");
	/* n + 1 frames, all for -1, none below */
	LLVMValueRef all = LLVMBuildICmp(b, LLVMIntEQ, want, cg_const(cg, -1), "");
	LLVMValueRef asked = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSLT, want, cg_const(cg, 0), ""),
					     cg_const(cg, 0), LLVMBuildAdd(b, want, cg_const(cg, 1), ""),
					     "");
	LLVMValueRef short_ = LLVMBuildAnd(b, LLVMBuildNot(b, all, ""),
					   LLVMBuildICmp(b, LLVMIntUGT, asked, have, ""), "");
	LLVMValueRef n = LLVMBuildSelect(b, LLVMBuildOr(b, all, short_, ""), have, asked, "n");
	LLVMBuildStore(b, n, cg_field(cg, st, UC_N));
	for (uint32_t f = UC_I; f <= UC_KEPT; f += 8)
		LLVMBuildStore(b, cg_const(cg, 0), cg_field(cg, st, f));
	/* uscript's own handlers have no frames to name */
	if (cg->t->is_bpf)
		cg_bpf_loop(cg, OUT_MAX_FRAMES, ucallers_step(cg, off));
	LLVMValueRef pos = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, UC_POS), "pos");
	LLVMValueRef kept = LLVMBuildLoad2(b, cg->i64, cg_field(cg, st, UC_KEPT), "kept");
	LLVMBasicBlockRef bad = cg_block(cg, "ucallers.short"), ok = cg_block(cg, "ucallers.ok");
	LLVMBuildCondBr(b, LLVMBuildAnd(b, short_, LLVMBuildICmp(b, LLVMIntEQ, kept, pos, ""), ""),
			bad, ok);
	LLVMPositionBuilderAtEnd(b, bad);
	cg_raise_fmt(cg, &call->loc, "reached end of stack before unwinding to level %d", &want, 1);
	LLVMBuildBr(b, ok);
	LLVMPositionBuilderAtEnd(b, ok);
	LLVMValueRef last = cg_const(cg, cg->opts->maxstringlen - 1);
	LLVMValueRef cut = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntULT, kept, last, ""), kept,
					   last, "");
	LLVMBuildStore(b, LLVMConstInt(cg->i8, 0, 0),
		       cg_gep(cg, out, LLVMBuildAnd(b, cut, cg_const(cg, span - 1), "")));
	return out;
}

LLVMValueRef cg_stack(struct cg *cg, struct expr *call)
{
	switch (call->builtin->id) {
	case BI_ubacktrace:
	case BI_backtrace:
		return cg->t->is_bpf ? ubacktrace(cg, call->builtin->id == BI_backtrace) :
			cg_no_user_stack(cg, false);
	case BI_print_ubacktrace:
	case BI_print_ubacktrace_brief:
	case BI_print_backtrace:
		cg_print_backtrace(cg, call);
		return NULL;
	case BI_ucallers:
		return ucallers(cg, call);
	case BI_print_ustack:
	case BI_print_usyms:
		cg_print_ustack(cg, call);
		return NULL;
	case BI_symname:
	case BI_symdata:
	case BI_modname:
		/* the kernel's symbols as values (ksym.c) */
		return cg_ksym(cg, call);
	default:
		/* named addresses (usym.c); output.c still prints
		 * usymname() and sprint_ubacktrace() through
		 * cg_deferred_value() */
		return cg_usym(cg, call);
	}
}
