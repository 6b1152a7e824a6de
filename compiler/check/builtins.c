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

/* x86-64's registers by name, as register() knows them: their offset in
 * struct pt_regs and their width in bytes (the 8-bit ones ah … dh are the
 * second byte of their register). */
static const struct reg_name reg_names[] = {
	{ "r15", 0, 8 }, { "r14", 8, 8 }, { "r13", 16, 8 }, { "r12", 24, 8 },
	{ "rbp", 32, 8 }, { "rbx", 40, 8 }, { "r11", 48, 8 }, { "r10", 56, 8 },
	{ "r9", 64, 8 }, { "r8", 72, 8 }, { "rax", 80, 8 }, { "rcx", 88, 8 },
	{ "rdx", 96, 8 }, { "rsi", 104, 8 }, { "rdi", 112, 8 }, { "orig_rax", 120, 8 },
	{ "rip", 128, 8 }, { "xcs", 136, 8 }, { "eflags", 144, 8 }, { "rsp", 152, 8 },
	{ "xss", 160, 8 },
	{ "ebp", 32, 4 }, { "ebx", 40, 4 }, { "eax", 80, 4 }, { "ecx", 88, 4 },
	{ "edx", 96, 4 }, { "esi", 104, 4 }, { "edi", 112, 4 }, { "orig_eax", 120, 4 },
	{ "eip", 128, 4 }, { "esp", 152, 4 },
	{ "bp", 32, 2 }, { "bx", 40, 2 }, { "ax", 80, 2 }, { "cx", 88, 2 }, { "dx", 96, 2 },
	{ "si", 104, 2 }, { "di", 112, 2 }, { "orig_ax", 120, 2 }, { "ip", 128, 2 },
	{ "cs", 136, 2 }, { "flags", 144, 2 }, { "sp", 152, 2 }, { "ss", 160, 2 },
	{ "al", 80, 1 }, { "ah", 81, 1 }, { "bl", 40, 1 }, { "bh", 41, 1 },
	{ "cl", 88, 1 }, { "ch", 89, 1 }, { "dl", 96, 1 }, { "dh", 97, 1 },
};

const struct reg_name *builtin_register(const char *name)
{
	for (size_t i = 0; i < sizeof(reg_names) / sizeof(*reg_names); i++)
		if (strcmp(reg_names[i].name, name) == 0)
			return &reg_names[i];
	return NULL;
}

