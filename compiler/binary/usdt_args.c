/* SPDX-License-Identifier: GPL-2.0-or-later */
/* usdt_args.c — the arguments of USDT probes: each operand of a note's
 * argument string ("-4@%edi 8@8(%rsp)") as where its value can be read at
 * the probe; see usdt.h.  The argument grammar is that of SystemTap's
 * sdt_uprobe_var_expanding_visitor. */
#include <ctype.h>
#include <errno.h>
#include <gelf.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "usdt_impl.h"

/* ==== Symbols named by operands ==== */

static const struct usdt_reg no_reg = { NULL, -1, 0, 0 };

/* Symbols and operands are x86-64's; see the end of the #if. */
#if defined(__x86_64__)

static int cmp_symkey(const void *a, const void *b)
{
	const struct symkey *x = a, *y = b;
	return strcmp(x->name, y->name);
}

/* Reads .symtab, or .dynsym when the file is stripped: operands name
 * local statics ("calls.0") that only .symtab has. */
static void read_syms(struct ctx *x)
{
	x->syms_read = true;
	Elf_Scn *tab = NULL, *dyn = NULL;
	for (Elf_Scn *scn = NULL; (scn = elf_nextscn(x->elf, scn));) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh))
			return;
		if (sh.sh_type == SHT_SYMTAB)
			tab = scn;
		else if (sh.sh_type == SHT_DYNSYM)
			dyn = scn;
	}
	Elf_Scn *scn = tab ? tab : dyn;
	GElf_Shdr sh;
	Elf_Data *d;
	if (!scn || !gelf_getshdr(scn, &sh) || !sh.sh_entsize ||
	    !(d = elf_getdata(scn, NULL)))
		return;
	size_t n = sh.sh_size / sh.sh_entsize;
	x->syms = xcalloc(n ? n : 1, sizeof(*x->syms));
	for (size_t i = 0; i < n; i++) {
		GElf_Sym s;
		if (!gelf_getsym(d, (int)i, &s))
			break;
		if (s.st_shndx == SHN_UNDEF || s.st_name == 0)
			continue;
		const char *name = elf_strptr(x->elf, sh.sh_link, s.st_name);
		if (!name || !*name)
			continue;
		x->syms[x->nsyms++] = (struct symkey){
			name, s.st_value, GELF_ST_TYPE(s.st_info), s.st_shndx,
		};
	}
	qsort(x->syms, x->nsyms, sizeof(*x->syms), cmp_symkey);
}

/* The address of the symbol `name`, or NULL with *addr set; else the
 * reason it has none. */
static const char *find_symbol(struct ctx *x, const char *name, uint64_t *addr,
			       bool *absolute)
{
	if (!x->syms_read)
		read_syms(x);
	struct symkey key = { .name = name };
	struct symkey *s = bsearch(&key, x->syms, x->nsyms, sizeof(*x->syms), cmp_symkey);
	if (!s)
		return arena_printf(x->arena, "no symbol %s in the file's symbol table", name);
	/* bsearch finds any of the equal names; look at all of them. */
	struct symkey *first = s, *last = s;
	while (first > x->syms && strcmp(first[-1].name, name) == 0)
		first--;
	while (last + 1 < x->syms + x->nsyms && strcmp(last[1].name, name) == 0)
		last++;
	for (struct symkey *k = first; k <= last; k++) {
		if (k->type == STT_TLS)
			return arena_printf(x->arena, "%s is thread-local", name);
		/* Local statics of the same name in two source files
		 * ("calls.0"): the note does not say which one. */
		if (k->value != first->value)
			return arena_printf(x->arena, "%zu symbols are named %s",
					    (size_t)(last - first + 1), name);
	}
	*addr = first->value;
	*absolute = first->shndx == SHN_ABS;
	return NULL;
}

/* ==== Argument operands (x86-64) ==== */

#define REG_IP 128   /* offsetof(struct pt_regs, ip) */
#define REG_SP 152

