/* family: a program that forks, execs, dies of a signal or catches SIGINT,
 * for tests that a traced program behaves as it does untraced.
 *   family fork     work(1); a child does work(2), says "child" and exits 3;
 *                   the parent says how it ended, does work(1) again, exits 0
 *   family exec     work(10), says "exec", execs itself as "family leaf"
 *   family leaf     work(20), says "leaf", exits 4
 *   family spawn    work(30); a child execs "family fork" (so a grandchild
 *                   too); the parent says how it ended, work(30) again
 *   family await F  waits for the file F to exist, then as spawn
 *   family kill N   work(1), says "kill", and sends itself signal N
 *   family catch    calls work(i) every 10 ms until SIGINT, says "caught",
 *                   calls work(i) 20 more times, says "bye", exits 0 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t caught;

int work(int i)
{
	return i;
}

static void on_int(int sig)
{
	caught = sig;
}

static void sleep_10ms(void)
{
	struct timespec ten_ms = { 0, 10 * 1000 * 1000 };
	nanosleep(&ten_ms, NULL);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "fork";

	setvbuf(stdout, NULL, _IONBF, 0);
	if (strcmp(mode, "fork") == 0) {
		work(1);
		pid_t c = fork();
		if (c < 0)
			return 1;
		if (c == 0) {
			work(2);
			printf("child\n");
			return 3;
		}
		int st;
		if (waitpid(c, &st, 0) != c || !WIFEXITED(st))
			return 1;
		printf("parent: child exited %d\n", WEXITSTATUS(st));
		work(1);
		return 0;
	}
	if (strcmp(mode, "exec") == 0) {
		work(10);
		printf("exec\n");
		execl("/proc/self/exe", argv[0], "leaf", (char *)NULL);
		return 127;
	}
	if (strcmp(mode, "await") == 0 && argc > 2) {
		while (access(argv[2], F_OK) != 0)
			sleep_10ms();
		mode = "spawn";
	}
	if (strcmp(mode, "spawn") == 0) {
		work(30);
		pid_t c = fork();
		if (c < 0)
			return 1;
		if (c == 0) {
			execl("/proc/self/exe", argv[0], "fork", (char *)NULL);
			return 127;
		}
		int st;
		if (waitpid(c, &st, 0) != c || !WIFEXITED(st))
			return 1;
		printf("spawn: child exited %d\n", WEXITSTATUS(st));
		work(30);
		return 0;
	}
	if (strcmp(mode, "leaf") == 0) {
		work(20);
		printf("leaf\n");
		return 4;
	}
	if (strcmp(mode, "kill") == 0 && argc > 2) {
		work(1);
		printf("kill\n");
		kill(getpid(), atoi(argv[2]));
		return 1;
	}
	if (strcmp(mode, "catch") == 0) {
		signal(SIGINT, on_int);
		int i = 0;
		while (!caught) {
			work(i++);
			sleep_10ms();
		}
		printf("caught\n");
		for (int j = 0; j < 20; j++) {
			work(i++);
			sleep_10ms();
		}
		printf("bye\n");
		return 0;
	}
	return 2;
}
