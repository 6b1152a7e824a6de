// SPDX-License-Identifier: GPL-2.0-or-later
// casts_cxx.cc — C++ types for @cast, @var and globals: a class with a
// base class, in a namespace, passed to take() as a plain long; a
// namespace's global and a class's static member.
//
//   casts_cxx N   calls take() and Shop::sell() N times
#include <cstdlib>

namespace store {

struct Item {
	long price;
	int stock;
};

class Shop : public Item {
public:
	int sell(int n);
	static int opened;
	Item extra[2];
	const char *kind;
};

int Shop::opened = 3;
long sold = 40;

int Shop::sell(int n)
{
	stock -= n;
	sold += n;
	return stock;
}

}  // namespace store

store::Shop shop;

long __attribute__((noinline)) take(long p)
{
	return p + 1;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? std::atoi(argv[1]) : 1;
	shop.price = 250;
	shop.stock = 9;
	shop.extra[1].price = 7;
	for (int i = 0; i < n; i++) {
		take((long)&shop);
		shop.sell(1);
	}
	return 0;
}
