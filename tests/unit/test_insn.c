/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_insn.c — unit tests of the x86-64 instruction checks
 * (compiler/binary/insn.c): which instructions the kernel's uprobes
 * refuse, and where instructions start when one has a lock prefix.
 *
 * Each refused instruction is one the kernel's rules refuse
 * (arch_uprobe_analyze_insn); each accepted one is one it probes, as a
 * function's first instruction often is.  Prints one line per failing
 * check and a summary; exits 0 if every check passed, 1 otherwise. */
#include <stdio.h>
#include <string.h>

#include "binary/insn.h"

#include "check.h"

struct insn_case {
	const char *what;
	unsigned char bytes[15];
	size_t len;
	const char *why;         /* NULL: the kernel probes it; else the start of r.why */
	const char *text;        /* NULL, or what r.text must be */
};

static const struct insn_case cases[] = {
	{ "push %rbp", { 0x55 }, 1, NULL, NULL },
	{ "endbr64", { 0xf3, 0x0f, 0x1e, 0xfa }, 4, NULL, NULL },
	{ "mov %fs:0x28,%rax", { 0x64, 0x48, 0x8b, 0x04, 0x25, 0x28, 0, 0, 0 }, 9, NULL, NULL },
	{ "mov rip-relative", { 0x48, 0x8b, 0x05, 0x10, 0, 0, 0 }, 7, NULL, NULL },
	{ "nopw, 0x66 0f 1f", { 0x66, 0x0f, 0x1f, 0x44, 0, 0 }, 6, NULL, NULL },
	{ "xchg %ax,%ax", { 0x66, 0x90 }, 2, NULL, NULL },
	{ "syscall", { 0x0f, 0x05 }, 2, NULL, NULL },
	{ "ud2", { 0x0f, 0x0b }, 2, NULL, NULL },
	{ "jmp rel32", { 0xe9, 0, 0, 0, 0 }, 5, NULL, NULL },
	{ "jne rel32", { 0x0f, 0x85, 0, 0, 0, 0 }, 6, NULL, NULL },
	{ "mov %eax,%ds", { 0x8e, 0xd8 }, 2, NULL, NULL },
	{ "rep stos", { 0xf3, 0x48, 0xab }, 3, NULL, NULL },

	{ "lock incl (%rdi)", { 0xf0, 0xff, 0x07 }, 3, "a lock prefix", "lock incl (%rdi)" },
	{ "lock cmpxchg", { 0xf0, 0x0f, 0xb1, 0x17 }, 4, "a lock prefix", NULL },
	{ "ds mov", { 0x3e, 0x8b, 0x07 }, 3, "a ds segment prefix", NULL },
	{ "cs nopw", { 0x2e, 0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0 }, 9, "a cs segment prefix", NULL },
	{ "es movs", { 0x26, 0xa4 }, 2, "an es segment prefix", NULL },
	{ "ss mov", { 0x36, 0x8b, 0x07 }, 3, "an ss segment prefix", NULL },
	{ "hlt", { 0xf4 }, 1, "the opcode 0xf4 (hlt)", "hlt" },
	{ "int3", { 0xcc }, 1, "the opcode 0xcc (int3)", NULL },
	{ "int $0x80", { 0xcd, 0x80 }, 2, "the opcode 0xcd (int)", NULL },
	{ "in $0x60,%al", { 0xe4, 0x60 }, 2, "the opcode 0xe4 (in)", NULL },
	{ "out %al,(%dx)", { 0xee }, 1, "the opcode 0xee (out)", NULL },
	{ "cli", { 0xfa }, 1, "the opcode 0xfa (cli)", NULL },
	{ "iret", { 0xcf }, 1, "the opcode 0xcf (iret)", NULL },
	{ "mov %eax,%ss", { 0x8e, 0xd0 }, 2, "a move to ss", NULL },
	{ "jmpw rel16", { 0x66, 0xe9, 0, 0 }, 4, "a branch with an operand-size prefix", NULL },
	{ "vmovdqu (%rsi),%ymm0", { 0xc5, 0xfe, 0x6f, 0x06 }, 4,
	  "a VEX-encoded instruction whose opcode byte, 0x6f, the kernel checks as the "
	  "one-byte opcode outs", NULL },
	{ "vmovdqu64 (%rsi),%zmm0", { 0x62, 0xf1, 0xfe, 0x48, 0x6f, 0x06 }, 6,
	  "an EVEX-encoded instruction whose opcode byte, 0x6f", NULL },
	/* The kernel emulates these as the jumps their opcode bytes are
	 * without the prefix, and never runs them. */
	{ "vzeroupper", { 0xc5, 0xf8, 0x77 }, 3,
	  "a VEX-encoded instruction whose opcode byte, 0x77, the kernel takes for a "
	  "relative jump: it would emulate that instead of running the instruction", NULL },
	{ "vpbroadcastb %xmm0,%ymm0", { 0xc4, 0xe2, 0x7d, 0x78, 0xc0 }, 5,
	  "a VEX-encoded instruction whose opcode byte, 0x78", NULL },
	{ "vpbroadcastb %esi,%ymm17", { 0x62, 0xe2, 0x7d, 0x28, 0x7a, 0xce }, 6,
	  "an EVEX-encoded instruction whose opcode byte, 0x7a", NULL },
	{ "push es, none in 64-bit code", { 0x06 }, 1,
	  "bytes that do not decode as an instruction", "" },
	{ "cut short", { 0x48, 0x8b }, 2, "bytes that do not decode as an instruction", "" },
};

static void test_refusals(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct insn_case *c = &cases[i];
		struct insn_refusal r;
		bool ok = insn_uprobe_ok(c->bytes, c->len, 0x1000, &r);
		CHECK(ok == !c->why, "%s: %s, expected %s", c->what, ok ? "probed" : r.why,
		      c->why ? c->why : "probed");
		if (!ok && c->why)
			CHECK(strncmp(r.why, c->why, strlen(c->why)) == 0,
			      "%s: why is %s, expected %s", c->what, show(r.why), show(c->why));
		if (!ok && c->text)
			CHECK(strcmp(r.text, c->text) == 0, "%s: text is %s, expected %s", c->what,
			      show(r.text), show(c->text));
	}
}

/* Only the first instruction counts: what follows may be anything. */
static void test_first_only(void)
{
	static const unsigned char push_then_lock[] = { 0x55, 0xf0, 0xff, 0x07 };
	struct insn_refusal r;
	CHECK(insn_uprobe_ok(push_then_lock, sizeof(push_then_lock), 0x1000, &r),
	      "push %%rbp before a lock prefix: %s", r.why);
}

/* LLVM decodes a lock prefix as an instruction of its own; the
 * boundaries must not. */
static void test_lock_boundary(void)
{
	static const unsigned char code[] = { 0xf0, 0xff, 0x07, 0xc3 };
	uint64_t before, after;
	enum insn_result res = insn_boundary(code, sizeof(code), 0x1000, 0x1001, &before, &after);
	CHECK(res == INSN_INSIDE && before == 0x1000 && after == 0x1003,
	      "0x1001 in lock incl: result %d, before %#llx, after %#llx", (int)res,
	      (unsigned long long)before, (unsigned long long)after);
	res = insn_boundary(code, sizeof(code), 0x1000, 0x1003, &before, &after);
	CHECK(res == INSN_START, "0x1003 after lock incl: result %d", (int)res);
}

int main(void)
{
	test_refusals();
	test_first_only();
	test_lock_boundary();
	return checks_done("test_insn");
}
