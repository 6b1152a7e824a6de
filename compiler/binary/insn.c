/* SPDX-License-Identifier: GPL-2.0-or-later */
/* insn.c — x86-64 instructions: where they start, and which ones the
 * kernel's uprobes refuse.
 *
 * A uprobe replaces the first byte of an instruction with a breakpoint; put
 * inside an instruction, it corrupts that instruction and the program runs
 * something else.  So an address the user gives is checked by decoding the
 * instructions of the function that holds it, from the function's first
 * byte, with LLVM's disassembler: the address must be where one starts.
 *
 * The kernel then runs the instruction it displaced either by emulating it
 * or by single-stepping a copy of it, and it refuses, when the probe is put
 * in place, the instructions it can do neither with.  A wildcard over a
 * large library finds a few such functions (pthread_spin_lock starts with a
 * lock prefix), and a uprobe_multi link that holds one of them fails whole,
 * so uscript applies the same rules first and leaves those out.  The
 * instruction's length and text come from LLVM; its prefixes and opcode
 * are read here, as the kernel's decoder reads them. */
#include <llvm-c/Disassembler.h>
#include <llvm-c/Target.h>
#include <stdio.h>
#include <string.h>

#include "insn.h"

/* The longest x86 instruction. */
enum { INSN_MAX = 15 };

static LLVMDisasmContextRef disassembler(void)
{
	static LLVMDisasmContextRef dc;
	if (!dc) {
		LLVMInitializeX86TargetInfo();
		LLVMInitializeX86TargetMC();
		LLVMInitializeX86Disassembler();
		dc = LLVMCreateDisasm("x86_64-unknown-linux-gnu", NULL, 0, NULL, NULL);
	}
	return dc;
}

/* The length of the instruction at code, 0 if it does not decode; its
 * text in text (size textsz).  LLVM decodes a lock prefix as an instruction
 * of its own ("lock", one byte), but it is part of the next one, and a
 * breakpoint between the two would split it: they are taken together. */
static size_t decode(const unsigned char *code, size_t len, uint64_t pc, char *text,
		     size_t textsz)
{
	LLVMDisasmContextRef dc = disassembler();
	if (!dc || len == 0)
		return 0;
	size_t n = LLVMDisasmInstruction(dc, (uint8_t *)code, len, pc, text, textsz);
	if (n == 1 && code[0] == 0xf0 && len > 1) {
		size_t used = strlen(text);
		size_t m = decode(code + 1, len - 1, pc + 1, text + used, textsz - used);
		n = m ? 1 + m : 0;
	}
	return n <= len ? n : 0;
}

enum insn_result insn_boundary(const unsigned char *code, size_t len, uint64_t start,
			       uint64_t addr, uint64_t *before, uint64_t *after)
{
	uint64_t pc = start;
	*before = *after = start;
	while (pc < addr) {
		size_t at = (size_t)(pc - start);
		if (at >= len)
			return INSN_UNKNOWN;
		char text[128];
		size_t n = decode(code + at, len - at, pc, text, sizeof(text));
		if (n == 0)
			return INSN_UNKNOWN;
		*before = pc;
		pc += n;
	}
	*after = pc;
	return pc == addr ? INSN_START : INSN_INSIDE;
}

/* The one-byte opcodes the kernel's uprobes refuse in 64-bit code, with
 * what each is.  Its table of the opcodes it can probe leaves out:
 *   - those that are no instruction in 64-bit mode (named here by what they
 *     were in 32-bit code);
 *   - port input and output and the privileged hlt, cli and sti, which
 *     fault in user space anyway;
 *   - the software interrupts and iret, which single-stepping cannot follow.
 * Every other opcode is in it, each two-byte one (0x0f …) too.  Prefixes
 * are in it as well; the kernel judges them apart (refused_prefix). */
static const char *const refused_opcode[256] = {
	[0x06] = "push es", [0x07] = "pop es", [0x0e] = "push cs",
	[0x16] = "push ss", [0x17] = "pop ss", [0x1e] = "push ds", [0x1f] = "pop ds",
	[0x27] = "daa", [0x2f] = "das", [0x37] = "aaa", [0x3f] = "aas",
	[0x60] = "pusha", [0x61] = "popa", [0x62] = "bound",
	[0x82] = "a copy of the group-1 opcode 0x80", [0x9a] = "a far call",
	[0xce] = "into", [0xd4] = "aam", [0xd5] = "aad", [0xd6] = "salc",
	[0xea] = "a far jump",
	[0x6c ... 0x6d] = "ins", [0x6e ... 0x6f] = "outs",
	[0xe4 ... 0xe5] = "in", [0xe6 ... 0xe7] = "out",
	[0xec ... 0xed] = "in", [0xee ... 0xef] = "out",
	[0xf4] = "hlt", [0xfa] = "cli", [0xfb] = "sti",
	[0xcc] = "int3", [0xcd] = "int", [0xcf] = "iret", [0xf1] = "int1",
};

/* Whether the opcode is one of those that are no instruction in 64-bit
 * code, for the message. */
static bool invalid_in_64bit(unsigned char op)
{
	static const unsigned char invalid[] = {
		0x06, 0x07, 0x0e, 0x16, 0x17, 0x1e, 0x1f, 0x27, 0x2f, 0x37, 0x3f,
		0x60, 0x61, 0x62, 0x82, 0x9a, 0xce, 0xd4, 0xd5, 0xd6, 0xea,
	};
	return memchr(invalid, op, sizeof(invalid)) != NULL;
}

/* The legacy prefixes, which come first, in any order; those the kernel
 * refuses say what they are.  The segment overrides of es, cs, ss and ds
 * mean nothing in 64-bit code (cs and ds double as branch hints, ds as
 * notrack), and a locked instruction cannot be single-stepped atomically. */
