/* SPDX-License-Identifier: GPL-2.0-or-later */
/* usym.c — symbols as string values: usymname(), usymdata(), umodname(),
 * sprint_ubacktrace() and sprint_ustack() in any expression (ucallers(),
 * which names nothing, is stack.c's).
 *
 * Design note.  A value of the script can be compared, cut, hashed into an
 * array's key or kept in a map inside the probe, so its text has to exist
 * there: it cannot wait for the runtime, which names addresses only when it
 * prints a record (stack.c's deferred arguments): a value deferred that
 * way could be printed but not compared, searched or hashed.  Nor does the
 * probed file's own load base do: a stack's frames are in other files.
 * So the probe names addresses itself, from tables the runtime makes
 * ahead of time:
 *
 *   - Which files.  Before the probes are attached, the runtime reads the
 *     symbol tables (runtime/usym_tables.c, with sym_file.c's rules, the
 *     ones printing uses) of every file the script probes, of the -c
 *     command's or -x process's program, of the libraries they need
 *     (DT_NEEDED, as the dynamic linker finds them) and of their
 *     interpreter: SystemTap's `--ldd` set.  They go into three maps
 *     (program.h): modules by device and inode, symbols sorted by address,
 *     and their names; a fourth holds a call's state.
 *   - Which file an address is in.  bpf_find_vma() gives the callback the
 *     mapping that holds the address, under the mm's lock (taken with a
 *     trylock: on the rare hit where another thread holds it for writing,
 *     the address stays unnamed, as in anonymous memory).  The callback
 *     reads vm_start, vm_pgoff and the file's inode number, device and
 *     dentry name at the offsets the running kernel's BTF gives (this
 *     compiler builds for the machine it runs on, as ppid() does).
 *   - Which symbol.  The file offset becomes the address the symbol table
 *     counts in through the PT_LOAD segments, and a binary search of a
 *     fixed 24 steps finds the last symbol at or below it: each step is
 *     arithmetic (cg_below, cg_choose), not a branch, so the verifier
 *     follows one path, not 2^24.
 *   - The text.  The kernel's bpf_snprintf() writes each frame in
 *     SystemTap's layout (runtime/sym.c's _stp_snprint_addr: "%#lx" is
 *     "0x%llx", which also prints 0 as "0x0"), one frame per turn of a
 *     bpf_loop() callback, one for each of these functions in the object,
 *     which the verifier checks once per call: 2,000 instructions for
 *     usymname(), 4,000 for sprint_ubacktrace().  The strings are cut at
 *     MAXSTRINGLEN - 1 bytes as SystemTap cuts them.
 *   - The cost: 0.39 us a call of usymname(), 0.55 of usymdata(), 2.0 us
 *     for a sprint_ubacktrace() of three frames, on top of a hit (the
 *     median over 200,000 calls, tests/bench/targets/loop.c).
 *
 * Printing is not changed: print and printf of usymname() and
 * sprint_ubacktrace() still send the addresses, and the runtime, which can
 * read any file a process maps, writes the text.  For the files in the
 * tables the two texts are the same bytes.  A file outside them (a library
 * opened with dlopen) has no symbols in the probe: its addresses show as
 * the file's name and the offset into it, as a file without symbols does.
 *
 * uscript's own handlers (begin, end, error, timer) run in no traced
 * thread, as SystemTap's run in none of the target's: an address names no
 * symbol (its hex), umodname() finds no module (an error), stacks are
 * SystemTap's "<no user backtrace at PP>". */
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cg.h"
#include "hostabi.h"
#include "parse/diag.h"

/* How a frame is written: the flags SystemTap's tapset passes. */
enum usym_style {
	STYLE_SYMBOL,   /* usymname: _STP_SYM_SYMBOL */
	STYLE_DATA,     /* usymdata: _STP_SYM_DATA */
	STYLE_MODULE,   /* umodname: the module's path */
	STYLE_SIMPLE,   /* sprint_ubacktrace: _STP_SYM_SIMPLE, a line a frame */
	STYLE_USTACK,   /* sprint_ustack: " ADDR : " and usymdata, a line a frame */
};

/* SystemTap's layouts, by what the lookup found: a symbol, a module
 * without one, nothing.  The arguments, in order, come from
 * {addr, name, offset, size, module} as `args` lists them. */
struct layout {
	const char *fmt;
	const char *args;   /* a address, n name, o offset, s size, m module, x
			     * offset into the module, e its extent */
};

static const struct layout layouts[][3] = {
	[STYLE_SYMBOL] = { { "%s", "n" }, { "0x%llx", "a" }, { "0x%llx", "a" } },
	[STYLE_DATA] = { { "%s+0x%llx/0x%llx [%s]", "nosm" }, { "0x%llx [%s+0x%llx/0x%llx]", "amxe" },
			 { "0x%llx", "a" } },
	[STYLE_MODULE] = { { "%s", "m" }, { "%s", "m" }, { "", "" } },
	[STYLE_SIMPLE] = { { "%s+0x%llx [%s]\n", "nom" }, { "0x%llx [%s+0x%llx]\n", "amx" },
			   { "0x%llx\n", "a" } },
	[STYLE_USTACK] = { { " 0x%llx : %s+0x%llx/0x%llx [%s]\n", "anosm" },
			   { " 0x%llx : 0x%llx [%s+0x%llx/0x%llx]\n", "aamxe" },
			   { " 0x%llx : 0x%llx\n", "aa" } },
};

enum found { FOUND_SYMBOL, FOUND_MODULE, FOUND_NOTHING };

/* ---- the running kernel's structures ---- */

