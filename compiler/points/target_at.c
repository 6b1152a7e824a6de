/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target_at.c — @cast(p, "type" [, "module"]) and @var("name[@file]"
 * [, "module"]) with their members and indexes, '&' and '$' on them, at
 * any uprobe row, and an @cast with a module at none (in a function or a
 * begin probe); see target.h.  A module is a file (target_header.c
 * compiles one for headers).
 *
 * Both read through the same operations as $p->a[2].b (dwi_access_ex), so
 * an @cast chain costs what the same $var chain costs.  @cast's address is
 * a run-time value: it is the expression's first run-time index
 * (codegen/target_vars.c evaluates it first), and the read starts as
 * 0 + index[0], which LLVM folds away.  @var's address is its link-time
 * address moved as far as the file was loaded: the probe's instruction
 * pointer is its own link-time address moved the same way, so the root
 * is `addr - row's address + rip`, for PIE, non-PIE and shared libraries
 * alike, with no table of load addresses.  Only an @var of a library from
 * a probe on the program looks for where the library is, when the probe
 * hits (TV_ROOT_LIB). */
#include <stdio.h>
#include <string.h>

#include "binary/debugfile.h"
#include "parse/arena.h"
#include "parse/diag.h"
#include "binary/elfsym.h"
#include "binary/usdt.h"
#include "dwarf/dwarfinfo.h"
#include "probes.h"
#include "target_impl.h"

/* The expression as the script spells it, for messages: its source text
 * when on one line. */
static const char *at_text(struct tctx *c, const struct expr *e)
{
	const struct loc *l = &e->loc;
	if (l->file && l->line == l->end_line && l->end_col >= l->col) {
		const char *s = l->file->text;
		for (int line = 1; line < l->line && s; line++) {
			s = strchr(s, '\n');
			s = s ? s + 1 : NULL;
		}
		if (s && strlen(s) >= (size_t)l->end_col)
			return arena_printf(c->arena, "%.*s", l->end_col - l->col + 1, s + l->col - 1);
	}
	return e->form == TARGET_CAST ? "@cast" : e->form == TARGET_AUTO ? "->" : "@var";
}

/* " at PP" for messages; "" where the expression is in no probe's rows
 * (an @cast with a module in a function or a begin probe). */
static const char *where(struct tctx *c, int row)
{
	return row < 0 ? "" : arena_printf(c->arena, " at %s", c->t->rows[row].pp);
}

/* The DWARF that names the types: the probed file's, or the module's.  A
 * module may list several files, "a:b", tried in turn by the caller; this
 * opens one.  NULL after an error at e. */
static struct dwi *module_dwarf(struct tctx *c, const struct expr *e, int row,
				const char *module)
{
	const char *what = e->form == TARGET_CAST ? "@cast" : "@var";
	if (!module) {
		const struct attach_point *a = &c->t->rows[row];
		struct dwi *d = probes_dwarf(c->t, a->path);
		if (!d)
			diag_error(&e->loc, "%s needs the debug information of %s, which has none "
				   "(%s); or name a module with it as %s's last argument", what,
				   a->path, debugfile_hint(), what);
		return d;
	}
	if (kernel_module(module)) {
		diag_error(&e->module_loc, "@var of the kernel's variables (\"%s\") is not "
			   "supported: BTF has the kernel's types, not where its variables are",
			   module);
		return NULL;
	}
	if (module[0] == '<') {
		const char *why = NULL;
		const char *so = e->form == TARGET_CAST ?
			header_types(c->arena, module, &why) : NULL;
		struct dwi *d = so ? probes_dwarf(c->t, so) : NULL;
		if (!d)
			diag_error(&e->module_loc, "%s's header \"%s\": %s", what, module,
				   why ? why : e->form == TARGET_CAST ? "no debug information" :
				   "@var reads the program's variables, not a header's");
		return d;
	}
	char path[4096];
	struct elf_error err;
	if (elf_find_path(module, path, sizeof(path), NULL, &err) < 0) {
		diag_error(&e->module_loc, "%s's module \"%s\": %s", what, module, err.msg);
		return NULL;
	}
	struct dwi *d = probes_dwarf(c->t, path);
	if (!d)
		diag_error(&e->module_loc, "%s's module %s has no debug information (%s)", what,
			   path, debugfile_hint());
	return d;
}

