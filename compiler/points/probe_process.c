/* SPDX-License-Identifier: GPL-2.0-or-later */
/* probe_process.c — process("PATH").function("NAME")[.call|.return]:
 * uprobes at the entry of functions found in the file's symbol table, and
 * uretprobes on their return; process("PATH").statement(ADDR): a uprobe at
 * an address, checked to be where an instruction starts;
 * process("PATH").statement("FUNC@FILE:LINE") and
 * process("PATH").function("FUNC").label("LABEL"): source lines and C
 * labels (probe_lines.c); process("PATH").plt("NAME")[.return]: PLT
 * entries (probe_plt.c);
 * process("PATH").mark("NAME"): USDT probes (probe_mark.c).
 *
 * The file is process("PATH") resolved as elfsym.h says, process(PID)'s
 * executable, or the executable of the -c/-x target for a bare `process`,
 * whose points fire in the target and its descendants (PID_FAMILY).
 * A running process's executable is opened, read and probed as
 * /proc/PID/exe, never by the name that link reads: the kernel resolves it
 * to the file the process maps, which after a package upgrade is deleted
 * ("PATH (deleted)") or no longer the file at PATH, and a file that happens
 * to be named "PATH (deleted)" is no concern of the process.  pp() and
 * messages name it as the link reads, " (deleted)" included, as
 * /proc/PID/maps and perf do, which tells an old program from the one now
 * installed. */
#include <elf.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "binary/debugfile.h"
#include "parse/suggest.h"
#include "parse/arena.h"
#include "compile.h"
#include "parse/diag.h"
#include "dwarf/dwarfinfo.h"
#include "binary/elfsym.h"
#include "binary/insn.h"
#include "probes.h"
#include "symmatch.h"

static bool is_process(const struct probe_point *pp)
{
	return strcmp(pp->comps->name, "process") == 0;
}

/* A running process's executable: /proc/PID/exe in out, and in *name
 * what that link reads, for pp() (NULL if it cannot be read). */
