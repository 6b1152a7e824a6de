/* SPDX-License-Identifier: GPL-2.0-or-later */
/* embedded.h — embedded C (`%{ … %}`), which parses anywhere SystemTap
 * allows it and cannot run on BPF: refused where the script would run it. */
#ifndef USCRIPT_EMBEDDED_H
#define USCRIPT_EMBEDDED_H

#include "parse/ast.h"

/* Reports each embedded-C expression that a probe reaches, directly or
 * through calls, and each call of a function written in embedded C.  What
 * no probe reaches is left alone, as SystemTap elides unused functions. */
void embedded_check(struct script *s);

#endif