/* Where a mapping keeps what the lookup needs, from the kernel's BTF. */
struct vma_offsets {
	uint32_t vm_start, vm_pgoff, vm_file;  /* vm_area_struct */
	uint32_t f_inode, f_dentry;            /* file (f_path.dentry) */
	uint32_t i_ino, i_sb;                  /* inode */
	uint32_t s_dev;                        /* super_block */
	uint32_t d_name;                       /* dentry (d_name.name) */
};

/* The offset of member `name` (a path: "f_path.dentry") of the struct
 * `type_id`, looking into anonymous members as C does; its type in *type. */
static int member_offset(const struct btf *btf, int type_id, const char *name,
			 uint32_t *off, int *type)
{
	const char *dot = strchr(name, '.');
	size_t len = dot ? (size_t)(dot - name) : strlen(name);
	const struct btf_type *t = btf__type_by_id(btf, (uint32_t)type_id);
	if (!t || !btf_is_composite(t))
		return -1;
	for (int i = 0; i < btf_vlen(t); i++) {
		const struct btf_member *m = btf_members(t) + i;
		const char *n = btf__name_by_offset(btf, m->name_off);
		uint32_t here = btf_member_bit_offset(t, (uint32_t)i) / 8, inner;
		int mt = btf__resolve_type(btf, m->type);
		if (!n || !*n) {
			if (mt > 0 && member_offset(btf, mt, name, &inner, type) == 0) {
				*off = here + inner;
				return 0;
			}
		} else if (strlen(n) == len && memcmp(n, name, len) == 0) {
			if (!dot) {
				*off = here;
				*type = mt;
				return 0;
			}
			if (member_offset(btf, mt, dot + 1, &inner, type) != 0)
				return -1;
			*off = here + inner;
			return 0;
		}
	}
	return -1;
}

static int struct_member(const struct btf *btf, const char *st, const char *name, uint32_t *off)
{
	int id = btf__find_by_name_kind(btf, st, BTF_KIND_STRUCT), type;
	return id > 0 ? member_offset(btf, id, name, off, &type) : -1;
}

static const struct vma_offsets *vma_offsets(void)
{
	static int done, ok;
	static struct vma_offsets o;
	if (!done) {
		done = 1;
		struct btf *btf = btf__load_vmlinux_btf();
		ok = btf &&
		     !struct_member(btf, "vm_area_struct", "vm_start", &o.vm_start) &&
		     !struct_member(btf, "vm_area_struct", "vm_pgoff", &o.vm_pgoff) &&
		     !struct_member(btf, "vm_area_struct", "vm_file", &o.vm_file) &&
		     !struct_member(btf, "file", "f_inode", &o.f_inode) &&
		     !struct_member(btf, "file", "f_path.dentry", &o.f_dentry) &&
		     !struct_member(btf, "inode", "i_ino", &o.i_ino) &&
		     !struct_member(btf, "inode", "i_sb", &o.i_sb) &&
		     !struct_member(btf, "super_block", "s_dev", &o.s_dev) &&
		     !struct_member(btf, "dentry", "d_name.name", &o.d_name);
		btf__free(btf);
	}
	return ok ? &o : NULL;
}

/* ---- the BPF side ---- */

/* What the find_vma callback leaves for the caller, in its stack. */
enum { VMA_START, VMA_PGOFF, VMA_INO, VMA_DEV, VMA_NAME, VMA_WORDS };

static LLVMValueRef word(struct cg *cg, LLVMValueRef base, int i)
{
	return cg_field(cg, base, 8 * (uint32_t)i);
}

/* *(u64 *)(src + off) into dst, by bpf_probe_read_kernel: the kernel's
 * pointers are read as SystemTap's kread would, never faulting. */
static void read_kernel(struct cg *cg, LLVMValueRef dst, uint32_t size, LLVMValueRef src,
			uint32_t off)
{
	LLVMValueRef args[3] = { dst, LLVMConstInt(cg->i32, size, 0), cg_field(cg, src, off) };
	cg_bpf_helper(cg, BPF_FUNC_probe_read_kernel, cg->i64, args, 3);
}

static LLVMValueRef load_ptr(struct cg *cg, LLVMValueRef at)
{
	return LLVMBuildLoad2(cg->b, cg->ptr, at, "");
}

/* long cb(struct task_struct *, struct vm_area_struct *vma, u64 *out):
 * the mapping's start and page offset, and for a file its inode number,
 * device and name.  One a module. */
static LLVMValueRef vma_callback(struct cg *cg, const struct vma_offsets *o)
{
	static const char *const names[] = { "task", "vma", "out" };
	LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, "usym_vma");
	if (fn)
		return fn;
	struct cg_saved saved;
	fn = cg_callback_begin(cg, "usym_vma", names, 3, &saved);
	LLVMBuilderRef b = cg->b;
	LLVMValueRef vma = LLVMGetParam(fn, 1), out = LLVMGetParam(fn, 2);
	read_kernel(cg, word(cg, out, VMA_START), 8, vma, o->vm_start);
	read_kernel(cg, word(cg, out, VMA_PGOFF), 8, vma, o->vm_pgoff);
	/* The file, then its inode and dentry, each through the word after
	 * the last: the slot is the caller's stack. */
	LLVMValueRef tmp = word(cg, out, VMA_WORDS);
	read_kernel(cg, tmp, 8, vma, o->vm_file);
	LLVMValueRef file = load_ptr(cg, tmp);
	LLVMBasicBlockRef has = cg_block(cg, "file"), done = cg_block(cg, "done");
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, file, ""), done, has);
	LLVMPositionBuilderAtEnd(b, has);
	read_kernel(cg, tmp, 8, file, o->f_inode);
	LLVMValueRef inode = load_ptr(cg, tmp);
	read_kernel(cg, word(cg, out, VMA_INO), 8, inode, o->i_ino);
	read_kernel(cg, tmp, 8, inode, o->i_sb);
	read_kernel(cg, word(cg, out, VMA_DEV), 4, load_ptr(cg, tmp), o->s_dev);
	read_kernel(cg, tmp, 8, file, o->f_dentry);
	read_kernel(cg, word(cg, out, VMA_NAME), 8, load_ptr(cg, tmp), o->d_name);
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
	LLVMBuildRet(b, cg_const(cg, 0));
	cg_callback_end(cg, &saved);
	return fn;
}

