/* SPDX-License-Identifier: GPL-2.0-or-later */
/* share.c — one handler for the probes of syscalls views whose bodies are
 * alike.  `syscall.*` expands to hundreds of probes, one per alias, whose
 * bodies, once elision has left out what nothing reads, often differ only
 * in the values the alias gives its locals (`name = "open"`).  A handler
 * per probe costs LLVM, the kernel's loader and its verifier hundreds of
 * times the work of one; so the probes whose bodies are the same but for
 * such values share the handler of the first of them, which takes its row
 * as an argument (kernel_bpf.c), and each such value is read from a table
 * by that row.
 *
 * Only a literal assigned with a plain `=` to a local may differ: any
 * other literal (a format, a regular expression, an argument a builtin
 * reads as it is compiled) must be the same.  Everything that may raise an
 * error at run time must be at the same place in the source, so that the
 * error names the place it would have named in the probe's own handler. */
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "cg.h"
#include "kernel/kernel.h"
#include "points/target.h"

static bool same_loc(const struct loc *a, const struct loc *b)
{
	return a->file == b->file && a->line == b->line && a->col == b->col &&
	       a->end_line == b->end_line && a->end_col == b->end_col;
}

static bool same_sym(const struct sym *a, const struct sym *b)
{
	if (!a || !b)
		return a == b;
	if (a->kind == SYM_GLOBAL || b->kind == SYM_GLOBAL)
		return a == b;
	return a->kind == b->kind && a->type == b->type && a->is_array == b->is_array &&
	       strcmp(a->name, b->name) == 0;
}

static bool same_name(const char *a, const char *b)
{
	return a && b ? strcmp(a, b) == 0 : a == b;
}

/* A literal of the first probe's body, and where another probe of its
 * group has another value. */
struct hole_pair {
	const struct expr *lead, *other;
	int probe;               /* the other's id */
};

struct pairs {
	struct hole_pair *v;
	int n, cap;
	int probe;               /* the probe compared with the first */
};

static void pairs_add(struct pairs *p, const struct expr *a, const struct expr *b)
{
	if (!p)
		return;
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 16;
		p->v = realloc(p->v, (size_t)p->cap * sizeof(*p->v));
		if (!p->v)
			abort();
	}
	p->v[p->n].lead = a;
	p->v[p->n].other = b;
	p->v[p->n].probe = p->probe;
	p->n++;
}

static bool same_expr(const struct expr *a, const struct expr *b, bool hole_ok,
		      struct pairs *holes);

static bool same_list(const struct expr *a, const struct expr *b, struct pairs *holes)
{
	for (; a && b; a = a->next, b = b->next)
		if (!same_expr(a, b, false, holes))
			return false;
	return a == b;
}

/* Whether a literal may stand for a value of its own in each row: one
 * that fits the table (no NUL inside, shorter than a string can be). */
static bool hole_literal(const struct expr *e)
{
	if (e->kind == EXPR_NUM)
		return true;
	return e->kind == EXPR_STR && !memchr(e->str, 0, e->str_len) && e->str_len < 256;
}

static bool same_expr(const struct expr *a, const struct expr *b, bool hole_ok,
		      struct pairs *holes)
{
	if (!a || !b)
		return a == b;
	if (a->kind != b->kind || a->type != b->type)
		return false;
	switch (a->kind) {
	case EXPR_NUM:
	case EXPR_STR:
		if (a->kind == EXPR_NUM ? a->num == b->num :
		    a->str_len == b->str_len && memcmp(a->str, b->str, a->str_len) == 0)
			return true;
		if (!hole_ok || !hole_literal(a) || !hole_literal(b))
			return false;
		pairs_add(holes, a, b);
		return true;
	case EXPR_VAR:
		return same_sym(a->sym, b->sym) && same_name(a->name, b->name);
	case EXPR_INDEX:
	case EXPR_CALL:
	case EXPR_STAT:
	case EXPR_SCRIPT_ARG:
	case EXPR_ARGC:
	case EXPR_UNARY:
	case EXPR_BINARY:
	case EXPR_TERNARY:
	case EXPR_ASSIGN:
	case EXPR_INCDEC:
	case EXPR_STAT_ADD:
	case EXPR_IN:
	case EXPR_BUCKET:
		break;
	default:
		/* target variables, @entry, …: what the probe point decides */
		return false;
	}
	bool local_set = a->kind == EXPR_ASSIGN && a->op == OP_NONE && a->lhs &&
			 a->lhs->kind == EXPR_VAR && a->lhs->sym && a->lhs->sym->kind == SYM_LOCAL;
	if (!local_set && !same_loc(&a->loc, &b->loc))
		return false;
	if (a->op != b->op || a->stat != b->stat || a->is_string != b->is_string ||
	    a->printed != b->printed || a->num != b->num || a->builtin != b->builtin ||
	    a->func != b->func || a->res || b->res || a->suffix || b->suffix ||
	    !same_name(a->name, b->name) || !same_sym(a->sym, b->sym))
		return false;
	return same_list(a->args, b->args, holes) && same_expr(a->lhs, b->lhs, false, holes) &&
	       same_expr(a->rhs, b->rhs, local_set, holes) &&
	       same_expr(a->cond, b->cond, false, holes);
}

