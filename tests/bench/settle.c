/* SPDX-License-Identifier: GPL-2.0-or-later */
/* settle: runs a command and exits with its status, after every process it
 * left behind has gone too (it is a child subreaper).  uscript releases its
 * uprobe links in a background child, which waits for RCU grace periods; a
 * benchmark starts no run before the last one's leftovers are done.
 *
 *   settle [-t FILE] CMD [ARG...]
 *
 * With -t, it writes to FILE the nanoseconds (CLOCK_MONOTONIC) from just
 * before the fork until CMD has exited and been reaped: the command's wall
 * time, without its leftovers.  Used by perhit.sh and throughput.sh. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t late;

static void on_alarm(int sig)
{
	(void)sig;
	late = 1;
}

static long long now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(int argc, char **argv)
{
	const char *timefile = NULL;
	if (argc > 2 && strcmp(argv[1], "-t") == 0) {
		timefile = argv[2];
		argv += 2;
		argc -= 2;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: settle [-t FILE] CMD [ARG...]\n");
		return 2;
	}
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	long long start = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("settle: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			perror("settle: waitpid");
			return 2;
		}
	long long wall = now() - start;
	if (timefile) {
		FILE *f = fopen(timefile, "w");
		if (!f || fprintf(f, "%lld\n", wall) < 0 || fclose(f)) {
			perror(timefile);
			return 2;
		}
	}
	struct sigaction sa = { .sa_handler = on_alarm };
	sigaction(SIGALRM, &sa, NULL);
	alarm(60);
	while ((wait(NULL) > 0 || errno == EINTR) && !late)
		;
	if (late) {
		fprintf(stderr, "settle: %s left a process running 60 s after it exited\n", argv[1]);
		return 3;
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
