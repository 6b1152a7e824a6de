/* SPDX-License-Identifier: GPL-2.0-or-later */
/* compiler/binary/ reads the program files that probes name: ELF files and
 * their symbols (elfsym.h), USDT notes (usdt.h) and where instructions
 * start (insn.h); it uses only the arena of parse/.
 *
 * elfsym.h — the ELF files that probes name: finding them, checking that
 * they can be probed here, their function symbols, and file offsets.
 *
 * elf_find_path() turns what the script wrote ("./app", "ls", "libc.so.6")
 * into the canonical absolute path a uprobe needs.  elf_open() maps and
 * checks a file once; every later question is answered from memory.  A
 * symbol's address becomes the offset a uprobe attaches at through the
 * PT_LOAD segment that holds it, the same rule for PIE, non-PIE and shared
 * libraries.  Symbol names point into the mapped file and live as long as
 * the elf_file.  Lookups build their indexes on first use, so an elf_file
 * is for one thread.  Every function that can fail returns 0 or a negative
 * errno and fills an elf_error with a short sentence meant to follow the
 * probe point in a diagnostic: `process("./app"): no such file`. */
#ifndef USCRIPT_ELFSYM_H
#define USCRIPT_ELFSYM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Why a call failed, for the user.  Callers may pass NULL. */
struct elf_error {
	char msg[320];
};

/* ---- Finding the file ---- */

/* How elf_find_path() found a file; for `-v` messages. */
enum elf_found {
	ELF_FOUND_AS_GIVEN,       /* the name had a '/' */
	ELF_FOUND_IN_PATH,        /* $PATH, as execvp searches it */
	ELF_FOUND_LD_LIBRARY_PATH,
	ELF_FOUND_LD_CACHE,       /* /etc/ld.so.cache */
	ELF_FOUND_LIBDIR,         /* a default library directory */
};

/* Resolves `name` as process("NAME") means it and writes the canonical
 * absolute path (symbolic links resolved, as SystemTap does) to `out`.  A
 * name with a '/' is used as written, relative to the working directory.
 * A bare name is searched in $PATH for a regular executable file, as execvp
 * does; a bare name that looks like a shared library ("libc.so.6",
 * "ld-linux-x86-64.so.2": it ends in ".so" or has ".so." in it) is then
 * searched the way the dynamic linker would: LD_LIBRARY_PATH,
 * /etc/ld.so.cache, the default directories.  `how` may be NULL.
 * Errors: -ENOENT, -ENOTDIR, -EISDIR, -EACCES, -ENAMETOOLONG. */
int elf_find_path(const char *name, char *out, size_t outsz,
		  enum elf_found *how, struct elf_error *err);

/* Looks `soname` up in a cache file in ld.so.cache's format ("glibc-ld.so.
 * cache1.1", alone or after the old format) and copies the path it names,
 * for libraries of this machine only.  Separate from elf_find_path() so
 * tests can give it other files.  Returns 0, -ENOENT if the name is not
 * there or the cache is missing or malformed, or -ENAMETOOLONG. */
int elf_ldcache_lookup(const char *cache, const char *soname,
		       char *out, size_t outsz);

/* ---- Opening it ---- */

struct elf_file;

/* What kind of program file it is; only these can be probed. */
enum elf_filetype {
	ELF_FILE_EXEC,   /* ET_EXEC: a non-PIE executable, fixed addresses */
	ELF_FILE_PIE,    /* ET_DYN marked DF_1_PIE (or with an interpreter and no soname) */
	ELF_FILE_SHLIB,  /* any other ET_DYN: a shared library */
};

/* Maps the file at `path` and checks that uprobes can be put in it: an
 * ELF file, 64-bit, for this machine, linked (ET_EXEC or ET_DYN, not a .o
 * or core dump), whole (nothing points past its end), with code in it (not a
 * separate debug-info file).  Its function symbols are read here, so a
 * corrupt symbol table is also an error of elf_open().  Errors: -ENOENT,
 * -EACCES (also: not a regular file), -EISDIR, -ENOEXEC (not a file uscript
 * can probe), -EINVAL (truncated or corrupt).  A malformed file gets an
 * error, never a crash. */
int elf_open(const char *path, struct elf_file **out, struct elf_error *err);
void elf_close(struct elf_file *f);

/* One compilation opens the same file for many probe points; a cache hands
 * out the file opened the first time.  Keyed by path, so give it the
 * canonical path from elf_find_path().  Files belong to the cache: do not
 * elf_close() them; elf_cache_free() closes them all.  Failures are not
 * cached, so each probe point gets its error. */
struct elf_cache;
struct elf_cache *elf_cache_new(void);
void elf_cache_free(struct elf_cache *c);
int elf_cache_open(struct elf_cache *c, const char *path,
		   struct elf_file **out, struct elf_error *err);

/* The file's name for messages and pp(): as given to elf_open(), or as
 * elf_set_name() named it (a running process's executable, opened as
 * /proc/PID/exe). */
const char *elf_path(const struct elf_file *f);
void elf_set_name(struct elf_file *f, const char *name);
/* The libelf handle, for readers of other sections (usdt.c); it belongs
 * to the elf_file. */
struct Elf;
struct Elf *elf_libelf(const struct elf_file *f);
enum elf_filetype elf_filetype(const struct elf_file *f);
bool elf_is_pie(const struct elf_file *f);
/* Whether the file has DWARF (a .debug_info section, its own or in the
 * separate debug file its symbols were read from), so resolution can say
 * "no debug info" instead of "no such variable". */
