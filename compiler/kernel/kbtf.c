/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kbtf.c — the kernel's types from its BTF: names as SystemTap writes
 * them, and $p->member[i] as ops; see kernel.h. */
#include <bpf/btf.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "parse/arena.h"
#include "kernel.h"
#include "kernel_impl.h"

struct kbtf *kbtf_open(struct arena *a, char *why, size_t whylen)
{
	struct btf *btf = btf__load_vmlinux_btf();
	if (!btf) {
		snprintf(why, whylen, "the kernel has no BTF: /sys/kernel/btf/vmlinux: %s",
			 strerror(errno));
		return NULL;
	}
	struct kbtf *k = arena_alloc(a, sizeof(*k));
	memset(k, 0, sizeof(*k));
	k->arena = a;
	k->btf = btf;
	return k;
}

void kbtf_close(struct kbtf *k)
{
	if (!k)
		return;
	ktp_tracefs_release(k);
	btf__free(k->btf);
}

/* Through typedefs and qualifiers. */
const struct btf_type *kbtf_skip(struct kbtf *k, uint32_t *id)
{
	const struct btf_type *t = btf__type_by_id(k->btf, *id);
	for (int depth = 0; t && depth < 32; depth++) {
		if (!btf_is_typedef(t) && !btf_is_mod(t))
			break;
		*id = t->type;
		t = btf__type_by_id(k->btf, *id);
	}
	return t;
}

static void type_name(struct kbtf *k, uint32_t id, char *buf, size_t len, int depth)
{
	const struct btf_type *t = id ? btf__type_by_id(k->btf, id) : NULL;
	const char *name = t ? btf__name_by_offset(k->btf, t->name_off) : NULL;
	char inner[256];
	if (!t) {
		snprintf(buf, len, "void");
		return;
	}
	if (depth > 16) {
		snprintf(buf, len, "...");
		return;
	}
	switch (btf_kind(t)) {
	case BTF_KIND_PTR:
		type_name(k, t->type, inner, sizeof(inner), depth + 1);
		snprintf(buf, len, "%s*", inner);
		return;
	case BTF_KIND_CONST:
	case BTF_KIND_VOLATILE:
		type_name(k, t->type, inner, sizeof(inner), depth + 1);
		snprintf(buf, len, "%s %s", inner, btf_is_const(t) ? "const" : "volatile");
		return;
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
		type_name(k, t->type, buf, len, depth + 1);
		return;
	case BTF_KIND_ARRAY:
		type_name(k, btf_array(t)->type, inner, sizeof(inner), depth + 1);
		snprintf(buf, len, "%s[%u]", inner, btf_array(t)->nelems);
		return;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
		snprintf(buf, len, "%s %s",
			 btf_is_struct(t) ? "struct" : btf_is_union(t) ? "union" : "enum",
			 name && *name ? name : "{...}");
		return;
	case BTF_KIND_FUNC_PROTO:
		snprintf(buf, len, "function");
		return;
	default:
		snprintf(buf, len, "%s", name && *name ? name : "?");
		return;
	}
}

const char *kbtf_type_name(struct kbtf *k, uint32_t id)
{
	char buf[512];
	type_name(k, id, buf, sizeof(buf), 0);
	return arena_strdup(k->arena, buf);
}

/* Member `name` of struct or union t, looked for through anonymous
 * members too: its type, and its offset in bits from t's start. */
static const struct btf_member *find_member(struct kbtf *k, const struct btf_type *t,
					    const char *name, uint32_t *bits, int depth)
{
	if (depth > 8)
		return NULL;
	const struct btf_member *m = btf_members(t);
	for (int i = 0; i < btf_vlen(t); i++, m++) {
		const char *mn = btf__name_by_offset(k->btf, m->name_off);
		uint32_t off = btf_member_bit_offset(t, (uint32_t)i);
		if (mn && strcmp(mn, name) == 0) {
			*bits = off;
			return m;
		}
		if (mn && *mn)
			continue;
		uint32_t id = m->type;
		const struct btf_type *sub = kbtf_skip(k, &id);
		if (sub && (btf_is_struct(sub) || btf_is_union(sub))) {
			uint32_t inner;
			const struct btf_member *r = find_member(k, sub, name, &inner, depth + 1);
			if (r) {
				*bits = off + inner;
				return r;
			}
		}
	}
	return NULL;
}

