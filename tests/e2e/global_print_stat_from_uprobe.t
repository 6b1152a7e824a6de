# A statistic written only by a process probe is printed at the end.
run: cd "$T" && uscript -e 'global x; probe process("./add").function("add") { x <<< int_arg(2) }' -c './add 4'
--- stdout
x @count=4 @min=1 @max=4 @sum=10 @avg=2
