/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target_mark.c — target variables in .mark rows: $argN of a USDT site,
 * read where its note says the argument is (usdt.h), and $$name; see
 * target.h. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "parse/diag.h"
#include "binary/usdt.h"
#include "dwarf/dwarfinfo.h"
#include "probes.h"
#include "target_impl.h"

static int arg_number(const char *name)
{
	if (strncmp(name, "arg", 3) != 0 || !isdigit((unsigned char)name[3]))
		return 0;
	char *end;
	long n = strtol(name + 3, &end, 10);
	return *end || n < 1 || n > 1000 ? 0 : (int)n;
}

/* $argN of a site: usdt.h says how each kind is read. */
static int usdt_num(struct tctx *c, const struct usdt_arg *a, struct tv_num *out)
{
	memset(out, 0, sizeof(*out));
	out->reg = out->index = -1;
	struct tv_op *op;
	switch (a->kind) {
	case USDT_ARG_CONST:
		out->root = TV_ROOT_CONST;
		out->value = a->value;
		return 0;
	case USDT_ARG_REG:
		out->root = TV_ROOT_REG;
		out->reg = a->reg.off;
		out->shift = a->reg.shift;
		op = ops_new(c, 1);
		op->code = TV_OP_EXTEND;
		op->size = a->size < a->reg.width ? a->size : a->reg.width;
		op->is_signed = a->is_signed;
		out->ops = op;
		out->nops = 1;
		return 0;
	case USDT_ARG_MEM:
		out->root = TV_ROOT_ADDR;
		out->value = a->disp;
		out->reg = a->base.off;
		out->index = a->index.off;
		out->scale = a->scale;
		op = ops_new(c, 1);
		op->code = TV_OP_LOAD;
		op->size = a->size;
		/* SystemTap reads a memory operand with user_int8() for both
		 * "1@" and "-1@", user_uint16/32 or user_int16/32 by the sign,
		 * and user_int64 for 8 bytes; each is 0 when the read faults. */
		op->is_signed = a->is_signed || a->size == 1;
		op->or_zero = true;
		out->ops = op;
		out->nops = 1;
		return 0;
	case USDT_ARG_UNSUPPORTED:
		break;
	}
	return -1;
}

static const char *mark_desc(struct tctx *c, int row)
{
	return c->t->rows[row].pp;
}

/* The pt_regs offset of an x86-64 DWARF register, or -1. */
static int dwarf_reg(int r)
{
	static const int16_t off[] = {
		PT_REGS_AX, 96, 88, 40, 104, 112, 32, PT_REGS_SP,
		72, 64, 56, 48, 24, 16, 8, 0, PT_REGS_IP,
	};
	return r >= 0 && r < (int)(sizeof(off) / sizeof(*off)) ? off[r] : -1;
}

/* $name, $p->x, &$a[2] of the DWARF at a USDT site, as SystemTap reads
 * them there: the variables the scopes around the site see, where their
 * locations say they are at its address.  The site's nop leaves every
 * register as the code around it had it. */
static int dwarf_read(struct tctx *c, struct expr *e, int row, struct tv_read *r)
{
	const struct attach_point *a = &c->t->rows[row];
	const struct usdt_probe *m = c->t->ctx[row].mark;
	struct dwi *d = probes_dwarf(c->t, a->path);
	struct dwi_place pl;
	struct dwi_error err;
	int rc = d ? dwi_var_at(d, m->vaddr, e->name, &pl, &err) : -ENOENT;
	const struct dwi_var *g = rc == -ENOENT && d ? dwi_global(d, e->name, NULL, NULL) : NULL;
	if (g) {
		/* a global of another unit than the site's */
		memset(&pl, 0, sizeof(pl));
		pl.in_memory = true;
		pl.reg = DWI_REG_LINK;
		pl.offset = (int64_t)g->addr;
		pl.type = g->type;
		rc = 0;
	}
	if (rc == -ENOENT) {
		diag_error(&e->loc, "no target variable %s%s%s at %s: USDT probes have $arg1 "
			   "to $argN, $$name, $$provider and $$parms, and the variables in "
			   "scope at the site where the program has debug information",
			   e->form == TARGET_ATVAR ? "@var(\"" : "$", e->name,
			   e->form == TARGET_ATVAR ? "\")" : "", mark_desc(c, row));
		return -1;
	}
	if (rc < 0) {
		diag_error(&e->loc, "$%s at %s cannot be read: %s", e->name, mark_desc(c, row),
			   err.msg);
		return -1;
	}
	struct tv_num n;
	if (pl.is_const) {
		num_root(&n, TV_ROOT_CONST, pl.offset, -1);
	} else if (pl.reg == DWI_REG_LINK) {
		/* rip at the site is its link-time address moved with the file */
		num_root(&n, TV_ROOT_ADDR, pl.offset - (int64_t)m->vaddr, PT_REGS_IP);
	} else if (dwarf_reg(pl.reg) < 0) {
		diag_error(&e->loc, "$%s at %s is in DWARF register %d, which uscript cannot read",
			   e->name, mark_desc(c, row), pl.reg);
		return -1;
	} else if (pl.in_memory || pl.is_sum) {
		num_root(&n, TV_ROOT_ADDR, pl.offset, (int16_t)dwarf_reg(pl.reg));
	} else {
		num_root(&n, TV_ROOT_REG, 0, (int16_t)dwarf_reg(pl.reg));
	}
	int nc;
	struct dwi_comp *comps = target_comps(c, e, &nc);
	struct dwi_access acc;
	struct dwi_plan plan;
	if (e->pretty && !nc && !pl.in_memory) {
		/* a value in a register, pretty-printed from its value */
		if (!pl.type || dwi_plan_var(pl.type, 0, false, true, e->pretty > 2 ? 2 : e->pretty,
					     &plan) < 0) {
			diag_error(&e->loc, "$%s at %s cannot be pretty-printed: its type is unknown",
				   e->name, mark_desc(c, row));
			return -1;
		}
		return pretty_pieces(c, e, row, &plan, pretty_fixed_root, &n, r);
	}
	if (!pl.type || dwi_access_ex(pl.type, -1, pl.in_memory, e->addr_of || e->pretty, comps,
				      (size_t)nc, &acc, &err) != 0) {
		diag_error(&e->loc, "$%s at %s: %s", e->name, mark_desc(c, row),
			   pl.type ? err.msg : "its type is unknown");
		return -1;
	}
	num_append_dwi(c, &n, acc.ops, acc.nops);
	c->got_type = acc.type;
	c->got_addr = acc.is_address || e->addr_of;
	if (e->pretty) {
		if (!acc.type || dwi_plan_var(acc.type, 0, true, true, e->pretty > 2 ? 2 : e->pretty,
					      &plan) < 0) {
			diag_error(&e->loc, "$%s at %s cannot be pretty-printed: its type is unknown",
				   e->name, mark_desc(c, row));
			return -1;
		}
		return pretty_pieces(c, e, row, &plan, pretty_fixed_root, &n, r);
	}
	if (!e->addr_of && acc.type &&
	    (acc.type->kind == DWI_STRUCT || acc.type->kind == DWI_VOID)) {
		diag_error(&e->loc, "$%s at %s is %s, not a number: name one of its members",
			   e->name, mark_desc(c, row),
			   acc.type->name ? acc.type->name : "a value without a type");
		return -1;
	}
	r->kind = TV_NUM;
	r->num = n;
	return 0;
}

