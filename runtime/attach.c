/* SPDX-License-Identifier: GPL-2.0-or-later */
/* attach.c — putting the uprobes in place, and taking them out.
 *
 * Where the kernel has uprobe_multi links (6.6 and later), every probe
 * point of one BPF program in one file, with one direction (entry or
 * return) and one pid filter, is a single link: attaching a wildcard that
 * matches a thousand functions is one system call, and releasing it waits
 * for one RCU grace period instead of one per probe (about 0.1 s each).
 * Elsewhere each point is a perf-event link, as libbpf makes them.  A USDT
 * site with a semaphore attaches with the semaphore's offset, which the
 * kernel counts up while the probe is in place.  Every
 * point's cookie is its row in the attach table, which pp() and probefunc()
 * read.
 *
 * The compiler leaves out the points whose instruction the kernel would
 * refuse (binary/insn.h); should the kernel refuse one all the same, the
 * link fails whole, and the points are attached again in smaller links
 * until the refused ones are found (attach_rows).  A wildcard's refused
 * points are skipped with a warning, as the compiler's are.
 *
 * libbpf 1.1 predates uprobe_multi, so those links are made with the bpf()
 * system call directly; the layout of its attributes is the kernel's ABI.
 *
 * Taking the probes out is the kernel's work once the last reference to
 * a link is gone, and it waits: for RCU grace periods, and for the return
 * probes pending in traced threads.  A thread's pending return probes hold
 * that wait up for as long as it hits some return probe at least every
 * 0.1 s, as each hit postpones the kernel's timer that lets go of the older
 * ones: a main() probed on return, in a program whose loop calls another
 * function probed on return, holds it up until the program exits.  A
 * process releases its files one after another as it exits, so a uscript
 * that exits, or is killed, holding its links would release the first one
 * and wait there, while the probes of the links after it stay in place and
 * keep the wait going: seconds, or as long as the program runs.  Released
 * all at once, each from a thread of its own, all the probes are out at
 * once, and the waits end together.
 *
 * So once the probes are in place, attach_keep() starts a keeper: a
 * process holding a copy of the links and nothing else, out of uscript's
 * session, that waits for uscript to be gone, however it ends (SIGKILL
 * included), and then releases the links all at once.  uscript's own
 * copies are then mere references, dropped at once. */
#define _GNU_SOURCE
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <linux/bpf.h>
#include <linux/perf_event.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "parse/diag.h"
#include "runtime.h"

/* From the kernel's uapi/linux/bpf.h (6.6), which this system's headers
 * may predate. */
enum { ATTACH_TYPE_UPROBE_MULTI = 48, UPROBE_MULTI_RETURN = 1 };

struct link_uprobe_multi {
	uint32_t prog_fd;
	uint32_t target_fd;
	uint32_t attach_type;
	uint32_t flags;
	uint64_t path;
	uint64_t offsets;
	uint64_t ref_ctr_offsets;
	uint64_t cookies;
	uint32_t cnt;
	uint32_t multi_flags;
	uint32_t pid;
	uint32_t pad;
};

struct attachments {
	int *fds;                /* the links, each a file descriptor */
	int n, cap;
	struct bpf_link **links; /* the perf-event links libbpf made */
	int nlinks;
	struct {                 /* the points the kernel refused, left out */
		int row, err;
	} *skipped;
	int nskipped;
	int gate;                /* the keeper's pipe, or -1 */
};

static int probe_result = -1;

/* Whether the kernel makes uprobe_multi links: one on "/" fails with EBADF
 * (a directory is no ELF file) where it does, EINVAL where it does not.
 * USCRIPT_NO_UPROBE_MULTI=1 says no, so the tests can cover the other way. */
bool attach_has_uprobe_multi(void)
{
	if (probe_result >= 0)
		return probe_result;
	const char *no = getenv("USCRIPT_NO_UPROBE_MULTI");
	if (no && *no && strcmp(no, "0") != 0) {
		probe_result = 0;
		return false;
	}
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	LIBBPF_OPTS(bpf_prog_load_opts, po, .expected_attach_type =
		    (enum bpf_attach_type)ATTACH_TYPE_UPROBE_MULTI);
	int prog = bpf_prog_load(BPF_PROG_TYPE_KPROBE, NULL, "GPL", insns, 2, &po);
	probe_result = 0;
	if (prog < 0)
		return false;
	uint64_t offset = 0;
	struct link_uprobe_multi a = {
		.prog_fd = (uint32_t)prog,
		.attach_type = ATTACH_TYPE_UPROBE_MULTI,
		.path = (uintptr_t)"/",
		.offsets = (uintptr_t)&offset,
		.cnt = 1,
	};
	int fd = (int)syscall(SYS_bpf, BPF_LINK_CREATE, &a, sizeof(a));
	probe_result = fd < 0 && errno == EBADF;
	if (fd >= 0)
		close(fd);
	close(prog);
	return probe_result;
}

