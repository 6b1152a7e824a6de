# .return probes on C++ names: every overload returns, and pp() ends in .return;
# a warning says once that a C++ exception cannot unwind through them.
run: cd "$T" && src=$(cd "$D/../.." && pwd) && uscript -D MAXSTRINGLEN=512 -e 'probe process("./cxx_names").function("shapes::Circle::grow").return { println(pp()) }' -c './cxx_names' | sed -e "s|$src/tests/targets/|SRC/|g" -e "s|$T|T|g"
--- stdout
process("T/cxx_names").function("shapes::Circle::grow@SRC/cxx_names.cc:44").return
process("T/cxx_names").function("shapes::Circle::grow@SRC/cxx_names.cc:45").return
--- stderr
<input>:1:7: warning: a C++ exception thrown through a function with a .return probe ends the program (std::terminate): the unwinder meets the return probe's trampoline where the return address was
    1 | probe process("./cxx_names").function("shapes::Circle::grow").return { println(pp()) }
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
