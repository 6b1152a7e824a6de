/* SPDX-License-Identifier: GPL-2.0-or-later */
/* foreach_bpf.c — foreach, while and for in BPF programs.
 *
 * The kernel walks a map with bpf_for_each_map_elem, calling a function for
 * each element: the loop's body becomes that function.  It reaches the state
 * of the handler (or script function) it belongs to through a frame on the
 * handler's stack, which the kernel passes it: the globals, scratch and
 * pt_regs pointers, the error flag and the return slot; the attach
 * cookie, the action counter and the walk's own numbers, and the locals,
 * it finds in scratch, where a function with such a loop keeps them all
 * (codegen.c).  The body is generated with
 * the code generator's state pointed at those, so it is the same code as
 * anywhere else.
 *
 * The function returns 0 for the next element and 1 to stop: `break` stops;
 * `next`, `return` and a runtime error also set the walk's status, and the
 * handler, back from the walk, goes on to its own end as it would have.
 *
 * The kernel visits elements in the order its hash map holds them, and a BPF
 * program cannot sort: a sorted foreach is an error here, and an unsorted one
 * sees the elements in another order than SystemTap's (creation order).
 *
 * while and for loops are the same: bpf_loop calls a function for each
 * turn (loop_function).  The verifier checks such a function once, where
 * a loop of the handler's own it would follow turn by turn, every path
 * through the body each turn: a loop over a string's bytes with a test in
 * its body (strpos, str_replace, tokenize) was more than it takes. */
#include "parse/arena.h"
#include "cg.h"
#include "parse/diag.h"

/* The frame, on the stack of the function whose loop it is, holds the
 * pointers the callback needs (the verifier keeps a pointer's kind on the
 * stack, not in a map); the walk's numbers are in scratch, at an offset
 * the callback is made knowing (cg->walk_off): W_* words from there. */
enum frame_slot {
	FR_GLOBALS, FR_SCRATCH, FR_REGS, FR_ABORTED, FR_RET_SLOT, FR_SAVED, FR_SIZE
};

enum walk_word {
	W_ACTIONS,      /* the handler's action count while the walk lasts */
	W_COUNT,        /* foreach: the elements taken; while, for: 1 once ended */
	W_STATUS,       /* 1: the body left the handler (next, return, error) */
	W_LIMIT,        /* foreach: its limit */
	W_COOKIE,       /* the attach cookie */
	W_HIST_KEY,     /* foreach over a histogram: its key, from here on */
	W_SIZE
};

struct fn_state {
	LLVMValueRef globals, scratch, regs, cookie, actions, aborted, ret_slot, saved, rt;
	LLVMValueRef *local_slots;
	uint32_t *local_offsets;
	LLVMBasicBlockRef ret_bb;
	int nloops;
	LLVMValueRef each_frame, each_frame_fn;
	int pending_actions;
	uint32_t walk_off;
};

static LLVMValueRef slot(struct cg *cg, LLVMValueRef frame, int i)
{
	return cg_field(cg, frame, 8 * (uint32_t)i);
}

static void put(struct cg *cg, LLVMValueRef frame, int i, LLVMValueRef v)
{
	LLVMBuildStore(cg->b, v ? v : LLVMConstNull(cg->ptr), slot(cg, frame, i));
}

/* Word i of the walk being made (cg->walk_off), in scratch. */
static LLVMValueRef walk(struct cg *cg, int i)
{
	return cg_field(cg, cg_scratch_base(cg), cg->walk_off + 8 * (uint32_t)i);
}

static LLVMValueRef get_ptr(struct cg *cg, LLVMValueRef frame, int i)
{
	return LLVMBuildLoad2(cg->b, cg->ptr, slot(cg, frame, i), "");
}