/* n followed by the access, whose run-time indexes come slot_shift after
 * n's.  The result must be a number, unless its address is taken or it is
 * pretty-printed (the access then ends at its address). */
int at_finish(struct tctx *c, struct expr *e, int row, const struct dwi_access *acc,
	      struct tv_num *n, int slot_shift, struct tv_read *r)
{
	struct dwi_op ops[DWI_MAX_OPS];
	memcpy(ops, acc->ops, (size_t)acc->nops * sizeof(*ops));
	for (int i = 0; i < acc->nops; i++)
		ops[i].slot += slot_shift;
	num_append_dwi(c, n, ops, acc->nops);
	if (e->pretty) {
		struct dwi_plan plan;
		if (row < 0 || c->t->rows[row].kind == ATTACH_URETPROBE) {
			diag_error(&e->loc, "%s is not supported yet in .return probes, "
				   "functions and probes outside the program", at_text(c, e));
			return -1;
		}
		if (!acc->type || dwi_plan_var(acc->type, 0, true, true,
					       e->pretty > 2 ? 2 : e->pretty, &plan) < 0) {
			diag_error(&e->loc, "%s%s cannot be pretty-printed: its type is "
				   "unknown", at_text(c, e), where(c, row));
			return -1;
		}
		return pretty_pieces(c, e, row, &plan, pretty_fixed_root, n, r);
	}
	if (!e->addr_of && acc->type &&
	    (acc->type->kind == DWI_STRUCT || acc->type->kind == DWI_VOID)) {
		diag_error(&e->loc, "%s%s is %s, not a number: name one of its members, or "
			   "take its address with '&'", at_text(c, e), where(c, row),
			   acc->type->name ? acc->type->name : "a value without a type");
		return -1;
	}
	r->kind = TV_NUM;
	r->num = *n;
	c->got_type = acc->type;
	c->got_addr = acc->is_address || e->addr_of;
	return 0;
}

static int cast_read(struct tctx *c, struct expr *e, int row, struct tv_read *r)
{
	if (kernel_module(e->module))
		return kcast_read(c, e, row, at_text(c, e), r);
	const struct dwi_type *type = NULL;
	int levels = 0;
	struct dwi_error err = { "" };
	/* "a:b": the first module with the type */
	const char *mods = e->module;
	do {
		const char *colon = mods ? strchr(mods, ':') : NULL;
		const char *one = colon ? arena_printf(c->arena, "%.*s", (int)(colon - mods), mods)
					: mods;
		struct dwi *d = module_dwarf(c, e, row, one);
		if (!d)
			return -1;
		type = dwi_type_named(d, e->name, &levels, &err);
		mods = colon ? colon + 1 : NULL;
	} while (!type && mods);
	if (!type) {
		diag_error(&e->arg_loc, "@cast to an unknown type: %s", err.msg);
		return -1;
	}
	int nc;
	struct dwi_comp *comps = target_comps(c, e, &nc);
	struct dwi_access acc;
	if (dwi_access_ex(type, levels, true, e->addr_of || e->pretty, comps, (size_t)nc, &acc, &err) != 0) {
		diag_error(&e->loc, "%s%s: %s", at_text(c, e), where(c, row), err.msg);
		return -1;
	}
	/* v = the address @cast was given: run-time index 0 */
	struct tv_num n;
	num_root(&n, TV_ROOT_CONST, 0, -1);
	struct tv_op base = { .code = TV_OP_INDEX, .slot = 0, .n = 1 };
	struct tv_op *ops = ops_new(c, 1);
	ops[0] = base;
	n.ops = ops;
	n.nops = 1;
	return at_finish(c, e, row, &acc, &n, 1, r);
}

/* Where the probe is in its file: its link-time address, which rip holds
 * moved by the load bias when the probe hits. */
