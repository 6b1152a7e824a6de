/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_elfsym.c — unit tests for compiler/binary/elfsym.c.
 *
 *   test_elfsym DIR         DIR holds the files elfsym_targets.sh builds
 *   test_elfsym --bench FILE...   time opening and enumerating big files
 *
 * Offsets are checked against two computations that do not share code
 * with elfsym.c: the section-header rule (sh_offset + vaddr - sh_addr, what
 * libbpf uses), and, for libraries and this test program, the code bytes
 * the dynamic loader actually mapped.  Then every file is fuzzed with
 * truncated and corrupted copies, which must fail cleanly or open, never
 * crash.  One line per failure; exit 1 if any. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <limits.h>
#include <link.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "binary/elfsym.h"
#include "check.h"

static char tmpdir[PATH_MAX];

static const char *tmpfile_path(const char *name)
{
	static char buf[PATH_MAX + 64];
	snprintf(buf, sizeof(buf), "%s/%s", tmpdir, name);
	return buf;
}

/* ---- An independent reader: section headers through libelf ---- */

/* The offset of vaddr by the section that holds it, and that section's
 * flags; -1 when no allocated section with file bytes holds it. */
static int64_t section_offset(const char *path, uint64_t vaddr,
			      const char *want_section, uint64_t *sec_addr)
{
	int fd = open(path, O_RDONLY);
	elf_version(EV_CURRENT);
	Elf *e = elf_begin(fd, ELF_C_READ, NULL);
	int64_t off = -1;
	size_t shstrndx;
	elf_getshdrstrndx(e, &shstrndx);
	for (Elf_Scn *s = NULL; (s = elf_nextscn(e, s));) {
		GElf_Shdr sh;
		gelf_getshdr(s, &sh);
		const char *name = elf_strptr(e, shstrndx, sh.sh_name);
		if (want_section) {
			if (name && strcmp(name, want_section) == 0) {
				*sec_addr = sh.sh_addr;
				off = sh.sh_type == SHT_NOBITS ? -1 : (int64_t)sh.sh_offset;
				break;
			}
			continue;
		}
		if (!(sh.sh_flags & SHF_ALLOC) || sh.sh_type == SHT_NOBITS)
			continue;
		if (vaddr >= sh.sh_addr && vaddr < sh.sh_addr + sh.sh_size) {
			off = (int64_t)(vaddr - sh.sh_addr + sh.sh_offset);
			break;
		}
	}
	elf_end(e);
	close(fd);
	return off;
}

/* Every function symbol's offset agrees with the section rule and lies
 * in an executable segment. */
static void check_all_offsets(const char *label, const char *path,
			      struct elf_file *f)
{
	size_t n, bad = 0;
	const struct elf_sym *syms = elf_syms(f, &n);
	for (size_t i = 0; i < n; i++) {
		uint64_t off = 0;
		bool exec = false;
		struct elf_error err;
		int r = elf_vaddr_to_offset(f, syms[i].vaddr, &off, &exec, &err);
		int64_t want = section_offset(path, syms[i].vaddr, NULL, NULL);
		if (r != 0 || !exec || (int64_t)off != want) {
			if (bad++ < 5)
				CHECK(0, "%s: %s at 0x%" PRIx64 ": offset 0x%" PRIx64 " exec %d ret %d, sections say 0x%" PRIx64,
				      label, syms[i].name, syms[i].vaddr, off, exec, r, (uint64_t)want);
		}
	}
	CHECK(n > 0, "%s: no function symbols", label);

	/* The address index against a plain count, and in table order. */
	for (size_t i = 0; i < n; i++) {
		size_t want = 0, got, seen = 0;
		for (size_t k = 0; k < n; k++)
			want += syms[k].vaddr == syms[i].vaddr;
		const struct elf_sym *const *at = elf_sym_at(f, syms[i].vaddr, &got);
		for (size_t k = 0; k < got; k++) {
			seen += at[k] == &syms[i];
			if (k > 0)
				CHECK(at[k - 1] < at[k], "%s: aliases out of table order", label);
		}
		CHECK(got == want && seen == 1, "%s: %zu symbols at 0x%" PRIx64 ", want %zu",
		      label, got, syms[i].vaddr, want);
		const struct elf_sym *c = elf_sym_containing(f, syms[i].vaddr);
		CHECK(c && c->vaddr == syms[i].vaddr, "%s: containing own address", label);
	}
}

/* ---- Finding files ---- */

