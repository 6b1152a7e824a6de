/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_symbolize.c — unit tests for runtime/symbolize.c, on live processes.
 *
 *   test_symbolize DIR           DIR holds what symbolize_targets/build.sh
 *                                builds
 *   test_symbolize --bench DIR   also time a stack at a time
 *
 * Each target (chain.c) stops inside a chain of calls through its shared
 * libraries and says which function each return address lies in and where
 * that function starts.  The expected lines are built from that and from
 * the symbol sizes elfsym reads, not from symbolize.c's own reading; every
 * function of the targets is followed directly by another, so SystemTap's
 * size, the distance to the next symbol, is the function's st_size.  One
 * line per failure; exit 1 if any.  Needs no root: as root, deleted files
 * are read through /proc/PID/map_files, otherwise they show as a module
 * without symbols. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "binary/elfsym.h"
#include "strbuf.h"
#include "symbolize.h"

static char dir[PATH_MAX];
static bool bench;

/* snprintf for paths, which must fit. */
#define FMT(buf, ...) do {                                               \
		int n_ = snprintf(buf, sizeof(buf), __VA_ARGS__);        \
		if (n_ < 0 || (size_t)n_ >= sizeof(buf)) {               \
			fprintf(stderr, "test_symbolize: path too long\n"); \
			exit(2);                                         \
		}                                                        \
	} while (0)

/* ---- Running a target ---- */

struct target {
	pid_t pid;
	int to;
	FILE *from;
};

struct frame {
	char name[64];
	uint64_t addr, func;
};

/* What the target said at one stop. */
struct stop {
	int pid;
	struct frame frames[16], data[4];
	int nframes, ndata;
	uint64_t anon;
	char libc[PATH_MAX];
};

/* Starts argv[0] with pipes on its stdin and stdout. */
static bool target_start(struct target *t, char *const argv[])
{
	int in[2], out[2];

	if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC))
		return false;
	t->pid = fork();
	if (t->pid < 0)
		return false;
	if (t->pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		execv(argv[0], argv);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	t->to = in[1];
	t->from = fdopen(out[0], "r");
	return t->from != NULL;
}

static bool read_stop(struct target *t, struct stop *s)
{
	char line[PATH_MAX + 64];

	memset(s, 0, sizeof(*s));
	while (fgets(line, sizeof(line), t->from)) {
		struct frame f = {{0}, 0, 0};
		char *nl = strchr(line, '\n');

		if (nl)
			*nl = '\0';
		if (strcmp(line, "end") == 0)
			return s->pid > 0 && s->nframes > 0;
		if (sscanf(line, "pid %d", &s->pid) == 1)
			continue;
		if (sscanf(line, "anon %" SCNx64, &s->anon) == 1)
			continue;
		if (strncmp(line, "libc ", 5) == 0) {
			FMT(s->libc, "%s", line + 5);
			continue;
		}
		/* "(nil)" for a NULL function reads as 0. */
		if (sscanf(line, "frame %63s %" SCNx64 " %" SCNx64, f.name, &f.addr, &f.func) >= 2 &&
		    s->nframes < 16)
			s->frames[s->nframes++] = f;
		else if (sscanf(line, "data %63s %" SCNx64 " %" SCNx64, f.name, &f.addr, &f.func) == 3 &&
			 s->ndata < 4)
			s->data[s->ndata++] = f;
	}
	return false;
}

static void target_next(struct target *t)
{
	if (write(t->to, "\n", 1) != 1)
		perror("write");
}

/* Waits until `pid` has exited but is not reaped: state Z. */
static bool wait_zombie(pid_t pid)
{
	char path[64], buf[256], *paren;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	for (int i = 0; i < 500; i++) {
		FILE *f = fopen(path, "r");
		bool z = false;

		if (f) {
			if (fgets(buf, sizeof(buf), f) && (paren = strrchr(buf, ')')))
				z = paren[1] == ' ' && paren[2] == 'Z';
			fclose(f);
		}
		if (z)
			return true;
		usleep(10000);
	}
	return false;
}

/* Lets the target exit and reaps it, so that its maps are gone. */
static void target_end(struct target *t)
{
	int status;

	close(t->to);
	fclose(t->from);
	if (waitpid(t->pid, &status, 0) < 0)
		perror("waitpid");
}