/* The state of a call, in the thread's element of the map usym_state (see
 * state_lookup): a map of its own, at fixed offsets, so that every call of
 * a kind shares one callback (LLVM takes some 50 ms to build each); the
 * text is copied out into the call's own string before the next call.
 *   n      frames to name
 *   i      the next one
 *   pos    bytes of text so far
 *   flag   umodname: the address is in no module uscript knows
 *   key    a map key: a module's, or a symbol's index
 *   args   bpf_snprintf's arguments
 *   frames 32 addresses
 *   out    the text: span * 2 bytes, span the power of two above
 *          MAXSTRINGLEN, so a line written at pos < span with room span
 *          stays inside
 *   then sprint_ustack's parse (PS_ below)
 * Keys and arguments are here, not in the callback's stack, because the
 * kernel counts a callback's stack with its caller's in the same 512 bytes. */
enum { ST_N = 0, ST_I = 8, ST_POS = 16, ST_FLAG = 24, ST_KEY = 32, ST_ARGS = 48,
       ST_FRAMES = 48 + 6 * 8, ST_OUT = ST_FRAMES + 32 * 8 };

/* sprint_ustack's parse, after out:
 *   at    the next byte
 *   acc   the token's value so far
 *   len   the token's bytes so far
 *   dead  a byte that is no hex digit ended the number (strtol stops)
 *   in    the string, span + 8 bytes */
enum { PS_AT = 0, PS_ACC = 8, PS_LEN = 16, PS_DEAD = 24, PS_IN = 32 };

static uint32_t span_of(struct cg *cg)
{
	uint32_t span = 1;
	while (span <= cg->opts->maxstringlen)
		span <<= 1;
	return span;
}

static uint32_t parse_base(struct cg *cg)
{
	return ST_OUT + 2 * span_of(cg);
}

uint32_t cg_usym_state_size(struct cg *cg)
{
	return (parse_base(cg) + PS_IN + span_of(cg) + 8 + 7) & ~7u;
}

bool cg_usym_state_per_thread(struct cg *cg)
{
	return cg_usym_state_size(cg) <= USYM_STATE_THREAD_MAX;
}

/* The state: the thread's, made at its first call, so that a probe that
 * is preempted, or sleeps (sleep.c), keeps it; this CPU's where it is too
 * large for a thread's storage (a MAXSTRINGLEN above some 15,000).  NULL
 * if the kernel cannot make it. */
static LLVMValueRef state_lookup(struct cg *cg)
{
	if (!cg_usym_state_per_thread(cg)) {
		LLVMValueRef args[2] = { cg->maps[CG_MAP_USYM_STATE], cg->zeros };
		return cg_bpf_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, args, 2);
	}
	LLVMValueRef task = cg_bpf_helper(cg, BPF_FUNC_get_current_task_btf, cg->ptr, NULL, 0);
	LLVMValueRef args[4] = { cg->maps[CG_MAP_USYM_STATE], task, LLVMConstNull(cg->ptr),
				 cg_const(cg, BPF_LOCAL_STORAGE_GET_F_CREATE) };
	return cg_bpf_helper(cg, BPF_FUNC_task_storage_get, cg->ptr, args, 4);
}

struct usym_call {
	enum usym_style style;
	uint32_t span;
};

static LLVMValueRef map_lookup_u32(struct cg *cg, LLVMValueRef st, LLVMValueRef map,
				   LLVMValueRef index)
{
	LLVMValueRef key = cg_field(cg, st, ST_KEY);
	LLVMBuildStore(cg->b, LLVMBuildTrunc(cg->b, index, cg->i32, ""), key);
	LLVMValueRef args[2] = { map, key };
	return cg_bpf_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, args, 2);
}

static LLVMValueRef load64(struct cg *cg, LLVMValueRef base, uint32_t off)
{
	return LLVMBuildLoad2(cg->b, cg->i64, cg_field(cg, base, off), "");
}

/* The address the symbol table counts in, of file offset foff in module
 * m: through the segment whose file bytes hold it, else the last that
 * starts below it (the zero-filled end of a data page), as
 * symbolize.c's offset_to_vaddr. */
static LLVMValueRef file_to_vaddr(struct cg *cg, LLVMValueRef m, LLVMValueRef foff)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef v = cg_const(cg, 0), exact = cg_const(cg, 0), hit = cg_const(cg, 0);
	for (uint32_t k = 0; k < USYM_MAXSEGS; k++) {
		uint32_t at = offsetof(struct usym_mod, segs) + k * sizeof(struct usym_seg);
		LLVMValueRef off = load64(cg, m, at + offsetof(struct usym_seg, offset));
		LLVMValueRef fsz = load64(cg, m, at + offsetof(struct usym_seg, filesz));
		LLVMValueRef va = load64(cg, m, at + offsetof(struct usym_seg, vaddr));
		LLVMValueRef there = LLVMBuildAdd(b, LLVMBuildSub(b, foff, off, ""), va, "");
		LLVMValueRef after = LLVMBuildXor(b, cg_below(cg, foff, off), cg_const(cg, 1), "");
		LLVMValueRef inside = LLVMBuildAnd(b, after,
			cg_below(cg, foff, LLVMBuildAdd(b, off, fsz, "")), "");
		v = cg_choose(cg, after, there, v);
		exact = cg_choose(cg, inside, there, exact);
		hit = LLVMBuildOr(b, hit, inside, "");
	}
	return cg_choose(cg, hit, exact, v);
}