static void test_find_path(void)
{
	char out[PATH_MAX], real[PATH_MAX];
	struct elf_error err;
	enum elf_found how;
	int r;

	setenv("PATH", target_dir, 1);
	unsetenv("LD_LIBRARY_PATH");
	realpath(target("pie"), real);

	r = elf_find_path("pie", out, sizeof(out), &how, &err);
	CHECK(r == 0 && strcmp(out, real) == 0 && how == ELF_FOUND_IN_PATH,
	      "find pie in $PATH: %d %s", r, r ? err.msg : out);

	r = elf_find_path("no-such-program-xyz", out, sizeof(out), &how, &err);
	CHECK(r == -ENOENT && strcmp(err.msg, "not found in $PATH") == 0,
	      "missing program: %d '%s'", r, err.msg);

	r = elf_find_path("text.txt", out, sizeof(out), &how, &err);
	CHECK(r == -EACCES && strcmp(err.msg, "found in $PATH but not executable (permission denied)") == 0,
	      "non-executable in $PATH: %d '%s'", r, err.msg);

	char cwd[PATH_MAX];
	getcwd(cwd, sizeof(cwd));
	chdir(target_dir);
	r = elf_find_path("./pie", out, sizeof(out), &how, &err);
	CHECK(r == 0 && strcmp(out, real) == 0 && how == ELF_FOUND_AS_GIVEN,
	      "./pie: %d %s", r, r ? err.msg : out);
	r = elf_find_path("../" "x-no-such-dir/pie", out, sizeof(out), &how, &err);
	CHECK(r == -ENOENT && strcmp(err.msg, "no such file") == 0, "missing relative: %d '%s'", r, err.msg);
	chdir(cwd);

	r = elf_find_path(target("nonexistent"), out, sizeof(out), &how, &err);
	CHECK(r == -ENOENT && strcmp(err.msg, "no such file") == 0, "missing file: %d '%s'", r, err.msg);
	r = elf_find_path(target("."), out, sizeof(out), &how, &err);
	CHECK(r == -EISDIR && strcmp(err.msg, "is a directory") == 0, "directory: %d '%s'", r, err.msg);
	r = elf_find_path(target("text.txt/x"), out, sizeof(out), &how, &err);
	CHECK(r == -ENOTDIR && strstr(err.msg, "no such file") == err.msg, "ENOTDIR: %d '%s'", r, err.msg);
	r = elf_find_path("", out, sizeof(out), &how, &err);
	CHECK(r == -ENOENT, "empty name: %d", r);
	r = elf_find_path(target("pie"), out, 8, &how, &err);
	CHECK(r == -ENAMETOOLONG, "small buffer: %d", r);

	/* Libraries: $PATH (which must not hold them here), LD_LIBRARY_PATH,
	 * then the cache, then the directories. */
	setenv("PATH", "/nonexistent", 1);
	setenv("LD_LIBRARY_PATH", target_dir, 1);
	realpath(target("libtarget.so"), real);
	r = elf_find_path("libtarget.so", out, sizeof(out), &how, &err);
	CHECK(r == 0 && strcmp(out, real) == 0 && how == ELF_FOUND_LD_LIBRARY_PATH,
	      "libtarget.so by LD_LIBRARY_PATH: %d %s", r, r ? err.msg : out);
	unsetenv("LD_LIBRARY_PATH");
	r = elf_find_path("libtarget.so", out, sizeof(out), &how, &err);
	CHECK(r == -ENOENT && strstr(err.msg, "ld.so.cache"), "libtarget.so without LD_LIBRARY_PATH: %d '%s'", r, err.msg);

	r = elf_find_path("libc.so.6", out, sizeof(out), &how, &err);
	const char *base = r == 0 ? strrchr(out, '/') : NULL;
	CHECK(r == 0 && out[0] == '/' && base && strncmp(base, "/libc", 5) == 0 &&
	      (how == ELF_FOUND_LD_CACHE || (how == ELF_FOUND_LIBDIR && !exists("/etc/ld.so.cache"))),
	      "libc.so.6: %d %s how %d", r, r ? err.msg : out, (int)how);
	if (r == 0) {
		struct elf_file *f;
		r = elf_open(out, &f, &err);
		CHECK(r == 0 && elf_filetype(f) == ELF_FILE_SHLIB, "libc is a shared library: %d", r);
		if (r == 0)
			elf_close(f);
	}
	r = elf_find_path("libno-such-library-xyz.so.9", out, sizeof(out), &how, &err);
	CHECK(r == -ENOENT && strcmp(err.msg, "not found in $PATH, LD_LIBRARY_PATH, /etc/ld.so.cache or the default library directories") == 0,
	      "missing library: %d '%s'", r, err.msg);
}

/* Writes an ld.so.cache in the new format, optionally behind an old-format
 * header, with entries (flags, key, value, hwcap). */
