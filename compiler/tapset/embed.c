/* SPDX-License-Identifier: GPL-2.0-or-later */
/* embed.c — the build's tool that writes the built-in tapset as C: the
 * text of each file named on the command line, and the index of their
 * definitions (tapset_impl.h), made by the scanner the compiler uses for
 * -I directories.
 *
 *   embed tapset/ansi.stp tapset/ctime.stp … > tapset_files.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

struct file {
	const char *path, *name;
	char *text;
	size_t len;
};

struct def {
	char *name;
	int kind, arity, file;
};

static struct def *defs;
static int ndefs, capdefs, cur_file;

static void add_def(void *ctx, enum tapset_kind kind, const char *name, size_t len, int arity)
{
	(void)ctx;
	if (ndefs == capdefs) {
		capdefs = capdefs ? 2 * capdefs : 64;
		defs = realloc(defs, (size_t)capdefs * sizeof(*defs));
		if (!defs)
			exit(1);
	}
	struct def *d = &defs[ndefs++];
	d->name = strndup(name, len);
	d->kind = (int)kind;
	d->arity = arity;
	d->file = cur_file;
}

static int by_name(const void *x, const void *y)
{
	const struct file *a = x, *b = y;
	return strcmp(a->name, b->name);
}

static int by_def(const void *x, const void *y)
{
	const struct def *a = x, *b = y;
	int c = strcmp(a->name, b->name);
	if (!c)
		c = a->file - b->file;
	if (!c)
		c = a->kind - b->kind;
	return c;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0, got;
	char *buf = malloc(cap);
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	*len = n;
	return buf;
}

/* A C string literal, a line of the file a line of C. */
static void literal(const char *s, size_t len)
{
	fputs("\t\"", stdout);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n' && i + 1 < len)
			fputs("\\n\"\n\t\"", stdout);
		else if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '"' || c == '\\' || c == '?')
			printf("\\%c", c);
		else if (c < 32 || c >= 127)
			printf("\\%03o", c);
		else
			putchar(c);
	}
	fputs("\"", stdout);
}

int main(int argc, char **argv)
{
	int n = argc - 1;
	struct file *files = calloc((size_t)(n ? n : 1), sizeof(*files));
	for (int i = 0; i < n; i++) {
		files[i].path = argv[i + 1];
		const char *slash = strrchr(argv[i + 1], '/');
		files[i].name = slash ? slash + 1 : argv[i + 1];
	}
	qsort(files, (size_t)n, sizeof(*files), by_name);
	printf("/* Written by compiler/tapset/embed from tapset/: do not edit. */\n"
	       "#include \"tapset/tapset_impl.h\"\n\n");
	for (int i = 0; i < n; i++) {
		files[i].text = slurp(files[i].path, &files[i].len);
		if (!files[i].text) {
			fprintf(stderr, "embed: cannot read %s\n", files[i].path);
			return 1;
		}
		cur_file = i;
		tapset_scan(files[i].text, files[i].len, add_def, NULL);
		printf("static const char text_%d[] =\n", i);
		literal(files[i].text, files[i].len);
		printf(";\n\n");
	}
	printf("const struct tapset_embedded_file tapset_embedded_files[] = {\n");
	for (int i = 0; i < n; i++)
		printf("\t{ \"%s\", text_%d, sizeof(text_%d) - 1 },\n", files[i].name, i, i);
	printf("\t{ 0 }\n};\nconst int tapset_embedded_nfiles = %d;\n\n", n);
	qsort(defs, (size_t)ndefs, sizeof(*defs), by_def);
	printf("const struct tapset_embedded_def tapset_embedded_defs[] = {\n");
	for (int i = 0; i < ndefs; i++)
		printf("\t{ \"%s\", %d, %d, %d },\n", defs[i].name, defs[i].kind, defs[i].arity,
		       defs[i].file);
	printf("\t{ 0 }\n};\nconst int tapset_embedded_ndefs = %d;\n", ndefs);
	return fflush(stdout) ? 1 : 0;
}
