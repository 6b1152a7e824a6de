// cxx_stack.cc — a C++ stack with a frame in a shared library: main starts
// a std::thread, whose start routine in libstdc++ calls shapes::body, which
// calls shapes::work; the thread then sleeps 100 ms, so that the process
// is still there when its stack is printed.  It prints nothing.
#include <thread>
#include <unistd.h>

namespace shapes {

int work(int x)
{
	return x * 2;
}

void body()
{
	work(3);
	usleep(100000);
}

}

int main()
{
	std::thread t(shapes::body);
	t.join();
	return 0;
}
