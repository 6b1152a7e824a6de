/* cg_host.c — the host target: handlers that run in uscript's own process
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

static LLVMValueRef host_str_copy(struct cg *cg, LLVMValueRef dst, LLVMValueRef src,
				  LLVMValueRef max)
{
	LLVMTypeRef params[3] = { cg->ptr, cg->ptr, cg->i64 };
	LLVMValueRef args[3] = { dst, src, max };
	return cg_call_named(cg, HOSTABI_PREFIX "strcopy", cg->i64, params, args, 3);
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
	.str_copy = host_str_copy,
};
