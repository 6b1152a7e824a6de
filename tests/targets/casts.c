/* SPDX-License-Identifier: GPL-2.0-or-later */
/* casts.c — globals, statics and structs for @cast, @var, '&' and $name of
 * a global: take() gets its struct as a plain long, so that only @cast can
 * read it; touch() passes the library's own struct to libcasts.so.
 *
 *   casts N   calls take() and touch() N times */
/* link: -L$T -lcasts -Wl,-rpath,$ORIGIN */
#include <stdlib.h>

struct point {
	int x, y;
};

typedef struct rec {
	long id;
	struct point at[3];
	struct rec *next;
	char name[8];   /* in the struct: a literal's page may not be mapped yet */
	unsigned flag : 3;
} rec_t;

union word {
	long l;
	unsigned char b[8];
};

struct libnode;
int lib_touch(struct libnode *n);
extern struct libnode lib_head;

rec_t second = { 2, { { 5, 6 } }, 0, "second", 1 };
rec_t first = { 1, { { 1, 2 }, { 3, 4 }, { 7, 8 } }, &second, "first", 5 };
long counter = 100;
static int hidden = -7;
union word word = { .l = 0x0807060504030201 };
int table[4] = { 10, 20, 30, 40 };

long __attribute__((noinline)) take(long p, int table)
{
	counter++;
	hidden--;
	return p + table;
}

int __attribute__((noinline)) touch(void)
{
	return lib_touch(&lib_head);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	for (int i = 0; i < n; i++) {
		take((long)&first, 3);
		touch();
	}
	return 0;
}
