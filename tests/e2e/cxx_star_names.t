# function("*") names each C++ function by its DWARF name alone, as SystemTap's
# pp() does; probefunc() is the mangled symbol.  Only the program's own C++
# functions are printed, in the order they are called.
run: cd "$T" && uscript -e 'probe process("./cxx_names").function("*") { if (substr(probefunc(), 0, 2) == "_Z") printf("%s\n", ppfunc()) }' -c './cxx_names'
--- stdout
area
area
twice<int>
twice<double>
Circle
Circle
grow
grow
operator<
operator+=
~Circle
~Circle
count
hidden
grow
