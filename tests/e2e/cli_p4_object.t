# -p4 -o FILE writes the BPF object: an ELF file.
# needs: nothing
run: cd "$T" && d=$(mktemp -d) && uscript -p4 -o "$d/o.bpf" -e 'probe process("./add").function("add") { println(int_arg(1)) }' && head -c4 "$d/o.bpf" | od -An -c; rm -rf "$d"
--- stdout
 177   E   L   F
