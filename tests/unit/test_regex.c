/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_regex.c — unit tests of the regex compiler (compiler/check/regex*.c).
 *
 * Three parts: SystemTap's own cases (its testsuite's runok/regex.stp),
 * with the results it expects; the errors, with the place and words of
 * each; and many random patterns and strings, whose result must be glibc's
 * regexec (REG_EXTENDED) wherever both compile the pattern.  The random
 * patterns keep to the syntax where SystemTap's dialect is POSIX's: no
 * backslashes (C escapes, in brackets too, are SystemTap's), and no
 * anchors in groups, where glibc errs. */
#include <regex.h>

#include "check/regex.h"

#include "check.h"

static int search(const char *pat, const char *s)
{
	struct regex re;
	struct regex_error err;
	if (regex_compile(pat, strlen(pat), &re, &err) < 0)
		return -1;
	int r = regex_search(&re, s);
	regex_free(&re);
	return r;
}

/* SystemTap's cases: 0 must match, 1 must not. */
static const struct { int code; const char *re, *s; } stap_cases[] = {
	{ 0, "\\\\", "\\" }, { 0, "abc", "xabcy" }, { 0, "ab*bc", "abbbbc" },
	{ 1, "^abc$", "abcc" }, { 1, "a[b-d]e", "abd" }, { 0, "a[b-d]e", "ace" },
	{ 0, "a\\(*b", "a((b" }, { 0, "(a+|b)*", "ab" }, { 1, "^(ab|cd)e", "abcde" },
	{ 0, "(bc+d$|ef*g.|h?i(j|k))", "ij" }, { 1, "(bc+d$|ef*g.|h?i(j|k))", "effg" },
	{ 0, "(((((((((a)))))))))", "a" }, { 1, "\\((.*),", "(.*)\\)" }, { 0, "", "" },
	{ 0, "s*", "ssss" }, { 1, "abc", "ab" }, { 0, "^", "abc" }, { 1, "a^", "abc" },
	{ 1, "ab^c", "abc" }, { 0, "a*^b", "b" }, { 0, "abc", "zabc" }, { 0, ".*", "stuffs" },
	{ 0, "$.*", "" }, { 1, "$a^", "a" }, { 0, "$.*", "a" }, { 1, "$.+", "a" },
	{ 0, ".*^", "" }, { 0, ".*^", "a" }, { 1, ".+^", "a" }, { 1, "a^b", "ab" },
	{ 1, "e$f", "ef" }, { 0, "[^ab]", "c" }, { 0, "h$", "abh" },
	{ 0, "^a(bc+|b[eh])g|.h$", "abh" }, { 0, "^|$", "" }, { 0, "a|$", "" },
	{ 1, "^[[:cntrl:]]$", "q" }, { 0, "^[[:graph:]]+$", "excibitobabble" },
	{ 1, "^[[:graph:]]+$", "many words" }, { 0, "^[[:print:]]+$", "many words" },
	{ 0, "[\\^a]", "a" }, { 1, "[\\^a]", "b" }, { 0, "[\\[:alpha:]]", ":]" },
	{ 1, "[\\[:alpha:]]", ":" }, { 0, "[\\[:alpha:]", ":" }, { 0, "a[-b]", "a-" },
	{ 0, "a[b-]", "a-" }, { 0, "a]", "a]" }, { 0, "a[]]b", "a]b" }, { 1, "a[^]b]c", "a]c" },
	{ 0, "a[^]b]c", "adc" }, { 0, "()ef", "def" }, { 0, "()*", "-" }, { 1, "$b", "b" },
	{ 0, "a\\(b", "a(b" }, { 0, "a**", "-" }, { 0, "(^)*", "-" },
	{ 0, "(a|)*", "-" }, { 0, "[[:digit:]]+", "01234" }, { 1, "[[:alpha:]]+", "01234" },
	{ 0, "^[[:alnum:][:space:]]*$", "Hello world" }, { 1, "^[[:xdigit:]]*$", "01234g" },
	{ 0, "M[ou]'?am+[ae]r .*([AEae]l[- ])?[GKQ]h?[aeu]+([dtz][dhz]?)+af[iy]",
	  "Mulazim Awwal Mu'ammar Muhammad Abu Minyar al-Qadhafi" },
	{ 0, "ab{0}c", "ac" }, { 1, "ab{0}c", "abc" }, { 0, "ab{1}{1}c", "abc" },
	{ 0, "ab{2}{2}c", "abbbbc" }, { 1, "ab{2}{2}c", "abbbbbc" }, { 0, "ab{0}+c", "ac" },
	{ 0, "b.*foo", "b\xc3\xa4rfoob\xc3\xa4z" }, { 0, "d([ou]|hu|hou)+de(tte)?s?", "duuude" },
	{ 0, "\\t\\x41\\101", "\tAA" }, { 0, "[\\n]", "\n" },
};

static void check_stap_cases(void)
{
	for (size_t i = 0; i < sizeof(stap_cases) / sizeof(*stap_cases); i++) {
		int r = search(stap_cases[i].re, stap_cases[i].s);
		CHECK(r == !stap_cases[i].code, "\"%s\" =~ \"%s\": %d, expected %d",
		      stap_cases[i].s, stap_cases[i].re, r, !stap_cases[i].code);
	}
}

static const struct { const char *re; size_t offset, len; const char *msg; } errors[] = {
	{ "a[b-d}+", 1, 1, "'[' without ']'" },
	{ "(ab", 0, 1, "'(' without ')'" },
	{ "ab)", 2, 1, "')' without '('" },
	{ "*a", 0, 1, "'*' has nothing before it to repeat" },
	{ "a|+", 2, 1, "'+' has nothing before it to repeat" },
	{ "^*", 1, 1, "'*' cannot repeat the anchor '^'" },
	{ "a$?", 2, 1, "'?' cannot repeat the anchor '$'" },
	{ "a{2", 1, 2, "the interval '{' lacks its '}'" },
	{ "a{x}", 2, 1, "expected a number in the interval" },
	{ "a{3,2}", 1, 5, "the interval '{3,2}' has its maximum below its minimum" },
	{ "a{256}", 2, 3, "repetition count '256' above 255" },
	{ "[z-a]", 1, 3, "the range 'z-a' is out of order" },
	{ "[[:nope:]]", 1, 8, "unknown character class '[:nope:]'" },
	{ "[[:alpha]", 1, 2, "'[:' without ':]'" },
	{ "(a)\\1", 3, 2, "back-references ('\\1') are not supported" },
	{ "ab\\", 2, 1, "'\\' at the end of the pattern escapes nothing" },
	{ "\\xg1", 0, 2, "'\\x' takes two hex digits" },
	{ "a\\x", 1, 2, "'\\x' takes two hex digits" },
	{ "(a{100}){100}", 0, 13, "the pattern is too large: its automaton would have more "
				  "than 20000 nodes" },
	{ "a.{10}$", 0, 7, "the pattern needs more than 2000 states in its automaton" },
	{ "x(a|b)*a.{14}$", 0, 14, "the pattern needs more than 2000 states in its automaton" },
};

static void check_errors(void)
{
	for (size_t i = 0; i < sizeof(errors) / sizeof(*errors); i++) {
		struct regex re;
		struct regex_error err = { 0 };
		int rc = regex_compile(errors[i].re, strlen(errors[i].re), &re, &err);
		CHECK(rc < 0, "\"%s\" compiled", errors[i].re);
		if (rc < 0) {
			CHECK(!strcmp(err.msg, errors[i].msg), "\"%s\": message \"%s\"",
			      errors[i].re, err.msg);
			CHECK(err.offset == errors[i].offset && err.len == errors[i].len,
			      "\"%s\": at %zu+%zu, expected %zu+%zu", errors[i].re, err.offset,
			      err.len, errors[i].offset, errors[i].len);
		} else {
			regex_free(&re);
		}
	}
}

/* ---- random patterns, against glibc ---- */

static uint64_t rng = 88172645463325252ull;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void gen(char *out, size_t *n, int depth);

static void put(char *out, size_t *n, const char *s)
{
	size_t l = strlen(s);
	memcpy(out + *n, s, l);
	*n += l;
}

static void gen_atom(char *out, size_t *n, int depth)
{
	static const char *const atoms[] = {
		"a", "b", "c", "a", "b", ".", "[ab]", "[^a]", "[a-c]", "[[:alpha:]]", "[]a]",
		"[^]b]", "[b-]", "[[:digit:]x]", "x", "-",
	};
	unsigned k = rnd(20);
	if (k < 16) {
		put(out, n, atoms[k]);
	} else if (k < 19 && depth < 4) {
		put(out, n, "(");
		gen(out, n, depth + 1);
		put(out, n, ")");
	} else if (depth == 0) {
		/* Not in a group: glibc lets a repeated group's '^' hold past
		 * the start ("(^a){2}" matches "aa"). */
		put(out, n, rnd(2) ? "^" : "$");
		return;
	} else {
		put(out, n, "c");
	}
	static const char *const ops[] = { "*", "+", "?", "{2}", "{0,1}", "{1,}", "{1,2}" };
	for (unsigned r = rnd(5); r > 2; r--)
		put(out, n, ops[rnd(7)]);
}

static void gen(char *out, size_t *n, int depth)
{
	unsigned len = rnd(4);
	for (unsigned i = 0; i < len; i++)
		gen_atom(out, n, depth);
	if (rnd(5) == 0 && depth < 4) {
		put(out, n, "|");
		gen(out, n, depth + 1);
	}
}

static void check_against_glibc(void)
{
	int compared = 0, pats = 0, rejected = 0;
	for (int t = 0; t < 3000; t++) {
		char pat[4096];
		size_t n = 0;
		gen(pat, &n, 0);
		pat[n] = 0;
		regex_t g;
		struct regex re;
		struct regex_error err;
		int ours = regex_compile(pat, n, &re, &err);
		int theirs = regcomp(&g, pat, REG_EXTENDED | REG_NOSUB);
		if (ours < 0 || theirs != 0) {
			rejected++;
			/* What glibc takes, uscript does too, within its limits. */
			CHECK(ours == 0 || theirs != 0 || strstr(err.msg, "states"),
			      "\"%s\": glibc compiles it, uscript says %s", pat, err.msg);
			if (ours == 0)
				regex_free(&re);
			if (theirs == 0)
				regfree(&g);
			continue;
		}
		pats++;
		for (int k = 0; k < 40; k++) {
			char s[16];
			unsigned len = rnd(8);
			for (unsigned i = 0; i < len; i++)
				s[i] = "abcx-]1"[rnd(7)];
			s[len] = 0;
			bool a = regex_search(&re, s), b = regexec(&g, s, 0, NULL, 0) == 0;
			compared++;
			CHECK(a == b, "\"%s\" =~ \"%s\": uscript %d, glibc %d", s, pat, a, b);
		}
		regex_free(&re);
		regfree(&g);
	}
	printf("test_regex: %d patterns, %d matches compared with glibc, %d patterns "
	       "refused by either\n", pats, compared, rejected);
}

/* Random bytes of the syntax: the compiler never fails but with an error
 * inside the pattern. */
static void check_garbage(void)
{
	static const char syntax[] = "ab.()[]{}|*+?^$\\-:,0129x=nt";
	for (int t = 0; t < 50000; t++) {
		char pat[32];
		size_t n = 1 + rnd(30);
		for (size_t i = 0; i < n; i++)
			pat[i] = syntax[rnd(sizeof(syntax) - 1)];
		pat[n] = 0;
		struct regex re;
		struct regex_error err;
		if (regex_compile(pat, n, &re, &err) == 0) {
			regex_search(&re, "ab(x)01:-");
			regex_free(&re);
		} else {
			CHECK(err.len > 0 && err.offset + err.len <= n, "\"%s\": error at %zu+%zu",
			      pat, err.offset, err.len);
		}
	}
}

/* matched(n): SystemTap's own expectations of groups (its testsuite's
 * regex_grouping cases, which follow glibc), n groups given, "" for a
 * group that took no part. */
static const char *sub_text(const char *s, const int *tags, int g, char *buf)
{
	int a = tags[2 * g], b = tags[2 * g + 1];
	if (a < 0 || b < 0)
		a = b = 0;
	memcpy(buf, s + a, (size_t)(b - a));
	buf[b - a] = 0;
	return buf;
}

static void check_sub_cases(void)
{
	static const struct { const char *pat, *s, *g[3]; } cases[] = {
		{ "a*", "aaa", { "aaa" } },
		{ "a?", "aaa", { "a" } },
		{ "(ab)*", "abab", { "abab", "ab" } },
		{ "(ab)?", "abab", { "ab", "ab" } },
		{ "c(ab)?", "cabab", { "cab", "ab" } },
		{ "(a*)a*a", "aaa", { "aaa", "aa" } },
		{ "re(gex)", "regex", { "regex", "gex" } },
		{ "(long|longer)", "longer", { "longer", "longer" } },
		{ "a|b", "ab", { "a" } },
		{ "a+|b", "baaab", { "b" } },
		{ "a*|b", "aaab", { "aaa" } },
		{ "a*|b", "baaab", { "b" } },
		{ "b|a*", "baaab", { "b" } },
		{ "(.*).*", "abcdef", { "abcdef", "abcdef" } },
		{ "abc", "xabcy", { "abc" } },
		{ "(a+|b)*", "ab", { "ab", "b" } },
		{ "(a+|b)+", "ab", { "ab", "b" } },
		{ "([abc])*d", "abbbcd", { "abbbcd", "c" } },
		{ "(ab|cd)e", "abcde", { "cde", "cd" } },
		{ "(ab|cd)e$", "abcde", { "cde", "cd" } },
		{ "(bc+d$|ef*g.|h?i(j|k))", "ij", { "ij", "ij", "j" } },
		{ "(bc+d$|ef*g.|h?i(j|k))", "00effg12", { "effg1", "effg1", "" } },
		{ "(bc+d$|ef*g.|h?i(j|k))", "bcccd", { "bcccd", "bcccd", "" } },
		{ "a(bc)d", "abcd", { "abcd", "bc" } },
		{ "^#! */.*/(k|ba||pdk|z)sh", "#! /bin/sh", { "#! /bin/sh", "" } },
		{ "[abc]*d", "foacabdxy", { "acabd" } },
		{ "a(.*)b", "a b", { "a b", " " } },
		{ "(^|foo)bar", "bar", { "bar", "" } },
		{ "(foo|^)bar", "bazfoobar", { "foobar", "foo" } },
		{ "a t.st", "This is a test.", { "a test" } },
		{ "ab{0}c", "ac", { "ac" } },
		{ "abcd|c", "abcd", { "abcd" } },
		{ "\\.([a-z]+)$", "file.tar.gz", { ".gz", "gz" } },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct regex_sub rs;
		struct regex_error err;
		int tags[2 * REGEX_SUB_MAX_GROUPS];
		char buf[64];
		if (regex_sub_compile(cases[i].pat, strlen(cases[i].pat), &rs, &err) < 0) {
			CHECK(0, "\"%s\": %s", cases[i].pat, err.msg);
			continue;
		}
		int m = regex_sub_exec(&rs, cases[i].s, strlen(cases[i].s), tags);
		CHECK(m, "\"%s\" =~ \"%s\" does not match", cases[i].s, cases[i].pat);
		for (int g = 0; m && g < 3 && cases[i].g[g]; g++)
			CHECK(strcmp(sub_text(cases[i].s, tags, g, buf), cases[i].g[g]) == 0,
			      "\"%s\" =~ \"%s\": group %d is \"%s\", not \"%s\"", cases[i].s,
			      cases[i].pat, g, buf, cases[i].g[g]);
		regex_sub_free(&rs);
	}
}

/* The whole match, where and whether, as glibc's regexec finds it. */
static void check_sub_against_glibc(void)
{
	int compared = 0;
	for (int t = 0; t < 3000; t++) {
		char pat[4096];
		size_t n = 0;
		gen(pat, &n, 0);
		pat[n] = 0;
		regex_t g;
		struct regex_sub rs;
		struct regex_error err;
		if (regcomp(&g, pat, REG_EXTENDED) != 0)
			continue;
		if (regex_sub_compile(pat, n, &rs, &err) < 0) {
			regfree(&g);
			continue;
		}
		for (int k = 0; k < 40; k++) {
			char s[16];
			unsigned len = rnd(8);
			for (unsigned i = 0; i < len; i++)
				s[i] = "abcx-]1"[rnd(7)];
			s[len] = 0;
			int tags[2 * REGEX_SUB_MAX_GROUPS];
			regmatch_t pm[1];
			int a = regex_sub_exec(&rs, s, len, tags);
			int b = regexec(&g, s, 1, pm, 0) == 0;
			compared++;
			CHECK(a == b, "\"%s\" =~ \"%s\": uscript %d, glibc %d", s, pat, a, b);
			if (a && b)
				CHECK(tags[0] == pm[0].rm_so && tags[1] == pm[0].rm_eo,
				      "\"%s\" =~ \"%s\": uscript [%d, %d), glibc [%d, %d)", s, pat,
				      tags[0], tags[1], (int)pm[0].rm_so, (int)pm[0].rm_eo);
		}
		regex_sub_free(&rs);
		regfree(&g);
	}
	printf("test_regex: %d whole matches compared with glibc\n", compared);
}

int main(void)
{
	check_stap_cases();
	check_errors();
	check_against_glibc();
	check_garbage();
	check_sub_cases();
	check_sub_against_glibc();
	return checks_done("test_regex");
}
