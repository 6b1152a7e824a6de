/* SPDX-License-Identifier: GPL-2.0-or-later */
/* demo: a small program to trace with the example scripts.
 *
 * It serves `N` requests (argv[1], 20 by default): each one is parsed, waits
 * for its input (about 0.3 ms), is looked up in a cache and, on a miss,
 * computed slowly.  Run it alone or
 * under uscript:
 *
 *   uscript examples/calls.up -c 'examples/demo 20' */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct request {
	int id;
	int key;
	const char *path;
};

static int cache[64];

__attribute__((noinline)) int parse_request(struct request *r, int id)
{
	static const char *const paths[] = { "/index.html", "/api/items", "/img/logo.png" };
	r->id = id;
	r->key = (id * 7) % 23;
	r->path = paths[id % 3];
	return r->key;
}

__attribute__((noinline)) int cache_lookup(int key)
{
	return cache[key % 64];
}

__attribute__((noinline)) long compute(int key)
{
	/* Work that takes a while: a few hundred microseconds. */
	struct timespec t = { 0, 200000 + key * 10000 };
	nanosleep(&t, NULL);
	return (long)key * key + 1;
}

__attribute__((noinline)) void read_input(int id)
{
	struct timespec t = { 0, 300000 + (id % 5) * 20000 };
	nanosleep(&t, NULL);
}

__attribute__((noinline)) long handle_request(int id)
{
	struct request r;
	read_input(id);
	int key = parse_request(&r, id);
	long value = cache_lookup(key);
	if (!value) {
		value = compute(key);
		cache[key % 64] = (int)value;
	}
	return value;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 20;
	long total = 0;
	for (int i = 0; i < n; i++)
		total += handle_request(i);
	printf("demo: served %d requests, total %ld\n", n, total);
	return 0;
}
