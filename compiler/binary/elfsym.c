/* elfsym.c — finding, checking and reading the ELF files probes name; see
 * elfsym.h. */
#define _GNU_SOURCE
#include "elfsym.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <elfutils/libdw.h>
#include <gelf.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parse/arena.h"

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

static int fail(struct elf_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct elf_error *err, int code, const char *fmt, ...)
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
static int fail_errno(struct elf_error *err, int e)
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

/* ==== Finding the file ==== */

static bool looks_like_library(const char *name)
{
	size_t n = strlen(name);
	return (n > 3 && strcmp(name + n - 3, ".so") == 0) ||
	       strstr(name, ".so.") != NULL;
}

/* Searches the colon-separated `dirs` for `name` the way execvp does for
 * programs (an empty element is the working directory) and writes the
 * first usable candidate to buf.  A regular file that exists but may not
 * be used sets *denied, so the final message can say "permission denied"
 * rather than "not found", as execvp does. */
static bool search_dirs(const char *dirs, const char *name, bool need_exec,
			char *buf, size_t bufsz, bool *denied)
{
	const char *p = dirs;
	for (;;) {
		const char *end = strchrnul(p, ':');
		int len = (int)(end - p);
		int n = len ? snprintf(buf, bufsz, "%.*s/%s", len, p, name)
			    : snprintf(buf, bufsz, "%s", name);
		struct stat st;
		if (n > 0 && (size_t)n < bufsz && stat(buf, &st) == 0 &&
		    S_ISREG(st.st_mode)) {
			if (access(buf, need_exec ? X_OK : R_OK) == 0)
				return true;
			*denied = true;
		}
		if (!*end)
			return false;
		p = end + 1;
	}
}

static bool search_libdirs(const char *name, char *buf, size_t bufsz,
			   bool *denied)
{
	static const char *const dirs =
		"/lib/" HOST_MULTIARCH ":/usr/lib/" HOST_MULTIARCH
		":/lib64:/usr/lib64:/lib:/usr/lib";
	return search_dirs(dirs, name, false, buf, bufsz, denied);
}

/* The length of a "/proc/PID/root" prefix of path, or 0. */
static size_t proc_root_prefix(const char *path)
{
	if (strncmp(path, "/proc/", 6) != 0)
		return 0;
	const char *p = path + 6;
	if (strncmp(p, "self/", 5) == 0 || strncmp(p, "thread-self/", 12) == 0)
		p = strchr(p, '/');
	else if (isdigit((unsigned char)*p))
		while (isdigit((unsigned char)*p))
			p++;
	else
		return 0;
	if (strncmp(p, "/root", 5) != 0 || (p[5] != '/' && p[5] != '\0'))
		return 0;
	return (size_t)(p + 5 - path);
}

/* A path into another process's root, /proc/PID/root/...: a container's
 * files.  realpath() would follow the root link out to our own root,
 * where the same names may be other files or none; so the links after
 * the prefix are followed here, inside that root, as the process itself
 * sees them (an absolute link starts again at its root). */
