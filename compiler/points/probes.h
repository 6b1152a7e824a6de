/* SPDX-License-Identifier: GPL-2.0-or-later */
/* compiler/points/ turns the script's probe points into the rows of the
 * attach table (probes.h), with the functions a name matches (symmatch.h)
 * and where each target variable is at each row (target.h); it uses
 * parse/, binary/ and dwarf/, the options of compile.h and the runtime's
 * string buffer (runtime/strbuf.h).
 *
 * probes.h — probe points into attach points.
 *
 * Each kind of probe point is one `struct probe_kind` in a file of its own
 * (probe_host.c: begin, end, error, timer; probe_process.c: process
 * functions and returns; probe_kernel.c: kernel.trace; probe_lifecycle.c:
 * process.begin and the like), listed once in probes.c.  A kind recognises its
 * points by their components and turns each into rows of the attach table;
 * a point that matches nothing is an error naming it and saying why, unless
 * the point is optional ('?'). */
#ifndef USCRIPT_PROBES_H
#define USCRIPT_PROBES_H

#include <stdbool.h>
#include <stdio.h>

#include "parse/ast.h"
#include "binary/elfsym.h"
#include "program.h"

struct compile_opts;
struct usdt_file;
struct tv_saves;
struct ktp;
struct kbtf;
struct usdt_probe;

/* Where a probe's handler runs. */
enum probe_home {
	HOME_BPF = 1,    /* in the kernel, on a uprobe */
	HOME_HOST = 2,   /* in uscript, from the JIT */
};

/* process.begin, .end, .thread.begin, .thread.end, .syscall and
 * .syscall.return (probe_lifecycle.c): which event of the raw tracepoint,
 * and which processes it fires in, checked in the program against the
 * current task, whose fields are at the offsets BTF gives. */
enum life_event {
	LIFE_BEGIN,          /* sys_exit: a fork's child, or an exec, returning */
	LIFE_THREAD_BEGIN,   /* sys_exit: a new thread returning from clone */
	LIFE_END,            /* sched_process_exit of the last thread */
	LIFE_THREAD_END,     /* sched_process_exit of a thread but the first */
	LIFE_SYSCALL,        /* sys_enter */
	LIFE_SYSCALL_RETURN, /* sys_exit */
	LIFE_SAMPLE,         /* a perf event's sample (probe_perf.c): any */
};

enum life_filter {
	LIFE_ALL,            /* process.X without a target: every process */
	LIFE_PID,            /* process(PID).X */
	LIFE_FILE,           /* process("PATH").X: its executable is PATH */
	LIFE_TREE,           /* process.X with -c/-x: the target and its descendants */
};

struct lifecycle {
	enum life_event event;
	enum life_filter filter;
	int pid;                 /* LIFE_PID */
	uint64_t dev, ino;       /* LIFE_FILE: the kernel's dev_t and the inode */
	const char *exe;         /* LIFE_FILE: the file */
	/* Offsets of task_struct's pid, tgid, real_parent and mm, mm_struct's
	 * exe_file, file's f_inode, inode's i_ino and i_sb, super_block's
	 * s_dev, and pt_regs' orig_ax. */
	uint32_t task_pid, task_tgid, task_parent, task_mm, mm_exe, file_inode, inode_ino,
		inode_sb, sb_dev, regs_orig_ax;
};

/* The lifecycle of a row for `event` in the processes that the component
 * c (process, process(PID), process("PATH"), or NULL for all) names, with
 * *name the component as pp() writes it and *pf its pid filter; NULL
 * after reporting at pp why not (probe_lifecycle.c). */
struct attach_table;
struct lifecycle *probes_lifecycle(struct attach_table *t, const struct probe_point *pp,
				   const struct pp_comp *c, enum life_event event,
				   const char **name, enum pid_filter *pf);

/* What resolution knows of a row beyond what the runtime needs: where the
 * target variables of its handler come from (target.c). */
struct row_ctx {
	const struct usdt_probe *mark;   /* a .mark row: the site */
	struct elf_file *file;           /* a function row: the file, and */
	uint64_t vaddr;                  /* the function's address there */
	bool inlined;                    /* an inlined copy of a function */
	int decl_line;                   /* an inlined copy: its function's line */
	const char *listing;             /* -L: its variables, when made here */
	const char *plt_name;            /* a .plt row: the function's name */
	const struct dwi_scope *scope;   /* a label's row: its variables */
	bool at_line;                    /* a source line inside the function
					  * at vaddr: its variables are those
					  * in scope there, where DWARF puts them */
	const struct ktp *ktp;           /* a kernel.trace row: the tracepoint */
	const struct lifecycle *life;    /* a process.begin … row */
	const struct probe_point *at;    /* the point it was made for */
};

