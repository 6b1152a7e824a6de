/* SPDX-License-Identifier: GPL-2.0-or-later */
/* target_kernel.c — target variables at kernel.trace rows: the
 * tracepoint's arguments by name, typed by the kernel's BTF, $p->member
 * and $p[i] read from kernel memory, $$parms, $$name and $$system; see
 * target.h. */
#include <stdio.h>
#include <string.h>

#include "parse/arena.h"
#include "parse/diag.h"
#include "kernel/kernel.h"
#include "target_impl.h"

static const char *arg_names(struct arena *a, const struct ktp *tp)
{
	if (!tp->nargs)
		return "the tracepoint has no arguments";
	const char *s = tp->nargs == 1 ? "the tracepoint's argument is " :
		"the tracepoint's arguments are ";
	for (int i = 0; i < tp->nargs; i++)
		s = arena_printf(a, "%s%s$%s", s, !i ? "" : i == tp->nargs - 1 ? " and " : ", ",
				 tp->args[i].name);
	return s;
}

/* $$parms and $$vars: "prev=0x... next=0x...", every argument in hex, as
 * SystemTap's %p and %#x print them. */
static int parms(struct tctx *c, const struct ktp *tp, struct tv_read *r)
{
	const char **texts = arena_alloc(c->arena, (size_t)(tp->nargs + 1) * sizeof(*texts));
	struct tv_num *nums = arena_alloc(c->arena, (size_t)(tp->nargs + 1) * sizeof(*nums));
	for (int i = 0; i < tp->nargs; i++) {
		texts[i] = arena_printf(c->arena, "%s%s=", i ? " " : "", tp->args[i].name);
		num_root(&nums[i], TV_ROOT_REG, 0, (int16_t)(8 * i));
	}
	r->kind = TV_HEX_LIST;
	r->texts = texts;
	r->nums = nums;
	r->n = tp->nargs;
	return 0;
}

/* The registers of a system call's arguments, in pt_regs, x86-64's order. */
static const char *const syscall_regs[6] = { "di", "si", "dx", "r10", "r8", "r9" };

/* v = the 8 bytes of struct pt_regs' member reg, the raw tracepoint's
 * first argument pointing at the registers; then extended as size and
 * is_signed say.  false after an error. */
static bool regs_member(struct tctx *c, struct expr *e, const char *pp, const char *reg,
			uint8_t size, bool is_signed, struct tv_read *r)
{
	uint32_t off, msize;
	if (kbtf_member(c->t->kernel, "pt_regs", reg, &off, &msize) < 0) {
		diag_error(&e->loc, "cannot read $%s at %s: the kernel's BTF has no struct "
			   "pt_regs member %s", e->name, pp, reg);
		return false;
	}
	num_root(&r->num, TV_ROOT_REG, 0, 0);
	int n = size < 8 ? 3 : 2;
	struct tv_op *op = ops_new(c, n);
	op[0] = (struct tv_op){ .code = TV_OP_ADD, .n = off };
	op[1] = (struct tv_op){ .code = TV_OP_LOAD, .size = 8, .is_signed = true, .kernel = true };
	if (size < 8)
		op[2] = (struct tv_op){ .code = TV_OP_EXTEND, .size = size, .is_signed = is_signed };
	r->num.ops = op;
	r->num.nops = n;
	return true;
}

/* At a syscalls view (kernel.h): the event's fields, from the registers
 * the system call was made with; $__syscall_nr; $ret at a sys_exit. */
