/* SPDX-License-Identifier: GPL-2.0-or-later */
/* diag.c — gcc-style diagnostics with the source line and a caret; see
 * diag.h.  Errors are counted for the driver; after DIAG_MAX_ERRORS of them
 * one line says so and the rest are counted silently, since a flood of
 * follow-on errors helps nobody. */
#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ast.h"

static FILE *output;
static int errors;
static bool stopped;
static bool no_warnings, dropping;   /* -w, and the notes of a dropped warning */
static bool werror;                  /* -W */
static enum diag_color color_mode;
static diag_context_fn *context_fn;
static void *context_ctx;
static bool in_context, context_pending;
static struct loc context_loc;

/* The notes that say how the text of the last error or warning came to
 * be compiled: after the notes its reporter adds, so before the next
 * error or warning, or when the driver asks how many errors there were. */
static void flush_context(void)
{
	if (!context_pending)
		return;
	context_pending = false;
	in_context = true;
	context_fn(context_ctx, &context_loc);
	in_context = false;
}

void diag_set_context(diag_context_fn *fn, void *ctx)
{
	if (context_fn)
		flush_context();
	context_pending = false;
	context_fn = fn;
	context_ctx = ctx;
}

static void context(const struct loc *loc)
{
	if (!context_fn || !loc || !loc->file || in_context)
		return;
	context_loc = *loc;
	context_pending = true;
}

void diag_set_output(FILE *f)
{
	output = f;
}

void diag_set_no_warnings(bool on)
{
	no_warnings = on;
}

void diag_set_warnings_are_errors(bool on)
{
	werror = on;
}

void diag_set_color(enum diag_color mode)
{
	color_mode = mode;
}

/* ---- colour ---- */

static const char *const roles[] = { "error", "warning", "note", "source", "caret", "token" };
#define NROLES (sizeof(roles) / sizeof(*roles))

/* Each role's SGR parameters: SystemTap's defaults, then what
 * SYSTEMTAP_COLORS says, as stap reads it: KEY=VALUE pairs joined by ':',
 * VALUE digits and ';' (an empty one: no colour for that role); a bad
 * pair is left out. */
static const char *sgr_param(const char *role)
{
	static char params[NROLES][32];
	static bool ready;
	if (!ready) {
		static const char *const defaults[NROLES] = { "01;31", "00;33", "01;36",
							       "00;34", "01", "01" };
		for (size_t i = 0; i < NROLES; i++)
			snprintf(params[i], sizeof(params[i]), "%s", defaults[i]);
		const char *env = getenv("SYSTEMTAP_COLORS");
		while (env && *env) {
			size_t len = strcspn(env, ":");
			const char *eq = memchr(env, '=', len);
			size_t vlen = eq ? len - (size_t)(eq - env) - 1 : 0;
			bool digits = eq && vlen < sizeof(params[0]) &&
				      strspn(eq + 1, "0123456789;") >= vlen;
			for (size_t i = 0; digits && i < NROLES; i++)
				if (strlen(roles[i]) == (size_t)(eq - env) &&
				    strncmp(roles[i], env, (size_t)(eq - env)) == 0)
					snprintf(params[i], sizeof(params[i]), "%.*s", (int)vlen,
						 eq + 1);
			env += len + (env[len] == ':');
		}
		ready = true;
	}
	for (size_t i = 0; i < NROLES; i++)
		if (strcmp(roles[i], role) == 0)
			return params[i];
	return "";
}

static bool colored(FILE *f)
{
	if (color_mode != DIAG_COLOR_AUTO)
		return color_mode == DIAG_COLOR_ALWAYS;
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
	if ((no && *no) || (term && strcmp(term, "dumb") == 0))
		return false;
	return isatty(fileno(f));
}

const char *diag_sgr(FILE *f, const char *role)
{
	static char seqs[NROLES][48];
	const char *param = sgr_param(role);
	if (!*param || !colored(f))
		return "";
	size_t i = 0;
	while (i < NROLES && strcmp(roles[i], role) != 0)
		i++;
	snprintf(seqs[i], sizeof(seqs[i]), "\033[%sm\033[K", param);
	return seqs[i];
}

const char *diag_sgr_end(FILE *f)
{
	return colored(f) ? "\033[m\033[K" : "";
}

