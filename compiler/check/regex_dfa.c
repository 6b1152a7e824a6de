/* SPDX-License-Identifier: GPL-2.0-or-later */
/* regex_dfa.c — the searching DFA of an NFA, minimised.
 *
 * Subset construction over byte classes: bytes that every set of the NFA
 * treats alike share a column.  The search is built in: after each byte
 * the NFA's start joins the set again, so a match may begin anywhere.  A
 * set that reaches NFA_FINAL is REGEX_MATCH, which keeps itself; '^'
 * holds in the closure of the first set only, '$' in the closure taken
 * for the end column.  Minimising (Moore's refinement, from "matches" and
 * "does not yet") merges what the search cannot tell apart, the states
 * of an anchored pattern that can no longer match into REGEX_DEAD among
 * them; last, columns that every state treats alike are merged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regex.h"

#define MAX_SUBSETS (4 * REGEX_MAX_STATES)   /* before minimising */

struct builder {
	const struct nfa *nfa;
	int words;                /* of a set of NFA nodes */
	uint64_t *sets;           /* per state, its set (none for DEAD, MATCH) */
	int *next;                /* per state, ncols targets */
	int n, cap, ncols;
	int *hash;                /* open addressing: state or -1 */
	int hash_size;
	int *stack;
};

static bool has(const uint64_t *set, int i)
{
	return set[i / 64] >> (i % 64) & 1;
}

static void put(uint64_t *set, int i)
{
	set[i / 64] |= 1ull << (i % 64);
}

/* Adds to set everything its nodes reach without a byte; whether that
 * includes NFA_FINAL. */
static bool closure(struct builder *b, uint64_t *set, bool at_start, bool at_end)
{
	int sp = 0;
	bool final = false;
	for (int w = 0; w < b->words; w++)
		for (uint64_t m = set[w]; m; m &= m - 1)
			b->stack[sp++] = w * 64 + __builtin_ctzll(m);
	while (sp > 0) {
		const struct nfa_node *n = &b->nfa->node[b->stack[--sp]];
		int to[2] = { -1, -1 };
		switch (n->kind) {
		case NFA_EPS: to[0] = n->out; to[1] = n->out2; break;
		case NFA_SAVE: to[0] = n->out; break;
		case NFA_BOL: if (at_start) to[0] = n->out; break;
		case NFA_EOL: if (at_end) to[0] = n->out; break;
		case NFA_FINAL: final = true; break;
		default: break;
		}
		for (int k = 0; k < 2; k++)
			if (to[k] >= 0 && !has(set, to[k])) {
				put(set, to[k]);
				b->stack[sp++] = to[k];
			}
	}
	return final;
}

static uint64_t set_hash(const struct builder *b, const uint64_t *set)
{
	uint64_t h = 1469598103934665603ull;
	for (int w = 0; w < b->words; w++)
		h = (h ^ set[w]) * 1099511628211ull;
	return h;
}

static int add_state(struct builder *b)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->sets = realloc(b->sets, (size_t)b->cap * (size_t)b->words * sizeof(uint64_t));
		b->next = realloc(b->next, (size_t)b->cap * (size_t)b->ncols * sizeof(int));
		if (!b->sets || !b->next)
			abort();
	}
	memset(b->sets + (size_t)b->n * (size_t)b->words, 0, (size_t)b->words * sizeof(uint64_t));
	return b->n++;
}

/* The state of set, made if new; -1 past MAX_SUBSETS. */
static int state_of(struct builder *b, const uint64_t *set)
{
	size_t bytes = (size_t)b->words * sizeof(uint64_t);
	int h = (int)(set_hash(b, set) & (uint64_t)(b->hash_size - 1));
	for (;; h = (h + 1) & (b->hash_size - 1)) {
		int s = b->hash[h];
		if (s < 0)
			break;
		if (!memcmp(b->sets + (size_t)s * (size_t)b->words, set, bytes))
			return s;
	}
	if (b->n >= MAX_SUBSETS)
		return -1;
	int s = add_state(b);
	memcpy(b->sets + (size_t)s * (size_t)b->words, set, bytes);
	b->hash[h] = s;
	return s;
}

static void too_many(struct regex_error *err)
{
	snprintf(err->msg, sizeof(err->msg), "the pattern needs more than %d states in its "
		 "automaton", REGEX_MAX_STATES);
}

/* ---- minimising ---- */

/* part[] refined once: states stay together when their parts and their
 * targets' parts agree.  Returns the number of parts. */