static int view_read(struct tctx *c, struct expr *e, int row, struct tv_read *r)
{
	const struct ktp *tp = c->t->ctx[row].ktp;
	const char *pp = c->t->rows[row].pp;
	bool exit = tp->view == KTP_SYS_EXIT;
	const struct ksys_field *f = NULL;
	const char *why;
	int n = exit ? 0 : ktp_view_fields(c->t->kernel, tp, &f, &why);
	if (n < 0) {
		diag_error(&e->loc, "cannot read $%s at %s: %s", e->name, pp, why);
		return -1;
	}
	if (e->name[0] == '$') {
		diag_error(&e->loc, "$%s is not available at %s: a syscalls event has its "
			   "fields alone", e->name, pp);
		return -1;
	}
	int i = 0;
	while (i < n && strcmp(f[i].name, e->name) != 0)
		i++;
	bool known = i < n || strcmp(e->name, "__syscall_nr") == 0 ||
		     (exit && strcmp(e->name, "ret") == 0);
	if (!known) {
		const char *s = exit ? "$ret" : "";
		for (int j = 0; j < n; j++)
			s = arena_printf(c->arena, "%s%s$%s", s, j ? ", " : "", f[j].name);
		diag_error(&e->loc, "no target variable $%s at %s: its fields are %s%s"
			   "$__syscall_nr", e->name, pp, s, *s ? " and " : "");
		return -1;
	}
	if (e->suffix) {
		diag_error(&e->loc, "cannot read $%s at %s: a system call's argument is a "
			   "number%s", e->name, pp, i < n && f[i].user_ptr ?
			   ", here an address in the caller's memory: read it with user_string(), "
			   "user_long() and the like" : "");
		return -1;
	}
	r->kind = TV_NUM;
	if (i < n)
		return regs_member(c, e, pp, syscall_regs[f[i].reg], f[i].size, f[i].is_signed,
				   r) ? 0 : -1;
	if (exit && strcmp(e->name, "ret") == 0) {
		/* sys_exit(regs, ret) */
		num_root(&r->num, TV_ROOT_REG, 0, 8);
		return 0;
	}
	/* sys_enter(regs, id); at sys_exit the number is in orig_ax */
	if (exit)
		return regs_member(c, e, pp, "orig_ax", 4, true, r) ? 0 : -1;
	num_root(&r->num, TV_ROOT_REG, 0, 8);
	struct tv_op *op = ops_new(c, 1);
	op[0] = (struct tv_op){ .code = TV_OP_EXTEND, .size = 4, .is_signed = true };
	r->num.ops = op;
	r->num.nops = 1;
	return 0;
}

/* The ops of kernel/kernel.h appended to n's, every load of kernel
 * memory, their run-time indexes slot_shift after n's own. */
static void append_ops(struct tctx *c, struct tv_num *n, const struct kbtf_op *ops, int k,
		       int slot_shift)
{
	struct tv_op *t = ops_new(c, n->nops + k + 1);
	for (int j = 0; j < n->nops; j++)
		t[j] = n->ops[j];
	for (int j = 0; j < k; j++) {
		const struct kbtf_op *o = &ops[j];
		struct tv_op *d = &t[n->nops + j];
		*d = (struct tv_op){ .size = o->size, .is_signed = o->is_signed,
				     .shift = o->shift, .width = o->width,
				     .slot = o->slot + slot_shift, .n = o->n, .kernel = true };
		switch (o->code) {
		case KBTF_OP_EXTEND: d->code = TV_OP_EXTEND; break;
		case KBTF_OP_ADD: d->code = TV_OP_ADD; break;
		case KBTF_OP_INDEX: d->code = TV_OP_INDEX; break;
		case KBTF_OP_LOAD: d->code = TV_OP_LOAD; break;
		case KBTF_OP_BITS: d->code = TV_OP_BITS; break;
		}
	}
	n->ops = t;
	n->nops += k;
}

