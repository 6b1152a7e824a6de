/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ast.h — the syntax tree of a uscript script, and source locations.
 *
 * The parser builds this tree and nothing else; resolution annotates it in
 * place (the fields marked "resolve") and code generation reads it.  Every
 * node carries a location with a file, so any pass can point a diagnostic at
 * the text that caused it.  All nodes come from the script's arena.
 *
 * Lists are singly linked through `next` in source order. */
#ifndef USCRIPT_AST_H
#define USCRIPT_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct arena;

/* One source text: a script file, `-e` text, or standard input. */
struct src_file {
	const char *name;  /* as printed in diagnostics: path, "<input>", "<stdin>" */
	const char *text;  /* NUL-terminated */
	size_t len;
	bool library;      /* a file of the tapset (built in or -I): its code
			    * draws no warnings of elision (check/elide.h) */
};

/* A span of source text; lines and columns count from 1, columns in bytes.
 * The parser uses this type as YYLTYPE. */
struct loc {
	const struct src_file *file;
	int line, col;          /* first character */
	int end_line, end_col;  /* last character, inclusive */
};

enum type {
	TYPE_UNKNOWN = 0,
	TYPE_LONG,
	TYPE_STRING,
	TYPE_STAT,  /* statistic: the target of <<< */
};

const char *type_name(enum type t);

/* ---- expressions ---- */

enum expr_kind {
	EXPR_NUM,       /* num */
	EXPR_STR,       /* str */
	EXPR_VAR,       /* name: a local, a global scalar, or a whole array */
	EXPR_INDEX,     /* name[args]: an array element */
	EXPR_CALL,      /* name(args): builtin or script function */
	EXPR_STAT,      /* @op(args): @count @sum @min @max @avg @hist_log @hist_linear */
	EXPR_TARGET,    /* $name with suffixes, $$parms, $var$ */
	EXPR_SCRIPT_ARG,/* $1 (number) or @1 (string) */
	EXPR_ARGC,      /* $# or @# */
	EXPR_UNARY,     /* op arg */
	EXPR_BINARY,    /* lhs op rhs: arithmetic, comparison, logic, concatenation */
	EXPR_TERNARY,   /* cond ? lhs : rhs */
	EXPR_ASSIGN,    /* lhs op= rhs (op OP_NONE for plain =) */
	EXPR_INCDEC,    /* ++x, x++, --x, x-- */
	EXPR_STAT_ADD,  /* lhs <<< rhs */
	EXPR_IN,        /* [args] in name */
	EXPR_EMBEDDED,  /* %{ str %}: embedded C (guru mode), refused by resolve */
	EXPR_DEFINED,   /* @defined(args) (num 0) or @choose_defined(args) (num 1);
			 * points/target.c folds it to a number or an argument */
	EXPR_BUCKET,    /* lhs[rhs]: a bucket's count, lhs an @hist_… EXPR_STAT */
	EXPR_ENTRY,     /* @entry(lhs): lhs as it was at the entry of the call a
	                 * .return probe sees return; num is its slot, in codegen */
};

enum op {
	OP_NONE,
	/* arithmetic and bits, long × long → long */
	OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_SHL, OP_SHR, OP_USHR,
	OP_BAND, OP_BOR, OP_BXOR,
	/* logic, short-circuit */
	OP_LAND, OP_LOR,
	/* comparison, long or string operands → long */
	OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
	/* string concatenation, '.' */
	OP_CONCAT,
	/* string =~ and !~ a literal regular expression → long */
	OP_MATCH, OP_NMATCH,
	/* unary */
	OP_NEG, OP_PLUS, OP_NOT, OP_BNOT, OP_DEREF,
	/* ++ and -- */
	OP_PREINC, OP_PREDEC, OP_POSTINC, OP_POSTDEC,
};

const char *op_name(enum op op);  /* its spelling: "+", "<=", ".", "++" … */

enum stat_op {
	STAT_COUNT, STAT_SUM, STAT_MIN, STAT_MAX, STAT_AVG,
	STAT_HIST_LOG, STAT_HIST_LINEAR, STAT_VARIANCE,
};

const char *stat_op_name(enum stat_op op);  /* "@count" … */

/* One step after a target variable: ->field (also .field) or [index]. */
struct target_suffix {
	struct target_suffix *next;
	struct loc loc;
	const char *member;      /* NULL for an index */
	struct expr *index;
};

struct expr {
	enum expr_kind kind;
	struct loc loc;
	struct expr *next;       /* next argument or key in a list */

