/* SPDX-License-Identifier: GPL-2.0-or-later */
/* access.c — $p->a[2].b as operations on one value (dwi_access), the
 * way SystemTap translates target expressions, with its messages. */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dwarfinfo_impl.h"

/* The DIE-level walk below follows dwflpp::translate_components and
 * translate_final_fetch_or_store, so that what reads, and what fails
 * with which message, is what SystemTap does; its messages are kept. */

/* SystemTap's name for a type DIE, or "<unknown>" as it says then. */
const char *dw_die_type_name(struct dwi *d, Dwarf_Die *die)
{
	const char *n = die ? dw_type_of(d, die)->name : NULL;
	return n ? n : "<unknown>";
}

/* Through typedef, const, volatile and restrict (not _Atomic), as
 * resolve_unqualified_inner_typedie; false when that ends in nothing. */
bool dw_resolve_unqualified(Dwarf_Die *die, Dwarf_Die *out)
{
	*out = *die;
	for (int steps = 0; steps < MAX_DEPTH; steps++) {
		int tag = dwarf_tag(out);
		if (tag != DW_TAG_typedef && tag != DW_TAG_const_type &&
		    tag != DW_TAG_volatile_type && tag != DW_TAG_restrict_type)
			return true;
		if (!type_die(out, out))
			return false;
	}
	return false;
}

static const char *comp_text(struct arena *a, const struct dwi_comp *c)
{
	if (c->member)
		return arena_printf(a, "->%s", c->member);
	if (c->runtime)
		return arena_printf(a, "[%s]", c->text ? c->text : "...");
	return arena_printf(a, "[%" PRId64 "]", c->index);
}

struct acc {
	struct dwi *d;
	struct dwi_access *out;
	struct dwi_error *err;
	bool is_addr;       /* v is the address of the current object, not its value */
	bool want_addr;     /* &: stop before the final fetch */
	int slots;
};

static bool emit(struct acc *a, struct dwi_op op)
{
	/* Offsets one after the other are one offset. */
	struct dwi_op *last = a->out->nops ? &a->out->ops[a->out->nops - 1] : NULL;
	if (op.code == DWI_OP_ADD && last && last->code == DWI_OP_ADD) {
		last->n += op.n;
		if (!last->n)
			a->out->nops--;
		return true;
	}
	if (a->out->nops >= DWI_MAX_OPS) {
		dw_set_err(a->err, "too many components");
		return false;
	}
	a->out->ops[a->out->nops++] = op;
	return true;
}

/* v becomes the pointer's value, and the address of what it points to
 * (translate_pointer). */
static bool acc_pointer(struct acc *a)
{
	if (a->is_addr && !emit(a, (struct dwi_op){ .code = DWI_OP_LOAD, .size = 8 }))
		return false;
	a->is_addr = true;
	return true;
}

/* The element size SystemTap indexes by (array_stride, pointer_stride):
 * the byte_size of the element type through typedefs and qualifiers. */
static bool stride_of(struct acc *a, Dwarf_Die *arr, uint64_t *stride)
{
	Dwarf_Word w;
	Dwarf_Attribute at;
	if (dwarf_attr_integrate(arr, DW_AT_byte_stride, &at) && dwarf_formudata(&at, &w) == 0) {
		*stride = w;
		return true;
	}
	Dwarf_Die el;
	if (!dwarf_formref_die(dwarf_attr_integrate(arr, DW_AT_type, &at), &el)) {
		dw_set_err(a->err, "cannot get element type of array type %s",
			dwarf_diename(arr) ? dwarf_diename(arr) : "<anonymous>");
		return false;
	}
	for (int steps = 0; steps < MAX_DEPTH; steps++) {
		int tag = dwarf_tag(&el);
		if (tag != DW_TAG_typedef && tag != DW_TAG_const_type &&
		    tag != DW_TAG_volatile_type && tag != DW_TAG_restrict_type)
			break;
		if (!dwarf_formref_die(dwarf_attr_integrate(&el, DW_AT_type, &at), &el)) {
			dw_set_err(a->err, "cannot get inner type of type %s",
				dwarf_diename(&el) ? dwarf_diename(&el) : "<anonymous>");
			return false;
		}
	}
	if (!udata(&el, DW_AT_byte_size, &w)) {
		dw_set_err(a->err, "confused about array element size");
		return false;
	}
	*stride = w;
	return true;
}

