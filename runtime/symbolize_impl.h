/* SPDX-License-Identifier: GPL-2.0-or-later */
/* symbolize_impl.h — what the parts of symbolize share, and nothing else
 * includes: the files and processes a context keeps, and how one part
 * asks another to read them.
 *
 *   symbolize.c  contexts, processes, the lookup of an address, and the
 *                text SystemTap prints
 *   sym_file.c   a mapped file's segments and symbols (a module)
 *   sym_maps.c   a process's /proc/PID/maps
 *   sym_unwind.c  a stack the probe copied, unwound by call-frame
 *                information with libdwfl
 *   usym_tables.c  the tables of symbols BPF probes name addresses with */
#ifndef USCRIPT_SYMBOLIZE_IMPL_H
#define USCRIPT_SYMBOLIZE_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "symbolize.h"

/* Addresses found in no mapping even after reading the maps again; each
 * process remembers the last few so that a stray one costs one read. */
#define NMISSES 16

/* ==== Files ==== */

struct segment {
	uint64_t vaddr, offset, filesz;
};

struct symbol {
	uint64_t addr;
	const char *name;
};

/* One ELF file, for every process that maps it. */
struct module {
	struct module *next;       /* hash chain */
	dev_t dev;
	uint64_t ino;
	bool ok;                   /* symbols read; else we could not */
	unsigned tried;            /* the ctx's maps generation of the last try */
	struct segment *segs;
	size_t nsegs;
	struct symbol *syms;       /* sorted, one per address */
	size_t nsyms;
	char *names;
};

/* ==== Processes ==== */

struct mapping {
	uint64_t start, end, offset;
	uint64_t run_start, run_end; /* the file's contiguous mappings */
	dev_t dev;
	uint64_t ino;
	const char *path;          /* NULL: anonymous, or [vdso], [heap]... */
	bool deleted, exec;
	struct module *mod;        /* NULL until needed */
};

struct proc {
	struct proc *next;         /* hash chain */
	int pid;
	bool gone;                 /* its maps can no longer be read */
	uint64_t used;             /* ctx->clock at the last use */
	struct mapping *maps;
	size_t nmaps;
	char *paths;               /* what the mappings' paths point into */
	uint64_t misses[NMISSES];
	unsigned nmiss;
	unsigned maps_gen;         /* the ctx's gen when the maps were read */
	struct unwinder *unwinder; /* sym_unwind.c, made when first needed */
};

struct sym_ctx {
	struct proc **procs;
	size_t nbuckets, nprocs;
	struct proc *last;         /* the process looked up last */
	struct module *mods[256];
	unsigned gen;              /* maps read so far */
	uint64_t clock;
	char fmt[SYM_PATHLEN + 8]; /* a module path as shown */
	struct ksym *ksyms;        /* the kernel's, sorted (sym_kernel.c) */
	size_t nksyms;
	bool ksyms_read;
};

/* sym_kernel.c: a kernel address (pid SYM_KERNEL), and the table's end. */
void sym_kernel_lookup(struct sym_ctx *c, uint64_t addr, struct sym_where *w);
void sym_kernel_free(struct sym_ctx *c);

/* sym_file.c: the module of mapping `mp` of process p. */
struct module *get_module(struct sym_ctx *c, struct proc *p,
			  struct mapping *mp);

/* sym_file.c: the file at path, read by the same rules, for tables made
 * before any process maps it (usym_tables.c); NULL if it cannot be read. */
struct module *sym_read_module(const char *path);
void sym_free_module(struct module *m);

/* symbolize.c: the process `pid`, its maps read when it is new; NULL
 * only when out of memory (*err). */
struct proc *sym_get_proc(struct sym_ctx *c, int pid, int *err);

/* sym_unwind.c: frees p's unwinder. */
void sym_unwind_free(struct proc *p);

/* sym_maps.c: reads p's maps again. */
int read_maps(struct sym_ctx *c, struct proc *p);

#endif
