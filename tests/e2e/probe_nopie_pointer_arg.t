# On a non-PIE build pointer_arg() is exactly the address nm prints for the object.
run: cd "$T" && a=$(nm args_nopie | awk '$3 ~ /(^|[.])text([.]|$)/ { print "0x" $1 }') && uscript -e 'probe process("./args_nopie").function("six") { println(pointer_arg(5) == $1) }' -c ./args_nopie "$a"
--- stdout
1
