// geo.cc — the C++ functions test_symmatch matches probe point names
// against: namespaces, nested classes, overloads, templates, operators,
// constructors and destructors, an anonymous namespace, static functions,
// a local class, a lambda, a thunk, and clones named as GCC names them.
// main() calls everything, so that every template is instantiated.
#include <stdexcept>
#include <string>

namespace geo {

int twice(int x) { return 2 * x; }
int twice(double x) { return (int)(2 * x); }

struct Counter {
	int n;
	explicit Counter(int start);
	~Counter();
	void bump();
	void bump(int by) const;
	int operator()(int k);
	bool operator<(const Counter &o) const;
	operator int() const;
	Counter &operator<<(int k);
	template <class T> T get(T t) const { return t + n; }
	struct Inner {
		static int deep(int x);
	};
};

Counter::Counter(int start) : n(start) {}
Counter::~Counter() { n = 0; }
void Counter::bump() { n++; }
void Counter::bump(int by) const { (void)by; }
int Counter::operator()(int k) { return n + k; }
bool Counter::operator<(const Counter &o) const { return n < o.n; }
Counter::operator int() const { return n; }
Counter &Counter::operator<<(int k) { n += k; return *this; }
int Counter::Inner::deep(int x) { return x - 1; }

template <class T> T tf(T t) { return t; }

template <class T> struct Box {
	T v;
	T get() const { return v; }
};

template <class T> bool operator<<=(Box<T> &b, T x) { b.v = x; return true; }
template <class T> bool operator<(const Box<T> &b, T x) { return b.v < x; }

std::string name() { return "geo"; }   // name[abi:cxx11]()

inline namespace v1 {
int inl(int x) { return x; }
}

namespace deep {
namespace er {
int most(int x) { return x; }
}
}

}  // namespace geo

namespace {
int hidden(int x) { return x + 1; }
struct Anon {
	int m(int x) { return x; }
};
}  // namespace

static int file_static(int x) { return x * 3; }
int bump(int x) { return x + 1; }
extern "C" int c_func(int x) { return x; }

// Both::g overrides through its second base: a non-virtual thunk.
struct Base1 {
	Base1();
	virtual ~Base1();
	virtual int f();
};
struct Base2 {
	Base2();
	virtual ~Base2();
	virtual int g();
};
struct Both : Base1, Base2 {
	Both();
	~Both() override;
	int g() override;
};
Base1::Base1() {}
Base1::~Base1() {}
int Base1::f() { return 1; }
Base2::Base2() {}
Base2::~Base2() {}
int Base2::g() { return 2; }
Both::Both() {}
Both::~Both() {}
int Both::g() { return 3; }

int with_local(int k)
{
	struct Local {
		static int m(int z) { return z * 2; }
	};
	auto lam = [k](int y) { return y + k; };
	return Local::m(k) + lam(k);
}

// At -O2 GCC makes clones of these: opt::scale.constprop.0.isra.0 (an
// argument dropped, one passed by value, one constant), opt::checked.cold.
namespace opt {
struct Pair {
	int n, m;
};
__attribute__((noinline)) static int scale(const Pair &p, int unused, int k)
{
	(void)unused;
	return p.n * k;
}
__attribute__((noinline)) int checked(int x)
{
	if (__builtin_expect(x < 0, 0))
		throw std::invalid_argument("negative");
	return scale(Pair{x, 0}, 5, 3);
}
}  // namespace opt

// Clones as GCC names them (an IPA-SRA copy, a cold part), given those
// names on purpose so that every compiler makes them.
extern "C" int twice_isra(int x) __asm__("_ZN3geo5twiceEi.isra.0");
extern "C" int twice_isra(int x) { return 2 * x; }
extern "C" int bump_cold(void) __asm__("_ZN3geo7Counter4bumpEv.cold");
extern "C" int bump_cold(void) { return 0; }
extern "C" int c_func_cold(void) __asm__("c_func.cold");
extern "C" int c_func_cold(void) { return 0; }

int main(int argc, char **argv)
{
	(void)argv;
	geo::Counter c(argc);
	c.bump();
	c.bump(2);
	int sum = c(3) + (c < c) + (int)c + c.get<long>(1L) + c.get<int>(1);
	c << 4;
	sum += geo::Counter::Inner::deep(5);
	sum += geo::twice(1) + geo::twice(1.5) + geo::tf(1) + (int)geo::tf(2.0);
	geo::Box<int> b{1};
	sum += b.get() + (b <<= 2) + (b < 3);
	sum += (int)geo::name().size() + geo::inl(1) + geo::deep::er::most(1);
	sum += hidden(1) + Anon().m(1) + file_static(1) + bump(1) + c_func(1);
	Both both;
	Base2 *b2 = &both;
	sum += b2->g() + both.f();
	sum += with_local(argc);
	sum += twice_isra(1) + bump_cold() + c_func_cold() + opt::checked(argc);
	return sum == 12345;
}