/* Before 6.10 a uprobe_multi link's pid filter compared the thread id,
 * not the process id, and missed every thread but the first. */
static bool pid_filter_works(void)
{
	struct utsname u;
	int major = 0, minor = 0;
	if (uname(&u) != 0 || sscanf(u.release, "%d.%d", &major, &minor) != 2)
		return false;
	return major > 6 || (major == 6 && minor >= 10);
}

static bool is_uprobe(const struct attach_point *a)
{
	return a->kind == ATTACH_UPROBE || a->kind == ATTACH_URETPROBE;
}

static pid_t filter_pid(const struct attach_point *a, pid_t target);

/* A program is attached one way: all its points with uprobe_multi links,
 * or all with perf-event links, as its load fixed. */
void attach_prepare(struct bpf_object *obj, const struct program *p)
{
	if (!attach_has_uprobe_multi())
		return;
	bool pids = pid_filter_works();
	/* Program by program (a handful), not point by point (thousands). */
	struct bpf_program *prog;
	bpf_object__for_each_program(prog, obj) {
		const char *name = bpf_program__name(prog);
		bool used = false, ok = true;
		for (int i = 0; i < p->nattach && ok; i++) {
			const struct attach_point *a = &p->attach[i];
			if (!is_uprobe(a) || strcmp(a->prog_name, name) != 0)
				continue;
			used = true;
			ok = pids || filter_pid(a, 0) < 0;
		}
		if (used && ok)
			bpf_program__set_expected_attach_type(prog,
							      (enum bpf_attach_type)ATTACH_TYPE_UPROBE_MULTI);
	}
}

static void add_fd(struct attachments *at, int fd)
{
	if (at->n == at->cap) {
		at->cap = at->cap ? 2 * at->cap : 16;
		at->fds = realloc(at->fds, (size_t)at->cap * sizeof(int));
		if (!at->fds)
			abort();
	}
	at->fds[at->n++] = fd;
}

/* A link libbpf made, to destroy at the end. */
static void at_add_link(struct attachments *at, struct bpf_link *l)
{
	at->links = realloc(at->links, (size_t)(at->nlinks + 1) * sizeof(*at->links));
	if (!at->links)
		abort();
	at->links[at->nlinks++] = l;
	add_fd(at, bpf_link__fd(l));
}

/* The kernel's pid filter of a row, or -1 for none.  The target's
 * descendants are not one process the kernel could filter by: their rows
 * (PID_FAMILY) have none, and the BPF program checks the process. */
static pid_t filter_pid(const struct attach_point *a, pid_t target)
{
	if (a->pid_filter == PID_GIVEN)
		return a->pid;
	if (a->pid_filter == PID_TARGET)
		return target;
	return -1;
}

/* A row's cookie: its index, or that of the .return row it saves the
 * entry values of. */
static int cookie_of(const struct program *p, int i)
{
	return p->attach[i].cookie_of ? p->attach[i].cookie_of - 1 : i;
}

static bool same_group(const struct attach_point *a, const struct attach_point *b)
{
	return a->kind == b->kind && a->pid_filter == b->pid_filter && a->pid == b->pid &&
	       strcmp(a->prog_name, b->prog_name) == 0 && strcmp(a->path, b->path) == 0;
}

static void report(const struct attach_point *a, int more, int err)
{
	fprintf(stderr, "uscript: cannot attach %s", a->pp);
	if (more)
		fprintf(stderr, " (and %d more probe point%s)", more, more == 1 ? "" : "s");
	fprintf(stderr, " at %s:%d:%d: %s\n", a->loc.file->name, a->loc.line, a->loc.col,
		errno_text(err));
}

