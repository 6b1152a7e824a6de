/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target_plt.c — target variables at a .plt row: $$name, the function
 * the entry calls, as in SystemTap.  A PLT entry has no debug information,
 * so there is nothing else to read; the arguments are still in their
 * registers, for int_arg(N) and the like. */
#include <string.h>

#include "parse/diag.h"
#include "target_impl.h"

int plt_read(struct tctx *c, struct expr *e, int row, struct tv_read *r)
{
	if (strcmp(e->name, "$name") != 0 || e->pretty || e->suffix) {
		diag_error(&e->loc, "no target variable $%s%.*s at %s: a PLT entry has only "
			   "$$name (there is no debug information there; int_arg(N), "
			   "pointer_arg(N) and the like read the arguments)", e->name, e->pretty,
			   "$$", c->t->rows[row].pp);
		return -1;
	}
	r->kind = TV_STR;
	r->str = c->t->ctx[row].plt_name;
	return 0;
}
