/* SPDX-License-Identifier: GPL-2.0-or-later */
/* host.c — the JIT that runs begin/end/error/timer handlers, and the
 * functions of hostabi.h they call.
 *
 * The JIT is started only for programs that have host handlers, since it
 * costs a few milliseconds.  The runtime's functions are handed to it as
 * absolute symbols, so nothing depends on uscript exporting its symbols. */
#define _GNU_SOURCE
#include <llvm-c/Core.h>
#include <llvm-c/Error.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Orc.h>
#include <llvm-c/Target.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include "check/builtins.h"
#include "check/regex.h"
#include "codegen/hostabi.h"
#include "maps.h"
#include "symbolize.h"
#include "runtime.h"

typedef void (*host_fn)(void *rt, void *globals, void *scratch, int64_t cookie);

struct host {
	LLVMOrcLLJITRef jit;
	struct program *prog;
	struct output *out;
	struct maps *maps;
	void *globals;
	void *scratch;
	host_fn *fns;            /* per attach row */
	struct host_loop **loops;  /* open foreach loops */
	int nloops, caploops;
	void *rec;               /* the record being built */
	size_t rec_cap, rec_size;
};

/* ---- hostabi.h ---- */

void *uscript_host_rec_reserve(void *rt, uint32_t size)
{
	struct host *h = rt;
	if (size > h->rec_cap) {
		void *p = realloc(h->rec, size);
		if (!p)
			abort();
		h->rec = p;
		h->rec_cap = size;
	}
	h->rec_size = size;
	return h->rec;
}

void uscript_host_rec_submit(void *rt, void *rec)
{
	struct host *h = rt;
	output_record(h->out, rec, h->rec_size);
}

/* The kernel's jiffies counter, which only the kernel's timer list shows
 * user space ("jiffies: N" in /proc/timer_list); 0 where it cannot be
 * read. */
static int64_t kernel_jiffies(void)
{
	FILE *f = fopen("/proc/timer_list", "r");
	if (!f)
		return 0;
	char line[256];
	long long v = 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "jiffies: %lld", &v) == 1)
			break;
	fclose(f);
	return v;
}

int64_t uscript_host_context(void *rt, int64_t id)
{
	(void)rt;
	switch (id) {
	case BI_pid: return getpid();
	case BI_tid: return gettid();
	case BI_ppid: return getppid();
	case BI_uid: return getuid();
	case BI_gid: return getgid();
	case BI_cpu: return sched_getcpu();
	case BI_sid: return getsid(0);
	case BI_pgrp: return getpgrp();
	case BI_randint: return random() & 0xffffffff;
	case BI_jiffies: return kernel_jiffies();
	default: return 0;
	}
}

void uscript_host_execname(void *rt, char *buf)
{
	(void)rt;
	char name[17] = "";
	prctl(PR_GET_NAME, name);
	memcpy(buf, name, 16);
}

int64_t uscript_host_clock_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t uscript_host_regex_sub(const void *blob, const char *s, int64_t *tags)
{
	struct regex_sub rs;
	int t[2 * REGEX_SUB_MAX_GROUPS];
	regex_sub_view(blob, &rs);
	if (!regex_sub_exec(&rs, s, strlen(s), t))
		return 0;
	for (uint32_t i = 0; i < rs.ntags; i++)
		tags[i] = t[i];
	return 1;
}

int64_t uscript_host_strcopy(char *dst, const char *src, int64_t max)
{
	if (max <= 0)
		return 1;
	size_t n = strnlen(src, (size_t)max - 1);
	memmove(dst, src, n);
	dst[n] = '\0';
	return (int64_t)n + 1;
}

int64_t uscript_host_map_lookup(void *rt, int64_t g, const void *key, void *dst)
{
	struct host *h = rt;
	return maps_lookup(h->maps, (int)g, key, dst);
}

int64_t uscript_host_map_update(void *rt, int64_t g, const void *key, const void *value,
				int64_t flags)
{
	struct host *h = rt;
	return maps_update(h->maps, (int)g, key, value, (uint64_t)flags);
}

void uscript_host_map_delete(void *rt, int64_t g, const void *key)
{
	struct host *h = rt;
	maps_delete(h->maps, (int)g, key);
}

