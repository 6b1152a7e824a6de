# A .o file is not a program: the probe point does not resolve.
run: d=$(mktemp -d) && echo 'int f(void) { return 1; }' > "$d/o.c" && ${CC:-cc} -c "$d/o.c" -o "$d/o.o" && uscript -e 'probe process("'"$d"'/o.o").function("f") { }' 2>/dev/null; echo "status $?"; rm -rf "$d"
--- stdout
status 1
