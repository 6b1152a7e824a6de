/* check.h — the checks of uscript's unit tests: CHECK(cond, fmt, …) counts
 * a check and, when cond is false, prints file:line and the message.  A
 * test ends with `return failures != 0;` after saying how many ran. */
#ifndef USCRIPT_CHECK_H
#define USCRIPT_CHECK_H

#include <stdarg.h>
#include <stdio.h>

static int checks, failures;

static void fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4), unused));

static void fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	failures++;
	printf("%s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

#define CHECK(cond, ...) do {                                   \
		checks++;                                       \
		if (!(cond))                                    \
			fail(__FILE__, __LINE__, __VA_ARGS__);  \
	} while (0)

#endif
