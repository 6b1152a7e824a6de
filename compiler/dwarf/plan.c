/* SPDX-License-Identifier: GPL-2.0-or-later */
/* plan.c — $$parms, $$locals, $$vars, $$return and $var$ as plans:
 * text and values in SystemTap's formats (tapsets.cxx's
 * visit_target_symbol_context and dwarf_pretty_print, step by step). */
#include <stdlib.h>
#include <string.h>

#include "dwarfinfo_impl.h"

struct planb {
	struct dwi *d;
	struct dwi_piece *v;
	size_t n, cap;
	struct sb text;          /* text not yet given to a piece */
};

static void plan_piece(struct planb *b, enum dwi_fmt fmt, int root, const struct dwi_access *acc,
		       int group)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		b->v = xrealloc(b->v, b->cap * sizeof(*b->v));
	}
	struct dwi_piece *p = &b->v[b->n++];
	memset(p, 0, sizeof(*p));
	p->text = arena_strdup(b->d->arena, sb_str(&b->text));
	b->text.len = 0;
	if (b->text.s)
		b->text.s[0] = '\0';
	p->fmt = fmt;
	p->root = root;
	p->group = group;
	if (acc) {
		struct dwi_op *ops = arena_alloc(b->d->arena, sizeof(*ops) * (size_t)(acc->nops + 1));
		memcpy(ops, acc->ops, sizeof(*ops) * (size_t)acc->nops);
		p->ops = ops;
		p->nops = acc->nops;
		p->type = acc->type;
	}
}

/* Gives what text is left to a last piece. */
static void plan_flush(struct planb *b, int group)
{
	if (b->text.len)
		plan_piece(b, DWI_FMT_NONE, 0, NULL, group);
}

static void plan_done(struct planb *b, struct dwi_plan *out)
{
	plan_flush(b, 0);
	struct dwi_piece *v = arena_alloc(b->d->arena, sizeof(*v) * (b->n + 1));
	if (b->n)
		memcpy(v, b->v, sizeof(*v) * b->n);
	*out = (struct dwi_plan){ .pieces = v, .n = b->n, .d = b->d };
	free(b->v);
	free(b->text.s);
}

/* One pretty-printed variable: SystemTap's dwarf_pretty_print, its
 * recurse* functions step by step. */
struct pretty {
	struct planb *b;
	struct dwi *d;
	const struct dwi_type *root_type;
	int root;
	bool root_is_address, readable, print_full;
	int group;
	int nargs;               /* the sprintf's arguments so far */
	struct dwi_comp comps[MAX_DEPTH];
	size_t ncomps;
	int depth;
};

/* push_deref: the value at the current path in `fmt` between `pre` and
 * `post`, or "?" where SystemTap cannot read it (nor can we). */
static bool pp_value(struct pretty *p, const char *pre, enum dwi_fmt fmt, const char *post)
{
	struct dwi_access acc;
	if (!p->readable ||
	    dwi_access(p->root_type, p->root_is_address, p->comps, p->ncomps, &acc, NULL) != 0) {
		sb_puts(&p->b->text, "?");
		return false;
	}
	sb_puts(&p->b->text, pre);
	plan_piece(p->b, fmt, p->root, &acc, p->group);
	sb_puts(&p->b->text, post);
	p->nargs++;
	return true;
}

static bool pp_push(struct pretty *p, struct dwi_comp c)
{
	if (p->ncomps >= MAX_DEPTH)
		return false;
	p->comps[p->ncomps++] = c;
	return true;
}

static void pp_recurse(struct pretty *p, Dwarf_Die *type, bool top);