/* The errors with which the kernel refuses one point when it puts the
 * breakpoint in place: ENOTSUPP (its own code, 524) for an instruction it
 * cannot single-step or emulate, ENOEXEC for one it cannot decode, EINVAL
 * for an offset past the end of the file.  Any of them fails a whole
 * uprobe_multi link; the others (no such file, no permission, too many
 * files open) are the link's own. */
enum { KERNEL_ENOTSUPP = 524 };

static bool refuses_point(int err)
{
	return err == KERNEL_ENOTSUPP || err == ENOEXEC || err == EINVAL;
}

/* What the attaching knows besides the attach table. */
struct attach_ctx {
	struct attachments *at;
	struct bpf_object *obj;
	const struct program *p;
	pid_t target;
	int verbose;
};

/* A point the kernel refused, left out. */
static void skip(struct attachments *at, int row, int err)
{
	at->skipped = realloc(at->skipped, (size_t)(at->nskipped + 1) * sizeof(*at->skipped));
	if (!at->skipped)
		abort();
	at->skipped[at->nskipped].row = row;
	at->skipped[at->nskipped++].err = err;
}

/* One uprobe_multi link for the rows (n of them, all of one group);
 * returns 0, or the error. */
static int link_rows(struct attach_ctx *c, const int *rows, int n)
{
	const struct attach_point *a = &c->p->attach[rows[0]];
	uint64_t *offsets = calloc((size_t)n, sizeof(uint64_t));
	uint64_t *cookies = calloc((size_t)n, sizeof(uint64_t));
	uint64_t *ref_ctrs = calloc((size_t)n, sizeof(uint64_t));
	if (!offsets || !cookies || !ref_ctrs)
		abort();
	bool semaphores = false;
	for (int k = 0; k < n; k++) {
		offsets[k] = c->p->attach[rows[k]].offset;
		ref_ctrs[k] = c->p->attach[rows[k]].ref_ctr_offset;
		semaphores |= ref_ctrs[k] != 0;
		cookies[k] = (uint64_t)cookie_of(c->p, rows[k]);
	}
	struct bpf_program *prog = bpf_object__find_program_by_name(c->obj, a->prog_name);
	pid_t pid = filter_pid(a, c->target);
	struct link_uprobe_multi attr = {
		.prog_fd = prog ? (uint32_t)bpf_program__fd(prog) : 0,
		.attach_type = ATTACH_TYPE_UPROBE_MULTI,
		.path = (uintptr_t)a->path,
		.offsets = (uintptr_t)offsets,
		.ref_ctr_offsets = semaphores ? (uintptr_t)ref_ctrs : 0,
		.cookies = (uintptr_t)cookies,
		.cnt = (uint32_t)n,
		.multi_flags = a->kind == ATTACH_URETPROBE ? UPROBE_MULTI_RETURN : 0,
		.pid = pid > 0 ? (uint32_t)pid : 0,
	};
	int fd = prog ? (int)syscall(SYS_bpf, BPF_LINK_CREATE, &attr, sizeof(attr)) : -1;
	int err = prog ? errno : ENOENT;
	free(offsets);
	free(cookies);
	free(ref_ctrs);
	if (fd < 0)
		return err;
	add_fd(c->at, fd);
	if (c->verbose)
		fprintf(stderr, "uscript: attached %d probe point%s in %s with one link\n", n,
			n == 1 ? "" : "s", a->path);
	return 0;
}

/* Links for the rows, leaving out those the kernel refuses.  The kernel
 * fails a link whole for one point it refuses, without saying which:
 * the rows are halved until each refused one is alone, so that a few
 * refused points among thousands cost a few dozen attempts and a few
 * dozen links, never a link per point (releasing each waits for the
 * kernel).  A refused point that may not be skipped fails the script. */
static int attach_rows(struct attach_ctx *c, const int *rows, int n)
{
	int err = link_rows(c, rows, n);
	if (err == 0)
		return 0;
	const struct attach_point *a = &c->p->attach[rows[0]];
	if (!refuses_point(err) || (n == 1 && !a->may_skip)) {
		report(a, n - 1, err);
		return -1;
	}
	if (n == 1) {
		skip(c->at, rows[0], err);
		return 0;
	}
	if (attach_rows(c, rows, n / 2) < 0)
		return -1;
	return attach_rows(c, rows + n / 2, n - n / 2);
}

