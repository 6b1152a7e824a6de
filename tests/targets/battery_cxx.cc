// battery_cxx: a C++ exception thrown through three frames and caught
// below them, then a normal return; prints what it saw.
#include <cstdio>
#include <stdexcept>

static int leaf(int x)
{
	if (x > 2)
		throw std::runtime_error("too big");
	return x + 1;
}

static int middle(int x)
{
	return leaf(x) * 2;
}

static int outer(int x)
{
	return middle(x) + 1;
}

int main()
{
	for (int i = 1; i <= 4; i++) {
		try {
			std::printf("outer(%d) = %d\n", i, outer(i));
		} catch (const std::exception &e) {
			std::printf("outer(%d) threw: %s\n", i, e.what());
		}
	}
	return 0;
}
