/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tracepoints.c — the kernel's tracepoints: their names and arguments
 * from BTF, their subsystems from tracefs; see kernel.h. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include "parse/arena.h"
#include "kernel.h"
#include "kernel_impl.h"



struct event {
	const char *name, *sys;
};

static int cmp_event(const void *x, const void *y)
{
	return strcmp(((const struct event *)x)->name, ((const struct event *)y)->name);
}

static int cmp_tp(const void *x, const void *y)
{
	return strcmp(((const struct ktp *)x)->point, ((const struct ktp *)y)->point);
}

/* Every event directory under tracefs, as (name, subsystem), sorted by
 * name.  tracefs is mounted for the while if it is not. */
static struct event *read_events(struct kbtf *k, int verbose, int *n)
{
	struct arena *a = k->arena;
	struct event *ev = NULL;
	int cap = 0;
	*n = 0;
	bool mounted = false;
	struct stat st;
	if (stat(TRACEFS "/events", &st) != 0 && errno != ENOENT) {
		k->no_tracefs = arena_printf(a, TRACEFS "/events cannot be read: %s",
					     strerror(errno));
		return NULL;
	}
	if (stat(TRACEFS "/events", &st) != 0) {
		if (mount("nodev", TRACEFS, "tracefs", 0, NULL) != 0) {
			k->no_tracefs = arena_printf(a, "it is not mounted, and mounting it at "
						     TRACEFS " failed: %s", strerror(errno));
			if (verbose)
				fprintf(stderr, "uscript: cannot mount tracefs at " TRACEFS
					" (%s): tracepoints are named without their "
					"subsystems\n", strerror(errno));
			return NULL;
		}
		mounted = true;
		if (verbose)
			fprintf(stderr, "uscript: mounted tracefs at " TRACEFS
				" to read the tracepoints' subsystems\n");
	}
	DIR *d = opendir(TRACEFS "/events");
	if (!d)
		k->no_tracefs = arena_printf(a, TRACEFS "/events cannot be read: %s",
					     strerror(errno));
	struct dirent *s;
	while (d && (s = readdir(d))) {
		if (s->d_name[0] == '.' || s->d_type != DT_DIR)
			continue;
		char path[512];
		snprintf(path, sizeof(path), TRACEFS "/events/%s", s->d_name);
		DIR *sd = opendir(path);
		struct dirent *e;
		const char *sys = NULL;
		while (sd && (e = readdir(sd))) {
			if (e->d_name[0] == '.' || e->d_type != DT_DIR)
				continue;
			if (!sys)
				sys = arena_strdup(a, s->d_name);
			if (*n == cap) {
				cap = cap ? 2 * cap : 1024;
				ev = xrealloc(ev, (size_t)cap * sizeof(*ev));
			}
			ev[(*n)++] = (struct event){ arena_strdup(a, e->d_name), sys };
		}
		if (sd)
			closedir(sd);
	}
	if (d)
		closedir(d);
	if (mounted) {
		if (umount2(TRACEFS, 0) == 0) {
			if (verbose)
				fprintf(stderr, "uscript: unmounted tracefs from " TRACEFS "\n");
		} else {
			fprintf(stderr, "uscript: warning: cannot unmount tracefs from " TRACEFS
				": %s\n", strerror(errno));
		}
	}
	if (ev)
		qsort(ev, (size_t)*n, sizeof(*ev), cmp_event);
	return ev;
}

