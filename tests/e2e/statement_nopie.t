# .statement(ADDR) in a non-PIE program, whose addresses are fixed ones.
run: cd "$T" && a=$(objdump -d --no-show-raw-insn add_nopie | awk '/<add>:/{f=1;next} f&&/\tadd /{sub(":","",$1); print $1; exit}') && uscript -e "global n; probe process(\"./add_nopie\").statement(0x$a) { n++ } probe end { printf(\"%d hits\n\", n) }" -c './add_nopie 4'
--- stdout
4 hits
