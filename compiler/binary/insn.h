/* SPDX-License-Identifier: GPL-2.0-or-later */
/* insn.h — x86-64 instructions: whether an address is where one starts, and
 * whether the kernel's uprobes can be put on the one that starts there. */
#ifndef USCRIPT_INSN_H
#define USCRIPT_INSN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum insn_result {
	INSN_START,    /* an instruction starts at the address */
	INSN_INSIDE,   /* the address is inside the one at *before */
	INSN_UNKNOWN,  /* the bytes before it do not decode */
};

/* Decodes the `len` bytes of `code`, whose first byte is at virtual address
 * `start` and starts an instruction (a function's entry), up to `addr`.  For
 * INSN_INSIDE, *before and *after are where the instruction holding `addr`
 * starts and where the next one does. */
enum insn_result insn_boundary(const unsigned char *code, size_t len, uint64_t start,
			       uint64_t addr, uint64_t *before, uint64_t *after);

/* Why the kernel would refuse a uprobe on an instruction. */
struct insn_refusal {
	char text[80];   /* the instruction as a disassembler prints it (AT&T),
			  * "lock incl (%rdi)"; empty if it does not decode */
	char why[160];   /* what about it the kernel refuses: "a lock prefix" */
};

/* Whether the kernel's x86-64 uprobes take the instruction that starts at
 * `code` (`len` bytes are there; at most 15 are read), at virtual address
 * `addr`: true, or false with *r filled in.  The rules are those the kernel
 * applies when it puts the breakpoint in place (arch_uprobe_analyze_insn):
 * no lock and no es, cs, ss or ds segment prefix; an opcode from its table
 * of those it can single-step or emulate in 64-bit code; no move to ss; no
 * branch with an operand-size prefix; and it must decode. */
bool insn_uprobe_ok(const unsigned char *code, size_t len, uint64_t addr,
		    struct insn_refusal *r);

#endif
