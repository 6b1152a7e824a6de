/* SPDX-License-Identifier: GPL-2.0-or-later */
/* syscalls.c — the syscalls views of tracefs (kernel.h): the number of
 * each system call, and the fields of each event's format file.
 *
 * The numbers.  No file of the running kernel maps a system call's name
 * to its number: the kernel's own table (sys_call_table) holds addresses
 * only, in kernel memory.  The x86-64 numbers are the kernel's ABI, never
 * changed once given, so uscript takes them from the C library's copy of
 * the kernel headers, <asm/unistd_64.h> (linux-libc-dev), turned into the
 * table syscall_nrs.c at build time.  Two kinds of names are added here:
 * the events named after the kernel's function rather than the number
 * (sys_enter_newstat is __NR_stat), and the calls newer than the headers
 * of the build machine, each checked against the kernel by making the
 * call with the event enabled. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include "parse/arena.h"
#include "kernel.h"
#include "kernel_impl.h"

static const struct ksys_nr extra_nrs[] = {
	{ "newstat", 4 }, { "newfstat", 5 }, { "newlstat", 6 }, { "sendfile64", 40 },
	{ "newuname", 63 }, { "umount", 166 },
	{ "uretprobe", 335 }, { "uprobe", 336 },
	{ "cachestat", 451 }, { "fchmodat2", 452 }, { "map_shadow_stack", 453 },
	{ "futex_wake", 454 }, { "futex_wait", 455 }, { "futex_requeue", 456 },
	{ "statmount", 457 }, { "listmount", 458 }, { "lsm_get_self_attr", 459 },
	{ "lsm_set_self_attr", 460 }, { "lsm_list_modules", 461 }, { "mseal", 462 },
	{ "setxattrat", 463 }, { "getxattrat", 464 }, { "listxattrat", 465 },
	{ "removexattrat", 466 }, { "open_tree_attr", 467 }, { "file_getattr", 468 },
	{ "file_setattr", 469 },
};

int ksys_number(const char *name)
{
	for (size_t i = 0; i < sizeof(extra_nrs) / sizeof(*extra_nrs); i++)
		if (strcmp(extra_nrs[i].name, name) == 0)
			return extra_nrs[i].nr;
	for (int i = 0; i < ksys_header_count; i++)
		if (strcmp(ksys_header_nrs[i].name, name) == 0)
			return ksys_header_nrs[i].nr;
	return -1;
}

const char *ktp_tracefs(struct kbtf *k)
{
	struct stat st;
	if (stat(TRACEFS "/events", &st) == 0)
		return NULL;
	if (errno != ENOENT)
		return arena_printf(k->arena, TRACEFS "/events cannot be read: %s",
				    strerror(errno));
	if (mount("nodev", TRACEFS, "tracefs", 0, NULL) != 0)
		return arena_printf(k->arena, "tracefs is not mounted, and mounting it at "
				    TRACEFS " failed: %s", strerror(errno));
	k->mounted = true;
	if (k->verbose)
		fprintf(stderr, "uscript: mounted tracefs at " TRACEFS
			" to read the syscalls events' formats\n");
	return NULL;
}

void ktp_tracefs_release(struct kbtf *k)
{
	if (!k->mounted)
		return;
	k->mounted = false;
	if (umount2(TRACEFS, 0) == 0) {
		if (k->verbose)
			fprintf(stderr, "uscript: unmounted tracefs from " TRACEFS "\n");
	} else {
		fprintf(stderr, "uscript: warning: cannot unmount tracefs from " TRACEFS ": %s\n",
			strerror(errno));
	}
}

/* The size and signedness of a C integer type written with the keywords
 * (unsigned, signed, char, short, int, long); false if it is not one. */
static bool c_integer(const char *t, uint8_t *size, bool *is_signed)
{
	int longs = 0, shorts = 0, chars = 0, uns = 0, other = 0;
	char word[64];
	while (*t) {
		size_t n = strcspn(t, " \t");
		if (n && n < sizeof(word)) {
			memcpy(word, t, n);
			word[n] = 0;
			if (strcmp(word, "long") == 0)
				longs++;
			else if (strcmp(word, "short") == 0)
				shorts++;
			else if (strcmp(word, "char") == 0)
				chars++;
			else if (strcmp(word, "unsigned") == 0)
				uns++;
			else if (strcmp(word, "signed") != 0 && strcmp(word, "int") != 0 &&
				 strcmp(word, "const") != 0 && strcmp(word, "volatile") != 0)
				other++;
		} else if (n) {
			other++;
		}
		t += n;
		t += strspn(t, " \t");
	}
	if (other)
		return false;
	*size = longs ? 8 : shorts ? 2 : chars ? 1 : 4;
	*is_signed = !uns;
	return true;
}

