# needs: nothing
# -L lists an alias with the variables its body sets, typed, and then the
# target variables of the point underneath, as stap -L does.
run: uscript -L 'syscall.open'; uscript -L 'syscall.close.return'
--- stdout
syscall.open name:string filename:string flags:long flags_str:string mode:long argstr:string $filename:const char* $flags:int $mode:umode_t $__syscall_nr:int
syscall.close.return name:string retval:long retstr:string $ret:long $__syscall_nr:int
