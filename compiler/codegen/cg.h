/* SPDX-License-Identifier: GPL-2.0-or-later */
/* compiler/codegen/ generates the code of a checked script and its probe
 * points through LLVM, for BPF and for the host (cg.h); it uses parse/,
 * check/ and points/, the options of compile.h and the runtime's printf
 * formats (runtime/format.h).
 *
 * cg.h — code generation through the LLVM C API, for two targets.
 *
 * One code generator compiles the language; a target layer supplies what
 * differs between running in the kernel and running in uscript itself:
 *
 *   bpf.c   BPF programs on uprobes: maps, helpers, the ring buffer;
 *   host.c  begin/end/error/timer handlers, run by the runtime's JIT,
 *           calling back into the runtime (hostabi.h).
 *
 * Statements and expressions (stmt.c, expr.c), strings (string.c) and
 * builtins (output.c, context.c) never build a helper call or a map access
 * themselves; they ask the target.  Both targets see the script's
 * shared state the same way: `globals` points at the globals area (struct
 * globals_hdr, then the script's scalars), `scratch` at this CPU's scratch
 * area, where string values live (the BPF stack is 512 bytes).
 *
 * A string value is a pointer to NUL-terminated bytes, at most
 * MAXSTRINGLEN - 1 of them, valid until the end of the statement that made
 * it; a long is an i64. */
#ifndef USCRIPT_CG_H
#define USCRIPT_CG_H

#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <llvm-c/Target.h>

#include "parse/ast.h"
#include "check/builtins.h"
#include "compile.h"
#include "points/probes.h"
#include "program.h"
#include "check/resolve.h"

struct cg;

