# A C++ function named by its qualified name without parameters fires in every
# overload, as in SystemTap: pp() names each with its DWARF name, the scopes the
# point wrote and where that overload is defined; ppfunc() is that name;
# probefunc() the symbol as linked (SystemTap's usymname(uaddr())), mangled.
run: cd "$T" && src=$(cd "$D/../.." && pwd) && uscript -D MAXSTRINGLEN=512 -e 'probe process("./cxx_names").function("shapes::area") { printf("%s | %s | %s\n", pp(), ppfunc(), probefunc()) }' -c './cxx_names' | sed -e "s|$src/tests/targets/|SRC/|g" -e "s|$T|T|g"
--- stdout
process("T/cxx_names").function("shapes::area@SRC/cxx_names.cc:11") | shapes::area | _ZN6shapes4areaEi
process("T/cxx_names").function("shapes::area@SRC/cxx_names.cc:16") | shapes::area | _ZN6shapes4areaEll
