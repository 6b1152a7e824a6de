/* SPDX-License-Identifier: GPL-2.0-or-later */
/* program.h — the compiled program: the one value the compiler hands to the
 * runtime, which needs nothing else to run the script.
 *
 *   - the BPF object (ELF bytes from LLVM's BPF backend, BTF-defined maps);
 *   - the host module: the same language compiled for the host, holding the
 *     begin/end/error/timer handlers, run in the runtime's JIT;
 *   - the attach table: per probe point, what to attach and where;
 *   - the format table: per output call site, its format and argument layout,
 *     so a record in the ring buffer is just {header, arguments};
 *   - the globals table, for printing unprinted globals at the end;
 *   - the error sites: per site that can raise a runtime error, its message
 *     and source location.
 *
 * Records: every record starts with struct rec_hdr; a printf record's
 * arguments follow at the offsets the format table gives, each long an
 * int64_t and each string MAXSTRINGLEN bytes, NUL-terminated. */
#ifndef USCRIPT_PROGRAM_H
#define USCRIPT_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parse/ast.h"

enum rec_type {
	REC_PRINTF = 1,   /* site: format table index */
	REC_ERROR = 2,    /* site: error site index; a message follows if the
	                   * site has none (error(msg)) */
	REC_EXIT = 3,     /* exit() was called */
	REC_HIST = 4,     /* site: hist site index; the key of the element follows */
};

struct rec_hdr {
	uint32_t type;
	uint32_t site;
};

/* The scalar state shared by BPF and the host lives in one array map of one
 * element, mapped into the runtime's memory; these are its first fields.
 * Script globals follow at the offsets the globals table gives. */
/* Bits of globals_hdr.stopping. */
#define STOP_EXIT  1         /* exit() was called */
#define STOP_ERROR 2         /* a runtime error was raised */

struct globals_hdr {
	int64_t stopping;        /* STOP_*: once set, probes do nothing */
	/* Every hit reads stopping; counters other CPUs add to must not share
	 * its cache line. */
	int64_t pad_[7];
	int64_t target_pid;      /* target() */
	int64_t realtime_offset; /* add to CLOCK_MONOTONIC to get the epoch time */
	int64_t stp_pid;         /* stp_pid(): uscript's own pid */
	int64_t errors;          /* runtime errors raised, counted for MAXERRORS */
};

enum attach_kind {
	ATTACH_BEGIN,
	ATTACH_END,
	ATTACH_ERROR,
	ATTACH_TIMER,
	ATTACH_UPROBE,
	ATTACH_URETPROBE,
	ATTACH_RAW_TP,       /* kernel.trace: the raw tracepoint named by path */
	ATTACH_PERF,         /* timer.profile, perf.*: a sampling perf event on each CPU */
};

/* How a probe point restricts the processes it fires in. */
enum pid_filter {
	PID_ANY,      /* every process that maps the file */
	PID_TARGET,   /* the -c/-x target: .return points of a bare process */
	PID_GIVEN,    /* process(PID).… */
	PID_FAMILY,   /* process.…: the -c/-x target and its descendants,
		       * checked by the BPF program (codegen/bpf.c) */
};

struct attach_point {
	enum attach_kind kind;
	int probe;               /* index of the probe (handler) it runs */
	const char *prog_name;   /* BPF program (uprobes) or host function */
	const char *path;        /* absolute path of the probed file; for
				  * ATTACH_RAW_TP the tracepoint's name */
	uint64_t offset;         /* file offset of the probed instruction */
	uint64_t ref_ctr_offset; /* file offset of a USDT semaphore, else 0 */
	int cookie_of;           /* 1 + the row whose index is this one's cookie
				  * (an entry program's row serves a .return
				  * row, target.h); 0: its own index */
	enum pid_filter pid_filter;
	int pid;                 /* PID_GIVEN */
	uint64_t period_ns;      /* ATTACH_TIMER */
	uint64_t random_ns;      /* ATTACH_TIMER: each period is period_ns
				  * plus or minus up to this, at random */
	uint32_t perf_type;      /* ATTACH_PERF: perf_event_attr's type and config, */
	uint64_t perf_config;
	uint64_t perf_sample;    /* and its sample_period, or sample_freq if */
	bool perf_freq;          /* perf_freq */
	/* ATTACH_PERF with .counter("NAME"): no handler runs; the runtime
	 * opens a counting event on the process and puts it at index
	 * perf_counter of the map PROG_MAP_COUNTERS, which @perf("NAME")
	 * reads.  -1 for a sampling event. */
	const char *counter_name;
	int perf_counter;
	int64_t priority;        /* ATTACH_BEGIN, _END, _ERROR: begin(N) */
	const char *pp;          /* pp() */
	const char *func;        /* probefunc(): the symbol as linked */
	struct loc loc;          /* the probe point in the script */
	const char *point;       /* and its text there */
	/* process.begin: the processes running when the probes go in get
	 * their .begin at their next return from a system call, once each,
	 * as SystemTap calls it once for each at the start.  The runtime puts
	 * each in the map PROG_MAP_PENDING under {row, tgid} if it is one the
	 * row names: every process (PID_ANY, no exe), the process pid
	 * (PID_GIVEN), the target and its descendants (PID_TARGET), or those
	 * running the file exe. */
	bool begin_pending;
	const char *exe;
	bool may_skip;           /* one of a wildcard's functions, or an inlined
				  * copy: if the kernel refuses to probe it, it
				  * is left out with a warning, and the rest of
				  * the script runs */
};

