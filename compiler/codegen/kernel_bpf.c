/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kernel_bpf.c — the start of a process.begin (and the like) program: the
 * event of the raw tracepoint it is, and the processes it fires in,
 * checked against the current task (points/probes.h, struct lifecycle).
 * What does not match leaves the program before the handler. */
#include <linux/bpf.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "cg.h"
#include "kernel/kernel.h"

/* The i64 of `size` bytes of kernel memory at addr; 0 where it faults. */
static LLVMValueRef kread(struct cg *cg, LLVMValueRef slot, LLVMValueRef addr, uint32_t size)
{
	LLVMBuildStore(cg->b, cg_const(cg, 0), slot);
	cg->t->read_kernel(cg, slot, size, addr);
	LLVMValueRef v = LLVMBuildLoad2(cg->b, cg->i64, slot, "");
	if (size < 8)
		v = LLVMBuildAnd(cg->b, v, cg_const(cg, (int64_t)((1ull << (8 * size)) - 1)), "");
	return v;
}

static LLVMValueRef field(struct cg *cg, LLVMValueRef slot, LLVMValueRef base, uint32_t off,
			  uint32_t size)
{
	return kread(cg, slot, LLVMBuildAdd(cg->b, base, cg_const(cg, off), ""), size);
}

static LLVMValueRef eq(struct cg *cg, LLVMValueRef a, int64_t b)
{
	return LLVMBuildICmp(cg->b, LLVMIntEQ, a, cg_const(cg, b), "");
}

/* Goes on where cond holds, else leaves the program. */
static void require(struct cg *cg, LLVMValueRef cond, LLVMBasicBlockRef quit)
{
	LLVMBasicBlockRef go = cg_block(cg, "life.go");
	LLVMBuildCondBr(cg->b, cond, go, quit);
	LLVMPositionBuilderAtEnd(cg->b, go);
}

/* Whether the current task is the target or descends from it, through at
 * most 16 parents. */
static LLVMValueRef in_tree(struct cg *cg, const struct lifecycle *l, LLVMValueRef slot)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef target = LLVMBuildLoad2(b, cg->i64,
		cg_field(cg, cg->globals, offsetof(struct globals_hdr, target_pid)), "target");
	LLVMValueRef yes = cg_alloca(cg, cg->i64, "in_tree");
	LLVMBuildStore(b, cg_const(cg, 0), yes);
	LLVMBasicBlockRef done = cg_block(cg, "tree.done");
	LLVMValueRef task = cg_bpf_helper(cg, BPF_FUNC_get_current_task, cg->i64, NULL, 0);
	for (int i = 0; i < 16; i++) {
		LLVMValueRef tgid = field(cg, slot, task, l->task_tgid, 4);
		LLVMBasicBlockRef found = cg_block(cg, "tree.found"), up = cg_block(cg, "tree.up");
		LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, tgid, target, ""), found, up);
		LLVMPositionBuilderAtEnd(b, found);
		LLVMBuildStore(b, cg_const(cg, 1), yes);
		LLVMBuildBr(b, done);
		LLVMPositionBuilderAtEnd(b, up);
		/* init's parent is itself: a tgid of 1 ends the walk */
		LLVMBasicBlockRef next = cg_block(cg, "tree.next");
		LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULE, tgid, cg_const(cg, 1), ""), done, next);
		LLVMPositionBuilderAtEnd(b, next);
		task = field(cg, slot, task, l->task_parent, 8);
	}
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
	return LLVMBuildICmp(b, LLVMIntNE, LLVMBuildLoad2(b, cg->i64, yes, ""), cg_const(cg, 0), "");
}

/* Whether this process was running when the probes went in, and has not
 * had its .begin yet: its entry in PROG_MAP_PENDING, which the runtime
 * made, is there to delete (once: a delete that finds nothing fails). */
