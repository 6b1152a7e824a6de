/* SPDX-License-Identifier: GPL-2.0-or-later */
/* stat.c — statistics: x <<< v, @count … @avg, and print(@hist_…).
 *
 * Each CPU keeps its own count, sum, min, max and histogram (program.h), so
 * x <<< v takes no lock and touches no line another CPU writes; reading
 * merges the CPUs.  The arithmetic is SystemTap's __stp_stat_add and
 * _stp_val_to_bucket, so the same values fall in the same buckets. */
#include <errno.h>
#include <linux/bpf.h>
#include <stddef.h>
#include <string.h>

#include "parse/arena.h"
#include "cg.h"
#include "hostabi.h"
#include "parse/diag.h"

static LLVMValueRef word(struct cg *cg, LLVMValueRef p, int i)
{
	return cg_field(cg, p, 8 * (uint32_t)i);
}

static LLVMValueRef load_word(struct cg *cg, LLVMValueRef p, int i)
{
	return LLVMBuildLoad2(cg->b, cg->i64, word(cg, p, i), "");
}

static LLVMValueRef ctlz(struct cg *cg, LLVMValueRef v)
{
	unsigned id = LLVMLookupIntrinsicID("llvm.ctlz", 9);
	LLVMValueRef f = LLVMGetIntrinsicDeclaration(cg->mod, id, &cg->i64, 1);
	LLVMValueRef args[2] = { v, LLVMConstInt(cg->i1, 0, 0) };
	return LLVMBuildCall2(cg->b, LLVMGlobalGetValueType(f), f, args, 2, "");
}

/* The bucket of v, from 0 to buckets - 1. */
static LLVMValueRef bucket(struct cg *cg, const struct stat_shape *sh, LLVMValueRef v)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef last = cg_const(cg, sh->buckets - 1), n;
	if (sh->hist == HIST_LOG) {
		/* 64 for 0; 128 - clz(v) above it; clz(-v) below it. */
		LLVMValueRef pos = LLVMBuildSub(b, cg_const(cg, 128), ctlz(cg, v), "");
		LLVMValueRef neg = ctlz(cg, LLVMBuildNeg(b, v, ""));
		n = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSGT, v, cg_const(cg, 0), ""), pos,
			LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ, v, cg_const(cg, 0), ""),
					cg_const(cg, HIST_LOG_BUCKET0), neg, ""), "");
	} else {
		/* Under lo: bucket 0; then one per step; the rest in the last. */
		LLVMValueRef d = LLVMBuildSub(b, v, cg_const(cg, sh->lo), "");
		LLVMValueRef q = LLVMBuildAdd(b, LLVMBuildUDiv(b, d, cg_const(cg, sh->step), ""),
					      cg_const(cg, 1), "");
		n = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSLT, d, cg_const(cg, 0), ""),
				    cg_const(cg, 0), q, "");
	}
	/* Unsigned, so that the verifier sees the index bounded both ways. */
	return LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntUGT, n, last, ""), last, n, "");
}

/* SystemTap's __stp_stat_add for @variance, word for word: Welford's
 * running mean and sum of squares, scaled by 2^shift, with its delta an
 * int, as there; n is the count with v. */
static void add_variance(struct cg *cg, const struct stat_shape *sh, LLVMValueRef p,
			 LLVMValueRef v, LLVMValueRef n)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef avg_w = word(cg, p, STATV_WORD(sh, STATV_AVG));
	LLVMValueRef m2_w = word(cg, p, STATV_WORD(sh, STATV_M2));
	LLVMValueRef scaled = LLVMBuildShl(b, v, cg_const(cg, sh->shift), "");
	LLVMValueRef avg = LLVMBuildLoad2(b, cg->i64, avg_w, "");
	LLVMValueRef delta = LLVMBuildSExt(b, LLVMBuildTrunc(b, LLVMBuildSub(b, scaled, avg, ""),
							     cg->i32, ""), cg->i64, "");
	avg = LLVMBuildAdd(b, avg, cg_sdiv(cg, delta, n), "");
	LLVMBuildStore(b, avg, avg_w);
	LLVMValueRef m2 = LLVMBuildAdd(b, LLVMBuildLoad2(b, cg->i64, m2_w, ""),
		LLVMBuildMul(b, delta, LLVMBuildSub(b, scaled, avg, ""), ""), "");
	LLVMBuildStore(b, m2, m2_w);
	LLVMBuildStore(b, cg_sdiv(cg, m2, LLVMBuildSub(b, n, cg_const(cg, 1), "")),
		       word(cg, p, STATV_WORD(sh, STATV_VAR)));
}

