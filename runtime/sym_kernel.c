/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sym_kernel.c — kernel addresses for symbolize: /proc/kallsyms, read once
 * when a kernel stack is first named, sorted by address.  A symbol's size
 * is the distance to the next one, as SystemTap's _stp_kallsyms_lookup
 * takes it; its module is "kernel" or the module kallsyms names. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "symbolize_impl.h"

struct ksym {
	uint64_t addr;
	const char *name, *module;
};

static int cmp_ksym(const void *x, const void *y)
{
	const struct ksym *a = x, *b = y;
	return (a->addr > b->addr) - (a->addr < b->addr);
}

static void read_kallsyms(struct sym_ctx *c)
{
	c->ksyms_read = true;
	FILE *f = fopen("/proc/kallsyms", "re");
	if (!f)
		return;
	char line[512];
	size_t cap = 0;
	while (fgets(line, sizeof(line), f)) {
		uint64_t addr;
		char type, name[256], mod[128];
		mod[0] = '\0';
		int n = sscanf(line, "%" SCNx64 " %c %255s [%127[^]]]", &addr, &type, name, mod);
		/* Without root, kallsyms shows every address as 0. */
		if (n < 3 || addr == 0 || (type != 't' && type != 'T' && type != 'w' &&
					   type != 'W'))
			continue;
		if (c->nksyms == cap) {
			cap = cap ? 2 * cap : 65536;
			struct ksym *k = realloc(c->ksyms, cap * sizeof(*k));
			if (!k)
				break;
			c->ksyms = k;
		}
		struct ksym *k = &c->ksyms[c->nksyms];
		k->addr = addr;
		k->name = strdup(name);
		k->module = mod[0] ? strdup(mod) : "kernel";
		if (!k->name || !k->module)
			break;
		c->nksyms++;
	}
	fclose(f);
	if (c->nksyms)
		qsort(c->ksyms, c->nksyms, sizeof(*c->ksyms), cmp_ksym);
}

void sym_kernel_lookup(struct sym_ctx *c, uint64_t addr, struct sym_where *w)
{
	memset(w, 0, sizeof(*w));
	if (!c->ksyms_read)
		read_kallsyms(c);
	size_t lo = 0, hi = c->nksyms;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->ksyms[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || addr == 0)
		return;
	const struct ksym *k = &c->ksyms[lo - 1];
	w->symbol = k->name;
	w->module = k->module;
	w->offset = addr - k->addr;
	w->size = lo < c->nksyms ? c->ksyms[lo].addr - k->addr : 0;
}

void sym_kernel_free(struct sym_ctx *c)
{
	for (size_t i = 0; i < c->nksyms; i++) {
		free((char *)c->ksyms[i].name);
		if (strcmp(c->ksyms[i].module, "kernel") != 0)
			free((char *)c->ksyms[i].module);
	}
	free(c->ksyms);
	c->ksyms = NULL;
	c->nksyms = 0;
}
