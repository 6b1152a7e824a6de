/* SPDX-License-Identifier: GPL-2.0-or-later */
/* type.c — the DWARF module's type model: struct dwi_type over type
 * DIEs, SystemTap's names for types (dwarf_type_name), members and
 * enumerators, and finding a struct's definition from a declaration. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dwarfinfo_impl.h"

/* SystemTap's dwarf_type_name(), dwarf_wrappers.cxx, step for step. */
static bool stap_name_rec(Dwarf_Die *t, struct sb *o, Dwarf_Die *sub, bool *has_sub, int depth)
{
	if (depth > MAX_DEPTH)
		return false;
	bool done = true;
	int tag = dwarf_tag(t);
	switch (tag) {
	case DW_TAG_enumeration_type: sb_puts(o, "enum "); break;
	case DW_TAG_structure_type: sb_puts(o, "struct "); break;
	case DW_TAG_union_type: sb_puts(o, "union "); break;
	case DW_TAG_class_type: sb_puts(o, "class "); break;
	case DW_TAG_typedef:
	case DW_TAG_base_type:
		break;
	case DW_TAG_reference_type:
	case DW_TAG_rvalue_reference_type:
	case DW_TAG_pointer_type:
	case DW_TAG_array_type:
	case DW_TAG_const_type:
	case DW_TAG_volatile_type:
	case DW_TAG_restrict_type:
		done = false;
		break;
	case DW_TAG_subroutine_type:
		/* The modifiers seen so far go between the return type and the
		 * parameters; the caller puts them there. */
		*sub = *t;
		*has_sub = true;
		return true;
	default:
		return false;
	}
	if (done) {
		const char *n = dwarf_diename(t);
		sb_puts(o, n ? n : "{...}");
		return true;
	}
	Dwarf_Die st;
	bool has = type_die(t, &st);
	if (has && tag == DW_TAG_pointer_type && dwarf_tag(&st) == DW_TAG_structure_type) {
		const char *n = dwarf_diename(&st);
		if (n && strcmp(n, "__va_list_tag") == 0) {
			sb_puts(o, "va_list");
			return true;
		}
	}
	if (!has || !stap_name_rec(&st, o, sub, has_sub, depth + 1))
		sb_puts(o, "void");
	switch (tag) {
	case DW_TAG_reference_type: sb_puts(o, "&"); break;
	case DW_TAG_rvalue_reference_type: sb_puts(o, "&&"); break;
	case DW_TAG_pointer_type: sb_puts(o, "*"); break;
	case DW_TAG_array_type: sb_puts(o, "[]"); break;
	case DW_TAG_const_type: {
		int st_tag = has ? dwarf_tag(&st) : 0;
		if (!has || (st_tag != DW_TAG_reference_type &&
			     st_tag != DW_TAG_rvalue_reference_type))
			sb_puts(o, " const");
		break;
	}
	case DW_TAG_volatile_type: sb_puts(o, " volatile"); break;
	case DW_TAG_restrict_type: sb_puts(o, " restrict"); break;
	}
	return true;
}

/* SystemTap's dwarf_type_decl(type, "", name): malloc'ed, or NULL. */
static char *stap_type_name(Dwarf_Die *t, int depth)
{
	struct sb o = { 0 };
	Dwarf_Die sub;
	bool has_sub = false;
	if (depth > MAX_DEPTH || !stap_name_rec(t, &o, &sub, &has_sub, depth)) {
		free(o.s);
		return NULL;
	}
	if (!has_sub) {
		if (!o.s)
			sb_puts(&o, "");
		return o.s;
	}
	struct sb s = { 0 };
	Dwarf_Die rt;
	bool ok = true;
	if (!type_die(&sub, &rt)) {
		sb_puts(&s, "void");
	} else {
		char *r = stap_type_name(&rt, depth + 1);
		ok = r != NULL;
		if (r)
			sb_puts(&s, r);
		free(r);
	}
	sb_puts(&s, " (");
	sb_puts(&s, sb_str(&o));
	sb_puts(&s, ") (");
	bool first = true;
	Dwarf_Die c;
	if (ok && dwarf_child(&sub, &c) == 0) {
		do {
			int tag = dwarf_tag(&c);
			if (tag != DW_TAG_unspecified_parameters && tag != DW_TAG_formal_parameter)
				continue;
			if (!first)
				sb_puts(&s, ", ");
			first = false;
			Dwarf_Die pt;
			if (tag == DW_TAG_unspecified_parameters) {
				sb_puts(&s, "...");
			} else if (!type_die(&c, &pt)) {
				sb_puts(&s, "void");
			} else {
				char *r = stap_type_name(&pt, depth + 1);
				if (!r) {
					ok = false;
					break;
				}
				sb_puts(&s, r);
				free(r);
			}
		} while (dwarf_siblingof(&c, &c) == 0);
	}
	if (first)
		sb_puts(&s, "void");
	sb_puts(&s, ")");
	free(o.s);
	if (!ok) {
		free(s.s);
		return NULL;
	}
	return s.s;
}

