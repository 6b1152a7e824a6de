# %m and %M read at most MAXSTRINGLEN bytes; sprintf's %m cannot run in a
# process probe.  (-u: nothing reads x, and elision would leave the call
# out before it is refused.)
run: cd "$T" && uscript -u -p3 -D MAXSTRINGLEN=16 -e 'probe process("./args").function("six") { printf("%.20M\n", pointer_arg(5)); x = sprintf("%m", pointer_arg(5)) }' > /dev/null
--- stderr
<input>:1:61: error: %M reads at most MAXSTRINGLEN (16) bytes, not 20
    1 | probe process("./args").function("six") { printf("%.20M\n", pointer_arg(5)); x = sprintf("%m", pointer_arg(5)) }
      |                                                             ^~~~~~~~~~~~~~
<input>:1:90: error: sprintf's %m cannot run in a process probe: use printf, or sprintf in a begin, end or timer probe
    1 | probe process("./args").function("six") { printf("%.20M\n", pointer_arg(5)); x = sprintf("%m", pointer_arg(5)) }
      |                                                                                          ^~~~
--- status
1
