/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pending.c — the processes running when the probes go in, for
 * process.begin: SystemTap calls .begin once for each of them at the
 * start.  A BPF program can run only in the context of the process that
 * fires it, so each matching process is put in the map PROG_MAP_PENDING
 * under {row, tgid}, and the row's program calls .begin at the process's
 * next return from a system call, taking the entry out (program.h).  They
 * are put there before the probes are attached: a process forked after
 * the scan and before the attach is missed, and none is called twice. */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime.h"

/* The parent of process pid, or 0. */
static int parent_of(int pid)
{
	char path[64], buf[512];
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return 0;
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* after the command name, which may hold anything, in parentheses */
	char *close = strrchr(buf, ')');
	int ppid = 0;
	if (!close || sscanf(close + 1, " %*c %d", &ppid) != 1)
		return 0;
	return ppid;
}

static bool descends(int pid, int target)
{
	for (int depth = 0; pid > 1 && depth < 64; depth++, pid = parent_of(pid))
		if (pid == target)
			return true;
	return false;
}

static bool runs(int pid, const struct stat *exe)
{
	char path[64];
	struct stat st;
	snprintf(path, sizeof(path), "/proc/%d/exe", pid);
	return stat(path, &st) == 0 && st.st_dev == exe->st_dev && st.st_ino == exe->st_ino;
}

int pending_begins(struct bpf_object *obj, const struct program *p, pid_t target,
		   bool spawned)
{
	struct bpf_map *map = bpf_object__find_map_by_name(obj, PROG_MAP_PENDING);
	if (!map)
		return 0;
	int fd = bpf_map__fd(map), n = 0;
	pid_t self = getpid();
	for (int i = 0; i < p->nattach; i++) {
		const struct attach_point *a = &p->attach[i];
		struct stat exe;
		if (!a->begin_pending || (a->exe && stat(a->exe, &exe) < 0))
			continue;
		DIR *d = opendir("/proc");
		struct dirent *e;
		while (d && (e = readdir(d))) {
			if (!isdigit((unsigned char)e->d_name[0]))
				continue;
			int pid = atoi(e->d_name);
			bool match = a->exe ? runs(pid, &exe) :
				a->pid_filter == PID_GIVEN ? pid == a->pid :
				a->pid_filter == PID_TARGET ? descends(pid, target) : true;
			if (!match || pid == self || (spawned && pid == target))
				continue;
			uint32_t key[2] = { (uint32_t)i, (uint32_t)pid };
			uint64_t one = 1;
			if (bpf_map_update_elem(fd, key, &one, BPF_ANY) == 0)
				n++;
		}
		if (d)
			closedir(d);
	}
	return n;
}
