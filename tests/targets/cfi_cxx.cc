// cfi_cxx: a C++ stack built with -O2 and without frame pointers:
// main -> shapes::Walker::run -> shapes::visit<int> -> shapes::leaf,
// N times (argv[1], 3 by default) 10 ms apart.  Prints nothing.
// cflags: -O2 -fomit-frame-pointer
#include <cstdlib>
#include <ctime>

namespace shapes {
volatile int sink;

__attribute__((noipa)) int leaf(int x)
{
	sink = x;
	return x * 3;
}

template <typename T> __attribute__((noipa)) T visit(T x)
{
	T r = leaf(x + 1);
	sink = r;
	return r + 2;
}

struct Walker {
	int base;
	__attribute__((noipa)) int run(int n);
};

int Walker::run(int n)
{
	int r = visit<int>(n + base);
	sink = r;
	return r - 1;
}
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? std::atoi(argv[1]) : 3;
	struct timespec ten_ms = { 0, 10 * 1000 * 1000 };
	shapes::Walker w{ 1 };
	long sum = 0;
	for (int i = 0; i < n; i++) {
		sum += w.run(i);
		nanosleep(&ten_ms, nullptr);
	}
	return sum < 0;
}
