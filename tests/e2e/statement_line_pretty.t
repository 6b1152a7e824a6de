# At a source line and a label, $$vars$, $$locals$, $$parms$$ and $x$ are
# printed as at a function's entry (pretty-printed, structs' members and
# strings), from the variables in scope there.
run: cd "$T" && uscript -e 'probe process("./lines").statement("scale@lines.c:15") { printf("%s|%s|%s|%s\n", $$vars, $$locals$, $$parms$$, $step$) } probe process("./lines").function("twice").label("done") { printf("%s|%s\n", $$vars$, $v$) }' -c './lines 2' && uscript -e 'probe process("./vars").statement("pointers@vars.c:42") { printf("%s\n%s %d\n", $o$, $str$, $o->id) }' -c './vars' | sed 's/next=0x[0-9a-f]*/next=ADDR/'
--- stdout
step=0x0 j=0x0 x=0x0 k=0x2 total=0x0|step=0 j=0 total=0|x=0 k=2|0
step=0x0 j=0x1 x=0x0 k=0x2 total=0x0|step=0 j=1 total=0|x=0 k=2|0
v=0 doubled=0|0
step=0x0 j=0x0 x=0x1 k=0x2 total=0x0|step=0 j=0 total=0|x=1 k=2|0
step=0x1 j=0x1 x=0x1 k=0x2 total=0x0|step=1 j=1 total=0|x=1 k=2|1
v=1 doubled=3|1
{.id=42, .name=[...], .in={...}, .next=ADDR, .arr=[...], .flag=1, .small=-3, .ratio=?, .big=?}
"hello" 42
