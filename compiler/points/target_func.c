/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target_func.c — target variables in .function rows, from the DWARF of
 * the function (dwarfinfo.h): $name, $p->a[2].b, $return, and the
 * pretty-printed forms $$parms, $$locals, $$vars and $var$; see target.h. */
#include <stdio.h>
#include <string.h>

#include "binary/debugfile.h"
#include "parse/arena.h"
#include "compile.h"
#include "parse/diag.h"
#include "parse/suggest.h"
#include "dwarf/dwarfinfo.h"
#include "probes.h"
#include "target_impl.h"

/* Appends ops to n's (which live in the arena). */
static void num_append(struct tctx *c, struct tv_num *n, const struct tv_op *ops, int k)
{
	struct tv_op *all = ops_new(c, n->nops + k + 1);
	if (n->nops)
		memcpy(all, n->ops, (size_t)n->nops * sizeof(*all));
	memcpy(all + n->nops, ops, (size_t)k * sizeof(*all));
	n->ops = all;
	n->nops += k;
}

void num_append_dwi(struct tctx *c, struct tv_num *n, const struct dwi_op *ops, int k)
{
	struct tv_op *t = ops_new(c, k + 1);
	for (int i = 0; i < k; i++) {
		const struct dwi_op *o = &ops[i];
		t[i] = (struct tv_op){ .size = o->size, .is_signed = o->is_signed,
				       .shift = o->shift, .width = o->width, .slot = o->slot,
				       .n = o->n };
		switch (o->code) {
		case DWI_OP_EXTEND: t[i].code = TV_OP_EXTEND; break;
		case DWI_OP_ADD: t[i].code = TV_OP_ADD; break;
		case DWI_OP_INDEX: t[i].code = TV_OP_INDEX; break;
		case DWI_OP_LOAD: t[i].code = TV_OP_LOAD; break;
		case DWI_OP_BITS: t[i].code = TV_OP_BITS; break;
		case DWI_OP_FP32: t[i].code = TV_OP_FP32; break;
		}
	}
	num_append(c, n, t, k);
}

/* The components after the base, as dwi_access_ex takes them. */
struct dwi_comp *target_comps(struct tctx *c, const struct expr *e, int *n)
{
	int k = 0;
	for (struct target_suffix *x = e->suffix; x; x = x->next)
		k++;
	struct dwi_comp *comps = arena_alloc(c->arena, (size_t)(k + 1) * sizeof(*comps));
	k = 0;
	for (struct target_suffix *x = e->suffix; x; x = x->next, k++) {
		comps[k].member = x->member;
		if (!x->member && x->index->kind == EXPR_NUM) {
			comps[k].index = x->index->num;
		} else if (!x->member) {
			comps[k].runtime = true;
			comps[k].text = "...";
		}
	}
	*n = k;
	return comps;
}

/* What a function row's DWARF says, or NULL after an error at e. */
static const struct dwi_func *row_func(struct tctx *c, struct expr *e, int row)
{
	const struct attach_point *a = &c->t->rows[row];
	const struct row_ctx *x = &c->t->ctx[row];
	if (!x->file) {
		diag_error(&e->loc, "target variables such as $%s%.*s cannot be read at %s: "
			   "uscript reads them at the entry and return of functions and at "
			   "USDT probes", e->name, e->pretty, "$$", a->pp);
		return NULL;
	}
	struct dwi *d = probes_dwarf(c->t, a->path);
	if (!d) {
		diag_error(&e->loc, "$%s%.*s needs debug information, and %s has none (%s); "
			   "without it, int_arg(N), uint_arg(N), long_arg(N), pointer_arg(N) "
			   "and returnval() read the arguments and the return value", e->name,
			   e->pretty, "$$", elf_path(x->file), debugfile_hint());
		return NULL;
	}
	const struct dwi_func *f = dwi_func_at(d, x->vaddr);
	if (!f) {
		diag_error(&e->loc, "the debug information of %s does not describe %s, so "
			   "$%s%.*s cannot be found there", elf_path(x->file), a->func, e->name, e->pretty,
			   "$$");
		return NULL;
	}
	return f;
}

/* Where variable v of f is at a row's probe: n is its value, or its
 * address when *is_addr.  NULL, or why it cannot be read. */
