/* SPDX-License-Identifier: GPL-2.0-or-later */
/* abi.c — where the System V x86-64 calling convention puts each
 * argument at a function's first instruction, and its return value. */
#include <string.h>

#include "dwarfinfo_impl.h"

enum cls { C_NONE, C_INT, C_SSE, C_SSEUP, C_X87, C_X87UP, C_CX87, C_MEM };

static enum cls merge(enum cls a, enum cls b)
{
	if (a == b)
		return a;
	if (a == C_NONE)
		return b;
	if (b == C_NONE)
		return a;
	if (a == C_MEM || b == C_MEM)
		return C_MEM;
	if (a == C_INT || b == C_INT)
		return C_INT;
	if (a == C_X87 || a == C_X87UP || a == C_CX87 ||
	    b == C_X87 || b == C_X87UP || b == C_CX87)
		return C_MEM;
	return C_SSE;
}

static bool is_x87(const struct dwi_type *t)
{
	/* long double and _Float128 are both 16-byte floats; only the first
	 * is the x87 type. */
	const struct tnode *n = tn(t);
	const char *name = n->has_res ? dwarf_diename((Dwarf_Die *)&n->res) : NULL;
	return name && strstr(name, "long double");
}

static uint64_t type_align(const struct dwi_type *t, int depth)
{
	if (!t || depth > 16)
		return 1;
	struct tnode *n = tn(t);
	Dwarf_Word a;
	if (n->has_res && (udata(&n->die, DW_AT_alignment, &a) ||
			   udata(&n->res, DW_AT_alignment, &a)) && a)
		return a;
	switch (t->kind) {
	case DWI_ARRAY:
		return type_align(dwi_type_target(t), depth + 1);
	case DWI_STRUCT: {
		size_t nm;
		const struct dwi_member *m = dwi_type_members(t, &nm);
		uint64_t al = 1;
		for (size_t i = 0; i < nm; i++) {
			uint64_t ma = type_align(m[i].type, depth + 1);
			if (!m[i].is_bitfield && ma && m[i].offset % ma)
				return 1;     /* packed */
			if (ma > al)
				al = ma;
		}
		return t->size % al ? 1 : al;
	}
	case DWI_FLOAT:
		if (t->encoding == DW_ATE_complex_float)
			return t->size / 2 > 16 ? 16 : (t->size / 2 ? t->size / 2 : 1);
		/* fallthrough */
	default:
		return t->size > 16 ? 16 : (t->size ? t->size : 1);
	}
}

/* Whether a C++ class is passed as a pointer to a copy: the Itanium ABI
 * does that when it has a non-trivial copy or move constructor or
 * destructor.  Clang says so (DW_AT_calling_convention); for GCC, look
 * for a destructor, a user-declared copy or move constructor, virtual
 * functions or bases, and members or bases that are such classes. */
