/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.c — a compiled program from load to the last line of output.
 *
 *   load the BPF object, map its globals into our memory;
 *   start the -c command (held before exec) or watch the -x process;
 *   run the begin handlers; attach every probe; let the command run;
 *   wait for records, timers, signals and the target's end;
 *   stop: no new probe starts, detach, drain the ring buffer, run the end
 *   (or error) handlers, print the unprinted globals and the lost count.
 *
 * Everything the kernel holds for us belongs to the bpf_object and its
 * links, so closing them on every path leaves nothing behind.  The links
 * are released by a keeper process once uscript is gone, however it ends,
 * SIGKILL included (attach.c). */
#define _GNU_SOURCE
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "runtime.h"
#include "symbolize.h"

#include "maps.h"

struct run {
	struct program *prog;
	const struct run_opts *o;
	struct bpf_object *obj;
	struct attachments *at;
	void *globals;
	size_t globals_len;
	bool globals_mapped;
	struct ring_buffer *rb;
	size_t batch;                /* bytes of records read by the last consume */
	struct output out;
	struct host *host;
	struct maps maps;
	bool maps_ready;
	struct target target;
	struct target_signals target_signals;
	bool has_target;
	bool target_reported;        /* the -c command's end was reported */
	int epfd, sigfd;
	int watchfd;                 /* -x without a pidfd: the timer to look at it */
	int deadlinefd;              /* -T: the timer that ends the run */
	int *timerfds;               /* per attach row, or -1 */
	int status;
};

static int verbose;
/* libbpf's warnings are kept here (and printed too with -v): when loading
 * fails, the verifier's log in them says why (verifier.c). */
static struct strbuf libbpf_log;

static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (level == LIBBPF_DEBUG && verbose < 2)
		return 0;
	struct strbuf msg = STRBUF_INIT, said = STRBUF_INIT;
	strbuf_vprintf(&msg, fmt, ap);
	errno_rewrite(&said, msg.buf ? msg.buf : "");
	if (verbose)
		fputs(said.buf ? said.buf : "", stderr);
	if (level != LIBBPF_DEBUG && libbpf_log.len < (16u << 20))
		strbuf_append(&libbpf_log, said.buf, said.len);
	strbuf_free(&msg);
	strbuf_free(&said);
	return 0;
}

/* BPF needs CAP_SYS_ADMIN (root has it), or CAP_BPF with CAP_PERFMON for
 * uprobes, raw tracepoints and perf events on every CPU; checked first so
 * the user hears one sentence instead of a stack of EPERMs.  The effective
 * set decides, not the uid: root with its capabilities dropped cannot
 * trace either.  Returns the ones missing ("CAP_BPF and CAP_PERFMON"), or
 * NULL. */
static const char *missing_caps(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	if (!f)
		return "CAP_BPF and CAP_PERFMON";
	char line[256];
	unsigned long long eff = 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "CapEff: %llx", &eff) == 1)
			break;
	fclose(f);
	const unsigned long long sys_admin = 1ull << 21, perfmon = 1ull << 38, bpf = 1ull << 39;
	if ((eff & sys_admin) || ((eff & perfmon) && (eff & bpf)))
		return NULL;
	return !(eff & bpf) && !(eff & perfmon) ? "CAP_BPF and CAP_PERFMON" :
		!(eff & bpf) ? "CAP_BPF" : "CAP_PERFMON";
}

/* The first probe point that runs in the kernel without a process of its
 * own (kernel.trace, process.begin, timer.profile, perf.*), for the
 * message. */
static const char *kernel_point(const struct program *p)
{
	for (int i = 0; i < p->nattach; i++)
		if (p->attach[i].kind == ATTACH_RAW_TP || p->attach[i].kind == ATTACH_PERF)
			return p->attach[i].point;
	return NULL;
}

static int64_t realtime_offset(void)
{
	struct timespec rt, mono;
	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	return ((int64_t)rt.tv_sec - mono.tv_sec) * 1000000000 + (rt.tv_nsec - mono.tv_nsec);
}

