# An undefined .dynsym entry of a stripped executable (an import such as
# __libc_start_main) is not a function of that file.
run: cd "$T" && uscript -e 'probe process("./args_stripped").function("__libc_start_main") { }' -c ./args_stripped 2>&1 | grep -c "error: .*__libc_start_main"; echo "status ${PIPESTATUS[0]}"
--- stdout
1
status 1
