/* SPDX-License-Identifier: GPL-2.0-or-later */
/* array.c — global arrays: elements, `in`, delete and foreach, built on
 * the target's map operations (cg.h), so both targets share the semantics:
 * a missing element reads as 0 or "", writing creates it, a full array is
 * the runtime error SystemTap reports. */
#include <errno.h>
#include <linux/bpf.h>
#include <string.h>

#include "parse/arena.h"
#include "cg.h"
#include "parse/diag.h"

static const struct global_var *gvar(struct cg *cg, int g)
{
	return &cg->prog->globals[g];
}

LLVMValueRef cg_array_key(struct cg *cg, int g, struct expr *keys)
{
	const struct global_var *gv = gvar(cg, g);
	if (gv->nkeys == 0) {
		/* A scalar statistic: element 0 of a one-element array. */
		LLVMValueRef k = cg_scratch(cg, 8, true);
		cg_store_at(cg, k, 0, LLVMConstInt(cg->i32, 0, 0), cg->i32);
		return k;
	}
	/* The keys first: they may use temporaries of their own. */
	LLVMValueRef vals[MAX_KEYS];
	int n = 0;
	bool strings = false;
	for (struct expr *k = keys; k && n < MAX_KEYS; k = k->next, n++) {
		vals[n] = cg_expr(cg, k);
		strings |= gv->key_types[n] == TYPE_STRING;
	}
	LLVMValueRef key = cg_scratch(cg, gv->key_size, true);
	/* Every byte after a string's NUL is part of the key: zero. */
	if (strings)
		cg->t->zero(cg, key, gv->key_size);
	for (int i = 0; i < n; i++) {
		if (gv->key_types[i] == TYPE_STRING)
			cg->t->str_copy(cg, cg_field(cg, key, gv->key_offsets[i]), vals[i],
					cg_const(cg, cg->opts->maxstringlen));
		else
			cg_store_at(cg, key, gv->key_offsets[i], vals[i], cg->i64);
	}
	return key;
}

void cg_check_overflow(struct cg *cg, LLVMValueRef rc, const struct loc *loc, int g)
{
	const struct global_var *gv = gvar(cg, g);
	LLVMBasicBlockRef full = cg_block(cg, "array.full"), ok = cg_block(cg, "array.ok");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_const(cg, 0), ""), full, ok);
	LLVMPositionBuilderAtEnd(cg->b, full);
	/* SystemTap's words: the declared size, if the array has one. */
	const struct sym *s = cg->res->globals[g];
	const char *msg = s->max_entries > 0 ?
		arena_printf(cg->arena, "Array overflow, check size limit (%u)", gv->max_entries) :
		"Array overflow, check MAXMAPENTRIES";
	cg_raise(cg, loc, msg);
	LLVMBuildBr(cg->b, ok);
	LLVMPositionBuilderAtEnd(cg->b, ok);
}

/* The next creation number of g: one atomic add on its counter, shared by
 * every CPU and by the host through the mapped globals. */
LLVMValueRef cg_array_next_seq(struct cg *cg, int g)
{
	LLVMValueRef counter = cg_field(cg, cg->globals, gvar(cg, g)->seq_counter);
	return LLVMBuildAtomicRMW(cg->b, LLVMAtomicRMWBinOpAdd, counter, cg_const(cg, 1),
				  LLVMAtomicOrderingMonotonic, 0);
}

static void store_value(struct cg *cg, const struct global_var *gv, LLVMValueRef elem,
			LLVMValueRef v)
{
	LLVMValueRef dst = cg_field(cg, elem, gv->value_offset);
	if (gv->type == TYPE_STRING)
		cg_string_store(cg, dst, v);
	else
		LLVMBuildStore(cg->b, v, dst);
}

