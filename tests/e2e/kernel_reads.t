# kernel_string, kernel_string_n, kernel_string2 and kernel_long and the
# narrower ones read kernel memory at a tracepoint; a fault is SystemTap's
# runtime error, but for kernel_string2 and kernel_string(addr, err),
# which give the string the script gave; kernel_string_quoted quotes and
# escapes, or gives the address where it cannot read.
run: cd "$T" && uscript -e 'probe kernel.trace("sched_process_exec") { if (pid() == target()) printf("%s %s %s\n", kernel_string_quoted($bprm->filename), kernel_string_quoted(0), kernel_string_quoted(16)) }' -c ./add; uscript -e 'probe kernel.trace("sched_process_exec") { if (pid() != target()) next; f = $bprm->filename; printf("%s|%s|%s|%s\n", kernel_string(f), kernel_string_n(f, 4), kernel_string2(0, "none"), kernel_string(8, "bad")); printf("%d %d %#x %d %d\n", kernel_char(f), kernel_short(f), kernel_int(f), (kernel_long(f) & 0xffffffff) == kernel_int(f), kernel_pointer($p) == kernel_long($p)); print(kernel_int(0)) }' -c ./add
--- stdout
"./add" 0x0 0x10
./add|./ad|none|bad
46 12078 0x64612f2e 1 1
--- stderr
ERROR: kernel int copy fault at 0x0 [man error::fault] near <input>:1:382
--- status
1