struct cg_target {
	const char *name;
	bool is_bpf;
	/* Module-wide setup and teardown (maps, license, …). */
	void (*module_begin)(struct cg *cg);
	void (*module_end)(struct cg *cg);
	/* Creates the function for probe p (attach points of this target only)
	 * and positions the builder in it with cg->globals, cg->scratch,
	 * cg->cookie and cg->regs set.  Handlers do nothing once the script is
	 * stopping (BPF) — except end and error handlers, which run then. */
	void (*handler_begin)(struct cg *cg, const struct probe *p, const char *name);
	/* The return instruction of a handler. */
	void (*handler_return)(struct cg *cg);
	/* BPF: this CPU's scratch area, or NULL (cg_scratch_base). */
	LLVMValueRef (*scratch_lookup)(struct cg *cg);
	/* Output records: reserve returns a pointer that is NULL when the
	 * record cannot be delivered; lost counts that. */
	LLVMValueRef (*rec_reserve)(struct cg *cg, uint32_t size);
	void (*rec_submit)(struct cg *cg, LLVMValueRef rec);
	void (*rec_lost)(struct cg *cg);
	/* pid, tid, ppid, uid, gid, cpu as an i64. */
	LLVMValueRef (*context)(struct cg *cg, enum builtin_id id);
	/* Writes the current task's name into buf (at least 16 bytes). */
	void (*execname)(struct cg *cg, LLVMValueRef buf);
	/* CLOCK_MONOTONIC in ns. */
	LLVMValueRef (*clock_ns)(struct cg *cg);
	/* Reads `size` bytes of the traced process's memory at addr (an i64)
	 * into dst; returns 0 or a negative errno (i64).  Host: fails. */
	LLVMValueRef (*read_user)(struct cg *cg, LLVMValueRef dst, uint32_t size,
				  LLVMValueRef addr);
	/* The same of kernel memory (kernel_long(), $p->member at a
	 * tracepoint), and of a kernel string as read_user_str. */
	LLVMValueRef (*read_kernel)(struct cg *cg, LLVMValueRef dst, uint32_t size,
				    LLVMValueRef addr);
	LLVMValueRef (*read_kernel_str)(struct cg *cg, LLVMValueRef dst, LLVMValueRef max,
					LLVMValueRef addr);
	/* The same for an i64 size from 1 to max, which dst holds. */
	LLVMValueRef (*read_user_n)(struct cg *cg, LLVMValueRef dst, LLVMValueRef size,
				    uint32_t max, LLVMValueRef addr);
	/* ---- the maps of global arrays and statistics (g: index in the
	 * program's globals table) ---- */
	/* A pointer to the value stored under key, or NULL.  BPF points into
	 * the map (this CPU's value for a statistic); the host gets a copy in
	 * scratch, valid for the statement, so writes go through map_update. */
	LLVMValueRef (*map_lookup)(struct cg *cg, int g, LLVMValueRef key);
	/* Stores value under key (flags: BPF_ANY, BPF_NOEXIST); returns i64 0
	 * or a negative errno: -E2BIG when the map is full. */
	LLVMValueRef (*map_update)(struct cg *cg, int g, LLVMValueRef key, LLVMValueRef value,
				   uint64_t flags);
	void (*map_delete)(struct cg *cg, int g, LLVMValueRef key);
	/* Whether map_lookup's pointer is the value itself (BPF), so that it can
	 * be changed in place, atomically. */
	bool in_place;
	/* Sets size bytes at dst to zero; copies size bytes from src to dst. */
	void (*zero)(struct cg *cg, LLVMValueRef dst, uint32_t size);
	void (*copy)(struct cg *cg, LLVMValueRef dst, LLVMValueRef src, uint32_t size);
	/* The same for an i64 size, which the caller keeps inside dst (BPF:
	 * with a mask the verifier sees). */
	void (*copy_n)(struct cg *cg, LLVMValueRef dst, LLVMValueRef src, LLVMValueRef size);
	/* A statistic's value summed over the CPUs: a pointer to count, sum,
	 * min, max (count 0 when empty or missing), in scratch. */
	LLVMValueRef (*stat_merged)(struct cg *cg, int g, LLVMValueRef key);
	/* The count in bucket i (an i64 the caller checked is in range) of
	 * the statistic's histogram, summed over the CPUs. */
	LLVMValueRef (*stat_bucket)(struct cg *cg, int g, LLVMValueRef key, LLVMValueRef i);
	/* @variance of a statistic that is not empty, merged as SystemTap's
	 * _stp_stat_get merges the CPUs; merged is stat_merged's. */
	LLVMValueRef (*stat_variance)(struct cg *cg, int g, LLVMValueRef key, LLVMValueRef merged);
	/* Removes every element of g's map, or resets a scalar statistic. */
	void (*map_clear)(struct cg *cg, int g);
	/* foreach: begin returns an iterator over g in the order of the sort
	 * column (0 none, 1… a key, -1 the value), direction, aggregate (for
	 * statistics) and limit (NULL for none); next returns whether there is an element and points keyp and
	 * valp at its key and value; end frees the iterator.  NULL where
	 * foreach cannot run (BPF: the kernel cannot sort). */
	LLVMValueRef (*foreach_begin)(struct cg *cg, int g, int column, int dir, int aggr,
				      LLVMValueRef limit);
	LLVMValueRef (*foreach_next)(struct cg *cg, LLVMValueRef it, LLVMValueRef keyp,
				     LLVMValueRef valp);
	void (*foreach_end)(struct cg *cg, LLVMValueRef it);
	/* Copies the string at the traced program's address addr into dst, at
	 * most max (an i64 in [1, MAXSTRINGLEN]) bytes with the NUL; returns
	 * the length with the NUL, or a negative errno.  Host: faults. */
	LLVMValueRef (*read_user_str)(struct cg *cg, LLVMValueRef dst, LLVMValueRef max,
				      LLVMValueRef addr);
	/* The traced thread's user stack: the probed address, then the return
	 * addresses of its callers, at most size / 8 of them, into dst (8-byte
	 * words); returns the i64 number of bytes written, or a negative
	 * errno.  Host: no stack, 0. */
	LLVMValueRef (*user_stack)(struct cg *cg, LLVMValueRef dst, uint32_t size);
	/* The same of the kernel stack (print_backtrace): where the probe
	 * interrupted the kernel, or the kernel's own at a tracepoint. */
	LLVMValueRef (*kernel_stack)(struct cg *cg, LLVMValueRef dst, uint32_t size);
	/* Copies the string at src into dst, at most max bytes with the NUL;
	 * returns the i64 length copied, NUL included (at least 1). */
	LLVMValueRef (*str_copy)(struct cg *cg, LLVMValueRef dst, LLVMValueRef src,
				 LLVMValueRef max);
};

extern const struct cg_target cg_target_bpf, cg_target_host;

struct cg_loop {
	LLVMBasicBlockRef brk, cont;
};

#define CG_MAX_LOOPS 64

/* try { … } catch { … } (stmt.c).  A runtime error inside the body jumps to
 * the catch block when both are in the LLVM function being generated; the
 * message goes into the handler's error area first (cg_error_message).
 * Elsewhere, in a script function called inside a try or in a BPF foreach
 * body, the error unwinds: `aborted` becomes CG_ABORT_CAUGHT and the
 * function returns, as it would for an error that ends the probe, and the
 * caller goes on to its catch block or unwinds in turn (cg_leave_block).
 * A script function therefore has two copies when the script has a try:
 * one whose errors end the probe and one, called inside try, whose errors
 * unwind.  MAXACTION is never caught, as in SystemTap. */
struct cg_try {
	LLVMBasicBlockRef catch_bb;
	LLVMValueRef fn;             /* the function the try is in */
};

#define CG_MAX_TRIES 16
enum { CG_ABORT_ENDED = 1, CG_ABORT_CAUGHT = 2 };

enum { ROW_PP, ROW_PROBEFUNC, ROW_PPFUNC, ROW_PN, ROW_PROBE_TYPE, ROW_STRINGS };

/* The maps every BPF program may use; entry and rstack only where a probe
 * has .return rows. */