static void write_cache(const char *path, bool compat)
{
	struct { uint32_t flags; const char *key, *value; uint64_t hwcap; } e[] = {
		{ 0x0003, "libz.so.1", "/wrong/i386/libz.so.1", 0 },
#if defined(__x86_64__)
		{ 0x0303, "libz.so.1", "/hwcaps/libz.so.1", 2 },
		{ 0x0303, "libz.so.1", "/right/libz.so.1", 0 },
		{ 0x0303, "libm.so.6", "/right/libm.so.6", 0 },
#else
		{ 0x0a03, "libz.so.1", "/hwcaps/libz.so.1", 2 },
		{ 0x0a03, "libz.so.1", "/right/libz.so.1", 0 },
		{ 0x0a03, "libm.so.6", "/right/libm.so.6", 0 },
#endif
	};
	const uint32_t n = sizeof(e) / sizeof(e[0]);
	unsigned char buf[4096] = {0};
	size_t base = 0;
	if (compat) {
		memcpy(buf, "ld.so-1.7.0", 11);
		uint32_t nold = 3;
		memcpy(buf + 12, &nold, 4);
		base = (16 + nold * 12 + 7) & ~(size_t)7;
	}
	unsigned char *h = buf + base;
	memcpy(h, "glibc-ld.so.cache1.1", 20);
	memcpy(h + 20, &n, 4);
	size_t str = 48 + n * 24;
	for (uint32_t i = 0; i < n; i++) {
		unsigned char *p = h + 48 + i * 24;
		uint32_t k = (uint32_t)str, v;
		strcpy((char *)h + str, e[i].key);
		str += strlen(e[i].key) + 1;
		v = (uint32_t)str;
		strcpy((char *)h + str, e[i].value);
		str += strlen(e[i].value) + 1;
		memcpy(p, &e[i].flags, 4);
		memcpy(p + 4, &k, 4);
		memcpy(p + 8, &v, 4);
		memcpy(p + 16, &e[i].hwcap, 8);
	}
	spit(path, buf, base + str);
}

static void test_ldcache(void)
{
	char out[PATH_MAX];
	const char *path = tmpfile_path("ld.so.cache");
	for (int compat = 0; compat < 2; compat++) {
		write_cache(path, compat);
		int r = elf_ldcache_lookup(path, "libz.so.1", out, sizeof(out));
		CHECK(r == 0 && strcmp(out, "/right/libz.so.1") == 0, "cache (compat %d) libz: %d %s", compat, r, r ? "" : out);
		r = elf_ldcache_lookup(path, "libm.so.6", out, sizeof(out));
		CHECK(r == 0 && strcmp(out, "/right/libm.so.6") == 0, "cache (compat %d) libm: %d", compat, r);
		r = elf_ldcache_lookup(path, "libq.so.1", out, sizeof(out));
		CHECK(r == -ENOENT, "cache (compat %d) missing: %d", compat, r);
		r = elf_ldcache_lookup(path, "libz.so.1", out, 5);
		CHECK(r == -ENAMETOOLONG, "cache (compat %d) small buffer: %d", compat, r);
	}
	/* Truncated and corrupted caches: any answer but a crash. */
	size_t size;
	unsigned char *orig = slurp(path, &size);
	for (size_t len = 0; len < size; len++) {
		spit(path, orig, len);
		elf_ldcache_lookup(path, "libm.so.6", out, sizeof(out));
	}
	srand(7);
	for (int i = 0; i < 300; i++) {
		unsigned char copy[4096];
		memcpy(copy, orig, size);
		for (int k = 0; k < 4; k++)
			copy[(size_t)rand() % size] = (unsigned char)rand();
		spit(path, copy, size);
		if (elf_ldcache_lookup(path, "libm.so.6", out, sizeof(out)) == 0)
			CHECK(strlen(out) < sizeof(out), "cache fuzz");
	}
	free(orig);
	CHECK(elf_ldcache_lookup(tmpfile_path("no-such-cache"), "libz.so.1", out, sizeof(out)) == -ENOENT, "missing cache");
	if (exists("/etc/ld.so.cache")) {
		int r = elf_ldcache_lookup("/etc/ld.so.cache", "libc.so.6", out, sizeof(out));
		CHECK(r == 0 && strstr(out, "libc.so.6"), "real cache has libc.so.6: %d", r);
	}
}

/* ---- Opening: errors ---- */

static void expect_open_error(const char *label, const char *path, int code,
			      const char *msg)
{
	struct elf_file *f = NULL;
	struct elf_error err = {{0}};
	int r = elf_open(path, &f, &err);
	CHECK(r == code && f == NULL && strcmp(err.msg, msg) == 0,
	      "%s: got %d '%s', want %d '%s'", label, r, err.msg, code, msg);
	if (r == 0)
		elf_close(f);
}

/* A copy of `from` with `len` bytes at `off` replaced. */
static const char *patched(const char *from, const char *name, size_t off,
			   const void *bytes, size_t len)
{
	size_t size;
	unsigned char *buf = slurp(from, &size);
	memcpy(buf + off, bytes, len);
	const char *path = tmpfile_path(name);
	spit(path, buf, size);
	free(buf);
	return path;
}

