/* SPDX-License-Identifier: GPL-2.0-or-later */
/* probe_plt.c — process("PATH").plt("NAME") and .plt("NAME").return:
 * uprobes on the PLT entries of a file (binary/plt.h), where its calls to
 * functions of other files go first.  NAME is a pattern ("*" when .plt has
 * no argument, as in SystemTap); a call through the PLT fires the probe
 * in the file that makes it, whichever library ends up answering it.
 *
 * There is no debug information at a PLT entry, so the only target
 * variable is $$name, the function's name (target_plt.c).  pp() is
 * process("PATH").plt("NAME"), so that ppfunc() and probefunc() are NAME.
 * A .return probe is a uretprobe on the entry: the call that jumped there
 * left its return address on the stack, as for a function's first
 * instruction, and the probe fires when the function returns to the
 * caller.  The functions that return twice or never are left out as for
 * .function(…).return (returns.c). */
#include <elf.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "compile.h"
#include "parse/diag.h"
#include "binary/plt.h"
#include "probes.h"

/* Whether a .return probe may go on the entry of function `name`; a
 * named one that may not is an error, one a wildcard matches is left out
 * (-v says so). */
static int return_ok(struct attach_table *t, const struct probe_point *pp, struct elf_file *f,
		     const struct plt_entry *e, bool wild, bool *ok)
{
	struct elf_sym s = { .name = e->name, .vaddr = e->vaddr, .type = STT_FUNC };
	enum ret_verdict v = ret_verdict(f, &s, NULL);
	*ok = v == RET_OK;
	if (*ok && ret_cxx_unwinds(f, &s))
		ret_warn_cxx(t, pp);
	if (*ok)
		return 0;
	if (!wild && v != RET_NEVER)
		return probes_fail(pp, "'%s' %s", e->name, ret_why(v));
	if (!wild)
		diag_warning(&pp->loc, "'%s' %s; it is left out", e->name, ret_why(v));
	else if (t->opts->verbose)
		diag_note(&pp->loc, "no .plt.return probe on '%s': it %s", e->name, ret_why(v));
	return 0;
}

int probes_add_plt(struct attach_table *t, const struct probe *p,
		   const struct probe_point *pp, struct elf_file *f, const char *name,
		   const struct attach_point *proto)
{
	bool wild = strpbrk(name, "*?[") != NULL;
	struct plt_entry *es;
	size_t n = plt_entries(f, &es);
	int first = t->n, skipped = t->nskipped, matched = 0;
	const char *suffix = proto->kind == ATTACH_URETPROBE ? ".return" : "";
	for (size_t i = 0; i < n; i++) {
		const struct plt_entry *e = &es[i];
		uint64_t off;
		bool exec, ok = true;
		if (fnmatch(name, e->name, 0) != 0)
			continue;
		matched++;
		if (proto->kind == ATTACH_URETPROBE && return_ok(t, pp, f, e, wild, &ok) < 0) {
			free(es);
			return -1;
		}
		if (!ok || elf_vaddr_to_offset(f, e->vaddr, &off, &exec, NULL) < 0 || !exec)
			continue;
		const char *where = arena_printf(t->arena, "process(\"%s\").plt(\"%s\")%s",
						 elf_path(f), e->name, suffix);
		const char *why = probes_refusal(t, f, e->vaddr, NULL);
		if (why && !wild) {
			free(es);
			return probes_fail(pp, "%s", why);
		}
		if (why) {
			probes_skip(t, where, why);
			continue;
		}
		struct attach_point *a = probes_add_row(t, p, pp, off, proto);
		a->may_skip = wild;
		a->func = e->name;
		a->pp = where;
		t->ctx[t->n - 1].plt_name = e->name;
	}
	free(es);
	if (t->n > first || (matched && !wild))
		return 0;
	if (t->nskipped > skipped) {
		int k = t->nskipped - skipped;
		probes_fail(pp, "the kernel cannot probe any of the %d PLT entr%s '%s' matches "
			    "in %s", k, k == 1 ? "y" : "ies", name, elf_path(f));
		t->nskipped = skipped;
		return -1;
	}
	if (matched)
		return -1;
	if (!n)
		return probes_fail(pp, "%s has no PLT entries (a static program, or one that "
				   "calls other files' functions without a PLT)", elf_path(f));
	return probes_fail(pp, "no PLT entry %s '%s' in %s", wild ? "matches" : "is named",
			   name, elf_path(f));
}