/* ---- What SystemTap would print ---- */

static void canonical(const char *path, char *out)
{
	if (!realpath(path, out))
		snprintf(out, PATH_MAX, "%s", path);
}

/* The module path as SystemTap keeps it (TASK_FINDER_VMA_ENTRY_PATHLEN 64):
 * 61 bytes or more become "..." and the last 60. */
static const char *shown(const char *path, char *buf)
{
	size_t len = strlen(path);

	if (len < 61)
		return path;
	snprintf(buf, 64, "...%s", path + len - 60);
	return buf;
}

/* The file a function of the targets is in: the program's directory holds
 * its libraries. */
static void module_of(const char *exe, const char *func, char *out)
{
	char p[PATH_MAX];

	if (strncmp(func, "lib_", 4) == 0 || strncmp(func, "plugin_", 7) == 0) {
		char d[PATH_MAX], *slash;

		FMT(d, "%s", exe);
		slash = strrchr(d, '/');
		*slash = '\0';
		FMT(p, "%s/%s", d, func[0] == 'l' ? "libchain.so" : "libplugin.so");
	} else {
		FMT(p, "%s", exe);
	}
	canonical(p, out);
}

static struct elf_cache *elves;

/* st_size of `name` in `path` by elfsym's reading; UINT64_MAX if the file
 * has no such symbol (stripped). */
static uint64_t sym_size(const char *path, const char *name)
{
	struct elf_file *f;
	const struct elf_sym *s;

	if (elf_cache_open(elves, path, &f, NULL) != 0 || !(s = elf_sym_lookup(f, name)))
		return UINT64_MAX;
	return s->size;
}

/* The extent of SystemTap's module around `addr`: the neighbouring
 * mappings of `path` in /proc/PID/maps. */
static bool run_extent(int pid, const char *path, uint64_t addr, uint64_t *start, uint64_t *end)
{
	char name[64], line[PATH_MAX + 128];
	uint64_t rs = 0, re = 0;
	bool in = false, found = false;
	FILE *f;

	snprintf(name, sizeof(name), "/proc/%d/maps", pid);
	if (!(f = fopen(name, "r")))
		return false;
	while (fgets(line, sizeof(line), f)) {
		uint64_t lo, hi;
		int pos = 0;
		char *p, *del;

		if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %*s %*s %*s %*s %n", &lo, &hi, &pos) < 2 || !pos)
			continue;
		p = line + pos;
		p[strcspn(p, "\n")] = '\0';
		if ((del = strstr(p, " (deleted)")) && !del[10])
			*del = '\0';
		if (strcmp(p, path) != 0) {
			in = false;
			if (found)
				break;
			continue;
		}
		if (!in || lo != re)
			rs = lo;
		re = hi;
		in = true;
		if (lo <= addr && addr < hi)
			found = true;
	}
	fclose(f);
	*start = rs;
	*end = re;
	return found;
}

/* What the four functions should give for a frame. */
struct expect {
	char full[PATH_MAX + 256];   /* print_ubacktrace's line */
	char simple[PATH_MAX + 256]; /* sprint_ubacktrace's line */
	char name[80];               /* usymname */
};

/* The lines for frame `f` of process `pid`, running `exe`: with its symbol
 * if the file has it and can be read (sizes from the same files at
 * `twin`), else as an offset into the module.  (In the targets, a function
 * a stripped file lacks has no symbol of the table below it either.) */
