# thread_indent() on entry and return: SystemTap's layout, a space a level
# after the thread's name and id; the script's own __indent_timestamp()
# (a constant here) replaces the library's, as a script's function does.
run: cd "$T" && uscript -e 'function __indent_timestamp() { return 0 } probe process("./add").function("main").call, process("./add").function("add").call { printf("%s -> %s|\n", thread_indent(1), ppfunc()) } probe process("./add").function("main").return, process("./add").function("add").return { printf("%s <- %s|\n", thread_indent(-1), ppfunc()) }' -c './add 2' | sed 's/(\([0-9]*\))/(PID)/'
--- stdout
     0 add(PID): -> main|
     0 add(PID):  -> add|
     0 add(PID):  <- add|
     0 add(PID):  -> add|
     0 add(PID):  <- add|
     0 add(PID): <- main|
