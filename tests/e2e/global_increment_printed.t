# n++ as a statement writes n and reads it only to update it: SystemTap counts that as
# not "used", so n is printed at the end (the classic counting script).
run: cd "$T" && uscript -e 'global n; probe process("./add").function("add") { n++ }' -c './add 3'
--- stdout
n=3
