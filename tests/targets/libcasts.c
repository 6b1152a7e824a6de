/* SPDX-License-Identifier: GPL-2.0-or-later */
/* libcasts.c — a shared library with a global, a static and a struct
 * type of its own, for @cast and @var in a library (casts.c calls it).
 * Built as $T/libcasts.so. */
struct libnode {
	long key;
	struct libnode *next;
	char tag[8];
};

struct libnode lib_head = { 11, 0, "head" };
static int lib_calls;

int lib_touch(struct libnode *n)
{
	lib_calls++;
	return (int)n->key + lib_calls;
}
