# A probe alias whose prologue sets a local the user's probe never reads,
# from memory that faults: the assignment is elided, with SystemTap's
# warnings, so the read neither runs nor faults.  With -u it runs, and the
# fault stops the script.
run: cd "$T" && p='probe app.add = process("./add").function("add") { name = "add"; argstr = sprintf("%d %s", int_arg(1), user_string(0)) } probe app.add { println(name) }' && uscript -e "$p" -c './add 2' && uscript -u -e "$p" -c './add 2'; echo "status $?"
--- stdout
add
add
status 1
--- stderr
<input>:1:73: warning: Eliding assignment to 'argstr'
    1 | probe app.add = process("./add").function("add") { name = "add"; argstr = sprintf("%d %s", int_arg(1), user_string(0)) } probe app.add { println(name) }
      |                                                                         ^
<input>:1:66: warning: Eliding side-effect-free expression
    1 | probe app.add = process("./add").function("add") { name = "add"; argstr = sprintf("%d %s", int_arg(1), user_string(0)) } probe app.add { println(name) }
      |                                                                  ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
<input>:1:66: warning: Eliding unused variable 'argstr'
    1 | probe app.add = process("./add").function("add") { name = "add"; argstr = sprintf("%d %s", int_arg(1), user_string(0)) } probe app.add { println(name) }
      |                                                                  ^~~~~~
ERROR: user string copy fault -14 at 0x0 [man error::fault] near <input>:1:104