/* get_members(): the names a struct offers, through anonymous members
 * and base classes, each once.  false with err set where SystemTap
 * throws instead. */
static bool die_members(struct dwi *d, Dwarf_Die *t, const char ***v, size_t *n, size_t *cap,
			struct dwi_error *err, int depth)
{
	int tag = dwarf_tag(t);
	if (depth > 16)
		return true;
	if (tag != DW_TAG_structure_type && tag != DW_TAG_class_type &&
	    tag != DW_TAG_union_type && tag != DW_TAG_compile_unit &&
	    tag != DW_TAG_partial_unit) {
		dw_set_err(err, "Type %s isn't a struct/class/union", dw_die_type_name(d, t));
		return false;
	}
	Dwarf_Die c, sub;
	if (dwarf_child(t, &c) != 0) {
		dw_set_err(err, "Type %s is empty", dw_die_type_name(d, t));
		return false;
	}
	do {
		int ct = dwarf_tag(&c);
		if (ct == DW_TAG_imported_unit && ref_die(&c, DW_AT_import, &sub) &&
		    !die_members(d, &sub, v, n, cap, err, depth + 1))
			return false;
		if (ct != DW_TAG_member && ct != DW_TAG_inheritance)
			continue;
		const char *name = dwarf_diename(&c);
		if (ct == DW_TAG_member && name) {
			bool dup = false;
			for (size_t i = 0; i < *n && !dup; i++)
				dup = strcmp((*v)[i], name) == 0;
			if (dup)
				continue;
			if (*n == *cap) {
				*cap = *cap ? *cap * 2 : 16;
				*v = xrealloc(*v, *cap * sizeof(**v));
			}
			(*v)[(*n)++] = name;
		} else {
			if (!type_die(&c, &sub)) {
				dw_set_err(err, "Couldn't obtain type attribute for anonymous member");
				return false;
			}
			if (!die_members(d, &sub, v, n, cap, err, depth + 1))
				return false;
		}
	} while (dwarf_siblingof(&c, &c) == 0);
	return true;
}

/* SystemTap's levenshtein(): substitutions cost 2, or 1 between letters
 * differing only in case; insertions and deletions 2. */
static unsigned levenshtein(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned *row = xcalloc(lb + 1, sizeof(*row));
	for (size_t j = 0; j <= lb; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned diag = row[0];
		row[0] = (unsigned)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned up = row[j], best;
			if (a[i - 1] == b[j - 1]) {
				best = diag;
			} else {
				unsigned sub = tolower((unsigned char)a[i - 1]) ==
					       tolower((unsigned char)b[j - 1]) ? 1 : 2;
				best = diag + sub;
				if (up + 2 < best)
					best = up + 2;
				if (row[j - 1] + 2 < best)
					best = row[j - 1] + 2;
			}
			diag = up;
			row[j] = best;
		}
	}
	unsigned r = row[lb];
	free(row);
	return r;
}

struct scored {
	unsigned score;
	const char *name;
};

static int cmp_scored(const void *x, const void *y)
{
	const struct scored *a = x, *b = y;
	if (a->score != b->score)
		return a->score < b->score ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* "unable to find member 'q' for struct outer (alternatives: id, in)":
 * every member, nearest first (levenshtein_suggest without limits). */
static void member_error(struct acc *a, Dwarf_Die *t, const char *name)
{
	struct dwi *d = a->d;
	struct sb b = { 0 };
	sb_puts(&b, dw_die_type_name(d, t));
	Dwarf_Attribute at;
	int line;
	const char *file = dw_decl_file(t);
	if (!dwarf_attr_integrate(t, DW_AT_name, &at) && file && dwarf_decl_line(t, &line) == 0) {
		char *src = arena_printf(d->arena, " (%s:%d)", file, line);
		sb_puts(&b, src);
	}
	const char **v = NULL;
	size_t n = 0, cap = 0;
	if (!die_members(d, t, &v, &n, &cap, a->err, 0)) {
		free(v);
		free(b.s);
		return;
	}
	struct scored *sc = xcalloc(n + 1, sizeof(*sc));
	size_t ns = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i][0])
			sc[ns++] = (struct scored){ levenshtein(name, v[i]), v[i] };
	qsort(sc, ns, sizeof(*sc), cmp_scored);
	if (ns) {
		sb_puts(&b, " (alternatives: ");
		for (size_t i = 0; i < ns; i++) {
			if (i)
				sb_puts(&b, ", ");
			sb_puts(&b, sc[i].name);
		}
		sb_puts(&b, ")");
	}
	dw_set_err(a->err, "unable to find member '%s' for %s", name, b.s);
	free(sc);
	free(v);
	free(b.s);
}

