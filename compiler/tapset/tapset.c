/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tapset.c — the library's files: the built-in tapset and the -I
 * directories, the index of what they define, and parsing one on demand;
 * see tapset.h.  link.c adds what a script needs to it. */
#include "tapset.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "parse/arena.h"
#include "parse/diag.h"
#include "tapset_impl.h"

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return n >= m && strcmp(s + n - m, tail) == 0;
}

static struct tfile *add_file(struct tapset *t, const char *name)
{
	if (t->nfiles == t->capfiles) {
		t->capfiles = t->capfiles ? 2 * t->capfiles : 32;
		struct tfile **v = arena_alloc(t->arena, (size_t)t->capfiles * sizeof(*v));
		if (t->nfiles)
			memcpy(v, t->files, (size_t)t->nfiles * sizeof(*v));
		t->files = v;
	}
	struct tfile *f = arena_alloc(t->arena, sizeof(*f));
	t->files[t->nfiles++] = f;
	f->name = name;
	f->macros = ends_with(name, ".stpm");
	return f;
}

/* The macros made from the machine uscript runs on and the compilation:
 * for tzinfo.stp, @__tz_gmtoff, the local zone's offset now in seconds
 * west of UTC, and @__tz_name, its abbreviation, as staprun hands them to
 * SystemTap's module when it starts; and @MAXSTRINGLEN, as SystemTap's
 * macros.stpm has it.  Parsed once, as a macro file. */
static void load_host_macros(struct tapset *t)
{
	if (t->host_macros)
		return;
	t->host_macros = true;
	time_t now = time(NULL);
	struct tm tm;
	tzset();
	if (!localtime_r(&now, &tm)) {
		tm.tm_gmtoff = 0;
		tm.tm_zone = "UTC";
	}
	/* A zone's name is letters, digits, '+' and '-'; nothing that would
	 * need escaping in a string literal. */
	char zone[64];
	size_t n = 0;
	for (const char *c = tm.tm_zone ? tm.tm_zone : ""; *c && n < sizeof(zone) - 1; c++)
		if (*c != '"' && *c != '\\' && (unsigned char)*c >= ' ')
			zone[n++] = *c;
	zone[n] = '\0';
	struct src_file *src = arena_alloc(t->arena, sizeof(*src));
	src->name = "<time zone>";
	src->text = arena_printf(t->arena, "@define __tz_gmtoff %%( %ld %%)\n"
				 "@define __tz_name %%( \"%s\" %%)\n"
				 "@define MAXSTRINGLEN %%( %lu %%)\n", -(long)tm.tm_gmtoff, zone,
				 t->maxstringlen);
	src->len = strlen(src->text);
	struct parse_opts o = t->popts;
	o.macro_file = true;
	parse_script(t->arena, src, &o);
}

static void macro_miss(void *ctx, const char *name)
{
	struct tapset *t = ctx;
	if (strcmp(name, "__tz_gmtoff") == 0 || strcmp(name, "__tz_name") == 0 ||
	    strcmp(name, "MAXSTRINGLEN") == 0) {
		load_host_macros(t);
		return;
	}
	int i = tapset_find(t, TAPSET_MACRO, name, -1);
	if (i >= 0 && !t->files[i]->pulled)
		tapset_load(t, i);
}

static bool fits(const struct tapset *t, enum tapset_kind kind, enum tapset_kind dkind,
		 int file);

/* The macros of the library's macro files, by name. */
static void each_macro(void *ctx, void (*say)(void *arg, const char *name), void *arg)
{
	struct tapset *t = ctx;
	for (int i = 0; i < tapset_embedded_ndefs; i++) {
		const struct tapset_embedded_def *d = &tapset_embedded_defs[i];
		if (fits(t, TAPSET_MACRO, d->kind, d->file))
			say(arg, d->name);
	}
	tapset_scan_dirs(t);
	for (int i = 0; i < t->ndefs; i++)
		if (fits(t, TAPSET_MACRO, t->defs[i].kind, t->defs[i].file))
			say(arg, t->defs[i].name);
}

struct tapset *tapset_new(struct arena *a, char **dirs, int ndirs)
{
	struct tapset *t = arena_alloc(a, sizeof(*t));
	t->arena = a;
	t->dirs = dirs;
	t->ndirs = ndirs;
	for (int i = 0; i < tapset_embedded_nfiles; i++) {
		const struct tapset_embedded_file *e = &tapset_embedded_files[i];
		struct tfile *f = add_file(t, e->name);
		f->src.name = arena_printf(a, "tapset/%s", e->name);
		f->src.text = e->text;
		f->src.len = e->len;
		f->src.library = true;
	}
	t->popts.library = pp_library_new(a);
	t->popts.library_miss = macro_miss;
	t->popts.library_macros = each_macro;
	t->popts.library_ctx = t;
	return t;
}

