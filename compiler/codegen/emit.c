/* SPDX-License-Identifier: GPL-2.0-or-later */
/* emit.c — what every part of the code generator builds with: constants,
 * line information, blocks, calls, callbacks for BPF, the scratch area,
 * the program's tables of error and format sites, records, and runtime
 * errors; see cg.h. */
#include <string.h>

#include "parse/arena.h"
#include "cg.h"
#include "hostabi.h"

LLVMValueRef cg_const(struct cg *cg, int64_t v)
{
	return LLVMConstInt(cg->i64, (unsigned long long)v, 1);
}

void cg_set_loc(struct cg *cg, const struct loc *loc)
{
	if (!cg->di_scope || !loc->line)
		return;
	LLVMMetadataRef l = LLVMDIBuilderCreateDebugLocation(cg->ctx, (unsigned)loc->line,
							     (unsigned)loc->col, cg->di_scope, NULL);
	LLVMSetCurrentDebugLocation2(cg->b, l);
}

void cg_debug_function(struct cg *cg, LLVMValueRef fn, const char *name, const struct loc *loc)
{
	static const char *const ctx[] = { "ctx" };
	cg_debug_function_args(cg, fn, name, loc, ctx, 1);
}

void cg_debug_function_args(struct cg *cg, LLVMValueRef fn, const char *name,
			    const struct loc *loc, const char *const *args, unsigned nargs)
{
	if (!cg->dib)
		return;
	/* The first element is the return type: BTF wants the whole
	 * signature, long (*)(void *, …), as C would give it. */
	LLVMMetadataRef di_long = LLVMDIBuilderCreateBasicType(cg->dib, "long", 4, 64,
							      5 /* DW_ATE_signed */, 0);
	LLVMMetadataRef di_ptr = LLVMDIBuilderCreatePointerType(cg->dib, di_long, 64, 64, 0, NULL, 0);
	LLVMMetadataRef sig[8] = { di_long };
	for (unsigned i = 0; i < nargs && i < 7; i++)
		sig[i + 1] = di_ptr;
	LLVMMetadataRef ty = LLVMDIBuilderCreateSubroutineType(cg->dib, cg->di_file, sig,
							       nargs + 1, 0);
	unsigned line = loc && loc->line > 0 ? (unsigned)loc->line : 1;
	cg->di_scope = LLVMDIBuilderCreateFunction(cg->dib, cg->di_file, name, strlen(name), name,
						   strlen(name), cg->di_file, line, ty, 1, 1, line,
						   0, 1);
	LLVMSetSubprogram(fn, cg->di_scope);
	/* The kernel checks that a BTF function names its arguments. */
	for (unsigned i = 0; i < nargs && i < 7; i++)
		LLVMDIBuilderCreateParameterVariable(cg->dib, cg->di_scope, args[i], strlen(args[i]),
						     i + 1, cg->di_file, line, di_ptr, 1, 0);
	LLVMSetCurrentDebugLocation2(cg->b, NULL);
}

LLVMValueRef cg_callback_begin(struct cg *cg, const char *name, const char *const *args,
			       unsigned nargs, struct cg_saved *saved)
{
	LLVMTypeRef params[7];
	for (unsigned i = 0; i < nargs && i < 7; i++)
		params[i] = cg->ptr;
	LLVMValueRef fn = LLVMAddFunction(cg->mod, name, LLVMFunctionType(cg->i64, params,
									   nargs, 0));
	LLVMSetLinkage(fn, LLVMInternalLinkage);
	unsigned nounwind = LLVMGetEnumAttributeKindForName("nounwind", 8);
	LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
				LLVMCreateEnumAttribute(cg->ctx, nounwind, 0));
	*saved = (struct cg_saved){ cg->b, cg->fn, cg->di_scope };
	cg->b = LLVMCreateBuilderInContext(cg->ctx);
	cg->fn = fn;
	cg_debug_function_args(cg, fn, name, NULL, args, nargs);
	LLVMPositionBuilderAtEnd(cg->b, cg_block(cg, "entry"));
	if (cg->di_scope)
		LLVMSetCurrentDebugLocation2(cg->b, LLVMDIBuilderCreateDebugLocation(cg->ctx, 1, 1,
										  cg->di_scope, NULL));
	return fn;
}

