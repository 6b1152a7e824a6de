# An ELF file with neither .symtab nor .dynsym: the error says so.
run: d=$(mktemp -d) && objcopy -R .dynsym "$T/add_stripped" "$d/nosyms" && uscript -e 'probe process("'"$d"'/nosyms").function("add") { }' 2>&1 | grep -c "error: .*$d/nosyms has no symbol table"; echo "status ${PIPESTATUS[0]}"; rm -rf "$d"
--- stdout
1
status 1