static int refine(const struct builder *b, const int *part, int *out)
{
	int size = 1;
	while (size < 2 * b->n)
		size *= 2;
	int *table = malloc((size_t)size * sizeof(int));   /* a state of each part */
	if (!table)
		abort();
	memset(table, -1, (size_t)size * sizeof(int));
	int parts = 0;
	int *first = malloc((size_t)b->n * sizeof(int));
	if (!first)
		abort();
	for (int s = 0; s < b->n; s++) {
		const int *t = b->next + (size_t)s * (size_t)b->ncols;
		uint64_t h = (uint64_t)part[s] * 0x9e3779b97f4a7c15ull;
		for (int c = 0; c < b->ncols; c++)
			h = (h ^ (uint64_t)part[t[c]]) * 1099511628211ull;
		int i = (int)(h & (uint64_t)(size - 1));
		for (;; i = (i + 1) & (size - 1)) {
			int r = table[i];
			if (r < 0) {
				table[i] = s;
				first[s] = parts;
				out[s] = parts++;
				break;
			}
			const int *u = b->next + (size_t)r * (size_t)b->ncols;
			bool same = part[r] == part[s];
			for (int c = 0; same && c < b->ncols; c++)
				same = part[t[c]] == part[u[c]];
			if (same) {
				out[s] = first[r];
				break;
			}
		}
	}
	free(table);
	free(first);
	return parts;
}

/* The minimal DFA of b's states into re, DEAD and MATCH first. */
static int minimise(const struct builder *b, int start, int ncls, const uint8_t *cls,
		    struct regex *re, struct regex_error *err)
{
	int *part = malloc((size_t)b->n * sizeof(int)), *next = malloc((size_t)b->n * sizeof(int));
	if (!part || !next)
		abort();
	for (int s = 0; s < b->n; s++)
		part[s] = s == REGEX_MATCH;
	int parts = 2;
	for (;;) {
		int now = refine(b, part, next);
		memcpy(part, next, (size_t)b->n * sizeof(int));
		if (now == parts)
			break;
		parts = now;
	}
	/* Number the parts: DEAD's 0, MATCH's 1, the others in order. */
	int *num = malloc((size_t)parts * sizeof(int)), *rep = malloc((size_t)parts * sizeof(int));
	if (!num || !rep)
		abort();
	for (int p = 0; p < parts; p++)
		num[p] = -1;
	num[part[REGEX_DEAD]] = REGEX_DEAD;
	num[part[REGEX_MATCH]] = REGEX_MATCH;
	rep[REGEX_DEAD] = REGEX_DEAD;
	rep[REGEX_MATCH] = REGEX_MATCH;
	int n = 2;
	for (int s = 0; s < b->n; s++)
		if (num[part[s]] < 0) {
			rep[n] = s;
			num[part[s]] = n++;
		}
	int rc = 0;
	if (n > REGEX_MAX_STATES) {
		too_many(err);
		rc = -1;
		goto out;
	}

	/* Columns every state treats alike are one; the end stays last. */
	int *col = malloc((size_t)b->ncols * sizeof(int));
	if (!col)
		abort();
	int ncols = 0;
	for (int c = 0; c < b->ncols; c++) {
		col[c] = -1;
		for (int d = 0; c < ncls && d < c && col[c] < 0; d++) {
			bool same = true;
			for (int i = 0; same && i < n; i++) {
				const int *t = b->next + (size_t)rep[i] * (size_t)b->ncols;
				same = num[part[t[c]]] == num[part[t[d]]];
			}
			if (same)
				col[c] = col[d];
		}
		if (col[c] < 0)
			col[c] = ncols++;
	}
	re->ncols = (uint32_t)ncols;
	re->nstates = (uint32_t)n;
	re->start = (uint32_t)num[part[start]];
	for (int c = 0; c < 256; c++)
		re->class_of[c] = (uint8_t)col[cls[c]];
	re->next = calloc((size_t)n * (size_t)ncols, sizeof(uint16_t));
	if (!re->next)
		abort();
	for (int i = 0; i < n; i++) {
		const int *t = b->next + (size_t)rep[i] * (size_t)b->ncols;
		for (int c = 0; c < b->ncols; c++)
			re->next[(size_t)i * (size_t)ncols + (size_t)col[c]] =
				(uint16_t)num[part[t[c]]];
	}
	free(col);
out:
	free(part);
	free(next);
	free(num);
	free(rep);
	return rc;
}

