/* SPDX-License-Identifier: GPL-2.0-or-later */
/* preproc.c — SystemTap's preprocessor, between the lexer and the parser.
 *
 * The parser reads its tokens from pp_lex, which reads the lexer's and
 * does, at the token level, what SystemTap's parser does before parsing:
 *
 *   - script arguments are pasted where they stand: $N as the tokens of
 *     the argument's text (so `probe $1`, `process(@1)`, `timer.s($1)`,
 *     `global n = $2` all work), @N as a string literal, $# and @# as the
 *     count; a missing one is an error at its use;
 *   - `@define NAME %( BODY %)` and `@define NAME(a, b) %( BODY %)` define
 *     macros, `@NAME` and `@NAME(x, y)` expand them, `@a` in a body being
 *     the tokens of that parameter; an @word that names no macro is left
 *     for the parser (@cast, @count …);
 *   - `%( COND %? THEN %: ELSE %)` keeps one branch, anywhere a token may
 *     stand; COND compares arch, runtime, kernel_v, kernel_vr,
 *     systemtap_v, systemtap_privilege, guru_mode, CONFIG_… or two
 *     literals, joined by && and ||.
 *
 * The order is SystemTap's: arguments and macros are expanded first (also
 * inside conditions), conditionals see the expanded tokens; a skipped
 * branch is only scanned for its %( %) nesting, so what is in it (a missing
 * argument, a macro definition) has no effect.
 *
 * Expansions are frames on a stack, each a list of tokens and a cursor.  A
 * token from a macro body or an argument takes the location of the use
 * that brought it in (the outermost one when expansions nest), and a note
 * on a syntax error names where it came from.  Macros are looked up in the
 * text's own definitions, then in the library's (parse_opts.library): those
 * of the tapset's macro files (.stpm), which the tapset pass reads when a
 * name is first missed (compiler/tapset/).
 *
 * State lives in the parse's arena and in `struct preproc`, one per parse.
 * The conditions themselves are evaluated in ppcond.c. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "parse.h"
#include "suggest.h"
#include "preproc_impl.h"

#define PP_MAX_FRAMES 200      /* expansions inside expansions */
#define PP_MAX_EXPANDED 10000000  /* tokens from expansions, in all */

struct pp_toks {
	struct pp_tok *v;
	int n, cap;
};

struct pp_macro {
	struct pp_macro *next;
	const char *name;        /* without the '@' */
	struct loc loc;          /* its name in the definition */
	const char **params;
	int nparams;
	struct pp_toks body;
};

/* The macros whose bodies a token came through, innermost first: a macro
 * met again on its own chain is recursive.  An argument's tokens have the
 * chain of the call, not of the body that uses them, so @max(@max(1, 2), 3)
 * is no recursion. */
struct pp_chain {
	const struct pp_chain *up;
	const struct pp_macro *macro;
};

/* A macro's parameters in one expansion: each one's tokens, expanded
 * where the macro was called (`env`, `chain`). */
struct pp_binding {
	struct pp_binding *next;
	const char *name;
	struct pp_toks toks;
	struct pp_binding *env;
	const struct pp_chain *chain;
};

struct pp_frame {
	struct pp_frame *up;
	const struct pp_toks *toks;
	int cursor;
	const struct pp_chain *chain;    /* the macros it came through */
	struct pp_binding *env;          /* the @names this frame's tokens see */
	bool relocate;                   /* its tokens take `use` as location */
	struct loc use;
	const char *origin;
};

enum pp_branch { KEEP_THEN, SKIP_THEN, KEEP_ELSE, SKIP_ELSE };

struct pp_cond {
	struct pp_cond *up;
	struct loc loc;          /* its %( */
	enum pp_branch branch;
};

struct preproc {
	struct pstate *p;
	struct pp_frame *frames;
	int nframes;
	struct pp_cond *conds;
	struct pp_macro *macros;
	struct pp_library *library;
	struct pp_toks *args;        /* $N's tokens, lexed on first use */
	struct pp_tok back;          /* one token read too far */
	bool has_back;
	long expanded;               /* tokens read from frames */
	struct pp_host host;         /* what conditions ask of the host */
	int last_kind;               /* of the token the parser got last */
};

/* ---- tokens ---- */