const struct dwi_type *dw_void_type(struct dwi *d)
{
	static const char key;   /* a key no DIE can have */
	struct tnode *t = dw_map_get(&d->types, (uintptr_t)&key);
	if (!t) {
		t = arena_alloc(d->arena, sizeof(*t));
		t->d = d;
		t->pub.kind = DWI_VOID;
		t->pub.name = "void";
		t->target_done = t->members_done = t->enums_done = true;
		dw_map_put(&d->types, (uintptr_t)&key, t);
	}
	return &t->pub;
}

static void build_named(struct dwi *d);

static int struct_tag_class(int tag)
{
	/* SystemTap's declaration_resolve treats struct and class alike. */
	return tag == DW_TAG_class_type ? DW_TAG_structure_type : tag;
}

/* The definition of a struct, union or class declared here only. */
bool dw_find_definition(struct dwi *d, Dwarf_Die *decl, Dwarf_Die *out)
{
	const char *name = dwarf_diename(decl);
	if (!name)
		return false;
	build_named(d);
	int tag = struct_tag_class(dwarf_tag(decl));
	for (struct named_type *n = dw_map_get(&d->named, str_hash(name)); n; n = n->next)
		if (n->tag == tag && strcmp(n->name, name) == 0) {
			*out = n->die;
			return true;
		}
	return false;
}

static uint64_t subrange_count(Dwarf_Die *sr, bool *known)
{
	Dwarf_Word n;
	Dwarf_Attribute a;
	if (udata(sr, DW_AT_count, &n))
		return n;
	Dwarf_Sword lower = 0, upper;
	if (dwarf_attr_integrate(sr, DW_AT_lower_bound, &a) && dwarf_formsdata(&a, &lower) != 0)
		lower = 0;
	if (dwarf_attr_integrate(sr, DW_AT_upper_bound, &a)) {
		unsigned form = dwarf_whatform(&a);
		if ((form == DW_FORM_data1 || form == DW_FORM_data2 || form == DW_FORM_data4 ||
		     form == DW_FORM_data8 || form == DW_FORM_sdata || form == DW_FORM_udata ||
		     form == DW_FORM_implicit_const) && dwarf_formsdata(&a, &upper) == 0) {
			/* Unsigned forms of -1 (int x[0]) read back as 2^n - 1. */
			if (form == DW_FORM_data1 && upper == 0xff) upper = -1;
			if (form == DW_FORM_data2 && upper == 0xffff) upper = -1;
			if (form == DW_FORM_data4 && upper == 0xffffffff) upper = -1;
			return upper >= lower ? (uint64_t)(upper - lower + 1) : 0;
		}
	}
	*known = false;
	return 0;
}

