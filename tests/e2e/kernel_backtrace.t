# print_backtrace() at a tracepoint prints the kernel's stack from where
# the tracepoint is, each frame named from /proc/kallsyms as SystemTap
# does; backtrace() gives the addresses in hex, sprint_backtrace() the
# short names.
run: cd "$T" && uscript -e 'probe kernel.trace("sched_process_exec") { if (pid() != target()) next; print_backtrace(); println(backtrace()); println(sprint_backtrace()) }' -c ./add | sed -E -e 's/0x[0-9a-f]+/ADDR/g' | grep -E 'bprm_execve|sys_execve|^ADDR ADDR' | sed -E 's/(ADDR ){3,}.*/ADDR ADDR .../'
--- stdout
 ADDR : bprm_execve+ADDR/ADDR [kernel]
 ADDR : __x64_sys_execve+ADDR/ADDR [kernel]
ADDR ADDR ...
bprm_execve+ADDR [kernel]
__x64_sys_execve+ADDR [kernel]
