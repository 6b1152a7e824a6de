/* SPDX-License-Identifier: GPL-2.0-or-later */
/* usdt.c — the USDT probes of an ELF file; see usdt.h.  The note format
 * and the .stapsdt.base rule are those of
 * https://sourceware.org/systemtap/wiki/UserSpaceProbeImplementation; the
 * arguments are decoded in usdt_args.c. */
#define _GNU_SOURCE
#include "usdt.h"

#include <errno.h>
#include <fnmatch.h>
#include <gelf.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "usdt_impl.h"

#define NOTE_SECTION ".note.stapsdt"
#define BASE_SECTION ".stapsdt.base"
#define NOTE_NAME "stapsdt"
#define NOTE_TYPE 3   /* sys/sdt.h's _SDT_NOTE_TYPE since SystemTap 1.3 */

struct usdt_file {
	struct arena *arena;
	struct usdt_probe *probes;
	size_t nprobes;
};

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

/* ==== Notes ==== */

static Elf_Scn *find_section(Elf *elf, const char *want, GElf_Shdr *sh)
{
	size_t shstrndx;
	if (elf_getshdrstrndx(elf, &shstrndx) != 0)
		return NULL;
	for (Elf_Scn *scn = NULL; (scn = elf_nextscn(elf, scn));) {
		if (!gelf_getshdr(scn, sh))
			return NULL;
		const char *name = elf_strptr(elf, shstrndx, sh->sh_name);
		if (name && strcmp(name, want) == 0)
			return scn;
	}
	return NULL;
}

/* Reads note number `num`'s description into *pr (addresses as written);
 * NULL, or what is wrong with it. */
static const char *read_note(struct arena *arena, const unsigned char *desc,
			     size_t len, uint64_t addr[3], struct usdt_probe *pr)
{
	if (len < 3 * sizeof(uint64_t) + 3)
		return arena_printf(arena, "too short (%zu bytes) for three addresses and three names", len);
	memcpy(addr, desc, 3 * sizeof(uint64_t));
	const char *p = (const char *)desc + 3 * sizeof(uint64_t);
	const char *end = (const char *)desc + len;
	const char *strs[3];
	static const char *const what[3] = { "provider", "probe name", "argument string" };
	for (int i = 0; i < 3; i++) {
		const char *nul = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
		if (!nul)
			return arena_printf(arena, "the %s is %s", what[i],
					    p < end ? "not terminated" : "missing");
		strs[i] = p;
		p = nul + 1;
	}
	if (!*strs[1])
		return "the probe name is empty";
	pr->provider = arena_strdup(arena, strs[0]);
	pr->name = arena_strdup(arena, strs[1]);
	pr->args = arena_strdup(arena, strs[2]);
	return NULL;
}

/* Turns the addresses of note `num` into the probe's vaddr, offset and
 * semaphore; NULL or what is wrong. */
static const char *place_probe(struct elf_file *f, struct arena *arena,
			       const uint64_t addr[3], bool have_base,
			       uint64_t base, struct usdt_probe *pr)
{
	/* Prelink moves every section but leaves the unallocated notes as
	 * they were; .stapsdt.base moved with the code, and the note still
	 * holds its old address, so the difference is how far the probe and
	 * its semaphore moved.  (libbpf moves only the probe; SystemTap and
	 * the specification move both.)  A note without a base address
	 * comes from an assembler that wrote none: nothing to correct. */
	uint64_t delta = have_base && addr[1] ? base - addr[1] : 0;
	pr->vaddr = addr[0] + delta;
	struct elf_error e;
	bool exec;
	if (elf_vaddr_to_offset(f, pr->vaddr, &pr->offset, &exec, &e) != 0)
		return arena_printf(arena, "probe %s", e.msg);
	if (!exec)
		return arena_printf(arena, "probe address 0x%" PRIx64 " is not in code", pr->vaddr);
	if (addr[2]) {
		pr->sema_vaddr = addr[2] + delta;
		if (elf_vaddr_to_offset(f, pr->sema_vaddr, &pr->sema_offset, &exec, &e) != 0)
			return arena_printf(arena, "semaphore %s", e.msg);
		/* The kernel counts attached uprobes in it; it must be data
		 * the process can write (.probes, in the data segment). */
		if (exec)
			return arena_printf(arena, "semaphore address 0x%" PRIx64 " is in code", pr->sema_vaddr);
	}
	return NULL;
}