static void fill_type(struct tnode *t)
{
	struct dwi *d = t->d;
	struct dwi_type *p = &t->pub;
	/* Through typedefs and qualifiers, _Atomic too. */
	Dwarf_Die cur = t->die;
	int steps = 0;
	for (;;) {
		int tag = dwarf_tag(&cur);
		if (tag == DW_TAG_const_type)
			p->is_const = true;
		else if (tag == DW_TAG_volatile_type)
			p->is_volatile = true;
		else if (tag == DW_TAG_atomic_type)
			p->is_atomic = true;
		else if (tag != DW_TAG_typedef && tag != DW_TAG_restrict_type)
			break;
		if (!type_die(&cur, &cur) || ++steps > MAX_DEPTH) {
			p->kind = steps > MAX_DEPTH ? DWI_OTHER : DWI_VOID;
			p->size = 0;
			t->target_done = t->members_done = t->enums_done = true;
			return;
		}
	}
	t->res = cur;
	t->has_res = true;
	Dwarf_Word w = 0;
	bool has_size = udata(&cur, DW_AT_byte_size, &w);
	p->size = has_size ? w : 0;
	Dwarf_Die cudie;
	if (dwarf_diecu(&cur, &cudie, NULL, NULL)) {
		t->is_cxx = lang_is_cxx(dwarf_srclang(&cudie));
	}
	switch (dwarf_tag(&cur)) {
	case DW_TAG_base_type: {
		Dwarf_Word enc = 0;
		udata(&cur, DW_AT_encoding, &enc);
		p->encoding = (unsigned)enc;
		switch (enc) {
		case DW_ATE_float:
		case DW_ATE_complex_float:
		case DW_ATE_imaginary_float:
		case DW_ATE_decimal_float:
			p->kind = DWI_FLOAT;
			break;
		case DW_ATE_boolean:
			p->kind = DWI_BOOL;
			break;
		case DW_ATE_signed_char:
		case DW_ATE_unsigned_char:
		case DW_ATE_UTF:
			p->kind = DWI_CHAR;
			break;
		case DW_ATE_signed:
		case DW_ATE_unsigned:
		case DW_ATE_signed_fixed:
		case DW_ATE_unsigned_fixed:
			p->kind = DWI_INT;
			break;
		default:
			p->kind = DWI_OTHER;
			break;
		}
		p->is_signed = enc == DW_ATE_signed || enc == DW_ATE_signed_char ||
			       enc == DW_ATE_signed_fixed;
		break;
	}
	case DW_TAG_enumeration_type: {
		p->kind = DWI_ENUM;
		Dwarf_Die ut;
		if (type_die(&cur, &ut)) {
			const struct dwi_type *u = dw_type_of(d, &ut);
			p->is_signed = u->is_signed;
			if (!has_size)
				p->size = u->size;
		} else {
			/* No underlying type named: signed if a value is negative. */
			Dwarf_Die c;
			if (dwarf_child(&cur, &c) == 0)
				do {
					Dwarf_Attribute a;
					Dwarf_Sword v;
					if (dwarf_tag(&c) == DW_TAG_enumerator &&
					    dwarf_attr(&c, DW_AT_const_value, &a) &&
					    dwarf_whatform(&a) == DW_FORM_sdata &&
					    dwarf_formsdata(&a, &v) == 0 && v < 0)
						p->is_signed = true;
				} while (dwarf_siblingof(&c, &c) == 0);
		}
		break;
	}
	case DW_TAG_pointer_type:
		p->kind = DWI_POINTER;
		if (!has_size)
			p->size = 8;
		break;
	case DW_TAG_reference_type:
	case DW_TAG_rvalue_reference_type:
		p->kind = DWI_REFERENCE;
		if (!has_size)
			p->size = 8;
		break;
	case DW_TAG_array_type: {
		p->kind = DWI_ARRAY;
		bool known = true;
		uint64_t count = 1;
		int dims = 0;
		Dwarf_Die c;
		if (dwarf_child(&cur, &c) == 0)
			do {
				int ct = dwarf_tag(&c);
				if (ct != DW_TAG_subrange_type && ct != DW_TAG_enumeration_type)
					continue;
				dims++;
				count *= subrange_count(&c, &known);
			} while (dwarf_siblingof(&c, &c) == 0);
		p->count_known = known && dims > 0;
		p->count = p->count_known ? count : 0;
		if (!has_size && p->count_known) {
			const struct dwi_type *e = dwi_type_target(p);
			p->size = e ? p->count * e->size : 0;
		}
		break;
	}
	case DW_TAG_structure_type:
	case DW_TAG_class_type:
	case DW_TAG_union_type: {
		int tag = dwarf_tag(&cur);
		p->kind = DWI_STRUCT;
		p->tag = tag == DW_TAG_union_type ? DWI_TAG_UNION :
			 tag == DW_TAG_class_type ? DWI_TAG_CLASS : DWI_TAG_STRUCT;
		if (dwarf_hasattr(&cur, DW_AT_declaration)) {
			Dwarf_Die def;
			if (dw_find_definition(d, &cur, &def)) {
				t->res = def;
				p->size = udata(&def, DW_AT_byte_size, &w) ? w : 0;
			} else {
				p->incomplete = true;
				p->size = 0;
			}
		}
		break;
	}
	case DW_TAG_subroutine_type:
		p->kind = DWI_FUNCTION;
		p->size = 0;
		break;
	default:
		p->kind = DWI_OTHER;
		break;
	}
}

