/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_dwarfinfo.c — unit tests for compiler/dwarf/dwarfinfo.c.
 *
 *   test_dwarfinfo DIR     DIR holds what dwarf_targets/build.sh builds
 *
 * 1. Opening: the file's own DWARF, a separate debug file by
 *    .gnu_debuglink (beside the file and in .debug/) and by build id
 *    (under a root of SYSTEMTAP_DEBUGINFO_PATH), a file without DWARF, a
 *    file that is not ELF, one that does not exist.
 * 2. Types and their SystemTap names; members through typedefs, nested
 *    and anonymous structs, C++ base classes, checked against offsetof()
 *    of types.h; bit-fields against the bits they really occupy; enums of
 *    1, 4 and 8 bytes.
 * 3. Where each parameter is at the first instruction (System V x86-64),
 *    and $return, for every build of the targets.
 * 4. dwi_access(): the operations for ->, ., [N], [expr], pointers to
 *    pointers, arrays in structs, bit-fields, and SystemTap's messages.
 * 5. $$parms, $$parms$, $$locals, $$vars, $$return and $var$: the formats
 *    SystemTap would build, written out literally.
 * 6. Traced runs: each target runs under this file's own small tracer
 *    (ptrace), stopped at the first instruction of each function main()
 *    calls and at its return.  Each parameter is read where dwi_abi says,
 *    the plans are evaluated on the live process (registers, then memory
 *    through /proc/PID/mem) and printed with uscript's formatter, and the
 *    strings must be what SystemTap prints for the values main() passes.
 * 7. dwi_match(): names, wildcards, C++ scopes that '*' does not cross,
 *    overloads, mangled names, inlined copies; dwi_functions(); listings
 *    as `stap -L` prints them.
 * 8. Damaged DWARF: no crash, whatever the damage.
 *
 *   test_dwarfinfo --time FILE    times opening, lookups and matches */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "dwarf/dwarfinfo.h"
#include "format.h"
#include "strbuf.h"
#include "strfuncs.h"
#include "dwarf_targets/types.h"

/* The builds of types.c and classes.cc that are there (clang's only when
 * clang-19 is installed). */
static const char *const type_builds[] = {
	"types-gcc-O0-pie", "types-gcc-O0-nopie", "types-gcc-O2-pie", "types-gcc-O2-nopie",
	"types-gcc-O0-dwarf4", "types-clang-O0-pie", "types-clang-O2-pie",
};
static const char *const class_builds[] = {
	"classes-gcc-O0", "classes-gcc-O2", "classes-gcc-O0-typeunits",
	"classes-clang-O0", "classes-clang-O2",
};
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static bool is_clang(const char *build)
{
	return strstr(build, "clang") != NULL;
}

static bool is_O2(const char *build)
{
	return strstr(build, "-O2") != NULL;
}

static struct dwi *open_target(const char *name)
{
	struct dwi_error err = { { 0 } };
	struct dwi *d = dwi_open_err(target(name), &err);
	CHECK(d, "%s: %s", name, err.msg);
	return d;
}

/* The one function named `name` with code (no inlined copies). */
static const struct dwi_func *func(struct dwi *d, const char *name)
{
	struct dwi_site *s;
	int n = dwi_match(d, name, 0, &s);
	const struct dwi_func *f = n >= 1 ? s[0].func : NULL;
	CHECK(n >= 1, "no function %s", name);
	free(s);
	return f;
}

static const struct dwi_var *param(const struct dwi_func *f, const char *name)
{
	struct dwi_error err;
	const struct dwi_var *v = f ? dwi_func_param(f, name, &err) : NULL;
	CHECK(v, "%s: %s", f ? f->name : "?", f ? err.msg : "no function");
	return v;
}

static const struct dwi_type *param_type(struct dwi *d, const char *fn, const char *p)
{
	const struct dwi_var *v = param(func(d, fn), p);
	return v ? v->type : NULL;
}

/* ---- 1. Opening ---- */

static void test_open(void)
{
	struct dwi_error err;
	struct dwi *d = open_target("types-gcc-O0-pie");
	CHECK(d && strcmp(dwi_debug_path(d), target("types-gcc-O0-pie")) == 0,
	      "debug path %s", d ? dwi_debug_path(d) : "-");
	dwi_close(d);

	d = dwi_open_err(target("nodebug"), &err);
	CHECK(!d, "nodebug opened");
	char want[PATH_MAX + 64];
	snprintf(want, sizeof(want), "no debug info in %s", target("nodebug"));
	CHECK(strcmp(err.msg, want) == 0, "nodebug: '%s'", err.msg);

	snprintf(want, sizeof(want), "cannot open %s: No such file or directory",
		 target("no-such-file"));
	d = dwi_open_err(target("no-such-file"), &err);
	CHECK(!d && strcmp(err.msg, want) == 0, "missing file: '%s'", err.msg);

	d = dwi_open_err(target("split/link.debug"), &err);
	CHECK(d, "a debug file opens by itself: %s", err.msg);
	dwi_close(d);

	snprintf(want, sizeof(want), "%s is not an ELF file", "/proc/self/status");
	d = dwi_open_err("/proc/self/status", &err);
	CHECK(!d && strcmp(err.msg, want) == 0, "not ELF: '%s'", err.msg);
	CHECK(dwi_open(target("nodebug")) == NULL, "dwi_open of nodebug");
	dwi_close(NULL);

	/* Separate debug files, and what they answer. */
	static const struct {
		const char *file, *debug, *path;
	} split[] = {
		{ "split/link", "split/link.debug", NULL },
		{ "split/dotdebug", "split/.debug/dotdebug.debug", NULL },
		{ "split/byid", NULL, "root" },
		{ "split/byid", NULL, "none" },
	};
	char *saved = getenv("SYSTEMTAP_DEBUGINFO_PATH");
	saved = saved ? strdup(saved) : NULL;
	for (size_t i = 0; i < NELEM(split); i++) {
		char root[PATH_MAX + 32];
		if (split[i].path && strcmp(split[i].path, "root") == 0) {
			snprintf(root, sizeof(root), "+:.debug:/nonexistent:%s", target("debugroot"));
			setenv("SYSTEMTAP_DEBUGINFO_PATH", root, 1);
		} else if (split[i].path) {
			setenv("SYSTEMTAP_DEBUGINFO_PATH", "+:.debug:/nonexistent", 1);
		} else {
			unsetenv("SYSTEMTAP_DEBUGINFO_PATH");
		}
		d = dwi_open_err(target(split[i].file), &err);
		if (split[i].path && strcmp(split[i].path, "none") == 0) {
			CHECK(!d && strstr(err.msg, "no debug info in "), "%s without its root: %s",
			      split[i].file, d ? "opened" : err.msg);
			dwi_close(d);
			continue;
		}
		CHECK(d, "%s: %s", split[i].file, err.msg);
		if (!d)
			continue;
		const char *dp = dwi_debug_path(d);
		if (split[i].debug) {
			char real[PATH_MAX];
			CHECK(realpath(target(split[i].debug), real) &&
			      strcmp(dp, real) == 0, "%s: debug path %s, not %s", split[i].file,
			      dp, real);
		} else {
			CHECK(strstr(dp, "/debugroot/.build-id/") && strstr(dp, ".debug"),
			      "%s: debug path %s", split[i].file, dp);
		}
		/* The same answers as the file with its DWARF. */
		struct dwi *whole = open_target("types-gcc-O2-pie");
		const struct dwi_func *a = func(d, "f_ints"), *b = whole ? func(whole, "f_ints") : NULL;
		CHECK(a && b && a->entry == b->entry && a->decl_line == b->decl_line,
		      "%s: f_ints at %#" PRIx64, split[i].file, a ? a->entry : 0);
		CHECK(a && dwi_func_at(d, a->entry) == a, "%s: dwi_func_at", split[i].file);
		dwi_close(whole);
		dwi_close(d);
	}
	if (saved)
		setenv("SYSTEMTAP_DEBUGINFO_PATH", saved, 1);
	else
		unsetenv("SYSTEMTAP_DEBUGINFO_PATH");
	free(saved);
}

/* ---- 2. Types ---- */

static void check_type(const struct dwi_type *t, const char *what, const char *name,
		       enum dwi_kind kind, uint64_t size, bool is_signed)
{
	CHECK(t, "%s: no type", what);
	if (!t)
		return;
	CHECK((name == NULL) == (t->name == NULL) && (!name || strcmp(name, t->name) == 0),
	      "%s: named '%s', not '%s'", what, t->name ? t->name : "(none)", name ? name : "(none)");
	CHECK(t->kind == kind, "%s: kind %d, not %d", what, t->kind, kind);
	CHECK(t->size == size, "%s: size %" PRIu64 ", not %" PRIu64, what, t->size, size);
	CHECK(t->is_signed == is_signed, "%s: signed %d", what, t->is_signed);
}

/* The names as SystemTap's dwarf_type_name() writes them (GCC's base
 * type names; clang's differ, as they do for stap). */
