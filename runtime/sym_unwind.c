/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sym_unwind.c — a user stack unwound by call-frame information, as
 * `perf record --call-graph dwarf` does it: the probe copied the thread's
 * registers and the top of its stack into the record, and elfutils' libdwfl
 * steps from frame to frame by the .eh_frame or .debug_frame rules of the
 * files the process maps.  A word of the stack above the copy is read from
 * the process, while it lives.
 *
 * Each process has a Dwfl of its own, made from the memory map the context
 * keeps (so a process that has exited still unwinds from its copy), and
 * made again when that map is read again. */
#define _GNU_SOURCE 1
#include "symbolize_impl.h"

#include <elfutils/libdwfl.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>

#include "../compiler/program.h"

struct unwinder {
	Dwfl *dwfl;
	unsigned maps_gen;           /* of the map it was made from */
	int pid;
	/* the stack being unwound */
	const uint64_t *regs;
	const unsigned char *stack;
	uint64_t len;
};

static pid_t next_thread(Dwfl *dwfl, void *arg, void **thread_argp)
{
	(void)dwfl;
	struct unwinder *u = arg;
	if (*thread_argp)
		return 0;
	*thread_argp = u;
	return u->pid;
}

static bool memory_read(Dwfl *dwfl, Dwarf_Addr addr, Dwarf_Word *result, void *arg)
{
	(void)dwfl;
	struct unwinder *u = arg;
	uint64_t sp = u->regs[7];
	if (addr >= sp && u->len >= 8 && addr - sp <= u->len - 8) {
		memcpy(result, u->stack + (addr - sp), 8);
		return true;
	}
	struct iovec local = { result, 8 }, remote = { (void *)(uintptr_t)addr, 8 };
	return process_vm_readv(u->pid, &local, 1, &remote, 1, 0) == 8;
}

static bool set_initial_registers(Dwfl_Thread *thread, void *arg)
{
	struct unwinder *u = arg;
	Dwarf_Word regs[OUT_UREGS];
	for (int i = 0; i < OUT_UREGS; i++)
		regs[i] = u->regs[i];
	dwfl_thread_state_register_pc(thread, regs[16]);
	return dwfl_thread_state_registers(thread, 0, OUT_UREGS - 1, regs);
}

static const Dwfl_Thread_Callbacks thread_callbacks = {
	.next_thread = next_thread,
	.memory_read = memory_read,
	.set_initial_registers = set_initial_registers,
};

static const Dwfl_Callbacks proc_callbacks = {
	.find_elf = dwfl_linux_proc_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
};

void sym_unwind_free(struct proc *p)
{
	struct unwinder *u = p->unwinder;
	if (u) {
		if (u->dwfl)
			dwfl_end(u->dwfl);
		free(u);
	}
	p->unwinder = NULL;
}

/* The process's files, reported to libdwfl in the form of /proc/PID/maps,
 * from the copy of the map the context keeps. */
static Dwfl *report(const struct proc *p, struct unwinder *u)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	if (!f)
		return NULL;
	for (size_t i = 0; i < p->nmaps; i++) {
		const struct mapping *m = &p->maps[i];
		if (!m->path || m->path[0] != '/')
			continue;
		fprintf(f, "%" PRIx64 "-%" PRIx64 " %s %08" PRIx64 " %02x:%02x %" PRIu64 " %s\n",
			m->start, m->end, m->exec ? "r-xp" : "r--p", m->offset,
			major(m->dev), minor(m->dev), m->ino, m->path);
	}
	fclose(f);
	Dwfl *dwfl = dwfl_begin(&proc_callbacks);
	FILE *in = text ? fmemopen(text, size, "r") : NULL;
	bool ok = dwfl && in && dwfl_linux_proc_maps_report(dwfl, in) == 0 &&
		  dwfl_report_end(dwfl, NULL, NULL) == 0 &&
		  dwfl_attach_state(dwfl, NULL, p->pid, &thread_callbacks, u);
	if (in)
		fclose(in);
	free(text);
	if (!ok && dwfl) {
		dwfl_end(dwfl);
		dwfl = NULL;
	}
	return dwfl;
}

struct walk {
	uint64_t *frames;
	size_t n, max;
};

static int frame_cb(Dwfl_Frame *state, void *arg)
{
	struct walk *w = arg;
	Dwarf_Addr pc;
	bool activation;
	if (!dwfl_frame_pc(state, &pc, &activation) || pc == 0)
		return DWARF_CB_ABORT;
	w->frames[w->n++] = pc;
	return w->n < w->max ? DWARF_CB_OK : DWARF_CB_ABORT;
}

/* One walk, with p's unwinder made again if its maps were read again
 * since it was made. */
static int walk(struct proc *p, const uint64_t *regs, const void *stack, uint64_t len,
		uint64_t *frames, size_t max)
{
	struct unwinder *u = p->unwinder;
	if (u && u->maps_gen != p->maps_gen)
		sym_unwind_free(p);
	if (!p->unwinder) {
		if (!(u = calloc(1, sizeof(*u))))
			return -ENOMEM;
		u->pid = p->pid;
		u->maps_gen = p->maps_gen;
		p->unwinder = u;
		u->dwfl = report(p, u);
	}
	u = p->unwinder;
	if (!u->dwfl)
		return -ENOENT;
	u->regs = regs;
	u->stack = stack;
	u->len = len;
	struct walk w = { frames, 0, max };
	/* It stops where the rules run out, which is the normal end too. */
	dwfl_getthread_frames(u->dwfl, p->pid, frame_cb, &w);
	return (int)w.n;
}

int sym_unwind(struct sym_ctx *c, int pid, const uint64_t *regs, const void *stack,
	       uint64_t len, uint64_t *frames, size_t max)
{
	int err;
	/* A lookup reads the maps again when the address is in none of them:
	 * a library loaded since they were read.  So before the walk for the
	 * probed address, and after it for the last frame, where the walk
	 * stops in a file it was not told of. */
	struct sym_where where;
	sym_lookup(c, pid, regs[16], &where);
	struct proc *p = sym_get_proc(c, pid, &err);
	if (!p || !p->nmaps || !max)
		return p ? -ENOENT : err;
	int n = walk(p, regs, stack, len, frames, max);
	if (n <= 0 || (size_t)n == max)
		return n;
	unsigned before = p->maps_gen;
	sym_lookup(c, pid, frames[n - 1], &where);
	if (!(p = sym_get_proc(c, pid, &err)))
		return err;
	return p->maps_gen == before ? n : walk(p, regs, stack, len, frames, max);
}
