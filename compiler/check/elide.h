/* SPDX-License-Identifier: GPL-2.0-or-later */
/* elide.h — what runs without effect is not compiled, as SystemTap's
 * optimiser leaves it out (stap's pass 2; `-u` turns it off).
 *
 * An effect is a write to a global (an array, a statistic, a scalar), to a
 * local of the handler the code is in, or to target memory; output
 * (print, printf, the backtraces that print); exit() and error(); embedded
 * C; `next` inside a function; and a call of a script function that has
 * one.  Reading memory (user_string, $var, @cast) has none, though it may
 * fault: code whose only purpose is to read is left out, and so is its
 * fault.  A builtin is taken for one with effects until elide.c's list of
 * pure builtins names it.
 *
 * Before resolution, elide_library() takes out the library's functions
 * that no code calls and its globals that no code names: they are never
 * typed, so a file pulled in for one function does not fail on the types
 * of the others.  This happens with -u too: SystemTap never takes them in.
 *
 * After resolution, elide_script() repeats, until nothing changes: a
 * function no probe calls is not compiled; a local or global that nothing
 * names any more is dropped; `x = e`, where nothing reads the local x,
 * becomes `e`; a statement that is an expression without effect is
 * removed, and so are an `if` or a loop left with nothing to run whose
 * condition has no effect, and a try whose body is empty.  Each step in
 * the user's own files (not in the library's) draws SystemTap's warning:
 * "Eliding unused function 'f'", "Eliding unused variable 'x'", "Eliding
 * assignment to 'x'" (at the operator), "Eliding side-effect-free
 * expression", and "side-effect-free function 'f'" for a function left
 * with nothing to run.  As stap does without -v, a message given once is
 * not given again for another place; a last note counts those left
 * out.
 *
 * elide_library.c holds the first part, elide.c the second. */
#ifndef USCRIPT_ELIDE_H
#define USCRIPT_ELIDE_H

#include "parse/ast.h"
#include "resolve.h"

struct compile_opts;

/* After alias expansion and slices, before resolve_script(). */
void elide_library(struct script *s);

/* After resolve_script() and the probe points resolved without error,
 * before target variables are: what is left out is never looked up. */
void elide_script(struct script *s, struct resolved *r, const struct compile_opts *opts);

#endif