/* find_struct_member(): breadth first through base classes, depth first
 * into anonymous members and imported units.  1 found (*member, *off
 * from the start of t), 0 not there, -1 found where SystemTap would
 * compute the place (a virtual base: an error here), -2 found without a
 * place (a static member). */
static int find_die_member(struct acc *a, Dwarf_Die *t, const char *name, Dwarf_Die *member,
			   uint64_t *off, int depth)
{
	struct q {
		Dwarf_Die die;
		uint64_t off;
		bool computed;
	} q[64];
	size_t head = 0, tail = 0;
	if (depth > 16)
		return 0;
	q[tail++] = (struct q){ *t, 0, false };
	for (; head < tail; head++) {
		Dwarf_Die c, sub;
		if (dwarf_child(&q[head].die, &c) != 0)
			continue;
		do {
			int tag = dwarf_tag(&c);
			if (tag == DW_TAG_imported_unit && ref_die(&c, DW_AT_import, &sub)) {
				uint64_t o;
				int r = find_die_member(a, &sub, name, member, &o, depth + 1);
				if (r) {
					*off = q[head].off + o;
					return q[head].computed ? -1 : r;
				}
			}
			if (tag != DW_TAG_member && tag != DW_TAG_inheritance)
				continue;
			uint64_t mo = 0;
			bool constant = dw_member_offset(&c, &mo);
			const char *cname = dwarf_diename(&c);
			if (tag == DW_TAG_inheritance) {
				if (type_die(&c, &sub) && tail < sizeof(q) / sizeof(q[0]))
					q[tail++] = (struct q){ sub, q[head].off + mo,
								q[head].computed || !constant };
			} else if (!cname) {
				uint64_t o;
				int r = type_die(&c, &sub) ?
					find_die_member(a, &sub, name, member, &o, depth + 1) : 0;
				if (r) {
					*off = q[head].off + mo + o;
					return q[head].computed || !constant ? -1 : r;
				}
			} else if (strcmp(cname, name) == 0) {
				*member = c;
				*off = q[head].off + mo;
				/* A static member (DWARF 4 writes them as members)
				 * has no place in the object. */
				if (!dwarf_hasattr_integrate(&c, DW_AT_data_member_location) &&
				    !dwarf_hasattr_integrate(&c, DW_AT_data_bit_offset) &&
				    dwarf_tag(t) != DW_TAG_union_type)
					return -2;
				return q[head].computed || !constant ? -1 : 1;
			}
		} while (dwarf_siblingof(&c, &c) == 0);
	}
	return 0;
}

bool dw_is_bitfield_member(Dwarf_Die *m)
{
	return dwarf_hasattr_integrate(m, DW_AT_bit_offset) ||
	       dwarf_hasattr_integrate(m, DW_AT_data_bit_offset);
}

/* The final fetch: what v becomes for a value of type `type` (as
 * reached), read as member `vardie` when has_var. */
