/* SPDX-License-Identifier: GPL-2.0-or-later */
/* compiler/kernel/ reads what the running kernel says of itself, with no
 * kernel headers: its types from the BTF at /sys/kernel/btf/vmlinux, and
 * its tracepoints (kernel.h); it uses only the arena of parse/ and libbpf's
 * BTF parser.
 *
 * kernel.h — the kernel's tracepoints and types.
 *
 * kernel.trace("NAME") is a raw tracepoint: its handler gets the
 * tracepoint's TP_PROTO arguments, as SystemTap's kernel.trace gives them
 * ($prev, $next at sched_switch), and BTF types each one through the
 * typedef `btf_trace_NAME` the kernel declares for every tracepoint.  A
 * classic tracepoint's event record (the tracefs format file) holds
 * copies of some fields instead, and none of the pointers to follow.
 *
 * The subsystem of each tracepoint ("sched" in "sched:sched_switch") is
 * known only to tracefs, as the directory of its event; where tracefs is
 * not mounted, ktp_list mounts it at /sys/kernel/tracing for as long as
 * it reads the directories, and says so with -v.  A tracepoint with no
 * event (DECLARE_TRACE) has no subsystem and is named alone. */
#ifndef USCRIPT_KERNEL_H
#define USCRIPT_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct kbtf;

/* The kernel's BTF, or NULL with why set ("the kernel has no BTF:
 * /sys/kernel/btf/vmlinux: No such file or directory").  Loaded once per
 * compilation; freed by kbtf_close. */
struct kbtf *kbtf_open(struct arena *a, char *why, size_t whylen);
void kbtf_close(struct kbtf *k);

/* A type as SystemTap writes it: "struct task_struct*", "unsigned int",
 * "char const*", "char[16]". */
const char *kbtf_type_name(struct kbtf *k, uint32_t id);

struct ktp_arg {
	const char *name;
	uint32_t type;           /* BTF id */
};

/* What a row of kernel.trace is: a tracepoint, or one of tracefs's
 * syscalls events, which are views of raw_syscalls:sys_enter and sys_exit
 * for one system call (see "the syscalls views" below). */
enum ktp_view {
	KTP_TRACEPOINT,
	KTP_SYS_ENTER,           /* syscalls:sys_enter_NAME */
	KTP_SYS_EXIT,            /* syscalls:sys_exit_NAME */
};

struct ksys_field;

struct ktp {
	const char *sys;         /* "sched", or NULL for a tracepoint with no event */
	const char *name;        /* "sched_switch" */
	const char *point;       /* "sched:sched_switch", as pp() names it */
	const struct ktp_arg *args;   /* TP_PROTO, without the hidden first;
				       * none for a view */
	int nargs;
	enum ktp_view view;
	int nr;                  /* a view's system call number (x86-64) */
	/* A view's fields, read from tracefs when first asked for
	 * (ktp_view_fields). */
	const struct ksys_field *fields;
	int nfields;
	const char *fields_why;
	bool fields_read;
};

/* Every tracepoint of the kernel, sorted by point; *out lives as long as
 * k.  verbose: say on stderr when tracefs is mounted and unmounted. */
int ktp_list(struct kbtf *k, int verbose, const struct ktp **out);

/* Why the subsystems are unknown (tracefs could not be read), or NULL;
 * after ktp_list. */
const char *ktp_no_subsystems(const struct kbtf *k);

/* Whether a tracepoint matches kernel.trace(PATTERN): "SYS:NAME" matches
 * both, a pattern without ':' the name alone; fnmatch wildcards. */
bool ktp_match(const struct ktp *tp, const char *pattern);

/* ---- the syscalls views ----
 *
 * tracefs's events syscalls:sys_enter_NAME and sys_exit_NAME are not
 * tracepoints: the kernel makes them from raw_syscalls:sys_enter and
 * sys_exit, for one system call each.  uscript does the same: a view is a
 * program on the raw tracepoint, for the system call's number, which
 * syscalls.c knows (the x86-64 numbers of the C library's kernel headers,
 * read at build time, and the calls newer than those headers).  Its
 * arguments are those of the event's format file, read from the registers
 * the call was made with; a sys_exit view has $ret.  Calls made by 32-bit
 * code (ia32 numbers) are not the views'. */
