# With -c every probe is attached before the command's first instruction: _start, the
# executable's entry point, is hit once.
run: cd "$T" && uscript -e 'probe process("./add").function("_start") { printf("%s %d\n", probefunc(), pid() == target()) }' -c './add 1'
--- stdout
_start 1
