/* SPDX-License-Identifier: GPL-2.0-or-later */
/* regex_parse.c — an ERE into a tree, and the tree into a Thompson NFA.
 *
 * The grammar, by recursive descent:
 *
 *   alt    := cat ('|' cat)*
 *   cat    := repeat*                      (none: the empty string)
 *   repeat := atom ('*' | '+' | '?' | '{' m [',' [n]] '}')*
 *   atom   := '(' alt ')' | '[' bracket ']' | '.' | '^' | '$' | '\' c | c
 *
 * The tree comes first because {m,n} copies its operand: the NFA is made
 * from the tree, once per copy.  Every error names the bytes of the
 * pattern it is about. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regex.h"

enum tkind { T_EMPTY, T_SET, T_CAT, T_ALT, T_REPEAT, T_BOL, T_EOL, T_GROUP };

struct tnode {
	enum tkind kind;
	int a, b;        /* operands: CAT, ALT; REPEAT's is a */
	int min, max;    /* REPEAT; max -1 for no bound */
	int set;         /* SET: index in the NFA's sets; GROUP: its number */
};

struct parser {
	const char *p;
	size_t len, pos;
	struct tnode *t;
	int nt, cap;
	int depth;
	struct nfa *nfa;
	struct regex_error *err;
};

#define MAX_DEPTH 200   /* nested groups */

static int fail(struct parser *ps, size_t offset, size_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ps->err->msg, sizeof(ps->err->msg), fmt, ap);
	va_end(ap);
	/* Past the end, the error is at the last byte. */
	if (ps->len && offset >= ps->len)
		offset = ps->len - 1;
	if (!len || offset + len > ps->len)
		len = ps->len ? ps->len - offset : 0;
	if (!len)
		len = 1;
	ps->err->offset = offset;
	ps->err->len = len;
	return -1;
}

static int tnode(struct parser *ps, enum tkind kind, int a, int b)
{
	if (ps->nt == ps->cap) {
		ps->cap = ps->cap ? 2 * ps->cap : 64;
		ps->t = realloc(ps->t, (size_t)ps->cap * sizeof(*ps->t));
		if (!ps->t)
			abort();
	}
	ps->t[ps->nt] = (struct tnode){ .kind = kind, .a = a, .b = b, .set = -1 };
	return ps->nt++;
}

/* A new empty byte set of the NFA; its index. */
static int new_set(struct nfa *nfa)
{
	if (nfa->nsets == nfa->cap_sets) {
		nfa->cap_sets = nfa->cap_sets ? 2 * nfa->cap_sets : 16;
		nfa->set = realloc(nfa->set, (size_t)nfa->cap_sets * sizeof(*nfa->set));
		if (!nfa->set)
			abort();
	}
	memset(nfa->set[nfa->nsets], 0, sizeof(*nfa->set));
	return nfa->nsets++;
}

static void set_add(uint64_t *set, unsigned lo, unsigned hi)
{
	for (unsigned c = lo; c <= hi; c++)
		set[c / 64] |= 1ull << (c % 64);
}

static int set_node(struct parser *ps, int set)
{
	int n = tnode(ps, T_SET, -1, -1);
	ps->t[n].set = set;
	return n;
}

static bool at(struct parser *ps, char c)
{
	return ps->pos < ps->len && ps->p[ps->pos] == c;
}

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

static bool octal(char c)
{
	return c >= '0' && c <= '7';
}

/* The byte that the escape at ps->pos (a '\') stands for, as in
 * SystemTap: C's escapes, and any other byte for itself. */
