/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kernel.c — what handlers read of the kernel: user_mode(), task_current()
 * and SystemTap's task_* family (task.stp), and errno_str() (errno.stp).
 *
 * A task's fields are read at the offsets the kernel's BTF gives when the
 * script is compiled (kernel/kernel.h): no kernel headers, and the same
 * binary runs on another kernel.  A read that faults is SystemTap's
 * "kernel read fault" error. */
#define _GNU_SOURCE
#include <linux/bpf.h>
#include <string.h>

#include "parse/arena.h"
#include "parse/diag.h"
#include "kernel/kernel.h"
#include "cg.h"

/* The offset of s.m, or -1 after an error at the call. */
static int64_t member(struct cg *cg, struct expr *call, const char *s, const char *m,
		      uint32_t *size)
{
	struct attach_table *t = cg->attach;
	if (!t->kernel && !t->kernel_why) {
		char why[256];
		t->kernel = kbtf_open(t->arena, why, sizeof(why));
		if (!t->kernel)
			t->kernel_why = arena_strdup(t->arena, why);
	}
	uint32_t off;
	if (!t->kernel) {
		diag_error(&call->loc, "%s() needs the kernel's types: %s", call->builtin->name,
			   t->kernel_why);
		return -1;
	}
	if (kbtf_member(t->kernel, s, m, &off, size) < 0) {
		diag_error(&call->loc, "%s(): the kernel's BTF has no member %s in struct %s",
			   call->builtin->name, m, s);
		return -1;
	}
	return off;
}

/* size bytes of kernel memory at addr + off, sign-extended if is_signed;
 * a fault is a runtime error at the call. */
static LLVMValueRef kread(struct cg *cg, struct expr *call, LLVMValueRef addr, int64_t off,
			  uint32_t size, bool is_signed)
{
	addr = LLVMBuildAdd(cg->b, addr, cg_const(cg, off), "");
	LLVMValueRef rc, v = cg_read_number(cg, true, addr, size, is_signed, &rc);
	cg_raise_on_fault(cg, rc, &call->loc, "kernel read fault at 0x%x [man error::fault]", addr);
	return v;
}

/* task->s.m where s is "task_struct", or through the pointer task->via. */
static LLVMValueRef task_field(struct cg *cg, struct expr *call, const char *via,
			       const char *s, const char *m, bool is_signed)
{
	LLVMValueRef task = cg_expr(cg, call->args);
	uint32_t size;
	if (via) {
		int64_t voff = member(cg, call, "task_struct", via, &size);
		if (voff < 0)
			return cg_const(cg, 0);
		task = kread(cg, call, task, voff, 8, false);
	}
	int64_t off = member(cg, call, s, m, &size);
	if (off < 0)
		return cg_const(cg, 0);
	return kread(cg, call, task, off, size > 8 || !size ? 8 : size, is_signed);
}

/* Whether the probe interrupted user code: at a uprobe always, at a
 * tracepoint never, in a perf sample as its registers say (the privilege
 * level in cs). */
static LLVMValueRef user_mode(struct cg *cg)
{
	if (!cg->t->is_bpf)
		return cg_const(cg, 0);
	if (cg->fixed_row < 0)
		return cg_const(cg, 1);
	if (cg->attach->rows[cg->fixed_row].kind != ATTACH_PERF)
		return cg_const(cg, 0);
	enum { PT_REGS_CS = 136 };
	LLVMValueRef cs = cg_load_reg(cg, PT_REGS_CS);
	LLVMValueRef user = LLVMBuildICmp(cg->b, LLVMIntEQ,
					  LLVMBuildAnd(cg->b, cs, cg_const(cg, 3), ""),
					  cg_const(cg, 3), "");
	return LLVMBuildZExt(cg->b, user, cg->i64, "");
}

/* addr(): the instruction pointer of the registers the probe has: at a
 * uprobe the program's, in a sample that of the code interrupted (the
 * kernel's or a program's, as user_mode() says); 0 at a tracepoint, which
 * has none, and in uscript's own handlers. */
static LLVMValueRef addr(struct cg *cg)
{
	if (!cg->t->is_bpf)
		return cg_const(cg, 0);
	if (cg->fixed_row >= 0 && cg->attach->rows[cg->fixed_row].kind != ATTACH_PERF)
		return cg_const(cg, 0);
	return cg_load_reg(cg, PT_REGS_IP);
}

/* uaddr(): where the current thread is in its program, wherever the probe
 * is: at a uprobe the registers' rip, elsewhere the rip of the user
 * registers the kernel saved on the thread's entry (bpf_task_pt_regs); 0
 * in a kernel thread, which has no program, and in uscript's own
 * handlers. */
