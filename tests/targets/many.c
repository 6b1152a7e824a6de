/* many: eight() takes eight arguments, so the seventh and eighth are passed
 * on the stack; fact() recurses, so its return probes nest.  Prints nothing. */
long eight(long a1, long a2, long a3, long a4, long a5, long a6, long a7, long a8)
{
	return a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8;
}

int fact(int n)
{
	return n <= 1 ? 1 : n * fact(n - 1);
}

int main(void)
{
	long sum = eight(1, 2, 3, 4, 5, 6, -7, 8000000000L);
	return sum == 8000000014L && fact(4) == 24 ? 0 : 1;
}
