/* SPDX-License-Identifier: GPL-2.0-or-later */
/* builtins.c — the builtin table, generated from BUILTIN_LIST. */
#include "builtins.h"

#include <string.h>

#include "codegen/cg.h"

static const struct builtin builtins[BI_COUNT] = {
/* _perf is @perf("NAME"), which the parser makes a call of */
#define X(n, r, a, w, g) { BI_##n, BI_##n == BI__perf ? "@perf" : #n, r, a, w, g },
	BUILTIN_LIST(X)
#undef X
};

const char *builtin_name(int i)
{
	return builtins[i].name;
}

const struct builtin *builtin_find(const char *name)
{
	for (int i = 0; i < BI_COUNT; i++)
		if (strcmp(builtins[i].name, name) == 0)
			return &builtins[i];
	return NULL;
}

void builtin_arity(const struct builtin *b, int *min, int *max)
{
	int lo = 0, hi = 0;
	for (const char *p = b->args; *p; p++) {
		if (p[1] == '.') {
			*min = lo;
			*max = -1;
			return;
		}
		hi++;
		if (*p >= 'A' && *p <= 'Z')
			lo = hi;
	}
	*min = lo;
	*max = hi;
}

static enum type letter_type(char c)
{
	switch (c) {
	case 'L': case 'l': return TYPE_LONG;
	case 'S': case 's': return TYPE_STRING;
	default: return TYPE_UNKNOWN;
	}
}

enum type builtin_arg_type(const struct builtin *b, int i)
{
	const char *p = b->args;
	for (int k = 0; *p; p++, k++) {
		if (p[1] == '.')
			return letter_type(*p);
		if (k == i)
			return letter_type(*p);
	}
	return TYPE_UNKNOWN;
}