/* Adds v to the value at p, one CPU's part of a statistic. */
static void add_to(struct cg *cg, const struct global_var *gv, LLVMValueRef p, LLVMValueRef v)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef count = load_word(cg, p, STATW_COUNT);
	LLVMBasicBlockRef first = cg_block(cg, "stat.first"), more = cg_block(cg, "stat.more"),
		hist = cg_block(cg, "stat.hist");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, count, cg_const(cg, 0), ""), first, more);
	LLVMPositionBuilderAtEnd(b, first);
	LLVMBuildStore(b, cg_const(cg, 1), word(cg, p, STATW_COUNT));
	LLVMBuildStore(b, v, word(cg, p, STATW_SUM));
	LLVMBuildStore(b, v, word(cg, p, STATW_MIN));
	LLVMBuildStore(b, v, word(cg, p, STATW_MAX));
	if (gv->stat.variance) {
		LLVMBuildStore(b, LLVMBuildShl(b, v, cg_const(cg, gv->stat.shift), ""),
			       word(cg, p, STATV_WORD(&gv->stat, STATV_AVG)));
		LLVMBuildStore(b, cg_const(cg, 0), word(cg, p, STATV_WORD(&gv->stat, STATV_M2)));
	}
	LLVMBuildBr(b, hist);
	LLVMPositionBuilderAtEnd(b, more);
	if (gv->stat.variance)
		add_variance(cg, &gv->stat, p, v, LLVMBuildAdd(b, count, cg_const(cg, 1), ""));
	LLVMBuildStore(b, LLVMBuildAdd(b, count, cg_const(cg, 1), ""), word(cg, p, STATW_COUNT));
	LLVMBuildStore(b, LLVMBuildAdd(b, load_word(cg, p, STATW_SUM), v, ""), word(cg, p, STATW_SUM));
	LLVMValueRef min = load_word(cg, p, STATW_MIN), max = load_word(cg, p, STATW_MAX);
	LLVMBuildStore(b, LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSLT, v, min, ""), v, min, ""),
		       word(cg, p, STATW_MIN));
	LLVMBuildStore(b, LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSGT, v, max, ""), v, max, ""),
		       word(cg, p, STATW_MAX));
	LLVMBuildBr(b, hist);
	LLVMPositionBuilderAtEnd(b, hist);
	if (gv->stat.hist == HIST_NONE)
		return;
	LLVMValueRef n = bucket(cg, &gv->stat, v);
	LLVMValueRef slot = cg_gep(cg, p, LLVMBuildMul(b, LLVMBuildAdd(b, n,
		cg_const(cg, STAT_HDR_WORDS), ""), cg_const(cg, 8), ""));
	LLVMBuildStore(b, LLVMBuildAdd(b, LLVMBuildLoad2(b, cg->i64, slot, ""), cg_const(cg, 1), ""),
		       slot);
}

