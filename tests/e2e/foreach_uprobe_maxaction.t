# MAXACTION counts a process probe's foreach as it counts one elsewhere: an
# action for the loop, one for each element, and the body's.
run: cd "$T" && uscript -D MAXACTION=20 -e 'global a; probe process("./add").function("add") { i = int_arg(1); a[i] = i; foreach (k in a) { n++; n++; n++; n++ } printf("%d ok\n", i) }' -c './add 6'; echo "status $?"
--- stdout
0 ok
1 ok
2 ok
status 1
--- stderr
ERROR: MAXACTION exceeded near <input>:1:95