void uscript_host_map_clear(void *rt, int64_t g)
{
	struct host *h = rt;
	maps_clear(h->maps, (int)g);
}

void uscript_host_stat_merged(void *rt, int64_t g, const void *key, int64_t *dst)
{
	struct host *h = rt;
	maps_stat_merged(h->maps, (int)g, key, dst);
}

void uscript_host_hist_text(void *rt, int64_t g, const void *key, char *dst, int64_t maxstr)
{
	struct host *h = rt;
	struct strbuf sb = { 0 };
	dst[0] = 0;
	if (maps_print_hist(h->maps, (int)g, key, &sb) == 0 && sb.buf) {
		size_t n = sb.len < (size_t)maxstr - 1 ? sb.len : (size_t)maxstr - 1;
		memcpy(dst, sb.buf, n);
		dst[n] = 0;
	}
	strbuf_free(&sb);
}

int64_t uscript_host_stat_bucket(void *rt, int64_t g, const void *key, int64_t i)
{
	struct host *h = rt;
	return maps_stat_bucket(h->maps, (int)g, key, i);
}

void uscript_host_sprintf(void *rt, const void *rec, char *dst, int64_t maxstr)
{
	struct host *h = rt;
	output_sprintf(h->out, rec, dst, (size_t)maxstr);
}

/* The loop needs its global again for each element: an iterator handle
 * is the pair. */
struct host_loop {
	struct iter *it;
	int g;
};

void *uscript_host_foreach_begin(void *rt, int64_t g, int64_t column, int64_t dir,
				 int64_t aggr, int64_t has_limit, int64_t limit)
{
	struct host *h = rt;
	struct host_loop *l = calloc(1, sizeof(*l));
	if (!l)
		abort();
	l->g = (int)g;
	l->it = maps_foreach_begin(h->maps, (int)g, (int)column, (int)dir, (int)aggr,
				   has_limit != 0, limit);
	if (h->nloops == h->caploops) {
		h->caploops = h->caploops ? 2 * h->caploops : 8;
		h->loops = realloc(h->loops, (size_t)h->caploops * sizeof(*h->loops));
		if (!h->loops)
			abort();
	}
	h->loops[h->nloops++] = l;
	return l;
}

int64_t uscript_host_foreach_next(void *rt, void *it, const void **key, const void **value)
{
	struct host *h = rt;
	struct host_loop *l = it;
	return maps_foreach_next(h->maps, l->g, l->it, key, value);
}

void uscript_host_foreach_end(void *rt, void *it)
{
	struct host *h = rt;
	struct host_loop *l = it;
	for (int i = 0; i < h->nloops; i++)
		if (h->loops[i] == l) {
			h->loops[i] = h->loops[--h->nloops];
			break;
		}
	if (l->it)
		maps_foreach_end(h->maps, l->it);
	free(l);
}

/* The kernel's symbols of host handlers: one symbolizer, made at the
 * first call, for the handlers, which run in this thread only. */
static struct sym_ctx *host_sym;

int64_t uscript_host_ksym(int64_t kind, int64_t addr, char *dst, int64_t maxstr)
{
	struct sym_where w;
	struct strbuf t = { 0 };
	dst[0] = '\0';
	if (!host_sym && !(host_sym = sym_new()))
		return 0;
	sym_lookup(host_sym, SYM_KERNEL, (uint64_t)addr, &w);
	if (kind == 2) {
		if (w.symbol)
			snprintf(dst, (size_t)maxstr, "%s", w.module);
		return w.symbol != NULL;
	}
	if (kind == 1)
		sym_symdata(host_sym, &t, SYM_KERNEL, (uint64_t)addr, (size_t)maxstr);
	else
		sym_usymname(host_sym, &t, SYM_KERNEL, (uint64_t)addr, (size_t)maxstr);
	if (t.buf)
		snprintf(dst, (size_t)maxstr, "%.*s", (int)t.len, t.buf);
	strbuf_free(&t);
	return w.symbol != NULL;
}

/* ---- the JIT ---- */

static int jit_error(LLVMErrorRef e, const char *what)
{
	char *msg = LLVMGetErrorMessage(e);
	fprintf(stderr, "uscript: internal error: %s: %s\n", what, msg);
	LLVMDisposeErrorMessage(msg);
	return -1;
}

