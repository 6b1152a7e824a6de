/* SPDX-License-Identifier: GPL-2.0-or-later */
/* debugfile.c — see debugfile.h. */
#define _GNU_SOURCE
#include "config.h"
#include "debugfile.h"

#include <dlfcn.h>
#include <elfutils/libdwelf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef HAVE_LZMA
#include <lzma.h>
#endif

static const char *search_path(void)
{
	const char *p = getenv("SYSTEMTAP_DEBUGINFO_PATH");
	return p && *p ? p : "+:.debug:/usr/lib/debug";
}

/* The next ':'-separated entry of p into buf, without a leading '+' or
 * '-'; false at the end. */
static bool next_entry(const char **pp, char *buf, size_t size)
{
	const char *p = *pp;
	if (!p)
		return false;
	const char *end = strchr(p, ':');
	size_t n = end ? (size_t)(end - p) : strlen(p);
	if (n && (p[0] == '+' || p[0] == '-')) {
		p++;
		n--;
	}
	snprintf(buf, size, "%.*s", (int)n, p);
	*pp = end ? end + 1 : NULL;
	return true;
}

bool debugfile_has(Elf *elf, enum debugfile_want want)
{
	size_t shstrndx;
	if (elf_getshdrstrndx(elf, &shstrndx) != 0)
		return false;
	for (Elf_Scn *s = NULL; (s = elf_nextscn(elf, s));) {
		GElf_Shdr sh;
		if (!gelf_getshdr(s, &sh) || sh.sh_type == SHT_NOBITS || !sh.sh_size)
			continue;
		if (want == DEBUGFILE_SYMTAB) {
			if (sh.sh_type == SHT_SYMTAB)
				return true;
			continue;
		}
		const char *name = elf_strptr(elf, shstrndx, sh.sh_name);
		if (name && (strcmp(name, ".debug_info") == 0 ||
			     strcmp(name, ".zdebug_info") == 0))
			return true;
	}
	return false;
}

/* The CRC-32 (IEEE 802.3, as .gnu_debuglink records it) of fd's bytes. */
static bool file_crc(int fd, uint32_t *out)
{
	static uint32_t table[256];
	if (!table[1])
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t c = i;
			for (int k = 0; k < 8; k++)
				c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
			table[i] = c;
		}
	uint32_t crc = 0xffffffffu;
	unsigned char buf[65536];
	ssize_t n;
	off_t off = 0;
	while ((n = pread(fd, buf, sizeof(buf), off)) > 0) {
		for (ssize_t i = 0; i < n; i++)
			crc = table[(crc ^ buf[i]) & 0xff] ^ (crc >> 8);
		off += n;
	}
	*out = ~crc;
	return n == 0;
}

/* The file's identity the candidates must share. */
struct ident {
	const unsigned char *id;
	ssize_t idlen;
	enum debugfile_want want;
};

/* fd if the file at cand is a debug file for the one id describes (and,
 * with check_crc, its CRC is crc), else -1. */
static int try_candidate(const char *cand, const struct ident *id, bool check_crc,
			 uint32_t crc)
{
	int fd = open(cand, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	Elf *elf = NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		goto fail;
	elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF || !debugfile_has(elf, id->want))
		goto fail;
	if (id->idlen > 0) {
		const void *cid;
		ssize_t len = dwelf_elf_gnu_build_id(elf, &cid);
		if (len > 0 && (len != id->idlen || memcmp(cid, id->id, (size_t)len) != 0))
			goto fail;
	}
	uint32_t have;
	if (check_crc && (!file_crc(fd, &have) || have != crc))
		goto fail;
	elf_end(elf);
	return fd;
fail:
	if (elf)
		elf_end(elf);
	close(fd);
	return -1;
}

/* ---- debuginfod, through libdebuginfod loaded at run time ---- */

typedef void *(*dfd_begin_fn)(void);
typedef int (*dfd_find_fn)(void *, const unsigned char *, int, char **);
typedef void (*dfd_end_fn)(void *);

static struct {
	bool tried;
	void *lib;
	dfd_begin_fn begin;
	dfd_find_fn find;
	dfd_end_fn end;
} dfd;

static bool debuginfod_wanted(void)
{
	const char *urls = getenv("DEBUGINFOD_URLS");
	return urls && urls[strspn(urls, " ")];
}

