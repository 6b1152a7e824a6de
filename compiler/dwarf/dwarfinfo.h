/* SPDX-License-Identifier: GPL-2.0-or-later */
/* compiler/dwarf/ reads the DWARF of program files: functions, their
 * variables and types, and where the ABI puts their arguments
 * (dwarfinfo.h); it uses only the arena of parse/.
 *
 * dwarfinfo.h — what uscript needs from a file's DWARF (libdw): functions
 * and their parameters, a model of C and C++ types, where a function's
 * arguments are at its first instruction (System V x86-64), and the exact
 * layouts SystemTap prints for $$parms, $$locals, $$return and $var$.
 *
 * A function probe sits on the function's first instruction and reads its
 * arguments from the ABI's registers and stack there, not from DWARF
 * locations (at -O0 the frame slots the locations name are not yet
 * written).  So this module says, per parameter, which integer register or
 * stack slot holds it (dwi_var.abi), and never evaluates DWARF location
 * expressions for values.
 *
 * Everything returned lives as long as the struct dwi and is built on first
 * use: opening reads no DIE, a lookup by address reads the units' root
 * DIEs and indexes only the unit it needs, and a name match or a listing
 * indexes every unit once.  A handle is for one thread.  Odd or corrupt
 * DWARF gives missing answers, never a crash.  Messages meant for the
 * user fill a struct dwi_error with a sentence to follow the probe point:
 * `no parameter 'x' in f: parameters are a, b`. */
#ifndef USCRIPT_DWARFINFO_H
#define USCRIPT_DWARFINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct dwi;

struct dwi_error {
	char msg[320];
};

/* ---- The file ---- */

/* The DWARF of the ELF file at path, or NULL if it has none.  When the
 * file itself has no .debug_info, its separate debug file is used if one is
 * installed, looked for along SystemTap's SYSTEMTAP_DEBUGINFO_PATH
 * (default "+:.debug:/usr/lib/debug"): first ROOT/.build-id/NN/REST.debug
 * by its build id under each absolute entry, then its .gnu_debuglink name
 * in each entry's place (empty: the file's directory; relative: a
 * subdirectory of it; absolute: ROOT followed by the file's directory).
 * A candidate with another build id is passed over.  A separate file's
 * addresses are the file's own addresses. */
struct dwi *dwi_open(const char *path);
/* The same, saying why there is none: "no debug info in PATH", or that
 * PATH cannot be opened.  err may be NULL. */
struct dwi *dwi_open_err(const char *path, struct dwi_error *err);
void dwi_close(struct dwi *d);
/* The file the DWARF was read from: the path given, or its debug file. */
const char *dwi_debug_path(const struct dwi *d);

/* ---- Types ----
 *
 * A dwi_type is a type as a declaration spells it.  Its kind, size and
 * signedness are those of what it names once typedefs and const, volatile,
 * restrict and _Atomic are looked through; its name keeps the spelling.
 * Two declarations of the same DIE give the same pointer. */
enum dwi_kind {
	DWI_VOID,       /* void, and what void * points to */
	DWI_INT,        /* an integer: size 1, 2, 4, 8 or 16 (__int128) */
	DWI_CHAR,       /* char, signed/unsigned char, char8/16/32_t: DW_ATE_*char, DW_ATE_UTF */
	DWI_BOOL,
	DWI_ENUM,       /* size and sign from the underlying type */
	DWI_FLOAT,      /* float, double, long double, _Float128, complex */
	DWI_POINTER,    /* target: what it points to (a DWI_VOID for void *) */
	DWI_REFERENCE,  /* C++ & and &&: a pointer as far as the ABI goes */
	DWI_ARRAY,      /* target: the element; int a[2][3] is one array of 6 ints,
			 * as SystemTap indexes it ($a[4] is a[1][1]) */
	DWI_STRUCT,     /* struct, union or class: see `tag` */
	DWI_FUNCTION,   /* a function type; a function pointer is a pointer to it */
	DWI_OTHER,      /* decltype(nullptr), pointer to member, anything else */
};

enum dwi_tag { DWI_TAG_STRUCT, DWI_TAG_UNION, DWI_TAG_CLASS };