static void toks_add(struct arena *a, struct pp_toks *l, const struct pp_tok *t)
{
	if (l->n == l->cap) {
		int cap = l->cap ? 2 * l->cap : 8;
		struct pp_tok *v = arena_alloc(a, (size_t)cap * sizeof(*v));
		if (l->n)
			memcpy(v, l->v, (size_t)l->n * sizeof(*v));
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *t;
}

/* The lexer's next token, with its spelling. */
static struct pp_tok lex(struct pstate *p)
{
	struct pp_tok t = { 0 };
	t.kind = lex_lex(&t.val, &t.loc, p->scanner);
	t.text = p->file->text + p->tok_offset;
	t.len = p->tok_len;
	return t;
}

/* What raw() gives at the end of a frame it may not leave. */
#define PP_FRAME_END (-1)

static bool is(const struct pp_tok *t, int kind)
{
	return t->kind == kind;
}

static bool at_end(const struct pp_tok *t)
{
	return t->kind == TOK_END || t->kind == PP_FRAME_END;
}

static bool is_word(const struct pp_tok *t, const char *word)
{
	return t->kind == TOK_AT_WORD && strcmp(t->val.id, word) == 0;
}

/* The @word a token is, with its '@', or NULL: a macro may take the name
 * of an operator (@max), as in SystemTap. */
static const char *at_name(const struct pp_tok *t)
{
	return t->kind == TOK_AT_WORD ? t->val.id :
	       t->kind == TOK_STATOP ? stat_op_name(t->val.stat) : NULL;
}

static bool is_operator(const char *name)
{
	static const char *const ops[] = {
		"cast", "var", "entry", "defined", "perf", "const", "probewrite",
		"kregister", "uregister", "choose_defined", "count", "sum", "min", "max",
		"avg", "hist_log", "hist_linear", "variance",
	};
	for (size_t i = 0; i < sizeof(ops) / sizeof(*ops); i++)
		if (strcmp(name, ops[i]) == 0)
			return true;
	return false;
}

/* The next token before expansion: from the innermost frame, or from the
 * lexer.  Without `cross`, the end of the innermost frame is an end (a
 * macro call's arguments must lie within one frame, as in SystemTap):
 * false, and a PP_FRAME_END token at the frame's use. */
static bool raw(struct preproc *pp, struct pp_tok *t, bool cross)
{
	if (pp->has_back) {
		pp->has_back = false;
		*t = pp->back;
		return true;
	}
	while (pp->frames) {
		struct pp_frame *f = pp->frames;
		if (f->cursor < f->toks->n) {
			/* Macros that double their tokens at each level would
			 * take forever; the first token past the limit ends
			 * all expansions. */
			if (++pp->expanded == PP_MAX_EXPANDED) {
				diag_error(&f->use, "macro expansion too large: more than %d tokens",
					   PP_MAX_EXPANDED);
				pp->frames = NULL;
				pp->nframes = 0;
				continue;
			}
			*t = f->toks->v[f->cursor++];
			if (f->relocate) {
				t->loc = f->use;
				if (!t->origin)
					t->origin = f->origin;
			}
			return true;
		}
		if (!cross) {
			memset(t, 0, sizeof(*t));
			t->kind = PP_FRAME_END;
			t->loc = f->use;
			t->text = "";
			return false;
		}
		pp->frames = f->up;
		pp->nframes--;
	}
	*t = lex(pp->p);
	return true;
}

static void unread(struct preproc *pp, const struct pp_tok *t)
{
	if (is(t, PP_FRAME_END))
		return;
	pp->back = *t;
	pp->has_back = true;
}

static void push(struct preproc *pp, const struct pp_toks *toks, const struct loc *use,
		 bool relocate, const char *origin)
{
	/* Frames that are done go first: the stack holds only expansions
	 * still under way. */
	while (pp->frames && pp->frames->cursor >= pp->frames->toks->n) {
		pp->frames = pp->frames->up;
		pp->nframes--;
	}
	struct pp_frame *f = arena_alloc(pp->p->arena, sizeof(*f));
	f->up = pp->frames;
	f->toks = toks;
	f->relocate = relocate;
	f->use = *use;
	f->origin = origin;
	pp->frames = f;
	pp->nframes++;
}

/* ---- script arguments ---- */

/* $N: the argument's text through the lexer, once.  What the lexer
 * reports about it names the argument as its file. */
static const struct pp_toks *arg_tokens(struct preproc *pp, int idx)
{
	struct pstate *p = pp->p;
	if (!pp->args)
		pp->args = arena_alloc(p->arena, (size_t)p->opts->nargs * sizeof(*pp->args));
	struct pp_toks *l = &pp->args[idx - 1];
	if (l->cap)
		return l;
	struct src_file *file = arena_alloc(p->arena, sizeof(*file));
	file->name = arena_printf(p->arena, "command line argument $%d", idx);
	file->text = p->opts->args[idx - 1];
	file->len = strlen(file->text);
	struct pstate sub = {
		.arena = p->arena, .file = file, .script = p->script, .opts = p->opts,
		.line = 1, .col = 1, .end_line = 1,
	};
	sub.scanner = lex_open(&sub);
	for (struct pp_tok t = lex(&sub); !is(&t, TOK_END); t = lex(&sub)) {
		if (is(&t, TOK_SCRIPT_ARG) || is(&t, TOK_ARGC))
			diag_error(&t.loc, "invalid nested substitution of command line "
				   "arguments");
		else
			toks_add(p->arena, l, &t);
	}
	lex_close(sub.scanner);
	l->cap = l->cap ? l->cap : 1;  /* lexed, even if empty */
	return l;
}

/* $N, @N, $#, @#: pastes the argument (true), or reports it missing and
 * stands in a 0 or "" for it. */
static void paste_arg(struct preproc *pp, struct pp_tok *t)
{
	struct pstate *p = pp->p;
	int nargs = p->opts->nargs;
	struct pp_tok v = *t;
	bool is_string;
	const char *s = NULL;
	if (is(t, TOK_ARGC)) {
		is_string = t->val.is_string;
		s = arena_printf(p->arena, "%d", nargs);
	} else {
		int64_t idx = t->val.sarg.idx;
		is_string = t->val.sarg.is_string;
		if (idx < 1 || idx > nargs) {
			char c = is_string ? '@' : '$';
			if (idx == 0)
				diag_error(&t->loc, "no command line argument %c0: they count from "
					   "%c1", c, c);
			else if (nargs == 0)
				diag_error(&t->loc, "command line argument %c%lld is missing: no "
					   "arguments were given", c, (long long)idx);
			else
				diag_error(&t->loc, "command line argument %c%lld out of range "
					   "[1-%d]", c, (long long)idx, nargs);
			s = is_string ? "" : "0";
		} else if (is_string) {
			s = p->opts->args[idx - 1];
		} else {
			struct pp_toks *l = arena_alloc(p->arena, sizeof(*l));
			int errors = diag_errors();
			*l = *arg_tokens(pp, (int)idx);
			if (diag_errors() > errors)
				diag_note(&t->loc, "in command line argument $%lld, pasted here",
					  (long long)idx);
			push(pp, l, &t->loc, true,
			     arena_printf(p->arena, "command line argument $%lld",
					  (long long)idx));
			t->kind = 0;
			return;
		}
	}
	if (is_string) {
		v.kind = TOK_STRING;
		v.val.str.s = s;
		v.val.str.len = strlen(s);
		v.val.str.nul = false;
		v.text = arena_printf(p->arena, "\"%s\"", s);
	} else {
		v.kind = TOK_NUMBER;
		v.val.num.v = strtoll(s, NULL, 10);
		v.val.num.above = false;
		v.text = s;
	}
	v.len = strlen(v.text);
	*t = v;
}

/* ---- macros ---- */

struct pp_library {
	struct pp_macro *macros;
};

struct pp_library *pp_library_new(struct arena *a)
{
	return arena_alloc(a, sizeof(struct pp_library));
}

static struct pp_macro *find_in(struct pp_macro *list, const char *name)
{
	for (struct pp_macro *m = list; m; m = m->next)
		if (strcmp(m->name, name) == 0)
			return m;
	return NULL;
}

/* The text's own macro NAME, else the library's, which may read a macro
 * file for it. */
static struct pp_macro *find_macro(struct preproc *pp, const char *name)
{
	struct pp_macro *m = find_in(pp->macros, name);
	if (m || !pp->library)
		return m;
	m = find_in(pp->library->macros, name);
	const struct parse_opts *o = pp->p->opts;
	if (!m && o->library_miss) {
		o->library_miss(o->library_ctx, name);
		m = find_in(pp->library->macros, name);
	}
	return m;
}

struct similar {
	struct suggest s;
	struct arena *a;
};

static void similar_library(void *arg, const char *name)
{
	struct similar *m = arg;
	if (strncmp(name, "__", 2) != 0)   /* the library's own helpers */
		suggest_add(&m->s, arena_printf(m->a, "@%s", name));
}

const char *pp_similar(struct pstate *p, const char *word, const char *const *ops, size_t nops)
{
	struct similar m = { .a = p->arena };
	suggest_init(&m.s, word);
	for (size_t i = 0; i < nops; i++)
		suggest_add(&m.s, ops[i]);
	struct preproc *pp = p->pp;
	for (const struct pp_macro *x = pp ? pp->macros : NULL; x; x = x->next)
		suggest_add(&m.s, arena_printf(p->arena, "@%s", x->name));
	for (const struct pp_macro *x = pp && pp->library ? pp->library->macros : NULL; x;
	     x = x->next)
		suggest_add(&m.s, arena_printf(p->arena, "@%s", x->name));
	if (p->opts && p->opts->library_macros)
		p->opts->library_macros(p->opts->library_ctx, similar_library, &m);
	const char *list = suggest_list(&m.s);
	return list ? arena_printf(p->arena, " (similar: %s)", list) : "";
}

/* A body: the tokens up to the %) that closes the %( before them, nested
 * %( %) kept.  The lexer does not count their brackets: they count where
 * the macro is used. */
static bool slurp_body(struct preproc *pp, struct pp_toks *body)
{
	int nesting = 0;
	struct pp_tok t;
	pp->p->untracked = true;
	for (;;) {
		raw(pp, &t, false);
		if (at_end(&t))
			break;
		if (is(&t, TOK_PP_OPEN))
			nesting++;
		else if (is(&t, TOK_PP_CLOSE) && nesting-- == 0)
			break;
		toks_add(pp->p->arena, body, &t);
	}
	pp->p->untracked = false;
	if (!at_end(&t))
		return true;
	unread(pp, &t);
	return false;
}

/* After a bad macro header: on to its body, which is dropped, or to what
 * starts a declaration, which is not. */
static void skip_definition(struct preproc *pp, struct pp_tok *t)
{
	while (!at_end(t) && !is(t, TOK_PP_OPEN) && !is(t, TOK_PROBE) &&
	       !is(t, TOK_GLOBAL) && !is(t, TOK_FUNCTION) && !is_word(t, "@define"))
		raw(pp, t, false);
	struct pp_toks dropped = { 0 };
	if (!is(t, TOK_PP_OPEN))
		unread(pp, t);
	else if (!slurp_body(pp, &dropped))
		diag_error(&t->loc, "unterminated macro body: no '%%)' after this '%%('");
}

/* After `@define`: NAME, its parameters, %( BODY %). */
static void define(struct preproc *pp, const struct pp_tok *at)
{
	struct arena *a = pp->p->arena;
	struct pp_tok t;
	bool keep = true;
	if (pp->frames) {
		diag_error(&at->loc, "'@define' can only stand in the script's own text, not "
			   "in a macro's body or a script argument");
		keep = false;
	}
	raw(pp, &t, false);
	if (!is(&t, TOK_IDENT)) {
		diag_error(&t.loc, "expected the macro's name after '@define'");
		skip_definition(pp, &t);
		return;
	}
	struct pp_macro *m = arena_alloc(a, sizeof(*m));
	m->name = t.val.id;
	m->loc = t.loc;
	/* A macro file's macros are the library's, and one of them may
	 * only be defined once in that file. */
	bool to_library = pp->p->opts->macro_file && pp->library;
	struct pp_macro *old = find_in(to_library ? pp->library->macros : pp->macros, m->name);
	if (old && to_library && old->loc.file != m->loc.file)
		old = NULL;
	if (strcmp(m->name, "define") == 0) {
		diag_error(&t.loc, "attempt to redefine '@define'");
		keep = false;
	} else if (old) {
		diag_error(&t.loc, "attempt to redefine macro '@%s' in the same file", m->name);
		diag_note(&old->loc, "macro '@%s' first defined here", m->name);
		keep = false;
	} else if (is_operator(m->name)) {
		diag_warning(&t.loc, "macro redefines built-in operator '@%s'", m->name);
	}

	raw(pp, &t, false);
	bool saw_params = is(&t, '(');
	if (saw_params) {
		const char *names[64];
		for (;;) {
			raw(pp, &t, false);
			if (!is(&t, TOK_IDENT) || m->nparams == 64) {
				diag_error(&t.loc, m->nparams == 64 ? "a macro takes at most 64 "
					   "parameters" : "expected a parameter name");
				skip_definition(pp, &t);
				return;
			}
			names[m->nparams++] = t.val.id;
			raw(pp, &t, false);
			if (is(&t, ')'))
				break;
			if (!is(&t, ',')) {
				diag_error(&t.loc, "expected ',' or ')' after a parameter name");
				skip_definition(pp, &t);
				return;
			}
		}
		m->params = arena_alloc(a, (size_t)m->nparams * sizeof(*m->params));
		memcpy(m->params, names, (size_t)m->nparams * sizeof(*m->params));
		raw(pp, &t, false);
	}
	if (!is(&t, TOK_PP_OPEN)) {
		diag_error(&t.loc, saw_params ? "expected '%%(' before the macro's body" :
			   "expected '%%(' or '(' after the macro's name");
		skip_definition(pp, &t);
		return;
	}
	if (!slurp_body(pp, &m->body)) {
		diag_error(&m->loc, "unterminated macro definition: no '%%)' closes the body "
			   "of '@%s'", m->name);
		return;
	}
	if (keep && to_library) {
		m->next = pp->library->macros;
		pp->library->macros = m;
	} else if (keep) {
		m->next = pp->macros;
		pp->macros = m;
	}
}

/* One argument of a macro call: the tokens up to a ',' or ')' outside
 * brackets, which is returned in `end`. */
static void slurp_arg(struct preproc *pp, struct pp_toks *arg, struct pp_tok *end)
{
	int nesting = 0;
	for (;;) {
		if (!raw(pp, end, false) || at_end(end))
			return;
		if (is(end, '(') || is(end, '['))
			nesting++;
		else if (nesting && (is(end, ')') || is(end, ']')))
			nesting--;
		else if (!nesting && (is(end, ')') || is(end, ',')))
			return;
		toks_add(pp->p->arena, arg, end);
	}
}

enum pp_use { NOT_MACRO, EXPANDED, FAILED };

/* @NAME or @NAME(args): pushes its body.  NOT_MACRO if NAME is no macro or
 * parameter in scope, and the token is an ordinary @word; FAILED after an
 * error, the call passed over. */
static enum pp_use invoke(struct preproc *pp, const struct pp_tok *at)
{
	struct arena *a = pp->p->arena;
	const char *name = at_name(at) + 1;
	struct pp_binding *env = pp->frames ? pp->frames->env : NULL;
	const struct pp_chain *chain = pp->frames ? pp->frames->chain : NULL;
	for (struct pp_binding *b = env; b; b = b->next) {
		if (strcmp(b->name, name) == 0) {
			/* A parameter: its tokens as written in the call. */
			push(pp, &b->toks, &at->loc, false, NULL);
			pp->frames->env = b->env;
			pp->frames->chain = b->chain;
			return EXPANDED;
		}
	}
	struct pp_macro *m = find_macro(pp, name);
	if (!m)
		return NOT_MACRO;

	struct loc use = at->loc;
	struct pp_binding *params = NULL, **tail = &params;
	if (m->nparams) {
		struct pp_tok t;
		if (!raw(pp, &t, false) || !is(&t, '(')) {
			diag_error(&at->loc, "expected '(' after '@%s', a macro of %d parameter%s",
				   name, m->nparams, m->nparams == 1 ? "" : "s");
			unread(pp, &t);
			return FAILED;
		}
		for (int i = 0; i < m->nparams; i++) {
			struct pp_binding *b = arena_alloc(a, sizeof(*b));
			b->name = m->params[i];
			b->env = env;
			b->chain = chain;
			slurp_arg(pp, &b->toks, &t);
			*tail = b;
			tail = &b->next;
			if (at_end(&t)) {
				diag_error(&at->loc, "could not find the end of this call of "
					   "macro '@%s': no ')'", name);
				unread(pp, &t);
				return FAILED;
			}
			if (is(&t, ',') && i + 1 == m->nparams) {
				diag_error(&t.loc, "too many arguments for macro '@%s' "
					   "(expected %d)", name, m->nparams);
				struct pp_toks rest = { 0 };
				while (is(&t, ','))
					slurp_arg(pp, &rest, &t);
				if (at_end(&t))
					unread(pp, &t);
				return FAILED;
			}
			if (is(&t, ')') && i + 1 < m->nparams) {
				diag_error(&t.loc, "too few arguments for macro '@%s' "
					   "(expected %d)", name, m->nparams);
				return FAILED;
			}
		}
		use.end_line = t.loc.end_line;
		use.end_col = t.loc.end_col;
	}

	for (const struct pp_chain *c = chain; c; c = c->up) {
		if (c->macro == m) {
			diag_error(&at->loc, "macro '@%s' uses itself: a macro cannot be "
				   "recursive", name);
			return FAILED;
		}
	}
	if (pp->nframes >= PP_MAX_FRAMES) {
		diag_error(&at->loc, "macros nested too deep (more than %d)", PP_MAX_FRAMES);
		return FAILED;
	}
	/* Inside another expansion, the location is already the outer use. */
	struct pp_chain *link = arena_alloc(a, sizeof(*link));
	link->up = chain;
	link->macro = m;
	push(pp, &m->body, &use, true, arena_printf(a, "macro '@%s'", name));
	pp->frames->chain = link;
	pp->frames->env = params;
	return EXPANDED;
}

/* The next token with arguments pasted and macros expanded, as
 * SystemTap's scan_pp1.  `skipping`: in a branch left out, where only
 * the nesting of %( %) matters. */
static struct pp_tok expand(struct preproc *pp, bool skipping)
{
	struct pp_tok t;
	for (;;) {
		raw(pp, &t, true);
		if (skipping)
			return t;
		if (is(&t, TOK_SCRIPT_ARG) || is(&t, TOK_ARGC)) {
			paste_arg(pp, &t);
			if (t.kind == 0)
				continue;
			return t;
		}
		if (is_word(&t, "@define")) {
			define(pp, &t);
			continue;
		}
		enum pp_use use = at_name(&t) ? invoke(pp, &t) : NOT_MACRO;
		if (use == EXPANDED)
			continue;
		if (use == FAILED) {
			/* A 0 in its place: the parser need not report it again. */
			t.kind = TOK_NUMBER;
			t.val.num.v = 0;
			t.val.num.above = false;
		}
		return t;
	}
}

/* ---- conditionals ---- */

static bool is_pp(const struct pp_tok *t)
{
	return is(t, TOK_PP_OPEN) || is(t, TOK_PP_THEN) || is(t, TOK_PP_ELSE) ||
	       is(t, TOK_PP_CLOSE) || is(t, TOK_END);
}

/* After %(: the condition, through its %?.  After an error the rest of
 * the condition is passed over and it counts as false. */
static bool condition(struct preproc *pp, const struct pp_tok *open)
{
	bool result = false, all = true, ok = true;
	struct pp_tok n;
	for (;;) {
		struct pp_tok l = expand(pp, false), op = l, r = l;
		n = l;
		if (!is_pp(&l)) {
			n = op = expand(pp, false);
			if (!is_pp(&op))
				n = r = expand(pp, false);
		}
		if (is_pp(&n)) {
			pp->p->eof_error |= is(&n, TOK_END);
			diag_error(&open->loc, "incomplete condition after '%%(': expected "
				   "'NAME OPERATOR VALUE' before '%%?'");
			ok = false;
			break;
		}
		bool v = ppcond_eval(&pp->host, &l, &op, &r, &ok);
		all = all && v;
		n = expand(pp, false);
		if (!ok)
			break;
		if (is(&n, TOK_LAND))
			continue;
		result = result || all;
		all = true;
		if (!is(&n, TOK_LOR))
			break;
	}
	if (ok && is(&n, TOK_PP_THEN))
		return result;
	if (ok)
		diag_error(&n.loc, "expected '%%?' after the condition of this '%%(', or "
			   "'&&' or '||' and another comparison");
	/* Recover at the %? (or whatever ends the conditional). */
	struct pp_tok t = n;
	while (!is_pp(&t))
		t = expand(pp, true);
	if (!is(&t, TOK_PP_THEN))
		unread(pp, &t);
	return false;
}

/* ---- the parser's tokens ---- */

/* A branch left out: to the %: or %) that ends it, nested %( %) and all
 * in between passed over unexpanded. */
static struct pp_tok skip(struct preproc *pp)
{
	int nesting = 0;
	struct pp_tok t;
	pp->p->untracked = true;
	for (;;) {
		t = expand(pp, true);
		if (is(&t, TOK_END))
			break;
		if (is(&t, TOK_PP_OPEN))
			nesting++;
		else if (nesting && is(&t, TOK_PP_CLOSE))
			nesting--;
		else if (!nesting && (is(&t, TOK_PP_ELSE) || is(&t, TOK_PP_THEN) ||
				      is(&t, TOK_PP_CLOSE)))
			break;
	}
	pp->p->untracked = false;
	return t;
}

static struct pp_tok next(struct preproc *pp)
{
	for (;;) {
		struct pp_cond *c = pp->conds;
		bool skipping = c && (c->branch == SKIP_THEN || c->branch == SKIP_ELSE);
		struct pp_tok t = skipping ? skip(pp) : expand(pp, false);
		switch (t.kind) {
		case TOK_END:
			pp->p->eof_error |= c != NULL;
			for (; c; c = c->up)
				diag_error(&c->loc, "unterminated preprocessor conditional: no "
					   "'%%)' after this '%%('");
			pp->conds = NULL;
			return t;
		case TOK_PP_THEN:
			diag_error(&t.loc, "'%%?' without a '%%(' before it");
			continue;
		case TOK_PP_ELSE:
			if (!c)
				diag_error(&t.loc, "'%%:' without a '%%(' before it");
			else if (c->branch == KEEP_ELSE || c->branch == SKIP_ELSE)
				diag_error(&t.loc, "a second '%%:' in this conditional");
			else
				c->branch = c->branch == KEEP_THEN ? SKIP_ELSE : KEEP_ELSE;
			continue;
		case TOK_PP_CLOSE:
			if (!c)
				diag_error(&t.loc, "'%%)' without a '%%(' before it");
			else
				pp->conds = c->up;
			continue;
		case TOK_PP_OPEN: {
			struct pp_cond *n = arena_alloc(pp->p->arena, sizeof(*n));
			n->loc = t.loc;
			n->up = pp->conds;
			n->branch = condition(pp, &t) ? KEEP_THEN : SKIP_THEN;
			pp->conds = n;
			continue;
		}
		default:
			return t;
		}
	}
}

void pp_open(struct pstate *p)
{
	p->pp = arena_alloc(p->arena, sizeof(*p->pp));
	p->pp->p = p;
	p->pp->host.arena = p->arena;
	p->pp->host.kernel_release = p->opts->kernel_release;
	p->pp->library = p->opts->library;
}

void pp_close(struct pstate *p)
{
	ppcond_release(&p->pp->host);
}

int pp_lex(PARSE_STYPE *lval, PARSE_LTYPE *lloc, struct pstate *p)
{
	struct pp_tok t = next(p->pp);
	/* After "->" or a member's '.', a word is a name even if it is a
	 * keyword: the lexer sees to that in the text, and here for a word a
	 * macro's argument pasted there (@offsetof("struct list", next)). */
	if ((p->pp->last_kind == TOK_ARROW || p->pp->last_kind == TOK_DOT_MEMBER) &&
	    t.kind != TOK_IDENT && t.text && t.len &&
	    (isalpha((unsigned char)t.text[0]) || t.text[0] == '_')) {
		t.kind = TOK_IDENT;
		t.val.id = arena_strndup(p->arena, t.text, t.len);
	}
	p->pp->last_kind = t.kind;
	*lval = t.val;
	*lloc = t.loc;
	p->tok_text = t.text;
	p->tok_text_len = t.len;
	p->tok_origin = t.origin;
	return t.kind;
}
