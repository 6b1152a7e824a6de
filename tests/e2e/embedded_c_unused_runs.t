# A script with embedded-C functions that no probe calls runs: they are
# elided, as SystemTap elides unused functions, with its warnings.
run: uscript -e '%{ #include <linux/sched.h> %} function k:long(x:long) %{ STAP_RETVALUE = 1; %} function w() { return k(1) } probe begin { println("ran"); exit() }'
--- stdout
ran
--- stderr
<input>:1:41: warning: Eliding unused function 'k'
    1 | %{ #include <linux/sched.h> %} function k:long(x:long) %{ STAP_RETVALUE = 1; %} function w() { return k(1) } probe begin { println("ran"); exit() }
      |                                         ^
<input>:1:90: warning: Eliding unused function 'w'
    1 | %{ #include <linux/sched.h> %} function k:long(x:long) %{ STAP_RETVALUE = 1; %} function w() { return k(1) } probe begin { println("ran"); exit() }
      |                                                                                          ^
