/* SPDX-License-Identifier: GPL-2.0-or-later */
/* probe_kernel.c — kernel.trace("NAME"): a row per tracepoint of the
 * running kernel that NAME matches, each a raw tracepoint (kernel.h). */
#include <string.h>

#include "parse/arena.h"
#include "compile.h"
#include "kernel/kernel.h"
#include "probes.h"

struct kbtf *probes_kernel(struct attach_table *t, const struct probe_point *pp)
{
	if (!t->kernel && !t->kernel_why) {
		char why[256];
		t->kernel = kbtf_open(t->arena, why, sizeof(why));
		if (!t->kernel)
			t->kernel_why = arena_strdup(t->arena, why);
	}
	if (!t->kernel)
		probes_fail(pp, "%s", t->kernel_why);
	return t->kernel;
}

static bool is_kernel_trace(const struct probe_point *pp)
{
	return strcmp(pp->comps->name, "kernel") == 0 && pp->comps->next &&
	       strcmp(pp->comps->next->name, "trace") == 0;
}

/* -L: the tracepoint's arguments, as SystemTap lists them. */
static const char *listing(struct kbtf *k, struct arena *a, const struct ktp *tp)
{
	const char *s = "";
	for (int i = 0; i < tp->nargs; i++)
		s = arena_printf(a, "%s $%s:%s", s, tp->args[i].name,
				 kbtf_type_name(k, tp->args[i].type));
	return s;
}

static int add_trace(struct attach_table *t, const struct probe *p, const struct probe_point *pp)
{
	const struct pp_comp *c = pp->comps, *tr = c->next;
	if (c->arg_kind != PP_ARG_NONE || tr->arg_kind != PP_ARG_STR || tr->next)
		return probes_fail(pp, "a tracepoint is written kernel.trace(\"NAME\"), "
				   "NAME being \"SUBSYSTEM:EVENT\" or \"EVENT\", with wildcards");
	struct kbtf *k = probes_kernel(t, pp);
	if (!k)
		return -1;
	const struct ktp *tps;
	int n = ktp_list(k, t->opts->verbose, &tps);
	int found = 0;
	for (int i = 0; i < n; i++) {
		if (!ktp_match(&tps[i], tr->str))
			continue;
		struct attach_point *a = attach_add(t, p, pp, ATTACH_RAW_TP);
		a->path = tps[i].name;
		a->pp = arena_printf(t->arena, "kernel.trace(\"%s\")", tps[i].point);
		a->func = tps[i].name;
		t->ctx[t->n - 1].ktp = &tps[i];
		if (t->opts->list_vars)
			t->ctx[t->n - 1].listing = listing(k, t->arena, &tps[i]);
		found++;
	}
	if (!found && strncmp(tr->str, "syscalls:", 9) == 0)
		return probes_fail(pp, "no tracepoint matches \"%s\": the syscalls events of "
				   "tracefs are views of the tracepoints raw_syscalls:sys_enter and "
				   "sys_exit, which kernel.trace(\"raw_syscalls:*\") and "
				   "process.syscall probe", tr->str);
	if (!found && strchr(tr->str, ':') && ktp_no_subsystems(k))
		return probes_fail(pp, "no tracepoint matches \"%s\": the subsystems are known "
				   "only to tracefs, and %s; name the event alone, as in "
				   "kernel.trace(\"%s\")", tr->str, ktp_no_subsystems(k),
				   strchr(tr->str, ':') + 1);
	if (!found)
		return probes_fail(pp, "no tracepoint matches \"%s\"", tr->str);
	return 0;
}

const struct probe_kind probe_kind_kernel_trace = {
	"kernel tracepoint", HOME_BPF, is_kernel_trace, add_trace
};
