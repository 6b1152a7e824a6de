# -L lists a syscalls view with the fields of its event's format file,
# typed as the file writes them, and $__syscall_nr; a sys_exit view has
# $ret.  -l lists the views a wildcard matches, of either direction.
run: uscript -L 'kernel.trace("syscalls:sys_enter_openat")'; uscript -L 'kernel.trace("syscalls:sys_enter_read")'; uscript -L 'kernel.trace("syscalls:sys_exit_read")'; uscript -l 'kernel.trace("syscalls:sys_e*_openat")'; uscript -l 'kernel.trace("syscalls:*")' | grep -c '^kernel.trace("syscalls:sys_e[nx]' | awk '{ print ($1 > 600) ? "more than 600 views" : $1 }'
--- stdout
kernel.trace("syscalls:sys_enter_openat") $dfd:int $filename:const char* $flags:int $mode:umode_t $__syscall_nr:int
kernel.trace("syscalls:sys_enter_read") $fd:unsigned int $buf:char* $count:size_t $__syscall_nr:int
kernel.trace("syscalls:sys_exit_read") $ret:long $__syscall_nr:int
kernel.trace("syscalls:sys_enter_openat")
kernel.trace("syscalls:sys_exit_openat")
more than 600 views
