/* SPDX-License-Identifier: GPL-2.0-or-later */
/* probes.c — the list of probe kinds, and the attach table; see probes.h. */
#include "probes.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "parse/arena.h"
#include "compile.h"
#include "parse/diag.h"
#include "parse/suggest.h"
#include "points/alias.h"
#include "dwarf/dwarfinfo.h"
#include "binary/elfsym.h"
#include "binary/usdt.h"
#include "symmatch.h"
#include "kernel/kernel.h"

static const struct probe_kind *const kinds[] = {
	&probe_kind_begin,
	&probe_kind_end,
	&probe_kind_error,
	&probe_kind_never,
	&probe_kind_perf,        /* before timer: timer.profile is a perf event */
	&probe_kind_timer,
	&probe_kind_lifecycle,   /* before process: process.begin is not a function */
	&probe_kind_process,
	&probe_kind_kernel_trace,
	&probe_kind_kprobe,
};

struct forms {
	char **v;
	size_t n, cap;
};

static void collect_form(void *arg, const char *form)
{
	struct forms *f = arg;
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 256;
		f->v = xrealloc(f->v, f->cap * sizeof(*f->v));
	}
	f->v[f->n++] = xstrdup(form);
}

static int cmp_form(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void probes_each_form(void (*say)(void *arg, const char *form), void *arg)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (kinds[i]->forms)
			kinds[i]->forms(say, arg);
}

void probes_dump_types(FILE *out)
{
	struct forms f = { 0 };
	probes_each_form(collect_form, &f);
	if (f.n)
		qsort(f.v, f.n, sizeof(*f.v), cmp_form);
	for (size_t i = 0; i < f.n; i++) {
		if (!i || strcmp(f.v[i], f.v[i - 1]) != 0)
			fprintf(out, "%s\n", f.v[i]);
	}
	for (size_t i = 0; i < f.n; i++)
		free(f.v[i]);
	free(f.v);
}

struct attach_point *attach_add(struct attach_table *t, const struct probe *p,
				const struct probe_point *pp, enum attach_kind kind)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		struct attach_point *r = arena_alloc(t->arena, t->cap * sizeof(*r));
		struct row_ctx *c = arena_alloc(t->arena, t->cap * sizeof(*c));
		if (t->n) {
			memcpy(r, t->rows, t->n * sizeof(*r));
			memcpy(c, t->ctx, t->n * sizeof(*c));
		}
		t->rows = r;
		t->ctx = c;
	}
	memset(&t->ctx[t->n], 0, sizeof(t->ctx[t->n]));
	t->ctx[t->n].at = pp;
	struct attach_point *a = &t->rows[t->n++];
	memset(a, 0, sizeof(*a));
	a->kind = kind;
	a->probe = p->id;
	a->loc = pp->loc;
	a->pp = pp->text;
	a->point = pp->text;
	a->func = "";
	return a;
}

void probes_skip(struct attach_table *t, const char *pp, const char *why)
{
	if (t->nskipped == t->skipped_cap) {
		t->skipped_cap = t->skipped_cap ? 2 * t->skipped_cap : 8;
		struct skipped_point *s = arena_alloc(t->arena, (size_t)t->skipped_cap *
						      sizeof(*s));
		if (t->nskipped)
			memcpy(s, t->skipped, (size_t)t->nskipped * sizeof(*s));
		t->skipped = s;
	}
	t->skipped[t->nskipped++] = (struct skipped_point){ pp, why };
}

/* The warning for the points probes_skip() left out of pp's rows; an
 * optional point gets it too, as it did resolve. */
