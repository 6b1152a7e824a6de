/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_usdt.c — unit tests for compiler/binary/usdt.c.
 *
 *   test_usdt DIR     DIR holds what usdt_targets/build.sh builds
 *
 * 1. Every probe of every file agrees with `readelf -n` (provider, name,
 *    address, semaphore, argument string), and its offsets with the
 *    section headers, computed here without elfsym: the probe's byte is a
 *    nop, the semaphore is in .probes where its symbol says.
 * 2. Every operand form of usdt_targets/forms.c decodes to exactly what it
 *    must, in a PIE, a non-PIE executable and a shared library.
 * 3. The programs run under a small tracer of this file's own (ptrace):
 *    an int3 at each probe's offset placed the way the kernel places a
 *    uprobe (through the file's mapping in /proc/PID/maps), its semaphore
 *    raised through its offset the way the kernel raises a ref_ctr, and
 *    each argument read from the registers laid out as struct pt_regs, as
 *    the BPF side must read it (eval_arg() is the reference).  The values
 *    must be the lines the program prints itself.
 * 4. As root, the same offsets and ref_ctr_offsets go to the kernel as
 *    perf uprobes, which must fire as often as the program says.
 * 5. Errors: a file without notes, damaged notes (each with its message),
 *    and random damage (no crash); a prelinked copy (moved addresses,
 *    same offsets). */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <limits.h>
#include <linux/perf_event.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "binary/elfsym.h"
#include "binary/usdt.h"

static char tmpdir[PATH_MAX];

/* Opens `path` with elfsym and usdt; NULL (and a failed check) if either fails. */
static struct usdt_file *open_usdt(const char *path, struct elf_file **ef)
{
	struct elf_error err = {{0}};
	*ef = NULL;
	int r = elf_open(path, ef, &err);
	CHECK(r == 0, "elf_open(%s): %d %s", path, r, err.msg);
	if (r)
		return NULL;
	struct usdt_file *u = NULL;
	r = usdt_open(*ef, &u, &err);
	CHECK(r == 0, "usdt_open(%s): %d %s", path, r, err.msg);
	if (r) {
		elf_close(*ef);
		*ef = NULL;
	}
	return u;
}

/* ---- ELF facts found here without usdt.c or elfsym.c ---- */

struct elfview {
	int fd;
	Elf *elf;
};

static bool view_open(const char *path, struct elfview *v)
{
	elf_version(EV_CURRENT);
	v->fd = open(path, O_RDONLY);
	v->elf = v->fd >= 0 ? elf_begin(v->fd, ELF_C_READ, NULL) : NULL;
	return v->elf != NULL;
}

static void view_close(struct elfview *v)
{
	if (v->elf)
		elf_end(v->elf);
	if (v->fd >= 0)
		close(v->fd);
}

/* The allocated, file-backed section holding vaddr: its name and the
 * file offset of vaddr by sh_offset + vaddr - sh_addr. */
static const char *section_of(struct elfview *v, uint64_t vaddr, uint64_t *off)
{
	size_t shstrndx;
	elf_getshdrstrndx(v->elf, &shstrndx);
	for (Elf_Scn *s = NULL; (s = elf_nextscn(v->elf, s));) {
		GElf_Shdr sh;
		gelf_getshdr(s, &sh);
		if (!(sh.sh_flags & SHF_ALLOC) || sh.sh_type == SHT_NOBITS)
			continue;
		if (vaddr >= sh.sh_addr && vaddr < sh.sh_addr + sh.sh_size) {
			*off = vaddr - sh.sh_addr + sh.sh_offset;
			return elf_strptr(v->elf, shstrndx, sh.sh_name);
		}
	}
	return NULL;
}

static bool has_symtab(struct elfview *v)
{
	for (Elf_Scn *s = NULL; (s = elf_nextscn(v->elf, s));) {
		GElf_Shdr sh;
		if (gelf_getshdr(s, &sh) && sh.sh_type == SHT_SYMTAB)
			return true;
	}
	return false;
}

/* st_value of the first .symtab symbol `name`; 0 if none. */
static uint64_t symbol_value(struct elfview *v, const char *name)
{
	for (Elf_Scn *s = NULL; (s = elf_nextscn(v->elf, s));) {
		GElf_Shdr sh;
		gelf_getshdr(s, &sh);
		if (sh.sh_type != SHT_SYMTAB)
			continue;
		Elf_Data *d = elf_getdata(s, NULL);
		for (size_t i = 0; i < sh.sh_size / sh.sh_entsize; i++) {
			GElf_Sym sym;
			gelf_getsym(d, (int)i, &sym);
			const char *n = elf_strptr(v->elf, sh.sh_link, sym.st_name);
			if (n && strcmp(n, name) == 0 && sym.st_shndx != SHN_UNDEF)
				return sym.st_value;
		}
	}
	return 0;
}

/* ---- 1. readelf and the section headers ---- */

struct rnote {
	char provider[128], name[128], args[1024];
	uint64_t loc, base, sema;
};

/* The stapsdt notes as `readelf -n` prints them. */
static size_t readelf_notes(const char *path, struct rnote *out, size_t max)
{
	char cmd[PATH_MAX + 32];
	snprintf(cmd, sizeof(cmd), "readelf -n '%s' 2>/dev/null", path);
	FILE *p = popen(cmd, "r");
	if (!p)
		return 0;
	char line[4096];
	size_t n = 0;
	struct rnote *cur = NULL;
	while (fgets(line, sizeof(line), p)) {
		line[strcspn(line, "\n")] = 0;
		const char *s = line + strspn(line, " ");
		if (strncmp(s, "Provider: ", 10) == 0 && n < max) {
			cur = &out[n++];
			memset(cur, 0, sizeof(*cur));
			snprintf(cur->provider, sizeof(cur->provider), "%s", s + 10);
		} else if (cur && strncmp(s, "Name: ", 6) == 0) {
			snprintf(cur->name, sizeof(cur->name), "%s", s + 6);
		} else if (cur && strncmp(s, "Location: ", 10) == 0) {
			sscanf(s, "Location: %" SCNx64 ", Base: %" SCNx64 ", Semaphore: %" SCNx64,
			       &cur->loc, &cur->base, &cur->sema);
		} else if (cur && strncmp(s, "Arguments:", 10) == 0) {
			snprintf(cur->args, sizeof(cur->args), "%s", s[10] ? s + 11 : "");
		}
	}
	pclose(p);
	return n;
}

static void test_file(const char *path)
{
	struct elf_file *ef;
	struct usdt_file *u = open_usdt(path, &ef);
	if (!u)
		return;
	size_t n;
	const struct usdt_probe *pr = usdt_probes(u, &n);
	static struct rnote want[256];
	size_t nw = readelf_notes(path, want, 256);
	CHECK(nw > 0, "%s: readelf -n found no probes", path);
	CHECK(n == nw, "%s: %zu probes, readelf -n has %zu", path, n, nw);

	struct elfview v;
	if (!view_open(path, &v)) {
		CHECK(0, "%s: libelf cannot open it", path);
		goto out;
	}
	size_t fsize;
	unsigned char *bytes = slurp(path, &fsize);
	for (size_t i = 0; i < n && i < nw; i++) {
		const struct usdt_probe *p = &pr[i];
		const struct rnote *w = &want[i];
		CHECK(strcmp(p->provider, w->provider) == 0 && strcmp(p->name, w->name) == 0,
		      "%s: probe %zu is %s:%s, readelf says %s:%s", path, i, p->provider,
		      p->name, w->provider, w->name);
		CHECK(strcmp(p->args, w->args) == 0, "%s: %s:%s args \"%s\", readelf \"%s\"",
		      path, p->provider, p->name, p->args, w->args);
		/* Unprelinked files: .stapsdt.base is where the notes say. */
		CHECK(p->vaddr == w->loc, "%s: %s:%s at 0x%" PRIx64 ", readelf 0x%" PRIx64,
		      path, p->provider, p->name, p->vaddr, w->loc);
		CHECK(p->sema_vaddr == w->sema, "%s: %s:%s semaphore 0x%" PRIx64 ", readelf 0x%" PRIx64,
		      path, p->provider, p->name, p->sema_vaddr, w->sema);

		uint64_t off = 0;
		const char *sec = section_of(&v, p->vaddr, &off);
		CHECK(sec && strcmp(sec, ".text") == 0, "%s: %s:%s not in .text but %s", path,
		      p->provider, p->name, sec ? sec : "(none)");
		CHECK(p->offset == off, "%s: %s:%s offset 0x%" PRIx64 ", sections say 0x%" PRIx64,
		      path, p->provider, p->name, p->offset, off);
		CHECK(p->offset < fsize && bytes[p->offset] == 0x90,
		      "%s: %s:%s: no nop at offset 0x%" PRIx64, path, p->provider, p->name, p->offset);

		if (p->sema_vaddr) {
			sec = section_of(&v, p->sema_vaddr, &off);
			CHECK(sec && strcmp(sec, ".probes") == 0, "%s: %s:%s semaphore in %s", path,
			      p->provider, p->name, sec ? sec : "(none)");
			CHECK(p->sema_offset == off, "%s: %s:%s semaphore offset 0x%" PRIx64
			      ", sections say 0x%" PRIx64, path, p->provider, p->name, p->sema_offset, off);
			char sym[300];
			snprintf(sym, sizeof(sym), "%s_%s_semaphore", p->provider, p->name);
			uint64_t at = symbol_value(&v, sym);
			CHECK(at == p->sema_vaddr || (at == 0 && !has_symtab(&v)),
			      "%s: %s is not at 0x%" PRIx64, path, sym, p->sema_vaddr);
		} else {
			CHECK(p->sema_offset == 0, "%s: %s:%s: a semaphore offset without a semaphore",
			      path, p->provider, p->name);
		}
		/* The argument count is the number of '@', as SystemTap counts
		 * (but for forms:bad, where '@' is also in relocations). */
		size_t ats = 0;
		for (const char *c = p->args; *c; c++)
			ats += *c == '@';
		if (ats && strcmp(p->name, "bad") != 0)
			CHECK(p->nargs == ats, "%s: %s:%s has %zu args for \"%s\"", path,
			      p->provider, p->name, p->nargs, p->args);
		for (size_t a = 0; a < p->nargs; a++)
			CHECK(p->argv[a].text && strstr(p->args, p->argv[a].text),
			      "%s: %s:%s arg %zu text \"%s\"", path, p->provider, p->name, a,
			      p->argv[a].text ? p->argv[a].text : "(null)");
	}
	free(bytes);
	view_close(&v);
out:
	usdt_close(u);
	elf_close(ef);
}

/* Compiled programs: every argument must be readable, except where the
 * operand names a symbol a stripped file no longer has. */
static void test_all_supported(const char *path, bool stripped)
{
	struct elf_file *ef;
	struct usdt_file *u = open_usdt(path, &ef);
	if (!u)
		return;
	size_t n;
	const struct usdt_probe *pr = usdt_probes(u, &n);
	for (size_t i = 0; i < n; i++)
		for (size_t a = 0; a < pr[i].nargs; a++) {
			const struct usdt_arg *g = &pr[i].argv[a];
			const char *op = strchr(g->text, '@');
			op = op ? op + 1 : g->text;
			bool named = strstr(op, "(%rip)") || isalpha((unsigned char)*op) ||
				     *op == '_' || *op == '.';
			if (stripped && named) {
				CHECK(g->kind == USDT_ARG_UNSUPPORTED && g->why &&
				      strstr(g->why, "no symbol"),
				      "%s: %s:%s \"%s\" should need the stripped symbol table",
				      path, pr[i].provider, pr[i].name, g->text);
				continue;
			}
			CHECK(g->kind != USDT_ARG_UNSUPPORTED, "%s: %s:%s arg %zu \"%s\" unsupported: %s",
			      path, pr[i].provider, pr[i].name, a + 1, g->text, g->why ? g->why : "");
		}
	usdt_close(u);
	elf_close(ef);
}

/* ---- 2. Operand forms ---- */

enum { ANY = -2 };

struct want {
	const char *text;
	enum usdt_arg_kind kind;
	int size;
	bool sgn, flt;
	int64_t value;                   /* CONST */
	int reg, width, shift;           /* REG */
	int base, index, scale;          /* MEM */
	int64_t disp;
	const char *sym;                 /* MEM: disp is the symbol + disp */
	const char *why;                 /* UNSUPPORTED: a part of the reason */
};

#define R(t, sz, sg, off, w, sh) { t, USDT_ARG_REG, sz, sg, false, 0, off, w, sh, -1, -1, 1, 0, NULL, NULL }
#define C(t, sz, sg, v)          { t, USDT_ARG_CONST, sz, sg, false, v, -1, 0, 0, -1, -1, 1, 0, NULL, NULL }
#define M(t, sz, sg, b, i, sc, d) { t, USDT_ARG_MEM, sz, sg, false, 0, -1, 0, 0, b, i, sc, d, NULL, NULL }
#define F(t, sz, sg, b, d)       { t, USDT_ARG_MEM, sz, sg, true, 0, -1, 0, 0, b, -1, 1, d, NULL, NULL }
#define Y(t, sz, sg, s, d, i, sc) { t, USDT_ARG_MEM, sz, sg, false, 0, -1, 0, 0, ANY, i, sc, d, s, NULL }
#define X(t, why)                { t, USDT_ARG_UNSUPPORTED, 0, false, false, 0, -1, 0, 0, -1, -1, 1, 0, NULL, why }

struct want_probe {
	const char *provider, *name;
	const struct want *args;
	size_t nargs;
};

static const struct want regs_w[] = {
	R("1@%ah", 1, false, 80, 1, 8), R("-2@%r9w", 2, true, 64, 2, 0),
	R("4@%r15d", 4, false, 0, 4, 0), R("-8@%rsp", 8, true, 152, 8, 0),
	R("8@%rip", 8, false, 128, 8, 0), R("1@%r8b", 1, false, 72, 1, 0),
	R("2@%bp", 2, false, 32, 2, 0), R("-1@%sil", 1, true, 104, 1, 0),
	R("1@%r10l", 1, false, 56, 1, 0), R("-4@%eax", 4, true, 80, 4, 0),
	R("8@%r12", 8, false, 24, 8, 0),
};
static const struct want consts_w[] = {
	C("1@$200", 1, false, 200), C("-1@$200", 1, true, -56), C("-1@$-1", 1, true, -1),
	C("2@$-1", 2, false, 65535), C("4@$0x10", 4, false, 16),
	C("-8@$-9223372036854775808", 8, true, INT64_MIN),
	C("8@$18446744073709551615", 8, false, -1), C("4@$010", 4, false, 8),
	C("8@$-1", 8, false, -1), C("-4@$+7", 4, true, 7),
};
static const struct want mems_w[] = {
	M("-4@-20(%rbp)", 4, true, 32, -1, 1, -20), M("8@(%rax)", 8, false, 80, -1, 1, 0),
	M("-8@8+8-4(%rsp)", 8, true, 152, -1, 1, 12), M("8@16(%r8,%r9,4)", 8, false, 72, 64, 4, 16),
	M("2@(%rax,%rbx)", 2, false, 80, 40, 1, 0), M("4@(,%rcx,2)", 4, false, -1, 88, 2, 0),
	M("8@-0x10(%r12)", 8, false, 24, -1, 1, -16), M("8@(%rax, %rbx, 8)", 8, false, 80, 40, 8, 0),
	M("8@4096", 8, false, -1, -1, 1, 4096), F("4f@-8(%rbp)", 4, false, 32, -8),
};
static const struct want syms_w[] = {
	Y("-4@counter(%rip)", 4, true, "counter", 0, -1, 1),
	Y("8@table+8(%rip)", 8, false, "table", 8, -1, 1),
	Y("8@8+table(%rip)", 8, false, "table", 8, -1, 1),
	Y("8@table(,%rax,8)", 8, false, "table", 0, 80, 8),
	Y("4@calls(%rip)", 4, false, "calls", 0, -1, 1),
	{ "8@$table", USDT_ARG_CONST, 8, false, false, 0, -1, 0, 0, -1, -1, 1, 0, "table", NULL },
	Y("8@table", 8, false, "table", 0, -1, 1),
	X("-4@dup_static(%rip)", "2 symbols are named dup_static"),
	Y("8@table-8(%rip)", 8, false, "table", -8, -1, 1),
};
static const struct want bad_w[] = {
	X("4@%xmm0", "%xmm0 is not in struct pt_regs"),
	X("8@%fs:tls_var@tpoff", "segment-relative address (%fs:)"),
	X("4@tls_var(%rip)", "tls_var is thread-local"),
	X("8@foo@GOTPCREL(%rip)", "a relocation (foo@GOTPCREL)"),
	X("3@%eax", "a 3-byte value"), X("16f@-32(%rbp)", "a 16-byte value"),
	X("4@%foo", "unknown register %foo"), X("4@(%eax)", "a 32-bit base register %eax"),
	X("4@(%rax,%rsp)", "%rsp as an index register"),
	X("4@8(%rip)", "an offset from %rip without a symbol"),
	X("4@nosuch(%rip)", "no symbol nosuch"), X("4@(%rax,%rbx,3)", "scale 3"),
	X("4@(%rip,%rax)", "an index register with %rip"), X("x@%eax", "a malformed size \"x\""),
	X("8@%eax+4", "unexpected \"+4\""), X("8@$1+$2", "a number expected at \"$2\""),
	X("4@", "an empty operand"),
};
static const struct want bare_w[] = {
	R("%rdi", 8, false, 112, 8, 0), M("8(%rsp)", 8, false, 152, -1, 1, 8), C("$42", 8, false, 42),
};
static const struct want spaced_w[] = {
	M("8@(%rax, %rbx, 8)", 8, false, 80, 40, 8, 0), M("-4@ 8 ( %rbp )", 4, true, 32, -1, 1, 8),
};
static const struct want dup_w[] = {
	X("-4@dup_static(%rip)", "2 symbols are named dup_static"),
};

#define WP(p, n, a) { p, n, a, sizeof(a) / sizeof(a[0]) }
static const struct want_probe forms_w[] = {
	WP("forms", "regs", regs_w), WP("forms", "consts", consts_w), WP("forms", "mems", mems_w),
	WP("forms", "syms", syms_w), WP("forms", "bad", bad_w), WP("forms", "bare", bare_w),
	WP("forms", "spaced", spaced_w), { "forms", "none", NULL, 0 }, WP("forms2", "dup", dup_w),
};

static void check_arg(const char *path, const struct usdt_probe *p, size_t i,
		      const struct want *w, struct elfview *v, enum elf_filetype type)
{
	const struct usdt_arg *a = &p->argv[i];
	char where[PATH_MAX + 200];
	snprintf(where, sizeof(where), "%s: %s:%s arg %zu \"%s\"", path, p->provider, p->name,
		 i + 1, a->text);
	CHECK(strcmp(a->text, w->text) == 0, "%s: text should be \"%s\"", where, w->text);
	enum usdt_arg_kind kind = w->kind;
	bool pic = type != ELF_FILE_EXEC;
	/* $symbol is a constant only where addresses are fixed. */
	if (kind == USDT_ARG_CONST && w->sym && pic) {
		CHECK(a->kind == USDT_ARG_UNSUPPORTED && a->why &&
		      strstr(a->why, "as a constant in a position-independent file"),
		      "%s: should be unsupported here, is %d (%s)", where, a->kind,
		      a->why ? a->why : "");
		return;
	}
	CHECK(a->kind == kind, "%s: kind %d, want %d (%s)", where, a->kind, kind,
	      a->why ? a->why : "");
	if (a->kind != kind)
		return;
	if (kind == USDT_ARG_UNSUPPORTED) {
		CHECK(a->why && strstr(a->why, w->why), "%s: why \"%s\", want \"%s\"", where,
		      a->why ? a->why : "(null)", w->why);
		return;
	}
	CHECK(a->size == w->size && a->is_signed == w->sgn && a->is_float == w->flt,
	      "%s: size %d signed %d float %d, want %d %d %d", where, a->size, a->is_signed,
	      a->is_float, w->size, w->sgn, w->flt);
	uint64_t symaddr = w->sym ? symbol_value(v, w->sym) : 0;
	CHECK(!w->sym || symaddr, "%s: the test finds no symbol %s", where, w->sym);
	switch (kind) {
	case USDT_ARG_CONST:
		CHECK(a->value == (w->sym ? (int64_t)symaddr : w->value), "%s: value %" PRId64,
		      where, a->value);
		break;
	case USDT_ARG_REG:
		CHECK(a->reg.off == w->reg && a->reg.width == w->width && a->reg.shift == w->shift &&
		      a->reg.name && strstr(w->text, a->reg.name),
		      "%s: reg %s off %d width %d shift %d", where, a->reg.name, a->reg.off,
		      a->reg.width, a->reg.shift);
		break;
	case USDT_ARG_MEM: {
		int base = w->base;
		int64_t disp = w->disp;
		if (w->sym) {
			/* Fixed addresses are absolute; elsewhere %rip holds the
			 * probe's address and disp is the distance to the symbol. */
			base = pic ? 128 : -1;
			disp = (int64_t)(symaddr + (uint64_t)w->disp - (pic ? p->vaddr : 0));
			CHECK(a->sym && strcmp(a->sym, w->sym) == 0, "%s: sym %s", where,
			      a->sym ? a->sym : "(null)");
		}
		CHECK(a->base.off == base && a->index.off == w->index && a->scale == w->scale &&
		      a->disp == disp, "%s: base %d index %d scale %d disp %" PRId64
		      ", want %d %d %d %" PRId64, where, a->base.off, a->index.off, a->scale,
		      a->disp, base, w->index, w->scale, disp);
		if (a->base.off >= 0)
			CHECK(a->base.width == 8, "%s: base width %d", where, a->base.width);
		break;
	}
	default:
		break;
	}
}

static void test_forms(const char *path, enum elf_filetype type)
{
	struct elf_file *ef;
	struct usdt_file *u = open_usdt(path, &ef);
	if (!u)
		return;
	CHECK(elf_filetype(ef) == type, "%s: file type %d", path, elf_filetype(ef));
	struct elfview v;
	view_open(path, &v);
	for (size_t k = 0; k < sizeof(forms_w) / sizeof(forms_w[0]); k++) {
		const struct want_probe *wp = &forms_w[k];
		const struct usdt_probe *p = usdt_find(u, wp->provider, wp->name, NULL);
		CHECK(p, "%s: no probe %s:%s", path, wp->provider, wp->name);
		if (!p)
			continue;
		CHECK(usdt_find(u, wp->provider, wp->name, p) == NULL, "%s: two %s:%s", path,
		      wp->provider, wp->name);
		CHECK(p->nargs == wp->nargs, "%s: %s:%s has %zu args, want %zu", path,
		      wp->provider, wp->name, p->nargs, wp->nargs);
		for (size_t i = 0; i < p->nargs && i < wp->nargs; i++)
			check_arg(path, p, i, &wp->args[i], &v, type);
	}
	view_close(&v);
	usdt_close(u);
	elf_close(ef);
}

/* ---- Lookup ---- */

static size_t count_found(const struct usdt_file *u, const char *prov, const char *name)
{
	size_t n = 0;
	for (const struct usdt_probe *p = usdt_find(u, prov, name, NULL); p;
	     p = usdt_find(u, prov, name, p))
		n++;
	return n;
}

static void test_find(void)
{
	struct elf_file *ef;
	struct usdt_file *u = open_usdt(target("app-O2-pie"), &ef);
	if (!u)
		return;
	size_t n;
	usdt_probes(u, &n);
	CHECK(count_found(u, NULL, "*") == n, "* finds %zu of %zu", count_found(u, NULL, "*"), n);
	CHECK(count_found(u, NULL, "site") == 3, "site: %zu sites", count_found(u, NULL, "site"));
	CHECK(count_found(u, "app", "site") == 2, "app:site: %zu", count_found(u, "app", "site"));
	CHECK(count_found(u, "oth*", "site") == 1, "oth*:site: %zu", count_found(u, "oth*", "site"));
	CHECK(count_found(u, NULL, "[mn]o*") == 2, "[mn]o*: %zu", count_found(u, NULL, "[mn]o*"));
	CHECK(count_found(u, NULL, "wor?") == 1, "wor?: %zu", count_found(u, NULL, "wor?"));
	CHECK(count_found(u, NULL, "nosuch") == 0, "nosuch found");
	CHECK(count_found(u, "nosuch", "*") == 0, "provider nosuch found");
	const struct usdt_probe *p = usdt_find(u, NULL, "site", NULL);
	const struct usdt_probe *q = p ? usdt_find(u, NULL, "site", p) : NULL;
	CHECK(p && q && p->offset != q->offset, "two sites of app:site at one offset");
	p = usdt_find(u, NULL, "twelve", NULL);
	CHECK(p && p->nargs == 12, "twelve has %zu args", p ? p->nargs : 0);
	p = usdt_find(u, NULL, "noargs", NULL);
	CHECK(p && p->nargs == 0 && strcmp(p->args, "") == 0, "noargs has args");
	usdt_close(u);
	elf_close(ef);
}

/* ---- 3. Running the programs under a tracer of our own ---- */

/* What the BPF program must compute for `a` at a probe: `regs` is the
 * struct pt_regs of the hit (ip = the probe's address), `memfd` reads the
 * process's memory as bpf_probe_read_user() would. */
static uint64_t reg_at(const unsigned char *regs, int off)
{
	uint64_t r;
	memcpy(&r, regs + off, sizeof(r));
	return r;
}

static bool eval_arg(const struct usdt_arg *a, const unsigned char *regs, int memfd,
		     int64_t *out)
{
	switch (a->kind) {
	case USDT_ARG_CONST:
		*out = a->value;
		return true;
	case USDT_ARG_REG: {
		uint64_t r = reg_at(regs, a->reg.off) >> a->reg.shift;
		*out = extend(r, a->size < a->reg.width ? a->size : a->reg.width, a->is_signed);
		return true;
	}
	case USDT_ARG_MEM: {
		uint64_t addr = (uint64_t)a->disp;
		if (a->base.off >= 0)
			addr += reg_at(regs, a->base.off);
		if (a->index.off >= 0)
			addr += reg_at(regs, a->index.off) * a->scale;
		uint64_t v = 0;
		if (pread(memfd, &v, a->size, (off_t)addr) != a->size)
			return false;
		*out = extend(v, a->size, a->is_signed);
		return true;
	}
	default:
		return false;
	}
}

struct traced {
	char path[PATH_MAX];      /* as /proc/PID/maps names it */
	struct elf_file *ef;
	struct usdt_file *u;
	bool armed;
	uint64_t *addr;           /* run-time address of each probe */
};

/* Puts an int3 on each probe of t and raises its semaphores, once the
 * file is mapped. */
static void arm(pid_t pid, struct traced *t)
{
	if (t->armed)
		return;
	size_t n;
	const struct usdt_probe *p = usdt_probes(t->u, &n);
	for (size_t i = 0; i < n; i++)
		if (!(t->addr[i] = map_offset(pid, t->path, p[i].offset, 'x')))
			return;
	for (size_t i = 0; i < n; i++) {
		errno = 0;
		long w = ptrace(PTRACE_PEEKDATA, pid, (void *)t->addr[i], NULL);
		CHECK(errno == 0 && (w & 0xff) == 0x90, "%s: %s:%s: no nop at 0x%" PRIx64,
		      t->path, p[i].provider, p[i].name, t->addr[i]);
		ptrace(PTRACE_POKEDATA, pid, (void *)t->addr[i], (void *)((w & ~0xffL) | 0xcc));
		if (!p[i].sema_offset)
			continue;
		uint64_t s = map_offset(pid, t->path, p[i].sema_offset, 'w');
		CHECK(s != 0, "%s: %s:%s: semaphore offset 0x%" PRIx64 " not mapped writable",
		      t->path, p[i].provider, p[i].name, p[i].sema_offset);
		if (!s)
			continue;
		/* The semaphore is a 16-bit count; raise it without touching
		 * the bytes beyond it. */
		w = ptrace(PTRACE_PEEKDATA, pid, (void *)s, NULL);
		long low = (w + 1) & 0xffff;
		ptrace(PTRACE_POKEDATA, pid, (void *)s, (void *)((w & ~0xffffL) | low));
	}
	t->armed = true;
}

struct strlist {
	char **v;
	size_t n;
};

static void push(struct strlist *l, const char *s)
{
	l->v = realloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n++] = strdup(s);
}

