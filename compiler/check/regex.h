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
};

/* Parses the pattern into nfa (regex_parse.c). */
int regex_parse(const char *pat, size_t len, struct nfa *nfa, struct regex_error *err);
void regex_nfa_free(struct nfa *nfa);
/* Makes the minimal searching DFA of nfa (regex_dfa.c). */
int regex_build(const struct nfa *nfa, struct regex *re, struct regex_error *err);

#endif