/* A point the kernel cannot probe, left out of a wildcard's rows. */
struct skipped_point {
	const char *pp;          /* as pp() would have named it */
	const char *why;         /* "the kernel cannot probe the instruction at …" */
};

struct attach_table {
	struct arena *arena;
	const struct compile_opts *opts;
	struct attach_point *rows;
	struct row_ctx *ctx;     /* one per row */
	int n, cap;
	unsigned *homes;         /* per probe id: HOME_BPF | HOME_HOST */
	int ncounters;           /* perf .counter("NAME") rows, numbered from 0 */
	bool *rows_vary;         /* per probe id: its target variables are read
				  * differently at its rows (target.h) */
	const struct tv_saves **saves;  /* per probe id: what its entry program
					 * saves for its .return rows, or NULL */
	struct elf_cache *elves; /* files opened while resolving */
	struct dwi_entry *dwarves;  /* their DWARF, opened when first needed */
	struct usdt_entry *usdts;   /* their USDT notes, likewise */
	struct told_entry *told;    /* files whose symbols' origin -v named */
	bool cxx_return_warned;     /* the warning on .return in C++ is given */
	struct symm_cache *names;   /* their C++ names, demangled when first needed */
	struct skipped_point *skipped;  /* the point being resolved left these out */
	int nskipped, skipped_cap;
	struct kbtf *kernel;        /* the kernel's BTF, read when first needed */
	const char *kernel_why;     /* or why there is none */
	bool never;                 /* a `never` point resolved: a script may
				     * have no rows and still be whole */
	const struct probe_point *never_at;  /* the last such point, which -l */
	int never_probe;                     /* lists, and its probe */
	/* The syscalls views' rows (kernel.h): the offsets of pt_regs'
	 * orig_ax (the number at sys_exit) and of the task's thread_info
	 * status (whose TS_COMPAT marks a call of 32-bit code), -1 where the
	 * kernel's BTF has none. */
	int32_t view_orig_ax, view_task_status;
};

/* The DWARF of a file resolution opened, or NULL if it has none; opened
 * once per compilation and closed by probes_release(). */
struct dwi *probes_dwarf(struct attach_table *t, const char *path);
/* With -v, says once per file where its symbols were read from when not
 * from the file itself (its separate debug file, its MiniDebugInfo). */
void probes_tell_symbols(struct attach_table *t, const struct elf_file *f);

/* The USDT probes of a file resolution opened; NULL with err set if it has
 * none or they cannot be read.  Read once per compilation. */
struct usdt_file *probes_usdt(struct attach_table *t, struct elf_file *f,
			      struct elf_error *err);

/* process(…).mark("NAME") and .provider("P").mark("NAME"): a row per USDT
 * site of f that matches, like proto (probe_mark.c). */
int probes_add_marks(struct attach_table *t, const struct probe *p,
		     const struct probe_point *pp, struct elf_file *f, const char *provider,
		     const char *name, const struct attach_point *proto);

/* process(…).statement("FUNC@FILE:LINE")[.nearest]: a row per place the
 * source line spec `text` names in f (probe_lines.c). */
int probes_add_lines(struct attach_table *t, const struct probe *p,
		     const struct probe_point *pp, struct elf_file *f, const char *text,
		     bool nearest, const struct attach_point *proto);

/* process(…).function("FUNC").label("LABEL"): a row per label LABEL (a
 * pattern) in the functions FUNC names (probe_lines.c). */
int probes_add_labels(struct attach_table *t, const struct probe *p,
		      const struct probe_point *pp, struct elf_file *f, const char *func,
		      const char *label, const struct attach_point *proto);

/* process(…).plt("NAME")[.return]: a row per PLT entry of f that NAME
 * (a pattern) matches (probe_plt.c). */
int probes_add_plt(struct attach_table *t, const struct probe *p,
		   const struct probe_point *pp, struct elf_file *f, const char *name,
		   const struct attach_point *proto);