/* Byte classes: bytes in the same sets of the NFA share one. */
static int byte_classes(const struct nfa *nfa, uint8_t *cls, int *rep)
{
	int ncls = 1;
	memset(cls, 0, 256);
	for (int s = 0; s < nfa->nsets; s++) {
		int map[2 * 256];
		memset(map, -1, sizeof(map));
		int n = 0;
		for (int c = 0; c < 256; c++) {
			int key = cls[c] * 2 + (int)(nfa->set[s][c / 64] >> (c % 64) & 1);
			if (map[key] < 0)
				map[key] = n++;
			cls[c] = (uint8_t)map[key];
		}
		ncls = n;
	}
	for (int c = 255; c >= 0; c--)
		rep[cls[c]] = c;
	return ncls;
}

int regex_build(const struct nfa *nfa, struct regex *re, struct regex_error *err)
{
	memset(re, 0, sizeof(*re));
	uint8_t cls[256];
	int rep[256];
	int ncls = byte_classes(nfa, cls, rep);
	struct builder b = { .nfa = nfa, .words = (nfa->n + 63) / 64, .ncols = ncls + 1 };
	b.hash_size = 1;
	while (b.hash_size < 2 * MAX_SUBSETS)
		b.hash_size *= 2;
	b.hash = malloc((size_t)b.hash_size * sizeof(int));
	b.stack = malloc((size_t)nfa->n * sizeof(int));
	uint64_t *set = malloc((size_t)b.words * sizeof(uint64_t));
	if (!b.hash || !b.stack || !set)
		abort();
	memset(b.hash, -1, (size_t)b.hash_size * sizeof(int));
	size_t bytes = (size_t)b.words * sizeof(uint64_t);

	for (int s = 0; s < 2; s++) {   /* DEAD and MATCH keep themselves */
		add_state(&b);
		for (int c = 0; c < b.ncols; c++)
			b.next[s * b.ncols + c] = s;
	}
	memset(set, 0, bytes);
	put(set, nfa->start);
	int start = REGEX_MATCH;
	if (!closure(&b, set, true, false)) {
		/* Not looked up by its set: the same set later is not at the start. */
		start = add_state(&b);
		memcpy(b.sets + (size_t)start * (size_t)b.words, set, bytes);
	}
	int rc = 0;
	for (int s = 2; s < b.n && rc == 0; s++) {
		for (int c = 0; c < ncls; c++) {
			const uint64_t *from = b.sets + (size_t)s * (size_t)b.words;
			memset(set, 0, bytes);
			put(set, nfa->start);
			for (int w = 0; w < b.words; w++)
				for (uint64_t m = from[w]; m; m &= m - 1) {
					const struct nfa_node *nd = &nfa->node[w * 64 +
									       __builtin_ctzll(m)];
					if (nd->kind == NFA_SET && has(nfa->set[nd->set], rep[c]))
						put(set, nd->out);
				}
			int to = REGEX_MATCH;
			if (!closure(&b, set, false, false) && (to = state_of(&b, set)) < 0) {
				too_many(err);
				rc = -1;
				break;
			}
			b.next[s * b.ncols + c] = to;
		}
		memcpy(set, b.sets + (size_t)s * (size_t)b.words, bytes);
		b.next[s * b.ncols + ncls] = closure(&b, set, s == start, true) ? REGEX_MATCH
									      : REGEX_DEAD;
	}
	if (rc == 0)
		rc = minimise(&b, start, ncls, cls, re, err);
	if (rc < 0) {
		err->offset = 0;
		err->len = 0;
	}
	free(b.sets);
	free(b.next);
	free(b.hash);
	free(b.stack);
	free(set);
	return rc;
}

int regex_compile(const char *pat, size_t len, struct regex *re, struct regex_error *err)
{
	struct nfa nfa;
	memset(re, 0, sizeof(*re));
	if (regex_parse(pat, len, &nfa, err) < 0)
		return -1;
	int rc = regex_build(&nfa, re, err);
	if (rc < 0)
		err->len = len;
	regex_nfa_free(&nfa);
	return rc;
}

void regex_free(struct regex *re)
{
	free(re->next);
	re->next = NULL;
}

bool regex_search(const struct regex *re, const char *s)
{
	uint32_t state = re->start;
	for (; *s && state > REGEX_MATCH; s++)
		state = re->next[state * re->ncols + re->class_of[(unsigned char)*s]];
	return re->next[state * re->ncols + re->ncols - 1] == REGEX_MATCH;
}
