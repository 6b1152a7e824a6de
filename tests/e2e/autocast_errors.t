# needs: nothing
# An autocast whose value has no type is an error at the value: a local
# never given a typed value, a global, a builtin's result, an expression,
# a local given two types, a function's return of a plain long; a member
# that is not there (by DWARF, and by the kernel's BTF for a value from a
# kernel.trace probe), and '->' on a number by DWARF.
run: cd "$T" && for s in 'global g; probe process("./vars").function("pointers") { x = 1; println(x->a + g->b + strlen("a")->c + (1+2)->d) }' 'function f(p) { return p } probe process("./vars").function("pointers") { o = $o; if ($ip) o = $str; u = $o->id; n = $o->next; println(o->id + f(1)->x + u->x + n->nosuch) }' 'probe kernel.trace("sched:sched_switch") { p = $prev; println(p->pidd) }' 'probe process("./vars").function("pointers") { o = $o } probe process("./vars").function("pointers") { println(o->id) }'; do uscript -u -p2 -e "$s" 2>&1 | sed -e "s|$T|T|g" -e 's|[^ (@"]*/vars.c:|vars.c:|g'; echo "status ${PIPESTATUS[0]}"; done
--- stdout
<input>:1:73: error: autocast needs a typed value before '->': 'x' was not assigned one before (a target variable such as $p, an @cast, or a typed local or function's return) (at process("T/vars").function("pointers@vars.c:40"))
    1 | global g; probe process("./vars").function("pointers") { x = 1; println(x->a + g->b + strlen("a")->c + (1+2)->d) }
      |                                                                         ^
<input>:1:80: error: autocast needs a typed value before '->': 'g' is a global, and only locals and functions' returns keep the type of what they hold (at process("T/vars").function("pointers@vars.c:40"))
    1 | global g; probe process("./vars").function("pointers") { x = 1; println(x->a + g->b + strlen("a")->c + (1+2)->d) }
      |                                                                                ^
<input>:1:87: error: autocast needs a typed value before '->': strlen() returns no value with a type by DWARF (it is a builtin) (at process("T/vars").function("pointers@vars.c:40"))
    1 | global g; probe process("./vars").function("pointers") { x = 1; println(x->a + g->b + strlen("a")->c + (1+2)->d) }
      |                                                                                       ^~~~~~~~~~~
<input>:1:105: error: autocast needs a typed value before '->': only target expressions, locals, function calls and their members carry one (at process("T/vars").function("pointers@vars.c:40"))
    1 | global g; probe process("./vars").function("pointers") { x = 1; println(x->a + g->b + strlen("a")->c + (1+2)->d) }
      |                                                                                                         ^~~
status 1
<input>:1:136: error: autocast needs a typed value before '->': 'o' is given values of two types, struct outer* at 1:79 and char const* at 1:96, and autocast reads members by one (at process("T/vars").function("pointers@vars.c:40"))
    1 | function f(p) { return p } probe process("./vars").function("pointers") { o = $o; if ($ip) o = $str; u = $o->id; n = $o->next; println(o->id + f(1)->x + u->x + n->nosuch) }
      |                                                                                                                                        ^
<input>:1:144: error: autocast needs a typed value before '->': f() returns no value with a type by DWARF (at process("T/vars").function("pointers@vars.c:40"))
    1 | function f(p) { return p } probe process("./vars").function("pointers") { o = $o; if ($ip) o = $str; u = $o->id; n = $o->next; println(o->id + f(1)->x + u->x + n->nosuch) }
      |                                                                                                                                                ^~~~
<input>:1:154: error: autocast of a value of type long int: invalid access '->x' vs. long int
    1 | function f(p) { return p } probe process("./vars").function("pointers") { o = $o; if ($ip) o = $str; u = $o->id; n = $o->next; println(o->id + f(1)->x + u->x + n->nosuch) }
      |                                                                                                                                                          ^~~~
<input>:1:161: error: autocast of a value of type struct inner*: unable to find member 'nosuch' for struct inner (alternatives: x, y)
    1 | function f(p) { return p } probe process("./vars").function("pointers") { o = $o; if ($ip) o = $str; u = $o->id; n = $o->next; println(o->id + f(1)->x + u->x + n->nosuch) }
      |                                                                                                                                                                 ^~~~~~~~~
status 1
<input>:1:63: error: autocast of a value of type struct task_struct* at kernel.trace("sched:sched_switch"): no member 'pidd' in struct task_struct
    1 | probe kernel.trace("sched:sched_switch") { p = $prev; println(p->pidd) }
      |                                                               ^~~~~~~
status 1
<input>:1:112: error: autocast needs a typed value before '->': 'o' was not assigned one before (a target variable such as $p, an @cast, or a typed local or function's return) (at process("T/vars").function("pointers@vars.c:40"))
    1 | probe process("./vars").function("pointers") { o = $o } probe process("./vars").function("pointers") { println(o->id) }
      |                                                                                                                ^
status 1
