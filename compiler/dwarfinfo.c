/* dwarfinfo.c — see dwarfinfo.h.
 *
 * Layout of the file: small tools (string builder, pointer maps); opening
 * a file and finding its separate debug file; the unit table and the walk
 * that indexes one unit's functions, scopes and inlined copies; the type
 * model and SystemTap's type names; the System V classification of
 * arguments; functions and their variables; matching .function()
 * patterns; accesses ($p->a[2]); and the pretty-printing plans, which
 * follow tapsets.cxx's dwarf_pretty_print step by step.
 *
 * Every object handed out lives in the handle's arena.  libdw DIEs are
 * copied into the objects (a Dwarf_Die is a value); nothing keeps a
 * pointer into libdw's own memory except names, which live as long as the
 * Dwarf does. */
#define _GNU_SOURCE
#include "dwarfinfo.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwelf.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <gelf.h>
#include <libelf.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"

/* Deeper than any real program nests its scopes or types; corrupt DWARF
 * with cycles stops here instead of overflowing the stack. */
#define MAX_DEPTH 96

/* ------------------------------------------------------------------ */
/* Small tools                                                         */

static void set_err(struct dwi_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void set_err(struct dwi_error *err, const char *fmt, ...)
{
	if (!err)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
}

/* A growing string. */
struct sb {
	char *s;
	size_t len, cap;
};

static void sb_putn(struct sb *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void sb_puts(struct sb *b, const char *s) { sb_putn(b, s, strlen(s)); }

static const char *sb_str(const struct sb *b) { return b->s ? b->s : ""; }

/* Maps a nonzero key (a DIE's address in the mapped section, or a code
 * address) to a pointer, by open addressing. */
struct map {
	uintptr_t *keys;
	void **vals;
	size_t cap, n;
};

static size_t map_slot(uintptr_t k, size_t cap)
{
	uint64_t h = (uint64_t)k * 0x9e3779b97f4a7c15ull;
	return (size_t)(h >> 17) & (cap - 1);
}

static void *map_get(const struct map *m, uintptr_t k)
{
	if (!m->cap || !k)
		return NULL;
	for (size_t i = map_slot(k, m->cap);; i = (i + 1) & (m->cap - 1)) {
		if (m->keys[i] == k)
			return m->vals[i];
		if (!m->keys[i])
			return NULL;
	}
}

static void map_put(struct map *m, uintptr_t k, void *v)
{
	if (!k)
		return;
	if ((m->n + 1) * 2 > m->cap) {
		struct map bigger = { .cap = m->cap ? m->cap * 2 : 64 };
		bigger.keys = xcalloc(bigger.cap, sizeof(*bigger.keys));
		bigger.vals = xcalloc(bigger.cap, sizeof(*bigger.vals));
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i])
				map_put(&bigger, m->keys[i], m->vals[i]);
		free(m->keys);
		free(m->vals);
		*m = bigger;
	}
	size_t i = map_slot(k, m->cap);
	while (m->keys[i] && m->keys[i] != k)
		i = (i + 1) & (m->cap - 1);
	if (!m->keys[i])
		m->n++;
	m->keys[i] = k;
	m->vals[i] = v;
}

static void map_free(struct map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

static uintptr_t str_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return (uintptr_t)(h | 1);
}

/* ------------------------------------------------------------------ */
/* The handle                                                          */

struct fnode;
struct tnode;

struct cunit {
	Dwarf_Die die;
	bool is_c, is_cxx;
	bool has_ranges;         /* its code's addresses are known */
	int state;               /* 0 not indexed, 1 being indexed, 2 done */
	struct fnode *first, *last;
};

struct range {
	uint64_t lo, hi;
	uint64_t maxhi;          /* the highest hi of this range and those before it */
	size_t cu;
};

/* A struct, union, class or enum by name, for completing declarations. */
struct named_type {
	const char *name;
	int tag;
	Dwarf_Die die;
	struct named_type *next;
};

struct dwi {
	struct arena *arena;
	const char *path, *debug_path;
	int fd, dfd;
	Elf *elf, *delf;
	Dwarf *dbg;

	struct cunit *cus;
	size_t ncus;
	bool cus_read;
	struct range *ranges;
	size_t nranges;
	bool all_indexed;

	struct map types;        /* type DIE -> tnode */
	struct map funcs;        /* subprogram DIE -> fnode */
	struct map entries;      /* entry pc -> first fnode with code there */
	struct map scopes;       /* subprogram DIE -> struct scopes * */
	struct map inlines;      /* abstract origin DIE -> struct inl list */
	struct map named;        /* str_hash(name) -> struct named_type list */
	bool named_done;
	struct map partsyms;     /* code address -> name of a compiler-made part or clone */
	bool partsyms_done;
};

struct scopes {
	const char **names;
	int n;
};

/* One inlined copy. */
struct inl {
	Dwarf_Die die;
	uint64_t entry;
	struct fnode *caller;
	struct inl *next;
	const char *listing;
};

struct fnode {
	struct dwi_func pub;
	struct dwi *d;
	struct cunit *cu;
	Dwarf_Die die;
	struct fnode *next;          /* in the unit, in DIE order */
	Dwarf_Die *outer;            /* enclosing scopes below the unit, innermost first */
	int nouter;
	const struct scopes *sc;

	bool sig_done;
	struct dwi_var *params, *locals;
	size_t nparams, nlocals;
	/* $$vars order: index into params (>= 0) or ~index into locals. */
	int *order;
	size_t norder;
	const struct dwi_type *ret;
	struct dwi_abi ret_abi;
	const char *listing[2];

	bool inl_done;
	struct dwi_site *inl;
	size_t ninl;
};

static struct fnode *fnode_of(const struct dwi_func *f)
{
	return (struct fnode *)f;
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

static bool elf_has_debug_info(Elf *elf)
{
	size_t shstrndx;
	if (elf_getshdrstrndx(elf, &shstrndx) != 0)
		return false;
	for (Elf_Scn *s = NULL; (s = elf_nextscn(elf, s));) {
		GElf_Shdr sh;
		if (!gelf_getshdr(s, &sh) || sh.sh_type == SHT_NOBITS)
			continue;
		const char *name = elf_strptr(elf, shstrndx, sh.sh_name);
		if (name && (strcmp(name, ".debug_info") == 0 ||
			     strcmp(name, ".zdebug_info") == 0))
			return true;
	}
	return false;
}

/* Opens path as ELF with DWARF; on success fills fd, elf, dbg. */
static bool try_dwarf(const char *path, int *fdp, Elf **elfp, Dwarf **dbgp,
		      const void *want_id, ssize_t want_len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF || !elf_has_debug_info(elf))
		goto fail;
	if (want_len > 0) {
		const void *id;
		ssize_t len = dwelf_elf_gnu_build_id(elf, &id);
		if (len > 0 && (len != want_len || memcmp(id, want_id, (size_t)len) != 0))
			goto fail;
	}
	Dwarf *dbg = dwarf_begin_elf(elf, DWARF_C_READ, NULL);
	if (!dbg)
		goto fail;
	*fdp = fd;
	*elfp = elf;
	*dbgp = dbg;
	return true;
fail:
	if (elf)
		elf_end(elf);
	close(fd);
	return false;
}

/* Where separate debug files are looked for, in SystemTap's (and
 * elfutils') notation: entries separated by ':'; an empty entry is the
 * file's own directory, a relative one a subdirectory of it, an absolute
 * one a root holding .build-id/ and a copy of the file's directory.  A
 * leading '+' or '-' (checking CRCs or not) is accepted and ignored:
 * the build id, when the file has one, is checked instead. */
static const char *debuginfo_path(void)
{
	const char *p = getenv("SYSTEMTAP_DEBUGINFO_PATH");
	return p && *p ? p : "+:.debug:/usr/lib/debug";
}

/* The next entry of a debuginfo path into buf; false at the end. */
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

/* The separate debug file: first by build id under each absolute entry
 * of the path, then by the .gnu_debuglink name in each entry's place. */
static bool find_debug_file(struct dwi *d, Elf *elf, const char *real)
{
	char entry[PATH_MAX];
	const char *path = debuginfo_path(), *p, *cand;
	const void *id;
	ssize_t idlen = dwelf_elf_gnu_build_id(elf, &id);
	if (idlen > 1 && idlen <= 64) {
		const unsigned char *b = id;
		char hex[2 * 64 + 1];
		for (ssize_t i = 1; i < idlen; i++)
			snprintf(hex + 2 * (i - 1), 3, "%02x", b[i]);
		for (p = path; next_entry(&p, entry, sizeof(entry));) {
			if (entry[0] != '/')
				continue;
			cand = arena_printf(d->arena, "%s/.build-id/%02x/%s.debug", entry, b[0], hex);
			if (try_dwarf(cand, &d->dfd, &d->delf, &d->dbg, id, idlen)) {
				d->debug_path = cand;
				return true;
			}
		}
	}
	GElf_Word crc;
	const char *link = dwelf_elf_gnu_debuglink(elf, &crc);
	if (!link || !*link || strchr(link, '/'))
		return false;
	const char *slash = strrchr(real, '/');
	char *dir = slash ? arena_strndup(d->arena, real, (size_t)(slash - real)) : ".";
	for (p = path; next_entry(&p, entry, sizeof(entry));) {
		if (!entry[0])
			cand = arena_printf(d->arena, "%s/%s", dir, link);
		else if (entry[0] == '/')
			cand = arena_printf(d->arena, "%s%s%s/%s", entry, dir[0] == '/' ? "" : "/",
					    dir, link);
		else
			cand = arena_printf(d->arena, "%s/%s/%s", dir, entry, link);
		if (strcmp(cand, real) == 0)
			continue;
		if (try_dwarf(cand, &d->dfd, &d->delf, &d->dbg, idlen > 0 ? id : NULL, idlen)) {
			d->debug_path = cand;
			return true;
		}
	}
	return false;
}

struct dwi *dwi_open_err(const char *path, struct dwi_error *err)
{
	elf_version(EV_CURRENT);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		set_err(err, "cannot open %s: %s", path, strerror(errno));
		return NULL;
	}
	Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF) {
		if (elf)
			elf_end(elf);
		close(fd);
		set_err(err, "%s is not an ELF file", path);
		return NULL;
	}
	struct dwi *d = xcalloc(1, sizeof(*d));
	d->arena = arena_new();
	d->path = arena_strdup(d->arena, path);
	d->fd = fd;
	d->dfd = -1;
	d->elf = elf;
	if (elf_has_debug_info(elf)) {
		d->dbg = dwarf_begin_elf(elf, DWARF_C_READ, NULL);
		d->debug_path = d->path;
		if (!d->dbg) {
			set_err(err, "cannot read the debug info in %s: %s", path,
				dwarf_errmsg(-1));
			dwi_close(d);
			return NULL;
		}
	} else {
		char *real = realpath(path, NULL);
		bool found = find_debug_file(d, elf, real ? real : path);
		free(real);
		if (!found) {
			set_err(err, "no debug info in %s", path);
			dwi_close(d);
			return NULL;
		}
	}
	return d;
}

struct dwi *dwi_open(const char *path)
{
	return dwi_open_err(path, NULL);
}

const char *dwi_debug_path(const struct dwi *d)
{
	return d ? d->debug_path : NULL;
}

void dwi_close(struct dwi *d)
{
	if (!d)
		return;
	map_free(&d->types);
	map_free(&d->funcs);
	map_free(&d->entries);
	map_free(&d->scopes);
	map_free(&d->inlines);
	map_free(&d->named);
	map_free(&d->partsyms);
	free(d->cus);
	free(d->ranges);
	if (d->dbg)
		dwarf_end(d->dbg);
	if (d->delf)
		elf_end(d->delf);
	if (d->dfd >= 0)
		close(d->dfd);
	if (d->elf)
		elf_end(d->elf);
	close(d->fd);
	arena_free(d->arena);
	free(d);
}

/* ------------------------------------------------------------------ */
/* DIE helpers                                                         */

/* The DIE an attribute refers to, with its own attribute only (no
 * abstract origin or specification in between). */
static bool ref_die(Dwarf_Die *die, unsigned at, Dwarf_Die *out)
{
	Dwarf_Attribute a;
	return dwarf_attr(die, at, &a) && dwarf_formref_die(&a, out);
}

/* A type reference as SystemTap's dwarf_attr_die reads it: through
 * abstract origins and specifications, and from a declaration with a
 * DW_AT_signature to the type unit's type. */
static bool type_die(Dwarf_Die *die, Dwarf_Die *out)
{
	Dwarf_Attribute a;
	if (!dwarf_formref_die(dwarf_attr_integrate(die, DW_AT_type, &a), out))
		return false;
	Dwarf_Die sig;
	if (ref_die(out, DW_AT_signature, &sig)) {
		*out = sig;
		if (dwarf_tag(out) == DW_TAG_type_unit && dwarf_child(out, out) != 0)
			return false;
	}
	return true;
}

static bool udata(Dwarf_Die *die, unsigned at, Dwarf_Word *v)
{
	Dwarf_Attribute a;
	return dwarf_formudata(dwarf_attr_integrate(die, at, &a), v) == 0;
}

static const char *linkage_name(Dwarf_Die *die)
{
	Dwarf_Attribute a;
	const char *s = dwarf_formstring(dwarf_attr_integrate(die, DW_AT_linkage_name, &a));
	if (!s)
		s = dwarf_formstring(dwarf_attr_integrate(die, DW_AT_MIPS_linkage_name, &a));
	return s;
}

/* The file a declaration is in, as the line table names it.  DWARF 5
 * numbers a unit's primary source file 0, which libdw before 0.191
 * takes for "no file" (clang writes it so). */
static const char *decl_file(Dwarf_Die *die)
{
	const char *f = dwarf_decl_file(die);
	if (f)
		return f;
	Dwarf_Attribute a;
	Dwarf_Word idx;
	Dwarf_Die cu;
	Dwarf_Files *files;
	size_t n;
	if (!dwarf_attr_integrate(die, DW_AT_decl_file, &a) || dwarf_formudata(&a, &idx) != 0 ||
	    idx != 0 || !dwarf_cu_die(a.cu, &cu, NULL, NULL, NULL, NULL, NULL, NULL) ||
	    dwarf_getsrcfiles(&cu, &files, &n) != 0 || n == 0)
		return NULL;
	return dwarf_filesrc(files, 0, NULL, NULL);
}

/* Where code for a subprogram or inlined copy starts, as SystemTap's
 * dwflpp::die_entrypc finds it: DW_AT_entry_pc or DW_AT_low_pc, else
 * the first range.  0 for none. */