static void expect_frame(int pid, const char *exe, const char *twin, const struct frame *f,
			 bool exe_readable, struct expect *e)
{
	char mod[PATH_MAX], src[PATH_MAX], buf[64];
	const char *path, *base;
	uint64_t size, rs = 0, re = 0;

	module_of(exe, f->name, mod);
	module_of(twin, f->name, src);
	path = shown(mod, buf);
	base = strrchr(path, '/') + 1;
	size = sym_size(src, f->name);
	if (size != UINT64_MAX && (exe_readable || strcmp(mod, exe) != 0)) {
		snprintf(e->full, sizeof(e->full), " 0x%" PRIx64 " : %s+0x%" PRIx64 "/0x%" PRIx64 " [%s]\n",
			 f->addr, f->name, f->addr - f->func, size, path);
		snprintf(e->simple, sizeof(e->simple), "%s+0x%" PRIx64 " [%s]\n",
			 f->name, f->addr - f->func, base);
		snprintf(e->name, sizeof(e->name), "%s", f->name);
		return;
	}
	if (!run_extent(pid, mod, f->addr, &rs, &re))
		CHECK(0, "0x%" PRIx64 " is not in %s", f->addr, mod);
	snprintf(e->full, sizeof(e->full), " 0x%" PRIx64 " [%s+0x%" PRIx64 "/0x%" PRIx64 "]\n",
		 f->addr, path, f->addr - rs, re - rs);
	snprintf(e->simple, sizeof(e->simple), "0x%" PRIx64 " [%s+0x%" PRIx64 "]\n",
		 f->addr, base, f->addr - rs);
	snprintf(e->name, sizeof(e->name), "0x%" PRIx64, f->addr);
}

/* ---- The checks ---- */

/* Returns the line of `text` that starts at *pos and moves past it. */
static bool next_line(const char *text, size_t *pos, char *line, size_t n)
{
	const char *s = text + *pos, *nl = strchr(s, '\n');
	size_t len;

	if (!*s)
		return false;
	len = nl ? (size_t)(nl - s) + 1 : strlen(s);
	snprintf(line, n, "%.*s", (int)len, s);
	*pos += len;
	return true;
}

/* A line in the C library: its symbols are whatever this system's libc
 * has, so only the form is checked. */
static bool libc_line(const struct stop *s, const struct frame *f, const char *got)
{
	char libc[PATH_MAX], head[64], tail[PATH_MAX + 8], buf[64];

	canonical(s->libc, libc);
	snprintf(head, sizeof(head), " 0x%" PRIx64 " ", f->addr);
	snprintf(tail, sizeof(tail), "%s]\n", shown(libc, buf));
	return strncmp(got, head, strlen(head)) == 0 && strlen(got) > strlen(tail) &&
	       strstr(got, tail) && strchr(got, '[');
}

/* Checks print_ubacktrace, sprint_ubacktrace, ubacktrace and usymname
 * for the stop `s` of the process running `exe`, whose files are copies of
 * `twin`'s; `exe_readable` says whether the program's file can be read. */