static int process_exe(struct attach_table *t, const struct probe_point *pp, int64_t pid,
		       char *out, size_t outsz, const char **name)
{
	snprintf(out, outsz, "/proc/%" PRId64 "/exe", pid);
	int fd = open(out, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return probes_fail(pp, "no process %" PRId64 " (or its executable cannot be read)",
				   pid);
	close(fd);
	char link[PATH_MAX];
	ssize_t n = readlink(out, link, sizeof(link) - 1);
	*name = n > 0 ? arena_strndup(t->arena, link, (size_t)n) : NULL;
	return 0;
}

/* The probed file of the point's process(…) component, in out, and the
 * name pp() gives it where that is not its path. */
static int process_file(struct attach_table *t, const struct probe_point *pp,
			struct attach_point *proto, char *out, size_t outsz, const char **name)
{
	*name = NULL;
	const struct pp_comp *c = pp->comps;
	struct elf_error err;
	if (c->arg_kind == PP_ARG_STR) {
		if (elf_find_path(c->str, out, outsz, NULL, &err) < 0)
			return probes_fail(pp, "%s", err.msg);
		proto->pid_filter = PID_ANY;
		return 0;
	}
	if (c->arg_kind == PP_ARG_NUM) {
		if (c->num <= 0 || c->num > INT_MAX)
			return probes_fail(pp, "%" PRId64 " is not a process id", c->num);
		if (process_exe(t, pp, c->num, out, outsz, name) < 0)
			return -1;
		proto->pid_filter = PID_GIVEN;
		proto->pid = (int)c->num;
		return 0;
	}
	if (!t->opts->target_exe)
		return probes_fail(pp, "a bare 'process' names the target's executable, "
				   "and there is no target: use -c CMD or -x PID");
	proto->pid_filter = PID_FAMILY;
	if (t->opts->target_pid)
		return process_exe(t, pp, t->opts->target_pid, out, outsz, name);
	/* The -c command has not started: its file is found by name, as
	 * its exec will find it. */
	if (elf_find_path(t->opts->target_exe, out, outsz, NULL, &err) < 0)
		return probes_fail(pp, "%s", err.msg);
	return 0;
}

/* File offsets already probed for one point, so that aliases (several
 * names at one address: a constructor's C1 and C2, a C alias) get one
 * probe, as the kernel would fire each of them at the same place. */
struct offsets {
	uint64_t *slot;   /* open addressing; an offset is stored plus one */
	size_t cap, n;    /* cap is a power of two */
};

/* Adds off; false if it was there. */
static bool offsets_add(struct offsets *o, uint64_t off)
{
	if (2 * (o->n + 1) > o->cap) {
		struct offsets bigger = { xcalloc(o->cap ? 2 * o->cap : 64, sizeof(uint64_t)),
					  o->cap ? 2 * o->cap : 64, 0 };
		for (size_t i = 0; i < o->cap; i++)
			if (o->slot[i])
				offsets_add(&bigger, o->slot[i] - 1);
		free(o->slot);
		*o = bigger;
	}
	size_t i = (size_t)((off * 0x9e3779b97f4a7c15ull) >> 32) & (o->cap - 1);
	for (; o->slot[i]; i = (i + 1) & (o->cap - 1))
		if (o->slot[i] == off + 1)
			return false;
	o->slot[i] = off + 1;
	o->n++;
	return true;
}

/* pp() for a function: SystemTap's, the function as symm_ppfunc() names
 * it and, when the file's DWARF has it, where it is declared:
 * function("geo::Counter::bump@/src/geo.cc:33"). */
static const char *function_pp(struct attach_table *t, const struct symm_pattern *pat,
			       const struct elf_sym *s, struct dwi *dw,
			       const struct elf_file *f, const char *suffix)
{
	const char *file;
	int line;
	bool dwarf = dwi_function_decl(dw, s->vaddr, &file, &line);
	const char *name = symm_ppfunc(t->names, pat, s, dwarf);
	if (dwarf)
		return arena_printf(t->arena, "process(\"%s\").function(\"%s@%s:%d\")%s",
				    elf_path(f), name, file, line, suffix);
	return arena_printf(t->arena, "process(\"%s\").function(\"%s\")%s", elf_path(f), name,
			    suffix);
}

/* The functions of f whose names are closest to name, as SystemTap
 * suggests them (parse/suggest.h, in s); C++ functions by their mangled
 * names only when name is one.  NULL if none is close. */
static const char *similar_functions(struct elf_file *f, const char *name, struct suggest *s)
{
	suggest_init(s, name);
	bool mangled = strncmp(name, "_Z", 2) == 0;
	size_t nsyms;
	const struct elf_sym *syms = elf_syms(f, &nsyms);
	for (size_t i = 0; i < nsyms; i++)
		if (syms[i].type == STT_FUNC && syms[i].name &&
		    (mangled || strncmp(syms[i].name, "_Z", 2) != 0))
			suggest_add(s, syms[i].name);
	return suggest_list(s);
}

/* After "no function named 'shapes::twice'": a template instance is
 * named with its arguments, which is easy to forget; name one. */
static void note_template(struct attach_table *t, const struct probe_point *pp,
			  struct elf_file *f, const char *name)
{
	struct symm_pattern *pat;
	if (pp->optional || strpbrk(name, "*?[<") ||
	    symm_pattern_new(arena_printf(t->arena, "%s<*>", name), &pat, NULL) < 0)
		return;
	size_t nsyms;
	const struct elf_sym *syms = elf_syms(f, &nsyms);
	for (size_t i = 0; i < nsyms; i++) {
		if (syms[i].type == STT_FUNC && symm_match(t->names, pat, &syms[i])) {
			diag_note(&pp->loc, "a template instance is named with its template "
				  "arguments, as in '%s'",
				  symm_ppfunc(t->names, pat, &syms[i], true));
			break;
		}
	}
	symm_pattern_free(pat);
}

/* The file offset of vaddr in f, if it is in executable code and the point
 * has no row there yet. */
static bool new_offset(struct elf_file *f, uint64_t vaddr, struct offsets *seen,
		       uint64_t *off)
{
	bool exec;
	struct elf_error err;
	return elf_vaddr_to_offset(f, vaddr, off, &exec, &err) == 0 && exec &&
	       offsets_add(seen, *off);
}

/* A row like proto at file offset off. */
struct attach_point *probes_add_row(struct attach_table *t, const struct probe *p,
				    const struct probe_point *pp, uint64_t off,
				    const struct attach_point *proto)
{
	struct attach_point *a = attach_add(t, p, pp, proto->kind);
	a->path = proto->path;
	a->offset = off;
	a->pid_filter = proto->pid_filter;
	a->pid = proto->pid;
	return a;
}

/* USCRIPT_NO_INSN_CHECK=1 leaves the judgement to the kernel, so the
 * tests can cover what attach.c does when it refuses a point. */
const char *probes_refusal(struct attach_table *t, struct elf_file *f, uint64_t vaddr,
			   const char *func)
{
	const char *off = getenv("USCRIPT_NO_INSN_CHECK");
	if (off && *off && strcmp(off, "0") != 0)
		return NULL;
	unsigned char code[15];
	ssize_t len = elf_read_code(f, vaddr, code, sizeof(code));
	struct insn_refusal r;
	if (len <= 0 || insn_uprobe_ok(code, (size_t)len, vaddr, &r))
		return NULL;
	return arena_printf(t->arena, "the kernel cannot probe the instruction at 0x%" PRIx64
			    "%s%s%s%s%s: %s", vaddr, func ? " in " : "", func ? func : "",
			    r.text[0] ? " (" : "", r.text, r.text[0] ? ")" : "", r.why);
}

/* GCC's "f.cold" (and "f.cold.1"): the unlikely part of f, moved away
 * from it.  It has a symbol but is no function: nothing enters it, and a
 * wildcard leaves it out, as SystemTap's DWARF does. */
static bool is_cold_part(const char *name)
{
	const char *c = strstr(name, ".cold");
	if (!c || c == name)
		return false;
	c += 5;
	if (*c == '.')
		for (c++; *c >= '0' && *c <= '9'; c++)
			;
	return *c == '\0';
}

/* Whether a function of rows[first..] may have inlined copies: finding
 * them reads all of a file's DWARF (seconds, for a big program), which a
 * name whose functions were never inlined does without. */
static bool any_inlined(struct attach_table *t, struct dwi *dw, int first)
{
	for (int i = first; i < t->n; i++) {
		const struct dwi_func *fn = dwi_func_at(dw, t->ctx[i].vaddr);
		if (!fn || dwi_func_inlined(fn))
			return true;
	}
	return false;
}

/* pp() for an inlined copy: the inlined function's name and declaration. */
static const char *inline_pp(struct attach_table *t, const char *path,
			     const struct dwi_site *site)
{
	if (site->func->decl_file && site->func->decl_line)
		return arena_printf(t->arena, "process(\"%s\").function(\"%s@%s:%d\")", path,
				    site->name, site->func->decl_file, site->func->decl_line);
	return arena_printf(t->arena, "process(\"%s\").function(\"%s\")", path, site->name);
}

/* A row for each inlined copy of a function that NAME names.  A copy the
 * kernel cannot probe is left out with a warning even when NAME has no
 * wildcard: its first instruction is whatever the caller's code has there,
 * which is no reason to give up the function's other copies. */
static void add_inlines(struct attach_table *t, const struct probe *p,
			const struct probe_point *pp, struct elf_file *f, struct dwi *dw,
			const char *name, const char *file, const struct attach_point *proto,
			struct offsets *seen)
{
	struct dwi_site *sites;
	int n = dwi_match(dw, name, DWI_MATCH_INLINES, &sites);
	for (int i = 0; i < n; i++) {
		const struct dwi_site *site = &sites[i];
		uint64_t off;
		if (!site->caller || (file && !dwi_file_matches(file, site->func->decl_file)) ||
		    !new_offset(f, site->entry, seen, &off))
			continue;
		const char *why = probes_refusal(t, f, site->entry, NULL);
		if (why) {
			probes_skip(t, inline_pp(t, elf_path(f), site), why);
			continue;
		}
		struct attach_point *a = probes_add_row(t, p, pp, off, proto);
		a->may_skip = true;
		/* probefunc() is the symbol the address is in: the caller's */
		a->func = arena_strdup(t->arena, site->caller->linkage ? site->caller->linkage :
				       site->caller->name);
		t->ctx[t->n - 1].inlined = true;
		t->ctx[t->n - 1].decl_line = site->func->decl_line;
		/* its variables are where DWARF puts them, as at a line */
		t->ctx[t->n - 1].file = f;
		t->ctx[t->n - 1].vaddr = site->entry;
		t->ctx[t->n - 1].at_line = true;
		t->ctx[t->n - 1].scope = dwi_site_scope(dw, site);
		if (t->opts->list_vars)
			t->ctx[t->n - 1].listing = arena_strdup(t->arena,
								dwi_site_listing(site, false));
		a->pp = inline_pp(t, elf_path(f), site);
	}
	if (n > 0)
		free(sites);
}

/* The functions a .return point leaves out (returns.c). */
struct ret_skips {
	int entry, twice, never;
	bool this_one;         /* the last one asked about */
	bool cxx_warned;
};

/* Whether s, which a .return point matches, is left out; -1 after an
 * error.  A name that means the entry point or a function that returns
 * twice is an error, one that never returns a warning; a wildcard leaves
 * them out, each named with -v. */
static int skip_return(struct attach_table *t, const struct probe_point *pp, struct elf_file *f,
		       const struct elf_sym *s, const struct dwi_func *fn, bool wild,
		       struct ret_skips *k)
{
	enum ret_verdict v = ret_verdict(f, s, fn);
	k->this_one = v != RET_OK;
	if (v == RET_OK) {
		if (!k->cxx_warned && ret_cxx_unwinds(f, s)) {
			ret_warn_cxx(t, pp);
			k->cxx_warned = true;
		}
		return 0;
	}
	if (!wild && v != RET_NEVER)
		return probes_fail(pp, "'%s' %s", s->name, ret_why(v));
	if (!wild)
		diag_warning(&pp->loc, "'%s' %s; it is left out", s->name, ret_why(v));
	else if (t->opts->verbose)
		diag_note(&pp->loc, "no .return probe on '%s': it %s", s->name, ret_why(v));
	k->entry += v == RET_ENTRY_POINT;
	k->twice += v == RET_TWICE;
	k->never += v == RET_NEVER;
	return 0;
}

/* A wildcard's .return point: what it left out, in one note. */
static void note_skips(struct attach_table *t, const struct probe_point *pp, const char *name,
		       bool wild, const struct ret_skips *k)
{
	int n = k->entry + k->twice + k->never;
	if (!n || !wild || t->opts->verbose)
		return;
	char what[160] = "";
	size_t len = 0;
	if (k->entry)
		len += (size_t)snprintf(what, sizeof(what), "the entry point");
	if (k->twice)
		len += (size_t)snprintf(what + len, sizeof(what) - len, "%s%d that return twice",
					len ? ", " : "", k->twice);
	if (k->never)
		snprintf(what + len, sizeof(what) - len, "%s%d that never return",
			 len ? ", " : "", k->never);
	diag_note(&pp->loc, "%d function%s that '%s' matches get%s no .return probe (%s); "
		  "-v names them", n, n == 1 ? "" : "s", name, n == 1 ? "s" : "", what);
}

/* Adds one row per function that NAME names (symmatch.h: by linked name,
 * or by C++ qualified name), one per address.  A function the kernel
 * cannot probe is left out, with a warning, if NAME is a wildcard, and is
 * an error if NAME names it. */
static int add_functions(struct attach_table *t, const struct probe *p,
			 const struct probe_point *pp, struct elf_file *f,
			 const char *name, const char *file, const struct attach_point *proto,
			 const char *suffix)
{
	struct symm_pattern *pat;
	const char *why;
	if (symm_pattern_new(name, &pat, &why) < 0)
		return probes_fail(pp, "%s", why);
	if (!t->names)
		t->names = symm_cache_new();
	struct dwi *dw = probes_dwarf(t, proto->path);
	struct offsets seen = { 0 };
	size_t nsyms;
	const struct elf_sym *syms = elf_syms(f, &nsyms);
	int first = t->n, matched = 0, skipped = t->nskipped, refused = 0;
	bool wild = symm_pattern_is_wild(pat);
	struct ret_skips skips = { 0 };
	for (size_t i = 0; i < nsyms; i++) {
		const struct elf_sym *s = &syms[i];
		uint64_t off;
		if (s->type != STT_FUNC || !symm_match(t->names, pat, s) ||
		    (wild && is_cold_part(s->name)))
			continue;
		/* As in SystemTap, a wildcard in a file with DWARF names the
		 * functions the DWARF describes, not what the compiler and
		 * the linker added (_start, _init, frame_dummy...). */
		const struct dwi_func *fn = dw ? dwi_func_at(dw, s->vaddr) : NULL;
		if ((wild && dw && !fn) || (file && !(fn && dwi_file_matches(file, fn->decl_file))))
			continue;
		matched++;
		if (proto->kind == ATTACH_URETPROBE &&
		    skip_return(t, pp, f, s, fn, wild, &skips) < 0) {
			free(seen.slot);
			symm_pattern_free(pat);
			return -1;
		}
		if (skips.this_one)
			continue;
		if (!new_offset(f, s->vaddr, &seen, &off))
			continue;
		why = probes_refusal(t, f, s->vaddr, wild ? NULL : s->name);
		if (why && wild) {
			probes_skip(t, function_pp(t, pat, s, dw, f, suffix), why);
			continue;
		}
		if (why) {
			probes_fail(pp, "%s", why);
			refused++;
			continue;
		}
		struct attach_point *a = probes_add_row(t, p, pp, off, proto);
		a->may_skip = wild;
		a->func = s->name;   /* probefunc(): usymname(uaddr()) in SystemTap */
		t->ctx[t->n - 1].file = f;
		t->ctx[t->n - 1].vaddr = s->vaddr;
		a->pp = function_pp(t, pat, s, dw, f, suffix);
	}
	/* .function also probes the copies the compiler inlined, which
	 * only DWARF knows; .call and .return leave them out, as in
	 * SystemTap (an inlined copy has no call and no return). */
	if (!refused && dw && proto->kind == ATTACH_UPROBE && !*suffix &&
	    (wild || t->n == first || any_inlined(t, dw, first)))
		add_inlines(t, p, pp, f, dw, name, file, proto, &seen);
	free(seen.slot);
	symm_pattern_free(pat);
	note_skips(t, pp, name, wild, &skips);
	if (refused)
		return -1;
	if (t->n > first || (matched && skips.never == matched && !wild))
		return 0;
	if (t->nskipped > skipped) {
		/* Every point was refused: nothing is left to probe. */
		int k = t->nskipped - skipped;
		if (wild)
			probes_fail(pp, "the kernel cannot probe any of the %d function%s '%s' "
				    "matches in %s", k, k == 1 ? "" : "s", name, elf_path(f));
		else
			probes_fail(pp, "the kernel cannot probe any of the %d inlined "
				    "cop%s of '%s' in %s", k, k == 1 ? "y" : "ies", name,
				    elf_path(f));
		if (!pp->optional)
			diag_note(&pp->loc, "%s", t->skipped[skipped].why);
		t->nskipped = skipped;
		return -1;
	}
	if (matched)
		return probes_fail(pp, "'%s' is not in executable code of %s", name,
				   elf_path(f));
	if (!elf_sym_table(f))
		return probes_fail(pp, "%s has no symbol table", elf_path(f));
	struct suggest sug;
	const char *similar = wild ? NULL : similar_functions(f, name, &sug);
	if (file)
		probes_fail(pp, "no function %s '%s' in a source file matching '%s' in %s%s%s%s",
			    wild ? "matches" : "named", name, file, elf_path(f),
			    similar ? " (similar: " : "", similar ? similar : "", similar ? ")" : "");
	else
		probes_fail(pp, "no function %s '%s' in %s%s%s%s", wild ? "matches" : "named",
			    name, elf_path(f), similar ? " (similar: " : "",
			    similar ? similar : "", similar ? ")" : "");
	note_template(t, pp, f, name);
	if (!pp->optional && strcmp(elf_sym_table(f), ".dynsym") == 0 && !elf_symbols_from(f))
		diag_note(&pp->loc, "%s is stripped: only its dynamic symbols are known (%s)",
			  elf_path(f), debugfile_hint());
	return -1;
}

/* .statement(ADDR): ADDR as nm and objdump print it.  It must be in the
 * code of a function the symbol table or the unwinding tables know, at the
 * start of an instruction: anywhere else the breakpoint would corrupt the
 * program. */
static int add_statement(struct attach_table *t, const struct probe *p,
			 const struct probe_point *pp, struct elf_file *f,
			 uint64_t addr, const struct attach_point *proto)
{
	uint64_t off, before, after;
	bool exec;
	struct elf_error err;
	if (elf_vaddr_to_offset(f, addr, &off, &exec, &err) < 0)
		return probes_fail(pp, "%s", err.msg);
	if (!exec)
		return probes_fail(pp, "address 0x%" PRIx64 " is not in executable code of %s",
				   addr, elf_path(f));
	uint64_t lo, hi;
	const char *fname;
	if (elf_function_range(f, addr, &lo, &hi, &fname) < 0)
		return probes_fail(pp, "address 0x%" PRIx64 " is in no function that %s's symbol "
				   "table or unwinding tables know, so uscript cannot tell "
				   "whether an instruction starts there", addr, elf_path(f));
	const char *what = fname ? fname :
		arena_printf(t->arena, "the function at 0x%" PRIx64, lo);
	unsigned char *code = xcalloc(hi - lo + 1, 1);
	ssize_t len = elf_read_code(f, lo, code, hi - lo);
	enum insn_result r = len > 0 ? insn_boundary(code, (size_t)len, lo, addr, &before,
						     &after) : INSN_UNKNOWN;
	free(code);
	if (r == INSN_INSIDE)
		return probes_fail(pp, "address 0x%" PRIx64 " is inside an instruction of %s "
				   "(it starts at 0x%" PRIx64 ", the next at 0x%" PRIx64 ")",
				   addr, what, before, after);
	if (r == INSN_UNKNOWN)
		return probes_fail(pp, "the code of %s before address 0x%" PRIx64 " does not "
				   "decode, so uscript cannot tell whether an instruction "
				   "starts there", what, addr);
	const char *why = probes_refusal(t, f, addr, what);
	if (why)
		return probes_fail(pp, "%s", why);
	struct attach_point *a = probes_add_row(t, p, pp, off, proto);
	a->func = fname ? fname : "";
	a->pp = arena_printf(t->arena, "process(\"%s\").statement(0x%" PRIx64 ")", elf_path(f),
			     addr);
	/* Its variables: a function's, by the ABI, at the function's first
	 * instruction; those in scope, by DWARF, anywhere else. */
	struct row_ctx *x = &t->ctx[t->n - 1];
	struct dwi *dw = probes_dwarf(t, proto->path);
	x->file = f;
	x->vaddr = addr;
	x->at_line = !dwi_func_at(dw, addr);
	if (t->opts->list_vars && x->at_line)
		x->listing = dwi_scope_listing(dwi_scope_at(dw, addr));
	return 0;
}

/* .function("NAME@FILE"), "NAME@FILE:LINE" and "NAME@FILE+N", as
 * SystemTap takes them: the functions NAME names that are declared in a
 * file matching FILE (which needs DWARF).  A line that is none of theirs
 * does not narrow them further: SystemTap probes them all and says that a
 * line is probed with .statement, and so does uscript. */
static int add_functions_at(struct attach_table *t, const struct probe *p,
			    const struct probe_point *pp, struct elf_file *f, const char *text,
			    const struct attach_point *proto, const char *suffix)
{
	const char *scope = NULL;
	for (const char *c = strstr(text, "::"); c; c = strstr(c + 1, "::"))
		scope = c + 2;
	const char *at = strchr(scope ? scope : text, '@');
	if (!at)
		return add_functions(t, p, pp, f, text, NULL, proto, suffix);
	const char *sep = strpbrk(at, ":+");
	const char *file = arena_strndup(t->arena, at + 1,
					 sep ? (size_t)(sep - at - 1) : strlen(at + 1));
	if (at == text || !*file || (sep && !sep[1]))
		return probes_fail(pp, "a function is \"NAME\", \"NAME@FILE\" or "
				   "\"NAME@FILE:LINE\", not '%s'", text);
	if (!elf_has_dwarf(f) && !probes_dwarf(t, proto->path))
		return probes_fail(pp, "'%s' names a source file, which needs debug "
				   "information, and %s has none (%s)", text, elf_path(f),
				   debugfile_hint());
	const char *name = arena_strndup(t->arena, text, (size_t)(at - text));
	int first = t->n;
	if (add_functions(t, p, pp, f, name, file, proto, suffix) < 0)
		return -1;
	if (!sep)
		return 0;
	/* The line of a function's declaration names that function, as
	 * pp() prints it: of overloads, the one declared there.  (SystemTap
	 * takes the line as naming all of them, when it is the first one's.) */
	char *end;
	long line = *sep == ':' ? strtol(sep + 1, &end, 10) : 0;
	struct dwi *dw = probes_dwarf(t, proto->path);
	int kept = first;
	for (int i = first; line > 0 && !*end && i < t->n; i++) {
		const char *df;
		int dl;
		if (t->ctx[i].inlined ? t->ctx[i].decl_line != line :
		    !(dwi_function_decl(dw, t->ctx[i].vaddr, &df, &dl) && dl == line))
			continue;
		t->rows[kept] = t->rows[i];
		t->ctx[kept++] = t->ctx[i];
	}
	if (kept > first) {
		t->n = kept;
		return 0;
	}
	diag_warning(&pp->loc, "for probing a particular line, use a .statement() probe, not "
		     ".function(): '%s' probes the functions '%s' names in '%s'", text, name,
		     file);
	return 0;
}

static int add_process(struct attach_table *t, const struct probe *p,
		       const struct probe_point *pp)
{
	const struct pp_comp *what = pp->comps->next;
	if (pp->comps->arg_kind == PP_ARG_NONE && !what)
		return probes_fail(pp, "say what to probe in the process, as in "
				   "process(\"PATH\").function(\"NAME\")");
	if (!what)
		return probes_fail(pp, "say what to probe in the process: .function(\"NAME\")");
	bool mark = strcmp(what->name, "mark") == 0 || strcmp(what->name, "provider") == 0;
	const char *provider = NULL, *mark_name = NULL;
	if (mark) {
		const struct pp_comp *m = what;
		if (strcmp(what->name, "provider") == 0) {
			if (what->arg_kind != PP_ARG_STR || !what->next ||
			    strcmp(what->next->name, "mark") != 0)
				return probes_fail(pp, "a USDT probe is .provider(\"PROVIDER\")"
						   ".mark(\"NAME\") or .mark(\"NAME\")");
			provider = what->str;
			m = what->next;
		}
		if (m->arg_kind != PP_ARG_STR)
			return probes_fail(pp, ".mark takes the name of a USDT probe, as in "
					   ".mark(\"request__start\")");
		if (m->next)
			return probes_fail(pp, "nothing can follow .mark(\"NAME\")");
		mark_name = m->str;
	}
	bool plt = strcmp(what->name, "plt") == 0;
	if (plt && (what->arg_kind == PP_ARG_NUM ||
		    (what->next && (strcmp(what->next->name, "return") != 0 ||
				    what->next->arg_kind != PP_ARG_NONE || what->next->next))))
		return probes_fail(pp, what->arg_kind == PP_ARG_NUM ?
				   ".plt takes a function's name, as in .plt(\"malloc\")" :
				   "a PLT probe is .plt, .plt(\"NAME\") or either with .return");
	bool statement = strcmp(what->name, "statement") == 0;
	bool nearest = statement && what->arg_kind == PP_ARG_STR && what->next &&
		       strcmp(what->next->name, "nearest") == 0 &&
		       what->next->arg_kind == PP_ARG_NONE && !what->next->next;
	if (statement && (what->arg_kind == PP_ARG_NONE || (what->next && !nearest)))
		return probes_fail(pp, what->next ? (what->arg_kind == PP_ARG_NUM ?
						     "nothing can follow .statement(ADDRESS)" :
						     "only .nearest can follow .statement(\"LINE\")") :
				   ".statement takes a source line or the address of an "
				   "instruction, as in .statement(\"main@prog.c:12\") or "
				   ".statement(0x401126)");
	if (!statement && !mark && !plt &&
	    (strcmp(what->name, "function") != 0 || what->arg_kind != PP_ARG_STR))
		return probes_fail(pp, "expected .function(\"NAME\"), .statement(…), "
				   ".mark(\"NAME\") or .plt(\"NAME\") after process(…), not .%s",
				   what->name);

	struct attach_point proto = { .kind = ATTACH_UPROBE };
	const struct pp_comp *suffix = what->next;
	const char *pp_suffix = "";
	bool label = suffix && !statement && !mark && !plt && strcmp(suffix->name, "label") == 0;
	if (label && (suffix->arg_kind != PP_ARG_STR || suffix->next))
		return probes_fail(pp, suffix->next ? "nothing can follow .label(\"NAME\")" :
				   ".label takes the name of a C label, as in .label(\"out\")");
	if (plt && suffix)
		proto.kind = ATTACH_URETPROBE;
	if (suffix && !statement && !mark && !label && !plt) {
		if (suffix->next || suffix->arg_kind != PP_ARG_NONE ||
		    (strcmp(suffix->name, "return") != 0 && strcmp(suffix->name, "call") != 0))
			return probes_fail(pp, "a function probe ends in .call, .return or "
					   ".label(\"NAME\"), not .%s", suffix->name);
		if (strcmp(suffix->name, "return") == 0)
			proto.kind = ATTACH_URETPROBE;
		pp_suffix = proto.kind == ATTACH_URETPROBE ? ".return" : ".call";
	}

	char path[PATH_MAX];
	const char *name;
	if (process_file(t, pp, &proto, path, sizeof(path), &name) < 0)
		return -1;
	/* A probe on a file fires in every process that maps it; one that
	 * acts only for the target may as well not trap in the others: the
	 * kernel's pid filter keeps them out, and a return probe on a shared
	 * library then never touches another process's stack. */
	if ((proto.pid_filter == PID_ANY || proto.pid_filter == PID_FAMILY) &&
	    t->opts->target_exe && probe_only_for_target(p))
		proto.pid_filter = PID_TARGET;
	/* A bare process's points fire in the target's descendants too, as
	 * SystemTap's do, which the kernel cannot filter: the BPF program
	 * checks the process (codegen/bpf.c), and processes outside the
	 * family trap for nothing.  A return probe must not even touch them:
	 * its trap replaces the caller's return address (returns.c), so a
	 * .return point stays with the target, under the kernel's filter. */
	if (proto.pid_filter == PID_FAMILY && proto.kind == ATTACH_URETPROBE)
		proto.pid_filter = PID_TARGET;
	struct elf_file *f;
	struct elf_error err;
	if (elf_cache_open(t->elves, path, &f, &err) < 0)
		return probes_fail(pp, "%s", err.msg);
	if (name)
		elf_set_name(f, name);
	probes_tell_symbols(t, f);
	proto.path = arena_strdup(t->arena, path);
	if (statement && what->arg_kind == PP_ARG_STR)
		return probes_add_lines(t, p, pp, f, what->str, nearest, &proto);
	if (statement)
		return add_statement(t, p, pp, f, (uint64_t)what->num, &proto);
	if (plt)
		return probes_add_plt(t, p, pp, f, what->arg_kind == PP_ARG_STR ? what->str : "*",
				      &proto);
	if (label)
		return probes_add_labels(t, p, pp, f, what->str, suffix->str, &proto);
	if (mark)
		return probes_add_marks(t, p, pp, f, provider, mark_name, &proto);
	return add_functions_at(t, p, pp, f, what->str, &proto, pp_suffix);
}

static void process_forms(void (*say)(void *, const char *), void *arg)
{
	static const char *const whom[] = { "process", "process(number)", "process(string)" };
	static const char *const what[] = {
		"function(string)", "function(string).call", "function(string).return",
		"function(string).label(string)", "statement(number)", "statement(string)",
		"statement(string).nearest", "plt", "plt.return", "plt(string)",
		"plt(string).return", "mark(string)", "provider(string).mark(string)",
	};
	char form[96];
	for (size_t i = 0; i < 3; i++)
		for (size_t j = 0; j < sizeof(what) / sizeof(*what); j++) {
			snprintf(form, sizeof(form), "%s.%s", whom[i], what[j]);
			say(arg, form);
		}
}

const struct probe_kind probe_kind_process = {
	"process", HOME_BPF, is_process, add_process, process_forms,
};
