/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sym_file.c — the files of processes for symbolize: each file's PT_LOAD
 * segments and its symbol table, read once for every process that maps
 * it, by the rules symbolize.c cites; see symbolize.h. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "binary/elfsym.h"
#include "symbolize_impl.h"

/* A symbol of the table while it is sorted: its address and its index,
 * which orders aliases as the table does. */
struct entry {
	uint64_t addr;
	size_t index;
};

static int cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The PT_LOAD segments, and libdwfl's extent of the module, [*lo, *hi),
 * which the translator keeps symbols inside. */
static int read_segments(struct module *m, Elf *e, uint64_t *lo, uint64_t *hi)
{
	size_t nph;

	if (elf_getphdrnum(e, &nph) != 0)
		return -EINVAL;
	m->segs = calloc(nph ? nph : 1, sizeof(*m->segs));
	if (!m->segs)
		return -ENOMEM;
	*lo = UINT64_MAX;
	*hi = 0;
	for (size_t i = 0; i < nph; i++) {
		GElf_Phdr ph;
		uint64_t start;

		if (!gelf_getphdr(e, (int)i, &ph) || ph.p_type != PT_LOAD)
			continue;
		m->segs[m->nsegs++] = (struct segment){ph.p_vaddr, ph.p_offset, ph.p_filesz};
		start = ph.p_vaddr;
		if (ph.p_align > 1 && !(ph.p_align & (ph.p_align - 1)))
			start &= ~(ph.p_align - 1);
		if (start < *lo)
			*lo = start;
		if (ph.p_vaddr + ph.p_memsz > *hi)
			*hi = ph.p_vaddr + ph.p_memsz;
	}
	return 0;
}

/* The symbol table libdwfl reads, .symtab or else .dynsym, and which
 * sections are allocated (alloc[shnum]). */
static Elf_Scn *symbol_table(Elf *e, bool *alloc, size_t shnum)
{
	Elf_Scn *tab = NULL, *dyn = NULL;

	for (Elf_Scn *s = NULL; (s = elf_nextscn(e, s));) {
		GElf_Shdr sh;
		size_t ndx = elf_ndxscn(s);

		if (!gelf_getshdr(s, &sh))
			continue;
		if (ndx < shnum)
			alloc[ndx] = (sh.sh_flags & SHF_ALLOC) != 0;
		if (sh.sh_type == SHT_SYMTAB)
			tab = s;
		else if (sh.sh_type == SHT_DYNSYM)
			dyn = s;
	}
	return tab ? tab : dyn;
}

/* SystemTap's symbol table of the file (see the top of this file), into
 * m->syms with the names copied to m->names. */
static int read_symbols(struct module *m, Elf *e, uint64_t lo, uint64_t hi)
{
	size_t shnum, total = 0, n = 0, bytes = 0;
	Elf_Scn *tab;
	GElf_Shdr sh;
	Elf_Data *d = NULL;
	struct entry *ents;
	bool *alloc;

	if (elf_getshdrnum(e, &shnum) != 0)
		return -EINVAL;
	alloc = calloc(shnum ? shnum : 1, sizeof(*alloc));
	if (!alloc)
		return -ENOMEM;
	tab = symbol_table(e, alloc, shnum);
	if (tab && gelf_getshdr(tab, &sh) && sh.sh_entsize && (d = elf_getdata(tab, NULL)))
		total = d->d_size / sh.sh_entsize;
	if (total > INT32_MAX)  /* libelf counts symbols in an int */
		total = 0;
	ents = malloc((total ? total : 1) * sizeof(*ents));
	if (!ents) {
		free(alloc);
		return -ENOMEM;
	}
	for (size_t i = 1; i < total; i++) {
		GElf_Sym s;
		int type;

		if (!gelf_getsym(d, (int)i, &s))
			continue;
		type = GELF_ST_TYPE(s.st_info);
		if ((type != STT_FUNC && type != STT_OBJECT) ||
		    s.st_shndx == SHN_UNDEF ||
		    (s.st_shndx < SHN_LORESERVE && (s.st_shndx >= shnum || !alloc[s.st_shndx])) ||
		    s.st_value < lo || s.st_value >= hi ||
		    !elf_strptr(e, sh.sh_link, s.st_name))
			continue;
		ents[n++] = (struct entry){s.st_value, i};
	}
	free(alloc);
	qsort(ents, n, sizeof(*ents), cmp_entry);

	/* One entry per address, named by the last symbol there in table
	 * order, as the translator's std::map assignment leaves it. */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k && ents[k - 1].addr == ents[i].addr)
			k--;
		ents[k++] = ents[i];
	}
	n = k;

	m->syms = malloc((n ? n : 1) * sizeof(*m->syms));
	for (size_t i = 0; m->syms && i < n; i++) {
		GElf_Sym s;

		gelf_getsym(d, (int)ents[i].index, &s);
		bytes += strlen(elf_strptr(e, sh.sh_link, s.st_name)) + 1;
	}
	m->names = malloc(bytes ? bytes : 1);
	if (!m->syms || !m->names) {
		free(ents);
		return -ENOMEM;
	}
	char *w = m->names;
	for (size_t i = 0; i < n; i++) {
		GElf_Sym s;
		const char *name;
		size_t len;

		gelf_getsym(d, (int)ents[i].index, &s);
		name = elf_strptr(e, sh.sh_link, s.st_name);
		len = strlen(name) + 1;
		memcpy(w, name, len);
		m->syms[i] = (struct symbol){ents[i].addr, w};
		w += len;
	}
	m->nsyms = n;
	free(ents);
	return 0;
}

