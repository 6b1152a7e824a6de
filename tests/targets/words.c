/* SPDX-License-Identifier: GPL-2.0-or-later */
/* words: calls word() with each of a few strings, and with each of its
 * arguments, for the probes of regular expression matching to read.
 * Prints nothing. */
#include <string.h>

__attribute__((noinline)) int word(const char *w)
{
	return (int)strlen(w);
}

int main(int argc, char **argv)
{
	static const char *const words[] = {
		"GET /index.html HTTP/1.1", "POST /api/items", "error: disk full",
		"warning 42", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
	};
	int total = 0;
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++) {
		volatile char first = words[i][0];   /* pages the string in: a probe reads it */
		(void)first;
		total += word(words[i]);
	}
	for (int i = 1; i < argc; i++)
		total += word(argv[i]);
	return total == -1;
}
