# The kernel emulates a VEX-encoded instruction whose opcode byte is that of
# a conditional jump (vpbroadcastb, c4 e2 7d 78: "js") as that jump and never
# runs it, so a probe on it would change what the program computes: such a
# function's entry is refused and the program runs as it should.  (Stripped
# programs' internal functions, found through their debug files, begin so:
# glibc's __strchr_evex.)
run: d=$(mktemp -d); printf '%s\n' '#include <stdio.h>' '__attribute__((naked, noinline)) int g(void) { __asm__("vpbroadcastb %xmm1,%ymm0\n vextracti128 $1,%ymm0,%xmm0\n vmovd %xmm0,%eax\n vzeroupper\n ret"); }' '__attribute__((noinline)) int h(int x) { return x + 1; }' 'int main(void) { int r; __asm__ volatile("vmovd %1,%%xmm1\n vpxor %%xmm0,%%xmm0,%%xmm0\n call g\n mov %%eax,%0" : "=r"(r) : "r"(0x41) : "xmm0", "xmm1", "rax", "memory"); printf("%x %d\n", r, h(1)); return 0; }' >$d/vex.c && gcc -O1 -mavx2 -o $d/vex $d/vex.c && uscript -p2 -e 'probe process("'$d'/vex").function("g") {}' 2>&1 | grep -o "error: .*" | sed -e "s|$d|D|" -e "s|at 0x[0-9a-f]* in g|at ADDR in g|"; uscript -e 'probe process("'$d'/vex").function("[gh]") { println(ppfunc()) }' -c $d/vex 2>&1 | grep -v "^ " | sed "s|$d|D|" | sort; rm -r $d
--- stdout
error: probe point process("D/vex").function("g") does not resolve: the kernel cannot probe the instruction at ADDR in g (vpbroadcastb %xmm1, %ymm0): a VEX-encoded instruction whose opcode byte, 0x78, the kernel takes for a relative jump: it would emulate that instead of running the instruction
41414141 2
<input>:1:7: warning: 1 probe point of process("D/vex").function("[gh]") cannot be probed and was skipped (-v names it)
h
