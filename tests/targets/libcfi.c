/* libcfi: a shared library in the middle of a stack of code built without
 * frame pointers: cfi_each(fn, n) calls back into the program for
 * 0..n-1.  Optimized, frame pointers omitted, call-frame information kept
 * (.eh_frame), as distributions build their libraries. */
/* cflags: -O2 -fomit-frame-pointer */
int cfi_each(int (*fn)(int), int n)
{
	volatile int sum = 0;
	for (int i = 0; i < n; i++)
		sum += fn(i);
	return sum + 1;
}
