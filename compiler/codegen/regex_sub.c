/* SPDX-License-Identifier: GPL-2.0-or-later */
/* regex_sub.c — matched(n), matched_str() and ngroups(): what the last
 * `=~` of the probe matched, and where its groups did.
 *
 * In a script that calls one of them, each `=~` whose automaton says yes
 * walks the string a second time to find where (check/regex.h: the Pike
 * machine over its tables), and keeps the result in the last-match area at
 * the start of the handler's scratch, where the probe's functions find it
 * too (codegen.c places every frame after it):
 *
 *   ok        0: no match since the probe began; 1: a match, tags known;
 *             2: a match of a pattern too large to have tables
 *   ngroups   the pattern's groups, the whole match counted
 *   tags      2 per group, start and end, -1 where it took no part
 *   str       the string matched, as it was then
 *
 * In BPF the walk is three bpf_loop callbacks, each checked once by the
 * verifier: one a byte of the string, one a thread of the current list,
 * one an entry of the states a thread goes on to; they keep their state in
 * the `=~`'s own part of scratch.  The host calls the same walk in C
 * (check/regex_sub.c), on the same tables. */
#include <string.h>

#include "cg.h"
#include "check/regex.h"
#include "check/resolve.h"
#include "hostabi.h"
#include "parse/arena.h"

#define LM_OK 0
#define LM_NGROUPS 8
#define LM_TAGS 16
#define LM_STR (LM_TAGS + 16 * 16)   /* room for 16 groups' tags: an index masked to 15 */

uint32_t cg_last_match_size(const struct cg *cg)
{
	if (!cg->res->uses_matched)
		return 0;
	return LM_STR + ((cg->opts->maxstringlen + 7) & ~7u);
}

static LLVMValueRef k(struct cg *cg, int64_t v)
{
	return cg_const(cg, v);
}

static LLVMValueRef last_match(struct cg *cg)
{
	return cg_field(cg, cg_scratch_base(cg), 0);
}

void cg_regex_forget(struct cg *cg)
{
	if (cg->res->uses_matched)
		cg_store_at(cg, last_match(cg), LM_OK, k(cg, 0), cg->i64);
}

static uint32_t pow2(uint32_t n)
{
	uint32_t p = 1;
	while (p < n)
		p *= 2;
	return p;
}

/* ---- the walk in BPF ---- */

enum { V_POS, V_C, V_CTXN, V_CUR, V_MATCHED, V_PARENT, V_DST, V_TAGPOS, V_EOFF, V_ECNT,
       V_WORDS };

struct sw {
	struct regex_sub rs;
	uint32_t nt, ntags, entp, fp;     /* states and entries, padded */
	uint32_t ts, lsize;                /* a thread's bytes, a list's */
	uint32_t off, in, v, seen, best, lists, size;
	int64_t mask;                      /* of an index into in */
	LLVMValueRef bits, final, first, count, ent;
	LLVMValueRef fn_entry, fn_thread, fn_step;
};

static LLVMValueRef ld(struct cg *cg, LLVMTypeRef ty, LLVMValueRef p)
{
	return LLVMBuildLoad2(cg->b, ty, p, "");
}

static LLVMValueRef ld64(struct cg *cg, LLVMValueRef base, uint32_t off)
{
	return ld(cg, cg->i64, cg_field(cg, base, off));
}

static LLVMValueRef var(struct cg *cg, const struct sw *w, LLVMValueRef st, int v)
{
	return ld64(cg, st, w->v + 8 * (uint32_t)v);
}

static void set_var(struct cg *cg, const struct sw *w, LLVMValueRef st, int v, LLVMValueRef x)
{
	cg_store_at(cg, st, w->v + 8 * (uint32_t)v, x, cg->i64);
}

/* An element of a constant table, its index masked to the table. */
static LLVMValueRef table(struct cg *cg, LLVMValueRef t, LLVMValueRef i, uint32_t n,
			  LLVMTypeRef ty, unsigned size)
{
	LLVMBuilderRef b = cg->b;
	i = LLVMBuildAnd(b, cg_opaque(cg, i), k(cg, n - 1), "");
	LLVMValueRef p = cg_gep(cg, t, LLVMBuildMul(b, i, k(cg, size), ""));
	return LLVMBuildZExt(b, ld(cg, ty, p), cg->i64, "");
}