void cg_callback_end(struct cg *cg, const struct cg_saved *saved)
{
	LLVMDisposeBuilder(cg->b);
	cg->b = saved->b;
	cg->fn = saved->fn;
	cg->di_scope = saved->scope;
}

LLVMBasicBlockRef cg_block(struct cg *cg, const char *name)
{
	return LLVMAppendBasicBlockInContext(cg->ctx, cg->fn, name);
}

LLVMValueRef cg_gep(struct cg *cg, LLVMValueRef base, LLVMValueRef off)
{
	return LLVMBuildGEP2(cg->b, cg->i8, base, &off, 1, "");
}

LLVMValueRef cg_field(struct cg *cg, LLVMValueRef base, uint32_t off)
{
	return off ? cg_gep(cg, base, cg_const(cg, off)) : base;
}

void cg_store_at(struct cg *cg, LLVMValueRef base, uint32_t off, LLVMValueRef v,
		 LLVMTypeRef ty)
{
	if (ty && LLVMTypeOf(v) != ty)
		v = LLVMBuildIntCast2(cg->b, v, ty, 0, "");
	LLVMBuildStore(cg->b, v, cg_field(cg, base, off));
}

LLVMValueRef cg_alloca(struct cg *cg, LLVMTypeRef ty, const char *name)
{
	LLVMBasicBlockRef cur = LLVMGetInsertBlock(cg->b);
	LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(cg->fn);
	LLVMValueRef first = LLVMGetFirstInstruction(entry);
	if (first)
		LLVMPositionBuilderBefore(cg->b, first);
	else
		LLVMPositionBuilderAtEnd(cg->b, entry);
	LLVMValueRef a = LLVMBuildAlloca(cg->b, ty, name);
	LLVMPositionBuilderAtEnd(cg->b, cur);
	return a;
}

LLVMValueRef cg_function_slot(struct cg *cg, const char *name, LLVMTypeRef ty, bool *made)
{
	size_t want = strlen(name);
	LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(cg->fn);
	for (LLVMValueRef i = LLVMGetFirstInstruction(entry); i && LLVMIsAAllocaInst(i);
	     i = LLVMGetNextInstruction(i)) {
		size_t len;
		const char *n = LLVMGetValueName2(i, &len);
		if (len == want && memcmp(n, name, len) == 0) {
			if (made)
				*made = false;
			return i;
		}
	}
	if (made)
		*made = true;
	return cg_alloca(cg, ty, name);
}

LLVMValueRef cg_call_ptr(struct cg *cg, LLVMTypeRef ret, LLVMValueRef fnptr,
			 LLVMValueRef *args, unsigned n)
{
	LLVMTypeRef params[8];
	for (unsigned i = 0; i < n; i++)
		params[i] = LLVMTypeOf(args[i]);
	LLVMTypeRef fty = LLVMFunctionType(ret, params, n, 0);
	return LLVMBuildCall2(cg->b, fty, fnptr, args, n, "");
}

LLVMValueRef cg_call_named(struct cg *cg, const char *name, LLVMTypeRef ret,
			   LLVMTypeRef *params, LLVMValueRef *args, unsigned n)
{
	LLVMTypeRef fty = LLVMFunctionType(ret, params, n, 0);
	LLVMValueRef f = LLVMGetNamedFunction(cg->mod, name);
	if (!f)
		f = LLVMAddFunction(cg->mod, name, fty);
	return LLVMBuildCall2(cg->b, fty, f, args, n, "");
}

LLVMValueRef cg_string_slot(struct cg *cg, bool temp)
{
	return cg_scratch(cg, cg->opts->maxstringlen, temp);
}

