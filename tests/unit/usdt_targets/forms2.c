/* forms2.c — a second file with a static of the same name as forms.c's:
 * an operand naming it cannot say which one it means. */
#include <sys/sdt.h>

static int dup_static __attribute__((used));

int forms2(void)
{
	__asm__ __volatile__(STAP_PROBE_ASM(forms2, dup, -4@dup_static(%rip)));
	return dup_static;
}
