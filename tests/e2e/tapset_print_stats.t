# print_stats.stpm: @prints(s) prints a statistic's count, min, max, sum
# and average on one line; @prints1 and @prints2 each element of an
# array of statistics, most counted first, after its keys in brackets.
# Collected in a process probe, printed in the end probe.
run: cd "$T" && uscript -e 'global s, by_name, by_two probe process("./add").function("add") { s <<< $b; s <<< 5; by_name["x"] <<< 3; by_name["y"] <<< 4; by_name["y"] <<< 10; by_two[1, "k"] <<< 7; by_two[2, "j"] <<< -2; by_two[2, "j"] <<< -4 } probe end { @prints(s); @prints1(by_name) } probe end { @prints2(by_two) }' -c './add 1'
--- stdout
@count=2 @min=1 @max=5 @sum=6 @avg=3
[y] @count=2 @min=4 @max=10 @sum=14 @avg=7
[x] @count=1 @min=3 @max=3 @sum=3 @avg=3
[2,j] @count=2 @min=-4 @max=-2 @sum=-6 @avg=-3
[1,k] @count=1 @min=7 @max=7 @sum=7 @avg=7
