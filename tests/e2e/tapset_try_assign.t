# @try_assign, a macro of the built-in tapset's try_assign.stpm, read when
# a script first uses it: the fallback where the expression raises an
# error (a division by zero), the value where it does not; in a process
# probe and in begin.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { z = 0; @try_assign(x, 10 / z, -1); @try_assign(y, 10 / (z + 2), -1); println(x, " ", y) }' -c './add 1' && uscript -e 'probe begin { z = 0; @try_assign(x, 10 / z, -1); @try_assign(y, 10 / (z + 2), -1); println(x, " ", y); exit() }'
--- stdout
-1 5
-1 5
