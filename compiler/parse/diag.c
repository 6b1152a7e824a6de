/* SPDX-License-Identifier: GPL-2.0-or-later */
/* diag.c — gcc-style diagnostics with the source line and a caret; see
 * diag.h.  Errors are counted for the driver; after DIAG_MAX_ERRORS of them
 * one line says so and the rest are counted silently, since a flood of
 * follow-on errors helps nobody. */
#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "ast.h"

static FILE *output;
static int errors;
static bool stopped;

void diag_set_output(FILE *f)
{
	output = f;
}

int diag_errors(void)
{
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
	fwrite(p, 1, len, f);
	fprintf(f, "\n%*s | ", width, "");

	size_t col = (size_t)loc->col;
	for (size_t i = 0; i + 1 < col; i++)
		fputc(i < len && p[i] == '\t' ? '\t' : ' ', f);
	fputc('^', f);
	if (loc->end_line == loc->line && loc->end_col > loc->col) {
		size_t last = (size_t)loc->end_col;
		if (last > len)
			last = len > col ? len : col;
		for (size_t i = col; i < last; i++)
			fputc('~', f);
	}
	fputc('\n', f);
}

static void report(const char *kind, const struct loc *loc, const char *fmt, va_list ap)
{
	FILE *f = out();
	if (loc && loc->file)
		fprintf(f, "%s:%d:%d: %s: ", loc->file->name, loc->line, loc->col, kind);
	else
		fprintf(f, "uscript: %s: ", kind);
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
	errors++;
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
}

void diag_warning(const struct loc *loc, const char *fmt, ...)
{
	if (stopped || hushed)
		return;
	va_list ap;
	va_start(ap, fmt);
	report("warning", loc, fmt, ap);
	va_end(ap);
}

void diag_note(const struct loc *loc, const char *fmt, ...)
{
	if (stopped || hushed)
		return;
	va_list ap;
	va_start(ap, fmt);
	report("note", loc, fmt, ap);
	va_end(ap);
}
