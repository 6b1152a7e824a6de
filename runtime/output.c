/* SPDX-License-Identifier: GPL-2.0-or-later */
/* output.c — records into text.
 *
 * A printf record carries its site id and argument values; the format was
 * parsed once at start, from the program's format table.  Host handlers
 * hand their records to the same function, so begin/end output is formatted
 * by the same code as probe output.
 *
 * With -f json every output is a record of its own, one JSON object a
 * line on the same stream: a printf call's text, a histogram's buckets, a
 * global at the end, a runtime error or warning, the count of lost events.
 * The man page's JSON OUTPUT section is the schema. */
#include "runtime.h"

#include <errno.h>
#include <stdarg.h>

#include "json.h"
#include "maps.h"
#include "parse/diag.h"
#include "strfuncs.h"
#include "symbolize.h"

#include <inttypes.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int output_init(struct output *o, const struct program *p, FILE *out)
{
	memset(o, 0, sizeof(*o));
	o->prog = p;
	o->out = out;
	o->error_site = -1;
	o->soft_left = p->maxerrors;
	o->formats = calloc((size_t)p->nformats + 1, sizeof(*o->formats));
	if (!o->formats)
		return -1;
	for (int i = 0; i < p->nformats; i++) {
		for (int k = 0; k < p->formats[i].nargs && !o->sym; k++)
			if (p->formats[i].arg_kinds[k] >= OUT_BACKTRACE && !(o->sym = sym_new()))
				return -1;
		struct fmt_error err;
		if (fmt_parse(p->formats[i].fmt, p->formats[i].fmt_len, &o->formats[i], &err) < 0) {
			/* The compiler checked every format; this is a bug. */
			fprintf(stderr, "uscript: internal error: format %d: %s\n", i, err.msg);
			return -1;
		}
	}
	return 0;
}

void output_free(struct output *o)
{
	for (size_t i = 0; i < o->ncommands; i++)
		while (waitpid(o->commands[i], NULL, 0) < 0 && errno == EINTR)
			;
	free(o->commands);
	o->commands = NULL;
	o->ncommands = 0;
	if (o->formats)
		for (int i = 0; i < o->prog->nformats; i++)
			fmt_free(&o->formats[i]);
	free(o->formats);
	strbuf_free(&o->line);
	strbuf_free(&o->rec);
	strbuf_free(&o->error_msg);
	for (size_t i = 0; i < sizeof(o->texts) / sizeof(o->texts[0]); i++)
		strbuf_free(&o->texts[i]);
	if (o->sym)
		sym_free(o->sym);
	o->sym = NULL;
	o->formats = NULL;
}

/* SystemTap's %#c: the character between the quotes the text has put. */
static void pretty_char(struct strbuf *t, unsigned char c)
{
	if (c == '\'' || c == '\\')
		strbuf_printf(t, "\\%c", c);
	else if (c >= 0x20 && c < 0x7f)
		strbuf_putc(t, c);
	else if (c >= 7 && c <= 13)
		strbuf_printf(t, "\\%c", "abtnvfr"[c - 7]);
	else
		strbuf_printf(t, "\\%03o", c);
}

/* $var$ and the like (program.h, OUT_PRETTY): the plan of the row that
 * fired, with its values; a group whose reads faulted is "ERROR". */
