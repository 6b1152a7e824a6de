/* SPDX-License-Identifier: GPL-2.0-or-later */
/* slice.c — array slices into foreach loops; see slice.h. */
#include "slice.h"

#include <string.h>

#include "parse/arena.h"
#include "parse/diag.h"

struct sl {
	struct arena *a;
	int n;          /* hidden locals made so far */
	int errors;
};

static bool is_any(const struct expr *e)
{
	return e && e->kind == EXPR_VAR && strcmp(e->name, "*") == 0;
}

static bool any_in(const struct expr *keys)
{
	for (; keys; keys = keys->next)
		if (is_any(keys))
			return true;
	return false;
}

static const char *hidden(struct sl *x)
{
	return arena_printf(x->a, "slice#%d", ++x->n);
}

static struct expr *var(struct sl *x, const char *name, const struct loc *loc)
{
	struct expr *e = ast_expr(x->a, EXPR_VAR, loc);
	e->name = name;
	return e;
}

static struct expr *binop(struct sl *x, enum op op, struct expr *l, struct expr *r,
			  const struct loc *loc)
{
	struct expr *e = ast_expr(x->a, EXPR_BINARY, loc);
	e->op = op;
	e->op_loc = *loc;
	e->lhs = l;
	e->rhs = r;
	return e;
}

static struct stmt *expr_stmt(struct sl *x, struct expr *e)
{
	struct stmt *s = ast_stmt(x->a, STMT_EXPR, &e->loc);
	s->expr = e;
	return s;
}

static struct stmt *set(struct sl *x, const char *name, struct expr *value,
			const struct loc *loc)
{
	struct expr *e = ast_expr(x->a, EXPR_ASSIGN, loc);
	e->op = OP_NONE;
	e->op_loc = *loc;
	e->lhs = var(x, name, loc);
	e->rhs = value;
	return expr_stmt(x, e);
}

static struct stmt *if_stmt(struct sl *x, struct expr *cond, struct stmt *then)
{
	struct stmt *s = ast_stmt(x->a, STMT_IF, &cond->loc);
	s->expr = cond;
	s->body = then;
	return s;
}

static struct stmt *block(struct sl *x, struct stmt *list, const struct loc *loc)
{
	struct stmt *b = ast_stmt(x->a, STMT_BLOCK, loc);
	b->body = list;
	return b;
}

/* Appends s to the list whose last link is **tail. */
static void append(struct stmt ***tail, struct stmt *s)
{
	**tail = s;
	while (s->next)
		s = s->next;
	*tail = &s->next;
}

/* For a slice's keys, matched against the key variables names: appends to
 * *pre the statements that keep each given key in a hidden local, and
 * returns the test that the variables equal them (NULL: all `*`). */
static struct expr *match(struct sl *x, struct expr *keys, const char *const *names,
			  struct stmt ***pre)
{
	struct expr *test = NULL;
	int i = 0;
	for (struct expr *k = keys, *next; k; k = next, i++) {
		next = k->next;
		k->next = NULL;
		if (is_any(k))
			continue;
		const char *h = hidden(x);
		append(pre, set(x, h, k, &k->loc));
		struct expr *t = binop(x, OP_EQ, var(x, names[i], &k->loc), var(x, h, &k->loc),
				       &k->loc);
		test = test ? binop(x, OP_LAND, test, t, &k->loc) : t;
	}
	return test;
}

/* foreach ([names] in array) body */
static struct stmt *walk(struct sl *x, const char *array, const struct loc *loc, int nkeys,
			 const char **names, struct stmt *body)
{
	struct foreach *f = arena_alloc(x->a, sizeof(*f));
	f->keys = names;
	f->nkeys = nkeys;
	f->key_locs = arena_alloc(x->a, (size_t)nkeys * sizeof(*f->key_locs));
	for (int i = 0; i < nkeys; i++)
		f->key_locs[i] = *loc;
	f->array = array;
	f->array_loc = *loc;
	struct stmt *s = ast_stmt(x->a, STMT_FOREACH, loc);
	s->foreach = f;
	s->body = body;
	return s;
}

