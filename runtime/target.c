/* target.c — the -c command and the -x process.
 *
 * For -c the child is forked first and waits on a pipe; the runtime attaches
 * every probe, then writes to the pipe and the child execs the command, so
 * no instruction of the command runs unprobed.  The command is split into
 * words as the shell would (wordexp, without command substitution) and
 * exec'd directly, so its pid is target(). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wordexp.h>

#include "runtime.h"

static int pidfd_open(pid_t pid)
{
	return (int)syscall(SYS_pidfd_open, pid, 0);
}

int target_spawn(struct target *t, const char *command)
{
	memset(t, 0, sizeof(*t));
	t->pidfd = t->hold_fd = -1;
	wordexp_t we;
	int rc = wordexp(command, &we, WRDE_NOCMD);
	if (rc != 0 || we.we_wordc == 0) {
		fprintf(stderr, "uscript: cannot split -c '%s' into words%s\n", command,
			rc == WRDE_CMDSUB ? ": command substitution is not allowed" :
			rc == WRDE_BADCHAR ? ": it has a character such as | & ; < > that needs a shell" :
			rc == WRDE_SYNTAX ? ": unbalanced quotes" : "");
		if (rc == 0)
			wordfree(&we);
		return -1;
	}
	int hold[2];
	if (pipe2(hold, O_CLOEXEC) < 0) {
		wordfree(&we);
		return -1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		perror("uscript: fork");
		wordfree(&we);
		close(hold[0]);
		close(hold[1]);
		return -1;
	}
	if (pid == 0) {
		close(hold[1]);
		char c;
		ssize_t n;
		do
			n = read(hold[0], &c, 1);
		while (n < 0 && errno == EINTR);
		/* uscript went away before attaching: do not run unprobed. */
		if (n != 1)
			_exit(127);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		execvp(we.we_wordv[0], we.we_wordv);
		fprintf(stderr, "uscript: cannot run '%s': %s\n", we.we_wordv[0], strerror(errno));
		_exit(127);
	}
	wordfree(&we);
	close(hold[0]);
	t->pid = pid;
	t->hold_fd = hold[1];
	t->spawned = true;
	t->pidfd = pidfd_open(pid);
	return 0;
}

int target_release(struct target *t)
{
	if (t->hold_fd < 0)
		return 0;
	ssize_t n = write(t->hold_fd, "x", 1);
	close(t->hold_fd);
	t->hold_fd = -1;
	t->released = n == 1;
	return n == 1 ? 0 : -1;
}

int target_watch(struct target *t, pid_t pid)
{
	memset(t, 0, sizeof(*t));
	t->hold_fd = -1;
	t->pid = pid;
	t->pidfd = pidfd_open(pid);
	if (t->pidfd < 0) {
		fprintf(stderr, "uscript: -x %d: %s\n", (int)pid,
			errno == ESRCH ? "no such process" : strerror(errno));
		return -1;
	}
	return 0;
}

bool target_reap(struct target *t)
{
	if (!t->spawned || t->reaped)
		return true;
	int status;
	/* A child still held before exec leaves at once when its pipe closes
	 * (see target_spawn), so waiting for it cannot hang; a command that
	 * runs on after uscript stops is left to run. */
	pid_t r = waitpid(t->pid, &status, t->released ? WNOHANG : 0);
	if (r == t->pid) {
		t->reaped = true;
		t->status = status;
		return true;
	}
	return false;
}

void target_close(struct target *t)
{
	if (t->hold_fd >= 0)
		close(t->hold_fd);
	if (t->pidfd >= 0)
		close(t->pidfd);
	t->hold_fd = t->pidfd = -1;
}
