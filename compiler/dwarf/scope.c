/* SPDX-License-Identifier: GPL-2.0-or-later */
/* scope.c — the variables in scope at an address inside a function, and
 * where each is there: what $name reads at a .statement("…:LINE") or a
 * .label probe.
 *
 * At a function's first instruction uscript reads arguments where the ABI
 * puts them (abi.c).  Inside the function only DWARF knows: a variable
 * lives in a register, in a frame slot below the frame base, at a fixed
 * address, or nowhere at that address (optimised out), and at -O2 the
 * answer changes from one address to the next (location lists).  This
 * file evaluates the location that holds at the probe's address, for the
 * forms compilers write for plain variables:
 *   DW_OP_regN              the value is in register N
 *   DW_OP_bregN off         the variable is at register N + off
 *   DW_OP_fbreg off         at the frame base + off, the frame base being
 *                           DW_OP_call_frame_cfa (GCC: the CFA, from the
 *                           call-frame information at the address),
 *                           DW_OP_regN or DW_OP_bregN off (clang: rbp)
 *   DW_OP_addr a            at the link-time address a
 *   DW_AT_const_value       a constant
 * Anything else (a value computed by an expression, DW_OP_entry_value,
 * pieces of a variable in several places) is reported as such, and the
 * variable cannot be read there. */
#include <stdlib.h>

#include "dwarfinfo_impl.h"

struct snode;
static struct snode *scope_of(struct dwi *d, uint64_t pc, Dwarf_Die *scopes, int n);

struct snode {
	struct dwi_scope pub;
	Dwarf_Die *dies;      /* one per variable */
	Dwarf_Die func;       /* the subprogram or inlined copy holding pc */
};

/* DW_TAG_subprogram or DW_TAG_inlined_subroutine: where a function's
 * variables end. */
static bool is_function(Dwarf_Die *die)
{
	int tag = dwarf_tag(die);
	return tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine;
}

const struct dwi_scope *dwi_scope_at(struct dwi *d, uint64_t pc)
{
	if (!d)
		return NULL;
	uintptr_t key = (uintptr_t)(pc * 2 + 1);
	struct snode *s = dw_map_get(&d->scopes_at, key);
	if (s)
		return &s->pub;
	/* The unit by its own ranges: clang writes no .debug_aranges for
	 * dwarf_addrdie() to read. */
	dw_read_units(d);
	Dwarf_Die *cu = NULL, *scopes = NULL;
	for (size_t i = 0; i < d->ncus && !cu; i++)
		if (dwarf_haspc(&d->cus[i].die, pc) == 1)
			cu = &d->cus[i].die;
	if (!cu)
		return NULL;
	int n = dwarf_getscopes(cu, pc, &scopes);
	s = scope_of(d, pc, scopes, n);
	free(scopes);
	if (s)
		dw_map_put(&d->scopes_at, key, s);
	return s ? &s->pub : NULL;
}

/* A label's variables, as SystemTap finds them: from the DIE the label
 * is in, down the blocks that hold its address (a C label belongs to its
 * function, and GCC may put it there rather than in its block), but no
 * further up than that DIE where the ranges do not hold the address (an
 * inlined copy that GCC -O2 describes with empty ranges).  An inlined
 * copy's, at its entry, likewise from its own DIE (dw_scope_in_die). */
const struct dwi_scope *dw_scope_of_die(struct dwi *d, Dwarf_Die *die, uint64_t pc)
{
	Dwarf_Die *scopes = NULL;
	int n = dwarf_getscopes_die(die, &scopes);
	if (n < 2) {
		free(n > 0 ? scopes : NULL);
		return NULL;
	}
	Dwarf_Die parent = scopes[1];
	free(scopes);
	return dw_scope_in_die(d, &parent, pc);
}

const struct dwi_scope *dw_scope_in_die(struct dwi *d, Dwarf_Die *start, uint64_t pc)
{
	Dwarf_Die *scopes = NULL, inner = *start;
	int n;
	for (int depth = 0; depth < MAX_DEPTH; depth++) {
		Dwarf_Die c;
		bool found = false;
		if (dwarf_child(&inner, &c) == 0)
			do
				found = dwarf_tag(&c) == DW_TAG_lexical_block &&
					dwarf_haspc(&c, pc) == 1;
			while (!found && dwarf_siblingof(&c, &c) == 0);
		if (!found)
			break;
		inner = c;
	}
	n = dwarf_getscopes_die(&inner, &scopes);
	struct snode *s = n > 0 ? scope_of(d, pc, scopes, n) : NULL;
	free(n > 0 ? scopes : NULL);
	return s ? &s->pub : NULL;
}

