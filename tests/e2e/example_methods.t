# examples/methods.up: a C++ class's methods by their qualified name, every
# overload, with $this->member and arguments by name.
run: uscript "$D/../../examples/methods.up" -c "$T/ledger 2" | grep -v '^ledger: balance'
--- stdout
ledger::Account::deposit _ZN6ledger7Account7depositEl amount  10, balance 100
ledger::Account::deposit _ZN6ledger7Account7depositEli amount   5, balance 110
ledger::Account::deposit _ZN6ledger7Account7depositEl amount   5, balance 110
ledger::Account::deposit _ZN6ledger7Account7depositEl amount   5, balance 115
ledger::Account::withdraw amount  60: done
ledger::Account::deposit _ZN6ledger7Account7depositEl amount  20, balance  60
ledger::Account::deposit _ZN6ledger7Account7depositEli amount   5, balance  80
ledger::Account::deposit _ZN6ledger7Account7depositEl amount   5, balance  80
ledger::Account::deposit _ZN6ledger7Account7depositEl amount   5, balance  85
ledger::Account::withdraw amount  60: done
