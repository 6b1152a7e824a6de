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
 * read here; elf_open() first checks that the file is one uscript reads
 * (64-bit, this machine, not corrupt). */
#define _GNU_SOURCE
#include "symbolize.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "binary/elfsym.h"

/* Processes kept at once; the one used longest ago goes first. */
#define MAX_PROCS 1024
/* Addresses found in no mapping even after reading the maps again; each
 * process remembers the last few so that a stray one costs one read. */
#define NMISSES 16

/* ==== Files ==== */

struct segment {
	uint64_t vaddr, offset, filesz;
};

struct symbol {
	uint64_t addr;
	const char *name;
};

/* One ELF file, for every process that maps it. */
struct module {
	struct module *next;       /* hash chain */
	dev_t dev;
	uint64_t ino;
	bool ok;                   /* symbols read; else we could not */
	unsigned tried;            /* the ctx's maps generation of the last try */
	struct segment *segs;
	size_t nsegs;
	struct symbol *syms;       /* sorted, one per address */
	size_t nsyms;
	char *names;
};

/* ==== Processes ==== */

struct mapping {
	uint64_t start, end, offset;
	uint64_t run_start, run_end; /* the file's contiguous mappings */
	dev_t dev;
	uint64_t ino;
	const char *path;          /* NULL: anonymous, or [vdso], [heap]... */
	bool deleted, exec;
	struct module *mod;        /* NULL until needed */
};

struct proc {
	struct proc *next;         /* hash chain */
	int pid;
	bool gone;                 /* its maps can no longer be read */
	uint64_t used;             /* ctx->clock at the last use */
	struct mapping *maps;
	size_t nmaps;
	char *paths;               /* what the mappings' paths point into */
	uint64_t misses[NMISSES];
	unsigned nmiss;
};

struct sym_ctx {
	struct proc **procs;
	size_t nbuckets, nprocs;
	struct proc *last;         /* the process looked up last */
	struct module *mods[256];
	unsigned gen;              /* maps read so far */
	uint64_t clock;
	char fmt[SYM_PATHLEN + 8]; /* a module path as shown */
};

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
	free(c);
}

/* ---- Reading a file's segments and symbols ---- */

/* A symbol of the table while it is sorted: its address and its index,
 * which orders aliases as the table does. */
struct entry {
	uint64_t addr;
	size_t index;
};

static int cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The PT_LOAD segments, and libdwfl's extent of the module, [*lo, *hi),
 * which the translator keeps symbols inside. */
static int read_segments(struct module *m, Elf *e, uint64_t *lo, uint64_t *hi)
{
	size_t nph;

	if (elf_getphdrnum(e, &nph) != 0)
		return -EINVAL;
	m->segs = calloc(nph ? nph : 1, sizeof(*m->segs));
	if (!m->segs)
		return -ENOMEM;
	*lo = UINT64_MAX;
	*hi = 0;
	for (size_t i = 0; i < nph; i++) {
		GElf_Phdr ph;
		uint64_t start;

		if (!gelf_getphdr(e, (int)i, &ph) || ph.p_type != PT_LOAD)
			continue;
		m->segs[m->nsegs++] = (struct segment){ph.p_vaddr, ph.p_offset, ph.p_filesz};
		start = ph.p_vaddr;
		if (ph.p_align > 1 && !(ph.p_align & (ph.p_align - 1)))
			start &= ~(ph.p_align - 1);
		if (start < *lo)
			*lo = start;
		if (ph.p_vaddr + ph.p_memsz > *hi)
			*hi = ph.p_vaddr + ph.p_memsz;
	}
	return 0;
}

/* The symbol table libdwfl reads, .symtab or else .dynsym, and which
 * sections are allocated (alloc[shnum]). */
static Elf_Scn *symbol_table(Elf *e, bool *alloc, size_t shnum)
{
	Elf_Scn *tab = NULL, *dyn = NULL;

	for (Elf_Scn *s = NULL; (s = elf_nextscn(e, s));) {
		GElf_Shdr sh;
		size_t ndx = elf_ndxscn(s);

		if (!gelf_getshdr(s, &sh))
			continue;
		if (ndx < shnum)
			alloc[ndx] = (sh.sh_flags & SHF_ALLOC) != 0;
		if (sh.sh_type == SHT_SYMTAB)
			tab = s;
		else if (sh.sh_type == SHT_DYNSYM)
			dyn = s;
	}
	return tab ? tab : dyn;
}