/* foreach (n = b in @hist_log(x)): b the bucket number, n its count. */
static void hist_vars(struct cg *cg, struct foreach *f, LLVMValueRef index, LLVMValueRef key)
{
	if (f->nkeys == 1 && f->key_syms && f->key_syms[0])
		LLVMBuildStore(cg->b, index, cg_var_addr(cg, f->key_syms[0]));
	if (f->value_sym)
		LLVMBuildStore(cg->b, cg->t->stat_bucket(cg, f->hist->args->sym->index, key, index),
			       cg_var_addr(cg, f->value_sym));
}

/* Points the code generator at the handler's state as a callback finds it
 * through frame, keeping the outer state in *outer; leave_frame puts it
 * back. */
static void enter_frame(struct cg *cg, LLVMValueRef frame, uint32_t walk_off,
			struct fn_state *outer)
{
	int nlocals = cg->h->nlocals;
	*outer = (struct fn_state){
		cg->globals, cg->scratch, cg->regs, cg->cookie, cg->actions, cg->aborted,
		cg->ret_slot, cg->saved, cg->rt, cg->local_slots, cg->local_offsets, cg->ret_bb, cg->nloops,
		cg->each_frame, cg->each_frame_fn, cg->pending_actions, cg->walk_off,
	};
	cg->globals = get_ptr(cg, frame, FR_GLOBALS);
	cg->scratch = get_ptr(cg, frame, FR_SCRATCH);
	cg->regs = outer->regs ? get_ptr(cg, frame, FR_REGS) : NULL;
	cg->walk_off = walk_off;
	cg->cookie = LLVMBuildLoad2(cg->b, cg->i64, walk(cg, W_COOKIE), "cookie");
	cg->actions = walk(cg, W_ACTIONS);
	cg->aborted = get_ptr(cg, frame, FR_ABORTED);
	cg->ret_slot = outer->ret_slot ? get_ptr(cg, frame, FR_RET_SLOT) : NULL;
	cg->saved = outer->saved ? get_ptr(cg, frame, FR_SAVED) : NULL;
	cg->pending_actions = 0;
	cg->rt = NULL;               /* the host's only */
	cg->local_slots = arena_alloc(cg->arena, ((size_t)nlocals + 1) * sizeof(LLVMValueRef));
	/* The function's locals are all in scratch (codegen.c's init_locals). */
	for (int i = 0; i < nlocals; i++)
		cg->local_slots[i] = outer->local_offsets[i] == CG_ON_STACK ? LLVMGetUndef(cg->ptr) :
			cg_field(cg, cg->scratch, outer->local_offsets[i]);
}

static void leave_frame(struct cg *cg, const struct fn_state *outer)
{
	cg->globals = outer->globals;
	cg->scratch = outer->scratch;
	cg->regs = outer->regs;
	cg->cookie = outer->cookie;
	cg->actions = outer->actions;
	cg->aborted = outer->aborted;
	cg->ret_slot = outer->ret_slot;
	cg->saved = outer->saved;
	cg->rt = outer->rt;
	cg->local_slots = outer->local_slots;
	cg->local_offsets = outer->local_offsets;
	cg->ret_bb = outer->ret_bb;
	cg->nloops = outer->nloops;
	cg->each_frame = outer->each_frame;
	cg->each_frame_fn = outer->each_frame_fn;
	cg->pending_actions = outer->pending_actions;
	cg->walk_off = outer->walk_off;
}

/* The blocks every callback ends in: stop returns 1 (the walk ends), more
 * 0; the callback's ret_bb, where next, return and errors go, sets the
 * walk's status first, for the handler to leave too. */
static void callback_exits(struct cg *cg, LLVMValueRef fn, LLVMBasicBlockRef *stop,
			   LLVMBasicBlockRef *more)
{
	LLVMBuilderRef b = cg->b;
	*stop = cg_block(cg, "each.stop");
	*more = cg_block(cg, "each.more");
	cg->ret_bb = cg_block(cg, "each.leave");
	LLVMPositionBuilderAtEnd(b, *stop);
	LLVMBuildRet(b, cg_const(cg, 1));
	LLVMPositionBuilderAtEnd(b, *more);
	LLVMBuildRet(b, cg_const(cg, 0));
	LLVMPositionBuilderAtEnd(b, cg->ret_bb);
	LLVMBuildStore(b, cg_const(cg, 1), walk(cg, W_STATUS));
	LLVMBuildBr(b, *stop);
	LLVMPositionBuilderAtEnd(b, LLVMGetFirstBasicBlock(fn));
}