static LLVMValueRef list_at(struct cg *cg, const struct sw *w, LLVMValueRef st, LLVMValueRef which)
{
	LLVMValueRef o = LLVMBuildMul(cg->b, LLVMBuildAnd(cg->b, which, k(cg, 1), ""),
				      k(cg, w->lsize), "");
	return cg_gep(cg, cg_field(cg, st, w->lists), o);
}

/* Thread i of a list; index nt is the thread of no tags (all -1), which
 * new threads at a start have for parent. */
static LLVMValueRef thread_at(struct cg *cg, const struct sw *w, LLVMValueRef list, LLVMValueRef i)
{
	LLVMValueRef o = LLVMBuildMul(cg->b, LLVMBuildAnd(cg->b, cg_opaque(cg, i),
							  k(cg, 2 * w->nt - 1), ""),
				      k(cg, w->ts), "");
	return cg_gep(cg, cg_field(cg, list, 8), o);
}

static LLVMValueRef tag(struct cg *cg, LLVMValueRef t, uint32_t j)
{
	return LLVMBuildSExt(cg->b, ld(cg, LLVMInt16TypeInContext(cg->ctx), cg_field(cg, t, 2 + 2 * j)),
			     cg->i64, "");
}

static void set_tag(struct cg *cg, LLVMValueRef t, uint32_t j, LLVMValueRef v)
{
	cg_store_at(cg, t, 2 + 2 * j, LLVMBuildTrunc(cg->b, v, LLVMInt16TypeInContext(cg->ctx), ""),
		    LLVMInt16TypeInContext(cg->ctx));
}

/* The start of a callback: its part of scratch, or a return of 1 where
 * there is none. */
static LLVMValueRef callback_state(struct cg *cg, const struct sw *w)
{
	LLVMBasicBlockRef stop = cg_block(cg, "stop"), go = cg_block(cg, "go");
	LLVMValueRef area = cg_loop_scratch(cg);
	LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, area, ""), stop, go);
	LLVMPositionBuilderAtEnd(cg->b, stop);
	LLVMBuildRet(cg->b, k(cg, 1));
	LLVMPositionBuilderAtEnd(cg->b, go);
	return cg_field(cg, area, w->off);
}

/* `if (cond) return r;` */
static void return_if(struct cg *cg, LLVMValueRef cond, int64_t r)
{
	LLVMBasicBlockRef out = cg_block(cg, "ret"), on = cg_block(cg, "on");
	LLVMBuildCondBr(cg->b, cond, out, on);
	LLVMPositionBuilderAtEnd(cg->b, out);
	LLVMBuildRet(cg->b, k(cg, r));
	LLVMPositionBuilderAtEnd(cg->b, on);
}

/* Runs fn over V_ECNT entries from V_EOFF; ctx carries the scratch. */
static void run_entries(struct cg *cg, const struct sw *w, LLVMValueRef st, LLVMValueRef area)
{
	LLVMValueRef slot = cg_alloca(cg, cg->ptr, "rx.ctx");
	LLVMBuildStore(cg->b, area, slot);
	LLVMValueRef n = LLVMBuildTrunc(cg->b, var(cg, w, st, V_ECNT), cg->i32, "");
	cg_bpf_loop_n(cg, n, w->fn_entry, slot);
}

/* The entries of src (an i64) in context ctx: V_EOFF and V_ECNT. */
static void entries_of(struct cg *cg, const struct sw *w, LLVMValueRef st, LLVMValueRef src,
		       LLVMValueRef ctx)
{
	LLVMValueRef i = LLVMBuildAdd(cg->b, LLVMBuildMul(cg->b, src, k(cg, 4), ""), ctx, "");
	set_var(cg, w, st, V_EOFF, table(cg, w->first, i, w->fp, cg->i32, 4));
	set_var(cg, w, st, V_ECNT, table(cg, w->count, i, w->fp, cg->i32, 4));
}

