/* SPDX-License-Identifier: GPL-2.0-or-later */
/* host.c — the host target: handlers that run in uscript's own process
 * (begin, end, error, timer), compiled by the JIT and calling back into the
 * runtime through hostabi.h.  They see the same globals area as the BPF
 * programs, mapped into the runtime's memory. */
#include <stddef.h>

#include "cg.h"
#include "hostabi.h"

static void host_module_begin(struct cg *cg)
{
	(void)cg;
}

static void host_module_end(struct cg *cg)
{
	(void)cg;
}

static void host_handler_begin(struct cg *cg, const struct probe *p, const char *name)
{
	(void)p;
	LLVMTypeRef params[4] = { cg->ptr, cg->ptr, cg->ptr, cg->i64 };
	cg->fn = LLVMAddFunction(cg->mod, name, LLVMFunctionType(cg->void_t, params, 4, 0));
	LLVMPositionBuilderAtEnd(cg->b, cg_block(cg, "entry"));
	cg->rt = LLVMGetParam(cg->fn, 0);
	cg->globals = LLVMGetParam(cg->fn, 1);
	cg->scratch = LLVMGetParam(cg->fn, 2);
	cg->cookie = LLVMGetParam(cg->fn, 3);
	cg->regs = NULL;
}

static void host_handler_return(struct cg *cg)
{
	LLVMBuildRetVoid(cg->b);
}

static LLVMValueRef host_rec_reserve(struct cg *cg, uint32_t size)
{
	LLVMTypeRef params[2] = { cg->ptr, cg->i32 };
	LLVMValueRef args[2] = { cg->rt, LLVMConstInt(cg->i32, size, 0) };
	return cg_call_named(cg, HOSTABI_PREFIX "rec_reserve", cg->ptr, params, args, 2);
}

static void host_rec_submit(struct cg *cg, LLVMValueRef rec)
{
	LLVMTypeRef params[2] = { cg->ptr, cg->ptr };
	LLVMValueRef args[2] = { cg->rt, rec };
	cg_call_named(cg, HOSTABI_PREFIX "rec_submit", cg->void_t, params, args, 2);
}

static void host_rec_lost(struct cg *cg)
{
	(void)cg;  /* host records are never lost */
}

static LLVMValueRef host_context(struct cg *cg, enum builtin_id id)
{
	LLVMTypeRef params[2] = { cg->ptr, cg->i64 };
	LLVMValueRef args[2] = { cg->rt, cg_const(cg, id) };
	return cg_call_named(cg, HOSTABI_PREFIX "context", cg->i64, params, args, 2);
}

static void host_execname(struct cg *cg, LLVMValueRef buf)
{
	LLVMTypeRef params[2] = { cg->ptr, cg->ptr };
	LLVMValueRef args[2] = { cg->rt, buf };
	cg_call_named(cg, HOSTABI_PREFIX "execname", cg->void_t, params, args, 2);
}

static LLVMValueRef host_clock_ns(struct cg *cg)
{
	return cg_call_named(cg, HOSTABI_PREFIX "clock_ns", cg->i64, NULL, NULL, 0);
}

static LLVMValueRef host_read_user(struct cg *cg, LLVMValueRef dst, uint32_t size,
				   LLVMValueRef addr)
{
	(void)dst, (void)size, (void)addr;
	return cg_const(cg, -14);  /* -EFAULT: uscript has no traced process */
}

static LLVMValueRef host_read_user_n(struct cg *cg, LLVMValueRef dst, LLVMValueRef size,
				     uint32_t max, LLVMValueRef addr)
{
	(void)dst, (void)size, (void)max, (void)addr;
	return cg_const(cg, -14);  /* -EFAULT: uscript has no traced process */
}

static LLVMValueRef host_read_user_str(struct cg *cg, LLVMValueRef dst, LLVMValueRef max,
				       LLVMValueRef addr)
{
	(void)dst, (void)max, (void)addr;
	return cg_const(cg, -14);  /* -EFAULT: uscript has no traced process */
}

