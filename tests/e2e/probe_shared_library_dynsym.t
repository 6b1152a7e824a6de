# process("libc.so.6") names the C library as the dynamic linker finds it; atoi is
# found in its symbol table (only .dynsym where, as usual, the library is stripped).
# A probe on a library fires in every process: only the target's calls are printed.
run: uscript -e 'probe process("libc.so.6").function("atoi").return { if (pid() == target()) printf("%s=%d\n", probefunc(), returnval()) }' -c "$T/add 7"
--- stdout
atoi=7
