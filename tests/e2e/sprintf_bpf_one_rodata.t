# sprintf with a padding and a number in a probe on a function: its
# constant data is one .rodata map, which libbpf loads without an error (a
# second .rodata, of mergeable strings, made libbpf retry it without BTF).
run: uscript -v -e 'probe process("'$T'/words").function("word") { w = user_string($w); println(sprintf("%5d|%-8s|", strlen(w), w)) }' -c "$T/words" 2>&1 >/dev/null | grep -E 'libbpf|rodata' | awk '{ print $1, $2 }'
--- stdout
uscript: uscript.rodata
