/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check.h — what uscript's unit tests share.
 *
 *   CHECK(cond, fmt, …)  counts a check and, when cond is false, prints
 *                        file:line and the message;
 *   checks_done(NAME)    says how many ran and how many failed, and gives
 *                        main()'s status: `return checks_done("test_x");`
 *   show(S), show_bytes(S, N)  a string or bytes made readable for a
 *                        failure message;
 *   target(NAME)         the path of NAME in target_dir, the directory of
 *                        programs the test's build script made (the test's
 *                        argument);
 *   and the tools several tests need: whole files read and written, a
 *   temporary directory, a monotonic clock, and the traced programs a test
 *   starts under ptrace and reads the mappings and values of.
 *
 * Everything is static, so a test includes this once and links nothing
 * more; what a test does not use costs it nothing. */
#ifndef USCRIPT_CHECK_H
#define USCRIPT_CHECK_H

#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHECK_UNUSED __attribute__((unused))

static int checks, failures;

static void fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4), unused));

static void fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	failures++;
	printf("%s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

#define CHECK(cond, ...) do {                                   \
		checks++;                                       \
		if (!(cond))                                    \
			fail(__FILE__, __LINE__, __VA_ARGS__);  \
	} while (0)

static CHECK_UNUSED int checks_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, checks, failures);
	return failures != 0;
}

/* ---- Failure messages ---- */

/* Bytes made readable for a failure message: escapes, and long runs cut;
 * show() does the same for a C string.  Four buffers are used in turn, so
 * that one message can show a few. */
static CHECK_UNUSED const char *show_bytes(const char *s, size_t n)
{
	static char bufs[4][1024];
	static int which;
	char *b = bufs[which = (which + 1) % 4];
	size_t o = 0, i;

	b[o++] = '"';
	for (i = 0; i < n && o < sizeof(bufs[0]) - 16; i++) {
		unsigned char c = (unsigned char)s[i];

		/* Collapse a long run of one byte so widths stay readable. */
		size_t run = 1;
		while (i + run < n && s[i + run] == s[i])
			run++;
		if (run > 8) {
			o += (size_t)snprintf(b + o, sizeof(bufs[0]) - o,
					      "<%zu×%c>", run,
					      c >= 0x20 && c < 0x7f ? c : '?');
			i += run - 1;
			continue;
		}
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			b[o++] = (char)c;
		else
			o += (size_t)snprintf(b + o, sizeof(bufs[0]) - o,
					      "\\x%02x", c);
	}
	if (i < n)
		o += (size_t)snprintf(b + o, sizeof(bufs[0]) - o, "...");
	b[o++] = '"';
	b[o] = '\0';
	return b;
}

static CHECK_UNUSED const char *show(const char *s)
{
	return show_bytes(s, strlen(s));
}

/* ---- Files ---- */

static CHECK_UNUSED const char *target_dir;

/* target_dir/name, in one of eight buffers used in turn, so that a few
 * paths can be in use at once. */
static CHECK_UNUSED const char *target(const char *name)
{
	static char buf[8][PATH_MAX];
	static int next;
	char *p = buf[next++ % 8];
	snprintf(p, PATH_MAX, "%s/%s", target_dir, name);
	return p;
}

static CHECK_UNUSED bool exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* The whole file, malloc'd, and its size in *size; NULL if it cannot be
 * opened. */
static CHECK_UNUSED unsigned char *slurp(const char *path, size_t *size)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	unsigned char *buf = malloc(n > 0 ? (size_t)n : 1);
	*size = fread(buf, 1, (size_t)n, fp);
	fclose(fp);
	return buf;
}

/* Writes the file, or ends the test: what follows would test nothing. */
static CHECK_UNUSED void spit(const char *path, const void *buf, size_t size)
{
	FILE *fp = fopen(path, "wb");
	if (!fp || fwrite(buf, 1, size, fp) != size) {
		perror(path);
		exit(2);
	}
	fclose(fp);
}

/* Makes a new directory $TMPDIR/NAME.XXXXXX (in /tmp without TMPDIR) and
 * writes its path to buf; false, with the reason printed, if it cannot. */
static CHECK_UNUSED bool make_tmpdir(char *buf, size_t size, const char *name)
{
	const char *t = getenv("TMPDIR");
	snprintf(buf, size, "%s/%s.XXXXXX", t && *t ? t : "/tmp", name);
	if (!mkdtemp(buf)) {
		perror("mkdtemp");
		return false;
	}
	return true;
}

/* ---- Time ---- */

static CHECK_UNUSED double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- Traced programs ---- */

/* Starts exe stopped at its first instruction, under ptrace, with its
 * standard output on a pipe whose reading end goes to *outfd, or to
 * /dev/null when outfd is NULL.  -1 if it cannot, -2 if ptrace is not
 * permitted here (a sandbox). */
static CHECK_UNUSED pid_t start_stopped(const char *exe, int *outfd)
{
	int pfd[2] = { -1, -1 };
	if (outfd && pipe(pfd) != 0)
		return -1;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		int out = outfd ? pfd[1] : open("/dev/null", O_WRONLY);
		if (out >= 0)
			dup2(out, 1);
		if (outfd) {
			close(pfd[0]);
			close(pfd[1]);
		}
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) != 0)
			_exit(126);
		execl(exe, exe, (char *)NULL);
		_exit(127);
	}
	if (outfd)
		close(pfd[1]);
	int st;
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFSTOPPED(st)) {
		if (outfd)
			close(pfd[0]);
		return pid > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 126 ? -2 : -1;
	}
	if (outfd)
		*outfd = pfd[0];
	return pid;
}

/* The run-time address of file offset `off` of `path` in a mapping of
 * pid with permission `perm` ('x' or 'w'): what the kernel does with a
 * uprobe's offset and ref_ctr_offset.  0 if not mapped (yet). */
static CHECK_UNUSED uint64_t map_offset(pid_t pid, const char *path, uint64_t off, char perm)
{
	char maps[64], line[PATH_MAX + 256];
	snprintf(maps, sizeof(maps), "/proc/%d/maps", (int)pid);
	FILE *fp = fopen(maps, "r");
	if (!fp)
		return 0;
	uint64_t addr = 0;
	while (!addr && fgets(line, sizeof(line), fp)) {
		uint64_t start, end, pgoff;
		char perms[8];
		int pos = 0;
		if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %7s %" SCNx64 " %*s %*s%n", &start,
			   &end, perms, &pgoff, &pos) < 4)
			continue;
		char *name = line + pos;
		name += strspn(name, " ");
		name[strcspn(name, "\n")] = 0;
		bool ok = perm == 'x' ? perms[2] == 'x' : perms[1] == 'w';
		if (ok && strcmp(name, path) == 0 && off >= pgoff && off < pgoff + (end - start))
			addr = start + (off - pgoff);
	}
	fclose(fp);
	return addr;
}

/* v cut to `bytes` bytes and extended back to 64 bits, with its sign or
 * with zeros, as a BPF program loads a value of that size. */
static CHECK_UNUSED int64_t extend(uint64_t v, unsigned bytes, bool sgn)
{
	if (bytes >= 8)
		return (int64_t)v;
	unsigned bits = bytes * 8;
	uint64_t mask = (UINT64_C(1) << bits) - 1;
	v &= mask;
	if (sgn && (v >> (bits - 1)))
		v |= ~mask;
	return (int64_t)v;
}

#endif
