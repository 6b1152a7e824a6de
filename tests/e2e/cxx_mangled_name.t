# A mangled name selects one overload; pp() names the function as SystemTap does
# when its DWARF matched the linkage name: the DW_AT_name, no scopes.
run: cd "$T" && src=$(cd "$D/../.." && pwd) && uscript -D MAXSTRINGLEN=512 -e 'probe process("./cxx_names").function("_ZN6shapes4areaEl*") { printf("%s | %s\n", pp(), probefunc()) }' -c './cxx_names' | sed -e "s|$src/tests/targets/|SRC/|g" -e "s|$T|T|g"
--- stdout
process("T/cxx_names").function("area@SRC/cxx_names.cc:16") | _ZN6shapes4areaEll
