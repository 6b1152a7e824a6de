/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sleep.c — user strings on pages the program has not touched yet.
 *
 * A string literal in .rodata, or a buffer the program has not read since
 * it was mapped, may be on a page the kernel has not brought in.  A BPF
 * program that may not sleep reads user memory without faulting
 * (bpf_probe_read_user_str), and fails there: SystemTap reads such a
 * string, so uscript must too.
 *
 * So a handler that reads a user string is a sleepable program (section
 * "uprobe.s": uprobes are the probes that may sleep, as they run in the
 * traced thread's own context).  It first reads as every handler does, and
 * only when that fails touches one byte of each page the string may span
 * with bpf_copy_from_user, which faults the page in as the program's own
 * read would, and reads again: a string on present pages costs nothing
 * more.  A page that cannot be brought in (no mapping, PROT_NONE) fails
 * the copy without a signal, and the read fails as before.
 *
 * A sleepable handler runs with migration off but preemption on, and
 * while it waits for a page another thread may run a handler on the same
 * CPU: this CPU's scratch area would be overwritten under it.  So the
 * scratch area of a handler that may sleep is its thread's, in task-local
 * storage, made at the thread's first hit and freed with the thread: no
 * two handlers ever run at once in one thread (a uprobe fires in user
 * mode, and the handler runs in the kernel).  Which area a handler has is
 * known once all its code is generated, so cg_scratch_base() leaves a
 * stand-in that cg_bpf_handler_finish() replaces, and bpf_loop callbacks
 * get the area from their caller (cg_loop_scratch()).  A script function
 * that reads a user string makes every handler that calls it, directly
 * or not, sleep too.  Only uprobes may sleep: in a kernel tracepoint or a
 * perf sample, and in a function one of those calls, a string is read as
 * before.  Local storage holds at most TSCRATCH_MAX bytes a
 * thread; a script whose handlers need more scratch than that (a very
 * large MAXSTRINGLEN) is generated again without sleeping handlers
 * (compile.c), and its reads fail on absent pages as before. */
#include "cg.h"

#include <linux/bpf.h>

/* The largest local storage value the kernel takes: 64 KiB less the
 * element's header (about 100 bytes in 6.x), with room to spare. */
#define TSCRATCH_MAX (65535u - 1024u)
#define PAGE 4096

bool cg_bpf_tscratch_fits(uint32_t scratch)
{
	return scratch <= TSCRATCH_MAX;
}

static LLVMValueRef read_str(struct cg *cg, LLVMValueRef dst, LLVMValueRef max,
			     LLVMValueRef addr)
{
	LLVMValueRef args[3] = { dst, LLVMBuildTrunc(cg->b, max, cg->i32, ""),
				 LLVMBuildIntToPtr(cg->b, addr, cg->ptr, "") };
	return cg_bpf_helper(cg, BPF_FUNC_probe_read_user_str, cg->i64, args, 3);
}

LLVMValueRef cg_bpf_read_user_str(struct cg *cg, LLVMValueRef dst, LLVMValueRef max,
				  LLVMValueRef addr)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef rc = read_str(cg, dst, max, addr);
	if (!cg->may_sleep || !cg->sleep_ok)
		return rc;
	cg->sleeps = true;
	/* The pages a string of MAXSTRINGLEN bytes at addr may span. */
	uint32_t pages = (cg->opts->maxstringlen + PAGE - 1) / PAGE + 1;
	LLVMValueRef page = LLVMBuildAnd(b, addr, cg_const(cg, -(int64_t)PAGE), "page");
	LLVMValueRef byte = cg_function_slot(cg, "fault.byte", cg->i64, NULL);
	for (uint32_t k = 0; k < pages; k++) {
		LLVMBasicBlockRef from = LLVMGetInsertBlock(b);
		LLVMBasicBlockRef touch = cg_block(cg, "ustr.touch"), next = cg_block(cg, "ustr.next");
		LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, rc, cg_const(cg, 0), ""), touch,
				next);
		LLVMPositionBuilderAtEnd(b, touch);
		LLVMValueRef at = LLVMBuildAdd(b, page, cg_const(cg, (int64_t)k * PAGE), "");
		LLVMValueRef args[3] = { byte, LLVMConstInt(cg->i32, 1, 0),
					 LLVMBuildIntToPtr(b, at, cg->ptr, "") };
		cg_bpf_helper(cg, BPF_FUNC_copy_from_user, cg->i64, args, 3);
		LLVMValueRef again = read_str(cg, dst, max, addr);
		LLVMBasicBlockRef touched = LLVMGetInsertBlock(b);
		LLVMBuildBr(b, next);
		LLVMPositionBuilderAtEnd(b, next);
		LLVMValueRef phi = LLVMBuildPhi(b, cg->i64, "");
		LLVMValueRef vals[2] = { rc, again };
		LLVMBasicBlockRef blocks[2] = { from, touched };
		LLVMAddIncoming(phi, vals, blocks, 2);
		rc = phi;
	}
	return rc;
}

void cg_bpf_handler_finish(struct cg *cg, const bool *calls, int ncalls)
{
	for (int i = 0; calls && i < ncalls; i++)
		if (calls[i] && cg->func_sleeps && cg->func_sleeps[i])
			cg->sleeps = true;
	LLVMValueRef stub = cg->scratch;
	if (stub && cg->scratch_bb && !LLVMGetBasicBlockTerminator(cg->scratch_bb)) {
		LLVMPositionBuilderAtEnd(cg->b, cg->scratch_bb);
		LLVMSetCurrentDebugLocation2(cg->b, NULL);
		LLVMValueRef area = cg_bpf_scratch_lookup(cg);
		LLVMReplaceAllUsesWith(stub, area);
		LLVMInstructionEraseFromParent(stub);
		cg->scratch = area;
		LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, area, ""), cg->quit_bb, cg->body_bb);
	}
	if (cg->sleeps) {
		LLVMSetSection(cg->fn, "uprobe.s");
		cg->any_sleeps = true;
	}
}
