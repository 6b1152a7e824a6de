/* SPDX-License-Identifier: GPL-2.0-or-later */
/* verifier.c — why the kernel refused a probe's program, said at the
 * probe in the script.
 *
 * libbpf passes on the verifier's log of the program it could not load:
 *
 *   libbpf: prog 'probe_0': -- BEGIN PROG LOAD LOG --
 *   ; n++ @ loop.up:5          (the script line of the next instructions,
 *   12: (07) r1 += 1            from the BTF line info the compiler emits)
 *   The sequence of 8193 jumps is too complex.
 *   processed 40971 insns (limit 1000000) ...
 *   -- END PROG LOAD LOG --
 *
 * The program's name gives the probe (its attach rows), the last script
 * line before the reason gives where the verifier stopped, and the reason
 * is its last line of prose.  Code the compiler makes always passes the
 * verifier's checks of safety; what it can still refuse is a program whose
 * paths are too many or too long to follow, which the script can change. */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/diag.h"
#include "runtime.h"

struct rejection {
	char prog[64];           /* the program's name, "" if not found */
	int line;                /* of the script where it stopped, 0 if unknown */
	const char *why;         /* the reason, why_len bytes */
	int why_len;
};

static void read_log(const char *log, struct rejection *rj)
{
	const char *begin = strstr(log, "-- BEGIN PROG LOAD LOG --");
	const char *end = begin ? strstr(begin, "-- END PROG LOAD LOG --") : NULL;
	if (!begin || !end)
		return;
	/* The marker's line starts "libbpf: prog 'NAME': ". */
	const char *ls = begin;
	while (ls > log && ls[-1] != '\n')
		ls--;
	const char *q = strstr(ls, "prog '");
	if (q && q < begin) {
		q += 6;
		size_t n = strcspn(q, "'\n");
		if (n < sizeof(rj->prog)) {
			memcpy(rj->prog, q, n);
			rj->prog[n] = '\0';
		}
	}
	for (const char *l = strchr(begin, '\n'); l && l < end;) {
		l++;
		const char *nl = memchr(l, '\n', (size_t)(end - l));
		if (!nl)
			nl = end;
		if (l[0] == ';') {
			/* "; source text @ file:line": the number after the
			 * last ':'. */
			const char *colon = NULL;
			for (const char *p = l; p < nl; p++)
				if (*p == ':')
					colon = p;
			if (colon && strstr(l, " @ ") && strstr(l, " @ ") < colon)
				rj->line = atoi(colon + 1);
		} else if (nl > l && !(l[0] >= '0' && l[0] <= '9') &&
			   strncmp(l, "processed ", 10) != 0 && strncmp(l, "-- ", 3) != 0 &&
			   strncmp(l, "verification time ", 18) != 0 &&
			   strncmp(l, "stack depth ", 12) != 0) {
			rj->why = l;
			rj->why_len = (int)(nl - l);
		}
		l = nl;
	}
}

/* The whole of a script line, from its first to its last non-blank
 * character, to underline where the verifier stopped. */
static bool line_loc(const struct src_file *f, int line, struct loc *loc)
{
	if (!f || !f->text || line < 1)
		return false;
	const char *p = f->text, *end = f->text + f->len;
	for (int n = 1; n < line; n++) {
		p = memchr(p, '\n', (size_t)(end - p));
		if (!p)
			return false;
		p++;
	}
	const char *e = memchr(p, '\n', (size_t)(end - p));
	if (!e)
		e = end;
	int first = 0, last = -1;
	for (int i = 0; p + i < e; i++) {
		if (p[i] == ' ' || p[i] == '\t' || p[i] == '\r')
			continue;
		if (last < 0)
			first = i;
		last = i;
	}
	if (last < 0)
		return false;
	*loc = (struct loc){ f, line, first + 1, line, last + 1 };
	return true;
}

static bool starts(const struct rejection *rj, const char *s)
{
	return rj->why && strncmp(rj->why, s, strlen(s)) == 0;
}

void verifier_explain(const char *log, const struct program *p, bool verbose)
{
	struct rejection rj = { 0 };
	read_log(log ? log : "", &rj);
	const struct attach_point *row = NULL;
	for (int i = 0; i < p->nattach && rj.prog[0]; i++)
		if (p->attach[i].prog_name && strcmp(p->attach[i].prog_name, rj.prog) == 0) {
			row = &p->attach[i];
			break;
		}
	const char *why = rj.why ? rj.why : "no reason given";
	int why_len = rj.why ? rj.why_len : (int)strlen(why);
	if (row)
		diag_error(&row->loc, "the kernel's verifier refused the program of this probe: %.*s",
			   why_len, why);
	else
		diag_error(NULL, "the kernel's verifier refused a probe's program: %.*s",
			   why_len, why);

	struct loc at;
	/* On the probe's own line (a one-liner) the note would add nothing. */
	if (row && rj.line != row->loc.line && line_loc(row->loc.file, rj.line, &at))
		diag_note(&at, "the verifier stopped here");
	if (starts(&rj, "BPF program is too large") ||
	    starts(&rj, "The sequence of"))
		diag_note(NULL, "the verifier follows every path through a probe, and gives up "
			  "after 1000000 instructions or 8192 pending branches: give the probe "
			  "fewer tests whose outcomes add up (each doubles the paths that follow "
			  "it), or share the work among several probes");
	if (!verbose)
		fprintf(stderr, "uscript: run with -v to see the verifier's whole log\n");
}

/* The probe point a program was made for: its first attach row. */
static const struct attach_point *row_of(const struct program *p, const char *name)
{
	for (int i = 0; i < p->nattach; i++)
		if (p->attach[i].prog_name && strcmp(p->attach[i].prog_name, name) == 0)
			return &p->attach[i];
	return NULL;
}

/* How much work each loaded program was for the verifier (the kernel's
 * verified_insns, 5.16 and later): with -v on stderr, and one line a
 * program appended to the file $USCRIPT_VERIFIER_STATS names, which the
 * tests read to hold every program far below the verifier's limit. */
void verifier_report(struct bpf_object *obj, const struct program *p, bool verbose)
{
	const char *path = getenv("USCRIPT_VERIFIER_STATS");
	FILE *stats = path && *path ? fopen(path, "a") : NULL;
	struct bpf_program *prog;
	bpf_object__for_each_program(prog, obj) {
		int fd = bpf_program__fd(prog);
		if (fd < 0)
			continue;
		struct bpf_prog_info info;
		__u32 len = sizeof(info);
		memset(&info, 0, sizeof(info));
		if (bpf_obj_get_info_by_fd(fd, &info, &len) != 0)
			continue;
		const struct attach_point *row = row_of(p, bpf_program__name(prog));
		const char *point = row && row->pp ? row->pp : "?";
		if (verbose)
			fprintf(stderr, "uscript: %s (%s): the verifier processed %u instructions\n",
				bpf_program__name(prog), point, info.verified_insns);
		if (stats)
			fprintf(stats, "%u %s %s\n", info.verified_insns, bpf_program__name(prog),
				point);
	}
	if (stats)
		fclose(stats);
}
