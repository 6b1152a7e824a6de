/* SPDX-License-Identifier: GPL-2.0-or-later */
/* elfsym.c — opening and checking the ELF files probes name, reading
 * their function symbols, and the cache of opened files; see elfsym.h, and
 * elfsym_impl.h for the other parts. */
#define _GNU_SOURCE
#include "elfsym.h"
#include "debugfile.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parse/arena.h"
#include "elfsym_impl.h"

static const char *machine_name(unsigned m)
{
	switch (m) {
	case EM_386: return "i386";
	case EM_X86_64: return "x86-64";
	case EM_AARCH64: return "AArch64";
	case EM_ARM: return "32-bit ARM";
	case EM_RISCV: return "RISC-V";
	case EM_PPC: return "PowerPC";
	case EM_PPC64: return "PowerPC64";
	case EM_S390: return "s390";
	case EM_MIPS: return "MIPS";
	case EM_SPARCV9: return "SPARC64";
	case EM_BPF: return "BPF";
	case 258: return "LoongArch"; /* EM_LOONGARCH, newer than some elf.h */
	default: return NULL;
	}
}

/* "for AArch64" or "for machine 1234": messages name the machine when
 * they can, because "wrong machine" alone leaves the user guessing. */
static const char *machine_phrase(unsigned m, char *buf, size_t n)
{
	const char *s = machine_name(m);
	if (s)
		snprintf(buf, n, "%s", s);
	else
		snprintf(buf, n, "machine %u", m);
	return buf;
}

/* ==== Opening it ==== */

/* The sections and segments elf_open() needs, found in one pass. */
struct scan {
	Elf_Scn *symtab, *dynsym, *versym, *verdef, *dynamic, *build_id;
	bool code, nobits_code, interp;
};

