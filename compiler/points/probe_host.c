/* SPDX-License-Identifier: GPL-2.0-or-later */
/* probe_host.c — probe points whose handlers run in uscript itself:
 * begin, end, error and timer.s/ms/us(N). */
#include <inttypes.h>
#include <string.h>

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

const struct probe_kind probe_kind_begin = { "begin", HOME_HOST, is_begin, add_begin };
const struct probe_kind probe_kind_end = { "end", HOME_HOST, is_end, add_end };
const struct probe_kind probe_kind_error = { "error", HOME_HOST, is_error, add_error };

static const struct { const char *unit; uint64_t ns; } timer_units[] = {
	{ "s", 1000000000ull }, { "ms", 1000000ull }, { "us", 1000ull },
};

static bool is_timer(const struct probe_point *pp)
{
	return strcmp(pp->comps->name, "timer") == 0;
}

static int add_timer(struct attach_table *t, const struct probe *p, const struct probe_point *pp)
{
	const struct pp_comp *u = pp->comps->next;
	if (!u || u->next || pp->comps->arg_kind != PP_ARG_NONE)
		return probes_fail(pp, "a timer is written timer.s(N), timer.ms(N) or timer.us(N)");
	for (size_t i = 0; i < sizeof(timer_units) / sizeof(timer_units[0]); i++) {
		if (strcmp(u->name, timer_units[i].unit) != 0)
			continue;
		if (u->arg_kind != PP_ARG_NUM)
			return probes_fail(pp, "timer.%s needs a number of %s, as in timer.%s(1)",
					   u->name, u->name, u->name);
		if (u->num <= 0 || (uint64_t)u->num > UINT64_MAX / timer_units[i].ns / 2)
			return probes_fail(pp, "the period must be a positive number, not %" PRId64,
					   u->num);
		struct attach_point *a = attach_add(t, p, pp, ATTACH_TIMER);
		a->period_ns = (uint64_t)u->num * timer_units[i].ns;
		return 0;
	}
	return probes_fail(pp, "unknown timer unit '%s'; use s, ms or us", u->name);
}

const struct probe_kind probe_kind_timer = { "timer", HOME_HOST, is_timer, add_timer };
