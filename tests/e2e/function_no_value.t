# A function without a return value, called as a statement; return leaves it early.
run: uscript -e 'function say(n) { if (n < 0) return; printf("say %d\n", n) } probe begin { say(1); say(-1); say(2); exit() }'
--- stdout
say 1
say 2