int kbtf_member(struct kbtf *k, const char *sname, const char *name, uint32_t *offset,
		uint32_t *size)
{
	int id = btf__find_by_name_kind(k->btf, sname, BTF_KIND_STRUCT);
	if (id < 0)
		return -1;
	uint32_t bits;
	const struct btf_member *m = find_member(k, btf__type_by_id(k->btf, (uint32_t)id), name,
						 &bits, 0);
	if (!m)
		return -1;
	*offset = bits / 8;
	long sz = btf__resolve_size(k->btf, m->type);
	*size = sz > 0 ? (uint32_t)sz : 0;
	return 0;
}

struct acc {
	struct kbtf *k;
	struct kbtf_op *ops;
	int n;
	char *err;
	size_t errlen;
};

static bool emit(struct acc *a, struct kbtf_op op)
{
	if (a->n == KBTF_MAX_OPS) {
		snprintf(a->err, a->errlen, "the expression is too long");
		return false;
	}
	a->ops[a->n++] = op;
	return true;
}

/* Whether a resolved type reads as a number, and how. */
static bool scalar(const struct btf_type *t, uint8_t *size, bool *is_signed)
{
	if (btf_is_int(t)) {
		*size = (uint8_t)t->size;
		*is_signed = (btf_int_encoding(t) & BTF_INT_SIGNED) != 0;
		return t->size <= 8;
	}
	if (btf_is_enum(t) || btf_is_enum64(t)) {
		*size = (uint8_t)t->size;
		*is_signed = false;   /* SystemTap zero-extends enums */
		return true;
	}
	if (btf_is_ptr(t)) {
		*size = 8;
		*is_signed = false;
		return true;
	}
	return false;
}

int kbtf_type_named(struct kbtf *k, const char *name, uint32_t *id, int *levels)
{
	/* "struct task_struct *", "task_struct", "unsigned long" */
	char buf[256];
	snprintf(buf, sizeof(buf), "%s", name);
	int stars = 0;
	size_t n = strlen(buf);
	while (n && (buf[n - 1] == ' ' || buf[n - 1] == '*')) {
		stars += buf[n - 1] == '*';
		buf[--n] = '\0';
	}
	const char *base = buf;
	int kinds[3] = { BTF_KIND_STRUCT, BTF_KIND_UNION, BTF_KIND_TYPEDEF };
	int first = 0, last = 2;
	if (strncmp(base, "struct ", 7) == 0) {
		base += 7;
		last = 0;
	} else if (strncmp(base, "union ", 6) == 0) {
		base += 6;
		first = last = 1;
	} else if (strncmp(base, "enum ", 5) == 0) {
		base += 5;
		kinds[0] = BTF_KIND_ENUM;
		last = 0;
	}
	while (*base == ' ')
		base++;
	int found = -1;
	for (int i = first; i <= last && found < 0; i++)
		found = btf__find_by_name_kind(k->btf, base, kinds[i]);
	if (found < 0 && first == 0 && last == 2)
		found = btf__find_by_name_kind(k->btf, base, BTF_KIND_INT);
	if (found < 0)
		return -1;
	*id = (uint32_t)found;
	*levels = stars;
	return 0;
}

int kbtf_access(struct kbtf *k, uint32_t type, const struct kbtf_comp *comps, int ncomps,
		struct kbtf_op *ops, int *nops, uint32_t *result, char *err, size_t errlen)
{
	return kbtf_access_ex(k, type, 0, false, comps, ncomps, ops, nops, result, NULL, err,
			      errlen);
}

