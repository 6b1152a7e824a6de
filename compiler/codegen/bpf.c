/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bpf.c — the BPF target: every helper call, map and record of the
 * kernel side is built here.
 *
 * Maps are BTF-defined, as libbpf expects from C: a global in ".maps" whose
 * debug-info type is a struct of `int (*type)[N]`-style members, so the BTF
 * that LLVM's BPF backend emits from it names the map and its shape, and
 * `bpftool map` shows our maps by name. */
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <linux/bpf.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "parse/arena.h"
#include "cg.h"
#include "kernel/kernel.h"
#include "parse/diag.h"
#include "points/probes.h"
#include "points/target.h"

static LLVMValueRef helper(struct cg *cg, int id)
{
	return LLVMConstIntToPtr(LLVMConstInt(cg->i64, (unsigned)id, 0), cg->ptr);
}

static LLVMValueRef call_helper(struct cg *cg, int id, LLVMTypeRef ret, LLVMValueRef *args,
				unsigned n)
{
	return cg_call_ptr(cg, ret, helper(cg, id), args, n);
}

LLVMValueRef cg_bpf_helper(struct cg *cg, int id, LLVMTypeRef ret, LLVMValueRef *args,
			   unsigned n)
{
	return call_helper(cg, id, ret, args, n);
}

/* ---- maps and their BTF ---- */

struct map_field {
	const char *name;
	uint32_t value;
};

static LLVMMetadataRef uint_member(struct cg *cg, LLVMMetadataRef di_int,
				   const char *name, uint32_t value, uint64_t offset)
{
	LLVMMetadataRef sub = LLVMDIBuilderGetOrCreateSubrange(cg->dib, 0, value);
	LLVMMetadataRef arr = LLVMDIBuilderCreateArrayType(cg->dib, (uint64_t)value * 32, 32,
							   di_int, &sub, 1);
	LLVMMetadataRef ptr = LLVMDIBuilderCreatePointerType(cg->dib, arr, 64, 64, 0, NULL, 0);
	return LLVMDIBuilderCreateMemberType(cg->dib, cg->di_cu, name, strlen(name), cg->di_file,
					     0, 64, 64, offset, 0, ptr);
}

/* A map's definition global, with its BTF; max_entries and value_size of
 * the scratch map are known only at the end, so the debug info is attached
 * by define_map_btf() then. */
static LLVMValueRef map_global(struct cg *cg, const char *name, int nfields)
{
	LLVMTypeRef fields[8];
	for (int i = 0; i < nfields; i++)
		fields[i] = cg->ptr;
	LLVMTypeRef ty = LLVMStructTypeInContext(cg->ctx, fields, (unsigned)nfields, 0);
	LLVMValueRef g = LLVMAddGlobal(cg->mod, ty, name);
	LLVMSetInitializer(g, LLVMConstNull(ty));
	LLVMSetSection(g, ".maps");
	LLVMSetAlignment(g, 8);
	return g;
}

static void define_map_btf(struct cg *cg, LLVMValueRef g, const char *name,
			   const struct map_field *f, int n)
{
	LLVMMetadataRef di_int = LLVMDIBuilderCreateBasicType(cg->dib, "int", 3, 32,
							     5 /* DW_ATE_signed */, 0);
	LLVMMetadataRef members[8];
	for (int i = 0; i < n; i++)
		members[i] = uint_member(cg, di_int, f[i].name, f[i].value, 64 * (uint64_t)i);
	LLVMMetadataRef st = LLVMDIBuilderCreateStructType(cg->dib, cg->di_cu, "", 0, cg->di_file,
							   0, 64 * (uint64_t)n, 64, 0, NULL,
							   members, (unsigned)n, 0, NULL, "", 0);
	LLVMMetadataRef expr = LLVMDIBuilderCreateExpression(cg->dib, NULL, 0);
	LLVMMetadataRef gve = LLVMDIBuilderCreateGlobalVariableExpression(
		cg->dib, cg->di_cu, name, strlen(name), name, strlen(name), cg->di_file, 0, st, 0,
		expr, NULL, 64);
	LLVMGlobalSetMetadata(g, LLVMGetMDKindIDInContext(cg->ctx, "dbg", 3), gve);
}

/* A task storage map's definition: local storage wants its key and value
 * types in BTF, not their sizes: an int, and `value_size` bytes. */
static void define_task_storage_btf(struct cg *cg, LLVMValueRef g, const char *name,
				    uint32_t value_size)
{
	LLVMMetadataRef di_int = LLVMDIBuilderCreateBasicType(cg->dib, "int", 3, 32,
							     5 /* DW_ATE_signed */, 0);
	LLVMMetadataRef di_u64 = LLVMDIBuilderCreateBasicType(cg->dib, "unsigned long", 13, 64,
							     7 /* DW_ATE_unsigned */, 0);
	LLVMMetadataRef sub = LLVMDIBuilderGetOrCreateSubrange(cg->dib, 0, value_size / 8);
	LLVMMetadataRef arr = LLVMDIBuilderCreateArrayType(cg->dib, (uint64_t)value_size * 8, 64,
							   di_u64, &sub, 1);
	LLVMMetadataRef key = LLVMDIBuilderCreatePointerType(cg->dib, di_int, 64, 64, 0, NULL, 0);
	LLVMMetadataRef val = LLVMDIBuilderCreatePointerType(cg->dib, arr, 64, 64, 0, NULL, 0);
	LLVMMetadataRef members[4] = {
		uint_member(cg, di_int, "type", BPF_MAP_TYPE_TASK_STORAGE, 0),
		uint_member(cg, di_int, "map_flags", BPF_F_NO_PREALLOC, 64),
		LLVMDIBuilderCreateMemberType(cg->dib, cg->di_cu, "key", 3, cg->di_file, 0, 64, 64,
					      128, 0, key),
		LLVMDIBuilderCreateMemberType(cg->dib, cg->di_cu, "value", 5, cg->di_file, 0, 64,
					      64, 192, 0, val),
	};
	LLVMMetadataRef st = LLVMDIBuilderCreateStructType(cg->dib, cg->di_cu, "", 0, cg->di_file,
							   0, 256, 64, 0, NULL, members, 4, 0,
							   NULL, "", 0);
	LLVMMetadataRef expr = LLVMDIBuilderCreateExpression(cg->dib, NULL, 0);
	LLVMMetadataRef gve = LLVMDIBuilderCreateGlobalVariableExpression(
		cg->dib, cg->di_cu, name, strlen(name), name, strlen(name), cg->di_file, 0, st, 0,
		expr, NULL, 64);
	LLVMGlobalSetMetadata(g, LLVMGetMDKindIDInContext(cg->ctx, "dbg", 3), gve);
}

void cg_bpf_rodata(struct cg *cg, LLVMValueRef g, uint64_t size)
{
	LLVMSetSection(g, ".rodata");
	/* Described in BTF, or the kernel refuses the .rodata map's (a DATASEC
	 * of no variable) and libbpf makes the map again without it. */
	LLVMMetadataRef byte = LLVMDIBuilderCreateBasicType(cg->dib, "unsigned char", 13, 8,
							    8 /* DW_ATE_unsigned_char */, 0);
	LLVMMetadataRef sub = LLVMDIBuilderGetOrCreateSubrange(cg->dib, 0, (int64_t)size);
	LLVMMetadataRef arr = LLVMDIBuilderCreateArrayType(cg->dib, size * 8, 8, byte, &sub, 1);
	size_t len;
	const char *name = LLVMGetValueName2(g, &len);
	LLVMMetadataRef expr = LLVMDIBuilderCreateExpression(cg->dib, NULL, 0);
	LLVMMetadataRef gve = LLVMDIBuilderCreateGlobalVariableExpression(
		cg->dib, cg->di_cu, name, len, name, len, cg->di_file, 0, arr, 1, expr, NULL, 8);
	LLVMGlobalSetMetadata(g, LLVMGetMDKindIDInContext(cg->ctx, "dbg", 3), gve);
}

