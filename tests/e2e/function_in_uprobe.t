# Script functions called from a uprobe (compiled into BPF).
run: cd "$T" && uscript -e 'function sq(x) { return x * x } function label:string(n) { if (n > 2) return "big"; return "small" } probe process("./add").function("add") { printf("%d %s\n", sq(int_arg(2)), label(int_arg(2))) }' -c './add 3'
--- stdout
1 small
4 small
9 big
