# needs: nothing
# .nearest, as in SystemTap: a line without code is the nearest line with
# some, within 5 lines, the later of two as near, for a single line, "+N",
# and each line of a list; pp() names the line probed.  Nothing near is
# still an error, and only .nearest may follow a source line.
run: cd "$T" && for spec in 'scale@lines.c:16' 'scale@lines.c:8' 'scale@lines.c+10' 'scale@lines.c:14-16,19'; do uscript -l 'process("./lines").statement("'$spec'").nearest'; done | sed -e "s|$T|T|" -e 's|@/[^"]*/lines.c|@lines.c|'; uscript -p2 -e 'probe process("./lines").statement("scale@lines.c:99").nearest {} probe process("./lines").statement("scale@lines.c:16").return {}' 2>&1 | grep error: | sed -e 's|/[^ ]*/lines.c:|lines.c:|'
--- stdout
process("T/lines").statement("scale@lines.c:17")
process("T/lines").statement("scale@lines.c:10")
process("T/lines").statement("scale@lines.c:20")
process("T/lines").statement("scale@lines.c:14")
process("T/lines").statement("scale@lines.c:15")
process("T/lines").statement("scale@lines.c:17")
process("T/lines").statement("scale@lines.c:20")
<input>:1:7: error: probe point process("./lines").statement("scale@lines.c:99").nearest does not resolve: no code at lines.c:99, nor within 5 lines of it, in the functions that 'scale' names
<input>:1:73: error: probe point process("./lines").statement("scale@lines.c:16").return does not resolve: only .nearest can follow .statement("LINE")
