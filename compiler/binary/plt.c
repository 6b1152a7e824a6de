/* SPDX-License-Identifier: GPL-2.0-or-later */
/* plt.c — the entries of an ELF file's PLT, decoded (plt.h). */
#include "plt.h"

#include <elf.h>
#include <gelf.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "elfsym.h"

/* A GOT slot and the symbol whose address the dynamic linker puts there. */
struct slot {
	uint64_t addr;
	const char *name;
};

static int slot_cmp(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* The slots that R_X86_64_JUMP_SLOT and R_X86_64_GLOB_DAT relocations of
 * functions fill. */
static size_t read_slots(Elf *elf, struct slot **out)
{
	size_t n = 0, cap = 0, shstrndx;
	struct slot *v = NULL;
	Elf_Scn *scn = NULL;
	*out = NULL;
	if (elf_getshdrstrndx(elf, &shstrndx) != 0)
		return 0;
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_RELA || !sh.sh_entsize)
			continue;
		Elf_Scn *symscn = elf_getscn(elf, sh.sh_link);
		GElf_Shdr symsh;
		Elf_Data *rel = elf_getdata(scn, NULL), *syms = symscn ? elf_getdata(symscn, NULL) : NULL;
		if (!rel || !syms || !gelf_getshdr(symscn, &symsh))
			continue;
		for (size_t i = 0; i < sh.sh_size / sh.sh_entsize; i++) {
			GElf_Rela r;
			GElf_Sym s;
			unsigned type;
			if (!gelf_getrela(rel, (int)i, &r))
				continue;
			type = (unsigned)GELF_R_TYPE(r.r_info);
			if ((type != R_X86_64_JUMP_SLOT && type != R_X86_64_GLOB_DAT) ||
			    !GELF_R_SYM(r.r_info) ||
			    !gelf_getsym(syms, (int)GELF_R_SYM(r.r_info), &s) ||
			    (GELF_ST_TYPE(s.st_info) != STT_FUNC &&
			     GELF_ST_TYPE(s.st_info) != STT_GNU_IFUNC &&
			     !(type == R_X86_64_JUMP_SLOT && GELF_ST_TYPE(s.st_info) == STT_NOTYPE)))
				continue;
			const char *name = elf_strptr(elf, symsh.sh_link, s.st_name);
			if (!name || !*name)
				continue;
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				v = xrealloc(v, cap * sizeof(*v));
			}
			v[n++] = (struct slot){ r.r_offset, name };
		}
	}
	if (n)
		qsort(v, n, sizeof(*v), slot_cmp);
	*out = v;
	return n;
}

/* The GOT slot an entry jumps through: `jmp *disp32(%rip)` (ff 25), after
 * an optional endbr64 and bnd prefix. */
static bool entry_slot(const unsigned char *code, size_t len, uint64_t vaddr, uint64_t *slot)
{
	size_t i = 0;
	if (len >= 4 && memcmp(code, "\xf3\x0f\x1e\xfa", 4) == 0)
		i = 4;
	if (i < len && code[i] == 0xf2)
		i++;
	if (i + 6 > len || code[i] != 0xff || code[i + 1] != 0x25)
		return false;
	int32_t disp;
	memcpy(&disp, code + i + 2, 4);
	*slot = vaddr + i + 6 + (uint64_t)(int64_t)disp;
	return true;
}

size_t plt_entries(struct elf_file *f, struct plt_entry **out)
{
	Elf *elf = elf_libelf(f);
	GElf_Ehdr eh;
	size_t shstrndx, n = 0, cap = 0;
	struct plt_entry *v = NULL;
	*out = NULL;
	if (!elf || !gelf_getehdr(elf, &eh) || eh.e_machine != EM_X86_64 ||
	    elf_getshdrstrndx(elf, &shstrndx) != 0)
		return 0;
	struct slot *slots;
	size_t nslots = read_slots(elf, &slots);
	Elf_Scn *scn = NULL;
	while (nslots && (scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		const char *sname;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_PROGBITS ||
		    !(sh.sh_flags & SHF_EXECINSTR) || !(sname = elf_strptr(elf, shstrndx, sh.sh_name)) ||
		    strncmp(sname, ".plt", 4) != 0)
			continue;
		uint64_t step = sh.sh_entsize >= 8 ? sh.sh_entsize : 16;
		/* read, not mapped: another tracer's breakpoints show in the
		 * mapping (elfsym.h) */
		unsigned char *code = xcalloc(sh.sh_size + 1, 1);
		if (elf_read_code(f, sh.sh_addr, code, sh.sh_size) != (ssize_t)sh.sh_size) {
			free(code);
			continue;
		}
		for (uint64_t off = 0; off + step <= sh.sh_size; off += step) {
			uint64_t slot;
			if (!entry_slot(code + off, step, sh.sh_addr + off, &slot))
				continue;
			size_t lo = 0, hi = nslots;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (slots[mid].addr < slot)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo == nslots || slots[lo].addr != slot)
				continue;
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				v = xrealloc(v, cap * sizeof(*v));
			}
			v[n++] = (struct plt_entry){ slots[lo].name, sh.sh_addr + off };
		}
		free(code);
	}
	free(slots);
	*out = v;
	return n;
}