enum { CG_MAP_EVENTS, CG_MAP_GLOBALS, CG_MAP_SCRATCH, CG_MAP_LOST, CG_MAP_ENTRY, CG_MAP_RSTACK,
       CG_MAP_TSCRATCH, CG_MAP_USYM_MODS, CG_MAP_USYM_SYMS, CG_MAP_USYM_NAMES,
       CG_MAP_USYM_STATE, CG_MAP_PENDING, CG_MAP_COUNTERS, CG_NMAPS };

struct cg {
	/* the module */
	LLVMContextRef ctx;
	LLVMModuleRef mod;
	LLVMBuilderRef b;
	const struct cg_target *t;
	struct program *prog;
	const struct compile_opts *opts;
	struct script *script;
	struct resolved *res;
	struct attach_table *attach;
	struct arena *arena;
	LLVMTypeRef i1, i8, i32, i64, ptr, void_t;
	LLVMTargetDataRef data_layout;   /* BPF: the BPF target machine's */
	LLVMDIBuilderRef dib;        /* BPF: the BTF of the maps, and line info */
	LLVMMetadataRef di_file, di_cu;
	LLVMMetadataRef di_scope;    /* BPF: the function being generated */
	LLVMValueRef maps[CG_NMAPS]; /* BPF: the maps of every program */
	LLVMValueRef *gmaps;         /* BPF: per global, its map or NULL */
	LLVMValueRef zeros;          /* BPF: a block of zeros, zero_size bytes */
	uint32_t zero_size;
	struct row_strings {             /* a string per attach row, by cookie */
		LLVMValueRef table;          /* NULL when the script does not ask */
		uint32_t width, rows;        /* rows: a power of two */
	} row_strings[ROW_STRINGS];
#define CG_ERR_LONGS 2
	struct cg_err_block {            /* emit.c: the block of the current */
		LLVMValueRef fn;             /* function that stops with an */
		LLVMBasicBlockRef ret_bb, bb;/* error of n numbers */
		LLVMValueRef aborted, site, longs[CG_ERR_LONGS];
	} err_blocks[CG_ERR_LONGS + 1];
	struct cg_hole {                 /* share.c: a literal whose value */
		const struct expr *lit;      /* is read by row from table */
		LLVMValueRef table;
		uint32_t width, rows;        /* rows: a power of two */
	} *holes;
	int nholes;      /* pp(), probefunc(), ppfunc(), pn(),
					 * probe_type() */
	uint32_t scratch_size;       /* the largest any handler needs */
	bool *rstack_owner;          /* BPF: per row, the .return row that counts
				      * the calls pending at its address */
	bool has_returns;            /* BPF: some probe has .return rows */
	LLVMValueRef *func_fns;      /* per script function and call depth
				      * (cg_fn_index), where it is called */
	/* BPF: whether a user string read may wait for the page it is on
	 * (sleep.c); per script function copy (as func_fns), whether its own
	 * code does; and whether any handler does. */
	bool may_sleep;
	bool *func_sleeps;
	bool *func_no_sleep;         /* per copy: a kernel-side handler calls it */
	bool any_sleeps;

	/* the function being generated */
	LLVMValueRef fn;
	struct handler *h;
	const struct probe *probe;
	LLVMValueRef globals, cookie, regs;
	LLVMValueRef saved;              /* the slots saved at the entry (target.h) */
	uint32_t entry_value_size;       /* their bytes: the largest probe's */
	LLVMValueRef pretty_faults;      /* while reading an OUT_PRETTY: the groups' fault bits */
	bool stack_rows;                 /* print_ubacktrace() wants the row (stack.c) */
	LLVMValueRef scratch;        /* use cg_scratch_base(): BPF looks it up lazily */
	bool sleeps;                 /* BPF: this handler or function may sleep */
	bool sleep_ok;               /* BPF: and its program may be sleepable */
	LLVMBasicBlockRef scratch_bb, body_bb, quit_bb;  /* BPF: where and whither */
	LLVMValueRef rt;             /* host: the runtime's handle */
	LLVMValueRef actions;        /* i64 alloca: the actions charged so far */
	bool count_actions;          /* this handler can loop: count MAXACTION */
	int pending_actions;         /* counted while generating, not yet charged */
	LLVMValueRef aborted;        /* i64 alloca: a runtime error (1) or a `next`
				      * in a function (2) ended the handler */
	LLVMBasicBlockRef ret_bb;    /* leaves the handler or function */
	LLVMValueRef ret_slot;       /* script function: the value to return */
	struct cg_loop loops[CG_MAX_LOOPS];
	int nloops;
	struct cg_try tries[CG_MAX_TRIES];
	int ntries;
	bool unwind_errors;          /* a function's copy for calls inside try */
	bool has_try;                /* some handler of this module has a try */
	LLVMValueRef *func_fns_unwind;   /* that copy, per script function */
	uint32_t slot_base;          /* this function's part of the scratch area */
	uint32_t slot_top;           /* next free byte, statement temporaries */
	uint32_t slot_fixed;         /* bytes of slots that live all along */
	LLVMValueRef *local_slots;   /* per local: alloca (long) or scratch ptr */
	uint32_t *local_offsets;     /* per local: its offset in scratch, or */
#define CG_ON_STACK UINT32_MAX       /* this for a long on the stack */
	bool in_return;              /* uretprobe handler */
	int depth;                   /* the script function's depth of calls,
				      * from 0; -1 in a handler */
	LLVMValueRef errno_table;    /* errno_str()'s names, once made */
	bool host_usymname;          /* a host handler names the target's addresses */
	int fixed_row;               /* a program for one row only (a raw
				      * tracepoint's, which has no cookie): that
				      * row, its cookie a constant; else -1 */
	bool cookie_arg;             /* with fixed_row, the handler of the
				      * syscalls views' rows of its probe:
				      * its cookie is its second argument,
				      * which the program that calls it gives
				      * (kernel_bpf.c) */
	LLVMValueRef each_frame;     /* BPF: this function's foreach frame, */
	LLVMValueRef each_frame_fn;  /* and the function it is in */
	uint32_t walk_off;           /* BPF: the numbers of the walk whose
				      * callback is being made, in scratch */
	struct sym *cas_sym;         /* a global being updated atomically, */
	LLVMValueRef cas_value;      /* and the value its reads see meanwhile */
};