/* SystemTap's symbol table of the file (see the top of this file), into
 * m->syms with the names copied to m->names. */
static int read_symbols(struct module *m, Elf *e, uint64_t lo, uint64_t hi)
{
	size_t shnum, total = 0, n = 0, bytes = 0;
	Elf_Scn *tab;
	GElf_Shdr sh;
	Elf_Data *d = NULL;
	struct entry *ents;
	bool *alloc;

	if (elf_getshdrnum(e, &shnum) != 0)
		return -EINVAL;
	alloc = calloc(shnum ? shnum : 1, sizeof(*alloc));
	if (!alloc)
		return -ENOMEM;
	tab = symbol_table(e, alloc, shnum);
	if (tab && gelf_getshdr(tab, &sh) && sh.sh_entsize && (d = elf_getdata(tab, NULL)))
		total = d->d_size / sh.sh_entsize;
	if (total > INT32_MAX)  /* libelf counts symbols in an int */
		total = 0;
	ents = malloc((total ? total : 1) * sizeof(*ents));
	if (!ents) {
		free(alloc);
		return -ENOMEM;
	}
	for (size_t i = 1; i < total; i++) {
		GElf_Sym s;
		int type;

		if (!gelf_getsym(d, (int)i, &s))
			continue;
		type = GELF_ST_TYPE(s.st_info);
		if ((type != STT_FUNC && type != STT_OBJECT) ||
		    s.st_shndx == SHN_UNDEF ||
		    (s.st_shndx < SHN_LORESERVE && (s.st_shndx >= shnum || !alloc[s.st_shndx])) ||
		    s.st_value < lo || s.st_value >= hi ||
		    !elf_strptr(e, sh.sh_link, s.st_name))
			continue;
		ents[n++] = (struct entry){s.st_value, i};
	}
	free(alloc);
	qsort(ents, n, sizeof(*ents), cmp_entry);

	/* One entry per address, named by the last symbol there in table
	 * order, as the translator's std::map assignment leaves it. */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k && ents[k - 1].addr == ents[i].addr)
			k--;
		ents[k++] = ents[i];
	}
	n = k;

	m->syms = malloc((n ? n : 1) * sizeof(*m->syms));
	for (size_t i = 0; m->syms && i < n; i++) {
		GElf_Sym s;

		gelf_getsym(d, (int)ents[i].index, &s);
		bytes += strlen(elf_strptr(e, sh.sh_link, s.st_name)) + 1;
	}
	m->names = malloc(bytes ? bytes : 1);
	if (!m->syms || !m->names) {
		free(ents);
		return -ENOMEM;
	}
	char *w = m->names;
	for (size_t i = 0; i < n; i++) {
		GElf_Sym s;
		const char *name;
		size_t len;

		gelf_getsym(d, (int)ents[i].index, &s);
		name = elf_strptr(e, sh.sh_link, s.st_name);
		len = strlen(name) + 1;
		memcpy(w, name, len);
		m->syms[i] = (struct symbol){ents[i].addr, w};
		w += len;
	}
	m->nsyms = n;
	free(ents);
	return 0;
}

static int read_module(struct module *m, int fd)
{
	Elf *e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	uint64_t lo, hi;
	int ret;

	if (!e)
		return -EINVAL;
	ret = read_segments(m, e, &lo, &hi);
	if (!ret)
		ret = read_symbols(m, e, lo, hi);
	elf_end(e);
	return ret;
}

/* Opens the file of mapping `mp` of process `pid` and checks that it is
 * the file the process has mapped: /proc/PID/map_files/ names exactly that
 * (deleted or not, but only root may open it), /proc/PID/root/PATH finds it
 * from inside a container, PATH after the process has exited.  A file
 * whose inode differs is taken only when nothing better opens and the
 * mapped one is not deleted: an overlay file system shows another inode. */
