/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ppcond.c — what a preprocessor condition `NAME OPERATOR VALUE` is worth,
 * as SystemTap's parser evaluates it; see preproc_impl.h.  Names are
 * compared as SystemTap compares them: arch, runtime and CONFIG_ options
 * with fnmatch patterns under == and !=, versions with strverscmp, and the
 * privilege as a whole word. */
#define _GNU_SOURCE
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "preproc_impl.h"

/* What uscript answers to SystemTap's conditions; see doc/guide.md. */
#define PP_SYSTEMTAP_V "5.0"   /* the SystemTap whose language it follows */
#define PP_RUNTIME "bpf"       /* SystemTap's name for its BPF back end */

static bool is(const struct pp_tok *t, int kind)
{
	return t->kind == kind;
}

static void read_uname(struct pp_host *h)
{
	if (h->have_uname)
		return;
	h->have_uname = true;
	struct utsname u;
	if (uname(&u) != 0)
		memset(&u, 0, sizeof(u));
	const char *rel = h->kernel_release ? h->kernel_release :
			  u.release;
	snprintf(h->kernel_vr, sizeof(h->kernel_vr), "%s", rel);
	/* kernel_v is the release without its "-…" build suffix. */
	snprintf(h->kernel_v, sizeof(h->kernel_v), "%.*s", (int)strcspn(rel, "-"), rel);
	/* SystemTap's names for the machine, as its configure normalises them. */
	static const struct { const char *pattern, *arch; } names[] = {
		{ "i?86", "i386" }, { "armv*", "arm" }, { "aarch64", "arm64" },
		{ "ppc*", "powerpc" }, { "s390*", "s390" }, { "mips*", "mips" },
		{ "sparc*", "sparc" }, { "sh[0-9]*", "sh" }, { "riscv*", "riscv" },
	};
	snprintf(h->arch, sizeof(h->arch), "%s", u.machine);
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (fnmatch(names[i].pattern, u.machine, 0) == 0)
			snprintf(h->arch, sizeof(h->arch), "%s", names[i].arch);
}

/* The running kernel's configuration, from /boot/config-RELEASE or else
 * /proc/config.gz (through gzip, read only if a condition names CONFIG_). */
static const char *kernel_config(struct pp_host *h, const char *name)
{
	if (!h->have_config) {
		h->have_config = true;
		struct utsname u;
		char path[128 + sizeof(u.release)];
		FILE *f = NULL;
		bool piped = false;
		if (uname(&u) == 0) {
			snprintf(path, sizeof(path), "/boot/config-%s", u.release);
			f = fopen(path, "r");
		}
		if (!f && access("/proc/config.gz", R_OK) == 0) {
			f = popen("gzip -dc /proc/config.gz 2>/dev/null", "r");
			piped = f != NULL;
		}
		if (f) {
			size_t size = 0;
			FILE *mem = open_memstream(&h->config, &size);
			char buf[8192];
			size_t n;
			while (mem && (n = fread(buf, 1, sizeof(buf), f)) > 0)
				fwrite(buf, 1, n, mem);
			if (mem)
				fclose(mem);
			if (piped)
				pclose(f);
			else
				fclose(f);
		}
	}
	/* "CONFIG_X=value" at the start of a line; unset is "". */
	size_t len = strlen(name);
	for (const char *line = h->config; line && *line;) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		if (n > len && strncmp(line, name, len) == 0 && line[len] == '=') {
			const char *v = line + len + 1;
			size_t vlen = n - len - 1;
			if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"') {
				v++;
				vlen -= 2;
			}
			return arena_strndup(h->arena, v, vlen);
		}
		line = nl ? nl + 1 : NULL;
	}
	return "";
}

static bool is_cmp(const struct pp_tok *op)
{
	return is(op, TOK_EQ) || is(op, TOK_NE) || is(op, '<') || is(op, '>') ||
	       is(op, TOK_LE) || is(op, TOK_GE);
}

static bool compare(int c, const struct pp_tok *op)
{
	switch (op->kind) {
	case TOK_EQ: return c == 0;
	case TOK_NE: return c != 0;
	case '<': return c < 0;
	case '>': return c > 0;
	case TOK_LE: return c <= 0;
	default: return c >= 0;
	}
}

static int cmp_num(int64_t a, int64_t b)
{
	return a < b ? -1 : a > b;
}

static bool parse_num(const char *s, int64_t *v)
{
	char *end;
	if (!*s)
		return false;
	*v = strtoll(s, &end, 0);
	return *end == '\0';
}

/* A name against a pattern: == and != only, with fnmatch wildcards. */
static bool match(const char *value, const struct pp_tok *op, const struct pp_tok *r,
		  bool *ok)
{
	if (!is(r, TOK_STRING)) {
		diag_error(&r->loc, "expected a string literal");
		*ok = false;
		return false;
	}
	if (!is(op, TOK_EQ) && !is(op, TOK_NE)) {
		diag_error(&op->loc, "expected '==' or '!='");
		*ok = false;
		return false;
	}
	bool same = fnmatch(r->val.str.s, value, FNM_NOESCAPE) == 0;
	return is(op, TOK_EQ) ? same : !same;
}