/* The scope at pc whose chain, innermost first, is scopes[0..n). */
static struct snode *scope_of(struct dwi *d, uint64_t pc, Dwarf_Die *scopes, int n)
{
	int fn = -1;
	for (int i = 0; i < n && fn < 0; i++)
		if (is_function(&scopes[i]))
			fn = i;
	if (fn < 0)
		return NULL;
	struct snode *s = arena_alloc(d->arena, sizeof(*s));
	s->func = scopes[fn];
	s->pub.pc = pc;
	s->pub.name = dwarf_diename(&scopes[fn]);
	Dwarf_Die origin;
	if (!s->pub.name && ref_die(&scopes[fn], DW_AT_abstract_origin, &origin))
		s->pub.name = dwarf_diename(&origin);
	/* Innermost scope first, so that a block's variable hides one of
	 * the same name outside it, as in C. */
	size_t cap = 8, nv = 0;
	struct dwi_var *vars = xcalloc(cap, sizeof(*vars));
	Dwarf_Die *dies = xcalloc(cap, sizeof(*dies));
	for (int i = 0; i <= fn; i++) {
		Dwarf_Die c;
		if (dwarf_child(&scopes[i], &c) != 0)
			continue;
		do {
			int tag = dwarf_tag(&c);
			if (tag != DW_TAG_variable && tag != DW_TAG_formal_parameter)
				continue;
			const char *name = dwarf_diename(&c);
			bool hidden = !name;
			for (size_t k = 0; k < nv && !hidden; k++)
				hidden = vars[k].name && strcmp(vars[k].name, name) == 0;
			if (hidden)
				continue;
			if (nv == cap) {
				cap *= 2;
				vars = xrealloc(vars, cap * sizeof(*vars));
				dies = xrealloc(dies, cap * sizeof(*dies));
			}
			memset(&vars[nv], 0, sizeof(vars[nv]));
			dw_fill_var(d, &vars[nv], &c, pc, tag == DW_TAG_formal_parameter);
			dies[nv++] = c;
		} while (dwarf_siblingof(&c, &c) == 0);
	}
	struct dwi_var *v = arena_alloc(d->arena, (nv + 1) * sizeof(*v));
	s->dies = arena_alloc(d->arena, (nv + 1) * sizeof(*s->dies));
	if (nv) {
		memcpy(v, vars, nv * sizeof(*v));
		memcpy(s->dies, dies, nv * sizeof(*dies));
	}
	free(vars);
	free(dies);
	s->pub.vars = v;
	s->pub.n = nv;
	s->pub.priv = d;
	return s;
}

const char *dwi_scope_listing(const struct dwi_scope *s)
{
	if (!s)
		return "";
	struct dwi *d = s->priv;
	struct sb b = { 0 };
	for (size_t i = 0; i < s->n; i++) {
		const struct dwi_var *v = &s->vars[i];
		if (!v->listed)
			continue;
		sb_puts(&b, " $");
		sb_puts(&b, v->name);
		sb_puts(&b, ":");
		sb_puts(&b, v->type->name);
	}
	const char *r = arena_strdup(d->arena, sb_str(&b));
	free(b.s);
	return r;
}

/* Register N + off from a one-operation location: DW_OP_bregN, or
 * DW_OP_regN for its value (off 0). */
static bool reg_plus(const Dwarf_Op *op, int *reg, int64_t *off, bool *is_value)
{
	*is_value = false;
	if (op->atom >= DW_OP_breg0 && op->atom <= DW_OP_breg31) {
		*reg = op->atom - DW_OP_breg0;
		*off = (int64_t)op->number;
		return true;
	}
	if (op->atom == DW_OP_bregx) {
		*reg = (int)op->number;
		*off = (int64_t)op->number2;
		return true;
	}
	if (op->atom >= DW_OP_reg0 && op->atom <= DW_OP_reg31) {
		*reg = op->atom - DW_OP_reg0;
		*off = 0;
		*is_value = true;
		return true;
	}
	if (op->atom == DW_OP_regx) {
		*reg = (int)op->number;
		*off = 0;
		*is_value = true;
		return true;
	}
	return false;
}