void cg_stat_add(struct cg *cg, struct expr *e)
{
	struct expr *t = e->lhs;
	int g = t->sym->index;
	const struct global_var *gv = &cg->prog->globals[g];
	LLVMValueRef v = cg_expr(cg, e->rhs);
	LLVMValueRef key = cg_array_key(cg, g, t->kind == EXPR_INDEX ? t->args : NULL);
	if (!cg->t->in_place) {
		/* The host works on a copy of one CPU's part and writes it back. */
		LLVMValueRef p = cg->t->map_lookup(cg, g, key);
		LLVMValueRef buf = cg_scratch(cg, gv->value_size, true);
		cg->t->zero(cg, buf, gv->value_size);
		LLVMBasicBlockRef have = cg_block(cg, "stat.have"), go = cg_block(cg, "stat.go");
		LLVMBasicBlockRef fresh = gv->stat.ordered ? cg_block(cg, "stat.fresh") : go;
		LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, p, ""), fresh, have);
		LLVMPositionBuilderAtEnd(cg->b, have);
		cg->t->copy(cg, buf, p, gv->value_size);
		LLVMBuildBr(cg->b, go);
		if (gv->stat.ordered) {
			/* a new element's creation number, which the runtime
			 * gives every CPU's part (maps_update) */
			LLVMPositionBuilderAtEnd(cg->b, fresh);
			cg_store_at(cg, buf, gv->value_size - 8, cg_array_next_seq(cg, g), cg->i64);
			LLVMBuildBr(cg->b, go);
		}
		LLVMPositionBuilderAtEnd(cg->b, go);
		add_to(cg, gv, buf, v);
		cg_check_overflow(cg, cg->t->map_update(cg, g, key, buf, BPF_ANY), &t->loc, g);
		return;
	}
	LLVMValueRef slot = cg_alloca(cg, cg->ptr, "stat");
	LLVMBuildStore(cg->b, cg->t->map_lookup(cg, g, key), slot);
	LLVMBasicBlockRef create = cg_block(cg, "stat.create"), go = cg_block(cg, "stat.go");
	LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, LLVMBuildLoad2(cg->b, cg->ptr, slot, ""), ""),
			create, go);
	LLVMPositionBuilderAtEnd(cg->b, create);
	LLVMValueRef rc = cg->t->map_update(cg, g, key, cg->zeros, BPF_NOEXIST);
	LLVMValueRef p = cg->t->map_lookup(cg, g, key);
	LLVMBuildStore(cg->b, p, slot);
	if (gv->stat.ordered) {
		/* Made here (not by another CPU meanwhile): its creation
		 * number, in every CPU's part. */
		LLVMBasicBlockRef stamp = cg_block(cg, "stat.stamp"), on = cg_block(cg, "stat.on");
		LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, rc, cg_const(cg, 0), ""),
				stamp, on);
		LLVMPositionBuilderAtEnd(cg->b, stamp);
		cg_bpf_stat_stamp(cg, g, key, cg_array_next_seq(cg, g));
		LLVMBuildBr(cg->b, on);
		LLVMPositionBuilderAtEnd(cg->b, on);
	}
	LLVMValueRef err = LLVMBuildSelect(cg->b, LLVMBuildIsNull(cg->b, p, ""),
		LLVMBuildSelect(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_const(cg, 0), ""), rc,
				cg_const(cg, -E2BIG), ""),
		cg_const(cg, 0), "");
	cg_check_overflow(cg, err, &t->loc, g);
	LLVMBuildBr(cg->b, go);
	LLVMPositionBuilderAtEnd(cg->b, go);
	add_to(cg, gv, LLVMBuildLoad2(cg->b, cg->ptr, slot, ""), v);
}

/* @count and @sum of an empty statistic are 0; @min, @max and @avg are
 * SystemTap's runtime error "empty aggregate". */
LLVMValueRef cg_stat_read(struct cg *cg, struct expr *e)
{
	struct expr *t = e->args;
	int g = t->sym->index;
	LLVMValueRef key = cg_array_key(cg, g, t->kind == EXPR_INDEX ? t->args : NULL);
	LLVMValueRef h = cg->t->stat_merged(cg, g, key);
	LLVMValueRef count = load_word(cg, h, STATW_COUNT);
	if (e->stat == STAT_COUNT)
		return count;
	if (e->stat == STAT_SUM)
		return load_word(cg, h, STATW_SUM);
	LLVMBasicBlockRef empty = cg_block(cg, "stat.empty"), ok = cg_block(cg, "stat.ok");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, count, cg_const(cg, 0), ""), empty, ok);
	LLVMPositionBuilderAtEnd(cg->b, empty);
	cg_raise(cg, &e->loc, "empty aggregate");
	LLVMBuildBr(cg->b, ok);
	LLVMPositionBuilderAtEnd(cg->b, ok);
	switch (e->stat) {
	case STAT_VARIANCE: return cg->t->stat_variance(cg, g, key, h);
	case STAT_MIN: return load_word(cg, h, STATW_MIN);
	case STAT_MAX: return load_word(cg, h, STATW_MAX);
	default: return cg_sdiv(cg, load_word(cg, h, STATW_SUM), count);
	}
}

struct hist_rec {
	LLVMValueRef key;
	uint32_t size;
	int site;
};

static void fill_hist(struct cg *cg, LLVMValueRef rec, void *arg)
{
	struct hist_rec *h = arg;
	cg_store_at(cg, rec, 0, LLVMConstInt(cg->i32, REC_HIST, 0), cg->i32);
	cg_store_at(cg, rec, 4, LLVMConstInt(cg->i32, (unsigned)h->site, 0), cg->i32);
	cg->t->copy(cg, cg_field(cg, rec, sizeof(struct rec_hdr)), h->key, h->size);
}

/* The runtime reads the statistic when the record arrives and prints it,
 * as SystemTap prints a histogram. */
