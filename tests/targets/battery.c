/* battery: the ways a program leaves a function other than by returning
 * once, each a mode (argv[1]), each printing what it saw, so that a run
 * with return probes on everything can be compared with one without.
 *
 *   fork     a child and its parent both return from fork
 *   exec     the program becomes another (itself, in mode leaf)
 *   vfork    vfork, then exec in the child
 *   threads  four threads calling functions
 *   setjmp   longjmp out of three nested calls
 *   context  makecontext and swapcontext between two stacks
 *   recurse  recursion 200 deep, past the kernel's 64 nested returns
 *   sigjmp   a signal handler that siglongjmps out of nested calls
 *   leaf     prints its arguments */
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

static char *self;

static int leaf(int x)
{
	return x + 1;
}

static int twice(int x)
{
	return leaf(x) * 2;
}

static int do_fork(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		printf("child %d\n", twice(1));
		exit(0);
	}
	int status;
	waitpid(pid, &status, 0);
	printf("parent %d, child status %d\n", twice(2), WEXITSTATUS(status));
	return 0;
}

static int do_exec(void)
{
	printf("before exec %d\n", twice(3));
	fflush(stdout);
	execl(self, self, "leaf", "exec'd", (char *)NULL);
	perror("execl");
	return 1;
}

static int do_vfork(void)
{
	fflush(stdout);
	pid_t pid = vfork();
	if (pid == 0) {
		execl(self, self, "leaf", "vfork'd", (char *)NULL);
		_exit(127);
	}
	int status;
	waitpid(pid, &status, 0);
	printf("vfork parent %d, child status %d\n", twice(4), WEXITSTATUS(status));
	return 0;
}

static void *worker(void *arg)
{
	long sum = 0;
	for (int i = 0; i < 100; i++)
		sum += twice((int)(long)arg + i);
	return (void *)sum;
}

static int do_threads(void)
{
	pthread_t t[4];
	long total = 0;
	for (long i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(t[i], &r);
		total += (long)r;
	}
	printf("threads %ld\n", total);
	return 0;
}

static jmp_buf jump;

static void deep(int n)
{
	if (n == 0)
		longjmp(jump, twice(5));
	deep(n - 1);
	printf("not reached\n");
}

static int do_setjmp(void)
{
	int v = setjmp(jump);
	if (v == 0) {
		deep(3);
		return 1;
	}
	printf("longjmp gave %d, then %d\n", v, twice(6));
	return 0;
}

static ucontext_t main_ctx, other_ctx;
static char other_stack[64 * 1024];

static void other(void)
{
	for (int i = 0; i < 3; i++) {
		printf("other %d\n", twice(i));
		swapcontext(&other_ctx, &main_ctx);
	}
}

static int do_context(void)
{
	getcontext(&other_ctx);
	other_ctx.uc_stack.ss_sp = other_stack;
	other_ctx.uc_stack.ss_size = sizeof(other_stack);
	other_ctx.uc_link = &main_ctx;
	makecontext(&other_ctx, other, 0);
	for (int i = 0; i < 3; i++) {
		swapcontext(&main_ctx, &other_ctx);
		printf("main %d\n", twice(10 + i));
	}
	return 0;
}

static long rec(int n)
{
	return n == 0 ? 0 : n + rec(n - 1);
}

static int do_recurse(void)
{
	printf("rec %ld\n", rec(200));
	return 0;
}

static sigjmp_buf sigjump;

static void on_signal(int sig)
{
	siglongjmp(sigjump, sig + leaf(0));
}

static void deep_raise(int n)
{
	if (n == 0)
		raise(SIGUSR1);
	else
		deep_raise(n - 1);
	printf("not reached\n");
}

static int do_sigjmp(void)
{
	signal(SIGUSR1, on_signal);
	for (int i = 0; i < 3; i++) {
		int v = sigsetjmp(sigjump, 1);
		if (v == 0)
			deep_raise(i + 2);
		else
			printf("signal jump %d: %d\n", i, v);
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(void);
	} modes[] = {
		{ "fork", do_fork }, { "exec", do_exec }, { "vfork", do_vfork },
		{ "threads", do_threads }, { "setjmp", do_setjmp }, { "context", do_context },
		{ "recurse", do_recurse }, { "sigjmp", do_sigjmp },
	};
	self = argv[0];
	if (argc > 1 && strcmp(argv[1], "leaf") == 0) {
		printf("leaf: %s %d\n", argc > 2 ? argv[2] : "", twice(argc));
		return 0;
	}
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (argc > 1 && strcmp(argv[1], modes[i].name) == 0)
			return modes[i].run();
	fprintf(stderr, "usage: battery fork|exec|vfork|threads|setjmp|context|recurse|sigjmp|leaf\n");
	return 2;
}