/* ---- emit.c ---- */
LLVMValueRef cg_const(struct cg *cg, int64_t v);
/* Gives the instructions built from now on the script location `loc`, so
 * the verifier's log names script lines (BPF only). */
void cg_set_loc(struct cg *cg, const struct loc *loc);
/* Gives the handler fn, long fn(void *ctx), debug info for line info. */
void cg_debug_function(struct cg *cg, LLVMValueRef fn, const char *name, const struct loc *loc);
/* The same for a function of pointer arguments with these names. */
void cg_debug_function_args(struct cg *cg, LLVMValueRef fn, const char *name,
			    const struct loc *loc, const char *const *args, unsigned nargs);
LLVMBasicBlockRef cg_block(struct cg *cg, const char *name);
/* A function long name(void *, …) of nargs pointer arguments for BPF to
 * call back (bpf_loop, bpf_for_each_map_elem): internal, with its BTF, and
 * generation moved to its entry; cg_callback_end moves it back. */
struct cg_saved {
	LLVMBuilderRef b;
	LLVMValueRef fn;
	LLVMMetadataRef scope;
};
LLVMValueRef cg_callback_begin(struct cg *cg, const char *name, const char *const *args,
			       unsigned nargs, struct cg_saved *saved);
void cg_callback_end(struct cg *cg, const struct cg_saved *saved);
/* Allocates MAXSTRINGLEN bytes of scratch for this statement (temp) or for
 * the whole handler, and returns a pointer to them. */
LLVMValueRef cg_string_slot(struct cg *cg, bool temp);
/* The same for `bytes` bytes. */
LLVMValueRef cg_scratch(struct cg *cg, uint32_t bytes, bool temp);
/* The same, as an offset in the scratch area (for code that looks the area
 * up itself, such as a BPF callback). */
uint32_t cg_scratch_reserve(struct cg *cg, uint32_t bytes, bool temp);
/* The handler's scratch area; a handler that never asks does no lookup.
 * In BPF it is a stand-in until the handler is done (sleep.c). */
LLVMValueRef cg_scratch_base(struct cg *cg);
#define CG_SCRATCH_STUB "scratch.stub"

/* An alloca in the function's entry block. */
LLVMValueRef cg_alloca(struct cg *cg, LLVMTypeRef ty, const char *name);
/* The function's one alloca of this name, made the first time (*made says
 * so when not NULL).  For values that a helper writes and the code reads
 * at once: LLVM keeps a slot whose address a helper took for the whole
 * function, and one slot per use would outgrow BPF's 512 bytes of stack in
 * a probe of a few hundred statements. */
LLVMValueRef cg_function_slot(struct cg *cg, const char *name, LLVMTypeRef ty, bool *made);
/* Raises a runtime error: the error record, stopping, and the handler ends.
 * cg_raise_with names the error with a string value (error(msg)). */
void cg_raise(struct cg *cg, const struct loc *loc, const char *msg);
/* The same for an error no try catches (MAXACTION). */
void cg_raise_fatal(struct cg *cg, const struct loc *loc, const char *msg);
/* Whether an error here is caught, and whether by a try of this function. */
bool cg_in_try(const struct cg *cg);
bool cg_try_here(const struct cg *cg);
/* Where to go when a call or a foreach walk ended early (aborted or a jump
 * out): the catch block for a caught error, else the function's end. */
LLVMBasicBlockRef cg_leave_block(struct cg *cg);
/* The message of the error caught last: in the area after `aborted`. */
LLVMValueRef cg_error_message(struct cg *cg);
void cg_raise_with(struct cg *cg, const struct loc *loc, LLVMValueRef msg);
/* The same with a message that is the printf format `fmt` of longs. */
void cg_raise_fmt(struct cg *cg, const struct loc *loc, const char *fmt, LLVMValueRef *longs,
		  int n);
/* size bytes of user (or, with kernel, kernel) memory at addr as a 64-bit
 * number, extended as is_signed says; *rc < 0 where the read faulted
 * (target_vars.c). */
