/* SPDX-License-Identifier: GPL-2.0-or-later */
/* string.c — string values: literals, copies, concatenation and
 * comparison, the same code for both targets.
 *
 * Every string value points at MAXSTRINGLEN readable bytes, even a short
 * literal: the BPF verifier checks each byte a loop may read against the
 * memory behind the pointer, not against where the NUL is. */
#include <string.h>

#include "parse/arena.h"
#include "cg.h"

LLVMValueRef cg_string_literal(struct cg *cg, const char *s, size_t len)
{
	uint32_t max = cg->opts->maxstringlen;
	if (len > max - 1)
		len = max - 1;
	char *bytes = arena_alloc(cg->arena, max);
	memcpy(bytes, s, len);
	return cg_const_bytes(cg, bytes, max);
}

void cg_string_store(struct cg *cg, LLVMValueRef dst, LLVMValueRef src)
{
	cg->t->str_copy(cg, dst, src, cg_const(cg, cg->opts->maxstringlen));
}

LLVMValueRef cg_string_concat(struct cg *cg, LLVMValueRef a, LLVMValueRef b)
{
	uint32_t max = cg->opts->maxstringlen;
	/* The verifier bounds the second copy's offset (up to max - 1) and its
	 * size (up to max) each on its own, so the slot has room for both. */
	LLVMValueRef dst = cg_scratch(cg, 2 * max, true);
	LLVMValueRef n = cg->t->str_copy(cg, dst, a, cg_const(cg, max));
	/* n counts the NUL; the second string starts on it.  The bound keeps
	 * the verifier sure the offset stays inside the slot. */
	LLVMValueRef off = LLVMBuildSub(cg->b, n, cg_const(cg, 1), "");
	LLVMValueRef big = LLVMBuildICmp(cg->b, LLVMIntUGT, off, cg_const(cg, max - 1), "");
	off = LLVMBuildSelect(cg->b, big, cg_const(cg, max - 1), off, "");
	LLVMValueRef rest = LLVMBuildSub(cg->b, cg_const(cg, max), off, "");
	cg->t->str_copy(cg, cg_gep(cg, dst, off), b, rest);
	return dst;
}

LLVMValueRef cg_string_compare(struct cg *cg, LLVMValueRef a, LLVMValueRef b)
{
	uint32_t max = cg->opts->maxstringlen;
	LLVMBasicBlockRef pre = LLVMGetInsertBlock(cg->b);
	LLVMBasicBlockRef head = cg_block(cg, "cmp.head"), body = cg_block(cg, "cmp.body"),
		next = cg_block(cg, "cmp.next"), out = cg_block(cg, "cmp.end");
	LLVMBuildBr(cg->b, head);

	LLVMPositionBuilderAtEnd(cg->b, head);
	LLVMValueRef i = LLVMBuildPhi(cg->b, cg->i64, "i");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, i, cg_const(cg, max), ""),
			body, out);

	LLVMPositionBuilderAtEnd(cg->b, body);
	LLVMValueRef ca = LLVMBuildZExt(cg->b, LLVMBuildLoad2(cg->b, cg->i8, cg_gep(cg, a, i), ""),
					cg->i64, "");
	LLVMValueRef cb = LLVMBuildZExt(cg->b, LLVMBuildLoad2(cg->b, cg->i8, cg_gep(cg, b, i), ""),
					cg->i64, "");
	LLVMValueRef diff = LLVMBuildSub(cg->b, ca, cb, "");
	LLVMValueRef stop = LLVMBuildOr(cg->b,
		LLVMBuildICmp(cg->b, LLVMIntNE, diff, cg_const(cg, 0), ""),
		LLVMBuildICmp(cg->b, LLVMIntEQ, ca, cg_const(cg, 0), ""), "");
	LLVMBuildCondBr(cg->b, stop, out, next);

	LLVMPositionBuilderAtEnd(cg->b, next);
	LLVMValueRef i1 = LLVMBuildAdd(cg->b, i, cg_const(cg, 1), "");
	LLVMBuildBr(cg->b, head);

	LLVMValueRef ivals[2] = { cg_const(cg, 0), i1 };
	LLVMBasicBlockRef iblocks[2] = { pre, next };
	LLVMAddIncoming(i, ivals, iblocks, 2);

	LLVMPositionBuilderAtEnd(cg->b, out);
	LLVMValueRef r = LLVMBuildPhi(cg->b, cg->i64, "cmp");
	LLVMValueRef rvals[2] = { cg_const(cg, 0), diff };
	LLVMBasicBlockRef rblocks[2] = { head, body };
	LLVMAddIncoming(r, rvals, rblocks, 2);
	return r;
}

LLVMValueRef cg_string_table(struct cg *cg, LLVMValueRef table, uint32_t width,
			     uint32_t rows, LLVMValueRef index)
{
	/* A mask, not a comparison: the verifier must see the offset bounded
	 * however LLVM orders the arithmetic. */
	index = LLVMBuildAnd(cg->b, index, cg_const(cg, rows - 1), "");
	return cg_gep(cg, table, LLVMBuildMul(cg->b, index, cg_const(cg, width), ""));
}
