# sid() and pgrp() are the session and process group of the process the
# probe interrupted: those /proc/PID/stat gives for the shell that then
# execs it.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { printf("%d %d\n", pgrp(), sid()) }' -c "sh -c 'cut -d\" \" -f5,6 /proc/\$\$/stat; exec ./add 1'" | uniq -c | awk '{ print $1 }'
--- stdout
2