static const char *var_root(struct tctx *c, int row, const struct dwi_func *f,
			    const struct dwi_var *v, struct tv_num *n, bool *is_addr)
{
	(void)row;
	*is_addr = false;
	if (!v->is_param) {
		if (!v->addr)
			return "a local variable, which has no value yet at the function's "
			       "first instruction";
		/* Its link-time address, moved as far as the function was: read
		 * at the entry, where rip is the function's address. */
		num_root(n, TV_ROOT_ADDR, (int64_t)(v->addr - f->entry), PT_REGS_IP);
		*is_addr = true;
		return NULL;
	}
	switch (v->abi.kind) {
	case DWI_ABI_REG:
		num_root(n, TV_ROOT_REG, 0, (int16_t)pt_regs_arg(v->abi.reg));
		return NULL;
	case DWI_ABI_STACK: {
		num_root(n, TV_ROOT_ADDR, v->abi.stack, PT_REGS_SP);
		struct tv_op ld = { .code = TV_OP_LOAD, .size = 8 };
		num_append(c, n, &ld, 1);
		return NULL;
	}
	case DWI_ABI_BYREF:
		*is_addr = true;
		if (v->abi.reg >= 0) {
			num_root(n, TV_ROOT_REG, 0, (int16_t)pt_regs_arg(v->abi.reg));
		} else {
			num_root(n, TV_ROOT_ADDR, v->abi.stack, PT_REGS_SP);
			struct tv_op ld = { .code = TV_OP_LOAD, .size = 8 };
			num_append(c, n, &ld, 1);
		}
		return NULL;
	case DWI_ABI_MEMORY:
		num_root(n, TV_ROOT_ADDR, v->abi.stack, PT_REGS_SP);
		*is_addr = true;
		return NULL;
	case DWI_ABI_UNSUPPORTED:
	default:
		return v->abi.why ? v->abi.why : "of an unknown type";
	}
}

/* The plan root of a global: none of f's variables. */
enum { GLOBAL_ROOT = 1 << 24 };

/* The parameter or variable `name` of f, and its plan root (a parameter's
 * index, nparams + a local's, or GLOBAL_ROOT for a global of the program);
 * NULL after an error at e that lists the parameters there are. */
static const struct dwi_var *find_var(struct tctx *c, const struct expr *e, int row,
				      const struct dwi_func *f, const char *name, int *root)
{
	const struct attach_point *a = &c->t->rows[row];
	size_t np, nl;
	const struct dwi_var *ps = dwi_func_params(f, &np), *ls = dwi_func_locals(f, &nl);
	for (size_t i = 0; i < np; i++)
		if (ps[i].name && strcmp(ps[i].name, name) == 0) {
			*root = (int)i;
			return &ps[i];
		}
	for (size_t i = 0; i < nl; i++)
		if (ls[i].name && strcmp(ls[i].name, name) == 0) {
			*root = (int)(np + i);
			return &ls[i];
		}
	/* As in SystemTap, a name no parameter or local has may be a global
	 * or static of the program. */
	struct dwi *d = probes_dwarf(c->t, a->path);
	const struct dwi_var *g = d ? dwi_global(d, name, NULL, NULL) : NULL;
	if (g) {
		*root = GLOBAL_ROOT;
		return g;
	}
	const char *list = "";
	for (size_t i = 0; i < np; i++)
		if (ps[i].name)
			list = arena_printf(c->arena, "%s%s%s", list, *list ? ", " : "", ps[i].name);
	/* The parameters and variables of the function closest to the name. */
	struct suggest sug;
	suggest_init(&sug, name);
	for (size_t i = 0; i < np; i++)
		if (ps[i].name)
			suggest_add(&sug, ps[i].name);
	for (size_t i = 0; i < nl; i++)
		if (ls[i].name)
			suggest_add(&sug, ls[i].name);
	const char *similar = "";
	for (int i = 0; i < sug.n; i++)
		similar = arena_printf(c->arena, "%s%s%s%s%s", similar, i ? ", " : " (similar: ",
				       e->form == TARGET_ATVAR ? "@var(\"" : "$", sug.best[i].name,
				       e->form == TARGET_ATVAR ? "\")" : "");
	diag_error(&e->loc, "no parameter or variable %s%s%s in %s, at %s%s%s",
		   e->form == TARGET_ATVAR ? "@var(\"" : "$", name,
		   e->form == TARGET_ATVAR ? "\")" : "", a->func, a->pp, similar, *similar ? ")" : "");
	if (*list)
		diag_note(&a->loc, "the parameters of %s are: %s", a->func, list);
	else
		diag_note(&a->loc, "%s has no parameters", a->func);
	return NULL;
}