static LLVMValueRef pending(struct cg *cg, LLVMValueRef tgid)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef key = cg_alloca(cg, cg->i64, "pending.key");
	LLVMValueRef k = LLVMBuildOr(b, LLVMBuildShl(b, tgid, cg_const(cg, 32), ""),
				     cg_const(cg, cg->fixed_row), "");
	LLVMBuildStore(b, k, key);
	LLVMValueRef args[2] = { cg->maps[CG_MAP_PENDING], key };
	LLVMValueRef rc = cg_bpf_helper(cg, BPF_FUNC_map_delete_elem, cg->i64, args, 2);
	return eq(cg, rc, 0);
}

void cg_bpf_life_filter(struct cg *cg, const struct lifecycle *l, LLVMBasicBlockRef quit)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef slot = cg_alloca(cg, cg->i64, "life.read");
	LLVMValueRef tgid = cg->t->context(cg, BI_pid), tid = cg->t->context(cg, BI_tid);
	LLVMValueRef leader = LLVMBuildICmp(b, LLVMIntEQ, tgid, tid, "");
	switch (l->event) {
	case LIFE_BEGIN:
	case LIFE_THREAD_BEGIN: {
		/* sys_exit(regs, ret): 0 returned, by the system call in orig_ax */
		LLVMValueRef zero = eq(cg, cg_load_reg(cg, 8), 0);
		LLVMValueRef nr = field(cg, slot, cg_load_reg(cg, 0), l->regs_orig_ax, 8);
		LLVMValueRef fork = LLVMBuildOr(b, LLVMBuildOr(b, eq(cg, nr, 56), eq(cg, nr, 57), ""),
						LLVMBuildOr(b, eq(cg, nr, 58), eq(cg, nr, 435), ""), "");
		fork = LLVMBuildAnd(b, fork, zero, "");
		LLVMValueRef exec = LLVMBuildAnd(b, LLVMBuildOr(b, eq(cg, nr, 59), eq(cg, nr, 322),
								""), zero, "");
		LLVMValueRef cond;
		if (l->event == LIFE_THREAD_BEGIN) {
			cond = LLVMBuildAnd(b, fork, LLVMBuildNot(b, leader, ""), "");
		} else if (l->filter == LIFE_ALL) {
			cond = LLVMBuildAnd(b, fork, leader, "");
		} else if (l->filter == LIFE_TREE) {
			/* The -c command begins at its exec: uscript's fork of it
			 * may return in it after the probes are in place. */
			LLVMValueRef target = LLVMBuildLoad2(b, cg->i64, cg_field(cg, cg->globals,
				offsetof(struct globals_hdr, target_pid)), "target");
			LLVMValueRef child = LLVMBuildICmp(b, LLVMIntNE, tgid, target, "");
			fork = LLVMBuildAnd(b, LLVMBuildAnd(b, fork, leader, ""), child, "");
			cond = LLVMBuildOr(b, fork, exec, "");
		} else {
			cond = LLVMBuildOr(b, LLVMBuildAnd(b, fork, leader, ""), exec, "");
		}
		if (l->event == LIFE_BEGIN && cg->maps[CG_MAP_PENDING])
			cond = LLVMBuildOr(b, cond, pending(cg, tgid), "");
		require(cg, cond, quit);
		break;
	}
	case LIFE_END:
		/* sched_process_exit(p, group_dead) */
		require(cg, LLVMBuildICmp(b, LLVMIntNE, LLVMBuildAnd(b, cg_load_reg(cg, 8),
			cg_const(cg, 0xff), ""), cg_const(cg, 0), ""), quit);
		break;
	case LIFE_THREAD_END:
		require(cg, LLVMBuildNot(b, leader, ""), quit);
		break;
	case LIFE_SYSCALL:
	case LIFE_SYSCALL_RETURN:
	case LIFE_SAMPLE:
		break;
	}
	switch (l->filter) {
	case LIFE_ALL:
		break;
	case LIFE_PID:
		require(cg, eq(cg, tgid, l->pid), quit);
		break;
	case LIFE_TREE:
		require(cg, in_tree(cg, l, slot), quit);
		break;
	case LIFE_FILE: {
		LLVMValueRef task = cg_bpf_helper(cg, BPF_FUNC_get_current_task, cg->i64, NULL, 0);
		LLVMValueRef mm = field(cg, slot, task, l->task_mm, 8);
		require(cg, LLVMBuildICmp(b, LLVMIntNE, mm, cg_const(cg, 0), ""), quit);
		LLVMValueRef exe = field(cg, slot, mm, l->mm_exe, 8);
		LLVMValueRef inode = field(cg, slot, exe, l->file_inode, 8);
		LLVMValueRef ino = field(cg, slot, inode, l->inode_ino, 8);
		LLVMValueRef sb = field(cg, slot, inode, l->inode_sb, 8);
		LLVMValueRef dev = field(cg, slot, sb, l->sb_dev, 4);
		require(cg, LLVMBuildAnd(b, eq(cg, ino, (int64_t)l->ino), eq(cg, dev, (int64_t)l->dev),
					 ""), quit);
		break;
	}
	}
}

