/* resolve.c — name binding and type inference; see resolve.h.
 *
 * Inference walks every handler repeatedly, each walk fixing the types it can
 * from what the previous walks fixed (a global typed in one probe types its
 * uses in another; a function's return type flows into its callers).  The
 * walks only ever fill in unknown types, so they stop; then one last walk,
 * with `checking` set, reports every conflict and every type still unknown,
 * each exactly once. */
#include "resolve.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "builtins.h"
#include "compile.h"
#include "parse/diag.h"
#include "format.h"
#include "stats.h"
#include "usage.h"

struct rs {
	struct script *script;
	const struct compile_opts *opts;
	struct arena *arena;
	struct resolved *out;
	struct handler *h;       /* the handler being walked */
	bool in_return_probe;    /* every point of the probe is a .return */
	bool in_process_probe;   /* every point of the probe is a process probe */
	bool checking;
	bool changed;
	bool hist_ok;            /* a histogram may stand here: print's argument */
	int loop_depth;
	struct sym **globals;
	int nglobals, cap_globals;
};

/* ---- symbols ---- */

static struct sym *sym_new(struct rs *rs, const char *name, enum sym_kind kind,
			   const struct loc *loc)
{
	struct sym *s = arena_alloc(rs->arena, sizeof(*s));
	s->name = name;
	s->kind = kind;
	s->loc = *loc;
	return s;
}

static struct sym *global_find(struct rs *rs, const char *name)
{
	for (int i = 0; i < rs->nglobals; i++)
		if (strcmp(rs->globals[i]->name, name) == 0)
			return rs->globals[i];
	return NULL;
}

static void global_add(struct rs *rs, struct sym *s)
{
	if (rs->nglobals == rs->cap_globals) {
		rs->cap_globals = rs->cap_globals ? 2 * rs->cap_globals : 16;
		struct sym **g = arena_alloc(rs->arena, rs->cap_globals * sizeof(*g));
		if (rs->nglobals)
			memcpy(g, rs->globals, rs->nglobals * sizeof(*g));
		rs->globals = g;
	}
	s->index = rs->nglobals;
	rs->globals[rs->nglobals++] = s;
}

static struct sym *local_find(struct handler *h, const char *name)
{
	for (int i = 0; i < h->nlocals; i++)
		if (strcmp(h->locals[i]->name, name) == 0)
			return h->locals[i];
	return NULL;
}

static struct sym *local_add(struct rs *rs, struct handler *h, const char *name,
			     enum sym_kind kind, const struct loc *loc)
{
	/* Handlers have few locals; growing by copying keeps the arena simple. */
	struct sym **l = arena_alloc(rs->arena, (h->nlocals + 1) * sizeof(*l));
	if (h->nlocals)
		memcpy(l, h->locals, h->nlocals * sizeof(*l));
	struct sym *s = sym_new(rs, name, kind, loc);
	s->index = h->nlocals;
	l[h->nlocals++] = s;
	h->locals = l;
	return s;
}

/* A plain name: a local or parameter of the handler, else a global, else a
 * new local (SystemTap's rule: locals spring into being on first use). */
static struct sym *bind_name(struct rs *rs, const char *name, const struct loc *loc)
{
	struct sym *s = local_find(rs->h, name);
	if (!s)
		s = global_find(rs, name);
	if (!s)
		s = local_add(rs, rs->h, name, SYM_LOCAL, loc);
	return s;
}