static bool passed_by_reference(const struct dwi_type *t, int depth)
{
	struct tnode *n = tn(t);
	if (t->kind != DWI_STRUCT || !n->has_res || !n->is_cxx || depth > 8)
		return false;
	Dwarf_Word cc;
	if (udata(&n->res, DW_AT_calling_convention, &cc)) {
		if (cc == 4)        /* DW_CC_pass_by_reference */
			return true;
		if (cc == 5)        /* DW_CC_pass_by_value */
			return false;
	}
	const char *cname = dwarf_diename(&n->res);
	Dwarf_Die c;
	if (dwarf_child(&n->res, &c) == 0)
		do {
			int tag = dwarf_tag(&c);
			if (tag == DW_TAG_inheritance && dwarf_hasattr(&c, DW_AT_virtuality))
				return true;
			if (tag == DW_TAG_member) {
				const char *mn = dwarf_diename(&c);
				if (mn && strncmp(mn, "_vptr", 5) == 0)
					return true;
				continue;
			}
			if (tag != DW_TAG_subprogram)
				continue;
			Dwarf_Word v;
			if (udata(&c, DW_AT_virtuality, &v) && v)
				return true;
			const char *fn = dwarf_diename(&c);
			/* Declared by the compiler, or "= default" in the class:
			 * trivial unless a member or base is not (below). */
			Dwarf_Word dflt;
			if (!fn || dwarf_hasattr(&c, DW_AT_artificial) ||
			    (udata(&c, DW_AT_defaulted, &dflt) && dflt == DW_DEFAULTED_in_class))
				continue;
			if (fn[0] == '~')
				return true;
			if (!cname || strcmp(fn, cname) != 0)
				continue;
			/* A constructor whose one parameter after `this` is a
			 * reference to this class: a copy or move constructor. */
			Dwarf_Die p;
			int nparams = 0;
			bool self_ref = false;
			if (dwarf_child(&c, &p) == 0)
				do {
					if (dwarf_tag(&p) != DW_TAG_formal_parameter)
						continue;
					if (nparams++ == 0)
						continue;
					Dwarf_Die pt;
					if (!type_die(&p, &pt))
						continue;
					int pt_tag = dwarf_tag(&pt);
					if (pt_tag != DW_TAG_reference_type &&
					    pt_tag != DW_TAG_rvalue_reference_type)
						continue;
					const struct dwi_type *rt = dwi_type_target(dw_type_of(n->d, &pt));
					self_ref = rt && rt->kind == DWI_STRUCT && tn(rt)->has_res &&
						   tn(rt)->res.addr == n->res.addr;
				} while (dwarf_siblingof(&p, &p) == 0);
			if (nparams == 2 && self_ref)
				return true;
		} while (dwarf_siblingof(&c, &c) == 0);
	size_t nm;
	const struct dwi_member *m = dwi_type_members(t, &nm);
	for (size_t i = 0; i < nm; i++) {
		const struct dwi_type *mt = m[i].type;
		while (mt && mt->kind == DWI_ARRAY)
			mt = dwi_type_target(mt);
		if (mt && passed_by_reference(mt, depth + 1))
			return true;
	}
	return false;
}

static bool classify_at(const struct dwi_type *t, uint64_t off, enum cls c[2], int depth)
{
	if (!t || depth > 16)
		return false;
	uint64_t al = type_align(t, 0);
	if (al > 1 && off % al)
		c[0] = C_MEM;
	switch (t->kind) {
	case DWI_INT:
	case DWI_CHAR:
	case DWI_BOOL:
	case DWI_ENUM:
	case DWI_POINTER:
	case DWI_REFERENCE:
		if (t->size == 16) {
			if (off % 16)
				return false;
			c[0] = merge(c[0], C_INT);
			c[1] = merge(c[1], C_INT);
			return true;
		}
		if (!t->size || t->size > 8 || off / 8 != (off + t->size - 1) / 8 || off >= 16)
			return false;
		c[off / 8] = merge(c[off / 8], C_INT);
		return true;
	case DWI_FLOAT:
		if (t->size == 16 && t->encoding == DW_ATE_float) {
			if (off)
				return false;
			if (is_x87(t)) {
				c[0] = merge(c[0], C_X87);
				c[1] = merge(c[1], C_X87UP);
			} else {
				c[0] = merge(c[0], C_SSE);
				c[1] = merge(c[1], C_SSEUP);
			}
			return true;
		}
		if (t->encoding == DW_ATE_complex_float && t->size == 32) {
			c[0] = C_MEM;
			return true;
		}
		if (t->encoding == DW_ATE_complex_float && t->size == 16) {
			if (off)
				return false;
			c[0] = merge(c[0], C_SSE);
			c[1] = merge(c[1], C_SSE);
			return true;
		}
		if (!t->size || t->size > 8 || off >= 16 || off / 8 != (off + t->size - 1) / 8)
			return false;
		c[off / 8] = merge(c[off / 8], C_SSE);
		return true;
	case DWI_ARRAY: {
		const struct dwi_type *e = dwi_type_target(t);
		if (!e || !e->size || !t->count_known)
			return t->size == 0;   /* a flexible array adds nothing */
		for (uint64_t i = 0; i < t->count; i++)
			if (!classify_at(e, off + i * e->size, c, depth + 1))
				return false;
		return true;
	}
	case DWI_STRUCT: {
		if (t->incomplete)
			return false;
		size_t nm;
		const struct dwi_member *m = dwi_type_members(t, &nm);
		for (size_t i = 0; i < nm; i++) {
			if (m[i].is_virtual_base)
				return false;
			if (m[i].is_bitfield) {
				if (!m[i].bit_size)
					continue;
				uint64_t first = off * 8 + m[i].bit_offset;
				uint64_t last = first + m[i].bit_size - 1;
				if (last >= 128)
					return false;
				c[first / 64] = merge(c[first / 64], C_INT);
				c[last / 64] = merge(c[last / 64], C_INT);
				continue;
			}
			if (!classify_at(m[i].type, off + m[i].offset, c, depth + 1))
				return false;
		}
		return true;
	}
	default:
		return false;
	}
}