static bool acc_final(struct acc *a, Dwarf_Die *type, Dwarf_Die *vardie, bool has_var)
{
	struct dwi *d = a->d;
	Dwarf_Die t;
	if (!dw_resolve_unqualified(type, &t)) {
		dw_set_err(a->err, "cannot get type of pointee");
		return false;
	}
	a->out->type = dw_type_of(d, &t);
	int tag = dwarf_tag(&t);
	switch (tag) {
	case DW_TAG_structure_type:
	case DW_TAG_class_type:
	case DW_TAG_union_type: {
		struct sb src = { 0 };
		const char *file = dw_decl_file(&t);
		int line = 0;
		if (file && *file && dwarf_decl_line(&t, &line) == 0 && line > 0) {
			char *s = arena_printf(d->arena, " (%s:%d)", file, line);
			sb_puts(&src, s);
		}
		const char **v = NULL;
		size_t n = 0, cap = 0;
		const char *first = NULL;
		if (die_members(d, &t, &v, &n, &cap, NULL, 0))
			for (size_t i = 0; i < n; i++)
				if (!first || strcmp(v[i], first) < 0)
					first = v[i];
		dw_set_err(a->err, "'%s'%s is being accessed instead of a member%s%s%s",
			dw_die_type_name(d, &t), sb_str(&src), first ? " such as '->" : "",
			first ? first : "", first ? "'" : "");
		free(v);
		free(src.s);
		return false;
	}
	case DW_TAG_base_type:
	case DW_TAG_enumeration_type: {
		bool is_signed = false;
		Dwarf_Word enc = (Dwarf_Word)-1, size;
		if (tag == DW_TAG_base_type) {
			if (!udata(&t, DW_AT_encoding, &enc)) {
				dw_set_err(a->err, "unsupported type (mystery encoding %" PRIu64 " for %s",
					(uint64_t)enc, dw_die_type_name(d, &t));
				return false;
			}
			is_signed = enc == DW_ATE_signed || enc == DW_ATE_signed_char;
		}
		if (!udata(&t, DW_AT_byte_size, &size)) {
			dw_set_err(a->err, "cannot get byte_size attribute for type %s",
				dwarf_diename(&t) ? dwarf_diename(&t) : "<anonymous>");
			return false;
		}
		if (size > 8 && tag == DW_TAG_base_type) {
			dw_set_err(a->err, "cannot process >64-bit values");
			return false;
		}
		if (size != 1 && size != 2 && size != 4 && size != 8) {
			dw_set_err(a->err, "cannot read a %" PRIu64 "-byte value", (uint64_t)size);
			return false;
		}
		Dwarf_Word bits = 0, bit_off = 0;
		bool bitfield = has_var && dw_is_bitfield_member(vardie);
		unsigned shift = 0;
		if (bitfield) {
			udata(vardie, DW_AT_bit_size, &bits);
			if (udata(vardie, DW_AT_data_bit_offset, &bit_off)) {
				/* The storage unit: the type's size, aligned down. */
				uint64_t unit = (bit_off / 8) / size * size;
				if (unit && a->is_addr &&
				    !emit(a, (struct dwi_op){ .code = DWI_OP_ADD, .n = (int64_t)unit }))
					return false;
				shift = (unsigned)(bit_off - 8 * unit);
			} else if (udata(vardie, DW_AT_bit_offset, &bit_off)) {
				/* DWARF 2-4 count from the most significant bit. */
				shift = (unsigned)(size * 8 - bit_off - bits);
			}
			if (!bits || shift + bits > 64) {
				dw_set_err(a->err, "cannot get bit field parameters");
				return false;
			}
		}
		if (a->is_addr) {
			if (!emit(a, (struct dwi_op){ .code = DWI_OP_LOAD, .size = (uint8_t)size,
						      .is_signed = is_signed }))
				return false;
		} else if (size < 8) {
			if (!emit(a, (struct dwi_op){ .code = DWI_OP_EXTEND, .size = (uint8_t)size,
						      .is_signed = is_signed }))
				return false;
		}
		if (bitfield && !emit(a, (struct dwi_op){ .code = DWI_OP_BITS, .shift = (uint8_t)shift,
							 .width = (uint8_t)bits,
							 .is_signed = is_signed }))
			return false;
		if (tag == DW_TAG_base_type && enc == DW_ATE_float && size == 4 &&
		    !emit(a, (struct dwi_op){ .code = DWI_OP_FP32 }))
			return false;
		return true;
	}
	case DW_TAG_array_type:
		if (!a->is_addr) {
			dw_set_err(a->err, "cannot take the address of an array held in a register");
			return false;
		}
		a->out->is_address = true;
		return true;
	case DW_TAG_pointer_type:
	case DW_TAG_reference_type:
	case DW_TAG_rvalue_reference_type:
		return acc_pointer(a);
	default:
		dw_set_err(a->err, "unsupported type tag %d for %s", tag, dw_die_type_name(d, &t));
		return false;
	}
}