int cg_hist_site(struct cg *cg, struct expr *hist, const struct loc *at)
{
	struct program *p = cg->prog;
	if (p->nhists % 16 == 0) {
		struct hist_site *n = arena_alloc(cg->arena, (p->nhists + 16) * sizeof(*n));
		if (p->nhists)
			memcpy(n, p->hists, p->nhists * sizeof(*n));
		p->hists = n;
	}
	/* An empty statistic is SystemTap's error at the print. */
	p->hists[p->nhists] = (struct hist_site){
		hist->args->sym->index, cg_add_error_site(cg, at, "empty aggregate"), hist->loc,
	};
	return p->nhists++;
}

void cg_print_hist(struct cg *cg, struct expr *hist, const struct loc *at)
{
	struct expr *t = hist->args;
	int g = t->sym->index;
	const struct global_var *gv = &cg->prog->globals[g];
	struct hist_rec h = {
		.key = cg_array_key(cg, g, t->kind == EXPR_INDEX ? t->args : NULL),
		.size = gv->key_size,
		.site = cg_hist_site(cg, hist, at),
	};
	/* Inside try, an empty statistic is found here, in the probe, where
	 * the error can be caught; the runtime's check stays for a statistic
	 * emptied meanwhile. */
	if (cg_in_try(cg)) {
		LLVMValueRef count = load_word(cg, cg->t->stat_merged(cg, g, h.key), STATW_COUNT);
		LLVMBasicBlockRef empty = cg_block(cg, "hist.empty"), have = cg_block(cg, "hist.have");
		LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, count, cg_const(cg, 0), ""),
				empty, have);
		LLVMPositionBuilderAtEnd(cg->b, empty);
		cg_raise(cg, at, "empty aggregate");
		LLVMBuildBr(cg->b, have);
		LLVMPositionBuilderAtEnd(cg->b, have);
	}
	cg_emit_record(cg, (uint32_t)sizeof(struct rec_hdr) + ((gv->key_size + 7) & ~7u), fill_hist, &h);
	/* On the host the histogram was printed just now, or refused as empty:
	 * then the handler ends, as SystemTap's does.  A BPF program cannot
	 * know, and goes on. */
	if (!cg->t->is_bpf) {
		LLVMValueRef st = LLVMBuildLoad2(cg->b, cg->i64,
			cg_field(cg, cg->globals, offsetof(struct globals_hdr, stopping)), "");
		LLVMValueRef err = LLVMBuildAnd(cg->b, st, cg_const(cg, STOP_ERROR), "");
		LLVMBasicBlockRef stop = cg_block(cg, "hist.error"), go = cg_block(cg, "hist.ok");
		LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntNE, err, cg_const(cg, 0), ""),
				stop, go);
		LLVMPositionBuilderAtEnd(cg->b, stop);
		LLVMBuildStore(cg->b, cg_const(cg, 1), cg->aborted);
		LLVMBuildBr(cg->b, cg->ret_bb);
		LLVMPositionBuilderAtEnd(cg->b, go);
	}
}

LLVMValueRef cg_hist_bucket(struct cg *cg, struct expr *e)
{
	struct expr *t = e->lhs->args;
	int g = t->sym->index;
	const struct global_var *gv = &cg->prog->globals[g];
	LLVMValueRef i = cg_expr(cg, e->rhs);
	LLVMValueRef key = cg_array_key(cg, g, t->kind == EXPR_INDEX ? t->args : NULL);
	LLVMValueRef count = load_word(cg, cg->t->stat_merged(cg, g, key), STATW_COUNT);
	LLVMBasicBlockRef empty = cg_block(cg, "bucket.empty"), have = cg_block(cg, "bucket.have");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, count, cg_const(cg, 0), ""), empty,
			have);
	LLVMPositionBuilderAtEnd(cg->b, empty);
	cg_raise(cg, &e->loc, "empty aggregate");
	LLVMBuildBr(cg->b, have);
	LLVMPositionBuilderAtEnd(cg->b, have);
	LLVMBasicBlockRef out = cg_block(cg, "bucket.out"), in = cg_block(cg, "bucket.in");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntUGE, i, cg_const(cg, gv->stat.buckets),
					     ""), out, in);
	LLVMPositionBuilderAtEnd(cg->b, out);
	cg_raise(cg, &e->loc, "histogram index out of range");
	LLVMBuildBr(cg->b, in);
	LLVMPositionBuilderAtEnd(cg->b, in);
	return cg->t->stat_bucket(cg, g, key, i);
}

