# A global written only in BPF is printed at the end with its last value.
run: cd "$T" && uscript -e 'global last, who; probe process("./add").function("add") { last = int_arg(2); who = execname() }' -c './add 4'
--- stdout
last=4
who="add"