static const struct {
	const char *q, *d, *w, *b, *h;   /* 64, 32, 16, 8 bits, bits 8–15 */
	int16_t off;
} legacy_regs[] = {
	{ "rax", "eax", "ax", "al", "ah", 80 },
	{ "rbx", "ebx", "bx", "bl", "bh", 40 },
	{ "rcx", "ecx", "cx", "cl", "ch", 88 },
	{ "rdx", "edx", "dx", "dl", "dh", 96 },
	{ "rsi", "esi", "si", "sil", NULL, 104 },
	{ "rdi", "edi", "di", "dil", NULL, 112 },
	{ "rbp", "ebp", "bp", "bpl", NULL, 32 },
	{ "rsp", "esp", "sp", "spl", NULL, REG_SP },
	{ "rip", "eip", "ip", NULL, NULL, REG_IP },
};

/* r8 … r15: struct pt_regs keeps them in two runs, r15–r12 before bp and
 * bx, r11–r8 after. */
static const int16_t numbered_regs[8] = { 72, 64, 56, 48, 24, 16, 8, 0 };

/* Fills *r for the register `name` (no '%'); false if there is none. */
static bool lookup_reg(const char *name, struct usdt_reg *r)
{
	for (size_t i = 0; i < sizeof(legacy_regs) / sizeof(legacy_regs[0]); i++) {
		const char *names[5] = {
			legacy_regs[i].q, legacy_regs[i].d, legacy_regs[i].w,
			legacy_regs[i].b, legacy_regs[i].h,
		};
		static const uint8_t widths[5] = { 8, 4, 2, 1, 1 };
		for (int j = 0; j < 5; j++) {
			if (names[j] && strcmp(name, names[j]) == 0) {
				*r = (struct usdt_reg){ NULL, legacy_regs[i].off,
							widths[j], j == 4 ? 8 : 0 };
				return true;
			}
		}
	}
	/* r8, r8d, r8w, r8b (gas also accepts Intel's r8l). */
	if (name[0] != 'r' || !isdigit((unsigned char)name[1]))
		return false;
	char *end;
	unsigned long n = strtoul(name + 1, &end, 10);
	if (n < 8 || n > 15 || (name[1] == '0'))
		return false;
	uint8_t width;
	if (strcmp(end, "") == 0)
		width = 8;
	else if (strcmp(end, "d") == 0)
		width = 4;
	else if (strcmp(end, "w") == 0)
		width = 2;
	else if (strcmp(end, "b") == 0 || strcmp(end, "l") == 0)
		width = 1;
	else
		return false;
	*r = (struct usdt_reg){ NULL, numbered_regs[n - 8], width, 0 };
	return true;
}

/* A cursor over one operand; `why` is set at the first thing not understood. */
struct cur {
	const char *p;
	const char *why;
	struct ctx *x;
};

static void skip_ws(struct cur *c)
{
	while (isspace((unsigned char)*c->p))
		c->p++;
}

static bool sym_start(char ch)
{
	return isalpha((unsigned char)ch) || ch == '_' || ch == '.';
}

static bool sym_char(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_' || ch == '.' || ch == '$';
}