int ktrace_read(struct tctx *c, struct expr *e, int row, struct tv_read *r)
{
	if (c->t->ctx[row].ktp->view != KTP_TRACEPOINT) {
		memset(r, 0, sizeof(*r));
		if (e->pretty) {
			diag_error(&e->loc, "pretty-printed target variables such as $%s%.*s are "
				   "not available at %s", e->name, e->pretty, "$$",
				   c->t->rows[row].pp);
			return -1;
		}
		return view_read(c, e, row, r);
	}
	const struct ktp *tp = c->t->ctx[row].ktp;
	const char *pp = c->t->rows[row].pp;
	memset(r, 0, sizeof(*r));
	if (e->pretty) {
		diag_error(&e->loc, "pretty-printed target variables such as $%s%.*s are not "
			   "available at %s yet", e->name, e->pretty, "$$", pp);
		return -1;
	}
	if (strcmp(e->name, "$parms") == 0 || strcmp(e->name, "$vars") == 0)
		return parms(c, tp, r);
	/* SystemTap's $$name and $$system: the tracepoint and its subsystem */
	if (strcmp(e->name, "$name") == 0 || strcmp(e->name, "$system") == 0) {
		r->kind = TV_STR;
		r->str = e->name[1] == 'n' ? tp->name : tp->sys ? tp->sys : "";
		return 0;
	}
	if (strcmp(e->name, "$locals") == 0) {
		r->kind = TV_STR;
		r->str = "";
		return 0;
	}
	int i;
	for (i = 0; i < tp->nargs; i++)
		if (strcmp(tp->args[i].name, e->name) == 0)
			break;
	if (i == tp->nargs) {
		diag_error(&e->loc, "no target variable $%s at %s: %s", e->name, pp,
			   arg_names(c->arena, tp));
		return -1;
	}
	struct kbtf_comp comps[KBTF_MAX_OPS];
	int ncomps = 0;
	for (struct target_suffix *s = e->suffix; s && ncomps < KBTF_MAX_OPS; s = s->next) {
		struct kbtf_comp *k = &comps[ncomps++];
		memset(k, 0, sizeof(*k));
		k->member = s->member;
		if (!s->member && s->index && s->index->kind == EXPR_NUM) {
			k->is_const = true;
			k->index = s->index->num;
		}
	}
	struct kbtf_op ops[KBTF_MAX_OPS];
	int nops = 0;
	uint32_t result;
	char err[320];
	bool is_addr;
	if (kbtf_access_ex(c->t->kernel, tp->args[i].type, 0, e->addr_of, comps, ncomps, ops,
			   &nops, &result, &is_addr, err, sizeof(err)) < 0) {
		diag_error(&e->loc, "cannot read $%s at %s: %s", e->name, pp, err);
		return -1;
	}
	r->kind = TV_NUM;
	num_root(&r->num, TV_ROOT_REG, 0, (int16_t)(8 * i));
	append_ops(c, &r->num, ops, nops, 0);
	c->kernel_type = result;
	c->got_addr = is_addr;
	return 0;
}

/* The kernel's BTF, opened when first needed; NULL after an error at
 * `at`. */
static struct kbtf *kernel_btf(struct tctx *c, const struct loc *at, const char *what)
{
	if (!c->t->kernel && !c->t->kernel_why) {
		char why[256];
		c->t->kernel = kbtf_open(c->t->arena, why, sizeof(why));
		if (!c->t->kernel)
			c->t->kernel_why = arena_strdup(c->t->arena, why);
	}
	if (!c->t->kernel)
		diag_error(at, "%s needs the kernel's BTF: %s", what, c->t->kernel_why);
	return c->t->kernel;
}

/* e's members and indexes read from a value of BTF type id that is
 * run-time index 0 (its address when at is 1; see kbtf_access_ex). */
static int kernel_access(struct tctx *c, struct expr *e, int row, const char *text,
			 uint32_t id, int at, struct tv_read *r)
{
	const char *pp = row < 0 ? "" : arena_printf(c->arena, " at %s", c->t->rows[row].pp);
	struct kbtf_comp comps[KBTF_MAX_OPS];
	int ncomps = 0;
	for (struct target_suffix *s = e->suffix; s; s = s->next) {
		if (ncomps == KBTF_MAX_OPS) {
			diag_error(&e->loc, "%s%s: the expression is too long", text, pp);
			return -1;
		}
		struct kbtf_comp *k = &comps[ncomps++];
		memset(k, 0, sizeof(*k));
		k->member = s->member;
		if (!s->member && s->index->kind == EXPR_NUM) {
			k->is_const = true;
			k->index = s->index->num;
		}
	}
	struct kbtf_op ops[KBTF_MAX_OPS];
	int nops = 0;
	uint32_t result;
	bool is_addr;
	char err[320];
	if (kbtf_access_ex(c->t->kernel, id, at, e->addr_of, comps, ncomps, ops, &nops,
			   &result, &is_addr, err, sizeof(err)) < 0) {
		diag_error(&e->loc, "%s%s: %s", text, pp, err);
		return -1;
	}
	r->kind = TV_NUM;
	num_root(&r->num, TV_ROOT_CONST, 0, -1);
	struct tv_op *base = ops_new(c, 1);
	base[0] = (struct tv_op){ .code = TV_OP_INDEX, .slot = 0, .n = 1 };
	r->num.ops = base;
	r->num.nops = 1;
	append_ops(c, &r->num, ops, nops, 1);
	c->kernel_type = result;
	c->got_addr = is_addr;
	return 0;
}

bool kernel_module(const char *module)
{
	return module && strncmp(module, "kernel", 6) == 0 &&
	       (module[6] == '\0' || module[6] == '<' || module[6] == ':');
}

