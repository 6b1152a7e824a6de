# Beyond a 32-bit time_t ctime() raises SystemTap's errors, in a process
# probe and in begin, at the library's call of error(), with the script's
# call that led there.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { println(ctime(2147483648)) }' -c './add 1'; echo "status $?"; uscript -e 'probe begin { println(ctime(-2147483649)) }'; echo "status $?"
--- stdout
status 1
status 1
--- stderr
ERROR: Time too far in the future to be converted near tapset/ctime.stp:13:3 (in ctime(), called from <input>:1:50)
ERROR: Time too far in the past to be converted near tapset/ctime.stp:15:3 (in ctime(), called from <input>:1:23)