LLVMValueRef cg_scratch_base(struct cg *cg)
{
	if (cg->scratch)
		return cg->scratch;
	/* BPF: the lookup goes in its own block between the prologue and the
	 * body, where it dominates every use.  Which area it looks up is known
	 * once the handler is done (sleep.c): until then a call of a stand-in
	 * takes its place, which cg_bpf_handler_finish() replaces. */
	LLVMBasicBlockRef cur = LLVMGetInsertBlock(cg->b);
	LLVMMetadataRef here = LLVMGetCurrentDebugLocation2(cg->b);
	LLVMPositionBuilderAtEnd(cg->b, cg->scratch_bb);
	LLVMSetCurrentDebugLocation2(cg->b, NULL);
	LLVMTypeRef fty = LLVMFunctionType(cg->ptr, NULL, 0, 0);
	LLVMValueRef stub = LLVMGetNamedFunction(cg->mod, CG_SCRATCH_STUB);
	if (!stub)
		stub = LLVMAddFunction(cg->mod, CG_SCRATCH_STUB, fty);
	cg->scratch = LLVMBuildCall2(cg->b, fty, stub, NULL, 0, "scratch");
	LLVMPositionBuilderAtEnd(cg->b, cur);
	LLVMSetCurrentDebugLocation2(cg->b, here);
	return cg->scratch;
}

uint32_t cg_scratch_reserve(struct cg *cg, uint32_t bytes, bool temp)
{
	uint32_t off = cg->slot_base + cg->slot_top;
	cg->slot_top += (bytes + 7) & ~7u;
	if (!temp)
		cg->slot_fixed = cg->slot_top;
	if (cg->slot_base + cg->slot_top > cg->scratch_size)
		cg->scratch_size = cg->slot_base + cg->slot_top;
	return off;
}

LLVMValueRef cg_scratch(struct cg *cg, uint32_t bytes, bool temp)
{
	uint32_t off = cg_scratch_reserve(cg, bytes, temp);
	return cg_field(cg, cg_scratch_base(cg), off);
}

int cg_add_error_site(struct cg *cg, const struct loc *loc, const char *msg)
{
	struct program *p = cg->prog;
	if (p->nerrors % 16 == 0) {
		struct error_site *e = arena_alloc(cg->arena, (p->nerrors + 16) * sizeof(*e));
		if (p->nerrors)
			memcpy(e, p->errors, p->nerrors * sizeof(*e));
		p->errors = e;
	}
	p->errors[p->nerrors].loc = *loc;
	p->errors[p->nerrors].msg = msg;
	p->errors[p->nerrors].format = -1;
	return p->nerrors++;
}

struct format_site *cg_add_format(struct cg *cg, int *index)
{
	struct program *p = cg->prog;
	if (p->nformats % 16 == 0) {
		struct format_site *f = arena_alloc(cg->arena, (p->nformats + 16) * sizeof(*f));
		if (p->nformats)
			memcpy(f, p->formats, p->nformats * sizeof(*f));
		p->formats = f;
	}
	*index = p->nformats;
	struct format_site *f = &p->formats[p->nformats++];
	memset(f, 0, sizeof(*f));
	return f;
}

void cg_emit_record(struct cg *cg, uint32_t size,
		    void (*fill)(struct cg *cg, LLVMValueRef rec, void *arg), void *arg)
{
	LLVMValueRef rec = cg->t->rec_reserve(cg, size);
	LLVMBasicBlockRef ok = cg_block(cg, "rec.ok"), lost = cg_block(cg, "rec.lost"),
		done = cg_block(cg, "rec.done");
	LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, rec, ""), lost, ok);
	LLVMPositionBuilderAtEnd(cg->b, ok);
	fill(cg, rec, arg);
	cg->t->rec_submit(cg, rec);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, lost);
	cg->t->rec_lost(cg);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
}

struct error_rec {
	int site;
	LLVMValueRef msg;        /* or NULL: the site's own message */
	LLVMValueRef *longs;     /* or the arguments of the site's format */
	int nlongs;
	const char *text;        /* the site's own message, or its format */
	int format;              /* the format's index (cg_add_format) */
	bool fatal;              /* no try catches it */
	LLVMValueRef site_value; /* or NULL: the site, as a value (err_common) */
};

