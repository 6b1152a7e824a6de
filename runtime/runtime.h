/* SPDX-License-Identifier: GPL-2.0-or-later */
/* runtime/ runs a compiled program: it loads and attaches it, turns what
 * its probes send into text, runs its host handlers and the -c/-x target;
 * it uses the compiler's program.h, its table of builtins and host ABI
 * (check/builtins.h, codegen/hostabi.h), the syntax tree and diagnostics
 * of parse/ for messages, and the ELF reader of binary/, and the compiler
 * uses its printf formats, statistics and string buffer in turn.
 *
 * runtime.h — running a compiled program: the pieces of the runtime and
 * what they share.
 *
 *   run.c     load, attach, the event loop, stopping and cleaning up;
 *   output.c  records from the ring buffer (or from host handlers) into text,
 *             or into JSON records (json.c) with -f json;
 *   host.c    the JIT for begin/end/error/timer handlers, and hostabi.h;
 *   target.c  the -c command and the -x process;
 *   kmem.c    the kernel memory the maps take, checked before they are made;
 *   verifier.c why the kernel refused a probe's program;
 *   errname.c the kernel's errors in words, its internal ones too. */
#ifndef USCRIPT_RUNTIME_H
#define USCRIPT_RUNTIME_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "format.h"
#include "program.h"
#include "strbuf.h"

/* -f: how the output is written (output.c). */
enum output_format {
	OUTPUT_TEXT,             /* as SystemTap writes it */
	OUTPUT_JSON,             /* one JSON object a line (json.h) */
};

struct run_opts {
	const char *command;     /* -c */
	pid_t pid;               /* -x */
	FILE *out;               /* -o, else stdout */
	int verbose;
	long timeout_ms;         /* -T: stop after this long, as exit() would; 0: never */
	bool quiet;              /* -q: no warning of the -c command's status */
	bool no_globals;         /* --no-global-var-display */
	enum output_format format;  /* -f */
};

/* Runs the program to its end; returns the exit status (0, or 1 after a
 * runtime error or a failure to start). */
int run_program(struct program *p, const struct run_opts *o);

/* ---- outfile.c ---- */

/* Opens the -o file: PATTERN with its strftime() conversions done, or
 * with SIZE_MAX (-S, bytes) PATTERN.0, PATTERN.1 ..., a new one past
 * SIZE_MAX bytes, only the last KEEP (0: all) kept.  *name (malloc'ed,
 * also on failure) is the file name for messages. */
FILE *outfile_open(const char *pattern, uint64_t size_max, int keep, char **name);
/* switch_file(): the -o file's output goes on in the next file from the
 * next write on (the caller flushes first); nothing without -o. */
void outfile_switch(void);

/* ---- errname.c ---- */

/* strerror() for what the kernel returns, which can be one of its own
 * codes from 512 on ("Unknown error 524" to the C library): words and, for
 * those, the name.  Never "Unknown error". */
const char *errno_text(int err);
/* Appends msg to out with every "Unknown error N" in it said as
 * errno_text(N) says it, as libbpf's messages need (they use strerror(),
 * and say "ERROR: strerror_r(-N)=22" when that fails). */
void errno_rewrite(struct strbuf *out, const char *msg);

/* ---- verifier.c ---- */

/* Says, at the probe in the script, why the verifier refused its program,
 * from libbpf's messages (LOG), which hold the verifier's log. */
void verifier_explain(const char *log, const struct program *p, bool verbose);
/* Says how many instructions the verifier processed for each program: with
 * VERBOSE on stderr, and in the file $USCRIPT_VERIFIER_STATS if set. */
struct bpf_object;
void verifier_report(struct bpf_object *obj, const struct program *p, bool verbose);

/* ---- usym_tables.c ---- */

/* The symbol tables of the files BPF probes may name addresses in, when
 * the object has the maps for them (program.h): prepare reads the files
 * and sizes the maps before the object is loaded, fill writes them after.
 * Both return 0 or a negative errno; *out is NULL when there is nothing
 * to do, and fill and free take that NULL too. */
struct usym_tables;
int usym_tables_prepare(struct bpf_object *obj, const struct program *p,
			const struct run_opts *o, struct usym_tables **out);
int usym_tables_fill(struct usym_tables *t, struct bpf_object *obj, uint32_t maxstringlen);
void usym_tables_free(struct usym_tables *t);

/* ---- kmem.c ---- */

/* Before the object is loaded: whether the machine, and uscript's memory
 * cgroup, have the memory its maps will take (with VERBOSE, says how
 * much); -1 after saying they have not, with the figures and the -D
 * option to lower. */
int kmem_check(struct bpf_object *obj, const struct program *p, bool verbose);
/* -v, once loaded: the memory each map and the programs hold, as the
 * kernel counts it. */
void kmem_show(struct bpf_object *obj);

/* ---- output.c ---- */

enum out_stop {
	OUT_RUNNING,
	OUT_EXIT,                /* exit() */
	OUT_ERROR,               /* a runtime error */
};

struct maps;