static void check_stop(struct sym_ctx *c, const char *what, const char *exe,
		       const char *twin, const struct stop *s, bool exe_readable)
{
	uint64_t addrs[16] = {0};
	struct strbuf out = STRBUF_INIT, want = STRBUF_INIT;
	struct expect e;
	char got[PATH_MAX + 256], exe_path[PATH_MAX];
	size_t pos = 0;
	int n = s->nframes;

	canonical(exe, exe_path);
	for (int i = 0; i < n; i++)
		addrs[i] = s->frames[i].addr;

	/* print_ubacktrace */
	CHECK(sym_print_ubacktrace(c, &out, s->pid, addrs, (size_t)n) == 0, "%s: print", what);
	for (int i = 0; i < n; i++) {
		const struct frame *f = &s->frames[i];

		if (!next_line(out.buf ? out.buf : "", &pos, got, sizeof(got))) {
			CHECK(0, "%s: print_ubacktrace has %d lines, not %d", what, i, n);
			break;
		}
		if (strcmp(f->name, "-") == 0) {
			CHECK(libc_line(s, f, got), "%s: frame %d in libc: %s", what, i, got);
			continue;
		}
		expect_frame(s->pid, exe_path, twin, f, exe_readable, &e);
		CHECK(strcmp(got, e.full) == 0, "%s: frame %d:\n  got  %s  want %s", what, i, got, e.full);
	}
	CHECK(out.buf && !out.buf[pos], "%s: print_ubacktrace has extra lines: %s", what,
	      out.buf ? out.buf + pos : "");

	/* ubacktrace: every address and a space, cut to MAXSTRINGLEN - 1. */
	strbuf_reset(&out);
	for (int i = 0; i < n; i++)
		strbuf_printf(&want, "0x%" PRIx64 " ", addrs[i]);
	CHECK(sym_ubacktrace(&out, addrs, (size_t)n, 1000) == 0 &&
	      strcmp(out.buf, want.buf) == 0, "%s: ubacktrace\n  got  %s\n  want %s",
	      what, out.buf, want.buf);
	strbuf_reset(&out);
	CHECK(sym_ubacktrace(&out, addrs, (size_t)n, 20) == 0 && out.len == 19 &&
	      strncmp(out.buf, want.buf, 19) == 0, "%s: ubacktrace cut to 19 bytes: %s",
	      what, out.buf);

	/* sprint_ubacktrace: the short lines, cut mid-line; usymname. */
	strbuf_reset(&want);
	for (int i = 0; i < n; i++) {
		const struct frame *f = &s->frames[i];

		if (strcmp(f->name, "-") == 0)
			break;
		expect_frame(s->pid, exe_path, twin, f, exe_readable, &e);
		strbuf_puts(&want, e.simple);
		strbuf_reset(&out);
		CHECK(sym_usymname(c, &out, s->pid, f->addr, 128) == 0 && strcmp(out.buf, e.name) == 0,
		      "%s: usymname(frame %d) %s, not %s", what, i, out.buf, e.name);
	}
	strbuf_reset(&out);
	CHECK(sym_sprint_ubacktrace(c, &out, s->pid, addrs, (size_t)n, 100000) == 0 &&
	      strncmp(out.buf, want.buf, want.len) == 0,
	      "%s: sprint_ubacktrace\n  got  %s\n  want %s", what, out.buf, want.buf);
	strbuf_reset(&out);
	CHECK(sym_sprint_ubacktrace(c, &out, s->pid, addrs, (size_t)n, 40) == 0 &&
	      out.len == 39 && strncmp(out.buf, want.buf, 39) == 0,
	      "%s: sprint_ubacktrace cut to 39 bytes: %s", what, out.buf);

	/* Data objects are symbols too. */
	for (int i = 0; i < s->ndata && exe_readable; i++) {
		struct sym_where w;

		if (sym_size(twin, s->data[i].name) == UINT64_MAX)
			continue;
		strbuf_reset(&out);
		CHECK(sym_usymname(c, &out, s->pid, s->data[i].addr, 128) == 0 &&
		      strcmp(out.buf, s->data[i].name) == 0, "%s: usymname(&%s) %s",
		      what, s->data[i].name, out.buf);
		sym_lookup(c, s->pid, s->data[i].addr, &w);
		CHECK(w.symbol && w.offset == s->data[i].addr - s->data[i].func,
		      "%s: offset into %s: 0x%" PRIx64, what, s->data[i].name, w.offset);
	}

	/* The heap is no file: the address alone. */
	strbuf_reset(&out);
	strbuf_reset(&want);
	strbuf_printf(&want, "0x%" PRIx64, s->anon);
	CHECK(sym_usymname(c, &out, s->pid, s->anon, 128) == 0 && strcmp(out.buf, want.buf) == 0,
	      "%s: usymname(heap) %s", what, out.buf);
	strbuf_reset(&out);
	CHECK(sym_usymname(c, &out, s->pid, s->anon, 5) == 0 && strncmp(out.buf, want.buf, 4) == 0 &&
	      out.len == 4, "%s: usymname cut to 4 bytes: %s", what, out.buf);
	strbuf_reset(&out);
	strbuf_reset(&want);
	strbuf_printf(&want, " 0x%" PRIx64 "\n", s->anon);
	CHECK(sym_print_ubacktrace(c, &out, s->pid, &s->anon, 1) == 0 &&
	      strcmp(out.buf, want.buf) == 0, "%s: a heap address prints %s", what, out.buf);
	strbuf_free(&out);
	strbuf_free(&want);
}

/* An address of the program below its first symbol (in its ELF header)
 * is an offset into the module. */
