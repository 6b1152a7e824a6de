/* SPDX-License-Identifier: GPL-2.0-or-later */
/* insn.c — where x86-64 instructions start.
 *
 * A uprobe replaces the first byte of an instruction with a breakpoint; put
 * inside an instruction, it corrupts that instruction and the program runs
 * something else.  So an address the user gives is checked by decoding the
 * instructions of the function that holds it, from the function's first
 * byte, with LLVM's disassembler: the address must be where one starts. */
#include <llvm-c/Disassembler.h>
#include <llvm-c/Target.h>

#include "insn.h"

enum insn_result insn_boundary(const unsigned char *code, size_t len, uint64_t start,
			       uint64_t addr, uint64_t *before, uint64_t *after)
{
	static LLVMDisasmContextRef dc;
	if (!dc) {
		LLVMInitializeX86TargetInfo();
		LLVMInitializeX86TargetMC();
		LLVMInitializeX86Disassembler();
		dc = LLVMCreateDisasm("x86_64-unknown-linux-gnu", NULL, 0, NULL, NULL);
		if (!dc)
			return INSN_UNKNOWN;
	}
	uint64_t pc = start;
	*before = *after = start;
	while (pc < addr) {
		size_t at = (size_t)(pc - start);
		if (at >= len)
			return INSN_UNKNOWN;
		char text[128];
		size_t n = LLVMDisasmInstruction(dc, (uint8_t *)code + at, len - at, pc, text,
						 sizeof(text));
		if (n == 0)
			return INSN_UNKNOWN;
		*before = pc;
		pc += n;
	}
	*after = pc;
	return pc == addr ? INSN_START : INSN_INSIDE;
}