struct dwi_type {
	enum dwi_kind kind;
	/* As SystemTap's -L writes it (dwarf_type_name() in its
	 * dwarf_wrappers.cxx): "int", "char const*", "char* const",
	 * "struct outer*", "struct {...}", "enum color", "class ns::Klass"
	 * is written "class Klass", "int[]", "int (*) (int, char*)",
	 * "va_list", "int&".  NULL where SystemTap cannot name it (_Atomic,
	 * decltype(nullptr), pointers to members): -L then leaves the
	 * variable out. */
	const char *name;
	uint64_t size;       /* bytes; 0 when unknown (void, function, incomplete) */
	bool is_signed;      /* INT, CHAR, ENUM: sign- or zero-extension */
	enum dwi_tag tag;    /* STRUCT */
	bool incomplete;     /* STRUCT declared but defined nowhere in the file */
	bool is_const, is_volatile, is_atomic;  /* qualifiers on the way to it */
	uint64_t count;      /* ARRAY: elements; 0 when unknown (int a[], flexible) */
	bool count_known;
	unsigned encoding;   /* DW_ATE_* of a base type, 0 for others */
};

/* POINTER, REFERENCE, ARRAY: the pointee or element; FUNCTION: the return
 * type; ENUM: the underlying type if the DWARF names one.  NULL otherwise
 * (void as the target of a pointer is a DWI_VOID, not NULL). */
const struct dwi_type *dwi_type_target(const struct dwi_type *t);

struct dwi_member {
	const char *name;            /* NULL: an anonymous struct or union */
	const struct dwi_type *type;
	uint64_t offset;             /* bytes from the start of the containing struct */
	/* Bit-fields: offset is the storage unit SystemTap reads, the size
	 * of the member's type, aligned down to that size; the field is bits
	 * [bit_shift, bit_shift + bit_size) of it, least significant first.
	 * bit_offset is the field's first bit counted from the start of the
	 * struct. */
	bool is_bitfield;
	unsigned bit_shift, bit_size;
	uint64_t bit_offset;
	bool is_base;                /* a C++ base class subobject (DW_TAG_inheritance) */
	bool is_virtual_base;        /* its offset is not constant: unreadable */
};

/* The data members of a STRUCT in declaration order, C++ base classes
 * first where the DWARF puts them; static members are not listed.
 * Anonymous structs and unions are one member with a NULL name.  NULL
 * with *n 0 for other kinds and incomplete types. */
const struct dwi_member *dwi_type_members(const struct dwi_type *t, size_t *n);

/* Finds member `name` the way SystemTap does (dwflpp::find_struct_member):
 * breadth first through base classes, and into anonymous structs and
 * unions; *offset is the member's offset from the start of t, through
 * every level.  Members of virtual bases are not found (their place is
 * computed at run time).  NULL if there is none; err (may be NULL) then
 * says so and lists some members, sorted: "no member 'q' in struct outer:
 * members are af, ai, arr, ...".  dwi_access() says it as SystemTap. */
const struct dwi_member *dwi_type_member(const struct dwi_type *t, const char *name,
					 uint64_t *offset, struct dwi_error *err);

struct dwi_enumerator {
	const char *name;
	int64_t value;   /* as unsigned when the enum is unsigned */
};
/* An ENUM's enumerators (SystemTap prints enum values as numbers). */
const struct dwi_enumerator *dwi_type_enumerators(const struct dwi_type *t, size_t *n);

/* ---- Where an argument is at the function's first instruction ----
 *
 * The System V x86-64 calling convention, applied to the whole parameter
 * list: integer-class words take rdi rsi rdx rcx r8 r9 in turn, float
 * and double take xmm0-7, and what does not fit, or is too big, goes on
 * the stack in order; a struct returned in memory takes rdi for its
 * address first; a C++ class that is not trivially copyable is passed as
 * a pointer to a copy.  Compiler clones (is_clone) and inlined copies
 * follow no convention: their parameters are UNSUPPORTED. */
enum dwi_abi_kind {
	DWI_ABI_REG,      /* a scalar in an integer register: abi.reg */
	DWI_ABI_STACK,    /* a scalar in a stack slot: abi.stack */
	DWI_ABI_BYREF,    /* a C++ class passed as a pointer (in abi.reg or abi.stack) */
	DWI_ABI_MEMORY,   /* an aggregate copied to the stack at abi.stack; for
			   * a return value (stack -1), rax holds its address */
	DWI_ABI_UNSUPPORTED,  /* see abi.why */
};

