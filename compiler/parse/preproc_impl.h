/* SPDX-License-Identifier: GPL-2.0-or-later */
/* preproc_impl.h — what the preprocessor's two files share: its token, and
 * the evaluation of a condition (ppcond.c) for the expansion and the
 * conditionals (preproc.c).  Like lexer.l, they use bison's token kinds. */
#ifndef USCRIPT_PREPROC_IMPL_H
#define USCRIPT_PREPROC_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "parser.h"

/* A token as the preprocessor passes it on. */
struct pp_tok {
	int kind;
	PARSE_STYPE val;
	struct loc loc;
	const char *text;        /* its spelling, for messages */
	size_t len;
	const char *origin;      /* "macro '@m'" when it came from one */
};

/* The host's facts, read when a condition first asks for them. */
struct pp_host {
	struct arena *arena;
	const char *kernel_release;  /* instead of uname's, if not NULL */
	bool have_uname;
	char arch[65], kernel_v[65], kernel_vr[65];
	bool have_config;
	char *config;                /* the kernel's .config, or NULL */
};

/* One comparison `l op r`; an error is reported and leaves *ok false. */
bool ppcond_eval(struct pp_host *h, const struct pp_tok *l, const struct pp_tok *op,
		 const struct pp_tok *r, bool *ok);

/* Frees what the facts hold outside the arena. */
void ppcond_release(struct pp_host *h);

#endif
