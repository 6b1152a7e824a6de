# ucallers(n) is the first n + 1 addresses of ubacktrace(), a space
# between; asked for more frames than the stack has, it is an error.
run: cd "$T" && uscript -e 'probe process("./stacks").function("inner") { u = ucallers(2); b = ubacktrace(); printf("%d %d %d\n", isinstr(b, u), substr(b, 0, strlen(u)) == u, strlen(ucallers(-1)) == strlen(b) - 1); printf("%s\n", ucallers(25)) }' -c './stacks 3'
--- stdout
1 1 1
--- stderr
ERROR: reached end of stack before unwinding to level 25 near <input>:1:203
--- status
1