LLVMValueRef cg_read_number(struct cg *cg, bool kernel, LLVMValueRef addr, uint32_t size,
			    bool is_signed, LLVMValueRef *rc);
/* The runtime error fmt (%x: addr) at loc where rc, a read's result, is
 * negative. */
void cg_raise_on_fault(struct cg *cg, LLVMValueRef rc, const struct loc *loc,
		       const char *fmt, LLVMValueRef addr);
/* Emits a record of `size` bytes: reserve, then fill(cg, rec, arg), then
 * submit; a record that cannot be reserved is counted as lost. */
void cg_emit_record(struct cg *cg, uint32_t size,
		    void (*fill)(struct cg *cg, LLVMValueRef rec, void *arg), void *arg);
/* Stores at rec + off. */
void cg_store_at(struct cg *cg, LLVMValueRef base, uint32_t off, LLVMValueRef v,
		 LLVMTypeRef ty);
LLVMValueRef cg_gep(struct cg *cg, LLVMValueRef base, LLVMValueRef off);
LLVMValueRef cg_field(struct cg *cg, LLVMValueRef base, uint32_t off);
/* The value of a helper numbered `id` called with args (BPF). */
LLVMValueRef cg_call_ptr(struct cg *cg, LLVMTypeRef ret, LLVMValueRef fnptr,
			 LLVMValueRef *args, unsigned n);
/* A call to a declared function named `name` (host runtime functions). */
LLVMValueRef cg_call_named(struct cg *cg, const char *name, LLVMTypeRef ret,
			   LLVMTypeRef *params, LLVMValueRef *args, unsigned n);
/* A new block for code after a jump, which nothing reaches but which the
 * rest of a statement list still needs somewhere to go. */
void after_jump(struct cg *cg);

/* ---- stmt.c ---- */
void gen_stmt(struct cg *cg, struct stmt *s);
/* Counts n actions at loc toward MAXACTION; they are charged to the
 * handler at a fixed point (`update`) or once ten are pending. */
void record_actions(struct cg *cg, int n, const struct loc *loc, bool update);

/* ---- codegen.c ---- */
/* Calls a script function; see codegen.c for its hidden arguments. */
LLVMValueRef cg_call_function(struct cg *cg, struct expr *call);

/* ---- expr.c ---- */
LLVMValueRef cg_expr(struct cg *cg, struct expr *e);
/* The address a variable's value lives at. */
LLVMValueRef cg_var_addr(struct cg *cg, struct sym *s);
/* a / b, truncating toward zero, for b != 0: SystemTap's _stp_div64. */
LLVMValueRef cg_sdiv(struct cg *cg, LLVMValueRef a, LLVMValueRef b);

/* ---- string.c ---- */
LLVMValueRef cg_string_literal(struct cg *cg, const char *s, size_t len);
/* Copies a string value into storage of MAXSTRINGLEN bytes. */
void cg_string_store(struct cg *cg, LLVMValueRef dst, LLVMValueRef src);
LLVMValueRef cg_string_concat(struct cg *cg, LLVMValueRef a, LLVMValueRef b);
/* strcmp's sign as an i64: <0, 0, >0. */
LLVMValueRef cg_string_compare(struct cg *cg, LLVMValueRef a, LLVMValueRef b);
/* Row `index` of a table of NUL-terminated strings of `width` bytes each;
 * `rows` is a power of two, and the index is taken modulo it. */
LLVMValueRef cg_string_table(struct cg *cg, LLVMValueRef table, uint32_t width,
			     uint32_t rows, LLVMValueRef index);

/* ---- regex.c ---- */
/* s =~ "ERE" and s !~ "ERE": 1 or 0, by the DFA in e->res. */
LLVMValueRef cg_regex_match(struct cg *cg, struct expr *e);

/* ---- array.c ---- */
/* The key of g made of the key expressions, in scratch. */
LLVMValueRef cg_array_key(struct cg *cg, int g, struct expr *keys);
LLVMValueRef cg_array_read(struct cg *cg, struct expr *e);
void cg_array_write(struct cg *cg, struct expr *e, LLVMValueRef v);
/* a[k] op= d for ++, --, += and -=: returns the old value. */
LLVMValueRef cg_array_add(struct cg *cg, struct expr *e, LLVMValueRef delta);
LLVMValueRef cg_array_in(struct cg *cg, struct expr *e);
void cg_delete(struct cg *cg, struct stmt *s);
void cg_foreach(struct cg *cg, struct stmt *s, void (*body)(struct cg *, struct stmt *));
/* Sets f's key variables from an element's key and its value variable from
 * its value. */
void cg_foreach_vars(struct cg *cg, struct foreach *f, LLVMValueRef key, LLVMValueRef value);
/* foreach_bpf.c: foreach in a BPF program, unsorted; while and for. */
void cg_foreach_bpf(struct cg *cg, struct stmt *s, void (*body)(struct cg *, struct stmt *));
void cg_loop_bpf(struct cg *cg, struct stmt *s);
/* The frame of this function's loops, made the first time; a script
 * function has its caller's (codegen.c). */
