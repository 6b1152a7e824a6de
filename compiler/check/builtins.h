/* SPDX-License-Identifier: GPL-2.0-or-later */
/* builtins.h — the table of built-in functions.
 *
 * One row per builtin, in builtins.c, generated from the BUILTINS list below
 * so the ids, names and code generators cannot disagree.  Resolution reads
 * the signature; code generation calls the row's hook.  A row without a hook
 * is a builtin of the language that this build cannot compile yet, and
 * resolution says so at the call. */
#ifndef USCRIPT_BUILTINS_H
#define USCRIPT_BUILTINS_H

#include <stdint.h>

#include "parse/ast.h"

struct cg;
struct expr;
typedef struct LLVMOpaqueValue *cg_value;

/* Where a builtin can be called. */
enum bi_where {
	BI_ANYWHERE,
	BI_UPROBE,      /* needs the registers of a process probe */
	BI_RETURN,      /* only in .return probes */
};

/* Argument signature: one letter an argument, L long, S string, * either;
 * a lower-case letter is optional, and a letter followed by '.' may be
 * repeated any number of times, none included. */
struct builtin {
	int id;
	const char *name;
	enum type ret;           /* TYPE_UNKNOWN: no value */
	const char *args;
	enum bi_where where;
	cg_value (*gen)(struct cg *cg, struct expr *call);
};

