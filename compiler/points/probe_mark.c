/* SPDX-License-Identifier: GPL-2.0-or-later */
/* probe_mark.c — process("PATH").mark("NAME") and
 * process("PATH").provider("PROVIDER").mark("NAME"): USDT probes, the
 * <sys/sdt.h> sites a program declares in .note.stapsdt (usdt.h).
 *
 * Each site is a row of its own: one name often has several (an inlined
 * function, a macro used twice), and each site has its own argument
 * locations.  A site with a semaphore attaches with the semaphore's file
 * offset, so the kernel counts it up while the probe is in place and the
 * program's `if (PROVIDER_NAME_ENABLED())` sees it. */
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>

#include "parse/arena.h"
#include "probes.h"
#include "strbuf.h"
#include "binary/usdt.h"

/* "the probes are a, b, c" for an error: at most 8 names, each once. */
static const char *some_names(struct attach_table *t, const struct usdt_file *u)
{
	size_t n, shown = 0;
	const struct usdt_probe *all = usdt_probes(u, &n);
	struct strbuf sb = { 0 };
	for (size_t i = 0; i < n; i++) {
		bool seen = false;
		for (size_t k = 0; k < i && !seen; k++)
			seen = strcmp(all[k].name, all[i].name) == 0 &&
			       strcmp(all[k].provider, all[i].provider) == 0;
		if (seen)
			continue;
		if (shown == 8) {
			strbuf_puts(&sb, ", …");
			break;
		}
		strbuf_printf(&sb, "%s%s:%s", shown ? ", " : "", all[i].provider, all[i].name);
		shown++;
	}
	const char *s = arena_strndup(t->arena, sb.buf ? sb.buf : "", sb.len);
	strbuf_free(&sb);
	return s;
}

int probes_add_marks(struct attach_table *t, const struct probe *p,
		     const struct probe_point *pp, struct elf_file *f, const char *provider,
		     const char *name, const struct attach_point *proto)
{
	struct elf_error err;
	struct usdt_file *u = probes_usdt(t, f, &err);
	if (!u)
		return probes_fail(pp, "%s", err.msg);
	int found = 0;
	for (const struct usdt_probe *m = usdt_find(u, provider, name, NULL); m;
	     m = usdt_find(u, provider, name, m)) {
		struct attach_point *a = attach_add(t, p, pp, ATTACH_UPROBE);
		a->path = proto->path;
		a->offset = m->offset;
		a->ref_ctr_offset = m->sema_offset;
		a->pid_filter = proto->pid_filter;
		a->pid = proto->pid;
		a->func = m->name;
		/* SystemTap's pp() keeps the provider only where the script
		 * named one. */
		if (provider)
			a->pp = arena_printf(t->arena, "process(\"%s\").provider(\"%s\").mark(\"%s\")",
					     elf_path(f), m->provider, m->name);
		else
			a->pp = arena_printf(t->arena, "process(\"%s\").mark(\"%s\")",
					     elf_path(f), m->name);
		t->ctx[t->n - 1].mark = m;
		found++;
	}
	if (found)
		return 0;
	bool wild = strpbrk(name, "*?[") || (provider && strpbrk(provider, "*?["));
	if (provider)
		return probes_fail(pp, "no USDT probe %s provider '%s' and name '%s' in %s; "
				   "its probes are %s", wild ? "matches" : "has", provider, name,
				   elf_path(f), some_names(t, u));
	return probes_fail(pp, "no USDT probe %s '%s' in %s; its probes are %s",
			   wild ? "matches" : "is named", name, elf_path(f), some_names(t, u));
}