static void test_open_errors(void)
{
	const char *host = "x86-64", *other = "AArch64";
	uint16_t other_machine = EM_AARCH64;
#if defined(__aarch64__)
	host = "AArch64", other = "x86-64";
	other_machine = EM_X86_64;
#endif
	char msg[200];

	expect_open_error("missing", target("nonexistent"), -ENOENT, "no such file");
	expect_open_error("directory", target_dir, -EISDIR, "is a directory");
	expect_open_error("text file", target("text.txt"), -ENOEXEC, "not an ELF file");
	expect_open_error(".o", target("prog_a.o"), -ENOEXEC,
			  "a relocatable object file (.o), not a linked program or library");
	expect_open_error("debug-only file", target("pie.debug"), -ENOEXEC,
			  "a separate debug-info file without code; probe the program or library it belongs to");
	if (exists(target("aarch64.o")) && other_machine == EM_AARCH64)
		expect_open_error("aarch64 .o", target("aarch64.o"), -ENOEXEC,
				  "an ELF file for AArch64; this machine is x86-64");

	snprintf(msg, sizeof(msg), "an ELF file for %s; this machine is %s", other, host);
	expect_open_error("other machine", patched(target("pie"), "other-machine", 18, &other_machine, 2),
			  -ENOEXEC, msg);
	uint16_t riscv = EM_RISCV;
	snprintf(msg, sizeof(msg), "an ELF file for RISC-V; this machine is %s", host);
	expect_open_error("riscv", patched(target("pie"), "riscv", 18, &riscv, 2), -ENOEXEC, msg);

	unsigned char class32 = ELFCLASS32;
	const char *p = patched(target("pie"), "class32", EI_CLASS, &class32, 1);
	uint16_t em386 = EM_386;
	p = patched(p, "class32-386", 18, &em386, 2);
	snprintf(msg, sizeof(msg), "a 32-bit ELF file (for i386); uscript probes 64-bit %s programs", host);
	expect_open_error("32-bit", p, -ENOEXEC, msg);

	uint16_t core = ET_CORE;
	expect_open_error("core", patched(target("pie"), "core", 16, &core, 2), -ENOEXEC,
			  "a core dump, not a program or library");
	uint16_t weird = 0x1234;
	expect_open_error("type", patched(target("pie"), "type", 16, &weird, 2), -ENOEXEC,
			  "an ELF file of type 4660, which cannot be probed");

	size_t size;
	unsigned char *buf = slurp(target("pie"), &size);
	spit(tmpfile_path("tiny"), buf, 10);
	expect_open_error("10 bytes", tmpfile_path("tiny"), -EINVAL, "truncated ELF file (10 bytes)");
	spit(tmpfile_path("short"), buf, 40);
	expect_open_error("40 bytes", tmpfile_path("short"), -EINVAL,
			  "truncated ELF file (40 bytes, shorter than its header)");
	spit(tmpfile_path("half"), buf, size / 2);
	expect_open_error("half", tmpfile_path("half"), -EINVAL,
			  "truncated or corrupt ELF file (section headers past the end)");
	spit(tmpfile_path("empty"), buf, 0);
	expect_open_error("empty", tmpfile_path("empty"), -ENOEXEC, "not an ELF file");
	free(buf);

	/* No section headers at all (sstrip): it opens, without symbols,
	 * and addresses still map through the segments. */
	unsigned char noshdr[64];
	buf = slurp(target("pie"), &size);
	memcpy(noshdr, buf, sizeof(noshdr));
	free(buf);
	memset(noshdr + offsetof(Elf64_Ehdr, e_shoff), 0, 8);
	memset(noshdr + offsetof(Elf64_Ehdr, e_shnum), 0, 4);  /* and e_shstrndx */
	struct elf_file *f;
	struct elf_error err;
	int r = elf_open(patched(target("pie"), "noshdr", 0, noshdr, sizeof(noshdr)), &f, &err);
	CHECK(r == 0, "no section headers: %d %s", r, err.msg);
	if (r == 0) {
		size_t n;
		uint64_t off;
		bool exec;
		elf_syms(f, &n);
		CHECK(n == 0 && !elf_sym_table(f) && !elf_sym_lookup(f, "main") &&
		      elf_filetype(f) == ELF_FILE_PIE && !elf_has_dwarf(f),
		      "no section headers: %zu symbols", n);
		CHECK(elf_vaddr_to_offset(f, 0x1000, &off, &exec, &err) == 0 && off == 0x1000 && exec,
		      "no section headers: 0x1000 is code at 0x1000");
		elf_close(f);
	}

	/* No permission: only meaningful when not root. */
	if (geteuid() != 0) {
		const char *np = patched(target("pie"), "noperm", 0, "\x7f", 1);
		chmod(np, 0);
		expect_open_error("no permission", np, -EACCES, "permission denied");
	}
}

/* ---- Opening: the good files ---- */

static const struct elf_sym *one(struct elf_file *f, const char *name,
				 size_t *count)
{
	*count = 0;
	const struct elf_sym *first = elf_sym_lookup(f, name);
	for (const struct elf_sym *s = first; s; s = elf_sym_next(f, s))
		(*count)++;
	return first;
}

