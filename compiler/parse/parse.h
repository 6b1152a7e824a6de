/* SPDX-License-Identifier: GPL-2.0-or-later */
/* compiler/parse/ makes a script's text into its syntax tree (ast.h), and
 * holds what every pass uses: the arena a compilation allocates from
 * (arena.h) and the diagnostics (diag.h); it uses no other folder.  The
 * text goes lexer.l → preproc.c (SystemTap's preprocessor: arguments,
 * macros, %( %) conditionals, with ppcond.c) → parser.y.
 *
 * parse.h — the parser's one entry point.  Bison's own header stays inside
 * the token layers (lexer, preprocessor, parser); the rest of the compiler
 * sees only this. */
#ifndef USCRIPT_PARSE_H
#define USCRIPT_PARSE_H

#include "ast.h"

/* The macros of library files (.stpm), shared by the parses of a
 * compilation: visible to the script and to every library file. */
struct pp_library;
struct pp_library *pp_library_new(struct arena *a);

/* What the preprocessor needs from outside the script (preproc.c). */
struct parse_opts {
	char **args;            /* the script arguments $1 @1 …, pasted as tokens */
	int nargs;
	const char *kernel_release;  /* kernel_vr; NULL: uname's */
	/* Where an @name the text does not define is looked up (NULL:
	 * nowhere).  Before a miss there, library_miss(library_ctx, name)
	 * may parse the macro file that defines it into the library. */
	struct pp_library *library;
	void (*library_miss)(void *ctx, const char *name);
	/* Says the name (without '@') of every macro the library's macro
	 * files define, for suggestions; may be NULL. */
	void (*library_macros)(void *ctx, void (*say)(void *arg, const char *name), void *arg);
	void *library_ctx;
	/* The text is a macro file: its @defines go to `library`. */
	bool macro_file;
};

/* Parses a whole source text into a script allocated from `a`, after
 * preprocessing it (macros, %( %) conditionals, script arguments; `opts`
 * may be NULL: no arguments).  Syntax errors are reported through diag and
 * counted; the parser recovers at the next statement or declaration, so
 * one run reports them all.  The result is never NULL, but is only
 * meaningful when diag_errors() is 0. */
struct script *parse_script(struct arena *a, const struct src_file *file,
			    const struct parse_opts *opts);

#endif
