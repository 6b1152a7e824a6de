/* SPDX-License-Identifier: GPL-2.0-or-later */
/* measure: runs a command, with a time limit, and appends one line to a
 * file:
 *
 *   measure STATS SECONDS CMD [ARG...]
 *
 *   wall_us maxrss_kb status settled_us t0_ns
 *
 * wall_us runs from just before the fork to the command's exit (wait4),
 * and maxrss_kb is the command's peak resident set from wait4's rusage
 * (its reaped children count too).  As a child subreaper it then waits for
 * every process the command left behind (uscript releases its uprobe links
 * in a background child: the kernel waits a grace period for each), and
 * settled_us runs until the last of them has gone; so no run's leftovers
 * slow down the next one's attach, and the cost is still on record.  t0_ns
 * is the CLOCK_MONOTONIC time just before the fork, for a target that
 * writes when its main() began.  A command that runs longer than SECONDS
 * is killed (status 124), and so is the wait for what it left behind.  It
 * exits with the command's status, or 2 or 3 when it could not measure.
 * Used by startup.sh and resolve.sh. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t late;

static void on_alarm(int sig)
{
	(void)sig;
	late = 1;
}

static long long now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000000 + t.tv_nsec;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: measure STATS SECONDS CMD [ARG...]\n");
		return 2;
	}
	unsigned limit = (unsigned)atoi(argv[2]);
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	struct sigaction sa = { .sa_handler = on_alarm };
	sigaction(SIGALRM, &sa, NULL);
	long long t0 = now_ns();
	pid_t pid = fork();
	if (pid < 0) {
		perror("measure: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[3], argv + 3);
		perror(argv[3]);
		_exit(127);
	}
	alarm(limit);
	int st, killed = 0;
	struct rusage ru;
	while (wait4(pid, &st, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("measure: wait4");
			return 2;
		}
		if (late && !killed) {
			killed = 1;
			kill(pid, SIGKILL);
		}
	}
	long long wall = now_ns() - t0;
	late = 0;
	alarm(limit);
	while ((wait(NULL) > 0 || errno == EINTR) && !late)
		;
	if (late) {
		fprintf(stderr, "measure: %s left a process running %u s after it exited\n",
			argv[3], limit);
		return 3;
	}
	long long settled = now_ns() - t0;
	int code = killed ? 124 : WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	FILE *f = fopen(argv[1], "a");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	fprintf(f, "%lld %ld %d %lld %lld\n", wall / 1000, ru.ru_maxrss, code, settled / 1000,
		t0);
	return fclose(f) == 0 ? code : 2;
}
