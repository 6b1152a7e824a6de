# A probe alias defined in a tapset file (-I) is found by its use, with a
# suffix and as a wildcard, and expands as a script's own alias does.
run: cd "$T" && uscript -I "$D/tapset_dir" -e 'probe myapp.add { printf("add(%s)", argstr) } probe myapp.add.return { printf(" = %s\n", retstr) }' -c './add 2' && uscript -I "$D/tapset_dir" -e 'probe myapp.a* { println(argstr) }' -c './add 1'
--- stdout
add(0, 1) = 1
add(1, 2) = 3
0, 1
