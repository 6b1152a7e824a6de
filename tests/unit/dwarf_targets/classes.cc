// classes.cc — the C++ program test_dwarfinfo reads and runs: methods in
// namespaces and classes, a nested class, overloads, constructors and a
// destructor, templates (functions and a class), references, a class
// passed by invisible reference, an anonymous namespace, base classes
// (one masking a member of its base, one virtual), pointers to members,
// and functions inlined into others.  Built -O0 and -O2 by build.sh.
#include <cstddef>

#if defined(__clang__)
#define API __attribute__((noinline, used))
#else
#define API __attribute__((noipa, used))
#endif

namespace ns {

int ns_counter = 5;      // a namespace's variable: in $$vars of functions defined in ns

struct Base {
	int b;
	explicit Base(int v) : b(v) {}
	virtual ~Base() {}
	virtual int get() const { return b; }
};

class Klass : public Base {
public:
	explicit Klass(int k);
	API int method(int x);
	API int method(const char *s) const;
	API static int smethod(long v);
	int inline_method(int y) { return y + k; }
	int k;
	static int count;
	union {
		int u_i;
		float u_f;
	};
	struct Nested {
		int depth;
		API int run(int times);
	};
};

int Klass::count;

Klass::Klass(int kk) : Base(kk * 2), k(kk), u_i(0)
{
	count++;
}

int Klass::method(int x)
{
	return x + k;
}

int Klass::method(const char *s) const
{
	return s[0] + k;
}

int Klass::smethod(long v)
{
	return (int)v + count;
}

int Klass::Nested::run(int times)
{
	return depth * times;
}

namespace inner {

API int deep(int &ref, int &&rref, const Klass &kref, std::nullptr_t np)
{
	(void)np;
	return ref + rref + kref.k;
}

API int method(int x)
{
	return x - 1;
}

}  // namespace inner

template <typename T>
API T twice(T v)
{
	return v + v;
}

template int twice<int>(int);
template long twice<long>(long);

static inline __attribute__((always_inline)) int helper(int x)
{
	return x * 7;
}

API int calls_helper(int a)
{
	return helper(a) + helper(a + 1);
}

}  // namespace ns

template <typename T>
struct Box {
	T value;
	API T get() const { return value; }
};

template struct Box<int>;

namespace {

API int anon_fn(int x)
{
	return x * 3;
}

}  // namespace

struct NonTrivial {
	int v;
	NonTrivial(int x) : v(x) {}
	NonTrivial(const NonTrivial &o) : v(o.v + 1) {}
	~NonTrivial() { v = 0; }
};

struct Trivial {
	long a, b;
};

struct BigTrivial {
	long a, b, c;
};

// Special members "= default" in the class are trivial: passed by value.
struct Defaulted {
	long a, b, c;
	Defaulted() = default;
	Defaulted(const Defaulted &) = default;
	~Defaulted() = default;
};

struct Masking : ns::Base {
	int b;       // hides Base::b
	int own;
	Masking() : ns::Base(1), b(2), own(3) {}
};

struct VBase {
	int vb;
};

struct Virt : virtual VBase {
	int v;
};

API int take_nt(NonTrivial nt, int after)
{
	return nt.v + after;
}

API int take_trivial(Trivial t, BigTrivial bt, int after)
{
	return (int)t.a + (int)bt.c + after;
}

API int take_defaulted(Defaulted d, int after)
{
	return (int)d.c + after;
}

API int take_masking(Masking *m, Virt *vp)
{
	return m->b + m->own + vp->v + vp->vb;
}

API int free_fn(ns::Klass *kp, int ns::Klass::*pm, int (ns::Klass::*mp)(int), bool flag,
		wchar_t wc, char16_t c16, char32_t c32)
{
	return kp->*pm + (kp->*mp)(1) + flag + (int)wc + (int)c16 + (int)c32;
}

int main(int argc, char **argv)
{
	(void)argv;
	ns::Klass k(argc);
	int r = k.method(1) + k.method("x") + ns::Klass::smethod(2) + k.inline_method(3);
	ns::Klass::Nested nested = { 4 };
	r += nested.run(2);
	int a = 1;
	r += ns::inner::deep(a, 2, k, nullptr) + ns::inner::method(5);
	r += ns::twice(1) + (int)ns::twice(2L);
	r += ns::calls_helper(argc);
	Box<int> box = { 6 };
	r += box.get();
	r += anon_fn(argc);
	r += take_nt(NonTrivial(1), 2) + take_trivial(Trivial{1, 2}, BigTrivial{3, 4, 5}, 6);
	Defaulted df;
	df.a = 1;
	df.b = 2;
	df.c = 3;
	r += take_defaulted(df, 4);
	Masking mk;
	Virt v;
	v.v = 7;
	v.vb = 8;
	r += take_masking(&mk, &v);
	r += free_fn(&k, &ns::Klass::k, &ns::Klass::method, true, L'w', u'c', U'z');
	ns::Base *b = &k;
	r += b->get();
	return r == 0;
}