const struct dwi_type *dw_type_of(struct dwi *d, Dwarf_Die *die)
{
	if (!die)
		return dw_void_type(d);
	struct tnode *t = dw_map_get(&d->types, (uintptr_t)die->addr);
	if (t)
		return &t->pub;
	t = arena_alloc(d->arena, sizeof(*t));
	t->d = d;
	t->die = *die;
	/* In the map before it is filled in, so a type that refers to itself
	 * finds this node. */
	dw_map_put(&d->types, (uintptr_t)die->addr, t);
	char *name = stap_type_name(die, 0);
	t->pub.name = name ? arena_strdup(d->arena, name) : NULL;
	free(name);
	fill_type(t);
	return &t->pub;
}

const struct dwi_type *dwi_type_target(const struct dwi_type *pt)
{
	if (!pt)
		return NULL;
	struct tnode *t = tn(pt);
	if (t->target_done)
		return t->target;
	t->target_done = true;
	if (!t->has_res)
		return NULL;
	Dwarf_Die td;
	bool has = type_die(&t->res, &td);
	switch (pt->kind) {
	case DWI_POINTER:
	case DWI_REFERENCE:
		t->target = has ? dw_type_of(t->d, &td) : dw_void_type(t->d);
		break;
	case DWI_FUNCTION:
		t->target = has ? dw_type_of(t->d, &td) : dw_void_type(t->d);
		break;
	case DWI_ARRAY:
	case DWI_ENUM:
		t->target = has ? dw_type_of(t->d, &td) : NULL;
		break;
	default:
		break;
	}
	return t->target;
}

/* A data member's offset: a constant, or DW_OP_plus_uconst N as DWARF 2
 * wrote it.  false when it is computed (virtual bases). */
bool dw_member_offset(Dwarf_Die *m, uint64_t *off)
{
	Dwarf_Attribute a;
	*off = 0;
	if (!dwarf_attr_integrate(m, DW_AT_data_member_location, &a))
		return true;    /* union members, and bit-fields by data_bit_offset */
	Dwarf_Word w;
	unsigned form = dwarf_whatform(&a);
	if (form != DW_FORM_block && form != DW_FORM_block1 && form != DW_FORM_block2 &&
	    form != DW_FORM_block4 && form != DW_FORM_exprloc && dwarf_formudata(&a, &w) == 0) {
		*off = w;
		return true;
	}
	Dwarf_Op *ops;
	size_t n;
	if (dwarf_getlocation(&a, &ops, &n) == 0 && n == 1 &&
	    (ops[0].atom == DW_OP_plus_uconst || ops[0].atom == DW_OP_constu)) {
		*off = ops[0].number;
		return true;
	}
	return false;
}

static void add_members(struct tnode *t, Dwarf_Die *s, struct dwi_member **v, size_t *n,
			size_t *cap, int depth)
{
	Dwarf_Die c;
	if (depth > 8 || dwarf_child(s, &c) != 0)
		return;
	do {
		int tag = dwarf_tag(&c);
		if (tag == DW_TAG_imported_unit) {
			Dwarf_Die imp;
			if (ref_die(&c, DW_AT_import, &imp))
				add_members(t, &imp, v, n, cap, depth + 1);
			continue;
		}
		if ((tag != DW_TAG_member && tag != DW_TAG_inheritance) ||
		    dwarf_hasattr(&c, DW_AT_declaration))
			continue;
		if (*n == *cap) {
			size_t ncap = *cap ? *cap * 2 : 8;
			struct dwi_member *nv = arena_alloc(t->d->arena, ncap * sizeof(*nv));
			if (*n)
				memcpy(nv, *v, *n * sizeof(*nv));
			*v = nv;
			*cap = ncap;
		}
		struct dwi_member *m = &(*v)[(*n)++];
		memset(m, 0, sizeof(*m));
		m->is_base = tag == DW_TAG_inheritance;
		m->name = m->is_base ? NULL : dwarf_diename(&c);
		Dwarf_Die mt;
		m->type = type_die(&c, &mt) ? dw_type_of(t->d, &mt) : NULL;
		if (!dw_member_offset(&c, &m->offset))
			m->is_virtual_base = true;
		Dwarf_Word bits, bo;
		if (!m->is_base && udata(&c, DW_AT_bit_size, &bits)) {
			uint64_t unit = m->type && m->type->size ? m->type->size : 4;
			m->is_bitfield = true;
			m->bit_size = (unsigned)bits;
			if (udata(&c, DW_AT_data_bit_offset, &bo)) {
				uint64_t at = (bo / 8) / unit * unit;
				m->offset = at;
				m->bit_shift = (unsigned)(bo - 8 * at);
				m->bit_offset = bo;
			} else if (udata(&c, DW_AT_bit_offset, &bo)) {
				/* DWARF 2 and 3 count from the most significant bit of
				 * the storage unit at data_member_location. */
				m->bit_shift = (unsigned)(unit * 8 - bo - bits);
				m->bit_offset = m->offset * 8 + m->bit_shift;
			} else {
				m->bit_offset = m->offset * 8;
			}
		}
	} while (dwarf_siblingof(&c, &c) == 0);
}