static void check_header(struct sym_ctx *c, const char *exe, const struct stop *s)
{
	char path[PATH_MAX], want[PATH_MAX + 128], buf[64];
	struct strbuf out = STRBUF_INIT;
	uint64_t addr, rs, re;

	canonical(exe, path);
	if (!run_extent(s->pid, path, s->frames[0].addr, &rs, &re)) {
		CHECK(0, "report() is not in %s", path);
		return;
	}
	addr = rs + 0x10;
	snprintf(want, sizeof(want), " 0x%" PRIx64 " [%s+0x10/0x%" PRIx64 "]\n",
		 addr, shown(path, buf), re - rs);
	CHECK(sym_print_ubacktrace(c, &out, s->pid, &addr, 1) == 0 && strcmp(out.buf, want) == 0,
	      "the ELF header of %s:\n  got  %s  want %s", exe, out.buf, want);
	strbuf_free(&out);
}

/* The symbol below an address gets it however far below: gap_fn is one
 * byte, then 64 bytes no symbol covers, then after_gap. */
static void check_gap(struct sym_ctx *c, const char *exe, const struct stop *s)
{
	char lib[PATH_MAX], line[PATH_MAX + 64], buf[64];
	struct elf_file *f;
	const struct elf_sym *entry = NULL, *gap = NULL;
	uint64_t bias = 0, addr;
	struct strbuf out = STRBUF_INIT;

	module_of(exe, "lib_entry", lib);
	if (elf_cache_open(elves, lib, &f, NULL) == 0) {
		entry = elf_sym_lookup(f, "lib_entry");
		gap = elf_sym_lookup(f, "gap_fn");
	}
	for (int i = 0; i < s->nframes; i++)
		if (entry && strcmp(s->frames[i].name, "lib_entry") == 0)
			bias = s->frames[i].func - entry->vaddr;
	if (!gap || !bias) {
		CHECK(0, "%s: cannot find gap_fn", exe);
		return;
	}
	addr = bias + gap->vaddr + 10;
	CHECK(elf_sym_containing(f, gap->vaddr + 10) == NULL, "gap_fn+10 should be in no symbol's extent");
	CHECK(sym_usymname(c, &out, s->pid, addr, 128) == 0 && strcmp(out.buf, "gap_fn") == 0,
	      "usymname(gap_fn + 10) is %s", out.buf);
	strbuf_reset(&out);
	snprintf(line, sizeof(line), " 0x%" PRIx64 " : gap_fn+0xa/0x41 [%s]\n", addr, shown(lib, buf));
	CHECK(sym_print_ubacktrace(c, &out, s->pid, &addr, 1) == 0 && strcmp(out.buf, line) == 0,
	      "gap_fn + 10:\n  got  %s  want %s", out.buf, line);
	strbuf_free(&out);
}

/* Runs one target through both stops, checking each, then again after it
 * has exited: the stacks still resolve from what was read while it ran. */