/* Offsets in the x86-64 struct pt_regs, a uprobe program's context: rax
 * (the return value), rip and rsp, and the System V argument registers
 * rdi, rsi, rdx, rcx, r8 and r9. */
enum { PT_REGS_AX = 80, PT_REGS_IP = 128, PT_REGS_SP = 152 };

static inline uint32_t pt_regs_arg(int n)
{
	static const uint32_t off[6] = { 112, 104, 96, 88, 72, 64 };
	return off[n];
}

/* The kinds of printf arguments.  A string literal takes no room in the
 * record: its text is the site's (OUT_LITERAL), so a line such as
 * printf("%d %s\n", x, "ok") sends 8 bytes of arguments, not 8 +
 * MAXSTRINGLEN, and many more such records fit the ring buffer.  The last
 * four are text the runtime makes when it prints the record, from what the
 * probe saw:
 *   OUT_BACKTRACE    print_ubacktrace(): struct out_stack
 *   OUT_SBACKTRACE   sprint_ubacktrace(): struct out_stack
 *   OUT_BBACKTRACE   print_ubacktrace_brief(): struct out_stack
 *   OUT_USYMNAME     usymname(addr): struct out_addr; symname(addr), its pid
 *                    SYM_KERNEL (-1)
 *   OUT_SYMDATA      symdata(addr): struct out_addr, the pid -1
 *   OUT_PRETTY       see below
 *   OUT_UBACKTRACE   ubacktrace() as a printf argument: struct out_stack
 *   OUT_USTACK       sprint_ustack(ubacktrace()) likewise
 *   OUT_HIST         sprint(@hist_log(x)) in a BPF probe: the statistic's
 *                    key; hist_sites[i] names the statistic (struct
 *                    hist_site), drawn when the record is printed */
enum out_arg {
	OUT_LONG, OUT_STRING, OUT_LITERAL,
	OUT_BACKTRACE, OUT_SBACKTRACE, OUT_BBACKTRACE, OUT_USYMNAME, OUT_SYMDATA, OUT_PRETTY,
	OUT_MEMORY,              /* %m, %M: an int64_t count, then that many of
				  * MAXSTRINGLEN bytes read at the address */
	OUT_HIST,
	OUT_UBACKTRACE,          /* ubacktrace(), printed: struct out_stack */
	OUT_USTACK,              /* sprint_ustack(ubacktrace()), printed: the same */
};

/* OUT_PRETTY: $var$, $$parms$, $$return$ and the like, SystemTap's
 * pretty-printed forms, which the runtime writes from the values the probe
 * read, by the plan of the row that fired.  The argument holds the row
 * (its cookie) at 0, a bit per group whose reads faulted at 8 (the group
 * prints "ERROR"), then each piece's value at its offset: 8 bytes, or for
 * a string the address, 8 bytes that are 1 if it could be read, and
 * MAXSTRINGLEN bytes of it. */
enum pretty_fmt {
	PRETTY_TEXT,     /* the text alone */
	PRETTY_HEX,      /* %#x */
	PRETTY_SIGNED,   /* %i */
	PRETTY_UNSIGNED, /* %u */
	PRETTY_CHAR,     /* %#c of the low byte */
	PRETTY_POINTER,  /* %p, written 0x... */
	PRETTY_STRING,   /* the string quoted as string_quoted(), else 0x%x of its address */
};

