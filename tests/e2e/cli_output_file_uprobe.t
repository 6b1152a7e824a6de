# -o FILE with output from BPF probes.
run: cd "$T" && d=$(mktemp -d) && uscript -o "$d/out" -e 'probe process("./add").function("add") { printf("%d\n", int_arg(1)) }' -c './add 2' && echo "--" && cat "$d/out"; rm -rf "$d"
--- stdout
--
0
1
