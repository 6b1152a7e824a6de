# The kernel's symbols as values (symname, symdata, modname: the kernel
# names them, "%pB"): the function an exec'd task's scheduling class
# enqueues with, named as print names it; its symdata, offset 0 and 3,
# module "kernel"; an address with no symbol is its hex, and modname()
# of it SystemTap's error, caught; array keys and end probes (the runtime
# names those); sprint_syms' first line; addr() at a uprobe is the function's, and in kernel
# samples symdata(addr()) starts with symname(addr()).
# alone: samples every CPU for the length of the run
run: cd "$T" && uscript "$D/ksym_values.up" -c "./add 3000000"
--- stdout
name enqueue_task_fair
enqueue_task_fair
data 1
data+3 enqueue_task_fair+0x3/  [kernel]
module kernel
no symbol 0x0 0x0
modname(0): Cannot determine kernel module name
sprint_syms 1
uprobe add 1
end 1 1
samples named alike 1 1
