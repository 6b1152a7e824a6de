/* SPDX-License-Identifier: GPL-2.0-or-later */
/* codegen.c — modules, handlers and script functions; see cg.h, stmt.c for
 * statements and emit.c for what every part builds with.
 *
 * Script functions are compiled as internal functions that are always
 * inlined: BPF limits calls to five arguments and gains nothing from them.
 * BPF cannot recurse, so a function is compiled once for each depth of
 * calls it is called at, up to MAXNESTING, SystemTap's limit on the calls
 * under way at once: a call deeper than that raises SystemTap's runtime
 * error "MAXNESTING exceeded", as it would there, and inlining ends.  A
 * function
 * receives the handler's state as hidden arguments (globals, scratch, cookie,
 * registers, the runtime's handle on the host, the action counter, and the
 * flag that a runtime error ended the handler).
 *
 * The scratch area is laid out statically: each script function gets a part
 * of its own (a recursive one, one for each depth), then all probe handlers
 * share the rest, since two handlers never run at once on one CPU. */
#include "cg.h"
#include "kernel/kernel.h"
#include "points/probes.h"
#include "points/target.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "parse/arena.h"
#include "parse/diag.h"

/* The hidden arguments every script function takes, in order. */
enum {
	HID_GLOBALS, HID_SCRATCH, HID_COOKIE, HID_REGS, HID_RT, HID_ACTIONS, HID_ABORTED,
	HID_FRAME,    /* BPF: the caller's loop frame, for the function's loops */
	HID_COUNT
};

/* ---- handlers and functions ---- */

static bool loops_in_expr(struct cg *cg, const struct expr *e);
static bool try_in_expr(struct cg *cg, const struct expr *e);

/* Whether running these statements can loop, here or in a function they
 * call: only then can a handler exceed MAXACTION. */
static bool loops_in(struct cg *cg, const struct stmt *s)
{
	for (; s; s = s->next) {
		if (s->kind == STMT_WHILE || s->kind == STMT_FOR || s->kind == STMT_FOREACH)
			return true;
		if (loops_in_expr(cg, s->expr) || loops_in(cg, s->body) ||
		    loops_in(cg, s->else_body) || loops_in(cg, s->init) || loops_in(cg, s->step))
			return true;
	}
	return false;
}

static bool loops_in_expr(struct cg *cg, const struct expr *e)
{
	if (!e)
		return false;
	/* A recursive function's actions are counted as a loop's. */
	if (e->kind == EXPR_CALL && e->func && (e->func->recursive || loops_in(cg, e->func->body)))
		return true;
	for (const struct expr *a = e->args; a; a = a->next)
		if (loops_in_expr(cg, a))
			return true;
	return loops_in_expr(cg, e->lhs) || loops_in_expr(cg, e->rhs) ||
	       loops_in_expr(cg, e->cond);
}

static uint64_t stmt_count_expr(const struct expr *e);

/* How many statements a loop-free handler runs at most, counted as
 * SystemTap's max_action_info counts them: one a statement, the larger
 * branch of an if, and the body of every function called. */
static uint64_t stmt_count(const struct stmt *s)
{
	uint64_t n = 0;
	for (; s; s = s->next) {
		switch (s->kind) {
		case STMT_BLOCK:
			n += stmt_count(s->body);
			break;
		case STMT_IF: {
			uint64_t a = stmt_count(s->body), b = stmt_count(s->else_body);
			n += 1 + stmt_count_expr(s->expr) + (a > b ? a : b);
			break;
		}
		case STMT_TRY:
			n += 1 + stmt_count(s->body) + stmt_count(s->else_body);
			break;
		default:
			n += 1 + stmt_count_expr(s->expr);
			break;
		}
	}
	return n;
}

static uint64_t stmt_count_expr(const struct expr *e)
{
	if (!e)
		return 0;
	uint64_t n = 0;
	if (e->kind == EXPR_CALL && e->func)
		n += stmt_count(e->func->body);
	for (const struct expr *a = e->args; a; a = a->next)
		n += stmt_count_expr(a);
	return n + stmt_count_expr(e->lhs) + stmt_count_expr(e->rhs) + stmt_count_expr(e->cond);
}

/* Whether these statements, or the functions they call, have a try. */
static bool try_in(struct cg *cg, const struct stmt *s)
{
	if (!cg->has_try)
		return false;
	for (; s; s = s->next)
		if (s->kind == STMT_TRY || try_in_expr(cg, s->expr) || try_in(cg, s->body) ||
		    try_in(cg, s->else_body) || try_in(cg, s->init) || try_in(cg, s->step))
			return true;
	return false;
}

static bool try_in_expr(struct cg *cg, const struct expr *e)
{
	if (!e)
		return false;
	if (e->kind == EXPR_CALL && e->func && try_in(cg, e->func->body))
		return true;
	for (const struct expr *a = e->args; a; a = a->next)
		if (try_in_expr(cg, a))
			return true;
	return try_in_expr(cg, e->lhs) || try_in_expr(cg, e->rhs) || try_in_expr(cg, e->cond);
}

static bool has_try(const struct stmt *s)
{
	for (; s; s = s->next)
		if (s->kind == STMT_TRY || has_try(s->body) || has_try(s->else_body))
			return true;
	return false;
}