static bool pp_chars(struct pretty *p, Dwarf_Die *start)
{
	Dwarf_Die t;
	Dwarf_Word enc = (Dwarf_Word)-1, size = (Dwarf_Word)-1;
	if (!dw_resolve_unqualified(start, &t))
		return false;
	udata(&t, DW_AT_encoding, &enc);
	if (enc != DW_ATE_UTF && enc != DW_ATE_signed_char && enc != DW_ATE_unsigned_char)
		return false;
	udata(&t, DW_AT_byte_size, &size);
	enum dwi_fmt fmt = size == 1 ? DWI_FMT_STRING : size == 2 ? DWI_FMT_STRING16 :
			   size == 4 ? DWI_FMT_STRING32 : DWI_FMT_NONE;
	if (fmt == DWI_FMT_NONE)
		return false;
	pp_value(p, "", fmt, "");
	return true;
}

static void pp_base(struct pretty *p, Dwarf_Die *t)
{
	Dwarf_Word enc = (Dwarf_Word)-1;
	udata(t, DW_AT_encoding, &enc);
	switch (enc) {
	case DW_ATE_float:
	case DW_ATE_complex_float:
		sb_puts(&p->b->text, "?");
		break;
	case DW_ATE_UTF:
	case DW_ATE_signed_char:
	case DW_ATE_unsigned_char:
		pp_value(p, "'", DWI_FMT_CHAR, "'");
		break;
	case DW_ATE_unsigned:
		pp_value(p, "", DWI_FMT_UNSIGNED, "");
		break;
	default:
		pp_value(p, "", DWI_FMT_SIGNED, "");
		break;
	}
}

static void pp_bitfield(struct pretty *p, Dwarf_Die *start)
{
	Dwarf_Die t;
	if (!dw_resolve_unqualified(start, &t) ||
	    (dwarf_tag(&t) != DW_TAG_base_type && dwarf_tag(&t) != DW_TAG_enumeration_type)) {
		sb_puts(&p->b->text, "?");
		return;
	}
	Dwarf_Word enc = (Dwarf_Word)-1;
	udata(&t, DW_AT_encoding, &enc);
	if (enc == DW_ATE_float || enc == DW_ATE_complex_float)
		sb_puts(&p->b->text, "?");
	else if (enc == DW_ATE_unsigned || enc == DW_ATE_unsigned_char)
		pp_value(p, "", DWI_FMT_UNSIGNED, "");
	else
		pp_value(p, "", DWI_FMT_SIGNED, "");
}

static void pp_array(struct pretty *p, Dwarf_Die *t, bool top)
{
	if (!top && !p->print_full) {
		sb_puts(&p->b->text, "[...]");
		return;
	}
	Dwarf_Die el;
	bool has_el = type_die(t, &el);
	if (has_el && pp_chars(p, &el))
		return;
	sb_puts(&p->b->text, "[");
	/* SystemTap prints the first element only, then ", ...". */
	if (p->nargs < 32) {
		if (pp_push(p, (struct dwi_comp){ .index = 0 })) {
			if (has_el)
				pp_recurse(p, &el, false);
			else
				sb_puts(&p->b->text, "?");
			p->ncomps--;
		}
	}
	sb_puts(&p->b->text, ", ...]");
}

static void pp_pointer(struct pretty *p, Dwarf_Die *t, bool top)
{
	Dwarf_Die pointee;
	bool void_p = true;
	if (type_die(t, &pointee) && dw_resolve_unqualified(&pointee, &pointee))
		void_p = false;
	if (!void_p) {
		if (pp_chars(p, &pointee))
			return;
		if (top) {
			pp_recurse(p, &pointee, true);
			return;
		}
	}
	pp_value(p, "", DWI_FMT_POINTER, "");
}

