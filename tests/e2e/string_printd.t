# printd(delim, ...) separates its arguments by the literal delimiter;
# printdln does the same and ends the line.
run: uscript -e 'probe begin { printd(",", 1, "a", -2); println(""); printdln(" - ", "x", 3); printdln("", "p", "q"); exit() }'
--- stdout
1,a,-2
x - 3
pq
