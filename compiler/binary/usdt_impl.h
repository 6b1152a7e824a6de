/* SPDX-License-Identifier: GPL-2.0-or-later */
/* usdt_impl.h — what the two parts of usdt share, and nothing else
 * includes: the state of decoding one file's arguments.
 *
 *   usdt.c       the notes: reading them, placing the probes and their
 *                semaphores in the file, lookups
 *   usdt_args.c  the argument strings ("-4@%edi 8@8(%rsp)"): where each
 *                argument can be read at the probe, and the symbols the
 *                operands name */
#ifndef USCRIPT_USDT_IMPL_H
#define USCRIPT_USDT_IMPL_H

#include <gelf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "usdt.h"

struct symkey {
	const char *name;
	uint64_t value;
	unsigned char type;
	uint16_t shndx;
};

/* What decoding the arguments of one file needs. */
struct ctx {
	struct arena *arena;
	Elf *elf;
	enum elf_filetype type;
	uint64_t probe_vaddr;    /* of the probe whose arguments are decoded */
	/* Defined symbols sorted by name, built for the first operand that
	 * names one; most files have none. */
	struct symkey *syms;
	size_t nsyms;
	bool syms_read;
};

/* Decodes the argument string of *pr into pr->argv and pr->nargs. */
void parse_args(struct ctx *x, struct usdt_probe *pr);

#endif