static uint64_t die_entry(Dwarf_Die *die)
{
	Dwarf_Addr a = 0;
	if (dwarf_entrypc(die, &a) == 0)
		return a;
	Dwarf_Addr base, start, end;
	if (dwarf_ranges(die, 0, &base, &start, &end) > 0)
		return start;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Units                                                               */

/* DW_LANG_C17 (0x2c) and C++17/20 (0x2a, 0x2b) are newer than some
 * dwarf.h files. */
static bool lang_is_c(int lang)
{
	return lang == DW_LANG_C89 || lang == DW_LANG_C || lang == DW_LANG_C99 ||
	       lang == DW_LANG_C11 || lang == 0x2c;
}

static bool lang_is_cxx(int lang)
{
	return lang == DW_LANG_C_plus_plus || lang == DW_LANG_C_plus_plus_03 ||
	       lang == DW_LANG_C_plus_plus_11 || lang == DW_LANG_C_plus_plus_14 ||
	       lang == 0x2a || lang == 0x2b;
}

static int range_cmp(const void *a, const void *b)
{
	const struct range *x = a, *y = b;
	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static void read_units(struct dwi *d)
{
	if (d->cus_read)
		return;
	d->cus_read = true;
	size_t cap = 0, rcap = 0;
	Dwarf_CU *cu = NULL, *next;
	Dwarf_Half version;
	uint8_t type;
	Dwarf_Die cudie;
	while (dwarf_get_units(d->dbg, cu, &next, &version, &type, &cudie, NULL) == 0) {
		cu = next;
		if (type != DW_UT_compile)
			continue;
		if (d->ncus == cap) {
			cap = cap ? cap * 2 : 64;
			d->cus = xrealloc(d->cus, cap * sizeof(*d->cus));
		}
		struct cunit *u = &d->cus[d->ncus];
		memset(u, 0, sizeof(*u));
		u->die = cudie;
		int lang = dwarf_srclang(&cudie);
		u->is_c = lang_is_c(lang);
		u->is_cxx = lang_is_cxx(lang);
		Dwarf_Addr base, lo, hi;
		ptrdiff_t off = 0;
		int guard = 0;
		while ((off = dwarf_ranges(&cudie, off, &base, &lo, &hi)) > 0 && guard++ < 1000000) {
			if (hi <= lo)
				continue;
			if (d->nranges == rcap) {
				rcap = rcap ? rcap * 2 : 256;
				d->ranges = xrealloc(d->ranges, rcap * sizeof(*d->ranges));
			}
			d->ranges[d->nranges++] = (struct range){ .lo = lo, .hi = hi, .cu = d->ncus };
			u->has_ranges = true;
		}
		d->ncus++;
	}
	if (d->nranges)
		qsort(d->ranges, d->nranges, sizeof(*d->ranges), range_cmp);
	uint64_t maxhi = 0;
	for (size_t i = 0; i < d->nranges; i++) {
		if (d->ranges[i].hi > maxhi)
			maxhi = d->ranges[i].hi;
		d->ranges[i].maxhi = maxhi;
	}
}

/* ---- The walk that indexes one unit ---- */

struct walk {
	struct dwi *d;
	struct cunit *cu;
	const char *names[MAX_DEPTH];
	int nnames;
	const struct scopes *snap;   /* names[] as a struct scopes, once asked for */
	Dwarf_Die chain[MAX_DEPTH];  /* the enclosing DIEs below the unit */
	int nchain;
	struct fnode *func;          /* the function whose code we are in */
	struct map imported;         /* partial units already walked */
};

static const struct scopes *snapshot(struct walk *w)
{
	if (!w->snap) {
		struct scopes *s = arena_alloc(w->d->arena, sizeof(*s));
		s->n = w->nnames;
		s->names = arena_alloc(w->d->arena, sizeof(char *) * (size_t)(s->n + 1));
		memcpy(s->names, w->names, sizeof(char *) * (size_t)s->n);
		w->snap = s;
	}
	return w->snap;
}

static void index_unit(struct dwi *d, struct cunit *u);

static struct fnode *add_func(struct walk *w, Dwarf_Die *die)
{
	struct dwi *d = w->d;
	struct fnode *f = map_get(&d->funcs, (uintptr_t)die->addr);
	if (f)
		return f;
	const char *name = dwarf_diename(die);
	if (!name)
		return NULL;
	f = arena_alloc(d->arena, sizeof(*f));
	f->d = d;
	f->cu = w->cu;
	f->die = *die;
	f->pub.name = name;
	f->pub.linkage = linkage_name(die);
	f->pub.decl_file = decl_file(die);
	int line = 0;
	if (dwarf_decl_line(die, &line) == 0)
		f->pub.decl_line = line;
	f->pub.is_inline = dwarf_func_inline(die) != 0;
	f->pub.is_external = dwarf_hasattr_integrate(die, DW_AT_external);
	if (!f->pub.is_inline)
		f->pub.entry = die_entry(die);
	f->sc = snapshot(w);
	if (w->nchain) {
		f->nouter = w->nchain;
		f->outer = arena_alloc(d->arena, sizeof(Dwarf_Die) * (size_t)w->nchain);
		for (int i = 0; i < w->nchain; i++)
			f->outer[i] = w->chain[w->nchain - 1 - i];
	}
	map_put(&d->funcs, (uintptr_t)die->addr, f);
	if (f->pub.entry && !map_get(&d->entries, f->pub.entry))
		map_put(&d->entries, f->pub.entry, f);
	if (w->cu->last)
		w->cu->last->next = f;
	else
		w->cu->first = f;
	w->cu->last = f;
	return f;
}

static void add_inline(struct walk *w, Dwarf_Die *die)
{
	Dwarf_Die origin;
	if (!ref_die(die, DW_AT_abstract_origin, &origin))
		return;
	struct inl *i = arena_alloc(w->d->arena, sizeof(*i));
	i->die = *die;
	i->entry = die_entry(die);
	i->caller = w->func;
	i->next = map_get(&w->d->inlines, (uintptr_t)origin.addr);
	map_put(&w->d->inlines, (uintptr_t)origin.addr, i);
}

static void walk_children(struct walk *w, Dwarf_Die *parent, int depth);

static void walk_into(struct walk *w, Dwarf_Die *die, int depth, bool named, const char *name)
{
	if (w->nchain >= MAX_DEPTH || w->nnames >= MAX_DEPTH)
		return;
	w->chain[w->nchain++] = *die;
	if (named) {
		w->names[w->nnames++] = name;
		w->snap = NULL;
	}
	walk_children(w, die, depth + 1);
	if (named) {
		w->nnames--;
		w->snap = NULL;
	}
	w->nchain--;
}

static void walk_die(struct walk *w, Dwarf_Die *die, int depth)
{
	switch (dwarf_tag(die)) {
	case DW_TAG_subprogram: {
		map_put(&w->d->scopes, (uintptr_t)die->addr, (void *)snapshot(w));
		struct fnode *f = NULL;
		if (!dwarf_hasattr(die, DW_AT_declaration))
			f = add_func(w, die);
		if (!dwarf_haschildren(die))
			break;
		struct fnode *outer = w->func;
		if (f && f->pub.entry)
			w->func = f;
		walk_into(w, die, depth, false, NULL);
		w->func = outer;
		break;
	}
	case DW_TAG_inlined_subroutine:
		add_inline(w, die);
		if (dwarf_haschildren(die))
			walk_into(w, die, depth, false, NULL);
		break;
	case DW_TAG_lexical_block:
	case DW_TAG_try_block:
	case DW_TAG_catch_block:
	case DW_TAG_with_stmt:
	case DW_TAG_entry_point:
	case DW_TAG_module:
		if (dwarf_haschildren(die))
			walk_into(w, die, depth, false, NULL);
		break;
	case DW_TAG_namespace:
		if (dwarf_haschildren(die))
			walk_into(w, die, depth, true, dwarf_diename(die));
		break;
	case DW_TAG_class_type:
	case DW_TAG_structure_type:
		/* Member functions, and the classes that hold them, exist only in
		 * C++; C structs are many and hold none. */
		if (!w->cu->is_c && dwarf_haschildren(die))
			walk_into(w, die, depth, true, dwarf_diename(die));
		break;
	case DW_TAG_union_type:
		if (!w->cu->is_c && dwarf_haschildren(die))
			walk_into(w, die, depth, false, NULL);
		break;
	case DW_TAG_imported_unit: {
		Dwarf_Die unit;
		if (ref_die(die, DW_AT_import, &unit) &&
		    !map_get(&w->imported, (uintptr_t)unit.addr)) {
			map_put(&w->imported, (uintptr_t)unit.addr, w);
			walk_children(w, &unit, depth + 1);
		}
		break;
	}
	default:
		break;
	}
}

static void walk_children(struct walk *w, Dwarf_Die *parent, int depth)
{
	if (depth >= MAX_DEPTH)
		return;
	Dwarf_Die child;
	if (dwarf_child(parent, &child) != 0)
		return;
	do
		walk_die(w, &child, depth);
	while (dwarf_siblingof(&child, &child) == 0);
}

static struct cunit *unit_of(struct dwi *d, Dwarf_Die *die)
{
	Dwarf_Die cudie;
	if (!dwarf_diecu(die, &cudie, NULL, NULL))
		return NULL;
	for (size_t i = 0; i < d->ncus; i++)
		if (d->cus[i].die.addr == cudie.addr)
			return &d->cus[i];
	return NULL;
}

/* The scopes SystemTap matches a function's pattern against: those of
 * the declaration its specification names, through abstract origins
 * (dwflpp::get_parent_scope reads DW_AT_specification integrated). */
static void resolve_scopes(struct dwi *d, struct fnode *f)
{
	Dwarf_Die t = f->die, next;
	for (int hops = 0; hops < 8; hops++) {
		if (ref_die(&t, DW_AT_abstract_origin, &next) ||
		    ref_die(&t, DW_AT_specification, &next))
			t = next;
		else
			break;
	}
	const struct scopes *sc = map_get(&d->scopes, (uintptr_t)t.addr);
	if (!sc && t.addr != f->die.addr) {
		/* A declaration in a unit not walked yet (LTO units refer across). */
		struct cunit *u = unit_of(d, &t);
		if (u && u->state == 0)
			index_unit(d, u);
		sc = map_get(&d->scopes, (uintptr_t)t.addr);
	}
	if (sc)
		f->sc = sc;
	f->pub.scopes = f->sc->names;
	f->pub.nscopes = f->sc->n;
	if (!f->sc->n) {
		f->pub.qualified = f->pub.name;
		return;
	}
	struct sb b = { 0 };
	for (int i = 0; i < f->sc->n; i++) {
		sb_puts(&b, f->sc->names[i] ? f->sc->names[i] : "(anonymous namespace)");
		sb_puts(&b, "::");
	}
	sb_puts(&b, f->pub.name);
	f->pub.qualified = arena_strdup(d->arena, sb_str(&b));
	free(b.s);
}

static bool is_clone(struct fnode *f);

static void index_unit(struct dwi *d, struct cunit *u)
{
	if (u->state)
		return;
	u->state = 1;
	struct walk *w = xcalloc(1, sizeof(*w));
	w->d = d;
	w->cu = u;
	walk_children(w, &u->die, 0);
	map_free(&w->imported);
	free(w);
	for (struct fnode *f = u->first; f; f = f->next) {
		resolve_scopes(d, f);
		f->pub.is_clone = is_clone(f);
	}
	u->state = 2;
}

static void index_all(struct dwi *d)
{
	if (d->all_indexed)
		return;
	read_units(d);
	for (size_t i = 0; i < d->ncus; i++)
		index_unit(d, &d->cus[i]);
	d->all_indexed = true;
}

const struct dwi_func *dwi_func_at(struct dwi *d, uint64_t vaddr)
{
	if (!d || !vaddr)
		return NULL;
	read_units(d);
	struct fnode *f = map_get(&d->entries, vaddr);
	if (f)
		return &f->pub;
	/* The units whose ranges hold the address: ranges sorted by start,
	 * from the last one starting at or below it back to where none
	 * before reaches it (usually one step: units rarely overlap). */
	size_t lo = 0, hi = d->nranges;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->ranges[mid].lo <= vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i-- > 0 && d->ranges[i].maxhi > vaddr;) {
		if (vaddr < d->ranges[i].hi && d->cus[d->ranges[i].cu].state == 0) {
			index_unit(d, &d->cus[d->ranges[i].cu]);
			if ((f = map_get(&d->entries, vaddr)))
				return &f->pub;
		}
	}
	/* Units that do not say where their code is (type-only units say
	 * so by having none): look into those, never into all. */
	for (size_t i = 0; i < d->ncus; i++)
		if (!d->cus[i].has_ranges && d->cus[i].state == 0) {
			index_unit(d, &d->cus[i]);
			if ((f = map_get(&d->entries, vaddr)))
				return &f->pub;
		}
	return NULL;
}

bool dwi_function_decl(struct dwi *d, uint64_t vaddr, const char **file, int *line)
{
	const struct dwi_func *f = dwi_func_at(d, vaddr);
	if (!f || !f->decl_file || !f->decl_line)
		return false;
	*file = f->decl_file;
	*line = f->decl_line;
	return true;
}

/* ------------------------------------------------------------------ */
/* Types                                                               */

struct tnode {
	struct dwi_type pub;
	struct dwi *d;
	Dwarf_Die die;           /* as written */
	Dwarf_Die res;           /* through typedefs and qualifiers; a struct's definition */
	bool has_res;            /* false: void */
	/* Where SystemTap's resolve_unqualified_inner_typedie stops: it looks
	 * through typedef, const, volatile and restrict but not _Atomic;
	 * 0 when it runs out of types (void). */
	int stap_tag;
	bool is_cxx;
	bool target_done;
	const struct dwi_type *target;
	bool members_done;
	struct dwi_member *members;
	size_t nmembers;
	bool enums_done;
	struct dwi_enumerator *enums;
	size_t nenums;
};

static struct tnode *tn(const struct dwi_type *t)
{
	return (struct tnode *)t;
}

/* SystemTap's dwarf_type_name(), dwarf_wrappers.cxx, step for step. */
static bool stap_name_rec(Dwarf_Die *t, struct sb *o, Dwarf_Die *sub, bool *has_sub, int depth)
{
	if (depth > MAX_DEPTH)
		return false;
	bool done = true;
	int tag = dwarf_tag(t);
	switch (tag) {
	case DW_TAG_enumeration_type: sb_puts(o, "enum "); break;
	case DW_TAG_structure_type: sb_puts(o, "struct "); break;
	case DW_TAG_union_type: sb_puts(o, "union "); break;
	case DW_TAG_class_type: sb_puts(o, "class "); break;
	case DW_TAG_typedef:
	case DW_TAG_base_type:
		break;
	case DW_TAG_reference_type:
	case DW_TAG_rvalue_reference_type:
	case DW_TAG_pointer_type:
	case DW_TAG_array_type:
	case DW_TAG_const_type:
	case DW_TAG_volatile_type:
	case DW_TAG_restrict_type:
		done = false;
		break;
	case DW_TAG_subroutine_type:
		/* The modifiers seen so far go between the return type and the
		 * parameters; the caller puts them there. */
		*sub = *t;
		*has_sub = true;
		return true;
	default:
		return false;
	}
	if (done) {
		const char *n = dwarf_diename(t);
		sb_puts(o, n ? n : "{...}");
		return true;
	}
	Dwarf_Die st;
	bool has = type_die(t, &st);
	if (has && tag == DW_TAG_pointer_type && dwarf_tag(&st) == DW_TAG_structure_type) {
		const char *n = dwarf_diename(&st);
		if (n && strcmp(n, "__va_list_tag") == 0) {
			sb_puts(o, "va_list");
			return true;
		}
	}
	if (!has || !stap_name_rec(&st, o, sub, has_sub, depth + 1))
		sb_puts(o, "void");
	switch (tag) {
	case DW_TAG_reference_type: sb_puts(o, "&"); break;
	case DW_TAG_rvalue_reference_type: sb_puts(o, "&&"); break;
	case DW_TAG_pointer_type: sb_puts(o, "*"); break;
	case DW_TAG_array_type: sb_puts(o, "[]"); break;
	case DW_TAG_const_type: {
		int st_tag = has ? dwarf_tag(&st) : 0;
		if (!has || (st_tag != DW_TAG_reference_type &&
			     st_tag != DW_TAG_rvalue_reference_type))
			sb_puts(o, " const");
		break;
	}
	case DW_TAG_volatile_type: sb_puts(o, " volatile"); break;
	case DW_TAG_restrict_type: sb_puts(o, " restrict"); break;
	}
	return true;
}

/* SystemTap's dwarf_type_decl(type, "", name): malloc'ed, or NULL. */
static char *stap_type_name(Dwarf_Die *t, int depth)
{
	struct sb o = { 0 };
	Dwarf_Die sub;
	bool has_sub = false;
	if (depth > MAX_DEPTH || !stap_name_rec(t, &o, &sub, &has_sub, depth)) {
		free(o.s);
		return NULL;
	}
	if (!has_sub) {
		if (!o.s)
			sb_puts(&o, "");
		return o.s;
	}
	struct sb s = { 0 };
	Dwarf_Die rt;
	bool ok = true;
	if (!type_die(&sub, &rt)) {
		sb_puts(&s, "void");
	} else {
		char *r = stap_type_name(&rt, depth + 1);
		ok = r != NULL;
		if (r)
			sb_puts(&s, r);
		free(r);
	}
	sb_puts(&s, " (");
	sb_puts(&s, sb_str(&o));
	sb_puts(&s, ") (");
	bool first = true;
	Dwarf_Die c;
	if (ok && dwarf_child(&sub, &c) == 0) {
		do {
			int tag = dwarf_tag(&c);
			if (tag != DW_TAG_unspecified_parameters && tag != DW_TAG_formal_parameter)
				continue;
			if (!first)
				sb_puts(&s, ", ");
			first = false;
			Dwarf_Die pt;
			if (tag == DW_TAG_unspecified_parameters) {
				sb_puts(&s, "...");
			} else if (!type_die(&c, &pt)) {
				sb_puts(&s, "void");
			} else {
				char *r = stap_type_name(&pt, depth + 1);
				if (!r) {
					ok = false;
					break;
				}
				sb_puts(&s, r);
				free(r);
			}
		} while (dwarf_siblingof(&c, &c) == 0);
	}
	if (first)
		sb_puts(&s, "void");
	sb_puts(&s, ")");
	free(o.s);
	if (!ok) {
		free(s.s);
		return NULL;
	}
	return s.s;
}

static const struct dwi_type *void_type(struct dwi *d)
{
	static const char key;   /* a key no DIE can have */
	struct tnode *t = map_get(&d->types, (uintptr_t)&key);
	if (!t) {
		t = arena_alloc(d->arena, sizeof(*t));
		t->d = d;
		t->pub.kind = DWI_VOID;
		t->pub.name = "void";
		t->target_done = t->members_done = t->enums_done = true;
		map_put(&d->types, (uintptr_t)&key, t);
	}
	return &t->pub;
}

static void build_named(struct dwi *d);

static int struct_tag_class(int tag)
{
	/* SystemTap's declaration_resolve treats struct and class alike. */
	return tag == DW_TAG_class_type ? DW_TAG_structure_type : tag;
}

/* The definition of a struct, union or class declared here only. */
static bool find_definition(struct dwi *d, Dwarf_Die *decl, Dwarf_Die *out)
{
	const char *name = dwarf_diename(decl);
	if (!name)
		return false;
	build_named(d);
	int tag = struct_tag_class(dwarf_tag(decl));
	for (struct named_type *n = map_get(&d->named, str_hash(name)); n; n = n->next)
		if (n->tag == tag && strcmp(n->name, name) == 0) {
			*out = n->die;
			return true;
		}
	return false;
}

static uint64_t subrange_count(Dwarf_Die *sr, bool *known)
{
	Dwarf_Word n;
	Dwarf_Attribute a;
	if (udata(sr, DW_AT_count, &n))
		return n;
	Dwarf_Sword lower = 0, upper;
	if (dwarf_attr_integrate(sr, DW_AT_lower_bound, &a) && dwarf_formsdata(&a, &lower) != 0)
		lower = 0;
	if (dwarf_attr_integrate(sr, DW_AT_upper_bound, &a)) {
		unsigned form = dwarf_whatform(&a);
		if ((form == DW_FORM_data1 || form == DW_FORM_data2 || form == DW_FORM_data4 ||
		     form == DW_FORM_data8 || form == DW_FORM_sdata || form == DW_FORM_udata ||
		     form == DW_FORM_implicit_const) && dwarf_formsdata(&a, &upper) == 0) {
			/* Unsigned forms of -1 (int x[0]) read back as 2^n - 1. */
			if (form == DW_FORM_data1 && upper == 0xff) upper = -1;
			if (form == DW_FORM_data2 && upper == 0xffff) upper = -1;
			if (form == DW_FORM_data4 && upper == 0xffffffff) upper = -1;
			return upper >= lower ? (uint64_t)(upper - lower + 1) : 0;
		}
	}
	*known = false;
	return 0;
}

static const struct dwi_type *type_of(struct dwi *d, Dwarf_Die *die);

static void fill_type(struct tnode *t)
{
	struct dwi *d = t->d;
	struct dwi_type *p = &t->pub;
	/* SystemTap's view first. */
	Dwarf_Die cur = t->die;
	int steps = 0;
	for (;;) {
		int tag = dwarf_tag(&cur);
		if (tag != DW_TAG_typedef && tag != DW_TAG_const_type &&
		    tag != DW_TAG_volatile_type && tag != DW_TAG_restrict_type) {
			t->stap_tag = tag;
			break;
		}
		if (!type_die(&cur, &cur) || ++steps > MAX_DEPTH) {
			t->stap_tag = 0;
			break;
		}
	}
	/* Then ours, through _Atomic too. */
	cur = t->die;
	steps = 0;
	for (;;) {
		int tag = dwarf_tag(&cur);
		if (tag == DW_TAG_const_type)
			p->is_const = true;
		else if (tag == DW_TAG_volatile_type)
			p->is_volatile = true;
		else if (tag == DW_TAG_atomic_type)
			p->is_atomic = true;
		else if (tag != DW_TAG_typedef && tag != DW_TAG_restrict_type)
			break;
		if (!type_die(&cur, &cur) || ++steps > MAX_DEPTH) {
			p->kind = steps > MAX_DEPTH ? DWI_OTHER : DWI_VOID;
			p->size = 0;
			t->target_done = t->members_done = t->enums_done = true;
			return;
		}
	}
	t->res = cur;
	t->has_res = true;
	Dwarf_Word w = 0;
	bool has_size = udata(&cur, DW_AT_byte_size, &w);
	p->size = has_size ? w : 0;
	Dwarf_Die cudie;
	if (dwarf_diecu(&cur, &cudie, NULL, NULL)) {
		t->is_cxx = lang_is_cxx(dwarf_srclang(&cudie));
	}
	switch (dwarf_tag(&cur)) {
	case DW_TAG_base_type: {
		Dwarf_Word enc = 0;
		udata(&cur, DW_AT_encoding, &enc);
		p->encoding = (unsigned)enc;
		switch (enc) {
		case DW_ATE_float:
		case DW_ATE_complex_float:
		case DW_ATE_imaginary_float:
		case DW_ATE_decimal_float:
			p->kind = DWI_FLOAT;
			break;
		case DW_ATE_boolean:
			p->kind = DWI_BOOL;
			break;
		case DW_ATE_signed_char:
		case DW_ATE_unsigned_char:
		case DW_ATE_UTF:
			p->kind = DWI_CHAR;
			break;
		case DW_ATE_signed:
		case DW_ATE_unsigned:
		case DW_ATE_signed_fixed:
		case DW_ATE_unsigned_fixed:
			p->kind = DWI_INT;
			break;
		default:
			p->kind = DWI_OTHER;
			break;
		}
		p->is_signed = enc == DW_ATE_signed || enc == DW_ATE_signed_char ||
			       enc == DW_ATE_signed_fixed;
		break;
	}
	case DW_TAG_enumeration_type: {
		p->kind = DWI_ENUM;
		Dwarf_Die ut;
		if (type_die(&cur, &ut)) {
			const struct dwi_type *u = type_of(d, &ut);
			p->is_signed = u->is_signed;
			if (!has_size)
				p->size = u->size;
		} else {
			/* No underlying type named: signed if a value is negative. */
			Dwarf_Die c;
			if (dwarf_child(&cur, &c) == 0)
				do {
					Dwarf_Attribute a;
					Dwarf_Sword v;
					if (dwarf_tag(&c) == DW_TAG_enumerator &&
					    dwarf_attr(&c, DW_AT_const_value, &a) &&
					    dwarf_whatform(&a) == DW_FORM_sdata &&
					    dwarf_formsdata(&a, &v) == 0 && v < 0)
						p->is_signed = true;
				} while (dwarf_siblingof(&c, &c) == 0);
		}
		break;
	}
	case DW_TAG_pointer_type:
		p->kind = DWI_POINTER;
		if (!has_size)
			p->size = 8;
		break;
	case DW_TAG_reference_type:
	case DW_TAG_rvalue_reference_type:
		p->kind = DWI_REFERENCE;
		if (!has_size)
			p->size = 8;
		break;
	case DW_TAG_array_type: {
		p->kind = DWI_ARRAY;
		bool known = true;
		uint64_t count = 1;
		int dims = 0;
		Dwarf_Die c;
		if (dwarf_child(&cur, &c) == 0)
			do {
				int ct = dwarf_tag(&c);
				if (ct != DW_TAG_subrange_type && ct != DW_TAG_enumeration_type)
					continue;
				dims++;
				count *= subrange_count(&c, &known);
			} while (dwarf_siblingof(&c, &c) == 0);
		p->count_known = known && dims > 0;
		p->count = p->count_known ? count : 0;
		if (!has_size && p->count_known) {
			const struct dwi_type *e = dwi_type_target(p);
			p->size = e ? p->count * e->size : 0;
		}
		break;
	}
	case DW_TAG_structure_type:
	case DW_TAG_class_type:
	case DW_TAG_union_type: {
		int tag = dwarf_tag(&cur);
		p->kind = DWI_STRUCT;
		p->tag = tag == DW_TAG_union_type ? DWI_TAG_UNION :
			 tag == DW_TAG_class_type ? DWI_TAG_CLASS : DWI_TAG_STRUCT;
		if (dwarf_hasattr(&cur, DW_AT_declaration)) {
			Dwarf_Die def;
			if (find_definition(d, &cur, &def)) {
				t->res = def;
				p->size = udata(&def, DW_AT_byte_size, &w) ? w : 0;
			} else {
				p->incomplete = true;
				p->size = 0;
			}
		}
		break;
	}
	case DW_TAG_subroutine_type:
		p->kind = DWI_FUNCTION;
		p->size = 0;
		break;
	default:
		p->kind = DWI_OTHER;
		break;
	}
}

static const struct dwi_type *type_of(struct dwi *d, Dwarf_Die *die)
{
	if (!die)
		return void_type(d);
	struct tnode *t = map_get(&d->types, (uintptr_t)die->addr);
	if (t)
		return &t->pub;
	t = arena_alloc(d->arena, sizeof(*t));
	t->d = d;
	t->die = *die;
	/* In the map before it is filled in, so a type that refers to itself
	 * finds this node. */
	map_put(&d->types, (uintptr_t)die->addr, t);
	char *name = stap_type_name(die, 0);
	t->pub.name = name ? arena_strdup(d->arena, name) : NULL;
	free(name);
	fill_type(t);
	return &t->pub;
}

const struct dwi_type *dwi_type_target(const struct dwi_type *pt)
{
	if (!pt)
		return NULL;
	struct tnode *t = tn(pt);
	if (t->target_done)
		return t->target;
	t->target_done = true;
	if (!t->has_res)
		return NULL;
	Dwarf_Die td;
	bool has = type_die(&t->res, &td);
	switch (pt->kind) {
	case DWI_POINTER:
	case DWI_REFERENCE:
		t->target = has ? type_of(t->d, &td) : void_type(t->d);
		break;
	case DWI_FUNCTION:
		t->target = has ? type_of(t->d, &td) : void_type(t->d);
		break;
	case DWI_ARRAY:
	case DWI_ENUM:
		t->target = has ? type_of(t->d, &td) : NULL;
		break;
	default:
		break;
	}
	return t->target;
}

/* A data member's offset: a constant, or DW_OP_plus_uconst N as DWARF 2
 * wrote it.  false when it is computed (virtual bases). */
static bool member_offset(Dwarf_Die *m, uint64_t *off)
{
	Dwarf_Attribute a;
	*off = 0;
	if (!dwarf_attr_integrate(m, DW_AT_data_member_location, &a))
		return true;    /* union members, and bit-fields by data_bit_offset */
	Dwarf_Word w;
	unsigned form = dwarf_whatform(&a);
	if (form != DW_FORM_block && form != DW_FORM_block1 && form != DW_FORM_block2 &&
	    form != DW_FORM_block4 && form != DW_FORM_exprloc && dwarf_formudata(&a, &w) == 0) {
		*off = w;
		return true;
	}
	Dwarf_Op *ops;
	size_t n;
	if (dwarf_getlocation(&a, &ops, &n) == 0 && n == 1 &&
	    (ops[0].atom == DW_OP_plus_uconst || ops[0].atom == DW_OP_constu)) {
		*off = ops[0].number;
		return true;
	}
	return false;
}

static void add_members(struct tnode *t, Dwarf_Die *s, struct dwi_member **v, size_t *n,
			size_t *cap, int depth)
{
	Dwarf_Die c;
	if (depth > 8 || dwarf_child(s, &c) != 0)
		return;
	do {
		int tag = dwarf_tag(&c);
		if (tag == DW_TAG_imported_unit) {
			Dwarf_Die imp;
			if (ref_die(&c, DW_AT_import, &imp))
				add_members(t, &imp, v, n, cap, depth + 1);
			continue;
		}
		if ((tag != DW_TAG_member && tag != DW_TAG_inheritance) ||
		    dwarf_hasattr(&c, DW_AT_declaration))
			continue;
		if (*n == *cap) {
			size_t ncap = *cap ? *cap * 2 : 8;
			struct dwi_member *nv = arena_alloc(t->d->arena, ncap * sizeof(*nv));
			if (*n)
				memcpy(nv, *v, *n * sizeof(*nv));
			*v = nv;
			*cap = ncap;
		}
		struct dwi_member *m = &(*v)[(*n)++];
		memset(m, 0, sizeof(*m));
		m->is_base = tag == DW_TAG_inheritance;
		m->name = m->is_base ? NULL : dwarf_diename(&c);
		Dwarf_Die mt;
		m->type = type_die(&c, &mt) ? type_of(t->d, &mt) : NULL;
		if (!member_offset(&c, &m->offset))
			m->is_virtual_base = true;
		Dwarf_Word bits, bo;
		if (!m->is_base && udata(&c, DW_AT_bit_size, &bits)) {
			uint64_t unit = m->type && m->type->size ? m->type->size : 4;
			m->is_bitfield = true;
			m->bit_size = (unsigned)bits;
			if (udata(&c, DW_AT_data_bit_offset, &bo)) {
				uint64_t at = (bo / 8) / unit * unit;
				m->offset = at;
				m->bit_shift = (unsigned)(bo - 8 * at);
				m->bit_offset = bo;
			} else if (udata(&c, DW_AT_bit_offset, &bo)) {
				/* DWARF 2 and 3 count from the most significant bit of
				 * the storage unit at data_member_location. */
				m->bit_shift = (unsigned)(unit * 8 - bo - bits);
				m->bit_offset = m->offset * 8 + m->bit_shift;
			} else {
				m->bit_offset = m->offset * 8;
			}
		}
	} while (dwarf_siblingof(&c, &c) == 0);
}

const struct dwi_member *dwi_type_members(const struct dwi_type *pt, size_t *n)
{
	*n = 0;
	if (!pt)
		return NULL;
	struct tnode *t = tn(pt);
	if (!t->members_done) {
		t->members_done = true;
		if (pt->kind == DWI_STRUCT && !pt->incomplete) {
			size_t cap = 0;
			add_members(t, &t->res, &t->members, &t->nmembers, &cap, 0);
		}
	}
	*n = t->nmembers;
	return t->members;
}

const struct dwi_enumerator *dwi_type_enumerators(const struct dwi_type *pt, size_t *n)
{
	*n = 0;
	if (!pt)
		return NULL;
	struct tnode *t = tn(pt);
	if (!t->enums_done) {
		t->enums_done = true;
		if (pt->kind == DWI_ENUM) {
			size_t cap = 0;
			Dwarf_Die c;
			if (dwarf_child(&t->res, &c) == 0)
				do {
					Dwarf_Attribute a;
					if (dwarf_tag(&c) != DW_TAG_enumerator ||
					    !dwarf_attr(&c, DW_AT_const_value, &a))
						continue;
					int64_t val;
					Dwarf_Sword sv;
					Dwarf_Word uv;
					if (pt->is_signed && dwarf_formsdata(&a, &sv) == 0)
						val = sv;
					else if (dwarf_formudata(&a, &uv) == 0)
						val = (int64_t)uv;
					else
						continue;
					if (t->nenums == cap) {
						cap = cap ? cap * 2 : 8;
						struct dwi_enumerator *nv =
							arena_alloc(t->d->arena, cap * sizeof(*nv));
						if (t->nenums)
							memcpy(nv, t->enums, t->nenums * sizeof(*nv));
						t->enums = nv;
					}
					t->enums[t->nenums++] = (struct dwi_enumerator){
						dwarf_diename(&c), val };
				} while (dwarf_siblingof(&c, &c) == 0);
		}
	}
	*n = t->nenums;
	return t->enums;
}

/* Lists the member names SystemTap would offer (dwflpp::get_members): the
 * named members, those of anonymous members and of base classes, sorted
 * and without repeats. */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void collect_names(const struct dwi_type *t, const char ***v, size_t *n, size_t *cap,
			  int depth)
{
	size_t nm;
	const struct dwi_member *m = dwi_type_members(t, &nm);
	if (depth > 16)
		return;
	for (size_t i = 0; i < nm; i++) {
		if (m[i].name) {
			if (*n == *cap) {
				*cap = *cap ? *cap * 2 : 16;
				*v = xrealloc(*v, *cap * sizeof(**v));
			}
			(*v)[(*n)++] = m[i].name;
		} else if (m[i].type) {
			collect_names(m[i].type, v, n, cap, depth + 1);
		}
	}
}

static void member_list(const struct dwi_type *t, struct sb *b, size_t limit)
{
	const char **v = NULL;
	size_t n = 0, cap = 0;
	collect_names(t, &v, &n, &cap, 0);
	if (n)
		qsort(v, n, sizeof(*v), cmp_str);
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && strcmp(v[i], v[i - 1]) == 0)
			continue;
		if (shown == limit) {
			sb_puts(b, ", ...");
			break;
		}
		if (shown++)
			sb_puts(b, ", ");
		sb_puts(b, v[i]);
	}
	free(v);
}

