# Elision changes nothing a script with effects prints: the output of
# elide_same_output.up, whose locals b, kept, w and t nothing reads, is the
# output with -u, where everything runs.
run: cd "$T" && o=$(uscript -w "$D/elide_same_output.up" -c './add 3') && u=$(uscript -u "$D/elide_same_output.up" -c './add 3') && [ "$o" == "$u" ] && echo "$o"
--- stdout
noisy 0
z -10
noisy 1
caught division by 0
noisy 2
z 10
last key 2
0 -> 1
1 -> 3
2 -> 5
count 3 sum 9
hits=3