static void test_program(const char *name, enum elf_filetype type,
			 bool stripped)
{
	const char *path = target(name);
	struct elf_file *f;
	struct elf_error err;
	int r = elf_open(path, &f, &err);
	CHECK(r == 0, "%s: open: %d %s", name, r, err.msg);
	if (r)
		return;
	CHECK(elf_filetype(f) == type, "%s: type %d, want %d", name, elf_filetype(f), type);
	CHECK(elf_is_pie(f) == (type == ELF_FILE_PIE), "%s: elf_is_pie", name);
	CHECK(strcmp(elf_path(f), path) == 0, "%s: path", name);
	CHECK(elf_has_dwarf(f) == !stripped, "%s: has_dwarf %d", name, elf_has_dwarf(f));
	CHECK(strcmp(elf_sym_table(f), stripped ? ".dynsym" : ".symtab") == 0,
	      "%s: table %s", name, elf_sym_table(f));
	size_t idlen;
	const unsigned char *id = elf_build_id(f, &idlen);
	if (strcmp(name, "nopie") == 0)
		CHECK(!id && idlen == 0, "%s: linked without build id, got %zu bytes", name, idlen);
	else
		CHECK(id && idlen >= 8, "%s: build id of %zu bytes", name, idlen);  /* lld: 8 */

	size_t n;
	const struct elf_sym *add = one(f, "add", &n);
	if (stripped) {
		CHECK(!add, "%s: stripped PIE exports no add", name);
		CHECK(!one(f, "helper", &n), "%s: no static helper", name);
		elf_close(f);
		return;
	}
	CHECK(add && n == 1 && add->bind == STB_GLOBAL && add->type == STT_FUNC &&
	      add->size > 0 && !add->version && !add->demangled,
	      "%s: add: %p n=%zu", name, (void *)add, n);
	const struct elf_sym *alias = one(f, "add_alias", &n);
	CHECK(alias && n == 1 && add && alias->vaddr == add->vaddr, "%s: add_alias at add", name);
	if (add) {
		const struct elf_sym *const *at = elf_sym_at(f, add->vaddr, &n);
		bool has_add = false, has_alias = false;
		for (size_t i = 0; i < n; i++) {
			has_add |= strcmp(at[i]->name, "add") == 0;
			has_alias |= strcmp(at[i]->name, "add_alias") == 0;
		}
		CHECK(n == 2 && has_add && has_alias, "%s: aliases at add: %zu", name, n);
		const struct elf_sym *c = elf_sym_containing(f, add->vaddr + 3);
		CHECK(c && c->vaddr == add->vaddr, "%s: containing add+3", name);
		CHECK(!elf_sym_at(f, add->vaddr + 1, &n) && n == 0, "%s: nothing at add+1", name);
		if (type == ELF_FILE_EXEC)
			CHECK(add->vaddr >= 0x400000, "%s: non-PIE address 0x%" PRIx64, name, add->vaddr);
		else
			CHECK(add->vaddr < 0x400000, "%s: PIE address 0x%" PRIx64, name, add->vaddr);
#if defined(__x86_64__)
		/* -O0 code starts with endbr64 or push %rbp. */
		uint64_t off;
		bool exec;
		size_t size;
		unsigned char *buf = slurp(path, &size);
		r = elf_vaddr_to_offset(f, add->vaddr, &off, &exec, &err);
		CHECK(r == 0 && exec && off < size &&
		      (buf[off] == 0x55 || memcmp(buf + off, "\xf3\x0f\x1e\xfa", 4) == 0),
		      "%s: prologue at add", name);
		free(buf);
#endif
	}
	const struct elf_sym *h = one(f, "helper", &n);
	CHECK(h && n == 2 && h->bind == STB_LOCAL, "%s: two static helpers: %zu", name, n);
	if (h && n == 2) {
		const struct elf_sym *h2 = elf_sym_next(f, h);
		CHECK(h2->vaddr != h->vaddr && h2->bind == STB_LOCAL, "%s: helpers differ", name);
	}
	CHECK(one(f, "main", &n) && n == 1, "%s: main", name);
	CHECK(!one(f, "__libc_start_main", &n), "%s: undefined symbols are not listed", name);
	CHECK(!one(f, "counter", &n), "%s: data symbols are not listed", name);
	CHECK(!one(f, "no_such_function", &n), "%s: no_such_function", name);

	/* elf_sym_next on a symbol from the plain list, and the list itself. */
	const struct elf_sym *all = elf_syms(f, &n);
	size_t helpers = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(all[i].name, "helper") == 0 && helpers++ == 0)
			CHECK(elf_sym_next(f, &all[i]) != NULL, "%s: next helper", name);
	CHECK(helpers == 2, "%s: iteration sees both helpers", name);

	/* Addresses outside code: .data is in the file but not executable,
	 * .bss is not in the file, and far away is nowhere. */
	uint64_t data_addr = 0, bss_addr = 0, off = 0;
	int64_t data_off = section_offset(path, 0, ".data", &data_addr);
	bool exec = true;
	r = elf_vaddr_to_offset(f, data_addr, &off, &exec, &err);
	CHECK(r == 0 && !exec && (int64_t)off == data_off,
	      "%s: .data 0x%" PRIx64 ": %d off 0x%" PRIx64 " want 0x%" PRIx64, name, data_addr, r, off, (uint64_t)data_off);
	section_offset(path, 0, ".bss", &bss_addr);
	r = elf_vaddr_to_offset(f, bss_addr + 16, &off, &exec, &err);
	CHECK(r == -ENOENT && strstr(err.msg, "zero-filled"), "%s: .bss: %d '%s'", name, r, err.msg);
	r = elf_vaddr_to_offset(f, 0x7fff00000000, &off, NULL, &err);
	CHECK(r == -ENOENT && strcmp(err.msg, "address 0x7fff00000000 is not in any loadable segment of the file") == 0,
	      "%s: far address: %d '%s'", name, r, err.msg);

	check_all_offsets(name, path, f);
	elf_close(f);
}

