/* SPDX-License-Identifier: GPL-2.0-or-later */
/* elfpath.c — finding the ELF file a probe point names, as process("NAME")
 * means it: the name as written, $PATH, and for libraries LD_LIBRARY_PATH,
 * /etc/ld.so.cache and the default directories; see elfsym.h. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parse/arena.h"
#include "elfsym_impl.h"

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
