# Unread globals are printed in declaration order, scalars and arrays mixed.
run: uscript -e 'global b, a, n; probe begin { n = 4; a["k"] = 1; b[2] = 2; exit() }'
--- stdout
b[2]=2
a["k"]=1
n=4