/* SystemTap's find_struct_member: breadth first through base classes,
 * depth first into anonymous members. */
static const struct dwi_member *find_member(const struct dwi_type *t, const char *name,
					    uint64_t *off, int depth)
{
	struct { const struct dwi_type *t; uint64_t off; } q[32];
	size_t head = 0, tail = 0;
	q[tail++].t = t;
	q[0].off = 0;
	if (depth > 16)
		return NULL;
	while (head < tail) {
		const struct dwi_type *cur = q[head].t;
		uint64_t base = q[head].off;
		head++;
		size_t n;
		const struct dwi_member *m = dwi_type_members(cur, &n);
		for (size_t i = 0; i < n; i++) {
			if (m[i].is_base) {
				if (m[i].type && !m[i].is_virtual_base && tail < 32) {
					q[tail].t = m[i].type;
					q[tail].off = base + m[i].offset;
					tail++;
				}
			} else if (!m[i].name) {
				uint64_t sub;
				const struct dwi_member *r = m[i].type ?
					find_member(m[i].type, name, &sub, depth + 1) : NULL;
				if (r) {
					*off = base + m[i].offset + sub;
					return r;
				}
			} else if (strcmp(m[i].name, name) == 0) {
				*off = base + m[i].offset;
				return &m[i];
			}
		}
	}
	return NULL;
}