/* Whether a BPF loop (foreach, while, for) is among these statements: its
 * body runs in a function of its own (foreach_bpf.c), which finds the
 * locals in scratch. */
static bool foreach_in(const struct cg *cg, const struct stmt *s)
{
	if (!cg->t->is_bpf)
		return false;
	for (; s; s = s->next)
		if (s->kind == STMT_FOREACH || s->kind == STMT_WHILE || s->kind == STMT_FOR ||
		    foreach_in(cg, s->body) ||
		    foreach_in(cg, s->else_body) || foreach_in(cg, s->init) ||
		    foreach_in(cg, s->step))
			return true;
	return false;
}

/* Locals start as 0 or "" every time the handler runs.  Longs live on the
 * stack, but where a foreach body must reach them (`in_scratch`), and
 * strings in scratch. */
static void init_locals(struct cg *cg, int first, bool in_scratch)
{
	struct handler *h = cg->h;
	cg->local_slots = arena_alloc(cg->arena, (h->nlocals + 1) * sizeof(LLVMValueRef));
	cg->local_offsets = arena_alloc(cg->arena, (h->nlocals + 1) * sizeof(uint32_t));
	for (int i = 0; i < h->nlocals; i++) {
		struct sym *s = h->locals[i];
		bool is_string = s->type == TYPE_STRING;
		if (is_string || in_scratch) {
			uint32_t off = cg_scratch_reserve(cg, is_string ? cg->opts->maxstringlen : 8,
							  false);
			cg->local_offsets[i] = off;
			cg->local_slots[i] = cg_field(cg, cg_scratch_base(cg), off);
		} else {
			cg->local_offsets[i] = CG_ON_STACK;
			cg->local_slots[i] = cg_alloca(cg, cg->i64, s->name);
		}
		if (i >= first)
			LLVMBuildStore(cg->b, is_string ? LLVMConstInt(cg->i8, 0, 0) : cg_const(cg, 0),
				       cg->local_slots[i]);
	}
}

static void begin_function_state(struct cg *cg, struct handler *h, uint32_t slot_base)
{
	cg->h = h;
	cg->nloops = 0;
	cg->slot_base = slot_base;
	cg->slot_top = cg->slot_fixed = 0;
	cg->ret_slot = NULL;
}

/* Whether row a runs in BPF, on a uprobe. */
static bool uprobe_row(const struct attach_point *a)
{
	return a->kind == ATTACH_UPROBE || a->kind == ATTACH_URETPROBE;
}

/* Whether row a runs in uscript's own handlers. */
static bool host_row(const struct attach_point *a)
{
	return a->kind == ATTACH_BEGIN || a->kind == ATTACH_END || a->kind == ATTACH_ERROR ||
	       a->kind == ATTACH_TIMER;
}
static void mark_calls(struct cg *cg, const struct stmt *s, bool *needed, int d);

/* Probe p's handler; or, with `entry`, the entry program that saves what
 * its .return rows read at the entry (target.h); or, with row >= 0, the
 * program of that raw tracepoint or perf event row alone. */