static void fill_error(struct cg *cg, LLVMValueRef rec, void *arg)
{
	struct error_rec *e = arg;
	cg_store_at(cg, rec, 0, LLVMConstInt(cg->i32, REC_ERROR, 0), cg->i32);
	cg_store_at(cg, rec, 4, e->site_value ? e->site_value :
		    LLVMConstInt(cg->i32, (unsigned)e->site, 0), cg->i32);
	if (e->msg)
		cg->t->str_copy(cg, cg_field(cg, rec, sizeof(struct rec_hdr)), e->msg,
				cg_const(cg, cg->opts->maxstringlen));
	for (int i = 0; i < e->nlongs; i++)
		cg_store_at(cg, rec, sizeof(struct rec_hdr) + 8 * (uint32_t)i, e->longs[i], cg->i64);
}

static void cg_raise_with_site(struct cg *cg, struct error_rec *e);

/* A new block for code after a jump, which nothing reaches but which the
 * rest of a statement list still needs somewhere to go. */
void after_jump(struct cg *cg)
{
	LLVMPositionBuilderAtEnd(cg->b, cg_block(cg, "dead"));
}

void cg_raise(struct cg *cg, const struct loc *loc, const char *msg)
{
	struct error_rec e = { cg_add_error_site(cg, loc, msg), NULL, NULL, 0, msg, 0, false, NULL };
	cg_raise_with_site(cg, &e);
}

void cg_raise_fatal(struct cg *cg, const struct loc *loc, const char *msg)
{
	struct error_rec e = { cg_add_error_site(cg, loc, msg), NULL, NULL, 0, msg, 0, true, NULL };
	cg_raise_with_site(cg, &e);
}

void cg_raise_with(struct cg *cg, const struct loc *loc, LLVMValueRef msg)
{
	struct error_rec e = { cg_add_error_site(cg, loc, NULL), msg, NULL, 0, NULL, 0, false, NULL };
	cg_raise_with_site(cg, &e);
}

void cg_raise_fmt(struct cg *cg, const struct loc *loc, const char *fmt, LLVMValueRef *longs,
		  int n)
{
	int index;
	struct format_site *f = cg_add_format(cg, &index);
	f->fmt = fmt;
	f->fmt_len = strlen(fmt);
	f->nargs = n;
	f->loc = *loc;
	f->arg_kinds = arena_alloc(cg->arena, ((size_t)n + 1) * sizeof(*f->arg_kinds));
	f->arg_offsets = arena_alloc(cg->arena, ((size_t)n + 1) * sizeof(*f->arg_offsets));
	for (int i = 0; i < n; i++) {
		f->arg_kinds[i] = OUT_LONG;
		f->arg_offsets[i] = sizeof(struct rec_hdr) + 8 * (uint32_t)i;
	}
	f->size = sizeof(struct rec_hdr) + 8 * (uint32_t)n;
	struct error_rec e = { cg_add_error_site(cg, loc, NULL), NULL, longs, n, fmt, index, false, NULL };
	cg->prog->errors[e.site].format = index;
	cg_raise_with_site(cg, &e);
}

bool cg_in_try(const struct cg *cg)
{
	return cg->ntries > 0 || cg->unwind_errors;
}

bool cg_try_here(const struct cg *cg)
{
	return cg->ntries > 0 && cg->tries[cg->ntries - 1].fn == cg->fn;
}

LLVMValueRef cg_error_message(struct cg *cg)
{
	return cg_field(cg, cg->aborted, 8);
}

LLVMBasicBlockRef cg_leave_block(struct cg *cg)
{
	if (!cg_try_here(cg))
		return cg->ret_bb;
	LLVMBasicBlockRef here = LLVMGetInsertBlock(cg->b), leave = cg_block(cg, "try.leave");
	LLVMPositionBuilderAtEnd(cg->b, leave);
	LLVMValueRef how = LLVMBuildLoad2(cg->b, cg->i64, cg->aborted, "");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, how, cg_const(cg, CG_ABORT_CAUGHT),
					     ""),
			cg->tries[cg->ntries - 1].catch_bb, cg->ret_bb);
	LLVMPositionBuilderAtEnd(cg->b, here);
	return leave;
}

/* A caught error's message, as the ERROR: line would give it without its
 * location, into the error area. */
