/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tapset_impl.h — the tapset built into the binary, as embed.c writes it
 * at build time from the files of tapset/: each file's text, and an index
 * of what each defines, sorted by name (strcmp) and, for one name, by
 * file. */
#ifndef USCRIPT_TAPSET_IMPL_H
#define USCRIPT_TAPSET_IMPL_H

#include <stddef.h>

#include "scan.h"

struct tapset_embedded_file {
	const char *name;        /* "ansi.stp" */
	const char *text;
	size_t len;
};

struct tapset_embedded_def {
	const char *name;
	unsigned char kind;      /* enum tapset_kind */
	unsigned char arity;
	unsigned short file;     /* into tapset_embedded_files */
};

extern const struct tapset_embedded_file tapset_embedded_files[];
extern const int tapset_embedded_nfiles;
extern const struct tapset_embedded_def tapset_embedded_defs[];
extern const int tapset_embedded_ndefs;

/* ---- the library while it links (tapset.c, link.c) ---- */

#include <stdbool.h>

#include "parse/ast.h"
#include "parse/parse.h"

struct tfile {
	const char *name;        /* in its directory: "ansi.stp" */
	struct src_file src;     /* named in messages "tapset/ansi.stp" or "DIR/ansi.stp" */
	bool macros;             /* a .stpm file */
	bool pulled;             /* parsed, its definitions taken */
};

struct tdef {
	const char *name;
	enum tapset_kind kind;
	int arity;
	int file;
};

/* A call of a function that is no builtin, for the notes of diagnostics
 * inside the library.  The list is newest first. */
struct tcall {
	struct tcall *next;
	const char *name;
	int arity;
	struct loc loc;
	const struct func *in;   /* the function it is in; NULL: a probe's */
};

struct tapset {
	struct arena *arena;
	char **dirs;             /* -I */
	int ndirs;
	bool scanned;            /* the -I directories were listed and scanned */
	bool host_macros;        /* @__tz_gmtoff, @__tz_name, @MAXSTRINGLEN were made */
	unsigned long maxstringlen;
	struct tfile **files;    /* the built-in tapset's, then those of -I;
	                          * each stays where it is: locations point
	                          * at its src */
	int nfiles, capfiles;
	struct tdef *defs;       /* of the -I files, in search order */
	int ndefs, capdefs;
	struct parse_opts popts; /* for the library's files */
	struct script *script;   /* the one being linked */
	struct tcall *calls;     /* every call, in the script and the library */
	const struct func **live;/* the functions whose code runs (link.c) */
	int nlive;
};

/* The file that defines NAME of KIND with ARITY parameters (-1: any), the
 * first in search order; else the first that defines NAME with another
 * arity; else -1. */
int tapset_find(struct tapset *t, enum tapset_kind kind, const char *name, int arity);

/* Parses file i (once): a .stpm's macros go to the library; anything else
 * is returned as a script of its own, NULL if there was nothing to take. */
struct script *tapset_load(struct tapset *t, int i);

/* Parses file i if it was not, adds its definitions to s and links what
 * they use (link.c). */
void tapset_link_file(struct tapset *t, struct script *s, int i);

/* Lists and scans the -I directories, once. */
void tapset_scan_dirs(struct tapset *t);

#endif