/* Links for the rows from first on of first's group. */
static int attach_group(struct attach_ctx *c, int first, bool *done)
{
	const struct program *p = c->p;
	int *rows = calloc((size_t)p->nattach, sizeof(int));
	if (!rows)
		abort();
	int n = 0;
	for (int i = first; i < p->nattach; i++)
		if (!done[i] && same_group(&p->attach[first], &p->attach[i])) {
			rows[n++] = i;
			done[i] = true;
		}
	int rc = attach_rows(c, rows, n);
	free(rows);
	return rc;
}

static int attach_one(struct attach_ctx *c, int i)
{
	const struct attach_point *a = &c->p->attach[i];
	struct attachments *at = c->at;
	struct bpf_program *prog = bpf_object__find_program_by_name(c->obj, a->prog_name);
	LIBBPF_OPTS(bpf_uprobe_opts, opts, .retprobe = a->kind == ATTACH_URETPROBE,
		    .bpf_cookie = (uint64_t)cookie_of(c->p, i),
		    .ref_ctr_offset = (size_t)a->ref_ctr_offset);
	struct bpf_link *l = prog ? bpf_program__attach_uprobe_opts(prog, filter_pid(a, c->target),
								    a->path, (size_t)a->offset,
								    &opts) : NULL;
	if (!l) {
		int err = prog ? errno : ENOENT;
		if (a->may_skip && refuses_point(err)) {
			skip(at, i, err);
			return 0;
		}
		report(a, 0, err);
		return -1;
	}
	at_add_link(at, l);
	if (c->verbose)
		fprintf(stderr, "uscript: attached %s at %s+0x%" PRIx64 "\n", a->pp, a->path,
			a->offset);
	return 0;
}

/* A kernel.trace row: its own program, on the raw tracepoint by name.  The
 * link holds the program; released, the tracepoint is as it was. */
static int attach_raw_tp(struct attach_ctx *c, int i)
{
	const struct attach_point *a = &c->p->attach[i];
	struct bpf_program *prog = bpf_object__find_program_by_name(c->obj, a->prog_name);
	struct bpf_link *l = prog ? bpf_program__attach_raw_tracepoint(prog, a->path) : NULL;
	if (!l) {
		report(a, 0, prog ? errno : ENOENT);
		return -1;
	}
	at_add_link(c->at, l);
	if (c->verbose)
		fprintf(stderr, "uscript: attached %s on the raw tracepoint %s\n", a->pp, a->path);
	return 0;
}

/* A timer.profile or perf.* row: a sampling perf event on each CPU, each
 * running the row's program on overflow.  CPUs that are offline (ENODEV)
 * are left out. */
static int attach_perf(struct attach_ctx *c, int i)
{
	const struct attach_point *a = &c->p->attach[i];
	struct bpf_program *prog = bpf_object__find_program_by_name(c->obj, a->prog_name);
	int ncpus = libbpf_num_possible_cpus();
	int n = 0;
	for (int cpu = 0; prog && cpu < ncpus; cpu++) {
		struct perf_event_attr attr = {
			.size = sizeof(attr), .type = a->perf_type, .config = a->perf_config,
			.sample_period = a->perf_sample, .freq = a->perf_freq,
		};
		int fd = (int)syscall(SYS_perf_event_open, &attr, -1, cpu, -1, PERF_FLAG_FD_CLOEXEC);
		if (fd < 0 && errno == ENODEV)
			continue;
		if (fd < 0) {
			int err = errno;
			fprintf(stderr, "uscript: cannot open the perf event of %s on CPU %d: %s\n",
				a->pp, cpu, errno_text(err));
			return -1;
		}
		struct bpf_link *l = bpf_program__attach_perf_event(prog, fd);
		if (!l) {
			int err = errno;
			close(fd);
			report(a, 0, err);
			return -1;
		}
		at_add_link(c->at, l);
		n++;
	}
	if (!prog) {
		report(a, 0, ENOENT);
		return -1;
	}
	if (c->verbose)
		fprintf(stderr, "uscript: attached %s on %d CPU%s\n", a->pp, n, n == 1 ? "" : "s");
	return 0;
}

/* perf...counter("NAME"): a counting event (no sampling, no handler) on
 * the process the point names, or else the target, put in the map of
 * counters for @perf to read.  The map keeps the event: the descriptor is
 * not needed after.  Bound to one thread (the process's first, as
 * perf_event_open binds a pid), it is read in that thread only. */