const struct dwi_member *dwi_type_member(const struct dwi_type *t, const char *name,
					 uint64_t *offset, struct dwi_error *err)
{
	uint64_t off = 0;
	const struct dwi_member *m = NULL;
	if (t && t->kind == DWI_STRUCT && !t->incomplete)
		m = find_member(t, name, &off, 0);
	if (m) {
		if (offset)
			*offset = off;
		return m;
	}
	if (err) {
		struct sb b = { 0 };
		const char *tname = t && t->name ? t->name : "this type";
		if (!t || t->kind != DWI_STRUCT)
			set_err(err, "no member '%s': %s is not a struct, union or class", name, tname);
		else if (t->incomplete)
			set_err(err, "no member '%s': %s is declared but not defined here", name, tname);
		else {
			member_list(t, &b, 12);
			if (b.len)
				set_err(err, "no member '%s' in %s: members are %s", name, tname, b.s);
			else
				set_err(err, "no member '%s' in %s: it has no members", name, tname);
		}
		free(b.s);
	}
	return NULL;
}

/* Structs, unions, classes and enums by name, from the top level of every
 * unit and the namespaces in them, for completing declarations. */
static void named_from(struct dwi *d, Dwarf_Die *parent, int depth)
{
	Dwarf_Die c;
	if (depth > 16 || dwarf_child(parent, &c) != 0)
		return;
	do {
		int tag = dwarf_tag(&c);
		if (tag == DW_TAG_namespace) {
			named_from(d, &c, depth + 1);
			continue;
		}
		if (tag != DW_TAG_structure_type && tag != DW_TAG_class_type &&
		    tag != DW_TAG_union_type && tag != DW_TAG_enumeration_type)
			continue;
		const char *name = dwarf_diename(&c);
		if (!name || dwarf_hasattr(&c, DW_AT_declaration))
			continue;
		uintptr_t h = str_hash(name);
		struct named_type *head = map_get(&d->named, h);
		bool dup = false;
		for (struct named_type *n = head; n && !dup; n = n->next)
			dup = n->tag == struct_tag_class(tag) && strcmp(n->name, name) == 0;
		if (dup)
			continue;
		struct named_type *n = arena_alloc(d->arena, sizeof(*n));
		n->name = name;
		n->tag = struct_tag_class(tag);
		n->die = c;
		n->next = head;
		map_put(&d->named, h, n);
	} while (dwarf_siblingof(&c, &c) == 0);
}

static void build_named(struct dwi *d)
{
	if (d->named_done)
		return;
	d->named_done = true;
	read_units(d);
	for (size_t i = 0; i < d->ncus; i++)
		named_from(d, &d->cus[i].die, 0);
	/* Type units (DWARF 4 .debug_types, DWARF 5 type units). */
	Dwarf_CU *cu = NULL, *next;
	Dwarf_Half version;
	uint8_t type;
	Dwarf_Die cudie, sub;
	while (dwarf_get_units(d->dbg, cu, &next, &version, &type, &cudie, &sub) == 0) {
		cu = next;
		if (type == DW_UT_type || type == DW_UT_split_type || type == DW_UT_partial)
			named_from(d, &cudie, 0);
	}
}

/* ------------------------------------------------------------------ */
/* The System V x86-64 calling convention                              */

enum cls { C_NONE, C_INT, C_SSE, C_SSEUP, C_X87, C_X87UP, C_CX87, C_MEM };

static enum cls merge(enum cls a, enum cls b)
{
	if (a == b)
		return a;
	if (a == C_NONE)
		return b;
	if (b == C_NONE)
		return a;
	if (a == C_MEM || b == C_MEM)
		return C_MEM;
	if (a == C_INT || b == C_INT)
		return C_INT;
	if (a == C_X87 || a == C_X87UP || a == C_CX87 ||
	    b == C_X87 || b == C_X87UP || b == C_CX87)
		return C_MEM;
	return C_SSE;
}

static bool is_x87(const struct dwi_type *t)
{
	/* long double and _Float128 are both 16-byte floats; only the first
	 * is the x87 type. */
	const struct tnode *n = tn(t);
	const char *name = n->has_res ? dwarf_diename((Dwarf_Die *)&n->res) : NULL;
	return name && strstr(name, "long double");
}

static uint64_t type_align(const struct dwi_type *t, int depth)
{
	if (!t || depth > 16)
		return 1;
	struct tnode *n = tn(t);
	Dwarf_Word a;
	if (n->has_res && (udata(&n->die, DW_AT_alignment, &a) ||
			   udata(&n->res, DW_AT_alignment, &a)) && a)
		return a;
	switch (t->kind) {
	case DWI_ARRAY:
		return type_align(dwi_type_target(t), depth + 1);
	case DWI_STRUCT: {
		size_t nm;
		const struct dwi_member *m = dwi_type_members(t, &nm);
		uint64_t al = 1;
		for (size_t i = 0; i < nm; i++) {
			uint64_t ma = type_align(m[i].type, depth + 1);
			if (!m[i].is_bitfield && ma && m[i].offset % ma)
				return 1;     /* packed */
			if (ma > al)
				al = ma;
		}
		return t->size % al ? 1 : al;
	}
	case DWI_FLOAT:
		if (t->encoding == DW_ATE_complex_float)
			return t->size / 2 > 16 ? 16 : (t->size / 2 ? t->size / 2 : 1);
		/* fallthrough */
	default:
		return t->size > 16 ? 16 : (t->size ? t->size : 1);
	}
}

/* Whether a C++ class is passed as a pointer to a copy: the Itanium ABI
 * does that when it has a non-trivial copy or move constructor or
 * destructor.  Clang says so (DW_AT_calling_convention); for GCC, look
 * for a destructor, a user-declared copy or move constructor, virtual
 * functions or bases, and members or bases that are such classes. */
static bool passed_by_reference(const struct dwi_type *t, int depth)
{
	struct tnode *n = tn(t);
	if (t->kind != DWI_STRUCT || !n->has_res || !n->is_cxx || depth > 8)
		return false;
	Dwarf_Word cc;
	if (udata(&n->res, DW_AT_calling_convention, &cc)) {
		if (cc == 4)        /* DW_CC_pass_by_reference */
			return true;
		if (cc == 5)        /* DW_CC_pass_by_value */
			return false;
	}
	const char *cname = dwarf_diename(&n->res);
	Dwarf_Die c;
	if (dwarf_child(&n->res, &c) == 0)
		do {
			int tag = dwarf_tag(&c);
			if (tag == DW_TAG_inheritance && dwarf_hasattr(&c, DW_AT_virtuality))
				return true;
			if (tag == DW_TAG_member) {
				const char *mn = dwarf_diename(&c);
				if (mn && strncmp(mn, "_vptr", 5) == 0)
					return true;
				continue;
			}
			if (tag != DW_TAG_subprogram)
				continue;
			Dwarf_Word v;
			if (udata(&c, DW_AT_virtuality, &v) && v)
				return true;
			const char *fn = dwarf_diename(&c);
			if (!fn)
				continue;
			if (fn[0] == '~')
				return true;
			if (!cname || strcmp(fn, cname) != 0 || dwarf_hasattr(&c, DW_AT_defaulted) ||
			    dwarf_hasattr(&c, DW_AT_artificial))
				continue;
			/* A constructor whose one parameter after `this` is a
			 * reference to this class: a copy or move constructor. */
			Dwarf_Die p;
			int nparams = 0;
			bool self_ref = false;
			if (dwarf_child(&c, &p) == 0)
				do {
					if (dwarf_tag(&p) != DW_TAG_formal_parameter)
						continue;
					if (nparams++ == 0)
						continue;
					Dwarf_Die pt;
					if (!type_die(&p, &pt))
						continue;
					int pt_tag = dwarf_tag(&pt);
					if (pt_tag != DW_TAG_reference_type &&
					    pt_tag != DW_TAG_rvalue_reference_type)
						continue;
					const struct dwi_type *rt = dwi_type_target(type_of(n->d, &pt));
					self_ref = rt && rt->kind == DWI_STRUCT && tn(rt)->has_res &&
						   tn(rt)->res.addr == n->res.addr;
				} while (dwarf_siblingof(&p, &p) == 0);
			if (nparams == 2 && self_ref)
				return true;
		} while (dwarf_siblingof(&c, &c) == 0);
	size_t nm;
	const struct dwi_member *m = dwi_type_members(t, &nm);
	for (size_t i = 0; i < nm; i++) {
		const struct dwi_type *mt = m[i].type;
		while (mt && mt->kind == DWI_ARRAY)
			mt = dwi_type_target(mt);
		if (mt && passed_by_reference(mt, depth + 1))
			return true;
	}
	return false;
}

static bool classify_at(const struct dwi_type *t, uint64_t off, enum cls c[2], int depth)
{
	if (!t || depth > 16)
		return false;
	uint64_t al = type_align(t, 0);
	if (al > 1 && off % al)
		c[0] = C_MEM;
	switch (t->kind) {
	case DWI_INT:
	case DWI_CHAR:
	case DWI_BOOL:
	case DWI_ENUM:
	case DWI_POINTER:
	case DWI_REFERENCE:
		if (t->size == 16) {
			if (off % 16)
				return false;
			c[0] = merge(c[0], C_INT);
			c[1] = merge(c[1], C_INT);
			return true;
		}
		if (!t->size || t->size > 8 || off / 8 != (off + t->size - 1) / 8 || off >= 16)
			return false;
		c[off / 8] = merge(c[off / 8], C_INT);
		return true;
	case DWI_FLOAT:
		if (t->size == 16 && t->encoding == DW_ATE_float) {
			if (off)
				return false;
			if (is_x87(t)) {
				c[0] = merge(c[0], C_X87);
				c[1] = merge(c[1], C_X87UP);
			} else {
				c[0] = merge(c[0], C_SSE);
				c[1] = merge(c[1], C_SSEUP);
			}
			return true;
		}
		if (t->encoding == DW_ATE_complex_float && t->size == 32) {
			c[0] = C_MEM;
			return true;
		}
		if (t->encoding == DW_ATE_complex_float && t->size == 16) {
			if (off)
				return false;
			c[0] = merge(c[0], C_SSE);
			c[1] = merge(c[1], C_SSE);
			return true;
		}
		if (!t->size || t->size > 8 || off >= 16 || off / 8 != (off + t->size - 1) / 8)
			return false;
		c[off / 8] = merge(c[off / 8], C_SSE);
		return true;
	case DWI_ARRAY: {
		const struct dwi_type *e = dwi_type_target(t);
		if (!e || !e->size || !t->count_known)
			return t->size == 0;   /* a flexible array adds nothing */
		for (uint64_t i = 0; i < t->count; i++)
			if (!classify_at(e, off + i * e->size, c, depth + 1))
				return false;
		return true;
	}
	case DWI_STRUCT: {
		if (t->incomplete)
			return false;
		size_t nm;
		const struct dwi_member *m = dwi_type_members(t, &nm);
		for (size_t i = 0; i < nm; i++) {
			if (m[i].is_virtual_base)
				return false;
			if (m[i].is_bitfield) {
				if (!m[i].bit_size)
					continue;
				uint64_t first = off * 8 + m[i].bit_offset;
				uint64_t last = first + m[i].bit_size - 1;
				if (last >= 128)
					return false;
				c[first / 64] = merge(c[first / 64], C_INT);
				c[last / 64] = merge(c[last / 64], C_INT);
				continue;
			}
			if (!classify_at(m[i].type, off + m[i].offset, c, depth + 1))
				return false;
		}
		return true;
	}
	default:
		return false;
	}
}

/* Classifies an argument or return value: false when it goes in memory
 * (or cannot be classified: *known false). */
static bool classify(const struct dwi_type *t, enum cls c[2], bool *known)
{
	c[0] = c[1] = C_NONE;
	*known = true;
	if (t->size > 16) {
		if (t->kind == DWI_STRUCT || t->kind == DWI_ARRAY || t->kind == DWI_FLOAT)
			return false;
		*known = false;
		return false;
	}
	if (!classify_at(t, 0, c, 0)) {
		*known = false;
		return false;
	}
	if (c[0] == C_MEM || c[1] == C_MEM)
		return false;
	if (c[1] == C_X87UP && c[0] != C_X87)
		return false;
	if (c[0] == C_X87 || c[0] == C_CX87)
		return false;   /* arguments of x87 classes go in memory */
	if (c[1] == C_SSEUP && c[0] != C_SSE)
		c[1] = C_SSE;
	return true;
}

static struct dwi_abi abi_unsupported(const char *why)
{
	return (struct dwi_abi){ .kind = DWI_ABI_UNSUPPORTED, .reg = -1, .stack = -1, .why = why };
}