/* A field's type: an address (any pointer, or a typedef of one, such as
 * cap_user_header_t), or an integer of the size and signedness that C or
 * the kernel's BTF gives it.  What cannot be told is read whole. */
static void classify(struct kbtf *k, struct ksys_field *f)
{
	f->size = 8;
	f->is_signed = false;
	f->user_ptr = false;
	if (strchr(f->type, '*')) {
		f->user_ptr = true;
		return;
	}
	if (c_integer(f->type, &f->size, &f->is_signed))
		return;
	const char *name = f->type;
	while (strncmp(name, "const ", 6) == 0 || strncmp(name, "volatile ", 9) == 0)
		name += name[0] == 'c' ? 6 : 9;
	const char *kind = strncmp(name, "enum ", 5) == 0 ? "enum" : NULL;
	if (kind)
		name += 5;
	int id = btf__find_by_name(k->btf, name);
	if (id <= 0)
		return;
	uint32_t tid = (uint32_t)id;
	const struct btf_type *t = kbtf_skip(k, &tid);
	if (!t)
		return;
	if (btf_is_ptr(t)) {
		f->user_ptr = true;
	} else if (btf_is_int(t)) {
		f->size = (uint8_t)t->size;
		f->is_signed = btf_int_encoding(t) & BTF_INT_SIGNED;
	} else if (btf_is_enum(t) || btf_is_enum64(t)) {
		f->size = (uint8_t)t->size;
		f->is_signed = btf_kflag(t);
	}
	if (f->size != 1 && f->size != 2 && f->size != 4)
		f->size = 8;
}

int ktp_view_fields(struct kbtf *k, const struct ktp *ctp, const struct ksys_field **out,
		    const char **why)
{
	/* The views are the kernel module's own: it fills them in place. */
	struct ktp *tp = (struct ktp *)ctp;
	if (tp->fields_read) {
		*out = tp->fields;
		*why = tp->fields_why;
		return tp->fields_why ? -1 : tp->nfields;
	}
	tp->fields_read = true;
	const char *bad = ktp_tracefs(k);
	char path[512];
	snprintf(path, sizeof(path), TRACEFS "/events/%s/%s/format", tp->sys, tp->name);
	FILE *f = bad ? NULL : fopen(path, "r");
	if (!f) {
		tp->fields_why = bad ? bad : arena_printf(k->arena, "%s cannot be read: %s", path,
							strerror(errno));
		*why = tp->fields_why;
		return -1;
	}
	struct ksys_field fields[8];
	int n = 0;
	char line[512];
	while (fgets(line, sizeof(line), f)) {
		/* "\tfield:const char * filename;\toffset:24;\tsize:8;\tsigned:0;" */
		char *decl = strstr(line, "field:");
		if (!decl)
			continue;
		decl += 6;
		char *semi = strchr(decl, ';');
		if (!semi)
			continue;
		*semi = 0;
		char *name = semi;
		while (name > decl && (name[-1] == '_' || (name[-1] >= 'a' && name[-1] <= 'z') ||
				       (name[-1] >= 'A' && name[-1] <= 'Z') ||
				       (name[-1] >= '0' && name[-1] <= '9')))
			name--;
		if (strncmp(name, "common_", 7) == 0 || strcmp(name, "__syscall_nr") == 0 ||
		    name == decl)
			continue;
		/* A sys_exit view's one field, ret, is the raw tracepoint's
		 * own argument, not a register's. */
		if (tp->view == KTP_SYS_EXIT || n == 6)
			continue;
		char *end = name;
		while (end > decl && end[-1] == ' ')
			end--;
		struct ksys_field *fd = &fields[n];
		fd->name = arena_strdup(k->arena, name);
		fd->type = arena_printf(k->arena, "%.*s", (int)(end - decl), decl);
		fd->reg = n;
		classify(k, fd);
		n++;
	}
	fclose(f);
	struct ksys_field *kept = arena_alloc(k->arena, (size_t)(n + 1) * sizeof(*kept));
	memcpy(kept, fields, (size_t)n * sizeof(*kept));
	tp->fields = kept;
	tp->nfields = n;
	*out = kept;
	*why = NULL;
	return n;
}