static void warn_skipped(struct attach_table *t, const struct probe_point *pp)
{
	int n = t->nskipped;
	t->nskipped = 0;
	if (n == 0)
		return;
	bool verbose = t->opts->verbose > 0;
	diag_warning(&pp->loc, "%d probe point%s of %s cannot be probed and %s skipped%s", n,
		     n == 1 ? "" : "s", pp->text, n == 1 ? "was" : "were",
		     verbose ? "" : n == 1 ? " (-v names it)" : " (-v lists them)");
	for (int i = 0; verbose && i < n; i++)
		diag_note(NULL, "skipped %s: %s", t->skipped[i].pp, t->skipped[i].why);
}

int probes_fail(const struct probe_point *pp, const char *fmt, ...)
{
	if (pp->optional)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	char why[1024];
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	diag_error(&pp->loc, "probe point %s does not resolve: %s", pp->text, why);
	probes_note_alias(pp);
	return -1;
}

/* Whether two rows probe the same instruction of the same file. */
static bool same_place(const struct attach_point *a, const struct attach_point *b)
{
	struct stat x, y;
	if (a->offset != b->offset)
		return false;
	return strcmp(a->path, b->path) == 0 ||
	       (stat(a->path, &x) == 0 && stat(b->path, &y) == 0 && x.st_dev == y.st_dev &&
		x.st_ino == y.st_ino);
}

/* The kernel's pid filter keeps a .return probe's breakpoint out of other
 * processes, but once the breakpoint is in a process, every return probe
 * on it takes the return address there, filter or not.  A row of the
 * target's family (PID_FAMILY), or of every process (PID_ANY), has no
 * filter, so it puts the breakpoint in every process that runs the file:
 * at the place of a filtered .return row it takes that row's filter, so
 * that the return probe touches no process outside.  A function timed
 * from its entry to its return is the common case, so this is said only
 * with -v. */
static void keep_returns_filtered(struct attach_table *t)
{
	const struct loc *warned = NULL;
	for (int i = 0; i < t->n; i++) {
		struct attach_point *a = &t->rows[i];
		if (a->kind != ATTACH_UPROBE ||
		    (a->pid_filter != PID_FAMILY && a->pid_filter != PID_ANY))
			continue;
		for (int j = 0; j < t->n; j++) {
			const struct attach_point *r = &t->rows[j];
			if (r->kind != ATTACH_URETPROBE || r->pid_filter == PID_ANY ||
			    r->pid_filter == PID_FAMILY || !same_place(a, r))
				continue;
			a->pid_filter = r->pid_filter;
			a->pid = r->pid;
			if (t->opts->verbose && warned != &a->loc)
				diag_note(&a->loc, "%s fires only in the process that a .return "
					  "probe on %s is kept to, which must not touch other "
					  "processes", a->pp, a->func);
			warned = &a->loc;
			break;
		}
	}
}

struct alias_suggest {
	struct suggest s;
	const char *family;      /* the unknown point's first component, "syscall." */
	size_t len;
};

static void suggest_alias(void *ctx, const char *name)
{
	struct alias_suggest *as = ctx;
	if (strncmp(name, as->family, as->len) == 0)
		suggest_add(&as->s, name);
}

/* An unknown point whose first component names a family of the library's
 * aliases ("syscall.opne"): the family's names closest to it. */
static void note_similar_alias(const struct script *s, const struct probe_point *pp)
{
	const char *dot = strchr(pp->text, '.');
	if (!s->library_aliases || !dot || strpbrk(pp->text, "(*?["))
		return;
	struct alias_suggest as = { .family = pp->text, .len = (size_t)(dot - pp->text) + 1 };
	suggest_init(&as.s, pp->text);
	s->library_aliases(s->library, suggest_alias, &as);
	const char *list = suggest_list(&as.s);
	if (list)
		diag_note(&pp->loc, "similar probe aliases: %s", list);
}

/* A point no form of point matches ("proces(\"a\")…", "….functoin(…)"):
 * the forms closest to it, written out. */
static void note_similar_form(const struct script *s, const struct probe_point *pp)
{
	const char *list = globs_similar(s->arena, pp);
	if (list)
		diag_note(&pp->loc, "similar probe points: %s", list);
}