struct output {
	const struct program *prog;
	bool hist_empty;         /* a record's sprint(@hist…) found it empty */
	FILE *out;
	struct maps *maps;       /* arrays and statistics, once loaded */
	struct globals_hdr *globals;  /* where a runtime error found here is flagged */
	struct fmt *formats;     /* parsed, per format site */
	struct strbuf line;
	enum out_stop stop;
	int error_site;          /* OUT_ERROR: the first error's site */
	uint64_t nerrors;        /* error records seen */
	uint32_t soft_left;      /* -D MAXERRORS: how many more are printed
				  * at once, the run going on */
	bool report_each;        /* error probes run: each error is printed */
	struct strbuf error_msg; /* its message, when the record carried one */
	struct sym_ctx *sym;     /* names stack addresses, when a format needs it */
	struct strbuf texts[64]; /* the text of such arguments, per argument */
	pid_t *commands;         /* system()'s commands, waited for at the end */
	size_t ncommands;
	bool json;               /* -f json: every output a record on out */
	struct strbuf rec;       /* -f json: the record of a printf */
};

int output_init(struct output *o, const struct program *p, FILE *out);
void output_free(struct output *o);
/* Formats one record; malformed records are counted and dropped. */
void output_record(struct output *o, const void *data, size_t size);
/* sprintf: the record formatted into dst (maxstr bytes with the NUL). */
void output_sprintf(struct output *o, const void *rec, char *dst, size_t maxstr);
/* Prints "ERROR: what near file:line:col" for the error site. */
void output_error(const struct output *o, int site);
/* The globals written and never read, as SystemTap prints them at the end. */
void output_globals(struct output *o, const void *globals);
/* "WARNING: msg" on stderr, or with -f json a warning record. */
void output_warning(struct output *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The events the ring buffer could not take and the returns the kernel
 * did not report, if any: warnings on stderr, or with -f json the records
 * lost_events and missed_returns. */
void output_lost(struct output *o, uint64_t lost, uint64_t missed);

/* ---- host.c ---- */

struct host;

/* Compiles the program's host module, if it has one.  Takes the module
 * from the program.  Returns NULL with a message printed on failure. */
struct host *host_start(struct program *p, struct output *out, void *globals,
			struct maps *maps);
void host_stop(struct host *h);
/* Runs the handler of attach row `row`. */
void host_run(struct host *h, int row);

/* ---- attach.c ---- */

struct bpf_object;
struct attachments;

bool attach_has_uprobe_multi(void);
/* Before the object is loaded: marks its uprobe programs for uprobe_multi
 * links where the kernel has them. */
void attach_prepare(struct bpf_object *obj, const struct program *p);
/* Attaches every uprobe of the attach table; target is the pid of the -c/-x
 * target (for process.… points).  NULL after the error was printed. */
struct attachments *attach_uprobes(struct bpf_object *obj, const struct program *p,
				   pid_t target, int verbose);
/* Once the probes are in place: starts the keeper, a process that holds
 * the links until uscript is gone, however it ends, and then releases them
 * all at once; see attach.c. */
void attach_keep(struct attachments *at);
/* Drops uscript's references to the links (the keeper's are the last),
 * or releases them where there is no keeper. */
void attach_free(struct attachments *at);

/* ---- pending.c ---- */

/* process.begin for the processes already running (target: the -c/-x
 * process, or 0; spawned: it is the -c command, held before its exec,
 * whose .begin is its exec's): puts them where the programs find them.
 * Returns how many. */
int pending_begins(struct bpf_object *obj, const struct program *p, pid_t target,
		   bool spawned);

/* ---- target.c ---- */

struct target {
	pid_t pid;
	int pidfd;               /* readable once the process has exited */
	int hold_fd;             /* -c: the child execs when this is written */
	bool spawned;
	bool released;           /* the held child was let go */
	bool reaped;
	int status;              /* wait status, once reaped */
	unsigned long long start_time;  /* -x without a pidfd: when it started */
};

/* The signal mask and the ignored signals uscript was started with, which
 * the -c command gets back: it starts as it would have without uscript. */
struct target_signals {
	sigset_t mask;
	sigset_t ignored;
};

/* Notes the signal state; called before uscript changes it. */
void target_save_signals(struct target_signals *s);
/* -c: forks a child that waits before exec'ing the command (split into
 * words as the shell would), so probes can be attached first. */
int target_spawn(struct target *t, const char *command, const struct target_signals *sigs);
/* Lets the held child exec. */
int target_release(struct target *t);
/* -x: watches an existing process, with a pidfd where pidfd_open works. */
int target_watch(struct target *t, pid_t pid);
/* Whether the process has exited, looked at without a pidfd: the -c
 * command, left to reap, or the -x process, gone from /proc or a zombie. */
bool target_gone(const struct target *t);
/* Reaps the child if it has exited; returns true if it is gone. */
bool target_reap(struct target *t);
/* Whether the process is exiting or has a fatal signal on its way (as
 * when a signal to its process group kills it): it will be gone soon. */
bool target_dying(const struct target *t);
/* Waits up to timeout_ms for the process to exit; true if it has. */
bool target_wait(const struct target *t, int timeout_ms);
void target_close(struct target *t);

#endif
