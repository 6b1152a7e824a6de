# @cast of the kernel's types (task_struct, from its BTF) in a kernel.trace
# probe, a function, a uprobe: members, chains, a run-time index, '&',
# "kernel<header>", no module (the kernel's, as in SystemTap), "type *",
# the tapset's @task, @cast_module_sizeof and @module_container_of, and
# autocast of locals that hold such values ($prev too), '&' of a
# tracepoint argument's member; every value is
# checked against what pid(), tid() and ppid() say of the target.
run: cd "$T" && uscript "$D/kcast_task.up" -c "./add 2"
--- stdout
pid 1 tgid 1 ppid 1
comm add first a
comm[i] add
& 1
no module 1 1
@task 1 1
sizeof 16 16
container_of 1
autocast 1 1
autocast of @cast 1 1
** 1
uprobe 1
switch 1 1 1