LLVMValueRef cg_loop_frame(struct cg *cg);
/* Raises "Array overflow" at loc when rc (an i64 errno) says g's map is full. */
void cg_check_overflow(struct cg *cg, LLVMValueRef rc, const struct loc *loc, int g);

/* ---- stat.c ---- */
void cg_stat_add(struct cg *cg, struct expr *e);
LLVMValueRef cg_stat_read(struct cg *cg, struct expr *e);
/* print(@hist_log(x)): a record the runtime prints the histogram for; `at`
 * is the print, where an empty statistic is reported. */
void cg_print_hist(struct cg *cg, struct expr *hist, const struct loc *at);
/* A new entry of the program's hists for the histogram expression hist,
 * whose emptiness is an error at `at`; its index. */
int cg_hist_site(struct cg *cg, struct expr *hist, const struct loc *at);

/* ---- builtin families, the hooks of builtins.h ---- */
LLVMValueRef cg_printf(struct cg *cg, struct expr *call);
LLVMValueRef cg_print(struct cg *cg, struct expr *call);
LLVMValueRef cg_exit(struct cg *cg, struct expr *call);
LLVMValueRef cg_error(struct cg *cg, struct expr *call);
LLVMValueRef cg_sprintf(struct cg *cg, struct expr *call);
/* format.c: sprintf formatted by generated code, for BPF programs. */
LLVMValueRef cg_sprintf_inline(struct cg *cg, struct expr *call);
/* %m and %M of the address v: a count, then the bytes read (output.c);
 * star the precision's value for %.*m. */
struct fmt_piece;
LLVMValueRef cg_read_memory(struct cg *cg, const struct fmt_piece *p, LLVMValueRef v,
			    LLVMValueRef star, const struct loc *loc);
/* text.c: text_str of s by generated code, for BPF programs. */
LLVMValueRef cg_text_str_inline(struct cg *cg, LLVMValueRef s);
/* text_strn(s, len, quoted) the same way. */
LLVMValueRef cg_text_strn_inline(struct cg *cg, LLVMValueRef s, LLVMValueRef len,
				 LLVMValueRef quoted);
/* n bytes of constant data (read-only), whatever MAXSTRINGLEN is. */
LLVMValueRef cg_const_bytes(struct cg *cg, const char *bytes, uint32_t n);
LLVMValueRef cg_context(struct cg *cg, struct expr *call);
LLVMValueRef cg_time(struct cg *cg, struct expr *call);
LLVMValueRef cg_arg(struct cg *cg, struct expr *call);
LLVMValueRef cg_strfunc(struct cg *cg, struct expr *call);
LLVMValueRef cg_user(struct cg *cg, struct expr *call);
LLVMValueRef cg_kernel(struct cg *cg, struct expr *call);
LLVMValueRef cg_stack(struct cg *cg, struct expr *call);

/* ---- usym.c: addresses named in the probe ---- */
/* usymname(), usymdata(), umodname(), sprint_ubacktrace(), sprint_ustack()
 * as string values; see the design note in usym.c. */
LLVMValueRef cg_usym(struct cg *cg, struct expr *call);
/* symname(), symdata() and modname() as values (ksym.c). */
LLVMValueRef cg_ksym(struct cg *cg, struct expr *call);
/* The bytes of the map usym.c keeps a call's state in, and whether it is
 * the thread's (task storage, up to USYM_STATE_THREAD_MAX bytes) or this
 * CPU's. */
#define USYM_STATE_THREAD_MAX (65535u - 1024u)
uint32_t cg_usym_state_size(struct cg *cg);
bool cg_usym_state_per_thread(struct cg *cg);
/* Whether the script calls builtin id anywhere (codegen.c). */
bool cg_script_uses(const struct script *s, enum builtin_id id);
/* share.c: per probe id, the probe whose handler it shares (itself when
 * none other's), or -1 where it is not a syscalls view's probe; the tables
 * of the values that differ go in cg->holes. */
int *cg_share_views(struct cg *cg);
/* Whether another probe shares p's handler. */
bool cg_share_leads(const struct cg *cg, const struct probe *p, const int *lead_of);
/* Literal e's value by row, if it differs in the probes sharing its
 * handler; else NULL. */
LLVMValueRef cg_share_literal(struct cg *cg, const struct expr *e);
/* ---- target_vars.c ---- */
struct tv_saves;
LLVMValueRef cg_target(struct cg *cg, struct expr *e);
void cg_target_save(struct cg *cg, const struct tv_saves *sv, LLVMValueRef buf);
/* The OUT_PRETTY argument of $var$ and the like, in scratch. */
LLVMValueRef cg_target_pretty(struct cg *cg, struct expr *e);
/* bpf.c: a .return probe's values at the entry (target.h): the entry
 * program's body, and the loading of them into cg->saved at the return. */