static void pretty_text(struct output *o, const struct pretty_arg *pa, const char *p,
			struct strbuf *t)
{
	int64_t row;
	uint64_t faults;
	memcpy(&row, p, 8);
	memcpy(&faults, p + 8, 8);
	const struct pretty_plan *plan = NULL;
	for (int i = 0; i < pa->nplans && !plan; i++)
		if (pa->plans[i].row == row)
			plan = &pa->plans[i];
	if (!plan)
		return;
	int skipping = 0;
	for (int i = 0; i < plan->n; i++) {
		const struct pretty_piece *pc = &plan->pieces[i];
		if (pc->group && (faults >> pc->group) & 1) {
			if (skipping != pc->group)
				strbuf_puts(t, "ERROR");
			skipping = pc->group;
			continue;
		}
		skipping = 0;
		strbuf_puts(t, pc->text);
		uint64_t v;
		memcpy(&v, p + pc->offset, 8);
		switch (pc->fmt) {
		case PRETTY_TEXT:
			break;
		case PRETTY_HEX:
		case PRETTY_POINTER:
			strbuf_printf(t, "0x%" PRIx64, v);
			break;
		case PRETTY_SIGNED:
			strbuf_printf(t, "%" PRId64, (int64_t)v);
			break;
		case PRETTY_UNSIGNED:
			strbuf_printf(t, "%" PRIu64, v);
			break;
		case PRETTY_CHAR:
			pretty_char(t, (unsigned char)v);
			break;
		case PRETTY_STRING: {
			uint64_t ok;
			memcpy(&ok, p + pc->offset + 8, 8);
			if (!ok) {
				strbuf_printf(t, "0x%" PRIx64, v);
				break;
			}
			size_t max = o->prog->maxstringlen;
			char *raw = malloc(max + 1), *quoted = malloc(max + 1);
			if (!raw || !quoted) {
				free(raw);
				free(quoted);
				break;
			}
			memcpy(raw, p + pc->offset + 16, max);
			raw[max] = '\0';
			str_textn(quoted, raw, (int64_t)max, 1, max);
			strbuf_puts(t, quoted);
			free(raw);
			free(quoted);
			break;
		}
		}
	}
}

/* An empty histogram is the runtime error SystemTap raises for it. */
static void hist_empty(struct output *o, const struct hist_site *site)
{
	if (o->stop != OUT_ERROR) {
		o->stop = OUT_ERROR;
		o->error_site = site->empty_error;
	}
	/* A host handler checks this after the record, and ends. */
	if (o->globals)
		__atomic_fetch_or(&o->globals->stopping, STOP_ERROR, __ATOMIC_SEQ_CST);
}

/* The stack unwound by call-frame information from the registers and the
 * stack the probe copied (sym_unwind.c), in st's frames, when it goes at
 * least as far as the kernel's walk by frame pointers or past the probed
 * function; else st's frames stay the walk's.  Code built without frame
 * pointers stops that walk at the first frame (or leads it astray), and
 * code without CFI stops the unwinding. */
static size_t unwound(struct output *o, const struct format_site *site, const char *p,
		      struct out_stack *st, size_t n)
{
	struct out_uregs u;
	memcpy(&u, p + sizeof(*st), sizeof(u));
	if (u.len == 0 || u.len > site->ustack_bytes)
		return n;
	uint64_t frames[OUT_MAX_FRAMES];
	int got = sym_unwind(o->sym, (int)st->pid, u.regs, p + sizeof(*st) + sizeof(u), u.len,
			     frames, OUT_MAX_FRAMES);
	if (got <= 0 || ((size_t)got < n && got < 2))
		return n;
	memcpy(st->frames, frames, (size_t)got * sizeof(frames[0]));
	return (size_t)got;
}

/* The text of argument i of a site, one the runtime names (program.h),
 * into t. */
