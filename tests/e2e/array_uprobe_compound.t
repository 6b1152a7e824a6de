# +=, -=, ++ and -- on elements in a process probe, missing elements from 0.
run: cd "$T" && uscript -e 'global a; probe process("./add").function("add") { a["sum"] += int_arg(2); a["neg"] -= int_arg(1); a["n"]++; a["m"]--; } probe end { printf("%d %d %d %d\n", a["sum"], a["neg"], a["n"], a["m"]) }' -c './add 4'
--- stdout
10 -6 4 -4
