# needs: nothing
# .plt points that resolve to nothing, and what a PLT entry cannot give,
# are errors at the point or the variable; a .return on a function that
# never returns is left out with a warning, one on C++ code warns of
# exceptions.
run: cd "$T" && uscript -p2 -e 'probe process("./mallocs").plt("nosuch") {} probe process("./mallocs").plt(3) {} probe process("./mallocs").plt.call {}' 2>&1 | grep error: | sed "s|$T|T|g"; uscript -p2 -e 'probe process("./mallocs").plt("malloc") { print($size) }' 2>&1 | grep error: | sed "s|$T|T|g"; uscript -p2 -e 'probe process("./battery_cxx").plt("__cxa_throw").return {} probe process("./battery_cxx").plt("_Z*").return {}' 2>&1 | grep -E 'warning:|error:'; d=$(mktemp -d) && echo 'int main(void) { return 0; }' > $d/st.c && gcc -static -o $d/st $d/st.c && uscript -p2 -e 'probe process("'$d'/st").plt {}' 2>&1 | grep error: | sed "s|$d|D|g"; rm -r $d
--- stdout
<input>:1:7: error: probe point process("./mallocs").plt("nosuch") does not resolve: no PLT entry is named 'nosuch' in T/mallocs
<input>:1:51: error: probe point process("./mallocs").plt(3) does not resolve: .plt takes a function's name, as in .plt("malloc")
<input>:1:88: error: probe point process("./mallocs").plt.call does not resolve: a PLT probe is .plt, .plt("NAME") or either with .return
<input>:1:50: error: no target variable $size at process("T/mallocs").plt("malloc"): a PLT entry has only $$name (there is no debug information there; int_arg(N), pointer_arg(N) and the like read the arguments)
<input>:1:7: warning: '__cxa_throw' never returns, so a .return probe on it would never fire; it is left out
<input>:1:67: warning: a C++ exception thrown through a function with a .return probe ends the program (std::terminate): the unwinder meets the return probe's trampoline where the return address was
<input>:1:7: error: probe point process("D/st").plt does not resolve: D/st has no PLT entries (a static program, or one that calls other files' functions without a PLT)