static void gen_handler(struct cg *cg, struct probe *p, uint32_t slot_base, bool entry, int row)
{
	char name[64];
	if (row >= 0)
		snprintf(name, sizeof(name), "probe_%d_tp%d", p->id, row);
	else
		snprintf(name, sizeof(name), "probe_%d%s", p->id,
			 entry ? "_entry" : cg->t->is_bpf ? "" : "_host");
	cg->probe = p;
	cg->depth = -1;
	cg->fixed_row = row;
	begin_function_state(cg, &cg->res->probes[p->id], slot_base);
	cg->sleeps = false;
	cg->sleep_ok = row < 0;  /* uprobes may sleep; tracepoints and samples not */
	cg->in_return = false;
	if (cg->t->is_bpf && !entry && row < 0) {
		cg->in_return = true;
		for (int i = 0; i < cg->attach->n; i++)
			if (cg->attach->rows[i].probe == p->id && !cg->attach->rows[i].cookie_of &&
			    cg->attach->rows[i].kind == ATTACH_UPROBE)
				cg->in_return = false;
	}
	cg->t->handler_begin(cg, p, name);
	cg->actions = cg_alloca(cg, cg->i64, "actions");
	LLVMBuildStore(cg->b, cg_const(cg, 0), cg->actions);
	/* With a try, `aborted` has the error area after it (cg.h), in
	 * scratch: the BPF stack has no room for a string. */
	cg->aborted = !entry && try_in(cg, p->body) ?
		cg_scratch(cg, 8 + cg->opts->maxstringlen, false) :
		cg_alloca(cg, cg->i64, "aborted");
	LLVMBuildStore(cg->b, cg_const(cg, 0), cg->aborted);
	cg->ntries = 0;
	cg->unwind_errors = false;
	cg->ret_bb = cg_block(cg, "return");
	cg->saved = NULL;
	if (entry) {
		cg_bpf_entry_save(cg, p);
	} else {
		cg->count_actions = loops_in(cg, p->body);
		cg->pending_actions = 0;
		init_locals(cg, 0, foreach_in(cg, p->body));
		cg_regex_forget(cg);
		const struct tv_saves *sv = cg->t->is_bpf ? target_saves(cg->attach, p->id) : NULL;
		if (sv)
			cg_rstack_pop(cg, p, sv);
		if (sv && (sv->nslots || cg_entry_count(cg, p)))
			cg_bpf_entry_load(cg, p);
		/* A handler without loops is checked once, at its start, as
		 * SystemTap checks it: more statements than MAXACTION, and it
		 * stops there. */
		if (!cg->count_actions && stmt_count(p->body) > cg->opts->maxaction)
			cg_raise_fatal(cg, &p->loc, "MAXACTION exceeded");
		gen_stmt(cg, p->body);
		record_actions(cg, 0, &p->body->loc, true);
	}
	LLVMBuildBr(cg->b, cg->ret_bb);
	LLVMPositionBuilderAtEnd(cg->b, cg->ret_bb);
	cg_set_loc(cg, &p->loc);
	cg->t->handler_return(cg);
	if (cg->t->is_bpf) {
		int nfn = cg->res->nfuncs * (int)cg->opts->maxnesting;
		bool *calls = arena_alloc(cg->arena, (size_t)nfn + 1);
		if (!entry)
			mark_calls(cg, p->body, calls, 0);
		cg_bpf_handler_finish(cg, calls, nfn);
	}
	/* No scratch asked for: the block just goes on to the body. */
	if (cg->scratch_bb && !LLVMGetBasicBlockTerminator(cg->scratch_bb)) {
		LLVMPositionBuilderAtEnd(cg->b, cg->scratch_bb);
		LLVMBuildBr(cg->b, cg->body_bb);
	}
	cg->scratch_bb = NULL;
	for (int i = 0; i < cg->attach->n; i++) {
		struct attach_point *a = &cg->attach->rows[i];
		bool mine = row >= 0 ? i == row : entry ? a->cookie_of != 0 :
			!a->cookie_of && (cg->t->is_bpf ? uprobe_row(a) : host_row(a));
		if (a->probe == p->id && mine)
			a->prog_name = arena_strdup(cg->arena, name);
	}
}

static LLVMTypeRef value_type(struct cg *cg, enum type t)
{
	return t == TYPE_STRING ? cg->ptr : t == TYPE_LONG ? cg->i64 : cg->void_t;
}

/* Where function index's copy for calls at depth d is in func_fns. */
static int fn_slot(const struct cg *cg, int index, int d)
{
	return index * (int)cg->opts->maxnesting + d;
}

static int func_index(const struct cg *cg, const struct func *f)
{
	int index = 0;
	while (cg->res->funcs[index].func != f)
		index++;
	return index;
}

static void declare_function(struct cg *cg, int index, int d, bool unwind)
{
	struct handler *h = &cg->res->funcs[index];
	struct func *f = h->func;
	LLVMTypeRef params[HID_COUNT + 32];
	params[HID_GLOBALS] = params[HID_SCRATCH] = params[HID_REGS] = params[HID_RT] = cg->ptr;
	params[HID_ACTIONS] = params[HID_ABORTED] = params[HID_FRAME] = cg->ptr;
	params[HID_COOKIE] = cg->i64;
	int n = f->nparams < 32 ? f->nparams : 32;
	for (int i = 0; i < n; i++)
		params[HID_COUNT + i] = value_type(cg, h->locals[i]->type);
	LLVMTypeRef fty = LLVMFunctionType(value_type(cg, f->ret_type), params,
					   HID_COUNT + n, 0);
	char name[256];
	snprintf(name, sizeof(name), "fn_%s_%d%s", f->name, d, unwind ? "_in_try" : "");
	LLVMValueRef fn = LLVMAddFunction(cg->mod, name, fty);
	LLVMSetLinkage(fn, LLVMInternalLinkage);
	unsigned kind = LLVMGetEnumAttributeKindForName("alwaysinline", 12);
	LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
				LLVMCreateEnumAttribute(cg->ctx, kind, 0));
	(unwind ? cg->func_fns_unwind : cg->func_fns)[fn_slot(cg, index, d)] = fn;
}

