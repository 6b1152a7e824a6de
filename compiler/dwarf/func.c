/* SPDX-License-Identifier: GPL-2.0-or-later */
/* func.c — functions: their parameters and locals, -L listings, and
 * the probe sites .function(PATTERN) names, inlined copies included. */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dwarfinfo_impl.h"

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
			const char *dot = name ? strchr(name, '.') : NULL;
			if (dot && (strstr(dot, ".part.") || strstr(dot, ".isra.") ||
				    strstr(dot, ".constprop.") || strstr(dot, ".specialized.")))
				dw_map_put(&d->partsyms, sym.st_value, (void *)name);
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
	return dw_map_get(&d->partsyms, addr);
}

/* A compiler clone: an out-of-line copy whose parameters are not its
 * abstract function's, in the same order, all of them variables.  C++
 * constructors and destructors are concrete copies too, which may leave
 * out the artificial parameters of their abstract form (__in_chrg,
 * __vtt_parm): those do not make a clone. */
bool dw_is_clone(struct fnode *f)
{
	Dwarf_Word cc;
	if (udata(&f->die, DW_AT_calling_convention, &cc) && cc == DW_CC_nocall)
		return true;
	/* GCC's copies are concrete instances of an abstract function,
	 * clang's C++ ones definitions of a declaration (its C ones it marks
	 * DW_CC_nocall): only those need the symbol. */
	Dwarf_Die origin, decl;
	bool has_origin = ref_die(&f->die, DW_AT_abstract_origin, &origin);
	if (f->pub.is_inline || (!has_origin && !ref_die(&f->die, DW_AT_specification, &decl)))
		return false;
	const char *sym = f->pub.entry ? part_symbol_at(f->d, f->pub.entry) : NULL;
	if (sym && (strstr(sym, ".isra.") || strstr(sym, ".constprop.") ||
		    strstr(sym, ".specialized.")))
		return true;
	if (!has_origin)
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

void dw_fill_var(struct dwi *d, struct dwi_var *v, Dwarf_Die *die, uint64_t pc, bool param)
{
	Dwarf_Die t;
	v->name = dwarf_diename(die);
	v->type = type_die(die, &t) ? dw_type_of(d, &t) : NULL;
	v->is_param = param;
	v->artificial = dwarf_hasattr_integrate(die, DW_AT_artificial);
	v->listed = v->name && v->type && v->type->name && pc && has_location_at(die, pc);
	v->abi = dw_abi_unsupported("not a parameter");
	if (!param)
		v->addr = static_address(die);
}

void dw_build_sig(struct fnode *f)
{
	if (f->sig_done)
		return;
	f->sig_done = true;
	dw_complete(f);
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
			dw_fill_var(d, var_push(vv), &c, pc, param);
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
	f->ret = type_die(&f->die, &t) ? dw_type_of(d, &t) : NULL;
	if (f->ret && f->ret->kind == DWI_VOID)
		f->ret = NULL;
	f->ret_abi = dw_return_abi(f->ret);
	dw_assign_abi(f);
}

const struct dwi_var *dwi_func_params(const struct dwi_func *pf, size_t *n)
{
	struct fnode *f = fnode_of(pf);
	dw_build_sig(f);
	*n = f->nparams;
	return f->params;
}

const struct dwi_var *dwi_func_locals(const struct dwi_func *pf, size_t *n)
{
	struct fnode *f = fnode_of(pf);
	dw_build_sig(f);
	*n = f->nlocals;
	return f->locals;
}

const struct dwi_type *dwi_func_return(const struct dwi_func *pf)
{
	struct fnode *f = fnode_of(pf);
	dw_build_sig(f);
	return f->ret;
}

struct dwi_abi dwi_func_return_abi(const struct dwi_func *pf)
{
	struct fnode *f = fnode_of(pf);
	dw_build_sig(f);
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
			dw_set_err(err, "no parameter '%s' in %s: parameters are %s", name, pf->name, b.s);
		else
			dw_set_err(err, "no parameter '%s' in %s: it has no parameters", name, pf->name);
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
	dw_build_sig(f);
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
		dw_index_all(d);
		size_t count = 0;
		for (struct inl *i = dw_map_get(&d->inlines, (uintptr_t)f->die.addr); i; i = i->next) {
			i->entry = dw_die_entry(&i->die);
			count += i->entry != 0;
		}
		f->inl = arena_alloc(d->arena, sizeof(*f->inl) * (count + 1));
		/* The list is newest first; the sites go in DWARF order. */
		size_t k = count;
		for (struct inl *i = dw_map_get(&d->inlines, (uintptr_t)f->die.addr); i; i = i->next) {
			if (!i->entry)
				continue;
			if (i->caller)
				dw_complete(i->caller);
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

const struct dwi_scope *dwi_site_scope(struct dwi *d, const struct dwi_site *s)
{
	struct inl *i = (struct inl *)s->priv;
	return i ? dw_scope_in_die(d, &i->die, s->entry) : dwi_scope_at(d, s->entry);
}

const char *dwi_site_listing(const struct dwi_site *s, bool with_return)
{
	struct inl *i = (struct inl *)s->priv;
	if (!i)
		return dwi_func_listing(s->func, with_return);
	if (i->listing)
		return i->listing;
	struct fnode *f = fnode_of(s->func);
	struct dwi *d = f->d;
	struct varvec vv = { 0 };
	Dwarf_Die c;
	/* SystemTap's getscopes(): the copy, then the scopes around the
	 * function inlined (not around the copy), below the unit. */
	for (int k = -1; k < f->nouter; k++) {
		Dwarf_Die *scope = k < 0 ? &i->die : &f->outer[k];
		if (dwarf_child(scope, &c) != 0)
			continue;
		do {
			int tag = dwarf_tag(&c);
			if ((tag == DW_TAG_formal_parameter && k < 0) || tag == DW_TAG_variable)
				dw_fill_var(d, var_push(&vv), &c, i->entry, tag == DW_TAG_formal_parameter);
		} while (dwarf_siblingof(&c, &c) == 0);
	}
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
	dw_index_all(d);
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
				if (!ok && mangled) {
					dw_complete(f);
					ok = f->pub.linkage && fnmatch(fpat, f->pub.linkage, 0) == 0;
				}
				if (!ok)
					continue;
			}
			/* What is left out is left out before the costlier
			 * questions. */
			dw_basic(f);
			if (f->pub.is_inline ? !(flags & DWI_MATCH_INLINES) : !f->pub.entry)
				continue;
			dw_complete(f);
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
					uintptr_t at = (uintptr_t)dw_map_get(&seen_inline, key);
					if (at) {
						const struct dwi_site *o = &sv.v[at - 1];
						const char *of = o->func->decl_file, *ff = f->pub.decl_file;
						if (o->entry == in[i].entry &&
						    o->func->decl_line == f->pub.decl_line &&
						    strcmp(o->name, display) == 0 &&
						    strcmp(of ? of : "", ff ? ff : "") == 0)
							continue;
					}
					struct dwi_site s = in[i];
					s.name = display;
					site_push(&sv, s);
					if (!at)
						dw_map_put(&seen_inline, key, (void *)(uintptr_t)sv.n);
				}
				continue;
			}
			if (!f->pub.entry || dw_map_get(&seen_entry, f->pub.entry))
				continue;
			/* The tail of a partly inlined function is no entry
			 * point (SystemTap's PR12609 rule); GCC writes it as a
			 * concrete instance of the function. */
			Dwarf_Die origin;
			const char *sym = ref_die(&f->die, DW_AT_abstract_origin, &origin) ?
					  part_symbol_at(d, f->pub.entry) : NULL;
			if (sym && strstr(sym, ".part."))
				continue;
			dw_map_put(&seen_entry, f->pub.entry, f);
			site_push(&sv, (struct dwi_site){ .func = &f->pub, .entry = f->pub.entry,
							  .name = display });
		}
	}
	dw_map_free(&seen_entry);
	dw_map_free(&seen_inline);
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