static int escape(struct parser *ps)
{
	size_t start = ps->pos++;
	if (ps->pos >= ps->len)
		return fail(ps, start, 1, "'\\' at the end of the pattern escapes nothing");
	char c = ps->p[ps->pos++];
	const char *rest = ps->p + ps->pos;
	size_t left = ps->len - ps->pos;
	switch (c) {
	case 'a': return '\a';
	case 'b': return '\b';
	case 't': return '\t';
	case 'n': return '\n';
	case 'v': return '\v';
	case 'f': return '\f';
	case 'r': return '\r';
	case 'x':
		if (left < 2 || hex(rest[0]) < 0 || hex(rest[1]) < 0)
			return fail(ps, start, 2, "'\\x' takes two hex digits");
		ps->pos += 2;
		return hex(rest[0]) * 16 + hex(rest[1]);
	default:
		break;
	}
	if (c >= '0' && c <= '3' && left >= 2 && octal(rest[0]) && octal(rest[1])) {
		ps->pos += 2;
		return (c - '0') * 64 + (rest[0] - '0') * 8 + (rest[1] - '0');
	}
	if (c >= '1' && c <= '9')
		return fail(ps, start, 2, "back-references ('\\%c') are not supported", c);
	if (c == '0')
		return fail(ps, start, 2, "an octal escape takes three digits, as '\\012'");
	return (unsigned char)c;
}

/* One member of a bracket expression: a byte, an escape, or [.c.] or
 * [=c=]; -2 when it is a class [:name:], which *set then holds. */
static int class_set(struct parser *ps, size_t start, const char *name, size_t n,
		     uint64_t *set)
{
	static const struct { const char *name; const char *ranges; } classes[] = {
		{ "alpha", "AZaz" }, { "digit", "09" }, { "alnum", "09AZaz" },
		{ "upper", "AZ" }, { "lower", "az" }, { "space", "\t\r  " },
		{ "blank", "\t\t  " }, { "punct", "!/:@[`{~" }, { "print", " ~" },
		{ "graph", "!~" }, { "cntrl", "\001\037\177\177" }, { "xdigit", "09AFaf" },
	};
	for (size_t i = 0; i < sizeof(classes) / sizeof(*classes); i++) {
		if (strlen(classes[i].name) != n || memcmp(classes[i].name, name, n))
			continue;
		for (const char *r = classes[i].ranges; *r; r += 2)
			set_add(set, (unsigned char)r[0], (unsigned char)r[1]);
		return 0;
	}
	return fail(ps, start, n + 4, "unknown character class '[:%.*s:]'", (int)n, name);
}

static int bracket_item(struct parser *ps, uint64_t *set)
{
	size_t start = ps->pos;
	char c = ps->p[ps->pos];
	if (c == '\\')
		return escape(ps);
	if (c == '[' && ps->pos + 1 < ps->len && strchr(":=.", ps->p[ps->pos + 1])) {
		char kind = ps->p[ps->pos + 1];
		size_t name = ps->pos + 2, end = name;
		while (end + 1 < ps->len && !(ps->p[end] == kind && ps->p[end + 1] == ']'))
			end++;
		if (end + 1 >= ps->len)
			return fail(ps, start, 2, "'[%c' without '%c]'", kind, kind);
		ps->pos = end + 2;
		if (kind == ':')
			return class_set(ps, start, ps->p + name, end - name, set) < 0 ? -1 : -2;
		if (end - name != 1)
			return fail(ps, start, ps->pos - start,
				    "'[%c %c]' takes one character here", kind, kind);
		return (unsigned char)ps->p[name];
	}
	ps->pos++;
	return (unsigned char)c;
}