/* True if [off, off + len) lies inside a file of `size` bytes. */
static bool in_file(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

static uint16_t swap16(uint16_t v)
{
	return (uint16_t)(v << 8 | v >> 8);
}

/* Checks the ELF header ourselves before libelf sees the file, so every
 * reason a file cannot be probed gets its own message. */
static int check_header(int fd, uint64_t size, GElf_Half *type,
			struct elf_error *err)
{
	unsigned char id[sizeof(Elf64_Ehdr)];
	ssize_t n = pread(fd, id, sizeof(id), 0);
	if (n < 0)
		return fail_errno(err, errno);
	if ((size_t)n < SELFMAG || memcmp(id, ELFMAG, SELFMAG) != 0)
		return fail(err, -ENOEXEC, "not an ELF file");
	if ((size_t)n < EI_NIDENT + 4)
		return fail(err, -EINVAL, "truncated ELF file (%zd bytes)", n);

	/* e_type and e_machine sit at the same offsets in 32- and 64-bit
	 * headers, so they can be read before the class is known. */
	uint16_t etype, machine;
	memcpy(&etype, id + EI_NIDENT, 2);
	memcpy(&machine, id + EI_NIDENT + 2, 2);
	if (id[EI_DATA] != HOST_ELFDATA) {
		etype = swap16(etype);
		machine = swap16(machine);
	}
	char mbuf[32];
	const char *host = machine_name(HOST_MACHINE);
	if (id[EI_CLASS] == ELFCLASS32)
		return fail(err, -ENOEXEC, "a 32-bit ELF file (for %s); uscript probes 64-bit %s programs",
			    machine_phrase(machine, mbuf, sizeof(mbuf)), host);
	if (id[EI_CLASS] != ELFCLASS64)
		return fail(err, -EINVAL, "corrupt ELF file (invalid class %u)", id[EI_CLASS]);
	if (id[EI_DATA] != ELFDATA2LSB && id[EI_DATA] != ELFDATA2MSB)
		return fail(err, -EINVAL, "corrupt ELF file (invalid data encoding %u)", id[EI_DATA]);
	if (machine != HOST_MACHINE || id[EI_DATA] != HOST_ELFDATA)
		return fail(err, -ENOEXEC, "an ELF file for %s%s; this machine is %s",
			    id[EI_DATA] != HOST_ELFDATA ? "big-endian " : "",
			    machine_phrase(machine, mbuf, sizeof(mbuf)), host);
	switch (etype) {
	case ET_EXEC:
	case ET_DYN:
		break;
	case ET_REL:
		return fail(err, -ENOEXEC, "a relocatable object file (.o), not a linked program or library");
	case ET_CORE:
		return fail(err, -ENOEXEC, "a core dump, not a program or library");
	default:
		return fail(err, -ENOEXEC, "an ELF file of type %u, which cannot be probed", etype);
	}
	if ((size_t)n < sizeof(Elf64_Ehdr))
		return fail(err, -EINVAL, "truncated ELF file (%zd bytes, shorter than its header)", n);

	Elf64_Ehdr eh;
	memcpy(&eh, id, sizeof(eh));
	if (eh.e_phnum && (eh.e_phentsize != sizeof(Elf64_Phdr) ||
			   !in_file(eh.e_phoff, (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr), size)))
		return fail(err, -EINVAL, "truncated or corrupt ELF file (program headers past the end)");
	if (eh.e_shoff && (eh.e_shentsize != sizeof(Elf64_Shdr) ||
			   !in_file(eh.e_shoff, (uint64_t)(eh.e_shnum ? eh.e_shnum : 1) * sizeof(Elf64_Shdr), size)))
		return fail(err, -EINVAL, "truncated or corrupt ELF file (section headers past the end)");
	*type = etype;
	return 0;
}

static int read_segments(struct elf_file *f, struct scan *sc,
			 struct elf_error *err)
{
	size_t n;
	if (elf_getphdrnum(f->elf, &n) != 0)
		return fail(err, -EINVAL, "corrupt ELF file (%s)", elf_errmsg(-1));
	f->loads = arena_alloc(f->arena, (n ? n : 1) * sizeof(*f->loads));
	bool exec = false;
	for (size_t i = 0; i < n; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(f->elf, (int)i, &ph))
			return fail(err, -EINVAL, "corrupt ELF file (%s)", elf_errmsg(-1));
		if (ph.p_type == PT_INTERP)
			sc->interp = true;
		if (ph.p_type != PT_LOAD)
			continue;
		if (!in_file(ph.p_offset, ph.p_filesz, f->size))
			return fail(err, -EINVAL, "truncated ELF file (a loadable segment ends past the end of the file)");
		if (ph.p_filesz > ph.p_memsz)
			return fail(err, -EINVAL, "corrupt ELF file (a segment is larger in the file than in memory)");
		if (ph.p_flags & PF_X)
			exec = true;
		f->loads[f->nloads++] = (struct elf_load){
			ph.p_vaddr, ph.p_offset, ph.p_filesz, ph.p_memsz, ph.p_flags,
		};
	}
	if (!exec)
		return fail(err, -ENOEXEC, "no executable segment, so nothing to probe");
	return 0;
}

static int scan_sections(struct elf_file *f, struct scan *sc,
			 struct elf_error *err)
{
	size_t shnum, shstrndx = 0;
	if (elf_getshdrnum(f->elf, &shnum) != 0 ||
	    (shnum > 1 && elf_getshdrstrndx(f->elf, &shstrndx) != 0))
		return fail(err, -EINVAL, "corrupt ELF file (%s)", elf_errmsg(-1));
	for (Elf_Scn *scn = NULL; (scn = elf_nextscn(f->elf, scn));) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh))
			return fail(err, -EINVAL, "corrupt ELF file (%s)", elf_errmsg(-1));
		if (sh.sh_type != SHT_NOBITS && !in_file(sh.sh_offset, sh.sh_size, f->size))
			return fail(err, -EINVAL, "truncated ELF file (a section ends past the end of the file)");
		const char *name = shstrndx ? elf_strptr(f->elf, shstrndx, sh.sh_name) : NULL;
		if (!name)
			name = "";
		if (sh.sh_flags & SHF_EXECINSTR) {
			if (sh.sh_type == SHT_NOBITS)
				sc->nobits_code = true;
			else
				sc->code = true;
		}
		switch (sh.sh_type) {
		case SHT_SYMTAB: sc->symtab = scn; break;
		case SHT_DYNSYM: sc->dynsym = scn; break;
		case SHT_GNU_versym: sc->versym = scn; break;
		case SHT_GNU_verdef: sc->verdef = scn; break;
		case SHT_DYNAMIC: sc->dynamic = scn; break;
		case SHT_NOTE:
			if (strcmp(name, ".note.gnu.build-id") == 0)
				sc->build_id = scn;
			break;
		case SHT_NOBITS:
			break;
		default:
			if (strcmp(name, ".debug_info") == 0 || strcmp(name, ".zdebug_info") == 0)
				f->has_dwarf = true;
		}
	}
	/* objcopy --only-keep-debug keeps the headers and empties the code;
	 * probing it would attach to a file no process runs. */
	if (sc->nobits_code && !sc->code)
		return fail(err, -ENOEXEC, "a separate debug-info file without code; probe the program or library it belongs to");
	return 0;
}

