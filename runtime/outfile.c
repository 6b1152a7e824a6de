/* SPDX-License-Identifier: GPL-2.0-or-later */
/* outfile.c — the -o file, as staprun makes it: its name may hold
 * strftime() conversions ("trace-%Y%m%d-%H%M%S.log", in local time at the
 * start), and with -S SIZE[,N] the output goes to NAME.0, NAME.1, ... a
 * new file once the current one holds more than SIZE megabytes, and with N
 * only the last N files are kept: the oldest is removed as the next one is
 * made.
 *
 * switch_file() (SIGUSR2, as staprun takes it) moves on to the next file
 * at the next write: NAME.1, NAME.2, ... after a first file NAME when -S
 * was not given.
 *
 * Rotation sits under stdio (fopencookie), so every writer of the output
 * (the records, the host handlers, the globals at the end) rotates alike.
 * The stream is line-buffered, so the write that crosses the size ends a
 * line: a file ends with whole lines unless the script prints a line
 * without its newline and then flushes. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "runtime.h"

struct rotation {
	char *base;          /* the name, its conversions done */
	uint64_t max;        /* bytes a file may hold before the next one */
	int keep;            /* files kept; 0: all */
	int fd;
	int num;             /* the current file's number */
	uint64_t written;
	bool plain;          /* no -S: the first file is the name itself */
	bool next;           /* switch_file(): the next write starts a file */
};

/* The -o file's rotation, for outfile_switch(). */
static struct rotation *current;

static char *numbered(const struct rotation *r, int num)
{
	char *name;
	if (asprintf(&name, "%s.%d", r->base, num) < 0)
		abort();
	return name;
}

static int open_next(struct rotation *r, int num)
{
	char *name = r->plain && num == 0 ? strdup(r->base) : numbered(r, num);
	if (!name)
		abort();
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	int err = errno;
	free(name);
	if (fd < 0) {
		errno = err;
		return -1;
	}
	if (r->fd >= 0)
		close(r->fd);
	r->fd = fd;
	r->num = num;
	r->written = 0;
	if (r->keep && num >= r->keep) {
		char *old = numbered(r, num - r->keep);
		unlink(old);
		free(old);
	}
	return 0;
}

static ssize_t rotation_write(void *cookie, const char *buf, size_t size)
{
	struct rotation *r = cookie;
	if ((r->written > r->max || r->next) && open_next(r, r->num + 1) < 0)
		return -1;
	r->next = false;
	size_t done = 0;
	while (done < size) {
		ssize_t n = write(r->fd, buf + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return done ? (ssize_t)done : -1;
		done += (size_t)n;
	}
	r->written += done;
	return (ssize_t)done;
}

static int rotation_close(void *cookie)
{
	struct rotation *r = cookie;
	int rc = r->fd >= 0 ? close(r->fd) : 0;
	if (current == r)
		current = NULL;
	free(r->base);
	free(r);
	return rc;
}

/* The name with its strftime() conversions done; NULL if it is too long. */
static char *expand(const char *pattern)
{
	if (!strchr(pattern, '%'))
		return strdup(pattern);
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	char buf[PATH_MAX];
	size_t n = strftime(buf, sizeof(buf), pattern, &tm);
	if (n == 0)
		return NULL;
	return strdup(buf);
}

FILE *outfile_open(const char *pattern, uint64_t size_max, int keep, char **name)
{
	*name = expand(pattern);
	if (!*name) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	struct rotation *r = calloc(1, sizeof(*r));
	if (!r)
		abort();
	r->base = strdup(*name);
	r->plain = size_max == 0;
	r->max = size_max ? size_max : UINT64_MAX;
	r->keep = keep;
	r->fd = -1;
	if (!r->base)
		abort();
	if (open_next(r, 0) < 0) {
		int err = errno;
		char *first = numbered(r, 0);
		free(*name);
		*name = first;
		free(r->base);
		free(r);
		errno = err;
		return NULL;
	}
	cookie_io_functions_t io = { .write = rotation_write, .close = rotation_close };
	FILE *f = fopencookie(r, "w", io);
	if (!f) {
		rotation_close(r);
		return NULL;
	}
	if (size_max)
		setvbuf(f, NULL, _IOLBF, 0);
	current = r;
	return f;
}

void outfile_switch(void)
{
	if (current)
		current->next = true;
}
