# process("DIR/NAME"): a relative path with a directory part, resolved from the current directory.
run: cd "$T/.." && uscript -e 'probe process("bin/add").function("add") { printf("%d\n", int_arg(2)) }' -c "bin/add 3"
--- stdout
1
2
3
