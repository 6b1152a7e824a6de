/* SPDX-License-Identifier: GPL-2.0-or-later */
/* symmatch.h — which functions a probe point's NAME names, decided as
 * SystemTap decides it for C and C++, and how pp() names each.
 *
 * A symbol matches NAME in either of two ways:
 *
 *  1. By its name as linked, mangled for C++ ("_ZN3geo5twiceEi", "main"):
 *     fnmatch(3) when NAME has a wildcard (* ? [), equality otherwise.
 *     This is SystemTap's ELF symbol table, and how "_ZN3geo*" selects one
 *     overload.
 *
 *  2. By its qualified name: the demangled name without return type,
 *     parameters and method qualifiers ("geo::Counter::bump"; a C symbol's
 *     qualified name is its linked name).  NAME and the qualified name are
 *     cut at "::" (outside template arguments) and compared component by
 *     component from the function outward, each with fnmatch — so a
 *     wildcard never crosses "::".  This is SystemTap's DWARF rule, where
 *     the function is compared with its DW_AT_name and each scope with the
 *     name of the enclosing namespace or class (dwflpp.cxx,
 *     function_scope_matches).  It follows that
 *       - "geo::*" matches geo::twice, not geo::Counter::bump;
 *       - NAME needs no more scopes than it wants to check: "bump",
 *         "Counter::bump" and "geo::Counter::bump" all match
 *         geo::Counter::bump, and "*" matches every function;
 *       - a leading "::" is the global scope: "::main" matches main but not
 *         ns::main ("*::f" matches a global f too, as in SystemTap);
 *       - template arguments are part of their component: "geo::tf<int>",
 *         "geo::Box<*>::get"; "geo::tf" does not match geo::tf<int>;
 *       - every overload matches: each is its own symbol with the same
 *         qualified name;
 *       - unnamed scopes — "(anonymous namespace)", a lambda's
 *         "{lambda(int)#1}", "{unnamed type#1}", clang's "$_0" — also match
 *         as "", the name SystemTap sees for them in DWARF: "::hidden"
 *         matches (anonymous namespace)::hidden;
 *       - only namespaces and classes are scopes, as SystemTap walks up
 *         the DWARF: a local class's method is "Local::method", not
 *         "func::Local::method", a lambda's call operator
 *         "{lambda(int)#1}::operator()".
 *     SystemTap matches qualified names only through DWARF; uscript does
 *     it from the symbol table, so stripped files and libraries match too.
 *
 * Qualified names: constructors and destructors are "Klass::Klass" and
 * "Klass::~Klass"; operators "ns::operator<<", "Klass::operator()",
 * "Klass::operator int"; ABI tags ("[abi:cxx11]") are dropped; what
 * encloses a local class or a lambda's function is dropped with the
 * function (where the compiler puts the function's DWARF decides whether
 * SystemTap sees a namespace around it; uscript takes it that it does
 * not).  GCC's clones keep their suffix on
 * the last component, as C functions do in their linked name:
 * "geo::twice.isra.0", "main.cold".  So "geo::twice" does not match a
 * clone (a different entry point: changed arguments, or no entry at all)
 * while "geo::twice*" does.  Thunks, vtables, guard variables and other
 * special names have no qualified name: they match by linked name only.
 *
 * Demangling is libstdc++'s __cxa_demangle, done at most once per symbol,
 * and only for symbols that the linked name does not already decide and
 * that could match (what a component of NAME starts with, "geo" of
 * "geo::*" or "get" of "get*", must occur in the mangled name), so
 * matching function("*") demangles nothing; naming its matches does only
 * in files with DWARF. */
#ifndef USCRIPT_SYMMATCH_H
#define USCRIPT_SYMMATCH_H

#include <stdbool.h>

#include "binary/elfsym.h"

/* ---- Patterns ---- */

struct symm_pattern;

/* Compiles NAME, the function part of function("NAME") (without any
 * "@file:line").  Returns 0, or -EINVAL with *why (may be NULL) set to a
 * static sentence when there is no function name: "", "geo::". */
int symm_pattern_new(const char *name, struct symm_pattern **out,
		     const char **why);
void symm_pattern_free(struct symm_pattern *p);

/* Whether NAME has a wildcard, so that matching nothing is "no match"
 * rather than "no such function". */
bool symm_pattern_is_wild(const struct symm_pattern *p);

/* ---- Symbols ---- */

/* Demangled names, one per symbol, computed on first use and kept until
 * symm_cache_free().  Keyed by the elf_sym's address, so one cache serves
 * every file of a compilation as long as the files stay open. */
struct symm_cache;
struct symm_cache *symm_cache_new(void);
void symm_cache_free(struct symm_cache *c);

/* Whether s matches p in either way above. */
bool symm_match(struct symm_cache *c, const struct symm_pattern *p,
		const struct elf_sym *s);

/* The qualified name of s ("geo::Counter::bump"); its linked name for a C
 * symbol; NULL for a C++ special name or one the demangler rejects. */
const char *symm_qualified(struct symm_cache *c, const struct elf_sym *s);

/* The function as pp() names it and ppfunc() returns it, for a symbol
 * that matches p; dwarf says whether the file's DWARF describes the
 * function.  SystemTap looks in DWARF first, and prints the function's
 * DW_AT_name with as many scopes as NAME has: "twice" for function("*"),
 * "Counter::bump" for function("Counter::*"), "geo::Counter::bump" for
 * function("geo::*::*"), "::main" for function("::main"), "::hidden" for
 * function("*::hidden") in an anonymous namespace; and just "twice" when
 * NAME is a mangled name.  A function DWARF does not describe it finds in
 * the symbol table, by linked name, and prints that: "_ZN3geo5twiceEi"
 * for function("*").  Only uscript finds such a function by qualified
 * name, and names it as DWARF would.  Lives as long as c. */
const char *symm_ppfunc(struct symm_cache *c, const struct symm_pattern *p,
			const struct elf_sym *s, bool dwarf);

/* ---- Names, without a cache ---- */

/* The qualified name of a linked name, as symm_qualified() gives it, in
 * malloc()ed memory (free it), or NULL. */
char *symm_demangle(const char *linked);

/* Whether a symbol of this linked name matches p. */
bool symm_match_name(const struct symm_pattern *p, const char *linked);

#endif