static void read_build_id(struct elf_file *f, Elf_Scn *scn)
{
	Elf_Data *d = scn ? elf_getdata(scn, NULL) : NULL;
	if (!d)
		return;
	GElf_Nhdr nh;
	size_t off = 0, name_off, desc_off, next;
	while ((next = gelf_getnote(d, off, &nh, &name_off, &desc_off)) > 0) {
		if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 &&
		    memcmp((const char *)d->d_buf + name_off, "GNU", 4) == 0 &&
		    nh.n_descsz > 0) {
			f->build_id = (const unsigned char *)d->d_buf + desc_off;
			f->build_id_len = nh.n_descsz;
			return;
		}
		off = next;
	}
}

/* A PIE and a shared library are both ET_DYN.  Linkers since binutils
 * 2.32 mark PIEs with DF_1_PIE; older ones are told apart by having an
 * interpreter and no soname (libc.so.6 has an interpreter, and a soname). */
static enum elf_filetype file_type(GElf_Half etype, struct scan *sc)
{
	if (etype == ET_EXEC)
		return ELF_FILE_EXEC;
	bool pie_flag = false, soname = false;
	Elf_Data *d = sc->dynamic ? elf_getdata(sc->dynamic, NULL) : NULL;
	GElf_Dyn dyn;
	for (int i = 0; d && gelf_getdyn(d, i, &dyn) && dyn.d_tag != DT_NULL; i++) {
		if (dyn.d_tag == DT_FLAGS_1 && (dyn.d_un.d_val & DF_1_PIE))
			pie_flag = true;
		if (dyn.d_tag == DT_SONAME)
			soname = true;
	}
	return pie_flag || (sc->interp && !soname) ? ELF_FILE_PIE : ELF_FILE_SHLIB;
}

/* ==== Symbols ==== */

/* A string table whose last byte is NUL: then any offset inside it is a
 * terminated string, and names need no check of their own. */
static const char *string_table(Elf *elf, size_t ndx, size_t *size)
{
	Elf_Scn *scn = elf_getscn(elf, ndx);
	GElf_Shdr sh;
	if (!scn || !gelf_getshdr(scn, &sh) || sh.sh_type != SHT_STRTAB)
		return NULL;
	Elf_Data *d = elf_getdata(scn, NULL);
	if (!d || !d->d_buf || d->d_size == 0 ||
	    ((const char *)d->d_buf)[d->d_size - 1] != '\0')
		return NULL;
	*size = d->d_size;
	return d->d_buf;
}

/* Version names by version index, from .gnu.version_d.  Index 0 and 1
 * mean local and unversioned; the entry flagged VER_FLG_BASE names the
 * file itself, not a version. */