static int open_counter(struct attach_ctx *c, int i)
{
	const struct attach_point *a = &c->p->attach[i];
	struct bpf_map *m = bpf_object__find_map_by_name(c->obj, PROG_MAP_COUNTERS);
	pid_t pid = a->pid_filter == PID_GIVEN ? a->pid : c->target;
	if (!m) {
		report(a, 0, ENOENT);
		return -1;
	}
	if (pid <= 0) {
		fprintf(stderr, "uscript: %s counts the events of one process: name it with "
			"process(PID), or run it with -c CMD or -x PID\n", a->pp);
		return -1;
	}
	struct perf_event_attr attr = {
		.size = sizeof(attr), .type = a->perf_type, .config = a->perf_config,
	};
	int fd = (int)syscall(SYS_perf_event_open, &attr, pid, -1, -1, PERF_FLAG_FD_CLOEXEC);
	if (fd < 0) {
		int err = errno;
		fprintf(stderr, "uscript: cannot open the perf counter of %s in process %d: %s\n",
			a->pp, (int)pid, errno_text(err));
		return -1;
	}
	uint32_t key = (uint32_t)a->perf_counter;
	int rc = bpf_map_update_elem(bpf_map__fd(m), &key, &fd, BPF_ANY);
	int err = errno;
	close(fd);
	if (rc != 0) {
		fprintf(stderr, "uscript: cannot keep the perf counter of %s: %s\n", a->pp,
			errno_text(err));
		return -1;
	}
	if (c->verbose)
		fprintf(stderr, "uscript: counting %s in process %d\n", a->pp, (int)pid);
	return 0;
}

/* Whether two rows come from the same probe point of the script. */
static bool same_point(const struct attach_point *a, const struct attach_point *b)
{
	return a->point == b->point && a->loc.line == b->loc.line && a->loc.col == b->loc.col;
}

/* The points the kernel refused, as resolution warns of those it knew it
 * would refuse: a warning at each probe point that lost some, and with -v
 * a note for each. */
static void warn_skipped(const struct attachments *at, const struct program *p, int verbose)
{
	for (int i = 0; i < at->nskipped; i++) {
		const struct attach_point *a = &p->attach[at->skipped[i].row];
		bool first = true;
		int n = 0;
		for (int j = 0; j < at->nskipped; j++)
			if (same_point(a, &p->attach[at->skipped[j].row])) {
				first &= j >= i;
				n++;
			}
		if (!first)
			continue;
		diag_warning(&a->loc, "%d probe point%s of %s cannot be probed and %s skipped%s",
			     n, n == 1 ? "" : "s", a->point, n == 1 ? "was" : "were",
			     verbose ? "" : n == 1 ? " (-v names it)" : " (-v lists them)");
		for (int j = i; verbose && j < at->nskipped; j++) {
			const struct attach_point *b = &p->attach[at->skipped[j].row];
			if (same_point(a, b))
				diag_note(NULL, "skipped %s: the kernel refused to probe it: %s",
					  b->pp, errno_text(at->skipped[j].err));
		}
	}
}

struct attachments *attach_uprobes(struct bpf_object *obj, const struct program *p,
				   pid_t target, int verbose)
{
	struct attachments *at = calloc(1, sizeof(*at));
	bool *done = calloc((size_t)p->nattach + 1, sizeof(bool));
	if (!at || !done)
		abort();
	struct attach_ctx c = { at, obj, p, target, verbose };
	at->gate = -1;
	int rc = 0;
	for (int i = 0; i < p->nattach && rc == 0; i++) {
		const struct attach_point *a = &p->attach[i];
		if (a->kind == ATTACH_RAW_TP) {
			/* The rows of the syscalls views share their programs:
			 * each is attached once. */
			bool again = false;
			for (int j = 0; j < i && !again; j++)
				again = p->attach[j].kind == ATTACH_RAW_TP &&
					strcmp(p->attach[j].prog_name, a->prog_name) == 0;
			if (!again)
				rc = attach_raw_tp(&c, i);
			continue;
		}
		if (a->kind == ATTACH_PERF) {
			rc = a->counter_name ? open_counter(&c, i) : attach_perf(&c, i);
			continue;
		}
		if (done[i] || !is_uprobe(a))
			continue;
		struct bpf_program *prog = bpf_object__find_program_by_name(obj, a->prog_name);
		if (prog && bpf_program__expected_attach_type(prog) ==
			    (enum bpf_attach_type)ATTACH_TYPE_UPROBE_MULTI) {
			rc = attach_group(&c, i, done);
		} else {
			done[i] = true;
			rc = attach_one(&c, i);
		}
	}
	free(done);
	if (rc < 0) {
		attach_free(at);
		return NULL;
	}
	warn_skipped(at, p, verbose);
	return at;
}