static void bpf_module_begin(struct cg *cg)
{
	LLVMSetTarget(cg->mod, "bpfel");
	char *dl = LLVMCopyStringRepOfTargetData(cg->data_layout);
	LLVMSetDataLayout(cg->mod, dl);
	LLVMDisposeMessage(dl);

	cg->dib = LLVMCreateDIBuilder(cg->mod);
	const char *name = cg->script->file->name;
	cg->di_file = LLVMDIBuilderCreateFile(cg->dib, name, strlen(name), "", 0);
	cg->di_cu = LLVMDIBuilderCreateCompileUnit(
		cg->dib, LLVMDWARFSourceLanguageC, cg->di_file, "uscript", 7, 1, "", 0, 0, "", 0,
		LLVMDWARFEmissionFull, 0, 0, 0, "", 0, "", 0);
	LLVMAddModuleFlag(cg->mod, LLVMModuleFlagBehaviorWarning, "Debug Info Version", 18,
			  LLVMValueAsMetadata(LLVMConstInt(cg->i32, LLVMDebugMetadataVersion(), 0)));
	LLVMAddModuleFlag(cg->mod, LLVMModuleFlagBehaviorWarning, "Dwarf Version", 13,
			  LLVMValueAsMetadata(LLVMConstInt(cg->i32, 4, 0)));

	cg->maps[CG_MAP_EVENTS] = map_global(cg, PROG_MAP_EVENTS, 2);
	cg->maps[CG_MAP_GLOBALS] = map_global(cg, PROG_MAP_GLOBALS, 5);
	cg->maps[CG_MAP_SCRATCH] = map_global(cg, PROG_MAP_SCRATCH, 4);
	cg->maps[CG_MAP_LOST] = map_global(cg, PROG_MAP_LOST, 4);
	/* Dropped at the end if no handler sleeps. */
	cg->maps[CG_MAP_TSCRATCH] = map_global(cg, PROG_MAP_TSCRATCH, 4);
	cg->any_sleeps = false;
	cg->maps[CG_MAP_ENTRY] = NULL;
	cg->maps[CG_MAP_RSTACK] = NULL;
	/* The symbol tables the runtime fills (usym.c). */
	static const enum builtin_id named[] = { BI_usymname, BI_usymdata, BI_umodname,
						 BI_sprint_ubacktrace, BI_sprint_ustack,
						 BI_print_ustack, BI_print_usyms };
	cg->maps[CG_MAP_USYM_MODS] = cg->maps[CG_MAP_USYM_SYMS] = NULL;
	cg->maps[CG_MAP_USYM_NAMES] = cg->maps[CG_MAP_USYM_STATE] = NULL;
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (cg_script_uses(cg->script, named[i])) {
			cg->maps[CG_MAP_USYM_MODS] = map_global(cg, PROG_MAP_USYM_MODS, 4);
			cg->maps[CG_MAP_USYM_SYMS] = map_global(cg, PROG_MAP_USYM_SYMS, 4);
			cg->maps[CG_MAP_USYM_NAMES] = map_global(cg, PROG_MAP_USYM_NAMES, 4);
			cg->maps[CG_MAP_USYM_STATE] = map_global(cg, PROG_MAP_USYM_STATE, 4);
			break;
		}
	cg->maps[CG_MAP_COUNTERS] = cg->attach->ncounters ?
		map_global(cg, PROG_MAP_COUNTERS, 4) : NULL;
	cg->maps[CG_MAP_PENDING] = NULL;
	for (int i = 0; i < cg->attach->n && !cg->maps[CG_MAP_PENDING]; i++)
		if (cg->attach->rows[i].begin_pending)
			cg->maps[CG_MAP_PENDING] = map_global(cg, PROG_MAP_PENDING, 5);
	cg_rstack_owners(cg);
	if (cg->has_returns)
		cg->maps[CG_MAP_RSTACK] = map_global(cg, PROG_MAP_RSTACK, 4);
	uint32_t entry_slots = 0;
	for (int i = 0; i < cg->script->nprobes; i++) {
		const struct tv_saves *sv = target_saves(cg->attach, i);
		if (sv && (uint32_t)sv->nslots > entry_slots)
			entry_slots = (uint32_t)sv->nslots;
	}
	for (const struct probe *p = cg->script->probes; p; p = p->next) {
		const struct tv_saves *sv = target_saves(cg->attach, p->id);
		uint32_t n = sv ? (uint32_t)(sv->nslots + cg_entry_count(cg, p)) : 0;
		if (n > entry_slots)
			entry_slots = n;
	}
	if (entry_slots) {
		cg->maps[CG_MAP_ENTRY] = map_global(cg, PROG_MAP_ENTRY, 4);
		cg->entry_value_size = 8 * entry_slots;
	}

	/* A map per global array or statistic, and a block of zeros to clear
	 * keys and values with (a memset of a few kilobytes is not BPF). */
	cg->gmaps = arena_alloc(cg->arena, ((size_t)cg->prog->nglobals + 1) * sizeof(LLVMValueRef));
	cg->zero_size = cg->opts->maxstringlen;
	for (int i = 0; i < cg->prog->nglobals; i++) {
		const struct global_var *g = &cg->prog->globals[i];
		if (g->kind == GLOBAL_SCALAR)
			continue;
		cg->gmaps[i] = map_global(cg, g->map_name, 4);
		if (g->key_size > cg->zero_size)
			cg->zero_size = g->key_size;
		if (g->value_size > cg->zero_size)
			cg->zero_size = g->value_size;
	}
	if (cg->maps[CG_MAP_ENTRY] && cg->entry_value_size > cg->zero_size)
		cg->zero_size = cg->entry_value_size;
	cg->zero_size = (cg->zero_size + 7) & ~7u;
	char *zeros = arena_alloc(cg->arena, cg->zero_size);
	LLVMValueRef zinit = LLVMConstStringInContext(cg->ctx, zeros, cg->zero_size, 1);
	cg->zeros = LLVMAddGlobal(cg->mod, LLVMTypeOf(zinit), "zeros");
	LLVMSetInitializer(cg->zeros, zinit);
	LLVMSetGlobalConstant(cg->zeros, 1);
	LLVMSetLinkage(cg->zeros, LLVMInternalLinkage);
	cg_bpf_rodata(cg, cg->zeros, cg->zero_size);

	LLVMValueRef lic = LLVMAddGlobal(cg->mod, LLVMArrayType2(cg->i8, 4), "_license");
	LLVMSetInitializer(lic, LLVMConstStringInContext(cg->ctx, "GPL", 3, 0));
	LLVMSetSection(lic, "license");
}

static void bpf_module_end(struct cg *cg)
{
	uint32_t scratch = cg->scratch_size ? cg->scratch_size : 8;
	scratch = (scratch + 7) & ~7u;
	const struct map_field events[] = {
		{ "type", BPF_MAP_TYPE_RINGBUF }, { "max_entries", cg->prog->ringbuf_size },
	};
	const struct map_field globals[] = {
		{ "type", BPF_MAP_TYPE_ARRAY }, { "max_entries", 1 }, { "key_size", 4 },
		{ "value_size", cg->prog->globals_size }, { "map_flags", BPF_F_MMAPABLE },
	};
	const struct map_field scratch_f[] = {
		{ "type", BPF_MAP_TYPE_PERCPU_ARRAY }, { "max_entries", 1 }, { "key_size", 4 },
		{ "value_size", scratch },
	};
	/* Events lost, then returns the kernel did not report (returns_bpf.c). */
	const struct map_field lost[] = {
		{ "type", BPF_MAP_TYPE_PERCPU_ARRAY }, { "max_entries", 1 }, { "key_size", 4 },
		{ "value_size", 16 },
	};
	define_map_btf(cg, cg->maps[CG_MAP_EVENTS], PROG_MAP_EVENTS, events, 2);
	define_map_btf(cg, cg->maps[CG_MAP_GLOBALS], PROG_MAP_GLOBALS, globals, 5);
	define_map_btf(cg, cg->maps[CG_MAP_SCRATCH], PROG_MAP_SCRATCH, scratch_f, 4);
	define_map_btf(cg, cg->maps[CG_MAP_LOST], PROG_MAP_LOST, lost, 4);
	if (cg->maps[CG_MAP_ENTRY]) {
		/* LRU: what a longjmp leaves behind goes first */
		const struct map_field entry[] = {
			{ "type", BPF_MAP_TYPE_LRU_HASH }, { "max_entries", 16384 },
			{ "key_size", 16 }, { "value_size", cg->entry_value_size },
		};
		define_map_btf(cg, cg->maps[CG_MAP_ENTRY], PROG_MAP_ENTRY, entry, 4);
	}
	if (cg->maps[CG_MAP_USYM_MODS]) {
		/* one element each until the runtime knows the files */
		const struct map_field mods[] = {
			{ "type", BPF_MAP_TYPE_HASH }, { "max_entries", 1 },
			{ "key_size", sizeof(struct usym_key) },
			{ "value_size", sizeof(struct usym_mod) },
		};
		const struct map_field syms[] = {
			{ "type", BPF_MAP_TYPE_ARRAY }, { "max_entries", 1 }, { "key_size", 4 },
			{ "value_size", sizeof(struct usym_sym) },
		};
		const struct map_field names[] = {
			{ "type", BPF_MAP_TYPE_ARRAY }, { "max_entries", 1 }, { "key_size", 4 },
			{ "value_size", (cg->opts->maxstringlen + 7) & ~7u },
		};
		define_map_btf(cg, cg->maps[CG_MAP_USYM_MODS], PROG_MAP_USYM_MODS, mods, 4);
		define_map_btf(cg, cg->maps[CG_MAP_USYM_SYMS], PROG_MAP_USYM_SYMS, syms, 4);
		const struct map_field state[] = {
			{ "type", BPF_MAP_TYPE_PERCPU_ARRAY }, { "max_entries", 1 },
			{ "key_size", 4 }, { "value_size", cg_usym_state_size(cg) },
		};
		define_map_btf(cg, cg->maps[CG_MAP_USYM_NAMES], PROG_MAP_USYM_NAMES, names, 4);
		if (cg_usym_state_per_thread(cg))
			define_task_storage_btf(cg, cg->maps[CG_MAP_USYM_STATE], PROG_MAP_USYM_STATE,
						cg_usym_state_size(cg));
		else
			define_map_btf(cg, cg->maps[CG_MAP_USYM_STATE], PROG_MAP_USYM_STATE, state,
				       4);
	}
	/* The scratch area of the threads whose handlers may sleep (sleep.c). */
	if (cg->any_sleeps) {
		define_task_storage_btf(cg, cg->maps[CG_MAP_TSCRATCH], PROG_MAP_TSCRATCH, scratch);
	} else {
		LLVMDeleteGlobal(cg->maps[CG_MAP_TSCRATCH]);
		cg->maps[CG_MAP_TSCRATCH] = NULL;
	}
	LLVMValueRef stub = LLVMGetNamedFunction(cg->mod, CG_SCRATCH_STUB);
	if (stub)
		LLVMDeleteFunction(stub);
	if (cg->maps[CG_MAP_COUNTERS]) {
		const struct map_field counters[] = {
			{ "type", BPF_MAP_TYPE_PERF_EVENT_ARRAY },
			{ "max_entries", (uint32_t)cg->attach->ncounters },
			{ "key_size", 4 }, { "value_size", 4 },
		};
		define_map_btf(cg, cg->maps[CG_MAP_COUNTERS], PROG_MAP_COUNTERS, counters, 4);
	}
	if (cg->maps[CG_MAP_PENDING]) {
		const struct map_field pending[] = {
			{ "type", BPF_MAP_TYPE_HASH }, { "max_entries", PROG_PENDING_MAX },
			{ "key_size", 8 }, { "value_size", 8 }, { "map_flags", BPF_F_NO_PREALLOC },
		};
		define_map_btf(cg, cg->maps[CG_MAP_PENDING], PROG_MAP_PENDING, pending, 5);
	}
	/* The thread's own storage: made at its first call, gone with it. */
	if (cg->maps[CG_MAP_RSTACK])
		define_task_storage_btf(cg, cg->maps[CG_MAP_RSTACK], PROG_MAP_RSTACK,
					cg_rstack_value_size());
	for (int i = 0; i < cg->prog->nglobals; i++) {
		const struct global_var *g = &cg->prog->globals[i];
		if (!cg->gmaps[i])
			continue;
		uint32_t type = g->kind == GLOBAL_ARRAY ? BPF_MAP_TYPE_HASH :
			g->nkeys ? BPF_MAP_TYPE_PERCPU_HASH : BPF_MAP_TYPE_PERCPU_ARRAY;
		const struct map_field f[] = {
			{ "type", type }, { "max_entries", g->max_entries },
			{ "key_size", g->key_size }, { "value_size", g->value_size },
		};
		define_map_btf(cg, cg->gmaps[i], g->map_name, f, 4);
	}
	LLVMDIBuilderFinalize(cg->dib);
	LLVMDisposeDIBuilder(cg->dib);
	cg->dib = NULL;
}

