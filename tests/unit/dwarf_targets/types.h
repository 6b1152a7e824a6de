/* types.h — the types of types.c, shared with test_dwarfinfo, which
 * checks what the DWARF says against offsetof(), sizeof() and the bits a
 * bit-field really occupies, as its own compiler lays them out. */
#ifndef DWARF_TARGETS_TYPES_H
#define DWARF_TARGETS_TYPES_H

#include <stdbool.h>

typedef int myint;
typedef myint myint2;
typedef const myint2 cmyint;

enum color { RED, GREEN = 5, BLUE = -1 };
enum ucolor { U_ZERO, U_BIG = 0x80000000u };
enum __attribute__((packed)) tiny { T_ZERO, T_BIG = 200 };
enum wide_enum { W_ZERO, W_HUGE = 0x100000000 };

struct inner {
	int x;
	char name[8];
};

struct bits {
	signed char a:4, b:4;
	unsigned char c:4, d:4;
	signed int e:4, f:4;
	unsigned int g:4, h:4;
	int big:20;
	unsigned long wide:40;
	bool flag:1;
	enum color col:4;
};

struct fwd;     /* never defined: an incomplete type */

struct outer {
	int id;
	struct inner in;
	struct inner *pin;
	union {
		int ai;
		float af;
	};
	struct {
		short s1;
		short s2;
	};
	int arr[3];
	int grid[2][3];
	char *str;
	const char *cstr;
	void *vp;
	int (*cb)(int, char *);
	enum color col;
	bool flag;
	double d;
	long double ld;
	struct outer *next;
	struct fwd *opaque;
	volatile unsigned char vuc;
	_Atomic int atom;
	struct inner inners[2];
	__int128 i128;
	float f;
	char flex[];
};

typedef struct outer outer_t;
typedef outer_t *outer_p;
typedef const outer_t *couter_p;

struct pair { int a, b; };                 /* 8 bytes: one integer register */
struct dpair { double x, y; };             /* two SSE registers */
struct mixed { long l; double d; };        /* one of each */
struct big { long a, b, c; };              /* 24 bytes: in memory */
struct two_longs { long a, b; };           /* 16 bytes: two integer registers */
union number { int i; long l; };           /* one integer register */
struct empty { };                          /* GCC: 0 bytes, not passed at all */
struct __attribute__((packed)) packed { char c; int i; };  /* 5 bytes, unaligned int: memory */

struct chars {
	char c;
	signed char sc;
	unsigned char uc;
	char s[6];
	const char *p;
	char *null_p;
};

/* More members than SystemTap prints (32). */
struct many {
	int m00, m01, m02, m03, m04, m05, m06, m07, m08, m09;
	int m10, m11, m12, m13, m14, m15, m16, m17, m18, m19;
	int m20, m21, m22, m23, m24, m25, m26, m27, m28, m29;
	int m30, m31, m32, m33, m34;
};

struct node {
	int value;
	struct node *next;
};

#endif
