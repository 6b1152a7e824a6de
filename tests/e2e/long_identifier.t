# Names of 10,000 characters, for a global, a function, its parameter and
# a local, compile and run in a probe on a function and in end.
run: cd "$T" && L=$(printf 'v%.0s' $(seq 10000)) && uscript -e "global g$L; function f$L(a$L) { l$L = a$L + 1; return l$L } probe process(\"./add\").function(\"add\") { g$L += f$L(int_arg(1)) } probe end { printf(\"%d %d\n\", g$L, f$L(41)) }" -c './add 3'
--- stdout
6 42
