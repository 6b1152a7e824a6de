/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lines.c — .statement("FUNC@FILE:LINE"): the addresses the line table
 * gives a source line, in the functions a pattern names, by SystemTap's
 * rules (dwflpp::iterate_over_srcfile_lines and its helpers); and
 * .function("FUNC").label("LABEL"): C labels, which DWARF gives an
 * address of their own (dwflpp::iterate_over_labels).
 *
 * A line is probed once in each function, or inlined copy, whose code it
 * has: at the lowest address among the line's rows inside that function,
 * as GDB and SystemTap do.  Only rows that begin a statement (is_stmt)
 * count; the others are places inside a statement that the compiler
 * marked for its own views, and a probe there would cut a statement in
 * two.  The rows of a line are looked for in the function's own unit and
 * file: a line of a header belongs to the functions declared in it.
 * ":*" is every line of each function, from its first row on while the
 * lines keep having code in it (SystemTap's add_matching_lines_in_func);
 * "+N" is N lines below the function's declaration. */
#include <fnmatch.h>
#include <stdlib.h>

#include "dwarfinfo_impl.h"

/* One row of the line table. */
struct row {
	int line;
	uint64_t addr;
};

/* The statement rows of one file in one unit, by line and then address. */
struct file_rows {
	void *cu_key;
	const char *file;
	struct row *v;
	size_t n;
};

static int row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static void read_rows(Dwarf_Die *cu, const char *file, struct file_rows *out)
{
	Dwarf_Lines *lines;
	size_t n;
	out->v = NULL;
	out->n = 0;
	if (dwarf_getsrclines(cu, &lines, &n) != 0)
		return;
	out->v = xcalloc(n + 1, sizeof(*out->v));
	for (size_t i = 0; i < n; i++) {
		Dwarf_Line *l = dwarf_onesrcline(lines, i);
		bool stmt = false, end = false;
		int line = 0;
		Dwarf_Addr addr;
		const char *src = dwarf_linesrc(l, NULL, NULL);
		if (!src || strcmp(src, file) != 0 || dwarf_linebeginstatement(l, &stmt) != 0 ||
		    !stmt || dwarf_lineendsequence(l, &end) != 0 || end ||
		    dwarf_lineno(l, &line) != 0 || line <= 0 || dwarf_lineaddr(l, &addr) != 0)
			continue;
		out->v[out->n++] = (struct row){ line, addr };
	}
	qsort(out->v, out->n, sizeof(*out->v), row_cmp);
}

/* The rows at `line`: [*first, *end). */
static void line_range(const struct file_rows *r, int line, size_t *first, size_t *end)
{
	size_t lo = 0, hi = r->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (r->v[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (lo < r->n && r->v[lo].line == line)
		lo++;
	*end = lo;
}

/* A site the pattern named: its DIE, unit and file. */
struct cand {
	struct dwi_site site;
	Dwarf_Die die;
	struct file_rows *rows;
};

/* The lowest address of `line` in the candidate's code, or 0. */
static uint64_t line_in(struct cand *c, int line)
{
	size_t i, end;
	line_range(c->rows, line, &i, &end);
	for (; i < end; i++)
		if (dwarf_haspc(&c->die, c->rows->v[i].addr) == 1)
			return c->rows->v[i].addr;
	return 0;
}

static bool has_wild(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

bool dwi_file_matches(const char *pat, const char *file)
{
	if (!file)
		return false;
	if (fnmatch(pat, file, 0) == 0)
		return true;
	size_t n = strlen(pat);
	char *last = xcalloc(n + 3, 1);
	memcpy(last, "*/", 2);
	memcpy(last + 2, pat, n);
	bool ok = fnmatch(last, file, 0) == 0;
	free(last);
	return ok;
}


struct linevec {
	struct dwi_line *v;
	size_t n, cap;
};

static void add_line(struct linevec *lv, struct map *seen, const struct cand *c, int line,
		     uint64_t addr)
{
	if (!addr || dw_map_get(seen, addr))
		return;
	dw_map_put(seen, addr, (void *)1);
	if (lv->n == lv->cap) {
		lv->cap = lv->cap ? 2 * lv->cap : 16;
		lv->v = xrealloc(lv->v, lv->cap * sizeof(*lv->v));
	}
	/* At a function's first instruction the arguments are where the
	 * ABI puts them, and the frame slots DWARF names for them at -O0
	 * are not yet written. */
	lv->v[lv->n++] = (struct dwi_line){ c->site, c->rows->file, line, addr,
					    !c->site.caller && addr == c->site.entry, NULL, NULL };
}

/* The nearest lines above and below `line`, up to 5 away, with code in
 * one of the candidates: SystemTap's suggestion.  0 where there is none. */
static void nearest(struct cand *cs, size_t n, int line, int *below, int *above)
{
	*below = *above = 0;
	for (int k = 1; k <= 5; k++)
		for (size_t i = 0; i < n; i++) {
			if (!*below && line - k > 0 && line_in(&cs[i], line - k))
				*below = line - k;
			if (!*above && line_in(&cs[i], line + k))
				*above = line + k;
		}
}

/* The nearest line to `line` with code in a candidate, 0 if none within 5. */
static int nearest_line(struct cand *cs, size_t n, int line)
{
	int below, above;
	nearest(cs, n, line, &below, &above);
	if (below && above)
		return line - below < above - line ? below : above;
	return below ? below : above;
}

int dwi_lines(struct dwi *d, const char *func, const char *file,
	      const struct dwi_linespec *spec, struct dwi_line **out, struct dwi_error *err)
{
	*out = NULL;
	struct dwi_site *sites;
	int nsites = dwi_match(d, func, DWI_MATCH_INLINES, &sites);
	struct cand *cs = xcalloc((size_t)nsites + 1, sizeof(*cs));
	struct file_rows *cache = xcalloc((size_t)nsites + 1, sizeof(*cache));
	size_t ncand = 0, ncache = 0;
	for (int i = 0; i < nsites; i++) {
		const char *df = sites[i].func->decl_file;
		if (!dwi_file_matches(file, df))
			continue;
		struct cand *c = &cs[ncand];
		c->site = sites[i];
		struct inl *in = (struct inl *)sites[i].priv;
		c->die = in ? in->die : fnode_of(sites[i].func)->die;
		Dwarf_Die cu;
		if (!dwarf_diecu(&c->die, &cu, NULL, NULL))
			continue;
		for (size_t k = 0; k < ncache && !c->rows; k++)
			if (cache[k].cu_key == cu.addr && strcmp(cache[k].file, df) == 0)
				c->rows = &cache[k];
		if (!c->rows) {
			c->rows = &cache[ncache++];
			c->rows->cu_key = cu.addr;
			c->rows->file = df;
			read_rows(&cu, df, c->rows);
		}
		ncand++;
	}
	free(sites);

	struct linevec lv = { 0 };
	struct map seen = { 0 };
	int rc = -1;
	if (!ncand) {
		bool any_file = false;
		for (size_t u = 0; u < d->ncus && !any_file; u++) {
			Dwarf_Files *files;
			size_t nf;
			if (dwarf_getsrcfiles(&d->cus[u].die, &files, &nf) != 0)
				continue;
			for (size_t k = 0; k < nf && !any_file; k++)
				any_file = dwi_file_matches(file, dwarf_filesrc(files, k, NULL, NULL));
		}
		if (!any_file)
			dw_set_err(err, "no source file matches '%s' in the debug information of %s",
				   file, d->path);
		else
			dw_set_err(err, "no function %s '%s' in a source file matching '%s' in %s",
				   has_wild(func) ? "matches" : "named", func, file, d->path);
		goto done;
	}
	/* "f@file.c:N" where N is f's declaration is f itself, as SystemTap
	 * takes it (is_fully_specified_function): its entry. */
	if (spec->kind == DWI_LINES_ONE && !has_wild(func) && ncand == 1 &&
	    !cs[0].site.caller && cs[0].site.func->decl_line == spec->lines[0]) {
		add_line(&lv, &seen, &cs[0], spec->lines[0], cs[0].site.entry);
		lv.v[0].whole_function = true;
		rc = 0;
		goto done;
	}
	/* Line by line, each in every function, as SystemTap collects them;
	 * with .nearest, a line without code in any of them gives way to the
	 * nearest one that has some (the later one of two as near). */
	if (spec->kind == DWI_LINES_ONE || spec->kind == DWI_LINES_LIST) {
		for (size_t k = 0; k < spec->n; k++) {
			size_t before = lv.n;
			for (size_t i = 0; i < ncand; i++)
				add_line(&lv, &seen, &cs[i], spec->lines[k],
					 line_in(&cs[i], spec->lines[k]));
			int line = spec->nearest && lv.n == before ?
				   nearest_line(cs, ncand, spec->lines[k]) : 0;
			for (size_t i = 0; line && i < ncand; i++)
				add_line(&lv, &seen, &cs[i], line, line_in(&cs[i], line));
		}
	}
	for (size_t i = 0; i < ncand; i++) {
		struct cand *c = &cs[i];
		switch (spec->kind) {
		case DWI_LINES_ONE:
		case DWI_LINES_LIST:
			break;
		case DWI_LINES_RELATIVE: {
			int line = c->site.func->decl_line + spec->lines[0];
			add_line(&lv, &seen, c, line, line_in(c, line));
			break;
		}
		case DWI_LINES_ALL: {
			/* From the line of the function's first row on, for as
			 * long as each next line has code in it. */
			size_t first = c->rows->n;
			for (size_t k = 0; k < c->rows->n; k++)
				if (c->rows->v[k].addr == c->site.entry) {
					first = k;
					break;
				}
			/* else the line of its lowest address */
			for (size_t k = 0; first == c->rows->n && k < c->rows->n; k++)
				if (dwarf_haspc(&c->die, c->rows->v[k].addr) == 1) {
					size_t low = k;
					for (; k < c->rows->n; k++)
						if (c->rows->v[k].addr < c->rows->v[low].addr &&
						    dwarf_haspc(&c->die, c->rows->v[k].addr) == 1)
							low = k;
					first = low;
					while (first > 0 &&
					       c->rows->v[first - 1].line == c->rows->v[low].line)
						first--;
				}
			for (size_t k = first; k < c->rows->n;) {
				int line = c->rows->v[k].line;
				uint64_t addr = line_in(c, line);
				if (!addr)
					break;
				add_line(&lv, &seen, c, line, addr);
				while (k < c->rows->n && c->rows->v[k].line == line)
					k++;
			}
			break;
		}
		}
	}
	if (!lv.n && spec->kind == DWI_LINES_RELATIVE && spec->nearest) {
		int line = nearest_line(cs, ncand, cs[0].site.func->decl_line + spec->lines[0]);
		for (size_t i = 0; line && i < ncand; i++)
			add_line(&lv, &seen, &cs[i], line, line_in(&cs[i], line));
	}
	if (lv.n) {
		rc = 0;
	} else if (spec->kind == DWI_LINES_ONE || spec->kind == DWI_LINES_RELATIVE) {
		int line = spec->lines[0];
		if (spec->kind == DWI_LINES_RELATIVE)
			line += cs[0].site.func->decl_line;
		int below, above;
		nearest(cs, ncand, line, &below, &above);
		const char *f = cs[0].rows->file;
		if (below && above)
			dw_set_err(err, "no code at %s:%d (the nearest lines with code are "
				   "%d and %d)", f, line, below, above);
		else if (below || above)
			dw_set_err(err, "no code at %s:%d (the nearest line with code is %d)",
				   f, line, below ? below : above);
		else
			dw_set_err(err, "no code at %s:%d, nor within 5 lines of it, in the "
				   "functions that '%s' names", f, line, func);
	} else {
		dw_set_err(err, "no code at the lines given in the functions that '%s' names "
			   "in %s", func, cs[0].rows->file);
	}
done:
	for (size_t k = 0; k < ncache; k++)
		free(cache[k].v);
	free(cache);
	free(cs);
	dw_map_free(&seen);
	if (rc < 0) {
		free(lv.v);
		return -1;
	}
	*out = lv.v;
	return (int)lv.n;
}

struct label_walk {
	struct dwi *d;
	const char *pat;
	int line;
	const struct dwi_site *site;
	struct linevec *lv;
	struct map *seen;
	int depth;
};

/* The labels in the blocks of one function or inlined copy. */
static void walk_labels(struct label_walk *w, Dwarf_Die *parent)
{
	Dwarf_Die c;
	if (w->depth > MAX_DEPTH || dwarf_child(parent, &c) != 0)
		return;
	do {
		int tag = dwarf_tag(&c);
		if (tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine)
			continue;
		if (tag != DW_TAG_label) {
			if (dwarf_haschildren(&c)) {
				w->depth++;
				walk_labels(w, &c);
				w->depth--;
			}
			continue;
		}
		Dwarf_Attribute a;
		const char *name = dwarf_formstring(dwarf_attr_integrate(&c, DW_AT_name, &a));
		Dwarf_Addr addr;
		int line = 0;
		if (!name || fnmatch(w->pat, name, 0) != 0 || dwarf_lowpc(&c, &addr) != 0)
			continue;
		dwarf_decl_line(&c, &line);
		if (w->line && line != w->line)
			continue;
		const char *file = dw_decl_file(&c);
		struct cand k = { .site = *w->site };
		struct file_rows r = { .file = file ? file : w->site->func->decl_file };
		k.rows = &r;
		size_t before = w->lv->n;
		add_line(w->lv, w->seen, &k, line, addr);
		if (w->lv->n > before) {
			w->lv->v[before].label = name;
			w->lv->v[before].scope = dw_scope_of_die(w->d, &c, addr);
		}
	} while (dwarf_siblingof(&c, &c) == 0);
}

int dwi_labels(struct dwi *d, const char *func, const char *file, int line,
	       const char *label, struct dwi_line **out, struct dwi_error *err)
{
	*out = NULL;
	struct dwi_site *sites;
	int n = dwi_match(d, func, DWI_MATCH_INLINES, &sites), matched = 0;
	struct linevec lv = { 0 };
	struct map seen = { 0 };
	for (int i = 0; i < n; i++) {
		if (file && !dwi_file_matches(file, sites[i].func->decl_file))
			continue;
		matched++;
		struct inl *in = (struct inl *)sites[i].priv;
		Dwarf_Die die = in ? in->die : fnode_of(sites[i].func)->die;
		struct label_walk w = { d, label, line, &sites[i], &lv, &seen, 0 };
		walk_labels(&w, &die);
	}
	free(sites);
	dw_map_free(&seen);
	if (lv.n) {
		*out = lv.v;
		return (int)lv.n;
	}
	free(lv.v);
	if (!matched)
		dw_set_err(err, "no function %s '%s'%s%s%s in %s", has_wild(func) ? "matches" :
			   "named", func, file ? " in a source file matching '" : "",
			   file ? file : "", file ? "'" : "", d->path);
	else
		dw_set_err(err, "no label %s '%s'%s in the function%s that '%s' names in %s",
			   has_wild(label) ? "matches" : "named", label,
			   line ? " on that line" : "", matched == 1 ? "" : "s", func, d->path);
	return -1;
}
