# An anonymous namespace has no name in DWARF, so SystemTap compares it as "":
# "::hidden" and "*::hidden" both name the function in it, and pp() prints the
# empty scope.
run: cd "$T" && src=$(cd "$D/../.." && pwd) && uscript -D MAXSTRINGLEN=512 -e 'probe process("./cxx_names").function("::hidden"), process("./cxx_names").function("*::hidden") { println(pp()) }' -c './cxx_names' | sed -e "s|$src/tests/targets/|SRC/|g" -e "s|$T|T|g"
--- stdout
process("T/cxx_names").function("::hidden@SRC/cxx_names.cc:53")
process("T/cxx_names").function("::hidden@SRC/cxx_names.cc:53")
