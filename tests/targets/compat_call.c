/* compat_call: makes a system call of 32-bit code from a 64-bit program:
 * ia32's getpid (20), through int $0x80, where x86-64's 20 is writev.  It
 * prints whether the call returned its pid. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	long ret;
	__asm__ volatile ("int $0x80" : "=a"(ret) : "a"(20L) : "memory");
	printf("ia32 getpid: %s\n", ret == getpid() ? "ok" : "failed");
	return 0;
}