static bool debuginfod_load(void)
{
	if (dfd.tried)
		return dfd.lib != NULL;
	dfd.tried = true;
	void *lib = dlopen("libdebuginfod.so.1", RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		return false;
	dfd.begin = (dfd_begin_fn)dlsym(lib, "debuginfod_begin");
	dfd.find = (dfd_find_fn)dlsym(lib, "debuginfod_find_debuginfo");
	dfd.end = (dfd_end_fn)dlsym(lib, "debuginfod_end");
	if (!dfd.begin || !dfd.find || !dfd.end) {
		dlclose(lib);
		return false;
	}
	dfd.lib = lib;
	return true;
}

static int from_debuginfod(const struct ident *id, char **found)
{
	if (id->idlen <= 0 || !debuginfod_wanted() || !debuginfod_load())
		return -1;
	void *client = dfd.begin();
	if (!client)
		return -1;
	char *path = NULL;
	int fd = dfd.find(client, id->id, (int)id->idlen, &path);
	dfd.end(client);
	if (fd < 0) {
		free(path);
		return -1;
	}
	/* Checked as the local candidates are (the server answers by build
	 * id, but the section wanted may be absent). */
	close(fd);
	fd = path ? try_candidate(path, id, false, 0) : -1;
	if (fd < 0) {
		free(path);
		return -1;
	}
	*found = path;
	return fd;
}

int debugfile_find(Elf *elf, const char *path, enum debugfile_want want, char **found)
{
	*found = NULL;
	const char *search = search_path();
	bool check_crc = search[0] != '-';
	char entry[PATH_MAX], cand[2 * PATH_MAX + 256];
	const void *rawid;
	struct ident id = { .want = want };
	id.idlen = dwelf_elf_gnu_build_id(elf, &rawid);
	id.id = rawid;
	if (id.idlen > 64)
		id.idlen = 0;
	char *real = realpath(path, NULL);
	const char *file = real ? real : path;
	int fd = -1;
	const char *p;

	if (id.idlen > 1) {
		char hex[2 * 64 + 1];
		for (ssize_t i = 1; i < id.idlen; i++)
			snprintf(hex + 2 * (i - 1), 3, "%02x", id.id[i]);
		for (p = search; fd < 0 && next_entry(&p, entry, sizeof(entry));) {
			if (entry[0] != '/')
				continue;
			snprintf(cand, sizeof(cand), "%s/.build-id/%02x/%s.debug", entry, id.id[0], hex);
			fd = try_candidate(cand, &id, false, 0);
		}
	}

	GElf_Word crc = 0;
	const char *link = fd < 0 ? dwelf_elf_gnu_debuglink(elf, &crc) : NULL;
	if (link && *link && !strchr(link, '/')) {
		const char *slash = strrchr(file, '/');
		int dirlen = slash ? (int)(slash - file) : 1;
		const char *dir = slash ? file : ".";
		for (p = search; fd < 0 && next_entry(&p, entry, sizeof(entry));) {
			if (!entry[0])
				snprintf(cand, sizeof(cand), "%.*s/%s", dirlen, dir, link);
			else if (entry[0] == '/')
				snprintf(cand, sizeof(cand), "%s%s%.*s/%s", entry,
					 dir[0] == '/' ? "" : "/", dirlen, dir, link);
			else
				snprintf(cand, sizeof(cand), "%.*s/%s/%s", dirlen, dir, entry, link);
			if (strcmp(cand, file) != 0)
				fd = try_candidate(cand, &id, check_crc, crc);
		}
	}

	for (p = search; fd < 0 && file[0] == '/' && next_entry(&p, entry, sizeof(entry));) {
		if (entry[0] != '/')
			continue;
		snprintf(cand, sizeof(cand), "%s%s.debug", entry, file);
		fd = try_candidate(cand, &id, false, 0);
	}
	free(real);
	if (fd >= 0) {
		*found = strdup(cand);
		return fd;
	}
	return from_debuginfod(&id, found);
}

const char *debugfile_hint(void)
{
	static char buf[1024];
	char roots[512] = "";
	char entry[PATH_MAX];
	size_t len = 0;
	for (const char *p = search_path(); next_entry(&p, entry, sizeof(entry));)
		if (entry[0] == '/' && len < sizeof(roots) - 1)
			len += (size_t)snprintf(roots + len, sizeof(roots) - len, "%s%s",
						len ? ", " : "", entry);
	const char *dfd_state = !debuginfod_wanted() ? "DEBUGINFOD_URLS is not set" :
				!debuginfod_load() ? "libdebuginfod is not installed" :
				"not found at the servers it names, or they cannot be reached";
	snprintf(buf, sizeof(buf),
		 "no separate debug file was found by build id or .gnu_debuglink beside it, "
		 "in its .debug/ directory or under %s, nor by debuginfod (%s); install its "
		 "debug package (PACKAGE-dbgsym on Debian and Ubuntu, PACKAGE-debuginfo on "
		 "Fedora), point DEBUGINFOD_URLS at a debuginfod server, or build it with -g",
		 len ? roots : "no root", dfd_state);
	return buf;
}

Elf *debugfile_minidebuginfo(Elf *elf, void **mem)
{
	*mem = NULL;
#ifdef HAVE_LZMA
	size_t shstrndx;
	if (elf_getshdrstrndx(elf, &shstrndx) != 0)
		return NULL;
	Elf_Data *data = NULL;
	for (Elf_Scn *s = NULL; (s = elf_nextscn(elf, s));) {
		GElf_Shdr sh;
		const char *name;
		if (gelf_getshdr(s, &sh) && sh.sh_type == SHT_PROGBITS &&
		    (name = elf_strptr(elf, shstrndx, sh.sh_name)) &&
		    strcmp(name, ".gnu_debugdata") == 0) {
			data = elf_rawdata(s, NULL);
			break;
		}
	}
	if (!data || !data->d_buf || !data->d_size)
		return NULL;
	size_t cap = data->d_size * 4 + 4096, out = 0;
	unsigned char *buf = NULL;
	for (int tries = 0; tries < 8; tries++, cap *= 4) {
		unsigned char *nb = realloc(buf, cap);
		if (!nb)
			break;
		buf = nb;
		uint64_t limit = UINT64_MAX;
		size_t in = 0;
		out = 0;
		lzma_ret r = lzma_stream_buffer_decode(&limit, 0, NULL, data->d_buf, &in,
						       data->d_size, buf, &out, cap);
		if (r == LZMA_OK) {
			Elf *inner = elf_memory((char *)buf, out);
			if (inner && elf_kind(inner) == ELF_K_ELF) {
				*mem = buf;
				return inner;
			}
			if (inner)
				elf_end(inner);
			break;
		}
		if (r != LZMA_BUF_ERROR)
			break;
	}
	free(buf);
#else
	(void)elf;
#endif
	return NULL;
}
