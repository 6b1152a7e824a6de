# sprint_ustack(ubacktrace()) writes each frame as print_ubacktrace()
# prints it, the address and usymdata(): symbol, offset, size and file,
# libc's frame and a shared library's included (PIE, non-PIE, a library).
run: cd "$T" && for pr in "stacks:inner:./stacks 3" "stacks_nopie:inner:./stacks_nopie 3" "libusdt.so:lib_work:./usdt_lib 2"; do IFS=: read -r f fn cmd <<< "$pr"; uscript -D MAXSTRINGLEN=2048 -e 'probe process("./'$f'").function("'$fn'") { printf("%s==\n", sprint_ustack(ubacktrace())); print_ubacktrace(); exit() }' -c "$cmd" | grep -v "^round" > out.$$; if diff <(sed -n '1,/^==$/p' out.$$ | head -n -1) <(sed -n '/^==$/,$p' out.$$ | tail -n +2) >/dev/null && grep -q "$fn+0x0/" out.$$; then echo "$f same"; else cat out.$$; fi; done; rm -f out.$$
--- stdout
stacks same
stacks_nopie same
libusdt.so same