void tapset_set_maxstringlen(struct tapset *t, unsigned long n)
{
	t->maxstringlen = n;
}

void tapset_parse_opts(struct tapset *t, struct parse_opts *opts)
{
	opts->library = t->popts.library;
	opts->library_miss = macro_miss;
	opts->library_macros = each_macro;
	opts->library_ctx = t;
	t->popts.args = opts->args;
	t->popts.nargs = opts->nargs;
	t->popts.kernel_release = opts->kernel_release;
}

/* ---- the -I directories ---- */

static void add_def(void *ctx, enum tapset_kind kind, const char *name, size_t len, int arity)
{
	struct tapset *t = ctx;
	if (t->ndefs == t->capdefs) {
		t->capdefs = t->capdefs ? 2 * t->capdefs : 64;
		struct tdef *d = arena_alloc(t->arena, (size_t)t->capdefs * sizeof(*d));
		if (t->ndefs)
			memcpy(d, t->defs, (size_t)t->ndefs * sizeof(*d));
		t->defs = d;
	}
	struct tdef *d = &t->defs[t->ndefs++];
	d->name = arena_strndup(t->arena, name, len);
	d->kind = kind;
	d->arity = arity;
	d->file = t->nfiles - 1;
}

static int by_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static bool seen(const struct tapset *t, const char *name)
{
	for (int i = 0; i < t->nfiles; i++)
		if (strcmp(t->files[i]->name, name) == 0)
			return true;
	return false;
}

static char *read_text(struct arena *a, const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct stat st;
	if (fstat(fileno(f), &st) < 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		return NULL;
	}
	char *text = arena_alloc(a, (size_t)st.st_size + 1);
	size_t n = fread(text, 1, (size_t)st.st_size, f);
	fclose(f);
	text[n] = '\0';
	*len = n;
	return text;
}

/* One directory's *.stp and *.stpm files, in the order of their names
 * (stap takes them as the directory lists them; sorted, a run is the same
 * on every file system).  SystemTap searches a directory's subdirectories
 * for kernel versions and architectures first; uscript's tapset has no
 * such variants, and -I directories are searched at their top only. */
static void scan_dir(struct tapset *t, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!ends_with(e->d_name, ".stp") && !ends_with(e->d_name, ".stpm"))
			continue;
		if (n == cap)
			names = xrealloc(names, (cap = cap ? 2 * cap : 16) * sizeof(*names));
		names[n++] = arena_strdup(t->arena, e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		/* A name seen in an earlier directory: stap skips the file. */
		if (seen(t, names[i]))
			continue;
		const char *path = arena_printf(t->arena, "%s%s%s", dir,
						ends_with(dir, "/") ? "" : "/", names[i]);
		size_t len;
		char *text = read_text(t->arena, path, &len);
		if (!text)
			continue;
		struct tfile *f = add_file(t, names[i]);
		f->src.name = path;
		f->src.text = text;
		f->src.len = len;
		f->src.library = true;
		tapset_scan(text, len, add_def, t);
	}
	free(names);
}

void tapset_scan_dirs(struct tapset *t)
{
	if (t->scanned)
		return;
	t->scanned = true;
	for (int i = 0; i < t->ndirs; i++)
		scan_dir(t, t->dirs[i]);
}

/* ---- the index ---- */

/* Whether a definition answers: its kind, and for a macro a macro file
 * (a .stp file's macros are its own). */
static bool fits(const struct tapset *t, enum tapset_kind kind, enum tapset_kind dkind, int file)
{
	return dkind == kind && (kind != TAPSET_MACRO || t->files[file]->macros);
}

