/* SPDX-License-Identifier: GPL-2.0-or-later */
// ledger.cc — a small C++ program for the C++ example (methods.up): a
// class in a namespace, with an overloaded method.
//
//   ledger [N]   makes N rounds of deposits and withdrawals (3 by default)
#include <cstdio>
#include <cstdlib>

namespace ledger {

class Account {
public:
	explicit Account(long opening) : balance(opening) {}
	void deposit(long amount);
	void deposit(long amount, int times);
	bool withdraw(long amount);
	long total() const { return balance; }

private:
	long balance;
};

void Account::deposit(long amount)
{
	balance += amount;
}

void Account::deposit(long amount, int times)
{
	for (int i = 0; i < times; i++)
		deposit(amount);
}

bool Account::withdraw(long amount)
{
	if (amount > balance)
		return false;
	balance -= amount;
	return true;
}

}  // namespace ledger

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 3;
	ledger::Account a(100);
	for (int i = 1; i <= n; i++) {
		a.deposit(10 * i);
		a.deposit(5, 2);
		a.withdraw(60);
	}
	printf("ledger: balance %ld\n", a.total());
	return 0;
}
