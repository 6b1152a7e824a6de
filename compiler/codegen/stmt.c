/* SPDX-License-Identifier: GPL-2.0-or-later */
/* stmt.c — statements, and MAXACTION counted as SystemTap counts it; see
 * cg.h. */
#include "cg.h"
#include "parse/diag.h"

/* MAXACTION, counted as SystemTap counts it: each statement adds to a count
 * kept while generating code, and the count is charged to the handler's
 * action counter at fixed points (a branch, the end of a loop body, a jump),
 * or once it reaches ten; an overrun is reported at the statement where the
 * charge is made.  So a script stops at the same place, after printing the
 * same lines, as under SystemTap.  Handlers without loops cannot overrun and
 * count nothing. */
void record_actions(struct cg *cg, int n, const struct loc *loc, bool update)
{
	if (!cg->count_actions)
		return;
	cg->pending_actions += n;
	if (!((update && cg->pending_actions > 0) || cg->pending_actions >= 10))
		return;
	LLVMValueRef used = LLVMBuildLoad2(cg->b, cg->i64, cg->actions, "");
	used = LLVMBuildAdd(cg->b, used, cg_const(cg, cg->pending_actions), "");
	LLVMBuildStore(cg->b, used, cg->actions);
	cg->pending_actions = 0;
	LLVMBasicBlockRef over = cg_block(cg, "maxaction"), ok = cg_block(cg, "actions.ok");
	LLVMValueRef limit = cg_const(cg, (int64_t)cg->opts->maxaction);
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSGE, used, limit, ""), over, ok);
	LLVMPositionBuilderAtEnd(cg->b, over);
	cg_raise_fatal(cg, loc, "MAXACTION exceeded");
	LLVMBuildBr(cg->b, ok);
	LLVMPositionBuilderAtEnd(cg->b, ok);
}

static void gen_list(struct cg *cg, struct stmt *s)
{
	for (; s; s = s->next)
		gen_stmt(cg, s);
}

static LLVMValueRef truth(struct cg *cg, struct expr *e)
{
	return LLVMBuildICmp(cg->b, LLVMIntNE, cg_expr(cg, e), cg_const(cg, 0), "");
}

static void push_loop(struct cg *cg, LLVMBasicBlockRef brk, LLVMBasicBlockRef cont,
		      const struct loc *loc)
{
	if (cg->nloops == CG_MAX_LOOPS) {
		diag_error(loc, "loops nested more than %d deep", CG_MAX_LOOPS);
		return;
	}
	cg->loops[cg->nloops++] = (struct cg_loop){ brk, cont };
}

/* while and for, as SystemTap compiles both: one action on entering the
 * loop, one each time round, and the body's own, charged at the end of the
 * body.  The step's action is charged with whatever follows the loop. */
static void gen_loop(struct cg *cg, struct stmt *s)
{
	if (cg->t->is_bpf) {
		cg_loop_bpf(cg, s);
		return;
	}
	if (s->init)
		gen_stmt(cg, s->init);
	record_actions(cg, 1, &s->loc, true);
	LLVMBasicBlockRef head = cg_block(cg, "loop.head"), body = cg_block(cg, "loop.body"),
		step = cg_block(cg, "loop.step"), out = cg_block(cg, "loop.end");
	LLVMBuildBr(cg->b, head);
	LLVMPositionBuilderAtEnd(cg->b, head);
	record_actions(cg, 1, &s->loc, false);
	if (s->expr)
		LLVMBuildCondBr(cg->b, truth(cg, s->expr), body, out);
	else
		LLVMBuildBr(cg->b, body);
	LLVMPositionBuilderAtEnd(cg->b, body);
	push_loop(cg, out, step, &s->loc);
	gen_stmt(cg, s->body);
	record_actions(cg, 0, &s->body->loc, true);
	cg->nloops--;
	LLVMBuildBr(cg->b, step);
	LLVMPositionBuilderAtEnd(cg->b, step);
	if (s->step)
		gen_stmt(cg, s->step);
	LLVMBuildBr(cg->b, head);
	LLVMPositionBuilderAtEnd(cg->b, out);
}

/* One pass through a foreach body: SystemTap counts an action for the
 * iteration and charges the body's at its end. */
static void foreach_body(struct cg *cg, struct stmt *s)
{
	record_actions(cg, 1, &s->loc, false);
	gen_stmt(cg, s->body);
	record_actions(cg, 0, &s->body->loc, true);
}

/* try { body } catch (msg) { handler }: the body's errors jump to the
 * handler (cg.h), which finds the message in the error area.  An action is
 * charged for catching, as SystemTap charges it. */