/* The variable a plan's root names (dwarfinfo.h). */
static const struct dwi_var *root_var(const struct dwi_func *f, int root)
{
	size_t np, nl;
	const struct dwi_var *ps = dwi_func_params(f, &np), *ls = dwi_func_locals(f, &nl);
	(void)nl;
	return (size_t)root < np ? &ps[root] : &ls[(size_t)root - np];
}

/* In a .return row, n read at the entry instead: it goes to the next slot
 * of the expression, and n becomes that slot.  At other rows, n itself. */
void at_entry(struct tctx *c, int row, struct tv_num *n)
{
	if (c->t->rows[row].kind != ATTACH_URETPROBE)
		return;
	if (c->nsaved == c->cap_saved) {
		c->cap_saved = c->cap_saved ? 2 * c->cap_saved : 16;
		struct saved *bigger = arena_alloc(c->arena, (size_t)c->cap_saved * sizeof(*bigger));
		if (c->nsaved)
			memcpy(bigger, c->saved, (size_t)c->nsaved * sizeof(*bigger));
		c->saved = bigger;
	}
	int slot = c->slot_next++;
	c->saved[c->nsaved++] = (struct saved){ row, slot, *n, c->expr_loc };
	if (c->slot_next > c->nslots)
		c->nslots = c->slot_next;
	num_root(n, TV_ROOT_SAVED, slot, -1);
}

/* A function row's roots: its parameters and locals, by var_root(). */
static const char *func_root(struct tctx *c, int row, const void *arg, int root,
			     struct tv_num *n, bool *is_addr)
{
	const struct dwi_func *f = arg;
	return var_root(c, row, f, root_var(f, root), n, is_addr);
}

int plan_read(struct tctx *c, struct expr *e, int row, const struct dwi_plan *plan,
	      const struct plan_roots *roots, struct tv_read *r)
{
	char **texts = arena_alloc(c->arena, (plan->n + 1) * sizeof(char *));
	struct tv_num *nums = arena_alloc(c->arena, (plan->n + 1) * sizeof(*nums));
	for (size_t i = 0; i < plan->n; i++) {
		const struct dwi_piece *p = &plan->pieces[i];
		texts[i] = arena_strdup(c->arena, p->text);
		if (p->fmt == DWI_FMT_NONE) {
			num_root(&nums[i], TV_ROOT_NONE, 0, -1);
			continue;
		}
		if (p->fmt != DWI_FMT_HEX) {
			diag_error(&e->loc, "$%s%.*s prints values in ways this build cannot yet",
				   e->name, e->pretty, "$$");
			return -1;
		}
		bool is_addr = false;
		if (p->root == DWI_ROOT_RETURN) {
			num_root(&nums[i], TV_ROOT_REG, 0, PT_REGS_AX);
		} else {
			const char *why = roots->find(c, row, roots->arg, p->root, &nums[i],
						      &is_addr);
			if (why) {
				/* SystemTap prints what it cannot read as "?" */
				texts[i] = arena_printf(c->arena, "%s?", texts[i]);
				num_root(&nums[i], TV_ROOT_NONE, 0, -1);
				continue;
			}
		}
		num_append_dwi(c, &nums[i], p->ops, p->nops);
		if (p->root != DWI_ROOT_RETURN)
			at_entry(c, row, &nums[i]);
	}
	r->kind = TV_HEX_LIST;
	r->texts = (const char *const *)texts;
	r->nums = nums;
	r->n = (int)plan->n;
	return 0;
}

/* "$p->a[2].b" as SystemTap prints it in messages. */
static const char *target_text(struct tctx *c, const struct expr *e)
{
	const char *s = arena_printf(c->arena, "%s$%s", e->addr_of ? "&" : "", e->name);
	for (const struct target_suffix *x = e->suffix; x; x = x->next)
		s = x->member ? arena_printf(c->arena, "%s->%s", s, x->member) :
			x->index->kind == EXPR_NUM ?
				arena_printf(c->arena, "%s[%lld]", s, (long long)x->index->num) :
				arena_printf(c->arena, "%s[...]", s);
	return s;
}

static enum pretty_fmt pretty_fmt(enum dwi_fmt f)
{
	switch (f) {
	case DWI_FMT_HEX: return PRETTY_HEX;
	case DWI_FMT_SIGNED: return PRETTY_SIGNED;
	case DWI_FMT_UNSIGNED: return PRETTY_UNSIGNED;
	case DWI_FMT_CHAR: return PRETTY_CHAR;
	case DWI_FMT_POINTER: return PRETTY_POINTER;
	case DWI_FMT_STRING: return PRETTY_STRING;
	default: return PRETTY_TEXT;
	}
}