static int read_notes(struct elf_file *f, Elf *elf, struct usdt_file *u,
		      struct elf_error *err)
{
	const char *path = elf_path(f);
	GElf_Shdr sh;
	Elf_Scn *scn = find_section(elf, NOTE_SECTION, &sh);
	if (!scn)
		return fail(err, -ENOENT, "no USDT probes in %s", path);
	if (sh.sh_type != SHT_NOTE)
		return fail(err, -EINVAL, "malformed USDT notes in %s: %s is not a note section",
			    path, NOTE_SECTION);
	Elf_Data *d = elf_getdata(scn, NULL);
	if (!d)
		return fail(err, -EINVAL, "malformed USDT notes in %s: %s", path, elf_errmsg(-1));

	GElf_Shdr bsh;
	bool have_base = find_section(elf, BASE_SECTION, &bsh) != NULL;
	uint64_t base = have_base ? bsh.sh_addr : 0;

	struct ctx x = { .arena = u->arena, .elf = elf, .type = elf_filetype(f) };
	size_t cap = 0, num = 0, off = 0, next;
	GElf_Nhdr nh;
	size_t name_off, desc_off;
	int ret = 0;
	while (off < d->d_size &&
	       (next = gelf_getnote(d, off, &nh, &name_off, &desc_off)) > 0) {
		num++;
		off = next;
		const char *nname = (const char *)d->d_buf + name_off;
		if (nh.n_type != NOTE_TYPE || nh.n_namesz != sizeof(NOTE_NAME) ||
		    memcmp(nname, NOTE_NAME, sizeof(NOTE_NAME)) != 0)
			continue;   /* not a probe: another owner, or an old format */
		struct usdt_probe pr = {0};
		uint64_t addr[3];
		const char *why = read_note(u->arena, (const unsigned char *)d->d_buf + desc_off,
					    nh.n_descsz, addr, &pr);
		if (why) {
			ret = fail(err, -EINVAL, "malformed USDT note %zu in %s: %s", num, path, why);
			goto out;
		}
		why = place_probe(f, u->arena, addr, have_base, base, &pr);
		if (why) {
			ret = fail(err, -EINVAL, "malformed USDT note %zu (%s:%s) in %s: %s",
				   num, pr.provider, pr.name, path, why);
			goto out;
		}
		parse_args(&x, &pr);
		if (u->nprobes == cap) {
			cap = cap ? 2 * cap : 16;
			u->probes = xrealloc(u->probes, cap * sizeof(*u->probes));
		}
		u->probes[u->nprobes++] = pr;
	}
	/* gelf_getnote() stops at a note whose sizes run past the section. */
	if (off < d->d_size) {
		ret = fail(err, -EINVAL, "malformed USDT note %zu in %s: it runs past the end of %s",
			   num + 1, path, NOTE_SECTION);
		goto out;
	}
	if (u->nprobes == 0)
		ret = fail(err, -ENOENT, "no USDT probes in %s", path);
out:
	free(x.syms);
	return ret;
}

int usdt_open(struct elf_file *f, struct usdt_file **out, struct elf_error *err)
{
	*out = NULL;
	struct usdt_file *u = xcalloc(1, sizeof(*u));
	u->arena = arena_new();
	int ret = read_notes(f, elf_libelf(f), u, err);
	if (ret) {
		usdt_close(u);
		return ret;
	}
	*out = u;
	return 0;
}

void usdt_close(struct usdt_file *u)
{
	if (!u)
		return;
	free(u->probes);
	arena_free(u->arena);
	free(u);
}

const struct usdt_probe *usdt_probes(const struct usdt_file *u, size_t *n)
{
	*n = u->nprobes;
	return u->probes;
}

const struct usdt_probe *usdt_find(const struct usdt_file *u, const char *provider,
				   const char *name, const struct usdt_probe *after)
{
	const struct usdt_probe *p = after ? after + 1 : u->probes;
	for (; p < u->probes + u->nprobes; p++)
		if (fnmatch(name, p->name, 0) == 0 &&
		    (!provider || fnmatch(provider, p->provider, 0) == 0))
			return p;
	return NULL;
}