int tapset_find(struct tapset *t, enum tapset_kind kind, const char *name, int arity)
{
	int other = -1;
	/* The built-in index is sorted by name: the first entry of NAME. */
	int lo = 0, hi = tapset_embedded_ndefs;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (strcmp(tapset_embedded_defs[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (int i = lo; i < tapset_embedded_ndefs; i++) {
		const struct tapset_embedded_def *d = &tapset_embedded_defs[i];
		if (strcmp(d->name, name) != 0)
			break;
		if (!fits(t, kind, d->kind, d->file))
			continue;
		if (arity < 0 || d->arity == arity)
			return d->file;
		if (other < 0)
			other = d->file;
	}
	tapset_scan_dirs(t);
	for (int i = 0; i < t->ndefs; i++) {
		const struct tdef *d = &t->defs[i];
		if (strcmp(d->name, name) != 0 || !fits(t, kind, d->kind, d->file))
			continue;
		if (arity < 0 || d->arity == arity)
			return d->file;
		if (other < 0)
			other = d->file;
	}
	return other;
}

static bool script_empty(const struct script *s)
{
	return !s->probes && !s->funcs && !s->globals && !s->embedded && !s->aliases;
}

struct script *tapset_load(struct tapset *t, int i)
{
	struct tfile *f = t->files[i];
	if (f->pulled)
		return NULL;
	f->pulled = true;
	struct parse_opts o = t->popts;
	o.macro_file = f->macros;
	struct script *s = parse_script(t->arena, &f->src, &o);
	if (f->macros && !script_empty(s)) {
		struct loc where = { .file = &f->src, .line = 1, .col = 1, .end_line = 1,
				     .end_col = 1 };
		diag_error(&where, "a macro file (.stpm) may only hold '@define' definitions");
		return NULL;
	}
	return f->macros ? NULL : s;
}

/* ---- aliases, names, all ---- */

/* Whether an alias's name `def` is matched by a use `name`, component by
 * component, with wildcards. */
static bool alias_matches(const char *name, const char *def)
{
	char pat[256], str[256];
	if (strlen(name) >= sizeof(pat) || strlen(def) >= sizeof(str))
		return false;
	/* '.' as '/' and FNM_PATHNAME: a '*' stays in its component. */
	for (size_t i = 0;; i++)
		if (!(pat[i] = name[i] == '.' ? '/' : name[i]))
			break;
	for (size_t i = 0;; i++)
		if (!(str[i] = def[i] == '.' ? '/' : def[i]))
			break;
	/* A "**" spans components: such a use pulls in every file that
	 * could hold what it matches, which points/globs.c then sorts out. */
	return fnmatch(pat, str, strstr(pat, "**") ? 0 : FNM_PATHNAME) == 0;
}

bool tapset_pull_alias(struct tapset *t, struct script *s, const char *name)
{
	bool any = false;
	for (int i = 0; i < tapset_embedded_ndefs; i++) {
		const struct tapset_embedded_def *d = &tapset_embedded_defs[i];
		if (d->kind == TAPSET_ALIAS && alias_matches(name, d->name)) {
			tapset_link_file(t, s, d->file);
			any = true;
		}
	}
	tapset_scan_dirs(t);
	for (int i = 0; i < t->ndefs; i++) {
		const struct tdef *d = &t->defs[i];
		if (d->kind == TAPSET_ALIAS && alias_matches(name, d->name)) {
			tapset_link_file(t, s, d->file);
			any = true;
		}
	}
	return any;
}

void tapset_each_function(void *library, void (*fn)(void *ctx, const char *name), void *ctx)
{
	struct tapset *t = library;
	for (int i = 0; i < tapset_embedded_ndefs; i++) {
		const struct tapset_embedded_def *d = &tapset_embedded_defs[i];
		if (d->kind == TAPSET_FUNCTION &&
		    (i == 0 || strcmp(d->name, tapset_embedded_defs[i - 1].name) != 0))
			fn(ctx, d->name);
	}
	tapset_scan_dirs(t);
	for (int i = 0; i < t->ndefs; i++)
		if (t->defs[i].kind == TAPSET_FUNCTION)
			fn(ctx, t->defs[i].name);
}

void tapset_each_alias(void *library, void (*fn)(void *ctx, const char *name), void *ctx)
{
	struct tapset *t = library;
	for (int i = 0; i < tapset_embedded_ndefs; i++)
		if (tapset_embedded_defs[i].kind == TAPSET_ALIAS)
			fn(ctx, tapset_embedded_defs[i].name);
	tapset_scan_dirs(t);
	for (int i = 0; i < t->ndefs; i++)
		if (t->defs[i].kind == TAPSET_ALIAS)
			fn(ctx, t->defs[i].name);
}

struct script *tapset_all(struct tapset *t)
{
	tapset_scan_dirs(t);
	struct script *all = arena_alloc(t->arena, sizeof(*all));
	all->arena = t->arena;
	all->file = t->nfiles ? &t->files[0]->src : NULL;
	t->script = all;
	int errors = diag_errors();
	/* Macro files first: the others may use their macros. */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < t->nfiles; i++)
			if (t->files[i]->macros == (pass == 0))
				tapset_link_file(t, all, i);
	return diag_errors() > errors ? NULL : all;
}