static void gen_function(struct cg *cg, int index, int d, uint32_t slot_base, bool unwind)
{
	struct handler *h = &cg->res->funcs[index];
	struct func *f = h->func;
	begin_function_state(cg, h, slot_base);
	cg->probe = NULL;
	cg->sleeps = false;
	cg->sleep_ok = !cg->func_no_sleep[fn_slot(cg, index, d)];
	cg->depth = d;
	cg->fn = (unwind ? cg->func_fns_unwind : cg->func_fns)[fn_slot(cg, index, d)];
	cg->ntries = 0;
	cg->unwind_errors = unwind;
	/* Always inlined: its code takes the location of the call. */
	cg->di_scope = NULL;
	LLVMBasicBlockRef entry = cg_block(cg, "entry");
	LLVMPositionBuilderAtEnd(cg->b, entry);
	cg_set_loc(cg, &f->loc);
	cg->globals = LLVMGetParam(cg->fn, HID_GLOBALS);
	cg->scratch = LLVMGetParam(cg->fn, HID_SCRATCH);
	cg->cookie = LLVMGetParam(cg->fn, HID_COOKIE);
	cg->regs = cg->t->is_bpf ? LLVMGetParam(cg->fn, HID_REGS) : NULL;
	cg->rt = LLVMGetParam(cg->fn, HID_RT);
	cg->actions = LLVMGetParam(cg->fn, HID_ACTIONS);
	cg->aborted = LLVMGetParam(cg->fn, HID_ABORTED);
	cg->each_frame = LLVMGetParam(cg->fn, HID_FRAME);
	cg->each_frame_fn = cg->fn;
	cg->ret_bb = cg_block(cg, "return");
	init_locals(cg, f->nparams, foreach_in(cg, f->body));
	for (int i = 0; i < f->nparams && i < 32; i++) {
		LLVMValueRef v = LLVMGetParam(cg->fn, HID_COUNT + i);
		if (h->locals[i]->type == TYPE_STRING)
			cg_string_store(cg, cg->local_slots[i], v);
		else
			LLVMBuildStore(cg->b, v, cg->local_slots[i]);
	}
	if (f->ret_type == TYPE_STRING) {
		cg->ret_slot = cg_string_slot(cg, false);
		LLVMBuildStore(cg->b, LLVMConstInt(cg->i8, 0, 0), cg->ret_slot);
	} else if (f->ret_type == TYPE_LONG) {
		cg->ret_slot = cg_alloca(cg, cg->i64, "ret");
		LLVMBuildStore(cg->b, cg_const(cg, 0), cg->ret_slot);
	}
	cg->count_actions = true;
	cg->pending_actions = 0;
	gen_stmt(cg, f->body);
	record_actions(cg, 0, &f->body->loc, true);
	LLVMBuildBr(cg->b, cg->ret_bb);
	LLVMPositionBuilderAtEnd(cg->b, cg->ret_bb);
	cg_set_loc(cg, &f->loc);
	if (f->ret_type == TYPE_STRING)
		LLVMBuildRet(cg->b, cg->ret_slot);
	else if (f->ret_type == TYPE_LONG)
		LLVMBuildRet(cg->b, LLVMBuildLoad2(cg->b, cg->i64, cg->ret_slot, ""));
	else
		LLVMBuildRetVoid(cg->b);
	cg->func_sleeps[fn_slot(cg, index, d)] |= cg->sleeps;
}

/* A script function call: the hidden state, the arguments, and afterwards
 * the end of this handler too if the function raised an error. */
LLVMValueRef cg_call_function(struct cg *cg, struct expr *call)
{
	if (cg->depth + 1 >= (int)cg->opts->maxnesting) {
		cg_raise(cg, &call->loc, "MAXNESTING exceeded");
		if (call->func->ret_type == TYPE_STRING)
			return cg_string_slot(cg, true);
		return cg_const(cg, 0);
	}
	LLVMValueRef fn = (cg_in_try(cg) ? cg->func_fns_unwind : cg->func_fns)
		[fn_slot(cg, func_index(cg, call->func), cg->depth + 1)];
	LLVMValueRef args[HID_COUNT + 32];
	args[HID_GLOBALS] = cg->globals;
	args[HID_SCRATCH] = cg_scratch_base(cg);
	args[HID_COOKIE] = cg->cookie;
	args[HID_REGS] = cg->regs ? cg->regs : LLVMConstNull(cg->ptr);
	args[HID_RT] = cg->rt ? cg->rt : LLVMConstNull(cg->ptr);
	args[HID_ACTIONS] = cg->actions;
	args[HID_ABORTED] = cg->aborted;
	/* A function's loops use its caller's frame, idle while the call
	 * lasts: the frames of the functions inlined in a probe would
	 * otherwise take a place of their own each on its 512 bytes of
	 * stack. */
	args[HID_FRAME] = cg->t->is_bpf && loops_in(cg, call->func->body) ? cg_loop_frame(cg) :
		LLVMConstNull(cg->ptr);
	int n = 0;
	for (struct expr *a = call->args; a && n < 32; a = a->next, n++)
		args[HID_COUNT + n] = cg_expr(cg, a);
	LLVMValueRef v = LLVMBuildCall2(cg->b, LLVMGlobalGetValueType(fn), fn, args,
					HID_COUNT + n, "");
	LLVMValueRef aborted = LLVMBuildLoad2(cg->b, cg->i64, cg->aborted, "");
	LLVMBasicBlockRef go = cg_block(cg, "call.ok");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntNE, aborted, cg_const(cg, 0), ""),
			cg_leave_block(cg), go);
	LLVMPositionBuilderAtEnd(cg->b, go);
	if (call->func->ret_type == TYPE_STRING) {
		/* The callee's return slot is rewritten by its next call; a copy
		 * keeps f(1) . f(2) right. */
		LLVMValueRef tmp = cg_string_slot(cg, true);
		cg_string_store(cg, tmp, v);
		return tmp;
	}
	return call->func->ret_type == TYPE_LONG ? v : cg_const(cg, 0);
}

/* ppfunc(): the function pp() names, as SystemTap's tapset finds it: what
 * follows function(" (or statement(", or plt(" for a PLT entry) up to the
 * '@' or the closing quote; "" for a point with none of them. */
