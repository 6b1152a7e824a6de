# cpu() is a CPU number: from 0 to the number of configured CPUs - 1.
run: cd "$T" && uscript -e 'probe begin, process("./add").function("add") { printf("%d\n", cpu() >= 0 && cpu() < $1) }' -c './add 1' "$(getconf _NPROCESSORS_CONF)"
--- stdout
1
1
