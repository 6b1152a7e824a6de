# print_regs() prints the general registers in the kernel's dump layout,
# sixteen hex digits each, the values register() reads; in begin, which has
# no registers, it prints nothing.
run: cd "$T" && out=$(uscript -e 'probe process("./args").function("six") { print_regs(); printf("check %016x %016x %08x\n", u_register("rdi"), u_register("rip"), u_register("eflags")) } probe begin { print_regs(); println("begin") }' -c ./args) && printf '%s\n' "$out" | grep -v '^check' | sed -E -e 's/EFLAGS: [0-9a-f]{8}$/EFLAGS: F/' -e 's/[0-9a-f]{16}/X/g' | paste -sd'|'; printf '%s\n' "$out" | awk '/^check/ { print (rdi == $2 && rip == $3 && fl == $4) } /^RIP/ { rip = $2 } /EFLAGS/ { fl = $4 } /RDI/ { rdi = $6 }'
--- stdout
begin|RIP: X|RSP: X  EFLAGS: F|RAX: X RBX: X RCX: X|RDX: X RSI: X RDI: X|RBP: X R08: X R09: X|R10: X R11: X R12: X|R13: X R14: X R15: X
1
