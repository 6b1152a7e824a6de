# v = [k] in a- sorts by value descending.
run: uscript -e 'global a; probe begin { a["x"] = 5; a["y"] = -2; a["z"] = 9; a["w"] = 0; foreach (v = [k] in a-) printf("%s=%d ", k, v); println(""); exit() }'
--- stdout
z=9 x=5 w=0 y=-2 
