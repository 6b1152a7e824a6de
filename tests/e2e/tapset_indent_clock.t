# thread_indent()'s timestamp is microseconds since the outermost entry of
# the thread (gettimeofday_us): 0 there, then never less; indent() and
# thread_indent_depth() count as SystemTap's do (the thread is one level
# in, in main).
run: cd "$T" && uscript -e 'probe process("./add").function("main").call, process("./add").function("add").call { printf("%s>\n", thread_indent(1)) } probe process("./add").function("main").return, process("./add").function("add").return { printf("%s<\n", thread_indent(-1)) } probe process("./add").function("main").return { printf("[%s][%d%d%d%d]\n", indent(1) . indent(-1), thread_indent_depth(1), thread_indent_depth(1), thread_indent_depth(-1), thread_indent_depth(-1)) }' -c './add 2' | awk '/^\[/ { sub(/^\[ *[0-9]+ : *[0-9]+ :\]/, "[indent]"); print; next } { t = substr($0, 1, 6) + 0; if (NR == 1 && t != 0 || t < last) print "bad time: " $0; last = t; print substr($0, 7) }' | sed 's/(\([0-9]*\))/(PID)/'
--- stdout
 add(PID):>
 add(PID): >
 add(PID): <
 add(PID): >
 add(PID): <
[indent][1221]
 add(PID):<
