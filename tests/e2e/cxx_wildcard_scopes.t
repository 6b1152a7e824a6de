# '*' never crosses "::": "shapes::*" is the namespace's own functions (both
# overloads of area and each instance of the template), not the methods of its
# class, which "shapes::*::*" names.  Each line is ppfunc() as the call fires.
run: cd "$T" && uscript -e 'probe process("./cxx_names").function("shapes::*") { printf("1 %s\n", ppfunc()) } probe process("./cxx_names").function("shapes::*::*") { printf("2 %s\n", ppfunc()) }' -c './cxx_names'
--- stdout
1 shapes::area
1 shapes::area
1 shapes::twice<int>
1 shapes::twice<double>
2 shapes::Circle::Circle
2 shapes::Circle::Circle
2 shapes::Circle::grow
2 shapes::Circle::grow
2 shapes::Circle::operator<
2 shapes::Circle::operator+=
2 shapes::Circle::~Circle
2 shapes::Circle::~Circle
