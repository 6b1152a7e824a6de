/* SPDX-License-Identifier: GPL-2.0-or-later */
/* symbolize.c — user stacks as SystemTap prints them; see symbolize.h.
 *
 * Where the rules come from, in SystemTap's source:
 * - Which text each function prints: tapset/linux/ucontext-unwind.stp
 *   (print_ubacktrace passes _STP_SYM_FULL, sprint_ubacktrace
 *   _STP_SYM_SIMPLE, ubacktrace _STP_SYM_NONE) and ucontext-symbols.stp
 *   (usymname passes _STP_SYM_SYMBOL); runtime/sym.h defines the flags.
 * - The layouts: _stp_snprint_addr() in runtime/sym.c.  Its "%p" is
 *   "%#x" since stap 1.3 (runtime/vsprintf.c), so addresses are not
 *   padded, and the kernel-style "%#lx" prints 0 as "0x0".
 * - The frames: _stp_stack_user_print() in runtime/stack.c prints the
 *   probed address, then each caller's return address as the unwinder
 *   finds it (UNW_PC, not adjusted), up to MAXBACKTRACE, and stops at 0;
 *   the string forms copy at most MAXSTRINGLEN − 1 bytes of that text
 *   (_stp_stack_user_sprint).
 * - The lookup: _stp_kallsyms_lookup() in runtime/sym.c binary-searches a
 *   table sorted by address for the last symbol at or below the address,
 *   with no upper bound, and gives as its size the distance to the next
 *   entry; with no symbol it gives the offset into the module and the
 *   module's extent.  The translator builds that table (translate.cxx,
 *   dump_symbol_tables) from libdwfl's symbol table, .symtab or else
 *   .dynsym: STT_FUNC and STT_OBJECT symbols that are defined, in an
 *   allocated section and inside the module, one name per address (the
 *   last in table order), names as the table spells them ("foo@@VER_2").
 *   A name's leading '.' is dropped.
 * - The module: runtime/vma.c and task_finder_vma.c record a module as
 *   the run of contiguous mappings of one path, named by the path the
 *   kernel gives, kept in TASK_FINDER_VMA_ENTRY_PATHLEN bytes.
 *
 * elfsym.h only lists function symbols, with versions split off, and maps
 * addresses to offsets but not back, so the symbol table and segments are
 * read by sym_file.c; elf_open() first checks that the file is one uscript
 * reads (64-bit, this machine, not corrupt). */
#define _GNU_SOURCE
#include "symbolize.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "symbolize_impl.h"

/* Processes kept at once; the one used longest ago goes first. */
#define MAX_PROCS 1024

struct sym_ctx *sym_new(void)
{
	struct sym_ctx *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->nbuckets = 64;
	c->procs = calloc(c->nbuckets, sizeof(*c->procs));
	if (!c->procs) {
		free(c);
		return NULL;
	}
	return c;
}

static void proc_free(struct proc *p)
{
	sym_unwind_free(p);
	free(p->maps);
	free(p->paths);
	free(p);
}

static void module_free(struct module *m)
{
	free(m->segs);
	free(m->syms);
	free(m->names);
	free(m);
}

void sym_free(struct sym_ctx *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nbuckets; i++)
		for (struct proc *p = c->procs[i], *n; p; p = n) {
			n = p->next;
			proc_free(p);
		}
	for (size_t i = 0; i < sizeof(c->mods) / sizeof(c->mods[0]); i++)
		for (struct module *m = c->mods[i], *n; m; m = n) {
			n = m->next;
			module_free(m);
		}
	free(c->procs);
	sym_kernel_free(c);
	free(c);
}

/* ---- The processes ---- */

static size_t hash_pid(int pid, size_t nbuckets)
{
	return ((uint32_t)pid * 2654435761u) & (nbuckets - 1);
}

static size_t pid_bucket(const struct sym_ctx *c, int pid)
{
	return hash_pid(pid, c->nbuckets);
}

static void unlink_proc(struct sym_ctx *c, struct proc *victim)
{
	for (struct proc **pp = &c->procs[pid_bucket(c, victim->pid)]; *pp; pp = &(*pp)->next)
		if (*pp == victim) {
			*pp = victim->next;
			break;
		}
	if (c->last == victim)
		c->last = NULL;
	c->nprocs--;
	proc_free(victim);
}

static void grow_procs(struct sym_ctx *c)
{
	size_t nb = c->nbuckets * 2;
	struct proc **np = calloc(nb, sizeof(*np));

	if (!np)
		return;  /* longer chains, still correct */
	for (size_t i = 0; i < c->nbuckets; i++)
		for (struct proc *p = c->procs[i], *n; p; p = n) {
			size_t b = hash_pid(p->pid, nb);
			n = p->next;
			p->next = np[b];
			np[b] = p;
		}
	free(c->procs);
	c->procs = np;
	c->nbuckets = nb;
}

