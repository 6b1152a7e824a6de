/* SPDX-License-Identifier: GPL-2.0-or-later */
/* slice.h — SystemTap's array slices, lowered to plain foreach loops.
 *
 * A slice names the elements of an array whose keys match the keys given,
 * `*` matching any: `foreach ([a, b] in x[*, 1])` walks those whose second
 * key is 1, `delete x[*, 1]` deletes them, and `[*, 1] in x` says whether
 * there is one.  Before resolution each becomes a foreach over the whole
 * array with a test of the keys, the given keys evaluated once, before it,
 * into locals of names no script can write ("slice#1").  `in` is evaluated
 * just before the statement that holds it (before each test of a while
 * loop's condition); a `for` loop's condition cannot hold one. */
#ifndef USCRIPT_SLICE_H
#define USCRIPT_SLICE_H

#include "parse/ast.h"

/* Rewrites every slice of s's probes and functions.  Returns 0, or -1
 * after reporting a `*` where no slice can be. */
int slice_lower(struct script *s);

#endif
