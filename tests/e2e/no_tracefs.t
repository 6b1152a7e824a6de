# uscript attaches through perf_event_open and uprobe_multi links, never
# through tracefs or debugfs files: with empty file systems over both (in
# a mount namespace of its own), entry and return probes still work.
run: cd "$T" && unshare -m sh -c 'mount -t tmpfs none /sys/kernel/tracing && mount -t tmpfs none /sys/kernel/debug && uscript -e "probe process(\"./add\").function(\"add\") { printf(\"add(%d)\n\", int_arg(1)) } probe process(\"./add\").function(\"add\").return { println(returnval()) }" -c "./add 2"'
--- stdout
add(0)
1
add(1)
3