static LLVMValueRef uaddr(struct cg *cg, struct expr *call)
{
	LLVMBuilderRef b = cg->b;
	if (!cg->t->is_bpf)
		return cg_const(cg, 0);
	if (cg->fixed_row < 0)
		return cg_load_reg(cg, PT_REGS_IP);
	uint32_t size;
	int64_t mm_off = member(cg, call, "task_struct", "mm", &size);
	if (mm_off < 0)
		return cg_const(cg, 0);
	LLVMValueRef task = cg_bpf_helper(cg, BPF_FUNC_get_current_task_btf, cg->ptr, NULL, 0);
	LLVMValueRef regs = cg_bpf_helper(cg, BPF_FUNC_task_pt_regs, cg->ptr, &task, 1);
	LLVMValueRef slot = cg_function_slot(cg, "read.slot", cg->i64, NULL);
	LLVMValueRef at[2] = { LLVMBuildAdd(b, LLVMBuildPtrToInt(b, task, cg->i64, ""),
					    cg_const(cg, mm_off), ""),
			       LLVMBuildAdd(b, LLVMBuildPtrToInt(b, regs, cg->i64, ""),
					    cg_const(cg, PT_REGS_IP), "") };
	LLVMValueRef v[2];
	for (int i = 0; i < 2; i++) {
		LLVMBuildStore(b, cg_const(cg, 0), slot);
		cg->t->read_kernel(cg, slot, 8, at[i]);
		v[i] = LLVMBuildLoad2(b, cg->i64, slot, "");
	}
	return LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ, v[0], cg_const(cg, 0), ""),
			       cg_const(cg, 0), v[1], "");
}

/* errno_str(e): the name of e or -e ("ENOENT"), "" for others, from a
 * table made here with the C library's names. */
static LLVMValueRef errno_str(struct cg *cg, struct expr *call)
{
	enum { ROWS = 256, WIDTH = 16 };
	if (!cg->errno_table) {
		size_t size = ROWS * WIDTH + cg->opts->maxstringlen;
		char *bytes = arena_alloc(cg->arena, size);
		memset(bytes, 0, size);
		for (int e = 1; e < ROWS; e++) {
			const char *name = strerrorname_np(e);
			if (name && strlen(name) < WIDTH)
				memcpy(bytes + e * WIDTH, name, strlen(name));
		}
		LLVMValueRef init = LLVMConstStringInContext(cg->ctx, bytes, (unsigned)size, 1);
		LLVMValueRef g = LLVMAddGlobal(cg->mod, LLVMTypeOf(init), "errno_table");
		LLVMSetInitializer(g, init);
		LLVMSetGlobalConstant(g, 1);
		LLVMSetLinkage(g, LLVMInternalLinkage);
		if (cg->t->is_bpf)
			LLVMSetSection(g, ".rodata");
		cg->errno_table = g;
	}
	LLVMBuilderRef b = cg->b;
	LLVMValueRef e = cg_expr(cg, call->args);
	LLVMValueRef neg = LLVMBuildICmp(b, LLVMIntSLT, e, cg_const(cg, 0), "");
	e = LLVMBuildSelect(b, neg, LLVMBuildNeg(b, e, ""), e, "");
	LLVMValueRef in = LLVMBuildICmp(b, LLVMIntULT, e, cg_const(cg, ROWS), "");
	e = LLVMBuildSelect(b, in, e, cg_const(cg, 0), "");
	return cg_string_table(cg, cg->errno_table, WIDTH, ROWS, e);
}

/* sid() and pgrp(): the current task's session or process group, the
 * number of its struct pid in the first namespace, read through
 * task->signal->pids[type] (the kernel's enum pid_type: PIDTYPE_PGID 2,
 * PIDTYPE_SID 3).  uscript's own in host probes. */
static LLVMValueRef group_id(struct cg *cg, struct expr *call, int type)
{
	if (!cg->t->is_bpf)
		return cg->t->context(cg, (enum builtin_id)call->builtin->id);
	uint32_t size;
	int64_t sig = member(cg, call, "task_struct", "signal", &size);
	int64_t pids = sig < 0 ? -1 : member(cg, call, "signal_struct", "pids", &size);
	int64_t numbers = pids < 0 ? -1 : member(cg, call, "pid", "numbers", &size);
	int64_t nr = numbers < 0 ? -1 : member(cg, call, "upid", "nr", &size);
	if (nr < 0)
		return cg_const(cg, 0);
	LLVMValueRef task = cg_bpf_helper(cg, 35 /* BPF_FUNC_get_current_task */, cg->i64,
					  NULL, 0);
	LLVMValueRef signal = kread(cg, call, task, sig, 8, false);
	LLVMValueRef pid = kread(cg, call, signal, pids + 8 * type, 8, false);
	return kread(cg, call, pid, numbers + nr, 4, true);
}

/* The bounds of the current process's arguments or environment in its
 * memory (task->mm->arg_start and the like), for the library's
 * cmdline_args() and env_var(); 0 for a task without memory of its own,
 * and in uscript's own probes, which trace no process. */