static const char **version_names(struct elf_file *f, Elf_Scn *scn,
				  size_t *count)
{
	GElf_Shdr sh;
	Elf_Data *d;
	size_t strsz;
	const char *str;
	if (!scn || !gelf_getshdr(scn, &sh) || !(d = elf_getdata(scn, NULL)) ||
	    !(str = string_table(f->elf, sh.sh_link, &strsz)))
		return NULL;
	const size_t max = 0x8000;
	const char **names = arena_alloc(f->arena, max * sizeof(*names));
	size_t off = 0, hi = 0;
	for (size_t i = 0; i < sh.sh_info && i < max; i++) {
		GElf_Verdef vd;
		GElf_Verdaux va;
		if (!gelf_getverdef(d, (int)off, &vd))
			break;
		size_t ndx = vd.vd_ndx & 0x7fff;
		if (!(vd.vd_flags & VER_FLG_BASE) && vd.vd_cnt > 0 &&
		    off + vd.vd_aux <= INT_MAX &&
		    gelf_getverdaux(d, (int)(off + vd.vd_aux), &va) &&
		    va.vda_name < strsz) {
			names[ndx] = str + va.vda_name;
			if (ndx + 1 > hi)
				hi = ndx + 1;
		}
		if (vd.vd_next == 0 || off + vd.vd_next > INT_MAX)
			break;
		off += vd.vd_next;
	}
	*count = hi;
	return names;
}

/* Reads the function symbols of table scn of elf (f's own, its debug
 * file's or its MiniDebugInfo's) and appends them to f->syms.  versym and
 * verdef: the version sections that go with a .dynsym, or NULL.  With
 * skip_known, a symbol already read (same name and address: the
 * MiniDebugInfo of some distributions repeats .dynsym's) is left out. */
static int read_table(struct elf_file *f, Elf *elf, Elf_Scn *scn, Elf_Scn *versym,
		      Elf_Scn *verdef, const char *table, bool skip_known,
		      struct elf_error *err)
{
	GElf_Shdr sh;
	Elf_Data *d;
	size_t strsz;
	const char *str;
	if (!gelf_getshdr(scn, &sh) || sh.sh_entsize != sizeof(Elf64_Sym) ||
	    !(d = elf_getdata(scn, NULL)))
		return fail(err, -EINVAL, "corrupt symbol table %s", table);
	if (!(str = string_table(elf, sh.sh_link, &strsz)))
		return fail(err, -EINVAL, "corrupt string table for %s", table);
	size_t total = d->d_size / sizeof(Elf64_Sym);
	if (total > INT_MAX)  /* libelf counts symbols in an int */
		return fail(err, -EINVAL, "corrupt symbol table %s", table);

	/* Versions are recorded beside .dynsym only; .symtab spells them
	 * into the name ("foo@@VER_2"), split off below. */
	Elf_Data *vs = NULL;
	const char **vernames = NULL;
	size_t nvernames = 0;
	if (versym) {
		vs = elf_getdata(versym, NULL);
		if (vs && vs->d_size / sizeof(GElf_Versym) == total)
			vernames = version_names(f, verdef, &nvernames);
		else
			vs = NULL;
	}

	size_t known = f->nsyms;
	struct elf_sym *grown = realloc(f->syms, (known + total + 1) * sizeof(*f->syms));
	if (!grown)
		return fail(err, -ENOMEM, "out of memory reading %s", table);
	f->syms = grown;
	for (size_t i = 1; i < total; i++) {
		GElf_Sym s;
		if (!gelf_getsym(d, (int)i, &s))
			return fail(err, -EINVAL, "corrupt symbol table %s", table);
		/* STT_FUNC, and STT_GNU_IFUNC marked as such, so that -l can
		 * show libc's strlen and the caller can decide; SystemTap reads
		 * STT_FUNC only.  STT_NOTYPE symbols in code are left out, as
		 * SystemTap leaves them: they are mostly labels inside
		 * functions (assembly loops, section markers), and a probe on
		 * one would not be at a function entry. */
		unsigned type = GELF_ST_TYPE(s.st_info);
		if ((type != STT_FUNC && type != STT_GNU_IFUNC) ||
		    s.st_shndx == SHN_UNDEF || s.st_value == 0 ||
		    s.st_name == 0 || s.st_name >= strsz)
			continue;
		struct elf_sym *e = &f->syms[f->nsyms++];
		*e = (struct elf_sym){
			.name = str + s.st_name,
			.vaddr = s.st_value,
			.size = s.st_size,
			.bind = (unsigned char)GELF_ST_BIND(s.st_info),
			.type = (unsigned char)type,
		};
		const char *at = strchr(e->name, '@');
		if (at && at != e->name) {
			e->version_hidden = at[1] != '@';
			e->version = at + (e->version_hidden ? 1 : 2);
			e->name = arena_strndup(f->arena, e->name, (size_t)(at - e->name));
		} else if (vs) {
			GElf_Versym v;
			if (gelf_getversym(vs, (int)i, &v) && (size_t)(v & 0x7fff) < nvernames) {
				e->version = vernames[v & 0x7fff];
				e->version_hidden = e->version && (v & 0x8000);
			}
		}
		for (size_t k = 0; skip_known && k < known; k++)
			if (f->syms[k].vaddr == e->vaddr && strcmp(f->syms[k].name, e->name) == 0) {
				f->nsyms--;
				break;
			}
	}
	return 0;
}