	int64_t num;             /* EXPR_NUM value; EXPR_SCRIPT_ARG index (1-based) */
	const char *str;         /* EXPR_STR bytes, escapes decoded (may hold no NUL) */
	size_t str_len;
	const char *name;        /* VAR INDEX CALL IN: the identifier;
	                          * TARGET: the name without its first '$',
	                          * so "$$parms" is "$parms" and "$x" is "x" */
	struct loc name_loc;     /* INDEX IN: where the array's name is */
	struct loc op_loc;       /* BINARY ASSIGN: where the operator is */
	enum op op;              /* UNARY BINARY ASSIGN INCDEC */
	enum stat_op stat;       /* EXPR_STAT */
	bool is_string;          /* EXPR_SCRIPT_ARG: @N rather than $N */
	int pretty;              /* EXPR_TARGET: number of trailing '$' ($var$ is 1) */
	/* EXPR_TARGET written @cast(lhs, "name", "module") or @var("name",
	 * "module") rather than $name; args is the name's string and the
	 * module's, each a literal or a script argument (@1), whose text
	 * check/ puts in name and module; module is NULL when not given, and
	 * arg_loc is where the name's string is.  TARGET_AUTO is members
	 * after any other expression, lhs (SystemTap's autocast: "fh->x"),
	 * read by the type the value lhs stands for has; name is NULL. */
	enum { TARGET_DOLLAR, TARGET_CAST, TARGET_ATVAR, TARGET_AUTO } form;
	const char *module;
	struct loc arg_loc, module_loc;
	bool module_kernel;      /* @cast with no module outside process
				  * probes: module is "kernel", as SystemTap
				  * reads it (check/infer.c) */
	bool addr_of;            /* EXPR_TARGET after a unary '&': its address */

	struct expr *args;       /* CALL STAT arguments; INDEX IN keys */
	struct expr *lhs, *rhs;  /* BINARY ASSIGN STAT_ADD; UNARY INCDEC use lhs;
	                          * TARGET: @cast's address, autocast's value */
	struct expr *cond;       /* TERNARY: cond ? lhs : rhs */
	struct target_suffix *suffix; /* EXPR_TARGET */

	/* resolve */
	enum type type;
	bool bad;                /* an error was reported here: no follow-on errors */
	bool printed;            /* an argument of print, printf, … itself */
	struct sym *sym;         /* VAR INDEX IN STAT_ADD target: the variable */
	const struct builtin *builtin;   /* CALL: a builtin */
	struct func *func;       /* CALL: a script function */
	void *res;               /* anything else a later pass attaches */
};

/* ---- statements ---- */

enum stmt_kind {
	STMT_BLOCK,     /* { body } */
	STMT_EXPR,      /* expr */
	STMT_IF,        /* if (expr) body else else_body */
	STMT_WHILE,     /* while (expr) body */
	STMT_FOR,       /* for (init; expr; step) body — any may be NULL */
	STMT_FOREACH,   /* see struct foreach */
	STMT_BREAK,
	STMT_CONTINUE,
	STMT_NEXT,
	STMT_RETURN,    /* return [expr] */
	STMT_DELETE,    /* delete expr (a VAR or an INDEX) */
	STMT_EMPTY,     /* ; */
	STMT_TRY,       /* try body catch (expr) else_body — expr a VAR or NULL */
};

/* foreach ([k1, k2] in arr), foreach (v = [k] in arr-), foreach (k in arr),
 * with at most one sort mark and an optional limit. */
struct foreach {
	const char *value;       /* "v" in "v = [...]", or NULL */
	struct loc value_loc;
	const char **keys;       /* key variable names */
	struct loc *key_locs;
	int nkeys;
	const char *array;
	struct loc array_loc;
	/* Which column the loop is sorted by: 0 none, 1..nkeys a key,
	 * -1 the value (a mark after the value or after the array). */
	int sort_column;
	int sort_dir;            /* +1 ascending, -1 descending, 0 none */
	bool has_aggr;           /* `in s @sum+`: statistics by that aggregate */
	enum stat_op sort_aggr;
	struct expr *limit;      /* or NULL */
	struct expr *slice;      /* `in x[*, k]`: the keys, `*` a VAR named "*";
				  * check/slice.h lowers it before resolution */
	bool deletes_own;        /* made by slice.h for `delete x[*, k]`: it
				  * deletes its array's elements, as it may */
	struct expr *hist;       /* foreach (b in @hist_log(x)): the buckets */

	/* resolve */
	struct sym *value_sym;
	struct sym **key_syms;
	struct sym *array_sym;
};

struct stmt {
	enum stmt_kind kind;
	struct loc loc;
	struct stmt *next;

	struct expr *expr;       /* EXPR IF WHILE FOR(cond) RETURN DELETE */
	struct stmt *body;       /* BLOCK (list), IF(then), WHILE FOR FOREACH */
	struct stmt *else_body;  /* IF */
	struct stmt *init, *step;/* FOR: each a STMT_EXPR or NULL */
	struct foreach *foreach; /* FOREACH */
};

/* ---- top level ---- */

/* One component of a probe point: `function("main")`, `return`, `s(1)`. */
struct pp_comp {
	struct pp_comp *next;
	struct loc loc;
	const char *name;
	enum { PP_ARG_NONE, PP_ARG_STR, PP_ARG_NUM } arg_kind;
	const char *str;
	int64_t num;
};

