# What cannot be read at a tracepoint is an error at its place, naming the
# point and what there is.
run: for s in 'probe kernel.trace("sched_process_exec") { println($foo) }' 'probe kernel.trace("sched_process_exec") { println($p->no_such_member) }' 'probe kernel.trace("sched_process_exec") { println($old_pid->x) }' 'probe kernel.trace("sched_process_exec") { println($$parms$) }' 'probe begin { println($prev) }'; do uscript -p2 -e "$s" 2>&1; echo "status ${PIPESTATUS[0]}"; done
--- stdout
<input>:1:52: error: no target variable $foo at kernel.trace("sched:sched_process_exec"): the tracepoint's arguments are $p, $old_pid and $bprm
    1 | probe kernel.trace("sched_process_exec") { println($foo) }
      |                                                    ^~~~
status 1
<input>:1:52: error: cannot read $p at kernel.trace("sched:sched_process_exec"): no member 'no_such_member' in struct task_struct
    1 | probe kernel.trace("sched_process_exec") { println($p->no_such_member) }
      |                                                    ^~~~~~~~~~~~~~~~~~
status 1
<input>:1:52: error: cannot read $old_pid at kernel.trace("sched:sched_process_exec"): pid_t is not a struct or a pointer to one: it has no member 'x'
    1 | probe kernel.trace("sched_process_exec") { println($old_pid->x) }
      |                                                    ^~~~~~~~~~~
status 1
<input>:1:52: error: pretty-printed target variables such as $$parms$ are not available at kernel.trace("sched:sched_process_exec") yet
    1 | probe kernel.trace("sched_process_exec") { println($$parms$) }
      |                                                    ^~~~~~~~
status 1
<input>:1:23: error: target variables such as $prev can only be used in process and kernel.trace probes
    1 | probe begin { println($prev) }
      |                       ^~~~~
status 1
