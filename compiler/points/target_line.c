/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target_line.c — target variables at a row inside a function (a source
 * line of .statement("f@file.c:N")): the variables in scope at its
 * address, read where DWARF's location at that address puts them
 * (dwarf/scope.c), not where the ABI put the arguments at the entry.
 *
 * $name and $name->a[2].b read as at a function's entry once the root is
 * found.  $$vars, $$locals and $$parms print "name=0x…" for each variable
 * in scope, "name=?" for one that cannot be read there, and a struct's or
 * an array's value as SystemTap does ("{...}", "[...]"); the $ and $$
 * forms ($$vars$, $x$) are not yet supported here. */
#include <string.h>

#include "parse/arena.h"
#include "parse/diag.h"
#include "dwarf/dwarfinfo.h"
#include "target_impl.h"

/* The offset in struct pt_regs of DWARF register reg (x86-64), or -1. */
static int regs_offset(int reg)
{
	static const int off[16] = {
		80, 96, 88, 40, 104, 112, 32, 152,   /* rax rdx rcx rbx rsi rdi rbp rsp */
		72, 64, 56, 48, 24, 16, 8, 0,        /* r8 … r15 */
	};
	return reg >= 0 && reg < 16 ? off[reg] : -1;
}

/* Where variable i of s is: n its value, or its address when *is_addr;
 * NULL, or why it cannot be read. */
static const char *line_root(const struct dwi_scope *s, size_t i, struct tv_num *n,
			     bool *is_addr)
{
	struct dwi_loc l = dwi_scope_loc(s, i);
	*is_addr = false;
	int regs = regs_offset(l.reg);
	switch (l.kind) {
	case DWI_LOC_CONST:
		num_root(n, TV_ROOT_CONST, l.value, -1);
		return NULL;
	case DWI_LOC_STATIC:
		/* its link-time address, moved as far as the code at rip */
		num_root(n, TV_ROOT_ADDR, (int64_t)(l.addr - s->pc), PT_REGS_IP);
		*is_addr = true;
		return NULL;
	case DWI_LOC_REG:
	case DWI_LOC_MEM:
		if (regs < 0)
			return "in a register that a uprobe's registers do not hold";
		num_root(n, l.kind == DWI_LOC_REG ? TV_ROOT_REG : TV_ROOT_ADDR,
			 l.kind == DWI_LOC_REG ? 0 : l.offset, (int16_t)regs);
		*is_addr = l.kind == DWI_LOC_MEM;
		return NULL;
	case DWI_LOC_NONE:
	default:
		return l.why ? l.why : "not available at this address";
	}
}

/* $$vars, $$locals, $$parms: each variable "name=0x…" with its value
 * extended to 64 bits as $$parms prints it. */
static int context_read(struct tctx *c, struct expr *e, int row, const struct dwi_scope *s,
			struct tv_read *r)
{
	bool parms = strcmp(e->name, "$parms") == 0, locals = strcmp(e->name, "$locals") == 0;
	if (!parms && !locals && strcmp(e->name, "$vars") != 0) {
		diag_error(&e->loc, "no target variable $%s at %s: there are $$parms, $$locals "
			   "and $$vars", e->name, c->t->rows[row].pp);
		return -1;
	}
	if (e->suffix) {
		diag_error(&e->suffix->loc, "$%s is a string: it has no members or elements",
			   e->name);
		return -1;
	}
	const char **texts = arena_alloc(c->arena, (s->n + 1) * sizeof(char *));
	struct tv_num *nums = arena_alloc(c->arena, (s->n + 1) * sizeof(*nums));
	int k = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct dwi_var *v = &s->vars[i];
		if (!v->name || (parms && !v->is_param) || (locals && v->is_param))
			continue;
		const char *text = arena_printf(c->arena, "%s%s=", k ? " " : "", v->name);
		num_root(&nums[k], TV_ROOT_NONE, 0, -1);
		const struct dwi_type *t = v->type;
		bool is_addr;
		if (t && (t->kind == DWI_STRUCT || t->kind == DWI_ARRAY)) {
			text = arena_printf(c->arena, "%s%s", text,
					    t->kind == DWI_STRUCT ? "{...}" : "[...]");
		} else if (!t || t->kind == DWI_FLOAT || t->size > 8 || t->size == 0 ||
			   line_root(s, i, &nums[k], &is_addr)) {
			text = arena_printf(c->arena, "%s?", text);
			num_root(&nums[k], TV_ROOT_NONE, 0, -1);
		} else {
			struct dwi_access acc;
			struct dwi_error err;
			if (dwi_access(t, is_addr, NULL, 0, &acc, &err) == 0) {
				num_append_dwi(c, &nums[k], acc.ops, acc.nops);
			} else {
				text = arena_printf(c->arena, "%s?", text);
				num_root(&nums[k], TV_ROOT_NONE, 0, -1);
			}
		}
		texts[k++] = text;
	}
	r->kind = TV_HEX_LIST;
	r->texts = texts;
	r->nums = nums;
	r->n = k;
	return 0;
}

int line_read(struct tctx *c, struct expr *e, int row, struct tv_read *r)
{
	const struct attach_point *a = &c->t->rows[row];
	struct dwi *d = probes_dwarf(c->t, a->path);
	const struct dwi_scope *s = d ? dwi_scope_at(d, c->t->ctx[row].vaddr) : NULL;
	if (!s) {
		diag_error(&e->loc, "the debug information of %s describes no function at %s, "
			   "so $%s%.*s cannot be found there", a->path, a->pp, e->name,
			   e->pretty, "$$");
		return -1;
	}
	if (e->pretty) {
		diag_error(&e->loc, "$%s%.*s is not supported yet at a source line; $%s prints "
			   "the values in hex", e->name, e->pretty, "$$", e->name);
		return -1;
	}
	if (e->name[0] == '$')
		return context_read(c, e, row, s, r);
	if (strcmp(e->name, "return") == 0) {
		diag_error(&e->loc, "$return can only be read in .return probes");
		return -1;
	}
	size_t i = 0;
	while (i < s->n && !(s->vars[i].name && strcmp(s->vars[i].name, e->name) == 0))
		i++;
	if (i == s->n) {
		const char *list = "";
		for (size_t k = 0; k < s->n; k++)
			if (s->vars[k].name)
				list = arena_printf(c->arena, "%s%s%s", list, *list ? ", " : "",
						    s->vars[k].name);
		diag_error(&e->loc, "no variable $%s in scope at %s", e->name, a->pp);
		if (*list)
			diag_note(&a->loc, "the variables in scope there are: %s", list);
		return -1;
	}
	struct tv_num n;
	bool is_addr;
	const char *why = line_root(s, i, &n, &is_addr);
	if (why) {
		diag_error(&e->loc, "$%s cannot be read at %s: it is %s", e->name, a->pp, why);
		return -1;
	}
	if (access_read(c, e, row, s->vars[i].type, &n, is_addr) < 0)
		return -1;
	r->kind = TV_NUM;
	r->num = n;
	return 0;
}