/* The process `pid`, its maps read when it is new; NULL only when out of
 * memory. */
static struct proc *get_proc(struct sym_ctx *c, int pid, int *err)
{
	struct proc *p = c->last;

	*err = 0;
	if (!p || p->pid != pid)
		for (p = c->procs[pid_bucket(c, pid)]; p && p->pid != pid; p = p->next)
			;
	if (!p) {
		if (c->nprocs >= MAX_PROCS) {
			struct proc *old = NULL;
			for (size_t i = 0; i < c->nbuckets; i++)
				for (struct proc *q = c->procs[i]; q; q = q->next)
					if (!old || q->used < old->used)
						old = q;
			unlink_proc(c, old);
		}
		p = calloc(1, sizeof(*p));
		if (!p) {
			*err = -ENOMEM;
			return NULL;
		}
		p->pid = pid;
		if (c->nprocs >= c->nbuckets)
			grow_procs(c);
		size_t b = pid_bucket(c, pid);
		p->next = c->procs[b];
		c->procs[b] = p;
		c->nprocs++;
		*err = read_maps(c, p);
		if (*err == -ENOMEM) {
			unlink_proc(c, p);
			return NULL;
		}
	}
	p->used = ++c->clock;
	c->last = p;
	return p;
}

int sym_add_pid(struct sym_ctx *c, int pid)
{
	int err;
	struct proc *p = get_proc(c, pid, &err);

	return p && p->nmaps ? 0 : err ? err : -ENOENT;
}

struct proc *sym_get_proc(struct sym_ctx *c, int pid, int *err)
{
	return get_proc(c, pid, err);
}

int sym_refresh_pid(struct sym_ctx *c, int pid)
{
	char path[64], line[8];
	snprintf(path, sizeof(path), "/proc/%d/maps", pid);
	FILE *f = fopen(path, "re");
	/* A process that has exited (a zombie's map is empty) keeps the
	 * copy read before. */
	bool live = f && fgets(line, sizeof(line), f);
	if (f)
		fclose(f);
	if (!live)
		return -ENOENT;
	sym_forget_pid(c, pid);
	return sym_add_pid(c, pid);
}

void sym_forget_pid(struct sym_ctx *c, int pid)
{
	for (struct proc *p = c->procs[pid_bucket(c, pid)]; p; p = p->next)
		if (p->pid == pid) {
			unlink_proc(c, p);
			return;
		}
}

int sym_file_address(struct sym_ctx *c, int pid, const char *path, uint64_t offset,
		     uint64_t *addr)
{
	struct stat st;
	int err;
	struct proc *p;

	if (stat(path, &st) != 0)
		return -errno;
	if (!(p = get_proc(c, pid, &err)))
		return err;
	for (size_t i = 0; i < p->nmaps; i++) {
		const struct mapping *m = &p->maps[i];
		if (m->path && m->dev == st.st_dev && m->ino == (uint64_t)st.st_ino &&
		    offset >= m->offset && offset - m->offset < m->end - m->start) {
			*addr = m->start + (offset - m->offset);
			return 0;
		}
	}
	return -ENOENT;
}

static struct mapping *find_mapping(struct proc *p, uint64_t addr)
{
	size_t lo = 0, hi = p->nmaps;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p->maps[mid].end <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < p->nmaps && p->maps[lo].start <= addr ? &p->maps[lo] : NULL;
}

/* The mapping that holds `addr`, reading the maps again when none does:
 * the process may have mapped a library since. */
static struct mapping *find_mapping_fresh(struct sym_ctx *c, struct proc *p,
					  uint64_t addr)
{
	struct mapping *mp = find_mapping(p, addr);

	if (mp || p->gone)
		return mp;
	for (unsigned i = 0; i < p->nmiss && i < NMISSES; i++)
		if (p->misses[i] == addr)
			return NULL;
	if (read_maps(c, p) == 0 && (mp = find_mapping(p, addr)))
		return mp;
	p->misses[p->nmiss++ % NMISSES] = addr;
	return NULL;
}

/* The virtual address, as the file's symbols count, of file offset `off`:
 * through the PT_LOAD segment whose file bytes hold it, or else (the
 * zero-filled end of a data page) the last segment that starts below it. */
static bool offset_to_vaddr(const struct module *m, uint64_t off, uint64_t *vaddr)
{
	const struct segment *best = NULL;

	for (size_t i = 0; i < m->nsegs; i++) {
		const struct segment *s = &m->segs[i];

		if (off < s->offset)
			continue;
		if (off - s->offset < s->filesz) {
			*vaddr = off - s->offset + s->vaddr;
			return true;
		}
		if (!best || s->offset > best->offset)
			best = s;
	}
	if (!best)
		return false;
	*vaddr = off - best->offset + best->vaddr;
	return true;
}

