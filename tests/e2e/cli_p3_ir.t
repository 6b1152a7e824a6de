# -p3 prints LLVM IR: the module defines functions.
# needs: nothing
run: cd "$T" && uscript -p3 -e 'probe process("./add").function("add") { println(int_arg(1)) }' | grep -c '^define' | awk '{ print ($1 > 0) }'
--- stdout
1
