# Signed '/' and '%' in BPF (whose own division is unsigned) follow C as on the host.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { a = int_arg(1) - 7; b = int_arg(2) + 1; printf("%d %d %d %d %d %d\n", a / b, a % b, 7 / -b, 7 % -b, a / -b, a % -b); exit() }' -c './add 1'
--- stdout
-3 -1 -3 1 3 -1