LLVMValueRef cg_array_read(struct cg *cg, struct expr *e)
{
	int g = e->sym->index;
	const struct global_var *gv = gvar(cg, g);
	LLVMValueRef p = cg->t->map_lookup(cg, g, cg_array_key(cg, g, e->args));
	if (e->sym->type == TYPE_STRING) {
		LLVMValueRef empty = cg_string_literal(cg, "", 0);
		return LLVMBuildSelect(cg->b, LLVMBuildIsNull(cg->b, p, ""), empty,
				       cg_field(cg, p, gv->value_offset), "");
	}
	LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
	LLVMBasicBlockRef have = cg_block(cg, "elem.have"), done = cg_block(cg, "elem.done");
	LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, p, ""), done, have);
	LLVMPositionBuilderAtEnd(cg->b, have);
	LLVMValueRef v = LLVMBuildLoad2(cg->b, cg->i64, cg_field(cg, p, gv->value_offset), "");
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->i64, "");
	LLVMValueRef vals[2] = { cg_const(cg, 0), v };
	LLVMBasicBlockRef blocks[2] = { from, have };
	LLVMAddIncoming(phi, vals, blocks, 2);
	return phi;
}

/* Storing into an element keeps its creation number; making one takes the
 * next.  In BPF an existing element is written in place; a new one is
 * inserted only if still missing, since another CPU may make it meanwhile. */
void cg_array_write(struct cg *cg, struct expr *e, LLVMValueRef v)
{
	int g = e->sym->index;
	const struct global_var *gv = gvar(cg, g);
	LLVMValueRef key = cg_array_key(cg, g, e->args);
	LLVMValueRef p = cg->t->map_lookup(cg, g, key);
	LLVMBasicBlockRef have = cg_block(cg, "write.have"), make = cg_block(cg, "write.make"),
		done = cg_block(cg, "write.done");
	LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, p, ""), make, have);

	LLVMPositionBuilderAtEnd(cg->b, have);
	if (cg->t->in_place) {
		store_value(cg, gv, p, v);
	} else {
		store_value(cg, gv, p, v);
		cg_check_overflow(cg, cg->t->map_update(cg, g, key, p, BPF_ANY), &e->loc, g);
	}
	LLVMBuildBr(cg->b, done);

	LLVMPositionBuilderAtEnd(cg->b, make);
	LLVMValueRef buf = cg_scratch(cg, gv->value_size, true);
	cg_store_at(cg, buf, 0, cg_array_next_seq(cg, g), cg->i64);
	store_value(cg, gv, buf, v);
	LLVMValueRef rc = cg->t->map_update(cg, g, key, buf, cg->t->in_place ? BPF_NOEXIST : BPF_ANY);
	if (cg->t->in_place) {
		/* Made by another CPU since the lookup: write into that one. */
		LLVMBasicBlockRef raced = cg_block(cg, "write.raced"), made = cg_block(cg, "write.made");
		LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, rc, cg_const(cg, -EEXIST), ""),
				raced, made);
		LLVMPositionBuilderAtEnd(cg->b, raced);
		LLVMValueRef q = cg->t->map_lookup(cg, g, key);
		LLVMBasicBlockRef now = cg_block(cg, "write.now");
		LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, q, ""), done, now);
		LLVMPositionBuilderAtEnd(cg->b, now);
		store_value(cg, gv, q, v);
		LLVMBuildBr(cg->b, done);
		LLVMPositionBuilderAtEnd(cg->b, made);
	}
	cg_check_overflow(cg, rc, &e->loc, g);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
}

/* a[k] += d and a[k]++: in BPF an atomic add on the element, created first
 * as 0 if missing, so concurrent probes lose no count; on the host, where
 * the value is a copy, a read and a write. */
