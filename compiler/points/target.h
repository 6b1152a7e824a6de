/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target.h — target variables: $arg1 and $$name in .mark probes, $name,
 * $p->field and $$parms in .function probes.
 *
 * A handler runs for every row of its probe (every function a wildcard
 * matched, every site of a USDT name), and a target variable can live in a
 * different place at each: resolution (target.c) works out, for each row,
 * how its value is read from the probe's registers and the program's
 * memory — a `struct tv_read` — and code generation
 * (codegen/target_vars.c) reads it, choosing by the row's cookie when the
 * rows differ.
 *
 * A read starts from a root:
 *   TV_ROOT_CONST  v = value
 *   TV_ROOT_REG    v = the 8 bytes at offset `reg` of struct pt_regs (of
 *                  the arguments, 8 bytes each, at a raw tracepoint),
 *                  shifted right by `shift` (8 for %ah)
 *   TV_ROOT_ADDR   v = value + regs[base] + regs[index] * scale, each
 *                  register left out when its offset is -1: an address
 * and applies its ops in order.  Its type (check/infer.c) comes from the
 * syntax alone, as in SystemTap: $$name, $$parms and $x$ are strings,
 * everything else is a long. */
#ifndef USCRIPT_TARGET_H
#define USCRIPT_TARGET_H

#include <stdbool.h>
#include <stdint.h>

#include "parse/ast.h"
#include "program.h"

struct attach_table;

enum tv_opcode {
	TV_OP_EXTEND,   /* v = the low `size` bytes of v, sign- or zero-extended */
	TV_OP_ADD,      /* v += n */
	TV_OP_INDEX,    /* v += the value of index `slot` (the expression's
			 * slot-th run-time [expr]) * n */
	TV_OP_LOAD,     /* v = the `size` bytes at address v, extended; a fault
			 * is 0 (`or_zero`) or the runtime error "read fault" */
	TV_OP_BITS,     /* v = bits [shift, shift + width) of v, extended */
	TV_OP_FP32,     /* v = the bits of the double equal to the float in the
			 * low 4 bytes of v */
};

struct tv_op {
	enum tv_opcode code;
	uint8_t size;
	bool is_signed;
	bool or_zero;
	int group;               /* LOAD in a TV_PRETTY: a fault sets this bit */
	uint8_t shift, width;
	int slot;
	int64_t n;
	bool kernel;             /* LOAD: of kernel memory, not the process's */
};

/* TV_ROOT_NONE: no value (text only, in a TV_HEX_LIST).  TV_ROOT_SAVED:
 * slot `value` of what the probe's entry program saved (below).
 * TV_ROOT_LIB: value + the load bias of the library whose dynamic section
 * is at link-time address lib_dyn, in the process the probe hit: found in
 * the dynamic linker's list of what it loaded, through the program's
 * DT_DEBUG entry, which is at regs[reg] + debug_rel. */
enum tv_root { TV_ROOT_CONST, TV_ROOT_REG, TV_ROOT_ADDR, TV_ROOT_NONE, TV_ROOT_SAVED,
	       TV_ROOT_LIB };

/* A number: a root, then ops. */
struct tv_num {
	enum tv_root root;
	int64_t value;
	int16_t reg, index;      /* pt_regs offsets; -1: none */
	uint8_t shift, scale;
	int64_t debug_rel, lib_dyn;   /* TV_ROOT_LIB, and the library's path: */
	const char *lib_path;
	const struct tv_op *ops;
	int nops;
};

enum tv_kind {
	TV_NUM,         /* a long: `num` */
	TV_STR,         /* a string known when compiling: `str` */
	TV_HEX_LIST,    /* "text%#x text%#x": texts[i] then nums[i] in hex, each
			 * (nothing for a TV_ROOT_NONE) */
	TV_PRETTY,      /* $var$ and the like: `plan`, its pieces' values nums[i]
			 * (program.h, OUT_PRETTY); printed only */
};

struct tv_read {
	enum tv_kind kind;
	struct tv_num num;
	const char *str;
	const char *const *texts;
	const struct tv_num *nums;
	int n;
	const struct pretty_plan *plan;
	uint32_t size;           /* TV_PRETTY: the bytes of its argument */
};

/* What a target expression reads at each row of its probe; expr->res. */
struct tv_expr {
	int nrows;               /* the probe's uprobe rows */
	const int *rows;         /* their indexes, nrows of them */
	const struct tv_read *reads;  /* one per row */
	bool varies;             /* not the same read at every row */
	const struct pretty_arg *pretty;   /* TV_PRETTY: the runtime's plans */
	/* Per row, the type by DWARF of the value read, NULL where it has
	 * none, and whether the value is where one of that type is (an
	 * array, '&'): what autocast reads its members by. */
	const struct dwi_type **types;
	bool *addrs;
};

/* In a .return probe, a target variable other than $return is its value
 * at the function's entry, as in SystemTap.  So a probe with such rows
 * has an entry program too ("probe_N_entry"), attached as a uprobe at
 * each .return row's function with that row's index as its cookie: it
 * reads slot s as reads[i][s] for rows[i], and saves the slots in the map
 * PROG_MAP_ENTRY under the thread, the probe and the stack pointer, which
 * at the return is 8 more (the return address popped).  A frame that a
 * longjmp skips leaves its slots behind, for the LRU map to drop. */
struct tv_saves {
	int nslots;
	int nrows;
	const int *rows;                  /* the .return rows */
	const struct tv_num *const *reads;   /* [row][slot] */
	const struct loc *const *locs;       /* [slot]: the expression's place */
};

/* Works out every target expression of every probe handler, for each row
 * of its probe.  A row where one cannot be read is an error at the
 * expression, naming the probe point.  Returns 0, or -1 after errors.
 * rows_vary[probe id] is set for a probe whose handler must know its row. */
int targets_resolve(struct script *s, struct attach_table *t, bool *rows_vary);

/* The saves of probe `id`, or NULL if it has none. */
const struct tv_saves *target_saves(const struct attach_table *t, int id);

/* The argument a pretty-printed target expression sends (OUT_PRETTY), or
 * NULL for others. */
const struct pretty_arg *target_pretty(const struct expr *e);

/* What -L prints after row's probe point: " $arg1:long $arg2:long" at a
 * USDT site, as SystemTap lists them; "" where there are none. */
const char *target_listing(struct attach_table *t, int row);

#endif
