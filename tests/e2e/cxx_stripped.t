# A stripped C++ program (its exported functions left in .dynsym) still matches by
# qualified name — SystemTap would need DWARF for that — and pp() names the
# function as the point did, with no @file:line.  Matched by linked name, as
# SystemTap matches a file without DWARF, pp() is the linked name.
run: cd "$T" && uscript -e 'probe process("./cxx_names_stripped").function("shapes::*::grow"), process("./cxx_names_stripped").function("_ZN6shapes4area*") { println(pp()) }' -c './cxx_names_stripped' | sed -e "s|$T|T|g"
--- stdout
process("T/cxx_names_stripped").function("_ZN6shapes4areaEi")
process("T/cxx_names_stripped").function("_ZN6shapes4areaEll")
process("T/cxx_names_stripped").function("shapes::Circle::grow")
process("T/cxx_names_stripped").function("shapes::Circle::grow")
