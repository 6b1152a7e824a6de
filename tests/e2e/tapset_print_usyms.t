# print_usyms(ubacktrace()), print_ustack() and sprint_usyms() name each
# address of a stack string as print_ubacktrace() does (" 0xADDR :
# name+0xoff/0xsize [file]"), as many whole lines as MAXSTRINGLEN holds;
# ucallers(n) is the probed function and n callers.
run: cd "$T" && uscript -D MAXSTRINGLEN=2048 -e 'probe process("./stacks").function("square") { print_usyms(ubacktrace()); println("=="); print_ubacktrace(); println("=="); print_ustack(ucallers(2)); print(sprint_usyms(ucallers(1))); exit() }' -c './stacks 1' > out.$$; awk '/^==$/ { part++; next } part == 0 { a[n++] = $0 } part == 1 { if ($0 != a[m++]) bad++ } part == 2 { split($3, s, "+"); print s[1] } END { print (m == n && n >= 5 && !bad) ? "same" : "differ" }' out.$$; rm -f out.$$
--- stdout
square
apply
inner
square
apply
same
