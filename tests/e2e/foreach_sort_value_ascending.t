# v = [k] in a+ sorts by value ascending and gives the value in v.
run: uscript -e 'global a; probe begin { a["x"] = 5; a["y"] = -2; a["z"] = 9; a["w"] = 0; foreach (v = [k] in a+) printf("%s=%d ", k, v); println(""); exit() }'
--- stdout
y=-2 w=0 x=5 z=9 
