/* SPDX-License-Identifier: GPL-2.0-or-later */
/* probe_kprobe.c — kernel.function("NAME"), kernel.statement, module("M")
 * .function("NAME") and kprobe.function("NAME"): SystemTap's kprobes,
 * recognised so that a script, or a library alias that can only be
 * written with them, is refused with the reason instead of as an unknown
 * point; a wildcard use of a family (probe signal.*) leaves such aliases
 * out.  The kernel's own events are kernel.trace("NAME"). */
#include <string.h>
#include <unistd.h>

#include "probes.h"

static bool is_kprobe(const struct probe_point *pp)
{
	const struct pp_comp *c = pp->comps, *n = c->next;
	if (!n)
		return false;
	if (strcmp(c->name, "kernel") == 0 && c->arg_kind == PP_ARG_NONE)
		return strcmp(n->name, "function") == 0 || strcmp(n->name, "statement") == 0;
	if (strcmp(c->name, "module") == 0 && c->arg_kind == PP_ARG_STR)
		return strcmp(n->name, "function") == 0 || strcmp(n->name, "statement") == 0;
	if (strcmp(c->name, "kprobe") == 0 && c->arg_kind == PP_ARG_NONE)
		return strcmp(n->name, "function") == 0 || strcmp(n->name, "statement") == 0;
	return false;
}

/* Whether pp comes from an alias used with a wildcard (probe scheduler.*). */
static bool from_wildcard(const struct probe_point *pp)
{
	for (const struct probe_point *v = pp->via; v; v = v->via)
		if (strpbrk(v->text, "*?["))
			return true;
	return false;
}

static int add_kprobe(struct attach_table *t, const struct probe *p, const struct probe_point *pp)
{
	(void)t;
	(void)p;
	/* A wildcard over a family takes the points this kernel can place,
	 * as a wildcard over functions leaves out those it cannot. */
	if (from_wildcard(pp))
		return 0;
	/* The kernel lists its kprobe event source beside the tracepoint
	 * and uprobe ones when it was built with kprobes. */
	if (access("/sys/bus/event_source/devices/kprobe", F_OK) != 0)
		return probes_fail(pp, "a kernel function is probed with a kprobe, and this "
				   "kernel has no kprobes (no kprobe event source in "
				   "/sys/bus/event_source/devices); its events are the tracepoints "
				   "kernel.trace(\"NAME\"), which -l 'kernel.trace(\"*\")' lists");
	return probes_fail(pp, "a kernel function is probed with a kprobe, which uscript "
			   "does not place yet; the kernel's events are the tracepoints "
			   "kernel.trace(\"NAME\"), which -l 'kernel.trace(\"*\")' lists");
}

static void kprobe_forms(void (*say)(void *, const char *), void *arg)
{
	say(arg, "kernel.function(string)");
	say(arg, "kernel.statement(string)");
	say(arg, "module(string).function(string)");
	say(arg, "kprobe.function(string)");
}

const struct probe_kind probe_kind_kprobe = { "kprobe", HOME_BPF, is_kprobe, add_kprobe,
					      kprobe_forms };