static int ring_event(void *ctx, void *data, size_t size)
{
	struct run *r = ctx;
	r->batch += size;
	output_record(&r->out, data, size);
	return 0;
}

static int load_bpf(struct run *r)
{
	struct program *p = r->prog;
	LIBBPF_OPTS(bpf_object_open_opts, opts, .object_name = "uscript");
	r->obj = bpf_object__open_mem(p->bpf_obj, p->bpf_obj_size, &opts);
	if (!r->obj) {
		fprintf(stderr, "uscript: cannot open the BPF object: %s\n", errno_text(errno));
		return -1;
	}
	attach_prepare(r->obj, p);
	struct usym_tables *syms;
	int err = usym_tables_prepare(r->obj, p, r->o, &syms);
	if (err < 0) {
		fprintf(stderr, "uscript: cannot read the symbol tables: %s\n", errno_text(-err));
		return -1;
	}
	if (kmem_check(r->obj, p, verbose) < 0) {
		usym_tables_free(syms);
		return -1;
	}
	if (bpf_object__load(r->obj)) {
		usym_tables_free(syms);
		int err = errno;
		if (strstr(libbpf_log.buf ? libbpf_log.buf : "", "-- BEGIN PROG LOAD LOG --")) {
			verifier_explain(libbpf_log.buf, p, verbose);
		} else {
			fprintf(stderr, "uscript: cannot load the BPF programs: %s%s\n", errno_text(err),
				verbose ? "" : "; run with -v to see libbpf's messages");
		}
		return -1;
	}
	err = usym_tables_fill(syms, r->obj, p->maxstringlen);
	usym_tables_free(syms);
	if (err < 0) {
		fprintf(stderr, "uscript: cannot fill the symbol tables: %s\n", errno_text(-err));
		return -1;
	}
	struct bpf_map *g = bpf_object__find_map_by_name(r->obj, PROG_MAP_GLOBALS);
	struct bpf_map *ev = bpf_object__find_map_by_name(r->obj, PROG_MAP_EVENTS);
	if (!g || !ev) {
		fprintf(stderr, "uscript: internal error: the BPF object lacks its maps\n");
		return -1;
	}
	long page = sysconf(_SC_PAGESIZE);
	r->globals_len = ((size_t)p->globals_size + (size_t)page - 1) & ~((size_t)page - 1);
	r->globals = mmap(NULL, r->globals_len, PROT_READ | PROT_WRITE, MAP_SHARED,
			  bpf_map__fd(g), 0);
	if (r->globals == MAP_FAILED) {
		r->globals = NULL;
		fprintf(stderr, "uscript: cannot map the globals: %s\n", errno_text(errno));
		return -1;
	}
	r->globals_mapped = true;
	r->rb = ring_buffer__new(bpf_map__fd(ev), ring_event, r, NULL);
	if (!r->rb) {
		fprintf(stderr, "uscript: cannot read the ring buffer: %s\n", errno_text(errno));
		return -1;
	}
	return 0;
}

static void init_globals(struct run *r)
{
	struct globals_hdr *h = r->globals;
	h->realtime_offset = realtime_offset();
	h->target_pid = r->has_target ? r->target.pid : 0;
	h->stp_pid = getpid();
	char *base = r->globals;
	for (int i = 0; i < r->prog->nglobals; i++) {
		const struct global_var *g = &r->prog->globals[i];
		if (!g->has_init)
			continue;
		if (g->type == TYPE_STRING)
			snprintf(base + g->offset, r->prog->maxstringlen, "%s", g->init_str);
		else
			memcpy(base + g->offset, &g->init_num, sizeof(g->init_num));
	}
}

static bool stopping(struct run *r);

/* The begin, end or error probes, as SystemTap runs them: by priority
 * (begin(N)), the lower first, ties in the order of the script; each only
 * while the script is in the state it is for.  So a begin probe runs only
 * while no exit() or error has come, and an end probe only while no error
 * has; the error probes all run, each error in one reported as it comes. */