/* [...] from just after the '[' at `open`. */
static int bracket(struct parser *ps, size_t open)
{
	int s = new_set(ps->nfa);
	uint64_t set[4] = { 0 };
	bool neg = at(ps, '^');
	if (neg)
		ps->pos++;
	for (bool first = true;; first = false) {
		if (ps->pos >= ps->len)
			return fail(ps, open, 1, "'[' without ']'");
		if (at(ps, ']') && !first) {
			ps->pos++;
			break;
		}
		size_t item = ps->pos;
		int lo = bracket_item(ps, set);
		if (lo == -1)
			return -1;
		if (lo == -2)
			continue;
		int hi = lo;
		if (at(ps, '-') && ps->pos + 1 < ps->len && ps->p[ps->pos + 1] != ']') {
			ps->pos++;
			hi = bracket_item(ps, set);
			if (hi == -1)
				return -1;
			if (hi == -2)
				return fail(ps, item, ps->pos - item,
					    "a range cannot end in a character class");
			if (hi < lo)
				return fail(ps, item, ps->pos - item,
					    "the range '%.*s' is out of order", (int)(ps->pos - item),
					    ps->p + item);
		}
		set_add(set, (unsigned)lo, (unsigned)hi);
	}
	for (int w = 0; w < 4; w++)
		ps->nfa->set[s][w] = neg ? ~set[w] : set[w];
	ps->nfa->set[s][0] &= ~1ull;   /* NUL ends a string: nothing matches it */
	return set_node(ps, s);
}

static int parse_alt(struct parser *ps);

static int atom(struct parser *ps)
{
	size_t start = ps->pos;
	char c = ps->p[ps->pos];
	if (c == '\\') {
		int b = escape(ps);
		if (b < 0)
			return -1;
		int s = new_set(ps->nfa);
		set_add(ps->nfa->set[s], (unsigned)b, (unsigned)b);
		return set_node(ps, s);
	}
	ps->pos++;
	switch (c) {
	case '(': {
		if (++ps->depth > MAX_DEPTH)
			return fail(ps, start, 1, "groups nested more than %d deep", MAX_DEPTH);
		int number = ps->nfa->ngroups++;   /* groups count by their '(' */
		int x = parse_alt(ps);
		ps->depth--;
		if (x < 0)
			return -1;
		if (!at(ps, ')'))
			return fail(ps, start, 1, "'(' without ')'");
		ps->pos++;
		/* A group of an anchor may repeat: "(^)*" is no anchor itself. */
		if (ps->t[x].kind == T_BOL || ps->t[x].kind == T_EOL)
			x = tnode(ps, T_CAT, x, tnode(ps, T_EMPTY, -1, -1));
		int g = tnode(ps, T_GROUP, x, -1);
		ps->t[g].set = number;
		return g;
	}
	case '[':
		return bracket(ps, start);
	case '.': {
		int s = new_set(ps->nfa);
		set_add(ps->nfa->set[s], 1, 255);
		return set_node(ps, s);
	}
	case '^':
		return tnode(ps, T_BOL, -1, -1);
	case '$':
		return tnode(ps, T_EOL, -1, -1);
	default: {
		int s = new_set(ps->nfa);
		set_add(ps->nfa->set[s], (unsigned char)c, (unsigned char)c);
		return set_node(ps, s);
	}
	}
}

/* A decimal count of {m,n}. */
static int count(struct parser *ps)
{
	size_t start = ps->pos;
	long v = 0;
	while (ps->pos < ps->len && ps->p[ps->pos] >= '0' && ps->p[ps->pos] <= '9') {
		if (v <= REGEX_MAX_REPEAT)
			v = v * 10 + (ps->p[ps->pos] - '0');
		ps->pos++;
	}
	if (ps->pos == start)
		return fail(ps, start, 1, "expected a number in the interval");
	if (v > REGEX_MAX_REPEAT)
		return fail(ps, start, ps->pos - start, "repetition count '%.*s' above %d",
			    (int)(ps->pos - start), ps->p + start, REGEX_MAX_REPEAT);
	return (int)v;
}

/* {m}, {m,} or {m,n} from just after the '{' at `open`. */
static int interval(struct parser *ps, size_t open, int *min, int *max)
{
	if ((*min = count(ps)) < 0)
		return -1;
	*max = *min;
	if (at(ps, ',')) {
		ps->pos++;
		*max = -1;
		if (!at(ps, '}') && (*max = count(ps)) < 0)
			return -1;
	}
	if (!at(ps, '}'))
		return fail(ps, open, ps->pos - open + 1, "the interval '{' lacks its '}'");
	ps->pos++;
	if (*max >= 0 && *max < *min)
		return fail(ps, open, ps->pos - open, "the interval '%.*s' has its maximum below "
			    "its minimum", (int)(ps->pos - open), ps->p + open);
	return 0;
}