/* ---- handlers ---- */

/* The function's key 0 for array maps, 0 from its entry on. */
static LLVMValueRef zero_key(struct cg *cg)
{
	bool made;
	LLVMValueRef key = cg_function_slot(cg, "zero.key", cg->i32, &made);
	if (made) {
		LLVMBasicBlockRef cur = LLVMGetInsertBlock(cg->b);
		LLVMValueRef after = LLVMGetNextInstruction(key);
		while (after && LLVMIsAAllocaInst(after))
			after = LLVMGetNextInstruction(after);
		if (after)
			LLVMPositionBuilderBefore(cg->b, after);
		else
			LLVMPositionBuilderAtEnd(cg->b, LLVMGetEntryBasicBlock(cg->fn));
		LLVMBuildStore(cg->b, LLVMConstInt(cg->i32, 0, 0), key);
		LLVMPositionBuilderAtEnd(cg->b, cur);
	}
	return key;
}

/* bpf_map_lookup_elem(map, &0): the one element of an array map. */
static LLVMValueRef lookup_first(struct cg *cg, LLVMValueRef map)
{
	LLVMValueRef args[2] = { map, zero_key(cg) };
	return call_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, args, 2);
}

static void family_check(struct cg *cg, const struct probe *p, LLVMBasicBlockRef quit);

bool cg_handler_by_row(const struct cg *cg, const struct probe *p)
{
	bool by_row = false;
	for (int i = 0; i < ROW_STRINGS; i++)
		by_row |= cg->row_strings[i].table != NULL;
	return by_row || cg->attach->rows_vary[p->id] || cg->stack_rows;
}

static void bpf_handler_begin(struct cg *cg, const struct probe *p, const char *name)
{
	LLVMTypeRef params[2] = { cg->ptr, cg->i64 };
	LLVMTypeRef fty = LLVMFunctionType(cg->i64, params, cg->cookie_arg ? 2 : 1, 0);
	cg->fn = LLVMAddFunction(cg->mod, name, fty);
	const char *section = "uprobe";
	if (cg->fixed_row >= 0)
		section = cg->attach->rows[cg->fixed_row].kind == ATTACH_PERF ? "perf_event" : "raw_tp";
	/* A syscalls view's handler is a function of the program that
	 * dispatches on the system call's number (kernel_bpf.c), called with
	 * the raw tracepoint's context. */
	const struct ktp *view = cg->fixed_row >= 0 ? cg->attach->ctx[cg->fixed_row].ktp : NULL;
	if (view && view->view == KTP_TRACEPOINT)
		view = NULL;
	if (view) {
		LLVMSetLinkage(cg->fn, LLVMInternalLinkage);
		unsigned noinline = LLVMGetEnumAttributeKindForName("noinline", 8);
		LLVMAddAttributeAtIndex(cg->fn, LLVMAttributeFunctionIndex,
					LLVMCreateEnumAttribute(cg->ctx, noinline, 0));
	} else {
		LLVMSetSection(cg->fn, section);
	}
	unsigned nounwind = LLVMGetEnumAttributeKindForName("nounwind", 8);
	LLVMAddAttributeAtIndex(cg->fn, LLVMAttributeFunctionIndex,
				LLVMCreateEnumAttribute(cg->ctx, nounwind, 0));
	static const char *const args[] = { "ctx", "row" };
	cg_debug_function_args(cg, cg->fn, name, &p->loc, args, cg->cookie_arg ? 2 : 1);
	LLVMBasicBlockRef entry = cg_block(cg, "entry");
	LLVMBasicBlockRef quit = cg_block(cg, "quit");
	LLVMPositionBuilderAtEnd(cg->b, quit);
	cg_set_loc(cg, &p->loc);
	LLVMBuildRet(cg->b, cg_const(cg, 0));
	LLVMPositionBuilderAtEnd(cg->b, entry);
	cg->regs = LLVMGetParam(cg->fn, 0);
	cg->rt = NULL;

	cg->globals = lookup_first(cg, cg->maps[CG_MAP_GLOBALS]);
	LLVMBasicBlockRef g_ok = cg_block(cg, "globals.ok");
	LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, cg->globals, ""), quit, g_ok);
	LLVMPositionBuilderAtEnd(cg->b, g_ok);
	LLVMValueRef stopping = LLVMBuildLoad2(cg->b, cg->i64,
		cg_field(cg, cg->globals, offsetof(struct globals_hdr, stopping)), "stopping");
	LLVMBasicBlockRef running = cg_block(cg, "running");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntNE, stopping, cg_const(cg, 0), ""),
			quit, running);
	LLVMPositionBuilderAtEnd(cg->b, running);
	if (cg->fixed_row < 0)
		family_check(cg, p, quit);
	else if (cg->attach->ctx[cg->fixed_row].life)
		cg_bpf_life_filter(cg, cg->attach->ctx[cg->fixed_row].life, quit);
	/* Only handlers that use scratch look it up (cg_scratch_base), and
	 * only scripts that ask which probe point fired read the cookie. */
	cg->scratch = NULL;
	cg->quit_bb = quit;
	cg->scratch_bb = cg_block(cg, "scratch");
	cg->body_bb = cg_block(cg, "body");
	LLVMBuildBr(cg->b, cg->scratch_bb);
	LLVMPositionBuilderAtEnd(cg->b, cg->body_bb);
	bool by_row = cg_handler_by_row(cg, p);
	if (cg->cookie_arg)
		cg->cookie = LLVMGetParam(cg->fn, 1);
	else if (cg->fixed_row >= 0)
		cg->cookie = cg_const(cg, cg->fixed_row);
	else
		cg->cookie = by_row ? call_helper(cg, BPF_FUNC_get_attach_cookie, cg->i64,
						  &cg->regs, 1) : cg_const(cg, 0);
}

static void bpf_copy(struct cg *cg, LLVMValueRef dst, LLVMValueRef src, uint32_t size);

/* The key of a .return probe's entry values: the thread, the probe, and
 * the stack pointer at the entry. */