/* x86-64's TS_COMPAT, in thread_info's status: the task is in a system
 * call of 32-bit code, whose numbers are ia32's. */
#define TS_COMPAT 0x0002

/* Whether the task is in a system call of 32-bit code, or NULL where
 * the kernel's BTF does not say where to look. */
static LLVMValueRef view_compat(struct cg *cg)
{
	const struct attach_table *t = cg->attach;
	if (t->view_task_status < 0)
		return NULL;
	/* The task as the kernel's BTF types it: the verifier lets the
	 * program load its fields, without a helper call to read them. */
	LLVMValueRef task = cg_bpf_helper(cg, BPF_FUNC_get_current_task_btf, cg->ptr, NULL, 0);
	LLVMValueRef status = LLVMBuildZExt(cg->b, LLVMBuildLoad2(cg->b, cg->i32,
		cg_field(cg, task, (uint32_t)t->view_task_status), "status"), cg->i64, "");
	return LLVMBuildICmp(cg->b, LLVMIntNE, LLVMBuildAnd(cg->b, status,
		cg_const(cg, TS_COMPAT), ""), cg_const(cg, 0), "compat");
}

/* The number of the system call at raw_syscalls' sys_enter (or sys_exit,
 * if exit), read anew at each call, or -1 for one of 32-bit code (ia32's
 * numbers, which the syscalls views leave out; kernel/kernel.h). */
static LLVMValueRef view_nr(struct cg *cg, bool exit, LLVMValueRef compat)
{
	const struct attach_table *t = cg->attach;
	LLVMValueRef nr;
	if (!exit) {
		nr = cg_load_reg(cg, 8);
	} else if (t->view_orig_ax > 0) {
		LLVMValueRef slot = cg_alloca(cg, cg->i64, "view.read");
		nr = field(cg, slot, cg_load_reg(cg, 0), (uint32_t)t->view_orig_ax, 8);
	} else {
		return cg_const(cg, -1);
	}
	return compat ? LLVMBuildSelect(cg->b, compat, cg_const(cg, -1), nr, "view.nr") : nr;
}

/* How many rows of syscalls views one dispatching program takes.  The
 * kernel takes at most 256 functions in a program (BPF_MAX_SUBPROGS),
 * bpf_loop's callbacks among them, so a program calls at most
 * VIEW_FUNCS_PER_PROG handlers.  The verifier follows each case of the
 * switch apart, so a program costs it about the sum of its handlers:
 * their LLVM instructions (before optimisation) are kept under
 * VIEW_INSNS_PER_PROG.  Measured with 360 handlers such as SystemTap's
 * syscall aliases have (a name, a few arguments quoted into argstr),
 * whose errors share one block each (emit.c), the verifier processes
 * up to about 5 instructions for each, so the largest program stays
 * near 200,000, under the limit.  More rows make more programs, each
 * with a part of the rows, in order. */