static int repeat(struct parser *ps)
{
	int x = atom(ps);
	if (x < 0)
		return -1;
	while (ps->pos < ps->len && strchr("*+?{", ps->p[ps->pos])) {
		size_t op = ps->pos++;
		char c = ps->p[op];
		if (ps->t[x].kind == T_BOL || ps->t[x].kind == T_EOL)
			return fail(ps, op, 1, "'%c' cannot repeat the anchor '%c'", c,
				    ps->t[x].kind == T_BOL ? '^' : '$');
		int min = c == '+', max = c == '?' ? 1 : -1;
		if (c == '{' && interval(ps, op, &min, &max) < 0)
			return -1;
		x = tnode(ps, T_REPEAT, x, -1);
		ps->t[x].min = min;
		ps->t[x].max = max;
	}
	return x;
}

static int parse_cat(struct parser *ps)
{
	int r = -1;
	while (ps->pos < ps->len && !at(ps, '|') && !at(ps, ')')) {
		if (strchr("*+?{", ps->p[ps->pos]))
			return fail(ps, ps->pos, 1, "'%c' has nothing before it to repeat",
				    ps->p[ps->pos]);
		int x = repeat(ps);
		if (x < 0)
			return -1;
		r = r < 0 ? x : tnode(ps, T_CAT, r, x);
	}
	return r < 0 ? tnode(ps, T_EMPTY, -1, -1) : r;
}

static int parse_alt(struct parser *ps)
{
	int r = parse_cat(ps);
	while (r >= 0 && at(ps, '|')) {
		ps->pos++;
		int x = parse_cat(ps);
		r = x < 0 ? -1 : tnode(ps, T_ALT, r, x);
	}
	return r;
}

/* ---- the NFA ---- */

struct frag {
	int start, end;   /* end: an NFA_EPS whose out is still -1 */
};

static int node(struct parser *ps, enum nfa_kind kind, int out, int out2, int set)
{
	struct nfa *nfa = ps->nfa;
	if (nfa->n >= REGEX_MAX_NFA)
		return fail(ps, 0, ps->len, "the pattern is too large: its automaton would have "
			    "more than %d nodes", REGEX_MAX_NFA);
	if (nfa->n == nfa->cap) {
		nfa->cap = nfa->cap ? 2 * nfa->cap : 64;
		nfa->node = realloc(nfa->node, (size_t)nfa->cap * sizeof(*nfa->node));
		if (!nfa->node)
			abort();
	}
	nfa->node[nfa->n] = (struct nfa_node){ .kind = kind, .out = out, .out2 = out2, .set = set };
	return nfa->n++;
}

static int build(struct parser *ps, int t, struct frag *f);

/* x, optionally: to x or past it. */
static int optional(struct parser *ps, int t, struct frag *f)
{
	struct frag x;
	int s = node(ps, NFA_EPS, -1, -1, -1), e = node(ps, NFA_EPS, -1, -1, -1);
	if (s < 0 || e < 0 || build(ps, t, &x) < 0)
		return -1;
	ps->nfa->node[s].out = x.start;
	ps->nfa->node[s].out2 = e;
	ps->nfa->node[x.end].out = e;
	*f = (struct frag){ s, e };
	return 0;
}