static void pp_members(struct pretty *p, Dwarf_Die *type, int *count, int depth)
{
	Dwarf_Die q[64];
	size_t head = 0, tail = 0;
	const char **dupes = NULL;
	size_t ndupes = 0, cap = 0;
	if (depth > 16)
		return;
	q[tail++] = *type;
	for (; head < tail; head++) {
		Dwarf_Die c, ct, imp;
		if (dwarf_child(&q[head], &c) != 0)
			continue;
		do {
			if (dwarf_hasattr(&c, DW_AT_declaration))
				continue;     /* static members */
			int tag = dwarf_tag(&c);
			if (tag == DW_TAG_imported_unit && ref_die(&c, DW_AT_import, &imp))
				pp_members(p, &imp, count, depth + 1);
			if (tag != DW_TAG_member && tag != DW_TAG_inheritance)
				continue;
			bool has_type = type_die(&c, &ct);
			if (tag == DW_TAG_inheritance) {
				if (has_type && tail < sizeof(q) / sizeof(q[0]))
					q[tail++] = ct;
				continue;
			}
			const char *name = dwarf_diename(&c);
			if (name && strncmp(name, "_vptr.", 6) == 0)
				continue;
			if (name) {
				bool dup = false;
				for (size_t i = 0; i < ndupes && !dup; i++)
					dup = strcmp(dupes[i], name) == 0;
				if (dup)
					continue;
				if (ndupes == cap) {
					cap = cap ? cap * 2 : 16;
					dupes = xrealloc(dupes, cap * sizeof(*dupes));
				}
				dupes[ndupes++] = name;
			}
			if (++*count > 1)
				sb_puts(&p->b->text, ", ");
			if (p->nargs >= 32) {
				/* SystemTap's limit of 32 arguments; it leaves
				 * this struct (not the others of the walk). */
				sb_puts(&p->b->text, "...");
				break;
			}
			bool pushed = false;
			if (name) {
				sb_puts(&p->b->text, ".");
				sb_puts(&p->b->text, name);
				pushed = pp_push(p, (struct dwi_comp){ .member = name });
				if (!pushed) {
					sb_puts(&p->b->text, "=?");
					continue;
				}
			} else if (has_type) {
				/* SystemTap's own labels, struct and class the
				 * wrong way round as it writes them. */
				int t = dwarf_tag(&ct);
				sb_puts(&p->b->text, t == DW_TAG_union_type ? "<union>" :
					t == DW_TAG_structure_type ? "<class>" :
					t == DW_TAG_class_type ? "<struct>" : "");
			}
			sb_puts(&p->b->text, "=");
			if (!has_type)
				sb_puts(&p->b->text, "?");
			else if (dw_is_bitfield_member(&c))
				pp_bitfield(p, &ct);
			else
				pp_recurse(p, &ct, false);
			if (pushed)
				p->ncomps--;
		} while (dwarf_siblingof(&c, &c) == 0);
	}
	free(dupes);
}

static void pp_struct(struct pretty *p, Dwarf_Die *t, bool top)
{
	Dwarf_Die def = *t;
	if (dwarf_hasattr(t, DW_AT_declaration) && !dw_find_definition(p->d, t, &def)) {
		sb_puts(&p->b->text, "{...}");
		return;
	}
	int count = 0;
	sb_puts(&p->b->text, "{");
	if (top || p->print_full)
		pp_members(p, &def, &count, 0);
	else
		sb_puts(&p->b->text, "...");
	sb_puts(&p->b->text, "}");
}

static void pp_recurse(struct pretty *p, Dwarf_Die *start, bool top)
{
	Dwarf_Die t;
	if (++p->depth > MAX_DEPTH || !dw_resolve_unqualified(start, &t)) {
		sb_puts(&p->b->text, "?");
		p->depth--;
		return;
	}
	switch (dwarf_tag(&t)) {
	case DW_TAG_enumeration_type:
	case DW_TAG_base_type:
		pp_base(p, &t);
		break;
	case DW_TAG_array_type:
		pp_array(p, &t, top);
		break;
	case DW_TAG_pointer_type:
	case DW_TAG_reference_type:
	case DW_TAG_rvalue_reference_type:
		pp_pointer(p, &t, top);
		break;
	case DW_TAG_subroutine_type:
		pp_value(p, "<function>:", DWI_FMT_POINTER, "");
		break;
	case DW_TAG_union_type:
	case DW_TAG_structure_type:
	case DW_TAG_class_type:
		pp_struct(p, &t, top);
		break;
	default:
		sb_puts(&p->b->text, "?");
		break;
	}
	p->depth--;
}

/* $v$ into b, the pieces in `group`: false where SystemTap fails to
 * pretty-print it at all. */