static LLVMValueRef entry_key(struct cg *cg, const struct probe *p, int64_t sp_delta)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef key = cg_alloca(cg, LLVMArrayType2(cg->i64, 2), "entry_key");
	LLVMValueRef tid = LLVMBuildTrunc(b, call_helper(cg, BPF_FUNC_get_current_pid_tgid, cg->i64,
							 NULL, 0), cg->i32, "tid");
	cg_store_at(cg, key, 0, tid, cg->i32);
	cg_store_at(cg, key, 4, LLVMConstInt(cg->i32, (unsigned)p->id, 0), cg->i32);
	LLVMValueRef sp = cg_load_reg(cg, PT_REGS_SP);
	cg_store_at(cg, key, 8, LLVMBuildAdd(b, sp, cg_const(cg, sp_delta), ""), cg->i64);
	return key;
}

void cg_bpf_entry_save(struct cg *cg, const struct probe *p)
{
	const struct tv_saves *sv = target_saves(cg->attach, p->id);
	cg_rstack_push(cg, sv);
	if (!sv->nslots && !cg_entry_count(cg, p))
		return;
	LLVMValueRef buf = cg_scratch(cg, cg->entry_value_size, false);
	cg_target_save(cg, sv, buf);
	cg_entry_eval(cg, p, sv, buf);
	LLVMValueRef args[4] = { cg->maps[CG_MAP_ENTRY], entry_key(cg, p, 0), buf,
				 cg_const(cg, BPF_ANY) };
	call_helper(cg, BPF_FUNC_map_update_elem, cg->i64, args, 4);
}

/* At a .return row, the values its entry saved, into scratch: the return
 * address has been popped, so the stack pointer is 8 above the entry's.
 * Without them (the function was entered before the probes were in place)
 * a .return row does not run; another row of the probe reads zeros. */
void cg_bpf_entry_load(struct cg *cg, const struct probe *p)
{
	const struct tv_saves *sv = target_saves(cg->attach, p->id);
	LLVMBuilderRef b = cg->b;
	cg->saved = cg_scratch(cg, cg->entry_value_size, false);
	LLVMValueRef key = entry_key(cg, p, -8);
	LLVMValueRef args[2] = { cg->maps[CG_MAP_ENTRY], key };
	LLVMValueRef v = call_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, args, 2);
	LLVMBasicBlockRef found = cg_block(cg, "entry.found"), none = cg_block(cg, "entry.none"),
		done = cg_block(cg, "entry.done");
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, v, ""), none, found);
	LLVMPositionBuilderAtEnd(b, found);
	bpf_copy(cg, cg->saved, v, cg->entry_value_size);
	call_helper(cg, BPF_FUNC_map_delete_elem, cg->i64, args, 2);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, none);
	LLVMValueRef is_return = LLVMConstInt(cg->i1, 0, 0);
	for (int i = 0; i < sv->nrows; i++)
		is_return = LLVMBuildOr(b, is_return, LLVMBuildICmp(b, LLVMIntEQ, cg->cookie,
				cg_const(cg, sv->rows[i]), ""), "");
	LLVMBasicBlockRef zero = cg_block(cg, "entry.zero");
	LLVMBuildCondBr(b, is_return, cg->quit_bb, zero);
	LLVMPositionBuilderAtEnd(b, zero);
	bpf_copy(cg, cg->saved, cg->zeros, cg->entry_value_size);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
}

LLVMValueRef cg_bpf_scratch_lookup(struct cg *cg)
{
	if (!cg->sleeps)
		return lookup_first(cg, cg->maps[CG_MAP_SCRATCH]);
	LLVMValueRef task = call_helper(cg, BPF_FUNC_get_current_task_btf, cg->ptr, NULL, 0);
	LLVMValueRef args[4] = { cg->maps[CG_MAP_TSCRATCH], task, LLVMConstNull(cg->ptr),
				 cg_const(cg, BPF_LOCAL_STORAGE_GET_F_CREATE) };
	return call_helper(cg, BPF_FUNC_task_storage_get, cg->ptr, args, 4);
}

static void bpf_handler_return(struct cg *cg)
{
	LLVMBuildRet(cg->b, cg_const(cg, 0));
}

/* ---- records ---- */

static LLVMValueRef bpf_rec_reserve(struct cg *cg, uint32_t size)
{
	LLVMValueRef args[3] = { cg->maps[CG_MAP_EVENTS], cg_const(cg, size), cg_const(cg, 0) };
	return call_helper(cg, BPF_FUNC_ringbuf_reserve, cg->ptr, args, 3);
}

static void bpf_rec_submit(struct cg *cg, LLVMValueRef rec)
{
	LLVMValueRef args[2] = { rec, cg_const(cg, 0) };
	call_helper(cg, BPF_FUNC_ringbuf_submit, cg->void_t, args, 2);
}

/* Counted per CPU, so no two CPUs ever write the same counter. */
static void bpf_rec_lost(struct cg *cg)
{
	LLVMValueRef lost = lookup_first(cg, cg->maps[CG_MAP_LOST]);
	LLVMBasicBlockRef add = cg_block(cg, "lost.add"), done = cg_block(cg, "lost.done");
	LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, lost, ""), done, add);
	LLVMPositionBuilderAtEnd(cg->b, add);
	LLVMValueRef n = LLVMBuildLoad2(cg->b, cg->i64, lost, "");
	LLVMBuildStore(cg->b, LLVMBuildAdd(cg->b, n, cg_const(cg, 1), ""), lost);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
}

void cg_bpf_count_missed_return(struct cg *cg)
{
	LLVMValueRef lost = lookup_first(cg, cg->maps[CG_MAP_LOST]);
	LLVMBasicBlockRef add = cg_block(cg, "missed.add"), done = cg_block(cg, "missed.done");
	LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, lost, ""), done, add);
	LLVMPositionBuilderAtEnd(cg->b, add);
	LLVMValueRef at = cg_field(cg, lost, 8);
	LLVMValueRef n = LLVMBuildLoad2(cg->b, cg->i64, at, "");
	LLVMBuildStore(cg->b, LLVMBuildAdd(cg->b, n, cg_const(cg, 1), ""), at);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
}

/* ---- context ---- */

/* Where task_struct keeps real_parent and tgid in the running kernel, from
 * its BTF; ppid() and the family check read them.  `what` needs them. */
static int task_offsets(struct cg *cg, const char *what, uint32_t *parent, uint32_t *tgid)
{
	static int done, ok;
	static uint32_t off_parent, off_tgid;
	if (!done) {
		done = 1;
		struct btf *btf = btf__load_vmlinux_btf();
		if (btf) {
			int id = btf__find_by_name_kind(btf, "task_struct", BTF_KIND_STRUCT);
			const struct btf_type *t = id > 0 ? btf__type_by_id(btf, (uint32_t)id) : NULL;
			int found = 0;
			for (int i = 0; t && i < btf_vlen(t); i++) {
				const struct btf_member *m = btf_members(t) + i;
				const char *n = btf__name_by_offset(btf, m->name_off);
				if (strcmp(n, "real_parent") == 0) {
					off_parent = btf_member_bit_offset(t, (uint32_t)i) / 8;
					found |= 1;
				} else if (strcmp(n, "tgid") == 0) {
					off_tgid = btf_member_bit_offset(t, (uint32_t)i) / 8;
					found |= 2;
				}
			}
			ok = found == 3;
			btf__free(btf);
		}
	}
	if (!ok) {
		diag_error(NULL, "%s needs the kernel's BTF (/sys/kernel/btf/vmlinux)", what);
		return -1;
	}
	(void)cg;
	*parent = off_parent;
	*tgid = off_tgid;
	return 0;
}

static LLVMValueRef read_kernel(struct cg *cg, LLVMValueRef addr, LLVMTypeRef ty, uint32_t size)
{
	LLVMValueRef dst = cg_function_slot(cg, "read.slot", cg->i64, NULL);
	LLVMBuildStore(cg->b, cg_const(cg, 0), dst);
	LLVMValueRef args[3] = { dst, LLVMConstInt(cg->i32, size, 0), addr };
	call_helper(cg, BPF_FUNC_probe_read_kernel, cg->i64, args, 3);
	return LLVMBuildLoad2(cg->b, ty, dst, "");
}

/* ---- the target's family ----
 *
 * Under -c and -x, the points of a bare `process` fire in the target and
 * in its descendants: the children it forks, what they exec, and theirs,
 * as SystemTap's process probes do.  The kernel's pid filter takes one
 * process, so those rows (PID_FAMILY) are attached without it, and the
 * program itself checks, before anything else, that the process is the
 * target or descends from it: its tgid, then those of its real_parent
 * chain, up to FAMILY_DEPTH generations, compared with target().  This
 * needs no state and no other probe: a fork or an exec is seen at the
 * next hit, however it happened, and -x takes in the children a process
 * had before uscript started, as SystemTap's does.  What it misses is a
 * descendant whose parent died before it: the kernel gives an orphan to
 * init (or a subreaper), and its line back to the target is gone.  (A set
 * of tgids kept from the sched_process_fork tracepoint would keep
 * orphans, but must be in place before the first fork, and costs a map
 * lookup at every hit as well.)
 *
 * The cost is the trap in processes outside the family that run the same
 * file, where the program returns at once: a few hundred nanoseconds of
 * theirs, nothing changed.  .return points of a bare process keep the
 * kernel's filter on the target (probe_process.c). */
enum { FAMILY_DEPTH = 16 };

