/* SPDX-License-Identifier: GPL-2.0-or-later */
/* output.c — printf, print, println and exit: records for the runtime.
 *
 * A printf sends {REC_PRINTF, site} and its argument values; the format
 * itself stays in the program's format table and is applied by the
 * runtime.  Arguments are evaluated before the record is reserved: a
 * runtime error while evaluating one must not leave a reservation open. */
#include <inttypes.h>
#include <string.h>

#include "parse/arena.h"
#include "cg.h"
#include "points/target.h"
#include "parse/diag.h"
#include "format.h"
#include "hostabi.h"

struct out_args {
	LLVMValueRef *vals;
	const struct format_site *site;
	int index;
};

static void fill_printf(struct cg *cg, LLVMValueRef rec, void *arg)
{
	struct out_args *o = arg;
	cg_store_at(cg, rec, 0, LLVMConstInt(cg->i32, REC_PRINTF, 0), cg->i32);
	cg_store_at(cg, rec, 4, LLVMConstInt(cg->i32, (unsigned)o->index, 0), cg->i32);
	for (int i = 0; i < o->site->nargs; i++) {
		uint32_t off = o->site->arg_offsets[i];
		switch (o->site->arg_kinds[i]) {
		case OUT_STRING:
			cg->t->str_copy(cg, cg_field(cg, rec, off), o->vals[i],
					cg_const(cg, cg->opts->maxstringlen));
			break;
		case OUT_LONG:
			cg_store_at(cg, rec, off, o->vals[i], cg->i64);
			break;
		case OUT_LITERAL:
			break;
		case OUT_MEMORY:
			cg->t->copy(cg, cg_field(cg, rec, off), o->vals[i],
				    out_arg_size(OUT_MEMORY, cg->opts->maxstringlen));
			break;
		case OUT_BACKTRACE:
		case OUT_SBACKTRACE:
		case OUT_BBACKTRACE:
		case OUT_UBACKTRACE:
		case OUT_USTACK:
			cg->t->copy(cg, cg_field(cg, rec, off), o->vals[i],
				    sizeof(struct out_stack));
			if (o->site->ustack_bytes)
				cg_fill_uregs(cg, cg_field(cg, rec, off + sizeof(struct out_stack)),
					      o->site->ustack_bytes);
			break;
		default:
			cg->t->copy(cg, cg_field(cg, rec, off), o->vals[i],
				    site_arg_size(o->site, i, 0));
			break;
		}
	}
}

static struct out_args new_site(struct cg *cg, const char *fmt, size_t fmt_len, int n,
				const struct loc *loc)
{
	int index;
	struct format_site *site = cg_add_format(cg, &index);
	site->fmt = fmt;
	site->fmt_len = fmt_len;
	site->nargs = n;
	site->loc = *loc;
	site->arg_kinds = arena_alloc(cg->arena, (n + 1) * sizeof(*site->arg_kinds));
	site->arg_offsets = arena_alloc(cg->arena, (n + 1) * sizeof(*site->arg_offsets));
	struct out_args o = {
		.vals = arena_alloc(cg->arena, (n + 1) * sizeof(LLVMValueRef)),
		.site = site,
		.index = index,
	};
	return o;
}

/* %m and %M of the address v: the bytes are read now, in the probe, into
 * a count and MAXSTRINGLEN bytes (OUT_MEMORY); a read that faults is
 * SystemTap's runtime error, as its printf raises it. */
LLVMValueRef cg_read_memory(struct cg *cg, const struct fmt_piece *p, LLVMValueRef v,
			    LLVMValueRef star, const struct loc *loc)
{
	uint32_t max = cg->opts->maxstringlen;
	LLVMValueRef buf = cg_scratch(cg, 8 + max, true);
	int64_t n = p->precision > 0 ? p->precision : 1;
	LLVMValueRef rc;
	if (p->precision == FMT_STAR) {
		/* %.*m: 1 for a count under 1, at most MAXSTRINGLEN. */
		LLVMValueRef k = LLVMBuildSelect(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, star,
						cg_const(cg, 1), ""), cg_const(cg, 1), star, "");
		k = LLVMBuildSelect(cg->b, LLVMBuildICmp(cg->b, LLVMIntSGT, k, cg_const(cg, max), ""),
				    cg_const(cg, max), k, "");
		cg_store_at(cg, buf, 0, k, cg->i64);
		rc = cg->t->read_user_n(cg, cg_field(cg, buf, 8), k, max, v);
	} else {
		if (n > (int64_t)max) {
			diag_error(loc, "%%%c reads at most MAXSTRINGLEN (%u) bytes, not %" PRId64,
				   p->conv, max, n);
			n = max;
		}
		cg_store_at(cg, buf, 0, cg_const(cg, n), cg->i64);
		rc = cg->t->read_user(cg, cg_field(cg, buf, 8), (uint32_t)n, v);
	}
	LLVMBasicBlockRef fault = cg_block(cg, "mem.fault"), ok = cg_block(cg, "mem.ok");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_const(cg, 0), ""), fault, ok);
	LLVMPositionBuilderAtEnd(cg->b, fault);
	cg_raise_fmt(cg, loc, "read fault [man error::fault] at 0x%x", &v, 1);
	LLVMBuildBr(cg->b, ok);
	LLVMPositionBuilderAtEnd(cg->b, ok);
	return buf;
}

