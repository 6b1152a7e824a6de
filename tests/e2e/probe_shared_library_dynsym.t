# process("libc.so.6") names the C library as the dynamic linker finds it; the
# library has no .symtab, so atoi comes from .dynsym.  Only the target's calls count.
run: uscript -e 'probe process("libc.so.6").function("atoi").return { if (pid() == target()) printf("%s=%d\n", probefunc(), returnval()) }' -c "$T/add 7"
--- stdout
atoi=7