LLVMValueRef cg_array_add(struct cg *cg, struct expr *e, LLVMValueRef delta)
{
	int g = e->sym->index;
	const struct global_var *gv = gvar(cg, g);
	LLVMValueRef key = cg_array_key(cg, g, e->args);
	if (!cg->t->in_place) {
		LLVMValueRef p = cg->t->map_lookup(cg, g, key);
		LLVMValueRef val = cg_scratch(cg, gv->value_size, true);
		LLVMBasicBlockRef have = cg_block(cg, "add.have"), make = cg_block(cg, "add.make"),
			go = cg_block(cg, "add.go");
		LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, p, ""), make, have);
		LLVMPositionBuilderAtEnd(cg->b, have);
		cg->t->copy(cg, val, p, gv->value_size);
		LLVMBuildBr(cg->b, go);
		LLVMPositionBuilderAtEnd(cg->b, make);
		cg_store_at(cg, val, 0, cg_array_next_seq(cg, g), cg->i64);
		cg_store_at(cg, val, gv->value_offset, cg_const(cg, 0), cg->i64);
		LLVMBuildBr(cg->b, go);
		LLVMPositionBuilderAtEnd(cg->b, go);
		LLVMValueRef slot = cg_field(cg, val, gv->value_offset);
		LLVMValueRef old = LLVMBuildLoad2(cg->b, cg->i64, slot, "");
		LLVMBuildStore(cg->b, LLVMBuildAdd(cg->b, old, delta, ""), slot);
		cg_check_overflow(cg, cg->t->map_update(cg, g, key, val, BPF_ANY), &e->loc, g);
		return old;
	}
	LLVMValueRef slot = cg_alloca(cg, cg->ptr, "elem");
	LLVMBuildStore(cg->b, cg->t->map_lookup(cg, g, key), slot);
	LLVMBasicBlockRef create = cg_block(cg, "add.create"), go = cg_block(cg, "add.go");
	LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, LLVMBuildLoad2(cg->b, cg->ptr, slot, ""), ""),
			create, go);
	LLVMPositionBuilderAtEnd(cg->b, create);
	/* Another CPU may create it first: NOEXIST then fails with EEXIST,
	 * harmlessly; only a full map leaves it missing. */
	LLVMValueRef fresh = cg_scratch(cg, gv->value_size, true);
	cg->t->zero(cg, fresh, gv->value_size);
	cg_store_at(cg, fresh, 0, cg_array_next_seq(cg, g), cg->i64);
	LLVMValueRef rc = cg->t->map_update(cg, g, key, fresh, BPF_NOEXIST);
	LLVMValueRef p = cg->t->map_lookup(cg, g, key);
	LLVMBuildStore(cg->b, p, slot);
	LLVMValueRef missing = LLVMBuildIsNull(cg->b, p, "");
	LLVMValueRef err = LLVMBuildSelect(cg->b, missing,
		LLVMBuildSelect(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_const(cg, 0), ""), rc,
				cg_const(cg, -E2BIG), ""),
		cg_const(cg, 0), "");
	cg_check_overflow(cg, err, &e->loc, g);
	LLVMBuildBr(cg->b, go);
	LLVMPositionBuilderAtEnd(cg->b, go);
	LLVMValueRef elem = cg_field(cg, LLVMBuildLoad2(cg->b, cg->ptr, slot, ""), gv->value_offset);
	return LLVMBuildAtomicRMW(cg->b, LLVMAtomicRMWBinOpAdd, elem, delta,
				  LLVMAtomicOrderingMonotonic, 0);
}

LLVMValueRef cg_array_in(struct cg *cg, struct expr *e)
{
	int g = e->sym->index;
	LLVMValueRef p = cg->t->map_lookup(cg, g, cg_array_key(cg, g, e->args));
	return LLVMBuildZExt(cg->b, LLVMBuildIsNotNull(cg->b, p, ""), cg->i64, "");
}

