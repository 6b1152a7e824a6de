# Functions calling functions, returning strings and longs, in BPF.
run: cd "$T" && uscript -e 'function inner(x) { return x * 2 } function middle(x) { return inner(x) + 1 } function name:string(x) { return x > 3 ? "big" : "small" } probe process("./add").function("add") { v = middle(int_arg(2)); printf("%d %s\n", v, name(v)) }' -c './add 2'
--- stdout
3 small
5 big