static void run_target(const char *name)
{
	/* Stripped files have no symbols to check the gap with. */
	bool stripped = strncmp(name, "stripped/", 9) == 0;
	char exe[PATH_MAX], what[PATH_MAX + 32];
	struct target t;
	struct stop s1, s2;
	struct sym_ctx *c = sym_new();
	struct strbuf before = STRBUF_INIT, after = STRBUF_INIT;
	uint64_t addrs[16];

	FMT(exe, "%s/%s", dir, name);
	if (access(exe, X_OK) != 0) {
		printf("skipped %s (not built)\n", name);
		sym_free(c);
		return;
	}
	char *argv[] = {exe, NULL};
	CHECK(c && target_start(&t, argv), "%s: cannot start", exe);
	if (!c)
		return;
	if (!read_stop(&t, &s1)) {
		CHECK(0, "%s: no first stop", exe);
		target_end(&t);
		sym_free(c);
		return;
	}
	snprintf(what, sizeof(what), "%s stop 1", name);
	check_stop(c, what, exe, exe, &s1, true);
	check_header(c, exe, &s1);
	if (!stripped)
		check_gap(c, exe, &s1);

	/* The second stop is in a library loaded after the maps were read. */
	target_next(&t);
	if (!read_stop(&t, &s2)) {
		CHECK(0, "%s: no second stop", exe);
		target_end(&t);
		sym_free(c);
		return;
	}
	snprintf(what, sizeof(what), "%s stop 2 (dlopen)", name);
	check_stop(c, what, exe, exe, &s2, true);
	for (int i = 0; i < s2.nframes; i++)
		addrs[i] = s2.frames[i].addr;
	sym_print_ubacktrace(c, &before, s2.pid, addrs, (size_t)s2.nframes);

	/* Exited and not yet reaped, its maps are empty; an address in no
	 * mapping makes them be read again, which must keep what was known. */
	target_next(&t);
	CHECK(wait_zombie(t.pid), "%s: pid %d did not exit", name, (int)t.pid);
	uint64_t nowhere = 0x1000;
	sym_print_ubacktrace(c, &after, s2.pid, &nowhere, 1);
	strbuf_reset(&after);
	sym_print_ubacktrace(c, &after, s2.pid, addrs, (size_t)s2.nframes);
	CHECK(before.buf && after.buf && strcmp(before.buf, after.buf) == 0,
	      "%s a zombie:\n%s  not\n%s", name, after.buf, before.buf);

	target_end(&t);
	CHECK(kill(s2.pid, 0) != 0, "%s: pid %d still there", name, s2.pid);
	strbuf_reset(&after);
	sym_print_ubacktrace(c, &after, s2.pid, addrs, (size_t)s2.nframes);
	CHECK(before.buf && after.buf && strcmp(before.buf, after.buf) == 0,
	      "%s after exit:\n%s  not\n%s", name, after.buf, before.buf);

	/* A context that never saw it has nothing but the addresses. */
	struct sym_ctx *fresh = sym_new();
	struct strbuf want = STRBUF_INIT;
	strbuf_reset(&after);
	for (int i = 0; i < s2.nframes; i++)
		strbuf_printf(&want, " 0x%" PRIx64 "\n", addrs[i]);
	CHECK(fresh && sym_add_pid(fresh, s2.pid) == -ENOENT, "%s: sym_add_pid of an exited pid", name);
	CHECK(fresh && sym_print_ubacktrace(fresh, &after, s2.pid, addrs, (size_t)s2.nframes) == 0 &&
	      strcmp(after.buf, want.buf) == 0, "%s exited, fresh context:\n%s", name, after.buf);
	sym_free(fresh);
	strbuf_free(&want);
	strbuf_free(&before);
	strbuf_free(&after);
	sym_free(c);
}

/* Whether this process may open the file mapped at `addr` in `pid`
 * through /proc/PID/map_files (CAP_SYS_ADMIN). */
static bool can_open_map_file(int pid, uint64_t addr)
{
	char path[128], line[PATH_MAX + 128];
	bool ok = false;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/maps", pid);
	if (!(f = fopen(path, "r")))
		return false;
	while (fgets(line, sizeof(line), f)) {
		uint64_t lo, hi;
		int fd;

		if (sscanf(line, "%" SCNx64 "-%" SCNx64, &lo, &hi) != 2 || addr < lo || addr >= hi)
			continue;
		snprintf(path, sizeof(path), "/proc/%d/map_files/%" PRIx64 "-%" PRIx64, pid, lo, hi);
		if ((fd = open(path, O_RDONLY)) >= 0) {
			ok = true;
			close(fd);
		}
		break;
	}
	fclose(f);
	return ok;
}

/* A program whose file is deleted while it runs: maps say "(deleted)";
 * root reads it through map_files, others see the module alone. */
static void run_deleted(void)
{
	char d[PATH_MAX], exe[PATH_MAX], twin[PATH_MAX], cmd[3 * PATH_MAX];
	struct target t;
	struct stop s;

	FMT(twin, "%s/chain_pie", dir);
	FMT(d, "%s/deleted", dir);
	FMT(exe, "%s/chain_pie", d);
	FMT(cmd, "mkdir -p '%s' && cp '%s/chain_pie' '%s/libchain.so' '%s/libplugin.so' '%s/'",
	    d, dir, dir, dir, d);
	if (system(cmd) != 0) {
		CHECK(0, "cannot copy the target to %s", d);
		return;
	}
	char *argv[] = {exe, NULL};
	if (!target_start(&t, argv) || !read_stop(&t, &s)) {
		CHECK(0, "%s: no stop", exe);
		return;
	}
	CHECK(unlink(exe) == 0, "cannot delete %s", exe);
	struct sym_ctx *c = sym_new();
	check_stop(c, "deleted chain_pie", exe, twin, &s, can_open_map_file(s.pid, s.frames[0].addr));
	/* The name shown is the path without " (deleted)". */
	struct sym_where w;
	sym_lookup(c, s.pid, s.frames[0].addr, &w);
	CHECK(w.module && strcmp(w.module, exe) == 0, "deleted: module %s", w.module);
	sym_free(c);
	target_next(&t);
	target_next(&t);
	target_end(&t);
}

