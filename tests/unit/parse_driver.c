/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse_driver.c — `parse_driver FILE`: parses FILE ("-" for standard
 * input) and, when it has no errors, prints the tree as `uscript -p1`
 * would.  Exits 0 without errors, 1 with.  The golden tests in tests/parse
 * run through it, so the front end can be checked without the rest of
 * uscript. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/arena.h"
#include "parse/ast.h"
#include "parse/diag.h"
#include "parse/parse.h"

/* The whole file, NUL-terminated; NULL with errno set on failure. */
static char *read_all(FILE *f, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		n += fread(buf + n, 1, cap - n - 1, f);
		if (ferror(f)) {
			int err = errno;
			free(buf);
			errno = err;
			return NULL;
		}
		if (feof(f))
			break;
		cap *= 2;
		buf = xrealloc(buf, cap);
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s FILE\n", argv[0]);
		return 2;
	}
	bool is_stdin = strcmp(argv[1], "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(argv[1], "rb");
	size_t len = 0;
	char *text = f ? read_all(f, &len) : NULL;
	if (!text) {
		diag_error(NULL, "cannot read %s: %s", argv[1], strerror(errno));
		return 1;
	}
	if (!is_stdin)
		fclose(f);

	struct src_file file = { is_stdin ? "<stdin>" : argv[1], text, len };
	struct arena *arena = arena_new();
	struct script *script = parse_script(arena, &file, NULL);
	int status = diag_errors() ? 1 : 0;
	if (!status)
		ast_print(script, stdout);
	arena_free(arena);
	free(text);
	return status;
}