static void test_type_names(const char *build)
{
	struct dwi *d = open_target(build);
	if (!d)
		return;
	bool clang = is_clang(build);
	static const struct {
		const char *fn, *param, *gcc, *clang;
	} names[] = {
		{ "f_ints", "c", "char", "char" },
		{ "f_ints", "sc", "signed char", "signed char" },
		{ "f_ints", "us", "short unsigned int", "unsigned short" },
		{ "f_ints", "l", "long int", "long" },
		{ "f_ints", "ull", NULL, NULL },
		{ "f_ints", "ll", "long long int", "long long" },
		{ "f_widths", "b", "_Bool", "_Bool" },
		{ "f_widths", "i8", "int8_t", "int8_t" },
		{ "f_widths", "ull", "long long unsigned int", "unsigned long long" },
		{ "f_ptrs", "s", "char const*", "char const*" },
		{ "f_ptrs", "t", "char* const", "char* const" },
		{ "f_ptrs", "v", "void*", "void*" },
		{ "f_ptrs", "pp", "int**", "int**" },
		{ "f_ptrs", "o", "struct outer*", "struct outer*" },
		{ "f_ptrs", "co", "struct outer const*", "struct outer const*" },
		{ "f_ptrs", "cb", "int (*) (int, char*)", "int (*) (int, char*)" },
		{ "f_ptrs", "mi", "myint2", "myint2" },
		{ "f_ptrs", "cmi", "cmyint", "cmyint" },
		{ "f_mixed", "ld", "long double", "long double" },
		{ "f_mixed", "dp", "struct dpair", "struct dpair" },
		{ "f_structs", "n", "union number", "union number" },
		{ "f_enums", "c", "enum color", "enum color" },
		{ "f_arrays", "m", "int[]*", "int[]*" },
		{ "f_arrays", "a", "int*", "int*" },
		{ "f_atomic", "z", "complex double", "complex" },
		{ "f_i128", "b", "__int128", "__int128" },
		{ "f_access", "op", "outer_p", "outer_p" },
		{ "f_access", "cop", "couter_p", "couter_p" },
		{ "f_pretty", "argv", "char**", "char**" },
	};
	for (size_t i = 0; i < NELEM(names); i++) {
		const char *want = clang ? names[i].clang : names[i].gcc;
		if (strcmp(names[i].param, "ull") == 0 && strcmp(names[i].fn, "f_ints") == 0)
			continue;
		const struct dwi_type *t = param_type(d, names[i].fn, names[i].param);
		if (!t)
			continue;
		CHECK((want == NULL) == (t->name == NULL) && (!want || strcmp(want, t->name) == 0),
		      "%s: %s's %s is '%s', not '%s'", build, names[i].fn, names[i].param,
		      t->name ? t->name : "(none)", want ? want : "(none)");
	}

	/* Kinds, sizes and signedness through typedefs and qualifiers. */
	check_type(param_type(d, "f_ptrs", "cmi"), "cmyint", "cmyint", DWI_INT, 4, true);
	const struct dwi_type *t = param_type(d, "f_ptrs", "cmi");
	CHECK(t && t->is_const && !t->is_volatile, "cmyint is const");
	check_type(param_type(d, "f_ints", "c"), "char", "char", DWI_CHAR, 1, true);
	check_type(param_type(d, "f_ints", "uc"), "unsigned char", "unsigned char", DWI_CHAR, 1,
		   false);
	check_type(param_type(d, "f_widths", "b"), "_Bool", "_Bool", DWI_BOOL, 1, false);
	check_type(param_type(d, "f_widths", "u16"), "uint16_t", "uint16_t", DWI_INT, 2, false);
	check_type(param_type(d, "f_i128", "b"), "__int128", "__int128", DWI_INT, 16, true);
	check_type(param_type(d, "f_float", "f"), "float", "float", DWI_FLOAT, 4, false);
	check_type(param_type(d, "f_mixed", "ld"), "long double", "long double", DWI_FLOAT, 16,
		   false);
	/* _Atomic, which SystemTap cannot name; DWARF 4 has no tag for it. */
	bool dwarf4 = strstr(build, "dwarf4") != NULL;
	t = param_type(d, "f_atomic", "ai");
	check_type(t, "_Atomic int", dwarf4 ? "int" : NULL, DWI_INT, 4, true);
	CHECK(t && t->is_atomic == !dwarf4, "_Atomic int is atomic");

	/* Pointers and what they point to. */
	t = param_type(d, "f_ptrs", "pp");
	check_type(t, "int**", "int**", DWI_POINTER, 8, false);
	t = dwi_type_target(t);
	check_type(t, "int*", "int*", DWI_POINTER, 8, false);
	check_type(dwi_type_target(t), "int", "int", DWI_INT, 4, true);
	t = dwi_type_target(param_type(d, "f_ptrs", "v"));
	check_type(t, "void", "void", DWI_VOID, 0, false);
	t = dwi_type_target(param_type(d, "f_ptrs", "cb"));
	CHECK(t && t->kind == DWI_FUNCTION, "cb points to a function");
	check_type(dwi_type_target(t), "cb's return", "int", DWI_INT, 4, true);
	t = dwi_type_target(param_type(d, "f_arrays", "m"));
	check_type(t, "int[4]", "int[]", DWI_ARRAY, 16, false);
	CHECK(t && t->count == 4 && t->count_known, "int[4] has 4 elements");

	/* Structs: the outer one by its typedef'd pointer. */
	const struct dwi_type *o = dwi_type_target(param_type(d, "f_access", "op"));
	check_type(o, "outer_t", "outer_t", DWI_STRUCT, sizeof(struct outer), false);
	CHECK(o && o->tag == DWI_TAG_STRUCT && !o->incomplete, "outer is a complete struct");
	size_t n;
	const struct dwi_member *m = dwi_type_members(o, &n);
	static const struct {
		const char *name;
		size_t off;
	} om[] = {
		{ "id", offsetof(struct outer, id) }, { "in", offsetof(struct outer, in) },
		{ "pin", offsetof(struct outer, pin) }, { NULL, offsetof(struct outer, ai) },
		{ NULL, offsetof(struct outer, s1) }, { "arr", offsetof(struct outer, arr) },
		{ "grid", offsetof(struct outer, grid) }, { "str", offsetof(struct outer, str) },
		{ "cstr", offsetof(struct outer, cstr) }, { "vp", offsetof(struct outer, vp) },
		{ "cb", offsetof(struct outer, cb) }, { "col", offsetof(struct outer, col) },
		{ "flag", offsetof(struct outer, flag) }, { "d", offsetof(struct outer, d) },
		{ "ld", offsetof(struct outer, ld) }, { "next", offsetof(struct outer, next) },
		{ "opaque", offsetof(struct outer, opaque) }, { "vuc", offsetof(struct outer, vuc) },
		{ "atom", offsetof(struct outer, atom) }, { "inners", offsetof(struct outer, inners) },
		{ "i128", offsetof(struct outer, i128) }, { "f", offsetof(struct outer, f) },
		{ "flex", offsetof(struct outer, flex) },
	};
	CHECK(n == NELEM(om), "%s: struct outer has %zu members", build, n);
	for (size_t i = 0; i < n && i < NELEM(om); i++) {
		CHECK((m[i].name == NULL) == (om[i].name == NULL) &&
		      (!m[i].name || strcmp(m[i].name, om[i].name) == 0),
		      "%s: member %zu is %s, not %s", build, i, m[i].name ? m[i].name : "(anon)",
		      om[i].name ? om[i].name : "(anon)");
		CHECK(m[i].offset == om[i].off, "%s: %s at %" PRIu64 ", not %zu", build,
		      om[i].name ? om[i].name : "(anon)", m[i].offset, om[i].off);
		CHECK(!m[i].is_bitfield && !m[i].is_base, "%s: %s is a plain member", build,
		      om[i].name ? om[i].name : "(anon)");
	}
	if (n > 4) {
		check_type(m[3].type, "the anonymous union", "union {...}", DWI_STRUCT, 4, false);
		CHECK(m[3].type && m[3].type->tag == DWI_TAG_UNION, "a union");
		check_type(m[4].type, "the anonymous struct", "struct {...}", DWI_STRUCT, 4, false);
	}
	if (n > 6) {
		t = m[6].type;
		check_type(t, "grid", "int[]", DWI_ARRAY, sizeof(((struct outer *)0)->grid), false);
		/* int grid[2][3] is one array of six, as SystemTap indexes it. */
		CHECK(t && t->count == 6 && t->count_known, "grid has %" PRIu64 " elements",
		      t ? t->count : 0);
		check_type(dwi_type_target(t), "grid's elements", "int", DWI_INT, 4, true);
	}
	if (n == NELEM(om)) {
		t = m[n - 1].type;
		CHECK(t && t->kind == DWI_ARRAY && !t->count_known && t->count == 0,
		      "flex has no count");
		t = dwi_type_target(m[16].type);
		check_type(t, "struct fwd", "struct fwd", DWI_STRUCT, 0, false);
		CHECK(t && t->incomplete, "struct fwd is incomplete");
		size_t nf;
		CHECK(dwi_type_members(t, &nf) == NULL && nf == 0, "struct fwd has no members");
		t = m[17].type;
		check_type(t, "vuc", "unsigned char volatile", DWI_CHAR, 1, false);
		CHECK(t && t->is_volatile, "vuc is volatile");
	}

	/* By name, through anonymous members. */
	uint64_t off = 99;
	struct dwi_error err;
	const struct dwi_member *mm = dwi_type_member(o, "s2", &off, &err);
	CHECK(mm && off == offsetof(struct outer, s2), "s2 at %" PRIu64, off);
	mm = dwi_type_member(o, "af", &off, &err);
	CHECK(mm && off == offsetof(struct outer, af), "af at %" PRIu64, off);
	check_type(mm ? mm->type : NULL, "af", "float", DWI_FLOAT, 4, false);
	mm = dwi_type_member(o, "nope", &off, &err);
	CHECK(!mm && strcmp(err.msg, "no member 'nope' in outer_t: members are af, ai, arr, "
			    "atom, cb, col, cstr, d, f, flag, flex, grid, ...") == 0,
	      "'%s'", err.msg);
	mm = dwi_type_member(param_type(d, "f_ints", "c"), "x", &off, &err);
	CHECK(!mm && strcmp(err.msg, "no member 'x': char is not a struct, union or class") == 0,
	      "'%s'", err.msg);

	/* Bit-fields: where the DWARF says they are is where this file's
	 * compiler puts them. */
	const struct dwi_type *bt = dwi_type_target(param_type(d, "f_arrays", "bp"));
	check_type(bt, "struct bits", "struct bits", DWI_STRUCT, sizeof(struct bits), false);
	m = dwi_type_members(bt, &n);
	static const char *const bnames[] = { "a", "b", "c", "d", "e", "f", "g", "h",
					      "big", "wide", "flag", "col" };
	CHECK(n == NELEM(bnames), "%s: struct bits has %zu members", build, n);
	for (size_t i = 0; i < n && i < NELEM(bnames); i++) {
		struct bits b;
		memset(&b, 0, sizeof(b));
		switch (i) {
		case 0: b.a = -1; break;
		case 1: b.b = -1; break;
		case 2: b.c = 15; break;
		case 3: b.d = 15; break;
		case 4: b.e = -1; break;
		case 5: b.f = -1; break;
		case 6: b.g = 15; break;
		case 7: b.h = 15; break;
		case 8: b.big = -1; break;
		case 9: b.wide = (1ul << 40) - 1; break;
		case 10: b.flag = true; break;
		case 11: b.col = (enum color)15; break;
		}
		const unsigned char *bytes = (const unsigned char *)&b;
		int lo = -1, hi = -1;
		for (int bit = 0; bit < (int)sizeof(b) * 8; bit++)
			if (bytes[bit / 8] >> (bit % 8) & 1) {
				if (lo < 0)
					lo = bit;
				hi = bit;
			}
		const struct dwi_member *x = &m[i];
		uint64_t unit = x->type ? x->type->size : 0;
		CHECK(x->name && strcmp(x->name, bnames[i]) == 0 && x->is_bitfield,
		      "%s: %s is a bit-field", build, bnames[i]);
		CHECK(x->bit_offset == (uint64_t)lo && x->bit_size == (unsigned)(hi - lo + 1),
		      "%s: %s: bits %" PRIu64 "+%u, really %d+%d", build, bnames[i], x->bit_offset,
		      x->bit_size, lo, hi - lo + 1);
		CHECK(x->offset * 8 + x->bit_shift == (uint64_t)lo && unit &&
		      x->offset % unit == 0 && x->bit_shift + x->bit_size <= unit * 8,
		      "%s: %s: unit at %" PRIu64 " of %" PRIu64 ", shift %u", build, bnames[i],
		      x->offset, unit, x->bit_shift);
	}

	/* Enums: size and sign from the underlying type. */
	static const struct {
		const char *param, *name;
		uint64_t size;
		bool is_signed;
		int64_t last;
	} enums[] = {
		{ "c", "enum color", 4, true, -1 },
		{ "uc", "enum ucolor", 4, false, 0x80000000 },
		{ "t", "enum tiny", 1, false, 200 },
		{ "w", "enum wide_enum", 8, false, 0x100000000 },
	};
	for (size_t i = 0; i < NELEM(enums); i++) {
		t = param_type(d, "f_enums", enums[i].param);
		check_type(t, enums[i].name, enums[i].name, DWI_ENUM, enums[i].size,
			   enums[i].is_signed);
		const struct dwi_enumerator *e = dwi_type_enumerators(t, &n);
		CHECK(e && n >= 2 && e[n - 1].value == enums[i].last, "%s: last value %" PRId64,
		      enums[i].name, e && n ? e[n - 1].value : 0);
	}
	t = param_type(d, "f_enums", "c");
	const struct dwi_enumerator *e = dwi_type_enumerators(t, &n);
	CHECK(n == 3 && strcmp(e[0].name, "RED") == 0 && e[1].value == 5 &&
	      strcmp(e[2].name, "BLUE") == 0, "enum color's enumerators");
	dwi_close(d);
}

static void test_cxx_types(const char *build)
{
	struct dwi *d = open_target(build);
	if (!d)
		return;
	bool clang = is_clang(build);
	const struct dwi_func *f = func(d, "take_masking");
	const struct dwi_type *mt = dwi_type_target(param(f, "m") ? param(f, "m")->type : NULL);
	check_type(mt, "Masking", "struct Masking", DWI_STRUCT, 24, false);
	size_t n;
	const struct dwi_member *m = dwi_type_members(mt, &n);
	CHECK(n >= 3 && m[0].is_base && !m[0].name && m[0].offset == 0 &&
	      m[0].type && strcmp(m[0].type->name, "struct Base") == 0,
	      "%s: Masking's base class first", build);
	uint64_t off;
	struct dwi_error err;
	const struct dwi_member *b = dwi_type_member(mt, "b", &off, &err);
	CHECK(b && off == 12 && !b->is_base, "%s: Masking::b hides Base::b (at %" PRIu64 ")",
	      build, off);
	const struct dwi_type *base = n ? m[0].type : NULL;
	b = dwi_type_member(base, "b", &off, &err);
	CHECK(b && off == 8, "%s: Base::b at %" PRIu64, build, off);

	const struct dwi_type *kt = param_type(d, "free_fn", "kp");
	CHECK(kt && strcmp(kt->name, "class Klass*") == 0, "%s: kp is %s", build,
	      kt ? kt->name : "?");
	kt = dwi_type_target(kt);
	check_type(kt, "Klass", "class Klass", DWI_STRUCT, 24, false);
	CHECK(kt && kt->tag == DWI_TAG_CLASS, "Klass is a class");
	const struct dwi_member *k = dwi_type_member(kt, "b", &off, &err);
	CHECK(k && off == 8, "%s: Klass::b through its base at %" PRIu64, build, off);
	k = dwi_type_member(kt, "u_f", &off, &err);
	CHECK(k && off == 16, "%s: Klass::u_f through the anonymous union", build);
	k = dwi_type_member(kt, "count", &off, &err);
	CHECK(!k, "%s: static members are not members", build);

	const struct dwi_type *vt = dwi_type_target(param_type(d, "take_masking", "vp"));
	m = dwi_type_members(vt, &n);
	bool vbase = false;
	for (size_t i = 0; i < n; i++)
		vbase |= m[i].is_base && m[i].is_virtual_base;
	CHECK(vbase, "%s: Virt has a virtual base", build);
	CHECK(!dwi_type_member(vt, "vb", &off, &err), "%s: a virtual base's member", build);

	/* References, pointers to members, nullptr_t, wide characters. */
	check_type(param_type(d, "deep", "ref"), "int&", "int&", DWI_REFERENCE, 8, false);
	check_type(param_type(d, "deep", "rref"), "int&&", "int&&", DWI_REFERENCE, 8, false);
	check_type(dwi_type_target(param_type(d, "deep", "kref")), "Klass const",
		   "class Klass const", DWI_STRUCT, 24, false);
	const struct dwi_type *np = param_type(d, "deep", "np");
	/* std::nullptr_t is a typedef of decltype(nullptr), which SystemTap
	 * cannot name itself. */
	CHECK(np && np->kind == DWI_OTHER && np->name && strcmp(np->name, "nullptr_t") == 0,
	      "%s: nullptr_t is %s", build, np && np->name ? np->name : "(none)");
	CHECK(np && !dwi_type_target(np), "%s: nullptr_t targets nothing", build);
	const struct dwi_type *pm = param_type(d, "free_fn", "pm");
	CHECK(pm && pm->kind == DWI_OTHER && pm->name == NULL, "%s: a pointer to member", build);
	check_type(param_type(d, "free_fn", "c16"), "char16_t", "char16_t", DWI_CHAR, 2, false);
	check_type(param_type(d, "free_fn", "c32"), "char32_t", "char32_t", DWI_CHAR, 4, false);
	check_type(param_type(d, "free_fn", "wc"), "wchar_t", "wchar_t", DWI_INT, 4, true);
	const struct dwi_type *this_t = param_type(d, "Box<int>::get", "this");
	CHECK(this_t && strcmp(this_t->name, clang ? "struct Box<int> const*" :
			       "struct Box<int> const* const") == 0,
	      "%s: Box<int>::get's this is %s", build, this_t ? this_t->name : "?");
	dwi_close(d);
}

/* ---- 3. Where the arguments are ---- */

static const char *const regname[] = { "rdi", "rsi", "rdx", "rcx", "r8", "r9" };

/* "rdi/4s" (register, size, sign), "+8/4s" (stack slot), "&rdi" or "&+8"
 * (by reference), "m+8" (copied to the stack; "m" alone: rax holds the
 * address of a returned struct), "?why" (unsupported). */
static void abi_str(char *buf, size_t size, struct dwi_abi a, const struct dwi_type *t)
{
	char where[16];
	if (a.reg >= 0 && a.reg < 6)
		snprintf(where, sizeof(where), "%s", regname[a.reg]);
	else if (a.stack >= 0)
		snprintf(where, sizeof(where), "+%d", a.stack);
	else
		snprintf(where, sizeof(where), "rax");
	char sign = t && t->is_signed ? 's' : 'u';
	switch (a.kind) {
	case DWI_ABI_REG:
	case DWI_ABI_STACK:
		CHECK((a.kind == DWI_ABI_REG) == (a.stack < 0), "REG/STACK agree with stack %d",
		      a.stack);
		snprintf(buf, size, "%s/%u%c", where, a.size, sign);
		break;
	case DWI_ABI_BYREF:
		snprintf(buf, size, "&%s", where);
		break;
	case DWI_ABI_MEMORY:
		snprintf(buf, size, a.stack >= 0 ? "m+%d" : "m", a.stack);
		break;
	case DWI_ABI_UNSUPPORTED:
		snprintf(buf, size, "?%s", a.why ? a.why : "(no reason)");
		break;
	}
}

static void check_abi(struct dwi *d, const char *build, const char *fn, const char *want,
		      const char *want_ret)
{
	const struct dwi_func *f = func(d, fn);
	if (!f)
		return;
	size_t n;
	const struct dwi_var *v = dwi_func_params(f, &n);
	char got[2048] = "", one[256];
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		abi_str(one, sizeof(one), v[i].abi, v[i].type);
		len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%s=%s", i ? "|" : "",
					v[i].name ? v[i].name : "", one);
		if (len >= sizeof(got))
			len = sizeof(got) - 1;
	}
	CHECK(strcmp(got, want) == 0, "%s: %s:\n\tgot  %s\n\twant %s", build, fn, got, want);
	if (want_ret) {
		abi_str(one, sizeof(one), dwi_func_return_abi(f), dwi_func_return(f));
		CHECK(strcmp(one, want_ret) == 0, "%s: %s returns %s, not %s", build, fn, one,
		      want_ret);
	}
}

#define FP "?a floating-point value"
#define SREG "?a struct passed in registers"
#define CLONED "?not where the ABI puts it: the compiler changed this function's parameters"