static void make_entry(struct cg *cg, struct sw *w)
{
	static const char *const names[] = { "index", "ctx" };
	struct cg_saved saved;
	LLVMBuilderRef b;
	w->fn_entry = cg_callback_begin(cg, "regex_sub_entry", names, 2, &saved);
	b = cg->b;
	LLVMValueRef st = callback_state(cg, w);
	LLVMValueRef j = LLVMBuildAnd(b, LLVMBuildPtrToInt(b, LLVMGetParam(cg->fn, 0), cg->i64, ""), k(cg, 0xffffffff), "");
	LLVMValueRef e = table(cg, w->ent, LLVMBuildAdd(b, var(cg, w, st, V_EOFF), j, ""), w->entp,
			       cg->i32, 4);
	LLVMValueRef s = LLVMBuildAnd(b, LLVMBuildLShr(b, e, k(cg, 24), ""), k(cg, w->nt - 1), "");
	LLVMValueRef tagpos = var(cg, w, st, V_TAGPOS);
	LLVMTypeRef i16 = LLVMInt16TypeInContext(cg->ctx);
	LLVMValueRef seen = cg_gep(cg, cg_field(cg, st, w->seen), LLVMBuildMul(b, s, k(cg, 2), ""));
	LLVMValueRef mark = LLVMBuildAdd(b, tagpos, k(cg, 1), "");
	return_if(cg, LLVMBuildICmp(b, LLVMIntEQ, LLVMBuildZExt(b, ld(cg, i16, seen), cg->i64, ""),
				    mark, ""), 0);
	LLVMBuildStore(b, LLVMBuildTrunc(b, mark, i16, ""), seen);
	LLVMValueRef dst = var(cg, w, st, V_DST);
	LLVMValueRef list = list_at(cg, w, st, dst);
	LLVMValueRef n = ld64(cg, list, 0);
	cg_store_at(cg, list, 0, LLVMBuildAdd(b, n, k(cg, 1), ""), cg->i64);
	LLVMValueRef t = thread_at(cg, w, list, n);
	LLVMBuildStore(b, LLVMBuildTrunc(b, s, i16, ""), t);
	LLVMValueRef pt = thread_at(cg, w, list_at(cg, w, st, LLVMBuildXor(b, dst, k(cg, 1), "")),
				    var(cg, w, st, V_PARENT));
	/* without branches, which the verifier would follow each way:
	 * m is all ones where the entry sets the tag */
	for (uint32_t x = 0; x < w->ntags; x++) {
		LLVMValueRef m = LLVMBuildNeg(b, LLVMBuildAnd(b, LLVMBuildLShr(b, e, k(cg, x), ""),
							     k(cg, 1), ""), "");
		set_tag(cg, t, x, LLVMBuildOr(b, LLVMBuildAnd(b, tagpos, m, ""),
					      LLVMBuildAnd(b, tag(cg, pt, x), LLVMBuildNot(b, m, ""),
							   ""), ""));
	}
	LLVMBuildRet(b, k(cg, 0));
	cg_callback_end(cg, &saved);
}