/* The body's function: long each(map, key, value, frame); for the buckets
 * of a histogram, bpf_loop's long each(index, frame). */
static LLVMValueRef body_function(struct cg *cg, struct stmt *st,
				  void (*body)(struct cg *, struct stmt *))
{
	struct foreach *f = st->foreach;
	uint32_t walk_off = cg->walk_off;
	static const char *const names[] = { "map", "key", "value", "frame" };
	static const char *const hist_names[] = { "index", "frame" };
	struct cg_saved saved;
	struct fn_state outer;
	LLVMValueRef fn = f->hist ? cg_callback_begin(cg, "foreach_bucket", hist_names, 2, &saved) :
		cg_callback_begin(cg, "foreach_body", names, 4, &saved);
	LLVMBuilderRef b = cg->b;
	cg_set_loc(cg, &st->loc);
	LLVMValueRef frame = LLVMGetParam(fn, f->hist ? 1 : 3);
	LLVMValueRef key = LLVMGetParam(fn, f->hist ? 0 : 1);
	LLVMValueRef value = f->hist ? NULL : LLVMGetParam(fn, 2);
	enter_frame(cg, frame, walk_off, &outer);

	/* break stops the walk; continue and the body's end go on; next,
	 * return and errors stop it and tell the handler. */
	LLVMBasicBlockRef stop, more;
	callback_exits(cg, fn, &stop, &more);

	if (f->limit) {
		LLVMValueRef count = walk(cg, W_COUNT);
		LLVMValueRef n = LLVMBuildLoad2(b, cg->i64, count, "");
		LLVMValueRef limit = LLVMBuildLoad2(b, cg->i64, walk(cg, W_LIMIT), "");
		LLVMBasicBlockRef go = cg_block(cg, "each.go");
		LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSGE, n, limit, ""),
				stop, go);
		LLVMPositionBuilderAtEnd(b, go);
		LLVMBuildStore(b, LLVMBuildAdd(b, n, cg_const(cg, 1), ""), count);
	}
	if (f->hist)
		hist_vars(cg, f, LLVMBuildPtrToInt(b, key, cg->i64, ""),
			  walk(cg, W_HIST_KEY));
	else
		cg_foreach_vars(cg, f, key, value);
	if (cg->nloops == CG_MAX_LOOPS) {
		diag_error(&st->loc, "loops nested more than %d deep", CG_MAX_LOOPS);
	} else {
		cg->loops[cg->nloops++] = (struct cg_loop){ stop, more };
		body(cg, st);
		cg->nloops--;
	}
	LLVMBuildBr(cg->b, more);

	cg_callback_end(cg, &saved);
	leave_frame(cg, &outer);
	return fn;
}

LLVMValueRef cg_loop_frame(struct cg *cg)
{
	/* One frame serves the loops of a function one after another: the
	 * stack has 512 bytes. */
	if (cg->each_frame_fn != cg->fn) {
		cg->each_frame = cg_alloca(cg, LLVMArrayType2(cg->i64, FR_SIZE), "frame");
		cg->each_frame_fn = cg->fn;
	}
	return cg->each_frame;
}

/* The frame filled for a walk of `extra` more bytes of words in scratch
 * after the W_* ones; the walk's words are reserved here and made
 * cg->walk_off for the callback (its caller saves the outer one). */