static bool same_stmts(const struct stmt *a, const struct stmt *b, struct pairs *holes)
{
	for (; a && b; a = a->next, b = b->next) {
		if (a->kind != b->kind)
			return false;
		switch (a->kind) {
		case STMT_BLOCK:
		case STMT_EXPR:
		case STMT_EMPTY:
			break;
		case STMT_IF:
		case STMT_NEXT:
		case STMT_RETURN:
		case STMT_DELETE:
			if (!same_loc(&a->loc, &b->loc))
				return false;
			break;
		default:
			/* loops count their actions from the body's place;
			 * try has its error area */
			return false;
		}
		if (!same_expr(a->expr, b->expr, false, holes) ||
		    !same_stmts(a->body, b->body, holes) ||
		    !same_stmts(a->else_body, b->else_body, holes))
			return false;
	}
	return a == b;
}

static bool is_view_row(const struct attach_table *t, int i)
{
	const struct ktp *tp = t->ctx[i].ktp;
	return t->rows[i].kind == ATTACH_RAW_TP && tp && tp->view != KTP_TRACEPOINT &&
	       !t->rows[i].counter_name;
}

/* The view (enter or exit) of all of probe id's rows, each a syscalls
 * view's without a filter of its own, or -1 when that is not so. */
static int probe_view(const struct cg *cg, int id)
{
	const struct attach_table *t = cg->attach;
	if (t->homes[id] != HOME_BPF || t->rows_vary[id] || target_saves(t, id))
		return -1;
	int view = -1;
	for (int i = 0; i < t->n; i++) {
		if (t->rows[i].probe != id)
			continue;
		if (!is_view_row(t, i) || t->ctx[i].life)
			return -1;
		if (view >= 0 && view != (int)t->ctx[i].ktp->view)
			return -1;
		view = (int)t->ctx[i].ktp->view;
	}
	return view;
}

/* The value of literal lit in probe id, whose first of the group has lit. */
static const struct expr *value_in(const struct pairs *all, const struct expr *lit, int id)
{
	for (int i = 0; i < all->n; i++)
		if (all->v[i].lead == lit && all->v[i].probe == id)
			return all->v[i].other;
	return lit;
}

/* The table of literal lit's value for each row, by row: of the rows of
 * the probes lead_of gives lead, the value in that probe. */