static Elf_Scn *find_symtab(Elf *elf)
{
	for (Elf_Scn *scn = NULL; (scn = elf_nextscn(elf, scn));) {
		GElf_Shdr sh;
		if (gelf_getshdr(scn, &sh) && sh.sh_type == SHT_SYMTAB)
			return scn;
	}
	return NULL;
}

/* The symbol table to read.  .symtab is a superset of .dynsym: it has the
 * static functions and the hidden ones that were never exported, which
 * are exactly the ones people trace in their own programs, and a linker
 * copies every dynamic symbol into it too.  Reading both would list each
 * exported function twice, so .dynsym is read only when strip has removed
 * .symtab (installed programs and libraries).  Then the .symtab of the
 * file's separate debug file is read instead if there is one
 * (debugfile.h), else .dynsym and the functions of its MiniDebugInfo. */
static int read_symbols(struct elf_file *f, struct scan *sc,
			struct elf_error *err)
{
	if (sc->symtab) {
		f->sym_table = ".symtab";
		return read_table(f, f->elf, sc->symtab, NULL, NULL, f->sym_table, false, err);
	}
	if (!sc->symtab && (sc->dynsym || sc->code)) {
		char *found;
		int fd = debugfile_find(f->elf, f->path, DEBUGFILE_SYMTAB, &found);
		Elf *delf = fd >= 0 ? elf_begin(fd, ELF_C_READ_MMAP, NULL) : NULL;
		Elf_Scn *scn = delf ? find_symtab(delf) : NULL;
		if (scn) {
			f->dfd = fd;
			f->delf = delf;
			f->debug_path = arena_strdup(f->arena, found);
			f->has_dwarf = f->has_dwarf || debugfile_has(delf, DEBUGFILE_DWARF);
			free(found);
			f->sym_table = ".symtab";
			return read_table(f, delf, scn, NULL, NULL, f->debug_path, false, err);
		}
		if (delf)
			elf_end(delf);
		if (fd >= 0)
			close(fd);
		free(found);
	}
	if (!sc->dynsym)
		return 0;
	f->sym_table = ".dynsym";
	int ret = read_table(f, f->elf, sc->dynsym, sc->versym, sc->verdef, f->sym_table,
			     false, err);
	if (ret)
		return ret;
	f->mini = debugfile_minidebuginfo(f->elf, &f->mini_mem);
	Elf_Scn *scn = f->mini ? find_symtab(f->mini) : NULL;
	if (scn) {
		struct elf_error ignored;
		if (read_table(f, f->mini, scn, NULL, NULL, ".gnu_debugdata", true, &ignored) == 0)
			f->debug_path = arena_printf(f->arena, "%s (.gnu_debugdata)", f->path);
	}
	return 0;
}

