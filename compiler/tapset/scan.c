/* SPDX-License-Identifier: GPL-2.0-or-later */
/* scan.c — the definitions at the top level of a tapset file; see scan.h. */
#include "scan.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

struct scanner {
	const char *p, *end;
	const char *tok;         /* the current token */
	size_t len;
	int depth;               /* open braces before it */
};

static bool ident_start(char c)
{
	return isalpha((unsigned char)c) || c == '_';
}

static bool ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Skips what is no token: blanks, comments, embedded C. */
static void skip_blank(struct scanner *s)
{
	while (s->p < s->end) {
		const char *p = s->p;
		if (isspace((unsigned char)*p)) {
			s->p++;
		} else if (*p == '#' || (*p == '/' && p + 1 < s->end && p[1] == '/')) {
			while (s->p < s->end && *s->p != '\n')
				s->p++;
		} else if (*p == '/' && p + 1 < s->end && p[1] == '*') {
			s->p += 2;
			while (s->p + 1 < s->end && !(s->p[0] == '*' && s->p[1] == '/'))
				s->p++;
			s->p = s->p + 1 < s->end ? s->p + 2 : s->end;
		} else if (*p == '%' && p + 1 < s->end && p[1] == '{') {
			s->p += 2;
			while (s->p + 1 < s->end && !(s->p[0] == '%' && s->p[1] == '}'))
				s->p++;
			s->p = s->p + 1 < s->end ? s->p + 2 : s->end;
		} else {
			return;
		}
	}
}

/* The next token: a word (an identifier, or '@' and one), a string, or
 * one character; braces counted.  False at the end. */
static bool next(struct scanner *s)
{
	skip_blank(s);
	if (s->p >= s->end)
		return false;
	if (s->tok && s->len == 1 && *s->tok == '{')
		s->depth++;
	else if (s->tok && s->len == 1 && *s->tok == '}' && s->depth > 0)
		s->depth--;
	s->tok = s->p;
	if (ident_start(*s->p) || (*s->p == '@' && s->p + 1 < s->end && ident_start(s->p[1]))) {
		s->p++;
		while (s->p < s->end && ident_char(*s->p))
			s->p++;
	} else if (*s->p == '"') {
		/* A string is one token: its braces are not counted. */
		for (s->p++; s->p < s->end && *s->p != '"' && *s->p != '\n'; s->p++)
			if (*s->p == '\\' && s->p + 1 < s->end)
				s->p++;
		if (s->p < s->end)
			s->p++;
	} else {
		s->p++;
	}
	s->len = (size_t)(s->p - s->tok);
	return true;
}

static bool is(const struct scanner *s, const char *word)
{
	return s->len == strlen(word) && memcmp(s->tok, word, s->len) == 0;
}

static bool is_ident(const struct scanner *s)
{
	return ident_start(*s->tok);
}

/* After `function`: NAME, an optional `:type`, and the parameters. */
static void function(struct scanner *s, tapset_scan_fn *fn, void *ctx)
{
	if (!next(s) || !is_ident(s))
		return;
	const char *name = s->tok;
	size_t len = s->len;
	while (next(s) && !is(s, "(") && !is(s, "{"))
		;
	if (!is(s, "("))
		return;
	int arity = 0, nesting = 0;
	bool any = false;
	while (next(s)) {
		if (is(s, "("))
			nesting++;
		else if (is(s, ")") && nesting-- == 0)
			break;
		else if (is(s, ",") && nesting == 0)
			arity++;
		any = true;
	}
	fn(ctx, TAPSET_FUNCTION, name, len, any ? arity + 1 : 0);
}

/* After `global`: names, each with an optional [N] or = VALUE. */
static void globals(struct scanner *s, tapset_scan_fn *fn, void *ctx)
{
	while (next(s) && is_ident(s)) {
		fn(ctx, TAPSET_GLOBAL, s->tok, s->len, 0);
		const char *save = s->p;
		if (!next(s))
			return;
		if (is(s, "[")) {
			while (next(s) && !is(s, "]"))
				;
			save = s->p;
			if (!next(s))
				return;
		}
		if (is(s, "=")) {
			next(s);
			if (is(s, "-"))
				next(s);
			save = s->p;
			if (!next(s))
				return;
		}
		if (!is(s, ",")) {
			/* Not ours: read it again. */
			s->p = save;
			s->tok = NULL;
			return;
		}
	}
}

/* After `probe`: NAME.NAME… and `=` or `+=` make an alias. */
static void probe(struct scanner *s, tapset_scan_fn *fn, void *ctx)
{
	if (!next(s) || !is_ident(s))
		return;
	const char *name = s->tok, *last = s->tok + s->len;
	while (next(s) && is(s, ".")) {
		if (!next(s) || !is_ident(s))
			return;
		last = s->tok + s->len;
	}
	if (is(s, "+") && s->p < s->end && *s->p == '=')
		next(s);
	if (is(s, "=") && !(s->p < s->end && *s->p == '='))
		fn(ctx, TAPSET_ALIAS, name, (size_t)(last - name), 0);
}

void tapset_scan(const char *text, size_t len, tapset_scan_fn *fn, void *ctx)
{
	struct scanner s = { .p = text, .end = text + len };
	while (next(&s)) {
		if (s.depth > 0 || (!is_ident(&s) && *s.tok != '@'))
			continue;
		if (is(&s, "function"))
			function(&s, fn, ctx);
		else if (is(&s, "global"))
			globals(&s, fn, ctx);
		else if (is(&s, "probe"))
			probe(&s, fn, ctx);
		else if (is(&s, "@define") && next(&s) && is_ident(&s))
			fn(ctx, TAPSET_MACRO, s.tok, s.len, 0);
	}
}
