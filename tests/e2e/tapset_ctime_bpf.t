# ctime() in a process probe (BPF) gives what it gives in begin
# (tapset_ctime_range): the epoch, a leap day, the ends of its range, a
# date of 2026.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { println(ctime(0)); println(ctime(951782400)); println(ctime(-2147483648)); println(ctime(2147483647)); println(ctime(1798675200)) }' -c './add 1'
--- stdout
Thu Jan  1 00:00:00 1970
Tue Feb 29 00:00:00 2000
Fri Dec 13 20:45:52 1901
Tue Jan 19 03:14:07 2038
Thu Dec 31 00:00:00 2026