/* Classifies an argument or return value: false when it goes in memory
 * (or cannot be classified: *known false). */
static bool classify(const struct dwi_type *t, enum cls c[2], bool *known)
{
	c[0] = c[1] = C_NONE;
	*known = true;
	if (t->size > 16) {
		if (t->kind == DWI_STRUCT || t->kind == DWI_ARRAY || t->kind == DWI_FLOAT)
			return false;
		*known = false;
		return false;
	}
	if (!classify_at(t, 0, c, 0)) {
		*known = false;
		return false;
	}
	if (c[0] == C_MEM || c[1] == C_MEM)
		return false;
	if (c[1] == C_X87UP && c[0] != C_X87)
		return false;
	if (c[0] == C_X87 || c[0] == C_CX87)
		return false;   /* arguments of x87 classes go in memory */
	if (c[1] == C_SSEUP && c[0] != C_SSE)
		c[1] = C_SSE;
	return true;
}

struct dwi_abi dw_abi_unsupported(const char *why)
{
	return (struct dwi_abi){ .kind = DWI_ABI_UNSUPPORTED, .reg = -1, .stack = -1, .why = why };
}

static const char *float_why(const struct dwi_type *t)
{
	if (t->encoding == DW_ATE_complex_float)
		return "a _Complex value";
	if (t->size == 16 && is_x87(t))
		return "a long double";
	return "a floating-point value";
}

