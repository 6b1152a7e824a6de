/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kernel_bpf.c — the start of a process.begin (and the like) program: the
 * event of the raw tracepoint it is, and the processes it fires in,
 * checked against the current task (points/probes.h, struct lifecycle).
 * What does not match leaves the program before the handler. */
#include <linux/bpf.h>
#include <stddef.h>

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

LLVMValueRef cg_bpf_view_nr(struct cg *cg, bool exit)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef slot = cg_alloca(cg, cg->i64, "view.read");
	const struct attach_table *t = cg->attach;
	LLVMValueRef nr;
	if (!exit)
		nr = cg_load_reg(cg, 8);
	else if (t->view_orig_ax > 0)
		nr = field(cg, slot, cg_load_reg(cg, 0), (uint32_t)t->view_orig_ax, 8);
	else
		return cg_const(cg, -1);
	if (t->view_task_status < 0)
		return nr;
	LLVMValueRef task = cg_bpf_helper(cg, BPF_FUNC_get_current_task, cg->i64, NULL, 0);
	LLVMValueRef status = field(cg, slot, task, (uint32_t)t->view_task_status, 4);
	LLVMValueRef compat = LLVMBuildICmp(b, LLVMIntNE, LLVMBuildAnd(b, status,
		cg_const(cg, TS_COMPAT), ""), cg_const(cg, 0), "");
	return LLVMBuildSelect(b, compat, cg_const(cg, -1), nr, "view.nr");
}

void cg_bpf_view_filter(struct cg *cg, const struct ktp *tp, LLVMBasicBlockRef quit)
{
	require(cg, eq(cg, cg_bpf_view_nr(cg, tp->view == KTP_SYS_EXIT), tp->nr), quit);
}