static const char *float_why(const struct dwi_type *t)
{
	if (t->encoding == DW_ATE_complex_float)
		return "a _Complex value";
	if (t->size == 16 && is_x87(t))
		return "a long double";
	return "a floating-point value";
}

static void assign_abi(struct fnode *f)
{
	int ints = 0, sses = 0;
	uint64_t stack = 0;
	enum cls c[2];
	bool known;
	const struct dwi_type *rt = f->ret;
	if (rt && (passed_by_reference(rt, 0) ||
		   (!classify(rt, c, &known) && known && rt->kind != DWI_FLOAT)))
		ints = 1;   /* the caller's buffer for the result, in rdi */
	for (size_t i = 0; i < f->nparams; i++) {
		struct dwi_var *v = &f->params[i];
		const struct dwi_type *t = v->type;
		if (f->pub.is_inline) {
			v->abi = abi_unsupported("in an inlined copy, not where the ABI puts it");
			continue;
		}
		if (f->pub.is_clone) {
			v->abi = abi_unsupported("not where the ABI puts it: the compiler "
						 "changed this function's parameters");
			continue;
		}
		if (!t || t->kind == DWI_VOID || t->kind == DWI_FUNCTION) {
			v->abi = abi_unsupported("of an unknown type");
			ints = 99;   /* later positions are unknown too */
			continue;
		}
		bool byref = passed_by_reference(t, 0);
		int nint = 0, nsse = 0;
		bool mem = false;
		uint64_t size = t->size, align = type_align(t, 0);
		if (byref) {
			nint = 1;
			size = align = 8;
		} else if (t->kind == DWI_OTHER) {
			/* decltype(nullptr) and data member pointers are one word;
			 * member function pointers two. */
			Dwarf_Die pt;
			struct tnode *n = tn(t);
			nint = n->has_res && dwarf_tag(&n->res) == DW_TAG_ptr_to_member_type &&
			       type_die(&n->res, &pt) && dwarf_tag(&pt) == DW_TAG_subroutine_type ? 2 : 1;
			size = align = 8 * (uint64_t)nint;
		} else if (classify(t, c, &known)) {
			for (int k = 0; k < 2; k++) {
				nint += c[k] == C_INT;
				nsse += c[k] == C_SSE;
			}
		} else if (!known) {
			v->abi = abi_unsupported("of a type uscript cannot place");
			ints = 99;
			continue;
		} else {
			mem = true;
		}
		struct dwi_abi a = { .reg = -1, .stack = -1 };
		bool in_regs = !mem && ints + nint <= 6 && sses + nsse <= 8;
		if (in_regs) {
			if (nint)
				a.reg = ints;
			ints += nint;
			sses += nsse;
		} else {
			if (align < 8)
				align = 8;
			stack = (stack + align - 1) / align * align;
			a.stack = (int)(8 + stack);
			stack += (size + 7) / 8 * 8;
		}
		bool scalar_int = t->kind == DWI_INT || t->kind == DWI_CHAR || t->kind == DWI_BOOL ||
				  t->kind == DWI_ENUM || t->kind == DWI_POINTER ||
				  t->kind == DWI_REFERENCE;
		if (byref) {
			a.kind = DWI_ABI_BYREF;
			a.size = 8;
		} else if (scalar_int && t->size <= 8) {
			a.kind = in_regs ? DWI_ABI_REG : DWI_ABI_STACK;
			a.size = (uint8_t)t->size;
		} else if (t->kind == DWI_INT || t->kind == DWI_CHAR) {
			a.kind = DWI_ABI_UNSUPPORTED;
			a.why = "an __int128";
		} else if (t->kind == DWI_FLOAT) {
			a.kind = DWI_ABI_UNSUPPORTED;
			a.why = float_why(t);
		} else if ((t->kind == DWI_STRUCT || t->kind == DWI_ARRAY) && !in_regs) {
			a.kind = DWI_ABI_MEMORY;
		} else if (t->kind == DWI_STRUCT && nint + nsse == 0) {
			a.kind = DWI_ABI_UNSUPPORTED;
			a.why = "an empty struct, which is not passed at all";
		} else if (t->kind == DWI_STRUCT) {
			a.kind = DWI_ABI_UNSUPPORTED;
			a.why = t->tag == DWI_TAG_UNION ? "a union passed in registers" :
				t->tag == DWI_TAG_CLASS ? "a class passed in registers" :
				"a struct passed in registers";
		} else {
			a.kind = DWI_ABI_UNSUPPORTED;
			a.why = "of a type uscript cannot read";
		}
		v->abi = a;
	}
}

static struct dwi_abi return_abi(const struct dwi_type *t)
{
	if (!t || t->kind == DWI_VOID)
		return abi_unsupported("void");
	switch (t->kind) {
	case DWI_INT:
	case DWI_CHAR:
	case DWI_BOOL:
	case DWI_ENUM:
	case DWI_POINTER:
	case DWI_REFERENCE:
		if (t->size && t->size <= 8)
			return (struct dwi_abi){ .kind = DWI_ABI_REG, .reg = -1, .stack = -1,
						 .size = (uint8_t)t->size };
		return abi_unsupported("an __int128");
	case DWI_FLOAT:
		return abi_unsupported(float_why(t));
	case DWI_STRUCT: {
		/* Returned in memory, the callee hands the caller's buffer
		 * back in rax. */
		enum cls c[2];
		bool known;
		if (!t->incomplete && (passed_by_reference(t, 0) ||
				       (!classify(t, c, &known) && known)))
			return (struct dwi_abi){ .kind = DWI_ABI_MEMORY, .reg = -1, .stack = -1 };
		return abi_unsupported(t->tag == DWI_TAG_UNION ? "a union returned in registers" :
				       t->tag == DWI_TAG_CLASS ? "a class returned in registers" :
				       "a struct returned in registers");
	}
	default:
		return abi_unsupported("of a type uscript cannot read");
	}
}

/* ------------------------------------------------------------------ */
/* Functions and their variables                                       */

/* Compilers name the code they split off or specialise after the
 * function: foo.part.0 (the tail of a partly inlined function),
 * foo.isra.0, foo.constprop.0 (GCC) and foo.specialized.1 (clang):
 * parameters removed, made constant, or replaced by what they point to.
 * DWARF says little about them; their symbols say it all.  The symbol
 * table is the file's, or its debug file's when it is stripped. */
static void read_partsyms(struct dwi *d, Elf *elf)
{
	for (Elf_Scn *scn = NULL; elf && (scn = elf_nextscn(elf, scn));) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || !sh.sh_entsize)
			continue;
		Elf_Data *data = elf_getdata(scn, NULL);
		size_t n = data ? data->d_size / sh.sh_entsize : 0;
		for (size_t i = 0; i < n; i++) {
			GElf_Sym sym;
			if (!gelf_getsym(data, (int)i, &sym) || GELF_ST_TYPE(sym.st_info) != STT_FUNC ||
			    !sym.st_value)
				continue;
			const char *name = elf_strptr(elf, sh.sh_link, sym.st_name);
			if (name && (strstr(name, ".part.") || strstr(name, ".isra.") ||
				     strstr(name, ".constprop.") || strstr(name, ".specialized.")))
				map_put(&d->partsyms, sym.st_value, (void *)name);
		}
	}
}

static const char *part_symbol_at(struct dwi *d, uint64_t addr)
{
	if (!d->partsyms_done) {
		d->partsyms_done = true;
		read_partsyms(d, d->elf);
		if (!d->partsyms.n && d->delf)
			read_partsyms(d, d->delf);
	}
	return map_get(&d->partsyms, addr);
}

/* A compiler clone: an out-of-line copy whose parameters are not its
 * abstract function's, in the same order, all of them variables.  C++
 * constructors and destructors are concrete copies too, which may leave
 * out the artificial parameters of their abstract form (__in_chrg,
 * __vtt_parm): those do not make a clone. */
static bool is_clone(struct fnode *f)
{
	Dwarf_Word cc;
	if (udata(&f->die, DW_AT_calling_convention, &cc) && cc == DW_CC_nocall)
		return true;
	if (f->pub.is_inline)
		return false;
	const char *sym = f->pub.entry ? part_symbol_at(f->d, f->pub.entry) : NULL;
	if (sym && (strstr(sym, ".isra.") || strstr(sym, ".constprop.") ||
		    strstr(sym, ".specialized.")))
		return true;
	Dwarf_Die origin;
	if (!ref_die(&f->die, DW_AT_abstract_origin, &origin))
		return false;
	Dwarf_Die a, b;
	bool has_a = dwarf_child(&origin, &a) == 0, has_b = dwarf_child(&f->die, &b) == 0;
	for (int guard = 0; guard < 10000; guard++) {
		while (has_a && dwarf_tag(&a) != DW_TAG_formal_parameter)
			has_a = dwarf_siblingof(&a, &a) == 0;
		while (has_b && dwarf_tag(&b) != DW_TAG_formal_parameter)
			has_b = dwarf_siblingof(&b, &b) == 0;
		if (!has_b) {
			/* What is left of the abstract list must be artificial. */
			for (; has_a; has_a = dwarf_siblingof(&a, &a) == 0)
				if (dwarf_tag(&a) == DW_TAG_formal_parameter &&
				    !dwarf_hasattr(&a, DW_AT_artificial))
					return true;
			return false;
		}
		if (!has_a)
			return true;
		Dwarf_Die bo;
		Dwarf_Attribute at;
		if (!ref_die(&b, DW_AT_abstract_origin, &bo) || dwarf_attr(&b, DW_AT_const_value, &at))
			return true;
		if (bo.addr != a.addr) {
			/* An artificial parameter of the abstract form left out. */
			if (!dwarf_hasattr(&a, DW_AT_artificial))
				return true;
			has_a = dwarf_siblingof(&a, &a) == 0;
			continue;
		}
		has_a = dwarf_siblingof(&a, &a) == 0;
		has_b = dwarf_siblingof(&b, &b) == 0;
	}
	return false;
}

static bool has_location_at(Dwarf_Die *v, uint64_t pc)
{
	Dwarf_Attribute a;
	if (dwarf_attr_integrate(v, DW_AT_const_value, &a))
		return true;
	if (!dwarf_attr_integrate(v, DW_AT_location, &a))
		return false;
	Dwarf_Op *expr;
	size_t len;
	return dwarf_getlocation_addr(&a, pc, &expr, &len, 1) == 1 && len > 0;
}

/* Where a variable with one fixed place (a static local, a namespace's
 * variable) is: DW_OP_addr or DW_OP_addrx as its whole location. */
static uint64_t static_address(Dwarf_Die *v)
{
	Dwarf_Attribute a, res;
	Dwarf_Op *ops;
	size_t n;
	Dwarf_Addr addr;
	if (!dwarf_attr_integrate(v, DW_AT_location, &a) || dwarf_getlocation(&a, &ops, &n) != 0 ||
	    n != 1)
		return 0;
	if (ops[0].atom == DW_OP_addr)
		return ops[0].number;
	if ((ops[0].atom == DW_OP_addrx || ops[0].atom == DW_OP_GNU_addr_index) &&
	    dwarf_getlocation_attr(&a, &ops[0], &res) == 0 && dwarf_formaddr(&res, &addr) == 0)
		return addr;
	return 0;
}

struct varvec {
	struct dwi_var *v;
	size_t n, cap;
};

static struct dwi_var *var_push(struct varvec *vv)
{
	if (vv->n == vv->cap) {
		vv->cap = vv->cap ? vv->cap * 2 : 8;
		vv->v = xrealloc(vv->v, vv->cap * sizeof(*vv->v));
	}
	struct dwi_var *v = &vv->v[vv->n++];
	memset(v, 0, sizeof(*v));
	return v;
}

static void fill_var(struct dwi *d, struct dwi_var *v, Dwarf_Die *die, uint64_t pc, bool param)
{
	Dwarf_Die t;
	v->name = dwarf_diename(die);
	v->type = type_die(die, &t) ? type_of(d, &t) : NULL;
	v->is_param = param;
	v->artificial = dwarf_hasattr_integrate(die, DW_AT_artificial);
	v->listed = v->name && v->type && v->type->name && pc && has_location_at(die, pc);
	v->abi = abi_unsupported("not a parameter");
	if (!param)
		v->addr = static_address(die);
}

static void build_sig(struct fnode *f)
{
	if (f->sig_done)
		return;
	f->sig_done = true;
	struct dwi *d = f->d;
	struct varvec pv = { 0 }, lv = { 0 };
	int *order = NULL;
	size_t norder = 0, ocap = 0;
	Dwarf_Die c;
	uint64_t pc = f->pub.entry;
	for (int s = -1; s < f->nouter; s++) {
		Dwarf_Die *scope = s < 0 ? &f->die : &f->outer[s];
		if (dwarf_child(scope, &c) != 0)
			continue;
		do {
			int tag = dwarf_tag(&c);
			if (tag == DW_TAG_unspecified_parameters && s < 0) {
				f->pub.variadic = true;
				continue;
			}
			if (!((tag == DW_TAG_formal_parameter && s < 0) || tag == DW_TAG_variable))
				continue;
			bool param = tag == DW_TAG_formal_parameter;
			struct varvec *vv = param ? &pv : &lv;
			fill_var(d, var_push(vv), &c, pc, param);
			if (norder == ocap) {
				ocap = ocap ? ocap * 2 : 16;
				order = xrealloc(order, ocap * sizeof(*order));
			}
			order[norder++] = param ? (int)(pv.n - 1) : ~(int)(lv.n - 1);
		} while (dwarf_siblingof(&c, &c) == 0);
	}
	f->params = arena_alloc(d->arena, sizeof(struct dwi_var) * (pv.n + 1));
	if (pv.n)
		memcpy(f->params, pv.v, sizeof(struct dwi_var) * pv.n);
	f->nparams = pv.n;
	f->locals = arena_alloc(d->arena, sizeof(struct dwi_var) * (lv.n + 1));
	if (lv.n)
		memcpy(f->locals, lv.v, sizeof(struct dwi_var) * lv.n);
	f->nlocals = lv.n;
	f->order = arena_alloc(d->arena, sizeof(int) * (norder + 1));
	if (norder)
		memcpy(f->order, order, sizeof(int) * norder);
	f->norder = norder;
	free(pv.v);
	free(lv.v);
	free(order);
	Dwarf_Die t;
	f->ret = type_die(&f->die, &t) ? type_of(d, &t) : NULL;
	if (f->ret && f->ret->kind == DWI_VOID)
		f->ret = NULL;
	f->ret_abi = return_abi(f->ret);
	assign_abi(f);
}

const struct dwi_var *dwi_func_params(const struct dwi_func *pf, size_t *n)
{
	struct fnode *f = fnode_of(pf);
	build_sig(f);
	*n = f->nparams;
	return f->params;
}

const struct dwi_var *dwi_func_locals(const struct dwi_func *pf, size_t *n)
{
	struct fnode *f = fnode_of(pf);
	build_sig(f);
	*n = f->nlocals;
	return f->locals;
}

const struct dwi_type *dwi_func_return(const struct dwi_func *pf)
{
	struct fnode *f = fnode_of(pf);
	build_sig(f);
	return f->ret;
}

struct dwi_abi dwi_func_return_abi(const struct dwi_func *pf)
{
	struct fnode *f = fnode_of(pf);
	build_sig(f);
	return f->ret_abi;
}

const struct dwi_var *dwi_func_param(const struct dwi_func *pf, const char *name,
				     struct dwi_error *err)
{
	size_t n;
	const struct dwi_var *v = dwi_func_params(pf, &n);
	for (size_t i = 0; i < n; i++)
		if (v[i].name && strcmp(v[i].name, name) == 0)
			return &v[i];
	if (err) {
		struct sb b = { 0 };
		for (size_t i = 0; i < n; i++) {
			if (!v[i].name)
				continue;
			if (b.len)
				sb_puts(&b, ", ");
			sb_puts(&b, v[i].name);
		}
		if (b.len)
			set_err(err, "no parameter '%s' in %s: parameters are %s", name, pf->name, b.s);
		else
			set_err(err, "no parameter '%s' in %s: it has no parameters", name, pf->name);
		free(b.s);
	}
	return NULL;
}

