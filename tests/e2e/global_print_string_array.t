# An unread array of strings: s["x"]="v", sorted by value, largest first.
run: uscript -e 'global s; probe begin { s["x"] = "v"; s["y"] = "zz"; s["w"] = "a"; s["q"] = ""; exit() }'
--- stdout
s["y"]="zz"
s["x"]="v"
s["w"]="a"
s["q"]=""
