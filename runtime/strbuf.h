/* SPDX-License-Identifier: GPL-2.0-or-later */
/* strbuf.h — a growable byte buffer for building output.
 *
 * The bytes may include NULs; `len` counts them all.  Whenever `buf` is not
 * NULL, buf[len] is a NUL that is not part of the contents, so a buffer
 * without embedded NULs can be handed to anything that wants a C string.
 * A zeroed struct (STRBUF_INIT) is an empty buffer that owns nothing.
 * Functions that grow the buffer return 0 or -ENOMEM; after -ENOMEM the
 * buffer holds what it held before the call. */
#ifndef USCRIPT_STRBUF_H
#define USCRIPT_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len;   /* bytes of contents */
	size_t cap;   /* bytes allocated, the terminating NUL included */
};

#define STRBUF_INIT { NULL, 0, 0 }

/* Makes room for `n` more bytes without changing the contents. */
int strbuf_reserve(struct strbuf *sb, size_t n);

int strbuf_append(struct strbuf *sb, const void *data, size_t n);
int strbuf_putc(struct strbuf *sb, int c);
int strbuf_puts(struct strbuf *sb, const char *s);
/* Appends `n` copies of the byte `c`. */
int strbuf_pad(struct strbuf *sb, int c, size_t n);
int strbuf_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Shortens the contents to `len` bytes; a longer `len` changes nothing. */
void strbuf_truncate(struct strbuf *sb, size_t len);
/* Empties the buffer and keeps its memory for the next use. */
void strbuf_reset(struct strbuf *sb);
/* Releases the memory; the buffer is empty and usable again. */
void strbuf_free(struct strbuf *sb);

#endif