/* A program in its own mount namespace, on a tmpfs this process cannot
 * see: its files are reached through /proc/PID/root (or, as root,
 * map_files).  Skipped where namespaces cannot be made. */
static void run_namespace(void)
{
	char d[PATH_MAX], exe[PATH_MAX], script[4 * PATH_MAX];
	struct target t;
	struct stop s;

	FMT(d, "%s/ns", dir);
	FMT(exe, "%s/chain_pie", d);
	mkdir(d, 0755);
	FMT(script,
	    "mount -t tmpfs tmpfs '%s' 2>/dev/null || exit 77; "
	    "cp '%s/chain_pie' '%s/libchain.so' '%s/libplugin.so' '%s/' && exec '%s'",
	    d, dir, dir, dir, d, exe);
	char *argv[] = {"/usr/bin/unshare", getuid() ? "-rm" : "-m", "/bin/sh", "-c", script, NULL};
	if (access(argv[0], X_OK) != 0 || !target_start(&t, argv)) {
		printf("skipped the mount namespace (no unshare)\n");
		return;
	}
	if (!read_stop(&t, &s)) {
		printf("skipped the mount namespace (cannot make one here)\n");
		target_end(&t);
		return;
	}
	CHECK(access(exe, F_OK) != 0, "%s should be invisible outside the namespace", exe);
	struct sym_ctx *c = sym_new();
	/* The paths the expected lines use are the namespace's, which
	 * realpath() cannot check from here, so compare by name. */
	for (int i = 0; i < s.nframes; i++) {
		struct sym_where w;

		if (strcmp(s.frames[i].name, "-") == 0)
			continue;
		sym_lookup(c, s.pid, s.frames[i].addr, &w);
		CHECK(w.symbol && strcmp(w.symbol, s.frames[i].name) == 0 &&
		      w.offset == s.frames[i].addr - s.frames[i].func,
		      "namespace: frame %d is %s+0x%" PRIx64 ", not %s", i,
		      w.symbol ? w.symbol : "(none)", w.offset, s.frames[i].name);
	}
	sym_free(c);
	target_next(&t);
	target_next(&t);
	target_end(&t);
}

/* Addresses of a pid that does not exist, 0, and a 0 that ends a stack. */
static void check_edges(void)
{
	struct sym_ctx *c = sym_new();
	struct strbuf out = STRBUF_INIT;
	uint64_t addrs[] = {0x401000, 0x7f0000001234, 0, 0x5555};
	int nopid = 0x3ffffff0;

	CHECK(sym_add_pid(c, nopid) == -ENOENT, "sym_add_pid(%d)", nopid);
	CHECK(sym_print_ubacktrace(c, &out, nopid, addrs, 4) == 0 &&
	      strcmp(out.buf, " 0x401000\n 0x7f0000001234\n") == 0,
	      "a stack stops at 0:\n%s", out.buf);
	strbuf_reset(&out);
	CHECK(sym_sprint_ubacktrace(c, &out, nopid, addrs, 4, 128) == 0 &&
	      strcmp(out.buf, "0x401000\n0x7f0000001234\n") == 0, "sprint: %s", out.buf);
	strbuf_reset(&out);
	CHECK(sym_ubacktrace(&out, addrs, 4, 128) == 0 &&
	      strcmp(out.buf, "0x401000 0x7f0000001234 ") == 0, "ubacktrace: %s", out.buf);
	strbuf_reset(&out);
	uint64_t zero = 0;
	CHECK(sym_print_ubacktrace(c, &out, getpid(), &zero, 1) == 0 && strcmp(out.buf, " 0x0\n") == 0,
	      "address 0 alone: %s", out.buf);
	strbuf_reset(&out);
	CHECK(sym_usymname(c, &out, getpid(), 0, 128) == 0 && strcmp(out.buf, "0x0") == 0,
	      "usymname(0): %s", out.buf);
	strbuf_reset(&out);
	CHECK(sym_print_ubacktrace(c, &out, getpid(), addrs, 0) == 0 && out.len == 0,
	      "no frames print nothing");
	/* This process: main is found in the test program itself. */
	strbuf_reset(&out);
	uint64_t self = (uint64_t)(uintptr_t)check_edges;
	CHECK(sym_usymname(c, &out, getpid(), self, 128) == 0 && strcmp(out.buf, "check_edges") == 0,
	      "usymname(check_edges) in this process: %s", out.buf);
	sym_forget_pid(c, getpid());
	sym_forget_pid(c, nopid);
	strbuf_free(&out);
	sym_free(c);
}