void dw_assign_abi(struct fnode *f)
{
	int ints = 0, sses = 0;
	bool lost = false;   /* a parameter could not be placed: nor can those after it */
	uint64_t stack = 0;
	enum cls c[2];
	bool known;
	const struct dwi_type *rt = f->ret;
	if (rt && (passed_by_reference(rt, 0) ||
		   (!classify(rt, c, &known) && known && rt->kind != DWI_FLOAT)))
		ints = 1;   /* the caller's buffer for the result, in rdi */
	for (size_t i = 0; i < f->nparams; i++) {
		struct dwi_var *v = &f->params[i];
		const struct dwi_type *t = v->type;
		if (f->pub.is_inline) {
			v->abi = dw_abi_unsupported("in an inlined copy, not where the ABI puts it");
			continue;
		}
		if (f->pub.is_clone) {
			v->abi = dw_abi_unsupported("not where the ABI puts it: the compiler "
						 "changed this function's parameters");
			continue;
		}
		if (lost) {
			v->abi = dw_abi_unsupported("after a parameter uscript cannot place");
			continue;
		}
		if (!t || t->kind == DWI_VOID || t->kind == DWI_FUNCTION) {
			v->abi = dw_abi_unsupported("of an unknown type");
			lost = true;   /* later positions are unknown too */
			continue;
		}
		bool byref = passed_by_reference(t, 0);
		int nint = 0, nsse = 0;
		bool mem = false;
		uint64_t size = t->size, align = type_align(t, 0);
		if (byref) {
			nint = 1;
			size = align = 8;
		} else if (t->kind == DWI_OTHER) {
			/* decltype(nullptr) and data member pointers are one word;
			 * member function pointers two. */
			Dwarf_Die pt;
			struct tnode *n = tn(t);
			nint = n->has_res && dwarf_tag(&n->res) == DW_TAG_ptr_to_member_type &&
			       type_die(&n->res, &pt) && dwarf_tag(&pt) == DW_TAG_subroutine_type ? 2 : 1;
			size = align = 8 * (uint64_t)nint;
		} else if (classify(t, c, &known)) {
			for (int k = 0; k < 2; k++) {
				nint += c[k] == C_INT;
				nsse += c[k] == C_SSE;
			}
		} else if (!known) {
			v->abi = dw_abi_unsupported("of a type uscript cannot place");
			lost = true;
			continue;
		} else {
			mem = true;
		}
		struct dwi_abi a = { .reg = -1, .stack = -1 };
		bool in_regs = !mem && ints + nint <= 6 && sses + nsse <= 8;
		if (in_regs) {
			if (nint)
				a.reg = ints;
			ints += nint;
			sses += nsse;
		} else {
			if (align < 8)
				align = 8;
			stack = (stack + align - 1) / align * align;
			a.stack = (int)(8 + stack);
			stack += (size + 7) / 8 * 8;
		}
		bool scalar_int = t->kind == DWI_INT || t->kind == DWI_CHAR || t->kind == DWI_BOOL ||
				  t->kind == DWI_ENUM || t->kind == DWI_POINTER ||
				  t->kind == DWI_REFERENCE;
		if (byref) {
			a.kind = DWI_ABI_BYREF;
			a.size = 8;
		} else if (scalar_int && t->size <= 8) {
			a.kind = in_regs ? DWI_ABI_REG : DWI_ABI_STACK;
			a.size = (uint8_t)t->size;
		} else if (t->kind == DWI_INT || t->kind == DWI_CHAR) {
			a.kind = DWI_ABI_UNSUPPORTED;
			a.why = "an __int128";
		} else if (t->kind == DWI_FLOAT) {
			a.kind = DWI_ABI_UNSUPPORTED;
			a.why = float_why(t);
		} else if ((t->kind == DWI_STRUCT || t->kind == DWI_ARRAY) && !in_regs) {
			a.kind = DWI_ABI_MEMORY;
		} else if (t->kind == DWI_STRUCT && nint + nsse == 0) {
			a.kind = DWI_ABI_UNSUPPORTED;
			a.why = "an empty struct, which is not passed at all";
		} else if (t->kind == DWI_STRUCT) {
			a.kind = DWI_ABI_UNSUPPORTED;
			a.why = t->tag == DWI_TAG_UNION ? "a union passed in registers" :
				t->tag == DWI_TAG_CLASS ? "a class passed in registers" :
				"a struct passed in registers";
		} else {
			a.kind = DWI_ABI_UNSUPPORTED;
			a.why = "of a type uscript cannot read";
		}
		v->abi = a;
	}
}

struct dwi_abi dw_return_abi(const struct dwi_type *t)
{
	if (!t || t->kind == DWI_VOID)
		return dw_abi_unsupported("void");
	switch (t->kind) {
	case DWI_INT:
	case DWI_CHAR:
	case DWI_BOOL:
	case DWI_ENUM:
	case DWI_POINTER:
	case DWI_REFERENCE:
		if (t->size && t->size <= 8)
			return (struct dwi_abi){ .kind = DWI_ABI_REG, .reg = -1, .stack = -1,
						 .size = (uint8_t)t->size };
		return dw_abi_unsupported("an __int128");
	case DWI_FLOAT:
		return dw_abi_unsupported(float_why(t));
	case DWI_STRUCT: {
		/* Returned in memory, the callee hands the caller's buffer
		 * back in rax. */
		enum cls c[2];
		bool known;
		if (!t->incomplete && (passed_by_reference(t, 0) ||
				       (!classify(t, c, &known) && known)))
			return (struct dwi_abi){ .kind = DWI_ABI_MEMORY, .reg = -1, .stack = -1 };
		return dw_abi_unsupported(t->tag == DWI_TAG_UNION ? "a union returned in registers" :
				       t->tag == DWI_TAG_CLASS ? "a class returned in registers" :
				       "a struct returned in registers");
	}
	default:
		return dw_abi_unsupported("of a type uscript cannot read");
	}
}
