# pointer_arg(5) of the PIE args is the address of its static string: not 0, and its
# page offset is the one nm prints (the load base is page-aligned).
run: cd "$T" && off=$(( 0x$(nm args | awk '$3 ~ /(^|[.])text([.]|$)/ { print $1 }') & 0xfff )) && uscript -e 'probe process("./args").function("six") { printf("%d %d\n", pointer_arg(5) != 0, (pointer_arg(5) & 4095) == $1) }' -c ./args "$off"
--- stdout
1 1
