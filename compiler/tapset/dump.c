/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dump.c — --dump-functions: the library's functions and the builtins with
 * their signatures, as stap prints them ("ctime:string (epochsecs:long)"),
 * one a line in the order of their names.  A type inference cannot tell
 * is "unknown", as is the type of a function that returns nothing.  Names
 * that start with '_' are the library's own helpers, shown with -v only,
 * as stap shows its "__global__" ones. */
#include <stdlib.h>
#include <string.h>

#include "check/builtins.h"
#include "check/resolve.h"
#include "compile.h"
#include "parse/arena.h"
#include "parse/diag.h"
#include "tapset.h"

struct line {
	const char *name;
	int arity;
	char *text;
};

static int by_name(const void *x, const void *y)
{
	const struct line *a = x, *b = y;
	int c = strcmp(a->name, b->name);
	return c ? c : a->arity - b->arity;
}

/* A builtin's signatures: one a number of arguments it takes, its
 * arguments named arg1, arg2…; a variadic one ends with "...". */
static int builtin_lines(struct arena *a, const struct builtin *b, struct line *out)
{
	int n = 0, min, max;
	builtin_arity(b, &min, &max);
	for (int k = min; k <= (max < 0 ? min : max); k++) {
		char *text = arena_printf(a, "%s:%s (", b->name, type_name(b->ret));
		for (int i = 0; i < k; i++) {
			enum type t = builtin_arg_type(b, i);
			text = arena_printf(a, "%s%sarg%d:%s", text, i ? ", " : "", i + 1,
					    t == TYPE_UNKNOWN ? "any" : type_name(t));
		}
		if (max < 0)
			text = arena_printf(a, "%s%s...", text, k ? ", " : "");
		out[n].name = b->name;
		out[n].arity = k;
		out[n++].text = arena_printf(a, "%s)", text);
	}
	return n;
}

int compile_dump_functions(struct arena *a, const struct compile_opts *opts)
{
	struct tapset *lib = tapset_new(a, opts->include_dirs, opts->ninclude_dirs);
	tapset_set_maxstringlen(lib, opts->maxstringlen);
	struct parse_opts popts = { .args = opts->args, .nargs = opts->nargs };
	tapset_parse_opts(lib, &popts);
	struct script *s = tapset_all(lib);
	if (!s)
		return -1;
	/* What inference cannot settle in functions nobody calls is
	 * "unknown", not an error. */
	FILE *null = fopen("/dev/null", "w");
	struct resolved res;
	if (null)
		diag_set_output(null);
	resolve_script(s, opts, &res);
	diag_set_output(NULL);
	diag_set_context(NULL, NULL);
	diag_reset();
	if (null)
		fclose(null);

	int cap = res.nfuncs + 4 * BI_COUNT + 1, n = 0;
	struct line *lines = arena_alloc(a, (size_t)cap * sizeof(*lines));
	for (int i = 0; i < res.nfuncs; i++) {
		const struct handler *h = &res.funcs[i];
		const struct func *f = h->func;
		if (f->name[0] == '_' && !opts->verbose)
			continue;
		char *text = arena_printf(a, "%s:%s (", f->name, type_name(f->ret_type));
		for (int k = 0; k < f->nparams; k++)
			text = arena_printf(a, "%s%s%s:%s", text, k ? ", " : "", h->locals[k]->name,
					    type_name(h->locals[k]->type));
		lines[n].name = f->name;
		lines[n].arity = f->nparams;
		lines[n++].text = arena_printf(a, "%s)", text);
	}
	for (int i = 0; i < BI_COUNT; i++)
		if (builtin_name(i)[0] != '_' || opts->verbose)
			n += builtin_lines(a, builtin_find(builtin_name(i)), lines + n);
	qsort(lines, (size_t)n, sizeof(*lines), by_name);
	for (int i = 0; i < n; i++)
		fprintf(opts->dump, "%s\n", lines[i].text);
	return 0;
}
