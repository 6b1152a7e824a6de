/* forms.c — probes whose argument strings are written by hand
 * (STAP_PROBE_ASM copies them into the note as they are), for every operand
 * form test_usdt decodes and the ones it must refuse.  Never run: the
 * registers named hold nothing in particular.  noinline: one site each. */
#include <sys/sdt.h>

long table[4];
int counter;
static int calls __attribute__((used));
static int dup_static __attribute__((used));   /* forms2.c has one of the same name */
__thread int tls_var;

int forms2(void);

__attribute__((noinline)) void forms(void)
{
	__asm__ __volatile__(STAP_PROBE_ASM(forms, regs,
		1@%ah -2@%r9w 4@%r15d -8@%rsp 8@%rip 1@%r8b 2@%bp -1@%sil 1@%r10l -4@%eax 8@%r12));
	__asm__ __volatile__(STAP_PROBE_ASM(forms, consts,
		1@$200 -1@$200 -1@$-1 2@$-1 4@$0x10 -8@$-9223372036854775808
		8@$18446744073709551615 4@$010 8@$-1 -4@$+7));
	__asm__ __volatile__(STAP_PROBE_ASM(forms, mems,
		-4@-20(%rbp) 8@(%rax) -8@8+8-4(%rsp) 8@16(%r8,%r9,4) 2@(%rax,%rbx)
		4@(,%rcx,2) 8@-0x10(%r12) 8@(%rax, %rbx, 8) 8@4096 4f@-8(%rbp)));
	__asm__ __volatile__(STAP_PROBE_ASM(forms, syms,
		-4@counter(%rip) 8@table+8(%rip) 8@8+table(%rip) 8@table(,%rax,8)
		4@calls(%rip) 8@$table 8@table -4@dup_static(%rip) 8@table-8(%rip)));
	__asm__ __volatile__(STAP_PROBE_ASM(forms, bad,
		4@%xmm0 8@%fs:tls_var@tpoff 4@tls_var(%rip) 8@foo@GOTPCREL(%rip) 3@%eax
		16f@-32(%rbp) 4@%foo 4@(%eax) 4@(%rax,%rsp) 4@8(%rip) 4@nosuch(%rip)
		4@(%rax,%rbx,3) 4@(%rip,%rax) x@%eax 8@%eax+4 8@$1+$2 4@));
	__asm__ __volatile__(STAP_PROBE_ASM(forms, bare, %rdi 8(%rsp) $42));
	__asm__ __volatile__(STAP_PROBE_ASM(forms, spaced, 8@(%rax, %rbx, 8) -4@ 8 ( %rbp )));
	STAP_PROBE(forms, none);
	(void)calls;
	(void)dup_static;
	(void)tls_var;
}

int main(void)
{
	forms();
	return forms2();
}
