/* vars.c — functions whose parameters are of every kind of C type, for
 * target variables ($name, $p->field, $$parms, $return), and fact(),
 * which recurses.  Each is called once with known values; `vars N` does
 * that N times. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum color { RED, GREEN = 5, BLUE = -1 };

struct inner {
	int x;
	short y;
};

typedef struct inner inner_t;

struct outer {
	long id;
	char name[8];
	inner_t in;
	struct inner *next;
	int arr[3];
	unsigned flag : 1;
	int small : 4;
	float ratio;
	double big;
};

struct pair {
	long a, b, c;      /* 24 bytes: passed in memory */
};

int __attribute__((noinline)) scalars(int i, unsigned char uc, short s, long l,
				      unsigned int u, char c, bool b, enum color col)
{
	return i + uc + s + (int)l + (int)u + c + b + col;
}

long __attribute__((noinline)) pointers(const char *str, struct outer *o, int *ip, void *vp)
{
	return (long)strlen(str) + o->id + *ip + (vp != NULL);
}

long __attribute__((noinline)) many(long a1, long a2, long a3, long a4, long a5, long a6,
				   long a7, int a8)
{
	return a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8;
}

long __attribute__((noinline)) bypair(struct pair p, int after)
{
	return p.a + p.b + p.c + after;
}

short __attribute__((noinline)) negative(void)
{
	return -7;
}

struct outer *__attribute__((noinline)) make(long id)
{
	static struct outer o;
	o.id = id;
	return &o;
}

long __attribute__((noinline)) fact(long n)
{
	return n <= 1 ? 1 : n * fact(n - 1);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	static struct inner second = { 30, -4 };
	static struct outer o = {
		.id = 42, .name = "outer", .in = { 7, -2 }, .next = &second,
		.arr = { 10, 20, 30 }, .flag = 1, .small = -3, .ratio = 1.5f, .big = 2.25,
	};
	int k = 99;
	char hello[] = "hello";   /* on the stack: a literal's page may not be mapped yet */
	struct pair p = { 1, 2, 3 };
	for (int i = 0; i < n; i++) {
		scalars(-5, 200, -300, -4000000000L, 4000000000U, 'A', true, BLUE);
		pointers(hello, &o, &k, NULL);
		many(1, 2, 3, 4, 5, 6, 7, -8);
		bypair(p, 9);
		negative();
		make(5);
		fact(4);
	}
	return 0;
}