bool ppcond_eval(struct pp_host *h, const struct pp_tok *l, const struct pp_tok *op,
		 const struct pp_tok *r, bool *ok)
{
	if (is(l, TOK_AT_WORD) && strcmp(l->val.id, "@defined") == 0) {
		diag_error(&l->loc, "'@defined' cannot be a preprocessor condition: it is "
			   "known only after resolution; test it with 'if (@defined(...))' "
			   "or '@defined(...) ? a : b'");
		*ok = false;
		return false;
	}
	if (!is_cmp(op)) {
		diag_error(&op->loc, "expected a comparison operator ('==', '!=', '<', '<=', "
			   "'>' or '>=')");
		*ok = false;
		return false;
	}
	const char *name = is(l, TOK_IDENT) ? l->val.id : "";
	if (!strcmp(name, "kernel_v") || !strcmp(name, "kernel_vr") ||
	    !strcmp(name, "systemtap_v")) {
		read_uname(h);
		const char *have = !strcmp(name, "kernel_v") ? h->kernel_v :
				   !strcmp(name, "kernel_vr") ? h->kernel_vr : PP_SYSTEMTAP_V;
		if (!is(r, TOK_STRING)) {
			diag_error(&r->loc, "expected a string literal");
			*ok = false;
			return false;
		}
		if (strpbrk(r->val.str.s, "*?[")) {
			if (is(op, TOK_EQ) || is(op, TOK_NE))
				return match(have, op, r, ok);
			diag_error(&op->loc, "wildcard not allowed with order comparison "
				   "operators");
			*ok = false;
			return false;
		}
		return compare(strverscmp(have, r->val.str.s), op);
	}
	if (!strcmp(name, "arch")) {
		read_uname(h);
		return match(h->arch, op, r, ok);
	}
	if (!strcmp(name, "runtime"))
		return match(PP_RUNTIME, op, r, ok);
	if (!strcmp(name, "systemtap_privilege")) {
		/* BPF needs root, which is SystemTap's stapdev; compared whole,
		 * with no wildcards, as SystemTap does. */
		if (!is(r, TOK_STRING) || (!is(op, TOK_EQ) && !is(op, TOK_NE))) {
			diag_error(is(r, TOK_STRING) ? &op->loc : &r->loc, "%s",
				   is(r, TOK_STRING) ? "expected '==' or '!='" :
				   "expected a string literal");
			*ok = false;
			return false;
		}
		bool same = strcmp(r->val.str.s, geteuid() == 0 ? "stapdev" : "stapusr") == 0;
		return is(op, TOK_EQ) ? same : !same;
	}
	if (!strcmp(name, "guru_mode")) {
		if (!is(r, TOK_NUMBER) || (r->val.num.v != 0 && r->val.num.v != 1)) {
			diag_error(&r->loc, "expected 0 or 1");
			*ok = false;
			return false;
		}
		if (!is(op, TOK_EQ) && !is(op, TOK_NE)) {
			diag_error(&op->loc, "expected '==' or '!='");
			*ok = false;
			return false;
		}
		return compare(cmp_num(0, r->val.num.v), op);  /* uscript has no guru mode */
	}
	if (!strncmp(name, "CONFIG_", 7)) {
		const char *have = kernel_config(h, name);
		int64_t a, b;
		if (is(r, TOK_STRING))
			return match(have, op, r, ok);
		if (is(r, TOK_NUMBER)) {
			if (!parse_num(have, &a)) {
				diag_error(&l->loc, "%s is '%s', not a number", name, have);
				*ok = false;
				return false;
			}
			return compare(cmp_num(a, r->val.num.v), op);
		}
		if (is(r, TOK_IDENT) && !strncmp(r->val.id, "CONFIG_", 7)) {
			const char *other = kernel_config(h, r->val.id);
			if (parse_num(have, &a) && parse_num(other, &b))
				return compare(cmp_num(a, b), op);
			return compare(strcmp(have, other), op);
		}
		diag_error(&r->loc, "expected a string, a number or a CONFIG_... option");
		*ok = false;
		return false;
	}
	if (is(l, TOK_STRING) && is(r, TOK_STRING))
		return compare(strcmp(l->val.str.s, r->val.str.s), op);
	if (is(l, TOK_NUMBER) && is(r, TOK_NUMBER))
		return compare(cmp_num(l->val.num.v, r->val.num.v), op);
	if (is(l, TOK_STRING) || is(l, TOK_NUMBER)) {
		diag_error(&r->loc, "expected a %s literal to compare with",
			   is(l, TOK_STRING) ? "string" : "number");
		*ok = false;
		return false;
	}
	diag_error(&l->loc, "expected 'arch', 'kernel_v', 'kernel_vr', 'systemtap_v', "
		   "'runtime', 'systemtap_privilege', 'guru_mode', 'CONFIG_...', or a "
		   "comparison of two strings or two numbers");
	*ok = false;
	return false;
}

void ppcond_release(struct pp_host *h)
{
	free(h->config);
	h->config = NULL;
}
