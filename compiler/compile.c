/* SPDX-License-Identifier: GPL-2.0-or-later */
/* compile.c — the passes in order: parse, aliases, slices, resolve, probe points, code
 * generation for BPF and for the host; see compile.h. */
#include "compile.h"

#include <llvm-c/Analysis.h>
#include <llvm-c/Core.h>
#include <llvm-c/Orc.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "codegen/cg.h"
#include "parse/diag.h"
#include "parse/parse.h"
#include "points/alias.h"
#include "points/listing.h"
#include "points/probes.h"
#include "check/elide.h"
#include "check/resolve.h"
#include "check/slice.h"
#include "points/target.h"
#include "tapset/tapset.h"

bool script_arg_number(const char *text, int64_t *v)
{
	char *end;
	errno = 0;
	long long n = strtoll(text, &end, 0);
	if (errno == ERANGE && n == LLONG_MAX) {
		/* Too large for a long: as a literal, it may still fit 64 bits. */
		const char *digits = text;
		while (isspace((unsigned char)*digits) || *digits == '+')
			digits++;
		if (*digits == '-')
			return false;
		errno = 0;
		n = (long long)strtoull(text, &end, 0);
	}
	if (errno || end == text || *end)
		return false;
	*v = n;
	return true;
}

void compile_opts_default(struct compile_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->last_pass = PASS_RUN;
	o->dump = stdout;
	o->maxstringlen = 128;
	o->maxaction = 1000;
	o->maxmapentries = 2048;
	o->maxnesting = 10;
	o->ustack_bytes = 8192;
	/* The consumer maps the whole ring, twice, so its size is resident
	 * memory: 1 MiB holds some 40,000 one-number records while the
	 * consumer catches up. */
	o->bufsize = 1u << 20;
}

static uint32_t round8(uint32_t n)
{
	return (n + 7) & ~7u;
}

/* Scalars live in the globals area: struct globals_hdr, then each one.
 * Arrays and statistics get a map each; see program.h. */
static void layout_globals(struct program *p, const struct resolved *r,
			   const struct compile_opts *opts)
{
	uint32_t off = sizeof(struct globals_hdr);
	uint32_t str = round8(opts->maxstringlen);
	p->globals = arena_alloc(p->arena, (r->nglobals + 1) * sizeof(*p->globals));
	for (int i = 0; i < r->nglobals; i++) {
		struct sym *s = r->globals[i];
		struct global_var *g = &p->globals[p->nglobals++];
		g->name = s->name;
		g->type = s->type;
		g->loc = s->loc;
		/* As SystemTap, only the script's own globals: the library's
		 * are its business. */
		g->print_at_end = s->written && !(s->read && s->used) &&
				  !(s->decl && s->decl->in_library);
		if (s->decl && s->decl->init) {
			g->has_init = true;
			g->init_num = s->decl->init->num;
			g->init_str = s->decl->init->str;
		}
		if (!s->is_array && s->type != TYPE_STAT) {
			g->kind = GLOBAL_SCALAR;
			s->offset = g->offset = off;
			off += s->type == TYPE_STRING ? str : 8;
			continue;
		}
		g->kind = s->type == TYPE_STAT ? GLOBAL_STAT : GLOBAL_ARRAY;
		g->map_name = arena_printf(p->arena, PROG_MAP_PREFIX "%s", s->name);
		g->nkeys = s->is_array ? s->nkeys : 0;
		uint32_t koff = 0;
		for (int k = 0; k < g->nkeys && k < MAX_KEYS; k++) {
			g->key_types[k] = s->key_types[k];
			g->key_offsets[k] = koff;
			koff += s->key_types[k] == TYPE_STRING ? str : 8;
		}
		g->key_size = koff ? koff : 4;  /* a scalar statistic: element 0 */
		g->stat = s->shape;
		g->stat.variance = s->variance;
		g->stat.shift = s->var_shift;
		g->wrap = s->decl && s->decl->wrap;
		if (g->kind == GLOBAL_STAT) {
			g->stat.ordered = g->wrap && g->nkeys > 0;
			g->value_size = 8 * (STAT_HDR_WORDS + g->stat.buckets +
					     (g->stat.variance ? STATV_WORDS : 0) +
					     g->stat.ordered);
			if (g->stat.ordered) {
				g->seq_counter = off;
				off += 8;
			}
		} else {
			g->value_offset = 8;
			g->value_size = 8 + (s->type == TYPE_STRING ? str : 8);
			g->seq_counter = off;
			off += 8;
		}
		g->max_entries = g->nkeys == 0 ? 1 :
			s->max_entries > 0 ? (uint32_t)s->max_entries : opts->maxmapentries;
		p->has_maps = true;
	}
	p->globals_size = off;
}

