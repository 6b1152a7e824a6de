/* app.c — a program with USDT probes for test_usdt.  After each probe fires
 * it prints the line a tracer must decode from the probe's arguments
 * ("app:work -4 5 200 …": signed values sign-extended, unsigned ones
 * zero-extended, floating-point values as their bits), so the test can run
 * it under its own tracer and compare.  Built -O0 and -O2, PIE and not:
 * the argument strings differ, the lines must not. */
#define SDT_USE_VARIADIC 1
#include <sys/sdt.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define S(v) ((long long)(v))
#define U(v) ((unsigned long long)(v))

struct pt {
	long x, y;
	int arr[8];
};

int g_counter = 7;      /* -O2: -4@g_counter(%rip) */
static long s_total;
long g_arr[16];         /* -O2, non-PIE: g_arr(,%r9,8) */

void guarded(long v);   /* app_sema.c: a probe with a semaphore */

static uint32_t fbits(float f)
{
	uint32_t u;
	memcpy(&u, &f, sizeof(u));
	return u;
}

static uint64_t dbits(double d)
{
	uint64_t u;
	memcpy(&u, &d, sizeof(u));
	return u;
}

/* Inlined twice: two notes, one name. */
static inline __attribute__((always_inline)) void site(int k)
{
	STAP_PROBE1(app, site, k);
	printf("app:site %lld\n", S(k));
}

__attribute__((noinline)) long work(int a, long b, unsigned char c, short d,
				    struct pt *p, int i, float f, double dd)
{
	static int calls;   /* -O2: -4@calls.0(%rip) */
	calls++;
	s_total += b;
	g_counter += a;
	DTRACE_PROBE8(app, work, a, b, c, d, p->x, p->arr[i], g_counter, s_total);
	printf("app:work %lld %lld %llu %lld %lld %lld %lld %lld\n", S(a), S(b), U(c),
	       S(d), S(p->x), S(p->arr[i]), S(g_counter), S(s_total));
	STAP_PROBE4(app, more, calls, g_arr[i], f, dd);
	printf("app:more %lld %lld %llu %llu\n", S(calls), S(g_arr[i]), U(fbits(f)),
	       U(dbits(dd)));
	STAP_PROBE7(app, consts, 5, -9, 4294967295u, (unsigned char)200,
		    (signed char)-3, (short)-2, 0x7fffffffffffffffLL);
	printf("app:consts 5 -9 4294967295 200 -3 -2 9223372036854775807\n");
	STAP_PROBE2(app, ptrs, p, &g_arr[3]);
	printf("app:ptrs %llu %llu\n", U((uintptr_t)p), U((uintptr_t)&g_arr[3]));
	STAP_PROBE(app, noargs);
	printf("app:noargs\n");
	STAP_PROBE12(app, twelve, a, b, c, d, i, a + 1, b * 2, (long)c << 3, -a, -b,
		     i * 7, (unsigned short)(d * 3));
	printf("app:twelve %lld %lld %llu %lld %lld %lld %lld %lld %lld %lld %lld %llu\n",
	       S(a), S(b), U(c), S(d), S(i), S(a + 1), S(b * 2), S((long)c << 3), S(-a),
	       S(-b), S(i * 7), U((unsigned short)(d * 3)));
	STAP_PROBEV(app, variadic, a, (unsigned)b, (unsigned long)p);
	printf("app:variadic %lld %llu %llu\n", S(a), U((unsigned)b), U((unsigned long)p));
	/* The probe inside an asm statement of the program's own. */
	__asm__ __volatile__(STAP_PROBE_ASM(app, asmtpl, STAP_PROBE_ASM_TEMPLATE(2))
			     :: STAP_PROBE_ASM_OPERANDS(2, a, p->y));
	printf("app:asmtpl %lld %lld\n", S(a), S(p->y));
	return a + b + c + d + p->y;
}

int main(int argc, char **argv)
{
	(void)argv;
	long sum = 0;
	for (int i = 0; i < 3; i++) {
		struct pt p = { -i * 7, 100 - i, { 0 } };
		for (int j = 0; j < 8; j++)
			p.arr[j] = j * 11 - 5;
		g_arr[i] = i * 1000 - 1;
		sum += work(i * 3 - 4 + (argc - 1), -(long)i * 100000000000L + 5,
			    (unsigned char)(200 + i), (short)(-3 * i - 1), &p, i,
			    1.5f * (float)i - 2, -2.5 * i);
		site(i);
		site(-i - 10);
		STAP_PROBE1(other, site, -i);
		printf("other:site %lld\n", S(-i));
		guarded(sum);
	}
	return sum == 0;
}
