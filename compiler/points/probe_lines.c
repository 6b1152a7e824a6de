/* SPDX-License-Identifier: GPL-2.0-or-later */
/* probe_lines.c — process("PATH").statement("FUNC@FILE:LINE"): uprobes at
 * source lines, found in the DWARF line table (dwarf/lines.c); and
 * process("PATH").function("FUNC").label("LABEL"): at C labels, which
 * DWARF gives an address of their own.
 *
 * The spec is SystemTap's: FUNC is a function pattern as .function takes
 * it ("*" for every function), FILE a source file pattern that may name
 * only the last components of the path, and after it ":N" (line N),
 * "+N" (N lines below FUNC's declaration), ":*" (every line of FUNC), or
 * lines and ranges ":N-M,K"; with .nearest, a line without code is the
 * nearest one that has some.  pp() names each place as SystemTap does,
 * "FUNC@FILE:LINE" with FUNC the function whose code holds the line (the
 * inlined function, for an inlined copy) and FILE as the line table names
 * it.  Target variables are those in scope at the address (target_func.c). */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "binary/debugfile.h"
#include "parse/arena.h"
#include "compile.h"
#include "parse/diag.h"
#include "dwarf/dwarfinfo.h"
#include "binary/insn.h"
#include "probes.h"

/* Reads "N", "N-M" and "N,M-K" into spec; false if the text is none of
 * them. */
