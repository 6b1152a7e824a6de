# %m prints the bytes at an address of the traced program, %M them in hex:
# the precision's number (1 by default), in the width; a read that faults
# is SystemTap's read fault, and try catches it.  "text\0" is at argument 5
# of six().  The count may come from an argument: %.*m, 1 under 1.
run: cd "$T" && uscript -e 'probe process("./args").function("six") { p = pointer_arg(5); printf("[%m] [%.4m] [%-6.3m] [%6.2M] [%.5M] [%3m]\n", p, p, p, p, p, p); try { printf("%.4m\n", 0) } catch (m) { println(m) } s = sprint("x"); printf("%.2m%s\n", p, s); n = 3; printf("[%.*m] [%.*M] [%*m] [%-*.*m] [%.*m]\n", n, p, n + 1, p, 4, p, 6, 2, p, 0, p) }' -c ./args
--- stdout
[t] [text] [tex   ] [  7465] [7465787400] [  t]
read fault [man error::fault] at 0x0
tex
[tex] [74657874] [   t] [te    ] [t]
