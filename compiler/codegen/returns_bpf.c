/* SPDX-License-Identifier: GPL-2.0-or-later */
/* returns_bpf.c — counting the returns the kernel will not report.
 *
 * The kernel keeps at most 64 return probes pending per thread
 * (MAX_URETPROBE_DEPTH).  At a call made 64 deep it sets none, and that
 * return is never reported: recursion 10,000 deep gives 10,000 calls and
 * 64 returns, silently.  uscript counts them, as it counts lost events, by
 * keeping the kernel's count beside it.  The entry program that every
 * probe with .return rows has (target.h) keeps, per thread, the stack
 * address of each call whose return is pending, in the task storage map
 * `rstack`; a
 * call that finds 64 pending is counted in the second counter of `lost`,
 * which the runtime reports at the end.  The kernel's rules are followed
 * as they are, so that the two counts agree:
 *
 *  - at a call, the depth is checked first; then the pending calls that
 *    a longjmp has left behind (at or below the stack pointer) are
 *    dropped, and the call is pushed;
 *  - at a return, calls are popped until the one whose caller is still
 *    on the stack: the one returning now, and any left behind above it.
 *
 * Each probed address counts once, however many .return rows share it: the
 * kernel sets one return probe there for all of them.  A thread's record is
 * in its task's own storage (task-local storage: no lookup by thread id,
 * made at the thread's first call, freed when it ends): with a hash map of
 * thread ids instead, counting cost a return probe's hit about 60 ns more,
 * against some 35 ns (of which 30 are the entry program's run itself),
 * beside the 600 ns the return probe costs anyway. */
#define _GNU_SOURCE
#include <linux/bpf.h>
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "cg.h"
#include "points/target.h"

enum { DEPTH = 64 };

/* The record of a thread: the depth, the calls' stack pointers. */
enum { R_DEPTH = 0, R_STACK = 8, R_SIZE = R_STACK + 8 * DEPTH };

uint32_t cg_rstack_value_size(void)
{
	return R_SIZE;
}

static int cmp_row(const void *a, const void *b, void *rows)
{
	const struct attach_point *r = rows;
	const struct attach_point *x = &r[*(const int *)a], *y = &r[*(const int *)b];
	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	int c = strcmp(x->path, y->path);
	return c ? c : *(const int *)a - *(const int *)b;
}

void cg_rstack_owners(struct cg *cg)
{
	const struct attach_table *t = cg->attach;
	cg->rstack_owner = arena_alloc(cg->arena, (size_t)t->n + 1);
	memset(cg->rstack_owner, 0, (size_t)t->n + 1);
	int *rows = malloc(((size_t)t->n + 1) * sizeof(int));
	if (!rows)
		abort();
	int n = 0;
	for (int i = 0; i < t->n; i++)
		if (t->rows[i].kind == ATTACH_URETPROBE && !t->rows[i].cookie_of)
			rows[n++] = i;
	qsort_r(rows, (size_t)n, sizeof(int), cmp_row, t->rows);
	for (int i = 0; i < n; i++) {
		const struct attach_point *a = &t->rows[rows[i]];
		const struct attach_point *prev = i ? &t->rows[rows[i - 1]] : NULL;
		cg->rstack_owner[rows[i]] = !prev || prev->offset != a->offset ||
					    strcmp(prev->path, a->path) != 0;
		cg->has_returns = true;
	}
	free(rows);
}

/* Whether this handler's row (its cookie) is one of rows[0..n) that keeps
 * the count: known without the cookie when all or none of them do, and
 * the handler runs at no other row (`others`: it does, at entries). */
