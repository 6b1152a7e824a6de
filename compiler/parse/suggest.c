/* SPDX-License-Identifier: GPL-2.0-or-later */
/* suggest.c — the closest known names to an unknown one; see suggest.h. */
#include "suggest.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

unsigned suggest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	/* One row of the table at a time: d[j] is the distance between the
	 * first i letters of a and the first j of b. */
	unsigned *d = malloc((lb + 1) * sizeof(*d));
	if (!d)
		abort();
	for (size_t j = 0; j <= lb; j++)
		d[j] = 2 * (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned diag = d[0];
		d[0] = 2 * (unsigned)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned up = d[j], best;
			if (a[i - 1] == b[j - 1]) {
				best = diag;
			} else {
				unsigned sub = tolower((unsigned char)a[i - 1]) ==
					tolower((unsigned char)b[j - 1]) ? 1 : 2;
				best = diag + sub;
				if (up + 2 < best)
					best = up + 2;
				if (d[j - 1] + 2 < best)
					best = d[j - 1] + 2;
			}
			diag = up;
			d[j] = best;
		}
	}
	unsigned r = d[lb];
	free(d);
	return r;
}

void suggest_init(struct suggest *s, const char *target)
{
	s->target = target;
	s->len = strlen(target);
	s->n = 0;
	s->text[0] = '\0';
}

void suggest_add(struct suggest *s, const char *name)
{
	if (!name || !*name || strcmp(name, s->target) == 0)
		return;
	size_t l = strlen(name);
	/* The distance is at least twice the difference in length. */
	unsigned floor = 2 * (unsigned)(l > s->len ? l - s->len : s->len - l);
	if (floor > s->len || (s->n == SUGGEST_MAX && floor > s->best[s->n - 1].score))
		return;
	unsigned score = suggest_distance(s->target, name);
	if (score > s->len)
		return;
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->best[i].name, name) == 0)
			return;
	/* Where it goes: after those closer, and after equals that come
	 * first in alphabetical order. */
	int at = s->n;
	while (at > 0 && (s->best[at - 1].score > score ||
			  (s->best[at - 1].score == score && strcmp(s->best[at - 1].name, name) > 0)))
		at--;
	if (at == SUGGEST_MAX)
		return;
	int last = s->n < SUGGEST_MAX ? s->n : SUGGEST_MAX - 1;
	memmove(&s->best[at + 1], &s->best[at], (size_t)(last - at) * sizeof(s->best[0]));
	s->best[at].name = name;
	s->best[at].score = score;
	if (s->n < SUGGEST_MAX)
		s->n++;
}

const char *suggest_list(struct suggest *s)
{
	if (s->n == 0)
		return NULL;
	size_t used = 0;
	for (int i = 0; i < s->n; i++) {
		int w = snprintf(s->text + used, sizeof(s->text) - used, "%s%s", i ? ", " : "",
				 s->best[i].name);
		if (w < 0 || (size_t)w >= sizeof(s->text) - used)
			break;
		used += (size_t)w;
	}
	return s->text;
}