/* " $a:int $b:char*" from variables in DWARF order, each once. */
static const char *listing_of(struct dwi *d, const struct dwi_type *ret, bool with_return,
			      const struct dwi_var *const *vars, size_t n)
{
	struct sb b = { 0 };
	const char **seen = xcalloc(n + 1, sizeof(char *));
	size_t nseen = 0;
	if (with_return && ret && ret->name) {
		sb_puts(&b, " $return:");
		sb_puts(&b, ret->name);
	}
	for (size_t i = 0; i < n; i++) {
		const struct dwi_var *v = vars[i];
		if (!v->listed)
			continue;
		char *item = arena_printf(d->arena, " $%s:%s", v->name, v->type->name);
		bool dup = false;
		for (size_t k = 0; k < nseen && !dup; k++)
			dup = strcmp(seen[k], item) == 0;
		if (dup)
			continue;
		seen[nseen++] = item;
		sb_puts(&b, item);
	}
	free(seen);
	const char *s = arena_strdup(d->arena, sb_str(&b));
	free(b.s);
	return s;
}

const char *dwi_func_listing(const struct dwi_func *pf, bool with_return)
{
	struct fnode *f = fnode_of(pf);
	build_sig(f);
	if (!f->listing[with_return]) {
		const struct dwi_var **vars = xcalloc(f->norder + 1, sizeof(*vars));
		for (size_t i = 0; i < f->norder; i++)
			vars[i] = f->order[i] >= 0 ? &f->params[f->order[i]] : &f->locals[~f->order[i]];
		f->listing[with_return] = listing_of(f->d, f->ret, with_return, vars, f->norder);
		free(vars);
	}
	return f->listing[with_return];
}

/* ------------------------------------------------------------------ */
/* Probe sites                                                         */

static bool has_wildcard(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

static bool pat_match(const char *pat, const char *s)
{
	return has_wildcard(pat) ? fnmatch(pat, s, 0) == 0 : strcmp(pat, s) == 0;
}

/* SystemTap's tokenize_cxx: splits at "::" outside template brackets. */
static int split_scopes(struct arena *a, const char *s, const char **out, int max)
{
	int n = 0, angle = 0;
	const char *start = s;
	for (const char *p = s; *p; p++) {
		if (*p == '<')
			angle++;
		else if (*p == '>' && angle > 0)
			angle--;
		else if (angle == 0 && p[0] == ':' && p[1] == ':') {
			if (n < max)
				out[n++] = arena_strndup(a, start, (size_t)(p - start));
			start = p + 2;
			p++;
		}
	}
	if (n < max)
		out[n++] = arena_strdup(a, start);
	return n;
}

struct sitevec {
	struct dwi_site *v;
	size_t n, cap;
};

static void site_push(struct sitevec *sv, struct dwi_site s)
{
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 32;
		sv->v = xrealloc(sv->v, sv->cap * sizeof(*sv->v));
	}
	sv->v[sv->n++] = s;
}

const struct dwi_site *dwi_inlines(struct dwi *d, const struct dwi_func *pf, size_t *n)
{
	struct fnode *f = fnode_of(pf);
	*n = 0;
	if (!f->inl_done) {
		f->inl_done = true;
		index_all(d);
		size_t count = 0;
		for (struct inl *i = map_get(&d->inlines, (uintptr_t)f->die.addr); i; i = i->next)
			count += i->entry != 0;
		f->inl = arena_alloc(d->arena, sizeof(*f->inl) * (count + 1));
		/* The list is newest first; the sites go in DWARF order. */
		size_t k = count;
		for (struct inl *i = map_get(&d->inlines, (uintptr_t)f->die.addr); i; i = i->next) {
			if (!i->entry)
				continue;
			f->inl[--k] = (struct dwi_site){
				.func = &f->pub, .entry = i->entry,
				.caller = i->caller ? &i->caller->pub : NULL,
				.name = f->pub.name, .priv = i };
		}
		f->ninl = count;
	}
	*n = f->ninl;
	return f->inl;
}

const char *dwi_site_listing(const struct dwi_site *s, bool with_return)
{
	struct inl *i = (struct inl *)s->priv;
	if (!i)
		return dwi_func_listing(s->func, with_return);
	if (i->listing)
		return i->listing;
	struct dwi *d = fnode_of(s->func)->d;
	struct varvec vv = { 0 };
	Dwarf_Die c;
	if (dwarf_child(&i->die, &c) == 0)
		do {
			int tag = dwarf_tag(&c);
			if (tag == DW_TAG_formal_parameter || tag == DW_TAG_variable)
				fill_var(d, var_push(&vv), &c, i->entry, tag == DW_TAG_formal_parameter);
		} while (dwarf_siblingof(&c, &c) == 0);
	const struct dwi_var **vars = xcalloc(vv.n + 1, sizeof(*vars));
	for (size_t k = 0; k < vv.n; k++)
		vars[k] = &vv.v[k];
	i->listing = listing_of(d, NULL, false, vars, vv.n);
	free(vars);
	free(vv.v);
	return i->listing;
}

/* The match, as tapsets.cxx's query_dwarf_func and dwflpp's
 * iterate_over_functions and function_scope_matches do it. */
static int match(struct dwi *d, const char *pattern, unsigned flags, bool any,
		 struct dwi_site **out)
{
	*out = NULL;
	if (!d)
		return 0;
	index_all(d);
	const char *pscopes[64];
	int npat = 0;
	const char *fpat = pattern;
	const char *sep = NULL;
	for (const char *p = strstr(pattern, "::"); p; p = strstr(p + 1, "::"))
		sep = p;
	if (sep && !any) {
		char *head = arena_strndup(d->arena, pattern, (size_t)(sep - pattern));
		npat = split_scopes(d->arena, head, pscopes, 64);
		fpat = sep + 2;
	}
	bool wild = has_wildcard(fpat), mangled = strncmp(fpat, "_Z", 2) == 0;
	struct sitevec sv = { 0 };
	struct map seen_entry = { 0 }, seen_inline = { 0 };
	for (size_t u = 0; u < d->ncus; u++) {
		for (struct fnode *f = d->cus[u].first; f; f = f->next) {
			if (!any) {
				bool ok = strcmp(f->pub.name, fpat) == 0 ||
					  (wild && (fnmatch(fpat, f->pub.name, 0) == 0));
				if (!ok && mangled && f->pub.linkage)
					ok = fnmatch(fpat, f->pub.linkage, 0) == 0;
				if (!ok)
					continue;
			}
			/* The innermost scopes must match the pattern's, in order. */
			const char *display = f->pub.name;
			bool ok = true;
			int k = f->pub.nscopes;
			for (int i = npat - 1; i >= 0 && ok; i--) {
				k--;
				const char *sn = k >= 0 && f->pub.scopes[k] ? f->pub.scopes[k] : "";
				ok = pat_match(pscopes[i], sn) && !(k < 0 && i > 0);
				if (ok)
					display = arena_printf(d->arena, "%s::%s", sn, display);
			}
			if (!ok)
				continue;
			if (f->pub.is_inline) {
				if (!(flags & DWI_MATCH_INLINES))
					continue;
				size_t n;
				const struct dwi_site *in = dwi_inlines(d, &f->pub, &n);
				for (size_t i = 0; i < n; i++) {
					/* SystemTap's inline_dupes: the same entry, line,
					 * name and file count once. */
					uintptr_t key = (uintptr_t)(in[i].entry * 31 +
						(uint64_t)f->pub.decl_line) ^ str_hash(display) ^
						(f->pub.decl_file ? str_hash(f->pub.decl_file) : 0);
					uintptr_t at = (uintptr_t)map_get(&seen_inline, key);
					if (at) {
						const struct dwi_site *o = &sv.v[at - 1];
						if (o->entry == in[i].entry &&
						    o->func->decl_line == f->pub.decl_line &&
						    strcmp(o->name, display) == 0)
							continue;
					}
					struct dwi_site s = in[i];
					s.name = display;
					site_push(&sv, s);
					if (!at)
						map_put(&seen_inline, key, (void *)(uintptr_t)sv.n);
				}
				continue;
			}
			if (!f->pub.entry || map_get(&seen_entry, f->pub.entry))
				continue;
			/* The tail of a partly inlined function is no entry
			 * point (SystemTap's PR12609 rule). */
			const char *sym = part_symbol_at(d, f->pub.entry);
			if (sym && strstr(sym, ".part."))
				continue;
			map_put(&seen_entry, f->pub.entry, f);
			site_push(&sv, (struct dwi_site){ .func = &f->pub, .entry = f->pub.entry,
							  .name = display });
		}
	}
	map_free(&seen_entry);
	map_free(&seen_inline);
	*out = sv.v;
	return (int)sv.n;
}

int dwi_match(struct dwi *d, const char *pattern, unsigned flags, struct dwi_site **out)
{
	return match(d, pattern, flags, false, out);
}

int dwi_functions(struct dwi *d, struct dwi_site **out)
{
	return match(d, "*", DWI_MATCH_INLINES, true, out);
}

/* ------------------------------------------------------------------ */
/* Accesses: $p->a[2].b                                                */

/* The DIE-level walk below follows dwflpp::translate_components and
 * translate_final_fetch_or_store, so that what reads, and what fails
 * with which message, is what SystemTap does; its messages are kept. */

/* SystemTap's name for a type DIE, or "<unknown>" as it says then. */
static const char *die_type_name(struct dwi *d, Dwarf_Die *die)
{
	const char *n = die ? type_of(d, die)->name : NULL;
	return n ? n : "<unknown>";
}

/* Through typedef, const, volatile and restrict (not _Atomic), as
 * resolve_unqualified_inner_typedie; false when that ends in nothing. */
static bool resolve_unqualified(Dwarf_Die *die, Dwarf_Die *out)
{
	*out = *die;
	for (int steps = 0; steps < MAX_DEPTH; steps++) {
		int tag = dwarf_tag(out);
		if (tag != DW_TAG_typedef && tag != DW_TAG_const_type &&
		    tag != DW_TAG_volatile_type && tag != DW_TAG_restrict_type)
			return true;
		if (!type_die(out, out))
			return false;
	}
	return false;
}

static const char *comp_text(struct arena *a, const struct dwi_comp *c)
{
	if (c->member)
		return arena_printf(a, "->%s", c->member);
	if (c->runtime)
		return arena_printf(a, "[%s]", c->text ? c->text : "...");
	return arena_printf(a, "[%" PRId64 "]", c->index);
}

struct acc {
	struct dwi *d;
	struct dwi_access *out;
	struct dwi_error *err;
	bool is_addr;       /* v is the address of the current object, not its value */
	int slots;
};

static bool emit(struct acc *a, struct dwi_op op)
{
	/* Offsets one after the other are one offset. */
	struct dwi_op *last = a->out->nops ? &a->out->ops[a->out->nops - 1] : NULL;
	if (op.code == DWI_OP_ADD && last && last->code == DWI_OP_ADD) {
		last->n += op.n;
		if (!last->n)
			a->out->nops--;
		return true;
	}
	if (a->out->nops >= DWI_MAX_OPS) {
		set_err(a->err, "too many components");
		return false;
	}
	a->out->ops[a->out->nops++] = op;
	return true;
}

/* v becomes the pointer's value, and the address of what it points to
 * (translate_pointer). */
static bool acc_pointer(struct acc *a)
{
	if (a->is_addr && !emit(a, (struct dwi_op){ .code = DWI_OP_LOAD, .size = 8 }))
		return false;
	a->is_addr = true;
	return true;
}

/* The element size SystemTap indexes by (array_stride, pointer_stride):
 * the byte_size of the element type through typedefs and qualifiers. */
static bool stride_of(struct acc *a, Dwarf_Die *arr, uint64_t *stride)
{
	Dwarf_Word w;
	Dwarf_Attribute at;
	if (dwarf_attr_integrate(arr, DW_AT_byte_stride, &at) && dwarf_formudata(&at, &w) == 0) {
		*stride = w;
		return true;
	}
	Dwarf_Die el;
	if (!dwarf_formref_die(dwarf_attr_integrate(arr, DW_AT_type, &at), &el)) {
		set_err(a->err, "cannot get element type of array type %s",
			dwarf_diename(arr) ? dwarf_diename(arr) : "<anonymous>");
		return false;
	}
	for (int steps = 0; steps < MAX_DEPTH; steps++) {
		int tag = dwarf_tag(&el);
		if (tag != DW_TAG_typedef && tag != DW_TAG_const_type &&
		    tag != DW_TAG_volatile_type && tag != DW_TAG_restrict_type)
			break;
		if (!dwarf_formref_die(dwarf_attr_integrate(&el, DW_AT_type, &at), &el)) {
			set_err(a->err, "cannot get inner type of type %s",
				dwarf_diename(&el) ? dwarf_diename(&el) : "<anonymous>");
			return false;
		}
	}
	if (!udata(&el, DW_AT_byte_size, &w)) {
		set_err(a->err, "confused about array element size");
		return false;
	}
	*stride = w;
	return true;
}

/* get_members(): the names a struct offers, through anonymous members
 * and base classes, each once.  false with err set where SystemTap
 * throws instead. */
static bool die_members(struct dwi *d, Dwarf_Die *t, const char ***v, size_t *n, size_t *cap,
			struct dwi_error *err, int depth)
{
	int tag = dwarf_tag(t);
	if (depth > 16)
		return true;
	if (tag != DW_TAG_structure_type && tag != DW_TAG_class_type &&
	    tag != DW_TAG_union_type && tag != DW_TAG_compile_unit &&
	    tag != DW_TAG_partial_unit) {
		set_err(err, "Type %s isn't a struct/class/union", die_type_name(d, t));
		return false;
	}
	Dwarf_Die c, sub;
	if (dwarf_child(t, &c) != 0) {
		set_err(err, "Type %s is empty", die_type_name(d, t));
		return false;
	}
	do {
		int ct = dwarf_tag(&c);
		if (ct == DW_TAG_imported_unit && ref_die(&c, DW_AT_import, &sub) &&
		    !die_members(d, &sub, v, n, cap, err, depth + 1))
			return false;
		if (ct != DW_TAG_member && ct != DW_TAG_inheritance)
			continue;
		const char *name = dwarf_diename(&c);
		if (ct == DW_TAG_member && name) {
			bool dup = false;
			for (size_t i = 0; i < *n && !dup; i++)
				dup = strcmp((*v)[i], name) == 0;
			if (dup)
				continue;
			if (*n == *cap) {
				*cap = *cap ? *cap * 2 : 16;
				*v = xrealloc(*v, *cap * sizeof(**v));
			}
			(*v)[(*n)++] = name;
		} else {
			if (!type_die(&c, &sub)) {
				set_err(err, "Couldn't obtain type attribute for anonymous member");
				return false;
			}
			if (!die_members(d, &sub, v, n, cap, err, depth + 1))
				return false;
		}
	} while (dwarf_siblingof(&c, &c) == 0);
	return true;
}

/* SystemTap's levenshtein(): substitutions cost 2, or 1 between letters
 * differing only in case; insertions and deletions 2. */
static unsigned levenshtein(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned *row = xcalloc(lb + 1, sizeof(*row));
	for (size_t j = 0; j <= lb; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned diag = row[0];
		row[0] = (unsigned)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned up = row[j], best;
			if (a[i - 1] == b[j - 1]) {
				best = diag;
			} else {
				unsigned sub = tolower((unsigned char)a[i - 1]) ==
					       tolower((unsigned char)b[j - 1]) ? 1 : 2;
				best = diag + sub;
				if (up + 2 < best)
					best = up + 2;
				if (row[j - 1] + 2 < best)
					best = row[j - 1] + 2;
			}
			diag = up;
			row[j] = best;
		}
	}
	unsigned r = row[lb];
	free(row);
	return r;
}