static void test_abi_c(const char *build)
{
	struct dwi *d = open_target(build);
	if (!d)
		return;
	check_abi(d, build, "f_ints", "c=rdi/1s|sc=rsi/1s|uc=rdx/1u|s=rcx/2s|us=r8/2u|i=r9/4s|"
		  "u=+8/4u|l=+16/8s|ul=+24/8u|ll=+32/8s", "rax/4s");
	check_abi(d, build, "f_widths", "b=rdi/1u|i8=rsi/1s|u16=rdx/2u|i32=rcx/4s|u64=r8/8u|"
		  "ull=r9/8u", NULL);
	check_abi(d, build, "f_ptrs", "s=rdi/8u|t=rsi/8u|v=rdx/8u|pp=rcx/8u|o=r8/8u|co=r9/8u|"
		  "cb=+8/8u|mi=+16/4s|cmi=+24/4s", NULL);
	/* long double goes on the stack 16-aligned (+8), the struct after it. */
	check_abi(d, build, "f_mixed", "d=" FP "|a=rdi/4s|f=" FP "|ld=?a long double|b=rsi/4s|"
		  "p=" SREG "|dp=" SREG "|m=" SREG "|bg=m+24|c=r8/4s", FP);
	check_abi(d, build, "f_structs", "tl=" SREG "|n=?a union passed in registers|"
		  "e=?an empty struct, which is not passed at all|pk=m+8|bg=m+16|after=rcx/4s",
		  NULL);
	check_abi(d, build, "f_regs_left", "a1=rdi/4s|a2=rsi/4s|a3=rdx/4s|a4=rcx/4s|a5=r8/4s|"
		  "tl=m+8|a6=r9/4s|p=m+24", NULL);
	/* A struct returned in memory takes rdi for its address. */
	check_abi(d, build, "f_ret_big", "a=rsi/4s|b=rdx/4s", "m");
	check_abi(d, build, "f_ret_pair", "a=rdi/4s", "?a struct returned in registers");
	check_abi(d, build, "f_ret_char", "a=rdi/4s", "rax/1s");
	check_abi(d, build, "f_ret_enum", "a=rdi/4s", "rax/4s");
	check_abi(d, build, "f_ret_str", "a=rdi/4s", "rax/8u");
	check_abi(d, build, "f_ret_double", "a=rdi/4s", FP);
	check_abi(d, build, "f_i128", "a=rdi/4s|b=?an __int128|c=rcx/4s", "?an __int128");
	check_abi(d, build, "f_enums", "b=rdi/1u|c=rsi/4s|uc=rdx/4u|t=rcx/1u|w=r8/8u", "rax/1u");
	check_abi(d, build, "f_variadic", "fmt=rdi/8u", "rax/4s");
	check_abi(d, build, "f_many", "a1=rdi/4s|a2=rsi/4s|a3=rdx/4s|a4=rcx/4s|a5=r8/4s|"
		  "a6=r9/4s|a7=+8/4s|a8=+16/8s|a9=+24/1s", NULL);
	check_abi(d, build, "f_unnamed", "=rdi/4s|b=rsi/4s", NULL);
	check_abi(d, build, "f_arrays", "a=rdi/8u|m=rsi/8u|bp=rdx/8u|bv=" SREG, NULL);
	check_abi(d, build, "f_atomic", "ai=rdi/4s|z=?a _Complex value|bytes=rsi/8u|w=rdx/2s",
		  NULL);
	check_abi(d, build, "f_float", "f=" FP "|d=" FP "|after=rdi/4s", NULL);
	check_abi(d, build, "f_access", "o=rdi/8u|oo=rsi/8u|op=rdx/8u|cop=rcx/8u|list=r8/8u|"
		  "ip=r9/8u|ipp=+8/8u|vp=+16/8u|mi=+24/4s", NULL);
	check_abi(d, build, "f_pretty", "o=rdi/8u|in=rsi/8u|ch=rdx/8u|bp=rcx/8u|mp=r8/8u|"
		  "bg=m+8|ip=r9/8u|argv=+32/8u|vp=+40/8u", NULL);
	check_abi(d, build, "f_knr", "a=rdi/4s|b=rsi/8u", NULL);
	check_abi(d, build, "f_void", "", "?void");
	const struct dwi_func *f = func(d, "f_variadic");
	CHECK(f && f->variadic && f->is_external && !f->is_inline && !f->is_clone,
	      "%s: f_variadic's flags", build);
	f = func(d, "helper");
	CHECK(f && !f->is_external && !f->is_inline, "%s: helper is static", build);
	/* GCC's -O2 copy of scaled() has no `factor`: scaled.constprop.0. */
	if (is_O2(build) && !is_clang(build)) {
		check_abi(d, build, "scaled", "v=" CLONED "|factor=" CLONED, NULL);
		f = func(d, "scaled");
		CHECK(f && f->is_clone, "%s: scaled is a clone", build);
	} else if (!is_O2(build)) {
		check_abi(d, build, "scaled", "v=rdi/4s|factor=rsi/4s", NULL);
	}
	dwi_close(d);
}

static void test_abi_cxx(const char *build)
{
	struct dwi *d = open_target(build);
	if (!d)
		return;
	const char *this_const = "this=rdi/8u";
	struct dwi_site *s;
	int n = dwi_match(d, "ns::Klass::method", 0, &s), copies = 0;
	/* clang -O2 adds a specialised copy of one (.specialized.1). */
	for (int i = 0; i < n; i++)
		copies += !s[i].func->is_clone;
	CHECK(copies == 2 && n == (is_clang(build) && is_O2(build) ? 3 : 2),
	      "%s: %d ns::Klass::method", build, n);
	for (int i = 0; i < n; i++) {
		if (s[i].func->is_clone)
			continue;
		size_t np;
		const struct dwi_var *v = dwi_func_params(s[i].func, &np);
		CHECK(np == 2 && v[0].artificial && strcmp(v[0].name, "this") == 0 &&
		      v[0].abi.kind == DWI_ABI_REG && v[0].abi.reg == 0 && v[1].abi.reg == 1,
		      "%s: %s: this in rdi, then rsi", build, s[i].func->linkage);
	}
	free(s);
	check_abi(d, build, "ns::Klass::smethod", "v=rdi/8s", "rax/4s");
	check_abi(d, build, "ns::Klass::Nested::run", "this=rdi/8u|times=rsi/4s", NULL);
	check_abi(d, build, "ns::inner::deep",
		  "ref=rdi/8u|rref=rsi/8u|kref=rdx/8u|np=?of a type uscript cannot read", NULL);
	/* A class with a copy constructor and a destructor goes by reference. */
	check_abi(d, build, "take_nt", "nt=&rdi|after=rsi/4s", NULL);
	check_abi(d, build, "take_trivial", "t=" SREG "|bt=m+8|after=rdx/4s", NULL);
	check_abi(d, build, "take_defaulted", "d=m+8|after=rdi/4s", NULL);
	/* A pointer to a data member takes one register, one to a member
	 * function two. */
	check_abi(d, build, "free_fn", "kp=rdi/8u|pm=?of a type uscript cannot read|"
		  "mp=?of a type uscript cannot read|flag=r8/1u|wc=r9/4s|c16=+8/2u|c32=+16/4u",
		  NULL);
	check_abi(d, build, "Box<int>::get", this_const, "rax/4s");
	check_abi(d, build, "anon_fn", "x=rdi/4s", NULL);
	dwi_close(d);
}

/* ---- 4. Accesses ---- */

/* Reads n bytes at addr for an evaluation; false if that faults. */
typedef bool (*reader)(uint64_t addr, void *buf, size_t n, void *ctx);

static uint64_t fp32_to_fp64(uint64_t v)
{
	uint32_t u = (uint32_t)v;
	float f;
	memcpy(&f, &u, sizeof(f));
	double dbl = f;
	uint64_t r;
	memcpy(&r, &dbl, sizeof(r));
	return r;
}

/* What the BPF side must compute: ops from v, as dwarfinfo.h says. */
static bool eval_ops(const struct dwi_op *ops, int n, uint64_t v, const int64_t *index,
		     reader rd, void *ctx, uint64_t *out)
{
	for (int i = 0; i < n; i++) {
		const struct dwi_op *o = &ops[i];
		switch (o->code) {
		case DWI_OP_EXTEND:
			v = (uint64_t)extend(v, o->size, o->is_signed);
			break;
		case DWI_OP_ADD:
			v += (uint64_t)o->n;
			break;
		case DWI_OP_INDEX:
			v += (uint64_t)(index[o->slot] * o->n);
			break;
		case DWI_OP_LOAD: {
			uint64_t w = 0;
			if (!rd(v, &w, o->size, ctx))
				return false;
			v = (uint64_t)extend(w, o->size, o->is_signed);
			break;
		}
		case DWI_OP_BITS:
			v >>= o->shift;
			v = (uint64_t)extend(v, 8, false);
			if (o->width < 64) {
				uint64_t mask = (1ull << o->width) - 1;
				v &= mask;
				if (o->is_signed && (v >> (o->width - 1) & 1))
					v |= ~mask;
			}
			break;
		case DWI_OP_FP32:
			v = fp32_to_fp64(v);
			break;
		}
	}
	*out = v;
	return true;
}

static bool read_self(uint64_t addr, void *buf, size_t n, void *ctx)
{
	(void)ctx;
	if (addr < 4096)
		return false;
	memcpy(buf, (const void *)(uintptr_t)addr, n);
	return true;
}

/* "->a[2].b[$]" into components; "$" is a run-time index. */
static size_t parse_comps(const char *s, struct dwi_comp *c, size_t max, char *names, size_t nsize)
{
	size_t n = 0, used = 0;
	while (*s && n < max) {
		memset(&c[n], 0, sizeof(c[n]));
		if (*s == '[') {
			s++;
			if (*s == '$') {
				c[n].runtime = true;
				c[n].text = "$i";
				s++;
			} else {
				c[n].index = strtoll(s, (char **)&s, 10);
			}
			s += *s == ']';
		} else {
			s += s[0] == '-' ? 2 : 1;      /* "->" or "." */
			size_t len = strcspn(s, "-.[");
			if (used + len + 1 > nsize)
				break;
			memcpy(names + used, s, len);
			names[used + len] = 0;
			c[n].member = names + used;
			used += len + 1;
			s += len;
		}
		n++;
	}
	return n;
}

/* The ops as text: "L8u" load, "+16" add, "i0*4" index, "E4s" extend,
 * "b4:4s" bits, "f" float to double; "&" when v is an address. */
static void ops_str(const struct dwi_access *a, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = 0;
	for (int i = 0; i < a->nops && len < size; i++) {
		const struct dwi_op *o = &a->ops[i];
		const char *sp = len ? " " : "";
		switch (o->code) {
		case DWI_OP_EXTEND:
			len += (size_t)snprintf(buf + len, size - len, "%sE%u%c", sp, o->size,
						o->is_signed ? 's' : 'u');
			break;
		case DWI_OP_ADD:
			len += (size_t)snprintf(buf + len, size - len, "%s+%" PRId64, sp, o->n);
			break;
		case DWI_OP_INDEX:
			len += (size_t)snprintf(buf + len, size - len, "%si%d*%" PRId64, sp, o->slot,
						o->n);
			break;
		case DWI_OP_LOAD:
			len += (size_t)snprintf(buf + len, size - len, "%sL%u%c", sp, o->size,
						o->is_signed ? 's' : 'u');
			break;
		case DWI_OP_BITS:
			len += (size_t)snprintf(buf + len, size - len, "%sb%u:%u%c", sp, o->shift,
						o->width, o->is_signed ? 's' : 'u');
			break;
		case DWI_OP_FP32:
			len += (size_t)snprintf(buf + len, size - len, "%sf", sp);
			break;
		}
	}
	if (a->is_address && len < size)
		snprintf(buf + len, size - len, "%s&", len ? " " : "");
}

/* $param<comps> in fn: its ops as text, or "!message". */
static const char *access_str(struct dwi *d, const char *fn, const char *p, const char *path,
			      struct dwi_access *acc)
{
	static char out[512];
	struct dwi_comp c[16];
	char names[256];
	size_t n = parse_comps(path, c, 16, names, sizeof(names));
	const struct dwi_var *v = param(func(d, fn), p);
	if (!v)
		return "!no such parameter";
	struct dwi_error err = { { 0 } };
	bool addr = v->abi.kind == DWI_ABI_MEMORY || v->abi.kind == DWI_ABI_BYREF;
	if (dwi_access(v->type, addr, c, n, acc, &err) != 0) {
		snprintf(out, sizeof(out), "!%s", err.msg);
		CHECK(acc->nops == 0 && !acc->type, "a failed access has no ops");
		return out;
	}
	CHECK(acc->type, "an access has a type");
	ops_str(acc, out, sizeof(out));
	return out;
}

static void check_access(struct dwi *d, const char *build, const char *fn, const char *p,
			 const char *path, const char *want, const char *want_type)
{
	struct dwi_access acc;
	char full[1024];
	const char *at = strchr(want, '@');
	if (at) {
		/* '@': the directory of the sources, as the line table names it. */
		const struct dwi_func *m = func(d, "main");
		const char *file = m && m->decl_file ? m->decl_file : "";
		const char *slash = strrchr(file, '/');
		int dlen = slash ? (int)(slash - file + 1) : 0;
		snprintf(full, sizeof(full), "%.*s%.*s%s", (int)(at - want), want, dlen, file,
			 at + 1);
		want = full;
	}
	const char *got = access_str(d, fn, p, path, &acc);
	CHECK(strcmp(got, want) == 0, "%s: $%s%s:\n\tgot  %s\n\twant %s", build, p, path, got, want);
	if (want_type && got[0] != '!')
		CHECK(acc.type && acc.type->name && strcmp(acc.type->name, want_type) == 0,
		      "%s: $%s%s is a %s, not %s", build, p, path,
		      acc.type && acc.type->name ? acc.type->name : "?", want_type);
}

/* Evaluates $param<path> with v = &obj (or obj's value for a pointer
 * parameter) in this process and compares with what C reads. */
static uint64_t eval_here(struct dwi *d, const char *build, const char *fn, const char *p,
			  const char *path, uint64_t root, int64_t index)
{
	struct dwi_access acc;
	const char *got = access_str(d, fn, p, path, &acc);
	uint64_t v = 0;
	CHECK(got[0] != '!', "%s: $%s%s: %s", build, p, path, got);
	if (got[0] != '!')
		CHECK(eval_ops(acc.ops, acc.nops, root, &index, read_self, NULL, &v),
		      "%s: $%s%s faults", build, p, path);
	return v;
}

#define SAME(expr, want) CHECK((int64_t)(expr) == (int64_t)(want), \
	"%s: %s is %" PRId64 ", not %" PRId64, build, #expr, (int64_t)(expr), (int64_t)(want))