static void free_list(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* The lines of a program's output. */
static void read_lines(int fd, struct strlist *out)
{
	FILE *fp = fdopen(fd, "r");
	char line[4096];
	while (fgets(line, sizeof(line), fp)) {
		line[strcspn(line, "\n")] = 0;
		push(out, line);
	}
	fclose(fp);
}

static void compare_lines(const char *what, const struct strlist *got, const struct strlist *want)
{
	size_t i = 0;
	for (; i < got->n && i < want->n; i++)
		if (strcmp(got->v[i], want->v[i]) != 0)
			break;
	CHECK(i == got->n && i == want->n,
	      "%s: line %zu: traced \"%s\", program says \"%s\" (%zu and %zu lines)", what,
	      i + 1, i < got->n ? got->v[i] : "(end)", i < want->n ? want->v[i] : "(end)",
	      got->n, want->n);
}

static bool prepare(struct traced *t, const char *path)
{
	memset(t, 0, sizeof(*t));
	if (!realpath(path, t->path))
		return false;
	t->u = open_usdt(path, &t->ef);
	if (!t->u)
		return false;
	size_t n;
	usdt_probes(t->u, &n);
	t->addr = calloc(n ? n : 1, sizeof(*t->addr));
	return true;
}

static void release(struct traced *t)
{
	free(t->addr);
	usdt_close(t->u);
	elf_close(t->ef);
}

static void run_traced(const char *exe, const char *lib)
{
	struct traced t[2];
	size_t nt = 0;
	if (!prepare(&t[nt++], exe))
		return;
	if (lib && !prepare(&t[nt++], lib)) {
		release(&t[0]);
		return;
	}
	int outfd;
	pid_t pid = start_stopped(exe, &outfd);
	if (pid == -2) {
		static bool said;
		if (!said)
			printf("test_usdt: traced runs skipped (ptrace is not permitted)\n");
		said = true;
		goto out;
	}
	CHECK(pid > 0, "%s: cannot start it under ptrace", exe);
	if (pid <= 0)
		goto out;
	char memname[64];
	snprintf(memname, sizeof(memname), "/proc/%d/mem", (int)pid);
	int memfd = open(memname, O_RDONLY);
	struct strlist got = {0}, want = {0};
	int st = 0;
	for (;;) {
		for (size_t i = 0; i < nt; i++)
			arm(pid, &t[i]);
		ptrace(PTRACE_CONT, pid, NULL, NULL);
		if (waitpid(pid, &st, 0) != pid || !WIFSTOPPED(st))
			break;
		if (WSTOPSIG(st) != SIGTRAP) {
			CHECK(0, "%s: stopped by signal %d", exe, WSTOPSIG(st));
			kill(pid, SIGKILL);
			continue;
		}
		struct user_regs_struct regs;
		ptrace(PTRACE_GETREGS, pid, NULL, &regs);
		uint64_t bp = regs.rip - 1;
		const struct usdt_probe *hit = NULL;
		for (size_t i = 0; i < nt && !hit; i++) {
			size_t n;
			const struct usdt_probe *p = usdt_probes(t[i].u, &n);
			for (size_t k = 0; k < n; k++)
				if (t[i].armed && t[i].addr[k] == bp)
					hit = &p[k];
		}
		CHECK(hit, "%s: a trap at 0x%" PRIx64 " on no probe", exe, bp);
		if (!hit) {
			kill(pid, SIGKILL);
			continue;
		}
		/* The kernel shows the uprobe program ip = the probe's
		 * address; user_regs_struct is struct pt_regs on x86-64. */
		regs.rip = bp;
		char line[2048];
		size_t len = (size_t)snprintf(line, sizeof(line), "%s:%s", hit->provider, hit->name);
		for (size_t a = 0; a < hit->nargs; a++) {
			int64_t v;
			const struct usdt_arg *g = &hit->argv[a];
			if (!eval_arg(g, (const unsigned char *)&regs, memfd, &v))
				len += (size_t)snprintf(line + len, sizeof(line) - len, " ?%s", g->text);
			else if (g->is_signed)
				len += (size_t)snprintf(line + len, sizeof(line) - len, " %" PRId64, v);
			else
				len += (size_t)snprintf(line + len, sizeof(line) - len, " %" PRIu64, (uint64_t)v);
			if (len >= sizeof(line))
				len = sizeof(line) - 1;
		}
		push(&got, line);
		regs.rip = bp + 1;   /* past the nop, as if it ran */
		ptrace(PTRACE_SETREGS, pid, NULL, &regs);
	}
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s: traced, ended with status 0x%x", exe, st);
	if (memfd >= 0)
		close(memfd);
	read_lines(outfd, &want);
	char what[PATH_MAX + 16];
	snprintf(what, sizeof(what), "traced %s", exe);
	compare_lines(what, &got, &want);
	CHECK(got.n >= 7, "%s: only %zu probe hits", exe, got.n);
	free_list(&got);
	free_list(&want);
out:
	for (size_t i = 0; i < nt; i++)
		release(&t[i]);
}

/* ---- 4. The kernel: perf uprobes at our offsets and ref_ctr_offsets ---- */

static int uprobe_pmu_type(void)
{
	FILE *fp = fopen("/sys/bus/event_source/devices/uprobe/type", "r");
	int type = -1;
	if (fp) {
		if (fscanf(fp, "%d", &type) != 1)
			type = -1;
		fclose(fp);
	}
	return type;
}

/* The way libbpf attaches a uprobe through perf_event_open: config1 the
 * path, config2 the offset, the ref_ctr_offset in config bits 32-63. */
static int open_uprobe(int type, const char *path, uint64_t off, uint64_t ref_ctr, pid_t pid)
{
	struct perf_event_attr attr;
	memset(&attr, 0, sizeof(attr));
	attr.size = sizeof(attr);
	attr.type = (uint32_t)type;
	attr.config = ref_ctr << 32;
	attr.config1 = (uint64_t)(uintptr_t)path;
	attr.config2 = off;
	return (int)syscall(__NR_perf_event_open, &attr, pid, -1, -1, PERF_FLAG_FD_CLOEXEC);
}

static bool kernel_skipped;
static int kernel_runs;

static void run_kernel(const char *exe, const char *lib)
{
	int type = uprobe_pmu_type();
	if (type < 0 || geteuid() != 0) {
		if (!kernel_skipped)
			printf("test_usdt: kernel uprobe check skipped (%s)\n",
			       type < 0 ? "no uprobe PMU" : "not root");
		kernel_skipped = true;
		return;
	}
	struct traced t[2];
	size_t nt = 0;
	if (!prepare(&t[nt++], exe))
		return;
	if (lib && !prepare(&t[nt++], lib)) {
		release(&t[0]);
		return;
	}
	int outfd;
	pid_t pid = start_stopped(exe, &outfd);
	CHECK(pid > 0 || pid == -2, "%s: cannot start it", exe);
	if (pid <= 0)
		goto out;
	/* One counting uprobe per probe site, for this process only. */
	int *fds[2] = { NULL, NULL };
	bool ok = true;
	for (size_t i = 0; i < nt; i++) {
		size_t n;
		const struct usdt_probe *p = usdt_probes(t[i].u, &n);
		fds[i] = calloc(n ? n : 1, sizeof(int));
		for (size_t k = 0; k < n; k++) {
			fds[i][k] = open_uprobe(type, t[i].path, p[k].offset, p[k].sema_offset, pid);
			if (fds[i][k] < 0 && ok) {
				if (errno == EACCES || errno == EPERM || errno == ENOENT ||
				    errno == EOPNOTSUPP) {
					if (!kernel_skipped)
						printf("test_usdt: kernel uprobe check skipped (perf_event_open: %s)\n",
						       strerror(errno));
					kernel_skipped = true;
				} else {
					CHECK(0, "%s: perf uprobe on %s:%s at 0x%" PRIx64 " ref_ctr 0x%" PRIx64 ": %s",
					      t[i].path, p[k].provider, p[k].name, p[k].offset,
					      p[k].sema_offset, strerror(errno));
				}
				ok = false;
			}
		}
	}
	kernel_runs += ok;
	ptrace(PTRACE_DETACH, pid, NULL, NULL);
	int st;
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s: ended with status 0x%x", exe, st);
	struct strlist want = {0};
	read_lines(outfd, &want);
	for (size_t i = 0; i < nt && ok; i++) {
		size_t n;
		const struct usdt_probe *p = usdt_probes(t[i].u, &n);
		for (size_t k = 0; k < n; k++) {
			/* Sites of one name add up to the program's lines of that name. */
			bool first = true;
			for (size_t j = 0; j < k; j++)
				first &= strcmp(p[j].provider, p[k].provider) != 0 ||
					 strcmp(p[j].name, p[k].name) != 0;
			if (!first)
				continue;
			uint64_t hits = 0;
			for (size_t j = k; j < n; j++) {
				uint64_t c = 0;
				if (strcmp(p[j].provider, p[k].provider) == 0 &&
				    strcmp(p[j].name, p[k].name) == 0 &&
				    read(fds[i][j], &c, sizeof(c)) == sizeof(c))
					hits += c;
			}
			char prefix[300];
			int plen = snprintf(prefix, sizeof(prefix), "%s:%s", p[k].provider, p[k].name);
			uint64_t lines = 0;
			for (size_t l = 0; l < want.n; l++)
				lines += strncmp(want.v[l], prefix, (size_t)plen) == 0 &&
					 (want.v[l][plen] == ' ' || want.v[l][plen] == 0);
			CHECK(hits == lines, "%s: kernel counted %" PRIu64 " hits of %s, the program %" PRIu64,
			      exe, hits, prefix, lines);
		}
	}
	free_list(&want);
	for (size_t i = 0; i < nt; i++) {
		size_t n;
		usdt_probes(t[i].u, &n);
		for (size_t k = 0; fds[i] && k < n; k++)
			if (fds[i][k] >= 0)
				close(fds[i][k]);
		free(fds[i]);
	}
out:
	for (size_t i = 0; i < nt; i++)
		release(&t[i]);
}

/* ---- 5. Errors, damage, prelink ---- */

static void expect_error(const char *path, int code, const char *msg)
{
	struct elf_file *ef = NULL;
	struct elf_error err = {{0}};
	int r = elf_open(path, &ef, &err);
	CHECK(r == 0, "elf_open(%s): %s", path, err.msg);
	if (r)
		return;
	struct usdt_file *u = (struct usdt_file *)1;
	r = usdt_open(ef, &u, &err);
	CHECK(r == code && u == NULL, "%s: usdt_open returned %d, want %d (%s)", path, r, code,
	      err.msg);
	CHECK(strcmp(err.msg, msg) == 0, "%s: message\n  \"%s\", want\n  \"%s\"", path, err.msg, msg);
	if (r == 0)
		usdt_close(u);
	elf_close(ef);
}

/* Where things are in a 64-bit ELF file in memory. */
static Elf64_Shdr *raw_section(unsigned char *buf, const char *name)
{
	Elf64_Ehdr *eh = (Elf64_Ehdr *)buf;
	Elf64_Shdr *sh = (Elf64_Shdr *)(buf + eh->e_shoff);
	const char *strs = (const char *)buf + sh[eh->e_shstrndx].sh_offset;
	for (int i = 0; i < eh->e_shnum; i++)
		if (strcmp(strs + sh[i].sh_name, name) == 0)
			return &sh[i];
	return NULL;
}

struct __attribute__((packed)) rawnote {
	uint32_t namesz, descsz, type;
	char name[8];
	uint64_t loc, base, sema;
	char strs[];
};

static const char *damaged(const char *base, const char *what, const unsigned char *orig,
			   size_t size, void (*edit)(unsigned char *, struct rawnote *))
{
	static char path[PATH_MAX + 64];
	snprintf(path, sizeof(path), "%s/%s.%s", tmpdir, base, what);
	unsigned char *buf = malloc(size);
	memcpy(buf, orig, size);
	Elf64_Shdr *sh = raw_section(buf, ".note.stapsdt");
	edit(buf, (struct rawnote *)(buf + sh->sh_offset));
	spit(path, buf, size);
	free(buf);
	return path;
}

static uint64_t g_data_addr, g_text_addr, g_bss_addr;

static void e_short(unsigned char *b, struct rawnote *n) { (void)b; n->descsz = 20; }
static void e_long(unsigned char *b, struct rawnote *n) { (void)b; n->descsz = 0x100000; }
static void e_unterminated(unsigned char *b, struct rawnote *n)
{
	(void)b;
	n->descsz = 24 + (uint32_t)strlen(n->strs) + 1 + 2;
}
static void e_noname(unsigned char *b, struct rawnote *n)
{
	(void)b;
	n->descsz = 24 + (uint32_t)strlen(n->strs) + 1;
}
static void e_emptyname(unsigned char *b, struct rawnote *n)
{
	(void)b;
	n->strs[strlen(n->strs) + 1] = 0;
}
static void e_nowhere(unsigned char *b, struct rawnote *n) { (void)b; n->loc = 0x7fff00000000; }
static void e_data(unsigned char *b, struct rawnote *n) { (void)b; n->loc = g_data_addr; }
static void e_sema_code(unsigned char *b, struct rawnote *n) { (void)b; n->sema = g_text_addr; }
static void e_sema_bss(unsigned char *b, struct rawnote *n) { (void)b; n->sema = g_bss_addr; }
static void e_type(unsigned char *b, struct rawnote *n) { (void)b; n->type = 1; }
static void e_owner(unsigned char *b, struct rawnote *n) { (void)b; n->name[0] = 'S'; }
static void e_progbits(unsigned char *b, struct rawnote *n)
{
	(void)n;
	raw_section(b, ".note.stapsdt")->sh_type = SHT_PROGBITS;
}

static size_t probe_count(const char *path)
{
	struct elf_file *ef;
	struct usdt_file *u = open_usdt(path, &ef);
	size_t n = 0;
	if (u) {
		usdt_probes(u, &n);
		usdt_close(u);
		elf_close(ef);
	}
	return n;
}

static void test_errors(void)
{
	char msg[PATH_MAX + 200];
	const char *path = target("nonotes");
	snprintf(msg, sizeof(msg), "no USDT probes in %s", path);
	expect_error(path, -ENOENT, msg);

	/* The first note of app-O0-nopie is app:work at a fixed address. */
	const char *app = target("app-O0-nopie");
	size_t size;
	unsigned char *orig = slurp(app, &size);
	if (!orig) {
		CHECK(0, "cannot read %s", app);
		return;
	}
	g_data_addr = raw_section(orig, ".data")->sh_addr;
	g_text_addr = raw_section(orig, ".text")->sh_addr;
	g_bss_addr = raw_section(orig, ".bss")->sh_addr;
	struct rawnote *first = (struct rawnote *)(orig + raw_section(orig, ".note.stapsdt")->sh_offset);
	CHECK(strcmp(first->strs, "app") == 0 && first->type == 3, "app's first note is not app's");
	size_t nprobes = probe_count(app);

	static const struct {
		const char *what;
		void (*edit)(unsigned char *, struct rawnote *);
		int code;
		const char *msg;    /* after "...USDT note(s)" */
	} cases[] = {
		{ "short", e_short, -EINVAL, "malformed USDT note 1 in %s: too short (20 bytes) for three addresses and three names" },
		{ "long", e_long, -EINVAL, "malformed USDT note 1 in %s: it runs past the end of .note.stapsdt" },
		{ "unterminated", e_unterminated, -EINVAL, "malformed USDT note 1 in %s: the probe name is not terminated" },
		{ "noname", e_noname, -EINVAL, "malformed USDT note 1 in %s: the probe name is missing" },
		{ "emptyname", e_emptyname, -EINVAL, "malformed USDT note 1 in %s: the probe name is empty" },
		{ "nowhere", e_nowhere, -EINVAL, "malformed USDT note 1 (app:work) in %s: probe address 0x7fff00000000 is not in any loadable segment of the file" },
		{ "data", e_data, -EINVAL, "malformed USDT note 1 (app:work) in %s: probe address 0x%" PRIx64 " is not in code" },
		{ "semacode", e_sema_code, -EINVAL, "malformed USDT note 1 (app:work) in %s: semaphore address 0x%" PRIx64 " is in code" },
		{ "semabss", e_sema_bss, -EINVAL, "malformed USDT note 1 (app:work) in %s: semaphore address 0x%" PRIx64 " is in zero-filled memory (.bss), not in the file" },
		{ "progbits", e_progbits, -EINVAL, "malformed USDT notes in %s: .note.stapsdt is not a note section" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *p = damaged("app", cases[i].what, orig, size, cases[i].edit);
		uint64_t addr = cases[i].edit == e_data ? g_data_addr :
				cases[i].edit == e_sema_code ? g_text_addr : g_bss_addr;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		snprintf(msg, sizeof(msg), cases[i].msg, p, addr);
#pragma GCC diagnostic pop
		expect_error(p, cases[i].code, msg);
	}
	/* Notes of other types or owners are not probes. */
	CHECK(probe_count(damaged("app", "type", orig, size, e_type)) == nprobes - 1,
	      "a note of type 1 is a probe");
	CHECK(probe_count(damaged("app", "owner", orig, size, e_owner)) == nprobes - 1,
	      "a note of owner Stapsdt is a probe");

	/* Random damage to the notes: an error or probes, never a crash. */
	Elf64_Shdr *ns = raw_section(orig, ".note.stapsdt");
	unsigned char *buf = malloc(size);
	char fpath[PATH_MAX + 64];
	snprintf(fpath, sizeof(fpath), "%s/app.fuzz", tmpdir);
	srand(12345);
	size_t opened = 0, failed = 0;
	for (int round = 0; round < 300; round++) {
		memcpy(buf, orig, size);
		int flips = 1 + rand() % 4;
		for (int k = 0; k < flips; k++) {
			size_t at = ns->sh_offset + (size_t)rand() % ns->sh_size;
			buf[at] = rand() % 3 == 0 ? 0 : (unsigned char)rand();
		}
		spit(fpath, buf, size);
		struct elf_file *ef;
		struct elf_error err;
		if (elf_open(fpath, &ef, &err) != 0)
			continue;
		struct usdt_file *u;
		int r = usdt_open(ef, &u, &err);
		CHECK(r == 0 || r == -EINVAL || r == -ENOENT, "fuzz round %d: %d %s", round, r, err.msg);
		if (r == 0) {
			opened++;
			size_t n;
			const struct usdt_probe *p = usdt_probes(u, &n);
			for (size_t k = 0; k < n; k++) {
				size_t len = strlen(p[k].provider) + strlen(p[k].name) + strlen(p[k].args);
				for (size_t a = 0; a < p[k].nargs; a++)
					len += strlen(p[k].argv[a].text) +
					       (p[k].argv[a].why ? strlen(p[k].argv[a].why) : 0);
				CHECK(len > 0, "fuzz: empty strings");
			}
			usdt_close(u);
		} else {
			failed++;
			CHECK(strstr(err.msg, fpath) != NULL, "fuzz: message without the path: %s", err.msg);
		}
		elf_close(ef);
	}
	CHECK(opened > 0 && failed > 0, "fuzz: %zu opened, %zu failed", opened, failed);
	free(buf);
	free(orig);
}

/* prelink moves the sections and segments of a library but not the
 * notes; a copy with everything allocated moved by 0x100000 stands in
 * for it (prelink itself is long gone from distributions). */
static void test_prelink(const char *name)
{
	const char *path = target(name);
	size_t size;
	unsigned char *buf = slurp(path, &size);
	if (!buf) {
		CHECK(0, "cannot read %s", path);
		return;
	}
	const uint64_t delta = 0x100000;
	Elf64_Ehdr *eh = (Elf64_Ehdr *)buf;
	Elf64_Phdr *ph = (Elf64_Phdr *)(buf + eh->e_phoff);
	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD) {
			ph[i].p_vaddr += delta;
			ph[i].p_paddr += delta;
		}
	raw_section(buf, ".stapsdt.base")->sh_addr += delta;
	char moved[PATH_MAX + 64];
	snprintf(moved, sizeof(moved), "%s/%s.prelinked", tmpdir, name);
	spit(moved, buf, size);
	free(buf);

	struct elf_file *e1, *e2;
	struct usdt_file *u1 = open_usdt(path, &e1), *u2 = open_usdt(moved, &e2);
	if (u1 && u2) {
		size_t n1, n2;
		const struct usdt_probe *a = usdt_probes(u1, &n1), *b = usdt_probes(u2, &n2);
		CHECK(n1 == n2, "prelinked %s: %zu probes, not %zu", name, n2, n1);
		for (size_t i = 0; i < n1 && i < n2; i++) {
			CHECK(b[i].vaddr == a[i].vaddr + delta && b[i].offset == a[i].offset,
			      "prelinked %s: %s at 0x%" PRIx64 " offset 0x%" PRIx64 ", was 0x%" PRIx64
			      " 0x%" PRIx64, name, a[i].name, b[i].vaddr, b[i].offset, a[i].vaddr,
			      a[i].offset);
			CHECK(a[i].sema_vaddr == 0 ||
			      (b[i].sema_vaddr == a[i].sema_vaddr + delta &&
			       b[i].sema_offset == a[i].sema_offset),
			      "prelinked %s: %s semaphore at 0x%" PRIx64 " offset 0x%" PRIx64, name,
			      a[i].name, b[i].sema_vaddr, b[i].sema_offset);
		}
	}
	usdt_close(u1);
	usdt_close(u2);
	if (u1)
		elf_close(e1);
	if (u2)
		elf_close(e2);
}

static int rm_tmp(void)
{
	char cmd[PATH_MAX + 16];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test_usdt DIR   (DIR from usdt_targets/build.sh)\n");
		return 2;
	}
	target_dir = argv[1];
	if (!make_tmpdir(tmpdir, sizeof(tmpdir), "test_usdt"))
		return 2;
	alarm(120);   /* a traced program that hangs must not hang the suite */

	static const char *const apps[] = {
		"app-O0-pie", "app-O2-pie", "app-O0-nopie", "app-O2-nopie", "app-clang-O2-pie",
	};
	for (size_t i = 0; i < sizeof(apps) / sizeof(apps[0]); i++) {
		const char *p = target(apps[i]);
		if (!exists(p))
			continue;   /* no clang */
		test_file(p);
		test_all_supported(p, false);
		run_traced(p, NULL);
		/* Removing a uprobe waits for the kernel (0.1 s each here):
		 * one PIE and one fixed-address program are enough. */
		if (i == 1 || i == 2)
			run_kernel(p, NULL);
	}
	test_file(target("app-O2-pie.stripped"));
	test_all_supported(target("app-O2-pie.stripped"), true);
	for (int o = 0; o <= 2; o += 2) {
		char lib[32], exe[32];
		snprintf(lib, sizeof(lib), "libusdt-O%d.so", o);
		snprintf(exe, sizeof(exe), "libmain-O%d", o);
		test_file(target(lib));
		test_all_supported(target(lib), false);
		run_traced(target(exe), target(lib));
		if (o == 2)
			run_kernel(target(exe), target(lib));
	}
	test_file(target("forms-pie"));
	test_forms(target("forms-pie"), ELF_FILE_PIE);
	test_forms(target("forms-nopie"), ELF_FILE_EXEC);
	test_forms(target("forms.so"), ELF_FILE_SHLIB);
	test_find();
	test_errors();
	test_prelink("app-O2-pie");
	test_prelink("libusdt-O2.so");

	rm_tmp();
	if (kernel_runs)
		printf("test_usdt: %d programs ran with the kernel's uprobes at our offsets\n",
		       kernel_runs);
	return checks_done("test_usdt");
}