struct pretty_piece {
	const char *text;        /* printed before the value */
	enum pretty_fmt fmt;
	uint32_t offset;         /* of the value in the argument */
	int group;               /* 1-63: the fault bit of its group; 0 none */
};

struct pretty_plan {
	int row;                 /* the attach row it is for */
	const struct pretty_piece *pieces;
	int n;
};

struct pretty_arg {
	uint32_t size;           /* bytes in the record */
	const struct pretty_plan *plans;
	int nplans;
};

/* SystemTap's MAXBACKTRACE: the most frames a stack holds. */
#define OUT_MAX_FRAMES 20

struct out_stack {
	int64_t pid;             /* the process the addresses are in */
	int64_t nframes;         /* at most OUT_MAX_FRAMES */
	int64_t row;             /* the attach row that fired: at a .return,
				  * print_ubacktrace() names the function
				  * returning, as SystemTap does */
	uint64_t frames[OUT_MAX_FRAMES];  /* the probed address first */
};

struct out_addr {
	int64_t pid;
	uint64_t addr;
};

/* For unwinding by call-frame information (runtime/sym_unwind.c), a
 * user stack argument of a site whose ustack_bytes is not 0 goes on after
 * its struct out_stack with a struct out_uregs, the user registers at the
 * probe in the x86-64 DWARF numbering (rax, rdx, rcx, rbx, rsi, rdi, rbp,
 * rsp, r8-r15, then rip) and how many bytes of the stack were copied, and
 * then ustack_bytes bytes: the copy, from rsp up. */
#define OUT_UREGS 17
struct out_uregs {
	uint64_t regs[OUT_UREGS];
	uint64_t len;            /* of the copy; 0 when it could not be read */
};

/* A user or kernel stack, struct out_stack, made text by the runtime. */
static inline bool out_is_stack(enum out_arg kind)
{
	return kind == OUT_BACKTRACE || kind == OUT_SBACKTRACE || kind == OUT_BBACKTRACE ||
	       kind == OUT_UBACKTRACE || kind == OUT_USTACK;
}

/* The bytes an argument of this kind takes in a record (before rounding
 * up to 8). */
static inline uint32_t out_arg_size(enum out_arg kind, uint32_t maxstringlen)
{
	switch (kind) {
	case OUT_STRING: return maxstringlen;
	case OUT_LITERAL: return 0;
	case OUT_BACKTRACE:
	case OUT_SBACKTRACE:
	case OUT_BBACKTRACE:
	case OUT_UBACKTRACE:
	case OUT_USTACK: return sizeof(struct out_stack);
	case OUT_USYMNAME:
	case OUT_SYMDATA: return sizeof(struct out_addr);
	case OUT_MEMORY: return 8 + maxstringlen;
	default: return 8;
	}
}

/* The bytes argument i of a site takes (before rounding up to 8). */
struct format_site;
static inline uint32_t site_arg_size(const struct format_site *site, int i,
				     uint32_t maxstringlen);

struct format_site {
	const char *fmt;         /* the format text (runtime/format.h) */
	size_t fmt_len;
	int nargs;
	enum out_arg *arg_kinds;
	uint32_t *arg_offsets;   /* in the record, after the header */
	const struct pretty_arg **pretty;   /* per argument, for OUT_PRETTY */
	const char **literals;   /* per argument, for OUT_LITERAL: the string's
				  * value (cut at MAXSTRINGLEN - 1 bytes and at
				  * a NUL, as a string is), NUL-terminated */
	uint32_t size;           /* the whole record */
	struct loc loc;
	/* per argument, for OUT_HIST: the index in the program's hists, and
	 * the key's size */
	const int *hist_sites;
	const uint32_t *hist_key_sizes;
	enum site_dest {         /* where the formatted text goes: */
		SITE_OUT,        /* the script's output */
		SITE_WARN,       /* warn(): stderr, after "WARNING: " */
		SITE_SYSTEM,     /* system(): a command for /bin/sh, run in the
				  * background once the record is read */
	} dest;
	uint32_t ustack_bytes;   /* the stack copied for its stack arguments
				  * (struct out_uregs), -D USTACK_BYTES, or 0 */
};

static inline uint32_t site_arg_size(const struct format_site *site, int i,
				     uint32_t maxstringlen)
{
	if (site->arg_kinds[i] == OUT_PRETTY)
		return site->pretty[i]->size;
	if (site->arg_kinds[i] == OUT_HIST)
		return site->hist_key_sizes[i];
	if (site->ustack_bytes && out_is_stack(site->arg_kinds[i]))
		return (uint32_t)(sizeof(struct out_stack) + sizeof(struct out_uregs)) +
		       site->ustack_bytes;
	return out_arg_size(site->arg_kinds[i], maxstringlen);
}

