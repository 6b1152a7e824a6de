# needs: nothing
# What is wrong with a target variable is an error at its place naming
# the probe point: a name that is not there (with the parameters there
# are), a member that is not there (with those there are), a whole
# struct, a local at the entry, $return outside .return, and a file
# without debug information (pointing to int_arg()).
run: cd "$T" && d=$(mktemp -d) && gcc -O0 -o $d/nodebug "$D/../targets/vars.c" && for s in 'probe process("./vars").function("scalars") { println($nosuch) }' 'probe process("./vars").function("pointers") { println($o->nosuch + $o->in + $vp->x) }' 'probe process("./vars").function("main") { println($k) }' 'probe process("./vars").function("scalars") { println($return) }' 'probe process("'$d'/nodebug").function("scalars") { println($i) }'; do uscript -p2 -e "$s" 2>&1 | sed -e "s|$T|T|g" -e "s|$d|D|g" -e 's|[^ (@"]*/vars.c:|vars.c:|g'; echo "status ${PIPESTATUS[0]}"; done; rm -r $d
--- stdout
<input>:1:55: error: no parameter or variable $nosuch in scalars, at process("T/vars").function("scalars@vars.c:34")
    1 | probe process("./vars").function("scalars") { println($nosuch) }
      |                                                       ^~~~~~~
<input>:1:7: note: the parameters of scalars are: i, uc, s, l, u, c, b, col
    1 | probe process("./vars").function("scalars") { println($nosuch) }
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:56: error: $o->nosuch at process("T/vars").function("pointers@vars.c:40"): unable to find member 'nosuch' for struct outer (alternatives: id, in, arr, big, flag, name, next, small, ratio)
    1 | probe process("./vars").function("pointers") { println($o->nosuch + $o->in + $vp->x) }
      |                                                        ^~~~~~~~~~
<input>:1:69: error: $o->in at process("T/vars").function("pointers@vars.c:40"): 'struct inner' (vars.c:11) is being accessed instead of a member such as '->x'
    1 | probe process("./vars").function("pointers") { println($o->nosuch + $o->in + $vp->x) }
      |                                                                     ^~~~~~
<input>:1:78: error: $vp->x at process("T/vars").function("pointers@vars.c:40"): invalid access '->x' vs 'void*'
    1 | probe process("./vars").function("pointers") { println($o->nosuch + $o->in + $vp->x) }
      |                                                                              ^~~~~~
status 1
<input>:1:52: error: $k of main cannot be read: it is a local variable, which has no value yet at the function's first instruction
    1 | probe process("./vars").function("main") { println($k) }
      |                                                    ^~
status 1
<input>:1:55: error: $return can only be read in .return probes
    1 | probe process("./vars").function("scalars") { println($return) }
      |                                                       ^~~~~~~
status 1
<input>:1:76: error: $i needs debug information, and D/nodebug has none (no separate debug file was found by build id or .gnu_debuglink beside it, in its .debug/ directory or under /usr/lib/debug, nor by debuginfod (DEBUGINFOD_URLS is not set); install its debug package (PACKAGE-dbgsym on Debian and Ubuntu, PACKAGE-debuginfo on Fedora), point DEBUGINFOD_URLS at a debuginfod server, or build it with -g); without it, int_arg(N), uint_arg(N), long_arg(N), pointer_arg(N) and returnval() read the arguments and the return value
    1 | probe process("D/nodebug").function("scalars") { println($i) }
      |                                                                            ^~
status 1
