# Array slices, as SystemTap has them: foreach over x[1, *] and x[*, "a"]
# (sorted, with a limit counted on the matching elements, with the value),
# [k, *] in x, a slice in a while condition (tested again each time), and
# delete x[*, k], in a begin probe.
run: uscript "$D/slice_host.up"
--- stdout
1: 1 a 10
1: 1 b 30
1: 1 c 50
a: 3 a
a: 2 a
v: 10
v: 20
v: 40
in 1 0 1
n 1
in 0
