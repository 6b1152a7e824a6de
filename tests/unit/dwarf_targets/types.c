/* types.c — the C program test_dwarfinfo reads and runs: parameters of
 * every integer width, pointers, typedef chains, structs with nested and
 * anonymous members, bit-fields, arrays, enums of 1, 4 and 8 bytes,
 * arguments that shift the integer registers (doubles, structs by value,
 * a returned struct, more than six), a static local, and a static
 * function that is inlined.  Built -O0 and -O2, PIE and not, by build.sh.
 *
 * main() calls each API function once with the values the test expects
 * to read at its first instruction (and from the return value), so a
 * traced run checks the ABI answers and the $$parms strings.  API
 * functions keep the calling convention at -O2 (no inlining, no clones).
 * The types are in types.h. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__clang__)
#define API __attribute__((noinline, used))
#else
#define API __attribute__((noipa, used))
#endif

#include "types.h"

API int f_ints(char c, signed char sc, unsigned char uc, short s, unsigned short us,
	       int i, unsigned u, long l, unsigned long ul, long long ll)
{
	return c + sc + uc + s + us + i + (int)u + (int)l + (int)ul + (int)ll;
}

API int f_widths(bool b, int8_t i8, uint16_t u16, int32_t i32, uint64_t u64, unsigned long long ull)
{
	return b + i8 + u16 + i32 + (int)u64 + (int)ull;
}

API int f_ptrs(const char *s, char *const t, void *v, int **pp, struct outer *o,
	       const struct outer *co, int (*cb)(int, char *), myint2 mi, cmyint cmi)
{
	return (s != t) + (v != NULL) + (pp != NULL) + (o == co) + (cb != NULL) + mi + cmi;
}

API double f_mixed(double d, int a, float f, long double ld, int b, struct pair p,
		   struct dpair dp, struct mixed m, struct big bg, int c)
{
	return d + a + f + (double)ld + b + p.a + dp.x + (double)m.l + (double)bg.a + c;
}

API int f_structs(struct two_longs tl, union number n, struct empty e, struct packed pk,
		  struct big bg, int after)
{
	(void)e;
	return (int)tl.a + n.i + pk.i + (int)bg.c + after;
}

/* Five integers leave one register: a two-register struct goes on the
 * stack, and the int after it still takes the last register. */
API int f_regs_left(int a1, int a2, int a3, int a4, int a5, struct two_longs tl, int a6,
		    struct pair p)
{
	return a1 + a2 + a3 + a4 + a5 + (int)tl.b + a6 + p.b;
}

API struct big f_ret_big(int a, int b)
{
	struct big r = { a, b, a + b };
	return r;
}

API struct pair f_ret_pair(int a)
{
	struct pair r = { a, -a };
	return r;
}

API char f_ret_char(int a)
{
	return (char)a;
}

API enum color f_ret_enum(int a)
{
	return a ? BLUE : RED;
}

API const char *f_ret_str(int a)
{
	return a ? "ret" : NULL;
}

API double f_ret_double(int a)
{
	return a / 2.0;
}

API __int128 f_i128(int a, __int128 b, int c)
{
	return a + b + c;
}

API bool f_enums(bool b, enum color c, enum ucolor uc, enum tiny t, enum wide_enum w)
{
	return b && c == RED && uc == U_ZERO && t == T_ZERO && w == W_ZERO;
}

API int f_variadic(const char *fmt, ...)
{
	return fmt[0];
}

API int f_many(int a1, int a2, int a3, int a4, int a5, int a6, int a7, long a8, char a9)
{
	return a1 + a2 + a3 + a4 + a5 + a6 + a7 + (int)a8 + a9;
}

API int f_unnamed(int, int b)
{
	return b;
}

API int f_arrays(int a[], int m[][4], struct bits *bp, struct bits bv)
{
	return a[0] + m[0][0] + bp->a + bv.a;
}

API int f_atomic(_Atomic int ai, _Complex double z, uint8_t *bytes, int16_t w)
{
	return ai + (int)__real__ z + bytes[0] + w;
}

API int f_float(float f, double d, int after)
{
	return (int)(f + d) + after;
}

API int f_access(struct outer *o, struct outer **oo, outer_p op, couter_p cop, struct node *list,
		 int *ip, int **ipp, void *vp, myint mi)
{
	return o->id + (*oo)->id + op->id + cop->id + list->value + *ip + **ipp + (vp != NULL) + mi;
}

API int f_pretty(struct outer *o, struct inner *in, struct chars *ch, struct bits *bp,
		 struct many *mp, struct big bg, int *ip, char **argv, void *vp)
{
	return o->id + in->x + ch->c + bp->a + mp->m00 + (int)bg.a + *ip + (argv != NULL) +
	       (vp != NULL);
}

API int f_chars(char c, unsigned char uc, signed char sc, const char *s, char *null_s,
		const char *bad_s)
{
	return c + uc + sc + s[0] + (null_s != NULL) + (bad_s != NULL);
}