static void *release_link(void *fd)
{
	close((int)(intptr_t)fd);
	return NULL;
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* The keeper, in the child: KEEP (sorted) are the descriptors it keeps,
 * the links and the gate, and THREADS room for a thread per link, both
 * allocated before the fork.  It never returns. */
static void keeper(const struct attachments *at, int *keep, pthread_t *threads, pid_t parent)
{
	/* Out of uscript's session and process group: a signal to the group,
	 * a kill of it or the terminal's hangup does not reach it. */
	setsid();
	/* Nothing but the links and the gate: whoever reads uscript's output
	 * sees its end when uscript ends, and a file uscript leaves is not
	 * kept open either. */
	unsigned next = 0;
	for (int j = 0; j <= at->n; j++) {
		if ((unsigned)keep[j] > next)
			syscall(SYS_close_range, next, (unsigned)keep[j] - 1, 0);
		next = (unsigned)keep[j] + 1;
	}
	syscall(SYS_close_range, next, ~0u, 0);
	/* The gate closes when uscript closes it or exits.  A process closes
	 * its files in order as it exits, the gate maybe before some links;
	 * only once it is gone altogether, and this process has been given
	 * to another parent, are the keeper's references the last. */
	char c;
	while (read(at->gate, &c, 1) < 0 && errno == EINTR)
		;
	close(at->gate);
	const struct timespec ms = { 0, 1000000 };
	while (getppid() == parent)
		nanosleep(&ms, NULL);
	/* The threads do nothing but wait in close(): small stacks do. */
	pthread_attr_t attr;
	bool small = pthread_attr_init(&attr) == 0 &&
		     pthread_attr_setstacksize(&attr, 64 * 1024) == 0;
	bool *started = (bool *)(threads + at->n);
	for (int j = 0; j < at->n; j++) {
		started[j] = pthread_create(&threads[j], small ? &attr : NULL, release_link,
					    (void *)(intptr_t)at->fds[j]) == 0;
		if (!started[j])
			close(at->fds[j]);
	}
	for (int j = 0; j < at->n; j++)
		if (started[j])
			pthread_join(threads[j], NULL);
	_exit(0);
}

void attach_keep(struct attachments *at)
{
	if (!at || at->n == 0)
		return;
	int gate[2];
	int *keep = calloc((size_t)at->n + 1, sizeof(int));
	pthread_t *threads = malloc((size_t)at->n * (sizeof(pthread_t) + sizeof(bool)));
	if (!keep || !threads || pipe2(gate, O_CLOEXEC) < 0) {
		free(keep);
		free(threads);
		return;
	}
	memcpy(keep, at->fds, (size_t)at->n * sizeof(int));
	keep[at->n] = gate[0];
	qsort(keep, (size_t)at->n + 1, sizeof(int), cmp_int);
	pid_t parent = getpid();
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		close(gate[1]);
		at->gate = gate[0];
		keeper(at, keep, threads, parent);
	}
	/* Without a keeper (fork failed), uscript releases the links itself,
	 * one after another. */
	free(keep);
	free(threads);
	close(gate[0]);
	if (pid > 0)
		at->gate = gate[1];
	else
		close(gate[1]);
}

void attach_free(struct attachments *at)
{
	if (!at)
		return;
	/* libbpf's links close their own descriptors. */
	for (int i = 0; i < at->nlinks; i++) {
		int fd = bpf_link__fd(at->links[i]);
		for (int j = 0; j < at->n; j++)
			if (at->fds[j] == fd)
				at->fds[j] = -1;
		bpf_link__destroy(at->links[i]);
	}
	for (int j = 0; j < at->n; j++)
		if (at->fds[j] >= 0)
			close(at->fds[j]);
	if (at->gate >= 0)
		close(at->gate);
	free(at->links);
	free(at->fds);
	free(at->skipped);
	free(at);
}
