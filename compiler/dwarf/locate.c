/* SPDX-License-Identifier: GPL-2.0-or-later */
/* locate.c — where a variable is at an address inside its function, for
 * $name at a USDT site (dwi_var_at): its DWARF location there, the simple
 * forms compilers write for variables in registers and frames, with the
 * frame base and the canonical frame address the call-frame information
 * gives.  Function probes never need this: they read arguments where the
 * ABI puts them (abi.c). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dwarfinfo_impl.h"

/* The named variable or parameter among the children of scope. */
static bool var_in(Dwarf_Die *scope, const char *name, Dwarf_Die *out)
{
	Dwarf_Die c;
	if (dwarf_child(scope, &c) != 0)
		return false;
	do {
		int tag = dwarf_tag(&c);
		if (tag != DW_TAG_variable && tag != DW_TAG_formal_parameter)
			continue;
		const char *n = dwarf_diename(&c);
		if (n && strcmp(n, name) == 0) {
			*out = c;
			return true;
		}
	} while (dwarf_siblingof(&c, &c) == 0);
	return false;
}

static bool simple_place(const Dwarf_Op *op, struct dwi_place *p);

/* The CFA at pc as "register + offset", from .eh_frame or .debug_frame. */
static bool cfa_at(struct dwi *d, uint64_t pc, int *reg, int64_t *off)
{
	/* .eh_frame is in the program (dwi_close() ends it), .debug_frame
	 * with the DWARF */
	if (!d->eh_cfi_done) {
		d->eh_cfi_done = true;
		d->eh_cfi = dwarf_getcfi_elf(d->elf);
	}
	Dwarf_CFI *cfis[2] = { d->eh_cfi, dwarf_getcfi(d->dbg) };
	for (int i = 0; i < 2; i++) {
		Dwarf_Frame *frame = NULL;
		Dwarf_Op *ops;
		size_t n;
		if (!cfis[i] || dwarf_cfi_addrframe(cfis[i], pc, &frame) != 0)
			continue;
		/* libdw writes the rule "register + offset" as DW_OP_bregx */
		struct dwi_place p;
		bool ok = dwarf_frame_cfa(frame, &ops, &n) == 0 && n == 1 &&
			  simple_place(&ops[0], &p) && p.in_memory && p.reg != DWI_REG_LINK;
		if (ok) {
			*reg = p.reg;
			*off = p.offset;
		}
		free(frame);
		if (ok)
			return true;
	}
	return false;
}

/* One operation as a place: a register's value, or memory at a
 * register plus an offset; the frame base for DW_OP_fbreg. */
static bool simple_place(const Dwarf_Op *op, struct dwi_place *p)
{
	if (op->atom >= DW_OP_reg0 && op->atom <= DW_OP_reg31) {
		p->in_memory = false;
		p->reg = op->atom - DW_OP_reg0;
		return true;
	}
	if (op->atom == DW_OP_regx) {
		p->in_memory = false;
		p->reg = (int)op->number;
		return true;
	}
	if (op->atom >= DW_OP_breg0 && op->atom <= DW_OP_breg31) {
		p->in_memory = true;
		p->reg = op->atom - DW_OP_breg0;
		p->offset = (int64_t)op->number;
		return true;
	}
	if (op->atom == DW_OP_bregx) {
		p->in_memory = true;
		p->reg = (int)op->number;
		p->offset = (int64_t)op->number2;
		return true;
	}
	if (op->atom == DW_OP_addr) {
		p->in_memory = true;
		p->reg = DWI_REG_LINK;
		p->offset = (int64_t)op->number;
		return true;
	}
	return false;
}

/* The value an operation pushes before DW_OP_stack_value: a register
 * plus an offset, or a constant. */
static bool value_place(const Dwarf_Op *op, struct dwi_place *p)
{
	if (simple_place(op, p) && p->in_memory && p->reg != DWI_REG_LINK) {
		p->in_memory = false;
		p->is_sum = true;
		return true;
	}
	if (op->atom >= DW_OP_lit0 && op->atom <= DW_OP_lit31) {
		p->in_memory = false;
		p->is_const = true;
		p->offset = op->atom - DW_OP_lit0;
		return true;
	}
	switch (op->atom) {
	case DW_OP_const1u: case DW_OP_const2u: case DW_OP_const4u: case DW_OP_const8u:
	case DW_OP_constu: case DW_OP_const1s: case DW_OP_const2s: case DW_OP_const4s:
	case DW_OP_const8s: case DW_OP_consts:
		p->in_memory = false;
		p->is_const = true;
		p->offset = (int64_t)op->number;
		return true;
	default:
		return false;
	}
}

