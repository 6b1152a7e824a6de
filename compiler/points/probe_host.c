/* SPDX-License-Identifier: GPL-2.0-or-later */
/* probe_host.c — probe points whose handlers run in uscript itself:
 * begin, end, error and the timers. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "probes.h"

/* begin, end and error, or begin(N) …: SystemTap's priority, the lower
 * first, ties in the order of the script. */
static bool single(const struct probe_point *pp, const char *name)
{
	return !pp->comps->next && strcmp(pp->comps->name, name) == 0 &&
	       pp->comps->arg_kind != PP_ARG_STR;
}

static void add_be(struct attach_table *t, const struct probe *p, const struct probe_point *pp,
		   enum attach_kind kind)
{
	struct attach_point *a = attach_add(t, p, pp, kind);
	a->priority = pp->comps->arg_kind == PP_ARG_NUM ? pp->comps->num : 0;
}

static bool is_begin(const struct probe_point *pp) { return single(pp, "begin"); }
static bool is_end(const struct probe_point *pp) { return single(pp, "end"); }
static bool is_error(const struct probe_point *pp) { return single(pp, "error"); }

static int add_begin(struct attach_table *t, const struct probe *p, const struct probe_point *pp)
{
	add_be(t, p, pp, ATTACH_BEGIN);
	return 0;
}

static int add_end(struct attach_table *t, const struct probe *p, const struct probe_point *pp)
{
	add_be(t, p, pp, ATTACH_END);
	return 0;
}

static int add_error(struct attach_table *t, const struct probe *p, const struct probe_point *pp)
{
	add_be(t, p, pp, ATTACH_ERROR);
	return 0;
}

static void begin_forms(void (*say)(void *, const char *), void *arg)
{
	say(arg, "begin");
	say(arg, "begin(number)");
}

static void end_forms(void (*say)(void *, const char *), void *arg)
{
	say(arg, "end");
	say(arg, "end(number)");
}

static void error_forms(void (*say)(void *, const char *), void *arg)
{
	say(arg, "error");
	say(arg, "error(number)");
}

const struct probe_kind probe_kind_begin = { "begin", HOME_HOST, is_begin, add_begin,
					     begin_forms };
const struct probe_kind probe_kind_end = { "end", HOME_HOST, is_end, add_end, end_forms };
const struct probe_kind probe_kind_error = { "error", HOME_HOST, is_error, add_error,
					     error_forms };

/* never: SystemTap's point that is resolved and checked like any other,
 * and has no row, so its handler is never run. */
static bool is_never(const struct probe_point *pp)
{
	return !pp->comps->next && strcmp(pp->comps->name, "never") == 0 &&
	       pp->comps->arg_kind == PP_ARG_NONE;
}

static int add_never(struct attach_table *t, const struct probe *p, const struct probe_point *pp)
{
	t->never = true;
	t->never_at = pp;
	t->never_probe = p->id;
	return 0;
}

static void never_forms(void (*say)(void *, const char *), void *arg)
{
	say(arg, "never");
}

const struct probe_kind probe_kind_never = { "never", HOME_HOST, is_never, add_never,
					     never_forms };

/* SystemTap's timers: hrtimers from 100 µs to a day, in any unit; hz,
 * rounded up to whole nanoseconds; jiffies, 1 to 1000000 of the kernel's
 * ticks. */
#define TIMER_MIN_NS 100000ull
#define TIMER_MAX_NS (86400ull * 1000000000ull)

static const struct { const char *unit, *alias; uint64_t ns; } timer_units[] = {
	{ "s", "sec", 1000000000ull }, { "ms", "msec", 1000000ull },
	{ "us", "usec", 1000ull }, { "ns", "nsec", 1 },
	{ "hz", NULL, 0 }, { "jiffies", NULL, 0 },
};

/* The kernel's HZ, from its configuration (CONFIG_HZ), for timer.jiffies;
 * 250, Debian's, when the configuration cannot be read. */
static uint64_t kernel_hz(void)
{
	static uint64_t hz;
	if (hz)
		return hz;
	hz = 250;
	struct utsname u;
	char path[512], line[256];
	FILE *f = NULL;
	bool piped = false;
	if (uname(&u) == 0) {
		snprintf(path, sizeof(path), "/boot/config-%s", u.release);
		f = fopen(path, "r");
	}
	if (!f && access("/proc/config.gz", R_OK) == 0) {
		f = popen("gzip -dc /proc/config.gz 2>/dev/null", "r");
		piped = f != NULL;
	}
	if (!f)
		return hz;
	while (fgets(line, sizeof(line), f)) {
		unsigned long v;
		if (sscanf(line, "CONFIG_HZ=%lu", &v) == 1 && v > 0)
			hz = v;
	}
	if (piped)
		pclose(f);
	else
		fclose(f);
	return hz;
}

