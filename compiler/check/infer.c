/* SPDX-License-Identifier: GPL-2.0-or-later */
/* infer.c — the type of every expression, inferred from its uses and
 * checked once the types have settled: variables, arrays and statistics,
 * target variables, operators, calls of builtins and of script functions,
 * and printf's formats against their arguments; see resolve.c for the
 * walks that call it. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "parse/suggest.h"
#include "parse/arena.h"
#include "builtins.h"
#include "compile.h"
#include "parse/diag.h"
#include "format.h"
#include "stats.h"
#include "resolve_impl.h"
#include "regex.h"

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
void sym_unify(struct rs *rs, struct sym *s, enum type t, const struct loc *loc)
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


static void not_supported(struct rs *rs, const struct loc *loc, const char *what)
{
	if (rs->checking)
		diag_error(loc, "%s is not supported yet", what);
}

/* $value: in SystemTap's procfs probes, the text of the file, read or
 * written; the tapset's prometheus, json and input families use it. */
static bool is_procfs_value(const struct expr *e)
{
	return e->kind == EXPR_TARGET && e->form == TARGET_DOLLAR && !e->suffix &&
	       !e->pretty && strcmp(e->name, "value") == 0;
}

/* Said once a handler: the library's macros write it many times over. */
static void procfs_value(struct rs *rs, struct expr *e)
{
	if (rs->checking && rs->value_told != rs->h) {
		diag_error(&e->loc, "$value, the text of a procfs file, is not supported: "
			   "uscript has no procfs probes");
		rs->value_told = rs->h;
	}
	e->bad = true;
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
void expect(struct rs *rs, struct expr *e, enum type want, const char *what)
{
	enum type t = infer(rs, e, want, what);
	if (t != TYPE_UNKNOWN && want != TYPE_UNKNOWN && t != want)
		mismatch(rs, e, t, want, what);
}

/* ---- arrays and statistics ---- */

/* The global array `name`, used with nkeys keys at loc.  Arrays are global,
 * as in SystemTap; the first use with keys fixes how many. */
struct sym *bind_array(struct rs *rs, const char *name, const struct loc *loc, int nkeys)
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
			diag_error(loc, "unknown array '%s'%s: declare it with 'global %s'", name,
				   similar_vars(rs, NULL, name, true), name);
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
void infer_keys(struct rs *rs, struct sym *s, struct expr *keys)
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
		/* Negated as unsigned: -(-2^63) wraps to itself, not into
		 * undefined behaviour. */
		*v = (int64_t)(0 - (uint64_t)e->lhs->num);
		return true;
	}
	return false;
}

/* @variance(x) or @variance(x, N): the statistic keeps what Welford's
 * algorithm needs, scaled by 2^N (0 to 62), one N for all its @variance. */
static void infer_variance(struct rs *rs, struct expr *e, struct sym *s)
{
	int64_t shift = 0;
	struct expr *n = e->args->next;
	if (n && (!literal(n, &shift) || shift < 0 || shift > 62)) {
		if (rs->checking)
			diag_error(&n->loc, "bit shift (%" PRId64 ") out of range <0..62>", shift);
		return;
	}
	if (!s->variance) {
		s->variance = true;
		s->var_shift = (int)shift;
		s->var_loc = e->loc;
		rs->changed = true;
	} else if (n && s->var_shift != shift && rs->checking) {
		diag_error(&e->loc, "conflicting bit shifts declared (previously %d)", s->var_shift);
		diag_note(&s->var_loc, "'%s' has its bit shift here", s->name);
	} else if (n && s->var_shift == 0 && shift != 0) {
		s->var_shift = (int)shift;
		s->var_loc = e->loc;
		rs->changed = true;
	}
}

