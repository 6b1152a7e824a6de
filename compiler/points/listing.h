/* SPDX-License-Identifier: GPL-2.0-or-later */
/* listing.h — what -l and -L print.
 *
 * One line per name, sorted and without repeats, as SystemTap lists them:
 * a point made through an alias is listed under the alias's name (as the
 * probe point named it, without wildcards), any other under its pp().
 * With -L the line goes on with the locals the handler sets (the alias's
 * variables, `name:string`) and then the target variables of the points
 * underneath, each kept only where every point listed under the name has
 * it. */
#ifndef USCRIPT_LISTING_H
#define USCRIPT_LISTING_H

#include <stdbool.h>
#include <stdio.h>

struct attach_table;
struct resolved;
struct script;
struct src_file;

/* Leaves out the probes that the tapset's files brought, so that only
 * what the probe point given to -l stands for is listed (and a library's
 * own probe that cannot resolve here does not stop the listing). */
void listing_only_user(struct script *s, const struct src_file *file);

/* Once the points resolved: empties the bodies of the probes that have no
 * row, and with_vars false, of all, so that nothing a listing does not
 * show can stop it. */
void listing_trim(struct script *s, const struct attach_table *t, bool with_vars);

/* Writes the listing of the table's rows to out; with_vars for -L, which
 * needs res, the handlers' locals with their types. */
void listing_print(struct attach_table *t, const struct resolved *res, bool with_vars,
		   FILE *out);

#endif