/* Where a plan's root is in pretty_read(): the function's variables and
 * return value, or a global. */
struct pretty_roots {
	const struct dwi_func *f;
	const struct dwi_var *global;
};

static bool pretty_root(struct tctx *c, int row, int root, const void *arg, struct tv_num *n)
{
	const struct pretty_roots *pr = arg;
	bool is_addr;
	if (root == DWI_ROOT_RETURN) {
		num_root(n, TV_ROOT_REG, 0, PT_REGS_AX);
		return true;
	}
	const struct dwi_var *v = root == GLOBAL_ROOT ? pr->global : root_var(pr->f, root);
	return var_root(c, row, pr->f, v, n, &is_addr) == NULL;
}

bool pretty_plan_root(struct tctx *c, int row, int root, const void *arg, struct tv_num *n)
{
	const struct plan_roots *pr = arg;
	bool is_addr = false;
	if (root == DWI_ROOT_RETURN) {
		num_root(n, TV_ROOT_REG, 0, PT_REGS_AX);
		return true;
	}
	return pr->find(c, row, pr->arg, root, n, &is_addr) == NULL;
}

bool pretty_fixed_root(struct tctx *c, int row, int root, const void *arg, struct tv_num *n)
{
	(void)c, (void)row, (void)root;
	*n = *(const struct tv_num *)arg;
	return true;
}

int pretty_pieces(struct tctx *c, struct expr *e, int row, const struct dwi_plan *pl,
		  pretty_root_fn root_of, const void *arg, struct tv_read *r)
{
	const char *name = e->form == TARGET_DOLLAR ? arena_printf(c->arena, "$%s", e->name) :
			   e->form == TARGET_CAST ? "@cast" : "@var";
	struct pretty_piece *pieces = arena_alloc(c->arena, (pl->n + 1) * sizeof(*pieces));
	struct tv_num *nums = arena_alloc(c->arena, (pl->n + 1) * sizeof(*nums));
	uint32_t off = 16, strsize = (c->t->opts->maxstringlen + 7) & ~7u;
	for (size_t i = 0; i < pl->n; i++) {
		const struct dwi_piece *p = &pl->pieces[i];
		pieces[i].text = arena_strdup(c->arena, p->text);
		pieces[i].fmt = pretty_fmt(p->fmt);
		pieces[i].group = p->group > 63 ? 63 : p->group;
		num_root(&nums[i], TV_ROOT_NONE, 0, -1);
		if (p->fmt == DWI_FMT_NONE)
			continue;
		if (p->fmt == DWI_FMT_STRING16 || p->fmt == DWI_FMT_STRING32) {
			diag_error(&e->loc, "%s%.*s holds a UTF-16 or UTF-32 string, which uscript "
				   "cannot print yet", name, e->pretty, "$$");
			return -1;
		}
		if (!root_of(c, row, p->root, arg, &nums[i])) {
			pieces[i].text = arena_printf(c->arena, "%s?", pieces[i].text);
			pieces[i].fmt = PRETTY_TEXT;
			num_root(&nums[i], TV_ROOT_NONE, 0, -1);
			continue;
		}
		num_append_dwi(c, &nums[i], p->ops, p->nops);
		/* a fault in a group makes it "ERROR", not a runtime error */
		for (int k = 0; k < nums[i].nops; k++)
			if (nums[i].ops[k].code == TV_OP_LOAD && pieces[i].group) {
				((struct tv_op *)nums[i].ops)[k].or_zero = true;
				((struct tv_op *)nums[i].ops)[k].group = pieces[i].group;
			}
		pieces[i].offset = off;
		off += pieces[i].fmt == PRETTY_STRING ? 16 + strsize : 8;
	}
	struct pretty_plan *plan = arena_alloc(c->arena, sizeof(*plan));
	plan->row = row;
	plan->pieces = pieces;
	plan->n = (int)pl->n;
	r->kind = TV_PRETTY;
	r->plan = plan;
	r->nums = nums;
	r->n = (int)pl->n;
	r->size = off;
	return 0;
}

/* $p->member$ and $a[2]$: the plan of what the chain ends at, read from
 * its address. */