/* @cast(p, "struct task_struct", "kernel"): the type from the kernel's
 * BTF, whatever headers "kernel<linux/sched.h>" names (BTF has every
 * type the kernel was built with), every load a read of kernel memory.
 * The address is run-time index 0, as for @cast of a program's type. */
int kcast_read(struct tctx *c, struct expr *e, int row, const char *text,
	       struct tv_read *r)
{
	memset(r, 0, sizeof(*r));
	if (!kernel_btf(c, &e->module_loc, "@cast of the kernel's types"))
		return -1;
	if (e->pretty) {
		diag_error(&e->loc, "%s cannot be pretty-printed: uscript pretty-prints the "
			   "types of programs' debug information, not the kernel's", text);
		return -1;
	}
	uint32_t id;
	int levels;
	if (kbtf_type_named(c->t->kernel, e->name, &id, &levels) < 0) {
		diag_error(&e->arg_loc, "@cast to an unknown type: the kernel's BTF has no "
			   "type '%s'%s", e->name, e->module_kernel ?
			   " (an @cast that names no module reads the kernel's types outside "
			   "process probes: name the program or library that has the type as "
			   "its third argument)" : "");
		return -1;
	}
	return kernel_access(c, e, row, text, id, levels + 1, r);
}

int kauto_read(struct tctx *c, struct expr *e, int row, uint32_t id, bool addr,
	       struct tv_read *r)
{
	memset(r, 0, sizeof(*r));
	if (!kernel_btf(c, &e->loc, "autocast of a kernel type"))
		return -1;
	const char *text = arena_printf(c->arena, "autocast of a value of type %s",
					kbtf_type_name(c->t->kernel, id));
	return kernel_access(c, e, row, text, id, addr ? 1 : 0, r);
}

int life_read(struct tctx *c, struct expr *e, int row, struct tv_read *r)
{
	const struct lifecycle *l = c->t->ctx[row].life;
	const char *pp = c->t->rows[row].pp;
	memset(r, 0, sizeof(*r));
	r->kind = TV_NUM;
	bool entry = l->event == LIFE_SYSCALL, ret = l->event == LIFE_SYSCALL_RETURN;
	int n = 0;
	if (!e->suffix && !e->pretty && entry && strncmp(e->name, "arg", 3) == 0 &&
	    e->name[3] >= '1' && e->name[3] <= '6' && !e->name[4])
		n = e->name[3] - '0';
	if (!e->suffix && !e->pretty && (entry || ret) && strcmp(e->name, "syscall") == 0) {
		/* sys_enter(regs, id); sys_exit(regs, ret) and the number in
		 * orig_ax */
		if (entry) {
			num_root(&r->num, TV_ROOT_REG, 0, 8);
			return 0;
		}
		num_root(&r->num, TV_ROOT_REG, 0, 0);
		struct tv_op *op = ops_new(c, 2);
		op[0] = (struct tv_op){ .code = TV_OP_ADD, .n = l->regs_orig_ax };
		op[1] = (struct tv_op){ .code = TV_OP_LOAD, .size = 8, .is_signed = true,
					.kernel = true };
		r->num.ops = op;
		r->num.nops = 2;
		return 0;
	}
	if (!e->suffix && !e->pretty && ret && strcmp(e->name, "return") == 0) {
		num_root(&r->num, TV_ROOT_REG, 0, 8);
		return 0;
	}
	if (n) {
		uint32_t off, size;
		if (kbtf_member(c->t->kernel, "pt_regs", syscall_regs[n - 1], &off, &size) < 0) {
			diag_error(&e->loc, "cannot read $%s at %s: the kernel's BTF has no "
				   "struct pt_regs member %s", e->name, pp, syscall_regs[n - 1]);
			return -1;
		}
		num_root(&r->num, TV_ROOT_REG, 0, 0);
		struct tv_op *op = ops_new(c, 2);
		op[0] = (struct tv_op){ .code = TV_OP_ADD, .n = off };
		op[1] = (struct tv_op){ .code = TV_OP_LOAD, .size = 8, .is_signed = true,
					.kernel = true };
		r->num.ops = op;
		r->num.nops = 2;
		return 0;
	}
	diag_error(&e->loc, "no target variable $%s%.*s at %s: %s", e->name, e->pretty, "$$", pp,
		   entry ? "a .syscall probe has $syscall and $arg1 to $arg6" :
		   ret ? "a .syscall.return probe has $syscall and $return" :
		   "it has no target variables");
	return -1;
}
