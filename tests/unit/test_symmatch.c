/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_symmatch.c — unit tests for compiler/points/symmatch.c.
 *
 *   test_symmatch [DIR]           DIR holds what symmatch_targets/build.sh
 *                                 builds; without it, only the name tests
 *   test_symmatch --bench FILE…   time demangling and matching every
 *                                 function symbol of big files
 *
 * The name tests pin the qualified names of every kind of C++ function
 * and the matching rules; the target tests read real programs built by
 * g++ and clang++ (with DWARF, and stripped) and compare the set of
 * functions each probe point name selects.  One line per failure; exit 1
 * if any. */
#define _GNU_SOURCE
#include <elf.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parse/arena.h"
#include "check.h"
#include "binary/elfsym.h"
#include "points/symmatch.h"

/* ---- Qualified names ---- */

static const struct {
	const char *linked, *qualified;
} names[] = {
	/* namespaces, classes, overloads, method qualifiers */
	{ "_ZN3geo5twiceEi", "geo::twice" },
	{ "_ZN3geo5twiceEd", "geo::twice" },
	{ "_ZN3geo7Counter4bumpEv", "geo::Counter::bump" },
	{ "_ZNK3geo7Counter4bumpEi", "geo::Counter::bump" },
	{ "_ZNO3geo7Counter2rrEv", "geo::Counter::rr" },
	{ "_ZNR3geo7Counter2rlEv", "geo::Counter::rl" },
	{ "_ZNV3geo7Counter3volEv", "geo::Counter::vol" },
	{ "_ZN3geo7Counter5Inner4deepEi", "geo::Counter::Inner::deep" },
	{ "_ZN3geo2v13inlEi", "geo::v1::inl" },
	{ "_Z5twicei", "twice" },
	{ "_ZL7stat_fni", "stat_fn" },
	/* constructors and destructors, every variant */
	{ "_ZN3geo7CounterC1Ei", "geo::Counter::Counter" },
	{ "_ZN3geo7CounterC2Ei", "geo::Counter::Counter" },
	{ "_ZN3geo7CounterD0Ev", "geo::Counter::~Counter" },
	{ "_ZN3geo7CounterD2Ev", "geo::Counter::~Counter" },
	{ "_ZN3geo3BoxIiED2Ev", "geo::Box<int>::~Box" },
	{ "_ZNSaIcEC1Ev", "std::allocator<char>::allocator" },
	/* operators */
	{ "_ZN3geo7CounterclEi", "geo::Counter::operator()" },
	{ "_ZNK3geo7CounterltERKS0_", "geo::Counter::operator<" },
	{ "_ZN3geolsERSoRKNS_7CounterE", "geo::operator<<" },
	{ "_ZN3geolSIiEEbRNS_3BoxIT_EES2_", "geo::operator<<=<int>" },
	{ "_ZN3geoltIiEEbRKNS_3BoxIT_EES2_", "geo::operator< <int>" },
	{ "_ZN3geolsIiEEbRNS_3BoxIT_EES2_", "geo::operator<< <int>" },
	{ "_ZNK3geo7CountercviEv", "geo::Counter::operator int" },
	{ "_ZNK3geo7CountercvSt6vectorIiSaIiEEEv",
	  "geo::Counter::operator std::vector<int, std::allocator<int> >" },
	{ "_ZN1AcvPFivEEv", "A::operator int (*)()" },
	{ "_ZNKSt15__exception_ptr13exception_ptrcvMS0_FvvEEv",
	  "std::__exception_ptr::exception_ptr::operator void "
	  "(std::__exception_ptr::exception_ptr::*)()" },
	{ "_Znwmi", "operator new" },
	{ "_ZdaPv", "operator delete[]" },
	{ "_Zli3_kmy", "operator\"\" _km" },
	{ "_ZNSt8functionIFviEEclEi", "std::function<void (int)>::operator()" },
	/* templates, with the return type a function template has dropped */
	{ "_ZN3geo2tfIiEET_S1_", "geo::tf<int>" },
	{ "_ZN3geo7Counter3getIlEET_S2_", "geo::Counter::get<long>" },
	{ "_ZNK3geo3BoxIiE3getEv", "geo::Box<int>::get" },
	{ "_ZN3geo3fptIiEEPFvdET_", "geo::fpt<int>" },
	{ "_ZN3geo1hIiEEDTplfp_fp_ET_", "geo::h<int>" },
	{ "_ZSt8distanceIPKcENSt15iterator_traitsIT_E15difference_typeES3_S3_",
	  "std::distance<char const*>" },
	{ "_ZNSs4sizeEv", "std::string::size" },
	/* ABI tags are not part of the name */
	{ "_ZN3geo4nameB5cxx11Ev", "geo::name" },
	{ "_ZN3geo1fB5cxx11IiEEvT_", "geo::f<int>" },
	/* unnamed scopes; local classes and lambdas, whose enclosing
	 * function is no scope (SystemTap's get_parent_scope() passes over
	 * DW_TAG_subprogram) */
	{ "_ZN12_GLOBAL__N_14anonEi", "(anonymous namespace)::anon" },
	{ "_ZN13ImportProjectUt_D1Ev", "ImportProject::{unnamed type#1}::~ImportProject" },
	{ "_ZZ10local_useriEN1L1mEi", "L::m" },
	{ "_ZZ10local_useriENKUliE_clEi", "{lambda(int)#1}::operator()" },
	{ "_ZZ10with_localiENK3$_0clEi", "$_0::operator()" },
	{ "_ZZ1fIiEiT_EN1L1mEv", "L::m" },
	{ "_ZZNK1A1gEvEN1L1mEv", "L::m" },
	{ "_ZZN3geo1fEvENKUlT_E_clIiEEDaS0_", "{lambda(auto:1)#1}::operator()<int>" },
	{ "_ZZN3geo1fEvEN5Outer5InnerC2Ev", "Outer::Inner::Inner" },
	/* GCC's clones keep their suffix */
	{ "_ZN3geo5twiceEi.isra.0", "geo::twice.isra.0" },
	{ "_ZN3geo5twiceEi.cold", "geo::twice.cold" },
	{ "_ZN3geo5twiceEi.constprop.0.isra.0", "geo::twice.constprop.0.isra.0" },
	{ "_ZN3geoL5scaleERKNS_1CEii.constprop.0.isra.0", "geo::scale.constprop.0.isra.0" },
	/* legacy Rust symbols are Itanium names */
	{ "_ZN4core3fmt9Arguments6new_v117h5c0b9e1a2d1eab0eE",
	  "core::fmt::Arguments::new_v1::h5c0b9e1a2d1eab0e" },
	/* no qualified name: thunks, vtables, guards, TLS wrappers, junk */
	{ "_ZThn8_N1D1gEv", NULL },
	{ "_ZTv0_n24_N1D1fEv", NULL },
	{ "_ZTV1A", NULL },
	{ "_ZGVZ10local_useriE1s", NULL },
	{ "_ZTWN3geo1tE", NULL },
	{ "_ZGTtN3geo1fEv", NULL },
	{ "_Zgarbage", NULL },
	{ "_Z", NULL },
	/* C names are their own qualified names */
	{ "main", "main" },
	{ "main.cold", "main.cold" },
	{ "_start", "_start" },
};

