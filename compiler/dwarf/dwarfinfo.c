/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dwarfinfo.c — see dwarfinfo.h; dwarfinfo_impl.h says which part of the
 * module is where.  This part: the handle, opening a file and finding its
 * separate debug file, the unit table, and the walk that indexes one
 * unit's functions, their scopes and their inlined copies. */
#define _GNU_SOURCE
#include "dwarfinfo.h"

#include <elfutils/libdwelf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dwarfinfo_impl.h"
#include "binary/debugfile.h"

/* ------------------------------------------------------------------ */
/* Small tools                                                         */

void dw_set_err(struct dwi_error *err, const char *fmt, ...)
{
	if (!err)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
}

static size_t map_slot(uintptr_t k, size_t cap)
{
	uint64_t h = (uint64_t)k * 0x9e3779b97f4a7c15ull;
	return (size_t)(h >> 17) & (cap - 1);
}

void *dw_map_get(const struct map *m, uintptr_t k)
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

void dw_map_put(struct map *m, uintptr_t k, void *v)
{
	if (!k)
		return;
	if ((m->n + 1) * 2 > m->cap) {
		struct map bigger = { .cap = m->cap ? m->cap * 2 : 64 };
		bigger.keys = xcalloc(bigger.cap, sizeof(*bigger.keys));
		bigger.vals = xcalloc(bigger.cap, sizeof(*bigger.vals));
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i])
				dw_map_put(&bigger, m->keys[i], m->vals[i]);
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