static uint64_t row_vaddr(struct tctx *c, int row)
{
	const struct row_ctx *x = &c->t->ctx[row];
	return x->mark ? x->mark->vaddr : x->vaddr;
}

/* @var of a library from a probe on the program that loads it: the
 * library's load address is found when the probe hits (TV_ROOT_LIB). */
static int lib_root(struct tctx *c, struct expr *e, int row, uint64_t addr, struct tv_num *n)
{
	const struct attach_point *a = &c->t->rows[row];
	char path[4096];
	struct elf_error err;
	struct elf_file *prog, *lib;
	uint64_t prog_dyn, debug_slot, lib_dyn;
	if (elf_find_path(e->module, path, sizeof(path), NULL, &err) < 0 ||
	    elf_cache_open(c->t->elves, path, &lib, &err) < 0 ||
	    elf_cache_open(c->t->elves, a->path, &prog, &err) < 0) {
		diag_error(&e->module_loc, "@var's module \"%s\": %s", e->module, err.msg);
		return -1;
	}
	if (elf_dynamic(lib, &lib_dyn, NULL) < 0) {
		diag_error(&e->module_loc, "@var's module %s is not a shared library: it has no "
			   "dynamic section", path);
		return -1;
	}
	if (elf_dynamic(prog, &prog_dyn, &debug_slot) < 0) {
		diag_error(&e->module_loc, "@var of another file than the probed one is read "
			   "in probes on a dynamically linked program, through the list of the "
			   "libraries it loaded; %s is not one", a->path);
		return -1;
	}
	num_root(n, TV_ROOT_LIB, (int64_t)addr, PT_REGS_IP);
	n->debug_rel = (int64_t)(debug_slot - row_vaddr(c, row));
	n->lib_dyn = (int64_t)lib_dyn;
	n->lib_path = arena_strdup(c->arena, path);
	return 0;
}

static int var_read(struct tctx *c, struct expr *e, int row, struct tv_read *r)
{
	const struct attach_point *a = &c->t->rows[row];
	if (!c->t->ctx[row].mark && !c->t->ctx[row].file) {
		diag_error(&e->loc, "@var cannot be read at %s: uscript reads it at functions "
			   "and USDT probes of the program that has it", a->pp);
		return -1;
	}
	struct dwi *d = module_dwarf(c, e, row, e->module);
	if (!d)
		return -1;
	bool other = e->module && d != probes_dwarf(c->t, a->path);
	const char *at = strchr(e->name, '@');
	const char *name = at ? arena_printf(c->arena, "%.*s", (int)(at - e->name), e->name)
			      : e->name;
	struct dwi_error err;
	const struct dwi_var *v = dwi_global(d, name, at ? at + 1 : NULL, &err);
	if (!v) {
		diag_error(&e->arg_loc, "@var(\"%s\"): %s", e->name, err.msg);
		return -1;
	}
	int nc;
	struct dwi_comp *comps = target_comps(c, e, &nc);
	struct dwi_access acc;
	if (!v->type ||
	    dwi_access_ex(v->type, -1, true, e->addr_of || e->pretty, comps, (size_t)nc, &acc, &err) != 0) {
		diag_error(&e->loc, "%s at %s: %s", at_text(c, e), a->pp,
			   v->type ? err.msg : "its type is unknown");
		return -1;
	}
	struct tv_num n;
	num_root(&n, TV_ROOT_ADDR, (int64_t)(v->addr - row_vaddr(c, row)), PT_REGS_IP);
	if (other && lib_root(c, e, row, v->addr, &n) < 0)
		return -1;
	/* a .return row's rip is the caller's: the address is taken at the
	 * entry, the value read at the return */
	at_entry(c, row, &n);
	return at_finish(c, e, row, &acc, &n, 0, r);
}

int at_read(struct tctx *c, struct expr *e, int row, struct tv_read *r)
{
	if (e->form == TARGET_AUTO)
		return auto_read(c, e, row, r);
	if (e->form == TARGET_CAST)
		return cast_read(c, e, row, r);
	return var_read(c, e, row, r);
}