/* print(@hist_log(x)): which statistic; the record carries the key. */
struct hist_site {
	int global;
	int empty_error;         /* the error site of "empty aggregate" */
	struct loc loc;
};

struct error_site {
	const char *msg;         /* "division by 0"; NULL: the record carries it */
	int format;              /* or >= 0: the message is this format site's
	                          * output, its arguments laid out after the
	                          * record's header as for printf */
	struct loc loc;
	const char *context;     /* inside a library function: "in ctime(),
	                          * called from prog.up:3:9"; else NULL */
};

/* ---- arrays and statistics ----
 *
 * A global array is a BPF hash map (named PROG_MAP_PREFIX + its name) of at
 * most max_entries elements.  Its key is the key values one after another,
 * each at its offset: a long as an int64_t, a string as MAXSTRINGLEN bytes
 * (rounded up to 8) with every byte after the NUL zero, so equal strings are
 * equal keys.  The value starts with the element's creation number, an
 * int64_t taken from the array's counter in the globals area (seq_counter)
 * when the element is made and kept while it lives: SystemTap's foreach
 * walks an array in the order its elements were made.  Then, at
 * value_offset, an int64_t or a string of MAXSTRINGLEN bytes.
 *
 * A statistic (x <<< v) is kept per CPU, so adding to it takes no lock: a
 * scalar statistic is a one-element per-CPU array map, an array of them a
 * per-CPU hash map.  Each CPU's value is STAT_HDR_WORDS int64_t (count, sum,
 * min, max; min and max meaningless while count is 0) and then, if the
 * statistic has a histogram, one int64_t per bucket.  Reading one merges the
 * CPUs' values. */
#define PROG_MAP_PREFIX "g_"

enum stat_word { STATW_COUNT, STATW_SUM, STATW_MIN, STATW_MAX, STAT_HDR_WORDS };

enum hist_kind { HIST_NONE, HIST_LOG, HIST_LINEAR };

/* SystemTap's histograms: a log histogram has 128 buckets, bucket 64 for
 * 0, 64 + n for values in [2^(n-1), 2^n), and 64 - n for the negatives
 * mirrored; a linear one has (hi - lo) / step + 3 buckets: under lo, one per
 * step, and at or over the last step's end. */
#define HIST_LOG_BUCKETS 128
#define STATV_WORD(shape, w) (STAT_HDR_WORDS + (shape)->buckets + (w))
#define HIST_LOG_BUCKET0 64

struct stat_shape {
	enum hist_kind hist;
	int64_t lo, hi, step;    /* HIST_LINEAR */
	uint32_t buckets;        /* 0 for HIST_NONE */
	/* @variance: three more words after the buckets, SystemTap's running
	 * mean and sum of squares (Welford's, scaled by 2^shift) and the
	 * variance from them (STATV_*); merged, the variance itself. */
	bool variance;
	int shift;
	/* A wrapping array of statistics: one more word, the last, holds the
	 * element's creation number, the same in every CPU's part, so that a
	 * full array gives up the element made first, as SystemTap's does. */
	bool ordered;
};

enum { STATV_AVG, STATV_M2, STATV_VAR, STATV_WORDS };

#define MAX_KEYS 9

enum global_kind {
	GLOBAL_SCALAR,           /* a long or a string in the globals area */
	GLOBAL_ARRAY,            /* a hash map of longs or strings */
	GLOBAL_STAT,             /* a statistic; an array of them if nkeys > 0 */
};

struct global_var {
	const char *name;
	enum type type;          /* long or string; TYPE_STAT for statistics */
	enum global_kind kind;
	uint32_t offset;         /* GLOBAL_SCALAR: in the globals area */
	/* GLOBAL_ARRAY and GLOBAL_STAT */
	const char *map_name;
	int nkeys;
	enum type key_types[MAX_KEYS];
	uint32_t key_offsets[MAX_KEYS];
	uint32_t key_size;       /* at least 4 (a scalar statistic's index) */
	uint32_t value_size;     /* per CPU, for statistics */
	uint32_t value_offset;   /* GLOBAL_ARRAY: after the creation number */
	uint32_t seq_counter;    /* GLOBAL_ARRAY, and statistics with
	                          * stat.ordered: in the globals area */
	uint32_t max_entries;
	/* `global a%`: a full map makes room by removing its oldest element
	 * (least creation number; any element of a statistic, which has none)
	 * and the insertion is tried again, in the target's map_update. */
	bool wrap;
	struct stat_shape stat;
	bool print_at_end;       /* written but never read: printed when stopping */
	bool has_init;           /* `global x = 5`: written before anything runs */
	int64_t init_num;
	const char *init_str;
	struct loc loc;
};

