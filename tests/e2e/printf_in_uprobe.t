# The same formatting in a uprobe: numbers and strings from BPF.
run: cd "$T" && uscript -e 'probe process("./args").function("six") { printf("[%5s][%-4d][%#x][%08.3d][%c]\n", execname(), int_arg(6), uint_arg(2), int_arg(1), 64 + int_arg(6)) }' -c ./args
--- stdout
[ args][6   ][0xee6b2800][-0000005][F]
