# The -c command's failure is reported, as SystemTap does: a warning with its
# status, the end probes still run, and uscript then exits 1
# (staprun/mainloop.c: chld_proc and cleanup_and_exit).
run: uscript -e 'probe begin { println("begin") } probe end { println("end") }' -c 'sh -c "exit 3"'; echo "status $?"
--- stdout
begin
end
status 1
--- stderr
WARNING: Child process exited with status 3