void sym_lookup(struct sym_ctx *c, int pid, uint64_t addr, struct sym_where *w)
{
	int err;
	struct proc *p;
	struct mapping *mp;

	memset(w, 0, sizeof(*w));
	if (pid == SYM_KERNEL) {
		sym_kernel_lookup(c, addr, w);
		return;
	}
	/* _stp_kallsyms_lookup: address 0 is nothing. */
	if (addr == 0 || !(p = get_proc(c, pid, &err)) ||
	    !(mp = find_mapping_fresh(c, p, addr)) || !mp->path)
		return;

	/* Without a symbol, the offset into the module and its extent. */
	w->module = mp->path;
	w->offset = addr - mp->run_start;
	w->size = mp->run_end - mp->run_start;

	if (!mp->mod)
		mp->mod = get_module(c, p, mp);
	struct module *m = mp->mod;
	uint64_t vaddr;
	if (!m || !m->ok || m->nsyms == 0 ||
	    !offset_to_vaddr(m, addr - mp->start + mp->offset, &vaddr))
		return;

	/* The last symbol at or below vaddr, however far below. */
	size_t lo = 0, hi = m->nsyms;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->syms[mid].addr <= vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return;
	const struct symbol *s = &m->syms[lo - 1];
	w->symbol = s->name[0] == '.' ? s->name + 1 : s->name;
	w->offset = vaddr - s->addr;
	w->size = lo < m->nsyms ? m->syms[lo].addr - s->addr : 0;
}

/* ==== Formatting ==== */

/* The module's path as SystemTap keeps it: a long one loses its head. */
static const char *shown_path(struct sym_ctx *c, const char *path)
{
	size_t len = strlen(path);

	if (len < SYM_PATHLEN - 3)
		return path;
	snprintf(c->fmt, sizeof(c->fmt), "...%s", path + len - (SYM_PATHLEN - 4));
	return c->fmt;
}

/* Hex as SystemTap's "%p" and "%#lx" print it: "0x", no padding, "0x0".
 * By hand, as the other pieces of a line: vsnprintf took four fifths of
 * the time of a stack. */
static int put_hex(struct strbuf *out, uint64_t v)
{
	char buf[18], *p = buf + sizeof(buf);

	do
		*--p = "0123456789abcdef"[v & 15];
	while (v >>= 4);
	*--p = 'x';
	*--p = '0';
	return strbuf_append(out, p, (size_t)(buf + sizeof(buf) - p));
}

/* A line of print_ubacktrace (_STP_SYM_FULL). */
static int print_full(struct sym_ctx *c, struct strbuf *out, int pid, uint64_t addr)
{
	struct sym_where w;
	bool bad;

	sym_lookup(c, pid, addr, &w);
	/* " 0x4005d6 : main+0x9/0x15 [/path/prog]" */
	bad = strbuf_putc(out, ' ') || put_hex(out, addr);
	if (w.symbol)
		bad = bad || strbuf_puts(out, " : ") || strbuf_puts(out, w.symbol) ||
		      strbuf_putc(out, '+') || put_hex(out, w.offset) ||
		      strbuf_putc(out, '/') || put_hex(out, w.size) ||
		      strbuf_puts(out, " [") || strbuf_puts(out, shown_path(c, w.module)) ||
		      strbuf_putc(out, ']');
	/* " 0x7f1c2a1ca [/path/lib.so+0x2a1ca/0x1d7000]" */
	else if (w.module)
		bad = bad || strbuf_puts(out, " [") || strbuf_puts(out, shown_path(c, w.module)) ||
		      strbuf_putc(out, '+') || put_hex(out, w.offset) ||
		      strbuf_putc(out, '/') || put_hex(out, w.size) || strbuf_putc(out, ']');
	return bad || strbuf_putc(out, '\n') ? -ENOMEM : 0;
}

/* A line of sprint_ubacktrace (_STP_SYM_SIMPLE): the module's base name,
 * no size, no leading space. */
static int print_simple(struct sym_ctx *c, struct strbuf *out, int pid, uint64_t addr)
{
	struct sym_where w;
	const char *base = NULL;
	bool bad;

	sym_lookup(c, pid, addr, &w);
	if (w.module) {
		const char *slash;

		base = shown_path(c, w.module);
		if ((slash = strrchr(base, '/')))
			base = slash + 1;
	}
	/* "main+0x9 [prog]" */
	if (w.symbol)
		bad = strbuf_puts(out, w.symbol) || strbuf_putc(out, '+') ||
		      put_hex(out, w.offset) || strbuf_puts(out, " [") ||
		      strbuf_puts(out, base) || strbuf_putc(out, ']');
	/* "0x7f1c2a1ca [lib.so+0x2a1ca]" */
	else if (base)
		bad = put_hex(out, addr) || strbuf_puts(out, " [") || strbuf_puts(out, base) ||
		      strbuf_putc(out, '+') || put_hex(out, w.offset) || strbuf_putc(out, ']');
	else
		bad = put_hex(out, addr);
	return bad || strbuf_putc(out, '\n') ? -ENOMEM : 0;
}

