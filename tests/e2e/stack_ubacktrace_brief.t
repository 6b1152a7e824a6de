# print_ubacktrace_brief() prints a line a frame, the symbol and the
# offset into it ("square+0x0"), as print_ubacktrace() names them; in
# begin it is SystemTap's "<no user backtrace at begin>".
run: cd "$T" && uscript -e 'probe process("./stacks").function("square") { print_ubacktrace(); println("--"); print_ubacktrace_brief(); exit() } probe begin { print_ubacktrace_brief() }' -c './stacks 1' | awk 'NR == 1 { print; next } /^--$/ { part = 2; next } part != 2 { split($3, a, "/"); full[n++] = a[1]; next } { if ($0 != full[m++]) bad++ } END { print (m == n && n >= 5) ? "same frames" : "differ", bad + 0 } /^(square|apply|inner|middle|outer|main)\+0x/ && part == 2 { k++ } END { print k }'
--- stdout
<no user backtrace at begin>
same frames 0
6
