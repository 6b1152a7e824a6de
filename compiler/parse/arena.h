/* SPDX-License-Identifier: GPL-2.0-or-later */
/* arena.h — bump allocation for everything one compilation builds.
 *
 * The syntax tree, the resolved symbols and the compiled tables live as long
 * as the compilation does, so they come from one arena and go with it in one
 * call; nothing in the compiler frees a node by itself.  Allocation failure
 * aborts: a compiler that cannot get a few kilobytes cannot report anything
 * useful either. */
#ifndef USCRIPT_ARENA_H
#define USCRIPT_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);

/* Zeroed memory, aligned for any object. */
void *arena_alloc(struct arena *a, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Aborts with a message on allocation failure; for the rare heap user. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);

#endif