static const char *pp_function(struct arena *a, const char *pp)
{
	const char *p = strstr(pp, "function(\"");
	if (p)
		p += strlen("function(\"");
	else if ((p = strstr(pp, "statement(\"")))
		p += strlen("statement(\"");
	else if ((p = strstr(pp, ").plt(\"")))
		p += strlen(").plt(\"");
	else
		return "";
	return arena_strndup(a, p, strcspn(p, "@\""));
}

/* probe_type(): the kind of probe, named as SystemTap names its own. */
static const char *probe_type(const struct attach_point *row)
{
	switch (row->kind) {
	case ATTACH_BEGIN:
	case ATTACH_END:
	case ATTACH_ERROR:
		return "begin_end";
	case ATTACH_TIMER:
		return "hrtimer";
	case ATTACH_UPROBE:
		return "uprobe";
	case ATTACH_URETPROBE:
		return "uretprobe";
	case ATTACH_RAW_TP:
		return "kernel_tracepoint";
	case ATTACH_PERF:
		return row->point && strncmp(row->point, "timer.profile", 13) == 0 ?
			"profile_timer" : "perf_event";
	}
	return "";
}

static const char *row_string(struct cg *cg, const struct attach_point *row, enum builtin_id id)
{
	switch (id) {
	case BI_probefunc: return row->func;
	case BI_ppfunc: return pp_function(cg->arena, row->pp);
	case BI_pn: return row->point ? row->point : row->pp;
	case BI_probe_type: return probe_type(row);
	default: return row->pp;
	}
}

/* The table of a string per attach row, indexed by cookie: pp(),
 * probefunc() or ppfunc().  It has a power of two rows, so that an index
 * can be bounded with a mask (cg_string_table), plus MAXSTRINGLEN bytes
 * after the last row: every string value points at that many readable
 * bytes (string.c). */
static void string_table(struct cg *cg, enum builtin_id id, struct row_strings *out)
{
	const struct attach_table *t = cg->attach;
	const char **strs = arena_alloc(cg->arena, ((size_t)t->n + 1) * sizeof(*strs));
	size_t w = 1;
	for (int i = 0; i < t->n; i++) {
		strs[i] = row_string(cg, &t->rows[i], id);
		size_t l = strlen(strs[i]) + 1;
		if (l > w)
			w = l;
	}
	if (w > cg->opts->maxstringlen)
		w = cg->opts->maxstringlen;
	w = (w + 7) & ~(size_t)7;
	size_t n = 1;
	while (n < (size_t)t->n)
		n <<= 1;
	size_t size = n * w + cg->opts->maxstringlen;
	char *bytes = arena_alloc(cg->arena, size);
	for (int i = 0; i < t->n; i++) {
		size_t l = strlen(strs[i]);
		if (l > w - 1)
			l = w - 1;
		memcpy(bytes + (size_t)i * w, strs[i], l);
	}
	LLVMValueRef init = LLVMConstStringInContext(cg->ctx, bytes, (unsigned)size, 1);
	const char *name = id == BI_pp ? "pp_table" : id == BI_probefunc ? "func_table" :
		id == BI_ppfunc ? "ppfunc_table" : id == BI_pn ? "pn_table" : "ptype_table";
	LLVMValueRef g = LLVMAddGlobal(cg->mod, LLVMTypeOf(init), name);
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, 1);
	LLVMSetLinkage(g, LLVMInternalLinkage);
	if (cg->t->is_bpf)
		cg_bpf_rodata(cg, g, size);
	out->table = g;
	out->width = (uint32_t)w;
	out->rows = (uint32_t)n;
}

static bool expr_uses(const struct expr *e, enum builtin_id id)
{
	if (!e)
		return false;
	if (e->kind == EXPR_CALL && e->builtin && e->builtin->id == (int)id)
		return true;
	for (const struct expr *a = e->args; a; a = a->next)
		if (expr_uses(a, id))
			return true;
	return expr_uses(e->lhs, id) || expr_uses(e->rhs, id) || expr_uses(e->cond, id);
}

static bool uses_builtin(const struct stmt *s, enum builtin_id id)
{
	for (; s; s = s->next)
		if (expr_uses(s->expr, id) || uses_builtin(s->body, id) ||
		    uses_builtin(s->else_body, id) || uses_builtin(s->init, id) ||
		    uses_builtin(s->step, id))
			return true;
	return false;
}

bool cg_script_uses(const struct script *s, enum builtin_id id)
{
	for (const struct probe *p = s->probes; p; p = p->next)
		if (uses_builtin(p->body, id))
			return true;
	for (const struct func *f = s->funcs; f; f = f->next)
		if (!f->unused && uses_builtin(f->body, id))
			return true;
	return false;
}

static void mark_calls(struct cg *cg, const struct stmt *s, bool *needed, int d);

