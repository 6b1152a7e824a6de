/* output.c — records into text.
 *
 * A printf record carries its site id and argument values; the format was
 * parsed once at start, from the program's format table.  Host handlers
 * hand their records to the same function, so begin/end output is formatted
 * by the same code as probe output. */
#include "runtime.h"

#include <errno.h>

#include "maps.h"
#include "symbolize.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

int output_init(struct output *o, const struct program *p, FILE *out)
{
	memset(o, 0, sizeof(*o));
	o->prog = p;
	o->out = out;
	o->error_site = -1;
	o->formats = calloc((size_t)p->nformats + 1, sizeof(*o->formats));
	if (!o->formats)
		return -1;
	for (int i = 0; i < p->nformats; i++) {
		for (int k = 0; k < p->formats[i].nargs && !o->sym; k++)
			if (p->formats[i].arg_kinds[k] > OUT_STRING && !(o->sym = sym_new()))
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
	if (o->formats)
		for (int i = 0; i < o->prog->nformats; i++)
			fmt_free(&o->formats[i]);
	free(o->formats);
	strbuf_free(&o->line);
	strbuf_free(&o->error_msg);
	for (size_t i = 0; i < sizeof(o->texts) / sizeof(o->texts[0]); i++)
		strbuf_free(&o->texts[i]);
	if (o->sym)
		sym_free(o->sym);
	o->sym = NULL;
	o->formats = NULL;
}

/* The text of an argument the runtime names (program.h), into t. */
static void deferred_text(struct output *o, enum out_arg kind, const char *p, struct strbuf *t)
{
	strbuf_reset(t);
	if (kind == OUT_USYMNAME) {
		struct out_addr a;
		memcpy(&a, p, sizeof(a));
		sym_usymname(o->sym, t, (int)a.pid, a.addr, o->prog->maxstringlen);
		return;
	}
	struct out_stack st;
	memcpy(&st, p, sizeof(st));
	size_t n = st.nframes < 0 ? 0 : st.nframes > OUT_MAX_FRAMES ? OUT_MAX_FRAMES :
		(size_t)st.nframes;
	if (kind == OUT_BACKTRACE)
		sym_print_ubacktrace(o->sym, t, (int)st.pid, st.frames, n);
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
		case OUT_LONG: {
			int64_t v;
			memcpy(&v, p, sizeof(v));
			args[i] = fmt_long(v);
			break;
		}
		default:
			deferred_text(o, site->arg_kinds[i], p, &o->texts[i]);
			args[i] = fmt_str(o->texts[i].buf ? o->texts[i].buf : "", o->texts[i].len);
			break;
		}
	}
	return n;
}

static void print_record(struct output *o, const struct rec_hdr *h, size_t size)
{
	const struct format_site *site = &o->prog->formats[h->site];
	if (size < site->size)
		return;
	struct fmt_arg args[64];
	int n = record_args(o, site, h, args);
	strbuf_reset(&o->line);
	fmt_printf(&o->formats[h->site], args, (size_t)n, &o->line);
	fwrite(o->line.buf, 1, o->line.len, o->out);
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

/* The histogram is read when its record arrives; an empty one is the
 * runtime error SystemTap raises for it. */
static void print_hist(struct output *o, const struct hist_site *site, const void *key,
		       size_t len)
{
	if (len < o->prog->globals[site->global].key_size)
		return;
	strbuf_reset(&o->line);
	int rc = maps_print_hist(o->maps, site->global, key, &o->line);
	if (rc == -ENODATA) {
		if (o->stop != OUT_ERROR) {
			o->stop = OUT_ERROR;
			o->error_site = site->empty_error;
		}
		/* A host handler checks this after the record, and ends. */
		if (o->globals)
			__atomic_fetch_or(&o->globals->stopping, STOP_ERROR, __ATOMIC_SEQ_CST);
		return;
	}
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
		if (o->stop != OUT_ERROR && h.site < (uint32_t)o->prog->nerrors) {
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

void output_error(const struct output *o, int site)
{
	const struct error_site *e = &o->prog->errors[site];
	fflush(o->out);
	if (e->msg)
		fprintf(stderr, "ERROR: %s near %s:%d:%d\n", e->msg, e->loc.file->name, e->loc.line,
			e->loc.col);
	else
		fprintf(stderr, "ERROR: %.*s near %s:%d:%d\n", (int)o->error_msg.len,
			o->error_msg.buf ? o->error_msg.buf : "", e->loc.file->name, e->loc.line,
			e->loc.col);
}

void output_globals(struct output *o, const void *globals)
{
	const char *base = globals;
	for (int i = 0; i < o->prog->nglobals; i++) {
		const struct global_var *g = &o->prog->globals[i];
		if (!g->print_at_end)
			continue;
		if (g->kind != GLOBAL_SCALAR) {
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
