# pn() is the probe point as the script wrote it, probe_type() its kind
# as SystemTap names it, is_return() 1 in .return probes (also where one
# handler serves entry and .return points); stp_pid() is uscript's own
# pid, the pid() of its begin probe.
run: cd "$T" && uscript -e 'global me probe begin { me = pid(); printf("%s %s %d\n", pn(), probe_type(), is_return()) } probe process("./add").function("ad?"), process("./add").function("add").return { printf("%s %s %d %d\n", pn(), probe_type(), is_return(), stp_pid() == me && stp_pid() != pid()) } probe end { printf("%s %s %d\n", pn(), probe_type(), is_return()) }' -c './add 1'; uscript -e 'probe process("./add").function("add").return { println("return ", is_return()) }' -c './add 1'; uscript -e 'probe timer.ms(10) { printf("%s %s\n", pn(), probe_type()); exit() }'
--- stdout
begin begin_end 0
process("./add").function("ad?") uprobe 0 1
process("./add").function("add").return uretprobe 1 1
end begin_end 0
return 1
timer.ms(10) hrtimer