static bool is_legacy_prefix(unsigned char b, const char **refused)
{
	*refused = NULL;
	switch (b) {
	case 0xf0: *refused = "a lock prefix"; return true;
	case 0x26: *refused = "an es segment prefix"; return true;
	case 0x2e: *refused = "a cs segment prefix"; return true;
	case 0x36: *refused = "an ss segment prefix"; return true;
	case 0x3e: *refused = "a ds segment prefix"; return true;
	case 0xf2: case 0xf3:            /* repne, rep (and SSE's mandatory prefixes) */
	case 0x64: case 0x65:            /* fs, gs */
	case 0x66: case 0x67:            /* operand size, address size */
		return true;
	}
	return false;
}

/* A jump or call relative to the instruction pointer, which the kernel
 * emulates: jmp, call, and the conditional jumps, short and near. */
static bool is_relative_branch(unsigned char op1, unsigned char op2, bool two_byte)
{
	if (two_byte)
		return op2 >= 0x80 && op2 <= 0x8f;
	return op1 == 0xe8 || op1 == 0xe9 || op1 == 0xeb || (op1 >= 0x70 && op1 <= 0x7f);
}

/* Copies s into out with each run of blanks made one space, and none at
 * either end: LLVM puts tabs between a mnemonic and its operands. */
static void squeeze(const char *s, char *out, size_t outsz)
{
	size_t k = 0;
	bool blank = false;
	for (; *s && k + 1 < outsz; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n') {
			blank = k > 0;
			continue;
		}
		if (blank && k + 2 < outsz)
			out[k++] = ' ';
		blank = false;
		out[k++] = *s;
	}
	out[k] = '\0';
}

bool insn_uprobe_ok(const unsigned char *code, size_t len, uint64_t addr,
		    struct insn_refusal *r)
{
	char text[128];
	r->text[0] = r->why[0] = '\0';
	if (len > INSN_MAX)
		len = INSN_MAX;
	size_t n = decode(code, len, addr, text, sizeof(text));
	if (n == 0) {
		snprintf(r->why, sizeof(r->why), "bytes that do not decode as an instruction");
		return false;
	}
	squeeze(text, r->text, sizeof(r->text));

	size_t i = 0;
	bool opsize = false;
	const char *refused;
	for (; i < n && is_legacy_prefix(code[i], &refused); i++) {
		if (refused) {
			snprintf(r->why, sizeof(r->why), "%s", refused);
			return false;
		}
		opsize |= code[i] == 0x66;
	}
	if (i < n && (code[i] & 0xf0) == 0x40)       /* REX */
		i++;
	/* After a VEX (0xc4, 0xc5) or EVEX (0x62) prefix, the kernel looks the
	 * opcode byte up in its table of one-byte opcodes, whatever map the
	 * prefix names: vmovdqu (c5 fe 6f) is refused as if it were outs. */
	int vex = 0;
	if (i < n && (code[i] == 0xc5 || code[i] == 0xc4 || code[i] == 0x62))
		vex = code[i] == 0xc5 ? 2 : code[i] == 0xc4 ? 3 : 4;
	i += (size_t)vex;
	if (i >= n) {
		snprintf(r->why, sizeof(r->why), "bytes that do not decode as an instruction");
		return false;
	}
	unsigned char op1 = code[i];
	bool two_byte = !vex && op1 == 0x0f && i + 1 < n;
	unsigned char op2 = two_byte ? code[i + 1] : 0;

	if (refused_opcode[op1]) {
		const char *kind = vex ? (vex == 4 ? "an EVEX-encoded instruction" :
					  "a VEX-encoded instruction") : NULL;
		if (kind)
			snprintf(r->why, sizeof(r->why), "%s whose opcode byte, 0x%02x, the "
				 "kernel checks as the one-byte opcode %s", kind, op1,
				 refused_opcode[op1]);
		else if (invalid_in_64bit(op1))
			snprintf(r->why, sizeof(r->why), "the opcode 0x%02x (%s), invalid in "
				 "64-bit code", op1, refused_opcode[op1]);
		else
			snprintf(r->why, sizeof(r->why), "the opcode 0x%02x (%s)", op1,
				 refused_opcode[op1]);
		return false;
	}
	/* Nor does its branch emulation look at the prefix: a VEX or EVEX
	 * instruction whose opcode byte is that of a relative jump or call
	 * (vpbroadcastb, c4 e2 7d 78, is "js"; vzeroupper, c5 f8 77, "ja")
	 * is emulated as that branch, so it never runs: the program goes on
	 * with the register it should have written unchanged. */
	if (vex && is_relative_branch(op1, 0, false)) {
		snprintf(r->why, sizeof(r->why), "%s whose opcode byte, 0x%02x, the kernel "
			 "takes for a relative %s: it would emulate that instead of running "
			 "the instruction",
			 vex == 4 ? "an EVEX-encoded instruction" : "a VEX-encoded instruction",
			 op1, op1 == 0xe8 ? "call" : "jump");
		return false;
	}
	/* A move to ss holds off interrupts, and the single-step trap with
	 * them, for one more instruction. */
	if (!vex && op1 == 0x8e && i + 1 < n && ((code[i + 1] >> 3) & 7) == 2) {
		snprintf(r->why, sizeof(r->why), "a move to ss");
		return false;
	}
	/* The kernel emulates relative branches, and does not emulate the
	 * 16-bit forms an operand-size prefix makes (which Intel's and AMD's
	 * processors do not agree on). */
	if (!vex && opsize && is_relative_branch(op1, op2, two_byte)) {
		snprintf(r->why, sizeof(r->why), "a branch with an operand-size prefix");
		return false;
	}
	return true;
}