/* The runtime address of a function in a library the loader mapped, minus
 * the library's load bias, is its vaddr; the bytes there are the bytes at
 * the file offset.  This checks the rule against the loader itself. */
static void test_loaded_library(const char *name)
{
	const char *path = target(name);
	char real[PATH_MAX];
	if (!realpath(path, real))
		return;
	void *h = dlopen(real, RTLD_NOW | RTLD_LOCAL);
	CHECK(h != NULL, "%s: dlopen: %s", name, dlerror());
	if (!h)
		return;
	struct elf_file *f;
	struct elf_error err;
	if (elf_open(real, &f, &err) != 0) {
		CHECK(0, "%s: open: %s", name, err.msg);
		dlclose(h);
		return;
	}
	size_t size;
	unsigned char *file = slurp(real, &size);
	struct link_map *lm = NULL;
	dlinfo(h, RTLD_DI_LINKMAP, &lm);
	const char *names[] = { "lib_add", "lib_call" };
	for (size_t i = 0; i < 2; i++) {
		const unsigned char *mem = dlsym(h, names[i]);
		size_t n;
		const struct elf_sym *s = one(f, names[i], &n);
		uint64_t off = 0;
		bool exec = false;
		CHECK(mem && s && n == 1, "%s: %s", name, names[i]);
		if (!mem || !s)
			continue;
		CHECK((uint64_t)((uintptr_t)mem - lm->l_addr) == s->vaddr,
		      "%s: %s vaddr 0x%" PRIx64 ", loader says 0x%" PRIx64, name, names[i],
		      s->vaddr, (uint64_t)((uintptr_t)mem - lm->l_addr));
		int r = elf_vaddr_to_offset(f, s->vaddr, &off, &exec, &err);
		CHECK(r == 0 && exec && off + s->size <= size && s->size > 0 &&
		      memcmp(file + off, mem, s->size) == 0,
		      "%s: %s: bytes at file offset 0x%" PRIx64 " differ from the loaded code",
		      name, names[i], off);
	}
	free(file);
	elf_close(f);
	dlclose(h);
}

static void test_library(const char *name, bool stripped)
{
	const char *path = target(name);
	struct elf_file *f;
	struct elf_error err;
	int r = elf_open(path, &f, &err);
	CHECK(r == 0, "%s: open: %d %s", name, r, err.msg);
	if (r)
		return;
	CHECK(elf_filetype(f) == ELF_FILE_SHLIB, "%s: shared library", name);
	CHECK(strcmp(elf_sym_table(f), stripped ? ".dynsym" : ".symtab") == 0, "%s: table", name);
	size_t n;
	const struct elf_sym *s = one(f, "lib_add", &n);
	CHECK(s && n == 1 && s->type == STT_FUNC && s->bind == STB_GLOBAL, "%s: lib_add", name);
	/* .dynsym records versions beside the names; .symtab only where
	 * .symver put them into the name. */
	if (s && stripped)
		CHECK(s->version && strcmp(s->version, "VER_1") == 0 && !s->version_hidden,
		      "%s: lib_add@@VER_1: %s", name, s->version ? s->version : "(none)");
	s = one(f, "fast_add", &n);
	CHECK(s && n == 1 && s->type == STT_GNU_IFUNC, "%s: fast_add is an IFUNC", name);
	s = one(f, "lib_helper", &n);
	CHECK(stripped ? !s : (s && s->bind == STB_LOCAL), "%s: lib_helper", name);
	s = one(f, "foo", &n);
	CHECK(s && n == 2, "%s: two versions of foo: %zu", name, n);
	bool v1 = false, v2 = false;
	for (; s; s = elf_sym_next(f, s)) {
		if (s->version && strcmp(s->version, "VER_1") == 0 && s->version_hidden)
			v1 = true;
		if (s->version && strcmp(s->version, "VER_2") == 0 && !s->version_hidden)
			v2 = true;
	}
	/* lld writes both into .symtab as plain "foo"; GNU ld as foo@VER_1
	 * and foo@@VER_2. */
	CHECK((v1 && v2) || (strstr(name, ".lld") && !stripped), "%s: foo@VER_1 and foo@@VER_2", name);
	CHECK(!one(f, "foo@VER_1", &n), "%s: versions are not part of the name", name);
	check_all_offsets(name, path, f);
	elf_close(f);
}

/* This test program as the target: its own code as mapped. */
static int __attribute__((noinline)) probe_me(int x)
{
	return x * 7 + 1;
}

static int find_main_bias(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	*(uintptr_t *)data = info->dlpi_addr;
	return 1;  /* the first object is the program */
}

