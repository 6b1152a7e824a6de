/* SPDX-License-Identifier: GPL-2.0-or-later */
/* elfsym_impl.h — what the parts of elfsym share, and nothing else
 * includes: the machine uscript runs on, the opened file, and the words of
 * the errors.
 *
 *   elfsym.c     opening and checking a file, reading its function
 *                symbols, the cache of opened files
 *   elfpath.c    finding the file a probe point names: $PATH,
 *                LD_LIBRARY_PATH, ld.so.cache, the library directories
 *   elflookup.c  symbols by name and by address, and what an address is
 *                in the file: its offset, its function, its bytes
 *   debugfile.c  (debugfile.h, shared with dwarf/) a stripped file's
 *                separate debug file, and its MiniDebugInfo */
#ifndef USCRIPT_ELFSYM_IMPL_H
#define USCRIPT_ELFSYM_IMPL_H

#include <errno.h>
#include <gelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "elfsym.h"

/* The machine uscript runs on decides which files it can probe, which
 * ld.so.cache entries are ours, and where the dynamic linker looks. */
#if defined(__x86_64__)
#define HOST_MACHINE EM_X86_64
#define HOST_MULTIARCH "x86_64-linux-gnu"
#define HOST_LDCACHE_FLAG 0x0300 /* FLAG_X8664_LIB64 */
#elif defined(__aarch64__)
#define HOST_MACHINE EM_AARCH64
#define HOST_MULTIARCH "aarch64-linux-gnu"
#define HOST_LDCACHE_FLAG 0x0a00 /* FLAG_AARCH64_LIB64 */
#else
#error "uscript runs on x86-64 and arm64 only"
#endif

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define HOST_ELFDATA ELFDATA2LSB
#else
#define HOST_ELFDATA ELFDATA2MSB
#endif

static inline int fail(struct elf_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static inline int fail(struct elf_error *err, int code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return code;
}

/* The words a user expects for the errors opening a file can give. */
static inline int fail_errno(struct elf_error *err, int e)
{
	switch (e) {
	case ENOENT:
		return fail(err, -ENOENT, "no such file");
	case ENOTDIR:
		return fail(err, -ENOTDIR, "no such file (a component of the path is not a directory)");
	case EACCES:
	case EPERM:
		return fail(err, -EACCES, "permission denied");
	case EISDIR:
		return fail(err, -EISDIR, "is a directory");
	case ENAMETOOLONG:
		return fail(err, -ENAMETOOLONG, "file name too long");
	default:
		return fail(err, -e, "%s", strerror(e));
	}
}

struct elf_load {
	uint64_t vaddr, offset, filesz, memsz;
	uint32_t flags;
};

struct elf_file {
	char *path;
	char *name;           /* how messages name it, where not by its path */
	int fd;
	Elf *elf;
	struct arena *arena;  /* small strings: names split at '@' */
	uint64_t size;
	enum elf_filetype type;
	struct elf_load *loads;
	size_t nloads;
	bool has_dwarf;
	const unsigned char *build_id;
	size_t build_id_len;

	const char *sym_table;
	/* Where the symbols came from when not the file itself: its separate
	 * debug file (open as dfd, delf) or its MiniDebugInfo (mini, whose
	 * bytes are mini_mem); names point into them. */
	const char *debug_path;
	int dfd;
	Elf *delf, *mini;
	void *mini_mem;
	struct elf_sym *syms;
	size_t nsyms;

	/* Built on first use: a chained hash of names, and the symbols in
	 * address order. */
	uint32_t *buckets;    /* index + 1 of a chain's first symbol; 0 ends */
	uint32_t *chain;      /* index + 1 of the next symbol in the bucket */
	size_t nbuckets;      /* a power of two */
	const struct elf_sym **by_addr;
};

#endif
