/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dwarfinfo_impl.h — what the parts of the DWARF module share, and nothing
 * else includes: the handle, the nodes behind struct dwi_func and struct
 * dwi_type, and the functions one part asks another.
 *
 *   dwarfinfo.c   the handle, opening and debug files, units and the walk
 *                 that indexes them, dwi_func_at
 *   type.c        the type model and SystemTap's names for types
 *   abi.c         where the System V ABI puts arguments and return values
 *   func.c        functions' variables, -L listings, .function() matching
 *   access.c      $p->a[2].b as operations, with SystemTap's messages
 *   plan.c        $$parms, $$vars, $$return and $var$ as plans
 *   lines.c       source lines as addresses, for .statement("f@file.c:N")
 *   scope.c       the variables in scope at an address, and where each is
 *
 * Every object handed out lives in the handle's arena.  libdw DIEs are
 * copied into the objects (a Dwarf_Die is a value); nothing keeps a
 * pointer into libdw's own memory except names, which live as long as the
 * Dwarf does. */
#ifndef USCRIPT_DWARFINFO_IMPL_H
#define USCRIPT_DWARFINFO_IMPL_H

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <gelf.h>
#include <libelf.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "parse/arena.h"
#include "dwarfinfo.h"

/* Deeper than any real program nests its scopes or types; corrupt DWARF
 * with cycles stops here instead of overflowing the stack. */
#define MAX_DEPTH 96