struct ksys_field {
	const char *name;        /* "filename" */
	const char *type;        /* "const char *", as the format file writes it */
	int reg;                 /* the argument's place, 0 to 5 */
	uint8_t size;            /* of the value the argument holds */
	bool is_signed;
	bool user_ptr;           /* an address in the caller's memory */
};

/* The system call number of NAME on x86-64 ("openat" -> 257), or -1. */
int ksys_number(const char *name);

/* The fields of a view's event, in order, or -1 with *why set ("tracefs
 * cannot be read: ..."). */
int ktp_view_fields(struct kbtf *k, const struct ktp *tp, const struct ksys_field **out,
		    const char **why);

/* Whether the kernel knows no syscalls views, and why ("tracefs is not
 * mounted, and ..."), or NULL; after ktp_list. */
const char *ktp_no_views(const struct kbtf *k);

/* ---- $var->member[i] through BTF ----
 *
 * A value read at a tracepoint starts as the argument's 8 bytes; each
 * step is one of the ops below, applied in order, with every load a read
 * of kernel memory (bpf_probe_read_kernel). */
enum kbtf_opcode {
	KBTF_OP_EXTEND,   /* v = the low size bytes, extended */
	KBTF_OP_ADD,      /* v += n */
	KBTF_OP_INDEX,    /* v += index[slot] * n */
	KBTF_OP_LOAD,     /* v = size bytes at v, extended */
	KBTF_OP_BITS,     /* v = bits [shift, shift + width), extended */
};

struct kbtf_op {
	enum kbtf_opcode code;
	uint8_t size, shift, width;
	bool is_signed;
	int slot;
	int64_t n;
};

#define KBTF_MAX_OPS 64

/* One step of a target expression: ->member (or .member), or [index],
 * with the index a constant when is_const. */
struct kbtf_comp {
	const char *member;      /* NULL: an index */
	bool is_const;
	int64_t index;
};

/* The ops that read var (of BTF type `type`) through comps; the result's
 * type in *result.  -1 with err set as a sentence ("no member 'pidd' in
 * struct task_struct", "'comm' is an array of char: read it with
 * kernel_string($p->comm)") when it cannot be read. */
int kbtf_access(struct kbtf *k, uint32_t type, const struct kbtf_comp *comps, int ncomps,
		struct kbtf_op *ops, int *nops, uint32_t *result, char *err, size_t errlen);

/* kbtf_access for @cast and '&': `at` 0 when v holds the value of type
 * `type` (a tracepoint's argument), 1 when v is the address of one
 * (@cast(p, "struct task_struct")), n > 1 when v is the address of n - 1
 * levels of pointers to it (@cast(p, "struct task_struct *")).  addr_of:
 * the result is the address of the value the comps name.  *is_addr (if
 * not NULL) says whether the result is the address of a value of type
 * *result (an array, a struct, '&') rather than the value. */
int kbtf_access_ex(struct kbtf *k, uint32_t type, int at, bool addr_of,
		   const struct kbtf_comp *comps, int ncomps, struct kbtf_op *ops, int *nops,
		   uint32_t *result, bool *is_addr, char *err, size_t errlen);

/* The type @cast names, as SystemTap spells it ("struct task_struct",
 * "task_struct", "struct file *", "unsigned int"): its BTF id and how many
 * '*' follow it.  -1 if the kernel has no such type. */
int kbtf_type_named(struct kbtf *k, const char *name, uint32_t *id, int *levels);

/* The offset of member `name` of struct `sname` (through anonymous
 * members), and its size; -1 if there is none. */
int kbtf_member(struct kbtf *k, const char *sname, const char *name, uint32_t *offset,
		uint32_t *size);

#endif