const struct dwi_member *dwi_type_members(const struct dwi_type *pt, size_t *n)
{
	*n = 0;
	if (!pt)
		return NULL;
	struct tnode *t = tn(pt);
	if (!t->members_done) {
		t->members_done = true;
		if (pt->kind == DWI_STRUCT && !pt->incomplete) {
			size_t cap = 0;
			add_members(t, &t->res, &t->members, &t->nmembers, &cap, 0);
		}
	}
	*n = t->nmembers;
	return t->members;
}

const struct dwi_enumerator *dwi_type_enumerators(const struct dwi_type *pt, size_t *n)
{
	*n = 0;
	if (!pt)
		return NULL;
	struct tnode *t = tn(pt);
	if (!t->enums_done) {
		t->enums_done = true;
		if (pt->kind == DWI_ENUM) {
			size_t cap = 0;
			Dwarf_Die c;
			if (dwarf_child(&t->res, &c) == 0)
				do {
					Dwarf_Attribute a;
					if (dwarf_tag(&c) != DW_TAG_enumerator ||
					    !dwarf_attr(&c, DW_AT_const_value, &a))
						continue;
					int64_t val;
					Dwarf_Sword sv;
					Dwarf_Word uv;
					if (pt->is_signed && dwarf_formsdata(&a, &sv) == 0)
						val = sv;
					else if (dwarf_formudata(&a, &uv) == 0)
						val = (int64_t)uv;
					else
						continue;
					if (t->nenums == cap) {
						cap = cap ? cap * 2 : 8;
						struct dwi_enumerator *nv =
							arena_alloc(t->d->arena, cap * sizeof(*nv));
						if (t->nenums)
							memcpy(nv, t->enums, t->nenums * sizeof(*nv));
						t->enums = nv;
					}
					t->enums[t->nenums++] = (struct dwi_enumerator){
						dwarf_diename(&c), val };
				} while (dwarf_siblingof(&c, &c) == 0);
		}
	}
	*n = t->nenums;
	return t->enums;
}

/* Lists the member names SystemTap would offer (dwflpp::get_members): the
 * named members, those of anonymous members and of base classes, sorted
 * and without repeats. */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void collect_names(const struct dwi_type *t, const char ***v, size_t *n, size_t *cap,
			  int depth)
{
	size_t nm;
	const struct dwi_member *m = dwi_type_members(t, &nm);
	if (depth > 16)
		return;
	for (size_t i = 0; i < nm; i++) {
		if (m[i].name) {
			if (*n == *cap) {
				*cap = *cap ? *cap * 2 : 16;
				*v = xrealloc(*v, *cap * sizeof(**v));
			}
			(*v)[(*n)++] = m[i].name;
		} else if (m[i].type) {
			collect_names(m[i].type, v, n, cap, depth + 1);
		}
	}
}

static void member_list(const struct dwi_type *t, struct sb *b, size_t limit)
{
	const char **v = NULL;
	size_t n = 0, cap = 0;
	collect_names(t, &v, &n, &cap, 0);
	if (n)
		qsort(v, n, sizeof(*v), cmp_str);
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && strcmp(v[i], v[i - 1]) == 0)
			continue;
		if (shown == limit) {
			sb_puts(b, ", ...");
			break;
		}
		if (shown++)
			sb_puts(b, ", ");
		sb_puts(b, v[i]);
	}
	free(v);
}

/* SystemTap's find_struct_member: breadth first through base classes,
 * depth first into anonymous members. */