void cg_delete(struct cg *cg, struct stmt *st)
{
	struct expr *e = st->expr;
	struct sym *s = e->sym;
	if (!s)
		return;
	if (e->kind == EXPR_INDEX) {
		cg->t->map_delete(cg, s->index, cg_array_key(cg, s->index, e->args));
		return;
	}
	if (s->kind == SYM_GLOBAL && (s->is_array || s->type == TYPE_STAT)) {
		cg->t->map_clear(cg, s->index);
		return;
	}
	/* A scalar: back to its initial value. */
	LLVMValueRef addr = cg_var_addr(cg, s);
	if (s->type == TYPE_STRING)
		LLVMBuildStore(cg->b, LLVMConstInt(cg->i8, 0, 0), addr);
	else
		LLVMBuildStore(cg->b, cg_const(cg, 0), addr);
}

void cg_foreach_vars(struct cg *cg, struct foreach *f, LLVMValueRef key, LLVMValueRef value)
{
	const struct global_var *gv = gvar(cg, f->array_sym->index);
	for (int i = 0; i < f->nkeys && i < MAX_KEYS; i++) {
		struct sym *k = f->key_syms[i];
		if (!k)
			continue;
		LLVMValueRef field = cg_field(cg, key, gv->key_offsets[i]);
		if (k->type == TYPE_STRING)
			cg_string_store(cg, cg_var_addr(cg, k), field);
		else
			LLVMBuildStore(cg->b, LLVMBuildLoad2(cg->b, cg->i64, field, ""), cg_var_addr(cg, k));
	}
	if (f->value_sym) {
		LLVMValueRef val = cg_field(cg, value, gv->value_offset);
		if (f->value_sym->type == TYPE_STRING)
			cg_string_store(cg, cg_var_addr(cg, f->value_sym), val);
		else
			LLVMBuildStore(cg->b, LLVMBuildLoad2(cg->b, cg->i64, val, ""),
				       cg_var_addr(cg, f->value_sym));
	}
}

/* foreach, as a loop over the runtime's iterator: it has read the map and
 * sorted it, so the body may change the array freely.  BPF programs walk
 * the map in the kernel instead (foreach_bpf.c). */
void cg_foreach(struct cg *cg, struct stmt *st, void (*body)(struct cg *, struct stmt *))
{
	struct foreach *f = st->foreach;
	struct sym *a = f->array_sym;
	if (f->hist && cg->t->foreach_begin) {
		cg_foreach_hist(cg, st, body);
		return;
	}
	if (!cg->t->foreach_begin) {
		cg_foreach_bpf(cg, st, body);
		return;
	}
	int g = a->index;
	LLVMValueRef limit = f->limit ? cg_expr(cg, f->limit) : NULL;
	LLVMValueRef it = cg->t->foreach_begin(cg, g, f->sort_column, f->sort_dir,
					       f->has_aggr ? (int)f->sort_aggr : (int)STAT_COUNT, limit);
	LLVMValueRef keyp = cg_alloca(cg, cg->ptr, "keyp"), valp = cg_alloca(cg, cg->ptr, "valp");
	LLVMBasicBlockRef head = cg_block(cg, "foreach.head"), loop = cg_block(cg, "foreach.body"),
		out = cg_block(cg, "foreach.end");
	LLVMBuildBr(cg->b, head);
	LLVMPositionBuilderAtEnd(cg->b, head);
	LLVMValueRef more = cg->t->foreach_next(cg, it, keyp, valp);
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntNE, more, cg_const(cg, 0), ""), loop, out);
	LLVMPositionBuilderAtEnd(cg->b, loop);
	cg_foreach_vars(cg, f, LLVMBuildLoad2(cg->b, cg->ptr, keyp, ""),
			LLVMBuildLoad2(cg->b, cg->ptr, valp, ""));
	if (cg->nloops == CG_MAX_LOOPS) {
		diag_error(&st->loc, "loops nested more than %d deep", CG_MAX_LOOPS);
		return;
	}
	cg->loops[cg->nloops++] = (struct cg_loop){ out, head };
	body(cg, st);
	cg->nloops--;
	LLVMBuildBr(cg->b, head);
	LLVMPositionBuilderAtEnd(cg->b, out);
	cg->t->foreach_end(cg, it);
}
