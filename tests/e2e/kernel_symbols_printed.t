# symname(addr) and symdata(addr) name kernel addresses from /proc/kallsyms
# when printed (a bare address where none is known), and print_syms() a
# backtrace() string, as print_backtrace() names its frames.
run: cd "$T" && uscript -e 'probe kernel.trace("sched_process_exec") { if (pid() != target()) next; print_backtrace(); println("--"); print_syms(backtrace()); println("--"); a = strtol(tokenize(backtrace(), " "), 16); println(symname(a), " ", symdata(a)); printf("%s|%s\n", symname(0), symdata(1)) }' -c ./add > out.$$; awk '/^--$/ { part++; next } part == 0 { a[n++] = $0 } part == 1 { if ($0 != a[m++]) bad++ } part == 2 { print } END { print (m == n && n >= 3 && !bad) ? "same" : "differ" }' out.$$ | sed -E 's/[+]0x[0-9a-f]+[/]0x[0-9a-f]+/+OFF\/SIZE/'; rm -f out.$$
--- stdout
bprm_execve bprm_execve+OFF/SIZE [kernel]
0x0|0x1
same