static int resolve_in_root(const char *path, size_t plen, char *out, size_t outsz,
			   struct elf_error *err)
{
	char cur[PATH_MAX] = "", todo[PATH_MAX], full[PATH_MAX], link[PATH_MAX];
	int links = 0;
	if (snprintf(todo, sizeof(todo), "%s", path + plen) >= (int)sizeof(todo))
		return fail(err, -ENAMETOOLONG, "file name too long");
	char *rest = todo;
	while (*rest) {
		while (*rest == '/')
			rest++;
		if (!*rest)
			break;
		size_t n = strcspn(rest, "/");
		char comp[NAME_MAX + 1];
		if (n > NAME_MAX)
			return fail(err, -ENAMETOOLONG, "file name too long");
		memcpy(comp, rest, n);
		comp[n] = '\0';
		rest += n;
		if (strcmp(comp, ".") == 0)
			continue;
		if (strcmp(comp, "..") == 0) {
			char *slash = strrchr(cur, '/');
			if (slash)
				*slash = '\0';
			continue;
		}
		size_t clen = strlen(cur);
		if (clen + 1 + n >= sizeof(cur) ||
		    snprintf(full, sizeof(full), "%.*s%s/%s", (int)plen, path, cur, comp) >=
			    (int)sizeof(full))
			return fail(err, -ENAMETOOLONG, "file name too long");
		struct stat st;
		if (lstat(full, &st) != 0)
			return fail_errno(err, errno);
		if (!S_ISLNK(st.st_mode)) {
			snprintf(cur + clen, sizeof(cur) - clen, "/%s", comp);
			continue;
		}
		if (++links > 40)
			return fail_errno(err, ELOOP);
		ssize_t l = readlink(full, link, sizeof(link) - 1);
		if (l < 0)
			return fail_errno(err, errno);
		link[l] = '\0';
		if (link[0] == '/')
			cur[0] = '\0';
		char next[PATH_MAX];
		if (snprintf(next, sizeof(next), "%s/%s", link, rest) >= (int)sizeof(next))
			return fail(err, -ENAMETOOLONG, "file name too long");
		strcpy(todo, next);
		rest = todo;
	}
	if (snprintf(out, outsz, "%.*s%s", (int)plen, path, cur[0] ? cur : "/") >= (int)outsz)
		return fail(err, -ENAMETOOLONG, "file name too long");
	return 0;
}

int elf_find_path(const char *name, char *out, size_t outsz,
		  enum elf_found *how, struct elf_error *err)
{
	char found[PATH_MAX], real[PATH_MAX];
	enum elf_found h = ELF_FOUND_AS_GIVEN;
	bool denied = false;
	size_t root;

	if (!name[0])
		return fail(err, -ENOENT, "empty file name");
	if (strchr(name, '/')) {
		struct stat st;
		char inroot[PATH_MAX];
		size_t plen = proc_root_prefix(name);
		if (plen) {
			/* before stat(), which would leave the root at an
			 * absolute link */
			if (resolve_in_root(name, plen, inroot, sizeof(inroot), err) < 0)
				return -1;
			name = inroot;
		}
		if (stat(name, &st) != 0)
			return fail_errno(err, errno);
		if (S_ISDIR(st.st_mode))
			return fail(err, -EISDIR, "is a directory");
		if (!S_ISREG(st.st_mode))
			return fail(err, -EACCES, "not a regular file");
		if (access(name, R_OK) != 0)
			return fail_errno(err, errno);
		if (strlen(name) >= sizeof(found))
			return fail(err, -ENAMETOOLONG, "file name too long");
		strcpy(found, name);
	} else {
		/* execvp's default when PATH is unset is confstr(_CS_PATH). */
		const char *path = getenv("PATH");
		const char *ldpath = getenv("LD_LIBRARY_PATH");
		char ldcached[PATH_MAX];
		h = ELF_FOUND_IN_PATH;
		if (search_dirs(path ? path : "/bin:/usr/bin", name, true,
				found, sizeof(found), &denied))
			goto resolve;
		if (!looks_like_library(name)) {
			if (denied)
				return fail(err, -EACCES, "found in $PATH but not executable (permission denied)");
			return fail(err, -ENOENT, "not found in $PATH");
		}
		/* The dynamic linker's order, minus DT_RPATH/DT_RUNPATH, which
		 * belong to the program that loads the library, not to it. */
		h = ELF_FOUND_LD_LIBRARY_PATH;
		if (ldpath && *ldpath &&
		    search_dirs(ldpath, name, false, found, sizeof(found), &denied))
			goto resolve;
		h = ELF_FOUND_LD_CACHE;
		if (elf_ldcache_lookup("/etc/ld.so.cache", name, ldcached,
				       sizeof(ldcached)) == 0 &&
		    access(ldcached, R_OK) == 0) {
			strcpy(found, ldcached);
			goto resolve;
		}
		h = ELF_FOUND_LIBDIR;
		if (search_libdirs(name, found, sizeof(found), &denied))
			goto resolve;
		if (denied)
			return fail(err, -EACCES, "found, but not readable (permission denied)");
		return fail(err, -ENOENT, "not found in $PATH, LD_LIBRARY_PATH, "
			    "/etc/ld.so.cache or the default library directories");
	}
resolve:
	/* The kernel needs an absolute path; resolving links as well gives
	 * one name per file, which is what SystemTap prints in pp() and what
	 * the file cache is keyed by. */
	root = proc_root_prefix(found);
	if (root) {
		if (resolve_in_root(found, root, real, sizeof(real), err) < 0)
			return -1;
	} else if (!realpath(found, real))
		return fail_errno(err, errno);
	if (strlen(real) >= outsz)
		return fail(err, -ENAMETOOLONG, "file name too long");
	strcpy(out, real);
	if (how)
		*how = h;
	return 0;
}

