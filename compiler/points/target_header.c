/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target_header.c — the types of a header, for @cast(p, "struct stat",
 * "<sys/stat.h>"): as SystemTap does, a small translation unit that
 * includes the header is compiled with debug information by the system's
 * C compiler, and its DWARF read.  -fno-eliminate-unused-debug-types
 * makes the compiler describe every type the headers declare, so the unit
 * need not name the type (which "sockaddr", written without its "struct"
 * as SystemTap's scripts do, could not), and one object serves every
 * type of its headers.
 *
 * The unit is linked as a shared object (cc -g -shared): the DWARF of a
 * relocatable object still needs its relocations applied, which libdw
 * leaves to its callers.  Objects are kept in a cache, $XDG_CACHE_HOME/
 * uscript or ~/.cache/uscript, named by a hash of the unit's text and the
 * compiler's name, so a script run again compiles nothing.  A new object
 * is written under a temporary name and renamed, so that two uscripts
 * never read each other's half-written file. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "parse/arena.h"
#include "target_impl.h"

extern char **environ;

static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* mkdir -p of the cache directory; its path, or NULL. */
static const char *cache_dir(struct arena *a)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	const char *base = xdg && *xdg == '/' ? xdg :
			   home && *home ? arena_printf(a, "%s/.cache", home) : NULL;
	if (!base)
		return NULL;
	const char *dir = arena_printf(a, "%s/uscript", base);
	char *p = arena_strdup(a, dir);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			return NULL;
		*s = '/';
	}
	if (mkdir(p, 0755) != 0 && errno != EEXIST)
		return NULL;
	return dir;
}

/* Runs argv with stderr to the file `log`: 0 when it exits with 0. */
static int run(char *const argv[], const char *log)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 2, log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return -rc;
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -errno;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* The compiler's first error line in `log`, for the message. */
static const char *first_error(struct arena *a, const char *log)
{
	FILE *f = fopen(log, "r");
	char line[512], *found = NULL;
	while (f && fgets(line, sizeof(line), f)) {
		/* "FILE:1:10: fatal error: x.h: No such file or directory",
		 * from "error" on: the file is a temporary one */
		char *e = strstr(line, "fatal error");
		if (!e)
			e = strstr(line, "error");
		if (e) {
			e[strcspn(e, "\n")] = '\0';
			found = arena_strdup(a, e);
			break;
		}
	}
	if (f)
		fclose(f);
	return found ? found : "it failed";
}

const char *header_types(struct arena *a, const char *module, const char **why)
{
	/* What goes into the unit is headers' names, nothing that could end
	 * a line */
	if (strpbrk(module, "\n\r\"\\;{}")) {
		*why = "a header's name cannot hold a newline, a quote, a backslash, ';', "
		       "'{' or '}'";
		return NULL;
	}
	/* "<a.h><b/c.h>": each header in turn */
	const char *src = "";
	for (const char *s = module; *s;) {
		const char *end = s[0] == '<' ? strchr(s, '>') : NULL;
		if (!end || end == s + 1) {
			*why = "a header is written \"<header.h>\", several \"<a.h><b.h>\"";
			return NULL;
		}
		src = arena_printf(a, "%s#include %.*s\n", src, (int)(end - s + 1), s);
		s = end + 1;
	}
	const char *cc = getenv("CC");
	if (!cc || !*cc)
		cc = "cc";
	uint64_t h = fnv(fnv(1469598103934665603ull, cc), src);
	const char *dir = cache_dir(a);
	if (!dir) {
		*why = "no cache directory: set XDG_CACHE_HOME or HOME";
		return NULL;
	}
	const char *so = arena_printf(a, "%s/types-%016" PRIx64 ".so", dir, h);
	if (access(so, R_OK) == 0)
		return so;
	const char *c = arena_printf(a, "%s/types-%016" PRIx64 ".%d.c", dir, h, (int)getpid());
	const char *tmp = arena_printf(a, "%s.so", c);
	const char *log = arena_printf(a, "%s.log", c);
	FILE *f = fopen(c, "w");
	if (!f || fputs(src, f) < 0 || fclose(f) != 0) {
		*why = arena_printf(a, "cannot write %s: %s", c, strerror(errno));
		return NULL;
	}
	char *argv[] = { (char *)cc, "-g", "-fPIC", "-shared", "-nostdlib",
			 "-fno-eliminate-unused-debug-types", "-o", (char *)tmp, (char *)c, NULL };
	int rc = run(argv, log);
	if (rc == 0 && rename(tmp, so) != 0)
		rc = -errno;
	if (rc != 0)
		*why = rc == -1 ? arena_printf(a, "%s could not compile it: %s", cc,
					       first_error(a, log)) :
				  arena_printf(a, "cannot run %s: %s", cc, strerror(-rc));
	unlink(c);
	unlink(log);
	unlink(tmp);
	return rc == 0 ? so : NULL;
}