static void family_check(struct cg *cg, const struct probe *p, LLVMBasicBlockRef quit)
{
	const struct attach_table *t = cg->attach;
	int rows = 0, family = 0;
	for (int i = 0; i < t->n; i++)
		if (t->rows[i].probe == p->id) {
			rows++;
			family += t->rows[i].pid_filter == PID_FAMILY;
		}
	uint32_t off_parent, off_tgid;
	if (!family || task_offsets(cg, "a bare process(…) probe under -c or -x",
				    &off_parent, &off_tgid) < 0)
		return;
	LLVMBuilderRef b = cg->b;
	LLVMBasicBlockRef in = cg_block(cg, "family.in");
	if (family < rows) {
		/* Only some of the probe's rows: those whose cookie is one of
		 * theirs, in runs of consecutive rows. */
		LLVMValueRef cookie = call_helper(cg, BPF_FUNC_get_attach_cookie, cg->i64,
						  &cg->regs, 1);
		LLVMValueRef mine = LLVMConstInt(cg->i1, 0, 0);
		for (int i = 0; i < t->n; i++) {
			if (t->rows[i].probe != p->id || t->rows[i].pid_filter != PID_FAMILY)
				continue;
			int j = i;
			while (j + 1 < t->n && t->rows[j + 1].probe == p->id &&
			       t->rows[j + 1].pid_filter == PID_FAMILY)
				j++;
			LLVMValueRef lo = LLVMBuildICmp(b, LLVMIntUGE, cookie, cg_const(cg, i), "");
			LLVMValueRef hi = LLVMBuildICmp(b, LLVMIntULE, cookie, cg_const(cg, j), "");
			mine = LLVMBuildOr(b, mine, LLVMBuildAnd(b, lo, hi, ""), "");
			i = j;
		}
		LLVMBasicBlockRef check = cg_block(cg, "family.check");
		LLVMBuildCondBr(b, mine, check, in);
		LLVMPositionBuilderAtEnd(b, check);
	}
	LLVMValueRef target = LLVMBuildLoad2(b, cg->i64,
		cg_field(cg, cg->globals, offsetof(struct globals_hdr, target_pid)), "target");
	LLVMValueRef pid = LLVMBuildLShr(b, call_helper(cg, BPF_FUNC_get_current_pid_tgid,
							 cg->i64, NULL, 0), cg_const(cg, 32), "");
	LLVMBasicBlockRef walk = cg_block(cg, "family.walk");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, pid, target, ""), in, walk);
	LLVMPositionBuilderAtEnd(b, walk);
	LLVMValueRef task = call_helper(cg, BPF_FUNC_get_current_task, cg->i64, NULL, 0);
	for (int level = 0; level < FAMILY_DEPTH; level++) {
		LLVMValueRef at = LLVMBuildAdd(b, task, cg_const(cg, off_parent), "");
		task = read_kernel(cg, LLVMBuildIntToPtr(b, at, cg->ptr, ""), cg->i64, 8);
		at = LLVMBuildAdd(b, task, cg_const(cg, off_tgid), "");
		LLVMValueRef tgid = LLVMBuildZExt(b, read_kernel(cg, LLVMBuildIntToPtr(b, at, cg->ptr,
							""), cg->i32, 4), cg->i64, "");
		LLVMBasicBlockRef up = cg_block(cg, "family.up"), next = cg_block(cg, "family.next");
		LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, tgid, target, ""), in, up);
		LLVMPositionBuilderAtEnd(b, up);
		/* init, or a read that failed: the line ends */
		LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULE, tgid, cg_const(cg, 1), ""), quit,
				next);
		LLVMPositionBuilderAtEnd(b, next);
	}
	LLVMBuildBr(b, quit);
	LLVMPositionBuilderAtEnd(b, in);
}

static LLVMValueRef ppid(struct cg *cg)
{
	uint32_t off_parent, off_tgid;
	if (task_offsets(cg, "ppid()", &off_parent, &off_tgid) < 0)
		return cg_const(cg, 0);
	LLVMValueRef task = call_helper(cg, BPF_FUNC_get_current_task, cg->i64, NULL, 0);
	LLVMValueRef pp = LLVMBuildAdd(cg->b, task, cg_const(cg, off_parent), "");
	LLVMValueRef parent = read_kernel(cg, LLVMBuildIntToPtr(cg->b, pp, cg->ptr, ""), cg->i64, 8);
	LLVMValueRef pt = LLVMBuildAdd(cg->b, parent, cg_const(cg, off_tgid), "");
	LLVMValueRef tgid = read_kernel(cg, LLVMBuildIntToPtr(cg->b, pt, cg->ptr, ""), cg->i32, 4);
	return LLVMBuildSExt(cg->b, tgid, cg->i64, "");
}

static LLVMValueRef bpf_context(struct cg *cg, enum builtin_id id)
{
	LLVMValueRef v;
	switch (id) {
	case BI_pid:
	case BI_tid:
		v = call_helper(cg, BPF_FUNC_get_current_pid_tgid, cg->i64, NULL, 0);
		break;
	case BI_uid:
	case BI_gid:
		v = call_helper(cg, BPF_FUNC_get_current_uid_gid, cg->i64, NULL, 0);
		break;
	case BI_cpu:
		return LLVMBuildZExt(cg->b,
			call_helper(cg, BPF_FUNC_get_smp_processor_id, cg->i32, NULL, 0),
			cg->i64, "");
	case BI_ppid:
		return ppid(cg);
	case BI_randint:
		return LLVMBuildZExt(cg->b, call_helper(cg, BPF_FUNC_get_prandom_u32, cg->i32,
							NULL, 0), cg->i64, "");
	case BI_jiffies:
		return call_helper(cg, BPF_FUNC_jiffies64, cg->i64, NULL, 0);
	default:
		return cg_const(cg, 0);
	}
	if (id == BI_pid || id == BI_gid)
		return LLVMBuildLShr(cg->b, v, cg_const(cg, 32), "");
	return LLVMBuildAnd(cg->b, v, cg_const(cg, 0xffffffff), "");
}

static void bpf_execname(struct cg *cg, LLVMValueRef buf)
{
	LLVMValueRef args[2] = { buf, LLVMConstInt(cg->i32, 16, 0) };
	call_helper(cg, BPF_FUNC_get_current_comm, cg->i64, args, 2);
}

static LLVMValueRef bpf_clock_ns(struct cg *cg)
{
	return call_helper(cg, BPF_FUNC_ktime_get_ns, cg->i64, NULL, 0);
}

/* ---- the maps of arrays and statistics ---- */

static LLVMValueRef bpf_map_lookup(struct cg *cg, int g, LLVMValueRef key)
{
	LLVMValueRef args[2] = { cg->gmaps[g], key };
	return call_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, args, 2);
}

static LLVMValueRef update_elem(struct cg *cg, int g, LLVMValueRef key, LLVMValueRef value,
				uint64_t flags)
{
	LLVMValueRef args[4] = { cg->gmaps[g], key, value, cg_const(cg, (int64_t)flags) };
	return call_helper(cg, BPF_FUNC_map_update_elem, cg->i64, args, 4);
}

/* Wrapping arrays.  SystemTap keeps an array's elements on a list in the
 * order they were made and, when a wrapping array is full, reuses the
 * first.  Here the oldest element is the one of least creation number (the
 * first word of its value): one walk of the map finds that number, a
 * second deletes its element, and the insertion is tried again.  Another
 * CPU may take the room meanwhile: the second try's error is then the
 * overflow error, as SystemTap's would be without the room.  An array of
 * statistics keeps its creation number in the last word of each CPU's
 * part (stat.ordered), where the walk, which sees this CPU's, finds it. */
static LLVMValueRef oldest_callback(struct cg *cg, bool remove, uint32_t seq_at)
{
	char name[32];
	snprintf(name, sizeof(name), "%s_%u", remove ? "wrap_remove" : "wrap_oldest", seq_at);
	LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, name);
	if (fn)
		return fn;
	static const char *const names[] = { "map", "key", "value", "ctx" };
	struct cg_saved saved;
	fn = cg_callback_begin(cg, name, names, 4, &saved);
	LLVMValueRef seq = LLVMBuildLoad2(cg->b, cg->i64, cg_field(cg, LLVMGetParam(fn, 2), seq_at),
					  "");
	LLVMValueRef least = LLVMBuildLoad2(cg->b, cg->i64, LLVMGetParam(fn, 3), "");
	if (!remove) {
		LLVMBuildStore(cg->b, LLVMBuildSelect(cg->b,
			LLVMBuildICmp(cg->b, LLVMIntSLT, seq, least, ""), seq, least, ""),
			LLVMGetParam(fn, 3));
		LLVMBuildRet(cg->b, cg_const(cg, 0));
	} else {
		LLVMBasicBlockRef it = cg_block(cg, "oldest"), other = cg_block(cg, "other");
		LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, seq, least, ""), it, other);
		LLVMPositionBuilderAtEnd(cg->b, it);
		LLVMValueRef args[2] = { LLVMGetParam(fn, 0), LLVMGetParam(fn, 1) };
		cg_call_ptr(cg, cg->i64, helper(cg, BPF_FUNC_map_delete_elem), args, 2);
		LLVMBuildRet(cg->b, cg_const(cg, 1));
		LLVMPositionBuilderAtEnd(cg->b, other);
		LLVMBuildRet(cg->b, cg_const(cg, 0));
	}
	cg_callback_end(cg, &saved);
	return fn;
}