static void gen_try(struct cg *cg, struct stmt *s)
{
	if (cg->ntries == CG_MAX_TRIES) {
		diag_error(&s->loc, "try nested more than %d deep", CG_MAX_TRIES);
		return;
	}
	record_actions(cg, 0, &s->loc, true);
	LLVMBasicBlockRef caught = cg_block(cg, "try.catch"), out = cg_block(cg, "try.end");
	cg->tries[cg->ntries++] = (struct cg_try){ caught, cg->fn };
	cg->slot_top = cg->slot_fixed;
	gen_stmt(cg, s->body);
	record_actions(cg, 0, &s->body->loc, true);
	cg->ntries--;
	LLVMBuildBr(cg->b, out);
	LLVMPositionBuilderAtEnd(cg->b, caught);
	cg->slot_top = cg->slot_fixed;
	LLVMBuildStore(cg->b, cg_const(cg, 0), cg->aborted);
	if (s->expr && s->expr->sym)
		cg_string_store(cg, cg_var_addr(cg, s->expr->sym), cg_error_message(cg));
	record_actions(cg, 1, &s->loc, true);
	gen_stmt(cg, s->else_body);
	record_actions(cg, 0, &s->else_body->loc, true);
	LLVMBuildBr(cg->b, out);
	LLVMPositionBuilderAtEnd(cg->b, out);
}

void gen_stmt(struct cg *cg, struct stmt *s)
{
	cg_set_loc(cg, &s->loc);
	switch (s->kind) {
	case STMT_BLOCK:
		gen_list(cg, s->body);
		break;
	case STMT_EXPR:
		cg_expr(cg, s->expr);
		record_actions(cg, 1, &s->loc, false);
		break;
	case STMT_IF: {
		record_actions(cg, 1, &s->loc, true);
		LLVMBasicBlockRef then = cg_block(cg, "if.then"), out = cg_block(cg, "if.end");
		LLVMBasicBlockRef els = s->else_body ? cg_block(cg, "if.else") : out;
		LLVMBuildCondBr(cg->b, truth(cg, s->expr), then, els);
		LLVMPositionBuilderAtEnd(cg->b, then);
		cg->slot_top = cg->slot_fixed;
		gen_stmt(cg, s->body);
		record_actions(cg, 0, &s->body->loc, true);
		LLVMBuildBr(cg->b, out);
		if (s->else_body) {
			LLVMPositionBuilderAtEnd(cg->b, els);
			gen_stmt(cg, s->else_body);
			record_actions(cg, 0, &s->else_body->loc, true);
			LLVMBuildBr(cg->b, out);
		}
		LLVMPositionBuilderAtEnd(cg->b, out);
		break;
	}
	case STMT_WHILE:
	case STMT_FOR:
		gen_loop(cg, s);
		break;
	case STMT_BREAK:
	case STMT_CONTINUE:
		record_actions(cg, 1, &s->loc, true);
		if (cg->nloops) {
			struct cg_loop *l = &cg->loops[cg->nloops - 1];
			LLVMBuildBr(cg->b, s->kind == STMT_BREAK ? l->brk : l->cont);
			after_jump(cg);
		}
		break;
	case STMT_NEXT:
		record_actions(cg, 1, &s->loc, true);
		/* In a function: its callers leave too, up to the handler. */
		if (cg->depth >= 0)
			LLVMBuildStore(cg->b, cg_const(cg, 2), cg->aborted);
		LLVMBuildBr(cg->b, cg->ret_bb);
		after_jump(cg);
		break;
	case STMT_RETURN:
		if (s->expr) {
			LLVMValueRef v = cg_expr(cg, s->expr);
			if (cg->ret_slot) {
				if (s->expr->type == TYPE_STRING)
					cg_string_store(cg, cg->ret_slot, v);
				else
					LLVMBuildStore(cg->b, v, cg->ret_slot);
			}
		}
		record_actions(cg, 1, &s->loc, true);
		LLVMBuildBr(cg->b, cg->ret_bb);
		after_jump(cg);
		break;
	case STMT_DELETE:
		cg_delete(cg, s);
		record_actions(cg, 1, &s->loc, false);
		break;
	case STMT_FOREACH:
		record_actions(cg, 1, &s->loc, true);
		cg_foreach(cg, s, foreach_body);
		break;
	case STMT_TRY:
		gen_try(cg, s);
		break;
	case STMT_EMPTY:
		break;
	}
	/* Temporaries live for one statement; those of a loop's condition are
	 * made again each time round. */
	cg->slot_top = cg->slot_fixed;
}