static struct func *func_find(struct script *s, const char *name)
{
	for (struct func *f = s->funcs; f; f = f->next)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

static struct handler *handler_of(struct rs *rs, const struct func *f)
{
	for (int i = 0; i < rs->out->nfuncs; i++)
		if (rs->out->funcs[i].func == f)
			return &rs->out->funcs[i];
	return NULL;
}

/* ---- types ---- */

static void note_type_origin(const struct sym *s)
{
	if (!s || !s->type_loc.file)
		return;
	if (s->type_declared)
		diag_note(&s->type_loc, "'%s' is declared a %s here", s->name, type_name(s->type));
	else
		diag_note(&s->type_loc, "'%s' was inferred to be a %s here",
			  s->name, type_name(s->type));
}

/* Gives an untyped symbol a type, or reports a conflict when checking. */
static void sym_unify(struct rs *rs, struct sym *s, enum type t, const struct loc *loc)
{
	if (t == TYPE_UNKNOWN)
		return;
	if (s->type == TYPE_UNKNOWN) {
		s->type = t;
		s->type_loc = *loc;
		rs->changed = true;
		return;
	}
	if (s->type != t && rs->checking) {
		diag_error(loc, "type mismatch: '%s' is used as a %s here, but it is a %s",
			   s->name, type_name(t), type_name(s->type));
		note_type_origin(s);
	}
}

static void mismatch(struct rs *rs, const struct expr *e, enum type got, enum type want,
		     const char *what)
{
	if (!rs->checking)
		return;
	if (what)
		diag_error(&e->loc, "type mismatch: %s must be a %s, not a %s", what,
			   type_name(want), type_name(got));
	else
		diag_error(&e->loc, "type mismatch: expected a %s, not a %s",
			   type_name(want), type_name(got));
	if (e->kind == EXPR_VAR)
		note_type_origin(e->sym);
}

static enum type infer(struct rs *rs, struct expr *e, enum type want, const char *what);
static void walk_stmt(struct rs *rs, struct stmt *s);
static void walk_foreach(struct rs *rs, struct stmt *st);
static void walk_delete(struct rs *rs, struct expr *e);

static void not_supported(struct rs *rs, const struct loc *loc, const char *what)
{
	if (rs->checking)
		diag_error(loc, "%s is not supported yet", what);
}

/* An expression that is wrong in itself: reported once, and what follows
 * from it is not reported again. */
static bool is_bad(const struct expr *e)
{
	if (!e)
		return false;
	if (e->bad)
		return true;
	for (const struct expr *a = e->args; a; a = a->next)
		if (is_bad(a))
			return true;
	return is_bad(e->lhs) || is_bad(e->rhs) || is_bad(e->cond);
}

/* An expression that must be a long (or a string, …): infers it with that
 * hint and reports a different type. */
static void expect(struct rs *rs, struct expr *e, enum type want, const char *what)
{
	enum type t = infer(rs, e, want, what);
	if (t != TYPE_UNKNOWN && want != TYPE_UNKNOWN && t != want)
		mismatch(rs, e, t, want, what);
}

/* ---- arrays and statistics ---- */

/* The global array `name`, used with nkeys keys at loc.  Arrays are global,
 * as in SystemTap; the first use with keys fixes how many. */
static struct sym *bind_array(struct rs *rs, const char *name, const struct loc *loc, int nkeys)
{
	struct sym *s = local_find(rs->h, name);
	if (s) {
		if (rs->checking)
			diag_error(loc, "'%s' is a local variable, and only globals can be arrays; "
				   "declare it with 'global %s'", name, name);
		return NULL;
	}
	s = global_find(rs, name);
	if (!s) {
		if (rs->checking)
			diag_error(loc, "unknown array '%s': declare it with 'global %s'", name, name);
		return NULL;
	}
	/* The first use decides: a global first used without keys is a
	 * scalar, and a use with keys is the error. */
	if (s->scalar_use) {
		if (rs->checking) {
			diag_error(loc, "'%s' is used with %d key%s here, but with 0 elsewhere", name,
				   nkeys, nkeys == 1 ? "" : "s");
			diag_note(&s->scalar_loc, "'%s' is used with 0 keys here", name);
		}
		return NULL;
	}
	if (!s->is_array) {
		s->is_array = true;
		rs->changed = true;
	}
	if (s->nkeys == 0 && nkeys > 0) {
		s->nkeys = nkeys;
		s->keys_loc = *loc;
		rs->changed = true;
	} else if (s->nkeys != nkeys && rs->checking) {
		diag_error(loc, "'%s' is used with %d key%s here, but with %d elsewhere", name,
			   nkeys, nkeys == 1 ? "" : "s", s->nkeys);
		diag_note(&s->keys_loc, "'%s' is used with %d key%s here", name, s->nkeys,
			  s->nkeys == 1 ? "" : "s");
	}
	return s;
}

/* Infers the keys of a[k1, k2…] against the array's key types. */
static void infer_keys(struct rs *rs, struct sym *s, struct expr *keys)
{
	int i = 0;
	for (struct expr *k = keys; k; k = k->next, i++) {
		enum type want = s && i < MAX_KEYS ? s->key_types[i] : TYPE_UNKNOWN;
		enum type t = infer(rs, k, want, NULL);
		if (!s || i >= s->nkeys || i >= MAX_KEYS)
			continue;
		if (t == TYPE_STAT || (t != TYPE_LONG && t != TYPE_STRING && t != TYPE_UNKNOWN)) {
			if (rs->checking)
				diag_error(&k->loc, "an array key must be a long or a string");
		} else if (s->key_types[i] == TYPE_UNKNOWN && t != TYPE_UNKNOWN) {
			s->key_types[i] = t;
			rs->changed = true;
		} else if (t != TYPE_UNKNOWN && t != s->key_types[i] && rs->checking) {
			diag_error(&k->loc, "type mismatch: key %d of '%s' is a %s, not a %s", i + 1,
				   s->name, type_name(s->key_types[i]), type_name(t));
			diag_note(&s->keys_loc, "'%s' is first used with keys here", s->name);
		}
	}
	if (i > MAX_KEYS && rs->checking)
		diag_error(&keys->loc, "an array has at most %d keys", MAX_KEYS);
}

/* The variable a statistic operation works on: x in x <<< v and @count(x),
 * or a[k] for an array of statistics.  Statistics are global. */
static struct sym *bind_stat(struct rs *rs, struct expr *target)
{
	struct sym *s = NULL;
	if (target->kind == EXPR_VAR) {
		s = local_find(rs->h, target->name);
		if (s) {
			if (rs->checking)
				diag_error(&target->loc, "'%s' is a local variable, and only globals "
					   "can be statistics; declare it with 'global %s'",
					   target->name, target->name);
			return NULL;
		}
		s = global_find(rs, target->name);
		if (!s) {
			if (rs->checking)
				diag_error(&target->loc, "unknown statistic '%s': declare it with "
					   "'global %s'", target->name, target->name);
			return NULL;
		}
		if (s->is_array && rs->checking)
			diag_error(&target->loc, "'%s' is an array and needs an index here", s->name);
	} else if (target->kind == EXPR_INDEX) {
		s = bind_array(rs, target->name, &target->name_loc, ast_count(target->args));
		infer_keys(rs, s, target->args);
	} else {
		if (rs->checking)
			diag_error(&target->loc, "statistics are kept in global variables and arrays, "
				   "as in x <<< v or a[k] <<< v");
		return NULL;
	}
	target->sym = s;
	if (s)
		sym_unify(rs, s, TYPE_STAT, &target->loc);
	return s;
}

/* A number written in the script, maybe negated: -50. */
static bool literal(const struct expr *e, int64_t *v)
{
	if (e && e->kind == EXPR_NUM) {
		*v = e->num;
		return true;
	}
	if (e && e->kind == EXPR_UNARY && e->op == OP_NEG && e->lhs->kind == EXPR_NUM) {
		*v = -(int64_t)((uint64_t)e->lhs->num);
		return true;
	}
	return false;
}

static enum type infer_stat_op(struct rs *rs, struct expr *e)
{
	struct expr *target = e->args;
	struct sym *s = target ? bind_stat(rs, target) : NULL;
	if (!s || (e->stat != STAT_HIST_LOG && e->stat != STAT_HIST_LINEAR))
		return TYPE_LONG;
	struct stat_shape shape = { .hist = HIST_LOG, .buckets = HIST_LOG_BUCKETS };
	if (e->stat == STAT_HIST_LINEAR) {
		struct expr *lo = target->next, *hi = lo ? lo->next : NULL;
		struct expr *step = hi ? hi->next : NULL;
		int64_t vlo, vhi, vstep;
		if (!literal(lo, &vlo) || !literal(hi, &vhi) || !literal(step, &vstep)) {
			if (rs->checking)
				diag_error(&e->loc, "@hist_linear takes a statistic and three numbers: "
					   "@hist_linear(x, low, high, step)");
			return TYPE_UNKNOWN;
		}
		shape.hist = HIST_LINEAR;
		shape.lo = vlo;
		shape.hi = vhi;
		shape.step = vstep;
		/* SystemTap takes them as C ints, and refuses to start unless
		 * there are 0 to 125 steps from low to high. */
		bool ints = vlo >= INT32_MIN && vlo <= INT32_MAX && vhi >= INT32_MIN &&
			    vhi <= INT32_MAX && vstep > 0 && vstep <= INT32_MAX;
		shape.buckets = ints ? stats_linear_buckets(vlo, vhi, vstep) : 0;
		if (shape.buckets == 0) {
			if (rs->checking)
				diag_error(&e->loc, "@hist_linear needs a positive step and 0 to 125 "
					   "steps from low to high, all fitting in 32 bits");
			return TYPE_UNKNOWN;
		}
	}
	if (s->shape.hist == HIST_NONE) {
		s->shape = shape;
		s->shape_loc = e->loc;
		rs->changed = true;
	} else if (rs->checking && memcmp(&s->shape, &shape, sizeof(shape)) != 0) {
		diag_error(&e->loc, "'%s' already keeps another histogram; a statistic keeps one",
			   s->name);
		diag_note(&s->shape_loc, "'%s' keeps this histogram", s->name);
	}
	return TYPE_UNKNOWN;
}

static enum type infer_var(struct rs *rs, struct expr *e, enum type want)
{
	if (!e->sym)
		e->sym = bind_name(rs, e->name, &e->loc);
	struct sym *s = e->sym;
	if (s->kind == SYM_GLOBAL && !s->is_array && !s->scalar_use && s->type != TYPE_STAT) {
		s->scalar_use = true;
		s->scalar_loc = e->loc;
	}
	if (s->is_array) {
		if (rs->checking && !e->bad)
			diag_error(&e->loc, "'%s' is an array and needs an index here", s->name);
		e->bad = rs->checking;
		return TYPE_UNKNOWN;
	}
	if (s->type == TYPE_STAT) {
		if (rs->checking) {
			diag_error(&e->loc, "'%s' is a statistic; read it with @count, @sum, "
				   "@min, @max or @avg", s->name);
		}
		return TYPE_UNKNOWN;
	}
	if (s->type == TYPE_UNKNOWN && want != TYPE_UNKNOWN && want != TYPE_STAT)
		sym_unify(rs, s, want, &e->loc);
	return s->type;
}

static bool is_lvalue(const struct expr *e)
{
	return e->kind == EXPR_VAR || e->kind == EXPR_INDEX;
}

/* A target variable's type comes from its spelling, as in SystemTap:
 * $$name, $$parms and the pretty-printed $x$ are strings, the rest longs.
 * Where it is read from is worked out per probe point (target.c). */
static enum type infer_target(struct rs *rs, struct expr *e)
{
	for (struct target_suffix *s = e->suffix; s; s = s->next)
		if (s->index)
			expect(rs, s->index, TYPE_LONG, "an index of a target variable");
	if (rs->checking && !rs->h->probe) {
		diag_error(&e->loc, "target variables such as $%s%.*s can only be used in "
			   "probe handlers, not in functions; pass the value as an argument",
			   e->name, e->pretty, "$$");
		e->bad = true;
	} else if (rs->checking && !rs->in_process_probe) {
		diag_error(&e->loc, "target variables such as $%s%.*s can only be used in "
			   "process probes", e->name, e->pretty, "$$");
		e->bad = true;
	}
	/* The pretty-printed forms are text the runtime makes (OUT_PRETTY). */
	if (rs->checking && e->pretty && !e->printed && !e->bad) {
		diag_error(&e->loc, "$%s%.*s can only be printed, as an argument of print, println, "
			   "printd, printdln or printf: uscript formats it when it prints it",
			   e->name, e->pretty, "$$");
		e->bad = true;
	}
	return e->name[0] == '$' || e->pretty ? TYPE_STRING : TYPE_LONG;
}

static enum type infer_assign(struct rs *rs, struct expr *e)
{
	struct expr *lhs = e->lhs;
	if (!is_lvalue(lhs)) {
		if (lhs->kind == EXPR_TARGET)
			not_supported(rs, &lhs->loc, "assigning to a target variable");
		else if (rs->checking)
			diag_error(&lhs->loc, "cannot assign to this expression");
		infer(rs, e->rhs, TYPE_UNKNOWN, NULL);
		return TYPE_UNKNOWN;
	}
	if (e->op == OP_NONE) {
		enum type tl = infer(rs, lhs, TYPE_UNKNOWN, NULL);
		enum type tr = infer(rs, e->rhs, tl, NULL);
		if (rs->checking && lhs->sym && is_bad(e->rhs))
			lhs->sym->poisoned = true;
		if (tl == TYPE_UNKNOWN && tr != TYPE_UNKNOWN && lhs->kind == EXPR_VAR)
			tl = infer(rs, lhs, tr, NULL);
		else if (tl == TYPE_UNKNOWN && tr != TYPE_UNKNOWN && lhs->sym &&
			 lhs->sym->type == TYPE_UNKNOWN) {
			sym_unify(rs, lhs->sym, tr, &lhs->loc);
			tl = tr;
		}
		if (tl != TYPE_UNKNOWN && tr != TYPE_UNKNOWN && tl != tr && rs->checking) {
			diag_error(&e->rhs->loc, "type mismatch: cannot assign a %s to '%s', "
				   "which is a %s", type_name(tr), lhs->name, type_name(tl));
			note_type_origin(lhs->sym);
		}
		return tl;
	}
	enum type t = e->op == OP_CONCAT ? TYPE_STRING : TYPE_LONG;
	expect(rs, lhs, t, NULL);
	expect(rs, e->rhs, t, NULL);
	return t;
}

static enum type infer_binary(struct rs *rs, struct expr *e)
{
	switch (e->op) {
	case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE: {
		enum type tl = infer(rs, e->lhs, TYPE_UNKNOWN, NULL);
		enum type tr = infer(rs, e->rhs, tl, NULL);
		if (tl == TYPE_UNKNOWN && tr != TYPE_UNKNOWN)
			tl = infer(rs, e->lhs, tr, NULL);
		if (tl != TYPE_UNKNOWN && tr != TYPE_UNKNOWN && tl != tr && rs->checking)
			diag_error(&e->loc, "type mismatch: cannot compare a %s with a %s",
				   type_name(tl), type_name(tr));
		return TYPE_LONG;
	}
	case OP_CONCAT:
		expect(rs, e->lhs, TYPE_STRING, "an operand of '.'");
		expect(rs, e->rhs, TYPE_STRING, "an operand of '.'");
		return TYPE_STRING;
	default:
		expect(rs, e->lhs, TYPE_LONG, NULL);
		expect(rs, e->rhs, TYPE_LONG, NULL);
		return TYPE_LONG;
	}
}

/* printf's format must be a literal; it is checked against the arguments
 * here so a bad format never reaches the runtime. */
static void check_format(struct rs *rs, struct expr *call)
{
	struct expr *fmt = call->args;
	if (fmt->kind != EXPR_STR) {
		if (rs->checking)
			diag_error(&fmt->loc, "the format of %s must be a literal string",
				   call->name);
		for (struct expr *a = fmt->next; a; a = a->next)
			infer(rs, a, TYPE_UNKNOWN, NULL);
		return;
	}
	struct fmt f;
	struct fmt_error err;
	if (fmt_parse(fmt->str, fmt->str_len, &f, &err) < 0) {
		if (rs->checking) {
			/* Point at the '%' inside the literal when the literal is
			 * written plainly on one line, so columns match bytes. */
			struct loc at = fmt->loc;
			if (at.line == at.end_line &&
			    (size_t)(at.end_col - at.col) == fmt->str_len + 1) {
				at.col += 1 + (int)err.offset;
				at.end_col = at.col;
			}
			diag_error(&at, "%s", err.msg);
			if (err.note[0])
				diag_note(&at, "%s", err.note);
		}
		for (struct expr *a = fmt->next; a; a = a->next)
			infer(rs, a, TYPE_UNKNOWN, NULL);
		return;
	}
	size_t n = (size_t)ast_count(fmt->next), i = 0;
	enum fmt_kind *kinds = arena_alloc(rs->arena, (n + 1) * sizeof(*kinds));
	bool known = true;
	for (struct expr *a = fmt->next; a; a = a->next, i++) {
		enum type want = TYPE_UNKNOWN;
		if (i < f.nargs)
			want = f.args[i].kind == FMT_STRING ? TYPE_STRING : TYPE_LONG;
		enum type got = infer(rs, a, want, NULL);
		if (got != TYPE_LONG && got != TYPE_STRING)
			known = false;
		kinds[i] = got == TYPE_STRING ? FMT_STRING : FMT_LONG;
	}
	if (rs->checking && known && fmt_check_args(&f, kinds, n, &err) < 0) {
		struct expr *at = fmt->next;
		for (size_t k = 0; at && k < err.arg; k++)
			at = at->next;
		diag_error(at ? &at->loc : &call->loc, "%s", err.msg);
		if (err.note[0])
			diag_note(&fmt->loc, "%s", err.note);
	}
	fmt_free(&f);
}

static enum type infer_builtin(struct rs *rs, struct expr *e, const struct builtin *b)
{
	int min, max, n = ast_count(e->args);
	builtin_arity(b, &min, &max);
	if (n < min || (max >= 0 && n > max)) {
		if (rs->checking) {
			if (max < 0)
				diag_error(&e->loc, "%s takes at least %d argument%s, got %d",
					   b->name, min, min == 1 ? "" : "s", n);
			else if (min == max)
				diag_error(&e->loc, "%s takes %d argument%s, got %d",
					   b->name, min, min == 1 ? "" : "s", n);
			else
				diag_error(&e->loc, "%s takes %d to %d arguments, got %d",
					   b->name, min, max, n);
		}
		for (struct expr *a = e->args; a; a = a->next)
			infer(rs, a, TYPE_UNKNOWN, NULL);
		return b->ret;
	}
	if (!b->gen) {
		if (rs->checking) {
			diag_error(&e->loc, "%s() is not supported yet", b->name);
			e->bad = true;
		}
		return b->ret;
	}
	if (rs->checking && rs->h->probe) {
		if (b->where == BI_UPROBE && !rs->in_process_probe)
			diag_error(&e->loc, "%s() can only be used in process probes", b->name);
		if (b->where == BI_RETURN && !rs->in_return_probe)
			diag_error(&e->loc, "%s() can only be used in .return probes", b->name);
	}
	/* The values print and printf show themselves may be text only the
	 * runtime can make (cg_stack.c). */
	if (b->id == BI_printf || b->id == BI_print || b->id == BI_println ||
	    b->id == BI_printd || b->id == BI_printdln) {
		bool skip_first = b->id == BI_printf || b->id == BI_printd || b->id == BI_printdln;
		for (struct expr *a = skip_first ? e->args->next : e->args; a; a = a->next)
			a->printed = true;
	}
	if ((b->id == BI_sprint_ubacktrace || b->id == BI_usymname) && !e->printed &&
	    rs->checking)
		diag_error(&e->loc, "%s() can only be printed, as an argument of print, println, "
			   "printd, printdln or printf: uscript names the addresses when it "
			   "prints them", b->name);
	if (b->id == BI_printf || b->id == BI_sprintf) {
		check_format(rs, e);
		return b->ret;
	}
	if ((b->id == BI_printd || b->id == BI_printdln) && e->args->kind != EXPR_STR &&
	    rs->checking)
		diag_error(&e->args->loc, "the delimiter of %s must be a literal string", b->name);
	if ((b->id == BI_print || b->id == BI_println) && n == 1 && e->args->kind == EXPR_STAT &&
	    (e->args->stat == STAT_HIST_LOG || e->args->stat == STAT_HIST_LINEAR)) {
		rs->hist_ok = true;
		infer(rs, e->args, TYPE_UNKNOWN, NULL);
		rs->hist_ok = false;
		return b->ret;
	}
	int i = 0;
	for (struct expr *a = e->args; a; a = a->next, i++) {
		enum type want = builtin_arg_type(b, i);
		enum type got = infer(rs, a, want, NULL);
		if (want != TYPE_UNKNOWN && got != TYPE_UNKNOWN && got != want && rs->checking)
			diag_error(&a->loc, "argument %d of %s must be a %s, not a %s", i + 1,
				   b->name, type_name(want), type_name(got));
		if (got == TYPE_UNKNOWN && want == TYPE_UNKNOWN && rs->checking &&
		    a->kind != EXPR_VAR && !is_bad(a))
			diag_error(&a->loc, "cannot tell the type of argument %d of %s",
				   i + 1, b->name);
	}
	return b->ret;
}

static enum type infer_call(struct rs *rs, struct expr *e, enum type want)
{
	if (!e->builtin && !e->func) {
		e->func = func_find(rs->script, e->name);
		if (!e->func)
			e->builtin = builtin_find(e->name);
	}
	if (e->builtin)
		return infer_builtin(rs, e, e->builtin);
	if (!e->func) {
		if (rs->checking) {
			diag_error(&e->loc, "unknown function '%s'", e->name);
			e->bad = true;
		}
		for (struct expr *a = e->args; a; a = a->next)
			infer(rs, a, TYPE_UNKNOWN, NULL);
		return TYPE_UNKNOWN;
	}
	struct func *f = e->func;
	struct handler *fh = handler_of(rs, f);
	int n = ast_count(e->args);
	if (n != f->nparams) {
		if (rs->checking) {
			diag_error(&e->loc, "function '%s' takes %d argument%s, got %d", f->name,
				   f->nparams, f->nparams == 1 ? "" : "s", n);
			diag_note(&f->loc, "'%s' is defined here", f->name);
		}
		for (struct expr *a = e->args; a; a = a->next)
			infer(rs, a, TYPE_UNKNOWN, NULL);
		return f->ret_type;
	}
	int i = 0;
	for (struct expr *a = e->args; a; a = a->next, i++) {
		struct sym *p = fh->locals[i];
		enum type t = infer(rs, a, p->type, NULL);
		if (p->type == TYPE_UNKNOWN)
			sym_unify(rs, p, t, &a->loc);
		else if (t != TYPE_UNKNOWN && t != p->type && rs->checking) {
			diag_error(&a->loc, "type mismatch: parameter '%s' of '%s' is a %s, "
				   "not a %s", p->name, f->name, type_name(p->type), type_name(t));
			note_type_origin(p);
		}
	}
	if (f->ret_type == TYPE_UNKNOWN && want != TYPE_UNKNOWN && want != TYPE_STAT) {
		f->ret_type = want;
		rs->changed = true;
	}
	return f->ret_type;
}

static enum type infer(struct rs *rs, struct expr *e, enum type want, const char *what)
{
	enum type t = TYPE_UNKNOWN;
	switch (e->kind) {
	case EXPR_NUM:
		t = TYPE_LONG;
		break;
	case EXPR_STR:
		t = TYPE_STRING;
		break;
	case EXPR_VAR:
		t = infer_var(rs, e, want);
		break;
	case EXPR_CALL:
		t = infer_call(rs, e, want);
		break;
	case EXPR_SCRIPT_ARG:
		t = e->is_string ? TYPE_STRING : TYPE_LONG;
		if (rs->checking && e->num > rs->opts->nargs) {
			diag_error(&e->loc, "script argument %c%" PRId64 " is missing: %d argument%s "
				   "given", e->is_string ? '@' : '$', e->num, rs->opts->nargs,
				   rs->opts->nargs == 1 ? " was" : "s were");
		} else if (rs->checking && !e->is_string) {
			const char *v = rs->opts->args[e->num - 1];
			char *end;
			errno = 0;
			(void)strtoll(v, &end, 0);
			if (errno || end == v || *end)
				diag_error(&e->loc, "script argument $%" PRId64 " is not a number: "
					   "'%s' (use @%" PRId64 " for a string)", e->num, v, e->num);
		}
		break;
	case EXPR_ARGC:
		/* SystemTap's @# is the count as a string, $# as a number. */
		t = e->is_string ? TYPE_STRING : TYPE_LONG;
		break;
	case EXPR_UNARY:
		if (e->op == OP_DEREF) {
			/* *$p is $p[0], as in C */
			struct expr *target = e->lhs;
			if (target->kind == EXPR_TARGET && !target->pretty &&
			    target->name[0] != '$') {
				struct target_suffix *zero = arena_alloc(rs->arena, sizeof(*zero));
				zero->loc = e->loc;
				zero->index = arena_alloc(rs->arena, sizeof(*zero->index));
				zero->index->kind = EXPR_NUM;
				zero->index->loc = e->loc;
				zero->index->type = TYPE_LONG;
				struct target_suffix **end = &target->suffix;
				while (*end)
					end = &(*end)->next;
				*end = zero;
				struct loc loc = e->loc;
				struct expr *next = e->next;
				*e = *target;
				e->loc = loc;
				e->next = next;
				t = infer_target(rs, e);
				break;
			}
			if (rs->checking)
				diag_error(&e->loc, "'*' reads target memory through a target "
					   "variable, as in *$p");
			e->bad = rs->checking;
			infer(rs, e->lhs, TYPE_UNKNOWN, NULL);
			t = TYPE_LONG;
			break;
		}
		expect(rs, e->lhs, TYPE_LONG, NULL);
		t = TYPE_LONG;
		break;
	case EXPR_BINARY:
		t = infer_binary(rs, e);
		break;
	case EXPR_TERNARY: {
		expect(rs, e->cond, TYPE_LONG, "a condition");
		enum type tl = infer(rs, e->lhs, want, NULL);
		enum type tr = infer(rs, e->rhs, tl != TYPE_UNKNOWN ? tl : want, NULL);
		if (tl == TYPE_UNKNOWN && tr != TYPE_UNKNOWN)
			tl = infer(rs, e->lhs, tr, NULL);
		if (tl != TYPE_UNKNOWN && tr != TYPE_UNKNOWN && tl != tr && rs->checking)
			diag_error(&e->loc, "type mismatch: the branches of '?:' are a %s and a %s",
				   type_name(tl), type_name(tr));
		t = tl;
		break;
	}
	case EXPR_ASSIGN:
		t = infer_assign(rs, e);
		break;
	case EXPR_INCDEC:
		if (!is_lvalue(e->lhs)) {
			if (rs->checking)
				diag_error(&e->lhs->loc, "'%s' needs a variable", op_name(e->op));
		} else {
			expect(rs, e->lhs, TYPE_LONG, NULL);
		}
		t = TYPE_LONG;
		break;
	case EXPR_INDEX: {
		struct sym *s = bind_array(rs, e->name, &e->name_loc, ast_count(e->args));
		e->sym = s;
		infer_keys(rs, s, e->args);
		if (!s) {
			e->bad = rs->checking;
			break;
		}
		if (s->type == TYPE_STAT) {
			if (rs->checking)
				diag_error(&e->loc, "'%s' is an array of statistics; read an element "
					   "with @count(%s[…]), @sum, @min, @max or @avg", s->name, s->name);
			e->bad = rs->checking;
			break;
		}
		if (s->type == TYPE_UNKNOWN && want != TYPE_UNKNOWN && want != TYPE_STAT)
			sym_unify(rs, s, want, &e->loc);
		t = s->type;
		break;
	}
	case EXPR_IN: {
		struct sym *s = bind_array(rs, e->name, &e->name_loc, ast_count(e->args));
		e->sym = s;
		infer_keys(rs, s, e->args);
		t = TYPE_LONG;
		break;
	}
	case EXPR_STAT:
		if ((e->stat == STAT_HIST_LOG || e->stat == STAT_HIST_LINEAR) && !rs->hist_ok &&
		    rs->checking) {
			diag_error(&e->loc, "a histogram can only be printed, as in "
				   "print(%s(…))", stat_op_name(e->stat));
			e->bad = true;
		}
		t = infer_stat_op(rs, e);
		break;
	case EXPR_STAT_ADD:
		bind_stat(rs, e->lhs);
		expect(rs, e->rhs, TYPE_LONG, "a value added to a statistic");
		t = TYPE_UNKNOWN;
		break;
	case EXPR_TARGET:
		t = infer_target(rs, e);
		break;
	}
	e->type = t;
	(void)what;
	return t;
}

/* ---- statements ---- */

static void walk_list(struct rs *rs, struct stmt *s)
{
	for (; s; s = s->next)
		walk_stmt(rs, s);
}

static void walk_cond(struct rs *rs, struct expr *e)
{
	enum type t = infer(rs, e, TYPE_LONG, NULL);
	if (t == TYPE_STRING && rs->checking)
		diag_error(&e->loc, "type mismatch: a condition must be a long, not a string");
}

/* foreach ([k1, k2] in a): the loop variables are locals typed like the
 * array's keys and value. */
static void walk_foreach(struct rs *rs, struct stmt *st)
{
	struct foreach *f = st->foreach;
	struct sym *a = bind_array(rs, f->array, &f->array_loc, f->nkeys);
	f->array_sym = a;
	if (!f->key_syms)
		f->key_syms = arena_alloc(rs->arena, (size_t)(f->nkeys + 1) * sizeof(struct sym *));
	for (int i = 0; i < f->nkeys; i++) {
		struct sym *k = local_find(rs->h, f->keys[i]);
		if (!k && global_find(rs, f->keys[i])) {
			if (rs->checking)
				diag_error(&f->key_locs[i], "'%s' is a global; a loop variable must be "
					   "a local", f->keys[i]);
			continue;
		}
		if (!k)
			k = local_add(rs, rs->h, f->keys[i], SYM_LOCAL, &f->key_locs[i]);
		f->key_syms[i] = k;
		k->written = true;
		/* No array, or no such key: reported at the array already. */
		if (!a || i >= a->nkeys)
			k->poisoned = true;
		if (a && i < MAX_KEYS) {
			if (a->key_types[i] == TYPE_UNKNOWN && k->type != TYPE_UNKNOWN) {
				a->key_types[i] = k->type;
				rs->changed = true;
			}
			sym_unify(rs, k, a->key_types[i], &f->key_locs[i]);
		}
	}
	if (f->value) {
		struct sym *v = local_find(rs->h, f->value);
		if (!v && global_find(rs, f->value)) {
			if (rs->checking)
				diag_error(&f->value_loc, "'%s' is a global; a loop variable must be a "
					   "local", f->value);
		} else {
			if (!v)
				v = local_add(rs, rs->h, f->value, SYM_LOCAL, &f->value_loc);
			f->value_sym = v;
			if (!a)
				v->poisoned = true;
			if (a && a->type == TYPE_STAT) {
				if (rs->checking)
					diag_error(&f->value_loc, "'%s' holds statistics; read them with "
						   "@count(%s[…]) and the like in the loop", f->array,
						   f->array);
			} else if (a) {
				if (a->type == TYPE_UNKNOWN && v->type != TYPE_UNKNOWN)
					sym_unify(rs, a, v->type, &f->value_loc);
				sym_unify(rs, v, a->type, &f->value_loc);
			}
		}
	}
	if (f->has_aggr && a && a->type != TYPE_STAT && a->type != TYPE_UNKNOWN && rs->checking)
		diag_error(&f->array_loc, "'%s' holds no statistics, so it cannot be sorted by %s",
			   f->array, stat_op_name(f->sort_aggr));
	if (f->limit)
		expect(rs, f->limit, TYPE_LONG, "a limit");
	rs->loop_depth++;
	walk_stmt(rs, st->body);
	rs->loop_depth--;
}

/* delete a[k] removes an element, delete a every element, delete x resets
 * a scalar (or a statistic) to its initial value. */
static void walk_delete(struct rs *rs, struct expr *e)
{
	if (e->kind == EXPR_INDEX) {
		struct sym *s = bind_array(rs, e->name, &e->name_loc, ast_count(e->args));
		e->sym = s;
		infer_keys(rs, s, e->args);
		return;
	}
	if (e->kind != EXPR_VAR) {
		if (rs->checking)
			diag_error(&e->loc, "delete takes a variable, an array or an array element");
		infer(rs, e, TYPE_UNKNOWN, NULL);
		return;
	}
	if (!e->sym)
		e->sym = bind_name(rs, e->name, &e->loc);
}

static void walk_stmt(struct rs *rs, struct stmt *s)
{
	switch (s->kind) {
	case STMT_BLOCK:
		walk_list(rs, s->body);
		break;
	case STMT_EXPR:
		infer(rs, s->expr, TYPE_UNKNOWN, NULL);
		break;
	case STMT_IF:
		walk_cond(rs, s->expr);
		walk_stmt(rs, s->body);
		if (s->else_body)
			walk_stmt(rs, s->else_body);
		break;
	case STMT_WHILE:
		walk_cond(rs, s->expr);
		rs->loop_depth++;
		walk_stmt(rs, s->body);
		rs->loop_depth--;
		break;
	case STMT_FOR:
		if (s->init)
			walk_stmt(rs, s->init);
		if (s->expr)
			walk_cond(rs, s->expr);
		if (s->step)
			walk_stmt(rs, s->step);
		rs->loop_depth++;
		walk_stmt(rs, s->body);
		rs->loop_depth--;
		break;
	case STMT_FOREACH:
		walk_foreach(rs, s);
		break;
	case STMT_BREAK:
	case STMT_CONTINUE:
		if (rs->loop_depth == 0 && rs->checking)
			diag_error(&s->loc, "'%s' outside a loop",
				   s->kind == STMT_BREAK ? "break" : "continue");
		break;
	case STMT_NEXT:
		if (rs->h->func && rs->checking)
			diag_error(&s->loc, "'next' can only be used in a probe, not in a function");
		break;
	case STMT_RETURN:
		if (!rs->h->func) {
			if (rs->checking)
				diag_error(&s->loc, "'return' outside a function (use 'next' to leave "
					   "a probe)");
			break;
		}
		if (s->expr) {
			struct func *f = rs->h->func;
			enum type t = infer(rs, s->expr, f->ret_type, NULL);
			if (f->ret_type == TYPE_UNKNOWN && t != TYPE_UNKNOWN) {
				f->ret_type = t;
				rs->changed = true;
			} else if (t != TYPE_UNKNOWN && t != f->ret_type && rs->checking) {
				diag_error(&s->expr->loc, "type mismatch: '%s' returns a %s, not a %s",
					   f->name, type_name(f->ret_type), type_name(t));
			}
		}
		break;
	case STMT_DELETE:
		walk_delete(rs, s->expr);
		break;
	case STMT_EMPTY:
		break;
	}
}

/* ---- probes and functions ---- */

static bool point_is(const struct probe_point *pp, const char *first, const char *last)
{
	const struct pp_comp *c = pp->comps, *l = c;
	while (l->next)
		l = l->next;
	return (!first || strcmp(c->name, first) == 0) && (!last || strcmp(l->name, last) == 0);
}

static void walk_handler(struct rs *rs, struct handler *h)
{
	rs->h = h;
	rs->loop_depth = 0;
	rs->in_return_probe = rs->in_process_probe = false;
	if (h->probe) {
		rs->in_return_probe = rs->in_process_probe = true;
		for (struct probe_point *pp = h->probe->points; pp; pp = pp->next) {
			if (!point_is(pp, "process", NULL))
				rs->in_process_probe = false;
			if (!point_is(pp, "process", "return"))
				rs->in_return_probe = false;
		}
		walk_stmt(rs, h->probe->body);
	} else {
		walk_stmt(rs, h->func->body);
	}
}

static void declare_globals(struct rs *rs)
{
	for (struct global *g = rs->script->globals; g; g = g->next) {
		struct sym *prev = global_find(rs, g->name);
		if (prev) {
			diag_error(&g->loc, "global '%s' is declared twice", g->name);
			diag_note(&prev->loc, "first declared here");
			g->sym = prev;
			continue;
		}
		struct sym *s = sym_new(rs, g->name, SYM_GLOBAL, &g->loc);
		s->decl = g;
		if (g->is_array_decl) {
			s->is_array = true;
			s->max_entries = g->size;
		}
		if (g->init) {
			s->type = g->init->kind == EXPR_STR ? TYPE_STRING : TYPE_LONG;
			s->type_loc = g->init->loc;
		}
		g->sym = s;
		global_add(rs, s);
	}
}

static void declare_funcs(struct rs *rs)
{
	int n = 0;
	for (struct func *f = rs->script->funcs; f; f = f->next)
		n++;
	rs->out->funcs = arena_alloc(rs->arena, (n ? n : 1) * sizeof(struct handler));
	rs->out->nfuncs = n;
	int i = 0;
	for (struct func *f = rs->script->funcs; f; f = f->next, i++) {
		for (struct func *g = rs->script->funcs; g != f; g = g->next)
			if (strcmp(g->name, f->name) == 0) {
				diag_error(&f->loc, "function '%s' is defined twice", f->name);
				diag_note(&g->loc, "first defined here");
				break;
			}
		if (builtin_find(f->name))
			diag_error(&f->loc, "'%s' is a builtin function and cannot be redefined",
				   f->name);
		struct handler *h = &rs->out->funcs[i];
		h->func = f;
		f->ret_type = f->declared;
		for (struct param *p = f->params; p; p = p->next) {
			if (local_find(h, p->name))
				diag_error(&p->loc, "parameter '%s' is declared twice", p->name);
			struct sym *s = local_add(rs, h, p->name, SYM_PARAM, &p->loc);
			s->type = p->declared;
			if (p->declared != TYPE_UNKNOWN) {
				s->type_loc = p->loc;
				s->type_declared = true;
			}
		}
		f->param_syms = h->locals;
	}
}

static void check_types_known(struct handler *h)
{
	for (int i = 0; i < h->nlocals; i++) {
		struct sym *s = h->locals[i];
		if (s->type == TYPE_UNKNOWN && !s->poisoned)
			diag_error(&s->loc, "cannot infer the type of '%s'%s", s->name,
				   s->kind == SYM_PARAM ? "; declare it, as in 'name:long'" : "");
	}
}

int resolve_script(struct script *s, const struct compile_opts *opts, struct resolved *out)
{
	int errors_before = diag_errors();
	struct rs rs = { .script = s, .opts = opts, .arena = s->arena, .out = out };
	memset(out, 0, sizeof(*out));
	declare_globals(&rs);
	declare_funcs(&rs);
	out->probes = arena_alloc(rs.arena, (s->nprobes ? s->nprobes : 1) * sizeof(struct handler));
	for (struct probe *p = s->probes; p; p = p->next)
		out->probes[p->id].probe = p;

	do {
		rs.changed = false;
		for (int i = 0; i < out->nfuncs; i++)
			walk_handler(&rs, &out->funcs[i]);
		for (int i = 0; i < s->nprobes; i++)
			walk_handler(&rs, &out->probes[i]);
	} while (rs.changed);

	rs.checking = true;
	for (int i = 0; i < out->nfuncs; i++)
		walk_handler(&rs, &out->funcs[i]);
	for (int i = 0; i < s->nprobes; i++)
		walk_handler(&rs, &out->probes[i]);
	usage_check_recursion(s, out);
	if (diag_errors() == errors_before)
		usage_check_foreach(s, out);

	for (int i = 0; i < out->nfuncs; i++)
		check_types_known(&out->funcs[i]);
	for (int i = 0; i < s->nprobes; i++)
		check_types_known(&out->probes[i]);
	usage_mark(s, out);
	for (int i = 0; i < rs.nglobals; i++) {
		struct sym *g = rs.globals[i];
		if (g->type == TYPE_UNKNOWN && !g->poisoned && (!g->is_array || g->nkeys))
			diag_error(&g->loc, "cannot infer the type of global '%s'", g->name);
		for (int k = 0; g->is_array && k < g->nkeys && k < MAX_KEYS; k++)
			if (g->key_types[k] == TYPE_UNKNOWN && !g->poisoned)
				diag_error(&g->keys_loc, "cannot infer the type of key %d of '%s'",
					   k + 1, g->name);
	}
	out->globals = rs.globals;
	out->nglobals = rs.nglobals;
	return diag_errors() > errors_before ? -1 : 0;
}

/* ---- -p2 ---- */

static void print_sym(FILE *out, const struct sym *s)
{
	fputs(s->name, out);
	if (s->is_array) {
		fputc('[', out);
		for (int i = 0; i < s->nkeys && i < MAX_KEYS; i++)
			fprintf(out, "%s%s", i ? "," : "", type_name(s->key_types[i]));
		fputc(']', out);
	}
	fprintf(out, ":%s", type_name(s->type));
	if (s->shape.hist == HIST_LOG)
		fputs(" @hist_log", out);
	else if (s->shape.hist == HIST_LINEAR)
		fprintf(out, " @hist_linear(%" PRId64 ", %" PRId64 ", %" PRId64 ")", s->shape.lo,
			s->shape.hi, s->shape.step);
}

void resolve_print(const struct script *s, const struct resolved *r, FILE *out)
{
	fprintf(out, "# globals\n");
	for (int i = 0; i < r->nglobals; i++) {
		print_sym(out, r->globals[i]);
		fputc('\n', out);
	}
	fprintf(out, "# functions\n");
	for (int i = 0; i < r->nfuncs; i++) {
		const struct handler *h = &r->funcs[i];
		const struct func *f = h->func;
		fprintf(out, "%s:%s (", f->name, type_name(f->ret_type));
		for (int k = 0; k < f->nparams; k++) {
			if (k)
				fputs(", ", out);
			print_sym(out, h->locals[k]);
		}
		fputc(')', out);
		if (h->nlocals > f->nparams) {
			fputs(" locals:", out);
			for (int k = f->nparams; k < h->nlocals; k++) {
				fputc(' ', out);
				print_sym(out, h->locals[k]);
			}
		}
		fputc('\n', out);
	}
	(void)s;
}