static bool pretty_var(struct planb *b, const struct dwi_type *t, int root, bool root_is_address,
		       bool readable, int depth, int group)
{
	if (!t || !tn(t)->die.addr || depth < 1)
		return false;
	Dwarf_Die start = tn(t)->die, res;
	if (!dw_resolve_unqualified(&start, &res))
		return false;
	struct pretty *p = xcalloc(1, sizeof(*p));
	*p = (struct pretty){ .b = b, .d = b->d, .root_type = t, .root = root,
			      .root_is_address = root_is_address, .readable = readable,
			      .print_full = depth > 1, .group = group };
	pp_recurse(p, &start, true);
	plan_flush(b, group);
	free(p);
	return true;
}

int dwi_plan_var(const struct dwi_type *t, int root, bool root_is_address, bool readable,
		 int depth, struct dwi_plan *out)
{
	memset(out, 0, sizeof(*out));
	if (!t)
		return -1;
	struct planb b = { .d = tn(t)->d };
	if (!pretty_var(&b, t, root, root_is_address, readable, depth, 1)) {
		free(b.v);
		free(b.text.s);
		return -1;
	}
	plan_done(&b, out);
	return 0;
}

/* Whether a variable can be read at the probe, and how v starts. */
static bool var_readable(const struct dwi_var *v, bool *is_addr)
{
	*is_addr = false;
	if (!v->is_param) {
		*is_addr = true;
		return v->addr != 0;
	}
	switch (v->abi.kind) {
	case DWI_ABI_REG:
	case DWI_ABI_STACK:
		return true;
	case DWI_ABI_BYREF:
	case DWI_ABI_MEMORY:
		*is_addr = true;
		return true;
	default:
		return false;
	}
}

/* One variable of a context plan: its root, and whether and how it can
 * be read at the probe. */
struct plan_var {
	const struct dwi_var *v;
	int root;
	bool readable, is_addr;
};

/* $$parms, $$locals or $$vars of the variables vs, in order. */
static void plan_vars(struct planb *b, const struct plan_var *vs, size_t n, int depth)
{
	bool first = true;
	int group = 0;
	for (size_t i = 0; i < n; i++) {
		const struct dwi_var *v = vs[i].v;
		int root = vs[i].root;
		bool is_addr = vs[i].is_addr, readable = vs[i].readable;
		if (!v->name)
			continue;
		if (!first)
			sb_puts(&b->text, " ");
		first = false;
		sb_puts(&b->text, v->name);
		if (depth > 0) {
			sb_puts(&b->text, "=");
			plan_flush(b, 0);
			if (!pretty_var(b, v->type, root, is_addr, readable, depth, ++group))
				sb_puts(&b->text, "?");
			continue;
		}
		Dwarf_Die t;
		if (v->type && tn(v->type)->die.addr) {
			Dwarf_Die start = tn(v->type)->die;
			if (dw_resolve_unqualified(&start, &t)) {
				int tag = dwarf_tag(&t);
				if (tag == DW_TAG_union_type || tag == DW_TAG_structure_type ||
				    tag == DW_TAG_class_type) {
					sb_puts(&b->text, "={...}");
					continue;
				}
				if (tag == DW_TAG_array_type) {
					sb_puts(&b->text, "=[...]");
					continue;
				}
			}
		}
		struct dwi_access acc;
		if (!readable || dwi_access(v->type, is_addr, NULL, 0, &acc, NULL) != 0) {
			sb_puts(&b->text, "=?");
			continue;
		}
		sb_puts(&b->text, "=");
		plan_piece(b, DWI_FMT_HEX, root, &acc, 0);
	}
}

