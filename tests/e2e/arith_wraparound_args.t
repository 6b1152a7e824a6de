# The same wrap-around with values only known at run time, in a uprobe (BPF).
run: cd "$T" && uscript -e 'probe process("./add").function("add") { max = $1 + int_arg(1); min = -max - 1; m = int_arg(1) - 1; printf("%d %d %d %d\n", max + 1, max * 2, min / m, min % m) }' -c './add 1' 9223372036854775807
--- stdout
-9223372036854775808 -2 -9223372036854775808 0