static int read_module(struct module *m, int fd)
{
	Elf *e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	uint64_t lo, hi;
	int ret;

	if (!e)
		return -EINVAL;
	ret = read_segments(m, e, &lo, &hi);
	if (!ret)
		ret = read_symbols(m, e, lo, hi);
	elf_end(e);
	return ret;
}

/* Opens the file of mapping `mp` of process `pid` and checks that it is
 * the file the process has mapped: /proc/PID/map_files/ names exactly that
 * (deleted or not, but only root may open it), /proc/PID/root/PATH finds it
 * from inside a container, PATH after the process has exited.  A file
 * whose inode differs is taken only when nothing better opens and the
 * mapped one is not deleted: an overlay file system shows another inode. */
static int open_mapped_file(int pid, const struct mapping *mp)
{
	char path[4200];
	int fallback = -1;

	for (int i = 0; i < 3; i++) {
		struct stat st;
		int fd, n;

		if (i == 0)
			n = snprintf(path, sizeof(path), "/proc/%d/map_files/%" PRIx64 "-%" PRIx64,
				     pid, mp->start, mp->end);
		else if (mp->deleted)
			break;
		else if (i == 1)
			n = snprintf(path, sizeof(path), "/proc/%d/root%s", pid, mp->path);
		else
			n = snprintf(path, sizeof(path), "%s", mp->path);
		if (n < 0 || (size_t)n >= sizeof(path))
			continue;
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
		if (fd < 0)
			continue;
		if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
			close(fd);
			continue;
		}
		if (i == 0 || (uint64_t)st.st_ino == mp->ino) {
			if (fallback >= 0)
				close(fallback);
			return fd;
		}
		if (fallback < 0)
			fallback = fd;
		else
			close(fd);
	}
	return fallback;
}

/* The module of mapping `mp`, read the first time a process maps it; a
 * file that could not be read is tried again after the next maps read,
 * which may come from a process that can reach it. */
struct module *get_module(struct sym_ctx *c, struct proc *p,
			  struct mapping *mp)
{
	size_t b = (size_t)((mp->ino ^ (mp->ino >> 8) ^ mp->dev) & 255);
	struct module *m;

	for (m = c->mods[b]; m; m = m->next)
		if (m->ino == mp->ino && m->dev == mp->dev)
			break;
	if (m && (m->ok || m->tried == c->gen))
		return m;
	if (!m) {
		m = calloc(1, sizeof(*m));
		if (!m)
			return NULL;
		m->dev = mp->dev;
		m->ino = mp->ino;
		m->next = c->mods[b];
		c->mods[b] = m;
	}
	m->tried = c->gen;

	int fd = open_mapped_file(p->pid, mp);
	if (fd < 0)
		return m;
	/* elf_open() through /proc/self/fd reads the very file opened here. */
	char self[64];
	struct elf_file *f;
	snprintf(self, sizeof(self), "/proc/self/fd/%d", fd);
	if (elf_open(self, &f, NULL) == 0) {
		elf_close(f);
		free(m->segs);
		free(m->syms);
		free(m->names);
		m->segs = NULL;
		m->syms = NULL;
		m->names = NULL;
		m->nsegs = m->nsyms = 0;
		m->ok = read_module(m, fd) == 0;
	}
	close(fd);
	return m;
}

struct module *sym_read_module(const char *path)
{
	struct module *m = calloc(1, sizeof(*m));
	struct elf_file *f;
	struct stat st;
	int fd;

	if (!m)
		return NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0 || elf_open(path, &f, NULL) != 0) {
		if (fd >= 0)
			close(fd);
		free(m);
		return NULL;
	}
	elf_close(f);
	m->dev = st.st_dev;
	m->ino = (uint64_t)st.st_ino;
	m->ok = read_module(m, fd) == 0;
	close(fd);
	if (!m->ok) {
		sym_free_module(m);
		return NULL;
	}
	return m;
}

void sym_free_module(struct module *m)
{
	if (!m)
		return;
	free(m->segs);
	free(m->syms);
	free(m->names);
	free(m);
}