void probes_note_alias(const struct probe_point *pp)
{
	for (const struct probe_point *v = pp->via; v; v = v->via)
		diag_note(&v->loc, "from the alias %s used here", v->text);
}

int probes_resolve(struct script *s, const struct compile_opts *opts,
		   struct attach_table *out)
{
	memset(out, 0, sizeof(*out));
	out->arena = s->arena;
	out->opts = opts;
	out->elves = elf_cache_new();
	out->homes = arena_alloc(s->arena, (s->nprobes ? s->nprobes : 1) * sizeof(unsigned));
	out->rows_vary = arena_alloc(s->arena, (s->nprobes ? s->nprobes : 1) * sizeof(bool));
	out->saves = arena_alloc(s->arena, (s->nprobes ? s->nprobes : 1) * sizeof(*out->saves));
	int errors = 0;
	/* After a '!' point of a probe made by alias.h resolved: that probe as
	 * written, and the point's position there; the points it wrote later
	 * are not tried. */
	const struct probe *stop = NULL;
	int stop_seq = 0;
	for (struct probe *p = s->probes; p; p = p->next) {
		for (struct probe_point *pp = p->points; pp; pp = pp->next) {
			if (stop && pp->origin == stop && pp->seq > stop_seq)
				continue;
			const struct probe_kind *k = NULL;
			for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]) && !k; i++)
				if (kinds[i]->matches(pp))
					k = kinds[i];
			if (!k && pp->optional)
				continue;  /* SystemTap's '?': no error if it fails to expand */
			if (!k && strcmp(pp->comps->name, "procfs") == 0) {
				/* SystemTap's module serves files under /proc/systemtap;
				 * a BPF program cannot answer a read of a file. */
				diag_error(&pp->loc, "%s: procfs probes are not supported: uscript "
					   "has no files under /proc for a script to serve", pp->text);
				probes_note_alias(pp);
				errors++;
				continue;
			}
			if (!k) {
				diag_error(&pp->loc, "unknown probe point %s", pp->text);
				diag_note(&pp->loc, "probe points are begin, end, error, "
					  "timer.s(N) (or ms, us, ns, hz, jiffies, profile), "
					  "process(\"PATH\").function(\"NAME\")[.return] and the "
					  "like, kernel.trace(\"NAME\"), perf.sw.NAME: "
					  "--dump-probe-types lists them all");
				note_similar_alias(s, pp);
				note_similar_form(s, pp);
				probes_note_alias(pp);
				errors++;
				continue;
			}
			int before = out->n;
			int rc = k->resolve(out, p, pp);
			warn_skipped(out, pp);
			if (rc < 0) {
				if (!pp->optional) {
					errors++;
					note_similar_form(s, pp);
				}
				continue;
			}
			if (out->n > before)
				out->homes[p->id] |= k->home;
			/* `P!`: the points after one that resolved are not tried. */
			if (out->n > before && pp->sufficient) {
				stop = pp->origin;
				stop_seq = pp->seq;
				break;
			}
		}
	}
	keep_returns_filtered(out);
	return errors ? -1 : 0;
}

struct dwi_entry {
	struct dwi_entry *next;
	const char *path;
	struct dwi *dwi;
};

struct dwi *probes_dwarf(struct attach_table *t, const char *path)
{
	for (struct dwi_entry *e = t->dwarves; e; e = e->next)
		if (strcmp(e->path, path) == 0)
			return e->dwi;
	struct dwi_entry *e = arena_alloc(t->arena, sizeof(*e));
	e->path = arena_strdup(t->arena, path);
	e->dwi = dwi_open(path);
	const char *from = dwi_debug_path(e->dwi);
	if (t->opts->verbose && from && strcmp(from, path) != 0)
		fprintf(stderr, "uscript: the debug information of %s is read from %s\n", path,
			from);
	e->next = t->dwarves;
	t->dwarves = e;
	return e->dwi;
}