/* A row of pp's probe at file offset off, of proto's kind, file and pid
 * filter (probe_process.c). */
struct attach_point *probes_add_row(struct attach_table *t, const struct probe *p,
				    const struct probe_point *pp, uint64_t off,
				    const struct attach_point *proto);

/* NULL if the kernel can put a uprobe on the instruction at vaddr of f,
 * else a sentence saying why not, which names the function func if it is
 * not NULL (probe_process.c). */
const char *probes_refusal(struct attach_table *t, struct elf_file *f, uint64_t vaddr,
			   const char *func);

/* Appends a zeroed row for probe p at point pp and returns it. */
struct attach_point *attach_add(struct attach_table *t, const struct probe *p,
				const struct probe_point *pp, enum attach_kind kind);

struct probe_kind {
	const char *name;                     /* "process function", "timer" … */
	enum probe_home home;
	/* Whether the point's components are this kind's. */
	bool (*matches)(const struct probe_point *pp);
	/* Adds the point's rows; returns 0, or -1 after reporting why the point
	 * did not resolve (not reported for optional points). */
	int (*resolve)(struct attach_table *t, const struct probe *p,
		       const struct probe_point *pp);
	/* Says each form of point the kind takes, as stap's
	 * --dump-probe-types writes them: "process(string).function(string)". */
	void (*forms)(void (*say)(void *arg, const char *form), void *arg);
};

/* Says every form of point of every kind, in no order, with repeats. */
void probes_each_form(void (*say)(void *arg, const char *form), void *arg);

/* --dump-probe-types: every form of point, sorted, one a line. */
void probes_dump_types(FILE *out);

extern const struct probe_kind probe_kind_begin, probe_kind_end, probe_kind_error,
	probe_kind_timer, probe_kind_process, probe_kind_kernel_trace, probe_kind_lifecycle,
	probe_kind_perf, probe_kind_never, probe_kind_kprobe;

/* The kernel's BTF, read once per compilation; NULL after reporting at pp
 * why there is none (probe_kernel.c). */
struct kbtf *probes_kernel(struct attach_table *t, const struct probe_point *pp);

/* Leaves a point out of the rows of the probe point being resolved, since
 * the kernel cannot probe it (why says so).  Once that probe point is
 * resolved, a warning at it counts what was left out, and with -v a note
 * names each. */
void probes_skip(struct attach_table *t, const char *pp, const char *why);

/* Resolves every probe point of the script.  Returns 0 or -1 after the
 * errors were reported. */
/* ---- returns.c ---- */

/* Whether a function may have a .return probe (see returns.c). */
enum ret_verdict {
	RET_OK,
	RET_ENTRY_POINT,   /* refused: the stack holds no return address */
	RET_TWICE,         /* refused: returns twice */
	RET_NEVER,         /* left out: never returns */
};
struct dwi_func;
/* fn: the function's DWARF, or NULL. */
enum ret_verdict ret_verdict(struct elf_file *f, const struct elf_sym *s,
			     const struct dwi_func *fn);
/* Why, as the end of a sentence that starts with the function's name. */
const char *ret_why(enum ret_verdict v);
/* Whether s is C++ code, which an exception may unwind through. */
bool ret_cxx_unwinds(struct elf_file *f, const struct elf_sym *s);
/* The warning, once a compilation, that such a probe ends the program
 * when an exception goes through it. */
void ret_warn_cxx(struct attach_table *t, const struct probe_point *pp);
/* Whether p's handler does nothing outside the target process: it starts
 * with `if (pid() != target()) next`, or is all one
 * `if (pid() == target()) { … }`.  Its rows can then have the kernel's
 * pid filter, and other processes never trap. */
bool probe_only_for_target(const struct probe *p);

int probes_resolve(struct script *s, const struct compile_opts *opts,
		   struct attach_table *out);

/* A point that failed to resolve: reports "probe point P does not resolve:
 * WHY" at the point, unless it is optional.  Returns -1 for the caller. */
int probes_fail(const struct probe_point *pp, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* After an error at a point an alias stands for: a note at each use of
 * an alias that led to it. */
void probes_note_alias(const struct probe_point *pp);

/* Closes the files the table's resolution opened. */
void probes_release(struct attach_table *t);

/* -p2: the attach table, one point a line, with file and offset. */
void probes_print(const struct script *s, const struct attach_table *t, FILE *out);

#endif
