/* SPDX-License-Identifier: GPL-2.0-or-later */
/* insn.h — whether an address is where an x86-64 instruction starts. */
#ifndef USCRIPT_INSN_H
#define USCRIPT_INSN_H

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

#endif