static LLVMValueRef fill_frame(struct cg *cg, uint32_t extra)
{
	LLVMValueRef frame = cg_loop_frame(cg);
	cg->walk_off = cg_scratch_reserve(cg, 8 * W_SIZE + extra, false);
	LLVMBuildStore(cg->b, LLVMBuildLoad2(cg->b, cg->i64, cg->actions, ""), walk(cg, W_ACTIONS));
	LLVMBuildStore(cg->b, cg_const(cg, 0), walk(cg, W_COUNT));
	LLVMBuildStore(cg->b, cg_const(cg, 0), walk(cg, W_STATUS));
	LLVMBuildStore(cg->b, cg->cookie ? cg->cookie : cg_const(cg, 0), walk(cg, W_COOKIE));
	put(cg, frame, FR_GLOBALS, cg->globals);
	put(cg, frame, FR_SCRATCH, cg_scratch_base(cg));
	put(cg, frame, FR_REGS, cg->regs);
	put(cg, frame, FR_ABORTED, cg->aborted);
	put(cg, frame, FR_RET_SLOT, cg->ret_slot);
	put(cg, frame, FR_SAVED, cg->saved);
	return frame;
}

/* After the walk: the actions back in the handler's counter, and the
 * handler leaves if the body did (next, return, an error). */
static void after_walk(struct cg *cg)
{
	LLVMBuildStore(cg->b, LLVMBuildLoad2(cg->b, cg->i64, walk(cg, W_ACTIONS), ""), cg->actions);
	LLVMBasicBlockRef go = cg_block(cg, "walk.end");
	LLVMValueRef status = LLVMBuildLoad2(cg->b, cg->i64, walk(cg, W_STATUS), "");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntNE, status, cg_const(cg, 0), ""),
			cg_leave_block(cg), go);
	LLVMPositionBuilderAtEnd(cg->b, go);
}

/* while and for: each turn is a call of a function of bpf_loop, which the
 * verifier checks once, whatever the number of turns.  The function tests
 * the condition, runs the body and the step; it counts the actions as
 * stmt.c's gen_loop does, charging each turn's at its end, and the count
 * (the walk's W_COUNT) becomes 1 when the loop ends by its condition or
 * a break. */
static LLVMValueRef loop_function(struct cg *cg, struct stmt *s)
{
	uint32_t outer_walk = cg->walk_off;
	static const char *const names[] = { "index", "frame" };
	struct cg_saved saved;
	struct fn_state outer;
	LLVMValueRef fn = cg_callback_begin(cg, "loop_turn", names, 2, &saved);
	LLVMBuilderRef b = cg->b;
	cg_set_loc(cg, &s->loc);
	LLVMValueRef frame = LLVMGetParam(fn, 1);
	enter_frame(cg, frame, outer_walk, &outer);
	LLVMBasicBlockRef stop, more;
	callback_exits(cg, fn, &stop, &more);
	LLVMBasicBlockRef done = cg_block(cg, "loop.done"), body = cg_block(cg, "loop.body"),
		step = cg_block(cg, "loop.step");
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
	LLVMValueRef ended = walk(cg, W_COUNT);
	LLVMBuildStore(b, cg_const(cg, 1), ended);
	record_actions(cg, 1, &s->loc, true);
	if (s->expr) {
		LLVMValueRef c = LLVMBuildICmp(b, LLVMIntNE, cg_expr(cg, s->expr), cg_const(cg, 0), "");
		LLVMBasicBlockRef go = cg_block(cg, "loop.go");
		LLVMBuildCondBr(b, c, go, stop);
		LLVMPositionBuilderAtEnd(b, go);
	}
	LLVMBuildStore(b, cg_const(cg, 0), ended);
	LLVMBuildBr(b, body);
	LLVMPositionBuilderAtEnd(b, body);
	if (cg->nloops == CG_MAX_LOOPS) {
		diag_error(&s->loc, "loops nested more than %d deep", CG_MAX_LOOPS);
	} else {
		/* break: the loop ended; continue: on to the step. */
		LLVMBasicBlockRef brk = cg_block(cg, "loop.break");
		LLVMBasicBlockRef here = LLVMGetInsertBlock(b);
		LLVMPositionBuilderAtEnd(b, brk);
		LLVMBuildStore(b, cg_const(cg, 1), ended);
		LLVMBuildBr(b, stop);
		LLVMPositionBuilderAtEnd(b, here);
		cg->loops[cg->nloops++] = (struct cg_loop){ brk, step };
		gen_stmt(cg, s->body);
		record_actions(cg, 0, &s->body->loc, true);
		cg->nloops--;
	}
	LLVMBuildBr(b, step);
	LLVMPositionBuilderAtEnd(b, step);
	if (s->step)
		gen_stmt(cg, s->step);
	record_actions(cg, 0, &s->loc, true);
	LLVMBuildBr(b, more);
	cg_callback_end(cg, &saved);
	leave_frame(cg, &outer);
	return fn;
}

