# needs: nothing
# An alias the listed text defines (stap's -L wraps its argument in
# "probe ... {}" too): -L gives the alias's variables and the function's
# parameters; with two definitions on different functions, only what both
# give is listed.
run: cd "$T" && uscript -L 'my.add = process("./add").function("add") { total = $a + $b; who = "add" } probe my.add'; uscript -L 'my.f = process("./add").function("add") { both = 1; only_add = $a } probe my.f = process("./add").function("main") { both = 2 } probe my.f'; uscript -l 'my.add = process("./add").function("add") {} probe my.main = process("./add").function("main") {} probe my.*'
--- stdout
my.add total:long who:string $a:int $b:int
my.f both:long
my.add
my.main