static const struct dwi_member *find_member(const struct dwi_type *t, const char *name,
					    uint64_t *off, int depth)
{
	struct { const struct dwi_type *t; uint64_t off; } q[32];
	size_t head = 0, tail = 0;
	q[tail++].t = t;
	q[0].off = 0;
	if (depth > 16)
		return NULL;
	while (head < tail) {
		const struct dwi_type *cur = q[head].t;
		uint64_t base = q[head].off;
		head++;
		size_t n;
		const struct dwi_member *m = dwi_type_members(cur, &n);
		for (size_t i = 0; i < n; i++) {
			if (m[i].is_base) {
				if (m[i].type && !m[i].is_virtual_base && tail < 32) {
					q[tail].t = m[i].type;
					q[tail].off = base + m[i].offset;
					tail++;
				}
			} else if (!m[i].name) {
				uint64_t sub;
				const struct dwi_member *r = m[i].type ?
					find_member(m[i].type, name, &sub, depth + 1) : NULL;
				if (r) {
					*off = base + m[i].offset + sub;
					return r;
				}
			} else if (strcmp(m[i].name, name) == 0) {
				*off = base + m[i].offset;
				return &m[i];
			}
		}
	}
	return NULL;
}

const struct dwi_member *dwi_type_member(const struct dwi_type *t, const char *name,
					 uint64_t *offset, struct dwi_error *err)
{
	uint64_t off = 0;
	const struct dwi_member *m = NULL;
	if (t && t->kind == DWI_STRUCT && !t->incomplete)
		m = find_member(t, name, &off, 0);
	if (m) {
		if (offset)
			*offset = off;
		return m;
	}
	if (err) {
		struct sb b = { 0 };
		const char *tname = t && t->name ? t->name : "this type";
		if (!t || t->kind != DWI_STRUCT)
			dw_set_err(err, "no member '%s': %s is not a struct, union or class", name, tname);
		else if (t->incomplete)
			dw_set_err(err, "no member '%s': %s is declared but not defined here", name, tname);
		else {
			member_list(t, &b, 12);
			if (b.len)
				dw_set_err(err, "no member '%s' in %s: members are %s", name, tname, b.s);
			else
				dw_set_err(err, "no member '%s' in %s: it has no members", name, tname);
		}
		free(b.s);
	}
	return NULL;
}

/* Structs, unions, classes, enums, typedefs and base types by name, from
 * the top level of every unit and the namespaces in them, for completing
 * declarations and for @cast's types. */
static void named_from(struct dwi *d, Dwarf_Die *parent, int depth)
{
	Dwarf_Die c;
	if (depth > 16 || dwarf_child(parent, &c) != 0)
		return;
	do {
		int tag = dwarf_tag(&c);
		if (tag == DW_TAG_namespace) {
			named_from(d, &c, depth + 1);
			continue;
		}
		if (tag != DW_TAG_structure_type && tag != DW_TAG_class_type &&
		    tag != DW_TAG_union_type && tag != DW_TAG_enumeration_type &&
		    tag != DW_TAG_typedef && tag != DW_TAG_base_type)
			continue;
		const char *name = dwarf_diename(&c);
		if (!name || dwarf_hasattr(&c, DW_AT_declaration))
			continue;
		uintptr_t h = str_hash(name);
		struct named_type *head = dw_map_get(&d->named, h);
		bool dup = false;
		for (struct named_type *n = head; n && !dup; n = n->next)
			dup = n->tag == struct_tag_class(tag) && strcmp(n->name, name) == 0;
		if (dup)
			continue;
		struct named_type *n = arena_alloc(d->arena, sizeof(*n));
		n->name = name;
		n->tag = struct_tag_class(tag);
		n->die = c;
		n->next = head;
		dw_map_put(&d->named, h, n);
	} while (dwarf_siblingof(&c, &c) == 0);
}

static void build_named(struct dwi *d)
{
	if (d->named_done)
		return;
	d->named_done = true;
	dw_read_units(d);
	for (size_t i = 0; i < d->ncus; i++)
		named_from(d, &d->cus[i].die, 0);
	/* Type units (DWARF 4 .debug_types, DWARF 5 type units). */
	Dwarf_CU *cu = NULL, *next;
	Dwarf_Half version;
	uint8_t type;
	Dwarf_Die cudie, sub;
	while (dwarf_get_units(d->dbg, cu, &next, &version, &type, &cudie, &sub) == 0) {
		cu = next;
		if (type == DW_UT_type || type == DW_UT_split_type || type == DW_UT_partial)
			named_from(d, &cudie, 0);
	}
}