static int acc_walk(struct acc *a, Dwarf_Die *start, const struct dwi_comp *comps, size_t n)
{
	struct dwi *d = a->d;
	Dwarf_Die type = *start, vardie;
	bool has_var = false;
	size_t i = 0;
	int guard = 0;
	while (i < n) {
		const struct dwi_comp *c = &comps[i];
		if (++guard > 4 * MAX_DEPTH) {
			dw_set_err(a->err, "too many components");
			return -1;
		}
		int tag = dwarf_tag(&type);
		switch (tag) {
		case DW_TAG_typedef:
		case DW_TAG_const_type:
		case DW_TAG_volatile_type:
		case DW_TAG_restrict_type:
			if (!type_die(&type, &type)) {
				dw_set_err(a->err, "cannot get type of field");
				return -1;
			}
			continue;
		case DW_TAG_reference_type:
		case DW_TAG_rvalue_reference_type:
			if (!acc_pointer(a))
				return -1;
			if (!type_die(&type, &type)) {
				dw_set_err(a->err, "cannot get type of field");
				return -1;
			}
			continue;
		case DW_TAG_pointer_type:
			if (!dwarf_hasattr_integrate(&type, DW_AT_type)) {
				dw_set_err(a->err, "invalid access '%s' vs '%s'", comp_text(d->arena, c),
					dw_die_type_name(d, &type));
				return -1;
			}
			if (!acc_pointer(a))
				return -1;
			if (c->member) {
				type_die(&type, &type);
				continue;
			}
			/* An index through the pointer: */
			/* fallthrough */
		case DW_TAG_array_type: {
			if (c->member) {
				dw_set_err(a->err, "invalid access '%s' for array type",
					comp_text(d->arena, c));
				return -1;
			}
			uint64_t stride = 0;
			if ((c->runtime || c->index != 0) && !stride_of(a, &type, &stride))
				return -1;
			if (!a->is_addr && (c->runtime || c->index != 0)) {
				dw_set_err(a->err, "cannot index an array held in a register");
				return -1;
			}
			if (c->runtime) {
				if (!emit(a, (struct dwi_op){ .code = DWI_OP_INDEX, .slot = a->slots++,
							      .n = (int64_t)stride }))
					return -1;
			} else if (c->index != 0) {
				if (!emit(a, (struct dwi_op){ .code = DWI_OP_ADD,
							      .n = c->index * (int64_t)stride }))
					return -1;
			}
			if (!type_die(&type, &type)) {
				dw_set_err(a->err, "cannot get type of field");
				return -1;
			}
			has_var = false;
			i++;
			continue;
		}
		case DW_TAG_structure_type:
		case DW_TAG_union_type:
		case DW_TAG_class_type: {
			if (!c->member) {
				dw_set_err(a->err, "invalid access '%s' for %s", comp_text(d->arena, c),
					dw_die_type_name(d, &type));
				return -1;
			}
			if (dwarf_hasattr(&type, DW_AT_declaration)) {
				Dwarf_Die def;
				if (!dw_find_definition(d, &type, &def)) {
					dw_set_err(a->err, "unresolved %s", dw_die_type_name(d, &type));
					return -1;
				}
				type = def;
			}
			uint64_t off = 0;
			int r = find_die_member(a, &type, c->member, &vardie, &off, 0);
			if (r == 0) {
				member_error(a, &type, c->member);
				return -1;
			}
			if (r == -2) {
				dw_set_err(a->err, "no location for field '%s'", c->member);
				return -1;
			}
			if (r < 0) {
				dw_set_err(a->err, "cannot read '%s': it is in a virtual base class",
					c->member);
				return -1;
			}
			if (off) {
				if (!a->is_addr) {
					dw_set_err(a->err, "cannot handle offset into register");
					return -1;
				}
				if (!emit(a, (struct dwi_op){ .code = DWI_OP_ADD, .n = (int64_t)off }))
					return -1;
			}
			has_var = true;
			if (!type_die(&vardie, &type)) {
				dw_set_err(a->err, "cannot get type of field");
				return -1;
			}
			i++;
			continue;
		}
		case DW_TAG_enumeration_type:
		case DW_TAG_base_type:
			dw_set_err(a->err, "invalid access '%s' vs. %s", comp_text(d->arena, c),
				dw_die_type_name(d, &type));
			return -1;
		default:
			dw_set_err(a->err, "%s: unexpected type tag %d", dw_die_type_name(d, &type), tag);
			return -1;
		}
	}
	if (a->want_addr) {
		if (has_var && dw_is_bitfield_member(&vardie)) {
			dw_set_err(a->err, "cannot take the address of bit-field '%s'",
				dwarf_diename(&vardie) ? dwarf_diename(&vardie) : "<anonymous>");
			return -1;
		}
		if (!a->is_addr) {
			dw_set_err(a->err, "cannot take the address of a value held in a register");
			return -1;
		}
		Dwarf_Die t;
		a->out->type = dw_resolve_unqualified(&type, &t) ? dw_type_of(d, &t) : NULL;
		a->out->is_address = true;
		return 0;
	}
	return acc_final(a, &type, &vardie, has_var) ? 0 : -1;
}

