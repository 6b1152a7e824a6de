/* chain.c — the process test_symbolize reads: a chain of calls through a
 * shared library and back, whose innermost function tells the test where
 * it is and waits.  Built -O0 with frame pointers, so that
 * __builtin_return_address() can walk every frame of the chain.
 *
 * On stdout, for each stop:
 *   pid PID
 *   frame NAME ADDR FUNC   ADDR lies in function NAME, which starts at FUNC
 *                          (NAME "-": somewhere in the C library)
 *   data NAME ADDR FUNC    ADDR lies in the data object NAME at FUNC
 *   anon ADDR              an address in no file (heap)
 *   libc PATH              the C library, as dladdr names it
 *   end
 * then it waits for a line on stdin: the first sends it to the second stop
 * (through a library it loads then, libplugin.so), the second makes it
 * exit.  Every function is followed by another in its file, so that the
 * distance to the next symbol is its own size. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void lib_entry(void (*cb)(void));
void lib_functions(void **entry, void **middle);
int main(void);

int exe_counter = 7;
long exe_table[16] = {1};

static void *frames[8];
static const char *names[8];
static void *funcs[8];
static int nframes;

static void wait_for_test(void)
{
	char line[64];

	fflush(stdout);
	if (!fgets(line, sizeof(line), stdin))
		exit(0);
}

/* What a uprobe on report() would see: its own address, its return
 * address in `caller`, and the return addresses the caller recorded. */
static void __attribute__((noinline)) report(const char *caller, void *fn)
{
	printf("pid %d\n", (int)getpid());
	printf("frame report %p %p\n", (void *)(uintptr_t)report, (void *)(uintptr_t)report);
	printf("frame %s %p %p\n", caller, __builtin_return_address(0), fn);
	for (int i = 0; i < nframes; i++)
		printf("frame %s %p %p\n", names[i], frames[i], funcs[i]);
	printf("data exe_counter %p %p\n", (void *)&exe_counter, (void *)&exe_counter);
	printf("data exe_table %p %p\n", (void *)&exe_table[5], (void *)exe_table);
	void *heap = malloc(16);
	printf("anon %p\n", heap);
	free(heap);
	Dl_info info;
	if (nframes > 0 && names[nframes - 1][0] == '-' &&
	    dladdr(frames[nframes - 1], &info) && info.dli_fname)
		printf("libc %s\n", info.dli_fname);
	printf("end\n");
	wait_for_test();
}

/* The callbacks the libraries call: they record the return addresses of
 * the frames above them. */
static void exe_inner(void)
{
	frames[0] = __builtin_return_address(0);
	frames[1] = __builtin_return_address(1);
	frames[2] = __builtin_return_address(2);
	frames[3] = __builtin_return_address(3);
	frames[4] = __builtin_return_address(4);
	report("exe_inner", (void *)(uintptr_t)exe_inner);
}

static void exe_inner_short(void)
{
	frames[0] = __builtin_return_address(0);
	frames[1] = __builtin_return_address(1);
	frames[2] = __builtin_return_address(2);
	report("exe_inner_short", (void *)(uintptr_t)exe_inner_short);
}

void exe_outer(void)
{
	void *entry, *middle;

	lib_functions(&entry, &middle);
	/* exe_inner's return address is in lib_middle, lib_middle's in
	 * lib_entry, lib_entry's here, exe_outer's in main, main's in libc. */
	names[0] = "lib_middle";  funcs[0] = middle;
	names[1] = "lib_entry";   funcs[1] = entry;
	names[2] = "exe_outer";   funcs[2] = (void *)(uintptr_t)exe_outer;
	names[3] = "main";        funcs[3] = (void *)(uintptr_t)main;
	names[4] = "-";           funcs[4] = NULL;
	nframes = 5;
	lib_entry(exe_inner);
}

static void load_plugin(void)
{
	void *lib = dlopen("libplugin.so", RTLD_NOW);
	if (!lib) {
		fprintf(stderr, "chain: %s\n", dlerror());
		exit(2);
	}
	void (*run)(void (*)(void)) = (void (*)(void (*)(void)))(uintptr_t)dlsym(lib, "plugin_run");
	names[0] = "plugin_run";  funcs[0] = (void *)(uintptr_t)run;
	names[1] = "load_plugin"; funcs[1] = (void *)(uintptr_t)load_plugin;
	names[2] = "main";        funcs[2] = (void *)(uintptr_t)main;
	nframes = 3;
	run(exe_inner_short);
}

int main(void)
{
	exe_outer();
	load_plugin();
	return 0;
}

/* After main, so that main's size is the distance to it. */
void exe_last(void)
{
}
