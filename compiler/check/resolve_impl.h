/* SPDX-License-Identifier: GPL-2.0-or-later */
/* resolve_impl.h — what the two parts of resolution share, and nothing
 * else includes: the state of a walk, and what one part asks the other.
 *
 *   resolve.c  symbols, statements, handlers and functions, the walks
 *              repeated until the types settle, and the -p2 dump
 *   infer.c    the type of each expression, with the arrays and
 *              statistics it names and the checks of calls and formats */
#ifndef USCRIPT_RESOLVE_IMPL_H
#define USCRIPT_RESOLVE_IMPL_H

#include <stdbool.h>

#include "parse/ast.h"
#include "resolve.h"

struct rs {
	struct script *script;
	const struct compile_opts *opts;
	struct arena *arena;
	struct resolved *out;
	struct handler *h;       /* the handler being walked */
	bool in_return_probe;    /* every point of the probe is a .return */
	bool in_process_probe;   /* every point of the probe is a process probe */
	bool in_target_probe;    /* every point has target variables: process
				  * or kernel.trace */
	bool checking;
	bool changed;
	bool hist_ok;            /* a histogram may stand here: print's argument */
	int loop_depth;
	const struct handler *value_told; /* a handler told of $value (infer.c) */
	struct sym **globals;
	int nglobals, cap_globals;
};

/* resolve.c: symbols */
struct sym *global_find(struct rs *rs, const char *name);
/* " (similar: a, b)" for an unknown name: the globals (with arrays, those
 * not used as scalars) and the other locals of h (if not NULL) closest to
 * it, or "". */
const char *similar_vars(struct rs *rs, const struct handler *h, const char *name, bool arrays);
struct sym *local_find(struct handler *h, const char *name);
struct sym *bind_name(struct rs *rs, const char *name, const struct loc *loc);
struct func *func_find(struct script *s, const char *name, int arity);
struct handler *handler_of(struct rs *rs, const struct func *f);

/* infer.c: types */
enum type infer(struct rs *rs, struct expr *e, enum type want, const char *what);
void expect(struct rs *rs, struct expr *e, enum type want, const char *what);
void sym_unify(struct rs *rs, struct sym *s, enum type t, const struct loc *loc);
struct sym *bind_array(struct rs *rs, const char *name, const struct loc *loc, int nkeys);
void infer_keys(struct rs *rs, struct sym *s, struct expr *keys);

#endif