static void make_thread(struct cg *cg, struct sw *w)
{
	static const char *const names[] = { "index", "ctx" };
	struct cg_saved saved;
	w->fn_thread = cg_callback_begin(cg, "regex_sub_thread", names, 2, &saved);
	LLVMBuilderRef b = cg->b;
	LLVMValueRef st = callback_state(cg, w);
	LLVMValueRef area = cg_loop_scratch(cg);
	LLVMValueRef i = LLVMBuildAnd(b, LLVMBuildPtrToInt(b, LLVMGetParam(cg->fn, 0), cg->i64, ""), k(cg, 0xffffffff), "");
	LLVMValueRef cur = var(cg, w, st, V_CUR);
	LLVMValueRef cl = list_at(cg, w, st, cur);
	return_if(cg, LLVMBuildICmp(b, LLVMIntUGE, i, ld64(cg, cl, 0), ""), 1);
	LLVMValueRef t = thread_at(cg, w, cl, i);
	LLVMValueRef s = LLVMBuildAnd(b, LLVMBuildZExt(b, ld(cg, LLVMInt16TypeInContext(cg->ctx), t),
						       cg->i64, ""), k(cg, w->nt - 1), "");
	LLVMValueRef start = tag(cg, t, 0), end = tag(cg, t, 1);
	LLVMValueRef best = cg_field(cg, st, w->best);
	LLVMValueRef matched = LLVMBuildICmp(b, LLVMIntNE, var(cg, w, st, V_MATCHED), k(cg, 0), "");
	LLVMValueRef bstart = tag(cg, best, 0), bend = tag(cg, best, 1);
	/* a thread that started after the match found cannot be leftmost */
	return_if(cg, LLVMBuildAnd(b, matched, LLVMBuildICmp(b, LLVMIntSGT, start, bstart, ""), ""),
		  0);
	LLVMBasicBlockRef fin = cg_block(cg, "final"), step = cg_block(cg, "step");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, table(cg, w->final, s, w->nt, cg->i8, 1),
					 k(cg, 0), ""), fin, step);
	LLVMPositionBuilderAtEnd(b, fin);
	/* leftmost, then longest */
	LLVMValueRef better = LLVMBuildOr(b, LLVMBuildNot(b, matched, ""),
		LLVMBuildOr(b, LLVMBuildICmp(b, LLVMIntSLT, start, bstart, ""),
			LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntEQ, start, bstart, ""),
				     LLVMBuildICmp(b, LLVMIntSGT, end, bend, ""), ""), ""), "");
	LLVMBasicBlockRef keep = cg_block(cg, "keep"), done = cg_block(cg, "done");
	LLVMBuildCondBr(b, better, keep, done);
	LLVMPositionBuilderAtEnd(b, keep);
	for (uint32_t x = 0; x < w->ntags; x++)
		set_tag(cg, best, x, tag(cg, t, x));
	set_var(cg, w, st, V_MATCHED, k(cg, 1));
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
	LLVMBuildRet(b, k(cg, 0));

	LLVMPositionBuilderAtEnd(b, step);
	LLVMValueRef c = var(cg, w, st, V_C);
	return_if(cg, LLVMBuildICmp(b, LLVMIntEQ, c, k(cg, 0), ""), 0);
	LLVMValueRef byte = table(cg, w->bits, LLVMBuildAdd(b, LLVMBuildMul(b, s, k(cg, 32), ""),
							     LLVMBuildLShr(b, c, k(cg, 3), ""), ""),
				  w->nt * 32, cg->i8, 1);
	LLVMValueRef bit = LLVMBuildAnd(b, LLVMBuildLShr(b, byte, LLVMBuildAnd(b, c, k(cg, 7), ""), ""),
					k(cg, 1), "");
	return_if(cg, LLVMBuildICmp(b, LLVMIntEQ, bit, k(cg, 0), ""), 0);
	set_var(cg, w, st, V_PARENT, i);
	set_var(cg, w, st, V_DST, LLVMBuildXor(b, cur, k(cg, 1), ""));
	set_var(cg, w, st, V_TAGPOS, LLVMBuildAdd(b, var(cg, w, st, V_POS), k(cg, 1), ""));
	entries_of(cg, w, st, LLVMBuildAdd(b, s, k(cg, 1), ""), var(cg, w, st, V_CTXN));
	run_entries(cg, w, st, area);
	LLVMBuildRet(b, k(cg, 0));
	cg_callback_end(cg, &saved);
}

static LLVMValueRef byte_in(struct cg *cg, const struct sw *w, LLVMValueRef st, LLVMValueRef i)
{
	i = LLVMBuildAnd(cg->b, cg_opaque(cg, i), k(cg, w->mask), "");
	return LLVMBuildZExt(cg->b, ld(cg, cg->i8, cg_gep(cg, cg_field(cg, st, w->in), i)), cg->i64, "");
}