static bool frame_base(struct dwi *d, Dwarf_Die *func, uint64_t pc, struct dwi_place *fb)
{
	Dwarf_Attribute a;
	Dwarf_Op *ops;
	size_t n;
	if (!dwarf_attr_integrate(func, DW_AT_frame_base, &a) ||
	    dwarf_getlocation_addr(&a, pc, &ops, &n, 1) != 1 || n != 1)
		return false;
	if (ops[0].atom == DW_OP_call_frame_cfa) {
		fb->in_memory = true;
		return cfa_at(d, pc, &fb->reg, &fb->offset);
	}
	/* DW_OP_bregN: the frame base is that register plus N; DW_OP_regN:
	 * the register itself, as older compilers wrote rbp */
	if (!simple_place(&ops[0], fb) || fb->reg == DWI_REG_LINK)
		return false;
	if (!fb->in_memory)
		fb->offset = 0;
	fb->in_memory = true;
	return true;
}

int dwi_var_at(struct dwi *d, uint64_t pc, const char *name, struct dwi_place *out,
	       struct dwi_error *err)
{
	memset(out, 0, sizeof(*out));
	Dwarf_Die cu, *scopes = NULL, var, *func = NULL;
	if (!dwarf_addrdie(d->dbg, pc, &cu)) {
		dw_set_err(err, "the debug information of %s does not describe the address "
			   "%#llx", d->path, (unsigned long long)pc);
		return -1;
	}
	int n = dwarf_getscopes(&cu, pc, &scopes);
	bool found = false;
	for (int i = 0; i < n && !found; i++) {
		if (!func && dwarf_tag(&scopes[i]) == DW_TAG_subprogram)
			func = &scopes[i];
		found = var_in(&scopes[i], name, &var);
	}
	for (int i = 0; i < n && !func; i++)
		if (dwarf_tag(&scopes[i]) == DW_TAG_subprogram)
			func = &scopes[i];
	if (func)
		out->func = dwarf_diename(func);
	int rc = -1;
	Dwarf_Attribute a;
	Dwarf_Op *ops;
	size_t nops;
	Dwarf_Die t;
	if (!found) {
		dw_set_err(err, "no variable '%s' in the debug information at the address",
			   name);
		rc = -ENOENT;
	} else if (!dwarf_attr_integrate(&var, DW_AT_location, &a) ||
		   dwarf_getlocation_addr(&a, pc, &ops, &nops, 1) != 1 || nops == 0) {
		dw_set_err(err, "'%s' has no place at the address: the compiler optimized it "
			   "out there", name);
	} else if (nops == 2 && ops[1].atom == DW_OP_stack_value &&
		   value_place(&ops[0], out)) {
		rc = 0;
	} else if (nops >= 1 && (ops[0].atom == DW_OP_entry_value ||
				 ops[0].atom == DW_OP_GNU_entry_value)) {
		dw_set_err(err, "'%s' is known there only as its value when the function was "
			   "entered (DW_OP_entry_value), which uscript cannot read yet", name);
	} else if (nops != 1 || (!simple_place(&ops[0], out) && ops[0].atom != DW_OP_fbreg)) {
		dw_set_err(err, "'%s' is computed there by a DWARF expression uscript cannot "
			   "read yet (%zu operations, starting with DW_OP %#x)", name, nops,
			   ops[0].atom);
	} else if (ops[0].atom == DW_OP_fbreg) {
		struct dwi_place fb;
		if (!func || !frame_base(d, func, pc, &fb)) {
			dw_set_err(err, "the frame of '%s' cannot be found at the address", name);
		} else {
			out->in_memory = true;
			out->reg = fb.reg;
			out->offset = fb.offset + (int64_t)ops[0].number;
			rc = 0;
		}
	} else {
		rc = 0;
	}
	if (rc == 0)
		out->type = type_die(&var, &t) ? dw_type_of(d, &t) : NULL;
	free(scopes);
	return rc == -ENOENT ? rc : rc < 0 ? -1 : 0;
}