struct dwi_abi {
	enum dwi_abi_kind kind;
	int reg;          /* 0..5: rdi rsi rdx rcx r8 r9; -1 when on the stack */
	int stack;        /* bytes above the stack pointer at the first instruction
			   * (8 for the first stack argument, above the return
			   * address); -1 when in a register */
	uint8_t size;     /* REG, STACK: bytes of the value, extended by type->is_signed */
	/* UNSUPPORTED: a phrase for "PARAM is %s": "a struct passed in
	 * registers" (union, class), "an empty struct, which is not passed
	 * at all", "a floating-point value", "a long double", "an __int128",
	 * "a _Complex value", "not where the ABI puts it: the compiler
	 * changed this function's parameters", "in an inlined copy, not
	 * where the ABI puts it", "of an unknown type", "of a type uscript
	 * cannot read" (pointers to members, nullptr_t); for $return also
	 * "void" and "a struct returned in registers". */
	const char *why;
};

/* ---- Functions ---- */

struct dwi_var {
	const char *name;              /* NULL for an unnamed parameter */
	const struct dwi_type *type;   /* NULL if the DWARF gives none */
	bool is_param;
	bool artificial;               /* C++ `this` (parameter 0), and other compiler-made ones */
	/* Whether SystemTap's -L would list it at the probe's address: it has
	 * a name, a type SystemTap can name, and a DWARF location valid at the
	 * entry (or a constant value). */
	bool listed;
	struct dwi_abi abi;            /* parameters of functions (not inlined copies) */
	/* A local with one fixed place (static, or a namespace's variable):
	 * its link-time address, readable at any time; 0 for others. */
	uint64_t addr;
};

struct dwi_func {
	const char *name;          /* DW_AT_name: "method", "~Klass", "twice<int>" */
	const char *qualified;     /* "ns::Klass::method"; the name in C */
	const char *linkage;       /* "_ZN2ns5Klass6methodEi"; NULL in C */
	/* The enclosing namespaces, classes and structs, outermost first, as
	 * SystemTap matches "ns::Klass::method" (NULL for an anonymous one). */
	const char *const *scopes;
	int nscopes;
	const char *decl_file;     /* as the line table names it; may be NULL */
	int decl_line;             /* 0 when unknown */
	uint64_t entry;            /* where its code starts; 0 if it has none */
	bool is_inline;            /* DW_AT_inline: only inlined copies, or the
				    * abstract form of an out-of-line copy */
	bool is_external;
	bool noreturn;             /* DW_AT_noreturn: declared never to return */
	bool is_clone;             /* a compiler clone (foo.isra.0, .constprop.0,
				    * clang's .specialized.1 or DW_CC_nocall):
				    * parameters missing, reordered or constant */
	bool variadic;             /* ends in ... */
};

/* The function whose code starts at vaddr (a symbol's st_value: DWARF
 * addresses are link-time addresses, PIE or not), or NULL. */
const struct dwi_func *dwi_func_at(struct dwi *d, uint64_t vaddr);

/* Its parameters in order (`this` first for C++ methods), with where the
 * ABI puts each.  An abstract inline function's parameters have abi kind
 * UNSUPPORTED ("in an inlined copy ..."). */
const struct dwi_var *dwi_func_params(const struct dwi_func *f, size_t *n);
/* The variables SystemTap's $$locals and -L name: those declared at the
 * function's top level, then those of enclosing scopes below the
 * compilation unit (a namespace's variables, for a function whose DIE is
 * in the namespace's, as clang writes them).  At the first instruction
 * only those with an addr (statics) are readable. */
const struct dwi_var *dwi_func_locals(const struct dwi_func *f, size_t *n);
/* The return type, or NULL for void. */
const struct dwi_type *dwi_func_return(const struct dwi_func *f);
/* Where $return is in a .return probe: DWI_ABI_REG with reg -1 means rax
 * (size and sign from the type); DWI_ABI_MEMORY with reg and stack -1: a
 * struct returned in memory, whose address is in rax; UNSUPPORTED with
 * a why otherwise ("void", "a struct returned in registers", "a
 * floating-point value", ...). */
struct dwi_abi dwi_func_return_abi(const struct dwi_func *f);