static LLVMTargetMachineRef bpf_target_machine(void)
{
	static int initialised;
	if (!initialised) {
		LLVMInitializeBPFTargetInfo();
		LLVMInitializeBPFTarget();
		LLVMInitializeBPFTargetMC();
		LLVMInitializeBPFAsmPrinter();
		/* The inline assembly of cg_load_reg. */
		LLVMInitializeBPFAsmParser();
		initialised = 1;
	}
	LLVMTargetRef target;
	char *err = NULL;
	if (LLVMGetTargetFromTriple("bpfel", &target, &err)) {
		diag_error(NULL, "LLVM has no BPF target: %s", err);
		LLVMDisposeMessage(err);
		return NULL;
	}
	/* v3: 32-bit jumps and atomics with fetch, in every kernel since 5.1x. */
	return LLVMCreateTargetMachine(target, "bpfel", "v3", "", LLVMCodeGenLevelDefault,
				       LLVMRelocDefault, LLVMCodeModelDefault);
}

static int optimise(LLVMModuleRef m, LLVMTargetMachineRef tm)
{
	LLVMPassBuilderOptionsRef o = LLVMCreatePassBuilderOptions();
	LLVMErrorRef e = LLVMRunPasses(m, "default<O2>", tm, o);
	LLVMDisposePassBuilderOptions(o);
	if (e) {
		char *msg = LLVMGetErrorMessage(e);
		diag_error(NULL, "internal error: LLVM passes failed: %s", msg);
		LLVMDisposeErrorMessage(msg);
		return -1;
	}
	return 0;
}

static int verify(LLVMModuleRef m)
{
	char *msg = NULL;
	if (LLVMVerifyModule(m, LLVMReturnStatusAction, &msg)) {
		diag_error(NULL, "internal error: invalid LLVM IR: %s", msg);
		LLVMDisposeMessage(msg);
		return -1;
	}
	LLVMDisposeMessage(msg);
	return 0;
}

static void dump_module(LLVMModuleRef m, FILE *out)
{
	char *s = LLVMPrintModuleToString(m);
	fputs(s, out);
	LLVMDisposeMessage(s);
}

