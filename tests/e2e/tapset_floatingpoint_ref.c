/* For tapset_floatingpoint.t: a script that computes with floatingpoint.stp
 * ("script"), and what it must print ("expected"), from this machine's own
 * doubles (IEEE 754, rounded to nearest even).  Each result is printed as
 * its 64 bits in hex, or "nan" for any NaN (which NaN an operation makes is
 * the hardware's choice).  fp_to_string and string_to_fp are SystemTap's
 * algorithms, done here with the machine's doubles. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double vals[64];
static int nvals;
static long long longs[32];
static int nlongs;
static const char *strs[] = { "3.14", "-2.5", "1e3", "1.5e-3", "0", "+7", "0.1",
			      "123456789012345678901234", ".5", "2.", "6.02214076e23",
			      "-1e-5" };
static const float floats[] = { 0.0f, -0.0f, 1.5f, -3.25e-3f, 1e-40f, 3.4e38f };

static uint64_t bits(double d)
{
	uint64_t u;
	memcpy(&u, &d, 8);
	return u;
}

static double from(uint64_t u)
{
	double d;
	memcpy(&d, &u, 8);
	return d;
}

static void show(double d)
{
	if (isnan(d))
		printf("nan\n");
	else
		printf("%llx\n", (unsigned long long)bits(d));
}

static long long to_long(double d, int mode)
{
	if (isnan(d))
		return 0;
	double r;
	switch (mode) {
	case 0: r = nearbyint(d); break;
	case 1: r = trunc(d); break;
	case 2: r = floor(d); break;
	case 3: r = ceil(d); break;
	case 4: r = round(d); break;
	default: r = trunc(d); break;
	}
	if (r >= 9223372036854775808.0)
		return INT64_MAX;
	if (r < -9223372036854775808.0)
		return INT64_MIN;
	long long v = (long long)r;
	if (mode == 6 && r != d)
		v |= 1;
	return v;
}

static void f64_to_str(char *out, double a, int precision)
{
	char buf[32];
	out[0] = '\0';
	if (isinf(a)) {
		strcat(out, a < 0 ? "-Infinity" : "Infinity");
		return;
	}
	if (isnan(a)) {
		strcat(out, "NaN");
		return;
	}
	if (signbit(a))
		strcat(out, "-");
	double x = fabs(a);
	int e10 = 0;
	while (1e18 <= x) {
		x = x / 10;
		e10++;
	}
	long long i = (long long)x;
	double f = x - (double)i;
	sprintf(buf, "%lld", i);
	strcat(out, buf);
	if (precision > 0) {
		strcat(out, ".");
		for (int k = 0; k < precision - 1; k++) {
			f = f * 10;
			long long d = (long long)f;
			sprintf(buf, "%lld", d);
			strcat(out, buf);
			f = f - (double)d;
		}
		f = f * 10;
		long long last = (long long)f;
		f = f - (double)last;
		f = f * 10;
		if ((long long)f >= 5)
			last++;
		sprintf(buf, "%lld", last);
		strcat(out, buf);
	}
	if (e10) {
		sprintf(buf, "e%d", e10);
		strcat(out, buf);
	}
}

static double str_to_f64(const char *s)
{
	int i = 0;
	double sign = s[0] == '-' ? -1 : 1, value = 0, power = 1;
	if (s[i] == '-' || s[i] == '+')
		i++;
	for (; s[i] >= '0' && s[i] <= '9'; i++)
		value = value * 10 + (s[i] - '0');
	if (s[i] == '.')
		i++;
	for (; s[i] >= '0' && s[i] <= '9'; i++) {
		value = value * 10 + (s[i] - '0');
		power = power * 10;
	}
	if (s[i] == 'e' || s[i] == 'E') {
		i++;
		int neg = s[i] == '-';
		if (s[i] == '-' || s[i] == '+')
			i++;
		int count = 0;
		for (; s[i] >= '0' && s[i] <= '9'; i++)
			count = count * 10 + (s[i] - '0');
		for (; count > 0; count--)
			power = neg ? power * 10 : power / 10;
	}
	return sign * (value / power);
}

int main(int argc, char **argv)
{
	static const double fixed[] = {
		0.0, -0.0, 1.0, -1.0, 0.5, 3.14, 2.0, 10.0, 1e18, 1e-300, 4.9e-324,
		2.2250738585072014e-308, 1.7976931348623157e308, INFINITY, -INFINITY,
		NAN, 1.0 / 3, 123456789.123, -2.5, 7e22, 1e-5, 2.5, 3.5, -0.5,
		9007199254740993.0, 1.0000000000000002, 4.4501477170144023e-308,
		1e308, -3e-310,
	};
	for (size_t k = 0; k < sizeof(fixed) / sizeof(*fixed); k++)
		vals[nvals++] = fixed[k];
	uint64_t x = 88172645463325252ull;
	while (nvals < 37) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		double d = from(x);
		if (isfinite(d))
			vals[nvals++] = d;
	}
	static const long long lfixed[] = {
		0, 1, -1, 9007199254740992LL, 9007199254740993LL, 9007199254740995LL,
		18014398509481986LL, 18014398509481990LL, INT64_MAX, INT64_MIN,
		12345678901234567LL, -98765432109876543LL, 1000000, -7,
	};
	for (size_t k = 0; k < sizeof(lfixed) / sizeof(*lfixed); k++)
		longs[nlongs++] = lfixed[k];

	if (argc > 1 && strcmp(argv[1], "script") == 0) {
		printf("global fv, fl, fs, ff\n");
		printf("function show(x) { println(((x >> 52) & 0x7ff) == 0x7ff && (x & 0xfffffffffffff) ? \"nan\" : sprintf(\"%%x\", x)) }\n");
		printf("probe begin {\n");
		for (int i = 0; i < nvals; i++)
			printf("\tfv[%d] = %lld\n", i, (long long)bits(vals[i]));
		for (int i = 0; i < nlongs; i++)
			printf("\tfl[%d] = %lld\n", i, longs[i]);
		for (size_t i = 0; i < sizeof(strs) / sizeof(*strs); i++)
			printf("\tfs[%zu] = \"%s\"\n", i, strs[i]);
		for (size_t i = 0; i < sizeof(floats) / sizeof(*floats); i++) {
			uint32_t u;
			memcpy(&u, &floats[i], 4);
			printf("\tff[%zu] = %u\n", i, u);
		}
		printf("\tfor (i = 0; i < %d; i++) for (j = 0; j < %d; j++) {\n", nvals, nvals);
		printf("\t\tshow(fp_add(fv[i], fv[j])); show(fp_sub(fv[i], fv[j]))\n");
		printf("\t\tshow(fp_mul(fv[i], fv[j])); show(fp_div(fv[i], fv[j]))\n");
		printf("\t\tprintln(fp_eq(fv[i], fv[j]), fp_lt(fv[i], fv[j]), fp_le(fv[i], fv[j]))\n");
		printf("\t}\n");
		printf("\tfor (i = 0; i < %d; i++) {\n", nvals);
		printf("\t\tshow(fp_sqrt(fv[i]))\n");
		printf("\t\tfor (m = 0; m <= 6; m++) if (m != 5) println(fp_to_long(fv[i], m, 0))\n");
		printf("\t\tfor (p = 0; p <= 6; p += 3) println(fp_to_string(fv[i], p))\n");
		printf("\t}\n");
		printf("\tfor (i = 0; i < %d; i++) show(long_to_fp(fl[i]))\n", nlongs);
		printf("\tfor (i = 0; i < %zu; i++) show(string_to_fp(fs[i]))\n",
		       sizeof(strs) / sizeof(*strs));
		printf("\tfor (i = 0; i < %zu; i++) show(fp32_to_fp64(ff[i]))\n",
		       sizeof(floats) / sizeof(*floats));
		printf("\texit()\n}\n");
		return 0;
	}
	char buf[128];
	for (int i = 0; i < nvals; i++)
		for (int j = 0; j < nvals; j++) {
			double a = vals[i], b = vals[j];
			show(a + b);
			show(a - b);
			show(a * b);
			show(a / b);
			printf("%d%d%d\n", a == b, a < b, a <= b);
		}
	for (int i = 0; i < nvals; i++) {
		show(sqrt(vals[i]));
		for (int m = 0; m <= 6; m++)
			if (m != 5)
				printf("%lld\n", to_long(vals[i], m));
		for (int p = 0; p <= 6; p += 3) {
			f64_to_str(buf, vals[i], p);
			printf("%s\n", buf);
		}
	}
	for (int i = 0; i < nlongs; i++)
		show((double)longs[i]);
	for (size_t i = 0; i < sizeof(strs) / sizeof(*strs); i++)
		show(str_to_f64(strs[i]));
	for (size_t i = 0; i < sizeof(floats) / sizeof(*floats); i++)
		show((double)floats[i]);
	return 0;
}