static void test_names(void)
{
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *q = symm_demangle(names[i].linked);
		const char *want = names[i].qualified;
		CHECK(want ? q && strcmp(q, want) == 0 : !q, "symm_demangle(\"%s\") = \"%s\", "
		      "expected \"%s\"", names[i].linked, q ? q : "(null)", want ? want : "(null)");
		free(q);
	}
}

/* ---- Patterns and matching, on names ---- */

static void test_pattern_errors(void)
{
	static const char *const bad[] = { "", "geo::", "::", "a::b::" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct symm_pattern *p = (struct symm_pattern *)1;
		const char *why = NULL;
		int rc = symm_pattern_new(bad[i], &p, &why);
		CHECK(rc == -22 && !p && why, "symm_pattern_new(\"%s\") = %d, why %s", bad[i], rc,
		      why ? why : "(null)");
	}
	struct symm_pattern *p;
	CHECK(symm_pattern_new("geo::*", &p, NULL) == 0 && symm_pattern_is_wild(p),
	      "geo::* is a wildcard");
	symm_pattern_free(p);
	CHECK(symm_pattern_new("::main", &p, NULL) == 0 && !symm_pattern_is_wild(p),
	      "::main is not a wildcard");
	symm_pattern_free(p);
}

static const struct {
	const char *pattern, *linked;
	bool match;
} matches[] = {
	/* the linked name, whole */
	{ "main", "main", true },
	{ "ma*", "main", true },
	{ "_ZN3geo5twiceE*", "_ZN3geo5twiceEi", true },
	{ "_ZN3geo5twiceEi", "_ZN3geo5twiceEi", true },
	{ "_ZN3geo5twiceE[id]", "_ZN3geo5twiceEd", true },
	{ "_ZN3geo5twiceEd", "_ZN3geo5twiceEi", false },
	/* components, innermost first; wildcards do not cross "::" */
	{ "geo::twice", "_ZN3geo5twiceEi", true },
	{ "geo::*", "_ZN3geo5twiceEi", true },
	{ "geo::*", "_ZN3geo7Counter4bumpEv", false },
	{ "geo::*::*", "_ZN3geo7Counter4bumpEv", true },
	{ "geo::Counter::bump", "_ZN3geo7Counter4bumpEv", true },
	{ "geo::Counter::bump", "_ZNK3geo7Counter4bumpEi", true },
	{ "Counter::bump", "_ZN3geo7Counter4bumpEv", true },
	{ "bump", "_ZN3geo7Counter4bumpEv", true },
	{ "bu*", "_ZN3geo7Counter4bumpEv", true },
	{ "*", "_ZN3geo7Counter4bumpEv", true },
	{ "Count?r::b[a-z]mp", "_ZN3geo7Counter4bumpEv", true },
	{ "Count[[:alpha:]]r::bump", "_ZN3geo7Counter4bumpEv", true },
	{ "geo::bump", "_ZN3geo7Counter4bumpEv", false },
	{ "other::Counter::bump", "_ZN3geo7Counter4bumpEv", false },
	{ "tw\\*ce", "_ZN3geo5twiceEi", false },
	{ "tw\\ice", "_ZN3geo5twiceEi", false },   /* no wildcard: compared as written */
	{ "tw\\i*", "_ZN3geo5twiceEi", true },
	/* the global scope */
	{ "::twice", "_Z5twicei", true },
	{ "::twice", "_ZN3geo5twiceEi", false },
	{ "::main", "main", true },
	{ "*::main", "main", true },        /* SystemTap: "*" matches the global "" */
	{ "?::main", "main", false },
	{ "*::*::twice", "_Z5twicei", false },
	{ "*::*::twice", "_ZN3geo5twiceEi", true },
	{ "::geo::twice", "_ZN3geo5twiceEi", true },
	{ "::Counter::bump", "_ZN3geo7Counter4bumpEv", false },
	{ "x::main", "main", false },
	/* templates: arguments are part of their component */
	{ "geo::tf", "_ZN3geo2tfIiEET_S1_", false },
	{ "geo::tf<int>", "_ZN3geo2tfIiEET_S1_", true },
	{ "geo::tf<*>", "_ZN3geo2tfIiEET_S1_", true },
	{ "geo::Box<int>::get", "_ZNK3geo3BoxIiE3getEv", true },
	{ "geo::Box<*>::get", "_ZNK3geo3BoxIiE3getEv", true },
	{ "geo::Box::get", "_ZNK3geo3BoxIiE3getEv", false },
	{ "std::vector<*>::size", "_ZNKSt6vectorIiSaIiEE4sizeEv", true },
	{ "std::vector<int, std::allocator<int> >::size", "_ZNKSt6vectorIiSaIiEE4sizeEv", true },
	{ "vector<*>::*", "_ZNKSt6vectorIiSaIiEE4sizeEv", true },
	{ "std::*", "_ZNKSt6vectorIiSaIiEE4sizeEv", false },
	{ "std::string::size", "_ZNSs4sizeEv", true },
	{ "std::allocator<char>::allocator", "_ZNSaIcEC1Ev", true },
	/* operators, constructors, destructors */
	{ "geo::Counter::operator()", "_ZN3geo7CounterclEi", true },
	{ "Counter::operator<", "_ZNK3geo7CounterltERKS0_", true },
	{ "Counter::operator<<", "_ZNK3geo7CounterltERKS0_", false },
	{ "geo::operator<<", "_ZN3geolsERSoRKNS_7CounterE", true },
	{ "geo::operator< <int>", "_ZN3geoltIiEEbRKNS_3BoxIT_EES2_", true },
	{ "geo::operator<", "_ZN3geoltIiEEbRKNS_3BoxIT_EES2_", false },
	{ "geo::operator<*", "_ZN3geoltIiEEbRKNS_3BoxIT_EES2_", true },
	{ "geo::operator<<=<int>", "_ZN3geolSIiEEbRNS_3BoxIT_EES2_", true },
	{ "operator*", "_ZN3geo7CounterclEi", true },   /* '*' is a wildcard */
	{ "Counter::operator int", "_ZNK3geo7CountercviEv", true },
	{ "operator std::vector<*>", "_ZNK3geo7CountercvSt6vectorIiSaIiEEEv", true },
	{ "Counter::Counter", "_ZN3geo7CounterC1Ei", true },
	{ "Counter::~Counter", "_ZN3geo7CounterD2Ev", true },
	{ "Counter::~*", "_ZN3geo7CounterD2Ev", true },
	{ "operator new", "_Znwmi", true },
	{ "::operator delete[]", "_ZdaPv", true },
	/* unnamed scopes match their name or "" */
	{ "(anonymous namespace)::anon", "_ZN12_GLOBAL__N_14anonEi", true },
	{ "::anon", "_ZN12_GLOBAL__N_14anonEi", true },
	{ "*::anon", "_ZN12_GLOBAL__N_14anonEi", true },
	{ "anon", "_ZN12_GLOBAL__N_14anonEi", true },
	{ "{lambda(int)#1}::operator()", "_ZZ10local_useriENKUliE_clEi", true },
	{ "{lambda*}::operator()", "_ZZ10local_useriENKUliE_clEi", true },
	{ "::operator()", "_ZZ10local_useriENKUliE_clEi", true },
	{ "::operator()", "_ZZ10with_localiENK3$_0clEi", true },
	{ "::::operator()", "_ZZ10with_localiENK3$_0clEi", true },
	{ "::::::operator()", "_ZZ10with_localiENK3$_0clEi", false },
	/* ... and the function around them is not a scope */
	{ "local_user::{lambda(int)#1}::operator()", "_ZZ10local_useriENKUliE_clEi", false },
	{ "local_user::::operator()", "_ZZ10local_useriENKUliE_clEi", false },
	{ "local_user::*", "_ZZ10local_useriENKUliE_clEi", false },
	{ "local_user::L::m", "_ZZ10local_useriEN1L1mEi", false },
	{ "L::m", "_ZZ10local_useriEN1L1mEi", true },
	{ "::L::m", "_ZZ10local_useriEN1L1mEi", true },
	{ "*::*::m", "_ZZ10local_useriEN1L1mEi", true },   /* L, then the global "" */
	{ "Outer::Inner::Inner", "_ZZN3geo1fEvEN5Outer5InnerC2Ev", true },
	{ "geo::Outer::Inner::Inner", "_ZZN3geo1fEvEN5Outer5InnerC2Ev", false },
	/* ABI tags are dropped */
	{ "geo::name", "_ZN3geo4nameB5cxx11Ev", true },
	/* clones: a plain name is not a clone, a wildcard may be */
	{ "geo::twice", "_ZN3geo5twiceEi.isra.0", false },
	{ "geo::twice*", "_ZN3geo5twiceEi.isra.0", true },
	{ "geo::*", "_ZN3geo5twiceEi.isra.0", true },
	{ "twice.isra.0", "_ZN3geo5twiceEi.isra.0", true },
	{ "main", "main.cold", false },
	{ "main*", "main.cold", true },
	/* thunks and the like match by linked name only */
	{ "D::g", "_ZThn8_N1D1gEv", false },
	{ "*", "_ZThn8_N1D1gEv", true },
	{ "_ZThn*", "_ZThn8_N1D1gEv", true },
	/* literal scopes missing from the mangled name rule it out early;
	 * abbreviated std names must not */
	{ "nowhere::*", "_ZN3geo5twiceEi", false },
	{ "geo::nowhere*", "_ZN3geo5twiceEi", false },
	{ "std::basic_string<*>::basic_string", "_ZNSsC1Ev", true },
	{ "basic_string<*>::*", "_ZNSsC1Ev", true },
	{ "basic_str*::basic_str*", "_ZNSsC1Ev", true },
	{ "std::str*::size", "_ZNSs4sizeEv", true },
	{ "std::*::size", "_ZNKSt6vectorIiSaIiEE4sizeEv", true },
	{ "ope*", "_ZN3geo7CounterclEi", true },
	{ "op*<<", "_ZN3geolsERSoRKNS_7CounterE", true },
	{ "Counter::Count*", "_ZN3geo7CounterC1Ei", true },
	{ "Counter::~Count*", "_ZN3geo7CounterD2Ev", true },
	{ "tw*.isra.0", "_ZN3geo5twiceEi.isra.0", true },
};

