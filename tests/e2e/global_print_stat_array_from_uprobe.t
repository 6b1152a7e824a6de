# An array of statistics written only by a process probe is printed at the
# end, by @count, largest first: s[i % 2] <<< i for i = 0..4.
run: cd "$T" && uscript -e 'global s; probe process("./add").function("add") { s[int_arg(1) % 2] <<< int_arg(1) }' -c './add 5'
--- stdout
s[0] @count=3 @min=0 @max=4 @sum=6 @avg=2
s[1] @count=2 @min=1 @max=3 @sum=4 @avg=2