int ktp_list(struct kbtf *k, int verbose, const struct ktp **out)
{
	if (k->listed) {
		*out = k->tps;
		return k->ntps;
	}
	k->listed = true;
	k->verbose = verbose;
	int nev;
	struct event *ev = read_events(k, verbose, &nev);
	int cap = 0;
	uint32_t count = btf__type_cnt(k->btf);
	static const char prefix[] = "btf_trace_";
	/* The typedef's prototype names no parameter; the kernel's function
	 * __bpf_trace_NAME that calls the programs has the same one, named,
	 * and so has its __probestub_NAME, made for each tracepoint of an
	 * event class too (whose __bpf_trace_ is named for the class). */
	static const char fprefix[] = "__bpf_trace_", sprefix[] = "__probestub_";
	struct event *named = NULL;
	int nnamed = 0, named_cap = 0;
	for (uint32_t id = 1; id < count; id++) {
		const struct btf_type *t = btf__type_by_id(k->btf, id);
		const char *name = btf_is_func(t) ? btf__name_by_offset(k->btf, t->name_off) : NULL;
		size_t skip = !name ? 0 : strncmp(name, fprefix, sizeof(fprefix) - 1) == 0 ?
			sizeof(fprefix) - 1 : strncmp(name, sprefix, sizeof(sprefix) - 1) == 0 ?
			sizeof(sprefix) - 1 : 0;
		if (!skip)
			continue;
		if (nnamed == named_cap) {
			named_cap = named_cap ? 2 * named_cap : 1024;
			named = xrealloc(named, (size_t)named_cap * sizeof(*named));
		}
		named[nnamed++] = (struct event){ name + skip, (const char *)(uintptr_t)t->type };
	}
	if (named)
		qsort(named, (size_t)nnamed, sizeof(*named), cmp_event);
	for (uint32_t id = 1; id < count; id++) {
		const struct btf_type *t = btf__type_by_id(k->btf, id);
		if (!btf_is_typedef(t))
			continue;
		const char *name = btf__name_by_offset(k->btf, t->name_off);
		if (!name || strncmp(name, prefix, sizeof(prefix) - 1) != 0)
			continue;
		const struct btf_type *p = btf__type_by_id(k->btf, t->type);
		if (!p || !btf_is_ptr(p))
			continue;
		const struct btf_type *fp = btf__type_by_id(k->btf, p->type);
		if (!fp || !btf_is_func_proto(fp) || btf_vlen(fp) < 1)
			continue;
		if (k->ntps == cap) {
			cap = cap ? 2 * cap : 1024;
			k->tps = xrealloc(k->tps, (size_t)cap * sizeof(*k->tps));
		}
		struct ktp *tp = &k->tps[k->ntps++];
		memset(tp, 0, sizeof(*tp));
		tp->name = arena_strdup(k->arena, name + sizeof(prefix) - 1);
		struct event key = { tp->name, NULL };
		const struct event *e = ev ? bsearch(&key, ev, (size_t)nev, sizeof(*ev),
						     cmp_event) : NULL;
		tp->sys = e ? e->sys : NULL;
		tp->point = e ? arena_printf(k->arena, "%s:%s", e->sys, tp->name) : tp->name;
		/* The first parameter is the tracepoint's own data, not the
		 * event's. */
		tp->nargs = btf_vlen(fp) - 1;
		struct ktp_arg *args = arena_alloc(k->arena, (size_t)(tp->nargs + 1) * sizeof(*args));
		const struct event *f = named ? bsearch(&key, named, (size_t)nnamed,
							sizeof(*named), cmp_event) : NULL;
		const struct btf_type *ffp = f ? btf__type_by_id(k->btf, (uint32_t)(uintptr_t)f->sys)
			: NULL;
		if (ffp && (!btf_is_func_proto(ffp) || btf_vlen(ffp) != btf_vlen(fp)))
			ffp = NULL;
		const struct btf_param *pa = btf_params(fp) + 1;
		const struct btf_param *pn = ffp ? btf_params(ffp) + 1 : NULL;
		for (int i = 0; i < tp->nargs; i++) {
			const char *an = pn ? btf__name_by_offset(k->btf, pn[i].name_off) : NULL;
			args[i].name = an && *an ? arena_strdup(k->arena, an) :
				arena_printf(k->arena, "arg%d", i + 1);
			args[i].type = pa[i].type;
		}
		tp->args = args;
	}
	/* The syscalls events: views of raw_syscalls (kernel.h), for the
	 * system calls whose numbers are known. */
	int nviews = 0;
	for (int i = 0; i < nev; i++) {
		if (strcmp(ev[i].sys, "syscalls") != 0)
			continue;
		enum ktp_view view = strncmp(ev[i].name, "sys_enter_", 10) == 0 ? KTP_SYS_ENTER :
			strncmp(ev[i].name, "sys_exit_", 9) == 0 ? KTP_SYS_EXIT : KTP_TRACEPOINT;
		if (view == KTP_TRACEPOINT)
			continue;
		int nr = ksys_number(ev[i].name + (view == KTP_SYS_ENTER ? 10 : 9));
		if (nr < 0) {
			if (verbose)
				fprintf(stderr, "uscript: syscalls:%s is left out: the number of its "
					"system call is not known\n", ev[i].name);
			continue;
		}
		if (k->ntps == cap) {
			cap = cap ? 2 * cap : 1024;
			k->tps = xrealloc(k->tps, (size_t)cap * sizeof(*k->tps));
		}
		struct ktp *tp = &k->tps[k->ntps++];
		memset(tp, 0, sizeof(*tp));
		tp->name = ev[i].name;
		tp->sys = ev[i].sys;
		tp->point = arena_printf(k->arena, "%s:%s", ev[i].sys, ev[i].name);
		tp->view = view;
		tp->nr = nr;
		nviews++;
	}
	if (!nviews)
		k->no_views = k->no_tracefs ? k->no_tracefs : "tracefs has no syscalls events";
	free(ev);
	free(named);
	if (k->ntps)
		qsort(k->tps, (size_t)k->ntps, sizeof(*k->tps), cmp_tp);
	/* The array is the arena's from now on: copy it there. */
	struct ktp *kept = arena_alloc(k->arena, (size_t)(k->ntps + 1) * sizeof(*kept));
	if (k->ntps)
		memcpy(kept, k->tps, (size_t)k->ntps * sizeof(*kept));
	free(k->tps);
	k->tps = kept;
	*out = k->tps;
	return k->ntps;
}

const char *ktp_no_views(const struct kbtf *k)
{
	return k->no_views;
}

const char *ktp_no_subsystems(const struct kbtf *k)
{
	return k->no_tracefs;
}

bool ktp_match(const struct ktp *tp, const char *pattern)
{
	const char *colon = strchr(pattern, ':');
	if (!colon)
		return fnmatch(pattern, tp->name, 0) == 0;
	if (!tp->sys)
		return false;
	return fnmatch(pattern, tp->point, 0) == 0;
}
