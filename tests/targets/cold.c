/* cold.c — a function and a "work.cold" symbol as GCC makes for the
 * unlikely part of a function moved away from it (here written by hand, so
 * that it exists whatever the compiler decides). */
int work(int x)
{
	return x + 1;
}

__asm__(".text\n"
	".type work.cold, @function\n"
	"work.cold:\n"
	"\tret\n"
	".size work.cold, .-work.cold\n");

int main(void)
{
	return work(1) != 2;
}