static void test_access_c(const char *build)
{
	struct dwi *d = open_target(build);
	if (!d)
		return;
	char want[1024];

	/* The operations. */
	check_access(d, build, "f_access", "o", "->id", "L4s", "int");
	check_access(d, build, "f_access", "o", "", "", "struct outer*");
	snprintf(want, sizeof(want), "+%zu L4s", offsetof(struct outer, in.x));
	check_access(d, build, "f_access", "o", "->in->x", want, "int");
	snprintf(want, sizeof(want), "+%zu &", offsetof(struct outer, in.name));
	check_access(d, build, "f_access", "o", ".in.name", want, "char[]");
	snprintf(want, sizeof(want), "+%zu L8u L4s", offsetof(struct outer, pin));
	check_access(d, build, "f_access", "o", "->pin->x", want, "int");
	snprintf(want, sizeof(want), "+%zu L4s", offsetof(struct outer, arr[2]));
	check_access(d, build, "f_access", "o", "->arr[2]", want, "int");
	snprintf(want, sizeof(want), "+%zu i0*4 L4s", offsetof(struct outer, arr));
	check_access(d, build, "f_access", "o", "->arr[$]", want, "int");
	/* int grid[2][3] is indexed as one array of six. */
	snprintf(want, sizeof(want), "+%zu L4s", offsetof(struct outer, grid[1][1]));
	check_access(d, build, "f_access", "o", "->grid[4]", want, "int");
	check_access(d, build, "f_access", "o", "->grid[1][2]", "!invalid access '[2]' vs. int",
		     NULL);
	snprintf(want, sizeof(want), "L8u +%zu L8u L4s", offsetof(struct outer, next));
	check_access(d, build, "f_access", "oo", "[0]->next->id", want, "int");
	check_access(d, build, "f_access", "oo", "->id", "L8u L4s", "int");
	snprintf(want, sizeof(want), "+%zu L2s", offsetof(struct outer, s2));
	check_access(d, build, "f_access", "op", "->s2", want, NULL);
	snprintf(want, sizeof(want), "+%zu L4s", offsetof(struct outer, ai));
	check_access(d, build, "f_access", "cop", "->ai", want, "int");
	snprintf(want, sizeof(want), "+%zu L8u +%zu L8u L4s", offsetof(struct node, next),
		 offsetof(struct node, next));
	check_access(d, build, "f_access", "list", "->next->next->value", want, "int");
	check_access(d, build, "f_access", "ip", "[1]", "+4 L4s", "int");
	check_access(d, build, "f_access", "ip", "", "", "int*");
	check_access(d, build, "f_access", "ipp", "[0][2]", "L8u +8 L4s", "int");
	check_access(d, build, "f_access", "mi", "", "E4s", "int");
	snprintf(want, sizeof(want), "+%zu L4u f", offsetof(struct outer, f));
	check_access(d, build, "f_access", "o", "->f", want, "float");
	snprintf(want, sizeof(want), "+%zu L8u", offsetof(struct outer, d));
	check_access(d, build, "f_access", "o", "->d", want, "double");
	/* Enums are zero-extended whatever their sign (translate_final_fetch). */
	snprintf(want, sizeof(want), "+%zu L4u", offsetof(struct outer, col));
	check_access(d, build, "f_access", "o", "->col", want, "enum color");
	snprintf(want, sizeof(want), "+%zu L1u", offsetof(struct outer, vuc));
	check_access(d, build, "f_access", "o", "->vuc", want, "unsigned char");
	snprintf(want, sizeof(want), "+%zu L8u", offsetof(struct outer, str));
	check_access(d, build, "f_access", "o", "->str", want, "char*");
	snprintf(want, sizeof(want), "+%zu &", offsetof(struct outer, flex));
	check_access(d, build, "f_access", "o", "->flex", want, "char[]");
	snprintf(want, sizeof(want), "+%zu L4s", offsetof(struct outer, inners[1].x));
	check_access(d, build, "f_access", "o", "->inners[1]->x", want, "int");
	/* A struct passed in memory: v starts as its address. */
	check_access(d, build, "f_pretty", "bg", "->c", "+16 L8s", NULL);
	check_access(d, build, "f_pretty", "bg", "", "!'struct big' (@types.h:75) is being "
		     "accessed instead of a member such as '->a'", NULL);

	/* SystemTap's messages. */
	check_access(d, build, "f_access", "o", "->in", "!'struct inner' (@types.h:18) is being "
		     "accessed instead of a member such as '->name'", NULL);
	check_access(d, build, "f_access", "o", "->q", "!unable to find member 'q' for struct "
		     "outer (alternatives: d, f, af, ai, cb, id, in, ld, s1, s2, vp, arr, col, pin, "
		     "str, vuc, atom, cstr, flag, flex, grid, i128, next, inners, opaque)", NULL);
	check_access(d, build, "f_access", "list", "->valu", "!unable to find member 'valu' for "
		     "struct node (alternatives: value, next)", NULL);
	check_access(d, build, "f_access", "vp", "->x", "!invalid access '->x' vs 'void*'", NULL);
	check_access(d, build, "f_access", "mi", "->x", "!invalid access '->x' vs. int", NULL);
	check_access(d, build, "f_access", "o", "->id[0]", "!invalid access '[0]' vs. int", NULL);
	check_access(d, build, "f_access", "o", "->id[$]", "!invalid access '[$i]' vs. int", NULL);
	check_access(d, build, "f_access", "o", "->arr->x", "!invalid access '->x' for array type",
		     NULL);
	check_access(d, build, "f_access", "o", "->in[0]", "!invalid access '[0]' for struct inner",
		     NULL);
	check_access(d, build, "f_access", "o", "->opaque->x", "!unresolved struct fwd", NULL);
	check_access(d, build, "f_access", "o", "->opaque[1]", "!confused about array element size",
		     NULL);
	check_access(d, build, "f_access", "o", "->opaque[0]",
		     "!'struct fwd' is being accessed instead of a member", NULL);
	check_access(d, build, "f_access", "o", "->cb->x",
		     "!int () (int, char*): unexpected type tag 21", NULL);
	check_access(d, build, "f_access", "o", "->i128", "!cannot process >64-bit values", NULL);
	check_access(d, build, "f_access", "o", "->ld", "!cannot process >64-bit values", NULL);
	if (!strstr(build, "dwarf4"))
		check_access(d, build, "f_access", "o", "->atom",
			     "!unsupported type tag 71 for <unknown>", NULL);

	/* The values, read here from real objects laid out by this file's
	 * compiler. */
	struct inner in2 = { 7, "in2" };
	struct outer o2, o;
	memset(&o, 0, sizeof(o));
	memset(&o2, 0, sizeof(o2));
	o.id = 42;
	o.in.x = -7;
	o.pin = &in2;
	o.ai = -3;
	o.s1 = -2;
	o.s2 = 3;
	o.arr[2] = 12;
	o.grid[1][1] = 104;
	o.col = BLUE;
	o.vuc = 0xfe;
	o.f = 1.5f;
	o.d = -2.0;
	o.next = &o2;
	o.inners[1].x = 99;
	o2.id = 43;
	struct outer *po = &o;
	uint64_t ro = (uintptr_t)&o, rpo = (uintptr_t)&po;
	SAME(eval_here(d, build, "f_access", "o", "->id", ro, 0), 42);
	SAME(eval_here(d, build, "f_access", "o", "->in->x", ro, 0), -7);
	SAME(eval_here(d, build, "f_access", "o", "->pin->x", ro, 0), 7);
	SAME(eval_here(d, build, "f_access", "o", "->in->name", ro, 0), (uintptr_t)o.in.name);
	SAME(eval_here(d, build, "f_access", "o", "->ai", ro, 0), -3);
	SAME(eval_here(d, build, "f_access", "o", "->s1", ro, 0), -2);
	SAME(eval_here(d, build, "f_access", "o", "->arr[2]", ro, 0), 12);
	SAME(eval_here(d, build, "f_access", "o", "->arr[$]", ro, 2), 12);
	SAME(eval_here(d, build, "f_access", "o", "->grid[4]", ro, 0), 104);
	SAME(eval_here(d, build, "f_access", "o", "->col", ro, 0), 0xffffffff);
	SAME(eval_here(d, build, "f_access", "o", "->vuc", ro, 0), 0xfe);
	SAME(eval_here(d, build, "f_access", "o", "->f", ro, 0), 0x3ff8000000000000);
	SAME(eval_here(d, build, "f_access", "o", "->d", ro, 0), 0xc000000000000000);
	SAME(eval_here(d, build, "f_access", "o", "->next->id", ro, 0), 43);
	SAME(eval_here(d, build, "f_access", "o", "->inners[1]->x", ro, 0), 99);
	SAME(eval_here(d, build, "f_access", "oo", "->next->id", rpo, 0), 43);
	SAME(eval_here(d, build, "f_access", "oo", "[0]->in.x", rpo, 0), -7);
	SAME(eval_here(d, build, "f_access", "mi", "", 0xfffffffffffffffb, 0), -5);
	SAME(eval_here(d, build, "f_access", "mi", "", 0x12345678fffffffb, 0), -5);
	int x[3] = { 1, 2, 3 }, *px = x;
	SAME(eval_here(d, build, "f_access", "ip", "[2]", (uintptr_t)x, 0), 3);
	SAME(eval_here(d, build, "f_access", "ipp", "[0][1]", (uintptr_t)&px, 0), 2);

	/* Bit-fields, each read from a struct where only it is set. */
	static const char *const bnames[] = { "a", "b", "c", "d", "e", "f", "g", "h",
					      "big", "wide", "flag", "col" };
	for (size_t i = 0; i < NELEM(bnames); i++) {
		struct bits b;
		memset(&b, 0xff, sizeof(b));    /* its neighbours all ones */
		int64_t val = 0;
		switch (i) {
		case 0: b.a = -3; val = -3; break;
		case 1: b.b = 5; val = 5; break;
		case 2: b.c = 9; val = 9; break;
		case 3: b.d = 6; val = 6; break;
		case 4: b.e = -8; val = -8; break;
		case 5: b.f = 7; val = 7; break;
		case 6: b.g = 10; val = 10; break;
		case 7: b.h = 1; val = 1; break;
		case 8: b.big = -300000; val = -300000; break;
		case 9: b.wide = 0x123456789a; val = 0x123456789a; break;
		case 10: b.flag = false; val = 0; break;
		case 11: b.col = GREEN; val = 5; break;
		}
		char path[16];
		snprintf(path, sizeof(path), "->%s", bnames[i]);
		uint64_t got = eval_here(d, build, "f_arrays", "bp", path, (uintptr_t)&b, 0);
		CHECK((int64_t)got == val, "%s: $bp->%s is %" PRId64 ", not %" PRId64, build,
		      bnames[i], (int64_t)got, val);
	}
	dwi_close(d);
}

static void test_access_cxx(const char *build)
{
	struct dwi *d = open_target(build);
	if (!d)
		return;
	check_access(d, build, "ns::inner::deep", "kref", "->k", "+12 L4s", "int");
	check_access(d, build, "ns::inner::deep", "kref", "->b", "+8 L4s", "int");
	check_access(d, build, "ns::inner::deep", "kref", "->u_f", "+16 L4u f", "float");
	check_access(d, build, "ns::inner::deep", "ref", "", "", "int&");
	check_access(d, build, "ns::inner::deep", "ref", "->x", "!invalid access '->x' vs. int",
		     NULL);
	/* By reference: v starts as the copy's address. */
	check_access(d, build, "take_nt", "nt", "->v", "L4s", "int");
	check_access(d, build, "take_trivial", "bt", "->c", "+16 L8s", NULL);
	check_access(d, build, "take_masking", "m", "->b", "+12 L4s", "int");
	check_access(d, build, "take_masking", "m", "->own", "+16 L4s", "int");
	check_access(d, build, "take_masking", "vp", "->v", "+8 L4s", "int");
	check_access(d, build, "take_masking", "vp", "->vb",
		     "!cannot read 'vb': it is in a virtual base class", NULL);
	check_access(d, build, "ns::Klass::Nested::run", "this", "->depth", "L4s", "int");
	check_access(d, build, "Box<int>::get", "this", "->value", "L4s", "int");
	/* SystemTap offers the vtable pointer too, and in DWARF 4 the static
	 * member (a DW_TAG_member there), which it then cannot read. */
	bool dwarf4 = strstr(build, "typeunits") != NULL;
	check_access(d, build, "free_fn", "kp", "->q", is_clang(build) ?
		     "!unable to find member 'q' for class Klass (alternatives: b, k, u_f, u_i, "
		     "_vptr$Base)" : dwarf4 ?
		     "!unable to find member 'q' for class Klass (alternatives: b, k, u_f, u_i, "
		     "count, _vptr.Base)" :
		     "!unable to find member 'q' for class Klass (alternatives: b, k, u_f, u_i, "
		     "_vptr.Base)", NULL);
	check_access(d, build, "free_fn", "kp", "->count", dwarf4 ?
		     "!no location for field 'count'" : is_clang(build) ?
		     "!unable to find member 'count' for class Klass (alternatives: b, k, u_f, u_i, "
		     "_vptr$Base)" :
		     "!unable to find member 'count' for class Klass (alternatives: b, k, u_f, u_i, "
		     "_vptr.Base)", NULL);
	dwi_close(d);
}

/* ---- 5. The formats of the plans ---- */

static const char *plan_fmt(const struct dwi_func *f, int which, int depth)
{
	struct dwi_plan p;
	int r = which < 0 ? dwi_plan_return(f, depth, &p) :
		dwi_plan_context(f, (enum dwi_plan_which)which, depth, &p);
	CHECK(r == 0, "%s: no plan", f->name);
	return r == 0 ? dwi_plan_format(&p) : "";
}

#define RET (-1)

static void check_fmt(struct dwi *d, const char *build, const char *fn, int which, int depth,
		      const char *want)
{
	const struct dwi_func *f = func(d, fn);
	if (!f)
		return;
	const char *got = plan_fmt(f, which, depth);
	CHECK(strcmp(got, want) == 0, "%s: %s %d/%d:\n\tgot  %s\n\twant %s", build, fn, which,
	      depth, got, want);
}

/* The formats SystemTap's translator builds (tapsets.cxx,
 * visit_target_symbol_context and dwarf_pretty_print): values it cannot
 * read as "?", aggregates as {...} and [...] in $$parms, chars between
 * quotes, strings by user_string_quoted.  uscript cannot read floating-
 * point arguments (xmm registers) nor locals at the first instruction;
 * SystemTap reads both, after the prologue: "?" there too. */
