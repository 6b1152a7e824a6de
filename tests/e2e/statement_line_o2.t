# Built -O2 (gcc PIE and not, clang), a variable lives in registers and
# its place changes along the function: $x, $j and $step are read where
# the location list puts them at line 15.  clang keeps no line 15 (its
# code is line 14's), and there $step is not computed yet and k is kept
# nowhere: "?" in $$vars, as in SystemTap.
run: d=$(mktemp -d) && gcc -O2 -g -o $d/pie "$D/../targets/lines.c" && gcc -O2 -g -fno-pie -no-pie -o $d/nopie "$D/../targets/lines.c" && clang -O2 -g -o $d/clang "$D/../targets/lines.c" && for b in pie nopie; do uscript -e 'probe process("'$d/$b'").statement("scale@lines.c:15") { printf("%d %d %d|%s\n", $x, $j, $step, $$vars) }' -c "$d/$b 2"; done && uscript -e 'probe process("'$d'/clang").statement("scale@lines.c:14") { printf("%d %d|%s\n", $x, $j, $$vars) }' -c "$d/clang 2"; rm -r $d
--- stdout
0 0 0|step=0x0 j=0x0 x=0x0 k=0x2 total=0x0
0 1 0|step=0x0 j=0x1 x=0x0 k=0x2 total=0x0
1 0 0|step=0x0 j=0x0 x=0x1 k=0x2 total=0x0
1 1 1|step=0x1 j=0x1 x=0x1 k=0x2 total=0x0
0 0 0|step=0x0 j=0x0 x=0x0 k=0x2 total=0x0
0 1 0|step=0x0 j=0x1 x=0x0 k=0x2 total=0x0
1 0 0|step=0x0 j=0x0 x=0x1 k=0x2 total=0x0
1 1 1|step=0x1 j=0x1 x=0x1 k=0x2 total=0x0
0 0|step=? j=0x0 x=0x0 k=? total=0x0
0 1|step=? j=0x1 x=0x0 k=? total=0x0
1 0|step=? j=0x0 x=0x1 k=? total=0x0
1 1|step=? j=0x1 x=0x1 k=? total=0x0
