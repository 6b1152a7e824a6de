/* SPDX-License-Identifier: GPL-2.0-or-later */
/* regex.h — POSIX extended regular expressions, compiled to a DFA.
 *
 * `s =~ "ERE"` is decided by a deterministic automaton made at compile
 * time, as SystemTap does it, so the code that runs in a probe is a table
 * walk of one step a byte.  regex_parse.c reads the pattern into a tree
 * and makes a Thompson NFA of it; regex_dfa.c builds the DFA by subset
 * construction and minimises it.
 *
 * The automaton searches: it says whether the pattern matches anywhere in
 * the string, as POSIX regexec does, '^' and '$' holding only at the
 * string's start and end.  Its states are numbered from 0; REGEX_DEAD
 * never matches and REGEX_MATCH has matched, and both keep themselves
 * whatever follows, so a walk may stop at either.  A byte b takes state s
 * to next[s * ncols + class_of[b]]; the last column, ncols - 1, is the end
 * of the string, and takes every state to REGEX_MATCH or REGEX_DEAD.
 *
 * The syntax is SystemTap's (stapregex-parse.cxx), which is POSIX ERE
 * with C's escapes (\n, \t, \x41, \101) inside and outside brackets, and
 * without back-references. */
#ifndef USCRIPT_REGEX_H
#define USCRIPT_REGEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { REGEX_DEAD = 0, REGEX_MATCH = 1 };

/* Limits: a larger automaton is a compile error at the pattern. */
#define REGEX_MAX_STATES 2000
#define REGEX_MAX_REPEAT 255      /* m and n of {m,n} (POSIX's RE_DUP_MAX) */
#define REGEX_MAX_NFA 20000       /* NFA nodes, with {m,n} copies expanded */

struct regex {
	uint8_t class_of[256];    /* a byte's column */
	uint32_t ncols;           /* the byte classes, then the end */
	uint32_t nstates;
	uint32_t start;
	uint16_t *next;           /* nstates * ncols, malloc'd */
	/* For matched(): regex_sub_blob() of the pattern, or NULL where it
	 * has no tables (check/infer.c sets them; regex_compile does not). */
	const void *sub;
	uint32_t sub_size;
	const char *sub_why;      /* why not */
};

/* What is wrong with a pattern, and where: the bytes [offset, offset +
 * len) of the pattern. */
struct regex_error {
	size_t offset, len;
	char msg[160];
};

/* Compiles the len bytes at pat; returns 0, or -1 with *err filled. */
int regex_compile(const char *pat, size_t len, struct regex *re, struct regex_error *err);
void regex_free(struct regex *re);

/* Whether re matches somewhere in the NUL-terminated s: the walk the
 * generated code does, for tests. */
bool regex_search(const struct regex *re, const char *s);

/* ---- between regex_parse.c and regex_dfa.c ---- */

enum nfa_kind {
	NFA_EPS,      /* to out and, unless -1, to out2 */
	NFA_SET,      /* a byte of set[id] to out */
	NFA_BOL,      /* to out, at the start of the string */
	NFA_EOL,      /* to out, at its end */
	NFA_FINAL,
	NFA_SAVE,     /* to out, noting the position as tag `set` (regex_sub.c):
		       * 2k where group k opens, 2k + 1 where it closes */
};

struct nfa_node {
	uint8_t kind;
	int out, out2, set;
};

struct nfa {
	struct nfa_node *node;
	int n, cap, start;
	uint64_t (*set)[4];       /* 256-bit byte sets */
	int nsets, cap_sets;
	int ngroups;              /* '(' groups, and the whole match as group 0 */
};

/* Parses the pattern into nfa (regex_parse.c). */
int regex_parse(const char *pat, size_t len, struct nfa *nfa, struct regex_error *err);
void regex_nfa_free(struct nfa *nfa);
/* Makes the minimal searching DFA of nfa (regex_dfa.c). */
int regex_build(const struct nfa *nfa, struct regex *re, struct regex_error *err);

/* ---- Where it matched: matched(n) (regex_sub.c) ----
 *
 * Once the DFA says a string matches, a second walk finds where, and
 * where each group matched: a Pike machine (threads in priority order,
 * one per NFA state, each with its tags) over the NFA's SET and FINAL
 * nodes.  The overall match is POSIX's leftmost-longest, as SystemTap's
 * (glibc's); among the ways of making it, the groups are those of the
 * one that prefers the earlier alternative and the longer repetition.
 * The epsilon moves are worked out here, at compile time: from the start
 * and after each state, in each context (at the string's start: bit 0,
 * at its end: bit 1), the states reached in priority order, each with the
 * tags set on the way.  Tables for the generated code and for
 * regex_sub_exec(), which is the same walk in C. */
#define REGEX_SUB_MAX_STATES 64
#define REGEX_SUB_MAX_GROUPS 12    /* the whole match and 11 groups */

struct regex_sub {
	uint32_t nstates, ngroups, ntags;   /* ntags = 2 * ngroups */
	uint8_t (*bits)[32];      /* per state: the bytes it takes; FINAL none */
	uint8_t *final;           /* per state */
	/* from src (0: the start; 1 + s: after state s) in context ctx:
	 * entries [first[i], first[i] + count[i]) with i = src * 4 + ctx */
	uint32_t *first, *count;
	uint32_t *ent;            /* state << 24 | tags set (bit k: tag k) */
	uint32_t nent;
};

/* The tables of pat (which regex_compile accepted): 0, or -1 with *err
 * saying why not (too many states or groups). */
int regex_sub_compile(const char *pat, size_t len, struct regex_sub *rs,
		      struct regex_error *err);
void regex_sub_free(struct regex_sub *rs);
/* The walk: 1 and tags[] (ntags of them, -1 where a group did not
 * take part) when it matches in s[0..len), else 0. */
int regex_sub_exec(const struct regex_sub *rs, const char *s, size_t len, int *tags);

/* The tables as one piece of data, which the generated code carries (and
 * the runtime reads back with regex_sub_view, without copying):
 *   u32 nstates, ngroups, ntags, nent
 *   bits[nstates][32], final[nstates] (padded to 4 bytes)
 *   u32 first[(nstates + 1) * 4], count[(nstates + 1) * 4], ent[nent] */
#define REGEX_SUB_BITS 16
uint32_t regex_sub_blob_size(const struct regex_sub *rs);
void regex_sub_blob(const struct regex_sub *rs, void *out);
uint32_t regex_sub_blob_final(uint32_t nstates);    /* offsets in it */
uint32_t regex_sub_blob_first(uint32_t nstates);
uint32_t regex_sub_blob_count(uint32_t nstates);
uint32_t regex_sub_blob_ent(uint32_t nstates);
void regex_sub_view(const void *blob, struct regex_sub *rs);

#endif
