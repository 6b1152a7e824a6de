/* SPDX-License-Identifier: GPL-2.0-or-later */
/* returns.c — which functions may have a .return probe, and which probes
 * act only for the target process.
 *
 * A return probe (a uretprobe) works by replacing, at the function's
 * entry, the word at the stack pointer with the address of the kernel's
 * trampoline; when the function returns there, the kernel runs the probe
 * and sends the thread on to the real return address.  That word must be a
 * return address that will be used exactly once:
 *
 *  - at an ELF entry point (_start) the stack holds argc, not a return
 *    address: the probe turns argc into the trampoline's address, and the
 *    program sees a different command line;
 *  - a function that returns twice (setjmp, vfork, getcontext) returns the
 *    second time to the trampoline with nothing left to return to, and the
 *    kernel kills the thread (SIGILL); swapcontext returns when its context
 *    is resumed, out of the order the kernel keeps return probes in, and
 *    the thread returns to where another call should have;
 *  - a function that never returns (exit, longjmp) never fires its probe,
 *    and leaves the kernel's record of it behind, which counts against its
 *    64 nested return probes per thread.
 *
 * The first two are refused, the last is left out.  A wildcard leaves all
 * three out, with one note; a name that means one of them is an error (the
 * first two) or a warning (the last). */
#include <gelf.h>
#include <stdlib.h>
#include <string.h>

#include "parse/diag.h"
#include "dwarf/dwarfinfo.h"
#include "probes.h"

/* The C library's functions that return twice, or out of turn.  GCC's
 * returns_twice is not in DWARF, so they are known by name. */
static const char *const twice[] = {
	"setjmp", "_setjmp", "__setjmp", "sigsetjmp", "__sigsetjmp", "getcontext",
	"__getcontext", "swapcontext", "__swapcontext", "vfork", "__vfork", "__libc_vfork",
	"savectx", "_savectx",
	NULL,
};

/* Functions that never return, where the file's DWARF does not say so
 * (DW_AT_noreturn): the C library's and the C++ runtime's. */
static const char *const never[] = {
	"exit", "_exit", "_Exit", "quick_exit", "abort", "longjmp", "_longjmp",
	"siglongjmp", "__longjmp", "__longjmp_chk", "____longjmp_chk", "__longjmp_cancel",
	"__libc_longjmp", "__libc_siglongjmp",
	"pthread_exit", "__pthread_exit", "thrd_exit", "__libc_start_main",
	"__libc_start_call_main", "__assert_fail", "__assert_perror_fail", "__assert",
	"__stack_chk_fail", "__fortify_fail", "__chk_fail", "__libc_fatal", "err", "errx",
	"verr", "verrx", "setcontext", "__setcontext", "__cxa_throw", "__cxa_rethrow", "_Unwind_Resume",
	"__cxa_pure_virtual", "__cxa_deleted_virtual", "__cxa_bad_cast", "__cxa_bad_typeid",
	"__cxa_throw_bad_array_new_length", "_ZSt9terminatev",
	NULL,
};

static bool named(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (strcmp(*list, name) == 0)
			return true;
	return false;
}

static bool is_entry_point(struct elf_file *f, const struct elf_sym *s)
{
	GElf_Ehdr eh;
	if (strcmp(s->name, "_start") == 0)
		return true;
	return gelf_getehdr(elf_libelf(f), &eh) && eh.e_entry && eh.e_entry == s->vaddr;
}

/* Whether s, or another name for its address, is on the list: a full
 * symbol table (a debug file's) names the C library's functions by their
 * internal aliases too, __GI___sigsetjmp beside __sigsetjmp. */
static bool alias_named(struct elf_file *f, const struct elf_sym *s,
			const char *const *list)
{
	if (named(list, s->name))
		return true;
	size_t n;
	const struct elf_sym *const *at = elf_sym_at(f, s->vaddr, &n);
	for (size_t i = 0; i < n; i++)
		if (named(list, at[i]->name))
			return true;
	return false;
}

enum ret_verdict ret_verdict(struct elf_file *f, const struct elf_sym *s,
			     const struct dwi_func *fn)
{
	if (is_entry_point(f, s))
		return RET_ENTRY_POINT;
	if (alias_named(f, s, twice))
		return RET_TWICE;
	if ((fn && fn->noreturn) || alias_named(f, s, never))
		return RET_NEVER;
	return RET_OK;
}

const char *ret_why(enum ret_verdict v)
{
	switch (v) {
	case RET_ENTRY_POINT:
		return "is the program's entry point, where the stack holds argc, not a "
		       "return address: a .return probe there would change what the program "
		       "sees of its command line";
	case RET_TWICE:
		return "returns twice, or out of turn, which the kernel's return probes "
		       "cannot follow: the process would be killed (SIGILL) or return to the "
		       "wrong place";
	case RET_NEVER:
		return "never returns, so a .return probe on it would never fire";
	default:
		return "";
	}
}

/* The unwinder of C++ exceptions finds each frame's caller by its return
 * address; where a return probe has put the trampoline's address instead,
 * it finds no frame, and the exception ends in std::terminate.  C++ code
 * is known by its mangled names. */
bool ret_cxx_unwinds(struct elf_file *f, const struct elf_sym *s)
{
	(void)f;
	return strncmp(s->name, "_Z", 2) == 0;
}

void ret_warn_cxx(struct attach_table *t, const struct probe_point *pp)
{
	if (t->cxx_return_warned)
		return;
	diag_warning(&pp->loc, "a C++ exception thrown through a function with a .return "
		     "probe ends the program (std::terminate): the unwinder meets the return "
		     "probe's trampoline where the return address was");
	t->cxx_return_warned = true;
}

/* ---- probes that act only for the target ---- */

static bool is_call(const struct expr *e, const char *name)
{
	return e && e->kind == EXPR_CALL && !e->args && strcmp(e->name, name) == 0;
}

/* pid() OP target() or target() OP pid(). */
static bool compares_pid_target(const struct expr *e, enum op op)
{
	if (!e || e->kind != EXPR_BINARY || e->op != op)
		return false;
	return (is_call(e->lhs, "pid") && is_call(e->rhs, "target")) ||
	       (is_call(e->lhs, "target") && is_call(e->rhs, "pid"));
}

static const struct stmt *only_stmt(const struct stmt *s)
{
	while (s && s->kind == STMT_BLOCK && s->body && !s->body->next)
		s = s->body;
	return s;
}

static bool is_next(const struct stmt *s)
{
	s = only_stmt(s);
	return s && s->kind == STMT_NEXT;
}

bool probe_only_for_target(const struct probe *p)
{
	const struct stmt *body = p->body;
	if (!body)
		return false;
	const struct stmt *first = body->kind == STMT_BLOCK ? body->body : body;
	if (!first)
		return false;
	/* if (pid() != target()) next  — first in the handler */
	if (first->kind == STMT_IF && !first->else_body && is_next(first->body) &&
	    compares_pid_target(first->expr, OP_NE))
		return true;
	/* if (pid() == target()) { … }  — the whole handler */
	return !first->next && first->kind == STMT_IF && !first->else_body &&
	       compares_pid_target(first->expr, OP_EQ);
}