/* The parameter named `name`, or NULL; err (may be NULL) then says
 * "no parameter 'x' in f: parameters are a, b" (or "no parameter 'x' in
 * f: it has no parameters"). */
const struct dwi_var *dwi_func_param(const struct dwi_func *f, const char *name,
				     struct dwi_error *err);

/* The global or static variable `name` with a fixed address (its addr),
 * defined in the unit for source `file` ("file.c" matches ".../file.c";
 * a pattern "f*.c" the units it matches; of several, the first with the
 * shortest name, as SystemTap's @var takes it), or in any unit when file
 * is NULL: the first found.  NULL with err saying so when there is none. */
const struct dwi_var *dwi_global(struct dwi *d, const char *name, const char *file,
				 struct dwi_error *err);

/* ---- A variable at an address inside its function ---- */

enum { DWI_REG_LINK = -1 };

/* Where a variable is at one address: the value of DWARF register `reg`
 * (x86-64: 0 rax, 1 rdx, 2 rcx, 3 rbx, 4 rsi, 5 rdi, 6 rbp, 7 rsp, 8-15
 * r8-r15, 16 rip), or with in_memory the memory at reg + offset, or at
 * the link-time address `offset` for DWI_REG_LINK. */
struct dwi_place {
	bool in_memory;
	bool is_sum;     /* the value is reg + offset (DW_OP_bregN; DW_OP_stack_value) */
	bool is_const;   /* the value is offset */
	int reg;
	int64_t offset;
	const struct dwi_type *type;   /* NULL if the DWARF gives none */
	const char *func;              /* the function the address is in, or NULL */
};

/* The variable or parameter `name` that the scopes around link-time
 * address pc see (a USDT site's), innermost first: its DWARF location at
 * pc, when it is a register, a register plus an offset, a static address,
 * or the frame base plus an offset, the frame base being a register or
 * the canonical frame address of the call-frame information.  Returns 0,
 * -ENOENT when no such variable is in scope there, or -1 with err saying
 * why ("... optimized it out there"). */
int dwi_var_at(struct dwi *d, uint64_t pc, const char *name, struct dwi_place *out,
	       struct dwi_error *err);

/* What `stap -L` prints after the probe point for this function:
 * " $a:int $b:char*" — parameters and locals in DWARF order, those with
 * `listed`, each "name:type" once; with_return puts "$return:TYPE"
 * first (when not void), as for .return probes.  "" if none. */
const char *dwi_func_listing(const struct dwi_func *f, bool with_return);

/* ---- Probe sites for .function("PATTERN") ---- */

struct dwi_site {
	const struct dwi_func *func;    /* the function; for an inlined copy, the one inlined */
	uint64_t entry;                 /* where the probe goes */
	const struct dwi_func *caller;  /* an inlined copy: the function whose code holds it */
	/* The name for pp(), as SystemTap prints it: the DWARF name with the
	 * scopes the pattern named ("Klass::method" for "Klass::*") */
	const char *name;
	const void *priv;               /* this module's */
};

enum {
	DWI_MATCH_INLINES = 1,   /* also inlined copies (.function; not .call or .return) */
};

/* The functions that .function(PATTERN) names, as SystemTap finds them
 * (tapsets.cxx: query_dwarf_func, dwflpp::function_scope_matches):
 * PATTERN is NAME, or SCOPE::...::NAME (split at the last "::") whose
 * scopes must match the innermost enclosing namespaces or classes, the
 * global scope and anonymous namespaces being ""; NAME and the scopes
 * may be fnmatch() patterns, so '*' stays within one scope; a pattern
 * starting with "_Z" is matched against linkage names.  Functions
 * without code, copies sharing an entry with one already found, and the
 * split-off tails of partly inlined functions (symbols foo.part.N) are
 * left out.  Inlined copies are also found inside functions defined in
 * namespaces, which SystemTap's walk misses.  A file-and-line suffix
 * ("@file.c:12") is the caller's to strip and check against decl_file
 * and decl_line.  Writes a malloc'ed array (free() it) to *out and
 * returns how many. */
int dwi_match(struct dwi *d, const char *pattern, unsigned flags,
	      struct dwi_site **out);

/* Every function with code, and every inlined copy, for -l and -L: like
 * dwi_match(d, "*", DWI_MATCH_INLINES, out) without the name check. */
