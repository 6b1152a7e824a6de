# The same C++ stack through libstdc++ in a non-PIE program (built here:
# the targets' C++ programs are PIE): values after string operations are
# what print shows, sprint_ustack() names the frames as print_ubacktrace().
# Stacks from the walk by frame pointers alone (-D USTACK_BYTES=0), of
# which the value is made: printed ones are otherwise unwound by CFI.
run: cd "$T" && ${CXX:-c++} -O0 -g -no-pie -fno-pie -pthread -o cxx_stack_nopie "$D/../targets/cxx_stack.cc" && uscript -D USTACK_BYTES=0 -D MAXSTRINGLEN=1024 -e 'probe process("./cxx_stack_nopie").function("shapes::work") { s = sprint_ubacktrace(); t = substr(s, 0, strlen(s)) . ""; if (isinstr(t, "libstdc++") && t == s) printf("%s==\n", t); printf("%s", sprint_ubacktrace()); printf("%s", sprint_ustack(ucallers(1))); exit() }' -c ./cxx_stack_nopie > out.$$; if diff <(sed -n '1,/^==$/p' out.$$ | head -n -1) <(sed -n '/^==$/,$p' out.$$ | tail -n +2 | grep -v '^ 0x') >/dev/null; then echo same; fi; head -2 out.$$; grep '^ 0x' out.$$ | sed "s|$T|T|"; rm -f out.$$
--- stdout
same
_ZN6shapes4workEi+0x0 [cxx_stack_nopie]
_ZN6shapes4bodyEv+0xe [cxx_stack_nopie]
 0x4011a6 : _ZN6shapes4workEi+0x0/0xe [T/cxx_stack_nopie]
 0x4011c2 : _ZN6shapes4bodyEv+0xe/0x1b [T/cxx_stack_nopie]