static void test_plan_formats(const char *build)
{
	struct dwi *d = open_target(build);
	if (!d)
		return;
	bool gcc = !is_clang(build);
	check_fmt(d, build, "f_ints", DWI_PLAN_PARMS, 0, "c=%#x sc=%#x uc=%#x s=%#x us=%#x i=%#x "
		  "u=%#x l=%#x ul=%#x ll=%#x");
	check_fmt(d, build, "f_ints", DWI_PLAN_PARMS, 1, "c='%#c' sc='%#c' uc='%#c' s=%i us=%u "
		  "i=%i u=%u l=%i ul=%u ll=%i");
	check_fmt(d, build, "f_ints", DWI_PLAN_LOCALS, 0, "");
	check_fmt(d, build, "f_ints", RET, 0, "return=%#x");
	check_fmt(d, build, "f_ints", RET, 1, "return=%i");
	check_fmt(d, build, "f_mixed", DWI_PLAN_PARMS, 0, "d=? a=%#x f=? ld=? b=%#x p={...} "
		  "dp={...} m={...} bg={...} c=%#x");
	check_fmt(d, build, "f_mixed", DWI_PLAN_PARMS, 1, "d=? a=%i f=? ld=? b=%i p={.a=?, .b=?} "
		  "dp={.x=?, .y=?} m={.l=?, .d=?} bg={.a=%i, .b=%i, .c=%i} c=%i");
	check_fmt(d, build, "f_mixed", RET, 0, "");
	check_fmt(d, build, "f_mixed", RET, 1, "return=?");
	check_fmt(d, build, "f_ptrs", DWI_PLAN_PARMS, 0, "s=%#x t=%#x v=%#x pp=%#x o=%#x co=%#x "
		  "cb=%#x mi=%#x cmi=%#x");
	/* Pointers at the top are followed; below, chars are strings and
	 * other pointers %p; nested structs and arrays are {...} and [...]
	 * unless $$; a char array only as a string at the top. */
	const char *outer1 = "{.id=%i, .in={...}, .pin=%p, <union>={...}, <class>={...}, "
		".arr=[...], .grid=[...], .str=%s, .cstr=%s, .vp=%p, .cb=%p, .col=%i, .flag=%i, "
		".d=?, .ld=?, .next=%p, .opaque=%p, .vuc='%#c', .atom=?, .inners=[...], .i128=?, "
		".f=?, .flex=[...]}";
	const char *outer2 = "{.id=%i, .in={.x=%i, .name=%s}, .pin=%p, <union>={.ai=%i, .af=?}, "
		"<class>={.s1=%i, .s2=%i}, .arr=[%i, ...], .grid=[%i, ...], .str=%s, .cstr=%s, "
		".vp=%p, .cb=%p, .col=%i, .flag=%i, .d=?, .ld=?, .next=%p, .opaque=%p, .vuc='%#c', "
		".atom=?, .inners=[{.x=%i, .name=%s}, ...], .i128=?, .f=?, .flex=%s}";
	char want[4096];
	if (!strstr(build, "dwarf4")) {
		snprintf(want, sizeof(want), "s=%%s t=%%s v=%%p pp=%%i o=%s co=%s "
			 "cb=<function>:%%p mi=%%i cmi=%%i", outer1, outer1);
		check_fmt(d, build, "f_ptrs", DWI_PLAN_PARMS, 1, want);
		snprintf(want, sizeof(want), "s=%%s t=%%s v=%%p pp=%%i o=%s co=%s "
			 "cb=<function>:%%p mi=%%i cmi=%%i", outer2, outer2);
		check_fmt(d, build, "f_ptrs", DWI_PLAN_PARMS, 2, want);
	}
	check_fmt(d, build, "f_ptrs", RET, 1, "return=%i");
	/* Enums: %i, or %u where GCC says the enum is unsigned (clang
	 * gives enums no DW_AT_encoding); zero-extended in $$parms. */
	check_fmt(d, build, "f_enums", DWI_PLAN_PARMS, 1, gcc ? "b=%i c=%i uc=%u t=%u w=%u" :
		  "b=%i c=%i uc=%i t=%i w=%i");
	check_fmt(d, build, "f_arrays", DWI_PLAN_PARMS, 1, "a=%i m=[%i, ...] bp={.a=%i, .b=%i, "
		  ".c=%u, .d=%u, .e=%i, .f=%i, .g=%u, .h=%u, .big=%i, .wide=%u, .flag=%i, .col=%i} "
		  "bv={.a=?, .b=?, .c=?, .d=?, .e=?, .f=?, .g=?, .h=?, .big=?, .wide=?, .flag=?, "
		  ".col=?}");
	check_fmt(d, build, "f_chars", DWI_PLAN_PARMS, 1, "c='%#c' uc='%#c' sc='%#c' s=%s "
		  "null_s=%s bad_s=%s");
	check_fmt(d, build, "f_ret_big", RET, 0, "");
	check_fmt(d, build, "f_ret_big", RET, 1, "return={.a=%i, .b=%i, .c=%i}");
	check_fmt(d, build, "f_ret_pair", RET, 1, "return={.a=?, .b=?}");
	check_fmt(d, build, "f_ret_str", RET, 1, "return=%s");
	check_fmt(d, build, "f_ret_char", RET, 1, "return='%#c'");
	check_fmt(d, build, "f_i128", RET, 0, "");
	check_fmt(d, build, "f_i128", RET, 1, "return=?");
	check_fmt(d, build, "f_void", RET, 0, "");
	check_fmt(d, build, "f_void", RET, 1, "");
	check_fmt(d, build, "f_void", DWI_PLAN_VARS, 0, "");
	/* SystemTap's limit of 32 values in one pretty-printed variable. */
	size_t len = (size_t)snprintf(want, sizeof(want), "mp={");
	for (int i = 0; i < 32; i++)
		len += (size_t)snprintf(want + len, sizeof(want) - len, ".m%02d=%%i, ", i);
	snprintf(want + len, sizeof(want) - len, "...}");
	const struct dwi_func *f = func(d, "f_pretty");
	const char *got = f ? plan_fmt(f, DWI_PLAN_PARMS, 1) : "";
	CHECK(strstr(got, want) != NULL, "%s: f_pretty's mp: %s", build, got);
	/* Locals: unreadable at the first instruction, but a static's place
	 * is known.  Blocks' variables are not the function's. */
	if (!is_O2(build) && gcc) {
		check_fmt(d, build, "f_locals", DWI_PLAN_LOCALS, 0,
			  "total=? buf=[...] pr={...} calls=%#x");
		check_fmt(d, build, "f_locals", DWI_PLAN_VARS, 0,
			  "n=%#x total=? buf=[...] pr={...} calls=%#x");
		check_fmt(d, build, "f_locals", DWI_PLAN_LOCALS, 1,
			  "total=? buf=? pr={.a=?, .b=?} calls=%i");
		check_fmt(d, build, "f_locals", DWI_PLAN_PARMS, 2, "n=%i");
	} else if (!is_O2(build)) {
		/* clang writes static locals first. */
		check_fmt(d, build, "f_locals", DWI_PLAN_VARS, 0,
			  "calls=%#x n=%#x total=? buf=[...] pr={...}");
	}

	/* $v$ of one variable, and the pieces themselves. */
	const struct dwi_type *bg = param_type(d, "f_pretty", "bg");
	struct dwi_plan p;
	CHECK(dwi_plan_var(bg, 5, true, true, 1, &p) == 0 &&
	      strcmp(dwi_plan_format(&p), "{.a=%i, .b=%i, .c=%i}") == 0, "$bg$");
	CHECK(p.n == 4 && p.pieces[0].root == 5 && p.pieces[0].group == 1 &&
	      strcmp(p.pieces[0].text, "{.a=") == 0 && p.pieces[0].nops == 1 &&
	      p.pieces[0].ops[0].code == DWI_OP_LOAD && p.pieces[1].ops[0].code == DWI_OP_ADD &&
	      p.pieces[3].fmt == DWI_FMT_NONE && strcmp(p.pieces[3].text, "}") == 0,
	      "$bg$'s pieces");
	CHECK(dwi_plan_var(bg, 5, true, false, 1, &p) == 0 &&
	      strcmp(dwi_plan_format(&p), "{.a=?, .b=?, .c=?}") == 0 && p.n == 1,
	      "$bg$ unreadable: %s", dwi_plan_format(&p));
	CHECK(dwi_plan_var(NULL, 0, false, true, 1, &p) == -1, "$v$ of no type");
	/* $o$$ and $o$ of a struct pointer: what $$parms$$ and $$parms$
	 * print for it. */
	const struct dwi_type *ot = param_type(d, "f_pretty", "o");
	if (!strstr(build, "dwarf4")) {
		CHECK(dwi_plan_var(ot, 0, false, true, 2, &p) == 0 &&
		      strcmp(dwi_plan_format(&p), outer2) == 0, "%s: $o$$ is %s", build,
		      dwi_plan_format(&p));
		CHECK(dwi_plan_var(ot, 0, false, true, 1, &p) == 0 &&
		      strcmp(dwi_plan_format(&p), outer1) == 0, "%s: $o$ is %s", build,
		      dwi_plan_format(&p));
	}
	/* A char array at the top is a string; an int array its first
	 * element. */
	const struct dwi_type *ct = dwi_type_target(param_type(d, "f_pretty", "ch"));
	uint64_t off;
	struct dwi_error err;
	const struct dwi_member *sm = dwi_type_member(ct, "s", &off, &err);
	CHECK(sm && dwi_plan_var(sm->type, 0, true, true, 1, &p) == 0 &&
	      strcmp(dwi_plan_format(&p), "%s") == 0, "%s: $s$ of char[6]", build);
	const struct dwi_type *at = dwi_type_target(param_type(d, "f_arrays", "m"));
	CHECK(at && dwi_plan_var(at, 0, true, true, 1, &p) == 0 &&
	      strcmp(dwi_plan_format(&p), "[%i, ...]") == 0, "%s: $m$ of int[4]", build);
	f = func(d, "f_ints");
	CHECK(f && dwi_plan_context(f, DWI_PLAN_PARMS, 0, &p) == 0 && p.n == 10 &&
	      strcmp(p.pieces[1].text, " sc=") == 0 && p.pieces[1].root == 1 &&
	      p.pieces[1].fmt == DWI_FMT_HEX && p.pieces[1].group == 0 &&
	      p.pieces[1].nops == 1 && p.pieces[1].ops[0].code == DWI_OP_EXTEND &&
	      p.pieces[1].ops[0].is_signed, "$$parms' pieces");
	dwi_close(d);
}

/* ---- 6. Traced runs ---- */

#define MAXSTR 128

struct live {
	pid_t pid;
	int memfd;
	struct user_regs_struct regs;
	uint64_t bias;           /* run-time address minus link-time address */
	const struct dwi_func *f;
};

static bool read_live(uint64_t addr, void *buf, size_t n, void *ctx)
{
	struct live *l = ctx;
	return addr >= 4096 && pread(l->memfd, buf, n, (off_t)addr) == (ssize_t)n;
}

static uint64_t reg_arg(const struct user_regs_struct *r, int i)
{
	const unsigned long long v[] = { r->rdi, r->rsi, r->rdx, r->rcx, r->r8, r->r9 };
	return i >= 0 && i < 6 ? v[i] : 0;
}

/* How v starts for a root: what the code generator must do. */
static bool root_value(struct live *l, int root, uint64_t *v)
{
	if (root == DWI_ROOT_RETURN) {
		*v = l->regs.rax;
		return true;
	}
	size_t np, nl;
	const struct dwi_var *p = dwi_func_params(l->f, &np);
	const struct dwi_var *loc = dwi_func_locals(l->f, &nl);
	if (root >= 0 && (size_t)root < np) {
		struct dwi_abi a = p[root].abi;
		switch (a.kind) {
		case DWI_ABI_REG:
			*v = reg_arg(&l->regs, a.reg);
			return true;
		case DWI_ABI_STACK:
			return read_live(l->regs.rsp + (uint64_t)a.stack, v, 8, l);
		case DWI_ABI_BYREF:
			if (a.reg >= 0) {
				*v = reg_arg(&l->regs, a.reg);
				return true;
			}
			return read_live(l->regs.rsp + (uint64_t)a.stack, v, 8, l);
		case DWI_ABI_MEMORY:
			*v = l->regs.rsp + (uint64_t)a.stack;
			return true;
		default:
			return false;
		}
	}
	root -= (int)np;
	if (root >= 0 && (size_t)root < nl && loc[root].addr) {
		*v = loc[root].addr + l->bias;
		return true;
	}
	return false;
}

/* user_string_quoted(v): the string in quotes, escaped, or 0x%x of v. */
static void quoted(struct live *l, uint64_t v, struct strbuf *out)
{
	char s[MAXSTR], q[MAXSTR];
	size_t n = 0;
	for (; n < MAXSTR - 1; n++) {
		if (!read_live(v + n, &s[n], 1, l)) {
			strbuf_printf(out, "0x%" PRIx64, v);
			return;
		}
		if (!s[n])
			break;
	}
	s[n] = 0;
	str_textn(q, s, MAXSTR, 1, MAXSTR);
	strbuf_puts(out, q);
}

static void format_value(enum dwi_fmt fmt, uint64_t v, struct live *l, struct strbuf *out)
{
	static const char *const spec[] = {
		[DWI_FMT_HEX] = "%#x", [DWI_FMT_SIGNED] = "%i", [DWI_FMT_UNSIGNED] = "%u",
		[DWI_FMT_CHAR] = "%#c", [DWI_FMT_POINTER] = "%p",
	};
	if (fmt == DWI_FMT_STRING) {
		quoted(l, v, out);
		return;
	}
	if (fmt == DWI_FMT_STRING16 || fmt == DWI_FMT_STRING32 || !spec[fmt]) {
		strbuf_puts(out, "(unchecked)");
		return;
	}
	struct fmt f;
	struct fmt_error err;
	struct fmt_arg arg = fmt_long((int64_t)v);
	if (fmt_parse(spec[fmt], strlen(spec[fmt]), &f, &err) == 0) {
		fmt_sprintf(&f, &arg, 1, MAXSTR, out);
		fmt_free(&f);
	}
}

/* The string a plan prints at this stop; index[] for [expr]s. */
static void render(const struct dwi_plan *p, struct live *l, struct strbuf *out)
{
	for (size_t i = 0; i < p->n;) {
		int g = p->pieces[i].group;
		size_t end = i + 1;
		while (g && end < p->n && p->pieces[end].group == g)
			end++;
		struct strbuf tmp = STRBUF_INIT;
		bool fault = false;
		for (size_t k = i; k < end; k++) {
			const struct dwi_piece *pc = &p->pieces[k];
			strbuf_puts(&tmp, pc->text);
			if (pc->fmt == DWI_FMT_NONE)
				continue;
			uint64_t v;
			int64_t none = 0;
			if (!root_value(l, pc->root, &v) ||
			    !eval_ops(pc->ops, pc->nops, v, &none, read_live, l, &v)) {
				fault = true;
				break;
			}
			format_value(pc->fmt, v, l, &tmp);
		}
		if (fault)
			strbuf_puts(out, "ERROR");
		else
			strbuf_append(out, tmp.buf ? tmp.buf : "", tmp.len);
		strbuf_free(&tmp);
		i = end;
	}
}

/* want's '@' matches a hex number, '#' a decimal one, '*' anything. */
static bool wild_match(const char *w, const char *s)
{
	for (; *w; w++) {
		if (*w == '*') {
			for (const char *t = s;; t++) {
				if (wild_match(w + 1, t))
					return true;
				if (!*t)
					return false;
			}
		}
		if (*w == '@') {
			if (strncmp(s, "0x", 2) != 0 || !strchr("0123456789abcdef", s[2]) || !s[2])
				return false;
			s += 2;
			while (*s && strchr("0123456789abcdef", *s))
				s++;
			continue;
		}
		if (*w == '#') {
			s += *s == '-';
			if (!(*s >= '0' && *s <= '9'))
				return false;
			while (*s >= '0' && *s <= '9')
				s++;
			continue;
		}
		if (*s++ != *w)
			return false;
	}
	return !*s;
}

/* What SystemTap prints at the entry and at the return of one call main()
 * makes.  NULL: not checked. */
struct expect {
	const char *fn;
	const char *parms, *parms1, *parms2, *vars, *locals1;
	const char *ret, *ret1;
};

#define OUTER1(atom) "{.id=42, .in={...}, .pin=@, <union>={...}, <class>={...}, .arr=[...], " \
	".grid=[...], .str=\"str\", .cstr=\"cstr\", .vp=0x0, .cb=0x0, .col=4294967295, .flag=1, " \
	".d=?, .ld=?, .next=@, .opaque=0x0, .vuc='\\376', .atom=" atom ", .inners=[...], " \
	".i128=?, .f=?, .flex=[...]}"
#define OUTER2(atom) "{.id=42, .in={.x=-7, .name=\"abc\"}, .pin=@, <union>={.ai=17, .af=?}, " \
	"<class>={.s1=-2, .s2=3}, .arr=[10, ...], .grid=[100, ...], .str=\"str\", " \
	".cstr=\"cstr\", .vp=0x0, .cb=0x0, .col=4294967295, .flag=1, .d=?, .ld=?, .next=@, " \
	".opaque=0x0, .vuc='\\376', .atom=" atom ", .inners=[{.x=0, .name=\"\"}, ...], " \
	".i128=?, .f=?, .flex=\"\"}"
#define BITS1 "{.a=-1, .b=7, .c=15, .d=1, .e=-8, .f=5, .g=8, .h=13, .big=-300000, " \
	".wide=78187493530, .flag=1, .col=5}"
#define MANY1 "{.m00=0, .m01=1, .m02=2, .m03=3, .m04=4, .m05=5, .m06=6, .m07=7, .m08=8, " \
	".m09=9, .m10=10, .m11=11, .m12=12, .m13=13, .m14=14, .m15=15, .m16=16, .m17=17, " \
	".m18=18, .m19=19, .m20=20, .m21=21, .m22=22, .m23=23, .m24=24, .m25=25, .m26=26, " \
	".m27=27, .m28=28, .m29=29, .m30=30, .m31=31, ...}"
#define CHARS1 "{.c='A', .sc='\\b', .uc='\\354', .s=[...], .p=\"q'\\\\\", .null_p=0x0}"
#define CHARS2 "{.c='A', .sc='\\b', .uc='\\354', .s=\"hi\\n\\\"\", .p=\"q'\\\\\", .null_p=0x0}"

