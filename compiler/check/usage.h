/* SPDX-License-Identifier: GPL-2.0-or-later */
/* usage.h — whole-script facts that resolution needs after types are known:
 * recursion and the use of globals. */
#ifndef USCRIPT_USAGE_H
#define USCRIPT_USAGE_H

#include "parse/ast.h"
#include "resolve.h"

/* Sets `recursive` on every function that can call itself, directly or
 * through others. */
void usage_mark_recursion(struct script *s, const struct resolved *r);

/* Sets read, written and used on every global (and local) symbol. */
void usage_mark(struct script *s, const struct resolved *r);

/* Reports writes to an array inside a foreach over it, as SystemTap does. */
void usage_check_foreach(struct script *s, const struct resolved *r);

/* The position of f in the script's list of functions. */
int usage_func_index(const struct script *s, const struct func *f);

#endif
