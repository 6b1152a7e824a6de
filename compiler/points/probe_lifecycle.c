/* SPDX-License-Identifier: GPL-2.0-or-later */
/* probe_lifecycle.c — process.begin, .end, .thread.begin, .thread.end,
 * .syscall and .syscall.return, with process, process(PID) and
 * process("PATH"), on the kernel's raw tracepoints (probes.h, struct
 * lifecycle).
 *
 * SystemTap runs a .begin handler in the new process: a fork's child, or
 * a process that has just exec'd the file.  Both return to user space
 * through sys_exit, in their own context, with 0 from fork, clone, vfork,
 * clone3 (the child) or execve: so .begin is sys_exit, and pid(),
 * execname() and the rest are the new process's.  .end is
 * sched_process_exit of the last thread, in the exiting process.  The
 * processes a point names are chosen in the program, from the current
 * task: its tgid (process(PID)), its executable's device and inode
 * (process("PATH"), whatever name ran it), or its ancestors up to the -c
 * or -x target (a bare process with a target: SystemTap's process
 * hierarchy of the target).  Processes that were running before the
 * probes are not reported by .begin. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "parse/arena.h"
#include "compile.h"
#include "binary/elfsym.h"
#include "kernel/kernel.h"
#include "probes.h"

static const struct {
	const char *a, *b;
	enum life_event event;
	const char *tracepoint;
} events[] = {
	{ "begin", NULL, LIFE_BEGIN, "sys_exit" },
	{ "end", NULL, LIFE_END, "sched_process_exit" },
	{ "thread", "begin", LIFE_THREAD_BEGIN, "sys_exit" },
	{ "thread", "end", LIFE_THREAD_END, "sched_process_exit" },
	{ "syscall", NULL, LIFE_SYSCALL, "sys_enter" },
	{ "syscall", "return", LIFE_SYSCALL_RETURN, "sys_exit" },
};

static int event_of(const struct probe_point *pp)
{
	const struct pp_comp *a = pp->comps->next, *b = a ? a->next : NULL;
	if (!a || a->arg_kind != PP_ARG_NONE || (b && (b->arg_kind != PP_ARG_NONE || b->next)))
		return -1;
	for (size_t i = 0; i < sizeof(events) / sizeof(events[0]); i++)
		if (strcmp(a->name, events[i].a) == 0 &&
		    (b ? events[i].b && strcmp(b->name, events[i].b) == 0 : !events[i].b))
			return (int)i;
	return -1;
}

static bool is_lifecycle(const struct probe_point *pp)
{
	return strcmp(pp->comps->name, "process") == 0 && event_of(pp) >= 0;
}

static int offset(struct kbtf *k, const struct probe_point *pp, const char *s, const char *m,
		  uint32_t *off)
{
	uint32_t size;
	if (kbtf_member(k, s, m, off, &size) < 0)
		return probes_fail(pp, "the kernel's BTF has no member %s in struct %s", m, s);
	return 0;
}

struct lifecycle *probes_lifecycle(struct attach_table *t, const struct probe_point *pp,
				   const struct pp_comp *c, enum life_event event,
				   const char **name, enum pid_filter *pf)
{
	struct kbtf *k = probes_kernel(t, pp);
	if (!k)
		return NULL;
	struct lifecycle *l = arena_alloc(t->arena, sizeof(*l));
	memset(l, 0, sizeof(*l));
	l->event = event;
	if (offset(k, pp, "task_struct", "pid", &l->task_pid) < 0 ||
	    offset(k, pp, "task_struct", "tgid", &l->task_tgid) < 0 ||
	    offset(k, pp, "task_struct", "real_parent", &l->task_parent) < 0 ||
	    offset(k, pp, "task_struct", "mm", &l->task_mm) < 0 ||
	    offset(k, pp, "mm_struct", "exe_file", &l->mm_exe) < 0 ||
	    offset(k, pp, "file", "f_inode", &l->file_inode) < 0 ||
	    offset(k, pp, "inode", "i_ino", &l->inode_ino) < 0 ||
	    offset(k, pp, "inode", "i_sb", &l->inode_sb) < 0 ||
	    offset(k, pp, "super_block", "s_dev", &l->sb_dev) < 0 ||
	    offset(k, pp, "pt_regs", "orig_ax", &l->regs_orig_ax) < 0)
		return NULL;
	*pf = PID_ANY;
	*name = "process";
	if (!c) {
		l->filter = LIFE_ALL;
	} else if (c->arg_kind == PP_ARG_STR) {
		char path[PATH_MAX];
		struct elf_error err;
		struct stat st;
		if (elf_find_path(c->str, path, sizeof(path), NULL, &err) < 0) {
			probes_fail(pp, "%s", err.msg);
			return NULL;
		}
		if (stat(path, &st) < 0) {
			probes_fail(pp, "%s cannot be read", path);
			return NULL;
		}
		l->filter = LIFE_FILE;
		l->exe = arena_strdup(t->arena, path);
		/* The kernel's dev_t: 12 bits of major, 20 of minor. */
		l->dev = ((uint64_t)major(st.st_dev) << 20) | minor(st.st_dev);
		l->ino = st.st_ino;
		*name = arena_printf(t->arena, "process(\"%s\")", path);
	} else if (c->arg_kind == PP_ARG_NUM) {
		if (c->num <= 0 || c->num > INT_MAX) {
			probes_fail(pp, "%lld is not a process id", (long long)c->num);
			return NULL;
		}
		l->filter = LIFE_PID;
		l->pid = (int)c->num;
		*pf = PID_GIVEN;
		*name = arena_printf(t->arena, "process(%d)", l->pid);
	} else if (t->opts->target_exe) {
		l->filter = LIFE_TREE;
		*pf = PID_TARGET;
	} else {
		l->filter = LIFE_ALL;
	}
	return l;
}

static int add_lifecycle(struct attach_table *t, const struct probe *p,
			 const struct probe_point *pp)
{
	int ev = event_of(pp);
	const char *name;
	enum pid_filter pf;
	struct lifecycle *l = probes_lifecycle(t, pp, pp->comps, events[ev].event, &name, &pf);
	if (!l)
		return -1;
	struct attach_point *a = attach_add(t, p, pp, ATTACH_RAW_TP);
	a->path = events[ev].tracepoint;
	a->pid_filter = pf;
	a->pid = l->pid;
	a->pp = arena_printf(t->arena, "%s.%s%s%s", name, events[ev].a, events[ev].b ? "." : "",
			     events[ev].b ? events[ev].b : "");
	t->ctx[t->n - 1].life = l;
	a->begin_pending = l->event == LIFE_BEGIN;
	a->exe = l->exe;
	return 0;
}

const struct probe_kind probe_kind_lifecycle = {
	"process lifecycle", HOME_BPF, is_lifecycle, add_lifecycle
};
