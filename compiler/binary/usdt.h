/* SPDX-License-Identifier: GPL-2.0-or-later */
/* usdt.h — the USDT probes of an ELF file (<sys/sdt.h>'s STAP_PROBEn and
 * DTRACE_PROBEn), for process("PATH").mark("NAME") and
 * process("PATH").provider("P").mark("NAME").
 *
 * Each probe site is a note in .note.stapsdt: the address of a one-byte nop,
 * the link-time address of .stapsdt.base, the address of a semaphore (0 if
 * none), then provider, name and the argument string ("-4@%edi 8@8(%rsp)").
 * usdt_open() reads them all, corrects the addresses by how far
 * .stapsdt.base has moved since the notes were written (prelink moves the
 * sections, not the notes), turns the probe and semaphore addresses into
 * file offsets through elfsym, and decodes every argument into where it can
 * be read at the probe from struct pt_regs.  An argument it cannot decode
 * stays on its probe, marked unsupported with the reason; a note it cannot
 * read is an error for the whole file.  Everything lives until
 * usdt_close(), independently of the elf_file.
 *
 * Arguments are decoded for x86-64 only; elsewhere every argument is
 * unsupported (the probes themselves are still found and attachable). */
#ifndef USCRIPT_USDT_H
#define USCRIPT_USDT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "elfsym.h"

/* A register as a field of struct pt_regs, the context of a uprobe program. */
struct usdt_reg {
	const char *name;  /* without '%': "edi", "r12d", "ah"; "rip" for symbols (below) */
	int16_t off;       /* offsetof(struct pt_regs, …): r15 0, r14 8, r13 16,
			    * r12 24, bp 32, bx 40, r11 48, r10 56, r9 64, r8 72,
			    * ax 80, cx 88, dx 96, si 104, di 112, ip 128, sp 152;
			    * -1 when there is no register */
	uint8_t width;     /* bytes the name covers: 8 rax, 4 eax, 2 ax, 1 al/ah */
	uint8_t shift;     /* 8 for ah, bh, ch, dh (bits 8–15); else 0 */
};

enum usdt_arg_kind {
	USDT_ARG_CONST,        /* "4@$5": the value is `value` */
	USDT_ARG_REG,          /* "-4@%edi": the value is in `reg` */
	USDT_ARG_MEM,          /* "-8@-16(%rbp)": the value is at base + index * scale + disp */
	USDT_ARG_UNSUPPORTED,  /* `why` says why */
};

/* One argument, $argN.  Its value is `size` bytes, sign-extended to 64 bits
 * when is_signed (the note wrote a negative size), else zero-extended.  At
 * the probe, with ctx the struct pt_regs and ext(v, n) that extension from
 * n bytes:
 *   CONST  value
 *   REG    ext(*(u64 *)(ctx + reg.off) >> reg.shift, min(size, reg.width))
 *   MEM    addr = disp + (base.off < 0 ? 0 : *(u64 *)(ctx + base.off))
 *                      + (index.off < 0 ? 0 : *(u64 *)(ctx + index.off) * scale);
 *          bpf_probe_read_user(&v, size, addr), then ext(v, size) */
struct usdt_arg {
	const char *text;      /* as in the note: "-4@-20(%rbp)" */
	enum usdt_arg_kind kind;
	uint8_t size;          /* 1, 2, 4 or 8; 8 when the note gave none (asm probes) */
	bool is_signed;
	bool is_float;         /* "4f@…": the bits of a float or double, read as an integer */
	int64_t value;         /* CONST: already truncated to size and extended */
	struct usdt_reg reg;   /* REG: the register */
	struct usdt_reg base;  /* MEM: off -1 for none ("g(,%r9,8)", an absolute address) */
	struct usdt_reg index; /* MEM: off -1 for none */
	uint8_t scale;         /* MEM: 1, 2, 4 or 8 */
	int64_t disp;          /* MEM: the displacement, symbols resolved (below) */
	const char *sym;       /* MEM: the symbol the operand named, or NULL */
	const char *why;       /* UNSUPPORTED: a phrase, "%xmm0 is not in struct pt_regs" */
};

/* An operand naming a symbol ("-4@counter(%rip)", "8@table+8(,%rax,8)")
 * means the symbol's address.  In a non-PIE executable that is fixed:
 * base is the register written (none for %rip) and disp the absolute
 * address.  In a PIE or shared library the load address is known only at
 * run time; but the whole file moves as one, so the symbol lies a fixed
 * distance from the probe: base is %rip (off 128, which holds the probe's
 * address when a uprobe program runs) and disp = symbol + offset - vaddr.
 * A symbol with another base register in such a file cannot happen
 * (compilers need an absolute relocation for it) and is unsupported. */

struct usdt_probe {
	const char *provider;    /* $$provider */
	const char *name;        /* $$name */
	const char *args;        /* the whole argument string; "" when none */
	uint64_t vaddr;          /* the probe's address: the note's, moved with .stapsdt.base */
	uint64_t offset;         /* file offset of the nop: where the uprobe goes */
	uint64_t sema_vaddr;     /* the semaphore's address, moved likewise; 0 if none */
	uint64_t sema_offset;    /* its file offset: the uprobe's ref_ctr_offset; 0 if none */
	size_t nargs;
	const struct usdt_arg *argv;   /* $arg1 is argv[0] */
};

struct usdt_file;

/* Reads the USDT probes of `f` (from elf_open or elf_cache_open).
 * Errors, with err->msg a sentence to follow the probe point:
 *   -ENOENT  "no USDT probes in PATH" (no .note.stapsdt, or no probe in it)
 *   -EINVAL  "malformed USDT note N in PATH: …" (a note that cannot be
 *            read, or whose probe or semaphore is not where it must be)
 *   and what reading the file again can fail with (-EACCES, …). */
int usdt_open(struct elf_file *f, struct usdt_file **out, struct elf_error *err);
void usdt_close(struct usdt_file *u);

/* All probes, in the order of the notes, sites of one name included. */
const struct usdt_probe *usdt_probes(const struct usdt_file *u, size_t *n);

/* The probes whose name matches the fnmatch(3) pattern `name` and, unless
 * `provider` is NULL, whose provider matches `provider`, in note order.
 * One name often has several sites (a probe in an inlined function, or in
 * a macro); each is a probe of its own:
 *   for (p = usdt_find(u, NULL, "req*", NULL); p; p = usdt_find(u, NULL, "req*", p)) */
const struct usdt_probe *usdt_find(const struct usdt_file *u, const char *provider,
				   const char *name, const struct usdt_probe *after);

#endif