static void run_host_kind(struct run *r, enum attach_kind kind)
{
	const struct attach_point *a = r->prog->attach;
	int *order = malloc(((size_t)r->prog->nattach + 1) * sizeof(int)), n = 0;
	if (!order)
		return;
	for (int i = 0; i < r->prog->nattach; i++) {
		if (a[i].kind != kind)
			continue;
		int j = n++;
		for (; j > 0 && a[order[j - 1]].priority > a[i].priority; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	r->out.report_each = kind == ATTACH_ERROR;
	for (int k = 0; k < n; k++) {
		if ((kind == ATTACH_BEGIN && stopping(r)) ||
		    (kind == ATTACH_END && r->out.stop == OUT_ERROR))
			break;
		host_run(r->host, order[k]);
	}
	r->out.report_each = false;
	free(order);
}

static int add_fd(struct run *r, int fd, uint64_t tag)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = tag };
	return epoll_ctl(r->epfd, EPOLL_CTL_ADD, fd, &ev);
}

enum { TAG_RING = 1ull << 32, TAG_SIGNAL, TAG_TARGET, TAG_WATCH, TAG_DEADLINE,
       TAG_TIMER = 1ull << 33 };

/* How the end of the target is seen: its pidfd, readable once it has
 * exited; without one, SIGCHLD for the -c command (through the signalfd)
 * and, for the -x process, a look at /proc every tenth of a second. */
static int watch_target(struct run *r)
{
	if (r->target.pidfd >= 0)
		return add_fd(r, r->target.pidfd, TAG_TARGET);
	if (r->target.spawned)
		return 0;
	r->watchfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	struct itimerspec its = { .it_interval = { 0, 100000000 }, .it_value = { 0, 100000000 } };
	if (r->watchfd < 0 || timerfd_settime(r->watchfd, 0, &its, NULL) < 0)
		return -1;
	return add_fd(r, r->watchfd, TAG_WATCH);
}

/* Sets timerfd fd of attach row i for its next period: a fixed interval,
 * or, with randomize, one expiry at a time, each period plus or minus up
 * to random_ns, evenly spread, as SystemTap's timers. */
static int arm_timer(struct run *r, int fd, int i)
{
	const struct attach_point *a = &r->prog->attach[i];
	uint64_t ns = a->period_ns;
	if (a->random_ns) {
		uint64_t span = 2 * a->random_ns + 1;
		uint64_t x = ((uint64_t)random() << 31 | (uint64_t)random()) % span;
		ns = ns + x - a->random_ns;
		if (ns == 0)
			ns = 1;
	}
	struct timespec t = { (time_t)(ns / 1000000000), (long)(ns % 1000000000) };
	struct itimerspec its = { .it_value = t };
	if (!a->random_ns)
		its.it_interval = t;
	return timerfd_settime(fd, 0, &its, NULL);
}

static int start_timers(struct run *r)
{
	struct program *p = r->prog;
	r->timerfds = malloc(((size_t)p->nattach + 1) * sizeof(int));
	srandom((unsigned)time(NULL) ^ (unsigned)getpid());
	for (int i = 0; i < p->nattach; i++) {
		r->timerfds[i] = -1;
		if (p->attach[i].kind != ATTACH_TIMER)
			continue;
		int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
		if (fd < 0)
			return -1;
		r->timerfds[i] = fd;
		if (arm_timer(r, fd, i) < 0 || add_fd(r, fd, TAG_TIMER | (uint64_t)i) < 0)
			return -1;
	}
	return 0;
}

/* -T: the run ends after timeout_ms, as at exit(). */
static int start_deadline(struct run *r)
{
	long ms = r->o->timeout_ms;
	if (ms <= 0)
		return 0;
	r->deadlinefd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	struct itimerspec its = { .it_value = { ms / 1000, (ms % 1000) * 1000000 } };
	if (r->deadlinefd < 0 || timerfd_settime(r->deadlinefd, 0, &its, NULL) < 0)
		return -1;
	return add_fd(r, r->deadlinefd, TAG_DEADLINE);
}

static bool stopping(struct run *r)
{
	return r->out.stop != OUT_RUNNING;
}