static void put_message(struct cg *cg, struct error_rec *e)
{
	LLVMValueRef dst = cg_error_message(cg);
	LLVMValueRef max = cg_const(cg, cg->opts->maxstringlen);
	if (e->msg) {
		cg->t->str_copy(cg, dst, e->msg, max);
	} else if (!e->nlongs) {
		cg->t->str_copy(cg, dst, cg_string_literal(cg, e->text, strlen(e->text)), max);
	} else if (cg->t->is_bpf) {
		cg_bpf_snprintf_n(cg, dst, cg->opts->maxstringlen, e->text, e->longs, e->nlongs);
	} else {
		uint32_t size = sizeof(struct rec_hdr) + 8 * (uint32_t)e->nlongs;
		LLVMValueRef rec = cg_scratch(cg, size, true);
		cg_store_at(cg, rec, 0, LLVMConstInt(cg->i32, REC_PRINTF, 0), cg->i32);
		cg_store_at(cg, rec, 4, LLVMConstInt(cg->i32, (unsigned)e->format, 0), cg->i32);
		for (int i = 0; i < e->nlongs; i++)
			cg_store_at(cg, rec, sizeof(struct rec_hdr) + 8 * (uint32_t)i, e->longs[i],
				    cg->i64);
		LLVMTypeRef params[4] = { cg->ptr, cg->ptr, cg->ptr, cg->i64 };
		LLVMValueRef args[4] = { cg->rt, rec, dst, max };
		cg_call_named(cg, HOSTABI_PREFIX "sprintf", cg->void_t, params, args, 4);
	}
}

static void stop_with_error(struct cg *cg, struct error_rec *e)
{
	/* Only the first error is reported: whoever sets STOP_ERROR first sends
	 * the record. */
	LLVMValueRef stopping = cg_field(cg, cg->globals, offsetof(struct globals_hdr, stopping));
	LLVMValueRef old = LLVMBuildAtomicRMW(cg->b, LLVMAtomicRMWBinOpOr, stopping,
					      cg_const(cg, STOP_ERROR), LLVMAtomicOrderingMonotonic, 0);
	LLVMBasicBlockRef send = cg_block(cg, "err.send"), out = cg_block(cg, "err.out");
	LLVMValueRef was = LLVMBuildAnd(cg->b, old, cg_const(cg, STOP_ERROR), "");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, was, cg_const(cg, 0), ""), send, out);
	LLVMPositionBuilderAtEnd(cg->b, send);
	cg_emit_record(cg, sizeof(struct rec_hdr) + 8 * (uint32_t)e->nlongs, fill_error, e);
	LLVMBuildBr(cg->b, out);
	LLVMPositionBuilderAtEnd(cg->b, out);
	LLVMBuildStore(cg->b, cg_const(cg, CG_ABORT_ENDED), cg->aborted);
	LLVMBuildBr(cg->b, cg->ret_bb);
}

/* A BPF error no try catches, of a site whose message has at most
 * CG_ERR_LONGS numbers: a jump to the one place in the function that
 * stops the script with the error of a number of arguments, the site and
 * its numbers its arguments (phis), rather than a copy of that code at
 * every place that can fail: a handler that reads many values has
 * hundreds of such places, and LLVM and the verifier had a copy of the
 * record's code for each. */
static void err_common(struct cg *cg, struct error_rec *e)
{
	struct cg_err_block *c = &cg->err_blocks[e->nlongs];
	if (c->fn != cg->fn || c->ret_bb != cg->ret_bb || c->aborted != cg->aborted) {
		LLVMBasicBlockRef here = LLVMGetInsertBlock(cg->b);
		c->fn = cg->fn;
		c->ret_bb = cg->ret_bb;
		c->aborted = cg->aborted;
		c->bb = cg_block(cg, "err.common");
		LLVMPositionBuilderAtEnd(cg->b, c->bb);
		c->site = LLVMBuildPhi(cg->b, cg->i32, "err.site");
		LLVMValueRef longs[CG_ERR_LONGS];
		for (int i = 0; i < e->nlongs; i++)
			longs[i] = c->longs[i] = LLVMBuildPhi(cg->b, cg->i64, "err.arg");
		struct error_rec common = *e;
		common.site_value = c->site;
		common.longs = longs;
		stop_with_error(cg, &common);
		LLVMPositionBuilderAtEnd(cg->b, here);
	}
	LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
	LLVMValueRef site = LLVMConstInt(cg->i32, (unsigned)e->site, 0);
	LLVMAddIncoming(c->site, &site, &from, 1);
	for (int i = 0; i < e->nlongs; i++)
		LLVMAddIncoming(c->longs[i], &e->longs[i], &from, 1);
	LLVMBuildBr(cg->b, c->bb);
	after_jump(cg);
}

