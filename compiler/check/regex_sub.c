/* SPDX-License-Identifier: GPL-2.0-or-later */
/* regex_sub.c — where a pattern matched, and its groups: the tables of
 * the second walk (see regex.h), and the walk itself in C, which the
 * generated code repeats step for step (codegen/regex_sub.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regex.h"

struct builder {
	const struct nfa *nfa;
	struct regex_sub *rs;
	int *state_of;          /* NFA node -> state, or -1 */
	int *seen;              /* NFA node -> the walk that reached it */
	int walk;
	uint32_t cap;
};

static void push(struct builder *b, uint32_t e)
{
	struct regex_sub *rs = b->rs;
	if (rs->nent == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		rs->ent = realloc(rs->ent, b->cap * sizeof(*rs->ent));
		if (!rs->ent)
			abort();
	}
	rs->ent[rs->nent++] = e;
}

/* The states reachable from node by epsilon moves, first the preferred
 * (out before out2), each once: the first way there is the one kept. */
static void closure(struct builder *b, int node, uint32_t tags, int ctx)
{
	while (node >= 0 && b->seen[node] != b->walk) {
		const struct nfa_node *n = &b->nfa->node[node];
		b->seen[node] = b->walk;
		switch (n->kind) {
		case NFA_SET:
		case NFA_FINAL:
			push(b, (uint32_t)b->state_of[node] << 24 | tags);
			return;
		case NFA_SAVE:
			tags |= 1u << n->set;
			node = n->out;
			break;
		case NFA_BOL:
			node = ctx & 1 ? n->out : -1;
			break;
		case NFA_EOL:
			node = ctx & 2 ? n->out : -1;
			break;
		case NFA_EPS:
			if (n->out2 >= 0)
				closure(b, n->out, tags, ctx), node = n->out2;
			else
				node = n->out;
			break;
		}
	}
}

int regex_sub_compile(const char *pat, size_t len, struct regex_sub *rs,
		      struct regex_error *err)
{
	struct nfa nfa;
	memset(rs, 0, sizeof(*rs));
	if (regex_parse(pat, len, &nfa, err) < 0)
		return -1;
	int rc = -1;
	struct builder b = { .nfa = &nfa, .rs = rs };
	b.state_of = malloc((size_t)nfa.n * sizeof(int));
	b.seen = calloc((size_t)nfa.n, sizeof(int));
	int *node_of = malloc((size_t)nfa.n * sizeof(int));
	if (!b.state_of || !b.seen || !node_of)
		abort();
	int n = 0;
	for (int i = 0; i < nfa.n; i++) {
		b.state_of[i] = -1;
		if (nfa.node[i].kind == NFA_SET || nfa.node[i].kind == NFA_FINAL) {
			node_of[n] = i;
			b.state_of[i] = n++;
		}
	}
	*err = (struct regex_error){ 0, len, "" };
	if (n > REGEX_SUB_MAX_STATES) {
		snprintf(err->msg, sizeof(err->msg), "the pattern is too large for matched(): "
			 "more than %d positions", REGEX_SUB_MAX_STATES);
		goto out;
	}
	if (nfa.ngroups > REGEX_SUB_MAX_GROUPS) {
		snprintf(err->msg, sizeof(err->msg), "matched() takes patterns of at most %d "
			 "groups", REGEX_SUB_MAX_GROUPS - 1);
		goto out;
	}
	rs->nstates = (uint32_t)n;
	rs->ngroups = (uint32_t)nfa.ngroups;
	rs->ntags = 2 * rs->ngroups;
	rs->bits = calloc((size_t)n + 1, sizeof(*rs->bits));
	rs->final = calloc((size_t)n + 1, 1);
	rs->first = calloc(((size_t)n + 1) * 4, sizeof(uint32_t));
	rs->count = calloc(((size_t)n + 1) * 4, sizeof(uint32_t));
	if (!rs->bits || !rs->final || !rs->first || !rs->count)
		abort();
	for (int s = 0; s < n; s++) {
		const struct nfa_node *nd = &nfa.node[node_of[s]];
		rs->final[s] = nd->kind == NFA_FINAL;
		if (nd->kind == NFA_SET)
			for (int c = 1; c < 256; c++)
				if (nfa.set[nd->set][c / 64] >> (c % 64) & 1)
					rs->bits[s][c / 8] |= (uint8_t)(1u << (c % 8));
	}
	for (int src = 0; src <= n; src++)
		for (int ctx = 0; ctx < 4; ctx++) {
			int from = src == 0 ? nfa.start : nfa.node[node_of[src - 1]].out;
			uint32_t i = (uint32_t)src * 4 + (uint32_t)ctx;
			rs->first[i] = rs->nent;
			if (src == 0 || !rs->final[src - 1]) {
				b.walk++;
				closure(&b, from, 0, ctx);
			}
			rs->count[i] = rs->nent - rs->first[i];
		}
	rc = 0;
out:
	free(b.state_of);
	free(b.seen);
	free(node_of);
	regex_nfa_free(&nfa);
	if (rc < 0)
		regex_sub_free(rs);
	return rc;
}

