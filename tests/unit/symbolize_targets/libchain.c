/* libchain.c — the shared library chain.c calls through: lib_entry calls
 * the static lib_middle, which calls back into the program.  gap_fn is
 * followed by 64 bytes no symbol covers, to show that SystemTap gives an
 * address to the symbol below it however far it is. */
void lib_entry(void (*cb)(void));

static void __attribute__((noinline)) lib_middle(void (*cb)(void))
{
	cb();
}

void lib_entry(void (*cb)(void))
{
	lib_middle(cb);
}

void lib_functions(void **entry, void **middle)
{
	*entry = (void *)lib_entry;
	*middle = (void *)lib_middle;
}

__asm__(".text\n"
	".globl gap_fn\n"
	".type gap_fn, @function\n"
	"gap_fn:\n"
	"\tret\n"
	".size gap_fn, 1\n"
	"\t.skip 64, 0xcc\n"
	".globl after_gap\n"
	".type after_gap, @function\n"
	"after_gap:\n"
	"\tret\n"
	".size after_gap, 1\n");

void lib_last(void)
{
}
