# sprint_ubacktrace() is a string like any other: kept in a variable,
# concatenated, searched, compared and used as an array's key, it is the
# text print would show (PIE program).
run: cd "$T" && uscript -e 'global seen; probe process("./stacks").function("inner") { s = sprint_ubacktrace(); t = "stack:\n" . s; if (isinstr(t, "middle+0x15 [stacks]") && s == sprint_ubacktrace()) seen[s]++; if (seen[s] == 3) { printf("%s", t); printf("%s|%d\n", substr(s, 0, 9), strlen(substr(s, 0, 5))); exit() } }' -c './stacks 5' | grep -v libc
--- stdout
stack:
inner+0x0 [stacks]
middle+0x15 [stacks]
outer+0x15 [stacks]
main+0x5d [stacks]
inner+0x0|5