/* The index (from 0) of the last of the module's `count` symbols at or
 * below vaddr, or 0 when none is; the caller checks that one.  Each of the
 * 24 steps halves the range without a branch; NULL from a lookup (never,
 * the runtime sizes the map) goes to `fail`. */
static LLVMValueRef search(struct cg *cg, LLVMValueRef st, LLVMValueRef first,
			   LLVMValueRef count, LLVMValueRef vaddr, LLVMBasicBlockRef fail)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef j = cg_const(cg, 0), key = LLVMBuildAdd(b, vaddr, cg_const(cg, 1), "");
	for (int k = 23; k >= 0; k--) {
		LLVMValueRef cand = LLVMBuildAdd(b, j, cg_const(cg, 1ll << k), "");
		LLVMValueRef in = cg_below(cg, cand, count);
		LLVMValueRef idx = LLVMBuildAdd(b, first, cg_choose(cg, in, cand, cg_const(cg, 0)), "");
		LLVMValueRef s = map_lookup_u32(cg, st, cg->maps[CG_MAP_USYM_SYMS], idx);
		LLVMBasicBlockRef ok = cg_block(cg, "search.step");
		LLVMBuildCondBr(b, LLVMBuildIsNull(b, s, ""), fail, ok);
		LLVMPositionBuilderAtEnd(b, ok);
		LLVMValueRef sv = load64(cg, s, offsetof(struct usym_sym, vaddr));
		LLVMValueRef take = LLVMBuildAnd(b, in, cg_below(cg, sv, key), "");
		j = cg_choose(cg, take, cand, j);
	}
	return j;
}

/* What a layout's arguments are made of. */
struct pieces {
	LLVMValueRef addr, name, offset, size, module, modoff, extent;
};

/* Writes the frame by layout l at out + pos (room: span bytes) and returns
 * bpf_snprintf's result: the length with the NUL. */
static LLVMValueRef write_frame(struct cg *cg, const struct usym_call *c, const struct layout *l,
				LLVMValueRef st, LLVMValueRef pos, const struct pieces *p)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef data = cg_field(cg, st, ST_ARGS);
	uint32_t n = 0;
	for (const char *a = l->args; *a; a++, n++) {
		LLVMValueRef v = *a == 'a' ? p->addr : *a == 'n' ? p->name : *a == 'o' ? p->offset :
			*a == 's' ? p->size : *a == 'm' ? p->module : *a == 'x' ? p->modoff :
			p->extent;
		if (LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind)
			v = LLVMBuildPtrToInt(b, v, cg->i64, "");
		LLVMBuildStore(b, v, word(cg, data, (int)n));
	}
	LLVMValueRef at = LLVMBuildAnd(b, cg_opaque(cg, pos), cg_const(cg, c->span - 1), "");
	LLVMValueRef args[5] = { cg_gep(cg, cg_field(cg, st, ST_OUT), at),
				 LLVMConstInt(cg->i32, c->span, 0),
				 cg_const_bytes(cg, l->fmt, (uint32_t)strlen(l->fmt) + 1), data,
				 LLVMConstInt(cg->i32, 8 * (n ? n : 1), 0) };
	if (!n)
		LLVMBuildStore(b, cg_const(cg, 0), word(cg, data, 0));
	return cg_bpf_helper(cg, BPF_FUNC_snprintf, cg->i64, args, 5);
}

