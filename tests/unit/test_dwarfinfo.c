/* test_dwarfinfo.c — unit tests for compiler/dwarfinfo.c.
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
 * 8. Damaged DWARF: no crash, whatever the damage. */
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
#include "dwarfinfo.h"
#include "format.h"
#include "strbuf.h"
#include "strfuncs.h"
#include "dwarf_targets/types.h"

static const char *dir;

static const char *target(const char *name)
{
	static char buf[8][PATH_MAX];
	static int next;
	char *p = buf[next++ % 8];
	snprintf(p, PATH_MAX, "%s/%s", dir, name);
	return p;
}

static bool exists(const char *name)
{
	return access(target(name), R_OK) == 0;
}

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

static int64_t extend(uint64_t v, unsigned size, bool sgn)
{
	if (size >= 8)
		return (int64_t)v;
	uint64_t mask = (1ull << (size * 8)) - 1;
	v &= mask;
	if (sgn && (v >> (size * 8 - 1) & 1))
		v |= ~mask;
	return (int64_t)v;
}

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

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test_dwarfinfo DIR\n");
		return 2;
	}
	dir = argv[1];
	test_open();
	for (size_t i = 0; i < NELEM(type_builds); i++)
		if (exists(type_builds[i]))
			test_type_names(type_builds[i]);
	for (size_t i = 0; i < NELEM(class_builds); i++)
		if (exists(class_builds[i]))
			test_cxx_types(class_builds[i]);
	for (size_t i = 0; i < NELEM(type_builds); i++)
		if (exists(type_builds[i]))
			test_abi_c(type_builds[i]);
	for (size_t i = 0; i < NELEM(class_builds); i++)
		if (exists(class_builds[i]))
			test_abi_cxx(class_builds[i]);
	for (size_t i = 0; i < NELEM(type_builds); i++)
		if (exists(type_builds[i]))
			test_access_c(type_builds[i]);
	for (size_t i = 0; i < NELEM(class_builds); i++)
		if (exists(class_builds[i]))
			test_access_cxx(class_builds[i]);
	printf("test_dwarfinfo: %d checks, %d failed\n", checks, failures);
	return failures != 0;
}