static void make_step(struct cg *cg, struct sw *w)
{
	static const char *const names[] = { "index", "ctx" };
	struct cg_saved saved;
	w->fn_step = cg_callback_begin(cg, "regex_sub_step", names, 2, &saved);
	LLVMBuilderRef b = cg->b;
	LLVMValueRef st = callback_state(cg, w);
	LLVMValueRef area = cg_loop_scratch(cg);
	LLVMValueRef p = LLVMBuildAnd(b, LLVMBuildPtrToInt(b, LLVMGetParam(cg->fn, 0), cg->i64, ""), k(cg, 0xffffffff), "");
	LLVMValueRef c = byte_in(cg, w, st, p);
	LLVMValueRef c1 = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ, c, k(cg, 0), ""), k(cg, 0),
					  byte_in(cg, w, st, LLVMBuildAdd(b, p, k(cg, 1), "")), "");
	LLVMValueRef ctxn = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ, c1, k(cg, 0), ""),
					    k(cg, 2), k(cg, 0), "");
	set_var(cg, w, st, V_POS, p);
	set_var(cg, w, st, V_C, c);
	set_var(cg, w, st, V_CTXN, ctxn);
	LLVMValueRef cur = var(cg, w, st, V_CUR);
	LLVMValueRef nl = list_at(cg, w, st, LLVMBuildXor(b, cur, k(cg, 1), ""));
	cg_store_at(cg, nl, 0, k(cg, 0), cg->i64);
	LLVMValueRef slot = cg_alloca(cg, cg->ptr, "rx.ctx");
	LLVMBuildStore(b, area, slot);
	cg_bpf_loop_ctx(cg, w->rs.nstates, w->fn_thread, slot);
	/* no match yet: a thread starting at the next byte, last in priority */
	LLVMValueRef seed = LLVMBuildAnd(b,
		LLVMBuildICmp(b, LLVMIntEQ, var(cg, w, st, V_MATCHED), k(cg, 0), ""),
		LLVMBuildICmp(b, LLVMIntNE, c, k(cg, 0), ""), "");
	LLVMBasicBlockRef yes = cg_block(cg, "seed"), on = cg_block(cg, "seeded");
	LLVMBuildCondBr(b, seed, yes, on);
	LLVMPositionBuilderAtEnd(b, yes);
	set_var(cg, w, st, V_PARENT, k(cg, w->nt));
	set_var(cg, w, st, V_DST, LLVMBuildXor(b, cur, k(cg, 1), ""));
	set_var(cg, w, st, V_TAGPOS, LLVMBuildAdd(b, p, k(cg, 1), ""));
	entries_of(cg, w, st, k(cg, 0), ctxn);
	run_entries(cg, w, st, area);
	LLVMBuildBr(b, on);
	LLVMPositionBuilderAtEnd(b, on);
	set_var(cg, w, st, V_CUR, LLVMBuildXor(b, cur, k(cg, 1), ""));
	LLVMValueRef over = LLVMBuildOr(b, LLVMBuildICmp(b, LLVMIntEQ, c, k(cg, 0), ""),
		LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntNE, var(cg, w, st, V_MATCHED), k(cg, 0), ""),
			     LLVMBuildICmp(b, LLVMIntEQ, ld64(cg, nl, 0), k(cg, 0), ""), ""), "");
	LLVMBuildRet(b, LLVMBuildZExt(b, over, cg->i64, ""));
	cg_callback_end(cg, &saved);
}

/* The tables as constants, each padded to a power of two that masks its
 * index. */
static LLVMValueRef padded(struct cg *cg, const void *src, uint32_t bytes, uint32_t size)
{
	char *d = arena_alloc(cg->arena, size);
	memset(d, 0, size);
	memcpy(d, src, bytes);
	return cg_const_bytes(cg, d, size);
}

/* The walk over the string at s (copied into the walk's area); whether it
 * matched, with the tags in the last-match area. */
