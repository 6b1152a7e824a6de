# Records that do not fit a small ring buffer are never lost silently: the lines
# printed plus the count in "WARNING: N events lost" make up every call.
run: cd "$T" && d=$(mktemp -d) && { uscript -D BUFSIZE=4096 -e 'probe process("./add").function("add") { printf("%d\n", int_arg(1)) }' -c './add 100000' > "$d/out" 2> "$d/err"; echo "status $?"; n=$(wc -l < "$d/out"); lost=$(sed -n 's/^WARNING: \([0-9]*\) events\{0,1\} lost$/\1/p' "$d/err"); echo "sum $((n + ${lost:-0}))"; grep -vc '^WARNING: [0-9]* events\{0,1\} lost$' "$d/err"; rm -rf "$d"; }
--- stdout
status 0
sum 100000
0