/* The bpf_loop callback that names frame i and appends its text. */
static LLVMValueRef frame_step(struct cg *cg, const struct usym_call *c,
			       const struct vma_offsets *o)
{
	static const char *const names[] = { "index", "ctx" };
	char fname[32];
	snprintf(fname, sizeof(fname), "usym_frame_%d", (int)c->style);
	LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, fname);
	if (fn)
		return fn;
	struct cg_saved saved;
	LLVMValueRef vma_fn = vma_callback(cg, o);
	fn = cg_callback_begin(cg, fname, names, 2, &saved);
	LLVMBuilderRef b = cg->b;
	uint32_t max = cg->opts->maxstringlen;
	LLVMBasicBlockRef stop = cg_block(cg, "stop"), go = cg_block(cg, "go");
	LLVMValueRef st = state_lookup(cg);
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, st, ""), stop, go);
	LLVMPositionBuilderAtEnd(b, stop);
	LLVMBuildRet(b, cg_const(cg, 1));

	LLVMPositionBuilderAtEnd(b, go);
	LLVMValueRef i = load64(cg, st, ST_I), pos = load64(cg, st, ST_POS);
	LLVMBuildStore(b, LLVMBuildAdd(b, i, cg_const(cg, 1), ""), cg_field(cg, st, ST_I));
	/* _stp_stack_user_sprint stops once the text is MAXSTRINGLEN long */
	LLVMBasicBlockRef room = cg_block(cg, "room");
	LLVMValueRef more = LLVMBuildAnd(b,
		LLVMBuildICmp(b, LLVMIntULT, i, load64(cg, st, ST_N), ""),
		LLVMBuildICmp(b, LLVMIntULT, pos, cg_const(cg, max), ""), "");
	LLVMBuildCondBr(b, more, room, stop);
	LLVMPositionBuilderAtEnd(b, room);
	LLVMValueRef slot = LLVMBuildShl(b, LLVMBuildAnd(b, cg_opaque(cg, i), cg_const(cg, 31), ""),
					 cg_const(cg, 3), "");
	LLVMValueRef addr = LLVMBuildLoad2(b, cg->i64, cg_gep(cg, cg_field(cg, st, ST_FRAMES), slot),
					   "addr");
	if (c->style == STYLE_SIMPLE) {
		/* no frame after a 0, the first excepted */
		LLVMBasicBlockRef frame = cg_block(cg, "frame");
		LLVMBuildCondBr(b, LLVMBuildAnd(b,
			LLVMBuildICmp(b, LLVMIntNE, i, cg_const(cg, 0), ""),
			LLVMBuildICmp(b, LLVMIntEQ, addr, cg_const(cg, 0), ""), ""), stop, frame);
		LLVMPositionBuilderAtEnd(b, frame);
	}

	/* The mapping: bpf_find_vma(current, addr, usym_vma, vm, 0). */
	LLVMValueRef vm = cg_function_slot(cg, "usym.vma", LLVMArrayType2(cg->i64, VMA_WORDS + 1),
					   NULL);
	for (int w = 0; w < VMA_WORDS; w++)
		LLVMBuildStore(b, cg_const(cg, 0), word(cg, vm, w));
	LLVMValueRef task = cg_bpf_helper(cg, BPF_FUNC_get_current_task_btf, cg->ptr, NULL, 0);
	LLVMValueRef fargs[5] = { task, addr, vma_fn, vm, cg_const(cg, 0) };
	LLVMValueRef rc = cg_bpf_helper(cg, BPF_FUNC_find_vma, cg->i64, fargs, 5);
	LLVMValueRef dname = LLVMBuildLoad2(b, cg->ptr, word(cg, vm, VMA_NAME), "dname");
	LLVMBasicBlockRef filed = cg_block(cg, "filed"), nothing = cg_block(cg, "nothing");
	LLVMBuildCondBr(b, LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntEQ, rc, cg_const(cg, 0), ""),
					LLVMBuildIsNotNull(b, dname, ""), ""), filed, nothing);

	/* A file: the offset into it, and into the run of its mappings. */
	LLVMPositionBuilderAtEnd(b, filed);
	long page = sysconf(_SC_PAGESIZE);
	LLVMValueRef start = load64(cg, vm, 8 * VMA_START);
	LLVMValueRef foff = LLVMBuildMul(b, load64(cg, vm, 8 * VMA_PGOFF), cg_const(cg, page), "");
	LLVMValueRef modoff = LLVMBuildAdd(b, LLVMBuildSub(b, addr, start, ""), foff, "modoff");
	LLVMValueRef key = cg_field(cg, st, ST_KEY);
	LLVMBuildStore(b, load64(cg, vm, 8 * VMA_DEV), word(cg, key, 0));
	LLVMBuildStore(b, load64(cg, vm, 8 * VMA_INO), word(cg, key, 1));
	LLVMValueRef kargs[2] = { cg->maps[CG_MAP_USYM_MODS], key };
	LLVMValueRef m = cg_bpf_helper(cg, BPF_FUNC_map_lookup_elem, cg->ptr, kargs, 2);
	LLVMBasicBlockRef known = cg_block(cg, "known"), unknown = cg_block(cg, "unknown");
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, m, ""), unknown, known);

	/* A file uscript read: its symbol, if one is at or below. */
	LLVMPositionBuilderAtEnd(b, known);
	LLVMBasicBlockRef modk = cg_block(cg, "module"), symk = cg_block(cg, "symbol");
	LLVMValueRef vaddr = file_to_vaddr(cg, m, modoff);
	LLVMValueRef first = LLVMBuildZExt(b, LLVMBuildLoad2(b, cg->i32,
		cg_field(cg, m, offsetof(struct usym_mod, first)), ""), cg->i64, "first");
	LLVMValueRef count = LLVMBuildZExt(b, LLVMBuildLoad2(b, cg->i32,
		cg_field(cg, m, offsetof(struct usym_mod, count)), ""), cg->i64, "count");
	LLVMValueRef j = search(cg, st, first, count, vaddr, modk);
	LLVMValueRef idx = LLVMBuildAdd(b, first, j, "");
	LLVMValueRef s = map_lookup_u32(cg, st, cg->maps[CG_MAP_USYM_SYMS], idx);
	LLVMBasicBlockRef s_ok = cg_block(cg, "sym.ok"), s_le = cg_block(cg, "sym.le");
	LLVMBuildCondBr(b, LLVMBuildOr(b, LLVMBuildIsNull(b, s, ""),
				       LLVMBuildICmp(b, LLVMIntEQ, count, cg_const(cg, 0), ""), ""),
			modk, s_ok);
	LLVMPositionBuilderAtEnd(b, s_ok);
	LLVMValueRef svaddr = load64(cg, s, offsetof(struct usym_sym, vaddr));
	LLVMValueRef ssize = load64(cg, s, offsetof(struct usym_sym, size));
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULE, svaddr, vaddr, ""), s_le, modk);
	LLVMPositionBuilderAtEnd(b, s_le);
	LLVMValueRef name = map_lookup_u32(cg, st, cg->maps[CG_MAP_USYM_NAMES], idx);
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, name, ""), modk, symk);

	bool data = c->style == STYLE_DATA || c->style == STYLE_USTACK || c->style == STYLE_MODULE;
	uint32_t mod_at = data ? offsetof(struct usym_mod, path) : offsetof(struct usym_mod, base);
	LLVMBasicBlockRef join = cg_block(cg, "join");
	LLVMValueRef lens[4];
	LLVMBasicBlockRef from[4];

	LLVMPositionBuilderAtEnd(b, symk);
	struct pieces p = { .addr = addr, .name = name, .offset = LLVMBuildSub(b, vaddr, svaddr, ""),
			    .size = ssize, .module = cg_field(cg, m, mod_at) };
	lens[0] = write_frame(cg, c, &layouts[c->style][FOUND_SYMBOL], st, pos, &p);
	from[0] = LLVMGetInsertBlock(b);
	LLVMBuildBr(b, join);

	LLVMPositionBuilderAtEnd(b, modk);
	p = (struct pieces){ .addr = addr, .module = cg_field(cg, m, mod_at), .modoff = modoff,
			     .extent = load64(cg, m, offsetof(struct usym_mod, extent)) };
	lens[1] = write_frame(cg, c, &layouts[c->style][FOUND_MODULE], st, pos, &p);
	from[1] = LLVMGetInsertBlock(b);
	LLVMBuildBr(b, join);

	/* A file uscript did not read: its name, and the offset into it. */
	LLVMPositionBuilderAtEnd(b, unknown);
	if (c->style == STYLE_MODULE) {
		LLVMBuildStore(b, cg_const(cg, 1), cg_field(cg, st, ST_FLAG));
		LLVMBuildRet(b, cg_const(cg, 1));
	} else {
		p = (struct pieces){ .addr = addr, .module = dname, .modoff = modoff,
				     .extent = cg_const(cg, 0) };
		lens[2] = write_frame(cg, c, &layouts[c->style][FOUND_MODULE], st, pos, &p);
		from[2] = LLVMGetInsertBlock(b);
		LLVMBuildBr(b, join);
	}

	LLVMPositionBuilderAtEnd(b, nothing);
	if (c->style == STYLE_MODULE) {
		LLVMBuildStore(b, cg_const(cg, 1), cg_field(cg, st, ST_FLAG));
		LLVMBuildRet(b, cg_const(cg, 1));
	} else {
		p = (struct pieces){ .addr = addr };
		lens[3] = write_frame(cg, c, &layouts[c->style][FOUND_NOTHING], st, pos, &p);
		from[3] = LLVMGetInsertBlock(b);
		LLVMBuildBr(b, join);
	}

	LLVMPositionBuilderAtEnd(b, join);
	LLVMValueRef len = LLVMBuildPhi(b, cg->i64, "len");
	if (c->style == STYLE_MODULE)
		LLVMAddIncoming(len, lens, from, 2);
	else
		LLVMAddIncoming(len, lens, from, 4);
	LLVMValueRef wrote = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSGT, len, cg_const(cg, 0), ""),
					     LLVMBuildSub(b, len, cg_const(cg, 1), ""),
					     cg_const(cg, 0), "");
	LLVMValueRef end = LLVMBuildAdd(b, pos, wrote, "");
	if (c->style == STYLE_USTACK) {
		/* sprint_usyms: a line that would pass MAXSTRINGLEN is left out,
		 * and so are the rest */
		LLVMBasicBlockRef keep = cg_block(cg, "keep");
		LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntUGT, end, cg_const(cg, max), ""), stop,
				keep);
		LLVMPositionBuilderAtEnd(b, keep);
	}
	LLVMBuildStore(b, end, cg_field(cg, st, ST_POS));
	LLVMBuildRet(b, cg_const(cg, 0));
	cg_callback_end(cg, &saved);
	return fn;
}