static void test_self(void)
{
	struct elf_file *f;
	struct elf_error err;
	int r = elf_open("/proc/self/exe", &f, &err);
	CHECK(r == 0, "self: open: %s", err.msg);
	if (r)
		return;
	size_t n;
	const struct elf_sym *s = one(f, "probe_me", &n);
	uintptr_t bias = 0;
	dl_iterate_phdr(find_main_bias, &bias);
	const unsigned char *mem = (const unsigned char *)(uintptr_t)probe_me;
	CHECK(s && n == 1 && s->vaddr == (uint64_t)((uintptr_t)mem - bias),
	      "self: probe_me vaddr");
	if (s) {
		uint64_t off;
		bool exec;
		size_t size;
		unsigned char *file = slurp("/proc/self/exe", &size);
		r = elf_vaddr_to_offset(f, s->vaddr, &off, &exec, &err);
		CHECK(r == 0 && exec && s->size && off + s->size <= size &&
		      memcmp(file + off, mem, s->size) == 0, "self: probe_me bytes");
		free(file);
	}
	CHECK(probe_me(1) == 8, "self: probe_me runs");
	elf_close(f);
}

static void test_cache(void)
{
	struct elf_cache *c = elf_cache_new();
	struct elf_file *a, *b, *d;
	struct elf_error err;
	CHECK(elf_cache_open(c, target("pie"), &a, &err) == 0, "cache open pie");
	CHECK(elf_cache_open(c, target("pie"), &b, &err) == 0 && a == b, "cache hit");
	CHECK(elf_cache_open(c, target("nopie"), &d, &err) == 0 && d != a, "cache second file");
	CHECK(elf_cache_open(c, target("text.txt"), &d, &err) == -ENOEXEC, "cache error");
	CHECK(elf_cache_open(c, target("text.txt"), &d, &err) == -ENOEXEC, "cache error again");
	elf_cache_free(c);
	elf_cache_free(NULL);
	elf_close(NULL);
}

/* ---- Fuzzing ---- */

static uint64_t rng = 88172645463325252u;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Opens a damaged file and, if it opens, asks every question. */
static void exercise(const char *path, int *opened)
{
	struct elf_file *f;
	struct elf_error err;
	if (elf_open(path, &f, &err) != 0) {
		CHECK(err.msg[0] != '\0', "fuzz: error without a message");
		return;
	}
	(*opened)++;
	size_t n, k, len;
	const struct elf_sym *syms = elf_syms(f, &n);
	for (size_t i = 0; i < n; i++) {
		uint64_t off;
		bool exec;
		volatile size_t l = strlen(syms[i].name);
		(void)l;
		elf_vaddr_to_offset(f, syms[i].vaddr, &off, &exec, &err);
		if (i < 64) {
			for (const struct elf_sym *s = elf_sym_lookup(f, syms[i].name); s; s = elf_sym_next(f, s))
				;
			elf_sym_at(f, syms[i].vaddr, &k);
			elf_sym_containing(f, syms[i].vaddr + 1);
		}
	}
	elf_build_id(f, &len);
	elf_has_dwarf(f);
	elf_close(f);
}

struct region {
	uint64_t off, len;
};

/* The bytes worth damaging: headers, and the tables elfsym reads. */
static size_t regions_of(const unsigned char *buf, size_t size,
			 struct region *r, size_t max)
{
	size_t n = 0;
	Elf64_Ehdr eh;
	memcpy(&eh, buf, sizeof(eh));
	r[n++] = (struct region){0, sizeof(eh)};
	r[n++] = (struct region){eh.e_phoff, (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr)};
	r[n++] = (struct region){eh.e_shoff, (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr)};
	for (unsigned i = 0; i < eh.e_shnum && n < max; i++) {
		Elf64_Shdr sh;
		memcpy(&sh, buf + eh.e_shoff + i * sizeof(sh), sizeof(sh));
		switch (sh.sh_type) {
		case SHT_SYMTAB: case SHT_DYNSYM: case SHT_STRTAB: case SHT_NOTE:
		case SHT_DYNAMIC: case SHT_GNU_versym: case SHT_GNU_verdef:
			if (sh.sh_offset < size && sh.sh_size <= size - sh.sh_offset)
				r[n++] = (struct region){sh.sh_offset, sh.sh_size};
		}
	}
	return n;
}

static void fuzz(const char *name, int rounds)
{
	size_t size;
	unsigned char *orig = slurp(target(name), &size);
	unsigned char *buf = malloc(size);
	const char *path = tmpfile_path("fuzz");
	int opened = 0, truncated_opened = 0;

	/* Every cut below the whole file must be refused: the section
	 * headers come last. */
	for (int i = 0; i < 200; i++) {
		size_t len = i < 100 ? (size_t)i : size * (size_t)(i - 100) / 100;
		spit(path, orig, len);
		exercise(path, &truncated_opened);
	}
	CHECK(truncated_opened == 0, "fuzz %s: %d truncated copies opened", name, truncated_opened);

	struct region reg[64];
	size_t nreg = regions_of(orig, size, reg, 64);
	for (int i = 0; i < rounds; i++) {
		memcpy(buf, orig, size);
		int flips = 1 + (int)(next_rand() % 8);
		for (int k = 0; k < flips; k++) {
			struct region *r = &reg[next_rand() % nreg];
			uint64_t pos = next_rand() % 4 == 0 ? next_rand() % size
				: r->off + (r->len ? next_rand() % r->len : 0);
			if (pos >= size)
				continue;
			switch (next_rand() % 3) {
			case 0: buf[pos] = (unsigned char)next_rand(); break;
			case 1: buf[pos] ^= (unsigned char)(1u << (next_rand() % 8)); break;
			default: buf[pos] = (unsigned char[]){0, 0xff, 0x7f, 0x80}[next_rand() % 4];
			}
		}
		spit(path, buf, size);
		exercise(path, &opened);
	}
	/* Random bytes behind a valid identification. */
	for (int i = 0; i < rounds / 4; i++) {
		size_t len = 20 + next_rand() % 4096;
		unsigned char *rnd = malloc(len);
		for (size_t k = 0; k < len; k++)
			rnd[k] = (unsigned char)next_rand();
		memcpy(rnd, orig, 20);
		spit(path, rnd, len);
		exercise(path, &opened);
		free(rnd);
	}
	CHECK(opened > 0, "fuzz %s: no damaged copy opened at all, so the fuzzing reached nothing", name);
	if (getenv("ELFSYM_FUZZ_ROUNDS"))
		printf("fuzz %s: %d of %d damaged copies opened\n", name, opened, rounds + rounds / 4);
	free(buf);
	free(orig);
}

