/* SPDX-License-Identifier: GPL-2.0-or-later */
/* compiler/tapset/ is the standard library's pass, between parse and
 * check: it finds the library files that define what a script uses and
 * adds their definitions to the script.
 *
 * tapset.h — the library and the link step.
 *
 * The library is a list of directories searched in SystemTap's order: the
 * tapset built into the binary first (the files of tapset/ in the source
 * tree, embedded at build time with an index of their definitions, and
 * named "tapset/NAME" in messages), then each -I directory in the order
 * given.  A file whose name was already seen in an earlier directory is
 * skipped, as stap skips it; among the files left, the first to define a
 * name is the one used.
 *
 * Nothing is read or parsed until a name is missing: a script that uses no
 * library function costs a walk of its own tree.  Then the index of the
 * built-in tapset is searched (no I/O), and the -I directories are listed
 * and scanned (scan.h) the first time a name is found in none before them.
 *
 * A file is pulled in whole, when the script, or a file pulled in before
 * it, calls a function it defines (by name and number of arguments), uses
 * a macro of its (.stpm files, through the preprocessor's hook) or a probe
 * alias it defines.  The script's own definitions win: a library function
 * of the same name and arity as one of the script's, or as a builtin, is
 * left out. */
#ifndef USCRIPT_TAPSET_H
#define USCRIPT_TAPSET_H

#include <stdbool.h>
#include <stdio.h>

#include "parse/ast.h"
#include "parse/parse.h"

struct tapset;

/* A library of the built-in tapset and the directories `dirs` (-I), in
 * that order; the arena holds it. */
struct tapset *tapset_new(struct arena *a, char **dirs, int ndirs);

/* Hooks the library's macros into opts: an @name no text defines is
 * looked for in the library's .stpm files. */
void tapset_parse_opts(struct tapset *t, struct parse_opts *opts);

/* The value of @MAXSTRINGLEN, one of the macros made for the library
 * from what the compilation is (-D MAXSTRINGLEN). */
void tapset_set_maxstringlen(struct tapset *t, unsigned long n);

/* Adds to `s` the library files it needs, and the ones those need, until
 * every name the library defines is there.  Returns the number of files
 * pulled in, or -1 after an error was reported. */
int tapset_link(struct tapset *t, struct script *s);

/* For a runtime error at loc inside a library function: "in ctime(),
 * called from prog.up:3:9", the chain of calls up to the script's where
 * each function has one call site (else "in ctime()" alone); NULL
 * outside the library. */
const char *tapset_context(struct tapset *t, const struct loc *loc);

/* The aliases' hook, for probe alias expansion: pulls in the file that
 * defines an alias whose name matches `name` (components joined by '.',
 * with wildcards), adding it to s.  True if one was pulled in. */
bool tapset_pull_alias(struct tapset *t, struct script *s, const char *name);

/* Every function name the library (a struct tapset) defines, for "did
 * you mean": calls fn once per name (the built-in tapset's, and those of
 * -I directories).  tapset_link sets it as the script's library_names. */
void tapset_each_function(void *library, void (*fn)(void *ctx, const char *name), void *ctx);

/* The same for every probe alias name, the script's library_aliases. */
void tapset_each_alias(void *library, void (*fn)(void *ctx, const char *name), void *ctx);

/* --dump-functions: every library file parsed into one script, for the
 * caller to resolve and print.  NULL after an error was reported. */
struct script *tapset_all(struct tapset *t);

#endif