static int pretty_member(struct tctx *c, struct expr *e, int row, const struct dwi_func *f,
			 struct tv_read *r)
{
	const struct attach_point *a = &c->t->rows[row];
	if (e->name[0] == '$') {
		diag_error(&e->suffix->loc, "$%s is a string: it has no members or elements",
			   e->name);
		return -1;
	}
	if (a->kind == ATTACH_URETPROBE) {
		diag_error(&e->loc, "%s%.*s is not supported yet in .return probes",
			   target_text(c, e), e->pretty, "$$");
		return -1;
	}
	int root;
	const struct dwi_var *v = find_var(c, e, row, f, e->name, &root);
	if (!v)
		return -1;
	struct tv_num n;
	bool is_addr;
	const char *why = var_root(c, row, f, v, &n, &is_addr);
	if (why) {
		diag_error(&e->loc, "$%s of %s cannot be read: it is %s", e->name, a->func, why);
		return -1;
	}
	int nc;
	struct dwi_comp *comps = target_comps(c, e, &nc);
	struct dwi_access acc;
	struct dwi_error err;
	struct dwi_plan plan;
	if (!v->type ||
	    dwi_access_ex(v->type, -1, is_addr, true, comps, (size_t)nc, &acc, &err) != 0) {
		diag_error(&e->loc, "%s%.*s at %s: %s", target_text(c, e), e->pretty, "$$", a->pp,
			   v->type ? err.msg : "its type is unknown");
		return -1;
	}
	if (!acc.type || dwi_plan_var(acc.type, 0, true, true, e->pretty > 2 ? 2 : e->pretty,
				      &plan) < 0) {
		diag_error(&e->loc, "%s%.*s at %s cannot be pretty-printed: its type is unknown",
			   target_text(c, e), e->pretty, "$$", a->pp);
		return -1;
	}
	num_append_dwi(c, &n, acc.ops, acc.nops);
	return pretty_pieces(c, e, row, &plan, pretty_fixed_root, &n, r);
}

/* $x$, $x$$, $$parms$, $$locals$, $$vars$, $$return$ and their $$ forms:
 * the plan dwarfinfo makes, its values read here and formatted by the
 * runtime (OUT_PRETTY). */
static int pretty_read(struct tctx *c, struct expr *e, int row, const struct dwi_func *f,
		       struct tv_read *r)
{
	const struct attach_point *a = &c->t->rows[row];
	bool is_return = a->kind == ATTACH_URETPROBE;
	const char *name = e->name;
	int depth = e->pretty > 2 ? 2 : e->pretty;
	struct dwi_plan plan;
	const struct dwi_var *global = NULL;
	int rc = -1;
	if (e->suffix)
		return pretty_member(c, e, row, f, r);
	if (strcmp(name, "$return") == 0) {
		if (!is_return) {
			diag_error(&e->loc, "$$return%.*s can only be read in .return probes",
				   e->pretty, "$$");
			return -1;
		}
		rc = dwi_plan_return(f, depth, &plan);
	} else if (is_return) {
		diag_error(&e->loc, "$%s%.*s is not supported yet in .return probes; $%s there "
			   "gives the values at the entry in hex", name, e->pretty, "$$", name);
		return -1;
	} else if (strcmp(name, "$parms") == 0) {
		rc = dwi_plan_context(f, DWI_PLAN_PARMS, depth, &plan);
	} else if (strcmp(name, "$locals") == 0) {
		rc = dwi_plan_context(f, DWI_PLAN_LOCALS, depth, &plan);
	} else if (strcmp(name, "$vars") == 0) {
		rc = dwi_plan_context(f, DWI_PLAN_VARS, depth, &plan);
	} else if (name[0] == '$') {
		diag_error(&e->loc, "no target variable $%s%.*s at %s", name, e->pretty, "$$", a->pp);
		return -1;
	} else {
		int root;
		const struct dwi_var *v = find_var(c, e, row, f, name, &root);
		if (!v)
			return -1;
		if (root == GLOBAL_ROOT)
			global = v;
		struct tv_num n;
		bool is_addr;
		const char *why = var_root(c, row, f, v, &n, &is_addr);
		rc = dwi_plan_var(v->type, root, is_addr, why == NULL, depth, &plan);
	}
	if (rc < 0) {
		diag_error(&e->loc, "out of memory");
		return -1;
	}
	return pretty_pieces(c, e, row, &plan, pretty_root, &(struct pretty_roots){ f, global }, r);
}

