/* SPDX-License-Identifier: GPL-2.0-or-later */
/* usym_tables.c — the symbol tables BPF probes name addresses with, when
 * a script makes usymname(), usymdata(), umodname(), sprint_ubacktrace()
 * or sprint_ustack() a value (compiler/codegen/usym.c has the design).
 *
 * The files are those SystemTap's --ldd would load: every probed file,
 * the -c command's program, the files of the -x process and of process(PID)
 * probes' processes, and what they need
 * (DT_NEEDED, found as the dynamic linker finds it: DT_RPATH,
 * LD_LIBRARY_PATH, DT_RUNPATH with $ORIGIN, then ld.so.cache and the
 * default directories) with their interpreter.  Each is read by
 * sym_file.c, the reader printing uses, so a name in a probe is the name
 * printed. */
#define _GNU_SOURCE
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <wordexp.h>

#include "binary/elfsym.h"
#include "program.h"
#include "runtime.h"
#include "symbolize_impl.h"

/* Files past this many are left out: a process maps a few dozen. */
#define MAX_MODULES 512

struct usym_tables {
	char *paths[MAX_MODULES];
	struct module *mods[MAX_MODULES];
	int n;
	uint32_t nsyms;
};

static bool have(const struct usym_tables *t, const struct stat *st)
{
	for (int i = 0; i < t->n; i++)
		if (t->mods[i]->dev == st->st_dev && t->mods[i]->ino == (uint64_t)st->st_ino)
			return true;
	return false;
}

/* Reads the file at path (any name for it) unless it is read already. */
static void add_file(struct usym_tables *t, const char *path)
{
	char real[PATH_MAX];
	struct stat st;

	if (t->n >= MAX_MODULES || !realpath(path, real) || stat(real, &st) != 0 ||
	    !S_ISREG(st.st_mode) || have(t, &st))
		return;
	struct module *m = sym_read_module(real);
	if (!m)
		return;
	t->paths[t->n] = strdup(real);
	if (!t->paths[t->n]) {
		sym_free_module(m);
		return;
	}
	t->mods[t->n++] = m;
	t->nsyms += (uint32_t)m->nsyms;
}

/* A library named `name` in the directories of `dirs` (':' between, $ORIGIN
 * the needing file's directory). */
static bool in_dirs(const char *dirs, const char *origin, const char *name, char *out,
		    size_t outsz)
{
	while (dirs && *dirs) {
		size_t n = strcspn(dirs, ":");
		char dir[PATH_MAX];
		if (n >= 7 && strncmp(dirs, "$ORIGIN", 7) == 0)
			snprintf(dir, sizeof(dir), "%s%.*s", origin, (int)(n - 7), dirs + 7);
		else if (n >= 9 && strncmp(dirs, "${ORIGIN}", 9) == 0)
			snprintf(dir, sizeof(dir), "%s%.*s", origin, (int)(n - 9), dirs + 9);
		else
			snprintf(dir, sizeof(dir), "%.*s", (int)n, dirs);
		if (*dir && (size_t)snprintf(out, outsz, "%s/%s", dir, name) < outsz &&
		    access(out, R_OK) == 0)
			return true;
		dirs += n + (dirs[n] == ':');
	}
	return false;
}

/* Where the dynamic linker finds the library `name` that a file in the
 * directory `origin` needs: a name with a '/' as it is; else DT_RPATH
 * (when there is no DT_RUNPATH), LD_LIBRARY_PATH, DT_RUNPATH, then
 * ld.so.cache and the default directories. */
static bool find_library(const char *name, const char *rpath, const char *runpath,
			 const char *origin, char *out, size_t outsz)
{
	if (strchr(name, '/'))
		return (size_t)snprintf(out, outsz, "%s", name) < outsz;
	return (!runpath && in_dirs(rpath, origin, name, out, outsz)) ||
	       in_dirs(getenv("LD_LIBRARY_PATH"), origin, name, out, outsz) ||
	       in_dirs(runpath, origin, name, out, outsz) ||
	       elf_find_path(name, out, outsz, NULL, NULL) == 0;
}

