/* SPDX-License-Identifier: GPL-2.0-or-later */
/* elflookup.c — what an opened ELF file answers from memory: its symbols
 * by name and by address, and for an address, its file offset, the
 * function that holds it and the bytes there; see elfsym.h. */
#include <elfutils/libdw.h>
#include <errno.h>
#include <gelf.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse/arena.h"
#include "elfsym_impl.h"

/* ==== Lookups ==== */

/* Eight bytes a step: C++ libraries have millions of bytes of names, and
 * a byte-at-a-time hash made building the index the slowest part of
 * opening libLLVM.  Words are read with memcpy, so any alignment works. */
static uint64_t hash_name(const char *s)
{
	size_t n = strlen(s);
	uint64_t h = n * 0x9e3779b97f4a7c15u, w;
	for (; n >= 8; n -= 8, s += 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0xff51afd7ed558ccdu;
	return h ^ (h >> 29);
}

static void build_name_index(struct elf_file *f)
{
	size_t nb = 16;
	while (nb < f->nsyms)
		nb *= 2;
	f->nbuckets = nb;
	f->buckets = xcalloc(nb, sizeof(*f->buckets));
	f->chain = xcalloc(f->nsyms ? f->nsyms : 1, sizeof(*f->chain));
	/* Hashing every name first, into chain[], and linking afterwards lets
	 * the processor overlap the cache misses of the bucket array, which
	 * dominate on big files. */
	for (size_t i = 0; i < f->nsyms; i++)
		f->chain[i] = (uint32_t)(hash_name(f->syms[i].name) & (nb - 1));
	/* Inserting at the head from the last symbol keeps each chain in
	 * table order. */
	for (size_t i = f->nsyms; i-- > 0;) {
		size_t b = f->chain[i];
		f->chain[i] = f->buckets[b];
		f->buckets[b] = (uint32_t)(i + 1);
	}
}

static const struct elf_sym *find_in_chain(const struct elf_file *f,
					   uint32_t link, const char *name)
{
	for (; link; link = f->chain[link - 1])
		if (strcmp(f->syms[link - 1].name, name) == 0)
			return &f->syms[link - 1];
	return NULL;
}

const struct elf_sym *elf_sym_lookup(struct elf_file *f, const char *name)
{
	if (!f->buckets)
		build_name_index(f);
	return find_in_chain(f, f->buckets[hash_name(name) & (f->nbuckets - 1)], name);
}

const struct elf_sym *elf_sym_next(const struct elf_file *f,
				   const struct elf_sym *s)
{
	size_t i = (size_t)(s - f->syms);
	if (f->chain)
		return find_in_chain(f, f->chain[i], s->name);
	/* A symbol from elf_syms() before any lookup built the index. */
	for (i++; i < f->nsyms; i++)
		if (strcmp(f->syms[i].name, s->name) == 0)
			return &f->syms[i];
	return NULL;
}

/* An LSD radix sort of (address, index) pairs, a byte a pass, skipping
 * the bytes all addresses share.  It is stable, so aliases stay in table
 * order, and on libLLVM it takes a fraction of qsort's time, which pays
 * for symbolising stacks in big C++ programs. */
struct addr_key {
	uint64_t vaddr;
	size_t index;
};

static void build_addr_index(struct elf_file *f)
{
	size_t n = f->nsyms;
	struct addr_key *a = xmalloc((n ? n : 1) * sizeof(*a));
	struct addr_key *b = xmalloc((n ? n : 1) * sizeof(*b));
	size_t count[8][256] = {{0}};
	for (size_t i = 0; i < n; i++) {
		a[i] = (struct addr_key){f->syms[i].vaddr, i};
		for (int k = 0; k < 8; k++)
			count[k][(a[i].vaddr >> (8 * k)) & 0xff]++;
	}
	for (int k = 0; k < 8; k++) {
		if (n == 0 || count[k][(a[0].vaddr >> (8 * k)) & 0xff] == n)
			continue;  /* every address has this byte */
		size_t pos = 0;
		for (int v = 0; v < 256; v++) {
			size_t c = count[k][v];
			count[k][v] = pos;
			pos += c;
		}
		for (size_t i = 0; i < n; i++)
			b[count[k][(a[i].vaddr >> (8 * k)) & 0xff]++] = a[i];
		struct addr_key *t = a;
		a = b;
		b = t;
	}
	f->by_addr = xmalloc((n ? n : 1) * sizeof(*f->by_addr));
	for (size_t i = 0; i < n; i++)
		f->by_addr[i] = &f->syms[a[i].index];
	free(a);
	free(b);
}

/* The first index in by_addr whose address is greater than vaddr. */
static size_t upper_bound(struct elf_file *f, uint64_t vaddr)
{
	if (!f->by_addr)
		build_addr_index(f);
	size_t lo = 0, hi = f->nsyms;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->by_addr[mid]->vaddr <= vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct elf_sym *const *elf_sym_at(struct elf_file *f, uint64_t vaddr,
					size_t *n)
{
	size_t end = upper_bound(f, vaddr), start = end;
	while (start > 0 && f->by_addr[start - 1]->vaddr == vaddr)
		start--;
	*n = end - start;
	return *n ? &f->by_addr[start] : NULL;
}

const struct elf_sym *elf_sym_containing(struct elf_file *f, uint64_t addr)
{
	size_t i = upper_bound(f, addr);
	if (i == 0)
		return NULL;
	/* Among aliases at the nearest address, the first that reaches. */
	uint64_t at = f->by_addr[i - 1]->vaddr;
	for (; i > 0 && f->by_addr[i - 1]->vaddr == at; i--) {
		const struct elf_sym *s = f->by_addr[i - 1];
		if (addr == s->vaddr || addr - s->vaddr < s->size)
			return s;
	}
	return NULL;
}

/* ==== Addresses ==== */

int elf_vaddr_to_offset(const struct elf_file *f, uint64_t vaddr,
			uint64_t *off, bool *exec, struct elf_error *err)
{
	for (size_t i = 0; i < f->nloads; i++) {
		const struct elf_load *l = &f->loads[i];
		if (vaddr < l->vaddr || vaddr - l->vaddr >= l->memsz)
			continue;
		if (vaddr - l->vaddr >= l->filesz)
			return fail(err, -ENOENT, "address 0x%" PRIx64 " is in zero-filled memory (.bss), not in the file", vaddr);
		*off = vaddr - l->vaddr + l->offset;
		if (exec)
			*exec = (l->flags & PF_X) != 0;
		return 0;
	}
	return fail(err, -ENOENT, "address 0x%" PRIx64 " is not in any loadable segment of the file", vaddr);
}

/* The greatest function start at or below addr in the binary-search table
 * of .eh_frame_hdr (PT_GNU_EH_FRAME), in the encoding every linker writes:
 * a 4-byte pointer to .eh_frame, a count as udata4, then pairs of sdata4
 * relative to the table's header. */
static int eh_frame_start(struct elf_file *f, uint64_t addr, uint64_t *start)
{
	size_t nph;
	if (elf_getphdrnum(f->elf, &nph) != 0)
		return -ENOENT;
	for (size_t i = 0; i < nph; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(f->elf, (int)i, &ph) || ph.p_type != PT_GNU_EH_FRAME)
			continue;
		const unsigned char *h = elf_bytes_at(f, ph.p_vaddr, 12);
		if (!h || h[0] != 1 || (h[1] & 0x0f) != 0x0b || h[2] != 0x03 || h[3] != 0x3b)
			return -ENOENT;
		int32_t rel;
		uint32_t count;
		memcpy(&count, h + 8, 4);
		const unsigned char *tab = elf_bytes_at(f, ph.p_vaddr + 12, (size_t)count * 8);
		if (!tab)
			return -ENOENT;
		bool found = false;
		for (uint32_t k = 0; k < count; k++) {
			memcpy(&rel, tab + (size_t)k * 8, 4);
			uint64_t at = ph.p_vaddr + (uint64_t)(int64_t)rel;
			if (at <= addr && (!found || at > *start)) {
				*start = at;
				found = true;
			}
		}
		return found ? 0 : -ENOENT;
	}
	return -ENOENT;
}

Elf *elf_libelf(const struct elf_file *f)
{
	return f->elf;
}

int elf_function_range(struct elf_file *f, uint64_t addr, uint64_t *start, uint64_t *end,
		       const char **name)
{
	const struct elf_sym *s = elf_sym_containing(f, addr);
	if (s && s->size && addr - s->vaddr < s->size) {
		*start = s->vaddr;
		*end = s->vaddr + s->size;
		*name = s->name;
		return 0;
	}
	/* The unwinding tables cover every function the compiler emitted, and
	 * stay when the symbol table is stripped. */
	Dwarf_CFI *cfi = dwarf_getcfi_elf(f->elf);
	Dwarf_Frame *frame;
	Dwarf_Addr lo, hi;
	bool covered = false;
	if (cfi && dwarf_cfi_addrframe(cfi, addr, &frame) == 0) {
		covered = dwarf_frame_info(frame, &lo, &hi, NULL) >= 0 && addr < hi;
		free(frame);
	}
	if (cfi)
		dwarf_cfi_end(cfi);
	/* That says which part of a function addr is in, not where the function
	 * starts: the sorted table of .eh_frame_hdr does. */
	if (!covered || eh_frame_start(f, addr, start) < 0)
		return -ENOENT;
	*end = hi;
	*name = NULL;
	return 0;
}

const unsigned char *elf_bytes_at(const struct elf_file *f, uint64_t vaddr, size_t len)
{
	size_t size;
	const char *raw = elf_rawfile(f->elf, &size);
	for (size_t i = 0; raw && i < f->nloads; i++) {
		const struct elf_load *l = &f->loads[i];
		if (vaddr < l->vaddr || vaddr - l->vaddr >= l->filesz ||
		    len > l->filesz - (vaddr - l->vaddr))
			continue;
		uint64_t off = vaddr - l->vaddr + l->offset;
		if (off > size || len > size - off)
			return NULL;
		return (const unsigned char *)raw + off;
	}
	return NULL;
}

ssize_t elf_read_code(const struct elf_file *f, uint64_t vaddr, void *buf, size_t len)
{
	for (size_t i = 0; i < f->nloads; i++) {
		const struct elf_load *l = &f->loads[i];
		if (vaddr < l->vaddr || vaddr - l->vaddr >= l->filesz)
			continue;
		uint64_t left = l->filesz - (vaddr - l->vaddr);
		if (len > left)
			len = (size_t)left;
		ssize_t n = pread(f->fd, buf, len, (off_t)(vaddr - l->vaddr + l->offset));
		return n < 0 ? -errno : n;
	}
	return -ENOENT;
}

/* ==== The dynamic section, for the libraries a process has loaded ==== */

int elf_dynamic(const struct elf_file *f, uint64_t *dyn_vaddr, uint64_t *debug_slot)
{
	Elf *e = elf_libelf(f);
	size_t n;
	if (!e || elf_getphdrnum(e, &n) != 0)
		return -ENOENT;
	*dyn_vaddr = 0;
	if (debug_slot)
		*debug_slot = 0;
	for (size_t i = 0; i < n; i++) {
		GElf_Phdr ph;
		if (gelf_getphdr(e, (int)i, &ph) && ph.p_type == PT_DYNAMIC)
			*dyn_vaddr = ph.p_vaddr;
	}
	if (!*dyn_vaddr)
		return -ENOENT;
	if (!debug_slot)
		return 0;
	/* DT_DEBUG's value is where the dynamic linker puts its r_debug */
	Elf_Scn *scn = NULL;
	while ((scn = elf_nextscn(e, scn))) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_DYNAMIC)
			continue;
		Elf_Data *data = elf_getdata(scn, NULL);
		size_t k = sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;
		for (size_t i = 0; data && i < k; i++) {
			GElf_Dyn dyn;
			if (!gelf_getdyn(data, (int)i, &dyn) || dyn.d_tag == DT_NULL)
				break;
			if (dyn.d_tag == DT_DEBUG) {
				*debug_slot = sh.sh_addr + i * sh.sh_entsize + 8;
				return 0;
			}
		}
	}
	return -ENOENT;
}