static int open_mapped_file(int pid, const struct mapping *mp)
{
	char path[4200];
	int fallback = -1;

	for (int i = 0; i < 3; i++) {
		struct stat st;
		int fd, n;

		if (i == 0)
			n = snprintf(path, sizeof(path), "/proc/%d/map_files/%" PRIx64 "-%" PRIx64,
				     pid, mp->start, mp->end);
		else if (mp->deleted)
			break;
		else if (i == 1)
			n = snprintf(path, sizeof(path), "/proc/%d/root%s", pid, mp->path);
		else
			n = snprintf(path, sizeof(path), "%s", mp->path);
		if (n < 0 || (size_t)n >= sizeof(path))
			continue;
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
		if (fd < 0)
			continue;
		if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
			close(fd);
			continue;
		}
		if (i == 0 || (uint64_t)st.st_ino == mp->ino) {
			if (fallback >= 0)
				close(fallback);
			return fd;
		}
		if (fallback < 0)
			fallback = fd;
		else
			close(fd);
	}
	return fallback;
}

/* The module of mapping `mp`, read the first time a process maps it; a
 * file that could not be read is tried again after the next maps read,
 * which may come from a process that can reach it. */
static struct module *get_module(struct sym_ctx *c, struct proc *p,
				 struct mapping *mp)
{
	size_t b = (size_t)((mp->ino ^ (mp->ino >> 8) ^ mp->dev) & 255);
	struct module *m;

	for (m = c->mods[b]; m; m = m->next)
		if (m->ino == mp->ino && m->dev == mp->dev)
			break;
	if (m && (m->ok || m->tried == c->gen))
		return m;
	if (!m) {
		m = calloc(1, sizeof(*m));
		if (!m)
			return NULL;
		m->dev = mp->dev;
		m->ino = mp->ino;
		m->next = c->mods[b];
		c->mods[b] = m;
	}
	m->tried = c->gen;

	int fd = open_mapped_file(p->pid, mp);
	if (fd < 0)
		return m;
	/* elf_open() through /proc/self/fd reads the very file opened here. */
	char self[64];
	struct elf_file *f;
	snprintf(self, sizeof(self), "/proc/self/fd/%d", fd);
	if (elf_open(self, &f, NULL) == 0) {
		elf_close(f);
		free(m->segs);
		free(m->syms);
		free(m->names);
		m->segs = NULL;
		m->syms = NULL;
		m->names = NULL;
		m->nsegs = m->nsyms = 0;
		m->ok = read_module(m, fd) == 0;
	}
	close(fd);
	return m;
}

/* ---- Reading /proc/PID/maps ---- */

/* Reads a whole /proc file into a NUL-terminated buffer.  Returns 0,
 * -ENOMEM, or -ENOENT when it cannot be read. */
static int read_file(const char *path, char **text)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t cap = 16384, n = 0;
	char *buf;

	*text = NULL;
	if (fd < 0)
		return -ENOENT;
	if (!(buf = malloc(cap))) {
		close(fd);
		return -ENOMEM;
	}
	for (;;) {
		ssize_t r;

		if (n + 1 >= cap) {
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				close(fd);
				return -ENOMEM;
			}
			buf = nb;
			cap *= 2;
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			close(fd);
			return -ENOENT;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	*text = buf;
	return 0;
}

/* Parses one line of maps, "START-END PERMS OFFSET MAJ:MIN INODE   PATH",
 * in place: the path is cut off at its end. */
static bool parse_line(char *s, struct mapping *mp)
{
	char *e;
	unsigned long maj, min;

	memset(mp, 0, sizeof(*mp));
	mp->start = strtoull(s, &e, 16);
	if (*e != '-')
		return false;
	mp->end = strtoull(e + 1, &e, 16);
	if (*e != ' ' || strlen(e) < 6 || e[5] != ' ')
		return false;
	mp->exec = e[3] == 'x';
	mp->offset = strtoull(e + 6, &e, 16);
	maj = strtoul(e, &e, 16);
	if (*e != ':')
		return false;
	min = strtoul(e + 1, &e, 16);
	mp->dev = makedev(maj, min);
	mp->ino = strtoull(e, &e, 10);
	while (*e == ' ')
		e++;
	/* A file's path is absolute; "[heap]", "[vdso]" and anonymous
	 * memory are no file (inode 0), and neither is "/SYSV..." shared
	 * memory in practice, but it is harmless to try. */
	if (*e == '/' && mp->ino != 0) {
		size_t len = strlen(e);
		static const char del[] = " (deleted)";

		if (len > sizeof(del) - 1 && strcmp(e + len - (sizeof(del) - 1), del) == 0) {
			mp->deleted = true;
			e[len - (sizeof(del) - 1)] = '\0';
		}
		mp->path = e;
	}
	return mp->start < mp->end;
}