/* SystemTap warns when the -c command fails, and then exits 1 itself. */
static void target_ended(struct run *r)
{
	if (!r->target.spawned || r->target_reported || !target_reap(&r->target))
		return;
	r->target_reported = true;
	int st = r->target.status;
	if (WIFSIGNALED(st)) {
		if (!r->o->quiet)
			output_warning(&r->out, "Child process exited with signal %d (%s)",
				       WTERMSIG(st), strsignal(WTERMSIG(st)));
		r->status = 1;
	} else if (WIFEXITED(st) && WEXITSTATUS(st)) {
		if (!r->o->quiet)
			output_warning(&r->out, "Child process exited with status %d",
				       WEXITSTATUS(st));
		r->status = 1;
	}
}

/* Ctrl-C at a terminal, or a signal sent to uscript's process group,
 * reaches the -c command too, which runs in that group: if it dies of it,
 * its end is reported as any other, as staprun reports it when it comes
 * before staprun has finished.  A command that survives the signal is left
 * to run. */
static void command_signalled(struct run *r)
{
	if (!r->target.spawned || !r->target.released || r->target_reported)
		return;
	/* The command may not show yet that the signal kills it: it can be
	 * between taking the signal and starting to exit, or the signal may
	 * still be on its way to it.  A short wait covers that. */
	target_wait(&r->target, target_dying(&r->target) ? 2000 : 100);
	target_ended(r);
}

/* Reads what the ring holds.  Returns whether to pause before waiting
 * again: the kernel wakes the reader for a record only if the reader had
 * read everything before it, so a reader that is quicker than the probes
 * would be woken for nearly every record, and each wake-up costs the
 * traced program an interrupt and the reader a context switch.  While
 * records keep coming but fill less than a sixteenth of the ring between
 * two reads, pausing a millisecond lets them gather, for one wake-up and
 * one write a batch; a batch larger than that means the probes may outrun
 * the reader, which then reads on at once. */
static bool read_ring(struct run *r)
{
	r->batch = 0;
	ring_buffer__consume(r->rb);
	return r->batch && r->batch < r->prog->ringbuf_size / 16;
}

/* Waits for the end: exit() or an error (seen in the records), a signal,
 * or the target's end.  Timers run their handlers meanwhile. */