API int f_locals(int n)
{
	int total = 0;
	char buf[16];
	struct pair pr = { n, n };
	static int calls;
	calls++;
	buf[0] = (char)n;
	for (int i = 0; i < n; i++) {
		int sq = i * i;
		total += sq;
	}
	return total + buf[0] + pr.a + calls;
}

static inline __attribute__((always_inline)) int sq_inline(int x)
{
	return x * x;
}

static int helper(int x)
{
	return sq_inline(x) + 1;
}

API int use_helper(int y)
{
	return helper(y) + sq_inline(y + 1);
}

int (*helper_ptr)(int) = helper;   /* keeps an out-of-line copy of helper */

/* At -O2 GCC makes scaled.constprop.0 (or .isra.0): factor is gone. */
static __attribute__((noinline)) int scaled(int v, int factor)
{
	return v * factor + 1;
}

API int use_scaled(int v)
{
	return scaled(v, 3) + scaled(v + 1, 3);
}

API int f_knr(a, b)
	int a;
	char *b;
{
	return a + (b != 0);
}

API void f_void(void)
{
}

struct outer global_outer;
struct inner g_inner = { 7, "inner" };
struct node g_list2 = { 30, NULL };
struct node g_list1 = { 20, &g_list2 };
struct many g_many;

int main(int argc, char **argv)
{
	(void)argc;
	struct outer o, o2;
	memset(&o, 0, sizeof(o));
	memset(&o2, 0, sizeof(o2));
	o.id = 42;
	o.in.x = -7;
	memcpy(o.in.name, "abc", 4);
	o.pin = &g_inner;
	o.ai = 0x11;
	o.s1 = -2;
	o.s2 = 3;
	o.arr[0] = 10;
	o.arr[1] = 11;
	o.arr[2] = 12;
	for (int i = 0; i < 6; i++)
		o.grid[i / 3][i % 3] = 100 + i;
	o.str = (char *)"str";
	o.cstr = "cstr";
	o.col = BLUE;
	o.flag = true;
	o.next = &o2;
	o.vuc = 0xfe;
	o.inners[1].x = 99;
	o.f = 1.5f;
	o.d = -2.0;
	o2.id = 43;
	struct outer *po = &o;
	int x[10] = { 1, 2, 3 }, *px = x;
	struct pair p = { 1, 2 };
	struct dpair dp = { 1, 2 };
	struct mixed m = { 1, 2 };
	struct big bg = { 1, 2, 3 };
	struct two_longs tl = { 4, 5 };
	union number n = { .l = 6 };
	struct empty e;
	struct packed pk = { 'k', 7 };
	struct bits b;
	memset(&b, 0, sizeof(b));
	b.a = -1;
	b.b = 7;
	b.c = 15;
	b.d = 1;
	b.e = -8;
	b.f = 5;
	b.g = 8;
	b.h = 13;
	b.big = -300000;
	b.wide = 0x123456789aUL;
	b.flag = true;
	b.col = GREEN;
	struct chars ch = { 'A', '\b', 236, "hi\n\"", "q'\\", NULL };
	struct many mn;
	for (int i = 0; i < 35; i++)
		((int *)&mn)[i] = i;
	int grid[1][4] = { { 0 } };
	uint8_t bytes[1] = { 0 };
	long r = f_ints('a', -1, 200, -2, 2, 3, 4, -5, 6, 7);
	r += f_widths(true, -8, 65535, -32, 1ull << 40, ~0ull);
	r += f_ptrs("s", argv[0], NULL, &px, &o, &o, NULL, 1, -2);
	r += (long)f_mixed(1.0, 2, 3.0f, 4.0L, 5, p, dp, m, bg, 6);
	r += f_structs(tl, n, e, pk, bg, 8);
	r += f_regs_left(1, 2, 3, 4, 5, tl, 6, p);
	r += f_ret_big(1, 2).c + f_ret_pair(3).b;
	r += f_ret_char(-1) + f_ret_enum(1) + (f_ret_str(1) != NULL) + (long)f_ret_double(3);
	r += (long)f_i128(1, 2, 3);
	r += f_enums(true, GREEN, U_BIG, T_BIG, W_HUGE);
	r += f_variadic("x", 1, 2);
	r += f_many(1, 2, 3, 4, 5, 6, -7, 8, 9);
	r += f_unnamed(1, 2);
	r += f_arrays(x, grid, &b, b);
	r += f_atomic(1, 2.0, bytes, -3);
	r += f_float(1.5f, 2.5, 9);
	r += f_access(&o, &po, &o, &o, &g_list1, px, &px, NULL, 5);
	r += f_pretty(&o, &g_inner, &ch, &b, &mn, bg, px, argv, &o);
	r += f_chars('A', 236, '\b', "a\tb", NULL, (const char *)16);
	r += f_locals(3);
	r += use_helper(2) + helper_ptr(2) + use_scaled(4);
	r += f_knr(1, "x");
	f_void();
	global_outer.id = (int)r;
	g_many.m00 = (int)r;
	return r == 0;
}