/* Names the n addresses at the state's frames in style (n NULL: the state
 * holds their number), and copies the text into the string `into`. */
static void name_frames(struct cg *cg, struct expr *call, enum usym_style style,
			LLVMValueRef st, LLVMValueRef n, LLVMValueRef into)
{
	LLVMBuilderRef b = cg->b;
	uint32_t span = span_of(cg);
	struct usym_call c = { style, span };
	const struct vma_offsets *o = vma_offsets();
	if (!o) {
		diag_error(&call->loc, "%s() needs the kernel's BTF (/sys/kernel/btf/vmlinux)",
			   call->builtin->name);
		return;
	}
	if (n)
		LLVMBuildStore(b, n, cg_field(cg, st, ST_N));
	LLVMBuildStore(b, cg_const(cg, 0), cg_field(cg, st, ST_I));
	LLVMBuildStore(b, cg_const(cg, 0), cg_field(cg, st, ST_POS));
	LLVMBuildStore(b, cg_const(cg, 0), cg_field(cg, st, ST_FLAG));
	LLVMValueRef out = cg_field(cg, st, ST_OUT);
	LLVMBuildStore(b, LLVMConstInt(cg->i8, 0, 0), out);
	cg_bpf_loop(cg, style == STYLE_SIMPLE || style == STYLE_USTACK ? 32 : 1,
		    frame_step(cg, &c, o));
	if (style == STYLE_MODULE) {
		LLVMBasicBlockRef bad = cg_block(cg, "umodname.unknown"), ok = cg_block(cg, "umodname.ok");
		LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, load64(cg, st, ST_FLAG),
						 cg_const(cg, 0), ""), bad, ok);
		LLVMPositionBuilderAtEnd(b, bad);
		cg_raise(cg, &call->loc, "module cannot be found");
		LLVMBuildBr(b, ok);
		LLVMPositionBuilderAtEnd(b, ok);
	}
	LLVMValueRef pos = load64(cg, st, ST_POS);
	LLVMValueRef max = cg_const(cg, cg->opts->maxstringlen - 1);
	LLVMValueRef cut = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntULT, pos, max, ""), pos, max, "");
	LLVMBuildStore(b, LLVMConstInt(cg->i8, 0, 0),
		       cg_gep(cg, out, LLVMBuildAnd(b, cut, cg_const(cg, span - 1), "")));
	cg->t->str_copy(cg, into, out, cg_const(cg, cg->opts->maxstringlen));
}

