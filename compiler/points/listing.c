/* SPDX-License-Identifier: GPL-2.0-or-later */
/* listing.c — the lines of -l and -L; see listing.h.
 *
 * A name may stand for many rows: an alias of several points, a USDT
 * name with several sites.  Its variables under -L are those all of its
 * rows have, in the order the first rows give them: a variable that only
 * some of the points behind a name can give is no use to a script that
 * probes the name. */
#include "listing.h"

#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "check/resolve.h"
#include "points/probes.h"
#include "points/target.h"

struct entry {
	const char *name;
	int row;                 /* -1: a `never` point, which has none */
};

static int by_name(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;
	int c = strcmp(a->name, b->name);
	return c ? c : (a->row > b->row) - (a->row < b->row);
}

/* Words of a -L line and how many rows of the name gave each. */
struct words {
	const char **w;
	int *count;
	int n, cap;
};

static void words_add(struct words *ws, const char *w)
{
	for (int i = 0; i < ws->n; i++)
		if (strcmp(ws->w[i], w) == 0) {
			ws->count[i]++;
			return;
		}
	if (ws->n == ws->cap) {
		ws->cap = ws->cap ? 2 * ws->cap : 16;
		ws->w = xrealloc(ws->w, (size_t)ws->cap * sizeof(*ws->w));
		ws->count = xrealloc(ws->count, (size_t)ws->cap * sizeof(*ws->count));
	}
	ws->w[ws->n] = w;
	ws->count[ws->n++] = 1;
}

/* Each of a row's words once: a handler's locals (" n:long s:string",
 * split at sep " ") or the target variables of a listing (" $a:int
 * $p:const char*", whose types may hold blanks: sep " $"). */
static void row_words(struct arena *a, struct words *ws, const char *list, const char *sep)
{
	struct words mine = { 0 };
	while (list && *list) {
		while (*list == ' ')
			list++;
		const char *end = strstr(list, sep);
		size_t len = end ? (size_t)(end - list) : strlen(list);
		if (len)
			words_add(&mine, arena_printf(a, "%.*s", (int)len, list));
		list += len;
	}
	for (int i = 0; i < mine.n; i++)
		words_add(ws, mine.w[i]);
	free(mine.w);
	free(mine.count);
}

/* The locals a probe's handler has, as a listing: "name:string". */
static const char *locals_of(struct arena *a, const struct resolved *res, int probe)
{
	const struct handler *h = &res->probes[probe];
	const char *s = "";
	for (int i = 0; i < h->nlocals; i++) {
		const struct sym *v = h->locals[i];
		if (v->kind != SYM_LOCAL || v->type == TYPE_UNKNOWN || v->is_array)
			continue;
		s = arena_printf(a, "%s %s:%s", s, v->name, type_name(v->type));
	}
	return s;
}

static void print_vars(struct arena *a, struct attach_table *t, const struct resolved *res,
		       const struct entry *e, int n, FILE *out)
{
	struct words locals = { 0 }, args = { 0 };
	for (int i = 0; i < n; i++) {
		int row = e[i].row;
		row_words(a, &locals, locals_of(a, res, row < 0 ? t->never_probe :
						  t->rows[row].probe), " ");
		row_words(a, &args, row < 0 ? "" : target_listing(t, row), " $");
	}
	for (int pass = 0; pass < 2; pass++) {
		const struct words *ws = pass ? &args : &locals;
		for (int i = 0; i < ws->n; i++)
			if (ws->count[i] == n)
				fprintf(out, " %s", ws->w[i]);
	}
	free(locals.w);
	free(locals.count);
	free(args.w);
	free(args.count);
}

void listing_only_user(struct script *s, const struct src_file *file)
{
	struct probe **t = &s->probes;
	for (struct probe *p = s->probes; p; p = p->next)
		if (p->loc.file == file) {
			*t = p;
			t = &p->next;
		}
	*t = NULL;
	s->nprobes = 0;
	for (struct probe *p = s->probes; p; p = p->next)
		p->id = s->nprobes++;
}

void listing_trim(struct script *s, const struct attach_table *t, bool with_vars)
{
	bool *has = xcalloc((size_t)s->nprobes + 1, sizeof(*has));
	for (int i = 0; i < t->n; i++)
		has[t->rows[i].probe] = with_vars;
	if (t->never_at)
		has[t->never_probe] = with_vars;
	for (struct probe *p = s->probes; p; p = p->next)
		if (!has[p->id]) {
			struct stmt *b = ast_stmt(s->arena, STMT_BLOCK, &p->body->loc);
			p->body = b;
		}
	free(has);
}

void listing_print(struct attach_table *t, const struct resolved *res, bool with_vars,
		   FILE *out)
{
	struct arena *a = t->arena;
	struct entry *e = arena_alloc(a, (size_t)(t->n + 1) * sizeof(*e));
	int n = 0;
	for (int i = 0; i < t->n; i++, n++) {
		const struct probe_point *at = t->ctx[i].at;
		e[n].name = at && at->listed ? at->listed : t->rows[i].pp;
		e[n].row = i;
	}
	if (t->never_at) {
		e[n].name = t->never_at->listed ? t->never_at->listed : t->never_at->text;
		e[n++].row = -1;
	}
	qsort(e, (size_t)n, sizeof(*e), by_name);
	for (int i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(e[j].name, e[i].name) == 0; j++)
			;
		fputs(e[i].name, out);
		if (with_vars)
			print_vars(a, t, res, e + i, j - i, out);
		fputc('\n', out);
	}
}