struct scored {
	unsigned score;
	const char *name;
};

static int cmp_scored(const void *x, const void *y)
{
	const struct scored *a = x, *b = y;
	if (a->score != b->score)
		return a->score < b->score ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* "unable to find member 'q' for struct outer (alternatives: id, in)":
 * every member, nearest first (levenshtein_suggest without limits). */
static void member_error(struct acc *a, Dwarf_Die *t, const char *name)
{
	struct dwi *d = a->d;
	struct sb b = { 0 };
	sb_puts(&b, die_type_name(d, t));
	Dwarf_Attribute at;
	int line;
	const char *file = decl_file(t);
	if (!dwarf_attr_integrate(t, DW_AT_name, &at) && file && dwarf_decl_line(t, &line) == 0) {
		char *src = arena_printf(d->arena, " (%s:%d)", file, line);
		sb_puts(&b, src);
	}
	const char **v = NULL;
	size_t n = 0, cap = 0;
	if (!die_members(d, t, &v, &n, &cap, a->err, 0)) {
		free(v);
		free(b.s);
		return;
	}
	struct scored *sc = xcalloc(n + 1, sizeof(*sc));
	size_t ns = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i][0])
			sc[ns++] = (struct scored){ levenshtein(name, v[i]), v[i] };
	qsort(sc, ns, sizeof(*sc), cmp_scored);
	if (ns) {
		sb_puts(&b, " (alternatives: ");
		for (size_t i = 0; i < ns; i++) {
			if (i)
				sb_puts(&b, ", ");
			sb_puts(&b, sc[i].name);
		}
		sb_puts(&b, ")");
	}
	set_err(a->err, "unable to find member '%s' for %s", name, b.s);
	free(sc);
	free(v);
	free(b.s);
}

/* find_struct_member(): breadth first through base classes, depth first
 * into anonymous members and imported units.  1 found (*member, *off
 * from the start of t), 0 not there, -1 found where SystemTap would
 * compute the place (a virtual base: an error here), -2 found without a
 * place (a static member). */
static int find_die_member(struct acc *a, Dwarf_Die *t, const char *name, Dwarf_Die *member,
			   uint64_t *off, int depth)
{
	struct q {
		Dwarf_Die die;
		uint64_t off;
		bool computed;
	} q[64];
	size_t head = 0, tail = 0;
	if (depth > 16)
		return 0;
	q[tail++] = (struct q){ *t, 0, false };
	for (; head < tail; head++) {
		Dwarf_Die c, sub;
		if (dwarf_child(&q[head].die, &c) != 0)
			continue;
		do {
			int tag = dwarf_tag(&c);
			if (tag == DW_TAG_imported_unit && ref_die(&c, DW_AT_import, &sub)) {
				uint64_t o;
				int r = find_die_member(a, &sub, name, member, &o, depth + 1);
				if (r) {
					*off = q[head].off + o;
					return q[head].computed ? -1 : r;
				}
			}
			if (tag != DW_TAG_member && tag != DW_TAG_inheritance)
				continue;
			uint64_t mo = 0;
			bool constant = member_offset(&c, &mo);
			const char *cname = dwarf_diename(&c);
			if (tag == DW_TAG_inheritance) {
				if (type_die(&c, &sub) && tail < sizeof(q) / sizeof(q[0]))
					q[tail++] = (struct q){ sub, q[head].off + mo,
								q[head].computed || !constant };
			} else if (!cname) {
				uint64_t o;
				int r = type_die(&c, &sub) ?
					find_die_member(a, &sub, name, member, &o, depth + 1) : 0;
				if (r) {
					*off = q[head].off + mo + o;
					return q[head].computed || !constant ? -1 : r;
				}
			} else if (strcmp(cname, name) == 0) {
				*member = c;
				*off = q[head].off + mo;
				/* A static member (DWARF 4 writes them as members)
				 * has no place in the object. */
				if (!dwarf_hasattr_integrate(&c, DW_AT_data_member_location) &&
				    !dwarf_hasattr_integrate(&c, DW_AT_data_bit_offset) &&
				    dwarf_tag(t) != DW_TAG_union_type)
					return -2;
				return q[head].computed || !constant ? -1 : 1;
			}
		} while (dwarf_siblingof(&c, &c) == 0);
	}
	return 0;
}

static bool is_bitfield_member(Dwarf_Die *m)
{
	return dwarf_hasattr_integrate(m, DW_AT_bit_offset) ||
	       dwarf_hasattr_integrate(m, DW_AT_data_bit_offset);
}

/* The final fetch: what v becomes for a value of type `type` (as
 * reached), read as member `vardie` when has_var. */
static bool acc_final(struct acc *a, Dwarf_Die *type, Dwarf_Die *vardie, bool has_var)
{
	struct dwi *d = a->d;
	Dwarf_Die t;
	if (!resolve_unqualified(type, &t)) {
		set_err(a->err, "cannot get type of pointee");
		return false;
	}
	a->out->type = type_of(d, &t);
	int tag = dwarf_tag(&t);
	switch (tag) {
	case DW_TAG_structure_type:
	case DW_TAG_class_type:
	case DW_TAG_union_type: {
		struct sb src = { 0 };
		const char *file = decl_file(&t);
		int line = 0;
		if (file && *file && dwarf_decl_line(&t, &line) == 0 && line > 0) {
			char *s = arena_printf(d->arena, " (%s:%d)", file, line);
			sb_puts(&src, s);
		}
		const char **v = NULL;
		size_t n = 0, cap = 0;
		const char *first = NULL;
		if (die_members(d, &t, &v, &n, &cap, NULL, 0))
			for (size_t i = 0; i < n; i++)
				if (!first || strcmp(v[i], first) < 0)
					first = v[i];
		set_err(a->err, "'%s'%s is being accessed instead of a member%s%s%s",
			die_type_name(d, &t), sb_str(&src), first ? " such as '->" : "",
			first ? first : "", first ? "'" : "");
		free(v);
		free(src.s);
		return false;
	}
	case DW_TAG_base_type:
	case DW_TAG_enumeration_type: {
		bool is_signed = false;
		Dwarf_Word enc = (Dwarf_Word)-1, size;
		if (tag == DW_TAG_base_type) {
			if (!udata(&t, DW_AT_encoding, &enc)) {
				set_err(a->err, "unsupported type (mystery encoding %" PRIu64 " for %s",
					(uint64_t)enc, die_type_name(d, &t));
				return false;
			}
			is_signed = enc == DW_ATE_signed || enc == DW_ATE_signed_char;
		}
		if (!udata(&t, DW_AT_byte_size, &size)) {
			set_err(a->err, "cannot get byte_size attribute for type %s",
				dwarf_diename(&t) ? dwarf_diename(&t) : "<anonymous>");
			return false;
		}
		if (size > 8 && tag == DW_TAG_base_type) {
			set_err(a->err, "cannot process >64-bit values");
			return false;
		}
		if (size != 1 && size != 2 && size != 4 && size != 8) {
			set_err(a->err, "cannot read a %" PRIu64 "-byte value", (uint64_t)size);
			return false;
		}
		Dwarf_Word bits = 0, bit_off = 0;
		bool bitfield = has_var && is_bitfield_member(vardie);
		unsigned shift = 0;
		if (bitfield) {
			udata(vardie, DW_AT_bit_size, &bits);
			if (udata(vardie, DW_AT_data_bit_offset, &bit_off)) {
				/* The storage unit: the type's size, aligned down. */
				uint64_t unit = (bit_off / 8) / size * size;
				if (unit && a->is_addr &&
				    !emit(a, (struct dwi_op){ .code = DWI_OP_ADD, .n = (int64_t)unit }))
					return false;
				shift = (unsigned)(bit_off - 8 * unit);
			} else if (udata(vardie, DW_AT_bit_offset, &bit_off)) {
				/* DWARF 2-4 count from the most significant bit. */
				shift = (unsigned)(size * 8 - bit_off - bits);
			}
			if (!bits || shift + bits > 64) {
				set_err(a->err, "cannot get bit field parameters");
				return false;
			}
		}
		if (a->is_addr) {
			if (!emit(a, (struct dwi_op){ .code = DWI_OP_LOAD, .size = (uint8_t)size,
						      .is_signed = is_signed }))
				return false;
		} else if (size < 8) {
			if (!emit(a, (struct dwi_op){ .code = DWI_OP_EXTEND, .size = (uint8_t)size,
						      .is_signed = is_signed }))
				return false;
		}
		if (bitfield && !emit(a, (struct dwi_op){ .code = DWI_OP_BITS, .shift = (uint8_t)shift,
							 .width = (uint8_t)bits,
							 .is_signed = is_signed }))
			return false;
		if (tag == DW_TAG_base_type && enc == DW_ATE_float && size == 4 &&
		    !emit(a, (struct dwi_op){ .code = DWI_OP_FP32 }))
			return false;
		return true;
	}
	case DW_TAG_array_type:
		if (!a->is_addr) {
			set_err(a->err, "cannot take the address of an array held in a register");
			return false;
		}
		a->out->is_address = true;
		return true;
	case DW_TAG_pointer_type:
	case DW_TAG_reference_type:
	case DW_TAG_rvalue_reference_type:
		return acc_pointer(a);
	default:
		set_err(a->err, "unsupported type tag %d for %s", tag, die_type_name(d, &t));
		return false;
	}
}

static int acc_walk(struct acc *a, Dwarf_Die *start, const struct dwi_comp *comps, size_t n)
{
	struct dwi *d = a->d;
	Dwarf_Die type = *start, vardie;
	bool has_var = false;
	size_t i = 0;
	int guard = 0;
	while (i < n) {
		const struct dwi_comp *c = &comps[i];
		if (++guard > 4 * MAX_DEPTH) {
			set_err(a->err, "too many components");
			return -1;
		}
		int tag = dwarf_tag(&type);
		switch (tag) {
		case DW_TAG_typedef:
		case DW_TAG_const_type:
		case DW_TAG_volatile_type:
		case DW_TAG_restrict_type:
			if (!type_die(&type, &type)) {
				set_err(a->err, "cannot get type of field");
				return -1;
			}
			continue;
		case DW_TAG_reference_type:
		case DW_TAG_rvalue_reference_type:
			if (!acc_pointer(a))
				return -1;
			if (!type_die(&type, &type)) {
				set_err(a->err, "cannot get type of field");
				return -1;
			}
			continue;
		case DW_TAG_pointer_type:
			if (!dwarf_hasattr_integrate(&type, DW_AT_type)) {
				set_err(a->err, "invalid access '%s' vs '%s'", comp_text(d->arena, c),
					die_type_name(d, &type));
				return -1;
			}
			if (!acc_pointer(a))
				return -1;
			if (c->member) {
				type_die(&type, &type);
				continue;
			}
			/* An index through the pointer: */
			/* fallthrough */
		case DW_TAG_array_type: {
			if (c->member) {
				set_err(a->err, "invalid access '%s' for array type",
					comp_text(d->arena, c));
				return -1;
			}
			uint64_t stride = 0;
			if ((c->runtime || c->index != 0) && !stride_of(a, &type, &stride))
				return -1;
			if (!a->is_addr && (c->runtime || c->index != 0)) {
				set_err(a->err, "cannot index an array held in a register");
				return -1;
			}
			if (c->runtime) {
				if (!emit(a, (struct dwi_op){ .code = DWI_OP_INDEX, .slot = a->slots++,
							      .n = (int64_t)stride }))
					return -1;
			} else if (c->index != 0) {
				if (!emit(a, (struct dwi_op){ .code = DWI_OP_ADD,
							      .n = c->index * (int64_t)stride }))
					return -1;
			}
			if (!type_die(&type, &type)) {
				set_err(a->err, "cannot get type of field");
				return -1;
			}
			has_var = false;
			i++;
			continue;
		}
		case DW_TAG_structure_type:
		case DW_TAG_union_type:
		case DW_TAG_class_type: {
			if (!c->member) {
				set_err(a->err, "invalid access '%s' for %s", comp_text(d->arena, c),
					die_type_name(d, &type));
				return -1;
			}
			if (dwarf_hasattr(&type, DW_AT_declaration)) {
				Dwarf_Die def;
				if (!find_definition(d, &type, &def)) {
					set_err(a->err, "unresolved %s", die_type_name(d, &type));
					return -1;
				}
				type = def;
			}
			uint64_t off = 0;
			int r = find_die_member(a, &type, c->member, &vardie, &off, 0);
			if (r == 0) {
				member_error(a, &type, c->member);
				return -1;
			}
			if (r == -2) {
				set_err(a->err, "no location for field '%s'", c->member);
				return -1;
			}
			if (r < 0) {
				set_err(a->err, "cannot read '%s': it is in a virtual base class",
					c->member);
				return -1;
			}
			if (off) {
				if (!a->is_addr) {
					set_err(a->err, "cannot handle offset into register");
					return -1;
				}
				if (!emit(a, (struct dwi_op){ .code = DWI_OP_ADD, .n = (int64_t)off }))
					return -1;
			}
			has_var = true;
			if (!type_die(&vardie, &type)) {
				set_err(a->err, "cannot get type of field");
				return -1;
			}
			i++;
			continue;
		}
		case DW_TAG_enumeration_type:
		case DW_TAG_base_type:
			set_err(a->err, "invalid access '%s' vs. %s", comp_text(d->arena, c),
				die_type_name(d, &type));
			return -1;
		default:
			set_err(a->err, "%s: unexpected type tag %d", die_type_name(d, &type), tag);
			return -1;
		}
	}
	return acc_final(a, &type, &vardie, has_var) ? 0 : -1;
}

int dwi_access(const struct dwi_type *var_type, bool root_is_address,
	       const struct dwi_comp *comps, size_t ncomps,
	       struct dwi_access *out, struct dwi_error *err)
{
	memset(out, 0, sizeof(*out));
	if (!var_type || !tn(var_type)->die.addr) {
		set_err(err, "failed to retrieve type attribute");
		return -1;
	}
	struct tnode *t = tn(var_type);
	struct acc a = { .d = t->d, .out = out, .err = err, .is_addr = root_is_address };
	Dwarf_Die start = t->die;
	int r = acc_walk(&a, &start, comps, ncomps);
	if (r < 0) {
		out->nops = 0;
		out->type = NULL;
		out->is_address = false;
	}
	return r;
}

/* ------------------------------------------------------------------ */
/* Plans: $$parms, $$locals, $$vars, $$return and $var$                */

struct planb {
	struct dwi *d;
	struct dwi_piece *v;
	size_t n, cap;
	struct sb text;          /* text not yet given to a piece */
};

static void plan_piece(struct planb *b, enum dwi_fmt fmt, int root, const struct dwi_access *acc,
		       int group)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		b->v = xrealloc(b->v, b->cap * sizeof(*b->v));
	}
	struct dwi_piece *p = &b->v[b->n++];
	memset(p, 0, sizeof(*p));
	p->text = arena_strdup(b->d->arena, sb_str(&b->text));
	b->text.len = 0;
	if (b->text.s)
		b->text.s[0] = '\0';
	p->fmt = fmt;
	p->root = root;
	p->group = group;
	if (acc) {
		struct dwi_op *ops = arena_alloc(b->d->arena, sizeof(*ops) * (size_t)(acc->nops + 1));
		memcpy(ops, acc->ops, sizeof(*ops) * (size_t)acc->nops);
		p->ops = ops;
		p->nops = acc->nops;
		p->type = acc->type;
	}
}

/* Gives what text is left to a last piece. */
static void plan_flush(struct planb *b, int group)
{
	if (b->text.len)
		plan_piece(b, DWI_FMT_NONE, 0, NULL, group);
}