static void remove_oldest(struct cg *cg, int g)
{
	const struct global_var *gv = &cg->prog->globals[g];
	uint32_t seq_at = gv->kind == GLOBAL_STAT ? gv->value_size - 8 : 0;
	LLVMValueRef least = cg_function_slot(cg, "wrap.least", cg->i64, NULL);
	LLVMBuildStore(cg->b, cg_const(cg, INT64_MAX), least);
	cg_bpf_for_each(cg, g, oldest_callback(cg, false, seq_at), least);
	cg_bpf_for_each(cg, g, oldest_callback(cg, true, seq_at), least);
}

void cg_bpf_stat_stamp(struct cg *cg, int g, LLVMValueRef key, LLVMValueRef seq)
{
	const struct global_var *gv = &cg->prog->globals[g];
	int ncpus = libbpf_num_possible_cpus();
	if (ncpus < 1)
		ncpus = 1;
	for (int cpu = 0; cpu < ncpus; cpu++) {
		LLVMValueRef args[3] = { cg->gmaps[g], key, LLVMConstInt(cg->i32, (unsigned)cpu, 0) };
		LLVMValueRef p = call_helper(cg, BPF_FUNC_map_lookup_percpu_elem, cg->ptr, args, 3);
		LLVMBasicBlockRef have = cg_block(cg, "stamp.cpu"), next = cg_block(cg, "stamp.next");
		LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, p, ""), next, have);
		LLVMPositionBuilderAtEnd(cg->b, have);
		cg_store_at(cg, p, gv->value_size - 8, seq, cg->i64);
		LLVMBuildBr(cg->b, next);
		LLVMPositionBuilderAtEnd(cg->b, next);
	}
}

static LLVMValueRef bpf_map_update(struct cg *cg, int g, LLVMValueRef key, LLVMValueRef value,
				   uint64_t flags)
{
	LLVMValueRef rc = update_elem(cg, g, key, value, flags);
	if (!cg->prog->globals[g].wrap)
		return rc;
	LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
	LLVMBasicBlockRef full = cg_block(cg, "wrap.full"), done = cg_block(cg, "wrap.done");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, rc, cg_const(cg, -E2BIG), ""),
			full, done);
	LLVMPositionBuilderAtEnd(cg->b, full);
	remove_oldest(cg, g);
	LLVMValueRef again = update_elem(cg, g, key, value, flags);
	LLVMBasicBlockRef tried = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->i64, "");
	LLVMValueRef vals[2] = { rc, again };
	LLVMBasicBlockRef blocks[2] = { from, tried };
	LLVMAddIncoming(phi, vals, blocks, 2);
	return phi;
}

static void bpf_map_delete(struct cg *cg, int g, LLVMValueRef key)
{
	LLVMValueRef args[2] = { cg->gmaps[g], key };
	call_helper(cg, BPF_FUNC_map_delete_elem, cg->i64, args, 2);
}

static void bpf_copy(struct cg *cg, LLVMValueRef dst, LLVMValueRef src, uint32_t size)
{
	LLVMValueRef args[3] = { dst, LLVMConstInt(cg->i32, size, 0), src };
	call_helper(cg, BPF_FUNC_probe_read_kernel, cg->i64, args, 3);
}

static void bpf_copy_n(struct cg *cg, LLVMValueRef dst, LLVMValueRef src, LLVMValueRef size)
{
	LLVMValueRef args[3] = { dst, LLVMBuildTrunc(cg->b, size, cg->i32, ""), src };
	call_helper(cg, BPF_FUNC_probe_read_kernel, cg->i64, args, 3);
}

void cg_bpf_loop(struct cg *cg, uint32_t n, LLVMValueRef fn)
{
	LLVMValueRef ctx = cg_function_slot(cg, "loop.scratch", cg->ptr, NULL);
	LLVMBuildStore(cg->b, cg_scratch_base(cg), ctx);
	LLVMValueRef args[4] = { LLVMConstInt(cg->i32, n, 0), fn, ctx, cg_const(cg, 0) };
	call_helper(cg, BPF_FUNC_loop, cg->i64, args, 4);
}

/* @perf("NAME"): the counter's value now, read from the map of counters;
 * a read the kernel refuses is a runtime error at the call. */
LLVMValueRef cg_perf(struct cg *cg, struct expr *call)
{
	const char *name = call->args->str;
	int n = -1;
	for (int i = 0; i < cg->attach->n && n < 0; i++)
		if (cg->attach->rows[i].counter_name &&
		    strcmp(cg->attach->rows[i].counter_name, name) == 0)
			n = cg->attach->rows[i].perf_counter;
	if (n < 0 || !cg->t->is_bpf) {
		diag_error(&call->loc, "@perf(\"%s\"): no perf counter of that name: declare "
			   "one with a probe such as perf.sw.task_clock.process(\"PATH\")"
			   ".counter(\"%s\") {}", name, name);
		return cg_const(cg, 0);
	}
	/* struct bpf_perf_event_value: counter, enabled, running */
	LLVMValueRef buf = cg_scratch(cg, 24, true);
	LLVMValueRef args[4] = { cg->maps[CG_MAP_COUNTERS], cg_const(cg, n), buf, cg_const(cg, 24) };
	LLVMValueRef rc = call_helper(cg, BPF_FUNC_perf_event_read_value, cg->i64, args, 4);
	LLVMBasicBlockRef bad = cg_block(cg, "perf.bad"), ok = cg_block(cg, "perf.ok");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_const(cg, 0), ""), bad, ok);
	LLVMPositionBuilderAtEnd(cg->b, bad);
	LLVMValueRef err = LLVMBuildNeg(cg->b, rc, "");
	cg_raise_fmt(cg, &call->loc, arena_printf(cg->arena, "@perf(\"%s\"): the kernel cannot read "
		     "the counter in this thread (errno %%d): it counts the events of the "
		     "process's first thread", name), &err, 1);
	LLVMBuildBr(cg->b, ok);
	LLVMPositionBuilderAtEnd(cg->b, ok);
	return LLVMBuildLoad2(cg->b, cg->i64, buf, "");
}

void cg_bpf_loop_n(struct cg *cg, LLVMValueRef n, LLVMValueRef fn, LLVMValueRef ctx)
{
	LLVMValueRef args[4] = { n, fn, ctx, cg_const(cg, 0) };
	call_helper(cg, BPF_FUNC_loop, cg->i64, args, 4);
}

void cg_bpf_loop_ctx(struct cg *cg, uint32_t n, LLVMValueRef fn, LLVMValueRef ctx)
{
	LLVMValueRef args[4] = { LLVMConstInt(cg->i32, n, 0), fn, ctx, cg_const(cg, 0) };
	call_helper(cg, BPF_FUNC_loop, cg->i64, args, 4);
}

void cg_bpf_for_each(struct cg *cg, int g, LLVMValueRef fn, LLVMValueRef ctx)
{
	LLVMValueRef args[4] = { cg->gmaps[g], fn, ctx, cg_const(cg, 0) };
	call_helper(cg, BPF_FUNC_for_each_map_elem, cg->i64, args, 4);
}

LLVMValueRef cg_loop_scratch(struct cg *cg)
{
	return LLVMBuildLoad2(cg->b, cg->ptr, LLVMGetParam(cg->fn, 1), "scratch");
}

LLVMValueRef cg_bpf_snprintf(struct cg *cg, LLVMValueRef dst, uint32_t size, const char *conv,
			     LLVMValueRef v)
{
	/* The format must be in read-only memory: a literal, in .rodata. */
	LLVMValueRef data = cg_scratch(cg, 8, true);
	LLVMBuildStore(cg->b, v, data);
	LLVMValueRef args[5] = { dst, LLVMConstInt(cg->i32, size, 0),
				 cg_const_bytes(cg, conv, (uint32_t)strlen(conv) + 1), data,
				 LLVMConstInt(cg->i32, 8, 0) };
	return call_helper(cg, BPF_FUNC_snprintf, cg->i64, args, 5);
}

/* A message of longs (cg_raise_fmt): its %d and %x are of 64-bit values,
 * %lld and %llx to the kernel. */
void cg_bpf_snprintf_n(struct cg *cg, LLVMValueRef dst, uint32_t size, const char *fmt,
		       LLVMValueRef *longs, int n)
{
	size_t len = strlen(fmt);
	char *conv = arena_alloc(cg->arena, 3 * len + 1), *o = conv;
	for (const char *c = fmt; *c; c++) {
		*o++ = *c;
		if (*c == '%' && (c[1] == 'd' || c[1] == 'x')) {
			*o++ = 'l';
			*o++ = 'l';
		}
	}
	*o = 0;
	LLVMValueRef data = cg_scratch(cg, 8 * (uint32_t)n, true);
	for (int i = 0; i < n; i++)
		cg_store_at(cg, data, 8 * (uint32_t)i, longs[i], cg->i64);
	LLVMValueRef args[5] = { dst, LLVMConstInt(cg->i32, size, 0),
				 cg_const_bytes(cg, conv, (uint32_t)strlen(conv) + 1), data,
				 LLVMConstInt(cg->i32, 8 * (unsigned)n, 0) };
	call_helper(cg, BPF_FUNC_snprintf, cg->i64, args, 5);
}

