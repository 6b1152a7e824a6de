# A C++ stack through libstdc++ (a std::thread's start routine): the value
# of sprint_ubacktrace() after string operations is the text print shows,
# the library's frame named from its .dynsym as print names it.
# Stacks from the walk by frame pointers alone (-D USTACK_BYTES=0), of
# which the value is made: printed ones are otherwise unwound by CFI.
run: cd "$T" && uscript -D USTACK_BYTES=0 -D MAXSTRINGLEN=1024 -e 'probe process("./cxx_stack").function("shapes::work") { s = sprint_ubacktrace(); t = substr(s, 0, strlen(s)) . ""; if (isinstr(t, "libstdc++") && t == s) printf("%s==\n", t); printf("%s", sprint_ubacktrace()); exit() }' -c ./cxx_stack > out.$$; if diff <(sed -n '1,/^==$/p' out.$$ | head -n -1) <(sed -n '/^==$/,$p' out.$$ | tail -n +2) >/dev/null; then echo same; fi; head -2 out.$$; grep -c 'libstdc++.so' out.$$; rm -f out.$$
--- stdout
same
_ZN6shapes4workEi+0x0 [cxx_stack]
_ZN6shapes4bodyEv+0xe [cxx_stack]
2
