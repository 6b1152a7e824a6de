// cxx_names.cc — C++ functions for the tests of C++ names in probe points:
// a namespace with overloads and a template, a class with a constructor, a
// destructor, overloaded methods, operators and a nested class, an
// anonymous namespace, a global function with a method's name, and a C
// function.  `cxx_names N` runs the calls in main N times (once by
// default), in the order written there.  It prints nothing.
#include <cstdlib>

namespace shapes {

int area(int side)
{
	return side * side;
}

long area(long w, long h)
{
	return w * h;
}

template <class T> T twice(T v)
{
	return v + v;
}

class Circle {
public:
	explicit Circle(int r);
	~Circle();
	int grow();
	int grow(int by);
	bool operator<(const Circle &o) const;
	Circle &operator+=(int k);
	struct Stats {
		static int count(int x);
	};

private:
	int r;
};

Circle::Circle(int r0) : r(r0) {}
Circle::~Circle() { r = 0; }
int Circle::grow() { return ++r; }
int Circle::grow(int by) { return r += by; }
bool Circle::operator<(const Circle &o) const { return r < o.r; }
Circle &Circle::operator+=(int k) { r += k; return *this; }
int Circle::Stats::count(int x) { return x + 1; }

}  // namespace shapes

namespace {
int hidden(int x) { return x - 1; }
}

int grow(int x) { return x + 2; }
extern "C" int c_entry(int x) { return x * 3; }

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	long sum = 0;
	for (int i = 0; i < n; i++) {
		sum += shapes::area(2);
		sum += shapes::area(2L, 3L);
		sum += shapes::twice(4);
		sum += (long)shapes::twice(1.5);
		{
			shapes::Circle a(1), b(2);
			sum += a.grow();
			sum += a.grow(3);
			sum += a < b;
			a += 5;
		}
		sum += shapes::Circle::Stats::count(1);
		sum += hidden(1) + grow(1) + c_entry(1);
	}
	return sum == 12345;   // never: the sum only keeps the calls
}