static void bpf_zero(struct cg *cg, LLVMValueRef dst, uint32_t size)
{
	bpf_copy(cg, dst, cg->zeros, size);
}

/* The CPUs' parts of a statistic, summed: count and sum add, min and max
 * over the CPUs that saw a value.  The number of CPUs is this machine's,
 * where the program runs. */
static LLVMValueRef bpf_stat_merged(struct cg *cg, int g, LLVMValueRef key)
{
	int ncpus = libbpf_num_possible_cpus();
	if (ncpus < 1)
		ncpus = 1;
	LLVMValueRef out = cg_scratch(cg, 8 * STAT_HDR_WORDS, true);
	for (int w = 0; w < STAT_HDR_WORDS; w++)
		cg_store_at(cg, out, 8 * (uint32_t)w, cg_const(cg, 0), cg->i64);
	for (int cpu = 0; cpu < ncpus; cpu++) {
		LLVMValueRef args[3] = { cg->gmaps[g], key, LLVMConstInt(cg->i32, (unsigned)cpu, 0) };
		LLVMValueRef p = call_helper(cg, BPF_FUNC_map_lookup_percpu_elem, cg->ptr, args, 3);
		LLVMBasicBlockRef have = cg_block(cg, "cpu.have"), next = cg_block(cg, "cpu.next");
		LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, p, ""), next, have);
		LLVMPositionBuilderAtEnd(cg->b, have);
		LLVMValueRef n = LLVMBuildLoad2(cg->b, cg->i64, p, "");
		LLVMBasicBlockRef add = cg_block(cg, "cpu.add");
		LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, n, cg_const(cg, 0), ""), next, add);
		LLVMPositionBuilderAtEnd(cg->b, add);
		LLVMValueRef count = LLVMBuildLoad2(cg->b, cg->i64, out, "");
		LLVMValueRef first = LLVMBuildICmp(cg->b, LLVMIntEQ, count, cg_const(cg, 0), "");
		LLVMValueRef w[STAT_HDR_WORDS], o[STAT_HDR_WORDS];
		for (int i = 0; i < STAT_HDR_WORDS; i++) {
			w[i] = LLVMBuildLoad2(cg->b, cg->i64, cg_field(cg, p, 8 * (uint32_t)i), "");
			o[i] = LLVMBuildLoad2(cg->b, cg->i64, cg_field(cg, out, 8 * (uint32_t)i), "");
		}
		LLVMValueRef lt = LLVMBuildICmp(cg->b, LLVMIntSLT, w[STATW_MIN], o[STATW_MIN], "");
		LLVMValueRef gt = LLVMBuildICmp(cg->b, LLVMIntSGT, w[STATW_MAX], o[STATW_MAX], "");
		cg_store_at(cg, out, 0, LLVMBuildAdd(cg->b, o[STATW_COUNT], w[STATW_COUNT], ""), cg->i64);
		cg_store_at(cg, out, 8, LLVMBuildAdd(cg->b, o[STATW_SUM], w[STATW_SUM], ""), cg->i64);
		cg_store_at(cg, out, 16, LLVMBuildSelect(cg->b, LLVMBuildOr(cg->b, first, lt, ""),
							 w[STATW_MIN], o[STATW_MIN], ""), cg->i64);
		cg_store_at(cg, out, 24, LLVMBuildSelect(cg->b, LLVMBuildOr(cg->b, first, gt, ""),
							 w[STATW_MAX], o[STATW_MAX], ""), cg->i64);
		LLVMBuildBr(cg->b, next);
		LLVMPositionBuilderAtEnd(cg->b, next);
	}
	return out;
}

static LLVMValueRef bpf_stat_bucket(struct cg *cg, int g, LLVMValueRef key, LLVMValueRef i)
{
	const struct global_var *gv = &cg->prog->globals[g];
	int ncpus = libbpf_num_possible_cpus();
	if (ncpus < 1)
		ncpus = 1;
	/* Clamped as well, so that the verifier sees the offset bounded. */
	LLVMValueRef last = cg_const(cg, gv->stat.buckets - 1);
	i = LLVMBuildSelect(cg->b, LLVMBuildICmp(cg->b, LLVMIntUGT, i, last, ""), last, i, "");
	LLVMValueRef off = LLVMBuildShl(cg->b, LLVMBuildAdd(cg->b, i, cg_const(cg, STAT_HDR_WORDS),
							     ""), cg_const(cg, 3), "");
	LLVMValueRef sum = cg_function_slot(cg, "bucket.sum", cg->i64, NULL);
	LLVMBuildStore(cg->b, cg_const(cg, 0), sum);
	for (int cpu = 0; cpu < ncpus; cpu++) {
		LLVMValueRef args[3] = { cg->gmaps[g], key, LLVMConstInt(cg->i32, (unsigned)cpu, 0) };
		LLVMValueRef p = call_helper(cg, BPF_FUNC_map_lookup_percpu_elem, cg->ptr, args, 3);
		LLVMBasicBlockRef have = cg_block(cg, "bucket.cpu"), next = cg_block(cg, "bucket.next");
		LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, p, ""), next, have);
		LLVMPositionBuilderAtEnd(cg->b, have);
		LLVMValueRef n = LLVMBuildLoad2(cg->b, cg->i64, cg_gep(cg, p, off), "");
		LLVMBuildStore(cg->b, LLVMBuildAdd(cg->b, LLVMBuildLoad2(cg->b, cg->i64, sum, ""), n, ""),
			       sum);
		LLVMBuildBr(cg->b, next);
		LLVMPositionBuilderAtEnd(cg->b, next);
	}
	return LLVMBuildLoad2(cg->b, cg->i64, sum, "");
}

/* SystemTap's _stp_stat_get: the mean of all CPUs, scaled, from the
 * merged sum; then the total variance, from each CPU's mean and variance. */
static LLVMValueRef bpf_stat_variance(struct cg *cg, int g, LLVMValueRef key, LLVMValueRef merged)
{
	LLVMBuilderRef b = cg->b;
	const struct stat_shape *sh = &cg->prog->globals[g].stat;
	int ncpus = libbpf_num_possible_cpus();
	if (ncpus < 1)
		ncpus = 1;
	LLVMValueRef count = LLVMBuildLoad2(b, cg->i64, cg_field(cg, merged, 8 * STATW_COUNT), "");
	LLVMValueRef sum = LLVMBuildLoad2(b, cg->i64, cg_field(cg, merged, 8 * STATW_SUM), "");
	LLVMValueRef avg = cg_sdiv(cg, LLVMBuildShl(b, sum, cg_const(cg, sh->shift), ""), count);
	LLVMValueRef acc = cg_function_slot(cg, "variance.s", cg->i64, NULL);
	LLVMBuildStore(b, cg_const(cg, 0), acc);
	for (int cpu = 0; cpu < ncpus; cpu++) {
		LLVMValueRef args[3] = { cg->gmaps[g], key, LLVMConstInt(cg->i32, (unsigned)cpu, 0) };
		LLVMValueRef p = call_helper(cg, BPF_FUNC_map_lookup_percpu_elem, cg->ptr, args, 3);
		LLVMBasicBlockRef have = cg_block(cg, "var.cpu"), add = cg_block(cg, "var.add"),
			next = cg_block(cg, "var.next");
		LLVMBuildCondBr(b, LLVMBuildIsNull(b, p, ""), next, have);
		LLVMPositionBuilderAtEnd(b, have);
		LLVMValueRef n = LLVMBuildLoad2(b, cg->i64, p, "");
		LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, n, cg_const(cg, 0), ""), next, add);
		LLVMPositionBuilderAtEnd(b, add);
		LLVMValueRef d = LLVMBuildSub(b, LLVMBuildLoad2(b, cg->i64,
			cg_field(cg, p, 8 * STATV_WORD(sh, STATV_AVG)), ""), avg, "");
		LLVMValueRef s1 = LLVMBuildMul(b, LLVMBuildMul(b, n, d, ""), d, "");
		LLVMValueRef s2 = LLVMBuildMul(b, LLVMBuildSub(b, n, cg_const(cg, 1), ""),
			LLVMBuildLoad2(b, cg->i64, cg_field(cg, p, 8 * STATV_WORD(sh, STATV_VAR)), ""),
			"");
		LLVMBuildStore(b, LLVMBuildAdd(b, LLVMBuildLoad2(b, cg->i64, acc, ""),
					       LLVMBuildAdd(b, s1, s2, ""), ""), acc);
		LLVMBuildBr(b, next);
		LLVMPositionBuilderAtEnd(b, next);
	}
	/* One value: a division by 0, which SystemTap's _stp_div64 makes 0. */
	LLVMValueRef den = LLVMBuildSub(b, count, cg_const(cg, 1), "");
	LLVMValueRef one = LLVMBuildICmp(b, LLVMIntEQ, den, cg_const(cg, 0), "");
	LLVMValueRef var = cg_sdiv(cg, LLVMBuildLoad2(b, cg->i64, acc, ""),
				   LLVMBuildSelect(b, one, cg_const(cg, 1), den, ""));
	var = LLVMBuildSelect(b, one, cg_const(cg, 0), var, "");
	return LLVMBuildAShr(b, var, cg_const(cg, 2 * sh->shift), "");
}