static LLVMValueRef host_user_stack(struct cg *cg, LLVMValueRef dst, uint32_t size)
{
	(void)dst, (void)size;
	return cg_const(cg, 0);  /* uscript's own handlers: no traced thread */
}

static LLVMValueRef host_str_copy(struct cg *cg, LLVMValueRef dst, LLVMValueRef src,
				  LLVMValueRef max)
{
	LLVMTypeRef params[3] = { cg->ptr, cg->ptr, cg->i64 };
	LLVMValueRef args[3] = { dst, src, max };
	return cg_call_named(cg, HOSTABI_PREFIX "strcopy", cg->i64, params, args, 3);
}

/* ---- the maps, through the runtime ---- */

static LLVMValueRef host_map_lookup(struct cg *cg, int g, LLVMValueRef key)
{
	LLVMValueRef dst = cg_scratch(cg, cg->prog->globals[g].value_size, true);
	LLVMTypeRef params[4] = { cg->ptr, cg->i64, cg->ptr, cg->ptr };
	LLVMValueRef args[4] = { cg->rt, cg_const(cg, g), key, dst };
	LLVMValueRef found = cg_call_named(cg, HOSTABI_PREFIX "map_lookup", cg->i64, params, args, 4);
	LLVMValueRef yes = LLVMBuildICmp(cg->b, LLVMIntNE, found, cg_const(cg, 0), "");
	return LLVMBuildSelect(cg->b, yes, dst, LLVMConstNull(cg->ptr), "");
}

static LLVMValueRef host_map_update(struct cg *cg, int g, LLVMValueRef key, LLVMValueRef value,
				    uint64_t flags)
{
	LLVMTypeRef params[5] = { cg->ptr, cg->i64, cg->ptr, cg->ptr, cg->i64 };
	LLVMValueRef args[5] = { cg->rt, cg_const(cg, g), key, value, cg_const(cg, (int64_t)flags) };
	return cg_call_named(cg, HOSTABI_PREFIX "map_update", cg->i64, params, args, 5);
}

static void host_map_delete(struct cg *cg, int g, LLVMValueRef key)
{
	LLVMTypeRef params[3] = { cg->ptr, cg->i64, cg->ptr };
	LLVMValueRef args[3] = { cg->rt, cg_const(cg, g), key };
	cg_call_named(cg, HOSTABI_PREFIX "map_delete", cg->void_t, params, args, 3);
}

static void host_map_clear(struct cg *cg, int g)
{
	LLVMTypeRef params[2] = { cg->ptr, cg->i64 };
	LLVMValueRef args[2] = { cg->rt, cg_const(cg, g) };
	cg_call_named(cg, HOSTABI_PREFIX "map_clear", cg->void_t, params, args, 2);
}

static void host_zero(struct cg *cg, LLVMValueRef dst, uint32_t size)
{
	LLVMBuildMemSet(cg->b, dst, LLVMConstInt(cg->i8, 0, 0), LLVMConstInt(cg->i64, size, 0), 8);
}

static void host_copy(struct cg *cg, LLVMValueRef dst, LLVMValueRef src, uint32_t size)
{
	LLVMBuildMemCpy(cg->b, dst, 1, src, 1, LLVMConstInt(cg->i64, size, 0));
}

static void host_copy_n(struct cg *cg, LLVMValueRef dst, LLVMValueRef src, LLVMValueRef size)
{
	LLVMBuildMemCpy(cg->b, dst, 1, src, 1, size);
}

static LLVMValueRef host_stat_bucket(struct cg *cg, int g, LLVMValueRef key, LLVMValueRef i)
{
	LLVMTypeRef params[4] = { cg->ptr, cg->i64, cg->ptr, cg->i64 };
	LLVMValueRef args[4] = { cg->rt, cg_const(cg, g), key, i };
	return cg_call_named(cg, HOSTABI_PREFIX "stat_bucket", cg->i64, params, args, 4);
}