/* The conversion of a format that takes argument i as its value, or NULL. */
static const struct fmt_piece *value_conv(const struct fmt *f, bool parsed, int i)
{
	if (!parsed || (size_t)i >= f->nargs || f->args[i].role != FMT_ROLE_VALUE)
		return NULL;
	return &f->pieces[f->args[i].piece];
}

/* Lays out a record of `args` for the format `fmt` and evaluates them; the
 * record is then sent (printf) or formatted at once (sprintf). */
static struct out_args layout(struct cg *cg, const char *fmt, size_t fmt_len,
			      struct expr *args, const struct loc *loc)
{
	struct out_args o = new_site(cg, fmt, fmt_len, ast_count(args), loc);
	struct format_site *site = (struct format_site *)o.site;
	uint32_t off = sizeof(struct rec_hdr);
	int i = 0;
	struct fmt f;
	struct fmt_error err;
	bool parsed = fmt_parse(fmt, fmt_len, &f, &err) == 0;
	for (struct expr *a = args; a; a = a->next, i++) {
		const struct fmt_piece *conv = value_conv(&f, parsed, i);
		if (conv && (conv->conv == 'm' || conv->conv == 'M')) {
			site->arg_kinds[i] = OUT_MEMORY;
			LLVMValueRef star = conv->precision == FMT_STAR && i > 0 ? o.vals[i - 1] : NULL;
			o.vals[i] = cg_read_memory(cg, conv, cg_expr(cg, a), star, &a->loc);
			site->arg_offsets[i] = off;
			off += (site_arg_size(site, i, cg->opts->maxstringlen) + 7) & ~7u;
			continue;
		}
		int deferred = cg_deferred_kind(a);
		if ((deferred == OUT_HIST || deferred == OUT_UBACKTRACE || deferred == OUT_USTACK) &&
		    !cg->t->is_bpf)
			deferred = -1;   /* the host makes it at once */
		if (deferred == OUT_HIST) {
			struct expr *t = a->args->args;
			int g = t->sym->index;
			if (!site->hist_sites) {
				site->hist_sites = arena_alloc(cg->arena, ((size_t)site->nargs + 1) *
							       sizeof(int));
				site->hist_key_sizes = arena_alloc(cg->arena, ((size_t)site->nargs +
									   1) * sizeof(uint32_t));
			}
			((int *)site->hist_sites)[i] = cg_hist_site(cg, a->args, &a->loc);
			((uint32_t *)site->hist_key_sizes)[i] = cg->prog->globals[g].key_size;
			site->arg_kinds[i] = OUT_HIST;
			o.vals[i] = cg_array_key(cg, g, t->kind == EXPR_INDEX ? t->args : NULL);
		} else if (deferred == OUT_SBACKTRACE && !cg->t->is_bpf) {
			site->arg_kinds[i] = OUT_STRING;
			o.vals[i] = cg_no_user_stack(cg, true);
		} else if (deferred >= 0) {
			site->arg_kinds[i] = (enum out_arg)deferred;
			if (out_is_stack((enum out_arg)deferred) && !cg_is_kernel_stack(a))
				site->ustack_bytes = cg_ustack_bytes(cg);
			if (deferred == OUT_PRETTY) {
				if (!site->pretty)
					site->pretty = arena_alloc(cg->arena, ((size_t)site->nargs + 1) *
								   sizeof(*site->pretty));
				site->pretty[i] = target_pretty(a);
			}
			o.vals[i] = cg_deferred_value(cg, a);
		} else if (a->kind == EXPR_STR) {
			size_t len = a->str_len < cg->opts->maxstringlen - 1 ?
				a->str_len : cg->opts->maxstringlen - 1;
			if (!site->literals)
				site->literals = arena_alloc(cg->arena, ((size_t)site->nargs + 1) *
							     sizeof(*site->literals));
			site->arg_kinds[i] = OUT_LITERAL;
			site->literals[i] = arena_strndup(cg->arena, a->str, strnlen(a->str, len));
			o.vals[i] = NULL;
		} else {
			site->arg_kinds[i] = a->type == TYPE_STRING ? OUT_STRING : OUT_LONG;
			o.vals[i] = cg_expr(cg, a);
		}
		site->arg_offsets[i] = off;
		off += (site_arg_size(site, i, cg->opts->maxstringlen) + 7) & ~7u;
	}
	if (parsed)
		fmt_free(&f);
	site->size = off;
	return o;
}