int kbtf_access_ex(struct kbtf *k, uint32_t type, int at, bool addr_of,
		   const struct kbtf_comp *comps, int ncomps, struct kbtf_op *ops, int *nops,
		   uint32_t *result, bool *is_addr, char *err, size_t errlen)
{
	struct acc a = { k, ops, 0, err, errlen };
	/* v holds the value of type `id`, or its address when at_addr. */
	bool at_addr = at == 1;
	uint32_t id = type;
	if (at > 1 && ncomps == 0) {
		/* @cast(p, "struct foo *") alone: the pointer at p */
		*result = type;
		if (is_addr)
			*is_addr = addr_of;
		*nops = 0;
		if (!addr_of)
			ops[(*nops)++] = (struct kbtf_op){ KBTF_OP_LOAD, .size = 8 };
		return 0;
	}
	if (at > 1) {
		/* v is the address of at - 1 levels of pointers to the type:
		 * as many loads give the address of the value */
		for (int i = 0; i < at - 1; i++)
			if (!emit(&a, (struct kbtf_op){ KBTF_OP_LOAD, .size = 8 }))
				return -1;
		at_addr = true;
	}
	int bit_size = 0, bit_shift = 0, slots = 0;
	for (int i = 0; i < ncomps; i++) {
		const struct kbtf_comp *c = &comps[i];
		const struct btf_type *t = kbtf_skip(k, &id);
		if (!t) {
			snprintf(err, errlen, "the type of the value is unknown");
			return -1;
		}
		if (bit_size) {
			snprintf(err, errlen, "a bit-field has no members or elements");
			return -1;
		}
		if (c->member) {
			if (btf_is_ptr(t)) {
				if (at_addr && !emit(&a, (struct kbtf_op){ KBTF_OP_LOAD, .size = 8 }))
					return -1;
				at_addr = true;
				id = t->type;
				t = kbtf_skip(k, &id);
			}
			if (!t || !(btf_is_struct(t) || btf_is_union(t)) || !at_addr) {
				snprintf(err, errlen, "%s is not a struct or a pointer to one: "
					 "it has no member '%s'", kbtf_type_name(k, type),
					 c->member);
				return -1;
			}
			uint32_t bits;
			const struct btf_member *m = find_member(k, t, c->member, &bits, 0);
			if (!m) {
				snprintf(err, errlen, "no member '%s' in %s", c->member,
					 kbtf_type_name(k, id));
				return -1;
			}
			uint32_t bsz = btf_member_bitfield_size(t, (uint32_t)(m - btf_members(t)));
			id = m->type;
			long sz = btf__resolve_size(k->btf, id);
			if (bsz) {
				uint32_t unit = sz > 0 ? (uint32_t)sz : 4;
				uint32_t at = bits / 8 / unit * unit;
				bit_size = (int)bsz;
				bit_shift = (int)(bits - 8 * at);
				bits = 8 * at;
			}
			if (bits / 8 && !emit(&a, (struct kbtf_op){ KBTF_OP_ADD, .n = bits / 8 }))
				return -1;
			type = id;
			continue;
		}
		uint32_t el;
		if (btf_is_array(t) && at_addr) {
			el = btf_array(t)->type;
		} else if (at_addr && i == 0 && at == 1 &&
			   (btf_is_struct(t) || btf_is_union(t) || btf_is_int(t))) {
			/* @cast(p, "struct foo")[1]: the struct after the one at
			 * p, as if p pointed to an array of them */
			el = id;
		} else if (btf_is_ptr(t)) {
			if (at_addr && !emit(&a, (struct kbtf_op){ KBTF_OP_LOAD, .size = 8 }))
				return -1;
			at_addr = true;
			el = t->type;
		} else {
			snprintf(err, errlen, "%s is not an array or a pointer",
				 kbtf_type_name(k, type));
			return -1;
		}
		long esz = btf__resolve_size(k->btf, el);
		if (esz <= 0) {
			snprintf(err, errlen, "%s points to a type of unknown size",
				 kbtf_type_name(k, type));
			return -1;
		}
		if (c->is_const) {
			if (c->index && !emit(&a, (struct kbtf_op){ KBTF_OP_ADD, .n = c->index * esz }))
				return -1;
		} else if (!emit(&a, (struct kbtf_op){ KBTF_OP_INDEX, .slot = slots++, .n = esz })) {
			return -1;
		}
		id = type = el;
	}
	const struct btf_type *t = kbtf_skip(k, &id);
	uint8_t size;
	bool is_signed;
	*result = type;
	if (is_addr)
		*is_addr = false;
	if (addr_of) {
		/* '&': where the value is, which must be in memory */
		if (!at_addr || bit_size) {
			snprintf(err, errlen, "%s", bit_size ? "a bit-field has no address" :
				 "the value is not in memory: it has no address");
			return -1;
		}
		if (is_addr)
			*is_addr = true;
		*nops = a.n;
		return 0;
	}
	if (!t) {
		snprintf(err, errlen, "the value is void");
		return -1;
	}
	if (!scalar(t, &size, &is_signed)) {
		if (at_addr && (btf_is_array(t) || btf_is_struct(t) || btf_is_union(t))) {
			/* SystemTap's value of an array or a struct member: its
			 * address */
			if (is_addr)
				*is_addr = true;
			*nops = a.n;
			return 0;
		}
		snprintf(err, errlen, "%s cannot be read as a number", kbtf_type_name(k, type));
		return -1;
	}
	if (at_addr) {
		if (!emit(&a, (struct kbtf_op){ KBTF_OP_LOAD, .size = size,
						 .is_signed = is_signed && !bit_size }))
			return -1;
	} else if (!emit(&a, (struct kbtf_op){ KBTF_OP_EXTEND, .size = size,
						.is_signed = is_signed })) {
		return -1;
	}
	if (bit_size && !emit(&a, (struct kbtf_op){ KBTF_OP_BITS, .shift = (uint8_t)bit_shift,
						     .width = (uint8_t)bit_size,
						     .is_signed = is_signed }))
		return -1;
	*nops = a.n;
	return 0;
}