static bool parse_lines(struct attach_table *t, const char *s, struct dwi_linespec *spec)
{
	int *v = NULL;
	size_t n = 0, cap = 0;
	bool list = strpbrk(s, ",-") != NULL;
	while (*s) {
		char *end;
		if (!isdigit((unsigned char)*s))
			return false;
		long lo = strtol(s, &end, 10), hi = lo;
		if (*end == '-') {
			if (!isdigit((unsigned char)end[1]))
				return false;
			hi = strtol(end + 1, &end, 10);
		}
		if (lo <= 0 || hi < lo || hi - lo > 100000 || hi > 10000000)
			return false;
		for (long l = lo; l <= hi; l++) {
			if (n == cap) {
				cap = cap ? 2 * cap : 16;
				int *bigger = arena_alloc(t->arena, cap * sizeof(int));
				if (n)
					memcpy(bigger, v, n * sizeof(int));
				v = bigger;
			}
			v[n++] = (int)l;
		}
		if (*end == ',' && end[1])
			end++;
		else if (*end)
			return false;
		s = end;
	}
	if (!n)
		return false;
	spec->kind = list ? DWI_LINES_LIST : DWI_LINES_ONE;
	spec->lines = v;
	spec->n = n;
	return true;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Splits "FUNC@FILE:LINES" into its parts; false if it is not one. */
static bool parse_spec(struct attach_table *t, const char *text, const char **func,
		       const char **file, struct dwi_linespec *spec)
{
	/* '@' after any "::" of a C++ name */
	const char *scope = NULL;
	for (const char *p = strstr(text, "::"); p; p = strstr(p + 1, "::"))
		scope = p + 2;
	const char *at = strchr(scope ? scope : text, '@');
	if (!at || at == text)
		return false;
	const char *sep = strpbrk(at, ":+");
	if (!sep || sep == at + 1 || !sep[1])
		return false;
	*func = arena_strndup(t->arena, text, (size_t)(at - text));
	*file = arena_strndup(t->arena, at + 1, (size_t)(sep - at - 1));
	if (*sep == '+') {
		char *end;
		long n = strtol(sep + 1, &end, 10);
		if (*end || !isdigit((unsigned char)sep[1]) || n > 10000000)
			return false;
		int *v = arena_alloc(t->arena, sizeof(int));
		*v = (int)n;
		spec->kind = DWI_LINES_RELATIVE;
		spec->lines = v;
		spec->n = 1;
		return true;
	}
	if (strcmp(sep + 1, "*") == 0) {
		spec->kind = DWI_LINES_ALL;
		spec->lines = NULL;
		spec->n = 0;
		return true;
	}
	if (!parse_lines(t, sep + 1, spec))
		return false;
	qsort((int *)spec->lines, spec->n, sizeof(int), cmp_int);
	return true;
}

/* probefunc() at a line: the symbol whose code holds it, the caller's
 * for an inlined copy. */
static const char *line_func(const struct dwi_site *s)
{
	const struct dwi_func *f = s->caller ? s->caller : s->func;
	return f->linkage ? f->linkage : f->name;
}

/* A row for each place, at its address in f; pp() as SystemTap names a
 * line or a label there.  A place the kernel cannot probe is an error if
 * it is all the script named (`one`), else left out with a warning. */
static int add_places(struct attach_table *t, const struct probe *p,
		      const struct probe_point *pp, struct elf_file *f, struct dwi *dw,
		      const struct dwi_line *lines, int n, bool one, const char *text,
		      const struct attach_point *proto)
{
	int first = t->n, skipped = t->nskipped;
	for (int i = 0; i < n; i++) {
		const struct dwi_line *l = &lines[i];
		uint64_t off;
		bool exec;
		if (elf_vaddr_to_offset(f, l->addr, &off, &exec, &(struct elf_error){ 0 }) < 0 ||
		    !exec)
			continue;
		const char *where = l->label ?
			arena_printf(t->arena, "process(\"%s\").function(\"%s@%s:%d\").label(\"%s\")",
				     elf_path(f), l->site.name, l->file, l->line, l->label) :
			arena_printf(t->arena, "process(\"%s\").statement(\"%s@%s:%d\")",
				     elf_path(f), l->site.name, l->file, l->line);
		const char *why = probes_refusal(t, f, l->addr, line_func(&l->site));
		if (why && one)
			return probes_fail(pp, "%s", why);
		if (why) {
			probes_skip(t, where, why);
			continue;
		}
		struct attach_point *a = probes_add_row(t, p, pp, off, proto);
		a->may_skip = !one;
		a->func = arena_strdup(t->arena, line_func(&l->site));
		a->pp = where;
		struct row_ctx *x = &t->ctx[t->n - 1];
		x->file = f;
		x->vaddr = l->addr;
		x->at_line = !l->whole_function;
		x->scope = l->scope;
		if (t->opts->list_vars)
			x->listing = l->whole_function ? dwi_site_listing(&l->site, false) :
				     dwi_scope_listing(l->scope ? l->scope :
						       dwi_scope_at(dw, l->addr));
	}
	if (t->n > first)
		return 0;
	int k = t->nskipped - skipped;
	probes_fail(pp, "the kernel cannot probe any of the %d place%s '%s' names in %s", k,
		    k == 1 ? "" : "s", text, elf_path(f));
	if (!pp->optional && k)
		diag_note(&pp->loc, "%s", t->skipped[skipped].why);
	t->nskipped = skipped;
	return -1;
}

int probes_add_lines(struct attach_table *t, const struct probe *p,
		     const struct probe_point *pp, struct elf_file *f, const char *text,
		     bool nearest, const struct attach_point *proto)
{
	const char *func, *file;
	struct dwi_linespec spec = { 0 };
	if (!parse_spec(t, text, &func, &file, &spec))
		return probes_fail(pp, "'%s' is not a source line: .statement takes "
				   "\"FUNCTION@FILE:LINE\", \"FUNCTION@FILE+N\" (N lines below "
				   "the function's declaration), \"FUNCTION@FILE:FIRST-LAST\", "
				   "\"FUNCTION@FILE:*\" (every line), or an address such as "
				   "0x401126", text);
	spec.nearest = nearest;
	struct dwi *dw = probes_dwarf(t, proto->path);
	if (!dw)
		return probes_fail(pp, "source lines need debug information, and %s has none "
				   "(%s)", elf_path(f), debugfile_hint());
	struct dwi_line *lines;
	struct dwi_error err;
	int n = dwi_lines(dw, func, file, &spec, &lines, &err);
	if (n < 0)
		return probes_fail(pp, "%s", err.msg);
	bool one = n == 1 && spec.kind == DWI_LINES_ONE && !strpbrk(func, "*?[");
	int rc = add_places(t, p, pp, f, dw, lines, n, one, text, proto);
	free(lines);
	return rc;
}

int probes_add_labels(struct attach_table *t, const struct probe *p,
		      const struct probe_point *pp, struct elf_file *f, const char *func,
		      const char *label, const struct attach_point *proto)
{
	/* "f@file.c" keeps the functions of that file, "f@file.c:N" the
	 * labels on line N */
	const char *file = NULL, *at = strchr(func, '@');
	int line = 0;
	if (at) {
		const char *colon = strchr(at, ':');
		char *end = NULL;
		if (colon)
			line = (int)strtol(colon + 1, &end, 10);
		if (at == func || (colon && (colon == at + 1 || line <= 0 || *end)))
			return probes_fail(pp, "a label's function is \"FUNCTION\", "
					   "\"FUNCTION@FILE\" or \"FUNCTION@FILE:LINE\", not '%s'",
					   func);
		file = colon ? arena_strndup(t->arena, at + 1, (size_t)(colon - at - 1)) :
			       at + 1;
		func = arena_strndup(t->arena, func, (size_t)(at - func));
	}
	struct dwi *dw = probes_dwarf(t, proto->path);
	if (!dw)
		return probes_fail(pp, "labels need debug information, and %s has none (%s)",
				   elf_path(f), debugfile_hint());
	struct dwi_line *lines;
	struct dwi_error err;
	int n = dwi_labels(dw, func, file, line, label, &lines, &err);
	if (n < 0)
		return probes_fail(pp, "%s", err.msg);
	bool one = n == 1 && !strpbrk(func, "*?[") && !strpbrk(label, "*?[");
	int rc = add_places(t, p, pp, f, dw, lines, n, one, label, proto);
	free(lines);
	return rc;
}