void cg_foreach_hist(struct cg *cg, struct stmt *st, void (*body)(struct cg *, struct stmt *))
{
	struct foreach *f = st->foreach;
	struct expr *t = f->hist->args;
	if (!t || !t->sym)
		return;
	int g = t->sym->index;
	const struct global_var *gv = &cg->prog->globals[g];
	/* The key outlives the statements of the body, which reuse the
	 * temporaries. */
	LLVMValueRef key = cg_scratch(cg, gv->key_size, false);
	cg->t->copy(cg, key, cg_array_key(cg, g, t->kind == EXPR_INDEX ? t->args : NULL),
		    gv->key_size);
	LLVMValueRef limit = cg_alloca(cg, cg->i64, "hist.limit");
	LLVMBuildStore(cg->b, f->limit ? cg_expr(cg, f->limit) : cg_const(cg, INT64_MAX), limit);
	LLVMValueRef i = cg_alloca(cg, cg->i64, "hist.bucket");
	LLVMBuildStore(cg->b, cg_const(cg, 0), i);
	LLVMBasicBlockRef head = cg_block(cg, "hist.head"), loop = cg_block(cg, "hist.body"),
		step = cg_block(cg, "hist.step"), out = cg_block(cg, "hist.end");
	LLVMBuildBr(cg->b, head);
	LLVMPositionBuilderAtEnd(cg->b, head);
	LLVMValueRef n = LLVMBuildLoad2(cg->b, cg->i64, i, "");
	LLVMValueRef more = LLVMBuildAnd(cg->b,
		LLVMBuildICmp(cg->b, LLVMIntSLT, n, cg_const(cg, gv->stat.buckets), ""),
		LLVMBuildICmp(cg->b, LLVMIntSLT, n, LLVMBuildLoad2(cg->b, cg->i64, limit, ""), ""), "");
	LLVMBuildCondBr(cg->b, more, loop, out);
	LLVMPositionBuilderAtEnd(cg->b, loop);
	if (f->nkeys == 1 && f->key_syms && f->key_syms[0])
		LLVMBuildStore(cg->b, n, cg_var_addr(cg, f->key_syms[0]));
	if (f->value_sym)
		LLVMBuildStore(cg->b, cg->t->stat_bucket(cg, g, key, n), cg_var_addr(cg, f->value_sym));
	if (cg->nloops == CG_MAX_LOOPS) {
		diag_error(&st->loc, "loops nested more than %d deep", CG_MAX_LOOPS);
		return;
	}
	cg->loops[cg->nloops++] = (struct cg_loop){ out, step };
	body(cg, st);
	cg->nloops--;
	LLVMBuildBr(cg->b, step);
	LLVMPositionBuilderAtEnd(cg->b, step);
	LLVMBuildStore(cg->b, LLVMBuildAdd(cg->b, LLVMBuildLoad2(cg->b, cg->i64, i, ""),
					   cg_const(cg, 1), ""), i);
	LLVMBuildBr(cg->b, head);
	LLVMPositionBuilderAtEnd(cg->b, out);
}

/* A BPF program cannot draw a histogram into a string: printed, the
 * string is the runtime's to make (OUT_HIST, output.c); otherwise it
 * cannot be had. */
LLVMValueRef cg_sprint_hist(struct cg *cg, struct expr *hist, const struct loc *at)
{
	LLVMValueRef dst = cg_string_slot(cg, true);
	if (cg->t->is_bpf) {
		diag_error(at, "sprint of a histogram in a process probe can only be printed, as "
			   "an argument of print, println or printf: uscript draws the histogram "
			   "when it prints it, and a probe cannot keep the text; sprint works as "
			   "it is in begin, end and timer probes");
		return dst;
	}
	struct expr *t = hist->args;
	int g = t->sym->index;
	LLVMValueRef key = cg_array_key(cg, g, t->kind == EXPR_INDEX ? t->args : NULL);
	LLVMValueRef count = load_word(cg, cg->t->stat_merged(cg, g, key), STATW_COUNT);
	LLVMBasicBlockRef empty = cg_block(cg, "hist.empty"), have = cg_block(cg, "hist.have");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, count, cg_const(cg, 0), ""), empty,
			have);
	LLVMPositionBuilderAtEnd(cg->b, empty);
	cg_raise(cg, &hist->loc, "empty aggregate");
	LLVMBuildBr(cg->b, have);
	LLVMPositionBuilderAtEnd(cg->b, have);
	LLVMTypeRef params[5] = { cg->ptr, cg->i64, cg->ptr, cg->ptr, cg->i64 };
	LLVMValueRef args[5] = { cg->rt, cg_const(cg, g), key, dst,
				 cg_const(cg, cg->opts->maxstringlen) };
	cg_call_named(cg, HOSTABI_PREFIX "hist_text", cg->void_t, params, args, 5);
	return dst;
}