/* The CFA at pc as register + offset, from .eh_frame or .debug_frame. */
static bool cfa_at(struct dwi *d, uint64_t pc, int *reg, int64_t *off)
{
	/* .eh_frame's is ours to end (dwi_close); .debug_frame's is libdw's */
	if (!d->eh_cfi_done) {
		d->eh_cfi_done = true;
		d->eh_cfi = dwarf_getcfi_elf(d->elf);
	}
	Dwarf_CFI *cfis[2] = { d->eh_cfi, dwarf_getcfi(d->dbg) };
	for (int i = 0; i < 2; i++) {
		Dwarf_Frame *fr;
		Dwarf_Op *ops;
		size_t n;
		bool value;
		if (!cfis[i] || dwarf_cfi_addrframe(cfis[i], pc, &fr) != 0)
			continue;
		bool ok = dwarf_frame_cfa(fr, &ops, &n) == 0 && n == 1 &&
			  reg_plus(&ops[0], reg, off, &value) && !value;
		free(fr);
		if (ok)
			return true;
	}
	return false;
}

/* The frame base of the function holding pc: register + offset. */
static bool frame_base(struct dwi *d, Dwarf_Die *func, uint64_t pc, int *reg, int64_t *off,
		       const char **why)
{
	Dwarf_Attribute a;
	Dwarf_Op *ops;
	size_t n;
	Dwarf_Die sub = *func;
	/* An inlined copy's frame is its caller's. */
	while (dwarf_tag(&sub) == DW_TAG_inlined_subroutine) {
		Dwarf_Die *scopes;
		int k = dwarf_getscopes_die(&sub, &scopes);
		bool found = false;
		for (int i = 1; i < k && !found; i++)
			if (dwarf_tag(&scopes[i]) == DW_TAG_subprogram ||
			    dwarf_tag(&scopes[i]) == DW_TAG_inlined_subroutine) {
				sub = scopes[i];
				found = true;
			}
		free(k > 0 ? scopes : NULL);
		if (!found)
			break;
	}
	*why = "at a place in the frame that its function's debug information does not "
	       "describe";
	if (!dwarf_attr_integrate(&sub, DW_AT_frame_base, &a) ||
	    dwarf_getlocation_addr(&a, pc, &ops, &n, 1) != 1 || n != 1)
		return false;
	bool value;
	if (ops[0].atom == DW_OP_call_frame_cfa) {
		*why = "in the frame, and the call-frame information does not say where the "
		       "frame is at this address";
		return cfa_at(d, pc, reg, off);
	}
	if (!reg_plus(&ops[0], reg, off, &value))
		return false;
	/* DW_OP_reg6 as a frame base means the base is rbp's value. */
	return true;
}

struct dwi_loc dwi_scope_loc(const struct dwi_scope *ps, size_t i)
{
	const struct snode *s = (const struct snode *)ps;
	struct dwi *d = ps->priv;
	Dwarf_Die die = s->dies[i];
	struct dwi_loc l = { .kind = DWI_LOC_NONE, .reg = -1 };
	Dwarf_Attribute a;
	if (dwarf_attr_integrate(&die, DW_AT_const_value, &a)) {
		Dwarf_Sword sv;
		Dwarf_Word uv;
		if (dwarf_formsdata(&a, &sv) == 0) {
			l.kind = DWI_LOC_CONST;
			l.value = sv;
		} else if (dwarf_formudata(&a, &uv) == 0) {
			l.kind = DWI_LOC_CONST;
			l.value = (int64_t)uv;
		} else {
			l.why = "a constant that is not a number";
		}
		return l;
	}
	Dwarf_Op *ops;
	size_t n;
	if (!dwarf_attr_integrate(&die, DW_AT_location, &a)) {
		l.why = "optimized out: the compiler kept it nowhere";
		return l;
	}
	if (dwarf_getlocation_addr(&a, ps->pc, &ops, &n, 1) != 1 || n == 0) {
		l.why = "not available at this address (the compiler keeps it elsewhere "
			"in the function, or not at all)";
		return l;
	}
	bool value;
	int64_t off;
	if (n == 1 && ops[0].atom == DW_OP_addr) {
		l.kind = DWI_LOC_STATIC;
		l.addr = ops[0].number;
		return l;
	}
	if (n == 1 && reg_plus(&ops[0], &l.reg, &off, &value)) {
		l.kind = value ? DWI_LOC_REG : DWI_LOC_MEM;
		l.offset = off;
		return l;
	}
	if (n == 1 && ops[0].atom == DW_OP_fbreg) {
		int64_t base;
		if (!frame_base(d, (Dwarf_Die *)&s->func, ps->pc, &l.reg, &base, &l.why)) {
			l.reg = -1;
			return l;
		}
		l.kind = DWI_LOC_MEM;
		l.offset = base + (int64_t)ops[0].number;
		return l;
	}
	l.why = "computed by a DWARF expression that uscript cannot evaluate yet";
	return l;
}