void dw_set_err(struct dwi_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A growing string. */
struct sb {
	char *s;
	size_t len, cap;
};

static inline void sb_putn(struct sb *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void sb_puts(struct sb *b, const char *s) { sb_putn(b, s, strlen(s)); }

static inline const char *sb_str(const struct sb *b) { return b->s ? b->s : ""; }

/* Maps a nonzero key (a DIE's address in the mapped section, a code
 * address, a hash) to a pointer, by open addressing. */
struct map {
	uintptr_t *keys;
	void **vals;
	size_t cap, n;
};

void *dw_map_get(const struct map *m, uintptr_t k);
void dw_map_put(struct map *m, uintptr_t k, void *v);
void dw_map_free(struct map *m);

static inline uintptr_t str_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return (uintptr_t)(h | 1);
}

struct fnode;
struct tnode;

struct cunit {
	Dwarf_Die die;
	bool is_c, is_cxx;
	bool has_ranges;         /* its code's addresses are known */
	bool entries_done;       /* its functions are in dwi.entries */
	int state;               /* 0 not indexed, 1 being indexed, 2 done */
	struct fnode *first, *last;
};

struct range {
	uint64_t lo, hi;
	uint64_t maxhi;          /* the highest hi of this range and those before it */
	size_t cu;
};

/* A struct, union, class or enum by name, for completing declarations. */
struct named_type {
	const char *name;
	int tag;
	Dwarf_Die die;
	struct named_type *next;
};

struct dwi {
	struct arena *arena;
	const char *path, *debug_path;
	int fd, dfd;
	Elf *elf, *delf;
	Dwarf *dbg;

	struct cunit *cus;
	size_t ncus;
	bool cus_read;
	struct range *ranges;
	size_t nranges;
	bool all_indexed;

	struct map types;        /* type DIE -> tnode */
	struct map unit_index;   /* unit DIE -> 1 + its index in cus */
	struct map funcs;        /* subprogram DIE -> fnode */
	struct map entries;      /* entry pc -> first fnode with code there, of
				  * the units looked up by address */
	struct map scopes;       /* declaration DIE -> struct scopes * */
	struct map inlines;      /* abstract origin DIE -> struct inl list */
	struct map named;        /* str_hash(name) -> struct named_type list */
	bool named_done;
	struct map partsyms;     /* code address -> name of a compiler-made part or clone */
	bool partsyms_done;
	struct map scopes_at;    /* 2 * pc + 1 -> the struct snode there (scope.c) */
	Dwarf_CFI *eh_cfi;       /* the file's .eh_frame, read when first needed */
	bool eh_cfi_done;
};

struct scopes {
	const char **names;
	int n;
};

/* One inlined copy. */
struct inl {
	Dwarf_Die die;
	uint64_t entry;             /* read when the copies are asked for */
	struct fnode *caller;
	struct inl *next;
	const char *listing;
};

struct fnode {
	struct dwi_func pub;
	struct dwi *d;
	struct cunit *cu;
	Dwarf_Die die;
	struct fnode *next;          /* in the unit, in DIE order */
	Dwarf_Die *outer;            /* enclosing scopes below the unit, innermost first */
	int nouter;
	const struct scopes *sc;
	bool basic_done;             /* pub.is_inline and pub.entry are (dw_basic) */
	bool done;                   /* all of pub is filled in (dw_complete) */

	bool sig_done;
	struct dwi_var *params, *locals;
	size_t nparams, nlocals;
	/* $$vars order: index into params (>= 0) or ~index into locals. */
	int *order;
	size_t norder;
	const struct dwi_type *ret;
	struct dwi_abi ret_abi;
	const char *listing[2];

	bool inl_done;
	struct dwi_site *inl;
	size_t ninl;
};

struct tnode {
	struct dwi_type pub;
	struct dwi *d;
	Dwarf_Die die;           /* as written */
	Dwarf_Die res;           /* through typedefs and qualifiers; a struct's definition */
	bool has_res;            /* false: void */
	bool is_cxx;
	bool target_done;
	const struct dwi_type *target;
	bool members_done;
	struct dwi_member *members;
	size_t nmembers;
	bool enums_done;
	struct dwi_enumerator *enums;
	size_t nenums;
};

static inline struct fnode *fnode_of(const struct dwi_func *f)
{
	return (struct fnode *)f;
}

static inline struct tnode *tn(const struct dwi_type *t)
{
	return (struct tnode *)t;
}

/* ---- DIEs ---- */

/* The DIE an attribute refers to, with its own attribute only (no
 * abstract origin or specification in between). */
static inline bool ref_die(Dwarf_Die *die, unsigned at, Dwarf_Die *out)
{
	Dwarf_Attribute a;
	return dwarf_attr(die, at, &a) && dwarf_formref_die(&a, out);
}

/* A type reference as SystemTap's dwarf_attr_die reads it: through
 * abstract origins and specifications, and from a declaration with a
 * DW_AT_signature to the type unit's type. */
static inline bool type_die(Dwarf_Die *die, Dwarf_Die *out)
{
	Dwarf_Attribute a;
	if (!dwarf_formref_die(dwarf_attr_integrate(die, DW_AT_type, &a), out))
		return false;
	Dwarf_Die sig;
	if (ref_die(out, DW_AT_signature, &sig)) {
		*out = sig;
		if (dwarf_tag(out) == DW_TAG_type_unit && dwarf_child(out, out) != 0)
			return false;
	}
	return true;
}

static inline bool udata(Dwarf_Die *die, unsigned at, Dwarf_Word *v)
{
	Dwarf_Attribute a;
	return dwarf_formudata(dwarf_attr_integrate(die, at, &a), v) == 0;
}

/* DW_LANG_C17 (0x2c) and C++17/20 (0x2a, 0x2b) are newer than some
 * dwarf.h files. */
static inline bool lang_is_c(int lang)
{
	return lang == DW_LANG_C89 || lang == DW_LANG_C || lang == DW_LANG_C99 ||
	       lang == DW_LANG_C11 || lang == 0x2c;
}

static inline bool lang_is_cxx(int lang)
{
	return lang == DW_LANG_C_plus_plus || lang == DW_LANG_C_plus_plus_03 ||
	       lang == DW_LANG_C_plus_plus_11 || lang == DW_LANG_C_plus_plus_14 ||
	       lang == 0x2a || lang == 0x2b;
}

/* ---- What the parts ask each other ---- */

/* dwarfinfo.c */
const char *dw_decl_file(Dwarf_Die *die);
void dw_read_units(struct dwi *d);
void dw_index_all(struct dwi *d);
/* Where code for a subprogram or inlined copy starts; 0 for none. */
uint64_t dw_die_entry(Dwarf_Die *die);
/* Fill in f->pub beyond its name, what the walk left for later: only
 * is_inline and entry, or all of it.  Every dwi_func handed out is
 * complete. */
void dw_basic(struct fnode *f);
void dw_complete(struct fnode *f);

/* type.c */
const struct dwi_type *dw_type_of(struct dwi *d, Dwarf_Die *die);
const struct dwi_type *dw_void_type(struct dwi *d);
bool dw_find_definition(struct dwi *d, Dwarf_Die *decl, Dwarf_Die *out);
bool dw_member_offset(Dwarf_Die *m, uint64_t *off);

/* abi.c */
void dw_assign_abi(struct fnode *f);
struct dwi_abi dw_return_abi(const struct dwi_type *t);
struct dwi_abi dw_abi_unsupported(const char *why);

/* func.c */
void dw_build_sig(struct fnode *f);
/* A variable or parameter DIE as a dwi_var; `listed` says whether it has
 * a location at pc. */
void dw_fill_var(struct dwi *d, struct dwi_var *v, Dwarf_Die *die, uint64_t pc, bool param);
bool dw_is_clone(struct fnode *f);

/* scope.c: the scope of a DIE (a label), at its address pc; the scope
 * inside a DIE (an inlined copy) at pc */
const struct dwi_scope *dw_scope_of_die(struct dwi *d, Dwarf_Die *die, uint64_t pc);
const struct dwi_scope *dw_scope_in_die(struct dwi *d, Dwarf_Die *start, uint64_t pc);

/* access.c */
bool dw_resolve_unqualified(Dwarf_Die *die, Dwarf_Die *out);
bool dw_is_bitfield_member(Dwarf_Die *m);
const char *dw_die_type_name(struct dwi *d, Dwarf_Die *die);

#endif