/* ---- Benchmark ---- */

static int bench(int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		struct elf_file *f;
		struct elf_error err;
		double t0 = now_ms();
		if (elf_open(argv[i], &f, &err) != 0) {
			printf("%s: %s\n", argv[i], err.msg);
			return 1;
		}
		double t1 = now_ms();
		size_t n, bytes = 0, inexec = 0;
		const struct elf_sym *s = elf_syms(f, &n);
		for (size_t k = 0; k < n; k++) {
			uint64_t off;
			bool exec;
			bytes += strlen(s[k].name);
			if (elf_vaddr_to_offset(f, s[k].vaddr, &off, &exec, NULL) == 0 && exec)
				inexec++;
		}
		double t2 = now_ms();
		size_t found = 0;
		for (const struct elf_sym *x = elf_sym_lookup(f, n ? s[n / 2].name : "main"); x;
		     x = elf_sym_next(f, x))
			found++;
		double t3 = now_ms();
		elf_sym_containing(f, n ? s[n / 2].vaddr : 0);
		double t4 = now_ms();
		const char *table = elf_sym_table(f);
		elf_close(f);
		double t5 = now_ms();
		printf("%s: %zu function symbols from %s (%zu bytes of names, %zu in code); "
		       "open %.1f ms, enumerate %.1f ms, first lookup %.1f ms, "
		       "address index %.1f ms, close %.1f ms; total %.1f ms\n",
		       argv[i], n, table ? table : "nowhere", bytes, inexec,
		       t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0);
		(void)found;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "--bench") == 0)
		return bench(argc - 2, argv + 2);
	if (argc != 2) {
		fprintf(stderr, "usage: test_elfsym DIR | --bench FILE...\n");
		return 2;
	}
	target_dir = argv[1];
	if (!exists(target("pie"))) {
		fprintf(stderr, "test_elfsym: %s has no targets; run elfsym_targets.sh %s\n",
			target_dir, target_dir);
		return 2;
	}
	if (!make_tmpdir(tmpdir, sizeof(tmpdir), "test_elfsym"))
		return 2;
	/* Longer runs: ELFSYM_FUZZ_ROUNDS=100000 ELFSYM_FUZZ_SEED=n. */
	int rounds = getenv("ELFSYM_FUZZ_ROUNDS") ? atoi(getenv("ELFSYM_FUZZ_ROUNDS")) : 400;
	if (getenv("ELFSYM_FUZZ_SEED"))
		rng += strtoull(getenv("ELFSYM_FUZZ_SEED"), NULL, 0) * 0x9e3779b97f4a7c15u;

	test_find_path();
	test_ldcache();
	test_open_errors();
	test_program("pie", ELF_FILE_PIE, false);
	test_program("nopie", ELF_FILE_EXEC, false);
	test_program("pie.stripped", ELF_FILE_PIE, true);
	test_library("libtarget.so", false);
	test_library("libtarget.stripped.so", true);
	test_loaded_library("libtarget.so");
	if (exists(target("pie.lld"))) {
		test_program("pie.lld", ELF_FILE_PIE, false);
		test_library("libtarget.lld.so", false);
		test_loaded_library("libtarget.lld.so");
	}
	test_self();
	test_cache();
	const char *fuzzed[] = { "pie", "nopie", "libtarget.so", "libtarget.stripped.so", "libtarget.lld.so" };
	for (size_t i = 0; i < sizeof(fuzzed) / sizeof(fuzzed[0]); i++)
		if (exists(target(fuzzed[i])))
			fuzz(fuzzed[i], rounds);

	/* Leave nothing behind. */
	const char *made[] = { "ld.so.cache", "other-machine", "riscv", "class32", "class32-386",
			       "core", "type", "tiny", "short", "half", "empty", "noperm", "noshdr", "fuzz" };
	for (size_t i = 0; i < sizeof(made) / sizeof(made[0]); i++)
		unlink(tmpfile_path(made[i]));
	rmdir(tmpdir);

	return checks_done("test_elfsym");
}
