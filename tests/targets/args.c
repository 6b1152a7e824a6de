/* args: functions whose arguments and return values cover the widths and
 * signs int_arg() and friends must tell apart.  Prints nothing. */
#include <stdint.h>

long six(int a, unsigned int b, long c, unsigned long d, const char *e, int f)
{
	return a + (long)b + c + (long)d + (e ? 1 : 0) + f;
}

int negative(int x)
{
	return -x;
}

unsigned int big_unsigned(void)
{
	return 4000000000u;
}

long through(const long *p)
{
	return *p;
}

int main(void)
{
	static const char text[] = "text";
	volatile char first = text[0];	/* pages the string in: a probe reads it */
	(void)first;
	six(-5, 4000000000u, -1234567890123L, 18446744073709551615ul, text, 6);
	long stored = (long)0xf1f2f3f4f5f6f7f8ul;	/* negative at every width */
	through(&stored);
	negative(42);
	big_unsigned();
	return 0;
}