/* The size of a pointer's or array's element, stride_of() for a type
 * that is neither: what @cast(p, "T")[i] steps by. */
static bool size_of(struct acc *a, Dwarf_Die *type, uint64_t *size)
{
	Dwarf_Die t;
	Dwarf_Word w;
	if (!dw_resolve_unqualified(type, &t) || !udata(&t, DW_AT_byte_size, &w)) {
		dw_set_err(a->err, "confused about array element size");
		return false;
	}
	*size = w;
	return true;
}

int dwi_access(const struct dwi_type *var_type, bool root_is_address,
	       const struct dwi_comp *comps, size_t ncomps,
	       struct dwi_access *out, struct dwi_error *err)
{
	return dwi_access_ex(var_type, -1, root_is_address, false, comps, ncomps, out, err);
}

int dwi_access_ex(const struct dwi_type *var_type, int levels, bool root_is_address,
		  bool want_address, const struct dwi_comp *comps, size_t ncomps,
		  struct dwi_access *out, struct dwi_error *err)
{
	memset(out, 0, sizeof(*out));
	if (!var_type || !tn(var_type)->die.addr) {
		dw_set_err(err, "failed to retrieve type attribute");
		return -1;
	}
	struct tnode *t = tn(var_type);
	struct acc a = { .d = t->d, .out = out, .err = err, .is_addr = root_is_address,
			 .want_addr = want_address };
	Dwarf_Die start = t->die;
	size_t first = 0;
	int r = 0;
	/* The pointers the spelling adds ("struct foo **"), which the DWARF
	 * may not have as types: a member goes through them all, an index
	 * steps by what the pointer points to. */
	for (int left = levels; left > 0 && r == 0;) {
		if (first == ncomps) {
			/* the pointer itself: its value, or with & where it is */
			if (want_address && !a.is_addr) {
				dw_set_err(err, "cannot take the address of a value held in a "
					   "register");
				return -1;
			}
			out->is_address = want_address;
			return want_address || acc_pointer(&a) ? 0 : (out->nops = 0, -1);
		}
		const struct dwi_comp *c = &comps[first];
		if (!acc_pointer(&a)) {
			r = -1;
			break;
		}
		left--;
		if (c->member)
			continue;
		uint64_t stride = 8;
		if (!left && !size_of(&a, &start, &stride)) {
			r = -1;
			break;
		}
		if (c->runtime)
			r = emit(&a, (struct dwi_op){ .code = DWI_OP_INDEX, .slot = a.slots++,
						     .n = (int64_t)stride }) ? 0 : -1;
		else if (c->index)
			r = emit(&a, (struct dwi_op){ .code = DWI_OP_ADD,
						     .n = c->index * (int64_t)stride }) ? 0 : -1;
		first++;
	}
	/* As SystemTap does (PR11556): @cast(p, "struct foo")[1] is the
	 * struct after the one at p, a type that is not an array or a
	 * pointer being indexed as if p pointed to an array of them. */
	Dwarf_Die inner;
	if (r == 0 && levels == 0 && first < ncomps && !comps[first].member &&
	    dw_resolve_unqualified(&start, &inner) && dwarf_tag(&inner) != DW_TAG_pointer_type &&
	    dwarf_tag(&inner) != DW_TAG_array_type && root_is_address) {
		const struct dwi_comp *c = &comps[first];
		uint64_t stride = 0;
		if (!size_of(&a, &start, &stride))
			r = -1;
		else if (c->runtime)
			r = emit(&a, (struct dwi_op){ .code = DWI_OP_INDEX, .slot = a.slots++,
						     .n = (int64_t)stride }) ? 0 : -1;
		else if (c->index)
			r = emit(&a, (struct dwi_op){ .code = DWI_OP_ADD,
						     .n = c->index * (int64_t)stride }) ? 0 : -1;
		first++;
	}
	if (r < 0) {
		out->nops = 0;
		return -1;
	}
	r = acc_walk(&a, &start, comps + first, ncomps - first);
	if (r < 0) {
		out->nops = 0;
		out->type = NULL;
		out->is_address = false;
	}
	return r;
}
