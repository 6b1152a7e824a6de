/* SPDX-License-Identifier: GPL-2.0-or-later */
/* plt.h — the procedure linkage table of an ELF file: where each call to
 * a function of another file (puts, malloc) goes first, for
 * process("PATH").plt("NAME").
 *
 * An x86-64 PLT entry is an indirect jump through a GOT slot that the
 * dynamic linker fills in: `jmp *SLOT(%rip)`, after an `endbr64` and a
 * `bnd` prefix where the program was built for CET (.plt.sec).  The name
 * of an entry is the symbol of the relocation that fills its slot
 * (R_X86_64_JUMP_SLOT in .rela.plt, R_X86_64_GLOB_DAT for .plt.got).  So
 * each entry is decoded for its slot, rather than counted from the start
 * of .plt: the same rule reads lazy .plt, .plt.sec and .plt.got entries,
 * and an entry that is not such a jump (the first one of .plt, which
 * calls the dynamic linker, or .plt entries that .plt.sec stands in for)
 * is none. */
#ifndef USCRIPT_PLT_H
#define USCRIPT_PLT_H

#include <stddef.h>
#include <stdint.h>

struct elf_file;

struct plt_entry {
	const char *name;    /* the symbol, without "@VERSION"; lives as long as the file */
	uint64_t vaddr;      /* where the entry starts, as objdump prints it */
};

/* The entries of f's PLT sections, in address order, in a malloc'ed
 * array (free() it) at *out; returns how many (0 for a file without a
 * PLT, such as a static program). */
size_t plt_entries(struct elf_file *f, struct plt_entry **out);

#endif