static LLVMValueRef walk_bpf(struct cg *cg, const struct regex *re, LLVMValueRef s, LLVMValueRef lm)
{
	LLVMBuilderRef b = cg->b;
	struct sw w;
	memset(&w, 0, sizeof(w));
	regex_sub_view(re->sub, &w.rs);
	w.nt = pow2(w.rs.nstates);
	w.ntags = w.rs.ntags;
	w.entp = pow2(w.rs.nent ? w.rs.nent : 1);
	w.fp = pow2(4 * (w.rs.nstates + 1));
	w.ts = (2 + 2 * w.ntags + 7) & ~7u;
	w.lsize = 8 + 2 * w.nt * w.ts;
	uint32_t cap = cg->opts->maxstringlen, span = 1;
	while (span <= cap)
		span *= 2;
	w.mask = span - 1;
	w.in = 0;
	w.v = span + 8;
	w.seen = w.v + 8 * V_WORDS;
	w.best = w.seen + ((2 * w.nt + 7) & ~7u);
	w.lists = w.best + ((2 + 2 * w.ntags + 7) & ~7u);
	w.size = w.lists + 2 * w.lsize;
	w.off = cg_scratch_reserve(cg, w.size, true);
	w.bits = padded(cg, w.rs.bits, 32 * w.rs.nstates, 32 * w.nt);
	w.final = padded(cg, w.rs.final, w.rs.nstates, w.nt);
	w.first = padded(cg, w.rs.first, 16 * (w.rs.nstates + 1), 4 * w.fp);
	w.count = padded(cg, w.rs.count, 16 * (w.rs.nstates + 1), 4 * w.fp);
	w.ent = padded(cg, w.rs.ent, 4 * w.rs.nent, 4 * w.entp);
	make_entry(cg, &w);
	make_thread(cg, &w);
	make_step(cg, &w);

	LLVMValueRef area = cg_scratch_base(cg);
	LLVMValueRef st = cg_field(cg, area, w.off);
	cg->t->str_copy(cg, cg_field(cg, st, w.in), s, k(cg, cap));
	cg->t->zero(cg, cg_field(cg, st, w.seen), 2 * w.nt);
	set_var(cg, &w, st, V_MATCHED, k(cg, 0));
	set_var(cg, &w, st, V_CUR, k(cg, 0));
	cg_store_at(cg, list_at(cg, &w, st, k(cg, 0)), 0, k(cg, 0), cg->i64);
	for (int l = 0; l < 2; l++) {
		LLVMValueRef none = thread_at(cg, &w, list_at(cg, &w, st, k(cg, l)), k(cg, w.nt));
		for (uint32_t x = 0; x < w.ntags; x++)
			set_tag(cg, none, x, k(cg, -1));
	}
	/* the first threads, at the start of the string */
	LLVMValueRef c0 = byte_in(cg, &w, st, k(cg, 0));
	LLVMValueRef ctx0 = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ, c0, k(cg, 0), ""),
					    k(cg, 3), k(cg, 1), "");
	set_var(cg, &w, st, V_PARENT, k(cg, w.nt));
	set_var(cg, &w, st, V_DST, k(cg, 0));
	set_var(cg, &w, st, V_TAGPOS, k(cg, 0));
	entries_of(cg, &w, st, k(cg, 0), ctx0);
	run_entries(cg, &w, st, area);
	LLVMValueRef slot = cg_alloca(cg, cg->ptr, "rx.ctx");
	LLVMBuildStore(b, area, slot);
	cg_bpf_loop_ctx(cg, cap + 1, w.fn_step, slot);
	LLVMValueRef best = cg_field(cg, st, w.best);
	for (uint32_t x = 0; x < w.ntags; x++)
		cg_store_at(cg, lm, LM_TAGS + 8 * x, tag(cg, best, x), cg->i64);
	return LLVMBuildICmp(b, LLVMIntNE, var(cg, &w, st, V_MATCHED), k(cg, 0), "");
}

void cg_regex_record(struct cg *cg, const struct regex *re, LLVMValueRef s, LLVMValueRef hit)
{
	if (!cg->res->uses_matched)
		return;
	LLVMBuilderRef b = cg->b;
	LLVMValueRef lm = last_match(cg);
	LLVMBasicBlockRef yes = cg_block(cg, "match.where"), no = cg_block(cg, "match.none");
	LLVMBasicBlockRef done = cg_block(cg, "match.kept");
	LLVMBuildCondBr(b, hit, yes, no);
	LLVMPositionBuilderAtEnd(b, no);
	cg_store_at(cg, lm, LM_OK, k(cg, 0), cg->i64);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, yes);
	if (!re->sub) {
		cg_store_at(cg, lm, LM_OK, k(cg, 2), cg->i64);
	} else {
		struct regex_sub rs;
		regex_sub_view(re->sub, &rs);
		cg->t->str_copy(cg, cg_field(cg, lm, LM_STR), s, k(cg, cg->opts->maxstringlen));
		LLVMValueRef found;
		if (cg->t->is_bpf) {
			found = walk_bpf(cg, re, cg_field(cg, lm, LM_STR), lm);
		} else {
			LLVMTypeRef params[3] = { cg->ptr, cg->ptr, cg->ptr };
			LLVMValueRef args[3] = { cg_const_bytes(cg, re->sub, re->sub_size),
						 cg_field(cg, lm, LM_STR), cg_field(cg, lm, LM_TAGS) };
			found = LLVMBuildICmp(b, LLVMIntNE,
					      cg_call_named(cg, HOSTABI_PREFIX "regex_sub", cg->i64,
							    params, args, 3), k(cg, 0), "");
		}
		cg_store_at(cg, lm, LM_OK, LLVMBuildZExt(b, found, cg->i64, ""), cg->i64);
		cg_store_at(cg, lm, LM_NGROUPS, k(cg, rs.ngroups), cg->i64);
	}
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
}

