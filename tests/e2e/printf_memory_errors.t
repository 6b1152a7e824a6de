# %m and %M take the number of bytes in the format: '*' is refused, as is
# more than MAXSTRINGLEN; sprintf's %m cannot run in a process probe.
run: cd "$T" && uscript -p3 -D MAXSTRINGLEN=16 -e 'probe process("./args").function("six") { printf("%.*m\n", 2, pointer_arg(5)); printf("%.20M\n", pointer_arg(5)); x = sprintf("%m", pointer_arg(5)) }' > /dev/null
--- stderr
<input>:1:63: error: %.*m is not supported: give the number of bytes in the format, as in %.16m
    1 | probe process("./args").function("six") { printf("%.*m\n", 2, pointer_arg(5)); printf("%.20M\n", pointer_arg(5)); x = sprintf("%m", pointer_arg(5)) }
      |                                                               ^~~~~~~~~~~~~~
<input>:1:98: error: %M reads at most MAXSTRINGLEN (16) bytes, not 20
    1 | probe process("./args").function("six") { printf("%.*m\n", 2, pointer_arg(5)); printf("%.20M\n", pointer_arg(5)); x = sprintf("%m", pointer_arg(5)) }
      |                                                                                                  ^~~~~~~~~~~~~~
<input>:1:127: error: sprintf's %m cannot run in a process probe: use printf, or sprintf in a begin, end or timer probe
    1 | probe process("./args").function("six") { printf("%.*m\n", 2, pointer_arg(5)); printf("%.20M\n", pointer_arg(5)); x = sprintf("%m", pointer_arg(5)) }
      |                                                                                                                               ^~~~
--- status
1