static void unsupported(struct cur *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void unsupported(struct cur *c, const char *fmt, ...)
{
	if (!c->why) {
		va_list ap;
		va_start(ap, fmt);
		char buf[256];
		vsnprintf(buf, sizeof(buf), fmt, ap);
		va_end(ap);
		c->why = arena_strdup(c->x->arena, buf);
	}
}

/* %name: a register; fills *r, or returns false with c->why set. */
static bool parse_reg(struct cur *c, struct usdt_reg *r)
{
	const char *start = ++c->p;   /* past '%' */
	while (isalnum((unsigned char)*c->p))
		c->p++;
	char *name = arena_strndup(c->x->arena, start, (size_t)(c->p - start));
	if (*c->p == ':') {
		unsupported(c, "a segment-relative address (%%%s:)", name);
		return false;
	}
	if (!lookup_reg(name, r)) {
		if (strncmp(name, "xmm", 3) == 0 || strncmp(name, "ymm", 3) == 0 ||
		    strncmp(name, "zmm", 3) == 0 || strncmp(name, "st", 2) == 0 ||
		    strncmp(name, "mm", 2) == 0)
			unsupported(c, "%%%s is not in struct pt_regs", name);
		else
			unsupported(c, "unknown register %%%s", name);
		return false;
	}
	r->name = name;
	return true;
}

/* An unsigned number, decimal or 0x hex (or 0-octal, as gas reads it). */
static bool parse_number(struct cur *c, uint64_t *v)
{
	if (!isdigit((unsigned char)*c->p)) {
		unsupported(c, "a number expected at \"%s\"", c->p);
		return false;
	}
	char *end;
	errno = 0;
	unsigned long long n = strtoull(c->p, &end, 0);
	if (errno == ERANGE || sym_char(*end)) {
		unsupported(c, "a bad number at \"%s\"", c->p);
		return false;
	}
	c->p = end;
	*v = n;
	return true;
}

/* [+-]term ([+-]term)…, each term a number or, once and added, a
 * symbol: "-16", "8+8-4", "counter", "table+8", "8+counter".  Wraps
 * modulo 2^64, as the assembler's arithmetic does. */
static bool parse_disp(struct cur *c, uint64_t *num, const char **sym)
{
	*num = 0;
	*sym = NULL;
	bool first = true;
	for (;;) {
		skip_ws(c);
		bool neg = false;
		if (*c->p == '+' || *c->p == '-') {
			neg = *c->p == '-';
			c->p++;
			skip_ws(c);
		} else if (!first) {
			return true;
		}
		first = false;
		if (sym_start(*c->p)) {
			const char *start = c->p;
			while (sym_char(*c->p))
				c->p++;
			char *name = arena_strndup(c->x->arena, start, (size_t)(c->p - start));
			if (*c->p == '@') {
				const char *rel = ++c->p;
				while (isalnum((unsigned char)*c->p))
					c->p++;
				unsupported(c, "a relocation (%s@%.*s)", name, (int)(c->p - rel), rel);
				return false;
			}
			if (*sym || neg) {
				unsupported(c, "an expression of symbols");
				return false;
			}
			*sym = name;
		} else {
			uint64_t v;
			if (!parse_number(c, &v))
				return false;
			*num = neg ? *num - v : *num + v;
		}
	}
}

/* Where `sym` + num is at run time, as base + disp (see usdt.h). */
static void place_symbol(struct cur *c, struct usdt_arg *a, const char *sym, uint64_t num)
{
	uint64_t addr;
	bool absolute;
	const char *why = find_symbol(c->x, sym, &addr, &absolute);
	if (why) {
		unsupported(c, "%s", why);
		return;
	}
	a->sym = sym;
	bool base_rip = a->base.off == REG_IP;
	if (c->x->type == ELF_FILE_EXEC || absolute) {
		/* Fixed addresses: %rip-relative or not, it is the symbol. */
		if (base_rip)
			a->base = no_reg;
		a->disp = (int64_t)(addr + num);
		return;
	}
	if (a->base.off >= 0 && !base_rip) {
		unsupported(c, "the absolute address of %s in a position-independent file", sym);
		return;
	}
	a->base = (struct usdt_reg){ "rip", REG_IP, 8, 0 };
	a->disp = (int64_t)(addr + num - c->x->probe_vaddr);
}

/* $N, or $symbol in a file with fixed addresses. */
static void parse_immediate(struct cur *c, struct usdt_arg *a)
{
	c->p++;   /* past '$' */
	uint64_t num;
	const char *sym;
	if (!parse_disp(c, &num, &sym))
		return;
	if (*c->p) {
		unsupported(c, "unexpected \"%s\"", c->p);
		return;
	}
	if (sym) {
		uint64_t addr;
		bool absolute;
		const char *why = find_symbol(c->x, sym, &addr, &absolute);
		if (why) {
			unsupported(c, "%s", why);
			return;
		}
		if (c->x->type != ELF_FILE_EXEC && !absolute) {
			unsupported(c, "the address of %s as a constant in a position-independent file", sym);
			return;
		}
		a->sym = sym;
		num += addr;
	}
	a->kind = USDT_ARG_CONST;
	a->value = (int64_t)num;
}

/* disp(base,index,scale) in any of its partial forms, or a bare disp (an
 * absolute address). */
static void parse_memory(struct cur *c, struct usdt_arg *a)
{
	uint64_t num = 0;
	const char *sym = NULL;
	bool have_disp = *c->p != '(';
	if (have_disp && !parse_disp(c, &num, &sym))
		return;
	skip_ws(c);
	if (*c->p == '(') {
		c->p++;
		skip_ws(c);
		if (*c->p == '%') {
			if (!parse_reg(c, &a->base))
				return;
			skip_ws(c);
		}
		if (*c->p == ',') {
			c->p++;
			skip_ws(c);
			if (*c->p != '%') {
				unsupported(c, "an index register expected");
				return;
			}
			if (!parse_reg(c, &a->index))
				return;
			skip_ws(c);
			if (*c->p == ',') {
				c->p++;
				skip_ws(c);
				uint64_t s;
				if (!parse_number(c, &s))
					return;
				if (s != 1 && s != 2 && s != 4 && s != 8) {
					unsupported(c, "scale %" PRIu64 " (not 1, 2, 4 or 8)", s);
					return;
				}
				a->scale = (uint8_t)s;
				skip_ws(c);
			}
		}
		if (*c->p != ')') {
			unsupported(c, "')' expected at \"%s\"", c->p);
			return;
		}
		c->p++;
		skip_ws(c);
	} else if (!have_disp) {
		unsupported(c, "an empty operand");
		return;
	}
	if (*c->p) {
		unsupported(c, "unexpected \"%s\"", c->p);
		return;
	}
	if (a->base.off >= 0 && (a->base.width != 8 || a->base.shift)) {
		unsupported(c, "a %d-bit base register %%%s", a->base.width * 8, a->base.name);
		return;
	}
	if (a->index.off >= 0) {
		if (a->index.width != 8 || a->index.shift) {
			unsupported(c, "a %d-bit index register %%%s", a->index.width * 8, a->index.name);
			return;
		}
		if (a->index.off == REG_SP || a->index.off == REG_IP) {
			unsupported(c, "%%%s as an index register", a->index.name);
			return;
		}
		if (a->base.off == REG_IP) {
			unsupported(c, "an index register with %%rip");
			return;
		}
	}
	a->kind = USDT_ARG_MEM;
	if (sym) {
		place_symbol(c, a, sym, num);
		return;
	}
	/* disp(%rip) without a symbol is relative to the end of an
	 * instruction the note has no trace of. */
	if (a->base.off == REG_IP) {
		unsupported(c, "an offset from %%rip without a symbol");
		return;
	}
	a->disp = (int64_t)num;
}

static void parse_operand(struct ctx *x, const char *op, struct usdt_arg *a)
{
	struct cur c = { .p = op, .x = x };
	skip_ws(&c);
	if (*c.p == '$') {
		parse_immediate(&c, a);
	} else if (*c.p == '%') {
		if (parse_reg(&c, &a->reg)) {
			skip_ws(&c);
			if (*c.p)
				unsupported(&c, "unexpected \"%s\"", c.p);
			else
				a->kind = USDT_ARG_REG;
		}
	} else if (*c.p) {
		parse_memory(&c, a);
	} else {
		unsupported(&c, "an empty operand");
	}
	if (c.why) {
		a->kind = USDT_ARG_UNSUPPORTED;
		a->why = c.why;
	}
}

#else

static void parse_operand(struct ctx *x, const char *op, struct usdt_arg *a)
{
	(void)op;
	a->kind = USDT_ARG_UNSUPPORTED;
	a->why = arena_strdup(x->arena, "argument locations are decoded on x86-64 only");
}

#endif

/* Truncates v to `size` bytes and extends it back to 64 bits. */
static int64_t extend(uint64_t v, unsigned size, bool is_signed)
{
	if (size >= 8)
		return (int64_t)v;
	unsigned bits = size * 8;
	uint64_t mask = (UINT64_C(1) << bits) - 1;
	v &= mask;
	if (is_signed && (v >> (bits - 1)))
		v |= ~mask;
	return (int64_t)v;
}

/* One argument: "[-]SIZE[f]@OPERAND", or a bare operand (asm probes),
 * which SystemTap reads as 8 unsigned bytes. */
static void parse_arg(struct ctx *x, const char *text, struct usdt_arg *a)
{
	*a = (struct usdt_arg){
		.text = text, .kind = USDT_ARG_UNSUPPORTED, .size = 8,
		.reg = no_reg, .base = no_reg, .index = no_reg, .scale = 1,
	};
	const char *op = text, *at = strchr(text, '@');
	if (at) {
		const char *s = text;
		if (*s == '-') {
			a->is_signed = true;
			s++;
		}
		unsigned long n = 0;
		while (isdigit((unsigned char)*s) && n < 1000)
			n = n * 10 + (unsigned long)(*s++ - '0');
		if (*s == 'f') {
			a->is_float = true;
			s++;
		}
		if (s != at || s == text) {
			a->why = arena_printf(x->arena, "a malformed size \"%.*s\"", (int)(at - text), text);
			return;
		}
		if (n != 1 && n != 2 && n != 4 && n != 8) {
			a->why = arena_printf(x->arena, "a %lu-byte value", n);
			return;
		}
		a->size = (uint8_t)n;
		op = at + 1;
	}
	parse_operand(x, op, a);
	if (a->kind == USDT_ARG_CONST)
		a->value = extend((uint64_t)a->value, a->size, a->is_signed);
}

/* Splits the argument string as SystemTap does (sdt_v3_tokenize): with
 * sizes, each argument ends at the last blank before the next '@', so an
 * operand may hold blanks ("8@(%rax, %rbx)"); without, at each blank.
 * Stores up to n spans, returns how many there are. */
struct span {
	const char *p;
	size_t len;
};

static size_t split_args(const char *s, struct span *out, size_t n)
{
	bool sized = strchr(s, '@') != NULL;
	size_t count = 0;
	const char *p = s;
	for (;;) {
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			return count;
		const char *end = NULL;
		const char *at = sized ? strchr(p, '@') : NULL;
		const char *next = at ? strchr(at + 1, '@') : NULL;
		if (next) {
			for (const char *q = next; q > at; q--)
				if (isspace((unsigned char)q[-1])) {
					end = q - 1;
					break;
				}
		} else if (at) {
			end = p + strlen(p);
		}
		if (!end)   /* no sizes, or no blank before the next '@' */
			for (end = p; *end && !isspace((unsigned char)*end); end++)
				;
		const char *stop = end;
		while (stop > p && isspace((unsigned char)stop[-1]))
			stop--;
		if (count < n)
			out[count] = (struct span){ p, (size_t)(stop - p) };
		count++;
		p = end;
	}
}

void parse_args(struct ctx *x, struct usdt_probe *pr)
{
	size_t n = split_args(pr->args, NULL, 0);
	struct span *spans = xcalloc(n ? n : 1, sizeof(*spans));
	split_args(pr->args, spans, n);
	struct usdt_arg *argv = arena_alloc(x->arena, (n ? n : 1) * sizeof(*argv));
	x->probe_vaddr = pr->vaddr;
	for (size_t i = 0; i < n; i++)
		parse_arg(x, arena_strndup(x->arena, spans[i].p, spans[i].len), &argv[i]);
	free(spans);
	pr->nargs = n;
	pr->argv = argv;
}
