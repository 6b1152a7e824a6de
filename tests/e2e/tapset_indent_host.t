# indent() and thread_indent() in begin, on the host: the same layout as in
# a process probe.
# needs: nothing
run: uscript -e 'function __indent_timestamp() { return 7 } probe begin { printf("%s|\n%s|\n%s|\n%s|\n", indent(1), indent(1), indent(-1), indent(-1)); printf("%s|\n", thread_indent(3)); exit() }' | sed 's/(\([0-9]*\))/(PID)/'
--- stdout
     0 :|
     0 : |
     0 : |
     0 :|
     0 uscript(PID):  |