static int gen_bpf(struct cg *base, struct program *p)
{
	LLVMTargetMachineRef tm = bpf_target_machine();
	if (!tm)
		return -1;
	struct cg cg = *base;
	cg.ctx = LLVMContextCreate();
	cg.data_layout = LLVMCreateTargetDataLayout(tm);
	/* Handlers that read user strings may wait for their pages, with a
	 * scratch area per thread (codegen/sleep.c), unless the area is too
	 * large for that: then everything is generated again without. */
	cg.may_sleep = true;
	int nerrors = p->nerrors, nformats = p->nformats, nhists = p->nhists;
	int rc = cg_module(&cg, &cg_target_bpf, HOME_BPF);
	if (rc == 0 && cg.any_sleeps && !cg_bpf_tscratch_fits(cg.scratch_size)) {
		LLVMDisposeModule(cg.mod);
		p->nerrors = nerrors;
		p->nformats = nformats;
		p->nhists = nhists;
		cg.may_sleep = false;
		rc = cg_module(&cg, &cg_target_bpf, HOME_BPF);
	}
	if (rc == 0)
		rc = verify(cg.mod);
	if (rc == 0)
		rc = optimise(cg.mod, tm);
	if (rc == 0 && cg.opts->last_pass == PASS_IR)
		dump_module(cg.mod, cg.opts->dump);
	if (rc == 0) {
		LLVMMemoryBufferRef obj;
		char *err = NULL;
		if (LLVMTargetMachineEmitToMemoryBuffer(tm, cg.mod, LLVMObjectFile, &err, &obj)) {
			diag_error(NULL, "internal error: BPF code generation failed: %s", err);
			LLVMDisposeMessage(err);
			rc = -1;
		} else {
			p->bpf_obj_size = LLVMGetBufferSize(obj);
			void *bytes = arena_alloc(p->arena, p->bpf_obj_size);
			memcpy(bytes, LLVMGetBufferStart(obj), p->bpf_obj_size);
			p->bpf_obj = bytes;
			LLVMDisposeMemoryBuffer(obj);
		}
	}
	if (cg.mod)
		LLVMDisposeModule(cg.mod);
	LLVMDisposeTargetData(cg.data_layout);
	LLVMContextDispose(cg.ctx);
	LLVMDisposeTargetMachine(tm);
	return rc;
}

static int gen_host(struct cg *base, struct program *p)
{
	struct cg cg = *base;
	LLVMOrcThreadSafeContextRef tsc = LLVMOrcCreateNewThreadSafeContext();
	cg.ctx = LLVMOrcThreadSafeContextGetContext(tsc);
	int rc = cg_module(&cg, &cg_target_host, HOME_HOST);
	if (rc == 0)
		rc = verify(cg.mod);
	if (rc == 0)
		rc = optimise(cg.mod, NULL);
	if (rc == 0 && cg.opts->last_pass == PASS_IR)
		dump_module(cg.mod, cg.opts->dump);
	if (rc < 0 || cg.opts->last_pass < PASS_RUN) {
		if (cg.mod)
			LLVMDisposeModule(cg.mod);
		LLVMOrcDisposeThreadSafeContext(tsc);
		return rc;
	}
	p->host_ctx = tsc;
	p->host_module = cg.mod;
	p->host_scratch_size = cg.scratch_size;
	p->keep_target_map = cg.host_usymname;
	return 0;
}

void program_release(struct program *p)
{
	if (!p)
		return;
	if (p->host_module)
		LLVMDisposeModule(p->host_module);
	if (p->host_ctx)
		LLVMOrcDisposeThreadSafeContext(p->host_ctx);
	p->host_module = p->host_ctx = NULL;
}

