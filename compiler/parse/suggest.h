/* SPDX-License-Identifier: GPL-2.0-or-later */
/* suggest.h — "did you mean": the known names closest to an unknown one,
 * by SystemTap's edit distance (a substitution costs 2, or 1 between the
 * upper and lower case of a letter; an insertion or a deletion 2), the
 * closest first and, among equals, in alphabetical order.
 *
 *   struct suggest s;
 *   suggest_init(&s, "prnitf");
 *   for (each known name) suggest_add(&s, name);
 *   const char *list = suggest_list(&s);   // "printf, print" or NULL
 *
 * A name far from the unknown one is no suggestion: its distance must be
 * at most the unknown name's length (about half its letters changed), and
 * at most SUGGEST_MAX names are given. */
#ifndef USCRIPT_SUGGEST_H
#define USCRIPT_SUGGEST_H

#include <stddef.h>

#define SUGGEST_MAX 5

struct suggest {
	const char *target;
	size_t len;
	struct {
		const char *name;
		unsigned score;
	} best[SUGGEST_MAX];
	int n;
	char text[SUGGEST_MAX * 64];
};

void suggest_init(struct suggest *s, const char *target);
void suggest_add(struct suggest *s, const char *name);
/* The names found, joined by ", ", or NULL; lives as long as s. */
const char *suggest_list(struct suggest *s);

/* SystemTap's edit distance between a and b. */
unsigned suggest_distance(const char *a, const char *b);

#endif
