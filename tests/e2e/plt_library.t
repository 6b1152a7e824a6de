# A shared library's PLT is its own: its calls to libc go through it in
# every process that maps it, and the program's PLT holds its calls to the
# library (.return gives what they return).  A C++ program's PLT names are
# the linked (mangled) ones.
run: d=$(mktemp -d) && printf '#include <string.h>\n#include <stdlib.h>\nsize_t lib_len(const char *s) { char *d = strdup(s); size_t n = strlen(d); free(d); return n; }\n' > $d/lib.c && printf '#include <stdlib.h>\nsize_t lib_len(const char *s);\nint main(int argc, char **argv) { size_t t = 0; for (int i = 0; i < atoi(argv[1]); i++) t += lib_len("abc"); return t == 0; }\n' > $d/main.c && gcc -shared -fPIC -o $d/libp.so $d/lib.c && gcc -o $d/main $d/main.c -L$d -lp -Wl,-rpath,$d && uscript -e 'probe process("'$d'/libp.so").plt { printf("%s\n", $$name) } probe process("'$d'/main").plt("lib_*").return { printf("%s = %d\n", ppfunc(), returnval()) }' -c "$d/main 2"; rm -r $d; uscript -l 'process("'$T'/battery_cxx").plt("_Z*")' | sed "s|$T|T|"
--- stdout
strdup
strlen
free
lib_len = 3
strdup
strlen
free
lib_len = 3
__cxa_finalize
process("T/battery_cxx").plt("_ZNSt13runtime_errorC1EPKc")
