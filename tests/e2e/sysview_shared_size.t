# syscall.* with a body that reads name: the aliases, alike but for the
# name each gives, make a few functions in the LLVM IR, not one per alias,
# and the script counts the target's calls by name as before.
run: cd "$T" && n=$(uscript -p3 -e 'global c; probe syscall.* { c[name]++ }' | grep -c '^define') && { [ "$n" -lt 10 ] && echo "few functions" || echo "$n functions"; } && uscript -e 'global c; probe syscall.* { if (pid() == target()) c[name]++ } probe end { printf("write %d, exit_group %d, close %d\n", c["write"], c["exit_group"], c["close"] > 0) }' -c ./sysfiles
--- stdout
few functions
write 1, exit_group 1, close 1