#define VIEW_FUNCS_PER_PROG 160
#define VIEW_INSNS_PER_PROG 40000

static unsigned fn_insns(LLVMValueRef fn)
{
	unsigned n = 0;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
			n++;
	return n;
}

static bool is_view(const struct cg *cg, int row, enum ktp_view view)
{
	const struct ktp *tp = cg->attach->ctx[row].ktp;
	return cg->attach->rows[row].kind == ATTACH_RAW_TP && tp && tp->view == view &&
	       cg->attach->rows[row].prog_name;
}

static int row_nr(const struct cg *cg, int row)
{
	return cg->attach->ctx[row].ktp->nr;
}

static const char *row_handler(const struct cg *cg, int row)
{
	return cg->attach->rows[row].prog_name;
}

/* The handlers of rows[0..n), none of them shared with another row there,
 * at once: a switch on the number, whose case for each number calls the
 * handlers of its rows, in order; then on to `next`. */
static void call_direct(struct cg *cg, LLVMValueRef nr, const int *rows, int n,
			LLVMBasicBlockRef next)
{
	LLVMBuilderRef b = cg->b;
	bool *seen = calloc((size_t)n + 1, 1);
	if (!seen)
		abort();
	LLVMValueRef sw = LLVMBuildSwitch(b, nr, next, 0);
	for (int i = 0; i < n; i++) {
		if (seen[i])
			continue;
		LLVMBasicBlockRef bb = cg_block(cg, "syscall");
		LLVMAddCase(sw, cg_const(cg, row_nr(cg, rows[i])), bb);
		LLVMPositionBuilderAtEnd(b, bb);
		for (int j = i; j < n; j++) {
			if (row_nr(cg, rows[j]) != row_nr(cg, rows[i]))
				continue;
			seen[j] = true;
			LLVMValueRef handler = LLVMGetNamedFunction(cg->mod, row_handler(cg, rows[j]));
			cg_set_loc(cg, &cg->attach->rows[rows[j]].loc);
			LLVMValueRef args[2] = { cg->regs, cg_const(cg, rows[j]) };
			LLVMBuildCall2(b, LLVMGlobalGetValueType(handler), handler, args,
				       LLVMCountParams(handler), "");
		}
		LLVMBuildBr(b, next);
	}
	free(seen);
}

/* One handler for the rows rows[0..n), each of another number: called
 * from one place, with the row of the number (if it takes it), so that the
 * verifier follows it once however many rows it serves (the verifier
 * follows a function anew for each place that calls it). */
