# A runtime error in a script file names the file as given, with line and column.
run: d=$(mktemp -d) && cd "$d" && printf 'probe begin {\n\tz = 0\n\tprintln(1 %% z)\n}\n' > t.up && uscript t.up; echo "status $?"; cd / && rm -rf "$d"
--- stdout
status 1
--- stderr
ERROR: division by 0 near t.up:3:12