/* Parses the maps file into *out, merging neighbouring anonymous
 * mappings, which only need to be known as "no file". */
static int parse_maps(char *text, struct mapping **out, size_t *count)
{
	struct mapping *maps = NULL, m;
	size_t n = 0, cap = 0;

	for (char *line = text, *nl; *line; line = nl) {
		nl = strchr(line, '\n');
		if (nl)
			*nl++ = '\0';
		else
			nl = line + strlen(line);
		if (!parse_line(line, &m))
			continue;
		if (!m.path && n && !maps[n - 1].path && maps[n - 1].end == m.start) {
			maps[n - 1].end = m.end;
			continue;
		}
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct mapping *nm = realloc(maps, ncap * sizeof(*maps));
			if (!nm) {
				free(maps);
				return -ENOMEM;
			}
			maps = nm;
			cap = ncap;
		}
		maps[n++] = m;
	}
	*out = maps;
	*count = n;
	return 0;
}

/* SystemTap's module: the run of contiguous mappings of one file. */
static void find_runs(struct mapping *maps, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct mapping *m = &maps[i], *prev = i ? &maps[i - 1] : NULL;

		m->run_start = m->start;
		if (m->path && prev && prev->path && prev->end == m->start &&
		    prev->ino == m->ino && prev->dev == m->dev &&
		    strcmp(prev->path, m->path) == 0)
			m->run_start = prev->run_start;
	}
	for (size_t i = n; i-- > 0;) {
		struct mapping *m = &maps[i];

		m->run_end = m->end;
		if (m->path && i + 1 < n && maps[i + 1].run_start == m->run_start)
			m->run_end = maps[i + 1].run_end;
	}
}

/* Copies the paths out of the maps file, once for each group of
 * neighbouring mappings of one file, so that a process kept for later
 * costs little more than its mappings. */
static char *copy_paths(struct mapping *maps, size_t n)
{
	size_t bytes = 1;
	char *paths, *w;

	for (size_t i = 0; i < n; i++)
		if (maps[i].path && (i == 0 || !maps[i - 1].path ||
				     strcmp(maps[i - 1].path, maps[i].path) != 0))
			bytes += strlen(maps[i].path) + 1;
	if (!(w = paths = malloc(bytes)))
		return NULL;
	/* The same test as above, on the paths as they were. */
	const char *prev = NULL;
	char *prev_copy = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *old = maps[i].path;

		if (old && prev && strcmp(prev, old) == 0) {
			maps[i].path = prev_copy;
		} else if (old) {
			size_t len = strlen(old) + 1;

			memcpy(w, old, len);
			maps[i].path = prev_copy = w;
			w += len;
		}
		prev = old;
	}
	return paths;
}

/* Reads the maps of `p` again.  An empty or unreadable file (an exited or
 * zombie process) leaves what was known. */
static int read_maps(struct sym_ctx *c, struct proc *p)
{
	char path[64], *text, *paths;
	struct mapping *maps;
	size_t n;
	int err;

	snprintf(path, sizeof(path), "/proc/%d/maps", p->pid);
	if ((err = read_file(path, &text))) {
		if (err == -ENOENT)
			p->gone = true;
		return err;
	}
	err = parse_maps(text, &maps, &n);
	if (!err && n == 0) {
		free(maps);
		err = -ENOENT;
		p->gone = true;
	}
	if (err) {
		free(text);
		return err;
	}
	find_runs(maps, n);
	paths = copy_paths(maps, n);
	free(text);
	if (!paths) {
		free(maps);
		return -ENOMEM;
	}
	free(p->maps);
	free(p->paths);
	p->maps = maps;
	p->nmaps = n;
	p->paths = paths;
	c->gen++;
	/* The code's files now, while the process is there to find them. */
	for (size_t i = 0; i < n; i++)
		if (maps[i].path && maps[i].exec)
			maps[i].mod = get_module(c, p, &maps[i]);
	return 0;
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
