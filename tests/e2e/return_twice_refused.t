# Functions that return twice or out of turn get no .return probe: the
# second return would find the probe gone (SIGILL), and swapcontext returns
# out of the order the kernel keeps return probes in.  Named, each is an
# error at its probe point.
# needs: nothing
run: uscript -p2 -e 'probe process("libc.so.6").function("setjmp").return {} probe process("libc.so.6").function("vfork").return {} probe process("libc.so.6").function("swapcontext").return {}' 2>&1 | grep error:; echo "status ${PIPESTATUS[0]}"
--- stdout
<input>:1:7: error: probe point process("libc.so.6").function("setjmp").return does not resolve: 'setjmp' returns twice, or out of turn, which the kernel's return probes cannot follow: the process would be killed (SIGILL) or return to the wrong place
<input>:1:63: error: probe point process("libc.so.6").function("vfork").return does not resolve: 'vfork' returns twice, or out of turn, which the kernel's return probes cannot follow: the process would be killed (SIGILL) or return to the wrong place
<input>:1:118: error: probe point process("libc.so.6").function("swapcontext").return does not resolve: 'swapcontext' returns twice, or out of turn, which the kernel's return probes cannot follow: the process would be killed (SIGILL) or return to the wrong place
status 1
