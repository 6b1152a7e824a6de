# print and println of numbers and strings from BPF.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { print(int_arg(1), "+", int_arg(2)); print(" "); println(execname(), ":", -int_arg(2)) }' -c './add 2'
--- stdout
0+1 add:-1
1+2 add:-2
