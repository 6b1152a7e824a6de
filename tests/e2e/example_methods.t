# examples/methods.up: a C++ class's methods by their qualified name, every
# overload, with $this->member and arguments by name; its .return probe on
# C++ code comes with the warning that exceptions cannot unwind through it.
run: cd "$D/../.." && uscript examples/methods.up -c "$T/ledger 2" | grep -v '^ledger: balance'
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
--- stderr
examples/methods.up:15:7: warning: a C++ exception thrown through a function with a .return probe ends the program (std::terminate): the unwinder meets the return probe's trampoline where the return address was
   15 | probe process.function("ledger::Account::withdraw").return {
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
