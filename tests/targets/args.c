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

int main(void)
{
	static const char text[] = "text";
	six(-5, 4000000000u, -1234567890123L, 18446744073709551615ul, text, 6);
	negative(42);
	big_unsigned();
	return 0;
}
