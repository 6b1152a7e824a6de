/* SPDX-License-Identifier: GPL-2.0-or-later */
/* errname.c — the errors the kernel returns, in words.
 *
 * Besides the errno values of its interface, the kernel has codes of its
 * own, from 512 on (include/linux/errno.h), that should never reach a
 * program but do: a uprobe on an instruction it cannot probe fails with
 * ENOTSUPP, 524.  The C library knows nothing of them and calls each
 * "Unknown error 524", which tells the user nothing; here each has its
 * name and a few words. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

static const struct {
	int code;
	const char *name, *words;
} internal[] = {
	{ 512, "ERESTARTSYS", "Interrupted by a signal, to be restarted" },
	{ 513, "ERESTARTNOINTR", "Interrupted, to be restarted" },
	{ 514, "ERESTARTNOHAND", "Interrupted by a signal that has no handler" },
	{ 515, "ENOIOCTLCMD", "No such ioctl command" },
	{ 516, "ERESTART_RESTARTBLOCK", "Interrupted, to be restarted by restart_syscall" },
	{ 517, "EPROBE_DEFER", "A driver's probe was deferred" },
	{ 518, "EOPENSTALE", "An open found a stale file" },
	{ 519, "ENOPARAM", "No such parameter" },
	{ 521, "EBADHANDLE", "Bad NFS file handle" },
	{ 522, "ENOTSYNC", "Update out of synchronisation" },
	{ 523, "EBADCOOKIE", "Stale cookie" },
	{ 524, "ENOTSUPP", "Not supported by the kernel" },
	{ 525, "ETOOSMALL", "Buffer or request too small" },
	{ 526, "ESERVERFAULT", "The server cannot handle the operation" },
	{ 527, "EBADTYPE", "Type not supported by the server" },
	{ 528, "EJUKEBOX", "Request started, and will not end before the timeout" },
	{ 529, "EIOCBQUEUED", "I/O queued" },
	{ 530, "ERECALLCONFLICT", "Conflict with recalled state" },
	{ 531, "ENOGRACE", "NFS lock reclaim refused" },
};

const char *errno_text(int err)
{
	static char buf[128];
	for (size_t i = 0; i < sizeof(internal) / sizeof(internal[0]); i++)
		if (internal[i].code == err) {
			snprintf(buf, sizeof(buf), "%s (%s, the kernel's own error %d)",
				 internal[i].words, internal[i].name, err);
			return buf;
		}
	/* strerrorname_np() names exactly the codes strerror() knows. */
	if (err > 0 && strerrorname_np(err))
		return strerror(err);
	snprintf(buf, sizeof(buf), "error %d, which the kernel does not name", err);
	return buf;
}

/* Where msg says an error code the C library has no words for, as
 * strerror() says it ("Unknown error 524") or as libbpf does when
 * strerror_r() fails ("ERROR: strerror_r(-524)=22"): the first byte of the
 * saying, its length and the code, or NULL. */
static const char *unnamed_error(const char *msg, size_t *len, int *code)
{
	static const char *const forms[] = { "Unknown error ", "ERROR: strerror_r(-" };
	const char *first = NULL;
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		const char *p = strstr(msg, forms[i]);
		const char *digits = p ? p + strlen(forms[i]) : NULL;
		if (!p || *digits < '0' || *digits > '9' || (first && p > first))
			continue;
		char *end;
		*code = (int)strtol(digits, &end, 10);
		if (i == 1 && strncmp(end, ")=", 2) == 0)
			for (end += 2; *end >= '0' && *end <= '9'; end++)
				;
		*len = (size_t)(end - p);
		first = p;
	}
	return first;
}

void errno_rewrite(struct strbuf *out, const char *msg)
{
	const char *p;
	size_t len;
	int code;
	while ((p = unnamed_error(msg, &len, &code))) {
		strbuf_printf(out, "%.*s%s", (int)(p - msg), msg, errno_text(code));
		msg = p + len;
	}
	strbuf_printf(out, "%s", msg);
}
