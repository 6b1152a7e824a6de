/* SPDX-License-Identifier: GPL-2.0-or-later */
/* symmatch.c — matching probe point names against C and C++ symbols; see
 * symmatch.h for the rules and where SystemTap has them. */
#include "symmatch.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"

/* libstdc++'s demangler, abi::__cxa_demangle, has C linkage. */
char *__cxa_demangle(const char *mangled, char *buf, size_t *n, int *status);

#define NPOS ((size_t)-1)
#define MAX_COMPS 64   /* deeper names are left unmatched, not truncated */

/* ---- Reading the demangler's output ----
 *
 * __cxa_demangle prints a function as
 *     [RETURN-TYPE ' '] SCOPE::…::NAME(PARAMETERS)[ const][ &&][ [clone .x]]…
 * where the return type is there for function templates only, a scope may
 * itself be a function ("f(int)::Local::m()", a local class), and a name
 * may hold template arguments, spaces and brackets of its own
 * ("operator< <int>", "operator std::vector<int, std::allocator<int> >",
 * "(anonymous namespace)", "{lambda(int)#1}").  Reading it left to right,
 * one component at a time, finds the names between the "::" and drops
 * the rest. */

static bool is_ident(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '$' || c == '.' || (unsigned char)c >= 0x80;
}

/* After "operator": the operator's spelling, the longest that fits, so
 * "<<=" is one operator and "< <int>" is "<" and its template arguments. */
static size_t operator_len(const char *s)
{
	static const char *const ops[] = {
		"->*", "<<=", ">>=", "<=>",
		"()", "[]", "->", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "++", "--",
		"+=", "-=", "*=", "/=", "%=", "^=", "&=", "|=",
		"+", "-", "*", "/", "%", "^", "&", "|", "~", "!", "=", "<", ">", ",",
	};
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		size_t n = strlen(ops[i]);
		if (strncmp(s, ops[i], n) == 0)
			return n;
	}
	return 0;
}

/* Whether s starts with the identifier word. */
static bool word_at(const char *s, const char *word)
{
	size_t n = strlen(word);
	return strncmp(s, word, n) == 0 && !is_ident(s[n]);
}

static bool at_operator(const char *s)
{
	return word_at(s, "operator");
}

/* s[i] opens (, [ or {: the index after its closing bracket, or NPOS.
 * Angle brackets inside are not counted: "(1)>(2)" is an expression. */
static size_t skip_group(const char *s, size_t i)
{
	char want[128];
	size_t depth = 0;
	do {
		char c = s[i++];
		if (c == '(' || c == '[' || c == '{') {
			if (depth == sizeof(want))
				return NPOS;
			want[depth++] = c == '(' ? ')' : c == '[' ? ']' : '}';
		} else if (c == ')' || c == ']' || c == '}') {
			if (c != want[depth - 1])
				return NPOS;
			depth--;
		} else if (c == '\0') {
			return NPOS;
		}
	} while (depth > 0);
	return i;
}

/* s[i] is '<': the index after the matching '>', or NPOS. */
static size_t skip_angle(const char *s, size_t i)
{
	int depth = 0;
	do {
		char c = s[i];
		if (c == '(' || c == '[' || c == '{') {
			i = skip_group(s, i);
			if (i == NPOS)
				return NPOS;
			continue;
		}
		if (c == '\0')
			return NPOS;
		if (c == '<')
			depth++;
		else if (c == '>')
			depth--;
		i++;
	} while (depth > 0);
	return i;
}

/* The qualifiers after a method's parameters, which a local class's scope
 * carries too: "A::g() const::L::m()". */
static size_t skip_qualifiers(const char *s, size_t i)
{
	static const char *const quals[] = {
		" const", " volatile", " restrict", " &&", " &", " transaction_safe",
		" noexcept",
	};
	for (size_t q = 0; q < sizeof(quals) / sizeof(quals[0]); q++) {
		size_t n = strlen(quals[q]);
		if (strncmp(s + i, quals[q], n) == 0 && !is_ident(s[i + n])) {
			i += n;
			q = (size_t)-1;   /* look again from the first */
		}
	}
	return i;
}