int dwi_functions(struct dwi *d, struct dwi_site **out);

/* Whether the compiler may have inlined copies of f elsewhere: its DWARF
 * (or that of the abstract form it is a copy of) says it was inlined.
 * Cheap: no other unit is read, so a caller can skip a dwi_match() for
 * inlined copies when it says no. */
bool dwi_func_inlined(const struct dwi_func *f);

/* Where f's inlined copies start, with the function holding each, in
 * DWARF order; for an f with is_inline.  *n 0 if none. */
const struct dwi_site *dwi_inlines(struct dwi *d, const struct dwi_func *f, size_t *n);

/* The variables in scope at a site's entry: for an inlined copy, its own
 * and those of its blocks there, read where DWARF puts them (scope.c). */
struct dwi_scope;
const struct dwi_scope *dwi_site_scope(struct dwi *d, const struct dwi_site *s);

/* dwi_func_listing() for a site; for an inlined copy, its own variables
 * with a location at its entry, then those of the scopes around the
 * function inlined (SystemTap's getscopes()); no $return. */
const char *dwi_site_listing(const struct dwi_site *s, bool with_return);

/* The declaration of the function whose code starts at vaddr: its file as
 * the line table names it, and its line.  The file name lives as long as
 * d.  (dwi_func_at() gives the same and more.) */
bool dwi_function_decl(struct dwi *d, uint64_t vaddr, const char **file, int *line);

/* ---- Source lines for .statement("FUNC@FILE:LINE") (lines.c) ---- */

enum dwi_lines_kind {
	DWI_LINES_ONE,       /* ":N": lines[0] */
	DWI_LINES_RELATIVE,  /* "+N": lines[0] lines below each function's declaration */
	DWI_LINES_LIST,      /* ":N-M,K": the lines listed, sorted */
	DWI_LINES_ALL,       /* ":*": every line of each function */
};

struct dwi_linespec {
	enum dwi_lines_kind kind;
	const int *lines;
	size_t n;
	/* .nearest: a line without code is the nearest one with some,
	 * within 5 lines (the later of two as near), as in SystemTap */
	bool nearest;
};

/* One place to probe: a line's lowest address in one function or inlined
 * copy whose code has it. */
struct dwi_line {
	struct dwi_site site;   /* the function, or inlined copy, holding it */
	const char *file;       /* as the line table names it */
	int line;
	uint64_t addr;
	/* addr is the entry of the function: "f@FILE:N" where N is f's
	 * declaration names f itself, as in SystemTap, and a line may start
	 * there.  Its parameters are read by the ABI, as for .function. */
	bool whole_function;
	const char *label;      /* dwi_labels(): the label's name */
	/* dwi_labels(): the variables in the label's scope, as its DIE is
	 * nested, which an optimised program's ranges may not say by its
	 * address; NULL: dwi_scope_at(addr) */
	const struct dwi_scope *scope;
};

/* Whether `file` (as the line table names it) matches the source file
 * pattern `pat` as SystemTap matches "@FILE": as it is, or as the last
 * components of the path. */
bool dwi_file_matches(const char *pat, const char *file);

/* The places of `spec` in the functions `func` names (a dwi_match()
 * pattern) that are declared in a file matching `file` (an fnmatch()
 * pattern, matched as it is or as the last components of the path), one
 * per address.  Writes a malloc'ed array to *out and returns how many; -1
 * with err saying why none: "no source file matches 'x.c' in the debug
 * information of PATH", "no function named 'f' in a source file matching
 * 'x.c' in PATH", "no code at /src/x.c:12 (the nearest lines with code
 * are 11 and 14)". */
int dwi_lines(struct dwi *d, const char *func, const char *file,
	      const struct dwi_linespec *spec, struct dwi_line **out, struct dwi_error *err);

/* The C labels (DW_TAG_label with an address) matching the fnmatch()
 * pattern `label` in the functions, and inlined copies, that `func` names,
 * as SystemTap's .function(FUNC).label(LABEL) finds them: in the
 * function's blocks, not in functions nested or inlined in it.  `file`,
 * if not NULL, keeps only the functions declared in a file matching it;
 * line, if not 0, only the labels declared on that line.  `line` of each
 * is the label's declaration.  Writes a malloc'ed array to *out (free()
 * it) and returns how many; -1 with err saying why none ("no function
 * named 'f' in PATH", "no label matches 'L*' in the functions 'f'
 * names"). */
