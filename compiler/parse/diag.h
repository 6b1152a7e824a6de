/* SPDX-License-Identifier: GPL-2.0-or-later */
/* diag.h — diagnostics: every message names file:line:col, shows the line
 * and a caret under the span.
 *
 *   prog.up:3:14: error: unknown function 'foo'
 *       3 | probe begin { foo() }
 *         |               ^~~
 *
 * Errors are counted, never fatal: each pass reports all it finds and the
 * driver stops after the pass if diag_errors() is not zero.  A note follows
 * the error it explains.  A NULL location prints "uscript: error: …". */
#ifndef USCRIPT_DIAG_H
#define USCRIPT_DIAG_H

#include <stdbool.h>
#include <stdio.h>

struct loc;

void diag_error(const struct loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void diag_warning(const struct loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void diag_note(const struct loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

int diag_errors(void);
/* Between diag_hush() and diag_unhush(), messages are neither printed nor
 * counted by diag_errors(): @defined tries whether an expression resolves.
 * diag_unhush(mark), given what diag_hush() returned, returns the errors
 * there were in between; hushes nest. */
int diag_hush(void);
int diag_unhush(int mark);
void diag_reset(void);
/* Where messages go; stderr unless a test says otherwise. */
void diag_set_output(FILE *f);
/* -w: no warnings (and none of the notes that follow one). */
void diag_set_no_warnings(bool on);
/* -W: warnings are errors (and make the pass fail). */
void diag_set_warnings_are_errors(bool on);

/* A hook called for each error and warning at a location, to add notes
 * on how that text came to be compiled (the tapset's "called from here"),
 * after the notes of the error's own reporter: at the next error or
 * warning, at diag_errors(), or when the hook is changed.  NULL: none.
 * What it reports itself calls no hook. */
typedef void diag_context_fn(void *ctx, const struct loc *loc);
void diag_set_context(diag_context_fn *fn, void *ctx);

/* Colour, as stap's --color: AUTO colours a terminal unless NO_COLOR is
 * set (and not empty) or TERM is "dumb"; the colours are SystemTap's,
 * changed by SYSTEMTAP_COLORS ("error=01;31:warning=00;33:source=00;34:
 * caret=01:token=01", and uscript's note=01;36). */
enum diag_color { DIAG_COLOR_AUTO, DIAG_COLOR_ALWAYS, DIAG_COLOR_NEVER };
void diag_set_color(enum diag_color mode);
/* The escape sequence that starts ROLE ("error", "warning", "note",
 * "source", "caret", "token") on stream f, and the one that ends it: ""
 * when f gets no colour.  For the runtime's ERROR: and WARNING: lines. */
const char *diag_sgr(FILE *f, const char *role);
const char *diag_sgr_end(FILE *f);

/* More than this many errors, and the rest are summarised in one line. */
#define DIAG_MAX_ERRORS 50

#endif