static bool is_timer(const struct probe_point *pp)
{
	return strcmp(pp->comps->name, "timer") == 0;
}

static int add_timer(struct attach_table *t, const struct probe *p, const struct probe_point *pp)
{
	const struct pp_comp *u = pp->comps->next, *r = u ? u->next : NULL;
	if (!u || (r && (r->next || strcmp(r->name, "randomize") != 0)) ||
	    pp->comps->arg_kind != PP_ARG_NONE)
		return probes_fail(pp, "a timer is written timer.ms(N) (or s, us, ns, hz, "
				   "jiffies), with an optional .randomize(M)");
	size_t i = 0, n = sizeof(timer_units) / sizeof(timer_units[0]);
	while (i < n && strcmp(u->name, timer_units[i].unit) != 0 &&
	       (!timer_units[i].alias || strcmp(u->name, timer_units[i].alias) != 0))
		i++;
	if (i == n)
		return probes_fail(pp, "unknown timer unit '%s'; use s, ms, us, ns (or sec, "
				   "msec, usec, nsec), hz or jiffies", u->name);
	const char *unit = timer_units[i].unit;
	if (u->arg_kind != PP_ARG_NUM)
		return probes_fail(pp, "timer.%s needs a number, as in timer.%s(%d)", u->name,
				   u->name, i == 3 ? 100000 : 1);
	if (r && r->arg_kind != PP_ARG_NUM)
		return probes_fail(pp, "randomize needs a number, as in .randomize(1)");
	if (r && strcmp(unit, "hz") == 0)
		return probes_fail(pp, "timer.hz cannot be randomized");
	int64_t num = u->num, rnd = r ? r->num : 0;
	uint64_t period, random;
	if (strcmp(unit, "jiffies") == 0) {
		if (num <= 0 || num > 1000000)
			return probes_fail(pp, "timer.jiffies(N) needs N from 1 to 1000000, "
					   "not %" PRId64, num);
		if (rnd < 0 || rnd > num)
			return probes_fail(pp, "randomize(M) needs M from 0 to %" PRId64 ", not %"
					   PRId64, num, rnd);
		uint64_t jiffy = 1000000000ull / kernel_hz();
		period = (uint64_t)num * jiffy;
		random = (uint64_t)rnd * jiffy;
	} else if (strcmp(unit, "hz") == 0) {
		uint64_t max_hz = 1000000000ull / TIMER_MIN_NS;
		if (num <= 0 || (uint64_t)num > max_hz)
			return probes_fail(pp, "timer.hz(N) needs N from 1 to %" PRIu64 ", not %"
					   PRId64, max_hz, num);
		period = (1000000000ull + (uint64_t)num - 1) / (uint64_t)num;
		random = 0;
	} else {
		uint64_t scale = timer_units[i].ns;
		uint64_t lo = scale < TIMER_MIN_NS ? TIMER_MIN_NS / scale : 1;
		uint64_t hi = TIMER_MAX_NS / scale;
		if (num < (int64_t)lo || (uint64_t)num > hi)
			return probes_fail(pp, "timer.%s(N) needs N from %" PRIu64 " to %" PRIu64
					   " (100 us to a day), not %" PRId64, u->name, lo, hi,
					   num);
		if (rnd < 0 || rnd > num)
			return probes_fail(pp, "randomize(M) needs M from 0 to %" PRId64 ", not %"
					   PRId64, num, rnd);
		period = (uint64_t)num * scale;
		random = (uint64_t)rnd * scale;
	}
	struct attach_point *a = attach_add(t, p, pp, ATTACH_TIMER);
	a->period_ns = period;
	a->random_ns = random;
	return 0;
}

static void timer_forms(void (*say)(void *, const char *), void *arg)
{
	static const char *const units[] = { "s", "sec", "ms", "msec", "us", "usec", "ns",
					      "nsec", "jiffies" };
	char form[64];
	for (size_t i = 0; i < sizeof(units) / sizeof(*units); i++) {
		snprintf(form, sizeof(form), "timer.%s(number)", units[i]);
		say(arg, form);
		snprintf(form, sizeof(form), "timer.%s(number).randomize(number)", units[i]);
		say(arg, form);
	}
	say(arg, "timer.hz(number)");
}

const struct probe_kind probe_kind_timer = { "timer", HOME_HOST, is_timer, add_timer,
					     timer_forms };
