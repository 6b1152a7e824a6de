/* SPDX-License-Identifier: GPL-2.0-or-later */
/* probe_kernel.c — kernel.trace("NAME"): a row per tracepoint of the
 * running kernel that NAME matches, each a raw tracepoint (kernel.h). */
#include <string.h>

#include "parse/arena.h"
#include "parse/suggest.h"
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

/* -L: the tracepoint's arguments, as SystemTap lists them; a view's
 * fields as its format file types them. */
static const char *listing(struct kbtf *k, struct arena *a, const struct ktp *tp)
{
	const char *s = "";
	if (tp->view == KTP_SYS_EXIT)
		return " $ret:long $__syscall_nr:int";
	if (tp->view == KTP_SYS_ENTER) {
		const struct ksys_field *f;
		const char *why;
		int n = ktp_view_fields(k, tp, &f, &why);
		for (int i = 0; i < n; i++) {
			/* "const char *" as "const char*" */
			const char *ty = f[i].type;
			size_t len = strlen(ty);
			bool star = len > 2 && ty[len - 1] == '*' && ty[len - 2] == ' ';
			s = arena_printf(a, "%s $%s:%.*s%s", s, f[i].name,
					 (int)(star ? len - 2 : len), ty, star ? "*" : "");
		}
		return arena_printf(a, "%s $__syscall_nr:int", s);
	}
	for (int i = 0; i < tp->nargs; i++)
		s = arena_printf(a, "%s $%s:%s", s, tp->args[i].name,
				 kbtf_type_name(k, tp->args[i].type));
	return s;
}

static void view_offsets(struct attach_table *t, struct kbtf *k)
{
	uint32_t off, size, ti, status;
	t->view_orig_ax = kbtf_member(k, "pt_regs", "orig_ax", &off, &size) < 0 ? -1 :
		(int32_t)off;
	t->view_task_status = kbtf_member(k, "task_struct", "thread_info", &ti, &size) < 0 ||
		kbtf_member(k, "thread_info", "status", &status, &size) < 0 || size != 4 ? -1 :
		(int32_t)(ti + status);
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
		const struct ksys_field *fields;
		const char *why;
		if (tps[i].view == KTP_SYS_ENTER && ktp_view_fields(k, &tps[i], &fields, &why) < 0)
			return probes_fail(pp, "the fields of syscalls:%s are not known: %s",
					   tps[i].name, why);
		if (tps[i].view != KTP_TRACEPOINT && !t->view_orig_ax)
			view_offsets(t, k);
		struct attach_point *a = attach_add(t, p, pp, ATTACH_RAW_TP);
		a->path = tps[i].view == KTP_SYS_ENTER ? "sys_enter" :
			tps[i].view == KTP_SYS_EXIT ? "sys_exit" : tps[i].name;
		a->pp = arena_printf(t->arena, "kernel.trace(\"%s\")", tps[i].point);
		a->func = tps[i].name;
		t->ctx[t->n - 1].ktp = &tps[i];
		if (t->opts->list_vars)
			t->ctx[t->n - 1].listing = listing(k, t->arena, &tps[i]);
		found++;
	}
	if (!found && strncmp(tr->str, "syscalls:", 9) == 0 && ktp_no_views(k))
		return probes_fail(pp, "no tracepoint matches \"%s\": the syscalls events are "
				   "known only to tracefs, and %s", tr->str, ktp_no_views(k));
	if (!found && strncmp(tr->str, "syscalls:", 9) == 0 && !strpbrk(tr->str, "*?[")) {
		struct suggest sug;
		suggest_init(&sug, tr->str + 9);
		for (int i = 0; i < n; i++)
			if (tps[i].view != KTP_TRACEPOINT)
				suggest_add(&sug, tps[i].name);
		const char *similar = suggest_list(&sug);
		return probes_fail(pp, "no tracepoint matches \"%s\"%s%s%s", tr->str,
				   similar ? " (similar: " : "", similar ? similar : "",
				   similar ? ")" : "");
	}
	if (!found && strchr(tr->str, ':') && ktp_no_subsystems(k))
		return probes_fail(pp, "no tracepoint matches \"%s\": the subsystems are known "
				   "only to tracefs, and %s; name the event alone, as in "
				   "kernel.trace(\"%s\")", tr->str, ktp_no_subsystems(k),
				   strchr(tr->str, ':') + 1);
	if (!found)
		return probes_fail(pp, "no tracepoint matches \"%s\"", tr->str);
	return 0;
}

static void trace_forms(void (*say)(void *, const char *), void *arg)
{
	say(arg, "kernel.trace(string)");
}

const struct probe_kind probe_kind_kernel_trace = {
	"kernel tracepoint", HOME_BPF, is_kernel_trace, add_trace, trace_forms
};