/* bpf_loop takes at most 2^23 turns a call. */
#define LOOP_TURNS_MAX (1u << 23)

void cg_loop_bpf(struct cg *cg, struct stmt *s)
{
	if (s->init)
		gen_stmt(cg, s->init);
	record_actions(cg, 1, &s->loc, true);
	uint32_t outer_walk = cg->walk_off;
	LLVMValueRef frame = fill_frame(cg, 0);
	/* Every turn costs an action: MAXACTION ends the loop first. */
	uint64_t turns = cg->opts->maxaction + 1;
	if (turns > LOOP_TURNS_MAX)
		turns = LOOP_TURNS_MAX;
	cg_bpf_loop_ctx(cg, (uint32_t)turns, loop_function(cg, s), frame);
	after_walk(cg);
	LLVMValueRef ended = walk(cg, W_COUNT);
	cg->walk_off = outer_walk;
	/* Out of turns but not ended: only under a MAXACTION above bpf_loop's
	 * reach, which stops the loop as MAXACTION would. */
	LLVMBasicBlockRef over = cg_block(cg, "loop.over"), out = cg_block(cg, "loop.out");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ,
					     LLVMBuildLoad2(cg->b, cg->i64, ended, ""),
					     cg_const(cg, 0), ""), over, out);
	LLVMPositionBuilderAtEnd(cg->b, over);
	cg_raise_fatal(cg, &s->loc, "MAXACTION exceeded");
	LLVMBuildBr(cg->b, out);
	LLVMPositionBuilderAtEnd(cg->b, out);
}

void cg_foreach_bpf(struct cg *cg, struct stmt *st, void (*body)(struct cg *, struct stmt *))
{
	struct foreach *f = st->foreach;
	if (f->sort_dir && !f->hist) {
		diag_error(&st->loc, "a sorted foreach cannot run in a process probe: BPF programs "
			   "cannot sort; leave out the sort, or loop in an end or timer probe");
		return;
	}
	/* The limit first: its expression may have walks of its own. */
	LLVMValueRef limit = f->limit ? cg_expr(cg, f->limit) : cg_const(cg, 0);
	uint32_t outer_walk = cg->walk_off;
	const struct global_var *hv = f->hist ?
		&cg->prog->globals[f->hist->args->sym->index] : NULL;
	LLVMValueRef frame = fill_frame(cg, hv ? hv->key_size : 0);
	LLVMBuildStore(cg->b, limit, walk(cg, W_LIMIT));
	if (f->hist) {
		/* The buckets: bpf_loop calls the body with each number. */
		struct expr *t = f->hist->args;
		cg->t->copy(cg, walk(cg, W_HIST_KEY), cg_array_key(cg, t->sym->index,
						   t->kind == EXPR_INDEX ? t->args : NULL),
			    hv->key_size);
		cg_bpf_loop_ctx(cg, hv->stat.buckets, body_function(cg, st, body), frame);
	} else {
		cg_bpf_for_each(cg, f->array_sym->index, body_function(cg, st, body), frame);
	}
	after_walk(cg);
	cg->walk_off = outer_walk;
}
