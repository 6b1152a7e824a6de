# print_ustack(ubacktrace()) and print_usyms(ubacktrace()) print the stack
# unwound by call-frame information, the lines of print_ubacktrace(), in
# -O3 code without frame pointers.
run: cd "$T" && uscript -D MAXSTRINGLEN=2048 -e 'probe process("./cfi_o3").function("leaf") { print_ubacktrace(); print("==\n"); print_ustack(ubacktrace()); print("==\n"); print_usyms(ubacktrace()); exit() }' -c './cfi_o3 3' > out.$$; a=$(sed -n '1,/^==$/p' out.$$); b=$(sed -n '/^==$/,$p' out.$$ | tail -n +2 | sed -n '1,/^==$/p'); c=$(sed -n '/^==$/,$p' out.$$ | tail -n +2 | sed -n '/^==$/,$p' | tail -n +2); [ "$a" = "$b" ] && [ "$(echo "$a" | head -n -1)" = "$c" ] && echo same; grep -c . <<< "$c" | awk '{ print ($1 >= 6) }'; rm -f out.$$
--- stdout
same
1
