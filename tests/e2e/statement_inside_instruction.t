# An address inside an instruction would corrupt the program: a compile
# error that says where the instruction starts and where the next one does.
# (The address is one past the start of add's 2-byte "add" instruction.)
run: cd "$T" && a=$(objdump -d --no-show-raw-insn add | awk '/<add>:/{f=1;next} f&&/\tadd /{sub(":","",$1); print $1; exit}') && b=$(printf '%x' $((0x$a + 1))) && c=$(printf '%x' $((0x$a + 2))) && uscript -e "probe process(\"./add\").statement(0x$b) { }" -c ./add 2>&1 | sed -n 1,2p | sed -e "s|$T|T|" -e "s|0x$a|START|g" -e "s|0x$b|ADDR|g" -e "s|0x$c|NEXT|g"; echo "status ${PIPESTATUS[0]}"
--- stdout
<input>:1:7: error: probe point process("./add").statement(ADDR) does not resolve: address ADDR is inside an instruction of add (it starts at START, the next at NEXT)
    1 | probe process("./add").statement(ADDR) { }
status 1