/* The runtime merges the variance with the rest (stats_merge). */
static LLVMValueRef host_stat_variance(struct cg *cg, int g, LLVMValueRef key, LLVMValueRef merged)
{
	const struct stat_shape *sh = &cg->prog->globals[g].stat;
	(void)merged;
	return host_stat_bucket(cg, g, key, cg_const(cg, sh->buckets + STATV_VAR));
}

static LLVMValueRef host_stat_merged(struct cg *cg, int g, LLVMValueRef key)
{
	LLVMValueRef dst = cg_scratch(cg, 8 * STAT_HDR_WORDS, true);
	LLVMTypeRef params[4] = { cg->ptr, cg->i64, cg->ptr, cg->ptr };
	LLVMValueRef args[4] = { cg->rt, cg_const(cg, g), key, dst };
	cg_call_named(cg, HOSTABI_PREFIX "stat_merged", cg->void_t, params, args, 4);
	return dst;
}

static LLVMValueRef host_foreach_begin(struct cg *cg, int g, int column, int dir, int aggr,
				       LLVMValueRef limit)
{
	LLVMTypeRef params[7] = { cg->ptr, cg->i64, cg->i64, cg->i64, cg->i64, cg->i64, cg->i64 };
	LLVMValueRef args[7] = { cg->rt, cg_const(cg, g), cg_const(cg, column), cg_const(cg, dir),
				 cg_const(cg, aggr), cg_const(cg, limit != NULL),
				 limit ? limit : cg_const(cg, 0) };
	return cg_call_named(cg, HOSTABI_PREFIX "foreach_begin", cg->ptr, params, args, 7);
}

static LLVMValueRef host_foreach_next(struct cg *cg, LLVMValueRef it, LLVMValueRef keyp,
				      LLVMValueRef valp)
{
	LLVMTypeRef params[4] = { cg->ptr, cg->ptr, cg->ptr, cg->ptr };
	LLVMValueRef args[4] = { cg->rt, it, keyp, valp };
	return cg_call_named(cg, HOSTABI_PREFIX "foreach_next", cg->i64, params, args, 4);
}

static void host_foreach_end(struct cg *cg, LLVMValueRef it)
{
	LLVMTypeRef params[2] = { cg->ptr, cg->ptr };
	LLVMValueRef args[2] = { cg->rt, it };
	cg_call_named(cg, HOSTABI_PREFIX "foreach_end", cg->void_t, params, args, 2);
}

const struct cg_target cg_target_host = {
	.name = "host",
	.is_bpf = false,
	.module_begin = host_module_begin,
	.module_end = host_module_end,
	.handler_begin = host_handler_begin,
	.handler_return = host_handler_return,
	.rec_reserve = host_rec_reserve,
	.rec_submit = host_rec_submit,
	.rec_lost = host_rec_lost,
	.context = host_context,
	.execname = host_execname,
	.clock_ns = host_clock_ns,
	.read_user = host_read_user,
	.read_user_n = host_read_user_n,
	.read_user_str = host_read_user_str,
	.read_kernel = host_read_user,
	.read_kernel_str = host_read_user_str,
	.user_stack = host_user_stack,
	.kernel_stack = host_user_stack,
	.str_copy = host_str_copy,
	.map_lookup = host_map_lookup,
	.map_update = host_map_update,
	.map_delete = host_map_delete,
	.in_place = false,
	.zero = host_zero,
	.copy = host_copy,
	.copy_n = host_copy_n,
	.stat_merged = host_stat_merged,
	.stat_bucket = host_stat_bucket,
	.stat_variance = host_stat_variance,
	.map_clear = host_map_clear,
	.foreach_begin = host_foreach_begin,
	.foreach_next = host_foreach_next,
	.foreach_end = host_foreach_end,
};
