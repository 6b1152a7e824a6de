/* SPDX-License-Identifier: GPL-2.0-or-later */
/* alias.h — probe aliases and probe conditions, expanded into plain probes.
 *
 * Between parsing and resolution, every use of a probe alias becomes a probe
 * of its own on the alias's points, whose body is the alias's block and the
 * user's, one after the other in one handler (the alias's first for `=`,
 * last for `+=`), as SystemTap builds it: the alias's locals are the
 * handler's, and pp() names the point underneath.  A point under an `if
 * (cond)` gets a probe of its own whose body starts with `if (!(cond))
 * next`.  Aliases come from the script's list, wherever they were parsed
 * from, so a library file's aliases expand the same way. */
#ifndef USCRIPT_ALIAS_H
#define USCRIPT_ALIAS_H

#include "parse/ast.h"

/* Rewrites s->probes so that no point names an alias or has a condition,
 * and numbers the probes again.  Returns 0, or -1 after reporting errors
 * (a condition that reads a local, an alias that expands into itself). */
int alias_expand(struct script *s);

#endif