void dw_map_free(struct map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

/* The separate debug file (binary/debugfile.h searches for it). */
static bool find_debug_file(struct dwi *d, Elf *elf, const char *path)
{
	char *found;
	int fd = debugfile_find(elf, path, DEBUGFILE_DWARF, &found);
	if (fd < 0)
		return false;
	Elf *delf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	Dwarf *dbg = delf ? dwarf_begin_elf(delf, DWARF_C_READ, NULL) : NULL;
	if (!dbg) {
		if (delf)
			elf_end(delf);
		close(fd);
		free(found);
		return false;
	}
	d->dfd = fd;
	d->delf = delf;
	d->dbg = dbg;
	d->debug_path = arena_strdup(d->arena, found);
	free(found);
	return true;
}

struct dwi *dwi_open_err(const char *path, struct dwi_error *err)
{
	elf_version(EV_CURRENT);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		dw_set_err(err, "cannot open %s: %s", path, strerror(errno));
		return NULL;
	}
	Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF) {
		if (elf)
			elf_end(elf);
		close(fd);
		dw_set_err(err, "%s is not an ELF file", path);
		return NULL;
	}
	struct dwi *d = xcalloc(1, sizeof(*d));
	d->arena = arena_new();
	d->path = arena_strdup(d->arena, path);
	d->fd = fd;
	d->dfd = -1;
	d->elf = elf;
	if (debugfile_has(elf, DEBUGFILE_DWARF)) {
		d->dbg = dwarf_begin_elf(elf, DWARF_C_READ, NULL);
		d->debug_path = d->path;
		if (!d->dbg) {
			dw_set_err(err, "cannot read the debug info in %s: %s", path,
				dwarf_errmsg(-1));
			dwi_close(d);
			return NULL;
		}
	} else {
		if (!find_debug_file(d, elf, path)) {
			dw_set_err(err, "no debug info in %s", path);
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
	dw_map_free(&d->types);
	dw_map_free(&d->funcs);
	dw_map_free(&d->unit_index);
	dw_map_free(&d->entries);
	dw_map_free(&d->scopes);
	dw_map_free(&d->inlines);
	dw_map_free(&d->named);
	dw_map_free(&d->partsyms);
	dw_map_free(&d->scopes_at);
	free(d->cus);
	free(d->ranges);
	if (d->eh_cfi)
		dwarf_cfi_end(d->eh_cfi);
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
const char *dw_decl_file(Dwarf_Die *die)
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
uint64_t dw_die_entry(Dwarf_Die *die)
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

static int range_cmp(const void *a, const void *b)
{
	const struct range *x = a, *y = b;
	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

void dw_read_units(struct dwi *d)
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
		dw_map_put(&d->unit_index, (uintptr_t)cudie.addr, (void *)(uintptr_t)d->ncus);
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
	Dwarf_Die *chain_snap;       /* chain[] reversed, once asked for */
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

/* The walk records a function by its DIE, name and place only; the rest
 * is read when it is asked for (dw_complete): most functions of a big
 * program are never asked about. */
static struct fnode *add_func(struct walk *w, Dwarf_Die *die)
{
	struct dwi *d = w->d;
	struct fnode *f = dw_map_get(&d->funcs, (uintptr_t)die->addr);
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
	f->sc = snapshot(w);
	if (w->nchain) {
		if (!w->chain_snap) {
			w->chain_snap = arena_alloc(d->arena, sizeof(Dwarf_Die) * (size_t)w->nchain);
			for (int i = 0; i < w->nchain; i++)
				w->chain_snap[i] = w->chain[w->nchain - 1 - i];
		}
		f->nouter = w->nchain;
		f->outer = w->chain_snap;
	}
	dw_map_put(&d->funcs, (uintptr_t)die->addr, f);
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
	i->caller = w->func;
	i->next = dw_map_get(&w->d->inlines, (uintptr_t)origin.addr);
	dw_map_put(&w->d->inlines, (uintptr_t)origin.addr, i);
}

static void walk_children(struct walk *w, Dwarf_Die *parent, int depth);

static void walk_into(struct walk *w, Dwarf_Die *die, int depth, bool named, const char *name)
{
	if (w->nchain >= MAX_DEPTH || w->nnames >= MAX_DEPTH)
		return;
	w->chain[w->nchain++] = *die;
	w->chain_snap = NULL;
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
	w->chain_snap = NULL;
}

static void walk_die(struct walk *w, Dwarf_Die *die, int depth)
{
	switch (dwarf_tag(die)) {
	case DW_TAG_subprogram: {
		/* A declaration's scopes are what a definition elsewhere that
		 * names it by DW_AT_specification is matched by; a definition
		 * keeps its own in its node. */
		struct fnode *f = NULL;
		if (dwarf_hasattr(die, DW_AT_declaration))
			dw_map_put(&w->d->scopes, (uintptr_t)die->addr, (void *)snapshot(w));
		else
			f = add_func(w, die);
		if (!dwarf_haschildren(die))
			break;
		struct fnode *outer = w->func;
		if (f)
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
		    !dw_map_get(&w->imported, (uintptr_t)unit.addr)) {
			dw_map_put(&w->imported, (uintptr_t)unit.addr, w);
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
	uintptr_t i = (uintptr_t)dw_map_get(&d->unit_index, (uintptr_t)cudie.addr);
	return i ? &d->cus[i - 1] : NULL;
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
	const struct scopes *sc = NULL;
	for (int tries = 0; tries < 2 && !sc && t.addr != f->die.addr; tries++) {
		/* A declaration, or the abstract form of an inline function. */
		sc = dw_map_get(&d->scopes, (uintptr_t)t.addr);
		struct fnode *af = sc ? NULL : dw_map_get(&d->funcs, (uintptr_t)t.addr);
		if (af)
			sc = af->sc;
		/* In a unit not walked yet (LTO units refer across). */
		struct cunit *u = sc || tries ? NULL : unit_of(d, &t);
		if (u && u->state == 0)
			index_unit(d, u);
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

static void index_unit(struct dwi *d, struct cunit *u)
{
	if (u->state)
		return;
	u->state = 1;
	struct walk *w = xcalloc(1, sizeof(*w));
	w->d = d;
	w->cu = u;
	walk_children(w, &u->die, 0);
	dw_map_free(&w->imported);
	free(w);
	u->state = 2;
}

void dw_basic(struct fnode *f)
{
	if (f->basic_done)
		return;
	f->basic_done = true;
	f->pub.is_inline = dwarf_func_inline(&f->die) != 0;
	if (!f->pub.is_inline)
		f->pub.entry = dw_die_entry(&f->die);
}

void dw_complete(struct fnode *f)
{
	if (f->done)
		return;
	f->done = true;
	dw_basic(f);
	Dwarf_Die *die = &f->die;
	f->pub.linkage = linkage_name(die);
	f->pub.decl_file = dw_decl_file(die);
	int line = 0;
	if (dwarf_decl_line(die, &line) == 0)
		f->pub.decl_line = line;
	f->pub.is_external = dwarf_hasattr_integrate(die, DW_AT_external);
	f->pub.noreturn = dwarf_hasattr_integrate(die, DW_AT_noreturn);
	resolve_scopes(f->d, f);
	f->pub.is_clone = dw_is_clone(f);
}

/* The entries of a unit's functions, for lookups by address. */
static void unit_entries(struct dwi *d, struct cunit *u)
{
	if (u->entries_done || u->state != 2)
		return;
	u->entries_done = true;
	for (struct fnode *f = u->first; f; f = f->next) {
		dw_complete(f);
		if (f->pub.entry && !dw_map_get(&d->entries, f->pub.entry))
			dw_map_put(&d->entries, f->pub.entry, f);
	}
}

void dw_index_all(struct dwi *d)
{
	if (d->all_indexed)
		return;
	dw_read_units(d);
	for (size_t i = 0; i < d->ncus; i++)
		index_unit(d, &d->cus[i]);
	d->all_indexed = true;
}

const struct dwi_func *dwi_func_at(struct dwi *d, uint64_t vaddr)
{
	if (!d || !vaddr)
		return NULL;
	dw_read_units(d);
	struct fnode *f = dw_map_get(&d->entries, vaddr);
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
		struct cunit *u = &d->cus[d->ranges[i].cu];
		if (vaddr < d->ranges[i].hi && !u->entries_done) {
			index_unit(d, u);
			unit_entries(d, u);
			if ((f = dw_map_get(&d->entries, vaddr)))
				return &f->pub;
		}
	}
	/* Units that do not say where their code is (type-only units say
	 * so by having none): look into those, never into all. */
	for (size_t i = 0; i < d->ncus; i++)
		if (!d->cus[i].has_ranges && !d->cus[i].entries_done) {
			index_unit(d, &d->cus[i]);
			unit_entries(d, &d->cus[i]);
			if ((f = dw_map_get(&d->entries, vaddr)))
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
