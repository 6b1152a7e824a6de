# limit N stops after N elements of the sorted walk: the two largest values.
run: uscript -e 'global a; probe begin { a["a"] = 4; a["b"] = 9; a["c"] = 1; a["d"] = 7; a["e"] = 3; foreach (v = [k] in a- limit 2) printf("%s=%d ", k, v); println(""); exit() }'
--- stdout
b=9 d=7 
