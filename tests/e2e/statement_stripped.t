# A program without its symbol table: the unwinding tables still tell where
# the function holding ADDR starts, so the address is checked and probed.
run: cd "$T" && a=$(objdump -d --no-show-raw-insn add | awk '/<add>:/{f=1;next} f&&/\tadd /{sub(":","",$1); print $1; exit}') && uscript -e "global n; probe process(\"./add_stripped\").statement(0x$a) { n++ } probe end { printf(\"%d hits [%s]\n\", n, probefunc()) }" -c './add_stripped 2'
--- stdout
2 hits []