static void event_loop(struct run *r)
{
	bool pause = false;
	while (!stopping(r)) {
		struct epoll_event evs[16];
		fflush(r->o->out);
		if (pause) {
			struct timespec ms = { 0, 1000000 };
			nanosleep(&ms, NULL);
			pause = false;
		}
		/* A script that names addresses (usymname in an end probe)
		 * keeps a copy of the target's memory map, a tenth of a second
		 * old at most, to name them by once the target is gone. */
		bool keep_map = r->prog->keep_target_map && r->out.sym && r->has_target;
		if (keep_map)
			sym_refresh_pid(r->out.sym, r->target.pid);
		int n = epoll_wait(r->epfd, evs, 16, keep_map ? 100 : -1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		bool done = false;
		for (int i = 0; i < n; i++) {
			uint64_t tag = evs[i].data.u64;
			if (tag == TAG_RING) {
				pause = read_ring(r);
			} else if (tag == TAG_SIGNAL) {
				struct signalfd_siginfo si;
				if (read(r->sigfd, &si, sizeof(si)) <= 0)
					continue;
				if (si.ssi_signo == SIGUSR2) {
					/* switch_file(), through system("kill -USR2") */
					fflush(r->o->out);
					outfile_switch();
				} else if (si.ssi_signo != SIGCHLD) {
					command_signalled(r);
					done = true;
				} else if (r->target.spawned && target_gone(&r->target)) {
					/* A child stopped or continued is no end. */
					target_ended(r);
					done = true;
				}
			} else if (tag == TAG_WATCH) {
				uint64_t ticks;
				if (read(r->watchfd, &ticks, sizeof(ticks)) > 0 &&
				    target_gone(&r->target))
					done = true;
			} else if (tag == TAG_TARGET) {
				target_ended(r);
				done = true;
			} else if (tag == TAG_DEADLINE) {
				done = true;
			} else if (tag & TAG_TIMER) {
				int row = (int)(tag & 0xffffffff);
				uint64_t ticks;
				if (read(r->timerfds[row], &ticks, sizeof(ticks)) > 0 && !stopping(r)) {
					if (r->prog->attach[row].random_ns)
						arm_timer(r, r->timerfds[row], row);
					host_run(r->host, row);
				}
			}
		}
		if (done)
			break;
	}
}

static void print_lost(struct run *r)
{
	if (!r->obj)
		return;
	struct bpf_map *m = bpf_object__find_map_by_name(r->obj, PROG_MAP_LOST);
	int ncpus = libbpf_num_possible_cpus();
	if (!m || ncpus <= 0)
		return;
	/* Per CPU: the events lost, then the returns the kernel did not
	 * report (at most 64 return probes pending per thread). */
	uint64_t *vals = calloc((size_t)ncpus * 2, sizeof(uint64_t));
	uint32_t key = 0;
	uint64_t lost = 0, missed = 0;
	if (vals && bpf_map_lookup_elem(bpf_map__fd(m), &key, vals) == 0)
		for (int i = 0; i < ncpus; i++) {
			lost += vals[2 * i];
			missed += vals[2 * i + 1];
		}
	free(vals);
	output_lost(&r->out, lost, missed);
}

static void stop(struct run *r)
{
	struct globals_hdr *h = r->globals;
	/* No probe starts its work after this; those running finish, and their
	 * records are drained below. */
	if (h)
		__atomic_fetch_or(&h->stopping, STOP_EXIT, __ATOMIC_SEQ_CST);
	/* Detaching is left to cleanup(): the probes stop doing anything now,
	 * and what they sent before is drained here. */
	if (r->rb)
		ring_buffer__consume(r->rb);
	if (r->out.stop == OUT_ERROR) {
		output_error(&r->out, r->out.error_site);
		r->status = 1;
		run_host_kind(r, ATTACH_ERROR);
	} else {
		run_host_kind(r, ATTACH_END);
		if (r->out.stop == OUT_ERROR) {
			/* An error in an end probe is reported like any other,
			 * and the error probes run after the end probes. */
			output_error(&r->out, r->out.error_site);
			r->status = 1;
			run_host_kind(r, ATTACH_ERROR);
		} else if (r->globals && !r->o->no_globals) {
			/* SystemTap prints them from an end probe of its own, so
			 * not after an error. */
			output_globals(&r->out, r->globals);
		}
	}
	fflush(r->o->out);
	/* SystemTap's closing count, for a run that went on past errors. */
	if (r->prog->maxerrors && r->out.nerrors) {
		output_warning(&r->out, "Number of errors: %" PRIu64 ", skipped probes: 0",
			       r->out.nerrors);
		r->status = 1;
	}
	print_lost(r);
}

static void cleanup(struct run *r)
{
	if (r->timerfds) {
		for (int i = 0; i < r->prog->nattach; i++)
			if (r->timerfds[i] >= 0)
				close(r->timerfds[i]);
		free(r->timerfds);
	}
	attach_free(r->at);
	host_stop(r->host);
	if (r->maps_ready)
		maps_free(&r->maps);
	ring_buffer__free(r->rb);
	if (r->globals_mapped)
		munmap(r->globals, r->globals_len);
	else
		free(r->globals);
	bpf_object__close(r->obj);
	if (r->has_target) {
		target_close(&r->target);
		target_reap(&r->target);
	}
	if (r->sigfd >= 0)
		close(r->sigfd);
	if (r->watchfd >= 0)
		close(r->watchfd);
	if (r->deadlinefd >= 0)
		close(r->deadlinefd);
	if (r->epfd >= 0)
		close(r->epfd);
	output_free(&r->out);
	strbuf_free(&libbpf_log);
}

int run_program(struct program *p, const struct run_opts *o)
{
	struct run r = { .prog = p, .o = o, .epfd = -1, .sigfd = -1, .watchfd = -1,
			.deadlinefd = -1 };
	verbose = o->verbose;
	libbpf_set_print(libbpf_print);
	const char *missing = p->bpf_obj ? missing_caps() : NULL;
	if (missing) {
		const char *k = kernel_point(p);
		fprintf(stderr, "uscript: %s needs root, or the CAP_BPF and CAP_PERFMON "
			"capabilities: this process lacks %s\n", k ? k : "tracing", missing);
		return 1;
	}
	if (output_init(&r.out, p, o->out) < 0) {
		output_free(&r.out);
		return 1;
	}
	r.out.json = o->format == OUTPUT_JSON;
	r.status = 1;

	/* The stop signals arrive through a signalfd, and SIGCHLD too, which
	 * says that the -c command has exited where there is no pidfd.  A shell
	 * starts background jobs with SIGINT ignored, and an ignored signal
	 * never reaches a signalfd (an ignored SIGCHLD would even reap the
	 * command unseen), so their handling is reset first; the command gets
	 * back what uscript was started with. */
	target_save_signals(&r.target_signals);
	sigset_t mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGHUP);
	sigaddset(&mask, SIGCHLD);
	sigaddset(&mask, SIGUSR2);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
	r.sigfd = signalfd(-1, &mask, SFD_CLOEXEC);
	r.epfd = epoll_create1(EPOLL_CLOEXEC);
	if (r.sigfd < 0 || r.epfd < 0 || add_fd(&r, r.sigfd, TAG_SIGNAL) < 0)
		goto out;

	if (p->bpf_obj) {
		if (load_bpf(&r) < 0)
			goto out;
		verifier_report(r.obj, p, verbose);
		if (verbose)
			kmem_show(r.obj);
		if (add_fd(&r, ring_buffer__epoll_fd(r.rb), TAG_RING) < 0)
			goto out;
	} else {
		r.globals_len = p->globals_size;
		r.globals = calloc(1, p->globals_size);
	}

	if (o->command) {
		if (target_spawn(&r.target, o->command, &r.target_signals) < 0)
			goto out;
		r.has_target = true;
	} else if (o->pid) {
		if (target_watch(&r.target, o->pid) < 0)
			goto out;
		r.has_target = true;
	}
	if (r.has_target && watch_target(&r) < 0)
		goto out;
	init_globals(&r);
	r.out.globals = r.globals;

	if (p->has_maps) {
		if (maps_init(&r.maps, p, r.obj) < 0) {
			fprintf(stderr, "uscript: internal error: the maps of arrays are missing\n");
			goto out;
		}
		r.maps_ready = true;
		r.out.maps = &r.maps;
	}
	if (p->host_module) {
		r.host = host_start(p, &r.out, r.globals, r.maps_ready ? &r.maps : NULL);
		if (!r.host)
			goto out;
	}
	r.status = 0;
	run_host_kind(&r, ATTACH_BEGIN);
	if (!stopping(&r)) {
		if (r.obj) {
			int n = pending_begins(r.obj, p, r.has_target ? r.target.pid : 0,
					       r.has_target && r.target.spawned);
			if (verbose && n)
				fprintf(stderr, "uscript: %d running process%s will get .begin at "
					"their next system call\n", n, n == 1 ? "" : "es");
			r.at = attach_uprobes(r.obj, p, r.has_target ? r.target.pid : 0, verbose);
			if (!r.at) {
				r.status = 1;
				goto out;
			}
			attach_keep(r.at);
		}
		if (start_timers(&r) < 0 || start_deadline(&r) < 0) {
			fprintf(stderr, "uscript: cannot start the timers: %s\n", errno_text(errno));
			r.status = 1;
			goto out;
		}
		if (r.has_target && target_release(&r.target) < 0) {
			fprintf(stderr, "uscript: the -c command did not start\n");
			r.status = 1;
			goto out;
		}
		/* As in SystemTap, a script runs until exit(), an error, a signal
		 * or the target's end, even one made only of begin probes. */
		event_loop(&r);
	}
	stop(&r);
out:
	cleanup(&r);
	/* The stop signals stay blocked: one more, as a shell sends to the
	 * whole process group, must not turn a clean stop into a kill. */
	return r.status;
}
