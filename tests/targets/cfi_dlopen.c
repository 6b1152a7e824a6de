/* cfi_dlopen: calls early, waits 50 ms, then opens libcfi.so with
 * dlopen(3) and calls its cfi_each(visit, 1), which calls back visit: a
 * stack through a library loaded after the process started, all of it
 * built with -O2 and without frame pointers.  Waits 100 ms before it
 * exits; prints nothing. */
/* cflags: -O2 -fomit-frame-pointer */
/* link: -ldl -Wl,-rpath,$ORIGIN */
#include <dlfcn.h>
#include <time.h>

volatile int sink;

__attribute__((noipa)) int early(int x)
{
	sink = x;
	return x;
}

__attribute__((noipa)) int visit(int x)
{
	sink = x;
	return x + 1;
}

int main(void)
{
	struct timespec ms50 = { 0, 50 * 1000 * 1000 };
	early(1);
	nanosleep(&ms50, NULL);
	void *lib = dlopen("libcfi.so", RTLD_NOW);
	if (!lib)
		return 1;
	int (*each)(int (*)(int), int) = (int (*)(int (*)(int), int))dlsym(lib, "cfi_each");
	int r = each ? each(visit, 1) : -1;
	nanosleep(&ms50, NULL);
	nanosleep(&ms50, NULL);
	return r < 0;
}