/* ld.so.cache, as glibc (since 2.32 by default) writes it: a header, then
 * nlibs fixed-size entries whose key (soname) and value (path) are offsets
 * from the start of that header.  Older glibc wrote the old format first
 * and the new one after it, aligned to 8. */
#define LDCACHE_OLD_MAGIC "ld.so-1.7.0"
#define LDCACHE_NEW_MAGIC "glibc-ld.so.cache1.1"
#define LDCACHE_NEW_HDR 48
#define LDCACHE_NEW_ENTRY 24
#define LDCACHE_FLAG_ELF_LIBC6 0x0003
#define LDCACHE_TYPE_MASK 0x00ff
#define LDCACHE_REQUIRED_MASK 0xff00

static uint32_t get32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

static uint64_t get64(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

/* A NUL-terminated string at `off` inside buf, or NULL. */
static const char *cache_str(const unsigned char *buf, size_t size,
			     size_t off)
{
	if (off >= size || !memchr(buf + off, '\0', size - off))
		return NULL;
	return (const char *)buf + off;
}

static unsigned char *read_small_file(const char *path, size_t max,
				      size_t *size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (uint64_t)st.st_size > max) {
		close(fd);
		return NULL;
	}
	size_t n = (size_t)st.st_size, got = 0;
	unsigned char *buf = xmalloc(n);
	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	*size = got;
	return buf;
}

int elf_ldcache_lookup(const char *cache, const char *soname,
		       char *out, size_t outsz)
{
	size_t size;
	unsigned char *buf = read_small_file(cache, 64u << 20, &size);
	if (!buf)
		return -ENOENT;

	int ret = -ENOENT;
	size_t base = 0;
	const size_t oldlen = sizeof(LDCACHE_OLD_MAGIC) - 1;
	if (size >= 16 && memcmp(buf, LDCACHE_OLD_MAGIC, oldlen) == 0) {
		uint64_t end = 16 + (uint64_t)get32(buf + 12) * 12;
		if (end > size)
			goto out;
		base = (size_t)((end + 7) & ~(uint64_t)7);
	}
	if (base > size || size - base < LDCACHE_NEW_HDR ||
	    memcmp(buf + base, LDCACHE_NEW_MAGIC, sizeof(LDCACHE_NEW_MAGIC) - 1))
		goto out;

	const unsigned char *hdr = buf + base;
	size_t avail = size - base;
	uint32_t nlibs = get32(hdr + 20);
	if (nlibs > (avail - LDCACHE_NEW_HDR) / LDCACHE_NEW_ENTRY)
		goto out;
	for (uint32_t i = 0; i < nlibs; i++) {
		const unsigned char *e = hdr + LDCACHE_NEW_HDR + (size_t)i * LDCACHE_NEW_ENTRY;
		uint32_t flags = get32(e);
		/* Entries with a hwcap select optimised copies for some
		 * CPUs (glibc-hwcaps); the plain entry is the one every
		 * machine loads. */
		if ((flags & LDCACHE_TYPE_MASK) != LDCACHE_FLAG_ELF_LIBC6 ||
		    (flags & LDCACHE_REQUIRED_MASK) != HOST_LDCACHE_FLAG ||
		    get64(e + 16) != 0)
			continue;
		const char *key = cache_str(hdr, avail, get32(e + 4));
		if (!key || strcmp(key, soname) != 0)
			continue;
		const char *value = cache_str(hdr, avail, get32(e + 8));
		if (!value)
			continue;
		if (strlen(value) >= outsz) {
			ret = -ENAMETOOLONG;
			goto out;
		}
		strcpy(out, value);
		ret = 0;
		break;
	}
out:
	free(buf);
	return ret;
}