static void call_shared(struct cg *cg, LLVMValueRef nr, LLVMValueRef zero, const int *rows,
			int n, LLVMBasicBlockRef next)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef handler = LLVMGetNamedFunction(cg->mod, row_handler(cg, rows[0]));
	bool takes_row = LLVMCountParams(handler) == 2;
	LLVMBasicBlockRef from = LLVMGetInsertBlock(b), join = cg_block(cg, "shared");
	LLVMBasicBlockRef call = cg_block(cg, "shared.call");
	if (!takes_row) {
		/* the numbers alone, which LLVM makes a few ranges */
		LLVMValueRef sw = LLVMBuildSwitch(b, nr, next, (unsigned)n);
		for (int i = 0; i < n; i++)
			LLVMAddCase(sw, cg_const(cg, row_nr(cg, rows[i])), call);
		LLVMPositionBuilderAtEnd(b, call);
		cg_set_loc(cg, &cg->attach->rows[rows[0]].loc);
		LLVMBuildCall2(b, LLVMGlobalGetValueType(handler), handler, &cg->regs, 1, "");
		LLVMBuildBr(b, next);
		LLVMDeleteBasicBlock(join);
		return;
	}
	LLVMValueRef sw = LLVMBuildSwitch(b, nr, join, (unsigned)n);
	LLVMPositionBuilderAtEnd(b, join);
	LLVMValueRef row = LLVMBuildPhi(b, cg->i64, "row");
	LLVMValueRef none = cg_const(cg, -1);
	LLVMAddIncoming(row, &none, &from, 1);
	for (int i = 0; i < n; i++) {
		LLVMBasicBlockRef bb = cg_block(cg, "syscall");
		LLVMAddCase(sw, cg_const(cg, row_nr(cg, rows[i])), bb);
		LLVMPositionBuilderAtEnd(b, bb);
		LLVMBuildBr(b, join);
		LLVMValueRef v = cg_const(cg, rows[i]);
		LLVMAddIncoming(row, &v, &bb, 1);
	}
	LLVMPositionBuilderAtEnd(b, join);
	/* Opaque to LLVM, which would otherwise make a copy of the call for
	 * each number, whose row it knows. */
	row = cg_opaque(cg, row);
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSGE, row, cg_const(cg, 0), ""), call, next);
	LLVMPositionBuilderAtEnd(b, call);
	cg_set_loc(cg, &cg->attach->rows[rows[0]].loc);
	LLVMValueRef args[2] = { cg->regs, takes_row ? LLVMBuildAdd(b, row, zero, "") : NULL };
	LLVMBuildCall2(b, LLVMGlobalGetValueType(handler), handler, args, takes_row ? 2 : 1, "");
	LLVMBuildBr(b, next);
}

/* One program on sys_enter (or sys_exit) for the view rows rows[0..n),
 * which runs the handlers of the rows of the system call's number, in
 * the script's order.  The rows of a probe are one after another and
 * share one handler (codegen.c): in that order, each handler of several
 * rows is called from a place of its own (call_shared), and each run of
 * handlers of one row from a switch (call_direct). */
