# needs: nothing
# What is wrong with an @cast, an @var or a '&' is an error at its place:
# a type the DWARF does not have, a member that is not there, a whole
# struct, a module that cannot be found, a type or member the kernel's
# BTF does not have (two ways of naming the kernel),
# a variable that is not there or not in the file named, '&' of a value in
# a register, of a bit-field and of a USDT argument.
run: cd "$T" && for s in 'probe process("./casts").function("take") { println(@cast($p, "struct nosuch")->x + @cast($p, "struct rec")->nosuch + @cast($p, "struct rec")->at[1]) }' 'probe process("./casts").function("take") { println(@cast($p, "struct rec", "nosuchlib.so.9")->id + @cast($p, "struct task_nosuch", "kernel")->pid + @cast($p, "struct task_struct", "kernel<linux/sched.h>")->pidd) }' 'probe process("./casts").function("take") { println(@var("nosuch") + @var("counter@other.c") + @var("hidden@casts.c")->x) }' 'probe process("./casts").function("take") { println(&$p + &@cast($p, "struct rec")->flag) }' 'probe process("./usdt").mark("request") { println(&$arg1) }'; do uscript -p2 -e "$s" 2>&1 | sed -e "s|$T|T|g" -e 's|[^ (@"]*/casts.c:|casts.c:|g'; echo "status ${PIPESTATUS[0]}"; done
--- stdout
<input>:1:63: error: @cast to an unknown type: no type 'struct nosuch' in the debug information of T/casts
    1 | probe process("./casts").function("take") { println(@cast($p, "struct nosuch")->x + @cast($p, "struct rec")->nosuch + @cast($p, "struct rec")->at[1]) }
      |                                                               ^~~~~~~~~~~~~~~
<input>:1:85: error: @cast($p, "struct rec")->nosuch at process("T/casts").function("take@casts.c:38"): unable to find member 'nosuch' for struct rec (alternatives: at, id, flag, name, next)
    1 | probe process("./casts").function("take") { println(@cast($p, "struct nosuch")->x + @cast($p, "struct rec")->nosuch + @cast($p, "struct rec")->at[1]) }
      |                                                                                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
<input>:1:119: error: @cast($p, "struct rec")->at[1] at process("T/casts").function("take@casts.c:38"): 'struct point' (casts.c:10) is being accessed instead of a member such as '->x'
    1 | probe process("./casts").function("take") { println(@cast($p, "struct nosuch")->x + @cast($p, "struct rec")->nosuch + @cast($p, "struct rec")->at[1]) }
      |                                                                                                                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:77: error: @cast's module "nosuchlib.so.9": not found in $PATH, LD_LIBRARY_PATH, /etc/ld.so.cache or the default library directories
    1 | probe process("./casts").function("take") { println(@cast($p, "struct rec", "nosuchlib.so.9")->id + @cast($p, "struct task_nosuch", "kernel")->pid + @cast($p, "struct task_struct", "kernel<linux/sched.h>")->pidd) }
      |                                                                             ^~~~~~~~~~~~~~~~
<input>:1:111: error: @cast to an unknown type: the kernel's BTF has no type 'struct task_nosuch'
    1 | probe process("./casts").function("take") { println(@cast($p, "struct rec", "nosuchlib.so.9")->id + @cast($p, "struct task_nosuch", "kernel")->pid + @cast($p, "struct task_struct", "kernel<linux/sched.h>")->pidd) }
      |                                                                                                               ^~~~~~~~~~~~~~~~~~~~
<input>:1:150: error: @cast($p, "struct task_struct", "kernel<linux/sched.h>")->pidd at process("T/casts").function("take@casts.c:38"): no member 'pidd' in struct task_struct
    1 | probe process("./casts").function("take") { println(@cast($p, "struct rec", "nosuchlib.so.9")->id + @cast($p, "struct task_nosuch", "kernel")->pid + @cast($p, "struct task_struct", "kernel<linux/sched.h>")->pidd) }
      |                                                                                                                                                      ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:53: error: no parameter or variable @var("nosuch") in take, at process("T/casts").function("take@casts.c:38")
    1 | probe process("./casts").function("take") { println(@var("nosuch") + @var("counter@other.c") + @var("hidden@casts.c")->x) }
      |                                                     ^~~~~~~~~~~~~~
<input>:1:7: note: the parameters of take are: p, table
    1 | probe process("./casts").function("take") { println(@var("nosuch") + @var("counter@other.c") + @var("hidden@casts.c")->x) }
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
<input>:1:75: error: @var("counter@other.c"): no compilation unit 'other.c' in the debug information of T/casts
    1 | probe process("./casts").function("take") { println(@var("nosuch") + @var("counter@other.c") + @var("hidden@casts.c")->x) }
      |                                                                           ^~~~~~~~~~~~~~~~~
<input>:1:96: error: @var("hidden@casts.c")->x at process("T/casts").function("take@casts.c:38"): invalid access '->x' vs. int
    1 | probe process("./casts").function("take") { println(@var("nosuch") + @var("counter@other.c") + @var("hidden@casts.c")->x) }
      |                                                                                                ^~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:53: error: &$p at process("T/casts").function("take@casts.c:38"): cannot take the address of a value held in a register
    1 | probe process("./casts").function("take") { println(&$p + &@cast($p, "struct rec")->flag) }
      |                                                     ^~~
<input>:1:59: error: &@cast($p, "struct rec")->flag at process("T/casts").function("take@casts.c:38"): cannot take the address of bit-field 'flag'
    1 | probe process("./casts").function("take") { println(&$p + &@cast($p, "struct rec")->flag) }
      |                                                           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:51: error: '&' of $arg1: at process("T/usdt").mark("request"), a USDT probe's arguments are values, not places in memory
    1 | probe process("./usdt").mark("request") { println(&$arg1) }
      |                                                   ^~~~~~
status 1