static const char **hidden_names(struct sl *x, int n)
{
	const char **names = arena_alloc(x->a, (size_t)n * sizeof(*names));
	for (int i = 0; i < n; i++)
		names[i] = hidden(x);
	return names;
}

/* foreach (… in x[slice] limit L) body: the whole array, the body behind
 * the test, and the limit counted on the elements that pass it. */
static void lower_foreach(struct sl *x, struct stmt *s, struct stmt ***pre)
{
	struct foreach *f = s->foreach;
	int n = ast_count(f->slice);
	if (n != f->nkeys) {
		diag_error(&f->array_loc, "the slice of '%s' has %d key%s and the foreach %d",
			   f->array, n, n == 1 ? "" : "s", f->nkeys);
		x->errors++;
		return;
	}
	struct expr *test = match(x, f->slice, f->keys, pre);
	f->slice = NULL;
	struct stmt *head = NULL, **tail = &head;
	const struct loc *loc = &f->array_loc;
	if (test) {
		struct expr *not = ast_expr(x->a, EXPR_UNARY, &test->loc);
		not->op = OP_NOT;
		not->lhs = test;
		append(&tail, if_stmt(x, not, ast_stmt(x->a, STMT_CONTINUE, loc)));
	}
	if (f->limit) {
		const char *lim = hidden(x), *count = hidden(x);
		append(pre, set(x, lim, f->limit, &f->limit->loc));
		struct expr *zero = ast_expr(x->a, EXPR_NUM, loc);
		append(pre, set(x, count, zero, loc));
		append(&tail, if_stmt(x, binop(x, OP_GE, var(x, count, loc), var(x, lim, loc), loc),
				      ast_stmt(x->a, STMT_BREAK, loc)));
		struct expr *inc = ast_expr(x->a, EXPR_INCDEC, loc);
		inc->op = OP_POSTINC;
		inc->lhs = var(x, count, loc);
		append(&tail, expr_stmt(x, inc));
		f->limit = NULL;
	}
	append(&tail, s->body);
	s->body = block(x, head, &s->loc);
}

/* delete x[slice]: a foreach that deletes the elements that match. */
static struct stmt *lower_delete(struct sl *x, struct stmt *s, struct stmt ***pre)
{
	struct expr *e = s->expr;
	int n = ast_count(e->args);
	const char **names = hidden_names(x, n);
	struct expr *test = match(x, e->args, names, pre);
	struct expr *keys = NULL, **kt = &keys;
	for (int i = 0; i < n; i++) {
		*kt = var(x, names[i], &e->loc);
		kt = &(*kt)->next;
	}
	struct stmt *del = ast_stmt(x->a, STMT_DELETE, &s->loc);
	del->expr = ast_expr(x->a, EXPR_INDEX, &e->loc);
	del->expr->name = e->name;
	del->expr->name_loc = e->name_loc;
	del->expr->args = keys;
	struct stmt *w = walk(x, e->name, &e->name_loc, n, names,
			      test ? if_stmt(x, test, del) : del);
	w->foreach->deletes_own = true;
	return w;
}

/* [slice] in x, in an expression: the value of a hidden local, found by a
 * foreach appended to *pre; the node becomes that local. */
static void lower_in(struct sl *x, struct expr *e, struct stmt ***pre)
{
	int n = ast_count(e->args);
	const char **names = hidden_names(x, n);
	const char *found = hidden(x);
	struct expr *test = match(x, e->args, names, pre);
	const struct loc *loc = &e->loc;
	struct stmt *yes = set(x, found, ast_expr(x->a, EXPR_NUM, loc), loc);
	yes->expr->rhs->num = 1;
	yes->next = ast_stmt(x->a, STMT_BREAK, loc);
	struct stmt *body = block(x, yes, loc);
	append(pre, set(x, found, ast_expr(x->a, EXPR_NUM, loc), loc));
	append(pre, walk(x, e->name, &e->name_loc, n, names, test ? if_stmt(x, test, body) : body));
	e->kind = EXPR_VAR;
	e->name = found;
	e->args = NULL;
}