/* delete a: bpf_for_each_map_elem calls a function for each element, and
 * the function deletes it.  One such function serves every array. */
static LLVMValueRef clear_callback(struct cg *cg)
{
	LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, "clear_element");
	if (fn)
		return fn;
	static const char *const names[] = { "map", "key", "value", "ctx" };
	struct cg_saved saved;
	fn = cg_callback_begin(cg, "clear_element", names, 4, &saved);
	LLVMValueRef args[2] = { LLVMGetParam(fn, 0), LLVMGetParam(fn, 1) };
	cg_call_ptr(cg, cg->i64, helper(cg, BPF_FUNC_map_delete_elem), args, 2);
	LLVMBuildRet(cg->b, cg_const(cg, 0));
	cg_callback_end(cg, &saved);
	return fn;
}

static void bpf_map_clear(struct cg *cg, int g)
{
	const struct global_var *gv = &cg->prog->globals[g];
	if (gv->kind == GLOBAL_STAT && gv->nkeys == 0) {
		/* A scalar statistic: each CPU's part back to zero. */
		int ncpus = libbpf_num_possible_cpus();
		LLVMValueRef key = cg_scratch(cg, 8, true);
		cg_store_at(cg, key, 0, LLVMConstInt(cg->i32, 0, 0), cg->i32);
		for (int cpu = 0; cpu < (ncpus > 0 ? ncpus : 1); cpu++) {
			LLVMValueRef args[3] = { cg->gmaps[g], key, LLVMConstInt(cg->i32, (unsigned)cpu, 0) };
			LLVMValueRef p = call_helper(cg, BPF_FUNC_map_lookup_percpu_elem, cg->ptr, args, 3);
			LLVMBasicBlockRef have = cg_block(cg, "clear.cpu"), next = cg_block(cg, "clear.next");
			LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, p, ""), next, have);
			LLVMPositionBuilderAtEnd(cg->b, have);
			bpf_zero(cg, p, gv->value_size);
			LLVMBuildBr(cg->b, next);
			LLVMPositionBuilderAtEnd(cg->b, next);
		}
		return;
	}
	LLVMValueRef args[4] = { cg->gmaps[g], clear_callback(cg), LLVMConstNull(cg->ptr),
				 cg_const(cg, 0) };
	call_helper(cg, BPF_FUNC_for_each_map_elem, cg->i64, args, 4);
}

static LLVMValueRef bpf_read_user(struct cg *cg, LLVMValueRef dst, uint32_t size,
				  LLVMValueRef addr)
{
	LLVMValueRef args[3] = { dst, LLVMConstInt(cg->i32, size, 0),
				 LLVMBuildIntToPtr(cg->b, addr, cg->ptr, "") };
	return call_helper(cg, BPF_FUNC_probe_read_user, cg->i64, args, 3);
}

static LLVMValueRef bpf_read_user_n(struct cg *cg, LLVMValueRef dst, LLVMValueRef size,
				    uint32_t max, LLVMValueRef addr)
{
	/* Bounded again where the verifier sees it, both ways. */
	LLVMValueRef one = cg_const(cg, 1), top = cg_const(cg, max);
	size = LLVMBuildSelect(cg->b, LLVMBuildICmp(cg->b, LLVMIntUGT, size, top, ""), top, size, "");
	size = cg_opaque(cg, size);
	size = LLVMBuildSelect(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, size, one, ""), one, size, "");
	size = LLVMBuildSelect(cg->b, LLVMBuildICmp(cg->b, LLVMIntUGT, size, top, ""), top, size, "");
	LLVMValueRef args[3] = { dst, LLVMBuildTrunc(cg->b, size, cg->i32, ""),
				 LLVMBuildIntToPtr(cg->b, addr, cg->ptr, "") };
	return call_helper(cg, BPF_FUNC_probe_read_user, cg->i64, args, 3);
}

static LLVMValueRef bpf_read_kernel(struct cg *cg, LLVMValueRef dst, uint32_t size,
				    LLVMValueRef addr)
{
	LLVMValueRef args[3] = { dst, LLVMConstInt(cg->i32, size, 0),
				 LLVMBuildIntToPtr(cg->b, addr, cg->ptr, "") };
	return call_helper(cg, BPF_FUNC_probe_read_kernel, cg->i64, args, 3);
}

static LLVMValueRef bpf_read_kernel_str(struct cg *cg, LLVMValueRef dst, LLVMValueRef max,
					LLVMValueRef addr)
{
	LLVMValueRef args[3] = { dst, LLVMBuildTrunc(cg->b, max, cg->i32, ""),
				 LLVMBuildIntToPtr(cg->b, addr, cg->ptr, "") };
	return call_helper(cg, BPF_FUNC_probe_read_kernel_str, cg->i64, args, 3);
}

static LLVMValueRef bpf_user_stack(struct cg *cg, LLVMValueRef dst, uint32_t size)
{
	LLVMValueRef args[4] = { cg->regs, dst, LLVMConstInt(cg->i32, size, 0),
				 cg_const(cg, BPF_F_USER_STACK) };
	return call_helper(cg, BPF_FUNC_get_stack, cg->i64, args, 4);
}

/* At a raw tracepoint the stack starts in the program, then the kernel's
 * bpf_trace_runN and the tracepoint's __traceiter_NAME: left out, so that
 * it starts where the tracepoint is, as SystemTap's does.  A perf sample's
 * starts where it interrupted the kernel. */
static LLVMValueRef bpf_kernel_stack(struct cg *cg, LLVMValueRef dst, uint32_t size)
{
	bool tp = cg->fixed_row >= 0 && cg->attach->rows[cg->fixed_row].kind == ATTACH_RAW_TP;
	LLVMValueRef args[4] = { cg->regs, dst, LLVMConstInt(cg->i32, size, 0),
				 cg_const(cg, tp ? 3 : 0) };
	return call_helper(cg, BPF_FUNC_get_stack, cg->i64, args, 4);
}

static LLVMValueRef bpf_str_copy(struct cg *cg, LLVMValueRef dst, LLVMValueRef src,
				 LLVMValueRef max)
{
	LLVMValueRef args[3] = { dst, LLVMBuildTrunc(cg->b, max, cg->i32, ""), src };
	LLVMValueRef n = call_helper(cg, BPF_FUNC_probe_read_kernel_str, cg->i64, args, 3);
	/* Reading our own maps cannot fault; should it fail anyway, the result
	 * is the empty string rather than garbage. */
	LLVMValueRef bad = LLVMBuildICmp(cg->b, LLVMIntSLT, n, cg_const(cg, 1), "");
	LLVMBasicBlockRef fix = cg_block(cg, "copy.fail"), done = cg_block(cg, "copy.done");
	LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
	LLVMBuildCondBr(cg->b, bad, fix, done);
	LLVMPositionBuilderAtEnd(cg->b, fix);
	LLVMBuildStore(cg->b, LLVMConstInt(cg->i8, 0, 0), dst);
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->i64, "");
	LLVMValueRef vals[2] = { n, cg_const(cg, 1) };
	LLVMBasicBlockRef blocks[2] = { from, fix };
	LLVMAddIncoming(phi, vals, blocks, 2);
	return phi;
}

const struct cg_target cg_target_bpf = {
	.name = "bpf",
	.is_bpf = true,
	.module_begin = bpf_module_begin,
	.module_end = bpf_module_end,
	.handler_begin = bpf_handler_begin,
	.handler_return = bpf_handler_return,
	.scratch_lookup = cg_bpf_scratch_lookup,
	.rec_reserve = bpf_rec_reserve,
	.rec_submit = bpf_rec_submit,
	.rec_lost = bpf_rec_lost,
	.context = bpf_context,
	.execname = bpf_execname,
	.clock_ns = bpf_clock_ns,
	.read_user = bpf_read_user,
	.read_user_n = bpf_read_user_n,
	.read_user_str = cg_bpf_read_user_str,
	.read_kernel = bpf_read_kernel,
	.read_kernel_str = bpf_read_kernel_str,
	.user_stack = bpf_user_stack,
	.kernel_stack = bpf_kernel_stack,
	.str_copy = bpf_str_copy,
	.map_lookup = bpf_map_lookup,
	.map_update = bpf_map_update,
	.map_delete = bpf_map_delete,
	.in_place = true,
	.zero = bpf_zero,
	.copy = bpf_copy,
	.copy_n = bpf_copy_n,
	.stat_merged = bpf_stat_merged,
	.stat_bucket = bpf_stat_bucket,
	.stat_variance = bpf_stat_variance,
	.map_clear = bpf_map_clear,
};
