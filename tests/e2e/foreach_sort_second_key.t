# [a, b+] sorts by the second key only; elements equal in it keep creation
# order (the runtime's merge sort is stable).
run: uscript -e 'global x; probe begin { x["p", 2] = 1; x["q", 1] = 1; x["r", 2] = 1; x["s", 0] = 1; x["t", 1] = 1; foreach ([a, b+] in x) printf("%s%d ", a, b); println(""); exit() }'
--- stdout
s0 q1 t1 p2 r2 
