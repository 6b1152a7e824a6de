# needs: nothing
# GCC's "f.cold" is the unlikely part of f moved away from it, not a
# function: a wildcard leaves it out, as SystemTap's DWARF does; named
# exactly, it can still be probed.
run: cd "$T" && uscript -l 'process("./cold").function("work*")' | sed -e "s|$T|T|" -e 's|@[^"]*/cold.c|@cold.c|'; uscript -l 'process("./cold").function("work.cold")' | sed "s|$T|T|"
--- stdout
process("T/cold").function("work@cold.c:4")
process("T/cold").function("work.cold")
