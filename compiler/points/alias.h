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

/* Whether an alias matches pp, whole or with a suffix. */
bool alias_any(const struct script *s, const struct probe_point *pp);

/* Before alias_expand(): each point whose components' names hold
 * wildcards (`*`, `?`, `[…]`, and `**`, which spans components) stands for
 * the forms of point (probes.h) and the alias names that it matches
 * component by component, a component with an argument matching only one
 * that takes an argument of that type, as in SystemTap.  Each becomes a
 * point of its own, optional, since a wildcard lists what resolves; one
 * that matches nothing stays as it is, for resolution to report.  A point
 * that aliases match with `*`, `?` or `[…]` is also kept for
 * alias_expand(), optional too under -l (listing). */
void globs_expand(struct script *s, bool listing);

/* For a point that matches no form of point: the point with the name of
 * the component where it leaves every form changed to the closest names a
 * form has there ("process(\"a\").function(\"f\")" for
 * proces("a").function("f")), joined by ", "; NULL if none is close. */
const char *globs_similar(struct arena *a, const struct probe_point *pp);

#endif
