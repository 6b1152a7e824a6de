# A source line of a C++ method, named by its qualified name: a line that
# starts at the method's first instruction reads the arguments where the
# ABI puts them ($by is 3 in a.grow(3)), as .function does.
run: cd "$T" && uscript -e 'probe process("./cxx_names").statement("shapes::Circle::grow@cxx_names.cc:45") { printf("%s %d\n", ppfunc(), $by) } probe process("./cxx_names").statement("shapes::area@cxx_names.cc:13") { printf("%s %d\n", ppfunc(), $side) }' -c './cxx_names 2'
--- stdout
shapes::area 2
shapes::Circle::grow 3
shapes::area 2
shapes::Circle::grow 3