static const struct expect c_expect[] = {
	{ "f_ints", "c=0x61 sc=0xffffffffffffffff uc=0xc8 s=0xfffffffffffffffe us=0x2 i=0x3 "
	  "u=0x4 l=0xfffffffffffffffb ul=0x6 ll=0x7",
	  "c='a' sc='\\377' uc='\\310' s=-2 us=2 i=3 u=4 l=-5 ul=6 ll=7", NULL, NULL, NULL,
	  "return=0x137", "return=311" },
	{ "f_widths", "b=0x1 i8=0xfffffffffffffff8 u16=0xffff i32=0xffffffffffffffe0 "
	  "u64=0x10000000000 ull=0xffffffffffffffff",
	  "b=1 i8='\\370' u16=65535 i32=-32 u64=1099511627776 ull=18446744073709551615", NULL, NULL,
	  NULL, "return=0xffd7", "return=65495" },
	{ "f_ptrs", "s=@ t=@ v=0x0 pp=@ o=@ co=@ cb=0x0 mi=0x1 cmi=0xfffffffffffffffe",
	  "s=\"s\" t=\"*\" v=0x0 pp=# o=" OUTER1("*") " co=" OUTER1("*")
	  " cb=<function>:0x0 mi=1 cmi=-2",
	  "s=\"s\" t=\"*\" v=0x0 pp=# o=" OUTER2("*") " co=" OUTER2("*")
	  " cb=<function>:0x0 mi=1 cmi=-2", NULL, NULL, "return=0x2", "return=2" },
	{ "f_mixed", "d=? a=0x2 f=? ld=? b=0x5 p={...} dp={...} m={...} bg={...} c=0x6",
	  "d=? a=2 f=? ld=? b=5 p={.a=?, .b=?} dp={.x=?, .y=?} m={.l=?, .d=?} "
	  "bg={.a=1, .b=2, .c=3} c=6", NULL, NULL, NULL, "", "return=?" },
	{ "f_structs", "tl={...} n={...} e={...} pk={...} bg={...} after=0x8",
	  "tl={.a=?, .b=?} n={.i=?, .l=?} e={} pk={.c='k', .i=7} bg={.a=1, .b=2, .c=3} after=8",
	  NULL, NULL, NULL, "return=0x1c", "return=28" },
	{ "f_regs_left", "a1=0x1 a2=0x2 a3=0x3 a4=0x4 a5=0x5 tl={...} a6=0x6 p={...}",
	  "a1=1 a2=2 a3=3 a4=4 a5=5 tl={.a=4, .b=5} a6=6 p={.a=1, .b=2}", NULL, NULL, NULL,
	  "return=0x1c", "return=28" },
	{ "f_ret_big", "a=0x1 b=0x2", "a=1 b=2", NULL, NULL, NULL, "",
	  "return={.a=1, .b=2, .c=3}" },
	{ "f_ret_pair", "a=0x3", NULL, NULL, NULL, NULL, "", "return={.a=?, .b=?}" },
	{ "f_ret_char", "a=0xffffffffffffffff", "a=-1", NULL, NULL, NULL,
	  "return=0xffffffffffffffff", "return='\\377'" },
	{ "f_ret_enum", "a=0x1", NULL, NULL, NULL, NULL, "return=0xffffffff", "return=4294967295" },
	{ "f_ret_str", "a=0x1", NULL, NULL, NULL, NULL, "return=@", "return=\"ret\"" },
	{ "f_ret_double", "a=0x3", NULL, NULL, NULL, NULL, "", "return=?" },
	{ "f_i128", "a=0x1 b=? c=0x3", "a=1 b=? c=3", NULL, NULL, NULL, "", "return=?" },
	{ "f_enums", "b=0x1 c=0x5 uc=0x80000000 t=0xc8 w=0x100000000",
	  "b=1 c=5 uc=2147483648 t=200 w=4294967296", NULL, NULL, NULL, "return=0x0", "return=0" },
	{ "f_variadic", "fmt=@", "fmt=\"x\"", NULL, NULL, NULL, "return=0x78", "return=120" },
	{ "f_many", "a1=0x1 a2=0x2 a3=0x3 a4=0x4 a5=0x5 a6=0x6 a7=0xfffffffffffffff9 a8=0x8 a9=0x9",
	  "a1=1 a2=2 a3=3 a4=4 a5=5 a6=6 a7=-7 a8=8 a9='\\t'", NULL, NULL, NULL, "return=0x1f",
	  "return=31" },
	{ "f_unnamed", "b=0x2", "b=2", NULL, NULL, NULL, "return=0x2", "return=2" },
	{ "f_arrays", "a=@ m=@ bp=@ bv={...}",
	  "a=# m=[#, ...] bp=" BITS1 " bv={.a=?, .b=?, .c=?, .d=?, .e=?, .f=?, .g=?, .h=?, "
	  ".big=?, .wide=?, .flag=?, .col=?}", NULL, NULL, NULL, "return=0xffffffffffffffff",
	  "return=-1" },
	{ "f_atomic", "ai=* z=? bytes=@ w=0xfffffffffffffffd", "ai=* z=? bytes=\"\" w=-3", NULL, NULL,
	  NULL, "return=0x0", "return=0" },
	{ "f_float", "f=? d=? after=0x9", "f=? d=? after=9", NULL, NULL, NULL, "return=0xd",
	  "return=13" },
	{ "f_access", "o=@ oo=@ op=@ cop=@ list=@ ip=@ ipp=@ vp=0x0 mi=0x5", NULL, NULL, NULL, NULL,
	  "return=0xc3", "return=195" },
	{ "f_pretty", "o=@ in=@ ch=@ bp=@ mp=@ bg={...} ip=@ argv=@ vp=@",
	  "o=" OUTER1("*") " in={.x=7, .name=[...]} ch=" CHARS1 " bp=" BITS1 " mp=" MANY1
	  " bg={.a=1, .b=2, .c=3} ip=# argv=\"*\" vp=@",
	  "o=" OUTER2("*") " in={.x=7, .name=\"inner\"} ch=" CHARS2 " bp=" BITS1 " mp=*"
	  " bg={.a=1, .b=2, .c=3} ip=# argv=\"*\" vp=@", NULL, NULL, "return=0x75", "return=117" },
	{ "f_chars", "c=0x41 uc=0xec sc=0x8 s=@ null_s=0x0 bad_s=0x10",
	  "c='A' uc='\\354' sc='\\b' s=\"a\\tb\" null_s=0x0 bad_s=0x10", NULL, NULL, NULL,
	  "return=0x197", "return=407" },
	{ "f_locals", "n=0x3", "n=3", NULL, "n=0x3 total=? buf=[...] pr={...} calls=0x0",
	  "total=? buf=? pr={.a=?, .b=?} calls=0", "return=0xc", "return=12" },
	/* clang puts static locals first. */
	{ "clang:f_locals", "n=0x3", "n=3", NULL, "calls=0x0 n=0x3 total=? buf=[...] pr={...}",
	  "calls=0 total=? buf=? pr={.a=?, .b=?}", "return=0xc", "return=12" },
	{ "use_helper", "y=0x2", NULL, NULL, NULL, NULL, "return=0xe", NULL },
	{ "helper", "x=0x2", NULL, NULL, NULL, NULL, "return=0x5", NULL },
	{ "use_scaled", "v=0x4", NULL, NULL, NULL, NULL, "return=0x1d", NULL },
	{ "f_knr", "a=0x1 b=@", "a=1 b=\"x\"", NULL, NULL, NULL, "return=0x2", "return=2" },
	{ "f_void", "", "", NULL, "", NULL, "", "" },
};

#define KLASS1 "{.k=1, <union>={...}, .b=2}"
#define KLASS2 "{.k=1, <union>={.u_i=0, .u_f=?}, .b=2}"

/* clang names vtable pointers _vptr$Base, which SystemTap does not
 * leave out as it does GCC's _vptr.Base. */
static const char *const clang_vptrs[][2] = {
	{ KLASS1, "{.k=1, <union>={...}, ._vptr$Base=@, .b=2}" },
	{ KLASS2, "{.k=1, <union>={.u_i=0, .u_f=?}, ._vptr$Base=@, .b=2}" },
	{ "m={.b=2, .own=3}", "m={.b=2, .own=3, ._vptr$Base=@}" },
	{ "vp={.v=7, .vb=?}", "vp={._vptr$Virt=@, .v=7, .vb=?}" },
};

static const struct expect cxx_expect[] = {
	{ "_ZN2ns5Klass6methodEi", "this=@ x=0x1", "this=" KLASS1 " x=1",
	  "this=" KLASS2 " x=1", NULL, NULL, "return=0x2", NULL },
	{ "_ZNK2ns5Klass6methodEPKc", "this=@ s=@", "this=" KLASS1 " s=\"x\"", NULL, NULL, NULL,
	  "return=0x79", NULL },
	{ "ns::Klass::smethod", "v=0x2", "v=2", NULL, NULL, NULL, "return=0x3", NULL },
	{ "ns::Klass::Nested::run", "this=@ times=0x2", "this={.depth=4} times=2", NULL, NULL,
	  NULL, "return=0x8", NULL },
	{ "ns::inner::deep", "ref=@ rref=@ kref=@ np=?", "ref=# rref=# kref=" KLASS1 " np=?",
	  NULL, NULL, NULL, "return=0x4", NULL },
	{ "ns::inner::method", "x=0x5", NULL, NULL, NULL, NULL, "return=0x4", NULL },
	{ "ns::calls_helper", "a=0x1", NULL, NULL, "a=0x1", NULL, "return=0x15", NULL },
	{ "clang:ns::calls_helper", "a=0x1", NULL, NULL, "a=0x1 ns_counter=0x5 count=0x1", NULL,
	  "return=0x15", NULL },
	{ "Box<int>::get", "this=@", "this={.value=6}", NULL, NULL, NULL, "return=0x6", NULL },
	{ "anon_fn", "x=0x1", NULL, NULL, NULL, NULL, "return=0x3", NULL },
	{ "take_nt", "nt={...} after=0x2", "nt={.v=1} after=2", NULL, NULL, NULL, "return=0x3",
	  NULL },
	{ "take_trivial", "t={...} bt={...} after=0x6",
	  "t={.a=?, .b=?} bt={.a=3, .b=4, .c=5} after=6", NULL, NULL, NULL, "return=0xc", NULL },
	{ "take_defaulted", "d={...} after=0x4", "d={.a=1, .b=2, .c=3} after=4", NULL, NULL, NULL,
	  "return=0x7", NULL },
	{ "take_masking", "m=@ vp=@", "m={.b=2, .own=3} vp={.v=7, .vb=?}", NULL, NULL, NULL,
	  "return=0x14", NULL },
	{ "free_fn", "kp=@ pm=? mp=? flag=0x1 wc=0x77 c16=0x63 c32=0x7a",
	  "kp=" KLASS1 " pm=? mp=? flag=1 wc=119 c16='c' c32='z'", NULL, NULL, NULL,
	  "return=0x158", NULL },
};

/* The file offset of a link-time address, through the PT_LOAD that
 * holds it. */
static uint64_t file_offset(const char *path, uint64_t vaddr)
{
	int fd = open(path, O_RDONLY);
	Elf *e = fd >= 0 ? elf_begin(fd, ELF_C_READ, NULL) : NULL;
	size_t n = 0;
	uint64_t off = 0;
	if (e && elf_getphdrnum(e, &n) == 0)
		for (size_t i = 0; i < n; i++) {
			GElf_Phdr ph;
			if (gelf_getphdr(e, (int)i, &ph) && ph.p_type == PT_LOAD &&
			    vaddr >= ph.p_vaddr && vaddr < ph.p_vaddr + ph.p_filesz)
				off = vaddr - ph.p_vaddr + ph.p_offset;
		}
	if (e)
		elf_end(e);
	if (fd >= 0)
		close(fd);
	return off;
}

struct bp {
	uint64_t addr;
	unsigned char orig;
	bool is_return, armed;
	const struct expect *e;
	const struct dwi_func *f;
	uint64_t bias;
};

static bool poke_byte(pid_t pid, uint64_t addr, unsigned char b, unsigned char *old)
{
	errno = 0;
	long w = ptrace(PTRACE_PEEKDATA, pid, (void *)addr, NULL);
	if (errno)
		return false;
	if (old)
		*old = (unsigned char)(w & 0xff);
	w = (w & ~0xffL) | b;
	return ptrace(PTRACE_POKEDATA, pid, (void *)addr, (void *)w) == 0;
}

static void check_plan(struct live *l, const char *what, const char *fn, int which, int depth,
		       const char *want, bool clang)
{
	if (!want)
		return;
	struct dwi_plan p;
	int r = which == RET ? dwi_plan_return(l->f, depth, &p) :
		dwi_plan_context(l->f, (enum dwi_plan_which)which, depth, &p);
	CHECK(r == 0, "%s: %s: no plan", what, fn);
	if (r)
		return;
	char full[2][8192];
	const char *at;
	for (size_t i = 0; clang && i < NELEM(clang_vptrs); i++) {
		while ((at = strstr(want, clang_vptrs[i][0]))) {
			char *buf = full[want == full[0]];
			snprintf(buf, sizeof(full[0]), "%.*s%s%s", (int)(at - want), want,
				 clang_vptrs[i][1], at + strlen(clang_vptrs[i][0]));
			want = buf;
		}
	}
	struct strbuf got = STRBUF_INIT;
	render(&p, l, &got);
	const char *g = got.buf ? got.buf : "";
	CHECK(wild_match(want, g), "%s: %s %s%s:\n\tgot  %s\n\twant %s\n\tfrom %s", what, fn,
	      which == RET ? "$$return" : which == DWI_PLAN_VARS ? "$$vars" :
	      which == DWI_PLAN_LOCALS ? "$$locals" : "$$parms",
	      depth == 2 ? "$$" : depth == 1 ? "$" : "", g, want, dwi_plan_format(&p));
	strbuf_free(&got);
}

/* $param<path> read at the stop; "fault" or the value, as a string when
 * `string`. */
static void check_live_access(struct live *l, const char *what, const char *p, const char *path,
			      int64_t index, bool string, const char *want)
{
	struct dwi_comp c[16];
	char names[256];
	size_t n = parse_comps(path, c, 16, names, sizeof(names));
	struct dwi_error err;
	const struct dwi_var *v = dwi_func_param(l->f, p, &err);
	size_t np;
	const struct dwi_var *all = dwi_func_params(l->f, &np);
	struct dwi_access acc;
	uint64_t val;
	char got[512];
	bool addr = v && (v->abi.kind == DWI_ABI_MEMORY || v->abi.kind == DWI_ABI_BYREF);
	if (!v || dwi_access(v->type, addr, c, n, &acc, &err) != 0) {
		snprintf(got, sizeof(got), "!%s", err.msg);
	} else if (!root_value(l, (int)(v - all), &val) ||
		   !eval_ops(acc.ops, acc.nops, val, &index, read_live, l, &val)) {
		snprintf(got, sizeof(got), "fault");
	} else if (string) {
		struct strbuf sb = STRBUF_INIT;
		quoted(l, val, &sb);
		snprintf(got, sizeof(got), "%s", sb.buf);
		strbuf_free(&sb);
	} else {
		snprintf(got, sizeof(got), "%" PRId64, (int64_t)val);
	}
	CHECK(wild_match(want, got), "%s: $%s%s is %s, not %s", what, p, path, got, want);
}

