# A script with embedded-C functions that no probe calls runs: they are
# elided, as SystemTap elides unused functions.
run: uscript -e '%{ #include <linux/sched.h> %} function k:long(x:long) %{ STAP_RETVALUE = 1; %} function w() { return k(1) } probe begin { println("ran"); exit() }'
--- stdout
ran