static LLVMValueRef mm_field(struct cg *cg, struct expr *call, const char *m)
{
	if (!cg->t->is_bpf)
		return cg_const(cg, 0);
	uint32_t size;
	int64_t mm = member(cg, call, "task_struct", "mm", &size);
	int64_t off = mm < 0 ? -1 : member(cg, call, "mm_struct", m, &size);
	if (off < 0)
		return cg_const(cg, 0);
	LLVMBuilderRef b = cg->b;
	LLVMValueRef task = cg_bpf_helper(cg, 35 /* BPF_FUNC_get_current_task */, cg->i64,
					  NULL, 0);
	LLVMValueRef p = kread(cg, call, task, mm, 8, false);
	LLVMValueRef result = cg_function_slot(cg, "mm.field", cg->i64, NULL);
	LLVMBuildStore(b, cg_const(cg, 0), result);
	LLVMBasicBlockRef has = cg_block(cg, "mm.has"), done = cg_block(cg, "mm.done");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, p, cg_const(cg, 0), ""), has, done);
	LLVMPositionBuilderAtEnd(b, has);
	LLVMBuildStore(b, kread(cg, call, p, off, 8, false), result);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
	return LLVMBuildLoad2(b, cg->i64, result, "");
}

LLVMValueRef cg_kernel(struct cg *cg, struct expr *call)
{
	switch (call->builtin->id) {
	case BI___mm_arg_start:
		return mm_field(cg, call, "arg_start");
	case BI___mm_arg_end:
		return mm_field(cg, call, "arg_end");
	case BI___mm_env_start:
		return mm_field(cg, call, "env_start");
	case BI___mm_env_end:
		return mm_field(cg, call, "env_end");
	case BI_sid:
		return group_id(cg, call, 3);
	case BI_pgrp:
		return group_id(cg, call, 2);
	case BI_user_mode:
		return user_mode(cg);
	case BI_addr:
		return addr(cg);
	case BI_uaddr:
		return uaddr(cg, call);
	case BI_task_current:
		return cg->t->is_bpf ? cg_bpf_helper(cg, 35 /* BPF_FUNC_get_current_task */,
						     cg->i64, NULL, 0) : cg_const(cg, 0);
	case BI_task_pid:
		return task_field(cg, call, NULL, "task_struct", "tgid", true);
	case BI_task_tid:
		return task_field(cg, call, NULL, "task_struct", "pid", true);
	case BI_task_parent:
		return task_field(cg, call, NULL, "task_struct", "real_parent", false);
	case BI_task_state: {
		struct attach_table *t = cg->attach;
		uint32_t off, size;
		bool old = t->kernel && kbtf_member(t->kernel, "task_struct", "__state", &off,
						    &size) < 0;
		return task_field(cg, call, NULL, "task_struct", old ? "state" : "__state", true);
	}
	case BI_task_uid:
		return task_field(cg, call, "cred", "cred", "uid", false);
	case BI_task_euid:
		return task_field(cg, call, "cred", "cred", "euid", false);
	case BI_task_gid:
		return task_field(cg, call, "cred", "cred", "gid", false);
	case BI_task_egid:
		return task_field(cg, call, "cred", "cred", "egid", false);
	case BI_task_cpu: {
		/* x86-64 keeps it in the thread_info at the start of the task */
		uint32_t size, ti, cpu;
		if (member(cg, call, "task_struct", "thread_info", &size) < 0)
			return cg_const(cg, 0);
		kbtf_member(cg->attach->kernel, "task_struct", "thread_info", &ti, &size);
		if (kbtf_member(cg->attach->kernel, "thread_info", "cpu", &cpu, &size) < 0)
			return task_field(cg, call, NULL, "task_struct", "cpu", false);
		return kread(cg, call, cg_expr(cg, call->args), ti + cpu, size, false);
	}
	case BI_task_nice:
		return LLVMBuildSub(cg->b, task_field(cg, call, NULL, "task_struct", "static_prio",
						      true), cg_const(cg, 120), "");
	case BI_task_prio:
		return LLVMBuildSub(cg->b, task_field(cg, call, NULL, "task_struct", "prio", true),
				    cg_const(cg, 100), "");
	case BI_errno_str:
		return errno_str(cg, call);
	default: {
		/* task_execname: the task's comm, at most 15 bytes */
		uint32_t size;
		int64_t off = member(cg, call, "task_struct", "comm", &size);
		LLVMValueRef task = cg_expr(cg, call->args);
		LLVMValueRef dst = cg_string_slot(cg, true);
		LLVMBuildStore(cg->b, LLVMConstInt(cg->i8, 0, 0), dst);
		if (off < 0)
			return dst;
		LLVMValueRef addr = LLVMBuildAdd(cg->b, task, cg_const(cg, off), "");
		LLVMValueRef max = cg_const(cg, size && size < cg->opts->maxstringlen ? size :
					    cg->opts->maxstringlen);
		LLVMValueRef rc = cg->t->read_kernel_str(cg, dst, max, addr);
		LLVMBasicBlockRef fault = cg_block(cg, "comm.fault"), ok = cg_block(cg, "comm.ok");
		LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_const(cg, 0), ""),
				fault, ok);
		LLVMPositionBuilderAtEnd(cg->b, fault);
		cg_raise_fmt(cg, &call->loc, "kernel read fault at 0x%x [man error::fault]",
			     &addr, 1);
		LLVMBuildBr(cg->b, ok);
		LLVMPositionBuilderAtEnd(cg->b, ok);
		return dst;
	}
	}
}