/* The user stack into the state's frames; their number. */
static LLVMValueRef take_stack(struct cg *cg, LLVMValueRef st)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef rc = cg->t->user_stack(cg, cg_field(cg, st, ST_FRAMES), OUT_MAX_FRAMES * 8);
	return LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSGT, rc, cg_const(cg, 0), ""),
			       LLVMBuildLShr(b, rc, cg_const(cg, 3), ""), cg_const(cg, 0), "");
}

/* sprint_ustack(stk): the addresses of stk, as tokenize(stk, " ") and
 * strtol(token, 16) take them, into the state's frames, by a bpf_loop
 * callback a byte a turn (its state: PS_ above). */
static LLVMValueRef parse_step(struct cg *cg)
{
	static const char *const names[] = { "index", "ctx" };
	LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, "usym_parse");
	if (fn)
		return fn;
	struct cg_saved saved;
	fn = cg_callback_begin(cg, "usym_parse", names, 2, &saved);
	LLVMBuilderRef b = cg->b;
	uint32_t span = span_of(cg);
	LLVMBasicBlockRef stop = cg_block(cg, "stop"), go = cg_block(cg, "go");
	LLVMValueRef st = state_lookup(cg);
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, st, ""), stop, go);
	LLVMPositionBuilderAtEnd(b, stop);
	LLVMBuildRet(b, cg_const(cg, 1));

	LLVMPositionBuilderAtEnd(b, go);
	LLVMValueRef ps = cg_field(cg, st, parse_base(cg));
	LLVMValueRef at = load64(cg, ps, PS_AT), acc = load64(cg, ps, PS_ACC);
	LLVMValueRef len = load64(cg, ps, PS_LEN), dead = load64(cg, ps, PS_DEAD);
	LLVMBuildStore(b, LLVMBuildAdd(b, at, cg_const(cg, 1), ""), cg_field(cg, ps, PS_AT));
	LLVMValueRef ch = LLVMBuildZExt(b, LLVMBuildLoad2(b, cg->i8, cg_gep(cg, cg_field(cg, ps, PS_IN),
		LLVMBuildAnd(b, cg_opaque(cg, at), cg_const(cg, span - 1), "")), ""), cg->i64, "ch");
	LLVMBasicBlockRef end = cg_block(cg, "token.end"), byte = cg_block(cg, "token.byte");
	LLVMValueRef sep = LLVMBuildOr(b, LLVMBuildICmp(b, LLVMIntEQ, ch, cg_const(cg, ' '), ""),
				       LLVMBuildICmp(b, LLVMIntEQ, ch, cg_const(cg, 0), ""), "");
	LLVMBuildCondBr(b, sep, end, byte);

	/* a space or the end: the token, if any, is an address */
	LLVMPositionBuilderAtEnd(b, end);
	LLVMBasicBlockRef push = cg_block(cg, "push"), next = cg_block(cg, "next");
	LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, len, cg_const(cg, 0), ""), push, next);
	LLVMPositionBuilderAtEnd(b, push);
	LLVMValueRef n = load64(cg, st, ST_N);
	LLVMValueRef slot = LLVMBuildShl(b, LLVMBuildAnd(b, cg_opaque(cg, n), cg_const(cg, 31), ""),
					 cg_const(cg, 3), "");
	LLVMBuildStore(b, acc, cg_gep(cg, cg_field(cg, st, ST_FRAMES), slot));
	LLVMBuildStore(b, LLVMBuildAdd(b, n, cg_const(cg, 1), ""), cg_field(cg, st, ST_N));
	LLVMBuildBr(b, next);
	LLVMPositionBuilderAtEnd(b, next);
	for (uint32_t f = PS_ACC; f <= PS_DEAD; f += 8)
		LLVMBuildStore(b, cg_const(cg, 0), cg_field(cg, ps, f));
	LLVMValueRef more = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntNE, ch, cg_const(cg, 0), ""),
		LLVMBuildICmp(b, LLVMIntULT, load64(cg, st, ST_N), cg_const(cg, 32), ""), "");
	LLVMBuildRet(b, LLVMBuildSelect(b, more, cg_const(cg, 0), cg_const(cg, 1), ""));

	/* a byte of the token: a hex digit, or the x of a leading "0x" */
	LLVMPositionBuilderAtEnd(b, byte);
	LLVMValueRef lower = LLVMBuildOr(b, ch, cg_const(cg, 0x20), "");
	LLVMValueRef is_dec = LLVMBuildICmp(b, LLVMIntULT, LLVMBuildSub(b, ch, cg_const(cg, '0'), ""),
					    cg_const(cg, 10), "");
	LLVMValueRef is_hex = LLVMBuildICmp(b, LLVMIntULT,
		LLVMBuildSub(b, lower, cg_const(cg, 'a'), ""), cg_const(cg, 6), "");
	LLVMValueRef digit = LLVMBuildSelect(b, is_dec, LLVMBuildSub(b, ch, cg_const(cg, '0'), ""),
		LLVMBuildAdd(b, LLVMBuildSub(b, lower, cg_const(cg, 'a'), ""), cg_const(cg, 10), ""), "");
	LLVMValueRef prefix = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntEQ, lower, cg_const(cg, 'x'), ""),
		LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntEQ, len, cg_const(cg, 1), ""),
			     LLVMBuildICmp(b, LLVMIntEQ, acc, cg_const(cg, 0), ""), ""), "");
	LLVMValueRef good = LLVMBuildAnd(b, LLVMBuildOr(b, is_dec, is_hex, ""),
		LLVMBuildICmp(b, LLVMIntEQ, dead, cg_const(cg, 0), ""), "");
	LLVMValueRef nacc = LLVMBuildSelect(b, good, LLVMBuildAdd(b,
		LLVMBuildShl(b, acc, cg_const(cg, 4), ""), digit, ""), acc, "");
	LLVMBuildStore(b, nacc, cg_field(cg, ps, PS_ACC));
	LLVMBuildStore(b, LLVMBuildAdd(b, len, cg_const(cg, 1), ""), cg_field(cg, ps, PS_LEN));
	LLVMValueRef ndead = LLVMBuildSelect(b, LLVMBuildOr(b, LLVMBuildOr(b, good, prefix, ""),
		LLVMBuildICmp(b, LLVMIntNE, dead, cg_const(cg, 0), ""), ""), dead, cg_const(cg, 1), "");
	LLVMBuildStore(b, ndead, cg_field(cg, ps, PS_DEAD));
	LLVMBuildRet(b, LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntULT, at,
		cg_const(cg, cg->opts->maxstringlen), ""), cg_const(cg, 0), cg_const(cg, 1), ""));
	cg_callback_end(cg, &saved);
	return fn;
}