int dwi_labels(struct dwi *d, const char *func, const char *file, int line,
	       const char *label, struct dwi_line **out, struct dwi_error *err);

/* ---- Variables at an address inside a function (scope.c) ---- */

struct dwi_scope {
	uint64_t pc;
	const char *name;              /* the function (or inlined copy) holding pc */
	/* The variables and parameters in scope at pc, innermost block
	 * first, each name once (the innermost hides the others). */
	const struct dwi_var *vars;
	size_t n;
	void *priv;
};

/* The scope at pc (a link-time address), or NULL where the DWARF has no
 * function there.  Lives as long as d. */
const struct dwi_scope *dwi_scope_at(struct dwi *d, uint64_t pc);
/* What -L prints for a probe in scope s: " $i:int $p:char*", the
 * variables with a location at its address. */
const char *dwi_scope_listing(const struct dwi_scope *s);

enum dwi_loc_kind {
	DWI_LOC_REG,     /* the value is in DWARF register `reg` */
	DWI_LOC_MEM,     /* the variable is at DWARF register `reg` + offset */
	DWI_LOC_STATIC,  /* the variable is at link-time address `addr` */
	DWI_LOC_CONST,   /* its value is `value` */
	DWI_LOC_NONE,    /* it cannot be read: `why`, a phrase for "it is %s" */
};

struct dwi_loc {
	enum dwi_loc_kind kind;
	int reg;         /* x86-64 DWARF numbering: 0 rax, 1 rdx, 2 rcx, 3 rbx,
			  * 4 rsi, 5 rdi, 6 rbp, 7 rsp, 8-15 r8-r15 */
	int64_t offset;
	uint64_t addr;
	int64_t value;
	const char *why;
};

/* Where variable i of s is at s->pc. */
struct dwi_loc dwi_scope_loc(const struct dwi_scope *s, size_t i);

/* ---- Reading a target expression: $p->a[2].b ----
 *
 * dwi_access() turns a variable and the components after it into
 * operations on one 64-bit value v, the way SystemTap's
 * dwflpp::translate_components and translate_final_fetch_or_store do.
 * v starts as the variable's value (`root_is_address` false: a REG or
 * STACK parameter's 8 bytes, not yet extended; rax for $return), or as
 * its address (true: DWI_ABI_MEMORY's rsp + stack, DWI_ABI_BYREF's
 * pointer, a return's rax for MEMORY, a local's addr plus the load
 * bias).  Member access goes through any number of pointers and
 * references; [N] indexes arrays and pointers by the element type's
 * size.  As in SystemTap, a reference reads as the address it holds, a
 * pointer to a scalar as the pointer ($p is not *$p), enums zero-extend
 * whatever their sign, and a multi-dimensional array is one flat array. */
enum dwi_opcode {
	DWI_OP_EXTEND,  /* v = the low `size` bytes of v, sign- or zero-extended */
	DWI_OP_ADD,     /* v += n */
	DWI_OP_INDEX,   /* v += index[slot] * n: a run-time array index */
	DWI_OP_LOAD,    /* v = the `size` bytes at address v, extended; may fault */
	DWI_OP_BITS,    /* v = bits [shift, shift + width) of v, extended */
	DWI_OP_FP32,    /* v = the bits of the double equal to the float in v's
			 * low 4 bytes (SystemTap's fp32_to_fp64) */
};

struct dwi_op {
	enum dwi_opcode code;
	uint8_t size;       /* EXTEND, LOAD: 1, 2, 4 or 8 */
	bool is_signed;     /* EXTEND, LOAD, BITS */
	uint8_t shift, width;  /* BITS */
	int slot;           /* INDEX: which run-time index (0 for the first [expr]) */
	int64_t n;          /* ADD: bytes; INDEX: the element size */
};

#define DWI_MAX_OPS 64

struct dwi_access {
	struct dwi_op ops[DWI_MAX_OPS];
	int nops;
	/* The type of the result.  A POINTER, REFERENCE or scalar: v is its
	 * value.  An ARRAY: v is its address (SystemTap's value for an array,
	 * and what a char array prints as a string from).  FLOAT: v is its
	 * bits (SystemTap turns a 4-byte float into a double's bits). */
	const struct dwi_type *type;
	bool is_address;    /* v is an address (arrays), not a value */
};