/* ---- matched(n), matched_str(), ngroups() ---- */

static void check_ok(struct cg *cg, struct expr *call, LLVMValueRef lm)
{
	LLVMValueRef ok = ld64(cg, lm, LM_OK);
	LLVMBasicBlockRef none = cg_block(cg, "matched.none"), big = cg_block(cg, "matched.big");
	LLVMBasicBlockRef some = cg_block(cg, "matched.some"), go = cg_block(cg, "matched.ok");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, ok, k(cg, 0), ""), none, some);
	LLVMPositionBuilderAtEnd(cg->b, none);
	cg_raise(cg, &call->loc, arena_printf(cg->arena, "%s(): the last =~ in this probe did "
					      "not match, or none has run", call->name));
	LLVMBuildBr(cg->b, go);
	LLVMPositionBuilderAtEnd(cg->b, some);
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, ok, k(cg, 2), ""), big, go);
	LLVMPositionBuilderAtEnd(cg->b, big);
	cg_raise(cg, &call->loc, arena_printf(cg->arena, "%s(): the pattern the last =~ matched "
					      "is too large to tell where (more than %d "
					      "positions or %d groups)", call->name,
					      REGEX_SUB_MAX_STATES, REGEX_SUB_MAX_GROUPS - 1));
	LLVMBuildBr(cg->b, go);
	LLVMPositionBuilderAtEnd(cg->b, go);
}

LLVMValueRef cg_matched(struct cg *cg, struct expr *call)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef lm = last_match(cg);
	LLVMValueRef n = call->args ? cg_expr(cg, call->args) : k(cg, 0);
	check_ok(cg, call, lm);
	LLVMValueRef groups = ld64(cg, lm, LM_NGROUPS);
	if (strcmp(call->name, "ngroups") == 0)
		return groups;
	LLVMBasicBlockRef bad = cg_block(cg, "matched.bad"), ok = cg_block(cg, "matched.in");
	LLVMBuildCondBr(b, LLVMBuildOr(b, LLVMBuildICmp(b, LLVMIntSLT, n, k(cg, 0), ""),
				       LLVMBuildICmp(b, LLVMIntSGE, n, groups, ""), ""), bad, ok);
	LLVMPositionBuilderAtEnd(b, bad);
	LLVMValueRef longs[2] = { n, LLVMBuildSub(b, groups, k(cg, 1), "") };
	cg_raise_fmt(cg, &call->loc, "matched(%d): no such group: the pattern the last =~ "
		     "matched has %d", longs, 2);
	LLVMBuildBr(b, ok);
	LLVMPositionBuilderAtEnd(b, ok);
	LLVMValueRef at = LLVMBuildShl(b, LLVMBuildAnd(b, cg_opaque(cg, n), k(cg, 15), ""),
				       k(cg, 4), "");
	LLVMValueRef tags = cg_gep(cg, cg_field(cg, lm, LM_TAGS), at);
	LLVMValueRef from = ld(cg, cg->i64, tags), to = ld(cg, cg->i64, cg_field(cg, tags, 8));
	LLVMValueRef dst = cg_string_slot(cg, true);
	LLVMBuildStore(b, LLVMConstInt(cg->i8, 0, 0), dst);
	uint32_t max = cg->opts->maxstringlen;
	LLVMValueRef took = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntSGE, from, k(cg, 0), ""),
		LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntSLT, from, k(cg, max), ""),
			     LLVMBuildICmp(b, LLVMIntSGT, to, from, ""), ""), "");
	LLVMBasicBlockRef copy = cg_block(cg, "matched.copy"), done = cg_block(cg, "matched.done");
	LLVMBuildCondBr(b, took, copy, done);
	LLVMPositionBuilderAtEnd(b, copy);
	LLVMValueRef size = LLVMBuildAdd(b, LLVMBuildSub(b, to, from, ""), k(cg, 1), "");
	size = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntUGT, size, k(cg, max), ""), k(cg, max),
			       size, "");
	from = LLVMBuildAnd(b, cg_opaque(cg, from), k(cg, pow2(max) - 1), "");
	cg->t->str_copy(cg, dst, cg_gep(cg, cg_field(cg, lm, LM_STR), from), size);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
	return dst;
}
