/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target.c — the -c command and the -x process.
 *
 * For -c the child is forked first and waits on a pipe; the runtime attaches
 * every probe, then writes to the pipe and the child execs the command, so
 * no instruction of the command runs unprobed.  The command is split into
 * words as the shell would (wordexp, without command substitution) and
 * exec'd directly, so its pid is target().  It starts as it would without
 * uscript: with the signal mask and ignored signals uscript was started
 * with, and none of uscript's files (all opened close-on-exec).
 *
 * A pidfd tells when the process exits.  Where pidfd_open fails (before
 * Linux 5.3, under seccomp filters that refuse it, under valgrind), the -c
 * command, uscript's own child, is watched through SIGCHLD, and the -x
 * process by looking at /proc/PID on a timer (run.c): its entry is gone
 * or a zombie's once it has exited, and its start time tells it from a
 * later process that got the same pid. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wordexp.h>

#include "runtime.h"

static int pidfd_open(pid_t pid)
{
	return (int)syscall(SYS_pidfd_open, pid, 0);
}

void target_save_signals(struct target_signals *s)
{
	sigprocmask(SIG_BLOCK, NULL, &s->mask);
	sigemptyset(&s->ignored);
	for (int sig = 1; sig < NSIG; sig++) {
		struct sigaction sa;
		if (sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
			sigaddset(&s->ignored, sig);
	}
}

/* In the child, before exec: handlers are reset by exec itself, ignored
 * signals and the mask are not. */
static void restore_signals(const struct target_signals *s)
{
	for (int sig = 1; sig < NSIG; sig++) {
		struct sigaction sa;
		if (sig == SIGKILL || sig == SIGSTOP || sigaction(sig, NULL, &sa) != 0)
			continue;
		bool ignored = sigismember(&s->ignored, sig) == 1;
		if (ignored != (sa.sa_handler == SIG_IGN))
			signal(sig, ignored ? SIG_IGN : SIG_DFL);
	}
	sigprocmask(SIG_SETMASK, &s->mask, NULL);
}

int target_spawn(struct target *t, const char *command, const struct target_signals *sigs)
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
		restore_signals(sigs);
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

/* The process's start time (field 22 of /proc/PID/stat, in clock ticks
 * since boot), and whether it has exited: no entry, or a zombie's. */
static bool proc_stat(pid_t pid, unsigned long long *start, bool *exited)
{
	char path[64], buf[1024];
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return false;
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* The name may hold anything: the fields are counted from its last ')'. */
	const char *p = strrchr(buf, ')');
	char state;
	if (!p || sscanf(p + 1, " %c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d "
			 "%*d %*d %*d %*d %llu", &state, start) != 2)
		return false;
	*exited = state == 'Z' || state == 'X';
	return true;
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
	if (t->pidfd >= 0)
		return 0;
	/* Without a pidfd, target_gone() looks at /proc; a zombie is let
	 * through, to be found gone at the first look, as its pidfd would be
	 * readable at once. */
	int err = errno;
	bool exited;
	if (err == ESRCH || !proc_stat(pid, &t->start_time, &exited)) {
		fprintf(stderr, "uscript: -x %d: no such process\n", (int)pid);
		return -1;
	}
	return 0;
}

bool target_gone(const struct target *t)
{
	if (t->spawned) {
		/* Our own child: whether it can be waited for, left to reap. */
		siginfo_t si = { 0 };
		return t->reaped || (waitid(P_PID, (id_t)t->pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 &&
				     si.si_pid == t->pid);
	}
	unsigned long long start;
	bool exited;
	return !proc_stat(t->pid, &start, &exited) || exited || start != t->start_time;
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

bool target_dying(const struct target *t)
{
	char path[64], buf[512];
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)t->pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return true;
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* "pid (comm) S ppid pgrp session tty tpgid flags ...": the name may
	 * hold anything, so the fields are counted from its last ')'. */
	const char *p = strrchr(buf, ')');
	char state;
	unsigned long flags;
	const unsigned long pf_exiting = 0x4;
	if (p && sscanf(p + 1, " %c %*d %*d %*d %*d %*d %lu", &state, &flags) == 2 &&
	    (state == 'Z' || state == 'X' || (flags & pf_exiting)))
		return true;
	/* A fatal signal is turned into a SIGKILL pending in every thread
	 * before the process next runs. */
	snprintf(path, sizeof(path), "/proc/%d/status", (int)t->pid);
	f = fopen(path, "re");
	if (!f)
		return true;
	unsigned long long pending = 0;
	while (fgets(buf, sizeof(buf), f))
		if (sscanf(buf, "SigPnd: %llx", &pending) == 1)
			break;
	fclose(f);
	return pending & (1ull << (SIGKILL - 1));
}

bool target_wait(const struct target *t, int timeout_ms)
{
	if (t->pidfd < 0) {
		/* Without a pidfd, a look every few milliseconds. */
		for (int waited = 0; !target_gone(t); waited += 5) {
			if (waited >= timeout_ms)
				return false;
			struct timespec ms5 = { 0, 5 * 1000 * 1000 };
			nanosleep(&ms5, NULL);
		}
		return true;
	}
	struct pollfd pfd = { .fd = t->pidfd, .events = POLLIN };
	int n;
	do
		n = poll(&pfd, 1, timeout_ms);
	while (n < 0 && errno == EINTR);
	return n == 1;
}

void target_close(struct target *t)
{
	if (t->hold_fd >= 0)
		close(t->hold_fd);
	if (t->pidfd >= 0)
		close(t->pidfd);
	t->hold_fd = t->pidfd = -1;
}
