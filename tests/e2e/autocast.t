# Autocast: a local, a function's return, '&', '?:' and $return keep their
# DWARF type, so '->' chains work on them; in PIE and non-PIE programs.
run: cd "$T" && for b in vars vars_nopie; do uscript "$D/autocast.up" ./$b -c ./$b; done
--- stdout
42 7 30 -4 -4
-2 outer
30 20 30
-4 42
make 5
42 7 30 -4 -4
-2 outer
30 20 30
-4 42
make 5
