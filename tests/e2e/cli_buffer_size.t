# -s MB sets the ring buffer's size in megabytes, as stap's -s sets its
# buffers (-D BUFSIZE gives it in bytes); -b (stap's bulk mode, a file per
# CPU) is accepted with a warning.
run: uscript -v -s 2 -e 'probe process("'$T'/add").function("add") {}' -c "$T/add" 2>&1 | grep -o 'events *ringbuf *[0-9]*' | tr -s ' '; uscript -s 0 -e 'probe begin {}'; echo "status $?"; uscript -b -e 'probe begin { println("ok"); exit() }'
--- stdout
events ringbuf 2097152
status 2
ok
--- stderr
uscript: -s needs a size from 1 to 1024 megabytes, not '0'
Try 'uscript -h' for more information.
uscript: warning: -b (bulk mode, a file per CPU) is ignored: the output goes through one ring buffer