/* The components read so far, each NUL-terminated in buf. */
struct parsed {
	char *buf;
	size_t len, cur;       /* cur: where the component being read starts */
	size_t off[MAX_COMPS];
	unsigned n;
};

static void append(struct parsed *p, const char *s, size_t n)
{
	memcpy(p->buf + p->len, s, n);
	p->len += n;
}

static int push(struct parsed *p)
{
	if (p->n == MAX_COMPS)
		return -1;
	p->buf[p->len++] = '\0';
	p->off[p->n++] = p->cur;
	p->cur = p->len;
	return 0;
}

static void reset(struct parsed *p)
{
	p->n = 0;
	p->len = p->cur = 0;
}

/* Reads one component starting at s[i] into p: its name and template
 * arguments, without ABI tags.  Returns the index after it, or NPOS. */
static size_t read_component(const char *s, size_t i, struct parsed *p)
{
	size_t start = i;
	if (s[i] == '(' || s[i] == '{') {   /* (anonymous namespace), {lambda(int)#1} */
		size_t j = skip_group(s, i);
		if (j != NPOS)
			append(p, s + i, j - i);
		return j;
	}
	if (s[i] == '~')
		i++;
	if (at_operator(s + i)) {
		i += 8;
		if (s[i] == ' ' && (word_at(s + i + 1, "new") || word_at(s + i + 1, "delete") ||
				    word_at(s + i + 1, "co_await"))) {
			i++;
			while (is_ident(s[i]))
				i++;
			if (s[i] == '[' && s[i + 1] == ']')
				i += 2;
		} else if (s[i] == ' ') {
			/* A conversion, whose type may have "::", templates and
			 * parentheses ("operator void (A::*)()"): all of it up to
			 * the parameters, which are "()" and end the name. */
			while (s[i]) {
				if (s[i] == '(' && s[i + 1] == ')') {
					size_t k = skip_qualifiers(s, i + 2);
					if (s[k] == '\0' || (s[k] == ':' && s[k + 1] == ':'))
						break;
				}
				if (s[i] == '<')
					i = skip_angle(s, i);
				else if (s[i] == '(' || s[i] == '[' || s[i] == '{')
					i = skip_group(s, i);
				else
					i++;
				if (i == NPOS)
					return NPOS;
			}
		} else if (s[i] == '"' && s[i + 1] == '"') {   /* operator"" _km */
			i += 2;
			if (s[i] == ' ')
				i++;
			while (is_ident(s[i]))
				i++;
		} else {
			size_t n = operator_len(s + i);
			if (n == 0)
				return NPOS;
			i += n;
			if (s[i] == ' ' && s[i + 1] == '<')   /* "operator< <int>" */
				i++;
		}
	} else {
		while (is_ident(s[i]))
			i++;
		if (i == start || (s[start] == '~' && i == start + 1))
			return NPOS;
	}
	append(p, s + start, i - start);
	for (;;) {
		if (strncmp(s + i, "[abi:", 5) == 0) {
			const char *end = strchr(s + i, ']');
			if (!end)
				return NPOS;
			i = (size_t)(end - s) + 1;
		} else if (s[i] == '<') {
			size_t j = skip_angle(s, i);
			if (j == NPOS)
				return NPOS;
			append(p, s + i, j - i);
			i = j;
		} else {
			return i;
		}
	}
}

/* Reads the components of the name in demangled function s.  The name
 * ends at its parameters; a return type ends at a space outside brackets
 * and is dropped when it does.  Returns 0 or -1 (not understood). */
