# needs: nothing
# A probe point on a file that cannot be probed is an error at the point,
# naming the file and what is wrong with it: a directory, an ELF file for
# another machine (a copy of a target with e_machine set to AArch64), and
# a file without the function.  (A missing file and one that is not ELF:
# tests/diag/probe_missing_file.up and probe_not_elf.up.)
run: d=$(mktemp -d); cp "$T/add" $d/add; cp "$T/add" $d/arm; printf '\267\000' | dd of=$d/arm bs=1 seek=18 conv=notrunc status=none; cd $d; for s in 'probe process("/").function("main") { }' 'probe process("./arm").function("add") { }' 'probe process("./add").function("sub") { }'; do uscript -p2 -e "$s" 2>&1 | sed -e "s|$d|D|g"; echo "status ${PIPESTATUS[0]}"; done; cd /; rm -r $d
--- stdout
<input>:1:7: error: probe point process("/").function("main") does not resolve: is a directory
    1 | probe process("/").function("main") { }
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:7: error: probe point process("./arm").function("add") does not resolve: an ELF file for AArch64; this machine is x86-64
    1 | probe process("./arm").function("add") { }
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:7: error: probe point process("./add").function("sub") does not resolve: no function named 'sub' in D/add
    1 | probe process("./add").function("sub") { }
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