static void test_matching(void)
{
	for (size_t i = 0; i < sizeof(matches) / sizeof(matches[0]); i++) {
		struct symm_pattern *p;
		const char *why = "";
		if (symm_pattern_new(matches[i].pattern, &p, &why) < 0) {
			CHECK(0, "pattern \"%s\": %s", matches[i].pattern, why);
			continue;
		}
		bool got = symm_match_name(p, matches[i].linked);
		CHECK(got == matches[i].match, "\"%s\" %s match %s", matches[i].pattern,
		      matches[i].match ? "should" : "should not", matches[i].linked);
		symm_pattern_free(p);
	}
}

/* ---- Real programs ---- */

static bool is_function(const struct elf_sym *s)
{
	return s->type == STT_FUNC;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct qualified names (linked names when there is none) of the
 * functions pattern selects, sorted and joined with " | "; and how many
 * symbols matched. */
static char *selected(struct elf_file *f, struct symm_cache *c, const char *pattern,
		      size_t *count)
{
	struct symm_pattern *p;
	const char *why;
	if (symm_pattern_new(pattern, &p, &why) < 0)
		return xstrdup(why);
	size_t n;
	const struct elf_sym *syms = elf_syms(f, &n);
	const char **found = xmalloc((n + 1) * sizeof(*found));
	size_t k = 0, len = 1;
	for (size_t i = 0; i < n; i++) {
		if (!is_function(&syms[i]) || !symm_match(c, p, &syms[i]))
			continue;
		const char *q = symm_qualified(c, &syms[i]);
		found[k++] = q ? q : syms[i].name;
	}
	*count = k;
	qsort(found, k, sizeof(*found), cmp_str);
	for (size_t i = 0; i < k; i++)
		len += strlen(found[i]) + 3;
	char *out = xmalloc(len);
	out[0] = '\0';
	for (size_t i = 0; i < k; i++) {
		if (i > 0 && strcmp(found[i], found[i - 1]) == 0)
			continue;
		if (out[0])
			strcat(out, " | ");
		strcat(out, found[i]);
	}
	free(found);
	symm_pattern_free(p);
	return out;
}

#define STRIPPED_TOO 1   /* exported, so also in a stripped file's .dynsym */
#define ANY_COUNT ((size_t)-1)

static const struct {
	const char *pattern, *want;
	size_t count;       /* symbols matched, when every compiler agrees */
	int flags;
} selections[] = {
	{ "geo::*", "geo::name | geo::operator< <int> | geo::operator<<=<int> | geo::tf<double> | "
	  "geo::tf<int> | geo::twice | geo::twice.isra.0", 8, STRIPPED_TOO },
	{ "geo::Counter::*", "geo::Counter::Counter | geo::Counter::bump | "
	  "geo::Counter::bump.cold | geo::Counter::get<int> | geo::Counter::get<long> | "
	  "geo::Counter::operator int | geo::Counter::operator() | geo::Counter::operator< | "
	  "geo::Counter::operator<< | geo::Counter::~Counter", ANY_COUNT, STRIPPED_TOO },
	{ "geo::*::*", "geo::Box<int>::get | geo::Counter::Counter | geo::Counter::bump | "
	  "geo::Counter::bump.cold | geo::Counter::get<int> | geo::Counter::get<long> | "
	  "geo::Counter::operator int | geo::Counter::operator() | geo::Counter::operator< | "
	  "geo::Counter::operator<< | geo::Counter::~Counter | geo::v1::inl", ANY_COUNT,
	  STRIPPED_TOO },
	{ "geo::twice", "geo::twice", 2, STRIPPED_TOO },
	{ "twice", "geo::twice", 2, STRIPPED_TOO },
	{ "geo::twice*", "geo::twice | geo::twice.isra.0", 3, STRIPPED_TOO },
	{ "_ZN3geo5twiceE*", "geo::twice | geo::twice.isra.0", 3, STRIPPED_TOO },
	{ "_ZN3geo5twiceEi", "geo::twice", 1, STRIPPED_TOO },
	{ "bump", "bump | geo::Counter::bump", 3, STRIPPED_TOO },
	{ "::bump", "bump", 1, STRIPPED_TOO },
	{ "*::bump", "bump | geo::Counter::bump", 3, STRIPPED_TOO },
	{ "Counter::bump", "geo::Counter::bump", 2, STRIPPED_TOO },
	{ "Counter::bump*", "geo::Counter::bump | geo::Counter::bump.cold", 3, STRIPPED_TOO },
	{ "Counter::Counter", "geo::Counter::Counter", ANY_COUNT, STRIPPED_TOO },
	{ "Counter::~Counter", "geo::Counter::~Counter", ANY_COUNT, STRIPPED_TOO },
	{ "Counter::operator<", "geo::Counter::operator<", 1, STRIPPED_TOO },
	{ "Counter::operator<<", "geo::Counter::operator<<", 1, STRIPPED_TOO },
	{ "Counter::operator()", "geo::Counter::operator()", 1, STRIPPED_TOO },
	{ "Counter::operator int", "geo::Counter::operator int", 1, STRIPPED_TOO },
	{ "Counter::get<long>", "geo::Counter::get<long>", 1, STRIPPED_TOO },
	{ "Inner::deep", "geo::Counter::Inner::deep", 1, STRIPPED_TOO },
	{ "geo::tf", "", 0, STRIPPED_TOO },
	{ "geo::tf<int>", "geo::tf<int>", 1, STRIPPED_TOO },
	{ "geo::Box<*>::get", "geo::Box<int>::get", 1, STRIPPED_TOO },
	{ "geo::Box::get", "", 0, STRIPPED_TOO },
	{ "geo::operator<*", "geo::operator< <int> | geo::operator<<=<int>", 2, STRIPPED_TOO },
	{ "geo::name", "geo::name", 1, STRIPPED_TOO },
	{ "geo::inl", "", 0, STRIPPED_TOO },
	{ "v1::*", "geo::v1::inl", 1, STRIPPED_TOO },
	{ "er::most", "geo::deep::er::most", 1, STRIPPED_TOO },
	{ "geo::er::most", "", 0, STRIPPED_TOO },
	{ "geo::*::er::*", "geo::deep::er::most", 1, STRIPPED_TOO },
	{ "c_func", "c_func", 1, STRIPPED_TOO },
	{ "c_func*", "c_func | c_func.cold", 2, STRIPPED_TOO },
	{ "Both::g", "Both::g", 1, STRIPPED_TOO },
	{ "Both::*", "Both::Both | Both::g | Both::~Both", ANY_COUNT, STRIPPED_TOO },
	{ "_ZThn8_*", "_ZThn8_N4Both1gEv | _ZThn8_N4BothD0Ev | _ZThn8_N4BothD1Ev", 3,
	  STRIPPED_TOO },
	{ "nowhere::*", "", 0, STRIPPED_TOO },
	/* internal linkage: not exported, so not in a stripped file */
	{ "::hidden", "(anonymous namespace)::hidden", 1, 0 },
	{ "(anonymous namespace)::*", "(anonymous namespace)::hidden", 1, 0 },
	{ "*::m", "(anonymous namespace)::Anon::m | Local::m", 2, 0 },
	{ "file_static", "file_static", 1, 0 },
	{ "::file_static", "file_static", 1, 0 },
	{ "Local::m", "Local::m", 1, 0 },
	{ "::Local::m", "Local::m", 1, 0 },
	{ "with_local::Local::m", "", 0, 0 },
};

/* Names whose spelling differs between compilers are counted only. */
static const struct {
	const char *pattern;
	size_t count;
} counted[] = {
	{ "::operator()", 1 },                /* {lambda(int)#1} or $_0 */
	{ "*::operator()", 2 },               /* and Counter::operator() */
	{ "with_local::*::operator()", 0 },   /* with_local is a function, not a scope */
	{ "with_local::*", 0 },
};

/* How pp() names a match: in a file whose DWARF has the function, its
 * name with the scopes the pattern names; without, the linked name when
 * that matched (SystemTap's symbol table), else as DWARF would. */
static const struct {
	const char *pattern, *linked, *with_dwarf, *without;
} ppfuncs[] = {
	{ "*", "_ZN3geo7Counter4bumpEv", "bump", "_ZN3geo7Counter4bumpEv" },
	{ "bump", "_ZN3geo7Counter4bumpEv", "bump", "bump" },
	{ "Counter::*", "_ZN3geo7Counter4bumpEv", "Counter::bump", "Counter::bump" },
	{ "geo::*::*", "_ZN3geo7Counter4bumpEv", "geo::Counter::bump", "geo::Counter::bump" },
	{ "*::*::*::*", "_ZN3geo7Counter4bumpEv", "::geo::Counter::bump",
	  "::geo::Counter::bump" },
	{ "_ZN3geo7Counter4bump*", "_ZN3geo7Counter4bumpEv", "bump", "_ZN3geo7Counter4bumpEv" },
	{ "_ZN3geo7Counter4bumpEv", "_ZN3geo7Counter4bumpEv", "bump", "_ZN3geo7Counter4bumpEv" },
	{ "geo::*", "_ZN3geo5twiceEi.isra.0", "geo::twice.isra.0", "geo::twice.isra.0" },
	{ "::hidden", "_ZN12_GLOBAL__N_16hiddenEi", "::hidden", "::hidden" },
	{ "*::hidden", "_ZN12_GLOBAL__N_16hiddenEi", "::hidden", "::hidden" },
	{ "(anonymous namespace)::hidden", "_ZN12_GLOBAL__N_16hiddenEi", "::hidden", "::hidden" },
	{ "Local::m", "_ZZ10with_localiEN5Local1mEi", "Local::m", "Local::m" },
	{ "*::*::m", "_ZZ10with_localiEN5Local1mEi", "::Local::m", "::Local::m" },
	{ "*", "_ZThn8_N4Both1gEv", "_ZThn8_N4Both1gEv", "_ZThn8_N4Both1gEv" },
	{ "main", "main", "main", "main" },
	{ "::main", "main", "::main", "::main" },
	{ "*::main", "main", "::main", "::main" },
	{ "m*", "main", "main", "main" },
};

static void test_program(const char *name, bool stripped)
{
	const char *path = target(name);
	struct elf_file *f;
	struct elf_error err;
	if (elf_open(path, &f, &err) < 0) {
		CHECK(0, "%s: %s", path, err.msg);
		return;
	}
	struct symm_cache *c = symm_cache_new();
	for (size_t i = 0; i < sizeof(selections) / sizeof(selections[0]); i++) {
		if (stripped && !(selections[i].flags & STRIPPED_TOO))
			continue;
		size_t count;
		char *got = selected(f, c, selections[i].pattern, &count);
		CHECK(strcmp(got, selections[i].want) == 0, "%s: \"%s\" selects\n    %s\n  expected\n"
		      "    %s", name, selections[i].pattern, got, selections[i].want);
		CHECK(selections[i].count == ANY_COUNT || count == selections[i].count,
		      "%s: \"%s\" selects %zu symbols, expected %zu", name,
		      selections[i].pattern, count, selections[i].count);
		free(got);
	}
	if (!stripped) {
		for (size_t i = 0; i < sizeof(counted) / sizeof(counted[0]); i++) {
			size_t count;
			char *got = selected(f, c, counted[i].pattern, &count);
			CHECK(count == counted[i].count, "%s: \"%s\" selects %zu symbols (%s), "
			      "expected %zu", name, counted[i].pattern, count, got, counted[i].count);
			free(got);
		}
		for (size_t i = 0; i < sizeof(ppfuncs) / sizeof(ppfuncs[0]); i++) {
			struct symm_pattern *p;
			symm_pattern_new(ppfuncs[i].pattern, &p, NULL);
			const struct elf_sym *s = elf_sym_lookup(f, ppfuncs[i].linked);
			if (!s) {
				CHECK(0, "%s: no symbol %s", name, ppfuncs[i].linked);
				symm_pattern_free(p);
				continue;
			}
			CHECK(symm_match(c, p, s), "%s: \"%s\" should match %s", name,
			      ppfuncs[i].pattern, ppfuncs[i].linked);
			for (int dwarf = 0; dwarf < 2; dwarf++) {
				const char *got = symm_ppfunc(c, p, s, dwarf);
				const char *want = dwarf ? ppfuncs[i].with_dwarf : ppfuncs[i].without;
				CHECK(strcmp(got, want) == 0, "%s: ppfunc of %s for \"%s\" %s DWARF "
				      "is \"%s\", expected \"%s\"", name, ppfuncs[i].linked,
				      ppfuncs[i].pattern, dwarf ? "with" : "without", got, want);
			}
			symm_pattern_free(p);
		}
	}
	/* "*" selects every function, "*::*" every one with a qualified
	 * name ("*" matches the global scope's ""), and the cache agrees
	 * with symm_demangle(). */
	size_t n, nfunc = 0, nqual = 0, all, all2;
	const struct elf_sym *syms = elf_syms(f, &n);
	for (size_t i = 0; i < n; i++) {
		if (!is_function(&syms[i]))
			continue;
		nfunc++;
		char *q = symm_demangle(syms[i].name);
		const char *cq = symm_qualified(c, &syms[i]);
		nqual += cq != NULL;
		CHECK(q ? cq && strcmp(q, cq) == 0 : !cq, "%s: %s: cached \"%s\", demangled \"%s\"",
		      name, syms[i].name, cq ? cq : "(null)", q ? q : "(null)");
		free(q);
	}
	free(selected(f, c, "*", &all));
	free(selected(f, c, "*::*", &all2));
	CHECK(nfunc > 20 && all == nfunc && all2 == nqual, "%s: %zu functions, %zu with a "
	      "qualified name; \"*\" selects %zu, \"*::*\" %zu", name, nfunc, nqual, all, all2);
	symm_cache_free(c);
	elf_close(f);
}

/* Whatever clones GCC made at -O2: each keeps its suffix, a plain
 * qualified name does not select it, the same with '*' does. */
static void test_clones(const char *name)
{
	const char *path = target(name);
	struct elf_file *f;
	struct elf_error err;
	if (elf_open(path, &f, &err) < 0) {
		CHECK(0, "%s: %s", path, err.msg);
		return;
	}
	struct symm_cache *c = symm_cache_new();
	size_t n, clones = 0;
	const struct elf_sym *syms = elf_syms(f, &n);
	for (size_t i = 0; i < n; i++) {
		const char *dot = strchr(syms[i].name, '.');
		if (!is_function(&syms[i]) || syms[i].name[0] != '_' || syms[i].name[1] != 'Z' || !dot)
			continue;
		const char *q = symm_qualified(c, &syms[i]);
		size_t ql = q ? strlen(q) : 0, sl = strlen(dot);
		if (!q || ql <= sl || strcmp(q + ql - sl, dot) != 0) {
			CHECK(0, "%s: %s is \"%s\", without its suffix", name, syms[i].name,
			      q ? q : "(null)");
			continue;
		}
		clones++;
		char base[512];
		snprintf(base, sizeof(base), "%.*s", (int)(ql - sl), q);
		struct symm_pattern *plain, *wild;
		symm_pattern_new(base, &plain, NULL);
		strcat(base, "*");
		symm_pattern_new(base, &wild, NULL);
		CHECK(!symm_match(c, plain, &syms[i]) && symm_match(c, wild, &syms[i]),
		      "%s: %s (%s) and the pattern without its suffix", name, syms[i].name, q);
		symm_pattern_free(plain);
		symm_pattern_free(wild);
	}
	CHECK(clones >= 2, "%s: only %zu clones", name, clones);   /* two made by name */
	symm_cache_free(c);
	elf_close(f);
}

static void test_programs(void)
{
	static const char *const progs[] = { "geo-gcc", "geo-clang" };
	char path[PATH_MAX];
	for (size_t i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", target_dir, progs[i]);
		FILE *fp = fopen(path, "r");
		if (!fp) {
			CHECK(i > 0, "%s is missing", path);   /* clang is optional */
			continue;
		}
		fclose(fp);
		test_program(progs[i], false);
		snprintf(path, sizeof(path), "%s.stripped", progs[i]);
		test_program(path, true);
	}
	test_clones("geo-gcc-O2");
}

/* ---- Timing ---- */

static void bench_pattern(struct elf_file *f, struct symm_cache *c, const char *pattern,
			  bool ppfunc)
{
	struct symm_pattern *p;
	symm_pattern_new(pattern, &p, NULL);
	size_t n, matched = 0;
	const struct elf_sym *syms = elf_syms(f, &n);
	double t0 = now_ms();
	for (size_t i = 0; i < n; i++) {
		if (!is_function(&syms[i]) || !symm_match(c, p, &syms[i]))
			continue;
		matched++;
		if (ppfunc)
			(void)symm_ppfunc(c, p, &syms[i], true);
	}
	printf("  %-40s %6zu matched %8.2f ms%s\n", pattern, matched, now_ms() - t0,
	       ppfunc ? " (with ppfunc)" : "");
	symm_pattern_free(p);
}

static int bench(int argc, char **argv)
{
	static const char *const patterns[] = {
		"*", "nomatch_at_all", "llvm::*", "llvm::*", "*::getName", "getName",
		"llvm::Function::*", "llvm::*::get*", "*::*", "std::*", "_ZN4llvm*",
	};
	for (int a = 0; a < argc; a++) {
		struct elf_file *f;
		struct elf_error err;
		if (elf_open(argv[a], &f, &err) < 0) {
			fprintf(stderr, "%s: %s\n", argv[a], err.msg);
			return 1;
		}
		size_t n, nfunc = 0, mangled = 0;
		const struct elf_sym *syms = elf_syms(f, &n);
		for (size_t i = 0; i < n; i++) {
			nfunc += is_function(&syms[i]);
			mangled += is_function(&syms[i]) && strncmp(syms[i].name, "_Z", 2) == 0;
		}
		printf("%s: %zu function symbols, %zu mangled\n", argv[a], nfunc, mangled);
		/* A fresh cache for each pattern but the repeated one, which
		 * shows the cost once the names are demangled. */
		struct symm_cache *c = NULL;
		for (size_t k = 0; k < sizeof(patterns) / sizeof(patterns[0]); k++) {
			bool again = k > 0 && strcmp(patterns[k], patterns[k - 1]) == 0;
			if (!again) {
				symm_cache_free(c);
				c = symm_cache_new();
			}
			bench_pattern(f, c, patterns[k], false);
		}
		symm_cache_free(c);
		c = symm_cache_new();
		bench_pattern(f, c, "*", true);
		double t0 = now_ms();
		for (size_t i = 0; i < n; i++)
			free(symm_demangle(syms[i].name));
		printf("  symm_demangle() of every symbol              %8.2f ms\n", now_ms() - t0);
		symm_cache_free(c);
		elf_close(f);
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--bench") == 0)
		return bench(argc - 2, argv + 2);
	test_names();
	test_pattern_errors();
	test_matching();
	if (argc > 1) {
		target_dir = argv[1];
		test_programs();
	}
	return checks_done("test_symmatch");
}