static int define_abi(struct host *h)
{
	static const struct { const char *name; void *addr; } abi[] = {
#define X(n) { HOSTABI_PREFIX #n, (void *)uscript_host_##n },
		HOSTABI_LIST(X)
#undef X
	};
	enum { N = sizeof(abi) / sizeof(abi[0]) };
	LLVMOrcCSymbolMapPair pairs[N];
	for (int i = 0; i < N; i++) {
		pairs[i].Name = LLVMOrcLLJITMangleAndIntern(h->jit, abi[i].name);
		pairs[i].Sym.Address = (LLVMOrcExecutorAddress)(uintptr_t)abi[i].addr;
		pairs[i].Sym.Flags.GenericFlags =
			LLVMJITSymbolGenericFlagsExported | LLVMJITSymbolGenericFlagsCallable;
		pairs[i].Sym.Flags.TargetFlags = 0;
	}
	LLVMErrorRef e = LLVMOrcJITDylibDefine(LLVMOrcLLJITGetMainJITDylib(h->jit),
					       LLVMOrcAbsoluteSymbols(pairs, N));
	return e ? jit_error(e, "defining the runtime's functions") : 0;
}

struct host *host_start(struct program *p, struct output *out, void *globals,
			struct maps *maps)
{
	if (!p->host_module)
		return NULL;
	struct host *h = calloc(1, sizeof(*h));
	if (!h)
		return NULL;
	h->prog = p;
	h->out = out;
	h->globals = globals;
	h->maps = maps;
	h->scratch = calloc(1, p->host_scratch_size + 8);
	h->fns = calloc((size_t)p->nattach + 1, sizeof(*h->fns));
	LLVMInitializeNativeTarget();
	LLVMInitializeNativeAsmPrinter();
	LLVMErrorRef e = LLVMOrcCreateLLJIT(&h->jit, NULL);
	if (e) {
		jit_error(e, "starting the JIT");
		h->jit = NULL;
		host_stop(h);
		return NULL;
	}
	if (define_abi(h) < 0) {
		host_stop(h);
		return NULL;
	}
	LLVMOrcThreadSafeModuleRef tsm = LLVMOrcCreateNewThreadSafeModule(p->host_module, p->host_ctx);
	/* The module now belongs to the JIT; the context lives on as long as
	 * a module uses it. */
	LLVMOrcDisposeThreadSafeContext(p->host_ctx);
	p->host_module = p->host_ctx = NULL;
	e = LLVMOrcLLJITAddLLVMIRModule(h->jit, LLVMOrcLLJITGetMainJITDylib(h->jit), tsm);
	if (e) {
		LLVMOrcDisposeThreadSafeModule(tsm);
		jit_error(e, "adding the host handlers");
		host_stop(h);
		return NULL;
	}
	for (int i = 0; i < p->nattach; i++) {
		const struct attach_point *a = &p->attach[i];
		if (a->kind == ATTACH_UPROBE || a->kind == ATTACH_URETPROBE ||
		    a->kind == ATTACH_RAW_TP || a->kind == ATTACH_PERF || !a->prog_name)
			continue;
		LLVMOrcExecutorAddress addr;
		e = LLVMOrcLLJITLookup(h->jit, &addr, a->prog_name);
		if (e) {
			jit_error(e, "compiling the host handlers");
			host_stop(h);
			return NULL;
		}
		h->fns[i] = (host_fn)(uintptr_t)addr;
	}
	return h;
}

void host_run(struct host *h, int row)
{
	if (!h || !h->fns[row])
		return;
	h->fns[row](h, h->globals, h->scratch, row);
	/* Loops the handler left by next, return or an error. */
	while (h->nloops)
		uscript_host_foreach_end(h, h->loops[h->nloops - 1]);
}

void host_stop(struct host *h)
{
	if (!h)
		return;
	if (h->jit)
		LLVMOrcDisposeLLJIT(h->jit);
	while (h->nloops)
		uscript_host_foreach_end(h, h->loops[h->nloops - 1]);
	free(h->loops);
	free(h->scratch);
	free(h->fns);
	free(h->rec);
	free(h);
}