struct told_entry {
	struct told_entry *next;
	const struct elf_file *file;
};

void probes_tell_symbols(struct attach_table *t, const struct elf_file *f)
{
	const char *from = elf_symbols_from(f);
	if (!t->opts->verbose || !from)
		return;
	for (struct told_entry *e = t->told; e; e = e->next)
		if (e->file == f)
			return;
	struct told_entry *e = arena_alloc(t->arena, sizeof(*e));
	e->file = f;
	e->next = t->told;
	t->told = e;
	fprintf(stderr, "uscript: the symbols of %s are read from %s\n", elf_path(f), from);
}

struct usdt_entry {
	struct usdt_entry *next;
	struct elf_file *file;
	struct usdt_file *usdt;  /* NULL: none, for `why` */
	struct elf_error why;
};

struct usdt_file *probes_usdt(struct attach_table *t, struct elf_file *f,
			      struct elf_error *err)
{
	struct usdt_entry *e;
	for (e = t->usdts; e; e = e->next)
		if (e->file == f)
			break;
	if (!e) {
		e = arena_alloc(t->arena, sizeof(*e));
		e->file = f;
		if (usdt_open(f, &e->usdt, &e->why) < 0)
			e->usdt = NULL;
		e->next = t->usdts;
		t->usdts = e;
	}
	if (!e->usdt)
		*err = e->why;
	return e->usdt;
}

void probes_release(struct attach_table *t)
{
	for (struct usdt_entry *e = t->usdts; e; e = e->next)
		usdt_close(e->usdt);
	t->usdts = NULL;
	elf_cache_free(t->elves);
	t->elves = NULL;
	for (struct dwi_entry *e = t->dwarves; e; e = e->next)
		dwi_close(e->dwi);
	t->dwarves = NULL;
	symm_cache_free(t->names);
	t->names = NULL;
	kbtf_close(t->kernel);
	t->kernel = NULL;
}

static const char *const kind_names[] = {
	[ATTACH_BEGIN] = "begin", [ATTACH_END] = "end", [ATTACH_ERROR] = "error",
	[ATTACH_TIMER] = "timer", [ATTACH_UPROBE] = "uprobe",
	[ATTACH_URETPROBE] = "uretprobe", [ATTACH_RAW_TP] = "raw tracepoint",
	[ATTACH_PERF] = "perf event",
};

void probes_print(const struct script *s, const struct attach_table *t, FILE *out)
{
	fprintf(out, "# probes\n");
	for (int i = 0; i < t->n; i++) {
		const struct attach_point *a = &t->rows[i];
		fprintf(out, "%s /* probe %d, %s", a->pp, a->probe, kind_names[a->kind]);
		if (a->kind == ATTACH_UPROBE || a->kind == ATTACH_URETPROBE)
			fprintf(out, " %s+0x%" PRIx64, a->path, a->offset);
		if (a->kind == ATTACH_RAW_TP)
			fprintf(out, " %s", a->path);
		if (a->kind == ATTACH_PERF)
			fprintf(out, " type %" PRIu32 " config %" PRIu64 " %s %" PRIu64, a->perf_type,
				a->perf_config, a->perf_freq ? "hz" : "every", a->perf_sample);
		if (a->kind == ATTACH_TIMER)
			fprintf(out, " every %" PRIu64 " ns", a->period_ns);
		if (a->kind == ATTACH_TIMER && a->random_ns)
			fprintf(out, " +/- %" PRIu64 " ns", a->random_ns);
		if (a->pid_filter == PID_GIVEN)
			fprintf(out, " pid %d", a->pid);
		else if (a->pid_filter == PID_TARGET)
			fprintf(out, " target pid");
		else if (a->pid_filter == PID_FAMILY)
			fprintf(out, " target and descendants");
		fprintf(out, " */\n");
	}
	(void)s;
}