static void dispatch(struct cg *cg, enum ktp_view view, const int *rows, int n, int part)
{
	LLVMBuilderRef b = cg->b;
	char name[48];
	snprintf(name, sizeof(name), "sysview_%s%s%.0d", view == KTP_SYS_ENTER ? "enter" : "exit",
		 part ? "_" : "", part);
	LLVMTypeRef fty = LLVMFunctionType(cg->i64, &cg->ptr, 1, 0);
	cg->fn = LLVMAddFunction(cg->mod, name, fty);
	LLVMSetSection(cg->fn, "raw_tp");
	unsigned nounwind = LLVMGetEnumAttributeKindForName("nounwind", 8);
	LLVMAddAttributeAtIndex(cg->fn, LLVMAttributeFunctionIndex,
				LLVMCreateEnumAttribute(cg->ctx, nounwind, 0));
	const struct loc *loc = &cg->attach->rows[rows[0]].loc;
	cg_debug_function(cg, cg->fn, name, loc);
	LLVMBasicBlockRef entry = cg_block(cg, "entry"), done = cg_block(cg, "done");
	LLVMPositionBuilderAtEnd(b, done);
	cg_set_loc(cg, loc);
	LLVMBuildRet(b, cg_const(cg, 0));
	LLVMPositionBuilderAtEnd(b, entry);
	cg_set_loc(cg, loc);
	cg->regs = LLVMGetParam(cg->fn, 0);
	LLVMValueRef compat = view_compat(cg);
	/* A handler that must know its row takes it as its argument.  Were
	 * it a constant, the verifier would follow the handler once for each
	 * row, and a large one serving hundreds of rows would pass its
	 * limit: the row is added to a word of the globals area that is
	 * always 0 (in globals_hdr's padding, never written), which the
	 * verifier cannot know, so that it follows the handler once, as it
	 * follows a uprobe's handler, whose row comes from its cookie. */
	LLVMValueRef zero = NULL;
	for (int i = 0; i < n && !zero; i++)
		if (LLVMCountParams(LLVMGetNamedFunction(cg->mod, row_handler(cg, rows[i]))) == 2) {
			LLVMValueRef key = cg_alloca(cg, cg->i32, "zero.key");
			LLVMBuildStore(b, LLVMConstInt(cg->i32, 0, 0), key);
			LLVMValueRef args[2] = { cg->maps[CG_MAP_GLOBALS], key };
			LLVMValueRef g = cg_bpf_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, args, 2);
			LLVMBasicBlockRef ok = cg_block(cg, "globals.ok");
			LLVMBuildCondBr(b, LLVMBuildIsNull(b, g, ""), done, ok);
			LLVMPositionBuilderAtEnd(b, ok);
			zero = LLVMBuildLoad2(b, cg->i64, cg_field(cg, g,
				offsetof(struct globals_hdr, pad_)), "always.zero");
		}
	for (int i = 0; i < n;) {
		/* the rows of rows[i]'s handler that follow it, each of a
		 * number of its own (a probe may name a call twice) */
		int j = i + 1;
		bool shared = false;
		while (j < n && strcmp(row_handler(cg, rows[j]), row_handler(cg, rows[i])) == 0) {
			bool again = false;
			for (int k = i; k < j && !again; k++)
				again = row_nr(cg, rows[k]) == row_nr(cg, rows[j]);
			if (again)
				break;
			j++;
			shared = true;
		}
		if (!shared) {
			/* a run of handlers of one row each */
			while (j < n && (j + 1 >= n || strcmp(row_handler(cg, rows[j]),
							      row_handler(cg, rows[j + 1])) != 0))
				j++;
		}
		/* The number is read anew for each part: the verifier,
		 * which knows it on each way out of a switch, would else
		 * follow all that comes after a switch once for each number,
		 * the handlers called there too. */
		LLVMValueRef nr = view_nr(cg, view == KTP_SYS_EXIT, compat);
		LLVMBasicBlockRef next = cg_block(cg, "next");
		if (shared)
			call_shared(cg, nr, zero, rows + i, j - i, next);
		else
			call_direct(cg, nr, rows + i, j - i, next);
		LLVMPositionBuilderAtEnd(b, next);
		i = j;
	}
	LLVMBuildBr(b, done);
	for (int i = 0; i < n; i++)
		cg->attach->rows[rows[i]].prog_name = arena_strdup(cg->arena, name);
}

void cg_bpf_view_dispatch(struct cg *cg)
{
	static const enum ktp_view views[] = { KTP_SYS_ENTER, KTP_SYS_EXIT };
	int *rows = calloc((size_t)cg->attach->n + 1, sizeof(int));
	if (!rows)
		abort();
	for (size_t v = 0; v < sizeof(views) / sizeof(*views); v++) {
		int n = 0;
		for (int i = 0; i < cg->attach->n; i++)
			if (is_view(cg, i, views[v]))
				rows[n++] = i;
		/* Parts of the rows, in order, each within the limits; a
		 * handler shared by rows counts once in a part. */
		int start = 0, part = 0, funcs = 0;
		unsigned insns = 0;
		for (int i = 0; i <= n; i++) {
			bool again = false;
			for (int j = start; i < n && j < i && !again; j++)
				again = strcmp(cg->attach->rows[rows[j]].prog_name,
					       cg->attach->rows[rows[i]].prog_name) == 0;
			unsigned size = i < n && !again ? fn_insns(LLVMGetNamedFunction(cg->mod,
				cg->attach->rows[rows[i]].prog_name)) : 0;
			if (i > start && (i == n || (!again && (funcs + 1 > VIEW_FUNCS_PER_PROG ||
							       insns + size > VIEW_INSNS_PER_PROG)))) {
				dispatch(cg, views[v], rows + start, i - start, part++);
				start = i;
				funcs = 0;
				insns = 0;
			}
			funcs += !again;
			insns += size;
		}
	}
	free(rows);
}