static void at_entry(struct live *l, const char *build, const struct expect *e)
{
	bool clang = is_clang(build);
	check_plan(l, build, e->fn, DWI_PLAN_PARMS, 0, e->parms, clang);
	check_plan(l, build, e->fn, DWI_PLAN_PARMS, 1, e->parms1, clang);
	check_plan(l, build, e->fn, DWI_PLAN_PARMS, 2, e->parms2, clang);
	if (!is_O2(build)) {
		check_plan(l, build, e->fn, DWI_PLAN_VARS, 0, e->vars, clang);
		check_plan(l, build, e->fn, DWI_PLAN_LOCALS, 1, e->locals1, clang);
	}
	/* Each parameter where dwi_abi says, through an empty access. */
	if (strcmp(e->fn, "f_access") == 0) {
		check_live_access(l, build, "o", "->in->name", 0, true, "\"abc\"");
		check_live_access(l, build, "o", "->pin->name", 0, true, "\"inner\"");
		check_live_access(l, build, "o", "->arr[$]", 1, false, "11");
		check_live_access(l, build, "o", "->grid[5]", 0, false, "105");
		check_live_access(l, build, "o", "->f", 0, false, "4609434218613702656");
		check_live_access(l, build, "oo", "->next->id", 0, false, "43");
		check_live_access(l, build, "op", "->s2", 0, false, "3");
		check_live_access(l, build, "cop", "->ai", 0, false, "17");
		check_live_access(l, build, "list", "->next->value", 0, false, "30");
		check_live_access(l, build, "list", "->next->next->value", 0, false, "fault");
		check_live_access(l, build, "ip", "[2]", 0, false, "3");
		check_live_access(l, build, "ipp", "[0][1]", 0, false, "2");
		check_live_access(l, build, "mi", "", 0, false, "5");
		check_live_access(l, build, "vp", "", 0, false, "0");
	}
	if (strcmp(e->fn, "ns::inner::deep") == 0) {
		check_live_access(l, build, "kref", "->k", 0, false, "1");
		check_live_access(l, build, "kref", "->b", 0, false, "2");
		check_live_access(l, build, "rref", "", 0, false, "#");
		check_live_access(l, build, "rref", "[0]", 0, false,
				  "!invalid access '[0]' vs. int");
	}
	if (strcmp(e->fn, "take_nt") == 0)
		check_live_access(l, build, "nt", "->v", 0, false, "1");
	if (strcmp(e->fn, "take_trivial") == 0)
		check_live_access(l, build, "bt", "->c", 0, false, "5");
}

static void run_traced(const char *build, const struct expect *ex, size_t nex)
{
	char exe[PATH_MAX];
	if (!realpath(target(build), exe))
		return;
	struct dwi *d = open_target(build);
	if (!d)
		return;
	pid_t pid = start_stopped(exe, NULL);
	if (pid == -2) {
		static bool said;
		if (!said)
			printf("test_dwarfinfo: traced runs skipped (ptrace is not permitted)\n");
		said = true;
		dwi_close(d);
		return;
	}
	CHECK(pid > 0, "%s: cannot start it under ptrace", build);
	if (pid <= 0) {
		dwi_close(d);
		return;
	}
	char memname[64];
	snprintf(memname, sizeof(memname), "/proc/%d/mem", (int)pid);
	struct live l = { .pid = pid, .memfd = open(memname, O_RDONLY) };
	struct bp *bps = calloc(2 * nex + 1, sizeof(*bps));
	size_t nbp = 0;
	bool *hit = calloc(nex + 1, sizeof(*hit));
	bool clang = is_clang(build);
	for (size_t i = 0; i < nex; i++) {
		/* "clang:f" replaces f's entry for clang's builds. */
		const char *fn = ex[i].fn;
		if (strncmp(fn, "clang:", 6) == 0) {
			if (!clang) {
				hit[i] = true;
				continue;
			}
			fn += 6;
		} else if (clang) {
			bool replaced = false;
			for (size_t k = 0; k < nex; k++)
				replaced |= strncmp(ex[k].fn, "clang:", 6) == 0 &&
					    strcmp(ex[k].fn + 6, fn) == 0;
			if (replaced) {
				hit[i] = true;
				continue;
			}
		}
		struct dwi_site *s;
		int n = dwi_match(d, fn, 0, &s);
		for (int k = 0; k < n; k++) {
			if (s[k].func->is_clone)
				continue;
			/* Overloads: the first one main() calls is checked. */
			uint64_t off = file_offset(exe, s[k].entry);
			uint64_t at = off ? map_offset(pid, exe, off, 'x') : 0;
			CHECK(at, "%s: %s not mapped", build, ex[i].fn);
			if (!at || !poke_byte(pid, at, 0xcc, &bps[nbp].orig))
				continue;
			bps[nbp].addr = at;
			bps[nbp].armed = true;
			bps[nbp].e = &ex[i];
			bps[nbp].f = s[k].func;
			bps[nbp].bias = at - s[k].entry;
			nbp++;
			break;
		}
		free(s);
	}
	int st = 0;
	for (;;) {
		ptrace(PTRACE_CONT, pid, NULL, NULL);
		if (waitpid(pid, &st, 0) != pid || !WIFSTOPPED(st))
			break;
		if (WSTOPSIG(st) != SIGTRAP) {
			CHECK(0, "%s: stopped by signal %d", build, WSTOPSIG(st));
			kill(pid, SIGKILL);
			continue;
		}
		ptrace(PTRACE_GETREGS, pid, NULL, &l.regs);
		uint64_t at = l.regs.rip - 1;
		struct bp *b = NULL;
		for (size_t i = 0; i < nbp && !b; i++)
			if (bps[i].armed && bps[i].addr == at)
				b = &bps[i];
		CHECK(b, "%s: a trap at %#" PRIx64 " on no breakpoint", build, at);
		if (!b) {
			kill(pid, SIGKILL);
			continue;
		}
		poke_byte(pid, at, b->orig, NULL);
		b->armed = false;
		l.regs.rip = at;
		ptrace(PTRACE_SETREGS, pid, NULL, &l.regs);
		l.f = b->f;
		l.bias = b->bias;
		if (b->is_return) {
			check_plan(&l, build, b->e->fn, RET, 0, b->e->ret, is_clang(build));
			check_plan(&l, build, b->e->fn, RET, 1, b->e->ret1, is_clang(build));
			continue;
		}
		hit[b->e - ex] = true;
		at_entry(&l, build, b->e);
		/* Then a breakpoint where it returns to. */
		uint64_t ret = 0;
		if (read_live(l.regs.rsp, &ret, 8, &l) && nbp < 2 * nex + 1 &&
		    poke_byte(pid, ret, 0xcc, &bps[nbp].orig)) {
			bps[nbp] = (struct bp){ .addr = ret, .orig = bps[nbp].orig, .is_return = true,
						.armed = true, .e = b->e, .f = b->f, .bias = b->bias };
			nbp++;
		}
	}
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s: traced, ended with status 0x%x", build,
	      st);
	/* Optimised builds may call a specialised copy instead. */
	size_t reached = 0;
	for (size_t i = 0; i < nex; i++) {
		reached += hit[i];
		CHECK(hit[i] || is_O2(build), "%s: %s was not reached", build, ex[i].fn);
	}
	/* clang -O2 calls specialised copies of f_chars and f_knr, and drops
	 * calls of functions that do nothing it can see. */
	CHECK(reached + (is_clang(build) ? 6 : 1) >= nex, "%s: only %zu of %zu functions reached",
	      build, reached, nex);
	if (l.memfd >= 0)
		close(l.memfd);
	free(bps);
	free(hit);
	dwi_close(d);
}

/* ---- 7. Matching, listings, inlined copies ---- */

static int site_cmp(const void *a, const void *b)
{
	const struct dwi_site *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	if (!c && (x->caller || y->caller))
		c = strcmp(x->caller ? x->caller->name : "", y->caller ? y->caller->name : "");
	return c ? c : x->entry < y->entry ? -1 : x->entry > y->entry;
}

/* The sites' names, sorted, separated by spaces; "(caller)" after an
 * inlined copy. */
static const char *match_str(struct dwi *d, const char *pattern, unsigned flags)
{
	static char out[4096];
	struct dwi_site *s;
	int n = dwi_match(d, pattern, flags, &s);
	CHECK(n >= 0, "dwi_match(%s) failed", pattern);
	if (n > 0)
		qsort(s, (size_t)n, sizeof(*s), site_cmp);
	size_t len = 0;
	out[0] = 0;
	for (int i = 0; i < n && len < sizeof(out); i++) {
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s", i ? " " : "",
					s[i].name);
		if (s[i].caller && len < sizeof(out))
			len += (size_t)snprintf(out + len, sizeof(out) - len, "(%s)",
						s[i].caller->name);
		CHECK(s[i].entry && s[i].func && (s[i].caller != NULL) == s[i].func->is_inline,
		      "%s: site %s", pattern, s[i].name);
	}
	free(s);
	return out;
}

static void check_match(struct dwi *d, const char *build, const char *pattern, unsigned flags,
			const char *want)
{
	const char *got = match_str(d, pattern, flags);
	CHECK(strcmp(got, want) == 0, "%s: .function(\"%s\")%s:\n\tgot  %s\n\twant %s", build,
	      pattern, flags ? " with inlines" : "", got, want);
}

static void check_listing(struct dwi *d, const char *build, const char *fn, bool with_return,
			  const char *want)
{
	const struct dwi_func *f = func(d, fn);
	const char *got = f ? dwi_func_listing(f, with_return) : "";
	CHECK(strcmp(got, want) == 0, "%s: -L %s%s:\n\tgot  '%s'\n\twant '%s'", build, fn,
	      with_return ? ".return" : "", got, want);
}

static void test_match_cxx(const char *build)
{
	struct dwi *d = open_target(build);
	if (!d)
		return;
	bool O2 = is_O2(build), clang = is_clang(build);
	const char *twice_long = clang ? "twice<long>" : "twice<long int>";
	char want[1024];
	/* Scopes are the innermost enclosing namespaces and classes, each a
	 * pattern; pp()'s name has the scopes the pattern named. */
	check_match(d, build, "ns::Klass::method", 0,
		    O2 && clang ? "ns::Klass::method ns::Klass::method ns::Klass::method" :
		    "ns::Klass::method ns::Klass::method");
	check_match(d, build, "Klass::method", 0, O2 && clang ?
		    "Klass::method Klass::method Klass::method" : "Klass::method Klass::method");
	check_match(d, build, "method", 0, O2 && clang ? "method method method method" :
		    "method method method");
	check_match(d, build, "*::method", 0, O2 && clang ?
		    "Klass::method Klass::method Klass::method inner::method" :
		    "Klass::method Klass::method inner::method");
	check_match(d, build, "ns::*::method", 0, O2 && clang ?
		    "ns::Klass::method ns::Klass::method ns::Klass::method ns::inner::method" :
		    "ns::Klass::method ns::Klass::method ns::inner::method");
	/* '*' does not cross "::": ns::* is what ns itself holds. */
	snprintf(want, sizeof(want), "ns::calls_helper ns::twice<int> ns::%s", twice_long);
	check_match(d, build, "ns::*", 0, want);
	check_match(d, build, "ns::helper", 0, "");
	if (!O2) {
		/* -O2 folds calls_helper to 14a+7: no copies of helper left. */
		snprintf(want, sizeof(want), "ns::calls_helper ns::helper(calls_helper) "
			 "ns::helper(calls_helper) ns::twice<int> ns::%s", twice_long);
		check_match(d, build, "ns::*", DWI_MATCH_INLINES, want);
		check_match(d, build, "ns::helper", DWI_MATCH_INLINES,
			    "ns::helper(calls_helper) ns::helper(calls_helper)");
		check_match(d, build, "helper", DWI_MATCH_INLINES,
			    "helper(calls_helper) helper(calls_helper)");
	}
	check_match(d, build, "ns::inner::*", 0, "ns::inner::deep ns::inner::method");
	check_match(d, build, "inner::deep", 0, "inner::deep");
	check_match(d, build, "Klass::Nested::run", 0, "Klass::Nested::run");
	check_match(d, build, "Nested::run", 0, "Nested::run");
	check_match(d, build, "ns::Nested::run", 0, "");
	check_match(d, build, "Box<int>::get", 0, "Box<int>::get");
	check_match(d, build, "Box<*>::get", 0, "Box<int>::get");
	snprintf(want, sizeof(want), "twice<int> %s", twice_long);
	check_match(d, build, "twice<*>", 0, want);
	check_match(d, build, "twice<int>", 0, "twice<int>");
	/* The global scope is "", and an anonymous namespace too. */
	check_match(d, build, "::anon_fn", 0, "::anon_fn");
	check_match(d, build, "::take_nt", 0, "::take_nt");
	check_match(d, build, "*::take_nt", 0, "::take_nt");
	check_match(d, build, "anon_fn", 0, "anon_fn");
	/* Mangled names. */
	check_match(d, build, "_ZN2ns5Klass6methodEi", 0, "method");
	check_match(d, build, "_ZN2ns5*6method*", 0, "method method");
	check_match(d, build, "nope", 0, "");
	check_match(d, build, "ns::nope", 0, "");
	check_match(d, build, "ns", 0, "");
	check_match(d, build, "*::*::smethod", 0, "ns::Klass::smethod");
	check_match(d, build, "[a-f]*_fn", 0, "anon_fn free_fn");
	check_match(d, build, "take_??", 0, "take_nt");

	/* Listings as stap -L prints them: parameters and locals with a
	 * location at the probe and a type SystemTap can name. */
	check_listing(d, build, "_ZN2ns5Klass6methodEi", false,
		      clang ? " $this:class Klass* $x:int" : " $this:class Klass* const $x:int");
	check_listing(d, build, "_ZN2ns5Klass6methodEi", true,
		      clang ? " $return:int $this:class Klass* $x:int" :
		      " $return:int $this:class Klass* const $x:int");
	/* clang writes deep inside ns::inner, inside ns: their variables
	 * are in its scopes (-O2 leaves the unused np no location). */
	check_listing(d, build, "ns::inner::deep", false, !clang ?
		      " $ref:int& $rref:int&& $kref:class Klass const& $np:nullptr_t" : O2 ?
		      " $ref:int& $rref:int&& $kref:class Klass const& $ns_counter:int $count:int" :
		      " $ref:int& $rref:int&& $kref:class Klass const& $np:nullptr_t "
		      "$ns_counter:int $count:int");
	check_listing(d, build, "take_nt", false, " $nt:struct NonTrivial $after:int");
	/* clang writes calls_helper inside namespace ns, so ns's variables
	 * are in its scopes (GCC writes it outside, by DW_AT_specification). */
	check_listing(d, build, "ns::calls_helper", false,
		      clang ? " $a:int $ns_counter:int $count:int" : " $a:int");
	struct dwi_plan p;
	const struct dwi_func *f = func(d, "ns::calls_helper");
	CHECK(f && dwi_plan_context(f, DWI_PLAN_VARS, 0, &p) == 0 &&
	      strcmp(dwi_plan_format(&p), clang ? "a=%#x ns_counter=%#x count=%#x" : "a=%#x") == 0,
	      "%s: calls_helper's $$vars: %s", build, f ? dwi_plan_format(&p) : "");

	/* Inlined copies, each with the function it is in. */
	struct dwi_site *s;
	int n = dwi_match(d, "ns::helper", DWI_MATCH_INLINES, &s);
	if (n == 2) {
		size_t ni;
		const struct dwi_site *in = dwi_inlines(d, s[0].func, &ni);
		CHECK(ni == 2 && in[0].entry < in[1].entry && in[0].caller &&
		      strcmp(in[0].caller->qualified, "ns::calls_helper") == 0,
		      "%s: helper's inlined copies", build);
		CHECK(s[0].func->is_inline && s[0].func->entry == 0, "%s: helper is inline", build);
		const struct dwi_func *ch = func(d, "ns::calls_helper");
		CHECK(ch && in[0].entry >= ch->entry, "%s: the copies are in calls_helper", build);
		/* Its scopes are the copy's, then those around helper (ns). */
		CHECK(strcmp(dwi_site_listing(&s[0], false),
			     clang ? " $x:int $ns_counter:int $count:int" : " $x:int") == 0,
		      "%s: an inlined copy's listing: '%s'", build, dwi_site_listing(&s[0], false));
	}
	free(s);
	dwi_close(d);
}