/* ==== Opening it ==== */

struct elf_load {
	uint64_t vaddr, offset, filesz, memsz;
	uint32_t flags;
};

struct elf_file {
	char *path;
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
	struct elf_sym *syms;
	size_t nsyms;

	/* Built on first use: a chained hash of names, and the symbols in
	 * address order. */
	uint32_t *buckets;    /* index + 1 of a chain's first symbol; 0 ends */
	uint32_t *chain;      /* index + 1 of the next symbol in the bucket */
	size_t nbuckets;      /* a power of two */
	const struct elf_sym **by_addr;
};

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

/* The symbol table to read.  .symtab is a superset of .dynsym: it has the
 * static functions and the hidden ones that were never exported, which
 * are exactly the ones people trace in their own programs, and a linker
 * copies every dynamic symbol into it too.  Reading both would list each
 * exported function twice, so .dynsym is read only when strip has removed
 * .symtab (installed programs and libraries).  (MiniDebugInfo's compressed
 * .gnu_debugdata and separate debug files are not looked at yet.) */
static int read_symbols(struct elf_file *f, struct scan *sc,
			struct elf_error *err)
{
	Elf_Scn *scn = sc->symtab ? sc->symtab : sc->dynsym;
	if (!scn)
		return 0;
	f->sym_table = sc->symtab ? ".symtab" : ".dynsym";

	GElf_Shdr sh;
	Elf_Data *d;
	size_t strsz;
	const char *str;
	if (!gelf_getshdr(scn, &sh) || sh.sh_entsize != sizeof(Elf64_Sym) ||
	    !(d = elf_getdata(scn, NULL)))
		return fail(err, -EINVAL, "corrupt symbol table %s", f->sym_table);
	if (!(str = string_table(f->elf, sh.sh_link, &strsz)))
		return fail(err, -EINVAL, "corrupt string table for %s", f->sym_table);
	size_t total = d->d_size / sizeof(Elf64_Sym);
	if (total > INT_MAX)  /* libelf counts symbols in an int */
		return fail(err, -EINVAL, "corrupt symbol table %s", f->sym_table);

	/* Versions are recorded beside .dynsym only; .symtab spells them
	 * into the name ("foo@@VER_2"), split off below. */
	Elf_Data *vs = NULL;
	const char **vernames = NULL;
	size_t nvernames = 0;
	if (!sc->symtab && sc->versym) {
		vs = elf_getdata(sc->versym, NULL);
		if (vs && vs->d_size / sizeof(GElf_Versym) == total)
			vernames = version_names(f, sc->verdef, &nvernames);
		else
			vs = NULL;
	}

	f->syms = xmalloc((total ? total : 1) * sizeof(*f->syms));
	for (size_t i = 1; i < total; i++) {
		GElf_Sym s;
		if (!gelf_getsym(d, (int)i, &s))
			return fail(err, -EINVAL, "corrupt symbol table %s", f->sym_table);
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
	free(f->syms);
	free(f->buckets);
	free(f->chain);
	free(f->by_addr);
	arena_free(f->arena);
	free(f);
}

const char *elf_path(const struct elf_file *f) { return f->path; }
enum elf_filetype elf_filetype(const struct elf_file *f) { return f->type; }
bool elf_is_pie(const struct elf_file *f) { return f->type == ELF_FILE_PIE; }
bool elf_has_dwarf(const struct elf_file *f) { return f->has_dwarf; }
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