static void mark_calls_expr(struct cg *cg, const struct expr *e, bool *needed, int d)
{
	if (!e)
		return;
	if (e->kind == EXPR_CALL && e->func && d < (int)cg->opts->maxnesting) {
		int i = fn_slot(cg, func_index(cg, e->func), d);
		if (!needed[i]) {
			needed[i] = true;
			mark_calls(cg, e->func->body, needed, d + 1);
		}
	}
	for (const struct expr *a = e->args; a; a = a->next)
		mark_calls_expr(cg, a, needed, d);
	mark_calls_expr(cg, e->lhs, needed, d);
	mark_calls_expr(cg, e->rhs, needed, d);
	mark_calls_expr(cg, e->cond, needed, d);
}

/* The functions these statements call, directly or not, each at the depth
 * of calls it is called at (d for the calls here). */
static void mark_calls(struct cg *cg, const struct stmt *s, bool *needed, int d)
{
	for (; s; s = s->next) {
		mark_calls_expr(cg, s->expr, needed, d);
		mark_calls(cg, s->body, needed, d);
		mark_calls(cg, s->else_body, needed, d);
		mark_calls(cg, s->init, needed, d);
		mark_calls(cg, s->step, needed, d);
		if (s->foreach)
			mark_calls_expr(cg, s->foreach->limit, needed, d);
	}
}

/* A function's height in the call graph, for laying out scratch: 0 for one
 * that calls no function, else one more than its highest callee; -1 for
 * one that calls a function recursion reaches (or recurses itself).
 * memo[i] is 0 while unknown, -2 while under way, else the height + 1
 * (0 for -1 stored as -1). */
static int fn_height(struct cg *cg, int i, int *memo);

static int higher(int a, int b)
{
	return a < 0 || b < 0 ? -1 : a > b ? a : b;
}

static int expr_height(struct cg *cg, const struct expr *e, int *memo)
{
	if (!e)
		return 0;
	int h = 0;
	if (e->kind == EXPR_CALL && e->func) {
		int c = fn_height(cg, func_index(cg, e->func), memo);
		h = c < 0 ? -1 : c + 1;
	}
	for (const struct expr *a = e->args; a; a = a->next)
		h = higher(h, expr_height(cg, a, memo));
	h = higher(h, expr_height(cg, e->lhs, memo));
	h = higher(h, expr_height(cg, e->rhs, memo));
	return higher(h, expr_height(cg, e->cond, memo));
}

static int stmts_height(struct cg *cg, const struct stmt *s, int *memo)
{
	int h = 0;
	for (; s; s = s->next) {
		h = higher(h, expr_height(cg, s->expr, memo));
		h = higher(h, stmts_height(cg, s->body, memo));
		h = higher(h, stmts_height(cg, s->else_body, memo));
		h = higher(h, stmts_height(cg, s->init, memo));
		h = higher(h, stmts_height(cg, s->step, memo));
		if (s->foreach)
			h = higher(h, expr_height(cg, s->foreach->limit, memo));
	}
	return h;
}

static int fn_height(struct cg *cg, int i, int *memo)
{
	if (memo[i] == -2)
		return -1;
	if (memo[i] != 0)
		return memo[i] < 0 ? -1 : memo[i] - 1;
	memo[i] = -2;
	int h = cg->res->funcs[i].func->recursive ? -1 :
		stmts_height(cg, cg->res->funcs[i].func->body, memo);
	memo[i] = h < 0 ? -1 : h + 1;
	return h;
}

/* Past this many statements inlined from recursive functions in one
 * handler, a BPF program outgrows its jumps (LLVM's 16-bit offsets) and the
 * verifier's patience: a function that calls itself twice doubles at each
 * depth. */
#define CG_MAX_INLINED 2000

static uint64_t inlined_stmts(struct cg *cg, const struct stmt *s, int d, uint64_t *memo,
			      bool *recursive);

static uint64_t inlined_expr(struct cg *cg, const struct expr *e, int d, uint64_t *memo,
			     bool *recursive)
{
	if (!e)
		return 0;
	uint64_t n = 0;
	if (e->kind == EXPR_CALL && e->func && d < (int)cg->opts->maxnesting) {
		int i = fn_slot(cg, func_index(cg, e->func), d);
		*recursive |= e->func->recursive;
		if (!memo[i])
			memo[i] = 1 + inlined_stmts(cg, e->func->body, d + 1, memo, recursive);
		n += memo[i];
	}
	for (const struct expr *a = e->args; a; a = a->next)
		n += inlined_expr(cg, a, d, memo, recursive);
	n += inlined_expr(cg, e->lhs, d, memo, recursive) +
		inlined_expr(cg, e->rhs, d, memo, recursive) +
		inlined_expr(cg, e->cond, d, memo, recursive);
	return n < UINT32_MAX ? n : UINT32_MAX;
}

/* The statements s holds once every call is inlined, at depth d. */
static uint64_t inlined_stmts(struct cg *cg, const struct stmt *s, int d, uint64_t *memo,
			      bool *recursive)
{
	uint64_t n = 0;
	for (; s; s = s->next) {
		n += 1 + inlined_expr(cg, s->expr, d, memo, recursive) +
			inlined_stmts(cg, s->body, d, memo, recursive) +
			inlined_stmts(cg, s->else_body, d, memo, recursive) +
			inlined_stmts(cg, s->init, d, memo, recursive) +
			inlined_stmts(cg, s->step, d, memo, recursive);
		if (s->foreach)
			n += inlined_expr(cg, s->foreach->limit, d, memo, recursive);
		if (n > UINT32_MAX)
			n = UINT32_MAX;
	}
	return n;
}

