# ubacktrace() and sprint_ustack(ubacktrace()), printed as they are, carry
# the stack unwound by call-frame information too: the same addresses as
# print_ubacktrace(), the same lines, in -O2 code without frame pointers.
run: cd "$T" && uscript -D MAXSTRINGLEN=2048 -e 'probe process("./cfi").function("leaf") { printf("%s\n", ubacktrace()); print_ubacktrace(); printf("==\n%s", sprint_ustack(ubacktrace())); exit() }' -c './cfi 3' > out.$$; bt=$(sed -n '2,/^==$/p' out.$$ | head -n -1); us=$(sed -n '/^==$/,$p' out.$$ | tail -n +2); if [ "$(head -1 out.$$ | xargs)" = "$(echo "$bt" | awk '{ print $1 }' | xargs)" ] && [ "$bt" = "$us" ]; then echo same; fi; echo "$bt" | head -6 | sed -E -e "s|$T|T|" -e "s/0x[0-9a-f]+ : /ADDR : /" -e "s/\+0x[0-9a-f]+(\/0x[0-9a-f]+)?//"; rm -f out.$$
--- stdout
same
 ADDR : leaf [T/cfi]
 ADDR : middle [T/cfi]
 ADDR : visit [T/cfi]
 ADDR : cfi_each [T/libcfi.so]
 ADDR : outer [T/cfi]
 ADDR : main [T/cfi]