static bool find_named(struct dwi *d, const char *name, int tag, Dwarf_Die *out)
{
	build_named(d);
	for (struct named_type *n = dw_map_get(&d->named, str_hash(name)); n; n = n->next)
		if (n->tag == tag && strcmp(n->name, name) == 0) {
			*out = n->die;
			return true;
		}
	return false;
}

/* How GCC and clang name the base types C lets one write otherwise. */
static const char *const base_aliases[][3] = {
	{ "unsigned", "unsigned int", NULL },
	{ "signed", "int", NULL },
	{ "signed int", "int", NULL },
	{ "short", "short int", NULL },
	{ "unsigned short", "short unsigned int", "unsigned short" },
	{ "long", "long int", NULL },
	{ "unsigned long", "long unsigned int", "unsigned long" },
	{ "long long", "long long int", NULL },
	{ "unsigned long long", "long long unsigned int", "unsigned long long" },
	{ "_Bool", "bool", NULL },
};

const struct dwi_type *dwi_type_named(struct dwi *d, const char *spelling, int *levels,
				      struct dwi_error *err)
{
	char name[256];
	const char *s = spelling;
	/* qualifiers change nothing that is read: "const struct foo *" */
	for (bool again = true; again;) {
		while (*s == ' ' || *s == '\t')
			s++;
		again = false;
		for (const char *const *q = (const char *const[]){ "const ", "volatile ", NULL };
		     *q; q++)
			if (strncmp(s, *q, strlen(*q)) == 0) {
				s += strlen(*q);
				again = true;
			}
	}
	size_t n = strlen(s);
	*levels = 0;
	for (bool again = true; again;) {
		again = false;
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '*'))
			*levels += s[--n] == '*';
		if (n > 6 && strncmp(s + n - 6, " const", 6) == 0) {
			n -= 6;
			again = true;
		}
	}
	if (!n || n >= sizeof(name)) {
		dw_set_err(err, "'%s' is not a type", spelling);
		return NULL;
	}
	/* "ns::Klass" is looked for as Klass: the index has DWARF's own
	 * names, without their scopes */
	const char *scope = NULL;
	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == ':' && s[i + 1] == ':')
			scope = s + i + 2;
	if (scope && !strchr(scope, '<')) {
		const char *word = strchr(s, ' ');
		size_t k = word && word < scope ? (size_t)(word - s) + 1 : 0;
		size_t rest = n - (size_t)(scope - s);
		memmove(name, s, k);
		memcpy(name + k, scope, rest);
		n = k + rest;
	} else {
		memcpy(name, s, n);
	}
	name[n] = '\0';
	static const struct { const char *word; int tag; } tags[] = {
		{ "struct ", DW_TAG_structure_type }, { "class ", DW_TAG_structure_type },
		{ "union ", DW_TAG_union_type }, { "enum ", DW_TAG_enumeration_type },
	};
	Dwarf_Die die;
	for (size_t i = 0; i < sizeof(tags) / sizeof(*tags); i++) {
		size_t k = strlen(tags[i].word);
		if (strncmp(name, tags[i].word, k) != 0)
			continue;
		const char *rest = name + k;
		while (*rest == ' ')
			rest++;
		if (!find_named(d, rest, tags[i].tag, &die)) {
			dw_set_err(err, "no type '%s' in the debug information of %s", name,
				   d->path);
			return NULL;
		}
		return dw_type_of(d, &die);
	}
	static const int plain[] = { DW_TAG_typedef, DW_TAG_base_type, DW_TAG_structure_type,
				     DW_TAG_union_type, DW_TAG_enumeration_type };
	for (size_t i = 0; i < sizeof(plain) / sizeof(*plain); i++)
		if (find_named(d, name, plain[i], &die))
			return dw_type_of(d, &die);
	for (size_t i = 0; i < sizeof(base_aliases) / sizeof(*base_aliases); i++)
		if (strcmp(name, base_aliases[i][0]) == 0)
			for (int k = 1; k < 3 && base_aliases[i][k]; k++)
				if (find_named(d, base_aliases[i][k], DW_TAG_base_type, &die))
					return dw_type_of(d, &die);
	dw_set_err(err, "no type '%s' in the debug information of %s", name, d->path);
	return NULL;
}