#define BUILTIN_LIST(X) \
	/* output (codegen/output.c) */ \
	X(printf,        TYPE_UNKNOWN, "S*.", BI_ANYWHERE, cg_printf) \
	X(print,         TYPE_UNKNOWN, "**.",  BI_ANYWHERE, cg_print) \
	X(println,       TYPE_UNKNOWN, "*.",   BI_ANYWHERE, cg_print) \
	X(printd,        TYPE_UNKNOWN, "S*.", BI_ANYWHERE, cg_print) \
	X(printdln,      TYPE_UNKNOWN, "S*.", BI_ANYWHERE, cg_print) \
	X(sprintf,       TYPE_STRING,  "S*.", BI_ANYWHERE, cg_sprintf) \
	X(sprint,        TYPE_STRING,  "**.", BI_ANYWHERE, cg_strfunc) \
	X(sprintln,      TYPE_STRING,  "*.",  BI_ANYWHERE, cg_strfunc) \
	X(sprintd,       TYPE_STRING,  "S*.", BI_ANYWHERE, cg_strfunc) \
	X(sprintdln,     TYPE_STRING,  "S*.", BI_ANYWHERE, cg_strfunc) \
	X(warn,          TYPE_UNKNOWN, "S",   BI_ANYWHERE, cg_print) \
	X(system,        TYPE_UNKNOWN, "S",   BI_ANYWHERE, cg_print) \
	/* control (codegen/output.c) */ \
	X(exit,          TYPE_UNKNOWN, "",    BI_ANYWHERE, cg_exit) \
	X(error,         TYPE_UNKNOWN, "S",   BI_ANYWHERE, cg_error) \
	X(abort,         TYPE_UNKNOWN, "",    BI_ANYWHERE, cg_exit) \
	X(raise,         TYPE_UNKNOWN, "L",   BI_ANYWHERE, cg_exit) \
	/* context (codegen/context.c) */ \
	X(pid,           TYPE_LONG,    "",    BI_ANYWHERE, cg_context) \
	X(tid,           TYPE_LONG,    "",    BI_ANYWHERE, cg_context) \
	X(ppid,          TYPE_LONG,    "",    BI_ANYWHERE, cg_context) \
	X(uid,           TYPE_LONG,    "",    BI_ANYWHERE, cg_context) \
	X(gid,           TYPE_LONG,    "",    BI_ANYWHERE, cg_context) \
	X(cpu,           TYPE_LONG,    "",    BI_ANYWHERE, cg_context) \
	X(target,        TYPE_LONG,    "",    BI_ANYWHERE, cg_context) \
	X(execname,      TYPE_STRING,  "",    BI_ANYWHERE, cg_context) \
	X(pp,            TYPE_STRING,  "",    BI_ANYWHERE, cg_context) \
	X(probefunc,     TYPE_STRING,  "",    BI_ANYWHERE, cg_context) \
	X(ppfunc,        TYPE_STRING,  "",    BI_ANYWHERE, cg_context) \
	X(pn,            TYPE_STRING,  "",    BI_ANYWHERE, cg_context) \
	X(probe_type,    TYPE_STRING,  "",    BI_ANYWHERE, cg_context) \
	X(is_return,     TYPE_LONG,    "",    BI_ANYWHERE, cg_context) \
	X(stp_pid,       TYPE_LONG,    "",    BI_ANYWHERE, cg_context) \
	X(randint,       TYPE_LONG,    "L",   BI_ANYWHERE, cg_context) \
	X(__maxstringlen, TYPE_LONG,   "",    BI_ANYWHERE, cg_context) \
	/* time (codegen/context.c) */ \
	X(gettimeofday_s,  TYPE_LONG,  "",    BI_ANYWHERE, cg_time) \
	X(gettimeofday_ms, TYPE_LONG,  "",    BI_ANYWHERE, cg_time) \
	X(gettimeofday_us, TYPE_LONG,  "",    BI_ANYWHERE, cg_time) \
	X(gettimeofday_ns, TYPE_LONG,  "",    BI_ANYWHERE, cg_time) \
	X(local_clock_ns,  TYPE_LONG,  "",    BI_ANYWHERE, cg_time) \
	X(get_cycles,      TYPE_LONG,  "",    BI_ANYWHERE, cg_time) \
	X(jiffies,         TYPE_LONG,  "",    BI_ANYWHERE, cg_time) \
	/* registers (codegen/context.c) */ \
	X(int_arg,       TYPE_LONG,    "L",   BI_UPROBE,   cg_arg) \
	X(uint_arg,      TYPE_LONG,    "L",   BI_UPROBE,   cg_arg) \
	X(long_arg,      TYPE_LONG,    "L",   BI_UPROBE,   cg_arg) \
	X(ulong_arg,     TYPE_LONG,    "L",   BI_UPROBE,   cg_arg) \
	X(pointer_arg,   TYPE_LONG,    "L",   BI_UPROBE,   cg_arg) \
	X(returnval,     TYPE_LONG,    "",    BI_RETURN,   cg_arg) \
	X(register,      TYPE_LONG,    "S",   BI_ANYWHERE, cg_arg) \
	X(u_register,    TYPE_LONG,    "S",   BI_ANYWHERE, cg_arg) \
	/* target memory */ \
	X(user_string,   TYPE_STRING,  "Ls",  BI_ANYWHERE, cg_user) \
	X(user_string_n, TYPE_STRING,  "LLs", BI_ANYWHERE, cg_user) \
	X(user_long,     TYPE_LONG,    "L",   BI_ANYWHERE, cg_user) \
	X(user_int,      TYPE_LONG,    "L",   BI_ANYWHERE, cg_user) \
	X(user_short,    TYPE_LONG,    "L",   BI_ANYWHERE, cg_user) \
	X(user_char,     TYPE_LONG,    "L",   BI_ANYWHERE, cg_user) \
	X(user_char_error,   TYPE_LONG, "L",  BI_ANYWHERE, cg_user) \
	X(user_short_error,  TYPE_LONG, "L",  BI_ANYWHERE, cg_user) \
	X(user_ushort_error, TYPE_LONG, "L",  BI_ANYWHERE, cg_user) \
	X(user_int_error,    TYPE_LONG, "L",  BI_ANYWHERE, cg_user) \
	X(user_long_error,   TYPE_LONG, "L",  BI_ANYWHERE, cg_user) \
	X(user_ulong_error,  TYPE_LONG, "L",  BI_ANYWHERE, cg_user) \
	X(user_int8_error,   TYPE_LONG, "L",  BI_ANYWHERE, cg_user) \
	X(user_uint8_error,  TYPE_LONG, "L",  BI_ANYWHERE, cg_user) \
	X(user_int16_error,  TYPE_LONG, "L",  BI_ANYWHERE, cg_user) \
	X(user_uint16_error, TYPE_LONG, "L",  BI_ANYWHERE, cg_user) \
	X(user_int32_error,  TYPE_LONG, "L",  BI_ANYWHERE, cg_user) \
	X(user_uint32_error, TYPE_LONG, "L",  BI_ANYWHERE, cg_user) \
	X(user_int64_error,  TYPE_LONG, "L",  BI_ANYWHERE, cg_user) \
	X(user_uint64_error, TYPE_LONG, "L",  BI_ANYWHERE, cg_user) \
	X(kernel_string,   TYPE_STRING, "Ls",  BI_ANYWHERE, cg_user) \
	X(kernel_string2,  TYPE_STRING, "LS",  BI_ANYWHERE, cg_user) \
	X(kernel_string_n, TYPE_STRING, "LL",  BI_ANYWHERE, cg_user) \
	X(kernel_string_quoted, TYPE_STRING, "L", BI_ANYWHERE, cg_user) \
	X(kernel_long,     TYPE_LONG,   "L",   BI_ANYWHERE, cg_user) \
	X(kernel_int,      TYPE_LONG,   "L",   BI_ANYWHERE, cg_user) \
	X(kernel_short,    TYPE_LONG,   "L",   BI_ANYWHERE, cg_user) \
	X(kernel_char,     TYPE_LONG,   "L",   BI_ANYWHERE, cg_user) \
	X(kernel_pointer,  TYPE_LONG,   "L",   BI_ANYWHERE, cg_user) \
	/* the kernel side (codegen/kernel.c) */ \
	X(user_mode,       TYPE_LONG,   "",    BI_ANYWHERE, cg_kernel) \
	X(addr,            TYPE_LONG,   "",    BI_ANYWHERE, cg_kernel) \
	X(uaddr,           TYPE_LONG,   "",    BI_ANYWHERE, cg_kernel) \
	X(task_current,    TYPE_LONG,   "",    BI_ANYWHERE, cg_kernel) \
	X(task_pid,        TYPE_LONG,   "L",   BI_ANYWHERE, cg_kernel) \
	X(task_tid,        TYPE_LONG,   "L",   BI_ANYWHERE, cg_kernel) \
	X(task_parent,     TYPE_LONG,   "L",   BI_ANYWHERE, cg_kernel) \
	X(task_state,      TYPE_LONG,   "L",   BI_ANYWHERE, cg_kernel) \
	X(task_execname,   TYPE_STRING, "L",   BI_ANYWHERE, cg_kernel) \
	X(task_uid,        TYPE_LONG,   "L",   BI_ANYWHERE, cg_kernel) \
	X(task_euid,       TYPE_LONG,   "L",   BI_ANYWHERE, cg_kernel) \
	X(task_gid,        TYPE_LONG,   "L",   BI_ANYWHERE, cg_kernel) \
	X(task_egid,       TYPE_LONG,   "L",   BI_ANYWHERE, cg_kernel) \
	X(task_cpu,        TYPE_LONG,   "L",   BI_ANYWHERE, cg_kernel) \
	X(task_nice,       TYPE_LONG,   "L",   BI_ANYWHERE, cg_kernel) \
	X(task_prio,       TYPE_LONG,   "L",   BI_ANYWHERE, cg_kernel) \
	X(errno_str,       TYPE_STRING, "L",   BI_ANYWHERE, cg_kernel) \
	X(sid,             TYPE_LONG,   "",    BI_ANYWHERE, cg_kernel) \
	X(__mm_arg_start,  TYPE_LONG,   "",    BI_ANYWHERE, cg_kernel) \
	X(__mm_arg_end,    TYPE_LONG,   "",    BI_ANYWHERE, cg_kernel) \
	X(__mm_env_start,  TYPE_LONG,   "",    BI_ANYWHERE, cg_kernel) \
	X(__mm_env_end,    TYPE_LONG,   "",    BI_ANYWHERE, cg_kernel) \
	X(pgrp,            TYPE_LONG,   "",    BI_ANYWHERE, cg_kernel) \
	/* strings */ \
	X(strlen,        TYPE_LONG,    "S",   BI_ANYWHERE, cg_strfunc) \
	X(substr,        TYPE_STRING,  "SLL", BI_ANYWHERE, cg_strfunc) \
	X(stringat,      TYPE_LONG,    "SL",  BI_ANYWHERE, cg_strfunc) \
	X(isinstr,       TYPE_LONG,    "SS",  BI_ANYWHERE, cg_strfunc) \
	X(strtol,        TYPE_LONG,    "SL",  BI_ANYWHERE, cg_strfunc) \
	X(text_str,      TYPE_STRING,  "S",   BI_ANYWHERE, cg_strfunc) \
	/* after =~ (codegen/regex_sub.c) */ \
	X(matched,       TYPE_STRING,  "L",   BI_ANYWHERE, cg_matched) \
	X(ngroups,       TYPE_LONG,    "",    BI_ANYWHERE, cg_matched) \
	X(matched_str,   TYPE_STRING,  "",    BI_ANYWHERE, cg_matched) \
	/* @perf("NAME"), which the parser spells so (codegen/bpf.c) */ \
	X(_perf,         TYPE_LONG,    "S",   BI_UPROBE,   cg_perf) \
	X(text_strn,     TYPE_STRING,  "SLL", BI_ANYWHERE, cg_strfunc) \
	/* stacks (codegen/stack.c, usym.c) */ \
	X(print_ubacktrace,  TYPE_UNKNOWN, "", BI_ANYWHERE, cg_stack) \
	X(print_ubacktrace_brief, TYPE_UNKNOWN, "", BI_ANYWHERE, cg_stack) \
	X(sprint_ubacktrace, TYPE_STRING,  "", BI_ANYWHERE, cg_stack) \
	X(ubacktrace,    TYPE_STRING,  "",    BI_ANYWHERE, cg_stack) \
	X(usymname,      TYPE_STRING,  "L",   BI_ANYWHERE, cg_stack) \
	X(usymdata,      TYPE_STRING,  "L",   BI_ANYWHERE, cg_stack) \
	X(umodname,      TYPE_STRING,  "L",   BI_ANYWHERE, cg_stack) \
	X(sprint_ustack, TYPE_STRING,  "S",   BI_ANYWHERE, cg_stack) \
	X(print_ustack,  TYPE_UNKNOWN, "S",   BI_ANYWHERE, cg_stack) \
	X(print_usyms,   TYPE_UNKNOWN, "S",   BI_ANYWHERE, cg_stack) \
	X(ucallers,      TYPE_STRING,  "L",   BI_ANYWHERE, cg_stack) \
	X(print_backtrace,  TYPE_UNKNOWN, "", BI_ANYWHERE, cg_stack) \
	X(sprint_backtrace, TYPE_STRING,  "", BI_ANYWHERE, cg_stack) \
	X(backtrace,     TYPE_STRING,  "",    BI_ANYWHERE, cg_stack) \
	X(symname,       TYPE_STRING,  "L",   BI_ANYWHERE, cg_stack) \
	X(symdata,       TYPE_STRING,  "L",   BI_ANYWHERE, cg_stack) \
	X(modname,       TYPE_STRING,  "L",   BI_ANYWHERE, cg_stack)

enum builtin_id {
#define X(name, ret, args, where, gen) BI_##name,
	BUILTIN_LIST(X)
#undef X
	BI_COUNT
};

const struct builtin *builtin_find(const char *name);
/* The name of builtin i, for i below BI_COUNT. */
const char *builtin_name(int i);

/* The smallest and largest number of arguments a builtin takes; max is -1
 * for variadic builtins. */
void builtin_arity(const struct builtin *b, int *min, int *max);
/* The type wanted for argument i (from 0): TYPE_LONG, TYPE_STRING, or
 * TYPE_UNKNOWN for either. */
enum type builtin_arg_type(const struct builtin *b, int i);

/* register(name): x86-64's registers by name, their offset in struct
 * pt_regs and their width in bytes; NULL for a name it does not know. */
struct reg_name {
	const char *name;
	uint32_t off, size;
};
const struct reg_name *builtin_register(const char *name);

/* Why uscript does not have SystemTap's kernel function `name`
 * ("pid2task"), for a note after "unknown function"; NULL for other
 * names (missing.c). */
const char *builtin_missing(const char *name);

#endif
