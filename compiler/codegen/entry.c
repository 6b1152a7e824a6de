/* SPDX-License-Identifier: GPL-2.0-or-later */
/* entry.c — @entry(x) in .return probes.
 *
 * SystemTap evaluates x in a probe at the function's entry and keeps the
 * value for the return of that very call.  The entry program every
 * .return probe has (target.h) already keeps, per call, the target
 * variables the probe reads, in a value of the `entry` map keyed by the
 * thread and the call's stack pointer, so recursion and nesting find their
 * own call's values; each @entry of the probe takes more of that value,
 * after the target variables' slots: 8 bytes for a long, MAXSTRINGLEN for
 * a string.  The entry program
 * computes x there, where `$var` reads the slot the target variables were
 * just saved into, and the .return handler reads the slot back. */
#include "cg.h"
#include "points/target.h"

static int number_expr(struct expr *e, int n, int str_words);

/* Places the @entry expressions of these statements from word n on, in
 * the order they appear; returns the next free word. */
static int number_stmts(struct stmt *s, int n, int str_words)
{
	for (; s; s = s->next) {
		n = number_expr(s->expr, n, str_words);
		n = number_stmts(s->body, n, str_words);
		n = number_stmts(s->else_body, n, str_words);
		n = number_stmts(s->init, n, str_words);
		n = number_stmts(s->step, n, str_words);
		if (s->foreach)
			n = number_expr(s->foreach->limit, n, str_words);
	}
	return n;
}

static int number_expr(struct expr *e, int n, int str_words)
{
	if (!e)
		return n;
	if (e->kind == EXPR_ENTRY) {
		e->num = n;
		n += e->type == TYPE_STRING ? str_words : 1;
	}
	for (struct expr *a = e->args; a; a = a->next)
		n = number_expr(a, n, str_words);
	n = number_expr(e->lhs, n, str_words);
	n = number_expr(e->rhs, n, str_words);
	return number_expr(e->cond, n, str_words);
}

int cg_entry_count(const struct cg *cg, const struct probe *p)
{
	return number_stmts(p->body, 0, (int)((cg->opts->maxstringlen + 7) / 8));
}

static void eval_stmts(struct cg *cg, struct stmt *s, LLVMValueRef buf, uint32_t base);

static void eval_expr(struct cg *cg, struct expr *e, LLVMValueRef buf, uint32_t base)
{
	if (!e)
		return;
	if (e->kind == EXPR_ENTRY) {
		cg_set_loc(cg, &e->loc);
		LLVMValueRef v = cg_expr(cg, e->lhs);
		uint32_t off = 8 * (base + (uint32_t)e->num);
		if (e->type == TYPE_STRING)
			cg->t->str_copy(cg, cg_field(cg, buf, off), v,
					cg_const(cg, cg->opts->maxstringlen));
		else
			cg_store_at(cg, buf, off, v, cg->i64);
		return;
	}
	for (struct expr *a = e->args; a; a = a->next)
		eval_expr(cg, a, buf, base);
	eval_expr(cg, e->lhs, buf, base);
	eval_expr(cg, e->rhs, buf, base);
	eval_expr(cg, e->cond, buf, base);
}

static void eval_stmts(struct cg *cg, struct stmt *s, LLVMValueRef buf, uint32_t base)
{
	for (; s; s = s->next) {
		eval_expr(cg, s->expr, buf, base);
		eval_stmts(cg, s->body, buf, base);
		eval_stmts(cg, s->else_body, buf, base);
		eval_stmts(cg, s->init, buf, base);
		eval_stmts(cg, s->step, buf, base);
		if (s->foreach)
			eval_expr(cg, s->foreach->limit, buf, base);
	}
}

void cg_entry_eval(struct cg *cg, const struct probe *p, const struct tv_saves *sv,
		   LLVMValueRef buf)
{
	cg_entry_count(cg, p);
	LLVMValueRef saved = cg->saved;
	cg->saved = buf;
	eval_stmts(cg, p->body, buf, (uint32_t)sv->nslots);
	cg->saved = saved;
}

LLVMValueRef cg_entry_value(struct cg *cg, struct expr *e)
{
	const struct tv_saves *sv = cg->probe ? target_saves(cg->attach, cg->probe->id) : NULL;
	if (!sv || !cg->saved)
		return cg_const(cg, 0);
	uint32_t slot = (uint32_t)sv->nslots + (uint32_t)e->num;
	if (e->type == TYPE_STRING)
		return cg_field(cg, cg->saved, 8 * slot);
	return LLVMBuildLoad2(cg->b, cg->i64, cg_field(cg, cg->saved, 8 * slot), "entry");
}