int elf_open(const char *path, struct elf_file **out, struct elf_error *err)
{
	*out = NULL;
	/* O_NONBLOCK keeps a FIFO from hanging the compiler; fstat below
	 * turns it away. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return fail_errno(err, errno);
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		close(fd);
		return fail_errno(err, e);
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return S_ISDIR(st.st_mode) ? fail(err, -EISDIR, "is a directory")
					   : fail(err, -EACCES, "not a regular file");
	}

	GElf_Half etype = ET_NONE;
	int ret = check_header(fd, (uint64_t)st.st_size, &etype, err);
	if (ret) {
		close(fd);
		return ret;
	}

	struct elf_file *f = xcalloc(1, sizeof(*f));
	f->fd = fd;
	f->dfd = -1;
	f->size = (uint64_t)st.st_size;
	f->arena = arena_new();
	f->path = arena_strdup(f->arena, path);
	/* Mapped, not read: a big library is touched only where its headers
	 * and symbol tables are.  (A file truncated by someone else while
	 * mapped would raise SIGBUS; the compiler does not guard against that.) */
	elf_version(EV_CURRENT);
	f->elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!f->elf || elf_kind(f->elf) != ELF_K_ELF) {
		ret = fail(err, -EINVAL, "corrupt ELF file (%s)", elf_errmsg(-1));
		goto fail_close;
	}

	struct scan sc = {0};
	if ((ret = read_segments(f, &sc, err)) ||
	    (ret = scan_sections(f, &sc, err)) ||
	    (ret = read_symbols(f, &sc, err)))
		goto fail_close;
	f->type = file_type(etype, &sc);
	read_build_id(f, sc.build_id);
	*out = f;
	return 0;
fail_close:
	elf_close(f);
	return ret;
}

void elf_close(struct elf_file *f)
{
	if (!f)
		return;
	if (f->elf)
		elf_end(f->elf);
	close(f->fd);
	if (f->delf)
		elf_end(f->delf);
	if (f->dfd >= 0)
		close(f->dfd);
	if (f->mini)
		elf_end(f->mini);
	free(f->mini_mem);
	free(f->syms);
	free(f->buckets);
	free(f->chain);
	free(f->by_addr);
	arena_free(f->arena);
	free(f);
}

const char *elf_path(const struct elf_file *f) { return f->name ? f->name : f->path; }

void elf_set_name(struct elf_file *f, const char *name)
{
	f->name = arena_strdup(f->arena, name);
}
enum elf_filetype elf_filetype(const struct elf_file *f) { return f->type; }
bool elf_is_pie(const struct elf_file *f) { return f->type == ELF_FILE_PIE; }
bool elf_has_dwarf(const struct elf_file *f) { return f->has_dwarf; }
const char *elf_symbols_from(const struct elf_file *f) { return f->debug_path; }
const char *elf_sym_table(const struct elf_file *f) { return f->sym_table; }

const unsigned char *elf_build_id(const struct elf_file *f, size_t *len)
{
	*len = f->build_id_len;
	return f->build_id;
}

const struct elf_sym *elf_syms(const struct elf_file *f, size_t *n)
{
	*n = f->nsyms;
	return f->syms;
}

/* ==== The cache ==== */

struct cache_entry {
	struct cache_entry *next;
	struct elf_file *file;
};

struct elf_cache {
	struct cache_entry *head;
};

struct elf_cache *elf_cache_new(void)
{
	return xcalloc(1, sizeof(struct elf_cache));
}

void elf_cache_free(struct elf_cache *c)
{
	if (!c)
		return;
	for (struct cache_entry *e = c->head, *next; e; e = next) {
		next = e->next;
		elf_close(e->file);
		free(e);
	}
	free(c);
}

/* A list: one compilation names a handful of files. */
int elf_cache_open(struct elf_cache *c, const char *path,
		   struct elf_file **out, struct elf_error *err)
{
	for (struct cache_entry *e = c->head; e; e = e->next) {
		if (strcmp(e->file->path, path) == 0) {
			*out = e->file;
			return 0;
		}
	}
	int ret = elf_open(path, out, err);
	if (ret)
		return ret;
	struct cache_entry *e = xmalloc(sizeof(*e));
	e->file = *out;
	e->next = c->head;
	c->head = e;
	return 0;
}