static int compile_passes(struct arena *a, const struct src_file *file,
			  const struct compile_opts *opts, struct program **out)
{
	*out = NULL;
	struct tapset *lib = tapset_new(a, opts->include_dirs, opts->ninclude_dirs);
	tapset_set_maxstringlen(lib, opts->maxstringlen);
	struct parse_opts popts = { .args = opts->args, .nargs = opts->nargs };
	tapset_parse_opts(lib, &popts);
	struct script *s = parse_script(a, file, &popts);
	if (diag_errors())
		return -1;
	if (opts->last_pass == PASS_PARSE) {
		ast_print(s, opts->dump);
		return 0;
	}

	if (!s->probes && !s->globals && !s->funcs && !s->aliases) {
		/* SystemTap's words for a file of nothing but blanks and
		 * comments; "no probes found" below would hide that the file
		 * is not what the user meant to give. */
		diag_error(NULL, "input file '%s' is empty", file->name);
		return -1;
	}
	if (tapset_link(lib, s) < 0)
		return -1;

	if (opts->list_points)
		listing_only_user(s, file);
	globs_expand(s, opts->list_points);
	if (alias_expand(s) < 0 || slice_lower(s) < 0)
		return -1;
	elide_library(s);
	struct resolved res;
	struct attach_table attach;
	int rc;
	if (opts->list_points) {
		/* A listing shows what resolves: bodies are looked at only
		 * for -L, and only where a point resolved. */
		rc = probes_resolve(s, opts, &attach);
		listing_trim(s, &attach, opts->list_vars);
		if (resolve_script(s, opts, &res) < 0)
			rc = -1;
	} else {
		rc = resolve_script(s, opts, &res);
		if (probes_resolve(s, opts, &attach) < 0)
			rc = -1;
	}
	/* Once the probe points resolved (an error there ends the pass
	 * first, as in stap), before target variables: what is left out is
	 * never looked up.  Listing points needs no code. */
	if (rc == 0 && !diag_errors() && !opts->unoptimized && !opts->list_points)
		elide_script(s, &res, opts);
	if (rc == 0 && !diag_errors() && attach.n == 0 && !attach.never) {
		/* SystemTap's "semantic error: no probes found": nothing would
		 * ever run, and nothing would stop the script. */
		diag_error(NULL, "no probes found: the script has no probe, or each of its probe "
			   "points is optional and none resolved");
		rc = -1;
	}
	if (rc == 0 && !diag_errors() && targets_resolve(s, &attach, attach.rows_vary) < 0)
		rc = -1;
	if (rc < 0 || diag_errors()) {
		probes_release(&attach);
		return -1;
	}
	if (opts->list_points) {
		listing_print(&attach, &res, opts->list_vars, opts->dump);
		probes_release(&attach);
		return 0;
	}
	if (opts->last_pass == PASS_RESOLVE) {
		resolve_print(s, &res, opts->dump);
		probes_print(s, &attach, opts->dump);
		probes_release(&attach);
		return 0;
	}

	struct program *p = arena_alloc(a, sizeof(*p));
	p->arena = a;
	p->script = s;
	p->maxstringlen = opts->maxstringlen;
	p->ringbuf_size = opts->bufsize;
	p->maxmapentries = opts->maxmapentries;
	p->maxerrors = opts->maxerrors;
	layout_globals(p, &res, opts);

	struct cg base = {
		.prog = p, .opts = opts, .script = s, .res = &res, .attach = &attach, .arena = a,
	};
	bool bpf = p->has_maps, host = false;
	for (int i = 0; i < s->nprobes; i++) {
		bpf |= (attach.homes[i] & HOME_BPF) != 0;
		host |= (attach.homes[i] & HOME_HOST) != 0;
	}
	/* The object also holds the maps of arrays and statistics, which host
	 * handlers use too; and -p4 writes one even for a script without. */
	if (bpf || opts->last_pass == PASS_OBJECT)
		rc = gen_bpf(&base, p);
	if (rc == 0 && host)
		rc = gen_host(&base, p);
	for (int i = 0; i < p->nerrors; i++)
		p->errors[i].context = tapset_context(lib, &p->errors[i].loc);
	p->attach = attach.rows;
	p->nattach = attach.n;
	for (int i = 0; i < attach.n; i++)
		if (attach.rows[i].pid_filter == PID_TARGET ||
		    attach.rows[i].pid_filter == PID_FAMILY)
			p->needs_target = true;
	probes_release(&attach);
	if (rc < 0) {
		program_release(p);
		return -1;
	}
	if (opts->last_pass < PASS_RUN) {
		if (opts->last_pass == PASS_OBJECT)
			*out = p;
		return 0;
	}
	*out = p;
	return 0;
}

int compile(struct arena *a, const struct src_file *file, const struct compile_opts *opts,
	    struct program **out)
{
	int rc = compile_passes(a, file, opts, out);
	/* The library's notes on diagnostics read what the arena holds. */
	diag_set_context(NULL, NULL);
	return rc;
}