void cg_bpf_entry_save(struct cg *cg, const struct probe *p);
void cg_bpf_entry_load(struct cg *cg, const struct probe *p);
/* kernel_bpf.c: leaves a process.begin (and the like) program for the
 * events and processes its row does not name. */
void cg_bpf_life_filter(struct cg *cg, const struct lifecycle *l, LLVMBasicBlockRef quit);
/* kernel_bpf.c: once every handler is made, the programs that call the
 * handlers of the syscalls views' rows (made as functions of their own),
 * one on sys_enter and one on sys_exit, each row's prog_name then the
 * program's. */
void cg_bpf_view_dispatch(struct cg *cg);
/* bpf.c: whether p's handler must know which row fired (pp(), target
 * variables read differently at its rows, stacks): else every row of it
 * runs the same code. */
bool cg_handler_by_row(const struct cg *cg, const struct probe *p);
/* bpf.c: a helper call, for the parts of the BPF target in files of their
 * own; one more return the kernel did not report, in `lost`. */
LLVMValueRef cg_bpf_helper(struct cg *cg, int id, LLVMTypeRef ret, LLVMValueRef *args,
			   unsigned n);
void cg_bpf_count_missed_return(struct cg *cg);
/* returns_bpf.c: the calls whose returns are pending, per thread, as the
 * kernel counts them: which rows keep the count (before the maps are
 * made), the record's size, its push in a .return probe's entry program
 * and its pop at the return. */
void cg_rstack_owners(struct cg *cg);
uint32_t cg_rstack_value_size(void);
void cg_rstack_push(struct cg *cg, const struct tv_saves *sv);
void cg_rstack_pop(struct cg *cg, const struct probe *p, const struct tv_saves *sv);
/* The kernel's snprintf of one u64 into dst (size bytes) with the format
 * conv ("%llu", "%llx", "%llX"); returns the length with the NUL. */
/* bpf_loop: calls fn(index, NULL), a long (*)(void *, void *), up to n
 * times, until it returns 1. */
void cg_bpf_loop(struct cg *cg, uint32_t n, LLVMValueRef fn);
/* In a bpf_loop callback: the handler's scratch area, which cg_bpf_loop()
 * passes it (a callback cannot look it up itself: which area a handler has
 * is known only once the handler is done, see sleep.c). */
LLVMValueRef cg_loop_scratch(struct cg *cg);
/* Puts constant data g of `size` bytes in .rodata, described in BTF. */
void cg_bpf_rodata(struct cg *cg, LLVMValueRef g, uint64_t size);
/* BPF: the user string read of user.c, that faults the string's pages in
 * where the handler may sleep (sleep.c). */
LLVMValueRef cg_bpf_read_user_str(struct cg *cg, LLVMValueRef dst, LLVMValueRef max,
				  LLVMValueRef addr);
/* BPF: the handler's scratch area, this CPU's or, where it may sleep, its
 * thread's (sleep.c). */
LLVMValueRef cg_bpf_scratch_lookup(struct cg *cg);
/* At the end of a BPF handler: its scratch area looked up at last, and
 * its program made sleepable if it may sleep, or if one of the function
 * copies it calls (calls[i] of ncalls, as func_sleeps) does (sleep.c). */
void cg_bpf_handler_finish(struct cg *cg, const bool *calls, int ncalls);
/* The per-thread scratch map's definition, at the module's end, if a
 * handler sleeps; false when the area is too large for it. */
bool cg_bpf_tscratch_fits(uint32_t scratch);
/* bpf_for_each_map_elem over global g's map: fn(map, key, value, ctx) for
 * each element until it returns 1. */
void cg_bpf_for_each(struct cg *cg, int g, LLVMValueRef fn, LLVMValueRef ctx);
/* The next creation number of array g (array.c). */
LLVMValueRef cg_array_next_seq(struct cg *cg, int g);
/* A new element of a wrapping array of statistics gets creation number
 * seq in every CPU's part (bpf.c). */
void cg_bpf_stat_stamp(struct cg *cg, int g, LLVMValueRef key, LLVMValueRef seq);
/* bpf_loop(n, fn, ctx): fn(index, ctx) n times, or until it returns 1. */
void cg_bpf_loop_ctx(struct cg *cg, uint32_t n, LLVMValueRef fn, LLVMValueRef ctx);
/* The same with n an i32 known when it runs. */
void cg_bpf_loop_n(struct cg *cg, LLVMValueRef n, LLVMValueRef fn, LLVMValueRef ctx);
/* matched(), matched_str(), ngroups() (regex_sub.c): the last-match area
 * at the start of scratch (0 bytes when the script calls none of them),
 * forgotten where a handler begins, and kept by each =~ (hit: whether its
 * automaton matched s). */
struct regex;
uint32_t cg_last_match_size(const struct cg *cg);
void cg_regex_forget(struct cg *cg);
void cg_regex_record(struct cg *cg, const struct regex *re, LLVMValueRef s, LLVMValueRef hit);
LLVMValueRef cg_matched(struct cg *cg, struct expr *call);
/* @perf("NAME") (bpf.c). */
LLVMValueRef cg_perf(struct cg *cg, struct expr *call);
LLVMValueRef cg_bpf_snprintf(struct cg *cg, LLVMValueRef dst, uint32_t size, const char *conv,
			     LLVMValueRef v);