bool dwi_func_inlined(const struct dwi_func *pf)
{
	struct fnode *f = fnode_of(pf);
	Dwarf_Die origin;
	if (f->pub.is_inline)
		return true;
	return ref_die(&f->die, DW_AT_abstract_origin, &origin) && dwarf_func_inline(&origin) != 0;
}

/* ---- The program's globals, for @var and $name ---- */

/* Whether a unit named `cu` (as DW_AT_name gives it) is `file`, which may
 * be a pattern ("at_var_cu*.c"): the whole name, or its part after a '/'. */
static bool unit_is(const char *cu, const char *file)
{
	if (fnmatch(file, cu, 0) == 0)
		return true;
	for (const char *s = strchr(cu, '/'); s; s = strchr(s + 1, '/'))
		if (fnmatch(file, s + 1, 0) == 0)
			return true;
	return false;
}

static bool global_in(struct dwi *d, Dwarf_Die *parent, const char *name, int depth,
		      struct dwi_var *out)
{
	Dwarf_Die c;
	if (depth > 16 || dwarf_child(parent, &c) != 0)
		return false;
	do {
		int tag = dwarf_tag(&c);
		if (tag == DW_TAG_namespace && global_in(d, &c, name, depth + 1, out))
			return true;
		if (tag != DW_TAG_variable)
			continue;
		const char *n = dwarf_diename(&c);
		uint64_t addr = n && strcmp(n, name) == 0 ? static_address(&c) : 0;
		if (!addr)
			continue;
		dw_fill_var(d, out, &c, 0, false);
		out->addr = addr;
		return true;
	} while (dwarf_siblingof(&c, &c) == 0);
	return false;
}

const struct dwi_var *dwi_global(struct dwi *d, const char *name, const char *file,
				 struct dwi_error *err)
{
	dw_read_units(d);
	/* With a file, SystemTap looks in one unit: of those it names, the
	 * first with the shortest name ("bar/baz.c" is src/bar/baz.c rather
	 * than src/sub/bar/baz.c). */
	size_t best = d->ncus;
	for (size_t i = 0; file && i < d->ncus; i++) {
		const char *cu = dwarf_diename(&d->cus[i].die);
		if (cu && unit_is(cu, file) &&
		    (best == d->ncus || strlen(cu) < strlen(dwarf_diename(&d->cus[best].die))))
			best = i;
	}
	bool unit_found = !file || best < d->ncus;
	for (size_t i = file ? best : 0; i < d->ncus && (!file || i == best); i++) {
		struct dwi_var v;
		memset(&v, 0, sizeof(v));
		if (global_in(d, &d->cus[i].die, name, 0, &v)) {
			struct dwi_var *p = arena_alloc(d->arena, sizeof(*p));
			*p = v;
			return p;
		}
	}
	if (!unit_found)
		dw_set_err(err, "no compilation unit '%s' in the debug information of %s", file,
			   d->path);
	else
		dw_set_err(err, "no global or static variable '%s'%s%s in the debug information "
			   "of %s", name, file ? " in " : "", file ? file : "", d->path);
	return NULL;
}