/* The files `path` needs: its interpreter and its DT_NEEDED libraries. */
static void add_needed(struct usym_tables *t, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	Elf *e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	char origin[PATH_MAX], found[PATH_MAX];
	snprintf(origin, sizeof(origin), "%s", path);
	char *slash = strrchr(origin, '/');
	if (slash)
		*slash = '\0';
	size_t nph = 0;
	if (e && elf_getphdrnum(e, &nph) == 0) {
		for (size_t i = 0; i < nph; i++) {
			GElf_Phdr ph;
			if (gelf_getphdr(e, (int)i, &ph) && ph.p_type == PT_INTERP && ph.p_filesz &&
			    ph.p_filesz < sizeof(found) &&
			    pread(fd, found, ph.p_filesz, (off_t)ph.p_offset) == (ssize_t)ph.p_filesz) {
				found[ph.p_filesz - 1] = '\0';
				add_file(t, found);
			}
		}
	}
	for (Elf_Scn *s = NULL; e && (s = elf_nextscn(e, s));) {
		GElf_Shdr sh;
		Elf_Data *d;
		if (!gelf_getshdr(s, &sh) || sh.sh_type != SHT_DYNAMIC || !sh.sh_entsize ||
		    !(d = elf_getdata(s, NULL)))
			continue;
		size_t n = d->d_size / sh.sh_entsize;
		const char *rpath = NULL, *runpath = NULL;
		for (size_t i = 0; i < n; i++) {
			GElf_Dyn dyn;
			if (!gelf_getdyn(d, (int)i, &dyn))
				continue;
			if (dyn.d_tag == DT_RPATH)
				rpath = elf_strptr(e, sh.sh_link, dyn.d_un.d_val);
			else if (dyn.d_tag == DT_RUNPATH)
				runpath = elf_strptr(e, sh.sh_link, dyn.d_un.d_val);
		}
		for (size_t i = 0; i < n; i++) {
			GElf_Dyn dyn;
			const char *name;
			if (!gelf_getdyn(d, (int)i, &dyn) || dyn.d_tag != DT_NEEDED ||
			    !(name = elf_strptr(e, sh.sh_link, dyn.d_un.d_val)))
				continue;
			if (find_library(name, rpath, runpath, origin, found, sizeof(found)))
				add_file(t, found);
		}
		break;
	}
	if (e)
		elf_end(e);
	close(fd);
}

/* The files of process pid: those its maps name. */
static void add_process(struct usym_tables *t, int pid)
{
	char path[64], line[4400];
	snprintf(path, sizeof(path), "/proc/%d/exe", pid);
	add_file(t, path);
	snprintf(path, sizeof(path), "/proc/%d/maps", pid);
	FILE *f = fopen(path, "re");
	while (f && fgets(line, sizeof(line), f)) {
		char *p = strchr(line, '/');
		if (!p)
			continue;
		p[strcspn(p, "\n")] = '\0';
		add_file(t, p);
	}
	if (f)
		fclose(f);
}

/* SystemTap's module path: a long one is "..." and its last bytes. */
static void shown(char *dst, const char *path)
{
	size_t len = strlen(path);
	if (len < USYM_PATHLEN - 3)
		snprintf(dst, USYM_PATHLEN, "%s", path);
	else
		snprintf(dst, USYM_PATHLEN, "...%s", path + len - (USYM_PATHLEN - 4));
}

int usym_tables_prepare(struct bpf_object *obj, const struct program *p,
			const struct run_opts *o, struct usym_tables **out)
{
	*out = NULL;
	struct bpf_map *mods = bpf_object__find_map_by_name(obj, PROG_MAP_USYM_MODS);
	struct bpf_map *syms = bpf_object__find_map_by_name(obj, PROG_MAP_USYM_SYMS);
	struct bpf_map *names = bpf_object__find_map_by_name(obj, PROG_MAP_USYM_NAMES);
	if (!mods || !syms || !names)
		return 0;
	struct usym_tables *t = calloc(1, sizeof(*t));
	if (!t)
		return -ENOMEM;
	for (int i = 0; i < p->nattach; i++) {
		const struct attach_point *a = &p->attach[i];
		if (a->kind != ATTACH_UPROBE && a->kind != ATTACH_URETPROBE)
			continue;
		if (a->path)
			add_file(t, a->path);
		if (a->pid_filter == PID_GIVEN && a->pid > 0)
			add_process(t, a->pid);
	}
	if (o->command) {
		wordexp_t w;
		char found[PATH_MAX];
		if (wordexp(o->command, &w, WRDE_NOCMD) == 0) {
			if (w.we_wordc &&
			    elf_find_path(w.we_wordv[0], found, sizeof(found), NULL, NULL) == 0)
				add_file(t, found);
			wordfree(&w);
		}
	}
	if (o->pid > 0)
		add_process(t, o->pid);
	/* t->n grows as the loop adds what each file needs */
	for (int i = 0; i < t->n; i++)
		add_needed(t, t->paths[i]);
	uint32_t nmods = t->n ? (uint32_t)t->n : 1, nsyms = t->nsyms ? t->nsyms : 1;
	if (bpf_map__set_max_entries(mods, nmods) || bpf_map__set_max_entries(syms, nsyms) ||
	    bpf_map__set_max_entries(names, nsyms)) {
		usym_tables_free(t);
		return -EINVAL;
	}
	*out = t;
	return 0;
}

