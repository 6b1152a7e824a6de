# needs: nothing
# -L lists a source line spec's places with the variables in scope at
# each: ":*" every line of the function with code, ranges and lists of
# lines, "+N" below the declaration, "*" for every function of a file named
# by its last components; the declaration's line names the function itself
# (its entry, its parameters); an inlined function's lines are its own.
run: cd "$T" && for spec in 'scale@lines.c:*' 'scale@lines.c:13-15,20' 'scale@lines.c+6' '*@targets/lines.c:36' 'main@lines.c:31' 'twice@lines.c:26'; do uscript -L 'process("./lines").statement("'$spec'")'; done | sed -e "s|$T|T|" -e 's|@/[^"]*/lines.c|@lines.c|'
--- stdout
process("T/lines").statement("scale@lines.c:10") $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:11") $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:12") $j:int $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:13") $step:int $j:int $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:14") $step:int $j:int $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:15") $step:int $j:int $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:17") $step:int $j:int $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:18") $step:int $j:int $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:20") $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:21") $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:22") $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:13") $step:int $j:int $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:14") $step:int $j:int $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:15") $step:int $j:int $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:20") $x:int $k:int $total:int
process("T/lines").statement("scale@lines.c:15") $step:int $j:int $x:int $k:int $total:int
process("T/lines").statement("main@lines.c:36") $i:int $argc:int $argv:char** $n:int $sum:int
process("T/lines").statement("main@lines.c:31") $argc:int $argv:char** $n:int $sum:int
process("T/lines").statement("twice@lines.c:26") $v:int $doubled:int