/* The addresses of sprint_ustack's argument into the state, 32 at most
 * (more lines than MAXSTRINGLEN holds). */
static void parse_stack(struct cg *cg, LLVMValueRef stk, LLVMValueRef st)
{
	LLVMBuilderRef b = cg->b;
	LLVMValueRef ps = cg_field(cg, st, parse_base(cg));
	cg->t->str_copy(cg, cg_field(cg, ps, PS_IN), stk, cg_const(cg, cg->opts->maxstringlen));
	for (uint32_t f = PS_AT; f <= PS_DEAD; f += 8)
		LLVMBuildStore(b, cg_const(cg, 0), cg_field(cg, ps, f));
	LLVMBuildStore(b, cg_const(cg, 0), cg_field(cg, st, ST_N));
	cg_bpf_loop(cg, cg->opts->maxstringlen + 1, parse_step(cg));
}

/* ---- uscript's own handlers ---- */

/* "0x..." of v, a string in scratch. */
static LLVMValueRef hex_string(struct cg *cg, LLVMValueRef v)
{
	uint32_t size = 32;
	while (size < cg->opts->maxstringlen)
		size <<= 1;
	LLVMValueRef out = cg_scratch(cg, size + 32, true);
	LLVMValueRef end = cg_put_hex(cg, out, cg_const(cg, size - 1), cg_const(cg, 0), v);
	LLVMValueRef max = cg_const(cg, cg->opts->maxstringlen - 1);
	LLVMValueRef cut = LLVMBuildSelect(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, end, max, ""),
					   end, max, "");
	LLVMBuildStore(cg->b, LLVMConstInt(cg->i8, 0, 0), cg_gep(cg, out, cut));
	return out;
}

static LLVMValueRef host_symbol(struct cg *cg, struct expr *call)
{
	switch (call->builtin->id) {
	case BI_usymname:
	case BI_usymdata:
		return hex_string(cg, cg_expr(cg, call->args));
	case BI_umodname:
		cg_expr(cg, call->args);
		cg_raise(cg, &call->loc, "module cannot be found");
		return cg_string_literal(cg, "", 0);
	case BI_sprint_ustack: {
		/* no symbols: the lines with the addresses in hex */
		LLVMValueRef out = cg_string_slot(cg, true);
		LLVMTypeRef params[3] = { cg->ptr, cg->ptr, cg->i64 };
		LLVMValueRef args[3] = { out, cg_expr(cg, call->args),
					 cg_const(cg, cg->opts->maxstringlen) };
		cg_call_named(cg, HOSTABI_PREFIX "sprint_ustack", cg->void_t, params, args, 3);
		return out;
	}
	default:
		return cg_no_user_stack(cg, true);
	}
}

LLVMValueRef cg_usym(struct cg *cg, struct expr *call)
{
	if (!cg->t->is_bpf)
		return host_symbol(cg, call);
	LLVMBuilderRef b = cg->b;
	int id = call->builtin->id;
	LLVMValueRef arg = call->args ? cg_expr(cg, call->args) : NULL;
	LLVMValueRef into = cg_string_slot(cg, true);
	LLVMBuildStore(b, LLVMConstInt(cg->i8, 0, 0), into);
	LLVMValueRef st = state_lookup(cg);
	LLVMBasicBlockRef have = cg_block(cg, "usym.state"), done = cg_block(cg, "usym.done");
	LLVMBuildCondBr(b, LLVMBuildIsNull(b, st, ""), done, have);
	LLVMPositionBuilderAtEnd(b, have);
	if (id == BI_sprint_ubacktrace) {
		name_frames(cg, call, STYLE_SIMPLE, st, take_stack(cg, st), into);
	} else if (id == BI_sprint_ustack) {
		parse_stack(cg, arg, st);
		name_frames(cg, call, STYLE_USTACK, st, NULL, into);
	} else {
		LLVMBuildStore(b, arg, cg_field(cg, st, ST_FRAMES));
		enum usym_style style = id == BI_usymname ? STYLE_SYMBOL :
			id == BI_usymdata ? STYLE_DATA : STYLE_MODULE;
		name_frames(cg, call, style, st, cg_const(cg, 1), into);
	}
	LLVMBuildBr(b, done);
	LLVMPositionBuilderAtEnd(b, done);
	return into;
}