static void deferred_text(struct output *o, const struct format_site *site, int i,
			  const char *p, struct strbuf *t)
{
	enum out_arg kind = site->arg_kinds[i];
	strbuf_reset(t);
	if (kind == OUT_PRETTY) {
		pretty_text(o, site->pretty[i], p, t);
		return;
	}
	if (kind == OUT_HIST) {
		/* as sprint draws it: at most MAXSTRINGLEN - 1 bytes */
		const struct hist_site *hs = &o->prog->hists[site->hist_sites[i]];
		if (maps_print_hist(o->maps, hs->global, p, t) == -ENODATA) {
			hist_empty(o, hs);
			o->hist_empty = true;
		}
		if (t->len > o->prog->maxstringlen - 1)
			t->len = o->prog->maxstringlen - 1;
		return;
	}
	if (kind == OUT_USYMNAME || kind == OUT_SYMDATA) {
		struct out_addr a;
		memcpy(&a, p, sizeof(a));
		if (kind == OUT_SYMDATA)
			sym_symdata(o->sym, t, (int)a.pid, a.addr, o->prog->maxstringlen);
		else
			sym_usymname(o->sym, t, (int)a.pid, a.addr, o->prog->maxstringlen);
		return;
	}
	struct out_stack st;
	memcpy(&st, p, sizeof(st));
	size_t n = st.nframes < 0 ? 0 : st.nframes > OUT_MAX_FRAMES ? OUT_MAX_FRAMES :
		(size_t)st.nframes;
	if (site->ustack_bytes && st.pid >= 0)
		n = unwound(o, site, p, &st, n);
	const struct attach_point *a = st.row >= 0 && st.row < o->prog->nattach ?
		&o->prog->attach[st.row] : NULL;
	uint64_t from;
	if (kind == OUT_BACKTRACE && n && a && a->kind == ATTACH_URETPROBE && st.pid >= 0 &&
	    sym_file_address(o->sym, (int)st.pid, a->path, a->offset, &from) == 0) {
		/* SystemTap at a return: the function, then where it returns */
		strbuf_puts(t, "Returning from: ");
		sym_print_ubacktrace(o->sym, t, (int)st.pid, &from, 1);
		strbuf_puts(t, "Returning to  : ");
	}
	if (kind == OUT_UBACKTRACE) {
		sym_ubacktrace(t, st.frames, n, o->prog->maxstringlen);
		return;
	}
	if (kind == OUT_USTACK) {
		/* sprint_ustack's lines, whole ones only, in MAXSTRINGLEN - 1
		 * bytes */
		sym_print_ubacktrace(o->sym, t, (int)st.pid, st.frames, n);
		size_t keep = 0, max = o->prog->maxstringlen;
		for (size_t at = 0; at < t->len; ) {
			const char *nl = memchr(t->buf + at, '\n', t->len - at);
			size_t end = nl ? (size_t)(nl - t->buf) + 1 : t->len;
			if (end > max)
				break;
			keep = end;
			at = end;
		}
		t->len = keep < max - 1 ? keep : max - 1;
		return;
	}
	if (kind == OUT_BACKTRACE)
		sym_print_ubacktrace(o->sym, t, (int)st.pid, st.frames, n);
	else if (kind == OUT_BBACKTRACE)
		sym_print_ubacktrace_brief(o->sym, t, (int)st.pid, st.frames, n);
	else
		sym_sprint_ubacktrace(o->sym, t, (int)st.pid, st.frames, n, o->prog->maxstringlen);
}

/* The argument values of a printf record, for the formatter. */
static int record_args(struct output *o, const struct format_site *site,
		       const void *rec, struct fmt_arg *args)
{
	int n = site->nargs < 64 ? site->nargs : 64;
	const char *base = rec;
	for (int i = 0; i < n; i++) {
		const char *p = base + site->arg_offsets[i];
		switch (site->arg_kinds[i]) {
		case OUT_STRING:
			args[i] = fmt_str(p, strnlen(p, o->prog->maxstringlen));
			break;
		case OUT_LITERAL:
			args[i] = fmt_str(site->literals[i], strlen(site->literals[i]));
			break;
		case OUT_LONG: {
			int64_t v;
			memcpy(&v, p, sizeof(v));
			args[i] = fmt_long(v);
			break;
		}
		case OUT_MEMORY: {
			/* The bytes the probe read for %m or %M, as a long's
			 * argument that carries them. */
			int64_t len;
			memcpy(&len, p, sizeof(len));
			if (len < 0 || len > (int64_t)o->prog->maxstringlen)
				len = 0;
			args[i] = fmt_long(0);
			args[i].str = p + 8;
			args[i].len = (size_t)len;
			break;
		}
		default:
			deferred_text(o, site, i, p, &o->texts[i]);
			args[i] = fmt_str(o->texts[i].buf ? o->texts[i].buf : "", o->texts[i].len);
			break;
		}
	}
	return n;
}