/* One component after the variable: ->name or .name (they are the same
 * to SystemTap), [N], or [expr] (runtime: the next index slot). */
struct dwi_comp {
	const char *member;   /* NULL for an index */
	int64_t index;        /* [N] */
	bool runtime;         /* [expr] */
	const char *text;     /* [expr]: the expression as written, for messages */
};

/* Returns 0, or -1 with err saying why in SystemTap's words:
 * "unable to find member 'q' for struct node (alternatives: value, next)"
 * (all members, nearest first by its levenshtein()), "'struct inner'
 * (/src/t.h:18) is being accessed instead of a member such as '->name'",
 * "invalid access '->x' vs 'void*'", "invalid access '[0]' vs. int",
 * "invalid access '->x' for array type", "invalid access '[0]' for struct
 * inner", "unresolved struct fwd", "confused about array element size",
 * "cannot process >64-bit values", "unsupported type tag 71 for
 * <unknown>" (_Atomic), "no location for field 'count'", and uscript's
 * own "cannot read 'vb': it is in a virtual base class". */
int dwi_access(const struct dwi_type *var_type, bool root_is_address,
	       const struct dwi_comp *comps, size_t ncomps,
	       struct dwi_access *out, struct dwi_error *err);

/* dwi_access() for @cast and &: `levels` >= 0 says var_type is the type
 * an @cast names, followed by that many '*' ("struct foo **" is struct
 * foo and 2), v starting as the address of such a value; as in SystemTap
 * a first [i] on a type that is no pointer or array steps over whole
 * values of it.  -1 is a variable's own type.  want_address stops before
 * the final fetch: v is then where the value is (&$p->x), and an error
 * where it is in no memory (a register, a bit-field). */
int dwi_access_ex(const struct dwi_type *var_type, int levels, bool root_is_address,
		  bool want_address, const struct dwi_comp *comps, size_t ncomps,
		  struct dwi_access *out, struct dwi_error *err);

/* The type `spelling` names in d, as @cast(p, "struct foo *") spells it:
 * "struct NAME", "union NAME", "class NAME", "enum NAME", a typedef's or
 * a base type's name ("int", "unsigned long"), a C++ class's name (its
 * scopes, "ns::Klass", left out), each with any number of '*' after it,
 * counted in *levels; const and volatile are passed over.  NULL with err
 * saying so when d has no such type. */
const struct dwi_type *dwi_type_named(struct dwi *d, const char *spelling, int *levels,
				      struct dwi_error *err);

/* ---- What $$parms, $$locals, $$vars, $$return and $var$ print ----
 *
 * A plan is text and values in order; printing each piece's text, then its
 * value in its format, gives SystemTap's string.  Each value is read from
 * a root (a parameter, a local, or the return value) through an access.
 * Pieces with the same nonzero `group` are one SystemTap pretty-print
 * function: if any LOAD of the group faults, the group prints "ERROR"
 * instead of all its pieces.  Reading a root (a stack slot) is the
 * caller's business.  SystemTap's formats (tapsets.cxx,
 * visit_target_symbol_context and dwarf_pretty_print):
 *   $$parms   "a=0x1 b=0xffffffffffffffff s={...} arr=[...] x=?": each
 *             value %#x of the 64-bit value after extension (so -1 in an
 *             int is 0xffffffffffffffff, an enum's -1 is 0xffffffff,
 *             NULL is 0x0); structs and arrays are not read; what cannot
 *             be read is "?"; unnamed parameters are left out; one space
 *             between.
 *   $$parms$  "a=1 s={.x=1, .name=[...], .p=\"ab\"} p=0x0": each as $a$.
 *   $x$       at the top a pointer is followed (a pointer to a scalar
 *             prints the pointer with the pointee's format), a struct
 *             lists its members (base classes' after, breadth first,
 *             GCC's _vptr.* left out, masked names once), an array its
 *             first element then ", ..." ("[1, ...]"), chars and char
 *             arrays and pointers as strings; below the top, pointers
 *             are %p but for char pointers (strings), structs {...} and
 *             arrays [...], unless $$; anonymous members are "<union>=",
 *             "<class>=" for a struct and "<struct>=" for a class (sic);
 *             floats, _Atomic and >64-bit values "?"; at most 32 values,
 *             then "...".  Formats: enum dwi_fmt.
 *   $$return  "return=0x3"; "" when void or unreadable (struct, float);
 *             $$return$ "return=" and $return$, or "" for void.
 * $$vars is $$parms and $$locals in DWARF order, which is what `which`
 * DWI_PLAN_VARS gives. */