/* n elements of an array map at once: keys 0 to n - 1. */
static int fill_array(int fd, const void *values, uint32_t n)
{
	uint32_t *keys = malloc((n ? n : 1) * sizeof(*keys)), count = n;
	if (!keys)
		return -ENOMEM;
	for (uint32_t i = 0; i < n; i++)
		keys[i] = i;
	int err = n ? bpf_map_update_batch(fd, keys, values, &count, NULL) : 0;
	err = err ? -errno : 0;
	free(keys);
	return err;
}

int usym_tables_fill(struct usym_tables *t, struct bpf_object *obj, uint32_t maxstringlen)
{
	if (!t)
		return 0;
	int mods = bpf_map__fd(bpf_object__find_map_by_name(obj, PROG_MAP_USYM_MODS));
	int syms = bpf_map__fd(bpf_object__find_map_by_name(obj, PROG_MAP_USYM_SYMS));
	int names = bpf_map__fd(bpf_object__find_map_by_name(obj, PROG_MAP_USYM_NAMES));
	uint32_t namelen = (maxstringlen + 7) & ~7u, index = 0;
	struct usym_sym *sv = calloc(t->nsyms ? t->nsyms : 1, sizeof(*sv));
	char *nv = calloc(t->nsyms ? t->nsyms : 1, namelen);
	int err = 0;
	if (!sv || !nv) {
		err = -ENOMEM;
		goto out;
	}
	long page = sysconf(_SC_PAGESIZE);
	for (int i = 0; i < t->n; i++) {
		const struct module *m = t->mods[i];
		struct usym_key key = { ((uint64_t)major(m->dev) << 20) | minor(m->dev), m->ino };
		struct usym_mod v;
		memset(&v, 0, sizeof(v));
		v.first = index;
		v.count = (uint32_t)m->nsyms;
		shown(v.path, t->paths[i]);
		const char *slash = strrchr(v.path, '/');
		snprintf(v.base, sizeof(v.base), "%s", slash ? slash + 1 : v.path);
		/* the segments by file offset; the run of mappings they make */
		uint64_t lo = UINT64_MAX, hi = 0;
		for (int k = 0; k < USYM_MAXSEGS; k++)
			v.segs[k] = (struct usym_seg){ USYM_NOSEG, 0, 0 };
		for (size_t k = 0; k < m->nsegs && k < USYM_MAXSEGS; k++) {
			const struct segment *s = &m->segs[k];
			size_t at = k;
			while (at > 0 && v.segs[at - 1].offset > s->offset) {
				v.segs[at] = v.segs[at - 1];
				at--;
			}
			v.segs[at] = (struct usym_seg){ s->offset, s->filesz, s->vaddr };
			uint64_t start = s->vaddr & ~(uint64_t)(page - 1);
			uint64_t end = (s->vaddr + s->filesz + (uint64_t)page - 1) &
				~(uint64_t)(page - 1);
			if (start < lo)
				lo = start;
			if (end > hi)
				hi = end;
		}
		v.extent = hi > lo ? hi - lo : 0;
		if (bpf_map_update_elem(mods, &key, &v, BPF_ANY)) {
			err = -errno;
			goto out;
		}
		for (size_t k = 0; k < m->nsyms; k++, index++) {
			const struct symbol *s = &m->syms[k];
			const char *n = s->name[0] == '.' ? s->name + 1 : s->name;
			sv[index] = (struct usym_sym){ s->addr,
				k + 1 < m->nsyms ? m->syms[k + 1].addr - s->addr : 0 };
			snprintf(nv + (size_t)index * namelen, maxstringlen, "%s", n);
		}
	}
	err = fill_array(syms, sv, index);
	if (!err)
		err = fill_array(names, nv, index);
out:
	free(sv);
	free(nv);
	return err;
}

void usym_tables_free(struct usym_tables *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->n; i++) {
		free(t->paths[i]);
		sym_free_module(t->mods[i]);
	}
	free(t);
}
