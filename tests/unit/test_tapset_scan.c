/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_tapset_scan.c — unit tests of the scanner that indexes tapset files
 * (compiler/tapset/scan.c): the definitions at the top level of a file,
 * with functions' numbers of parameters, and nothing that only looks like
 * one (in a comment, a string, embedded C or a body). */
#include "tapset/scan.h"

#include "check.h"

static char found[2048];

static void add(void *ctx, enum tapset_kind kind, const char *name, size_t len, int arity)
{
	(void)ctx;
	static const char *const kinds[] = { "function", "global", "alias", "macro" };
	size_t n = strlen(found);
	snprintf(found + n, sizeof(found) - n, "%s%s %.*s", n ? "; " : "", kinds[kind],
		 (int)len, name);
	if (kind == TAPSET_FUNCTION) {
		n = strlen(found);
		snprintf(found + n, sizeof(found) - n, "/%d", arity);
	}
}

static void scan(const char *text, const char *want)
{
	found[0] = '\0';
	tapset_scan(text, strlen(text), add, NULL);
	CHECK(strcmp(found, want) == 0, "%s\n  gave: %s\n  want: %s", show(text), found, want);
}

int main(void)
{
	scan("function f() {}", "function f/0");
	scan("function f:long(a:long, b) { return a }", "function f/2");
	scan("function g (x) %{ /* C */ if (x) { } %}", "function g/1");
	scan("private function p(a, b, c) { }", "function p/3");
	scan("function f(a) : 2 { }", "function f/1");
	scan("global a, b[10], c = 5, d = -1, e = \"s\"\nfunction h() {}",
	     "global a; global b; global c; global d; global e; function h/0");
	scan("global x probe begin { }", "global x");
	scan("probe syscall.open = kernel.function(\"x\") { }", "alias syscall.open");
	scan("probe a.b += process.function(\"f\") { }", "alias a.b");
	scan("probe begin { function = 1 }", "");
	scan("probe p.q { x = 1 }\nprobe r == 1", "");
	scan("@define m(a) %( @a + 1 %)\n@define n %( 2 %)", "macro m; macro n");
	/* What only looks like a definition. */
	scan("# function no1()\n// function no2()\n/* function no3() */", "");
	scan("probe begin { print(\"} function no4() {\") }", "");
	scan("%{ } function no5() { %}", "");
	scan("function f() { if (1) { function_like() } }\nfunction g(a) {}",
	     "function f/0; function g/1");
	scan("%( arch == \"x86_64\" %? function a1() {} %: function a1(x) {} %)",
	     "function a1/0; function a1/1");
	/* Unfinished text ends the scan, nothing more. */
	scan("function", "");
	scan("function f(a, b", "function f/2");
	scan("/* open", "");
	scan("\"open", "");
	return checks_done("test_tapset_scan");
}