static void hole_table(struct cg *cg, const struct expr *lit, int lead, const int *lead_of,
		       const struct pairs *all, struct cg_hole *out)
{
	const struct attach_table *t = cg->attach;
	size_t n = 1;
	while (n < (size_t)t->n)
		n <<= 1;
	const struct expr **vals = calloc(n, sizeof(*vals));
	if (!vals)
		abort();
	/* a string as a literal has it: cut to MAXSTRINGLEN - 1 bytes */
	size_t w = 8, max = cg->opts->maxstringlen - 1;
	for (int i = 0; i < t->n; i++) {
		int id = t->rows[i].probe;
		if (id < 0 || lead_of[id] != lead)
			continue;
		vals[i] = value_in(all, lit, id);
		size_t len = vals[i]->str_len < max ? vals[i]->str_len : max;
		if (lit->kind == EXPR_STR && len + 1 > w)
			w = len + 1;
	}
	LLVMValueRef init;
	if (lit->kind == EXPR_STR) {
		w = (w + 7) & ~(size_t)7;
		size_t size = n * w + cg->opts->maxstringlen;
		char *bytes = arena_alloc(cg->arena, size);
		for (size_t i = 0; i < n; i++)
			if (vals[i])
				memcpy(bytes + i * w, vals[i]->str,
				       vals[i]->str_len < max ? vals[i]->str_len : max);
		init = LLVMConstStringInContext(cg->ctx, bytes, (unsigned)size, 1);
		out->width = (uint32_t)w;
	} else {
		LLVMValueRef *nums = calloc(n, sizeof(*nums));
		if (!nums)
			abort();
		for (size_t i = 0; i < n; i++)
			nums[i] = cg_const(cg, vals[i] ? vals[i]->num : 0);
		init = LLVMConstArray2(cg->i64, nums, n);
		free(nums);
		out->width = 8;
	}
	free(vals);
	LLVMValueRef g = LLVMAddGlobal(cg->mod, LLVMTypeOf(init), "shared_values");
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, 1);
	LLVMSetLinkage(g, LLVMInternalLinkage);
	cg_bpf_rodata(cg, g, LLVMABISizeOfType(cg->data_layout, LLVMTypeOf(init)));
	out->lit = lit;
	out->table = g;
	out->rows = (uint32_t)n;
}

int *cg_share_views(struct cg *cg)
{
	int nprobes = 0;
	for (struct probe *p = cg->script->probes; p; p = p->next)
		nprobes = p->id + 1 > nprobes ? p->id + 1 : nprobes;
	int *lead_of = arena_alloc(cg->arena, ((size_t)nprobes + 1) * sizeof(int));
	struct probe **by_id = calloc((size_t)nprobes + 1, sizeof(*by_id));
	int *views = calloc((size_t)nprobes + 1, sizeof(int));
	int *leads = calloc((size_t)nprobes + 1, sizeof(int));
	if (!by_id || !views || !leads)
		abort();
	int nleads = 0;
	struct pairs all = { 0 };
	for (struct probe *p = cg->script->probes; p; p = p->next) {
		by_id[p->id] = p;
		lead_of[p->id] = -1;
		views[p->id] = probe_view(cg, p->id);
		if (views[p->id] < 0)
			continue;
		/* the latest group first: the aliases of a tapset come in
		 * order, and alike ones often one after another */
		for (int k = nleads - 1; k >= 0 && lead_of[p->id] < 0; k--) {
			struct probe *l = by_id[leads[k]];
			if (views[l->id] != views[p->id] || !same_stmts(l->body, p->body, NULL))
				continue;
			all.probe = p->id;
			same_stmts(l->body, p->body, &all);
			lead_of[p->id] = l->id;
		}
		if (lead_of[p->id] < 0) {
			lead_of[p->id] = p->id;
			leads[nleads++] = p->id;
		}
	}
	/* a table for each literal of a first probe that differs in another */
	cg->holes = arena_alloc(cg->arena, ((size_t)all.n + 1) * sizeof(*cg->holes));
	cg->nholes = 0;
	for (int i = 0; i < all.n; i++) {
		bool done = false;
		for (int k = 0; k < cg->nholes && !done; k++)
			done = cg->holes[k].lit == all.v[i].lead;
		if (!done)
			hole_table(cg, all.v[i].lead, lead_of[all.v[i].probe], lead_of, &all,
				   &cg->holes[cg->nholes++]);
	}
	free(all.v);
	free(by_id);
	free(views);
	free(leads);
	return lead_of;
}

bool cg_share_leads(const struct cg *cg, const struct probe *p, const int *lead_of)
{
	for (const struct probe *q = cg->script->probes; q; q = q->next)
		if (q != p && lead_of[q->id] == p->id)
			return true;
	return false;
}

LLVMValueRef cg_share_literal(struct cg *cg, const struct expr *e)
{
	for (int i = 0; i < cg->nholes; i++) {
		const struct cg_hole *h = &cg->holes[i];
		if (h->lit != e)
			continue;
		LLVMValueRef at = cg_string_table(cg, h->table, h->width, h->rows, cg->cookie);
		return e->kind == EXPR_STR ? at : LLVMBuildLoad2(cg->b, cg->i64, at, "shared");
	}
	return NULL;
}
