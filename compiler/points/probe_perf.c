/* SPDX-License-Identifier: GPL-2.0-or-later */
/* probe_perf.c — sampling: timer.profile, timer.profile.tick,
 * timer.profile.freq.hz(N), perf.sw.NAME, perf.hw.NAME and
 * perf.type(T).config(C), each with .sample(N) or .hz(N), and
 * .process, .process(PID) or .process("PATH").
 *
 * Each is a perf event on every CPU whose overflow runs the handler in the
 * interrupted task's context, as SystemTap's.  SystemTap's timer.profile
 * is perf.sw.cpu_clock.sample(1000000) where the kernel has no profile
 * timer hook (this one has not), timer.profile.tick the same at the
 * kernel's tick (CONFIG_HZ, from /boot/config-RELEASE, else 250), and a perf event without .sample or .hz
 * samples every 1000000 events.  .process binds it to the processes it
 * names, checked in the program (the events count on every CPU).  The
 * hardware counters are refused where the kernel has none: no PMU named
 * "cpu" in /sys/bus/event_source/devices. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "parse/arena.h"
#include "compile.h"
#include "probes.h"

/* perf_event_attr's types and the configs SystemTap's perf.stp names. */
enum { PERF_HW = 0, PERF_SW = 1 };

static const struct { const char *name; int type; uint64_t config; } events[] = {
	{ "cpu_cycles", PERF_HW, 0 }, { "instructions", PERF_HW, 1 },
	{ "cache_references", PERF_HW, 2 }, { "cache_misses", PERF_HW, 3 },
	{ "branch_instructions", PERF_HW, 4 }, { "branch_misses", PERF_HW, 5 },
	{ "bus_cycles", PERF_HW, 6 }, { "stalled_cycles_frontend", PERF_HW, 7 },
	{ "stalled_cycles_backend", PERF_HW, 8 }, { "ref_cpu_cycles", PERF_HW, 9 },
	{ "cpu_clock", PERF_SW, 0 }, { "task_clock", PERF_SW, 1 },
	{ "page_faults", PERF_SW, 2 }, { "context_switches", PERF_SW, 3 },
	{ "cpu_migrations", PERF_SW, 4 }, { "page_faults_min", PERF_SW, 5 },
	{ "page_faults_maj", PERF_SW, 6 }, { "alignment_faults", PERF_SW, 7 },
	{ "emulation_faults", PERF_SW, 8 },
};

/* The kernel's tick rate: CONFIG_HZ, which the kernel publishes nowhere
 * but in its configuration; uscript reads it from the uncompressed
 * configurations distributions install, else takes the common 250. */
static uint64_t kernel_hz(void)
{
	char path[300], line[256];
	FILE *f = NULL;
	FILE *u = fopen("/proc/sys/kernel/osrelease", "r");
	if (u && fgets(line, sizeof(line), u)) {
		line[strcspn(line, "\n")] = '\0';
		snprintf(path, sizeof(path), "/boot/config-%s", line);
		f = fopen(path, "r");
	}
	if (u)
		fclose(u);
	uint64_t hz = 250;
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "CONFIG_HZ=%" SCNu64, &hz) == 1)
			break;
	if (f)
		fclose(f);
	return hz ? hz : 250;
}

static bool is_perf(const struct probe_point *pp)
{
	const struct pp_comp *c = pp->comps;
	if (strcmp(c->name, "perf") == 0)
		return true;
	return strcmp(c->name, "timer") == 0 && c->next && strcmp(c->next->name, "profile") == 0;
}

static bool plain(const struct pp_comp *c, const char *name)
{
	return c && strcmp(c->name, name) == 0 && c->arg_kind == PP_ARG_NONE;
}

static bool numbered(const struct pp_comp *c, const char *name)
{
	return c && strcmp(c->name, name) == 0 && c->arg_kind == PP_ARG_NUM;
}