static enum type infer_stat_op(struct rs *rs, struct expr *e)
{
	struct expr *target = e->args;
	struct sym *s = target ? bind_stat(rs, target) : NULL;
	if (s && e->stat == STAT_VARIANCE)
		infer_variance(rs, e, s);
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
 * Where it is read from is worked out per probe point (points/target.c). */
static enum type infer_target(struct rs *rs, struct expr *e)
{
	if (e->form == TARGET_AUTO) {
		/* Whether the value has a type to read it by is known per probe
		 * point (points/target.c). */
		expect(rs, e->lhs, TYPE_LONG, "a value whose members are read ('->')");
		for (struct target_suffix *s = e->suffix; s; s = s->next)
			if (s->index)
				expect(rs, s->index, TYPE_LONG, "an index of a target expression");
		return TYPE_LONG;
	}
	if (e->form != TARGET_DOLLAR) {
		if (e->lhs)
			expect(rs, e->lhs, TYPE_LONG, "the address @cast reads at");
		/* @var("x", @1): the argument's text, as SystemTap pastes it */
		for (struct expr *a = e->args; a; a = a->next) {
			if (a->kind != EXPR_SCRIPT_ARG)
				continue;
			infer(rs, a, TYPE_STRING, NULL);
			const char *text = a->num <= rs->opts->nargs ? rs->opts->args[a->num - 1] : NULL;
			if (a == e->args)
				e->name = text;
			else
				e->module = text;
			if (rs->checking && text && !*text && !e->bad) {
				diag_error(&a->loc, "script argument @%" PRId64 " is empty: it gives "
					   "the %s", a->num, a == e->args ? "name" : "module");
				e->bad = true;
			}
		}
		if (!e->name)
			e->bad = true;
		for (struct target_suffix *s = e->suffix; s; s = s->next)
			if (s->index)
				expect(rs, s->index, TYPE_LONG, "an index of a target expression");
		const char *what = e->form == TARGET_CAST ? "@cast" : "@var";
		/* As in SystemTap, an @cast that names no module reads the
		 * kernel's types outside process probes: in kernel probes,
		 * in begin and end, in functions. */
		if (e->form == TARGET_CAST && (!e->module || e->module_kernel) && !e->pretty &&
		    e->name && (!rs->h->probe || !rs->in_process_probe)) {
			e->module = "kernel";
			e->module_kernel = true;
			e->module_loc = e->loc;
		}
		/* An @cast that names its module is read anywhere; the others
		 * take their types from the probed file. */
		bool anywhere = e->form == TARGET_CAST && e->module && !e->pretty;
		if (rs->checking && !rs->h->probe && !anywhere) {
			diag_error(&e->loc, "%s", e->form == TARGET_CAST && e->pretty ?
				   "a pretty-printed @cast can only be used in probe handlers" :
				   e->form == TARGET_CAST ?
				   "@cast in a function needs a module, a program, a library or a "
				   "header that has the type, as its third argument: a function "
				   "is not in one probe's program" :
				   "@var can only be used in probe handlers, not in functions: "
				   "uscript reads it from the probed program; pass the value as "
				   "an argument");
			e->bad = true;
		} else if (rs->checking && rs->h->probe && !rs->in_process_probe && !anywhere) {
			diag_error(&e->loc, "%s%.*s can only be used in process probes%s: uscript "
				   "reads its types from the probed program", what, e->pretty, "$$",
				   e->form == TARGET_CAST && !e->pretty ? ", unless it names a module" :
				   "");
			e->bad = true;
		} else if (rs->checking && e->pretty && !e->printed) {
			diag_error(&e->loc, "%s(...)%.*s can only be printed, as an argument of "
				   "print, println, printd, printdln or printf: uscript formats it "
				   "when it prints it", what, e->pretty, "$$");
			e->bad = true;
		}
		return e->pretty ? TYPE_STRING : TYPE_LONG;
	}
	for (struct target_suffix *s = e->suffix; s; s = s->next)
		if (s->index)
			expect(rs, s->index, TYPE_LONG, "an index of a target variable");
	if (rs->h->probe && !rs->in_target_probe && is_procfs_value(e)) {
		procfs_value(rs, e);
		return TYPE_STRING;
	}
	if (rs->checking && !rs->h->probe) {
		diag_error(&e->loc, "target variables such as $%s%.*s can only be used in "
			   "probe handlers, not in functions; pass the value as an argument",
			   e->name, e->pretty, "$$");
		e->bad = true;
	} else if (rs->checking && !rs->in_target_probe) {
		diag_error(&e->loc, "target variables such as $%s%.*s can only be used in "
			   "process and kernel.trace probes", e->name, e->pretty, "$$");
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

/* @defined(x) and @choose_defined(a, b): whether x and a resolve is known
 * only per probe point (points/target.c), so what goes wrong in them here
 * is not an error either, only a mark that they are not defined. */
static enum type infer_defined(struct rs *rs, struct expr *e, enum type want)
{
	enum type t[2] = { TYPE_UNKNOWN, TYPE_UNKNOWN };
	int i = 0;
	for (struct expr *a = e->args; a; a = a->next, i++) {
		bool hush = !e->num || a == e->args;
		int mark = hush ? diag_hush() : 0;
		t[i] = infer(rs, a, e->num ? want : TYPE_UNKNOWN, NULL);
		if (hush && diag_unhush(mark) && rs->checking)
			a->bad = true;
	}
	if (!e->num)
		return TYPE_LONG;
	if (e->args->bad || t[0] == TYPE_UNKNOWN)
		return t[1];
	if (rs->checking && t[1] != TYPE_UNKNOWN && t[0] != t[1] && !is_bad(e->args->next)) {
		diag_error(&e->loc, "@choose_defined's two expressions are of different types, "
			   "%s and %s", type_name(t[0]), type_name(t[1]));
		e->bad = true;
	}
	return t[0];
}

static enum type infer_assign(struct rs *rs, struct expr *e)
{
	struct expr *lhs = e->lhs;
	if (!is_lvalue(lhs)) {
		if (is_procfs_value(lhs)) {
			procfs_value(rs, lhs);
		} else if (lhs->kind == EXPR_TARGET) {
			not_supported(rs, &lhs->loc, "assigning to a target variable");
		}
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

/* The place of bytes [off, off + len) of a string literal's value in the
 * script: exact where the literal is one piece of text without escapes,
 * else the whole literal. */
static struct loc literal_bytes(const struct expr *lit, size_t off, size_t len, bool *exact)
{
	struct loc l = lit->loc;
	*exact = l.line == l.end_line && (size_t)(l.end_col - l.col + 1) == lit->str_len + 2;
	if (*exact) {
		l.col += 1 + (int)off;
		l.end_col = l.col + (int)(len ? len : 1) - 1;
	}
	return l;
}

/* s =~ "ERE": the pattern is a literal, compiled here into the DFA that
 * code generation finds in the expression's `res` (a struct regex in the
 * arena). */
static void check_regex(struct rs *rs, struct expr *e)
{
	const char *op = op_name(e->op);
	expect(rs, e->lhs, TYPE_STRING, e->op == OP_MATCH ? "the left operand of '=~'"
							  : "the left operand of '!~'");
	struct expr *pat = e->rhs;
	if (pat->kind != EXPR_STR) {
		infer(rs, pat, TYPE_UNKNOWN, NULL);
		if (rs->checking && !pat->bad)
			diag_error(&pat->loc, "the right operand of '%s' must be a literal string, "
				   "the regular expression", op);
		return;
	}
	pat->type = TYPE_STRING;
	if (!rs->checking || e->res || e->bad)
		return;
	struct regex re;
	struct regex_error err;
	if (regex_compile(pat->str, pat->str_len, &re, &err) < 0) {
		bool exact;
		struct loc at = literal_bytes(pat, err.offset, err.len, &exact);
		if (exact)
			diag_error(&at, "bad regular expression: %s", err.msg);
		else
			diag_error(&at, "bad regular expression: %s (at byte %zu of the pattern)",
				   err.msg, err.offset);
		e->bad = true;
		return;
	}
	struct regex *kept = arena_alloc(rs->arena, sizeof(*kept));
	*kept = re;
	size_t bytes = (size_t)re.nstates * re.ncols * sizeof(*re.next);
	kept->next = arena_alloc(rs->arena, bytes);
	memcpy(kept->next, re.next, bytes);
	regex_free(&re);
	/* matched()'s tables, which code generation uses if the script
	 * calls it */
	struct regex_sub rsub;
	kept->sub = NULL;
	kept->sub_size = 0;
	kept->sub_why = NULL;
	if (regex_sub_compile(pat->str, pat->str_len, &rsub, &err) == 0) {
		kept->sub_size = regex_sub_blob_size(&rsub);
		void *blob = arena_alloc(rs->arena, kept->sub_size);
		regex_sub_blob(&rsub, blob);
		kept->sub = blob;
		regex_sub_free(&rsub);
	} else {
		kept->sub_why = arena_strdup(rs->arena, err.msg);
	}
	e->res = kept;
}

static enum type infer_binary(struct rs *rs, struct expr *e)
{
	switch (e->op) {
	case OP_MATCH: case OP_NMATCH:
		check_regex(rs, e);
		return TYPE_LONG;
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
	/* The signature's letters cannot say "one of either type" is needed. */
	if (b->id == BI_sprint && n == 0) {
		if (rs->checking)
			diag_error(&e->loc, "%s takes at least 1 argument, got 0", b->name);
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
	 * runtime can make (codegen/stack.c). */
	if (b->id == BI_printf || b->id == BI_print || b->id == BI_println ||
	    b->id == BI_printd || b->id == BI_printdln) {
		bool skip_first = b->id == BI_printf || b->id == BI_printd || b->id == BI_printdln;
		for (struct expr *a = skip_first ? e->args->next : e->args; a; a = a->next)
			a->printed = true;
	}
	if (b->id == BI_matched || b->id == BI_ngroups || b->id == BI_matched_str)
		rs->out->uses_matched = true;
	if (b->id == BI_sprint_backtrace &&
	    !e->printed && rs->checking)
		diag_error(&e->loc, "%s() can only be printed, as an argument of print, println, "
			   "printd, printdln or printf: uscript names the addresses when it "
			   "prints them", b->name);
	if (b->id == BI_printf || b->id == BI_sprintf) {
		check_format(rs, e);
		return b->ret;
	}
	if ((b->id == BI_register || b->id == BI_u_register) && rs->checking) {
		if (e->args->kind != EXPR_STR)
			diag_error(&e->args->loc, "the register of %s must be named by a literal "
				   "string: a probe reads registers at constant places", b->name);
		else if (!builtin_register(e->args->str))
			diag_error(&e->args->loc, "unknown register: %s", e->args->str);
	}
	if ((b->id == BI_printd || b->id == BI_printdln || b->id == BI_sprintd ||
	     b->id == BI_sprintdln) && e->args->kind != EXPR_STR &&
	    rs->checking)
		diag_error(&e->args->loc, "the delimiter of %s must be a literal string", b->name);
	if ((b->id == BI_print || b->id == BI_println || b->id == BI_sprint) && n == 1 &&
	    e->args->kind == EXPR_STAT &&
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

static void suggest_library(void *ctx, const char *name)
{
	suggest_add(ctx, name);
}

static enum type infer_call(struct rs *rs, struct expr *e, enum type want)
{
	if (!e->builtin && !e->func) {
		e->func = func_find(rs->script, e->name, ast_count(e->args));
		if (!e->func)
			e->builtin = builtin_find(e->name);
	}
	if (e->builtin)
		return infer_builtin(rs, e, e->builtin);
	if (!e->func) {
		if (rs->checking) {
			/* As SystemTap says it: the closest names, functions of the
			 * script, builtins and the library's functions. */
			struct suggest s;
			suggest_init(&s, e->name);
			for (struct func *f = rs->script->funcs; f; f = f->next)
				suggest_add(&s, f->name);
			for (int i = 0; i < BI_COUNT; i++)
				if (builtin_name(i)[0] != '@')   /* not called by name */
					suggest_add(&s, builtin_name(i));
			if (rs->script->library_names)
				rs->script->library_names(rs->script->library, suggest_library, &s);
			const char *similar = suggest_list(&s);
			diag_error(&e->loc, "unknown function '%s'%s%s%s", e->name,
				   similar ? " (similar: " : "", similar ? similar : "",
				   similar ? ")" : "");
			const char *why = builtin_missing(e->name);
			if (why)
				diag_note(&e->loc, "SystemTap's %s is not in uscript: %s", e->name, why);
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
			/* Overloaded: every number it takes, as "1, 2 or 3". */
			char takes[128] = "";
			size_t len = 0;
			int count = 0, last = 0;
			for (struct func *g = rs->script->funcs; g; g = g->next) {
				if (strcmp(g->name, f->name) != 0 || len > 100)
					continue;
				len += (size_t)snprintf(takes + len, sizeof(takes) - len, "%s%d",
							count++ ? ", " : "", g->nparams);
				last = g->nparams;
			}
			char *comma = strrchr(takes, ',');
			if (comma && len + 2 < sizeof(takes)) {
				memmove(comma + 3, comma + 1, strlen(comma + 1) + 1);
				memcpy(comma, " or", 3);
			}
			diag_error(&e->loc, "function '%s' takes %s argument%s, got %d", f->name,
				   takes, count == 1 && last == 1 ? "" : "s", n);
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
	/* Embedded C is refused by embedded_check; an untyped one is a long,
	 * so that its refusal is the only error. */
	if (f->embedded && f->ret_type == TYPE_UNKNOWN) {
		f->ret_type = TYPE_LONG;
		rs->changed = true;
	}
	return f->ret_type;
}

/* A local inside @entry(…) would be read at the entry, before the
 * probe's handler ran: it has no value there. */
static void entry_locals(const struct expr *e)
{
	if (!e)
		return;
	if (e->kind == EXPR_VAR && e->sym && e->sym->kind != SYM_GLOBAL)
		diag_error(&e->loc, "@entry is evaluated at the function's entry, where the "
			   "probe's variable '%s' has no value", e->name);
	for (const struct expr *a = e->args; a; a = a->next)
		entry_locals(a);
	entry_locals(e->lhs);
	entry_locals(e->rhs);
	entry_locals(e->cond);
}

/* @entry(x): in .return probes only, and no locals. */
static void check_entry(struct rs *rs, struct expr *e)
{
	if (!rs->in_return_probe || rs->h->func) {
		diag_error(&e->loc, "@entry is only valid in .return probes");
		return;
	}
	entry_locals(e->lhs);
}

enum type infer(struct rs *rs, struct expr *e, enum type want, const char *what)
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
			int64_t n;
			if (!script_arg_number(v, &n))
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
			if (target->kind == EXPR_TARGET && !target->pretty && !target->addr_of &&
			    (target->form != TARGET_DOLLAR || target->name[0] != '$')) {
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
	case EXPR_EMBEDDED:
		/* Refused by embedded_check; whatever its use wants meanwhile. */
		t = want == TYPE_STRING ? TYPE_STRING : TYPE_LONG;
		e->bad = true;
		break;
	case EXPR_DEFINED:
		t = infer_defined(rs, e, want);
		break;
	case EXPR_BUCKET: {
		/* @hist_log(x)[i]: the histogram stands here as an operand. */
		bool ok = rs->hist_ok;
		rs->hist_ok = true;
		infer(rs, e->lhs, TYPE_UNKNOWN, NULL);
		rs->hist_ok = ok;
		if (e->lhs->stat != STAT_HIST_LOG && e->lhs->stat != STAT_HIST_LINEAR &&
		    rs->checking)
			diag_error(&e->loc, "only a histogram has buckets to index: "
				   "@hist_log(x)[i] or @hist_linear(x, lo, hi, step)[i]");
		expect(rs, e->rhs, TYPE_LONG, "a bucket index");
		t = TYPE_LONG;
		break;
	}
	case EXPR_ENTRY:
		t = infer(rs, e->lhs, want, what);
		if (rs->checking)
			check_entry(rs, e);
		break;
	}
	e->type = t;
	(void)what;
	return t;
}