/* What reading the maps of `pid` costs, in ns. */
static double maps_read_ns(int pid)
{
	char path[64], buf[65536];
	struct timespec a, b;
	const int rounds = 200;

	snprintf(path, sizeof(path), "/proc/%d/maps", pid);
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int r = 0; r < rounds; r++) {
		int fd = open(path, O_RDONLY);

		while (fd >= 0 && read(fd, buf, sizeof(buf)) > 0)
			;
		if (fd >= 0)
			close(fd);
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	return ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) / rounds;
}

/* A stack of the chain at a time, as an event stream would bring them. */
static void run_bench(void)
{
	char exe[PATH_MAX];
	struct target t;
	struct stop s;
	uint64_t addrs[16];
	struct strbuf out = STRBUF_INIT;
	struct timespec a, b;
	const int rounds = 100000;

	FMT(exe, "%s/chain_pie", dir);
	char *argv[] = {exe, NULL};
	if (!target_start(&t, argv) || !read_stop(&t, &s)) {
		CHECK(0, "bench: no stop");
		return;
	}
	for (int i = 0; i < s.nframes; i++)
		addrs[i] = s.frames[i].addr;
	struct sym_ctx *c = sym_new();
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int r = 0; r < rounds; r++) {
		strbuf_reset(&out);
		sym_print_ubacktrace(c, &out, s.pid, addrs, (size_t)s.nframes);
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	double ns = ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) /
		    rounds / s.nframes;
	if (bench)
		printf("print_ubacktrace: %.0f ns a frame (%d frames, %d stacks)\n",
		       ns, s.nframes, rounds);
	/* A frame must cost far less than reading the maps once, which is
	 * what a cache that failed would do for each (measured here, so that
	 * the check holds under sanitizers and valgrind too). */
	double maps_ns = maps_read_ns(s.pid);
	if (bench)
		printf("reading /proc/%d/maps: %.0f ns\n", s.pid, maps_ns);
	CHECK(ns < maps_ns / 2, "a frame takes %.0f ns, reading the maps %.0f ns", ns, maps_ns);

	/* An address in no mapping makes the maps be read again once, not
	 * each time it comes back. */
	uint64_t nowhere = 0x1000;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int r = 0; r < rounds; r++) {
		strbuf_reset(&out);
		sym_print_ubacktrace(c, &out, s.pid, &nowhere, 1);
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	ns = ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) / rounds;
	if (bench)
		printf("an address in no mapping: %.0f ns\n", ns);
	CHECK(ns < maps_ns / 2, "an address in no mapping takes %.0f ns", ns);
	sym_free(c);
	strbuf_free(&out);
	target_next(&t);
	target_next(&t);
	target_end(&t);
}

int main(int argc, char **argv)
{
	int i = 1;

	if (i < argc && strcmp(argv[i], "--bench") == 0) {
		bench = true;
		i++;
	}
	if (i + 1 != argc) {
		fprintf(stderr, "usage: test_symbolize [--bench] DIR\n");
		return 2;
	}
	canonical(argv[i], dir);
	signal(SIGPIPE, SIG_IGN);
	elves = elf_cache_new();

	check_edges();
	run_target("chain_pie");
	run_target("chain_nopie");
	run_target("chain_lld");
	run_target("long/a_directory_name_long_enough_that_systemtap_keeps_only_the_end/chain_pie");
	run_target("stripped/chain_pie");
	run_deleted();
	run_namespace();
	run_bench();

	elf_cache_free(elves);
	return checks_done("test_symbolize");
}
