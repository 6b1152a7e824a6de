# Constructors, destructors, operators and templates by their C++ names: the
# constructor and destructor fire for each of two objects (one probe each,
# though the constructor has two symbols at one address); a template instance
# is named with its arguments.
run: cd "$T" && uscript -e 'probe process("./cxx_names").function("Circle::Circle"), process("./cxx_names").function("Circle::~Circle"), process("./cxx_names").function("shapes::Circle::operator<"), process("./cxx_names").function("Circle::operator+="), process("./cxx_names").function("twice<double>"), process("./cxx_names").function("Stats::count") { println(ppfunc()) }' -c './cxx_names'
--- stdout
twice<double>
Circle::Circle
Circle::Circle
shapes::Circle::operator<
Circle::operator+=
Circle::~Circle
Circle::~Circle
Stats::count
