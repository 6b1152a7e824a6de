# .return fires after the function returns; returnval() is its result.
run: cd "$T" && uscript -e 'probe process("./add").function("add").return { printf("ret %d\n", returnval()) }' -c './add 4'
--- stdout
ret 1
ret 3
ret 5
ret 7
