/* For tapset_ctime_range.t: a script that prints ctime() of some times
 * ("script"), and what it must print ("dates": asctime in UTC, one a
 * line).  The times: the ends of ctime's range, the epoch, the days
 * around 29 February 2000 and 1 March 1900's neighbours in range, and
 * times spread over the range by a fixed step. */
#include <stdio.h>
#include <string.h>
#include <time.h>

static long long times[200];
static int n;

static void add(long long t)
{
	times[n++] = t;
}

int main(int argc, char **argv)
{
	add(-2147483648LL);
	add(2147483647LL);
	add(0);
	add(-1);
	add(1);
	add(951782399);   /* 2000-02-28 23:59:59 */
	add(951782400);   /* 2000-02-29 */
	add(951868800);   /* 2000-03-01 */
	add(-2145916801); /* 1901-12-31 23:59:59 */
	add(-2145916800); /* 1902-01-01 */
	add(68169600);    /* 1972-02-29 */
	add(1709164800);  /* 2024-02-29 */
	add(1798675200);  /* 2026-12-31 */
	add(-86400);
	add(-31536000);
	add(2145916800);  /* 2038-01-01 */
	for (long long t = -2147483648LL + 7777; n < 120; t += 35791394LL + 3607)
		add(t);
	int dates = argc > 1 && strcmp(argv[1], "dates") == 0;
	for (int i = 0; i < n; i++) {
		if (!dates) {
			printf("%sprintln(ctime(%lld))\n", i ? "" : "probe begin {\n", times[i]);
			continue;
		}
		time_t t = (time_t)times[i];
		char *s = asctime(gmtime(&t));
		s[strlen(s) - 1] = '\0';
		puts(s);
	}
	if (!dates)
		printf("exit()\n}\n");
	return 0;
}