/* system(cmd): cmd run by /bin/sh in the background, as SystemTap starts
 * it once the probe is done, with uscript's standard streams and the
 * signals a shell expects; its output follows what was printed before.
 * The commands still running at the end are waited for (output_free). */
extern char **environ;

static void run_command(struct output *o, const struct strbuf *cmd)
{
	char *text = strndup(cmd->buf ? cmd->buf : "", cmd->len);
	if (!text)
		return;
	fflush(o->out);
	posix_spawnattr_t attr;
	sigset_t none, dfl;
	sigemptyset(&none);
	sigemptyset(&dfl);
	sigaddset(&dfl, SIGCHLD);
	sigaddset(&dfl, SIGINT);
	sigaddset(&dfl, SIGTERM);
	sigaddset(&dfl, SIGPIPE);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setsigdefault(&attr, &dfl);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	char *argv[] = { "sh", "-c", text, NULL };
	pid_t pid;
	int rc = posix_spawn(&pid, "/bin/sh", NULL, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	free(text);
	if (rc != 0) {
		fprintf(stderr, "%sWARNING:%s system(): cannot run /bin/sh: %s\n",
			diag_sgr(stderr, "warning"), diag_sgr_end(stderr), strerror(rc));
		return;
	}
	pid_t *more = realloc(o->commands, (o->ncommands + 1) * sizeof(*more));
	if (!more) {
		waitpid(pid, NULL, 0);
		return;
	}
	o->commands = more;
	o->commands[o->ncommands++] = pid;
}

static void print_record(struct output *o, const struct rec_hdr *h, size_t size)
{
	const struct format_site *site = &o->prog->formats[h->site];
	if (size < site->size)
		return;
	struct fmt_arg args[64];
	o->hist_empty = false;
	int n = record_args(o, site, h, args);
	if (o->hist_empty)
		return;   /* the error instead of the line, as SystemTap's */
	strbuf_reset(&o->line);
	fmt_printf(&o->formats[h->site], args, (size_t)n, &o->line);
	switch (site->dest) {
	case SITE_OUT:
		if (o->json) {
			/* One record a call, as bpftrace's printf records: the
			 * text of several calls makes a line when it is joined. */
			strbuf_reset(&o->rec);
			strbuf_puts(&o->rec, "{\"type\": \"printf\", \"data\": ");
			json_string(&o->rec, o->line.buf ? o->line.buf : "", o->line.len);
			strbuf_puts(&o->rec, "}\n");
			fwrite(o->rec.buf, 1, o->rec.len, o->out);
			break;
		}
		fwrite(o->line.buf, 1, o->line.len, o->out);
		break;
	case SITE_WARN:
		/* In order with the output printed before it. */
		output_warning(o, "%.*s", (int)o->line.len, o->line.buf ? o->line.buf : "");
		break;
	case SITE_SYSTEM:
		run_command(o, &o->line);
		break;
	}
}

void output_sprintf(struct output *o, const void *rec, char *dst, size_t maxstr)
{
	struct rec_hdr h;
	memcpy(&h, rec, sizeof(h));
	dst[0] = '\0';
	if (h.site >= (uint32_t)o->prog->nformats || maxstr == 0)
		return;
	struct fmt_arg args[64];
	int n = record_args(o, &o->prog->formats[h.site], rec, args);
	struct strbuf sb = { 0 };
	fmt_sprintf(&o->formats[h.site], args, (size_t)n, maxstr, &sb);
	size_t len = sb.len < maxstr - 1 ? sb.len : maxstr - 1;
	if (len)
		memcpy(dst, sb.buf, len);
	dst[len] = '\0';
	strbuf_free(&sb);
}

/* The histogram is read when its record arrives. */
static void print_hist(struct output *o, const struct hist_site *site, const void *key,
		       size_t len)
{
	if (len < o->prog->globals[site->global].key_size)
		return;
	strbuf_reset(&o->line);
	if (o->json)
		strbuf_puts(&o->line, "{\"type\": \"hist\", \"data\": ");
	int rc = o->json ? maps_json_hist(o->maps, site->global, key, &o->line) :
		maps_print_hist(o->maps, site->global, key, &o->line);
	if (rc == -ENODATA) {
		hist_empty(o, site);
		return;
	}
	if (o->json)
		strbuf_puts(&o->line, "}\n");
	fwrite(o->line.buf, 1, o->line.len, o->out);
}

void output_record(struct output *o, const void *data, size_t size)
{
	struct rec_hdr h;
	if (size < sizeof(h))
		return;
	memcpy(&h, data, sizeof(h));
	switch (h.type) {
	case REC_PRINTF:
		if (h.site < (uint32_t)o->prog->nformats)
			print_record(o, data, size);
		break;
	case REC_ERROR:
		if (h.site < (uint32_t)o->prog->nerrors)
			o->nerrors++;
		if ((o->stop != OUT_ERROR || o->report_each) && h.site < (uint32_t)o->prog->nerrors) {
			/* Under -D MAXERRORS, one of the first N: printed now,
			 * and the run goes on. */
			bool soft = o->stop != OUT_ERROR && o->soft_left > 0;
			if (soft)
				o->soft_left--;
			else
				o->stop = OUT_ERROR;
			o->error_site = (int)h.site;
			/* error(msg): the message came with the record; or its
			 * values did, for the site's format. */
			const struct error_site *es = &o->prog->errors[h.site];
			const char *m = (const char *)data + sizeof(h);
			size_t room = size - sizeof(h);
			strbuf_reset(&o->error_msg);
			if (es->format >= 0 && es->format < o->prog->nformats &&
			    size >= o->prog->formats[es->format].size) {
				struct fmt_arg args[64];
				int n = record_args(o, &o->prog->formats[es->format], data, args);
				fmt_printf(&o->formats[es->format], args, (size_t)n, &o->error_msg);
			} else if (!es->msg) {
				strbuf_append(&o->error_msg, m, strnlen(m, room));
			}
			/* In an error probe, after the first error was printed. */
			if (o->report_each || soft)
				output_error(o, o->error_site);
		}
		break;
	case REC_EXIT:
		if (o->stop == OUT_RUNNING)
			o->stop = OUT_EXIT;
		break;
	case REC_HIST:
		if (h.site < (uint32_t)o->prog->nhists && o->maps)
			print_hist(o, &o->prog->hists[h.site], (const char *)data + sizeof(h),
				   size - sizeof(h));
		break;
	}
}

/* The error record: its message, where it was raised and, inside the
 * library, the script's call that led there. */
static void json_error(const struct output *o, const struct error_site *e)
{
	struct strbuf rec = STRBUF_INIT;
	strbuf_puts(&rec, "{\"type\": \"error\", \"data\": {\"msg\": ");
	if (e->msg)
		json_string(&rec, e->msg, strlen(e->msg));
	else
		json_string(&rec, o->error_msg.buf ? o->error_msg.buf : "", o->error_msg.len);
	strbuf_puts(&rec, ", \"file\": ");
	json_string(&rec, e->loc.file->name, strlen(e->loc.file->name));
	strbuf_printf(&rec, ", \"line\": %d, \"column\": %d", e->loc.line, e->loc.col);
	if (e->context) {
		strbuf_puts(&rec, ", \"context\": ");
		json_string(&rec, e->context, strlen(e->context));
	}
	strbuf_puts(&rec, "}}\n");
	fwrite(rec.buf, 1, rec.len, o->out);
	strbuf_free(&rec);
}

void output_error(const struct output *o, int site)
{
	const struct error_site *e = &o->prog->errors[site];
	if (o->json) {
		json_error(o, e);
		return;
	}
	fflush(o->out);
	fprintf(stderr, "%sERROR:%s ", diag_sgr(stderr, "error"), diag_sgr_end(stderr));
	if (e->msg)
		fprintf(stderr, "%s near %s:%d:%d", e->msg, e->loc.file->name, e->loc.line,
			e->loc.col);
	else
		fprintf(stderr, "%.*s near %s:%d:%d", (int)o->error_msg.len,
			o->error_msg.buf ? o->error_msg.buf : "", e->loc.file->name, e->loc.line,
			e->loc.col);
	/* Inside the library: the script's call that led there. */
	if (e->context)
		fprintf(stderr, " (%s)", e->context);
	fputc('\n', stderr);
}

/* -f json: one record a global, {"name": …, "value": …}. */
static void json_global(struct output *o, const struct global_var *g, int i, const char *base)
{
	struct strbuf rec = STRBUF_INIT;
	strbuf_puts(&rec, "{\"type\": \"global\", \"data\": {\"name\": ");
	json_string(&rec, g->name, strlen(g->name));
	strbuf_puts(&rec, ", \"value\": ");
	int rc = 0;
	if (g->kind != GLOBAL_SCALAR) {
		rc = o->maps ? maps_json_global(o->maps, i, &rec) : -ENOENT;
	} else if (g->type == TYPE_STRING) {
		const char *s = base + g->offset;
		json_string(&rec, s, strnlen(s, o->prog->maxstringlen));
	} else {
		int64_t v;
		memcpy(&v, base + g->offset, sizeof(v));
		strbuf_printf(&rec, "%" PRId64, v);
	}
	strbuf_puts(&rec, "}}\n");
	if (rc == 0)
		fwrite(rec.buf, 1, rec.len, o->out);
	strbuf_free(&rec);
}

void output_globals(struct output *o, const void *globals)
{
	const char *base = globals;
	for (int i = 0; i < o->prog->nglobals; i++) {
		const struct global_var *g = &o->prog->globals[i];
		if (!g->print_at_end)
			continue;
		if (o->json) {
			json_global(o, g, i, base);
		} else if (g->kind != GLOBAL_SCALAR) {
			if (o->maps) {
				strbuf_reset(&o->line);
				maps_print_global(o->maps, i, &o->line);
				fwrite(o->line.buf, 1, o->line.len, o->out);
			}
		} else if (g->type == TYPE_STRING) {
			const char *s = base + g->offset;
			fprintf(o->out, "%s=\"%.*s\"\n", g->name,
				(int)strnlen(s, o->prog->maxstringlen), s);
		} else if (g->type == TYPE_LONG) {
			int64_t v;
			memcpy(&v, base + g->offset, sizeof(v));
			fprintf(o->out, "%s=%" PRId64 "\n", g->name, v);
		}
	}
}

void output_warning(struct output *o, const char *fmt, ...)
{
	struct strbuf msg = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (o->json) {
		struct strbuf rec = STRBUF_INIT;
		strbuf_puts(&rec, "{\"type\": \"warning\", \"data\": {\"msg\": ");
		json_string(&rec, msg.buf ? msg.buf : "", msg.len);
		strbuf_puts(&rec, "}}\n");
		fwrite(rec.buf, 1, rec.len, o->out);
		strbuf_free(&rec);
	} else {
		/* After what the script printed before it. */
		fflush(o->out);
		fprintf(stderr, "%sWARNING:%s %s\n", diag_sgr(stderr, "warning"),
			diag_sgr_end(stderr), msg.buf ? msg.buf : "");
	}
	strbuf_free(&msg);
}

void output_lost(struct output *o, uint64_t lost, uint64_t missed)
{
	if (o->json) {
		if (lost)
			fprintf(o->out, "{\"type\": \"lost_events\", \"data\": {\"events\": %"
				PRIu64 "}}\n", lost);
		if (missed)
			fprintf(o->out, "{\"type\": \"missed_returns\", \"data\": "
				"{\"returns\": %" PRIu64 "}}\n", missed);
		return;
	}
	/* In the form of SystemTap's closing summary ("Number of errors: N,
	 * skipped probes: M"); its own "transport failures" count output
	 * buffers, not records, and name an option uscript lacks. */
	if (lost)
		output_warning(o, "Number of events lost: %" PRIu64, lost);
	if (missed)
		output_warning(o, "Number of returns missed: %" PRIu64 " (the kernel "
			       "reports no return of a call made while 64 returns of its "
			       "thread are pending)", missed);
}