static int build_repeat(struct parser *ps, const struct tnode *r, struct frag *f)
{
	struct nfa *nfa = ps->nfa;
	int begin = node(ps, NFA_EPS, -1, -1, -1);
	if (begin < 0)
		return -1;
	int end = begin;
	struct frag x;
	for (int i = 0; i < r->min; i++) {
		if (build(ps, r->a, &x) < 0)
			return -1;
		nfa->node[end].out = x.start;
		end = x.end;
	}
	if (r->max < 0) {
		/* loop: to another x, or out */
		int loop = node(ps, NFA_EPS, -1, -1, -1), out = node(ps, NFA_EPS, -1, -1, -1);
		if (loop < 0 || out < 0 || build(ps, r->a, &x) < 0)
			return -1;
		nfa->node[loop].out = x.start;
		nfa->node[loop].out2 = out;
		nfa->node[x.end].out = loop;
		nfa->node[end].out = loop;
		end = out;
	}
	for (int i = r->min; i < r->max; i++) {
		if (optional(ps, r->a, &x) < 0)
			return -1;
		nfa->node[end].out = x.start;
		end = x.end;
	}
	*f = (struct frag){ begin, end };
	return 0;
}

static int build(struct parser *ps, int t, struct frag *f)
{
	struct nfa *nfa = ps->nfa;
	const struct tnode *n = &ps->t[t];
	struct frag a, b;
	int s, e;
	switch (n->kind) {
	case T_EMPTY:
		if ((s = node(ps, NFA_EPS, -1, -1, -1)) < 0)
			return -1;
		*f = (struct frag){ s, s };
		return 0;
	case T_SET: case T_BOL: case T_EOL:
		e = node(ps, NFA_EPS, -1, -1, -1);
		s = node(ps, n->kind == T_SET ? NFA_SET : n->kind == T_BOL ? NFA_BOL : NFA_EOL,
			 e, -1, n->set);
		if (e < 0 || s < 0)
			return -1;
		*f = (struct frag){ s, e };
		return 0;
	case T_CAT:
		if (build(ps, n->a, &a) < 0 || build(ps, n->b, &b) < 0)
			return -1;
		nfa->node[a.end].out = b.start;
		*f = (struct frag){ a.start, b.end };
		return 0;
	case T_ALT:
		s = node(ps, NFA_EPS, -1, -1, -1);
		e = node(ps, NFA_EPS, -1, -1, -1);
		if (s < 0 || e < 0 || build(ps, n->a, &a) < 0 || build(ps, n->b, &b) < 0)
			return -1;
		nfa->node[s].out = a.start;
		nfa->node[s].out2 = b.start;
		nfa->node[a.end].out = e;
		nfa->node[b.end].out = e;
		*f = (struct frag){ s, e };
		return 0;
	case T_REPEAT:
		return build_repeat(ps, n, f);
	case T_GROUP: {
		int tag = 2 * n->set;
		e = node(ps, NFA_EPS, -1, -1, -1);
		int close = node(ps, NFA_SAVE, e, -1, tag + 1);
		if (e < 0 || close < 0 || build(ps, n->a, &a) < 0)
			return -1;
		if ((s = node(ps, NFA_SAVE, a.start, -1, tag)) < 0)
			return -1;
		nfa->node[a.end].out = close;
		*f = (struct frag){ s, e };
		return 0;
	}
	}
	abort();
}

int regex_parse(const char *pat, size_t len, struct nfa *nfa, struct regex_error *err)
{
	memset(nfa, 0, sizeof(*nfa));
	struct parser ps = { .p = pat, .len = len, .nfa = nfa, .err = err };
	nfa->ngroups = 1;   /* group 0: the whole match */
	int root = parse_alt(&ps);
	if (root >= 0) {
		int g = tnode(&ps, T_GROUP, root, -1);
		ps.t[g].set = 0;
		root = g;
	}
	if (root >= 0 && ps.pos < len)
		root = fail(&ps, ps.pos, 1, "')' without '('");
	struct frag f;
	int final = -1;
	if (root >= 0 && build(&ps, root, &f) == 0)
		final = node(&ps, NFA_FINAL, -1, -1, -1);
	free(ps.t);
	if (final < 0) {
		regex_nfa_free(nfa);
		return -1;
	}
	nfa->node[f.end].out = final;
	nfa->start = f.start;
	return 0;
}

void regex_nfa_free(struct nfa *nfa)
{
	free(nfa->node);
	free(nfa->set);
	memset(nfa, 0, sizeof(*nfa));
}
