/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_compile.c — a libFuzzer target over all that uscript does before it
 * loads anything: parse, resolve, probe points, target variables and code
 * generation to a BPF object in memory (-p4 without writing the object),
 * and the printing of the syntax tree (-p1), of resolution (-p2) and of the
 * probe points with their target variables (-L).
 *
 * An input is a script, compiled as -p1, -p2, -L and -p4 would, in turn,
 * up to the first that fails.  A first line "# -c NAME" names the target's
 * executable, as -c would, for `process` without a path; the line is a
 * comment to the script itself.  The script's arguments are "7" and "seven".
 *
 * Resolution opens the files that probe points name.  So that the target
 * stays harmless and deterministic, it works in one directory of test
 * programs (USCRIPT_FUZZ_TARGETS, else the build's tests/bin): that is its
 * working directory and its $PATH, a probed file found anywhere else is
 * "not found", and process(PID) never finds a process.  Nothing is ever
 * loaded into the kernel or run.
 *
 * Built with -fsanitize=fuzzer this is the fuzzer (./configure
 * --enable-fuzzing); built with replay.c it runs inputs once each, which
 * is how `make check` replays tests/fuzz/regressions/. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse/arena.h"
#include "compile.h"
#include "parse/diag.h"
#include "binary/elfsym.h"

#ifndef FUZZ_TARGETS_DIR
#define FUZZ_TARGETS_DIR "tests/bin"
#endif

static char targets[PATH_MAX];
static size_t targets_len;
static FILE *devnull;

/* The linker's --wrap makes every call of these from uscript's own code
 * come here; __real_ is the original. */
int __real_elf_find_path(const char *name, char *out, size_t outsz,
			 enum elf_found *how, struct elf_error *err);
int __wrap_elf_find_path(const char *name, char *out, size_t outsz,
			 enum elf_found *how, struct elf_error *err);
char *__real_realpath(const char *path, char *resolved);
char *__wrap_realpath(const char *path, char *resolved);

int __wrap_elf_find_path(const char *name, char *out, size_t outsz,
			 enum elf_found *how, struct elf_error *err)
{
	int rc = __real_elf_find_path(name, out, outsz, how, err);
	if (rc == 0 && (!targets_len || strncmp(out, targets, targets_len) != 0 ||
			out[targets_len] != '/')) {
		snprintf(err->msg, sizeof(err->msg), "not found (outside the fuzz targets)");
		return -ENOENT;
	}
	return rc;
}

/* process(PID) looks for the process through /proc/PID/exe. */
char *__wrap_realpath(const char *path, char *resolved)
{
	if (strncmp(path, "/proc/", 6) == 0) {
		errno = ENOENT;
		return NULL;
	}
	return __real_realpath(path, resolved);
}

static void setup(void)
{
	const char *dir = getenv("USCRIPT_FUZZ_TARGETS");
	if (!dir || !*dir)
		dir = FUZZ_TARGETS_DIR;
	if (realpath(dir, targets) && chdir(targets) == 0) {
		targets_len = strlen(targets);
		setenv("PATH", targets, 1);
	} else {
		fprintf(stderr, "fuzz_compile: no targets in %s: probe points on files "
			"will not resolve\n", dir);
		targets[0] = '\0';
		setenv("PATH", "/nonexistent", 1);
	}
	unsetenv("LD_LIBRARY_PATH");
	unsetenv("SYSTEMTAP_DEBUGINFO_PATH");
	unsetenv("DEBUGINFOD_URLS");  /* no network while fuzzing */
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
	/* Diagnostics are part of what is tested, but printing them would
	 * only slow the fuzzer down; USCRIPT_FUZZ_VERBOSE shows them. */
	if (!getenv("USCRIPT_FUZZ_VERBOSE"))
		diag_set_output(devnull);
}

/* "# -c NAME" on the first line: NAME, in a new string. */
static char *target_of(const char *text)
{
	if (strncmp(text, "# -c ", 5) != 0)
		return NULL;
	size_t n = strcspn(text + 5, " \t\n");
	return n ? strndup(text + 5, n) : NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		setup();
		ready = 1;
	}
	/* uscript refuses scripts with NUL bytes before it parses them. */
	if (memchr(data, '\0', size))
		return -1;
	char *text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	struct src_file src = { .name = "<fuzz>", .text = text, .len = size };

	static char arg1[] = "7", arg2[] = "seven";
	char *args[] = { arg1, arg2, NULL };
	char *exe = target_of(text);
	/* -p1 and -p2 print what the passes made, -L the points with their
	 * target variables; -p4 goes on to the object. */
	static const enum pass passes[] = { PASS_PARSE, PASS_RESOLVE, PASS_RESOLVE, PASS_OBJECT };
	for (size_t i = 0; i < sizeof(passes) / sizeof(passes[0]); i++) {
		struct compile_opts co;
		compile_opts_default(&co);
		co.last_pass = passes[i];
		co.list_points = co.list_vars = i == 2;
		co.dump = devnull;
		co.args = args;
		co.nargs = 2;
		co.target_exe = exe;
		diag_reset();
		struct arena *a = arena_new();
		struct program *p = NULL;
		int rc = compile(a, &src, &co, &p);
		if (rc == 0 && co.last_pass == PASS_OBJECT && (!p || !p->bpf_obj_size))
			abort();  /* -p4 succeeded without an object to write */
		program_release(p);
		arena_free(a);
		if (rc < 0)
			break;
	}
	free(exe);
	free(text);
	return 0;
}
