/* SPDX-License-Identifier: GPL-2.0-or-later */
/* scan.h — what a tapset file defines, found without parsing it.
 *
 * The build runs it over tapset/ to make the index of the tapset built into
 * the binary (embed.c); the compiler runs it over the files of -I
 * directories.  One scanner for both keeps the two indexes alike.
 *
 * It reads tokens only far enough to see the definitions at the top level
 * of a file: `function NAME(a, b)` (with its number of parameters),
 * `global A, B[N]`, `probe NAME.NAME = …` and `+=` (an alias), and
 * `@define NAME`.  Comments, strings and embedded C are skipped; what is
 * inside braces is not looked at.  Both branches of a %( %) conditional
 * count: the index says which file may define a name, and the parse of
 * that file decides. */
#ifndef USCRIPT_TAPSET_SCAN_H
#define USCRIPT_TAPSET_SCAN_H

#include <stddef.h>

enum tapset_kind {
	TAPSET_FUNCTION,
	TAPSET_GLOBAL,
	TAPSET_ALIAS,
	TAPSET_MACRO,
};

/* Called for each definition: its kind, its name (not NUL-terminated) and,
 * for a function, its number of parameters (else 0). */
typedef void tapset_scan_fn(void *ctx, enum tapset_kind kind, const char *name,
			    size_t len, int arity);

void tapset_scan(const char *text, size_t len, tapset_scan_fn *fn, void *ctx);

#endif