/* Sends the arguments `args` (a list) through the format `fmt`. */
static void emit_output(struct cg *cg, const char *fmt, size_t fmt_len, struct expr *args,
			const struct loc *loc, enum site_dest dest)
{
	struct out_args o = layout(cg, fmt, fmt_len, args, loc);
	((struct format_site *)o.site)->dest = dest;
	cg_emit_record(cg, o.site->size, fill_printf, &o);
}

LLVMValueRef cg_printf(struct cg *cg, struct expr *call)
{
	struct expr *fmt = call->args;
	emit_output(cg, fmt->str, fmt->str_len, fmt->next, &call->loc, SITE_OUT);
	return NULL;
}

/* print_ubacktrace(): the stack in a record, printed by the runtime. */
void cg_print_backtrace(struct cg *cg, struct expr *call)
{
	struct out_args o = new_site(cg, "%s", 2, 1, &call->loc);
	struct format_site *site = (struct format_site *)o.site;
	site->arg_offsets[0] = sizeof(struct rec_hdr);
	if (cg->t->is_bpf) {
		site->arg_kinds[0] = call->builtin->id == BI_print_ubacktrace_brief ?
			OUT_BBACKTRACE : OUT_BACKTRACE;
		if (call->builtin->id != BI_print_backtrace)
			site->ustack_bytes = cg_ustack_bytes(cg);
		site->size = sizeof(struct rec_hdr) + site_arg_size(site, 0, 0);
		o.vals[0] = cg_deferred_value(cg, call);
	} else {
		site->arg_kinds[0] = OUT_STRING;
		site->size = sizeof(struct rec_hdr) +
			     out_arg_size(OUT_STRING, cg->opts->maxstringlen);
		o.vals[0] = cg_no_user_stack(cg, true);
	}
	cg_emit_record(cg, site->size, fill_printf, &o);
}

void cg_print_ustack(struct cg *cg, struct expr *call)
{
	struct out_args o = new_site(cg, "%s", 2, 1, &call->loc);
	struct format_site *site = (struct format_site *)o.site;
	site->arg_offsets[0] = sizeof(struct rec_hdr);
	struct expr *stk = call->args;
	if (cg->t->is_bpf && stk->kind == EXPR_CALL && stk->builtin &&
	    stk->builtin->id == BI_ubacktrace) {
		site->arg_kinds[0] = OUT_USTACK;
		site->ustack_bytes = cg_ustack_bytes(cg);
		o.vals[0] = cg_deferred_value(cg, call);
	} else {
		struct expr as = *call;
		as.builtin = builtin_find("sprint_ustack");
		site->arg_kinds[0] = OUT_STRING;
		o.vals[0] = cg_stack(cg, &as);
	}
	site->size = sizeof(struct rec_hdr) + site_arg_size(site, 0, cg->opts->maxstringlen);
	cg_emit_record(cg, site->size, fill_printf, &o);
}

/* sprintf in a host probe formats in the runtime, from a record built in
 * scratch: the same formatter as printf, so the same bytes.  A BPF program
 * formats with generated code that follows that formatter (format.c). */
LLVMValueRef cg_sprintf(struct cg *cg, struct expr *call)
{
	struct expr *fmt = call->args;
	if (cg->t->is_bpf)
		return cg_sprintf_inline(cg, call);
	struct out_args o = layout(cg, fmt->str, fmt->str_len, fmt->next, &call->loc);
	LLVMValueRef rec = cg_scratch(cg, o.site->size, true);
	fill_printf(cg, rec, &o);
	LLVMValueRef dst = cg_string_slot(cg, true);
	LLVMTypeRef params[4] = { cg->ptr, cg->ptr, cg->ptr, cg->i64 };
	LLVMValueRef args[4] = { cg->rt, rec, dst, cg_const(cg, cg->opts->maxstringlen) };
	cg_call_named(cg, HOSTABI_PREFIX "sprintf", cg->void_t, params, args, 4);
	return dst;
}

