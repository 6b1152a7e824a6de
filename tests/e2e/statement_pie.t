# .statement(ADDR) probes the instruction at ADDR as objdump prints it, in
# the middle of a function of a PIE: here add's "add" instruction, where the
# arguments are still in their registers.
run: cd "$T" && a=$(objdump -d --no-show-raw-insn add | awk '/<add>:/{f=1;next} f&&/\tadd /{sub(":","",$1); print $1; exit}') && uscript -e "probe process(\"./add\").statement(0x$a) { printf(\"%s|%s|%s|%d\n\", pp(), probefunc(), ppfunc(), int_arg(1) + int_arg(2)) }" -c './add 3' | sed -e "s|$T|T|" -e "s|0x$a|ADDR|"
--- stdout
process("T/add").statement(ADDR)|add||1
process("T/add").statement(ADDR)|add||3
process("T/add").statement(ADDR)|add||5
