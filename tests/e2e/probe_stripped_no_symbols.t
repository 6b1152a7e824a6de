# A stripped PIE keeps only .dynsym, which here holds no defined function: probing one
# of its functions is a compile error naming the point, and nothing runs.
run: cd "$T" && uscript -e 'probe process("./args_stripped").function("six") { println("fired") }' -c ./args_stripped 2>&1 | grep -c 'error: .*process("./args_stripped").function("six")'; echo "status ${PIPESTATUS[0]}"
--- stdout
1
status 1
