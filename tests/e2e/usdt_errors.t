# needs: nothing
# What is wrong with a USDT probe or its target variables is an error at
# its place in the script, naming the probe point and what there is.
run: cd "$T" && for s in 'probe process("./usdt").mark("consts") { println($arg3) }' 'probe process("./usdt").mark("none") { println($arg1) }' 'probe process("./usdt").mark("twice") { println($arg1->x + $foo) }' 'probe process("./usdt").mark("nosuch") { }' 'probe process("./usdt").provider("x").mark("request") { }' 'probe process("./add").mark("x") { }' 'probe process("./usdt").mark("request") { println($$parms$) }' 'function f() { return $arg1 } probe begin { println($$name) } probe process("./usdt").mark(3) {} probe process("./usdt").mark("request").return {}'; do uscript -p2 -e "$s" 2>&1 | sed "s|$T|T|"; echo "status ${PIPESTATUS[0]}"; done
--- stdout
<input>:1:50: error: no $arg3 at process("T/usdt").mark("consts"): the probe has 2 arguments, $arg1 and $arg2
    1 | probe process("./usdt").mark("consts") { println($arg3) }
      |                                                  ^~~~~
status 1
<input>:1:48: error: no $arg1 at process("T/usdt").mark("none"): the probe has no arguments
    1 | probe process("./usdt").mark("none") { println($arg1) }
      |                                                ^~~~~
status 1
<input>:1:56: error: $arg1 is a number: a USDT probe does not say the type of its arguments, so it has no members or elements
    1 | probe process("./usdt").mark("twice") { println($arg1->x + $foo) }
      |                                                        ^
<input>:1:60: error: no target variable $foo at process("T/usdt").mark("twice"): USDT probes have $arg1 to $argN, $$name, $$provider and $$parms, and the variables in scope at the site where the program has debug information
    1 | probe process("./usdt").mark("twice") { println($arg1->x + $foo) }
      |                                                            ^~~~
status 1
<input>:1:7: error: probe point process("./usdt").mark("nosuch") does not resolve: no USDT probe is named 'nosuch' in T/usdt; its probes are app:request, app:bytes, app:consts, app:twice, app:none
    1 | probe process("./usdt").mark("nosuch") { }
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:7: error: probe point process("./usdt").provider("x").mark("request") does not resolve: no USDT probe has provider 'x' and name 'request' in T/usdt; its probes are app:request, app:bytes, app:consts, app:twice, app:none
    1 | probe process("./usdt").provider("x").mark("request") { }
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:7: error: probe point process("./add").mark("x") does not resolve: no USDT probes in T/add
    1 | probe process("./add").mark("x") { }
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:51: error: $$parms$ needs the arguments' types, which USDT probes do not record; $$parms prints them in hex
    1 | probe process("./usdt").mark("request") { println($$parms$) }
      |                                                   ^~~~~~~~
status 1
<input>:1:23: error: target variables such as $arg1 can only be used in probe handlers, not in functions; pass the value as an argument
    1 | function f() { return $arg1 } probe begin { println($$name) } probe process("./usdt").mark(3) {} probe process("./usdt").mark("request").return {}
      |                       ^~~~~
<input>:1:53: error: target variables such as $$name can only be used in process and kernel.trace probes
    1 | function f() { return $arg1 } probe begin { println($$name) } probe process("./usdt").mark(3) {} probe process("./usdt").mark("request").return {}
      |                                                     ^~~~~~
<input>:1:69: error: probe point process("./usdt").mark(3) does not resolve: .mark takes the name of a USDT probe, as in .mark("request__start")
    1 | function f() { return $arg1 } probe begin { println($$name) } probe process("./usdt").mark(3) {} probe process("./usdt").mark("request").return {}
      |                                                                     ^~~~~~~~~~~~~~~~~~~~~~~~~
<input>:1:104: error: probe point process("./usdt").mark("request").return does not resolve: nothing can follow .mark("NAME")
    1 | function f() { return $arg1 } probe begin { println($$name) } probe process("./usdt").mark(3) {} probe process("./usdt").mark("request").return {}
      |                                                                                                        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
