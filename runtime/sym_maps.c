/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sym_maps.c — a process's /proc/PID/maps for symbolize: its mappings,
 * the runs of one file's contiguous mappings that SystemTap calls a
 * module, and the files of its code; see symbolize.h. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "symbolize_impl.h"

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
int read_maps(struct sym_ctx *c, struct proc *p)
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
	p->maps_gen = c->gen;
	/* The code's files now, while the process is there to find them. */
	for (size_t i = 0; i < n; i++)
		if (maps[i].path && maps[i].exec)
			maps[i].mod = get_module(c, p, &maps[i]);
	return 0;
}