/* error(msg): a runtime error named by the script. */
LLVMValueRef cg_error(struct cg *cg, struct expr *call)
{
	cg_raise_with(cg, &call->loc, cg_expr(cg, call->args));
	return NULL;
}

LLVMValueRef cg_print(struct cg *cg, struct expr *call)
{
	struct expr *a = call->args;
	/* warn(msg) and system(cmd): the text goes to stderr, or to the shell,
	 * when the record is read. */
	if (call->builtin->id == BI_warn || call->builtin->id == BI_system) {
		emit_output(cg, "%s", 2, a, &call->loc,
			    call->builtin->id == BI_warn ? SITE_WARN : SITE_SYSTEM);
		return NULL;
	}
	if (a && !a->next && a->kind == EXPR_STAT &&
	    (a->stat == STAT_HIST_LOG || a->stat == STAT_HIST_LINEAR)) {
		/* println of a histogram prints what print does: SystemTap ends
		 * it with its blank line either way. */
		cg_print_hist(cg, a, &call->loc);
		return NULL;
	}
	/* printd and printdln: the delimiter, a literal, goes into the format. */
	bool delimited = call->builtin->id == BI_printd || call->builtin->id == BI_printdln;
	struct expr *delim = delimited ? call->args : NULL, *vals = delimited ? a->next : a;
	int n = ast_count(vals), i = 0;
	enum fmt_kind *kinds = arena_alloc(cg->arena, (n + 1) * sizeof(*kinds));
	for (struct expr *v = vals; v; v = v->next)
		kinds[i++] = v->type == TYPE_STRING ? FMT_STRING : FMT_LONG;
	struct strbuf sb = { 0 };
	fmt_print_format(&sb, kinds, (size_t)n, delim ? delim->str : NULL, delim ? delim->str_len : 0,
			 call->builtin->id == BI_println || call->builtin->id == BI_printdln);
	char *fmt = arena_strndup(cg->arena, sb.buf ? sb.buf : "", sb.len);
	size_t len = sb.len;
	strbuf_free(&sb);
	emit_output(cg, fmt, len, vals, &call->loc, SITE_OUT);
	return NULL;
}

static void fill_exit(struct cg *cg, LLVMValueRef rec, void *arg)
{
	(void)arg;
	cg_store_at(cg, rec, 0, LLVMConstInt(cg->i32, REC_EXIT, 0), cg->i32);
	cg_store_at(cg, rec, 4, LLVMConstInt(cg->i32, 0, 0), cg->i32);
}

/* raise(sig): the signal to the thread the probe interrupted, as
 * SystemTap sends it to the current task; a probe of uscript's own (begin,
 * end, timer) has no such thread, which is a runtime error. */
static void raise_signal(struct cg *cg, struct expr *call)
{
	LLVMValueRef sig = cg_expr(cg, call->args);
	if (!cg->t->is_bpf) {
		cg_raise(cg, &call->loc, "raise() has no traced thread to signal in this probe");
		return;
	}
	LLVMValueRef arg = LLVMBuildTrunc(cg->b, sig, cg->i32, "");
	cg_bpf_helper(cg, 117 /* BPF_FUNC_send_signal_thread */, cg->i64, &arg, 1);
}

/* exit() lets the handler finish, as in SystemTap; no probe starts after.
 * abort() stops the same way (end probes run) but leaves the handler at
 * once, out of any functions it is in, as `next` does. */
LLVMValueRef cg_exit(struct cg *cg, struct expr *call)
{
	if (call->builtin->id == BI_raise) {
		raise_signal(cg, call);
		return NULL;
	}
	LLVMValueRef stopping = cg_field(cg, cg->globals, offsetof(struct globals_hdr, stopping));
	LLVMBuildAtomicRMW(cg->b, LLVMAtomicRMWBinOpOr, stopping, cg_const(cg, STOP_EXIT),
			   LLVMAtomicOrderingMonotonic, 0);
	cg_emit_record(cg, sizeof(struct rec_hdr), fill_exit, NULL);
	if (call->builtin->id == BI_abort) {
		if (cg->depth >= 0)
			LLVMBuildStore(cg->b, cg_const(cg, 2), cg->aborted);
		LLVMBuildBr(cg->b, cg->ret_bb);
		after_jump(cg);
	}
	return NULL;
}