int dwi_plan_context(const struct dwi_func *pf, enum dwi_plan_which which, int depth,
		     struct dwi_plan *out)
{
	struct fnode *f = fnode_of(pf);
	dw_build_sig(f);
	struct planb b = { .d = f->d };
	struct plan_var *vs = xcalloc(f->norder + 1, sizeof(*vs));
	size_t n = 0;
	for (size_t i = 0; i < f->norder; i++) {
		bool param = f->order[i] >= 0;
		if ((param && which == DWI_PLAN_LOCALS) || (!param && which == DWI_PLAN_PARMS))
			continue;
		const struct dwi_var *v = param ? &f->params[f->order[i]] : &f->locals[~f->order[i]];
		vs[n].v = v;
		vs[n].root = param ? f->order[i] : (int)f->nparams + ~f->order[i];
		vs[n].readable = var_readable(v, &vs[n].is_addr);
		n++;
	}
	plan_vars(&b, vs, n, depth);
	free(vs);
	plan_done(&b, out);
	return 0;
}

int dwi_plan_scope(const struct dwi_scope *s, enum dwi_plan_which which, int depth,
		   struct dwi_plan *out)
{
	struct planb b = { .d = s->priv };
	struct plan_var *vs = xcalloc(s->n + 1, sizeof(*vs));
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct dwi_var *v = &s->vars[i];
		if ((v->is_param && which == DWI_PLAN_LOCALS) ||
		    (!v->is_param && which == DWI_PLAN_PARMS))
			continue;
		struct dwi_loc l = dwi_scope_loc(s, i);
		vs[n].v = v;
		vs[n].root = (int)i;
		vs[n].readable = l.kind != DWI_LOC_NONE && v->type;
		vs[n].is_addr = l.kind == DWI_LOC_MEM || l.kind == DWI_LOC_STATIC;
		n++;
	}
	plan_vars(&b, vs, n, depth);
	free(vs);
	plan_done(&b, out);
	return 0;
}

int dwi_plan_return(const struct dwi_func *pf, int depth, struct dwi_plan *out)
{
	struct fnode *f = fnode_of(pf);
	dw_build_sig(f);
	struct planb b = { .d = f->d };
	const struct dwi_type *rt = f->ret;
	struct dwi_abi a = f->ret_abi;
	bool is_addr = a.kind == DWI_ABI_MEMORY;
	bool readable = a.kind == DWI_ABI_REG || is_addr;
	if (rt && depth > 0) {
		struct planb tmp = { .d = f->d };
		if (pretty_var(&tmp, rt, DWI_ROOT_RETURN, is_addr, readable, depth, 1)) {
			sb_puts(&b.text, "return=");
			plan_flush(&b, 0);
			for (size_t i = 0; i < tmp.n; i++) {
				if (b.n == b.cap) {
					b.cap = b.cap ? b.cap * 2 : 16;
					b.v = xrealloc(b.v, b.cap * sizeof(*b.v));
				}
				b.v[b.n++] = tmp.v[i];
			}
		}
		free(tmp.v);
		free(tmp.text.s);
	} else if (rt && readable) {
		struct dwi_access acc;
		if (dwi_access(rt, is_addr, NULL, 0, &acc, NULL) == 0) {
			sb_puts(&b.text, "return=");
			plan_piece(&b, DWI_FMT_HEX, DWI_ROOT_RETURN, &acc, 0);
		}
	}
	plan_done(&b, out);
	return 0;
}

const char *dwi_plan_format(const struct dwi_plan *p)
{
	static const char *const spec[] = {
		[DWI_FMT_NONE] = "", [DWI_FMT_HEX] = "%#x", [DWI_FMT_SIGNED] = "%i",
		[DWI_FMT_UNSIGNED] = "%u", [DWI_FMT_CHAR] = "%#c", [DWI_FMT_POINTER] = "%p",
		[DWI_FMT_STRING] = "%s", [DWI_FMT_STRING16] = "%s", [DWI_FMT_STRING32] = "%s",
	};
	if (!p || !p->d)
		return "";
	struct sb b = { 0 };
	for (size_t i = 0; i < p->n; i++) {
		sb_puts(&b, p->pieces[i].text);
		sb_puts(&b, spec[p->pieces[i].fmt]);
	}
	const char *s = arena_strdup(p->d->arena, sb_str(&b));
	free(b.s);
	return s;
}