static void plan_done(struct planb *b, struct dwi_plan *out)
{
	plan_flush(b, 0);
	struct dwi_piece *v = arena_alloc(b->d->arena, sizeof(*v) * (b->n + 1));
	if (b->n)
		memcpy(v, b->v, sizeof(*v) * b->n);
	*out = (struct dwi_plan){ .pieces = v, .n = b->n, .d = b->d };
	free(b->v);
	free(b->text.s);
}

/* One pretty-printed variable: SystemTap's dwarf_pretty_print, its
 * recurse* functions step by step. */
struct pretty {
	struct planb *b;
	struct dwi *d;
	const struct dwi_type *root_type;
	int root;
	bool root_is_address, readable, print_full;
	int group;
	int nargs;               /* the sprintf's arguments so far */
	struct dwi_comp comps[MAX_DEPTH];
	size_t ncomps;
	int depth;
};

/* push_deref: the value at the current path in `fmt` between `pre` and
 * `post`, or "?" where SystemTap cannot read it (nor can we). */
static bool pp_value(struct pretty *p, const char *pre, enum dwi_fmt fmt, const char *post)
{
	struct dwi_access acc;
	if (!p->readable ||
	    dwi_access(p->root_type, p->root_is_address, p->comps, p->ncomps, &acc, NULL) != 0) {
		sb_puts(&p->b->text, "?");
		return false;
	}
	sb_puts(&p->b->text, pre);
	plan_piece(p->b, fmt, p->root, &acc, p->group);
	sb_puts(&p->b->text, post);
	p->nargs++;
	return true;
}

static bool pp_push(struct pretty *p, struct dwi_comp c)
{
	if (p->ncomps >= MAX_DEPTH)
		return false;
	p->comps[p->ncomps++] = c;
	return true;
}

static void pp_recurse(struct pretty *p, Dwarf_Die *type, bool top);

static bool pp_chars(struct pretty *p, Dwarf_Die *start)
{
	Dwarf_Die t;
	Dwarf_Word enc = (Dwarf_Word)-1, size = (Dwarf_Word)-1;
	if (!resolve_unqualified(start, &t))
		return false;
	udata(&t, DW_AT_encoding, &enc);
	if (enc != DW_ATE_UTF && enc != DW_ATE_signed_char && enc != DW_ATE_unsigned_char)
		return false;
	udata(&t, DW_AT_byte_size, &size);
	enum dwi_fmt fmt = size == 1 ? DWI_FMT_STRING : size == 2 ? DWI_FMT_STRING16 :
			   size == 4 ? DWI_FMT_STRING32 : DWI_FMT_NONE;
	if (fmt == DWI_FMT_NONE)
		return false;
	pp_value(p, "", fmt, "");
	return true;
}

static void pp_base(struct pretty *p, Dwarf_Die *t)
{
	Dwarf_Word enc = (Dwarf_Word)-1;
	udata(t, DW_AT_encoding, &enc);
	switch (enc) {
	case DW_ATE_float:
	case DW_ATE_complex_float:
		sb_puts(&p->b->text, "?");
		break;
	case DW_ATE_UTF:
	case DW_ATE_signed_char:
	case DW_ATE_unsigned_char:
		pp_value(p, "'", DWI_FMT_CHAR, "'");
		break;
	case DW_ATE_unsigned:
		pp_value(p, "", DWI_FMT_UNSIGNED, "");
		break;
	default:
		pp_value(p, "", DWI_FMT_SIGNED, "");
		break;
	}
}

static void pp_bitfield(struct pretty *p, Dwarf_Die *start)
{
	Dwarf_Die t;
	if (!resolve_unqualified(start, &t) ||
	    (dwarf_tag(&t) != DW_TAG_base_type && dwarf_tag(&t) != DW_TAG_enumeration_type)) {
		sb_puts(&p->b->text, "?");
		return;
	}
	Dwarf_Word enc = (Dwarf_Word)-1;
	udata(&t, DW_AT_encoding, &enc);
	if (enc == DW_ATE_float || enc == DW_ATE_complex_float)
		sb_puts(&p->b->text, "?");
	else if (enc == DW_ATE_unsigned || enc == DW_ATE_unsigned_char)
		pp_value(p, "", DWI_FMT_UNSIGNED, "");
	else
		pp_value(p, "", DWI_FMT_SIGNED, "");
}

static void pp_array(struct pretty *p, Dwarf_Die *t, bool top)
{
	if (!top && !p->print_full) {
		sb_puts(&p->b->text, "[...]");
		return;
	}
	Dwarf_Die el;
	bool has_el = type_die(t, &el);
	if (has_el && pp_chars(p, &el))
		return;
	sb_puts(&p->b->text, "[");
	/* SystemTap prints the first element only, then ", ...". */
	if (p->nargs < 32) {
		if (pp_push(p, (struct dwi_comp){ .index = 0 })) {
			if (has_el)
				pp_recurse(p, &el, false);
			else
				sb_puts(&p->b->text, "?");
			p->ncomps--;
		}
	}
	sb_puts(&p->b->text, ", ...]");
}

static void pp_pointer(struct pretty *p, Dwarf_Die *t, bool top)
{
	Dwarf_Die pointee;
	bool void_p = true;
	if (type_die(t, &pointee) && resolve_unqualified(&pointee, &pointee))
		void_p = false;
	if (!void_p) {
		if (pp_chars(p, &pointee))
			return;
		if (top) {
			pp_recurse(p, &pointee, true);
			return;
		}
	}
	pp_value(p, "", DWI_FMT_POINTER, "");
}

static void pp_members(struct pretty *p, Dwarf_Die *type, int *count, int depth)
{
	struct dwi *d = p->d;
	Dwarf_Die q[64];
	size_t head = 0, tail = 0;
	const char **dupes = NULL;
	size_t ndupes = 0, cap = 0;
	if (depth > 16)
		return;
	q[tail++] = *type;
	for (; head < tail; head++) {
		Dwarf_Die c, ct, imp;
		if (dwarf_child(&q[head], &c) != 0)
			continue;
		do {
			if (dwarf_hasattr(&c, DW_AT_declaration))
				continue;     /* static members */
			int tag = dwarf_tag(&c);
			if (tag == DW_TAG_imported_unit && ref_die(&c, DW_AT_import, &imp))
				pp_members(p, &imp, count, depth + 1);
			if (tag != DW_TAG_member && tag != DW_TAG_inheritance)
				continue;
			bool has_type = type_die(&c, &ct);
			if (tag == DW_TAG_inheritance) {
				if (has_type && tail < sizeof(q) / sizeof(q[0]))
					q[tail++] = ct;
				continue;
			}
			const char *name = dwarf_diename(&c);
			if (name && strncmp(name, "_vptr.", 6) == 0)
				continue;
			if (name) {
				bool dup = false;
				for (size_t i = 0; i < ndupes && !dup; i++)
					dup = strcmp(dupes[i], name) == 0;
				if (dup)
					continue;
				if (ndupes == cap) {
					cap = cap ? cap * 2 : 16;
					dupes = xrealloc(dupes, cap * sizeof(*dupes));
				}
				dupes[ndupes++] = name;
			}
			if (++*count > 1)
				sb_puts(&p->b->text, ", ");
			if (p->nargs >= 32) {
				/* SystemTap's limit of 32 arguments; it leaves
				 * this struct (not the others of the walk). */
				sb_puts(&p->b->text, "...");
				break;
			}
			bool pushed = false;
			if (name) {
				sb_puts(&p->b->text, ".");
				sb_puts(&p->b->text, name);
				pushed = pp_push(p, (struct dwi_comp){ .member = name });
				if (!pushed) {
					sb_puts(&p->b->text, "=?");
					continue;
				}
			} else if (has_type) {
				/* SystemTap's own labels, struct and class the
				 * wrong way round as it writes them. */
				int t = dwarf_tag(&ct);
				sb_puts(&p->b->text, t == DW_TAG_union_type ? "<union>" :
					t == DW_TAG_structure_type ? "<class>" :
					t == DW_TAG_class_type ? "<struct>" : "");
			}
			sb_puts(&p->b->text, "=");
			if (!has_type)
				sb_puts(&p->b->text, "?");
			else if (is_bitfield_member(&c))
				pp_bitfield(p, &ct);
			else
				pp_recurse(p, &ct, false);
			if (pushed)
				p->ncomps--;
		} while (dwarf_siblingof(&c, &c) == 0);
	}
	(void)d;
	free(dupes);
}

static void pp_struct(struct pretty *p, Dwarf_Die *t, bool top)
{
	Dwarf_Die def = *t;
	if (dwarf_hasattr(t, DW_AT_declaration) && !find_definition(p->d, t, &def)) {
		sb_puts(&p->b->text, "{...}");
		return;
	}
	int count = 0;
	sb_puts(&p->b->text, "{");
	if (top || p->print_full)
		pp_members(p, &def, &count, 0);
	else
		sb_puts(&p->b->text, "...");
	sb_puts(&p->b->text, "}");
}

static void pp_recurse(struct pretty *p, Dwarf_Die *start, bool top)
{
	Dwarf_Die t;
	if (++p->depth > MAX_DEPTH || !resolve_unqualified(start, &t)) {
		sb_puts(&p->b->text, "?");
		p->depth--;
		return;
	}
	switch (dwarf_tag(&t)) {
	case DW_TAG_enumeration_type:
	case DW_TAG_base_type:
		pp_base(p, &t);
		break;
	case DW_TAG_array_type:
		pp_array(p, &t, top);
		break;
	case DW_TAG_pointer_type:
	case DW_TAG_reference_type:
	case DW_TAG_rvalue_reference_type:
		pp_pointer(p, &t, top);
		break;
	case DW_TAG_subroutine_type:
		pp_value(p, "<function>:", DWI_FMT_POINTER, "");
		break;
	case DW_TAG_union_type:
	case DW_TAG_structure_type:
	case DW_TAG_class_type:
		pp_struct(p, &t, top);
		break;
	default:
		sb_puts(&p->b->text, "?");
		break;
	}
	p->depth--;
}

/* $v$ into b, the pieces in `group`: false where SystemTap fails to
 * pretty-print it at all. */
static bool pretty_var(struct planb *b, const struct dwi_type *t, int root, bool root_is_address,
		       bool readable, int depth, int group)
{
	if (!t || !tn(t)->die.addr || depth < 1)
		return false;
	Dwarf_Die start = tn(t)->die, res;
	if (!resolve_unqualified(&start, &res))
		return false;
	struct pretty *p = xcalloc(1, sizeof(*p));
	*p = (struct pretty){ .b = b, .d = b->d, .root_type = t, .root = root,
			      .root_is_address = root_is_address, .readable = readable,
			      .print_full = depth > 1, .group = group };
	pp_recurse(p, &start, true);
	plan_flush(b, group);
	free(p);
	return true;
}

int dwi_plan_var(const struct dwi_type *t, int root, bool root_is_address, bool readable,
		 int depth, struct dwi_plan *out)
{
	memset(out, 0, sizeof(*out));
	if (!t)
		return -1;
	struct planb b = { .d = tn(t)->d };
	if (!pretty_var(&b, t, root, root_is_address, readable, depth, 1)) {
		free(b.v);
		free(b.text.s);
		return -1;
	}
	plan_done(&b, out);
	return 0;
}

/* Whether a variable can be read at the probe, and how v starts. */
static bool var_readable(const struct dwi_var *v, bool *is_addr)
{
	*is_addr = false;
	if (!v->is_param) {
		*is_addr = true;
		return v->addr != 0;
	}
	switch (v->abi.kind) {
	case DWI_ABI_REG:
	case DWI_ABI_STACK:
		return true;
	case DWI_ABI_BYREF:
	case DWI_ABI_MEMORY:
		*is_addr = true;
		return true;
	default:
		return false;
	}
}

int dwi_plan_context(const struct dwi_func *pf, enum dwi_plan_which which, int depth,
		     struct dwi_plan *out)
{
	struct fnode *f = fnode_of(pf);
	build_sig(f);
	struct planb b = { .d = f->d };
	bool first = true;
	int group = 0;
	for (size_t i = 0; i < f->norder; i++) {
		bool param = f->order[i] >= 0;
		if ((param && which == DWI_PLAN_LOCALS) || (!param && which == DWI_PLAN_PARMS))
			continue;
		const struct dwi_var *v = param ? &f->params[f->order[i]] : &f->locals[~f->order[i]];
		int root = param ? f->order[i] : (int)f->nparams + ~f->order[i];
		if (!v->name)
			continue;
		if (!first)
			sb_puts(&b.text, " ");
		first = false;
		sb_puts(&b.text, v->name);
		bool is_addr, readable = var_readable(v, &is_addr);
		if (depth > 0) {
			sb_puts(&b.text, "=");
			plan_flush(&b, 0);
			if (!pretty_var(&b, v->type, root, is_addr, readable, depth, ++group))
				sb_puts(&b.text, "?");
			continue;
		}
		Dwarf_Die t;
		if (v->type && tn(v->type)->die.addr) {
			Dwarf_Die start = tn(v->type)->die;
			if (resolve_unqualified(&start, &t)) {
				int tag = dwarf_tag(&t);
				if (tag == DW_TAG_union_type || tag == DW_TAG_structure_type ||
				    tag == DW_TAG_class_type) {
					sb_puts(&b.text, "={...}");
					continue;
				}
				if (tag == DW_TAG_array_type) {
					sb_puts(&b.text, "=[...]");
					continue;
				}
			}
		}
		struct dwi_access acc;
		if (!readable || dwi_access(v->type, is_addr, NULL, 0, &acc, NULL) != 0) {
			sb_puts(&b.text, "=?");
			continue;
		}
		sb_puts(&b.text, "=");
		plan_piece(&b, DWI_FMT_HEX, root, &acc, 0);
	}
	plan_done(&b, out);
	return 0;
}

int dwi_plan_return(const struct dwi_func *pf, int depth, struct dwi_plan *out)
{
	struct fnode *f = fnode_of(pf);
	build_sig(f);
	struct planb b = { .d = f->d };
	const struct dwi_type *rt = f->ret;
	struct dwi_abi a = f->ret_abi;
	bool is_addr = a.kind == DWI_ABI_MEMORY;
	bool readable = a.kind == DWI_ABI_REG || is_addr;
	if (rt && depth > 0) {
		struct planb tmp = { .d = f->d };
		if (pretty_var(&tmp, rt, DWI_ROOT_RETURN, is_addr, readable, depth, 1)) {
			sb_puts(&b.text, "return=");
			plan_flush(&b, 0);
			for (size_t i = 0; i < tmp.n; i++) {
				if (b.n == b.cap) {
					b.cap = b.cap ? b.cap * 2 : 16;
					b.v = xrealloc(b.v, b.cap * sizeof(*b.v));
				}
				b.v[b.n++] = tmp.v[i];
			}
		}
		free(tmp.v);
		free(tmp.text.s);
	} else if (rt && readable) {
		struct dwi_access acc;
		if (dwi_access(rt, is_addr, NULL, 0, &acc, NULL) == 0) {
			sb_puts(&b.text, "return=");
			plan_piece(&b, DWI_FMT_HEX, DWI_ROOT_RETURN, &acc, 0);
		}
	}
	plan_done(&b, out);
	return 0;
}

const char *dwi_plan_format(const struct dwi_plan *p)
{
	static const char *const spec[] = {
		[DWI_FMT_NONE] = "", [DWI_FMT_HEX] = "%#x", [DWI_FMT_SIGNED] = "%i",
		[DWI_FMT_UNSIGNED] = "%u", [DWI_FMT_CHAR] = "%#c", [DWI_FMT_POINTER] = "%p",
		[DWI_FMT_STRING] = "%s", [DWI_FMT_STRING16] = "%s", [DWI_FMT_STRING32] = "%s",
	};
	if (!p || !p->d)
		return "";
	struct sb b = { 0 };
	for (size_t i = 0; i < p->n; i++) {
		sb_puts(&b, p->pieces[i].text);
		sb_puts(&b, spec[p->pieces[i].fmt]);
	}
	const char *s = arena_strdup(p->d->arena, sb_str(&b));
	free(b.s);
	return s;
}