struct program {
	struct arena *arena;     /* everything below lives here */
	const struct script *script;

	const void *bpf_obj;     /* NULL if no probe runs in BPF */
	size_t bpf_obj_size;

	void *host_ctx;          /* LLVMOrcThreadSafeContextRef, or NULL */
	void *host_module;       /* LLVMModuleRef in that context, or NULL */
	uint32_t host_scratch_size;  /* bytes of scratch the host handlers use */

	struct attach_point *attach;
	int nattach;
	struct format_site *formats;
	int nformats;
	struct error_site *errors;
	int nerrors;
	struct global_var *globals;
	int nglobals;
	struct hist_site *hists;
	int nhists;

	uint32_t globals_size;   /* the shared scalar area, struct globals_hdr first */
	uint32_t maxstringlen;
	uint32_t ringbuf_size;
	uint32_t maxmapentries;  /* -D MAXMAPENTRIES, for messages */
	uint32_t maxerrors;      /* -D MAXERRORS: errors reported before one stops the run */
	bool needs_target;       /* uses target() or process.…: wants -c or -x */
	bool has_maps;           /* arrays or statistics: the BPF object holds them */
	bool keep_target_map;    /* host handlers name the target's addresses
				  * (usymname in an end probe): the runtime
				  * keeps a copy of its memory map */
};

/* Map and section names shared by the code generator and the runtime. */
#define PROG_MAP_EVENTS  "events"
#define PROG_MAP_GLOBALS "globals"
#define PROG_MAP_SCRATCH "scratch"
#define PROG_MAP_LOST    "lost"
#define PROG_MAP_RSTACK  "rstack"
#define PROG_MAP_TSCRATCH "tscratch" /* scratch of handlers that may sleep */
#define PROG_MAP_ENTRY   "entry"    /* values saved at entry for .return probes */
#define PROG_MAP_COUNTERS "perf_counters"  /* .counter("NAME") events, by number */
#define PROG_MAP_PENDING "pending"  /* process.begin not yet called: {row, tgid} */
#define PROG_PENDING_MAX 16384      /* its size: processes running at the start */

/* ---- symbols as values in BPF (codegen/usym.c, runtime/usym_tables.c) ----
 *
 * When a BPF probe makes usymname(), usymdata(), umodname(),
 * sprint_ubacktrace() or sprint_ustack() a string, it looks the address up
 * in three maps the runtime fills before the probes are attached:
 *   usym_mods   hash: the file's device and inode, as the kernel keeps
 *               them, to its struct usym_mod
 *   usym_syms   array: every module's symbols, each module's sorted by
 *               address, struct usym_sym
 *   usym_names  array: the symbol of the same index's name, at most
 *               MAXSTRINGLEN - 1 bytes and a NUL, in MAXSTRINGLEN bytes
 *               rounded up to 8
 * The object declares them with one element; the runtime sets their size. */
#define PROG_MAP_USYM_MODS  "usym_mods"
#define PROG_MAP_USYM_SYMS  "usym_syms"
#define PROG_MAP_USYM_NAMES "usym_names"
#define PROG_MAP_USYM_STATE "usym_state"  /* the probe's own, per thread */

#define USYM_MAXSEGS 6       /* PT_LOAD segments a module keeps */
#define USYM_PATHLEN 64      /* SystemTap's module path length (symbolize.h) */
#define USYM_NOSEG (1ull << 61)  /* an unused segment's offset: never matches */

struct usym_key {
	uint64_t dev;            /* the kernel's dev_t: major << 20 | minor */
	uint64_t ino;
};

struct usym_seg {
	uint64_t offset, filesz, vaddr;   /* sorted by offset */
};

struct usym_mod {
	uint32_t first, count;   /* its symbols in usym_syms */
	uint64_t extent;         /* the bytes its mappings span */
	struct usym_seg segs[USYM_MAXSEGS];
	char path[USYM_PATHLEN]; /* as SystemTap shows it */
	char base[USYM_PATHLEN]; /* the same after its last '/' */
};

struct usym_sym {
	uint64_t vaddr, size;    /* size: to the next symbol, 0 for the last */
};

#endif