enum dwi_fmt {
	DWI_FMT_NONE,     /* text only */
	DWI_FMT_HEX,      /* %#x: "0x" and lowercase hex digits; 0 is "0x0" */
	DWI_FMT_SIGNED,   /* %i: decimal of v as int64 */
	DWI_FMT_UNSIGNED, /* %u: decimal of v as uint64 */
	DWI_FMT_CHAR,     /* %#c of the low byte, between the ' of the text:
			   * printable ASCII as is except ' and \ which are
			   * escaped; \a \b \f \n \r \t \v; else \ and 3 octal
			   * digits ("\000", "\354") */
	DWI_FMT_POINTER,  /* %p, which SystemTap prints as %#x */
	DWI_FMT_STRING,   /* user_string_quoted(v): the NUL-terminated string at
			   * v in double quotes, escaped as string_quoted()
			   * does (runtime/stp_string.c _stp_text_str), or, if
			   * it cannot be read, "0x%x" of v; never a fault */
	DWI_FMT_STRING16, /* user_string_quoted_utf16(v) */
	DWI_FMT_STRING32, /* user_string_quoted_utf32(v) */
};

enum { DWI_ROOT_RETURN = -1 };

struct dwi_piece {
	const char *text;        /* printed first; "" for none */
	enum dwi_fmt fmt;        /* then the value, unless NONE */
	/* The value: from root (a parameter's index, nparams + a local's
	 * index, or DWI_ROOT_RETURN for rax), through ops as in dwi_access. */
	int root;
	const struct dwi_op *ops;
	int nops;
	const struct dwi_type *type;   /* of the value */
	/* 0: not in a pretty-print function (plain $$parms, whose values
	 * are registers and stack slots, or a static local's LOAD): a fault
	 * there is a run-time error of the probe, as for any $var. */
	int group;
};

struct dwi_plan {
	const struct dwi_piece *pieces;
	size_t n;
	struct dwi *d;           /* whose arena holds the pieces */
};

enum dwi_plan_which { DWI_PLAN_PARMS, DWI_PLAN_LOCALS, DWI_PLAN_VARS };

/* $$parms, $$locals or $$vars of f; depth 0 is the plain form, 1 the form
 * with $ ($$parms$), 2 with $$.  Roots that cannot be read at the first
 * instruction (locals other than those with an addr; parameters the ABI
 * does not place) print as "?" where SystemTap would have read them.  The
 * variables are those of f's DIE and of the scopes around it below the
 * unit, as SystemTap's getscopes() gives them.  The pieces live as long
 * as d.  Returns 0. */
int dwi_plan_context(const struct dwi_func *f, enum dwi_plan_which which,
		     int depth, struct dwi_plan *out);
/* The same for the variables in scope at a source line or a label, their
 * roots being their indexes in s->vars (scope.c). */
struct dwi_scope;
int dwi_plan_scope(const struct dwi_scope *s, enum dwi_plan_which which, int depth,
		   struct dwi_plan *out);
/* $$return (depth 0), $$return$ and $$return$$.  Returns 0. */
int dwi_plan_return(const struct dwi_func *f, int depth, struct dwi_plan *out);
/* $v$ (depth 1) or $v$$ (depth 2) for a variable of type t read from
 * root `root` (v starting as in dwi_access); `readable` false gives "?"
 * for every value.  All pieces are in group 1.  -1 where SystemTap
 * cannot pretty-print at all (no type). */
int dwi_plan_var(const struct dwi_type *t, int root, bool root_is_address, bool readable,
		 int depth, struct dwi_plan *out);

/* A plan as one SystemTap-style format and its value pieces, for tests and
 * -p dumps: "{.a=%i, .b='%#c'}".  Lives as long as d. */
const char *dwi_plan_format(const struct dwi_plan *p);

#endif