int mark_read(struct tctx *c, struct expr *e, int row, struct tv_read *r)
{
	const struct usdt_probe *m = c->t->ctx[row].mark;
	const char *name = e->name;
	if (e->addr_of && (arg_number(name) || name[0] == '$')) {
		diag_error(&e->loc, "'&' of $%s: at %s, a USDT probe's arguments are values, "
			   "not places in memory", name, mark_desc(c, row));
		return -1;
	}
	if (strcmp(name, "$name") == 0 || strcmp(name, "$provider") == 0) {
		r->kind = TV_STR;
		r->str = name[1] == 'n' ? m->name : m->provider;
		return 0;
	}
	if (strcmp(name, "$parms") == 0 || strcmp(name, "$vars") == 0) {
		if (e->pretty) {
			diag_error(&e->loc, "$%s%.*s needs the arguments' types, which USDT "
				   "probes do not record; $%s prints them in hex", name,
				   e->pretty, "$$", name);
			return -1;
		}
		char **texts = arena_alloc(c->arena, (m->nargs + 1) * sizeof(char *));
		struct tv_num *nums = arena_alloc(c->arena, (m->nargs + 1) * sizeof(*nums));
		for (size_t i = 0; i < m->nargs; i++) {
			texts[i] = arena_printf(c->arena, "%s$arg%zu=", i ? " " : "", i + 1);
			if (usdt_num(c, &m->argv[i], &nums[i]) < 0) {
				diag_error(&e->loc, "$%s: $arg%zu of %s cannot be read: %s "
					   "(its operand is '%s')", name, i + 1, mark_desc(c, row),
					   m->argv[i].why, m->argv[i].text);
				return -1;
			}
		}
		r->kind = TV_HEX_LIST;
		r->texts = (const char *const *)texts;
		r->nums = nums;
		r->n = (int)m->nargs;
		return 0;
	}
	int n = arg_number(name);
	if (!n && name[0] != '$')
		return dwarf_read(c, e, row, r);
	if (!n || e->pretty) {
		diag_error(&e->loc, "no target variable $%s%.*s at %s: USDT probes have "
			   "$arg1 to $argN, $$name, $$provider and $$parms", name, e->pretty,
			   "$$", mark_desc(c, row));
		return -1;
	}
	if ((size_t)n > m->nargs) {
		if (m->nargs == 0)
			diag_error(&e->loc, "no $%s at %s: the probe has no arguments", name,
				   mark_desc(c, row));
		else
			diag_error(&e->loc, "no $%s at %s: the probe has %zu argument%s, %s",
				   name, mark_desc(c, row), m->nargs, m->nargs == 1 ? "" : "s",
				   m->nargs == 1 ? "$arg1" : m->nargs == 2 ? "$arg1 and $arg2" :
				   arena_printf(c->arena, "$arg1 to $arg%zu", m->nargs));
		return -1;
	}
	if (e->suffix) {
		diag_error(&e->suffix->loc, "$%s is a number: a USDT probe does not say the type "
			   "of its arguments, so it has no members or elements", name);
		return -1;
	}
	const struct usdt_arg *a = &m->argv[n - 1];
	if (usdt_num(c, a, &r->num) < 0) {
		diag_error(&e->loc, "$%s of %s cannot be read: %s (its operand is '%s')", name,
			   mark_desc(c, row), a->why, a->text);
		return -1;
	}
	r->kind = TV_NUM;
	return 0;
}