/* The frames _stp_stack_user_print shows: all, but none after a 0. */
static size_t frames(const uint64_t *addrs, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (addrs[i] == 0)
			return i;
	return n;
}

/* Cuts what was appended since `start` to maxstringlen − 1 bytes. */
static void cut(struct strbuf *out, size_t start, size_t maxstringlen)
{
	size_t max = maxstringlen ? maxstringlen - 1 : 0;

	if (out->len - start > max)
		strbuf_truncate(out, start + max);
}

int sym_print_ubacktrace(struct sym_ctx *c, struct strbuf *out, int pid,
			 const uint64_t *addrs, size_t n)
{
	size_t start = out->len;

	n = frames(addrs, n);
	for (size_t i = 0; i < n; i++) {
		int err = print_full(c, out, pid, addrs[i]);
		if (err) {
			strbuf_truncate(out, start);
			return err;
		}
	}
	return 0;
}

int sym_print_ubacktrace_brief(struct sym_ctx *c, struct strbuf *out, int pid,
			       const uint64_t *addrs, size_t n)
{
	size_t start = out->len;

	n = frames(addrs, n);
	for (size_t i = 0; i < n; i++) {
		struct sym_where w;
		bool bad;

		sym_lookup(c, pid, addrs[i], &w);
		/* "main+0x9" (_STP_SYM_BRIEF) */
		if (w.symbol)
			bad = strbuf_puts(out, w.symbol) || strbuf_putc(out, '+') ||
			      put_hex(out, w.offset);
		else
			bad = put_hex(out, addrs[i]);
		if (bad || strbuf_putc(out, '\n')) {
			strbuf_truncate(out, start);
			return -ENOMEM;
		}
	}
	return 0;
}

int sym_sprint_ubacktrace(struct sym_ctx *c, struct strbuf *out, int pid,
			  const uint64_t *addrs, size_t n, size_t maxstringlen)
{
	size_t start = out->len;

	n = frames(addrs, n);
	for (size_t i = 0; i < n && out->len - start < maxstringlen; i++) {
		int err = print_simple(c, out, pid, addrs[i]);
		if (err) {
			strbuf_truncate(out, start);
			return err;
		}
	}
	cut(out, start, maxstringlen);
	return 0;
}

int sym_ubacktrace(struct strbuf *out, const uint64_t *addrs, size_t n,
		   size_t maxstringlen)
{
	size_t start = out->len;

	n = frames(addrs, n);
	for (size_t i = 0; i < n && out->len - start < maxstringlen; i++) {
		int err = put_hex(out, addrs[i]) || strbuf_putc(out, ' ') ? -ENOMEM : 0;
		if (err) {
			strbuf_truncate(out, start);
			return err;
		}
	}
	cut(out, start, maxstringlen);
	return 0;
}

int sym_symdata(struct sym_ctx *c, struct strbuf *out, int pid, uint64_t addr,
		size_t maxstringlen)
{
	struct sym_where w;
	size_t start = out->len;
	bool bad;

	sym_lookup(c, pid, addr, &w);
	if (w.symbol)
		bad = strbuf_puts(out, w.symbol) || strbuf_putc(out, '+') ||
		      put_hex(out, w.offset) || strbuf_putc(out, '/') || put_hex(out, w.size) ||
		      (w.module && (strbuf_puts(out, " [") ||
				    strbuf_puts(out, shown_path(c, w.module)) ||
				    strbuf_putc(out, ']')));
	else if (w.module)
		bad = put_hex(out, addr) || strbuf_puts(out, " [") ||
		      strbuf_puts(out, shown_path(c, w.module)) || strbuf_putc(out, '+') ||
		      put_hex(out, w.offset) || strbuf_putc(out, '/') || put_hex(out, w.size) ||
		      strbuf_putc(out, ']');
	else
		bad = put_hex(out, addr);
	if (bad) {
		strbuf_truncate(out, start);
		return -ENOMEM;
	}
	cut(out, start, maxstringlen);
	return 0;
}

int sym_usymname(struct sym_ctx *c, struct strbuf *out, int pid,
		 uint64_t addr, size_t maxstringlen)
{
	struct sym_where w;
	size_t start = out->len;
	int err;

	sym_lookup(c, pid, addr, &w);
	err = w.symbol ? strbuf_puts(out, w.symbol) : put_hex(out, addr);
	if (err) {
		strbuf_truncate(out, start);
		return err;
	}
	cut(out, start, maxstringlen);
	return 0;
}