/* Slices in membership tests of e are lowered to *pre; with pre NULL, each
 * is an error (where nothing can go before the expression). */
static void lower_exprs(struct sl *x, struct expr *e, struct stmt ***pre)
{
	for (; e; e = e->next) {
		if (e->kind == EXPR_IN && any_in(e->args)) {
			if (pre) {
				lower_in(x, e, pre);
			} else {
				diag_error(&e->loc, "a slice cannot be tested here (a for loop's "
					   "condition or step)");
				x->errors++;
			}
			continue;
		}
		if (is_any(e)) {
			diag_error(&e->loc, "'*' stands for any key in a slice, which only "
				   "foreach, delete and 'in' take");
			x->errors++;
			continue;
		}
		lower_exprs(x, e->args, pre);
		lower_exprs(x, e->lhs, pre);
		lower_exprs(x, e->rhs, pre);
		lower_exprs(x, e->cond, pre);
		for (struct target_suffix *t = e->suffix; t; t = t->next)
			lower_exprs(x, t->index, pre);
	}
}

static void lower_stmt(struct sl *x, struct stmt **link);

static void lower_list(struct sl *x, struct stmt **link)
{
	for (; *link; link = &(*link)->next)
		lower_stmt(x, link);
}

/* The statement at *link, and those in it; what must run before it goes
 * with it in a block that takes its place. */
static void lower_stmt(struct sl *x, struct stmt **link)
{
	struct stmt *s = *link;
	struct stmt *pre = NULL, **tail = &pre;
	switch (s->kind) {
	case STMT_BLOCK:
		lower_list(x, &s->body);
		return;
	case STMT_IF:
		lower_stmt(x, &s->body);
		if (s->else_body)
			lower_stmt(x, &s->else_body);
		lower_exprs(x, s->expr, &tail);
		break;
	case STMT_WHILE: {
		lower_stmt(x, &s->body);
		lower_exprs(x, s->expr, &tail);
		if (pre) {
			/* while (c) b → while (1) { pre; if (!(c)) break; b } */
			struct expr *not = ast_expr(x->a, EXPR_UNARY, &s->expr->loc);
			not->op = OP_NOT;
			not->lhs = s->expr;
			append(&tail, if_stmt(x, not, ast_stmt(x->a, STMT_BREAK, &s->loc)));
			append(&tail, s->body);
			s->body = block(x, pre, &s->loc);
			s->expr = ast_expr(x->a, EXPR_NUM, &s->loc);
			s->expr->num = 1;
			return;
		}
		break;
	}
	case STMT_FOR:
		lower_stmt(x, &s->body);
		if (s->init)
			lower_exprs(x, s->init->expr, &tail);
		lower_exprs(x, s->expr, NULL);
		if (s->step)
			lower_exprs(x, s->step->expr, NULL);
		break;
	case STMT_FOREACH:
		lower_stmt(x, &s->body);
		lower_exprs(x, s->foreach->limit, &tail);
		if (s->foreach->slice)
			lower_foreach(x, s, &tail);
		break;
	case STMT_DELETE:
		if (s->expr && s->expr->kind == EXPR_INDEX && any_in(s->expr->args)) {
			struct stmt *w = lower_delete(x, s, &tail);
			append(&tail, w);
			struct stmt *b = block(x, pre, &s->loc);
			b->next = s->next;
			*link = b;
			return;
		}
		lower_exprs(x, s->expr, &tail);
		break;
	default:
		lower_exprs(x, s->expr, &tail);
		break;
	}
	if (!pre)
		return;
	struct stmt *b = block(x, pre, &s->loc);
	b->next = s->next;
	s->next = NULL;
	append(&tail, s);
	*link = b;
}

int slice_lower(struct script *s)
{
	struct sl x = { .a = s->arena };
	for (struct probe *p = s->probes; p; p = p->next)
		lower_stmt(&x, &p->body);
	for (struct func *f = s->funcs; f; f = f->next)
		lower_stmt(&x, &f->body);
	return x.errors ? -1 : 0;
}