static void cg_raise_with_site(struct cg *cg, struct error_rec *e)
{
	if (!e->fatal && cg_in_try(cg)) {
		put_message(cg, e);
		if (cg_try_here(cg)) {
			LLVMBuildBr(cg->b, cg->tries[cg->ntries - 1].catch_bb);
		} else {
			LLVMBuildStore(cg->b, cg_const(cg, CG_ABORT_CAUGHT), cg->aborted);
			LLVMBuildBr(cg->b, cg->ret_bb);
		}
		after_jump(cg);
		return;
	}
	/* One block of the function reports what its sites raise (a
	 * MAXERRORS count is kept at each site, below). */
	if (cg->t->is_bpf && !e->msg && e->nlongs <= CG_ERR_LONGS &&
	    !cg->opts->maxerrors) {
		err_common(cg, e);
		return;
	}
	/* Under -D MAXERRORS=N, the first N errors are reported and end only
	 * the handler that raised them; the one after stops the run. */
	if (cg->opts->maxerrors) {
		LLVMValueRef count = cg_field(cg, cg->globals, offsetof(struct globals_hdr, errors));
		LLVMValueRef before = LLVMBuildAtomicRMW(cg->b, LLVMAtomicRMWBinOpAdd, count,
							 cg_const(cg, 1),
							 LLVMAtomicOrderingMonotonic, 0);
		LLVMBasicBlockRef soft = cg_block(cg, "err.soft"), hard = cg_block(cg, "err.hard");
		LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, before,
						     cg_const(cg, cg->opts->maxerrors), ""),
				soft, hard);
		LLVMPositionBuilderAtEnd(cg->b, soft);
		uint32_t size = sizeof(struct rec_hdr) +
			(e->msg ? ((cg->opts->maxstringlen + 7) & ~7u) : 8 * (uint32_t)e->nlongs);
		cg_emit_record(cg, size, fill_error, e);
		LLVMBuildStore(cg->b, cg_const(cg, CG_ABORT_ENDED), cg->aborted);
		LLVMBuildBr(cg->b, cg->ret_bb);
		LLVMPositionBuilderAtEnd(cg->b, hard);
	}
	/* Only the first error that stops the run is reported: whoever sets
	 * STOP_ERROR first sends the record.  Host handlers, run one at a time,
	 * always send it: the runtime prints those of error probes too
	 * (SystemTap prints every error), and ignores the others. */
	LLVMValueRef stopping = cg_field(cg, cg->globals, offsetof(struct globals_hdr, stopping));
	LLVMValueRef old = LLVMBuildAtomicRMW(cg->b, LLVMAtomicRMWBinOpOr, stopping,
					      cg_const(cg, STOP_ERROR), LLVMAtomicOrderingMonotonic, 0);
	LLVMBasicBlockRef send = cg_block(cg, "err.send"), out = cg_block(cg, "err.out");
	LLVMValueRef was = LLVMBuildAnd(cg->b, old, cg_const(cg, STOP_ERROR), "");
	LLVMValueRef first = cg->t->is_bpf ?
		LLVMBuildICmp(cg->b, LLVMIntEQ, was, cg_const(cg, 0), "") :
		LLVMConstInt(cg->i1, 1, 0);
	LLVMBuildCondBr(cg->b, first, send, out);
	LLVMPositionBuilderAtEnd(cg->b, send);
	uint32_t size = sizeof(struct rec_hdr) +
		(e->msg ? ((cg->opts->maxstringlen + 7) & ~7u) : 8 * (uint32_t)e->nlongs);
	cg_emit_record(cg, size, fill_error, e);
	LLVMBuildBr(cg->b, out);
	LLVMPositionBuilderAtEnd(cg->b, out);
	LLVMBuildStore(cg->b, cg_const(cg, CG_ABORT_ENDED), cg->aborted);
	LLVMBuildBr(cg->b, cg->ret_bb);
	after_jump(cg);
}
