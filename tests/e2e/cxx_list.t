# -l lists what a C++ name matches, as pp() names it.
# needs: nothing
run: cd "$T" && src=$(cd "$D/../.." && pwd) && uscript -l 'process("./cxx_names").function("Circle::grow")' | sed -e "s|$src/tests/targets/|SRC/|g" -e "s|$T|T|g" | sort
--- stdout
process("T/cxx_names").function("Circle::grow@SRC/cxx_names.cc:44")
process("T/cxx_names").function("Circle::grow@SRC/cxx_names.cc:45")
