# In a C++ program the names are the symbols as linked, as print shows
# them; usymname() of the probed address is probefunc().
run: cd "$T" && uscript -e 'probe process("./cxx_names").function("shapes::area") { s = sprint_ubacktrace(); n = usymname(strtol(ucallers(0), 16)); printf("%s%s %d\n", s, n, n == probefunc()); exit() }' -c ./cxx_names | grep -v libc
--- stdout
_ZN6shapes4areaEi+0x0 [cxx_names]
main+0x51 [cxx_names]
_ZN6shapes4areaEi 1