static LLVMValueRef owns(struct cg *cg, const int *rows, int n, bool others)
{
	int owners = 0;
	for (int i = 0; i < n; i++)
		owners += cg->rstack_owner[rows[i]];
	if (owners == 0 || (owners == n && !others))
		return LLVMConstInt(cg->i1, owners != 0, 0);
	LLVMValueRef cookie = cg_bpf_helper(cg, BPF_FUNC_get_attach_cookie, cg->i64, &cg->regs, 1);
	LLVMValueRef yes = LLVMConstInt(cg->i1, 0, 0);
	for (int i = 0; i < n; i++)
		if (cg->rstack_owner[rows[i]])
			yes = LLVMBuildOr(cg->b, yes, LLVMBuildICmp(cg->b, LLVMIntEQ, cookie,
						cg_const(cg, rows[i]), ""), "");
	return yes;
}

/* The thread's record, in its task's storage, made at its first use if
 * `make` (without one, on to none_to). */
static LLVMValueRef record(struct cg *cg, bool make, LLVMBasicBlockRef none_to)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef task = cg_bpf_helper(cg, BPF_FUNC_get_current_task_btf, cg->ptr, NULL, 0);
	LLVMValueRef args[4] = { cg->maps[CG_MAP_RSTACK], task, LLVMConstNull(cg->ptr),
				 cg_const(cg, make ? BPF_LOCAL_STORAGE_GET_F_CREATE : 0) };
	LLVMValueRef r = cg_bpf_helper(cg, BPF_FUNC_task_storage_get, cg->ptr, args, 4);
	LLVMBasicBlockRef ok = cg_block(cg, "rstack.ok");
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, r, ""), none_to, ok);
	LLVMPositionBuilderAtEnd(b, ok);
	return r;
}

static LLVMValueRef stack_at(struct cg *cg, LLVMValueRef r, LLVMValueRef i)
{
	LLVMValueRef off = LLVMBuildAdd(cg->b, cg_const(cg, R_STACK),
					LLVMBuildShl(cg->b, LLVMBuildAnd(cg->b, i,
						cg_const(cg, DEPTH - 1), ""), cg_const(cg, 3), ""), "");
	return cg_gep(cg, r, off);
}

/* A loop of at most DEPTH turns over the depth d (an alloca): `body`
 * builds one turn, which branches to `again` to go on or to `out`. */
struct turns {
	LLVMValueRef n;
	LLVMBasicBlockRef head, body, again, out;
};

static void turns_begin(struct cg *cg, struct turns *t, const char *name)
{
	LLVMBuilderRef b = cg->b;
	t->n = cg_function_slot(cg, "rstack.turn", cg->i64, NULL);
	LLVMBuildStore(b, cg_const(cg, 0), t->n);
	t->head = cg_block(cg, name);
	t->body = cg_block(cg, "turn");
	t->again = cg_block(cg, "again");
	t->out = cg_block(cg, "out");
	LLVMBuildBr(b, t->head);
	LLVMPositionBuilderAtEnd(b, t->head);
	LLVMValueRef n = LLVMBuildLoad2(b, cg->i64, t->n, "");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULT, n, cg_const(cg, DEPTH), ""), t->body, t->out);
	LLVMPositionBuilderAtEnd(b, t->again);
	LLVMBuildStore(b, LLVMBuildAdd(b, LLVMBuildLoad2(b, cg->i64, t->n, ""), cg_const(cg, 1), ""),
		       t->n);
	LLVMBuildBr(b, t->head);
	LLVMPositionBuilderAtEnd(b, t->body);
}