const struct pretty_arg *target_pretty(const struct expr *e)
{
	if (e->kind != EXPR_TARGET || !e->res)
		return NULL;
	const struct tv_expr *tv = e->res;
	if (!tv->nrows || tv->reads[0].kind != TV_PRETTY)
		return NULL;
	return tv->pretty;
}

int access_read(struct tctx *c, struct expr *e, int row, const struct dwi_type *type,
		struct tv_num *n, bool is_addr)
{
	const struct attach_point *a = &c->t->rows[row];
	int nc;
	struct dwi_comp *comps = target_comps(c, e, &nc);
	struct dwi_access acc;
	struct dwi_error err;
	if (!type || dwi_access_ex(type, -1, is_addr, e->addr_of, comps, (size_t)nc, &acc,
				   &err) != 0) {
		diag_error(&e->loc, "%s at %s: %s", target_text(c, e), a->pp,
			   type ? err.msg : "its type is unknown");
		return -1;
	}
	/* A float is read as the bits of a double, as SystemTap reads it. */
	if (!e->addr_of && acc.type &&
	    (acc.type->kind == DWI_STRUCT || acc.type->kind == DWI_VOID)) {
		diag_error(&e->loc, "%s at %s is %s, not a number: name one of its members%s",
			   target_text(c, e), a->pp,
			   acc.type->name ? acc.type->name : "a value without a type",
			   acc.type->kind == DWI_STRUCT ? ", or print it with $$parms" : "");
		return -1;
	}
	num_append_dwi(c, n, acc.ops, acc.nops);
	c->got_type = acc.type;
	c->got_addr = acc.is_address || e->addr_of;
	return 0;
}

int func_read(struct tctx *c, struct expr *e, int row, struct tv_read *r)
{
	if (c->t->ctx[row].at_line)
		return line_read(c, e, row, r);
	const struct dwi_func *f = row_func(c, e, row);
	if (!f)
		return -1;
	const struct attach_point *a = &c->t->rows[row];
	bool is_return = a->kind == ATTACH_URETPROBE;
	const char *name = e->name;
	if (e->pretty)
		return pretty_read(c, e, row, f, r);
	if (name[0] == '$') {
		struct dwi_plan plan;
		int rc;
		if (strcmp(name, "$parms") == 0)
			rc = dwi_plan_context(f, DWI_PLAN_PARMS, 0, &plan);
		else if (strcmp(name, "$locals") == 0)
			rc = dwi_plan_context(f, DWI_PLAN_LOCALS, 0, &plan);
		else if (strcmp(name, "$vars") == 0)
			rc = dwi_plan_context(f, DWI_PLAN_VARS, 0, &plan);
		else if (strcmp(name, "$return") == 0 && is_return)
			rc = dwi_plan_return(f, 0, &plan);
		else {
			diag_error(&e->loc, "no target variable $%s at %s: there are $$parms, "
				   "$$locals and $$vars%s", name, a->pp,
				   is_return ? ", and $$return" : "");
			return -1;
		}
		if (rc < 0) {
			diag_error(&e->loc, "out of memory");
			return -1;
		}
		if (e->suffix) {
			diag_error(&e->suffix->loc, "$%s is a string: it has no members or "
				   "elements", name);
			return -1;
		}
		struct plan_roots roots = { func_root, f };
		return plan_read(c, e, row, &plan, &roots, r);
	}

	struct tv_num n;
	bool is_addr = false;
	const struct dwi_type *type;
	if (strcmp(name, "return") == 0) {
		if (!is_return) {
			diag_error(&e->loc, "$return can only be read in .return probes");
			return -1;
		}
		struct dwi_abi abi = dwi_func_return_abi(f);
		if (abi.kind != DWI_ABI_REG) {
			diag_error(&e->loc, "$return of %s cannot be read: it is %s", a->func,
				   abi.why ? abi.why : "not in a register");
			return -1;
		}
		num_root(&n, TV_ROOT_REG, 0, PT_REGS_AX);
		type = dwi_func_return(f);
	} else {
		int root;
		const struct dwi_var *v = find_var(c, e, row, f, name, &root);
		if (!v)
			return -1;
		const char *why = var_root(c, row, f, v, &n, &is_addr);
		if (why) {
			diag_error(&e->loc, "$%s of %s cannot be read: it is %s", name, a->func, why);
			return -1;
		}
		type = v->type;
	}
	if (access_read(c, e, row, type, &n, is_addr) < 0)
		return -1;
	if (strcmp(name, "return") != 0)
		at_entry(c, row, &n);
	r->kind = TV_NUM;
	r->num = n;
	return 0;
}
