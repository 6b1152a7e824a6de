/* SPDX-License-Identifier: GPL-2.0-or-later */
/* compiler/ turns a script into the program the runtime runs (program.h),
 * a pass a folder: parse/, check/, points/ (which reads files with binary/
 * and dwarf/), then codegen/; compile.c drives them and is the only one
 * that uses them all.
 *
 * compile.h — the compiler's driver: parse → link the tapset → resolve →
 * probe points → code generation, in that order, each pass dumpable.
 *
 * compile() returns 0 with *out set to the compiled program, or -1 after the
 * diagnostics were printed.  When opts->last_pass stops before code
 * generation, *out is NULL on success. */
#ifndef USCRIPT_COMPILE_H
#define USCRIPT_COMPILE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "parse/ast.h"
#include "program.h"

enum pass {
	PASS_PARSE = 1,     /* -p1: print the syntax tree */
	PASS_RESOLVE = 2,   /* -p2: print probes, types, globals */
	PASS_IR = 3,        /* -p3: print LLVM IR */
	PASS_OBJECT = 4,    /* -p4: write the BPF object */
	PASS_RUN = 5,
};

struct compile_opts {
	enum pass last_pass;
	FILE *dump;                 /* where -p1…-p3 print */
	uint32_t maxstringlen;      /* -D MAXSTRINGLEN */
	uint32_t maxaction;         /* -D MAXACTION */
	uint32_t maxmapentries;     /* -D MAXMAPENTRIES */
	uint32_t maxnesting;        /* -D MAXNESTING: calls deep, at most */
	uint32_t maxerrors;         /* -D MAXERRORS: errors that do not stop the run */
	uint32_t bufsize;           /* -D BUFSIZE: ring buffer bytes */
	uint32_t ustack_bytes;      /* -D USTACK_BYTES: user stack copied for
				     * unwinding by CFI; 0 frame pointers only */
	char **args;                /* script arguments $1… @1… */
	int nargs;
	int target_pid;             /* -x PID, else 0 */
	const char *target_exe;     /* the -c command's or -x process's executable */
	int verbose;
	bool unoptimized;           /* -u: no elision (check/elide.h) */
	bool list_points;           /* -l: print the points resolution found, no more */
	bool list_vars;             /* -L: and the target variables at each */
	char **include_dirs;        /* -I: tapset directories after the built-in one */
	int ninclude_dirs;
};

void compile_opts_default(struct compile_opts *o);

/* A numeric script argument's value ($1): a number as strtoll reads it, or
 * one up to 2^64 - 1, which wraps to a negative long as a literal in the
 * script does.  False if it is no number or out of range. */
bool script_arg_number(const char *text, int64_t *v);

int compile(struct arena *a, const struct src_file *file,
	    const struct compile_opts *opts, struct program **out);

/* --dump-functions: every library function and builtin with its
 * signature, one a line, as stap prints them.  0, or -1 after errors. */
int compile_dump_functions(struct arena *a, const struct compile_opts *opts);

/* Frees what the program holds outside its arena (LLVM objects). */
void program_release(struct program *p);

#endif