static int read_name(const char *s, struct parsed *p)
{
	size_t i = 0;
	reset(p);
	for (;;) {
		if (s[i] == '(' && (s[i + 1] == '*' || s[i + 1] == '&')) {
			/* A function returning a function pointer is printed
			 * around its name: "void (*ns::f<int>(int))(double)". */
			i++;
			while (s[i] == '*' || s[i] == '&')
				i++;
			reset(p);
			continue;
		}
		size_t j = read_component(s, i, p);
		if (j == NPOS)
			return -1;
		if (s[j] == ':' && s[j + 1] == ':') {
			if (push(p) < 0)
				return -1;
			i = j + 2;
			continue;
		}
		if (s[j] == '(') {
			size_t k = skip_group(s, j);
			if (k == NPOS || push(p) < 0)
				return -1;
			k = skip_qualifiers(s, k);
			if (s[k] == ':' && s[k + 1] == ':') {
				/* "f(int)::Local::m()": a local class or a
				 * lambda.  A function is no scope in
				 * SystemTap's walk up the DWARF, so the name
				 * starts again inside it: "Local::m". */
				reset(p);
				i = k + 2;
				continue;
			}
			return 0;
		}
		if (s[j] == '\0')   /* a variable's name, say */
			return push(p);
		/* Part of a return type: skip the rest of it. */
		while (s[j] && s[j] != ' ') {
			if (s[j] == '(' || s[j] == '[' || s[j] == '{')
				j = skip_group(s, j);
			else if (s[j] == '<')
				j = skip_angle(s, j);
			else
				j++;
			if (j == NPOS)
				return -1;
		}
		if (s[j] == '\0')
			return -1;
		reset(p);
		i = j + 1;
	}
}

/* ---- Qualified names ---- */

struct qname {
	const char *text;      /* "geo::Counter::bump" */
	const char **comp;     /* "geo", "Counter", "bump" */
	unsigned n;
};

static bool is_mangled(const char *linked)
{
	return linked[0] == '_' && linked[1] == 'Z';
}

/* The qualified name of a mangled name, in one block from alloc(), or
 * NULL. */
static struct qname *qname_build(const char *linked, void *(*alloc)(void *, size_t),
				 void *ctx)
{
	/* _ZT… are vtables, typeinfo, thunks and TLS wrappers, _ZG… guard
	 * variables, reference temporaries and transaction clones: none is a
	 * function the user wrote. */
	if (!is_mangled(linked) || linked[2] == 'T' || linked[2] == 'G')
		return NULL;
	int status;
	char *d = __cxa_demangle(linked, NULL, NULL, &status);
	if (!d)
		return NULL;
	/* "geo::twice(int) [clone .isra.0]": the suffix is the mangled name's
	 * from its first '.', which mangling uses nowhere else. */
	const char *clone = "";
	char *cl = strstr(d, " [clone .");
	if (cl) {
		*cl = '\0';
		clone = strchr(linked, '.');
		if (!clone)
			clone = "";
	}
	size_t dlen = strlen(d), clen = strlen(clone);
	struct parsed p = { .buf = xmalloc(dlen + MAX_COMPS + 1) };
	struct qname *q = NULL;
	if (read_name(d, &p) == 0 && p.n > 0) {
		size_t text = p.len + clen + 2 * p.n;   /* NULs become "::" */
		size_t size = sizeof(*q) + p.n * sizeof(char *) + (p.len + clen) + text;
		char *mem = alloc(ctx, size);
		q = (struct qname *)mem;
		q->n = p.n;
		q->comp = (const char **)(mem + sizeof(*q));
		char *comps = (char *)(q->comp + p.n);
		char *t = comps + p.len + clen;
		q->text = t;
		/* The components, the clone suffix on the last one. */
		memcpy(comps, p.buf, p.len - 1);
		memcpy(comps + p.len - 1, clone, clen + 1);
		size_t tl = 0;
		for (unsigned k = 0; k < p.n; k++) {
			q->comp[k] = comps + p.off[k];
			size_t n = strlen(q->comp[k]);
			memcpy(t + tl, q->comp[k], n);
			tl += n;
			if (k + 1 < p.n) {
				memcpy(t + tl, "::", 2);
				tl += 2;
			}
		}
		t[tl] = '\0';
	}
	free(p.buf);
	free(d);
	return q;
}

static void *heap_alloc(void *ctx, size_t size)
{
	(void)ctx;
	return xmalloc(size);
}

static void *arena_alloc_cb(void *ctx, size_t size)
{
	return arena_alloc(ctx, size);
}

char *symm_demangle(const char *linked)
{
	if (!is_mangled(linked))
		return xstrdup(linked);
	struct qname *q = qname_build(linked, heap_alloc, NULL);
	if (!q)
		return NULL;
	char *s = xstrdup(q->text);
	free(q);
	return s;
}