/* A BPF handler whose recursive calls inline too much is an error that
 * says what to do, not a program LLVM or the verifier gives up on. */
static void check_inlined(struct cg *cg, const struct probe *p, uint64_t *memo, size_t n)
{
	memset(memo, 0, n * sizeof(*memo));
	bool recursive = false;
	uint64_t size = inlined_stmts(cg, p->body, 0, memo, &recursive);
	if (recursive && size > CG_MAX_INLINED)
		diag_error(&p->loc, "this probe's calls of recursive functions, copied for each "
			   "of the %u depths MAXNESTING allows, come to %" PRIu64 " statements, "
			   "more than a BPF program holds (%d); lower -D MAXNESTING, or make "
			   "the calls from begin, end or timer probes", cg->opts->maxnesting,
			   size, CG_MAX_INLINED);
}

int cg_module(struct cg *cg, const struct cg_target *t, unsigned home)
{
	int errors = diag_errors();
	cg->t = t;
	cg->mod = LLVMModuleCreateWithNameInContext(t->is_bpf ? "uscript_bpf" : "uscript_host",
						    cg->ctx);
	cg->b = LLVMCreateBuilderInContext(cg->ctx);
	cg->i1 = LLVMInt1TypeInContext(cg->ctx);
	cg->i8 = LLVMInt8TypeInContext(cg->ctx);
	cg->i32 = LLVMInt32TypeInContext(cg->ctx);
	cg->i64 = LLVMInt64TypeInContext(cg->ctx);
	cg->ptr = LLVMPointerTypeInContext(cg->ctx, 0);
	cg->void_t = LLVMVoidTypeInContext(cg->ctx);
	cg->scratch_size = 0;
	t->module_begin(cg);

	cg->fixed_row = -1;
	cg->cookie_arg = false;
	cg->errno_table = NULL;
	cg->host_usymname = false;
	memset(cg->row_strings, 0, sizeof(cg->row_strings));
	memset(cg->err_blocks, 0, sizeof(cg->err_blocks));
	static const enum builtin_id by_row[ROW_STRINGS] = { BI_pp, BI_probefunc, BI_ppfunc,
								     BI_pn, BI_probe_type };
	/* Stacks in uscript's own handlers name the probe point (stack.c). */
	bool host_stacks = !t->is_bpf && (cg_script_uses(cg->script, BI_print_ubacktrace) ||
					   cg_script_uses(cg->script, BI_print_ubacktrace_brief) ||
					   cg_script_uses(cg->script, BI_sprint_ubacktrace));
	cg->stack_rows = t->is_bpf && (cg_script_uses(cg->script, BI_print_ubacktrace) ||
				       cg_script_uses(cg->script, BI_print_ubacktrace_brief));
	for (int i = 0; i < ROW_STRINGS; i++)
		if (cg_script_uses(cg->script, by_row[i]) || (i == ROW_PP && host_stacks) ||
		    (i == ROW_PROBE_TYPE && cg_script_uses(cg->script, BI_is_return)))
			string_table(cg, by_row[i], &cg->row_strings[i]);

	/* A module holds the functions its handlers can call, no others: one
	 * that only host probes call may do what BPF cannot. */
	int depths = (int)cg->opts->maxnesting, nfn = cg->res->nfuncs * depths;
	cg->func_fns = arena_alloc(cg->arena, ((size_t)nfn + 1) * sizeof(LLVMValueRef));
	cg->func_sleeps = arena_alloc(cg->arena, (size_t)nfn + 1);
	bool *needed = arena_alloc(cg->arena, (size_t)nfn + 1);
	uint64_t *memo = arena_alloc(cg->arena, ((size_t)nfn + 1) * sizeof(uint64_t));
	/* The function copies a kernel-side handler calls: those programs
	 * cannot sleep, so these never wait for a page (sleep.c). */
	cg->func_no_sleep = arena_alloc(cg->arena, (size_t)nfn + 1);
	for (struct probe *p = cg->script->probes; p; p = p->next) {
		if (!(cg->attach->homes[p->id] & home))
			continue;
		mark_calls(cg, p->body, needed, 0);
		if (t->is_bpf)
			check_inlined(cg, p, memo, (size_t)nfn + 1);
		for (int i = 0; t->is_bpf && i < cg->attach->n; i++)
			if (cg->attach->rows[i].probe == p->id &&
			    (cg->attach->rows[i].kind == ATTACH_RAW_TP ||
			     cg->attach->rows[i].kind == ATTACH_PERF))
				mark_calls(cg, p->body, cg->func_no_sleep, 0);
	}
	if (diag_errors() > errors) {
		LLVMDisposeBuilder(cg->b);
		cg->b = NULL;
		return -1;
	}
	/* A function called inside a try has a copy of its own, whose runtime
	 * errors unwind to that try (cg.h). */
	cg->func_fns_unwind = arena_alloc(cg->arena, ((size_t)nfn + 1) * sizeof(LLVMValueRef));
	cg->has_try = false;
	for (struct probe *p = cg->script->probes; p; p = p->next)
		if (cg->attach->homes[p->id] & home)
			cg->has_try |= has_try(p->body);
	for (int i = 0; i < cg->res->nfuncs; i++)
		for (int d = 0; d < depths; d++)
			cg->has_try |= needed[fn_slot(cg, i, d)] &&
				       has_try(cg->res->funcs[i].func->body);
	for (int i = 0; i < cg->res->nfuncs; i++)
		for (int d = 0; d < depths; d++) {
			if (!needed[fn_slot(cg, i, d)])
				continue;
			declare_function(cg, i, d, false);
			if (cg->has_try)
				declare_function(cg, i, d, true);
		}
	/* A function that does not recurse is never under way twice at once:
	 * its copies share one part of scratch.  Nor is it under way with a
	 * function of the same height in the call graph (the functions under
	 * way at once are a chain of calls, each callee lower than its
	 * caller), so the functions of one height share one part, after the
	 * parts of the lower ones: a library of many functions, of which a
	 * handler calls a few, takes the scratch of its longest chain, not
	 * of all of them.  Those recursion reaches come last, each apart. */
	int *heights = arena_alloc(cg->arena, ((size_t)cg->res->nfuncs + 1) * sizeof(int));
	int top = 0;
	for (int i = 0; i < cg->res->nfuncs; i++) {
		int h = fn_height(cg, i, heights);
		top = h > top ? h : top;
	}
	/* The last-match area of matched() comes first, at the same place in
	 * every frame. */
	uint32_t base = cg_last_match_size(cg);
	if (cg->scratch_size < base)
		cg->scratch_size = base;
	for (int level = 0; level <= top + 1; level++) {
		uint32_t start = base;
		for (int unwind = 0; unwind <= cg->has_try; unwind++) {
			for (int i = 0; i < cg->res->nfuncs; i++) {
				int h = heights[i] < 0 ? -1 : heights[i] - 1;
				if (level <= top ? h != level : h >= 0)
					continue;
				bool placed = false;
				uint32_t mine = 0;
				for (int d = 0; d < depths; d++) {
					if (!needed[fn_slot(cg, i, d)])
						continue;
					if (!placed || cg->res->funcs[i].func->recursive)
						mine = level <= top ? start : base;
					placed = true;
					gen_function(cg, i, d, mine, unwind);
					base = cg->scratch_size > base ? cg->scratch_size : base;
				}
			}
		}
	}
	cg->holes = NULL;
	cg->nholes = 0;
	int *lead_of = t->is_bpf && !cg->opts->unoptimized ? cg_share_views(cg) : NULL;
	for (struct probe *p = cg->script->probes; p; p = p->next) {
		if (!(cg->attach->homes[p->id] & home))
			continue;
		if (lead_of && lead_of[p->id] >= 0 && lead_of[p->id] != p->id) {
			/* the handler of the first probe alike (share.c) */
			const char *name = NULL;
			for (int i = 0; i < cg->attach->n && !name; i++)
				if (cg->attach->rows[i].probe == lead_of[p->id])
					name = cg->attach->rows[i].prog_name;
			for (int i = 0; i < cg->attach->n; i++)
				if (cg->attach->rows[i].probe == p->id)
					cg->attach->rows[i].prog_name = name;
			continue;
		}
		bool own = !t->is_bpf;
		for (int i = 0; i < cg->attach->n && !own; i++)
			own = cg->attach->rows[i].probe == p->id && uprobe_row(&cg->attach->rows[i]);
		if (own)
			gen_handler(cg, p, base, false, -1);
		if (t->is_bpf && target_saves(cg->attach, p->id))
			gen_handler(cg, p, base, true, -1);
		/* The rows of syscalls views share one handler, which the
		 * program on sys_enter or sys_exit calls for each of their
		 * numbers (kernel_bpf.c), with the row as an argument where
		 * the handler must know it: "syscalls:sys_enter_*" makes one
		 * function, not hundreds. */
		int shared = -1;
		for (int i = 0; t->is_bpf && i < cg->attach->n; i++) {
			struct attach_point *a = &cg->attach->rows[i];
			if (a->probe != p->id || (a->kind != ATTACH_RAW_TP && a->kind != ATTACH_PERF))
				continue;
			if (a->counter_name)   /* a counter runs nothing */
				continue;
			bool view = cg->attach->ctx[i].ktp &&
				    cg->attach->ctx[i].ktp->view != KTP_TRACEPOINT;
			if (view && shared >= 0) {
				a->prog_name = cg->attach->rows[shared].prog_name;
				continue;
			}
			cg->cookie_arg = view && (cg_handler_by_row(cg, p) ||
				(lead_of && cg_share_leads(cg, p, lead_of)));
			gen_handler(cg, p, base, false, i);
			cg->cookie_arg = false;
			if (view)
				shared = i;
		}
	}
	if (t->is_bpf)
		cg_bpf_view_dispatch(cg);
	cg->di_scope = NULL;
	t->module_end(cg);
	LLVMDisposeBuilder(cg->b);
	cg->b = NULL;
	return diag_errors() > errors ? -1 : 0;
}
