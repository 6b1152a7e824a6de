/* SPDX-License-Identifier: GPL-2.0-or-later */
/* compiler/check/ binds the names of the syntax tree and infers and checks
 * its types (resolve.h, usage.h) against the table of builtins
 * (builtins.h); it uses parse/, the options of compile.h and the runtime's
 * rules for printf formats and statistics (runtime/format.h,
 * runtime/stats.h), and the table names each builtin's generator in
 * codegen/.
 *
 * resolve.h — name binding and type inference.
 *
 * Binds every identifier to a symbol (a local of its handler, a parameter,
 * or a global), every call to a builtin or a script function, and infers the
 * type of every symbol and expression from all of its uses across the
 * script, iterating until nothing changes.  A use that conflicts with the
 * type inferred so far is an error at that use, with a note at the place
 * that fixed the type.  Also checks what only the whole script can tell:
 * recursion, argument counts, printf formats, script arguments.
 *
 * Constructs the code generator cannot compile yet are reported here as
 * "… is not supported yet", so a user hears about them before anything is
 * attached. */
#ifndef USCRIPT_RESOLVE_H
#define USCRIPT_RESOLVE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "parse/ast.h"
#include "program.h"

struct compile_opts;

enum sym_kind { SYM_LOCAL, SYM_PARAM, SYM_GLOBAL };

struct sym {
	const char *name;
	enum sym_kind kind;
	struct loc loc;          /* declaration, or first use */
	enum type type;          /* of the value (of an element, for arrays) */
	struct loc type_loc;     /* the use that decided the type */
	bool type_declared;      /* …or its declaration, as in `s:string` */
	bool poisoned;           /* assigned from an expression already reported */
	bool is_array;
	bool scalar_use;         /* first used without keys: a scalar for good */
	struct loc scalar_loc;   /* that use */
	int nkeys;               /* fixed by the first use with keys */
	struct loc keys_loc;     /* that use */
	enum type key_types[MAX_KEYS];
	int64_t max_entries;     /* arrays */
	struct stat_shape shape; /* statistics: the histogram they keep */
	struct loc shape_loc;    /* the @hist_… that fixed it */
	bool variance;           /* @variance is read: its bit shift, and the */
	int var_shift;           /* @variance that gave it */
	struct loc var_loc;
	bool read, written, used;  /* see use_expr() in usage.c */
	bool live_read, live_ref;  /* read, and named at all, by code that runs:
				    * elide.c's marks */
	int index;               /* position among its handler's locals, or globals */
	uint32_t offset;         /* globals: where the value is in the globals area */
	const struct global *decl;  /* globals */
	void *cg;                /* code generation's own data */
};

/* A handler: a probe body or a script function. */
struct handler {
	struct probe *probe;     /* one of these two */
	struct func *func;
	struct sym **locals;     /* locals and parameters */
	int nlocals;
};

struct resolved {
	struct sym **globals;    /* in declaration order, then first use */
	int nglobals;
	struct handler *probes;  /* one per probe, by probe id */
	struct handler *funcs;   /* one per function, in source order */
	int nfuncs;
	bool uses_matched;       /* matched() or ngroups() is called: each =~
	                          * keeps where it matched */
};

/* Returns 0, or -1 with the errors reported. */
int resolve_script(struct script *s, const struct compile_opts *opts,
		   struct resolved *out);

/* -p2: the script's globals, functions and locals with their types. */
void resolve_print(const struct script *s, const struct resolved *r, FILE *out);

#endif