void cg_rstack_push(struct cg *cg, const struct tv_saves *sv)
{
	LLVMBuilderRef b = cg->b;
	LLVMBasicBlockRef count = cg_block(cg, "rstack.count"), done = cg_block(cg, "rstack.done");
	LLVMBuildCondBr(b, owns(cg, sv->rows, sv->nrows, false), count, done);
	LLVMPositionBuilderAtEnd(b, count);
	LLVMValueRef r = record(cg, true, done);
	LLVMValueRef depth = cg_field(cg, r, R_DEPTH);
	LLVMValueRef d = LLVMBuildLoad2(b, cg->i64, depth, "depth");
	LLVMBasicBlockRef full = cg_block(cg, "rstack.full"), room = cg_block(cg, "rstack.room");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntUGE, d, cg_const(cg, DEPTH), ""), full, room);

	/* The kernel sets no return probe: that return will not be seen. */
	LLVMPositionBuilderAtEnd(b, full);
	cg_bpf_count_missed_return(cg);
	LLVMBuildBr(b, cg->ret_bb);

	/* Calls left behind by a longjmp: at or below the stack pointer. */
	LLVMPositionBuilderAtEnd(b, room);
	LLVMValueRef sp = cg_load_reg(cg, PT_REGS_SP);
	struct turns t;
	turns_begin(cg, &t, "rstack.drop");
	LLVMValueRef cur = LLVMBuildLoad2(b, cg->i64, depth, "");
	LLVMBasicBlockRef look = cg_block(cg, "rstack.look"), drop = cg_block(cg, "rstack.drop1");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, cur, cg_const(cg, 0), ""), t.out, look);
	LLVMPositionBuilderAtEnd(b, look);
	LLVMValueRef top = LLVMBuildSub(b, cur, cg_const(cg, 1), "");
	LLVMValueRef at = LLVMBuildLoad2(b, cg->i64, stack_at(cg, r, top), "");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULE, at, sp, ""), drop, t.out);
	LLVMPositionBuilderAtEnd(b, drop);
	LLVMBuildStore(b, top, depth);
	LLVMBuildBr(b, t.again);

	LLVMPositionBuilderAtEnd(b, t.out);
	LLVMValueRef n = LLVMBuildLoad2(b, cg->i64, depth, "");
	LLVMBuildStore(b, sp, stack_at(cg, r, n));
	LLVMBuildStore(b, LLVMBuildAdd(b, n, cg_const(cg, 1), ""), depth);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
}

void cg_rstack_pop(struct cg *cg, const struct probe *p, const struct tv_saves *sv)
{
	LLVMBuilderRef b = cg->b;
	bool entries = false;
	for (int i = 0; i < cg->attach->n; i++) {
		const struct attach_point *a = &cg->attach->rows[i];
		entries |= a->probe == p->id && !a->cookie_of && a->kind == ATTACH_UPROBE;
	}
	LLVMBasicBlockRef count = cg_block(cg, "rstack.count"), done = cg_block(cg, "rstack.done");
	LLVMBuildCondBr(b, owns(cg, sv->rows, sv->nrows, entries), count, done);
	LLVMPositionBuilderAtEnd(b, count);
	LLVMValueRef r = record(cg, false, done);
	LLVMValueRef depth = cg_field(cg, r, R_DEPTH);
	/* The return address is popped: the call's stack pointer was 8 below. */
	LLVMValueRef sp = cg_load_reg(cg, PT_REGS_SP);
	struct turns t;
	turns_begin(cg, &t, "rstack.unwind");
	LLVMValueRef cur = LLVMBuildLoad2(b, cg->i64, depth, "");
	LLVMBasicBlockRef take = cg_block(cg, "rstack.take"), next = cg_block(cg, "rstack.next");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, cur, cg_const(cg, 0), ""), t.out, take);
	LLVMPositionBuilderAtEnd(b, take);
	LLVMValueRef top = LLVMBuildSub(b, cur, cg_const(cg, 1), "");
	LLVMBuildStore(b, top, depth);
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, top, cg_const(cg, 0), ""), t.out, next);
	/* Done once the call below is still on the stack: its caller's frame
	 * is at or above the stack pointer. */
	LLVMPositionBuilderAtEnd(b, next);
	LLVMValueRef below = LLVMBuildLoad2(b, cg->i64,
		stack_at(cg, r, LLVMBuildSub(b, top, cg_const(cg, 1), "")), "");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULE, sp, below, ""), t.out, t.again);
	LLVMPositionBuilderAtEnd(b, t.out);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
}