void regex_sub_free(struct regex_sub *rs)
{
	free(rs->bits);
	free(rs->final);
	free(rs->first);
	free(rs->count);
	free(rs->ent);
	memset(rs, 0, sizeof(*rs));
}

struct thread {
	int state;
	int tags[2 * REGEX_SUB_MAX_GROUPS];
};

struct list {
	int n;
	struct thread t[REGEX_SUB_MAX_STATES];
};

/* The states of src in ctx, added to l at pos after parent (NULL: none),
 * where not there yet. */
static void add(const struct regex_sub *rs, struct list *l, int *seen, int src, int ctx,
		int pos, const struct thread *parent)
{
	uint32_t i = (uint32_t)src * 4 + (uint32_t)ctx;
	for (uint32_t j = 0; j < rs->count[i]; j++) {
		uint32_t e = rs->ent[rs->first[i] + j];
		int st = (int)(e >> 24);
		if (seen[st] == pos + 1)
			continue;
		seen[st] = pos + 1;
		struct thread *t = &l->t[l->n++];
		t->state = st;
		for (uint32_t k = 0; k < rs->ntags; k++)
			t->tags[k] = e >> k & 1 ? pos : parent ? parent->tags[k] : -1;
	}
}

int regex_sub_exec(const struct regex_sub *rs, const char *s, size_t len, int *tags)
{
	static struct list lists[2];
	int seen[REGEX_SUB_MAX_STATES] = { 0 };
	struct thread best;
	int matched = 0, cur = 0;
	lists[0].n = 0;
	add(rs, &lists[0], seen, 0, 1 | (len == 0) << 1, 0, NULL);
	for (size_t p = 0; p <= len; p++) {
		struct list *cl = &lists[cur], *nl = &lists[cur ^ 1];
		unsigned c = p < len ? (unsigned char)s[p] : 0;
		int ctx = (p + 1 >= len) << 1;
		nl->n = 0;
		for (int i = 0; i < cl->n; i++) {
			const struct thread *t = &cl->t[i];
			if (matched && t->tags[0] > best.tags[0])
				continue;
			if (rs->final[t->state]) {
				/* leftmost, then longest */
				if (!matched || t->tags[0] < best.tags[0] ||
				    (t->tags[0] == best.tags[0] && t->tags[1] > best.tags[1])) {
					best = *t;
					matched = 1;
				}
			} else if (c && rs->bits[t->state][c / 8] >> (c % 8) & 1) {
				add(rs, nl, seen, 1 + t->state, ctx, (int)p + 1, t);
			}
		}
		if (!matched && c)
			add(rs, nl, seen, 0, ctx, (int)p + 1, NULL);
		cur ^= 1;
		if (!c || (matched && nl->n == 0))
			break;
	}
	if (matched)
		memcpy(tags, best.tags, rs->ntags * sizeof(int));
	return matched;
}

/* ---- the tables as one piece of data ---- */

uint32_t regex_sub_blob_final(uint32_t n)
{
	return REGEX_SUB_BITS + 32 * n;
}

uint32_t regex_sub_blob_first(uint32_t n)
{
	return (regex_sub_blob_final(n) + n + 3) & ~3u;
}

uint32_t regex_sub_blob_count(uint32_t n)
{
	return regex_sub_blob_first(n) + 16 * (n + 1);
}

uint32_t regex_sub_blob_ent(uint32_t n)
{
	return regex_sub_blob_count(n) + 16 * (n + 1);
}

uint32_t regex_sub_blob_size(const struct regex_sub *rs)
{
	return regex_sub_blob_ent(rs->nstates) + 4 * rs->nent;
}

void regex_sub_blob(const struct regex_sub *rs, void *out)
{
	uint8_t *b = out;
	uint32_t n = rs->nstates, head[4] = { n, rs->ngroups, rs->ntags, rs->nent };
	memset(b, 0, regex_sub_blob_size(rs));
	memcpy(b, head, sizeof(head));
	memcpy(b + REGEX_SUB_BITS, rs->bits, 32 * (size_t)n);
	memcpy(b + regex_sub_blob_final(n), rs->final, n);
	memcpy(b + regex_sub_blob_first(n), rs->first, 16 * ((size_t)n + 1));
	memcpy(b + regex_sub_blob_count(n), rs->count, 16 * ((size_t)n + 1));
	memcpy(b + regex_sub_blob_ent(n), rs->ent, 4 * (size_t)rs->nent);
}

void regex_sub_view(const void *blob, struct regex_sub *rs)
{
	const uint8_t *b = blob;
	uint32_t head[4];
	memcpy(head, b, sizeof(head));
	uint32_t n = head[0];
	rs->nstates = n;
	rs->ngroups = head[1];
	rs->ntags = head[2];
	rs->nent = head[3];
	rs->bits = (uint8_t (*)[32])(uintptr_t)(b + REGEX_SUB_BITS);
	rs->final = (uint8_t *)(uintptr_t)(b + regex_sub_blob_final(n));
	rs->first = (uint32_t *)(uintptr_t)(b + regex_sub_blob_first(n));
	rs->count = (uint32_t *)(uintptr_t)(b + regex_sub_blob_count(n));
	rs->ent = (uint32_t *)(uintptr_t)(b + regex_sub_blob_ent(n));
}
