# %m and %M read at most MAXSTRINGLEN bytes, in printf and in sprintf.
# (-u: nothing reads x, and elision would leave the call out.)
run: cd "$T" && uscript -u -p3 -D MAXSTRINGLEN=16 -e 'probe process("./args").function("six") { printf("%.20M\n", pointer_arg(5)); x = sprintf("%.17m", pointer_arg(5)) }' > /dev/null
--- stderr
<input>:1:61: error: %M reads at most MAXSTRINGLEN (16) bytes, not 20
    1 | probe process("./args").function("six") { printf("%.20M\n", pointer_arg(5)); x = sprintf("%.17m", pointer_arg(5)) }
      |                                                             ^~~~~~~~~~~~~~
<input>:1:99: error: %m reads at most MAXSTRINGLEN (16) bytes, not 17
    1 | probe process("./args").function("six") { printf("%.20M\n", pointer_arg(5)); x = sprintf("%.17m", pointer_arg(5)) }
      |                                                                                                   ^~~~~~~~~~~~~~
--- status
1