struct probe_point {
	struct probe_point *next;
	struct loc loc;
	struct pp_comp *comps;
	bool optional;           /* trailing '?', or '!' */
	bool sufficient;         /* trailing '!': once it resolves, the probe's
				  * later points are not tried */
	struct expr *cond;       /* `if (cond)` after the point, or NULL */
	const struct probe_point *via;  /* a point an alias stands for: the
					 * use of the alias (points/alias.h) */
	const struct probe *origin;     /* made by points/alias.h: the probe
					 * as written, and the position there of */
	int seq;                        /* the point this one comes from, for '!' */
	const char *listed;      /* made by points/alias.h: the name -l lists
				  * it under, the outermost alias it comes
				  * through whose name (with the suffix the use
				  * adds) holds no wildcard; NULL for its own */
	const char *text;        /* canonical spelling, for pp() and messages:
	                          * process("a").function("b").return */
};

struct probe {
	struct probe *next;
	struct loc loc;          /* the keyword `probe` through the last point */
	struct probe_point *points;
	struct stmt *body;       /* a STMT_BLOCK */
	int id;                  /* position in the script, from 0 */
};

/* `probe NAME = POINTS { prologue }`, or `+=` with an epilogue: a probe
 * point that stands for others (points/alias.h expands its uses). */
struct alias {
	struct alias *next;
	struct loc loc;          /* its name */
	struct pp_comp *name;    /* components without arguments */
	const char *text;        /* the name as written, for messages */
	bool epilogue;           /* `+=` */
	struct probe_point *points;
	struct stmt *body;
};

struct global {
	struct global *next;
	struct loc loc;
	const char *name;
	bool is_private;         /* `private`: see the guide */
	int64_t size;            /* N of `global a[N]`; 0 if not given */
	bool is_array_decl;      /* written with [N] */
	bool wrap;               /* `global a%`: when full, the oldest element
				  * makes room instead of an overflow error */
	struct expr *init;       /* `global x = 5`: a literal, or NULL */
	bool unnamed;            /* no code names it (check/elide.h): its type
				  * may stay unknown, as it is elided */
	bool in_library;         /* declared in a tapset file: not printed at
				  * the end, unread or not (tapset/link.c) */

	struct sym *sym;         /* resolve */
};

struct param {
	struct param *next;
	struct loc loc;
	const char *name;
	enum type declared;      /* `s:string` → TYPE_STRING; else TYPE_UNKNOWN */
};

struct func {
	struct func *next;
	struct loc loc;          /* the name */
	const char *name;
	bool is_private;         /* `private function` */
	enum type declared;      /* `function f:long(...)` */
	struct param *params;
	int nparams;
	struct stmt *body;
	const char *embedded;    /* the C of `function f() %{ … %}` (body empty) */

	/* resolve */
	enum type ret_type;
	bool recursive;          /* it can call itself, directly or not */
	bool unused;             /* no probe calls it, after elision
				  * (check/elide.h): it is not compiled */
	struct sym **param_syms;
	void *res;
};

struct script {
	struct arena *arena;
	const struct src_file *file;
	struct probe *probes;
	struct global *globals;
	struct func *funcs;
	struct expr *embedded;   /* top-level %{ %} blocks, EXPR_EMBEDDED */
	struct alias *aliases;
	struct func *pruned;     /* the library's functions that nothing calls,
				  * taken out of funcs (check/elide.h) */
	int nprobes;
	/* The library's function names, for "did you mean": calls
	 * add(ctx, name) for each (compiler/tapset/); NULL: none. */
	void (*library_names)(void *library, void (*add)(void *ctx, const char *name),
			      void *ctx);
	/* The same for the library's probe alias names ("syscall.open"). */
	void (*library_aliases)(void *library, void (*add)(void *ctx, const char *name),
				void *ctx);
	void *library;
};

/* Constructors used by the parser: nodes come zeroed from the arena with
 * the location set. */
struct expr *ast_expr(struct arena *a, enum expr_kind kind, const struct loc *loc);
struct stmt *ast_stmt(struct arena *a, enum stmt_kind kind, const struct loc *loc);

/* The number of elements of an expression list. */
int ast_count(const struct expr *list);

/* The canonical text of a probe point made of comps: components joined
 * by '.', their arguments normalised (numbers in decimal, but a
 * statement's address in hex as nm and objdump show it; strings escaped as
 * ast_print does), no trailing '?'. */
const char *ast_pp_text(struct arena *a, const struct pp_comp *comps);

/* A copy of a statement list, or of one expression list, with every node
 * new: later passes annotate nodes in place, so code that appears in two
 * handlers needs two trees.  Locations are kept. */
struct stmt *ast_clone_stmts(struct arena *a, const struct stmt *list);
struct expr *ast_clone_exprs(struct arena *a, const struct expr *list);

/* -p1: the tree as readable, re-parseable script text, one statement a
 * line, fully parenthesised expressions. */
void ast_print(const struct script *s, FILE *out);

/* A string as a uscript literal: quoted, with C escapes for '"', '\\' and
 * control characters.  ast_print and probe_point.text spell strings so. */
void ast_print_string(const char *s, size_t len, FILE *out);

#endif