static void test_match_c(const char *build)
{
	struct dwi *d = open_target(build);
	if (!d)
		return;
	bool O2 = is_O2(build), clang = is_clang(build);
	check_match(d, build, "f_ints", 0, "f_ints");
	check_match(d, build, "f_in*", 0, "f_ints");
	check_match(d, build, "*::f_ints", 0, "::f_ints");
	check_match(d, build, "f_ret_*", 0, "f_ret_big f_ret_char f_ret_double f_ret_enum "
		    "f_ret_pair f_ret_str");
	if (!O2) {
		check_match(d, build, "sq_inline", 0, "");
		check_match(d, build, "sq_inline", DWI_MATCH_INLINES,
			    "sq_inline(helper) sq_inline(use_helper)");
		check_match(d, build, "*help*", DWI_MATCH_INLINES, "helper use_helper");
	} else if (!clang) {
		/* helper has an out-of-line copy and one inlined in use_helper. */
		check_match(d, build, "helper", 0, "helper");
		check_match(d, build, "helper", DWI_MATCH_INLINES, "helper helper(use_helper)");
	}
	/* Listings. */
	check_listing(d, build, "f_ints", false, clang ?
		      " $c:char $sc:signed char $uc:unsigned char $s:short $us:unsigned short $i:int "
		      "$u:unsigned int $l:long $ul:unsigned long $ll:long long" :
		      " $c:char $sc:signed char $uc:unsigned char $s:short int $us:short unsigned "
		      "int $i:int $u:unsigned int $l:long int $ul:long unsigned int $ll:long long int");
	check_listing(d, build, "f_ptrs", true, " $return:int $s:char const* $t:char* const "
		      "$v:void* $pp:int** $o:struct outer* $co:struct outer const* "
		      "$cb:int (*) (int, char*) $mi:myint2 $cmi:cmyint");
	check_listing(d, build, "f_void", true, "");
	check_listing(d, build, "f_unnamed", false, " $b:int");
	/* _Atomic has no SystemTap name: -L leaves ai out. */
	if (!strstr(build, "dwarf4") && !O2)
		check_listing(d, build, "f_atomic", false, clang ?
			      " $z:complex $bytes:uint8_t* $w:int16_t" :
			      " $z:complex double $bytes:uint8_t* $w:int16_t");
	if (!O2)
		check_listing(d, build, "f_locals", true, clang ?
			      " $return:int $calls:int $n:int $total:int $buf:char[] $pr:struct pair" :
			      " $return:int $n:int $total:int $buf:char[] $pr:struct pair $calls:int");

	/* Every function with code, each entry once (but for inlined
	 * copies, which may share one with their caller). */
	struct dwi_site *s;
	int n = dwi_functions(d, &s);
	int found = 0;
	for (int i = 0; i < n; i++) {
		found += strcmp(s[i].name, "main") == 0 || strcmp(s[i].name, "f_ints") == 0;
		for (int k = i + 1; k < n; k++)
			CHECK(s[i].caller || s[k].caller || s[i].entry != s[k].entry,
			      "%s: %s and %s share %#" PRIx64, build, s[i].name, s[k].name,
			      s[i].entry);
		const struct dwi_func *at = s[i].caller ? NULL : dwi_func_at(d, s[i].entry);
		CHECK(s[i].caller || at, "%s: dwi_func_at(%s)", build, s[i].name);
	}
	CHECK(found == 2 && n >= 30, "%s: %d functions", build, n);
	free(s);
	const struct dwi_func *f = func(d, "f_ints");
	const char *file;
	int line;
	CHECK(f && dwi_function_decl(d, f->entry, &file, &line) && line == 26 &&
	      strstr(file, "dwarf_targets/types.c"), "%s: f_ints is at types.c:26", build);
	CHECK(!dwi_function_decl(d, f ? f->entry + 1 : 1, &file, &line), "%s: no function at +1",
	      build);
	CHECK(!dwi_func_at(d, 0) && !dwi_func_at(d, 1), "%s: no function at 0 or 1", build);
	dwi_close(d);
}

/* ---- 8. Damaged DWARF ---- */

/* Asks a damaged file everything; the answers do not matter, only that
 * asking neither crashes nor hangs. */
static void ask_everything(struct dwi *d)
{
	struct dwi_site *s;
	int n = dwi_functions(d, &s);
	for (int i = 0; i < n && i < 200; i++) {
		const struct dwi_func *f = s[i].func;
		size_t np, nl;
		const struct dwi_var *p = dwi_func_params(f, &np);
		dwi_func_locals(f, &nl);
		dwi_func_listing(f, true);
		dwi_site_listing(&s[i], false);
		dwi_func_return_abi(f);
		struct dwi_plan plan;
		for (int depth = 0; depth < 3; depth++) {
			dwi_plan_context(f, DWI_PLAN_VARS, depth, &plan);
			dwi_plan_format(&plan);
			dwi_plan_return(f, depth, &plan);
		}
		dwi_func_at(d, f->entry);
		if (f->is_inline)
			dwi_inlines(d, f, &nl);
		for (size_t k = 0; k < np; k++) {
			const struct dwi_type *t = p[k].type;
			for (int hops = 0; t && hops < 8; hops++) {
				size_t nm;
				const struct dwi_member *m = dwi_type_members(t, &nm);
				for (size_t j = 0; j < nm && j < 8; j++) {
					struct dwi_comp c = { .member = m[j].name ? m[j].name : "x" };
					struct dwi_access acc;
					dwi_access(p[k].type, false, &c, 1, &acc, NULL);
					dwi_type_member(t, c.member, NULL, NULL);
				}
				dwi_type_enumerators(t, &nm);
				t = dwi_type_target(t);
			}
			struct dwi_comp c[2] = { { .index = 1 }, { .member = "next" } };
			struct dwi_access acc;
			struct dwi_error err;
			dwi_access(p[k].type, false, c, 2, &acc, &err);
			dwi_plan_var(p[k].type, 0, false, true, 2, &plan);
		}
	}
	free(s);
	static const char *const pats[] = { "*", "f_*", "ns::*", "*::*", "_Z*", "main" };
	for (size_t i = 0; i < NELEM(pats); i++) {
		n = dwi_match(d, pats[i], DWI_MATCH_INLINES, &s);
		free(s);
	}
}

static void test_damage(void)
{
	const char *name = "types-gcc-O0-pie";
	int fd = open(target(name), O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		CHECK(0, "cannot read %s", name);
		return;
	}
	size_t size = (size_t)st.st_size;
	unsigned char *orig = malloc(size), *buf = malloc(size);
	CHECK(read(fd, orig, size) == (ssize_t)size, "read %s", name);
	close(fd);
	/* The DWARF sections' extents. */
	struct extent {
		size_t off, size;
	} sec[8];
	int nsec = 0;
	Elf *e = elf_memory((char *)orig, size);
	size_t shstrndx;
	if (e && elf_getshdrstrndx(e, &shstrndx) == 0)
		for (Elf_Scn *scn = NULL; (scn = elf_nextscn(e, scn)) && nsec < 8;) {
			GElf_Shdr sh;
			const char *sn;
			if (gelf_getshdr(scn, &sh) && (sn = elf_strptr(e, shstrndx, sh.sh_name)) &&
			    strncmp(sn, ".debug_", 7) == 0 && sh.sh_size && sh.sh_type != SHT_NOBITS &&
			    strcmp(sn, ".debug_str") != 0)
				sec[nsec++] = (struct extent){ sh.sh_offset, sh.sh_size };
		}
	if (e)
		elf_end(e);
	CHECK(nsec >= 4, "%s: %d DWARF sections", name, nsec);
	char tmp[PATH_MAX];
	const char *tmpdir = getenv("TMPDIR");
	snprintf(tmp, sizeof(tmp), "%s/test_dwarfinfo.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	int tfd = mkstemp(tmp);
	CHECK(tfd >= 0, "mkstemp");
	unsigned seed = 12345;
	for (int round = 0; round < 300 && tfd >= 0 && nsec; round++) {
		memcpy(buf, orig, size);
		/* A few bytes of one section, or a run of them. */
		int which = (int)(rand_r(&seed) % (unsigned)nsec);
		int hits = 1 + (int)(rand_r(&seed) % 8);
		for (int h = 0; h < hits; h++) {
			size_t at = sec[which].off + (size_t)rand_r(&seed) % sec[which].size;
			buf[at] = (unsigned char)(round % 3 == 0 ? 0xff : rand_r(&seed));
		}
		if (round % 10 == 9) {
			size_t at = sec[which].off + (size_t)rand_r(&seed) % sec[which].size;
			size_t len = 1 + (size_t)rand_r(&seed) % 64;
			if (at + len > sec[which].off + sec[which].size)
				len = sec[which].off + sec[which].size - at;
			memset(buf + at, round & 1 ? 0 : 0x7f, len);
		}
		if (pwrite(tfd, buf, size, 0) != (ssize_t)size)
			break;
		struct dwi *d = dwi_open(tmp);
		if (d) {
			ask_everything(d);
			dwi_close(d);
		}
	}
	if (tfd >= 0) {
		close(tfd);
		unlink(tmp);
	}
	free(orig);
	free(buf);
	/* The undamaged file, the same way, and every build of the C++. */
	for (size_t i = 0; i < NELEM(class_builds); i++) {
		if (!exists(target(class_builds[i])))
			continue;
		struct dwi *d = open_target(class_builds[i]);
		if (d)
			ask_everything(d);
		dwi_close(d);
	}
}

/* ---- Timing: test_dwarfinfo --time FILE ---- */

/* The value of symbol `name` in path's .symtab, or 0. */
static uint64_t symbol_value(const char *path, const char *name)
{
	int fd = open(path, O_RDONLY);
	Elf *e = fd >= 0 ? elf_begin(fd, ELF_C_READ, NULL) : NULL;
	uint64_t v = 0;
	for (Elf_Scn *scn = NULL; e && !v && (scn = elf_nextscn(e, scn));) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || !sh.sh_entsize)
			continue;
		Elf_Data *data = elf_getdata(scn, NULL);
		size_t n = data ? data->d_size / sh.sh_entsize : 0;
		for (size_t i = 0; i < n && !v; i++) {
			GElf_Sym sym;
			const char *sn;
			if (gelf_getsym(data, (int)i, &sym) && GELF_ST_TYPE(sym.st_info) == STT_FUNC &&
			    (sn = elf_strptr(e, sh.sh_link, sym.st_name)) && strcmp(sn, name) == 0)
				v = sym.st_value;
		}
	}
	if (e)
		elf_end(e);
	if (fd >= 0)
		close(fd);
	return v;
}

static int time_file(const char *path)
{
	elf_version(EV_CURRENT);
	double t0 = now_ms();
	struct dwi *d = dwi_open(path);
	double t1 = now_ms();
	if (!d) {
		fprintf(stderr, "%s: no DWARF\n", path);
		return 1;
	}
	printf("open                      %8.1f ms\n", t1 - t0);
	uint64_t main_at = symbol_value(path, "main");
	t0 = now_ms();
	const struct dwi_func *m = main_at ? dwi_func_at(d, main_at) : NULL;
	t1 = now_ms();
	printf("dwi_func_at(main), cold   %8.1f ms  (%s)\n", t1 - t0,
	       m ? m->name : "not found");
	dwi_close(d);

	d = dwi_open(path);
	struct dwi_site *s;
	t0 = now_ms();
	int n = dwi_match(d, "*", 0, &s);
	t1 = now_ms();
	free(s);
	printf("dwi_match(\"*\"), cold      %8.1f ms  %d functions\n", t1 - t0, n);
	t0 = now_ms();
	n = dwi_match(d, "*", 0, &s);
	t1 = now_ms();
	free(s);
	printf("dwi_match(\"*\"), again     %8.1f ms\n", t1 - t0);
	t0 = now_ms();
	n = dwi_match(d, "main", 0, &s);
	t1 = now_ms();
	free(s);
	printf("dwi_match(\"main\"), warm   %8.1f ms\n", t1 - t0);
	t0 = now_ms();
	n = dwi_functions(d, &s);
	t1 = now_ms();
	printf("dwi_functions, warm       %8.1f ms  %d sites with inlined copies\n",
	       t1 - t0, n);
	t0 = now_ms();
	size_t np = 0;
	for (int i = 0; i < n; i++) {
		size_t k;
		dwi_func_params(s[i].func, &k);
		np += k;
		dwi_site_listing(&s[i], false);
	}
	t1 = now_ms();
	printf("params and -L of all      %8.1f ms  %zu parameters\n", t1 - t0, np);
	free(s);
	dwi_close(d);

	d = dwi_open(path);
	t0 = now_ms();
	n = dwi_functions(d, &s);
	t1 = now_ms();
	free(s);
	printf("dwi_functions, cold       %8.1f ms\n", t1 - t0);
	dwi_close(d);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--time") == 0)
		return time_file(argv[2]);
	if (argc != 2) {
		fprintf(stderr, "usage: test_dwarfinfo DIR | --time FILE\n");
		return 2;
	}
	target_dir = argv[1];
	test_open();
	for (size_t i = 0; i < NELEM(type_builds); i++)
		if (exists(target(type_builds[i])))
			test_type_names(type_builds[i]);
	for (size_t i = 0; i < NELEM(class_builds); i++)
		if (exists(target(class_builds[i])))
			test_cxx_types(class_builds[i]);
	for (size_t i = 0; i < NELEM(type_builds); i++)
		if (exists(target(type_builds[i])))
			test_abi_c(type_builds[i]);
	for (size_t i = 0; i < NELEM(class_builds); i++)
		if (exists(target(class_builds[i])))
			test_abi_cxx(class_builds[i]);
	for (size_t i = 0; i < NELEM(type_builds); i++)
		if (exists(target(type_builds[i])))
			test_access_c(type_builds[i]);
	for (size_t i = 0; i < NELEM(class_builds); i++)
		if (exists(target(class_builds[i])))
			test_access_cxx(class_builds[i]);
	for (size_t i = 0; i < NELEM(type_builds); i++)
		if (exists(target(type_builds[i])))
			test_plan_formats(type_builds[i]);
	for (size_t i = 0; i < NELEM(type_builds); i++)
		if (exists(target(type_builds[i])))
			test_match_c(type_builds[i]);
	for (size_t i = 0; i < NELEM(class_builds); i++)
		if (exists(target(class_builds[i])))
			test_match_cxx(class_builds[i]);
	for (size_t i = 0; i < NELEM(type_builds); i++)
		if (exists(target(type_builds[i])))
			run_traced(type_builds[i], c_expect, NELEM(c_expect));
	for (size_t i = 0; i < NELEM(class_builds); i++)
		if (exists(target(class_builds[i])))
			run_traced(class_builds[i], cxx_expect, NELEM(cxx_expect));
	test_damage();
	return checks_done("test_dwarfinfo");
}