/* ---- Patterns ---- */

struct pcomp {
	char *text;
	bool wild;
};

struct symm_pattern {
	char *text;
	bool wild;
	unsigned n;
	struct pcomp *comp;
	/* What the mangled name of a match spells out, one per component at
	 * most (see may_match()). */
	unsigned nlits;
	char **lits;
};

static bool has_wildcard(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

/* s[i] is '[': the index after the bracket expression fnmatch() reads
 * there, or 0 if it is not one ('[' is then an ordinary character). */
static size_t bracket_end(const char *s, size_t i)
{
	size_t j = i + 1;
	if (s[j] == '!' || s[j] == '^')
		j++;
	if (s[j] == ']')
		j++;
	while (s[j] && s[j] != ']') {
		if (s[j] == '[' && s[j + 1] == ':') {
			const char *end = strstr(s + j + 2, ":]");
			if (!end)
				return 0;
			j = (size_t)(end - s) + 2;
		} else {
			j++;
		}
	}
	return s[j] == ']' ? j + 1 : 0;
}

/* Whether a name that starts with id could be one whose mangling spells
 * it some other way: a std:: name the mangling abbreviates (St, Sa, Sb,
 * Ss, Si, So, Sd), or an operator, which is a two-letter code. */
static bool maybe_unspelt(const char *id, size_t n)
{
	static const char *const words[] = {
		"std", "allocator", "basic_string", "string", "char_traits",
		"basic_istream", "basic_ostream", "basic_iostream", "istream", "ostream",
		"iostream", "operator",
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strncmp(words[i], id, n) == 0)
			return true;
	return false;
}

static bool is_id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* The identifier a component's name must start with, when the mangled
 * name must spell it out; its length, or 0. */
static size_t spelt_prefix(const char *comp)
{
	size_t n = 0;
	while (is_id_char(comp[n]))
		n++;
	return n > 0 && !maybe_unspelt(comp, n) ? n : 0;
}

static void add_component(struct symm_pattern *p, const char *s, size_t n)
{
	p->comp = xrealloc(p->comp, (p->n + 1) * sizeof(*p->comp));
	char *t = xmalloc(n + 1);
	memcpy(t, s, n);
	t[n] = '\0';
	p->comp[p->n].text = t;
	p->comp[p->n].wild = has_wildcard(t);
	p->n++;
}

/* Cuts name at each "::" outside template arguments and brackets, as
 * SystemTap's tokenize_cxx() does, also knowing that the '<' of
 * "operator<" opens nothing. */
static void split(struct symm_pattern *p, const char *name)
{
	size_t i = 0, start = 0, len = strlen(name);
	int depth = 0;
	bool at_start = true;
	while (i < len) {
		char c = name[i];
		if (at_start && at_operator(name + i)) {
			i += 8;
			if (name[i] == ' ')   /* a conversion: the type is the rest */
				i = len;
			else
				i += operator_len(name + i);
			at_start = false;
			continue;
		}
		at_start = false;
		size_t j;
		if (c == '\\' && name[i + 1]) {
			i += 2;
		} else if (c == '[') {
			j = bracket_end(name, i);
			i = j ? j : i + 1;
		} else if (c == '(' || c == '{') {
			j = skip_group(name, i);
			i = j != NPOS ? j : i + 1;
		} else if (c == ':' && name[i + 1] == ':' && depth == 0) {
			add_component(p, name + start, i - start);
			i += 2;
			start = i;
			at_start = true;
		} else {
			if (c == '<')
				depth++;
			else if (c == '>' && depth > 0)
				depth--;
			i++;
		}
	}
	add_component(p, name + start, len - start);
}

int symm_pattern_new(const char *name, struct symm_pattern **out, const char **why)
{
	struct symm_pattern *p = xcalloc(1, sizeof(*p));
	p->text = xstrdup(name);
	p->wild = has_wildcard(name);
	split(p, name);
	if (p->comp[p->n - 1].text[0] == '\0') {
		if (why)
			*why = p->n == 1 ? "the function name is empty"
					 : "no function name after the last '::'";
		symm_pattern_free(p);
		*out = NULL;
		return -EINVAL;
	}
	p->lits = xmalloc(p->n * sizeof(*p->lits));
	for (unsigned k = 0; k < p->n; k++) {
		size_t n = spelt_prefix(p->comp[k].text);
		if (n) {
			char *lit = xmalloc(n + 1);
			memcpy(lit, p->comp[k].text, n);
			lit[n] = '\0';
			p->lits[p->nlits++] = lit;
		}
	}
	*out = p;
	return 0;
}

void symm_pattern_free(struct symm_pattern *p)
{
	if (!p)
		return;
	for (unsigned k = 0; k < p->n; k++)
		free(p->comp[k].text);
	free(p->comp);
	for (unsigned k = 0; k < p->nlits; k++)
		free(p->lits[k]);
	free(p->lits);
	free(p->text);
	free(p);
}

bool symm_pattern_is_wild(const struct symm_pattern *p)
{
	return p->wild;
}

/* ---- Matching ---- */

static bool linked_match(const struct symm_pattern *p, const char *linked)
{
	return p->wild ? fnmatch(p->text, linked, 0) == 0 : strcmp(p->text, linked) == 0;
}

/* One component, compared as SystemTap compares a scope: equality, or
 * fnmatch() when it has a wildcard. */
static bool comp_eq(const struct pcomp *pc, const char *name)
{
	return pc->wild ? fnmatch(pc->text, name, 0) == 0 : strcmp(pc->text, name) == 0;
}

/* Scopes that have no name in DWARF, where SystemTap compares "". */
static bool is_unnamed(const char *c)
{
	if (strcmp(c, "(anonymous namespace)") == 0 || strncmp(c, "{lambda(", 8) == 0 ||
	    strncmp(c, "{unnamed type#", 14) == 0)
		return true;
	if (c[0] != '$' || c[1] != '_' || !c[2])   /* clang's "$_0" */
		return false;
	for (c += 2; *c; c++)
		if (*c < '0' || *c > '9')
			return false;
	return true;
}

static bool comp_match(const struct pcomp *pc, const char *name)
{
	return comp_eq(pc, name) || (is_unnamed(name) && comp_eq(pc, ""));
}

/* From the function outward, as function_scope_matches() walks the
 * DWARF parents: past the outermost scope comes the global scope, named
 * "", and nothing after it. */
static bool comps_match(const struct symm_pattern *p, const char *const *comp, unsigned n)
{
	unsigned m = p->n;
	if (m > n + 1)
		return false;
	for (unsigned k = 0; k < m; k++) {
		const struct pcomp *pc = &p->comp[m - 1 - k];
		if (k < n) {
			if (!comp_match(pc, comp[n - 1 - k]))
				return false;
		} else if (!comp_eq(pc, "")) {   /* k == n == m - 1 */
			return false;
		}
	}
	return true;
}

/* Whether a mangled name can have a qualified name that matches, told
 * without demangling it.  Every component of a match starts with what
 * its pattern component starts with: "get" for "get*", "Box" for
 * "Box<*>".  When that is an identifier, the mangled name spells it out
 * ("4llvm3Box3getIiE…"), since the names of a function's own scopes are
 * never back-references to something before them, and a constructor is
 * named by its class, which is one of those scopes.  Abbreviated std::
 * names and operators are the exceptions (spelt_prefix()). */
static bool may_match(const struct symm_pattern *p, const char *linked)
{
	for (unsigned k = 0; k < p->nlits; k++)
		if (!strstr(linked, p->lits[k]))
			return false;
	return true;
}

bool symm_match_name(const struct symm_pattern *p, const char *linked)
{
	if (linked_match(p, linked))
		return true;
	if (!is_mangled(linked))
		return comps_match(p, &linked, 1);
	if (!may_match(p, linked))
		return false;
	struct qname *q = qname_build(linked, heap_alloc, NULL);
	bool ok = q && comps_match(p, q->comp, q->n);
	free(q);
	return ok;
}

/* ---- The cache ---- */

struct slot {
	const struct elf_sym *key;
	const struct qname *q;      /* NULL: no qualified name */
};

struct symm_cache {
	struct arena *arena;
	struct slot *slots;
	size_t cap, used;           /* cap is a power of two */
};

struct symm_cache *symm_cache_new(void)
{
	struct symm_cache *c = xcalloc(1, sizeof(*c));
	c->arena = arena_new();
	c->cap = 1024;
	c->slots = xcalloc(c->cap, sizeof(*c->slots));
	return c;
}

void symm_cache_free(struct symm_cache *c)
{
	if (!c)
		return;
	arena_free(c->arena);
	free(c->slots);
	free(c);
}

static size_t slot_of(const struct symm_cache *c, const struct elf_sym *s)
{
	uint64_t h = (uint64_t)(uintptr_t)s * 0x9e3779b97f4a7c15ull;
	size_t i = (size_t)(h >> 32) & (c->cap - 1);
	while (c->slots[i].key && c->slots[i].key != s)
		i = (i + 1) & (c->cap - 1);
	return i;
}

static void grow(struct symm_cache *c)
{
	struct slot *old = c->slots;
	size_t n = c->cap;
	c->cap *= 2;
	c->slots = xcalloc(c->cap, sizeof(*c->slots));
	for (size_t i = 0; i < n; i++)
		if (old[i].key)
			c->slots[slot_of(c, old[i].key)] = old[i];
	free(old);
}

/* The qualified name of a mangled symbol, demangled the first time. */
static const struct qname *lookup(struct symm_cache *c, const struct elf_sym *s)
{
	size_t i = slot_of(c, s);
	if (c->slots[i].key)
		return c->slots[i].q;
	if (2 * (c->used + 1) > c->cap) {
		grow(c);
		i = slot_of(c, s);
	}
	c->slots[i].key = s;
	c->slots[i].q = qname_build(s->name, arena_alloc_cb, c->arena);
	c->used++;
	return c->slots[i].q;
}

bool symm_match(struct symm_cache *c, const struct symm_pattern *p, const struct elf_sym *s)
{
	if (linked_match(p, s->name))
		return true;
	if (!is_mangled(s->name))
		return comps_match(p, &s->name, 1);
	if (!may_match(p, s->name))
		return false;
	const struct qname *q = lookup(c, s);
	return q && comps_match(p, q->comp, q->n);
}

const char *symm_qualified(struct symm_cache *c, const struct elf_sym *s)
{
	if (!is_mangled(s->name))
		return s->name;
	const struct qname *q = lookup(c, s);
	return q ? q->text : NULL;
}

/* The last m of the n components, joined as SystemTap prepends scopes to
 * the function's name: an unnamed scope has no DW_AT_name and is "", and
 * the global scope past the outermost (m == n + 1) is "" too. */
static const char *join_last(struct symm_cache *c, const char *const *comp, unsigned n,
			     unsigned m)
{
	size_t len = 1;
	for (unsigned k = 0; k < n; k++)
		len += strlen(comp[k]) + 2;
	char *out = arena_alloc(c->arena, len + 2), *o = out;
	unsigned first = m > n ? 0 : n - m;
	for (unsigned k = first; k < n; k++) {
		if (k > first || m > n) {
			memcpy(o, "::", 2);
			o += 2;
		}
		if (!is_unnamed(comp[k])) {
			size_t l = strlen(comp[k]);
			memcpy(o, comp[k], l);
			o += l;
		}
	}
	*o = '\0';
	return out;
}

const char *symm_ppfunc(struct symm_cache *c, const struct symm_pattern *p,
			const struct elf_sym *s, bool dwarf)
{
	/* SystemTap finds a function in the symbol table only when DWARF
	 * does not have it, and then by the linked name. */
	if (!dwarf && linked_match(p, s->name))
		return s->name;
	const char *const *comp = &s->name;
	unsigned n = 1;
	if (is_mangled(s->name)) {
		const struct qname *q = lookup(c, s);
		if (!q)
			return s->name;
		comp = q->comp;
		n = q->n;
	}
	if (p->n == 1)   /* the common case, without copying */
		return comp[n - 1];
	if (comps_match(p, comp, n))
		return join_last(c, comp, n, p->n);
	/* Matched by its linked name alone: SystemTap's DWARF names the
	 * function by its DW_AT_name, with no scopes. */
	return dwarf ? comp[n - 1] : s->name;
}