bool elf_has_dwarf(const struct elf_file *f);
/* The GNU build id (.note.gnu.build-id), or NULL with *len 0. */
const unsigned char *elf_build_id(const struct elf_file *f, size_t *len);

/* ---- Function symbols ---- */

struct elf_sym {
	const char *name;       /* as linked: mangled for C++, without "@VERSION" */
	const char *demangled;  /* NULL; for the C++ demangler to fill in later */
	const char *version;    /* "GLIBC_2.2.5" when the file records one, else NULL */
	uint64_t vaddr;         /* st_value, as nm and readelf -s print it */
	uint64_t size;          /* st_size; 0 when unknown (hand-written assembly) */
	unsigned char bind;     /* STB_LOCAL, STB_GLOBAL, STB_WEAK, STB_GNU_UNIQUE */
	unsigned char type;     /* STT_FUNC, or STT_GNU_IFUNC: see below */
	bool version_hidden;    /* name@VERSION, an old version kept for old binaries */
};

/* Which table the symbols came from: ".symtab", ".dynsym", or NULL when
 * the file has neither (no section headers); then there are no symbols. */
const char *elf_sym_table(const struct elf_file *f);
/* The file the symbols were read from when not the file itself: its
 * separate debug file, or "PATH (.gnu_debugdata)" when MiniDebugInfo
 * added to .dynsym (see debugfile.h).  NULL otherwise. */
const char *elf_symbols_from(const struct elf_file *f);

/* All function symbols, in the order of the symbol table.  Every name is
 * listed, so aliases (several names at one address) and local functions of
 * the same name in different source files all appear.  For STT_GNU_IFUNC
 * symbols (strlen in libc) vaddr is the resolver, which runs once when the
 * library is loaded, not the function a call reaches; SystemTap leaves
 * them out of its symbol table, and the caller should too for probes. */
const struct elf_sym *elf_syms(const struct elf_file *f, size_t *n);

/* Every symbol named exactly `name`, in symbol-table order:
 *   for (s = elf_sym_lookup(f, "add"); s; s = elf_sym_next(f, s)) ...
 * The first call builds a hash index of the names. */
const struct elf_sym *elf_sym_lookup(struct elf_file *f, const char *name);
const struct elf_sym *elf_sym_next(const struct elf_file *f,
				   const struct elf_sym *s);

/* The symbols at exactly `vaddr` (aliases): *n pointers, or NULL with *n
 * 0.  The first call sorts an address index. */
const struct elf_sym *const *elf_sym_at(struct elf_file *f, uint64_t vaddr,
					size_t *n);
/* For symbolising addresses: of the symbols at the nearest address at or
 * below `addr`, the first whose [vaddr, vaddr + size) holds it (a symbol
 * of size 0 holds just its own address).  NULL if none does. */
const struct elf_sym *elf_sym_containing(struct elf_file *f, uint64_t addr);

/* ---- Addresses ---- */

/* The file offset of virtual address `vaddr` (st_value, or an address the
 * user gave to .statement()): off = vaddr - p_vaddr + p_offset through the
 * PT_LOAD segment whose file-backed part holds it.  *exec (may be NULL)
 * says whether that segment is executable; probing outside code is the
 * caller's error to report.  Returns 0, or -ENOENT if no segment holds it
 * (the message in err says so). */
/* The link-time address of the file's dynamic section (PT_DYNAMIC), and,
 * if debug_slot is not NULL, that of its DT_DEBUG entry's value, which the
 * dynamic linker sets to its r_debug in a running program.  -ENOENT when
 * the file has no dynamic section (or, asked for it, no DT_DEBUG). */
int elf_dynamic(const struct elf_file *f, uint64_t *dyn_vaddr, uint64_t *debug_slot);

int elf_vaddr_to_offset(const struct elf_file *f, uint64_t vaddr,
			uint64_t *off, bool *exec, struct elf_error *err);

/* The function whose code holds `addr`: [*start, *end) and its name, from
 * the symbol table, or else from the unwinding tables (.eh_frame), which
 * stripping keeps; then *name is NULL.  Returns 0, or -ENOENT. */
int elf_function_range(struct elf_file *f, uint64_t addr, uint64_t *start, uint64_t *end,
		       const char **name);

/* The `len` bytes of the file at virtual address `vaddr`, all inside the
 * file-backed part of one PT_LOAD segment; NULL if they are not.  They live
 * as long as the elf_file. */
const unsigned char *elf_bytes_at(const struct elf_file *f, uint64_t vaddr, size_t len);

/* Up to `len` bytes of code at virtual address `vaddr`, read from the file
 * into buf, as many as the file-backed part of its PT_LOAD segment holds
 * from there: their number, or a negative errno (-ENOENT if no segment
 * holds vaddr).  Code must be read this way, not with elf_bytes_at(): the
 * kernel puts the breakpoint of every uprobe in place into each private
 * mapping of the file that could be made executable, elf_open()'s too, so
 * there an instruction another tracer (or a uscript still letting go of
 * its probes) has a probe on reads as int3.  The file itself is never
 * written. */
ssize_t elf_read_code(const struct elf_file *f, uint64_t vaddr, void *buf, size_t len);

#endif