/* ---- stat.c: a histogram's buckets ---- */
/* @hist_log(x)[i]: SystemTap's errors for an empty statistic and an index
 * out of range. */
LLVMValueRef cg_hist_bucket(struct cg *cg, struct expr *e);
/* sprint(@hist_log(x)): the text print draws, in a host probe. */
LLVMValueRef cg_sprint_hist(struct cg *cg, struct expr *hist, const struct loc *at);
/* foreach (b in @hist_log(x)): every bucket number in order, a loop of the
 * handler itself (BPF too: its length is known). */
void cg_foreach_hist(struct cg *cg, struct stmt *st, void (*body)(struct cg *, struct stmt *));

/* ---- entry.c: @entry ---- */
/* The 8-byte words the @entry expressions of p take, a long one, a string
 * MAXSTRINGLEN bytes; each @entry's num is its first. */
int cg_entry_count(const struct cg *cg, const struct probe *p);
/* In p's entry program: each @entry's value into its slot of buf, after
 * the target variables' slots of sv. */
void cg_entry_eval(struct cg *cg, const struct probe *p, const struct tv_saves *sv,
		   LLVMValueRef buf);
/* In the .return handler: the value saved at the entry. */
LLVMValueRef cg_entry_value(struct cg *cg, struct expr *e);
void cg_bpf_snprintf_n(struct cg *cg, LLVMValueRef dst, uint32_t size, const char *fmt,
		       LLVMValueRef *longs, int n);

/* The 8 bytes at offset off of the probe's struct pt_regs (BPF). */
LLVMValueRef cg_load_reg(struct cg *cg, uint32_t off);
/* llvm.ctlz.i64 of v: its leading zero bits, 64 for 0. */
LLVMValueRef cg_ctlz(struct cg *cg, LLVMValueRef v);
LLVMValueRef cg_opaque(struct cg *cg, LLVMValueRef v);
/* Flags without branches (format.c).  A comparison in BPF is a branch,
 * and the verifier follows both ways of every branch whose outcome it
 * knows nothing of; where the outcomes then feed other tests, their count
 * doubles with each.  These give 0 or 1 as arithmetic on values LLVM
 * cannot see into, so that it makes no branch of them either.
 *   cg_nonzero  1 when v, in [0, 2^63), is not 0
 *   cg_below    1 when a < b, both in [0, 2^62)
 *   cg_choose   a when flag (0 or 1) is 1, else b */
LLVMValueRef cg_nonzero(struct cg *cg, LLVMValueRef v);
LLVMValueRef cg_below(struct cg *cg, LLVMValueRef a, LLVMValueRef b);
LLVMValueRef cg_choose(struct cg *cg, LLVMValueRef flag, LLVMValueRef a, LLVMValueRef b);
LLVMValueRef cg_put_hex(struct cg *cg, LLVMValueRef out, LLVMValueRef mask, LLVMValueRef pos,
			LLVMValueRef v);
LLVMValueRef cg_row_string(struct cg *cg, int row);
LLVMValueRef cg_no_user_stack(struct cg *cg, bool named);
/* The user stack a printed stack carries for unwinding by CFI (stack.c):
 * the bytes to copy here, 0 where the stack is walked by frame pointers
 * only; cg_fill_uregs writes the struct out_uregs and the copy at dst. */
uint32_t cg_ustack_bytes(struct cg *cg);
void cg_fill_uregs(struct cg *cg, LLVMValueRef dst, uint32_t bytes);
/* print_ustack(stk) and print_usyms(stk): print(sprint_ustack(stk)), or
 * for stk ubacktrace() itself the stack in a record (OUT_USTACK). */
void cg_print_ustack(struct cg *cg, struct expr *call);
/* sprint_backtrace() and its kin: a kernel stack. */
bool cg_is_kernel_stack(const struct expr *e);
/* Printed, sprint_ubacktrace() and usymname() are text the runtime makes
 * from what the probe saw (the traced process's memory map, which only the
 * runtime reads).  The record carries what they need instead, as an
 * argument of this kind; -1 for any other expression. */
int cg_deferred_kind(const struct expr *e);
/* The bytes of that argument, out_arg_size(kind) of them, in scratch. */
LLVMValueRef cg_deferred_value(struct cg *cg, struct expr *e);
/* print_ubacktrace() (output.c). */
void cg_print_backtrace(struct cg *cg, struct expr *call);

/* ---- the driver's entry ---- */
/* Generates the module for target t holding the probes whose home is
 * `home`; returns 0 or -1 after diagnostics. */
int cg_module(struct cg *cg, const struct cg_target *t, unsigned home);
/* Adds a site to the program's tables and returns its index. */
int cg_add_error_site(struct cg *cg, const struct loc *loc, const char *msg);
struct format_site *cg_add_format(struct cg *cg, int *index);

#endif