int diag_errors(void)
{
	flush_context();
	return errors;
}

void diag_reset(void)
{
	errors = 0;
	stopped = false;
}

static FILE *out(void)
{
	return output ? output : stderr;
}

/*     3 | probe begin { foo() }
 *       |               ^~~
 * Tabs before the caret are copied from the line so it lines up however
 * the terminal expands them. */
static void show_source(FILE *f, const struct loc *loc)
{
	const struct src_file *file = loc->file;
	if (!file->text || loc->line < 1 || loc->col < 1)
		return;

	const char *p = file->text, *end = file->text + file->len;
	for (int line = 1; line < loc->line; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return;
		p = nl + 1;
	}
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	size_t len = (size_t)((nl ? nl : end) - p);
	if (len && p[len - 1] == '\r')
		len--;

	int width = 5;
	for (int n = loc->line; n >= 100000; n /= 10)
		width++;
	fprintf(f, "%*d | ", width, loc->line);
	/* The span in the token's colour, the rest in the source's. */
	size_t from = (size_t)loc->col - 1, to = from + 1;
	if (loc->end_line == loc->line && loc->end_col > loc->col)
		to = (size_t)loc->end_col;
	if (from > len)
		from = len;
	if (to > len)
		to = len;
	const char *src = diag_sgr(f, "source");
	fprintf(f, "%s%.*s", src, (int)from, p);
	fprintf(f, "%s%s%.*s", diag_sgr_end(f), diag_sgr(f, "token"), (int)(to - from), p + from);
	fprintf(f, "%s%s%.*s%s", diag_sgr_end(f), src, (int)(len - to), p + to, diag_sgr_end(f));
	fprintf(f, "\n%*s | ", width, "");

	size_t col = (size_t)loc->col;
	for (size_t i = 0; i + 1 < col; i++)
		fputc(i < len && p[i] == '\t' ? '\t' : ' ', f);
	fputs(diag_sgr(f, "caret"), f);
	fputc('^', f);
	if (loc->end_line == loc->line && loc->end_col > loc->col) {
		size_t last = (size_t)loc->end_col;
		if (last > len)
			last = len > col ? len : col;
		for (size_t i = col; i < last; i++)
			fputc('~', f);
	}
	fputs(diag_sgr_end(f), f);
	fputc('\n', f);
}

static void report(const char *kind, const struct loc *loc, const char *fmt, va_list ap)
{
	FILE *f = out();
	if (loc && loc->file)
		fprintf(f, "%s:%d:%d: %s%s:%s ", loc->file->name, loc->line, loc->col,
			diag_sgr(f, kind), kind, diag_sgr_end(f));
	else
		fprintf(f, "uscript: %s%s:%s ", diag_sgr(f, kind), kind, diag_sgr_end(f));
	vfprintf(f, fmt, ap);
	fputc('\n', f);
	if (loc && loc->file)
		show_source(f, loc);
}

static int hushed, hushed_errors;

int diag_hush(void)
{
	hushed++;
	return hushed_errors;
}

int diag_unhush(int mark)
{
	hushed--;
	return hushed_errors - mark;
}

void diag_error(const struct loc *loc, const char *fmt, ...)
{
	if (hushed) {
		hushed_errors++;
		return;
	}
	flush_context();
	errors++;
	dropping = false;
	if (stopped)
		return;
	if (errors > DIAG_MAX_ERRORS) {
		fputs("uscript: too many errors, stopping\n", out());
		stopped = true;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	report("error", loc, fmt, ap);
	va_end(ap);
	context(loc);
}

void diag_warning(const struct loc *loc, const char *fmt, ...)
{
	flush_context();
	dropping = no_warnings && !werror;
	if (stopped || dropping || hushed)
		return;
	if (werror)
		errors++;
	va_list ap;
	va_start(ap, fmt);
	report(werror ? "error" : "warning", loc, fmt, ap);
	va_end(ap);
	context(loc);
}

void diag_note(const struct loc *loc, const char *fmt, ...)
{
	if (stopped || dropping || hushed)
		return;
	va_list ap;
	va_start(ap, fmt);
	report("note", loc, fmt, ap);
	va_end(ap);
}