static int add_perf(struct attach_table *t, const struct probe *p, const struct probe_point *pp)
{
	const struct pp_comp *c = pp->comps->next;
	uint32_t type;
	uint64_t config, sample = 1000000;
	bool freq = false;
	if (strcmp(pp->comps->name, "timer") == 0) {
		type = PERF_SW;
		config = 0;
		c = c->next;
		if (plain(c, "tick")) {
			sample = 1000000000 / kernel_hz();
			c = c->next;
		} else if (plain(c, "freq") && numbered(c->next, "hz")) {
			if (c->next->num <= 0)
				return probes_fail(pp, "the frequency must be a positive number");
			sample = (uint64_t)c->next->num;
			freq = true;
			c = c->next->next;
		}
		if (c)
			return probes_fail(pp, "a profile timer is written timer.profile, "
					   "timer.profile.tick or timer.profile.freq.hz(N)");
	} else {
		if (numbered(c, "type") && numbered(c->next, "config")) {
			type = (uint32_t)c->num;
			config = (uint64_t)c->next->num;
			c = c->next->next;
		} else if (c && (plain(c, "sw") || plain(c, "hw")) && c->next &&
			   c->next->arg_kind == PP_ARG_NONE) {
			size_t i;
			for (i = 0; i < sizeof(events) / sizeof(events[0]); i++)
				if (strcmp(events[i].name, c->next->name) == 0 &&
				    events[i].type == (c->name[0] == 'h' ? PERF_HW : PERF_SW))
					break;
			if (i == sizeof(events) / sizeof(events[0])) {
				bool hw = c->name[0] == 'h';
				char names[512] = "";
				for (i = 0; i < sizeof(events) / sizeof(events[0]); i++)
					if (events[i].type == (hw ? PERF_HW : PERF_SW))
						snprintf(names + strlen(names), sizeof(names) - strlen(names),
							 "%s%s", names[0] ? ", " : "", events[i].name);
				return probes_fail(pp, "no perf event perf.%s.%s: the %s events are %s",
						   c->name, c->next->name, hw ? "hardware" : "software",
						   names);
			}
			type = (uint32_t)events[i].type;
			config = events[i].config;
			c = c->next->next;
		} else {
			return probes_fail(pp, "a perf event is written perf.sw.NAME, perf.hw.NAME "
					   "or perf.type(T).config(C), then .sample(N) or .hz(N)");
		}
		if (numbered(c, "sample") || numbered(c, "hz")) {
			if (c->num <= 0)
				return probes_fail(pp, "the %s must be a positive number",
						   c->name[0] == 's' ? "sample period" : "frequency");
			freq = c->name[0] == 'h';
			sample = (uint64_t)c->num;
			c = c->next;
		}
	}
	if (type == PERF_HW && access("/sys/bus/event_source/devices/cpu", F_OK) != 0)
		return probes_fail(pp, "this machine has no hardware performance counters "
				   "(the kernel lists no \"cpu\" event source): use perf.sw.cpu_clock");
	const struct pp_comp *proc = NULL;
	if (c && strcmp(c->name, "process") == 0) {
		proc = c;
		c = c->next;
	}
	const char *counter = NULL;
	if (c && strcmp(c->name, "counter") == 0) {
		if (c->arg_kind != PP_ARG_STR || !c->str || !*c->str)
			return probes_fail(pp, "a perf counter is named: .counter(\"NAME\"), which "
					   "@perf(\"NAME\") reads");
		if (strcmp(pp->comps->name, "timer") == 0)
			return probes_fail(pp, "a profile timer has no .counter: write "
					   "perf.sw.cpu_clock.counter(\"NAME\")");
		counter = c->str;
		c = c->next;
	}
	if (c)
		return probes_fail(pp, "unexpected .%s", c->name);
	for (int i = 0; counter && i < t->n; i++)
		if (t->rows[i].counter_name && strcmp(t->rows[i].counter_name, counter) == 0)
			return probes_fail(pp, "a second perf counter named \"%s\"", counter);
	const char *name;
	enum pid_filter pf = PID_ANY;
	struct lifecycle *l = NULL;
	if (proc) {
		l = probes_lifecycle(t, pp, proc, LIFE_SAMPLE, &name, &pf);
		if (!l)
			return -1;
		if (l->filter == LIFE_ALL)
			return probes_fail(pp, "a bare .process names the target's executable, "
					   "and there is no target: use -c CMD or -x PID");
	}
	struct attach_point *a = attach_add(t, p, pp, ATTACH_PERF);
	a->perf_type = type;
	a->perf_config = config;
	a->perf_sample = sample;
	a->perf_freq = freq;
	a->pid_filter = pf;
	a->pid = l ? l->pid : 0;
	a->perf_counter = -1;
	if (counter) {
		/* counting, not sampling: read by @perf, never run */
		a->counter_name = counter;
		a->perf_counter = t->ncounters++;
		a->perf_sample = 0;
		a->perf_freq = false;
	}
	t->ctx[t->n - 1].life = l;
	return 0;
}

static void perf_forms(void (*say)(void *, const char *), void *arg)
{
	static const char *const rates[] = { "", ".sample(number)", ".hz(number)" };
	static const char *const whom[] = { "", ".process", ".process(number)",
					     ".process(string)", ".counter(string)",
					     ".process.counter(string)",
					     ".process(number).counter(string)",
					     ".process(string).counter(string)" };
	char form[128];
	say(arg, "timer.profile");
	say(arg, "timer.profile.tick");
	say(arg, "timer.profile.freq.hz(number)");
	for (size_t e = 0; e <= sizeof(events) / sizeof(*events); e++)
		for (size_t r = 0; r < 3; r++)
			for (size_t w = 0; w < sizeof(whom) / sizeof(*whom); w++) {
				if (e < sizeof(events) / sizeof(*events))
					snprintf(form, sizeof(form), "perf.%s.%s%s%s",
						 events[e].type == PERF_HW ? "hw" : "sw",
						 events[e].name, rates[r], whom[w]);
				else
					snprintf(form, sizeof(form),
						 "perf.type(number).config(number)%s%s", rates[r],
						 whom[w]);
				say(arg, form);
			}
}

const struct probe_kind probe_kind_perf = { "perf event", HOME_BPF, is_perf, add_perf,
					    perf_forms };
